/* rg_assess.c: loading RGESN referentials (a file, or the shipped 2024
 * structure) and the services register, with rights and audit
 * (rg_assess.h). */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/embedded.h"
#include "core/xalloc.h"
#include "plan/audit.h"
#include "rgesn/rg_assess_int.h"

int rg_service_find(struct store *s, const char *code, struct rg_service *out, struct err *err)
{
	int found = store_rg_service_get(s, code ? code : "", out, err);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(err, "service inconnu : « %s » (voir numeco service list)",
			       code ? code : "");
	return 0;
}

int64_t rg_service_direction(const struct rg_service *v)
{
	return v->org_id != v->ministry_id ? v->org_id : 0;
}

void rg_today(char iso[11])
{
	char now[32];
	clock_now_iso(now);
	memcpy(iso, now, 10);
	iso[10] = '\0';
}

void rg_eval_key(struct buf *out, const char *service_code, int64_t id)
{
	buf_reset(out);
	buf_addf(out, "%s/%lld", service_code, (long long)id);
}

/* ---- referentials ---- */

/* Stores r, replacing the same (name, version), and writes the audit entry. */
static int ref_store(struct store *s, const struct actor *a, struct rg_ref *r, struct err *err)
{
	struct rg_ref old;
	struct buf key = BUF_INIT, before = BUF_INIT, after = BUF_INIT, n = BUF_INIT;
	int found = store_rg_ref_load(s, r->name, r->version, &old, err);
	if (found < 0)
		return -1;
	if (found) {
		buf_addf(&n, "%zu", old.ncriteria);
		audit_pairs_json(&before, "Titre", old.title, "Critères", n.ptr, "Texte intégral",
				 old.full_text ? "oui" : "non", (const char *)NULL);
		rg_ref_free(&old);
	}
	buf_reset(&n);
	buf_addf(&n, "%zu", r->ncriteria);
	audit_pairs_json(&after, "Titre", r->title ? r->title : "", "Critères", n.ptr,
			 "Texte intégral", r->full_text ? "oui" : "non", (const char *)NULL);
	buf_addf(&key, "%s %s", r->name, r->version);
	int rc = store_rg_ref_save(s, r, a->id, err) ||
				 audit_record(s, a, "rgesn", key.ptr, found ? "update" : "create",
					      before.len ? before.ptr : "", after.ptr, err)
			 ? -1
			 : 0;
	buf_free(&key);
	buf_free(&before);
	buf_free(&after);
	buf_free(&n);
	return rc;
}

/* A file without quick self-diagnosis marks (a third-party full text)
 * keeps the marks, and the links to the official text, of the stored same
 * version, so diagnoses keep their selection. */
static void keep_marks(const struct rg_ref *stored, struct rg_ref *r)
{
	for (size_t i = 0; i < r->ncriteria; i++)
		if (r->criteria[i].quick)
			return;
	for (size_t i = 0; i < r->ncriteria; i++) {
		struct rg_criterion *c = &r->criteria[i];
		long k = rg_ref_find(stored, c->id);
		if (k < 0)
			continue;
		c->quick = stored->criteria[k].quick;
		if (!c->url || !*c->url) {
			free(c->url);
			c->url = xstrdup(stored->criteria[k].url ? stored->criteria[k].url : "");
		}
	}
}

int rg_load(struct store *s, const struct actor *a, const char *file, const char *data, size_t len,
	    const char *name, const char *version, int64_t *id, struct diags *d, struct err *err)
{
	struct rg_ref r, stored;
	int found = 0;
	*id = 0;
	if (!perm_admin(a))
		return err_set(err, "%s n'a pas le droit de charger un référentiel RGESN (admin)",
			       a->id);
	memset(&stored, 0, sizeof(stored));
	/* A bare array of criteria has no family labels: those of the stored
	 * same version (the shipped structure) name them. */
	if (version && *version) {
		found = store_rg_ref_load(s, name && *name ? name : "RGESN", version, &stored, err);
		if (found < 0)
			return -1;
	}
	int rc = rg_ref_parse(file, data, len, name, version, found ? &stored : NULL, &r, d);
	if (!rc && found)
		keep_marks(&stored, &r);
	rg_ref_free(&stored);
	if (rc)
		return -1;
	rc = ref_store(s, a, &r, err);
	*id = r.id;
	rg_ref_free(&r);
	return rc;
}

int rg_install_default(struct store *s, const struct actor *a, int *installed, struct err *err)
{
	struct rg_ref r, old;
	struct diags d = DIAGS_INIT;
	const struct embedded_file *f = &embedded_rgesn_default[0];
	*installed = 0;
	if (!perm_admin(a))
		return err_set(err, "%s n'a pas le droit de charger un référentiel RGESN (admin)",
			       a->id);
	if (!f->name)
		return 0;
	if (rg_ref_parse(f->name, f->data, f->len, NULL, NULL, NULL, &r, &d)) {
		struct buf b = BUF_INIT;
		if (d.n)
			diags_format(&d.items[0], &b);
		err_set(err, "référentiel RGESN livré invalide : %s", b.ptr ? b.ptr : "");
		buf_free(&b);
		diags_free(&d);
		return -1;
	}
	diags_free(&d);
	/* Stored already (perhaps the full text a user loaded): kept. */
	int found = store_rg_ref_load(s, r.name, r.version, &old, err);
	int rc = found < 0 ? -1 : 0;
	rg_ref_free(&old);
	if (!found && !(rc = ref_store(s, a, &r, err)))
		*installed = (int)r.ncriteria;
	rg_ref_free(&r);
	return rc;
}
