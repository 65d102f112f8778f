/* test_review.c: recommendations, comments and review states
 * (src/plan/review.c) against a temporary SQLite store. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/perm.h"
#include "core/xalloc.h"
#include "plan/review.h"
#include "plan/roadmap_import.h"
#include "store/store.h"
#include "support.h"

#define NOW "2026-11-29T10:00:00Z"

struct fixture {
	struct ts_tmpdir tmp;
	struct store *s;
	struct err err;
	int64_t min_a, min_b, rm_a, rm_b;
	struct ts_actors as;
};

static void add_org(struct fixture *f, const char *code, enum org_kind kind, const char *parent,
		    int64_t *id)
{
	ts_org_add(f->s, code, code, kind, parent, id, &f->err);
}

#define HDR "Référence;Titre;Thème;Niveau;Statut\n"

static int64_t import_roadmap(struct fixture *f, const char *org, int64_t org_id, const char *csv)
{
	struct rm_import_opts o = { "f.csv", org, "2022", &f->as.local, 0, 0 };
	struct rm_import_stats st;
	struct diags d = DIAGS_INIT;
	if (rm_import(f->s, csv, strlen(csv), &o, &st, &d, &f->err))
		fail_msg("rm_import: %s (%zu errors)", f->err.msg.ptr, d.errors);
	diags_free(&d);
	struct roadmap rm;
	assert_int_equal(store_roadmap_get(f->s, org_id, "2022", &rm, &f->err), 1);
	int64_t id = rm.id;
	roadmap_free(&rm);
	return id;
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	if (ts_store_setup(&f->tmp, &f->s, &f->err, "review", NULL)) {
		free(f);
		return -1;
	}
	*state = f;
	setenv("NUMECO_NOW", NOW, 1);
	int64_t mission, dir_a;
	add_org(f, "MISSION", ORG_MISSION, "", &mission);
	add_org(f, "MIN-A", ORG_MINISTERE, "", &f->min_a);
	add_org(f, "MIN-A-DNUM", ORG_DIRECTION, "MIN-A", &dir_a);
	add_org(f, "MIN-B", ORG_MINISTERE, "", &f->min_b);
	ts_actors_init(&f->as, mission, f->min_a, dir_a, f->min_b);
	f->rm_a = import_roadmap(f, "MIN-A", f->min_a,
				 HDR "A-01;Un;achats;reflexion;en_cours\n"
				     "A-02;Deux;usage;reflexion;en_cours\n");
	f->rm_b = import_roadmap(f, "MIN-B", f->min_b, HDR "B-01;Un;achats;reflexion;en_cours\n");
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = ts_store_teardown(&f->tmp, f->s, &f->err);
	unsetenv("NUMECO_NOW");
	free(f);
	return rc;
}

static size_t audit_count(struct fixture *f)
{
	return ts_audit_count(f->s, &f->err);
}

/* The newest audit entry (caller frees the list). */
static const struct audit_entry *last_audit(struct fixture *f, struct audit_list *l)
{
	if (store_audit_list(f->s, NULL, 1, l, &f->err) || l->n != 1)
		fail_msg("store_audit_list: %s", f->err.msg.ptr);
	return &l->items[0];
}

static size_t review_count(struct fixture *f, int64_t roadmap_id)
{
	struct review_list l;
	if (store_review_list(f->s, roadmap_id, &l, &f->err))
		fail_msg("store_review_list: %s", f->err.msg.ptr);
	size_t n = l.n;
	review_list_free(&l);
	return n;
}

static enum rstate state_of(struct fixture *f, int64_t org_id)
{
	struct roadmap rm;
	assert_int_equal(store_roadmap_get(f->s, org_id, "2022", &rm, &f->err), 1);
	enum rstate st = rm.state;
	roadmap_free(&rm);
	return st;
}

/* Asserts the call fails with a message holding text and writes nothing. */
#define REFUSED(f, call, text)                                            \
	do {                                                              \
		size_t audits_ = audit_count(f);                          \
		size_t reviews_ = review_count((f), (f)->rm_a);           \
		err_clear(&(f)->err);                                     \
		assert_int_equal((call), -1);                             \
		ts_assert_msg_has((f)->err.msg.ptr, (text));              \
		assert_int_equal(audit_count(f), audits_);                \
		assert_int_equal(review_count((f), (f)->rm_a), reviews_); \
	} while (0)

static int64_t add_ok(struct fixture *f, const struct actor *a, const char *org, const char *ref,
		      enum rkind kind, const char *text)
{
	int64_t id = 0;
	size_t audits = audit_count(f);
	err_clear(&f->err);
	if (review_add(f->s, a, org, "2022", ref, kind, text, &id, &f->err))
		fail_msg("review_add: %s", f->err.msg.ptr);
	assert_true(id > 0);
	assert_int_equal(audit_count(f), audits + 1);
	return id;
}

static void test_add(void **state)
{
	struct fixture *f = *state;
	int64_t id = add_ok(f, &f->as.admin, "MIN-A", "A-01", RKIND_RECOMMANDATION,
			    "Mesurer le \"parc\"");
	struct audit_list al;
	const struct audit_entry *e = last_audit(f, &al);
	struct buf key = BUF_INIT;
	buf_addf(&key, "MIN-A/2022/A-01#%lld", (long long)id);
	ts_assert_audit(e, "review", key.ptr, "create", "admin@m.fr", NOW, "",
			"{\"Type\":\"Recommandation\",\"Texte\":\"Mesurer le \\\"parc\\\"\"}");
	audit_list_free(&al);

	/* About the whole roadmap, by the local operator. */
	int64_t id2 = add_ok(f, &f->as.local, "MIN-A", "", RKIND_COMMENTAIRE, "Bien");
	assert_true(id2 != id);
	e = last_audit(f, &al);
	buf_reset(&key);
	buf_addf(&key, "MIN-A/2022#%lld", (long long)id2);
	assert_string_equal(e->entity_key, key.ptr);
	assert_string_equal(e->actor, "cli:test");
	assert_string_equal(e->after, "{\"Type\":\"Commentaire\",\"Texte\":\"Bien\"}");
	audit_list_free(&al);

	struct review_list l;
	assert_int_equal(store_review_list(f->s, f->rm_a, &l, &f->err), 0);
	assert_int_equal(l.n, 2);
	const struct review *r = l.items[0].id == id ? &l.items[0] : &l.items[1];
	assert_int_equal(r->id, id);
	assert_string_equal(r->action_ref, "A-01");
	assert_int_equal(r->kind, RKIND_RECOMMANDATION);
	assert_string_equal(r->text, "Mesurer le \"parc\"");
	assert_string_equal(r->author, "admin@m.fr");
	assert_string_equal(r->created_at, NOW);
	assert_int_equal(r->addressed, 0);
	review_list_free(&l);
	assert_int_equal(review_count(f, f->rm_b), 0);
	buf_free(&key);

	/* 10 000 characters are fine, whatever their byte length. */
	struct buf big = BUF_INIT;
	for (int i = 0; i < 10000; i++)
		buf_adds(&big, "é");
	add_ok(f, &f->as.admin, "MIN-A", "", RKIND_COMMENTAIRE, big.ptr);
	buf_free(&big);
}

/* review_add must refuse with a message holding why, write nothing and
 * leave the id alone. */
static void add_refused(struct fixture *f, const struct actor *a, const char *org,
			const char *period, const char *ref, enum rkind kind, const char *text,
			const char *why)
{
	int64_t id = 0;
	REFUSED(f, review_add(f->s, a, org, period, ref, kind, text, &id, &f->err), why);
	assert_int_equal(id, 0);
}

static void test_add_refused(void **state)
{
	struct fixture *f = *state;
	add_refused(f, &f->as.ref_a, "MIN-A", "2022", "", RKIND_COMMENTAIRE, "x",
		    "ref@a.fr n'a pas le droit d'ajouter des recommandations (rôle admin requis)");
	add_refused(f, &f->as.lect_a, "MIN-A", "2022", "", RKIND_COMMENTAIRE, "x",
		    "lect@a.fr n'a pas le droit");
	add_refused(f, &f->as.corr_a, "MIN-A", "2022", "", RKIND_COMMENTAIRE, "x",
		    "corr@a.fr n'a pas le droit");
	add_refused(f, &f->as.admin, "MIN-A", "2022", "Z-99", RKIND_RECOMMANDATION, "x",
		    "action inconnue « Z-99 » dans la feuille de route MIN-A 2022");
	/* An action of another ministry's roadmap is not one of this roadmap. */
	add_refused(f, &f->as.admin, "MIN-A", "2022", "B-01", RKIND_RECOMMANDATION, "x",
		    "action inconnue « B-01 »");
	add_refused(f, &f->as.admin, "MIN-A", "2022", "A-01", RKIND_RECOMMANDATION, "",
		    "texte vide");
	add_refused(f, &f->as.admin, "MIN-A", "2022", "", RKIND_COMMENTAIRE, " \t\n ",
		    "texte vide");
	struct buf big = BUF_INIT;
	for (int i = 0; i < 10001; i++)
		buf_adds(&big, "é");
	add_refused(f, &f->as.admin, "MIN-A", "2022", "", RKIND_COMMENTAIRE, big.ptr,
		    "trop long (plus de 10000 caractères)");
	buf_free(&big);
	add_refused(f, &f->as.admin, "MIN-A", "2022", "", RKIND_COMMENTAIRE, "mal \xff",
		    "mal encodé");
	add_refused(f, &f->as.admin, "MIN-Z", "2022", "", RKIND_COMMENTAIRE, "x",
		    "organisation inconnue : « MIN-Z »");
	add_refused(f, &f->as.admin, "MIN-A", "2023", "", RKIND_COMMENTAIRE, "x",
		    "pas de feuille de route pour MIN-A sur la période 2023");
}

/* Moves MIN-A's roadmap and checks the one audit row it writes. */
static void move_ok(struct fixture *f, const struct actor *a, enum rstate from, enum rstate to)
{
	enum rstate got = RSTATE_COUNT;
	size_t audits = audit_count(f);
	err_clear(&f->err);
	if (review_move(f->s, a, "MIN-A", "2022", to, &got, &f->err))
		fail_msg("review_move %s → %s by %s: %s", rstate_code(from), rstate_code(to), a->id,
			 f->err.msg.ptr);
	assert_int_equal(got, from);
	assert_int_equal(state_of(f, f->min_a), to);
	assert_int_equal(audit_count(f), audits + 1);
	struct audit_list al;
	const struct audit_entry *e = last_audit(f, &al);
	struct buf before = BUF_INIT, after = BUF_INIT;
	buf_addf(&before, "{\"État\":\"%s\"}", rstate_label(from));
	buf_addf(&after, "{\"État\":\"%s\"}", rstate_label(to));
	ts_assert_audit(e, "roadmap", "MIN-A/2022", "state", a->id, NOW, before.ptr, after.ptr);
	buf_free(&before);
	buf_free(&after);
	audit_list_free(&al);
}

static void move_refused(struct fixture *f, const struct actor *a, enum rstate to, const char *text)
{
	enum rstate from = RSTATE_COUNT, was = state_of(f, f->min_a);
	REFUSED(f, review_move(f->s, a, "MIN-A", "2022", to, &from, &f->err), text);
	assert_int_equal(state_of(f, f->min_a), was);
}

static void test_move_workflow(void **state)
{
	struct fixture *f = *state;
	/* brouillon: only submitting exists; the référent may. */
	move_refused(f, &f->as.admin, RSTATE_VALIDEE,
		     "la feuille de route MIN-A 2022 est « Brouillon » : elle ne peut pas passer "
		     "à « Validée »");
	move_refused(f, &f->as.admin, RSTATE_RELUE, "ne peut pas passer à « Relue »");
	move_refused(f, &f->as.admin, RSTATE_BROUILLON, "ne peut pas passer à « Brouillon »");
	move_refused(f, &f->as.ref_b, RSTATE_SOUMISE,
		     "ref@b.fr n'a pas le droit de faire passer la feuille de route MIN-A 2022 de "
		     "« Brouillon » à « Soumise »");
	move_refused(f, &f->as.lect_a, RSTATE_SOUMISE, "lect@a.fr n'a pas le droit");
	move_refused(f, &f->as.corr_a, RSTATE_SOUMISE, "corr@a.fr n'a pas le droit");
	move_ok(f, &f->as.ref_a, RSTATE_BROUILLON, RSTATE_SOUMISE);

	/* soumise: the référent may withdraw, not mark as read. */
	move_refused(f, &f->as.ref_a, RSTATE_RELUE,
		     "ref@a.fr n'a pas le droit de faire passer la feuille de route MIN-A 2022 de "
		     "« Soumise » à « Relue »");
	move_refused(f, &f->as.ref_a, RSTATE_VALIDEE, "ne peut pas passer à « Validée »");
	move_ok(f, &f->as.ref_a, RSTATE_SOUMISE, RSTATE_BROUILLON);
	move_ok(f, &f->as.ref_a, RSTATE_BROUILLON, RSTATE_SOUMISE);
	move_ok(f, &f->as.admin, RSTATE_SOUMISE, RSTATE_RELUE);

	/* relue: sent back or validated, by the admin only. */
	move_refused(f, &f->as.ref_a, RSTATE_BROUILLON, "ref@a.fr n'a pas le droit");
	move_refused(f, &f->as.ref_a, RSTATE_VALIDEE, "ref@a.fr n'a pas le droit");
	move_refused(f, &f->as.admin, RSTATE_SOUMISE,
		     "est « Relue » : elle ne peut pas passer à "
		     "« Soumise »");
	move_ok(f, &f->as.admin, RSTATE_RELUE, RSTATE_BROUILLON);
	move_ok(f, &f->as.ref_a, RSTATE_BROUILLON, RSTATE_SOUMISE);
	move_ok(f, &f->as.admin, RSTATE_SOUMISE, RSTATE_RELUE);
	move_ok(f, &f->as.local, RSTATE_RELUE, RSTATE_VALIDEE);

	/* validée: only reopened, by the admin. */
	move_refused(f, &f->as.admin, RSTATE_SOUMISE, "est « Validée » : elle ne peut pas passer");
	move_refused(f, &f->as.admin, RSTATE_RELUE, "ne peut pas passer à « Relue »");
	move_refused(f, &f->as.ref_a, RSTATE_BROUILLON, "ref@a.fr n'a pas le droit");
	move_ok(f, &f->as.admin, RSTATE_VALIDEE, RSTATE_BROUILLON);

	/* The other roadmap was never touched. */
	assert_int_equal(state_of(f, f->min_b), RSTATE_BROUILLON);
	enum rstate from;
	REFUSED(f, review_move(f->s, &f->as.admin, "MIN-A", "2023", RSTATE_SOUMISE, &from, &f->err),
		"pas de feuille de route pour MIN-A sur la période 2023");
	REFUSED(f, review_move(f->s, &f->as.admin, "MIN-Z", "2022", RSTATE_SOUMISE, &from, &f->err),
		"organisation inconnue : « MIN-Z »");
}

static void mark_ok(struct fixture *f, const struct actor *a, int64_t id, const char *key,
		    int addressed, const char *was)
{
	size_t audits = audit_count(f);
	err_clear(&f->err);
	if (review_mark(f->s, a, "MIN-A", "2022", id, addressed, &f->err))
		fail_msg("review_mark by %s: %s", a->id, f->err.msg.ptr);
	assert_int_equal(audit_count(f), audits + 1);
	struct audit_list al;
	const struct audit_entry *e = last_audit(f, &al);
	struct buf before = BUF_INIT, after = BUF_INIT;
	buf_addf(&before, "{\"Traitée\":\"%s\"}", was);
	buf_addf(&after, "{\"Traitée\":\"%s\"}", addressed ? "oui" : "non");
	ts_assert_audit(e, "review", key, "update", a->id, NOW, before.ptr, after.ptr);
	buf_free(&before);
	buf_free(&after);
	audit_list_free(&al);

	struct review_list l;
	assert_int_equal(store_review_list(f->s, f->rm_a, &l, &f->err), 0);
	int seen = 0;
	for (size_t i = 0; i < l.n; i++)
		if (l.items[i].id == id) {
			assert_int_equal(l.items[i].addressed, addressed);
			seen = 1;
		}
	assert_true(seen);
	review_list_free(&l);
}

static void test_mark(void **state)
{
	struct fixture *f = *state;
	int64_t id = add_ok(f, &f->as.admin, "MIN-A", "A-02", RKIND_RECOMMANDATION, "Faire mieux");
	int64_t whole = add_ok(f, &f->as.admin, "MIN-A", "", RKIND_RECOMMANDATION, "Globalement");
	int64_t other = add_ok(f, &f->as.admin, "MIN-B", "B-01", RKIND_RECOMMANDATION, "Ailleurs");
	struct buf key = BUF_INIT, key2 = BUF_INIT;
	buf_addf(&key, "MIN-A/2022/A-02#%lld", (long long)id);
	buf_addf(&key2, "MIN-A/2022#%lld", (long long)whole);

	/* The référent of the ministry marks recommendations addressed, and back. */
	mark_ok(f, &f->as.ref_a, id, key.ptr, 1, "non");
	mark_ok(f, &f->as.ref_a, id, key.ptr, 0, "oui");
	mark_ok(f, &f->as.admin, whole, key2.ptr, 1, "non");

	REFUSED(f, review_mark(f->s, &f->as.lect_a, "MIN-A", "2022", id, 1, &f->err),
		"lect@a.fr n'a pas le droit de traiter les recommandations de MIN-A");
	REFUSED(f, review_mark(f->s, &f->as.corr_a, "MIN-A", "2022", id, 1, &f->err),
		"corr@a.fr n'a pas le droit");
	REFUSED(f, review_mark(f->s, &f->as.ref_b, "MIN-A", "2022", id, 1, &f->err),
		"ref@b.fr n'a pas le droit de traiter les recommandations de MIN-A");
	REFUSED(f, review_mark(f->s, &f->as.admin, "MIN-A", "2022", 999, 1, &f->err),
		"pas de recommandation n° 999 dans la feuille de route MIN-A 2022");
	/* An entry of another roadmap is not found through this one. */
	struct buf msg = BUF_INIT;
	buf_addf(&msg, "pas de recommandation n° %lld", (long long)other);
	REFUSED(f, review_mark(f->s, &f->as.admin, "MIN-A", "2022", other, 1, &f->err), msg.ptr);
	REFUSED(f, review_mark(f->s, &f->as.admin, "MIN-A", "2023", id, 1, &f->err),
		"pas de feuille de route pour MIN-A sur la période 2023");
	buf_free(&msg);

	struct review_list l;
	assert_int_equal(store_review_list(f->s, f->rm_b, &l, &f->err), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].addressed, 0);
	review_list_free(&l);
	buf_free(&key);
	buf_free(&key2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_workflow, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mark, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
