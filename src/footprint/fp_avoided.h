/* fp_avoided.h: avoided-impact estimates of roadmap actions, computed by a
 * named method from a footprint referential (docs/formulas-actions.md).
 *
 * Pure computation, no I/O. Every method computes
 *     avoided = footprint of the reference scenario − footprint with the action
 * per criterion of the referential that has the data, in the criterion's unit,
 * per year (or once, for reuse), with a French trace of the formula and the
 * list of referential values used, so that an estimate can be reproduced and
 * recomputed when the referential changes.
 *
 * Parameters are text "k=v" pairs (CLI --param k=v); numbers are read with
 * parse_number (French or English decimals). They are kept by the store as a
 * canonical string (sorted "k=v" joined by ';', see fp_av_params_canonical).
 *
 * Typical use (CLI `numeco action estimate`):
 *     struct fp_av_params p = FP_AV_PARAMS_INIT;
 *     fp_av_params_add(&p, "n=1200", &err);  ... one per --param
 *     struct fp_av_result res;
 *     fp_av_result_init(&res);
 *     if (fp_av_estimate(ref, "allongement", &p, &res, &err) < 0) ...
 *     fp_av_params_canonical(fp_av_method_find("allongement"), &p, &canon, &err);
 *     ... store canon.ptr, res.ghg_kg, res.kind ...
 *     fp_av_result_free(&res); fp_av_params_free(&p);
 */
#ifndef NUMECO_FP_AVOIDED_H
#define NUMECO_FP_AVOIDED_H

#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"
#include "footprint/fp.h"
#include "footprint/fp_ref.h"

/* ---- method registry (static, read-only) ---- */

enum fp_av_ptype {
	FP_AV_NUM, /* a number (parse_number) */
	FP_AV_TEXT /* a name: item type, reference item, country */
};

/* Constraints checked on numbers; cross-parameter rules (l1 > l0 …) are
 * checked by the method. */
enum fp_av_pcheck {
	FP_AV_ANY,
	FP_AV_POS,    /* > 0 */
	FP_AV_NONNEG, /* >= 0 */
	FP_AV_COUNT,  /* whole number > 0 (catches "1,200" read as 1,2) */
	FP_AV_SHARE,  /* in [0, 1] */
	FP_AV_SHARE1, /* in ]0, 1] */
	FP_AV_YEARS,  /* >= 1 (a lifespan under one year counts as one year) */
	FP_AV_PUE,    /* >= 1 */
	FP_AV_HOURS   /* in ]0, 8784] */
};

struct fp_av_param_def {
	const char *name; /* e.g. "l1" */
	const char *desc; /* French */
	const char *unit; /* French, "" when none: "appareils", "ans", "kWh/an" … */
	enum fp_av_ptype type;
	enum fp_av_pcheck check;
	int required;	 /* 1: must be given; 0: optional (see def) */
	const char *def; /* default: a number as written ("0,2", "8760"), a French
			  * phrase for a default taken from the referential, or
			  * NULL (optional without default) */
};

enum fp_av_kind {
	FP_AV_YEARLY, /* avoided every year the action lasts */
	FP_AV_ONCE    /* avoided once (reuse: manufacturing not done) */
};

struct fp_av_method {
	const char *code;  /* stable code, stored with the action: "allongement" */
	const char *label; /* French label */
	const char *desc;  /* French, one sentence */
	enum fp_av_kind kind;
	const struct fp_av_param_def *params;
	size_t nparams;
};

size_t fp_av_nmethods(void);
const struct fp_av_method *fp_av_method_at(size_t i);
/* By code, case and accents ignored, '_' = ' ' ("Achat responsable" works);
 * NULL when unknown. */
const struct fp_av_method *fp_av_method_find(const char *code);
/* Definition of a parameter of m by name; NULL when unknown. */
const struct fp_av_param_def *fp_av_param_find(const struct fp_av_method *m, const char *name);
/* Appends the French list of method codes "allongement, reconditionne, …" (for messages). */
void fp_av_method_list(struct buf *out);

/* ---- parameters ---- */

struct fp_av_kv {
	char *key;
	char *value;
};

/* Parameters as given: key → text value, keys unique, kept sorted by key.
 * Owns its strings; free with fp_av_params_free. */
struct fp_av_params {
	struct fp_av_kv *kv;
	size_t n, cap;
};

#define FP_AV_PARAMS_INIT  \
	{                  \
		NULL, 0, 0 \
	}

void fp_av_params_init(struct fp_av_params *p);
void fp_av_params_free(struct fp_av_params *p);
/* Adds one "k=v" (split at the first '='; spaces around k and v removed; key
 * lowered to ASCII lower case). Errors (French): no '=', empty name or value,
 * name not made of [a-z0-9_], parameter given twice. */
int fp_av_params_add(struct fp_av_params *p, const char *kv, struct err *err);
/* Same with key and value apart. */
int fp_av_params_set(struct fp_av_params *p, const char *key, const char *value, struct err *err);
/* The value of key, or NULL. */
const char *fp_av_params_get(const struct fp_av_params *p, const char *key);

/* Checks p against m without the referential: every name known to m,
 * required ones present, numbers readable and within their constraint, and
 * the cross-parameter rules that need no referential value (l1 > l0 when both
 * are given, pue1 < pue0 …). Messages name the parameter:
 * "paramètre l1 : doit être supérieur à l0 (4)". */
int fp_av_params_check(const struct fp_av_method *m, const struct fp_av_params *p, struct err *err);

/* Writes the canonical form: "k=v" sorted by key (byte order), joined by ';';
 * in values '\' and ';' are escaped with '\'. When m is not NULL, p is first
 * checked (fp_av_params_check) and numbers are written in numeco's canonical
 * form (fmt_number_fr: "1200", "0,2"), so "n=1 200" and "n=1200" give the same
 * string; with m NULL values are written as given. Appends to out; on error
 * out is left unchanged. Defaults are not written: a recomputation uses the
 * defaults of its time (the trace of a result names every value used). */
int fp_av_params_canonical(const struct fp_av_method *m, const struct fp_av_params *p,
			   struct buf *out, struct err *err);
/* Reads a canonical string back into p (which must be empty): the inverse
 * of fp_av_params_canonical; "" gives no parameter. */
int fp_av_params_parse(const char *canonical, struct fp_av_params *p, struct err *err);

/* ---- results ---- */

/* One referential value an estimate used (for reproducibility). */
struct fp_av_refval {
	char *what; /* French: "facteur Fabrication", "mix électrique", … */
	char *key;  /* item, country, item type or hypothesis name */
	char *crit; /* criterion code, "" when not tied to a criterion */
	double value;
	char *unit;   /* "kg CO2 eq", "kg CO2 eq/kWh", "ans", "kWh/an", "" … */
	char *source; /* as given by the referential, "" when none */
};

struct fp_av_result {
	const struct fp_av_method *method;
	enum fp_av_kind kind;
	size_t ncrit;			/* criteria of the referential */
	unsigned char has[FP_MAX_CRIT]; /* 1 when the criterion could be computed */
	double v[FP_MAX_CRIT];		/* avoided, criterion's unit (per year when yearly) */
	int ghg_crit;			/* index of CLIMATE_CHANGE in the referential */
	double ghg_kg;			/* avoided GHG in kg CO2e (per year when yearly) */
	struct buf trace;		/* French, one or more lines, each ending in '\n' */
	struct fp_av_refval *used;
	size_t nused, capused;
};

void fp_av_result_init(struct fp_av_result *r);
/* Frees and re-initialises. */
void fp_av_result_free(struct fp_av_result *r);

/* Computes the estimate of method code on ref with the given parameters.
 * Fills res (which must be initialised; previous content is freed). Errors
 * (French, res left empty): unknown method, parameter errors as
 * fp_av_params_check plus those needing the referential, unknown item type,
 * item or country, missing factor or consumption, referential without the
 * climate-change criterion or without its data for the items involved. */
int fp_av_estimate(const struct fp_ref *ref, const char *method, const struct fp_av_params *p,
		   struct fp_av_result *res, struct err *err);

/* The same from a stored canonical parameter string. */
int fp_av_estimate_canonical(const struct fp_ref *ref, const char *method, const char *canonical,
			     struct fp_av_result *res, struct err *err);

/* French numbers as the traces write them: at most 6 significant digits
 * (never an exponent), trailing zeros removed, groups of three digits
 * separated by U+202F, ',' as decimal separator: "11 118", "185,3",
 * "0,0569". Deterministic, no locale. Appends to out. */
void fp_av_fmt(struct buf *out, double v);

#endif
