/* fp_calc.h: pure per-item footprint computation (physical equipment,
 * virtual machines, applications), with status, reason and trace.
 *
 * No I/O, no allocation per indicator: a result struct is reused from one
 * line to the next (its reason buffer keeps its memory), so a million lines
 * × 12 criteria × 4 phases cost only arithmetic and a few hash lookups.
 * Traces (the formula with the values used, in French) are built on demand
 * by fp_*_trace, only when the detailed output is requested.
 * Formulas, fallbacks and trace format: docs/formulas.md.
 *
 * Typical use:
 *     struct fp_calc_ctx c;
 *     fp_calc_init(&c, ref, FP_LIFESPAN_REAL, "2024-01-01");
 *     struct fp_phys_result res;
 *     fp_phys_result_init(&res);
 *     for each row: fp_eval_physical(&c, &row, dc_or_NULL, &res);
 *                   res.ind.st[crit][phase], res.ind.v[crit][phase],
 *                   fp_ind_reason(&res.ind, crit, phase) when FP_ERREUR
 *     fp_phys_result_free(&res);
 */
#ifndef NUMECO_FP_CALC_H
#define NUMECO_FP_CALC_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "footprint/fp.h"
#include "footprint/fp_inventory.h"
#include "footprint/fp_ref.h"

/* Hypothesis keys read from the referential. */
#define FP_HYP_PUE	"PUEParDefaut"
#define FP_HYP_LIFESPAN "dureeVieParDefaut"
#define FP_HYP_COPE	"taux_utilisation_COPE"
#define FP_HYP_BYOD	"taux_utilisation_BYOD"

/* Evaluation context: the referential, the options and the hypotheses,
 * looked up once. Holds no memory of its own (nothing to free); ref must
 * outlive it. */
struct fp_calc_ctx {
	const struct fp_ref *ref;
	size_t ncrit;
	enum fp_lifespan_mode lifespan;
	char date[11];	/* evaluation date AAAA-MM-JJ */
	long date_days; /* the same, in days since 1970-01-01 */
	int has_pue_default, has_life_default, has_cope, has_byod;
	double pue_default, life_default, cope, byod;
};

/* Fills c. Returns 0, or -1 when date is not a valid AAAA-MM-JJ. */
int fp_calc_init(struct fp_calc_ctx *c, const struct fp_ref *ref, enum fp_lifespan_mode mode,
		 const char *date);

/* Days since 1970-01-01 of an ISO date AAAA-MM-JJ; -1 on a bad date. */
int fp_date_days(const char *iso, long *days);

/* The indicators of one item: value and status per criterion × phase, and
 * for each indicator in error the offset of its reason (French, NUL
 * terminated) in `reasons` (reasons of one line are shared by the
 * indicators that have the same one). */
struct fp_inds {
	size_t ncrit;
	double v[FP_MAX_CRIT][FP_PHASE_COUNT];
	unsigned char st[FP_MAX_CRIT][FP_PHASE_COUNT]; /* enum fp_status */
	uint32_t why[FP_MAX_CRIT][FP_PHASE_COUNT];
	struct buf reasons;
	size_t nerrors; /* indicators in error */
};

void fp_inds_init(struct fp_inds *x);
void fp_inds_free(struct fp_inds *x);
/* Reason of an indicator in error ("" when OK). */
const char *fp_ind_reason(const struct fp_inds *x, size_t crit, enum fp_phase p);
/* The first reason of the item ("" when every indicator is OK). */
const char *fp_inds_first_reason(const struct fp_inds *x);

/* How the reference item was found. */
enum fp_match { FP_MATCH_NONE, FP_MATCH_MODEL, FP_MATCH_TYPE };
const char *fp_match_code(enum fp_match m); /* "", "modele", "type" */

/* Where the lifespan comes from. */
enum fp_life_src {
	FP_LIFE_NONE,	    /* unknown: non-use indicators in error */
	FP_LIFE_REAL,	    /* dateRetrait − dateAchat */
	FP_LIFE_REAL_DATE,  /* evaluation date − dateAchat (no dateRetrait) */
	FP_LIFE_FIXED,	    /* dureeUsageInterne (+ amont + aval) */
	FP_LIFE_TYPE,	    /* default lifespan of the item type */
	FP_LIFE_HYPOTHESIS, /* hypothesis dureeVieParDefaut */
};
const char *fp_life_src_code(enum fp_life_src s); /* reelle, reelle_date_evaluation, … */

enum fp_usage_src { FP_USAGE_RATE, FP_USAGE_COPE, FP_USAGE_BYOD, FP_USAGE_DEFAULT };

/* Where the use phase's electricity factor comes from. */
enum fp_elec_src {
	FP_ELEC_NONE,	    /* not computable (see the reasons) */
	FP_ELEC_DC,	    /* server in a data centre: its country, its PUE */
	FP_ELEC_DC_PUE_HYP, /* server in a data centre without PUE: PUEParDefaut */
	FP_ELEC_COUNTRY,    /* country of use (paysDUtilisation) */
};

/* The result of one physical equipment line, with the structured parts of
 * its trace. Pointers point into the referential, the row or dc, and stay
 * valid as long as they do. */
struct fp_phys_result {
	struct fp_inds ind;
	const struct fp_item *item; /* NULL when none found */
	enum fp_match match;
	const struct fp_item_type *type; /* NULL when the type is unknown */
	/* Lifespan, in years, after the one-year floor. */
	enum fp_life_src life_src;
	double lifespan, lifespan_raw; /* raw: before the floor */
	/* Usage share U. */
	enum fp_usage_src usage_src;
	double usage;
	/* Use phase. */
	int has_kwh, kwh_from_item;
	double kwh;
	enum fp_elec_src elec_src;
	const char *elec_country; /* country whose mix is used */
	const struct fp_mix *mix; /* NULL when unknown */
	double pue;		  /* 1 outside a data centre */
	const char *dc_unknown;	  /* named data centre not found (server): its name */
};

void fp_phys_result_init(struct fp_phys_result *r);
void fp_phys_result_free(struct fp_phys_result *r);

/* Evaluates one physical equipment row. dc is the row's data centre when
 * nomCourtDatacenter names a known one, else NULL. Never fails: problems
 * become indicators with status FP_ERREUR and their reason. */
void fp_eval_physical(const struct fp_calc_ctx *c, const struct fp_physical *row,
		      const struct fp_datacenter *dc, struct fp_phys_result *res);

/* Appends the trace of one indicator of a physical line, e.g.
 * "I = Q(2) × F(2226.09317222576, Fake data for tests) × U(1) / L(2.484931506849315 ;
 * réelle : 2020-07-08 → 2023-01-01)". */
void fp_phys_trace(const struct fp_calc_ctx *c, const struct fp_physical *row,
		   const struct fp_phys_result *res, size_t crit, enum fp_phase p, struct buf *out);

/* ---- virtual machines ---- */

/* What the allocation of a VM needs to know of its host's VMs. */
struct fp_host_vms {
	size_t nvms;
	double sum_vcpu, sum_storage;
	int all_vcpu, all_storage; /* every VM of the host has vCPU / capaciteStockage */
};

/* Starts empty stats; fp_host_vms_add counts one VM row of the host. */
void fp_host_vms_init(struct fp_host_vms *h);
void fp_host_vms_add(struct fp_host_vms *h, const struct fp_virtual *vm);

enum fp_alloc { FP_ALLOC_KEY, FP_ALLOC_VCPU, FP_ALLOC_STORAGE, FP_ALLOC_EVEN };
const char *fp_alloc_code(enum fp_alloc a); /* cleRepartition, vCPU, stockage, equipartition */

/* Share A of the host's impact that falls to vm. */
double fp_vm_share(const struct fp_virtual *vm, const struct fp_host_vms *h, enum fp_alloc *how);

struct fp_vm_result {
	struct fp_inds ind;
	enum fp_alloc alloc;
	double share;
};

void fp_vm_result_init(struct fp_vm_result *r);
void fp_vm_result_free(struct fp_vm_result *r);

/* Evaluates one VM: host is the host's indicators, NULL when the host is
 * not in the physical equipment (then every indicator is in error), h the
 * stats of the host's VMs. An indicator of the host in error makes the
 * VM's in error too. */
void fp_eval_virtual(const struct fp_calc_ctx *c, const struct fp_virtual *vm,
		     const struct fp_inds *host, const struct fp_host_vms *h,
		     struct fp_vm_result *res);

/* "I = I_hôte(12.5 ; physical-eq-1) × A(4/16 ; vCPU)". */
void fp_vm_trace(const struct fp_virtual *vm, const struct fp_inds *host,
		 const struct fp_host_vms *h, const struct fp_vm_result *res, size_t crit,
		 enum fp_phase p, struct buf *out);

/* ---- applications ---- */

/* An application's indicators are summed over its VMs: start with
 * fp_app_begin, then fp_app_add once per (application, VM) row, with the
 * VM's indicators (NULL when the VM is unknown: name it in vm_name) and the
 * number of applications on that VM. */
void fp_app_begin(const struct fp_calc_ctx *c, struct fp_inds *app);
void fp_app_add(struct fp_inds *app, const struct fp_inds *vm, const char *vm_name, size_t napps);

/* ---- numbers in traces and detailed files ---- */

/* The shortest decimal form that reads back to v, with '.' ("2", "0.8",
 * "2226.09317222576", "1e-07"). */
void fp_num(struct buf *out, double v);

#endif
