/* test_fp_avoided.c: avoided-impact methods on hand-computed cases, parameter
 * validation and messages, canonical parameter strings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "footprint/fp_avoided.h"
#include "footprint/fp_ref.h"
#include "support.h"

#define NN    "\xe2\x80\xaf" /* U+202F, the group separator of traces */
#define MINUS "\xe2\x88\x92"

#define assert_near(a, b) \
	assert_true(fabs((double)(a) - (double)(b)) <= 1e-9 * (1 + fabs((double)(b))))

enum { GHG, ACID, RAD };

static void set_str(char **field, const char *v)
{
	free(*field);
	*field = xstrdup(v);
}

/* A non-use factor set: manufacturing, distribution, end of life (NAN: none). */
static struct fp_item *item(struct fp_ref *r, const char *name, int crit, double fab, double dist,
			    double fdv)
{
	struct fp_item *it = fp_ref_item_get(r, name);
	double f[FP_PHASE_COUNT] = { fab, dist, NAN, fdv };
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		if (!isnan(f[p])) {
			it->has[crit][p] = 1;
			it->f[crit][p] = f[p];
		}
	return it;
}

static void type(struct fp_ref *r, const char *name, double lifespan, const char *def_item)
{
	struct fp_item_type *t = fp_ref_type_get(r, name);
	t->has_lifespan = lifespan > 0;
	t->lifespan = lifespan;
	set_str(&t->default_item, def_item);
	set_str(&t->source, "ADEME");
}

/* The small referential every case is computed on (see docs/formulas-actions.md):
 *   Laptop:      GHG 150 + 10,3 + 25 = 185,3; acidification 1,2 + 0,3 = 1,5; 30 kWh/an
 *   Laptop eco:  GHG 100 + 8 + 20 = 128;      acidification 0,9 + 0,2 = 1,1; 20 kWh/an
 *   Server:      GHG 1300 + 50 + 150 = 1500;  acidification 10 (fabrication only)
 *   NoGhg:       acidification only
 *   types: Ordinateur portable (4 ans, Laptop), Serveur (5 ans, Server),
 *          Ecran (6 ans, no default item), Fantome (default item Missing, absent)
 *   mixes: France GHG 0,052, acidification 0,0003; Allemagne GHG 0,4; Espagne acidification only
 *   model Dell Latitude 5420 → Laptop; PUEParDefaut 1,5; dureeVieParDefaut 5. */
static struct fp_ref *build_ref(int with_hyps)
{
	struct fp_ref *r = fp_ref_new("test", "1.0");
	assert_int_equal(fp_ref_add_crit(r, "CLIMATE_CHANGE", "Climate change", "kg CO2 eq"), GHG);
	assert_int_equal(fp_ref_add_crit(r, "ACIDIFICATION", "Acidification", "mol H+ eq"), ACID);
	assert_int_equal(
		fp_ref_add_crit(r, "IONISING_RADIATION", "Ionising radiation", "kBq U235 eq"), RAD);
	struct fp_item *it = item(r, "Laptop", GHG, 150, 10.3, 25);
	item(r, "Laptop", ACID, 1.2, NAN, 0.3);
	it->has[GHG][FP_UTILISATION] = 1; /* use factors are never used: energy × mix */
	it->f[GHG][FP_UTILISATION] = 999;
	it->has_avg_kwh = 1;
	it->avg_kwh = 30;
	set_str(&it->source, "ADEME");
	it = item(r, "Laptop eco", GHG, 100, 8, 20);
	item(r, "Laptop eco", ACID, 0.9, NAN, 0.2);
	it->has_avg_kwh = 1;
	it->avg_kwh = 20;
	item(r, "Server", GHG, 1300, 50, 150);
	item(r, "Server", ACID, 10, NAN, NAN);
	item(r, "NoGhg", ACID, 1, NAN, NAN);
	type(r, "Ordinateur portable", 4, "Laptop");
	type(r, "Serveur", 5, "Server");
	type(r, "Ecran", 6, "");
	type(r, "Fantome", 3, "Missing");
	struct fp_mix *m = fp_ref_mix_get(r, "France");
	m->has[GHG] = m->has[ACID] = 1;
	m->f[GHG] = 0.052;
	m->f[ACID] = 0.0003;
	set_str(&m->source, "ADEME Base Empreinte");
	m = fp_ref_mix_get(r, "Allemagne");
	m->has[GHG] = 1;
	m->f[GHG] = 0.4;
	m = fp_ref_mix_get(r, "Espagne");
	m->has[ACID] = 1;
	m->f[ACID] = 0.0002;
	fp_ref_set_match(r, "Dell Latitude 5420", "Laptop");
	if (with_hyps) {
		fp_ref_set_hyp(r, "PUEParDefaut", 1.5, "NumEcoEval");
		fp_ref_set_hyp(r, "dureeVieParDefaut", 5, "NumEcoEval");
	}
	return r;
}

static int setup(void **state)
{
	*state = build_ref(1);
	return 0;
}

static int teardown(void **state)
{
	fp_ref_free(*state);
	return 0;
}

/* Runs method with the k=v parameters (NULL-terminated); fails on error. */
static void estimate(const struct fp_ref *r, const char *method, struct fp_av_result *res, ...)
{
	struct fp_av_params p = FP_AV_PARAMS_INIT;
	struct err err = ERR_INIT;
	va_list ap;
	va_start(ap, res);
	for (const char *kv; (kv = va_arg(ap, const char *));)
		TS_OK(&err, fp_av_params_add(&p, kv, &err));
	va_end(ap);
	TS_OK(&err, fp_av_estimate(r, method, &p, res, &err));
	fp_av_params_free(&p);
	err_free(&err);
}

/* Runs method expecting an error whose message contains part. */
static void estimate_fails(const struct fp_ref *r, const char *method, const char *part, ...)
{
	struct fp_av_params p = FP_AV_PARAMS_INIT;
	struct fp_av_result res;
	struct err err = ERR_INIT;
	va_list ap;
	fp_av_result_init(&res);
	va_start(ap, part);
	for (const char *kv; (kv = va_arg(ap, const char *));)
		TS_OK(&err, fp_av_params_add(&p, kv, &err));
	va_end(ap);
	if (fp_av_estimate(r, method, &p, &res, &err) == 0)
		fail_msg("%s: expected an error with \"%s\"", method, part);
	ts_assert_msg_has(err.msg.ptr, part);
	assert_int_equal(res.nused, 0);
	assert_int_equal(res.trace.len, 0);
	fp_av_params_free(&p);
	err_free(&err);
}

static void assert_trace_has(const struct fp_av_result *res, const char *part)
{
	if (!strstr(res->trace.ptr, part))
		fail_msg("trace\n%s\nlacks \"%s\"", res->trace.ptr, part);
}

/* The referential value recorded for (what, key, crit), failing when absent. */
static const struct fp_av_refval *used(const struct fp_av_result *res, const char *what,
				       const char *key, const char *crit)
{
	for (size_t i = 0; i < res->nused; i++)
		if (!strcmp(res->used[i].what, what) && !strcmp(res->used[i].key, key) &&
		    !strcmp(res->used[i].crit, crit))
			return &res->used[i];
	fail_msg("no used value %s / %s / %s", what, key, crit);
	return NULL;
}

/* ---- registry ---- */

static void test_registry(void **state)
{
	(void)state;
	static const char *const codes[] = {
		"allongement",	     "reconditionne", "reemploi",
		"achat_responsable", "pue",	      "consolidation"
	};
	assert_int_equal(fp_av_nmethods(), 6);
	for (size_t i = 0; i < fp_av_nmethods(); i++) {
		const struct fp_av_method *m = fp_av_method_at(i);
		assert_string_equal(m->code, codes[i]);
		assert_true(*m->label && *m->desc);
		assert_ptr_equal(fp_av_method_find(m->code), m);
		assert_true(m->kind == (i == 2 ? FP_AV_ONCE : FP_AV_YEARLY));
		for (size_t j = 0; j < m->nparams; j++) {
			const struct fp_av_param_def *d = &m->params[j];
			assert_ptr_equal(fp_av_param_find(m, d->name), d);
			assert_true(*d->desc);
			assert_true(!(d->required && d->def)); /* a default makes it optional */
		}
	}
	assert_null(fp_av_method_at(6));
	assert_string_equal(fp_av_method_find("Achat responsable")->code, "achat_responsable");
	assert_string_equal(fp_av_method_find("RECONDITIONNÉ")->code, "reconditionne");
	assert_null(fp_av_method_find("recyclage"));
	assert_null(fp_av_param_find(fp_av_method_find("pue"), "n"));
	assert_string_equal(fp_av_param_find(fp_av_method_find("reconditionne"), "part")->def,
			    "0,2");
	assert_string_equal(fp_av_param_find(fp_av_method_find("consolidation"), "heures")->def,
			    "8760");
	struct buf b = BUF_INIT;
	fp_av_method_list(&b);
	assert_string_equal(b.ptr, "allongement, reconditionne, reemploi, achat_responsable, pue, "
				   "consolidation");
	buf_free(&b);
}

/* ---- allongement ---- */

static void test_allongement_type_defaults(void **state)
{
	struct fp_av_result res;
	fp_av_result_init(&res);
	/* l0 = 4 (type); GHG 1 200 × (185,3/4 − 185,3/5) = 11 118;
	 * acidification 1 200 × (1,5/4 − 1,5/5) = 90; radiation: no data. */
	estimate(*state, "allongement", &res, "n=1 200", "type=Ordinateur portable", "l1=5", NULL);
	assert_int_equal(res.kind, FP_AV_YEARLY);
	assert_int_equal(res.ncrit, 3);
	assert_int_equal(res.ghg_crit, GHG);
	assert_near(res.ghg_kg, 11118);
	assert_near(res.v[GHG], 11118);
	assert_true(res.has[GHG] && res.has[ACID] && !res.has[RAD]);
	assert_near(res.v[ACID], 90);
	assert_trace_has(&res, "Changement climatique : 1" NN "200 × (185,3 / 4 " MINUS
			       " 185,3 / 5) = 11" NN "118 kg CO2e/an\n");
	assert_trace_has(&res, "Élément : Laptop (élément par défaut du type Ordinateur portable)");
	assert_trace_has(&res,
			 "fabrication 150 + distribution 10,3 + fin de vie 25 = 185,3 kg CO2 eq");
	assert_trace_has(&res, "l0 = 4 ans (durée de vie par défaut du type Ordinateur portable)");
	assert_trace_has(&res, "Autres critères : Acidification 90 mol H+ eq/an\n");
	assert_trace_has(&res, "Critères non estimés (données absentes du référentiel) : Ionising "
			       "radiation\n");
	assert_trace_has(&res, "référentiel : test 1.0\n");
	const struct fp_av_refval *u =
		used(&res, "facteur fabrication", "Laptop", "CLIMATE_CHANGE");
	assert_near(u->value, 150);
	assert_string_equal(u->unit, "kg CO2 eq");
	assert_string_equal(u->source, "ADEME");
	assert_near(used(&res, "facteur fin de vie", "Laptop", "ACIDIFICATION")->value, 0.3);
	assert_near(used(&res, "durée de vie par défaut du type", "Ordinateur portable", "")->value,
		    4);
	/* 3 GHG factors + 2 acidification factors + the lifespan */
	assert_int_equal(res.nused, 6);
	fp_av_result_free(&res);
}

static void test_allongement_model_and_repair(void **state)
{
	struct fp_av_result res;
	fp_av_result_init(&res);
	/* repair per device: GHG 10 + 0,1 × 185,3 = 28,53, acidification 0,1 × 1,5 = 0,15;
	 * GHG 100 × (185,3/3 − (185,3 + 28,53)/5) = 1 900,0666…;
	 * acidification 100 × (1,5/3 − 1,65/5) = 17. */
	estimate(*state, "allongement", &res, "n=100", "element=Dell Latitude 5420", "l0=3", "l1=5",
		 "reparation=10", "reparation_part=0,1", NULL);
	assert_near(res.ghg_kg, 100 * (185.3 / 3 - (185.3 + 28.53) / 5));
	assert_near(res.ghg_kg, 1900.0666666666666);
	assert_near(res.v[ACID], 17);
	assert_trace_has(&res, "Élément : Laptop (modèle Dell Latitude 5420)");
	assert_trace_has(&res, "Réparation par appareil : 10 + 0,1 × 185,3 = 28,53 kg CO2 eq\n");
	assert_trace_has(&res, "100 × (185,3 / 3 " MINUS " (185,3 + 28,53) / 5) = 1" NN
			       "900,07 kg CO2e/an\n");
	assert_trace_has(&res, "l0 = 3 ans (donnée)");
	fp_av_result_free(&res);
}

static void test_allongement_hypothesis_lifespan(void **state)
{
	struct fp_av_result res;
	fp_av_result_init(&res);
	/* no type: l0 = dureeVieParDefaut 5; 10 × (128/5 − 128/8) = 96 */
	estimate(*state, "allongement", &res, "n=10", "element=Laptop eco", "l1=8", NULL);
	assert_near(res.ghg_kg, 96);
	assert_trace_has(&res, "l0 = 5 ans (hypothèse dureeVieParDefaut)");
	const struct fp_av_refval *u = used(&res, "hypothèse", "dureeVieParDefaut", "");
	assert_near(u->value, 5);
	assert_string_equal(u->source, "NumEcoEval");
	fp_av_result_free(&res);
}

/* ---- reconditionne ---- */

static void test_reconditionne(void **state)
{
	struct fp_av_result res;
	fp_av_result_init(&res);
	/* part 0,2 by default, duree 4 (type):
	 * 1 200 × (185,3 − 0,2 × 185,3) / 4 = 44 472; acidification 1 200 × 1,2 / 4 = 360 */
	estimate(*state, "reconditionne", &res, "n=1200", "type=Ordinateur portable", NULL);
	assert_int_equal(res.kind, FP_AV_YEARLY);
	assert_near(res.ghg_kg, 44472);
	assert_near(res.v[ACID], 360);
	assert_trace_has(&res, "Changement climatique : 1" NN "200 × (185,3 " MINUS
			       " 0,2 × 185,3) / 4 = 44" NN "472 kg CO2e/an\n");
	assert_trace_has(&res, "0,2 (valeur par défaut)");
	fp_av_result_free(&res);

	/* 1 200 × (185,3 − 0,5 × 185,3) / 5 = 22 236 */
	estimate(*state, "reconditionne", &res, "n=1200", "type=Ordinateur portable", "part=0.5",
		 "duree=5", NULL);
	assert_near(res.ghg_kg, 22236);
	assert_trace_has(&res, "0,5 (donnée)");
	fp_av_result_free(&res);
}

/* ---- reemploi ---- */

static void test_reemploi(void **state)
{
	struct fp_av_result res;
	fp_av_result_init(&res);
	/* once: 50 × 1 × 185,3 = 9 265; acidification 50 × 1,5 = 75 */
	estimate(*state, "reemploi", &res, "n=50", "type=Ordinateur portable", NULL);
	assert_int_equal(res.kind, FP_AV_ONCE);
	assert_near(res.ghg_kg, 9265);
	assert_near(res.v[ACID], 75);
	assert_trace_has(&res,
			 "Changement climatique : 50 × 1 × 185,3 = 9" NN
			 "265 kg CO2e, une seule fois (fabrication de 50 appareils neufs évitée");
	assert_trace_has(&res, "Acidification 75 mol H+ eq\n"); /* no "/an" */
	fp_av_result_free(&res);

	/* half of them replace a purchase: 50 × 0,5 × 185,3 = 4 632,5 */
	estimate(*state, "reemploi", &res, "n=50", "element=Laptop", "substitution=0,5", NULL);
	assert_near(res.ghg_kg, 4632.5);
	assert_trace_has(&res,
			 "= 4" NN "632,5 kg CO2e, une seule fois (fabrication de 25 appareils");
	fp_av_result_free(&res);
}

/* ---- achat_responsable ---- */

static void test_achat_responsable(void **state)
{
	struct fp_av_result res;
	fp_av_result_init(&res);
	/* duree 5 (hypothesis), kWh 30 and 20 from the items, France 0,052:
	 * 1 000 × ((185,3 − 128)/5 + (30 − 20) × 0,052) = 1 000 × (11,46 + 0,52) = 11 980;
	 * acidification 1 000 × ((1,5 − 1,1)/5 + 10 × 0,0003) = 83 */
	estimate(*state, "achat_responsable", &res, "n=1000", "element=Laptop eco",
		 "element_ref=Laptop", "pays=france", NULL);
	assert_near(res.ghg_kg, 11980);
	assert_near(res.v[ACID], 83);
	assert_false(res.has[RAD]);
	assert_trace_has(&res, "Changement climatique : 1" NN "000 × ((185,3 " MINUS
			       " 128) / 5 + (30 " MINUS " 20) × 0,052) = 1" NN
			       "000 × (11,46 + 0,52) = 11" NN "980 kg CO2e/an\n");
	assert_near(used(&res, "consommation moyenne", "Laptop eco", "")->value, 20);
	const struct fp_av_refval *u = used(&res, "mix électrique", "France", "CLIMATE_CHANGE");
	assert_near(u->value, 0.052);
	assert_string_equal(u->unit, "kg CO2 eq/kWh");
	assert_string_equal(u->source, "ADEME Base Empreinte");
	fp_av_result_free(&res);

	/* duree 4 from the type, kwh given: 1 000 × (57,3/4 + (30 − 25) × 0,052) = 14 585 */
	estimate(*state, "achat_responsable", &res, "n=1000", "element=Laptop eco",
		 "element_ref=Laptop", "pays=France", "type=Ordinateur portable", "kwh=25", NULL);
	assert_near(res.ghg_kg, 14585);
	assert_trace_has(&res, "choisi 25 kWh/an (donnée)");
	fp_av_result_free(&res);

	/* a worse choice gives a negative avoided impact, not an error:
	 * 10 × ((128 − 185,3)/5 + (20 − 30) × 0,052) = −119,8 */
	estimate(*state, "achat_responsable", &res, "n=10", "element=Laptop",
		 "element_ref=Laptop eco", "pays=France", NULL);
	assert_near(res.ghg_kg, -119.8);
	assert_trace_has(&res, "= -119,8 kg CO2e/an\n");
	fp_av_result_free(&res);
}

/* ---- pue ---- */

static void test_pue(void **state)
{
	struct fp_av_result res;
	fp_av_result_init(&res);
	/* 500 000 × (1,8 − 1,4) × 0,052 = 10 400; acidification × 0,0003 = 60 */
	estimate(*state, "pue", &res, "kwh=500000", "pue0=1,8", "pue1=1,4", "pays=France", NULL);
	assert_near(res.ghg_kg, 10400);
	assert_near(res.v[ACID], 60);
	assert_trace_has(&res, "Changement climatique : 500" NN "000 × (1,8 " MINUS
			       " 1,4) × 0,052 = 10" NN "400 kg CO2e/an\n");
	fp_av_result_free(&res);

	/* pue0 = PUEParDefaut 1,5: 500 000 × 0,3 × 0,052 = 7 800; Allemagne has no
	 * acidification factor, so only GHG. */
	estimate(*state, "pue", &res, "kwh=500000", "pue1=1,2", "pays=France", NULL);
	assert_near(res.ghg_kg, 7800);
	assert_trace_has(&res, "PUE avant : 1,5 (hypothèse PUEParDefaut)");
	assert_near(used(&res, "hypothèse", "PUEParDefaut", "")->value, 1.5);
	fp_av_result_free(&res);
	estimate(*state, "pue", &res, "kwh=1000", "pue0=2", "pue1=1,5", "pays=Allemagne", NULL);
	assert_near(res.ghg_kg, 200);
	assert_true(res.has[GHG] && !res.has[ACID] && !res.has[RAD]);
	fp_av_result_free(&res);
}

/* ---- consolidation ---- */

static void test_consolidation(void **state)
{
	struct fp_av_result res;
	fp_av_result_init(&res);
	/* energy 20 × 400 × 8 760 × 1,5 / 1 000 = 105 120 → 5 × 600 × … = 39 420 kWh/an;
	 * GHG 65 700 × 0,052 + 15 × 1 500 / 5 = 3 416,4 + 4 500 = 7 916,4;
	 * acidification 65 700 × 0,0003 + 15 × 10 / 5 = 49,71 */
	estimate(*state, "consolidation", &res, "n0=20", "n1=5", "w0=400", "w1=600", "pays=France",
		 "type=Serveur", NULL);
	assert_near(res.ghg_kg, 7916.4);
	assert_near(res.v[ACID], 49.71);
	assert_trace_has(&res, "Énergie sans l'action : 20 × 400 W × 8" NN "760 h × 1,5 / 1" NN
			       "000 = 105" NN "120 kWh/an\n");
	assert_trace_has(&res, "Énergie avec l'action : 5 × 600 W × 8" NN "760 h × 1,5 / 1" NN
			       "000 = 39" NN "420 kWh/an\n");
	assert_trace_has(&res, "Changement climatique : (105" NN "120 " MINUS " 39" NN
			       "420) × 0,052 + (20 " MINUS " 5) × 1" NN "500 / 5 = 3" NN
			       "416,4 + 4" NN "500 = 7" NN "916,4 kg CO2e/an\n");
	assert_trace_has(&res, "durée de vie : 5 ans (durée de vie par défaut du type Serveur)");
	fp_av_result_free(&res);

	/* no server item: energy only; 20 × 400 × 4 000 × 1,2 / 1 000 = 38 400,
	 * 5 × 600 × 4 000 × 1,2 / 1 000 = 14 400; 24 000 × 0,4 = 9 600 */
	estimate(*state, "consolidation", &res, "n0=20", "n1=5", "w0=400", "w1=600",
		 "pays=Allemagne", "pue=1,2", "heures=4000", NULL);
	assert_near(res.ghg_kg, 9600);
	assert_false(res.has[ACID]);
	assert_trace_has(&res, "Fabrication évitée non comptée : ni type ni element donné\n");
	assert_trace_has(&res, "Changement climatique : (38" NN "400 " MINUS " 14" NN
			       "400) × 0,4 = 9" NN "600 kg CO2e/an\n");
	fp_av_result_free(&res);
}

/* ---- errors ---- */

static void test_errors_parameters(void **state)
{
	const struct fp_ref *r = *state;
	estimate_fails(r, "recyclage", "méthode « recyclage » inconnue (méthodes : allongement,",
		       "n=1", NULL);
	estimate_fails(r, "allongement", "paramètre n : requis", "type=Ordinateur portable", "l1=5",
		       NULL);
	estimate_fails(r, "allongement", "paramètre l1 : doit être supérieur à l0 (4)", "n=1",
		       "element=Laptop", "l0=4", "l1=4", NULL);
	estimate_fails(
		r, "allongement",
		"paramètre l1 : doit être supérieur à l0 (4, durée de vie par défaut du type "
		"Ordinateur portable)",
		"n=1", "type=Ordinateur portable", "l1=3", NULL);
	/* "1,200" is 1,2 to a French reader: not a count */
	estimate_fails(r, "allongement",
		       "paramètre n : doit être un nombre entier strictement positif (1,2 donné)",
		       "n=1,200", "type=Ordinateur portable", "l1=5", NULL);
	estimate_fails(r, "allongement", "paramètre n : ", "n=beaucoup", "type=Ordinateur portable",
		       "l1=5", NULL);
	estimate_fails(r, "allongement", "paramètre l1 : doit être d'au moins 1 an", "n=1",
		       "type=Ordinateur portable", "l1=0,5", NULL);
	estimate_fails(
		r, "allongement",
		"paramètre pays : inconnu pour la méthode allongement (paramètres : n, type, "
		"element, l0, l1, reparation, reparation_part)",
		"n=1", "type=Ordinateur portable", "l1=5", "pays=France", NULL);
	estimate_fails(r, "reconditionne", "paramètre part : doit être compris entre 0 et 1", "n=1",
		       "type=Ordinateur portable", "part=20", NULL);
	estimate_fails(r, "reemploi", "paramètre substitution : doit être supérieur à 0", "n=1",
		       "type=Ordinateur portable", "substitution=0", NULL);
	estimate_fails(r, "pue", "paramètre pue1 : doit être inférieur à pue0 (1,4)", "kwh=1",
		       "pue0=1,4", "pue1=1,4", "pays=France", NULL);
	estimate_fails(r, "pue",
		       "paramètre pue1 : doit être inférieur à pue0 (1,5, hypothèse "
		       "PUEParDefaut)",
		       "kwh=1", "pue1=1,6", "pays=France", NULL);
	estimate_fails(r, "pue", "paramètre pue0 : doit être supérieur ou égal à 1", "kwh=1",
		       "pue0=0,9", "pue1=0,8", "pays=France", NULL);
	estimate_fails(r, "pue", "paramètre kwh : doit être strictement positif", "kwh=0",
		       "pue1=1,2", "pays=France", NULL);
	estimate_fails(r, "consolidation", "paramètre n1 : doit être inférieur ou égal à n0 (5)",
		       "n0=5", "n1=6", "w0=1", "w1=1", "pays=France", NULL);
	estimate_fails(r, "consolidation", "paramètre heures : doit être compris entre 0", "n0=5",
		       "n1=1", "w0=1", "w1=1", "heures=9000", "pays=France", NULL);
	estimate_fails(r, "reemploi", "résultat hors limites", "n=1e308", "element=Laptop", NULL);
	estimate_fails(r, "achat_responsable", "paramètre element_ref : requis", "n=1",
		       "element=Laptop", "pays=France", NULL);
}

static void test_errors_referential(void **state)
{
	const struct fp_ref *r = *state;
	estimate_fails(
		r, "allongement",
		"paramètre type : type d'équipement « Tablette » inconnu du référentiel test",
		"n=1", "type=Tablette", "l1=9", NULL);
	estimate_fails(r, "allongement",
		       "paramètre element : élément « Mac » inconnu du référentiel test", "n=1",
		       "element=Mac", "l1=9", NULL);
	estimate_fails(r, "allongement", "le type « Ecran » n'a pas d'élément par défaut", "n=1",
		       "type=Ecran", "l1=9", NULL);
	estimate_fails(r, "reemploi",
		       "l'élément par défaut « Missing » du type « Fantome » est absent", "n=1",
		       "type=Fantome", NULL);
	estimate_fails(r, "reemploi", "paramètres type ou element : l'un des deux est requis",
		       "n=1", NULL);
	estimate_fails(
		r, "reemploi",
		"l'élément « NoGhg » n'a aucun facteur hors usage (fabrication, distribution, "
		"fin de vie) pour le critère Climate change",
		"n=1", "element=NoGhg", NULL);
	estimate_fails(r, "pue", "paramètre pays : pas de mix électrique pour « Japon »", "kwh=1",
		       "pue1=1,1", "pays=Japon", NULL);
	estimate_fails(r, "pue",
		       "le mix électrique de « Espagne » n'a pas de facteur pour le critère "
		       "Climate change",
		       "kwh=1", "pue1=1,1", "pays=Espagne", NULL);
	estimate_fails(
		r, "achat_responsable",
		"paramètre kwh : requis, l'élément « Server » n'a pas de consommation moyenne",
		"n=1", "element=Server", "element_ref=Laptop", "pays=France", NULL);
	estimate_fails(r, "consolidation", "l'élément « NoGhg » n'a aucun facteur hors usage",
		       "n0=2", "n1=1", "w0=1", "w1=1", "pays=France", "element=NoGhg", NULL);

	/* no hypotheses: the defaults they give become required */
	struct fp_ref *bare = build_ref(0);
	estimate_fails(
		bare, "consolidation",
		"paramètre pue : requis, le référentiel test n'a pas d'hypothèse PUEParDefaut",
		"n0=2", "n1=1", "w0=1", "w1=1", "pays=France", NULL);
	estimate_fails(
		bare, "reconditionne",
		"paramètre duree : requis, le référentiel test ne donnant pas de durée de vie "
		"par défaut",
		"n=1", "element=Laptop", NULL);
	fp_ref_free(bare);

	/* no climate-change criterion at all */
	struct fp_ref *noghg = fp_ref_new("sans-ges", "1");
	fp_ref_add_crit(noghg, "ACIDIFICATION", "Acidification", "mol H+ eq");
	item(noghg, "Laptop", 0, 1, NAN, NAN);
	estimate_fails(noghg, "reemploi",
		       "le référentiel sans-ges n'a pas le critère changement climatique", "n=1",
		       "element=Laptop", NULL);
	fp_ref_free(noghg);
}

static void test_ghg_in_tonnes(void **state)
{
	(void)state;
	struct fp_ref *r = fp_ref_new("tonnes", "1");
	fp_ref_add_crit(r, "Changement climatique", "Changement climatique", "t CO2 eq");
	item(r, "PC", 0, 0.2, NAN, NAN);
	struct fp_av_result res;
	fp_av_result_init(&res);
	/* 10 × 0,2 t = 2 t = 2 000 kg */
	estimate(r, "reemploi", &res, "n=10", "element=PC", NULL);
	assert_near(res.v[0], 2);
	assert_near(res.ghg_kg, 2000);
	assert_trace_has(&res, "= 2 t CO2 eq, soit 2" NN "000 kg CO2e, une seule fois");
	fp_av_result_free(&res);
	fp_ref_free(r);
}

/* ---- parameters ---- */

static void add_fails(const char *kv, const char *part)
{
	struct fp_av_params p = FP_AV_PARAMS_INIT;
	struct err err = ERR_INIT;
	TS_OK(&err, fp_av_params_add(&p, "n=1", &err));
	if (fp_av_params_add(&p, kv, &err) == 0)
		fail_msg("\"%s\" accepted", kv);
	ts_assert_msg_has(err.msg.ptr, part);
	assert_int_equal(p.n, 1);
	fp_av_params_free(&p);
	err_free(&err);
}

static void test_params_add(void **state)
{
	(void)state;
	struct fp_av_params p = FP_AV_PARAMS_INIT;
	struct err err = ERR_INIT;
	TS_OK(&err, fp_av_params_add(&p, " Type = Ordinateur portable ", &err));
	TS_OK(&err, fp_av_params_add(&p, "element=a=b", &err));
	TS_OK(&err, fp_av_params_set(&p, "n", "3", &err));
	assert_int_equal(p.n, 3);
	assert_string_equal(p.kv[0].key, "element"); /* kept sorted */
	assert_string_equal(fp_av_params_get(&p, "element"), "a=b");
	assert_string_equal(fp_av_params_get(&p, "type"), "Ordinateur portable");
	assert_null(fp_av_params_get(&p, "l1"));
	fp_av_params_free(&p);
	err_free(&err);

	add_fails("l1", "paramètre « l1 » : attendu nom=valeur");
	add_fails("=5", "paramètre sans nom");
	add_fails("l1=  ", "paramètre l1 : valeur vide");
	add_fails("N=2", "paramètre n : donné deux fois");
	add_fails("l 1=2", "paramètre « l 1 » : nom invalide");
	add_fails("type=a\tb\nc", "paramètre type : caractère de contrôle interdit");
	add_fails("type=\xff", "paramètre type : texte qui n'est pas de l'UTF-8 valide");
}

static void test_params_check(void **state)
{
	(void)state;
	const struct fp_av_method *m = fp_av_method_find("allongement");
	struct fp_av_params p = FP_AV_PARAMS_INIT;
	struct err err = ERR_INIT;
	TS_OK(&err, fp_av_params_add(&p, "n=10", &err));
	TS_OK(&err, fp_av_params_add(&p, "l1=5", &err));
	assert_int_equal(fp_av_params_check(m, &p, &err), -1);
	assert_string_equal(err.msg.ptr, "paramètres type ou element : l'un des deux est requis");
	/* the type's existence and l0 need the referential: a check without it passes */
	TS_OK(&err, fp_av_params_add(&p, "type=Ordinateur portable", &err));
	TS_OK(&err, fp_av_params_check(m, &p, &err));
	TS_OK(&err, fp_av_params_add(&p, "l0=6", &err));
	assert_int_equal(fp_av_params_check(m, &p, &err), -1);
	assert_string_equal(err.msg.ptr, "paramètre l1 : doit être supérieur à l0 (6)");
	fp_av_params_free(&p);
	err_free(&err);
}

static void test_canonical_round_trip(void **state)
{
	const struct fp_av_method *m = fp_av_method_find("allongement");
	struct fp_av_params p = FP_AV_PARAMS_INIT, q = FP_AV_PARAMS_INIT;
	struct err err = ERR_INIT;
	struct buf c1 = BUF_INIT, c2 = BUF_INIT;
	TS_OK(&err, fp_av_params_add(&p, "type=Ordinateur portable", &err));
	TS_OK(&err, fp_av_params_add(&p, "n=1 200", &err));
	TS_OK(&err, fp_av_params_add(&p, "l1=5,0", &err));
	TS_OK(&err, fp_av_params_add(&p, "reparation=2.5e1", &err));
	TS_OK(&err, fp_av_params_canonical(m, &p, &c1, &err));
	assert_string_equal(c1.ptr, "l1=5;n=1200;reparation=25;type=Ordinateur portable");

	TS_OK(&err, fp_av_params_parse(c1.ptr, &q, &err));
	assert_int_equal(q.n, 4);
	assert_string_equal(fp_av_params_get(&q, "n"), "1200");
	TS_OK(&err, fp_av_params_canonical(m, &q, &c2, &err));
	assert_string_equal(c1.ptr, c2.ptr);

	/* the stored string recomputes the same estimate */
	struct fp_av_result a, b;
	fp_av_result_init(&a);
	fp_av_result_init(&b);
	TS_OK(&err, fp_av_estimate(*state, "allongement", &p, &a, &err));
	TS_OK(&err, fp_av_estimate_canonical(*state, "allongement", c1.ptr, &b, &err));
	assert_true(a.ghg_kg == b.ghg_kg);
	/* 1 200 × (185,3/4 − (185,3 + 25)/5) = 5 118 */
	assert_near(b.ghg_kg, 5118);
	assert_string_equal(a.trace.ptr, b.trace.ptr);
	fp_av_result_free(&a);
	fp_av_result_free(&b);
	fp_av_params_free(&p);
	fp_av_params_free(&q);

	/* without a method: values as given, with ';' and '\' escaped */
	buf_reset(&c1);
	buf_reset(&c2);
	TS_OK(&err, fp_av_params_add(&p, "element=a;b\\c", &err));
	TS_OK(&err, fp_av_params_add(&p, "n=1 200", &err));
	TS_OK(&err, fp_av_params_canonical(NULL, &p, &c1, &err));
	assert_string_equal(c1.ptr, "element=a\\;b\\\\c;n=1 200");
	TS_OK(&err, fp_av_params_parse(c1.ptr, &q, &err));
	assert_string_equal(fp_av_params_get(&q, "element"), "a;b\\c");
	TS_OK(&err, fp_av_params_canonical(NULL, &q, &c2, &err));
	assert_string_equal(c1.ptr, c2.ptr);
	fp_av_params_free(&p);
	fp_av_params_free(&q);

	/* a method's check runs before writing; out untouched on error */
	buf_reset(&c1);
	TS_OK(&err, fp_av_params_add(&p, "n=0", &err));
	assert_int_equal(fp_av_params_canonical(m, &p, &c1, &err), -1);
	assert_int_equal(c1.len, 0);
	ts_assert_msg_has(err.msg.ptr, "paramètre n : doit être un nombre entier");
	fp_av_params_free(&p);

	/* empty string: no parameter */
	TS_OK(&err, fp_av_params_parse("", &q, &err));
	assert_int_equal(q.n, 0);
	buf_free(&c1);
	buf_free(&c2);
	err_free(&err);
}

static void parse_fails(const char *s, const char *part)
{
	struct fp_av_params p = FP_AV_PARAMS_INIT;
	struct err err = ERR_INIT;
	if (fp_av_params_parse(s, &p, &err) == 0)
		fail_msg("\"%s\" accepted", s);
	ts_assert_msg_has(err.msg.ptr, part);
	assert_int_equal(p.n, 0);
	err_free(&err);
}

static void test_canonical_parse_errors(void **state)
{
	(void)state;
	parse_fails("n=1;;l1=5", "paramètres enregistrés illisibles : ");
	parse_fails("n=1;", "sans « = »");
	parse_fails("n=1\\x", "« \\ » doit précéder « \\ » ou « ; »");
	parse_fails("n=1\\", "« \\ » doit précéder");
	parse_fails("n=1;n=2", "paramètres enregistrés illisibles : paramètre n : donné deux fois");
	parse_fails("n=", "valeur vide");
}

/* ---- numbers in traces ---- */

static void fmt_is(double v, const char *want)
{
	struct buf b = BUF_INIT;
	fp_av_fmt(&b, v);
	if (strcmp(b.ptr, want))
		fail_msg("fp_av_fmt(%.17g) = \"%s\", want \"%s\"", v, b.ptr, want);
	buf_free(&b);
}

static void test_fmt(void **state)
{
	(void)state;
	fmt_is(11118.000000000002, "11" NN "118");
	fmt_is(185.3, "185,3");
	fmt_is(0.0569, "0,0569");
	fmt_is(1234567.8, "1" NN "234" NN "568");
	fmt_is(9.999996, "10");
	fmt_is(999999.7, "1" NN "000" NN "000");
	fmt_is(-1234.5, "-1" NN "234,5");
	fmt_is(0, "0");
	fmt_is(-0.0, "0");
	fmt_is(100, "100");
	fmt_is(1900.0666666666666, "1" NN "900,07");
	fmt_is(1e-7, "0,0000001");
	fmt_is(-1e-50, "0");
	fmt_is(NAN, "n/d");
	fmt_is(INFINITY, "n/d");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry),
		cmocka_unit_test_setup_teardown(test_allongement_type_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_allongement_model_and_repair, setup, teardown),
		cmocka_unit_test_setup_teardown(test_allongement_hypothesis_lifespan, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_reconditionne, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reemploi, setup, teardown),
		cmocka_unit_test_setup_teardown(test_achat_responsable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pue, setup, teardown),
		cmocka_unit_test_setup_teardown(test_consolidation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors_parameters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors_referential, setup, teardown),
		cmocka_unit_test(test_ghg_in_tonnes),
		cmocka_unit_test(test_params_add),
		cmocka_unit_test(test_params_check),
		cmocka_unit_test_setup_teardown(test_canonical_round_trip, setup, teardown),
		cmocka_unit_test(test_canonical_parse_errors),
		cmocka_unit_test(test_fmt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
