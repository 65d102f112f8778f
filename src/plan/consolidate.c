/* consolidate.c: counts, shares, avoided-impact totals and rankings of a period's actions. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

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
}

void cons_result_free(struct cons_result *r)
{
	free(r->by_ministry);
	free(r->top_ghg);
	free(r->top_cost);
	memset(r, 0, sizeof(*r));
}
