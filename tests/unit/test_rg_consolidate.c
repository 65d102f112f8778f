/* test_rg_consolidate.c: consolidation of services' latest assessments per
 * ministry and nationally — services without assessment, averages, the
 * score buckets at their boundaries, the most failed criteria (order,
 * once per service, across versions) — and its rendering. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rgesn/rg_report.h"
#include "support.h"

/* A referential of one family whose criteria have the given ids (family
 * and number read from the id) and titles "PREFIX id". */
static void ref_ids(struct rg_ref *r, const char *version, const char *prefix,
		    const char *const *ids, size_t n)
{
	memset(r, 0, sizeof(*r));
	r->name = strdup("RGESN");
	r->version = strdup(version);
	r->title = strdup("");
	r->source = strdup("");
	r->licence = strdup("");
	r->url = strdup("");
	r->criteria = calloc(n, sizeof(*r->criteria));
	r->ncriteria = n;
	int last = -1;
	r->families = calloc(n, sizeof(*r->families));
	for (size_t i = 0; i < n; i++) {
		struct rg_criterion *c = &r->criteria[i];
		char t[64];
		c->id = strdup(ids[i]);
		assert_int_equal(sscanf(ids[i], "%d.%d", &c->family, &c->num), 2);
		snprintf(t, sizeof(t), "%s %s", prefix, ids[i]);
		c->title = strdup(t);
		c->objective = strdup("");
		c->implementation = strdup("");
		c->test = strdup("");
		c->applies = strdup("");
		c->url = strdup("");
		c->priority = RG_PRIO_PRIORITAIRE;
		if (c->family != last) {
			snprintf(t, sizeof(t), "Famille %d", c->family);
			r->families[r->nfamilies].num = c->family;
			r->families[r->nfamilies++].label = strdup(t);
			last = c->family;
		}
	}
}

/* A referential of n criteria "1.1" … "1.n". */
static void ref_n(struct rg_ref *r, size_t n)
{
	char **ids = calloc(n, sizeof(*ids));
	for (size_t i = 0; i < n; i++) {
		char b[32];
		snprintf(b, sizeof(b), "1.%zu", i + 1);
		ids[i] = strdup(b);
	}
	ref_ids(r, "2024", "Critère", (const char *const *)ids, n);
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

/* Answers to r: the first `conforme` criteria conforme, the next `na` non
 * applicable, the rest non conforme. */
static struct rg_item *answers(const struct rg_ref *r, size_t conforme, size_t na)
{
	struct rg_item *it = calloc(r->ncriteria, sizeof(*it));
	for (size_t i = 0; i < r->ncriteria; i++) {
		it[i].criterion = r->criteria[i].id;
		it[i].answer = i < conforme	   ? RG_ANS_CONFORME
			       : i < conforme + na ? RG_ANS_NON_APPLICABLE
						   : RG_ANS_NON_CONFORME;
		it[i].justification = (char *)"";
		it[i].planned = (char *)"";
		it[i].note = (char *)"";
	}
	return it;
}

static struct rg_cons_in svc(const char *code, const char *name, const struct rg_ref *r,
			     struct rg_item *items, size_t n)
{
	struct rg_cons_in in;
	memset(&in, 0, sizeof(in));
	in.ministry_code = code;
	in.ministry_name = name;
	in.ref = r;
	in.items = items;
	in.nitems = n;
	in.assessed = r != NULL;
	return in;
}

static const struct rg_cons_group *group(const struct rg_cons *c, const char *code)
{
	for (size_t i = 0; i < c->ngroups; i++)
		if (strcmp(c->groups[i].code, code) == 0)
			return &c->groups[i];
	fail_msg("no group %s", code);
	return NULL;
}

/* Services without assessment count as registered, not assessed; the
 * average is over the assessed services; groups come sorted by code, named
 * by the first non-empty name. */
static void test_groups_and_averages(void **state)
{
	(void)state;
	struct rg_ref r;
	ref_n(&r, 10);
	struct rg_item *a40 = answers(&r, 4, 0), *a60 = answers(&r, 6, 0), *a90 = answers(&r, 9, 0);
	struct rg_cons_in in[] = {
		svc("MIN-B", "", NULL, NULL, 0),	  svc("MIN-A", "", &r, a40, 10),
		svc("MIN-B", "Ministère B", &r, a90, 10), svc("MIN-A", "Ministère A", &r, a60, 10),
		svc("MIN-C", "", NULL, NULL, 0),	  svc("MIN-A", "Autre nom", NULL, NULL, 0),
	};
	struct rg_cons c;
	rg_consolidate(in, 6, 10, &c);
	assert_int_equal(c.ngroups, 3);
	assert_string_equal(c.groups[0].code, "MIN-A");
	assert_string_equal(c.groups[1].code, "MIN-B");
	assert_string_equal(c.groups[2].code, "MIN-C");
	const struct rg_cons_group *a = group(&c, "MIN-A");
	assert_string_equal(a->name, "Ministère A");
	assert_int_equal(a->services, 3);
	assert_int_equal(a->assessed, 2);
	assert_true(a->has_average);
	assert_true(a->average > 49.999 && a->average < 50.001);
	const struct rg_cons_group *b = group(&c, "MIN-B");
	assert_string_equal(b->name, "Ministère B");
	assert_int_equal(b->services, 2);
	assert_int_equal(b->assessed, 1);
	assert_true(b->average > 89.999 && b->average < 90.001);
	const struct rg_cons_group *m = group(&c, "MIN-C");
	assert_string_equal(m->name, "MIN-C"); /* no name: its code */
	assert_int_equal(m->services, 1);
	assert_int_equal(m->assessed, 0);
	assert_false(m->has_average);
	assert_int_equal(m->dist[0] + m->dist[1] + m->dist[2] + m->dist[3], 0);
	/* National: the mean of the services, not of the ministries' means
	 * ((40 + 60 + 90) / 3 = 63.33, not (50 + 90) / 2 = 70). */
	assert_string_equal(c.national.code, "");
	assert_int_equal(c.national.services, 6);
	assert_int_equal(c.national.assessed, 3);
	assert_true(c.national.has_average);
	assert_true(c.national.average > 63.33 && c.national.average < 63.34);
	assert_int_equal(c.national.dist[1], 1);
	assert_int_equal(c.national.dist[2], 1);
	assert_int_equal(c.national.dist[3], 1);
	rg_cons_free(&c);
	free(a40);
	free(a60);
	free(a90);
	rg_ref_free(&r);
}

/* Buckets [0,25) [25,50) [50,75) [75,100]: each boundary opens the next
 * bucket, 100 is in the last; non applicable criteria are out of the
 * denominator (7 of 28 applicable is 25 %). An assessed service without
 * any applicable criterion is assessed, with no score. */
static void test_distribution_boundaries(void **state)
{
	(void)state;
	struct rg_ref r;
	ref_n(&r, 100);
	static const struct {
		size_t conforme, na;
		int bucket;
	} cases[] = {
		{ 0, 0, 0 },  { 24, 0, 0 },  { 25, 0, 1 },   { 7, 72, 1 },
		{ 49, 0, 1 }, { 50, 0, 2 },  { 74, 0, 2 },   { 75, 0, 3 },
		{ 99, 0, 3 }, { 100, 0, 3 }, { 0, 100, -1 },
	};
	size_t n = sizeof(cases) / sizeof(cases[0]);
	struct rg_cons_in in[sizeof(cases) / sizeof(cases[0])];
	struct rg_item *its[sizeof(cases) / sizeof(cases[0])];
	size_t want[RG_DIST_N] = { 0 };
	for (size_t i = 0; i < n; i++) {
		its[i] = answers(&r, cases[i].conforme, cases[i].na);
		in[i] = svc("MIN-A", "A", &r, its[i], 100);
		if (cases[i].bucket >= 0)
			want[cases[i].bucket]++;
	}
	/* Each case alone lands in its bucket. */
	for (size_t i = 0; i < n; i++) {
		struct rg_cons c;
		rg_consolidate(&in[i], 1, 0, &c);
		for (int b = 0; b < RG_DIST_N; b++)
			if (c.national.dist[b] != (b == cases[i].bucket))
				fail_msg("case %zu/%zu: bucket %d has %zu", cases[i].conforme,
					 cases[i].na, b, c.national.dist[b]);
		assert_int_equal(c.national.assessed, 1);
		assert_int_equal(c.national.has_average, cases[i].bucket >= 0);
		rg_cons_free(&c);
	}
	struct rg_cons c;
	rg_consolidate(in, n, 0, &c);
	for (int b = 0; b < RG_DIST_N; b++)
		assert_int_equal(c.national.dist[b], want[b]);
	assert_int_equal(want[0] + want[1] + want[2] + want[3], n - 1);
	assert_int_equal(c.groups[0].assessed, n);
	assert_int_equal(c.nfailed, 0); /* top 0 */
	rg_cons_free(&c);
	for (size_t i = 0; i < n; i++)
		free(its[i]);
	rg_ref_free(&r);
}

static struct rg_item item(const char *id, enum rg_answer a)
{
	struct rg_item it;
	memset(&it, 0, sizeof(it));
	it.criterion = (char *)id;
	it.answer = a;
	it.justification = (char *)"";
	it.planned = (char *)"";
	it.note = (char *)"";
	return it;
}

/* Most failed criteria: by number of services answering non conforme (not
 * en cours nor non évalué), then by id with numbers as numbers; once per
 * service; criteria compared by id across versions, titled from the first
 * service's referential that has them; answers to criteria outside the
 * service's referential are left out; `top` keeps the first ones. */
static void test_top_failed(void **state)
{
	(void)state;
	static const char *const ids24[] = { "2.1", "4.3", "4.10", "9.1", "10.1" };
	static const char *const ids22[] = { "2.1", "4.3", "4.10", "7.7" };
	struct rg_ref r24, r22;
	ref_ids(&r24, "2024", "V2024", ids24, 5);
	ref_ids(&r22, "2022", "V2022", ids22, 4);
	const enum rg_answer NC = RG_ANS_NON_CONFORME;
	/* s1 (2022): 4.10, 4.3, 7.7 (only in 2022), 2.1 en cours. */
	struct rg_item s1[] = { item("4.10", NC), item("4.3", NC), item("7.7", NC),
				item("2.1", RG_ANS_EN_COURS) };
	/* s2 (2024): 10.1, 9.1, 4.10, 4.3, and 4.3 twice; 7.7 is not a
	 * 2024 criterion. */
	struct rg_item s2[] = { item("10.1", NC),
				item("9.1", NC),
				item("4.10", NC),
				item("4.3", NC),
				item("4.3", NC),
				item("7.7", NC),
				item("2.1", RG_ANS_NON_EVALUE) };
	/* s3 (2024): 10.1, 9.1. s4: not assessed (its answers do not count). */
	struct rg_item s3[] = { item("10.1", NC), item("9.1", NC), item("2.1", RG_ANS_CONFORME) };
	struct rg_cons_in in[] = {
		svc("MIN-B", "B", &r22, s1, 4),
		svc("MIN-A", "A", &r24, s2, 7),
		svc("MIN-A", "A", &r24, s3, 3),
		svc("MIN-C", "C", &r24, s3, 3),
	};
	in[3].assessed = 0;
	struct rg_cons c;
	rg_consolidate(in, 4, 10, &c);
	/* 4.3: s1 s2 (2); 4.10: s1 s2 (2); 9.1: s2 s3 (2); 10.1: s2 s3 (2);
	 * 7.7: s1 (1). Ties by id: 4.3 < 4.10 < 9.1 < 10.1. */
	static const struct {
		const char *id, *title;
		size_t count;
	} want[] = {
		{ "4.3", "V2022 4.3", 2 },   { "4.10", "V2022 4.10", 2 }, { "9.1", "V2024 9.1", 2 },
		{ "10.1", "V2024 10.1", 2 }, { "7.7", "V2022 7.7", 1 },
	};
	assert_int_equal(c.nfailed, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(c.failed[i].criterion, want[i].id);
		assert_string_equal(c.failed[i].title, want[i].title);
		assert_int_equal(c.failed[i].count, want[i].count);
	}
	assert_int_equal(c.national.services, 4);
	assert_int_equal(c.national.assessed, 3);
	rg_cons_free(&c);
	/* The 2024 service first: its titles. Top 3 keeps the first three. */
	struct rg_cons_in swapped[] = { in[1], in[0], in[2] };
	rg_consolidate(swapped, 3, 3, &c);
	assert_int_equal(c.nfailed, 3);
	assert_string_equal(c.failed[0].title, "V2024 4.3");
	assert_string_equal(c.failed[1].title, "V2024 4.10");
	assert_string_equal(c.failed[2].criterion, "9.1");
	rg_cons_free(&c);
	rg_ref_free(&r24);
	rg_ref_free(&r22);
}

/* Scores of each version against its own referential: 1 of 2 (2022) and
 * 3 of 4 (2024) average to 62.5; the same criterion id failed in both
 * versions counts twice. */
static void test_mixed_versions(void **state)
{
	(void)state;
	static const char *const ids24[] = { "1.1", "1.2", "1.3", "1.4" };
	static const char *const ids22[] = { "1.1", "1.2" };
	struct rg_ref r24, r22;
	ref_ids(&r24, "2024", "V2024", ids24, 4);
	ref_ids(&r22, "2022", "V2022", ids22, 2);
	struct rg_item *a24 = answers(&r24, 3, 0), *a22 = answers(&r22, 1, 0);
	/* 1.2 non conforme in both versions, 1.4 conforme: still 3 of 4. */
	a24[1].answer = RG_ANS_NON_CONFORME;
	a24[3].answer = RG_ANS_CONFORME;
	struct rg_cons_in in[] = { svc("M", "M", &r22, a22, 2), svc("M", "M", &r24, a24, 4) };
	struct rg_cons c;
	rg_consolidate(in, 2, 10, &c);
	assert_true(c.national.average > 62.499 && c.national.average < 62.501);
	assert_int_equal(c.national.dist[2], 1);
	assert_int_equal(c.national.dist[3], 1);
	assert_int_equal(c.nfailed, 1);
	assert_string_equal(c.failed[0].criterion, "1.2");
	assert_string_equal(c.failed[0].title, "V2022 1.2"); /* first service's */
	assert_int_equal(c.failed[0].count, 2);
	rg_cons_free(&c);
	free(a24);
	free(a22);
	rg_ref_free(&r24);
	rg_ref_free(&r22);
}

static char *render(const struct rg_cons *c, enum rg_format fmt, const struct rg_cons_opts *o)
{
	struct buf out = BUF_INIT;
	rg_cons_render_opts(c, fmt, o, &out);
	return buf_detach(&out);
}

static void test_empty(void **state)
{
	(void)state;
	struct rg_cons c;
	rg_consolidate(NULL, 0, 10, &c);
	assert_int_equal(c.ngroups, 0);
	assert_int_equal(c.national.services, 0);
	assert_false(c.national.has_average);
	assert_int_equal(c.nfailed, 0);
	char *s = render(&c, RG_FMT_MD, NULL);
	assert_string_equal(s, "\n## Écoconception des services (RGESN)\n\nServices numériques "
			       "enregistrés et score de leur dernière évaluation complète selon "
			       "le RGESN : part des critères conformes parmi les critères "
			       "applicables. La répartition compte les services évalués par "
			       "tranche de score.\n\nAucun service numérique n'est enregistré.\n");
	free(s);
	s = render(&c, RG_FMT_HTML, NULL);
	assert_null(strstr(s, "<table"));
	assert_non_null(strstr(s, "<p>Aucun service numérique n&#39;est enregistré.</p>"));
	free(s);
	s = render(&c, RG_FMT_JSON, NULL);
	assert_non_null(strstr(s, "\"average\": null"));
	free(s);
	rg_cons_free(&c);
}

static void test_render(void **state)
{
	(void)state;
	struct rg_ref r;
	ref_n(&r, 4);
	r.criteria[0].title = (free(r.criteria[0].title), strdup("Titre <b>gras</b> | & co"));
	struct rg_item *a25 = answers(&r, 1, 0), *a100 = answers(&r, 4, 0);
	struct rg_cons_in in[] = {
		svc("MIN-A", "Ministère <A> & co", &r, a25, 4),
		svc("MIN-B", "Ministère B", &r, a100, 4),
		svc("MIN-B", "Ministère B", NULL, NULL, 0),
	};
	/* The first service: 1.2 conforme (25 %), 1.1, 1.3 and 1.4 non
	 * conformes; top 2: 1.1 and 1.3. */
	a25[0].answer = RG_ANS_NON_CONFORME;
	a25[1].answer = RG_ANS_CONFORME;
	static const char *const wc[] = { "MIN-C", "MIN-D" };
	static const char *const wn[] = { "Ministère C", "Ministère D" };
	struct rg_cons_opts o = { wc, wn, 2, 0 };
	struct rg_cons c;
	rg_consolidate(in, 3, 2, &c);
	char *s = render(&c, RG_FMT_MD, &o);
	assert_non_null(strstr(s, "\n3 services enregistrés, dont 2 évalués ; score moyen des "
				  "services évalués : 62,5\xc2\xa0%.\n"));
	assert_non_null(strstr(s, "| Ministère \\<A\\> \\& co | 1 | 1 | 25,0\xc2\xa0% | 0 | 1 | 0 "
				  "| 0 |\n"));
	assert_non_null(strstr(s, "| Ministère B | 2 | 1 | 100,0\xc2\xa0% | 0 | 0 | 0 | 1 |\n"));
	assert_non_null(strstr(s, "| **Ensemble** | **3** | **2** | **62,5\xc2\xa0%** | **0** | "
				  "**1** | **0** | **1** |\n"));
	assert_non_null(strstr(s, "\nMinistères sans service enregistré : Ministère C, "
				  "Ministère D.\n"));
	assert_non_null(strstr(s, "| 1 | 1.1 | Titre \\<b\\>gras\\</b\\> \\| \\& co | 1 |\n"
				  "| 2 | 1.3 | Critère 1.3 | 1 |\n"));
	free(s);
	s = render(&c, RG_FMT_HTML, &o);
	assert_true(strncmp(s, "<section aria-labelledby=\"h-rgesn\"><h2 id=\"h-rgesn\">", 50) ==
		    0);
	assert_non_null(strstr(s, "<th scope=\"row\">Ministère &lt;A&gt; &amp; co</th>"));
	assert_non_null(strstr(s, "<td>Titre &lt;b&gt;gras&lt;/b&gt; | &amp; co</td>"));
	assert_int_equal(strstr(s, "<tfoot>") != NULL, 1);
	assert_int_equal(strlen(s) > 9 && strcmp(s + strlen(s) - 10, "</section>") == 0, 1);
	free(s);
	/* Compact: sentences, one list item per ministry and criterion. */
	o.compact = 1;
	s = render(&c, RG_FMT_HTML, &o);
	assert_null(strstr(s, "<table"));
	assert_non_null(strstr(s, " Services évalués par tranche de score : moins de 25\xc2\xa0% : "
				  "0 ; de 25 à moins de 50\xc2\xa0% : 1 ; de 50 à moins de "
				  "75\xc2\xa0% : 0 ; 75\xc2\xa0% et plus : 1.</p>"));
	assert_non_null(strstr(s,
			       "<ul><li>Ministère &lt;A&gt; &amp; co : 1 service enregistré, "
			       "dont 1 évalué, score moyen 25,0\xc2\xa0% (moins de 25\xc2\xa0% "
			       ": 0 ; de 25 à moins de 50\xc2\xa0% : 1 ; de 50 à moins de "
			       "75\xc2\xa0% : 0 ; 75\xc2\xa0% et plus : 0).</li><li>Ministère B : "
			       "2 services enregistrés, dont 1 évalué, score moyen "
			       "100,0\xc2\xa0% (moins"));
	assert_non_null(strstr(s, "<p>Ministères sans service enregistré : Ministère C, "
				  "Ministère D.</p>"));
	assert_non_null(strstr(s, "<ol><li>1.1 — Titre &lt;b&gt;gras&lt;/b&gt; | &amp; co : 1 "
				  "service non conforme</li><li>1.3 — Critère 1.3 : 1 service non "
				  "conforme</li></ol></section>"));
	free(s);
	s = render(&c, RG_FMT_JSON, &o);
	json_error_t e;
	json_t *j = json_loads(s, 0, &e);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "services")), 3);
	assert_int_equal(json_integer_value(json_object_get(j, "assessed")), 2);
	assert_true(json_real_value(json_object_get(j, "average")) == 62.5);
	json_t *d = json_object_get(j, "distribution");
	assert_int_equal(json_array_size(d), 4);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(d, 1), "from")), 25);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(d, 1), "services")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(d, 3), "services")), 1);
	json_t *mins = json_object_get(j, "ministries");
	assert_int_equal(json_array_size(mins), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(mins, 0), "name")),
			    "Ministère <A> & co");
	json_t *w = json_object_get(j, "ministries_without_services");
	assert_string_equal(json_string_value(json_array_get(w, 1)), "MIN-D");
	json_t *f = json_object_get(j, "most_failed");
	assert_int_equal(json_array_size(f), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(f, 1), "criterion")),
			    "1.3");
	json_decref(j);
	free(s);
	rg_cons_free(&c);
	/* One ministry: no total line; nobody assessed: no criteria list. */
	struct rg_cons_in one[] = { svc("MIN-B", "Ministère B", NULL, NULL, 0) };
	rg_consolidate(one, 1, 10, &c);
	s = render(&c, RG_FMT_MD, NULL);
	assert_null(strstr(s, "Ensemble"));
	assert_null(strstr(s, "non conformes"));
	assert_non_null(strstr(s, "\n1 service enregistré, sans évaluation complète.\n"));
	free(s);
	rg_cons_free(&c);
	free(a25);
	free(a100);
	rg_ref_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups_and_averages),
		cmocka_unit_test(test_distribution_boundaries),
		cmocka_unit_test(test_top_failed),
		cmocka_unit_test(test_mixed_versions),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_render),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
