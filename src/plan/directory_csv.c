/* directory_csv.c: organisations and people, added one by one or imported
 * from CSV, each change audited (see directory_csv.h). */
#include "core/clock.h"
#include "plan/directory_csv.h"

#include <string.h>

#include "io/columns.h"
#include "plan/audit.h"

static int audit_create(struct store *s, const struct actor *actor, const char *entity,
			const char *key, const struct buf *after, struct err *err)
{
	char now[32];
	clock_now_iso(now);
	struct audit_entry e = { 0,
				 now,
				 (char *)actor->id,
				 (char *)entity,
				 (char *)key,
				 (char *)"create",
				 (char *)"",
				 after->ptr };
	return store_audit_add(s, &e, err);
}

int dir_add_org(struct store *s, const struct actor *actor, const char *code, const char *name,
		enum org_kind kind, const char *parent, struct err *err)
{
	int64_t id;
	if (!perm_admin(actor))
		return err_set(err, "%s n'a pas le droit de créer une organisation", actor->id);
	if (store_org_add(s, code, name, kind, parent, &id, err))
		return -1;
	struct buf after = BUF_INIT;
	audit_pairs_json(&after, "Code", code, "Nom", name, "Type", org_kind_label(kind), "Parent",
			 parent, (const char *)NULL);
	int rc = audit_create(s, actor, "org", code, &after, err);
	buf_free(&after);
	return rc;
}

int dir_add_person(struct store *s, const struct actor *actor, const char *email, const char *name,
		   enum role role, const char *org_code, struct err *err)
{
	int64_t id;
	if (!perm_admin(actor))
		return err_set(err, "%s n'a pas le droit de créer un compte", actor->id);
	if (store_person_add(s, email, name, role, org_code, &id, err))
		return -1;
	struct buf after = BUF_INIT;
	audit_pairs_json(&after, "E-mail", email, "Nom", name, "Rôle", role_label(role),
			 "Organisation", org_code, (const char *)NULL);
	int rc = audit_create(s, actor, "person", email, &after, err);
	buf_free(&after);
	return rc;
}

enum { O_CODE, O_NAME, O_KIND, O_PARENT, O_COUNT };
static const struct col_spec org_cols[O_COUNT] = {
	[O_CODE] = { "Code", 1, { "Sigle", "Identifiant", NULL } },
	[O_NAME] = { "Nom", 1, { "Libellé", "Intitulé", NULL } },
	[O_KIND] = { "Type", 1, { "Nature", NULL } },
	[O_PARENT] = { "Parent", 0, { "Organisation parente", "Rattachement", NULL } },
};

enum { P_EMAIL, P_NAME, P_ROLE, P_ORG, P_COUNT };
static const struct col_spec person_cols[P_COUNT] = {
	[P_EMAIL] = { "E-mail", 1, { "Email", "Courriel", "Adresse électronique", NULL } },
	[P_NAME] = { "Nom", 1, { "Nom complet", "Prénom Nom", NULL } },
	[P_ROLE] = { "Rôle", 1, { "Profil", NULL } },
	[P_ORG] = { "Organisation", 1, { "Code organisation", "Entité", NULL } },
};

/* One row of either file, already split into trimmed values. */
typedef int (*row_fn)(struct store *s, const struct actor *actor, const char **v, const char *file,
		      long line, struct dir_import_stats *st, struct diags *d);

static int org_row(struct store *s, const struct actor *actor, const char **v, const char *file,
		   long line, struct dir_import_stats *st, struct diags *d)
{
	enum org_kind kind;
	struct err e = ERR_INIT;
	struct org old = { 0 };
	int rc = 0;
	if (org_kind_parse(v[O_KIND], &kind)) {
		diags_add(
			d, DIAG_ERROR, file, line, "Type",
			"type inconnu « %s » (attendu : ministere, direction, service ou mission)",
			v[O_KIND]);
		return 0;
	}
	int found = store_org_get(s, v[O_CODE], &old, &e);
	if (found > 0) {
		if (strcmp(old.name, v[O_NAME]) || old.kind != kind ||
		    strcmp(old.parent_code, v[O_PARENT]))
			diags_add(d, DIAG_ERROR, file, line, "Code",
				  "l'organisation « %s » existe déjà avec d'autres valeurs",
				  v[O_CODE]);
		else
			st->unchanged++;
	} else if (found == 0) {
		if (dir_add_org(s, actor, v[O_CODE], v[O_NAME], kind, v[O_PARENT], &e))
			diags_add(d, DIAG_ERROR, file, line, "Code", "%s", e.msg.ptr);
		else
			st->created++;
	} else {
		rc = -1;
	}
	org_free(&old);
	err_free(&e);
	return rc;
}

static int person_row(struct store *s, const struct actor *actor, const char **v, const char *file,
		      long line, struct dir_import_stats *st, struct diags *d)
{
	enum role role;
	struct err e = ERR_INIT;
	struct person old = { 0 };
	int rc = 0;
	if (!strchr(v[P_EMAIL], '@')) {
		diags_add(d, DIAG_ERROR, file, line, "E-mail", "adresse invalide « %s »",
			  v[P_EMAIL]);
		return 0;
	}
	if (role_parse(v[P_ROLE], &role)) {
		diags_add(
			d, DIAG_ERROR, file, line, "Rôle",
			"rôle inconnu « %s » (attendu : admin, referent, correspondant ou lecteur)",
			v[P_ROLE]);
		return 0;
	}
	int found = store_person_get(s, v[P_EMAIL], &old, &e);
	if (found > 0) {
		if (strcmp(old.name, v[P_NAME]) || old.role != role ||
		    strcmp(old.org_code, v[P_ORG]))
			diags_add(d, DIAG_ERROR, file, line, "E-mail",
				  "la personne « %s » existe déjà avec d'autres valeurs",
				  v[P_EMAIL]);
		else
			st->unchanged++;
	} else if (found == 0) {
		if (dir_add_person(s, actor, v[P_EMAIL], v[P_NAME], role, v[P_ORG], &e))
			diags_add(d, DIAG_ERROR, file, line, "Organisation", "%s", e.msg.ptr);
		else
			st->created++;
	} else {
		rc = -1;
	}
	person_free(&old);
	err_free(&e);
	return rc;
}

/* Reads every row of a directory file inside one transaction. */
static int import_rows(struct store *s, const char *file, const char *data, size_t len,
		       const struct col_spec *cols, int ncols, row_fn fn, const struct actor *actor,
		       struct dir_import_stats *st, struct diags *d, struct err *err)
{
	struct col_reader cr;
	struct buf vals[8];
	const char *v[8];
	int map[8], rc = -1, in_tx = 0;
	size_t errors_before = d->errors;
	memset(st, 0, sizeof(*st));
	for (int c = 0; c < ncols; c++)
		buf_init(&vals[c]);

	if (!perm_admin(actor)) {
		err_set(err, "%s n'a pas le droit d'importer des organisations ou des personnes",
			actor->id);
		goto out_noreader;
	}
	if (col_reader_open(&cr, file, data, len, cols, ncols, map, d))
		goto out;
	if (store_begin(s, err))
		goto out;
	in_tx = 1;
	while (col_reader_next(&cr)) {
		long line = cr.line;
		int missing = 0;
		for (int c = 0; c < ncols; c++) {
			columns_get(cr.r, map, c, &vals[c]);
			v[c] = vals[c].ptr;
			if (cols[c].required && !vals[c].len) {
				diags_add(d, DIAG_ERROR, file, line, cols[c].header,
					  "valeur obligatoire manquante");
				missing = 1;
			}
		}
		if (missing)
			continue;
		st->read++;
		if (fn(s, actor, v, file, line, st, d)) {
			err_set(err, "erreur de la base en important %s", file);
			goto out;
		}
	}
	if (d->errors > errors_before)
		goto out;
	if (store_commit(s, err))
		goto out;
	in_tx = 0;
	rc = 0;
out:
	if (in_tx)
		store_rollback(s);
	col_reader_close(&cr);
out_noreader:
	for (int c = 0; c < ncols; c++)
		buf_free(&vals[c]);
	return rc;
}

int dir_import_orgs(struct store *s, const char *file, const char *data, size_t len,
		    const struct actor *actor, struct dir_import_stats *st, struct diags *d,
		    struct err *err)
{
	return import_rows(s, file, data, len, org_cols, O_COUNT, org_row, actor, st, d, err);
}

int dir_import_people(struct store *s, const char *file, const char *data, size_t len,
		      const struct actor *actor, struct dir_import_stats *st, struct diags *d,
		      struct err *err)
{
	return import_rows(s, file, data, len, person_cols, P_COUNT, person_row, actor, st, d, err);
}
