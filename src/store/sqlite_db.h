/* sqlite_db.h: internals shared by the files of the SQLite backend. */
#ifndef NUMECO_SQLITE_DB_H
#define NUMECO_SQLITE_DB_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "core/clock.h"
#include "core/err.h"
#include "core/model.h"
#include "store/store.h"

/* One prepared statement, kept for the life of the connection. */
struct db_cached {
	const char *sql;
	sqlite3_stmt *st;
};

struct store {
	sqlite3 *db;
	char *path;
	int in_tx; /* store_begin called and not yet committed or rolled back */
	struct db_cached *cache;
	size_t ncache, cap_cache;
};

/* Returns the prepared statement for sql, reset and without bindings.
 * sql must be a string with static storage: the cache is keyed by its
 * address, so preparing happens once per connection. NULL (err filled) on
 * failure. Call db_done when finished with it. */
sqlite3_stmt *db_stmt(struct store *s, const char *sql, struct err *err);
/* Resets st after use: a statement left mid-way would keep a read snapshot
 * open and pin the text pointers bound with db_bind_text. */
void db_done(sqlite3_stmt *st);
/* Fills err from the connection's last error; returns -1. */
int db_fail(struct store *s, struct err *err);
/* Runs one statement that returns no row; 0 or -1 (err filled). */
int db_exec(struct store *s, const char *sql, struct err *err);

/* Steps that are the same for every table. A row function reads the current
 * row of st into out (or applies it to a context); 0, or -1 with err filled.
 * Row functions take void * so one helper serves every struct: each casts
 * back to its own type, never a typed function called through this one. */
typedef int db_row_fn(sqlite3_stmt *st, void *out, struct err *err);

/* Steps st once and reads the row with read: 1 read, 0 no row, -1 error
 * (err filled). Resets st in every case. */
int db_get_row(struct store *s, sqlite3_stmt *st, db_row_fn *read, void *out, struct err *err);
/* Steps st to the end, calling fn on each row until it fails: 0, or -1
 * (err filled). Resets st. */
int db_each_row(struct store *s, sqlite3_stmt *st, db_row_fn *fn, void *ctx, struct err *err);
/* Like db_each_row, appending each row read by read to the array *items
 * (elem bytes each, *n used, *cap allocated). On error the rows read so far
 * stay in the array: the caller frees the list. Use DB_LIST_ROWS. */
int db_list_rows(struct store *s, sqlite3_stmt *st, db_row_fn *read, void **items, size_t elem,
		 size_t *n, size_t *cap, struct err *err);
/* db_list_rows into a store list struct (fields items, n, cap). */
#define DB_LIST_ROWS(s, st, read, list, err)                                             \
	db_list_rows((s), (st), (read), (void **)&(list)->items, sizeof(*(list)->items), \
		     &(list)->n, &(list)->cap, (err))
/* Row function for one-column queries: column 0 into the int64_t at out. */
int db_read_int64(sqlite3_stmt *st, void *out, struct err *err);
/* Row function for audit rows selected as (id, at, actor, entity,
 * entity_key, op, before, after) into a struct audit_entry. */
int db_audit_read(sqlite3_stmt *st, void *out, struct err *err);
/* Steps a statement that writes and returns no row, then resets it: the
 * number of rows changed, or -1 (err filled). */
int db_write(struct store *s, sqlite3_stmt *st, struct err *err);

/* Binding helpers (1-based index). Text is bound without copying: it must
 * stay valid until db_done. */
void db_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Binds NULL for NULL or "". */
void db_bind_text_or_null(sqlite3_stmt *st, int i, const char *v);
void db_bind_int64(sqlite3_stmt *st, int i, int64_t v);
/* Binds NULL for 0 (ids: 0 means none). */
void db_bind_id_or_null(sqlite3_stmt *st, int i, int64_t v);

/* A malloc'ed copy of a text column, "" for NULL. */
char *db_col_str(sqlite3_stmt *st, int col);
/* Enumeration columns stored as codes; -1 when the value is not a known code. */
int db_col_theme(sqlite3_stmt *st, int col, enum theme *out);
int db_col_level(sqlite3_stmt *st, int col, enum level *out);
int db_col_status(sqlite3_stmt *st, int col, enum status *out);
int db_col_role(sqlite3_stmt *st, int col, enum role *out);
int db_col_rstate(sqlite3_stmt *st, int col, enum rstate *out);
int db_col_org_kind(sqlite3_stmt *st, int col, enum org_kind *out);
int db_col_rkind(sqlite3_stmt *st, int col, enum rkind *out);
int db_col_iunit(sqlite3_stmt *st, int col, enum iunit *out);
/* Error for a stored value that is not a known code (a damaged file). */
int db_bad_value(struct err *err, const char *table, const char *column);

/* 1 when the step failed on a UNIQUE constraint, a FOREIGN KEY one. */
int db_is_unique_violation(struct store *s);
int db_is_fk_violation(struct store *s);

/* Looks an organisation up by code: 1 found (*id set), 0 unknown, -1 error. */
int db_org_id(struct store *s, const char *code, int64_t *id, struct err *err);

#endif
