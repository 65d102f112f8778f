/* ind_collect_int.h: what ind_collect.c and ind_import.c share (not an API). */
#ifndef NUMECO_IND_COLLECT_INT_H
#define NUMECO_IND_COLLECT_INT_H

#include "indicators/ind_collect.h"

/* What writing one value did. */
enum ind_apply { IND_APPLY_UNCHANGED, IND_APPLY_SET, IND_APPLY_REMOVED };

/* Writes the value of def for (org, year), already checked: has_value 0
 * removes it. Compares with the stored value first (unchanged: nothing
 * written), then writes and audits (key "MIN-CODE/YEAR/IND-CODE"). */
int ind_value_apply(struct store *s, const struct actor *a, const char *org_code, int64_t org_id,
		    int year, const struct ind_def *def, int has_value, double v,
		    const char *comment, const char *source, enum ind_apply *done, struct err *err);

/* Whether numeco computes def for (ministry, year) from what it stores
 * (ind_fact_value): *computed 1 and the refusal in why (emptied first)
 * when it does; 0 ok, -1 on a store error. */
int ind_computed_here(struct store *s, int64_t ministry_id, int year, const struct ind_def *def,
		      int *computed, struct buf *why, struct err *err);

/* The French refusal for a collection that is not in brouillon. */
void ind_not_draft(struct buf *why, const char *org_code, int year, enum ind_state st);

#endif
