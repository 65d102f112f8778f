/* sqlite_db.c: SQLite connection: opening, migrations, transactions, statement helpers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/embedded.h"
#include "core/xalloc.h"
#include "store/sqlite_db.h"
#include "store/store_internal.h"

/* ---- statements ---- */

sqlite3_stmt *db_stmt(struct store *s, const char *sql, struct err *err)
{
	for (size_t i = 0; i < s->ncache; i++) {
		if (s->cache[i].sql == sql) {
			sqlite3_stmt *st = s->cache[i].st;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(s, err);
		sqlite3_finalize(st);
		return NULL;
	}
	xgrow((void **)&s->cache, sizeof(*s->cache), s->ncache + 1, &s->cap_cache);
	s->cache[s->ncache].sql = sql;
	s->cache[s->ncache].st = st;
	s->ncache++;
	return st;
}

void db_done(sqlite3_stmt *st)
{
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
}

int db_fail(struct store *s, struct err *err)
{
	int code = sqlite3_errcode(s->db);
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return err_set(err, "base %s occupée par un autre processus : réessayez plus tard",
			       s->path);
	return err_set(err, "erreur de la base de données %s : %s", s->path, sqlite3_errmsg(s->db));
}

int db_exec(struct store *s, const char *sql, struct err *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(s, err);
	return 0;
}

int db_get_row(struct store *s, sqlite3_stmt *st, db_row_fn *read, void *out, struct err *err)
{
	int ret;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		ret = read(st, out, err) ? -1 : 1;
	else if (rc == SQLITE_DONE)
		ret = 0;
	else
		ret = db_fail(s, err);
	db_done(st);
	return ret;
}

int db_each_row(struct store *s, sqlite3_stmt *st, db_row_fn *fn, void *ctx, struct err *err)
{
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (fn(st, ctx, err)) {
			ret = -1;
			break;
		}
	}
	/* After a failed row fn rc is still SQLITE_ROW: keep fn's message. */
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(s, err);
	db_done(st);
	return ret;
}

/* The array db_list_rows appends to, as the context of db_list_row. */
struct db_list {
	db_row_fn *read;
	void **items;
	size_t elem, *n, *cap;
};

static int db_list_row(sqlite3_stmt *st, void *ctx, struct err *err)
{
	struct db_list *l = ctx;
	xgrow(l->items, l->elem, *l->n + 1, l->cap);
	/* Counted only once read, so a failed row is not freed as a full one. */
	if (l->read(st, (char *)*l->items + *l->n * l->elem, err))
		return -1;
	(*l->n)++;
	return 0;
}

int db_list_rows(struct store *s, sqlite3_stmt *st, db_row_fn *read, void **items, size_t elem,
		 size_t *n, size_t *cap, struct err *err)
{
	struct db_list l = { read, items, elem, n, cap };
	return db_each_row(s, st, db_list_row, &l, err);
}

int db_read_int64(sqlite3_stmt *st, void *out, struct err *err)
{
	(void)err;
	*(int64_t *)out = sqlite3_column_int64(st, 0);
	return 0;
}

int db_write(struct store *s, sqlite3_stmt *st, struct err *err)
{
	int ret = sqlite3_step(st) == SQLITE_DONE ? sqlite3_changes(s->db) : db_fail(s, err);
	db_done(st);
	return ret;
}

void db_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_STATIC);
}

void db_bind_text_or_null(sqlite3_stmt *st, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void db_bind_int64(sqlite3_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(st, i, (sqlite3_int64)v);
}

void db_bind_id_or_null(sqlite3_stmt *st, int i, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, i, (sqlite3_int64)v);
	else
		sqlite3_bind_null(st, i);
}

char *db_col_str(sqlite3_stmt *st, int col)
{
	const unsigned char *v = sqlite3_column_text(st, col);
	if (!v)
		return xstrdup("");
	return xstrndup((const char *)v, (size_t)sqlite3_column_bytes(st, col));
}

/* Exact match on the stored code: the lenient *_parse functions fold text
 * and would cost more than the rest of reading a row. */
#define DB_COL_ENUM(name, type, codefn, count)                              \
	int db_col_##name(sqlite3_stmt *st, int col, type *out)             \
	{                                                                   \
		const char *v = (const char *)sqlite3_column_text(st, col); \
		for (int i = 0; v && i < (int)(count); i++) {               \
			if (strcmp(v, codefn((type)i)) == 0) {              \
				*out = (type)i;                             \
				return 0;                                   \
			}                                                   \
		}                                                           \
		return -1;                                                  \
	}

DB_COL_ENUM(theme, enum theme, theme_code, THEME_COUNT)
DB_COL_ENUM(level, enum level, level_code, LEVEL_COUNT)
DB_COL_ENUM(status, enum status, status_code, STATUS_COUNT)
DB_COL_ENUM(role, enum role, role_code, ROLE_COUNT)
DB_COL_ENUM(rstate, enum rstate, rstate_code, RSTATE_COUNT)
DB_COL_ENUM(org_kind, enum org_kind, org_kind_code, ORG_KIND_COUNT)
DB_COL_ENUM(rkind, enum rkind, rkind_code, RKIND_COUNT)
DB_COL_ENUM(iunit, enum iunit, iunit_code, IUNIT_COUNT)

int db_bad_value(struct err *err, const char *table, const char *column)
{
	return err_set(err, "valeur inconnue en base (table %s, colonne %s) : base endommagée ?",
		       table, column);
}

int db_is_unique_violation(struct store *s)
{
	int x = sqlite3_extended_errcode(s->db);
	return x == SQLITE_CONSTRAINT_UNIQUE || x == SQLITE_CONSTRAINT_PRIMARYKEY;
}

int db_is_fk_violation(struct store *s)
{
	return sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_FOREIGNKEY;
}

static const char SQL_ORG_ID[] = "SELECT id FROM org WHERE code = ?1";

int db_org_id(struct store *s, const char *code, int64_t *id, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_ORG_ID, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, code);
	return db_get_row(s, st, db_read_int64, id, err);
}

/* ---- schema ---- */

int store_schema_latest(void)
{
	int n = 0;
	while (embedded_migrations_sqlite[n].name)
		n++;
	return n;
}

/* Runs a query of one row and one integer column. Not cached: these run
 * once per opening, some before the connection is configured. */
static int db_query_int(struct store *s, const char *sql, int *out, struct err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		int ret = db_fail(s, err);
		sqlite3_finalize(st);
		return ret;
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static int db_user_version(struct store *s, int *version, struct err *err)
{
	return db_query_int(s, "PRAGMA user_version", version, err);
}

int store_schema_version(struct store *s, int *version, struct err *err)
{
	return db_user_version(s, version, err);
}

int store_change_counter(struct store *s, int *counter, struct err *err)
{
	return db_query_int(s, "PRAGMA data_version", counter, err);
}

static int db_refuse_newer(struct store *s, int version, struct err *err)
{
	return err_set(err,
		       "la base %s vient d'une version plus récente de numeco "
		       "(version de schéma %d > %d) : mettez numeco à jour",
		       s->path, version, store_schema_latest());
}

/* Migration files are named NNNN_what.sql and must be numbered 1, 2, 3…
 * without gaps, since the number is the schema version they lead to. */
static int db_check_migration_name(int index, struct err *err)
{
	const char *name = embedded_migrations_sqlite[index].name;
	char *end = NULL;
	long n = strtol(name, &end, 10);
	if (n != index + 1 || end == name || *end != '_')
		return err_set(err, "migration mal numérotée : %s (attendu %04d_…)", name,
			       index + 1);
	return 0;
}

int store_migrate_to(struct store *s, int target, struct err *err)
{
	int latest = store_schema_latest();
	int version = 0, applied = 0;
	if (target < 0 || target > latest)
		return err_set(err, "version de schéma inconnue : %d (dernière : %d)", target,
			       latest);
	if (s->in_tx)
		return err_set(err, "migration impossible pendant une transaction");
	/* IMMEDIATE takes the write lock before reading the version, so two
	 * processes opening an old file do not both try to upgrade it. */
	if (db_exec(s, "BEGIN IMMEDIATE", err))
		return -1;
	if (db_user_version(s, &version, err))
		goto fail;
	if (version > latest) {
		db_refuse_newer(s, version, err);
		goto fail;
	}
	for (int v = version + 1; v <= target; v++) {
		const struct embedded_file *m = &embedded_migrations_sqlite[v - 1];
		char *msg = NULL;
		if (db_check_migration_name(v - 1, err))
			goto fail;
		if (sqlite3_exec(s->db, m->data, NULL, NULL, &msg) != SQLITE_OK) {
			err_set(err, "mise à jour de la base %s impossible (migration %s) : %s",
				s->path, m->name, msg ? msg : sqlite3_errmsg(s->db));
			sqlite3_free(msg);
			goto fail;
		}
		applied++;
	}
	if (applied) {
		/* PRAGMA takes no parameters; the value is our own integer. */
		char sql[64];
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", target);
		if (db_exec(s, sql, err))
			goto fail;
	}
	if (db_exec(s, "COMMIT", err))
		goto fail;
	return applied;
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* ---- opening ---- */

/* A file sqlite accepts but numeco never wrote (another program's database)
 * has user_version 0 and objects in it: refuse to add our tables to it. */
static int db_is_foreign(struct store *s, int *foreign, struct err *err)
{
	int n = 0;
	if (db_query_int(s, "SELECT count(*) FROM sqlite_master", &n, err))
		return -1;
	*foreign = n > 0;
	return 0;
}

static int db_not_numeco(struct store *s, struct err *err)
{
	return err_set(err, "%s n'est pas une base numeco (SQLite)", s->path);
}

static int db_configure(struct store *s, struct err *err)
{
	static const char *const pragmas[] = {
		"PRAGMA journal_mode = WAL",
		"PRAGMA foreign_keys = ON",
		"PRAGMA synchronous = NORMAL",
	};
	for (size_t i = 0; i < sizeof(pragmas) / sizeof(pragmas[0]); i++) {
		if (sqlite3_exec(s->db, pragmas[i], NULL, NULL, NULL) != SQLITE_OK) {
			if (sqlite3_errcode(s->db) == SQLITE_NOTADB)
				return db_not_numeco(s, err);
			return db_fail(s, err);
		}
	}
	return 0;
}

struct store *store_open_version(const char *path, enum store_open_mode mode, int target,
				 int *migrated, struct err *err)
{
	struct stat sb;
	int version = 0, foreign = 0, n;
	if (migrated)
		*migrated = 0;
	if (mode == STORE_OPEN_EXISTING && stat(path, &sb) != 0 && errno == ENOENT) {
		err_set(err, "base introuvable : %s (créez-la avec « numeco init »)", path);
		return NULL;
	}
	struct store *s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	/* NOMUTEX: a handle is used by one thread at a time (its statement cache
	 * and transaction flag are not shared either), so sqlite need not lock. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
		    (mode == STORE_OPEN_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		err_set(err, "impossible d'ouvrir la base %s : %s", path,
			s->db ? sqlite3_errmsg(s->db) : "mémoire insuffisante");
		goto fail;
	}
	sqlite3_busy_timeout(s->db, 5000);
	/* The first read is where sqlite notices a file is not a database. */
	if (db_user_version(s, &version, err)) {
		if (sqlite3_errcode(s->db) == SQLITE_NOTADB)
			db_not_numeco(s, err);
		goto fail;
	}
	if (version > store_schema_latest()) {
		db_refuse_newer(s, version, err);
		goto fail;
	}
	if (version == 0) {
		if (db_is_foreign(s, &foreign, err))
			goto fail;
		if (foreign) {
			db_not_numeco(s, err);
			goto fail;
		}
	}
	if (db_configure(s, err))
		goto fail;
	n = store_migrate_to(s, target, err);
	if (n < 0)
		goto fail;
	if (migrated)
		*migrated = n;
	return s;
fail:
	store_close(s);
	return NULL;
}

struct store *store_open(const char *path, enum store_open_mode mode, int *migrated,
			 struct err *err)
{
	return store_open_version(path, mode, store_schema_latest(), migrated, err);
}

void store_close(struct store *s)
{
	if (!s)
		return;
	if (s->in_tx)
		store_rollback(s);
	for (size_t i = 0; i < s->ncache; i++)
		sqlite3_finalize(s->cache[i].st);
	free(s->cache);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

/* ---- transactions ---- */

int store_begin(struct store *s, struct err *err)
{
	if (s->in_tx)
		return err_set(err, "une transaction est déjà ouverte");
	/* IMMEDIATE: take the write lock now, so a concurrent writer makes us
	 * wait (busy_timeout) at the start instead of failing mid-way. */
	if (db_exec(s, "BEGIN IMMEDIATE", err))
		return -1;
	s->in_tx = 1;
	return 0;
}

int store_commit(struct store *s, struct err *err)
{
	if (!s->in_tx)
		return err_set(err, "aucune transaction ouverte");
	if (db_exec(s, "COMMIT", err)) {
		/* A failed COMMIT (busy) leaves the transaction open: the
		 * caller may retry or roll back. */
		s->in_tx = !sqlite3_get_autocommit(s->db);
		return -1;
	}
	s->in_tx = 0;
	return 0;
}

void store_rollback(struct store *s)
{
	if (!s->in_tx)
		return;
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_tx = 0;
}
