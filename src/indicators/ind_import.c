/* ind_import.c: importing a CSV of indicator values, checked line by line
 * against the store before anything is written (ind_collect.h). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "indicators/ind_collect_int.h"
#include "store/store_ind.h"

/* A ministry named by the file, resolved once. */
struct imp_min {
	const char *code; /* points into the rows */
	int64_t id;
	char *problem; /* NULL when usable */
};

/* The state of a collection, read once. */
struct imp_state {
	int64_t org;
	int year;
	enum ind_state st;
};

/* One line of the file, resolved. */
struct imp_line {
	const struct ind_row *row;
	long ind; /* catalogue index, -1 unknown */
	const struct imp_min *min;
	int usable; /* ministry and indicator known: takes part in the cross-line
		       checks */
};

struct imp {
	struct store *s;
	const struct actor *a;
	const struct ind_catalogue *cat;
	const char *name;
	struct diags *d;
	struct err *err;
	struct imp_min **mins; /* by code */
	size_t nmins, capm;
	struct imp_state *states;
	size_t nstates, caps;
	struct imp_line *lines; /* in file order */
	size_t nlines;
	const struct imp_line **order; /* usable lines by (org, indicator, year, line) */
	size_t norder;
	struct buf why;
};

/* The ministry of code, resolved once (x->mins kept sorted by code; the
 * entries do not move). NULL on a store error. */
static const struct imp_min *imp_ministry(struct imp *x, const char *code)
{
	size_t lo = 0, hi = x->nmins;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(code, x->mins[mid]->code);
		if (c == 0)
			return x->mins[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	struct org o;
	int found = store_org_get(x->s, code, &o, x->err);
	if (found < 0)
		return NULL;
	struct imp_min *m = xcalloc(1, sizeof(*m));
	struct buf b = BUF_INIT;
	m->code = code;
	m->id = o.id;
	if (!found)
		buf_addf(&b, "ministère inconnu : « %s » (voir numeco org list)", code);
	else if (o.kind != ORG_MINISTERE || o.parent_id)
		buf_addf(&b, "« %s » n'est pas un ministère", code);
	else if (!perm_edit_indicators(x->a, o.id))
		buf_addf(&b, "%s n'a pas le droit de saisir les indicateurs de %s", x->a->id, code);
	m->problem = b.len ? buf_detach(&b) : NULL;
	buf_free(&b);
	org_free(&o);
	xgrow((void **)&x->mins, sizeof(*x->mins), x->nmins + 1, &x->capm);
	memmove(&x->mins[lo + 1], &x->mins[lo], (x->nmins - lo) * sizeof(*x->mins));
	x->mins[lo] = m;
	x->nmins++;
	return m;
}

/* The state of (org, year), read once; -1 on a store error. */
static int imp_state(struct imp *x, int64_t org, int year, enum ind_state *st)
{
	size_t lo = 0, hi = x->nstates;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct imp_state *e = &x->states[mid];
		if (e->org == org && e->year == year) {
			*st = e->st;
			return 0;
		}
		if (e->org < org || (e->org == org && e->year < year))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (store_ind_state_get(x->s, org, year, st, NULL, NULL, x->err) < 0)
		return -1;
	xgrow((void **)&x->states, sizeof(*x->states), x->nstates + 1, &x->caps);
	memmove(&x->states[lo + 1], &x->states[lo], (x->nstates - lo) * sizeof(*x->states));
	x->states[lo] = (struct imp_state){ org, year, *st };
	x->nstates++;
	return 0;
}

static int line_cmp(const void *pa, const void *pb)
{
	const struct imp_line *a = *(const struct imp_line *const *)pa;
	const struct imp_line *b = *(const struct imp_line *const *)pb;
	if (a->min->id != b->min->id)
		return a->min->id < b->min->id ? -1 : 1;
	if (a->ind != b->ind)
		return a->ind < b->ind ? -1 : 1;
	if (a->row->year != b->row->year)
		return a->row->year < b->row->year ? -1 : 1;
	return (a->row->line > b->row->line) - (a->row->line < b->row->line);
}

/* The first usable line of the file for (org, ind, year), or NULL. */
static const struct imp_line *imp_find(const struct imp *x, int64_t org, long ind, int year)
{
	struct ind_row r = { 0 };
	struct imp_min m = { NULL, org, NULL };
	r.year = year;
	r.line = 0;
	struct imp_line key = { &r, ind, &m, 1 };
	const struct imp_line *pk = &key;
	size_t lo = 0, hi = x->norder;
	while (lo < hi) { /* first element >= key */
		size_t mid = lo + (hi - lo) / 2;
		if (line_cmp(&x->order[mid], &pk) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < x->norder && x->order[lo]->min->id == org && x->order[lo]->ind == ind &&
	    x->order[lo]->row->year == year)
		return x->order[lo];
	return NULL;
}

/* *same = 1 when the line says what is stored (the same value, comment and
 * source, or a blank value and none stored): such a line of an export
 * re-imported changes nothing, whatever the collection's state. */
static int imp_same(struct imp *x, const struct imp_line *l, int *same)
{
	const struct ind_row *r = l->row;
	struct ind_value v;
	int found = store_ind_value_get(x->s, l->min->id, r->year, x->cat->items[l->ind].code, &v,
					x->err);
	if (found < 0)
		return -1;
	*same = found ? r->has_value && v.value == r->value && !strcmp(v.comment, r->comment) &&
				!strcmp(v.source, r->source)
		      : !r->has_value;
	ind_value_free(&v);
	return 0;
}

/* Value checks of a usable line with a value: range, and the jump from the
 * previous year's value (the file's when it has one, else the stored one). */
static int imp_check_value(struct imp *x, const struct imp_line *l)
{
	const struct ind_row *r = l->row;
	const struct ind_def *def = &x->cat->items[l->ind];
	int has_prev = 0;
	double prev = 0;
	const struct imp_line *p = imp_find(x, l->min->id, l->ind, r->year - 1);
	if (p) {
		has_prev = p->row->has_value;
		prev = p->row->value;
	} else {
		struct ind_value v;
		has_prev =
			store_ind_value_get(x->s, l->min->id, r->year - 1, def->code, &v, x->err);
		if (has_prev < 0)
			return -1;
		prev = v.value;
		ind_value_free(&v);
	}
	if (ind_check_value(def, r->value, has_prev, prev, r->comment, &x->why) == IND_CHECK_OK)
		return 0;
	/* A line equal to what is stored writes nothing: accepted as it is. */
	int same = 0;
	if (imp_same(x, l, &same))
		return -1;
	if (!same)
		diags_add(x->d, DIAG_ERROR, x->name, r->line, "Valeur", "%s", x->why.ptr);
	return 0;
}

/* Checks one line (every problem reported); -1 on a store error. */
static int imp_check_line(struct imp *x, struct imp_line *l)
{
	const struct ind_row *r = l->row;
	int ok = 1;
	if (l->min->problem) {
		diags_add(x->d, DIAG_ERROR, x->name, r->line, "Ministère", "%s", l->min->problem);
		ok = 0;
	}
	if (l->ind < 0) {
		diags_add(x->d, DIAG_ERROR, x->name, r->line, "Indicateur",
			  "indicateur inconnu : « %s » (voir numeco indicator list)", r->code);
		return 0;
	}
	const struct ind_def *def = &x->cat->items[l->ind];
	if (!ok || !l->usable)
		return 0;
	int computed;
	if (ind_computed_here(x->s, l->min->id, r->year, def, &computed, &x->why, x->err))
		return -1;
	if (computed) {
		diags_add(x->d, DIAG_ERROR, x->name, r->line, "Indicateur", "%s", x->why.ptr);
		return 0;
	}
	enum ind_state st;
	if (imp_state(x, l->min->id, r->year, &st))
		return -1;
	int same = 0;
	if (st != IND_STATE_BROUILLON && imp_same(x, l, &same))
		return -1;
	if (st != IND_STATE_BROUILLON && !same) {
		buf_reset(&x->why);
		ind_not_draft(&x->why, r->ministry, r->year, st);
		diags_add(x->d, DIAG_ERROR, x->name, r->line, "Année", "%s", x->why.ptr);
	}
	const struct imp_line *first = imp_find(x, l->min->id, l->ind, r->year);
	if (first && first != l) {
		diags_add(x->d, DIAG_ERROR, x->name, r->line, "Indicateur",
			  "ligne en double : %s %d %s déjà donné à la ligne %ld", r->ministry,
			  r->year, def->code, first->row->line);
		return 0;
	}
	return r->has_value && !same ? imp_check_value(x, l) : 0;
}

/* Resolves the lines and sorts the usable ones for the cross-line checks. */
static int imp_resolve(struct imp *x, const struct ind_rows *rows)
{
	x->lines = xcalloc(rows->n ? rows->n : 1, sizeof(*x->lines));
	x->order = xcalloc(rows->n ? rows->n : 1, sizeof(*x->order));
	x->nlines = rows->n;
	for (size_t i = 0; i < rows->n; i++) {
		struct imp_line *l = &x->lines[i];
		l->row = &rows->items[i];
		if (l->row->computed)
			continue;
		if (!(l->min = imp_ministry(x, l->row->ministry)))
			return -1;
		l->ind = ind_catalogue_find(x->cat, l->row->code);
		l->usable = !l->min->problem && l->ind >= 0;
		if (l->usable)
			x->order[x->norder++] = l;
	}
	qsort(x->order, x->norder, sizeof(*x->order), line_cmp);
	return 0;
}

static int imp_apply(struct imp *x, struct ind_import_stats *st)
{
	for (size_t i = 0; i < x->nlines; i++) {
		const struct imp_line *l = &x->lines[i];
		const struct ind_row *r = l->row;
		if (!l->usable)
			continue;
		enum ind_apply done;
		if (ind_value_apply(x->s, x->a, l->min->code, l->min->id, r->year,
				    &x->cat->items[l->ind], r->has_value, r->value, r->comment,
				    r->source, &done, x->err))
			return -1;
		st->set += done == IND_APPLY_SET;
		st->removed += done == IND_APPLY_REMOVED;
		st->unchanged += done == IND_APPLY_UNCHANGED;
	}
	return 0;
}

int ind_import(struct store *s, const struct actor *a, const struct ind_catalogue *cat,
	       const char *name, const char *data, size_t len, struct ind_import_stats *st,
	       struct diags *d, struct err *err)
{
	struct ind_rows rows;
	struct imp x;
	int rc = -1;
	memset(st, 0, sizeof(*st));
	memset(&x, 0, sizeof(x));
	/* Lines that did not parse are in d already; the others are checked
	 * against the store too, so that one run reports every faulty line. */
	size_t before = d->errors;
	ind_values_parse(name, data, len, &rows, d);
	x.s = s;
	x.a = a;
	x.cat = cat;
	x.name = name;
	x.d = d;
	x.err = err;
	buf_init(&x.why);
	st->read = rows.n;
	if (imp_resolve(&x, &rows))
		goto out;
	for (size_t i = 0; i < rows.n; i++)
		if (!x.lines[i].row->computed && imp_check_line(&x, &x.lines[i]))
			goto out;
	if (d->errors > before)
		goto out; /* errors are in d; nothing was written */
	rc = imp_apply(&x, st);
out:
	for (size_t i = 0; i < x.nmins; i++) {
		free(x.mins[i]->problem);
		free(x.mins[i]);
	}
	free(x.mins);
	free(x.states);
	free(x.lines);
	free(x.order);
	buf_free(&x.why);
	ind_rows_free(&rows);
	return rc;
}
