/* consolidate.c: counts, shares, avoided-impact totals, rankings and fleet footprint of a period.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "plan/consolidate.h"

/* Context for the ranking comparators: qsort gives no user pointer in C11. */
struct cons_rank {
	const struct cons_input *in;
	struct cons_top top;
};

struct cons_cost_rank {
	const struct cons_input *in;
	struct cons_cost cost;
};

/* A converted estimate, or 0 when the action has none usable. Non-finite and
 * negative values are ignored: they cannot be summed meaningfully and the
 * importer refuses them anyway. */
static int cons_estimate(const struct cons_action *a, double *report)
{
	if (!a->has_impact || (unsigned)a->impact_unit >= IUNIT_COUNT)
		return 0;
	if (!isfinite(a->impact_value) || a->impact_value < 0)
		return 0;
	*report = iunit_to_report(a->impact_unit, a->impact_value);
	return 1;
}

static const char *cons_ministry_code(const struct cons_input *in, size_t m)
{
	return m < in->nministries && in->ministries[m].code ? in->ministries[m].code : "";
}

/* Tie-break of both rankings: ministry code, then reference, then input
 * order (same ministry and reference only happen in malformed input). */
static int cons_tie_cmp(const struct cons_input *in, size_t ia, size_t ib)
{
	const struct cons_action *xa = &in->actions[ia];
	const struct cons_action *xb = &in->actions[ib];
	int c = strcmp(cons_ministry_code(in, xa->ministry), cons_ministry_code(in, xb->ministry));
	if (c)
		return c;
	c = strcmp(xa->ref ? xa->ref : "", xb->ref ? xb->ref : "");
	if (c)
		return c;
	return (ia > ib) - (ia < ib);
}

static int cons_rank_cmp(const void *pa, const void *pb)
{
	const struct cons_rank *a = pa, *b = pb;
	if (a->top.value_report != b->top.value_report)
		return a->top.value_report > b->top.value_report ? -1 : 1;
	return cons_tie_cmp(a->in, a->top.action, b->top.action);
}

/* Cheapest tonne avoided first. */
static int cons_cost_cmp(const void *pa, const void *pb)
{
	const struct cons_cost_rank *a = pa, *b = pb;
	if (a->cost.eur_per_t != b->cost.eur_per_t)
		return a->cost.eur_per_t < b->cost.eur_per_t ? -1 : 1;
	return cons_tie_cmp(a->in, a->cost.action, b->cost.action);
}

static void cons_rank(const struct cons_input *in, size_t top_n, struct cons_result *out)
{
	struct cons_rank *all = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < in->nactions; i++) {
		const struct cons_action *a = &in->actions[i];
		double v;
		if (!cons_estimate(a, &v) || !iunit_is_ghg(a->impact_unit) || v <= 0)
			continue;
		xgrow((void **)&all, sizeof(*all), n + 1, &cap);
		all[n].in = in;
		all[n].top.action = i;
		all[n].top.value_report = v;
		n++;
	}
	if (n > 1)
		qsort(all, n, sizeof(*all), cons_rank_cmp);
	size_t keep = n < top_n ? n : top_n;
	if (keep > 0) {
		out->top_ghg = xmalloc(keep * sizeof(*out->top_ghg));
		for (size_t i = 0; i < keep; i++)
			out->top_ghg[i] = all[i].top;
	}
	out->ntop_ghg = keep;
	free(all);
}

/* Ranks by cost per tonne avoided the actions with a known, positive budget
 * and a positive GHG estimate; the others have no meaningful ratio. */
static void cons_rank_cost(const struct cons_input *in, size_t top_n, struct cons_result *out)
{
	struct cons_cost_rank *all = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < in->nactions; i++) {
		const struct cons_action *a = &in->actions[i];
		double v;
		if (!a->has_budget || a->budget_cents <= 0)
			continue;
		if (!cons_estimate(a, &v) || !iunit_is_ghg(a->impact_unit) || v <= 0)
			continue;
		double ratio = ((double)a->budget_cents / 100.0) / v;
		if (!isfinite(ratio))
			continue; /* a vanishing estimate: no usable ratio */
		xgrow((void **)&all, sizeof(*all), n + 1, &cap);
		all[n].in = in;
		all[n].cost.action = i;
		all[n].cost.budget_cents = a->budget_cents;
		all[n].cost.value_t = v;
		all[n].cost.eur_per_t = ratio;
		n++;
	}
	if (n > 1)
		qsort(all, n, sizeof(*all), cons_cost_cmp);
	size_t keep = n < top_n ? n : top_n;
	if (keep > 0) {
		out->top_cost = xmalloc(keep * sizeof(*out->top_cost));
		for (size_t i = 0; i < keep; i++)
			out->top_cost[i] = all[i].cost;
	}
	out->ntop_cost = keep;
	free(all);
}

/* tCO2e per unit of a climate-change total, from its unit as the referential
 * writes it: 1/1000 for kilograms of CO2 equivalent ("kg CO2 eq"), 1 for
 * tonnes, 0 when it is not a mass of CO2 equivalent (not converted). */
static double cons_fp_scale(const char *unit)
{
	struct buf f = BUF_INIT;
	text_fold(unit ? unit : "", &f);
	double scale = 0;
	if (strstr(f.ptr, "co2")) {
		if (strncmp(f.ptr, "kg", 2) == 0 || strncmp(f.ptr, "kilogram", 8) == 0)
			scale = 0.001;
		else if (strncmp(f.ptr, "t ", 2) == 0 || strncmp(f.ptr, "tco2", 4) == 0 ||
			 strncmp(f.ptr, "tonne", 5) == 0)
			scale = 1;
	}
	buf_free(&f);
	return scale;
}

/* Fills pick with the evaluations counted for ministry m in year y and
 * returns how many: the ministry's own evaluation when there is one, else
 * those of its descendants; ordered by organisation code, then input order. */
static size_t cons_fp_pick(const struct cons_input *in, size_t m, int y, size_t *pick)
{
	const char *code = cons_ministry_code(in, m);
	size_t n = 0, own = 0;
	for (size_t i = 0; i < in->nfp_evals; i++) {
		const struct cons_fp_eval *e = &in->fp_evals[i];
		if (e->ministry != m || e->year != y)
			continue;
		int is_own = e->org_code && strcmp(e->org_code, code) == 0;
		if (own && !is_own)
			continue;
		if (is_own && !own) {
			own = 1;
			n = 0; /* the descendants picked so far are covered by it */
		}
		pick[n++] = i;
	}
	/* Insertion sort: a ministry has few evaluations per year. */
	for (size_t i = 1; i < n; i++) {
		size_t v = pick[i], j = i;
		const char *cv = in->fp_evals[v].org_code ? in->fp_evals[v].org_code : "";
		while (j > 0) {
			const char *cp = in->fp_evals[pick[j - 1]].org_code;
			int c = strcmp(cp ? cp : "", cv);
			if (c < 0 || (c == 0 && pick[j - 1] < v))
				break;
			pick[j] = pick[j - 1];
			j--;
		}
		pick[j] = v;
	}
	return n;
}

/* Sums the evaluations of row (already in out->fp_evals) and decides its
 * state: withheld when licensed, else no figure when one evaluation lacks
 * the criterion or has a unit that cannot be converted. */
static void cons_fp_fill_row(const struct cons_input *in, const struct cons_result *out,
			     struct cons_fp_row *row)
{
	int licensed = 0, no_climate = 0, bad_unit = 0;
	size_t bad_eval = 0;
	for (size_t k = row->first; k < row->first + row->n; k++) {
		size_t i = out->fp_evals[k];
		const struct cons_fp_eval *e = &in->fp_evals[i];
		row->physical += e->physical;
		row->errors += e->errors;
		if (e->licensed) {
			licensed = 1;
			continue;
		}
		if (!e->has_climate) {
			no_climate = 1;
			continue;
		}
		if (!row->has_unit) {
			row->unit_eval = i;
			row->has_unit = 1;
		}
		double scale = cons_fp_scale(e->climate_unit);
		if (scale == 0) {
			if (!bad_unit)
				bad_eval = i;
			bad_unit = 1;
			continue;
		}
		for (int p = 0; p < FP_PHASE_COUNT; p++)
			row->by_phase_t[p] += e->climate_by_phase[p] * scale;
	}
	row->state = licensed	  ? CONS_FP_LICENSED
		     : no_climate ? CONS_FP_NO_CLIMATE
		     : bad_unit	  ? CONS_FP_BAD_UNIT
				  : CONS_FP_OK;
	if (row->state == CONS_FP_BAD_UNIT)
		row->unit_eval = bad_eval;
	if (row->state == CONS_FP_LICENSED)
		row->has_unit = 0; /* nothing of a withheld evaluation's results */
	if (row->state != CONS_FP_OK) {
		memset(row->by_phase_t, 0, sizeof(row->by_phase_t));
		return;
	}
	row->total_t = 0;
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		row->total_t += row->by_phase_t[p];
}

/* The footprint part: one entry per year of the period, per ministry with an
 * evaluation, and the national totals; nothing when no evaluation falls in
 * the period. */
static void cons_footprint(const struct cons_input *in, struct cons_result *out)
{
	int first, last;
	if (!in->period || period_parse(in->period, &first, &last))
		return;
	size_t in_period = 0;
	for (size_t i = 0; i < in->nfp_evals; i++) {
		const struct cons_fp_eval *e = &in->fp_evals[i];
		if (e->ministry < in->nministries && e->year >= first && e->year <= last)
			in_period++;
	}
	if (!in_period)
		return;
	out->nfp_years = (size_t)(last - first) + 1;
	out->fp_years = xcalloc(out->nfp_years, sizeof(*out->fp_years));
	out->fp_evals = xmalloc(in_period * sizeof(*out->fp_evals));
	size_t *pick = xmalloc(in->nfp_evals * sizeof(*pick));
	size_t cap_rows = 0;
	for (int y = first; y <= last; y++) {
		struct cons_fp_year *fy = &out->fp_years[y - first];
		fy->year = y;
		fy->first_row = out->nfp_rows;
		for (size_t m = 0; m < in->nministries; m++) {
			size_t n = cons_fp_pick(in, m, y, pick);
			if (!n)
				continue;
			xgrow((void **)&out->fp_rows, sizeof(*out->fp_rows), out->nfp_rows + 1,
			      &cap_rows);
			struct cons_fp_row *row = &out->fp_rows[out->nfp_rows++];
			memset(row, 0, sizeof(*row));
			row->ministry = m;
			row->year = y;
			row->first = out->nfp_evals;
			row->n = n;
			memcpy(&out->fp_evals[out->nfp_evals], pick, n * sizeof(*pick));
			out->nfp_evals += n;
			cons_fp_fill_row(in, out, row);
			if (row->state != CONS_FP_OK)
				continue;
			fy->ministries_in_total++;
			fy->physical += row->physical;
			fy->errors += row->errors;
			for (int p = 0; p < FP_PHASE_COUNT; p++)
				fy->by_phase_t[p] += row->by_phase_t[p];
			fy->total_t += row->total_t;
		}
		fy->nrows = out->nfp_rows - fy->first_row;
	}
	free(pick);
}

void consolidate(const struct cons_input *in, size_t top_n, struct cons_result *out)
{
	memset(out, 0, sizeof(*out));
	out->ministries_total = in->nministries;
	if (in->nministries > 0)
		out->by_ministry = xcalloc(in->nministries, sizeof(*out->by_ministry));
	for (size_t m = 0; m < in->nministries; m++) {
		out->by_ministry[m].ministry = m;
		if (in->ministries[m].has_roadmap)
			out->ministries_with_roadmap++;
	}

	for (size_t i = 0; i < in->nactions; i++) {
		const struct cons_action *a = &in->actions[i];
		/* An action whose ministry index is out of range still counts in
		 * the national figures; it just has no row to go to. */
		struct cons_ministry_row *row =
			a->ministry < in->nministries ? &out->by_ministry[a->ministry] : NULL;
		int st_ok = (unsigned)a->status < STATUS_COUNT;
		int th_ok = (unsigned)a->theme < THEME_COUNT;
		int lv_ok = (unsigned)a->level < LEVEL_COUNT;

		out->actions++;
		if (row)
			row->actions++;
		if (st_ok) {
			out->status_total[a->status]++;
			if (row)
				row->by_status[a->status]++;
		}
		if (a->status == STATUS_REALISEE)
			out->realised++;
		if (th_ok) {
			out->theme_total[a->theme]++;
			if (st_ok)
				out->theme_status[a->theme][a->status]++;
		}
		if (lv_ok) {
			out->level_total[a->level]++;
			if (st_ok)
				out->level_status[a->level][a->status]++;
		}
		if (a->has_budget)
			out->budget_cents += a->budget_cents;

		if (!a->key)
			continue;
		out->key_actions++;
		if (row)
			row->key++;
		double v;
		if (!cons_estimate(a, &v))
			continue;
		out->key_with_estimate++;
		if (iunit_is_ghg(a->impact_unit)) {
			out->key_ghg_t += v;
			if (th_ok)
				out->key_ghg_by_theme_t[a->theme] += v;
			if (row)
				row->ghg_avoided_t += v;
		} else {
			out->key_energy_mwh += v;
		}
	}
	out->share_realised = out->actions ? (double)out->realised / (double)out->actions : 0.0;
	cons_rank(in, top_n, out);
	cons_rank_cost(in, top_n, out);
	cons_footprint(in, out);
}

void cons_result_free(struct cons_result *r)
{
	free(r->by_ministry);
	free(r->top_ghg);
	free(r->top_cost);
	free(r->fp_years);
	free(r->fp_rows);
	free(r->fp_evals);
	memset(r, 0, sizeof(*r));
}
