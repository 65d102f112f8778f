/* ind_table.c: the block of values of ministries × indicators × years, and
 * the cells numeco computes itself (see ind.h). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "indicators/ind.h"

void ind_table_init(struct ind_table *t, const struct ind_catalogue *cat, size_t norg,
		    int year_from, int year_to)
{
	memset(t, 0, sizeof(*t));
	t->cat = cat;
	t->norg = norg;
	t->year_from = year_from;
	t->year_to = year_to;
	size_t ny = ind_table_nyears(t);
	size_t nind = cat ? cat->n : 0;
	size_t cells = norg * nind * ny;
	t->org_id = xcalloc(norg ? norg : 1, sizeof(*t->org_id));
	t->org_code = xcalloc(norg ? norg : 1, sizeof(*t->org_code));
	t->org_name = xcalloc(norg ? norg : 1, sizeof(*t->org_name));
	/* calloc: IND_STATE_BROUILLON is 0, every cell unset. */
	size_t nstates = norg * ny;
	t->state = xcalloc(nstates ? nstates : 1, sizeof(*t->state));
	t->value = xcalloc(cells ? cells : 1, sizeof(*t->value));
	t->flags = xcalloc(cells ? cells : 1, sizeof(*t->flags));
}

void ind_table_free(struct ind_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->norg; i++) {
		if (t->org_code)
			free(t->org_code[i]);
		if (t->org_name)
			free(t->org_name[i]);
	}
	free(t->org_id);
	free(t->org_code);
	free(t->org_name);
	free(t->state);
	free(t->value);
	free(t->flags);
	memset(t, 0, sizeof(*t));
}

size_t ind_table_nyears(const struct ind_table *t)
{
	return t->year_to >= t->year_from ? (size_t)(t->year_to - t->year_from) + 1 : 0;
}

size_t ind_table_at(const struct ind_table *t, size_t org, size_t ind, int year)
{
	size_t ny = ind_table_nyears(t);
	return (org * t->cat->n + ind) * ny + (size_t)(year - t->year_from);
}

long ind_table_org(const struct ind_table *t, int64_t org_id)
{
	for (size_t i = 0; i < t->norg; i++)
		if (t->org_id[i] == org_id)
			return (long)i;
	return -1;
}

long ind_table_org_code(const struct ind_table *t, const char *code)
{
	if (!code)
		return -1;
	for (size_t i = 0; i < t->norg; i++)
		if (t->org_code[i] && strcmp(t->org_code[i], code) == 0)
			return (long)i;
	return -1;
}

void ind_table_set(struct ind_table *t, size_t org, size_t ind, int year, double v, int computed)
{
	size_t at = ind_table_at(t, org, ind, year);
	enum ind_state st = t->state[org * ind_table_nyears(t) + (size_t)(year - t->year_from)];
	unsigned char f = IND_CELL_SET;
	if (computed)
		f |= IND_CELL_COMPUTED;
	if (computed || st == IND_STATE_SOUMIS || st == IND_STATE_VALIDE)
		f |= IND_CELL_COUNTS;
	t->value[at] = v;
	t->flags[at] = f;
}

void ind_fact_list_free(struct ind_fact_list *l)
{
	if (!l)
		return;
	free(l->items);
	memset(l, 0, sizeof(*l));
}

/* An org id and its row, sorted by id for the look-ups of many facts. */
struct org_pos {
	int64_t id;
	size_t row;
};

static int org_pos_cmp(const void *a, const void *b)
{
	const struct org_pos *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static long find_row(const struct org_pos *p, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && p[lo].id == id ? (long)p[lo].row : -1;
}

int ind_fact_value(enum ind_calc calc, const struct ind_fact *f, double *v)
{
	switch (calc) {
	case IND_CALC_ACTIONS_REALISED_SHARE:
		if (!f->has_roadmap || f->actions <= 0)
			return 0;
		*v = 100.0 * (double)f->realised / (double)f->actions;
		return 1;
	case IND_CALC_KEY_ACTIONS:
		if (!f->has_roadmap)
			return 0;
		*v = (double)f->key_actions;
		return 1;
	case IND_CALC_FP_GHG_T:
		if (!f->has_fp)
			return 0;
		*v = f->fp_ghg_kg / 1000.0;
		return 1;
	case IND_CALC_RGESN_SERVICES:
		if (!f->has_services)
			return 0;
		*v = (double)f->services_assessed;
		return 1;
	case IND_CALC_FP_WORKSTATIONS:
		if (!f->has_fp)
			return 0;
		*v = f->workstations;
		return 1;
	default: return 0;
	}
}

void ind_table_compute(struct ind_table *t, const struct ind_fact_list *facts)
{
	if (!t->cat || !facts || !facts->n || !t->norg || !ind_table_nyears(t))
		return;
	size_t ncalc = 0;
	size_t *calc = xmalloc(t->cat->n * sizeof(*calc)); /* computed indicators */
	for (size_t i = 0; i < t->cat->n; i++)
		if (t->cat->items[i].calc != IND_CALC_NONE)
			calc[ncalc++] = i;
	if (!ncalc) {
		free(calc);
		return;
	}
	struct org_pos *pos = xmalloc(t->norg * sizeof(*pos));
	for (size_t i = 0; i < t->norg; i++) {
		pos[i].id = t->org_id[i];
		pos[i].row = i;
	}
	qsort(pos, t->norg, sizeof(*pos), org_pos_cmp);
	for (size_t k = 0; k < facts->n; k++) {
		const struct ind_fact *f = &facts->items[k];
		if (f->year < t->year_from || f->year > t->year_to)
			continue;
		long row = find_row(pos, t->norg, f->org_id);
		if (row < 0)
			continue;
		for (size_t k2 = 0; k2 < ncalc; k2++) {
			double v;
			if (ind_fact_value(t->cat->items[calc[k2]].calc, f, &v))
				ind_table_set(t, (size_t)row, calc[k2], f->year, v, 1);
		}
	}
	free(pos);
	free(calc);
}
