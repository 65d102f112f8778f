/* page_assess.c: an RGESN assessment (GET /evaluations/{id}: its score by
 * family and by priority, the difference with the previous one, the
 * criteria filtered by family, priority and answer, and the answers form
 * while it may change), saving the answers shown (POST
 * /evaluations/{id}/reponses: one transaction, each refusal under its
 * criterion, nothing stored otherwise) and starting a complete assessment
 * (POST /services/{code}/evaluations). */
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

/* Changed answers listed under the difference with the previous assessment. */
#define MAX_CHANGES 15

/* What the page shows of each criterion: the answer (stored, or typed when a
 * save was refused) and its refusal. */
struct shown {
	const struct rg_item *it; /* NULL: non évalué */
	const char *error;	  /* NULL when fine */
};

/* ---- the page ---- */

static void difference(struct buf *o, const struct web_rg_assess *x, const struct rg_score *sc,
		       struct store *s, struct err *err, int *failed)
{
	struct rg_assessment prev;
	struct rg_ref pref;
	int found = web_rg_previous(s, &x->a, 0, &prev, &pref, err);
	if (found < 0) {
		*failed = 1;
		return;
	}
	buf_adds(o, "<h2 id=\"evolution\">Évolution</h2>\n");
	if (!found) {
		buf_adds(o,
			 "<p>Première évaluation complète du service : pas de comparaison.</p>\n");
		return;
	}
	struct rg_diff d;
	rg_diff_compute(&pref, prev.items, prev.nitems, &x->ref, x->a.items, x->a.nitems, &d);
	struct buf u = BUF_INIT, t = BUF_INIT;
	web_rg_assess_url(&u, prev.id, NULL, NULL);
	buf_adds(o, "<p>Depuis <a");
	html_attr(o, "href", u.ptr);
	buf_adds(o, ">l'évaluation du ");
	action_html_date(o, prev.assessed_on);
	buf_adds(o, "</a> (");
	html_esc(o, prev.ref_label);
	buf_adds(o, ") : ");
	if (d.has_delta && sc->all.has_score) {
		web_rg_points(&t, d.delta);
		buf_adds(o, "<strong>");
		html_esc(o, t.ptr);
		buf_adds(o, "</strong>");
	} else {
		buf_adds(o, "écart de score non calculable");
	}
	html_escf(o, " ; %zu réponse%s changée%s", d.nchanges, d.nchanges > 1 ? "s" : "",
		  d.nchanges > 1 ? "s" : "");
	if (d.only_before || d.only_after)
		html_escf(o, " ; %zu critère%s propre%s à l'ancienne version, %zu à la nouvelle",
			  d.only_before, d.only_before > 1 ? "s" : "", d.only_before > 1 ? "s" : "",
			  d.only_after);
	buf_adds(o, ".</p>\n");
	if (d.nchanges) {
		buf_adds(o,
			 "<div class=\"fr-table\"><table>\n<caption class=\"fr-sr-only\">Réponses "
			 "changées depuis l'évaluation précédente</caption>\n<thead><tr><th "
			 "scope=\"col\">Critère</th><th scope=\"col\">Avant</th><th "
			 "scope=\"col\">Après</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < d.nchanges && i < MAX_CHANGES; i++) {
			buf_adds(o, "<tr><th scope=\"row\">");
			html_esc(o, d.changes[i].criterion);
			buf_adds(o, "</th><td>");
			web_rg_answer_badge(o, d.changes[i].before);
			buf_adds(o, "</td><td>");
			web_rg_answer_badge(o, d.changes[i].after);
			buf_adds(o, "</td></tr>\n");
		}
		buf_adds(o, "</tbody></table></div>\n");
		if (d.nchanges > MAX_CHANGES) {
			buf_adds(o, "<p>");
			html_escf(o, "%zu autres réponses ont changé.", d.nchanges - MAX_CHANGES);
			buf_adds(o, "</p>\n");
		}
	}
	buf_free(&u);
	buf_free(&t);
	rg_diff_free(&d);
	rg_assessment_free(&prev);
	rg_ref_free(&pref);
}

/* The legend of a criterion: its id, title, priority and difficulty, and
 * (link) a link to the official text. */
static void criterion_head(struct buf *o, const struct rg_criterion *c, int link)
{
	html_escf(o, "%s — %s", c->id, c->title);
	buf_adds(o, "<span class=\"fr-hint-text\">");
	html_escf(o, "%s, difficulté %s", rg_priority_label(c->priority),
		  rg_difficulty_label(c->difficulty));
	if (link && c->url && *c->url) {
		buf_adds(o, " — <a");
		html_attr(o, "href", c->url);
		buf_adds(o, ">texte officiel</a>");
	}
	buf_adds(o, "</span>");
}

/* A label and its input (the three of a criterion share one group: a light
 * page). */
static void text_field(struct buf *o, char kind, const struct rg_criterion *c, const char *label,
		       const char *type, const char *value)
{
	struct buf id = BUF_INIT;
	web_rg_field_id(&id, kind, c->id);
	buf_adds(o, "<label class=\"fr-label fr-mt-1w\"");
	html_attr(o, "for", id.ptr);
	buf_adds(o, ">");
	html_esc(o, label);
	buf_adds(o, "</label><input class=\"fr-input\"");
	html_attr(o, "type", type);
	html_attr(o, "id", id.ptr);
	html_attr(o, "name", id.ptr);
	html_attr(o, "value", value ? value : "");
	buf_adds(o, " maxlength=\"2000\">");
	buf_free(&id);
}

/* One criterion of the answers form: about 18 elements (a page of
 * WEB_RG_PAGE stays under the DOM budget). */
static void answer_field(struct buf *o, const struct rg_criterion *c, const struct shown *sh)
{
	struct buf id = BUF_INIT;
	enum rg_answer cur = sh->it ? sh->it->answer : RG_ANS_NON_EVALUE;
	web_rg_field_id(&id, 'r', c->id);
	buf_adds(o, "<fieldset class=\"fr-fieldset fr-mb-3w\"><legend "
		    "class=\"fr-fieldset__legend\">");
	criterion_head(o, c, 0);
	buf_adds(o, "</legend><div class=\"fr-fieldset__element fr-select-group");
	if (sh->error)
		buf_adds(o, " fr-select-group--error");
	buf_adds(o, "\"><label class=\"fr-label\"");
	html_attr(o, "for", id.ptr);
	buf_adds(o, ">Réponse</label><select class=\"fr-select");
	if (sh->error)
		buf_adds(o, " fr-select--error\" aria-invalid=\"true");
	buf_adds(o, "\"");
	html_attr(o, "id", id.ptr);
	html_attr(o, "name", id.ptr);
	if (sh->error)
		html_attrf(o, "aria-describedby", "%s-erreur", id.ptr);
	buf_adds(o, ">");
	for (int a = 0; a < RG_ANS_N; a++) {
		buf_adds(o, "<option");
		html_attr(o, "value", rg_answer_code((enum rg_answer)a));
		if ((int)cur == a)
			buf_adds(o, " selected");
		buf_adds(o, ">");
		html_esc(o, rg_answer_label((enum rg_answer)a));
		buf_adds(o, "</option>");
	}
	buf_adds(o, "</select>");
	if (sh->error) {
		buf_adds(o, "<p class=\"fr-error-text\"");
		html_attrf(o, "id", "%s-erreur", id.ptr);
		buf_adds(o, ">");
		html_esc(o, sh->error);
		buf_adds(o, "</p>");
	}
	buf_adds(o, "</div><div class=\"fr-fieldset__element fr-input-group\">");
	text_field(o, 'j', c, "Justification (si non applicable)", "text",
		   sh->it ? sh->it->justification : "");
	text_field(o, 'd', c, "Date prévue (si en cours)", "date", sh->it ? sh->it->planned : "");
	text_field(o, 'n', c, "Note", "text", sh->it ? sh->it->note : "");
	buf_adds(o, "</div></fieldset>\n");
	buf_free(&id);
}

static void answer_row(struct buf *o, const struct rg_criterion *c, const struct rg_item *it)
{
	buf_adds(o, "<tr><th scope=\"row\">");
	criterion_head(o, c, 1);
	buf_adds(o, "</th><td>");
	web_rg_answer_badge(o, it ? it->answer : RG_ANS_NON_EVALUE);
	buf_adds(o, "</td><td>");
	int any = 0;
	if (it && it->justification && *it->justification) {
		html_esc(o, it->justification);
		any = 1;
	}
	if (it && it->planned && *it->planned) {
		buf_adds(o, any ? "<br>Prévu le " : "Prévu le ");
		action_html_date(o, it->planned);
		any = 1;
	}
	if (it && it->note && *it->note) {
		buf_adds(o, any ? "<br>" : "");
		html_esc(o, it->note);
		any = 1;
	}
	if (!any)
		buf_adds(o, "—");
	buf_adds(o, "</td></tr>\n");
}

/* The page of a complete assessment; shown[i] for criterion i; nerrors > 0
 * after a refused save (status 400). */
static int assess_page(struct web_req *rq, struct web_resp *rs, const struct web_rg_assess *x,
		       const struct web_rg_filter *f, const struct shown *shown, size_t nerrors,
		       struct err *err)
{
	struct buf *o = &rs->body, u = BUF_INIT, title = BUF_INIT, path = BUF_INIT;
	const struct rg_ref *r = &x->ref;
	struct rg_score sc;
	int failed = 0;
	int published = x->a.published_at && *x->a.published_at;
	int editable = !published && web_rg_may_edit(rq, &x->svc);
	rg_score_compute(r, x->a.items, x->a.nitems, &sc);
	buf_reset(o);
	buf_adds(&title, "Évaluation du ");
	action_html_date(&title, x->a.assessed_on);
	/* action_html_date escapes; the date has no character to escape. */
	web_page_begin(rq, rs, title.ptr);
	web_rg_service_url(&u, x->svc.code, NULL, NULL);
	const char *crumbs[] = { "Tableau de bord", "/",	 "Services numériques",
				 "/services",	    x->svc.name, u.ptr,
				 title.ptr };
	web_breadcrumb(o, crumbs, 7);
	buf_adds(o, "<h1>");
	html_escf(o, "%s — %s", x->svc.name, title.ptr);
	buf_adds(o, "</h1>\n");
	web_flash(rq, o);
	if (nerrors) {
		buf_adds(o, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><h2 "
			    "class=\"fr-alert__title\">");
		html_escf(o, "%zu réponse%s refusée%s : rien n'a été enregistré", nerrors,
			  nerrors > 1 ? "s" : "", nerrors > 1 ? "s" : "");
		buf_adds(o, "</h2><ul>");
		for (size_t i = 0; i < r->ncriteria; i++) {
			if (!shown[i].error)
				continue;
			struct buf id = BUF_INIT;
			web_rg_field_id(&id, 'r', r->criteria[i].id);
			buf_adds(o, "<li><a");
			html_attrf(o, "href", "#%s", id.ptr);
			buf_adds(o, ">");
			html_escf(o, "%s : %s", r->criteria[i].id, shown[i].error);
			buf_adds(o, "</a></li>");
			buf_free(&id);
		}
		buf_adds(o, "</ul></div>\n");
	}
	buf_adds(o, "<p class=\"fr-text--lead\">Score : <strong>");
	struct buf s = BUF_INIT;
	web_rg_score_text(&s, &sc.all);
	html_esc(o, s.ptr);
	buf_free(&s);
	buf_adds(o, "</strong></p>\n<p>");
	html_escf(o,
		  "%s, référentiel %s : %zu critères conformes sur %zu applicables ; %zu non "
		  "évalués (comptés comme non conformes), %zu non applicables.",
		  web_rg_kind_label(x->a.kind), x->a.ref_label, sc.all.conforme, sc.all.applicable,
		  sc.all.non_evalue, sc.all.non_applicable);
	buf_adds(o, published ? " Déclaration publiée le " : " Déclaration non publiée.");
	if (published)
		action_html_time(o, x->a.published_at);
	buf_adds(o, "</p>\n<ul class=\"fr-btns-group fr-btns-group--inline-md\">\n");
	buf_reset(&u);
	web_rg_assess_url(&u, x->a.id, "/declaration", NULL);
	buf_adds(o, "<li><a class=\"fr-btn fr-btn--secondary\"");
	html_attr(o, "href", u.ptr);
	buf_adds(o, published ? ">Déclaration d'écoconception</a></li>\n"
			      : ">Aperçu de la déclaration</a></li>\n");
	buf_adds(o, "</ul>\n");
	web_rg_publish_form(rq, o, x, NULL, NULL);
	web_rg_score_tables(o, r, &sc);
	difference(o, x, &sc, rq->store, err, &failed);
	if (failed)
		goto out;

	/* The criteria of the filter, a page of them. */
	size_t total = 0, from = (f->page - 1) * WEB_RG_PAGE, listed = 0;
	for (size_t i = 0; i < r->ncriteria; i++)
		total += web_rg_filter_match(f, &r->criteria[i], shown[i].it) != 0;
	size_t pages = total ? (total + WEB_RG_PAGE - 1) / WEB_RG_PAGE : 1;
	web_rg_assess_url(&path, x->a.id, NULL, NULL);
	buf_adds(o, "<h2 id=\"criteres\">Critères</h2>\n");
	web_rg_filter_form(o, path.ptr, r, f, 1, NULL, NULL);
	buf_adds(o, "<p>");
	html_escf(o, "%zu critère%s sur %zu", total, total > 1 ? "s" : "", r->ncriteria);
	if (pages > 1)
		html_escf(o, " ; page %zu sur %zu", f->page, pages);
	buf_adds(o, ".</p>\n");
	if (editable) {
		buf_reset(&u);
		web_rg_filter_url(&u, "", NULL, f, f->page, NULL);
		buf_adds(o, "<form method=\"post\"");
		html_attrf(o, "action", "/evaluations/%lld/reponses%s", (long long)x->a.id, u.ptr);
		buf_adds(o, ">");
		web_csrf_field(rq, o);
		buf_adds(o,
			 "<p class=\"fr-hint-text\">Une justification est obligatoire pour un "
			 "critère non applicable, une date prévue pour un critère en cours. Les "
			 "réponses de la page sont enregistrées ensemble, ou aucune s'il y a une "
			 "erreur.</p>\n");
	} else if (total) {
		buf_adds(o,
			 "<div class=\"fr-table\"><table>\n<caption class=\"fr-sr-only\">Réponses "
			 "aux critères</caption>\n<thead><tr><th scope=\"col\">Critère</th><th "
			 "scope=\"col\">Réponse</th><th scope=\"col\">Justification, date "
			 "prévue, note</th></tr></thead>\n<tbody>\n");
	}
	for (size_t i = 0, k = 0; i < r->ncriteria; i++) {
		if (!web_rg_filter_match(f, &r->criteria[i], shown[i].it))
			continue;
		if (k++ < from || listed >= WEB_RG_PAGE)
			continue;
		listed++;
		if (editable)
			answer_field(o, &r->criteria[i], &shown[i]);
		else
			answer_row(o, &r->criteria[i], shown[i].it);
	}
	if (editable)
		buf_adds(o,
			 "<button class=\"fr-btn\" type=\"submit\">Enregistrer les réponses de la "
			 "page</button></form>\n");
	else if (total)
		buf_adds(o, "</tbody></table></div>\n");
	if (!listed && total)
		buf_adds(o, "<p>Cette page est au-delà de la dernière.</p>\n");
	web_rg_pagination(o, path.ptr, NULL, f, pages);
	if (!editable && !published && rq->signed_in)
		buf_adds(o, "<p class=\"fr-hint-text\">Vous lisez cette évaluation : la modifier "
			    "revient à l'équipe centrale, au référent du ministère et au "
			    "correspondant de la direction propriétaire.</p>\n");
	if (published)
		buf_adds(o, "<p class=\"fr-hint-text\">Une évaluation publiée ne change plus : "
			    "commencez une nouvelle évaluation depuis la page du service.</p>\n");
	web_page_end(rq, rs);
out:
	rg_score_free(&sc);
	buf_free(&u);
	buf_free(&title);
	buf_free(&path);
	return failed ? -1 : 0;
}

static struct shown *stored_answers(const struct web_rg_assess *x)
{
	const struct rg_ref *r = &x->ref;
	struct shown *sh = xcalloc(r->ncriteria ? r->ncriteria : 1, sizeof(*sh));
	for (size_t i = 0; i < r->ncriteria; i++)
		sh[i].it = web_rg_item(x->a.items, x->a.nitems, r->criteria[i].id);
	return sh;
}

static int get_assess(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct web_rg_assess x;
	int found = web_rg_assess_load(rq, rs, rq->params[0], &x, err);
	if (found <= 0)
		return found;
	int rc = 0;
	if (x.a.kind == RG_KIND_DIAGNOSTIC) {
		web_rg_diag_result(rq, rs, &x);
	} else {
		struct web_rg_filter f;
		int bad;
		web_rg_filter_read(&rq->query, &f, &bad);
		struct shown *sh = stored_answers(&x);
		rc = assess_page(rq, rs, &x, &f, sh, 0, err);
		free(sh);
	}
	web_rg_assess_free(&x);
	return rc;
}

/* ---- saving the answers shown ---- */

static int post_answers(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct web_rg_assess x;
	int found = web_rg_assess_load(rq, rs, rq->params[0], &x, err);
	if (found <= 0)
		return found;
	const struct rg_ref *r = &x.ref;
	struct rg_item *items = xcalloc(r->ncriteria ? r->ncriteria : 1, sizeof(*items));
	struct shown *sh = NULL;
	struct diags d = DIAGS_INIT;
	struct err e = ERR_INIT;
	struct buf u = BUF_INIT;
	size_t n = 0, nerrors = 0;
	int rc = 0;
	char **bad_answer = xcalloc(r->ncriteria ? r->ncriteria : 1, sizeof(*bad_answer));
	if (x.a.published_at && *x.a.published_at) {
		web_rg_assess_url(&u, x.a.id, NULL, NULL);
		web_refusal_page(rq, rs, 409,
				 "Cette évaluation est publiée : ses réponses ne changent plus. "
				 "Commencez une nouvelle évaluation depuis la page du service.",
				 u.ptr, "Retour à l'évaluation");
		goto out;
	}
	if (!web_rg_may_edit(rq, &x.svc)) {
		web_rg_refuse(rq, rs, &x.svc, "répondre à l'évaluation");
		goto out;
	}
	/* The criteria of the form, in the referential's order. */
	for (size_t i = 0; i < r->ncriteria; i++) {
		int bad = 0;
		if (!web_rg_item_read(&rq->form, r->criteria[i].id, &items[n], &bad))
			continue;
		if (bad)
			bad_answer[i] =
				xstrdup("Réponse inconnue (attendu : conforme, non conforme, "
					"non applicable, en cours ou non évalué).");
		n++;
	}
	if (!n) {
		web_rg_assess_url(&u, x.a.id, NULL, NULL);
		web_refusal_page(rq, rs, 400, "Aucune réponse reçue : rien n'a été enregistré.",
				 u.ptr, "Retour à l'évaluation");
		goto out;
	}
	int refused = 0;
	for (size_t i = 0; i < r->ncriteria; i++)
		refused |= bad_answer[i] != NULL;
	if (!refused) {
		if (store_begin(rq->store, &e)) {
			rc = err_set(err, "%s", e.msg.ptr);
			goto out;
		}
		if (rg_answers_set(rq->store, &rq->actor, x.a.id, items, n, &d, &e) == 0 &&
		    store_commit(rq->store, &e) == 0) {
			struct web_rg_filter f;
			int bad;
			web_rg_filter_read(&rq->query, &f, &bad);
			web_rg_assess_url(&u, x.a.id, NULL, NULL);
			struct buf loc = BUF_INIT;
			web_rg_filter_url(&loc, u.ptr, NULL, &f, f.page, "reponses");
			web_redirect(rs, loc.ptr);
			buf_free(&loc);
			goto out;
		}
		store_rollback(rq->store);
		if (!d.errors) {
			rc = err_set(err, "%s",
				     e.msg.len ? e.msg.ptr : "enregistrement des réponses");
			goto out;
		}
	}
	/* Refused: the page again with what was typed, each refusal under its
	 * criterion. */
	sh = stored_answers(&x);
	for (size_t i = 0, k = 0; i < r->ncriteria; i++) {
		if (k < n && strcmp(items[k].criterion, r->criteria[i].id) == 0) {
			sh[i].it = &items[k];
			k++;
		}
		sh[i].error = bad_answer[i];
		for (size_t j = 0; j < d.n && !sh[i].error; j++)
			if (d.items[j].level == DIAG_ERROR && d.items[j].field &&
			    strcmp(d.items[j].field, r->criteria[i].id) == 0)
				sh[i].error = d.items[j].msg;
		nerrors += sh[i].error != NULL;
	}
	if (!nerrors) /* errors not tied to a criterion shown */
		for (size_t j = 0; j < d.n && !nerrors; j++)
			if (d.items[j].level == DIAG_ERROR && r->ncriteria) {
				sh[0].error = d.items[j].msg;
				nerrors = 1;
			}
	{
		struct web_rg_filter f;
		int bad;
		web_rg_filter_read(&rq->query, &f, &bad);
		rc = assess_page(rq, rs, &x, &f, sh, nerrors, err);
		rs->status = 400;
	}
out:
	for (size_t i = 0; i < r->ncriteria; i++)
		free(bad_answer[i]);
	free(bad_answer);
	for (size_t i = 0; i < n; i++)
		web_rg_item_free(&items[i]);
	free(items);
	free(sh);
	diags_free(&d);
	err_free(&e);
	buf_free(&u);
	web_rg_assess_free(&x);
	return rc;
}

/* ---- a new complete assessment ---- */

static int post_new(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct rg_service v;
	int found = web_rg_service(rq, rs, rq->params[0], &v, err);
	if (found <= 0)
		return found;
	struct err e = ERR_INIT;
	struct buf u = BUF_INIT;
	int64_t id = 0;
	int rc = 0;
	const char *ref = web_kvs_get(&rq->form, "referentiel");
	if (!web_rg_may_edit(rq, &v)) {
		web_rg_refuse(rq, rs, &v, "évaluer");
	} else if (store_begin(rq->store, &e)) {
		rc = err_set(err, "%s", e.msg.ptr);
	} else if (rg_assessment_new(rq->store, &rq->actor, v.code, ref && *ref ? ref : NULL,
				     RG_KIND_COMPLETE, NULL, &id, &e) == 0 &&
		   store_commit(rq->store, &e) == 0) {
		web_rg_assess_url(&u, id, NULL, "evaluation");
		web_redirect(rs, u.ptr);
	} else {
		store_rollback(rq->store);
		/* Rights were checked: what is left is the referential asked. */
		web_rg_service_url(&u, v.code, NULL, NULL);
		web_refusal_page(rq, rs, 400, e.msg.len ? e.msg.ptr : "Évaluation refusée.", u.ptr,
				 "Retour au service");
	}
	buf_free(&u);
	err_free(&e);
	rg_service_free(&v);
	return rc;
}

const struct web_route web_routes_assess[] = {
	{ "GET", "/evaluations/{id}", get_assess, 0 },
	{ "POST", "/evaluations/{id}/reponses", post_answers, 0 },
	{ "POST", "/services/{code}/evaluations", post_new, 0 },
	{ NULL, NULL, NULL, 0 },
};
