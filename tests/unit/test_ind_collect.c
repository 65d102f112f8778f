/* test_ind_collect.c: entering, importing and moving indicator values,
 * loading and editing the catalogue, with rights and audit
 * (src/indicators/ind_collect.h) against a temporary SQLite store. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/embedded.h"
#include "core/xalloc.h"
#include "indicators/ind_collect.h"
#include "store/store.h"
#include "store/store_ind.h"
#include "support.h"

#define NOW "2026-11-29T10:00:00Z"

struct fixture {
	struct ts_tmpdir tmp;
	struct store *s;
	struct err err;
	int64_t mission, min_a, dir_a, min_b;
	struct ts_actors as;
	struct ind_catalogue cat;
};

#define OK(call) TS_OK(&f->err, call)

#define CAT_HDR                                                                                      \
	"Code;Libellé;Définition;Unité;Thème;Nature;Consolidation;Pondération;Minimum;Maximum;" \
	"Sens;Cibles;Calcul;Source\n"

/* 0 postes (count), 1 part (share weighted by postes), 2 realisees (computed). */
static const char CAT[] = CAT_HDR
	"postes;Postes de travail;Postes en service;postes;usage;nombre;somme;;0;;hausse;;;"
	"Loi A\n"
	"part;Part réemployée;Part des équipements réemployés;%;fin_de_vie;part;"
	"moyenne_ponderee;postes;0;100;hausse;2023=25|2024=35;;AGEC\n"
	"realisees;Actions réalisées;Part des actions;%;strategie;part;moyenne;;0;100;hausse;"
	";part_actions_realisees;Programme\n";

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	setenv("NUMECO_NOW", NOW, 1);
	if (ts_store_setup(&f->tmp, &f->s, &f->err, "indcollect", NULL)) {
		free(f);
		return -1;
	}
	*state = f;
	ts_org_add(f->s, "MISSION", "Mission", ORG_MISSION, "", &f->mission, &f->err);
	ts_org_add(f->s, "MIN-A", "Ministère A", ORG_MINISTERE, "", &f->min_a, &f->err);
	ts_org_add(f->s, "MIN-A-DNUM", "Direction A", ORG_DIRECTION, "MIN-A", &f->dir_a, &f->err);
	ts_org_add(f->s, "MIN-B", "Ministère B", ORG_MINISTERE, "", &f->min_b, &f->err);
	ts_actors_init(&f->as, f->mission, f->min_a, f->dir_a, f->min_b);
	struct diags d = DIAGS_INIT;
	int added = 0, updated = 0;
	if (ind_catalogue_import(f->s, &f->as.admin, "cat.csv", CAT, strlen(CAT), &added, &updated,
				 &d, &f->err)) {
		ts_dump_diags(&d);
		fprintf(stderr, "catalogue: %s\n", f->err.msg.ptr);
		return -1;
	}
	diags_free(&d);
	if (added != 3 || store_ind_catalogue_load(f->s, &f->cat, &f->err))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	ind_catalogue_free(&f->cat);
	unsetenv("NUMECO_NOW");
	int rc = ts_store_teardown(&f->tmp, f->s, &f->err);
	free(f);
	return rc;
}

/* ind_set expected to store (or leave unchanged) without refusal. */
static int set_ok(struct fixture *f, const struct actor *a, const char *min, int year,
		  const char *code, const char *value, const char *comment)
{
	struct buf why = BUF_INIT;
	int changed = -1;
	int rc = ind_set(f->s, a, &f->cat, min, year, code, value, comment, "src", &changed, &why,
			 &f->err);
	if (rc != IND_SET_OK)
		fail_msg("ind_set %s %d %s = %s: rc %d, why « %s », err « %s »", min, year, code,
			 value, rc, why.ptr ? why.ptr : "", f->err.msg.ptr ? f->err.msg.ptr : "");
	assert_true(changed == 0 || changed == 1);
	buf_free(&why);
	return changed;
}

/* ind_set expected to refuse with a reason containing part. */
static void set_refused(struct fixture *f, const struct actor *a, const char *min, int year,
			const char *code, const char *value, const char *comment, const char *part)
{
	struct buf why = BUF_INIT;
	int changed = -1;
	size_t audits = ts_audit_count(f->s, &f->err);
	int rc = ind_set(f->s, a, &f->cat, min, year, code, value, comment, NULL, &changed, &why,
			 &f->err);
	if (rc != IND_SET_REFUSED)
		fail_msg("ind_set %s %d %s = %s: rc %d (want refused), err « %s »", min, year, code,
			 value, rc, f->err.msg.ptr ? f->err.msg.ptr : "");
	assert_int_equal(changed, 0);
	ts_assert_msg_has(why.ptr, part);
	assert_int_equal(ts_audit_count(f->s, &f->err), audits);
	buf_free(&why);
}

/* ind_set expected to fail (-1) with err containing part. */
static void set_error(struct fixture *f, const struct actor *a, const char *min, const char *code,
		      const char *part)
{
	struct buf why = BUF_INIT;
	int rc = ind_set(f->s, a, &f->cat, min, 2024, code, "10", NULL, NULL, NULL, &why, &f->err);
	assert_int_equal(rc, -1);
	ts_assert_msg_has(f->err.msg.ptr, part);
	err_clear(&f->err);
	buf_free(&why);
}

static int has_value(struct fixture *f, int64_t org, int year, const char *code, double *v)
{
	struct ind_value x;
	int found = store_ind_value_get(f->s, org, year, code, &x, &f->err);
	assert_true(found >= 0);
	if (found && v)
		*v = x.value;
	ind_value_free(&x);
	return found;
}

static void test_set(void **state)
{
	struct fixture *f = *state;
	const struct actor *ref = &f->as.ref_a;
	double v = 0;

	/* A computed indicator: entered where numeco lacks the data, refused
	 * once a roadmap of the year gives it. */
	set_ok(f, ref, "MIN-A", 2024, "realisees", "50", NULL);
	set_ok(f, ref, "MIN-A", 2024, "realisees", "", NULL);
	ts_action_add(f->s, ts_roadmap_add(f->s, f->min_a, "2024", &f->err), 0, "A-1",
		      STATUS_REALISEE, 0, &f->err);
	set_refused(f, ref, "MIN-A", 2024, "realisees", "50", NULL, "calculé par numeco pour 2024");
	set_refused(f, ref, "MIN-A", 2024, "part", "120", NULL, "supérieure au maximum");
	set_refused(f, ref, "MIN-A", 2024, "part", "-1", NULL, "inférieure au minimum");
	set_refused(f, ref, "MIN-A", 2024, "postes", "beaucoup", NULL, "beaucoup");
	set_refused(f, ref, "MIN-A", 2024, "nope", "1", NULL, "indicateur inconnu : « nope »");
	set_refused(f, ref, "MIN-A", 1990, "postes", "1", NULL, "année 1990");
	assert_int_equal(has_value(f, f->min_a, 2024, "part", NULL), 0);

	/* A first value, in French; then a jump asks for a comment. */
	assert_int_equal(set_ok(f, ref, "MIN-A", 2023, "postes", "1 000", NULL), 1);
	assert_int_equal(has_value(f, f->min_a, 2023, "postes", &v), 1);
	assert_true(v == 1000);
	set_refused(f, ref, "MIN-A", 2024, "postes", "3 500", "  ", "commentaire");
	assert_int_equal(has_value(f, f->min_a, 2024, "postes", NULL), 0);
	assert_int_equal(set_ok(f, ref, "MIN-A", 2024, "postes", "3 500,5", "fusion de services"),
			 1);
	struct ind_value x;
	assert_int_equal(store_ind_value_get(f->s, f->min_a, 2024, "postes", &x, &f->err), 1);
	assert_true(x.value == 3500.5);
	assert_string_equal(x.comment, "fusion de services");
	assert_string_equal(x.source, "src");
	assert_string_equal(x.updated_by, "ref@a.fr");
	ind_value_free(&x);
	/* Within ×3 needs no comment; the same again changes nothing. */
	assert_int_equal(set_ok(f, ref, "MIN-A", 2023, "part", "30", NULL), 1);
	size_t audits = ts_audit_count(f->s, &f->err);
	assert_int_equal(set_ok(f, ref, "MIN-A", 2023, "part", "30,0", NULL), 0);
	assert_int_equal(ts_audit_count(f->s, &f->err), audits);

	/* The audit entries. */
	struct audit_list l;
	OK(store_audit_list(f->s, "MIN-A/2024/postes", 0, &l, &f->err));
	assert_int_equal(l.n, 1);
	ts_assert_audit(&l.items[0], "indicateur", "MIN-A/2024/postes", "create", "ref@a.fr", NOW,
			"",
			"{\"Valeur\":\"3500,5\",\"Commentaire\":\"fusion de services\","
			"\"Source\":\"src\"}");
	audit_list_free(&l);

	/* A blank value removes it. */
	assert_int_equal(set_ok(f, ref, "MIN-A", 2023, "part", "", NULL), 1);
	assert_int_equal(has_value(f, f->min_a, 2023, "part", NULL), 0);
	assert_int_equal(set_ok(f, ref, "MIN-A", 2023, "part", "", NULL), 0);
	OK(store_audit_list(f->s, "MIN-A/2023/part", 0, &l, &f->err));
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].op, "delete");
	assert_string_equal(l.items[0].after, "");
	audit_list_free(&l);

	/* Rights: another ministry's référent, a correspondant, a lecteur. */
	set_error(f, &f->as.ref_b, "MIN-A", "postes", "ref@b.fr n'a pas le droit");
	set_error(f, &f->as.corr_a, "MIN-A", "postes", "corr@a.fr n'a pas le droit");
	set_error(f, &f->as.lect_a, "MIN-A", "postes", "lect@a.fr n'a pas le droit");
	set_error(f, ref, "NOPE", "postes", "ministère inconnu : « NOPE »");
	set_error(f, ref, "MIN-A-DNUM", "postes", "« MIN-A-DNUM » n'est pas un ministère");
	assert_int_equal(set_ok(f, &f->as.admin, "MIN-B", 2024, "postes", "12", NULL), 1);
	assert_int_equal(set_ok(f, &f->as.ref_b, "MIN-B", 2024, "postes", "13", NULL), 1);

	/* Only while the collection is brouillon. */
	OK(store_ind_state_set(f->s, f->min_a, 2024, IND_STATE_SOUMIS, "x", &f->err));
	set_refused(f, ref, "MIN-A", 2024, "postes", "3000", "x", "« Soumis »");
	set_refused(f, &f->as.admin, "MIN-A", 2024, "postes", "", NULL, "brouillon");
	assert_int_equal(has_value(f, f->min_a, 2024, "postes", &v), 1);
	assert_true(v == 3500.5);
}

static int move(struct fixture *f, const struct actor *a, int year, enum ind_state to,
		enum ind_state *from)
{
	return ind_move(f->s, a, "MIN-A", year, to, from, &f->err);
}

static void move_fails(struct fixture *f, const struct actor *a, int year, enum ind_state to,
		       const char *part)
{
	enum ind_state from;
	size_t audits = ts_audit_count(f->s, &f->err);
	assert_int_equal(move(f, a, year, to, &from), -1);
	ts_assert_msg_has(f->err.msg.ptr, part);
	err_clear(&f->err);
	assert_int_equal(ts_audit_count(f->s, &f->err), audits);
}

static enum ind_state state_of(struct fixture *f, int year)
{
	enum ind_state st;
	assert_true(store_ind_state_get(f->s, f->min_a, year, &st, NULL, NULL, &f->err) >= 0);
	return st;
}

static void test_move(void **state)
{
	struct fixture *f = *state;
	const struct actor *ref = &f->as.ref_a, *admin = &f->as.admin;
	enum ind_state from = IND_STATE_N;

	/* Nothing entered: nothing to submit. */
	move_fails(f, ref, 2024, IND_STATE_SOUMIS, "aucune valeur saisie pour MIN-A 2024");
	set_ok(f, ref, "MIN-A", 2024, "postes", "10", NULL);
	move_fails(f, &f->as.ref_b, 2024, IND_STATE_SOUMIS, "ref@b.fr n'a pas le droit");
	move_fails(f, &f->as.corr_a, 2024, IND_STATE_SOUMIS, "corr@a.fr n'a pas le droit");
	move_fails(f, ref, 2024, IND_STATE_VALIDE, "ne peut pas passer à « Validé »");

	OK(move(f, ref, 2024, IND_STATE_SOUMIS, &from));
	assert_int_equal(from, IND_STATE_BROUILLON);
	assert_int_equal(state_of(f, 2024), IND_STATE_SOUMIS);
	/* The référent never validates its own values. */
	move_fails(f, ref, 2024, IND_STATE_VALIDE, "ref@a.fr n'a pas le droit");
	/* It may withdraw, and submit again. */
	OK(move(f, ref, 2024, IND_STATE_BROUILLON, &from));
	assert_int_equal(from, IND_STATE_SOUMIS);
	OK(move(f, ref, 2024, IND_STATE_SOUMIS, NULL));
	OK(move(f, admin, 2024, IND_STATE_VALIDE, &from));
	assert_int_equal(from, IND_STATE_SOUMIS);
	assert_int_equal(state_of(f, 2024), IND_STATE_VALIDE);
	move_fails(f, ref, 2024, IND_STATE_BROUILLON, "ref@a.fr n'a pas le droit");
	move_fails(f, admin, 2024, IND_STATE_SOUMIS, "ne peut pas passer");
	/* Reopening belongs to the admin. */
	OK(move(f, admin, 2024, IND_STATE_BROUILLON, &from));
	assert_int_equal(from, IND_STATE_VALIDE);
	assert_int_equal(state_of(f, 2024), IND_STATE_BROUILLON);
	assert_int_equal(state_of(f, 2023), IND_STATE_BROUILLON);

	struct audit_list l;
	OK(store_audit_list(f->s, "MIN-A/2024", 0, &l, &f->err));
	/* 5 moves and the value (newest first). */
	assert_int_equal(l.n, 6);
	ts_assert_audit(&l.items[0], "indicateur", "MIN-A/2024", "state", "admin@m.fr", NOW,
			"{\"État\":\"Validé\"}", "{\"État\":\"Brouillon\"}");
	ts_assert_audit(&l.items[1], "indicateur", "MIN-A/2024", "state", "admin@m.fr", NOW,
			"{\"État\":\"Soumis\"}", "{\"État\":\"Validé\"}");
	audit_list_free(&l);
	move_fails(f, ref, 1999, IND_STATE_SOUMIS, "année 1999");
	assert_int_equal(ind_move(f->s, ref, "MIN-A-DNUM", 2024, IND_STATE_SOUMIS, NULL, &f->err),
			 -1);
	ts_assert_msg_has(f->err.msg.ptr, "n'est pas un ministère");
	err_clear(&f->err);
}

#define VAL_HDR "Ministère;Année;Indicateur;Valeur;Commentaire;Source\n"

/* A digest of every stored value and the audit size, to see that a failed
 * import wrote nothing. */
static void dump(struct fixture *f, struct buf *out)
{
	struct ind_value_list l;
	buf_reset(out);
	OK(store_ind_value_list(f->s, 0, 0, &l, &f->err));
	for (size_t i = 0; i < l.n; i++)
		buf_addf(out, "%s/%d/%s=%.17g;%s;%s\n", l.items[i].org_code, l.items[i].year,
			 l.items[i].code, l.items[i].value, l.items[i].comment, l.items[i].source);
	buf_addf(out, "audit %zu\n", ts_audit_count(f->s, &f->err));
	ind_value_list_free(&l);
}

static int import(struct fixture *f, const struct actor *a, const char *csv,
		  struct ind_import_stats *st, struct diags *d)
{
	return ind_import(f->s, a, &f->cat, "v.csv", csv, strlen(csv), st, d, &f->err);
}

/* The formatted diagnostics, one per line. */
static void diags_text(const struct diags *d, struct buf *out)
{
	buf_reset(out);
	for (size_t i = 0; i < d->n; i++) {
		diags_format(&d->items[i], out);
		buf_addc(out, '\n');
	}
}

static void test_import_errors(void **state)
{
	struct fixture *f = *state;
	struct ind_import_stats st;
	struct diags d = DIAGS_INIT;
	struct buf before = BUF_INIT, after = BUF_INIT, text = BUF_INIT;

	set_ok(f, &f->as.admin, "MIN-A", 2023, "postes", "100", NULL);
	set_ok(f, &f->as.admin, "MIN-A", 2022, "part", "20", NULL);
	/* A roadmap of 2022: numeco computes "realisees" for that year. */
	ts_action_add(f->s, ts_roadmap_add(f->s, f->min_a, "2022", &f->err), 0, "A-1",
		      STATUS_EN_COURS, 0, &f->err);
	set_ok(f, &f->as.admin, "MIN-A", 2021, "postes", "5", NULL);
	OK(store_ind_state_set(f->s, f->min_a, 2021, IND_STATE_VALIDE, "x", &f->err));
	dump(f, &before);

	const char *csv = VAL_HDR "MIN-A;2024;postes;120;;\n"	 /* 2: fine */
				  "NOPE;2024;postes;1;;\n"	 /* 3 */
				  "MIN-A-DNUM;2024;postes;1;;\n" /* 4 */
				  "MIN-B;2024;postes;1;;\n"	 /* 5: no right */
				  "MIN-A;2024;inconnu;1;;\n"	 /* 6 */
				  "MIN-A;2022;realisees;50;;\n"	 /* 7: computed */
				  "MIN-A;2024;part;150;;\n"	 /* 8: range */
				  "MIN-A;2023;part;90;;\n"	 /* 9: jump from 20 */
				  "MIN-A;2024;postes;130;;\n"	 /* 10: twice */
				  "MIN-A;2021;postes;6;;\n"	 /* 11: validé */
				  "MIN-A;2023;part;;;\n"	 /* 12: twice (blank) */
				  "MIN-A;2022;postes;9;ok;\n";	 /* 13: fine */
	assert_int_equal(import(f, &f->as.ref_a, csv, &st, &d), -1);
	diags_text(&d, &text);
	const char *want[] = {
		"v.csv:3: Ministère: ministère inconnu : « NOPE »",
		"v.csv:4: Ministère: « MIN-A-DNUM » n'est pas un ministère",
		"v.csv:5: Ministère: ref@a.fr n'a pas le droit de saisir les indicateurs de MIN-B",
		"v.csv:6: Indicateur: indicateur inconnu : « inconnu »",
		"v.csv:7: Indicateur: l'indicateur « realisees » est calculé par numeco",
		"v.csv:8: Valeur: valeur 150 % supérieure au maximum 100 %",
		"v.csv:9: Valeur: valeur 90 % plus de 3 fois plus grande",
		"v.csv:10: Indicateur: ligne en double : MIN-A 2024 postes déjà donné à la ligne 2",
		"v.csv:11: Année: la collecte MIN-A 2021 est « Validé »",
		"v.csv:12: Indicateur: ligne en double : MIN-A 2023 part déjà donné à la ligne 9",
	};
	size_t n = sizeof(want) / sizeof(*want);
	if (d.n != n) {
		fprintf(stderr, "%s", text.ptr);
		fail_msg("%zu diagnostics, want %zu", d.n, n);
	}
	for (size_t i = 0; i < n; i++) {
		buf_reset(&after);
		diags_format(&d.items[i], &after);
		ts_assert_msg_has(after.ptr, want[i]);
	}
	assert_int_equal(d.errors, n);
	/* Nothing was written, not even the good lines. */
	dump(f, &after);
	assert_string_equal(after.ptr, before.ptr);
	assert_int_equal(st.set, 0);
	diags_free(&d);

	/* A syntax error stops before the store is read. */
	memset(&d, 0, sizeof(d));
	assert_int_equal(import(f, &f->as.ref_a, VAL_HDR "MIN-A;20x4;postes;1;;\n", &st, &d), -1);
	assert_true(d.errors >= 1);
	assert_int_equal(d.items[0].line, 2);
	dump(f, &after);
	assert_string_equal(after.ptr, before.ptr);
	diags_free(&d);
	buf_free(&before);
	buf_free(&after);
	buf_free(&text);
}

static void test_import(void **state)
{
	struct fixture *f = *state;
	struct ind_import_stats st;
	struct diags d = DIAGS_INIT;
	double v;

	/* Stored: 2022 postes 100; the file changes 2022 to 900 and gives
	 * 2023 = 1000: the jump is checked against the file's 2022. */
	set_ok(f, &f->as.admin, "MIN-A", 2022, "postes", "100", NULL);
	set_ok(f, &f->as.admin, "MIN-A", 2022, "part", "20", NULL);
	set_ok(f, &f->as.admin, "MIN-B", 2022, "postes", "7", NULL);
	const char *csv = "Ministère;Année;Indicateur;Valeur;Commentaire;Source;Origine\n"
			  "MIN-A;2023;postes;1 000;;inventaire;\n"
			  "MIN-A;2022;postes;900;;;saisie\n"
			  "MIN-A;2022;part;20;;src;\n"		 /* unchanged */
			  "MIN-A;2023;realisees;40;;;calculée\n" /* an export's line */
			  "MIN-A;2023;part;;;;\n";		 /* nothing to remove */
	if (import(f, &f->as.ref_a, csv, &st, &d)) {
		ts_dump_diags(&d);
		fail_msg("import: %s", f->err.msg.ptr ? f->err.msg.ptr : "");
	}
	assert_int_equal(d.n, 0);
	assert_int_equal(st.read, 5);
	assert_int_equal(st.set, 2);
	assert_int_equal(st.unchanged, 2);
	assert_int_equal(st.removed, 0);
	assert_int_equal(has_value(f, f->min_a, 2023, "postes", &v), 1);
	assert_true(v == 1000);
	assert_int_equal(has_value(f, f->min_a, 2022, "postes", &v), 1);
	assert_true(v == 900);
	assert_int_equal(has_value(f, f->min_a, 2023, "realisees", NULL), 0);
	struct audit_list l;
	OK(store_audit_list(f->s, "MIN-A/2023/postes", 0, &l, &f->err));
	assert_int_equal(l.n, 1);
	ts_assert_audit(&l.items[0], "indicateur", "MIN-A/2023/postes", "create", "ref@a.fr", NOW,
			"", "{\"Valeur\":\"1000\",\"Commentaire\":\"\",\"Source\":\"inventaire\"}");
	audit_list_free(&l);

	/* Jumps: from the stored 2023 to the file's 2024, from the file's
	 * 2024 to its 2025; 2026 equals 2025. */
	const char *jump = VAL_HDR "MIN-A;2024;postes;100;;\n"
				   "MIN-A;2025;postes;1000;;\n"
				   "MIN-A;2026;postes;1000;;\n";
	assert_int_equal(import(f, &f->as.ref_a, jump, &st, &d), -1);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.items[0].line, 2); /* 100 after the stored 1000 */
	assert_int_equal(d.items[1].line, 3); /* 1000 after the file's 100 */
	diags_free(&d);

	/* Once the collection has moved on, a line equal to what is stored (a
	 * re-imported export) is accepted and changes nothing; a different
	 * one is refused. */
	OK(ind_move(f->s, &f->as.ref_a, "MIN-A", 2022, IND_STATE_SOUMIS, NULL, &f->err));
	const char *again = VAL_HDR "MIN-A;2022;postes;900;;\n"
				    "MIN-A;2022;part;20;;src\n";
	OK(import(f, &f->as.ref_a, again, &st, &d));
	assert_int_equal(st.unchanged, 2);
	assert_int_equal(d.n, 0);
	const char *changed = VAL_HDR "MIN-A;2022;postes;900;;\n"
				      "MIN-A;2022;part;21;;src\n";
	assert_int_equal(import(f, &f->as.ref_a, changed, &st, &d), -1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 3);
	ts_assert_msg_has(d.items[0].msg, "« Soumis »");
	diags_free(&d);
	memset(&d, 0, sizeof(d));

	/* A stored value that became a jump when the year before was entered
	 * later: re-importing it unchanged is accepted, changing it is not. */
	set_ok(f, &f->as.admin, "MIN-B", 2030, "postes", "900", NULL);
	set_ok(f, &f->as.admin, "MIN-B", 2029, "postes", "100", NULL);
	OK(import(f, &f->as.admin, VAL_HDR "MIN-B;2030;postes;900;;src\n", &st, &d));
	assert_int_equal(st.unchanged, 1);
	assert_int_equal(import(f, &f->as.admin, VAL_HDR "MIN-B;2030;postes;901;;src\n", &st, &d),
			 -1);
	assert_int_equal(d.n, 1);
	ts_assert_msg_has(d.items[0].msg, "plus de 3 fois");
	diags_free(&d);
	memset(&d, 0, sizeof(d));

	/* Removing, with the admin on another ministry. */
	memset(&d, 0, sizeof(d));
	OK(import(f, &f->as.admin, VAL_HDR "MIN-B;2022;postes;;;\n", &st, &d));
	assert_int_equal(st.removed, 1);
	assert_int_equal(has_value(f, f->min_b, 2022, "postes", NULL), 0);
	diags_free(&d);
}

static void test_catalogue(void **state)
{
	struct fixture *f = *state;
	struct diags d = DIAGS_INIT;
	struct buf why = BUF_INIT;
	int added = -1, updated = -1;

	/* Only the admin. */
	assert_int_equal(ind_catalogue_import(f->s, &f->as.ref_a, "c.csv", CAT, strlen(CAT), &added,
					      &updated, &d, &f->err),
			 -1);
	ts_assert_msg_has(f->err.msg.ptr, "ref@a.fr n'a pas le droit");
	err_clear(&f->err);
	assert_int_equal(d.n, 0);

	/* A faulty file writes nothing. */
	size_t audits = ts_audit_count(f->s, &f->err);
	const char *bad = CAT_HDR "x;X;;u;usage;nombre;somme;;5;1;hausse;;;\n";
	assert_int_equal(ind_catalogue_import(f->s, &f->as.admin, "c.csv", bad, strlen(bad), &added,
					      &updated, &d, &f->err),
			 -1);
	assert_true(d.errors >= 1);
	assert_int_equal(ts_audit_count(f->s, &f->err), audits);
	diags_free(&d);

	/* The same catalogue: nothing changes; one changed line: one update. */
	OK(ind_catalogue_import(f->s, &f->as.admin, "c.csv", CAT, strlen(CAT), &added, &updated, &d,
				&f->err));
	assert_int_equal(added, 0);
	assert_int_equal(updated, 0);
	assert_int_equal(ts_audit_count(f->s, &f->err), audits);
	const char *cat2 = CAT_HDR "postes;Postes de travail en service;Postes en service;postes;"
				   "usage;nombre;somme;;0;;hausse;;;Loi A\n";
	OK(ind_catalogue_import(f->s, &f->as.admin, "c.csv", cat2, strlen(cat2), &added, &updated,
				&d, &f->err));
	assert_int_equal(added, 0);
	assert_int_equal(updated, 1);
	struct audit_list l;
	OK(store_audit_list(f->s, "catalogue/postes", 0, &l, &f->err));
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].op, "update");
	ts_assert_msg_has(l.items[0].before, "\"Libellé\":\"Postes de travail\"");
	ts_assert_msg_has(l.items[0].after, "\"Libellé\":\"Postes de travail en service\"");
	assert_string_equal(l.items[1].op, "create");
	audit_list_free(&l);

	/* Editing one definition. */
	struct ind_def def;
	ind_def_copy(&def, &f->cat.items[1]); /* part */
	assert_int_equal(ind_def_edit(f->s, &f->as.ref_a, &def, &why, &f->err), -1);
	ts_assert_msg_has(f->err.msg.ptr, "n'a pas le droit");
	err_clear(&f->err);
	def.min = 50;
	def.max = 10;
	assert_int_equal(ind_def_edit(f->s, &f->as.admin, &def, &why, &f->err), -1);
	assert_true(why.len > 0);
	def.min = 0;
	def.max = 100;
	free(def.weight_code);
	def.weight_code = xstrdup("absent");
	assert_int_equal(ind_def_edit(f->s, &f->as.admin, &def, &why, &f->err), -1);
	ts_assert_msg_has(why.ptr, "« absent »");
	free(def.weight_code);
	def.weight_code = xstrdup("postes");
	free(def.label);
	def.label = xstrdup("Part réemployée (cible 2025)");
	OK(ind_def_edit(f->s, &f->as.admin, &def, &why, &f->err));
	assert_int_equal(why.len, 0);
	struct ind_catalogue c;
	OK(store_ind_catalogue_load(f->s, &c, &f->err));
	/* (the import of cat2 put postes last) */
	assert_string_equal(c.items[ind_catalogue_find(&c, "part")].label,
			    "Part réemployée (cible 2025)");
	ind_catalogue_free(&c);
	OK(store_audit_list(f->s, "catalogue/part", 0, &l, &f->err));
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].op, "update");
	audit_list_free(&l);
	ind_def_free(&def);

	/* postes weights part: it cannot become weighted itself. */
	ind_def_copy(&def, &f->cat.items[0]);
	def.kind = IND_KIND_NUMBER;
	def.rule = IND_RULE_WMEAN;
	free(def.weight_code);
	def.weight_code = xstrdup("part");
	assert_int_equal(ind_def_edit(f->s, &f->as.admin, &def, &why, &f->err), -1);
	ts_assert_msg_has(why.ptr, "sert de pondération à « part »");
	ind_def_free(&def);
	buf_free(&why);
	diags_free(&d);
}

static void test_install_default(void **state)
{
	struct fixture *f = *state;
	struct ts_tmpdir tmp;
	struct store *s;
	struct err err = ERR_INIT;
	int added = -1;
	/* The fixture's store has a catalogue already: nothing to install. */
	OK(ind_catalogue_install_default(f->s, &f->as.local, &added, &f->err));
	assert_int_equal(added, 0);

	assert_int_equal(ts_store_setup(&tmp, &s, &err, "inddefault", NULL), 0);
	TS_OK(&err, ind_catalogue_install_default(s, &f->as.local, &added, &err));
	struct ind_catalogue shipped, c;
	struct diags d = DIAGS_INIT;
	const struct embedded_file *e = &embedded_indicator_catalogue[0];
	assert_non_null(e->name);
	assert_int_equal(ind_catalogue_parse(e->name, e->data, e->len, &shipped, &d), 0);
	assert_true(shipped.n >= 15 && shipped.n <= 25);
	assert_int_equal(added, (int)shipped.n);
	TS_OK(&err, store_ind_catalogue_load(s, &c, &err));
	assert_int_equal(c.n, shipped.n);
	for (size_t i = 0; i < c.n; i++)
		assert_string_equal(c.items[i].code, shipped.items[i].code);
	assert_int_equal(ts_audit_count(s, &err), shipped.n);
	TS_OK(&err, ind_catalogue_install_default(s, &f->as.local, &added, &err));
	assert_int_equal(added, 0);
	ind_catalogue_free(&c);
	ind_catalogue_free(&shipped);
	diags_free(&d);
	assert_int_equal(ts_store_teardown(&tmp, s, &err), 0);
}

static void test_load(void **state)
{
	struct fixture *f = *state;
	struct ind_catalogue cat;
	struct ind_table t;

	int64_t r = 0;
	OK(store_roadmap_create(f->s, f->min_a, "2022", &r, &f->err));
	const char *refs[] = { "A-1", "A-2", "A-3", "A-4" };
	for (int i = 0; i < 4; i++) {
		struct action a;
		action_init(&a);
		ts_set(&a.ref, refs[i]);
		ts_set(&a.title, refs[i]);
		a.status = i == 0 ? STATUS_REALISEE : STATUS_EN_COURS;
		OK(store_action_insert(f->s, r, i, &a, &f->err));
		action_free(&a);
	}
	set_ok(f, &f->as.admin, "MIN-A", 2022, "postes", "40", NULL);
	set_ok(f, &f->as.admin, "MIN-B", 2022, "postes", "60", NULL);
	OK(ind_move(f->s, &f->as.admin, "MIN-B", 2022, IND_STATE_SOUMIS, NULL, &f->err));

	OK(ind_load(f->s, 2022, 2023, 0, &cat, &t, &f->err));
	assert_int_equal(cat.n, 3);
	assert_int_equal(t.norg, 2);
	size_t at = ind_table_at(&t, 0, 2, 2022);
	assert_int_equal(t.flags[at], IND_CELL_SET | IND_CELL_COMPUTED | IND_CELL_COUNTS);
	assert_true(t.value[at] == 25);
	assert_int_equal(t.flags[ind_table_at(&t, 1, 2, 2022)], 0);
	assert_int_equal(t.flags[ind_table_at(&t, 0, 2, 2023)], 0);
	assert_int_equal(t.flags[ind_table_at(&t, 0, 0, 2022)], IND_CELL_SET);
	assert_int_equal(t.flags[ind_table_at(&t, 1, 0, 2022)], IND_CELL_SET | IND_CELL_COUNTS);
	struct ind_result res;
	ind_table_consolidate(&t, 0, 2022, &res);
	assert_int_equal(res.has_value, 1);
	assert_true(res.value == 60);
	assert_int_equal(res.expected, 2);
	assert_int_equal(res.counted, 1);
	ind_table_free(&t);
	ind_catalogue_free(&cat);

	/* One ministry. */
	OK(ind_load(f->s, 2022, 2022, f->min_b, &cat, &t, &f->err));
	assert_int_equal(t.norg, 1);
	assert_string_equal(t.org_code[0], "MIN-B");
	ind_table_free(&t);
	ind_catalogue_free(&cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_set, setup, teardown),
		cmocka_unit_test_setup_teardown(test_move, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_catalogue, setup, teardown),
		cmocka_unit_test_setup_teardown(test_install_default, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
