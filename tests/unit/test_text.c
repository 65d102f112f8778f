/* test_text.c: unit tests of src/core/text.c (folding for lenient matching, UTF-8 checks). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/text.h"

#define FOLD(s, want)                                \
	do {                                         \
		struct buf b_ = BUF_INIT;            \
		text_fold((s), &b_);                 \
		assert_string_equal(b_.ptr, (want)); \
		buf_free(&b_);                       \
	} while (0)

static void test_fold_case_and_accents(void **state)
{
	(void)state;
	FOLD("abc", "abc");
	FOLD("ABC", "abc");
	FOLD("\xC3\x89t\xC3\xA9", "ete");    /* Été */
	FOLD("\xC3\x80 lancer", "a lancer"); /* À lancer */
	FOLD("\xC3\x87"
	     "a \xC3\xA7"
	     "a",
	     "ca ca"); /* Ça ça */
	FOLD("No\xC3\xABl \xC3\xAEle h\xC3\xB4tel", "noel ile hotel");
	FOLD("\xC3\x9B\xC3\xBB\xC3\xB9\xC3\xBC", "uuuu"); /* Ûûùü */
	FOLD("\xC3\xBF\xC5\xB8", "yy");			  /* ÿŸ */
	FOLD("\xC3\xB1", "n");
	FOLD("stra\xC3\x9F"
	     "e",
	     "strasse");
	FOLD("\xC3\x86on \xC3\xA6", "aeon ae");
	FOLD("\xC3\x98"
	     "ster",
	     "oster");
}

static void test_fold_oe(void **state)
{
	(void)state;
	FOLD("\xC5\x92uvre", "oeuvre"); /* Œuvre */
	FOLD("c\xC5\x93ur", "coeur");	/* cœur */
	FOLD("C\xC5\x92UR", "coeur");
	assert_true(text_fold_eq("\xC5\x93uvre", "OEUVRE"));
}

static void test_fold_punctuation(void **state)
{
	(void)state;
	FOLD("Niveau d'engagement vis\xC3\xA9", "niveau d engagement vise");
	FOLD("NIVEAU D ENGAGEMENT VISE", "niveau d engagement vise");
	FOLD("Fin d\xE2\x80\x99usage", "fin d usage"); /* typographic apostrophe */
	FOLD("  --Hello,   World!!  ", "hello world");
	FOLD("fin_de_vie", "fin de vie");
	FOLD("Phase 2 (2023)", "phase 2 2023");
	FOLD("a\xC2\xA0"
	     "b",
	     "a b"); /* no-break space */
	FOLD("a\xE2\x82\xAC"
	     "b",
	     "a b"); /* € is not a letter */
	FOLD("a\tb\nc", "a b c");
	FOLD("", "");
	FOLD("!!! ... ---", "");
	FOLD("\xC3\x97\xC3\xB7", ""); /* × ÷ are not letters */
	assert_true(text_fold_eq("Niveau d'engagement vis\xC3\xA9", "NIVEAU D ENGAGEMENT VISE"));
	assert_true(text_fold_eq(" R\xC3\xA9"
				 "f\xC3\xA9rence ",
				 "reference"));
	assert_false(text_fold_eq("r\xC3\xA9"
				  "f",
				  "ref 2"));
	assert_false(text_fold_eq("a b", "ab"));
}

static void test_fold_invalid_utf8(void **state)
{
	(void)state;
	FOLD("a\xFF"
	     "b",
	     "a b");
	FOLD("a\xC3", "a"); /* truncated sequence */
	FOLD("\xC0\xAF"
	     "x",
	     "x");		    /* overlong */
	FOLD("\xED\xA0\x80y", "y"); /* surrogate */
}

static void test_fold_appends(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_adds(&b, "x:");
	text_fold("  A  B ", &b);
	assert_string_equal(b.ptr, "x:a b");
	text_fold("!!", &b);
	assert_string_equal(b.ptr, "x:a b");
	buf_free(&b);
}

static void test_utf8_valid(void **state)
{
	(void)state;
	assert_true(text_utf8_valid("", 0));
	assert_true(text_utf8_valid("abc", 3));
	assert_true(text_utf8_valid("a\0b", 3));
	assert_true(text_utf8_valid("\xC3\xA9", 2));	     /* é */
	assert_true(text_utf8_valid("\xE2\x82\xAC", 3));     /* € */
	assert_true(text_utf8_valid("\xF0\x9F\x98\x80", 4)); /* U+1F600 */
	assert_true(text_utf8_valid("\xF4\x8F\xBF\xBF", 4)); /* U+10FFFF */
	assert_true(text_utf8_valid("\xEF\xBB\xBF", 3));     /* BOM */
	assert_true(text_utf8_valid("\xED\x9F\xBF", 3));     /* U+D7FF */
	assert_true(text_utf8_valid("\xEE\x80\x80", 3));     /* U+E000 */

	assert_false(text_utf8_valid("\xC3\xA9", 1)); /* cut by n */
	assert_false(text_utf8_valid("\x80", 1));     /* lone continuation */
	assert_false(text_utf8_valid("\xC3", 1));
	assert_false(text_utf8_valid("\xC3"
				     "a",
				     2));
	assert_false(text_utf8_valid("\xC0\xAF", 2)); /* overlong '/' */
	assert_false(text_utf8_valid("\xC1\xBF", 2));
	assert_false(text_utf8_valid("\xE0\x80\xAF", 3));
	assert_false(text_utf8_valid("\xF0\x80\x80\xAF", 4));
	assert_false(text_utf8_valid("\xED\xA0\x80", 3));     /* U+D800 */
	assert_false(text_utf8_valid("\xED\xBF\xBF", 3));     /* U+DFFF */
	assert_false(text_utf8_valid("\xF4\x90\x80\x80", 4)); /* U+110000 */
	assert_false(text_utf8_valid("\xF8\x88\x80\x80\x80", 5));
	assert_false(text_utf8_valid("\xFE", 1));
	assert_false(text_utf8_valid("\xFF", 1));
	assert_false(text_utf8_valid("caf\xE9", 4)); /* Windows-1252 é */
}

static void test_utf8_len(void **state)
{
	(void)state;
	assert_int_equal(text_utf8_len(""), 0);
	assert_int_equal(text_utf8_len("abc"), 3);
	assert_int_equal(text_utf8_len("\xC3\xA9t\xC3\xA9"), 3);
	assert_int_equal(text_utf8_len("\xE2\x82\xAC"
				       "uro"),
			 4);
	assert_int_equal(text_utf8_len("\xF0\x9F\x98\x80!"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_case_and_accents),
		cmocka_unit_test(test_fold_oe),
		cmocka_unit_test(test_fold_punctuation),
		cmocka_unit_test(test_fold_invalid_utf8),
		cmocka_unit_test(test_fold_appends),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_len),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
