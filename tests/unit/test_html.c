/* test_html.c: the HTML escaping appenders, on normal and hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "report/html.h"

static void check(const char *in, const char *expect)
{
	struct buf b = BUF_INIT;
	html_esc(&b, in);
	assert_string_equal(b.ptr, expect);
	buf_free(&b);
}

static void test_special_characters(void **state)
{
	(void)state;
	check("&<>\"'", "&amp;&lt;&gt;&quot;&#39;");
	check("<script>alert(\"x\")</script> & co",
	      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
	check("a &amp; b", "a &amp;amp; b"); /* already-escaped text is text */
	check("", "");
	check("Réduire l'empreinte — 30 %", "Réduire l&#39;empreinte — 30 %");
	check("tab\tline\nret\r", "tab\tline\nret\r");
}

static void test_invalid_input(void **state)
{
	(void)state;
	/* Invalid UTF-8 becomes U+FFFD, one per bad byte. */
	check("a\xff"
	      "b",
	      "a\xef\xbf\xbd"
	      "b");
	check("\xc3", "\xef\xbf\xbd");				       /* truncated at end */
	check("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd");		       /* overlong '/' */
	check("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); /* surrogate */
	check("\xf4\x90\x80\x80x", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdx");
	/* A bad lead byte must not swallow a following '<'. */
	check("\xe2<b>", "\xef\xbf\xbd&lt;b&gt;");
	/* Control characters are dropped (C0 but tab/LF/CR, DEL, C1). */
	check("a\x01\x1b"
	      "b\x7f"
	      "c\xc2\x85"
	      "d",
	      "abcd");
	check(NULL, "");

	struct buf b = BUF_INIT;
	html_esc_n(&b, "a\0<", 3);
	assert_int_equal(b.len, 5);
	assert_memory_equal(b.ptr, "a&lt;", 5);
	buf_free(&b);
}

static void test_attributes(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_adds(&b, "<a");
	html_attr(&b, "title", "\" onclick=\"x");
	html_attr(&b, "data-x", "<'&'>");
	html_attr(&b, "bad name", "v"); /* refused */
	html_attr(&b, "x\"y", "v");	/* refused */
	html_attrf(&b, "aria-label", "%d < %s", 3, "4");
	buf_adds(&b, ">");
	assert_string_equal(b.ptr,
			    "<a title=\"&quot; onclick=&quot;x\" data-x=\"&lt;&#39;&amp;&#39;&gt;\""
			    " aria-label=\"3 &lt; 4\">");
	buf_reset(&b);
	html_escf(&b, "%s&%d", "<i>", 5);
	assert_string_equal(b.ptr, "&lt;i&gt;&amp;5");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_special_characters),
		cmocka_unit_test(test_invalid_input),
		cmocka_unit_test(test_attributes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
