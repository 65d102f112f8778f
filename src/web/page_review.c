/* page_review.c: the review workflow's writes (state moves, recommendations,
 * marking them addressed) and the forms the ministry page embeds (web_review.h). */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/review.h"
#include "report/html.h"
#include "web/web_action_form.h"
#include "web/web_layout.h"
#include "web/web_review.h"
#include "web/web_route.h"

/* ---- shared helpers (web_review.h) ---- */

void web_ministry_url(struct buf *out, const char *org, const char *period, const char *ok)
{
	buf_adds(out, "/ministeres/");
	web_url_part(out, org);
	buf_adds(out, "?periode=");
	web_url_part(out, period);
	if (ok) {
		buf_adds(out, "&ok=");
		web_url_part(out, ok);
	}
}

void web_refusal_page(struct web_req *rq, struct web_resp *rs, int status, const char *message,
		      const char *back_href, const char *back_label)
{
	static const struct {
		int status;
		const char *title;
	} titles[] = { { 400, "Demande incomplète ou invalide" },
		       { 403, "Accès refusé" },
		       { 404, "Introuvable" },
		       { 409, "Opération impossible dans l'état actuel" },
		       { 413, "Envoi trop volumineux" },
		       { 422, "Fichier refusé" } };
	const char *title = "Erreur";
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (titles[i].status == status)
			title = titles[i].title;
	struct buf *o = &rs->body;
	buf_reset(o);
	rs->status = status;
	web_page_begin(rq, rs, title);
	buf_adds(o, "<h1>");
	html_esc(o, title);
	buf_adds(o, "</h1>\n<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><p>");
	html_esc(o, message);
	buf_adds(o, "</p></div>\n<p>Rien n'a été modifié.</p>\n<p><a class=\"fr-link\"");
	html_attr(o, "href", back_href ? back_href : "/");
	buf_adds(o, ">");
	html_esc(o, back_label ? back_label : "Retour au tableau de bord");
	buf_adds(o, "</a></p>\n");
	web_page_end(rq, rs);
}

/* The action URL of a form about the roadmap: /ministeres/ORG/PERIOD/suffix. */
static void roadmap_url(struct buf *out, const char *org, const char *period, const char *suffix)
{
	buf_adds(out, "/ministeres/");
	web_url_part(out, org);
	buf_addc(out, '/');
	web_url_part(out, period);
	buf_adds(out, suffix);
}

/* ---- rendering for the ministry page ---- */

static const char *move_label(enum rstate from, enum rstate to)
{
	switch (to) {
	case RSTATE_SOUMISE: return "Soumettre à l'équipe centrale";
	case RSTATE_RELUE: return "Marquer comme relue";
	case RSTATE_VALIDEE: return "Valider la feuille de route";
	case RSTATE_BROUILLON:
		return from == RSTATE_SOUMISE ? "Retirer la soumission"
		       : from == RSTATE_RELUE ? "Renvoyer en brouillon"
					      : "Rouvrir (repasser en brouillon)";
	case RSTATE_COUNT: break;
	}
	return "";
}

/* Values and errors of the recommendation form (NULL: none). */
struct reco_values {
	const char *text, *kind, *action;
	const char *text_error, *action_error;
};

static void field_error(struct buf *o, const char *id, const char *msg)
{
	buf_adds(o, "<p class=\"fr-error-text\"");
	html_attrf(o, "id", "%s-erreur", id);
	buf_adds(o, ">");
	html_esc(o, msg);
	buf_adds(o, "</p>");
}

static void reco_form(struct web_req *rq, struct buf *o, const char *org, const char *period,
		      const struct reco_values *v)
{
	struct buf url = BUF_INIT;
	roadmap_url(&url, org, period, "/recommandations");
	buf_adds(o, "<form method=\"post\"");
	html_attr(o, "action", url.ptr);
	buf_adds(o, ">");
	web_csrf_field(rq, o);
	buf_adds(o, "\n<div class=\"fr-input-group");
	if (v->text_error)
		buf_adds(o, " fr-input-group--error");
	buf_adds(o, "\"><label class=\"fr-label\" for=\"reco-texte\">Texte<span "
		    "class=\"fr-hint-text\">10 000 caractères au plus</span></label>"
		    "<textarea class=\"fr-input");
	if (v->text_error)
		buf_adds(o, " fr-input--error\" aria-describedby=\"reco-texte-erreur");
	buf_adds(o, "\" id=\"reco-texte\" name=\"texte\" rows=\"4\" maxlength=\"10000\" "
		    "required>");
	html_esc(o, v->text ? v->text : "");
	buf_adds(o, "</textarea>");
	if (v->text_error)
		field_error(o, "reco-texte", v->text_error);
	buf_adds(o, "</div>\n<div class=\"fr-select-group\"><label class=\"fr-label\" "
		    "for=\"reco-type\">Type</label><select class=\"fr-select\" id=\"reco-type\" "
		    "name=\"type\">");
	for (int k = 0; k < RKIND_COUNT; k++) {
		buf_adds(o, "<option");
		html_attr(o, "value", rkind_code((enum rkind)k));
		if (v->kind && strcmp(v->kind, rkind_code((enum rkind)k)) == 0)
			buf_adds(o, " selected");
		buf_adds(o, ">");
		html_esc(o, rkind_label((enum rkind)k));
		buf_adds(o, "</option>");
	}
	buf_adds(o, "</select></div>\n<div class=\"fr-input-group");
	if (v->action_error)
		buf_adds(o, " fr-input-group--error");
	buf_adds(o, "\"><label class=\"fr-label\" for=\"reco-action\">Action concernée "
		    "(facultatif)<span class=\"fr-hint-text\">Référence d'une action, par exemple "
		    "A-02 ; vide pour la feuille de route entière</span></label><input "
		    "class=\"fr-input");
	if (v->action_error)
		buf_adds(o, " fr-input--error\" aria-describedby=\"reco-action-erreur");
	buf_adds(o, "\" type=\"text\" id=\"reco-action\" name=\"action\" maxlength=\"64\"");
	html_attr(o, "value", v->action ? v->action : "");
	buf_adds(o, ">");
	if (v->action_error)
		field_error(o, "reco-action", v->action_error);
	buf_adds(o, "</div>\n<button class=\"fr-btn\" type=\"submit\">Ajouter</button>\n"
		    "</form>\n");
	buf_free(&url);
}

void web_review_forms(struct web_req *rq, struct buf *out, const char *org, const char *period,
		      enum rstate state, int64_t ministry_id)
{
	struct buf url = BUF_INIT;
	int shown = 0;
	roadmap_url(&url, org, period, "/etat");
	for (int to = 0; to < RSTATE_COUNT; to++) {
		if (!rstate_can_move(state, (enum rstate)to) ||
		    !perm_move(&rq->actor, state, (enum rstate)to, ministry_id))
			continue;
		if (!shown++)
			buf_adds(out, "<h3>Changer l'état de la revue</h3>\n<ul "
				      "class=\"fr-btns-group fr-btns-group--inline-md\">\n");
		buf_adds(out, "<li><form method=\"post\"");
		html_attr(out, "action", url.ptr);
		buf_adds(out, ">");
		web_csrf_field(rq, out);
		buf_adds(out, "<input type=\"hidden\" name=\"etat\"");
		html_attr(out, "value", rstate_code((enum rstate)to));
		buf_adds(out, "><button class=\"fr-btn");
		if (to == RSTATE_BROUILLON)
			buf_adds(out, " fr-btn--secondary");
		buf_adds(out, "\" type=\"submit\">");
		html_esc(out, move_label(state, (enum rstate)to));
		buf_adds(out, "</button></form></li>\n");
	}
	if (shown)
		buf_adds(out, "</ul>\n");
	if (perm_review(&rq->actor)) {
		struct reco_values v = { 0 };
		buf_adds(out, "<h3>Ajouter une recommandation ou un commentaire</h3>\n");
		reco_form(rq, out, org, period, &v);
	}
	buf_free(&url);
}

void web_review_mark_form(struct web_req *rq, struct buf *out, const char *org, const char *period,
			  const struct review *r, int64_t ministry_id)
{
	if (r->kind != RKIND_RECOMMANDATION || !perm_edit_roadmap(&rq->actor, ministry_id))
		return;
	struct buf url = BUF_INIT;
	roadmap_url(&url, org, period, "/recommandations/");
	buf_addf(&url, "%" PRId64 "/traitee", r->id);
	buf_adds(out, "<form method=\"post\"");
	html_attr(out, "action", url.ptr);
	buf_adds(out, ">");
	web_csrf_field(rq, out);
	buf_adds(out, "<input type=\"hidden\" name=\"traitee\"");
	html_attr(out, "value", r->addressed ? "0" : "1");
	buf_adds(out, "><button class=\"fr-btn fr-btn--secondary fr-btn--sm\" type=\"submit\">");
	html_esc(out, r->addressed ? "Marquer non traitée" : "Marquer traitée");
	buf_adds(out, "<span class=\"fr-sr-only\">");
	html_escf(out, " (n° %" PRId64 ")", r->id);
	buf_adds(out, "</span></button></form>");
	buf_free(&url);
}

void web_review_list(struct web_req *rq, struct buf *out, const char *org, const char *period,
		     const struct review_list *l, int64_t ministry_id)
{
	if (!l->n) {
		buf_adds(out, "<p>Aucune recommandation.</p>\n");
		return;
	}
	buf_adds(out, "<div class=\"fr-table\"><table>\n<caption>Recommandations et commentaires "
		      "de l'équipe centrale</caption>\n<thead><tr><th scope=\"col\">N°</th><th "
		      "scope=\"col\">Type</th><th scope=\"col\">Texte</th><th "
		      "scope=\"col\">Action</th><th scope=\"col\">Auteur et date</th><th "
		      "scope=\"col\">Suivi</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < l->n; i++) {
		const struct review *r = &l->items[i];
		buf_addf(out, "<tr><th scope=\"row\">%" PRId64 "</th><td>", r->id);
		html_esc(out, rkind_label(r->kind));
		buf_adds(out, "</td><td>");
		html_esc(out, r->text);
		buf_adds(out, "</td><td>");
		html_esc(out, *r->action_ref ? r->action_ref : "—");
		buf_adds(out, "</td><td>");
		html_esc(out, r->author);
		buf_adds(out, "<br>");
		html_esc(out, r->created_at);
		if (r->kind != RKIND_RECOMMANDATION)
			buf_adds(out, "</td><td>—");
		else if (r->addressed)
			buf_adds(out, "</td><td><p class=\"fr-badge fr-badge--sm "
				      "fr-badge--success\">Traitée</p>");
		else
			buf_adds(out, "</td><td><p class=\"fr-badge fr-badge--sm "
				      "fr-badge--warning\">À traiter</p>");
		web_review_mark_form(rq, out, org, period, r, ministry_id);
		buf_adds(out, "</td></tr>\n");
	}
	buf_adds(out, "</tbody></table></div>\n");
}

/* ---- handlers ---- */

/* Loads the organisation and the roadmap named by the route's first two
 * captures; 1 when both exist, 0 after a 404 page, -1 on error. */
static int load_roadmap(struct web_req *rq, struct web_resp *rs, struct org *org,
			struct roadmap *rm, struct err *err)
{
	const char *code = rq->params[0], *period = rq->params[1];
	int found = store_org_get(rq->store, code, org, err);
	if (found > 0)
		found = store_roadmap_get(rq->store, org->id, period, rm, err);
	if (found < 0)
		return -1;
	if (found == 0) {
		struct buf msg = BUF_INIT;
		buf_addf(&msg, "Pas de feuille de route pour « %s » sur la période « %s ».", code,
			 period);
		web_refusal_page(rq, rs, 404, msg.ptr, "/", "Retour au tableau de bord");
		buf_free(&msg);
	}
	return found;
}

/* Runs a plan write in a transaction; 0 on success, -1 with e filled. */
static int commit_or_rollback(struct store *s, int rc, struct err *e)
{
	if (rc == 0 && store_commit(s, e) == 0)
		return 0;
	store_rollback(s);
	return -1;
}

/* A refusal with the plan's message, or a server error when status is 0. */
static int refuse(struct web_req *rq, struct web_resp *rs, int status, struct err *e,
		  struct err *err)
{
	if (!status) {
		err_set(err, "%s", e->msg.ptr);
		return -1;
	}
	struct buf back = BUF_INIT, msg = BUF_INIT;
	web_ministry_url(&back, rq->params[0], rq->params[1], NULL);
	buf_adds(&msg, e->msg.ptr);
	if (msg.len && msg.ptr[msg.len - 1] != '.')
		buf_addc(&msg, '.');
	web_refusal_page(rq, rs, status, msg.ptr, back.ptr, "Retour à la feuille de route");
	buf_free(&back);
	buf_free(&msg);
	return 0;
}

static void bad_request(struct web_req *rq, struct web_resp *rs, const char *msg)
{
	struct buf back = BUF_INIT;
	web_ministry_url(&back, rq->params[0], rq->params[1], NULL);
	web_refusal_page(rq, rs, 400, msg, back.ptr, "Retour à la feuille de route");
	buf_free(&back);
}

static void done(struct web_req *rq, struct web_resp *rs, const char *ok)
{
	struct buf loc = BUF_INIT;
	web_ministry_url(&loc, rq->params[0], rq->params[1], ok);
	web_redirect(rs, loc.ptr);
	buf_free(&loc);
}

static int post_state(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	const char *to_s = web_kvs_get(&rq->form, "etat");
	enum rstate to;
	if (!to_s || rstate_parse(to_s, &to)) {
		bad_request(rq, rs,
			    "État demandé absent ou inconnu (attendu : brouillon, soumise, relue "
			    "ou validee).");
		return 0;
	}
	struct org org = { 0 };
	struct roadmap rm = { 0 };
	struct err e = ERR_INIT;
	int rc = load_roadmap(rq, rs, &org, &rm, err);
	if (rc <= 0)
		goto out;
	enum rstate from;
	rc = store_begin(rq->store, &e) ? -1
					: review_move(rq->store, &rq->actor, rq->params[0],
						      rq->params[1], to, &from, &e);
	if (commit_or_rollback(rq->store, rc, &e) == 0) {
		done(rq, rs, "etat");
		rc = 0;
	} else {
		/* The plan checks the move first, then the rights. */
		int status = !rstate_can_move(rm.state, to)			     ? 409
			     : !perm_move(&rq->actor, rm.state, to, org.ministry_id) ? 403
										     : 0;
		rc = refuse(rq, rs, status, &e, err);
	}
out:
	org_free(&org);
	roadmap_free(&rm);
	err_free(&e);
	return rc < 0 ? -1 : 0;
}

/* The recommendation form again, with the problem next to its field. */
static void reco_page(struct web_req *rq, struct web_resp *rs, const struct reco_values *v,
		      const char *message)
{
	struct buf *o = &rs->body, back = BUF_INIT;
	buf_reset(o);
	rs->status = 400;
	web_ministry_url(&back, rq->params[0], rq->params[1], NULL);
	web_page_begin(rq, rs, "Ajouter une recommandation");
	const char *crumbs[] = { "Tableau de bord", "/", rq->params[0], back.ptr,
				 "Ajouter une recommandation" };
	web_breadcrumb(o, crumbs, 5);
	buf_adds(o, "<h1>Ajouter une recommandation</h1>\n<div class=\"fr-alert fr-alert--error "
		    "fr-mb-3w\" role=\"alert\"><h2 class=\"fr-alert__title\">La recommandation "
		    "n'a pas été enregistrée</h2><p>");
	html_esc(o, message);
	buf_adds(o, "</p>");
	if (v->text_error)
		buf_adds(o, "<p><a href=\"#reco-texte\">Corriger le texte</a></p>");
	if (v->action_error)
		buf_adds(o, "<p><a href=\"#reco-action\">Corriger l'action concernée</a></p>");
	buf_adds(o, "</div>\n");
	reco_form(rq, o, rq->params[0], rq->params[1], v);
	buf_adds(o, "<p class=\"fr-mt-3w\"><a class=\"fr-link\"");
	html_attr(o, "href", back.ptr);
	buf_adds(o, ">Retour à la feuille de route</a></p>\n");
	web_page_end(rq, rs);
	buf_free(&back);
}

static int blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

static int post_reco(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct reco_values v = { web_kvs_get(&rq->form, "texte"), web_kvs_get(&rq->form, "type"),
				 web_kvs_get(&rq->form, "action"), NULL, NULL };
	if (!v.text)
		v.text = "";
	if (!v.action)
		v.action = "";
	enum rkind kind = RKIND_RECOMMANDATION;
	if (v.kind && *v.kind && rkind_parse(v.kind, &kind)) {
		bad_request(rq, rs, "Type inconnu (attendu : recommandation ou commentaire).");
		return 0;
	}
	struct org org = { 0 };
	struct roadmap rm = { 0 };
	struct action a = { 0 };
	struct err e = ERR_INIT;
	struct buf ref = BUF_INIT;
	buf_adds(&ref, v.action);
	buf_trim(&ref);
	int rc = load_roadmap(rq, rs, &org, &rm, err);
	if (rc <= 0)
		goto out;
	int64_t id;
	rc = store_begin(rq->store, &e) ? -1
					: review_add(rq->store, &rq->actor, rq->params[0],
						     rq->params[1], ref.ptr, kind, v.text, &id, &e);
	if (commit_or_rollback(rq->store, rc, &e) == 0) {
		done(rq, rs, "recommandation");
		rc = 0;
		goto out;
	}
	rc = 0;
	if (!perm_review(&rq->actor)) {
		rc = refuse(rq, rs, 403, &e, err);
		goto out;
	}
	if (blank(v.text)) {
		v.text_error = "Saisissez un texte.";
	} else if (strstr(e.msg.ptr, "texte vide")) {
		v.text_error = "Le texte dépasse 10 000 caractères ou est mal encodé.";
	} else if (*ref.ptr) {
		int found = store_action_get(rq->store, rm.id, ref.ptr, &a, err);
		if (found < 0) {
			rc = -1;
			goto out;
		}
		if (!found)
			v.action_error = "Aucune action de cette feuille de route n'a cette "
					 "référence.";
	}
	if (!v.text_error && !v.action_error) {
		rc = refuse(rq, rs, 0, &e, err);
		goto out;
	}
	struct buf msg = BUF_INIT;
	buf_adds(&msg, e.msg.ptr);
	buf_addc(&msg, '.');
	reco_page(rq, rs, &v, msg.ptr);
	buf_free(&msg);
out:
	if (a.ref)
		action_free(&a);
	org_free(&org);
	roadmap_free(&rm);
	err_free(&e);
	buf_free(&ref);
	return rc < 0 ? -1 : 0;
}

static int post_mark(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	const char *flag = web_kvs_get(&rq->form, "traitee");
	char *end;
	errno = 0;
	long long id = strtoll(rq->params[2], &end, 10);
	if (*end || errno || id <= 0) {
		bad_request(rq, rs, "Numéro de recommandation invalide.");
		return 0;
	}
	if (!flag || (strcmp(flag, "1") && strcmp(flag, "0"))) {
		bad_request(rq, rs, "Champ « traitee » absent ou invalide (attendu : 1 ou 0).");
		return 0;
	}
	struct org org = { 0 };
	struct roadmap rm = { 0 };
	struct err e = ERR_INIT;
	int rc = load_roadmap(rq, rs, &org, &rm, err);
	if (rc <= 0)
		goto out;
	rc = store_begin(rq->store, &e)
		     ? -1
		     : review_mark(rq->store, &rq->actor, rq->params[0], rq->params[1], (int64_t)id,
				   flag[0] == '1', &e);
	if (commit_or_rollback(rq->store, rc, &e) == 0) {
		done(rq, rs, "traitee");
		rc = 0;
	} else {
		int status = !perm_edit_roadmap(&rq->actor, org.ministry_id) ? 403
			     : strstr(e.msg.ptr, "pas de recommandation")    ? 404
									     : 0;
		rc = refuse(rq, rs, status, &e, err);
	}
out:
	org_free(&org);
	roadmap_free(&rm);
	err_free(&e);
	return rc < 0 ? -1 : 0;
}

const struct web_route web_routes_review[] = {
	{ "POST", "/ministeres/{code}/{periode}/etat", post_state, 0 },
	{ "POST", "/ministeres/{code}/{periode}/recommandations", post_reco, 0 },
	{ "POST", "/ministeres/{code}/{periode}/recommandations/{id}/traitee", post_mark, 0 },
	{ NULL, NULL, NULL, 0 },
};
