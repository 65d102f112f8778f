/* test_store_ind.c: stored indicator catalogue, values, collection states,
 * the consolidation table and the facts of computed indicators (store_ind.h),
 * and the quantities per equipment type of stored footprint evaluations. */
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
#include "indicators/ind.h"
#include "store/store.h"
#include "store/store_fp.h"
#include "store/store_ind.h"
#include "support.h"

struct fixture {
	struct ts_tmpdir tmp;
	struct store *s;
	struct err err;
	int64_t mission, min_a, dir_a, min_b, dir_b;
};

static const char PHYS_FILE[] = "phys.csv";

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	unsetenv("NUMECO_NOW");
	if (ts_store_setup(&f->tmp, &f->s, &f->err, "storeind", NULL)) {
		free(f);
		return -1;
	}
	*state = f;
	/* Created out of code order: the table sorts by code. */
	ts_org_add(f->s, "MIN-B", "Ministère B", ORG_MINISTERE, "", &f->min_b, &f->err);
	ts_org_add(f->s, "MISSION", "Mission", ORG_MISSION, "", &f->mission, &f->err);
	ts_org_add(f->s, "MIN-A", "Ministère A", ORG_MINISTERE, "", &f->min_a, &f->err);
	ts_org_add(f->s, "MIN-A-DNUM", "Direction A", ORG_DIRECTION, "MIN-A", &f->dir_a, &f->err);
	ts_org_add(f->s, "MIN-B-DIR", "Direction B", ORG_DIRECTION, "MIN-B", &f->dir_b, &f->err);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char p[256];
	snprintf(p, sizeof(p), "%s/%s", f->tmp.dir, PHYS_FILE);
	unlink(p);
	int rc = ts_store_teardown(&f->tmp, f->s, &f->err);
	free(f);
	return rc;
}

#define OK(call) TS_OK(&f->err, call)

#define CAT_HDR                                                                                      \
	"Code;Libellé;Définition;Unité;Thème;Nature;Consolidation;Pondération;Minimum;Maximum;" \
	"Sens;Cibles;Calcul;Source\n"

/* Four definitions covering every kind of field. */
static const char CAT4[] = CAT_HDR
	"postes;Postes de travail;Postes en service;postes;usage;nombre;somme;;0;;hausse;;;Loi A\n"
	"part_reemploi;Part réemployée;Part des équipements réformés réemployés;%;fin_de_vie;part;"
	"moyenne_ponderee;postes;0;100;hausse;2025=50|2023=25|2024=35;;AGEC\n"
	"pue;PUE moyen;Efficacité énergétique;ratio;datacenter;ratio;max;;1;3;baisse;;;\n"
	"realisees;Actions réalisées;Part des actions;%;strategie;part;moyenne;;0;100;hausse;;"
	"part_actions_realisees;Programme\n";

static void parse_cat(const char *csv, struct ind_catalogue *c)
{
	struct diags d = DIAGS_INIT;
	if (ind_catalogue_parse("cat.csv", csv, strlen(csv), c, &d)) {
		ts_dump_diags(&d);
		diags_free(&d);
		fail_msg("catalogue does not parse");
	}
	diags_free(&d);
}

static void assert_def_equal(const struct ind_def *want, const struct ind_def *got)
{
	assert_string_equal(got->code, want->code);
	assert_string_equal(got->label, want->label);
	assert_string_equal(got->definition, want->definition);
	assert_string_equal(got->unit, want->unit);
	assert_int_equal(got->theme, want->theme);
	assert_int_equal(got->kind, want->kind);
	assert_int_equal(got->rule, want->rule);
	assert_string_equal(got->weight_code, want->weight_code);
	assert_int_equal(got->has_min, want->has_min);
	assert_int_equal(got->has_max, want->has_max);
	if (want->has_min)
		assert_true(got->min == want->min);
	if (want->has_max)
		assert_true(got->max == want->max);
	assert_int_equal(got->better, want->better);
	assert_int_equal(got->calc, want->calc);
	assert_string_equal(got->source, want->source);
	assert_int_equal(got->ntargets, want->ntargets);
	for (size_t i = 0; i < want->ntargets; i++) {
		assert_int_equal(got->targets[i].year, want->targets[i].year);
		assert_true(got->targets[i].value == want->targets[i].value);
	}
}

static void test_catalogue_round_trip(void **state)
{
	struct fixture *f = *state;
	struct ind_catalogue c, got;
	int added = -1, updated = -1;

	OK(store_ind_catalogue_load(f->s, &got, &f->err));
	assert_int_equal(got.n, 0);
	ind_catalogue_free(&got);

	parse_cat(CAT4, &c);
	assert_int_equal(c.n, 4);
	OK(store_ind_catalogue_save(f->s, &c, &added, &updated, &f->err));
	assert_int_equal(added, 4);
	assert_int_equal(updated, 0);
	for (size_t i = 0; i < c.n; i++)
		assert_true(c.items[i].id > 0);
	OK(store_ind_catalogue_load(f->s, &got, &f->err));
	assert_int_equal(got.n, 4);
	for (size_t i = 0; i < c.n; i++) {
		assert_def_equal(&c.items[i], &got.items[i]);
		assert_true(got.items[i].id == c.items[i].id);
	}
	/* Targets come back sorted by year, with their values. */
	const struct ind_def *reemploi = &got.items[1];
	assert_int_equal(reemploi->ntargets, 3);
	assert_int_equal(reemploi->targets[0].year, 2023);
	assert_true(reemploi->targets[0].value == 25);
	assert_int_equal(reemploi->targets[2].year, 2025);
	assert_true(reemploi->targets[2].value == 50);
	assert_int_equal(got.items[3].calc, IND_CALC_ACTIONS_REALISED_SHARE);
	assert_false(got.items[0].has_max);
	int64_t id_postes = got.items[0].id, id_reemploi = got.items[1].id;
	int64_t id_pue = got.items[2].id, id_realisees = got.items[3].id;
	ind_catalogue_free(&got);

	/* Saving the same catalogue again changes nothing. */
	OK(store_ind_catalogue_save(f->s, &c, &added, &updated, &f->err));
	assert_int_equal(added, 0);
	assert_int_equal(updated, 0);
	ind_catalogue_free(&c);

	/* A value of part_reemploi survives the replacement of its definition. */
	OK(store_ind_value_set(f->s, f->min_a, 2024, "part_reemploi", 30, "", "", "t", &f->err));

	/* A file naming two of them (one changed, its targets replaced) and a
	 * new one: the two others stay first, in their order, then the file's. */
	parse_cat(CAT_HDR "nouveau;Nouveau;;kWh;usage;nombre;somme;;;;baisse;;;\n"
			  "part_reemploi;Part réemployée (modifiée);Déf;%;fin_de_vie;part;"
			  "moyenne_ponderee;postes;0;100;hausse;2026=60;;AGEC\n"
			  "postes;Postes de travail;Postes en service;postes;usage;nombre;somme;;"
			  "0;;hausse;;;Loi A\n",
		  &c);
	/* The catalogue's own check needs the weight: postes is in the file. */
	OK(store_ind_catalogue_save(f->s, &c, &added, &updated, &f->err));
	assert_int_equal(added, 1);
	assert_int_equal(updated, 1);
	assert_true(c.items[1].id == id_reemploi);
	assert_true(c.items[2].id == id_postes);
	OK(store_ind_catalogue_load(f->s, &got, &f->err));
	assert_int_equal(got.n, 5);
	const char *order[] = { "pue", "realisees", "nouveau", "part_reemploi", "postes" };
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(got.items[i].code, order[i]);
	assert_true(got.items[0].id == id_pue);
	assert_true(got.items[1].id == id_realisees);
	assert_true(got.items[2].id == c.items[0].id);
	assert_def_equal(&c.items[1], &got.items[3]);
	assert_string_equal(got.items[3].label, "Part réemployée (modifiée)");
	assert_int_equal(got.items[3].ntargets, 1);
	assert_int_equal(got.items[3].targets[0].year, 2026);
	struct ind_value v;
	assert_int_equal(store_ind_value_get(f->s, f->min_a, 2024, "part_reemploi", &v, &f->err),
			 1);
	assert_true(v.value == 30);
	ind_value_free(&v);

	/* Replacing one definition by code. */
	struct ind_def d;
	ind_def_copy(&d, &got.items[0]);
	free(d.label);
	d.label = xstrdup("PUE annuel");
	d.has_max = 0;
	free(d.targets);
	d.targets = xcalloc(2, sizeof(*d.targets));
	d.targets[0] = (struct ind_target){ 2024, 1.6 };
	d.targets[1] = (struct ind_target){ 2030, 1.3 };
	d.ntargets = 2;
	d.id = 0;
	OK(store_ind_def_update(f->s, &d, &f->err));
	ind_catalogue_free(&got);
	OK(store_ind_catalogue_load(f->s, &got, &f->err));
	assert_true(got.items[0].id == id_pue);
	assert_def_equal(&d, &got.items[0]);
	ind_def_free(&d);

	/* An unknown code cannot be updated. */
	ind_def_copy(&d, &got.items[0]);
	free(d.code);
	d.code = xstrdup("inconnu");
	assert_int_equal(store_ind_def_update(f->s, &d, &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "indicateur inconnu : « inconnu »");
	err_clear(&f->err);
	ind_def_free(&d);
	ind_catalogue_free(&got);
	ind_catalogue_free(&c);
}

static void install_cat4(struct fixture *f, struct ind_catalogue *c)
{
	parse_cat(CAT4, c);
	OK(store_ind_catalogue_save(f->s, c, NULL, NULL, &f->err));
}

static void test_values(void **state)
{
	struct fixture *f = *state;
	struct ind_catalogue c;
	struct ind_value v;
	struct ind_value_list l;
	install_cat4(f, &c);

	assert_int_equal(store_ind_value_get(f->s, f->min_a, 2024, "postes", &v, &f->err), 0);
	assert_null(v.code);
	ind_value_free(&v);

	OK(store_ind_value_set(f->s, f->min_a, 2024, "postes", 1200, "un commentaire", "inventaire",
			       "ref@a.fr", &f->err));
	assert_int_equal(store_ind_value_get(f->s, f->min_a, 2024, "postes", &v, &f->err), 1);
	assert_true(v.org_id == f->min_a);
	assert_string_equal(v.org_code, "MIN-A");
	assert_int_equal(v.year, 2024);
	assert_string_equal(v.code, "postes");
	assert_true(v.value == 1200);
	assert_string_equal(v.comment, "un commentaire");
	assert_string_equal(v.source, "inventaire");
	assert_string_equal(v.updated_by, "ref@a.fr");
	assert_int_equal(strlen(v.updated_at), 20);
	ind_value_free(&v);

	/* Replacing: one value per (org, year, indicator). */
	OK(store_ind_value_set(f->s, f->min_a, 2024, "postes", 1300.5, NULL, NULL, "admin@m.fr",
			       &f->err));
	assert_int_equal(store_ind_value_get(f->s, f->min_a, 2024, "postes", &v, &f->err), 1);
	assert_true(v.value == 1300.5);
	assert_string_equal(v.comment, "");
	assert_string_equal(v.source, "");
	assert_string_equal(v.updated_by, "admin@m.fr");
	ind_value_free(&v);

	OK(store_ind_value_set(f->s, f->min_b, 2023, "pue", 1.8, "", "", "x", &f->err));
	OK(store_ind_value_set(f->s, f->min_a, 2023, "part_reemploi", 20, "", "", "x", &f->err));
	OK(store_ind_value_set(f->s, f->min_a, 2024, "part_reemploi", 40, "", "", "x", &f->err));
	OK(store_ind_value_set(f->s, f->min_a, 2023, "postes", 1000, "", "", "x", &f->err));

	/* An unknown indicator is refused. */
	assert_int_equal(store_ind_value_set(f->s, f->min_a, 2024, "nope", 1, "", "", "x", &f->err),
			 -1);
	ts_assert_msg_has(f->err.msg.ptr, "indicateur inconnu : « nope »");
	err_clear(&f->err);

	/* Everything: by org code, year, catalogue position. */
	OK(store_ind_value_list(f->s, 0, 0, &l, &f->err));
	assert_int_equal(l.n, 5);
	const char *want[][3] = { { "MIN-A", "2023", "postes" },
				  { "MIN-A", "2023", "part_reemploi" },
				  { "MIN-A", "2024", "postes" },
				  { "MIN-A", "2024", "part_reemploi" },
				  { "MIN-B", "2023", "pue" } };
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(l.items[i].org_code, want[i][0]);
		assert_int_equal(l.items[i].year, atoi(want[i][1]));
		assert_string_equal(l.items[i].code, want[i][2]);
	}
	assert_true(l.items[4].value == 1.8);
	ind_value_list_free(&l);
	OK(store_ind_value_list(f->s, f->min_a, 0, &l, &f->err));
	assert_int_equal(l.n, 4);
	ind_value_list_free(&l);
	OK(store_ind_value_list(f->s, 0, 2023, &l, &f->err));
	assert_int_equal(l.n, 3);
	ind_value_list_free(&l);
	OK(store_ind_value_list(f->s, f->min_a, 2024, &l, &f->err));
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].code, "postes");
	ind_value_list_free(&l);

	/* Deleting, also what is not there. */
	OK(store_ind_value_delete(f->s, f->min_a, 2024, "postes", &f->err));
	OK(store_ind_value_delete(f->s, f->min_a, 2024, "postes", &f->err));
	OK(store_ind_value_delete(f->s, f->min_a, 2024, "nope", &f->err));
	assert_int_equal(store_ind_value_get(f->s, f->min_a, 2024, "postes", &v, &f->err), 0);
	OK(store_ind_value_list(f->s, 0, 0, &l, &f->err));
	assert_int_equal(l.n, 4);
	ind_value_list_free(&l);
	ind_catalogue_free(&c);
}

static void test_states(void **state)
{
	struct fixture *f = *state;
	enum ind_state st = IND_STATE_VALIDE;
	char *at = NULL, *by = NULL;

	assert_int_equal(store_ind_state_get(f->s, f->min_a, 2024, &st, &at, &by, &f->err), 0);
	assert_int_equal(st, IND_STATE_BROUILLON);
	assert_string_equal(at, "");
	assert_string_equal(by, "");
	free(at);
	free(by);
	assert_int_equal(store_ind_state_get(f->s, f->min_a, 2024, &st, NULL, NULL, &f->err), 0);

	OK(store_ind_state_set(f->s, f->min_a, 2024, IND_STATE_SOUMIS, "ref@a.fr", &f->err));
	assert_int_equal(store_ind_state_get(f->s, f->min_a, 2024, &st, &at, &by, &f->err), 1);
	assert_int_equal(st, IND_STATE_SOUMIS);
	assert_int_equal(strlen(at), 20);
	assert_string_equal(by, "ref@a.fr");
	free(at);
	free(by);
	OK(store_ind_state_set(f->s, f->min_a, 2024, IND_STATE_VALIDE, "admin@m.fr", &f->err));
	assert_int_equal(store_ind_state_get(f->s, f->min_a, 2024, &st, NULL, &by, &f->err), 1);
	assert_int_equal(st, IND_STATE_VALIDE);
	assert_string_equal(by, "admin@m.fr");
	free(by);
	/* Other years and ministries are untouched. */
	assert_int_equal(store_ind_state_get(f->s, f->min_a, 2023, &st, NULL, NULL, &f->err), 0);
	assert_int_equal(st, IND_STATE_BROUILLON);
	assert_int_equal(store_ind_state_get(f->s, f->min_b, 2024, &st, NULL, NULL, &f->err), 0);
}

static unsigned char cell_flags(const struct ind_table *t, size_t org, size_t ind, int year)
{
	return t->flags[ind_table_at(t, org, ind, year)];
}

static double cell_value(const struct ind_table *t, size_t org, size_t ind, int year)
{
	return t->value[ind_table_at(t, org, ind, year)];
}

/* Every stored value of the table's years is in its cell, and no other
 * cell is set. */
static void assert_table_matches_values(struct fixture *f, const struct ind_table *t)
{
	struct ind_value_list l;
	size_t n = 0, set = 0;
	OK(store_ind_value_list(f->s, 0, 0, &l, &f->err));
	for (size_t i = 0; i < l.n; i++) {
		const struct ind_value *v = &l.items[i];
		long org = ind_table_org(t, v->org_id);
		long ind = ind_catalogue_find(t->cat, v->code);
		if (org < 0 || ind < 0 || v->year < t->year_from || v->year > t->year_to)
			continue;
		assert_true(cell_flags(t, (size_t)org, (size_t)ind, v->year) & IND_CELL_SET);
		assert_true(cell_value(t, (size_t)org, (size_t)ind, v->year) == v->value);
		n++;
	}
	for (size_t i = 0; i < t->norg * t->cat->n * ind_table_nyears(t); i++)
		set += (t->flags[i] & IND_CELL_SET) != 0;
	assert_int_equal(set, n);
	ind_value_list_free(&l);
}

static void test_table_load(void **state)
{
	struct fixture *f = *state;
	struct ind_catalogue c;
	struct ind_table t;
	install_cat4(f, &c);
	/* 0 postes, 1 part_reemploi, 2 pue, 3 realisees (computed) */
	OK(store_ind_value_set(f->s, f->min_a, 2023, "postes", 100, "", "", "x", &f->err));
	OK(store_ind_value_set(f->s, f->min_a, 2024, "postes", 110, "", "", "x", &f->err));
	OK(store_ind_value_set(f->s, f->min_b, 2023, "postes", 50, "", "", "x", &f->err));
	OK(store_ind_value_set(f->s, f->min_b, 2023, "pue", 1.7, "", "", "x", &f->err));
	OK(store_ind_value_set(f->s, f->min_b, 2020, "pue", 2.5, "", "", "x", &f->err));
	/* A direction's value is not the ministry's: left out. */
	OK(store_ind_value_set(f->s, f->dir_a, 2023, "postes", 7, "", "", "x", &f->err));
	OK(store_ind_state_set(f->s, f->min_a, 2023, IND_STATE_SOUMIS, "x", &f->err));
	OK(store_ind_state_set(f->s, f->min_b, 2024, IND_STATE_VALIDE, "x", &f->err));
	OK(store_ind_state_set(f->s, f->min_b, 2019, IND_STATE_VALIDE, "x", &f->err));

	OK(store_ind_table_load(f->s, &c, 2022, 2024, 0, &t, &f->err));
	assert_ptr_equal(t.cat, &c);
	assert_int_equal(t.norg, 2);
	assert_int_equal(t.year_from, 2022);
	assert_int_equal(t.year_to, 2024);
	assert_string_equal(t.org_code[0], "MIN-A");
	assert_string_equal(t.org_name[0], "Ministère A");
	assert_true(t.org_id[0] == f->min_a);
	assert_string_equal(t.org_code[1], "MIN-B");
	assert_true(t.org_id[1] == f->min_b);
	/* States [org][year]. */
	assert_int_equal(t.state[0 * 3 + 1], IND_STATE_SOUMIS);
	assert_int_equal(t.state[0 * 3 + 0], IND_STATE_BROUILLON);
	assert_int_equal(t.state[1 * 3 + 2], IND_STATE_VALIDE);
	assert_int_equal(t.state[1 * 3 + 1], IND_STATE_BROUILLON);
	/* Values, counting when the collection is soumis or validé. */
	assert_int_equal(cell_flags(&t, 0, 0, 2023), IND_CELL_SET | IND_CELL_COUNTS);
	assert_true(cell_value(&t, 0, 0, 2023) == 100);
	assert_int_equal(cell_flags(&t, 0, 0, 2024), IND_CELL_SET);
	assert_true(cell_value(&t, 0, 0, 2024) == 110);
	assert_int_equal(cell_flags(&t, 1, 0, 2023), IND_CELL_SET);
	assert_true(cell_value(&t, 1, 0, 2023) == 50);
	assert_int_equal(cell_flags(&t, 1, 2, 2023), IND_CELL_SET);
	assert_true(cell_value(&t, 1, 2, 2023) == 1.7);
	assert_int_equal(cell_flags(&t, 0, 0, 2022), 0);
	assert_int_equal(cell_flags(&t, 0, 1, 2023), 0);
	/* Computed cells are not the store's business. */
	for (int y = 2022; y <= 2024; y++)
		for (size_t o = 0; o < 2; o++)
			assert_int_equal(cell_flags(&t, o, 3, y), 0);
	size_t set = 0;
	for (size_t i = 0; i < t.norg * c.n * 3; i++)
		set += t.flags[i] != 0;
	assert_int_equal(set, 4);
	ind_table_free(&t);

	/* One ministry only, through the other query. */
	OK(store_ind_table_load(f->s, &c, 2020, 2023, f->min_b, &t, &f->err));
	assert_int_equal(t.norg, 1);
	assert_string_equal(t.org_code[0], "MIN-B");
	assert_true(cell_value(&t, 0, 2, 2020) == 2.5);
	assert_int_equal(cell_flags(&t, 0, 2, 2020), IND_CELL_SET);
	assert_true(cell_value(&t, 0, 0, 2023) == 50);
	ind_table_free(&t);

	/* A direction or the mission is no ministry: an empty table. */
	OK(store_ind_table_load(f->s, &c, 2023, 2023, f->dir_a, &t, &f->err));
	assert_int_equal(t.norg, 0);
	ind_table_free(&t);
	OK(store_ind_table_load(f->s, &c, 2023, 2023, f->mission, &t, &f->err));
	assert_int_equal(t.norg, 0);
	ind_table_free(&t);

	/* Replacing and removing values: the table follows (the store keeps
	 * the values packed per ministry and year in step). */
	OK(store_ind_value_set(f->s, f->min_a, 2023, "postes", 105, "", "", "x", &f->err));
	OK(store_ind_value_delete(f->s, f->min_b, 2023, "pue", &f->err));
	OK(store_ind_value_delete(f->s, f->min_b, 2023, "pue", &f->err));
	OK(store_ind_value_set(f->s, f->min_b, 2023, "part_reemploi", 40, "", "", "x", &f->err));
	OK(store_ind_value_set(f->s, f->min_b, 2024, "pue", 1.2, "", "", "x", &f->err));
	OK(store_ind_value_delete(f->s, f->min_b, 2024, "pue", &f->err));
	OK(store_ind_table_load(f->s, &c, 2022, 2024, 0, &t, &f->err));
	assert_true(cell_value(&t, 0, 0, 2023) == 105);
	assert_int_equal(cell_flags(&t, 1, 2, 2023), 0);
	assert_int_equal(cell_flags(&t, 1, 2, 2024), 0);
	assert_int_equal(cell_flags(&t, 1, 1, 2023), IND_CELL_SET);
	assert_true(cell_value(&t, 1, 1, 2023) == 40);
	assert_true(cell_value(&t, 1, 0, 2023) == 50);
	assert_table_matches_values(f, &t);
	ind_table_free(&t);

	/* A catalogue without postes: its values are skipped, the others mapped
	 * by code to the catalogue's positions. */
	struct ind_catalogue sub;
	parse_cat(CAT_HDR "pue;PUE moyen;Efficacité énergétique;ratio;datacenter;ratio;max;;1;3;"
			  "baisse;;;\n",
		  &sub);
	OK(store_ind_table_load(f->s, &sub, 2020, 2023, 0, &t, &f->err));
	assert_int_equal(t.norg, 2);
	assert_int_equal(cell_flags(&t, 0, 0, 2023), 0);
	assert_int_equal(cell_flags(&t, 1, 0, 2023), 0);
	assert_int_equal(cell_flags(&t, 1, 0, 2020), IND_CELL_SET);
	assert_true(cell_value(&t, 1, 0, 2020) == 2.5);
	assert_table_matches_values(f, &t);
	ind_table_free(&t);
	ind_catalogue_free(&sub);
	ind_catalogue_free(&c);
}

/* ---- facts ---- */

static void add_action(struct fixture *f, int64_t roadmap, int pos, const char *ref,
		       enum status status, int key)
{
	ts_action_add(f->s, roadmap, pos, ref, status, key, &f->err);
}

static int64_t add_roadmap(struct fixture *f, int64_t org, const char *period)
{
	return ts_roadmap_add(f->s, org, period, &f->err);
}

static struct fp_ref *g4it_ref(const char *name)
{
	const char *dir = getenv("NUMECO_TEST_DATA");
	char path[600];
	snprintf(path, sizeof(path), "%s/footprint/g4it_referential", dir ? dir : "tests/data");
	struct diags d = DIAGS_INIT;
	struct fp_ref *r = fp_ref_load_dir(path, name, "test", &d);
	if (!r) {
		ts_dump_diags(&d);
		fail_msg("cannot load %s", path);
	}
	diags_free(&d);
	return r;
}

/* Runs the inventory: 2 servers and 3 + 2 + 4 workstations of three types
 * (one of them in another case), and one line whose quantity is wrong. */
static struct fp_summary *run_inventory(struct fixture *f, const struct fp_ref *ref)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", f->tmp.dir, PHYS_FILE);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs("nomEquipementPhysique;type;quantite;paysDUtilisation;dateAchat\n"
	      "s1;Server;2;France;2020-01-01\n"
	      "l1;Laptop;3;France;2022-01-01\n"
	      "l2;ordinateur PORTABLE;2;France;2022-01-01\n"
	      "d1;Desktop;4;France;2022-01-01\n"
	      "d2;Desktop;douze;France;2022-01-01\n",
	      fp);
	fclose(fp);
	struct fp_run_opts o;
	memset(&o, 0, sizeof(o));
	o.lifespan = FP_LIFESPAN_REAL;
	strcpy(o.date, "2024-01-01");
	o.physical = path;
	struct diags d = DIAGS_INIT;
	struct fp_summary *s = fp_run(ref, &o, &d, &f->err);
	if (!s) {
		ts_dump_diags(&d);
		fail_msg("fp_run: %s", f->err.msg.ptr);
	}
	diags_free(&d);
	return s;
}

static double climate_total_kg(const struct fp_summary *sum)
{
	int c = fp_ref_find_crit(fp_summary_ref(sum), "CLIMATE_CHANGE");
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

static const struct ind_fact *find_fact(const struct ind_fact_list *l, int64_t org, int year)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].org_id == org && l->items[i].year == year)
			return &l->items[i];
	return NULL;
}

#define NEAR(got, want) assert_true(fabs((got) - (want)) <= 1e-9 * (fabs(want) + 1))

static void test_fp_type_quantities(void **state)
{
	struct fixture *f = *state;
	struct fp_ref *ref = g4it_ref("g4it");
	struct fp_summary *sum = run_inventory(f, ref);
	/* By type (strcmp order); the line whose quantity is wrong is left out. */
	const char *types[] = { "Desktop", "Laptop", "Server", "ordinateur PORTABLE" };
	const double qty[] = { 4, 3, 2, 2 };
	assert_int_equal(fp_summary_ntypes(sum), 4);
	for (size_t i = 0; i < 4; i++) {
		const char *t;
		double q;
		fp_summary_type_quantity(sum, i, &t, &q);
		assert_string_equal(t, types[i]);
		assert_true(q == qty[i]);
	}
	int64_t ref_id, eval;
	OK(store_ref_save(f->s, ref, "", 0, "", "t", 0, &ref_id, &f->err));
	OK(store_fp_save(f->s, "MIN-A", 2024, ref_id, FP_LIFESPAN_REAL, sum, "t", &eval, &f->err));
	/* Saved again (replaced), no duplicate: the facts see 9 once. */
	OK(store_fp_save(f->s, "MIN-A", 2024, ref_id, FP_LIFESPAN_REAL, sum, "t", &eval, &f->err));
	struct ind_fact_list l;
	OK(store_ind_facts(f->s, 2024, 2024, 0, &l, &f->err));
	assert_int_equal(l.n, 1);
	assert_true(l.items[0].workstations == 9);
	ind_fact_list_free(&l);
	fp_summary_free(sum);
	fp_ref_free(ref);
}

static void test_facts(void **state)
{
	struct fixture *f = *state;
	struct ind_fact_list l;
	const struct ind_fact *x;

	OK(store_ind_facts(f->s, 2020, 2026, 0, &l, &f->err));
	assert_int_equal(l.n, 0);
	ind_fact_list_free(&l);

	/* 2022: MIN-A's roadmap and its direction's, over the tree. */
	int64_t r = add_roadmap(f, f->min_a, "2022");
	add_action(f, r, 0, "A-1", STATUS_REALISEE, 1);
	add_action(f, r, 1, "A-2", STATUS_REALISEE, 0);
	add_action(f, r, 2, "A-3", STATUS_EN_COURS, 0);
	r = add_roadmap(f, f->dir_a, "2022");
	add_action(f, r, 0, "D-1", STATUS_REALISEE, 1);
	/* 2023-2025: a range, for the years it covers with no roadmap of their own.
	 */
	r = add_roadmap(f, f->min_a, "2023-2025");
	add_action(f, r, 0, "P-1", STATUS_REALISEE, 0);
	add_action(f, r, 1, "P-2", STATUS_ABANDONNEE, 1);
	add_action(f, r, 2, "P-3", STATUS_A_LANCER, 1);
	add_action(f, r, 3, "P-4", STATUS_A_LANCER, 0);
	r = add_roadmap(f, f->min_a, "2024");
	add_action(f, r, 0, "Y-1", STATUS_REALISEE, 0);
	/* An empty roadmap is a roadmap (no action). */
	add_roadmap(f, f->min_b, "2022");
	/* The mission is no ministry. */
	r = add_roadmap(f, f->mission, "2022");
	add_action(f, r, 0, "M-1", STATUS_REALISEE, 1);

	/* Footprint: MIN-B's own 2023 evaluation (its direction's is then left
	 * out), MIN-B's direction alone in 2024, and MIN-A's 2025 evaluation with
	 * a licensed referential (left out). */
	struct fp_ref *open = g4it_ref("g4it"), *lic = g4it_ref("g4it-licence");
	struct fp_summary *sum = run_inventory(f, open), *sum_lic = run_inventory(f, lic);
	double kg = climate_total_kg(sum);
	assert_true(kg > 0);
	int64_t open_id, lic_id, e;
	OK(store_ref_save(f->s, open, "", 0, "", "t", 0, &open_id, &f->err));
	OK(store_ref_save(f->s, lic, "Licence", 1, "MIN-A", "t", 0, &lic_id, &f->err));
	OK(store_fp_save(f->s, "MIN-B", 2023, open_id, FP_LIFESPAN_REAL, sum, "t", &e, &f->err));
	OK(store_fp_save(f->s, "MIN-B-DIR", 2023, open_id, FP_LIFESPAN_REAL, sum, "t", &e,
			 &f->err));
	OK(store_fp_save(f->s, "MIN-B-DIR", 2024, open_id, FP_LIFESPAN_REAL, sum, "t", &e,
			 &f->err));
	OK(store_fp_save(f->s, "MIN-A", 2025, lic_id, FP_LIFESPAN_REAL, sum_lic, "t", &e, &f->err));

	OK(store_ind_facts(f->s, 2021, 2026, 0, &l, &f->err));
	/* MIN-A 2022..2025, MIN-B 2022..2024, by ministry code then year. */
	assert_int_equal(l.n, 7);
	assert_true(l.items[0].org_id == f->min_a && l.items[0].year == 2022);
	assert_true(l.items[3].org_id == f->min_a && l.items[3].year == 2025);
	assert_true(l.items[4].org_id == f->min_b && l.items[4].year == 2022);
	assert_true(l.items[6].org_id == f->min_b && l.items[6].year == 2024);

	x = find_fact(&l, f->min_a, 2022);
	assert_non_null(x);
	assert_int_equal(x->has_roadmap, 1);
	assert_int_equal(x->actions, 4);
	assert_int_equal(x->realised, 3);
	assert_int_equal(x->key_actions, 2);
	assert_int_equal(x->has_fp, 0);
	for (int y = 2023; y <= 2025; y += 2) {
		x = find_fact(&l, f->min_a, y);
		assert_non_null(x);
		assert_int_equal(x->has_roadmap, 1);
		assert_int_equal(x->actions, 4);
		assert_int_equal(x->realised, 1);
		assert_int_equal(x->key_actions, 2);
		assert_int_equal(x->has_fp, 0); /* 2025: licensed */
	}
	/* 2024 has a roadmap of its own. */
	x = find_fact(&l, f->min_a, 2024);
	assert_int_equal(x->actions, 1);
	assert_int_equal(x->realised, 1);
	assert_int_equal(x->key_actions, 0);

	x = find_fact(&l, f->min_b, 2022);
	assert_int_equal(x->has_roadmap, 1);
	assert_int_equal(x->actions, 0);
	assert_int_equal(x->has_fp, 0);
	x = find_fact(&l, f->min_b, 2023);
	assert_int_equal(x->has_roadmap, 0);
	assert_int_equal(x->has_fp, 1);
	NEAR(x->fp_ghg_kg, kg);
	assert_true(x->workstations == 9);
	x = find_fact(&l, f->min_b, 2024);
	assert_int_equal(x->has_fp, 1);
	NEAR(x->fp_ghg_kg, kg);
	assert_true(x->workstations == 9);
	assert_null(find_fact(&l, f->mission, 2022));
	ind_fact_list_free(&l);

	/* One ministry, a narrower range. */
	OK(store_ind_facts(f->s, 2023, 2023, f->min_b, &l, &f->err));
	assert_int_equal(l.n, 1);
	assert_true(l.items[0].org_id == f->min_b);
	assert_int_equal(l.items[0].year, 2023);
	ind_fact_list_free(&l);

	fp_summary_free(sum);
	fp_summary_free(sum_lic);
	fp_ref_free(open);
	fp_ref_free(lic);
}

static void test_years(void **state)
{
	struct fixture *f = *state;
	struct ind_catalogue c;
	int min = -1, max = -1;
	OK(store_ind_years(f->s, &min, &max, &f->err));
	assert_int_equal(min, 0);
	assert_int_equal(max, 0);
	install_cat4(f, &c);
	OK(store_ind_value_set(f->s, f->min_a, 2021, "postes", 1, "", "", "x", &f->err));
	OK(store_ind_value_set(f->s, f->min_b, 2023, "pue", 1.5, "", "", "x", &f->err));
	OK(store_ind_years(f->s, &min, &max, &f->err));
	assert_int_equal(min, 2021);
	assert_int_equal(max, 2023);
	OK(store_ind_state_set(f->s, f->min_b, 2025, IND_STATE_SOUMIS, "x", &f->err));
	add_roadmap(f, f->min_a, "2019");
	add_roadmap(f, f->min_a, "2026-2028"); /* a range counts for nothing */
	OK(store_ind_years(f->s, &min, &max, &f->err));
	assert_int_equal(min, 2019);
	assert_int_equal(max, 2025);
	/* A stored footprint evaluation's year counts too. */
	struct fp_ref *ref = g4it_ref("g4it");
	struct fp_summary *sum = run_inventory(f, ref);
	int64_t ref_id, e;
	OK(store_ref_save(f->s, ref, "", 0, "", "t", 0, &ref_id, &f->err));
	OK(store_fp_save(f->s, "MIN-B-DIR", 2027, ref_id, FP_LIFESPAN_REAL, sum, "t", &e, &f->err));
	OK(store_ind_years(f->s, &min, &max, &f->err));
	assert_int_equal(min, 2019);
	assert_int_equal(max, 2027);
	fp_summary_free(sum);
	fp_ref_free(ref);
	ind_catalogue_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_catalogue_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_states, setup, teardown),
		cmocka_unit_test_setup_teardown(test_table_load, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fp_type_quantities, setup, teardown),
		cmocka_unit_test_setup_teardown(test_facts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_years, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
