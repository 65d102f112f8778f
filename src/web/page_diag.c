/* page_diag.c: the quick self-diagnosis of a service (GET and POST
 * /services/{code}/diagnostic: about twenty questions answered with radio
 * buttons, stored as a diagnosis in one transaction), its result (the first
 * score, the criteria to look at first; web_rg.h) and its conversion into a
 * complete assessment (POST /evaluations/{id}/convertir). */
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

/* Criteria listed under "Par où commencer". */
#define FIRST_STEPS 5

/* The radio buttons' labels: "je ne sais pas" is the diagnosis' word for
 * non évalué. */
static const char *choice_label(enum rg_answer a)
{
	return a == RG_ANS_NON_EVALUE ? "Je ne sais pas (non évalué)" : rg_answer_label(a);
}

/* ---- the questionnaire ---- */

/* What the form shows of each question: the answer typed and its refusal. */
struct question {
	const struct rg_criterion *c;
	struct rg_item it; /* criterion NULL: nothing typed yet */
	const char *error;
};

static void radio(struct buf *o, const char *name, enum rg_answer a, int checked)
{
	struct buf id = BUF_INIT;
	buf_addf(&id, "%s-%s", name, rg_answer_code(a));
	buf_adds(o, "<div class=\"fr-fieldset__element fr-fieldset__element--inline\"><div "
		    "class=\"fr-radio-group\"><input type=\"radio\"");
	html_attr(o, "id", id.ptr);
	html_attr(o, "name", name);
	html_attr(o, "value", rg_answer_code(a));
	if (checked)
		buf_adds(o, " checked");
	buf_adds(o, "><label class=\"fr-label\"");
	html_attr(o, "for", id.ptr);
	buf_adds(o, ">");
	html_esc(o, choice_label(a));
	buf_adds(o, "</label></div></div>");
	buf_free(&id);
}

static void small_input(struct buf *o, char kind, const char *cid, const char *label,
			const char *type, const char *value)
{
	struct buf id = BUF_INIT;
	web_rg_field_id(&id, kind, cid);
	buf_adds(o,
		 "<div class=\"fr-input-group fr-col-12 fr-col-md-6\"><label class=\"fr-label\"");
	html_attr(o, "for", id.ptr);
	buf_adds(o, ">");
	html_esc(o, label);
	buf_adds(o, "</label><input class=\"fr-input\"");
	html_attr(o, "type", type);
	html_attr(o, "id", id.ptr);
	html_attr(o, "name", id.ptr);
	html_attr(o, "value", value ? value : "");
	buf_adds(o, " maxlength=\"2000\"></div>");
	buf_free(&id);
}

static void question(struct buf *o, size_t num, const struct question *q)
{
	struct buf name = BUF_INIT;
	const struct rg_criterion *c = q->c;
	enum rg_answer cur = q->it.criterion ? q->it.answer : RG_ANS_NON_EVALUE;
	web_rg_field_id(&name, 'r', c->id);
	buf_adds(o, "<fieldset class=\"fr-fieldset");
	if (q->error)
		buf_adds(o, " fr-fieldset--error");
	buf_adds(o, " fr-mb-3w\"");
	html_attr(o, "id", name.ptr);
	if (q->error)
		html_attrf(o, "aria-describedby", "%s-erreur", name.ptr);
	buf_adds(o, "><legend class=\"fr-fieldset__legend\">");
	html_escf(o, "%zu. %s", num, c->title);
	buf_adds(o, "<span class=\"fr-hint-text\">");
	html_escf(o, "Critère %s, %s", c->id, rg_priority_label(c->priority));
	buf_adds(o, "</span></legend>");
	for (int a = 0; a < RG_ANS_N; a++)
		radio(o, name.ptr, (enum rg_answer)a, (int)cur == a);
	if (q->error) {
		buf_adds(o, "<div class=\"fr-messages-group\"><p class=\"fr-message "
			    "fr-message--error fr-error-text\"");
		html_attrf(o, "id", "%s-erreur", name.ptr);
		buf_adds(o, ">");
		html_esc(o, q->error);
		buf_adds(o, "</p></div>");
	}
	buf_adds(o, "<div class=\"fr-fieldset__element fr-grid-row fr-grid-row--gutters\">");
	small_input(o, 'j', c->id, "Justification (si non applicable)", "text",
		    q->it.criterion ? q->it.justification : "");
	small_input(o, 'd', c->id, "Date prévue (si en cours)", "date",
		    q->it.criterion ? q->it.planned : "");
	buf_adds(o, "</div></fieldset>\n");
	buf_free(&name);
}

static void form_page(struct web_req *rq, struct web_resp *rs, const struct rg_service *v,
		      const struct rg_ref *r, const struct question *qs, size_t nq, size_t nerrors)
{
	struct buf *o = &rs->body, u = BUF_INIT, val = BUF_INIT;
	buf_reset(o);
	web_page_begin(rq, rs, "Autodiagnostic rapide");
	web_rg_service_url(&u, v->code, NULL, NULL);
	const char *crumbs[] = { "Tableau de bord", "/",   "Services numériques",  "/services",
				 v->name,	    u.ptr, "Autodiagnostic rapide" };
	web_breadcrumb(o, crumbs, 7);
	buf_adds(o, "<h1>");
	html_escf(o, "Autodiagnostic rapide — %s", v->name);
	buf_adds(o, "</h1>\n");
	if (nerrors) {
		buf_adds(o, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><h2 "
			    "class=\"fr-alert__title\">");
		html_escf(o, "%zu réponse%s refusée%s : rien n'a été enregistré", nerrors,
			  nerrors > 1 ? "s" : "", nerrors > 1 ? "s" : "");
		buf_adds(o, "</h2><ul>");
		for (size_t i = 0; i < nq; i++) {
			if (!qs[i].error)
				continue;
			struct buf id = BUF_INIT;
			web_rg_field_id(&id, 'r', qs[i].c->id);
			buf_adds(o, "<li><a");
			html_attrf(o, "href", "#%s", id.ptr);
			buf_adds(o, ">");
			html_escf(o, "Question %zu (critère %s) : %s", i + 1, qs[i].c->id,
				  qs[i].error);
			buf_adds(o, "</a></li>");
			buf_free(&id);
		}
		buf_adds(o, "</ul></div>\n");
	}
	buf_adds(o, "<p>");
	html_escf(o,
		  "%zu questions tirées des critères prioritaires du %s %s, une dizaine de "
		  "minutes. Le résultat donne un premier score et les critères à regarder "
		  "d'abord ; il peut ensuite devenir une évaluation complète.",
		  nq, r->name, r->version);
	buf_adds(o, "</p>\n<p class=\"fr-hint-text\">Un critère non applicable demande une "
		    "justification, un critère en cours une date prévue.</p>\n");
	buf_reset(&u);
	web_rg_service_url(&u, v->code, "/diagnostic", NULL);
	buf_adds(o, "<form method=\"post\"");
	html_attr(o, "action", u.ptr);
	buf_adds(o, ">");
	web_csrf_field(rq, o);
	buf_addf(&val, "%s@%s", r->name, r->version);
	buf_adds(o, "<input type=\"hidden\" name=\"referentiel\"");
	html_attr(o, "value", val.ptr);
	buf_adds(o, ">\n");
	for (size_t i = 0; i < nq; i++)
		question(o, i + 1, &qs[i]);
	buf_adds(o, "<ul class=\"fr-btns-group fr-btns-group--inline-md\"><li><button "
		    "class=\"fr-btn\" type=\"submit\">Voir le résultat</button></li><li><a "
		    "class=\"fr-btn fr-btn--secondary\"");
	buf_reset(&u);
	web_rg_service_url(&u, v->code, NULL, NULL);
	html_attr(o, "href", u.ptr);
	buf_adds(o, ">Annuler</a></li></ul>\n</form>\n");
	web_page_end(rq, rs);
	buf_free(&u);
	buf_free(&val);
}

/* The service (404), the right to assess it (403), the referential (the
 * one posted, else the latest RGESN) and its questions. 1 to go on, 0
 * when a page was written, -1 on error. */
struct diag_ctx {
	struct rg_service v;
	struct rg_ref r;
	struct question *qs;
	size_t nq;
};

static void diag_ctx_free(struct diag_ctx *c)
{
	for (size_t i = 0; i < c->nq; i++)
		web_rg_item_free(&c->qs[i].it);
	free(c->qs);
	rg_ref_free(&c->r);
	rg_service_free(&c->v);
}

static int diag_load(struct web_req *rq, struct web_resp *rs, struct diag_ctx *c, struct err *err)
{
	memset(c, 0, sizeof(*c));
	int found = web_rg_service(rq, rs, rq->params[0], &c->v, err);
	if (found <= 0)
		return found;
	if (!web_rg_may_edit(rq, &c->v)) {
		web_rg_refuse(rq, rs, &c->v, "faire l'autodiagnostic");
		return 0;
	}
	const char *asked = web_kvs_get(&rq->form, "referentiel");
	char name[64] = "RGESN", version[64] = "";
	const char *at = asked ? strchr(asked, '@') : NULL;
	if (at && (size_t)(at - asked) < sizeof(name) && strlen(at + 1) < sizeof(version)) {
		memcpy(name, asked, (size_t)(at - asked));
		name[at - asked] = '\0';
		strcpy(version, at + 1);
	}
	found = store_rg_ref_load(rq->store, name, version, &c->r, err);
	if (found <= 0) {
		if (found == 0) {
			struct buf u = BUF_INIT;
			web_rg_service_url(&u, c->v.code, NULL, NULL);
			web_refusal_page(
				rq, rs, 404,
				"Aucun référentiel RGESN n'est chargé (numeco rgesn load).", u.ptr,
				"Retour au service");
			buf_free(&u);
		}
		return found;
	}
	size_t *idx = NULL;
	c->nq = rg_quick_criteria(&c->r, &idx);
	c->qs = xcalloc(c->nq ? c->nq : 1, sizeof(*c->qs));
	for (size_t i = 0; i < c->nq; i++)
		c->qs[i].c = &c->r.criteria[idx[i]];
	free(idx);
	return 1;
}

static int get_form(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct diag_ctx c;
	int rc = diag_load(rq, rs, &c, err);
	if (rc > 0)
		form_page(rq, rs, &c.v, &c.r, c.qs, c.nq, 0);
	diag_ctx_free(&c);
	return rc < 0 ? -1 : 0;
}

static int post_form(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct diag_ctx c;
	struct diags d = DIAGS_INIT;
	struct err e = ERR_INIT;
	struct buf val = BUF_INIT;
	size_t nerrors = 0;
	int64_t id = 0;
	int rc = diag_load(rq, rs, &c, err);
	if (rc <= 0)
		goto out;
	rc = 0;
	struct rg_item *items = xcalloc(c.nq ? c.nq : 1, sizeof(*items));
	for (size_t i = 0; i < c.nq; i++) {
		int bad = 0;
		if (!web_rg_item_read(&rq->form, c.qs[i].c->id, &c.qs[i].it, &bad)) {
			/* No radio checked: the browser sends nothing; "je ne sais pas". */
			c.qs[i].it.criterion = xstrdup(c.qs[i].c->id);
			c.qs[i].it.answer = RG_ANS_NON_EVALUE;
			c.qs[i].it.justification = xstrdup("");
			c.qs[i].it.planned = xstrdup("");
			c.qs[i].it.note = xstrdup("");
		}
		if (bad)
			c.qs[i].error = "Réponse inconnue : choisissez une des cinq réponses.";
		nerrors += bad;
		items[i] = c.qs[i].it; /* shallow: owned by c.qs */
	}
	buf_addf(&val, "%s@%s", c.r.name, c.r.version);
	if (!nerrors) {
		if (store_begin(rq->store, &e)) {
			rc = err_set(err, "%s", e.msg.ptr);
			free(items);
			goto out;
		}
		int r = rg_assessment_new(rq->store, &rq->actor, c.v.code, val.ptr,
					  RG_KIND_DIAGNOSTIC, NULL, &id, &e);
		if (r == 0)
			r = rg_answers_set(rq->store, &rq->actor, id, items, c.nq, &d, &e);
		if (r == 0 && store_commit(rq->store, &e) == 0) {
			struct buf loc = BUF_INIT;
			web_rg_assess_url(&loc, id, NULL, "diagnostic");
			web_redirect(rs, loc.ptr);
			buf_free(&loc);
			free(items);
			goto out;
		}
		store_rollback(rq->store);
		if (!d.errors) {
			rc = err_set(err, "%s",
				     e.msg.len ? e.msg.ptr : "enregistrement du diagnostic");
			free(items);
			goto out;
		}
		for (size_t i = 0; i < c.nq; i++)
			for (size_t j = 0; j < d.n && !c.qs[i].error; j++)
				if (d.items[j].level == DIAG_ERROR && d.items[j].field &&
				    strcmp(d.items[j].field, c.qs[i].c->id) == 0)
					c.qs[i].error = d.items[j].msg;
		for (size_t i = 0; i < c.nq; i++)
			nerrors += c.qs[i].error != NULL;
		if (!nerrors && c.nq) {
			c.qs[0].error = d.items[0].msg;
			nerrors = 1;
		}
	}
	free(items);
	form_page(rq, rs, &c.v, &c.r, c.qs, c.nq, nerrors);
	rs->status = 400;
out:
	diag_ctx_free(&c);
	diags_free(&d);
	err_free(&e);
	buf_free(&val);
	return rc < 0 ? -1 : 0;
}

/* ---- the result ---- */

/* The complete assessment made from diagnosis id, 0 when none. */
static int64_t converted_into(struct store *s, const struct rg_assessment *a)
{
	struct rg_assessment_list l = { 0 };
	struct err e = ERR_INIT;
	int64_t id = 0;
	if (store_rg_assessment_list(s, a->service_id, &l, &e) == 0)
		for (size_t i = 0; i < l.n && !id; i++)
			if (l.items[i].from_id == a->id && l.items[i].kind == RG_KIND_COMPLETE)
				id = l.items[i].id;
	rg_assessment_list_free(&l);
	err_free(&e);
	return id;
}

static void first_steps(struct buf *o, const struct rg_ref *sub, const struct web_rg_assess *x)
{
	size_t *idx = NULL;
	size_t n = rg_first_steps(sub, x->a.items, x->a.nitems, FIRST_STEPS, &idx);
	buf_adds(o, "<h2 id=\"commencer\">Par où commencer</h2>\n");
	if (!n) {
		buf_adds(o,
			 "<p>Tous les critères de l'autodiagnostic sont conformes, non "
			 "applicables ou en cours : poursuivez avec l'évaluation complète.</p>\n");
	} else {
		buf_adds(o, "<p>Les critères non conformes ou non évalués les plus prioritaires, "
			    "les plus simples d'abord :</p>\n<ol>\n");
		for (size_t i = 0; i < n; i++) {
			const struct rg_criterion *c = &sub->criteria[idx[i]];
			const struct rg_item *it = web_rg_item(x->a.items, x->a.nitems, c->id);
			buf_adds(o, "<li>");
			html_escf(o, "%s — %s (%s, difficulté %s) ", c->id, c->title,
				  rg_priority_label(c->priority),
				  rg_difficulty_label(c->difficulty));
			web_rg_answer_badge(o, it ? it->answer : RG_ANS_NON_EVALUE);
			if (c->url && *c->url) {
				buf_adds(o, " <a");
				html_attr(o, "href", c->url);
				html_attrf(o, "title", "Texte officiel du critère %s", c->id);
				buf_adds(o, ">texte officiel</a>");
			}
			buf_adds(o, "</li>\n");
		}
		buf_adds(o, "</ol>\n");
	}
	free(idx);
}

void web_rg_diag_result(struct web_req *rq, struct web_resp *rs, const struct web_rg_assess *x)
{
	struct buf *o = &rs->body, u = BUF_INIT, s = BUF_INIT;
	struct rg_ref sub;
	struct rg_score sc;
	web_rg_subref(&x->ref, x->a.items, x->a.nitems, &sub);
	rg_score_compute(&sub, x->a.items, x->a.nitems, &sc);
	buf_reset(o);
	web_page_begin(rq, rs, "Résultat de l'autodiagnostic");
	web_rg_service_url(&u, x->svc.code, NULL, NULL);
	const char *crumbs[] = { "Tableau de bord", "/",   "Services numériques", "/services",
				 x->svc.name,	    u.ptr, "Autodiagnostic" };
	web_breadcrumb(o, crumbs, 7);
	buf_adds(o, "<h1>");
	html_escf(o, "Résultat de l'autodiagnostic — %s", x->svc.name);
	buf_adds(o, "</h1>\n");
	web_flash(rq, o);
	web_rg_score_text(&s, &sc.all);
	buf_adds(o, "<p class=\"fr-text--lead\">Premier score : <strong>");
	html_esc(o, s.ptr);
	buf_adds(o, "</strong></p>\n<p>Autodiagnostic rapide du ");
	action_html_date(o, x->a.assessed_on);
	html_escf(o,
		  ", %s : %zu critères conformes sur %zu "
		  "applicables parmi les %zu questions ; %zu « je ne sais pas » (comptés comme "
		  "non conformes), %zu non applicables, %zu en cours.",
		  x->a.ref_label, sc.all.conforme, sc.all.applicable, sc.all.total,
		  sc.all.non_evalue, sc.all.non_applicable, sc.all.en_cours);
	buf_adds(o, "</p>\n");
	int64_t into = converted_into(rq->store, &x->a);
	if (into) {
		buf_reset(&u);
		web_rg_assess_url(&u, into, NULL, NULL);
		buf_adds(o, "<p><a class=\"fr-link\"");
		html_attr(o, "href", u.ptr);
		buf_adds(o, ">L'évaluation complète issue de cet autodiagnostic</a></p>\n");
	} else if (web_rg_may_edit(rq, &x->svc)) {
		buf_reset(&u);
		web_rg_assess_url(&u, x->a.id, "/convertir", NULL);
		buf_adds(o, "<form method=\"post\" class=\"fr-mb-3w\"");
		html_attr(o, "action", u.ptr);
		buf_adds(o, ">");
		web_csrf_field(rq, o);
		buf_adds(o,
			 "<p class=\"fr-hint-text\">L'évaluation complète reprend ces réponses ; "
			 "les autres critères du référentiel y sont d'abord « non "
			 "évalués ».</p><button class=\"fr-btn\" type=\"submit\">Transformer en "
			 "évaluation complète</button></form>\n");
	}
	first_steps(o, &sub, x);
	buf_adds(o, "<h2 id=\"reponses\">Réponses</h2>\n<div class=\"fr-table\"><table>\n"
		    "<caption class=\"fr-sr-only\">Réponses de l'autodiagnostic</caption>\n"
		    "<thead><tr><th scope=\"col\">Critère</th><th scope=\"col\">Réponse</th><th "
		    "scope=\"col\">Justification ou date prévue</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < sub.ncriteria; i++) {
		const struct rg_criterion *c = &sub.criteria[i];
		const struct rg_item *it = web_rg_item(x->a.items, x->a.nitems, c->id);
		buf_adds(o, "<tr><th scope=\"row\">");
		html_escf(o, "%s — %s", c->id, c->title);
		buf_adds(o, "</th><td>");
		web_rg_answer_badge(o, it ? it->answer : RG_ANS_NON_EVALUE);
		buf_adds(o, "</td><td>");
		if (it && it->answer == RG_ANS_NON_APPLICABLE)
			html_esc(o, it->justification);
		else if (it && it->answer == RG_ANS_EN_COURS)
			action_html_date(o, it->planned);
		else
			buf_adds(o, "—");
		buf_adds(o, "</td></tr>\n");
	}
	buf_adds(o, "</tbody></table></div>\n");
	web_page_end(rq, rs);
	rg_score_free(&sc);
	free(sub.criteria);
	buf_free(&u);
	buf_free(&s);
}

/* ---- conversion ---- */

static int post_convert(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct web_rg_assess x;
	int found = web_rg_assess_load(rq, rs, rq->params[0], &x, err);
	if (found <= 0)
		return found;
	struct err e = ERR_INIT;
	struct buf u = BUF_INIT;
	int64_t id = 0;
	int rc = 0;
	web_rg_assess_url(&u, x.a.id, NULL, NULL);
	if (!web_rg_may_edit(rq, &x.svc)) {
		web_rg_refuse(rq, rs, &x.svc, "évaluer");
	} else if (x.a.kind != RG_KIND_DIAGNOSTIC) {
		web_refusal_page(rq, rs, 409,
				 "Seul un autodiagnostic se transforme en évaluation complète.",
				 u.ptr, "Retour à l'évaluation");
	} else if ((id = converted_into(rq->store, &x.a)) != 0) {
		buf_reset(&u);
		web_rg_assess_url(&u, id, NULL, NULL);
		web_refusal_page(rq, rs, 409,
				 "Cet autodiagnostic est déjà devenu une évaluation complète.",
				 u.ptr, "Voir l'évaluation complète");
	} else if (store_begin(rq->store, &e)) {
		rc = err_set(err, "%s", e.msg.ptr);
	} else if (rg_convert(rq->store, &rq->actor, x.a.id, &id, &e) == 0 &&
		   store_commit(rq->store, &e) == 0) {
		buf_reset(&u);
		web_rg_assess_url(&u, id, NULL, "convertie");
		web_redirect(rs, u.ptr);
	} else {
		store_rollback(rq->store);
		web_refusal_page(rq, rs, 409, e.msg.len ? e.msg.ptr : "Conversion refusée.", u.ptr,
				 "Retour à l'autodiagnostic");
	}
	buf_free(&u);
	err_free(&e);
	web_rg_assess_free(&x);
	return rc;
}

const struct web_route web_routes_diag[] = {
	{ "GET", "/services/{code}/diagnostic", get_form, 0 },
	{ "POST", "/services/{code}/diagnostic", post_form, 0 },
	{ "POST", "/evaluations/{id}/convertir", post_convert, 0 },
	{ NULL, NULL, NULL, 0 },
};
