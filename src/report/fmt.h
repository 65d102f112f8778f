/* fmt.h: numbers written for people, French style, without the C locale.
 *
 * Every function appends to out and is deterministic: digits come from
 * numeco's own rounding (half away from zero), never from setlocale, so a
 * report is the same bytes on every machine.
 *
 * Display forms (md/html): groups of three digits separated by U+202F
 * (narrow no-break space), ',' as decimal separator, U+00A0 (no-break space)
 * before '%' and '€': "1 234,5", "30,2 %", "12 000 €".
 * Plain forms (csv, svg coordinates): no grouping, the chosen separator.
 */
#ifndef NUMECO_REPORT_FMT_H
#define NUMECO_REPORT_FMT_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

#define FMT_NBSP  "\xc2\xa0"	 /* U+00A0 no-break space */
#define FMT_NNBSP "\xe2\x80\xaf" /* U+202F narrow no-break space */

/* A count: "1 234". */
void fmt_count(struct buf *out, size_t n);
/* A decimal with exactly `decimals` digits after ',' (0..6): "1 234,5".
 * Non-finite values are written "n/d". */
void fmt_dec(struct buf *out, double v, int decimals);
/* A share in [0,1] as a percentage with `decimals` digits: "30,2 %". */
void fmt_pct(struct buf *out, double share, int decimals);
/* An amount in cents: "12 000 €", or "1 234,50 €" when not whole euros. */
void fmt_euros(struct buf *out, int64_t cents);
/* A decimal without grouping, `decimals` digits after the separator sep
 * ('.' for SVG and JSON-like uses, ',' for French spreadsheets). */
void fmt_plain(struct buf *out, double v, int decimals, char sep);

/* Text for Markdown: punctuation Markdown or inline HTML would interpret is
 * backslash-escaped (pipes included, so it fits in a table cell), line
 * breaks and tabs become spaces, other control characters are dropped. */
void fmt_md_esc(struct buf *out, const char *text);

#endif
