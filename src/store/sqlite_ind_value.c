/* sqlite_ind_value.c: stored indicator values and collection states, SQLite
 * backend (store_ind.h). */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/xalloc.h"
#include "store/sqlite_ind_int.h"
#include "store/store_ind.h"

/* ---- freeing ---- */

void ind_value_free(struct ind_value *v)
{
	free(v->org_code);
	free(v->code);
	free(v->comment);
	free(v->source);
	free(v->updated_at);
	free(v->updated_by);
	memset(v, 0, sizeof(*v));
}

void ind_value_list_free(struct ind_value_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		ind_value_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

/* ---- values ---- */

static const char SQL_VALUE_SET[] =
	"INSERT INTO indicator_value (indicator_id, year, org_id, value, comment, source,"
	" updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	" ON CONFLICT (indicator_id, year, org_id) DO UPDATE SET value = "
	"excluded.value,"
	" comment = excluded.comment, source = excluded.source,"
	" updated_at = excluded.updated_at, updated_by = excluded.updated_by";
static const char SQL_VALUE_DELETE[] =
	"DELETE FROM indicator_value WHERE org_id = ?1 AND year = ?2 AND indicator_id = ?3";

#define VALUE_COLS                                                                             \
	"SELECT v.org_id, o.code, v.year, i.code, v.value, v.comment, v.source, v.updated_at," \
	" v.updated_by FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id"       \
	" JOIN org o ON o.id = v.org_id "
static const char SQL_VALUE_GET[] =
	VALUE_COLS "WHERE v.org_id = ?1 AND v.year = ?2 AND i.code = ?3";
/* One statement per filter, so that a ministry's values go through the
 * index on (org_id, year) instead of a scan of every value. */
#define VALUE_ORDER " ORDER BY o.code, v.year, i.position, i.id"
static const char SQL_VALUE_LIST_ALL[] = VALUE_COLS "WHERE ?1 = 0 AND ?2 = 0" VALUE_ORDER;
static const char SQL_VALUE_LIST_ORG[] = VALUE_COLS "WHERE v.org_id = ?1 AND ?2 = 0" VALUE_ORDER;
static const char SQL_VALUE_LIST_YEAR[] = VALUE_COLS "WHERE ?1 = 0 AND v.year = ?2" VALUE_ORDER;
static const char SQL_VALUE_LIST_BOTH[] =
	VALUE_COLS "WHERE v.org_id = ?1 AND v.year = ?2" VALUE_ORDER;

int store_ind_value_set(struct store *s, int64_t org_id, int year, const char *code, double value,
			const char *comment, const char *source, const char *by, struct err *err)
{
	int64_t id;
	int found = ind_db_id(s, code, &id, err);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(err, "indicateur inconnu : « %s »", code);
	char now[32];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(s, SQL_VALUE_SET, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, year);
	db_bind_int64(st, 3, org_id);
	sqlite3_bind_double(st, 4, value);
	db_bind_text(st, 5, comment ? comment : "");
	db_bind_text(st, 6, source ? source : "");
	db_bind_text(st, 7, now);
	db_bind_text(st, 8, by ? by : "");
	if (sqlite3_step(st) != SQLITE_DONE) {
		int rc = db_is_fk_violation(s) ? err_set(err, "organisation inconnue (id %lld)",
							 (long long)org_id)
					       : db_fail(s, err);
		db_done(st);
		return rc;
	}
	db_done(st);
	return ind_pack_update(s, org_id, year, id, 1, value, err);
}

int store_ind_value_delete(struct store *s, int64_t org_id, int year, const char *code,
			   struct err *err)
{
	int64_t id;
	int found = ind_db_id(s, code, &id, err);
	if (found <= 0)
		return found; /* an unknown indicator has no value to remove */
	sqlite3_stmt *st = db_stmt(s, SQL_VALUE_DELETE, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org_id);
	db_bind_int64(st, 2, year);
	db_bind_int64(st, 3, id);
	int n = db_write(s, st, err);
	if (n <= 0)
		return n;
	return ind_pack_update(s, org_id, year, id, 0, 0, err);
}

static int value_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct ind_value *v = out;
	(void)err;
	memset(v, 0, sizeof(*v));
	v->org_id = sqlite3_column_int64(st, 0);
	v->org_code = db_col_str(st, 1);
	v->year = sqlite3_column_int(st, 2);
	v->code = db_col_str(st, 3);
	v->value = sqlite3_column_double(st, 4);
	v->comment = db_col_str(st, 5);
	v->source = db_col_str(st, 6);
	v->updated_at = db_col_str(st, 7);
	v->updated_by = db_col_str(st, 8);
	return 0;
}

int store_ind_value_get(struct store *s, int64_t org_id, int year, const char *code,
			struct ind_value *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_VALUE_GET, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org_id);
	db_bind_int64(st, 2, year);
	db_bind_text(st, 3, code);
	return db_get_row(s, st, value_read, out, err);
}

int store_ind_value_list(struct store *s, int64_t org_id, int year, struct ind_value_list *out,
			 struct err *err)
{
	memset(out, 0, sizeof(*out));
	const char *sql = org_id ? (year ? SQL_VALUE_LIST_BOTH : SQL_VALUE_LIST_ORG)
				 : (year ? SQL_VALUE_LIST_YEAR : SQL_VALUE_LIST_ALL);
	sqlite3_stmt *st = db_stmt(s, sql, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org_id);
	db_bind_int64(st, 2, year);
	if (DB_LIST_ROWS(s, st, value_read, out, err)) {
		ind_value_list_free(out);
		return -1;
	}
	return 0;
}

/* ---- collection states ---- */

static const char SQL_STATE_GET[] = "SELECT state, updated_at, updated_by FROM indicator_collection"
				    " WHERE org_id = ?1 AND year = ?2";
static const char SQL_STATE_SET[] =
	"INSERT INTO indicator_collection (org_id, year, state, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (org_id, year) DO UPDATE SET"
	" state = excluded.state, updated_at = excluded.updated_at,"
	" updated_by = excluded.updated_by";

struct state_row {
	enum ind_state st;
	char *at, *by;
};

static int state_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct state_row *r = out;
	const char *v = (const char *)sqlite3_column_text(st, 0);
	int i = 0;
	while (v && i < IND_STATE_N && strcmp(v, ind_state_code((enum ind_state)i)))
		i++;
	r->st = (enum ind_state)i;
	if (!v || i == IND_STATE_N)
		return db_bad_value(err, "indicator_collection", "state");
	r->at = db_col_str(st, 1);
	r->by = db_col_str(st, 2);
	return 0;
}

int store_ind_state_get(struct store *s, int64_t org_id, int year, enum ind_state *st,
			char **updated_at, char **updated_by, struct err *err)
{
	struct state_row r = { IND_STATE_BROUILLON, NULL, NULL };
	*st = IND_STATE_BROUILLON;
	if (updated_at)
		*updated_at = NULL;
	if (updated_by)
		*updated_by = NULL;
	sqlite3_stmt *q = db_stmt(s, SQL_STATE_GET, err);
	if (!q)
		return -1;
	db_bind_int64(q, 1, org_id);
	db_bind_int64(q, 2, year);
	int found = db_get_row(s, q, state_read, &r, err);
	if (found < 0) {
		free(r.at);
		free(r.by);
		return -1;
	}
	if (found)
		*st = r.st;
	if (updated_at)
		*updated_at = r.at ? r.at : xstrdup("");
	else
		free(r.at);
	if (updated_by)
		*updated_by = r.by ? r.by : xstrdup("");
	else
		free(r.by);
	return found;
}

int store_ind_state_set(struct store *s, int64_t org_id, int year, enum ind_state st,
			const char *by, struct err *err)
{
	if ((unsigned)st >= IND_STATE_N)
		return err_set(err, "état de collecte invalide");
	char now[32];
	clock_now_iso(now);
	sqlite3_stmt *q = db_stmt(s, SQL_STATE_SET, err);
	if (!q)
		return -1;
	db_bind_int64(q, 1, org_id);
	db_bind_int64(q, 2, year);
	db_bind_text(q, 3, ind_state_code(st));
	db_bind_text(q, 4, now);
	db_bind_text(q, 5, by ? by : "");
	return db_write(s, q, err) < 0 ? -1 : 0;
}
