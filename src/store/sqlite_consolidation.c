/* sqlite_consolidation.c: loading the input of the consolidated review, SQLite backend. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "footprint/fp.h"
#include "plan/consolidate.h"
#include "store/sqlite_db.h"

static const char SQL_CONS_MINISTRIES[] =
	"SELECT id, code, name FROM org WHERE parent_id IS NULL AND kind = ?1 ORDER BY code";
static const char SQL_CONS_MINISTRY[] =
	"SELECT id, code, name FROM org WHERE parent_id IS NULL AND kind = ?1 AND code = ?2";

/* Every organisation with the root of its tree. */
#define CONS_TREE                                         \
	"WITH RECURSIVE tree (id, root) AS ("             \
	" SELECT id, id FROM org WHERE parent_id IS NULL" \
	" UNION ALL"                                      \
	" SELECT o.id, t.root FROM org o JOIN tree t ON o.parent_id = t.id) "

/* Roadmaps of the period per tree; for each root the first row wins: the
 * ministry's own roadmap, else the one of the descendant first by code. */
static const char SQL_CONS_ROADMAPS[] =
	CONS_TREE "SELECT t.root, r.state FROM roadmap r JOIN tree t ON t.id = r.org_id"
		  " JOIN org o ON o.id = r.org_id WHERE r.period = ?1"
		  " ORDER BY t.root, CASE WHEN r.org_id = t.root THEN 0 ELSE 1 END, o.code";

static const char SQL_CONS_ACTIONS[] =
	CONS_TREE "SELECT t.root, a.ref, a.title, a.theme, a.level, a.status, a.key_action,"
		  " a.budget_cents, a.impact_value, a.impact_unit, a.impact_method"
		  " FROM roadmap r JOIN tree t ON t.id = r.org_id"
		  " JOIN action a ON a.roadmap_id = r.id WHERE r.period = ?1"
		  " ORDER BY t.root, r.id, a.position, a.id";

/* Stored footprint evaluations of the period's years per tree, with the
 * CLIMATE_CHANGE totals by phase (one row per phase; a single row with a
 * NULL phase when the evaluation has no such criterion). */
static const char SQL_CONS_FOOTPRINT[] =
	CONS_TREE "SELECT t.root, e.id, o.code, e.year, r.name || ' ' || r.version, r.restricted,"
		  " r.owner_org_id, e.physical, e.errors, x.unit, x.phase, x.value"
		  " FROM fp_evaluation e JOIN tree t ON t.id = e.org_id"
		  " JOIN org o ON o.id = e.org_id JOIN referential r ON r.id = e.referential_id"
		  " LEFT JOIN fp_result x ON x.evaluation_id = e.id AND x.dimension = 'total'"
		  " AND x.criterion = 'CLIMATE_CHANGE'"
		  " WHERE e.year BETWEEN ?1 AND ?2"
		  " ORDER BY t.root, e.year, o.code, e.id, x.phase";

/* Ministries being few, a linear search maps a tree root to its index. */
struct cons_root {
	int64_t *ids; /* org id of in->ministries[i] */
	size_t n, cap;
};

static int cons_root_find(const struct cons_root *roots, int64_t id, size_t *index)
{
	for (size_t i = 0; i < roots->n; i++) {
		if (roots->ids[i] == id) {
			*index = i;
			return 1;
		}
	}
	return 0;
}

/* Checks that code names a ministry, for a clear message when it does not. */
static int cons_check_ministry(struct store *s, const char *code, struct err *err)
{
	struct org o;
	int found = store_org_get(s, code, &o, err);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(err, "organisation inconnue : « %s »", code);
	int ok = o.kind == ORG_MINISTERE && o.parent_id == 0;
	org_free(&o);
	if (!ok)
		return err_set(err, "« %s » n'est pas un ministère", code);
	return 0;
}

/* What the row functions below fill, as their db_each_row context. */
struct cons_load {
	struct cons_input *in;
	struct cons_root *roots;
	int64_t last_eval; /* store id of the evaluation last appended, 0 for none */
};

static int cons_ministry_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct cons_load *l = ctx;
	const char *code = (const char *)sqlite3_column_text(st, 1);
	const char *name = (const char *)sqlite3_column_text(st, 2);
	(void)err;
	size_t i = cons_input_add_ministry(l->in, code ? code : "", name ? name : "", 0,
					   RSTATE_BROUILLON);
	xgrow((void **)&l->roots->ids, sizeof(*l->roots->ids), i + 1, &l->roots->cap);
	l->roots->ids[i] = sqlite3_column_int64(st, 0);
	l->roots->n = i + 1;
	return 0;
}

static int cons_load_ministries(struct store *s, const char *ministry_code, struct cons_load *l,
				struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, ministry_code ? SQL_CONS_MINISTRY : SQL_CONS_MINISTRIES, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, org_kind_code(ORG_MINISTERE));
	if (ministry_code)
		db_bind_text(st, 2, ministry_code);
	return db_each_row(s, st, cons_ministry_row, l, err);
}

static int cons_roadmap_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct cons_load *l = ctx;
	size_t m;
	if (!cons_root_find(l->roots, sqlite3_column_int64(st, 0), &m))
		return 0;
	if (l->in->ministries[m].has_roadmap)
		return 0;
	if (db_col_rstate(st, 1, &l->in->ministries[m].state))
		return db_bad_value(err, "roadmap", "state");
	l->in->ministries[m].has_roadmap = 1;
	return 0;
}

static int cons_action_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct cons_load *l = ctx;
	struct cons_action a;
	memset(&a, 0, sizeof(a));
	if (!cons_root_find(l->roots, sqlite3_column_int64(st, 0), &a.ministry))
		return 0;
	if (db_col_theme(st, 3, &a.theme) || db_col_level(st, 4, &a.level) ||
	    db_col_status(st, 5, &a.status))
		return db_bad_value(err, "action", "theme/level/status");
	a.has_impact = sqlite3_column_type(st, 8) != SQLITE_NULL;
	if (a.has_impact && db_col_iunit(st, 9, &a.impact_unit))
		return db_bad_value(err, "action", "impact_unit");
	a.impact_value = a.has_impact ? sqlite3_column_double(st, 8) : 0;
	a.ref = (char *)sqlite3_column_text(st, 1);
	a.title = (char *)sqlite3_column_text(st, 2);
	a.key = sqlite3_column_int(st, 6) != 0;
	a.has_budget = sqlite3_column_type(st, 7) != SQLITE_NULL;
	a.budget_cents = a.has_budget ? sqlite3_column_int64(st, 7) : 0;
	a.impact_method = (char *)sqlite3_column_text(st, 10);
	cons_input_add_action(l->in, &a); /* copies the strings */
	return 0;
}

static int cons_footprint_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct cons_load *l = ctx;
	size_t m;
	if (!cons_root_find(l->roots, sqlite3_column_int64(st, 0), &m))
		return 0;
	int64_t id = sqlite3_column_int64(st, 1);
	if (id != l->last_eval) {
		struct cons_fp_eval e;
		memset(&e, 0, sizeof(e));
		e.ministry = m;
		e.org_code = (char *)sqlite3_column_text(st, 2);
		e.year = sqlite3_column_int(st, 3);
		e.referential = (char *)sqlite3_column_text(st, 4);
		e.licensed = sqlite3_column_int(st, 5) != 0;
		e.licence_owner_id = sqlite3_column_int64(st, 6);
		e.physical = sqlite3_column_int64(st, 7);
		e.errors = sqlite3_column_int64(st, 8);
		e.has_climate = sqlite3_column_type(st, 10) != SQLITE_NULL;
		e.climate_unit = (char *)sqlite3_column_text(st, 9);
		cons_input_add_fp_eval(l->in, &e); /* copies the strings */
		l->last_eval = id;
	}
	if (sqlite3_column_type(st, 10) == SQLITE_NULL)
		return 0;
	enum fp_phase p;
	if (fp_phase_parse((const char *)sqlite3_column_text(st, 10), &p))
		return db_bad_value(err, "fp_result", "phase");
	l->in->fp_evals[l->in->nfp_evals - 1].climate_by_phase[p] += sqlite3_column_double(st, 11);
	return 0;
}

/* Loads the evaluations of the years of the period; none when the period
 * does not parse (callers check it first). */
static int cons_load_footprint(struct store *s, struct cons_load *l, struct err *err)
{
	int first, last;
	if (period_parse(l->in->period, &first, &last))
		return 0;
	sqlite3_stmt *st = db_stmt(s, SQL_CONS_FOOTPRINT, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, first);
	db_bind_int64(st, 2, last);
	return db_each_row(s, st, cons_footprint_row, l, err);
}

/* Runs sql (the roadmaps or actions of period) through row. */
static int cons_load_period(struct store *s, const char *sql, db_row_fn *row, struct cons_load *l,
			    struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, sql, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, l->in->period);
	return db_each_row(s, st, row, l, err);
}

int store_load_consolidation(struct store *s, const char *period, const char *ministry_code,
			     struct cons_input *in, struct err *err)
{
	struct cons_root roots = { 0 };
	struct cons_load l = { in, &roots, 0 };
	cons_input_init(in);
	free(in->period);
	in->period = xstrdup(period ? period : "");
	free(in->scope);
	in->scope = xstrdup(ministry_code ? ministry_code : "");
	if (ministry_code && cons_check_ministry(s, ministry_code, err))
		goto fail;
	if (cons_load_ministries(s, ministry_code, &l, err))
		goto fail;
	if (cons_load_period(s, SQL_CONS_ROADMAPS, cons_roadmap_row, &l, err))
		goto fail;
	if (cons_load_period(s, SQL_CONS_ACTIONS, cons_action_row, &l, err))
		goto fail;
	if (cons_load_footprint(s, &l, err))
		goto fail;
	free(roots.ids);
	return 0;
fail:
	free(roots.ids);
	cons_input_free(in);
	return -1;
}
