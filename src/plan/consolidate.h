/* consolidate.h: the consolidated review of a period, as pure computation.
 *
 * Input: plain structs (ministries, their actions and their stored footprint
 * evaluations), filled by the store.
 * Output: plain structs of counts and totals, rendered by report/.
 * No I/O here, so every figure is unit-tested directly.
 */
#ifndef NUMECO_CONSOLIDATE_H
#define NUMECO_CONSOLIDATE_H

#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "footprint/fp.h"

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

/* One stored footprint evaluation (numeco footprint import) of an
 * organisation of a ministry's tree, for a year of the period: its counts and
 * the yearly total of the climate-change criterion (CLIMATE_CHANGE) by
 * phase, as stored. */
struct cons_fp_eval {
	size_t ministry; /* index into cons_input.ministries */
	char *org_code;	 /* the organisation evaluated: the ministry or a descendant */
	int year;
	char *referential; /* "NAME VERSION" */
	/* Computed with a licensed referential, whose values only its owner
	 * ministry and the admin may see (perm_use_referential): the
	 * consolidation withholds them. A caller whose actor may see them clears
	 * the flag before consolidating. */
	int licensed;
	int64_t licence_owner_id; /* owner ministry's store id, 0 for none */
	int64_t physical;	  /* physical equipment lines */
	int64_t errors;		  /* indicators in error */
	int has_climate;	  /* a CLIMATE_CHANGE total is stored */
	char *climate_unit;	  /* its unit as in the referential ("kg CO2 eq"), "" without */
	double climate_by_phase[FP_PHASE_COUNT]; /* per year, in climate_unit */
};

struct cons_input {
	char *period;
	char *scope;			  /* "" national, else the ministry code of --org */
	struct cons_ministry *ministries; /* ordered by code */
	size_t nministries, cap_ministries;
	struct cons_action *actions; /* any order */
	size_t nactions, cap_actions;
	struct cons_fp_eval *fp_evals; /* any order; outside the period: ignored */
	size_t nfp_evals, cap_fp_evals;
};

void cons_input_init(struct cons_input *in);
void cons_input_free(struct cons_input *in);
/* Appenders used by the store and by tests; strings are copied. */
size_t cons_input_add_ministry(struct cons_input *in, const char *code, const char *name,
			       int has_roadmap, enum rstate state);
void cons_input_add_action(struct cons_input *in, const struct cons_action *a);
/* Appends a copy of e (strings copied, NULL taken as ""); returns its index. */
size_t cons_input_add_fp_eval(struct cons_input *in, const struct cons_fp_eval *e);

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

/* Why a ministry's footprint row has, or has not, a climate-change figure. */
enum cons_fp_state {
	CONS_FP_OK,	    /* figures in tCO2e */
	CONS_FP_NO_CLIMATE, /* an evaluation counted has no CLIMATE_CHANGE total */
	CONS_FP_BAD_UNIT,   /* its unit is not a mass of CO2 equivalent */
	CONS_FP_LICENSED,   /* computed with a licensed referential: withheld */
};

/* The IT fleet footprint of one ministry for one year. The ministry's own
 * evaluation, when there is one, is its figure (it is taken to cover its
 * directions); else the evaluations of its descendants are summed. */
struct cons_fp_row {
	size_t ministry; /* index into cons_input.ministries */
	int year;
	size_t first, n; /* its evaluations: cons_result.fp_evals[first .. first + n) */
	int64_t physical, errors;
	enum cons_fp_state state;
	/* The evaluation whose CLIMATE_CHANGE unit describes the row (for
	 * CONS_FP_BAD_UNIT, the one that cannot be converted); valid when
	 * has_unit. */
	size_t unit_eval;
	int has_unit;
	double by_phase_t[FP_PHASE_COUNT]; /* tCO2e per year, when CONS_FP_OK */
	double total_t;
};

/* One year of the period: the ministries with an evaluation, and the
 * national total of those whose figure is usable (CONS_FP_OK). */
struct cons_fp_year {
	int year;
	size_t first_row, nrows; /* cons_result.fp_rows[first_row ..), in ministry order */
	size_t ministries_in_total;
	int64_t physical, errors; /* of the ministries in the total */
	double by_phase_t[FP_PHASE_COUNT];
	double total_t;
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
	/* IT fleet footprint: one entry per year of the period, none when no
	 * evaluation of the period is in the input (or the period does not
	 * parse). */
	struct cons_fp_year *fp_years;
	size_t nfp_years;
	struct cons_fp_row *fp_rows;
	size_t nfp_rows;
	size_t *fp_evals; /* indexes into cons_input.fp_evals, grouped by row */
	size_t nfp_evals;
};

/* Computes the consolidation; top_n bounds each ranked list (top_ghg and
 * top_cost). Ties in the rankings are broken by ministry code then action
 * reference, so output is deterministic. Caller frees with cons_result_free. */
void consolidate(const struct cons_input *in, size_t top_n, struct cons_result *out);
void cons_result_free(struct cons_result *r);

#endif
