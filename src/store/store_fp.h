/* store_fp.h: stored footprint referentials, evaluations and action
 * estimates (SQLite backend in sqlite_fp_*.c). Same conventions as store.h. */
#ifndef NUMECO_STORE_FP_H
#define NUMECO_STORE_FP_H

#include <stdint.h>

#include "core/err.h"
#include "footprint/fp_eval.h"
#include "footprint/fp_ref.h"
#include "store/store.h"

struct ref_meta {
	int64_t id;
	char *name;
	char *version;
	char *licence;
	int restricted;	      /* licensed values, shown only to people with rights */
	char *owner_org_code; /* "" for everyone's */
	int64_t owner_org_id;
	char *loaded_at;
	char *loaded_by;
	/* Sizes, for listings. */
	int64_t ncrit, nitems, nmixes, ntypes;
};

struct ref_meta_list {
	struct ref_meta *items;
	size_t n, cap;
};

void ref_meta_free(struct ref_meta *m);
void ref_meta_list_free(struct ref_meta_list *l);

/* Stores a whole referential under (its name, its version). An existing
 * (name, version) is an error unless replace, which replaces it in place
 * (same id: stored evaluations keep pointing at it). Fills *id. */
int store_ref_save(struct store *s, const struct fp_ref *r, const char *licence, int restricted,
		   const char *owner_org_code, const char *loaded_by, int replace, int64_t *id,
		   struct err *err);
/* Loads a referential: version NULL or "" for the most recently loaded
 * version of that name. NULL with err (unknown name: a message listing the
 * stored ones). meta may be NULL. */
struct fp_ref *store_ref_load(struct store *s, const char *name, const char *version,
			      struct ref_meta *meta, struct err *err);
/* All referentials, by name then load time. */
int store_ref_list(struct store *s, struct ref_meta_list *out, struct err *err);

/* Stores the aggregated results of an evaluation for (org, year), replacing
 * a previous one. */
int store_fp_save(struct store *s, const char *org_code, int year, int64_t referential_id,
		  enum fp_lifespan_mode mode, const struct fp_summary *sum, const char *by,
		  int64_t *id, struct err *err);

struct fp_stored_total {
	char *org_code;
	char *org_name;
	int year;
	char *referential; /* name version */
	char *criterion;   /* code */
	char *criterion_label;
	char *unit;
	double by_phase[FP_PHASE_COUNT];
	double total;
};

struct fp_stored_total_list {
	struct fp_stored_total *items;
	size_t n, cap;
};

void fp_stored_total_list_free(struct fp_stored_total_list *l);
/* Totals (dimension "total") of the stored evaluations of a year (0 for
 * all), per organisation and criterion, ordered by org code, year, criterion. */
int store_fp_totals(struct store *s, int year, struct fp_stored_total_list *out, struct err *err);

/* ---- action estimates ---- */

struct action_estimate {
	int64_t action_id;
	char *method;
	char *params; /* canonical k=v;k=v */
	char *referential_name;
	char *referential_version;
	double ghg_kg;
	int one_time;
	char *trace;
	char *computed_at;
	/* Filled by store_estimate_list only ("" otherwise): where the action is. */
	char *org_code;
	char *period;
	char *action_ref;
};

struct action_estimate_list {
	struct action_estimate *items;
	size_t n, cap;
};

void action_estimate_free(struct action_estimate *e);
void action_estimate_list_free(struct action_estimate_list *l);

int store_estimate_set(struct store *s, const struct action_estimate *e, struct err *err);
int store_estimate_get(struct store *s, int64_t action_id, struct action_estimate *out,
		       struct err *err);
/* Estimates computed from the referential named referential_name (any
 * version; NULL for all), with org_code, period and action_ref filled,
 * ordered by org code, period and action ref. For recomputing them when that
 * referential changes. */
int store_estimate_list(struct store *s, const char *referential_name,
			struct action_estimate_list *out, struct err *err);

#endif
