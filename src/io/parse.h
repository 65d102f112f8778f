/* parse.h: numbers and dates as French users write them, and their
 * canonical written forms.
 *
 * Every parser takes a NUL-terminated, already trimmed string, returns 0 on
 * success and -1 with a French message in err (which says what was expected)
 * on failure.
 */
#ifndef NUMECO_PARSE_H
#define NUMECO_PARSE_H

#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

/* A decimal number: optional sign, digits with optional thousands groups
 * separated by space, no-break space (U+00A0), narrow no-break space
 * (U+202F) or apostrophe, decimal separator ',' or '.', optional exponent
 * ("1,5e3"). "1 234,5", "1234.5", "-0,25", "1.234,5"? — no: a '.' followed
 * by exactly three digits then ',' is ambiguous and refused. Finite values only. */
int parse_number(const char *s, double *out, struct err *err);

/* An amount in euros to cents: like parse_number, optional trailing "€" or
 * "EUR", at most two decimals (more is an error, not rounded). Range
 * ±10^15 €. */
int parse_euros(const char *s, int64_t *cents, struct err *err);

/* A calendar date: JJ/MM/AAAA, J/M/AAAA, JJ-MM-AAAA, AAAA-MM-JJ, AAAAMMJJ;
 * checked (leap years, month lengths), years 1900–2199. Writes the ISO form
 * AAAA-MM-JJ (10 chars + NUL) into iso. */
int parse_date(const char *s, char iso[11], struct err *err);

/* A yes/no answer: oui/non, o/n, yes/no, y/n, vrai/faux, true/false, 1/0, x/""
 * any case and accents. Empty is an error here (callers decide defaults). */
int parse_bool(const char *s, int *out, struct err *err);

/* Canonical forms used by exports (stable on re-import):
 * a number with the shortest %.{15,16,17}g form that reads back to the same
 * double, with ',' as decimal separator and no grouping; euros as "1234,50"
 * (always two decimals, no grouping). */
void fmt_number_fr(struct buf *out, double v);
void fmt_euros_fr(struct buf *out, int64_t cents);

#endif
