/* test_fp_ref_load.c: unit tests of the referential folder loader (fp_ref_load*.c) on the three
 * dialects and on broken files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "footprint/fp_ref.h"
#include "footprint/fp_ref_int.h"
#include "support.h"

#define CC "CLIMATE_CHANGE"

static const char *data_dir(void)
{
	const char *dir = getenv("NUMECO_TEST_DATA");
	return dir ? dir : "tests/data";
}

/* Loads tests/data/footprint/<sub>, failing the test when it does not load. */
static struct fp_ref *load(const char *sub, struct diags *d)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/footprint/%s", data_dir(), sub);
	struct fp_ref *r = fp_ref_load_dir(path, sub, "test", d);
	if (!r) {
		ts_dump_diags(d);
		fail_msg("%s does not load", path);
	}
	assert_int_equal(d->errors, 0);
	return r;
}

/* The formatted diagnostics, one per line, with prefix (a folder) removed. */
static char *diag_text(const struct diags *d, const char *prefix)
{
	struct buf all = BUF_INIT, one = BUF_INIT;
	size_t n = prefix ? strlen(prefix) : 0;
	for (size_t i = 0; i < d->n; i++) {
		buf_reset(&one);
		diags_format(&d->items[i], &one);
		const char *s = one.ptr;
		if (n && !strncmp(s, prefix, n) && s[n] == '/')
			s += n + 1;
		buf_addf(&all, "%s\n", s);
	}
	buf_free(&one);
	return buf_detach(&all);
}

static double factor(const struct fp_ref *r, const char *item, const char *crit, enum fp_phase p)
{
	const struct fp_item *it = fp_ref_item(r, item);
	int c = fp_ref_find_crit(r, crit);
	if (!it || c < 0 || !it->has[c][p])
		fail_msg("no factor %s × %s × %s", item, crit, fp_phase_code(p));
	return it->f[c][p];
}

static double mix(const struct fp_ref *r, const char *country, const char *crit)
{
	const struct fp_mix *m = fp_ref_mix(r, country);
	int c = fp_ref_find_crit(r, crit);
	if (!m || c < 0 || !m->has[c])
		fail_msg("no mix %s × %s", country, crit);
	return m->f[c];
}

static double hyp(const struct fp_ref *r, const char *key)
{
	double v;
	if (!fp_ref_hyp(r, key, &v))
		fail_msg("no hypothesis %s", key);
	return v;
}

/* The values every dialect of the G4IT test referential holds. */
static void check_common(const struct fp_ref *r)
{
	assert_true(mix(r, "France", CC) == 0.0813225);
	assert_true(mix(r, "FRANCE", "Climate change") == 0.0813225);
	assert_true(factor(r, "blade-server--28", CC, FP_FABRICATION) == 2226.09317222576);
	assert_true(factor(r, "blade-server--28", CC, FP_DISTRIBUTION) == 46.3607713639849);
	assert_true(factor(r, "blade-server--28", CC, FP_UTILISATION) == 231.642666020108);
	assert_true(factor(r, "blade-server--28", CC, FP_FIN_DE_VIE) == 6.97183551903243);
	assert_true(factor(r, "laptop-3", "RESOURCE_USE", FP_FABRICATION) > 0);
	const struct fp_item *b = fp_ref_item(r, "blade-server--28");
	assert_true(b->has_avg_kwh && b->avg_kwh == 3721);
	assert_string_equal(b->category, "IT equipment");
	assert_int_equal(fp_ref_item(r, "fixed-line-network-1")->has_avg_kwh, 1);
	const struct fp_item_type *t = fp_ref_type(r, "Server");
	assert_non_null(t);
	assert_string_equal(t->default_item, "blade-server--28");
	assert_true(t->has_lifespan && t->lifespan == 7);
	assert_int_equal(t->is_server, 1);
	t = fp_ref_type(r, "Terminal");
	assert_int_equal(t->has_lifespan, 0);
	assert_int_equal(t->is_server, 0);
	assert_string_equal(t->default_item, "");
	assert_int_equal(fp_ref_type(r, "Shared Server")->is_server, 1);
	assert_int_equal(fp_ref_ntypes(r), 6);
	assert_true(hyp(r, "PUEParDefaut") == 1.75);
	assert_true(hyp(r, "dureeVieParDefaut") == 2);
	assert_true(hyp(r, "taux_utilisation_COPE") == 0.8);
	assert_true(hyp(r, "taux_utilisation_BYOD") == 0.57);
	assert_int_equal(fp_ref_nhyps(r), 4);
	assert_string_equal(fp_ref_match(r, "blade-server--28"), "blade-server--28");
	assert_string_equal(fp_ref_match(r, "laptop-3"), "laptop-3");
	/* The five G4IT criteria, first and in this order, with G4IT's codes. */
	static const char *const codes[] = { CC, "PARTICULATE_MATTER", "IONISING_RADIATION",
					     "ACIDIFICATION", "RESOURCE_USE" };
	for (size_t c = 0; c < 5; c++)
		assert_string_equal(fp_ref_crit(r, c)->code, codes[c]);
	assert_string_equal(fp_ref_crit(r, 0)->unit, "kg CO2 eq");
	assert_string_equal(fp_ref_crit(r, 4)->unit, "kg Sb eq");
}

static void test_numecoeval_fr(void **state)
{
	(void)state;
	struct diags d = DIAGS_INIT;
	struct fp_ref *r = load("numecoeval_fr", &d);
	char *text = diag_text(&d, NULL);
	/* Land use is in the factors (mixes) but not in criteria.csv; smartphone-2
	 * is a default item without factors. Warnings only. */
	char want[2048];
	snprintf(want, sizeof(want),
		 "%1$s/footprint/numecoeval_fr/characterizationFactors.csv:68: critere: attention "
		 ": critère « Land use » absent de criteria.csv : 138 lignes ignorées\n"
		 "%1$s/footprint/numecoeval_fr/itemTypes.csv:6: refItemParDefaut: attention : "
		 "élément de référence « smartphone-2 » absent des facteurs d'impact\n",
		 data_dir());
	assert_string_equal(text, want);
	free(text);
	check_common(r);
	assert_string_equal(fp_ref_name(r), "numecoeval_fr");
	assert_string_equal(fp_ref_version(r), "test");
	assert_int_equal(fp_ref_ncrit(r), 11);
	assert_int_equal(fp_ref_find_crit(r, "Land use"), -1);
	assert_string_equal(fp_ref_crit(r, 4)->label, "Resource use (minerals and metals)");
	assert_string_equal(fp_ref_crit(r, 9)->code, "RESOURCE_USE_FOSSILS");
	assert_int_equal(fp_ref_nitems(r), 3);
	assert_int_equal(fp_ref_nmixes(r), 138);
	assert_int_equal(fp_ref_nmatches(r), 3);
	assert_string_equal(fp_ref_item(r, "blade-server--28")->source, "Fake data for tests");
	assert_string_equal(fp_ref_mix(r, "France")->source, "Base IMPACTS \xC2\xAEVersion 2.01");
	/* Mix rows are not items. */
	assert_null(fp_ref_item(r, "Electricity Mix FR"));
	fp_ref_free(r);
	diags_free(&d);
}

static void test_g4it_snake(void **state)
{
	(void)state;
	struct diags d = DIAGS_INIT;
	struct fp_ref *r = load("g4it_referential", &d);
	/* Six criteria have mixes but are not in ref_criterion.csv: one warning each. */
	assert_int_equal(d.n, 7);
	char *text = diag_text(&d, NULL);
	ts_assert_msg_has(text, "ref_item_impact.csv:187: criterion: attention : critère « "
				"RESOURCE_USE_FOSSILS » absent de ref_criterion.csv : 138 lignes "
				"ignorées\n");
	ts_assert_msg_has(text, "ref_item_type.csv:6: ref_default_item: attention : élément de "
				"référence « smartphone-2 » absent des facteurs d'impact\n");
	free(text);
	check_common(r);
	assert_int_equal(fp_ref_ncrit(r), 5);
	assert_string_equal(fp_ref_crit(r, 4)->label, "Resource use minerals and metals");
	assert_int_equal(fp_ref_nitems(r), 9);
	assert_int_equal(fp_ref_nmixes(r), 138);
	assert_int_equal(fp_ref_nmatches(r), 9);
	assert_true(factor(r, "storage-bay--16", "ACIDIFICATION", FP_FIN_DE_VIE) > 0);
	fp_ref_free(r);
	diags_free(&d);
}

/* Equal but for the digits G4IT dropped: it writes 16 decimals
 * ("3.86939533447806E-07" there is "0.0000003869395334"). */
static int near(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fabs(a) + 1e-16;
}

/* The same referential in two dialects: same codes, factors, mixes, types,
 * hypotheses wherever both have them. */
static void test_dialects_agree(void **state)
{
	(void)state;
	struct diags d = DIAGS_INIT;
	struct fp_ref *fr = load("numecoeval_fr", &d);
	struct fp_ref *g = load("g4it_referential", &d);
	size_t compared = 0;
	for (size_t c = 0; c < fp_ref_ncrit(g); c++) {
		const struct fp_crit *gc = fp_ref_crit(g, c);
		int fc = fp_ref_find_crit(fr, gc->code);
		assert_int_equal(fc, (int)c); /* same order too */
		assert_string_equal(fp_ref_crit(fr, (size_t)fc)->unit, gc->unit);
		for (size_t i = 0; i < fp_ref_nitems(fr); i++) {
			const struct fp_item *a = fp_ref_item_at(fr, i);
			const struct fp_item *b = fp_ref_item(g, a->name);
			assert_non_null(b);
			assert_true(a->avg_kwh == b->avg_kwh);
			assert_string_equal(a->source, b->source);
			for (int p = 0; p < FP_PHASE_COUNT; p++) {
				assert_int_equal(a->has[fc][p], b->has[c][p]);
				if (!near(a->f[fc][p], b->f[c][p]))
					fail_msg("%s %s %s: %.17g ≠ %.17g", a->name, gc->code,
						 fp_phase_code((enum fp_phase)p), a->f[fc][p],
						 b->f[c][p]);
				compared++;
			}
		}
		assert_int_equal(fp_ref_nmixes(fr), fp_ref_nmixes(g));
		for (size_t i = 0; i < fp_ref_nmixes(fr); i++) {
			const struct fp_mix *a = fp_ref_mix_at(fr, i);
			const struct fp_mix *b = fp_ref_mix(g, a->country);
			assert_non_null(b);
			assert_int_equal(a->has[fc], b->has[c]);
			if (!near(a->f[fc], b->f[c]))
				fail_msg("mix %s %s: %.17g ≠ %.17g", a->country, gc->code, a->f[fc],
					 b->f[c]);
			assert_string_equal(a->source, b->source);
			compared++;
		}
	}
	assert_int_equal(compared, 5 * (3 * 4 + 138));
	assert_int_equal(fp_ref_ntypes(fr), fp_ref_ntypes(g));
	for (size_t i = 0; i < fp_ref_ntypes(fr); i++) {
		const struct fp_item_type *a = fp_ref_type_at(fr, i);
		const struct fp_item_type *b = fp_ref_type(g, a->type);
		assert_non_null(b);
		assert_int_equal(a->has_lifespan, b->has_lifespan);
		assert_true(a->lifespan == b->lifespan);
		assert_int_equal(a->is_server, b->is_server);
		assert_string_equal(a->default_item, b->default_item);
	}
	assert_int_equal(fp_ref_nhyps(fr), fp_ref_nhyps(g));
	for (size_t i = 0; i < fp_ref_nhyps(fr); i++) {
		const char *k, *src;
		double v;
		fp_ref_hyp_at(fr, i, &k, &v, &src);
		assert_true(hyp(g, k) == v);
	}
	for (size_t i = 0; i < fp_ref_nmatches(fr); i++) {
		const char *model, *item;
		fp_ref_match_at(fr, i, &model, &item);
		assert_string_equal(fp_ref_match(g, model), item);
	}
	fp_ref_free(fr);
	fp_ref_free(g);
	diags_free(&d);
}

static void test_g4it_camel(void **state)
{
	(void)state;
	struct diags d = DIAGS_INIT;
	struct fp_ref *r = load("camelcase", &d);
	char *text = diag_text(&d, NULL);
	ts_assert_msg_has(text, "camelcase/itemType.csv:6: refDefaultItem: attention : élément de "
				"référence « smartphone-2 » absent des facteurs d'impact\n");
	assert_int_equal(d.n, 1);
	free(text);
	check_common(r);
	assert_int_equal(fp_ref_ncrit(r), 5);
	assert_int_equal(fp_ref_nitems(r), 3);
	assert_int_equal(fp_ref_nmixes(r), 3);
	assert_true(mix(r, "Germany", CC) > 0);
	/* The licence column is kept in the source text. */
	assert_string_equal(fp_ref_item(r, "laptop-3")->source,
			    "Fake data for tests \xE2\x80\x94 Apache-2.0");
	assert_string_equal(fp_ref_mix(r, "Albania")->source, "Base IMPACTS \xC2\xAEVersion 2.01");
	fp_ref_free(r);
	diags_free(&d);
}

/* ---- broken folders, written in a temporary directory ---- */

struct fx {
	struct ts_tmpdir t;
	const char *names[8];
	size_t n;
	struct diags d;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	if (!f || ts_tmpdir_make(&f->t, "fpref") < 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char p[256];
	for (size_t i = 0; i < f->n; i++) {
		snprintf(p, sizeof(p), "%s/%s", f->t.dir, f->names[i]);
		unlink(p);
	}
	int rc = ts_tmpdir_remove(&f->t);
	diags_free(&f->d);
	free(f);
	return rc;
}

static void put(struct fx *f, const char *name, const char *text)
{
	char p[256];
	snprintf(p, sizeof(p), "%s/%s", f->t.dir, name);
	FILE *o = fopen(p, "wb");
	assert_non_null(o);
	fputs(text, o);
	fclose(o);
	size_t i = 0;
	while (i < f->n && strcmp(f->names[i], name))
		i++;
	if (i == f->n)
		f->names[f->n++] = name;
}

/* Loads the folder, expecting a refusal with exactly these diagnostics. */
static void refused(struct fx *f, const char *want)
{
	struct fp_ref *r = fp_ref_load_dir(f->t.dir, "b", "1", &f->d);
	char *text = diag_text(&f->d, f->t.dir);
	if (r || strcmp(text, want)) {
		fprintf(stderr, "%s\ngot:\n%s\nwant:\n%s", r ? "loaded" : "refused", text, want);
		fail();
	}
	free(text);
	fp_ref_free(r);
}

/* Loads the folder, expecting success with exactly these warnings. */
static struct fp_ref *loaded(struct fx *f, const char *want)
{
	struct fp_ref *r = fp_ref_load_dir(f->t.dir, "b", "1", &f->d);
	char *text = diag_text(&f->d, f->t.dir);
	if (!r || strcmp(text, want)) {
		fprintf(stderr, "%s\ngot:\n%s\nwant:\n%s", r ? "loaded" : "refused", text, want);
		fail();
	}
	free(text);
	return r;
}

#define FR_HEAD "nom;etapeacv;critere;consoElecMoyenne;localisation;valeur;categorie;source\n"

static void test_no_factors_file(void **state)
{
	struct fx *f = *state;
	char want[512];
	snprintf(want, sizeof(want),
		 "%s: aucun fichier de référentiel reconnu : characterizationFactors.csv "
		 "(NumEcoEval), ref_item_impact.csv (G4IT) ou itemImpact.csv (G4IT camelCase) "
		 "attendu\n",
		 f->t.dir);
	refused(f, want);
	diags_free(&f->d);
	put(f, "criteria.csv", "nomCritere;unite\nClimate change;kg CO2 eq\n");
	put(f, "hypotheses.csv", "cle;valeur\nPUEParDefaut;1,5\n");
	refused(f, "characterizationFactors.csv: fichier obligatoire absent : les facteurs "
		   "d'impact du référentiel NumEcoEval\n");
	diags_free(&f->d);
	assert_null(fp_ref_load_dir("/nonexistent/numeco", "b", "1", &f->d));
	char *text = diag_text(&f->d, NULL);
	assert_string_equal(text, "/nonexistent/numeco: dossier du référentiel introuvable\n");
	free(text);
}

static void test_bad_rows(void **state)
{
	struct fx *f = *state;
	put(f, "criteria.csv", "nomCritere;description;unite\nClimate change;;kg CO2 eq\n");
	put(f, "characterizationFactors.csv",
	    FR_HEAD "a;FABRIK;Climate change;;France;1;;s\n"		   /* 2 */
		    "a;FABRICATION;Climate change;;France;1,2,3;;s\n"	   /* 3 */
		    "a;FABRICATION;Climate change;;France;2;;s\n"	   /* 4 */
		    "a;FABRICATION;Climate change;;France;2.0;;s\n"	   /* 5: same value, fine */
		    "a;FABRICATION;Climate change;;France;3;;s\n"	   /* 6: duplicate */
		    ";FABRICATION;Climate change;;France;3;;s\n"	   /* 7 */
		    "a;UTILISATION;;;France;3;;s\n"			   /* 8 */
		    "a;UTILISATION;Climate change;;France;NULL;;s\n"	   /* 9 */
		    "a;UTILISATION;Climate change;-5;France;1;;s\n"	   /* 10 */
		    "Electricity Mix FR;;Climate change;;;0.08;;s\n"	   /* 11 */
		    "Mix;;Climate change;;France;0.08;electricity-mix;s\n" /* 12 */
		    "Mix;;Climate change;;France;0.09;electricity-mix;s\n" /* 13 */
		    "b;FIN_DE_VIE;Ozone depletion;;France;1;;s\n"	   /* 14: undeclared */
		    "c;FIN_DE_VIE;Climate change;x;France;1;;s\n"	   /* 15 */
		    "\"unterminated;FABRICATION;Climate change;;;1;;s\n");
	refused(f,
		"characterizationFactors.csv:2: etapeacv: étape du cycle de vie inconnue : « "
		"FABRIK » (attendu : FABRICATION, DISTRIBUTION, UTILISATION, FIN_DE_VIE ou "
		"MANUFACTURING, TRANSPORTATION, USING, END_OF_LIFE)\n"
		"characterizationFactors.csv:3: valeur: nombre invalide « 1,2,3 » (attendu : 1 "
		"234,5 ou 1234.5)\n"
		"characterizationFactors.csv:6: valeur: élément « a », critère CLIMATE_CHANGE, "
		"étape FABRICATION : facteur en double (2 plus haut, 3 ici)\n"
		"characterizationFactors.csv:7: nom: nom de l'élément absent\n"
		"characterizationFactors.csv:8: critere: critère absent\n"
		"characterizationFactors.csv:9: valeur: valeur absente\n"
		"characterizationFactors.csv:10: consoElecMoyenne: consommation négative : -5\n"
		"characterizationFactors.csv:11: localisation: pays du mix électrique absent\n"
		"characterizationFactors.csv:13: valeur: mix électrique « France », critère "
		"CLIMATE_CHANGE : facteur en double (0,08 plus haut, 0.09 ici)\n"
		"characterizationFactors.csv:15: consoElecMoyenne: nombre invalide « x » (attendu "
		": 1 234,5 ou 1234.5)\n"
		"characterizationFactors.csv:16: colonne 1 : guillemet non fermé\n"
		"characterizationFactors.csv:14: critere: attention : critère « Ozone depletion » "
		"absent de criteria.csv : 1 ligne ignorée\n");
}

static void test_bad_other_files(void **state)
{
	struct fx *f = *state;
	put(f, "ref_item_impact.csv",
	    "criterion;lifecycle_step;name;value\nCLIMATE_CHANGE;MANUFACTURING;x;1\n");
	put(f, "ref_lifecycle_step.csv", "code;label\nMANUFACTURING;M\nRECYCLING;R\n");
	put(f, "ref_item_type.csv",
	    "type;is_server;default_lifespan;ref_default_item\n"
	    "Server;peut-être;7;x\n"
	    "Laptop;false;-1;x\n"
	    "Phone;false;2;ghost\n"
	    "PHONE;true;3;x\n");
	put(f, "ref_matching_item.csv",
	    "item_source;ref_item_target\n"
	    "m1;x\n"
	    "m1;y\n"
	    "m2;\n"
	    "m1;x\n");
	put(f, "ref_hypothesis.csv",
	    "code;value;source\n"
	    "PUEParDefaut;1.5;SSG\n"
	    "PUEParDefaut;1.6;SSG\n"
	    "dureeVieParDefaut;deux;SSG\n"
	    ";1;SSG\n");
	refused(f, "ref_lifecycle_step.csv:3: code: étape du cycle de vie inconnue : « RECYCLING » "
		   "(attendu : FABRICATION, DISTRIBUTION, UTILISATION, FIN_DE_VIE ou "
		   "MANUFACTURING, TRANSPORTATION, USING, END_OF_LIFE)\n"
		   "ref_item_type.csv:2: is_server: réponse invalide « peut-être » (attendu : oui "
		   "ou non)\n"
		   "ref_item_type.csv:3: default_lifespan: durée de vie par défaut : nombre "
		   "d'années positif attendu, pas -1\n"
		   "ref_item_type.csv:4: ref_default_item: attention : élément de référence « "
		   "ghost » absent des facteurs d'impact\n"
		   "ref_item_type.csv:5: type: type « PHONE » déjà défini plus haut\n"
		   "ref_matching_item.csv:3: ref_item_target: modèle « m1 » déjà associé plus "
		   "haut à « x »\n"
		   "ref_matching_item.csv:4: ref_item_target: élément de référence absent\n"
		   "ref_hypothesis.csv:3: value: hypothèse « PUEParDefaut » en double (1,5 plus "
		   "haut, 1.6 ici)\n"
		   "ref_hypothesis.csv:4: value: nombre invalide « deux » (attendu : 1 234,5 ou "
		   "1234.5)\n"
		   "ref_hypothesis.csv:5: code: clé de l'hypothèse absente\n");
}

static void test_bad_headers(void **state)
{
	struct fx *f = *state;
	put(f, "itemImpact.csv", "criterion;lifecycleStep;name;Lifecycle_Step;colour\n");
	put(f, "criterion.csv", "description;unit\n");
	put(f, "hypothesis.csv", "");
	refused(f, "criterion.csv:1: label: colonne obligatoire absente de l'en-tête\n"
		   "itemImpact.csv:1: Lifecycle_Step: colonne présente deux fois (colonnes 2 et "
		   "4)\n"
		   "itemImpact.csv:1: colour: attention : colonne inconnue, ignorée\n"
		   "itemImpact.csv:1: value: colonne obligatoire absente de l'en-tête\n"
		   "hypothesis.csv: fichier vide : l'en-tête est attendu en première ligne\n");
}

/* Without a criteria file, criteria are taken from the factors: codes kept,
 * labels turned into codes; more than FP_MAX_CRIT is an error. */
static void test_criteria_from_factors(void **state)
{
	struct fx *f = *state;
	put(f, "characterizationFactors.csv",
	    FR_HEAD "a;FABRICATION;Resource use (minerals and metals);NULL;France;1;;s\n"
		    "a;FABRICATION;Climate change;26,6;France;2;;s\n"
		    "a;FABRICATION;RESOURCE_USE;;France;1;;s\n"
		    "a;FABRICATION;LAND_USE;;France;4;;s\n"
		    "Electricity Mix FR;FABRICATION;Eutrophication, marine;;France;0.5;;s\n");
	struct fp_ref *r = loaded(f, "");
	assert_int_equal(fp_ref_ncrit(r), 4);
	assert_string_equal(fp_ref_crit(r, 0)->code, "RESOURCE_USE");
	assert_string_equal(fp_ref_crit(r, 0)->unit, "kg Sb eq");
	assert_string_equal(fp_ref_crit(r, 1)->code, CC);
	assert_string_equal(fp_ref_crit(r, 2)->code, "LAND_USE");
	assert_string_equal(fp_ref_crit(r, 3)->code, "EUTROPHICATION_MARINE");
	assert_string_equal(fp_ref_crit(r, 3)->label, "Eutrophication, marine");
	assert_true(factor(r, "a", "Land use", FP_FABRICATION) == 4);
	assert_true(mix(r, "france", "EUTROPHICATION_MARINE") == 0.5);
	const struct fp_item *a = fp_ref_item(r, "a");
	assert_true(a->has_avg_kwh && a->avg_kwh == 26.6); /* first value given */
	fp_ref_free(r);

	struct buf b = BUF_INIT;
	buf_adds(&b, FR_HEAD);
	for (int i = 0; i <= FP_MAX_CRIT; i++)
		buf_addf(&b, "a;FABRICATION;C%d;;France;1;;s\n", i);
	put(f, "characterizationFactors.csv", b.ptr);
	buf_free(&b);
	diags_free(&f->d);
	refused(f, "characterizationFactors.csv:18: critere: trop de critères : 16 au plus\n");
}

/* licence kept with the source, unknown columns ignored, NULL is empty, a BOM
 * and Windows line ends are fine. */
static void test_licence_and_lenient(void **state)
{
	struct fx *f = *state;
	put(f, "ref_item_impact.csv",
	    "\xEF\xBB\xBF"
	    "CRITERION;Lifecycle Step;NAME;Value;Source;Licence;Avg_Electricity_Consumption;"
	    "location;category;remarque\r\n"
	    "CLIMATE_CHANGE;USING;x;1.5e2;NegaOctet;licence NegaOctet;NULL;NULL;NULL;r\r\n"
	    "CLIMATE_CHANGE;MANUFACTURING;x;3;NegaOctet;licence NegaOctet;null;;;r\r\n"
	    "CLIMATE_CHANGE;USING;y;3;;CC-BY;;;;\r\n"
	    "CLIMATE_CHANGE;MANUFACTURING;Electricity Mix DE;0.4;ADEME;;;Germany;;\r\n");
	put(f, "ref_hypothesis.csv", "code;value;source;licence\nPUEParDefaut;1.5;SSG;Etalab\n");
	struct fp_ref *r = loaded(f, "ref_item_impact.csv:1: remarque: attention : colonne "
				     "inconnue, ignorée\n");
	const struct fp_item *x = fp_ref_item(r, "x");
	assert_string_equal(x->source, "NegaOctet \xE2\x80\x94 licence NegaOctet");
	assert_int_equal(x->has_avg_kwh, 0);
	assert_string_equal(x->category, "");
	assert_true(factor(r, "x", CC, FP_UTILISATION) == 150);
	assert_string_equal(fp_ref_item(r, "y")->source, "CC-BY");
	assert_true(mix(r, "Germany", CC) == 0.4);
	assert_null(fp_ref_item(r, "Electricity Mix DE"));
	const char *k, *src;
	double v;
	fp_ref_hyp_at(r, 0, &k, &v, &src);
	assert_string_equal(src, "SSG \xE2\x80\x94 Etalab");
	fp_ref_free(r);
}

/* The open referential numeco ships (data/referentials/numeco-ouvert, next
 * to tests/data in the source tree) loads without any diagnostic: its
 * source and licence columns, in every file, are accepted. */
static void test_open_referential(void **state)
{
	(void)state;
	char path[512];
	snprintf(path, sizeof(path), "%s/../../data/referentials/numeco-ouvert", data_dir());
	struct diags d = DIAGS_INIT;
	struct fp_ref *r = fp_ref_load_dir(path, "numeco-ouvert", "test", &d);
	if (!r || d.n)
		ts_dump_diags(&d);
	assert_non_null(r);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.n, 0); /* no warning either */
	assert_true(fp_ref_nitems(r) > 20);
	assert_true(fp_ref_nmixes(r) > 100);
	assert_true(fp_ref_find_crit(r, CC) >= 0);
	fp_ref_free(r);
	diags_free(&d);
}

/* The in-memory entry point the fuzz target drives. */
static void test_load_mem(void **state)
{
	(void)state;
	struct fp_ref *r = fp_ref_new("m", "1");
	struct diags d = DIAGS_INIT;
	static const char csv[] = "name;lifecycleStep;criterion;value\n"
				  "srv;USING;Climate change;12\n"
				  "srv;USING;Acidification;x\n";
	assert_int_equal(fp_ref_load_mem(r, FP_REF_FACTORS, FP_REF_G4IT_CAMEL, "f.csv", csv,
					 strlen(csv), 0, &d),
			 -1);
	char *text = diag_text(&d, NULL);
	assert_string_equal(
		text, "f.csv:3: value: nombre invalide « x » (attendu : 1 234,5 ou 1234.5)\n");
	free(text);
	assert_true(factor(r, "srv", CC, FP_UTILISATION) == 12);
	diags_free(&d);
	assert_int_equal(fp_ref_load_mem(r, FP_REF_HYPOTHESES, FP_REF_NUMECOEVAL, "h.csv",
					 "cle;valeur\nPUEParDefaut;1,4\n", 27, 0, &d),
			 0);
	assert_true(hyp(r, "PUEParDefaut") == 1.4);
	assert_int_equal(
		fp_ref_load_mem(r, FP_REF_FACTORS, FP_REF_NUMECOEVAL, "z.csv", "a\0b", 3, 0, &d),
		-1);
	assert_int_equal(d.errors, 1);
	assert_string_equal(fp_ref_file_name(FP_REF_G4IT_SNAKE, FP_REF_MATCHING),
			    "ref_matching_item.csv");
	diags_free(&d);
	fp_ref_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numecoeval_fr),
		cmocka_unit_test(test_g4it_snake),
		cmocka_unit_test(test_dialects_agree),
		cmocka_unit_test(test_g4it_camel),
		cmocka_unit_test_setup_teardown(test_no_factors_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_other_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_headers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_criteria_from_factors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_licence_and_lenient, setup, teardown),
		cmocka_unit_test(test_load_mem),
		cmocka_unit_test(test_open_referential),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
