/* support.h: helpers shared by the unit tests (tests/unit/test_*.c).
 *
 * Compiled into every unit-test executable (see CMakeLists.txt). Helpers that
 * can fail end the running test with fail_msg, so include cmocka before this
 * header and call them from a test, setup or teardown only.
 */
#ifndef NUMECO_TEST_SUPPORT_H
#define NUMECO_TEST_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/model.h"
#include "core/perm.h"
#include "store/store.h"

/* ---- temporary store files ---- */

/* A fresh directory /tmp/numeco-test-<tag>-XXXXXX and the store file path
 * inside it (dir/numeco.db, not created). */
struct ts_tmpdir {
	char dir[64];
	char path[128];
};

/* Creates the directory; 0, or -1 when mkdtemp fails. */
int ts_tmpdir_make(struct ts_tmpdir *t, const char *tag);
/* Removes the store file with its -wal and -shm companions, then the
 * directory; returns rmdir's result (-1 when something else was left). */
int ts_tmpdir_remove(const struct ts_tmpdir *t);

/* Initialises err, makes t and creates a fresh store in it (*s, opened with
 * STORE_OPEN_CREATE; migrated as for store_open). On failure prints why,
 * cleans up and returns -1. */
int ts_store_setup(struct ts_tmpdir *t, struct store **s, struct err *err, const char *tag,
		   int *migrated);
/* Closes s, frees err and removes t; returns ts_tmpdir_remove's result. */
int ts_store_teardown(struct ts_tmpdir *t, struct store *s, struct err *err);

/* Creates the roadmap of org for period; returns its id (fails the test on
 * error). */
int64_t ts_roadmap_add(struct store *s, int64_t org, const char *period, struct err *err);
/* Adds an action ref (title = ref) with status and key flag at position pos. */
void ts_action_add(struct store *s, int64_t roadmap, int pos, const char *ref, enum status status,
		   int key, struct err *err);

/* Fails the test with err's message when call returns < 0. */
#define TS_OK(err, call)                                                  \
	do {                                                              \
		if ((call) < 0)                                           \
			fail_msg("%s failed: %s", #call, (err)->msg.ptr); \
	} while (0)

/* Fails the test when msg does not contain part. */
void ts_assert_msg_has(const char *msg, const char *part);

/* ---- store fixtures ---- */

/* Adds an organisation, failing the test when the store refuses; id may be NULL. */
void ts_org_add(struct store *s, const char *code, const char *name, enum org_kind kind,
		const char *parent, int64_t *id, struct err *err);
/* Id of the stored organisation code, failing the test when it is not found. */
int64_t ts_org_id(struct store *s, const char *code, struct err *err);
/* Number of audit entries in the store. */
size_t ts_audit_count(struct store *s, struct err *err);

/* Asserts every field of an audit entry; a failure names the field. */
void ts_assert_audit(const struct audit_entry *e, const char *entity, const char *entity_key,
		     const char *op, const char *actor, const char *at, const char *before,
		     const char *after);

/* The people the review and import tests act as, around one ministry A
 * (with a direction) and one ministry B, plus the central mission. */
struct ts_actors {
	struct actor local;  /* cli:test, the CLI operator without --as */
	struct actor admin;  /* admin@m.fr, of the mission */
	struct actor ref_a;  /* ref@a.fr, référent of ministry A */
	struct actor ref_b;  /* ref@b.fr, référent of ministry B */
	struct actor corr_a; /* corr@a.fr, correspondant in A's direction */
	struct actor lect_a; /* lect@a.fr, lecteur of ministry A */
};

void ts_actors_init(struct ts_actors *as, int64_t mission, int64_t min_a, int64_t dir_a,
		    int64_t min_b);

/* ---- actions ---- */

/* Replaces a heap string field of a model struct with a copy of v. */
void ts_set(char **field, const char *v);

/* An action with every field filled: A-01 "Un titre", achats, réalisation,
 * en cours, key, MIN-A-DNUM, 2022-02-01 → 2022-12-31, 1 234,50 €,
 * 12.5 tCO2e... (the row the roadmap template tests parse). */
void ts_action_full(struct action *a);

/* ---- files and diagnostics ---- */

/* The whole file at path (NUL-terminated, length in *len), or NULL when it
 * cannot be opened. Free with free(). */
char *ts_read_file(const char *path, size_t *len);
/* The file name of tests/data ($NUMECO_TEST_DATA), failing the test when missing. */
char *ts_read_data(const char *name, size_t *len);

/* Prints every diagnostic to stderr (to explain a failure). */
void ts_dump_diags(const struct diags *d);

#endif
