/* rg_assess_service.c: registering and editing digital services, with
 * rights, checks and audit (rg_service_save of rg_assess.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/xalloc.h"
#include "plan/audit.h"
#include "rgesn/rg_assess_int.h"

static const char *nz(const char *v)
{
	return v ? v : "";
}

static void why_add(struct buf *why, const char *msg)
{
	if (why->len)
		buf_adds(why, " ; ");
	buf_adds(why, msg);
}

/* Codes end up in URLs and audit keys: letters, digits, '-', '_', '.'. */
static int code_ok(const char *c)
{
	size_t n = strlen(c);
	if (!n || n > 64)
		return 0;
	for (; *c; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		      (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || *c == '.'))
			return 0;
	return 1;
}

static int url_ok(const char *u)
{
	if (!*u)
		return 1;
	size_t skip = !strncasecmp(u, "https://", 8) ? 8 : !strncasecmp(u, "http://", 7) ? 7 : 0;
	if (!skip || !u[skip] || u[skip] == '/' || strlen(u) > 2000)
		return 0;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>')
			return 0;
	return 1;
}

static void fields_check(const struct rg_service *v, struct buf *why)
{
	if (!code_ok(nz(v->code)))
		why_add(why, "code de service invalide : lettres, chiffres, « - », « _ » ou « . », "
			     "64 caractères au plus");
	if (!*nz(v->name) || strlen(v->name) > 200)
		why_add(why, "nom du service obligatoire (200 caractères au plus)");
	if (!url_ok(nz(v->url)))
		why_add(why,
			"adresse du service invalide : une URL http:// ou https:// sans espace");
	if ((unsigned)v->status >= RG_SVC_N)
		why_add(why, "statut invalide (en_projet, en_production ou retire)");
	if (strlen(nz(v->audience)) > 200 || strlen(nz(v->contact)) > 200)
		why_add(why, "public ou contact trop long (200 caractères au plus)");
}

/* Resolves the owner of v: direction_code when given (it must be in the
 * tree of org_code's ministry), else org_code; sets v->org_id and
 * v->ministry_id. 1 resolved, 0 refused (why), -1 error. */
static int owner_resolve(struct store *s, struct rg_service *v, struct buf *why, struct err *err)
{
	struct org o, dir;
	const char *oc = nz(v->org_code), *dc = nz(v->direction_code);
	int found = 0, rc = 0;
	memset(&o, 0, sizeof(o));
	memset(&dir, 0, sizeof(dir));
	if (!*oc && !*dc) {
		if (v->org_id)
			found = store_org_get_id(s, v->org_id, &o, err);
		if (found < 0)
			return -1;
		if (!found)
			why_add(why,
				"organisation du service obligatoire (ministère ou direction)");
	} else if (*oc && (found = store_org_get(s, oc, &o, err)) == 0) {
		buf_addf(why, "%sorganisation inconnue : « %s »", why->len ? " ; " : "", oc);
	}
	if (found < 0)
		return -1;
	if (*dc) {
		int dfound = store_org_get(s, dc, &dir, err);
		if (dfound < 0) {
			org_free(&o);
			return -1;
		}
		if (!dfound)
			buf_addf(why, "%sdirection inconnue : « %s »", why->len ? " ; " : "", dc);
		else if (found && dir.ministry_id != o.ministry_id)
			buf_addf(why,
				 "%sla direction « %s » n'appartient pas au ministère de « %s »",
				 why->len ? " ; " : "", dc, o.code);
		else {
			org_free(&o);
			o = dir;
			memset(&dir, 0, sizeof(dir));
			found = 1;
		}
	}
	if (found && !why->len) {
		v->org_id = o.id;
		v->ministry_id = o.ministry_id;
		free(v->org_code);
		v->org_code = xstrdup(o.code);
		rc = 1;
	}
	org_free(&o);
	org_free(&dir);
	return rc;
}

static void svc_json(const struct rg_service *v, struct buf *out)
{
	buf_reset(out);
	audit_pairs_json(out, "Code", nz(v->code), "Nom", nz(v->name), "Adresse", nz(v->url),
			 "Organisation", nz(v->org_code), "Public", nz(v->audience), "Statut",
			 rg_service_status_label(v->status), "Contact", nz(v->contact),
			 (const char *)NULL);
}

static int may_edit(const struct actor *a, int64_t ministry, int64_t owner, struct err *err)
{
	if (perm_edit_service(a, ministry, owner != ministry ? owner : 0))
		return 0;
	return err_set(err,
		       "%s n'a pas le droit d'enregistrer ce service (admin, référent du ministère "
		       "ou correspondant de la direction propriétaire)",
		       a->id);
}

int rg_service_save(struct store *s, const struct actor *a, struct rg_service *v, int create,
		    struct buf *why, struct err *err)
{
	struct rg_service old;
	struct buf before = BUF_INIT, after = BUF_INIT;
	int rc = -1, found = 0;
	memset(&old, 0, sizeof(old));
	buf_reset(why);
	if (!create) {
		found = v->id ? store_rg_service_get_id(s, v->id, &old, err)
			      : store_rg_service_get(s, nz(v->code), &old, err);
		if (found < 0)
			goto out;
		if (!found) {
			err_set(err, "service inconnu : « %s »", nz(v->code));
			goto out;
		}
		/* Whoever cannot edit the service as it is cannot move it either. */
		if (may_edit(a, old.ministry_id, old.org_id, err))
			goto out;
		v->id = old.id;
	}
	fields_check(v, why);
	if (create && code_ok(nz(v->code))) {
		int dup = store_rg_service_get(s, v->code, &old, err);
		rg_service_free(&old);
		if (dup < 0)
			goto out;
		if (dup)
			buf_addf(why, "%sle service « %s » existe déjà", why->len ? " ; " : "",
				 v->code);
	}
	int owner = owner_resolve(s, v, why, err);
	if (owner < 0 || why->len)
		goto out;
	if (may_edit(a, v->ministry_id, v->org_id, err))
		goto out;
	svc_json(v, &after);
	if (found) {
		svc_json(&old, &before);
		if (!strcmp(before.ptr, after.ptr)) {
			rc = 0;
			goto out;
		}
	}
	if (create ? store_rg_service_add(s, v, err) : store_rg_service_update(s, v, err))
		goto out;
	rc = audit_record(s, a, "service", v->code, create ? "create" : "update",
			  found ? before.ptr : "", after.ptr, err);
out:
	rg_service_free(&old);
	buf_free(&before);
	buf_free(&after);
	return rc;
}
