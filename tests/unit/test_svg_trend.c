/* test_svg_trend.c: the line chart over years and its sparkline
 * (report/svg_trend.c): geometry, gaps, target steps, escaping. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "report/svg.h"

static void assert_has(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("« %s » absent de : %s", needle, hay);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static void test_chart(void **state)
{
	(void)state;
	const int years[] = { 2023, 2024, 2025 };
	const double values[] = { 10, NAN, 30 };
	const char *const texts[] = { "10 %", "", "30 %" };
	const double targets[] = { NAN, 20, 20 };
	const char *const ttexts[] = { "", "20 %", "20 %" };
	struct svg_trend c = {
		"tr-a", "Part <réemploi>", "Valeurs & cibles", 3, years, values, texts, targets,
		ttexts, "Valeur nationale"
	};
	struct buf b = BUF_INIT;
	svg_trend_chart(&b, &c);
	assert_has(b.ptr, "aria-labelledby=\"tr-a-t tr-a-d\"");
	assert_has(b.ptr, "<title id=\"tr-a-t\">Part &lt;réemploi&gt;</title>");
	assert_has(b.ptr, "<desc id=\"tr-a-d\">Valeurs &amp; cibles</desc>");
	/* x: 40, 360, 680; y(v) = 200 − v × 144 / 30. The gap of 2024 breaks
	 * the line into two sub-paths. */
	assert_has(b.ptr, "d=\"M40 152M680 56\"");
	/* The target steps over its years: 2024 from 200, the same 2025 target
	 * goes on to the last year in the same segment; dashed. */
	assert_has(b.ptr, "d=\"M200 104H680\"");
	assert_has(b.ptr, "stroke-dasharray=\"6 4\"");
	/* The target is written once (it does not change), values above
	 * their points, years under the axis. */
	assert_int_equal(count(b.ptr, ">cible 20 %<"), 1);
	assert_has(b.ptr, "<text x=\"40\" y=\"143\" text-anchor=\"middle\">10 %</text>");
	assert_has(b.ptr, "<text x=\"680\" y=\"47\" text-anchor=\"middle\">30 %</text>");
	assert_has(b.ptr, ">2024</text>");
	assert_int_equal(count(b.ptr, "<circle cx="), 3); /* the legend's and two points */
	assert_has(b.ptr, "Cible (tirets)");
	buf_free(&b);

	/* A target that changes steps up at the half-way point between years. */
	const double rising[] = { 25, 35, 35 };
	c.targets = rising;
	svg_trend_chart(&b, &c);
	assert_has(b.ptr, "d=\"M40 97.1H200V56H680\"");
	assert_int_equal(count(b.ptr, ">cible "), 2);
	buf_reset(&b);

	/* Without target: no dashed line, no target legend. */
	c.targets = NULL;
	svg_trend_chart(&b, &c);
	assert_null(strstr(b.ptr, "stroke-dasharray"));
	assert_null(strstr(b.ptr, "Cible"));
	buf_free(&b);
}

static void test_chart_edges(void **state)
{
	(void)state;
	/* One year, nothing at all, negative values: no NaN in coordinates. */
	const int years[] = { 2025, 2026 };
	const double none[] = { NAN, NAN };
	const double neg[] = { -10, 10 };
	const char *const texts[] = { "-10", "10" };
	struct svg_trend c = { "e", "t", "d", 1, years, neg, texts, NULL, NULL, NULL };
	struct buf b = BUF_INIT;
	svg_trend_chart(&b, &c);
	assert_has(b.ptr, "<circle cx=\"360\"");
	buf_reset(&b);
	c.n = 2;
	c.values = none;
	svg_trend_chart(&b, &c);
	svg_sparkline(&b, &c);
	assert_null(strstr(b.ptr, "<path d=\"M4"));
	buf_reset(&b);
	c.values = neg;
	svg_trend_chart(&b, &c);
	/* lo −10, hi 10: 0 sits in the middle of 56–200. */
	assert_has(b.ptr, "<path d=\"M20 128H700\"");
	assert_null(strstr(b.ptr, "nan"));
	assert_null(strstr(b.ptr, "n/d"));
	buf_free(&b);
}

static void test_sparkline(void **state)
{
	(void)state;
	const int years[] = { 2024, 2025 };
	const double values[] = { 1, 2 };
	const double targets[] = { 3, 3 };
	struct svg_trend c = {
		"s", "2024 : 1 ; 2025 : 2 \"cible\"", "", 2, years, values, NULL, NULL, NULL, NULL
	};
	struct buf b = BUF_INIT;
	svg_sparkline(&b, &c);
	assert_has(b.ptr, "role=\"img\" aria-label=\"2024 : 1 ; 2025 : 2 &quot;cible&quot;\"");
	assert_has(b.ptr, "width=\"120\" height=\"32\"");
	assert_has(b.ptr, "<path d=\"M4 28L116 4\"");
	assert_has(b.ptr, "<circle cx=\"116\" cy=\"4\"");
	assert_null(strstr(b.ptr, "<text"));
	buf_reset(&b);
	c.targets = targets;
	svg_sparkline(&b, &c);
	/* Range 1–3: the target at the top, the values below it. */
	assert_has(b.ptr, "d=\"M4 4H116\"");
	assert_has(b.ptr, "<path d=\"M4 28L116 16\"");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chart),
		cmocka_unit_test(test_chart_edges),
		cmocka_unit_test(test_sparkline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
