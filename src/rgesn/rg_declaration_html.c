/* rg_declaration_html.c: the ecodesign declaration as one standalone,
 * printable, accessible HTML page (no script, no external resource). */
#include <string.h>

#include "report/fmt.h"
#include "report/html.h"
#include "rgesn/rg_report_int.h"

/* The report pages' style sheet, plus the identification list. */
static const char decl_css[] = "dl.id{display:grid;grid-template-columns:max-content 1fr;"
			       "gap:.25rem 1rem;margin:0}"
			       "dl.id dt{font-weight:700}"
			       "dl.id dd{margin:0;overflow-wrap:anywhere}"
			       "a{color:#000091}";

static const char *str(const char *s)
{
	return s ? s : "";
}

static void h_dt(struct buf *out, const char *label)
{
	buf_adds(out, "<dt>");
	html_esc(out, label);
	buf_adds(out, "</dt><dd>");
}

static void h_link_or_text(struct buf *out, const char *url)
{
	if (rg_decl_linkable(url)) {
		buf_adds(out, "<a");
		html_attr(out, "href", url);
		buf_addc(out, '>');
		html_esc(out, url);
		buf_adds(out, "</a>");
	} else {
		html_esc(out, url);
	}
}

static void h_identity(const struct rg_dv *v, struct buf *out)
{
	const struct rg_decl *d = v->d;
	struct buf t = BUF_INIT;
	html_section(out, "service", RG_DECL_H_SERVICE);
	buf_adds(out, "<dl class=\"id\">");
	h_dt(out, "Service");
	html_esc(out, str(d->service_name));
	buf_adds(out, "</dd>");
	if (*str(d->service_url)) {
		h_dt(out, "Adresse");
		h_link_or_text(out, d->service_url);
		buf_adds(out, "</dd>");
	}
	h_dt(out, "Ministère");
	html_esc(out, str(d->ministry_name));
	buf_adds(out, "</dd>");
	if (*str(d->direction_name)) {
		h_dt(out, "Direction");
		html_esc(out, d->direction_name);
		buf_adds(out, "</dd>");
	}
	h_dt(out, "Date de l'évaluation");
	html_esc(out, str(d->assessed_on));
	buf_adds(out, "</dd>");
	rg_decl_published(d, &t);
	if (t.len) {
		h_dt(out, "Date de publication");
		html_esc(out, t.ptr);
		buf_adds(out, "</dd>");
	}
	buf_reset(&t);
	rg_decl_ref_label(d, &t);
	h_dt(out, "Référentiel");
	html_esc(out, t.ptr);
	buf_adds(out, "</dd></dl></section>\n");
	buf_free(&t);
}

static void h_td_count(struct buf *out, size_t n)
{
	struct buf t = BUF_INIT;
	fmt_count(&t, n);
	buf_adds(out, "<td class=\"n\">");
	html_esc(out, t.ptr);
	buf_adds(out, "</td>");
	buf_free(&t);
}

static void h_tally_table(struct buf *out, const char *id, const char *caption, const char *first)
{
	html_table_open(out, id, caption);
	buf_adds(out, "<thead><tr>");
	html_th_col(out, first, 0);
	for (size_t c = 0; c < RG_DECL_TALLY_NCOLS; c++)
		html_th_col(out, rg_decl_tally_cols[c], 1);
	buf_adds(out, "</tr></thead><tbody>");
}

static void h_tally_row(struct buf *out, const char *label, const struct rg_tally *t)
{
	struct buf s = BUF_INIT;
	buf_adds(out, "<tr>");
	html_th_row(out, label);
	h_td_count(out, t->conforme);
	h_td_count(out, t->non_conforme);
	h_td_count(out, t->en_cours);
	h_td_count(out, t->non_evalue);
	h_td_count(out, t->applicable);
	h_td_count(out, t->non_applicable);
	rg_fmt_score(&s, t->has_score, t->score);
	buf_adds(out, "<td class=\"n\">");
	html_esc(out, s.ptr);
	buf_adds(out, "</td></tr>");
	buf_free(&s);
}

static void h_para(struct buf *out, const char *text)
{
	buf_adds(out, "<p>");
	html_esc(out, text);
	buf_adds(out, "</p>");
}

static void h_h3(struct buf *out, const char *text)
{
	buf_adds(out, "<h3>");
	html_esc(out, text);
	buf_adds(out, "</h3>");
}

static void h_result(const struct rg_dv *v, struct buf *out)
{
	const struct rg_score *sc = v->score;
	const struct rg_ref *r = v->d->ref;
	struct buf t = BUF_INIT;
	html_section(out, "resultat", RG_DECL_H_RESULT);
	buf_adds(out, "<dl class=\"kpi\"><div><dt>");
	html_esc(out, "Score d'avancement");
	buf_adds(out, "</dt><dd>");
	rg_fmt_score(&t, sc->all.has_score, sc->all.score);
	html_esc(out, t.ptr);
	buf_adds(out, "</dd></div></dl>");
	buf_reset(&t);
	rg_decl_counts(&sc->all, &t);
	buf_addc(&t, '.');
	h_para(out, t.ptr);
	buf_reset(&t);
	rg_decl_progress(v, &t);
	if (t.len)
		h_para(out, t.ptr);
	h_tally_table(out, "familles", "Score par famille de critères", "Famille");
	for (size_t f = 0; r && f < r->nfamilies && f < sc->nfamilies; f++) {
		buf_reset(&t);
		rg_decl_family_label(r, f, &t);
		h_tally_row(out, t.ptr, &sc->by_family[f]);
	}
	buf_adds(out, "</tbody><tfoot>");
	h_tally_row(out, "Ensemble", &sc->all);
	buf_adds(out, "</tfoot></table></div>");
	h_tally_table(out, "priorites", "Score par priorité des critères", "Priorité");
	for (int p = 0; p < RG_PRIO_N; p++)
		h_tally_row(out, rg_priority_label((enum rg_priority)p), &sc->by_priority[p]);
	buf_adds(out, "</tbody></table></div></section>\n");
	buf_free(&t);
}

/* A table of criteria: id (row header), title, then for each criterion the
 * texts of the extra columns. */
enum h_kind { H_UNMET, H_NA, H_PLAN };

static void h_criteria(const struct rg_dv *v, const char *id, const char *caption,
		       const size_t *list, size_t n, enum h_kind kind, struct buf *out)
{
	html_table_open(out, id, caption);
	buf_adds(out, "<thead><tr>");
	if (kind == H_PLAN)
		html_th_col(out, "Échéance", 0);
	html_th_col(out, "Critère", 0);
	html_th_col(out, "Intitulé", 0);
	if (kind == H_UNMET)
		html_th_col(out, "Priorité", 0);
	html_th_col(out, kind == H_NA ? "Justification" : "Note", 0);
	buf_adds(out, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct rg_criterion *c = &v->d->ref->criteria[list[i]];
		const struct rg_item *it = rg_dv_item(v, list[i]);
		const char *last = it ? str(kind == H_NA ? it->justification : it->note) : "";
		buf_adds(out, "<tr>");
		if (kind == H_PLAN) {
			buf_adds(out, "<td class=\"n\">");
			html_esc(out, it ? str(it->planned) : "");
			buf_adds(out, "</td>");
		}
		html_th_row(out, c->id);
		buf_adds(out, "<td>");
		html_esc(out, c->title);
		buf_adds(out, "</td>");
		if (kind == H_UNMET) {
			buf_adds(out, "<td>");
			html_esc(out, rg_priority_label(c->priority));
			buf_adds(out, "</td>");
		}
		buf_adds(out, "<td>");
		html_esc(out, *last ? last : "—");
		buf_adds(out, "</td></tr>");
	}
	buf_adds(out, "</tbody></table></div>");
}

static void h_lists(const struct rg_dv *v, struct buf *out)
{
	struct buf t = BUF_INIT;
	html_section(out, "non-satisfaits", RG_DECL_H_UNMET);
	rg_decl_unmet_note(v, &t);
	if (t.len)
		h_para(out, t.ptr);
	buf_free(&t);
	h_h3(out, RG_DECL_H_NC);
	if (v->nnc)
		h_criteria(v, "nc", "Critères non conformes, avec leur note", v->nc, v->nnc,
			   H_UNMET, out);
	else
		h_para(out, rg_decl_no_nc);
	h_h3(out, RG_DECL_H_NE);
	if (v->nne)
		h_criteria(v, "ne", "Critères non évalués, avec leur note", v->ne, v->nne, H_UNMET,
			   out);
	else
		h_para(out, rg_decl_no_ne);
	buf_adds(out, "</section>\n");

	html_section(out, "non-applicables", RG_DECL_H_NA);
	if (v->nna)
		h_criteria(v, "na", "Critères non applicables et leur justification", v->na, v->nna,
			   H_NA, out);
	else
		h_para(out, rg_decl_no_na);
	buf_adds(out, "</section>\n");

	html_section(out, "plan", RG_DECL_H_PLAN);
	if (v->nplan)
		h_criteria(v, "plan", "Critères en cours de mise en conformité, par échéance",
			   v->plan, v->nplan, H_PLAN, out);
	else
		h_para(out, rg_decl_no_plan);
	buf_adds(out, "</section>\n");
}

void rg_decl_html(const struct rg_dv *v, struct buf *out)
{
	const struct rg_decl *d = v->d;
	struct buf t = BUF_INIT;
	rg_decl_title(d, &t);
	buf_adds(out, "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, "
		      "initial-scale=1\">\n"
		      "<title>");
	html_esc(out, t.ptr);
	buf_adds(out, "</title>\n<style>");
	buf_adds(out, html_page_css);
	buf_adds(out, decl_css);
	buf_adds(out, "</style>\n</head>\n<body>\n<main>\n<h1>");
	html_esc(out, t.ptr);
	buf_adds(out, "</h1>\n<p class=\"sub\">");
	buf_reset(&t);
	rg_decl_subtitle(d, &t);
	html_esc(out, t.ptr);
	buf_adds(out, "</p>\n");
	buf_free(&t);
	h_identity(v, out);
	h_result(v, out);
	if (d->ref)
		h_lists(v, out);
	html_section(out, "contact", RG_DECL_H_CONTACT);
	h_para(out, *str(d->contact) ? d->contact : rg_decl_no_contact);
	buf_adds(out, "</section>\n");
	html_section(out, "methode", RG_DECL_H_METHOD);
	h_para(out, rg_decl_method);
	if (d->ref && *str(d->ref->url)) {
		buf_adds(out, "<p>Texte officiel du référentiel : ");
		h_link_or_text(out, d->ref->url);
		buf_adds(out, "</p>");
	}
	buf_adds(out, "</section>\n</main>\n</body>\n</html>\n");
}
