/* test_fp_calc.c: the footprint formulas (src/footprint/fp_calc*.c) on hand-computed cases, one per
 * rule, and NumEcoEval's golden case. The numbers here are the worked examples of docs/formulas.md.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "footprint/fp_calc.h"
#include "footprint/fp_inventory.h"
#include "footprint/fp_ref.h"
#include "io/csv.h"
#include "support.h"

#define CC 0 /* Climate change */
#define RU 1 /* Resource use */

#define NEAR(got, want)                                                       \
	do {                                                                  \
		double g_ = (got), w_ = (want);                               \
		if (fabs(g_ - w_) > 1e-12 * fmax(1.0, fabs(w_)))              \
			fail_msg("%s = %.17g, expected %.17g", #got, g_, w_); \
	} while (0)

static void ref_str(char **slot, const char *v)
{
	free(*slot);
	*slot = xstrdup(v);
}

static void item(struct fp_ref *r, const char *name, double kwh, const char *source,
		 const double f[2][FP_PHASE_COUNT], const unsigned char has[2][FP_PHASE_COUNT])
{
	struct fp_item *it = fp_ref_item_get(r, name);
	it->has_avg_kwh = kwh > 0;
	it->avg_kwh = kwh;
	ref_str(&it->source, source);
	for (int c = 0; c < 2; c++)
		for (int p = 0; p < FP_PHASE_COUNT; p++) {
			it->has[c][p] = has[c][p];
			it->f[c][p] = f[c][p];
		}
}

static void type(struct fp_ref *r, const char *name, double lifespan, int server,
		 const char *default_item)
{
	struct fp_item_type *t = fp_ref_type_get(r, name);
	t->has_lifespan = lifespan > 0;
	t->lifespan = lifespan;
	t->is_server = server;
	ref_str(&t->default_item, default_item);
}

static void mix(struct fp_ref *r, const char *country, int has_ru, double cc, double ru)
{
	struct fp_mix *m = fp_ref_mix_get(r, country);
	m->has[CC] = 1;
	m->f[CC] = cc;
	m->has[RU] = (unsigned char)has_ru;
	m->f[RU] = ru;
	ref_str(&m->source, "Mix de test");
}

/* The test referential (docs/formulas.md, "Référentiel des exemples"):
 *   laptop-1: F(CC) = 100 / 10 / — / 5, F(RU) = 0.01 / 0.001 / — / none; 20 kWh/yr
 *   server-1: F(CC) = 1000 / 50 / — / 20, F(RU) = 0.1 / 0.005 / — / 0.002; 1000 kWh/yr
 *   types Laptop (4 years, default laptop-1), Server (6 years, server,
 *   default server-1), Phone (no lifespan, no default item), Ghosted (3
 *   years, default item absent); model "Dell X" → server-1;
 *   mixes France 0.05 / 1e-8, Germany 0.4 / none;
 *   hypotheses PUEParDefaut 1.5, dureeVieParDefaut 3, COPE 0.8, BYOD 0.5. */
static struct fp_ref *test_ref(int with_hyps)
{
	struct fp_ref *r = fp_ref_new("test", "1");
	assert_int_equal(fp_ref_add_crit(r, "CLIMATE_CHANGE", "Climate change", "kg CO2 eq"), CC);
	assert_int_equal(fp_ref_add_crit(r, "RESOURCE_USE", "Resource use", "kg Sb eq"), RU);
	static const double lf[2][FP_PHASE_COUNT] = { { 100, 10, 0, 5 }, { 0.01, 0.001, 0, 0 } };
	static const unsigned char lh[2][FP_PHASE_COUNT] = { { 1, 1, 0, 1 }, { 1, 1, 0, 0 } };
	static const double sf[2][FP_PHASE_COUNT] = { { 1000, 50, 0, 20 },
						      { 0.1, 0.005, 0, 0.002 } };
	static const unsigned char sh[2][FP_PHASE_COUNT] = { { 1, 1, 0, 1 }, { 1, 1, 0, 1 } };
	item(r, "laptop-1", 20, "Portables", lf, lh);
	item(r, "server-1", 1000, "Serveurs", sf, sh);
	type(r, "Laptop", 4, 0, "laptop-1");
	type(r, "Server", 6, 1, "server-1");
	type(r, "Phone", 0, 0, "");
	type(r, "Ghosted", 3, 0, "ghost");
	fp_ref_set_match(r, "Dell X", "server-1");
	fp_ref_set_match(r, "Ghost Model", "nothing");
	mix(r, "France", 1, 0.05, 1e-8);
	mix(r, "Germany", 0, 0.4, 0);
	if (with_hyps) {
		fp_ref_set_hyp(r, "PUEParDefaut", 1.5, "test");
		fp_ref_set_hyp(r, "dureeVieParDefaut", 3, "test");
		fp_ref_set_hyp(r, "taux_utilisation_COPE", 0.8, "test");
		fp_ref_set_hyp(r, "taux_utilisation_BYOD", 0.5, "test");
	}
	return r;
}

/* A laptop of type Laptop in France, bought 2020-01-01, retired 2022-01-01. */
static void row_init(struct fp_physical *p)
{
	fp_physical_init(p);
	p->name = (char *)"eq-1";
	p->model = (char *)"Unknown model";
	p->type = (char *)"Laptop";
	p->country = (char *)"France";
	p->quantity = 2;
	strcpy(p->purchase, "2020-01-01");
	strcpy(p->retire, "2022-01-01");
}

struct fx {
	struct fp_ref *ref;
	struct fp_calc_ctx c;
	struct fp_physical row;
	struct fp_phys_result res;
};

static int setup_mode(void **state, enum fp_lifespan_mode mode, int hyps)
{
	struct fx *f = xcalloc(1, sizeof(*f));
	f->ref = test_ref(hyps);
	if (fp_calc_init(&f->c, f->ref, mode, "2024-01-01") < 0)
		return -1;
	row_init(&f->row);
	fp_phys_result_init(&f->res);
	*state = f;
	return 0;
}

static int setup_real(void **state)
{
	return setup_mode(state, FP_LIFESPAN_REAL, 1);
}

static int setup_fixed(void **state)
{
	return setup_mode(state, FP_LIFESPAN_FIXED, 1);
}

static int setup_nohyp(void **state)
{
	return setup_mode(state, FP_LIFESPAN_REAL, 0);
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fp_phys_result_free(&f->res);
	fp_physical_free(&f->row);
	fp_ref_free(f->ref);
	free(f);
	return 0;
}

static void eval(struct fx *f, const struct fp_datacenter *dc)
{
	fp_eval_physical(&f->c, &f->row, dc, &f->res);
}

static void assert_err(const struct fx *f, size_t c, enum fp_phase p, const char *part)
{
	if (f->res.ind.st[c][p] != FP_ERREUR)
		fail_msg("indicator %zu/%d is OK (%g), expected ERREUR", c, (int)p,
			 f->res.ind.v[c][p]);
	ts_assert_msg_has(fp_ind_reason(&f->res.ind, c, p), part);
}

static void assert_ok(const struct fx *f, size_t c, enum fp_phase p, double want)
{
	if (f->res.ind.st[c][p] != FP_OK)
		fail_msg("indicator %zu/%d in error: %s", c, (int)p,
			 fp_ind_reason(&f->res.ind, c, p));
	NEAR(f->res.ind.v[c][p], want);
}

static void trace_is(const struct fx *f, size_t c, enum fp_phase p, const char *want)
{
	struct buf b = BUF_INIT;
	fp_phys_trace(&f->c, &f->row, &f->res, c, p, &b);
	assert_string_equal(b.ptr, want);
	buf_free(&b);
}

/* ---- reference item ---- */

static void test_match_by_type(void **state)
{
	struct fx *f = *state;
	eval(f, NULL);
	assert_int_equal(f->res.match, FP_MATCH_TYPE);
	assert_string_equal(f->res.item->name, "laptop-1");
	/* 731 days: I = 2 × 100 × 1 / (731 / 365) = 99.86320109439124 */
	assert_ok(f, CC, FP_FABRICATION, 2.0 * 100 / (731.0 / 365));
	NEAR(f->res.ind.v[CC][FP_FABRICATION], 99.86320109439124);
}

static void test_match_by_model(void **state)
{
	struct fx *f = *state;
	f->row.model = (char *)"Dell X";
	eval(f, NULL);
	assert_int_equal(f->res.match, FP_MATCH_MODEL);
	assert_string_equal(f->res.item->name, "server-1");
	assert_string_equal(fp_match_code(f->res.match), "modele");
	assert_ok(f, CC, FP_FABRICATION, 2.0 * 1000 / (731.0 / 365));
}

static void test_match_model_to_missing_item_falls_back_to_type(void **state)
{
	struct fx *f = *state;
	f->row.model = (char *)"Ghost Model";
	eval(f, NULL);
	assert_int_equal(f->res.match, FP_MATCH_TYPE);
	assert_string_equal(f->res.item->name, "laptop-1");
}

static void test_unknown_item(void **state)
{
	struct fx *f = *state;
	f->row.type = (char *)"Phone"; /* no default item, model unmatched */
	f->row.has_kwh = 1;
	f->row.kwh = 10;
	eval(f, NULL);
	assert_int_equal(f->res.match, FP_MATCH_NONE);
	assert_null(f->res.item);
	for (size_t c = 0; c < 2; c++) {
		assert_err(f, c, FP_FABRICATION, "pas d'élément par défaut pour le type « Phone »");
		assert_err(f, c, FP_DISTRIBUTION, "Unknown model");
		assert_err(f, c, FP_FIN_DE_VIE, "élément de référence inconnu");
	}
	/* The use phase needs no item when consoElecAnnuelle is given: 2 × 10 × 0.05 */
	assert_ok(f, CC, FP_UTILISATION, 1.0);
	assert_int_equal(f->res.ind.nerrors, 6);
	ts_assert_msg_has(fp_inds_first_reason(&f->res.ind), "élément de référence inconnu");
}

static void test_unknown_type_and_missing_default(void **state)
{
	struct fx *f = *state;
	f->row.type = (char *)"Toaster";
	eval(f, NULL);
	assert_err(f, CC, FP_FABRICATION, "type « Toaster » inconnu du référentiel");
	/* No item, no consoElecAnnuelle: the use phase fails too. */
	assert_err(f, CC, FP_UTILISATION, "consommation électrique inconnue");
	f->row.type = (char *)"Ghosted";
	eval(f, NULL);
	assert_err(f, RU, FP_FABRICATION, "« ghost » du type « Ghosted » est absent");
}

static void test_missing_factor(void **state)
{
	struct fx *f = *state;
	eval(f, NULL);
	/* laptop-1 has no Resource use factor at end of life. */
	assert_err(f, RU, FP_FIN_DE_VIE, "pas de facteur d'impact pour « Resource use »");
	assert_ok(f, CC, FP_FIN_DE_VIE, 2.0 * 5 / (731.0 / 365));
	assert_ok(f, RU, FP_DISTRIBUTION, 2.0 * 0.001 / (731.0 / 365));
	assert_int_equal(f->res.ind.nerrors, 1);
}

static void test_row_error(void **state)
{
	struct fx *f = *state;
	f->row.error = (char *)"quantite : « deux » n'est pas un nombre";
	eval(f, NULL);
	for (size_t c = 0; c < 2; c++)
		for (int p = 0; p < FP_PHASE_COUNT; p++)
			assert_err(f, c, (enum fp_phase)p, "ligne invalide : quantite");
	assert_int_equal(f->res.ind.nerrors, 8);
	f->row.error = (char *)"";
	eval(f, NULL);
	assert_int_equal(f->res.ind.nerrors, 1); /* the result is reused cleanly */
}

/* ---- lifespan ---- */

static void test_real_lifespan(void **state)
{
	struct fx *f = *state;
	eval(f, NULL);
	assert_int_equal(f->res.life_src, FP_LIFE_REAL);
	NEAR(f->res.lifespan, 731.0 / 365);
	trace_is(f, CC, FP_FABRICATION,
		 "I = Q(2) × F(100, Portables) × U(1) / L(2.0027397260273974 ; réelle : "
		 "2020-01-01 → 2022-01-01)");
}

static void test_real_lifespan_evaluation_date(void **state)
{
	struct fx *f = *state;
	strcpy(f->row.purchase, "2022-01-01");
	f->row.retire[0] = '\0';
	eval(f, NULL); /* evaluation date 2024-01-01: 730 days, L = 2 */
	assert_int_equal(f->res.life_src, FP_LIFE_REAL_DATE);
	NEAR(f->res.lifespan, 2.0);
	assert_ok(f, CC, FP_FABRICATION, 100.0);
	trace_is(f, CC, FP_FABRICATION,
		 "I = Q(2) × F(100, Portables) × U(1) / L(2 ; réelle : 2022-01-01 → date "
		 "d'évaluation 2024-01-01)");
}

static void test_real_lifespan_missing_purchase(void **state)
{
	struct fx *f = *state;
	f->row.purchase[0] = '\0';
	eval(f, NULL); /* Laptop: 4 years */
	assert_int_equal(f->res.life_src, FP_LIFE_TYPE);
	assert_ok(f, CC, FP_FABRICATION, 2.0 * 100 / 4);
	trace_is(f, CC, FP_FABRICATION,
		 "I = Q(2) × F(100, Portables) × U(1) / L(4 ; défaut du type Laptop)");
	/* Phone has no default lifespan: the hypothesis, 3 years. */
	f->row.type = (char *)"Phone";
	f->row.model = (char *)"Dell X";
	eval(f, NULL);
	assert_int_equal(f->res.life_src, FP_LIFE_HYPOTHESIS);
	assert_ok(f, CC, FP_FABRICATION, 2.0 * 1000 / 3);
	trace_is(f, CC, FP_FABRICATION,
		 "I = Q(2) × F(1000, Serveurs) × U(1) / L(3 ; hypothèse dureeVieParDefaut)");
}

static void test_lifespan_unknown_without_hypothesis(void **state)
{
	struct fx *f = *state;
	f->row.purchase[0] = '\0';
	f->row.type = (char *)"Phone";
	f->row.model = (char *)"Dell X";
	eval(f, NULL);
	assert_int_equal(f->res.life_src, FP_LIFE_NONE);
	assert_err(f, CC, FP_FABRICATION, "durée de vie inconnue : date d'achat absente");
	/* The use phase does not need a lifespan: 2 × 1000 × 0.05 (Phone is no server). */
	assert_ok(f, CC, FP_UTILISATION, 100.0);
}

static void test_lifespan_under_a_year(void **state)
{
	struct fx *f = *state;
	strcpy(f->row.purchase, "2023-07-01");
	strcpy(f->row.retire, "2023-12-31"); /* 183 days */
	eval(f, NULL);
	NEAR(f->res.lifespan_raw, 183.0 / 365);
	NEAR(f->res.lifespan, 1.0);
	assert_ok(f, CC, FP_FABRICATION, 200.0);
	trace_is(f, CC, FP_FABRICATION,
		 "I = Q(2) × F(100, Portables) × U(1) / L(1 ; réelle : 2023-07-01 → 2023-12-31 ; "
		 "portée à 1 an, calculée 0.5013698630136987)");
}

static void test_retire_before_purchase(void **state)
{
	struct fx *f = *state;
	strcpy(f->row.retire, "2019-01-01");
	eval(f, NULL);
	assert_err(f, CC, FP_FABRICATION, "date de retrait (2019-01-01) antérieure");
	assert_ok(f, CC, FP_UTILISATION, 2.0 * 20 * 0.05);
}

static void test_fixed_lifespan(void **state)
{
	struct fx *f = *state;
	f->row.has_internal = 1;
	f->row.internal = 3;
	eval(f, NULL);
	assert_int_equal(f->res.life_src, FP_LIFE_FIXED);
	assert_ok(f, CC, FP_FABRICATION, 2.0 * 100 / 3);
	/* Plus upstream and downstream when given: 3 + 1 + 0.5 = 4.5 */
	f->row.has_upstream = f->row.has_downstream = 1;
	f->row.upstream = 1;
	f->row.downstream = 0.5;
	eval(f, NULL);
	NEAR(f->res.lifespan, 4.5);
	assert_ok(f, CC, FP_FABRICATION, 200.0 / 4.5);
	trace_is(f, CC, FP_FABRICATION,
		 "I = Q(2) × F(100, Portables) × U(1) / L(4.5 ; fixe : interne 3 + amont 1 + aval "
		 "0.5)");
	/* Under a year. */
	f->row.has_upstream = f->row.has_downstream = 0;
	f->row.internal = 0.5;
	eval(f, NULL);
	NEAR(f->res.lifespan, 1.0);
	assert_ok(f, CC, FP_FABRICATION, 200.0);
}

static void test_fixed_lifespan_missing(void **state)
{
	struct fx *f = *state;
	eval(f, NULL); /* no dureeUsageInterne: the dates are not used in fixed mode */
	assert_int_equal(f->res.life_src, FP_LIFE_TYPE);
	assert_ok(f, CC, FP_FABRICATION, 50.0);
}

/* ---- usage share ---- */

static void test_usage_share(void **state)
{
	struct fx *f = *state;
	strcpy(f->row.purchase, "2022-01-01");
	f->row.retire[0] = '\0'; /* L = 2 */
	f->row.has_rate = 1;
	f->row.rate = 0.5;
	f->row.mode = (char *)"COPE"; /* the rate wins */
	eval(f, NULL);
	assert_int_equal(f->res.usage_src, FP_USAGE_RATE);
	assert_ok(f, CC, FP_FABRICATION, 2 * 100 * 0.5 / 2);
	assert_ok(f, CC, FP_UTILISATION, 2 * 20 * 0.05 * 0.5);
	f->row.has_rate = 0;
	eval(f, NULL);
	assert_int_equal(f->res.usage_src, FP_USAGE_COPE);
	assert_ok(f, CC, FP_FABRICATION, 2 * 100 * 0.8 / 2);
	trace_is(f, CC, FP_FABRICATION,
		 "I = Q(2) × F(100, Portables) × U(0.8 ; hypothèse taux_utilisation_COPE) / L(2 ; "
		 "réelle : 2022-01-01 → date d'évaluation 2024-01-01)");
	f->row.mode = (char *)"byod";
	eval(f, NULL);
	assert_int_equal(f->res.usage_src, FP_USAGE_BYOD);
	assert_ok(f, CC, FP_FABRICATION, 2 * 100 * 0.5 / 2);
	f->row.mode = (char *)"";
	eval(f, NULL);
	assert_int_equal(f->res.usage_src, FP_USAGE_DEFAULT);
	assert_ok(f, CC, FP_FABRICATION, 100);
}

static void test_usage_share_no_hypothesis(void **state)
{
	struct fx *f = *state;
	f->row.mode = (char *)"COPE";
	eval(f, NULL);
	assert_int_equal(f->res.usage_src, FP_USAGE_DEFAULT);
	NEAR(f->res.usage, 1);
}

/* ---- use phase ---- */

static void dc_init(struct fp_datacenter *dc, const char *name, const char *country, double pue)
{
	fp_datacenter_init(dc);
	dc->name = (char *)name;
	dc->country = (char *)country;
	dc->has_pue = pue > 0;
	dc->pue = pue;
}

static void test_use_server_in_datacenter(void **state)
{
	struct fx *f = *state;
	struct fp_datacenter dc;
	dc_init(&dc, "B1", "Germany", 1.2);
	f->row.type = (char *)"Server";
	f->row.quantity = 1;
	f->row.datacenter = (char *)"B1";
	eval(f, &dc);
	/* E = 1000 (server-1's average), M = 0.4 (Germany, not France) × 1.2 */
	assert_int_equal(f->res.elec_src, FP_ELEC_DC);
	assert_ok(f, CC, FP_UTILISATION, 480.0);
	trace_is(f, CC, FP_UTILISATION,
		 "I = Q(1) × E(1000 ; moyenne de l'élément server-1) × M(0.4 × "
		 "PUE 1.2 ; centre de données B1, mix Germany, Mix de test) × U(1)");
	/* Germany has no Resource use mix factor. */
	assert_err(f, RU, FP_UTILISATION,
		   "pas de facteur de mix électrique pour « Resource use » "
		   "dans le pays « Germany »");
	fp_datacenter_free(&dc);
}

static void test_use_server_pue_default(void **state)
{
	struct fx *f = *state;
	struct fp_datacenter dc;
	dc_init(&dc, "F1", "France", 0);
	f->row.type = (char *)"Server";
	f->row.quantity = 1;
	f->row.datacenter = (char *)"F1";
	eval(f, &dc);
	/* 1000 × 0.05 × 1.5 (PUEParDefaut) */
	assert_int_equal(f->res.elec_src, FP_ELEC_DC_PUE_HYP);
	NEAR(f->res.pue, 1.5);
	assert_ok(f, CC, FP_UTILISATION, 75.0);
	assert_ok(f, RU, FP_UTILISATION, 1000 * 1e-8 * 1.5);
	fp_datacenter_free(&dc);
}

static void test_use_server_pue_unknown(void **state)
{
	struct fx *f = *state;
	struct fp_datacenter dc;
	dc_init(&dc, "F1", "France", 0);
	f->row.type = (char *)"Server";
	eval(f, &dc);
	assert_err(f, CC, FP_UTILISATION, "PUE inconnu");
	fp_datacenter_free(&dc);
}

static void test_use_not_server(void **state)
{
	struct fx *f = *state;
	struct fp_datacenter dc;
	dc_init(&dc, "B1", "Germany", 1.2);
	f->row.datacenter = (char *)"B1";
	eval(f, &dc); /* a laptop: the country of use, no PUE: 2 × 20 × 0.05 */
	assert_int_equal(f->res.elec_src, FP_ELEC_COUNTRY);
	assert_ok(f, CC, FP_UTILISATION, 2.0);
	f->row.has_kwh = 1;
	f->row.kwh = 50; /* consoElecAnnuelle wins over the item's average */
	eval(f, &dc);
	assert_ok(f, CC, FP_UTILISATION, 5.0);
	trace_is(f, CC, FP_UTILISATION,
		 "I = Q(2) × E(50 ; consoElecAnnuelle) × M(0.05 ; mix France, Mix "
		 "de test) × U(1)");
	fp_datacenter_free(&dc);
}

static void test_use_server_outside_datacenter(void **state)
{
	struct fx *f = *state;
	f->row.type = (char *)"Server";
	f->row.quantity = 1;
	f->row.datacenter = (char *)"Nowhere"; /* named but not in the data centre file */
	eval(f, NULL);
	assert_int_equal(f->res.elec_src, FP_ELEC_COUNTRY);
	assert_ok(f, CC, FP_UTILISATION, 50.0);
	assert_string_equal(f->res.dc_unknown, "Nowhere");
}

static void test_use_unknown_country(void **state)
{
	struct fx *f = *state;
	f->row.country = (char *)"Atlantis";
	eval(f, NULL);
	assert_err(f, CC, FP_UTILISATION, "pays « Atlantis » inconnu du référentiel");
	assert_err(f, RU, FP_UTILISATION, "Atlantis");
	assert_ok(f, CC, FP_FABRICATION, 2.0 * 100 / (731.0 / 365));
	f->row.country = (char *)"";
	eval(f, NULL);
	assert_err(f, CC, FP_UTILISATION, "pays d'utilisation non renseigné");
}

/* ---- virtual machines ---- */

static void vm_init(struct fp_virtual *v, const char *name)
{
	fp_virtual_init(v);
	v->name = (char *)name;
	v->host = (char *)"host-1";
	v->kind = (char *)"calcul";
}

/* A host with I = 160 (CC, fabrication) and 16 (CC, use), RU use in error. */
static void host_inds(struct fp_inds *h)
{
	fp_inds_init(h);
	h->ncrit = 2;
	h->v[CC][FP_FABRICATION] = 160;
	h->v[CC][FP_UTILISATION] = 16;
	h->st[RU][FP_UTILISATION] = FP_ERREUR;
}

static void test_vm_allocation(void **state)
{
	struct fx *f = *state;
	struct fp_virtual v[4];
	static const double vcpu[4] = { 4, 2, 2, 8 };
	static const char *const names[4] = { "vm-1", "vm-2", "vm-3", "vm-4" };
	struct fp_host_vms h;
	fp_host_vms_init(&h);
	for (int i = 0; i < 4; i++) {
		vm_init(&v[i], names[i]);
		v[i].has_vcpu = 1;
		v[i].vcpu = vcpu[i];
		v[i].has_storage = 1;
		v[i].storage = 100 * (i + 1);
		fp_host_vms_add(&h, &v[i]);
	}
	struct fp_inds host;
	host_inds(&host);
	struct fp_vm_result res;
	fp_vm_result_init(&res);
	/* vCPU: 4 / 16 of 160 = 40 */
	fp_eval_virtual(&f->c, &v[0], &host, &h, &res);
	assert_int_equal(res.alloc, FP_ALLOC_VCPU);
	NEAR(res.share, 0.25);
	NEAR(res.ind.v[CC][FP_FABRICATION], 40);
	NEAR(res.ind.v[CC][FP_UTILISATION], 4);
	assert_int_equal(res.ind.st[RU][FP_UTILISATION], FP_ERREUR);
	ts_assert_msg_has(fp_ind_reason(&res.ind, RU, FP_UTILISATION), "hôte « host-1 » en erreur");
	struct buf b = BUF_INIT;
	fp_vm_trace(&v[0], &host, &h, &res, CC, FP_FABRICATION, &b);
	assert_string_equal(b.ptr, "I = I_hôte(160 ; host-1) × A(4/16 ; vCPU)");
	/* cleRepartition wins: 0.1 × 160 */
	v[1].has_key = 1;
	v[1].key = 0.1;
	fp_eval_virtual(&f->c, &v[1], &host, &h, &res);
	assert_int_equal(res.alloc, FP_ALLOC_KEY);
	NEAR(res.ind.v[CC][FP_FABRICATION], 16);
	/* stockage: 300 / 1000 of 160 = 48 */
	v[2].kind = (char *)"stockage";
	fp_eval_virtual(&f->c, &v[2], &host, &h, &res);
	assert_int_equal(res.alloc, FP_ALLOC_STORAGE);
	NEAR(res.ind.v[CC][FP_FABRICATION], 48);
	buf_reset(&b);
	fp_vm_trace(&v[2], &host, &h, &res, CC, FP_FABRICATION, &b);
	assert_string_equal(b.ptr, "I = I_hôte(160 ; host-1) × A(300/1000 ; stockage)");
	/* No typeEqv: 1 / 4 */
	v[3].kind = (char *)"";
	fp_eval_virtual(&f->c, &v[3], &host, &h, &res);
	assert_int_equal(res.alloc, FP_ALLOC_EVEN);
	NEAR(res.ind.v[CC][FP_FABRICATION], 40);
	buf_reset(&b);
	fp_vm_trace(&v[3], &host, &h, &res, CC, FP_FABRICATION, &b);
	assert_string_equal(b.ptr, "I = I_hôte(160 ; host-1) × A(1/4 ; equipartition)");
	buf_free(&b);
	fp_vm_result_free(&res);
	fp_inds_free(&host);
	for (int i = 0; i < 4; i++)
		fp_virtual_free(&v[i]);
}

static void test_vm_fallback_when_one_vm_lacks_vcpu(void **state)
{
	struct fx *f = *state;
	struct fp_virtual v[3];
	struct fp_host_vms h;
	fp_host_vms_init(&h);
	for (int i = 0; i < 3; i++) {
		vm_init(&v[i], "vm");
		v[i].has_vcpu = i < 2; /* the third has no vCPU */
		v[i].vcpu = 4;
		fp_host_vms_add(&h, &v[i]);
	}
	assert_false(h.all_vcpu);
	struct fp_inds host;
	host_inds(&host);
	struct fp_vm_result res;
	fp_vm_result_init(&res);
	fp_eval_virtual(&f->c, &v[0], &host, &h, &res);
	assert_int_equal(res.alloc, FP_ALLOC_EVEN);
	NEAR(res.share, 1.0 / 3);
	NEAR(res.ind.v[CC][FP_FABRICATION], 160.0 / 3);
	/* Storage VM when not every VM has a capacity: 1 / n too. */
	v[1].kind = (char *)"stockage";
	v[1].has_storage = 1;
	v[1].storage = 10;
	fp_eval_virtual(&f->c, &v[1], &host, &h, &res);
	assert_int_equal(res.alloc, FP_ALLOC_EVEN);
	fp_vm_result_free(&res);
	fp_inds_free(&host);
	for (int i = 0; i < 3; i++)
		fp_virtual_free(&v[i]);
}

static void test_vm_errors(void **state)
{
	struct fx *f = *state;
	struct fp_virtual v;
	vm_init(&v, "vm-1");
	struct fp_host_vms h;
	fp_host_vms_init(&h);
	fp_host_vms_add(&h, &v);
	struct fp_vm_result res;
	fp_vm_result_init(&res);
	fp_eval_virtual(&f->c, &v, NULL, &h, &res);
	assert_int_equal(res.ind.nerrors, 8);
	ts_assert_msg_has(fp_ind_reason(&res.ind, CC, FP_FABRICATION),
			  "équipement physique hôte « host-1 » absent de l'inventaire");
	v.error = (char *)"vCPU : nombre invalide";
	struct fp_inds host;
	host_inds(&host);
	fp_eval_virtual(&f->c, &v, &host, &h, &res);
	assert_int_equal(res.ind.nerrors, 8);
	ts_assert_msg_has(fp_ind_reason(&res.ind, CC, FP_FABRICATION), "ligne invalide : vCPU");
	fp_inds_free(&host);
	fp_vm_result_free(&res);
	fp_virtual_free(&v);
}

/* ---- applications ---- */

static void test_application_sum(void **state)
{
	struct fx *f = *state;
	struct fp_inds vm1, vm2, app;
	fp_inds_init(&vm1);
	fp_inds_init(&vm2);
	fp_inds_init(&app);
	vm1.ncrit = vm2.ncrit = 2;
	vm1.v[CC][FP_FABRICATION] = 40; /* carries 2 applications */
	vm2.v[CC][FP_FABRICATION] = 10; /* carries 1 */
	vm2.st[RU][FP_FIN_DE_VIE] = FP_ERREUR;
	fp_app_begin(&f->c, &app);
	fp_app_add(&app, &vm1, "vm-1", 2);
	fp_app_add(&app, &vm2, "vm-2", 1);
	/* 40 / 2 + 10 / 1 = 30 */
	assert_int_equal(app.st[CC][FP_FABRICATION], FP_OK);
	NEAR(app.v[CC][FP_FABRICATION], 30);
	assert_int_equal(app.st[RU][FP_FIN_DE_VIE], FP_ERREUR);
	ts_assert_msg_has(fp_ind_reason(&app, RU, FP_FIN_DE_VIE),
			  "indicateur de l'équipement virtuel « vm-2 » en erreur");
	assert_int_equal(app.nerrors, 1);
	/* An unknown VM puts every indicator in error. */
	fp_app_begin(&f->c, &app);
	fp_app_add(&app, &vm1, "vm-1", 2);
	fp_app_add(&app, NULL, "vm-9", 0);
	assert_int_equal(app.nerrors, 8);
	ts_assert_msg_has(fp_ind_reason(&app, CC, FP_FABRICATION), "« vm-9 » absent");
	fp_inds_free(&vm1);
	fp_inds_free(&vm2);
	fp_inds_free(&app);
}

/* ---- numbers, dates ---- */

static void test_num_and_dates(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	fp_num(&b, 2);
	buf_addc(&b, ' ');
	fp_num(&b, 0.8);
	buf_addc(&b, ' ');
	fp_num(&b, 2226.09317222576);
	buf_addc(&b, ' ');
	fp_num(&b, 1e-7);
	buf_addc(&b, ' ');
	fp_num(&b, -0.0);
	assert_string_equal(b.ptr, "2 0.8 2226.09317222576 1e-07 0");
	buf_free(&b);
	long a, z;
	assert_int_equal(fp_date_days("1970-01-01", &a), 0);
	assert_int_equal(a, 0);
	assert_int_equal(fp_date_days("2020-07-08", &a), 0);
	assert_int_equal(fp_date_days("2024-11-20", &z), 0);
	assert_int_equal(z - a, 1596);
	assert_int_equal(fp_date_days("2020-13-01", &a), -1);
	assert_int_equal(fp_date_days("20200101", &a), -1);
}

/* ---- NumEcoEval's golden case ---- */

struct golden_row {
	char name[64], step[32], crit[64];
	double value, lifespan, factor, quantity;
};

static size_t read_expected(struct golden_row *out, size_t max)
{
	size_t len;
	char *data = ts_read_data("footprint/golden/expected_ind_physical_equipment.csv", &len);
	struct err err = ERR_INIT;
	struct csv_reader *r = csv_open_mem("expected", data, len, &err);
	assert_non_null(r);
	size_t n = 0;
	assert_int_equal(csv_next(r, &err), 1); /* header */
	assert_string_equal(csv_field(r, 4), "unitImpact");
	while (n < max && csv_next(r, &err) == 1) {
		struct golden_row *g = &out[n++];
		snprintf(g->name, sizeof(g->name), "%s", csv_field(r, 0));
		snprintf(g->step, sizeof(g->step), "%s", csv_field(r, 1));
		snprintf(g->crit, sizeof(g->crit), "%s", csv_field(r, 2));
		g->value = strtod(csv_field(r, 4), NULL);
		g->lifespan = strtod(csv_field(r, 6), NULL);
		g->factor = strtod(csv_field(r, 7), NULL);
		g->quantity = strtod(csv_field(r, 8), NULL);
	}
	csv_close(r);
	err_free(&err);
	free(data);
	return n;
}

static void rel_near(double got, double want, const char *what)
{
	if (fabs(got - want) > 1e-9 * fabs(want))
		fail_msg("%s = %.17g, NumEcoEval gives %.17g", what, got, want);
}

static void test_golden_numecoeval(void **state)
{
	(void)state;
	const char *dir = getenv("NUMECO_TEST_DATA");
	char path[512];
	snprintf(path, sizeof(path), "%s/footprint/g4it_referential", dir ? dir : "tests/data");
	struct diags d = DIAGS_INIT;
	struct fp_ref *ref = fp_ref_load_dir(path, "g4it", "test", &d);
	if (!ref)
		ts_dump_diags(&d);
	assert_non_null(ref);
	struct golden_row want[8];
	size_t nwant = read_expected(want, 8);
	assert_int_equal(nwant, 2);

	struct fp_calc_ctx c;
	assert_int_equal(fp_calc_init(&c, ref, FP_LIFESPAN_REAL, "2025-01-01"), 0);
	snprintf(path, sizeof(path), "%s/footprint/golden/physical_equipment.csv",
		 dir ? dir : "tests/data");
	struct fp_reader *rd = fp_reader_open(path, FP_FILE_PHYSICAL, &d);
	if (!rd)
		ts_dump_diags(&d);
	assert_non_null(rd);
	struct fp_physical row;
	fp_physical_init(&row);
	struct fp_phys_result res;
	fp_phys_result_init(&res);
	size_t checked = 0;
	struct buf trace = BUF_INIT;
	while (fp_read_physical(rd, &row, &d) == 1) {
		fp_eval_physical(&c, &row, NULL, &res);
		for (size_t i = 0; i < nwant; i++) {
			if (strcmp(want[i].name, row.name))
				continue;
			enum fp_phase p;
			assert_int_equal(fp_phase_parse(want[i].step, &p), 0);
			int cr = fp_ref_find_crit(ref, want[i].crit);
			assert_true(cr >= 0);
			assert_int_equal(res.ind.st[cr][p], FP_OK);
			assert_int_equal(res.match, FP_MATCH_TYPE); /* Server → blade-server--28 */
			rel_near(res.ind.v[cr][p], want[i].value, "value");
			rel_near(res.lifespan, want[i].lifespan, "lifespan");
			rel_near(res.item->f[cr][p], want[i].factor, "factor");
			rel_near(row.quantity, want[i].quantity, "quantity");
			if (!strcmp(row.name, "physical-eq-2")) {
				buf_reset(&trace);
				fp_phys_trace(&c, &row, &res, (size_t)cr, p, &trace);
				assert_string_equal(
					trace.ptr, "I = Q(2) × F(2226.09317222576, Fake data for "
						   "tests) × U(1) / L(2.484931506849315 ; réelle : "
						   "2020-07-08 → 2023-01-01)");
			}
			checked++;
		}
	}
	assert_int_equal(checked, 2);
	/* physical-eq-1 by hand: 1 × 2226.09317222576 × 1 / (1596 / 365) */
	buf_free(&trace);
	fp_phys_result_free(&res);
	fp_physical_free(&row);
	fp_reader_close(rd);
	fp_ref_free(ref);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_match_by_type, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_match_by_model, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_match_model_to_missing_item_falls_back_to_type,
						setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_item, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_type_and_missing_default, setup_real,
						teardown),
		cmocka_unit_test_setup_teardown(test_missing_factor, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_row_error, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_real_lifespan, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_real_lifespan_evaluation_date, setup_real,
						teardown),
		cmocka_unit_test_setup_teardown(test_real_lifespan_missing_purchase, setup_real,
						teardown),
		cmocka_unit_test_setup_teardown(test_lifespan_unknown_without_hypothesis,
						setup_nohyp, teardown),
		cmocka_unit_test_setup_teardown(test_lifespan_under_a_year, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_retire_before_purchase, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_fixed_lifespan, setup_fixed, teardown),
		cmocka_unit_test_setup_teardown(test_fixed_lifespan_missing, setup_fixed, teardown),
		cmocka_unit_test_setup_teardown(test_usage_share, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_usage_share_no_hypothesis, setup_nohyp,
						teardown),
		cmocka_unit_test_setup_teardown(test_use_server_in_datacenter, setup_real,
						teardown),
		cmocka_unit_test_setup_teardown(test_use_server_pue_default, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_use_server_pue_unknown, setup_nohyp, teardown),
		cmocka_unit_test_setup_teardown(test_use_not_server, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_use_server_outside_datacenter, setup_real,
						teardown),
		cmocka_unit_test_setup_teardown(test_use_unknown_country, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_vm_allocation, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_vm_fallback_when_one_vm_lacks_vcpu, setup_real,
						teardown),
		cmocka_unit_test_setup_teardown(test_vm_errors, setup_real, teardown),
		cmocka_unit_test_setup_teardown(test_application_sum, setup_real, teardown),
		cmocka_unit_test(test_num_and_dates),
		cmocka_unit_test(test_golden_numecoeval),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
