/* test_rgesn_score.c: RGESN answer checks, scores (non applicable
 * excluded, non évalué counted), family and priority splits, differences
 * across versions, the quick self-diagnosis selection and first steps. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rgesn/rgesn.h"
#include "support.h"

/* A score equal to want within eps, printed when not. */
#define assert_double_equal(got, want, eps)                               \
	do {                                                              \
		double g_ = (got), w_ = (want);                           \
		if (fabs(g_ - w_) > (eps))                                \
			fail_msg("%s = %.17g, want %.17g", #got, g_, w_); \
	} while (0)

/* Three families; 1.1 prio faible, 1.2 reco moyen, 1.3 modere fort, 2.1
 * prio moyen, 2.2 prio faible, 2.3 reco faible, 3.1 prio fort, 3.2 modere
 * faible; no quick marks. Families listed 3, 1, 2 to check the sort. */
static const char small_json[] =
	"{\"format\": \"numeco-rgesn/1\", \"name\": \"T\", \"version\": \"1\","
	" \"families\": [{\"id\": 3, \"label\": \"C\"}, {\"id\": 1, \"label\": \"A\"},"
	" {\"id\": 2, \"label\": \"B\"}], \"criteria\": ["
	"{\"id\": \"1.1\", \"family\": 1, \"title\": \"a\", \"priority\": \"prioritaire\", "
	"\"difficulty\": \"faible\"},"
	"{\"id\": \"1.2\", \"family\": 1, \"title\": \"b\", \"priority\": \"recommande\", "
	"\"difficulty\": \"moyen\"},"
	"{\"id\": \"1.3\", \"family\": 1, \"title\": \"c\", \"priority\": \"modere\", "
	"\"difficulty\": \"fort\"},"
	"{\"id\": \"2.1\", \"family\": 2, \"title\": \"d\", \"priority\": \"prioritaire\", "
	"\"difficulty\": \"moyen\"},"
	"{\"id\": \"2.2\", \"family\": 2, \"title\": \"e\", \"priority\": \"prioritaire\", "
	"\"difficulty\": \"faible\"},"
	"{\"id\": \"2.3\", \"family\": 2, \"title\": \"f\", \"priority\": \"recommande\", "
	"\"difficulty\": \"faible\"},"
	"{\"id\": \"3.1\", \"family\": 3, \"title\": \"g\", \"priority\": \"prioritaire\", "
	"\"difficulty\": \"fort\"},"
	"{\"id\": \"3.2\", \"family\": 3, \"title\": \"h\", \"priority\": \"modere\", "
	"\"difficulty\": \"faible\"}]}";

static void parse_or_fail(const char *file, const char *data, size_t len, const char *name,
			  const char *version, struct rg_ref *r)
{
	struct diags d = DIAGS_INIT;
	if (rg_ref_parse(file, data, len, name, version, NULL, r, &d) != 0) {
		ts_dump_diags(&d);
		fail_msg("%s refused", file);
	}
	diags_free(&d);
}

static void small_ref(struct rg_ref *r)
{
	parse_or_fail("small.json", small_json, strlen(small_json), NULL, NULL, r);
}

static void data_ref(const char *name, const char *rname, const char *version, struct rg_ref *r)
{
	char path[128];
	size_t len;
	snprintf(path, sizeof path, "rgesn/%s", name);
	char *data = ts_read_data(path, &len);
	parse_or_fail(name, data, len, rname, version, r);
	free(data);
}

static void shipped_ref(struct rg_ref *r)
{
	const char *td = getenv("NUMECO_TEST_DATA");
	assert_non_null(td);
	char path[512];
	size_t len;
	snprintf(path, sizeof path, "%s/../../data/rgesn/rgesn-2024.json", td);
	char *data = ts_read_file(path, &len);
	assert_non_null(data);
	parse_or_fail("rgesn-2024.json", data, len, NULL, NULL, r);
	free(data);
}

static struct rg_item item(const char *crit, enum rg_answer a)
{
	struct rg_item it = { (char *)crit, a, NULL, NULL, NULL };
	return it;
}

static void assert_tally(const struct rg_tally *t, size_t total, size_t c, size_t nc, size_t na,
			 size_t ec, size_t ne)
{
	assert_int_equal(t->total, total);
	assert_int_equal(t->conforme, c);
	assert_int_equal(t->non_conforme, nc);
	assert_int_equal(t->non_applicable, na);
	assert_int_equal(t->en_cours, ec);
	assert_int_equal(t->non_evalue, ne);
	assert_int_equal(t->applicable, total - na);
	assert_int_equal(t->has_score, total - na > 0);
	if (t->has_score)
		assert_double_equal(t->score, 100.0 * (double)c / (double)(total - na), 1e-9);
	else
		assert_double_equal(t->score, 0, 0);
}

static void check_fails(const struct rg_item *it, const char *want)
{
	struct buf why = BUF_INIT;
	if (rg_item_check(it, &why) != -1 || strstr(why.ptr, want) == NULL)
		fail_msg("want « %s », got « %s »", want, why.ptr);
	buf_free(&why);
}

static void check_ok(const struct rg_item *it)
{
	struct buf why = BUF_INIT;
	if (rg_item_check(it, &why) != 0)
		fail_msg("refused: %s", why.ptr);
	assert_int_equal(why.len, 0);
	buf_free(&why);
}

static void test_item_check(void **state)
{
	(void)state;
	struct rg_item it = item("4.3", RG_ANS_CONFORME);
	check_ok(&it);
	it.answer = RG_ANS_NON_CONFORME;
	check_ok(&it);
	it.answer = RG_ANS_NON_EVALUE;
	check_ok(&it);
	it.answer = RG_ANS_NON_APPLICABLE;
	check_fails(&it, "une justification est obligatoire pour « non applicable »");
	it.justification = (char *)" \t\n";
	check_fails(&it, "justification est obligatoire");
	it.justification = (char *)"Le service ne diffuse aucune vidéo.";
	check_ok(&it);
	it.answer = RG_ANS_EN_COURS;
	check_fails(&it, "une date prévue (AAAA-MM-JJ) est obligatoire pour « en cours »");
	it.planned = (char *)"";
	check_fails(&it, "date prévue (AAAA-MM-JJ) est obligatoire");
	static const char *const bad[] = { "2025-13-01", "2025-02-29",	"01/02/2025", "2025-2-1",
					   "20250201",	 "2025-02-01 ", "demain" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char want[80];
		it.planned = (char *)bad[i];
		snprintf(want, sizeof want, "date prévue invalide « %s » (attendu : AAAA-MM-JJ)",
			 bad[i]);
		check_fails(&it, want);
	}
	it.planned = (char *)"2024-02-29";
	check_ok(&it);
	it.answer = RG_ANS_N;
	check_fails(&it, "réponse inconnue");
	it = item(NULL, RG_ANS_CONFORME);
	check_fails(&it, "critère manquant");
	it.criterion = (char *)"";
	check_fails(&it, "critère manquant");
}

/* The rules: non applicable excluded, non évalué counted as not
 * conforming and reported apart, en cours not conforming; splits. */
static void test_score_rules(void **state)
{
	(void)state;
	struct rg_ref r;
	small_ref(&r);
	assert_int_equal(r.families[0].num, 1); /* sorted */
	struct rg_item items[] = {
		item("1.1", RG_ANS_CONFORME),	    item("1.2", RG_ANS_NON_CONFORME),
		item("1.3", RG_ANS_NON_APPLICABLE), item("2.1", RG_ANS_EN_COURS),
		item("2.2", RG_ANS_CONFORME),	    item("3.1", RG_ANS_CONFORME),
		item("3.2", RG_ANS_NON_APPLICABLE), item("9.9", RG_ANS_CONFORME), /* ignored */
	};
	struct rg_score s;
	rg_score_compute(&r, items, sizeof items / sizeof items[0], &s);
	/* 2.3 has no item: non évalué. */
	assert_tally(&s.all, 8, 3, 1, 2, 1, 1);
	assert_double_equal(s.all.score, 50.0, 1e-9);
	assert_int_equal(s.nfamilies, 3);
	assert_tally(&s.by_family[0], 3, 1, 1, 1, 0, 0); /* A */
	assert_double_equal(s.by_family[0].score, 50.0, 1e-9);
	assert_tally(&s.by_family[1], 3, 1, 0, 0, 1, 1); /* B */
	assert_double_equal(s.by_family[1].score, 100.0 / 3, 1e-9);
	assert_tally(&s.by_family[2], 2, 1, 0, 1, 0, 0); /* C */
	assert_double_equal(s.by_family[2].score, 100.0, 1e-9);
	assert_tally(&s.by_priority[RG_PRIO_PRIORITAIRE], 4, 3, 0, 0, 1, 0);
	assert_double_equal(s.by_priority[RG_PRIO_PRIORITAIRE].score, 75.0, 1e-9);
	assert_tally(&s.by_priority[RG_PRIO_RECOMMANDE], 2, 0, 1, 0, 0, 1);
	assert_int_equal(s.by_priority[RG_PRIO_RECOMMANDE].has_score, 1);
	assert_tally(&s.by_priority[RG_PRIO_MODERE], 2, 0, 0, 2, 0, 0);
	assert_int_equal(s.by_priority[RG_PRIO_MODERE].has_score, 0);
	rg_score_free(&s);

	/* A criterion answered twice: the last answer counts. */
	struct rg_item twice[] = { item("1.1", RG_ANS_NON_CONFORME), item("1.1", RG_ANS_CONFORME) };
	rg_score_compute(&r, twice, 2, &s);
	assert_tally(&s.all, 8, 1, 0, 0, 0, 7);
	assert_double_equal(s.all.score, 12.5, 1e-9);
	rg_score_free(&s);
	rg_ref_free(&r);
}

static void test_score_empty_and_all_na(void **state)
{
	(void)state;
	struct rg_ref r;
	small_ref(&r);
	struct rg_score s;
	rg_score_compute(&r, NULL, 0, &s); /* nothing answered: 0 %, all non évalué */
	assert_tally(&s.all, 8, 0, 0, 0, 0, 8);
	assert_int_equal(s.all.has_score, 1);
	assert_double_equal(s.all.score, 0, 0);
	rg_score_free(&s);

	struct rg_item na[8];
	for (size_t i = 0; i < 8; i++)
		na[i] = item(r.criteria[i].id, RG_ANS_NON_APPLICABLE);
	rg_score_compute(&r, na, 8, &s);
	assert_tally(&s.all, 8, 0, 0, 8, 0, 0);
	assert_int_equal(s.all.has_score, 0);
	for (size_t f = 0; f < s.nfamilies; f++)
		assert_int_equal(s.by_family[f].has_score, 0);
	rg_score_free(&s);
	assert_null(s.by_family);

	/* An empty referential (built by hand): nothing to score. */
	struct rg_ref empty;
	memset(&empty, 0, sizeof empty);
	rg_score_compute(&empty, na, 8, &s);
	assert_int_equal(s.all.total, 0);
	assert_int_equal(s.all.has_score, 0);
	assert_int_equal(s.nfamilies, 0);
	assert_null(s.by_family);
	rg_score_free(&s);
	rg_ref_free(&r);
}

/* 2022 fixture (6 criteria, 4 shared with 2024) against the 2024 structure. */
static void test_diff_across_versions(void **state)
{
	(void)state;
	struct rg_ref old, cur;
	data_ref("rgesn-2022-mini.json", NULL, NULL, &old);
	shipped_ref(&cur);
	assert_string_equal(old.version, "2022");
	struct rg_item before[] = {
		item("1.1", RG_ANS_CONFORME),	  item("1.2", RG_ANS_NON_CONFORME),
		item("1.11", RG_ANS_CONFORME),	  item("4.1", RG_ANS_CONFORME),
		item("6.8", RG_ANS_NON_CONFORME), item("8.1", RG_ANS_NON_APPLICABLE),
	};
	struct rg_item after[] = {
		item("8.1", RG_ANS_CONFORME),
		item("1.1", RG_ANS_CONFORME),
		item("1.2", RG_ANS_CONFORME),
		item("4.1", RG_ANS_NON_CONFORME),
	};
	struct rg_diff d;
	rg_diff_compute(&old, before, 6, &cur, after, 4, &d);
	assert_int_equal(d.has_delta, 1);
	/* before: 3 conforming of 5 applicable = 60 %; after: 3 of 78. */
	assert_double_equal(d.delta, 300.0 / 78 - 60.0, 1e-9);
	assert_int_equal(d.only_before, 2); /* 1.11, 6.8 */
	assert_int_equal(d.only_after, 74);
	assert_int_equal(d.nchanges, 3); /* in the new version's order */
	assert_string_equal(d.changes[0].criterion, "1.2");
	assert_int_equal(d.changes[0].before, RG_ANS_NON_CONFORME);
	assert_int_equal(d.changes[0].after, RG_ANS_CONFORME);
	assert_string_equal(d.changes[1].criterion, "4.1");
	assert_int_equal(d.changes[1].before, RG_ANS_CONFORME);
	assert_int_equal(d.changes[1].after, RG_ANS_NON_CONFORME);
	assert_string_equal(d.changes[2].criterion, "8.1");
	assert_int_equal(d.changes[2].before, RG_ANS_NON_APPLICABLE);
	assert_int_equal(d.changes[2].after, RG_ANS_CONFORME);
	rg_diff_free(&d);
	assert_null(d.changes);

	/* No score before (all non applicable): no delta, changes still listed. */
	struct rg_item all_na[6];
	for (size_t i = 0; i < 6; i++)
		all_na[i] = item(old.criteria[i].id, RG_ANS_NON_APPLICABLE);
	rg_diff_compute(&old, all_na, 6, &cur, after, 4, &d);
	assert_int_equal(d.has_delta, 0);
	assert_int_equal(d.nchanges, 4); /* 1.1, 1.2, 4.1, 8.1 */
	rg_diff_free(&d);

	/* Same version, same answers: nothing changed, delta 0. */
	rg_diff_compute(&cur, after, 4, &cur, after, 4, &d);
	assert_int_equal(d.has_delta, 1);
	assert_double_equal(d.delta, 0, 0);
	assert_int_equal(d.nchanges, 0);
	assert_int_equal(d.only_before, 0);
	assert_int_equal(d.only_after, 0);
	rg_diff_free(&d);
	rg_ref_free(&old);
	rg_ref_free(&cur);
}

static void test_quick_shipped(void **state)
{
	(void)state;
	struct rg_ref r;
	shipped_ref(&r);
	size_t *idx = NULL;
	size_t n = rg_quick_criteria(&r, &idx);
	assert_int_equal(n, 20);
	static const char *const want[20] = { "1.2", "1.4", "1.9", "2.1", "2.2",  "2.4", "2.5",
					      "2.7", "3.4", "4.1", "4.2", "4.13", "5.3", "5.4",
					      "7.4", "8.1", "8.2", "8.3", "9.1",  "9.7" };
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(r.criteria[idx[i]].id, want[i]);
		assert_int_equal(r.criteria[idx[i]].priority, RG_PRIO_PRIORITAIRE);
	}
	free(idx);
	rg_ref_free(&r);
}

/* Without quick marks: up to 20 prioritaire criteria, every family with
 * one is asked about, in the referential's order. */
static void test_quick_fallback(void **state)
{
	(void)state;
	struct rg_ref r;
	size_t *idx = NULL, n;
	data_ref("rgesn-2024-criteria.json", "RGESN", "2024", &r);
	n = rg_quick_criteria(&r, &idx);
	assert_int_equal(n, 20);
	size_t per_fam[10] = { 0 };
	for (size_t i = 0; i < n; i++) {
		const struct rg_criterion *c = &r.criteria[idx[i]];
		assert_int_equal(c->priority, RG_PRIO_PRIORITAIRE);
		per_fam[c->family]++;
		if (i)
			assert_true(idx[i - 1] < idx[i]);
	}
	for (int f = 1; f <= 9; f++)
		assert_true(f == 6 ? per_fam[f] == 0 : per_fam[f] >= 1); /* 6 has none */
	/* Family 7 has one prioritaire criterion (7.4), family 3 two. */
	assert_int_equal(per_fam[7], 1);
	assert_int_equal(per_fam[3], 2);
	free(idx);
	rg_ref_free(&r);

	/* Fewer than 20 prioritaire: all of them; the easiest first is not
	 * visible here, the order is the referential's. */
	small_ref(&r);
	n = rg_quick_criteria(&r, &idx);
	assert_int_equal(n, 4);
	assert_string_equal(r.criteria[idx[0]].id, "1.1");
	assert_string_equal(r.criteria[idx[1]].id, "2.1");
	assert_string_equal(r.criteria[idx[2]].id, "2.2");
	assert_string_equal(r.criteria[idx[3]].id, "3.1");
	free(idx);
	rg_ref_free(&r);

	/* No prioritaire at all: nothing. */
	const char *none = "{\"format\": \"numeco-rgesn/1\", \"name\": \"T\", \"version\": \"1\","
			   " \"families\": [{\"id\": 1, \"label\": \"A\"}], \"criteria\": [{\"id\":"
			   " \"1.1\", \"family\": 1, \"title\": \"a\", \"priority\": \"modere\","
			   " \"difficulty\": \"faible\"}]}";
	parse_or_fail("none.json", none, strlen(none), NULL, NULL, &r);
	idx = (size_t *)&n; /* must be reset */
	assert_int_equal(rg_quick_criteria(&r, &idx), 0);
	assert_null(idx);
	rg_ref_free(&r);
}

/* With more prioritaire criteria per family than rounds allow, the
 * easiest of each family are taken first. */
static void test_quick_fallback_easiest(void **state)
{
	(void)state;
	struct buf j = BUF_INIT;
	buf_adds(&j, "{\"format\": \"numeco-rgesn/1\", \"name\": \"T\", \"version\": \"1\", "
		     "\"families\": [{\"id\": 1, \"label\": \"A\"}], \"criteria\": [");
	/* 1.1..1.24: fort, moyen, faible in turn. */
	static const char *const diff[3] = { "fort", "moyen", "faible" };
	for (int i = 1; i <= 24; i++)
		buf_addf(&j,
			 "%s{\"id\": \"1.%d\", \"family\": 1, \"title\": \"t%d\", \"priority\": "
			 "\"prioritaire\", \"difficulty\": \"%s\"}",
			 i > 1 ? "," : "", i, i, diff[(i - 1) % 3]);
	buf_adds(&j, "]}");
	struct rg_ref r;
	parse_or_fail("many.json", j.ptr, j.len, NULL, NULL, &r);
	size_t *idx;
	size_t n = rg_quick_criteria(&r, &idx);
	assert_int_equal(n, 20);
	size_t fort = 0;
	for (size_t i = 0; i < n; i++)
		fort += r.criteria[idx[i]].difficulty == RG_DIFF_FORT;
	assert_int_equal(fort, 4); /* 8 faible + 8 moyen + 4 of the 8 fort */
	free(idx);
	rg_ref_free(&r);
	buf_free(&j);
}

static void assert_steps(const struct rg_ref *r, const size_t *idx, size_t n, const char *want)
{
	struct buf got = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		buf_addf(&got, "%s%s", i ? " " : "", r->criteria[idx[i]].id);
	assert_string_equal(got.ptr, want);
	buf_free(&got);
}

static void test_first_steps(void **state)
{
	(void)state;
	struct rg_ref r;
	small_ref(&r);
	size_t *idx, n;
	/* Nothing answered: priority, then difficulty, then id. */
	n = rg_first_steps(&r, NULL, 0, 100, &idx);
	assert_steps(&r, idx, n, "1.1 2.2 2.1 3.1 2.3 1.2 3.2 1.3");
	free(idx);
	n = rg_first_steps(&r, NULL, 0, 3, &idx);
	assert_steps(&r, idx, n, "1.1 2.2 2.1");
	free(idx);
	/* Conforme, non applicable and en cours are not first steps. */
	struct rg_item items[] = {
		item("1.1", RG_ANS_CONFORME),	    item("1.2", RG_ANS_NON_CONFORME),
		item("1.3", RG_ANS_NON_APPLICABLE), item("2.1", RG_ANS_EN_COURS),
		item("2.2", RG_ANS_CONFORME),	    item("3.1", RG_ANS_NON_CONFORME),
		item("3.2", RG_ANS_CONFORME),
	};
	n = rg_first_steps(&r, items, sizeof items / sizeof items[0], 10, &idx);
	assert_steps(&r, idx, n, "3.1 2.3 1.2");
	free(idx);
	/* All conforming, or max 0: none, idx NULL. */
	struct rg_item all[8];
	for (size_t i = 0; i < 8; i++)
		all[i] = item(r.criteria[i].id, RG_ANS_CONFORME);
	assert_int_equal(rg_first_steps(&r, all, 8, 10, &idx), 0);
	assert_null(idx);
	assert_int_equal(rg_first_steps(&r, NULL, 0, 0, &idx), 0);
	assert_null(idx);
	rg_ref_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_item_check),
		cmocka_unit_test(test_score_rules),
		cmocka_unit_test(test_score_empty_and_all_na),
		cmocka_unit_test(test_diff_across_versions),
		cmocka_unit_test(test_quick_shipped),
		cmocka_unit_test(test_quick_fallback),
		cmocka_unit_test(test_quick_fallback_easiest),
		cmocka_unit_test(test_first_steps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
