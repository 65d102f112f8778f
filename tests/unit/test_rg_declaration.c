/* test_rg_declaration.c: the ecodesign declaration in its three formats
 * against reviewed golden files (every kind of answer, a previous
 * assessment of another version, text needing escaping), plus the figures
 * in JSON, progress wording, escaping and the HTML page's structure.
 *
 * NUMECO_UPDATE_GOLDEN=1 rewrites tests/data/rgesn/declaration/ from the
 * current output (then review the diff: those files are what users see). */
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

#define HOSTILE "<script>alert(\"x\")</script> & co | suite"

/* A small referential: three families, eleven criteria of the three
 * priorities (titles written for this test). */
static const struct {
	const char *id;
	int family, num;
	const char *title;
	enum rg_priority prio;
} crit_src[] = {
	{ "1.1", 1, 1, "Utilité du service évaluée", RG_PRIO_PRIORITAIRE },
	{ "1.2", 1, 2, "Équipe formée à l'écoconception", RG_PRIO_RECOMMANDE },
	{ "1.3", 1, 3, "Indicateurs de suivi définis", RG_PRIO_MODERE },
	{ "4.1", 4, 1, "Parcours utilisateur optimisé", RG_PRIO_PRIORITAIRE },
	{ "4.2", 4, 2, "Lecture automatique désactivée", RG_PRIO_PRIORITAIRE },
	{ "4.3", 4, 3, "Listes paginées", RG_PRIO_RECOMMANDE },
	{ "4.10", 4, 10, "Notifications limitées", RG_PRIO_MODERE },
	{ "6.1", 6, 1, "Poids des pages maîtrisé", RG_PRIO_PRIORITAIRE },
	{ "6.2", 6, 2, "Images compressées", RG_PRIO_RECOMMANDE },
	{ "6.3", 6, 3, "Polices du système", RG_PRIO_MODERE },
	{ "6.4", 6, 4, "Cache HTTP configuré", RG_PRIO_RECOMMANDE },
};
#define NCRIT (sizeof(crit_src) / sizeof(crit_src[0]))

static void ref_make(struct rg_ref *r)
{
	static const struct {
		int num;
		const char *label;
	} fam[] = { { 1, "Stratégie" }, { 4, "UX/UI" }, { 6, "Frontend" } };
	memset(r, 0, sizeof(*r));
	r->name = strdup("RGESN");
	r->version = strdup("2024");
	r->title = strdup("Référentiel de test");
	r->source = strdup("");
	r->licence = strdup("");
	r->url = strdup("https://ecoresponsable.numerique.gouv.fr/publications/"
			"referentiel-general-ecoconception/");
	r->nfamilies = 3;
	r->families = calloc(3, sizeof(*r->families));
	for (size_t i = 0; i < 3; i++) {
		r->families[i].num = fam[i].num;
		r->families[i].label = strdup(fam[i].label);
	}
	r->ncriteria = NCRIT;
	r->criteria = calloc(NCRIT, sizeof(*r->criteria));
	for (size_t i = 0; i < NCRIT; i++) {
		struct rg_criterion *c = &r->criteria[i];
		c->id = strdup(crit_src[i].id);
		c->family = crit_src[i].family;
		c->num = crit_src[i].num;
		c->title = strdup(crit_src[i].title);
		c->objective = strdup("");
		c->implementation = strdup("");
		c->test = strdup("");
		c->applies = strdup("");
		c->url = strdup("");
		c->priority = crit_src[i].prio;
		c->difficulty = RG_DIFF_MOYEN;
	}
}

/* Every kind of answer; 4.10 unanswered; an answer to a criterion the
 * referential does not have (left out). 4 conformes over 10 applicables:
 * 40 %. */
static const struct {
	const char *criterion;
	enum rg_answer answer;
	const char *justification, *planned, *note;
} items_src[] = {
	{ "6.4", RG_ANS_CONFORME, "", "", "" },
	{ "1.1", RG_ANS_CONFORME, "", "", "Revue d'utilité faite en 2024" },
	{ "1.2", RG_ANS_NON_CONFORME, "", "", "Formation prévue " HOSTILE },
	{ "1.3", RG_ANS_NON_APPLICABLE, "Service interne & sans public | hors périmètre", "", "" },
	{ "4.1", RG_ANS_EN_COURS, "", "2025-12-31", "Refonte du parcours <en cours>" },
	{ "4.2", RG_ANS_EN_COURS, "", "2025-09-30", "" },
	{ "4.3", RG_ANS_NON_EVALUE, "", "", "À vérifier avec l'équipe" },
	{ "6.1", RG_ANS_CONFORME, "", "", "" },
	{ "6.2", RG_ANS_CONFORME, "", "", "" },
	{ "6.3", RG_ANS_NON_CONFORME, "", "", "" },
	{ "9.9", RG_ANS_CONFORME, "", "", "hors référentiel" },
};
#define NITEMS (sizeof(items_src) / sizeof(items_src[0]))

struct fixture {
	struct rg_ref ref;
	struct rg_item items[NITEMS];
	struct rg_score score;
	struct rg_decl d;
};

static struct fixture *fixture_new(void)
{
	struct fixture *f = calloc(1, sizeof(*f));
	ref_make(&f->ref);
	for (size_t i = 0; i < NITEMS; i++) {
		f->items[i].criterion = (char *)items_src[i].criterion;
		f->items[i].answer = items_src[i].answer;
		f->items[i].justification = (char *)items_src[i].justification;
		f->items[i].planned = (char *)items_src[i].planned;
		f->items[i].note = (char *)items_src[i].note;
	}
	rg_score_compute(&f->ref, f->items, NITEMS, &f->score);
	f->d.service_name = "Démarches & <services> en ligne";
	f->d.service_url = "https://demarches.example.gouv.fr/?a=1&b=2";
	f->d.ministry_name = "Ministère de l'Exemple";
	f->d.direction_name = "Direction du numérique (DNUM)";
	f->d.contact = "ecoconception@example.gouv.fr";
	f->d.assessed_on = "2025-06-01";
	f->d.published_at = "2025-06-10T09:30:00Z";
	f->d.ref = &f->ref;
	f->d.items = f->items;
	f->d.nitems = NITEMS;
	f->d.score = &f->score;
	f->d.has_previous = 1;
	f->d.previous_score = 28;
	f->d.previous_date = "2025-03-01";
	f->d.previous_version = "2022";
	return f;
}

static void fixture_free(struct fixture *f)
{
	rg_score_free(&f->score);
	rg_ref_free(&f->ref);
	free(f);
}

static char *render(const struct rg_decl *d, enum rg_format fmt)
{
	struct buf out = BUF_INIT;
	rg_declaration_render(d, fmt, &out);
	return buf_detach(&out);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void golden(const char *name, enum rg_format fmt)
{
	const char *data = getenv("NUMECO_TEST_DATA");
	assert_non_null(data);
	char path[4096];
	snprintf(path, sizeof(path), "%s/rgesn/declaration/%s", data, name);
	struct fixture *f = fixture_new();
	char *out = render(&f->d, fmt);
	size_t olen = strlen(out);
	const char *update = getenv("NUMECO_UPDATE_GOLDEN");
	if (update && strcmp(update, "1") == 0) {
		FILE *fp = fopen(path, "wb");
		assert_non_null(fp);
		assert_int_equal(fwrite(out, 1, olen, fp), olen);
		assert_int_equal(fclose(fp), 0);
	}
	size_t len = 0;
	char *want = ts_read_file(path, &len);
	if (!want)
		fail_msg("golden file %s missing (run with NUMECO_UPDATE_GOLDEN=1)", path);
	if (len != olen || memcmp(want, out, len) != 0) {
		char got[4200];
		snprintf(got, sizeof(got), "%s.got", path);
		FILE *fp = fopen(got, "wb");
		if (fp) {
			fwrite(out, 1, olen, fp);
			fclose(fp);
		}
		fail_msg("%s differs from the golden file; output written to %s", name, got);
	}
	free(want);
	free(out);
	fixture_free(f);
}

static void test_golden_html(void **state)
{
	(void)state;
	golden("declaration.html", RG_FMT_HTML);
}

static void test_golden_md(void **state)
{
	(void)state;
	golden("declaration.md", RG_FMT_MD);
}

static void test_golden_json(void **state)
{
	(void)state;
	golden("declaration.json", RG_FMT_JSON);
}

static void test_format_parse(void **state)
{
	(void)state;
	enum rg_format f = RG_FMT_JSON;
	assert_int_equal(rg_format_parse("html", &f), 0);
	assert_int_equal(f, RG_FMT_HTML);
	assert_int_equal(rg_format_parse("MD", &f), 0);
	assert_int_equal(f, RG_FMT_MD);
	assert_int_equal(rg_format_parse("json", &f), 0);
	assert_int_equal(f, RG_FMT_JSON);
	assert_int_equal(rg_format_parse("pdf", &f), -1);
	assert_int_equal(rg_format_parse("", &f), -1);
	assert_int_equal(rg_format_parse(NULL, &f), -1);
	assert_int_equal(f, RG_FMT_JSON);
}

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	assert_true(json_is_string(v));
	return json_string_value(v);
}

static double jnum(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!json_is_number(v))
		fail_msg("%s is not a number", key);
	return json_number_value(v);
}

/* The figures, by hand from the fixture: 11 criteria, 4 conformes (1.1,
 * 6.1, 6.2, 6.4), 2 non conformes (1.2, 6.3), 1 non applicable (1.3), 2 en
 * cours (4.1, 4.2), 2 non évalués (4.3 answered so, 4.10 unanswered): 4 / 10
 * = 40 %, +12 points over 28 %. */
static void test_json_figures(void **state)
{
	(void)state;
	struct fixture *f = fixture_new();
	char *s = render(&f->d, RG_FMT_JSON);
	json_error_t e;
	json_t *root = json_loads(s, 0, &e);
	if (!root)
		fail_msg("invalid JSON: %s", e.text);
	static const char *const keys[] = {
		"service",     "url",		"ministere",   "direction",	  "date",
		"publication", "referentiel",	"score",       "familles",	  "priorites",
		"progression", "non_conformes", "non_evalues", "non_applicables", "plan",
		"contact"
	};
	/* Keys in this order (the text, not only the object). */
	const char *at = s;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		char k[64];
		snprintf(k, sizeof(k), "\n  \"%s\":", keys[i]);
		const char *p = strstr(at, k);
		if (!p)
			fail_msg("key %s missing or out of order", keys[i]);
		at = p;
	}
	assert_int_equal(json_object_size(root), sizeof(keys) / sizeof(keys[0]));
	assert_string_equal(jstr(root, "service"), "Démarches & <services> en ligne");
	assert_string_equal(jstr(root, "publication"), "2025-06-10");
	json_t *ref = json_object_get(root, "referentiel");
	assert_string_equal(jstr(ref, "nom"), "RGESN");
	assert_string_equal(jstr(ref, "version"), "2024");
	json_t *sc = json_object_get(root, "score");
	assert_true(jnum(sc, "global") == 40.0);
	assert_true(jnum(sc, "conformes") == 4);
	assert_true(jnum(sc, "applicables") == 10);
	assert_true(jnum(sc, "non_evalues") == 2);
	assert_true(jnum(sc, "non_applicables") == 1);
	assert_true(jnum(sc, "non_conformes") == 2);
	assert_true(jnum(sc, "en_cours") == 2);
	json_t *fams = json_object_get(root, "familles");
	assert_int_equal(json_array_size(fams), 3);
	json_t *ux = json_array_get(fams, 1);
	assert_true(jnum(ux, "numero") == 4);
	assert_string_equal(jstr(ux, "libelle"), "UX/UI");
	assert_true(jnum(ux, "score") == 0);
	assert_true(jnum(ux, "applicables") == 4);
	json_t *front = json_array_get(fams, 2);
	assert_true(jnum(front, "score") == 75.0);
	json_t *prio = json_array_get(json_object_get(root, "priorites"), 0);
	assert_string_equal(jstr(prio, "code"), "prioritaire");
	assert_true(jnum(prio, "conformes") == 2);
	assert_true(jnum(prio, "applicables") == 4);
	assert_true(jnum(prio, "score") == 50.0);
	json_t *prog = json_object_get(root, "progression");
	assert_string_equal(jstr(prog, "date"), "2025-03-01");
	assert_string_equal(jstr(prog, "referentiel"), "RGESN 2022");
	assert_true(jnum(prog, "score") == 28.0);
	assert_true(jnum(prog, "ecart") == 12.0);
	json_t *nc = json_object_get(root, "non_conformes");
	assert_int_equal(json_array_size(nc), 2);
	assert_string_equal(jstr(json_array_get(nc, 0), "critere"), "1.2");
	assert_string_equal(jstr(json_array_get(nc, 0), "note"), "Formation prévue " HOSTILE);
	assert_string_equal(jstr(json_array_get(nc, 0), "priorite"), "recommande");
	json_t *ne = json_object_get(root, "non_evalues");
	assert_int_equal(json_array_size(ne), 2);
	assert_string_equal(jstr(json_array_get(ne, 0), "critere"), "4.3");
	assert_string_equal(jstr(json_array_get(ne, 1), "critere"), "4.10");
	json_t *na = json_object_get(root, "non_applicables");
	assert_int_equal(json_array_size(na), 1);
	assert_string_equal(jstr(json_array_get(na, 0), "justification"),
			    "Service interne & sans public | hors périmètre");
	/* The plan by date, whatever the referential's order. */
	json_t *plan = json_object_get(root, "plan");
	assert_int_equal(json_array_size(plan), 2);
	assert_string_equal(jstr(json_array_get(plan, 0), "critere"), "4.2");
	assert_string_equal(jstr(json_array_get(plan, 0), "echeance"), "2025-09-30");
	assert_string_equal(jstr(json_array_get(plan, 1), "critere"), "4.1");
	assert_string_equal(jstr(root, "contact"), "ecoconception@example.gouv.fr");
	json_decref(root);
	free(s);
	fixture_free(f);
}

static void test_html_structure(void **state)
{
	(void)state;
	struct fixture *f = fixture_new();
	char *s = render(&f->d, RG_FMT_HTML);
	assert_true(strncmp(s, "<!DOCTYPE html>\n<html lang=\"fr\">", 32) == 0);
	assert_int_equal(count(s, "<h1"), 1);
	assert_int_equal(count(s, "<main>"), 1);
	assert_int_equal(count(s, "<meta charset=\"utf-8\">"), 1);
	assert_int_equal(count(s, "<title>"), 1);
	/* Every table has a caption; every header cell a scope. */
	assert_int_equal(count(s, "<table>"), 6);
	assert_int_equal(count(s, "<table><caption"), 6);
	assert_int_equal(count(s, "<th>"), 0);
	assert_int_equal(count(s, "<th "), count(s, "<th scope=\""));
	/* No script, no external resource; user text escaped. */
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, " src="));
	assert_null(strstr(s, "<link"));
	assert_non_null(strstr(s,
			       "Formation prévue &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
			       "&amp; co | suite"));
	assert_non_null(
		strstr(s, "<h1>Déclaration d&#39;écoconception — Démarches &amp; &lt;services&gt; "
			  "en ligne</h1>"));
	assert_non_null(strstr(s, "href=\"https://demarches.example.gouv.fr/?a=1&amp;b=2\""));
	assert_non_null(strstr(s, "<dd>40\xc2\xa0%</dd>"));
	assert_non_null(strstr(s, "<p>4 critères conformes sur 10 applicables ; 2 non évalués ; 1 "
				  "non applicable.</p>"));
	assert_non_null(strstr(s,
			       "<p>+12 points depuis l&#39;évaluation du 2025-03-01 (RGESN "
			       "2022), dont le score était de 28\xc2\xa0%. Les deux évaluations "
			       "portent sur des versions différentes du référentiel : l&#39;écart "
			       "est indicatif.</p>"));
	/* Deterministic. */
	char *again = render(&f->d, RG_FMT_HTML);
	assert_string_equal(s, again);
	free(again);
	free(s);
	fixture_free(f);
}

static void test_md_escaping(void **state)
{
	(void)state;
	struct fixture *f = fixture_new();
	char *s = render(&f->d, RG_FMT_MD);
	assert_non_null(strstr(s, "# Déclaration d'écoconception — Démarches \\& \\<services\\> en "
				  "ligne\n"));
	assert_non_null(strstr(s, "| 1.2 | Équipe formée à l'écoconception | Recommandé | "
				  "Formation prévue \\<script\\>alert(\"x\")\\</script\\> \\& co "
				  "\\| suite |\n"));
	assert_non_null(strstr(s, "| 1.3 | Indicateurs de suivi définis | Service interne \\& sans "
				  "public \\| hors périmètre |\n"));
	assert_non_null(strstr(s,
			       "**Score d'avancement : 40\xc2\xa0%** (4 critères conformes sur 10 "
			       "applicables ; 2 non évalués ; 1 non applicable)\n"));
	assert_non_null(
		strstr(s, "- **Adresse** : <https://demarches.example.gouv.fr/?a=1&b=2>\n"));
	assert_non_null(strstr(s,
			       "| **Ensemble** | **4** | **2** | **2** | **2** | **10** | **1** | "
			       "**40\xc2\xa0%** |\n"));
	/* Every table row has as many cells as its header: no pipe leaks. */
	for (const char *line = s; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (len && line[0] == '|') {
			size_t cells = 0;
			for (size_t i = 0; i < len; i++)
				cells += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
			assert_in_range(cells, 4, 9);
		}
		line += len + (end != NULL);
	}
	free(s);
	fixture_free(f);
}

/* Progress wording: singular, negative, unchanged, same version, none. */
static void progress(struct fixture *f, double prev, const char *version, const char *want)
{
	f->d.previous_score = prev;
	f->d.previous_version = version;
	char *s = render(&f->d, RG_FMT_MD);
	if (!strstr(s, want))
		fail_msg("missing \"%s\" in:\n%s", want, s);
	if (strcmp(version, "2024") == 0 || strcmp(version, "RGESN 2024") == 0)
		assert_null(strstr(s, "versions différentes"));
	else
		assert_non_null(strstr(s, "versions différentes"));
	free(s);
}

static void test_progress(void **state)
{
	(void)state;
	struct fixture *f = fixture_new();
	progress(f, 39, "2024",
		 "\n+1 point depuis l'évaluation du 2025-03-01 (RGESN 2024), dont "
		 "le score était de 39\xc2\xa0%.\n");
	progress(f, 45.2, "2024", "\n−5 points depuis l'évaluation du 2025-03-01 (RGESN 2024)");
	progress(f, 40.3, "RGESN 2024",
		 "\nScore inchangé depuis l'évaluation du 2025-03-01 (RGESN 2024)");
	progress(f, 100, "2022", "\n−60 points depuis l'évaluation du 2025-03-01 (RGESN 2022)");
	f->d.has_previous = 0;
	char *s = render(&f->d, RG_FMT_MD);
	assert_null(strstr(s, "depuis l'évaluation"));
	free(s);
	s = render(&f->d, RG_FMT_JSON);
	assert_non_null(strstr(s, "\"progression\": null,"));
	free(s);
	fixture_free(f);
}

/* Without a score given, the declaration computes it; without an
 * applicable criterion there is no score ("—", null). */
static void test_no_score(void **state)
{
	(void)state;
	struct fixture *f = fixture_new();
	f->d.score = NULL;
	char *s = render(&f->d, RG_FMT_MD);
	assert_non_null(strstr(s, "**Score d'avancement : 40\xc2\xa0%**"));
	free(s);
	struct rg_item na[NCRIT];
	for (size_t i = 0; i < NCRIT; i++) {
		na[i] = (struct rg_item){ (char *)crit_src[i].id, RG_ANS_NON_APPLICABLE,
					  (char *)"Sans objet", (char *)"", (char *)"" };
	}
	f->d.items = na;
	f->d.nitems = NCRIT;
	f->d.contact = "";
	f->d.direction_name = "";
	f->d.published_at = "";
	s = render(&f->d, RG_FMT_MD);
	assert_non_null(strstr(s, "**Score d'avancement : —** (0 critère conforme sur 0 "
				  "applicable ; 0 non évalué ; 11 non applicables)"));
	assert_non_null(strstr(s, "Évaluation précédente : 2025-03-01 (RGESN 2022), score de "
				  "28\xc2\xa0%."));
	assert_non_null(strstr(s, "Aucun critère non conforme."));
	assert_non_null(strstr(s, "Aucun critère en cours de mise en conformité."));
	assert_non_null(strstr(s, "Aucun contact indiqué."));
	assert_null(strstr(s, "Direction"));
	assert_null(strstr(s, "Date de publication"));
	free(s);
	s = render(&f->d, RG_FMT_JSON);
	assert_non_null(strstr(s, "\"global\": null,"));
	assert_non_null(strstr(s, "\"publication\": null,"));
	assert_non_null(strstr(s, "\"ecart\": null"));
	free(s);
	s = render(&f->d, RG_FMT_HTML);
	assert_non_null(strstr(s, "<dd>—</dd>"));
	assert_int_equal(count(s, "<table>"), 3); /* families, priorities, non applicables */
	free(s);
	fixture_free(f);
}

/* A service URL that is not http(s) is shown, never linked. */
static void test_no_unsafe_link(void **state)
{
	(void)state;
	struct fixture *f = fixture_new();
	f->d.service_url = "javascript:alert(1)";
	char *s = render(&f->d, RG_FMT_HTML);
	assert_null(strstr(s, "href=\"javascript"));
	assert_non_null(strstr(s, "<dd>javascript:alert(1)</dd>"));
	free(s);
	fixture_free(f);
}

/* Defensive: no referential and no score still gives a page (no lists). */
static void test_no_ref(void **state)
{
	(void)state;
	struct rg_decl d;
	memset(&d, 0, sizeof(d));
	for (int f = RG_FMT_HTML; f <= RG_FMT_JSON; f++) {
		char *s = render(&d, (enum rg_format)f);
		if (f == RG_FMT_JSON)
			assert_non_null(strstr(s, "\"service\": \"\","));
		else
			assert_non_null(strstr(s, "service sans nom"));
		assert_null(strstr(s, "Critères non applicables"));
		free(s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_html),  cmocka_unit_test(test_golden_md),
		cmocka_unit_test(test_golden_json),  cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_json_figures), cmocka_unit_test(test_html_structure),
		cmocka_unit_test(test_md_escaping),  cmocka_unit_test(test_progress),
		cmocka_unit_test(test_no_score),     cmocka_unit_test(test_no_unsafe_link),
		cmocka_unit_test(test_no_ref),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
