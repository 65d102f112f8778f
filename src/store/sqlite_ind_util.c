/* sqlite_ind_util.c: helpers of the indicators' SQLite backend — an id →
 * index map for the scans, the list of ministries (sqlite_ind_int.h). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/sqlite_ind_int.h"

/* ---- id → index map (open addressing), for the scans' lookups ---- */

void ind_idmap_init(struct ind_idmap *m, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	m->key = xcalloc(cap, sizeof(*m->key));
	m->val = xcalloc(cap, sizeof(*m->val));
	m->used = xcalloc(cap, 1);
	m->mask = cap - 1;
}

void ind_idmap_free(struct ind_idmap *m)
{
	free(m->key);
	free(m->val);
	free(m->used);
	memset(m, 0, sizeof(*m));
}

static size_t id_hash(int64_t id)
{
	uint64_t h = (uint64_t)id * 0x9E3779B97F4A7C15u;
	return (size_t)(h ^ (h >> 29));
}

void ind_idmap_put(struct ind_idmap *m, int64_t id, size_t val)
{
	size_t i = id_hash(id) & m->mask;
	while (m->used[i]) {
		if (m->key[i] == id)
			return;
		i = (i + 1) & m->mask;
	}
	m->used[i] = 1;
	m->key[i] = id;
	m->val[i] = val;
}

int ind_idmap_get(const struct ind_idmap *m, int64_t id, size_t *val)
{
	size_t i = id_hash(id) & m->mask;
	while (m->used[i]) {
		if (m->key[i] == id) {
			*val = m->val[i];
			return 1;
		}
		i = (i + 1) & m->mask;
	}
	return 0;
}

/* ---- ministries ---- */

static const char SQL_MINISTRIES[] = "SELECT id, code, name FROM org WHERE parent_id IS NULL"
				     " AND kind = ?1 AND (?2 = 0 OR id = ?2) ORDER BY code";

static int min_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct ind_mins *l = ctx;
	(void)err;
	xgrow((void **)&l->id, sizeof(*l->id), l->n + 1, &l->cap);
	xgrow((void **)&l->code, sizeof(*l->code), l->n + 1, &l->cap2);
	xgrow((void **)&l->name, sizeof(*l->name), l->n + 1, &l->cap3);
	l->id[l->n] = sqlite3_column_int64(st, 0);
	l->code[l->n] = db_col_str(st, 1);
	l->name[l->n] = db_col_str(st, 2);
	l->n++;
	return 0;
}

void ind_mins_free(struct ind_mins *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->code ? l->code[i] : NULL);
		free(l->name ? l->name[i] : NULL);
	}
	free(l->id);
	free(l->code);
	free(l->name);
	memset(l, 0, sizeof(*l));
}

int ind_mins_load(struct store *s, int64_t ministry_id, struct ind_mins *l, struct err *err)
{
	memset(l, 0, sizeof(*l));
	sqlite3_stmt *st = db_stmt(s, SQL_MINISTRIES, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, org_kind_code(ORG_MINISTERE));
	db_bind_int64(st, 2, ministry_id);
	return db_each_row(s, st, min_row, l, err);
}
