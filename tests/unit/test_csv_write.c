/* test_csv_write.c: unit tests of the guarded CSV text field writer (src/io/csv_write.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "io/csv.h"

/* s written alone as a first field with ';'. */
static void expect_field(const char *s, const char *want)
{
	struct buf out = BUF_INIT;
	csv_write_guarded(&out, s, ';', 1);
	if (strcmp(out.ptr, want))
		fail_msg("csv_write_guarded(\"%s\") wrote [%s], expected [%s]", s ? s : "(null)",
			 out.ptr, want);
	buf_free(&out);
}

static void test_guarded_plain_text(void **state)
{
	(void)state;
	expect_field("simple", "simple");
	expect_field("", "");
	expect_field(NULL, "");
	expect_field("a,b", "a,b");
	expect_field("\xC3\xA9t\xC3\xA9", "\xC3\xA9t\xC3\xA9");
	expect_field("a=b", "a=b"); /* only the first byte matters */
	expect_field("5-3", "5-3");
	expect_field("'=x", "'=x"); /* already an apostrophe: left as it is */
}

/* = + - @ first: a leading apostrophe, so the cell is text. */
static void test_guarded_formula_start(void **state)
{
	(void)state;
	expect_field("=1+1", "'=1+1");
	expect_field("+33 1 23", "'+33 1 23");
	expect_field("-12,5", "'-12,5");
	expect_field("@SUM(A1)", "'@SUM(A1)");
	expect_field("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"");
	expect_field("=a;b", "\"'=a;b\"");
	expect_field("-", "'-");
}

static void test_guarded_quoting_rules(void **state)
{
	(void)state;
	expect_field("a;b", "\"a;b\"");
	expect_field("il dit \"oui\"", "\"il dit \"\"oui\"\"\"");
	expect_field("deux\nlignes", "\"deux\nlignes\"");
	expect_field("cr\r", "\"cr\r\"");
	expect_field(" espace", "\" espace\"");
	expect_field("espace ", "\"espace \"");
	expect_field("\ttab", "\"\ttab\"");
	expect_field("tab\t", "tab\t"); /* as the exports always wrote it */
	expect_field("\"", "\"\"\"\"");
}

/* The delimiter separates fields, and is the one that makes a field quoted. */
static void test_guarded_delimiter_choice(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	csv_write_guarded(&out, "a", ';', 1);
	csv_write_guarded(&out, "=b", ';', 0);
	csv_write_guarded(&out, "", ';', 0);
	csv_write_guarded(&out, NULL, ';', 0);
	csv_write_guarded(&out, "c;d", ';', 0);
	csv_write_end(&out);
	assert_string_equal(out.ptr, "a;'=b;;;\"c;d\"\r\n");

	buf_reset(&out);
	csv_write_guarded(&out, "a,b", ',', 1);
	csv_write_guarded(&out, "a;b", ',', 0);
	csv_write_guarded(&out, "-1", ',', 0);
	csv_write_end(&out);
	assert_string_equal(out.ptr, "\"a,b\",a;b,'-1\r\n");
	buf_free(&out);
}

/* What csv_write_guarded writes, the reader reads back, apostrophe included. */
static void test_guarded_write_read_round_trip(void **state)
{
	(void)state;
	static const char *const fields[] = { "=1+1",	" lead", "trail ", "a;\"b\"",
					      "l1\nl2", "@x",	 "",	   "ok" };
	const size_t n = sizeof(fields) / sizeof(fields[0]);
	struct buf out = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		csv_write_guarded(&out, fields[i], ';', i == 0);
	csv_write_end(&out);
	struct err e = ERR_INIT;
	struct csv_reader *r = csv_open_mem("t.csv", out.ptr, out.len, &e);
	assert_non_null(r);
	assert_int_equal(csv_next(r, &e), 1);
	assert_int_equal(csv_nfields(r), n);
	for (size_t i = 0; i < n; i++) {
		int guarded = fields[i][0] && strchr("=+-@", fields[i][0]);
		assert_string_equal(csv_field(r, i) + guarded, fields[i]);
		if (guarded)
			assert_int_equal(csv_field(r, i)[0], '\'');
	}
	assert_int_equal(csv_next(r, &e), 0);
	csv_close(r);
	err_free(&e);
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_guarded_plain_text),
		cmocka_unit_test(test_guarded_formula_start),
		cmocka_unit_test(test_guarded_quoting_rules),
		cmocka_unit_test(test_guarded_delimiter_choice),
		cmocka_unit_test(test_guarded_write_read_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
