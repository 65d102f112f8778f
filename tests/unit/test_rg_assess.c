/* test_rg_assess.c: the RGESN service layer (rg_assess.h) — rights, answer
 * checks, the quick self-diagnosis and its conversion, publication, the
 * shipped referential, loading a full text, audit entries. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "rgesn/rg_assess.h"
#include "support.h"

struct fixture {
	struct ts_tmpdir tmp;
	struct store *s;
	struct err err;
	struct ts_actors as;
	int64_t mission, min_a, dir_a, min_b;
};

static const char NOW[] = "2025-03-01T09:00:00Z";

#define OK(call) TS_OK(&f->err, call)

/* A service of the fixture, saved by actor a: 0 or -1 (why / err). */
static int save_service(struct fixture *f, const struct actor *a, const char *code, const char *org,
			const char *dir, const char *url, struct buf *why)
{
	struct rg_service v;
	memset(&v, 0, sizeof(v));
	v.code = xstrdup(code);
	v.name = xstrdup("Démarches");
	v.url = xstrdup(url);
	v.org_code = xstrdup(org);
	v.direction_code = xstrdup(dir);
	v.audience = xstrdup("Usagers");
	v.contact = xstrdup("");
	v.status = RG_SVC_EN_PRODUCTION;
	err_clear(&f->err);
	int rc = rg_service_save(f->s, a, &v, 1, why, &f->err);
	rg_service_free(&v);
	return rc;
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	setenv("NUMECO_NOW", NOW, 1);
	if (ts_store_setup(&f->tmp, &f->s, &f->err, "rgassess", NULL)) {
		free(f);
		return -1;
	}
	*state = f;
	ts_org_add(f->s, "MISSION", "Mission", ORG_MISSION, "", &f->mission, &f->err);
	ts_org_add(f->s, "MIN-A", "Ministère A", ORG_MINISTERE, "", &f->min_a, &f->err);
	ts_org_add(f->s, "MIN-A-DNUM", "Direction A", ORG_DIRECTION, "MIN-A", &f->dir_a, &f->err);
	ts_org_add(f->s, "MIN-B", "Ministère B", ORG_MINISTERE, "", &f->min_b, &f->err);
	ts_actors_init(&f->as, f->mission, f->min_a, f->dir_a, f->min_b);
	int n = 0;
	OK(rg_install_default(f->s, &f->as.local, &n, &f->err));
	assert_int_equal(n, 78);
	struct buf why = BUF_INIT;
	if (save_service(f, &f->as.ref_a, "A-DEM", "MIN-A", "MIN-A-DNUM", "https://a.fr", &why))
		fail_msg("service: %s %s", why.ptr, f->err.msg.ptr);
	buf_free(&why);
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

static struct rg_item answer(const char *crit, enum rg_answer a, const char *just,
			     const char *planned)
{
	struct rg_item it = { (char *)crit, a, (char *)just, (char *)planned, (char *)"" };
	return it;
}

/* The newest audit entry. */
static struct audit_entry last_audit(struct fixture *f)
{
	struct audit_list l;
	OK(store_audit_list(f->s, NULL, 1, &l, &f->err));
	assert_int_equal(l.n, 1);
	struct audit_entry e = l.items[0];
	memset(&l.items[0], 0, sizeof(l.items[0]));
	audit_list_free(&l);
	return e;
}

static void test_service_rights_and_checks(void **state)
{
	struct fixture *f = *state;
	struct buf why = BUF_INIT;
	size_t n0 = ts_audit_count(f->s, &f->err);

	/* The référent of another ministry, a lecteur: refused, in err. */
	assert_int_equal(save_service(f, &f->as.ref_b, "A-X", "MIN-A", "", "", &why), -1);
	ts_assert_msg_has(f->err.msg.ptr, "ref@b.fr n'a pas le droit");
	assert_int_equal(save_service(f, &f->as.lect_a, "A-X", "MIN-A", "", "", &why), -1);
	ts_assert_msg_has(f->err.msg.ptr, "lect@a.fr n'a pas le droit");
	/* A correspondant: its direction's services only. */
	assert_int_equal(save_service(f, &f->as.corr_a, "A-X", "MIN-A", "", "", &why), -1);
	ts_assert_msg_has(f->err.msg.ptr, "corr@a.fr n'a pas le droit");
	assert_int_equal(save_service(f, &f->as.corr_a, "A-DIR", "MIN-A-DNUM", "", "", &why), 0);

	/* Refusals in why, every one. */
	assert_int_equal(
		save_service(f, &f->as.admin, "B X", "MIN-B", "MIN-A-DNUM", "ftp://b.fr", &why),
		-1);
	ts_assert_msg_has(why.ptr, "code de service invalide");
	ts_assert_msg_has(why.ptr, "adresse du service invalide");
	ts_assert_msg_has(why.ptr, "la direction « MIN-A-DNUM » n'appartient pas au ministère");
	assert_int_equal(save_service(f, &f->as.admin, "A-DEM", "MIN-A", "", "", &why), -1);
	ts_assert_msg_has(why.ptr, "le service « A-DEM » existe déjà");
	assert_int_equal(save_service(f, &f->as.admin, "Z-1", "MIN-Z", "", "", &why), -1);
	ts_assert_msg_has(why.ptr, "organisation inconnue : « MIN-Z »");
	assert_int_equal(ts_audit_count(f->s, &f->err), n0 + 1);

	struct rg_service v;
	assert_int_equal(store_rg_service_get(f->s, "A-DIR", &v, &f->err), 1);
	assert_string_equal(v.direction_code, "MIN-A-DNUM");
	struct audit_entry e = last_audit(f);
	assert_string_equal(e.entity, "service");
	assert_string_equal(e.entity_key, "A-DIR");
	assert_string_equal(e.op, "create");
	assert_string_equal(e.actor, "corr@a.fr");
	ts_assert_msg_has(e.after, "\"Organisation\":\"MIN-A-DNUM\"");
	audit_entry_free(&e);

	/* Edit by the référent: moved to the ministry, renamed. */
	ts_set(&v.name, "Site de la direction");
	ts_set(&v.direction_code, "");
	ts_set(&v.org_code, "MIN-A");
	OK(rg_service_save(f->s, &f->as.ref_a, &v, 0, &why, &f->err));
	rg_service_free(&v);
	assert_int_equal(store_rg_service_get(f->s, "A-DIR", &v, &f->err), 1);
	assert_string_equal(v.name, "Site de la direction");
	assert_string_equal(v.direction_code, "");
	e = last_audit(f);
	assert_string_equal(e.op, "update");
	ts_assert_msg_has(e.before, "\"Nom\":\"Démarches\"");
	ts_assert_msg_has(e.after, "\"Nom\":\"Site de la direction\"");
	ts_assert_msg_has(e.after, "\"Organisation\":\"MIN-A\"");
	audit_entry_free(&e);
	/* Now the correspondant cannot edit it, nor B's référent move it. */
	assert_int_equal(rg_service_save(f->s, &f->as.corr_a, &v, 0, &why, &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "corr@a.fr n'a pas le droit");
	ts_set(&v.org_code, "MIN-B");
	assert_int_equal(rg_service_save(f->s, &f->as.ref_b, &v, 0, &why, &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "ref@b.fr n'a pas le droit");
	/* Unchanged: no audit entry. */
	ts_set(&v.org_code, "MIN-A");
	size_t n1 = ts_audit_count(f->s, &f->err);
	OK(rg_service_save(f->s, &f->as.ref_a, &v, 0, &why, &f->err));
	assert_int_equal(ts_audit_count(f->s, &f->err), n1);
	rg_service_free(&v);
	buf_free(&why);
}

static void test_assessment_rights(void **state)
{
	struct fixture *f = *state;
	int64_t id = 0;
	assert_int_equal(rg_assessment_new(f->s, &f->as.ref_b, "A-DEM", NULL, RG_KIND_COMPLETE,
					   NULL, &id, &f->err),
			 -1);
	ts_assert_msg_has(f->err.msg.ptr,
			  "ref@b.fr n'a pas le droit d'évaluer le service « A-DEM »");
	assert_int_equal(rg_assessment_new(f->s, &f->as.lect_a, "A-DEM", NULL, RG_KIND_COMPLETE,
					   NULL, &id, &f->err),
			 -1);
	assert_int_equal(rg_assessment_new(f->s, &f->as.ref_a, "NOPE", NULL, RG_KIND_COMPLETE, NULL,
					   &id, &f->err),
			 -1);
	ts_assert_msg_has(f->err.msg.ptr, "service inconnu : « NOPE »");
	assert_int_equal(rg_assessment_new(f->s, &f->as.ref_a, "A-DEM", "RGESN@2030",
					   RG_KIND_COMPLETE, NULL, &id, &f->err),
			 -1);
	ts_assert_msg_has(f->err.msg.ptr, "référentiel RGESN inconnu : « RGESN@2030 »");

	/* The correspondant of the owning direction assesses. */
	OK(rg_assessment_new(f->s, &f->as.corr_a, "A-DEM", "RGESN@2024", RG_KIND_COMPLETE,
			     "02/01/2025", &id, &f->err));
	struct rg_assessment a;
	assert_int_equal(store_rg_assessment_get(f->s, id, &a, &f->err), 1);
	assert_string_equal(a.assessed_on, "2025-01-02");
	assert_string_equal(a.ref_label, "RGESN 2024");
	assert_string_equal(a.created_by, "corr@a.fr");
	assert_int_equal(a.nitems, 78);
	for (size_t i = 0; i < a.nitems; i++)
		assert_int_equal(a.items[i].answer, RG_ANS_NON_EVALUE);
	rg_assessment_free(&a);
	struct audit_entry e = last_audit(f);
	assert_string_equal(e.entity, "evaluation");
	struct buf key = BUF_INIT;
	buf_addf(&key, "A-DEM/%lld", (long long)id);
	assert_string_equal(e.entity_key, key.ptr);
	assert_string_equal(e.op, "create");
	ts_assert_msg_has(e.after, "\"Référentiel\":\"RGESN 2024\"");
	audit_entry_free(&e);

	struct diags d = DIAGS_INIT;
	struct rg_item it = answer("4.1", RG_ANS_CONFORME, "", "");
	OK(rg_answers_set(f->s, &f->as.corr_a, id, &it, 1, &d, &f->err));
	assert_int_equal(d.n, 0);
	e = last_audit(f);
	assert_string_equal(e.entity_key, key.ptr);
	assert_string_equal(e.op, "update");
	assert_string_equal(e.before, "{\"4.1\":\"Non évalué\"}");
	assert_string_equal(e.after, "{\"4.1\":\"Conforme\"}");
	audit_entry_free(&e);
	/* Others may not answer. */
	assert_int_equal(rg_answers_set(f->s, &f->as.ref_b, id, &it, 1, &d, &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "ref@b.fr n'a pas le droit");
	assert_int_equal(rg_answers_set(f->s, &f->as.lect_a, id, &it, 1, &d, &f->err), -1);

	/* The correspondant may not publish; the référent may. */
	assert_int_equal(rg_publish(f->s, &f->as.corr_a, id, "eco@a.fr", &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "corr@a.fr n'a pas le droit de publier");
	assert_int_equal(rg_publish(f->s, &f->as.ref_b, id, "eco@a.fr", &f->err), -1);
	OK(rg_publish(f->s, &f->as.ref_a, id, "eco@a.fr", &f->err));
	assert_int_equal(store_rg_assessment_get(f->s, id, &a, &f->err), 1);
	assert_string_equal(a.published_at, NOW);
	assert_string_equal(a.contact, "eco@a.fr");
	rg_assessment_free(&a);
	e = last_audit(f);
	assert_string_equal(e.entity_key, key.ptr);
	assert_string_equal(e.op, "publish");
	assert_string_equal(e.actor, "ref@a.fr");
	ts_assert_msg_has(e.after, NOW);
	audit_entry_free(&e);
	buf_free(&key);
	diags_free(&d);
}

static void test_answer_refusals(void **state)
{
	struct fixture *f = *state;
	int64_t id = 0;
	OK(rg_assessment_new(f->s, &f->as.ref_a, "A-DEM", NULL, RG_KIND_COMPLETE, "2025-01-02", &id,
			     &f->err));
	size_t n0 = ts_audit_count(f->s, &f->err);
	struct rg_item it[4] = {
		answer("1.1", RG_ANS_CONFORME, "", ""),
		answer("4.3", RG_ANS_NON_APPLICABLE, "  ", ""),
		answer("5.2", RG_ANS_EN_COURS, "", ""),
		answer("99.1", RG_ANS_CONFORME, "", ""),
	};
	struct diags d = DIAGS_INIT;
	err_clear(&f->err);
	assert_int_equal(rg_answers_set(f->s, &f->as.ref_a, id, it, 4, &d, &f->err), -1);
	assert_int_equal(d.errors, 3);
	assert_string_equal(d.items[0].field, "4.3");
	struct buf line = BUF_INIT;
	diags_format(&d.items[0], &line);
	ts_assert_msg_has(line.ptr, "4.3");
	ts_assert_msg_has(line.ptr, "justification");
	assert_string_equal(d.items[1].field, "5.2");
	ts_assert_msg_has(d.items[1].msg, "date prévue");
	assert_string_equal(d.items[2].field, "99.1");
	ts_assert_msg_has(d.items[2].msg, "critère inconnu dans RGESN 2024");
	/* Nothing stored, not even the good answer; no audit. */
	struct rg_assessment a;
	assert_int_equal(store_rg_assessment_get(f->s, id, &a, &f->err), 1);
	for (size_t i = 0; i < a.nitems; i++)
		assert_int_equal(a.items[i].answer, RG_ANS_NON_EVALUE);
	rg_assessment_free(&a);
	assert_int_equal(ts_audit_count(f->s, &f->err), n0);

	/* Fixed: stored. */
	diags_free(&d);
	it[1].justification = (char *)"Aucune vidéo sur le service";
	it[2].planned = (char *)"2025-09-30";
	OK(rg_answers_set(f->s, &f->as.ref_a, id, it, 3, &d, &f->err));
	assert_int_equal(d.n, 0);
	assert_int_equal(store_rg_assessment_get(f->s, id, &a, &f->err), 1);
	long k = -1;
	for (size_t i = 0; i < a.nitems; i++)
		if (!strcmp(a.items[i].criterion, "4.3"))
			k = (long)i;
	assert_true(k >= 0);
	assert_int_equal(a.items[k].answer, RG_ANS_NON_APPLICABLE);
	assert_string_equal(a.items[k].justification, "Aucune vidéo sur le service");
	rg_assessment_free(&a);
	struct audit_entry e = last_audit(f);
	ts_assert_msg_has(e.after, "\"4.3\":\"Non applicable : Aucune vidéo sur le service\"");
	ts_assert_msg_has(e.after, "\"5.2\":\"En cours (prévu le 2025-09-30)\"");
	audit_entry_free(&e);
	/* The same answers again: nothing changes, no entry. */
	size_t n1 = ts_audit_count(f->s, &f->err);
	OK(rg_answers_set(f->s, &f->as.ref_a, id, it, 3, &d, &f->err));
	assert_int_equal(ts_audit_count(f->s, &f->err), n1);
	buf_free(&line);
	diags_free(&d);
}

static void test_diagnostic_and_convert(void **state)
{
	struct fixture *f = *state;
	int64_t dg = 0, full = 0;
	OK(rg_assessment_new(f->s, &f->as.corr_a, "A-DEM", "2024", RG_KIND_DIAGNOSTIC, NULL, &dg,
			     &f->err));
	struct rg_assessment a;
	assert_int_equal(store_rg_assessment_get(f->s, dg, &a, &f->err), 1);
	assert_int_equal(a.kind, RG_KIND_DIAGNOSTIC);
	assert_string_equal(a.assessed_on, "2025-03-01");
	assert_int_equal(a.nitems, 20);
	rg_assessment_free(&a);

	/* 1.1 is not in the quick selection (1.2 is). */
	struct diags d = DIAGS_INIT;
	struct rg_item it[3] = {
		answer("1.2", RG_ANS_CONFORME, "", ""),
		answer("1.1", RG_ANS_CONFORME, "", ""),
		answer("4.1", RG_ANS_NON_CONFORME, "", ""),
	};
	assert_int_equal(rg_answers_set(f->s, &f->as.corr_a, dg, it, 3, &d, &f->err), -1);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.items[0].field, "1.1");
	ts_assert_msg_has(d.items[0].msg, "autodiagnostic rapide");
	diags_free(&d);
	it[1] = it[2];
	OK(rg_answers_set(f->s, &f->as.corr_a, dg, it, 2, &d, &f->err));

	/* A diagnosis is not published; a complete assessment is not converted. */
	assert_int_equal(rg_publish(f->s, &f->as.ref_a, dg, "eco@a.fr", &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "autodiagnostic rapide");

	setenv("NUMECO_NOW", "2025-04-02T08:00:00Z", 1);
	OK(rg_convert(f->s, &f->as.corr_a, dg, &full, &f->err));
	assert_true(full > dg);
	assert_int_equal(rg_convert(f->s, &f->as.ref_a, full, &dg, &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "n'est pas un autodiagnostic");
	assert_int_equal(rg_convert(f->s, &f->as.ref_b, 1, &dg, &f->err), -1);

	assert_int_equal(store_rg_assessment_get(f->s, full, &a, &f->err), 1);
	assert_int_equal(a.kind, RG_KIND_COMPLETE);
	assert_string_equal(a.assessed_on, "2025-04-02");
	assert_int_equal(a.nitems, 78);
	assert_true(a.from_id > 0);
	size_t conf = 0, nc = 0, ne = 0;
	for (size_t i = 0; i < a.nitems; i++) {
		if (a.items[i].answer == RG_ANS_CONFORME) {
			conf++;
			assert_string_equal(a.items[i].criterion, "1.2");
		} else if (a.items[i].answer == RG_ANS_NON_CONFORME) {
			nc++;
			assert_string_equal(a.items[i].criterion, "4.1");
		} else if (a.items[i].answer == RG_ANS_NON_EVALUE) {
			ne++;
		}
	}
	assert_int_equal(conf, 1);
	assert_int_equal(nc, 1);
	assert_int_equal(ne, 76);
	rg_assessment_free(&a);
	/* Now every criterion may be answered. */
	it[0] = answer("1.1", RG_ANS_CONFORME, "", "");
	OK(rg_answers_set(f->s, &f->as.corr_a, full, it, 1, &d, &f->err));
	struct audit_entry e = last_audit(f);
	assert_string_equal(e.op, "update");
	audit_entry_free(&e);
	diags_free(&d);
}

static void test_published_frozen(void **state)
{
	struct fixture *f = *state;
	int64_t id = 0;
	OK(rg_assessment_new(f->s, &f->as.ref_a, "A-DEM", NULL, RG_KIND_COMPLETE, NULL, &id,
			     &f->err));
	/* No contact anywhere: refused. */
	assert_int_equal(rg_publish(f->s, &f->as.ref_a, id, " ", &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "contact est obligatoire");
	OK(rg_publish(f->s, &f->as.ref_a, id, "eco@a.fr", &f->err));
	assert_int_equal(rg_publish(f->s, &f->as.ref_a, id, "eco@a.fr", &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "publiée");

	size_t n0 = ts_audit_count(f->s, &f->err);
	struct diags d = DIAGS_INIT;
	struct rg_item it = answer("1.1", RG_ANS_CONFORME, "", "");
	assert_int_equal(rg_answers_set(f->s, &f->as.ref_a, id, &it, 1, &d, &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "ne peut plus être modifiée");
	assert_int_equal(ts_audit_count(f->s, &f->err), n0);
	struct rg_assessment a;
	assert_int_equal(store_rg_assessment_latest_published(f->s, 0, &a, &f->err), 0);
	struct rg_service v;
	assert_int_equal(store_rg_service_get(f->s, "A-DEM", &v, &f->err), 1);
	assert_int_equal(store_rg_assessment_latest_published(f->s, v.id, &a, &f->err), 1);
	assert_true(a.id == id);
	assert_int_equal(a.items[0].answer, RG_ANS_NON_EVALUE);
	rg_assessment_free(&a);
	rg_service_free(&v);
	assert_int_equal(rg_answers_set(f->s, &f->as.ref_a, 999, &it, 1, &d, &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "évaluation inconnue : 999");
	diags_free(&d);
}

static void test_install_and_load(void **state)
{
	struct fixture *f = *state;
	int n = -1;
	struct rg_ref r;
	OK(rg_install_default(f->s, &f->as.local, &n, &f->err));
	assert_int_equal(n, 0);
	assert_int_equal(store_rg_ref_load(f->s, "RGESN", "2024", &r, &f->err), 1);
	int64_t id = r.id;
	assert_int_equal(r.full_text, 0);
	assert_string_equal(r.criteria[0].objective, "");
	rg_ref_free(&r);

	size_t len = 0;
	char *data = ts_read_data("rgesn/rgesn-2024-criteria.json", &len);
	struct diags d = DIAGS_INIT;
	int64_t got = 0;
	assert_int_equal(rg_load(f->s, &f->as.ref_a, "full.json", data, len, "RGESN", "2024", &got,
				 &d, &f->err),
			 -1);
	ts_assert_msg_has(f->err.msg.ptr, "ref@a.fr n'a pas le droit");
	OK(rg_load(f->s, &f->as.admin, "full.json", data, len, "RGESN", "2024", &got, &d, &f->err));
	assert_true(got == id);
	free(data);
	assert_int_equal(store_rg_ref_load(f->s, "RGESN", "2024", &r, &f->err), 1);
	assert_int_equal(r.full_text, 1);
	assert_int_equal(r.ncriteria, 78);
	assert_true(strlen(r.criteria[0].objective) > 20);
	/* Family labels and quick marks of the shipped structure kept. */
	assert_string_equal(rg_family_label(&r, 4), "UX/UI");
	size_t quick = 0;
	for (size_t i = 0; i < r.ncriteria; i++)
		quick += r.criteria[i].quick != 0;
	assert_int_equal(quick, 20);
	ts_assert_msg_has(r.criteria[0].url, "critere-1.1");
	rg_ref_free(&r);
	struct audit_entry e = last_audit(f);
	assert_string_equal(e.entity, "rgesn");
	assert_string_equal(e.entity_key, "RGESN 2024");
	assert_string_equal(e.op, "update");
	ts_assert_msg_has(e.after, "\"Texte intégral\":\"oui\"");
	audit_entry_free(&e);

	/* init again: the full text stays. */
	OK(rg_install_default(f->s, &f->as.local, &n, &f->err));
	assert_int_equal(n, 0);
	assert_int_equal(store_rg_ref_load(f->s, "RGESN", "2024", &r, &f->err), 1);
	assert_int_equal(r.full_text, 1);
	rg_ref_free(&r);

	/* A bad file: reported, nothing stored. */
	data = ts_read_data("rgesn/bad-criteria.json", &len);
	assert_int_equal(
		rg_load(f->s, &f->as.admin, "bad.json", data, len, NULL, NULL, &got, &d, &f->err),
		-1);
	free(data);
	assert_true(d.errors > 0);
	struct rg_ref_meta_list l;
	OK(store_rg_ref_list(f->s, &l, &f->err));
	assert_int_equal(l.n, 1);
	rg_ref_meta_list_free(&l);
	diags_free(&d);

	/* Another version beside it. */
	data = ts_read_data("rgesn/rgesn-2022-mini.json", &len);
	OK(rg_load(f->s, &f->as.local, "mini.json", data, len, NULL, NULL, &got, &d, &f->err));
	free(data);
	assert_true(got != id);
	OK(store_rg_ref_list(f->s, &l, &f->err));
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].version, "2022");
	rg_ref_meta_list_free(&l);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_service_rights_and_checks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_assessment_rights, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_diagnostic_and_convert, setup, teardown),
		cmocka_unit_test_setup_teardown(test_published_frozen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_install_and_load, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
