/* test_ind_consolidate.c: every consolidation rule on plain lists, and the
 * consolidated table: which cells count (collection states, computed
 * cells), completeness, weights from another indicator, computed
 * indicators from facts. Values are computed by hand in the comments. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "indicators/ind.h"
#include "support.h"

#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) <= 1e-9)

static struct ind_result run(enum ind_rule rule, const double *v, const double *w, size_t n)
{
	struct ind_result r;
	memset(&r, 0xAB, sizeof(r));
	r.expected = 11;
	r.validated = 7;
	ind_consolidate(rule, v, w, n, &r);
	/* Left to the caller. */
	assert_int_equal(r.expected, 11);
	assert_int_equal(r.validated, 7);
	return r;
}

static void test_sum_mean_min_max(void **state)
{
	(void)state;
	const double v[] = { 10, 2.5, 40, 0 };
	struct ind_result r = run(IND_RULE_SUM, v, NULL, 4);
	assert_int_equal(r.has_value, 1);
	assert_near(r.value, 52.5);
	assert_int_equal(r.counted, 4);
	assert_int_equal(r.missing_weight, 0);
	assert_near(r.weight_total, 0);
	r = run(IND_RULE_MEAN, v, NULL, 4);
	assert_near(r.value, 13.125); /* 52,5 / 4 */
	assert_int_equal(r.counted, 4);
	r = run(IND_RULE_MIN, v, NULL, 4);
	assert_near(r.value, 0);
	assert_int_equal(r.has_value, 1);
	r = run(IND_RULE_MAX, v, NULL, 4);
	assert_near(r.value, 40);
	const double neg[] = { -3, -1, -7 };
	r = run(IND_RULE_MAX, neg, NULL, 3);
	assert_near(r.value, -1);
	r = run(IND_RULE_MIN, neg, NULL, 3);
	assert_near(r.value, -7);

	/* Nothing counted: no value, for every rule. */
	for (int rule = 0; rule < IND_RULE_N; rule++) {
		r = run((enum ind_rule)rule, NULL, NULL, 0);
		assert_int_equal(r.has_value, 0);
		assert_int_equal(r.counted, 0);
		assert_near(r.value, 0);
	}
	/* One value. */
	const double one[] = { 42 };
	for (int rule = 0; rule < IND_RULE_N; rule++) {
		const double w1[] = { 3 };
		r = run((enum ind_rule)rule, one, rule == IND_RULE_WMEAN ? w1 : NULL, 1);
		assert_int_equal(r.has_value, 1);
		assert_near(r.value, 42);
	}
}

static void test_weighted_mean(void **state)
{
	(void)state;
	/* Shares of refurbished purchases weighted by the purchases:
	 * (20·100 + 50·300 + 10·600) / 1000 = (2000 + 15000 + 6000) / 1000 = 23. */
	const double v[] = { 20, 50, 10 };
	const double w[] = { 100, 300, 600 };
	struct ind_result r = run(IND_RULE_WMEAN, v, w, 3);
	assert_int_equal(r.has_value, 1);
	assert_near(r.value, 23);
	assert_int_equal(r.counted, 3);
	assert_int_equal(r.missing_weight, 0);
	assert_near(r.weight_total, 1000);
	/* The plain mean would be 26,67: the rule matters. */
	r = run(IND_RULE_MEAN, v, NULL, 3);
	assert_near(r.value, 80.0 / 3);

	/* Missing weights (NAN), zero and negative weights leave their value
	 * out, counted in missing_weight: (20·100 + 10·600) / 700 = 8000/700. */
	const double v5[] = { 20, 50, 10, 90, 70 };
	const double w5[] = { 100, NAN, 600, 0, -5 };
	r = run(IND_RULE_WMEAN, v5, w5, 5);
	assert_int_equal(r.has_value, 1);
	assert_near(r.value, 8000.0 / 700);
	assert_int_equal(r.counted, 5);
	assert_int_equal(r.missing_weight, 3);
	assert_near(r.weight_total, 700);

	/* No weight at all: no value, though values were counted. */
	const double wnone[] = { NAN, 0, -1 };
	r = run(IND_RULE_WMEAN, v, wnone, 3);
	assert_int_equal(r.has_value, 0);
	assert_int_equal(r.counted, 3);
	assert_int_equal(r.missing_weight, 3);
	assert_near(r.weight_total, 0);
	r = run(IND_RULE_WMEAN, v, NULL, 3);
	assert_int_equal(r.has_value, 0);
	assert_int_equal(r.missing_weight, 3);
	/* An infinite weight is no weight either. */
	const double winf[] = { INFINITY, 1, 1 };
	r = run(IND_RULE_WMEAN, v, winf, 3);
	assert_near(r.value, 30); /* (50 + 10) / 2 */
	assert_int_equal(r.missing_weight, 1);
}

/* A small catalogue: a count, a share weighted by the count, a computed
 * share of actions, a computed GHG total, computed workstations and a mean
 * lifespan weighted by the computed workstations. */
enum { I_COUNT, I_SHARE, I_ACTIONS, I_KEY, I_GHG, I_WS, I_LIFE, I_N };

static void cat_init(struct ind_catalogue *c)
{
	static const struct {
		const char *code;
		enum ind_kind kind;
		enum ind_rule rule;
		const char *weight;
		enum ind_calc calc;
	} defs[I_N] = {
		{ "achats", IND_KIND_NUMBER, IND_RULE_SUM, "", IND_CALC_NONE },
		{ "part_recond", IND_KIND_SHARE, IND_RULE_WMEAN, "achats", IND_CALC_NONE },
		{ "part_actions", IND_KIND_SHARE, IND_RULE_MEAN, "",
		  IND_CALC_ACTIONS_REALISED_SHARE },
		{ "actions_cles", IND_KIND_NUMBER, IND_RULE_SUM, "", IND_CALC_KEY_ACTIONS },
		{ "empreinte", IND_KIND_NUMBER, IND_RULE_SUM, "", IND_CALC_FP_GHG_T },
		{ "postes", IND_KIND_NUMBER, IND_RULE_SUM, "", IND_CALC_FP_WORKSTATIONS },
		{ "duree", IND_KIND_NUMBER, IND_RULE_WMEAN, "postes", IND_CALC_NONE },
	};
	memset(c, 0, sizeof(*c));
	c->items = xcalloc(I_N, sizeof(*c->items));
	c->n = c->cap = I_N;
	for (int i = 0; i < I_N; i++) {
		struct ind_def *d = &c->items[i];
		d->code = xstrdup(defs[i].code);
		d->label = xstrdup(defs[i].code);
		d->definition = xstrdup("");
		d->unit = xstrdup(defs[i].kind == IND_KIND_SHARE ? "%" : "u");
		d->weight_code = xstrdup(defs[i].weight);
		d->source = xstrdup("");
		d->kind = defs[i].kind;
		d->rule = defs[i].rule;
		d->calc = defs[i].calc;
	}
}

/* A table of 4 ministries (ids 10, 20, 30, 40) for 2023–2025. */
static void table_init(struct ind_table *t, const struct ind_catalogue *c)
{
	ind_table_init(t, c, 4, 2023, 2025);
	for (size_t i = 0; i < 4; i++) {
		t->org_id[i] = (int64_t)(10 * (i + 1));
		struct buf b = BUF_INIT;
		buf_addf(&b, "MIN-%c", (char)('A' + i));
		t->org_code[i] = buf_detach(&b);
		buf_addf(&b, "Ministère %c", (char)('A' + i));
		t->org_name[i] = buf_detach(&b);
	}
}

static void set_state(struct ind_table *t, size_t org, int year, enum ind_state s)
{
	t->state[org * ind_table_nyears(t) + (size_t)(year - t->year_from)] = s;
}

static void test_table_basics(void **state)
{
	(void)state;
	struct ind_catalogue c;
	struct ind_table t;
	cat_init(&c);
	table_init(&t, &c);
	assert_int_equal(ind_table_nyears(&t), 3);
	assert_int_equal(ind_table_org(&t, 30), 2);
	assert_int_equal(ind_table_org(&t, 31), -1);
	assert_int_equal(ind_table_org_code(&t, "MIN-D"), 3);
	assert_int_equal(ind_table_org_code(&t, "MIN-E"), -1);
	assert_int_equal(ind_table_org_code(&t, NULL), -1);
	/* [org][indicator][year] in one block, every cell distinct. */
	assert_int_equal(ind_table_at(&t, 0, 0, 2023), 0);
	assert_int_equal(ind_table_at(&t, 0, 0, 2025), 2);
	assert_int_equal(ind_table_at(&t, 0, 1, 2023), 3);
	assert_int_equal(ind_table_at(&t, 1, 0, 2023), 3 * I_N);
	assert_int_equal(ind_table_at(&t, 3, I_N - 1, 2025), 4 * I_N * 3 - 1);
	for (size_t i = 0; i < 4 * I_N * 3; i++)
		assert_int_equal(t.flags[i], 0);
	for (size_t i = 0; i < 4 * 3; i++)
		assert_int_equal(t.state[i], IND_STATE_BROUILLON);

	/* Counting follows the state at the time of setting. */
	set_state(&t, 1, 2024, IND_STATE_SOUMIS);
	set_state(&t, 2, 2024, IND_STATE_VALIDE);
	ind_table_set(&t, 0, I_COUNT, 2024, 5, 0);
	ind_table_set(&t, 1, I_COUNT, 2024, 6, 0);
	ind_table_set(&t, 2, I_COUNT, 2024, 7, 0);
	ind_table_set(&t, 3, I_COUNT, 2024, 8, 1);
	assert_int_equal(t.flags[ind_table_at(&t, 0, I_COUNT, 2024)], IND_CELL_SET);
	assert_int_equal(t.flags[ind_table_at(&t, 1, I_COUNT, 2024)],
			 IND_CELL_SET | IND_CELL_COUNTS);
	assert_int_equal(t.flags[ind_table_at(&t, 2, I_COUNT, 2024)],
			 IND_CELL_SET | IND_CELL_COUNTS);
	assert_int_equal(t.flags[ind_table_at(&t, 3, I_COUNT, 2024)],
			 IND_CELL_SET | IND_CELL_COMPUTED | IND_CELL_COUNTS);
	assert_near(t.value[ind_table_at(&t, 2, I_COUNT, 2024)], 7);
	ind_table_free(&t);
	assert_null(t.value);
	ind_catalogue_free(&c);

	/* Empty tables are fine. */
	cat_init(&c);
	ind_table_init(&t, &c, 0, 2025, 2024);
	assert_int_equal(ind_table_nyears(&t), 0);
	struct ind_result r;
	ind_table_consolidate(&t, 0, 2024, &r);
	assert_int_equal(r.has_value, 0);
	assert_int_equal(r.expected, 0);
	ind_table_free(&t);
	ind_catalogue_free(&c);
}

static void test_partial_completeness(void **state)
{
	(void)state;
	struct ind_catalogue c;
	struct ind_table t;
	struct ind_result r;
	cat_init(&c);
	table_init(&t, &c);
	/* 2024: A brouillon (not counted), B soumis, C validé, D nothing. */
	set_state(&t, 1, 2024, IND_STATE_SOUMIS);
	set_state(&t, 2, 2024, IND_STATE_VALIDE);
	ind_table_set(&t, 0, I_COUNT, 2024, 1000, 0);
	ind_table_set(&t, 1, I_COUNT, 2024, 100, 0);
	ind_table_set(&t, 2, I_COUNT, 2024, 300, 0);

	ind_table_consolidate(&t, I_COUNT, 2024, &r);
	assert_int_equal(r.has_value, 1);
	assert_near(r.value, 400); /* 100 + 300: the draft's 1000 is left out */
	assert_int_equal(r.expected, 4);
	assert_int_equal(r.counted, 2);
	assert_int_equal(r.validated, 1);
	assert_int_equal(r.missing_weight, 0);

	/* Another year, another indicator: nothing. */
	ind_table_consolidate(&t, I_COUNT, 2023, &r);
	assert_int_equal(r.has_value, 0);
	assert_int_equal(r.expected, 4);
	assert_int_equal(r.counted, 0);
	ind_table_consolidate(&t, I_SHARE, 2024, &r);
	assert_int_equal(r.has_value, 0);
	/* Outside the table: nothing, no crash. */
	ind_table_consolidate(&t, I_COUNT, 2022, &r);
	assert_int_equal(r.has_value, 0);
	assert_int_equal(r.expected, 4);
	ind_table_consolidate(&t, I_N, 2024, &r);
	assert_int_equal(r.has_value, 0);

	/* Computed values count whatever the state, and as validated. */
	ind_table_set(&t, 3, I_COUNT, 2024, 50, 1);
	ind_table_consolidate(&t, I_COUNT, 2024, &r);
	assert_near(r.value, 450);
	assert_int_equal(r.counted, 3);
	assert_int_equal(r.validated, 2);
	ind_table_free(&t);
	ind_catalogue_free(&c);
}

static void test_table_weighted_mean(void **state)
{
	(void)state;
	struct ind_catalogue c;
	struct ind_table t;
	struct ind_result r;
	cat_init(&c);
	table_init(&t, &c);
	for (size_t o = 0; o < 4; o++)
		set_state(&t, o, 2025, IND_STATE_SOUMIS);
	/* A: 20 % of 100 purchases; B: 50 % of 300; C: 10 %, no purchase
	 * count (missing weight); D: 90 % of 0 purchases (zero weight). */
	ind_table_set(&t, 0, I_SHARE, 2025, 20, 0);
	ind_table_set(&t, 0, I_COUNT, 2025, 100, 0);
	ind_table_set(&t, 1, I_SHARE, 2025, 50, 0);
	ind_table_set(&t, 1, I_COUNT, 2025, 300, 0);
	ind_table_set(&t, 2, I_SHARE, 2025, 10, 0);
	ind_table_set(&t, 3, I_SHARE, 2025, 90, 0);
	ind_table_set(&t, 3, I_COUNT, 2025, 0, 0);
	ind_table_consolidate(&t, I_SHARE, 2025, &r);
	assert_int_equal(r.has_value, 1);
	assert_near(r.value, 17000.0 / 400); /* (2000 + 15000) / 400 = 42,5 */
	assert_int_equal(r.expected, 4);
	assert_int_equal(r.counted, 4);
	assert_int_equal(r.validated, 0);
	assert_int_equal(r.missing_weight, 2);
	assert_near(r.weight_total, 400);

	/* A weight that does not count (set while A's collection was a
	 * draft) is no weight: A's share is left out. */
	set_state(&t, 0, 2025, IND_STATE_BROUILLON);
	ind_table_set(&t, 0, I_COUNT, 2025, 100, 0);
	set_state(&t, 0, 2025, IND_STATE_SOUMIS);
	ind_table_consolidate(&t, I_SHARE, 2025, &r);
	assert_near(r.value, 50);
	assert_int_equal(r.missing_weight, 3);
	assert_near(r.weight_total, 300);

	/* No weight at all: no national value, completeness still known. */
	ind_table_set(&t, 1, I_COUNT, 2025, 0, 0);
	ind_table_consolidate(&t, I_SHARE, 2025, &r);
	assert_int_equal(r.has_value, 0);
	assert_int_equal(r.counted, 4);
	assert_int_equal(r.missing_weight, 4);

	/* The sum of the weights indicator itself is unaffected. */
	ind_table_consolidate(&t, I_COUNT, 2025, &r);
	assert_near(r.value, 0);
	assert_int_equal(r.counted, 2); /* B and D; A's was set as a draft */
	ind_table_free(&t);
	ind_catalogue_free(&c);
}

static void test_compute(void **state)
{
	(void)state;
	struct ind_catalogue c;
	struct ind_table t;
	struct ind_result r;
	cat_init(&c);
	table_init(&t, &c);
	struct ind_fact f[] = {
		/* A 2024: roadmap of 8 actions, 2 realised, 3 key; footprint 12 500 kg, 40 posts */
		{ 10, 2024, 1, 8, 2, 3, 1, 12500, 40, 0, 0 },
		/* B 2024: roadmap without actions; no footprint */
		{ 20, 2024, 1, 0, 0, 0, 0, 999, 999, 0, 0 },
		/* C 2024: no roadmap; footprint of 0 kg and 0 posts */
		{ 30, 2024, 0, 5, 5, 5, 1, 0, 0, 0, 0 },
		/* unknown ministry, and a year outside the table: ignored */
		{ 99, 2024, 1, 1, 1, 1, 1, 1, 1, 1, 1 },
		{ 40, 2022, 1, 1, 1, 1, 1, 1, 1, 1, 1 },
		{ 40, 2026, 1, 1, 1, 1, 1, 1, 1, 1, 1 },
	};
	struct ind_fact_list fl = { f, sizeof(f) / sizeof(*f), sizeof(f) / sizeof(*f) };
	ind_table_compute(&t, &fl);

	size_t a = ind_table_at(&t, 0, I_ACTIONS, 2024);
	assert_int_equal(t.flags[a], IND_CELL_SET | IND_CELL_COMPUTED | IND_CELL_COUNTS);
	assert_near(t.value[a], 25);
	assert_near(t.value[ind_table_at(&t, 0, I_KEY, 2024)], 3);
	assert_near(t.value[ind_table_at(&t, 0, I_GHG, 2024)], 12.5);
	assert_near(t.value[ind_table_at(&t, 0, I_WS, 2024)], 40);
	/* B: a share of actions needs an action; key actions are 0; no footprint. */
	assert_int_equal(t.flags[ind_table_at(&t, 1, I_ACTIONS, 2024)], 0);
	assert_int_equal(t.flags[ind_table_at(&t, 1, I_KEY, 2024)],
			 IND_CELL_SET | IND_CELL_COMPUTED | IND_CELL_COUNTS);
	assert_near(t.value[ind_table_at(&t, 1, I_KEY, 2024)], 0);
	assert_int_equal(t.flags[ind_table_at(&t, 1, I_GHG, 2024)], 0);
	assert_int_equal(t.flags[ind_table_at(&t, 1, I_WS, 2024)], 0);
	/* C: no roadmap, a footprint of zero. */
	assert_int_equal(t.flags[ind_table_at(&t, 2, I_ACTIONS, 2024)], 0);
	assert_int_equal(t.flags[ind_table_at(&t, 2, I_KEY, 2024)], 0);
	assert_int_equal(t.flags[ind_table_at(&t, 2, I_GHG, 2024)] & IND_CELL_SET, IND_CELL_SET);
	assert_near(t.value[ind_table_at(&t, 2, I_GHG, 2024)], 0);
	/* Entered indicators untouched; D untouched. */
	for (size_t o = 0; o < 4; o++)
		for (int y = 2023; y <= 2025; y++) {
			assert_int_equal(t.flags[ind_table_at(&t, o, I_COUNT, y)], 0);
			assert_int_equal(t.flags[ind_table_at(&t, o, I_LIFE, y)], 0);
		}
	for (size_t i = 0; i < I_N; i++)
		for (int y = 2023; y <= 2025; y++)
			assert_int_equal(t.flags[ind_table_at(&t, 3, i, y)], 0);

	/* Consolidated: computed values count though every collection is a draft. */
	ind_table_consolidate(&t, I_GHG, 2024, &r);
	assert_near(r.value, 12.5);
	assert_int_equal(r.counted, 2);
	assert_int_equal(r.validated, 2);
	assert_int_equal(r.expected, 4);
	ind_table_consolidate(&t, I_ACTIONS, 2024, &r);
	assert_near(r.value, 25);
	assert_int_equal(r.counted, 1);

	/* A lifespan weighted by computed workstations: A 6 years (40 posts),
	 * C 4 years (0 posts: left out), B 5 years (no posts: left out). */
	set_state(&t, 0, 2024, IND_STATE_VALIDE);
	set_state(&t, 1, 2024, IND_STATE_SOUMIS);
	set_state(&t, 2, 2024, IND_STATE_SOUMIS);
	ind_table_set(&t, 0, I_LIFE, 2024, 6, 0);
	ind_table_set(&t, 1, I_LIFE, 2024, 5, 0);
	ind_table_set(&t, 2, I_LIFE, 2024, 4, 0);
	ind_table_consolidate(&t, I_LIFE, 2024, &r);
	assert_near(r.value, 6);
	assert_int_equal(r.counted, 3);
	assert_int_equal(r.validated, 1);
	assert_int_equal(r.missing_weight, 2);
	assert_near(r.weight_total, 40);

	/* No facts, or no computed indicator: nothing happens. */
	struct ind_fact_list empty = { NULL, 0, 0 };
	ind_table_compute(&t, &empty);
	ind_table_free(&t);
	ind_catalogue_free(&c);
}

/* The benchmark's shape: 1000 ministries × 25 indicators × 10 years, every
 * cell set; consolidating every indicator and year gives exact sums. */
static void test_large_table(void **state)
{
	(void)state;
	struct ind_catalogue c;
	memset(&c, 0, sizeof(c));
	c.items = xcalloc(25, sizeof(*c.items));
	c.n = c.cap = 25;
	for (int i = 0; i < 25; i++) {
		struct buf b = BUF_INIT;
		buf_addf(&b, "i%d", i);
		c.items[i].code = buf_detach(&b);
		c.items[i].weight_code = xstrdup(i % 5 == 1 ? "i0" : "");
		c.items[i].rule = i % 5 == 1 ? IND_RULE_WMEAN : IND_RULE_SUM;
	}
	struct ind_table t;
	ind_table_init(&t, &c, 1000, 2016, 2025);
	for (size_t o = 0; o < 1000; o++) {
		t.org_id[o] = (int64_t)o + 1;
		for (int y = 2016; y <= 2025; y++) {
			t.state[o * 10 + (size_t)(y - 2016)] =
				o % 4 == 0 ? IND_STATE_BROUILLON : IND_STATE_VALIDE;
			for (size_t i = 0; i < 25; i++)
				ind_table_set(&t, o, i, y, (double)(o % 10), 0);
		}
	}
	struct ind_result r;
	for (size_t i = 0; i < 25; i++) {
		for (int y = 2016; y <= 2025; y++) {
			ind_table_consolidate(&t, i, y, &r);
			assert_int_equal(r.expected, 1000);
			assert_int_equal(r.counted, 750);
			assert_int_equal(r.validated, 750);
			if (c.items[i].rule == IND_RULE_SUM) {
				/* Per 20 orgs, o%10 sums to 90, of which 20 in
				 * drafts (o = 0, 4, 8, 12, 16): 50 × 70 = 3500. */
				assert_near(r.value, 3500);
			} else {
				/* Weighted by i0, whose value is the same: Σv²/Σv =
				 * 450/70 per 20 orgs; o = 10 (mod 20) has weight 0. */
				assert_int_equal(r.has_value, 1);
				assert_near(r.value, 450.0 / 70);
				assert_int_equal(r.missing_weight, 50);
				assert_near(r.weight_total, 3500);
			}
		}
	}
	ind_table_free(&t);
	ind_catalogue_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sum_mean_min_max),
		cmocka_unit_test(test_weighted_mean),
		cmocka_unit_test(test_table_basics),
		cmocka_unit_test(test_partial_completeness),
		cmocka_unit_test(test_table_weighted_mean),
		cmocka_unit_test(test_compute),
		cmocka_unit_test(test_large_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
