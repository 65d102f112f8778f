/* test_report_ind.c: the "Indicateurs communs" section of the consolidated
 * review: several years, years without values, an empty catalogue, a
 * scoped report, and the figures in JSON and CSV (the full section of one
 * year is in the golden files of test_report.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "indicators/ind.h"
#include "report/report.h"
#include "support.h"

static const char catalogue[] =
	"Code;Libellé;Définition;Unité;Thème;Nature;Consolidation;Pondération;Minimum;Maximum;"
	"Sens;Cibles;Calcul;Source\n"
	"agents;Agents formés;;agents;sensibilisation;nombre;somme;;0;;hausse;;;\n"
	"reemploi;Part du matériel réemployé;;%;fin_de_vie;part;moyenne;;0;100;hausse;"
	"2023=25|2024=35|2025=50;;Loi AGEC\n";

/* Three ministries (MA validated, MB submitted, MC in draft) over
 * 2023–2025, values in 2023 and 2024 only; scope "" or one code. */
static void input(struct cons_input *in, const char *scope, struct ind_catalogue *cat,
		  struct ind_table *t)
{
	static const char *const codes[] = { "MA", "MB", "MC" };
	static const enum ind_state states[] = { IND_STATE_VALIDE, IND_STATE_SOUMIS,
						 IND_STATE_BROUILLON };
	/* agents 2023, agents 2024, reemploi 2023, reemploi 2024; -1: none */
	static const double v[3][4] = { { 100, 120, 20, 40 },
					{ 50, -1, 30, 30 },
					{ 999, 999, 90, 90 } };
	cons_input_init(in);
	free(in->period);
	in->period = strdup("2023-2025");
	free(in->scope);
	in->scope = strdup(scope);
	struct diags d = DIAGS_INIT;
	assert_int_equal(ind_catalogue_parse("c.csv", catalogue, strlen(catalogue), cat, &d), 0);
	diags_free(&d);
	size_t n = 0;
	for (size_t m = 0; m < 3; m++)
		n += !scope[0] || strcmp(scope, codes[m]) == 0;
	ind_table_init(t, cat, n, 2023, 2025);
	for (size_t m = 0, o = 0; m < 3; m++) {
		if (scope[0] && strcmp(scope, codes[m]) != 0)
			continue;
		cons_input_add_ministry(in, codes[m], codes[m], 1, RSTATE_VALIDEE);
		t->org_id[o] = (int64_t)m + 1;
		t->org_code[o] = strdup(codes[m]);
		t->org_name[o] = strdup(codes[m]);
		for (size_t y = 0; y < 3; y++)
			t->state[o * 3 + y] = states[m];
		for (size_t k = 0; k < 4; k++)
			if (v[m][k] >= 0)
				ind_table_set(t, o, k / 2, 2023 + (int)(k % 2), v[m][k], 0);
		o++;
	}
}

static void render(const char *scope, enum report_format fmt, struct buf *out)
{
	struct cons_input in;
	struct cons_result res;
	struct ind_catalogue cat;
	struct ind_table t;
	input(&in, scope, &cat, &t);
	consolidate(&in, 10, &res);
	report_render_ind(&in, &res, &t, fmt, out);
	cons_result_free(&res);
	ind_table_free(&t);
	ind_catalogue_free(&cat);
	cons_input_free(&in);
}

static void test_md_years(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	render("", REPORT_MD, &out);
	const char *sec = strstr(out.ptr, "\n## Indicateurs communs\n");
	assert_non_null(sec);
	/* 2023: agents 100 + 50 (MC's draft left out); reemploi mean of 20
	 * and 30 = 25, the target 25: met with a zero gap. */
	assert_non_null(strstr(sec, "### 2023\n"));
	assert_non_null(strstr(sec, "| Agents formés | 150\u00a0agents | 2 ministères sur 3, "
				    "dont 1 validé | — | — |\n"));
	assert_non_null(strstr(sec, "| Part du matériel réemployé | 25\u00a0% | 2 ministères sur "
				    "3, dont 1 validé | 25\u00a0% | 0\u00a0% (atteinte) |\n"));
	/* 2024: MB has no agents value; reemploi (40 + 30) / 2 = 35 = target. */
	assert_non_null(strstr(sec, "| Agents formés | 120\u00a0agents | 1 ministère sur 3, "
				    "dont 1 validé | — | — |\n"));
	/* 2025: nothing counts. */
	assert_non_null(strstr(sec, "### 2025\n\nAucune valeur d'indicateur ne compte pour 2025"));
	buf_free(&out);
}

static void test_scoped(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	/* A draft collection: its values show in its own report, with the state. */
	render("MC", REPORT_MD, &out);
	assert_non_null(strstr(out.ptr, "| Indicateur | Valeur du ministère | Collecte | Cible |"));
	assert_non_null(strstr(out.ptr, "| Part du matériel réemployé | 90\u00a0% | Brouillon | "
					"25\u00a0% | +65\u00a0% (atteinte) |\n"));
	assert_non_null(strstr(out.ptr, "### 2025\n\nAucune valeur d'indicateur pour 2025."));
	buf_reset(&out);
	render("MB", REPORT_CSV, &out);
	assert_non_null(strstr(out.ptr, "2023-2025;MB;indicateur_valeur;reemploi;Part du matériel "
					"réemployé;2024;Soumis;30;%\r\n"));
	assert_non_null(strstr(out.ptr, "2023-2025;MB;indicateur_ecart;reemploi;Part du matériel "
					"réemployé;2024;Soumis;-5;%\r\n"));
	assert_non_null(strstr(out.ptr, "2023-2025;MB;indicateur_valeur;agents;Agents formés;2024;"
					"Non renseignée;;agents\r\n"));
	assert_null(strstr(out.ptr, "indicateur_ministeres")); /* national only */
	buf_free(&out);
}

static void test_json(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	render("", REPORT_JSON, &out);
	json_t *root = json_loadb(out.ptr, out.len, 0, NULL);
	assert_non_null(root);
	json_t *years = json_object_get(json_object_get(root, "indicators"), "years");
	assert_int_equal(json_array_size(years), 3);
	json_t *y2024 = json_array_get(years, 1);
	assert_int_equal(json_integer_value(json_object_get(y2024, "year")), 2024);
	json_t *agents = json_array_get(json_object_get(y2024, "indicators"), 0);
	assert_string_equal(json_string_value(json_object_get(agents, "code")), "agents");
	assert_true(json_real_value(json_object_get(agents, "value")) == 120);
	assert_int_equal(json_integer_value(json_object_get(agents, "counted")), 1);
	assert_int_equal(json_integer_value(json_object_get(agents, "expected")), 3);
	assert_true(json_is_null(json_object_get(agents, "target")));
	json_t *re = json_array_get(json_object_get(y2024, "indicators"), 1);
	assert_true(json_real_value(json_object_get(re, "value")) == 35);
	assert_true(json_real_value(json_object_get(re, "target")) == 35);
	assert_true(json_is_true(json_object_get(re, "met")));
	json_t *y2025 = json_array_get(years, 2);
	json_t *none = json_array_get(json_object_get(y2025, "indicators"), 1);
	assert_true(json_is_null(json_object_get(none, "value")));
	assert_true(json_real_value(json_object_get(none, "target")) == 50);
	assert_true(json_is_null(json_object_get(none, "gap")));
	json_decref(root);
	buf_free(&out);
}

static void test_empty_catalogue(void **state)
{
	(void)state;
	struct cons_input in;
	struct cons_result res;
	struct ind_catalogue cat = { 0 };
	struct ind_table t;
	cons_input_init(&in);
	cons_input_add_ministry(&in, "MA", "MA", 0, RSTATE_BROUILLON);
	ind_table_init(&t, &cat, 0, 2022, 2022);
	consolidate(&in, 10, &res);
	for (int f = REPORT_MD; f <= REPORT_CSV; f++) {
		struct buf out = BUF_INIT;
		report_render_ind(&in, &res, &t, (enum report_format)f, &out);
		if (f == REPORT_MD || f == REPORT_HTML)
			assert_non_null(strstr(out.ptr, "Aucun indicateur au catalogue."));
		if (f == REPORT_JSON) {
			json_t *root = json_loadb(out.ptr, out.len, 0, NULL);
			assert_non_null(root);
			json_decref(root);
		}
		buf_free(&out);
	}
	cons_result_free(&res);
	ind_table_free(&t);
	cons_input_free(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md_years),
		cmocka_unit_test(test_scoped),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_empty_catalogue),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
