/* referential.c: loading, installing and choosing footprint referentials
 * (see referential.h). */
#include "plan/referential.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/embedded.h"
#include "core/xalloc.h"
#include "plan/estimate.h"

int referential_spec_is_dir(const char *spec)
{
	struct stat st;
	return strchr(spec, '/') != NULL || (stat(spec, &st) == 0 && S_ISDIR(st.st_mode));
}

/* The ministry that owns a referential: 0 for a shared one. */
static int owner_ministry(struct store *s, const char *code, int64_t *ministry_id, struct err *err)
{
	*ministry_id = 0;
	if (!code || !*code)
		return 0;
	struct org org = { 0 };
	int found = store_org_get(s, code, &org, err);
	if (found == 0)
		err_set(err, "organisation inconnue : « %s » (voir numeco org list)", code);
	else if (found > 0 && org.parent_id)
		err_set(err,
			"« %s » n'est pas un ministère : un référentiel sous licence appartient à "
			"un ministère",
			code);
	else if (found > 0)
		*ministry_id = org.id;
	org_free(&org);
	return *ministry_id ? 0 : -1;
}

/* Checks a name or version: printable, no '@' or '/', at most 100 bytes. */
static int check_label(const char *what, const char *v, struct err *err)
{
	size_t n = strlen(v);
	if (n == 0 || n > 100 || strpbrk(v, "@/\\") || (unsigned char)v[0] <= ' ')
		return err_set(err,
			       "%s invalide « %s » : 1 à 100 caractères, sans « @ », « / » "
			       "ni « \\ »",
			       what, v);
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p < ' ')
			return err_set(err, "%s invalide : caractère de contrôle", what);
	return 0;
}

int referential_import_dir(struct store *s, const struct actor *a, const char *dir,
			   const struct referential_opts *o, int64_t *id, size_t *recomputed,
			   struct diags *d, struct err *err)
{
	int64_t ministry;
	*recomputed = 0;
	if (check_label("nom de référentiel", o->name, err) ||
	    check_label("version de référentiel", o->version, err))
		return -1;
	if (owner_ministry(s, o->owner_org, &ministry, err))
		return -1;
	if (o->restricted && !ministry)
		return err_set(err, "un référentiel sous licence (--restricted) doit avoir un "
				    "ministère propriétaire (--org)");
	if (!perm_load_referential(a, ministry))
		return err_set(err,
			       "%s n'a pas le droit de charger ce référentiel (admin, ou référent "
			       "du ministère propriétaire pour un référentiel sous licence)",
			       a->id);
	/* A referential of that name owned by someone else cannot be replaced
	 * or extended by another ministry. */
	struct ref_meta_list l;
	if (store_ref_list(s, &l, err))
		return -1;
	int clash = 0;
	for (size_t i = 0; i < l.n && !clash; i++)
		clash = strcmp(l.items[i].name, o->name) == 0 &&
			l.items[i].owner_org_id != ministry;
	ref_meta_list_free(&l);
	if (clash)
		return err_set(err,
			       "le nom « %s » est déjà pris par un référentiel d'un autre "
			       "propriétaire : choisissez un autre nom",
			       o->name);
	struct fp_ref *r = fp_ref_load_dir(dir, o->name, o->version, d);
	if (!r)
		return -1;
	int rc = store_ref_save(s, r, o->licence ? o->licence : "", o->restricted,
				o->owner_org ? o->owner_org : "", a->id, o->replace, id, err);
	fp_ref_free(r);
	if (rc)
		return -1;
	return estimate_recompute(s, a, o->name, recomputed, d, err);
}

struct fp_ref *referential_embedded(struct diags *d)
{
	return fp_ref_load_files(embedded_open_referential, REFERENTIAL_OPEN_NAME,
				 REFERENTIAL_OPEN_VERSION, d);
}

int referential_install_open(struct store *s, const char *by, int *installed, struct err *err)
{
	*installed = 0;
	struct ref_meta_list l;
	if (store_ref_list(s, &l, err))
		return -1;
	int present = 0;
	for (size_t i = 0; i < l.n; i++)
		present |= strcmp(l.items[i].name, REFERENTIAL_OPEN_NAME) == 0 &&
			   strcmp(l.items[i].version, REFERENTIAL_OPEN_VERSION) == 0;
	ref_meta_list_free(&l);
	if (present)
		return 0;
	struct diags d = DIAGS_INIT;
	struct fp_ref *r = referential_embedded(&d);
	if (!r) {
		struct buf msg = BUF_INIT;
		if (d.n)
			diags_format(&d.items[0], &msg);
		err_set(err, "référentiel ouvert intégré illisible : %s", msg.ptr ? msg.ptr : "");
		buf_free(&msg);
		diags_free(&d);
		return -1;
	}
	diags_free(&d);
	int64_t id;
	int rc = store_ref_save(s, r, REFERENTIAL_OPEN_LICENCE, 0, "", by, 0, &id, err);
	fp_ref_free(r);
	if (rc == 0)
		*installed = 1;
	return rc;
}

struct fp_ref *referential_resolve(struct store *s, const struct actor *a, const char *spec,
				   struct ref_meta *meta, struct diags *d, struct err *err)
{
	if (meta)
		memset(meta, 0, sizeof(*meta));
	if (referential_spec_is_dir(spec))
		return fp_ref_load_dir(spec, spec, "dossier", d);
	if (!s) {
		err_set(err, "référentiel « %s » : ni un dossier, ni un référentiel enregistré",
			spec);
		return NULL;
	}
	char *name = xstrdup(spec);
	char *at = strchr(name, '@');
	if (at)
		*at++ = '\0';
	struct ref_meta m = { 0 };
	struct fp_ref *r = store_ref_load(s, name, at, &m, err);
	if (r && !perm_use_referential(a, m.restricted, m.owner_org_id)) {
		err_set(err,
			"le référentiel « %s » est sous licence (%s) : réservé au ministère %s et "
			"à l'équipe centrale",
			name, *m.licence ? m.licence : "licence non précisée", m.owner_org_code);
		fp_ref_free(r);
		r = NULL;
	}
	free(name);
	if (r && meta)
		*meta = m;
	else
		ref_meta_free(&m);
	return r;
}
