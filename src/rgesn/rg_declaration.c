/* rg_declaration.c: the ecodesign declaration — what it lists, the texts
 * every format shares, and the dispatch to the HTML, Markdown and JSON
 * renderers. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/xalloc.h"
#include "report/fmt.h"
#include "rgesn/rg_report_int.h"

void rg_dv_init(struct rg_dv *v, const struct rg_decl *d)
{
	memset(v, 0, sizeof(*v));
	v->d = d;
	const struct rg_ref *r = d->ref;
	size_t n = r ? r->ncriteria : 0;
	v->item = xcalloc(n ? n : 1, sizeof(*v->item));
	/* As for the score: the last answer to a criterion counts; answers to
	 * criteria the referential does not have are left out. */
	for (size_t i = 0; r && i < d->nitems; i++) {
		long c = rg_ref_find(r, d->items[i].criterion);
		if (c >= 0 && (size_t)c < n && (unsigned)d->items[i].answer < RG_ANS_N)
			v->item[c] = &d->items[i];
	}
	if (d->score) {
		v->score = d->score;
	} else {
		if (r)
			rg_score_compute(r, d->items, d->nitems, &v->own);
		else
			memset(&v->own, 0, sizeof(v->own));
		v->has_own = r != NULL;
		v->score = &v->own;
	}
	v->nc = xcalloc(n ? n : 1, sizeof(size_t));
	v->ne = xcalloc(n ? n : 1, sizeof(size_t));
	v->na = xcalloc(n ? n : 1, sizeof(size_t));
	v->plan = xcalloc(n ? n : 1, sizeof(size_t));
	for (size_t c = 0; c < n; c++) {
		enum rg_answer a = v->item[c] ? v->item[c]->answer : RG_ANS_NON_EVALUE;
		switch (a) {
		case RG_ANS_CONFORME: break;
		case RG_ANS_NON_CONFORME: v->nc[v->nnc++] = c; break;
		case RG_ANS_NON_APPLICABLE: v->na[v->nna++] = c; break;
		case RG_ANS_EN_COURS: v->plan[v->nplan++] = c; break;
		default: v->ne[v->nne++] = c; break;
		}
	}
	/* The plan by planned date (AAAA-MM-JJ sorts as text; no date last),
	 * then in the referential's order: a stable insertion sort. */
	for (size_t i = 1; i < v->nplan; i++) {
		size_t c = v->plan[i], j = i;
		const char *pc = v->item[c]->planned ? v->item[c]->planned : "";
		while (j > 0) {
			const char *pp = v->item[v->plan[j - 1]]->planned;
			pp = pp ? pp : "";
			int cmp = (!*pc || !*pp) ? (!*pp) - (!*pc) : strcmp(pp, pc);
			if (cmp <= 0)
				break;
			v->plan[j] = v->plan[j - 1];
			j--;
		}
		v->plan[j] = c;
	}
}

void rg_dv_free(struct rg_dv *v)
{
	if (v->has_own)
		rg_score_free(&v->own);
	free(v->item);
	free(v->nc);
	free(v->ne);
	free(v->na);
	free(v->plan);
	memset(v, 0, sizeof(*v));
}

const struct rg_item *rg_dv_item(const struct rg_dv *v, size_t c)
{
	return v->item[c];
}

static const char *str(const char *s)
{
	return s ? s : "";
}

void rg_decl_title(const struct rg_decl *d, struct buf *out)
{
	buf_adds(out, "Déclaration d'écoconception — ");
	buf_adds(out, *str(d->service_name) ? d->service_name : "service sans nom");
}

void rg_decl_ref_label(const struct rg_decl *d, struct buf *out)
{
	if (!d->ref)
		return;
	buf_adds(out, str(d->ref->name));
	if (*str(d->ref->version)) {
		buf_addc(out, ' ');
		buf_adds(out, d->ref->version);
	}
}

void rg_decl_subtitle(const struct rg_decl *d, struct buf *out)
{
	buf_adds(out, "Établie selon le ");
	rg_decl_ref_label(d, out);
	buf_adds(out, " d'après l'évaluation du ");
	buf_adds(out, *str(d->assessed_on) ? d->assessed_on : "(date non renseignée)");
	buf_addc(out, '.');
}

void rg_decl_published(const struct rg_decl *d, struct buf *out)
{
	const char *p = str(d->published_at);
	buf_add(out, p, strnlen(p, 10));
}

int rg_decl_linkable(const char *url)
{
	return url && (strncasecmp(url, "https://", 8) == 0 || strncasecmp(url, "http://", 7) == 0);
}

void rg_decl_counts(const struct rg_tally *t, struct buf *out)
{
	rg_fmt_count(out, t->conforme, "critère conforme", "critères conformes");
	buf_adds(out, " sur ");
	rg_fmt_count(out, t->applicable, "applicable", "applicables");
	buf_adds(out, " ; ");
	rg_fmt_count(out, t->non_evalue, "non évalué", "non évalués");
	buf_adds(out, " ; ");
	rg_fmt_count(out, t->non_applicable, "non applicable", "non applicables");
}

void rg_decl_prev_label(const struct rg_decl *d, struct buf *out)
{
	const char *name = d->ref ? str(d->ref->name) : "";
	const char *pv = str(d->previous_version);
	size_t ln = strlen(name);
	if (ln && !(strncmp(pv, name, ln) == 0 && pv[ln] == ' ')) {
		buf_adds(out, name);
		buf_addc(out, ' ');
	}
	buf_adds(out, pv);
}

int rg_decl_delta(const struct rg_dv *v, double *delta)
{
	*delta = 0;
	if (!v->d->has_previous || !v->score->all.has_score || !isfinite(v->d->previous_score))
		return 0;
	*delta = v->score->all.score - v->d->previous_score;
	return 1;
}

void rg_decl_progress(const struct rg_dv *v, struct buf *out)
{
	const struct rg_decl *d = v->d;
	struct buf prev = BUF_INIT, cur = BUF_INIT;
	double delta;
	if (!d->has_previous)
		return;
	rg_decl_prev_label(d, &prev);
	rg_decl_ref_label(d, &cur);
	if (rg_decl_delta(v, &delta)) {
		double r = round(delta);
		if (r == 0) {
			buf_adds(out, "Score inchangé depuis l'évaluation du ");
		} else {
			buf_adds(out, r > 0 ? "+" : "−");
			fmt_dec(out, fabs(r), 0);
			buf_adds(out, fabs(r) >= 2 ? " points depuis l'évaluation du "
						   : " point depuis l'évaluation du ");
		}
		buf_adds(out, str(d->previous_date));
		buf_adds(out, " (");
		buf_adds(out, prev.ptr);
		buf_adds(out, "), dont le score était de ");
	} else {
		buf_adds(out, "Évaluation précédente : ");
		buf_adds(out, str(d->previous_date));
		buf_adds(out, " (");
		buf_adds(out, prev.ptr);
		buf_adds(out, "), score de ");
	}
	rg_fmt_score(out, isfinite(d->previous_score), d->previous_score);
	buf_addc(out, '.');
	if (strcmp(prev.ptr, cur.ptr) != 0)
		buf_adds(out, " Les deux évaluations portent sur des versions différentes du "
			      "référentiel : l'écart est indicatif.");
	buf_free(&prev);
	buf_free(&cur);
}

void rg_decl_unmet_note(const struct rg_dv *v, struct buf *out)
{
	if (!v->nplan)
		return;
	rg_fmt_count(out, v->nplan, "critère en cours figure", "critères en cours figurent");
	buf_adds(out, " au plan d'amélioration.");
}

const char rg_decl_no_nc[] = "Aucun critère non conforme.";
const char rg_decl_no_ne[] = "Aucun critère non évalué.";
const char rg_decl_no_na[] = "Aucun critère déclaré non applicable.";
const char rg_decl_no_plan[] = "Aucun critère en cours de mise en conformité.";
const char rg_decl_no_contact[] = "Aucun contact indiqué.";
const char rg_decl_method[] =
	"Le score d'avancement rapporte le nombre de critères conformes au nombre "
	"de "
	"critères applicables. Les critères non applicables, dont la justification "
	"est "
	"donnée, sont exclus ; les critères non évalués et ceux en cours comptent "
	"comme "
	"non conformes. Les scores sont arrondis à l'unité.";

void rg_decl_family_label(const struct rg_ref *r, size_t f, struct buf *out)
{
	buf_addf(out, "%d. ", r->families[f].num);
	buf_adds(out, str(r->families[f].label));
}

const char *const rg_decl_tally_cols[RG_DECL_TALLY_NCOLS] = {
	"Conformes",   "Non conformes",	  "En cours", "Non évalués",
	"Applicables", "Non applicables", "Score",
};

void rg_declaration_render(const struct rg_decl *d, enum rg_format fmt, struct buf *out)
{
	struct rg_dv v;
	rg_dv_init(&v, d);
	switch (fmt) {
	case RG_FMT_HTML: rg_decl_html(&v, out); break;
	case RG_FMT_MD: rg_decl_md(&v, out); break;
	case RG_FMT_JSON: rg_decl_json(&v, out); break;
	}
	rg_dv_free(&v);
}
