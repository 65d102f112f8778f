/* test_roadmap_csv.c: the roadmap template (src/plan/roadmap_csv.c): columns by
 * header and alias, every validation rule, located diagnostics, writing and
 * reading back. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/model.h"
#include "plan/roadmap_csv.h"
#include "support.h"

/* The 16 columns as exported, in order. */
static const char *const headers[16] = {
	"Référence",
	"Titre",
	"Description",
	"Thème",
	"Niveau d'engagement visé",
	"Statut",
	"Action clé",
	"Direction pilote",
	"Date de début",
	"Échéance",
	"Budget (€)",
	"Indicateur",
	"Impact évité estimé",
	"Unité de l'impact",
	"Méthode d'estimation",
	"Commentaire",
};

#define HDR                                                                                          \
	"Référence;Titre;Description;Thème;Niveau d'engagement visé;Statut;Action clé;"         \
	"Direction pilote;Date de début;Échéance;Budget (€);Indicateur;Impact évité estimé;" \
	"Unité de l'impact;Méthode d'estimation;Commentaire\n"

/* A row with every column filled, in the order of headers[]: the action
 * ts_action_full builds. */
static const char *const full_row[16] = {
	"A-01", "Un titre",   "Une description", "achats",	   "realisation", "en_cours",
	"oui",	"MIN-A-DNUM", "01/02/2022",	 "2022-12-31",	   "1 234,50",	  "Un indicateur",
	"12,5", "tCO2e",      "Une méthode",	 "Un commentaire",
};

static const struct rm_direction dirs[] = {
	{ "MIN-A-DNUM", "Direction du numérique" },
	{ "MIN-A-SG", "Secrétariat général" },
};

struct res {
	struct rm_parsed p;
	struct diags d;
	int rc;
};

static void parse_dirs(struct res *r, const char *csv, const struct rm_direction *ds, size_t nd)
{
	memset(r, 0, sizeof(*r));
	r->rc = rm_parse("t.csv", csv, strlen(csv), ds, nd, &r->p, &r->d);
}

static void parse(struct res *r, const char *csv)
{
	parse_dirs(r, csv, dirs, 2);
}

static void res_free(struct res *r)
{
	rm_parsed_free(&r->p);
	diags_free(&r->d);
}

/* Number of diagnostics of that level, line and field whose message holds sub. */
static size_t count_diag(const struct diags *d, enum diag_level level, long line, const char *field,
			 const char *sub)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *x = &d->items[i];
		if (x->level == level && x->line == line && strcmp(x->field, field) == 0 &&
		    strstr(x->msg, sub))
			n++;
	}
	return n;
}

#define EXPECT_DIAG(r, level, line, field, sub)                                         \
	do {                                                                            \
		if (count_diag(&(r)->d, (level), (line), (field), (sub)) != 1) {        \
			ts_dump_diags(&(r)->d);                                         \
			fail_msg("expected one diag line %ld field \"%s\" with \"%s\"", \
				 (long)(line), (field), (sub));                         \
		}                                                                       \
	} while (0)

#define EXPECT_OK(r)                                                                          \
	do {                                                                                  \
		if ((r)->rc != 0 || (r)->d.errors != 0) {                                     \
			ts_dump_diags(&(r)->d);                                               \
			fail_msg("parse failed (rc %d, %zu errors)", (r)->rc, (r)->d.errors); \
		}                                                                             \
	} while (0)

/* Parses a file with the required columns plus column col holding value
 * (raw CSV text: quote it yourself if needed). */
#define MINI_HDR "Référence;Titre;Thème;Niveau;Statut"
#define MINI_ROW "R1;T;achats;reflexion;en_cours"

static void parse_one(struct res *r, const char *col, const char *value)
{
	struct buf csv = BUF_INIT;
	buf_addf(&csv, "%s;%s\n%s;%s\n", MINI_HDR, col, MINI_ROW, value);
	parse(r, csv.ptr);
	buf_free(&csv);
}

/* value must be accepted; the parsed action is left in r->p.items[0]. */
static void ok_one(struct res *r, const char *col, const char *value)
{
	parse_one(r, col, value);
	if (r->rc != 0 || r->d.errors || r->p.n != 1) {
		ts_dump_diags(&r->d);
		fail_msg("%s = \"%s\" refused", col, value);
	}
}

/* value must be refused with exactly one error, on line 2, column field. */
static void bad_one(const char *col, const char *value, const char *field, const char *sub)
{
	struct res r;
	parse_one(&r, col, value);
	if (r.rc != -1 || r.d.errors != 1 || r.p.n != 0 ||
	    count_diag(&r.d, DIAG_ERROR, 2, field, sub) != 1) {
		ts_dump_diags(&r.d);
		fail_msg("%s = \"%s\": expected one error \"%s\" (rc %d, %zu errors)", col, value,
			 sub, r.rc, r.d.errors);
	}
	res_free(&r);
}

/* Builds a file from a header array and full_row in the order of perm. */
static void build(struct buf *csv, const char *const *hdr, const int *order)
{
	for (int i = 0; i < 16; i++)
		buf_addf(csv, "%s%s", i ? ";" : "", hdr[order[i]]);
	buf_addc(csv, '\n');
	for (int i = 0; i < 16; i++)
		buf_addf(csv, "%s%s", i ? ";" : "", full_row[order[i]]);
	buf_addc(csv, '\n');
}

static const int natural[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

static void expect_full(const char *csv)
{
	struct res r;
	struct action want;
	ts_action_full(&want);
	parse(&r, csv);
	EXPECT_OK(&r);
	assert_int_equal(r.d.n, 0);
	assert_int_equal(r.p.n, 1);
	assert_int_equal(r.p.lines[0], 2);
	const struct action *a = &r.p.items[0];
	assert_string_equal(a->ref, "A-01");
	assert_string_equal(a->title, "Un titre");
	assert_string_equal(a->description, "Une description");
	assert_int_equal(a->theme, THEME_ACHATS);
	assert_int_equal(a->level, LEVEL_REALISATION);
	assert_int_equal(a->status, STATUS_EN_COURS);
	assert_int_equal(a->key, 1);
	assert_string_equal(a->direction, "MIN-A-DNUM");
	assert_string_equal(a->start_date, "2022-02-01");
	assert_string_equal(a->due_date, "2022-12-31");
	assert_int_equal(a->has_budget, 1);
	assert_int_equal(a->budget_cents, 123450);
	assert_string_equal(a->indicator, "Un indicateur");
	assert_int_equal(a->has_impact, 1);
	assert_true(a->impact_value == 12.5);
	assert_int_equal(a->impact_unit, IUNIT_TCO2E);
	assert_string_equal(a->impact_method, "Une méthode");
	assert_string_equal(a->comment, "Un commentaire");
	assert_true(action_equal(a, &want));
	action_free(&want);
	res_free(&r);
}

static void test_every_column_by_header(void **state)
{
	(void)state;
	struct buf csv = BUF_INIT;
	build(&csv, headers, natural);
	expect_full(csv.ptr);
	buf_free(&csv);
}

static void test_every_alias(void **state)
{
	(void)state;
	/* Aliases from docs/formats/roadmap.md, plus folded spellings of headers. */
	static const char *const aliases[16][8] = {
		{ "Ref", "Réf", "Identifiant", "Code", "RÉFÉRENCE", "reference", NULL },
		{ "Intitulé", "Action", "TITRE", "intitule", NULL },
		{ "DESCRIPTION", " description ", NULL },
		{ "Thématique", "Axe", "theme", "THÈME", NULL },
		{ "Niveau d'engagement", "Niveau", "Engagement", "NIVEAU ENGAGEMENT VISE",
		  "niveau_engagement_vise", "Niveau d’engagement visé", NULL },
		{ "État", "Avancement", "etat", NULL },
		{ "Action clef", "Clé", "action_cle", "ACTION CLÉ", NULL },
		{ "Direction", "Direction porteuse", "Pilote", "direction-pilote", NULL },
		{ "Début", "date de debut", "DATE_DE_DEBUT", NULL },
		{ "Date de fin", "Fin", "Date d'échéance", "echeance", NULL },
		{ "Budget", "Budget en euros", "budget €", "BUDGET", NULL },
		{ "Indicateur de suivi", "indicateur", NULL },
		{ "Impact évité", "Gain estimé", "impact evite estime", NULL },
		{ "Unité", "unite de l impact", NULL },
		{ "Méthode", "methode d'estimation", NULL },
		{ "Commentaires", "Observations", "commentaire", NULL },
	};
	for (int c = 0; c < 16; c++) {
		for (int j = 0; aliases[c][j]; j++) {
			const char *hdr[16];
			struct buf csv = BUF_INIT;
			memcpy(hdr, headers, sizeof(hdr));
			hdr[c] = aliases[c][j];
			build(&csv, hdr, natural);
			expect_full(csv.ptr);
			buf_free(&csv);
		}
	}
}

static void test_columns_in_another_order(void **state)
{
	(void)state;
	static const int reversed[16] = { 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 };
	static const int shuffled[16] = { 3, 12, 0, 7, 15, 1, 9, 5, 13, 2, 10, 4, 8, 14, 6, 11 };
	struct buf csv = BUF_INIT;
	build(&csv, headers, reversed);
	expect_full(csv.ptr);
	buf_reset(&csv);
	build(&csv, headers, shuffled);
	expect_full(csv.ptr);
	buf_free(&csv);
}

static void test_unknown_column_is_a_warning(void **state)
{
	(void)state;
	struct res r;
	parse(&r, "Référence;Priorité;Titre;Thème;Niveau;Statut\n"
		  "R1;haute;T;achats;reflexion;en_cours\n");
	EXPECT_OK(&r);
	assert_int_equal(r.d.n, 1);
	assert_int_equal(r.d.items[0].level, DIAG_WARNING);
	EXPECT_DIAG(&r, DIAG_WARNING, 1, "Priorité", "colonne inconnue, ignorée");
	assert_int_equal(r.p.n, 1);
	assert_string_equal(r.p.items[0].title, "T");
	res_free(&r);
}

static void test_missing_required_column(void **state)
{
	(void)state;
	static const int required[] = { 0, 1, 3, 4, 5 };
	for (size_t k = 0; k < sizeof(required) / sizeof(required[0]); k++) {
		struct buf csv = BUF_INIT;
		int first = 1;
		for (int c = 0; c < 16; c++) {
			if (c == required[k])
				continue;
			buf_addf(&csv, "%s%s", first ? "" : ";", headers[c]);
			first = 0;
		}
		buf_adds(&csv, "\nA;B;C;D;E;F;G;H;I;J;K;L;M;N;O\n");
		struct res r;
		parse(&r, csv.ptr);
		assert_int_equal(r.rc, -1);
		assert_int_equal(r.d.errors, 1);
		EXPECT_DIAG(&r, DIAG_ERROR, 1, headers[required[k]],
			    "colonne obligatoire absente de l'en-tête");
		assert_int_equal(r.p.n, 0);
		res_free(&r);
		buf_free(&csv);
	}
	/* Optional columns may all be absent. */
	struct res r;
	parse(&r, MINI_HDR "\n" MINI_ROW "\n");
	EXPECT_OK(&r);
	assert_int_equal(r.p.n, 1);
	assert_int_equal(r.p.items[0].key, 0);
	assert_int_equal(r.p.items[0].has_budget, 0);
	assert_int_equal(r.p.items[0].has_impact, 0);
	assert_string_equal(r.p.items[0].description, "");
	res_free(&r);
}

static void test_duplicate_column(void **state)
{
	(void)state;
	struct res r;
	parse(&r, "Référence;Titre;Thème;Intitulé;Niveau;Statut\n"
		  "R1;T;achats;T2;reflexion;en_cours\n");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 1);
	EXPECT_DIAG(&r, DIAG_ERROR, 1, "Titre", "colonne présente deux fois (colonnes 2 et 4)");
	assert_int_equal(r.p.n, 0);
	res_free(&r);
}

static void test_empty_and_header_only(void **state)
{
	(void)state;
	struct res r;
	parse(&r, "");
	assert_int_equal(r.rc, -1);
	EXPECT_DIAG(&r, DIAG_ERROR, 0, "", "fichier vide");
	res_free(&r);

	parse(&r, "\xEF\xBB\xBF" HDR);
	EXPECT_OK(&r);
	assert_int_equal(r.p.n, 0);
	res_free(&r);
}

/* Parses a file of the five required columns (MINI_HDR) with one row of these values. */
static void parse_row(struct res *r, const char *ref, const char *title, const char *theme,
		      const char *level, const char *status)
{
	struct buf csv = BUF_INIT;
	buf_addf(&csv, MINI_HDR "\n%s;%s;%s;%s;%s\n", ref, title, theme, level, status);
	parse(r, csv.ptr);
	buf_free(&csv);
}

/* Theme, level and status need a file where they are not in MINI_ROW. */
static void enum_file(struct res *r, const char *theme, const char *level, const char *status)
{
	parse_row(r, "R1", "T", theme, level, status);
}

static void test_theme_values(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		enum theme want;
	} ok[] = {
		{ "strategie", THEME_STRATEGIE },
		{ "Stratégie et gouvernance", THEME_STRATEGIE },
		{ "STRATÉGIE ET GOUVERNANCE", THEME_STRATEGIE },
		{ "strategie et gouvernance", THEME_STRATEGIE },
		{ "sensibilisation", THEME_SENSIBILISATION },
		{ "SENSIBILISATION", THEME_SENSIBILISATION },
		{ "Sensibilisation et formation", THEME_SENSIBILISATION },
		{ "achats", THEME_ACHATS },
		{ "Achats", THEME_ACHATS },
		{ "conception", THEME_CONCEPTION },
		{ "Conception de services numériques", THEME_CONCEPTION },
		{ "conception de services numeriques", THEME_CONCEPTION },
		{ "datacenter", THEME_DATACENTER },
		{ "Salles serveurs et centres de données", THEME_DATACENTER },
		{ "usage", THEME_USAGE },
		{ "Phase d'usage", THEME_USAGE },
		{ "phase d usage", THEME_USAGE },
		{ "fin_de_vie", THEME_FIN_DE_VIE },
		{ "Fin d'usage", THEME_FIN_DE_VIE },
		{ "FIN D'USAGE", THEME_FIN_DE_VIE },
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct res r;
		enum_file(&r, ok[i].in, "reflexion", "en_cours");
		EXPECT_OK(&r);
		assert_int_equal(r.p.n, 1);
		if (r.p.items[0].theme != ok[i].want)
			fail_msg("thème \"%s\" gave %d", ok[i].in, r.p.items[0].theme);
		res_free(&r);
	}
	static const char *const bad[] = { "Cloud", "achat s", "strat", "7" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct res r;
		struct buf want = BUF_INIT;
		buf_addf(&want,
			 "thème inconnu « %s » (attendu : strategie, sensibilisation, achats, "
			 "conception, datacenter, usage, fin_de_vie, ou leur libellé)",
			 bad[i]);
		enum_file(&r, bad[i], "reflexion", "en_cours");
		assert_int_equal(r.rc, -1);
		assert_int_equal(r.d.errors, 1);
		assert_string_equal(r.d.items[0].msg, want.ptr);
		EXPECT_DIAG(&r, DIAG_ERROR, 2, "Thème", "thème inconnu");
		res_free(&r);
		buf_free(&want);
	}
	struct res r;
	enum_file(&r, "  ", "reflexion", "en_cours");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 1);
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Thème", "valeur obligatoire manquante");
	res_free(&r);
}

static void test_level_and_status_values(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		enum level want;
	} levels[] = {
		{ "reflexion", LEVEL_REFLEXION },
		{ "Réflexion", LEVEL_REFLEXION },
		{ "RÉFLEXION", LEVEL_REFLEXION },
		{ "REFLEXION", LEVEL_REFLEXION },
		{ "experimentation", LEVEL_EXPERIMENTATION },
		{ "Expérimentation", LEVEL_EXPERIMENTATION },
		{ "realisation", LEVEL_REALISATION },
		{ "Réalisation", LEVEL_REALISATION },
		{ "Realisation", LEVEL_REALISATION },
	};
	for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		struct res r;
		enum_file(&r, "achats", levels[i].in, "en_cours");
		EXPECT_OK(&r);
		if (r.p.items[0].level != levels[i].want)
			fail_msg("niveau \"%s\" gave %d", levels[i].in, r.p.items[0].level);
		res_free(&r);
	}
	static const struct {
		const char *in;
		enum status want;
	} statuses[] = {
		{ "a_lancer", STATUS_A_LANCER },     { "À lancer", STATUS_A_LANCER },
		{ "à lancer", STATUS_A_LANCER },     { "A LANCER", STATUS_A_LANCER },
		{ "Non démarrée", STATUS_A_LANCER }, { "non demarree", STATUS_A_LANCER },
		{ "en_cours", STATUS_EN_COURS },     { "En cours", STATUS_EN_COURS },
		{ "EN COURS", STATUS_EN_COURS },     { "realisee", STATUS_REALISEE },
		{ "Réalisée", STATUS_REALISEE },     { "RÉALISÉE", STATUS_REALISEE },
		{ "reportee", STATUS_REPORTEE },     { "Reportée", STATUS_REPORTEE },
		{ "abandonnee", STATUS_ABANDONNEE }, { "Abandonnée", STATUS_ABANDONNEE },
	};
	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		struct res r;
		enum_file(&r, "achats", "reflexion", statuses[i].in);
		EXPECT_OK(&r);
		if (r.p.items[0].status != statuses[i].want)
			fail_msg("statut \"%s\" gave %d", statuses[i].in, r.p.items[0].status);
		res_free(&r);
	}

	struct res r;
	enum_file(&r, "achats", "niveau?", "en_cours");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 1);
	assert_string_equal(r.d.items[0].msg,
			    "niveau d'engagement inconnu « niveau? » (attendu : Réflexion, "
			    "Expérimentation ou Réalisation)");
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Niveau d'engagement visé", "niveau d'engagement inconnu");
	res_free(&r);

	enum_file(&r, "achats", "reflexion", "fini");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 1);
	assert_string_equal(r.d.items[0].msg,
			    "statut inconnu « fini » (attendu : À lancer, En cours, Réalisée, "
			    "Reportée ou Abandonnée)");
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Statut", "statut inconnu");
	res_free(&r);

	/* Empty required enumerations: one error each, on the same line. */
	enum_file(&r, "", "", "");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 3);
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Thème", "valeur obligatoire manquante");
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Niveau d'engagement visé", "valeur obligatoire manquante");
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Statut", "valeur obligatoire manquante");
	res_free(&r);
}

static void test_key_values(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		int want;
	} ok[] = {
		{ "oui", 1 }, { "OUI", 1 }, { "Oui", 1 },  { "o", 1 },	 { "x", 1 },
		{ "X", 1 },   { "1", 1 },   { "vrai", 1 }, { "non", 0 }, { "NON", 0 },
		{ "n", 0 },   { "0", 0 },   { "faux", 0 }, { "", 0 },	 { "  ", 0 },
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct res r;
		ok_one(&r, "Action clé", ok[i].in);
		if (r.p.items[0].key != ok[i].want)
			fail_msg("clé \"%s\" gave %d", ok[i].in, r.p.items[0].key);
		res_free(&r);
	}
	bad_one("Action clé", "peut-être", "Action clé", "réponse invalide « peut-être »");
	bad_one("Action clé", "2", "Action clé", "réponse invalide « 2 »");
}

static void test_direction_values(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want;
	} ok[] = {
		{ "MIN-A-DNUM", "MIN-A-DNUM" },
		{ "min-a-dnum", "MIN-A-DNUM" },
		{ "MIN A DNUM", "MIN-A-DNUM" },
		{ "Direction du numérique", "MIN-A-DNUM" },
		{ "DIRECTION DU NUMERIQUE", "MIN-A-DNUM" },
		{ "secretariat general", "MIN-A-SG" },
		{ "MIN-A-SG", "MIN-A-SG" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct res r;
		ok_one(&r, "Direction pilote", ok[i].in);
		assert_string_equal(r.p.items[0].direction, ok[i].want);
		res_free(&r);
	}
	struct res r;
	parse_one(&r, "Direction", "DSI");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 1);
	assert_string_equal(
		r.d.items[0].msg,
		"direction inconnue « DSI » (directions connues : MIN-A-DNUM, MIN-A-SG)");
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Direction pilote", "direction inconnue « DSI »");
	res_free(&r);

	/* An organisation without directions says so. */
	parse_dirs(&r, MINI_HDR ";Direction\n" MINI_ROW ";DSI\n", NULL, 0);
	assert_int_equal(r.rc, -1);
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Direction pilote",
		    "direction inconnue « DSI » (cette organisation n'a aucune direction");
	res_free(&r);
}

static void test_dates(void **state)
{
	(void)state;
	static const char *const forms[] = { "01/02/2022", "2022-02-01", "1/2/2022",
					     "01-02-2022", "20220201",	 " 01/02/2022 " };
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		struct res r;
		ok_one(&r, "Date de début", forms[i]);
		assert_string_equal(r.p.items[0].start_date, "2022-02-01");
		res_free(&r);
		ok_one(&r, "Échéance", forms[i]);
		assert_string_equal(r.p.items[0].due_date, "2022-02-01");
		res_free(&r);
	}
	bad_one("Date de début", "32/13/2022", "Date de début",
		"date invalide « 32/13/2022 » (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)");
	bad_one("Échéance", "29/02/2023", "Échéance", "date invalide « 29/02/2023 »");
	bad_one("Fin", "demain", "Échéance", "date invalide « demain »");

	/* Due date before start date: an error on the due date. */
	struct res r;
	parse(&r, MINI_HDR ";Début;Échéance\n" MINI_ROW ";01/03/2022;2022-02-28\n");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 1);
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Échéance",
		    "échéance « 2022-02-28 » antérieure à la date de début");
	res_free(&r);
	/* Same day is fine, and so is a due date alone. */
	parse(&r, MINI_HDR ";Début;Échéance\n" MINI_ROW ";01/03/2022;2022-03-01\n"
			   "R2;T;achats;reflexion;en_cours;;31/12/2021\n");
	EXPECT_OK(&r);
	assert_int_equal(r.p.n, 2);
	assert_string_equal(r.p.items[0].start_date, "2022-03-01");
	assert_string_equal(r.p.items[0].due_date, "2022-03-01");
	assert_string_equal(r.p.items[1].start_date, "");
	assert_string_equal(r.p.items[1].due_date, "2021-12-31");
	res_free(&r);
}

static void test_budget(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		int64_t cents;
	} ok[] = {
		{ "\"1 234,50\"", 123450 },
		{ "1234.5", 123450 },
		{ "12 000 €", 1200000 },
		{ "12000€", 1200000 },
		{ "0", 0 },
		{ "0,01", 1 },
		{ "1 000 000 000 000 000", INT64_C(100000000000000000) },
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct res r;
		ok_one(&r, "Budget (€)", ok[i].in);
		assert_int_equal(r.p.items[0].has_budget, 1);
		if (r.p.items[0].budget_cents != ok[i].cents)
			fail_msg("budget \"%s\" gave %lld", ok[i].in,
				 (long long)r.p.items[0].budget_cents);
		res_free(&r);
	}
	struct res r;
	ok_one(&r, "Budget", "");
	assert_int_equal(r.p.items[0].has_budget, 0);
	res_free(&r);

	bad_one("Budget", "-5", "Budget (€)", "budget négatif « -5 »");
	bad_one("Budget", "\"-1 234,50 €\"", "Budget (€)", "budget négatif « -1 234,50 € »");
	bad_one("Budget", "\"12,345\"", "Budget (€)", "pas plus de deux décimales");
	bad_one("Budget", "\"12,500\"", "Budget (€)", "pas plus de deux décimales");
	bad_one("Budget", "beaucoup", "Budget (€)", "montant invalide « beaucoup »");
}

static void test_impact(void **state)
{
	(void)state;
	static const struct {
		const char *value, *unit;
		double want;
		enum iunit wunit;
	} ok[] = {
		{ "12,5", "kgCO2e", 12.5, IUNIT_KGCO2E },
		{ "12.5", "tCO2e", 12.5, IUNIT_TCO2E },
		{ "1,5e3", "t CO2e", 1500, IUNIT_TCO2E },
		{ "\"85 000\"", "kWh", 85000, IUNIT_KWH },
		{ "0", "KWH", 0, IUNIT_KWH },
		{ "3", "mwh", 3, IUNIT_MWH },
		{ "0,1", "TCO2E", 0.1, IUNIT_TCO2E },
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct res r;
		struct buf v = BUF_INIT;
		buf_addf(&v, "%s;%s", ok[i].value, ok[i].unit);
		ok_one(&r, "Impact évité estimé;Unité de l'impact", v.ptr);
		assert_int_equal(r.p.items[0].has_impact, 1);
		assert_true(r.p.items[0].impact_value == ok[i].want);
		assert_int_equal(r.p.items[0].impact_unit, ok[i].wunit);
		res_free(&r);
		buf_free(&v);
	}
	/* Impact without unit, unknown unit, negative value, not a number. */
	bad_one("Impact évité;Unité", "12;", "Unité de l'impact",
		"unité manquante pour l'impact évité (kgCO2e, tCO2e, kWh ou MWh)");
	bad_one("Impact évité", "12", "Unité de l'impact", "unité manquante");
	bad_one("Impact évité;Unité", "12;kg", "Unité de l'impact",
		"unité inconnue « kg » (attendu : kgCO2e, tCO2e, kWh ou MWh)");
	bad_one("Impact évité;Unité", "-3;kWh", "Impact évité estimé",
		"impact négatif « -3 » (un impact évité est positif)");
	bad_one("Impact évité;Unité", "beaucoup;kWh", "Impact évité estimé",
		"nombre invalide « beaucoup »");
	/* A unit alone is harmless when known, an error when not. */
	struct res r;
	ok_one(&r, "Unité", "kWh");
	assert_int_equal(r.p.items[0].has_impact, 0);
	res_free(&r);
	bad_one("Unité", "litres", "Unité de l'impact", "unité inconnue « litres »");
}

/* A string of n copies of the UTF-8 sequence s. */
static char *repeat(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		buf_adds(&b, s);
	return buf_detach(&b);
}

static const char *get_description(const struct action *a)
{
	return a->description;
}
static const char *get_indicator(const struct action *a)
{
	return a->indicator;
}
static const char *get_method(const struct action *a)
{
	return a->impact_method;
}
static const char *get_comment(const struct action *a)
{
	return a->comment;
}

static void check_length(const char *col, const char *field, size_t max,
			 const char *(*get)(const struct action *))
{
	struct res r;
	char *at_max = repeat("é", max), *over = repeat("é", max + 1);
	ok_one(&r, col, at_max);
	const char *got = get(&r.p.items[0]);
	assert_string_equal(got, at_max);
	assert_int_equal(strlen(got), 2 * max); /* bytes: the limit counts characters */
	res_free(&r);
	struct buf want = BUF_INIT;
	buf_addf(&want, "texte trop long (%zu caractères, au plus %zu)", max + 1, max);
	bad_one(col, over, field, want.ptr);
	buf_free(&want);
	free(at_max);
	free(over);
}

static void test_text_lengths_in_characters(void **state)
{
	(void)state;
	/* Titre: MINI_HDR has it; use a file without it here. */
	struct res r;
	char *t300 = repeat("é", 300), *t301 = repeat("é", 301);
	parse_row(&r, "R1", t300, "achats", "reflexion", "en_cours");
	EXPECT_OK(&r);
	assert_string_equal(r.p.items[0].title, t300);
	res_free(&r);
	parse_row(&r, "R1", t301, "achats", "reflexion", "en_cours");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 1);
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Titre", "texte trop long (301 caractères, au plus 300)");
	res_free(&r);

	/* Référence: 64 characters. */
	char *r64 = repeat("é", 64), *r65 = repeat("é", 65);
	parse_row(&r, r64, "T", "achats", "reflexion", "en_cours");
	EXPECT_OK(&r);
	assert_string_equal(r.p.items[0].ref, r64);
	res_free(&r);
	parse_row(&r, r65, "T", "achats", "reflexion", "en_cours");
	assert_int_equal(r.rc, -1);
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Référence", "texte trop long (65 caractères, au plus 64)");
	res_free(&r);

	check_length("Description", "Description", RM_MAX_TEXT, get_description);
	check_length("Indicateur", "Indicateur", RM_MAX_SHORT, get_indicator);
	check_length("Méthode", "Méthode d'estimation", RM_MAX_SHORT, get_method);
	check_length("Commentaire", "Commentaire", RM_MAX_TEXT, get_comment);

	free(t300);
	free(t301);
	free(r64);
	free(r65);
}

static void test_control_characters(void **state)
{
	(void)state;
	struct res r;
	/* One-line fields refuse control characters and line breaks. */
	parse(&r, "Référence;Titre;Thème;Niveau;Statut\n"
		  "R1;Un\x01titre;achats;reflexion;en_cours\n"
		  "R2;\"Deux\nlignes\";achats;reflexion;en_cours\n"
		  "R\x1b"
		  "3;T;achats;reflexion;en_cours\n");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 3);
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Titre", "caractère de contrôle ou saut de ligne interdit");
	EXPECT_DIAG(&r, DIAG_ERROR, 3, "Titre", "caractère de contrôle ou saut de ligne interdit");
	EXPECT_DIAG(&r, DIAG_ERROR, 5, "Référence",
		    "caractère de contrôle ou saut de ligne interdit");
	assert_int_equal(r.p.n, 0);
	res_free(&r);

	bad_one("Indicateur", "\"a\nb\"", "Indicateur", "saut de ligne interdit");

	/* Multi-line fields accept line breaks, not other control characters. */
	ok_one(&r, "Description", "\"ligne 1\nligne 2\r\n\nligne 4\"");
	assert_string_equal(r.p.items[0].description, "ligne 1\nligne 2\n\nligne 4");
	res_free(&r);
	ok_one(&r, "Commentaire", "\"a\nb\"");
	assert_string_equal(r.p.items[0].comment, "a\nb");
	res_free(&r);
	ok_one(&r, "Méthode", "\"a\nb\"");
	assert_string_equal(r.p.items[0].impact_method, "a\nb");
	res_free(&r);
	bad_one("Description",
		"a\x07"
		"b",
		"Description", "caractère de contrôle interdit");
	bad_one("Commentaire",
		"a\x7f\x01"
		"b",
		"Commentaire", "caractère de contrôle interdit");
}

static void test_required_values(void **state)
{
	(void)state;
	struct res r;
	parse(&r, "Référence;Titre;Thème;Niveau;Statut\n"
		  ";T;achats;reflexion;en_cours\n"
		  "R2;   ;achats;reflexion;en_cours\n");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 2);
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Référence", "valeur obligatoire manquante");
	EXPECT_DIAG(&r, DIAG_ERROR, 3, "Titre", "valeur obligatoire manquante");
	res_free(&r);
}

static void test_values_are_trimmed(void **state)
{
	(void)state;
	struct res r;
	parse(&r, "Référence;Titre;Thème;Niveau;Statut;Description\n"
		  "  R1 ;\t Titre  ; achats ; reflexion;en_cours ;\"  texte  \"\n");
	EXPECT_OK(&r);
	assert_string_equal(r.p.items[0].ref, "R1");
	assert_string_equal(r.p.items[0].title, "Titre");
	assert_string_equal(r.p.items[0].description, "texte");
	res_free(&r);
}

static void test_duplicate_references(void **state)
{
	(void)state;
	struct res r;
	parse(&r, "Référence;Titre;Thème;Niveau;Statut\n"
		  "D-1;un;achats;reflexion;en_cours\n"	    /* 2 */
		  "X;x;achats;reflexion;en_cours\n"	    /* 3 */
		  "D-2;a;achats;reflexion;en_cours\n"	    /* 4 */
		  "D-1;deux;usage;reflexion;en_cours\n"	    /* 5 */
		  "D-2;b;achats;reflexion;en_cours\n"	    /* 6 */
		  "d-1;autre;achats;reflexion;en_cours\n"   /* 7: case matters */
		  "D-1;trois;achats;reflexion;en_cours\n"); /* 8 */
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 3);
	EXPECT_DIAG(&r, DIAG_ERROR, 5, "Référence",
		    "référence « D-1 » en double (déjà utilisée ligne 2)");
	EXPECT_DIAG(&r, DIAG_ERROR, 8, "Référence",
		    "référence « D-1 » en double (déjà utilisée ligne 2)");
	EXPECT_DIAG(&r, DIAG_ERROR, 6, "Référence",
		    "référence « D-2 » en double (déjà utilisée ligne 4)");
	res_free(&r);

	/* A line with another error still counts: every faulty line in one run. */
	parse(&r, "Référence;Titre;Thème;Niveau;Statut\n"
		  "D-1;un;Cloud;reflexion;en_cours\n"
		  "D-1;deux;achats;reflexion;en_cours\n"
		  "D-1;trois;achats;niveau?;en_cours\n");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 4);
	EXPECT_DIAG(&r, DIAG_ERROR, 2, "Thème", "thème inconnu « Cloud »");
	EXPECT_DIAG(&r, DIAG_ERROR, 3, "Référence",
		    "référence « D-1 » en double (déjà utilisée ligne 2)");
	EXPECT_DIAG(&r, DIAG_ERROR, 4, "Niveau d'engagement visé", "niveau?");
	EXPECT_DIAG(&r, DIAG_ERROR, 4, "Référence",
		    "référence « D-1 » en double (déjà utilisée ligne 2)");
	assert_int_equal(r.p.n, 1);
	res_free(&r);

	/* "R 1" trimmed equals "R 1"; "R1 " trimmed equals "R1". */
	parse(&r, "Référence;Titre;Thème;Niveau;Statut\n"
		  "R1;un;achats;reflexion;en_cours\n"
		  " R1 ;deux;achats;reflexion;en_cours\n");
	assert_int_equal(r.rc, -1);
	EXPECT_DIAG(&r, DIAG_ERROR, 3, "Référence", "(déjà utilisée ligne 2)");
	res_free(&r);
}

static void test_every_faulty_line_reported(void **state)
{
	(void)state;
	struct res r;
	parse(&r, "Référence;Titre;Thème;Niveau;Statut;Budget;Début\n"
		  "R1;ok;achats;reflexion;en_cours;;\n"		 /* 2 */
		  "R2;t;Cloud;reflexion;en_cours;;\n"		 /* 3 */
		  "R3;t;achats;reflexion;en_cours;;32/13/2022\n" /* 4 */
		  "R4;ok;achats;reflexion;en_cours;10;\n"	 /* 5 */
		  "R5;;achats;niveau?;en_cours;-1;\n"		 /* 6: three errors */
		  "R6;ok;achats;reflexion;en_cours;;\n");	 /* 7 */
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 5);
	EXPECT_DIAG(&r, DIAG_ERROR, 3, "Thème", "thème inconnu « Cloud »");
	EXPECT_DIAG(&r, DIAG_ERROR, 4, "Date de début", "date invalide « 32/13/2022 »");
	EXPECT_DIAG(&r, DIAG_ERROR, 6, "Titre", "valeur obligatoire manquante");
	EXPECT_DIAG(&r, DIAG_ERROR, 6, "Niveau d'engagement visé", "inconnu « niveau? »");
	EXPECT_DIAG(&r, DIAG_ERROR, 6, "Budget (€)", "budget négatif « -1 »");
	/* The valid lines are kept (callers must not store them). */
	assert_int_equal(r.p.n, 3);
	assert_string_equal(r.p.items[0].ref, "R1");
	assert_string_equal(r.p.items[1].ref, "R4");
	assert_string_equal(r.p.items[2].ref, "R6");
	assert_int_equal(r.p.lines[1], 5);
	res_free(&r);
}

static void test_line_numbers_after_multiline_field(void **state)
{
	(void)state;
	struct res r;
	parse(&r, "Référence;Titre;Description;Thème;Niveau;Statut\r\n"
		  "R1;t;\"trois\r\nlignes\r\nici\";achats;reflexion;en_cours\r\n" /* 2-4 */
		  "R2;t;;Cloud;reflexion;en_cours\r\n"				  /* 5 */
		  "\r\n"							  /* 6 */
		  ";;;;;\r\n"							  /* 7 */
		  "R3;t;\"a\nb\";achats;reflexion;en_cours\r\n"			  /* 8-9 */
		  "R4;t;;achats;niveau?;en_cours\r\n"				  /* 10 */
		  "R5;t;;achats;reflexion;en_cours");				  /* 11 */
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 2);
	EXPECT_DIAG(&r, DIAG_ERROR, 5, "Thème", "Cloud");
	EXPECT_DIAG(&r, DIAG_ERROR, 10, "Niveau d'engagement visé", "niveau?");
	assert_int_equal(r.p.n, 3);
	assert_int_equal(r.p.lines[0], 2);
	assert_int_equal(r.p.lines[1], 8);
	assert_int_equal(r.p.lines[2], 11);
	assert_string_equal(r.p.items[0].description, "trois\nlignes\nici");
	res_free(&r);
}

static void test_trailing_empty_cells_and_shifted_rows(void **state)
{
	(void)state;
	struct res r;
	parse(&r, "Référence;Titre;Thème;Niveau;Statut\n"
		  "R1;t;achats;reflexion;en_cours;; ;\t\n" /* 2: trailing blanks fine */
		  "R3;t;ach;ats;reflexion;en_cours\n"	   /* 3: shifted */
		  "R4;t;achats;reflexion;en_cours;;;x;\n"  /* 4: shifted */
		  "R5;t;achats;reflexion\n"		   /* 5: short row */
		  "R6;t;achats;reflexion;en_cours\n");	   /* 6 */
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 3);
	EXPECT_DIAG(&r, DIAG_ERROR, 3, "",
		    "6 champs au lieu de 5 (séparateur non protégé par des guillemets ?)");
	EXPECT_DIAG(&r, DIAG_ERROR, 4, "", "9 champs au lieu de 5");
	EXPECT_DIAG(&r, DIAG_ERROR, 5, "Statut", "valeur obligatoire manquante");
	assert_int_equal(r.p.n, 2);
	assert_string_equal(r.p.items[0].ref, "R1");
	assert_string_equal(r.p.items[1].ref, "R6");
	res_free(&r);
}

static void test_blank_extra_cells(void **state)
{
	(void)state;
	struct res r;
	parse(&r, "Référence;Titre;Thème;Niveau;Statut\n"
		  "R1;t;achats;reflexion;en_cours;;;\n"
		  "R2;t;achats;reflexion;en_cours;;\n");
	EXPECT_OK(&r);
	assert_int_equal(r.p.n, 2);
	res_free(&r);
}

/* ---- writing ---- */

static void test_write_header_and_row_bytes(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	rm_write_bom_header(&out);
	assert_string_equal(out.ptr, "\xEF\xBB\xBF"
				     "Référence;Titre;Description;Thème;Niveau d'engagement visé;"
				     "Statut;Action clé;Direction pilote;Date de début;Échéance;"
				     "Budget (€);Indicateur;Impact évité estimé;Unité de l'impact;"
				     "Méthode d'estimation;Commentaire\r\n");
	buf_reset(&out);
	struct action a;
	ts_action_full(&a);
	rm_write_action(&out, &a);
	assert_string_equal(out.ptr, "A-01;Un titre;Une description;Achats;Réalisation;En cours;"
				     "oui;MIN-A-DNUM;01/02/2022;31/12/2022;1234,50;Un indicateur;"
				     "12,5;tCO2e;Une méthode;Un commentaire\r\n");
	buf_reset(&out);
	ts_set(&a.title, "Dire \"oui\"; ou non");
	ts_set(&a.description, "l1\nl2");
	a.key = 0;
	a.has_budget = 0;
	a.has_impact = 0;
	ts_set(&a.start_date, "");
	ts_set(&a.due_date, "");
	ts_set(&a.direction, "");
	a.theme = THEME_FIN_DE_VIE;
	a.level = LEVEL_REFLEXION;
	a.status = STATUS_A_LANCER;
	rm_write_action(&out, &a);
	assert_string_equal(out.ptr, "A-01;\"Dire \"\"oui\"\"; ou non\";\"l1\nl2\";Fin d'usage;"
				     "Réflexion;À lancer;non;;;;;Un indicateur;;;Une méthode;"
				     "Un commentaire\r\n");
	buf_free(&out);
	action_free(&a);
}

static void test_write_then_parse_round_trip(void **state)
{
	(void)state;
	static const double impacts[] = { 0.1,		 1e-7,	    12.5, 0,
					  123456789.125, 1.0 / 3.0, 1e20, 2.5e-300 };
	static const int64_t budgets[] = { 0, 1, 99, 100, 123450, INT64_C(100000000000000000) };
	static const char *const texts[] = {
		"Dire \"bonjour\"",
		"a;b;c",
		"\"",
		"x\"",
		"virgule, point-virgule ; tab\tfin",
		"é à ç œ € …",
		"=1+1",
		"#commentaire",
	};
	enum { N = 40 };
	struct action acts[N];
	struct buf out = BUF_INIT;
	rm_write_bom_header(&out);
	for (int i = 0; i < N; i++) {
		struct action *a = &acts[i];
		struct buf b = BUF_INIT;
		action_init(a);
		buf_addf(&b, "R-%02d", i);
		ts_set(&a->ref, b.ptr);
		ts_set(&a->title, texts[i % 8]);
		if (i % 3 == 0)
			ts_set(&a->description, "ligne 1\nligne 2; \"citée\"\n\nligne 4");
		else if (i % 3 == 1)
			ts_set(&a->description, texts[(i + 3) % 8]);
		a->theme = (enum theme)(i % THEME_COUNT);
		a->level = (enum level)(i % LEVEL_COUNT);
		a->status = (enum status)(i % STATUS_COUNT);
		a->key = i % 2;
		ts_set(&a->direction, i % 4 == 0 ? "" : i % 4 == 1 ? "MIN-A-DNUM" : "MIN-A-SG");
		if (i % 5) {
			ts_set(&a->start_date, "2022-01-31");
			ts_set(&a->due_date, i % 2 ? "2024-02-29" : "2022-01-31");
		}
		a->has_budget = i % 7 != 6;
		a->budget_cents = a->has_budget ? budgets[i % 6] : 0;
		ts_set(&a->indicator, texts[(i + 1) % 8]);
		a->has_impact = i % 9 != 8;
		a->impact_value = a->has_impact ? impacts[i % 8] : 0;
		a->impact_unit = a->has_impact ? (enum iunit)(i % IUNIT_COUNT) : IUNIT_KGCO2E;
		ts_set(&a->impact_method, i % 2 ? "méthode\nsur deux lignes" : texts[(i + 2) % 8]);
		ts_set(&a->comment, texts[(i + 5) % 8]);
		rm_write_action(&out, a);
		buf_free(&b);
	}
	struct res r;
	memset(&r, 0, sizeof(r));
	r.rc = rm_parse("rt.csv", out.ptr, out.len, dirs, 2, &r.p, &r.d);
	EXPECT_OK(&r);
	assert_int_equal(r.d.n, 0);
	assert_int_equal(r.p.n, N);
	for (int i = 0; i < N; i++) {
		if (!action_equal(&acts[i], &r.p.items[i])) {
			struct buf b = BUF_INIT;
			rm_write_action(&b, &r.p.items[i]);
			fail_msg("action %d differs after round trip: %s", i, b.ptr);
		}
	}
	/* Impacts are written as the shortest decimal that reads back. */
	assert_non_null(strstr(out.ptr, ";0,1;"));
	assert_non_null(strstr(out.ptr, ";1e-07;"));
	assert_non_null(strstr(out.ptr, ";123456789,125;"));
	assert_non_null(strstr(out.ptr, ";1000000000000000,00;"));
	for (int i = 0; i < N; i++)
		action_free(&acts[i]);
	res_free(&r);
	buf_free(&out);
}

static void test_round_trip_trims_outer_spaces(void **state)
{
	(void)state;
	struct action a, want;
	ts_action_full(&a);
	ts_action_full(&want);
	ts_set(&a.title, "  titre entouré  ");
	ts_set(&want.title, "titre entouré");
	ts_set(&a.description, "\t description\n suite \n");
	ts_set(&want.description, "description\n suite");
	ts_set(&a.comment, " ");
	ts_set(&want.comment, "");
	struct buf out = BUF_INIT;
	rm_write_bom_header(&out);
	rm_write_action(&out, &a);
	/* Leading/trailing spaces make the writer quote the field. */
	assert_non_null(strstr(out.ptr, ";\"  titre entouré  \";"));
	struct res r;
	memset(&r, 0, sizeof(r));
	r.rc = rm_parse("rt.csv", out.ptr, out.len, dirs, 2, &r.p, &r.d);
	EXPECT_OK(&r);
	assert_int_equal(r.p.n, 1);
	assert_string_equal(r.p.items[0].title, "titre entouré");
	assert_string_equal(r.p.items[0].description, "description\n suite");
	assert_true(action_equal(&r.p.items[0], &want));
	assert_false(action_equal(&r.p.items[0], &a));
	res_free(&r);
	buf_free(&out);
	action_free(&a);
	action_free(&want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_column_by_header),
		cmocka_unit_test(test_every_alias),
		cmocka_unit_test(test_columns_in_another_order),
		cmocka_unit_test(test_unknown_column_is_a_warning),
		cmocka_unit_test(test_missing_required_column),
		cmocka_unit_test(test_duplicate_column),
		cmocka_unit_test(test_empty_and_header_only),
		cmocka_unit_test(test_theme_values),
		cmocka_unit_test(test_level_and_status_values),
		cmocka_unit_test(test_key_values),
		cmocka_unit_test(test_direction_values),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_impact),
		cmocka_unit_test(test_text_lengths_in_characters),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_required_values),
		cmocka_unit_test(test_values_are_trimmed),
		cmocka_unit_test(test_duplicate_references),
		cmocka_unit_test(test_every_faulty_line_reported),
		cmocka_unit_test(test_line_numbers_after_multiline_field),
		cmocka_unit_test(test_trailing_empty_cells_and_shifted_rows),
		cmocka_unit_test(test_blank_extra_cells),
		cmocka_unit_test(test_write_header_and_row_bytes),
		cmocka_unit_test(test_write_then_parse_round_trip),
		cmocka_unit_test(test_round_trip_trims_outer_spaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
