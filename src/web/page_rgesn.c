/* page_rgesn.c: the criteria of an RGESN version (/rgesn?referentiel=
 * NAME@VERSION, filtered by family and priority) and the consolidation of
 * the services' assessments per ministry and nationally
 * (/rgesn/consolidation: services assessed, average score, distribution
 * chart, most often failed criteria; also ?format=md|json). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "report/html.h"
#include "report/svg.h"
#include "rgesn/rg_assess.h"
#include "rgesn/rg_report.h"
#include "web/web_action_form.h"
#include "web/web_layout.h"
#include "web/web_review.h"
#include "web/web_rg.h"
#include "web/web_route.h"

/* Most failed criteria shown by the consolidation. */
#define TOP_FAILED 10

/* ---- the criteria of a version ---- */

static void ref_select(struct buf *o, const struct rg_ref_meta_list *refs, const struct rg_ref *r)
{
	buf_adds(o, "<form method=\"get\" action=\"/rgesn\" class=\"fr-mb-3w\"><div "
		    "class=\"fr-select-group\"><label class=\"fr-label\" for=\"referentiel\">"
		    "Version du référentiel</label><select class=\"fr-select\" "
		    "id=\"referentiel\" name=\"referentiel\">");
	for (size_t i = refs->n; i-- > 0;) {
		const struct rg_ref_meta *m = &refs->items[i];
		struct buf v = BUF_INIT, l = BUF_INIT;
		buf_addf(&v, "%s@%s", m->name, m->version);
		buf_addf(&l, "%s %s (%zu critères%s)", m->name, m->version, m->ncriteria,
			 m->full_text ? ", texte complet" : "");
		buf_adds(o, "<option");
		html_attr(o, "value", v.ptr);
		if (m->id == r->id)
			buf_adds(o, " selected");
		buf_adds(o, ">");
		html_esc(o, l.ptr);
		buf_adds(o, "</option>");
		buf_free(&v);
		buf_free(&l);
	}
	buf_adds(o, "</select></div><button class=\"fr-btn fr-btn--secondary fr-btn--sm\" "
		    "type=\"submit\">Afficher</button></form>\n");
}

/* The referential asked by ?referentiel=NAME@VERSION, else the latest
 * RGESN: 1, 0 (none stored or unknown), -1. */
static int ref_asked(struct web_req *rq, struct rg_ref *r, struct err *err)
{
	const char *asked = web_kvs_get(&rq->query, "referentiel");
	char name[64] = "RGESN", version[64] = "";
	const char *at = asked ? strchr(asked, '@') : NULL;
	if (at && (size_t)(at - asked) < sizeof(name) && strlen(at + 1) < sizeof(version) &&
	    at[1]) {
		memcpy(name, asked, (size_t)(at - asked));
		name[at - asked] = '\0';
		strcpy(version, at + 1);
	} else if (asked && *asked) {
		return 0;
	}
	return store_rg_ref_load(rq->store, name, version, r, err);
}

static int get_criteria(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct rg_ref r;
	struct rg_ref_meta_list refs = { 0 };
	struct buf *o = &rs->body, keep = BUF_INIT, kv = BUF_INIT;
	struct web_rg_filter f;
	int bad;
	memset(&r, 0, sizeof(r));
	int found = ref_asked(rq, &r, err);
	if (found < 0)
		return -1;
	if (found == 0) {
		web_error_page(rq, rs, 404,
			       "Ce référentiel n'est pas chargé (numeco rgesn load pour en charger "
			       "un).");
		return 0;
	}
	if (store_rg_ref_list(rq->store, &refs, err)) {
		rg_ref_free(&r);
		return -1;
	}
	web_rg_filter_read(&rq->query, &f, &bad);
	f.answer = -1;
	buf_addf(&kv, "%s@%s", r.name, r.version);
	buf_adds(&keep, "referentiel=");
	web_url_part(&keep, kv.ptr);
	web_page_begin(rq, rs, "Critères du RGESN");
	const char *crumbs[] = { "Tableau de bord", "/", "Services numériques", "/services",
				 "Critères du RGESN" };
	web_breadcrumb(o, crumbs, 5);
	buf_adds(o, "<h1>");
	html_escf(o, "Critères du %s %s", r.name, r.version);
	buf_adds(o, "</h1>\n<p>");
	html_esc(o, r.title);
	if (r.url && *r.url) {
		buf_adds(o, " — <a");
		html_attr(o, "href", r.url);
		buf_adds(o, ">publication officielle</a>");
	}
	buf_adds(o, "</p>\n");
	if (!r.full_text)
		buf_adds(o, "<p class=\"fr-hint-text\">numeco livre la structure du référentiel "
			    "(familles, critères, priorités) avec des intitulés courts ; le texte "
			    "officiel de chaque critère est à son lien. Le fichier complet se "
			    "charge avec numeco rgesn load.</p>\n");
	ref_select(o, &refs, &r);
	web_rg_filter_form(o, "/rgesn", &r, &f, 0, "referentiel", kv.ptr);
	size_t shown = 0;
	for (size_t i = 0; i < r.ncriteria; i++)
		shown += web_rg_filter_match(&f, &r.criteria[i], NULL) != 0;
	buf_adds(o, "<div class=\"fr-table\"><table>\n<caption>");
	html_escf(o, "%zu critère%s sur %zu", shown, shown > 1 ? "s" : "", r.ncriteria);
	buf_adds(o, "</caption>\n<thead><tr><th scope=\"col\">Critère</th><th "
		    "scope=\"col\">Intitulé</th><th scope=\"col\">Famille</th><th "
		    "scope=\"col\">Priorité</th><th scope=\"col\">Difficulté</th><th "
		    "scope=\"col\">Autodiagnostic</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < r.ncriteria; i++) {
		const struct rg_criterion *c = &r.criteria[i];
		if (!web_rg_filter_match(&f, c, NULL))
			continue;
		buf_adds(o, "<tr><th scope=\"row\">");
		html_esc(o, c->id);
		buf_adds(o, "</th><td>");
		if (c->url && *c->url) {
			buf_adds(o, "<a");
			html_attr(o, "href", c->url);
			buf_adds(o, ">");
			html_esc(o, c->title);
			buf_adds(o, "</a>");
		} else {
			html_esc(o, c->title);
		}
		buf_adds(o, "</td><td>");
		html_esc(o, rg_family_label(&r, c->family));
		buf_adds(o, "</td><td>");
		html_esc(o, rg_priority_label(c->priority));
		buf_adds(o, "</td><td>");
		html_esc(o, rg_difficulty_label(c->difficulty));
		buf_adds(o, c->quick ? "</td><td>Oui</td></tr>\n" : "</td><td>—</td></tr>\n");
	}
	buf_adds(o, "</tbody></table></div>\n");
	web_page_end(rq, rs);
	rg_ref_meta_list_free(&refs);
	rg_ref_free(&r);
	buf_free(&keep);
	buf_free(&kv);
	return 0;
}

/* ---- consolidation ---- */

static const char *const buckets[RG_DIST_N] = { "De 0 à 25 %", "De 25 à 50 %", "De 50 à 75 %",
						"De 75 à 100 %" };

static void average(struct buf *o, const struct rg_cons_group *g)
{
	struct rg_tally t = { 0 };
	t.has_score = g->has_average;
	t.score = g->average;
	web_rg_score_text(o, &t);
}

static void chart(struct buf *o, const struct rg_cons_group *g)
{
	double values[RG_DIST_N];
	char texts[RG_DIST_N][32];
	const char *tp[RG_DIST_N];
	for (int i = 0; i < RG_DIST_N; i++) {
		values[i] = (double)g->dist[i];
		snprintf(texts[i], sizeof(texts[i]), "%zu service%s", g->dist[i],
			 g->dist[i] > 1 ? "s" : "");
		tp[i] = texts[i];
	}
	struct svg_hbar c = { "repartition",
			      "Répartition des scores des services évalués",
			      "Nombre de services par tranche de score de leur dernière évaluation "
			      "complète ; le tableau par ministère donne les mêmes chiffres.",
			      RG_DIST_N,
			      buckets,
			      values,
			      tp };
	buf_adds(o, "<figure class=\"nc-chart\">");
	svg_hbar_chart(o, &c);
	buf_adds(o, "</figure>\n");
}

static void group_row(struct buf *o, const struct rg_cons_group *g, int national)
{
	struct buf u = BUF_INIT;
	buf_adds(o, "<tr><th scope=\"row\">");
	if (national) {
		buf_adds(o, "Total national");
	} else {
		buf_adds(&u, "/services?ministere=");
		web_url_part(&u, g->code);
		buf_adds(o, "<a");
		html_attr(o, "href", u.ptr);
		buf_adds(o, ">");
		html_esc(o, g->name);
		buf_adds(o, "</a>");
	}
	buf_addf(o,
		 "</th><td class=\"nc-num\">%zu</td><td class=\"nc-num\">%zu</td><td "
		 "class=\"nc-num\">",
		 g->services, g->assessed);
	average(o, g);
	buf_adds(o, "</td>");
	for (int i = 0; i < RG_DIST_N; i++)
		buf_addf(o, "<td class=\"nc-num\">%zu</td>", g->dist[i]);
	buf_adds(o, "</tr>\n");
	buf_free(&u);
}

static int get_consolidation(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct rg_cons c;
	struct buf *o = &rs->body;
	const char *format = web_kvs_get(&rq->query, "format");
	enum rg_format fmt = RG_FMT_HTML;
	if (format && *format && (rg_format_parse(format, &fmt) || fmt == RG_FMT_HTML)) {
		web_error_page(rq, rs, 400, "Format inconnu (attendu : md ou json).");
		return 0;
	}
	if (rg_cons_load(rq->store, 0, TOP_FAILED, &c, err)) {
		rg_cons_free(&c);
		return -1;
	}
	if (fmt != RG_FMT_HTML) {
		struct buf out = BUF_INIT;
		rg_cons_render(&c, fmt, &out);
		if (fmt == RG_FMT_JSON) {
			web_json_text(rs, 200, out.ptr);
		} else {
			rs->content_type = "text/markdown; charset=utf-8";
			buf_add(o, out.ptr, out.len);
		}
		buf_free(&out);
		rg_cons_free(&c);
		return 0;
	}
	web_page_begin(rq, rs, "Consolidation RGESN");
	const char *crumbs[] = { "Tableau de bord", "/", "Services numériques", "/services",
				 "Consolidation" };
	web_breadcrumb(o, crumbs, 5);
	buf_adds(o, "<h1>Écoconception des services numériques — consolidation</h1>\n<p>");
	const struct rg_cons_group *n = &c.national;
	html_escf(o,
		  "%zu service%s enregistré%s, dont %zu évalué%s (évaluation complète). Score "
		  "moyen : ",
		  n->services, n->services > 1 ? "s" : "", n->services > 1 ? "s" : "", n->assessed,
		  n->assessed > 1 ? "s" : "");
	buf_adds(o, "<strong>");
	average(o, n);
	buf_adds(o, "</strong>. Chaque service compte pour sa dernière évaluation complète ; le "
		    "score est la part des critères conformes parmi les applicables.</p>\n"
		    "<ul class=\"fr-btns-group fr-btns-group--inline-md\">\n<li><a class=\"fr-btn "
		    "fr-btn--secondary\" href=\"/rgesn/consolidation?format=md\">Exporter "
		    "(Markdown)</a></li>\n<li><a class=\"fr-btn fr-btn--secondary\" "
		    "href=\"/rgesn/consolidation?format=json\">Exporter (JSON)</a></li>\n</ul>\n");
	buf_adds(o, "<h2 id=\"repartition\">Répartition des scores</h2>\n");
	if (n->assessed)
		chart(o, n);
	else
		buf_adds(o, "<p>Aucun service n'a encore d'évaluation complète.</p>\n");
	buf_adds(o, "<h2 id=\"ministeres\">Par ministère</h2>\n<div class=\"fr-table\"><table>\n"
		    "<caption class=\"fr-sr-only\">Services évalués et scores par "
		    "ministère</caption>\n<thead><tr><th scope=\"col\">Ministère</th><th "
		    "scope=\"col\" class=\"nc-num\">Services</th><th scope=\"col\" "
		    "class=\"nc-num\">Évalués</th><th scope=\"col\" class=\"nc-num\">Score "
		    "moyen</th>");
	for (int i = 0; i < RG_DIST_N; i++) {
		buf_adds(o, "<th scope=\"col\" class=\"nc-num\">");
		html_esc(o, buckets[i]);
		buf_adds(o, "</th>");
	}
	buf_adds(o, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < c.ngroups; i++)
		group_row(o, &c.groups[i], 0);
	group_row(o, n, 1);
	buf_adds(o, "</tbody></table></div>\n<h2 id=\"non-conformes\">Critères le plus souvent "
		    "non conformes</h2>\n");
	if (!c.nfailed) {
		buf_adds(o, "<p>Aucun critère non conforme.</p>\n");
	} else {
		buf_adds(o,
			 "<div class=\"fr-table\"><table>\n<caption class=\"fr-sr-only\">Critères "
			 "le plus souvent non conformes</caption>\n<thead><tr><th "
			 "scope=\"col\">Critère</th><th scope=\"col\">Intitulé</th><th "
			 "scope=\"col\" class=\"nc-num\">Services non conformes</th></tr>"
			 "</thead>\n<tbody>\n");
		for (size_t i = 0; i < c.nfailed; i++) {
			buf_adds(o, "<tr><th scope=\"row\">");
			html_esc(o, c.failed[i].criterion);
			buf_adds(o, "</th><td>");
			html_esc(o, c.failed[i].title);
			buf_addf(o, "</td><td class=\"nc-num\">%zu</td></tr>\n", c.failed[i].count);
		}
		buf_adds(o, "</tbody></table></div>\n");
	}
	web_page_end(rq, rs);
	rg_cons_free(&c);
	return 0;
}

const struct web_route web_routes_rgesn[] = {
	{ "GET", "/rgesn", get_criteria, 0 },
	{ "GET", "/rgesn/consolidation", get_consolidation, 0 },
	{ NULL, NULL, NULL, 0 },
};
