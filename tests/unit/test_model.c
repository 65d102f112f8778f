/* test_model.c: unit tests of src/core/model.c (vocabularies, periods, roadmap states, actions). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/model.h"
#include "support.h"

#define THEME_IS(s, want)                                   \
	do {                                                \
		enum theme t_ = THEME_COUNT;                \
		assert_int_equal(theme_parse((s), &t_), 0); \
		assert_int_equal(t_, (want));               \
	} while (0)

static void test_theme_parse(void **state)
{
	(void)state;
	THEME_IS("strategie", THEME_STRATEGIE);
	THEME_IS("Strat\xC3\xA9gie et gouvernance", THEME_STRATEGIE);
	THEME_IS("STRAT\xC3\x89GIE ET GOUVERNANCE", THEME_STRATEGIE);
	THEME_IS("strategie et gouvernance", THEME_STRATEGIE);
	THEME_IS("Sensibilisation et formation", THEME_SENSIBILISATION);
	THEME_IS("ACHATS", THEME_ACHATS);
	THEME_IS("Conception de services num\xC3\xA9riques", THEME_CONCEPTION);
	THEME_IS("conception de services numeriques", THEME_CONCEPTION);
	THEME_IS("Salles serveurs et centres de donn\xC3\xA9"
		 "es",
		 THEME_DATACENTER);
	THEME_IS("datacenter", THEME_DATACENTER);
	THEME_IS("Phase d'usage", THEME_USAGE);
	THEME_IS("phase d\xE2\x80\x99usage", THEME_USAGE);
	THEME_IS("Fin d'usage", THEME_FIN_DE_VIE);
	THEME_IS("fin_de_vie", THEME_FIN_DE_VIE);
	THEME_IS("FIN DE VIE", THEME_FIN_DE_VIE);
	THEME_IS("  achats  ", THEME_ACHATS);

	enum theme t = THEME_USAGE;
	assert_int_equal(theme_parse("inconnu", &t), -1);
	assert_int_equal(t, THEME_USAGE); /* untouched on failure */
	assert_int_equal(theme_parse("", &t), -1);
	assert_int_equal(theme_parse("   ", &t), -1);
	assert_int_equal(theme_parse("achats2", &t), -1);
	assert_int_equal(theme_parse("fin", &t), -1);
	assert_int_equal(t, THEME_USAGE);
}

static void test_level_status_parse(void **state)
{
	(void)state;
	enum level l = LEVEL_COUNT;
	assert_int_equal(level_parse("R\xC3\xA9"
				     "flexion",
				     &l),
			 0);
	assert_int_equal(l, LEVEL_REFLEXION);
	assert_int_equal(level_parse("EXP\xC3\x89RIMENTATION", &l), 0);
	assert_int_equal(l, LEVEL_EXPERIMENTATION);
	assert_int_equal(level_parse("realisation", &l), 0);
	assert_int_equal(l, LEVEL_REALISATION);
	assert_int_equal(level_parse("R\xC3\xA9"
				     "alis\xC3\xA9"
				     "e",
				     &l),
			 -1);
	assert_int_equal(level_parse("niveau 2", &l), -1);

	enum status s = STATUS_COUNT;
	assert_int_equal(status_parse("\xC3\x80 lancer", &s), 0);
	assert_int_equal(s, STATUS_A_LANCER);
	assert_int_equal(status_parse("a lancer", &s), 0);
	assert_int_equal(s, STATUS_A_LANCER);
	assert_int_equal(status_parse("A_LANCER", &s), 0);
	assert_int_equal(s, STATUS_A_LANCER);
	assert_int_equal(status_parse("en cours", &s), 0);
	assert_int_equal(s, STATUS_EN_COURS);
	assert_int_equal(status_parse("R\xC3\xA9"
				      "alis\xC3\xA9"
				      "e",
				      &s),
			 0);
	assert_int_equal(s, STATUS_REALISEE);
	assert_int_equal(status_parse("ABANDONN\xC3\x89"
				      "E",
				      &s),
			 0);
	assert_int_equal(s, STATUS_ABANDONNEE);
	assert_int_equal(status_parse("report\xC3\xA9", &s), 0);
	assert_int_equal(s, STATUS_REPORTEE);
	assert_int_equal(status_parse("termin\xC3\xA9"
				      "e",
				      &s),
			 -1);
	assert_int_equal(s, STATUS_REPORTEE);
}

static void test_other_vocabularies(void **state)
{
	(void)state;
	enum role r;
	assert_int_equal(role_parse("R\xC3\xA9"
				    "f\xC3\xA9rente",
				    &r),
			 0);
	assert_int_equal(r, ROLE_REFERENT);
	assert_int_equal(role_parse("admin", &r), 0);
	assert_int_equal(r, ROLE_ADMIN);
	assert_int_equal(role_parse("superuser", &r), -1);

	enum rstate st;
	assert_int_equal(rstate_parse("Valid\xC3\xA9"
				      "e",
				      &st),
			 0);
	assert_int_equal(st, RSTATE_VALIDEE);

	enum org_kind k;
	assert_int_equal(org_kind_parse("minist\xC3\xA8re", &k), 0);
	assert_int_equal(k, ORG_MINISTERE);

	enum rkind rk;
	assert_int_equal(rkind_parse("Recommandation", &rk), 0);
	assert_int_equal(rk, RKIND_RECOMMANDATION);

	enum iunit u;
	assert_int_equal(iunit_parse("kgCO2e", &u), 0);
	assert_int_equal(u, IUNIT_KGCO2E);
	assert_int_equal(iunit_parse("TCO2E", &u), 0);
	assert_int_equal(u, IUNIT_TCO2E);
	assert_int_equal(iunit_parse("kwh", &u), 0);
	assert_int_equal(u, IUNIT_KWH);
	assert_int_equal(iunit_parse("MWh", &u), 0);
	assert_int_equal(u, IUNIT_MWH);
	assert_int_equal(iunit_parse("GWh", &u), -1);
	assert_true(iunit_is_ghg(IUNIT_KGCO2E));
	assert_true(iunit_is_ghg(IUNIT_TCO2E));
	assert_false(iunit_is_ghg(IUNIT_KWH));
	assert_true(iunit_to_report(IUNIT_KGCO2E, 1500.0) == 1.5);
	assert_true(iunit_to_report(IUNIT_TCO2E, 2.0) == 2.0);
	assert_true(iunit_to_report(IUNIT_KWH, 250.0) == 0.25);
	assert_true(iunit_to_report(IUNIT_MWH, 3.0) == 3.0);
}

/* Every code and every label parses back to its own value. */
static void test_codes_labels_round_trip(void **state)
{
	(void)state;
	for (int i = 0; i < THEME_COUNT; i++) {
		enum theme t;
		assert_int_equal(theme_parse(theme_code((enum theme)i), &t), 0);
		assert_int_equal(t, i);
		assert_int_equal(theme_parse(theme_label((enum theme)i), &t), 0);
		assert_int_equal(t, i);
	}
	for (int i = 0; i < LEVEL_COUNT; i++) {
		enum level l;
		assert_int_equal(level_parse(level_code((enum level)i), &l), 0);
		assert_int_equal(l, i);
		assert_int_equal(level_parse(level_label((enum level)i), &l), 0);
		assert_int_equal(l, i);
	}
	for (int i = 0; i < STATUS_COUNT; i++) {
		enum status s;
		assert_int_equal(status_parse(status_code((enum status)i), &s), 0);
		assert_int_equal(s, i);
		assert_int_equal(status_parse(status_label((enum status)i), &s), 0);
		assert_int_equal(s, i);
	}
	for (int i = 0; i < ROLE_COUNT; i++) {
		enum role r;
		assert_int_equal(role_parse(role_label((enum role)i), &r), 0);
		assert_int_equal(r, i);
	}
	for (int i = 0; i < RSTATE_COUNT; i++) {
		enum rstate s;
		assert_int_equal(rstate_parse(rstate_label((enum rstate)i), &s), 0);
		assert_int_equal(s, i);
	}
	for (int i = 0; i < IUNIT_COUNT; i++) {
		enum iunit u;
		assert_int_equal(iunit_parse(iunit_code((enum iunit)i), &u), 0);
		assert_int_equal(u, i);
	}
	/* The documented codes, which the database and exports rely on. */
	assert_string_equal(theme_code(THEME_FIN_DE_VIE), "fin_de_vie");
	assert_string_equal(theme_label(THEME_DATACENTER),
			    "Salles serveurs et centres de donn\xC3\xA9"
			    "es");
	assert_string_equal(level_code(LEVEL_EXPERIMENTATION), "experimentation");
	assert_string_equal(status_code(STATUS_A_LANCER), "a_lancer");
	assert_string_equal(theme_code((enum theme)THEME_COUNT), "?");
	assert_string_equal(level_label((enum level) - 1), "?");
}

static void test_period_parse(void **state)
{
	(void)state;
	int first = 0, last = 0;
	assert_int_equal(period_parse("2022", &first, &last), 0);
	assert_int_equal(first, 2022);
	assert_int_equal(last, 2022);
	assert_int_equal(period_parse("2023-2025", &first, &last), 0);
	assert_int_equal(first, 2023);
	assert_int_equal(last, 2025);

	const char *bad[] = { "",	   "22",      "202",	   "20222",	     "abcd",
			      "2022-",	   "-2022",   "2025-2023", "2022-2023-2024", "2022 ",
			      "2022/2023", "2023-25", "1999",	   "2101",	     "2O22",
			      "+2022" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		first = last = 7;
		if (period_parse(bad[i], &first, &last) != -1)
			print_error("period_parse(\"%s\") accepted\n", bad[i]);
		assert_int_equal(period_parse(bad[i], &first, &last), -1);
	}
}

static void test_rstate_can_move(void **state)
{
	(void)state;
	/* from (rows) → to (columns): brouillon, soumise, relue, validee */
	static const int allowed[RSTATE_COUNT][RSTATE_COUNT] = {
		{ 0, 1, 0, 0 },
		{ 1, 0, 1, 0 },
		{ 1, 0, 0, 1 },
		{ 1, 0, 0, 0 },
	};
	for (int from = 0; from < RSTATE_COUNT; from++)
		for (int to = 0; to < RSTATE_COUNT; to++)
			assert_int_equal(rstate_can_move((enum rstate)from, (enum rstate)to),
					 allowed[from][to]);
	assert_int_equal(rstate_can_move((enum rstate)RSTATE_COUNT, RSTATE_BROUILLON), 0);
}

static void fill_action(struct action *a)
{
	action_init(a);
	ts_set(&a->ref, "MIN-01");
	ts_set(&a->title, "Allonger la dur\xC3\xA9"
			  "e de vie");
	ts_set(&a->direction, "DNUM");
	ts_set(&a->due_date, "2025-12-31");
	a->theme = THEME_FIN_DE_VIE;
	a->level = LEVEL_REALISATION;
	a->status = STATUS_EN_COURS;
	a->key = 1;
	a->has_budget = 1;
	a->budget_cents = 1200000;
	a->has_impact = 1;
	a->impact_value = 12.5;
	a->impact_unit = IUNIT_TCO2E;
}

static void test_action_init(void **state)
{
	(void)state;
	struct action a;
	action_init(&a);
	assert_string_equal(a.ref, "");
	assert_string_equal(a.comment, "");
	assert_string_equal(a.impact_method, "");
	assert_int_equal(a.id, 0);
	assert_int_equal(a.has_budget, 0);
	action_free(&a);
	assert_null(a.ref);
}

static void test_action_copy_equal(void **state)
{
	(void)state;
	struct action a, b;
	fill_action(&a);
	action_copy(&b, &a);
	assert_true(action_equal(&a, &b));
	assert_ptr_not_equal(a.ref, b.ref); /* deep copy */
	assert_ptr_not_equal(a.title, b.title);
	assert_string_equal(b.title, a.title);

	b.id = 99;
	b.version = 7;
	assert_true(action_equal(&a, &b)); /* store bookkeeping is ignored */

	ts_set(&b.title, "autre");
	assert_false(action_equal(&a, &b));
	action_free(&b);

	action_copy(&b, &a);
	b.theme = THEME_ACHATS;
	assert_false(action_equal(&a, &b));
	b.theme = a.theme;
	b.key = 0;
	assert_false(action_equal(&a, &b));
	b.key = 1;
	b.budget_cents++;
	assert_false(action_equal(&a, &b));
	b.has_budget = a.has_budget = 0; /* amount ignored without a budget */
	assert_true(action_equal(&a, &b));
	b.impact_value = 1.0;
	assert_false(action_equal(&a, &b));
	b.has_impact = a.has_impact = 0;
	assert_true(action_equal(&a, &b));
	ts_set(&b.comment, "x");
	assert_false(action_equal(&a, &b));
	action_free(&b);
	action_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_theme_parse),
		cmocka_unit_test(test_level_status_parse),
		cmocka_unit_test(test_other_vocabularies),
		cmocka_unit_test(test_codes_labels_round_trip),
		cmocka_unit_test(test_period_parse),
		cmocka_unit_test(test_rstate_can_move),
		cmocka_unit_test(test_action_init),
		cmocka_unit_test(test_action_copy_equal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
