/* fp_calc_int.h: helpers shared by the fp_calc*.c files; internal to src/footprint/. */
#ifndef NUMECO_FP_CALC_INT_H
#define NUMECO_FP_CALC_INT_H

#include <stdint.h>

#include "footprint/fp_calc.h"

/* Empties x for a new item of ncrit criteria, every indicator OK and 0. */
void fp_inds_reset(struct fp_inds *x, size_t ncrit);
/* Appends a reason to x and returns its offset. */
uint32_t fp_inds_reason(struct fp_inds *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Puts one indicator in error with the reason at offset why. */
void fp_inds_fail(struct fp_inds *x, size_t crit, enum fp_phase p, uint32_t why);

/* A physical line's trace in parts, so that the detailed output formats the
 * line's numbers once, not once per indicator: fp_trace_parts_line per
 * line, then fp_trace_parts_ind per indicator with its factor (F, or the
 * mix factor for the use phase) already formatted by fp_num. */
struct fp_trace_parts {
	struct buf q;	  /* "I = Q(2)" */
	struct buf tail;  /* "U(1) / L(…)" */
	struct buf use_e; /* " × E(…) × M(" */
	struct buf use_m; /* " × PUE … ; mix …) × U(1)" */
};

void fp_trace_parts_init(struct fp_trace_parts *t);
void fp_trace_parts_free(struct fp_trace_parts *t);
void fp_trace_parts_line(struct fp_trace_parts *t, const struct fp_calc_ctx *c,
			 const struct fp_physical *row, const struct fp_phys_result *res);
void fp_trace_parts_ind(const struct fp_trace_parts *t, const struct fp_phys_result *res,
			size_t crit, enum fp_phase p, const char *factor, struct buf *out);

#endif
