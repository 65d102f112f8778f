/* csv_write.c: the spreadsheet-safe ("guarded") CSV text field writer (see csv.h). */
#include <string.h>

#include "io/csv.h"

/* The first bytes that make a spreadsheet read a cell as a formula. */
static int csv_is_formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@';
}

void csv_write_guarded(struct buf *out, const char *s, char delim, int first)
{
	s = s ? s : "";
	if (!first)
		buf_addc(out, delim);
	size_t n = strlen(s);
	int guard = csv_is_formula_start(s[0]);
	int quote = n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ');
	for (const char *p = s; *p && !quote; p++)
		if (*p == delim || *p == '"' || *p == '\r' || *p == '\n')
			quote = 1;
	if (quote)
		buf_addc(out, '"');
	if (guard)
		buf_addc(out, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_addc(out, '"');
		buf_addc(out, *p);
	}
	if (quote)
		buf_addc(out, '"');
}
