/* sqlite_ind_facts.c: what numeco knows of each ministry and year for the
 * computed indicators — roadmap actions, footprint evaluations, digital
 * services assessed against the RGESN — SQLite backend (store_ind_facts of
 * store_ind.h). */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "store/sqlite_ind_int.h"
#include "store/store_ind.h"

/* Every organisation with its parent, to find the ministry of each tree in C
 * (cheaper than a recursive query joined to each table). */
static const char SQL_ORGS[] = "SELECT id, parent_id FROM org";

/* Actions per roadmap. */
static const char SQL_ROADMAPS[] =
	"SELECT r.org_id, r.period, count(a.id), coalesce(sum(a.status = ?1), 0),"
	" coalesce(sum(a.key_action), 0)"
	" FROM roadmap r LEFT JOIN action a ON a.roadmap_id = r.id GROUP BY r.id";

/* Evaluations of the years with their climate change total (all phases)
 * and its unit. */
static const char SQL_EVALS[] =
	"SELECT e.org_id, e.year, e.id, r.restricted,"
	" (SELECT sum(x.value) FROM fp_result x WHERE x.evaluation_id = e.id"
	"  AND x.dimension = 'total' AND x.criterion = 'CLIMATE_CHANGE'),"
	" (SELECT x.unit FROM fp_result x WHERE x.evaluation_id = e.id"
	"  AND x.dimension = 'total' AND x.criterion = 'CLIMATE_CHANGE' LIMIT 1)"
	" FROM fp_evaluation e JOIN referential r ON r.id = e.referential_id"
	" WHERE e.year BETWEEN ?1 AND ?2";

static const char SQL_QTY[] =
	"SELECT q.evaluation_id, q.type, q.quantity FROM fp_type_quantity q"
	" JOIN fp_evaluation e ON e.id = q.evaluation_id WHERE e.year BETWEEN ?1 AND ?2";

/* Digital services: the year each entered the register (registered, or
 * its first assessment of any kind when earlier) and the date of its first
 * complete RGESN assessment (NULL when none). */
static const char SQL_SERVICES[] =
	"SELECT v.org_id, substr(v.created_at, 1, 4),"
	" (SELECT min(a.assessed_on) FROM assessment a WHERE a.service_id = v.id),"
	" (SELECT min(a.assessed_on) FROM assessment a WHERE a.service_id = v.id"
	"  AND a.kind = 'complete')"
	" FROM service v";

/* Equipment types counted as workstations, folded (core/text.h). */
static const char *const WORKSTATION_TYPES[] = {
	"laptop",	   "desktop",	  "ordinateur portable",
	"ordinateur fixe", "thin client", "client leger",
};

/* The organisations' tree. */
struct trees {
	int64_t *id, *parent;
	size_t n, cap, cap2;
	struct ind_idmap index; /* org id → position */
};

/* One roadmap, or a sum of those of one tree and period. */
struct fact_period {
	size_t min;
	int first, last;
	long actions, realised, key;
};

struct fact_eval {
	int64_t id;
	size_t min;
	int year;
	int own, restricted;
	int has_ghg;
	double ghg_kg;
	double workstations;
};

struct fact_load {
	struct trees tr;
	struct ind_idmap mins; /* ministry id → index */
	int from, to;
	struct ind_fact *cells; /* [ministry][year] */
	struct fact_period *periods;
	size_t nperiods, capp;
	struct fact_eval *evals;
	size_t nevals, cape;
	struct buf fold;
};

static struct ind_fact *fact_cell(struct fact_load *l, size_t m, int year)
{
	return &l->cells[m * (size_t)(l->to - l->from + 1) + (size_t)(year - l->from)];
}

static int org_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct trees *t = ctx;
	(void)err;
	xgrow((void **)&t->id, sizeof(*t->id), t->n + 1, &t->cap);
	xgrow((void **)&t->parent, sizeof(*t->parent), t->n + 1, &t->cap2);
	t->id[t->n] = sqlite3_column_int64(st, 0);
	t->parent[t->n] = sqlite3_column_int64(st, 1); /* 0 for NULL */
	t->n++;
	return 0;
}

/* The ministry (index into l->mins) whose tree holds org, and whether org
 * is that ministry itself; 0 when its root is not a ministry of the list. */
static int ministry_of(const struct fact_load *l, int64_t org, size_t *m, int *own)
{
	int64_t root = org;
	size_t i;
	/* Bounded walk: a damaged file with a cycle must not hang. */
	for (size_t steps = 0; steps <= l->tr.n; steps++) {
		if (!ind_idmap_get(&l->tr.index, root, &i))
			return 0;
		if (!l->tr.parent[i])
			break;
		root = l->tr.parent[i];
	}
	*own = root == org;
	return ind_idmap_get(&l->mins, root, m);
}

/* kg per unit of a climate change total ("kg CO2 eq", "tCO2e" …); 0 when unknown. */
static double kg_per_unit(struct buf *fold, const char *unit)
{
	buf_reset(fold);
	text_fold(unit ? unit : "", fold);
	const char *f = fold->ptr ? fold->ptr : "";
	if (!strstr(f, "co2"))
		return 0;
	if (!strncmp(f, "kg", 2) || !strncmp(f, "kilogram", 8))
		return 1;
	if (!strncmp(f, "t ", 2) || !strncmp(f, "tco2", 4) || !strncmp(f, "tonne", 5))
		return 1000;
	return 0;
}

static int roadmap_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct fact_load *l = ctx;
	const char *period = (const char *)sqlite3_column_text(st, 1);
	size_t m;
	int own, first, last;
	(void)err;
	if (!ministry_of(l, sqlite3_column_int64(st, 0), &m, &own) || !period ||
	    period_parse(period, &first, &last) || last < l->from || first > l->to)
		return 0;
	xgrow((void **)&l->periods, sizeof(*l->periods), l->nperiods + 1, &l->capp);
	struct fact_period *p = &l->periods[l->nperiods++];
	p->min = m;
	p->first = first;
	p->last = last;
	p->actions = (long)sqlite3_column_int64(st, 2);
	p->realised = (long)sqlite3_column_int64(st, 3);
	p->key = (long)sqlite3_column_int64(st, 4);
	return 0;
}

static int cmp_period(const void *pa, const void *pb)
{
	const struct fact_period *a = pa, *b = pb;
	if (a->min != b->min)
		return a->min < b->min ? -1 : 1;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	return (a->last > b->last) - (a->last < b->last);
}

/* Sums the roadmaps of each tree and period, then fills each year with the
 * roadmap of that single year, else the first range containing it. */
static void periods_apply(struct fact_load *l)
{
	if (!l->nperiods)
		return;
	qsort(l->periods, l->nperiods, sizeof(*l->periods), cmp_period);
	size_t n = 0;
	for (size_t i = 0; i < l->nperiods; i++) {
		struct fact_period *p = &l->periods[i], *q = n ? &l->periods[n - 1] : NULL;
		if (q && q->min == p->min && q->first == p->first && q->last == p->last) {
			q->actions += p->actions;
			q->realised += p->realised;
			q->key += p->key;
		} else {
			l->periods[n++] = *p;
		}
	}
	for (size_t i = 0; i < n;) {
		size_t end = i;
		while (end < n && l->periods[end].min == l->periods[i].min)
			end++;
		for (int y = l->from; y <= l->to; y++) {
			const struct fact_period *pick = NULL;
			for (size_t k = i; k < end; k++) {
				const struct fact_period *p = &l->periods[k];
				if (p->first > y || p->last < y)
					continue;
				if (p->first == p->last) {
					pick = p;
					break;
				}
				if (!pick)
					pick = p;
			}
			if (!pick)
				continue;
			struct ind_fact *f = fact_cell(l, pick->min, y);
			f->has_roadmap = 1;
			f->actions = pick->actions;
			f->realised = pick->realised;
			f->key_actions = pick->key;
		}
		i = end;
	}
}

static int eval_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct fact_load *l = ctx;
	size_t m;
	int own;
	(void)err;
	if (!ministry_of(l, sqlite3_column_int64(st, 0), &m, &own))
		return 0;
	xgrow((void **)&l->evals, sizeof(*l->evals), l->nevals + 1, &l->cape);
	struct fact_eval *e = &l->evals[l->nevals++];
	memset(e, 0, sizeof(*e));
	e->min = m;
	e->own = own;
	e->year = sqlite3_column_int(st, 1);
	e->id = sqlite3_column_int64(st, 2);
	e->restricted = sqlite3_column_int(st, 3) != 0;
	if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
		double k = kg_per_unit(&l->fold, (const char *)sqlite3_column_text(st, 5));
		e->has_ghg = k > 0;
		e->ghg_kg = sqlite3_column_double(st, 4) * k;
	}
	return 0;
}

static int cmp_eval_id(const void *a, const void *b)
{
	int64_t x = ((const struct fact_eval *)a)->id, y = ((const struct fact_eval *)b)->id;
	return (x > y) - (x < y);
}

static int qty_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct fact_load *l = ctx;
	struct fact_eval key = { 0 };
	(void)err;
	key.id = sqlite3_column_int64(st, 0);
	struct fact_eval *e = bsearch(&key, l->evals, l->nevals, sizeof(*l->evals), cmp_eval_id);
	if (!e)
		return 0;
	buf_reset(&l->fold);
	text_fold((const char *)sqlite3_column_text(st, 1), &l->fold);
	for (size_t i = 0; i < sizeof(WORKSTATION_TYPES) / sizeof(*WORKSTATION_TYPES); i++) {
		if (l->fold.ptr && strcmp(l->fold.ptr, WORKSTATION_TYPES[i]) == 0) {
			e->workstations += sqlite3_column_double(st, 2);
			break;
		}
	}
	return 0;
}

static int cmp_eval_place(const void *a, const void *b)
{
	const struct fact_eval *x = a, *y = b;
	if (x->min != y->min)
		return x->min < y->min ? -1 : 1;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return y->own - x->own; /* the ministry's own first */
}

/* Adds the evaluations to the facts: per ministry and year, the ministry's
 * own evaluation when there is one, else those of its descendants (as the
 * consolidated review does), leaving out the licensed ones. */
static void evals_apply(struct fact_load *l)
{
	qsort(l->evals, l->nevals, sizeof(*l->evals), cmp_eval_place);
	for (size_t i = 0; i < l->nevals; i++) {
		const struct fact_eval *e = &l->evals[i], *first = e;
		while (first > l->evals && first[-1].min == e->min && first[-1].year == e->year)
			first--;
		if (e->restricted || (first->own && first != e))
			continue;
		struct ind_fact *f = fact_cell(l, e->min, e->year);
		f->has_fp = 1;
		f->fp_ghg_kg += e->has_ghg ? e->ghg_kg : 0;
		f->workstations += e->workstations;
	}
}

/* The year of an ISO date column ("2024-05-02", "2024-…"); 0 for NULL. */
static int col_year(sqlite3_stmt *st, int col)
{
	const char *v = (const char *)sqlite3_column_text(st, col);
	int y = 0;
	for (int i = 0; v && i < 4 && v[i] >= '0' && v[i] <= '9'; i++)
		y = y * 10 + (v[i] - '0');
	return y >= 1000 ? y : 0;
}

/* Marks the years from a service's entry in the register: the ministry has
 * services; from its first complete assessment on, one more assessed. */
static int service_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct fact_load *l = ctx;
	size_t m;
	int own;
	(void)err;
	if (!ministry_of(l, sqlite3_column_int64(st, 0), &m, &own))
		return 0;
	int since = col_year(st, 1), first = col_year(st, 2), assessed = col_year(st, 3);
	if (first && (!since || first < since))
		since = first;
	if (!since)
		return 0;
	for (int y = since < l->from ? l->from : since; y <= l->to; y++) {
		struct ind_fact *f = fact_cell(l, m, y);
		f->has_services = 1;
		if (assessed && assessed <= y)
			f->services_assessed++;
	}
	return 0;
}

static int run(struct store *s, const char *sql, db_row_fn *fn, struct fact_load *l,
	       struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, sql, err);
	if (!st)
		return -1;
	if (sql == SQL_ROADMAPS) {
		db_bind_text(st, 1, status_code(STATUS_REALISEE));
	} else if (sql != SQL_ORGS && sql != SQL_SERVICES) {
		db_bind_int64(st, 1, l->from);
		db_bind_int64(st, 2, l->to);
	}
	return db_each_row(s, st, fn, sql == SQL_ORGS ? (void *)&l->tr : (void *)l, err);
}

static int facts_load(struct store *s, struct fact_load *l, struct err *err)
{
	if (run(s, SQL_ORGS, org_row, l, err))
		return -1;
	ind_idmap_init(&l->tr.index, l->tr.n);
	for (size_t i = 0; i < l->tr.n; i++)
		ind_idmap_put(&l->tr.index, l->tr.id[i], i);
	if (run(s, SQL_ROADMAPS, roadmap_row, l, err))
		return -1;
	periods_apply(l);
	if (run(s, SQL_SERVICES, service_row, l, err))
		return -1;
	if (run(s, SQL_EVALS, eval_row, l, err))
		return -1;
	if (!l->nevals)
		return 0;
	qsort(l->evals, l->nevals, sizeof(*l->evals), cmp_eval_id);
	if (run(s, SQL_QTY, qty_row, l, err))
		return -1;
	evals_apply(l);
	return 0;
}

int store_ind_facts(struct store *s, int year_from, int year_to, int64_t ministry_id,
		    struct ind_fact_list *out, struct err *err)
{
	struct ind_mins m;
	struct fact_load l;
	int rc = -1;
	memset(out, 0, sizeof(*out));
	memset(&l, 0, sizeof(l));
	buf_init(&l.fold);
	l.from = year_from;
	l.to = year_to < year_from ? year_from : year_to;
	if (ind_mins_load(s, ministry_id, &m, err))
		goto out;
	ind_idmap_init(&l.mins, m.n);
	for (size_t i = 0; i < m.n; i++)
		ind_idmap_put(&l.mins, m.id[i], i);
	size_t nyears = (size_t)(l.to - l.from + 1);
	l.cells = xcalloc(m.n * nyears + 1, sizeof(*l.cells));
	if (facts_load(s, &l, err))
		goto out;
	for (size_t i = 0; i < m.n; i++) {
		for (int y = l.from; y <= l.to; y++) {
			struct ind_fact *f = fact_cell(&l, i, y);
			if (!f->has_roadmap && !f->has_fp && !f->has_services)
				continue;
			f->org_id = m.id[i];
			f->year = y;
			xgrow((void **)&out->items, sizeof(*out->items), out->n + 1, &out->cap);
			out->items[out->n++] = *f;
		}
	}
	rc = 0;
out:
	if (rc)
		ind_fact_list_free(out);
	ind_mins_free(&m);
	ind_idmap_free(&l.mins);
	ind_idmap_free(&l.tr.index);
	free(l.tr.id);
	free(l.tr.parent);
	free(l.cells);
	free(l.periods);
	free(l.evals);
	buf_free(&l.fold);
	return rc;
}
