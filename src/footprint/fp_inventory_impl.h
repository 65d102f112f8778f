/* fp_inventory_impl.h: inventory column tables, private to src/footprint/fp_inventory_*.c. */
#ifndef NUMECO_FP_INVENTORY_IMPL_H
#define NUMECO_FP_INVENTORY_IMPL_H

#include <stddef.h>

#include "footprint/fp_inventory.h"

/* How a column's value goes into the row. */
enum fp_fld_type {
	FP_FT_TEXT,  /* char *, trimmed, "" when empty */
	FP_FT_NUM,   /* double, with a has_ flag unless one_if_empty */
	FP_FT_DATE,  /* char[11] ISO date or "" */
	FP_FT_IGNORE /* a NumEcoEval column numeco does not use: no warning */
};

/* What a number must satisfy. */
enum fp_fld_rule { FP_FR_ANY, FP_FR_NONNEG, FP_FR_POSITIVE, FP_FR_RATE, FP_FR_PUE };

#define FP_NO_HAS ((size_t)-1)

struct fp_fld {
	const char *header; /* as NumEcoEval writes it; also the name in messages */
	int required;	    /* the header must have the column */
	int nonempty;	    /* an empty value makes the row an error ("X vide") */
	enum fp_fld_type type;
	enum fp_fld_rule rule;
	size_t off;	  /* of the value in the row */
	size_t has_off;	  /* of its int has_ flag, or FP_NO_HAS */
	int one_if_empty; /* numbers without a has_ flag: 1 when empty (quantite) */
};

struct fp_kind {
	const struct fp_fld *flds;
	int n;
	size_t size; /* of the row struct */
	size_t line_off, error_off, strings_off;
};

/* Most columns in one file's table. */
#define FP_MAX_COLS 32

const struct fp_kind *fp_kind_of_(enum fp_file kind);

/* The member at byte offset off of a row (through void *, so that no cast
 * claims an alignment the compiler cannot see). */
static inline void *fp_at_(void *row, size_t off)
{
	return (char *)row + off;
}
/* Every string of the row "" (a static empty string), numbers 0, quantity 1,
 * strings_ empty. */
void fp_row_init_(const struct fp_kind *k, void *row);

#endif
