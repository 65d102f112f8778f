/* ind_int.h: internals shared by the files of src/indicators/ (not an API). */
#ifndef NUMECO_IND_INT_H
#define NUMECO_IND_INT_H

#include "indicators/ind.h"

/* Columns of the catalogue CSV, in the order written. */
enum ind_cat_col {
	IND_COL_CODE,
	IND_COL_LABEL,
	IND_COL_DEFINITION,
	IND_COL_UNIT,
	IND_COL_THEME,
	IND_COL_KIND,
	IND_COL_RULE,
	IND_COL_WEIGHT,
	IND_COL_MIN,
	IND_COL_MAX,
	IND_COL_BETTER,
	IND_COL_TARGETS,
	IND_COL_CALC,
	IND_COL_SOURCE,
	IND_COL_N
};

/* Longest code, in bytes. */
enum { IND_CODE_MAX = 40 };

/* Called once per problem of a definition, with the column it concerns and
 * a French message. */
typedef void (*ind_problem_fn)(void *ctx, enum ind_cat_col col, const char *msg);

/* Runs every check of ind_def_check, reporting each problem through fn.
 * Returns the number of problems. */
int ind_def_problems(const struct ind_def *d, ind_problem_fn fn, void *ctx);

/* 1 when s is a valid indicator code ([a-z0-9_]+, at most IND_CODE_MAX bytes). */
int ind_code_valid(const char *s);

#endif
