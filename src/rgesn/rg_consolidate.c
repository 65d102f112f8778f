/* rg_consolidate.c: services and their latest complete assessment,
 * consolidated per ministry and nationally (pure). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "rgesn/rg_report.h"

static const char *str(const char *s)
{
	return s ? s : "";
}

/* Criterion ids compare part by part, numbers as numbers: "4.3" < "4.10"
 * < "10.1". */
static int id_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			while (*a == '0' && a[1] >= '0' && a[1] <= '9')
				a++;
			while (*b == '0' && b[1] >= '0' && b[1] <= '9')
				b++;
			size_t la = strspn(a, "0123456789"), lb = strspn(b, "0123456789");
			if (la != lb)
				return la < lb ? -1 : 1;
			int c = strncmp(a, b, la);
			if (c)
				return c;
			a += la;
			b += lb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return (*a != 0) - (*b != 0);
}

struct by_code {
	const char *code;
	size_t i;
};

static int by_code_cmp(const void *pa, const void *pb)
{
	const struct by_code *a = pa, *b = pb;
	int c = strcmp(a->code, b->code);
	if (c)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* One non conforme answer: criterion id, its title, and where it comes
 * from (service, then answer), so that the first referential wins. */
struct fail_ref {
	const char *id, *title;
	size_t svc, item;
};

static int fail_ref_cmp(const void *pa, const void *pb)
{
	const struct fail_ref *a = pa, *b = pb;
	int c = id_cmp(a->id, b->id);
	if (!c)
		c = strcmp(a->id, b->id); /* "4.03" and "4.3" stay apart */
	if (c)
		return c;
	if (a->svc != b->svc)
		return a->svc < b->svc ? -1 : 1;
	return a->item < b->item ? -1 : a->item > b->item;
}

static int failed_cmp(const void *pa, const void *pb)
{
	const struct rg_failed *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	int c = id_cmp(a->criterion, b->criterion);
	return c ? c : strcmp(a->criterion, b->criterion);
}

/* Adds one service (its score when assessed and scored) to g. */
static void group_add(struct rg_cons_group *g, double *sum, size_t *nscored, int assessed,
		      const struct rg_tally *t)
{
	g->services++;
	if (!assessed)
		return;
	g->assessed++;
	if (!t || !t->has_score)
		return;
	*sum += t->score;
	(*nscored)++;
	/* The bucket from the counts, not the rounded score: exact at 25, 50
	 * and 75 %. */
	size_t b = t->applicable ? t->conforme * RG_DIST_N / t->applicable : 0;
	g->dist[b < RG_DIST_N ? b : RG_DIST_N - 1]++;
}

static void group_close(struct rg_cons_group *g, double sum, size_t nscored)
{
	g->has_average = nscored > 0;
	g->average = nscored ? sum / (double)nscored : 0;
}

static void consolidate_failed(const struct rg_cons_in *in, size_t n, size_t top,
			       struct rg_cons *out)
{
	struct fail_ref *f = NULL;
	size_t nf = 0, cap = 0;
	for (size_t s = 0; s < n; s++) {
		if (!in[s].assessed || !in[s].ref)
			continue;
		for (size_t k = 0; k < in[s].nitems; k++) {
			const struct rg_item *it = &in[s].items[k];
			if (it->answer != RG_ANS_NON_CONFORME || !it->criterion)
				continue;
			long c = rg_ref_find(in[s].ref, it->criterion);
			if (c < 0)
				continue; /* not a criterion of its referential */
			xgrow((void **)&f, sizeof(*f), nf + 1, &cap);
			f[nf].id = it->criterion;
			f[nf].title = str(in[s].ref->criteria[c].title);
			f[nf].svc = s;
			f[nf].item = k;
			nf++;
		}
	}
	if (nf)
		qsort(f, nf, sizeof(*f), fail_ref_cmp);
	struct rg_failed *all = xcalloc(nf ? nf : 1, sizeof(*all));
	size_t nall = 0;
	for (size_t i = 0; i < nf;) {
		size_t j = i, count = 0;
		for (; j < nf && strcmp(f[j].id, f[i].id) == 0; j++)
			count += j == i || f[j].svc != f[j - 1].svc; /* once per service */
		all[nall].criterion = (char *)f[i].id;
		all[nall].title = (char *)f[i].title;
		all[nall].count = count;
		nall++;
		i = j;
	}
	if (nall)
		qsort(all, nall, sizeof(*all), failed_cmp);
	out->nfailed = nall < top ? nall : top;
	out->failed = xcalloc(out->nfailed ? out->nfailed : 1, sizeof(*out->failed));
	for (size_t i = 0; i < out->nfailed; i++) {
		out->failed[i].criterion = xstrdup(all[i].criterion);
		out->failed[i].title = xstrdup(all[i].title);
		out->failed[i].count = all[i].count;
	}
	free(all);
	free(f);
}

void rg_consolidate(const struct rg_cons_in *in, size_t n, size_t top, struct rg_cons *out)
{
	memset(out, 0, sizeof(*out));
	out->national.code = xstrdup("");
	out->national.name = xstrdup("Ensemble");
	struct by_code *ord = xcalloc(n ? n : 1, sizeof(*ord));
	for (size_t i = 0; i < n; i++) {
		ord[i].code = str(in[i].ministry_code);
		ord[i].i = i;
	}
	if (n)
		qsort(ord, n, sizeof(*ord), by_code_cmp);
	size_t ngroups = 0;
	for (size_t i = 0; i < n; i++)
		ngroups += i == 0 || strcmp(ord[i].code, ord[i - 1].code) != 0;
	out->groups = xcalloc(ngroups ? ngroups : 1, sizeof(*out->groups));
	double nat_sum = 0;
	size_t nat_scored = 0;
	for (size_t i = 0; i < n;) {
		struct rg_cons_group *g = &out->groups[out->ngroups++];
		double sum = 0;
		size_t nscored = 0;
		const char *name = "";
		size_t j = i;
		for (; j < n && strcmp(ord[j].code, ord[i].code) == 0; j++) {
			const struct rg_cons_in *e = &in[ord[j].i];
			struct rg_score sc;
			int scored = e->assessed && e->ref;
			if (!*name)
				name = str(e->ministry_name);
			if (scored)
				rg_score_compute(e->ref, e->items, e->nitems, &sc);
			group_add(g, &sum, &nscored, e->assessed, scored ? &sc.all : NULL);
			group_add(&out->national, &nat_sum, &nat_scored, e->assessed,
				  scored ? &sc.all : NULL);
			if (scored)
				rg_score_free(&sc);
		}
		g->code = xstrdup(ord[i].code);
		g->name = xstrdup(*name ? name : ord[i].code);
		group_close(g, sum, nscored);
		i = j;
	}
	group_close(&out->national, nat_sum, nat_scored);
	free(ord);
	consolidate_failed(in, n, top, out);
}

static void group_free(struct rg_cons_group *g)
{
	free(g->code);
	free(g->name);
}

void rg_cons_free(struct rg_cons *c)
{
	for (size_t i = 0; i < c->ngroups; i++)
		group_free(&c->groups[i]);
	free(c->groups);
	group_free(&c->national);
	for (size_t i = 0; i < c->nfailed; i++) {
		free(c->failed[i].criterion);
		free(c->failed[i].title);
	}
	free(c->failed);
	memset(c, 0, sizeof(*c));
}
