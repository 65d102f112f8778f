/* rg_assess_int.h: helpers shared by the files of the RGESN service layer
 * (rg_assess*.c). */
#ifndef NUMECO_RG_ASSESS_INT_H
#define NUMECO_RG_ASSESS_INT_H

#include "rgesn/rg_assess.h"

/* The service code: 0 and out filled, or -1 (err: unknown service). */
int rg_service_find(struct store *s, const char *code, struct rg_service *out, struct err *err);
/* The owning direction for perm_edit_service: the owner when it is not the
 * ministry itself, else 0. */
int64_t rg_service_direction(const struct rg_service *v);
/* Today (AAAA-MM-JJ) from the clock (NUMECO_NOW in tests). */
void rg_today(char iso[11]);
/* The audit key of an assessment: "SERVICE-CODE/ID". */
void rg_eval_key(struct buf *out, const char *service_code, int64_t id);

#endif
