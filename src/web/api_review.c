/* api_review.c: the review of a roadmap through the API: its state
 * (POST …/etat), its recommendations and comments (GET/POST
 * …/recommandations, POST …/recommandations/{id}/traitee). Writes go
 * through plan/review.h; the checks made first here only choose the HTTP
 * status of a refusal. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "plan/review.h"
#include "web/api.h"

#define REVIEW_MAX_TEXT 10000

/* ---- state ---- */

static int state_tx(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct roadmap rm;
	struct org org;
	int found = api_roadmap_find(rq, rs, &rm, &org, err);
	if (found <= 0)
		return found;
	int rc = 0;
	json_t *body = NULL;
	/* Nobody who may not edit the roadmap moves it: refuse before reading. */
	if (!perm_edit_roadmap(&rq->actor, org.ministry_id)) {
		api_error(rs, 403,
			  "%s n'a pas le droit de changer l'état de la feuille de route "
			  "%s %s",
			  rq->actor.id, rm.org_code, rm.period);
		goto out;
	}
	if (!(body = api_body(rq, rs, 0)))
		goto out;
	json_t *v = json_object_get(body, "etat");
	enum rstate to, from;
	if (!json_is_string(v) || rstate_parse(json_string_value(v), &to)) {
		json_t *e = json_object();
		json_object_set_new(e, "etat",
				    api_str("état attendu : brouillon, soumise, relue ou "
					    "validee"));
		api_invalid(rs, e);
		goto out;
	}
	if (!rstate_can_move(rm.state, to)) {
		api_error(rs, 409,
			  "la feuille de route %s %s est « %s » : elle ne peut pas passer à "
			  "« %s »",
			  rm.org_code, rm.period, rstate_label(rm.state), rstate_label(to));
		goto out;
	}
	if (!perm_move(&rq->actor, rm.state, to, org.ministry_id)) {
		api_error(rs, 403,
			  "%s n'a pas le droit de faire passer la feuille de route %s %s de "
			  "« %s » à « %s »",
			  rq->actor.id, rm.org_code, rm.period, rstate_label(rm.state),
			  rstate_label(to));
		goto out;
	}
	rc = -1;
	if (review_move(rq->store, &rq->actor, rm.org_code, rm.period, to, &from, err))
		goto out;
	rm.state = to;
	json_t *j = api_roadmap_json(&rm);
	json_object_set_new(j, "etat_precedent", api_str(rstate_code(from)));
	api_send(rs, 200, j);
	rc = 1;
out:
	json_decref(body);
	roadmap_free(&rm);
	org_free(&org);
	return rc;
}

int api_post_state(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return api_in_tx(rq, rs, state_tx, err);
}

/* ---- recommendations ---- */

int api_get_reviews(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct roadmap rm;
	struct org org;
	struct review_list l;
	int found = api_roadmap_find(rq, rs, &rm, &org, err);
	if (found <= 0)
		return found;
	int rc = store_review_list(rq->store, rm.id, &l, err);
	if (rc == 0) {
		json_t *j = api_roadmap_json(&rm), *arr = json_array();
		for (size_t i = 0; i < l.n; i++)
			json_array_append_new(arr, api_review_json(&l.items[i]));
		json_object_set_new(j, "recommandations", arr);
		api_send(rs, 200, j);
	}
	review_list_free(&l);
	roadmap_free(&rm);
	org_free(&org);
	return rc;
}

/* Answers with the entry id of roadmap rm (status); 0, or -1 on error. */
static int send_review(struct web_req *rq, struct web_resp *rs, const struct roadmap *rm,
		       int64_t id, int status, struct err *err)
{
	struct review_list l;
	if (store_review_list(rq->store, rm->id, &l, err))
		return -1;
	for (size_t i = 0; i < l.n; i++)
		if (l.items[i].id == id)
			api_send(rs, status, api_review_json(&l.items[i]));
	review_list_free(&l);
	return 0;
}

static int blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Reads texte, type and action of a new entry; 1 valid, 0 answered 422. */
static int review_fields(struct web_req *rq, struct web_resp *rs, json_t *body,
			 const struct roadmap *rm, const char **text, enum rkind *kind,
			 const char **ref, struct err *err)
{
	json_t *errors = json_object(), *v;
	const char *key;
	json_object_foreach(body, key, v)
	{
		if (strcmp(key, "texte") && strcmp(key, "type") && strcmp(key, "action"))
			json_object_set_new(errors, key, api_str("champ inconnu"));
	}
	v = json_object_get(body, "texte");
	*text = json_is_string(v) ? json_string_value(v) : NULL;
	if (!*text || blank(*text) || text_utf8_len(*text) > REVIEW_MAX_TEXT)
		json_object_set_new(errors, "texte",
				    api_str("texte obligatoire, au plus 10 000 caractères"));
	v = json_object_get(body, "type");
	*kind = RKIND_RECOMMANDATION;
	if (v && !json_is_null(v) &&
	    (!json_is_string(v) || rkind_parse(json_string_value(v), kind)))
		json_object_set_new(errors, "type",
				    api_str("type attendu : recommandation ou commentaire"));
	v = json_object_get(body, "action");
	*ref = json_is_string(v) ? json_string_value(v) : "";
	if (v && !json_is_null(v) && !json_is_string(v))
		json_object_set_new(errors, "action",
				    api_str("référence d'action (texte) attendue"));
	if (**ref) {
		struct action a;
		int found = store_action_get(rq->store, rm->id, *ref, &a, err);
		if (found < 0) {
			json_decref(errors);
			return -1;
		}
		if (found)
			action_free(&a);
		else
			json_object_set_new(errors, "action",
					    api_str("aucune action de cette référence dans la "
						    "feuille de route"));
	}
	if (json_object_size(errors)) {
		api_invalid(rs, errors);
		return 0;
	}
	json_decref(errors);
	return 1;
}

static int add_tx(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct roadmap rm;
	struct org org;
	int found = api_roadmap_find(rq, rs, &rm, &org, err);
	if (found <= 0)
		return found;
	int rc = 0;
	json_t *body = NULL;
	if (!perm_review(&rq->actor)) {
		api_error(rs, 403,
			  "%s n'a pas le droit d'ajouter des recommandations (rôle admin "
			  "requis)",
			  rq->actor.id);
		goto out;
	}
	if (!(body = api_body(rq, rs, 0)))
		goto out;
	const char *text, *ref;
	enum rkind kind;
	int64_t id;
	rc = review_fields(rq, rs, body, &rm, &text, &kind, &ref, err);
	if (rc <= 0)
		goto out;
	rc = -1;
	if (review_add(rq->store, &rq->actor, rm.org_code, rm.period, ref, kind, text, &id, err) ||
	    send_review(rq, rs, &rm, id, 201, err))
		goto out;
	rc = 1;
out:
	json_decref(body);
	roadmap_free(&rm);
	org_free(&org);
	return rc;
}

int api_post_review(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return api_in_tx(rq, rs, add_tx, err);
}

static int done_tx(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct roadmap rm;
	struct org org;
	struct review_list l = { 0 };
	int found = api_roadmap_find(rq, rs, &rm, &org, err);
	if (found <= 0)
		return found;
	int rc = 0;
	json_t *body = NULL;
	if (!perm_edit_roadmap(&rq->actor, org.ministry_id)) {
		api_error(rs, 403, "%s n'a pas le droit de traiter les recommandations de %s",
			  rq->actor.id, rm.org_code);
		goto out;
	}
	char *end;
	const char *id_s = rq->params[2];
	int64_t id = strtoll(id_s, &end, 10);
	int known = 0;
	rc = -1;
	if (store_review_list(rq->store, rm.id, &l, err))
		goto out;
	rc = 0;
	for (size_t i = 0; i < l.n && !*end && *id_s >= '0' && *id_s <= '9'; i++)
		known |= l.items[i].id == id;
	if (!known) {
		api_error(rs, 404, "pas de recommandation n° %s dans la feuille de route %s %s",
			  id_s, rm.org_code, rm.period);
		goto out;
	}
	if (!(body = api_body(rq, rs, 1)))
		goto out;
	json_t *v = json_object_get(body, "traitee");
	if (json_object_size(body) > (v ? 1u : 0u) || (v && !json_is_boolean(v))) {
		json_t *e = json_object();
		json_object_set_new(e, "traitee",
				    api_str("booléen attendu (true par défaut) ; "
					    "aucun autre champ"));
		api_invalid(rs, e);
		goto out;
	}
	rc = -1;
	if (review_mark(rq->store, &rq->actor, rm.org_code, rm.period, id, !v || json_is_true(v),
			err) ||
	    send_review(rq, rs, &rm, id, 200, err))
		goto out;
	rc = 1;
out:
	json_decref(body);
	review_list_free(&l);
	roadmap_free(&rm);
	org_free(&org);
	return rc;
}

int api_post_review_done(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return api_in_tx(rq, rs, done_tx, err);
}
