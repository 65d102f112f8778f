/* ind_collect.c: entering one indicator value, moving a collection between
 * states, and loading the consolidated table (ind_collect.h). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "indicators/ind_collect_int.h"
#include "io/parse.h"
#include "plan/audit.h"
#include "store/store_ind.h"

int ind_find_ministry(struct store *s, const char *code, struct org *out, struct err *err)
{
	int found = store_org_get(s, code ? code : "", out, err);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(err, "ministère inconnu : « %s » (voir numeco org list)",
			       code ? code : "");
	if (out->kind != ORG_MINISTERE || out->parent_id) {
		org_free(out);
		return err_set(err, "« %s » n'est pas un ministère", code);
	}
	return 0;
}

void ind_not_draft(struct buf *why, const char *org_code, int year, enum ind_state st)
{
	buf_addf(why,
		 "la collecte %s %d est « %s » : ses valeurs ne peuvent être modifiées qu'en "
		 "brouillon",
		 org_code, year, ind_state_label(st));
}

static void value_json(struct buf *out, double v, const char *comment, const char *source)
{
	struct buf num = BUF_INIT;
	fmt_number_fr(&num, v);
	audit_pairs_json(out, "Valeur", num.ptr, "Commentaire", comment ? comment : "", "Source",
			 source ? source : "", (const char *)NULL);
	buf_free(&num);
}

int ind_value_apply(struct store *s, const struct actor *a, const char *org_code, int64_t org_id,
		    int year, const struct ind_def *def, int has_value, double v,
		    const char *comment, const char *source, enum ind_apply *done, struct err *err)
{
	struct ind_value old;
	struct buf key = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
	int rc = -1;
	*done = IND_APPLY_UNCHANGED;
	comment = comment ? comment : "";
	source = source ? source : "";
	int found = store_ind_value_get(s, org_id, year, def->code, &old, err);
	if (found < 0)
		return -1;
	if (found)
		value_json(&before, old.value, old.comment, old.source);
	if (!has_value) {
		if (!found) {
			rc = 0;
			goto out;
		}
		if (store_ind_value_delete(s, org_id, year, def->code, err))
			goto out;
		*done = IND_APPLY_REMOVED;
	} else {
		if (found && old.value == v && !strcmp(old.comment, comment) &&
		    !strcmp(old.source, source)) {
			rc = 0;
			goto out;
		}
		if (store_ind_value_set(s, org_id, year, def->code, v, comment, source, a->id, err))
			goto out;
		value_json(&after, v, comment, source);
		*done = IND_APPLY_SET;
	}
	buf_addf(&key, "%s/%d/%s", org_code, year, def->code);
	rc = audit_record(s, a, "indicateur", key.ptr,
			  !has_value ? "delete"
			  : found    ? "update"
				     : "create",
			  before.len ? before.ptr : "", after.len ? after.ptr : "", err);
out:
	ind_value_free(&old);
	buf_free(&key);
	buf_free(&before);
	buf_free(&after);
	return rc;
}

int ind_computed_here(struct store *s, int64_t ministry_id, int year, const struct ind_def *def,
		      int *computed, struct buf *why, struct err *err)
{
	*computed = 0;
	buf_reset(why);
	if (def->calc == IND_CALC_NONE)
		return 0;
	struct ind_fact_list facts = { 0 };
	if (store_ind_facts(s, year, year, ministry_id, &facts, err)) {
		ind_fact_list_free(&facts);
		return -1;
	}
	double v;
	for (size_t i = 0; i < facts.n && !*computed; i++)
		*computed = facts.items[i].org_id == ministry_id && facts.items[i].year == year &&
			    ind_fact_value(def->calc, &facts.items[i], &v);
	ind_fact_list_free(&facts);
	if (*computed)
		buf_addf(
			why,
			"l'indicateur « %s » est calculé par numeco pour %d (%s) : il ne se saisit "
			"pas",
			def->code, year, ind_calc_label(def->calc));
	return 0;
}

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

/* The checks of ind_set after the rights: IND_SET_OK with what to write in *has
 * and *v, IND_SET_REFUSED with why, or -1. */
static int set_check(struct store *s, const struct org *o, int year, const struct ind_def *def,
		     const char *value, const char *comment, int *has, double *v, struct buf *why,
		     struct err *err)
{
	int computed;
	if (ind_computed_here(s, o->id, year, def, &computed, why, err))
		return -1;
	if (computed)
		return IND_SET_REFUSED;
	enum ind_state st;
	if (store_ind_state_get(s, o->id, year, &st, NULL, NULL, err) < 0)
		return -1;
	if (st != IND_STATE_BROUILLON) {
		ind_not_draft(why, o->code, year, st);
		return IND_SET_REFUSED;
	}
	*has = !blank(value);
	if (!*has)
		return IND_SET_OK;
	struct err perr = ERR_INIT;
	if (parse_number(value, v, &perr)) {
		buf_adds(why, perr.msg.ptr);
		err_free(&perr);
		return IND_SET_REFUSED;
	}
	struct ind_value prev;
	int has_prev = store_ind_value_get(s, o->id, year - 1, def->code, &prev, err);
	if (has_prev < 0)
		return -1;
	enum ind_check c = ind_check_value(def, *v, has_prev, prev.value, comment, why);
	ind_value_free(&prev);
	return c == IND_CHECK_OK ? IND_SET_OK : IND_SET_REFUSED;
}

int ind_set(struct store *s, const struct actor *a, const struct ind_catalogue *cat,
	    const char *ministry_code, int year, const char *code, const char *value,
	    const char *comment, const char *source, int *changed, struct buf *why, struct err *err)
{
	struct org o;
	int has = 0;
	double v = 0;
	if (changed)
		*changed = 0;
	buf_reset(why);
	if (ind_find_ministry(s, ministry_code, &o, err))
		return -1;
	int rc = -1;
	if (!perm_edit_indicators(a, o.id)) {
		err_set(err, "%s n'a pas le droit de saisir les indicateurs de %s", a->id, o.code);
		goto out;
	}
	if (year < IND_YEAR_MIN || year > IND_YEAR_MAX) {
		buf_addf(why, "année %d hors de la plage admise (%d à %d)", year, IND_YEAR_MIN,
			 IND_YEAR_MAX);
		rc = IND_SET_REFUSED;
		goto out;
	}
	long k = ind_catalogue_find(cat, code ? code : "");
	if (k < 0) {
		buf_addf(why, "indicateur inconnu : « %s » (voir numeco indicator list)",
			 code ? code : "");
		rc = IND_SET_REFUSED;
		goto out;
	}
	const struct ind_def *def = &cat->items[k];
	rc = set_check(s, &o, year, def, value, comment, &has, &v, why, err);
	if (rc != IND_SET_OK)
		goto out;
	enum ind_apply done;
	if (ind_value_apply(s, a, o.code, o.id, year, def, has, v, comment, source, &done, err))
		rc = -1;
	else if (changed)
		*changed = done != IND_APPLY_UNCHANGED;
out:
	org_free(&o);
	return rc;
}

/* 1 when org has at least one entered value for year. */
static int has_values(struct store *s, int64_t org_id, int year, struct err *err)
{
	struct ind_value_list l;
	if (store_ind_value_list(s, org_id, year, &l, err))
		return -1;
	int n = l.n > 0;
	ind_value_list_free(&l);
	return n;
}

int ind_move(struct store *s, const struct actor *a, const char *ministry_code, int year,
	     enum ind_state to, enum ind_state *from, struct err *err)
{
	struct org o;
	struct buf key = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
	enum ind_state st;
	int rc = -1;
	if (ind_find_ministry(s, ministry_code, &o, err))
		return -1;
	if (year < IND_YEAR_MIN || year > IND_YEAR_MAX) {
		err_set(err, "année %d hors de la plage admise (%d à %d)", year, IND_YEAR_MIN,
			IND_YEAR_MAX);
		goto out;
	}
	if (store_ind_state_get(s, o.id, year, &st, NULL, NULL, err) < 0)
		goto out;
	if (from)
		*from = st;
	if ((unsigned)to >= IND_STATE_N || !ind_state_can_move(st, to)) {
		err_set(err,
			"la collecte des indicateurs %s %d est « %s » : elle ne peut pas passer à "
			"« %s »",
			o.code, year, ind_state_label(st),
			(unsigned)to < IND_STATE_N ? ind_state_label(to) : "?");
		goto out;
	}
	if (!perm_move_indicators(a, (int)st, (int)to, o.id)) {
		err_set(err,
			"%s n'a pas le droit de faire passer la collecte des indicateurs %s %d de "
			"« %s » à « %s »",
			a->id, o.code, year, ind_state_label(st), ind_state_label(to));
		goto out;
	}
	if (to == IND_STATE_SOUMIS) {
		int n = has_values(s, o.id, year, err);
		if (n < 0)
			goto out;
		if (!n) {
			err_set(err, "aucune valeur saisie pour %s %d : rien à soumettre", o.code,
				year);
			goto out;
		}
	}
	if (store_ind_state_set(s, o.id, year, to, a->id, err))
		goto out;
	buf_addf(&key, "%s/%d", o.code, year);
	audit_pairs_json(&before, "État", ind_state_label(st), (const char *)NULL);
	audit_pairs_json(&after, "État", ind_state_label(to), (const char *)NULL);
	rc = audit_record(s, a, "indicateur", key.ptr, "state", before.ptr, after.ptr, err);
out:
	org_free(&o);
	buf_free(&key);
	buf_free(&before);
	buf_free(&after);
	return rc;
}

int ind_load(struct store *s, int year_from, int year_to, int64_t ministry_id,
	     struct ind_catalogue *cat, struct ind_table *t, struct err *err)
{
	struct ind_fact_list facts;
	memset(t, 0, sizeof(*t));
	memset(&facts, 0, sizeof(facts));
	if (store_ind_catalogue_load(s, cat, err))
		return -1;
	if (store_ind_table_load(s, cat, year_from, year_to, ministry_id, t, err) ||
	    store_ind_facts(s, year_from, year_to, ministry_id, &facts, err)) {
		ind_fact_list_free(&facts);
		return -1;
	}
	ind_table_compute(t, &facts);
	ind_fact_list_free(&facts);
	return 0;
}
