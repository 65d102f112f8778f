/* test_perm.c: role decisions (src/core/perm.c), every role against every situation. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/model.h"
#include "core/perm.h"

#define MIN_A 10
#define MIN_B 20
#define DIR_A 11 /* a direction of MIN_A */

/* The actors of every test, in one table. */
enum who {
	LOCAL,	   /* CLI operator without --as */
	ADMIN,	   /* central team */
	REF_A,	   /* référent of MIN_A, attached to MIN_A itself */
	REF_A_DIR, /* référent of MIN_A attached to one of its directions */
	REF_B,	   /* référent of another ministry */
	CORR_A,	   /* correspondant in a direction of MIN_A */
	LECT_A,	   /* lecteur of MIN_A */
	WHO_COUNT
};

static const struct actor actors[WHO_COUNT] = {
	[LOCAL] = { "cli:test", 1, ROLE_LECTEUR, 0, 0 }, /* local wins whatever the role */
	[ADMIN] = { "admin@m", 0, ROLE_ADMIN, 1, 1 },
	[REF_A] = { "ref@a", 0, ROLE_REFERENT, MIN_A, MIN_A },
	[REF_A_DIR] = { "ref2@a", 0, ROLE_REFERENT, DIR_A, MIN_A },
	[REF_B] = { "ref@b", 0, ROLE_REFERENT, MIN_B, MIN_B },
	[CORR_A] = { "corr@a", 0, ROLE_CORRESPONDANT, DIR_A, MIN_A },
	[LECT_A] = { "lect@a", 0, ROLE_LECTEUR, MIN_A, MIN_A },
};

static void test_admin_and_review(void **state)
{
	(void)state;
	static const int admin[WHO_COUNT] = { 1, 1, 0, 0, 0, 0, 0 };
	for (int w = 0; w < WHO_COUNT; w++) {
		if (perm_admin(&actors[w]) != admin[w])
			fail_msg("perm_admin(%s) != %d", actors[w].id, admin[w]);
		if (perm_review(&actors[w]) != admin[w])
			fail_msg("perm_review(%s) != %d", actors[w].id, admin[w]);
	}
}

static void test_edit_roadmap(void **state)
{
	(void)state;
	/* Columns: roadmap of MIN_A, of MIN_B. */
	static const int want[WHO_COUNT][2] = {
		[LOCAL] = { 1, 1 },	[ADMIN] = { 1, 1 }, [REF_A] = { 1, 0 },
		[REF_A_DIR] = { 1, 0 }, [REF_B] = { 0, 1 }, [CORR_A] = { 0, 0 },
		[LECT_A] = { 0, 0 },
	};
	for (int w = 0; w < WHO_COUNT; w++) {
		assert_int_equal(perm_edit_roadmap(&actors[w], MIN_A), want[w][0]);
		assert_int_equal(perm_edit_roadmap(&actors[w], MIN_B), want[w][1]);
	}
	/* A role that is not referent never edits, even inside its ministry. */
	struct actor a = actors[REF_A];
	a.role = ROLE_CORRESPONDANT;
	assert_int_equal(perm_edit_roadmap(&a, MIN_A), 0);
}

/* Expected perm_move for an actor, over every from × to pair of states
 * (B brouillon, S soumise, R relue, V validée). */
static void check_moves(enum who w, int64_t ministry, const int want[RSTATE_COUNT][RSTATE_COUNT])
{
	for (int from = 0; from < RSTATE_COUNT; from++)
		for (int to = 0; to < RSTATE_COUNT; to++)
			if (perm_move(&actors[w], (enum rstate)from, (enum rstate)to, ministry) !=
			    want[from][to])
				fail_msg("perm_move(%s, %s → %s, ministry %lld) != %d",
					 actors[w].id, rstate_code((enum rstate)from),
					 rstate_code((enum rstate)to), (long long)ministry,
					 want[from][to]);
}

static void test_move_table(void **state)
{
	(void)state;
	/* Admins may make any move perm-wise (rstate_can_move decides if it exists). */
	static const int all[RSTATE_COUNT][RSTATE_COUNT] = {
		{ 1, 1, 1, 1 }, { 1, 1, 1, 1 }, { 1, 1, 1, 1 }, { 1, 1, 1, 1 }
	};
	/* The référent of the ministry: submit (B→S) and withdraw (S→B) only. */
	static const int submit[RSTATE_COUNT][RSTATE_COUNT] = {
		/*        B  S  R  V */
		/* B */ { 0, 1, 0, 0 },
		/* S */ { 1, 0, 0, 0 },
		/* R */ { 0, 0, 0, 0 },
		/* V */ { 0, 0, 0, 0 },
	};
	static const int none[RSTATE_COUNT][RSTATE_COUNT] = { { 0 } };
	check_moves(LOCAL, MIN_A, all);
	check_moves(ADMIN, MIN_A, all);
	check_moves(ADMIN, MIN_B, all);
	check_moves(REF_A, MIN_A, submit);
	check_moves(REF_A_DIR, MIN_A, submit);
	check_moves(REF_A, MIN_B, none);
	check_moves(REF_B, MIN_A, none);
	check_moves(REF_B, MIN_B, submit);
	check_moves(CORR_A, MIN_A, none);
	check_moves(LECT_A, MIN_A, none);
}

static void test_state_machine(void **state)
{
	(void)state;
	/* rstate_can_move, the other half of every move decision. */
	static const int can[RSTATE_COUNT][RSTATE_COUNT] = {
		/*        B  S  R  V */
		/* B */ { 0, 1, 0, 0 },
		/* S */ { 1, 0, 1, 0 },
		/* R */ { 1, 0, 0, 1 },
		/* V */ { 1, 0, 0, 0 },
	};
	for (int from = 0; from < RSTATE_COUNT; from++)
		for (int to = 0; to < RSTATE_COUNT; to++)
			if (rstate_can_move((enum rstate)from, (enum rstate)to) != can[from][to])
				fail_msg("rstate_can_move(%s, %s) != %d",
					 rstate_code((enum rstate)from),
					 rstate_code((enum rstate)to), can[from][to]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_admin_and_review),
		cmocka_unit_test(test_edit_roadmap),
		cmocka_unit_test(test_move_table),
		cmocka_unit_test(test_state_machine),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
