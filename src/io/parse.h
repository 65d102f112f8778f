/* parse.h: numbers and dates as French users write them, and their
 * canonical written forms.
 *
 * Every parser takes a NUL-terminated string (normally already trimmed;
 * ASCII spaces and tabs at either end are tolerated), returns 0 on success
 * and -1 with a French message in err (which quotes the input, shortened
 * with "…" when long, and says what was expected) on failure; the output is
 * left untouched on failure. Nothing depends on the C locale (numeco never
 * calls setlocale).
 */
#ifndef NUMECO_PARSE_H
#define NUMECO_PARSE_H

#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

/* A decimal number: optional sign ('-', '+' or U+2212), digits with optional
 * thousands groups separated by space, no-break space (U+00A0), narrow
 * no-break space (U+202F) or apostrophe (' or U+2019) — groups after the
 * first have exactly three digits, the first one to three —, decimal
 * separator ',' or '.' followed by at least one digit (",5" is 0.5, "5," is
 * refused), optional exponent ("1,5e3", "1E-7"). Accepted: "1 234,5",
 * "1234.5", "-0,25". Refused: "1.234,5" and "1,234.5" (a '.' and a ',' in the
 * same number are ambiguous), "12,3,4", "1 23". A lone '.' is always the
 * decimal point: "1.234" is 1.234. Finite values only: "inf", "nan" and
 * overflowing exponents are refused; underflow gives 0 or a subnormal. */
int parse_number(const char *s, double *out, struct err *err);

/* An amount in euros to cents: like parse_number, then an optional "€" or
 * "EUR" (any case), with or without a (no-break) space before it: "12 000 €".
 * At most two decimals as written, counted after the exponent is applied
 * ("1,234e1" is 12,34 €): more is an error, not rounded, even "12,500"
 * (which may be a mistyped 12 500). Computed exactly in decimal, never
 * through a double. Range ±10^15 € inclusive. */
int parse_euros(const char *s, int64_t *cents, struct err *err);

/* A calendar date: JJ/MM/AAAA, J/M/AAAA, JJ-MM-AAAA, AAAA-MM-JJ (also
 * AAAA-M-J and AAAA/MM/JJ), AAAAMMJJ; the two separators must be the same;
 * two-digit years and times are refused. Checked (leap years, month
 * lengths), years 1900–2199. Writes the ISO form AAAA-MM-JJ (10 chars + NUL)
 * into iso. */
int parse_date(const char *s, char iso[11], struct err *err);

/* A yes/no answer: oui/non, o/n, yes/no, y/n, vrai/faux, true/false, 1/0, in
 * any case and with or without accents; "x" (a ticked cell) is yes. Empty is
 * an error here (callers decide what an empty cell means), and so is any
 * ASCII punctuation ("-1", "o.k"). *out is 1 for yes, 0 for no. */
int parse_bool(const char *s, int *out, struct err *err);

/* Canonical forms used by exports (stable on re-import), appended to out:
 * a number with the shortest %.{15,16,17}g form that reads back to the same
 * double, with ',' as decimal separator and no grouping ("1234,5", "1e-07";
 * -0 is written "0"; a non-finite value writes nothing, since parse_number
 * refuses it); euros as "1234,50" (always two decimals, no grouping, '-'
 * before negative amounts). */
void fmt_number_fr(struct buf *out, double v);
void fmt_euros_fr(struct buf *out, int64_t cents);

#endif
