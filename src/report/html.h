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

/* Pieces of the standalone report pages, styled by html_page_css: */
/* <th scope="row">text</th> */
void html_th_row(struct buf *out, const char *text);
/* <th scope="col">text</th>, right-aligned (class "n") when numeric. */
void html_th_col(struct buf *out, const char *text, int numeric);
/* Opens <section> labelled by its <h2 id="h-ID">title</h2>. */
void html_section(struct buf *out, const char *id, const char *title);
/* A scrollable wrapper (keyboard-focusable, as scrolling regions must be)
 * and the opening of a table with its caption (id "c-ID"). */
void html_table_open(struct buf *out, const char *id, const char *caption);

/* The inline style sheet of numeco's standalone report pages (consolidated
 * review, footprint summary): small, no web fonts, WCAG AA contrast on white,
 * print styles. */
extern const char html_page_css[];

#endif
