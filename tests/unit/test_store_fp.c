/* test_store_fp.c: stored footprint referentials, evaluations and action estimates (store_fp.h). */
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

#include "core/xalloc.h"
#include "footprint/fp_eval.h"
#include "footprint/fp_ref.h"
#include "store/store.h"
#include "store/store_fp.h"
#include "support.h"

struct fixture {
	struct ts_tmpdir tmp;
	struct store *s;
	struct err err;
};

/* Inventory files some tests write next to the store file. */
static const char *const INVENTORY_FILES[] = { "dc.csv", "phys.csv", "phys2.csv" };

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	unsetenv("NUMECO_NOW");
	if (ts_store_setup(&f->tmp, &f->s, &f->err, "storefp", NULL)) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char p[256];
	unsetenv("NUMECO_NOW");
	for (size_t i = 0; i < sizeof(INVENTORY_FILES) / sizeof(INVENTORY_FILES[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s", f->tmp.dir, INVENTORY_FILES[i]);
		unlink(p);
	}
	int rc = ts_store_teardown(&f->tmp, f->s, &f->err);
	free(f);
	return rc;
}

/* Asserts success and shows the store's message when it fails. */
#define OK(call) TS_OK(&f->err, call)

/* Asserts failure with a message containing text. */
#define FAILS(call, text)                                  \
	do {                                               \
		err_clear(&f->err);                        \
		assert_int_equal((call), -1);              \
		ts_assert_msg_has(f->err.msg.ptr, (text)); \
	} while (0)

/* Exact equality of doubles (SQLite stores IEEE 754 doubles as they are). */
#define SAME(got, want)                                                       \
	do {                                                                  \
		double g_ = (got), w_ = (want);                               \
		if (g_ != w_)                                                 \
			fail_msg("%s = %.17g, expected %.17g", #got, g_, w_); \
	} while (0)

/* Equality up to rounding (sums whose order may differ). */
#define NEAR(got, want)                                                       \
	do {                                                                  \
		double g_ = (got), w_ = (want);                               \
		if (fabs(g_ - w_) > 1e-9 * fmax(1.0, fabs(w_)))               \
			fail_msg("%s = %.17g, expected %.17g", #got, g_, w_); \
	} while (0)

/* ---- referentials ---- */

#define C_WATER	  0
#define C_CLIMATE 1
#define C_ACID	  2

/* A referential with every kind of content: criteria not in code order, an
 * item with a factor for every criterion × phase but one, an item with a
 * zero factor (present) next to missing ones, an item without factors,
 * avg_kwh absent / zero / set, two mixes, types with and without lifespan
 * and default item, matches and hypotheses. scale changes the values so that
 * two versions can be told apart. */
static struct fp_ref *build_ref(const char *name, const char *version, double scale)
{
	struct fp_ref *r = fp_ref_new(name, version);
	assert_int_equal(fp_ref_add_crit(r, "WATER_USE", "Water use", "m3"), C_WATER);
	assert_int_equal(fp_ref_add_crit(r, "CLIMATE_CHANGE", "Climate change", "kg CO2 eq"),
			 C_CLIMATE);
	assert_int_equal(fp_ref_add_crit(r, "ACIDIFICATION", "Acidification", ""), C_ACID);

	struct fp_item *it = fp_ref_item_get(r, "Server blade");
	ts_set(&it->category, "Server");
	it->has_avg_kwh = 1;
	it->avg_kwh = 3721.5 * scale;
	ts_set(&it->source, "Fake data for tests");
	for (int c = 0; c < 3; c++) {
		for (int p = 0; p < FP_PHASE_COUNT; p++) {
			if (c == C_ACID && p == FP_DISTRIBUTION)
				continue;
			it->has[c][p] = 1;
			it->f[c][p] = scale * (10 * c + p + 1) + 0.1234567891234567;
		}
	}

	it = fp_ref_item_get(r, "Laptop");
	ts_set(&it->category, "Laptop");
	it->has[C_CLIMATE][FP_FABRICATION] = 1;
	it->f[C_CLIMATE][FP_FABRICATION] = 250.75 * scale;
	it->has[C_CLIMATE][FP_UTILISATION] = 1;
	it->f[C_CLIMATE][FP_UTILISATION] = 0.0;

	it = fp_ref_item_get(r, "Écran 24\" « large »");
	ts_set(&it->category, "Monitor");
	it->has_avg_kwh = 1;
	it->avg_kwh = 0.0;

	struct fp_mix *m = fp_ref_mix_get(r, "France");
	m->has[C_CLIMATE] = 1;
	m->f[C_CLIMATE] = 0.0813225 * scale;
	m->has[C_WATER] = 1;
	m->f[C_WATER] = 0.002;
	ts_set(&m->source, "RTE 2023");
	m = fp_ref_mix_get(r, "Côte d'Ivoire");
	m->has[C_CLIMATE] = 1;
	m->f[C_CLIMATE] = 0.45;

	struct fp_item_type *t = fp_ref_type_get(r, "Server");
	t->has_lifespan = 1;
	t->lifespan = 6 * scale;
	t->is_server = 1;
	ts_set(&t->default_item, "Server blade");
	ts_set(&t->source, "G4IT");
	t = fp_ref_type_get(r, "Laptop");
	t->is_server = 0;
	t = fp_ref_type_get(r, "Monitor");
	t->has_lifespan = 1;
	t->lifespan = 4.5;
	ts_set(&t->default_item, "Écran 24\" « large »");

	fp_ref_set_match(r, "ThinkPad T14", "Laptop");
	fp_ref_set_match(r, "Dell PowerEdge R740", "Server blade");

	fp_ref_set_hyp(r, "PUEParDefaut", 1.5 * scale, "G4IT");
	fp_ref_set_hyp(r, "dureeVieParDefaut", 5, "");
	fp_ref_set_hyp(r, "taux_utilisation_COPE", 0.8, "Hypothèse « DINUM »");

	/* What was built, so that comparing two empty referentials cannot pass. */
	assert_int_equal(fp_ref_ncrit(r), 3);
	assert_int_equal(fp_ref_nitems(r), 3);
	assert_int_equal(fp_ref_nmixes(r), 2);
	assert_int_equal(fp_ref_ntypes(r), 3);
	assert_int_equal(fp_ref_nmatches(r), 2);
	assert_int_equal(fp_ref_nhyps(r), 3);
	return r;
}

/* A much smaller referential (one criterion, one item, nothing else). */
static struct fp_ref *build_small_ref(const char *name, const char *version)
{
	struct fp_ref *r = fp_ref_new(name, version);
	assert_int_equal(fp_ref_add_crit(r, "CLIMATE_CHANGE", "Climate change", "kg CO2 eq"), 0);
	struct fp_item *it = fp_ref_item_get(r, "Only item");
	it->has[0][FP_FIN_DE_VIE] = 1;
	it->f[0][FP_FIN_DE_VIE] = -3.25;
	return r;
}

static void assert_hyp_in(const struct fp_ref *r, const char *key, double value, const char *source)
{
	for (size_t i = 0; i < fp_ref_nhyps(r); i++) {
		const char *k, *s;
		double v;
		fp_ref_hyp_at(r, i, &k, &v, &s);
		if (strcmp(k, key) == 0) {
			SAME(v, value);
			assert_string_equal(s, source);
			return;
		}
	}
	fail_msg("hypothesis %s missing", key);
}

/* Every field of want is in got, and got has nothing more. */
static void assert_ref_equal(const struct fp_ref *want, const struct fp_ref *got)
{
	assert_string_equal(fp_ref_name(got), fp_ref_name(want));
	assert_string_equal(fp_ref_version(got), fp_ref_version(want));

	size_t ncrit = fp_ref_ncrit(want);
	assert_int_equal(fp_ref_ncrit(got), ncrit);
	for (size_t c = 0; c < ncrit; c++) {
		const struct fp_crit *a = fp_ref_crit(want, c), *b = fp_ref_crit(got, c);
		assert_string_equal(b->code, a->code);
		assert_string_equal(b->label, a->label);
		assert_string_equal(b->unit, a->unit);
	}

	assert_int_equal(fp_ref_nitems(got), fp_ref_nitems(want));
	for (size_t i = 0; i < fp_ref_nitems(want); i++) {
		const struct fp_item *a = fp_ref_item_at(want, i);
		const struct fp_item *b = fp_ref_item(got, a->name);
		if (!b)
			fail_msg("item %s missing", a->name);
		assert_string_equal(b->name, a->name);
		assert_string_equal(b->category, a->category);
		assert_int_equal(b->has_avg_kwh, a->has_avg_kwh);
		if (a->has_avg_kwh)
			SAME(b->avg_kwh, a->avg_kwh);
		assert_string_equal(b->source, a->source);
		for (size_t c = 0; c < FP_MAX_CRIT; c++) {
			for (int p = 0; p < FP_PHASE_COUNT; p++) {
				if (b->has[c][p] != a->has[c][p])
					fail_msg("item %s criterion %zu phase %d: has %d, expected "
						 "%d",
						 a->name, c, p, b->has[c][p], a->has[c][p]);
				if (a->has[c][p])
					SAME(b->f[c][p], a->f[c][p]);
			}
		}
	}

	assert_int_equal(fp_ref_nmixes(got), fp_ref_nmixes(want));
	for (size_t i = 0; i < fp_ref_nmixes(want); i++) {
		const struct fp_mix *a = fp_ref_mix_at(want, i);
		const struct fp_mix *b = fp_ref_mix(got, a->country);
		if (!b)
			fail_msg("mix %s missing", a->country);
		assert_string_equal(b->country, a->country);
		for (size_t c = 0; c < FP_MAX_CRIT; c++) {
			assert_int_equal(b->has[c], a->has[c]);
			if (a->has[c])
				SAME(b->f[c], a->f[c]);
		}
		assert_string_equal(b->source, a->source);
	}

	assert_int_equal(fp_ref_ntypes(got), fp_ref_ntypes(want));
	for (size_t i = 0; i < fp_ref_ntypes(want); i++) {
		const struct fp_item_type *a = fp_ref_type_at(want, i);
		const struct fp_item_type *b = fp_ref_type(got, a->type);
		if (!b)
			fail_msg("type %s missing", a->type);
		assert_string_equal(b->type, a->type);
		assert_int_equal(b->has_lifespan, a->has_lifespan);
		if (a->has_lifespan)
			SAME(b->lifespan, a->lifespan);
		assert_int_equal(b->is_server, a->is_server);
		assert_string_equal(b->default_item, a->default_item);
		assert_string_equal(b->source, a->source);
	}

	assert_int_equal(fp_ref_nmatches(got), fp_ref_nmatches(want));
	for (size_t i = 0; i < fp_ref_nmatches(want); i++) {
		const char *model, *item;
		fp_ref_match_at(want, i, &model, &item);
		const char *b = fp_ref_match(got, model);
		if (!b)
			fail_msg("match %s missing", model);
		assert_string_equal(b, item);
	}

	assert_int_equal(fp_ref_nhyps(got), fp_ref_nhyps(want));
	for (size_t i = 0; i < fp_ref_nhyps(want); i++) {
		const char *key, *source;
		double v;
		fp_ref_hyp_at(want, i, &key, &v, &source);
		assert_hyp_in(got, key, v, source);
	}
}

/* Loads (name, version), failing the test with the store's message. */
static struct fp_ref *load_ref(struct fixture *f, const char *name, const char *version,
			       struct ref_meta *meta)
{
	struct fp_ref *r = store_ref_load(f->s, name, version, meta, &f->err);
	if (!r)
		fail_msg("store_ref_load %s %s: %s", name, version ? version : "(null)",
			 f->err.msg.ptr);
	return r;
}

static void test_ref_round_trip(void **state)
{
	struct fixture *f = *state;
	setenv("NUMECO_NOW", "2025-05-06T07:08:09Z", 1);
	struct fp_ref *r = build_ref("test", "1.0", 1.0);
	int64_t id = 0;
	OK(store_ref_save(f->s, r, "Etalab 2.0", 0, "", "cli:test", 0, &id, &f->err));
	assert_true(id > 0);

	struct ref_meta m;
	struct fp_ref *got = load_ref(f, "test", "1.0", &m);
	assert_ref_equal(r, got);

	/* The cases a careless store would blur, checked on their own. */
	const struct fp_item *it = fp_ref_item(got, "Laptop");
	assert_non_null(it);
	assert_int_equal(it->has_avg_kwh, 0);
	assert_int_equal(it->has[C_CLIMATE][FP_DISTRIBUTION], 0);
	assert_int_equal(it->has[C_CLIMATE][FP_UTILISATION], 1); /* a zero factor is known */
	SAME(it->f[C_CLIMATE][FP_UTILISATION], 0.0);
	SAME(it->f[C_CLIMATE][FP_FABRICATION], 250.75);
	assert_int_equal(it->has[C_WATER][FP_FABRICATION], 0);
	it = fp_ref_item(got, "Server blade");
	assert_non_null(it);
	assert_int_equal(it->has[C_ACID][FP_DISTRIBUTION], 0);
	assert_int_equal(it->has[C_ACID][FP_FIN_DE_VIE], 1);
	SAME(it->f[C_ACID][FP_FIN_DE_VIE],
	     24 + 0.1234567891234567); /* scale × (10 × 2 + 3 + 1) + … */
	SAME(it->avg_kwh, 3721.5);
	assert_string_equal(it->category, "Server");
	it = fp_ref_item(got, "Écran 24\" « large »");
	assert_non_null(it);
	assert_int_equal(it->has_avg_kwh, 1);
	SAME(it->avg_kwh, 0.0);
	assert_string_equal(fp_ref_crit(got, C_CLIMATE)->code, "CLIMATE_CHANGE");
	assert_string_equal(fp_ref_crit(got, C_ACID)->unit, "");
	assert_string_equal(fp_ref_crit(got, C_WATER)->label, "Water use");
	/* The loaded referential's lookups work as on one built in memory. */
	assert_int_equal(fp_ref_find_crit(got, "climate change"), C_CLIMATE);
	const struct fp_mix *mx = fp_ref_mix(got, "cote divoire");
	assert_non_null(mx);
	assert_int_equal(mx->has[C_WATER], 0);
	SAME(mx->f[C_CLIMATE], 0.45);
	mx = fp_ref_mix(got, "France");
	assert_non_null(mx);
	assert_string_equal(mx->source, "RTE 2023");
	const struct fp_item_type *t = fp_ref_type(got, "server");
	assert_non_null(t);
	assert_int_equal(t->is_server, 1);
	SAME(t->lifespan, 6.0);
	assert_string_equal(t->default_item, "Server blade");
	t = fp_ref_type(got, "Laptop");
	assert_non_null(t);
	assert_int_equal(t->has_lifespan, 0);
	assert_int_equal(t->is_server, 0);
	assert_string_equal(t->default_item, "");
	assert_string_equal(fp_ref_match(got, "Dell PowerEdge R740"), "Server blade");
	double v = 0;
	assert_int_equal(fp_ref_hyp(got, "PUEParDefaut", &v), 1);
	SAME(v, 1.5);
	assert_hyp_in(got, "taux_utilisation_COPE", 0.8, "Hypothèse « DINUM »");

	/* Metadata of the loaded version. */
	assert_int_equal(m.id, id);
	assert_string_equal(m.name, "test");
	assert_string_equal(m.version, "1.0");
	assert_string_equal(m.licence, "Etalab 2.0");
	assert_int_equal(m.restricted, 0);
	assert_string_equal(m.owner_org_code, "");
	assert_int_equal(m.owner_org_id, 0);
	assert_string_equal(m.loaded_at, "2025-05-06T07:08:09Z");
	assert_string_equal(m.loaded_by, "cli:test");
	assert_int_equal(m.ncrit, 3);
	assert_int_equal(m.nitems, 3);
	assert_int_equal(m.nmixes, 2);
	assert_int_equal(m.ntypes, 3);
	ref_meta_free(&m);
	fp_ref_free(got);

	/* meta may be NULL. */
	got = load_ref(f, "test", NULL, NULL);
	assert_ref_equal(r, got);
	fp_ref_free(got);
	fp_ref_free(r);
}

static void test_ref_versions(void **state)
{
	struct fixture *f = *state;
	struct ref_meta m;
	struct fp_ref *got;

	/* An empty store says so. */
	assert_null(store_ref_load(f->s, "g4it", NULL, &m, &f->err));
	ts_assert_msg_has(f->err.msg.ptr, "référentiel inconnu : « g4it »");
	ts_assert_msg_has(f->err.msg.ptr, "(référentiels enregistrés : aucun)");

	/* "2024" loaded first, "2023" later: the latest is the last loaded, not
	 * the greatest version. */
	struct fp_ref *r24 = build_ref("g4it", "2024", 1.0);
	struct fp_ref *r23 = build_ref("g4it", "2023", 2.0);
	int64_t id24 = 0, id23 = 0, id;
	setenv("NUMECO_NOW", "2025-01-01T00:00:00Z", 1);
	OK(store_ref_save(f->s, r24, "", 0, "", "cli:test", 0, &id24, &f->err));
	setenv("NUMECO_NOW", "2025-02-01T00:00:00Z", 1);
	OK(store_ref_save(f->s, r23, "", 0, "", "cli:test", 0, &id23, &f->err));
	assert_true(id24 > 0 && id23 > 0 && id24 != id23);

	got = load_ref(f, "g4it", NULL, &m);
	assert_string_equal(fp_ref_version(got), "2023");
	assert_int_equal(m.id, id23);
	assert_string_equal(m.loaded_at, "2025-02-01T00:00:00Z");
	assert_ref_equal(r23, got);
	ref_meta_free(&m);
	fp_ref_free(got);
	got = load_ref(f, "g4it", "", &m);
	assert_int_equal(m.id, id23);
	assert_ref_equal(r23, got);
	ref_meta_free(&m);
	fp_ref_free(got);
	got = load_ref(f, "g4it", "2024", &m);
	assert_int_equal(m.id, id24);
	assert_string_equal(m.version, "2024");
	assert_string_equal(m.loaded_at, "2025-01-01T00:00:00Z");
	assert_ref_equal(r24, got);
	SAME(fp_ref_item(got, "Laptop")->f[C_CLIMATE][FP_FABRICATION], 250.75);
	ref_meta_free(&m);
	fp_ref_free(got);

	/* The same (name, version) again is refused and changes nothing. */
	struct fp_ref *r24b = build_ref("g4it", "2024", 3.0);
	setenv("NUMECO_NOW", "2025-03-01T00:00:00Z", 1);
	id = 0;
	FAILS(store_ref_save(f->s, r24b, "", 0, "", "cli:test", 0, &id, &f->err),
	      "le référentiel « g4it » version « 2024 » existe déjà (--replace pour le remplacer)");
	got = load_ref(f, "g4it", "2024", &m);
	assert_ref_equal(r24, got);
	assert_string_equal(m.loaded_at, "2025-01-01T00:00:00Z");
	ref_meta_free(&m);
	fp_ref_free(got);
	fp_ref_free(r24b);

	/* Replacing keeps the id, drops the old content (a smaller referential
	 * leaves nothing of the bigger one), renews the metadata, and makes that
	 * version the latest although its id is older. */
	struct fp_ref *small = build_small_ref("g4it", "2024");
	setenv("NUMECO_NOW", "2025-04-01T00:00:00Z", 1);
	id = 0;
	OK(store_ref_save(f->s, small, "Licence ouverte", 1, "", "admin@m.fr", 1, &id, &f->err));
	assert_int_equal(id, id24);
	got = load_ref(f, "g4it", "2024", &m);
	assert_ref_equal(small, got);
	assert_int_equal(m.id, id24);
	assert_string_equal(m.licence, "Licence ouverte");
	assert_int_equal(m.restricted, 1);
	assert_string_equal(m.loaded_at, "2025-04-01T00:00:00Z");
	assert_string_equal(m.loaded_by, "admin@m.fr");
	assert_int_equal(m.ncrit, 1);
	assert_int_equal(m.nitems, 1);
	assert_int_equal(m.nmixes, 0);
	assert_int_equal(m.ntypes, 0);
	ref_meta_free(&m);
	fp_ref_free(got);
	got = load_ref(f, "g4it", NULL, &m);
	assert_int_equal(m.id, id24);
	assert_string_equal(fp_ref_version(got), "2024");
	ref_meta_free(&m);
	fp_ref_free(got);
	/* The other version is untouched. */
	got = load_ref(f, "g4it", "2023", NULL);
	assert_ref_equal(r23, got);
	fp_ref_free(got);

	/* Replacing with the bigger one again restores everything. */
	setenv("NUMECO_NOW", "2025-05-01T00:00:00Z", 1);
	OK(store_ref_save(f->s, r24, "", 0, "", "cli:test", 1, &id, &f->err));
	assert_int_equal(id, id24);
	got = load_ref(f, "g4it", "2024", NULL);
	assert_ref_equal(r24, got);
	fp_ref_free(got);

	/* Another name loaded later does not change the latest of this one. */
	struct fp_ref *other = build_small_ref("autre", "9");
	setenv("NUMECO_NOW", "2025-06-01T00:00:00Z", 1);
	OK(store_ref_save(f->s, other, "", 0, "", "cli:test", 0, &id, &f->err));
	got = load_ref(f, "g4it", NULL, &m);
	assert_int_equal(m.id, id24);
	ref_meta_free(&m);
	fp_ref_free(got);
	fp_ref_free(other);

	/* Unknown name or version: the message lists what is stored. */
	memset(&m, 0, sizeof(m));
	assert_null(store_ref_load(f->s, "negaoctet", NULL, &m, &f->err));
	ts_assert_msg_has(f->err.msg.ptr, "référentiel inconnu : « negaoctet »");
	ts_assert_msg_has(f->err.msg.ptr, "autre 9");
	ts_assert_msg_has(f->err.msg.ptr, "g4it 2023");
	ts_assert_msg_has(f->err.msg.ptr, "g4it 2024");
	assert_null(m.name);
	err_clear(&f->err);
	assert_null(store_ref_load(f->s, "g4it", "2099", NULL, &f->err));
	ts_assert_msg_has(f->err.msg.ptr, "référentiel inconnu : « g4it » version 2099");
	ts_assert_msg_has(f->err.msg.ptr, "g4it 2024");

	fp_ref_free(small);
	fp_ref_free(r23);
	fp_ref_free(r24);
}

static void assert_meta(const struct ref_meta *m, int64_t id, const char *name, const char *version,
			const char *licence, int restricted, const char *owner_code,
			int64_t owner_id, const char *loaded_at, const char *loaded_by,
			int64_t ncrit, int64_t nitems, int64_t nmixes, int64_t ntypes)
{
	assert_int_equal(m->id, id);
	assert_string_equal(m->name, name);
	assert_string_equal(m->version, version);
	assert_string_equal(m->licence, licence);
	assert_int_equal(m->restricted, restricted);
	assert_string_equal(m->owner_org_code, owner_code);
	assert_int_equal(m->owner_org_id, owner_id);
	assert_string_equal(m->loaded_at, loaded_at);
	assert_string_equal(m->loaded_by, loaded_by);
	assert_int_equal(m->ncrit, ncrit);
	assert_int_equal(m->nitems, nitems);
	assert_int_equal(m->nmixes, nmixes);
	assert_int_equal(m->ntypes, ntypes);
}

static void test_ref_list(void **state)
{
	struct fixture *f = *state;
	struct ref_meta_list l;
	OK(store_ref_list(f->s, &l, &f->err));
	assert_int_equal(l.n, 0);
	ref_meta_list_free(&l);

	int64_t min_a = 0, nega = 0, base1 = 0, base2 = 0, id = 0;
	ts_org_add(f->s, "MIN-B", "Ministère B", ORG_MINISTERE, "", NULL, &f->err);
	ts_org_add(f->s, "MIN-A", "Ministère A", ORG_MINISTERE, "", &min_a, &f->err);
	struct fp_ref *big = build_ref("negaoctet", "2024.1", 1.0);
	struct fp_ref *b2 = build_small_ref("base", "2");
	struct fp_ref *b1 = build_ref("base", "1", 2.0);
	/* Saved in neither name nor load-time order; base 2 is saved first but
	 * loaded later by the clock. */
	setenv("NUMECO_NOW", "2025-01-01T00:00:00Z", 1);
	OK(store_ref_save(f->s, big, "NegaOctet (licence)", 1, "MIN-A", "ref@a.fr", 0, &nega,
			  &f->err));
	setenv("NUMECO_NOW", "2025-03-01T00:00:00Z", 1);
	OK(store_ref_save(f->s, b2, "Etalab 2.0", 0, "", "cli:test", 0, &base2, &f->err));
	setenv("NUMECO_NOW", "2025-02-01T00:00:00Z", 1);
	OK(store_ref_save(f->s, b1, "Etalab 2.0", 0, NULL, "admin@m.fr", 0, &base1, &f->err));
	/* An unknown owner is refused before anything is stored. */
	struct fp_ref *x = build_small_ref("x", "1");
	FAILS(store_ref_save(f->s, x, "", 0, "NOPE", "cli:test", 0, &id, &f->err),
	      "organisation inconnue : « NOPE »");
	fp_ref_free(x);

	OK(store_ref_list(f->s, &l, &f->err));
	assert_int_equal(l.n, 3);
	assert_meta(&l.items[0], base1, "base", "1", "Etalab 2.0", 0, "", 0, "2025-02-01T00:00:00Z",
		    "admin@m.fr", 3, 3, 2, 3);
	assert_meta(&l.items[1], base2, "base", "2", "Etalab 2.0", 0, "", 0, "2025-03-01T00:00:00Z",
		    "cli:test", 1, 1, 0, 0);
	assert_meta(&l.items[2], nega, "negaoctet", "2024.1", "NegaOctet (licence)", 1, "MIN-A",
		    min_a, "2025-01-01T00:00:00Z", "ref@a.fr", 3, 3, 2, 3);
	ref_meta_list_free(&l);
	assert_null(l.items);
	assert_int_equal(l.n, 0);

	/* The owner comes back with the referential's metadata too. */
	struct ref_meta m;
	struct fp_ref *got = load_ref(f, "negaoctet", NULL, &m);
	assert_meta(&m, nega, "negaoctet", "2024.1", "NegaOctet (licence)", 1, "MIN-A", min_a,
		    "2025-01-01T00:00:00Z", "ref@a.fr", 3, 3, 2, 3);
	assert_ref_equal(big, got);
	ref_meta_free(&m);
	fp_ref_free(got);

	fp_ref_free(big);
	fp_ref_free(b1);
	fp_ref_free(b2);
}

/* ---- evaluations ---- */

static void write_file(const char *dir, const char *name, const char *text, char *path, size_t plen)
{
	snprintf(path, plen, "%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* The G4IT test referential of tests/data/footprint. */
static struct fp_ref *g4it_ref(void)
{
	const char *dir = getenv("NUMECO_TEST_DATA");
	char path[600];
	snprintf(path, sizeof(path), "%s/footprint/g4it_referential", dir ? dir : "tests/data");
	struct diags d = DIAGS_INIT;
	struct fp_ref *r = fp_ref_load_dir(path, "g4it", "test", &d);
	if (!r) {
		ts_dump_diags(&d);
		diags_free(&d);
		fail_msg("cannot load %s", path);
	}
	diags_free(&d);
	return r;
}

static struct fp_summary *run(const struct fp_ref *ref, const char *dc, const char *phys,
			      enum fp_lifespan_mode mode)
{
	struct fp_run_opts o;
	memset(&o, 0, sizeof(o));
	o.lifespan = mode;
	strcpy(o.date, "2024-01-01");
	o.datacenters = dc;
	o.physical = phys;
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	struct fp_summary *s = fp_run(ref, &o, &d, &err);
	if (!s) {
		ts_dump_diags(&d);
		fail_msg("fp_run failed: %s", err.msg.ptr);
	}
	diags_free(&d);
	err_free(&err);
	assert_int_equal(fp_summary_nerrors(s), 0);
	assert_int_equal(fp_summary_counts(s)->physical, 2);
	return s;
}

/* The summary's "total" value of criterion c (code), all phases summed. */
static double summary_total(const struct fp_summary *sum, const char *code)
{
	int c = fp_ref_find_crit(fp_summary_ref(sum), code);
	assert_true(c >= 0);
	double t = 0;
	for (size_t i = 0; i < fp_summary_nrows(sum); i++) {
		struct fp_agg_row row;
		fp_summary_row(sum, i, &row);
		if (strcmp(row.dim, "total") == 0 && (int)row.crit == c)
			t += row.value;
	}
	return t;
}

/* l->items[from..from+ncrit) are the totals of sum for (org, year): one per
 * criterion, by code, each phase equal to the summary's "total" row. */
static void assert_totals(const struct fp_stored_total_list *l, size_t from, const char *org,
			  const char *org_name, int year, const struct fp_summary *sum)
{
	const struct fp_ref *ref = fp_summary_ref(sum);
	size_t ncrit = fp_ref_ncrit(ref);
	double want[FP_MAX_CRIT][FP_PHASE_COUNT];
	unsigned char has[FP_MAX_CRIT][FP_PHASE_COUNT];
	int seen[FP_MAX_CRIT];
	memset(want, 0, sizeof(want));
	memset(has, 0, sizeof(has));
	memset(seen, 0, sizeof(seen));
	for (size_t i = 0; i < fp_summary_nrows(sum); i++) {
		struct fp_agg_row row;
		fp_summary_row(sum, i, &row);
		if (strcmp(row.dim, "total") != 0)
			continue;
		assert_true(row.crit < ncrit);
		assert_int_equal(has[row.crit][row.phase], 0);
		has[row.crit][row.phase] = 1;
		want[row.crit][row.phase] = row.value;
	}
	assert_true(l->n >= from + ncrit);
	for (size_t i = from; i < from + ncrit; i++) {
		const struct fp_stored_total *t = &l->items[i];
		assert_string_equal(t->org_code, org);
		assert_string_equal(t->org_name, org_name);
		assert_int_equal(t->year, year);
		assert_string_equal(t->referential, "g4it test");
		if (i > from)
			assert_true(strcmp(l->items[i - 1].criterion, t->criterion) < 0);
		int c = fp_ref_find_crit(ref, t->criterion);
		if (c < 0)
			fail_msg("stored criterion %s unknown", t->criterion);
		assert_int_equal(seen[c], 0);
		seen[c] = 1;
		const struct fp_crit *cr = fp_ref_crit(ref, (size_t)c);
		assert_string_equal(t->criterion, cr->code);
		assert_string_equal(t->criterion_label, cr->label);
		assert_string_equal(t->unit, cr->unit);
		double total = 0;
		for (int p = 0; p < FP_PHASE_COUNT; p++) {
			SAME(t->by_phase[p], want[c][p]);
			total += want[c][p];
		}
		NEAR(t->total, total);
	}
}

static void test_fp_save_totals(void **state)
{
	struct fixture *f = *state;
	struct fp_stored_total_list l;
	struct fp_ref *ref = g4it_ref();
	size_t ncrit = fp_ref_ncrit(ref);
	assert_true(ncrit >= 2);

	/* A referential from real files survives the store too. */
	int64_t ref_id = 0;
	OK(store_ref_save(f->s, ref, "", 0, "", "cli:test", 0, &ref_id, &f->err));
	struct fp_ref *back = load_ref(f, "g4it", "test", NULL);
	assert_ref_equal(ref, back);
	fp_ref_free(back);

	char dc[256], phys[256], phys2[256];
	write_file(f->tmp.dir, "dc.csv", "nomCourtDatacenter;pue;localisation\nDC1;1.5;France\n",
		   dc, sizeof(dc));
	write_file(f->tmp.dir, "phys.csv",
		   "nomEquipementPhysique;type;quantite;paysDUtilisation;dateAchat;"
		   "nomCourtDatacenter\n"
		   "s1;Server;2;France;2020-01-01;DC1\n"
		   "s2;Server;1;France;2021-06-01;\n",
		   phys, sizeof(phys));
	write_file(f->tmp.dir, "phys2.csv",
		   "nomEquipementPhysique;type;quantite;paysDUtilisation;dateAchat;"
		   "nomCourtDatacenter\n"
		   "s1;Server;5;France;2020-01-01;DC1\n"
		   "s3;Server;1;France;2019-03-01;\n",
		   phys2, sizeof(phys2));
	struct fp_summary *s1 = run(ref, dc, phys, FP_LIFESPAN_REAL);
	struct fp_summary *s2 = run(ref, dc, phys2, FP_LIFESPAN_FIXED);
	double cc1 = summary_total(s1, "CLIMATE_CHANGE"), cc2 = summary_total(s2, "CLIMATE_CHANGE");
	assert_true(cc1 > 0 && cc2 > 0);
	assert_true(fabs(cc1 - cc2) > 1);

	ts_org_add(f->s, "MIN-B", "Ministère B", ORG_MINISTERE, "", NULL, &f->err);
	ts_org_add(f->s, "MIN-A", "Ministère A", ORG_MINISTERE, "", NULL, &f->err);
	OK(store_fp_totals(f->s, 0, &l, &f->err));
	assert_int_equal(l.n, 0);
	fp_stored_total_list_free(&l);

	int64_t e1 = 0, e2 = 0, e3 = 0;
	OK(store_fp_save(f->s, "MIN-A", 2024, ref_id, FP_LIFESPAN_REAL, s1, "cli:test", &e1,
			 &f->err));
	assert_true(e1 > 0);
	OK(store_fp_totals(f->s, 2024, &l, &f->err));
	assert_int_equal(l.n, ncrit);
	assert_totals(&l, 0, "MIN-A", "Ministère A", 2024, s1);
	fp_stored_total_list_free(&l);

	/* Saving (MIN-A, 2024) again replaces the evaluation: no duplicate
	 * rows, the new values only. */
	OK(store_fp_save(f->s, "MIN-A", 2024, ref_id, FP_LIFESPAN_FIXED, s2, "cli:test", &e2,
			 &f->err));
	assert_true(e2 > 0);
	OK(store_fp_totals(f->s, 2024, &l, &f->err));
	assert_int_equal(l.n, ncrit);
	assert_totals(&l, 0, "MIN-A", "Ministère A", 2024, s2);
	fp_stored_total_list_free(&l);

	/* Another organisation and year. */
	OK(store_fp_save(f->s, "MIN-B", 2023, ref_id, FP_LIFESPAN_REAL, s1, "ref@b.fr", &e3,
			 &f->err));
	assert_true(e3 != e2);
	OK(store_fp_totals(f->s, 0, &l, &f->err));
	assert_int_equal(l.n, 2 * ncrit);
	assert_totals(&l, 0, "MIN-A", "Ministère A", 2024, s2);
	assert_totals(&l, ncrit, "MIN-B", "Ministère B", 2023, s1);
	fp_stored_total_list_free(&l);
	OK(store_fp_totals(f->s, 2023, &l, &f->err));
	assert_int_equal(l.n, ncrit);
	assert_totals(&l, 0, "MIN-B", "Ministère B", 2023, s1);
	fp_stored_total_list_free(&l);
	OK(store_fp_totals(f->s, 2030, &l, &f->err));
	assert_int_equal(l.n, 0);
	fp_stored_total_list_free(&l);

	/* An unknown organisation is refused and changes nothing. */
	int64_t e4 = 0;
	FAILS(store_fp_save(f->s, "NOPE", 2024, ref_id, FP_LIFESPAN_REAL, s1, "cli:test", &e4,
			    &f->err),
	      "organisation inconnue : « NOPE »");
	assert_int_equal(e4, 0);
	OK(store_fp_totals(f->s, 0, &l, &f->err));
	assert_int_equal(l.n, 2 * ncrit);
	assert_totals(&l, 0, "MIN-A", "Ministère A", 2024, s2);
	fp_stored_total_list_free(&l);

	fp_summary_free(s1);
	fp_summary_free(s2);
	fp_ref_free(ref);
}

/* ---- action estimates ---- */

static int64_t add_action(struct fixture *f, int64_t roadmap, int pos, const char *ref)
{
	struct action a;
	action_init(&a);
	ts_set(&a.ref, ref);
	ts_set(&a.title, ref);
	OK(store_action_insert(f->s, roadmap, pos, &a, &f->err));
	int64_t id = a.id;
	action_free(&a);
	assert_true(id > 0);
	return id;
}

static int64_t add_roadmap(struct fixture *f, const char *org, const char *period)
{
	int64_t id = 0;
	OK(store_roadmap_create(f->s, ts_org_id(f->s, org, &f->err), period, &id, &f->err));
	return id;
}

/* An estimate whose strings point at literals (never freed). */
static struct action_estimate estimate(int64_t action_id, const char *method, const char *params,
				       const char *ref, const char *version, double ghg_kg,
				       int one_time, const char *trace, const char *computed_at)
{
	struct action_estimate e;
	memset(&e, 0, sizeof(e));
	e.action_id = action_id;
	e.method = (char *)method;
	e.params = (char *)params;
	e.referential_name = (char *)ref;
	e.referential_version = (char *)version;
	e.ghg_kg = ghg_kg;
	e.one_time = one_time;
	e.trace = (char *)trace;
	e.computed_at = (char *)computed_at;
	return e;
}

/* The fields store_estimate_set writes. */
static void assert_estimate(const struct action_estimate *got, const struct action_estimate *want)
{
	assert_int_equal(got->action_id, want->action_id);
	assert_string_equal(got->method, want->method);
	assert_string_equal(got->params, want->params);
	assert_string_equal(got->referential_name, want->referential_name);
	assert_string_equal(got->referential_version, want->referential_version);
	SAME(got->ghg_kg, want->ghg_kg);
	assert_int_equal(got->one_time, want->one_time);
	assert_string_equal(got->trace, want->trace);
	assert_string_equal(got->computed_at, want->computed_at);
}

static void assert_where(const struct action_estimate *e, const char *org, const char *period,
			 const char *ref)
{
	assert_string_equal(e->org_code, org);
	assert_string_equal(e->period, period);
	assert_string_equal(e->action_ref, ref);
}

static void test_estimates(void **state)
{
	struct fixture *f = *state;
	struct action_estimate got;
	struct action_estimate_list l;
	ts_org_add(f->s, "MIN-B", "Ministère B", ORG_MINISTERE, "", NULL, &f->err);
	ts_org_add(f->s, "MIN-A", "Ministère A", ORG_MINISTERE, "", NULL, &f->err);
	int64_t rm_b = add_roadmap(f, "MIN-B", "2022");
	int64_t rm_a23 = add_roadmap(f, "MIN-A", "2023");
	int64_t rm_a22 = add_roadmap(f, "MIN-A", "2022");
	int64_t a1 = add_action(f, rm_a22, 0, "ACT-02");
	int64_t a2 = add_action(f, rm_a22, 1, "ACT-01");
	int64_t b1 = add_action(f, rm_b, 0, "X-1");
	int64_t a3 = add_action(f, rm_a23, 0, "Y-1");

	/* Nothing yet: not found, output zeroed. */
	assert_int_equal(store_estimate_get(f->s, a1, &got, &f->err), 0);
	assert_null(got.method);
	action_estimate_free(&got);
	OK(store_estimate_list(f->s, NULL, &l, &f->err));
	assert_int_equal(l.n, 0);
	action_estimate_list_free(&l);

	struct action_estimate e1 =
		estimate(a1, "reemploi_postes", "n=10;type=Laptop", "g4it", "2024", 1234.5678, 1,
			 "I = 10 × F(123.45678) « réemploi »", "2026-01-02T03:04:05Z");
	OK(store_estimate_set(f->s, &e1, &f->err));
	assert_int_equal(store_estimate_get(f->s, a1, &got, &f->err), 1);
	assert_estimate(&got, &e1);
	assert_where(&got, "", "", "");
	action_estimate_free(&got);

	/* Setting again updates in place (upsert); computed_at NULL is now. */
	setenv("NUMECO_NOW", "2026-02-03T04:05:06Z", 1);
	struct action_estimate e1b = estimate(a1, "sobriete_impression", "pages=1000", "g4it",
					      "2023", 0.25, 0, "I = 1000 × 0.00025", NULL);
	OK(store_estimate_set(f->s, &e1b, &f->err));
	e1b.computed_at = (char *)"2026-02-03T04:05:06Z";
	assert_int_equal(store_estimate_get(f->s, a1, &got, &f->err), 1);
	assert_estimate(&got, &e1b);
	action_estimate_free(&got);
	/* "" is also now. */
	e1b.computed_at = (char *)"";
	setenv("NUMECO_NOW", "2026-02-04T00:00:00Z", 1);
	OK(store_estimate_set(f->s, &e1b, &f->err));
	e1b.computed_at = (char *)"2026-02-04T00:00:00Z";
	assert_int_equal(store_estimate_get(f->s, a1, &got, &f->err), 1);
	assert_estimate(&got, &e1b);
	action_estimate_free(&got);

	struct action_estimate e2 =
		estimate(a2, "m2", "", "g4it", "2024", 10, 0, "t2", "2026-01-01T00:00:00Z");
	struct action_estimate eb =
		estimate(b1, "m3", "k=v", "g4it", "2024", -5.5, 1, "t3", "2026-01-01T00:00:00Z");
	struct action_estimate e3 =
		estimate(a3, "m4", "", "negaoctet", "2024.1", 7, 0, "t4", "2026-01-01T00:00:00Z");
	OK(store_estimate_set(f->s, &e2, &f->err));
	OK(store_estimate_set(f->s, &eb, &f->err));
	OK(store_estimate_set(f->s, &e3, &f->err));

	/* By referential name, any version, ordered by org, period, ref. */
	OK(store_estimate_list(f->s, "g4it", &l, &f->err));
	assert_int_equal(l.n, 3);
	assert_estimate(&l.items[0], &e2);
	assert_where(&l.items[0], "MIN-A", "2022", "ACT-01");
	assert_estimate(&l.items[1], &e1b);
	assert_where(&l.items[1], "MIN-A", "2022", "ACT-02");
	assert_estimate(&l.items[2], &eb);
	assert_where(&l.items[2], "MIN-B", "2022", "X-1");
	action_estimate_list_free(&l);
	OK(store_estimate_list(f->s, "negaoctet", &l, &f->err));
	assert_int_equal(l.n, 1);
	assert_estimate(&l.items[0], &e3);
	assert_where(&l.items[0], "MIN-A", "2023", "Y-1");
	action_estimate_list_free(&l);
	OK(store_estimate_list(f->s, "G4IT", &l, &f->err));
	assert_int_equal(l.n, 0);
	action_estimate_list_free(&l);
	OK(store_estimate_list(f->s, "autre", &l, &f->err));
	assert_int_equal(l.n, 0);
	action_estimate_list_free(&l);
	OK(store_estimate_list(f->s, NULL, &l, &f->err));
	assert_int_equal(l.n, 4);
	assert_where(&l.items[0], "MIN-A", "2022", "ACT-01");
	assert_where(&l.items[1], "MIN-A", "2022", "ACT-02");
	assert_where(&l.items[2], "MIN-A", "2023", "Y-1");
	assert_where(&l.items[3], "MIN-B", "2022", "X-1");
	assert_int_equal(l.items[3].action_id, b1);
	action_estimate_list_free(&l);

	/* An estimate needs an existing action. */
	struct action_estimate bad =
		estimate(999999, "m", "", "g4it", "2024", 1, 0, "t", "2026-01-01T00:00:00Z");
	err_clear(&f->err);
	assert_int_equal(store_estimate_set(f->s, &bad, &f->err), -1);
	assert_true(f->err.msg.len > 0);
	assert_int_equal(store_estimate_get(f->s, 999999, &got, &f->err), 0);

	/* Deleting an action deletes its estimate (foreign keys on, cascade). */
	OK(store_action_delete(f->s, a1, &f->err));
	assert_int_equal(store_estimate_get(f->s, a1, &got, &f->err), 0);
	assert_int_equal(store_estimate_get(f->s, a2, &got, &f->err), 1);
	assert_estimate(&got, &e2);
	action_estimate_free(&got);
	OK(store_estimate_list(f->s, "g4it", &l, &f->err));
	assert_int_equal(l.n, 2);
	assert_where(&l.items[0], "MIN-A", "2022", "ACT-01");
	assert_where(&l.items[1], "MIN-B", "2022", "X-1");
	action_estimate_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ref_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ref_versions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ref_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fp_save_totals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_estimates, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
