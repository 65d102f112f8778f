/* sqlite_consolidation.c: loading the input of the consolidated review, SQLite backend. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
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

static int cons_load_ministries(struct store *s, const char *ministry_code, struct cons_input *in,
				struct cons_root *roots, struct err *err)
{
	int rc;
	sqlite3_stmt *st = db_stmt(s, ministry_code ? SQL_CONS_MINISTRY : SQL_CONS_MINISTRIES, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, org_kind_code(ORG_MINISTERE));
	if (ministry_code)
		db_bind_text(st, 2, ministry_code);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 1);
		const char *name = (const char *)sqlite3_column_text(st, 2);
		size_t i = cons_input_add_ministry(in, code ? code : "", name ? name : "", 0,
						   RSTATE_BROUILLON);
		xgrow((void **)&roots->ids, sizeof(*roots->ids), i + 1, &roots->cap);
		roots->ids[i] = sqlite3_column_int64(st, 0);
		roots->n = i + 1;
	}
	int ret = rc == SQLITE_DONE ? 0 : db_fail(s, err);
	db_done(st);
	return ret;
}

static int cons_load_roadmaps(struct store *s, const char *period, struct cons_input *in,
			      const struct cons_root *roots, struct err *err)
{
	int rc, ret = 0;
	sqlite3_stmt *st = db_stmt(s, SQL_CONS_ROADMAPS, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, period);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t m;
		if (!cons_root_find(roots, sqlite3_column_int64(st, 0), &m))
			continue;
		if (in->ministries[m].has_roadmap)
			continue;
		if (db_col_rstate(st, 1, &in->ministries[m].state)) {
			ret = db_bad_value(err, "roadmap", "state");
			break;
		}
		in->ministries[m].has_roadmap = 1;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(s, err);
	db_done(st);
	return ret;
}

static int cons_load_actions(struct store *s, const char *period, struct cons_input *in,
			     const struct cons_root *roots, struct err *err)
{
	int rc, ret = 0;
	sqlite3_stmt *st = db_stmt(s, SQL_CONS_ACTIONS, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, period);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cons_action a;
		memset(&a, 0, sizeof(a));
		if (!cons_root_find(roots, sqlite3_column_int64(st, 0), &a.ministry))
			continue;
		if (db_col_theme(st, 3, &a.theme) || db_col_level(st, 4, &a.level) ||
		    db_col_status(st, 5, &a.status)) {
			ret = db_bad_value(err, "action", "theme/level/status");
			break;
		}
		a.has_impact = sqlite3_column_type(st, 8) != SQLITE_NULL;
		if (a.has_impact && db_col_iunit(st, 9, &a.impact_unit)) {
			ret = db_bad_value(err, "action", "impact_unit");
			break;
		}
		a.impact_value = a.has_impact ? sqlite3_column_double(st, 8) : 0;
		a.ref = (char *)sqlite3_column_text(st, 1);
		a.title = (char *)sqlite3_column_text(st, 2);
		a.key = sqlite3_column_int(st, 6) != 0;
		a.has_budget = sqlite3_column_type(st, 7) != SQLITE_NULL;
		a.budget_cents = a.has_budget ? sqlite3_column_int64(st, 7) : 0;
		a.impact_method = (char *)sqlite3_column_text(st, 10);
		cons_input_add_action(in, &a); /* copies the strings */
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(s, err);
	db_done(st);
	return ret;
}

int store_load_consolidation(struct store *s, const char *period, const char *ministry_code,
			     struct cons_input *in, struct err *err)
{
	struct cons_root roots = { 0 };
	cons_input_init(in);
	free(in->period);
	in->period = xstrdup(period ? period : "");
	free(in->scope);
	in->scope = xstrdup(ministry_code ? ministry_code : "");
	if (ministry_code && cons_check_ministry(s, ministry_code, err))
		goto fail;
	if (cons_load_ministries(s, ministry_code, in, &roots, err))
		goto fail;
	if (cons_load_roadmaps(s, in->period, in, &roots, err))
		goto fail;
	if (cons_load_actions(s, in->period, in, &roots, err))
		goto fail;
	free(roots.ids);
	return 0;
fail:
	free(roots.ids);
	cons_input_free(in);
	return -1;
}
