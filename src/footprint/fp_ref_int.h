/* fp_ref_int.h: internals shared by the referential's files (fp_ref*.c):
 * lenient keys, criterion codes, and the loader's per-file machinery. Not
 * for callers outside src/footprint/fp_ref*.c, except the fuzz target and
 * tests, which drive fp_ref_load_mem directly.
 */
#ifndef NUMECO_FP_REF_INT_H
#define NUMECO_FP_REF_INT_H

#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"
#include "footprint/fp_ref.h"
#include "io/csv.h"

/* ---- names (fp_ref_text.c) ---- */

/* Appends the lenient key of s: text_fold (case, accents, punctuation
 * ignored), except that letters text_fold does not know (other scripts) are
 * kept as they are rather than dropped, so that two names in another script
 * never collide. spaces: 1 keeps one space between words ("cote d ivoire"),
 * 0 removes them ("climatechange", so "CLIMATE_CHANGE" = "Climate change"). */
void fp_ref_key(const char *s, int spaces, struct buf *out);

/* Appends the code of a criterion known only by its label: G4IT's code for
 * the five criteria G4IT names (fp_ref_known_crit), else the folded label
 * upper-cased with '_' between words ("Resource use, fossils" →
 * RESOURCE_USE_FOSSILS). */
void fp_ref_crit_code(const char *label, struct buf *out);

struct fp_ref_known_crit {
	const char *code;
	const char *label;
	const char *unit;
};
/* The G4IT criterion whose code or label matches s leniently, or NULL. */
const struct fp_ref_known_crit *fp_ref_known_crit(const char *s);

/* ---- loading (fp_ref_load.c, fp_ref_load_rows.c) ---- */

enum fp_ref_dialect { FP_REF_NUMECOEVAL, FP_REF_G4IT_SNAKE, FP_REF_G4IT_CAMEL, FP_REF_NDIALECTS };

enum fp_ref_file {
	FP_REF_CRITERIA,
	FP_REF_STEPS,
	FP_REF_FACTORS,
	FP_REF_TYPES,
	FP_REF_MATCHING,
	FP_REF_HYPOTHESES,
	FP_REF_NFILES
};

/* File name of a part of the referential in a dialect ("ref_item_impact.csv"). */
const char *fp_ref_file_name(enum fp_ref_dialect dl, enum fp_ref_file f);
const char *fp_ref_dialect_name(enum fp_ref_dialect dl);
/* The dialect with the most parts present according to has (a folder's
 * files, or files in memory); -1 when none is. */
int fp_ref_pick_dialect(int (*has)(const void *src, enum fp_ref_dialect dl, enum fp_ref_file f),
			const void *src);

/* Flags of fp_ref_load_mem. */
#define FP_REF_CRIT_DECLARED                                 \
	1u /* criteria come from a criteria file: factors of \
	    * other criteria are skipped (one warning each) */

/* Loads one file of kind f from the len bytes at data into r; name is used in
 * diagnostics, dl only chooses the column names shown in messages (headers of
 * every dialect are accepted). Returns 0, or -1 when an error went to d. */
int fp_ref_load_mem(struct fp_ref *r, enum fp_ref_file f, enum fp_ref_dialect dl, const char *name,
		    const char *data, size_t len, unsigned flags, struct diags *d);

#define FP_REF_MAX_COLS 12

/* A column of a referential file: its header in each dialect, plus aliases;
 * all are matched by their lenient key without spaces. */
struct fp_ref_col {
	const char *names[FP_REF_NDIALECTS];
	int required;
	const char *aliases[3]; /* NULL-terminated */
};

/* An undeclared criterion met in a factors file, reported once at the end. */
struct fp_ref_undeclared {
	char *name;
	long line; /* first one */
	size_t rows;
};

/* The state of one file being read, handed to the row functions. */
struct fp_ref_rows {
	struct fp_ref *r;
	struct csv_reader *csv;
	struct diags *d;
	enum fp_ref_dialect dl;
	unsigned flags;
	const struct fp_ref_col *cols;
	int ncols;
	int map[FP_REF_MAX_COLS];	      /* field index of each column, -1 when absent */
	char *header[FP_REF_MAX_COLS];	      /* column names as the file writes them */
	struct buf v[FP_REF_MAX_COLS];	      /* the current row's values, trimmed, "NULL" → "" */
	struct buf tmp;			      /* scratch */
	struct err err;			      /* parsers' messages */
	struct fp_ref_undeclared *undeclared; /* factors file only */
	size_t nundeclared, undeclared_cap;
};

/* What a file kind reads: its columns and what one row does. */
struct fp_ref_kind {
	const struct fp_ref_col *cols;
	int ncols;
	int (*header)(struct fp_ref_rows *x); /* after columns are mapped; may be NULL */
	void (*row)(struct fp_ref_rows *x);
	void (*end)(struct fp_ref_rows *x); /* may be NULL */
};

const struct fp_ref_kind *fp_ref_kind(enum fp_ref_file f);

/* An error (or warning) on the current row, at column c (-1: the row). */
void fp_ref_row_diag(struct fp_ref_rows *x, enum diag_level level, int c, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The column name to show for c: as written in the file, else the dialect's. */
const char *fp_ref_col_name(const struct fp_ref_rows *x, int c);

#endif
