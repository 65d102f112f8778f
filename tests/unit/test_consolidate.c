/* test_consolidate.c: hand-computed cases for the consolidation of a period, and its footprint part
 * loaded from a store. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "footprint/fp_eval.h"
#include "footprint/fp_ref.h"
#include "plan/consolidate.h"
#include "store/store.h"
#include "store/store_fp.h"
#include "support.h"

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

/* ---- IT fleet footprint ---- */

/* Adds a stored evaluation; unit NULL: no CLIMATE_CHANGE total. Returns its
 * index. */
static size_t add_eval(struct cons_input *in, size_t ministry, const char *org, int year,
		       const char *ref, int64_t physical, int64_t errors, const char *unit,
		       double fab, double dist, double use, double eol)
{
	struct cons_fp_eval e;
	memset(&e, 0, sizeof(e));
	e.ministry = ministry;
	e.org_code = (char *)org;
	e.year = year;
	e.referential = (char *)ref;
	e.physical = physical;
	e.errors = errors;
	e.has_climate = unit != NULL;
	e.climate_unit = (char *)unit;
	e.climate_by_phase[FP_FABRICATION] = fab;
	e.climate_by_phase[FP_DISTRIBUTION] = dist;
	e.climate_by_phase[FP_UTILISATION] = use;
	e.climate_by_phase[FP_FIN_DE_VIE] = eol;
	return cons_input_add_fp_eval(in, &e);
}

static void set_period(struct cons_input *in, const char *period)
{
	free(in->period);
	in->period = strdup(period);
}

static void test_fp_single_ministry(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	set_period(&in, "2022");
	cons_input_add_ministry(&in, "MA", "A", 1, RSTATE_VALIDEE);
	add_eval(&in, 0, "MA", 2022, "numeco-ouvert 2025.1", 6, 1, "kg CO2 eq", 1000, 50, 2500.5,
		 120);
	consolidate(&in, 10, &r);
	assert_int_equal(r.nfp_years, 1);
	const struct cons_fp_year *y = &r.fp_years[0];
	assert_int_equal(y->year, 2022);
	assert_int_equal(y->first_row, 0);
	assert_int_equal(y->nrows, 1);
	const struct cons_fp_row *row = &r.fp_rows[0];
	assert_int_equal(row->ministry, 0);
	assert_int_equal(row->year, 2022);
	assert_int_equal(row->state, CONS_FP_OK);
	assert_int_equal(row->n, 1);
	assert_int_equal(r.fp_evals[row->first], 0);
	assert_int_equal(row->physical, 6);
	assert_int_equal(row->errors, 1);
	assert_true(row->has_unit);
	assert_int_equal(row->unit_eval, 0);
	/* kg CO2 eq / 1 000 = tCO2e. */
	assert_near(row->by_phase_t[FP_FABRICATION], 1.0, 1e-12);
	assert_near(row->by_phase_t[FP_DISTRIBUTION], 0.05, 1e-12);
	assert_near(row->by_phase_t[FP_UTILISATION], 2.5005, 1e-12);
	assert_near(row->by_phase_t[FP_FIN_DE_VIE], 0.12, 1e-12);
	assert_near(row->total_t, 3.6705, 1e-12);
	assert_int_equal(y->ministries_in_total, 1);
	assert_near(y->total_t, 3.6705, 1e-12);
	assert_int_equal(y->physical, 6);
	cons_result_free(&r);
	assert_null(r.fp_rows);
	cons_input_free(&in);
}

/* Two ministries evaluated (added out of order) and one missing, over two
 * years of which one has no evaluation at all. */
static void test_fp_national_total_and_missing(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	set_period(&in, "2022-2023");
	cons_input_add_ministry(&in, "MA", "A", 1, RSTATE_VALIDEE);
	cons_input_add_ministry(&in, "MB", "B", 0, RSTATE_BROUILLON);
	cons_input_add_ministry(&in, "MC", "C", 1, RSTATE_SOUMISE);
	add_eval(&in, 2, "MC", 2022, "g4it 2023", 100, 0, "kg CO2 eq", 20000, 400, 3000, 600);
	add_eval(&in, 0, "MA", 2022, "numeco-ouvert 2025.1", 10, 2, "kg CO2 eq", 1000, 100, 500,
		 50);
	/* Ignored: outside the period, and a ministry index out of range. */
	add_eval(&in, 1, "MB", 2024, "g4it 2023", 5, 0, "kg CO2 eq", 1, 1, 1, 1);
	add_eval(&in, 7, "MZ", 2022, "g4it 2023", 5, 0, "kg CO2 eq", 1, 1, 1, 1);
	consolidate(&in, 10, &r);
	assert_int_equal(r.nfp_years, 2);
	const struct cons_fp_year *y = &r.fp_years[0];
	assert_int_equal(y->year, 2022);
	assert_int_equal(y->nrows, 2);
	/* Ministry order, whatever the input order. */
	assert_int_equal(r.fp_rows[y->first_row].ministry, 0);
	assert_int_equal(r.fp_rows[y->first_row + 1].ministry, 2);
	assert_near(r.fp_rows[y->first_row].total_t, 1.65, 1e-12);
	assert_near(r.fp_rows[y->first_row + 1].total_t, 24.0, 1e-12);
	assert_int_equal(y->ministries_in_total, 2);
	assert_int_equal(y->physical, 110);
	assert_int_equal(y->errors, 2);
	assert_near(y->by_phase_t[FP_FABRICATION], 21.0, 1e-12);
	assert_near(y->by_phase_t[FP_DISTRIBUTION], 0.5, 1e-12);
	assert_near(y->by_phase_t[FP_UTILISATION], 3.5, 1e-12);
	assert_near(y->by_phase_t[FP_FIN_DE_VIE], 0.65, 1e-12);
	assert_near(y->total_t, 25.65, 1e-12);
	/* 2023: the year is there, without rows. */
	y = &r.fp_years[1];
	assert_int_equal(y->year, 2023);
	assert_int_equal(y->nrows, 0);
	assert_int_equal(y->first_row, 2);
	assert_int_equal(y->ministries_in_total, 0);
	assert_true(y->total_t == 0);
	assert_int_equal(r.nfp_rows, 2);
	cons_result_free(&r);
	cons_input_free(&in);
}

static void test_fp_no_evaluation(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	set_period(&in, "2022");
	cons_input_add_ministry(&in, "MA", "A", 1, RSTATE_VALIDEE);
	consolidate(&in, 10, &r);
	assert_int_equal(r.nfp_years, 0);
	assert_null(r.fp_years);
	assert_int_equal(r.nfp_rows, 0);
	assert_null(r.fp_rows);
	cons_result_free(&r);
	/* Evaluations of other years only: none for the period either. */
	add_eval(&in, 0, "MA", 2021, "g4it 2023", 1, 0, "kg CO2 eq", 1, 1, 1, 1);
	add_eval(&in, 0, "MA", 2023, "g4it 2023", 1, 0, "kg CO2 eq", 1, 1, 1, 1);
	consolidate(&in, 10, &r);
	assert_int_equal(r.nfp_years, 0);
	cons_result_free(&r);
	/* A period that does not parse gives no footprint part. */
	set_period(&in, "");
	add_eval(&in, 0, "MA", 2022, "g4it 2023", 1, 0, "kg CO2 eq", 1, 1, 1, 1);
	consolidate(&in, 10, &r);
	assert_int_equal(r.nfp_years, 0);
	cons_result_free(&r);
	cons_input_free(&in);
}

/* Rows without a usable figure: no CLIMATE_CHANGE, a unit that is not a mass
 * of CO2 equivalent, a licensed referential. They keep their counts but stay
 * out of the national total; tonnes are taken as they are. */
static void test_fp_states(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	set_period(&in, "2025");
	cons_input_add_ministry(&in, "MA", "A", 1, RSTATE_VALIDEE);
	cons_input_add_ministry(&in, "MB", "B", 1, RSTATE_VALIDEE);
	cons_input_add_ministry(&in, "MC", "C", 1, RSTATE_VALIDEE);
	cons_input_add_ministry(&in, "MD", "D", 1, RSTATE_VALIDEE);
	cons_input_add_ministry(&in, "ME", "E", 1, RSTATE_VALIDEE);
	add_eval(&in, 0, "MA", 2025, "eau 1", 40, 40, NULL, 0, 0, 0, 0);
	size_t bad = add_eval(&in, 1, "MB", 2025, "bizarre 1", 3, 0, "m3", 10, 10, 10, 10);
	size_t lic = add_eval(&in, 2, "MC", 2025, "lic 1", 7, 0, "kg CO2 eq", 900, 9, 90, 1);
	in.fp_evals[lic].licensed = 1;
	in.fp_evals[lic].licence_owner_id = 42;
	add_eval(&in, 3, "MD", 2025, "tonnes 1", 2, 0, "t CO2 eq", 1.5, 0.25, 2, 0.25);
	add_eval(&in, 4, "ME", 2025, "g4it 2023", 8, 1, "kgCO2e", 4000, 0, 0, 0);
	consolidate(&in, 10, &r);
	assert_int_equal(r.nfp_years, 1);
	assert_int_equal(r.fp_years[0].nrows, 5);
	const struct cons_fp_row *rows = r.fp_rows;
	assert_int_equal(rows[0].state, CONS_FP_NO_CLIMATE);
	assert_false(rows[0].has_unit);
	assert_int_equal(rows[0].physical, 40);
	assert_int_equal(rows[0].errors, 40);
	assert_true(rows[0].total_t == 0);
	assert_int_equal(rows[1].state, CONS_FP_BAD_UNIT);
	assert_true(rows[1].has_unit);
	assert_int_equal(rows[1].unit_eval, bad);
	assert_true(rows[1].total_t == 0 && rows[1].by_phase_t[FP_FABRICATION] == 0);
	assert_int_equal(rows[2].state, CONS_FP_LICENSED);
	assert_false(rows[2].has_unit);
	assert_int_equal(rows[2].physical, 7);
	assert_true(rows[2].total_t == 0 && rows[2].by_phase_t[FP_FABRICATION] == 0);
	assert_int_equal(rows[3].state, CONS_FP_OK);
	assert_near(rows[3].total_t, 4.0, 1e-12);
	assert_int_equal(rows[4].state, CONS_FP_OK);
	assert_near(rows[4].total_t, 4.0, 1e-12);
	const struct cons_fp_year *y = &r.fp_years[0];
	assert_int_equal(y->ministries_in_total, 2);
	assert_int_equal(y->physical, 10);
	assert_int_equal(y->errors, 1);
	assert_near(y->total_t, 8.0, 1e-12);
	cons_result_free(&r);

	/* A caller whose actor may see the licensed values clears the flag. */
	in.fp_evals[lic].licensed = 0;
	consolidate(&in, 10, &r);
	assert_int_equal(r.fp_rows[2].state, CONS_FP_OK);
	assert_near(r.fp_rows[2].total_t, 1.0, 1e-12);
	assert_int_equal(r.fp_years[0].ministries_in_total, 3);
	cons_result_free(&r);
	cons_input_free(&in);
}

/* A ministry's own evaluation is its figure; without one, those of its
 * directions are summed, by organisation code; one direction without the
 * criterion leaves the ministry without a figure. */
static void test_fp_directions(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result r;
	cons_input_init(&in);
	set_period(&in, "2022-2024");
	cons_input_add_ministry(&in, "MA", "A", 1, RSTATE_VALIDEE);
	size_t d2 = add_eval(&in, 0, "MA-DIR2", 2022, "g4it 2023", 3, 1, "kg CO2 eq", 300, 0, 0, 0);
	size_t d1 = add_eval(&in, 0, "MA-DIR1", 2022, "numeco-ouvert 2025.1", 2, 0, "kg CO2 eq",
			     200, 0, 100, 0);
	add_eval(&in, 0, "MA-DIR1", 2023, "g4it 2023", 50, 0, "kg CO2 eq", 5000, 0, 0, 0);
	size_t own = add_eval(&in, 0, "MA", 2023, "g4it 2023", 9, 0, "kg CO2 eq", 900, 0, 0, 0);
	add_eval(&in, 0, "MA-DIR1", 2024, "g4it 2023", 1, 0, "kg CO2 eq", 100, 0, 0, 0);
	add_eval(&in, 0, "MA-DIR2", 2024, "eau 1", 1, 0, NULL, 0, 0, 0, 0);
	consolidate(&in, 10, &r);
	assert_int_equal(r.nfp_years, 3);
	assert_int_equal(r.nfp_rows, 3);
	const struct cons_fp_row *row = &r.fp_rows[0];
	assert_int_equal(row->year, 2022);
	assert_int_equal(row->n, 2);
	assert_int_equal(r.fp_evals[row->first], d1);
	assert_int_equal(r.fp_evals[row->first + 1], d2);
	assert_int_equal(row->physical, 5);
	assert_int_equal(row->errors, 1);
	assert_near(row->by_phase_t[FP_FABRICATION], 0.5, 1e-12);
	assert_near(row->total_t, 0.6, 1e-12);
	row = &r.fp_rows[1];
	assert_int_equal(row->year, 2023);
	assert_int_equal(row->n, 1);
	assert_int_equal(r.fp_evals[row->first], own);
	assert_near(row->total_t, 0.9, 1e-12);
	row = &r.fp_rows[2];
	assert_int_equal(row->year, 2024);
	assert_int_equal(row->n, 2);
	assert_int_equal(row->state, CONS_FP_NO_CLIMATE);
	assert_int_equal(row->physical, 2);
	assert_int_equal(r.fp_years[2].ministries_in_total, 0);
	cons_result_free(&r);
	cons_input_free(&in);
}

/* ---- the footprint part as the store loads it ---- */

/* A tiny referential: one criterion (CLIMATE_CHANGE in kg CO2 eq, or water
 * use in m3), laptops with factors for every phase but use, and the French
 * electricity mix. */
static struct fp_ref *mini_ref(const char *name, int climate)
{
	struct fp_ref *r = fp_ref_new(name, "1");
	if (climate)
		assert_int_equal(
			fp_ref_add_crit(r, "CLIMATE_CHANGE", "Climate change", "kg CO2 eq"), 0);
	else
		assert_int_equal(fp_ref_add_crit(r, "WATER_USE", "Water use", "m3"), 0);
	struct fp_item *it = fp_ref_item_get(r, "pc");
	ts_set(&it->category, "Laptop");
	it->has_avg_kwh = 1;
	it->avg_kwh = 20;
	it->has[0][FP_FABRICATION] = it->has[0][FP_DISTRIBUTION] = it->has[0][FP_FIN_DE_VIE] = 1;
	it->f[0][FP_FABRICATION] = 100;
	it->f[0][FP_DISTRIBUTION] = 10;
	it->f[0][FP_FIN_DE_VIE] = 5;
	struct fp_item_type *t = fp_ref_type_get(r, "Laptop");
	t->has_lifespan = 1;
	t->lifespan = 4;
	ts_set(&t->default_item, "pc");
	struct fp_mix *m = fp_ref_mix_get(r, "France");
	m->has[0] = 1;
	m->f[0] = 0.05;
	return r;
}

static struct fp_summary *mini_run(const struct fp_ref *ref, const char *phys)
{
	struct fp_run_opts o;
	memset(&o, 0, sizeof(o));
	o.lifespan = FP_LIFESPAN_REAL;
	strcpy(o.date, "2024-01-01");
	o.physical = phys;
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	struct fp_summary *s = fp_run(ref, &o, &d, &err);
	if (!s) {
		ts_dump_diags(&d);
		fail_msg("fp_run failed: %s", err.msg.ptr);
	}
	diags_free(&d);
	err_free(&err);
	return s;
}

/* The summary's "total" value of criterion 0 for phase p. */
static double mini_total(const struct fp_summary *sum, enum fp_phase p)
{
	double v = 0;
	for (size_t i = 0; i < fp_summary_nrows(sum); i++) {
		struct fp_agg_row row;
		fp_summary_row(sum, i, &row);
		if (strcmp(row.dim, "total") == 0 && row.crit == 0 && row.phase == p)
			v += row.value;
	}
	return v;
}

static void assert_eval(const struct cons_input *in, size_t i, const char *ministry,
			const char *org, int year, const char *ref, int licensed,
			const struct fp_summary *sum, int climate)
{
	assert_true(i < in->nfp_evals);
	const struct cons_fp_eval *e = &in->fp_evals[i];
	assert_true(e->ministry < in->nministries);
	assert_string_equal(in->ministries[e->ministry].code, ministry);
	assert_string_equal(e->org_code, org);
	assert_int_equal(e->year, year);
	assert_string_equal(e->referential, ref);
	assert_int_equal(e->licensed, licensed);
	assert_int_equal(e->physical, 1);
	assert_int_equal(e->errors, 0);
	assert_int_equal(e->has_climate, climate);
	assert_string_equal(e->climate_unit, climate ? "kg CO2 eq" : "");
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		assert_true(e->climate_by_phase[p] == (climate ? mini_total(sum, p) : 0));
}

static void test_fp_from_store(void **state)
{
	(void)state;
	struct ts_tmpdir tmp;
	struct store *s;
	struct err err;
	unsetenv("NUMECO_NOW");
	assert_int_equal(ts_store_setup(&tmp, &s, &err, "consfp", NULL), 0);
	ts_org_add(s, "MISSION", "Mission", ORG_MISSION, "", NULL, &err);
	int64_t min_b;
	ts_org_add(s, "MIN-A", "Ministère A", ORG_MINISTERE, "", NULL, &err);
	ts_org_add(s, "MIN-A-SG", "Secrétariat général", ORG_DIRECTION, "MIN-A", NULL, &err);
	ts_org_add(s, "MIN-A-DNUM", "Direction du numérique", ORG_DIRECTION, "MIN-A", NULL, &err);
	ts_org_add(s, "MIN-B", "Ministère B", ORG_MINISTERE, "", &min_b, &err);
	ts_org_add(s, "MIN-C", "Ministère C", ORG_MINISTERE, "", NULL, &err);
	ts_org_add(s, "MIN-D", "Ministère D", ORG_MINISTERE, "", NULL, &err);

	struct fp_ref *mini = mini_ref("mini", 1), *eau = mini_ref("eau", 0),
		      *lic = mini_ref("lic", 1);
	int64_t mini_id, eau_id, lic_id;
	TS_OK(&err, store_ref_save(s, mini, "", 0, "", "cli:test", 0, &mini_id, &err));
	TS_OK(&err, store_ref_save(s, eau, "", 0, "", "cli:test", 0, &eau_id, &err));
	TS_OK(&err, store_ref_save(s, lic, "Licence", 1, "MIN-B", "cli:test", 0, &lic_id, &err));
	char phys[256];
	snprintf(phys, sizeof(phys), "%s/phys.csv", tmp.dir);
	FILE *fp = fopen(phys, "wb");
	assert_non_null(fp);
	fputs("nomEquipementPhysique;type;quantite;paysDUtilisation;dateAchat\n"
	      "p1;Laptop;2;France;2020-01-01\n",
	      fp);
	fclose(fp);
	struct fp_summary *s_mini = mini_run(mini, phys), *s_eau = mini_run(eau, phys),
			  *s_lic = mini_run(lic, phys);
	assert_true(mini_total(s_mini, FP_FABRICATION) > 0);

	static const struct {
		const char *org;
		int year;
		int ref; /* 0 mini, 1 eau, 2 lic */
	} evals[] = {
		{ "MIN-A-SG", 2022, 0 },   { "MIN-A-DNUM", 2022, 0 }, { "MIN-A", 2023, 0 },
		{ "MIN-A-DNUM", 2023, 0 }, { "MIN-B", 2022, 2 },      { "MIN-C", 2022, 1 },
		{ "MISSION", 2022, 0 },	   { "MIN-A", 2021, 0 },      { "MIN-D", 2024, 0 },
	};
	const int64_t ids[] = { mini_id, eau_id, lic_id };
	const struct fp_summary *sums[] = { s_mini, s_eau, s_lic };
	for (size_t i = 0; i < sizeof(evals) / sizeof(evals[0]); i++) {
		int64_t id;
		TS_OK(&err,
		      store_fp_save(s, evals[i].org, evals[i].year, ids[evals[i].ref],
				    FP_LIFESPAN_REAL, sums[evals[i].ref], "cli:test", &id, &err));
	}

	/* National: the evaluations of the period's years, ministries' trees
	 * only (not the mission), by ministry, year, organisation. */
	struct cons_input in;
	struct cons_result r;
	TS_OK(&err, store_load_consolidation(s, "2022-2023", NULL, &in, &err));
	assert_int_equal(in.nministries, 4);
	assert_int_equal(in.nfp_evals, 6);
	assert_eval(&in, 0, "MIN-A", "MIN-A-DNUM", 2022, "mini 1", 0, s_mini, 1);
	assert_eval(&in, 1, "MIN-A", "MIN-A-SG", 2022, "mini 1", 0, s_mini, 1);
	assert_eval(&in, 2, "MIN-A", "MIN-A", 2023, "mini 1", 0, s_mini, 1);
	assert_eval(&in, 3, "MIN-A", "MIN-A-DNUM", 2023, "mini 1", 0, s_mini, 1);
	assert_eval(&in, 4, "MIN-B", "MIN-B", 2022, "lic 1", 1, s_lic, 1);
	assert_int_equal(in.fp_evals[4].licence_owner_id, min_b);
	assert_eval(&in, 5, "MIN-C", "MIN-C", 2022, "eau 1", 0, s_eau, 0);
	assert_int_equal(in.fp_evals[5].licence_owner_id, 0);

	consolidate(&in, 10, &r);
	assert_int_equal(r.nfp_years, 2);
	const struct cons_fp_year *y = &r.fp_years[0];
	assert_int_equal(y->nrows, 3);
	const struct cons_fp_row *row = &r.fp_rows[y->first_row];
	double t = 0;
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		t += mini_total(s_mini, p) / 1000;
	assert_int_equal(row->n, 2); /* both directions */
	assert_int_equal(row->state, CONS_FP_OK);
	assert_near(row->total_t, 2 * t, 1e-9);
	assert_int_equal(row[1].state, CONS_FP_LICENSED);
	assert_int_equal(row[2].state, CONS_FP_NO_CLIMATE);
	assert_int_equal(y->ministries_in_total, 1);
	y = &r.fp_years[1];
	assert_int_equal(y->nrows, 1);
	assert_int_equal(r.fp_rows[y->first_row].n, 1); /* the ministry's own */
	assert_near(r.fp_rows[y->first_row].total_t, t, 1e-9);
	cons_result_free(&r);
	cons_input_free(&in);

	/* --org: that ministry's tree only. */
	TS_OK(&err, store_load_consolidation(s, "2022", "MIN-B", &in, &err));
	assert_int_equal(in.nministries, 1);
	assert_int_equal(in.nfp_evals, 1);
	assert_eval(&in, 0, "MIN-B", "MIN-B", 2022, "lic 1", 1, s_lic, 1);
	cons_input_free(&in);
	TS_OK(&err, store_load_consolidation(s, "2022", "MIN-A", &in, &err));
	assert_int_equal(in.nfp_evals, 2);
	cons_input_free(&in);
	TS_OK(&err, store_load_consolidation(s, "2022", "MIN-D", &in, &err));
	assert_int_equal(in.nfp_evals, 0);
	consolidate(&in, 10, &r);
	assert_int_equal(r.nfp_years, 0);
	cons_result_free(&r);
	cons_input_free(&in);

	fp_summary_free(s_mini);
	fp_summary_free(s_eau);
	fp_summary_free(s_lic);
	fp_ref_free(mini);
	fp_ref_free(eau);
	fp_ref_free(lic);
	unlink(phys);
	assert_int_equal(ts_store_teardown(&tmp, s, &err), 0);
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
		cmocka_unit_test(test_fp_single_ministry),
		cmocka_unit_test(test_fp_national_total_and_missing),
		cmocka_unit_test(test_fp_no_evaluation),
		cmocka_unit_test(test_fp_states),
		cmocka_unit_test(test_fp_directions),
		cmocka_unit_test(test_fp_from_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
