/* fmt.c: locale-free French number formatting for reports (see fmt.h). */
#include "report/fmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Writes |v| rounded to `decimals` digits, as digits only, into digits
 * (without separators) and returns 1 when the result is negative (and not
 * zero). The scaled integer is printed with "%.0f", which never emits a
 * decimal point, so the locale cannot leak in. */
static int fmt_digits(double v, int decimals, char *digits, size_t size)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	double scaled = round(fabs(v) * pow(10.0, decimals));
	snprintf(digits, size, "%.0f", scaled);
	/* Pad so there is at least one digit before the decimal separator. */
	size_t len = strlen(digits);
	if (len <= (size_t)decimals) {
		size_t pad = (size_t)decimals + 1 - len;
		memmove(digits + pad, digits, len + 1);
		memset(digits, '0', pad);
	}
	return v < 0 && scaled != 0;
}

static void fmt_emit(struct buf *out, double v, int decimals, char sep, const char *group)
{
	char digits[400];
	if (!isfinite(v)) {
		buf_adds(out, "n/d");
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (fmt_digits(v, decimals, digits, sizeof(digits)))
		buf_addc(out, '-');
	size_t len = strlen(digits);
	size_t ilen = len - (size_t)decimals;
	for (size_t i = 0; i < ilen; i++) {
		if (group && i > 0 && (ilen - i) % 3 == 0)
			buf_adds(out, group);
		buf_addc(out, digits[i]);
	}
	if (decimals > 0) {
		buf_addc(out, sep);
		buf_add(out, digits + ilen, (size_t)decimals);
	}
}

void fmt_count(struct buf *out, size_t n)
{
	char digits[32];
	snprintf(digits, sizeof(digits), "%zu", n);
	size_t len = strlen(digits);
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_adds(out, FMT_NNBSP);
		buf_addc(out, digits[i]);
	}
}

void fmt_dec(struct buf *out, double v, int decimals)
{
	fmt_emit(out, v, decimals, ',', FMT_NNBSP);
}

void fmt_pct(struct buf *out, double share, int decimals)
{
	fmt_emit(out, share * 100.0, decimals, ',', FMT_NNBSP);
	buf_adds(out, FMT_NBSP "%");
}

void fmt_euros(struct buf *out, int64_t cents)
{
	/* Integer arithmetic: budgets are exact and must stay so. */
	uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	char digits[32];
	if (cents < 0)
		buf_addc(out, '-');
	snprintf(digits, sizeof(digits), "%llu", (unsigned long long)(mag / 100));
	size_t len = strlen(digits);
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_adds(out, FMT_NNBSP);
		buf_addc(out, digits[i]);
	}
	if (mag % 100)
		buf_addf(out, ",%02u", (unsigned)(mag % 100));
	buf_adds(out, FMT_NBSP "€");
}

void fmt_plain(struct buf *out, double v, int decimals, char sep)
{
	fmt_emit(out, v, decimals, sep, NULL);
}

void fmt_md_esc(struct buf *out, const char *text)
{
	for (const char *p = text ? text : ""; *p; p++) {
		switch (*p) {
		case '\\':
		case '`':
		case '*':
		case '_':
		case '[':
		case ']':
		case '<':
		case '>':
		case '|':
		case '~':
		case '&':
		case '#':
		case '!':
		case '{':
		case '}':
			buf_addc(out, '\\');
			buf_addc(out, *p);
			break;
		case '\r':
			if (p[1] == '\n')
				p++;
			buf_addc(out, ' ');
			break;
		case '\n':
		case '\t': buf_addc(out, ' '); break;
		default:
			/* Other control characters mean nothing in a page. */
			if ((unsigned char)*p >= 0x20 && *p != 0x7f)
				buf_addc(out, *p);
		}
	}
}
