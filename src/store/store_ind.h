/* store_ind.h: stored indicator catalogue, values and collection states
 * (SQLite backend in sqlite_ind.c, schema in migrations/sqlite/0006_indicators.sql).
 * Same conventions as store.h: 0 ok / -1 error, lookups 1 found / 0 not
 * found / -1, no permission checks and no audit here. */
#ifndef NUMECO_STORE_IND_H
#define NUMECO_STORE_IND_H

#include <stdint.h>

#include "core/err.h"
#include "indicators/ind.h"
#include "store/store.h"

/* ---- catalogue ---- */

/* The stored catalogue in its order (position), targets sorted by year;
 * out is initialised by the call. */
int store_ind_catalogue_load(struct store *s, struct ind_catalogue *out, struct err *err);
/* Adds or replaces (by code) every definition of c, in c's order after the
 * stored ones that c does not name (those are kept: values may refer to
 * them). A replaced definition keeps its id and its values; its targets are
 * replaced. *added and *updated (may be NULL) count definitions that were
 * new and that changed. Sets the ids of c's items. */
int store_ind_catalogue_save(struct store *s, struct ind_catalogue *c, int *added, int *updated,
			     struct err *err);
/* Replaces one stored definition (by d->code, which must exist) with d. */
int store_ind_def_update(struct store *s, const struct ind_def *d, struct err *err);

/* ---- values ---- */

/* One entered value, with its context. */
struct ind_value {
	int64_t org_id;
	char *org_code;
	int year;
	char *code; /* indicator code */
	double value;
	char *comment; /* "" when none */
	char *source;  /* "" when none */
	char *updated_at;
	char *updated_by;
};
struct ind_value_list {
	struct ind_value *items;
	size_t n, cap;
};
void ind_value_free(struct ind_value *v);
void ind_value_list_free(struct ind_value_list *l);

/* Sets (inserts or replaces) the value of indicator code for (org, year);
 * updated_at is now. */
int store_ind_value_set(struct store *s, int64_t org_id, int year, const char *code, double value,
			const char *comment, const char *source, const char *by, struct err *err);
/* Removes it (no error when there was none). */
int store_ind_value_delete(struct store *s, int64_t org_id, int year, const char *code,
			   struct err *err);
int store_ind_value_get(struct store *s, int64_t org_id, int year, const char *code,
			struct ind_value *out, struct err *err);
/* The entered values (not computed ones) of org (0 for every ministry) and
 * year (0 for every year), by org code, year, catalogue position. */
int store_ind_value_list(struct store *s, int64_t org_id, int year, struct ind_value_list *out,
			 struct err *err);

/* ---- collection states ---- */

/* The state of org's collection of year: brouillon when never set
 * (returns 0 then, 1 when stored). updated_at/by may be NULL; else filled
 * with malloc'd strings ("" when never set) the caller frees. */
int store_ind_state_get(struct store *s, int64_t org_id, int year, enum ind_state *st,
			char **updated_at, char **updated_by, struct err *err);
int store_ind_state_set(struct store *s, int64_t org_id, int year, enum ind_state st,
			const char *by, struct err *err);

/* ---- consolidation input ---- */

/* Fills t (ind_table_init'd by the call against cat) with every ministry
 * (root organisation of kind ministere; only the one of ministry_id when it
 * is not 0), by code, the states of their collections and their entered
 * values for years [year_from, year_to]; values of indicators no longer in
 * cat are skipped. Computed cells are not filled: see store_ind_facts and
 * ind_table_compute. Free t with ind_table_free, also after an error. */
int store_ind_table_load(struct store *s, const struct ind_catalogue *cat, int year_from,
			 int year_to, int64_t ministry_id, struct ind_table *t, struct err *err);
/* What numeco stores about each ministry (ministry_id 0: all) and each year
 * of [year_from, year_to] that has a roadmap, a footprint evaluation, or
 * digital services in the register (from the year a service was registered
 * or first assessed), for the computed indicators (ind.h, enum ind_calc). */
int store_ind_facts(struct store *s, int year_from, int year_to, int64_t ministry_id,
		    struct ind_fact_list *out, struct err *err);
/* The smallest and largest year having a value, a collection state, a
 * stored footprint evaluation, a complete RGESN assessment, or a roadmap of
 * a single year; 0 ok with
 * *min = *max = 0 when none. */
int store_ind_years(struct store *s, int *min, int *max, struct err *err);

#endif
