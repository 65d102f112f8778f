/* sqlite_auth.c: passwords, sign-in failures, sessions and API tokens, SQLite backend. */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "store/sqlite_db.h"
#include "store/store_auth.h"

/* Runs the INSERT st, then resets it. A UNIQUE violation gives dup_msg, a
 * FOREIGN KEY one (unknown person) fk_msg. 0 (*id set when not NULL), or -1. */
static int auth_insert(struct store *s, sqlite3_stmt *st, const char *dup_msg, const char *fk_msg,
		       int64_t *id, struct err *err)
{
	int ret = 0;
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (db_is_unique_violation(s))
			ret = err_set(err, "%s", dup_msg);
		else if (db_is_fk_violation(s))
			ret = err_set(err, "%s", fk_msg);
		else
			ret = db_fail(s, err);
	} else if (id) {
		*id = sqlite3_last_insert_rowid(s->db);
	}
	db_done(st);
	return ret;
}

/* ---- passwords and sign-in failures ---- */

void person_auth_free(struct person_auth *a)
{
	free(a->password_hash);
	free(a->locked_until);
	memset(a, 0, sizeof(*a));
}

static const char SQL_PASSWORD_SET[] = "UPDATE person SET password_hash = ?2 WHERE email = ?1";

int store_password_set(struct store *s, const char *email, const char *hash, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_PASSWORD_SET, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, email);
	db_bind_text(st, 2, hash);
	int n = db_write(s, st, err);
	if (n < 0)
		return -1;
	if (n == 0)
		return err_set(err, "personne inconnue : « %s »", email ? email : "");
	return 0;
}

static const char SQL_PERSON_AUTH[] =
	"SELECT id, password_hash, login_failures, locked_until FROM person WHERE email = ?1";

static int person_auth_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct person_auth *a = out;
	a->person_id = sqlite3_column_int64(st, 0);
	a->password_hash = db_col_str(st, 1);
	a->failures = sqlite3_column_int(st, 2);
	a->locked_until = db_col_str(st, 3);
	return 0;
}

int store_person_auth(struct store *s, const char *email, struct person_auth *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_PERSON_AUTH, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, email);
	return db_get_row(s, st, person_auth_read, out, err);
}

/* A lock is never shortened: the later of the stored and the given time
 * wins ('' sorts before every time). */
static const char SQL_LOGIN_FAILED[] =
	"UPDATE person SET login_failures = login_failures + 1,"
	" locked_until = CASE WHEN ?2 > locked_until THEN ?2 ELSE locked_until END"
	" WHERE id = ?1";
static const char SQL_LOGIN_OK[] =
	"UPDATE person SET login_failures = 0, locked_until = '' WHERE id = ?1";

/* Runs one of the two statements above on person_id. */
static int login_update(struct store *s, const char *sql, int64_t person_id,
			const char *locked_until, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, sql, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, person_id);
	if (locked_until)
		db_bind_text(st, 2, locked_until);
	int n = db_write(s, st, err);
	if (n < 0)
		return -1;
	if (n == 0)
		return err_set(err, "personne inconnue (identifiant %lld)", (long long)person_id);
	return 0;
}

int store_login_failed(struct store *s, int64_t person_id, const char *locked_until,
		       struct err *err)
{
	return login_update(s, SQL_LOGIN_FAILED, person_id, locked_until ? locked_until : "", err);
}

int store_login_ok(struct store *s, int64_t person_id, struct err *err)
{
	return login_update(s, SQL_LOGIN_OK, person_id, NULL, err);
}

/* ---- sessions ---- */

void session_free(struct session *se)
{
	free(se->digest);
	free(se->email);
	free(se->csrf);
	free(se->expires_at);
	memset(se, 0, sizeof(*se));
}

static const char SQL_SESSION_INSERT[] =
	"INSERT INTO session (digest, person_id, csrf, created_at, expires_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";

int store_session_create(struct store *s, const char *digest, int64_t person_id, const char *csrf,
			 const char *expires_at, struct err *err)
{
	if (!digest || !*digest)
		return err_set(err, "session sans identifiant");
	char now[32];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(s, SQL_SESSION_INSERT, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, digest);
	db_bind_int64(st, 2, person_id);
	db_bind_text(st, 3, csrf);
	db_bind_text(st, 4, now);
	db_bind_text(st, 5, expires_at);
	return auth_insert(s, st, "cette session existe déjà", "personne inconnue pour la session",
			   NULL, err);
}

static const char SQL_SESSION_GET[] =
	"SELECT se.digest, se.person_id, p.email, se.csrf, se.expires_at"
	" FROM session se JOIN person p ON p.id = se.person_id WHERE se.digest = ?1";

static int session_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct session *se = out;
	se->digest = db_col_str(st, 0);
	se->person_id = sqlite3_column_int64(st, 1);
	se->email = db_col_str(st, 2);
	se->csrf = db_col_str(st, 3);
	se->expires_at = db_col_str(st, 4);
	return 0;
}

int store_session_get(struct store *s, const char *digest, const char *now, struct session *out,
		      struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_SESSION_GET, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, digest);
	int found = db_get_row(s, st, session_read, out, err);
	if (found <= 0) {
		session_free(out);
		return found;
	}
	if (strcmp(out->expires_at, now) > 0)
		return 1;
	/* Expired: gone for good. */
	session_free(out);
	return store_session_delete(s, digest, err) ? -1 : 0;
}

static const char SQL_SESSION_TOUCH[] = "UPDATE session SET expires_at = ?2 WHERE digest = ?1";

int store_session_touch(struct store *s, const char *digest, const char *expires_at,
			struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_SESSION_TOUCH, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, digest);
	db_bind_text(st, 2, expires_at);
	int n = db_write(s, st, err);
	if (n < 0)
		return -1;
	if (n == 0)
		return err_set(err, "session inconnue ou terminée");
	return 0;
}

static const char SQL_SESSION_DELETE[] = "DELETE FROM session WHERE digest = ?1";
static const char SQL_SESSION_DELETE_PERSON[] = "DELETE FROM session WHERE person_id = ?1";
static const char SQL_SESSION_PURGE[] = "DELETE FROM session WHERE expires_at <= ?1";

/* Runs a DELETE of sessions with one text or integer parameter (text when
 * text is not NULL); 0 or -1. */
static int session_delete_by(struct store *s, const char *sql, const char *text, int64_t id,
			     struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, sql, err);
	if (!st)
		return -1;
	if (text)
		db_bind_text(st, 1, text);
	else
		db_bind_int64(st, 1, id);
	return db_write(s, st, err) < 0 ? -1 : 0;
}

int store_session_delete(struct store *s, const char *digest, struct err *err)
{
	return session_delete_by(s, SQL_SESSION_DELETE, digest ? digest : "", 0, err);
}

int store_session_delete_person(struct store *s, int64_t person_id, struct err *err)
{
	return session_delete_by(s, SQL_SESSION_DELETE_PERSON, NULL, person_id, err);
}

int store_session_purge(struct store *s, const char *now, struct err *err)
{
	return session_delete_by(s, SQL_SESSION_PURGE, now ? now : "", 0, err);
}

/* ---- personal API tokens ---- */

void api_token_list_free(struct api_token_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].name);
		free(l->items[i].created_at);
		free(l->items[i].last_used_at);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

static const char SQL_TOKEN_INSERT[] =
	"INSERT INTO api_token (person_id, name, digest, created_at) VALUES (?1, ?2, ?3, ?4)";

int store_token_create(struct store *s, int64_t person_id, const char *name, const char *digest,
		       int64_t *id, struct err *err)
{
	if (!name || !*name)
		return err_set(err, "nom de jeton vide");
	if (!digest || !*digest)
		return err_set(err, "jeton sans empreinte");
	char now[32];
	clock_now_iso(now);
	sqlite3_stmt *st = db_stmt(s, SQL_TOKEN_INSERT, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, person_id);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, digest);
	db_bind_text(st, 4, now);
	return auth_insert(s, st, "ce jeton existe déjà", "personne inconnue pour le jeton", id,
			   err);
}

static const char SQL_TOKEN_LIST[] =
	"SELECT id, person_id, name, created_at, last_used_at FROM api_token"
	" WHERE person_id = ?1 ORDER BY created_at DESC, id DESC";

static int token_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct api_token *t = out;
	memset(t, 0, sizeof(*t));
	t->id = sqlite3_column_int64(st, 0);
	t->person_id = sqlite3_column_int64(st, 1);
	t->name = db_col_str(st, 2);
	t->created_at = db_col_str(st, 3);
	t->last_used_at = db_col_str(st, 4);
	return 0;
}

int store_token_list(struct store *s, int64_t person_id, struct api_token_list *out,
		     struct err *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_stmt(s, SQL_TOKEN_LIST, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, person_id);
	if (DB_LIST_ROWS(s, st, token_read, out, err)) {
		api_token_list_free(out);
		return -1;
	}
	return 0;
}

static const char SQL_TOKEN_REVOKE[] = "DELETE FROM api_token WHERE id = ?1 AND person_id = ?2";

int store_token_revoke(struct store *s, int64_t person_id, int64_t id, struct err *err)
{
	sqlite3_stmt *st = db_stmt(s, SQL_TOKEN_REVOKE, err);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, person_id);
	int n = db_write(s, st, err);
	if (n < 0)
		return -1;
	if (n == 0)
		return err_set(err, "jeton inconnu (numéro %lld)", (long long)id);
	return 0;
}

static const char SQL_TOKEN_FIND[] = "SELECT t.id, p.email FROM api_token t"
				     " JOIN person p ON p.id = t.person_id WHERE t.digest = ?1";
static const char SQL_TOKEN_USED[] = "UPDATE api_token SET last_used_at = ?2 WHERE id = ?1";

struct token_hit {
	int64_t id;
	char *email;
};

static int token_hit_read(sqlite3_stmt *st, void *out, struct err *err)
{
	struct token_hit *h = out;
	h->id = sqlite3_column_int64(st, 0);
	h->email = db_col_str(st, 1);
	return 0;
}

int store_token_find(struct store *s, const char *digest, const char *now, char **email,
		     struct err *err)
{
	*email = NULL;
	struct token_hit hit = { 0, NULL };
	sqlite3_stmt *st = db_stmt(s, SQL_TOKEN_FIND, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, digest);
	int found = db_get_row(s, st, token_hit_read, &hit, err);
	if (found <= 0) {
		free(hit.email);
		return found;
	}
	if (!(st = db_stmt(s, SQL_TOKEN_USED, err))) {
		free(hit.email);
		return -1;
	}
	db_bind_int64(st, 1, hit.id);
	db_bind_text(st, 2, now);
	if (db_write(s, st, err) < 0) {
		free(hit.email);
		return -1;
	}
	*email = hit.email;
	return 1;
}
