/* encoding.h: the text encodings met in imported files (UTF-8, Windows-1252).
 *
 * Used by the CSV reader to turn whatever a spreadsheet wrote into UTF-8 once,
 * so that every other module only ever sees valid UTF-8.
 */
#ifndef NUMECO_ENCODING_H
#define NUMECO_ENCODING_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/* The replacement character U+FFFD, written for bytes that map to nothing. */
#define ENC_REPLACEMENT 0xFFFDu

/* Appends the UTF-8 form of code point cp (U+FFFD when cp is not a valid
 * scalar value: above U+10FFFF or a surrogate). */
void enc_utf8_put(struct buf *out, uint32_t cp);

/* Unicode code point of one Windows-1252 byte. The five bytes Windows-1252
 * leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) give U+FFFD. */
uint32_t enc_cp1252_cp(unsigned char byte);

/* Appends the UTF-8 conversion of the n Windows-1252 bytes at s. */
void enc_cp1252_to_utf8(const char *s, size_t n, struct buf *out);

/* 1 when the n bytes at s start with the UTF-8 byte order mark EF BB BF. */
int enc_has_utf8_bom(const char *s, size_t n);

/* 1 when the n bytes at s start with a UTF-16 byte order mark (FF FE or FE FF):
 * such files are refused with a clear message rather than as "binary". */
int enc_has_utf16_bom(const char *s, size_t n);

#endif
