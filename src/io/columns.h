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

/* Where a parser is in a file, for its per-field diagnostics. */
struct col_row {
	const char *file;
	struct diags *d;
	const struct col_spec *cols; /* the parser's columns: headers name fields */
	long line;		     /* the current line */
	int errors_here;	     /* errors reported on the current line */
};
/* Reports an error on field col of the current line ("FILE:LINE: Header:
 * message") and counts it in errors_here. */
void col_bad(struct col_row *c, int col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reading a whole CSV file against a set of columns, the loop every
 * importer shares: open, map the header, then hand out the readable rows,
 * reporting (in d, located) and skipping the rows that cannot be read and
 * those with values past the header's columns. */
struct col_reader {
	struct csv_reader *r; /* the current row, for columns_get */
	const char *file;
	struct diags *d;
	size_t ncols; /* fields of the header line */
	long line;    /* line of the current row */
	struct err e;
};
/* Opens data (named file in messages) and maps its header into map (see
 * columns_map). 0 when rows can be read; -1 when the file cannot be opened,
 * is empty, or its header is faulty (reported in d). Close it either way. */
int col_reader_open(struct col_reader *cr, const char *file, const char *data, size_t len,
		    const struct col_spec *cols, int n, int *map, struct diags *d);
/* Moves to the next readable row: 1, or 0 at the end of the file. */
int col_reader_next(struct col_reader *cr);
void col_reader_close(struct col_reader *cr);

#endif
