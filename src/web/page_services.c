/* page_services.c: the register of digital services (/services?ministere=,
 * a ministry's or all) and a service's page (/services/{code}: its record,
 * its assessments with their scores, the buttons that start a diagnosis or
 * an assessment). The form registering or editing a service is in
 * page_service_form.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "report/html.h"
#include "rgesn/rg_assess.h"
#include "web/web_action_form.h"
#include "web/web_layout.h"
#include "web/web_review.h"
#include "web/web_rg.h"
#include "web/web_route.h"

/* Services listed on the register page (a light page); the API lists all. */
#define MAX_LISTED 80
/* Assessments listed on a service's page, newest first. */
#define MAX_ASSESSMENTS 20

/* ---- the register ---- */

/* The ministries (roots of kind ministere) of orgs. */
static void ministry_select(struct buf *o, const struct org_list *orgs, const char *current)
{
	buf_adds(o, "<form method=\"get\" action=\"/services\" class=\"fr-mb-3w\"><div "
		    "class=\"fr-select-group\"><label class=\"fr-label\" for=\"ministere\">"
		    "Ministère</label><select class=\"fr-select\" id=\"ministere\" "
		    "name=\"ministere\"><option value=\"\">Tous les ministères</option>");
	for (size_t i = 0; i < orgs->n; i++) {
		const struct org *g = &orgs->items[i];
		if (g->parent_id || g->kind != ORG_MINISTERE)
			continue;
		buf_adds(o, "<option");
		html_attr(o, "value", g->code);
		if (current && strcmp(current, g->code) == 0)
			buf_adds(o, " selected");
		buf_adds(o, ">");
		html_esc(o, g->name);
		buf_adds(o, "</option>");
	}
	buf_adds(o, "</select></div><button class=\"fr-btn fr-btn--secondary fr-btn--sm\" "
		    "type=\"submit\">Afficher</button></form>\n");
}

static void service_row(struct buf *o, const struct rg_service *v, const struct org_list *orgs)
{
	struct buf u = BUF_INIT;
	web_rg_service_url(&u, v->code, NULL, NULL);
	buf_adds(o, "<tr><th scope=\"row\"><a");
	html_attr(o, "href", u.ptr);
	buf_adds(o, ">");
	html_esc(o, v->name);
	buf_adds(o, "</a><br><span class=\"fr-hint-text\">");
	html_esc(o, v->code);
	buf_adds(o, "</span></th><td>");
	const char *ministry = v->ministry_code, *direction = "—";
	for (size_t i = 0; i < orgs->n; i++) {
		if (orgs->items[i].id == v->ministry_id)
			ministry = orgs->items[i].name;
		if (web_rg_direction(v) && orgs->items[i].id == v->org_id)
			direction = orgs->items[i].name;
	}
	html_esc(o, ministry);
	buf_adds(o, "</td><td>");
	html_esc(o, direction);
	buf_adds(o, "</td><td>");
	html_esc(o, rg_service_status_label(v->status));
	buf_adds(o, "</td><td class=\"nc-num\">");
	struct rg_tally t = { 0 };
	t.has_score = v->has_score;
	t.score = v->score;
	struct buf s = BUF_INIT;
	web_rg_score_text(&s, &t);
	html_esc(o, s.ptr);
	buf_adds(o, "</td><td>");
	action_html_date(o, v->assessed_on && *v->assessed_on ? v->assessed_on : "");
	buf_adds(o, "</td></tr>\n");
	buf_free(&s);
	buf_free(&u);
}

static int get_list(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct org_list orgs = { 0 };
	struct rg_service_list l = { 0 };
	struct buf *o = &rs->body;
	const char *code = web_kvs_get(&rq->query, "ministere");
	int64_t ministry = 0;
	const char *ministry_name = NULL;
	int rc = -1;
	if (store_org_list(rq->store, &orgs, err))
		goto out;
	if (code && *code) {
		for (size_t i = 0; i < orgs.n; i++)
			if (!orgs.items[i].parent_id && strcmp(orgs.items[i].code, code) == 0) {
				ministry = orgs.items[i].id;
				ministry_name = orgs.items[i].name;
			}
		if (!ministry) {
			web_refusal_page(rq, rs, 404, "Aucun ministère n'a ce code.", "/services",
					 "Retour aux services numériques");
			rc = 0;
			goto out;
		}
	}
	if (store_rg_service_list(rq->store, ministry, &l, err))
		goto out;
	web_page_begin(rq, rs, "Services numériques");
	const char *crumbs[] = { "Tableau de bord", "/", "Services numériques" };
	web_breadcrumb(o, crumbs, 3);
	buf_adds(o, "<h1>Services numériques");
	if (ministry_name) {
		buf_adds(o, " — ");
		html_esc(o, ministry_name);
	}
	buf_adds(o, "</h1>\n");
	web_flash(rq, o);
	buf_adds(o, "<p>Le registre des services numériques des ministères et le score de leur "
		    "dernière évaluation complète au référentiel général d'écoconception (RGESN) : "
		    "part des critères conformes parmi les critères applicables.</p>\n"
		    "<ul class=\"fr-btns-group fr-btns-group--inline-md\">\n");
	if (web_rg_may_register(rq))
		buf_adds(o, "<li><a class=\"fr-btn\" href=\"/services/nouveau\">Enregistrer un "
			    "service</a></li>\n");
	buf_adds(o, "<li><a class=\"fr-btn fr-btn--secondary\" href=\"/rgesn\">Critères du "
		    "RGESN</a></li>\n<li><a class=\"fr-btn fr-btn--secondary\" "
		    "href=\"/rgesn/consolidation\">Consolidation</a></li>\n</ul>\n");
	ministry_select(o, &orgs, code);
	if (!l.n) {
		buf_adds(o, "<p>Aucun service enregistré.</p>\n");
	} else {
		buf_adds(o, "<div class=\"fr-table\"><table>\n<caption>");
		html_escf(o, "%zu service%s numérique%s", l.n, l.n > 1 ? "s" : "",
			  l.n > 1 ? "s" : "");
		buf_adds(o, "</caption>\n<thead><tr><th scope=\"col\">Service</th><th "
			    "scope=\"col\">Ministère</th><th scope=\"col\">Direction</th><th "
			    "scope=\"col\">Statut</th><th scope=\"col\" class=\"nc-num\">Score</th>"
			    "<th scope=\"col\">Évalué le</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < l.n && i < MAX_LISTED; i++)
			service_row(o, &l.items[i], &orgs);
		buf_adds(o, "</tbody></table></div>\n");
		if (l.n > MAX_LISTED) {
			buf_adds(o, "<p>");
			html_escf(o,
				  "%d services sur %zu sont listés : choisissez un ministère. "
				  "L'API (/api/v1/services) les donne tous.",
				  MAX_LISTED, l.n);
			buf_adds(o, "</p>\n");
		}
	}
	web_page_end(rq, rs);
	rc = 0;
out:
	rg_service_list_free(&l);
	org_list_free(&orgs);
	return rc;
}

/* ---- a service's page ---- */

static void detail(struct buf *o, const char *label, const char *value)
{
	buf_adds(o, "<tr><th scope=\"row\">");
	html_esc(o, label);
	buf_adds(o, "</th><td>");
	html_esc(o, value && *value ? value : "—");
	buf_adds(o, "</td></tr>\n");
}

/* The referentials a new assessment may use, latest first. */
static void new_assessment_form(struct web_req *rq, struct buf *o, const struct rg_service *v,
				const struct rg_ref_meta_list *refs)
{
	struct buf u = BUF_INIT;
	web_rg_service_url(&u, v->code, "/evaluations", NULL);
	buf_adds(o, "<form method=\"post\" class=\"fr-mb-3w\"");
	html_attr(o, "action", u.ptr);
	buf_adds(o, ">");
	web_csrf_field(rq, o);
	buf_adds(o, "<div class=\"fr-select-group\"><label class=\"fr-label\" "
		    "for=\"referentiel\">Référentiel de la nouvelle évaluation</label><select "
		    "class=\"fr-select\" id=\"referentiel\" name=\"referentiel\">");
	for (size_t i = refs->n; i-- > 0;) {
		struct buf val = BUF_INIT, label = BUF_INIT;
		buf_addf(&val, "%s@%s", refs->items[i].name, refs->items[i].version);
		buf_addf(&label, "%s %s (%zu critères)", refs->items[i].name,
			 refs->items[i].version, refs->items[i].ncriteria);
		buf_adds(o, "<option");
		html_attr(o, "value", val.ptr);
		buf_adds(o, ">");
		html_esc(o, label.ptr);
		buf_adds(o, "</option>");
		buf_free(&val);
		buf_free(&label);
	}
	buf_adds(o, "</select></div><button class=\"fr-btn\" type=\"submit\">Commencer une "
		    "évaluation complète</button></form>\n");
	buf_free(&u);
}

/* A referential among those already loaded for the list (by id). */
struct ref_cache {
	struct rg_ref refs[4];
	size_t n;
};

static const struct rg_ref *cached_ref(struct store *s, struct ref_cache *c, int64_t id,
				       struct err *err)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->refs[i].id == id)
			return &c->refs[i];
	if (c->n == sizeof(c->refs) / sizeof(c->refs[0])) {
		rg_ref_free(&c->refs[--c->n]);
	}
	struct rg_ref *r = &c->refs[c->n];
	memset(r, 0, sizeof(*r));
	if (store_rg_ref_load_id(s, id, r, err) <= 0) {
		rg_ref_free(r);
		return NULL;
	}
	r->id = id;
	c->n++;
	return r;
}

static int assessments_table(struct web_req *rq, struct buf *o, const struct rg_service *v,
			     struct err *err)
{
	struct rg_assessment_list l = { 0 };
	struct ref_cache rc;
	memset(&rc, 0, sizeof(rc));
	if (store_rg_assessment_list(rq->store, v->id, &l, err))
		return -1;
	buf_adds(o, "<h2 id=\"evaluations\">Évaluations</h2>\n");
	int res = 0;
	if (!l.n) {
		buf_adds(o, "<p>Aucune évaluation pour l'instant : commencez par l'autodiagnostic "
			    "rapide (une vingtaine de questions) ou par une évaluation "
			    "complète.</p>\n");
		goto out;
	}
	buf_adds(o, "<div class=\"fr-table\"><table>\n<caption class=\"fr-sr-only\">Évaluations "
		    "du service, la plus récente d'abord</caption>\n<thead><tr><th "
		    "scope=\"col\">Date</th><th scope=\"col\">Type</th><th "
		    "scope=\"col\">Référentiel</th><th scope=\"col\" class=\"nc-num\">Score</th>"
		    "<th scope=\"col\">Déclaration</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < l.n && i < MAX_ASSESSMENTS; i++) {
		struct rg_assessment a;
		struct buf u = BUF_INIT, s = BUF_INIT;
		int found = store_rg_assessment_get(rq->store, l.items[i].id, &a, err);
		const struct rg_ref *r =
			found > 0 ? cached_ref(rq->store, &rc, a.ref_id, err) : NULL;
		if (found < 0 || (found > 0 && !r && err->msg.len)) {
			if (found > 0)
				rg_assessment_free(&a);
			res = -1;
			break;
		}
		if (found == 0)
			continue;
		if (r) {
			struct rg_score sc;
			web_rg_score(r, &a, &sc);
			web_rg_score_text(&s, &sc.all);
			rg_score_free(&sc);
		} else {
			buf_adds(&s, "—");
		}
		web_rg_assess_url(&u, a.id, NULL, NULL);
		buf_adds(o, "<tr><th scope=\"row\"><a");
		html_attr(o, "href", u.ptr);
		buf_adds(o, ">");
		action_html_date(o, a.assessed_on);
		buf_adds(o, "</a></th><td>");
		html_esc(o, web_rg_kind_label(a.kind));
		buf_adds(o, "</td><td>");
		html_esc(o, a.ref_label);
		buf_adds(o, "</td><td class=\"nc-num\">");
		html_esc(o, s.ptr);
		buf_adds(o, "</td><td>");
		if (a.published_at && *a.published_at) {
			buf_reset(&u);
			web_rg_assess_url(&u, a.id, "/declaration", NULL);
			buf_adds(o, "<a");
			html_attr(o, "href", u.ptr);
			char day[11];
			snprintf(day, sizeof(day), "%.10s", a.published_at);
			buf_adds(o, ">Publiée le ");
			action_html_date(o, day);
			buf_adds(o, "</a>");
		} else {
			buf_adds(o, "Non publiée");
		}
		buf_adds(o, "</td></tr>\n");
		buf_free(&u);
		buf_free(&s);
		rg_assessment_free(&a);
	}
	buf_adds(o, "</tbody></table></div>\n");
out:
	for (size_t i = 0; i < rc.n; i++)
		rg_ref_free(&rc.refs[i]);
	rg_assessment_list_free(&l);
	return res;
}

static int get_service(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct rg_service v;
	struct org ministry = { 0 }, direction = { 0 };
	struct rg_ref_meta_list refs = { 0 };
	struct rg_assessment pub;
	struct buf *o = &rs->body, u = BUF_INIT;
	memset(&pub, 0, sizeof(pub));
	int found = web_rg_service(rq, rs, rq->params[0], &v, err);
	if (found <= 0)
		return found;
	int rc = -1, published = 0;
	if (store_org_get_id(rq->store, v.ministry_id, &ministry, err) < 0 ||
	    (web_rg_direction(&v) && store_org_get_id(rq->store, v.org_id, &direction, err) < 0) ||
	    store_rg_ref_list(rq->store, &refs, err) ||
	    (published = store_rg_assessment_latest_published(rq->store, v.id, &pub, err)) < 0)
		goto out;
	int may_edit = web_rg_may_edit(rq, &v);
	web_page_begin(rq, rs, v.name);
	buf_adds(&u, "/services?ministere=");
	web_url_part(&u, v.ministry_code);
	const char *crumbs[] = { "Tableau de bord",
				 "/",
				 "Services numériques",
				 "/services",
				 ministry.name ? ministry.name : "",
				 u.ptr,
				 v.name };
	web_breadcrumb(o, crumbs, 7);
	buf_adds(o, "<h1>");
	html_esc(o, v.name);
	buf_adds(o, "</h1>\n");
	web_flash(rq, o);
	buf_adds(o, "<ul class=\"fr-btns-group fr-btns-group--inline-md\">\n");
	if (may_edit) {
		buf_reset(&u);
		web_rg_service_url(&u, v.code, "/diagnostic", NULL);
		buf_adds(o, "<li><a class=\"fr-btn\"");
		html_attr(o, "href", u.ptr);
		buf_adds(o, ">Autodiagnostic rapide</a></li>\n");
		buf_reset(&u);
		web_rg_service_url(&u, v.code, "/modifier", NULL);
		buf_adds(o, "<li><a class=\"fr-btn fr-btn--secondary\"");
		html_attr(o, "href", u.ptr);
		buf_adds(o, ">Modifier le service</a></li>\n");
	}
	if (published) {
		buf_reset(&u);
		web_rg_service_url(&u, v.code, "/declaration", NULL);
		buf_adds(o, "<li><a class=\"fr-btn fr-btn--secondary\"");
		html_attr(o, "href", u.ptr);
		buf_adds(o, ">Déclaration d'écoconception</a></li>\n");
	}
	buf_adds(o, "</ul>\n<div class=\"fr-table\"><table>\n<caption class=\"fr-sr-only\">Fiche "
		    "du service</caption>\n<tbody>\n");
	detail(o, "Code", v.code);
	buf_adds(o, "<tr><th scope=\"row\">Adresse</th><td>");
	if (v.url && (strncmp(v.url, "https://", 8) == 0 || strncmp(v.url, "http://", 7) == 0)) {
		buf_adds(o, "<a");
		html_attr(o, "href", v.url);
		buf_adds(o, ">");
		html_esc(o, v.url);
		buf_adds(o, "</a>");
	} else {
		html_esc(o, v.url && *v.url ? v.url : "—");
	}
	buf_adds(o, "</td></tr>\n");
	detail(o, "Ministère", ministry.name);
	detail(o, "Direction propriétaire", direction.name);
	detail(o, "Public", v.audience);
	detail(o, "Statut", rg_service_status_label(v.status));
	detail(o, "Contact", v.contact);
	buf_adds(o, "</tbody></table></div>\n");
	if (assessments_table(rq, o, &v, err))
		goto out;
	if (may_edit && refs.n) {
		buf_adds(o, "<h2 id=\"nouvelle\">Nouvelle évaluation complète</h2>\n<p>Tous les "
			    "critères du référentiel, d'abord « non évalués ». Un autodiagnostic "
			    "peut aussi devenir une évaluation complète depuis sa page.</p>\n");
		new_assessment_form(rq, o, &v, &refs);
	}
	web_page_end(rq, rs);
	rc = 0;
out:
	if (published > 0)
		rg_assessment_free(&pub);
	rg_ref_meta_list_free(&refs);
	org_free(&ministry);
	org_free(&direction);
	rg_service_free(&v);
	buf_free(&u);
	return rc;
}

const struct web_route web_routes_services[] = {
	{ "GET", "/services", get_list, 0 },
	{ "GET", "/services/{code}", get_service, 0 },
	{ NULL, NULL, NULL, 0 },
};
