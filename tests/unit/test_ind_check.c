/* test_ind_check.c: checking an entered value (range, jumps from the
 * previous year, confirming comment), the gap to the target, and the
 * French formatting of values with their unit. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "indicators/ind.h"
#include "support.h"

#define NBSP  "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

static struct ind_def def(const char *unit, enum ind_kind kind, enum ind_rule rule)
{
	struct ind_def d;
	memset(&d, 0, sizeof(d));
	d.code = (char *)"x";
	d.label = (char *)"X";
	d.unit = (char *)unit;
	d.kind = kind;
	d.rule = rule;
	d.weight_code = (char *)"";
	return d;
}

static enum ind_check check(const struct ind_def *d, double v, int has_prev, double prev,
			    const char *comment, const char *want)
{
	struct buf why = BUF_INIT;
	buf_adds(&why, "old text");
	enum ind_check r = ind_check_value(d, v, has_prev, prev, comment, &why);
	if (want)
		assert_string_equal(why.ptr, want);
	else if (r == IND_CHECK_OK)
		assert_string_equal(why.ptr, "");
	buf_free(&why);
	return r;
}

static void test_range(void **state)
{
	(void)state;
	struct ind_def d = def("%", IND_KIND_SHARE, IND_RULE_MEAN);
	d.has_min = d.has_max = 1;
	d.min = 0;
	d.max = 100;
	assert_int_equal(check(&d, 0, 0, 0, NULL, NULL), IND_CHECK_OK);
	assert_int_equal(check(&d, 100, 0, 0, NULL, NULL), IND_CHECK_OK);
	assert_int_equal(check(&d, 27.5, 0, 0, "", NULL), IND_CHECK_OK);
	assert_int_equal(check(&d, 100.5, 0, 0, NULL,
			       "valeur 100,5 % supérieure au maximum 100 % (valeurs admises : de "
			       "0 à 100 %)"),
			 IND_CHECK_RANGE);
	assert_int_equal(check(&d, -0.5, 0, 0, NULL,
			       "valeur -0,5 % inférieure au minimum 0 % (valeurs admises : de 0 à "
			       "100 %)"),
			 IND_CHECK_RANGE);
	/* A comment does not make an out-of-range value acceptable. */
	assert_int_equal(check(&d, 150, 1, 100, "vraiment", NULL), IND_CHECK_RANGE);
	assert_int_equal(check(&d, NAN, 0, 0, NULL, "valeur non numérique"), IND_CHECK_RANGE);
	assert_int_equal(check(&d, INFINITY, 0, 0, NULL, NULL), IND_CHECK_RANGE);

	/* Only a minimum. */
	struct ind_def p = def("postes", IND_KIND_NUMBER, IND_RULE_SUM);
	p.has_min = 1;
	assert_int_equal(check(&p, 1e12, 0, 0, NULL, NULL), IND_CHECK_OK);
	assert_int_equal(
		check(&p, -1, 0, 0, NULL, "valeur -1 postes inférieure au minimum 0 postes"),
		IND_CHECK_RANGE);
	/* No range at all. */
	struct ind_def free_def = def("", IND_KIND_RATIO, IND_RULE_MEAN);
	assert_int_equal(check(&free_def, -1e9, 0, 0, NULL, NULL), IND_CHECK_OK);
}

static void test_jumps(void **state)
{
	(void)state;
	struct ind_def d = def("postes", IND_KIND_NUMBER, IND_RULE_SUM);
	d.has_min = 1;
	/* Exactly ×3 and ÷3 are accepted; just beyond is a jump. */
	assert_int_equal(check(&d, 300, 1, 100, NULL, NULL), IND_CHECK_OK);
	assert_int_equal(check(&d, 300.001, 1, 100, NULL,
			       "valeur 300,001 postes plus de 3 fois plus grande que celle de "
			       "l'année précédente (100 postes) : ajoutez un commentaire qui "
			       "confirme la valeur"),
			 IND_CHECK_NEEDS_COMMENT);
	assert_int_equal(check(&d, 100, 1, 300, NULL, NULL), IND_CHECK_OK);
	assert_int_equal(check(&d, 99.999, 1, 300, NULL,
			       "valeur 99,999 postes plus de 3 fois plus petite que celle de "
			       "l'année précédente (300 postes) : ajoutez un commentaire qui "
			       "confirme la valeur"),
			 IND_CHECK_NEEDS_COMMENT);
	/* Binary rounding does not make exactly ×3 a jump (0,3 after 0,1). */
	assert_int_equal(check(&d, 0.3, 1, 0.1, NULL, NULL), IND_CHECK_OK);
	assert_int_equal(check(&d, 0.9, 1, 0.3, NULL, NULL), IND_CHECK_OK);
	assert_int_equal(check(&d, 0.1, 1, 0.3, NULL, NULL), IND_CHECK_OK);
	/* From 0 any value is accepted; to 0 from a positive value is a jump. */
	assert_int_equal(check(&d, 5000, 1, 0, NULL, NULL), IND_CHECK_OK);
	assert_int_equal(check(&d, 0, 1, 10, NULL, NULL), IND_CHECK_NEEDS_COMMENT);
	/* No previous value: no jump. */
	assert_int_equal(check(&d, 5000, 0, 10, NULL, NULL), IND_CHECK_OK);
	/* A comment confirms; a blank one does not. */
	assert_int_equal(check(&d, 5000, 1, 10, "fusion de deux directions", NULL), IND_CHECK_OK);
	assert_int_equal(check(&d, 5000, 1, 10, " \t ", NULL), IND_CHECK_NEEDS_COMMENT);
	assert_int_equal(check(&d, 5000, 1, 10, "", NULL), IND_CHECK_NEEDS_COMMENT);
	assert_int_equal(check(&d, 5000, 1, 10, NULL, NULL), IND_CHECK_NEEDS_COMMENT);
}

static void test_gap(void **state)
{
	(void)state;
	struct ind_target up_t[3] = { { 2023, 25 }, { 2024, 35 }, { 2025, 50 } };
	struct ind_def d = def("%", IND_KIND_SHARE, IND_RULE_WMEAN);
	d.better = IND_BETTER_UP;
	d.targets = up_t;
	d.ntargets = 3;
	double gap = 99;
	int met = 9;
	assert_int_equal(ind_gap(&d, 2022, 10, &gap, &met), 0);
	assert_true(gap == 99 && met == 9);
	assert_int_equal(ind_gap(&d, 2023, 30, &gap, &met), 1);
	assert_true(gap == 5);
	assert_int_equal(met, 1);
	assert_int_equal(ind_gap(&d, 2024, 30, &gap, &met), 1);
	assert_true(gap == -5);
	assert_int_equal(met, 0);
	assert_int_equal(ind_gap(&d, 2030, 50, &gap, &met), 1);
	assert_true(gap == 0);
	assert_int_equal(met, 1);

	struct ind_target down_t[1] = { { 2024, 1.5 } };
	struct ind_def pue = def("PUE", IND_KIND_RATIO, IND_RULE_WMEAN);
	pue.better = IND_BETTER_DOWN;
	pue.targets = down_t;
	pue.ntargets = 1;
	assert_int_equal(ind_gap(&pue, 2026, 1.75, &gap, &met), 1);
	assert_true(fabs(gap - 0.25) < 1e-12);
	assert_int_equal(met, 0);
	assert_int_equal(ind_gap(&pue, 2026, 1.5, &gap, &met), 1);
	assert_int_equal(met, 1);
	assert_int_equal(ind_gap(&pue, 2024, 1.2, &gap, &met), 1);
	assert_true(fabs(gap + 0.3) < 1e-12);
	assert_int_equal(met, 1);
	assert_int_equal(ind_gap(&pue, 2023, 1.2, &gap, &met), 0);
}

static void assert_fmt(const struct ind_def *d, int has, double v, const char *want)
{
	struct buf out = BUF_INIT;
	buf_adds(&out, "[");
	ind_fmt_value(&out, d, has, v);
	assert_string_equal(out.ptr + 1, want);
	assert_int_equal(out.ptr[0], '[');
	buf_free(&out);
}

static void test_fmt_value(void **state)
{
	(void)state;
	struct ind_def share = def("%", IND_KIND_SHARE, IND_RULE_WMEAN);
	assert_fmt(&share, 1, 27.5, "27,5" NBSP "%");
	assert_fmt(&share, 1, 27.456, "27,46" NBSP "%");
	assert_fmt(&share, 1, 100, "100" NBSP "%");
	assert_fmt(&share, 1, 0, "0" NBSP "%");
	assert_fmt(&share, 1, 33.3333333, "33,33" NBSP "%");
	assert_fmt(&share, 1, 20.999, "21" NBSP "%");
	assert_fmt(&share, 0, 12, "—");
	struct ind_def count = def("postes", IND_KIND_NUMBER, IND_RULE_SUM);
	assert_fmt(&count, 1, 12345, "12" NNBSP "345" NBSP "postes");
	assert_fmt(&count, 1, 1234567, "1" NNBSP "234" NNBSP "567" NBSP "postes");
	assert_fmt(&count, 1, 999, "999" NBSP "postes");
	struct ind_def ghg = def("tCO2e", IND_KIND_NUMBER, IND_RULE_SUM);
	assert_fmt(&ghg, 1, 1234.567, "1" NNBSP "234,57" NBSP "tCO2e");
	assert_fmt(&ghg, 1, -2.5, "-2,5" NBSP "tCO2e");
	assert_fmt(&ghg, 1, -0.001, "0" NBSP "tCO2e");
	struct ind_def ratio = def("", IND_KIND_RATIO, IND_RULE_MEAN);
	assert_fmt(&ratio, 1, 1.45, "1,45");
	assert_fmt(&ratio, 1, 1.4, "1,4");
	assert_fmt(&ratio, 0, 1.4, "—");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_jumps),
		cmocka_unit_test(test_gap),
		cmocka_unit_test(test_fmt_value),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
