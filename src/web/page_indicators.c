/* page_indicators.c: the national indicators page (/indicateurs: national
 * values of a year by theme, completeness, targets, trends, the state of
 * every ministry's collection) and a ministry's indicators page
 * (/indicateurs/ministere/{code}: its values, their origin, its collection's
 * state and the buttons that move it). */
#include <stdlib.h>
#include <string.h>

#include "indicators/ind_collect.h"
#include "report/html.h"
#include "store/store_ind.h"
#include "web/web_action_form.h"
#include "web/web_ind.h"
#include "web/web_layout.h"
#include "web/web_review.h"
#include "web/web_route.h"

/* Ministries listed by name on the national page (a light page, DOM under
 * 1 000 elements, on 1 000 ministries too); the counts by state cover all,
 * and the export and the API list every one. */
#define MAX_LISTED 40

/* What both pages load: the catalogue, the table of the years of the trend
 * up to the year shown. */
struct ind_page {
	int year, ymin, ymax, bad_year;
	struct ind_catalogue cat;
	struct ind_table t;
};

static void ind_page_free(struct ind_page *p)
{
	ind_table_free(&p->t);
	ind_catalogue_free(&p->cat);
}

/* The year asked, then the table of ministry_id (0: all) over the trend's
 * years (and the year before the one shown, for the ministry page). */
static int ind_page_load(struct web_req *rq, struct ind_page *p, int64_t ministry_id,
			 struct err *err)
{
	memset(p, 0, sizeof(*p));
	if (web_ind_year(rq, &p->year, &p->ymin, &p->ymax, &p->bad_year, err))
		return -1;
	int from = web_ind_first_year(p->year, p->ymin);
	if (ministry_id && from == p->year && from > IND_YEAR_MIN)
		from--;
	return ind_load(rq->store, from, p->year, ministry_id, &p->cat, &p->t, err);
}

static void bad_year_notice(struct buf *o, const struct ind_page *p)
{
	if (!p->bad_year)
		return;
	buf_adds(o, "<div class=\"fr-alert fr-alert--warning fr-alert--sm fr-mb-3w\"><p>");
	html_escf(o,
		  "Année demandée invalide (attendu : une année entre %d et %d) : "
		  "l'année %d "
		  "est affichée.",
		  IND_YEAR_MIN, IND_YEAR_MAX, p->year);
	buf_adds(o, "</p></div>\n");
}

static void export_links(struct buf *o, int year, const char *ministry)
{
	static const char *const kinds[2][2] = { { "csv", "Exporter (CSV)" },
						 { "xlsx", "Exporter (XLSX)" } };
	struct buf u = BUF_INIT;
	for (int k = 0; k < 2; k++) {
		buf_reset(&u);
		buf_addf(&u, "/indicateurs/export.%s?annee=%d", kinds[k][0], year);
		if (ministry) {
			buf_adds(&u, "&ministere=");
			web_url_part(&u, ministry);
		}
		buf_adds(o, "<li><a class=\"fr-btn fr-btn--secondary\"");
		html_attr(o, "href", u.ptr);
		buf_adds(o, " download>");
		html_esc(o, kinds[k][1]);
		buf_adds(o, "</a></li>\n");
	}
	buf_free(&u);
}

/* Opens a table with its header row. The heading just above names it on
 * screen: the caption (which adds the year) is for assistive technologies. */
static void table_open(struct buf *o, const char *caption, const char *const *cols, size_t n)
{
	buf_adds(o, "<div class=\"fr-table\"><table>\n<caption class=\"fr-sr-only\">");
	html_esc(o, caption);
	buf_adds(o, "</caption>\n<thead><tr>");
	for (size_t i = 0; i < n; i++) {
		buf_adds(o, "<th scope=\"col\">");
		html_esc(o, cols[i]);
		buf_adds(o, "</th>");
	}
	buf_adds(o, "</tr></thead>\n<tbody>\n");
}

static const char TABLE_CLOSE[] = "</tbody></table></div>\n";

/* The indicator's label as a link to its page. */
static void def_link(struct buf *o, const struct ind_def *d, int year)
{
	struct buf u = BUF_INIT;
	web_ind_def_url(&u, d->code, NULL, year);
	buf_adds(o, "<th scope=\"row\"><a");
	html_attr(o, "href", u.ptr);
	buf_adds(o, ">");
	html_esc(o, d->label);
	buf_adds(o, "</a></th>");
	buf_free(&u);
}

static void value_cell(struct buf *o, const struct ind_def *d, int has, double v)
{
	buf_adds(o, "<td class=\"nc-num\">");
	struct buf t = BUF_INIT;
	ind_fmt_value(&t, d, has, v);
	html_esc(o, t.ptr);
	buf_adds(o, "</td>");
	buf_free(&t);
}

static void target_cell(struct buf *o, const struct ind_def *d, int year)
{
	buf_adds(o, "<td class=\"nc-num\">");
	struct buf t = BUF_INIT;
	web_ind_target_text(&t, d, year);
	html_esc(o, t.ptr);
	buf_adds(o, "</td>");
	buf_free(&t);
}

/* ---- national page ---- */

static void national_theme(struct buf *o, const struct ind_page *p, enum theme th)
{
	const struct ind_table *t = &p->t;
	struct buf cap = BUF_INIT, col_v = BUF_INIT, col_c = BUF_INIT, col_t = BUF_INIT;
	int shown = 0;
	buf_addf(&col_v, "Valeur nationale %d", p->year);
	buf_addf(&col_c, "Cible %d", p->year);
	buf_addf(&col_t, "Tendance %d–%d", t->year_from, t->year_to);
	const char *cols[] = { "Indicateur",	   "Unité",  col_v.ptr, "Complétude", col_c.ptr,
			       "Écart à la cible", col_t.ptr };
	for (size_t i = 0; i < p->cat.n; i++) {
		const struct ind_def *d = &p->cat.items[i];
		if (d->theme != th)
			continue;
		if (!shown++) {
			buf_adds(o, "<h2>");
			html_esc(o, theme_label(th));
			buf_adds(o, "</h2>\n");
			buf_addf(&cap, "%s — valeurs nationales %d", theme_label(th), p->year);
			table_open(o, cap.ptr, cols, sizeof(cols) / sizeof(cols[0]));
		}
		struct ind_result r;
		ind_table_consolidate(t, i, p->year, &r);
		buf_adds(o, "<tr>");
		def_link(o, d, p->year);
		buf_adds(o, "<td>");
		html_esc(o, d->unit);
		buf_adds(o, "</td>");
		value_cell(o, d, r.has_value, r.value);
		buf_adds(o, "<td>");
		web_ind_completeness(o, &r);
		buf_adds(o, "</td>");
		target_cell(o, d, p->year);
		buf_adds(o, "<td>");
		web_ind_gap(o, d, p->year, r.has_value, r.value);
		buf_adds(o, "</td><td>");
		web_ind_sparkline(o, t, i, -1);
		buf_adds(o, "</td></tr>\n");
	}
	if (shown)
		buf_adds(o, TABLE_CLOSE);
	buf_free(&cap);
	buf_free(&col_v);
	buf_free(&col_c);
	buf_free(&col_t);
}

/* Entered (not computed) values of org for year. */
static size_t entered(const struct ind_table *t, size_t org, int year)
{
	size_t n = 0;
	for (size_t i = 0; i < t->cat->n; i++) {
		size_t at = ind_table_at(t, org, i, year);
		n += (t->flags[at] & (IND_CELL_SET | IND_CELL_COMPUTED)) == IND_CELL_SET;
	}
	return n;
}

static void collections(struct buf *o, const struct ind_page *p)
{
	const struct ind_table *t = &p->t;
	size_t by_state[IND_STATE_N] = { 0 }, editable = 0;
	for (size_t i = 0; i < p->cat.n; i++)
		editable += p->cat.items[i].calc == IND_CALC_NONE;
	for (size_t m = 0; m < t->norg; m++)
		by_state[web_ind_state(t, m, p->year)]++;
	buf_addf(o, "<h2 id=\"collectes\">Collectes %d</h2>\n<p>", p->year);
	html_escf(o, "%zu ministère%s : %zu en brouillon, %zu soumis, %zu validé%s.", t->norg,
		  t->norg > 1 ? "s" : "", by_state[IND_STATE_BROUILLON], by_state[IND_STATE_SOUMIS],
		  by_state[IND_STATE_VALIDE], by_state[IND_STATE_VALIDE] > 1 ? "s" : "");
	buf_adds(o, "</p>\n");
	if (!t->norg)
		return;
	struct buf cap = BUF_INIT, u = BUF_INIT;
	buf_addf(&cap, "État des collectes %d par ministère", p->year);
	const char *cols[] = { "Ministère", "État", "Valeurs saisies" };
	table_open(o, cap.ptr, cols, 3);
	/* Beyond MAX_LISTED, the collections still to come first: those are
	 * the ones the central team follows up. */
	int capped = t->norg > MAX_LISTED;
	size_t listed = 0;
	for (int pass = 0; pass < (capped ? IND_STATE_N : 1); pass++)
		for (size_t m = 0; m < t->norg && listed < MAX_LISTED; m++) {
			enum ind_state st = web_ind_state(t, m, p->year);
			if (capped && st != (enum ind_state)pass)
				continue;
			listed++;
			buf_reset(&u);
			web_ind_ministry_url(&u, t->org_code[m], NULL, p->year, NULL);
			buf_adds(o, "<tr><th scope=\"row\"><a");
			html_attr(o, "href", u.ptr);
			buf_adds(o, ">");
			html_esc(o, t->org_name[m]);
			buf_adds(o, "</a></th><td>");
			web_ind_state_badge(o, st);
			buf_adds(o, "</td><td class=\"nc-num\">");
			html_escf(o, "%zu sur %zu", entered(t, m, p->year), editable);
			buf_adds(o, "</td></tr>\n");
		}
	buf_adds(o, TABLE_CLOSE);
	if (capped) {
		buf_adds(o, "<p>");
		html_escf(
			o,
			"%zu ministères sur %zu sont listés : les collectes en brouillon d'abord, "
			"puis les soumises, puis les validées, par code. Tous figurent dans "
			"l'export et dans l'API.",
			listed, t->norg);
		buf_adds(o, "</p>\n");
	}
	buf_free(&cap);
	buf_free(&u);
}

static int get_national(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct ind_page p;
	struct buf *o = &rs->body;
	if (ind_page_load(rq, &p, 0, err)) {
		ind_page_free(&p);
		return -1;
	}
	web_page_begin(rq, rs, "Indicateurs communs");
	const char *crumbs[] = { "Tableau de bord", "/", "Indicateurs" };
	web_breadcrumb(o, crumbs, 3);
	buf_addf(o, "<h1>Indicateurs communs — %d</h1>\n", p.year);
	web_flash(rq, o);
	bad_year_notice(o, &p);
	web_ind_year_form(o, "/indicateurs", p.year, p.ymin, p.ymax);
	buf_adds(o, "<p>Valeurs nationales consolidées par la règle de chaque "
		    "indicateur. Seules "
		    "comptent les collectes soumises ou validées, et les valeurs "
		    "calculées par "
		    "numeco ; la complétude dit sur combien de ministères chaque "
		    "valeur repose.</p>\n"
		    "<ul class=\"fr-btns-group fr-btns-group--inline-md\">\n");
	export_links(o, p.year, NULL);
	int may_import = perm_edit_indicators(&rq->actor, rq->actor.ministry_id);
	if (may_import)
		buf_adds(o, "<li><a class=\"fr-btn fr-btn--tertiary\" href=\"#import\">Importer "
			    "des valeurs</a></li>\n");
	buf_adds(o, "</ul>\n");
	if (!p.cat.n)
		buf_adds(o, "<p>Le catalogue des indicateurs est vide (numeco indicator import "
			    "pour le charger).</p>\n");
	for (int th = 0; th < THEME_COUNT; th++)
		national_theme(o, &p, (enum theme)th);
	collections(o, &p);
	if (may_import) {
		buf_adds(o, "<h2 id=\"import\">Importer des valeurs (CSV)</h2>\n");
		web_ind_import_form(rq, o);
	}
	web_page_end(rq, rs);
	ind_page_free(&p);
	return 0;
}

/* ---- a ministry's page ---- */

/* The comment and source of an entered value of code, or NULL. */
static const struct ind_value *entered_value(const struct ind_value_list *l, const char *code)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].code, code) == 0)
			return &l->items[i];
	return NULL;
}

static void origin_cell(struct buf *o, const struct ind_table *t, size_t ind, int year)
{
	const struct ind_def *d = &t->cat->items[ind];
	size_t at = ind_table_at(t, 0, ind, year);
	buf_adds(o, "<td>");
	if (t->flags[at] & IND_CELL_COMPUTED)
		buf_adds(o, "Calculée");
	else
		buf_adds(o, (t->flags[at] & IND_CELL_SET) ? "Saisie" : "Non renseignée");
	if (d->calc != IND_CALC_NONE) {
		/* Computed where numeco has the data, entered elsewhere. */
		buf_adds(o, "<br><span class=\"fr-hint-text\">");
		if (!(t->flags[at] & IND_CELL_COMPUTED))
			buf_adds(o, "numeco n'a pas les données pour la calculer : ");
		html_esc(o, ind_calc_label(d->calc));
		buf_adds(o, "</span>");
	}
	buf_adds(o, "</td>");
}

static void comment_cell(struct buf *o, const struct ind_value *v)
{
	buf_adds(o, "<td>");
	if (!v || (!*v->comment && !*v->source)) {
		buf_adds(o, "—");
	} else {
		html_esc(o, v->comment);
		if (*v->source) {
			buf_adds(o, *v->comment ? "<br>Source : " : "Source : ");
			html_esc(o, v->source);
		}
	}
	buf_adds(o, "</td>");
}

static void ministry_theme(struct buf *o, const struct ind_page *p,
			   const struct ind_value_list *vals, enum theme th)
{
	const struct ind_table *t = &p->t;
	struct buf cap = BUF_INIT, c1 = BUF_INIT, c2 = BUF_INIT, c3 = BUF_INIT, c4 = BUF_INIT;
	int shown = 0, y = p->year;
	buf_addf(&c1, "Valeur %d", y);
	buf_addf(&c2, "Valeur %d", y - 1);
	buf_addf(&c3, "Cible %d", y);
	buf_addf(&c4, "Tendance %d–%d", t->year_from, t->year_to);
	const char *cols[] = { "Indicateur",	   c1.ptr, c2.ptr,    c3.ptr,
			       "Écart à la cible", c4.ptr, "Origine", "Commentaire et source" };
	for (size_t i = 0; i < p->cat.n; i++) {
		const struct ind_def *d = &p->cat.items[i];
		if (d->theme != th)
			continue;
		if (!shown++) {
			buf_adds(o, "<h2>");
			html_esc(o, theme_label(th));
			buf_adds(o, "</h2>\n");
			buf_addf(&cap, "%s — valeurs %d", theme_label(th), y);
			table_open(o, cap.ptr, cols, sizeof(cols) / sizeof(cols[0]));
		}
		double v = 0, prev = 0;
		int has = t->norg && web_ind_cell(t, 0, i, y, &v);
		int has_prev = t->norg && web_ind_cell(t, 0, i, y - 1, &prev);
		buf_adds(o, "<tr>");
		def_link(o, d, y);
		value_cell(o, d, has, v);
		value_cell(o, d, has_prev, prev);
		target_cell(o, d, y);
		buf_adds(o, "<td>");
		web_ind_gap(o, d, y, has, v);
		buf_adds(o, "</td><td>");
		if (t->norg)
			web_ind_sparkline(o, t, i, 0);
		buf_adds(o, "</td>");
		if (t->norg)
			origin_cell(o, t, i, y);
		else
			buf_adds(o, "<td>—</td>");
		comment_cell(o, t->norg && !(t->flags[ind_table_at(t, 0, i, y)] & IND_CELL_COMPUTED)
					? entered_value(vals, d->code)
					: NULL);
		buf_adds(o, "</tr>\n");
	}
	if (shown)
		buf_adds(o, TABLE_CLOSE);
	buf_free(&cap);
	buf_free(&c1);
	buf_free(&c2);
	buf_free(&c3);
	buf_free(&c4);
}

/* The collection's state, who moved it last, and what the actor may do. */
static void ministry_actions(struct web_req *rq, struct buf *o, const struct org *org, int year,
			     enum ind_state st, const char *at, const char *by)
{
	buf_addf(o, "<p>Collecte %d : ", year);
	web_ind_state_badge(o, st);
	if (at && *at) {
		buf_adds(o, " — dernier changement d'état le ");
		action_html_time(o, at);
		buf_adds(o, " par ");
		html_esc(o, by);
	}
	buf_adds(o, "</p>\n<ul class=\"fr-btns-group fr-btns-group--inline-md\">\n");
	int may_edit = perm_edit_indicators(&rq->actor, org->id);
	if (may_edit && st == IND_STATE_BROUILLON) {
		struct buf u = BUF_INIT;
		web_ind_ministry_url(&u, org->code, "/saisie", year, NULL);
		buf_adds(o, "<li><a class=\"fr-btn\"");
		html_attr(o, "href", u.ptr);
		buf_adds(o, ">Saisir ou modifier les valeurs</a></li>\n");
		buf_free(&u);
	}
	web_ind_move_forms(rq, o, org->code, org->id, year, st);
	export_links(o, year, org->code);
	buf_adds(o, "</ul>\n");
	if (may_edit && st != IND_STATE_BROUILLON)
		buf_adds(o, "<p class=\"fr-hint-text\">Les valeurs ne se modifient que lorsque la "
			    "collecte est en brouillon.</p>\n");
}

static int get_ministry(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct org org;
	struct ind_page p;
	struct ind_value_list vals = { 0 };
	char *at = NULL, *by = NULL;
	struct buf *o = &rs->body, u = BUF_INIT;
	int rc = -1;
	memset(&p, 0, sizeof(p));
	int found = web_ind_ministry(rq->store, rq->params[0], &org, err);
	if (found <= 0) {
		if (found == 0)
			web_refusal_page(rq, rs, 404, "Aucun ministère n'a ce code.",
					 "/indicateurs", "Retour aux indicateurs");
		return found;
	}
	enum ind_state st;
	if (ind_page_load(rq, &p, org.id, err) ||
	    store_ind_state_get(rq->store, org.id, p.year, &st, &at, &by, err) < 0 ||
	    store_ind_value_list(rq->store, org.id, p.year, &vals, err))
		goto out;
	web_page_begin(rq, rs, org.name);
	web_ind_national_url(&u, p.year, NULL);
	const char *crumbs[] = { "Tableau de bord", "/", "Indicateurs", u.ptr, org.name };
	web_breadcrumb(o, crumbs, 5);
	buf_adds(o, "<h1>Indicateurs — ");
	html_esc(o, org.name);
	buf_addf(o, " — %d</h1>\n", p.year);
	web_flash(rq, o);
	bad_year_notice(o, &p);
	buf_reset(&u);
	web_ind_ministry_url(&u, org.code, NULL, 0, NULL);
	web_ind_year_form(o, u.ptr, p.year, p.ymin, p.ymax);
	ministry_actions(rq, o, &org, p.year, st, at, by);
	for (int th = 0; th < THEME_COUNT; th++)
		ministry_theme(o, &p, &vals, (enum theme)th);
	web_page_end(rq, rs);
	rc = 0;
out:
	free(at);
	free(by);
	buf_free(&u);
	ind_value_list_free(&vals);
	ind_page_free(&p);
	org_free(&org);
	return rc;
}

const struct web_route web_routes_indicators[] = {
	{ "GET", "/indicateurs", get_national, 0 },
	{ "GET", "/indicateurs/ministere/{code}", get_ministry, 0 },
	{ NULL, NULL, NULL, 0 },
};
