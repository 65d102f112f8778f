/* page_ministry.c: a ministry's page (/ministeres/{code}): its roadmap for a
 * period with its review state, key figures, the actions filtered, sorted
 * and paginated (50 a page), and the central team's recommendations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/fmt.h"
#include "report/html.h"
#include "store/store_web.h"
#include "web/web_action_form.h"
#include "web/web_layout.h"
#include "web/web_page.h"
#include "web/web_review.h"
#include "web/web_route.h"

#define PAGE_SIZE   50
#define MAX_REVIEWS 10 /* the newest ones; keeps the page light */

static const char *const sort_codes[ASORT_COUNT] = { "ref", "titre", "statut", "echeance" };
static const char *const sort_labels[ASORT_COUNT] = { "Référence", "Titre", "Statut", "Échéance" };

/* What the page shows: the ministry, its period and the table's state. */
struct view {
	struct org org;
	const char *period;
	struct org_list dirs; /* the directions of the ministry (filter, names) */
	struct action_filter f;
	size_t page;
};

/* The filters and order read from the query string; unknown values are
 * ignored (the page shows everything rather than an error). */
static void read_filter(const struct web_req *rq, struct view *v)
{
	const char *q;
	enum theme t;
	enum level l;
	enum status s;
	struct action_filter *f = &v->f;
	f->theme = f->level = f->status = -1;
	if ((q = web_kvs_get(&rq->query, "theme")) && *q && !theme_parse(q, &t))
		f->theme = (int)t;
	if ((q = web_kvs_get(&rq->query, "niveau")) && *q && !level_parse(q, &l))
		f->level = (int)l;
	if ((q = web_kvs_get(&rq->query, "statut")) && *q && !status_parse(q, &s))
		f->status = (int)s;
	if ((q = web_kvs_get(&rq->query, "direction")))
		for (size_t i = 0; i < v->dirs.n; i++)
			if (strcmp(q, v->dirs.items[i].code) == 0)
				f->direction = v->dirs.items[i].code;
	f->key_only = (q = web_kvs_get(&rq->query, "cle")) && strcmp(q, "1") == 0;
	f->sort = ASORT_REF;
	if ((q = web_kvs_get(&rq->query, "tri")))
		for (int i = 0; i < ASORT_COUNT; i++)
			if (strcmp(q, sort_codes[i]) == 0)
				f->sort = (enum action_sort)i;
	f->desc = (q = web_kvs_get(&rq->query, "sens")) && strcmp(q, "desc") == 0;
	v->page = 1;
	if ((q = web_kvs_get(&rq->query, "page"))) {
		char *end;
		long n = strtol(q, &end, 10);
		if (*q && !*end && n > 0)
			v->page = (size_t)n;
	}
}

/* The address of the page with the current filters, another order and page. */
static void list_url(struct buf *u, const struct view *v, enum action_sort sort, int desc,
		     size_t page)
{
	const struct action_filter *f = &v->f;
	buf_adds(u, "/ministeres/");
	web_url_part(u, v->org.code);
	buf_adds(u, "?periode=");
	web_url_part(u, v->period);
	if (f->theme >= 0)
		buf_addf(u, "&theme=%s", theme_code((enum theme)f->theme));
	if (f->status >= 0)
		buf_addf(u, "&statut=%s", status_code((enum status)f->status));
	if (f->level >= 0)
		buf_addf(u, "&niveau=%s", level_code((enum level)f->level));
	if (f->direction) {
		buf_adds(u, "&direction=");
		web_url_part(u, f->direction);
	}
	if (f->key_only)
		buf_adds(u, "&cle=1");
	if (sort != ASORT_REF || desc)
		buf_addf(u, "&tri=%s", sort_codes[sort]);
	if (desc)
		buf_adds(u, "&sens=desc");
	if (page > 1)
		buf_addf(u, "&page=%zu", page);
}

static void figure(struct buf *o, const char *value, const char *label, const char *extra)
{
	buf_adds(o, "<div class=\"fr-col-12 fr-col-sm-4\"><div class=\"nc-figure\">"
		    "<p class=\"nc-figure__value\">");
	html_esc(o, value);
	buf_adds(o, "</p><p class=\"nc-figure__label\">");
	html_esc(o, label);
	buf_adds(o, "</p>");
	if (extra)
		buf_adds(o, extra);
	buf_adds(o, "</div></div>\n");
}

static void key_figures(struct buf *o, const struct action_counts *c)
{
	struct buf v = BUF_INIT, p = BUF_INIT, pct = BUF_INIT;
	buf_adds(o, "<h2>Chiffres clés</h2>\n<div class=\"fr-grid-row fr-grid-row--gutters "
		    "fr-mb-4w\">\n");
	fmt_count(&v, c->total);
	figure(o, v.ptr, "actions", NULL);
	buf_reset(&v);
	if (c->total) {
		fmt_pct(&pct, (double)c->realised / (double)c->total, 0);
		buf_addf(&p, "<progress max=\"%zu\" value=\"%zu\"", c->total, c->realised);
		html_attrf(&p, "aria-label", "%s des actions réalisées", pct.ptr);
		buf_adds(&p, "></progress>");
		buf_addf(&v, "%s", pct.ptr);
	} else {
		buf_adds(&v, "—");
	}
	buf_reset(&pct);
	buf_addf(&pct, "des actions réalisées (%zu)", c->realised);
	figure(o, v.ptr, pct.ptr, c->total ? p.ptr : NULL);
	buf_reset(&v);
	fmt_count(&v, c->key);
	figure(o, v.ptr, "actions clés", NULL);
	buf_adds(o, "</div>\n");
	buf_free(&v);
	buf_free(&p);
	buf_free(&pct);
}

static void option(struct buf *o, const char *value, const char *label, int selected)
{
	buf_adds(o, "<option");
	html_attr(o, "value", value);
	if (selected)
		buf_adds(o, " selected");
	buf_adds(o, ">");
	html_esc(o, label);
	buf_adds(o, "</option>");
}

static void select_open(struct buf *o, const char *id, const char *name, const char *label)
{
	buf_adds(o, "<div class=\"fr-col-12 fr-col-sm-6 fr-col-md-3\"><div "
		    "class=\"fr-select-group\"><label class=\"fr-label\"");
	html_attr(o, "for", id);
	buf_adds(o, ">");
	html_esc(o, label);
	buf_adds(o, "</label><select class=\"fr-select\"");
	html_attr(o, "id", id);
	html_attr(o, "name", name);
	buf_adds(o, ">");
}

static const char SELECT_CLOSE[] = "</select></div></div>\n";

static void filter_form(struct buf *o, const struct view *v)
{
	const struct action_filter *f = &v->f;
	struct buf u = BUF_INIT;
	buf_adds(&u, "/ministeres/");
	web_url_part(&u, v->org.code);
	buf_adds(o, "<form method=\"get\" class=\"fr-mb-3w\"");
	html_attr(o, "action", u.ptr);
	buf_adds(o, "><fieldset class=\"fr-fieldset\"><legend class=\"fr-fieldset__legend\">"
		    "Filtrer et trier les actions</legend>\n<input type=\"hidden\" "
		    "name=\"periode\"");
	html_attr(o, "value", v->period);
	buf_adds(o, "><div class=\"fr-grid-row fr-grid-row--gutters\">\n");
	select_open(o, "f-theme", "theme", "Thème");
	option(o, "", "Tous", f->theme < 0);
	for (int i = 0; i < THEME_COUNT; i++)
		option(o, theme_code((enum theme)i), theme_label((enum theme)i), f->theme == i);
	buf_adds(o, SELECT_CLOSE);
	select_open(o, "f-statut", "statut", "Statut");
	option(o, "", "Tous", f->status < 0);
	for (int i = 0; i < STATUS_COUNT; i++)
		option(o, status_code((enum status)i), status_label((enum status)i),
		       f->status == i);
	buf_adds(o, SELECT_CLOSE);
	select_open(o, "f-niveau", "niveau", "Niveau d'engagement visé");
	option(o, "", "Tous", f->level < 0);
	for (int i = 0; i < LEVEL_COUNT; i++)
		option(o, level_code((enum level)i), level_label((enum level)i), f->level == i);
	buf_adds(o, SELECT_CLOSE);
	select_open(o, "f-direction", "direction", "Direction pilote");
	option(o, "", "Toutes", !f->direction);
	for (size_t i = 0; i < v->dirs.n; i++)
		option(o, v->dirs.items[i].code, v->dirs.items[i].name,
		       f->direction && strcmp(f->direction, v->dirs.items[i].code) == 0);
	buf_adds(o, SELECT_CLOSE);
	select_open(o, "f-tri", "tri", "Trier par");
	for (int i = 0; i < ASORT_COUNT; i++)
		option(o, sort_codes[i], sort_labels[i], (int)f->sort == i);
	buf_adds(o, SELECT_CLOSE);
	select_open(o, "f-sens", "sens", "Ordre");
	option(o, "asc", "Croissant", !f->desc);
	option(o, "desc", "Décroissant", f->desc);
	buf_adds(o, SELECT_CLOSE);
	buf_adds(o, "<div class=\"fr-col-12 fr-col-md-3\"><div class=\"fr-checkbox-group "
		    "fr-mt-4w\"><input type=\"checkbox\" id=\"f-cle\" name=\"cle\" value=\"1\"");
	if (f->key_only)
		buf_adds(o, " checked");
	buf_adds(o, "><label class=\"fr-label\" for=\"f-cle\">Actions clés seulement</label>"
		    "</div></div>\n</div>\n<ul class=\"fr-btns-group fr-btns-group--inline-sm\">"
		    "<li><button class=\"fr-btn\" type=\"submit\">Appliquer</button></li><li><a "
		    "class=\"fr-btn fr-btn--secondary\"");
	buf_adds(&u, "?periode=");
	web_url_part(&u, v->period);
	html_attr(o, "href", u.ptr);
	buf_adds(o, ">Tout afficher</a></li></ul></fieldset></form>\n");
	buf_free(&u);
}

/* A column header; sortable ones link to the page sorted by them (again:
 * the other way round). */
static void col_header(struct buf *o, const struct view *v, const char *label, int sort)
{
	if (sort < 0) {
		buf_adds(o, "<th scope=\"col\">");
		html_esc(o, label);
		buf_adds(o, "</th>");
		return;
	}
	int current = (int)v->f.sort == sort;
	struct buf u = BUF_INIT;
	list_url(&u, v, (enum action_sort)sort, current && !v->f.desc, 1);
	buf_adds(o, "<th scope=\"col\"");
	if (current)
		buf_adds(o, v->f.desc ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"");
	buf_adds(o, "><a");
	html_attr(o, "href", u.ptr);
	buf_adds(o, ">");
	html_esc(o, label);
	if (current)
		html_esc(o, v->f.desc ? " ▼" : " ▲");
	buf_adds(o, "</a></th>");
	buf_free(&u);
}

static void action_row(struct buf *o, const struct view *v, const struct action *a)
{
	struct buf u = BUF_INIT;
	buf_adds(&u, "/ministeres/");
	web_url_part(&u, v->org.code);
	buf_adds(&u, "/");
	web_url_part(&u, v->period);
	buf_adds(&u, "/actions/");
	web_url_part(&u, a->ref);
	buf_adds(o, "<tr><th scope=\"row\"><a");
	html_attr(o, "href", u.ptr);
	buf_adds(o, ">");
	html_esc(o, a->ref);
	buf_adds(o, "</a></th><td>");
	html_esc(o, a->title);
	buf_adds(o, "</td><td>");
	html_esc(o, theme_label(a->theme));
	buf_adds(o, "</td><td>");
	action_html_status(o, a->status);
	buf_adds(o, "</td><td>");
	html_esc(o, level_label(a->level));
	buf_adds(o, "</td><td>");
	html_esc(o, a->key ? "oui" : "non");
	buf_adds(o, "</td><td>");
	html_esc(o, *a->direction ? a->direction : "—");
	buf_adds(o, "</td><td>");
	action_html_date(o, a->due_date);
	buf_adds(o, "</td></tr>\n");
	buf_free(&u);
}

static void page_link(struct buf *o, const struct view *v, size_t page, size_t current)
{
	struct buf u = BUF_INIT;
	list_url(&u, v, v->f.sort, v->f.desc, page);
	buf_adds(o, "<li><a class=\"fr-pagination__link\"");
	if (page == current)
		buf_adds(o, " aria-current=\"page\"");
	else
		html_attr(o, "href", u.ptr);
	html_attrf(o, "title", "Page %zu", page);
	buf_addf(o, ">%zu</a></li>", page);
	buf_free(&u);
}

/* First, previous, a few numbers around the current page, next, last. */
static void pagination(struct buf *o, const struct view *v, size_t pages)
{
	static const char *const cls[4] = {
		"fr-pagination__link--first",
		"fr-pagination__link--prev fr-pagination__link--lg-label",
		"fr-pagination__link--next fr-pagination__link--lg-label",
		"fr-pagination__link--last",
	};
	static const char *const labels[4] = { "Première page", "Page précédente", "Page suivante",
					       "Dernière page" };
	size_t cur = v->page, target[4] = { 1, cur - 1, cur + 1, pages };
	int enabled[4] = { cur > 1, cur > 1, cur < pages, cur < pages };
	struct buf u = BUF_INIT;
	if (pages < 2)
		return;
	buf_adds(o, "<nav role=\"navigation\" class=\"fr-pagination fr-mb-4w\" "
		    "aria-label=\"Pagination des actions\"><ul class=\"fr-pagination__list\">");
	for (int i = 0; i < 4; i++) {
		if (i == 2) {
			size_t lo = cur > 2 ? cur - 2 : 1, hi = cur + 2 < pages ? cur + 2 : pages;
			if (lo > 1)
				page_link(o, v, 1, cur);
			if (lo > 2)
				buf_adds(o,
					 "<li><span class=\"fr-pagination__link\">…</span></li>");
			for (size_t p = lo; p <= hi; p++)
				page_link(o, v, p, cur);
			if (hi + 1 < pages)
				buf_adds(o,
					 "<li><span class=\"fr-pagination__link\">…</span></li>");
			if (hi < pages)
				page_link(o, v, pages, cur);
		}
		buf_adds(o, "<li><a class=\"fr-pagination__link ");
		buf_adds(o, cls[i]);
		buf_adds(o, "\"");
		if (enabled[i]) {
			buf_reset(&u);
			list_url(&u, v, v->f.sort, v->f.desc, target[i]);
			html_attr(o, "href", u.ptr);
		} else {
			buf_adds(o, " aria-disabled=\"true\" role=\"link\"");
		}
		buf_adds(o, ">");
		html_esc(o, labels[i]);
		buf_adds(o, "</a></li>");
	}
	buf_adds(o, "</ul></nav>\n");
	buf_free(&u);
}

static int actions_section(struct web_req *rq, struct buf *o, struct view *v, int64_t roadmap_id,
			   struct err *err)
{
	struct action_list l;
	size_t matched;
	(void)rq;
	buf_adds(o, "<h2 id=\"actions\">Actions de la feuille de route</h2>\n");
	filter_form(o, v);
	/* A page beyond the last shows the last one. */
	if (store_action_page(rq->store, roadmap_id, &v->f, (v->page - 1) * PAGE_SIZE, PAGE_SIZE,
			      &l, &matched, err))
		return -1;
	size_t pages = (matched + PAGE_SIZE - 1) / PAGE_SIZE;
	if (matched && v->page > pages) {
		action_list_free(&l);
		v->page = pages;
		if (store_action_page(rq->store, roadmap_id, &v->f, (v->page - 1) * PAGE_SIZE,
				      PAGE_SIZE, &l, &matched, err))
			return -1;
	}
	if (!matched) {
		buf_adds(o, "<p>Aucune action ne correspond à ces critères.</p>\n");
		action_list_free(&l);
		return 0;
	}
	buf_adds(o, "<div class=\"fr-table\"><table>\n<caption>");
	html_escf(o, "Actions %s, page %zu sur %zu (%zu action%s)", v->period, v->page, pages,
		  matched, matched > 1 ? "s" : "");
	buf_adds(o, "</caption>\n<thead><tr>");
	col_header(o, v, "Réf.", ASORT_REF);
	col_header(o, v, "Titre", ASORT_TITLE);
	col_header(o, v, "Thème", -1);
	col_header(o, v, "Statut", ASORT_STATUS);
	col_header(o, v, "Niveau", -1);
	col_header(o, v, "Clé", -1);
	col_header(o, v, "Direction", -1);
	col_header(o, v, "Échéance", ASORT_DUE);
	buf_adds(o, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < l.n; i++)
		action_row(o, v, &l.items[i]);
	buf_adds(o, "</tbody></table></div>\n");
	pagination(o, v, pages);
	action_list_free(&l);
	return 0;
}

/* The review: its state moves and the form adding recommendations (for
 * those who may), then the newest entries with their addressed state. */
static int reviews_section(struct web_req *rq, struct buf *o, const struct view *v,
			   const struct roadmap *rm, struct err *err)
{
	struct review_list l;
	if (store_review_list(rq->store, rm->id, &l, err))
		return -1;
	buf_adds(o, "<h2 id=\"revue\">Revue de la feuille de route</h2>\n");
	web_review_forms(rq, o, v->org.code, v->period, rm->state, v->org.ministry_id);
	buf_adds(o, "<h3>Recommandations et commentaires de l'équipe centrale</h3>\n");
	/* The newest ones only (store order is oldest first): a light page. */
	size_t shown = l.n < MAX_REVIEWS ? l.n : MAX_REVIEWS;
	struct review_list newest = { l.items + (l.n - shown), shown, shown };
	if (shown < l.n) {
		buf_adds(o, "<p>");
		html_escf(o,
			  "Les %zu plus récents sur %zu sont affichés (tous : numeco review list, "
			  "ou l'API).",
			  shown, l.n);
		buf_adds(o, "</p>\n");
	}
	web_review_list(rq, o, v->org.code, v->period, &newest, v->org.ministry_id);
	review_list_free(&l);
	return 0;
}

/* Roadmaps of the ministry's directions for the period (a direction may
 * hold its own). */
static int direction_roadmaps(struct web_req *rq, struct buf *o, const struct view *v,
			      struct err *err)
{
	struct roadmap_list l;
	size_t shown = 0;
	if (store_roadmap_list(rq->store, v->period, &l, err))
		return -1;
	struct buf u = BUF_INIT;
	for (size_t i = 0; i < l.n; i++) {
		int ours = 0;
		for (size_t d = 0; d < v->dirs.n && !ours; d++)
			ours = v->dirs.items[d].id == l.items[i].org_id;
		if (!ours)
			continue;
		if (!shown++)
			buf_adds(o, "<h2>Feuilles de route des directions</h2>\n<ul>");
		buf_reset(&u);
		buf_adds(&u, "/ministeres/");
		web_url_part(&u, l.items[i].org_code);
		buf_adds(&u, "?periode=");
		web_url_part(&u, v->period);
		buf_adds(o, "<li><a");
		html_attr(o, "href", u.ptr);
		buf_adds(o, ">");
		html_esc(o, l.items[i].org_name);
		buf_adds(o, "</a> — ");
		html_esc(o, rstate_label(l.items[i].state));
		buf_adds(o, "</li>");
	}
	if (shown)
		buf_adds(o, "</ul>\n");
	buf_free(&u);
	roadmap_list_free(&l);
	return 0;
}

/* ?periode= when the store knows it; else the latest period of this
 * organisation's roadmaps; else the latest of all. */
static int choose_period(struct web_req *rq, const struct org *org, const struct web_kvs *periods,
			 const char **period, struct err *err)
{
	const char *asked = web_kvs_get(&rq->query, "periode");
	*period = web_period_choice(rq, periods);
	if (asked && web_kvs_get(periods, asked))
		return 0;
	struct roadmap_list l;
	if (store_roadmap_list(rq->store, NULL, &l, err))
		return -1;
	for (size_t i = 0; i < l.n; i++)
		if (l.items[i].org_id == org->id)
			for (size_t p = 0; p < periods->n; p++)
				if (strcmp(periods->items[p].key, l.items[i].period) == 0)
					*period = periods->items[p].key;
	roadmap_list_free(&l);
	return 0;
}

static int get_ministry(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct view v;
	struct web_kvs periods = { 0 };
	struct roadmap rm = { 0 };
	struct buf *o = &rs->body, u = BUF_INIT;
	int rc = -1;
	memset(&v, 0, sizeof(v));
	int found = store_org_get(rq->store, rq->params[0], &v.org, err);
	if (found <= 0) {
		if (found == 0)
			web_error_page(rq, rs, 404, "Organisation inconnue.");
		rc = found == 0 ? 0 : -1;
		goto out;
	}
	if (!web_may_read(rq, v.org.ministry_id)) {
		web_error_page(rq, rs, 403, "Vous ne pouvez pas consulter cette organisation.");
		rc = 0;
		goto out;
	}
	if (web_periods(rq->store, &periods, err) ||
	    choose_period(rq, &v.org, &periods, &v.period, err) ||
	    store_org_children(rq->store, v.org.id, &v.dirs, err))
		goto out;
	read_filter(rq, &v);
	if (v.period && (found = store_roadmap_get(rq->store, v.org.id, v.period, &rm, err)) < 0)
		goto out;

	web_page_begin(rq, rs, v.org.name);
	const char *crumbs[] = { "Tableau de bord", "/", v.org.name };
	web_breadcrumb(o, crumbs, 3);
	buf_adds(o, "<h1>");
	html_esc(o, v.org.name);
	buf_adds(o, "</h1>\n");
	web_flash(rq, o);
	if (!v.period) {
		buf_adds(o, "<p>Aucune feuille de route n'est encore enregistrée.</p>\n");
	} else {
		buf_adds(&u, "/ministeres/");
		web_url_part(&u, v.org.code);
		web_period_form(o, u.ptr, &periods, v.period);
		if (!found) {
			buf_adds(o, "<div class=\"fr-callout fr-mb-4w\"><p "
				    "class=\"fr-callout__text\">");
			html_escf(o, "%s n'a pas de feuille de route pour la période %s.",
				  v.org.name, v.period);
			buf_adds(o, "</p></div>\n");
			web_io_links(rq, o, v.org.code, v.period, 0, v.org.ministry_id);
		} else {
			struct action_counts c;
			buf_adds(o, "<p>Feuille de route ");
			html_esc(o, v.period);
			buf_adds(o, " — état de la revue : ");
			action_html_rstate(o, rm.state);
			buf_adds(o, "</p>\n");
			web_io_links(rq, o, v.org.code, v.period, 1, v.org.ministry_id);
			if (store_action_counts(rq->store, rm.id, &c, err))
				goto page_out;
			key_figures(o, &c);
			if (actions_section(rq, o, &v, rm.id, err) ||
			    reviews_section(rq, o, &v, &rm, err))
				goto page_out;
		}
		if (direction_roadmaps(rq, o, &v, err))
			goto page_out;
	}
	rc = 0;
page_out:
	web_page_end(rq, rs);
out:
	buf_free(&u);
	roadmap_free(&rm);
	org_list_free(&v.dirs);
	org_free(&v.org);
	web_kvs_free(&periods);
	return rc;
}

const struct web_route web_routes_ministry[] = {
	{ "GET", "/ministeres/{code}", get_ministry, 0 },
	{ NULL, NULL, NULL, 0 },
};
