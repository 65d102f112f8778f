/* estimate.h: avoided-impact estimates of roadmap actions (method, parameters,
 * stored referential), kept with the action and recomputed when the
 * referential changes. The computation itself is footprint/fp_avoided.h;
 * this module adds rights, storage, the action's impact fields and the audit
 * log, in the caller's transaction. */
#ifndef NUMECO_ESTIMATE_H
#define NUMECO_ESTIMATE_H

#include <stddef.h>

#include "core/err.h"
#include "core/perm.h"
#include "footprint/fp_avoided.h"
#include "store/store.h"
#include "store/store_fp.h"

struct estimate_req {
	const char *org;
	const char *period;
	const char *action_ref;
	const char *method;
	const struct fp_av_params *params;
	const char *referential; /* NAME[@VERSION] stored; NULL or "" for the open one */
};

/* Computes and stores the estimate of an action, and sets its impact fields
 * (tCO2e, method "numeco : …") so that reports and rankings use it. Refused
 * when the actor may not edit the roadmap or use the referential, when the
 * roadmap is validated, and on any parameter error. res gets the result (with
 * its trace); *meta the referential used (free with ref_meta_free). */
int estimate_action(struct store *s, const struct actor *a, const struct estimate_req *q,
		    struct fp_av_result *res, struct ref_meta *meta, struct err *err);

/* Recomputes every estimate made from a referential named ref_name with its
 * latest stored version; *count gets the number recomputed. An estimate that
 * no longer computes (item gone from the new version …) is kept as it was,
 * with a warning in d naming the action. */
int estimate_recompute(struct store *s, const struct actor *a, const char *ref_name, size_t *count,
		       struct diags *d, struct err *err);

#endif
