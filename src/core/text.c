/* text.c: UTF-8 folding and validation (see text.h). */
#include "core/text.h"

#include <string.h>

/* Base letter of the Latin-1 Supplement and Latin Extended-A code points
 * numeco users type (French and neighbouring languages); 0 when not a letter. */
static const char *fold_cp(unsigned cp)
{
	if (cp >= 0xC0 && cp <= 0xC5)
		return "a";
	if (cp == 0xC6)
		return "ae";
	if (cp == 0xC7)
		return "c";
	if (cp >= 0xC8 && cp <= 0xCB)
		return "e";
	if (cp >= 0xCC && cp <= 0xCF)
		return "i";
	if (cp == 0xD1)
		return "n";
	if ((cp >= 0xD2 && cp <= 0xD6) || cp == 0xD8)
		return "o";
	if (cp >= 0xD9 && cp <= 0xDC)
		return "u";
	if (cp == 0xDD)
		return "y";
	if (cp == 0xDF)
		return "ss";
	if (cp >= 0xE0 && cp <= 0xE5)
		return "a";
	if (cp == 0xE6)
		return "ae";
	if (cp == 0xE7)
		return "c";
	if (cp >= 0xE8 && cp <= 0xEB)
		return "e";
	if (cp >= 0xEC && cp <= 0xEF)
		return "i";
	if (cp == 0xF1)
		return "n";
	if ((cp >= 0xF2 && cp <= 0xF6) || cp == 0xF8)
		return "o";
	if (cp >= 0xF9 && cp <= 0xFC)
		return "u";
	if (cp == 0xFD || cp == 0xFF || cp == 0x178)
		return "y";
	if (cp == 0x152 || cp == 0x153)
		return "oe";
	return NULL;
}

size_t text_utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	if (n == 0)
		return 0;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	unsigned min;
	if ((c & 0xE0) == 0xC0) {
		len = 2, min = 0x80, c &= 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3, min = 0x800, c &= 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4, min = 0x10000, c &= 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

void text_fold(const char *s, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	int pending_space = 0;
	size_t start = out->len;
	while (n > 0) {
		unsigned cp;
		size_t len = text_utf8_decode(p, n, &cp);
		if (len == 0) { /* invalid byte: treat as a separator */
			len = 1;
			cp = ' ';
		}
		p += len;
		n -= len;
		const char *rep = NULL;
		char one[2] = { 0, 0 };
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			one[0] = (char)cp;
			rep = one;
		} else if (cp >= 'A' && cp <= 'Z') {
			one[0] = (char)(cp - 'A' + 'a');
			rep = one;
		} else {
			rep = fold_cp(cp);
		}
		if (!rep) {
			pending_space = 1;
			continue;
		}
		if (pending_space && out->len > start)
			buf_addc(out, ' ');
		pending_space = 0;
		buf_adds(out, rep);
	}
}

int text_fold_eq(const char *a, const char *b)
{
	struct buf fa = BUF_INIT, fb = BUF_INIT;
	text_fold(a, &fa);
	text_fold(b, &fb);
	int eq = strcmp(fa.ptr, fb.ptr) == 0;
	buf_free(&fa);
	buf_free(&fb);
	return eq;
}

int text_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	while (n > 0) {
		unsigned cp;
		size_t len = text_utf8_decode(p, n, &cp);
		if (len == 0)
			return 0;
		p += len;
		n -= len;
	}
	return 1;
}

size_t text_utf8_len(const char *s)
{
	size_t count = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			count++;
	return count;
}
