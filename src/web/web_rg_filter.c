/* web_rg_filter.c: the criteria filters of the RGESN pages (family,
 * priority, answer, page) as GET forms and addresses (see web_rg.h). */
#include <stdlib.h>
#include <string.h>

#include "report/html.h"
#include "web/web_action_form.h"
#include "web/web_rg.h"

void web_rg_filter_read(const struct web_kvs *q, struct web_rg_filter *f, int *bad)
{
	const char *fam = web_kvs_get(q, "famille"), *prio = web_kvs_get(q, "priorite"),
		   *ans = web_kvs_get(q, "reponse"), *page = web_kvs_get(q, "page");
	enum rg_priority p;
	enum rg_answer a;
	char *end = NULL;
	f->family = 0;
	f->priority = -1;
	f->answer = -1;
	f->page = 1;
	*bad = 0;
	if (fam && *fam) {
		long n = strtol(fam, &end, 10);
		if (*end || n < 1 || n > 99)
			*bad = 1;
		else
			f->family = (int)n;
	}
	if (prio && *prio) {
		if (rg_priority_parse(prio, &p))
			*bad = 1;
		else
			f->priority = (int)p;
	}
	if (ans && *ans) {
		if (rg_answer_parse(ans, &a))
			*bad = 1;
		else
			f->answer = (int)a;
	}
	if (page && *page) {
		long n = strtol(page, &end, 10);
		if (*end || n < 1 || n > 10000)
			*bad = 1;
		else
			f->page = (size_t)n;
	}
}

int web_rg_filter_match(const struct web_rg_filter *f, const struct rg_criterion *c,
			const struct rg_item *it)
{
	enum rg_answer a = it ? it->answer : RG_ANS_NON_EVALUE;
	return (!f->family || c->family == f->family) &&
	       (f->priority < 0 || (int)c->priority == f->priority) &&
	       (f->answer < 0 || (int)a == f->answer);
}

void web_rg_filter_url(struct buf *o, const char *path, const char *keep,
		       const struct web_rg_filter *f, size_t page, const char *ok)
{
	char sep = '?';
	buf_adds(o, path);
	if (keep && *keep) {
		buf_addc(o, sep);
		buf_adds(o, keep);
		sep = '&';
	}
	if (f->family) {
		buf_addf(o, "%cfamille=%d", sep, f->family);
		sep = '&';
	}
	if (f->priority >= 0) {
		buf_addf(o, "%cpriorite=%s", sep, rg_priority_code((enum rg_priority)f->priority));
		sep = '&';
	}
	if (f->answer >= 0) {
		buf_addf(o, "%creponse=%s", sep, rg_answer_code((enum rg_answer)f->answer));
		sep = '&';
	}
	if (page > 1) {
		buf_addf(o, "%cpage=%zu", sep, page);
		sep = '&';
	}
	if (ok) {
		buf_addf(o, "%cok=", sep);
		web_url_part(o, ok);
	}
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

static void select_open(struct buf *o, const char *id, const char *label)
{
	buf_adds(o, "<div class=\"fr-select-group fr-col-12 fr-col-md-4\"><label "
		    "class=\"fr-label\"");
	html_attr(o, "for", id);
	buf_adds(o, ">");
	html_esc(o, label);
	buf_adds(o, "</label><select class=\"fr-select\"");
	html_attr(o, "id", id);
	html_attr(o, "name", id);
	buf_adds(o, ">");
}

void web_rg_filter_form(struct buf *o, const char *action, const struct rg_ref *r,
			const struct web_rg_filter *f, int with_answer, const char *keep_name,
			const char *keep_value)
{
	struct buf v = BUF_INIT, l = BUF_INIT;
	buf_adds(o, "<form method=\"get\" class=\"fr-mb-3w\"");
	html_attr(o, "action", action);
	buf_adds(o, "><fieldset class=\"fr-fieldset\"><legend class=\"fr-fieldset__legend\">"
		    "Filtrer les critères</legend><div class=\"fr-grid-row fr-grid-row--gutters "
		    "fr-col-12\">");
	if (keep_name) {
		buf_adds(o, "<input type=\"hidden\"");
		html_attr(o, "name", keep_name);
		html_attr(o, "value", keep_value);
		buf_adds(o, ">");
	}
	select_open(o, "famille", "Famille");
	option(o, "", "Toutes les familles", !f->family);
	for (size_t i = 0; i < r->nfamilies; i++) {
		buf_reset(&v);
		buf_reset(&l);
		buf_addf(&v, "%d", r->families[i].num);
		buf_addf(&l, "%d. %s", r->families[i].num, r->families[i].label);
		option(o, v.ptr, l.ptr, f->family == r->families[i].num);
	}
	buf_adds(o, "</select></div>");
	select_open(o, "priorite", "Priorité");
	option(o, "", "Toutes les priorités", f->priority < 0);
	for (int p = 0; p < RG_PRIO_N; p++)
		option(o, rg_priority_code((enum rg_priority)p),
		       rg_priority_label((enum rg_priority)p), f->priority == p);
	buf_adds(o, "</select></div>");
	if (with_answer) {
		select_open(o, "reponse", "Réponse");
		option(o, "", "Toutes les réponses", f->answer < 0);
		for (int a = 0; a < RG_ANS_N; a++)
			option(o, rg_answer_code((enum rg_answer)a),
			       rg_answer_label((enum rg_answer)a), f->answer == a);
		buf_adds(o, "</select></div>");
	}
	buf_adds(o, "</div><button class=\"fr-btn fr-btn--secondary fr-btn--sm\" "
		    "type=\"submit\">Filtrer</button></fieldset></form>\n");
	buf_free(&v);
	buf_free(&l);
}

void web_rg_pagination(struct buf *o, const char *path, const char *keep,
		       const struct web_rg_filter *f, size_t pages)
{
	if (pages < 2)
		return;
	struct buf u = BUF_INIT;
	buf_adds(o, "<nav role=\"navigation\" class=\"fr-pagination fr-mb-4w\" "
		    "aria-label=\"Pages des critères\"><ul class=\"fr-pagination__list\">");
	for (size_t p = 1; p <= pages; p++) {
		buf_reset(&u);
		web_rg_filter_url(&u, path, keep, f, p, NULL);
		buf_adds(o, "<li><a class=\"fr-pagination__link\"");
		if (p == f->page)
			buf_adds(o, " aria-current=\"page\"");
		html_attr(o, "href", u.ptr);
		html_attrf(o, "title", "Page %zu", p);
		buf_addf(o, ">%zu</a></li>", p);
	}
	buf_adds(o, "</ul></nav>\n");
	buf_free(&u);
}
