/* fp_run_int.h: what the run (fp_run*.c) and the summary renderers
 * (fp_output*.c) share; internal to src/footprint/. */
#ifndef NUMECO_FP_RUN_INT_H
#define NUMECO_FP_RUN_INT_H

#include <stdio.h>

#include "footprint/fp_calc_int.h"
#include "footprint/fp_eval.h"
#include "footprint/fp_run_map.h"

/* Aggregation dimensions, in output order. */
enum fp_dim { FP_DIM_TOTAL, FP_DIM_ENTITY, FP_DIM_TYPE, FP_DIM_DC, FP_DIM_APP, FP_DIM_COUNT };
const char *fp_dim_code(enum fp_dim d); /* total, entite, type, datacenter, application */

#define FP_MAX_ERRORS 100

struct fp_summary {
	const struct fp_ref *ref;
	char date[11];
	struct fp_counts counts;
	struct fp_agg_row *rows; /* sorted; keys point into keys[] */
	size_t nrows;
	char **keys;
	size_t nkeys;
	char **errors;
	size_t nerrors;
	/* Quantity of the usable physical lines per equipment type, by type;
	 * qtype[i] points into keys[]. */
	const char **qtype;
	double *qty;
	size_t nqty;
};

/* Running sums per (dimension, key). */
struct fp_agg_entry {
	enum fp_dim dim;
	char *key;
	double v[FP_MAX_CRIT][FP_PHASE_COUNT];
	double qty; /* FP_DIM_TYPE: quantity of the physical lines (fp_agg_quantity) */
	int has_qty;
};

struct fp_agg {
	size_t ncrit;
	struct fp_map map; /* "<dim>\x1f<key>" → index */
	struct fp_agg_entry *e;
	size_t n, cap;
	/* Last lookup per dimension: consecutive lines often share keys. */
	const char *last_key[FP_DIM_COUNT];
	size_t last_len[FP_DIM_COUNT], last_idx[FP_DIM_COUNT];
	struct buf tmp;
};

void fp_agg_init(struct fp_agg *a, size_t ncrit);
void fp_agg_free(struct fp_agg *a);
/* Adds the OK indicators of x under (dim, key). */
void fp_agg_add(struct fp_agg *a, enum fp_dim dim, const char *key, const struct fp_inds *x);
/* Adds the quantity of a usable physical line to its equipment type. */
void fp_agg_quantity(struct fp_agg *a, const char *type, double qty);
/* Moves the sums into s->rows / s->keys, sorted (dimension, key, crit, phase). */
void fp_agg_finish(struct fp_agg *a, struct fp_summary *s);

/* Appends "FILE:LINE: reason" to s->errors while there are fewer than FP_MAX_ERRORS. */
void fp_summary_add_error(struct fp_summary *s, const char *file, long line, const char *reason);

/* The trace of an OK indicator of a physical line (fp_trace_parts_ind) is
 * pre + factor + post, where pre and post depend only on whether the phase
 * is the use phase: appends them, for the detailed output to build them once
 * per line (defined in fp_calc_trace.c). */
void fp_trace_parts_frame(const struct fp_trace_parts *t, const struct fp_phys_result *res, int use,
			  struct buf *pre, struct buf *post);

/* The streamed detailed output (ind_*.csv), written to "<name>.tmp" and
 * renamed at fp_detail_close when all went well. */
struct fp_detail {
	const struct fp_calc_ctx *c;
	FILE *f[3];
	char *path[3], *tmp[3];
	struct buf out, trace, num; /* out holds rows of file cur only */
	/* CSV pieces that do not change, escaped once, in fixed: "<phase>;",
	 * "<criterion label>;", ";<unit>;". */
	struct buf fixed;
	uint32_t phase_at[FP_PHASE_COUNT], phase_len[FP_PHASE_COUNT];
	uint32_t label_at[FP_MAX_CRIT], label_len[FP_MAX_CRIT];
	uint32_t unit_at[FP_MAX_CRIT], unit_len[FP_MAX_CRIT];
	/* Per physical line, formatted and escaped once for its 4 × ncrit rows:
	 * its trace parts, "<name>;", "<quantity>;…;<lifespanOrigin>;",
	 * ";<usageRate>;", the PUE, and the trace around the factor (pre, post;
	 * [1]: use phase) with whether it needs quotes. */
	struct fp_trace_parts parts;
	struct buf qty, life, usage, scratch;
	struct buf l_name, l_mid, l_usage, l_pue;
	struct buf pre[2], post[2];
	int quote[2];
	/* Factors of the referential formatted once: "<kind><pointer>" →
	 * index of FP_MAX_CRIT × FP_PHASE_COUNT offsets into fac_pool. */
	struct fp_map fac_map;
	uint32_t (*fac_off)[FP_MAX_CRIT][FP_PHASE_COUNT];
	size_t nfac, faccap;
	struct buf fac_pool;
	const void *last_fac[2]; /* last item, mix looked up, and their index */
	size_t last_idx[2];
	int cur;
	int failed;
	struct err *err;
};

int fp_detail_open(struct fp_detail *d, const struct fp_calc_ctx *c, const char *dir,
		   struct err *err);
void fp_detail_physical(struct fp_detail *d, const struct fp_physical *row,
			const struct fp_phys_result *res);
void fp_detail_virtual(struct fp_detail *d, const struct fp_virtual *vm, const struct fp_inds *host,
		       const struct fp_host_vms *h, const char *datacenter,
		       const struct fp_vm_result *res);
/* One application: its name, entity, number of (application, VM) rows,
 * indicators and the trace of each indicator (built by the caller). */
struct fp_app_trace_fn {
	void (*fn)(void *arg, size_t crit, enum fp_phase p, struct buf *out);
	void *arg;
};
void fp_detail_app(struct fp_detail *d, const char *name, const char *entity, size_t nvms,
		   const struct fp_inds *x, const struct fp_app_trace_fn *trace);
/* Flushes and closes; ok = 0 removes the files. Returns 0, or -1 with err. */
int fp_detail_close(struct fp_detail *d, int ok);

#endif
