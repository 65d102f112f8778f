/* test_consolidate.c: hand-computed cases for the consolidation of a period. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "plan/consolidate.h"

#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))

/* Adds an action with the fields tests care about; impact unit < 0 means none. */
static void add(struct cons_input *in, size_t ministry, const char *ref, enum theme theme,
		enum level level, enum status status, int key, double impact, int unit)
{
	struct cons_action a;
	memset(&a, 0, sizeof(a));
	a.ministry = ministry;
	a.ref = (char *)ref;
	a.title = (char *)"titre";
	a.theme = theme;
	a.level = level;
	a.status = status;
	a.key = key;
	if (unit >= 0) {
		a.has_impact = 1;
		a.impact_value = impact;
		a.impact_unit = (enum iunit)unit;
	}
	a.impact_method = (char *)"";
	cons_input_add_action(in, &a);
}

static void test_empty(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	consolidate(&in, 10, &r);
	assert_int_equal(r.ministries_total, 0);
	assert_int_equal(r.ministries_with_roadmap, 0);
	assert_int_equal(r.actions, 0);
	assert_int_equal(r.realised, 0);
	assert_true(r.share_realised == 0.0);
	assert_int_equal(r.key_actions, 0);
	assert_true(r.key_ghg_t == 0.0);
	assert_true(r.key_energy_mwh == 0.0);
	assert_int_equal(r.budget_cents, 0);
	assert_int_equal(r.ntop_ghg, 0);
	assert_null(r.top_ghg);
	assert_int_equal(r.ntop_cost, 0);
	assert_null(r.top_cost);
	cons_result_free(&r);
	cons_input_free(&in);
}

static void test_ministries_without_actions(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	cons_input_add_ministry(&in, "MA", "A", 1, RSTATE_VALIDEE);
	cons_input_add_ministry(&in, "MB", "B", 0, RSTATE_BROUILLON);
	cons_input_add_ministry(&in, "MC", "C", 1, RSTATE_BROUILLON); /* empty roadmap */
	consolidate(&in, 10, &r);
	assert_int_equal(r.ministries_total, 3);
	assert_int_equal(r.ministries_with_roadmap, 2);
	assert_int_equal(r.actions, 0);
	assert_true(r.share_realised == 0.0);
	for (size_t m = 0; m < 3; m++) {
		assert_int_equal(r.by_ministry[m].ministry, m);
		assert_int_equal(r.by_ministry[m].actions, 0);
	}
	cons_result_free(&r);
	cons_input_free(&in);
}

static void test_counts_and_shares(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	cons_input_add_ministry(&in, "MA", "A", 1, RSTATE_VALIDEE);
	cons_input_add_ministry(&in, "MB", "B", 1, RSTATE_SOUMISE);
	/* MA: 3 actions, 2 realised; MB: 5 actions, 1 realised. */
	add(&in, 0, "A1", THEME_ACHATS, LEVEL_REALISATION, STATUS_REALISEE, 1, 0, -1);
	add(&in, 0, "A2", THEME_ACHATS, LEVEL_REALISATION, STATUS_REALISEE, 0, 0, -1);
	add(&in, 0, "A3", THEME_USAGE, LEVEL_REFLEXION, STATUS_EN_COURS, 0, 0, -1);
	add(&in, 1, "B1", THEME_ACHATS, LEVEL_EXPERIMENTATION, STATUS_A_LANCER, 1, 0, -1);
	add(&in, 1, "B2", THEME_STRATEGIE, LEVEL_REFLEXION, STATUS_REALISEE, 0, 0, -1);
	add(&in, 1, "B3", THEME_FIN_DE_VIE, LEVEL_REALISATION, STATUS_REPORTEE, 1, 0, -1);
	add(&in, 1, "B4", THEME_FIN_DE_VIE, LEVEL_REALISATION, STATUS_ABANDONNEE, 0, 0, -1);
	add(&in, 1, "B5", THEME_ACHATS, LEVEL_REFLEXION, STATUS_EN_COURS, 0, 0, -1);
	consolidate(&in, 10, &r);

	assert_int_equal(r.actions, 8);
	assert_int_equal(r.realised, 3);
	assert_near(r.share_realised, 3.0 / 8.0, 1e-12);
	assert_int_equal(r.key_actions, 3);
	assert_int_equal(r.key_with_estimate, 0);

	assert_int_equal(r.theme_total[THEME_ACHATS], 4);
	assert_int_equal(r.theme_status[THEME_ACHATS][STATUS_REALISEE], 2);
	assert_int_equal(r.theme_status[THEME_ACHATS][STATUS_A_LANCER], 1);
	assert_int_equal(r.theme_status[THEME_ACHATS][STATUS_EN_COURS], 1);
	assert_int_equal(r.theme_total[THEME_FIN_DE_VIE], 2);
	assert_int_equal(r.theme_status[THEME_FIN_DE_VIE][STATUS_REPORTEE], 1);
	assert_int_equal(r.theme_status[THEME_FIN_DE_VIE][STATUS_ABANDONNEE], 1);
	assert_int_equal(r.theme_total[THEME_CONCEPTION], 0);
	size_t sum = 0;
	for (int t = 0; t < THEME_COUNT; t++)
		for (int s = 0; s < STATUS_COUNT; s++)
			sum += r.theme_status[t][s];
	assert_int_equal(sum, 8);

	assert_int_equal(r.level_total[LEVEL_REFLEXION], 3);
	assert_int_equal(r.level_status[LEVEL_REALISATION][STATUS_REALISEE], 2);
	assert_int_equal(r.level_total[LEVEL_EXPERIMENTATION], 1);

	assert_int_equal(r.status_total[STATUS_REALISEE], 3);
	assert_int_equal(r.status_total[STATUS_EN_COURS], 2);
	assert_int_equal(r.status_total[STATUS_A_LANCER], 1);

	assert_int_equal(r.by_ministry[0].actions, 3);
	assert_int_equal(r.by_ministry[0].by_status[STATUS_REALISEE], 2);
	assert_int_equal(r.by_ministry[0].key, 1);
	assert_int_equal(r.by_ministry[1].actions, 5);
	assert_int_equal(r.by_ministry[1].by_status[STATUS_REALISEE], 1);
	assert_int_equal(r.by_ministry[1].key, 2);
	cons_result_free(&r);
	cons_input_free(&in);
}

static void test_units_and_families(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	cons_input_add_ministry(&in, "MA", "A", 1, RSTATE_VALIDEE);
	cons_input_add_ministry(&in, "MB", "B", 1, RSTATE_VALIDEE);
	add(&in, 0, "A1", THEME_ACHATS, LEVEL_REALISATION, STATUS_REALISEE, 1, 500, IUNIT_KGCO2E);
	add(&in, 0, "A2", THEME_ACHATS, LEVEL_REALISATION, STATUS_EN_COURS, 1, 2, IUNIT_TCO2E);
	add(&in, 1, "B1", THEME_USAGE, LEVEL_REALISATION, STATUS_EN_COURS, 1, 1500, IUNIT_KWH);
	add(&in, 1, "B2", THEME_DATACENTER, LEVEL_REALISATION, STATUS_EN_COURS, 1, 3, IUNIT_MWH);
	add(&in, 1, "B3", THEME_USAGE, LEVEL_REALISATION, STATUS_EN_COURS, 1, 250, IUNIT_KGCO2E);
	/* Not key: in no total, but ranked. */
	add(&in, 1, "B4", THEME_USAGE, LEVEL_REALISATION, STATUS_EN_COURS, 0, 10, IUNIT_TCO2E);
	/* Key without estimate. */
	add(&in, 1, "B5", THEME_USAGE, LEVEL_REALISATION, STATUS_EN_COURS, 1, 0, -1);
	consolidate(&in, 10, &r);

	assert_int_equal(r.key_actions, 6);
	assert_int_equal(r.key_with_estimate, 5);
	assert_near(r.key_ghg_t, 0.5 + 2 + 0.25, 1e-9);
	assert_near(r.key_energy_mwh, 1.5 + 3, 1e-9);
	assert_near(r.key_ghg_by_theme_t[THEME_ACHATS], 2.5, 1e-9);
	assert_near(r.key_ghg_by_theme_t[THEME_USAGE], 0.25, 1e-9);
	/* Energy never leaks into GHG totals. */
	assert_true(r.key_ghg_by_theme_t[THEME_DATACENTER] == 0.0);
	assert_near(r.by_ministry[0].ghg_avoided_t, 2.5, 1e-9);
	assert_near(r.by_ministry[1].ghg_avoided_t, 0.25, 1e-9);

	/* Ranking: GHG only, key or not, converted, largest first. */
	assert_int_equal(r.ntop_ghg, 4);
	assert_string_equal(in.actions[r.top_ghg[0].action].ref, "B4");
	assert_near(r.top_ghg[0].value_report, 10, 1e-9);
	assert_string_equal(in.actions[r.top_ghg[1].action].ref, "A2");
	assert_string_equal(in.actions[r.top_ghg[2].action].ref, "A1");
	assert_near(r.top_ghg[2].value_report, 0.5, 1e-9);
	assert_string_equal(in.actions[r.top_ghg[3].action].ref, "B3");
	cons_result_free(&r);
	cons_input_free(&in);
}

static void test_ranking_ties_and_bound(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	/* Input ministries deliberately not in code order for the tie-break. */
	cons_input_add_ministry(&in, "MZ", "Z", 1, RSTATE_VALIDEE);
	cons_input_add_ministry(&in, "MA", "A", 1, RSTATE_VALIDEE);
	add(&in, 0, "Z2", THEME_ACHATS, LEVEL_REALISATION, STATUS_EN_COURS, 0, 1000, IUNIT_KGCO2E);
	add(&in, 0, "Z1", THEME_ACHATS, LEVEL_REALISATION, STATUS_EN_COURS, 0, 1, IUNIT_TCO2E);
	add(&in, 1, "A9", THEME_ACHATS, LEVEL_REALISATION, STATUS_EN_COURS, 0, 1, IUNIT_TCO2E);
	add(&in, 1, "A1", THEME_ACHATS, LEVEL_REALISATION, STATUS_EN_COURS, 0, 5, IUNIT_TCO2E);
	/* Zero, energy and missing estimates are not ranked. */
	add(&in, 1, "A0", THEME_ACHATS, LEVEL_REALISATION, STATUS_EN_COURS, 0, 0, IUNIT_TCO2E);
	add(&in, 1, "AE", THEME_ACHATS, LEVEL_REALISATION, STATUS_EN_COURS, 0, 99, IUNIT_MWH);
	add(&in, 1, "AN", THEME_ACHATS, LEVEL_REALISATION, STATUS_EN_COURS, 0, 0, -1);

	consolidate(&in, 10, &r);
	assert_int_equal(r.ntop_ghg, 4);
	const char *expect[] = { "A1", "A9", "Z1", "Z2" };
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(in.actions[r.top_ghg[i].action].ref, expect[i]);
	cons_result_free(&r);

	consolidate(&in, 2, &r);
	assert_int_equal(r.ntop_ghg, 2);
	assert_string_equal(in.actions[r.top_ghg[0].action].ref, "A1");
	assert_string_equal(in.actions[r.top_ghg[1].action].ref, "A9");
	cons_result_free(&r);

	consolidate(&in, 0, &r);
	assert_int_equal(r.ntop_ghg, 0);
	assert_null(r.top_ghg);
	assert_int_equal(r.actions, 7);
	cons_result_free(&r);
	cons_input_free(&in);
}

static void test_budget_and_bad_values(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	cons_input_add_ministry(&in, "MA", "A", 1, RSTATE_VALIDEE);
	struct cons_action a;
	memset(&a, 0, sizeof(a));
	a.ref = (char *)"R1";
	a.has_budget = 1;
	a.budget_cents = 123456;
	cons_input_add_action(&in, &a);
	a.ref = (char *)"R2";
	a.budget_cents = 99;
	cons_input_add_action(&in, &a);
	a.ref = (char *)"R3";
	a.has_budget = 0;
	a.budget_cents = 1000000; /* not known: ignored */
	a.key = 1;
	a.has_impact = 1;
	a.impact_value = NAN; /* never summed */
	a.impact_unit = IUNIT_TCO2E;
	cons_input_add_action(&in, &a);
	a.ref = (char *)"R4";
	a.impact_value = -3;
	cons_input_add_action(&in, &a);
	a.ref = (char *)"R5";
	a.ministry = 42; /* out of range: national figures only */
	a.impact_value = 1;
	cons_input_add_action(&in, &a);
	consolidate(&in, 10, &r);
	assert_int_equal(r.budget_cents, 123555);
	assert_int_equal(r.actions, 5);
	assert_int_equal(r.by_ministry[0].actions, 4);
	assert_int_equal(r.key_actions, 3);
	assert_int_equal(r.key_with_estimate, 1);
	assert_near(r.key_ghg_t, 1, 1e-12);
	assert_true(r.by_ministry[0].ghg_avoided_t == 0.0);
	assert_int_equal(r.ntop_ghg, 1);
	/* R5 has an estimate but its budget is not known (whatever the cents
	 * say); R1 and R2 have a budget but no estimate. */
	assert_int_equal(r.ntop_cost, 0);
	cons_result_free(&r);
	cons_input_free(&in);
}

/* Like add, with a budget in cents (< 0: unknown). */
static void add_budget(struct cons_input *in, size_t ministry, const char *ref,
		       int64_t budget_cents, double impact, int unit)
{
	add(in, ministry, ref, THEME_ACHATS, LEVEL_REALISATION, STATUS_EN_COURS, 0, impact, unit);
	struct cons_action *a = &in->actions[in->nactions - 1];
	a->has_budget = budget_cents >= 0;
	a->budget_cents = budget_cents >= 0 ? budget_cents : 0;
}

static void test_cost_per_tonne(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	cons_input_add_ministry(&in, "MB", "B", 1, RSTATE_VALIDEE);
	cons_input_add_ministry(&in, "MA", "A", 1, RSTATE_VALIDEE);
	/* 12 000 € / 40 t = 300 €/t. */
	add_budget(&in, 0, "B1", 1200000, 40, IUNIT_TCO2E);
	/* 500 € / 2 500 kgCO2e = 500 € / 2,5 t = 200 €/t (kg converted). */
	add_budget(&in, 1, "A1", 50000, 2500, IUNIT_KGCO2E);
	/* 1 234,50 € / 0,5 t = 2 469 €/t. */
	add_budget(&in, 1, "A2", 123450, 0.5, IUNIT_TCO2E);
	/* Excluded: no budget, budget 0, no estimate, estimate 0, energy,
	 * negative and non-finite estimates. */
	add_budget(&in, 0, "X-no-budget", -1, 100, IUNIT_TCO2E);
	add_budget(&in, 0, "X-zero-budget", 0, 100, IUNIT_TCO2E);
	add_budget(&in, 0, "X-no-estimate", 100000, 0, -1);
	add_budget(&in, 0, "X-zero-estimate", 100000, 0, IUNIT_TCO2E);
	add_budget(&in, 0, "X-energy", 100000, 50, IUNIT_MWH);
	add_budget(&in, 0, "X-energy-kwh", 100000, 50000, IUNIT_KWH);
	add_budget(&in, 0, "X-negative", 100000, -4, IUNIT_TCO2E);
	add_budget(&in, 0, "X-nan", 100000, NAN, IUNIT_TCO2E);
	consolidate(&in, 10, &r);

	assert_int_equal(r.ntop_cost, 3);
	const char *expect[] = { "A1", "B1", "A2" };
	const int64_t budgets[] = { 50000, 1200000, 123450 };
	const double tonnes[] = { 2.5, 40, 0.5 };
	const double ratios[] = { 200, 300, 2469 };
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(in.actions[r.top_cost[i].action].ref, expect[i]);
		assert_int_equal(r.top_cost[i].budget_cents, budgets[i]);
		assert_near(r.top_cost[i].value_t, tonnes[i], 1e-12);
		assert_near(r.top_cost[i].eur_per_t, ratios[i], 1e-9);
	}
	/* The ranking by impact ignores budgets: B1, A1, A2 and the two
	 * actions without a usable budget. */
	assert_int_equal(r.ntop_ghg, 5);
	cons_result_free(&r);
	cons_input_free(&in);
}

static void test_cost_ties_and_bound(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	/* Ministries not in code order, so the tie-break must use codes. */
	cons_input_add_ministry(&in, "MZ", "Z", 1, RSTATE_VALIDEE);
	cons_input_add_ministry(&in, "MA", "A", 1, RSTATE_VALIDEE);
	/* Four actions at exactly 1 000 €/t, one cheaper, one dearer. */
	add_budget(&in, 0, "Z2", 100000, 1, IUNIT_TCO2E);     /* 1 000 € / 1 t */
	add_budget(&in, 0, "Z1", 50000, 500, IUNIT_KGCO2E);   /* 500 € / 0,5 t */
	add_budget(&in, 1, "A9", 200000, 2, IUNIT_TCO2E);     /* 2 000 € / 2 t */
	add_budget(&in, 1, "A1", 400000, 4000, IUNIT_KGCO2E); /* 4 000 € / 4 t */
	add_budget(&in, 0, "Z0", 1000, 10, IUNIT_TCO2E);      /* 10 € / 10 t = 1 €/t */
	add_budget(&in, 1, "A0", 10000000, 1, IUNIT_TCO2E);   /* 100 000 €/t */

	consolidate(&in, 10, &r);
	assert_int_equal(r.ntop_cost, 6);
	const char *expect[] = { "Z0", "A1", "A9", "Z1", "Z2", "A0" };
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(in.actions[r.top_cost[i].action].ref, expect[i]);
	assert_near(r.top_cost[0].eur_per_t, 1, 1e-12);
	for (size_t i = 1; i < 5; i++)
		assert_near(r.top_cost[i].eur_per_t, 1000, 1e-9);
	assert_near(r.top_cost[5].eur_per_t, 100000, 1e-9);
	cons_result_free(&r);

	/* The same top_n bounds both rankings. */
	consolidate(&in, 3, &r);
	assert_int_equal(r.ntop_cost, 3);
	assert_int_equal(r.ntop_ghg, 3);
	assert_string_equal(in.actions[r.top_cost[0].action].ref, "Z0");
	assert_string_equal(in.actions[r.top_cost[1].action].ref, "A1");
	assert_string_equal(in.actions[r.top_cost[2].action].ref, "A9");
	cons_result_free(&r);

	consolidate(&in, 0, &r);
	assert_int_equal(r.ntop_cost, 0);
	assert_null(r.top_cost);
	cons_result_free(&r);
	cons_input_free(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_ministries_without_actions),
		cmocka_unit_test(test_counts_and_shares),
		cmocka_unit_test(test_units_and_families),
		cmocka_unit_test(test_ranking_ties_and_bound),
		cmocka_unit_test(test_budget_and_bad_values),
		cmocka_unit_test(test_cost_per_tonne),
		cmocka_unit_test(test_cost_ties_and_bound),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
