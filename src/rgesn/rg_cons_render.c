/* rg_cons_render.c: the consolidation of services' assessments as a report
 * section: Markdown, an HTML fragment, or JSON. */
#include <string.h>

#include "report/fmt.h"
#include "report/html.h"
#include "rgesn/rg_report_int.h"

static const char intro[] =
	"Services numériques enregistrés et score de leur dernière évaluation complète "
	"selon le RGESN : part des critères conformes parmi les critères applicables. La "
	"répartition compte les services évalués par tranche de score.";
static const char h_failed[] = "Critères le plus souvent non conformes";
static const char no_failed[] = "Aucun critère n'est déclaré non conforme.";

#define NCOLS 8
static const char *const cols[NCOLS] = {
	"Ministère",
	"Services",
	"Évalués",
	"Score moyen",
	"Moins de 25" FMT_NBSP "%",
	"De 25 à moins de 50" FMT_NBSP "%",
	"De 50 à moins de 75" FMT_NBSP "%",
	"75" FMT_NBSP "% et plus",
};
static const int bounds[RG_DIST_N + 1] = { 0, 25, 50, 75, 100 };

static void average_text(const struct rg_cons_group *g, struct buf *out)
{
	if (!g->has_average) {
		buf_adds(out, "—");
		return;
	}
	fmt_dec(out, g->average, 1);
	buf_adds(out, FMT_NBSP "%");
}

/* "12 services enregistrés, dont 8 évalués ; score moyen des services
 * évalués : 54,3 %." */
static void summary(const struct rg_cons *c, struct buf *out)
{
	const struct rg_cons_group *n = &c->national;
	if (!n->services) {
		buf_adds(out, "Aucun service numérique n'est enregistré.");
		return;
	}
	rg_fmt_count(out, n->services, "service enregistré", "services enregistrés");
	if (!n->assessed) {
		buf_adds(out, n->services > 1 ? ", aucun n'a encore d'évaluation complète."
					      : ", sans évaluation complète.");
		return;
	}
	buf_adds(out, ", dont ");
	rg_fmt_count(out, n->assessed, "évalué", "évalués");
	if (n->has_average) {
		buf_adds(out, " ; score moyen des services évalués : ");
		average_text(n, out);
	}
	buf_addc(out, '.');
}

/* "Ministères sans service enregistré : A, B." */
static void without_text(const struct rg_cons *c, const struct rg_cons_opts *o, struct buf *out)
{
	/* Without any service, the summary says it already. */
	if (!o || !o->nwithout || !c->national.services)
		return;
	buf_adds(out, o->nwithout > 1 ? "Ministères sans service enregistré : "
				      : "Ministère sans service enregistré : ");
	for (size_t i = 0; i < o->nwithout; i++) {
		buf_adds(out, i ? ", " : "");
		buf_adds(out, o->without_names[i]);
	}
	buf_addc(out, '.');
}

/* The texts of one row of the ministries table. */
static void row_texts(const struct rg_cons_group *g, const char *label, struct buf *cells)
{
	for (size_t i = 0; i < NCOLS; i++)
		buf_reset(&cells[i]);
	buf_adds(&cells[0], label);
	fmt_count(&cells[1], g->services);
	fmt_count(&cells[2], g->assessed);
	average_text(g, &cells[3]);
	for (size_t b = 0; b < RG_DIST_N; b++)
		fmt_count(&cells[4 + b], g->dist[b]);
}

static void md_row(struct buf *out, struct buf *cells, int bold)
{
	buf_adds(out, "|");
	for (size_t i = 0; i < NCOLS; i++) {
		buf_adds(out, bold ? " **" : " ");
		fmt_md_esc(out, cells[i].ptr);
		buf_adds(out, bold ? "** |" : " |");
	}
	buf_addc(out, '\n');
}

static void render_md(const struct rg_cons *c, const struct rg_cons_opts *o, struct buf *out)
{
	struct buf t = BUF_INIT, cells[NCOLS];
	buf_adds(out, "\n## " RG_CONS_HEADING "\n\n");
	fmt_md_esc(out, intro);
	buf_adds(out, "\n\n");
	summary(c, &t);
	fmt_md_esc(out, t.ptr);
	buf_addc(out, '\n');
	for (size_t i = 0; i < NCOLS; i++)
		buf_init(&cells[i]);
	if (c->ngroups) {
		buf_adds(out, "\n|");
		for (size_t i = 0; i < NCOLS; i++) {
			buf_addc(out, ' ');
			fmt_md_esc(out, cols[i]);
			buf_adds(out, " |");
		}
		buf_adds(out, "\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (size_t g = 0; g < c->ngroups; g++) {
			row_texts(&c->groups[g], c->groups[g].name, cells);
			md_row(out, cells, 0);
		}
		if (c->ngroups > 1) {
			row_texts(&c->national, "Ensemble", cells);
			md_row(out, cells, 1);
		}
	}
	buf_reset(&t);
	without_text(c, o, &t);
	if (t.len) {
		buf_addc(out, '\n');
		fmt_md_esc(out, t.ptr);
		buf_addc(out, '\n');
	}
	if (c->national.assessed) {
		buf_adds(out, "\n### ");
		fmt_md_esc(out, h_failed);
		buf_adds(out, "\n\n");
		if (!c->nfailed) {
			fmt_md_esc(out, no_failed);
			buf_addc(out, '\n');
		} else {
			buf_adds(out, "| Rang | Critère | Intitulé | Services non conformes |\n"
				      "|---:|---|---|---:|\n");
		}
		for (size_t i = 0; i < c->nfailed; i++) {
			buf_addf(out, "| %zu | ", i + 1);
			fmt_md_esc(out, c->failed[i].criterion);
			buf_adds(out, " | ");
			fmt_md_esc(out, c->failed[i].title);
			buf_adds(out, " | ");
			fmt_count(out, c->failed[i].count);
			buf_adds(out, " |\n");
		}
	}
	for (size_t i = 0; i < NCOLS; i++)
		buf_free(&cells[i]);
	buf_free(&t);
}

static void h_row(struct buf *out, struct buf *cells)
{
	buf_adds(out, "<tr>");
	html_th_row(out, cells[0].ptr);
	for (size_t i = 1; i < NCOLS; i++) {
		buf_adds(out, "<td class=\"n\">");
		html_esc(out, cells[i].ptr);
		buf_adds(out, "</td>");
	}
	buf_adds(out, "</tr>");
}

static void h_para(struct buf *out, const char *text)
{
	buf_adds(out, "<p>");
	html_esc(out, text);
	buf_adds(out, "</p>");
}

/* "moins de 25 % : 0 ; de 25 à moins de 50 % : 1 ; …" */
static void dist_text(const struct rg_cons_group *g, struct buf *out)
{
	static const char *const lows[RG_DIST_N] = {
		"moins de 25" FMT_NBSP "% : ",
		"de 25 à moins de 50" FMT_NBSP "% : ",
		"de 50 à moins de 75" FMT_NBSP "% : ",
		"75" FMT_NBSP "% et plus : ",
	};
	for (size_t b = 0; b < RG_DIST_N; b++) {
		buf_adds(out, b ? " ; " : "");
		buf_adds(out, lows[b]);
		fmt_count(out, g->dist[b]);
	}
}

/* "3 services enregistrés, dont 2 évalués, score moyen 54,3 % (moins de
 * 25 % : 0 ; …)" */
static void group_sentence(const struct rg_cons_group *g, struct buf *out)
{
	rg_fmt_count(out, g->services, "service enregistré", "services enregistrés");
	if (!g->assessed) {
		buf_adds(out, g->services > 1 ? ", aucun évalué" : ", non évalué");
		return;
	}
	buf_adds(out, ", dont ");
	rg_fmt_count(out, g->assessed, "évalué", "évalués");
	if (!g->has_average)
		return;
	buf_adds(out, ", score moyen ");
	average_text(g, out);
	buf_adds(out, " (");
	dist_text(g, out);
	buf_addc(out, ')');
}

/* The compact form: the ministries and the criteria as lists of
 * sentences. */
static void render_html_compact(const struct rg_cons *c, const struct rg_cons_opts *o,
				struct buf *out)
{
	struct buf t = BUF_INIT;
	html_section(out, "rgesn", RG_CONS_HEADING);
	h_para(out, intro);
	summary(c, &t);
	if (c->national.has_average) {
		buf_adds(&t, " Services évalués par tranche de score : ");
		dist_text(&c->national, &t);
		buf_addc(&t, '.');
	}
	h_para(out, t.ptr);
	for (size_t g = 0; g < c->ngroups; g++) {
		buf_reset(&t);
		buf_adds(&t, c->groups[g].name);
		buf_adds(&t, " : ");
		group_sentence(&c->groups[g], &t);
		buf_addc(&t, '.');
		buf_adds(out, g ? "<li>" : "<ul><li>");
		html_esc(out, t.ptr);
		buf_adds(out, g + 1 < c->ngroups ? "</li>" : "</li></ul>");
	}
	buf_reset(&t);
	without_text(c, o, &t);
	if (t.len)
		h_para(out, t.ptr);
	if (c->national.assessed) {
		buf_adds(out, "<h3>");
		html_esc(out, h_failed);
		buf_adds(out, "</h3>");
		if (!c->nfailed)
			h_para(out, no_failed);
	}
	for (size_t i = 0; c->national.assessed && i < c->nfailed; i++) {
		buf_reset(&t);
		buf_adds(&t, c->failed[i].criterion);
		buf_adds(&t, " — ");
		buf_adds(&t, c->failed[i].title);
		buf_adds(&t, " : ");
		rg_fmt_count(&t, c->failed[i].count, "service non conforme",
			     "services non conformes");
		buf_adds(out, i ? "<li>" : "<ol><li>");
		html_esc(out, t.ptr);
		buf_adds(out, i + 1 < c->nfailed ? "</li>" : "</li></ol>");
	}
	buf_adds(out, "</section>");
	buf_free(&t);
}

static void render_html(const struct rg_cons *c, const struct rg_cons_opts *o, struct buf *out)
{
	if (o && o->compact) {
		render_html_compact(c, o, out);
		return;
	}
	struct buf t = BUF_INIT, cells[NCOLS];
	html_section(out, "rgesn", RG_CONS_HEADING);
	h_para(out, intro);
	summary(c, &t);
	h_para(out, t.ptr);
	for (size_t i = 0; i < NCOLS; i++)
		buf_init(&cells[i]);
	if (c->ngroups) {
		html_table_open(out, "rgesn",
				"Services numériques enregistrés et évalués, score moyen et "
				"répartition des services évalués par tranche de score, par "
				"ministère");
		buf_adds(out, "<thead><tr>");
		for (size_t i = 0; i < NCOLS; i++)
			html_th_col(out, cols[i], i > 0);
		buf_adds(out, "</tr></thead><tbody>");
		for (size_t g = 0; g < c->ngroups; g++) {
			row_texts(&c->groups[g], c->groups[g].name, cells);
			h_row(out, cells);
		}
		buf_adds(out, "</tbody>");
		if (c->ngroups > 1) {
			buf_adds(out, "<tfoot>");
			row_texts(&c->national, "Ensemble", cells);
			h_row(out, cells);
			buf_adds(out, "</tfoot>");
		}
		buf_adds(out, "</table></div>");
	}
	buf_reset(&t);
	without_text(c, o, &t);
	if (t.len)
		h_para(out, t.ptr);
	if (c->national.assessed) {
		buf_adds(out, "<h3>");
		html_esc(out, h_failed);
		buf_adds(out, "</h3>");
		if (!c->nfailed)
			h_para(out, no_failed);
	}
	if (c->national.assessed && c->nfailed) {
		html_table_open(out, "rgesn-criteres",
				"Critères le plus souvent déclarés non conformes : nombre de "
				"services évalués non conformes");
		buf_adds(out, "<thead><tr>");
		html_th_col(out, "Rang", 1);
		html_th_col(out, "Critère", 0);
		html_th_col(out, "Intitulé", 0);
		html_th_col(out, "Services non conformes", 1);
		buf_adds(out, "</tr></thead><tbody>");
		for (size_t i = 0; i < c->nfailed; i++) {
			buf_reset(&t);
			fmt_count(&t, i + 1);
			buf_adds(out, "<tr><td class=\"n\">");
			html_esc(out, t.ptr);
			buf_adds(out, "</td>");
			html_th_row(out, c->failed[i].criterion);
			buf_adds(out, "<td>");
			html_esc(out, c->failed[i].title);
			buf_adds(out, "</td><td class=\"n\">");
			buf_reset(&t);
			fmt_count(&t, c->failed[i].count);
			html_esc(out, t.ptr);
			buf_adds(out, "</td></tr>");
		}
		buf_adds(out, "</tbody></table></div>");
	}
	buf_adds(out, "</section>");
	for (size_t i = 0; i < NCOLS; i++)
		buf_free(&cells[i]);
	buf_free(&t);
}

static json_t *j_average(const struct rg_cons_group *g)
{
	return g->has_average ? rg_json_real(g->average, 2) : json_null();
}

static json_t *j_dist(const struct rg_cons_group *g)
{
	json_t *a = json_array();
	for (size_t b = 0; b < RG_DIST_N; b++) {
		json_t *o = json_object();
		json_object_set_new(o, "from", json_integer(bounds[b]));
		json_object_set_new(o, "to", json_integer(bounds[b + 1]));
		json_object_set_new(o, "services", rg_json_count(g->dist[b]));
		json_array_append_new(a, o);
	}
	return a;
}

json_t *rg_cons_json(const struct rg_cons *c, const struct rg_cons_opts *o)
{
	json_t *root = json_object();
	json_object_set_new(root, "services", rg_json_count(c->national.services));
	json_object_set_new(root, "assessed", rg_json_count(c->national.assessed));
	json_object_set_new(root, "average", j_average(&c->national));
	json_object_set_new(root, "distribution", j_dist(&c->national));
	json_t *mins = json_array();
	for (size_t i = 0; i < c->ngroups; i++) {
		const struct rg_cons_group *g = &c->groups[i];
		json_t *m = json_object();
		json_object_set_new(m, "code", rg_json_str(g->code));
		json_object_set_new(m, "name", rg_json_str(g->name));
		json_object_set_new(m, "services", rg_json_count(g->services));
		json_object_set_new(m, "assessed", rg_json_count(g->assessed));
		json_object_set_new(m, "average", j_average(g));
		json_object_set_new(m, "distribution", j_dist(g));
		json_array_append_new(mins, m);
	}
	json_object_set_new(root, "ministries", mins);
	json_t *without = json_array();
	for (size_t i = 0; o && i < o->nwithout; i++)
		json_array_append_new(without, rg_json_str(o->without_codes[i]));
	json_object_set_new(root, "ministries_without_services", without);
	json_t *failed = json_array();
	for (size_t i = 0; i < c->nfailed; i++) {
		json_t *f = json_object();
		json_object_set_new(f, "rank", rg_json_count(i + 1));
		json_object_set_new(f, "criterion", rg_json_str(c->failed[i].criterion));
		json_object_set_new(f, "title", rg_json_str(c->failed[i].title));
		json_object_set_new(f, "services", rg_json_count(c->failed[i].count));
		json_array_append_new(failed, f);
	}
	json_object_set_new(root, "most_failed", failed);
	return root;
}

void rg_cons_render_opts(const struct rg_cons *c, enum rg_format fmt, const struct rg_cons_opts *o,
			 struct buf *out)
{
	switch (fmt) {
	case RG_FMT_MD: render_md(c, o, out); break;
	case RG_FMT_HTML: render_html(c, o, out); break;
	case RG_FMT_JSON: rg_json_dump(rg_cons_json(c, o), out); break;
	}
}

void rg_cons_render(const struct rg_cons *c, enum rg_format fmt, struct buf *out)
{
	rg_cons_render_opts(c, fmt, NULL, out);
}
