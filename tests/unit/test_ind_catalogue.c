/* test_ind_catalogue.c: indicator vocabularies, the collection state
 * machine, targets, definition checks and the catalogue CSV (parse errors
 * located per line, round trip, the embedded default catalogue). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/embedded.h"
#include "indicators/ind.h"
#include "support.h"

#define HDR                                                                          \
	"Code;Libellé;Définition;Unité;Thème;Nature;Consolidation;Pondération;" \
	"Minimum;Maximum;"                                                           \
	"Sens;Cibles;Calcul;Source\n"

/* Every diagnostic of d formatted, one per line. */
static char *diag_text(const struct diags *d)
{
	struct buf all = BUF_INIT, one = BUF_INIT;
	for (size_t i = 0; i < d->n; i++) {
		buf_reset(&one);
		diags_format(&d->items[i], &one);
		buf_adds(&all, one.ptr);
		buf_addc(&all, '\n');
	}
	buf_free(&one);
	return buf_detach(&all);
}

/* Parses text as catalogue "c.csv"; returns the call's result and leaves
 * the formatted diagnostics in *msgs (caller frees). */
static int parse(const char *text, struct ind_catalogue *c, char **msgs, size_t *errors)
{
	struct diags d = DIAGS_INIT;
	int rc = ind_catalogue_parse("c.csv", text, strlen(text), c, &d);
	*msgs = diag_text(&d);
	if (errors)
		*errors = d.errors;
	diags_free(&d);
	return rc;
}

/* Asserts text parses with exactly one error, whose formatted line is want. */
static void assert_one_error(const char *text, const char *want)
{
	struct ind_catalogue c;
	char *msgs;
	size_t errors;
	int rc = parse(text, &c, &msgs, &errors);
	if (rc != -1 || errors != 1 || strstr(msgs, want) == NULL)
		fail_msg("rc=%d errors=%zu, want « %s », got:\n%s", rc, errors, want, msgs);
	assert_int_equal(c.n, 0);
	assert_null(c.items);
	free(msgs);
	ind_catalogue_free(&c);
}

static void test_vocabularies(void **state)
{
	(void)state;
	enum ind_kind k;
	enum ind_rule r;
	enum ind_better b;
	enum ind_calc c;
	enum ind_state s;
	static const char *const kinds[] = { "nombre", "part", "montant", "ratio" };
	for (int i = 0; i < IND_KIND_N; i++) {
		assert_string_equal(ind_kind_code((enum ind_kind)i), kinds[i]);
		assert_int_equal(ind_kind_parse(ind_kind_label((enum ind_kind)i), &k), 0);
		assert_int_equal(k, i);
	}
	assert_string_equal(ind_kind_label(IND_KIND_SHARE), "Part (%)");
	assert_int_equal(ind_kind_parse("PART", &k), 0);
	assert_int_equal(k, IND_KIND_SHARE);
	assert_int_equal(ind_kind_parse("pourcent", &k), -1);
	assert_string_equal(ind_kind_code((enum ind_kind)99), "?");

	static const char *const rules[] = { "somme", "moyenne_ponderee", "moyenne", "min", "max" };
	for (int i = 0; i < IND_RULE_N; i++) {
		assert_string_equal(ind_rule_code((enum ind_rule)i), rules[i]);
		assert_int_equal(ind_rule_parse(ind_rule_label((enum ind_rule)i), &r), 0);
		assert_int_equal(r, i);
	}
	assert_int_equal(ind_rule_parse("Moyenne ponderee", &r), 0);
	assert_int_equal(r, IND_RULE_WMEAN);
	assert_string_equal(ind_rule_label(IND_RULE_WMEAN), "Moyenne pondérée");
	assert_int_equal(ind_rule_parse("médiane", &r), -1);

	assert_string_equal(ind_better_code(IND_BETTER_UP), "hausse");
	assert_string_equal(ind_better_code(IND_BETTER_DOWN), "baisse");
	assert_string_equal(ind_better_label(IND_BETTER_UP), "À la hausse");
	assert_int_equal(ind_better_parse("a la baisse", &b), 0);
	assert_int_equal(b, IND_BETTER_DOWN);
	assert_int_equal(ind_better_parse("", &b), -1);

	static const char *const calcs[] = { "",
					     "part_actions_realisees",
					     "actions_cles",
					     "empreinte_parc",
					     "postes_de_travail",
					     "services_evalues" };
	assert_int_equal(sizeof(calcs) / sizeof(*calcs), IND_CALC_N);
	for (int i = 0; i < IND_CALC_N; i++) {
		c = IND_CALC_N;
		assert_string_equal(ind_calc_code((enum ind_calc)i), calcs[i]);
		assert_true(strlen(ind_calc_label((enum ind_calc)i)) > 5);
		assert_int_equal(ind_calc_parse(calcs[i], &c), 0);
		assert_int_equal(c, i);
	}
	assert_int_equal(ind_calc_parse("  ", &c), 0);
	assert_int_equal(c, IND_CALC_NONE);
	assert_int_equal(ind_calc_parse("Postes de travail", &c), 0);
	assert_int_equal(c, IND_CALC_FP_WORKSTATIONS);
	assert_int_equal(ind_calc_parse("magie", &c), -1);

	static const char *const states[] = { "brouillon", "soumis", "valide" };
	static const char *const slabels[] = { "Brouillon", "Soumis", "Validé" };
	for (int i = 0; i < IND_STATE_N; i++) {
		assert_string_equal(ind_state_code((enum ind_state)i), states[i]);
		assert_string_equal(ind_state_label((enum ind_state)i), slabels[i]);
		assert_int_equal(ind_state_parse(slabels[i], &s), 0);
		assert_int_equal(s, i);
	}
	assert_int_equal(ind_state_parse("VALIDÉ", &s), 0);
	assert_int_equal(s, IND_STATE_VALIDE);
	assert_int_equal(ind_state_parse("relu", &s), -1);
}

static void test_state_machine_every_pair(void **state)
{
	(void)state;
	/* allowed[from][to] */
	static const int allowed[IND_STATE_N][IND_STATE_N] = {
		[IND_STATE_BROUILLON] = { 0, 1, 0 },
		[IND_STATE_SOUMIS] = { 1, 0, 1 },
		[IND_STATE_VALIDE] = { 1, 0, 0 },
	};
	for (int f = 0; f < IND_STATE_N; f++)
		for (int t = 0; t < IND_STATE_N; t++)
			if (ind_state_can_move((enum ind_state)f, (enum ind_state)t) !=
			    allowed[f][t])
				fail_msg("%s -> %s", ind_state_code((enum ind_state)f),
					 ind_state_code((enum ind_state)t));
	assert_int_equal(ind_state_can_move(IND_STATE_N, IND_STATE_BROUILLON), 0);
	assert_int_equal(ind_state_can_move(IND_STATE_BROUILLON, IND_STATE_N), 0);
}

static void test_targets(void **state)
{
	(void)state;
	struct ind_target *t;
	size_t n;
	struct err e = ERR_INIT;
	assert_int_equal(ind_targets_parse("2025=50|2023=25 | 2024 = 35,5", &t, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_int_equal(t[0].year, 2023);
	assert_true(t[0].value == 25);
	assert_int_equal(t[1].year, 2024);
	assert_true(t[1].value == 35.5);
	assert_int_equal(t[2].year, 2025);
	struct buf out = BUF_INIT;
	ind_targets_write(t, n, &out);
	assert_string_equal(out.ptr, "2023=25|2024=35,5|2025=50");

	/* A target holds from its year on, until the next one. */
	struct ind_def d;
	memset(&d, 0, sizeof(d));
	d.targets = t;
	d.ntargets = n;
	double v = -1;
	assert_int_equal(ind_target_for(&d, 2022, &v), 0);
	assert_true(v == -1);
	assert_int_equal(ind_target_for(&d, 2023, &v), 1);
	assert_true(v == 25);
	assert_int_equal(ind_target_for(&d, 2024, &v), 1);
	assert_true(v == 35.5);
	assert_int_equal(ind_target_for(&d, 2025, &v), 1);
	assert_true(v == 50);
	assert_int_equal(ind_target_for(&d, 2031, &v), 1);
	assert_true(v == 50);
	free(t);

	assert_int_equal(ind_targets_parse("", &t, &n, &e), 0);
	assert_null(t);
	assert_int_equal(n, 0);
	assert_int_equal(ind_targets_parse("  ", &t, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(ind_targets_parse("1.5e1", &t, &n, &e), -1);
	ts_assert_msg_has(e.msg.ptr, "sans « = »");
	assert_int_equal(ind_targets_parse("2023=25|", &t, &n, &e), -1);
	ts_assert_msg_has(e.msg.ptr, "cible vide");
	assert_int_equal(ind_targets_parse("20x3=25", &t, &n, &e), -1);
	ts_assert_msg_has(e.msg.ptr, "année « 20x3 » invalide");
	assert_int_equal(ind_targets_parse("2023=", &t, &n, &e), -1);
	ts_assert_msg_has(e.msg.ptr, "valeur manquante");
	assert_int_equal(ind_targets_parse("2023=beaucoup", &t, &n, &e), -1);
	ts_assert_msg_has(e.msg.ptr, "cible « 2023=beaucoup »");
	assert_null(t);
	assert_int_equal(n, 0);
	buf_free(&out);
	err_free(&e);
}

/* A valid definition: a share weighted by "postes". */
static void share_def(struct ind_def *d, struct ind_target *targets, size_t ntargets)
{
	memset(d, 0, sizeof(*d));
	d->code = (char *)"part_x";
	d->label = (char *)"Part de x";
	d->definition = (char *)"";
	d->unit = (char *)"%";
	d->theme = THEME_ACHATS;
	d->kind = IND_KIND_SHARE;
	d->rule = IND_RULE_WMEAN;
	d->weight_code = (char *)"postes";
	d->has_min = d->has_max = 1;
	d->min = 0;
	d->max = 100;
	d->better = IND_BETTER_UP;
	d->source = (char *)"";
	d->targets = targets;
	d->ntargets = ntargets;
}

static void assert_check(const struct ind_def *d, const char *want)
{
	struct buf why = BUF_INIT;
	int rc = ind_def_check(d, &why);
	if (want == NULL) {
		if (rc != 0)
			fail_msg("refused: %s", why.ptr);
	} else {
		assert_int_equal(rc, -1);
		ts_assert_msg_has(why.ptr, want);
	}
	buf_free(&why);
}

static void test_def_check(void **state)
{
	(void)state;
	struct ind_target tg[2] = { { 2023, 25 }, { 2025, 50 } };
	struct ind_def d;
	share_def(&d, tg, 2);
	assert_check(&d, NULL);

	/* Units and rules: a share or a ratio cannot be summed; a count can. */
	d.rule = IND_RULE_SUM;
	d.weight_code = (char *)"";
	assert_check(&d, "une part ne peut pas être additionnée entre ministères");
	d.kind = IND_KIND_RATIO;
	d.has_max = 0;
	d.ntargets = 0;
	assert_check(&d,
		     "un ratio ne peut pas être additionné entre ministères (consolidation somme)");
	d.kind = IND_KIND_NUMBER;
	assert_check(&d, NULL);
	d.kind = IND_KIND_AMOUNT;
	assert_check(&d, NULL);

	share_def(&d, tg, 2);
	d.code = (char *)"Part-X";
	assert_check(&d, "code « Part-X » invalide");
	d.code = (char *)"a_very_long_code_that_goes_past_forty_bytes";
	assert_check(&d, "invalide");
	d.code = (char *)"";
	assert_check(&d, "code manquant");
	share_def(&d, tg, 2);
	d.label = (char *)" ";
	assert_check(&d, "libellé manquant");
	share_def(&d, tg, 2);
	d.unit = (char *)"";
	assert_check(&d, "unité manquante");

	share_def(&d, tg, 2);
	d.min = 60;
	d.max = 40;
	assert_check(&d, "minimum (60) supérieur au maximum (40)");
	share_def(&d, tg, 2);
	d.max = 120;
	assert_check(&d, "une part ne peut pas dépasser 100 (maximum 120)");
	share_def(&d, tg, 2);
	d.min = -5;
	assert_check(&d, "une part ne peut pas descendre sous 0");

	share_def(&d, tg, 2);
	d.weight_code = (char *)"";
	assert_check(&d, "pondération manquante");
	d.weight_code = (char *)"part_x";
	assert_check(&d, "pondéré par lui-même");
	share_def(&d, tg, 2);
	d.rule = IND_RULE_MEAN;
	assert_check(&d, "pondération « postes » donnée alors que la consolidation n'est pas "
			 "moyenne_ponderee");

	struct ind_target bad_range[1] = { { 2024, 150 } };
	share_def(&d, bad_range, 1);
	assert_check(&d, "cible 2024=150 supérieure au maximum (100)");
	struct ind_target bad_year[1] = { { 1999, 10 } };
	share_def(&d, bad_year, 1);
	assert_check(&d, "cible 1999 : année hors de 2000–2100");
	struct ind_target twice[2] = { { 2024, 10 }, { 2024, 20 } };
	share_def(&d, twice, 2);
	assert_check(&d, "cible de l'année 2024 donnée deux fois");

	/* Every problem is reported, joined by "; ". */
	share_def(&d, tg, 2);
	d.label = (char *)"";
	d.unit = (char *)"";
	struct buf why = BUF_INIT;
	assert_int_equal(ind_def_check(&d, &why), -1);
	assert_string_equal(why.ptr, "libellé manquant; unité manquante");
	buf_free(&why);
}

static void test_copy_and_find(void **state)
{
	(void)state;
	struct ind_target tg[2] = { { 2023, 25 }, { 2025, 50 } };
	struct ind_def src, dst;
	share_def(&src, tg, 2);
	ind_def_copy(&dst, &src);
	assert_ptr_not_equal(dst.code, src.code);
	assert_string_equal(dst.code, "part_x");
	assert_string_equal(dst.weight_code, "postes");
	assert_ptr_not_equal(dst.targets, src.targets);
	assert_int_equal(dst.ntargets, 2);
	assert_true(dst.targets[1].value == 50);

	struct ind_catalogue c = { 0 };
	c.items = calloc(1, sizeof(*c.items));
	c.items[0] = dst;
	c.n = c.cap = 1;
	assert_int_equal(ind_catalogue_find(&c, "part_x"), 0);
	assert_int_equal(ind_catalogue_find(&c, "part"), -1);
	assert_int_equal(ind_catalogue_find(&c, NULL), -1);
	ind_catalogue_free(&c);
	assert_int_equal(c.n, 0);
	assert_null(c.items);
}

static void test_parse_good_file(void **state)
{
	(void)state;
	const char *text =
		"\xEF\xBB\xBF" HDR "postes;Postes;Le parc;postes;Phase "
		"d'usage;nombre;somme;;0;;baisse;;postes_de_travail;"
		"Programme\r\n"
		"part_x;\"Part; de x\";;%;achats;Part (%);Moyenne "
		"pondérée;postes;;;hausse;"
		"2025=50|2023=25;;\"Loi n° 2020-105, art. 58\"\r\n"
		"pue;PUE;;PUE;datacenter;ratio;moyenne_ponderee;postes;1;5;baisse;;;\r\n";
	struct ind_catalogue c;
	char *msgs;
	assert_int_equal(parse(text, &c, &msgs, NULL), 0);
	assert_string_equal(msgs, "");
	assert_int_equal(c.n, 3);
	const struct ind_def *p = &c.items[0], *s = &c.items[1], *u = &c.items[2];
	assert_string_equal(p->code, "postes");
	assert_int_equal(p->theme, THEME_USAGE);
	assert_int_equal(p->kind, IND_KIND_NUMBER);
	assert_int_equal(p->rule, IND_RULE_SUM);
	assert_int_equal(p->has_min, 1);
	assert_int_equal(p->has_max, 0);
	assert_int_equal(p->better, IND_BETTER_DOWN);
	assert_int_equal(p->calc, IND_CALC_FP_WORKSTATIONS);
	assert_string_equal(p->weight_code, "");
	assert_int_equal(p->id, 0);

	assert_string_equal(s->label, "Part; de x");
	assert_string_equal(s->definition, "");
	assert_int_equal(s->kind, IND_KIND_SHARE);
	assert_int_equal(s->rule, IND_RULE_WMEAN);
	assert_string_equal(s->weight_code, "postes");
	/* A share without a range gets 0–100. */
	assert_int_equal(s->has_min, 1);
	assert_int_equal(s->has_max, 1);
	assert_true(s->min == 0 && s->max == 100);
	assert_int_equal(s->ntargets, 2);
	assert_int_equal(s->targets[0].year, 2023);
	assert_string_equal(s->source, "Loi n° 2020-105, art. 58");
	assert_int_equal(s->calc, IND_CALC_NONE);
	assert_true(u->min == 1 && u->max == 5);

	/* Written back and parsed again: the same catalogue. */
	struct buf out = BUF_INIT;
	ind_catalogue_write_csv(&c, &out);
	assert_memory_equal(out.ptr,
			    "\xEF\xBB\xBF"
			    "Code;Libellé;",
			    16);
	ts_assert_msg_has(out.ptr,
			  "\r\npart_x;\"Part; de x\";;%;achats;part;moyenne_ponderee;"
			  "postes;0;100;hausse;2023=25|2025=50;;Loi n° 2020-105, art. 58\r\n");
	ts_assert_msg_has(out.ptr,
			  "\r\npostes;Postes;Le parc;postes;usage;nombre;somme;;0;;baisse;;"
			  "postes_de_travail;Programme\r\n");
	struct ind_catalogue again;
	struct diags d = DIAGS_INIT;
	assert_int_equal(ind_catalogue_parse("again.csv", out.ptr, out.len, &again, &d), 0);
	assert_int_equal(again.n, 3);
	struct buf out2 = BUF_INIT;
	ind_catalogue_write_csv(&again, &out2);
	assert_string_equal(out.ptr, out2.ptr);
	buf_free(&out);
	buf_free(&out2);
	diags_free(&d);
	ind_catalogue_free(&again);
	ind_catalogue_free(&c);
	free(msgs);
}

static void test_parse_errors_located(void **state)
{
	(void)state;
	assert_one_error(HDR "a;A;;u;achats;entier;somme;;;;hausse;;;\n",
			 "c.csv:2: Nature: nature inconnue « entier » (attendu : nombre, part, "
			 "montant ou ratio)");
	assert_one_error(HDR "a;A;;u;achats;nombre;somme;;;;hausse;;;\n"
			     "b;B;;u;achats;nombre;somme;;;;hausse;;;\n"
			     "a;A2;;u;achats;nombre;somme;;;;hausse;;;\n",
			 "c.csv:4: Code: code « a » en double (déjà utilisé ligne 2)");
	assert_one_error(HDR "a;A;;%;achats;part;moyenne_ponderee;inconnu;;;hausse;;;\n",
			 "c.csv:2: Pondération: indicateur de pondération « inconnu » absent du "
			 "catalogue");
	assert_one_error(HDR "n;N;;u;achats;nombre;somme;;;;hausse;;;\n"
			     "a;A;;%;achats;part;moyenne;n;;;hausse;;;\n",
			 "c.csv:3: Pondération: pondération « n » donnée alors que la "
			 "consolidation n'est pas moyenne_ponderee");
	assert_one_error(HDR "n;N;;u;achats;nombre;somme;;;;hausse;;;\n"
			     "a;A;;%;achats;part;moyenne_ponderee;n;;;hausse;;;\n"
			     "b;B;;%;achats;part;moyenne_ponderee;a;;;hausse;;;\n",
			 "c.csv:4: Pondération: indicateur de pondération « a » lui-même pondéré "
			 "(ligne 3)");
	assert_one_error(HDR "a;A;;u;achats;nombre;somme;;10;5;hausse;;;\n",
			 "c.csv:2: Maximum: minimum (10) supérieur au maximum (5)");
	assert_one_error(HDR "a;A;;%;achats;part;moyenne;;;;hausse;2023=25|2025=120;;\n",
			 "c.csv:2: Cibles: cible 2025=120 supérieure au maximum (100)");
	assert_one_error(HDR "a;A;;u;achats;nombre;somme;;;;hausse;2023-25;;\n",
			 "c.csv:2: Cibles: cible « 2023-25 » sans « = »");
	assert_one_error(HDR "a;A;;%;achats;part;somme;;;;hausse;;;\n",
			 "c.csv:2: Consolidation: une part ne peut pas être additionnée entre "
			 "ministères (consolidation somme) : choisir moyenne_ponderee, moyenne, "
			 "min ou max");
	assert_one_error(HDR "a;A;;u;achats;nombre;somme;;x;;hausse;;;\n", "c.csv:2: Minimum: ");
	assert_one_error(HDR "a;A;;u;achats;nombre;somme;;;;mieux;;;\n",
			 "c.csv:2: Sens: sens inconnu « mieux » (attendu : hausse ou baisse)");
	assert_one_error(HDR "a;A;;u;jardin;nombre;somme;;;;hausse;;;\n",
			 "c.csv:2: Thème: thème inconnu « jardin »");
	assert_one_error(HDR "a;A;;u;achats;nombre;somme;;;;hausse;;magie;\n",
			 "c.csv:2: Calcul: calcul inconnu « magie »");
	assert_one_error(HDR "A b;A;;u;achats;nombre;somme;;;;hausse;;;\n",
			 "c.csv:2: Code: code « A b » invalide");
	assert_one_error(HDR "a;;;u;achats;nombre;somme;;;;hausse;;;\n",
			 "c.csv:2: Libellé: valeur obligatoire manquante");
	assert_one_error("Code;Libellé;Unité;Thème;Nature;Consolidation\n"
			 "a;A;u;achats;nombre;somme\n",
			 "c.csv:1: Sens: colonne obligatoire absente de l'en-tête");
	assert_one_error(HDR "a;A;;u;achats;nombre;somme;;;;hausse;;;;x;y\n",
			 "c.csv:2: 16 champs au lieu de 14");
	assert_one_error("", "c.csv: fichier vide");
}

static void test_every_faulty_line_reported(void **state)
{
	(void)state;
	const char *text = HDR "a;A;;u;achats;nombre;somme;;;;hausse;;;\n"
			       "b;B;;u;achats;entier;somme;;;;hausse;;;\n"
			       "c;C;;%;achats;part;moyenne_ponderee;b;;;hausse;;;\n"
			       "d;D;;u;achats;nombre;somme;;;;hausse;;;\n"
			       "e;E;;u;;nombre;somme;;5;1;;;;\n";
	struct ind_catalogue c;
	char *msgs;
	size_t errors;
	assert_int_equal(parse(text, &c, &msgs, &errors), -1);
	ts_assert_msg_has(msgs, "c.csv:3: Nature: nature inconnue « entier »");
	ts_assert_msg_has(msgs, "c.csv:6: Thème: valeur obligatoire manquante");
	ts_assert_msg_has(msgs, "c.csv:6: Sens: valeur obligatoire manquante");
	/* The weight names a refused line: not reported again as unknown. */
	assert_null(strstr(msgs, "c.csv:4"));
	assert_int_equal(errors, 3);
	assert_int_equal(c.n, 0);
	free(msgs);
}

static void test_catalogue_check(void **state)
{
	(void)state;
	struct ind_target none[1];
	struct ind_def defs[3];
	share_def(&defs[0], none, 0);
	share_def(&defs[1], none, 0);
	share_def(&defs[2], none, 0);
	defs[1].code = (char *)"postes";
	defs[1].kind = IND_KIND_NUMBER;
	defs[1].rule = IND_RULE_SUM;
	defs[1].weight_code = (char *)"";
	struct ind_catalogue c = { defs, 2, 2 };
	struct diags d = DIAGS_INIT;
	assert_int_equal(ind_catalogue_check(&c, "x", &d), 0);
	assert_int_equal(d.n, 0);
	c.n = 3; /* part_x twice */
	assert_int_equal(ind_catalogue_check(&c, "x", &d), -1);
	char *msgs = diag_text(&d);
	assert_string_equal(msgs, "x: Code: code « part_x » en double dans le catalogue\n");
	free(msgs);
	diags_free(&d);
	defs[2].code = (char *)"autre";
	defs[2].weight_code = (char *)"part_x";
	assert_int_equal(ind_catalogue_check(&c, "x", &d), -1);
	msgs = diag_text(&d);
	ts_assert_msg_has(msgs, "autre : pondération « part_x » elle-même pondérée");
	free(msgs);
	diags_free(&d);
	defs[2].weight_code = (char *)"absent";
	assert_int_equal(ind_catalogue_check(&c, "x", &d), -1);
	msgs = diag_text(&d);
	ts_assert_msg_has(msgs, "autre : pondération « absent » absente du catalogue");
	free(msgs);
	diags_free(&d);
}

static void test_embedded_default_catalogue(void **state)
{
	(void)state;
	assert_non_null(embedded_indicator_catalogue[0].name);
	assert_string_equal(embedded_indicator_catalogue[0].name, "catalogue.csv");
	assert_null(embedded_indicator_catalogue[1].name);
	const struct embedded_file *f = &embedded_indicator_catalogue[0];
	/* UTF-8 with BOM, ';', CRLF. */
	assert_memory_equal(f->data,
			    "\xEF\xBB\xBF"
			    "Code;",
			    8);
	assert_non_null(strstr(f->data, "\r\n"));
	struct ind_catalogue c;
	struct diags d = DIAGS_INIT;
	int rc = ind_catalogue_parse(f->name, f->data, f->len, &c, &d);
	if (rc || d.n) {
		ts_dump_diags(&d);
		fail_msg("the default catalogue has %zu diagnostics", d.n);
	}
	assert_true(c.n >= 20 && c.n <= 25);
	int themes[THEME_COUNT] = { 0 }, calcs[IND_CALC_N] = { 0 };
	for (size_t i = 0; i < c.n; i++) {
		const struct ind_def *x = &c.items[i];
		themes[x->theme]++;
		calcs[x->calc]++;
		assert_true(strlen(x->source) > 10);
		assert_true(strlen(x->definition) > 10);
		if (x->kind == IND_KIND_SHARE)
			assert_true(x->has_min && x->has_max && x->min == 0 && x->max == 100);
	}
	for (int t = 0; t < THEME_COUNT; t++)
		if (themes[t] == 0)
			fail_msg("no indicator for theme %s", theme_code((enum theme)t));
	for (int k = 1; k < IND_CALC_N; k++)
		assert_int_equal(calcs[k], 1);

	/* What the issue asks for, by code. */
	long i = ind_catalogue_find(&c, "part_reemploi_reformes");
	assert_true(i >= 0);
	struct buf t = BUF_INIT;
	ind_targets_write(c.items[i].targets, c.items[i].ntargets, &t);
	assert_string_equal(t.ptr, "2023=25|2024=35|2025=50");
	buf_free(&t);
	i = ind_catalogue_find(&c, "part_achats_reconditionnes");
	assert_true(i >= 0);
	assert_int_equal(c.items[i].rule, IND_RULE_WMEAN);
	assert_string_equal(c.items[i].weight_code, "postes_achetes");
	double v;
	assert_int_equal(ind_target_for(&c.items[i], 2025, &v), 1);
	assert_true(v == 20);
	ts_assert_msg_has(c.items[i].source, "décret n° 2021-254 du 9 mars 2021");
	i = ind_catalogue_find(&c, "pue_moyen");
	assert_true(i >= 0);
	assert_int_equal(c.items[i].better, IND_BETTER_DOWN);
	assert_true(c.items[i].has_min && c.items[i].min == 1);
	assert_string_equal(c.items[i].weight_code, "conso_electrique_it_dc");
	i = ind_catalogue_find(&c, "duree_vie_postes");
	assert_true(i >= 0);
	assert_string_equal(c.items[i].weight_code, "postes_de_travail");
	i = ind_catalogue_find(&c, "empreinte_parc");
	assert_true(i >= 0);
	assert_string_equal(c.items[i].unit, "tCO2e");
	assert_int_equal(c.items[i].calc, IND_CALC_FP_GHG_T);
	assert_true(ind_catalogue_find(&c, "services_evalues_rgesn") >= 0);
	assert_true(ind_catalogue_find(&c, "part_agents_formes") >= 0);
	assert_true(ind_catalogue_find(&c, "conso_electrique_si") >= 0);
	ind_catalogue_free(&c);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vocabularies),
		cmocka_unit_test(test_state_machine_every_pair),
		cmocka_unit_test(test_targets),
		cmocka_unit_test(test_def_check),
		cmocka_unit_test(test_copy_and_find),
		cmocka_unit_test(test_parse_good_file),
		cmocka_unit_test(test_parse_errors_located),
		cmocka_unit_test(test_every_faulty_line_reported),
		cmocka_unit_test(test_catalogue_check),
		cmocka_unit_test(test_embedded_default_catalogue),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
