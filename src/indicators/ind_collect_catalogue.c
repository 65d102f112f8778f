/* ind_collect_catalogue.c: loading and editing the stored indicator
 * catalogue, with rights and audit (ind_collect.h). */
#include <stdlib.h>
#include <string.h>

#include "core/embedded.h"
#include "core/xalloc.h"
#include "indicators/ind_collect.h"
#include "io/parse.h"
#include "plan/audit.h"
#include "store/store_ind.h"

/* The audit snapshot of a definition: its fields as the catalogue file
 * writes them, French labels for the enumerations. */
static void def_json(const struct ind_def *d, struct buf *out)
{
	struct buf min = BUF_INIT, max = BUF_INIT, targets = BUF_INIT;
	if (d->has_min)
		fmt_number_fr(&min, d->min);
	if (d->has_max)
		fmt_number_fr(&max, d->max);
	ind_targets_write(d->targets, d->ntargets, &targets);
	audit_pairs_json(out, "Code", d->code, "Libellé", d->label ? d->label : "", "Définition",
			 d->definition ? d->definition : "", "Unité", d->unit ? d->unit : "",
			 "Thème", theme_label(d->theme), "Nature", ind_kind_label(d->kind),
			 "Consolidation", ind_rule_label(d->rule), "Pondération",
			 d->weight_code ? d->weight_code : "", "Minimum", min.len ? min.ptr : "",
			 "Maximum", max.len ? max.ptr : "", "Sens", ind_better_label(d->better),
			 "Cibles", targets.len ? targets.ptr : "", "Calcul", ind_calc_code(d->calc),
			 "Source", d->source ? d->source : "", (const char *)NULL);
	buf_free(&min);
	buf_free(&max);
	buf_free(&targets);
}

/* Audits the definitions of c that are new or differ from old. */
static int audit_changes(struct store *s, const struct actor *a, const struct ind_catalogue *old,
			 const struct ind_catalogue *c, struct err *err)
{
	struct buf key = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < c->n && !rc; i++) {
		long k = ind_catalogue_find(old, c->items[i].code);
		buf_reset(&before);
		buf_reset(&after);
		buf_reset(&key);
		if (k >= 0)
			def_json(&old->items[k], &before);
		def_json(&c->items[i], &after);
		if (k >= 0 && strcmp(before.ptr, after.ptr) == 0)
			continue;
		buf_addf(&key, "catalogue/%s", c->items[i].code);
		rc = audit_record(s, a, "indicateur", key.ptr, k >= 0 ? "update" : "create",
				  k >= 0 ? before.ptr : "", after.ptr, err);
	}
	buf_free(&key);
	buf_free(&before);
	buf_free(&after);
	return rc;
}

/* Stores c (parsed and checked) and audits it. */
static int save_audited(struct store *s, const struct actor *a, struct ind_catalogue *c, int *added,
			int *updated, struct err *err)
{
	struct ind_catalogue old;
	if (store_ind_catalogue_load(s, &old, err))
		return -1;
	int rc = store_ind_catalogue_save(s, c, added, updated, err);
	if (!rc)
		rc = audit_changes(s, a, &old, c, err);
	ind_catalogue_free(&old);
	return rc;
}

int ind_catalogue_import(struct store *s, const struct actor *a, const char *name, const char *data,
			 size_t len, int *added, int *updated, struct diags *d, struct err *err)
{
	struct ind_catalogue c;
	if (added)
		*added = 0;
	if (updated)
		*updated = 0;
	if (!perm_admin(a))
		return err_set(err, "%s n'a pas le droit de modifier le catalogue des indicateurs",
			       a->id);
	if (ind_catalogue_parse(name, data, len, &c, d))
		return -1; /* errors are in d */
	int rc = save_audited(s, a, &c, added, updated, err);
	ind_catalogue_free(&c);
	return rc;
}

int ind_catalogue_install_default(struct store *s, const struct actor *a, int *added,
				  struct err *err)
{
	struct ind_catalogue c;
	struct diags d = DIAGS_INIT;
	*added = 0;
	if (store_ind_catalogue_load(s, &c, err))
		return -1;
	size_t stored = c.n;
	ind_catalogue_free(&c);
	if (stored)
		return 0; /* installed before: an admin may have changed it since */
	const struct embedded_file *f = &embedded_indicator_catalogue[0];
	if (!f->name)
		return 0;
	if (ind_catalogue_parse(f->name, f->data, f->len, &c, &d)) {
		struct buf b = BUF_INIT;
		if (d.n)
			diags_format(&d.items[0], &b);
		err_set(err, "catalogue d'indicateurs livré invalide : %s", b.ptr ? b.ptr : "");
		buf_free(&b);
		diags_free(&d);
		return -1;
	}
	diags_free(&d);
	int rc = save_audited(s, a, &c, added, NULL, err);
	ind_catalogue_free(&c);
	return rc;
}

/* The refusals of an edit that need the stored catalogue: the definition
 * must exist, its weight must be another stored, unweighted indicator, and
 * it cannot become weighted while it weights others. */
static void edit_refusals(const struct ind_catalogue *cat, const struct ind_def *d, struct buf *why)
{
	if (ind_catalogue_find(cat, d->code) < 0) {
		buf_addf(why, "indicateur inconnu : « %s »", d->code);
		return;
	}
	if (d->rule == IND_RULE_WMEAN) {
		long w = ind_catalogue_find(cat, d->weight_code ? d->weight_code : "");
		if (w < 0 || !strcmp(d->weight_code, d->code))
			buf_addf(why,
				 "%sla pondération « %s » n'est pas un autre indicateur du "
				 "catalogue",
				 why->len ? "; " : "", d->weight_code ? d->weight_code : "");
		else if (cat->items[w].rule == IND_RULE_WMEAN)
			buf_addf(why, "%sla pondération « %s » est elle-même une moyenne pondérée",
				 why->len ? "; " : "", d->weight_code);
		for (size_t i = 0; i < cat->n; i++)
			if (cat->items[i].rule == IND_RULE_WMEAN && cat->items[i].weight_code &&
			    !strcmp(cat->items[i].weight_code, d->code))
				buf_addf(why,
					 "%s« %s » sert de pondération à « %s » : il ne peut pas "
					 "être lui-même pondéré",
					 why->len ? "; " : "", d->code, cat->items[i].code);
	}
}

int ind_def_edit(struct store *s, const struct actor *a, const struct ind_def *d, struct buf *why,
		 struct err *err)
{
	struct ind_catalogue cat;
	struct buf key = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
	int rc = -1;
	buf_reset(why);
	if (!perm_admin(a))
		return err_set(err, "%s n'a pas le droit de modifier le catalogue des indicateurs",
			       a->id);
	if (ind_def_check(d, why))
		return -1;
	if (store_ind_catalogue_load(s, &cat, err))
		return -1;
	edit_refusals(&cat, d, why);
	if (why->len)
		goto out;
	long k = ind_catalogue_find(&cat, d->code);
	def_json(&cat.items[k], &before);
	def_json(d, &after);
	if (!strcmp(before.ptr, after.ptr)) {
		rc = 0;
		goto out;
	}
	if (store_ind_def_update(s, d, err))
		goto out;
	buf_addf(&key, "catalogue/%s", d->code);
	rc = audit_record(s, a, "indicateur", key.ptr, "update", before.ptr, after.ptr, err);
out:
	ind_catalogue_free(&cat);
	buf_free(&key);
	buf_free(&before);
	buf_free(&after);
	return rc;
}
