/* api_actions.c: GET and PUT /api/v1/feuilles-de-route/{code}/{periode}/actions/{ref}.
 *
 * A PUT carries the fields to change (absent ones keep their stored value)
 * and the "version" the client read. The values are validated by the action
 * form of the web UI (web_action_form.h), so the API and the pages accept
 * exactly the same things, with the same messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/audit.h"
#include "core/xalloc.h"
#include "plan/roadmap_import.h"
#include "web/api.h"
#include "web/web_action_form.h"

/* JSON names of the editable fields (those of api_action_json), by form field. */
static const char *const json_names[AF_COUNT] = {
	[AF_TITLE] = "titre",	       [AF_DESCRIPTION] = "description",
	[AF_THEME] = "theme",	       [AF_LEVEL] = "niveau",
	[AF_STATUS] = "statut",	       [AF_KEY] = "action_cle",
	[AF_DIRECTION] = "direction",  [AF_START] = "date_debut",
	[AF_DUE] = "echeance",	       [AF_BUDGET] = "budget_euros",
	[AF_INDICATOR] = "indicateur", [AF_IMPACT] = "impact_evite",
	[AF_UNIT] = "unite_impact",    [AF_METHOD] = "methode_estimation",
	[AF_COMMENT] = "commentaire",
};

/* Fields of the GET answer a client may send back unchanged: ignored. */
static const char *const read_only[] = { "theme_libelle", "niveau_libelle", "statut_libelle",
					 "adresse" };

/* One action found by the path, with its roadmap. */
struct target {
	struct roadmap rm;
	struct org org;
	struct action act;
	int has_act;
};

static void target_free(struct target *t)
{
	roadmap_free(&t->rm);
	org_free(&t->org);
	if (t->has_act)
		action_free(&t->act);
}

/* 1 found, 0 answered 404, -1 error. */
static int target_find(struct web_req *rq, struct web_resp *rs, struct target *t, struct err *err)
{
	memset(t, 0, sizeof(*t));
	int found = api_roadmap_find(rq, rs, &t->rm, &t->org, err);
	if (found <= 0)
		return found;
	found = store_action_get(rq->store, t->rm.id, rq->params[2], &t->act, err);
	if (found == 0)
		api_error(rs, 404, "action inconnue « %s » dans la feuille de route %s %s",
			  rq->params[2], t->rm.org_code, t->rm.period);
	t->has_act = found > 0;
	return found;
}

static json_t *action_answer(const struct target *t, const struct action *a)
{
	struct buf path = BUF_INIT;
	json_t *j = api_action_json(a);
	api_roadmap_path(&path, t->rm.org_code, t->rm.period, a->ref);
	json_object_set_new(j, "adresse", api_str(path.ptr));
	buf_free(&path);
	return j;
}

int api_get_action(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct target t;
	int found = target_find(rq, rs, &t, err);
	if (found > 0)
		api_send(rs, 200, action_answer(&t, &t.act));
	target_free(&t);
	return found < 0 ? -1 : 0;
}

/* The id of a direction code (0 for ""); -1 on error. */
static int direction_id(struct store *s, const char *code, int64_t *id, struct err *err)
{
	struct org o;
	*id = 0;
	if (!*code)
		return 0;
	int found = store_org_get(s, code, &o, err);
	if (found > 0)
		*id = o.id;
	org_free(&o);
	return found < 0 ? -1 : 0;
}

/* A JSON value as the text the form would hold; NULL when its type does not
 * fit (the caller reports it). */
static char *value_text(enum af_field f, json_t *v)
{
	char num[64];
	if (json_is_null(v))
		return xstrdup("");
	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (f == AF_KEY && json_is_boolean(v))
		return xstrdup(json_is_true(v) ? "oui" : "non");
	if ((f == AF_BUDGET || f == AF_IMPACT) && json_is_integer(v)) {
		snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
		return xstrdup(num);
	}
	if ((f == AF_BUDGET || f == AF_IMPACT) && json_is_real(v)) {
		/* Budgets as people write them (0.1 stays 0.1, then at most two
		 * decimals are checked); impacts exactly. */
		snprintf(num, sizeof(num), f == AF_BUDGET ? "%.15g" : "%.17g", json_real_value(v));
		return xstrdup(num);
	}
	return NULL;
}

static const char *type_expected(enum af_field f)
{
	if (f == AF_KEY)
		return "booléen (true ou false) attendu";
	if (f == AF_BUDGET || f == AF_IMPACT)
		return "nombre (ou texte « 1 234,50 ») attendu";
	return "texte (ou null) attendu";
}

/* Turns the body into the form's fields over the stored values (form), and
 * reports in errors the keys it cannot take. */
static void body_to_form(json_t *body, const struct action *stored, struct web_kvs *form,
			 int64_t *version, int *has_version, json_t *errors)
{
	struct action_form cur;
	char *text[AF_COUNT];
	action_form_from_action(&cur, stored);
	for (int i = 0; i < AF_COUNT; i++)
		text[i] = xstrdup(cur.value[i]);
	action_form_free(&cur);
	*has_version = 0;
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v)
	{
		int known = 0;
		for (int i = 0; i < AF_COUNT && !known; i++) {
			if (strcmp(key, json_names[i]))
				continue;
			known = 1;
			char *t = value_text((enum af_field)i, v);
			if (!t) {
				json_object_set_new(errors, key,
						    api_str(type_expected((enum af_field)i)));
				continue;
			}
			free(text[i]);
			text[i] = t;
		}
		for (size_t i = 0; i < sizeof(read_only) / sizeof(read_only[0]) && !known; i++)
			known = strcmp(key, read_only[i]) == 0;
		if (known)
			continue;
		if (strcmp(key, "version") == 0) {
			if (json_is_integer(v) && json_integer_value(v) > 0) {
				*version = json_integer_value(v);
				*has_version = 1;
			} else {
				json_object_set_new(errors, key,
						    api_str("entier positif attendu (la version "
							    "lue avec l'action)"));
			}
		} else if (strcmp(key, "reference") == 0) {
			if (!json_is_string(v) || strcmp(json_string_value(v), stored->ref))
				json_object_set_new(errors, key,
						    api_str("la référence d'une action ne se "
							    "change pas (elle la nomme dans "
							    "l'adresse)"));
		} else {
			json_object_set_new(errors, key, api_str("champ inconnu"));
		}
	}
	if (!*has_version && !json_object_get(errors, "version"))
		json_object_set_new(errors, "version",
				    api_str("valeur obligatoire manquante : la version lue "
					    "avec l'action (GET), pour ne pas écraser une "
					    "modification faite entre-temps"));
	for (int i = 0; i < AF_COUNT; i++) {
		web_kvs_add(form, action_form_name((enum af_field)i), text[i]);
		free(text[i]);
	}
}

/* Validates the body into *a (a copy of the stored action, changed only when
 * the body is valid); 1 valid, 0
 * answered (400/422), -1 error. */
static int read_body(struct web_req *rq, struct web_resp *rs, const struct target *t,
		     struct action *a, int64_t *version, struct err *err)
{
	json_t *body = api_body(rq, rs, 0);
	if (!body)
		return 0;
	json_t *errors = json_object();
	struct web_kvs form = { 0 };
	struct org_list children = { 0 };
	struct rm_direction *dirs = NULL;
	struct action_form f = { 0 };
	int has_version, rc = -1;
	body_to_form(body, &t->act, &form, version, &has_version, errors);
	if (rm_directions(rq->store, t->org.id, &children, &dirs, err))
		goto out;
	if (action_form_read(&f, &form, dirs, children.n, a))
		for (int i = 0; i < AF_COUNT; i++)
			if (f.msg[i] && !json_object_get(errors, json_names[i]))
				json_object_set_new(errors, json_names[i], api_str(f.msg[i]));
	rc = 1;
	if (json_object_size(errors)) {
		api_invalid(rs, errors);
		errors = NULL;
		rc = 0;
	}
out:
	json_decref(errors);
	json_decref(body);
	web_kvs_free(&form);
	org_list_free(&children);
	free(dirs);
	action_form_free(&f);
	return rc;
}

static int put_tx(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct target t;
	struct action a;
	struct buf key = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
	int64_t old_dir, new_dir, version = 0;
	int rc = target_find(rq, rs, &t, err), has_a = 0;
	if (rc <= 0)
		goto out;
	rc = -1;
	if (direction_id(rq->store, t.act.direction, &old_dir, err))
		goto out;
	rc = 0;
	if (!perm_edit_action(&rq->actor, t.org.ministry_id, old_dir)) {
		api_error(rs, 403,
			  "%s n'a pas le droit de modifier l'action %s de la feuille de "
			  "route %s %s",
			  rq->actor.id, t.act.ref, t.rm.org_code, t.rm.period);
		goto out;
	}
	if (t.rm.state == RSTATE_VALIDEE) {
		api_error(rs, 409,
			  "la feuille de route %s %s est validée : elle doit repasser en brouillon "
			  "avant toute modification de ses actions",
			  t.rm.org_code, t.rm.period);
		goto out;
	}
	action_copy(&a, &t.act);
	has_a = 1;
	rc = read_body(rq, rs, &t, &a, &version, err);
	if (rc <= 0)
		goto out;
	if (version != t.act.version) {
		json_t *j = json_object();
		a.version = version;
		json_object_set_new(
			j, "erreur",
			api_str("l'action a été modifiée par quelqu'un d'autre depuis que vous "
				"l'avez lue : comparez la version enregistrée et la vôtre, puis "
				"renvoyez vos changements avec la version enregistrée"));
		json_object_set_new(j, "version_enregistree", action_answer(&t, &t.act));
		json_object_set_new(j, "version_envoyee", action_answer(&t, &a));
		api_send(rs, 409, j);
		rc = 0;
		goto out;
	}
	rc = -1;
	if (direction_id(rq->store, a.direction, &new_dir, err))
		goto out;
	rc = 0;
	if (new_dir != old_dir && !perm_edit_action(&rq->actor, t.org.ministry_id, new_dir)) {
		api_error(rs, 403, "%s n'a pas le droit de confier l'action %s à la direction %s",
			  rq->actor.id, t.act.ref, a.direction);
		goto out;
	}
	if (!action_equal(&a, &t.act)) {
		buf_addf(&key, "%s/%s/%s", t.rm.org_code, t.rm.period, t.act.ref);
		audit_action_json(&t.act, &before);
		audit_action_json(&a, &after);
		rc = -1;
		if (store_action_update(rq->store, -1, &a, err) ||
		    audit_record(rq->store, &rq->actor, "action", key.ptr, "update", before.ptr,
				 after.ptr, err))
			goto out;
	}
	api_send(rs, 200, action_answer(&t, &a));
	rc = 1;
out:
	if (has_a)
		action_free(&a);
	target_free(&t);
	buf_free(&key);
	buf_free(&before);
	buf_free(&after);
	return rc;
}

int api_put_action(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return api_in_tx(rq, rs, put_tx, err);
}
