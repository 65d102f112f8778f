/* page_declaration.c: ecodesign declarations — the stable address of a
 * service's latest published one (/services/{code}/declaration, public:
 * a declaration is published to be read, also as .md and .json or
 * ?format=), the declaration of a given assessment
 * (/evaluations/{id}/declaration, a preview until published) and the form
 * publishing it (POST /evaluations/{id}/publier, with the contact). */
#include <string.h>

#include "report/html.h"
#include "rgesn/rg_assess.h"
#include "web/web_layout.h"
#include "web/web_review.h"
#include "web/web_rg.h"
#include "web/web_route.h"

/* The format asked by ?format= (default the suffix's). 0, or -1 after a
 * 400 page. */
static int format_of(struct web_req *rq, struct web_resp *rs, enum rg_format dflt,
		     enum rg_format *fmt)
{
	const char *f = web_kvs_get(&rq->query, "format");
	*fmt = dflt;
	if (f && *f && rg_format_parse(f, fmt)) {
		web_error_page(rq, rs, 400, "Format inconnu (attendu : html, md ou json).");
		return -1;
	}
	return 0;
}

/* ---- a service's latest published declaration ---- */

static int service_decl(struct web_req *rq, struct web_resp *rs, enum rg_format dflt,
			struct err *err)
{
	enum rg_format fmt;
	struct web_rg_assess x;
	memset(&x, 0, sizeof(x));
	if (format_of(rq, rs, dflt, &fmt))
		return 0;
	int found = web_rg_service(rq, rs, rq->params[0], &x.svc, err);
	if (found <= 0)
		return found;
	int rc = -1;
	found = store_rg_assessment_latest_published(rq->store, x.svc.id, &x.a, err);
	if (found > 0)
		found = store_rg_ref_load_id(rq->store, x.a.ref_id, &x.ref, err);
	if (found == 0) {
		web_error_page(rq, rs, 404,
			       "Ce service n'a pas encore publié de déclaration d'écoconception.");
		rc = 0;
	} else if (found > 0) {
		rc = web_rg_decl_send(rq, rs, &x, fmt, err);
	}
	web_rg_assess_free(&x);
	return rc;
}

static int get_service_html(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return service_decl(rq, rs, RG_FMT_HTML, err);
}

static int get_service_md(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return service_decl(rq, rs, RG_FMT_MD, err);
}

static int get_service_json(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return service_decl(rq, rs, RG_FMT_JSON, err);
}

/* ---- an assessment's declaration ---- */

static int refuse_diagnosis(struct web_req *rq, struct web_resp *rs, const struct web_rg_assess *x)
{
	if (x->a.kind != RG_KIND_DIAGNOSTIC)
		return 0;
	struct buf u = BUF_INIT;
	web_rg_assess_url(&u, x->a.id, NULL, NULL);
	web_refusal_page(rq, rs, 409,
			 "Une déclaration d'écoconception se fait à partir d'une évaluation "
			 "complète : transformez d'abord l'autodiagnostic.",
			 u.ptr, "Retour à l'autodiagnostic");
	buf_free(&u);
	return 1;
}

static int assess_decl(struct web_req *rq, struct web_resp *rs, enum rg_format dflt,
		       struct err *err)
{
	enum rg_format fmt;
	struct web_rg_assess x;
	if (format_of(rq, rs, dflt, &fmt))
		return 0;
	int found = web_rg_assess_load(rq, rs, rq->params[0], &x, err);
	if (found <= 0)
		return found;
	int rc = refuse_diagnosis(rq, rs, &x) ? 0 : web_rg_decl_send(rq, rs, &x, fmt, err);
	web_rg_assess_free(&x);
	return rc;
}

static int get_assess_html(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return assess_decl(rq, rs, RG_FMT_HTML, err);
}

static int get_assess_md(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return assess_decl(rq, rs, RG_FMT_MD, err);
}

static int get_assess_json(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return assess_decl(rq, rs, RG_FMT_JSON, err);
}

/* ---- publishing ---- */

void web_rg_publish_form(struct web_req *rq, struct buf *o, const struct web_rg_assess *x,
			 const char *contact, const char *error)
{
	if (x->a.kind != RG_KIND_COMPLETE || (x->a.published_at && *x->a.published_at) ||
	    !web_rg_may_publish(rq, &x->svc))
		return;
	struct buf u = BUF_INIT;
	if (!contact)
		contact = x->a.contact && *x->a.contact ? x->a.contact : x->svc.contact;
	buf_adds(o, "<h2 id=\"publier\">Publier la déclaration d'écoconception</h2>\n<p>La "
		    "déclaration publiée est lisible par tous à l'adresse stable du service ; "
		    "l'évaluation ne change plus ensuite.</p>\n");
	web_rg_assess_url(&u, x->a.id, "/publier", NULL);
	buf_adds(o, "<form method=\"post\" class=\"fr-mb-4w\"");
	html_attr(o, "action", u.ptr);
	buf_adds(o, ">");
	web_csrf_field(rq, o);
	buf_adds(o, "<div class=\"fr-input-group");
	if (error)
		buf_adds(o, " fr-input-group--error");
	buf_adds(o, "\"><label class=\"fr-label\" for=\"contact\">Contact<span "
		    "class=\"fr-hint-text\">Adresse électronique ou page où écrire au sujet de la "
		    "déclaration (obligatoire)</span></label><input class=\"fr-input");
	if (error)
		buf_adds(o, " fr-input--error\" aria-invalid=\"true\" "
			    "aria-describedby=\"contact-erreur");
	buf_adds(o, "\" type=\"text\" id=\"contact\" name=\"contact\" maxlength=\"200\" "
		    "required");
	html_attr(o, "value", contact ? contact : "");
	buf_adds(o, ">");
	if (error) {
		buf_adds(o, "<p class=\"fr-error-text\" id=\"contact-erreur\">");
		html_esc(o, error);
		buf_adds(o, "</p>");
	}
	buf_adds(o, "</div><button class=\"fr-btn\" type=\"submit\">Publier la "
		    "déclaration</button></form>\n");
	buf_free(&u);
}

/* The publishing form again with its refusal (400). */
static void publish_refused(struct web_req *rq, struct web_resp *rs, const struct web_rg_assess *x,
			    const char *contact, const char *why)
{
	struct buf *o = &rs->body, u = BUF_INIT;
	buf_reset(o);
	rs->status = 400;
	web_page_begin(rq, rs, "Publier la déclaration");
	web_rg_service_url(&u, x->svc.code, NULL, NULL);
	struct buf a = BUF_INIT;
	web_rg_assess_url(&a, x->a.id, NULL, NULL);
	const char *crumbs[] = { "Tableau de bord", "/",	 "Services numériques",
				 "/services",	    x->svc.name, u.ptr,
				 "Évaluation",	    a.ptr,	 "Publier" };
	web_breadcrumb(o, crumbs, 9);
	buf_adds(o, "<h1>");
	html_escf(o, "Publier la déclaration — %s", x->svc.name);
	buf_adds(o, "</h1>\n<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><h2 "
		    "class=\"fr-alert__title\">La déclaration n'a pas été publiée</h2><p><a "
		    "href=\"#contact\">");
	html_esc(o, why);
	buf_adds(o, "</a></p></div>\n");
	web_rg_publish_form(rq, o, x, contact, why);
	web_page_end(rq, rs);
	buf_free(&u);
	buf_free(&a);
}

static int post_publish(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct web_rg_assess x;
	int found = web_rg_assess_load(rq, rs, rq->params[0], &x, err);
	if (found <= 0)
		return found;
	struct err e = ERR_INIT;
	struct buf u = BUF_INIT;
	int rc = 0;
	const char *contact = web_kvs_get(&rq->form, "contact");
	if (!contact)
		contact = "";
	while (*contact == ' ')
		contact++;
	web_rg_assess_url(&u, x.a.id, NULL, NULL);
	if (!web_rg_may_publish(rq, &x.svc)) {
		web_rg_refuse(rq, rs, &x.svc, "publier la déclaration");
	} else if (refuse_diagnosis(rq, rs, &x)) {
		/* page written */
	} else if (x.a.published_at && *x.a.published_at) {
		web_refusal_page(rq, rs, 409, "Cette déclaration est déjà publiée.", u.ptr,
				 "Retour à l'évaluation");
	} else if (!*contact) {
		publish_refused(rq, rs, &x, contact,
				"Le contact est obligatoire : une adresse où écrire au sujet de la "
				"déclaration.");
	} else if (store_begin(rq->store, &e)) {
		rc = err_set(err, "%s", e.msg.ptr);
	} else if (rg_publish(rq->store, &rq->actor, x.a.id, contact, &e) == 0 &&
		   store_commit(rq->store, &e) == 0) {
		buf_reset(&u);
		web_rg_assess_url(&u, x.a.id, NULL, "publiee");
		web_redirect(rs, u.ptr);
	} else {
		/* Rights and state were checked: what is left is the contact. */
		store_rollback(rq->store);
		publish_refused(rq, rs, &x, contact,
				e.msg.len ? e.msg.ptr : "Publication refusée.");
	}
	buf_free(&u);
	err_free(&e);
	web_rg_assess_free(&x);
	return rc;
}

const struct web_route web_routes_declaration[] = {
	{ "GET", "/services/{code}/declaration", get_service_html, WEB_PUBLIC },
	{ "GET", "/services/{code}/declaration.md", get_service_md, WEB_PUBLIC },
	{ "GET", "/services/{code}/declaration.json", get_service_json, WEB_PUBLIC },
	{ "GET", "/evaluations/{id}/declaration", get_assess_html, 0 },
	{ "GET", "/evaluations/{id}/declaration.md", get_assess_md, 0 },
	{ "GET", "/evaluations/{id}/declaration.json", get_assess_json, 0 },
	{ "POST", "/evaluations/{id}/publier", post_publish, 0 },
	{ NULL, NULL, NULL, 0 },
};
