/* sqlite_web.c: queries of the web pages (see store_web.h), SQLite backend. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/sqlite_db.h"
#include "store/store_web.h"

/* ---- a page of actions ---- */

/* Bound parameters: 1 roadmap, 2 theme, 3 level, 4 status, 5 direction code
 * (NULL: any), 6 key only; 7 limit, 8 offset for the page. */
#define PAGE_WHERE                                                                        \
	" FROM action a LEFT JOIN org d ON d.id = a.direction_id WHERE a.roadmap_id = ?1" \
	" AND (?2 IS NULL OR a.theme = ?2) AND (?3 IS NULL OR a.level = ?3)"              \
	" AND (?4 IS NULL OR a.status = ?4) AND (?5 IS NULL OR d.code = ?5)"              \
	" AND (?6 = 0 OR a.key_action = 1)"
#define PAGE_SELECT "SELECT a.ref" PAGE_WHERE " ORDER BY "
#define PAGE_LIMIT  " LIMIT ?7 OFFSET ?8"
#define STATUS_RANK                                                                          \
	"CASE a.status WHEN 'a_lancer' THEN 0 WHEN 'en_cours' THEN 1 WHEN 'realisee' THEN 2" \
	" WHEN 'reportee' THEN 3 ELSE 4 END"

static const char SQL_PAGE_COUNT[] = "SELECT COUNT(*)" PAGE_WHERE;

/* One statement per order (ORDER BY cannot be bound), by sort then direction. */
static const char *const SQL_PAGE[ASORT_COUNT][2] = {
	[ASORT_REF] = { PAGE_SELECT "a.ref" PAGE_LIMIT, PAGE_SELECT "a.ref DESC" PAGE_LIMIT },
	[ASORT_TITLE] = { PAGE_SELECT "a.title COLLATE NOCASE, a.ref" PAGE_LIMIT,
			  PAGE_SELECT "a.title COLLATE NOCASE DESC, a.ref" PAGE_LIMIT },
	[ASORT_STATUS] = { PAGE_SELECT STATUS_RANK ", a.ref" PAGE_LIMIT,
			   PAGE_SELECT STATUS_RANK " DESC, a.ref" PAGE_LIMIT },
	[ASORT_DUE] = { PAGE_SELECT "a.due_date IS NULL, a.due_date, a.ref" PAGE_LIMIT,
			PAGE_SELECT "a.due_date IS NULL, a.due_date DESC, a.ref" PAGE_LIMIT },
};

static void page_bind(sqlite3_stmt *st, int64_t roadmap_id, const struct action_filter *f)
{
	db_bind_int64(st, 1, roadmap_id);
	if (f->theme >= 0 && f->theme < THEME_COUNT)
		db_bind_text(st, 2, theme_code((enum theme)f->theme));
	if (f->level >= 0 && f->level < LEVEL_COUNT)
		db_bind_text(st, 3, level_code((enum level)f->level));
	if (f->status >= 0 && f->status < STATUS_COUNT)
		db_bind_text(st, 4, status_code((enum status)f->status));
	if (f->direction && *f->direction)
		db_bind_text(st, 5, f->direction);
	db_bind_int64(st, 6, f->key_only ? 1 : 0);
}

struct ref_list {
	char **items;
	size_t n, cap;
};

static int ref_read(sqlite3_stmt *st, void *out, struct err *err)
{
	(void)err;
	*(char **)out = db_col_str(st, 0);
	return 0;
}

static void ref_list_free(struct ref_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

int store_action_page(struct store *s, int64_t roadmap_id, const struct action_filter *f,
		      size_t offset, size_t limit, struct action_list *out, size_t *matched,
		      struct err *err)
{
	struct ref_list refs = { 0 };
	int64_t count = 0;
	int ret = -1;
	memset(out, 0, sizeof(*out));
	*matched = 0;
	sqlite3_stmt *st = db_stmt(s, SQL_PAGE_COUNT, err);
	if (!st)
		return -1;
	page_bind(st, roadmap_id, f);
	if (db_get_row(s, st, db_read_int64, &count, err) < 0)
		return -1;
	*matched = (size_t)count;
	unsigned sort = (unsigned)f->sort < ASORT_COUNT ? (unsigned)f->sort : ASORT_REF;
	if (!(st = db_stmt(s, SQL_PAGE[sort][f->desc ? 1 : 0], err)))
		return -1;
	page_bind(st, roadmap_id, f);
	db_bind_int64(st, 7, (int64_t)limit);
	db_bind_int64(st, 8, (int64_t)offset);
	if (DB_LIST_ROWS(s, st, ref_read, &refs, err))
		goto out;
	/* The rows themselves through the one action reader of the store. */
	for (size_t i = 0; i < refs.n; i++) {
		xgrow((void **)&out->items, sizeof(*out->items), out->n + 1, &out->cap);
		int found =
			store_action_get(s, roadmap_id, refs.items[i], &out->items[out->n], err);
		if (found < 0)
			goto out;
		if (found) /* else deleted in between: skipped */
			out->n++;
	}
	ret = 0;
out:
	if (ret)
		action_list_free(out);
	ref_list_free(&refs);
	return ret;
}

/* ---- key figures ---- */

static const char SQL_COUNTS[] =
	"SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'realisee' THEN 1 ELSE 0 END), 0),"
	" COALESCE(SUM(key_action), 0) FROM action WHERE roadmap_id = ?1";

static int counts_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct action_counts *c = out;
	(void)err;
	c->total = (size_t)sqlite3_column_int64(st, 0);
	c->realised = (size_t)sqlite3_column_int64(st, 1);
	c->key = (size_t)sqlite3_column_int64(st, 2);
	return 0;
}

int store_action_counts(struct store *s, int64_t roadmap_id, struct action_counts *out,
			struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_COUNTS, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, roadmap_id);
	return db_get_row(s, st, counts_read, out, err) < 0 ? -1 : 0;
}

/* ---- audit entries of one action ---- */

/* Exactly key, or in [key#, key$): '$' follows '#', so the range holds the
 * keys starting with "key#" (review entries about the action). */
static const char SQL_AUDIT_ACTION[] =
	"SELECT id, at, actor, entity, entity_key, op, before, after FROM audit"
	" WHERE entity_key = ?1 OR (entity_key >= ?2 AND entity_key < ?3)"
	" ORDER BY id DESC LIMIT ?4";

int store_audit_of_action(struct store *s, const char *key, int limit, struct audit_list *out,
			  struct err *err)
{
	struct buf from = BUF_INIT, to = BUF_INIT;
	memset(out, 0, sizeof(*out));
	buf_addf(&from, "%s#", key);
	buf_addf(&to, "%s$", key);
	sqlite3_stmt *st = db_stmt(s, SQL_AUDIT_ACTION, err);
	int ret = -1;
	if (st) {
		db_bind_text(st, 1, key);
		db_bind_text(st, 2, from.ptr);
		db_bind_text(st, 3, to.ptr);
		db_bind_int64(st, 4, limit > 0 ? limit : -1);
		ret = DB_LIST_ROWS(s, st, db_audit_read, out, err);
		if (ret)
			audit_list_free(out);
	}
	buf_free(&from);
	buf_free(&to);
	return ret;
}
