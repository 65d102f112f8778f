/* columns.h: finding a file's columns by their header names.
 *
 * Headers are matched after folding (core/text.h: case, accents, punctuation
 * and spacing ignored) against a column's name or one of its aliases, so
 * files written by hand or by different spreadsheet versions are accepted.
 */
#ifndef NUMECO_COLUMNS_H
#define NUMECO_COLUMNS_H

#include "core/err.h"
#include "io/csv.h"

struct col_spec {
	const char *header; /* canonical name: written in exports and messages */
	int required;
	const char *aliases[6]; /* NULL-terminated */
};

/* Maps the current record of r (the header line) to the ncols columns of
 * cols: map[c] is the field index of column c, or -1 when absent.
 * Unknown headers are warnings; a column present twice and a required
 * column missing are errors, located at the header line of csv_name(r).
 * Returns 0 when there is no error, -1 otherwise. */
int columns_map(struct csv_reader *r, const struct col_spec *cols, int ncols, int *map,
		struct diags *d);

/* Copies field map[c] of the current record, trimmed, into out ("" when
 * the column is absent). */
void columns_get(struct csv_reader *r, const int *map, int c, struct buf *out);

/* 1 when the current record has non-blank fields past the header's ncols
 * (a shifted row); trailing empty or blank cells, which spreadsheets add,
 * are fine. */
int columns_overflow(struct csv_reader *r, size_t header_fields);

#endif
