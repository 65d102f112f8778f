/* test_rgesn_ref.c: RGESN vocabularies and referentials — the third-party
 * full-text file (bare array), numeco's shipped 2024 structure checked
 * against it, every faulty file's diagnostics, and the JSON round trip. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/embedded.h"
#include "rgesn/rgesn.h"
#include "support.h"

#define OFFICIAL \
	"https://ecoresponsable.numerique.gouv.fr/publications/referentiel-general-ecoconception/"

/* Every diagnostic of d formatted, one per line (caller frees). */
static char *diag_text(const struct diags *d)
{
	struct buf all = BUF_INIT, one = BUF_INIT;
	for (size_t i = 0; i < d->n; i++) {
		buf_reset(&one);
		diags_format(&d->items[i], &one);
		buf_adds(&all, one.ptr);
		buf_addc(&all, '\n');
	}
	buf_free(&one);
	return buf_detach(&all);
}

/* Parses text; returns rc and the diagnostics in *msgs (caller frees). */
static int parse_text(const char *text, const char *name, const char *version,
		      const struct rg_ref *fams, struct rg_ref *r, char **msgs)
{
	struct diags d = DIAGS_INIT;
	int rc = rg_ref_parse("r.json", text, strlen(text), name, version, fams, r, &d);
	*msgs = diag_text(&d);
	if (rc == 0 && d.errors)
		fail_msg("accepted with errors:\n%s", *msgs);
	if (rc != 0 && (r->ncriteria || r->criteria || r->families || r->name || !d.errors))
		fail_msg("refused but out not empty or no error:\n%s", *msgs);
	diags_free(&d);
	return rc;
}

/* Loads tests/data/rgesn/name, failing the test when it is refused. */
static void load(const char *name, const char *rname, const char *version,
		 const struct rg_ref *fams, struct rg_ref *r)
{
	char path[128];
	size_t len;
	snprintf(path, sizeof path, "rgesn/%s", name);
	char *data = ts_read_data(path, &len);
	struct diags d = DIAGS_INIT;
	if (rg_ref_parse(name, data, len, rname, version, fams, r, &d) != 0) {
		ts_dump_diags(&d);
		fail_msg("%s refused", name);
	}
	assert_int_equal(d.n, 0);
	diags_free(&d);
	free(data);
}

/* The shipped structure, from data/ (next to tests/data). */
static void load_shipped(struct rg_ref *r)
{
	const char *td = getenv("NUMECO_TEST_DATA");
	assert_non_null(td);
	char path[512];
	snprintf(path, sizeof path, "%s/../../data/rgesn/rgesn-2024.json", td);
	size_t len;
	char *data = ts_read_file(path, &len);
	assert_non_null(data);
	struct diags d = DIAGS_INIT;
	if (rg_ref_parse("rgesn-2024.json", data, len, NULL, NULL, NULL, r, &d) != 0) {
		ts_dump_diags(&d);
		fail_msg("shipped structure refused");
	}
	diags_free(&d);
	free(data);
}

static void test_vocabularies(void **state)
{
	(void)state;
	enum rg_priority p = RG_PRIO_N;
	enum rg_difficulty df = RG_DIFF_N;
	enum rg_answer a = RG_ANS_N;
	for (int i = 0; i < RG_PRIO_N; i++) {
		assert_int_equal(rg_priority_parse(rg_priority_code(i), &p), 0);
		assert_int_equal(p, i);
		assert_int_equal(rg_priority_parse(rg_priority_label(i), &p), 0);
		assert_int_equal(p, i);
	}
	for (int i = 0; i < RG_DIFF_N; i++) {
		assert_int_equal(rg_difficulty_parse(rg_difficulty_code(i), &df), 0);
		assert_int_equal(df, i);
		assert_int_equal(rg_difficulty_parse(rg_difficulty_label(i), &df), 0);
		assert_int_equal(df, i);
	}
	for (int i = 0; i < RG_ANS_N; i++) {
		assert_int_equal(rg_answer_parse(rg_answer_code(i), &a), 0);
		assert_int_equal(a, i);
		assert_int_equal(rg_answer_parse(rg_answer_label(i), &a), 0);
		assert_int_equal(a, i);
	}
	assert_string_equal(rg_priority_code(RG_PRIO_RECOMMANDE), "recommande");
	assert_string_equal(rg_priority_label(RG_PRIO_MODERE), "Modéré");
	assert_string_equal(rg_difficulty_label(RG_DIFF_MOYEN), "Moyenne");
	assert_string_equal(rg_answer_code(RG_ANS_NON_EVALUE), "non_evalue");
	assert_string_equal(rg_answer_label(RG_ANS_NON_EVALUE), "Non évalué");
	assert_string_equal(rg_priority_code(RG_PRIO_N), "");
	assert_string_equal(rg_answer_label((enum rg_answer) - 1), "");
	/* Lenient: case, accents, the third-party forms. */
	assert_int_equal(rg_priority_parse("RECOMMANDÉ", &p), 0);
	assert_int_equal(p, RG_PRIO_RECOMMANDE);
	assert_int_equal(rg_difficulty_parse("Moyen", &df), 0);
	assert_int_equal(df, RG_DIFF_MOYEN);
	assert_int_equal(rg_difficulty_parse("Fort", &df), 0);
	assert_int_equal(df, RG_DIFF_FORT);
	assert_int_equal(rg_difficulty_parse("forte", &df), 0);
	assert_int_equal(df, RG_DIFF_FORT);
	assert_int_equal(rg_answer_parse("non conforme", &a), 0);
	assert_int_equal(a, RG_ANS_NON_CONFORME);
	assert_int_equal(rg_answer_parse("NON_EVALUE", &a), 0);
	assert_int_equal(a, RG_ANS_NON_EVALUE);
	/* Refused, out untouched. */
	p = RG_PRIO_MODERE;
	assert_int_equal(rg_priority_parse("urgent", &p), -1);
	assert_int_equal(rg_priority_parse("", &p), -1);
	assert_int_equal(rg_priority_parse(NULL, &p), -1);
	assert_int_equal(p, RG_PRIO_MODERE);
	assert_int_equal(rg_difficulty_parse("facile", &df), -1);
	assert_int_equal(rg_answer_parse("oui", &a), -1);
	assert_int_equal(rg_answer_parse("non", &a), -1);
}

/* The third-party full-text file: 78 criteria, the published counts. */
static void test_full_text_file(void **state)
{
	(void)state;
	struct rg_ref r;
	load("rgesn-2024-criteria.json", "RGESN", "2024", NULL, &r);
	assert_string_equal(r.name, "RGESN");
	assert_string_equal(r.version, "2024");
	assert_int_equal(r.full_text, 1);
	assert_int_equal(r.ncriteria, 78);
	assert_int_equal(r.nfamilies, 9);
	static const size_t per_family[9] = { 10, 10, 7, 15, 8, 7, 4, 10, 7 };
	size_t count[10] = { 0 }, prio[RG_PRIO_N] = { 0 }, diff[RG_DIFF_N] = { 0 };
	for (size_t i = 0; i < r.ncriteria; i++) {
		count[r.criteria[i].family]++;
		prio[r.criteria[i].priority]++;
		diff[r.criteria[i].difficulty]++;
		assert_true(r.criteria[i].title[0] != '\0');
		assert_true(r.criteria[i].objective[0] != '\0');
		assert_true(r.criteria[i].test[0] != '\0');
		assert_int_equal(r.criteria[i].quick, 0);
		if (i) { /* sorted by family then number: 1.9 before 1.10 */
			const struct rg_criterion *a = &r.criteria[i - 1], *b = &r.criteria[i];
			assert_true(a->family < b->family ||
				    (a->family == b->family && a->num < b->num));
		}
	}
	for (int f = 0; f < 9; f++) {
		assert_int_equal(r.families[f].num, f + 1);
		assert_int_equal(count[f + 1], per_family[f]);
	}
	assert_string_equal(r.families[3].label, "Famille 4"); /* no labels given */
	assert_int_equal(prio[RG_PRIO_PRIORITAIRE], 30);
	assert_int_equal(prio[RG_PRIO_RECOMMANDE], 29);
	assert_int_equal(prio[RG_PRIO_MODERE], 19);
	assert_int_equal(diff[RG_DIFF_FAIBLE], 21);
	assert_int_equal(diff[RG_DIFF_MOYEN], 41);
	assert_int_equal(diff[RG_DIFF_FORT], 16);
	assert_string_equal(r.criteria[9].id, "1.10");
	assert_int_equal(r.criteria[9].num, 10);
	long k = rg_ref_find(&r, "4.3");
	assert_int_equal(k, 29);
	const struct rg_criterion *c = &r.criteria[k];
	assert_int_equal(c->family, 4);
	assert_int_equal(c->num, 3);
	assert_int_equal(c->priority, RG_PRIO_RECOMMANDE);
	assert_int_equal(c->difficulty, RG_DIFF_MOYEN);
	assert_non_null(strstr(c->title, "parcours de navigation"));
	/* target: */
	assert_string_equal(c->applies,
			    "N/A si le service ne repose pas sur un parcours de navigation");
	assert_non_null(strstr(r.criteria[0].test, "déclaration d'écoconception")); /* control */
	rg_ref_free(&r);
	rg_ref_free(&r); /* freeing twice is harmless: the struct is zeroed */
}

/* numeco's structure carries the same ids, families, priorities and
 * difficulties as the full-text file, with its own short titles. */
static void test_shipped_matches_full_text(void **state)
{
	(void)state;
	struct rg_ref s, f;
	load_shipped(&s);
	load("rgesn-2024-criteria.json", "RGESN", "2024", &s, &f);
	assert_string_equal(s.name, "RGESN");
	assert_string_equal(s.version, "2024");
	assert_string_equal(s.url, OFFICIAL);
	assert_true(s.title[0] && s.source[0] && s.licence[0]);
	assert_int_equal(s.full_text, 0);
	static const char *const labels[9] = { "Stratégie", "Spécifications", "Architecture",
					       "UX/UI",	    "Contenus",	      "Frontend",
					       "Backend",   "Hébergement",    "Algorithmie" };
	assert_int_equal(s.nfamilies, 9);
	assert_int_equal(f.nfamilies, 9);
	for (int i = 0; i < 9; i++) {
		assert_int_equal(s.families[i].num, i + 1);
		assert_string_equal(s.families[i].label, labels[i]);
		assert_string_equal(f.families[i].label, labels[i]); /* taken from s */
		assert_string_equal(rg_family_label(&s, i + 1), labels[i]);
	}
	assert_string_equal(rg_family_label(&s, 42), "");
	assert_int_equal(s.ncriteria, f.ncriteria);
	for (size_t i = 0; i < s.ncriteria; i++) {
		const struct rg_criterion *a = &s.criteria[i], *b = &f.criteria[i];
		assert_string_equal(a->id, b->id);
		assert_int_equal(a->family, b->family);
		assert_int_equal(a->num, b->num);
		assert_int_equal(a->priority, b->priority);
		assert_int_equal(a->difficulty, b->difficulty);
		/* Own short titles, no copied text, a link to the official one. */
		assert_true(a->title[0] != '\0');
		assert_true(strlen(a->title) < 80);
		assert_string_not_equal(a->title, b->title);
		assert_null(strstr(a->title, "Le service numérique"));
		assert_string_equal(a->objective, "");
		assert_string_equal(a->implementation, "");
		assert_string_equal(a->test, "");
		char url[200];
		snprintf(url, sizeof url, "%s#critere-%s", OFFICIAL, a->id);
		assert_string_equal(a->url, url);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(a->title, s.criteria[j].title);
	}
	/* The quick self-diagnosis: 20 prioritaire criteria, at least one in
	 * every family that has prioritaire ones. */
	size_t nquick = 0, fam_quick[10] = { 0 }, fam_prio[10] = { 0 };
	for (size_t i = 0; i < s.ncriteria; i++) {
		const struct rg_criterion *c = &s.criteria[i];
		if (c->priority == RG_PRIO_PRIORITAIRE)
			fam_prio[c->family]++;
		if (!c->quick)
			continue;
		nquick++;
		fam_quick[c->family]++;
		assert_int_equal(c->priority, RG_PRIO_PRIORITAIRE);
	}
	assert_int_equal(nquick, 20);
	for (int i = 1; i <= 9; i++)
		assert_true(fam_prio[i] == 0 || fam_quick[i] > 0);
	rg_ref_free(&s);
	rg_ref_free(&f);
}

/* numeco init installs the embedded copy: it is the shipped file. */
static void test_embedded_default(void **state)
{
	(void)state;
	assert_non_null(embedded_rgesn_default[0].name);
	assert_string_equal(embedded_rgesn_default[0].name, "rgesn-2024.json");
	struct rg_ref e, s;
	struct diags d = DIAGS_INIT;
	assert_int_equal(rg_ref_parse("embedded", embedded_rgesn_default[0].data,
				      embedded_rgesn_default[0].len, NULL, NULL, NULL, &e, &d),
			 0);
	load_shipped(&s);
	struct buf a = BUF_INIT, b = BUF_INIT;
	rg_ref_write_json(&e, &a);
	rg_ref_write_json(&s, &b);
	assert_string_equal(a.ptr, b.ptr);
	buf_free(&a);
	buf_free(&b);
	rg_ref_free(&e);
	rg_ref_free(&s);
	diags_free(&d);
}

/* Each faulty file gives exactly the diagnostics of its .expected file. */
static void test_faulty_files(void **state)
{
	(void)state;
	static const char *const files[] = {
		"bad-json",	"bad-format",	     "bad-empty",
		"bad-criteria", "bad-bare-criteria", "bad-bare-empty"
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char name[64], path[96];
		size_t len, elen;
		snprintf(name, sizeof name, "%s.json", files[i]);
		snprintf(path, sizeof path, "rgesn/%s", name);
		char *data = ts_read_data(path, &len);
		snprintf(path, sizeof path, "rgesn/%s.expected", files[i]);
		char *want = ts_read_data(path, &elen);
		int bare = strncmp(files[i], "bad-bare", 8) == 0;
		struct rg_ref r;
		struct diags d = DIAGS_INIT;
		int rc = rg_ref_parse(name, data, len, bare ? "RGESN" : NULL, bare ? "2024" : NULL,
				      NULL, &r, &d);
		char *got = diag_text(&d);
		if (rc != -1 || strcmp(got, want) != 0)
			fail_msg("%s: rc=%d, want:\n%sgot:\n%s", name, rc, want, got);
		assert_int_equal(d.errors, d.n);
		assert_int_equal(r.ncriteria, 0);
		assert_null(r.criteria);
		assert_null(r.families);
		rg_ref_free(&r);
		free(got);
		free(want);
		free(data);
		diags_free(&d);
	}
}

/* Short inputs: one problem each, with its message. */
static void test_inline_errors(void **state)
{
	(void)state;
	static const struct {
		const char *text, *name, *want;
	} cases[] = {
		{ "{\"format\": \"numeco-rgesn/1\",\n \"name\": \"RGESN\",, }", NULL,
		  "r.json:2: JSON invalide : " },
		{ "", NULL, "r.json:1: JSON invalide : " },
		{ "{\"format\": 1}", NULL,
		  "r.json: format: chaîne de caractères attendue (attendu : « numeco-rgesn/1 »)" },
		{ "{\"name\": \"RGESN\"}", NULL, "r.json: format: absent" },
		{ "{\"format\": \"numeco-rgesn/1\", \"format\": \"numeco-rgesn/1\"}", NULL,
		  "JSON invalide : duplicate object key" },
		{ "{\"format\": \"numeco-rgesn/1\", \"name\": \"RGESN\", \"version\": \"2024\", "
		  "\"families\": [{\"id\": 1, \"label\": \"A\"}]}",
		  NULL, "r.json: criteria: absent" },
		{ "{\"format\": \"numeco-rgesn/1\", \"name\": \"RGESN\", \"version\": \"2024\", "
		  "\"families\": {}, \"criteria\": [{\"id\": \"1.1\", \"family\": 1, \"title\": "
		  "\"T\", \"priority\": \"modere\", \"difficulty\": \"fort\"}]}",
		  NULL, "r.json: families: tableau attendu" },
		{ "{\"format\": \"numeco-rgesn/1\", \"name\": \"RGESN\", \"version\": \"2024\", "
		  "\"families\": [], \"criteria\": \"x\"}",
		  NULL, "r.json: families: aucune famille\nr.json: criteria: tableau attendu\n" },
		{ "[{\"thematic_id\": 1, \"id\": \"1.1\", \"title\": \"T\", \"priority\": "
		  "\"Modéré\", \"difficulty\": \"Fort\"}]",
		  NULL,
		  "r.json: un tableau de critères ne porte ni nom ni version : indiquez-les "
		  "(par exemple RGESN et 2024)\n" },
		{ "[{\"thematic_id\": 1, \"id\": \"1.01\", \"title\": \"T\", \"priority\": "
		  "\"Modéré\", \"difficulty\": \"Fort\"}]",
		  "RGESN",
		  "r.json: [0] (1.01): id: identifiant invalide « 1.01 » (attendu : "
		  "famille.numéro, par exemple 4.3)\n" },
		{ "[{\"thematic_id\": 1.0, \"id\": \"1.1\", \"title\": \"T\", \"priority\": "
		  "\"Modéré\", \"difficulty\": \"Fort\"}]",
		  "RGESN", "r.json: [0] (1.1): thematic_id: nombre entier attendu\n" },
		{ "[{\"thematic_id\": 1, \"id\": \"1.1\", \"title\": \"T\", \"priority\": "
		  "\"Modéré\", \"difficulty\": \"Fort\"}]",
		  "RG@ESN",
		  "r.json: name: valeur invalide « RG@ESN » (attendu : 1 à 40 caractères, sans "
		  "« @ » ni espace au début ou à la fin)\n" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct rg_ref r;
		char *msgs;
		int rc = parse_text(cases[i].text, cases[i].name, cases[i].name ? "2024" : NULL,
				    NULL, &r, &msgs);
		if (rc != -1 || strstr(msgs, cases[i].want) == NULL)
			fail_msg("case %zu: rc=%d, want « %s », got:\n%s", i, rc, cases[i].want,
				 msgs);
		free(msgs);
		rg_ref_free(&r);
	}
}

/* Arguments override the file's name and version; families are sorted. */
static void test_arguments_and_order(void **state)
{
	(void)state;
	const char *text = "{\"format\": \"numeco-rgesn/1\", \"name\": \"RGESN\", \"version\": "
			   "\"2022\", \"families\": [{\"id\": 2, \"label\": \"B\"}, {\"id\": 1, "
			   "\"label\": \"A\"}], \"criteria\": ["
			   "{\"id\": \"2.1\", \"family\": 2, \"title\": \"x\", \"priority\": "
			   "\"Prioritaire\", \"difficulty\": \"Faible\", \"quick\": null},"
			   "{\"id\": \"1.12\", \"family\": 1, \"title\": \"y\", \"priority\": "
			   "\"modere\", \"difficulty\": \"moyen\", \"objective\": \"o\"},"
			   "{\"id\": \"1.2\", \"family\": 1, \"title\": \"z\", \"priority\": "
			   "\"recommande\", \"difficulty\": \"fort\", \"quick\": true}]}";
	struct rg_ref r;
	char *msgs;
	assert_int_equal(parse_text(text, NULL, NULL, NULL, &r, &msgs), 0);
	assert_string_equal(r.version, "2022");
	assert_string_equal(r.title, "");
	assert_int_equal(r.full_text, 1);
	assert_int_equal(r.families[0].num, 1);
	assert_string_equal(r.families[1].label, "B");
	assert_string_equal(r.criteria[0].id, "1.2");
	assert_int_equal(r.criteria[0].quick, 1);
	assert_string_equal(r.criteria[1].id, "1.12");
	assert_string_equal(r.criteria[2].id, "2.1");
	assert_int_equal(r.criteria[2].quick, 0);
	assert_int_equal(rg_ref_find(&r, "1.12"), 1);
	assert_int_equal(rg_ref_find(&r, "2.1"), 2);
	assert_int_equal(rg_ref_find(&r, "1.3"), -1);
	assert_int_equal(rg_ref_find(&r, "x"), -1);
	assert_int_equal(rg_ref_find(&r, NULL), -1);
	rg_ref_free(&r);
	free(msgs);
	assert_int_equal(parse_text(text, "Autre", "2022 V1", NULL, &r, &msgs), 0);
	assert_string_equal(r.name, "Autre");
	assert_string_equal(r.version, "2022 V1");
	rg_ref_free(&r);
	free(msgs);
}

/* write_json → parse gives the same referential, byte for byte; the
 * shipped file is already in that canonical form. */
static void round_trip(struct rg_ref *r)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	struct rg_ref again;
	char *msgs;
	rg_ref_write_json(r, &a);
	assert_int_equal(parse_text(a.ptr, NULL, NULL, NULL, &again, &msgs), 0);
	free(msgs);
	rg_ref_write_json(&again, &b);
	assert_string_equal(a.ptr, b.ptr);
	assert_string_equal(again.name, r->name);
	assert_string_equal(again.version, r->version);
	assert_int_equal(again.full_text, r->full_text);
	assert_int_equal(again.nfamilies, r->nfamilies);
	assert_int_equal(again.ncriteria, r->ncriteria);
	for (size_t i = 0; i < r->ncriteria; i++) {
		const struct rg_criterion *x = &r->criteria[i], *y = &again.criteria[i];
		assert_string_equal(x->id, y->id);
		assert_string_equal(x->title, y->title);
		assert_string_equal(x->objective, y->objective);
		assert_string_equal(x->implementation, y->implementation);
		assert_string_equal(x->test, y->test);
		assert_string_equal(x->applies, y->applies);
		assert_string_equal(x->url, y->url);
		assert_int_equal(x->priority, y->priority);
		assert_int_equal(x->difficulty, y->difficulty);
		assert_int_equal(x->quick, y->quick);
	}
	rg_ref_free(&again);
	buf_free(&a);
	buf_free(&b);
}

static void test_round_trip(void **state)
{
	(void)state;
	struct rg_ref s, f, m;
	load_shipped(&s);
	load("rgesn-2024-criteria.json", "RGESN", "2024", &s, &f);
	load("rgesn-2022-mini.json", NULL, NULL, NULL, &m);
	round_trip(&s);
	round_trip(&f);
	round_trip(&m);

	const char *td = getenv("NUMECO_TEST_DATA");
	char path[512];
	size_t len;
	snprintf(path, sizeof path, "%s/../../data/rgesn/rgesn-2024.json", td);
	char *file = ts_read_file(path, &len);
	struct buf out = BUF_INIT;
	rg_ref_write_json(&s, &out);
	assert_string_equal(out.ptr, file);
	free(file);
	buf_free(&out);
	rg_ref_free(&s);
	rg_ref_free(&f);
	rg_ref_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vocabularies),
		cmocka_unit_test(test_full_text_file),
		cmocka_unit_test(test_shipped_matches_full_text),
		cmocka_unit_test(test_embedded_default),
		cmocka_unit_test(test_faulty_files),
		cmocka_unit_test(test_inline_errors),
		cmocka_unit_test(test_arguments_and_order),
		cmocka_unit_test(test_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
