/* rg_score.c: RGESN answer checks, scores, differences between two
 * assessments, the quick self-diagnosis selection and the first steps. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "io/parse.h"
#include "rgesn/rgesn.h"

/* Only spaces: a justification of blanks says nothing. */
static int blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

int rg_item_check(const struct rg_item *it, struct buf *why)
{
	if (blank(it->criterion)) {
		buf_adds(why, "critère manquant");
		return -1;
	}
	if ((unsigned)it->answer >= RG_ANS_N) {
		buf_adds(why, "réponse inconnue");
		return -1;
	}
	if (it->answer == RG_ANS_NON_APPLICABLE && blank(it->justification)) {
		buf_adds(why, "une justification est obligatoire pour « non applicable »");
		return -1;
	}
	if (it->answer == RG_ANS_EN_COURS) {
		if (blank(it->planned)) {
			buf_adds(why,
				 "une date prévue (AAAA-MM-JJ) est obligatoire pour « en cours »");
			return -1;
		}
		/* Strictly AAAA-MM-JJ: parse_date checks the calendar and
		 * writes the ISO form, which must be what was given. */
		struct err e = ERR_INIT;
		char iso[11];
		int bad = strlen(it->planned) != 10 || parse_date(it->planned, iso, &e) != 0 ||
			  strcmp(iso, it->planned) != 0;
		err_free(&e);
		if (bad) {
			buf_addf(why, "date prévue invalide « %s » (attendu : AAAA-MM-JJ)",
				 it->planned);
			return -1;
		}
	}
	return 0;
}

/* Position of family num in r->families, -1 when absent. */
static long family_index(const struct rg_ref *r, int num)
{
	for (size_t i = 0; i < r->nfamilies; i++)
		if (r->families[i].num == num)
			return (long)i;
	return -1;
}

/* The answer to each criterion of r (malloc'd, r->ncriteria entries):
 * NON_EVALUE where no item answers it; the last item wins when a criterion
 * is answered twice; items of criteria not in r are ignored. */
static enum rg_answer *answers_of(const struct rg_ref *r, const struct rg_item *items, size_t n)
{
	enum rg_answer *a = xmalloc((r->ncriteria ? r->ncriteria : 1) * sizeof *a);
	for (size_t i = 0; i < r->ncriteria; i++)
		a[i] = RG_ANS_NON_EVALUE;
	for (size_t i = 0; i < n; i++) {
		long k = rg_ref_find(r, items[i].criterion);
		if (k >= 0 && (unsigned)items[i].answer < RG_ANS_N)
			a[k] = items[i].answer;
	}
	return a;
}

static void tally_add(struct rg_tally *t, enum rg_answer a)
{
	t->total++;
	switch (a) {
	case RG_ANS_CONFORME: t->conforme++; break;
	case RG_ANS_NON_CONFORME: t->non_conforme++; break;
	case RG_ANS_NON_APPLICABLE: t->non_applicable++; break;
	case RG_ANS_EN_COURS: t->en_cours++; break;
	default: t->non_evalue++; break;
	}
}

static void tally_close(struct rg_tally *t)
{
	t->applicable = t->total - t->non_applicable;
	t->has_score = t->applicable > 0;
	t->score = t->has_score ? 100.0 * (double)t->conforme / (double)t->applicable : 0;
}

void rg_score_compute(const struct rg_ref *r, const struct rg_item *items, size_t n,
		      struct rg_score *out)
{
	memset(out, 0, sizeof *out);
	out->nfamilies = r->nfamilies;
	if (r->nfamilies)
		out->by_family = xcalloc(r->nfamilies, sizeof *out->by_family);
	enum rg_answer *a = answers_of(r, items, n);
	for (size_t i = 0; i < r->ncriteria; i++) {
		const struct rg_criterion *c = &r->criteria[i];
		tally_add(&out->all, a[i]);
		if ((unsigned)c->priority < RG_PRIO_N)
			tally_add(&out->by_priority[c->priority], a[i]);
		long f = family_index(r, c->family);
		if (f >= 0)
			tally_add(&out->by_family[f], a[i]);
	}
	free(a);
	tally_close(&out->all);
	for (size_t p = 0; p < RG_PRIO_N; p++)
		tally_close(&out->by_priority[p]);
	for (size_t f = 0; f < out->nfamilies; f++)
		tally_close(&out->by_family[f]);
}

void rg_score_free(struct rg_score *s)
{
	free(s->by_family);
	memset(s, 0, sizeof *s);
}

void rg_diff_compute(const struct rg_ref *rb, const struct rg_item *before, size_t nb,
		     const struct rg_ref *ra, const struct rg_item *after, size_t na,
		     struct rg_diff *out)
{
	memset(out, 0, sizeof *out);
	struct rg_score sb, sa;
	rg_score_compute(rb, before, nb, &sb);
	rg_score_compute(ra, after, na, &sa);
	if (sb.all.has_score && sa.all.has_score) {
		out->has_delta = 1;
		out->delta = sa.all.score - sb.all.score;
	}
	rg_score_free(&sb);
	rg_score_free(&sa);

	enum rg_answer *ab = answers_of(rb, before, nb);
	enum rg_answer *aa = answers_of(ra, after, na);
	size_t cap = 0;
	for (size_t i = 0; i < ra->ncriteria; i++) {
		long k = rg_ref_find(rb, ra->criteria[i].id);
		if (k < 0) {
			out->only_after++;
			continue;
		}
		if (ab[k] == aa[i])
			continue;
		xgrow((void **)&out->changes, sizeof *out->changes, out->nchanges + 1, &cap);
		out->changes[out->nchanges].criterion = ra->criteria[i].id;
		out->changes[out->nchanges].before = ab[k];
		out->changes[out->nchanges].after = aa[i];
		out->nchanges++;
	}
	for (size_t i = 0; i < rb->ncriteria; i++)
		if (rg_ref_find(ra, rb->criteria[i].id) < 0)
			out->only_before++;
	free(ab);
	free(aa);
}

void rg_diff_free(struct rg_diff *d)
{
	free(d->changes);
	memset(d, 0, sizeof *d);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

#define RG_QUICK_MAX 20

size_t rg_quick_criteria(const struct rg_ref *r, size_t **idx)
{
	size_t n = 0;
	*idx = NULL;
	for (size_t i = 0; i < r->ncriteria; i++)
		n += r->criteria[i].quick != 0;
	if (n) {
		*idx = xmalloc(n * sizeof **idx);
		n = 0;
		for (size_t i = 0; i < r->ncriteria; i++)
			if (r->criteria[i].quick)
				(*idx)[n++] = i;
		return n;
	}
	/* No marks: take the prioritaire criteria family by family in turn
	 * (the easiest first in each family) so that every family is asked
	 * about, up to RG_QUICK_MAX; then list them in the referential's
	 * order. */
	size_t nf = r->nfamilies;
	if (!nf || !r->ncriteria)
		return 0;
	char *taken = xcalloc(r->ncriteria, 1);
	size_t *out = xmalloc(RG_QUICK_MAX * sizeof *out);
	for (int progress = 1; progress && n < RG_QUICK_MAX;) {
		progress = 0;
		for (size_t f = 0; f < nf && n < RG_QUICK_MAX; f++) {
			long best = -1;
			for (size_t i = 0; i < r->ncriteria; i++) {
				const struct rg_criterion *c = &r->criteria[i];
				if (taken[i] || c->family != r->families[f].num ||
				    c->priority != RG_PRIO_PRIORITAIRE)
					continue;
				if (best < 0 || c->difficulty < r->criteria[best].difficulty)
					best = (long)i;
			}
			if (best >= 0) {
				taken[best] = 1;
				out[n++] = (size_t)best;
				progress = 1;
			}
		}
	}
	free(taken);
	if (!n) {
		free(out);
		return 0;
	}
	qsort(out, n, sizeof *out, cmp_size);
	*idx = out;
	return n;
}

/* Order of the first steps: priority, difficulty, then the referential's
 * order (family, number) — which is the index order. */
struct step {
	size_t i;
	int prio, diff;
};

static int cmp_step(const void *a, const void *b)
{
	const struct step *x = a, *y = b;
	if (x->prio != y->prio)
		return x->prio - y->prio;
	if (x->diff != y->diff)
		return x->diff - y->diff;
	return x->i < y->i ? -1 : x->i > y->i;
}

size_t rg_first_steps(const struct rg_ref *r, const struct rg_item *items, size_t n, size_t max,
		      size_t **idx)
{
	*idx = NULL;
	if (!r->ncriteria || !max)
		return 0;
	enum rg_answer *a = answers_of(r, items, n);
	struct step *s = xmalloc(r->ncriteria * sizeof *s);
	size_t k = 0;
	for (size_t i = 0; i < r->ncriteria; i++) {
		if (a[i] != RG_ANS_NON_CONFORME && a[i] != RG_ANS_NON_EVALUE)
			continue;
		s[k].i = i;
		s[k].prio = (int)r->criteria[i].priority;
		s[k].diff = (int)r->criteria[i].difficulty;
		k++;
	}
	free(a);
	qsort(s, k, sizeof *s, cmp_step);
	if (k > max)
		k = max;
	if (k) {
		*idx = xmalloc(k * sizeof **idx);
		for (size_t i = 0; i < k; i++)
			(*idx)[i] = s[i].i;
	}
	free(s);
	return k;
}
