/* text.h: small UTF-8 text helpers shared by every module. */
#ifndef NUMECO_TEXT_H
#define NUMECO_TEXT_H

#include <stddef.h>

#include "core/buf.h"

/* Appends to out a folded form of s for lenient matching of user-written
 * names: lower case, accents removed from Latin letters (é→e, œ→oe, ç→c…),
 * every run of characters that are not letters or digits turned into one
 * space, no space at either end. "Niveau d'engagement visé" and
 * "NIVEAU D ENGAGEMENT VISE" fold to the same string. s must be UTF-8. */
void text_fold(const char *s, struct buf *out);
/* 1 when text_fold(a) equals text_fold(b). */
int text_fold_eq(const char *a, const char *b);

/* Decodes the code point at s (n bytes available) into *cp and returns its
 * length in bytes, or 0 when the bytes there are not valid UTF-8 (overlongs,
 * surrogates and values above U+10FFFF are invalid). */
size_t text_utf8_decode(const unsigned char *s, size_t n, unsigned *cp);
/* 1 when the n bytes at s are valid UTF-8 (no overlongs, no surrogates). */
int text_utf8_valid(const char *s, size_t n);
/* Number of code points in valid UTF-8 s. */
size_t text_utf8_len(const char *s);

#endif
