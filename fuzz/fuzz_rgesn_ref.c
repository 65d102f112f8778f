/* fuzz_rgesn_ref.c: libFuzzer target for the RGESN referential parser
 * (rgesn/rg_ref_json.c). The first byte chooses the arguments (bit 0: name
 * and version given, as for a bare array; bit 1: family labels from another
 * referential); the rest is the JSON. Whatever is accepted must be well
 * formed (sorted, ids matching families, found by rg_ref_find), must
 * survive a write / parse round trip unchanged, and must score. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "rgesn/rgesn.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The invariants of an accepted referential. */
static void check_ref(const struct rg_ref *r)
{
	char id[32];
	if (!r->name || !r->name[0] || !r->version || !r->version[0] || !r->title || !r->source ||
	    !r->licence || !r->url)
		abort();
	if (!r->nfamilies || !r->ncriteria)
		abort();
	for (size_t i = 0; i < r->nfamilies; i++) {
		if (!r->families[i].label || !r->families[i].label[0])
			abort();
		if (i && r->families[i - 1].num >= r->families[i].num)
			abort();
	}
	int full = 0;
	for (size_t i = 0; i < r->ncriteria; i++) {
		const struct rg_criterion *c = &r->criteria[i];
		if (!c->title || !c->title[0] || !c->objective || !c->implementation || !c->test ||
		    !c->applies || !c->url)
			abort();
		if ((unsigned)c->priority >= RG_PRIO_N || (unsigned)c->difficulty >= RG_DIFF_N)
			abort();
		snprintf(id, sizeof id, "%d.%d", c->family, c->num);
		if (strcmp(id, c->id) != 0 || rg_ref_find(r, c->id) != (long)i)
			abort();
		if (!rg_family_label(r, c->family)[0])
			abort();
		if (i &&
		    (r->criteria[i - 1].family > c->family ||
		     (r->criteria[i - 1].family == c->family && r->criteria[i - 1].num >= c->num)))
			abort();
		full |= c->objective[0] || c->implementation[0] || c->test[0];
	}
	if (full != r->full_text)
		abort();
}

/* Scores an assessment answering criterion i with answer i mod RG_ANS_N. */
static void check_scores(const struct rg_ref *r)
{
	size_t n = r->ncriteria;
	struct rg_item *items = calloc(n, sizeof *items);
	if (!items)
		abort();
	for (size_t i = 0; i < n; i++) {
		items[i].criterion = r->criteria[i].id;
		items[i].answer = (enum rg_answer)(i % RG_ANS_N);
	}
	struct rg_score s;
	rg_score_compute(r, items, n, &s);
	const struct rg_tally *t = &s.all;
	if (t->total != n ||
	    t->conforme + t->non_conforme + t->non_applicable + t->en_cours + t->non_evalue != n ||
	    t->applicable + t->non_applicable != n || (t->has_score && t->score > 100.0))
		abort();
	size_t sum = 0;
	for (size_t f = 0; f < s.nfamilies; f++)
		sum += s.by_family[f].total;
	if (sum != n)
		abort();
	rg_score_free(&s);

	struct rg_diff d;
	rg_diff_compute(r, items, n, r, items, n, &d);
	if (d.nchanges || d.only_before || d.only_after || (d.has_delta && d.delta != 0))
		abort();
	rg_diff_free(&d);

	size_t *idx = NULL;
	size_t k = rg_quick_criteria(r, &idx), marked = 0;
	for (size_t i = 0; i < n; i++)
		marked += r->criteria[i].quick != 0;
	if (k > n || (marked ? k != marked : k > 20))
		abort();
	for (size_t i = 0; i < k; i++)
		if (idx[i] >= n || (i && idx[i - 1] >= idx[i]))
			abort();
	free(idx);
	k = rg_first_steps(r, items, n, 10, &idx);
	for (size_t i = 0; i < k; i++) {
		enum rg_answer a = items[idx[i]].answer;
		if (a != RG_ANS_NON_CONFORME && a != RG_ANS_NON_EVALUE)
			abort();
	}
	free(idx);
	free(items);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned mode = data[0];
	char l1[] = "Stratégie", l4[] = "UX/UI";
	struct rg_family fams[] = { { 1, l1 }, { 4, l4 } };
	struct rg_ref labels;
	memset(&labels, 0, sizeof labels);
	labels.families = fams;
	labels.nfamilies = 2;

	struct rg_ref r, again;
	struct diags d = DIAGS_INIT;
	struct buf out = BUF_INIT, out2 = BUF_INIT, tmp = BUF_INIT;
	int rc = rg_ref_parse("fuzz.json", (const char *)data + 1, size - 1,
			      mode & 1 ? "RGESN" : NULL, mode & 1 ? "2024" : NULL,
			      mode & 2 ? &labels : NULL, &r, &d);
	for (size_t i = 0; i < d.n; i++)
		diags_format(&d.items[i], &tmp);
	if (rc != 0) {
		if (r.ncriteria || r.criteria || r.families || r.name || d.errors == 0)
			abort(); /* refused: out empty, and said why */
		goto done;
	}
	if (d.n)
		abort();
	check_ref(&r);
	check_scores(&r);
	rg_ref_write_json(&r, &out);
	if (rg_ref_parse("again.json", out.ptr, out.len, NULL, NULL, NULL, &again, &d) != 0)
		abort();
	check_ref(&again);
	rg_ref_write_json(&again, &out2);
	if (out.len != out2.len || memcmp(out.ptr, out2.ptr, out.len) != 0)
		abort();
	rg_ref_free(&again);
done:
	rg_ref_free(&r);
	buf_free(&out);
	buf_free(&out2);
	buf_free(&tmp);
	diags_free(&d);
	return 0;
}
