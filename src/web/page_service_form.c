/* page_service_form.c: the form registering a digital service
 * (/services/nouveau) or editing one (/services/{code}/modifier), saved in
 * one transaction by rg_service_save; refusals shown with the form (400). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "report/html.h"
#include "rgesn/rg_assess.h"
#include "web/web_layout.h"
#include "web/web_review.h"
#include "web/web_rg.h"
#include "web/web_route.h"

/* What the form shows: the values typed or stored. */
struct svc_form {
	const char *code, *name, *url, *org, *audience, *status, *contact;
};

static void input(struct buf *o, const char *id, const char *label, const char *hint,
		  const char *value, const char *extra)
{
	buf_adds(o, "<div class=\"fr-input-group\"><label class=\"fr-label\"");
	html_attr(o, "for", id);
	buf_adds(o, ">");
	html_esc(o, label);
	if (hint) {
		buf_adds(o, "<span class=\"fr-hint-text\">");
		html_esc(o, hint);
		buf_adds(o, "</span>");
	}
	buf_adds(o, "</label><input class=\"fr-input\"");
	html_attr(o, "id", id);
	html_attr(o, "name", id);
	html_attr(o, "value", value ? value : "");
	buf_adds(o, extra);
	buf_adds(o, "></div>\n");
}

/* The organisations the actor may give a service to. */
static void org_select(struct web_req *rq, struct buf *o, const struct org_list *orgs,
		       const char *current)
{
	buf_adds(o, "<div class=\"fr-select-group\"><label class=\"fr-label\" for=\"org\">"
		    "Ministère ou direction propriétaire</label><select class=\"fr-select\" "
		    "id=\"org\" name=\"org\" required>");
	for (size_t i = 0; i < orgs->n; i++) {
		const struct org *g = &orgs->items[i];
		int64_t dir = g->parent_id ? g->id : 0;
		if (g->kind == ORG_MISSION || !perm_edit_service(&rq->actor, g->ministry_id, dir))
			continue;
		buf_adds(o, "<option");
		html_attr(o, "value", g->code);
		if (current && strcmp(current, g->code) == 0)
			buf_adds(o, " selected");
		buf_adds(o, ">");
		if (g->parent_id)
			buf_adds(o, "— ");
		html_esc(o, g->name);
		buf_adds(o, "</option>");
	}
	buf_adds(o, "</select></div>\n");
}

static int form_page(struct web_req *rq, struct web_resp *rs, const struct svc_form *f, int create,
		     const char *error, struct err *err)
{
	struct org_list orgs = { 0 };
	struct buf *o = &rs->body, u = BUF_INIT, title = BUF_INIT;
	if (store_org_list(rq->store, &orgs, err))
		return -1;
	buf_reset(o);
	if (create)
		buf_adds(&title, "Enregistrer un service numérique");
	else
		buf_addf(&title, "Modifier le service %s", f->name);
	web_page_begin(rq, rs, title.ptr);
	if (create) {
		const char *crumbs[] = { "Tableau de bord", "/", "Services numériques", "/services",
					 title.ptr };
		web_breadcrumb(o, crumbs, 5);
	} else {
		web_rg_service_url(&u, f->code, NULL, NULL);
		const char *crumbs[] = { "Tableau de bord", "/",     "Services numériques",
					 "/services",	    f->name, u.ptr,
					 "Modifier" };
		web_breadcrumb(o, crumbs, 7);
	}
	buf_adds(o, "<h1>");
	html_esc(o, title.ptr);
	buf_adds(o, "</h1>\n");
	if (error) {
		buf_adds(o, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><h2 "
			    "class=\"fr-alert__title\">Le service n'a pas été enregistré</h2><p>");
		html_esc(o, error);
		buf_adds(o, "</p></div>\n");
	}
	buf_reset(&u);
	if (create)
		buf_adds(&u, "/services/nouveau");
	else
		web_rg_service_url(&u, f->code, "/modifier", NULL);
	buf_adds(o, "<form method=\"post\"");
	html_attr(o, "action", u.ptr);
	buf_adds(o, ">");
	web_csrf_field(rq, o);
	buf_adds(o, "\n");
	if (create)
		input(o, "code", "Code du service",
		      "Identifiant unique et stable, par exemple MIN-A-DEMARCHES (lettres, "
		      "chiffres, "
		      "tirets)",
		      f->code, " type=\"text\" maxlength=\"60\" required");
	input(o, "nom", "Nom du service", NULL, f->name,
	      " type=\"text\" maxlength=\"200\" required");
	input(o, "url", "Adresse du service", "https://…", f->url,
	      " type=\"url\" maxlength=\"500\"");
	org_select(rq, o, &orgs, f->org);
	input(o, "public", "Public", "Par exemple : usagers, agents, entreprises", f->audience,
	      " type=\"text\" maxlength=\"200\"");
	buf_adds(o, "<div class=\"fr-select-group\"><label class=\"fr-label\" for=\"statut\">"
		    "Statut</label><select class=\"fr-select\" id=\"statut\" name=\"statut\">");
	for (int s = 0; s < RG_SVC_N; s++) {
		const char *c = rg_service_status_code((enum rg_service_status)s);
		buf_adds(o, "<option");
		html_attr(o, "value", c);
		if (f->status && strcmp(f->status, c) == 0)
			buf_adds(o, " selected");
		buf_adds(o, ">");
		html_esc(o, rg_service_status_label((enum rg_service_status)s));
		buf_adds(o, "</option>");
	}
	buf_adds(o, "</select></div>\n");
	input(o, "contact", "Contact", "Adresse électronique de l'équipe du service", f->contact,
	      " type=\"text\" maxlength=\"200\"");
	buf_adds(o, "<ul class=\"fr-btns-group fr-btns-group--inline-md\"><li><button "
		    "class=\"fr-btn\" type=\"submit\">Enregistrer</button></li><li><a "
		    "class=\"fr-btn fr-btn--secondary\"");
	buf_reset(&u);
	if (create)
		buf_adds(&u, "/services");
	else
		web_rg_service_url(&u, f->code, NULL, NULL);
	html_attr(o, "href", u.ptr);
	buf_adds(o, ">Annuler</a></li></ul>\n</form>\n");
	web_page_end(rq, rs);
	org_list_free(&orgs);
	buf_free(&u);
	buf_free(&title);
	return 0;
}

static int get_new(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	if (!web_rg_may_register(rq)) {
		web_refusal_page(rq, rs, 403,
				 "Enregistrer un service est réservé à l'équipe centrale, aux "
				 "référents et aux correspondants des ministères.",
				 "/services", "Retour aux services numériques");
		return 0;
	}
	struct svc_form f = { "", "", "", rq->who.org_code, "", "en_production", "" };
	return form_page(rq, rs, &f, 1, NULL, err);
}

static const char *posted(const struct web_req *rq, const char *name)
{
	const char *v = web_kvs_get(&rq->form, name);
	return v ? v : "";
}

/* Saves the form into v (create or update) in one transaction; refusals
 * show the form again (400). */
static int save(struct web_req *rq, struct web_resp *rs, struct rg_service *v, int create,
		struct err *err)
{
	struct svc_form f = { create ? posted(rq, "code") : v->code,
			      posted(rq, "nom"),
			      posted(rq, "url"),
			      posted(rq, "org"),
			      posted(rq, "public"),
			      posted(rq, "statut"),
			      posted(rq, "contact") };
	struct buf why = BUF_INIT;
	struct err e = ERR_INIT;
	struct org g = { 0 };
	int rc = 0;
	if (create) {
		free(v->code);
		v->code = xstrdup(f.code);
	}
	free(v->name);
	free(v->url);
	free(v->audience);
	free(v->contact);
	free(v->org_code);
	free(v->direction_code);
	v->name = xstrdup(f.name);
	v->url = xstrdup(f.url);
	v->audience = xstrdup(f.audience);
	v->contact = xstrdup(f.contact);
	v->org_code = xstrdup(f.org);
	int found = store_org_get(rq->store, f.org, &g, err);
	if (found < 0)
		return -1;
	v->direction_code = xstrdup(found > 0 && g.parent_id ? g.code : "");
	if (found > 0) {
		v->org_id = g.id;
		v->ministry_id = g.ministry_id;
	}
	/* Giving the service to an organisation the person may not act for is
	 * a refusal of rights, not of input. */
	if (found > 0 && !perm_edit_service(&rq->actor, g.ministry_id, g.parent_id ? g.id : 0)) {
		struct buf msg = BUF_INIT;
		buf_addf(&msg,
			 "%s n'a pas le droit d'enregistrer un service de %s (rôle admin, référent "
			 "du ministère ou correspondant de la direction requis).",
			 rq->actor.id, g.code);
		web_refusal_page(rq, rs, 403, msg.ptr, "/services",
				 "Retour aux services numériques");
		buf_free(&msg);
		org_free(&g);
		goto out;
	}
	org_free(&g);
	if (rg_service_status_parse(f.status, &v->status)) {
		buf_adds(&why, "Statut inconnu (attendu : en projet, en production ou retiré).");
	} else if (!*f.name) {
		buf_adds(&why, "Le nom du service est obligatoire.");
	} else if (create) {
		struct rg_service other;
		found = store_rg_service_get(rq->store, f.code, &other, err);
		if (found < 0)
			return -1;
		if (found > 0) {
			buf_addf(&why, "Un service a déjà le code %s.", f.code);
			rg_service_free(&other);
		}
	}
	if (!why.len) {
		if (store_begin(rq->store, &e)) {
			rc = err_set(err, "%s", e.msg.ptr);
			goto out;
		}
		int r = rg_service_save(rq->store, &rq->actor, v, create, &why, &e);
		if (r == 0 && store_commit(rq->store, &e) == 0) {
			struct buf loc = BUF_INIT;
			web_rg_service_url(&loc, v->code, NULL, "enregistre");
			web_redirect(rs, loc.ptr);
			buf_free(&loc);
			goto out;
		}
		store_rollback(rq->store);
		if (!why.len) {
			rc = err_set(err, "%s",
				     e.msg.len ? e.msg.ptr : "enregistrement du service");
			goto out;
		}
	}
	rc = form_page(rq, rs, &f, create, why.ptr, err);
	rs->status = 400;
out:
	buf_free(&why);
	err_free(&e);
	return rc;
}

static int post_new(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	if (!web_rg_may_register(rq)) {
		web_refusal_page(rq, rs, 403,
				 "Enregistrer un service est réservé à l'équipe centrale, aux "
				 "référents et aux correspondants des ministères.",
				 "/services", "Retour aux services numériques");
		return 0;
	}
	struct rg_service v;
	memset(&v, 0, sizeof(v));
	v.status = RG_SVC_EN_PRODUCTION;
	int rc = save(rq, rs, &v, 1, err);
	rg_service_free(&v);
	return rc;
}

static int get_edit(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct rg_service v;
	int found = web_rg_service(rq, rs, rq->params[0], &v, err);
	if (found <= 0)
		return found;
	int rc = 0;
	if (!web_rg_may_edit(rq, &v)) {
		web_rg_refuse(rq, rs, &v, "modifier la fiche");
	} else {
		struct svc_form f = { v.code,	  v.name,     v.url,
				      v.org_code, v.audience, rg_service_status_code(v.status),
				      v.contact };
		rc = form_page(rq, rs, &f, 0, NULL, err);
	}
	rg_service_free(&v);
	return rc;
}

static int post_edit(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct rg_service v;
	int found = web_rg_service(rq, rs, rq->params[0], &v, err);
	if (found <= 0)
		return found;
	int rc = 0;
	if (!web_rg_may_edit(rq, &v))
		web_rg_refuse(rq, rs, &v, "modifier la fiche");
	else
		rc = save(rq, rs, &v, 0, err);
	rg_service_free(&v);
	return rc;
}

/* Listed before the services' table: /services/nouveau must not be taken
 * for the page of a service coded "nouveau". */
const struct web_route web_routes_service_form[] = {
	{ "GET", "/services/nouveau", get_new, 0 },
	{ "POST", "/services/nouveau", post_new, 0 },
	{ "GET", "/services/{code}/modifier", get_edit, 0 },
	{ "POST", "/services/{code}/modifier", post_edit, 0 },
	{ NULL, NULL, NULL, 0 },
};
