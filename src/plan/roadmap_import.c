/* roadmap_import.c: importing a roadmap file into the store and exporting it
 * back (see roadmap_import.h). */
#include "core/clock.h"
#include "plan/roadmap_import.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "plan/audit.h"
#include "plan/roadmap_csv.h"

int rm_directions(struct store *s, int64_t org_id, struct org_list *children,
		  struct rm_direction **dirs, struct err *err)
{
	if (store_org_children(s, org_id, children, err))
		return -1;
	*dirs = xcalloc(children->n ? children->n : 1, sizeof(**dirs));
	for (size_t i = 0; i < children->n; i++) {
		(*dirs)[i].code = children->items[i].code;
		(*dirs)[i].name = children->items[i].name;
	}
	return 0;
}

static int cmp_action_ref(const void *a, const void *b)
{
	const struct action *const *x = a, *const *y = b;
	return strcmp((*x)->ref, (*y)->ref);
}

/* Stored actions sorted by reference, for lookups while importing. */
struct ref_index {
	struct action **sorted;
	char *seen; /* per stored action (by list index): present in the file */
	size_t n;
};

static void index_build(struct ref_index *ix, struct action_list *stored)
{
	ix->n = stored->n;
	ix->sorted = xmalloc((ix->n ? ix->n : 1) * sizeof(*ix->sorted));
	ix->seen = xcalloc(ix->n ? ix->n : 1, 1);
	for (size_t i = 0; i < ix->n; i++)
		ix->sorted[i] = &stored->items[i];
	qsort(ix->sorted, ix->n, sizeof(*ix->sorted), cmp_action_ref);
}

static struct action *index_find(struct ref_index *ix, const char *ref)
{
	struct action key, *kp = &key;
	key.ref = (char *)ref;
	struct action **hit = bsearch(&kp, ix->sorted, ix->n, sizeof(*ix->sorted), cmp_action_ref);
	return hit ? *hit : NULL;
}

static void index_free(struct ref_index *ix)
{
	free(ix->sorted);
	free(ix->seen);
}

static int log_action(struct store *s, const struct rm_import_opts *o, const char *op,
		      const struct action *before, const struct action *after, struct err *err)
{
	struct buf key = BUF_INIT, b = BUF_INIT, a = BUF_INIT;
	char now[32];
	clock_now_iso(now);
	buf_addf(&key, "%s/%s/%s", o->org_code, o->period, (after ? after : before)->ref);
	if (before)
		audit_action_json(before, &b);
	if (after)
		audit_action_json(after, &a);
	struct audit_entry e = {
		0, now, (char *)o->actor->id, (char *)"action", key.ptr, (char *)op, b.ptr, a.ptr
	};
	int rc = store_audit_add(s, &e, err);
	buf_free(&key);
	buf_free(&b);
	buf_free(&a);
	return rc;
}

/* Finds or creates the roadmap; refuses a validated one. */
static int open_roadmap(struct store *s, const struct rm_import_opts *o, const struct org *org,
			int64_t *roadmap_id, struct rm_import_stats *st, struct err *err)
{
	struct roadmap rm = { 0 };
	int found = store_roadmap_get(s, org->id, o->period, &rm, err);
	if (found < 0)
		return -1;
	if (found) {
		*roadmap_id = rm.id;
		int validated = rm.state == RSTATE_VALIDEE;
		roadmap_free(&rm);
		if (validated)
			return err_set(
				err,
				"la feuille de route %s %s est validée : repassez-la en "
				"brouillon avant de la modifier (numeco review state --org %s "
				"--period %s brouillon)",
				o->org_code, o->period, o->org_code, o->period);
		return 0;
	}
	if (store_roadmap_create(s, org->id, o->period, roadmap_id, err))
		return -1;
	st->roadmap_created = 1;
	struct buf key = BUF_INIT, after = BUF_INIT;
	char now[32];
	clock_now_iso(now);
	buf_addf(&key, "%s/%s", o->org_code, o->period);
	audit_pairs_json(&after, "Organisation", o->org_code, "Période", o->period, "État",
			 rstate_label(RSTATE_BROUILLON), (const char *)NULL);
	struct audit_entry e = { 0,
				 now,
				 (char *)o->actor->id,
				 (char *)"roadmap",
				 key.ptr,
				 (char *)"create",
				 (char *)"",
				 after.ptr };
	int rc = store_audit_add(s, &e, err);
	buf_free(&key);
	buf_free(&after);
	return rc;
}

/* Applies the parsed actions inside the open transaction. */
static int apply(struct store *s, const struct rm_import_opts *o, int64_t roadmap_id,
		 struct rm_parsed *p, struct rm_import_stats *st, struct diags *d, struct err *err)
{
	struct action_list stored = { 0 };
	struct ref_index ix = { 0 };
	int rc = -1;
	if (store_action_list(s, roadmap_id, &stored, err))
		goto out;
	index_build(&ix, &stored);
	for (size_t i = 0; i < p->n; i++) {
		struct action *a = &p->items[i];
		struct action *old = index_find(&ix, a->ref);
		if (!old) {
			if (store_action_insert(s, roadmap_id, (int)i, a, err) ||
			    log_action(s, o, "create", NULL, a, err))
				goto out;
			st->created++;
			continue;
		}
		ix.seen[old - stored.items] = 1;
		int same = action_equal(old, a);
		int moved = (size_t)(old - stored.items) != i;
		if (same && !moved) {
			st->unchanged++;
			continue;
		}
		a->id = old->id;
		a->version = old->version;
		if (store_action_update(s, (int)i, a, err))
			goto out;
		if (same) {
			st->unchanged++; /* only its place in the file changed */
			continue;
		}
		if (log_action(s, o, "update", old, a, err))
			goto out;
		st->updated++;
	}
	for (size_t i = 0; i < stored.n; i++) {
		if (ix.seen[i])
			continue;
		st->missing++;
		if (!o->remove_missing) {
			diags_add(d, DIAG_WARNING, o->file, 0, "Référence",
				  "l'action « %s » est enregistrée mais absente du fichier : "
				  "conservée (--remove-missing pour la supprimer)",
				  stored.items[i].ref);
			continue;
		}
		if (store_action_delete(s, stored.items[i].id, err) ||
		    log_action(s, o, "delete", &stored.items[i], NULL, err))
			goto out;
		st->removed++;
	}
	rc = 0;
out:
	index_free(&ix);
	action_list_free(&stored);
	return rc;
}

int rm_import(struct store *s, const char *data, size_t len, const struct rm_import_opts *o,
	      struct rm_import_stats *st, struct diags *d, struct err *err)
{
	struct org org = { 0 };
	struct org_list children = { 0 };
	struct rm_direction *dirs = NULL;
	struct rm_parsed parsed = { 0 };
	int first, last, rc = -1, in_tx = 0;
	int64_t roadmap_id;

	memset(st, 0, sizeof(*st));
	if (period_parse(o->period, &first, &last)) {
		err_set(err,
			"période invalide « %s » (attendu : une année comme 2022 ou un "
			"intervalle comme 2023-2025)",
			o->period);
		goto out;
	}
	int found = store_org_get(s, o->org_code, &org, err);
	if (found <= 0) {
		if (found == 0)
			err_set(err, "organisation inconnue : « %s » (voir numeco org list)",
				o->org_code);
		goto out;
	}
	if (!perm_edit_roadmap(o->actor, org.ministry_id)) {
		err_set(err, "%s n'a pas le droit de modifier la feuille de route de %s",
			o->actor->id, o->org_code);
		goto out;
	}
	if (rm_directions(s, org.id, &children, &dirs, err))
		goto out;
	if (rm_parse(o->file, data, len, dirs, children.n, &parsed, d))
		goto out; /* errors are in d; nothing was written */
	st->read = parsed.n;

	if (store_begin(s, err))
		goto out;
	in_tx = 1;
	if (open_roadmap(s, o, &org, &roadmap_id, st, err) ||
	    apply(s, o, roadmap_id, &parsed, st, d, err))
		goto out;
	if (o->dry_run) {
		store_rollback(s);
	} else if (store_commit(s, err)) {
		goto out;
	}
	in_tx = 0;
	rc = 0;
out:
	if (in_tx)
		store_rollback(s);
	rm_parsed_free(&parsed);
	free(dirs);
	org_list_free(&children);
	org_free(&org);
	return rc;
}

int rm_export(struct store *s, const char *org_code, const char *period, struct buf *out,
	      struct err *err)
{
	struct org org = { 0 };
	struct roadmap rm = { 0 };
	struct action_list actions = { 0 };
	int rc = -1;
	int found = store_org_get(s, org_code, &org, err);
	if (found == 0)
		err_set(err, "organisation inconnue : « %s » (voir numeco org list)", org_code);
	if (found <= 0)
		goto out;
	found = store_roadmap_get(s, org.id, period, &rm, err);
	if (found == 0)
		err_set(err, "pas de feuille de route pour %s sur la période %s", org_code, period);
	if (found <= 0)
		goto out;
	if (store_action_list(s, rm.id, &actions, err))
		goto out;
	rm_write_bom_header(out);
	for (size_t i = 0; i < actions.n; i++)
		rm_write_action(out, &actions.items[i]);
	rc = 0;
out:
	action_list_free(&actions);
	roadmap_free(&rm);
	org_free(&org);
	return rc;
}
