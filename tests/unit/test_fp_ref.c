/* test_fp_ref.c: unit tests of the in-memory footprint referential (fp_ref.c, fp_hash.c, fp.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "footprint/fp.h"
#include "footprint/fp_hash.h"
#include "footprint/fp_ref.h"
#include "footprint/fp_ref_int.h"

static void test_phases(void **state)
{
	(void)state;
	static const char *const codes[] = { "FABRICATION", "DISTRIBUTION", "UTILISATION",
					     "FIN_DE_VIE" };
	static const char *const labels[] = { "Fabrication", "Distribution", "Utilisation",
					      "Fin de vie" };
	static const char *const g4it[] = { "MANUFACTURING", "TRANSPORTATION", "USING",
					    "END_OF_LIFE" };
	static const char *const loose[] = { "fabrication", " Transportation ", "using",
					     "End of Life" };
	for (int p = 0; p < FP_PHASE_COUNT; p++) {
		enum fp_phase got = FP_PHASE_COUNT;
		assert_string_equal(fp_phase_code((enum fp_phase)p), codes[p]);
		assert_string_equal(fp_phase_label((enum fp_phase)p), labels[p]);
		assert_int_equal(fp_phase_parse(codes[p], &got), 0);
		assert_int_equal(got, p);
		got = FP_PHASE_COUNT;
		assert_int_equal(fp_phase_parse(g4it[p], &got), 0);
		assert_int_equal(got, p);
		got = FP_PHASE_COUNT;
		assert_int_equal(fp_phase_parse(loose[p], &got), 0);
		assert_int_equal(got, p);
		got = FP_PHASE_COUNT;
		assert_int_equal(fp_phase_parse(labels[p], &got), 0);
		assert_int_equal(got, p);
	}
	enum fp_phase p = FP_UTILISATION;
	assert_int_equal(fp_phase_parse("", &p), -1);
	assert_int_equal(fp_phase_parse("FABRICATIONS", &p), -1);
	assert_int_equal(fp_phase_parse("USE", &p), -1);
	assert_int_equal(fp_phase_parse(NULL, &p), -1);
	assert_int_equal(p, FP_UTILISATION); /* untouched on failure */
	assert_string_equal(fp_phase_code(FP_PHASE_COUNT), "");
	assert_string_equal(fp_phase_label(FP_PHASE_COUNT), "");
}

static void test_name_version(void **state)
{
	(void)state;
	struct fp_ref *r = fp_ref_new("NegaOctet", "2024.1");
	assert_string_equal(fp_ref_name(r), "NegaOctet");
	assert_string_equal(fp_ref_version(r), "2024.1");
	assert_int_equal(fp_ref_ncrit(r), 0);
	assert_int_equal(fp_ref_nitems(r), 0);
	assert_null(fp_ref_item(r, "x"));
	assert_null(fp_ref_mix(r, "France"));
	assert_null(fp_ref_type(r, "Server"));
	assert_null(fp_ref_match(r, "m"));
	assert_int_equal(fp_ref_hyp(r, "PUEParDefaut", NULL), 0);
	fp_ref_free(r);
	r = fp_ref_new(NULL, NULL);
	assert_string_equal(fp_ref_name(r), "");
	fp_ref_free(r);
	fp_ref_free(NULL);
}

static void test_criteria(void **state)
{
	(void)state;
	struct fp_ref *r = fp_ref_new("t", "1");
	assert_int_equal(fp_ref_add_crit(r, "CLIMATE_CHANGE", "Climate change", "kg CO2 eq"), 0);
	assert_int_equal(fp_ref_add_crit(r, "RESOURCE_USE", "Resource use (minerals and metals)",
					 "kg Sb eq"),
			 1);
	/* Found by code or label, case, punctuation, spaces and underscores ignored. */
	static const char *const cc[] = { "CLIMATE_CHANGE", "Climate change", "climate-change",
					  "CLIMATECHANGE", " Climate  Change " };
	for (size_t i = 0; i < sizeof(cc) / sizeof(cc[0]); i++)
		assert_int_equal(fp_ref_find_crit(r, cc[i]), 0);
	assert_int_equal(fp_ref_find_crit(r, "Resource use minerals and metals"), 1);
	assert_int_equal(fp_ref_find_crit(r, "resource_use"), 1);
	assert_int_equal(fp_ref_find_crit(r, "Resource use, fossils"), -1);
	assert_int_equal(fp_ref_find_crit(r, ""), -1);
	assert_int_equal(fp_ref_find_crit(r, "--"), -1);
	assert_int_equal(fp_ref_find_crit(r, NULL), -1);
	/* Adding an existing code or label gives its index, changes nothing. */
	assert_int_equal(fp_ref_add_crit(r, "climate change", "Autre", "t"), 0);
	assert_int_equal(fp_ref_add_crit(r, NULL, "Climate Change", NULL), 0);
	assert_string_equal(fp_ref_crit(r, 0)->unit, "kg CO2 eq");
	assert_int_equal(fp_ref_ncrit(r), 2);
	assert_null(fp_ref_crit(r, 2));
	assert_int_equal(fp_ref_add_crit(r, NULL, NULL, "u"), -1);
	assert_int_equal(fp_ref_add_crit(r, "", " ", "u"), -1);
	fp_ref_free(r);
}

/* Codes derived from labels: G4IT's for the five it names, else the label's words. */
static void test_criteria_codes(void **state)
{
	(void)state;
	struct fp_ref *r = fp_ref_new("t", "1");
	static const struct {
		const char *label, *code, *unit;
	} want[] = {
		{ "Climate change", "CLIMATE_CHANGE", "kg CO2 eq" },
		{ "Particulate matter and respiratory inorganics", "PARTICULATE_MATTER",
		  "Disease incidence" },
		{ "Ionising radiation", "IONISING_RADIATION", "kBq U-235 eq" },
		{ "Acidification", "ACIDIFICATION", "mol H+ eq" },
		{ "Resource use (minerals and metals)", "RESOURCE_USE", "kg Sb eq" },
		{ "Resource use, fossils", "RESOURCE_USE_FOSSILS", "" },
		{ "Eutrophication, terrestrial", "EUTROPHICATION_TERRESTRIAL", "" },
		{ "Photochemical ozone formation", "PHOTOCHEMICAL_OZONE_FORMATION", "" },
		{ "\xC3\x89puisement des ressources (eau)", "EPUISEMENT_DES_RESSOURCES_EAU", "" },
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		int c = fp_ref_add_crit(r, NULL, want[i].label, NULL);
		assert_int_equal(c, (int)i);
		assert_string_equal(fp_ref_crit(r, (size_t)c)->code, want[i].code);
		assert_string_equal(fp_ref_crit(r, (size_t)c)->label, want[i].label);
		assert_string_equal(fp_ref_crit(r, (size_t)c)->unit, want[i].unit);
		assert_int_equal(fp_ref_find_crit(r, want[i].code), c);
	}
	/* The G4IT label without parentheses is the same criterion. */
	assert_int_equal(fp_ref_find_crit(r, "Resource use minerals and metals"), 4);
	fp_ref_free(r);

	/* A code alone: the label and unit of G4IT's criterion, else the code. */
	r = fp_ref_new("t", "1");
	assert_int_equal(fp_ref_add_crit(r, "PARTICULATE_MATTER", NULL, NULL), 0);
	assert_string_equal(fp_ref_crit(r, 0)->label,
			    "Particulate matter and respiratory inorganics");
	assert_string_equal(fp_ref_crit(r, 0)->unit, "Disease incidence");
	assert_int_equal(fp_ref_add_crit(r, "LAND_USE", "", NULL), 1);
	assert_string_equal(fp_ref_crit(r, 1)->label, "LAND_USE");
	assert_string_equal(fp_ref_crit(r, 1)->unit, "");
	/* An explicit code is kept as given (callers such as the store rely on it). */
	assert_int_equal(
		fp_ref_add_crit(r, "Changement climatique", "Changement climatique", "t CO2 eq"),
		2);
	assert_string_equal(fp_ref_crit(r, 2)->code, "Changement climatique");
	fp_ref_free(r);

	struct buf b = BUF_INIT;
	fp_ref_crit_code("Land use", &b);
	assert_string_equal(b.ptr, "LAND_USE");
	buf_free(&b);
}

static void test_criteria_limit(void **state)
{
	(void)state;
	struct fp_ref *r = fp_ref_new("t", "1");
	char code[32];
	for (int i = 0; i < FP_MAX_CRIT; i++) {
		snprintf(code, sizeof(code), "CRIT_%d", i);
		assert_int_equal(fp_ref_add_crit(r, code, NULL, "u"), i);
	}
	assert_int_equal(fp_ref_add_crit(r, "ONE_MORE", NULL, "u"), -1);
	assert_int_equal(fp_ref_add_crit(r, "CRIT_3", NULL, "u"), 3); /* existing still found */
	assert_int_equal(fp_ref_ncrit(r), FP_MAX_CRIT);
	fp_ref_free(r);
}

static void test_items(void **state)
{
	(void)state;
	struct fp_ref *r = fp_ref_new("t", "1");
	struct fp_item *a = fp_ref_item_get(r, "laptop-3");
	assert_non_null(a);
	assert_string_equal(a->name, "laptop-3");
	assert_string_equal(a->category, ""); /* owned strings, never NULL */
	assert_string_equal(a->source, "");
	assert_int_equal(a->has_avg_kwh, 0);
	assert_int_equal(a->has[0][FP_FABRICATION], 0);
	a->has[0][FP_FABRICATION] = 1;
	a->f[0][FP_FABRICATION] = 253.4;
	free(a->source);
	a->source = xstrdup("ADEME");
	assert_ptr_equal(fp_ref_item_get(r, "laptop-3"), a);
	assert_ptr_equal(fp_ref_item(r, "laptop-3"), a);
	/* Item names match exactly. */
	assert_null(fp_ref_item(r, "Laptop-3"));
	assert_null(fp_ref_item(r, "laptop-3 "));
	assert_null(fp_ref_item(r, NULL));
	struct fp_item *b = fp_ref_item_get(r, "Laptop-3");
	assert_ptr_not_equal(a, b);
	assert_int_equal(fp_ref_nitems(r), 2);
	assert_ptr_equal(fp_ref_item_at(r, 0), a);
	assert_ptr_equal(fp_ref_item_at(r, 1), b);
	assert_null(fp_ref_item_at(r, 2));
	assert_true(fp_ref_item(r, "laptop-3")->f[0][FP_FABRICATION] == 253.4);
	fp_ref_free(r);
}

static void test_mixes(void **state)
{
	(void)state;
	struct fp_ref *r = fp_ref_new("t", "1");
	struct fp_mix *fr = fp_ref_mix_get(r, "France");
	assert_string_equal(fr->country, "France");
	assert_string_equal(fr->source, "");
	fr->has[0] = 1;
	fr->f[0] = 0.0813225;
	/* Case, accents, punctuation and spacing ignored. */
	assert_ptr_equal(fp_ref_mix(r, "france"), fr);
	assert_ptr_equal(fp_ref_mix(r, " FRANCE "), fr);
	assert_ptr_equal(fp_ref_mix_get(r, "FRANCE"), fr);
	struct fp_mix *ci = fp_ref_mix_get(r, "C\xC3\xB4te d'Ivoire");
	assert_ptr_equal(fp_ref_mix(r, "cote d ivoire"), ci);
	assert_ptr_equal(fp_ref_mix(r, "COTE-D\xE2\x80\x99IVOIRE"), ci); /* ’ */
	/* Spaces are ignored too: G4IT writes "Cote Divoire" where NumEcoEval has
	 * "Cote D'ivoire". */
	assert_ptr_equal(fp_ref_mix(r, "Cote Divoire"), ci);
	assert_null(fp_ref_mix(r, "Cote"));
	/* Names in other scripts are not folded away: two of them stay apart. */
	struct fp_mix *jp = fp_ref_mix_get(r, "\xE6\x97\xA5\xE6\x9C\xAC"); /* 日本 */
	struct fp_mix *cn = fp_ref_mix_get(r, "\xE4\xB8\xAD\xE5\x9B\xBD"); /* 中国 */
	assert_ptr_not_equal(jp, cn);
	assert_null(fp_ref_mix(r, "Germany"));
	assert_null(fp_ref_mix(r, ""));
	assert_null(fp_ref_mix(r, NULL));
	assert_int_equal(fp_ref_nmixes(r), 4);
	assert_ptr_equal(fp_ref_mix_at(r, 1), ci);
	assert_null(fp_ref_mix_at(r, 4));
	fp_ref_free(r);
}

static void test_types(void **state)
{
	(void)state;
	struct fp_ref *r = fp_ref_new("t", "1");
	struct fp_item_type *t = fp_ref_type_get(r, "Server");
	assert_string_equal(t->type, "Server");
	assert_string_equal(t->default_item, "");
	assert_string_equal(t->source, "");
	assert_int_equal(t->has_lifespan, 0);
	t->has_lifespan = 1;
	t->lifespan = 7;
	t->is_server = 1;
	free(t->default_item);
	t->default_item = xstrdup("blade-server--28");
	assert_ptr_equal(fp_ref_type(r, "server"), t); /* case-insensitive */
	assert_ptr_equal(fp_ref_type(r, "SERVER"), t);
	assert_ptr_equal(fp_ref_type_get(r, "sErVeR"), t);
	assert_null(fp_ref_type(r, "Servers"));
	assert_null(fp_ref_type(r, NULL));
	fp_ref_type_get(r, "Dedicated Server");
	assert_int_equal(fp_ref_ntypes(r), 2);
	assert_ptr_equal(fp_ref_type_at(r, 0), t);
	assert_null(fp_ref_type_at(r, 2));
	fp_ref_free(r);
}

static void test_matches_and_hypotheses(void **state)
{
	(void)state;
	struct fp_ref *r = fp_ref_new("t", "1");
	fp_ref_set_match(r, "Dell R740", "rack-server--8");
	fp_ref_set_match(r, "HP 840", "laptop-3");
	fp_ref_set_match(r, "Dell R740", "rack-server--30"); /* replaces */
	assert_string_equal(fp_ref_match(r, "Dell R740"), "rack-server--30");
	assert_null(fp_ref_match(r, "dell r740")); /* models match exactly */
	assert_null(fp_ref_match(r, NULL));
	assert_int_equal(fp_ref_nmatches(r), 2);
	const char *m, *it;
	fp_ref_match_at(r, 1, &m, &it);
	assert_string_equal(m, "HP 840");
	assert_string_equal(it, "laptop-3");
	fp_ref_match_at(r, 2, &m, &it);
	assert_null(m);

	double v = -1;
	fp_ref_set_hyp(r, "PUEParDefaut", 1.5, "SSG");
	fp_ref_set_hyp(r, "dureeVieParDefaut", 2, NULL);
	fp_ref_set_hyp(r, "PUEParDefaut", 1.75, "SSG 2");
	assert_int_equal(fp_ref_hyp(r, "PUEParDefaut", &v), 1);
	assert_true(v == 1.75);
	assert_int_equal(fp_ref_hyp(r, "pueParDefaut", &v), 0); /* keys match exactly */
	assert_int_equal(fp_ref_hyp(r, "dureeVieParDefaut", NULL), 1);
	assert_int_equal(fp_ref_nhyps(r), 2);
	const char *k, *src;
	fp_ref_hyp_at(r, 0, &k, &v, &src);
	assert_string_equal(k, "PUEParDefaut");
	assert_true(v == 1.75);
	assert_string_equal(src, "SSG 2");
	fp_ref_hyp_at(r, 1, &k, &v, &src);
	assert_string_equal(src, "");
	fp_ref_free(r);
}

/* 100 000 items (tables grow many times): every one found, pointers stable. */
static void test_growth(void **state)
{
	(void)state;
	enum { N = 100000 };
	struct fp_ref *r = fp_ref_new("big", "1");
	char name[32];
	struct fp_item *first = fp_ref_item_get(r, "item-0");
	first->f[0][0] = 42;
	for (size_t i = 1; i < N; i++) {
		snprintf(name, sizeof(name), "item-%zu", i);
		struct fp_item *it = fp_ref_item_get(r, name);
		it->f[0][0] = (double)i;
		snprintf(name, sizeof(name), "model-%zu", i);
		if (i % 10 == 0)
			fp_ref_set_match(r, name, it->name);
		if (i % 100 == 0) {
			snprintf(name, sizeof(name), "Pays %zu", i);
			fp_ref_mix_get(r, name)->f[0] = (double)i;
			snprintf(name, sizeof(name), "Type %zu", i);
			fp_ref_type_get(r, name);
			snprintf(name, sizeof(name), "h%zu", i);
			fp_ref_set_hyp(r, name, (double)i, "");
		}
	}
	assert_int_equal(fp_ref_nitems(r), N);
	assert_ptr_equal(fp_ref_item(r, "item-0"), first);
	assert_true(first->f[0][0] == 42);
	for (size_t i = 1; i < N; i++) {
		snprintf(name, sizeof(name), "item-%zu", i);
		const struct fp_item *it = fp_ref_item(r, name);
		if (!it || it->f[0][0] != (double)i || it != fp_ref_item_at(r, i))
			fail_msg("item %zu lost", i);
		if (i % 10 == 0) {
			snprintf(name, sizeof(name), "model-%zu", i);
			assert_string_equal(fp_ref_match(r, name), it->name);
		}
		if (i % 100 == 0) {
			snprintf(name, sizeof(name), "PAYS-%zu", i);
			assert_true(fp_ref_mix(r, name)->f[0] == (double)i);
			snprintf(name, sizeof(name), "type %zu", i);
			assert_non_null(fp_ref_type(r, name));
			double v;
			snprintf(name, sizeof(name), "h%zu", i);
			assert_int_equal(fp_ref_hyp(r, name, &v), 1);
			assert_true(v == (double)i);
		}
	}
	assert_null(fp_ref_item(r, "item-100000"));
	assert_int_equal(fp_ref_nmatches(r), N / 10 - 1);
	assert_int_equal(fp_ref_nmixes(r), N / 100 - 1);
	fp_ref_free(r);
}

static void test_hash(void **state)
{
	(void)state;
	struct fp_hash h;
	size_t v = 0;
	fp_hash_init(&h, 0);
	assert_int_equal(fp_hash_get(&h, "a", &v), 0);
	assert_int_equal(fp_hash_put(&h, "a", 1), 1);
	assert_int_equal(fp_hash_put(&h, "A", 2), 1);
	assert_int_equal(fp_hash_put(&h, "a", 3), 0); /* replaced */
	assert_int_equal(fp_hash_put(&h, "", 4), 1);
	assert_int_equal(fp_hash_get(&h, "a", &v), 1);
	assert_int_equal(v, 3);
	assert_int_equal(fp_hash_get(&h, "A", &v), 1);
	assert_int_equal(v, 2);
	assert_int_equal(fp_hash_get(&h, "", &v), 1);
	assert_int_equal(v, 4);
	assert_int_equal(fp_hash_get(&h, "b", NULL), 0);
	assert_int_equal(h.n, 3);
	fp_hash_free(&h);

	fp_hash_init(&h, 1);
	assert_int_equal(fp_hash_put(&h, "Shared Server", 7), 1);
	assert_int_equal(fp_hash_put(&h, "SHARED SERVER", 8), 0);
	assert_int_equal(fp_hash_get(&h, "shared server", &v), 1);
	assert_int_equal(v, 8);
	assert_int_equal(fp_hash_get(&h, "shared  server", &v), 0);
	assert_true(fp_hash_str("AbC", 1) == fp_hash_str("abc", 0));
	assert_true(fp_hash_str("AbC", 0) != fp_hash_str("abc", 0));
	fp_hash_free(&h);
}

static void test_keys(void **state)
{
	(void)state;
	static const struct {
		const char *in, *spaced, *tight;
	} cases[] = {
		{ "Climate change", "climate change", "climatechange" },
		{ "CLIMATE_CHANGE", "climate change", "climatechange" },
		{ "  C\xC3\xB4te d\xE2\x80\x99Ivoire\xC2\xA0", "cote d ivoire", "cotedivoire" },
		{ "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1 2", /* Ελλάδα 2 */
		  "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1 2",
		  "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1"
		  "2" },
		{ "a\xFF"
		  "b",
		  "a b", "ab" }, /* an invalid byte separates */
		{ "", "", "" },
	};
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&b);
		fp_ref_key(cases[i].in, 1, &b);
		assert_string_equal(b.ptr, cases[i].spaced);
		buf_reset(&b);
		fp_ref_key(cases[i].in, 0, &b);
		assert_string_equal(b.ptr, cases[i].tight);
	}
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phases),
		cmocka_unit_test(test_name_version),
		cmocka_unit_test(test_criteria),
		cmocka_unit_test(test_criteria_codes),
		cmocka_unit_test(test_criteria_limit),
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_mixes),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_matches_and_hypotheses),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
