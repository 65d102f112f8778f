/* test_store_auth.c: stored passwords, sign-in failures, sessions, API tokens (sqlite_auth.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "store/store_auth.h"
#include "support.h"

#define NOW   "2026-11-29T10:00:00Z"
#define ALICE "alice@a.exemple.gouv.fr"
#define BRUNO "bruno@a.exemple.gouv.fr"

struct fixture {
	struct ts_tmpdir tmp;
	struct store *s;
	struct err err;
	int64_t alice, bruno;
};

#define OK(call) TS_OK(&f->err, call)

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	if (ts_store_setup(&f->tmp, &f->s, &f->err, "auth", NULL)) {
		free(f);
		return -1;
	}
	setenv("NUMECO_NOW", NOW, 1);
	ts_org_add(f->s, "MIN-A", "Ministère A", ORG_MINISTERE, "", NULL, &f->err);
	if (store_person_add(f->s, ALICE, "Alice", ROLE_REFERENT, "MIN-A", &f->alice, &f->err) ||
	    store_person_add(f->s, BRUNO, "Bruno", ROLE_LECTEUR, "MIN-A", &f->bruno, &f->err)) {
		ts_store_teardown(&f->tmp, f->s, &f->err);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = ts_store_teardown(&f->tmp, f->s, &f->err);
	free(f);
	return rc;
}

/* Asserts that call fails with a message containing part, then clears err. */
#define REFUSED(call, part)                                \
	do {                                               \
		assert_int_equal((call), -1);              \
		ts_assert_msg_has(f->err.msg.ptr, (part)); \
		err_clear(&f->err);                        \
	} while (0)

/* The stored sign-in state of email, asserted field by field. */
static void assert_auth(struct fixture *f, const char *email, const char *hash, int failures,
			const char *locked)
{
	struct person_auth a;
	assert_int_equal(store_person_auth(f->s, email, &a, &f->err), 1);
	assert_string_equal(a.password_hash, hash);
	assert_int_equal(a.failures, failures);
	assert_string_equal(a.locked_until, locked);
	person_auth_free(&a);
}

static void test_password_set_get(void **state)
{
	struct fixture *f = *state;
	struct person_auth a;
	/* A new person has no password. */
	assert_int_equal(store_person_auth(f->s, ALICE, &a, &f->err), 1);
	assert_int_equal(a.person_id, f->alice);
	assert_string_equal(a.password_hash, "");
	assert_int_equal(a.failures, 0);
	assert_string_equal(a.locked_until, "");
	person_auth_free(&a);

	OK(store_password_set(f->s, ALICE, "$argon2id$un", &f->err));
	assert_auth(f, ALICE, "$argon2id$un", 0, "");
	OK(store_password_set(f->s, ALICE, "$argon2id$deux", &f->err));
	assert_auth(f, ALICE, "$argon2id$deux", 0, "");
	assert_auth(f, BRUNO, "", 0, ""); /* only that person */

	REFUSED(store_password_set(f->s, "inconnu@x.fr", "$argon2id$x", &f->err),
		"personne inconnue : « inconnu@x.fr »");
	assert_int_equal(store_person_auth(f->s, "inconnu@x.fr", &a, &f->err), 0);
	assert_null(a.password_hash);
	person_auth_free(&a);
}

static void test_failures_and_lock(void **state)
{
	struct fixture *f = *state;
	OK(store_login_failed(f->s, f->alice, "", &f->err));
	OK(store_login_failed(f->s, f->alice, NULL, &f->err));
	assert_auth(f, ALICE, "", 2, "");
	OK(store_login_failed(f->s, f->alice, "2026-11-29T10:15:00Z", &f->err));
	assert_auth(f, ALICE, "", 3, "2026-11-29T10:15:00Z");
	/* A lock is never shortened nor lifted by a failure. */
	OK(store_login_failed(f->s, f->alice, "2026-11-29T10:05:00Z", &f->err));
	assert_auth(f, ALICE, "", 4, "2026-11-29T10:15:00Z");
	OK(store_login_failed(f->s, f->alice, "", &f->err));
	assert_auth(f, ALICE, "", 5, "2026-11-29T10:15:00Z");
	OK(store_login_failed(f->s, f->alice, "2026-11-29T11:00:00Z", &f->err));
	assert_auth(f, ALICE, "", 6, "2026-11-29T11:00:00Z");
	assert_auth(f, BRUNO, "", 0, "");
	OK(store_login_ok(f->s, f->alice, &f->err));
	assert_auth(f, ALICE, "", 0, "");

	REFUSED(store_login_failed(f->s, 9999, "", &f->err), "personne inconnue");
	REFUSED(store_login_ok(f->s, 9999, &f->err), "personne inconnue");
}

/* 1 when session digest exists (read with a time before any expiry). */
static int session_exists(struct fixture *f, const char *digest)
{
	struct session se;
	int found = store_session_get(f->s, digest, "2000-01-01T00:00:00Z", &se, &f->err);
	assert_true(found >= 0);
	session_free(&se);
	return found;
}

static void test_sessions(void **state)
{
	struct fixture *f = *state;
	struct session se;
	OK(store_session_create(f->s, "d1", f->alice, "c1", "2026-11-29T12:00:00Z", &f->err));
	assert_int_equal(store_session_get(f->s, "d1", "2026-11-29T11:00:00Z", &se, &f->err), 1);
	assert_string_equal(se.digest, "d1");
	assert_int_equal(se.person_id, f->alice);
	assert_string_equal(se.email, ALICE);
	assert_string_equal(se.csrf, "c1");
	assert_string_equal(se.expires_at, "2026-11-29T12:00:00Z");
	session_free(&se);
	assert_int_equal(store_session_get(f->s, "inconnue", NOW, &se, &f->err), 0);
	assert_null(se.digest);
	session_free(&se);

	/* Touch moves the end. */
	OK(store_session_touch(f->s, "d1", "2026-11-29T14:00:00Z", &f->err));
	assert_int_equal(store_session_get(f->s, "d1", "2026-11-29T13:00:00Z", &se, &f->err), 1);
	assert_string_equal(se.expires_at, "2026-11-29T14:00:00Z");
	session_free(&se);
	REFUSED(store_session_touch(f->s, "inconnue", "2026-11-29T14:00:00Z", &f->err),
		"session inconnue");

	/* At its end, a session is over, and deleted. */
	assert_int_equal(store_session_get(f->s, "d1", "2026-11-29T14:00:00Z", &se, &f->err), 0);
	assert_null(se.email);
	session_free(&se);
	assert_int_equal(session_exists(f, "d1"), 0);

	/* Sign out; twice is harmless. */
	OK(store_session_create(f->s, "d2", f->bruno, "c2", "2026-11-29T18:00:00Z", &f->err));
	assert_int_equal(session_exists(f, "d2"), 1);
	OK(store_session_delete(f->s, "d2", &f->err));
	assert_int_equal(session_exists(f, "d2"), 0);
	OK(store_session_delete(f->s, "d2", &f->err));

	REFUSED(store_session_create(f->s, "d3", 9999, "c3", "2026-11-29T18:00:00Z", &f->err),
		"personne inconnue");
	OK(store_session_create(f->s, "d3", f->alice, "c3", "2026-11-29T18:00:00Z", &f->err));
	REFUSED(store_session_create(f->s, "d3", f->bruno, "c4", "2026-11-29T18:00:00Z", &f->err),
		"existe déjà");
	REFUSED(store_session_create(f->s, "", f->bruno, "c4", "2026-11-29T18:00:00Z", &f->err),
		"session");
}

static void test_session_purge(void **state)
{
	struct fixture *f = *state;
	OK(store_session_create(f->s, "vieille", f->alice, "c1", "2026-11-29T09:00:00Z", &f->err));
	OK(store_session_create(f->s, "limite", f->alice, "c2", "2026-11-29T12:00:00Z", &f->err));
	OK(store_session_create(f->s, "neuve", f->bruno, "c3", "2026-11-29T18:00:00Z", &f->err));
	OK(store_session_purge(f->s, "2026-11-29T12:00:00Z", &f->err));
	assert_int_equal(session_exists(f, "vieille"), 0);
	assert_int_equal(session_exists(f, "limite"), 0);
	assert_int_equal(session_exists(f, "neuve"), 1);

	/* Every session of one person (after a password change). */
	OK(store_session_create(f->s, "a1", f->alice, "c4", "2026-11-29T18:00:00Z", &f->err));
	OK(store_session_create(f->s, "a2", f->alice, "c5", "2026-11-29T19:00:00Z", &f->err));
	OK(store_session_delete_person(f->s, f->alice, &f->err));
	assert_int_equal(session_exists(f, "a1"), 0);
	assert_int_equal(session_exists(f, "a2"), 0);
	assert_int_equal(session_exists(f, "neuve"), 1);
}

static void test_tokens(void **state)
{
	struct fixture *f = *state;
	int64_t t1, t2, t3;
	OK(store_token_create(f->s, f->alice, "sauvegarde", "h1", &t1, &f->err));
	setenv("NUMECO_NOW", "2026-11-29T11:00:00Z", 1);
	OK(store_token_create(f->s, f->alice, "tableau de bord", "h2", &t2, &f->err));
	OK(store_token_create(f->s, f->bruno, "script", "h3", &t3, &f->err));
	setenv("NUMECO_NOW", NOW, 1);
	assert_true(t1 != t2 && t2 != t3);

	struct api_token_list l;
	OK(store_token_list(f->s, f->alice, &l, &f->err));
	assert_int_equal(l.n, 2); /* newest first */
	assert_int_equal(l.items[0].id, t2);
	assert_string_equal(l.items[0].name, "tableau de bord");
	assert_string_equal(l.items[0].created_at, "2026-11-29T11:00:00Z");
	assert_string_equal(l.items[0].last_used_at, "");
	assert_int_equal(l.items[0].person_id, f->alice);
	assert_int_equal(l.items[1].id, t1);
	assert_string_equal(l.items[1].created_at, NOW);
	api_token_list_free(&l);

	/* Finding a token records its use. */
	char *email = NULL;
	assert_int_equal(store_token_find(f->s, "h1", "2026-11-29T12:30:00Z", &email, &f->err), 1);
	assert_string_equal(email, ALICE);
	free(email);
	assert_int_equal(store_token_find(f->s, "inconnu", NOW, &email, &f->err), 0);
	assert_null(email);
	OK(store_token_list(f->s, f->alice, &l, &f->err));
	assert_string_equal(l.items[1].last_used_at, "2026-11-29T12:30:00Z");
	assert_string_equal(l.items[0].last_used_at, "");
	api_token_list_free(&l);

	/* Nobody revokes another person's token. */
	REFUSED(store_token_revoke(f->s, f->bruno, t1, &f->err), "jeton inconnu");
	assert_int_equal(store_token_find(f->s, "h1", NOW, &email, &f->err), 1);
	free(email);
	OK(store_token_revoke(f->s, f->alice, t1, &f->err));
	assert_int_equal(store_token_find(f->s, "h1", NOW, &email, &f->err), 0);
	assert_null(email);
	REFUSED(store_token_revoke(f->s, f->alice, t1, &f->err), "jeton inconnu");
	OK(store_token_list(f->s, f->alice, &l, &f->err));
	assert_int_equal(l.n, 1);
	api_token_list_free(&l);
	OK(store_token_list(f->s, f->bruno, &l, &f->err));
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].name, "script");
	api_token_list_free(&l);

	REFUSED(store_token_create(f->s, f->bruno, "doublon", "h2", NULL, &f->err), "existe déjà");
	REFUSED(store_token_create(f->s, f->bruno, "", "h9", NULL, &f->err), "nom de jeton vide");
	REFUSED(store_token_create(f->s, 9999, "orphelin", "h9", NULL, &f->err),
		"personne inconnue");
}

/* Runs sql on the file through a connection of its own, foreign keys on. */
static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	if (sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, &msg) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
	sqlite3_close(db);
}

static void test_cascade(void **state)
{
	struct fixture *f = *state;
	OK(store_session_create(f->s, "da", f->alice, "c1", "2026-11-29T18:00:00Z", &f->err));
	OK(store_session_create(f->s, "db", f->bruno, "c2", "2026-11-29T18:00:00Z", &f->err));
	OK(store_token_create(f->s, f->alice, "a", "ha", NULL, &f->err));
	OK(store_token_create(f->s, f->bruno, "b", "hb", NULL, &f->err));
	raw_exec(f->tmp.path, "DELETE FROM person WHERE email = '" ALICE "'");

	assert_int_equal(session_exists(f, "da"), 0);
	assert_int_equal(session_exists(f, "db"), 1);
	char *email = NULL;
	assert_int_equal(store_token_find(f->s, "ha", NOW, &email, &f->err), 0);
	struct api_token_list l;
	OK(store_token_list(f->s, f->alice, &l, &f->err));
	assert_int_equal(l.n, 0);
	api_token_list_free(&l);
	assert_int_equal(store_token_find(f->s, "hb", NOW, &email, &f->err), 1);
	assert_string_equal(email, BRUNO);
	free(email);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_password_set_get, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failures_and_lock, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_purge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cascade, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
