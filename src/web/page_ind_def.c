/* page_ind_def.c: one indicator's page (/indicateurs/indicateur/{code}): its
 * definition and targets, the national trend against the targets, and the
 * ministries' values of a year side by side. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "indicators/ind_collect.h"
#include "report/html.h"
#include "report/svg.h"
#include "web/web_action_form.h"
#include "web/web_ind.h"
#include "web/web_layout.h"
#include "web/web_review.h"
#include "web/web_route.h"

/* Bars of the comparison chart (the highest values), rows of its table. */
#define MAX_BARS 30
#define MAX_ROWS 50

static void row_text(struct buf *o, const char *label, const char *text)
{
	buf_adds(o, "<tr><th scope=\"row\">");
	html_esc(o, label);
	buf_adds(o, "</th><td>");
	html_esc(o, text && *text ? text : "—");
	buf_adds(o, "</td></tr>\n");
}

static void definition(struct buf *o, const struct ind_catalogue *cat, const struct ind_def *d)
{
	struct buf t = BUF_INIT;
	buf_adds(o, "<h2>Définition</h2>\n<div "
		    "class=\"fr-table\"><table>\n<caption>Définition de "
		    "l'indicateur</caption>\n<tbody>\n");
	row_text(o, "Code", d->code);
	row_text(o, "Définition", d->definition);
	row_text(o, "Unité", d->unit);
	row_text(o, "Thème", theme_label(d->theme));
	row_text(o, "Nature", ind_kind_label(d->kind));
	buf_adds(&t, ind_rule_label(d->rule));
	if (d->rule == IND_RULE_WMEAN) {
		long w = ind_catalogue_find(cat, d->weight_code);
		buf_adds(&t, ", pondérée par : ");
		buf_adds(&t, w >= 0 ? cat->items[w].label : d->weight_code);
	}
	row_text(o, "Consolidation nationale", t.ptr);
	buf_reset(&t);
	if (d->has_min) {
		buf_adds(&t, "minimum ");
		ind_fmt_value(&t, d, 1, d->min);
	}
	if (d->has_max) {
		buf_adds(&t, d->has_min ? ", maximum " : "maximum ");
		ind_fmt_value(&t, d, 1, d->max);
	}
	row_text(o, "Valeurs admises", t.len ? t.ptr : "sans limite");
	row_text(o, "Sens souhaité", ind_better_label(d->better));
	row_text(o, "Origine des valeurs",
		 d->calc != IND_CALC_NONE ? ind_calc_label(d->calc) : "saisie par les ministères");
	row_text(o, "Source", d->source);
	buf_adds(o, "</tbody></table></div>\n<h2>Cibles</h2>\n");
	if (!d->ntargets) {
		buf_adds(o, "<p>Aucune cible n'est fixée.</p>\n");
	} else {
		buf_adds(o, "<div class=\"fr-table\"><table>\n<caption>Cibles par année (une cible "
			    "vaut jusqu'à la suivante)</caption>\n<thead><tr><th "
			    "scope=\"col\">Année</th><th scope=\"col\">Cible</th></tr></thead>\n"
			    "<tbody>\n");
		for (size_t i = 0; i < d->ntargets; i++) {
			buf_reset(&t);
			ind_fmt_value(&t, d, 1, d->targets[i].value);
			buf_addf(o, "<tr><th scope=\"row\">%d</th><td class=\"nc-num\">",
				 d->targets[i].year);
			html_esc(o, t.ptr);
			buf_adds(o, "</td></tr>\n");
		}
		buf_adds(o, "</tbody></table></div>\n");
	}
	buf_free(&t);
}

/* The national values over the table's years: a chart, then the same
 * figures in a table. */
static void trend(struct buf *o, const struct ind_table *t, size_t ind)
{
	const struct ind_def *d = &t->cat->items[ind];
	size_t n = ind_table_nyears(t);
	int *years = xcalloc(n, sizeof(*years));
	double *values = xcalloc(n, sizeof(*values)), *targets = xcalloc(n, sizeof(*targets));
	struct ind_result *res = xcalloc(n, sizeof(*res));
	char **vt = xcalloc(n, sizeof(*vt)), **tt = xcalloc(n, sizeof(*tt));
	struct buf b = BUF_INIT, title = BUF_INIT, desc = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		years[i] = t->year_from + (int)i;
		ind_table_consolidate(t, ind, years[i], &res[i]);
		values[i] = res[i].has_value ? res[i].value : NAN;
		buf_reset(&b);
		ind_fmt_value(&b, d, res[i].has_value, res[i].value);
		vt[i] = xstrdup(b.ptr);
		buf_reset(&b);
		if (!ind_target_for(d, years[i], &targets[i]))
			targets[i] = NAN;
		else
			ind_fmt_value(&b, d, 1, targets[i]);
		tt[i] = xstrdup(b.ptr);
	}
	buf_addf(&title, "%s : valeur nationale de %d à %d", d->label, t->year_from, t->year_to);
	buf_adds(&desc, "Valeur nationale par année");
	buf_adds(&desc, d->ntargets ? ", et cible en tirets. " : ". ");
	buf_adds(&desc, "Les chiffres sont repris dans le tableau qui suit.");
	struct svg_trend c = { "tendance",
			       title.ptr,
			       desc.ptr,
			       n,
			       years,
			       values,
			       (const char *const *)vt,
			       targets,
			       (const char *const *)tt,
			       "Valeur nationale" };
	buf_adds(o, "<h2>Évolution nationale</h2>\n<figure class=\"nc-chart\">");
	svg_trend_chart(o, &c);
	buf_adds(o, "</figure>\n<div class=\"fr-table\"><table>\n<caption>");
	html_esc(o, title.ptr);
	buf_adds(o, "</caption>\n<thead><tr><th scope=\"col\">Année</th><th "
		    "scope=\"col\">Valeur "
		    "nationale</th><th scope=\"col\">Complétude</th><th "
		    "scope=\"col\">Cible</th>"
		    "<th scope=\"col\">Écart à la cible</th></tr></thead>\n<tbody>\n");
	for (size_t i = n; i-- > 0;) {
		buf_addf(o, "<tr><th scope=\"row\">%d</th><td class=\"nc-num\">", years[i]);
		html_esc(o, vt[i]);
		buf_adds(o, "</td><td>");
		web_ind_completeness(o, &res[i]);
		buf_adds(o, "</td><td class=\"nc-num\">");
		html_esc(o, *tt[i] ? tt[i] : "—");
		buf_adds(o, "</td><td>");
		web_ind_gap(o, d, years[i], res[i].has_value, res[i].value);
		buf_adds(o, "</td></tr>\n");
	}
	buf_adds(o, "</tbody></table></div>\n");
	for (size_t i = 0; i < n; i++) {
		free(vt[i]);
		free(tt[i]);
	}
	free(vt);
	free(tt);
	free(years);
	free(values);
	free(targets);
	free(res);
	buf_free(&b);
	buf_free(&title);
	buf_free(&desc);
}

/* Ministries with a value, by value, highest first (qsort context-free:
 * the values are copied in). */
struct bar {
	double v;
	size_t org;
};

static int bar_cmp(const void *a, const void *b)
{
	const struct bar *x = a, *y = b;
	return x->v < y->v ? 1 : x->v > y->v ? -1 : (x->org > y->org) - (x->org < y->org);
}

static void comparison_chart(struct buf *o, const struct ind_table *t, size_t ind, int year)
{
	const struct ind_def *d = &t->cat->items[ind];
	struct bar *bars = xcalloc(t->norg ? t->norg : 1, sizeof(*bars));
	size_t n = 0;
	for (size_t m = 0; m < t->norg; m++)
		if (web_ind_cell(t, m, ind, year, &bars[n].v))
			bars[n++].org = m;
	if (!n) {
		buf_adds(o, "<p>Aucun ministère n'a de valeur pour cette année.</p>\n");
		free(bars);
		return;
	}
	qsort(bars, n, sizeof(*bars), bar_cmp);
	size_t shown = n < MAX_BARS ? n : MAX_BARS;
	const char **labels = xcalloc(shown, sizeof(*labels));
	char **texts = xcalloc(shown, sizeof(*texts));
	double *values = xcalloc(shown, sizeof(*values));
	struct buf b = BUF_INIT, title = BUF_INIT;
	for (size_t i = 0; i < shown; i++) {
		labels[i] = t->org_name[bars[i].org];
		values[i] = bars[i].v;
		buf_reset(&b);
		ind_fmt_value(&b, d, 1, bars[i].v);
		texts[i] = xstrdup(b.ptr);
	}
	buf_addf(&title, "%s : valeurs %d par ministère", d->label, year);
	if (shown < n)
		buf_addf(&title, " (les %zu plus élevées sur %zu)", shown, n);
	struct svg_hbar c = { "comparaison",
			      title.ptr,
			      "Une barre par ministère ayant une valeur, de la plus grande à la "
			      "plus petite ; le tableau qui suit donne aussi l'état des collectes.",
			      shown,
			      labels,
			      values,
			      (const char *const *)texts };
	buf_adds(o, "<figure class=\"nc-chart\">");
	svg_hbar_chart(o, &c);
	buf_adds(o, "</figure>\n");
	for (size_t i = 0; i < shown; i++)
		free(texts[i]);
	free(texts);
	free(labels);
	free(values);
	free(bars);
	buf_free(&b);
	buf_free(&title);
}

static void comparison_table(struct buf *o, const struct ind_table *t, size_t ind, int year)
{
	const struct ind_def *d = &t->cat->items[ind];
	long w = d->rule == IND_RULE_WMEAN ? ind_catalogue_find(t->cat, d->weight_code) : -1;
	struct buf b = BUF_INIT;
	buf_adds(o, "<div class=\"fr-table\"><table>\n<caption>");
	html_escf(o, "%s : valeurs %d par ministère", d->label, year);
	buf_adds(o, "</caption>\n<thead><tr><th scope=\"col\">Ministère</th><th "
		    "scope=\"col\">Valeur</th><th scope=\"col\">État de la collecte</th>");
	if (w >= 0) {
		buf_adds(o, "<th scope=\"col\">");
		html_escf(o, "Pondération : %s", t->cat->items[w].label);
		buf_adds(o, "</th>");
	}
	buf_adds(o, "<th scope=\"col\">Compte dans la valeur nationale</th></tr></thead>\n"
		    "<tbody>\n");
	size_t listed = t->norg < MAX_ROWS ? t->norg : MAX_ROWS;
	for (size_t m = 0; m < listed; m++) {
		double v, wv;
		int has = web_ind_cell(t, m, ind, year, &v);
		size_t at = ind_table_at(t, m, ind, year);
		buf_reset(&b);
		web_ind_ministry_url(&b, t->org_code[m], NULL, year, NULL);
		buf_adds(o, "<tr><th scope=\"row\"><a");
		html_attr(o, "href", b.ptr);
		buf_adds(o, ">");
		html_esc(o, t->org_name[m]);
		buf_adds(o, "</a></th><td class=\"nc-num\">");
		buf_reset(&b);
		if (has)
			ind_fmt_value(&b, d, 1, v);
		else
			buf_adds(&b, "non transmis");
		html_esc(o, b.ptr);
		buf_adds(o, "</td><td>");
		if (t->flags[at] & IND_CELL_COMPUTED)
			buf_adds(o, "Calculée par numeco");
		else
			web_ind_state_badge(o, web_ind_state(t, m, year));
		buf_adds(o, "</td>");
		if (w >= 0) {
			size_t wat = ind_table_at(t, m, (size_t)w, year);
			int wok = web_ind_cell(t, m, (size_t)w, year, &wv) &&
				  (t->flags[wat] & IND_CELL_COUNTS) && wv > 0;
			buf_reset(&b);
			if (wok)
				ind_fmt_value(&b, &t->cat->items[w], 1, wv);
			else
				buf_adds(&b, has ? "manquante : valeur laissée de côté" : "—");
			buf_adds(o, "<td class=\"nc-num\">");
			html_esc(o, b.ptr);
			buf_adds(o, "</td>");
		}
		buf_adds(o,
			 (t->flags[at] & IND_CELL_COUNTS) && has ? "<td>oui</td>" : "<td>non</td>");
		buf_adds(o, "</tr>\n");
	}
	buf_adds(o, "</tbody></table></div>\n");
	if (listed < t->norg) {
		buf_adds(o, "<p>");
		html_escf(o, "Les %zu premiers ministères (par code) sont listés sur %zu.", listed,
			  t->norg);
		buf_adds(o, "</p>\n");
	}
	buf_free(&b);
}

static int get_def(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct ind_catalogue cat = { 0 };
	struct ind_table t;
	struct buf *o = &rs->body, u = BUF_INIT;
	int year, ymin, ymax, bad, rc = -1;
	memset(&t, 0, sizeof(t));
	if (web_ind_year(rq, &year, &ymin, &ymax, &bad, err) ||
	    ind_load(rq->store, web_ind_first_year(year, ymin), year, 0, &cat, &t, err))
		goto out;
	rc = 0;
	long i = ind_catalogue_find(&cat, rq->params[0]);
	if (i < 0) {
		web_refusal_page(rq, rs, 404, "Aucun indicateur du catalogue n'a ce code.",
				 "/indicateurs", "Retour aux indicateurs");
		goto out;
	}
	const struct ind_def *d = &cat.items[i];
	web_page_begin(rq, rs, d->label);
	web_ind_national_url(&u, year, NULL);
	const char *crumbs[] = { "Tableau de bord", "/", "Indicateurs", u.ptr, d->label };
	web_breadcrumb(o, crumbs, 5);
	buf_adds(o, "<h1>");
	html_esc(o, d->label);
	buf_adds(o, "</h1>\n");
	web_flash(rq, o);
	buf_reset(&u);
	web_ind_def_url(&u, d->code, NULL, 0);
	web_ind_year_form(o, u.ptr, year, ymin, ymax);
	if (perm_admin(&rq->actor)) {
		buf_reset(&u);
		web_ind_def_url(&u, d->code, "/modifier", year);
		buf_adds(o, "<p><a class=\"fr-btn fr-btn--secondary\"");
		html_attr(o, "href", u.ptr);
		buf_adds(o, ">Modifier la définition</a></p>\n");
	}
	definition(o, &cat, d);
	trend(o, &t, (size_t)i);
	buf_addf(o, "<h2>Comparaison des ministères — %d</h2>\n", year);
	comparison_chart(o, &t, (size_t)i, year);
	comparison_table(o, &t, (size_t)i, year);
	web_page_end(rq, rs);
out:
	buf_free(&u);
	ind_table_free(&t);
	ind_catalogue_free(&cat);
	return rc;
}

const struct web_route web_routes_ind_def[] = {
	{ "GET", "/indicateurs/indicateur/{code}", get_def, 0 },
	{ NULL, NULL, NULL, 0 },
};
