/* consolidate.h: the consolidated review of a period, as pure computation.
 *
 * Input: plain structs (ministries and their actions), filled by the store.
 * Output: plain structs of counts and totals, rendered by report/.
 * No I/O here, so every figure is unit-tested directly.
 */
#ifndef NUMECO_CONSOLIDATE_H
#define NUMECO_CONSOLIDATE_H

#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

struct cons_ministry {
	char *code;
	char *name;
	int has_roadmap;   /* a roadmap exists for the period (even if empty) */
	enum rstate state; /* its review state, when has_roadmap */
};

struct cons_action {
	size_t ministry; /* index into cons_input.ministries */
	char *ref;
	char *title;
	enum theme theme;
	enum level level;
	enum status status;
	int key;
	int has_budget;
	int64_t budget_cents;
	int has_impact;
	double impact_value;
	enum iunit impact_unit;
	char *impact_method;
};

struct cons_input {
	char *period;
	char *scope;			  /* "" national, else the ministry code of --org */
	struct cons_ministry *ministries; /* ordered by code */
	size_t nministries, cap_ministries;
	struct cons_action *actions; /* any order */
	size_t nactions, cap_actions;
};

void cons_input_init(struct cons_input *in);
void cons_input_free(struct cons_input *in);
/* Appenders used by the store and by tests; strings are copied. */
size_t cons_input_add_ministry(struct cons_input *in, const char *code, const char *name,
			       int has_roadmap, enum rstate state);
void cons_input_add_action(struct cons_input *in, const struct cons_action *a);

/* One ranked action with the largest avoided impacts. */
struct cons_top {
	size_t action;	     /* index into cons_input.actions */
	double value_report; /* in tCO2e or MWh */
};

/* One action ranked by cost per tonne avoided: its known budget divided by
 * its GHG estimate in tCO2e. */
struct cons_cost {
	size_t action;	      /* index into cons_input.actions */
	int64_t budget_cents; /* > 0 */
	double value_t;	      /* GHG estimate in tCO2e, > 0 */
	double eur_per_t;     /* budget in euros / value_t */
};

struct cons_ministry_row {
	size_t ministry; /* index into cons_input.ministries */
	size_t actions;
	size_t by_status[STATUS_COUNT];
	size_t key;
	double ghg_avoided_t; /* tCO2e of its key actions */
};

struct cons_result {
	size_t ministries_total;
	size_t ministries_with_roadmap;
	size_t actions;
	size_t realised;       /* status realisee */
	double share_realised; /* realised / actions, 0 when no action */
	size_t theme_status[THEME_COUNT][STATUS_COUNT];
	size_t theme_total[THEME_COUNT];
	size_t level_status[LEVEL_COUNT][STATUS_COUNT];
	size_t level_total[LEVEL_COUNT];
	size_t status_total[STATUS_COUNT];
	struct cons_ministry_row *by_ministry; /* one per ministry, same order */
	size_t key_actions;
	size_t key_with_estimate;
	double key_ghg_t;      /* sum over key actions of GHG estimates, tCO2e */
	double key_energy_mwh; /* sum over key actions of energy estimates, MWh */
	double key_ghg_by_theme_t[THEME_COUNT];
	int64_t budget_cents;	  /* sum of known budgets */
	struct cons_top *top_ghg; /* key or not, largest GHG estimates first */
	size_t ntop_ghg;
	/* Actions with both a budget > 0 and a GHG estimate > 0, cheapest
	 * tonne avoided first. */
	struct cons_cost *top_cost;
	size_t ntop_cost;
};

/* Computes the consolidation; top_n bounds each ranked list (top_ghg and
 * top_cost). Ties in the rankings are broken by ministry code then action
 * reference, so output is deterministic. Caller frees with cons_result_free. */
void consolidate(const struct cons_input *in, size_t top_n, struct cons_result *out);
void cons_result_free(struct cons_result *r);

#endif
