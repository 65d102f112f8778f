/* html.h: the only way text gets into HTML: escaping appenders.
 *
 * Renderers write their own markup as string literals; every other piece of
 * text (user data, labels, formatted numbers) goes through one of these.
 * The escaping is the same for text and attribute values, so an escaped
 * string is safe in both: & < > " ' become entities. Input is taken as UTF-8:
 * an invalid byte becomes U+FFFD, and control characters other than tab,
 * line feed and carriage return (which HTML forbids or cannot round-trip)
 * are dropped. A NULL text is written as nothing.
 */
#ifndef NUMECO_HTML_H
#define NUMECO_HTML_H

#include <stddef.h>

#include "core/buf.h"

/* Appends text, escaped. */
void html_esc(struct buf *out, const char *text);
/* Appends the n bytes at text, escaped (NUL bytes are dropped). */
void html_esc_n(struct buf *out, const char *text, size_t n);
/* Formats like printf, then appends the result escaped. */
void html_escf(struct buf *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends ` name="value"` with value escaped. name must be a literal made of
 * ASCII letters, digits and '-' (anything else is a programming error and
 * the attribute is not written). */
void html_attr(struct buf *out, const char *name, const char *value);
/* Appends ` name="value"` with value formatted like printf, then escaped. */
void html_attrf(struct buf *out, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The inline style sheet of numeco's standalone report pages (consolidated
 * review, footprint summary): small, no web fonts, WCAG AA contrast on white,
 * print styles. */
extern const char html_page_css[];

#endif
