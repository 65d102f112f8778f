/* test_store_rgesn.c: stored RGESN referentials, services, assessments and
 * answers (store_rgesn.h), and the services facts of the indicators. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "indicators/ind.h"
#include "rgesn/rgesn.h"
#include "store/store_ind.h"
#include "store/store_rgesn.h"
#include "support.h"

struct fixture {
	struct ts_tmpdir tmp;
	struct store *s;
	struct err err;
	int64_t mission, min_a, dir_a, min_b;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	setenv("NUMECO_NOW", "2023-03-01T10:00:00Z", 1);
	if (ts_store_setup(&f->tmp, &f->s, &f->err, "storergesn", NULL)) {
		free(f);
		return -1;
	}
	*state = f;
	/* Created out of code order: lists sort by code. */
	ts_org_add(f->s, "MIN-B", "Ministère B", ORG_MINISTERE, "", &f->min_b, &f->err);
	ts_org_add(f->s, "MISSION", "Mission", ORG_MISSION, "", &f->mission, &f->err);
	ts_org_add(f->s, "MIN-A", "Ministère A", ORG_MINISTERE, "", &f->min_a, &f->err);
	ts_org_add(f->s, "MIN-A-DNUM", "Direction A", ORG_DIRECTION, "MIN-A", &f->dir_a, &f->err);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	unsetenv("NUMECO_NOW");
	int rc = ts_store_teardown(&f->tmp, f->s, &f->err);
	free(f);
	return rc;
}

#define OK(call) TS_OK(&f->err, call)

/* A referential of version with criteria "F.N" given as "1.1", "1.2", …:
 * priorities cycle prioritaire, recommande, modere; the first is quick. */
static void make_ref(struct rg_ref *r, const char *version, const char *title, size_t n,
		     const char *const *ids)
{
	memset(r, 0, sizeof(*r));
	r->name = xstrdup("RGESN");
	r->version = xstrdup(version);
	r->title = xstrdup(title);
	r->source = xstrdup("tests");
	r->licence = xstrdup("");
	r->url = xstrdup("https://example.org/rgesn");
	r->nfamilies = 2;
	r->families = xcalloc(2, sizeof(*r->families));
	r->families[0] = (struct rg_family){ 1, xstrdup("Stratégie") };
	r->families[1] = (struct rg_family){ 2, xstrdup("Spécifications") };
	r->ncriteria = n;
	r->criteria = xcalloc(n, sizeof(*r->criteria));
	for (size_t i = 0; i < n; i++) {
		struct rg_criterion *c = &r->criteria[i];
		c->id = xstrdup(ids[i]);
		c->family = ids[i][0] - '0';
		c->num = atoi(ids[i] + 2);
		c->title = xstrdup(ids[i]);
		c->objective = xstrdup(i == 0 ? "Un objectif" : "");
		c->implementation = xstrdup("");
		c->test = xstrdup("");
		c->applies = xstrdup("");
		c->url = xstrdup("");
		c->priority = (enum rg_priority)(i % 3);
		c->difficulty = (enum rg_difficulty)((i + 1) % 3);
		c->quick = i == 0;
	}
}

static const char *const IDS4[] = { "1.1", "1.2", "2.1", "2.2" };
static const char *const IDS3[] = { "1.1", "1.2", "2.1" };

static int64_t save_ref(struct fixture *f, const char *version, size_t n, const char *const *ids)
{
	struct rg_ref r;
	make_ref(&r, version, "Titre", n, ids);
	OK(store_rg_ref_save(f->s, &r, "cli:test", &f->err));
	int64_t id = r.id;
	assert_true(id > 0);
	rg_ref_free(&r);
	return id;
}

static int64_t add_service(struct fixture *f, const char *code, const char *org)
{
	struct rg_service v;
	memset(&v, 0, sizeof(v));
	v.code = xstrdup(code);
	v.name = xstrdup(code);
	v.url = xstrdup("https://example.org");
	v.org_code = xstrdup(org);
	v.audience = xstrdup("Grand public");
	v.status = RG_SVC_EN_PRODUCTION;
	v.contact = xstrdup("");
	OK(store_rg_service_add(f->s, &v, &f->err));
	int64_t id = v.id;
	assert_true(id > 0);
	rg_service_free(&v);
	return id;
}

static void item(struct rg_item *it, const char *crit, enum rg_answer ans, const char *just)
{
	it->criterion = (char *)crit;
	it->answer = ans;
	it->justification = (char *)just;
	it->planned = (char *)(ans == RG_ANS_EN_COURS ? "2025-06-30" : "");
	it->note = (char *)"";
}

/* Adds an assessment with answers (items not owned by the struct). */
static int64_t add_assessment(struct fixture *f, int64_t svc, int64_t ref, enum rg_kind kind,
			      const char *date, struct rg_item *items, size_t n)
{
	struct rg_assessment a;
	memset(&a, 0, sizeof(a));
	a.service_id = svc;
	a.ref_id = ref;
	a.kind = kind;
	a.assessed_on = (char *)date;
	a.created_by = (char *)"ref@a.fr";
	a.items = items;
	a.nitems = n;
	OK(store_rg_assessment_add(f->s, &a, &f->err));
	assert_true(a.id > 0);
	return a.id;
}

static void test_ref_save_load_list(void **state)
{
	struct fixture *f = *state;
	struct rg_ref r;
	int64_t id22 = save_ref(f, "2022", 3, IDS3);
	int64_t id24 = save_ref(f, "2024", 4, IDS4);
	assert_true(id22 != id24);

	assert_int_equal(store_rg_ref_load(f->s, "RGESN", "2022", &r, &f->err), 1);
	assert_true(r.id == id22);
	assert_string_equal(r.version, "2022");
	assert_string_equal(r.title, "Titre");
	assert_string_equal(r.url, "https://example.org/rgesn");
	assert_int_equal(r.nfamilies, 2);
	assert_int_equal(r.families[1].num, 2);
	assert_string_equal(r.families[1].label, "Spécifications");
	assert_int_equal(r.ncriteria, 3);
	assert_string_equal(r.criteria[2].id, "2.1");
	assert_int_equal(r.criteria[2].family, 2);
	assert_int_equal(r.criteria[2].num, 1);
	assert_int_equal(r.criteria[2].priority, RG_PRIO_MODERE);
	assert_int_equal(r.criteria[2].difficulty, RG_DIFF_FAIBLE);
	assert_int_equal(r.criteria[0].quick, 1);
	assert_int_equal(r.criteria[1].quick, 0);
	assert_string_equal(r.criteria[0].objective, "Un objectif");
	rg_ref_free(&r);

	/* No version: the latest (2024, though 2022 sorts first by id). */
	assert_int_equal(store_rg_ref_load(f->s, "RGESN", NULL, &r, &f->err), 1);
	assert_string_equal(r.version, "2024");
	assert_int_equal(r.ncriteria, 4);
	rg_ref_free(&r);
	assert_int_equal(store_rg_ref_load(f->s, "RGESN", "", &r, &f->err), 1);
	assert_true(r.id == id24);
	rg_ref_free(&r);
	assert_int_equal(store_rg_ref_load_id(f->s, id22, &r, &f->err), 1);
	assert_string_equal(r.version, "2022");
	rg_ref_free(&r);

	assert_int_equal(store_rg_ref_load(f->s, "RGESN", "2030", &r, &f->err), 0);
	assert_null(r.criteria);
	assert_int_equal(store_rg_ref_load(f->s, "AUTRE", NULL, &r, &f->err), 0);
	assert_int_equal(store_rg_ref_load_id(f->s, 999, &r, &f->err), 0);

	struct rg_ref_meta_list l;
	OK(store_rg_ref_list(f->s, &l, &f->err));
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].version, "2022");
	assert_int_equal(l.items[0].ncriteria, 3);
	assert_string_equal(l.items[1].version, "2024");
	assert_int_equal(l.items[1].ncriteria, 4);
	assert_string_equal(l.items[1].loaded_by, "cli:test");
	assert_string_equal(l.items[1].loaded_at, "2023-03-01T10:00:00Z");
	assert_int_equal(l.items[1].full_text, 0);
	rg_ref_meta_list_free(&l);
}

static void test_ref_replace_keeps_id(void **state)
{
	struct fixture *f = *state;
	struct rg_ref r;
	int64_t id = save_ref(f, "2024", 4, IDS4);
	int64_t svc = add_service(f, "SVC-A", "MIN-A");
	struct rg_item it[1];
	item(&it[0], "2.2", RG_ANS_CONFORME, "");
	int64_t as = add_assessment(f, svc, id, RG_KIND_COMPLETE, "2023-02-01", it, 1);

	/* The same version again, with fewer criteria and the full text. */
	make_ref(&r, "2024", "Texte intégral", 3, IDS3);
	r.full_text = 1;
	OK(store_rg_ref_save(f->s, &r, "admin@m.fr", &f->err));
	assert_true(r.id == id);
	rg_ref_free(&r);

	assert_int_equal(store_rg_ref_load(f->s, "RGESN", "2024", &r, &f->err), 1);
	assert_true(r.id == id);
	assert_string_equal(r.title, "Texte intégral");
	assert_int_equal(r.full_text, 1);
	assert_int_equal(r.ncriteria, 3);
	assert_int_equal(r.nfamilies, 2);
	rg_ref_free(&r);

	struct rg_ref_meta_list l;
	OK(store_rg_ref_list(f->s, &l, &f->err));
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].loaded_by, "admin@m.fr");
	rg_ref_meta_list_free(&l);

	/* The assessment still points at it, answers kept (even 2.2, now gone). */
	struct rg_assessment a;
	assert_int_equal(store_rg_assessment_get(f->s, as, &a, &f->err), 1);
	assert_true(a.ref_id == id);
	assert_string_equal(a.ref_label, "RGESN 2024");
	assert_int_equal(a.nitems, 1);
	assert_string_equal(a.items[0].criterion, "2.2");
	rg_assessment_free(&a);
}

static void test_ref_duplicate_criterion(void **state)
{
	struct fixture *f = *state;
	static const char *const DUP[] = { "1.1", "1.1" };
	struct rg_ref r;
	make_ref(&r, "2024", "Titre", 2, DUP);
	assert_int_equal(store_rg_ref_save(f->s, &r, "t", &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "1.1");
	rg_ref_free(&r);
}

static void test_services(void **state)
{
	struct fixture *f = *state;
	struct rg_service v;
	int64_t s1 = add_service(f, "A-DEMARCHES", "MIN-A-DNUM");
	add_service(f, "A-SITE", "MIN-A");
	add_service(f, "B-PORTAIL", "MIN-B");

	assert_int_equal(store_rg_service_get(f->s, "A-DEMARCHES", &v, &f->err), 1);
	assert_true(v.id == s1);
	assert_true(v.org_id == f->dir_a);
	assert_string_equal(v.org_code, "MIN-A-DNUM");
	assert_true(v.ministry_id == f->min_a);
	assert_string_equal(v.ministry_code, "MIN-A");
	assert_string_equal(v.direction_code, "MIN-A-DNUM");
	assert_string_equal(v.url, "https://example.org");
	assert_string_equal(v.audience, "Grand public");
	assert_int_equal(v.status, RG_SVC_EN_PRODUCTION);
	assert_int_equal(v.has_score, 0);
	assert_string_equal(v.assessed_on, "");

	/* Edit: every field written. */
	ts_set(&v.name, "Démarches en ligne");
	ts_set(&v.contact, "eco@a.fr");
	ts_set(&v.org_code, "MIN-A");
	v.org_id = 0;
	v.status = RG_SVC_RETIRE;
	OK(store_rg_service_update(f->s, &v, &f->err));
	rg_service_free(&v);
	assert_int_equal(store_rg_service_get_id(f->s, s1, &v, &f->err), 1);
	assert_string_equal(v.name, "Démarches en ligne");
	assert_string_equal(v.contact, "eco@a.fr");
	assert_string_equal(v.direction_code, "");
	assert_int_equal(v.status, RG_SVC_RETIRE);
	rg_service_free(&v);

	/* Refusals. */
	memset(&v, 0, sizeof(v));
	v.code = xstrdup("A-SITE");
	v.name = xstrdup("Doublon");
	v.org_code = xstrdup("MIN-A");
	assert_int_equal(store_rg_service_add(f->s, &v, &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "« A-SITE » existe déjà");
	ts_set(&v.code, "NOUVEAU");
	ts_set(&v.org_code, "MIN-Z");
	assert_int_equal(store_rg_service_add(f->s, &v, &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "organisation inconnue : « MIN-Z »");
	ts_set(&v.org_code, "MIN-A");
	assert_int_equal(store_rg_service_update(f->s, &v, &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "service inconnu : « NOUVEAU »");
	rg_service_free(&v);
	assert_int_equal(store_rg_service_get(f->s, "NOUVEAU", &v, &f->err), 0);
	assert_int_equal(store_rg_service_get_id(f->s, 999, &v, &f->err), 0);

	struct rg_service_list l;
	OK(store_rg_service_list(f->s, 0, &l, &f->err));
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].code, "A-DEMARCHES");
	assert_string_equal(l.items[1].code, "A-SITE");
	assert_string_equal(l.items[2].code, "B-PORTAIL");
	rg_service_list_free(&l);
	OK(store_rg_service_list(f->s, f->min_b, &l, &f->err));
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].ministry_code, "MIN-B");
	rg_service_list_free(&l);
	OK(store_rg_service_list(f->s, f->mission, &l, &f->err));
	assert_int_equal(l.n, 0);
	rg_service_list_free(&l);
}

static void test_service_status_codes(void **state)
{
	(void)state;
	enum rg_service_status st;
	assert_string_equal(rg_service_status_code(RG_SVC_EN_PROJET), "en_projet");
	assert_string_equal(rg_service_status_label(RG_SVC_EN_PRODUCTION), "En production");
	assert_string_equal(rg_service_status_label(RG_SVC_RETIRE), "Retiré");
	assert_int_equal(rg_service_status_parse("retire", &st), 0);
	assert_int_equal(st, RG_SVC_RETIRE);
	assert_int_equal(rg_service_status_parse("Retiré", &st), 0);
	assert_int_equal(st, RG_SVC_RETIRE);
	assert_int_equal(rg_service_status_parse("En production", &st), 0);
	assert_int_equal(st, RG_SVC_EN_PRODUCTION);
	assert_int_equal(rg_service_status_parse("en projet", &st), 0);
	assert_int_equal(st, RG_SVC_EN_PROJET);
	assert_int_equal(rg_service_status_parse("actif", &st), -1);
	assert_int_equal(rg_service_status_parse("", &st), -1);
	assert_int_equal(rg_service_status_parse(NULL, &st), -1);
	assert_string_equal(rg_service_status_code(RG_SVC_N), "");
}

static void test_assessments(void **state)
{
	struct fixture *f = *state;
	int64_t ref = save_ref(f, "2024", 4, IDS4);
	int64_t svc = add_service(f, "SVC-A", "MIN-A-DNUM");
	struct rg_item it[4];
	/* Given out of the referential's order. */
	item(&it[0], "2.1", RG_ANS_NON_APPLICABLE, "Pas de vidéo");
	item(&it[1], "1.1", RG_ANS_CONFORME, "");
	item(&it[2], "1.2", RG_ANS_EN_COURS, "");
	item(&it[3], "2.2", RG_ANS_NON_EVALUE, "");
	int64_t a1 = add_assessment(f, svc, ref, RG_KIND_COMPLETE, "2023-01-15", it, 4);
	int64_t a2 = add_assessment(f, svc, ref, RG_KIND_DIAGNOSTIC, "2023-02-20", it, 2);

	struct rg_assessment a;
	assert_int_equal(store_rg_assessment_get(f->s, a1, &a, &f->err), 1);
	assert_true(a.service_id == svc && a.ref_id == ref);
	assert_int_equal(a.kind, RG_KIND_COMPLETE);
	assert_string_equal(a.assessed_on, "2023-01-15");
	assert_string_equal(a.published_at, "");
	assert_string_equal(a.created_at, "2023-03-01T10:00:00Z");
	assert_string_equal(a.created_by, "ref@a.fr");
	assert_true(a.from_id == 0);
	assert_int_equal(a.nitems, 4);
	assert_string_equal(a.items[0].criterion, "1.1");
	assert_string_equal(a.items[1].criterion, "1.2");
	assert_int_equal(a.items[1].answer, RG_ANS_EN_COURS);
	assert_string_equal(a.items[1].planned, "2025-06-30");
	assert_string_equal(a.items[2].criterion, "2.1");
	assert_string_equal(a.items[2].justification, "Pas de vidéo");
	assert_int_equal(a.items[3].answer, RG_ANS_NON_EVALUE);
	rg_assessment_free(&a);

	/* Replacing one answer. */
	struct rg_item x;
	item(&x, "2.2", RG_ANS_CONFORME, "");
	x.note = (char *)"Fait en janvier";
	OK(store_rg_answer_set(f->s, a1, &x, &f->err));
	assert_int_equal(store_rg_assessment_get(f->s, a1, &a, &f->err), 1);
	assert_int_equal(a.nitems, 4);
	assert_int_equal(a.items[3].answer, RG_ANS_CONFORME);
	assert_string_equal(a.items[3].note, "Fait en janvier");
	rg_assessment_free(&a);

	/* Newest first. */
	struct rg_assessment_list l;
	OK(store_rg_assessment_list(f->s, svc, &l, &f->err));
	assert_int_equal(l.n, 2);
	assert_true(l.items[0].id == a2);
	assert_int_equal(l.items[0].kind, RG_KIND_DIAGNOSTIC);
	assert_true(l.items[1].id == a1);
	assert_int_equal(l.items[1].nitems, 0);
	rg_assessment_list_free(&l);

	/* The service's score: its latest complete assessment (the diagnosis
	 * aside): 1.1 and 2.2 conforme, 2.1 non applicable → 2 / 3. */
	struct rg_service v;
	assert_int_equal(store_rg_service_get(f->s, "SVC-A", &v, &f->err), 1);
	assert_int_equal(v.has_score, 1);
	assert_true(fabs(v.score - 200.0 / 3) < 1e-9);
	assert_string_equal(v.assessed_on, "2023-01-15");
	rg_service_free(&v);

	/* Publication: none yet; a diagnosis does not count. */
	assert_int_equal(store_rg_assessment_latest_published(f->s, svc, &a, &f->err), 0);
	OK(store_rg_assessment_set_published(f->s, a2, "2023-03-01T10:00:00Z", &f->err));
	assert_int_equal(store_rg_assessment_latest_published(f->s, svc, &a, &f->err), 0);
	OK(store_rg_assessment_set_contact(f->s, a1, "eco@a.fr", &f->err));
	OK(store_rg_assessment_set_published(f->s, a1, "2023-03-02T10:00:00Z", &f->err));
	int64_t a3 = add_assessment(f, svc, ref, RG_KIND_COMPLETE, "2023-06-01", NULL, 0);
	assert_int_equal(store_rg_assessment_latest_published(f->s, svc, &a, &f->err), 1);
	assert_true(a.id == a1);
	assert_string_equal(a.published_at, "2023-03-02T10:00:00Z");
	assert_string_equal(a.contact, "eco@a.fr");
	assert_int_equal(a.nitems, 4);
	rg_assessment_free(&a);
	assert_int_equal(store_rg_assessment_set_published(f->s, 999, "x", &f->err), -1);

	/* The newer complete assessment (no answer: all non évalué) scores 0. */
	assert_int_equal(store_rg_service_get(f->s, "SVC-A", &v, &f->err), 1);
	assert_int_equal(v.has_score, 1);
	assert_true(v.score == 0);
	assert_string_equal(v.assessed_on, "2023-06-01");
	rg_service_free(&v);
	assert_int_equal(store_rg_assessment_get(f->s, a3, &a, &f->err), 1);
	assert_int_equal(a.nitems, 0);
	rg_assessment_free(&a);
	assert_int_equal(store_rg_assessment_get(f->s, 999, &a, &f->err), 0);

	/* A bad answer is refused. */
	item(&x, "", RG_ANS_CONFORME, "");
	assert_int_equal(store_rg_answer_set(f->s, a1, &x, &f->err), -1);
}

static void test_latest(void **state)
{
	struct fixture *f = *state;
	int64_t ref = save_ref(f, "2024", 4, IDS4);
	int64_t sa = add_service(f, "A-1", "MIN-A");
	add_service(f, "A-2", "MIN-A-DNUM");
	int64_t sb = add_service(f, "B-1", "MIN-B");
	struct rg_item it[2];
	item(&it[0], "1.1", RG_ANS_CONFORME, "");
	item(&it[1], "1.2", RG_ANS_NON_CONFORME, "");
	add_assessment(f, sa, ref, RG_KIND_COMPLETE, "2022-01-01", it, 2);
	int64_t last = add_assessment(f, sa, ref, RG_KIND_COMPLETE, "2022-05-01", it, 1);
	add_assessment(f, sa, ref, RG_KIND_DIAGNOSTIC, "2022-06-01", it, 2);
	add_assessment(f, sb, ref, RG_KIND_DIAGNOSTIC, "2022-06-01", it, 2);

	struct rg_latest_list l;
	OK(store_rg_latest(f->s, 0, &l, &f->err));
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].service.code, "A-1");
	assert_true(l.items[0].assessment.id == last);
	assert_int_equal(l.items[0].assessment.nitems, 1);
	assert_string_equal(l.items[0].assessment.items[0].criterion, "1.1");
	assert_string_equal(l.items[1].service.code, "A-2");
	assert_true(l.items[1].assessment.id == 0);
	assert_string_equal(l.items[2].service.code, "B-1");
	assert_true(l.items[2].assessment.id == 0); /* a diagnosis only */
	rg_latest_list_free(&l);

	OK(store_rg_latest(f->s, f->min_b, &l, &f->err));
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].service.ministry_code, "MIN-B");
	rg_latest_list_free(&l);
}

static const struct ind_fact *find_fact(const struct ind_fact_list *l, int64_t org, int year)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].org_id == org && l->items[i].year == year)
			return &l->items[i];
	return NULL;
}

static void test_facts_services(void **state)
{
	struct fixture *f = *state;
	struct ind_fact_list l;
	const struct ind_fact *x;
	double v;
	int64_t ref = save_ref(f, "2024", 4, IDS4);
	/* Registered in 2023 (NUMECO_NOW): a complete assessment in 2024. */
	int64_t s1 = add_service(f, "A-1", "MIN-A-DNUM");
	add_assessment(f, s1, ref, RG_KIND_COMPLETE, "2024-05-02", NULL, 0);
	/* Registered in 2023, diagnosed back in 2021, assessed in 2022 and 2025. */
	int64_t s2 = add_service(f, "A-2", "MIN-A");
	add_assessment(f, s2, ref, RG_KIND_DIAGNOSTIC, "2021-01-10", NULL, 0);
	add_assessment(f, s2, ref, RG_KIND_COMPLETE, "2025-01-10", NULL, 0);
	add_assessment(f, s2, ref, RG_KIND_COMPLETE, "2022-12-31", NULL, 0);
	/* MIN-B registers a service in 2025, never assessed. */
	setenv("NUMECO_NOW", "2025-09-01T10:00:00Z", 1);
	add_service(f, "B-1", "MIN-B");

	OK(store_ind_facts(f->s, 2020, 2026, 0, &l, &f->err));
	/* MIN-A 2021..2026, MIN-B 2025..2026: services only. */
	assert_int_equal(l.n, 8);
	assert_null(find_fact(&l, f->min_a, 2020));
	x = find_fact(&l, f->min_a, 2021);
	assert_non_null(x);
	assert_int_equal(x->has_services, 1);
	assert_int_equal(x->services_assessed, 0);
	assert_int_equal(x->has_roadmap, 0);
	assert_int_equal(x->has_fp, 0);
	assert_int_equal(ind_fact_value(IND_CALC_RGESN_SERVICES, x, &v), 1);
	assert_true(v == 0);
	assert_int_equal(find_fact(&l, f->min_a, 2022)->services_assessed, 1);
	assert_int_equal(find_fact(&l, f->min_a, 2023)->services_assessed, 1);
	assert_int_equal(find_fact(&l, f->min_a, 2024)->services_assessed, 2);
	assert_int_equal(find_fact(&l, f->min_a, 2026)->services_assessed, 2);
	assert_null(find_fact(&l, f->min_b, 2024));
	x = find_fact(&l, f->min_b, 2025);
	assert_non_null(x);
	assert_int_equal(x->has_services, 1);
	assert_int_equal(x->services_assessed, 0);
	ind_fact_list_free(&l);

	/* One ministry and one year. */
	OK(store_ind_facts(f->s, 2024, 2024, f->min_a, &l, &f->err));
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].services_assessed, 2);
	assert_int_equal(ind_fact_value(IND_CALC_RGESN_SERVICES, &l.items[0], &v), 1);
	assert_true(v == 2);
	ind_fact_list_free(&l);

	/* A roadmap year keeps its roadmap facts and gains the services. */
	int64_t rm = ts_roadmap_add(f->s, f->min_b, "2024", &f->err);
	ts_action_add(f->s, rm, 0, "B-01", STATUS_REALISEE, 1, &f->err);
	OK(store_ind_facts(f->s, 2024, 2025, f->min_b, &l, &f->err));
	assert_int_equal(l.n, 2);
	x = find_fact(&l, f->min_b, 2024);
	assert_int_equal(x->has_roadmap, 1);
	assert_int_equal(x->has_services, 0);
	assert_int_equal(ind_fact_value(IND_CALC_RGESN_SERVICES, x, &v), 0);
	ind_fact_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ref_save_load_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ref_replace_keeps_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ref_duplicate_criterion, setup, teardown),
		cmocka_unit_test_setup_teardown(test_services, setup, teardown),
		cmocka_unit_test(test_service_status_codes),
		cmocka_unit_test_setup_teardown(test_assessments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_latest, setup, teardown),
		cmocka_unit_test_setup_teardown(test_facts_services, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
