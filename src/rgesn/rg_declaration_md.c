/* rg_declaration_md.c: the ecodesign declaration as GitHub-flavoured
 * Markdown. */
#include <string.h>

#include "report/fmt.h"
#include "rgesn/rg_report_int.h"

static const char *str(const char *s)
{
	return s ? s : "";
}

/* A web address: an autolink when it can be one (http or https, no
 * space, angle bracket or control character), else escaped text. */
static void md_url(struct buf *out, const char *url)
{
	int ok = rg_decl_linkable(url);
	for (const char *p = url; ok && *p; p++)
		ok = (unsigned char)*p > 0x20 && *p != 0x7f && *p != '<' && *p != '>';
	if (ok) {
		buf_addc(out, '<');
		buf_adds(out, url);
		buf_addc(out, '>');
	} else {
		fmt_md_esc(out, url);
	}
}

static void md_item(struct buf *out, const char *label, const char *value, int url)
{
	buf_adds(out, "- **");
	fmt_md_esc(out, label);
	buf_adds(out, "** : ");
	if (url)
		md_url(out, value);
	else
		fmt_md_esc(out, value);
	buf_addc(out, '\n');
}

static void md_cell(struct buf *out, const char *text)
{
	buf_addc(out, ' ');
	fmt_md_esc(out, *str(text) ? text : "—");
	buf_adds(out, " |");
}

static void md_head(struct buf *out, const char *const *cols, size_t n, const char *align)
{
	buf_adds(out, "|");
	for (size_t i = 0; i < n; i++)
		md_cell(out, cols[i]);
	buf_adds(out, "\n|");
	for (size_t i = 0; i < n; i++)
		buf_adds(out, align[i] == 'r' ? "---:|" : "---|");
	buf_addc(out, '\n');
}

static void md_para(struct buf *out, const char *text)
{
	fmt_md_esc(out, text);
	buf_addc(out, '\n');
}

static void md_identity(const struct rg_dv *v, struct buf *out)
{
	const struct rg_decl *d = v->d;
	struct buf t = BUF_INIT;
	buf_adds(out, "\n## " RG_DECL_H_SERVICE "\n\n");
	md_item(out, "Service", str(d->service_name), 0);
	if (*str(d->service_url))
		md_item(out, "Adresse", d->service_url, 1);
	md_item(out, "Ministère", str(d->ministry_name), 0);
	if (*str(d->direction_name))
		md_item(out, "Direction", d->direction_name, 0);
	md_item(out, "Date de l'évaluation", str(d->assessed_on), 0);
	rg_decl_published(d, &t);
	if (t.len)
		md_item(out, "Date de publication", t.ptr, 0);
	buf_reset(&t);
	rg_decl_ref_label(d, &t);
	md_item(out, "Référentiel", t.ptr, 0);
	buf_free(&t);
}

/* One row of a family or priority table, in bold for the total. */
static void md_tally_row(struct buf *out, const char *label, const struct rg_tally *t, int bold)
{
	struct buf s = BUF_INIT;
	const size_t n[] = { t->conforme,   t->non_conforme, t->en_cours,
			     t->non_evalue, t->applicable,   t->non_applicable };
	const char *b = bold ? "**" : "";
	buf_addf(out, "| %s", b);
	fmt_md_esc(out, label);
	buf_addf(out, "%s |", b);
	for (size_t i = 0; i < sizeof(n) / sizeof(n[0]); i++) {
		buf_addf(out, " %s", b);
		fmt_count(out, n[i]);
		buf_addf(out, "%s |", b);
	}
	rg_fmt_score(&s, t->has_score, t->score);
	buf_addf(out, " %s", b);
	fmt_md_esc(out, s.ptr);
	buf_addf(out, "%s |\n", b);
	buf_free(&s);
}

static void md_tally_head(struct buf *out, const char *first)
{
	const char *cols[RG_DECL_TALLY_NCOLS + 1] = { first };
	memcpy(&cols[1], rg_decl_tally_cols, sizeof(rg_decl_tally_cols));
	md_head(out, cols, RG_DECL_TALLY_NCOLS + 1, "lrrrrrrr");
}

static void md_result(const struct rg_dv *v, struct buf *out)
{
	const struct rg_score *sc = v->score;
	const struct rg_ref *r = v->d->ref;
	struct buf t = BUF_INIT;
	buf_adds(out, "\n## " RG_DECL_H_RESULT "\n\n**Score d'avancement : ");
	rg_fmt_score(&t, sc->all.has_score, sc->all.score);
	fmt_md_esc(out, t.ptr);
	buf_adds(out, "** (");
	buf_reset(&t);
	rg_decl_counts(&sc->all, &t);
	fmt_md_esc(out, t.ptr);
	buf_adds(out, ")\n");
	buf_reset(&t);
	rg_decl_progress(v, &t);
	if (t.len) {
		buf_addc(out, '\n');
		md_para(out, t.ptr);
	}
	buf_adds(out, "\n### " RG_DECL_H_FAMILY "\n\n");
	md_tally_head(out, "Famille");
	for (size_t f = 0; r && f < r->nfamilies && f < sc->nfamilies; f++) {
		buf_reset(&t);
		rg_decl_family_label(r, f, &t);
		md_tally_row(out, t.ptr, &sc->by_family[f], 0);
	}
	md_tally_row(out, "Ensemble", &sc->all, 1);
	buf_adds(out, "\n### " RG_DECL_H_PRIORITY "\n\n");
	md_tally_head(out, "Priorité");
	for (int p = 0; p < RG_PRIO_N; p++)
		md_tally_row(out, rg_priority_label((enum rg_priority)p), &sc->by_priority[p], 0);
	buf_free(&t);
}

static const struct rg_criterion *crit(const struct rg_dv *v, size_t c)
{
	return &v->d->ref->criteria[c];
}

static const char *note(const struct rg_dv *v, size_t c)
{
	const struct rg_item *it = rg_dv_item(v, c);
	return it ? str(it->note) : "";
}

static void md_unmet(const struct rg_dv *v, struct buf *out)
{
	static const char *const cols[] = { "Critère", "Intitulé", "Priorité", "Note" };
	struct buf t = BUF_INIT;
	buf_adds(out, "\n## " RG_DECL_H_UNMET "\n");
	rg_decl_unmet_note(v, &t);
	if (t.len) {
		buf_addc(out, '\n');
		md_para(out, t.ptr);
	}
	buf_free(&t);
	buf_adds(out, "\n### " RG_DECL_H_NC "\n\n");
	if (!v->nnc)
		md_para(out, rg_decl_no_nc);
	else
		md_head(out, cols, 4, "llll");
	for (size_t i = 0; i < v->nnc; i++) {
		const struct rg_criterion *c = crit(v, v->nc[i]);
		buf_adds(out, "|");
		md_cell(out, c->id);
		md_cell(out, c->title);
		md_cell(out, rg_priority_label(c->priority));
		md_cell(out, note(v, v->nc[i]));
		buf_addc(out, '\n');
	}
	buf_adds(out, "\n### " RG_DECL_H_NE "\n\n");
	if (!v->nne)
		md_para(out, rg_decl_no_ne);
	else
		md_head(out, cols, 4, "llll");
	for (size_t i = 0; i < v->nne; i++) {
		const struct rg_criterion *c = crit(v, v->ne[i]);
		buf_adds(out, "|");
		md_cell(out, c->id);
		md_cell(out, c->title);
		md_cell(out, rg_priority_label(c->priority));
		md_cell(out, note(v, v->ne[i]));
		buf_addc(out, '\n');
	}
}

static void md_na(const struct rg_dv *v, struct buf *out)
{
	static const char *const cols[] = { "Critère", "Intitulé", "Justification" };
	buf_adds(out, "\n## " RG_DECL_H_NA "\n\n");
	if (!v->nna)
		md_para(out, rg_decl_no_na);
	else
		md_head(out, cols, 3, "lll");
	for (size_t i = 0; i < v->nna; i++) {
		const struct rg_criterion *c = crit(v, v->na[i]);
		const struct rg_item *it = rg_dv_item(v, v->na[i]);
		buf_adds(out, "|");
		md_cell(out, c->id);
		md_cell(out, c->title);
		md_cell(out, str(it->justification));
		buf_addc(out, '\n');
	}
}

static void md_plan(const struct rg_dv *v, struct buf *out)
{
	static const char *const cols[] = { "Échéance", "Critère", "Intitulé", "Note" };
	buf_adds(out, "\n## " RG_DECL_H_PLAN "\n\n");
	if (!v->nplan)
		md_para(out, rg_decl_no_plan);
	else
		md_head(out, cols, 4, "llll");
	for (size_t i = 0; i < v->nplan; i++) {
		const struct rg_criterion *c = crit(v, v->plan[i]);
		const struct rg_item *it = rg_dv_item(v, v->plan[i]);
		buf_adds(out, "|");
		md_cell(out, str(it->planned));
		md_cell(out, c->id);
		md_cell(out, c->title);
		md_cell(out, str(it->note));
		buf_addc(out, '\n');
	}
}

void rg_decl_md(const struct rg_dv *v, struct buf *out)
{
	const struct rg_decl *d = v->d;
	struct buf t = BUF_INIT;
	rg_decl_title(d, &t);
	buf_adds(out, "# ");
	fmt_md_esc(out, t.ptr);
	buf_adds(out, "\n\n");
	buf_reset(&t);
	rg_decl_subtitle(d, &t);
	md_para(out, t.ptr);
	md_identity(v, out);
	md_result(v, out);
	if (d->ref) {
		md_unmet(v, out);
		md_na(v, out);
		md_plan(v, out);
	}
	buf_adds(out, "\n## " RG_DECL_H_CONTACT "\n\n");
	md_para(out, *str(d->contact) ? d->contact : rg_decl_no_contact);
	buf_adds(out, "\n## " RG_DECL_H_METHOD "\n\n");
	md_para(out, rg_decl_method);
	if (d->ref && *str(d->ref->url)) {
		buf_adds(out, "\nTexte officiel du référentiel : ");
		md_url(out, d->ref->url);
		buf_addc(out, '\n');
	}
	buf_free(&t);
}
