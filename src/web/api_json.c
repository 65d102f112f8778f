/* api_json.c: the helpers of api.h: JSON answers and errors, request body,
 * entity forms, roadmap lookup, transactions. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "web/api.h"

void api_send(struct web_resp *rs, int status, json_t *j)
{
	char *text = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	if (!text)
		xalloc_die("json_dumps");
	web_json_text(rs, status, text);
	free(text);
	json_decref(j);
}

void api_error(struct web_resp *rs, int status, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	json_t *j = json_object();
	json_object_set_new(j, "erreur", api_str(msg.ptr));
	api_send(rs, status, j);
	buf_free(&msg);
}

void api_invalid(struct web_resp *rs, json_t *fields)
{
	json_t *j = json_object();
	json_object_set_new(j, "erreur",
			    api_str("valeurs invalides : voir le détail par champ "
				    "dans « champs »"));
	json_object_set_new(j, "champs", fields);
	api_send(rs, 422, j);
}

json_t *api_body(struct web_req *rq, struct web_resp *rs, int empty_ok)
{
	const char *p = rq->body.ptr;
	size_t n = rq->body.len;
	while (n && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++, n--;
	if (!n) {
		if (empty_ok)
			return json_object();
		api_error(rs, 400,
			  "corps de requête vide : un objet JSON est attendu "
			  "(Content-Type: application/json)");
		return NULL;
	}
	json_error_t je;
	json_t *j = json_loadb(p, n, JSON_REJECT_DUPLICATES, &je);
	if (!j) {
		api_error(rs, 400, "corps de requête JSON invalide (ligne %d, colonne %d)", je.line,
			  je.column);
		return NULL;
	}
	if (!json_is_object(j)) {
		json_decref(j);
		api_error(rs, 400, "corps de requête : un objet JSON { … } est attendu");
		return NULL;
	}
	return j;
}

json_t *api_str(const char *s)
{
	if (!s)
		s = "";
	json_t *j = json_string(s);
	if (j)
		return j;
	/* Invalid UTF-8 (never stored by numeco, but never drop a field). */
	struct buf clean = BUF_INIT;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t k = text_utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (k) {
			buf_add(&clean, s + i, k);
			i += k;
		} else {
			buf_adds(&clean, "\xef\xbf\xbd");
			i++;
		}
	}
	j = json_string(clean.ptr);
	buf_free(&clean);
	return j ? j : json_string("");
}

json_t *api_str_or_null(const char *s)
{
	return s && *s ? api_str(s) : json_null();
}

void api_path_segment(struct buf *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			buf_addc(out, (char)*p);
		else
			buf_addf(out, "%%%02X", *p);
}

void api_roadmap_path(struct buf *out, const char *code, const char *period, const char *ref)
{
	buf_adds(out, "/api/v1/feuilles-de-route/");
	api_path_segment(out, code);
	buf_addc(out, '/');
	api_path_segment(out, period);
	if (ref) {
		buf_adds(out, "/actions/");
		api_path_segment(out, ref);
	}
}

int api_roadmap_find(struct web_req *rq, struct web_resp *rs, struct roadmap *rm, struct org *org,
		     struct err *err)
{
	const char *code = rq->params[0], *period = rq->params[1];
	memset(rm, 0, sizeof(*rm));
	int found = store_org_get(rq->store, code, org, err);
	if (found == 0)
		api_error(rs, 404, "organisation inconnue : « %s »", code);
	if (found <= 0)
		return found;
	found = store_roadmap_get(rq->store, org->id, period, rm, err);
	if (found == 0)
		api_error(rs, 404, "pas de feuille de route pour %s sur la période « %s »", code,
			  period);
	if (found <= 0) {
		org_free(org);
		memset(org, 0, sizeof(*org));
	}
	return found;
}

json_t *api_action_json(const struct action *a)
{
	json_t *j = json_object();
	json_object_set_new(j, "reference", api_str(a->ref));
	json_object_set_new(j, "version", json_integer(a->version));
	json_object_set_new(j, "titre", api_str(a->title));
	json_object_set_new(j, "description", api_str(a->description));
	json_object_set_new(j, "theme", api_str(theme_code(a->theme)));
	json_object_set_new(j, "theme_libelle", api_str(theme_label(a->theme)));
	json_object_set_new(j, "niveau", api_str(level_code(a->level)));
	json_object_set_new(j, "niveau_libelle", api_str(level_label(a->level)));
	json_object_set_new(j, "statut", api_str(status_code(a->status)));
	json_object_set_new(j, "statut_libelle", api_str(status_label(a->status)));
	json_object_set_new(j, "action_cle", json_boolean(a->key));
	json_object_set_new(j, "direction", api_str(a->direction));
	json_object_set_new(j, "date_debut", api_str_or_null(a->start_date));
	json_object_set_new(j, "echeance", api_str_or_null(a->due_date));
	json_object_set_new(j, "budget_euros",
			    a->has_budget ? json_real((double)a->budget_cents / 100.0)
					  : json_null());
	json_object_set_new(j, "indicateur", api_str(a->indicator));
	json_object_set_new(j, "impact_evite",
			    a->has_impact ? json_real(a->impact_value) : json_null());
	json_object_set_new(j, "unite_impact",
			    a->has_impact ? api_str(iunit_code(a->impact_unit)) : json_null());
	json_object_set_new(j, "methode_estimation", api_str(a->impact_method));
	json_object_set_new(j, "commentaire", api_str(a->comment));
	return j;
}

json_t *api_roadmap_json(const struct roadmap *rm)
{
	struct buf path = BUF_INIT;
	api_roadmap_path(&path, rm->org_code, rm->period, NULL);
	json_t *j = json_object();
	json_object_set_new(j, "organisation", api_str(rm->org_code));
	json_object_set_new(j, "organisation_nom", api_str(rm->org_name));
	json_object_set_new(j, "periode", api_str(rm->period));
	json_object_set_new(j, "etat", api_str(rstate_code(rm->state)));
	json_object_set_new(j, "etat_libelle", api_str(rstate_label(rm->state)));
	json_object_set_new(j, "adresse", api_str(path.ptr));
	buf_free(&path);
	return j;
}

json_t *api_review_json(const struct review *r)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(r->id));
	json_object_set_new(j, "type", api_str(rkind_code(r->kind)));
	json_object_set_new(j, "type_libelle", api_str(rkind_label(r->kind)));
	json_object_set_new(j, "action", api_str_or_null(r->action_ref));
	json_object_set_new(j, "texte", api_str(r->text));
	json_object_set_new(j, "auteur", api_str(r->author));
	json_object_set_new(j, "date", api_str(r->created_at));
	json_object_set_new(j, "traitee", json_boolean(r->addressed));
	return j;
}

json_t *api_org_json(const struct org *o, const char *ministry_code)
{
	struct buf path = BUF_INIT;
	buf_adds(&path, "/api/v1/organisations/");
	api_path_segment(&path, o->code);
	json_t *j = json_object();
	json_object_set_new(j, "code", api_str(o->code));
	json_object_set_new(j, "nom", api_str(o->name));
	json_object_set_new(j, "type", api_str(org_kind_code(o->kind)));
	json_object_set_new(j, "type_libelle", api_str(org_kind_label(o->kind)));
	json_object_set_new(j, "parent", api_str_or_null(o->parent_code));
	json_object_set_new(j, "ministere", api_str(ministry_code));
	json_object_set_new(j, "adresse", api_str(path.ptr));
	buf_free(&path);
	return j;
}

int api_in_tx(struct web_req *rq, struct web_resp *rs, api_tx_fn fn, struct err *err)
{
	if (store_begin(rq->store, err))
		return -1;
	int rc = fn(rq, rs, err);
	if (rc == 1) {
		if (store_commit(rq->store, err) == 0)
			return 0;
		rc = -1;
	}
	store_rollback(rq->store);
	return rc < 0 ? -1 : 0;
}
