/* ind_consolidate.c: the national value of an indicator and its
 * completeness (see ind.h). */
#include <math.h>
#include <string.h>

#include "indicators/ind.h"

/* A running consolidation: values are added one at a time, so that the
 * table is read in place, without a copy. */
struct acc {
	enum ind_rule rule;
	size_t n;	/* values used */
	double sum;	/* SUM, MEAN: Σv; WMEAN: Σw·v */
	double wsum;	/* WMEAN: Σw */
	double best;	/* MIN, MAX */
	size_t counted; /* values given, used or not */
	size_t missing_weight;
};

static void acc_add(struct acc *a, double v, int has_w, double w)
{
	if (!isfinite(v))
		return;
	a->counted++;
	switch (a->rule) {
	case IND_RULE_WMEAN:
		if (!has_w || !isfinite(w) || w <= 0) {
			a->missing_weight++;
			return;
		}
		a->sum += w * v;
		a->wsum += w;
		break;
	case IND_RULE_MIN:
		if (!a->n || v < a->best)
			a->best = v;
		break;
	case IND_RULE_MAX:
		if (!a->n || v > a->best)
			a->best = v;
		break;
	default: a->sum += v; break;
	}
	a->n++;
}

static void acc_finish(const struct acc *a, struct ind_result *out)
{
	out->counted = a->counted;
	out->missing_weight = a->missing_weight;
	out->weight_total = a->rule == IND_RULE_WMEAN ? a->wsum : 0;
	out->has_value = a->n > 0;
	out->value = 0;
	if (!a->n)
		return;
	switch (a->rule) {
	case IND_RULE_SUM: out->value = a->sum; break;
	case IND_RULE_MEAN: out->value = a->sum / (double)a->n; break;
	case IND_RULE_WMEAN:
		out->value = a->wsum > 0 ? a->sum / a->wsum : 0;
		out->has_value = a->wsum > 0;
		break;
	case IND_RULE_MIN:
	case IND_RULE_MAX: out->value = a->best; break;
	default: out->has_value = 0; break;
	}
}

void ind_consolidate(enum ind_rule rule, const double *v, const double *w, size_t n,
		     struct ind_result *out)
{
	struct acc a;
	memset(&a, 0, sizeof(a));
	a.rule = rule;
	for (size_t i = 0; i < n; i++)
		acc_add(&a, v[i], w != NULL, w ? w[i] : 0);
	acc_finish(&a, out);
}

void ind_table_consolidate(const struct ind_table *t, size_t ind, int year, struct ind_result *out)
{
	memset(out, 0, sizeof(*out));
	out->expected = t->norg;
	if (!t->cat || ind >= t->cat->n || year < t->year_from || year > t->year_to)
		return;
	const struct ind_def *d = &t->cat->items[ind];
	long wind = -1;
	if (d->rule == IND_RULE_WMEAN)
		wind = ind_catalogue_find(t->cat, d->weight_code);
	size_t ny = ind_table_nyears(t);
	size_t y = (size_t)(year - t->year_from);
	size_t stride = t->cat->n * ny; /* from one org to the next */
	size_t at = ind * ny + y;
	size_t wat = wind >= 0 ? (size_t)wind * ny + y : 0;
	struct acc a;
	memset(&a, 0, sizeof(a));
	a.rule = d->rule;
	for (size_t org = 0; org < t->norg; org++, at += stride, wat += stride) {
		unsigned char f = t->flags[at];
		if ((f & (IND_CELL_SET | IND_CELL_COUNTS)) != (IND_CELL_SET | IND_CELL_COUNTS))
			continue;
		if (!isfinite(t->value[at]))
			continue;
		if ((f & IND_CELL_COMPUTED) || t->state[org * ny + y] == IND_STATE_VALIDE)
			out->validated++;
		int has_w = 0;
		double w = 0;
		if (wind >= 0) {
			unsigned char wf = t->flags[wat];
			/* A weight counts like a value: set, and in a collection
			 * soumis or validé (or computed). */
			if ((wf & (IND_CELL_SET | IND_CELL_COUNTS)) ==
			    (IND_CELL_SET | IND_CELL_COUNTS)) {
				has_w = 1;
				w = t->value[wat];
			}
		}
		acc_add(&a, t->value[at], has_w, w);
	}
	acc_finish(&a, out);
}
