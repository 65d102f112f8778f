/* report_json.c: the consolidated review as JSON (jansson), keys in a fixed
 * order.
 *
 * Layout (every key always present, in this order):
 *   title, period, scope ("" national),
 *   units {ghg: "tCO2e", energy: "MWh", budget: "EUR"},
 *   key_figures {ministries_total, ministries_with_roadmap, actions, realised,
 *                share_realised (0..1, null without actions), key_actions,
 * key_with_estimate, key_ghg_t, key_energy_mwh, budget_eur}, status_total
 * {<status code>: n, ...}, by_theme [{theme, label, total, by_status {...},
 * share_realised, key_ghg_t}], by_level [{level, label, total, by_status {...},
 * share_realised}], by_ministry [{code, name, has_roadmap, state (code, or
 * null), actions, by_status {...}, share_realised, key_actions, key_ghg_t}],
 *   top_ghg [{rank, ministry, ref, title, value_t, declared_value,
 *             declared_unit, method}],
 *   top_cost [{rank, ministry, ref, title, budget_eur, value_t, eur_per_t}]
 *            (actions with a budget and a GHG estimate, cheapest tonne
 *            avoided first; eur_per_t = budget_eur / value_t),
 *   ministries_without_roadmap [code, ...],
 *   footprint {unit: "tCO2e", criterion: "CLIMATE_CHANGE",
 *              years [{year,
 *                      ministries [{code, name, organisations [code, ...],
 *                                   referentials ["NAME VERSION", ...],
 * physical, errors, status, climate_change_unit (or null), by_phase_t
 * {FABRICATION, DISTRIBUTION, UTILISATION, FIN_DE_VIE} (or null), total_t (or
 * null)}], national_total (null unless more than one ministry has an
 * evaluation) {ministries, ministries_total, physical, errors, by_phase_t
 * {...}, total_t}, ministries_without_evaluation [code, ...]}]} (years: one per
 * year of the period, [] when no evaluation is stored for the period; status
 * ok, no_climate_change, unit_not_convertible or licensed; figures only when
 * ok; organisations: those whose evaluations are counted), indicators (only
 * when the report has the indicators section) {years [{year, indicators [{code,
 * label, unit, theme, rule, computed, value (or null), counted, expected,
 *                      validated, missing_weight, state (scoped reports:
 *                      the collection's state code, "calcule" for a computed
 *                      value, null without value; national: null), target
 *                      (or null), gap (or null), met (or null)}]}]}
 *             (value: the national value, or in a scoped report the
 *             ministry's; counted… : the consolidation over the ministries
 *             of the report; values rounded to 6 decimals),
 *   rgesn (only when the report has the ecodesign section) {services,
 *          assessed, average (0..100 or null), distribution [{from, to,
 *          services}], ministries [{code, name, services, assessed,
 *          average, distribution}], ministries_without_services [code]
 *          (national reports), most_failed [{rank, criterion, title,
 *          services}]} (rgesn/rg_report.h, rg_cons_json),
 *   method [paragraph, ...]
 * Counts are integers; measures are reals rounded to 3 decimals (kg, kWh),
 * shares to 4 decimals, euros (and euros per tonne) to 2. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "indicators/ind_export.h"
#include "report/report_int.h"

static json_t *j_real(double v, int decimals)
{
	if (!isfinite(v))
		return json_null();
	double scale = pow(10.0, decimals);
	double r = round(v * scale) / scale;
	if (r == 0)
		r = 0; /* no "-0.0" */
	return json_real(r);
}

static json_t *j_count(size_t n)
{
	return json_integer((json_int_t)n);
}

static json_t *j_str(const char *s)
{
	/* json_string refuses invalid UTF-8; the store only holds valid text,
	 * but never let a bad byte drop a field silently. */
	json_t *j = json_string(s ? s : "");
	return j ? j : json_string("\xef\xbf\xbd");
}

static json_t *j_by_status(const size_t *by_status)
{
	json_t *o = json_object();
	for (int s = 0; s < STATUS_COUNT; s++)
		json_object_set_new(o, status_code((enum status)s), j_count(by_status[s]));
	return o;
}

/* Share of realised actions, null when there is no action to share. */
static json_t *j_share(const size_t *by_status, size_t total)
{
	if (!total)
		return json_null();
	return j_real((double)by_status[STATUS_REALISEE] / (double)total, 4);
}

static const char *j_fp_status(enum cons_fp_state st)
{
	switch (st) {
	case CONS_FP_OK: return "ok";
	case CONS_FP_NO_CLIMATE: return "no_climate_change";
	case CONS_FP_BAD_UNIT: return "unit_not_convertible";
	case CONS_FP_LICENSED: return "licensed";
	}
	return "";
}

static json_t *j_fp_phases(const double *by_phase)
{
	json_t *o = json_object();
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		json_object_set_new(o, fp_phase_code((enum fp_phase)p), j_real(by_phase[p], 3));
	return o;
}

static json_t *j_fp_row(const struct cons_input *in, const struct cons_result *res,
			const struct cons_fp_row *row)
{
	const struct cons_ministry *cm = &in->ministries[row->ministry];
	json_t *o = json_object(), *orgs = json_array(), *refs = json_array();
	json_object_set_new(o, "code", j_str(cm->code));
	json_object_set_new(o, "name", j_str(cm->name));
	for (size_t k = row->first; k < row->first + row->n; k++) {
		const struct cons_fp_eval *e = &in->fp_evals[res->fp_evals[k]];
		json_array_append_new(orgs, j_str(e->org_code));
		int seen = 0;
		for (size_t j = 0; j < json_array_size(refs); j++)
			seen |= strcmp(json_string_value(json_array_get(refs, j)),
				       e->referential) == 0;
		if (!seen)
			json_array_append_new(refs, j_str(e->referential));
	}
	json_object_set_new(o, "organisations", orgs);
	json_object_set_new(o, "referentials", refs);
	json_object_set_new(o, "physical", json_integer((json_int_t)row->physical));
	json_object_set_new(o, "errors", json_integer((json_int_t)row->errors));
	json_object_set_new(o, "status", json_string(j_fp_status(row->state)));
	json_object_set_new(o, "climate_change_unit",
			    row->has_unit ? j_str(in->fp_evals[row->unit_eval].climate_unit)
					  : json_null());
	int ok = row->state == CONS_FP_OK;
	json_object_set_new(o, "by_phase_t", ok ? j_fp_phases(row->by_phase_t) : json_null());
	json_object_set_new(o, "total_t", ok ? j_real(row->total_t, 3) : json_null());
	return o;
}

static json_t *j_footprint(const struct cons_input *in, const struct cons_result *res)
{
	json_t *fp = json_object(), *years = json_array();
	json_object_set_new(fp, "unit", json_string(REPORT_UNIT_GHG));
	json_object_set_new(fp, "criterion", json_string("CLIMATE_CHANGE"));
	for (size_t i = 0; i < res->nfp_years; i++) {
		const struct cons_fp_year *y = &res->fp_years[i];
		json_t *o = json_object(), *mins = json_array(), *without = json_array();
		json_object_set_new(o, "year", json_integer(y->year));
		for (size_t r = y->first_row; r < y->first_row + y->nrows; r++)
			json_array_append_new(mins, j_fp_row(in, res, &res->fp_rows[r]));
		json_object_set_new(o, "ministries", mins);
		if (y->nrows > 1) {
			json_t *t = json_object();
			json_object_set_new(t, "ministries", j_count(y->ministries_in_total));
			json_object_set_new(t, "ministries_total", j_count(in->nministries));
			json_object_set_new(t, "physical", json_integer((json_int_t)y->physical));
			json_object_set_new(t, "errors", json_integer((json_int_t)y->errors));
			json_object_set_new(t, "by_phase_t", j_fp_phases(y->by_phase_t));
			json_object_set_new(t, "total_t", j_real(y->total_t, 3));
			json_object_set_new(o, "national_total", t);
		} else {
			json_object_set_new(o, "national_total", json_null());
		}
		for (size_t m = 0; m < in->nministries; m++)
			if (!report_fp_has(res, y, m))
				json_array_append_new(without, j_str(in->ministries[m].code));
		json_object_set_new(o, "ministries_without_evaluation", without);
		json_array_append_new(years, o);
	}
	json_object_set_new(fp, "years", years);
	return fp;
}

static json_t *j_ind_fig(const struct report_ind_fig *f)
{
	const struct ind_def *d = f->d;
	json_t *o = json_object();
	json_object_set_new(o, "code", j_str(d->code));
	json_object_set_new(o, "label", j_str(d->label));
	json_object_set_new(o, "unit", j_str(d->unit));
	json_object_set_new(o, "theme", json_string(theme_code(d->theme)));
	json_object_set_new(o, "rule", json_string(ind_rule_code(d->rule)));
	json_object_set_new(o, "computed", json_boolean(d->calc != IND_CALC_NONE));
	json_object_set_new(o, "value", f->has_value ? j_real(f->value, 6) : json_null());
	json_object_set_new(o, "counted", j_count(f->r.counted));
	json_object_set_new(o, "expected", j_count(f->r.expected));
	json_object_set_new(o, "validated", j_count(f->r.validated));
	json_object_set_new(o, "missing_weight", j_count(f->r.missing_weight));
	json_t *state = json_null();
	if (f->scoped && f->computed)
		state = json_string("calcule");
	else if (f->scoped && f->has_value)
		state = json_string(ind_state_code(f->state));
	json_object_set_new(o, "state", state);
	json_object_set_new(o, "target", f->has_target ? j_real(f->target, 6) : json_null());
	json_object_set_new(o, "gap", f->has_gap ? j_real(f->gap, 6) : json_null());
	json_object_set_new(o, "met", f->has_gap ? json_boolean(f->met) : json_null());
	return o;
}

static json_t *j_indicators(const struct cons_input *in, const struct ind_table *t)
{
	json_t *o = json_object(), *years = json_array();
	for (int y = t->year_from; y <= t->year_to; y++) {
		json_t *yo = json_object(), *list = json_array();
		json_object_set_new(yo, "year", json_integer(y));
		for (size_t i = 0; i < t->cat->n; i++) {
			struct report_ind_fig f;
			report_ind_fig(in, t, i, y, &f);
			json_array_append_new(list, j_ind_fig(&f));
		}
		json_object_set_new(yo, "indicators", list);
		json_array_append_new(years, yo);
	}
	json_object_set_new(o, "years", years);
	return o;
}

void report_json(const struct cons_input *in, const struct cons_result *res,
		 const struct ind_table *ind, const struct rg_cons *rg, struct buf *out)
{
	json_t *root = json_object();
	struct buf title = BUF_INIT;
	report_title(in, &title);
	json_object_set_new(root, "title", j_str(title.ptr));
	buf_free(&title);
	json_object_set_new(root, "period", j_str(in->period));
	json_object_set_new(root, "scope", j_str(in->scope));

	json_t *units = json_object();
	json_object_set_new(units, "ghg", json_string(REPORT_UNIT_GHG));
	json_object_set_new(units, "energy", json_string(REPORT_UNIT_ENERGY));
	json_object_set_new(units, "budget", json_string("EUR"));
	json_object_set_new(root, "units", units);

	json_t *k = json_object();
	json_object_set_new(k, "ministries_total", j_count(res->ministries_total));
	json_object_set_new(k, "ministries_with_roadmap", j_count(res->ministries_with_roadmap));
	json_object_set_new(k, "actions", j_count(res->actions));
	json_object_set_new(k, "realised", j_count(res->realised));
	json_object_set_new(k, "share_realised", j_share(res->status_total, res->actions));
	json_object_set_new(k, "key_actions", j_count(res->key_actions));
	json_object_set_new(k, "key_with_estimate", j_count(res->key_with_estimate));
	json_object_set_new(k, "key_ghg_t", j_real(res->key_ghg_t, 3));
	json_object_set_new(k, "key_energy_mwh", j_real(res->key_energy_mwh, 3));
	json_object_set_new(k, "budget_eur", j_real((double)res->budget_cents / 100.0, 2));
	json_object_set_new(root, "key_figures", k);

	json_object_set_new(root, "status_total", j_by_status(res->status_total));

	json_t *themes = json_array();
	for (int t = 0; t < THEME_COUNT; t++) {
		json_t *o = json_object();
		json_object_set_new(o, "theme", json_string(theme_code((enum theme)t)));
		json_object_set_new(o, "label", json_string(theme_label((enum theme)t)));
		json_object_set_new(o, "total", j_count(res->theme_total[t]));
		json_object_set_new(o, "by_status", j_by_status(res->theme_status[t]));
		json_object_set_new(o, "share_realised",
				    j_share(res->theme_status[t], res->theme_total[t]));
		json_object_set_new(o, "key_ghg_t", j_real(res->key_ghg_by_theme_t[t], 3));
		json_array_append_new(themes, o);
	}
	json_object_set_new(root, "by_theme", themes);

	json_t *levels = json_array();
	for (int l = 0; l < LEVEL_COUNT; l++) {
		json_t *o = json_object();
		json_object_set_new(o, "level", json_string(level_code((enum level)l)));
		json_object_set_new(o, "label", json_string(level_label((enum level)l)));
		json_object_set_new(o, "total", j_count(res->level_total[l]));
		json_object_set_new(o, "by_status", j_by_status(res->level_status[l]));
		json_object_set_new(o, "share_realised",
				    j_share(res->level_status[l], res->level_total[l]));
		json_array_append_new(levels, o);
	}
	json_object_set_new(root, "by_level", levels);

	json_t *mins = json_array();
	json_t *without = json_array();
	for (size_t m = 0; m < in->nministries; m++) {
		const struct cons_ministry *cm = &in->ministries[m];
		const struct cons_ministry_row *row = &res->by_ministry[m];
		json_t *o = json_object();
		json_object_set_new(o, "code", j_str(cm->code));
		json_object_set_new(o, "name", j_str(cm->name));
		json_object_set_new(o, "has_roadmap", json_boolean(cm->has_roadmap));
		json_object_set_new(o, "state",
				    cm->has_roadmap ? json_string(rstate_code(cm->state))
						    : json_null());
		json_object_set_new(o, "actions", j_count(row->actions));
		json_object_set_new(o, "by_status", j_by_status(row->by_status));
		json_object_set_new(o, "share_realised", j_share(row->by_status, row->actions));
		json_object_set_new(o, "key_actions", j_count(row->key));
		json_object_set_new(o, "key_ghg_t", j_real(row->ghg_avoided_t, 3));
		json_array_append_new(mins, o);
		if (!cm->has_roadmap)
			json_array_append_new(without, j_str(cm->code));
	}
	json_object_set_new(root, "by_ministry", mins);

	json_t *top = json_array();
	for (size_t i = 0; i < res->ntop_ghg; i++) {
		const struct cons_action *a = &in->actions[res->top_ghg[i].action];
		json_t *o = json_object();
		json_object_set_new(o, "rank", j_count(i + 1));
		json_object_set_new(o, "ministry",
				    j_str(a->ministry < in->nministries
						  ? in->ministries[a->ministry].code
						  : ""));
		json_object_set_new(o, "ref", j_str(a->ref));
		json_object_set_new(o, "title", j_str(a->title));
		json_object_set_new(o, "value_t", j_real(res->top_ghg[i].value_report, 3));
		json_object_set_new(o, "declared_value", j_real(a->impact_value, 6));
		json_object_set_new(o, "declared_unit", json_string(iunit_code(a->impact_unit)));
		json_object_set_new(o, "method", j_str(a->impact_method));
		json_array_append_new(top, o);
	}
	json_object_set_new(root, "top_ghg", top);

	json_t *cost = json_array();
	for (size_t i = 0; i < res->ntop_cost; i++) {
		const struct cons_cost *c = &res->top_cost[i];
		const struct cons_action *a = &in->actions[c->action];
		json_t *o = json_object();
		json_object_set_new(o, "rank", j_count(i + 1));
		json_object_set_new(o, "ministry",
				    j_str(a->ministry < in->nministries
						  ? in->ministries[a->ministry].code
						  : ""));
		json_object_set_new(o, "ref", j_str(a->ref));
		json_object_set_new(o, "title", j_str(a->title));
		json_object_set_new(o, "budget_eur", j_real((double)c->budget_cents / 100.0, 2));
		json_object_set_new(o, "value_t", j_real(c->value_t, 3));
		json_object_set_new(o, "eur_per_t", j_real(c->eur_per_t, 2));
		json_array_append_new(cost, o);
	}
	json_object_set_new(root, "top_cost", cost);
	json_object_set_new(root, "ministries_without_roadmap", without);
	json_object_set_new(root, "footprint", j_footprint(in, res));
	if (ind)
		json_object_set_new(root, "indicators", j_indicators(in, ind));
	if (rg)
		json_object_set_new(root, "rgesn", report_rg_json(in, rg));

	json_t *method = json_array();
	for (size_t i = 0; i < report_nmethod_notes; i++)
		json_array_append_new(method, json_string(report_method_notes[i]));
	if (ind)
		json_array_append_new(method, json_string(report_ind_method));
	if (rg)
		json_array_append_new(method, json_string(report_rg_method));
	json_object_set_new(root, "method", method);

	/* Precision 15 prints every rounded value in its shortest exact form
	 * (0.3, not 0.30000000000000004). */
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	if (!s)
		xalloc_die("json_dumps");
	buf_adds(out, s);
	buf_addc(out, '\n');
	free(s);
	json_decref(root);
}
