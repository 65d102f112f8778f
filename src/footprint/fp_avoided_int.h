/* fp_avoided_int.h: internals shared by fp_avoided.c (registry, parameters,
 * results) and fp_avoided_methods.c (the formulas); not a public API. */
#ifndef NUMECO_FP_AVOIDED_INT_H
#define NUMECO_FP_AVOIDED_INT_H

#include "footprint/fp_avoided.h"

/* At most this many parameters per method. */
#define AV_MAXP 16

/* One estimate (or one check) in progress: the parsed parameter values, by
 * index of the method's parameter definitions. */
struct av_ctx {
	const struct fp_ref *ref; /* NULL for a check without referential */
	const struct fp_av_method *m;
	struct fp_av_result *res; /* NULL for a check */
	struct err *err;
	int ghg;	  /* index of the climate-change criterion */
	double ghg_scale; /* kg CO2e per unit of that criterion (1, or 1000 for tonnes) */
	unsigned char given[AV_MAXP];
	unsigned char has[AV_MAXP]; /* given, or a numeric default */
	double num[AV_MAXP];
	const char *text[AV_MAXP];
};

/* 1 and *out when the number parameter has a value (given or default). */
int av_num(const struct av_ctx *c, const char *name, double *out);
/* 1 when the parameter was given by the user. */
int av_given(const struct av_ctx *c, const char *name);
/* The text parameter, NULL when not given. */
const char *av_text(const struct av_ctx *c, const char *name);

/* Referential values used, recorded in the result. */
void av_used(struct av_ctx *c, const char *what, const char *key, const char *crit, double value,
	     const char *unit, const char *source);

/* Cross-parameter checks that need no referential (fp_av_params_check). */
int av_check_device(struct av_ctx *c); /* type or element given */
int av_check_allongement(struct av_ctx *c);
int av_check_pue(struct av_ctx *c);
int av_check_consolidation(struct av_ctx *c);

/* The formulas (fp_avoided_methods.c). */
int av_allongement(struct av_ctx *c);
int av_reconditionne(struct av_ctx *c);
int av_reemploi(struct av_ctx *c);
int av_achat_responsable(struct av_ctx *c);
int av_pue(struct av_ctx *c);
int av_consolidation(struct av_ctx *c);

#endif
