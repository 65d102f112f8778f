/* test_report.c: the report in its four formats against reviewed golden files,
 * plus escaping, JSON round trip, determinism, size and number formatting.
 *
 * NUMECO_UPDATE_GOLDEN=1 rewrites tests/data/report/ from the current output
 * (then review the diff: those files are what users see). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicators/ind.h"
#include "report/fmt.h"
#include "report/report.h"
#include "report/report_int.h"
#include "rgesn/rg_report.h"
#include "support.h"

#define HOSTILE "<script>alert(\"x\")</script> & co"

struct act {
	size_t ministry;
	const char *ref, *title;
	enum theme theme;
	enum level level;
	enum status status;
	int key;
	int64_t budget; /* cents, -1 unknown */
	double impact;
	int unit; /* -1: no estimate */
	const char *method;
};

static void add_action(struct cons_input *in, const struct act *x)
{
	struct cons_action a;
	memset(&a, 0, sizeof(a));
	a.ministry = x->ministry;
	a.ref = (char *)x->ref;
	a.title = (char *)x->title;
	a.theme = x->theme;
	a.level = x->level;
	a.status = x->status;
	a.key = x->key;
	a.has_budget = x->budget >= 0;
	a.budget_cents = x->budget >= 0 ? x->budget : 0;
	a.has_impact = x->unit >= 0;
	a.impact_value = x->impact;
	a.impact_unit = x->unit >= 0 ? (enum iunit)x->unit : IUNIT_TCO2E;
	a.impact_method = (char *)x->method;
	cons_input_add_action(in, &a);
}

struct ev {
	size_t ministry;
	const char *org, *ref;
	int year;
	int64_t physical, errors;
	const char *unit; /* NULL: no CLIMATE_CHANGE */
	double by_phase[FP_PHASE_COUNT];
};

static size_t add_eval(struct cons_input *in, const struct ev *x)
{
	struct cons_fp_eval e;
	memset(&e, 0, sizeof(e));
	e.ministry = x->ministry;
	e.org_code = (char *)x->org;
	e.referential = (char *)x->ref;
	e.year = x->year;
	e.physical = x->physical;
	e.errors = x->errors;
	e.has_climate = x->unit != NULL;
	e.climate_unit = (char *)x->unit;
	memcpy(e.climate_by_phase, x->by_phase, sizeof(e.climate_by_phase));
	return cons_input_add_fp_eval(in, &e);
}

/* A small national review: four ministries (one without roadmap, one with a
 * very long name), every status, every unit, a tie in each ranking, actions
 * with a budget but no estimate (and the reverse), and hostile text in
 * titles and methods. Fleet footprint of 2022: the Agriculture's own
 * evaluation, the Culture's through two directions (one referential name
 * with markup), the Economy's without the climate-change criterion, none
 * for the Armées (whose 2021 evaluation is outside the period). */
static void fixture(struct cons_input *in, const char *scope)
{
	static const struct ev evs[] = {
		{ 0,
		  "MIN-AGRI",
		  "numeco-ouvert 2025.1",
		  2022,
		  1250,
		  3,
		  "kg CO2 eq",
		  { 182000.5, 4100, 35250.25, 2900 } },
		{ 1,
		  "MIN-ARMEES",
		  "numeco-ouvert 2025.1",
		  2021,
		  900,
		  0,
		  "kg CO2 eq",
		  { 1000, 10, 100, 1 } },
		{ 2,
		  "CULT-PAT",
		  "<i>réf</i> 2",
		  2022,
		  25,
		  1,
		  "kg CO2 eq",
		  { 5000, 100, 1200, 30 } },
		{ 2,
		  "CULT-DSI",
		  "g4it 2023",
		  2022,
		  300,
		  0,
		  "kg CO2 eq",
		  { 41000, 900, 8000.4, 700 } },
		{ 3, "MIN-ECO", "eau 1", 2022, 40, 40, NULL, { 0, 0, 0, 0 } },
	};
	static const struct act acts[] = {
		{ 0, "AGR-01", "Allonger la durée d'usage des postes de travail", THEME_ACHATS,
		  LEVEL_REALISATION, STATUS_REALISEE, 1, 1200000, 42.5, IUNIT_TCO2E,
		  "Base Empreinte ADEME, 850 postes × 50 kgCO2e" },
		{ 0, "AGR-02", "Former les agents au numérique responsable", THEME_SENSIBILISATION,
		  LEVEL_REALISATION, STATUS_EN_COURS, 0, 300000, 0, -1, "" },
		{ 0, "AGR-03", "Mesurer l'empreinte du parc", THEME_STRATEGIE,
		  LEVEL_EXPERIMENTATION, STATUS_REALISEE, 1, -1, 0, -1, "" },
		{ 0, "AGR-04", HOSTILE, THEME_CONCEPTION, LEVEL_REFLEXION, STATUS_A_LANCER, 0,
		  150000, 1500, IUNIT_KGCO2E, "Méthode | *gras* <b>" },
		{ 1, "ARM-1", "Éteindre les serveurs inutilisés; \"zombies\"", THEME_DATACENTER,
		  LEVEL_REALISATION, STATUS_EN_COURS, 1, 2500050, 120000, IUNIT_KWH,
		  "Relevés des PDU" },
		{ 1, "ARM-2", "Mutualiser les salles serveurs", THEME_DATACENTER, LEVEL_REALISATION,
		  STATUS_REPORTEE, 1, 1500000, 15, IUNIT_TCO2E, "Estimation interne" },
		{ 1, "ARM-3", "=Réemploi des smartphones", THEME_FIN_DE_VIE, LEVEL_EXPERIMENTATION,
		  STATUS_REALISEE, 0, -1, 15, IUNIT_TCO2E, "Nombre d'appareils × facteur" },
		{ 1, "ARM-4", "Clause environnementale dans les marchés", THEME_ACHATS,
		  LEVEL_REFLEXION, STATUS_ABANDONNEE, 0, -1, 0, -1, "" },
		{ 3, "ECO-A", "Écoconception des démarches en ligne", THEME_CONCEPTION,
		  LEVEL_REALISATION, STATUS_EN_COURS, 1, 4000000, 8000, IUNIT_KGCO2E,
		  "RGESN et mesure GreenIT" },
		{ 3, "ECO-B", "Réduire les impressions", THEME_USAGE, LEVEL_REALISATION,
		  STATUS_REALISEE, 1, 0, 2.5, IUNIT_MWH, "Compteurs des copieurs" },
		{ 3, "ECO-C", "Nommer un référent dans chaque direction", THEME_STRATEGIE,
		  LEVEL_REALISATION, STATUS_REALISEE, 0, -1, 0, -1, "" },
		{ 3, "ECO-D", "Collecter les équipements en fin de vie", THEME_FIN_DE_VIE,
		  LEVEL_EXPERIMENTATION, STATUS_A_LANCER, 1, 50, 30, IUNIT_KGCO2E, "" },
	};
	cons_input_init(in);
	free(in->period);
	in->period = strdup("2022");
	free(in->scope);
	in->scope = strdup(scope);
	static const struct {
		const char *code, *name;
		int has_roadmap;
		enum rstate state;
	} mins[] = {
		{ "MIN-AGRI", "Ministère de l'Agriculture et de la Souveraineté alimentaire", 1,
		  RSTATE_VALIDEE },
		{ "MIN-ARMEES", "Ministère des Armées", 1, RSTATE_RELUE },
		{ "MIN-CULTURE", "Ministère de la Culture", 0, RSTATE_BROUILLON },
		{ "MIN-ECO",
		  "Ministère de l'Économie, des Finances et de la Souveraineté industrielle et "
		  "numérique",
		  1, RSTATE_SOUMISE },
	};
	/* A scoped input holds only that ministry, as the store gives it. */
	for (size_t m = 0; m < sizeof(mins) / sizeof(mins[0]); m++) {
		if (scope[0] && strcmp(scope, mins[m].code) != 0)
			continue;
		size_t idx = cons_input_add_ministry(in, mins[m].code, mins[m].name,
						     mins[m].has_roadmap, mins[m].state);
		for (size_t i = 0; i < sizeof(acts) / sizeof(acts[0]); i++) {
			if (acts[i].ministry != m)
				continue;
			struct act x = acts[i];
			x.ministry = idx;
			add_action(in, &x);
		}
		for (size_t i = 0; i < sizeof(evs) / sizeof(evs[0]); i++) {
			if (evs[i].ministry != m)
				continue;
			struct ev x = evs[i];
			x.ministry = idx;
			add_eval(in, &x);
		}
	}
}

/* Common indicators of 2022 for the fixture's ministries (those of in):
 * the Agriculture's collection validated, the Armées' submitted, the
 * Culture's in draft (its value does not count), none for the Economy; a
 * weighted mean, a target met and one missed, a computed value, and an
 * indicator whose label holds markup and that nobody reported.
 * test_report_ind.c checks such figures one by one. */
static const char ind_catalogue_csv[] =
	"Code;Libellé;Définition;Unité;Thème;Nature;Consolidation;Pondération;Minimum;Maximum;"
	"Sens;Cibles;Calcul;Source\n"
	"postes;Postes de travail en service;;postes;achats;nombre;somme;;0;;hausse;;;\n"
	"part_recond;Part des achats de postes reconditionnés;;%;achats;part;moyenne_ponderee;"
	"postes;0;100;hausse;2021=15|2022=20;;Loi AGEC\n"
	"pue;PUE moyen des centres de données;;PUE;datacenter;ratio;moyenne;;1;5;baisse;"
	"2022=1,5;;\n"
	"empreinte;Empreinte carbone du parc;;tCO2e;usage;nombre;somme;;0;;baisse;;"
	"empreinte_parc;\n"
	"hostile;<b>Indicateur</b> | *gras*;;%;strategie;part;max;;0;100;hausse;;;\n";

static void ind_fixture(const struct cons_input *in, struct ind_catalogue *cat, struct ind_table *t)
{
	static const struct {
		const char *org;
		enum ind_state state;
		double postes, part, pue, empreinte; /* -1: no value */
	} rows[] = {
		{ "MIN-AGRI", IND_STATE_VALIDE, 1250, 18, 1.8, 221.25 },
		{ "MIN-ARMEES", IND_STATE_SOUMIS, 900, 25, -1, -1 },
		{ "MIN-CULTURE", IND_STATE_BROUILLON, 300, -1, -1, -1 },
	};
	struct diags d = DIAGS_INIT;
	if (ind_catalogue_parse("catalogue.csv", ind_catalogue_csv, strlen(ind_catalogue_csv), cat,
				&d)) {
		struct buf b = BUF_INIT;
		diags_format(&d.items[0], &b);
		fail_msg("fixture catalogue refused: %s", b.ptr);
	}
	diags_free(&d);
	ind_table_init(t, cat, in->nministries, 2022, 2022);
	for (size_t m = 0; m < in->nministries; m++) {
		t->org_id[m] = (int64_t)m + 1;
		t->org_code[m] = strdup(in->ministries[m].code);
		t->org_name[m] = strdup(in->ministries[m].name);
		for (size_t r = 0; r < sizeof(rows) / sizeof(rows[0]); r++) {
			if (strcmp(rows[r].org, in->ministries[m].code) != 0)
				continue;
			t->state[m] = rows[r].state;
			const double v[] = { rows[r].postes, rows[r].part, rows[r].pue };
			for (size_t i = 0; i < 3; i++)
				if (v[i] >= 0)
					ind_table_set(t, m, i, 2022, v[i], 0);
			if (rows[r].empreinte >= 0)
				ind_table_set(t, m, 3, 2022, rows[r].empreinte, 1);
		}
	}
}

/* The ecodesign of services: a referential of four criteria and the
 * services of the ministries of cin (the Culture has none):
 * Agriculture 75 % and one service not assessed, Armées 1 of 3 applicable
 * (33,3 %), Économie 50 %. 4.2 fails in two services, 1.1 and 4.10 in one. */
static void rg_fixture(const struct cons_input *cin, struct rg_cons *out)
{
	const char *scope = cin->scope;
	static const char *const ids[] = { "1.1", "4.2", "4.10", "6.1" };
	static const char *const titles[] = { "Utilité du service évaluée",
					      "Lecture automatique désactivée",
					      "Notifications limitées",
					      "Poids des pages maîtrisé" };
	static const struct {
		const char *code;
		enum rg_answer a[4]; /* RG_ANS_N: not assessed */
	} svcs[] = {
		{ "MIN-AGRI",
		  { RG_ANS_CONFORME, RG_ANS_NON_CONFORME, RG_ANS_CONFORME, RG_ANS_CONFORME } },
		{ "MIN-AGRI", { RG_ANS_N } },
		{ "MIN-ARMEES",
		  { RG_ANS_NON_CONFORME, RG_ANS_EN_COURS, RG_ANS_NON_APPLICABLE,
		    RG_ANS_CONFORME } },
		{ "MIN-ECO",
		  { RG_ANS_CONFORME, RG_ANS_NON_CONFORME, RG_ANS_NON_CONFORME, RG_ANS_CONFORME } },
	};
	struct rg_family fam[] = { { 1, (char *)"Stratégie" },
				   { 4, (char *)"UX/UI" },
				   { 6, (char *)"Frontend" } };
	struct rg_criterion crit[4];
	struct rg_item items[4][4];
	struct rg_cons_in in[4];
	size_t n = 0;
	memset(crit, 0, sizeof(crit));
	for (size_t i = 0; i < 4; i++) {
		crit[i].id = (char *)ids[i];
		crit[i].title = (char *)titles[i];
		sscanf(ids[i], "%d.%d", &crit[i].family, &crit[i].num);
	}
	struct rg_ref ref = { .name = (char *)"RGESN",
			      .version = (char *)"2024",
			      .families = fam,
			      .nfamilies = 3,
			      .criteria = crit,
			      .ncriteria = 4 };
	for (size_t s = 0; s < 4; s++) {
		if (scope[0] && strcmp(scope, svcs[s].code) != 0)
			continue;
		memset(&in[n], 0, sizeof(in[n]));
		in[n].ministry_code = svcs[s].code;
		/* Named as in the review, as numeco report does. */
		for (size_t m = 0; m < cin->nministries; m++)
			if (strcmp(cin->ministries[m].code, svcs[s].code) == 0)
				in[n].ministry_name = cin->ministries[m].name;
		in[n].assessed = svcs[s].a[0] != RG_ANS_N;
		in[n].ref = &ref;
		in[n].items = items[s];
		in[n].nitems = in[n].assessed ? 4 : 0;
		for (size_t i = 0; i < 4; i++)
			items[s][i] = (struct rg_item){ (char *)ids[i], svcs[s].a[i], (char *)"x",
							(char *)"2026-01-01", (char *)"" };
		n++;
	}
	rg_consolidate(in, n, 10, out);
}

static void render(const char *scope, enum report_format fmt, struct buf *out)
{
	struct cons_input in;
	struct cons_result res;
	struct ind_catalogue cat;
	struct ind_table t;
	struct rg_cons rg;
	fixture(&in, scope);
	ind_fixture(&in, &cat, &t);
	rg_fixture(&in, &rg);
	consolidate(&in, 10, &res);
	report_render_full(&in, &res, &t, &rg, fmt, out);
	cons_result_free(&res);
	rg_cons_free(&rg);
	ind_table_free(&t);
	ind_catalogue_free(&cat);
	cons_input_free(&in);
}

/* Without an indicator table (report_render), no indicators section. */
static void test_no_indicators(void **state)
{
	(void)state;
	for (int f = REPORT_MD; f <= REPORT_CSV; f++) {
		struct cons_input in;
		struct cons_result res;
		struct buf out = BUF_INIT;
		fixture(&in, "");
		consolidate(&in, 10, &res);
		report_render(&in, &res, (enum report_format)f, &out);
		assert_null(strstr(out.ptr, "Indicateurs communs"));
		assert_null(strstr(out.ptr, "indicateur_valeur"));
		assert_null(strstr(out.ptr, "\"indicators\""));
		assert_null(strstr(out.ptr, "Écoconception des services"));
		assert_null(strstr(out.ptr, "\"rgesn\""));
		assert_null(strstr(out.ptr, ";rgesn"));
		buf_free(&out);
		cons_result_free(&res);
		cons_input_free(&in);
	}
}

static void golden(const char *name, const char *scope, enum report_format fmt)
{
	const char *data = getenv("NUMECO_TEST_DATA");
	assert_non_null(data);
	char path[4096];
	snprintf(path, sizeof(path), "%s/report/%s", data, name);
	struct buf out = BUF_INIT;
	render(scope, fmt, &out);
	const char *update = getenv("NUMECO_UPDATE_GOLDEN");
	if (update && strcmp(update, "1") == 0) {
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(out.ptr, 1, out.len, f), out.len);
		assert_int_equal(fclose(f), 0);
	}
	size_t len = 0;
	char *want = ts_read_file(path, &len);
	if (!want)
		fail_msg("golden file %s missing (run with NUMECO_UPDATE_GOLDEN=1)", path);
	if (len != out.len || memcmp(want, out.ptr, len) != 0) {
		char got[4200];
		snprintf(got, sizeof(got), "%s.got", path);
		FILE *f = fopen(got, "wb");
		if (f) {
			fwrite(out.ptr, 1, out.len, f);
			fclose(f);
		}
		fail_msg("%s differs from the golden file; output written to %s", name, got);
	}
	free(want);
	buf_free(&out);
}

static void test_golden_md(void **state)
{
	(void)state;
	golden("bilan.md", "", REPORT_MD);
}

static void test_golden_html(void **state)
{
	(void)state;
	golden("bilan.html", "", REPORT_HTML);
}

static void test_golden_json(void **state)
{
	(void)state;
	golden("bilan.json", "", REPORT_JSON);
}

static void test_golden_csv(void **state)
{
	(void)state;
	golden("bilan.csv", "", REPORT_CSV);
}

static void test_golden_scoped(void **state)
{
	(void)state;
	golden("bilan-min-armees.md", "MIN-ARMEES", REPORT_MD);
}

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void test_html_escapes(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	render("", REPORT_HTML, &out);
	/* The hostile title is in both rankings (by impact and by cost). */
	assert_int_equal(
		count_of(out.ptr, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"), 2);
	assert_null(strstr(out.ptr, "<script"));
	assert_null(strstr(out.ptr, "<b>"));
	assert_null(strstr(out.ptr, "<i>")); /* a referential's name, in the footprint table */
	assert_non_null(strstr(out.ptr, "&lt;i&gt;réf&lt;/i&gt; 2"));
	assert_non_null(strstr(out.ptr, "<!doctype html>\n<html lang=\"fr\">"));
	/* One h1. */
	const char *h1 = strstr(out.ptr, "<h1");
	assert_non_null(h1);
	assert_null(strstr(h1 + 1, "<h1"));
	buf_free(&out);

	render("", REPORT_MD, &out);
	/* Every '<' of user text is backslash-escaped in Markdown. */
	for (const char *p = strchr(out.ptr, '<'); p; p = strchr(p + 1, '<'))
		assert_true(p > out.ptr && p[-1] == '\\');
	assert_int_equal(count_of(out.ptr, "\\<script\\>alert"), 2);
	assert_non_null(strstr(out.ptr, "Méthode \\| \\*gras\\* \\<b\\>"));
	buf_free(&out);
}

static void test_json_round_trip(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	render("", REPORT_JSON, &out);
	json_error_t jerr;
	json_t *root = json_loadb(out.ptr, out.len, 0, &jerr);
	if (!root)
		fail_msg("JSON does not parse: %s (line %d)", jerr.text, jerr.line);
	json_t *k = json_object_get(root, "key_figures");
	assert_non_null(k);
	assert_int_equal(json_integer_value(json_object_get(k, "actions")), 12);
	assert_int_equal(json_integer_value(json_object_get(k, "realised")), 5);
	assert_int_equal(json_integer_value(json_object_get(k, "ministries_with_roadmap")), 3);
	/* Key GHG: 42.5 + 15 + 8 + 0.03 t; key energy: 120 + 2.5 MWh. */
	assert_true(json_real_value(json_object_get(k, "key_ghg_t")) == 65.53);
	assert_true(json_real_value(json_object_get(k, "key_energy_mwh")) == 122.5);
	assert_true(json_real_value(json_object_get(k, "budget_eur")) == 96501.0);
	json_t *top = json_object_get(root, "top_ghg");
	assert_int_equal(json_array_size(top), 6);
	/* Tie at 15 t: MIN-ARMEES ARM-2 before ARM-3. */
	assert_string_equal(json_string_value(json_object_get(json_array_get(top, 1), "ref")),
			    "ARM-2");
	assert_string_equal(json_string_value(json_object_get(json_array_get(top, 3), "title")),
			    "Écoconception des démarches en ligne");
	/* Cost per tonne: budget and GHG estimate both known (AGR-02 has no
	 * estimate, ARM-1 and ECO-B are energy, ECO-B's budget is 0). ECO-D
	 * 0,50 € / 0,03 t, AGR-01 12 000 € / 42,5 t, then a tie at 1 000 €/t
	 * (AGR-04 1 500 € / 1 500 kg, ARM-2 15 000 € / 15 t) broken by ministry
	 * code, then ECO-A 40 000 € / 8 t. */
	json_t *cost = json_object_get(root, "top_cost");
	assert_int_equal(json_array_size(cost), 5);
	static const struct {
		const char *ministry, *ref;
		double budget, t, ratio;
	} want[] = {
		{ "MIN-ECO", "ECO-D", 0.5, 0.03, 16.67 },
		{ "MIN-AGRI", "AGR-01", 12000, 42.5, 282.35 },
		{ "MIN-AGRI", "AGR-04", 1500, 1.5, 1000 },
		{ "MIN-ARMEES", "ARM-2", 15000, 15, 1000 },
		{ "MIN-ECO", "ECO-A", 40000, 8, 5000 },
	};
	for (size_t i = 0; i < 5; i++) {
		json_t *o = json_array_get(cost, i);
		assert_int_equal(json_integer_value(json_object_get(o, "rank")), i + 1);
		assert_string_equal(json_string_value(json_object_get(o, "ministry")),
				    want[i].ministry);
		assert_string_equal(json_string_value(json_object_get(o, "ref")), want[i].ref);
		assert_true(json_real_value(json_object_get(o, "budget_eur")) == want[i].budget);
		assert_true(json_real_value(json_object_get(o, "value_t")) == want[i].t);
		assert_true(json_real_value(json_object_get(o, "eur_per_t")) == want[i].ratio);
	}
	json_t *without = json_object_get(root, "ministries_without_roadmap");
	assert_int_equal(json_array_size(without), 1);
	assert_string_equal(json_string_value(json_array_get(without, 0)), "MIN-CULTURE");
	json_decref(root);
	buf_free(&out);
}

static void test_deterministic(void **state)
{
	(void)state;
	for (int f = REPORT_MD; f <= REPORT_CSV; f++) {
		struct buf a = BUF_INIT, b = BUF_INIT;
		render("", (enum report_format)f, &a);
		render("", (enum report_format)f, &b);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.ptr, b.ptr, a.len);
		buf_free(&a);
		buf_free(&b);
	}
}

/* Eleven ministries with about thirty actions each, as in a real period:
 * the HTML page must stay light. */
static void test_html_size(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result res;
	cons_input_init(&in);
	char code[32], name[128], ref[32], title[128];
	for (size_t m = 0; m < 11; m++) {
		snprintf(code, sizeof(code), "MIN-%02zu", m);
		snprintf(name, sizeof(name), "Ministère numéro %zu de l'administration centrale",
			 m);
		cons_input_add_ministry(&in, code, name, m != 7, RSTATE_VALIDEE);
		if (m == 7)
			continue;
		for (size_t i = 0; i < 30; i++) {
			snprintf(ref, sizeof(ref), "A-%02zu", i);
			snprintf(title, sizeof(title),
				 "Action %zu du ministère %zu, avec un titre "
				 "de longueur ordinaire",
				 i, m);
			struct act x = { m,
					 ref,
					 title,
					 (enum theme)(i % THEME_COUNT),
					 (enum level)(i % LEVEL_COUNT),
					 (enum status)((i + m) % STATUS_COUNT),
					 i % 4 == 0,
					 100000,
					 (double)(i * 3 + m),
					 i % 3 ? IUNIT_TCO2E : -1,
					 "Méthode déclarée" };
			add_action(&in, &x);
		}
	}
	consolidate(&in, 10, &res);
	struct buf out = BUF_INIT;
	report_render(&in, &res, REPORT_HTML, &out);
	print_message("HTML for 11 ministries, 300 actions: %zu bytes\n", out.len);
	assert_true(out.len < 60 * 1024);
	buf_free(&out);
	cons_result_free(&res);
	cons_input_free(&in);
}

/* No ministry, no action: every format renders, JSON still parses. */
static void test_empty_input(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result res;
	cons_input_init(&in);
	consolidate(&in, 10, &res);
	for (int f = REPORT_MD; f <= REPORT_CSV; f++) {
		struct buf out = BUF_INIT;
		report_render(&in, &res, (enum report_format)f, &out);
		assert_true(out.len > 0);
		if (f == REPORT_JSON) {
			json_t *root = json_loadb(out.ptr, out.len, 0, NULL);
			assert_non_null(root);
			assert_true(json_is_null(json_object_get(
				json_object_get(root, "key_figures"), "share_realised")));
			json_decref(root);
		}
		if (f == REPORT_HTML)
			assert_null(strstr(out.ptr, "<svg")); /* no empty charts */
		if (f == REPORT_MD)
			assert_non_null(strstr(out.ptr,
					       "Aucune action n'a à la fois un budget et une "
					       "estimation d'impact évité"));
		if (f == REPORT_HTML)
			assert_non_null(
				strstr(out.ptr, "Aucune action n&#39;a à la fois un budget"));
		if (f == REPORT_JSON) {
			json_t *root = json_loadb(out.ptr, out.len, 0, NULL);
			assert_int_equal(json_array_size(json_object_get(root, "top_cost")), 0);
			json_decref(root);
		}
		if (f == REPORT_CSV)
			assert_null(strstr(out.ptr, "classement_cout"));
		buf_free(&out);
	}
	cons_result_free(&res);
	cons_input_free(&in);
}

/* Checks what fn(&buf, args...) writes into an empty buffer. */
#define FMT_IS(expect, fn, ...)                        \
	do {                                           \
		struct buf b_ = BUF_INIT;              \
		fn(&b_, __VA_ARGS__);                  \
		assert_string_equal(b_.ptr, (expect)); \
		buf_free(&b_);                         \
	} while (0)

static void test_fmt(void **state)
{
	(void)state;
	FMT_IS("1\u202f234\u202f567", fmt_count, 1234567);
	FMT_IS("1\u202f234,6", fmt_dec, 1234.56, 1);
	FMT_IS("30,2\u00a0%", fmt_pct, 0.3023, 1);
	FMT_IS("1\u202f234\u202f567,89\u00a0€", fmt_euros, 123456789);
	FMT_IS("1\u202f000\u00a0€", fmt_euros, 100000);
	FMT_IS("0,0", fmt_dec, -0.04, 1);
	FMT_IS("-2.50", fmt_plain, -2.5, 2, '.');
	FMT_IS("1\u202f000,0", fmt_dec, 999.96, 1);
	FMT_IS("0", fmt_count, 0);
	/* Cost per tonne avoided: whole euros, never a misleading 0. */
	FMT_IS("282", report_fmt_cost, 282.35);
	FMT_IS("1\u202f000", report_fmt_cost, 999.5);
	FMT_IS("1", report_fmt_cost, 0.5);
	FMT_IS("<\u00a01", report_fmt_cost, 0.004);
}

static void test_format_parse(void **state)
{
	(void)state;
	enum report_format f;
	assert_int_equal(report_format_parse("md", &f), 0);
	assert_int_equal(f, REPORT_MD);
	assert_int_equal(report_format_parse("markdown", &f), 0);
	assert_int_equal(f, REPORT_MD);
	assert_int_equal(report_format_parse("HTML", &f), 0);
	assert_int_equal(f, REPORT_HTML);
	assert_int_equal(report_format_parse("json", &f), 0);
	assert_int_equal(f, REPORT_JSON);
	assert_int_equal(report_format_parse("csv", &f), 0);
	assert_int_equal(f, REPORT_CSV);
	assert_int_equal(report_format_parse("pdf", &f), -1);
	assert_int_equal(report_format_parse("", &f), -1);
}

/* ---- IT fleet footprint ---- */

/* Three ministries, no action; scope "" or one of the codes (then only that
 * ministry, as the store gives it). */
static void fp_input(struct cons_input *in, const char *period, const char *scope)
{
	static const char *const codes[] = { "MA", "MB", "MC" };
	static const char *const names[] = { "Ministère A", "Ministère B", "Ministère C" };
	cons_input_init(in);
	free(in->period);
	in->period = strdup(period);
	free(in->scope);
	in->scope = strdup(scope);
	for (size_t m = 0; m < 3; m++)
		if (!scope[0] || strcmp(scope, codes[m]) == 0)
			cons_input_add_ministry(in, codes[m], names[m], 1, RSTATE_VALIDEE);
}

static void fp_render(const struct cons_input *in, enum report_format fmt, struct buf *out)
{
	struct cons_result res;
	consolidate(in, 10, &res);
	buf_reset(out);
	report_render(in, &res, fmt, out);
	cons_result_free(&res);
}

/* The footprint section of a Markdown report, up to the next section. */
static char *md_fp_section(const struct buf *md)
{
	const char *from = strstr(md->ptr, "\n## Empreinte du parc informatique");
	assert_non_null(from);
	const char *to = strstr(from + 1, "\n## ");
	assert_non_null(to);
	return strndup(from, (size_t)(to - from));
}

static json_t *json_fp(const struct buf *out)
{
	json_error_t jerr;
	json_t *root = json_loadb(out->ptr, out->len, 0, &jerr);
	if (!root)
		fail_msg("JSON does not parse: %s (line %d)", jerr.text, jerr.line);
	return root;
}

static json_t *json_fp_year(json_t *root, size_t i)
{
	return json_array_get(json_object_get(json_object_get(root, "footprint"), "years"), i);
}

static void test_fp_single_ministry(void **state)
{
	(void)state;
	struct cons_input in;
	struct buf out = BUF_INIT;
	fp_input(&in, "2022", "");
	struct ev e = { 1,
			"MB",
			"numeco-ouvert 2025.1",
			2022,
			6,
			0,
			"kg CO2 eq",
			{ 12912.5728, 335.9107, 1947.5959, 189.6373 } };
	add_eval(&in, &e);
	fp_render(&in, REPORT_MD, &out);
	char *sec = md_fp_section(&out);
	assert_non_null(strstr(sec, "| Ministère B | numeco-ouvert 2025.1 | 6 | 0 | 12,9 | 0,3 | "
				    "1,9 | 0,2 | 15,4 |\n"));
	/* One ministry: no national total. */
	assert_null(strstr(sec, "Total national"));
	assert_non_null(strstr(sec, "\n\nMinistères sans évaluation enregistrée pour 2022 :\n\n"
				    "- Ministère A\n- Ministère C\n"));
	free(sec);

	fp_render(&in, REPORT_JSON, &out);
	json_t *root = json_fp(&out);
	json_t *y = json_fp_year(root, 0);
	assert_int_equal(json_integer_value(json_object_get(y, "year")), 2022);
	assert_true(json_is_null(json_object_get(y, "national_total")));
	json_t *m = json_array_get(json_object_get(y, "ministries"), 0);
	assert_string_equal(json_string_value(json_object_get(m, "code")), "MB");
	assert_string_equal(json_string_value(json_object_get(m, "status")), "ok");
	assert_true(json_real_value(json_object_get(m, "total_t")) == 15.386);
	assert_true(json_real_value(json_object_get(json_object_get(m, "by_phase_t"),
						    "FABRICATION")) == 12.913);
	assert_int_equal(json_array_size(json_object_get(y, "ministries_without_evaluation")), 2);
	json_decref(root);

	fp_render(&in, REPORT_CSV, &out);
	assert_non_null(strstr(out.ptr, "2022;;empreinte_ges;MB;Ministère B;2022;numeco-ouvert "
					"2025.1;15,386;tCO2e\r\n"));
	assert_non_null(strstr(out.ptr, "2022;;empreinte_evaluation;MA;Ministère A;2022;aucune "
					"évaluation;0;booleen\r\n"));
	buf_free(&out);
	cons_input_free(&in);
}

/* Two ministries evaluated, one missing: a national total line with its
 * completeness, in every format. */
static void test_fp_national_total(void **state)
{
	(void)state;
	struct cons_input in;
	struct buf out = BUF_INIT;
	fp_input(&in, "2022", "");
	struct ev a = { 0, "MA", "g4it 2023", 2022, 100, 2, "kg CO2 eq", { 1000, 100, 500, 50 } };
	struct ev c = { 2, "MC",	"numeco-ouvert 2025.1",	  2022, 10,
			0, "kg CO2 eq", { 20000, 400, 3000, 600 } };
	add_eval(&in, &c);
	add_eval(&in, &a);
	fp_render(&in, REPORT_MD, &out);
	char *sec = md_fp_section(&out);
	const char *ra = strstr(sec, "| Ministère A | g4it 2023 | 100 | 2 | 1,0 | 0,1 | 0,5 | "
				     "0,1 | 1,7 |\n");
	const char *rc = strstr(sec, "| Ministère C | numeco-ouvert 2025.1 | 10 | 0 | 20,0 | 0,4 "
				     "| 3,0 | 0,6 | 24,0 |\n");
	const char *rt = strstr(sec, "| **Total national (2 ministères sur 3)** |  | 110 | 2 | "
				     "21,0 | 0,5 | 3,5 | 0,7 | 25,7 |\n");
	if (!ra)
		fail_msg("row of Ministère A missing from:\n%s", sec);
	assert_non_null(rc);
	assert_non_null(rt);
	assert_true(ra < rc && rc < rt);
	assert_non_null(strstr(sec, "Ministère sans évaluation enregistrée pour 2022 :\n\n"
				    "- Ministère B\n"));
	free(sec);

	fp_render(&in, REPORT_HTML, &out);
	const char *h = strstr(out.ptr, "<section aria-labelledby=\"h-empreinte\">");
	assert_non_null(h);
	assert_non_null(strstr(h, "<caption id=\"c-empreinte-2022\">Empreinte du parc "
				  "informatique en 2022"));
	assert_non_null(strstr(h, "<th scope=\"row\">Ministère A</th><td>g4it 2023</td>"));
	assert_non_null(strstr(h, "<tfoot><tr><th scope=\"row\">Total national (2 ministères sur "
				  "3)</th><td></td><td class=\"n\">110</td>"));
	assert_non_null(strstr(h, "<p>Ministère sans évaluation enregistrée pour 2022 :</p><ul>"
				  "<li>Ministère B</li></ul></section>"));

	fp_render(&in, REPORT_JSON, &out);
	json_t *root = json_fp(&out);
	json_t *t = json_object_get(json_fp_year(root, 0), "national_total");
	assert_int_equal(json_integer_value(json_object_get(t, "ministries")), 2);
	assert_int_equal(json_integer_value(json_object_get(t, "ministries_total")), 3);
	assert_int_equal(json_integer_value(json_object_get(t, "physical")), 110);
	assert_true(json_real_value(json_object_get(t, "total_t")) == 25.65);
	json_t *without = json_object_get(json_fp_year(root, 0), "ministries_without_evaluation");
	assert_int_equal(json_array_size(without), 1);
	assert_string_equal(json_string_value(json_array_get(without, 0)), "MB");
	json_decref(root);

	/* CSV does not repeat totals: the rows sum to it. */
	fp_render(&in, REPORT_CSV, &out);
	assert_non_null(strstr(out.ptr, ";empreinte_ges;MA;Ministère A;2022;g4it 2023;1,650;"));
	assert_non_null(strstr(out.ptr, ";empreinte_ges;MC;Ministère C;2022;numeco-ouvert "
					"2025.1;24,000;"));
	assert_non_null(strstr(out.ptr, ";empreinte_evaluation;MB;Ministère B;2022;aucune "
					"évaluation;0;booleen"));
	assert_null(strstr(out.ptr, "national"));
	buf_free(&out);
	cons_input_free(&in);
}

/* No evaluation for the period: one sentence, and every format stays valid. */
static void test_fp_none(void **state)
{
	(void)state;
	struct cons_input in;
	struct buf out = BUF_INIT;
	fp_input(&in, "2023-2025", "");
	struct ev old = { 0, "MA", "g4it 2023", 2022, 1, 0, "kg CO2 eq", { 1, 1, 1, 1 } };
	add_eval(&in, &old);
	fp_render(&in, REPORT_MD, &out);
	char *sec = md_fp_section(&out);
	assert_string_equal(sec, "\n## Empreinte du parc informatique (évaluations enregistrées)"
				 "\n\nAucune évaluation de l'empreinte du parc informatique n'est "
				 "enregistrée pour la période (numeco footprint import).\n");
	free(sec);
	fp_render(&in, REPORT_HTML, &out);
	assert_non_null(strstr(out.ptr,
			       "<p>Aucune évaluation de l&#39;empreinte du parc "
			       "informatique n&#39;est enregistrée pour la période (numeco "
			       "footprint import).</p></section>"));
	assert_null(strstr(out.ptr, "c-empreinte"));
	fp_render(&in, REPORT_JSON, &out);
	json_t *root = json_fp(&out);
	json_t *fp = json_object_get(root, "footprint");
	assert_string_equal(json_string_value(json_object_get(fp, "unit")), "tCO2e");
	assert_int_equal(json_array_size(json_object_get(fp, "years")), 0);
	json_decref(root);
	fp_render(&in, REPORT_CSV, &out);
	assert_null(strstr(out.ptr, "empreinte"));
	buf_free(&out);
	cons_input_free(&in);
}

/* --org: the ministry's rows only, no national total, no list of the others;
 * a year of the period without its evaluation says so. */
static void test_fp_scoped(void **state)
{
	(void)state;
	struct cons_input in;
	struct buf out = BUF_INIT;
	fp_input(&in, "2022-2023", "MB");
	struct ev e = { 0, "MB-DSI", "g4it 2023", 2022, 4, 1, "kg CO2 eq", { 4000, 0, 0, 0 } };
	add_eval(&in, &e);
	fp_render(&in, REPORT_MD, &out);
	char *sec = md_fp_section(&out);
	assert_non_null(strstr(sec, "\n### 2022\n\n"));
	assert_non_null(strstr(sec, "| Ministère B — évaluation de MB-DSI | g4it 2023 | 4 | 1 | "
				    "4,0 | 0,0 | 0,0 | 0,0 | 4,0 |\n"));
	assert_non_null(strstr(sec, "\n### 2023\n\nAucune évaluation enregistrée pour 2023.\n"));
	assert_null(strstr(sec, "Total national"));
	assert_null(strstr(sec, "sans évaluation"));
	assert_null(strstr(sec, "Ministère A"));
	free(sec);
	fp_render(&in, REPORT_JSON, &out);
	json_t *root = json_fp(&out);
	assert_int_equal(json_array_size(json_object_get(json_fp_year(root, 0), "ministries")), 1);
	assert_int_equal(json_array_size(json_object_get(json_fp_year(root, 0),
							 "ministries_without_evaluation")),
			 0);
	assert_int_equal(json_array_size(json_object_get(json_fp_year(root, 1),
							 "ministries_without_evaluation")),
			 1);
	json_decref(root);
	buf_free(&out);
	cons_input_free(&in);
}

/* Evaluations without a figure say why: no CLIMATE_CHANGE criterion, a unit
 * that cannot be converted, a licensed referential (withheld). */
static void test_fp_no_climate_change(void **state)
{
	(void)state;
	struct cons_input in;
	struct buf out = BUF_INIT;
	fp_input(&in, "2022", "");
	struct ev a = { 0, "MA", "eau 1", 2022, 40, 40, NULL, { 0, 0, 0, 0 } };
	struct ev b = { 1, "MB", "bizarre 1", 2022, 3, 0, "m3", { 7, 7, 7, 7 } };
	struct ev c = { 2, "MC", "lic 1", 2022, 5, 0, "kg CO2 eq", { 987654, 0, 0, 0 } };
	add_eval(&in, &a);
	add_eval(&in, &b);
	size_t lic = add_eval(&in, &c);
	in.fp_evals[lic].licensed = 1;
	fp_render(&in, REPORT_MD, &out);
	char *sec = md_fp_section(&out);
	assert_non_null(strstr(sec, "| Ministère A | eau 1 | 40 | 40 | — | — | — | — | pas de "
				    "critère changement climatique |\n"));
	assert_non_null(strstr(sec, "| Ministère B | bizarre 1 | 3 | 0 | — | — | — | — | unité « "
				    "m3 » non convertible en tCO2e |\n"));
	assert_non_null(strstr(sec, "| Ministère C | lic 1 | 5 | 0 | — | — | — | — | non diffusé "
				    "(référentiel sous licence) |\n"));
	assert_non_null(strstr(sec, "| **Total national (0 ministère sur 3)** |  | 0 | 0 | 0,0 | "
				    "0,0 | 0,0 | 0,0 | 0,0 |\n"));
	assert_non_null(strstr(sec, "Tous les ministères ont une évaluation enregistrée pour "
				    "2022.\n"));
	free(sec);
	/* The withheld value is nowhere. */
	for (int f = REPORT_MD; f <= REPORT_CSV; f++) {
		fp_render(&in, (enum report_format)f, &out);
		assert_null(strstr(out.ptr, "987"));
	}
	fp_render(&in, REPORT_HTML, &out);
	assert_non_null(strstr(out.ptr, "<td>pas de critère changement climatique</td>"));
	fp_render(&in, REPORT_JSON, &out);
	json_t *root = json_fp(&out);
	json_t *mins = json_object_get(json_fp_year(root, 0), "ministries");
	static const char *const status[] = { "no_climate_change", "unit_not_convertible",
					      "licensed" };
	for (size_t i = 0; i < 3; i++) {
		json_t *m = json_array_get(mins, i);
		assert_string_equal(json_string_value(json_object_get(m, "status")), status[i]);
		assert_true(json_is_null(json_object_get(m, "total_t")));
		assert_true(json_is_null(json_object_get(m, "by_phase_t")));
	}
	assert_string_equal(
		json_string_value(json_object_get(json_array_get(mins, 1), "climate_change_unit")),
		"m3");
	json_decref(root);
	fp_render(&in, REPORT_CSV, &out);
	assert_non_null(strstr(out.ptr, "2022;;empreinte_ges;MA;Ministère A;2022;eau 1 (pas de "
					"critère changement climatique);;tCO2e\r\n"));
	assert_null(strstr(out.ptr, "empreinte_ges_fabrication"));
	buf_free(&out);
	cons_input_free(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_md),
		cmocka_unit_test(test_golden_html),
		cmocka_unit_test(test_golden_json),
		cmocka_unit_test(test_golden_csv),
		cmocka_unit_test(test_golden_scoped),
		cmocka_unit_test(test_no_indicators),
		cmocka_unit_test(test_html_escapes),
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_html_size),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_fp_single_ministry),
		cmocka_unit_test(test_fp_national_total),
		cmocka_unit_test(test_fp_none),
		cmocka_unit_test(test_fp_scoped),
		cmocka_unit_test(test_fp_no_climate_change),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
