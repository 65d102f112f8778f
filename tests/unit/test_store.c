/* test_store.c: the SQLite store, one concern per test (orgs to consolidation input). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "plan/consolidate.h"
#include "store/store.h"
#include "support.h"

struct fixture {
	struct ts_tmpdir tmp;
	struct store *s;
	struct err err;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	int migrated = -1;
	if (ts_store_setup(&f->tmp, &f->s, &f->err, "store", &migrated)) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
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

/* The organisations used by most tests:
 *   DINUM (mission), MIN-A → {A-DIR → {Z-SVC}, B-DIR}, MIN-B → {C-DIR}, MIN-C
 * added in an order that is neither code order nor tree order. */
static void add_orgs(struct fixture *f)
{
	OK(store_org_add(f->s, "MIN-B", "Ministère B", ORG_MINISTERE, "", NULL, &f->err));
	OK(store_org_add(f->s, "MIN-A", "Ministère A", ORG_MINISTERE, "", NULL, &f->err));
	OK(store_org_add(f->s, "B-DIR", "Direction B", ORG_DIRECTION, "MIN-A", NULL, &f->err));
	OK(store_org_add(f->s, "A-DIR", "Direction A", ORG_DIRECTION, "MIN-A", NULL, &f->err));
	OK(store_org_add(f->s, "Z-SVC", "Service Z", ORG_SERVICE, "A-DIR", NULL, &f->err));
	OK(store_org_add(f->s, "C-DIR", "Direction C", ORG_DIRECTION, "MIN-B", NULL, &f->err));
	OK(store_org_add(f->s, "DINUM", "Mission", ORG_MISSION, "", NULL, &f->err));
	OK(store_org_add(f->s, "MIN-C", "Ministère C", ORG_MINISTERE, "", NULL, &f->err));
}

static int64_t org_id(struct fixture *f, const char *code)
{
	return ts_org_id(f->s, code, &f->err);
}

static void test_org_tree_order(void **state)
{
	struct fixture *f = *state;
	struct org_list l;
	add_orgs(f);
	OK(store_org_list(f->s, &l, &f->err));
	static const char *const want[] = { "A-DIR", "Z-SVC", "B-DIR" };
	static const char *const all[] = { "DINUM", "MIN-A", "A-DIR", "Z-SVC",
					   "B-DIR", "MIN-B", "C-DIR", "MIN-C" };
	assert_int_equal(l.n, 8);
	for (size_t i = 0; i < l.n; i++)
		assert_string_equal(l.items[i].code, all[i]);
	int64_t min_a = org_id(f, "MIN-A");
	/* Z-SVC: parent A-DIR, ministry MIN-A. */
	assert_string_equal(l.items[3].parent_code, "A-DIR");
	assert_int_equal(l.items[3].parent_id, l.items[2].id);
	assert_int_equal(l.items[3].ministry_id, min_a);
	assert_int_equal(l.items[3].kind, ORG_SERVICE);
	assert_string_equal(l.items[3].name, "Service Z");
	assert_string_equal(l.items[1].parent_code, "");
	assert_int_equal(l.items[1].parent_id, 0);
	assert_int_equal(l.items[1].ministry_id, min_a);
	assert_int_equal(l.items[6].ministry_id, l.items[5].id);
	org_list_free(&l);

	OK(store_org_children(f->s, min_a, &l, &f->err));
	assert_int_equal(l.n, 3);
	for (size_t i = 0; i < l.n; i++) {
		assert_string_equal(l.items[i].code, want[i]);
		assert_int_equal(l.items[i].ministry_id, min_a);
	}
	org_list_free(&l);

	OK(store_org_children(f->s, org_id(f, "MIN-C"), &l, &f->err));
	assert_int_equal(l.n, 0);
	org_list_free(&l);
	FAILS(store_org_children(f->s, 999999, &l, &f->err), "organisation inconnue");
	org_list_free(&l);
}

static void test_org_get(void **state)
{
	struct fixture *f = *state;
	struct org o;
	add_orgs(f);
	assert_int_equal(store_org_get(f->s, "Z-SVC", &o, &f->err), 1);
	int64_t id = o.id;
	assert_string_equal(o.parent_code, "A-DIR");
	assert_int_equal(o.ministry_id, org_id(f, "MIN-A"));
	org_free(&o);
	assert_int_equal(store_org_get_id(f->s, id, &o, &f->err), 1);
	assert_string_equal(o.code, "Z-SVC");
	assert_int_equal(o.kind, ORG_SERVICE);
	assert_int_equal(o.ministry_id, org_id(f, "MIN-A"));
	org_free(&o);
	assert_int_equal(store_org_get(f->s, "MIN-B", &o, &f->err), 1);
	assert_int_equal(o.ministry_id, o.id);
	org_free(&o);
	assert_int_equal(store_org_get(f->s, "NOPE", &o, &f->err), 0);
	assert_int_equal(store_org_get_id(f->s, 424242, &o, &f->err), 0);
	org_free(&o);
}

static void test_org_errors(void **state)
{
	struct fixture *f = *state;
	int64_t id = 0;
	OK(store_org_add(f->s, "MIN-X", "X", ORG_MINISTERE, "", &id, &f->err));
	assert_true(id > 0);
	FAILS(store_org_add(f->s, "MIN-X", "X bis", ORG_MINISTERE, "", NULL, &f->err),
	      "l'organisation « MIN-X » existe déjà");
	FAILS(store_org_add(f->s, "DIR-Y", "Y", ORG_DIRECTION, "NOPE", NULL, &f->err),
	      "organisation parente inconnue : « NOPE »");
	FAILS(store_org_add(f->s, "", "vide", ORG_DIRECTION, "", NULL, &f->err), "vide");
	/* SQL text in a code is data, nothing else. */
	OK(store_org_add(f->s, "x'); DROP TABLE org; --", "Bobby", ORG_SERVICE, "MIN-X", NULL,
			 &f->err));
	struct org_list l;
	OK(store_org_list(f->s, &l, &f->err));
	assert_int_equal(l.n, 2);
	org_list_free(&l);
}

static void test_people(void **state)
{
	struct fixture *f = *state;
	struct person p;
	struct person_list l;
	int64_t id = 0;
	add_orgs(f);
	OK(store_person_add(f->s, "zoe@a.gouv.fr", "Zoé", ROLE_REFERENT, "MIN-A", &id, &f->err));
	assert_true(id > 0);
	OK(store_person_add(f->s, "bob@a.gouv.fr", "Bob", ROLE_CORRESPONDANT, "Z-SVC", NULL,
			    &f->err));
	OK(store_person_add(f->s, "ann@b.gouv.fr", "Ann", ROLE_LECTEUR, "C-DIR", NULL, &f->err));
	OK(store_person_add(f->s, "adm@dinum.gouv.fr", "Adm", ROLE_ADMIN, "DINUM", NULL, &f->err));
	FAILS(store_person_add(f->s, "bob@a.gouv.fr", "Bob 2", ROLE_LECTEUR, "MIN-A", NULL,
			       &f->err),
	      "la personne « bob@a.gouv.fr » existe déjà");
	FAILS(store_person_add(f->s, "new@a.gouv.fr", "New", ROLE_LECTEUR, "NOPE", NULL, &f->err),
	      "organisation inconnue : « NOPE »");

	assert_int_equal(store_person_get(f->s, "bob@a.gouv.fr", &p, &f->err), 1);
	assert_string_equal(p.name, "Bob");
	assert_int_equal(p.role, ROLE_CORRESPONDANT);
	assert_string_equal(p.org_code, "Z-SVC");
	assert_int_equal(p.org_id, org_id(f, "Z-SVC"));
	person_free(&p);
	assert_int_equal(store_person_get(f->s, "nobody@x.fr", &p, &f->err), 0);

	OK(store_person_list(f->s, NULL, &l, &f->err));
	assert_int_equal(l.n, 4);
	assert_string_equal(l.items[0].email, "adm@dinum.gouv.fr");
	assert_string_equal(l.items[1].email, "ann@b.gouv.fr");
	assert_string_equal(l.items[2].email, "bob@a.gouv.fr");
	assert_string_equal(l.items[3].email, "zoe@a.gouv.fr");
	person_list_free(&l);

	OK(store_person_list(f->s, "MIN-A", &l, &f->err));
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].email, "bob@a.gouv.fr");
	assert_string_equal(l.items[1].email, "zoe@a.gouv.fr");
	person_list_free(&l);

	OK(store_person_list(f->s, "A-DIR", &l, &f->err));
	assert_int_equal(l.n, 1);
	person_list_free(&l);
	OK(store_person_list(f->s, "B-DIR", &l, &f->err));
	assert_int_equal(l.n, 0);
	person_list_free(&l);
	FAILS(store_person_list(f->s, "NOPE", &l, &f->err), "organisation inconnue");
	person_list_free(&l);
}

static void test_roadmaps(void **state)
{
	struct fixture *f = *state;
	struct roadmap r;
	struct roadmap_list l;
	int64_t id = 0, id2 = 0;
	add_orgs(f);
	int64_t min_a = org_id(f, "MIN-A"), min_b = org_id(f, "MIN-B");
	OK(store_roadmap_create(f->s, min_b, "2022", &id, &f->err));
	OK(store_roadmap_create(f->s, min_a, "2023-2025", NULL, &f->err));
	OK(store_roadmap_create(f->s, min_a, "2022", &id2, &f->err));
	assert_true(id > 0 && id2 > 0 && id != id2);
	FAILS(store_roadmap_create(f->s, min_a, "2022", NULL, &f->err),
	      "la feuille de route de « MIN-A » pour 2022 existe déjà");
	FAILS(store_roadmap_create(f->s, 999999, "2022", NULL, &f->err), "organisation inconnue");

	assert_int_equal(store_roadmap_get(f->s, min_b, "2022", &r, &f->err), 1);
	assert_int_equal(r.id, id);
	assert_string_equal(r.org_code, "MIN-B");
	assert_string_equal(r.org_name, "Ministère B");
	assert_string_equal(r.period, "2022");
	assert_int_equal(r.state, RSTATE_BROUILLON);
	roadmap_free(&r);
	assert_int_equal(store_roadmap_get(f->s, min_b, "2023", &r, &f->err), 0);

	OK(store_roadmap_set_state(f->s, id, RSTATE_SOUMISE, &f->err));
	assert_int_equal(store_roadmap_get(f->s, min_b, "2022", &r, &f->err), 1);
	assert_int_equal(r.state, RSTATE_SOUMISE);
	roadmap_free(&r);
	FAILS(store_roadmap_set_state(f->s, 999999, RSTATE_RELUE, &f->err),
	      "feuille de route inconnue");

	OK(store_roadmap_list(f->s, NULL, &l, &f->err));
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].org_code, "MIN-A");
	assert_string_equal(l.items[0].period, "2022");
	assert_string_equal(l.items[1].org_code, "MIN-B");
	assert_int_equal(l.items[1].state, RSTATE_SOUMISE);
	assert_string_equal(l.items[2].period, "2023-2025");
	roadmap_list_free(&l);
	OK(store_roadmap_list(f->s, "2022", &l, &f->err));
	assert_int_equal(l.n, 2);
	roadmap_list_free(&l);
	OK(store_roadmap_list(f->s, "2030", &l, &f->err));
	assert_int_equal(l.n, 0);
	roadmap_list_free(&l);
}

static void fill_action(struct action *a, const char *ref, const char *title)
{
	action_init(a);
	ts_set(&a->ref, ref);
	ts_set(&a->title, title);
}

static int64_t make_roadmap(struct fixture *f, const char *org, const char *period)
{
	int64_t id = 0;
	OK(store_roadmap_create(f->s, org_id(f, org), period, &id, &f->err));
	return id;
}

static void test_actions(void **state)
{
	struct fixture *f = *state;
	struct action a, b, c, got;
	struct action_list l;
	add_orgs(f);
	int64_t rm = make_roadmap(f, "MIN-A", "2022");

	fill_action(&a, "ACT-02", "Deuxième");
	ts_set(&a.description, "Une description\navec « guillemets »");
	a.theme = THEME_ACHATS;
	a.level = LEVEL_REALISATION;
	a.status = STATUS_EN_COURS;
	a.key = 1;
	ts_set(&a.direction, "A-DIR");
	ts_set(&a.start_date, "2022-01-15");
	ts_set(&a.due_date, "2022-12-31");
	a.has_budget = 1;
	a.budget_cents = 1234567;
	ts_set(&a.indicator, "Nombre de postes");
	a.has_impact = 1;
	a.impact_value = 12.5;
	a.impact_unit = IUNIT_TCO2E;
	ts_set(&a.impact_method, "ADEME");
	ts_set(&a.comment, "RAS");
	fill_action(&b, "ACT-01", "Première");
	b.theme = THEME_FIN_DE_VIE;
	b.status = STATUS_ABANDONNEE;
	fill_action(&c, "ACT-03", "Troisième");
	c.has_budget = 1; /* a zero budget is still a known budget */
	c.budget_cents = 0;

	/* Positions are not in ref order: the list follows positions. */
	OK(store_action_insert(f->s, rm, 1, &a, &f->err));
	OK(store_action_insert(f->s, rm, 0, &c, &f->err));
	OK(store_action_insert(f->s, rm, 2, &b, &f->err));
	assert_true(a.id > 0);
	assert_int_equal(a.version, 1);

	OK(store_action_list(f->s, rm, &l, &f->err));
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].ref, "ACT-03");
	assert_string_equal(l.items[1].ref, "ACT-02");
	assert_string_equal(l.items[2].ref, "ACT-01");
	assert_true(action_equal(&l.items[1], &a));
	assert_true(action_equal(&l.items[0], &c));
	assert_true(l.items[0].has_budget);
	assert_false(l.items[0].has_impact);
	assert_string_equal(l.items[2].start_date, "");
	assert_string_equal(l.items[2].direction, "");
	action_list_free(&l);

	assert_int_equal(store_action_get(f->s, rm, "ACT-02", &got, &f->err), 1);
	assert_true(action_equal(&got, &a));
	assert_int_equal(got.id, a.id);
	assert_int_equal(got.version, 1);
	assert_int_equal(got.impact_unit, IUNIT_TCO2E);
	assert_true(got.impact_value == 12.5);
	assert_int_equal(got.budget_cents, 1234567);
	action_free(&got);
	assert_int_equal(store_action_get(f->s, rm, "ACT-99", &got, &f->err), 0);

	/* Duplicate ref, unknown direction, unknown roadmap. */
	struct action dup;
	fill_action(&dup, "ACT-01", "Doublon");
	FAILS(store_action_insert(f->s, rm, 3, &dup, &f->err), "« ACT-01 » existe déjà");
	ts_set(&dup.ref, "ACT-04");
	ts_set(&dup.direction, "NOPE");
	FAILS(store_action_insert(f->s, rm, 3, &dup, &f->err), "direction inconnue : « NOPE »");
	ts_set(&dup.direction, "");
	FAILS(store_action_insert(f->s, 999999, 3, &dup, &f->err), "feuille de route inconnue");
	action_free(&dup);

	/* Update with the right version bumps it; a stale copy is refused. */
	struct action stale;
	action_copy(&stale, &a);
	ts_set(&a.title, "Deuxième, revue");
	a.status = STATUS_REALISEE;
	a.has_impact = 0;
	ts_set(&a.direction, "");
	OK(store_action_update(f->s, 5, &a, &f->err));
	assert_int_equal(a.version, 2);
	assert_int_equal(store_action_get(f->s, rm, "ACT-02", &got, &f->err), 1);
	assert_true(action_equal(&got, &a));
	assert_int_equal(got.version, 2);
	assert_false(got.has_impact);
	action_free(&got);
	ts_set(&stale.comment, "concurrent");
	FAILS(store_action_update(f->s, 1, &stale, &f->err), "modifiée entre-temps");
	assert_int_equal(stale.version, 1);
	ts_set(&stale.direction, "NOPE");
	stale.version = 2;
	FAILS(store_action_update(f->s, 1, &stale, &f->err), "direction inconnue");

	/* Position 5 moved ACT-02 last. */
	OK(store_action_list(f->s, rm, &l, &f->err));
	assert_string_equal(l.items[2].ref, "ACT-02");
	action_list_free(&l);

	/* Renaming to an existing ref is refused. */
	ts_set(&a.ref, "ACT-01");
	FAILS(store_action_update(f->s, 5, &a, &f->err), "existe déjà");
	ts_set(&a.ref, "ACT-02");

	OK(store_action_delete(f->s, b.id, &f->err));
	FAILS(store_action_delete(f->s, b.id, &f->err), "action inconnue");
	FAILS(store_action_update(f->s, 0, &b, &f->err), "n'existe plus");
	OK(store_action_list(f->s, rm, &l, &f->err));
	assert_int_equal(l.n, 2);
	action_list_free(&l);

	action_free(&stale);
	action_free(&a);
	action_free(&b);
	action_free(&c);
}

static void test_transactions(void **state)
{
	struct fixture *f = *state;
	struct org o;
	OK(store_begin(f->s, &f->err));
	FAILS(store_begin(f->s, &f->err), "transaction");
	OK(store_org_add(f->s, "MIN-T", "T", ORG_MINISTERE, "", NULL, &f->err));
	assert_int_equal(store_org_get(f->s, "MIN-T", &o, &f->err), 1);
	org_free(&o);
	store_rollback(f->s);
	assert_int_equal(store_org_get(f->s, "MIN-T", &o, &f->err), 0);
	FAILS(store_commit(f->s, &f->err), "aucune transaction");

	OK(store_begin(f->s, &f->err));
	OK(store_org_add(f->s, "MIN-T", "T", ORG_MINISTERE, "", NULL, &f->err));
	OK(store_commit(f->s, &f->err));
	assert_int_equal(store_org_get(f->s, "MIN-T", &o, &f->err), 1);
	org_free(&o);
	/* A failed statement inside a transaction leaves it usable. */
	OK(store_begin(f->s, &f->err));
	FAILS(store_org_add(f->s, "MIN-T", "T", ORG_MINISTERE, "", NULL, &f->err), "existe déjà");
	OK(store_org_add(f->s, "MIN-U", "U", ORG_MINISTERE, "", NULL, &f->err));
	OK(store_commit(f->s, &f->err));
	assert_int_equal(store_org_get(f->s, "MIN-U", &o, &f->err), 1);
	org_free(&o);
}

static void test_review(void **state)
{
	struct fixture *f = *state;
	struct review_list l;
	struct action a;
	add_orgs(f);
	int64_t rm = make_roadmap(f, "MIN-A", "2022");
	fill_action(&a, "ACT-01", "Une action");
	OK(store_action_insert(f->s, rm, 0, &a, &f->err));

	setenv("NUMECO_NOW", "2026-11-29T10:00:00Z", 1);
	struct review r1 = { 0 };
	r1.roadmap_id = rm;
	r1.action_ref = xstrdup("");
	r1.kind = RKIND_COMMENTAIRE;
	r1.text = xstrdup("Feuille de route claire");
	r1.author = xstrdup("mission@dinum.gouv.fr");
	OK(store_review_add(f->s, &r1, &f->err));
	assert_true(r1.id > 0);
	assert_string_equal(r1.created_at, "2026-11-29T10:00:00Z");
	unsetenv("NUMECO_NOW");

	struct review r2 = { 0 };
	r2.roadmap_id = rm;
	r2.action_ref = xstrdup("ACT-01");
	r2.kind = RKIND_RECOMMANDATION;
	r2.text = xstrdup("Chiffrer le gain");
	r2.author = xstrdup("mission@dinum.gouv.fr");
	r2.created_at = xstrdup("2026-11-30T08:00:00Z");
	OK(store_review_add(f->s, &r2, &f->err));
	assert_string_equal(r2.created_at, "2026-11-30T08:00:00Z");

	struct review bad = { 0 };
	bad.roadmap_id = rm;
	bad.action_ref = (char *)"ACT-99";
	bad.kind = RKIND_COMMENTAIRE;
	bad.text = (char *)"x";
	bad.author = (char *)"y";
	bad.created_at = (char *)"2026-11-30T08:00:00Z";
	FAILS(store_review_add(f->s, &bad, &f->err), "« ACT-99 »");
	bad.action_ref = (char *)"";
	bad.roadmap_id = 999999;
	FAILS(store_review_add(f->s, &bad, &f->err), "feuille de route inconnue");

	OK(store_review_set_addressed(f->s, r2.id, 1, &f->err));
	FAILS(store_review_set_addressed(f->s, 999999, 1, &f->err), "inconnue");

	OK(store_review_list(f->s, rm, &l, &f->err));
	assert_int_equal(l.n, 2);
	assert_int_equal(l.items[0].id, r1.id);
	assert_string_equal(l.items[0].action_ref, "");
	assert_int_equal(l.items[0].kind, RKIND_COMMENTAIRE);
	assert_string_equal(l.items[0].text, "Feuille de route claire");
	assert_false(l.items[0].addressed);
	assert_string_equal(l.items[1].action_ref, "ACT-01");
	assert_int_equal(l.items[1].kind, RKIND_RECOMMANDATION);
	assert_string_equal(l.items[1].author, "mission@dinum.gouv.fr");
	assert_string_equal(l.items[1].created_at, "2026-11-30T08:00:00Z");
	assert_true(l.items[1].addressed);
	review_list_free(&l);

	/* The entry outlives its action and still names it. */
	OK(store_action_delete(f->s, a.id, &f->err));
	OK(store_review_list(f->s, rm, &l, &f->err));
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[1].action_ref, "ACT-01");
	review_list_free(&l);
	OK(store_review_set_addressed(f->s, r2.id, 0, &f->err));
	OK(store_review_list(f->s, rm, &l, &f->err));
	assert_false(l.items[1].addressed);
	review_list_free(&l);

	review_free(&r1);
	review_free(&r2);
	action_free(&a);
}

static void add_audit(struct fixture *f, const char *at, const char *key, const char *op)
{
	struct audit_entry e = { 0 };
	e.at = (char *)at;
	e.actor = (char *)"cli:test";
	e.entity = (char *)"action";
	e.entity_key = (char *)key;
	e.op = (char *)op;
	e.before = (char *)"";
	e.after = (char *)"{\"titre\": \"x\"}";
	OK(store_audit_add(f->s, &e, &f->err));
}

static void test_audit(void **state)
{
	struct fixture *f = *state;
	struct audit_list l;
	add_audit(f, "2026-11-29T10:00:00Z", "MIN-A/2022/ACT-01", "create");
	add_audit(f, "2026-11-29T10:00:01Z", "MIN-AB/2022/ACT-01", "create");
	add_audit(f, "2026-11-29T10:00:02Z", "MIN-A/2022/ACT-02", "create");
	add_audit(f, "2026-11-29T10:00:03Z", "MIN-A/2023/ACT-01", "create");
	add_audit(f, "2026-11-29T10:00:04Z", "MIN-A/2022/ACT-01", "update");
	add_audit(f, "2026-11-29T10:00:05Z", "MIN-A/2022%/X", "delete");

	OK(store_audit_list(f->s, NULL, 0, &l, &f->err));
	assert_int_equal(l.n, 6);
	assert_string_equal(l.items[0].entity_key, "MIN-A/2022%/X");
	assert_string_equal(l.items[5].at, "2026-11-29T10:00:00Z");
	assert_true(l.items[0].id > l.items[1].id);
	assert_string_equal(l.items[1].op, "update");
	assert_string_equal(l.items[1].actor, "cli:test");
	assert_string_equal(l.items[1].entity, "action");
	assert_string_equal(l.items[1].before, "");
	assert_string_equal(l.items[1].after, "{\"titre\": \"x\"}");
	audit_list_free(&l);

	OK(store_audit_list(f->s, "MIN-A/2022/", 0, &l, &f->err));
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].op, "update");
	assert_string_equal(l.items[1].entity_key, "MIN-A/2022/ACT-02");
	assert_string_equal(l.items[2].entity_key, "MIN-A/2022/ACT-01");
	audit_list_free(&l);

	OK(store_audit_list(f->s, "MIN-A/2022/", 1, &l, &f->err));
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].at, "2026-11-29T10:00:04Z");
	audit_list_free(&l);

	/* '%' and '_' are not wildcards, case matters. */
	OK(store_audit_list(f->s, "MIN-A/2022%", 0, &l, &f->err));
	assert_int_equal(l.n, 1);
	audit_list_free(&l);
	OK(store_audit_list(f->s, "MIN_A", 0, &l, &f->err));
	assert_int_equal(l.n, 0);
	audit_list_free(&l);
	OK(store_audit_list(f->s, "min-a", 0, &l, &f->err));
	assert_int_equal(l.n, 0);
	audit_list_free(&l);
	OK(store_audit_list(f->s, "", 2, &l, &f->err));
	assert_int_equal(l.n, 2);
	audit_list_free(&l);

	/* No time given: now (pinned). */
	setenv("NUMECO_NOW", "2027-01-01T00:00:00Z", 1);
	add_audit(f, NULL, "ZZZ", "create");
	unsetenv("NUMECO_NOW");
	OK(store_audit_list(f->s, "ZZZ", 0, &l, &f->err));
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].at, "2027-01-01T00:00:00Z");
	audit_list_free(&l);
}

static void add_simple_action(struct fixture *f, int64_t rm, int pos, const char *ref,
			      enum status st, int key, double ghg_t)
{
	struct action a;
	fill_action(&a, ref, ref);
	a.status = st;
	a.key = key;
	if (ghg_t > 0) {
		a.has_impact = 1;
		a.impact_value = ghg_t;
		a.impact_unit = IUNIT_TCO2E;
		ts_set(&a.impact_method, "m");
	}
	OK(store_action_insert(f->s, rm, pos, &a, &f->err));
	action_free(&a);
}

static void test_load_consolidation(void **state)
{
	struct fixture *f = *state;
	struct cons_input in;
	add_orgs(f);
	/* MIN-A: own roadmap (soumise) + one of A-DIR; MIN-B: only C-DIR's
	 * (validee); MIN-C: none; DINUM (mission) is not a ministry; 2023 is
	 * another period. */
	int64_t rm_a = make_roadmap(f, "MIN-A", "2022");
	int64_t rm_adir = make_roadmap(f, "A-DIR", "2022");
	int64_t rm_zsvc = make_roadmap(f, "Z-SVC", "2022");
	int64_t rm_c = make_roadmap(f, "C-DIR", "2022");
	int64_t rm_dinum = make_roadmap(f, "DINUM", "2022");
	int64_t rm_a23 = make_roadmap(f, "MIN-A", "2023");
	OK(store_roadmap_set_state(f->s, rm_a, RSTATE_SOUMISE, &f->err));
	OK(store_roadmap_set_state(f->s, rm_adir, RSTATE_RELUE, &f->err));
	OK(store_roadmap_set_state(f->s, rm_c, RSTATE_VALIDEE, &f->err));
	add_simple_action(f, rm_a, 0, "A-1", STATUS_REALISEE, 1, 2.5);
	add_simple_action(f, rm_a, 1, "A-2", STATUS_EN_COURS, 0, 0);
	add_simple_action(f, rm_adir, 0, "AD-1", STATUS_A_LANCER, 1, 0);
	add_simple_action(f, rm_zsvc, 0, "Z-1", STATUS_A_LANCER, 0, 0);
	add_simple_action(f, rm_c, 0, "C-1", STATUS_REALISEE, 1, 7);
	add_simple_action(f, rm_dinum, 0, "D-1", STATUS_REALISEE, 1, 100);
	add_simple_action(f, rm_a23, 0, "A23-1", STATUS_REALISEE, 1, 100);

	OK(store_load_consolidation(f->s, "2022", NULL, &in, &f->err));
	assert_string_equal(in.period, "2022");
	assert_string_equal(in.scope, "");
	assert_int_equal(in.nministries, 3);
	assert_string_equal(in.ministries[0].code, "MIN-A");
	assert_string_equal(in.ministries[0].name, "Ministère A");
	assert_string_equal(in.ministries[1].code, "MIN-B");
	assert_string_equal(in.ministries[2].code, "MIN-C");
	assert_true(in.ministries[0].has_roadmap);
	assert_int_equal(in.ministries[0].state, RSTATE_SOUMISE); /* its own, not A-DIR's */
	assert_true(in.ministries[1].has_roadmap);
	assert_int_equal(in.ministries[1].state, RSTATE_VALIDEE);
	assert_false(in.ministries[2].has_roadmap);
	assert_int_equal(in.nactions, 5);
	size_t per[3] = { 0 }, key = 0;
	double ghg = 0;
	for (size_t i = 0; i < in.nactions; i++) {
		assert_true(in.actions[i].ministry < 3);
		per[in.actions[i].ministry]++;
		key += (size_t)in.actions[i].key;
		if (in.actions[i].has_impact)
			ghg += in.actions[i].impact_value;
		if (strcmp(in.actions[i].ref, "C-1") == 0) {
			assert_int_equal(in.actions[i].ministry, 1);
			assert_int_equal(in.actions[i].status, STATUS_REALISEE);
			assert_int_equal(in.actions[i].impact_unit, IUNIT_TCO2E);
			assert_string_equal(in.actions[i].impact_method, "m");
		}
	}
	assert_int_equal(per[0], 4);
	assert_int_equal(per[1], 1);
	assert_int_equal(per[2], 0);
	assert_int_equal(key, 3);
	assert_true(ghg == 9.5);
	cons_input_free(&in);

	/* One ministry. */
	OK(store_load_consolidation(f->s, "2022", "MIN-B", &in, &f->err));
	assert_string_equal(in.scope, "MIN-B");
	assert_int_equal(in.nministries, 1);
	assert_int_equal(in.nactions, 1);
	assert_int_equal(in.actions[0].ministry, 0);
	assert_string_equal(in.actions[0].ref, "C-1");
	cons_input_free(&in);

	/* Another period: only its roadmaps count. */
	OK(store_load_consolidation(f->s, "2023", NULL, &in, &f->err));
	assert_int_equal(in.nactions, 1);
	assert_true(in.ministries[0].has_roadmap);
	assert_false(in.ministries[1].has_roadmap);
	cons_input_free(&in);

	FAILS(store_load_consolidation(f->s, "2022", "NOPE", &in, &f->err),
	      "organisation inconnue : « NOPE »");
	cons_input_free(&in);
	FAILS(store_load_consolidation(f->s, "2022", "A-DIR", &in, &f->err),
	      "« A-DIR » n'est pas un ministère");
	cons_input_free(&in);
	FAILS(store_load_consolidation(f->s, "2022", "DINUM", &in, &f->err),
	      "n'est pas un ministère");
	cons_input_free(&in);

	/* An empty period loads the ministries and nothing else. */
	OK(store_load_consolidation(f->s, "1999", NULL, &in, &f->err));
	assert_int_equal(in.nministries, 3);
	assert_int_equal(in.nactions, 0);
	cons_input_free(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_org_tree_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_org_get, setup, teardown),
		cmocka_unit_test_setup_teardown(test_org_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_people, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roadmaps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_actions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transactions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_consolidation, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
