/* review.c: recommendations, comments and review states (see review.h). */
#include "core/clock.h"
#include "plan/review.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "plan/audit.h"

#define REVIEW_MAX_TEXT 10000

int review_find_roadmap(struct store *s, const char *org_code, const char *period,
			struct roadmap *rm, struct org *org, struct err *err)
{
	int found = store_org_get(s, org_code, org, err);
	if (found == 0)
		return err_set(err, "organisation inconnue : « %s » (voir numeco org list)",
			       org_code);
	if (found < 0)
		return -1;
	found = store_roadmap_get(s, org->id, period, rm, err);
	if (found == 0)
		return err_set(err, "pas de feuille de route pour %s sur la période %s", org_code,
			       period);
	return found < 0 ? -1 : 0;
}

/* 1 when s holds nothing but white space: a recommendation of spaces is empty. */
static int is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

int review_add(struct store *s, const struct actor *actor, const char *org_code, const char *period,
	       const char *action_ref, enum rkind kind, const char *text, int64_t *id,
	       struct err *err)
{
	struct roadmap rm = { 0 };
	struct org org = { 0 };
	struct action a = { 0 };
	struct buf key = BUF_INIT, after = BUF_INIT;
	char now[32];
	int rc = -1;
	if (!perm_review(actor)) {
		err_set(err,
			"%s n'a pas le droit d'ajouter des recommandations (rôle admin requis)",
			actor->id);
		goto out;
	}
	if (is_blank(text) || text_utf8_len(text) > REVIEW_MAX_TEXT ||
	    !text_utf8_valid(text, strlen(text))) {
		err_set(err, "texte vide, trop long (plus de %d caractères) ou mal encodé",
			REVIEW_MAX_TEXT);
		goto out;
	}
	if (review_find_roadmap(s, org_code, period, &rm, &org, err))
		goto out;
	if (*action_ref) {
		int found = store_action_get(s, rm.id, action_ref, &a, err);
		if (found == 0)
			err_set(err, "action inconnue « %s » dans la feuille de route %s %s",
				action_ref, org_code, period);
		if (found <= 0)
			goto out;
	}
	clock_now_iso(now);
	struct review r = { 0,	 rm.id, (char *)action_ref, kind, (char *)text, (char *)actor->id,
			    now, 0 };
	if (store_review_add(s, &r, err))
		goto out;
	*id = r.id;
	buf_addf(&key, "%s/%s%s%s#%" PRId64, org_code, period, *action_ref ? "/" : "", action_ref,
		 r.id);
	audit_pairs_json(&after, "Type", rkind_label(kind), "Texte", text, (const char *)NULL);
	rc = audit_record(s, actor, "review", key.ptr, "create", "", after.ptr, err);
out:
	if (a.ref)
		action_free(&a);
	roadmap_free(&rm);
	org_free(&org);
	buf_free(&key);
	buf_free(&after);
	return rc;
}

int review_move(struct store *s, const struct actor *actor, const char *org_code,
		const char *period, enum rstate to, enum rstate *from, struct err *err)
{
	struct roadmap rm = { 0 };
	struct org org = { 0 };
	struct buf key = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
	int rc = -1;
	if (review_find_roadmap(s, org_code, period, &rm, &org, err))
		goto out;
	*from = rm.state;
	if (!rstate_can_move(rm.state, to)) {
		err_set(err,
			"la feuille de route %s %s est « %s » : elle ne peut pas passer à « %s »",
			org_code, period, rstate_label(rm.state), rstate_label(to));
		goto out;
	}
	if (!perm_move(actor, rm.state, to, org.ministry_id)) {
		err_set(err,
			"%s n'a pas le droit de faire passer la feuille de route %s %s de « %s » "
			"à « %s »",
			actor->id, org_code, period, rstate_label(rm.state), rstate_label(to));
		goto out;
	}
	if (store_roadmap_set_state(s, rm.id, to, err))
		goto out;
	buf_addf(&key, "%s/%s", org_code, period);
	audit_pairs_json(&before, "État", rstate_label(rm.state), (const char *)NULL);
	audit_pairs_json(&after, "État", rstate_label(to), (const char *)NULL);
	rc = audit_record(s, actor, "roadmap", key.ptr, "state", before.ptr, after.ptr, err);
out:
	roadmap_free(&rm);
	org_free(&org);
	buf_free(&key);
	buf_free(&before);
	buf_free(&after);
	return rc;
}

int review_mark(struct store *s, const struct actor *actor, const char *org_code,
		const char *period, int64_t id, int addressed, struct err *err)
{
	struct roadmap rm = { 0 };
	struct org org = { 0 };
	struct review_list l = { 0 };
	struct buf key = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
	int rc = -1;
	if (review_find_roadmap(s, org_code, period, &rm, &org, err))
		goto out;
	if (!perm_edit_roadmap(actor, org.ministry_id)) {
		err_set(err, "%s n'a pas le droit de traiter les recommandations de %s", actor->id,
			org_code);
		goto out;
	}
	if (store_review_list(s, rm.id, &l, err))
		goto out;
	const struct review *r = NULL;
	for (size_t i = 0; i < l.n && !r; i++)
		if (l.items[i].id == id)
			r = &l.items[i];
	if (!r) {
		err_set(err, "pas de recommandation n° %" PRId64 " dans la feuille de route %s %s",
			id, org_code, period);
		goto out;
	}
	if (store_review_set_addressed(s, id, addressed, err))
		goto out;
	buf_addf(&key, "%s/%s%s%s#%" PRId64, org_code, period, r->action_ref[0] ? "/" : "",
		 r->action_ref, id);
	audit_pairs_json(&before, "Traitée", r->addressed ? "oui" : "non", (const char *)NULL);
	audit_pairs_json(&after, "Traitée", addressed ? "oui" : "non", (const char *)NULL);
	rc = audit_record(s, actor, "review", key.ptr, "update", before.ptr, after.ptr, err);
out:
	roadmap_free(&rm);
	org_free(&org);
	review_list_free(&l);
	buf_free(&key);
	buf_free(&before);
	buf_free(&after);
	return rc;
}
