/* estimate.c: avoided-impact estimates of actions (see estimate.h). */
#include "plan/estimate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "plan/audit.h"
#include "plan/referential.h"
#include "plan/review.h"

/* One action to estimate, found in its roadmap. */
struct target {
	const char *org, *period;
	struct roadmap rm;
	struct org o;
	struct action act;
};

static void target_free(struct target *t)
{
	roadmap_free(&t->rm);
	org_free(&t->o);
	if (t->act.ref)
		action_free(&t->act);
	memset(t, 0, sizeof(*t));
}

static int target_find(struct store *s, const char *org, const char *period, const char *ref,
		       struct target *t, struct err *err)
{
	memset(t, 0, sizeof(*t));
	t->org = org;
	t->period = period;
	if (review_find_roadmap(s, org, period, &t->rm, &t->o, err))
		return -1;
	int found = store_action_get(s, t->rm.id, ref, &t->act, err);
	if (found == 0)
		err_set(err, "action inconnue « %s » dans la feuille de route %s %s", ref, org,
			period);
	return found > 0 ? 0 : -1;
}

/* Appends the audit snapshot of an estimate. */
static void estimate_json(const struct action_estimate *e, struct buf *out)
{
	char kg[64];
	snprintf(kg, sizeof(kg), "%.0f", e->ghg_kg);
	audit_pairs_json(out, "Méthode", e->method, "Paramètres", e->params, "Référentiel",
			 e->referential_name, "Version", e->referential_version, "kg CO2e", kg,
			 (const char *)NULL);
}

/* Stores the estimate, writes the action's impact fields, logs both. */
static int apply(struct store *s, const struct actor *a, struct target *t, const char *canonical,
		 const struct ref_meta *m, const struct fp_av_result *res, struct err *err)
{
	struct action_estimate e = { t->act.id,
				     (char *)res->method->code,
				     (char *)canonical,
				     m->name,
				     m->version,
				     res->ghg_kg,
				     res->kind == FP_AV_ONCE,
				     (char *)(res->trace.ptr ? res->trace.ptr : ""),
				     NULL,
				     NULL,
				     NULL,
				     NULL };
	struct action_estimate prev;
	struct action after;
	struct buf key = BUF_INIT, method = BUF_INIT, before_j = BUF_INIT, after_j = BUF_INIT;
	buf_addf(&key, "%s/%s/%s", t->org, t->period, t->act.ref);
	int had = store_estimate_get(s, t->act.id, &prev, err);
	int rc = had < 0 || store_estimate_set(s, &e, err);
	if (rc == 0) {
		if (had)
			estimate_json(&prev, &before_j);
		estimate_json(&e, &after_j);
		rc = audit_record(s, a, "estimate", key.ptr, had ? "update" : "create",
				  before_j.ptr ? before_j.ptr : "", after_j.ptr, err);
	}
	if (had > 0)
		action_estimate_free(&prev);

	action_copy(&after, &t->act);
	after.has_impact = 1;
	after.impact_value = round(res->ghg_kg) / 1000.0;
	after.impact_unit = IUNIT_TCO2E;
	buf_addf(&method, "numeco : %s%s (référentiel %s %s)", res->method->label,
		 res->kind == FP_AV_ONCE ? ", une fois" : ", par an", m->name, m->version);
	free(after.impact_method);
	after.impact_method = xstrdup(method.ptr);
	if (rc == 0 && !action_equal(&after, &t->act)) {
		buf_reset(&before_j);
		buf_reset(&after_j);
		audit_action_json(&t->act, &before_j);
		audit_action_json(&after, &after_j);
		rc = store_action_update(s, -1, &after, err) ||
		     audit_record(s, a, "action", key.ptr, "update", before_j.ptr, after_j.ptr,
				  err);
	}
	action_free(&after);
	buf_free(&key);
	buf_free(&method);
	buf_free(&before_j);
	buf_free(&after_j);
	return rc ? -1 : 0;
}

int estimate_action(struct store *s, const struct actor *a, const struct estimate_req *q,
		    struct fp_av_result *res, struct ref_meta *meta, struct err *err)
{
	struct target t;
	struct buf canon = BUF_INIT;
	struct diags d = DIAGS_INIT;
	struct fp_ref *ref = NULL;
	const char *spec =
		q->referential && *q->referential ? q->referential : REFERENTIAL_OPEN_NAME;
	memset(meta, 0, sizeof(*meta));
	int rc = -1;
	if (target_find(s, q->org, q->period, q->action_ref, &t, err))
		goto out;
	if (!perm_edit_roadmap(a, t.o.ministry_id)) {
		err_set(err, "%s n'a pas le droit de modifier la feuille de route %s %s", a->id,
			q->org, q->period);
		goto out;
	}
	if (t.rm.state == RSTATE_VALIDEE) {
		err_set(err,
			"la feuille de route %s %s est validée : repassez-la en brouillon avant "
			"de modifier ses actions",
			q->org, q->period);
		goto out;
	}
	const struct fp_av_method *m = fp_av_method_find(q->method);
	if (!m) {
		struct buf list = BUF_INIT;
		fp_av_method_list(&list);
		err_set(err, "méthode inconnue « %s » (méthodes : %s)", q->method, list.ptr);
		buf_free(&list);
		goto out;
	}
	if (fp_av_params_canonical(m, q->params, &canon, err))
		goto out;
	if (referential_spec_is_dir(spec)) {
		err_set(err,
			"« %s » : une estimation utilise un référentiel enregistré, pour pouvoir "
			"être recalculée (numeco referential load, puis --referential NOM)",
			spec);
		goto out;
	}
	if (!(ref = referential_resolve(s, a, spec, meta, &d, err)))
		goto out;
	if (fp_av_estimate(ref, m->code, q->params, res, err))
		goto out;
	rc = apply(s, a, &t, canon.ptr ? canon.ptr : "", meta, res, err);
out:
	if (rc)
		ref_meta_free(meta);
	fp_ref_free(ref);
	target_free(&t);
	buf_free(&canon);
	diags_free(&d);
	return rc;
}

int estimate_recompute(struct store *s, const struct actor *a, const char *ref_name, size_t *count,
		       struct diags *d, struct err *err)
{
	struct action_estimate_list l;
	struct ref_meta m;
	*count = 0;
	if (store_estimate_list(s, ref_name, &l, err))
		return -1;
	if (l.n == 0) {
		action_estimate_list_free(&l);
		return 0;
	}
	struct fp_ref *ref = store_ref_load(s, ref_name, NULL, &m, err);
	int rc = ref ? 0 : -1;
	for (size_t i = 0; i < l.n && rc == 0; i++) {
		const struct action_estimate *e = &l.items[i];
		struct target t;
		struct fp_av_result res;
		struct err why = ERR_INIT;
		fp_av_result_init(&res);
		rc = target_find(s, e->org_code, e->period, e->action_ref, &t, err);
		if (rc == 0 && fp_av_estimate_canonical(ref, e->method, e->params, &res, &why))
			diags_add(d, DIAG_WARNING, "", 0, "",
				  "estimation de %s/%s/%s non recalculée avec %s %s, conservée "
				  "(%s %s) : %s",
				  e->org_code, e->period, e->action_ref, m.name, m.version,
				  e->referential_name, e->referential_version, why.msg.ptr);
		else if (rc == 0 && (rc = apply(s, a, &t, e->params, &m, &res, err)) == 0)
			(*count)++;
		fp_av_result_free(&res);
		err_free(&why);
		target_free(&t);
	}
	if (ref) {
		fp_ref_free(ref);
		ref_meta_free(&m);
	}
	action_estimate_list_free(&l);
	return rc;
}
