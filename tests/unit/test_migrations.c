/* test_migrations.c: opening, creating and upgrading SQLite store files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "support.h"

struct fixture {
	struct ts_tmpdir tmp;
	struct err err;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	if (ts_tmpdir_make(&f->tmp, "migr")) {
		free(f);
		return -1;
	}
	f->err = (struct err)ERR_INIT;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	err_free(&f->err);
	int rc = ts_tmpdir_remove(&f->tmp);
	free(f);
	return rc;
}

#define OK(call) TS_OK(&f->err, call)

static struct store *open_ok(struct fixture *f, enum store_open_mode mode, int *migrated)
{
	struct store *s = store_open(f->tmp.path, mode, migrated, &f->err);
	if (!s)
		fail_msg("store_open: %s", f->err.msg.ptr);
	return s;
}

/* Opens migrating up to version target only (store_open_version). */
static struct store *open_version_ok(struct fixture *f, enum store_open_mode mode, int target,
				     int *migrated)
{
	struct store *s = store_open_version(f->tmp.path, mode, target, migrated, &f->err);
	if (!s)
		fail_msg("store_open_version: %s", f->err.msg.ptr);
	return s;
}

/* Runs one SQL statement on the file directly, as another program would. */
static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
	sqlite3_close(db);
}

/* Value of a one-row, one-column query on the file, as text ("" for none). */
static void raw_query(const char *path, const char *sql, char *out, size_t n)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	out[0] = 0;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void test_latest_at_least_three(void **state)
{
	(void)state;
	/* 0001 organisations + people, 0002 roadmaps + actions, 0003 review + audit. */
	assert_true(store_schema_latest() >= 3);
}

static void test_fresh_file(void **state)
{
	struct fixture *f = *state;
	int migrated = -1, version = -1;
	struct store *s = open_ok(f, STORE_OPEN_CREATE, &migrated);
	assert_int_equal(migrated, store_schema_latest());
	OK(store_schema_version(s, &version, &f->err));
	assert_int_equal(version, store_schema_latest());
	store_close(s);

	char v[64];
	raw_query(f->tmp.path, "PRAGMA journal_mode", v, sizeof(v));
	assert_string_equal(v, "wal");

	/* Reopening applies nothing. */
	s = open_ok(f, STORE_OPEN_EXISTING, &migrated);
	assert_int_equal(migrated, 0);
	store_close(s);
	s = open_ok(f, STORE_OPEN_CREATE, NULL);
	store_close(s);
}

static void test_foreign_keys_on(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f, STORE_OPEN_CREATE, NULL);
	/* A roadmap for an organisation that does not exist is refused by the
	 * database itself only when foreign keys are enforced. */
	assert_int_equal(store_roadmap_create(s, 12345, "2022", NULL, &f->err), -1);
	store_close(s);
	char v[64];
	raw_query(f->tmp.path, "SELECT count(*) FROM roadmap", v, sizeof(v));
	assert_string_equal(v, "0");
}

static void test_upgrade_keeps_data(void **state)
{
	struct fixture *f = *state;
	int migrated = -1, version = -1;
	struct store *s = open_version_ok(f, STORE_OPEN_CREATE, 1, &migrated);
	assert_int_equal(migrated, 1);
	OK(store_schema_version(s, &version, &f->err));
	assert_int_equal(version, 1);
	OK(store_org_add(s, "MIN-A", "Ministère A", ORG_MINISTERE, "", NULL, &f->err));
	OK(store_org_add(s, "DIR-A", "Direction A", ORG_DIRECTION, "MIN-A", NULL, &f->err));
	OK(store_person_add(s, "zoe@a.gouv.fr", "Zoé", ROLE_REFERENT, "DIR-A", NULL, &f->err));
	/* Version 1 has no roadmaps yet. */
	struct roadmap_list rl;
	assert_int_equal(store_roadmap_list(s, NULL, &rl, &f->err), -1);
	roadmap_list_free(&rl);
	store_close(s);

	/* One step: 1 → 2. */
	s = open_version_ok(f, STORE_OPEN_EXISTING, 2, &migrated);
	assert_int_equal(migrated, 1);
	store_close(s);

	/* Normal open: 2 → latest, data kept. */
	s = open_ok(f, STORE_OPEN_EXISTING, &migrated);
	assert_int_equal(migrated, store_schema_latest() - 2);
	OK(store_schema_version(s, &version, &f->err));
	assert_int_equal(version, store_schema_latest());
	struct org_list ol;
	OK(store_org_list(s, &ol, &f->err));
	assert_int_equal(ol.n, 2);
	assert_string_equal(ol.items[0].code, "MIN-A");
	assert_string_equal(ol.items[1].code, "DIR-A");
	assert_string_equal(ol.items[1].parent_code, "MIN-A");
	int64_t min_a = ol.items[0].id;
	org_list_free(&ol);
	struct person p;
	assert_int_equal(store_person_get(s, "zoe@a.gouv.fr", &p, &f->err), 1);
	assert_string_equal(p.name, "Zoé");
	assert_string_equal(p.org_code, "DIR-A");
	person_free(&p);
	/* The new tables work. */
	int64_t rm = 0;
	OK(store_roadmap_create(s, min_a, "2022", &rm, &f->err));
	struct audit_entry e = { 0 };
	e.at = (char *)"2026-11-29T10:00:00Z";
	e.actor = (char *)"cli:test";
	e.entity = (char *)"roadmap";
	e.entity_key = (char *)"MIN-A/2022";
	e.op = (char *)"create";
	OK(store_audit_add(s, &e, &f->err));
	store_close(s);
}

static void test_failed_migration_rolls_back(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_version_ok(f, STORE_OPEN_CREATE, 1, NULL);
	OK(store_org_add(s, "MIN-A", "A", ORG_MINISTERE, "", NULL, &f->err));
	store_close(s);
	/* A table in the way of migration 0003 makes it fail after 0002 ran:
	 * both belong to one transaction, so neither stays. */
	raw_exec(f->tmp.path, "CREATE TABLE audit (x INTEGER)");
	s = store_open(f->tmp.path, STORE_OPEN_EXISTING, NULL, &f->err);
	assert_null(s);
	if (!strstr(f->err.msg.ptr, "0003"))
		fail_msg("message lacks the migration: %s", f->err.msg.ptr);
	char v[64];
	raw_query(f->tmp.path, "PRAGMA user_version", v, sizeof(v));
	assert_string_equal(v, "1");
	raw_query(f->tmp.path, "SELECT count(*) FROM sqlite_master WHERE name = 'roadmap'", v,
		  sizeof(v));
	assert_string_equal(v, "0");
	raw_query(f->tmp.path, "SELECT code FROM org", v, sizeof(v));
	assert_string_equal(v, "MIN-A");
}

static void test_newer_file_refused(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f, STORE_OPEN_CREATE, NULL);
	store_close(s);
	char sql[64], want[160];
	int newer = store_schema_latest() + 1;
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", newer);
	raw_exec(f->tmp.path, sql);
	s = store_open(f->tmp.path, STORE_OPEN_EXISTING, NULL, &f->err);
	assert_null(s);
	snprintf(want, sizeof(want), "version plus récente de numeco (version de schéma %d > %d)",
		 newer, store_schema_latest());
	if (!strstr(f->err.msg.ptr, want) || !strstr(f->err.msg.ptr, "mettez numeco à jour") ||
	    !strstr(f->err.msg.ptr, f->tmp.path))
		fail_msg("unexpected message: %s", f->err.msg.ptr);
	/* Left untouched. */
	char v[64];
	raw_query(f->tmp.path, "PRAGMA user_version", v, sizeof(v));
	assert_int_equal(atoi(v), newer);
}

static void test_not_a_database(void **state)
{
	struct fixture *f = *state;
	FILE *fp = fopen(f->tmp.path, "w");
	assert_non_null(fp);
	for (int i = 0; i < 200; i++)
		fputs("Référence;Titre;Thème\n", fp);
	fclose(fp);
	struct store *s = store_open(f->tmp.path, STORE_OPEN_EXISTING, NULL, &f->err);
	assert_null(s);
	char want[200];
	snprintf(want, sizeof(want), "%s n'est pas une base numeco (SQLite)", f->tmp.path);
	assert_string_equal(f->err.msg.ptr, want);
	s = store_open(f->tmp.path, STORE_OPEN_CREATE, NULL, &f->err);
	assert_null(s);
	assert_string_equal(f->err.msg.ptr, want);
}

static void test_other_sqlite_file(void **state)
{
	struct fixture *f = *state;
	raw_exec(f->tmp.path, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
	struct store *s = store_open(f->tmp.path, STORE_OPEN_EXISTING, NULL, &f->err);
	assert_null(s);
	if (!strstr(f->err.msg.ptr, "n'est pas une base numeco"))
		fail_msg("unexpected message: %s", f->err.msg.ptr);
	char v[64];
	raw_query(f->tmp.path, "SELECT count(*) FROM sqlite_master", v, sizeof(v));
	assert_string_equal(v, "1");
}

static void test_missing_file(void **state)
{
	struct fixture *f = *state;
	struct store *s = store_open(f->tmp.path, STORE_OPEN_EXISTING, NULL, &f->err);
	assert_null(s);
	char want[200];
	snprintf(want, sizeof(want), "base introuvable : %s (créez-la avec « numeco init »)",
		 f->tmp.path);
	assert_string_equal(f->err.msg.ptr, want);
	assert_int_equal(access(f->tmp.path, F_OK), -1); /* not created */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latest_at_least_three),
		cmocka_unit_test_setup_teardown(test_fresh_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreign_keys_on, setup, teardown),
		cmocka_unit_test_setup_teardown(test_upgrade_keeps_data, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_migration_rolls_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_file_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_sqlite_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
