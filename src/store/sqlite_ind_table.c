/* sqlite_ind_table.c: what the indicators' consolidation reads — the table of
 * ministries' states and values, and the years — SQLite backend
 * (store_ind.h; the facts of computed indicators are in sqlite_ind_facts.c). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/sqlite_ind_int.h"
#include "store/store_ind.h"

/* ---- the table ---- */

static const char SQL_IND_IDS[] = "SELECT id, code FROM indicator";
static const char SQL_STATES[] = "SELECT org_id, year, state FROM indicator_collection"
				 " WHERE year BETWEEN ?1 AND ?2 AND (?3 = 0 OR org_id = ?3)";
/* The values packed per ministry and year (sqlite_ind_pack.c): one row per
 * ministry and year instead of one per value. */
static const char SQL_PACKS_ALL[] = "SELECT org_id, year, data FROM indicator_pack"
				    " WHERE year BETWEEN ?1 AND ?2";
static const char SQL_PACKS_ORG[] = "SELECT org_id, year, data FROM indicator_pack"
				    " WHERE org_id = ?3 AND year BETWEEN ?1 AND ?2";

struct table_load {
	struct ind_table *t;
	struct ind_idmap orgs; /* org id → table row */
	struct ind_idmap inds; /* indicator id → catalogue index */
	size_t nyears;
};

static int ind_id_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct table_load *l = ctx;
	(void)err;
	const char *code = (const char *)sqlite3_column_text(st, 1);
	long k = ind_catalogue_find(l->t->cat, code ? code : "");
	if (k >= 0)
		ind_idmap_put(&l->inds, sqlite3_column_int64(st, 0), (size_t)k);
	return 0;
}

static int state_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct table_load *l = ctx;
	size_t org;
	if (!ind_idmap_get(&l->orgs, sqlite3_column_int64(st, 0), &org))
		return 0;
	const char *v = (const char *)sqlite3_column_text(st, 2);
	int year = sqlite3_column_int(st, 1);
	for (int i = 0; v && i < IND_STATE_N; i++) {
		if (strcmp(v, ind_state_code((enum ind_state)i)) == 0) {
			l->t->state[org * l->nyears + (size_t)(year - l->t->year_from)] =
				(enum ind_state)i;
			return 0;
		}
	}
	return db_bad_value(err, "indicator_collection", "state");
}

static int pack_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct table_load *l = ctx;
	size_t ind, org;
	(void)err;
	if (!ind_idmap_get(&l->orgs, sqlite3_column_int64(st, 0), &org))
		return 0;
	int year = sqlite3_column_int(st, 1);
	const unsigned char *p = sqlite3_column_blob(st, 2);
	size_t n = (size_t)sqlite3_column_bytes(st, 2) / IND_PACK_ENTRY;
	for (size_t i = 0; p && i < n; i++) {
		int64_t id;
		double v;
		ind_pack_entry(p + i * IND_PACK_ENTRY, &id, &v);
		if (ind_idmap_get(&l->inds, id, &ind))
			ind_table_set(l->t, org, ind, year, v, 0);
	}
	return 0;
}

static int run_scan(struct store *s, const char *sql, db_row_fn *fn, struct table_load *l,
		    int64_t ministry_id, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, sql, err);
	if (!st)
		return -1;
	if (sql != SQL_IND_IDS) {
		db_bind_int64(st, 1, l->t->year_from);
		db_bind_int64(st, 2, l->t->year_to);
		if (sql != SQL_PACKS_ALL)
			db_bind_int64(st, 3, ministry_id);
	}
	return db_each_row(s, st, fn, l, err);
}

int store_ind_table_load(struct store *s, const struct ind_catalogue *cat, int year_from,
			 int year_to, int64_t ministry_id, struct ind_table *t, struct err *err)
{
	struct ind_mins m;
	memset(t, 0, sizeof(*t));
	if (year_to < year_from)
		year_to = year_from;
	if (ind_mins_load(s, ministry_id, &m, err)) {
		ind_mins_free(&m);
		return -1;
	}
	ind_table_init(t, cat, m.n, year_from, year_to);
	struct table_load l = { t, { 0 }, { 0 }, ind_table_nyears(t) };
	ind_idmap_init(&l.orgs, m.n);
	ind_idmap_init(&l.inds, cat->n);
	for (size_t i = 0; i < m.n; i++) {
		t->org_id[i] = m.id[i];
		t->org_code[i] = m.code[i];
		t->org_name[i] = m.name[i];
		m.code[i] = m.name[i] = NULL;
		ind_idmap_put(&l.orgs, m.id[i], i);
	}
	ind_mins_free(&m);
	int rc = -1;
	if (run_scan(s, SQL_IND_IDS, ind_id_row, &l, 0, err) ||
	    run_scan(s, SQL_STATES, state_row, &l, ministry_id, err) ||
	    run_scan(s, ministry_id ? SQL_PACKS_ORG : SQL_PACKS_ALL, pack_row, &l, ministry_id,
		     err))
		goto out;
	rc = 0;
out:
	ind_idmap_free(&l.orgs);
	ind_idmap_free(&l.inds);
	return rc;
}

/* ---- years ---- */

/* Per indicator, so that min and max walk the primary key (indicator, year,
 * org) instead of scanning the values. */
static const char SQL_YEARS[] =
	"SELECT min(a), max(b) FROM ("
	" SELECT (SELECT min(year) FROM indicator_value v WHERE v.indicator_id = i.id) a,"
	" (SELECT max(year) FROM indicator_value v WHERE v.indicator_id = i.id) b"
	" FROM indicator i"
	" UNION ALL SELECT min(year), max(year) FROM indicator_collection"
	" UNION ALL SELECT min(year), max(year) FROM fp_evaluation"
	" UNION ALL SELECT min(CAST(substr(assessed_on, 1, 4) AS INTEGER)),"
	" max(CAST(substr(assessed_on, 1, 4) AS INTEGER)) FROM assessment WHERE kind = 'complete'"
	" UNION ALL SELECT min(CAST(period AS INTEGER)), max(CAST(period AS INTEGER))"
	" FROM roadmap WHERE period GLOB '[0-9][0-9][0-9][0-9]')";

struct years {
	int min, max;
};

static int years_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct years *y = out;
	(void)err;
	y->min = sqlite3_column_int(st, 0);
	y->max = sqlite3_column_int(st, 1);
	return 0;
}

int store_ind_years(struct store *s, int *min, int *max, struct err *err)
{
	struct years y = { 0, 0 };
	*min = *max = 0;
	sqlite3_stmt *st = db_stmt(s, SQL_YEARS, err);
	if (!st)
		return -1;
	if (db_get_row(s, st, years_read, &y, err) < 0)
		return -1;
	*min = y.min;
	*max = y.max;
	return 0;
}
