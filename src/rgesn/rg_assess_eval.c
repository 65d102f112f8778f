/* rg_assess_eval.c: RGESN assessments — starting one, answering criteria,
 * turning a quick self-diagnosis into a complete assessment, publishing
 * the declaration — with rights, checks and audit (rg_assess.h). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/xalloc.h"
#include "io/parse.h"
#include "plan/audit.h"
#include "rgesn/rg_assess_int.h"

static const char *nz(const char *v)
{
	return v ? v : "";
}

static const char *kind_label(enum rg_kind k)
{
	return k == RG_KIND_DIAGNOSTIC ? "autodiagnostic rapide" : "évaluation complète";
}

/* The referential named by spec: NULL or "" the latest RGESN, "NAME@VERSION",
 * "VERSION" of RGESN (starts with a digit), or "NAME" (its latest). */
static int ref_resolve(struct store *s, const char *spec, struct rg_ref *r, struct err *err)
{
	struct buf name = BUF_INIT;
	const char *version = NULL;
	spec = nz(spec);
	const char *at = strchr(spec, '@');
	if (at) {
		buf_add(&name, spec, (size_t)(at - spec));
		version = at + 1;
	} else if (*spec >= '0' && *spec <= '9') {
		version = spec;
	} else {
		buf_adds(&name, spec);
	}
	if (!name.len)
		buf_adds(&name, "RGESN");
	int found = store_rg_ref_load(s, name.ptr, version, r, err);
	if (found == 0)
		err_set(err, "référentiel RGESN inconnu : « %s » (voir numeco rgesn list)",
			*spec ? spec : name.ptr);
	buf_free(&name);
	return found == 1 ? 0 : -1;
}

/* The assessment id with its service, after checking the actor may assess
 * it; 0, or -1 (err). */
static int eval_open(struct store *s, const struct actor *a, int64_t id, struct rg_assessment *as,
		     struct rg_service *v, struct err *err)
{
	memset(v, 0, sizeof(*v));
	int found = store_rg_assessment_get(s, id, as, err);
	if (found == 0)
		err_set(err, "évaluation inconnue : %lld", (long long)id);
	if (found <= 0)
		return -1;
	found = store_rg_service_get_id(s, as->service_id, v, err);
	if (found == 0)
		err_set(err, "service de l'évaluation %lld introuvable", (long long)id);
	if (found <= 0)
		goto fail;
	if (!perm_edit_service(a, v->ministry_id, rg_service_direction(v))) {
		err_set(err,
			"%s n'a pas le droit d'évaluer le service « %s » (admin, référent du "
			"ministère ou correspondant de la direction propriétaire)",
			a->id, v->code);
		goto fail;
	}
	return 0;
fail:
	rg_assessment_free(as);
	rg_service_free(v);
	return -1;
}

static int ref_of(struct store *s, const struct rg_assessment *as, struct rg_ref *r,
		  struct err *err)
{
	int found = store_rg_ref_load_id(s, as->ref_id, r, err);
	if (found == 0)
		err_set(err, "référentiel de l'évaluation %lld introuvable", (long long)as->id);
	return found == 1 ? 0 : -1;
}

static void item_set(struct rg_item *it, const char *crit, enum rg_answer ans,
		     const struct rg_item *from)
{
	memset(it, 0, sizeof(*it));
	it->criterion = xstrdup(crit);
	it->answer = from ? from->answer : ans;
	it->justification = xstrdup(from ? nz(from->justification) : "");
	it->planned = xstrdup(from ? nz(from->planned) : "");
	it->note = xstrdup(from ? nz(from->note) : "");
}

/* Stores as (items included) and writes its creation entry. */
static int eval_create(struct store *s, const struct actor *a, const struct rg_service *v,
		       const struct rg_ref *r, struct rg_assessment *as, const char *from,
		       struct err *err)
{
	struct buf key = BUF_INIT, after = BUF_INIT, label = BUF_INIT;
	as->created_by = xstrdup(a->id);
	if (store_rg_assessment_add(s, as, err))
		return -1;
	rg_eval_key(&key, v->code, as->id);
	buf_addf(&label, "%s %s", r->name, r->version);
	audit_pairs_json(&after, "Service", v->code, "Référentiel", label.ptr, "Type",
			 kind_label(as->kind), "Date", as->assessed_on, "Depuis", from,
			 (const char *)NULL);
	int rc = audit_record(s, a, "evaluation", key.ptr, "create", "", after.ptr, err);
	buf_free(&key);
	buf_free(&after);
	buf_free(&label);
	return rc;
}

int rg_assessment_new(struct store *s, const struct actor *a, const char *service_code,
		      const char *ref, enum rg_kind kind, const char *date, int64_t *id,
		      struct err *err)
{
	struct rg_service v;
	struct rg_ref r;
	struct rg_assessment as;
	char day[11];
	size_t *idx = NULL;
	int rc = -1;
	*id = 0;
	memset(&r, 0, sizeof(r));
	memset(&as, 0, sizeof(as));
	if (rg_service_find(s, service_code, &v, err))
		return -1;
	if (!perm_edit_service(a, v.ministry_id, rg_service_direction(&v))) {
		err_set(err,
			"%s n'a pas le droit d'évaluer le service « %s » (admin, référent du "
			"ministère ou correspondant de la direction propriétaire)",
			a->id, v.code);
		goto out;
	}
	if (kind != RG_KIND_COMPLETE && kind != RG_KIND_DIAGNOSTIC) {
		err_set(err, "type d'évaluation invalide");
		goto out;
	}
	if (date && *date) {
		if (parse_date(date, day, err)) {
			err_prefix(err, "date d'évaluation : ");
			goto out;
		}
	} else {
		rg_today(day);
	}
	if (ref_resolve(s, ref, &r, err))
		goto out;
	as.service_id = v.id;
	as.ref_id = r.id;
	as.kind = kind;
	as.assessed_on = xstrdup(day);
	as.contact = xstrdup(nz(v.contact));
	size_t n = r.ncriteria;
	if (kind == RG_KIND_DIAGNOSTIC)
		n = rg_quick_criteria(&r, &idx);
	as.items = xcalloc(n + 1, sizeof(*as.items));
	for (size_t i = 0; i < n; i++)
		item_set(&as.items[as.nitems++], r.criteria[idx ? idx[i] : i].id, RG_ANS_NON_EVALUE,
			 NULL);
	if (eval_create(s, a, &v, &r, &as, "", err))
		goto out;
	*id = as.id;
	rc = 0;
out:
	free(idx);
	rg_assessment_free(&as);
	rg_ref_free(&r);
	rg_service_free(&v);
	return rc;
}

/* ---- answers ---- */

static const struct rg_item *item_find(const struct rg_assessment *as, const char *crit)
{
	for (size_t i = 0; i < as->nitems; i++)
		if (!strcmp(as->items[i].criterion, crit))
			return &as->items[i];
	return NULL;
}

static int item_same(const struct rg_item *x, const struct rg_item *y)
{
	return x->answer == y->answer && !strcmp(nz(x->justification), nz(y->justification)) &&
	       !strcmp(nz(x->planned), nz(y->planned)) && !strcmp(nz(x->note), nz(y->note));
}

/* "Non applicable : justification", "En cours (prévu le 2025-06-30)", with
 * the note after " — ". */
static void item_text(const struct rg_item *it, struct buf *out)
{
	buf_reset(out);
	buf_adds(out, rg_answer_label(it->answer));
	if (it->answer == RG_ANS_NON_APPLICABLE && *nz(it->justification))
		buf_addf(out, " : %s", it->justification);
	if (it->answer == RG_ANS_EN_COURS && *nz(it->planned))
		buf_addf(out, " (prévu le %s)", it->planned);
	if (*nz(it->note))
		buf_addf(out, " — %s", it->note);
}

static int published(const struct rg_assessment *as, const struct rg_service *v, struct err *err)
{
	if (!*nz(as->published_at))
		return 0;
	return err_set(err,
		       "l'évaluation %s/%lld est publiée (%s) : elle ne peut plus être modifiée "
		       "(commencez une nouvelle évaluation)",
		       v->code, (long long)as->id, as->published_at);
}

/* Marks which criteria of r an assessment may answer: all of them for a
 * complete one; for a diagnosis, the quick selection and the criteria it
 * already holds (the selection may have moved with a newer file). */
static char *allowed_map(const struct rg_ref *r, const struct rg_assessment *as)
{
	char *ok = xcalloc(r->ncriteria + 1, 1);
	if (as->kind == RG_KIND_COMPLETE) {
		memset(ok, 1, r->ncriteria);
		return ok;
	}
	size_t *idx = NULL, n = rg_quick_criteria(r, &idx);
	for (size_t i = 0; i < n; i++)
		ok[idx[i]] = 1;
	free(idx);
	for (size_t i = 0; i < as->nitems; i++) {
		long k = rg_ref_find(r, as->items[i].criterion);
		if (k >= 0)
			ok[k] = 1;
	}
	return ok;
}

static void items_check(const struct rg_ref *r, const struct rg_assessment *as,
			const struct rg_item *items, size_t n, struct diags *d)
{
	struct buf why = BUF_INIT;
	char *ok = allowed_map(r, as);
	for (size_t i = 0; i < n; i++) {
		const char *crit = nz(items[i].criterion);
		long k = rg_ref_find(r, crit);
		buf_reset(&why);
		if (rg_item_check(&items[i], &why))
			diags_add(d, DIAG_ERROR, "", 0, crit, "%s", why.ptr);
		else if (k < 0)
			diags_add(d, DIAG_ERROR, "", 0, crit, "critère inconnu dans %s %s", r->name,
				  r->version);
		else if (!ok[k])
			diags_add(d, DIAG_ERROR, "", 0, crit,
				  "ce critère ne fait pas partie de l'autodiagnostic rapide");
	}
	free(ok);
	buf_free(&why);
}

int rg_answers_set(struct store *s, const struct actor *a, int64_t assessment_id,
		   const struct rg_item *items, size_t n, struct diags *d, struct err *err)
{
	struct rg_assessment as;
	struct rg_service v;
	struct rg_ref r;
	struct buf key = BUF_INIT, text = BUF_INIT;
	json_t *before = json_object(), *after = json_object();
	char *bj = NULL, *aj = NULL;
	size_t errors = d->errors;
	int rc = -1;
	memset(&r, 0, sizeof(r));
	if (eval_open(s, a, assessment_id, &as, &v, err))
		goto done;
	if (published(&as, &v, err) || ref_of(s, &as, &r, err))
		goto out;
	items_check(&r, &as, items, n, d);
	if (d->errors > errors)
		goto out;
	for (size_t i = 0; i < n; i++) {
		const struct rg_item *old = item_find(&as, items[i].criterion);
		if (old && item_same(old, &items[i]))
			continue;
		if (store_rg_answer_set(s, as.id, &items[i], err))
			goto out;
		item_text(old ? old : &(struct rg_item){ .answer = RG_ANS_NON_EVALUE }, &text);
		json_object_set_new(before, items[i].criterion, json_string(text.ptr));
		item_text(&items[i], &text);
		json_object_set_new(after, items[i].criterion, json_string(text.ptr));
	}
	rc = 0;
	if (!json_object_size(after))
		goto out;
	bj = json_dumps(before, JSON_COMPACT | JSON_PRESERVE_ORDER);
	aj = json_dumps(after, JSON_COMPACT | JSON_PRESERVE_ORDER);
	rg_eval_key(&key, v.code, as.id);
	rc = audit_record(s, a, "evaluation", key.ptr, "update", bj ? bj : "", aj ? aj : "", err);
out:
	rg_assessment_free(&as);
	rg_service_free(&v);
	rg_ref_free(&r);
done:
	json_decref(before);
	json_decref(after);
	free(bj);
	free(aj);
	buf_free(&key);
	buf_free(&text);
	return rc;
}

/* ---- conversion and publication ---- */

int rg_convert(struct store *s, const struct actor *a, int64_t diagnosis_id, int64_t *id,
	       struct err *err)
{
	struct rg_assessment dg, as;
	struct rg_service v;
	struct rg_ref r;
	struct buf from = BUF_INIT;
	char day[11];
	int rc = -1;
	*id = 0;
	memset(&r, 0, sizeof(r));
	memset(&as, 0, sizeof(as));
	if (eval_open(s, a, diagnosis_id, &dg, &v, err))
		return -1;
	if (dg.kind != RG_KIND_DIAGNOSTIC) {
		err_set(err, "l'évaluation %s/%lld n'est pas un autodiagnostic rapide", v.code,
			(long long)dg.id);
		goto out;
	}
	if (ref_of(s, &dg, &r, err))
		goto out;
	rg_today(day);
	as.service_id = v.id;
	as.ref_id = r.id;
	as.kind = RG_KIND_COMPLETE;
	as.assessed_on = xstrdup(day);
	as.contact = xstrdup(*nz(dg.contact) ? dg.contact : nz(v.contact));
	as.from_id = dg.id;
	as.items = xcalloc(r.ncriteria + 1, sizeof(*as.items));
	for (size_t i = 0; i < r.ncriteria; i++)
		item_set(&as.items[as.nitems++], r.criteria[i].id, RG_ANS_NON_EVALUE,
			 item_find(&dg, r.criteria[i].id));
	buf_addf(&from, "autodiagnostic %s/%lld", v.code, (long long)dg.id);
	if (eval_create(s, a, &v, &r, &as, from.ptr, err))
		goto out;
	*id = as.id;
	rc = 0;
out:
	buf_free(&from);
	rg_assessment_free(&dg);
	rg_assessment_free(&as);
	rg_service_free(&v);
	rg_ref_free(&r);
	return rc;
}

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

int rg_publish(struct store *s, const struct actor *a, int64_t assessment_id, const char *contact,
	       struct err *err)
{
	struct rg_assessment as;
	struct rg_service v;
	struct buf key = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
	char now[32];
	int rc = -1;
	memset(&as, 0, sizeof(as));
	memset(&v, 0, sizeof(v));
	int found = store_rg_assessment_get(s, assessment_id, &as, err);
	if (found == 0)
		err_set(err, "évaluation inconnue : %lld", (long long)assessment_id);
	if (found <= 0)
		goto out;
	if ((found = store_rg_service_get_id(s, as.service_id, &v, err)) <= 0) {
		if (!found)
			err_set(err, "service de l'évaluation %lld introuvable",
				(long long)assessment_id);
		goto out;
	}
	if (!perm_publish_service(a, v.ministry_id)) {
		err_set(err,
			"%s n'a pas le droit de publier la déclaration du service « %s » (admin ou "
			"référent du ministère)",
			a->id, v.code);
		goto out;
	}
	if (as.kind != RG_KIND_COMPLETE) {
		err_set(err,
			"l'évaluation %s/%lld est un autodiagnostic rapide : transformez-la "
			"d'abord "
			"en évaluation complète",
			v.code, (long long)as.id);
		goto out;
	}
	if (published(&as, &v, err))
		goto out;
	if (blank(contact))
		contact = !blank(as.contact) ? as.contact : v.contact;
	if (blank(contact)) {
		err_set(err,
			"un contact est obligatoire pour publier la déclaration d'écoconception");
		goto out;
	}
	clock_now_iso(now);
	if (store_rg_assessment_set_contact(s, as.id, contact, err) ||
	    store_rg_assessment_set_published(s, as.id, now, err))
		goto out;
	rg_eval_key(&key, v.code, as.id);
	audit_pairs_json(&before, "Publiée le", "", "Contact", nz(as.contact), (const char *)NULL);
	audit_pairs_json(&after, "Publiée le", now, "Contact", contact, (const char *)NULL);
	rc = audit_record(s, a, "evaluation", key.ptr, "publish", before.ptr, after.ptr, err);
out:
	rg_assessment_free(&as);
	rg_service_free(&v);
	buf_free(&key);
	buf_free(&before);
	buf_free(&after);
	return rc;
}
