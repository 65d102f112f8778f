/* test_ind_values_csv.c: the CSV file of indicator values — columns,
 * French decimals, blank values (removal), lines of an export (Origine
 * "calculée"), and located errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "indicators/ind.h"
#include "support.h"

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

static int parse(const char *text, struct ind_rows *rows, char **msgs, size_t *errors)
{
	struct diags d = DIAGS_INIT;
	int rc = ind_values_parse("v.csv", text, strlen(text), rows, &d);
	*msgs = diag_text(&d);
	if (errors)
		*errors = d.errors;
	diags_free(&d);
	return rc;
}

static void assert_one_error(const char *text, const char *want)
{
	struct ind_rows rows;
	char *msgs;
	size_t errors;
	int rc = parse(text, &rows, &msgs, &errors);
	if (rc != -1 || errors != 1 || strstr(msgs, want) == NULL)
		fail_msg("rc=%d errors=%zu, want « %s », got:\n%s", rc, errors, want, msgs);
	assert_int_equal(rows.n, 0); /* the one line was the faulty one */
	free(msgs);
	ind_rows_free(&rows);
}

static void test_import_file(void **state)
{
	(void)state;
	const char *text = "\xEF\xBB\xBFMinistère;Année;Indicateur;Valeur;Commentaire;Source\r\n"
			   "MIN-A;2024;postes;12 345;;inventaire\r\n"
			   "MIN-A;2024;part_recond;27,5;hausse due au marché;\r\n"
			   " MIN-B ; 2025 ; pue ; 1.45 ;;\r\n"
			   "MIN-B;2025;pue;;;\r\n";
	struct ind_rows rows;
	char *msgs;
	assert_int_equal(parse(text, &rows, &msgs, NULL), 0);
	assert_string_equal(msgs, "");
	assert_int_equal(rows.n, 4);
	const struct ind_row *r = rows.items;
	assert_int_equal(r[0].line, 2);
	assert_string_equal(r[0].ministry, "MIN-A");
	assert_int_equal(r[0].year, 2024);
	assert_string_equal(r[0].code, "postes");
	assert_int_equal(r[0].has_value, 1);
	assert_true(r[0].value == 12345);
	assert_string_equal(r[0].comment, "");
	assert_string_equal(r[0].source, "inventaire");
	assert_int_equal(r[0].computed, 0);
	assert_true(r[1].value == 27.5);
	assert_string_equal(r[1].comment, "hausse due au marché");
	/* Trimmed; a dot decimal is fine. */
	assert_string_equal(r[2].ministry, "MIN-B");
	assert_string_equal(r[2].code, "pue");
	assert_int_equal(r[2].year, 2025);
	assert_true(r[2].value == 1.45);
	/* A blank value: the value is to be removed. */
	assert_int_equal(r[3].line, 5);
	assert_int_equal(r[3].has_value, 0);
	ind_rows_free(&rows);
	assert_int_equal(rows.n, 0);
	free(msgs);
}

static void test_export_lines(void **state)
{
	(void)state;
	/* The export's columns, in its order; the computed line is kept with
	 * computed = 1 (the importer skips it). */
	const char *text =
		"\xEF\xBB\xBFMinistère;Nom du ministère;Année;Indicateur;Libellé;Unité;Valeur;"
		"Commentaire;Source;Origine;État\r\n"
		"MIN-A;Ministère A;2024;postes;Postes;postes;120;;;calculée;Soumis\r\n"
		"MIN-A;Ministère A;2024;part;Part;%;-0,5e1;;;saisie;Brouillon\r\n"
		"MIN-A;Ministère A;2024;x;X;u;1;;;;Validé\r\n";
	struct ind_rows rows;
	char *msgs;
	assert_int_equal(parse(text, &rows, &msgs, NULL), 0);
	/* No "unknown column" warning for the export's columns. */
	assert_string_equal(msgs, "");
	assert_int_equal(rows.n, 3);
	assert_int_equal(rows.items[0].computed, 1);
	assert_true(rows.items[0].value == 120);
	assert_int_equal(rows.items[1].computed, 0);
	assert_true(rows.items[1].value == -5);
	assert_int_equal(rows.items[2].computed, 0);
	ind_rows_free(&rows);
	free(msgs);
	const char *origins[] = { "Calculée", "CALCULEE", "calcule" };
	for (size_t i = 0; i < 3; i++) {
		struct buf t = BUF_INIT;
		buf_addf(&t, "Ministère;Année;Indicateur;Valeur;Origine\nM;2024;x;1;%s\n",
			 origins[i]);
		assert_int_equal(parse(t.ptr, &rows, &msgs, NULL), 0);
		assert_int_equal(rows.items[0].computed, 1);
		ind_rows_free(&rows);
		free(msgs);
		buf_free(&t);
	}
}

static void test_errors_located(void **state)
{
	(void)state;
	const char *h = "Ministère;Année;Indicateur;Valeur;Commentaire;Source;Origine\n";
	struct buf t = BUF_INIT;
#define ONE(line, want)                        \
	do {                                   \
		buf_reset(&t);                 \
		buf_addf(&t, "%s%s", h, line); \
		assert_one_error(t.ptr, want); \
	} while (0)
	ONE("MIN-A;1999;x;1;;;\n", "v.csv:2: Année: année 1999 hors de 2000–2100");
	ONE("MIN-A;2101;x;1;;;\n", "v.csv:2: Année: année 2101 hors de 2000–2100");
	ONE("MIN-A;2024,5;x;1;;;\n", "v.csv:2: Année: année « 2024,5 » invalide");
	ONE("MIN-A;;x;1;;;\n", "v.csv:2: Année: valeur obligatoire manquante");
	ONE("MIN-A;2024;;1;;;\n", "v.csv:2: Indicateur: valeur obligatoire manquante");
	ONE(";2024;x;1;;;\n", "v.csv:2: Ministère: valeur obligatoire manquante");
	ONE("MIN-A;2024;x;beaucoup;;;\n", "v.csv:2: Valeur: ");
	ONE("MIN-A;2024;x;1.234,5;;;\n", "v.csv:2: Valeur: ");
	ONE("MIN-A;2024;x;1;;;peut-être\n",
	    "v.csv:2: Origine: origine inconnue « peut-être » (attendu : saisie ou calculée)");
	ONE("MIN-A;2024;x;1;;;;en trop\n", "v.csv:2: 8 champs au lieu de 7");
	assert_one_error("Ministère;Année;Valeur\nM;2024;1\n",
			 "v.csv:1: Indicateur: colonne obligatoire absente de l'en-tête");
	assert_one_error("", "v.csv: fichier vide");
#undef ONE
	/* Every faulty line reported; the good line (2) is kept for the
	 * caller's own checks. */
	buf_reset(&t);
	buf_addf(&t, "%sM;2024;x;1;;;\nM;1800;x;1;;;\nM;2024;y;1;;;\nM;2024;;zz;;;\n", h);
	struct ind_rows rows;
	char *msgs;
	size_t errors;
	assert_int_equal(parse(t.ptr, &rows, &msgs, &errors), -1);
	assert_int_equal(errors, 3);
	ts_assert_msg_has(msgs, "v.csv:3: Année:");
	ts_assert_msg_has(msgs, "v.csv:5: Indicateur: valeur obligatoire manquante");
	ts_assert_msg_has(msgs, "v.csv:5: Valeur:");
	assert_int_equal(rows.n, 2);
	assert_int_equal(rows.items[0].line, 2);
	assert_int_equal(rows.items[1].line, 4);
	ind_rows_free(&rows);
	free(msgs);
	buf_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import_file),
		cmocka_unit_test(test_export_lines),
		cmocka_unit_test(test_errors_located),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
