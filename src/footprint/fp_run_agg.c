/* fp_run_agg.c: aggregation of indicators by dimension and key, and the summary's accessors. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "footprint/fp_run_int.h"

const char *fp_dim_code(enum fp_dim d)
{
	switch (d) {
	case FP_DIM_TOTAL: return "total";
	case FP_DIM_ENTITY: return "entite";
	case FP_DIM_TYPE: return "type";
	case FP_DIM_DC: return "datacenter";
	case FP_DIM_APP: return "application";
	case FP_DIM_COUNT: break;
	}
	return "";
}

void fp_agg_init(struct fp_agg *a, size_t ncrit)
{
	memset(a, 0, sizeof(*a));
	a->ncrit = ncrit;
	buf_init(&a->tmp);
	for (int d = 0; d < FP_DIM_COUNT; d++)
		a->last_idx[d] = (size_t)-1;
}

void fp_agg_free(struct fp_agg *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->e[i].key);
	free(a->e);
	fp_map_free(&a->map);
	buf_free(&a->tmp);
	memset(a, 0, sizeof(*a));
}

static size_t entry_of(struct fp_agg *a, enum fp_dim dim, const char *key)
{
	size_t len = strlen(key);
	if (a->last_idx[dim] != (size_t)-1 && a->last_len[dim] == len &&
	    !memcmp(a->last_key[dim], key, len))
		return a->last_idx[dim];
	buf_reset(&a->tmp);
	buf_addc(&a->tmp, (char)('0' + dim));
	buf_addc(&a->tmp, '\x1f');
	buf_add(&a->tmp, key, len);
	size_t i = fp_map_intern(&a->map, a->tmp.ptr, a->tmp.len, a->n);
	if (i == a->n) {
		xgrow((void **)&a->e, sizeof(*a->e), a->n + 1, &a->cap);
		memset(&a->e[i], 0, sizeof(a->e[i]));
		a->e[i].dim = dim;
		a->e[i].key = xstrndup(key, len);
		a->n++;
	}
	/* The entry's own copy stays put while the caller's string may not. */
	a->last_key[dim] = a->e[i].key;
	a->last_len[dim] = len;
	a->last_idx[dim] = i;
	return i;
}

void fp_agg_add(struct fp_agg *a, enum fp_dim dim, const char *key, const struct fp_inds *x)
{
	size_t i = entry_of(a, dim, key ? key : "");
	struct fp_agg_entry *e = &a->e[i];
	for (size_t c = 0; c < a->ncrit && c < x->ncrit; c++)
		for (int p = 0; p < FP_PHASE_COUNT; p++)
			if (x->st[c][p] == FP_OK)
				e->v[c][p] += x->v[c][p];
}

void fp_agg_quantity(struct fp_agg *a, const char *type, double qty)
{
	struct fp_agg_entry *e = &a->e[entry_of(a, FP_DIM_TYPE, type ? type : "")];
	e->qty += qty;
	e->has_qty = 1;
}

static int cmp_entry(const void *pa, const void *pb)
{
	const struct fp_agg_entry *a = *(const struct fp_agg_entry *const *)pa;
	const struct fp_agg_entry *b = *(const struct fp_agg_entry *const *)pb;
	if (a->dim != b->dim)
		return a->dim < b->dim ? -1 : 1;
	return strcmp(a->key, b->key);
}

void fp_agg_finish(struct fp_agg *a, struct fp_summary *s)
{
	const struct fp_agg_entry **order = xcalloc(a->n ? a->n : 1, sizeof(*order));
	for (size_t i = 0; i < a->n; i++)
		order[i] = &a->e[i];
	qsort(order, a->n, sizeof(*order), cmp_entry);
	s->nkeys = a->n;
	s->keys = xcalloc(a->n ? a->n : 1, sizeof(*s->keys));
	s->nrows = a->n * a->ncrit * FP_PHASE_COUNT;
	s->rows = xcalloc(s->nrows ? s->nrows : 1, sizeof(*s->rows));
	size_t r = 0, nq = 0;
	for (size_t i = 0; i < a->n; i++)
		nq += a->e[i].has_qty;
	s->qtype = xcalloc(nq ? nq : 1, sizeof(*s->qtype));
	s->qty = xcalloc(nq ? nq : 1, sizeof(*s->qty));
	for (size_t i = 0; i < a->n; i++) {
		struct fp_agg_entry *e = (struct fp_agg_entry *)order[i];
		s->keys[i] = e->key;
		e->key = NULL;
		if (e->has_qty) {
			s->qtype[s->nqty] = s->keys[i];
			s->qty[s->nqty++] = e->qty;
		}
		for (size_t c = 0; c < a->ncrit; c++) {
			for (int p = 0; p < FP_PHASE_COUNT; p++) {
				struct fp_agg_row *row = &s->rows[r++];
				row->dim = fp_dim_code(e->dim);
				row->key = s->keys[i];
				row->crit = c;
				row->phase = (enum fp_phase)p;
				row->value = e->v[c][p];
			}
		}
	}
	free(order);
}

void fp_summary_add_error(struct fp_summary *s, const char *file, long line, const char *reason)
{
	if (s->nerrors >= FP_MAX_ERRORS)
		return;
	if (!s->errors)
		s->errors = xcalloc(FP_MAX_ERRORS, sizeof(*s->errors));
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s:%ld: %s", file ? file : "", line, reason);
	s->errors[s->nerrors++] = buf_detach(&b);
}

void fp_summary_free(struct fp_summary *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nkeys; i++)
		free(s->keys[i]);
	for (size_t i = 0; i < s->nerrors; i++)
		free(s->errors[i]);
	free(s->keys);
	free(s->rows);
	free(s->errors);
	free(s->qtype);
	free(s->qty);
	free(s);
}

const struct fp_counts *fp_summary_counts(const struct fp_summary *s)
{
	return &s->counts;
}

const struct fp_ref *fp_summary_ref(const struct fp_summary *s)
{
	return s->ref;
}

const char *fp_summary_date(const struct fp_summary *s)
{
	return s->date;
}

size_t fp_summary_nrows(const struct fp_summary *s)
{
	return s->nrows;
}

void fp_summary_row(const struct fp_summary *s, size_t i, struct fp_agg_row *row)
{
	*row = s->rows[i];
}

size_t fp_summary_ntypes(const struct fp_summary *s)
{
	return s->nqty;
}

void fp_summary_type_quantity(const struct fp_summary *s, size_t i, const char **type, double *qty)
{
	*type = i < s->nqty ? s->qtype[i] : "";
	*qty = i < s->nqty ? s->qty[i] : 0;
}

size_t fp_summary_nerrors(const struct fp_summary *s)
{
	return s->nerrors;
}

const char *fp_summary_error(const struct fp_summary *s, size_t i)
{
	return i < s->nerrors ? s->errors[i] : "";
}
