/* sqlite_review.c: review entries and the audit log, SQLite backend. */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/xalloc.h"
#include "store/sqlite_db.h"

/* ---- review entries ---- */

static const char SQL_REVIEW_ACTION[] = "SELECT id FROM action WHERE roadmap_id = ?1 AND ref = ?2";
static const char SQL_REVIEW_INSERT[] =
	"INSERT INTO review (roadmap_id, action_id, action_ref, kind, text, author, created_at,"
	" addressed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

static int review_action_id(struct store *s, int64_t roadmap_id, const char *ref, int64_t *id,
			    struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_REVIEW_ACTION, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, roadmap_id);
	db_bind_text(st, 2, ref);
	int found = db_get_row(s, st, db_read_int64, id, err);
	if (found == 0)
		return err_set(err, "action inconnue dans cette feuille de route : « %s »", ref);
	return found < 0 ? -1 : 0;
}

int store_review_add(struct store *s, struct review *r, struct err *err)
{
	int64_t action_id = 0;
	const char *ref = r->action_ref ? r->action_ref : "";
	if ((unsigned)r->kind >= RKIND_COUNT)
		return err_set(err, "type d'entrée de relecture invalide");
	if (*ref && review_action_id(s, r->roadmap_id, ref, &action_id, err))
		return -1;
	if (!r->created_at || !*r->created_at) {
		char now[32];
		clock_now_iso(now);
		free(r->created_at);
		r->created_at = xstrdup(now);
	}
	sqlite3_stmt *st = db_stmt(s, SQL_REVIEW_INSERT, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, r->roadmap_id);
	db_bind_id_or_null(st, 2, action_id);
	db_bind_text(st, 3, ref);
	db_bind_text(st, 4, rkind_code(r->kind));
	db_bind_text(st, 5, r->text);
	db_bind_text(st, 6, r->author);
	db_bind_text(st, 7, r->created_at);
	db_bind_int64(st, 8, r->addressed ? 1 : 0);
	int ret = 0;
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (db_is_fk_violation(s))
			ret = err_set(err, "feuille de route inconnue (identifiant %lld)",
				      (long long)r->roadmap_id);
		else
			ret = db_fail(s, err);
	} else {
		r->id = sqlite3_last_insert_rowid(s->db);
	}
	db_done(st);
	return ret;
}

/* The current ref of the action when it still exists (it may have been
 * renamed), else the ref it had when the entry was written. */
static const char SQL_REVIEW_LIST[] =
	"SELECT r.id, r.roadmap_id, COALESCE(a.ref, r.action_ref), r.kind, r.text, r.author,"
	" r.created_at, r.addressed FROM review r LEFT JOIN action a ON a.id = r.action_id"
	" WHERE r.roadmap_id = ?1 ORDER BY r.id";

static int review_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct review *r = out;
	memset(r, 0, sizeof(*r));
	if (db_col_rkind(st, 3, &r->kind))
		return db_bad_value(err, "review", "kind");
	r->id = sqlite3_column_int64(st, 0);
	r->roadmap_id = sqlite3_column_int64(st, 1);
	r->action_ref = db_col_str(st, 2);
	r->text = db_col_str(st, 4);
	r->author = db_col_str(st, 5);
	r->created_at = db_col_str(st, 6);
	r->addressed = sqlite3_column_int(st, 7) != 0;
	return 0;
}

int store_review_list(struct store *s, int64_t roadmap_id, struct review_list *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_REVIEW_LIST, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, roadmap_id);
	if (DB_LIST_ROWS(s, st, review_read, out, err)) {
		review_list_free(out);
		return -1;
	}
	return 0;
}

static const char SQL_REVIEW_ADDRESSED[] = "UPDATE review SET addressed = ?2 WHERE id = ?1";

int store_review_set_addressed(struct store *s, int64_t id, int addressed, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_REVIEW_ADDRESSED, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, addressed ? 1 : 0);
	int changed = db_write(s, st, err);
	if (changed == 0)
		return err_set(err, "entrée de relecture inconnue (identifiant %lld)",
			       (long long)id);
	return changed < 0 ? -1 : 0;
}

/* ---- audit log ---- */

static const char SQL_AUDIT_INSERT[] =
	"INSERT INTO audit (at, actor, entity, entity_key, op, before, after)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

int store_audit_add(struct store *s, const struct audit_entry *e, struct err *err)
{
	char now[32];
	if (!e->at || !*e->at)
		clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(s, SQL_AUDIT_INSERT, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, e->at && *e->at ? e->at : now);
	db_bind_text(st, 2, e->actor);
	db_bind_text(st, 3, e->entity);
	db_bind_text(st, 4, e->entity_key);
	db_bind_text(st, 5, e->op);
	db_bind_text(st, 6, e->before);
	db_bind_text(st, 7, e->after);
	return db_write(s, st, err) < 0 ? -1 : 0;
}

#define AUDIT_SELECT "SELECT id, at, actor, entity, entity_key, op, before, after FROM audit"

/* A prefix filter is a range on entity_key, [prefix, next(prefix)), which
 * an index serves and which, unlike LIKE, treats '%' and '_' literally and
 * keeps case. A negative limit means none (bound, so one statement each). */
static const char SQL_AUDIT_ALL[] = AUDIT_SELECT " ORDER BY id DESC LIMIT ?1";
static const char SQL_AUDIT_FROM[] =
	AUDIT_SELECT " WHERE entity_key >= ?2 ORDER BY id DESC LIMIT ?1";
static const char SQL_AUDIT_RANGE[] =
	AUDIT_SELECT " WHERE entity_key >= ?2 AND entity_key < ?3 ORDER BY id DESC LIMIT ?1";

/* The smallest string greater than every string starting with prefix:
 * drop trailing 0xFF bytes, then increment the last byte. Returns 0 when
 * there is none (prefix made only of 0xFF bytes). */
static int audit_prefix_end(const char *prefix, struct buf *out)
{
	size_t n = strlen(prefix);
	while (n > 0 && (unsigned char)prefix[n - 1] == 0xFF)
		n--;
	if (n == 0)
		return 0;
	buf_add(out, prefix, n);
	out->ptr[n - 1] = (char)((unsigned char)out->ptr[n - 1] + 1);
	return 1;
}

int db_audit_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct audit_entry *e = out;
	(void)err;
	e->id = sqlite3_column_int64(st, 0);
	e->at = db_col_str(st, 1);
	e->actor = db_col_str(st, 2);
	e->entity = db_col_str(st, 3);
	e->entity_key = db_col_str(st, 4);
	e->op = db_col_str(st, 5);
	e->before = db_col_str(st, 6);
	e->after = db_col_str(st, 7);
	return 0;
}

int store_audit_list(struct store *s, const char *key_prefix, int limit, struct audit_list *out,
		     struct err *err)
{
	struct buf end = BUF_INIT;
	sqlite3_stmt *st;
	int ret = -1;
	memset(out, 0, sizeof(*out));
	if (key_prefix && *key_prefix) {
		int bounded = audit_prefix_end(key_prefix, &end);
		st = db_stmt(s, bounded ? SQL_AUDIT_RANGE : SQL_AUDIT_FROM, err);
		if (!st)
			goto out;
		db_bind_text(st, 2, key_prefix);
		if (bounded)
			db_bind_text(st, 3, end.ptr);
	} else if (!(st = db_stmt(s, SQL_AUDIT_ALL, err))) {
		goto out;
	}
	db_bind_int64(st, 1, limit > 0 ? limit : -1);
	/* end is bound without a copy: freed only once db_list_rows reset st. */
	ret = DB_LIST_ROWS(s, st, db_audit_read, out, err);
	if (ret)
		audit_list_free(out);
out:
	buf_free(&end);
	return ret;
}
