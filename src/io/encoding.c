/* encoding.c: UTF-8 encoding and Windows-1252 conversion (see encoding.h). */
#include "io/encoding.h"

/* Windows-1252 differs from Latin-1 only in 0x80–0x9F, where Latin-1 has C1
 * control characters and Windows-1252 has typographic signs (€, ’, œ, …).
 * Source: the Unicode mapping table CP1252.TXT. 0 marks an undefined byte. */
/* clang-format off */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 80–87 */
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,      /* 88–8F */
	0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 90–97 */
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178, /* 98–9F */
};
/* clang-format on */

void enc_utf8_put(struct buf *out, uint32_t cp)
{
	char s[4];
	size_t n;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = ENC_REPLACEMENT;
	if (cp < 0x80) {
		s[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		s[0] = (char)(0xF0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_add(out, s, n);
}

uint32_t enc_cp1252_cp(unsigned char byte)
{
	if (byte >= 0x80 && byte <= 0x9F) {
		uint32_t cp = cp1252_high[byte - 0x80];
		return cp ? cp : ENC_REPLACEMENT;
	}
	return byte;
}

void enc_cp1252_to_utf8(const char *s, size_t n, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	/* Worst case: every byte becomes three (U+20AC and friends). */
	buf_grow(out, n + n / 2);
	size_t i = 0;
	while (i < n) {
		/* Copy runs of ASCII in one go: they are most of any real file. */
		size_t j = i;
		while (j < n && p[j] < 0x80)
			j++;
		buf_add(out, p + i, j - i);
		if (j < n)
			enc_utf8_put(out, enc_cp1252_cp(p[j++]));
		i = j;
	}
}

int enc_has_utf8_bom(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	return n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF;
}

int enc_has_utf16_bom(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	return n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF));
}
