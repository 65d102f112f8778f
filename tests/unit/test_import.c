/* test_import.c: importing roadmaps into a store and exporting them back
 * (src/plan/roadmap_import.c), and the organisations/people files
 * (src/plan/directory_csv.c), against a temporary SQLite store. */
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
#include "plan/audit.h"
#include "plan/directory_csv.h"
#include "plan/roadmap_import.h"
#include "store/store.h"
#include "support.h"

#define NOW "2026-11-29T10:00:00Z"

struct fixture {
	struct ts_tmpdir tmp;
	struct store *s;
	struct err err;
	struct diags d;
	struct rm_import_stats st;
	int64_t min_a, min_b, dir_a;
	struct ts_actors as;
};

static void add_org(struct fixture *f, const char *code, const char *name, enum org_kind kind,
		    const char *parent, int64_t *id)
{
	ts_org_add(f->s, code, name, kind, parent, id, &f->err);
}

/* A store without organisations: only the local operator may act. */
static int setup_empty(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	f->d = (struct diags)DIAGS_INIT;
	if (ts_store_setup(&f->tmp, &f->s, &f->err, "import", NULL)) {
		free(f);
		return -1;
	}
	setenv("NUMECO_NOW", NOW, 1);
	ts_actors_init(&f->as, 0, 0, 0, 0);
	*state = f;
	return 0;
}

static int setup(void **state)
{
	if (setup_empty(state))
		return -1;
	struct fixture *f = *state;
	int64_t mission;
	add_org(f, "MISSION", "Mission", ORG_MISSION, "", &mission);
	add_org(f, "MIN-A", "Ministère A", ORG_MINISTERE, "", &f->min_a);
	add_org(f, "MIN-A-DNUM", "Direction du numérique", ORG_DIRECTION, "MIN-A", &f->dir_a);
	add_org(f, "MIN-A-SG", "Secrétariat général", ORG_DIRECTION, "MIN-A", NULL);
	add_org(f, "MIN-B", "Ministère B", ORG_MINISTERE, "", &f->min_b);
	add_org(f, "MIN-B-DAF", "Direction des achats", ORG_DIRECTION, "MIN-B", NULL);
	ts_actors_init(&f->as, mission, f->min_a, f->dir_a, f->min_b);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	diags_free(&f->d);
	int rc = ts_store_teardown(&f->tmp, f->s, &f->err);
	unsetenv("NUMECO_NOW");
	free(f);
	return rc;
}

/* Runs rm_import with fresh diagnostics and error. */
static int import_as(struct fixture *f, const struct actor *actor, const char *org,
		     const char *period, const char *csv, size_t len, int remove_missing,
		     int dry_run)
{
	struct rm_import_opts o = { "fr.csv", org, period, actor, remove_missing, dry_run };
	diags_free(&f->d);
	err_clear(&f->err);
	return rm_import(f->s, csv, len, &o, &f->st, &f->d, &f->err);
}

static void import_ok(struct fixture *f, const char *csv, int remove_missing, int dry_run)
{
	if (import_as(f, &f->as.local, "MIN-A", "2022", csv, strlen(csv), remove_missing,
		      dry_run)) {
		ts_dump_diags(&f->d);
		fail_msg("import failed: %s", f->err.msg.ptr);
	}
}

static size_t audit_count(struct fixture *f)
{
	return ts_audit_count(f->s, &f->err);
}

/* The stored actions of MIN-A's roadmap of period (empty when none). */
static void stored(struct fixture *f, const char *period, struct action_list *out)
{
	struct roadmap rm;
	memset(out, 0, sizeof(*out));
	int found = store_roadmap_get(f->s, f->min_a, period, &rm, &f->err);
	assert_true(found >= 0);
	if (found) {
		if (store_action_list(f->s, rm.id, out, &f->err))
			fail_msg("store_action_list: %s", f->err.msg.ptr);
		roadmap_free(&rm);
	}
}

static void export_ok(struct fixture *f, const char *org, const char *period, struct buf *out)
{
	err_clear(&f->err);
	if (rm_export(f->s, org, period, out, &f->err))
		fail_msg("rm_export: %s", f->err.msg.ptr);
}

#define HDR                                                                                          \
	"Référence;Titre;Description;Thème;Niveau d'engagement visé;Statut;Action clé;"         \
	"Direction pilote;Date de début;Échéance;Budget (€);Indicateur;Impact évité estimé;" \
	"Unité de l'impact;Méthode d'estimation;Commentaire\n"

#define ROW1                                                                                 \
	"A-01;Premier;\"desc\nsur deux lignes\";achats;realisation;en_cours;oui;MIN-A-DNUM;" \
	"01/02/2022;31/12/2022;1 234,50;Indic;12,5;tCO2e;Méthode;Comm\n"
#define ROW2	  "A-02;Deuxième;;usage;reflexion;en_cours;non;;;;;;;;;\n"
#define ROW2_DONE "A-02;Deuxième;;usage;reflexion;Réalisée;non;;;;;;;;;\n"
#define ROW3	  "A-03;Troisième;;fin_de_vie;experimentation;a_lancer;;Secrétariat général;;;;;;;;\n"

static const char base_csv[] = HDR ROW1 ROW2 ROW3;

/* Imports base_csv as actor into org and period; rm_import's result. */
static int import_base(struct fixture *f, const struct actor *actor, const char *org,
		       const char *period)
{
	return import_as(f, actor, org, period, base_csv, strlen(base_csv), 0, 0);
}

#define STATS(f, read_, created_, updated_, unchanged_, missing_, removed_) \
	do {                                                                \
		assert_int_equal((f)->st.read, read_);                      \
		assert_int_equal((f)->st.created, created_);                \
		assert_int_equal((f)->st.updated, updated_);                \
		assert_int_equal((f)->st.unchanged, unchanged_);            \
		assert_int_equal((f)->st.missing, missing_);                \
		assert_int_equal((f)->st.removed, removed_);                \
	} while (0)

static void test_first_import_creates(void **state)
{
	struct fixture *f = *state;
	import_ok(f, base_csv, 0, 0);
	STATS(f, 3, 3, 0, 0, 0, 0);
	assert_int_equal(f->st.roadmap_created, 1);
	assert_int_equal(f->d.n, 0);

	struct action_list l;
	stored(f, "2022", &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].ref, "A-01");
	assert_string_equal(l.items[0].description, "desc\nsur deux lignes");
	assert_string_equal(l.items[0].direction, "MIN-A-DNUM");
	assert_int_equal(l.items[0].budget_cents, 123450);
	assert_true(l.items[0].impact_value == 12.5);
	assert_int_equal(l.items[0].version, 1);
	assert_string_equal(l.items[1].ref, "A-02");
	assert_int_equal(l.items[1].has_budget, 0);
	assert_string_equal(l.items[2].direction, "MIN-A-SG");
	assert_int_equal(l.items[2].status, STATUS_A_LANCER);

	/* One audit row for the roadmap, one per action; newest first. */
	struct audit_list al;
	assert_int_equal(store_audit_list(f->s, NULL, 0, &al, &f->err), 0);
	assert_int_equal(al.n, 4);
	const struct audit_entry *rm = &al.items[3];
	assert_string_equal(rm->entity, "roadmap");
	assert_string_equal(rm->entity_key, "MIN-A/2022");
	assert_string_equal(rm->op, "create");
	assert_string_equal(
		rm->after,
		"{\"Organisation\":\"MIN-A\",\"Période\":\"2022\",\"État\":\"Brouillon\"}");
	for (size_t i = 0; i < 3; i++) {
		const struct audit_entry *e = &al.items[2 - i];
		struct buf key = BUF_INIT, snap = BUF_INIT;
		buf_addf(&key, "MIN-A/2022/%s", l.items[i].ref);
		audit_action_json(&l.items[i], &snap);
		ts_assert_audit(e, "action", key.ptr, "create", "cli:test", NOW, "", snap.ptr);
		buf_free(&key);
		buf_free(&snap);
	}
	audit_list_free(&al);
	action_list_free(&l);
}

static void test_reimport_is_a_noop(void **state)
{
	struct fixture *f = *state;
	import_ok(f, base_csv, 0, 0);
	size_t audits = audit_count(f);
	import_ok(f, base_csv, 0, 0);
	STATS(f, 3, 0, 0, 3, 0, 0);
	assert_int_equal(f->st.roadmap_created, 0);
	assert_int_equal(f->d.n, 0);
	assert_int_equal(audit_count(f), audits);
	struct action_list l;
	stored(f, "2022", &l);
	assert_int_equal(l.n, 3);
	for (size_t i = 0; i < l.n; i++)
		assert_int_equal(l.items[i].version, 1); /* not even rewritten */
	action_list_free(&l);

	/* The same file written differently (labels, CRLF, other column order) too. */
	static const char other[] =
		"Statut;Référence;Titre;Thème;Niveau;Description;Clé;Direction;Début;Fin;Budget;"
		"Indicateur;Impact évité;Unité;Méthode;Commentaire\r\n"
		"En cours;A-01;Premier;Achats;Réalisation;\"desc\r\nsur deux lignes\";OUI;"
		"Direction du numérique;2022-02-01;2022-12-31;1234,5 €;Indic;12.5;t CO2e;Méthode;"
		"Comm\r\n"
		"EN COURS;A-02;Deuxième;Phase d'usage;Réflexion;;;;;;;;;;;\r\n"
		"Non démarrée;A-03;Troisième;Fin d'usage;Expérimentation;;n;MIN-A-SG;;;;;;;;\r\n";
	import_ok(f, other, 0, 0);
	STATS(f, 3, 0, 0, 3, 0, 0);
	assert_int_equal(audit_count(f), audits);
}

static void test_corrected_file_updates_one_action(void **state)
{
	struct fixture *f = *state;
	import_ok(f, base_csv, 0, 0);
	size_t audits = audit_count(f);
	import_ok(f, HDR ROW1 ROW2_DONE ROW3, 0, 0);
	STATS(f, 3, 0, 1, 2, 0, 0);
	assert_int_equal(audit_count(f), audits + 1);

	struct audit_list al;
	assert_int_equal(store_audit_list(f->s, "MIN-A/2022/A-02", 1, &al, &f->err), 0);
	assert_int_equal(al.n, 1);
	const struct audit_entry *e = &al.items[0];
	assert_string_equal(e->op, "update");
	assert_string_equal(e->entity, "action");
	assert_string_equal(e->entity_key, "MIN-A/2022/A-02");
	assert_non_null(strstr(e->before, "\"Statut\":\"En cours\""));
	assert_non_null(strstr(e->after, "\"Statut\":\"Réalisée\""));
	struct buf diff = BUF_INIT;
	audit_diff(e->before, e->after, "", &diff);
	assert_string_equal(diff.ptr, "Statut : En cours → Réalisée\n");
	buf_free(&diff);
	audit_list_free(&al);

	struct action_list l;
	stored(f, "2022", &l);
	assert_int_equal(l.items[0].version, 1);
	assert_int_equal(l.items[1].version, 2);
	assert_int_equal(l.items[1].status, STATUS_REALISEE);
	assert_int_equal(l.items[2].version, 1);
	action_list_free(&l);
}

static void test_reordered_file_keeps_actions(void **state)
{
	struct fixture *f = *state;
	import_ok(f, base_csv, 0, 0);
	size_t audits = audit_count(f);
	import_ok(f, HDR ROW3 ROW1 ROW2, 0, 0);
	STATS(f, 3, 0, 0, 3, 0, 0);
	assert_int_equal(audit_count(f), audits); /* a move is not a change */
	struct action_list l;
	stored(f, "2022", &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].ref, "A-03"); /* export follows the file */
	assert_string_equal(l.items[1].ref, "A-01");
	assert_string_equal(l.items[2].ref, "A-02");
	action_list_free(&l);
}

static void test_missing_actions_kept_with_warning(void **state)
{
	struct fixture *f = *state;
	import_ok(f, base_csv, 0, 0);
	size_t audits = audit_count(f);
	import_ok(f, HDR ROW1 ROW3, 0, 0);
	STATS(f, 2, 0, 0, 2, 1, 0);
	assert_int_equal(f->d.errors, 0);
	assert_int_equal(f->d.n, 1);
	assert_int_equal(f->d.items[0].level, DIAG_WARNING);
	assert_string_equal(f->d.items[0].field, "Référence");
	assert_non_null(strstr(f->d.items[0].msg, "l'action « A-02 » est enregistrée mais absente "
						  "du fichier : conservée"));
	assert_int_equal(audit_count(f), audits);
	struct action_list l;
	stored(f, "2022", &l);
	assert_int_equal(l.n, 3);
	action_list_free(&l);
}

static void test_remove_missing_deletes_and_audits(void **state)
{
	struct fixture *f = *state;
	import_ok(f, base_csv, 0, 0);
	struct action_list before;
	stored(f, "2022", &before);
	size_t audits = audit_count(f);
	import_ok(f, HDR ROW1 ROW3, 1, 0);
	STATS(f, 2, 0, 0, 2, 1, 1);
	assert_int_equal(f->d.n, 0);
	assert_int_equal(audit_count(f), audits + 1);
	struct audit_list al;
	assert_int_equal(store_audit_list(f->s, NULL, 1, &al, &f->err), 0);
	assert_string_equal(al.items[0].op, "delete");
	assert_string_equal(al.items[0].entity_key, "MIN-A/2022/A-02");
	assert_string_equal(al.items[0].after, "");
	struct buf snap = BUF_INIT;
	audit_action_json(&before.items[1], &snap);
	assert_string_equal(al.items[0].before, snap.ptr);
	buf_free(&snap);
	audit_list_free(&al);
	struct action_list l;
	stored(f, "2022", &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].ref, "A-01");
	assert_string_equal(l.items[1].ref, "A-03");
	action_list_free(&l);
	action_list_free(&before);
}

static void test_dry_run_writes_nothing(void **state)
{
	struct fixture *f = *state;
	/* On an empty store: counts as if, but no roadmap and no audit. */
	import_ok(f, base_csv, 0, 1);
	STATS(f, 3, 3, 0, 0, 0, 0);
	assert_int_equal(f->st.roadmap_created, 1);
	struct roadmap rm;
	assert_int_equal(store_roadmap_get(f->s, f->min_a, "2022", &rm, &f->err), 0);
	assert_int_equal(audit_count(f), 0);

	/* On a stored roadmap: an update and a removal are counted, not made. */
	import_ok(f, base_csv, 0, 0);
	size_t audits = audit_count(f);
	import_ok(f, HDR ROW1 ROW2_DONE, 1, 1);
	STATS(f, 2, 0, 1, 1, 1, 1);
	assert_int_equal(audit_count(f), audits);
	struct action_list l;
	stored(f, "2022", &l);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.items[1].status, STATUS_EN_COURS);
	assert_int_equal(l.items[1].version, 1);
	action_list_free(&l);
	/* The store is still usable (the transaction was closed). */
	import_ok(f, HDR ROW1 ROW2_DONE ROW3, 0, 0);
	STATS(f, 3, 0, 1, 2, 0, 0);
}

static void test_file_with_errors_writes_nothing(void **state)
{
	struct fixture *f = *state;
	static const char bad[] =
		HDR ROW1 ROW2_DONE "A-04;Nouvelle;;achats;reflexion;en_cours;;;;;;;;;;\n"
				   "A-05;Fautive;;Cloud;reflexion;en_cours;;;;;;;;;;\n";
	/* On an empty store: no roadmap is created. */
	assert_int_equal(import_as(f, &f->as.local, "MIN-A", "2022", bad, strlen(bad), 1, 0), -1);
	assert_int_equal(f->d.errors, 1);
	assert_int_equal(f->d.items[0].line, 6);
	assert_string_equal(f->d.items[0].file, "fr.csv");
	assert_string_equal(f->d.items[0].field, "Thème");
	struct roadmap rm;
	assert_int_equal(store_roadmap_get(f->s, f->min_a, "2022", &rm, &f->err), 0);
	assert_int_equal(audit_count(f), 0);

	/* On a stored roadmap: no update, no creation, no removal. */
	import_ok(f, base_csv, 0, 0);
	size_t audits = audit_count(f);
	struct action_list before, after;
	stored(f, "2022", &before);
	assert_int_equal(import_as(f, &f->as.local, "MIN-A", "2022", bad, strlen(bad), 1, 0), -1);
	assert_int_equal(f->d.errors, 1);
	assert_int_equal(audit_count(f), audits);
	stored(f, "2022", &after);
	assert_int_equal(after.n, before.n);
	for (size_t i = 0; i < after.n; i++) {
		assert_true(action_equal(&before.items[i], &after.items[i]));
		assert_int_equal(before.items[i].version, after.items[i].version);
	}
	action_list_free(&before);
	action_list_free(&after);
}

static void test_validated_roadmap_refused(void **state)
{
	struct fixture *f = *state;
	import_ok(f, base_csv, 0, 0);
	struct roadmap rm;
	assert_int_equal(store_roadmap_get(f->s, f->min_a, "2022", &rm, &f->err), 1);
	assert_int_equal(store_roadmap_set_state(f->s, rm.id, RSTATE_VALIDEE, &f->err), 0);
	size_t audits = audit_count(f);
	static const char csv[] = HDR ROW1 ROW2_DONE ROW3;
	assert_int_equal(import_as(f, &f->as.local, "MIN-A", "2022", csv, strlen(csv), 0, 0), -1);
	assert_non_null(strstr(f->err.msg.ptr, "la feuille de route MIN-A 2022 est validée"));
	assert_non_null(strstr(f->err.msg.ptr, "brouillon"));
	assert_int_equal(audit_count(f), audits);
	struct action_list l;
	stored(f, "2022", &l);
	assert_int_equal(l.items[1].status, STATUS_EN_COURS);
	action_list_free(&l);
	/* Even a dry run and an unchanged file are refused. */
	assert_int_equal(
		import_as(f, &f->as.local, "MIN-A", "2022", base_csv, strlen(base_csv), 0, 1), -1);
	assert_non_null(strstr(f->err.msg.ptr, "est validée"));

	/* Relue (not yet validated) may still be corrected. */
	assert_int_equal(store_roadmap_set_state(f->s, rm.id, RSTATE_RELUE, &f->err), 0);
	import_ok(f, csv, 0, 0);
	STATS(f, 3, 0, 1, 2, 0, 0);
	roadmap_free(&rm);
}

static void test_permissions(void **state)
{
	struct fixture *f = *state;
	/* Refused: lecteur, correspondant, référent of another ministry. */
	assert_int_equal(import_base(f, &f->as.lect_a, "MIN-A", "2022"), -1);
	assert_string_equal(f->err.msg.ptr,
			    "lect@a.fr n'a pas le droit de modifier la feuille de route de MIN-A");
	assert_int_equal(import_base(f, &f->as.corr_a, "MIN-A", "2022"), -1);
	assert_non_null(strstr(f->err.msg.ptr, "corr@a.fr n'a pas le droit"));
	assert_int_equal(import_base(f, &f->as.ref_b, "MIN-A", "2022"), -1);
	assert_non_null(strstr(f->err.msg.ptr, "ref@b.fr n'a pas le droit"));
	/* Also for a direction of the other ministry. */
	assert_int_equal(import_base(f, &f->as.ref_b, "MIN-A-DNUM", "2022"), -1);
	assert_non_null(strstr(f->err.msg.ptr, "de modifier la feuille de route de MIN-A-DNUM"));
	assert_int_equal(audit_count(f), 0);
	struct roadmap rm;
	assert_int_equal(store_roadmap_get(f->s, f->min_a, "2022", &rm, &f->err), 0);

	/* Allowed: the référent of the ministry, and an admin; logged as themselves. */
	assert_int_equal(import_base(f, &f->as.ref_a, "MIN-A", "2022"), 0);
	assert_int_equal(f->st.created, 3);
	struct audit_list al;
	assert_int_equal(store_audit_list(f->s, NULL, 0, &al, &f->err), 0);
	assert_int_equal(al.n, 4);
	for (size_t i = 0; i < al.n; i++)
		assert_string_equal(al.items[i].actor, "ref@a.fr");
	audit_list_free(&al);
	static const char dir_csv[] = HDR "D-1;Titre;;achats;reflexion;en_cours;;;;;;;;;;\n";
	assert_int_equal(
		import_as(f, &f->as.ref_a, "MIN-A-DNUM", "2022", dir_csv, strlen(dir_csv), 0, 0),
		0);
	assert_int_equal(
		import_as(f, &f->as.admin, "MIN-B", "2022", dir_csv, strlen(dir_csv), 0, 0), 0);
	assert_int_equal(f->st.created, 1);
}

static void test_bad_org_period_and_direction(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(import_base(f, &f->as.local, "MIN-Z", "2022"), -1);
	assert_string_equal(f->err.msg.ptr,
			    "organisation inconnue : « MIN-Z » (voir numeco org list)");
	assert_int_equal(import_base(f, &f->as.local, "MIN-A", "22"), -1);
	assert_non_null(strstr(f->err.msg.ptr, "période invalide « 22 »"));
	assert_int_equal(import_base(f, &f->as.local, "MIN-A", "2025-2023"), -1);
	assert_non_null(strstr(f->err.msg.ptr, "période invalide"));
	/* Directions are those of the organisation imported: MIN-B has MIN-B-DAF only. */
	assert_int_equal(import_base(f, &f->as.local, "MIN-B", "2022"), -1);
	assert_int_equal(f->d.errors, 2);
	assert_non_null(strstr(f->d.items[0].msg, "direction inconnue « MIN-A-DNUM » "
						  "(directions connues : MIN-B-DAF)"));
	assert_int_equal(audit_count(f), 0);
}

static void test_export_unknown(void **state)
{
	struct fixture *f = *state;
	struct buf out = BUF_INIT;
	assert_int_equal(rm_export(f->s, "MIN-A", "2024", &out, &f->err), -1);
	assert_string_equal(f->err.msg.ptr,
			    "pas de feuille de route pour MIN-A sur la période 2024");
	assert_int_equal(rm_export(f->s, "MIN-Z", "2024", &out, &f->err), -1);
	assert_non_null(strstr(f->err.msg.ptr, "organisation inconnue : « MIN-Z »"));
	assert_int_equal(out.len, 0);
	buf_free(&out);
}

static void import_directory(struct fixture *f)
{
	struct dir_import_stats ds;
	size_t len;
	char *orgs = ts_read_data("organisations.csv", &len);
	if (dir_import_orgs(f->s, "organisations.csv", orgs, len, &f->as.local, &ds, &f->d,
			    &f->err)) {
		ts_dump_diags(&f->d);
		fail_msg("dir_import_orgs: %s", f->err.msg.ptr);
	}
	free(orgs);
	f->min_a = ts_org_id(f->s, "MIN-A", &f->err);
}

static void test_export_import_export_same_bytes(void **state)
{
	struct fixture *f = *state;
	import_directory(f);
	size_t len;
	char *csv = ts_read_data("roadmaps/min-a-2022.csv", &len);
	if (import_as(f, &f->as.local, "MIN-A", "2022", csv, len, 0, 0)) {
		ts_dump_diags(&f->d);
		fail_msg("import: %s", f->err.msg.ptr);
	}
	assert_int_equal(f->st.created, 5);

	struct buf first = BUF_INIT, second = BUF_INIT;
	export_ok(f, "MIN-A", "2022", &first);
	assert_memory_equal(first.ptr, "\xEF\xBB\xBFRéférence;Titre;", 20);
	assert_non_null(strstr(first.ptr,
			       "\r\nA-03;Former les acheteurs au numérique responsable;;"
			       "Sensibilisation et formation;Expérimentation;À lancer;non;;;;"
			       "12000,00;;;;;\r\n"));
	assert_non_null(strstr(first.ptr, ";Âge moyen du parc;120,5;tCO2e;"
					  "Facteurs ADEME, 1 200 postes;"
					  "\"Commentaire avec \"\"guillemets\"\"\"\r\n"));
	assert_non_null(strstr(first.ptr, ";Réemploi, 300 postes;\r\n"));

	/* Re-importing the export changes nothing. */
	size_t audits = audit_count(f);
	if (import_as(f, &f->as.local, "MIN-A", "2022", first.ptr, first.len, 0, 0))
		fail_msg("re-import: %s", f->err.msg.ptr);
	STATS(f, 5, 0, 0, 5, 0, 0);
	assert_int_equal(audit_count(f), audits);

	/* Into another period, then exported again: the same bytes. */
	if (import_as(f, &f->as.local, "MIN-A", "2023-2025", first.ptr, first.len, 0, 0))
		fail_msg("import 2023-2025: %s", f->err.msg.ptr);
	assert_int_equal(f->st.created, 5);
	export_ok(f, "MIN-A", "2023-2025", &second);
	assert_int_equal(second.len, first.len);
	assert_memory_equal(second.ptr, first.ptr, first.len);
	free(csv);
	buf_free(&first);
	buf_free(&second);
}

static void test_directory_import(void **state)
{
	struct fixture *f = *state;
	struct dir_import_stats ds;
	size_t len;
	char *orgs = ts_read_data("organisations.csv", &len);
	char *people = ts_read_data("personnes.csv", &len);

	/* Only an admin imports people and organisations. */
	err_clear(&f->err);
	struct actor lect = { "lect@x.fr", 0, ROLE_LECTEUR, 1, 1 };
	assert_int_equal(
		dir_import_orgs(f->s, "o.csv", orgs, strlen(orgs), &lect, &ds, &f->d, &f->err), -1);
	assert_non_null(strstr(f->err.msg.ptr, "lect@x.fr n'a pas le droit d'importer"));

	assert_int_equal(dir_import_orgs(f->s, "o.csv", orgs, strlen(orgs), &f->as.local, &ds,
					 &f->d, &f->err),
			 0);
	assert_int_equal(ds.read, 7);
	assert_int_equal(ds.created, 7);
	assert_int_equal(audit_count(f), 7);
	struct audit_list al;
	assert_int_equal(store_audit_list(f->s, "MIN-A-DNUM", 0, &al, &f->err), 0);
	assert_int_equal(al.n, 1);
	assert_string_equal(al.items[0].entity, "org");
	assert_string_equal(al.items[0].after, "{\"Code\":\"MIN-A-DNUM\",\"Nom\":\"Direction du "
					       "numérique\",\"Type\":\"Direction\",\"Parent\":"
					       "\"MIN-A\"}");
	audit_list_free(&al);

	/* Again: unchanged, nothing written. */
	assert_int_equal(dir_import_orgs(f->s, "o.csv", orgs, strlen(orgs), &f->as.local, &ds,
					 &f->d, &f->err),
			 0);
	assert_int_equal(ds.created, 0);
	assert_int_equal(ds.unchanged, 7);
	assert_int_equal(audit_count(f), 7);

	/* A code stored with other values is an error; the file's new rows are not kept. */
	static const char conflict[] = "Code;Nom;Type;Parent\n"
				       "MIN-D;Ministère D;ministere;\n"
				       "MIN-A;Autre nom;ministere;\n"
				       "MIN-E;Ministère E;planète;\n";
	assert_int_equal(dir_import_orgs(f->s, "c.csv", conflict, strlen(conflict), &f->as.local,
					 &ds, &f->d, &f->err),
			 -1);
	assert_int_equal(f->d.errors, 2);
	assert_int_equal(f->d.items[0].line, 3);
	assert_non_null(strstr(f->d.items[0].msg, "l'organisation « MIN-A » existe déjà avec "
						  "d'autres valeurs"));
	assert_int_equal(f->d.items[1].line, 4);
	assert_non_null(strstr(f->d.items[1].msg, "type inconnu « planète »"));
	struct org o = { 0 };
	assert_int_equal(store_org_get(f->s, "MIN-D", &o, &f->err), 0);
	assert_int_equal(audit_count(f), 7);
	diags_free(&f->d);

	/* People. */
	assert_int_equal(dir_import_people(f->s, "p.csv", people, strlen(people), &f->as.local, &ds,
					   &f->d, &f->err),
			 0);
	assert_int_equal(ds.created, 5);
	struct person p;
	assert_int_equal(store_person_get(f->s, "referent@a.exemple.gouv.fr", &p, &f->err), 1);
	assert_int_equal(p.role, ROLE_REFERENT);
	assert_string_equal(p.org_code, "MIN-A");
	person_free(&p);
	assert_int_equal(audit_count(f), 12);

	static const char bad_people[] = "E-mail;Nom;Rôle;Organisation\n"
					 "nouveau@x.fr;Nouveau;lecteur;MIN-A\n"
					 "sans-arobase;X;lecteur;MIN-A\n"
					 "chef@x.fr;Chef;chef;MIN-A\n"
					 "perdu@x.fr;Perdu;lecteur;MIN-Z\n"
					 "vide@x.fr;;lecteur;MIN-A\n";
	assert_int_equal(dir_import_people(f->s, "bp.csv", bad_people, strlen(bad_people),
					   &f->as.local, &ds, &f->d, &f->err),
			 -1);
	assert_int_equal(f->d.errors, 4);
	assert_int_equal(f->d.items[0].line, 3);
	assert_non_null(strstr(f->d.items[0].msg, "adresse invalide « sans-arobase »"));
	assert_int_equal(f->d.items[1].line, 4);
	assert_non_null(strstr(f->d.items[1].msg, "rôle inconnu « chef »"));
	assert_int_equal(f->d.items[2].line, 5);
	assert_string_equal(f->d.items[2].field, "Organisation");
	assert_int_equal(f->d.items[3].line, 6);
	assert_string_equal(f->d.items[3].field, "Nom");
	assert_int_equal(store_person_get(f->s, "nouveau@x.fr", &p, &f->err), 0);
	assert_int_equal(audit_count(f), 12);
	free(orgs);
	free(people);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_first_import_creates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reimport_is_a_noop, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrected_file_updates_one_action, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_reordered_file_keeps_actions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_actions_kept_with_warning, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_remove_missing_deletes_and_audits, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_dry_run_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_with_errors_writes_nothing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_validated_roadmap_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_permissions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_org_period_and_direction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_unknown, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_import_export_same_bytes, setup_empty,
						teardown),
		cmocka_unit_test_setup_teardown(test_directory_import, setup_empty, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
