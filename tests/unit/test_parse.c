/* test_parse.c: unit tests of src/io/parse.c (numbers, amounts, dates, yes/no, canonical forms). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "io/parse.h"

/* Macros rather than functions so that a failure names the line of the case. */
#define NUM_OK(s, want)                                                                    \
	do {                                                                               \
		double v_ = -12345.678;                                                    \
		struct err e_ = ERR_INIT;                                                  \
		int rc_ = parse_number((s), &v_, &e_);                                     \
		if (rc_ != 0)                                                              \
			print_error("parse_number(\"%s\"): %s\n", (s), e_.msg.ptr);        \
		assert_int_equal(rc_, 0);                                                  \
		if (v_ != (want))                                                          \
			print_error("parse_number(\"%s\") = %.17g, want %.17g\n", (s), v_, \
				    (double)(want));                                       \
		assert_true(v_ == (want));                                                 \
		err_free(&e_);                                                             \
	} while (0)

#define NUM_BAD(s)                                                                      \
	do {                                                                            \
		double v_ = 7.5;                                                        \
		struct err e_ = ERR_INIT;                                               \
		int rc_ = parse_number((s), &v_, &e_);                                  \
		if (rc_ == 0)                                                           \
			print_error("parse_number(\"%s\") accepted: %.17g\n", (s), v_); \
		assert_int_equal(rc_, -1);                                              \
		assert_true(v_ == 7.5); /* output untouched */                          \
		assert_true(e_.msg.len > 0);                                            \
		err_free(&e_);                                                          \
	} while (0)

#define EUR_OK(s, want)                                                            \
	do {                                                                       \
		int64_t c_ = -1;                                                   \
		struct err e_ = ERR_INIT;                                          \
		int rc_ = parse_euros((s), &c_, &e_);                              \
		if (rc_ != 0)                                                      \
			print_error("parse_euros(\"%s\"): %s\n", (s), e_.msg.ptr); \
		assert_int_equal(rc_, 0);                                          \
		assert_int_equal(c_, (want));                                      \
		err_free(&e_);                                                     \
	} while (0)

#define EUR_BAD(s, msgpart)                                                                      \
	do {                                                                                     \
		int64_t c_ = 42;                                                                 \
		struct err e_ = ERR_INIT;                                                        \
		int rc_ = parse_euros((s), &c_, &e_);                                            \
		if (rc_ == 0)                                                                    \
			print_error("parse_euros(\"%s\") accepted: %lld\n", (s), (long long)c_); \
		assert_int_equal(rc_, -1);                                                       \
		assert_int_equal(c_, 42);                                                        \
		if (!strstr(e_.msg.ptr, (msgpart)))                                              \
			print_error("message \"%s\" lacks \"%s\"\n", e_.msg.ptr, (msgpart));     \
		assert_non_null(strstr(e_.msg.ptr, (msgpart)));                                  \
		err_free(&e_);                                                                   \
	} while (0)

#define DATE_OK(s, want)                                                          \
	do {                                                                      \
		char iso_[11] = "XXXXXXXXXX";                                     \
		struct err e_ = ERR_INIT;                                         \
		int rc_ = parse_date((s), iso_, &e_);                             \
		if (rc_ != 0)                                                     \
			print_error("parse_date(\"%s\"): %s\n", (s), e_.msg.ptr); \
		assert_int_equal(rc_, 0);                                         \
		assert_string_equal(iso_, (want));                                \
		err_free(&e_);                                                    \
	} while (0)

#define DATE_BAD(s)                                                                  \
	do {                                                                         \
		char iso_[11] = "XXXXXXXXXX";                                        \
		struct err e_ = ERR_INIT;                                            \
		int rc_ = parse_date((s), iso_, &e_);                                \
		if (rc_ == 0)                                                        \
			print_error("parse_date(\"%s\") accepted: %s\n", (s), iso_); \
		assert_int_equal(rc_, -1);                                           \
		assert_string_equal(iso_, "XXXXXXXXXX");                             \
		assert_non_null(strstr(e_.msg.ptr, "date"));                         \
		err_free(&e_);                                                       \
	} while (0)

#define BOOL_IS(s, want)                                                          \
	do {                                                                      \
		int b_ = -1;                                                      \
		struct err e_ = ERR_INIT;                                         \
		int rc_ = parse_bool((s), &b_, &e_);                              \
		if (rc_ != 0)                                                     \
			print_error("parse_bool(\"%s\"): %s\n", (s), e_.msg.ptr); \
		assert_int_equal(rc_, 0);                                         \
		assert_int_equal(b_, (want));                                     \
		err_free(&e_);                                                    \
	} while (0)

#define BOOL_BAD(s)                                              \
	do {                                                     \
		int b_ = -1;                                     \
		struct err e_ = ERR_INIT;                        \
		assert_int_equal(parse_bool((s), &b_, &e_), -1); \
		assert_int_equal(b_, -1);                        \
		assert_true(e_.msg.len > 0);                     \
		err_free(&e_);                                   \
	} while (0)

static void test_number_plain(void **state)
{
	(void)state;
	NUM_OK("0", 0.0);
	NUM_OK("42", 42.0);
	NUM_OK("007", 7.0);
	NUM_OK("1234.5", 1234.5);
	NUM_OK("1234,5", 1234.5);
	NUM_OK("-0,25", -0.25);
	NUM_OK("+3", 3.0);
	NUM_OK(",5", 0.5);
	NUM_OK("1.234", 1.234); /* a lone '.' is a decimal point */
	NUM_OK("123456789.123", 123456789.123);
	NUM_OK("\xE2\x88\x92"
	       "5",
	       -5.0);	      /* U+2212 minus sign */
	NUM_OK(" 12 ", 12.0); /* lenient with ASCII spaces at the ends */
}

static void test_number_groups(void **state)
{
	(void)state;
	NUM_OK("1 234,5", 1234.5);
	NUM_OK("1\xC2\xA0"
	       "234,5",
	       1234.5); /* U+00A0 */
	NUM_OK("1\xE2\x80\xAF"
	       "234,5",
	       1234.5); /* U+202F */
	NUM_OK("1'234.5", 1234.5);
	NUM_OK("1\xE2\x80\x99"
	       "234.5",
	       1234.5); /* U+2019 */
	NUM_OK("12 345 678,9", 12345678.9);
	NUM_OK("-1 000 000", -1000000.0);
	NUM_OK("999 999", 999999.0);
	NUM_BAD("1 23");
	NUM_BAD("1 2345");
	NUM_BAD("1234 567");
	NUM_BAD(" 1 234 5");
	NUM_BAD("1 234 ,5");
	NUM_BAD("1  234");
	NUM_BAD("- 12");
	NUM_BAD("1,234 5");
}

static void test_number_exponent(void **state)
{
	(void)state;
	NUM_OK("1,5e3", 1500.0);
	NUM_OK("1.5E3", 1500.0);
	NUM_OK("1e-7", 1e-7);
	NUM_OK("2,5e+2", 250.0);
	NUM_OK("-3E0", -3.0);
	NUM_OK("1e-400", 0.0); /* underflow is a finite value */
	NUM_BAD("1e");
	NUM_BAD("1e+");
	NUM_BAD("e5");
	NUM_BAD("1e5.5");
	NUM_BAD("1e400");
	NUM_BAD("-1e99999999999999999999");
}

static void test_number_refused(void **state)
{
	(void)state;
	NUM_BAD("");
	NUM_BAD("   ");
	NUM_BAD("abc");
	NUM_BAD("12a");
	NUM_BAD("12,3,4");
	NUM_BAD("1.234,5");
	NUM_BAD("1,234.5");
	NUM_BAD("5,");
	NUM_BAD("5.");
	NUM_BAD("-");
	NUM_BAD("--1");
	NUM_BAD("+-1");
	NUM_BAD("inf");
	NUM_BAD("-inf");
	NUM_BAD("INF");
	NUM_BAD("infinity");
	NUM_BAD("nan");
	NUM_BAD("NaN");
	NUM_BAD("0x10");
	NUM_BAD("1,5 \xE2\x82\xAC"); /* a currency is for parse_euros */
	NUM_BAD("12%");
	NUM_BAD("1_000");
}

static void test_number_messages(void **state)
{
	(void)state;
	double v;
	struct err e = ERR_INIT;
	assert_int_equal(parse_number("12,3,4", &v, &e), -1);
	assert_string_equal(e.msg.ptr, "nombre invalide « 12,3,4 » (attendu : 1 234,5 ou 1234.5)");
	assert_int_equal(parse_number("1.234,5", &v, &e), -1);
	assert_non_null(strstr(e.msg.ptr, "ambigu « 1.234,5 »"));
	assert_int_equal(parse_number("", &v, &e), -1);
	assert_non_null(strstr(e.msg.ptr, "manquant"));
	assert_int_equal(parse_number("1e999", &v, &e), -1);
	assert_non_null(strstr(e.msg.ptr, "trop grand"));

	/* Long input is shown cut, visibly, on a character boundary. */
	char longs[200];
	memset(longs, 'x', sizeof(longs) - 1);
	longs[sizeof(longs) - 1] = '\0';
	memcpy(longs + 59, "\xC3\xA9", 2); /* é straddles the cut at 60 */
	assert_int_equal(parse_number(longs, &v, &e), -1);
	assert_non_null(strstr(e.msg.ptr, "…"));
	assert_null(strstr(e.msg.ptr, "\xC3…"));
	assert_true(e.msg.len < 150);
	err_free(&e);
}

static void test_euros(void **state)
{
	(void)state;
	EUR_OK("0", 0);
	EUR_OK("12", 1200);
	EUR_OK("12,5", 1250);
	EUR_OK("12,50", 1250);
	EUR_OK("0,01", 1);
	EUR_OK("-3,07", -307);
	EUR_OK("-0,00", 0);
	EUR_OK("12 000 \xE2\x82\xAC", 1200000);
	EUR_OK("12 000\xE2\x82\xAC", 1200000);
	EUR_OK("12\xC2\xA0"
	       "000,00\xC2\xA0\xE2\x82\xAC",
	       1200000);
	EUR_OK("12\xE2\x80\xAF"
	       "000,00\xE2\x80\xAF\xE2\x82\xAC",
	       1200000);
	EUR_OK("1234.56 EUR", 123456);
	EUR_OK("1234.56eur", 123456);
	EUR_OK("1 234 567,89 \xE2\x82\xAC", 123456789);
	EUR_OK("1,5e3", 150000);
	EUR_OK("1,234e1", 1234);
	EUR_OK("0,5e-1", 5);
	EUR_OK("1e15", 100000000000000000LL);
	EUR_OK("-1e15", -100000000000000000LL);
	EUR_OK("1 000 000 000 000 000,00 \xE2\x82\xAC", 100000000000000000LL);
	EUR_OK("0000000000000000000000012", 1200);
	EUR_OK("0e99999999999", 0);
}

static void test_euros_refused(void **state)
{
	(void)state;
	EUR_BAD("12,345", "deux décimales");
	EUR_BAD("12,500", "deux décimales"); /* not rounded, even with zeros */
	EUR_BAD("0,001", "deux décimales");
	EUR_BAD("1e-3", "deux décimales");
	EUR_BAD("1,2345e1", "deux décimales");
	EUR_BAD("1e16", "hors limites");
	EUR_BAD("1 000 000 000 000 000,01", "hors limites");
	EUR_BAD("99999999999999999999999", "hors limites");
	EUR_BAD("1e99999999999", "hors limites");
	EUR_BAD("", "manquant");
	EUR_BAD("abc", "montant invalide « abc »");
	EUR_BAD("\xE2\x82\xAC"
		"12",
		"invalide");
	EUR_BAD("12 \xE2\x82\xAC 50", "invalide");
	EUR_BAD("12 USD", "invalide");
	EUR_BAD("12 \xE2\x82\xAC\xE2\x82\xAC", "invalide");
	EUR_BAD("inf", "invalide");
	EUR_BAD("1.234,56", "invalide");
	EUR_BAD("12 00", "invalide");
}

static void test_dates(void **state)
{
	(void)state;
	DATE_OK("31/12/2022", "2022-12-31");
	DATE_OK("1/2/2022", "2022-02-01");
	DATE_OK("01/02/2022", "2022-02-01");
	DATE_OK("01-02-2022", "2022-02-01");
	DATE_OK("1-2-2022", "2022-02-01");
	DATE_OK("2022-02-01", "2022-02-01");
	DATE_OK("2022-2-1", "2022-02-01");
	DATE_OK("2022/02/01", "2022-02-01");
	DATE_OK("20220201", "2022-02-01");
	DATE_OK("1900-01-01", "1900-01-01");
	DATE_OK("31/12/2199", "2199-12-31");
	DATE_OK(" 14/07/2023 ", "2023-07-14");
}

static void test_dates_calendar(void **state)
{
	(void)state;
	DATE_OK("29/02/2024", "2024-02-29");
	DATE_OK("29/02/2000", "2000-02-29"); /* divisible by 400 */
	DATE_BAD("29/02/2023");
	DATE_BAD("29/02/1900"); /* divisible by 100, not 400 */
	DATE_BAD("29/02/2100");
	DATE_BAD("30/02/2024");
	DATE_BAD("31/04/2022");
	DATE_BAD("31/06/2022");
	DATE_BAD("31/09/2022");
	DATE_BAD("31/11/2022");
	DATE_OK("31/05/2022", "2022-05-31");
	DATE_BAD("01/13/2022");
	DATE_BAD("13/13/2022");
	DATE_BAD("00/01/2022");
	DATE_BAD("01/00/2022");
	DATE_BAD("2022-13-01");
	DATE_BAD("20221301");
	DATE_BAD("20220230");
	DATE_BAD("31/12/1899");
	DATE_BAD("01/01/2200");
	DATE_BAD("0001-01-01");
}

static void test_dates_syntax(void **state)
{
	(void)state;
	DATE_BAD("");
	DATE_BAD("demain");
	DATE_BAD("01/02/22");
	DATE_BAD("1/2/22");
	DATE_BAD("01/02-2022");
	DATE_BAD("2022-02/01");
	DATE_BAD("123/01/2022");
	DATE_BAD("01/123/2022");
	DATE_BAD("01/01/02022");
	DATE_BAD("2022-02-01T00:00");
	DATE_BAD("01/02/2022 10:00");
	DATE_BAD("2022-02-001");
	DATE_BAD("2022201");
	DATE_BAD("202202011");
	DATE_BAD("01.02.2022");
	DATE_BAD("/01/2022");
	DATE_BAD("01//2022");

	char iso[11];
	struct err e = ERR_INIT;
	assert_int_equal(parse_date("31/02/2022", iso, &e), -1);
	assert_string_equal(e.msg.ptr,
			    "date invalide « 31/02/2022 » (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)");
	assert_int_equal(parse_date("01/01/1850", iso, &e), -1);
	assert_non_null(strstr(e.msg.ptr, "1900"));
	err_free(&e);
}

static void test_bools(void **state)
{
	(void)state;
	const char *yes[] = { "oui",  "OUI", "Oui", "o",    "O",     "yes",
			      "Yes",  "y",   "Y",   "vrai", "VRAI",  "true",
			      "True", "1",   "x",   "X",    " oui ", "\xC3\x94ui" /* Ôui */ };
	const char *no[] = { "non", "NON",  "Non",  "n",     "N",     "no",
			     "NO",  "faux", "Faux", "false", "FALSE", "0" };
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		BOOL_IS(yes[i], 1);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		BOOL_IS(no[i], 0);
	BOOL_BAD("");
	BOOL_BAD("  ");
	BOOL_BAD("peut-être");
	BOOL_BAD("2");
	BOOL_BAD("ouii");
	BOOL_BAD("oui non");
	BOOL_BAD("-1");

	int b;
	struct err e = ERR_INIT;
	assert_int_equal(parse_bool("bof", &b, &e), -1);
	assert_string_equal(e.msg.ptr, "réponse invalide « bof » (attendu : oui ou non)");
	err_free(&e);
}

#define FMT_NUM(v, want)                             \
	do {                                         \
		struct buf b_ = BUF_INIT;            \
		fmt_number_fr(&b_, (v));             \
		assert_string_equal(b_.ptr, (want)); \
		buf_free(&b_);                       \
	} while (0)

static void test_fmt_number(void **state)
{
	(void)state;
	FMT_NUM(0.0, "0");
	FMT_NUM(-0.0, "0");
	FMT_NUM(1.0, "1");
	FMT_NUM(-2.5, "-2,5");
	FMT_NUM(1234.5, "1234,5");
	FMT_NUM(0.1, "0,1");
	FMT_NUM(1e-7, "1e-07");
	FMT_NUM(123456789.123, "123456789,123");
	FMT_NUM(1.0 / 3.0, "0,3333333333333333");
	FMT_NUM(0.1 + 0.2, "0,30000000000000004");
	FMT_NUM(1e21, "1e+21");
	FMT_NUM(INFINITY, "");
	FMT_NUM(NAN, "");

	/* Appends, does not replace. */
	struct buf b = BUF_INIT;
	buf_adds(&b, "x=");
	fmt_number_fr(&b, 2.0);
	assert_string_equal(b.ptr, "x=2");
	buf_free(&b);
}

static void check_round_trip(double v)
{
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;
	double back = NAN;
	fmt_number_fr(&b, v);
	int rc = parse_number(b.ptr, &back, &e);
	if (rc != 0 || back != v)
		print_error("round trip of %.17g via \"%s\" gave %.17g (%s)\n", v, b.ptr, back,
			    e.msg.ptr);
	assert_int_equal(rc, 0);
	assert_true(back == v);
	assert_null(strchr(b.ptr, '.'));
	buf_free(&b);
	err_free(&e);
}

static void test_fmt_number_round_trip(void **state)
{
	(void)state;
	const double values[] = { 0.0,
				  0.1,
				  0.2,
				  0.3,
				  0.1 + 0.2,
				  1e-7,
				  123456789.123,
				  1.0 / 3.0,
				  2.0 / 3.0,
				  3.141592653589793,
				  2.718281828459045,
				  -42.125,
				  1e300,
				  -1e-300,
				  DBL_MAX,
				  -DBL_MAX,
				  DBL_MIN,
				  5e-324,
				  1e15,
				  123456789012345678.0,
				  9007199254740993.0,
				  0.000123,
				  99.99,
				  1234.5,
				  0.5,
				  1e22,
				  1e23 };
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		check_round_trip(values[i]);

	/* Pseudo-random bit patterns: every finite double must survive. */
	uint64_t x = 88172645463325252ULL;
	int checked = 0;
	for (int i = 0; i < 20000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		double v;
		memcpy(&v, &x, sizeof(v));
		if (!isfinite(v))
			continue;
		check_round_trip(v);
		checked++;
	}
	assert_true(checked > 19000);

	/* And decimal values users actually type. */
	for (int i = -5000; i <= 5000; i += 7)
		check_round_trip(i / 100.0);
}

#define FMT_EUR(c, want)                             \
	do {                                         \
		struct buf b_ = BUF_INIT;            \
		fmt_euros_fr(&b_, (c));              \
		assert_string_equal(b_.ptr, (want)); \
		buf_free(&b_);                       \
	} while (0)

static void test_fmt_euros(void **state)
{
	(void)state;
	FMT_EUR(0, "0,00");
	FMT_EUR(5, "0,05");
	FMT_EUR(-5, "-0,05");
	FMT_EUR(100, "1,00");
	FMT_EUR(123450, "1234,50");
	FMT_EUR(-123456, "-1234,56");
	FMT_EUR(100000000000000000LL, "1000000000000000,00");
	FMT_EUR(INT64_MAX, "92233720368547758,07");
	FMT_EUR(INT64_MIN, "-92233720368547758,08");

	const int64_t values[] = { 0,
				   1,
				   -1,
				   99,
				   100,
				   101,
				   123456,
				   -987654321,
				   100000000000000000LL,
				   -100000000000000000LL };
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		struct buf b = BUF_INIT;
		struct err e = ERR_INIT;
		int64_t back = 7;
		fmt_euros_fr(&b, values[i]);
		assert_int_equal(parse_euros(b.ptr, &back, &e), 0);
		assert_int_equal(back, values[i]);
		buf_free(&b);
		err_free(&e);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_plain),
		cmocka_unit_test(test_number_groups),
		cmocka_unit_test(test_number_exponent),
		cmocka_unit_test(test_number_refused),
		cmocka_unit_test(test_number_messages),
		cmocka_unit_test(test_euros),
		cmocka_unit_test(test_euros_refused),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_dates_calendar),
		cmocka_unit_test(test_dates_syntax),
		cmocka_unit_test(test_bools),
		cmocka_unit_test(test_fmt_number),
		cmocka_unit_test(test_fmt_number_round_trip),
		cmocka_unit_test(test_fmt_euros),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
