/* page_dashboard.c: the national dashboard (/): key figures of a period,
 * actions by theme × status and by ministry (SVG, with tables), footprint
 * totals of the stored evaluations, a period selector. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "plan/consolidate.h"
#include "report/fmt.h"
#include "report/html.h"
#include "report/svg.h"
#include "store/store_fp.h"
#include "web/web_layout.h"
#include "web/web_page.h"
#include "web/web_route.h"

int web_periods(struct store *s, struct web_kvs *periods, struct err *err)
{
	struct roadmap_list l;
	if (store_roadmap_list(s, NULL, &l, err))
		return -1;
	for (size_t i = 0; i < l.n; i++)
		if (!web_kvs_get(periods, l.items[i].period))
			web_kvs_add(periods, l.items[i].period, "");
	roadmap_list_free(&l);
	return 0;
}

const char *web_period_choice(const struct web_req *rq, const struct web_kvs *periods)
{
	const char *p = web_kvs_get(&rq->query, "periode");
	if (p && web_kvs_get(periods, p))
		return p;
	/* The latest period: periods come ordered by the store. */
	return periods->n ? periods->items[periods->n - 1].key : NULL;
}

void web_period_form(struct buf *o, const char *action, const struct web_kvs *periods,
		     const char *current)
{
	buf_adds(o, "<form method=\"get\" class=\"fr-mb-4w\"");
	html_attr(o, "action", action);
	buf_adds(o, "><div class=\"fr-select-group\"><label class=\"fr-label\" "
		    "for=\"periode\">Période</label><select class=\"fr-select\" id=\"periode\" "
		    "name=\"periode\">");
	for (size_t i = 0; i < periods->n; i++) {
		buf_adds(o, "<option");
		html_attr(o, "value", periods->items[i].key);
		if (current && strcmp(current, periods->items[i].key) == 0)
			buf_adds(o, " selected");
		buf_adds(o, ">");
		html_esc(o, periods->items[i].key);
		buf_adds(o, "</option>");
	}
	buf_adds(o, "</select></div><button class=\"fr-btn fr-btn--secondary fr-btn--sm\" "
		    "type=\"submit\">Afficher</button></form>\n");
}

int web_ref_visible(const struct web_req *rq, const struct ref_meta_list *refs, const char *label)
{
	for (size_t i = 0; i < refs->n; i++) {
		const struct ref_meta *m = &refs->items[i];
		size_t n = strlen(m->name);
		if (strncmp(label, m->name, n) == 0 && label[n] == ' ' &&
		    strcmp(label + n + 1, m->version) == 0)
			return perm_use_referential(&rq->actor, m->restricted, m->owner_org_id);
	}
	return 1;
}

static void figure(struct buf *o, const char *value, const char *label)
{
	buf_adds(o, "<div class=\"fr-col-12 fr-col-sm-6 fr-col-md-3\"><div class=\"nc-figure\">"
		    "<p class=\"nc-figure__value\">");
	html_esc(o, value);
	buf_adds(o, "</p><p class=\"nc-figure__label\">");
	html_esc(o, label);
	buf_adds(o, "</p></div></div>\n");
}

static void key_figures(struct buf *o, const struct cons_result *r)
{
	struct buf v = BUF_INIT, l = BUF_INIT;
	buf_adds(o, "<h2>Chiffres clés</h2>\n<div class=\"fr-grid-row fr-grid-row--gutters "
		    "fr-mb-4w\">\n");
	buf_addf(&v, "%zu sur %zu", r->ministries_with_roadmap, r->ministries_total);
	figure(o, v.ptr, "ministères ayant une feuille de route");
	buf_reset(&v);
	fmt_count(&v, r->actions);
	figure(o, v.ptr, "actions");
	buf_reset(&v);
	fmt_pct(&v, r->share_realised, 1);
	buf_addf(&l, "des actions réalisées (%zu)", r->realised);
	figure(o, v.ptr, l.ptr);
	buf_reset(&v);
	fmt_dec(&v, r->key_ghg_t, 1);
	buf_adds(&v, "\xc2\xa0tCO2e");
	figure(o, v.ptr, "impact évité estimé des actions clés");
	buf_adds(o, "</div>\n");
	buf_free(&v);
	buf_free(&l);
}

static void theme_chart(struct buf *o, const struct cons_result *r)
{
	const char *rows[THEME_COUNT], *series[STATUS_COUNT];
	double values[THEME_COUNT * STATUS_COUNT];
	for (int t = 0; t < THEME_COUNT; t++) {
		rows[t] = theme_label((enum theme)t);
		for (int s = 0; s < STATUS_COUNT; s++)
			values[t * STATUS_COUNT + s] = (double)r->theme_status[t][s];
	}
	for (int s = 0; s < STATUS_COUNT; s++)
		series[s] = status_label((enum status)s);
	struct svg_stack c = { "themes",
			       "Actions par thème et par statut",
			       "Nombre d'actions de chaque thème, réparties par statut.",
			       THEME_COUNT,
			       rows,
			       STATUS_COUNT,
			       series,
			       values,
			       0 };
	buf_adds(o, "<h2>Actions par thème et par statut</h2>\n<figure class=\"nc-chart\">");
	svg_stacked_chart(o, &c);
	buf_adds(o, "</figure>\n");
}

static void ministry_chart(struct buf *o, const struct cons_input *in, const struct cons_result *r)
{
	size_t n = 0;
	for (size_t i = 0; i < in->nministries; i++)
		n += r->by_ministry[i].actions > 0;
	if (!n)
		return;
	const char **rows = xcalloc(n, sizeof(*rows));
	const char *series[STATUS_COUNT];
	double *values = xcalloc(n * STATUS_COUNT, sizeof(*values));
	size_t k = 0;
	for (size_t i = 0; i < in->nministries; i++) {
		if (!r->by_ministry[i].actions)
			continue;
		rows[k] = in->ministries[i].name;
		for (int s = 0; s < STATUS_COUNT; s++)
			values[k * STATUS_COUNT + s] = (double)r->by_ministry[i].by_status[s];
		k++;
	}
	for (int s = 0; s < STATUS_COUNT; s++)
		series[s] = status_label((enum status)s);
	struct svg_stack c = { "ministeres",
			       "Actions par ministère et par statut",
			       "Nombre d'actions de la feuille de route de chaque ministère, "
			       "réparties par statut.",
			       n,
			       rows,
			       STATUS_COUNT,
			       series,
			       values,
			       0 };
	buf_adds(o, "<h2>Actions par ministère et par statut</h2>\n<figure class=\"nc-chart\">");
	svg_stacked_chart(o, &c);
	buf_adds(o, "</figure>\n");
	free(rows);
	free(values);
}

static void ministry_table(struct buf *o, const struct cons_input *in, const struct cons_result *r,
			   const char *period)
{
	struct buf v = BUF_INIT;
	buf_adds(o, "<h2>Ministères</h2>\n<div class=\"fr-table\"><table>\n<caption>Avancement "
		    "des feuilles de route par ministère</caption>\n<thead><tr><th "
		    "scope=\"col\">Ministère</th><th scope=\"col\">Feuille de route</th><th "
		    "scope=\"col\" class=\"nc-num\">Actions</th><th scope=\"col\" "
		    "class=\"nc-num\">Réalisées</th><th scope=\"col\">Avancement</th><th "
		    "scope=\"col\" class=\"nc-num\">Impact évité des actions clés "
		    "(tCO2e)</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < in->nministries; i++) {
		const struct cons_ministry *m = &in->ministries[i];
		const struct cons_ministry_row *row = &r->by_ministry[i];
		size_t done = row->by_status[STATUS_REALISEE];
		buf_adds(o, "<tr><th scope=\"row\"><a");
		html_attrf(o, "href", "/ministeres/%s?periode=%s", m->code, period);
		buf_adds(o, ">");
		html_esc(o, m->name);
		buf_adds(o, "</a></th><td>");
		html_esc(o, m->has_roadmap ? rstate_label(m->state) : "aucune");
		buf_addf(o, "</td><td class=\"nc-num\">%zu</td><td class=\"nc-num\">%zu</td><td>",
			 row->actions, done);
		if (row->actions) {
			buf_reset(&v);
			fmt_pct(&v, (double)done / (double)row->actions, 0);
			buf_addf(o, "<progress max=\"%zu\" value=\"%zu\"", row->actions, done);
			html_attrf(o, "aria-label", "%s réalisées", v.ptr);
			buf_adds(o, "></progress> ");
			html_esc(o, v.ptr);
		} else {
			buf_adds(o, "—");
		}
		buf_reset(&v);
		fmt_dec(&v, row->ghg_avoided_t, 1);
		buf_adds(o, "</td><td class=\"nc-num\">");
		html_esc(o, v.ptr);
		buf_adds(o, "</td></tr>\n");
	}
	buf_adds(o, "</tbody></table></div>\n");
	buf_free(&v);
}

/* Footprint totals of the stored evaluations of the period's years. */
static int footprint_section(struct web_req *rq, struct buf *o, const char *period, struct err *err)
{
	int first, last;
	if (period_parse(period, &first, &last))
		return 0;
	struct fp_stored_total_list l;
	struct ref_meta_list refs;
	if (store_ref_list(rq->store, &refs, err))
		return -1;
	if (store_fp_totals(rq->store, 0, &l, err)) {
		ref_meta_list_free(&refs);
		return -1;
	}
	struct buf v = BUF_INIT;
	size_t shown = 0;
	for (size_t i = 0; i < l.n; i++) {
		const struct fp_stored_total *t = &l.items[i];
		if (t->year < first || t->year > last || strcmp(t->criterion, "CLIMATE_CHANGE"))
			continue;
		/* Totals computed with a licensed referential: its owner and the
		 * central team only. */
		if (!web_ref_visible(rq, &refs, t->referential))
			continue;
		if (!shown++)
			buf_adds(o,
				 "<h2>Empreinte du parc informatique</h2>\n<div "
				 "class=\"fr-table\"><table>\n<caption>Changement climatique, "
				 "évaluations enregistrées (par an)</caption>\n<thead><tr><th "
				 "scope=\"col\">Organisation</th><th scope=\"col\">Année</th><th "
				 "scope=\"col\">Référentiel</th><th scope=\"col\" "
				 "class=\"nc-num\">Total (tCO2e)</th></tr></thead><tbody>\n");
		buf_reset(&v);
		fmt_dec(&v, strstr(t->unit, "kg") ? t->total / 1000.0 : t->total, 1);
		buf_adds(o, "<tr><th scope=\"row\">");
		html_esc(o, t->org_name);
		buf_addf(o, "</th><td>%d</td><td>", t->year);
		html_esc(o, t->referential);
		buf_adds(o, "</td><td class=\"nc-num\">");
		html_esc(o, v.ptr);
		buf_adds(o, "</td></tr>\n");
	}
	if (shown)
		buf_adds(o, "</tbody></table></div>\n");
	buf_free(&v);
	fp_stored_total_list_free(&l);
	ref_meta_list_free(&refs);
	return 0;
}

static int get_dashboard(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct web_kvs periods = { 0 };
	struct buf *o = &rs->body;
	if (web_periods(rq->store, &periods, err))
		return -1;
	const char *period = web_period_choice(rq, &periods);
	web_page_begin(rq, rs, "Tableau de bord national");
	buf_adds(o, "<h1>Tableau de bord national</h1>\n");
	web_flash(rq, o);
	int rc = 0;
	if (!period) {
		buf_adds(o, "<p>Aucune feuille de route n'est encore enregistrée.</p>\n");
	} else {
		web_period_form(o, "/", &periods, period);
		struct cons_input in = { 0 };
		struct cons_result res;
		rc = store_load_consolidation(rq->store, period, NULL, &in, err);
		if (rc == 0) {
			consolidate(&in, 10, &res);
			key_figures(o, &res);
			theme_chart(o, &res);
			ministry_chart(o, &in, &res);
			ministry_table(o, &in, &res, period);
			rc = footprint_section(rq, o, period, err);
			cons_result_free(&res);
		}
		cons_input_free(&in);
	}
	web_page_end(rq, rs);
	web_kvs_free(&periods);
	return rc;
}

const struct web_route web_routes_dashboard[] = {
	{ "GET", "/", get_dashboard, 0 },
	{ NULL, NULL, NULL, 0 },
};
