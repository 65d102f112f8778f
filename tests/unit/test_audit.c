/* test_audit.c: audit snapshots and readable differences (src/plan/audit.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/model.h"
#include "plan/audit.h"
#include "support.h"

#define FULL_JSON                                                                               \
	"{\"Référence\":\"A-01\",\"Titre\":\"Un titre\",\"Description\":\"Une description\"," \
	"\"Thème\":\"Achats\",\"Niveau d'engagement visé\":\"Réalisation\","                 \
	"\"Statut\":\"En cours\",\"Action clé\":\"oui\",\"Direction pilote\":\"MIN-A-DNUM\","  \
	"\"Date de début\":\"2022-02-01\",\"Échéance\":\"2022-12-31\","                      \
	"\"Budget (€)\":\"1234,50\",\"Indicateur\":\"Un indicateur\","                        \
	"\"Impact évité estimé\":\"12,5\",\"Unité de l'impact\":\"tCO2e\","                 \
	"\"Méthode d'estimation\":\"Une méthode\",\"Commentaire\":\"Un commentaire\"}"

static void test_action_json_keys_and_values(void **state)
{
	(void)state;
	struct action a;
	struct buf out = BUF_INIT;
	ts_action_full(&a);
	buf_adds(&out, "prefix:");
	audit_action_json(&a, &out); /* appends */
	assert_string_equal(out.ptr, "prefix:" FULL_JSON);
	action_free(&a);
	buf_free(&out);
}

static void test_action_json_empty_fields(void **state)
{
	(void)state;
	struct action a;
	struct buf out = BUF_INIT;
	action_init(&a);
	ts_set(&a.ref, "B");
	ts_set(&a.title, "T");
	a.theme = THEME_FIN_DE_VIE;
	a.level = LEVEL_REFLEXION;
	a.status = STATUS_A_LANCER;
	a.impact_unit = IUNIT_MWH; /* ignored without an impact */
	a.budget_cents = 999;	   /* ignored without a budget */
	audit_action_json(&a, &out);
	assert_string_equal(
		out.ptr, "{\"Référence\":\"B\",\"Titre\":\"T\",\"Description\":\"\","
			 "\"Thème\":\"Fin d'usage\",\"Niveau d'engagement visé\":\"Réflexion\","
			 "\"Statut\":\"À lancer\",\"Action clé\":\"non\",\"Direction pilote\":\"\","
			 "\"Date de début\":\"\",\"Échéance\":\"\",\"Budget (€)\":\"\","
			 "\"Indicateur\":\"\",\"Impact évité estimé\":\"\","
			 "\"Unité de l'impact\":\"\",\"Méthode d'estimation\":\"\","
			 "\"Commentaire\":\"\"}");
	/* A zero budget and a zero impact are values, not absences. */
	buf_reset(&out);
	a.has_budget = 1;
	a.budget_cents = 0;
	a.has_impact = 1;
	a.impact_value = 0;
	audit_action_json(&a, &out);
	assert_non_null(strstr(out.ptr, "\"Budget (€)\":\"0,00\""));
	assert_non_null(
		strstr(out.ptr, "\"Impact évité estimé\":\"0\",\"Unité de l'impact\":\"MWh\""));
	action_free(&a);
	buf_free(&out);
}

static void test_action_json_escaping(void **state)
{
	(void)state;
	struct action a;
	struct buf out = BUF_INIT;
	ts_action_full(&a);
	ts_set(&a.title, "Dire \"oui\" \\ non");
	ts_set(&a.description, "l1\nl2\r\n\tfin\x01");
	audit_action_json(&a, &out);
	assert_non_null(strstr(out.ptr, "\"Titre\":\"Dire \\\"oui\\\" \\\\ non\""));
	assert_non_null(strstr(out.ptr, "\"Description\":\"l1\\nl2\\r\\n\\tfin\\u0001\""));
	/* jansson reads it back to the same strings, keys in the same order. */
	json_error_t je;
	json_t *j = json_loads(out.ptr, JSON_PRESERVE_ORDER, &je);
	if (!j)
		fail_msg("invalid JSON: %s", je.text);
	assert_string_equal(json_string_value(json_object_get(j, "Titre")), a.title);
	assert_string_equal(json_string_value(json_object_get(j, "Description")), a.description);
	assert_int_equal(json_object_size(j), 16);
	char *again = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	/* Same bytes as jansson's own compact form (modulo \u escapes' case). */
	assert_non_null(again);
	assert_non_null(strstr(again, "\"Référence\":\"A-01\",\"Titre\":"));
	free(again);
	action_free(&a);
	buf_free(&out);
}

static void test_pairs_json(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	audit_pairs_json(&out, "Code", "MIN-A", "Nom", "Ministère \"A\"", "Parent", "",
			 (const char *)NULL);
	assert_string_equal(out.ptr,
			    "{\"Code\":\"MIN-A\",\"Nom\":\"Ministère \\\"A\\\"\",\"Parent\":\"\"}");
	buf_reset(&out);
	audit_pairs_json(&out, (const char *)NULL);
	assert_string_equal(out.ptr, "{}");
	buf_reset(&out);
	audit_pairs_json(&out, "État", NULL, (const char *)NULL); /* NULL value: "" */
	assert_string_equal(out.ptr, "{\"État\":\"\"}");
	buf_free(&out);
}

static void test_diff_creation(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	audit_diff("",
		   "{\"Référence\":\"A-01\",\"Titre\":\"T\",\"Description\":\"\","
		   "\"Statut\":\"En cours\"}",
		   "  ", &out);
	assert_string_equal(out.ptr, "  Référence : A-01\n"
				     "  Titre : T\n"
				     "  Statut : En cours\n");
	buf_free(&out);
}

static void test_diff_update_only_changed_fields(void **state)
{
	(void)state;
	struct action a, b;
	struct buf ja = BUF_INIT, jb = BUF_INIT, out = BUF_INIT;
	ts_action_full(&a);
	ts_action_full(&b);
	b.status = STATUS_REALISEE;
	b.has_budget = 0;
	ts_set(&a.indicator, "");
	audit_action_json(&a, &ja);
	audit_action_json(&b, &jb);
	audit_diff(ja.ptr, jb.ptr, "", &out);
	assert_string_equal(out.ptr, "Statut : En cours → Réalisée\n"
				     "Budget (€) : 1234,50 → (vide)\n"
				     "Indicateur : (vide) → Un indicateur\n");
	/* Identical snapshots: nothing. */
	buf_reset(&out);
	audit_diff(ja.ptr, ja.ptr, "  ", &out);
	assert_string_equal(out.ptr, "");
	/* A key only in the older snapshot. */
	buf_reset(&out);
	audit_diff("{\"A\":\"1\",\"Ancien\":\"v\",\"Vide\":\"\"}", "{\"A\":\"2\"}", "> ", &out);
	assert_string_equal(out.ptr, "> A : 1 → 2\n> Ancien : v → (vide)\n");
	action_free(&a);
	action_free(&b);
	buf_free(&ja);
	buf_free(&jb);
	buf_free(&out);
}

static void test_diff_deletion(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	audit_diff("{\"Référence\":\"A-01\",\"Titre\":\"T\",\"Description\":\"\"}", "", "  ", &out);
	assert_string_equal(out.ptr, "  Référence : A-01 (supprimé)\n  Titre : T (supprimé)\n");
	buf_free(&out);
}

static void test_diff_long_values_and_newlines(void **state)
{
	(void)state;
	struct buf out = BUF_INIT, v80 = BUF_INIT, v81 = BUF_INIT, want = BUF_INIT;
	struct buf e81 = BUF_INIT, e80 = BUF_INIT;
	for (int i = 0; i < 80; i++) {
		buf_addc(&v80, 'a');
		buf_adds(&e80, "é");
	}
	buf_addf(&v81, "%sZ", v80.ptr);
	buf_addf(&e81, "%sé", e80.ptr);

	/* 80 characters are shown whole, the 81st is replaced by "…". */
	struct buf snap = BUF_INIT;
	audit_pairs_json(&snap, "T", v80.ptr, "U", v81.ptr, "V", e81.ptr, (const char *)NULL);
	audit_diff("", snap.ptr, "", &out);
	buf_addf(&want, "T : %s\nU : %s…\nV : %s…\n", v80.ptr, v80.ptr, e80.ptr);
	assert_string_equal(out.ptr, want.ptr);

	/* Line breaks are shown as ⏎ (CR dropped), on one line. */
	buf_reset(&out);
	buf_reset(&snap);
	audit_pairs_json(&snap, "D", "l1\nl2\r\nl3", (const char *)NULL);
	audit_diff("{\"D\":\"avant\"}", snap.ptr, "", &out);
	assert_string_equal(out.ptr, "D : avant → l1⏎l2⏎l3\n");

	buf_free(&out);
	buf_free(&v80);
	buf_free(&v81);
	buf_free(&e80);
	buf_free(&e81);
	buf_free(&want);
	buf_free(&snap);
}

static void test_diff_invalid_json(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	audit_diff("{oops", "{\"A\":\"1\"}", "  ", &out);
	assert_string_equal(out.ptr, "  avant : {oops\n  après : {\"A\":\"1\"}\n");
	buf_reset(&out);
	audit_diff("{\"A\":\"1\"}", "[1,2]", "", &out);
	assert_string_equal(out.ptr, "avant : {\"A\":\"1\"}\naprès : [1,2]\n");
	buf_free(&out);
}

static void test_now(void **state)
{
	(void)state;
	char iso[32];
	setenv("NUMECO_NOW", "2026-11-29T10:00:00Z", 1);
	clock_now_iso(iso);
	assert_string_equal(iso, "2026-11-29T10:00:00Z");

	unsetenv("NUMECO_NOW");
	clock_now_iso(iso);
	assert_int_equal(strlen(iso), 20);
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	for (int i = 0; i < 20; i++) {
		if (shape[i] == 'd')
			assert_true(iso[i] >= '0' && iso[i] <= '9');
		else
			assert_int_equal(iso[i], shape[i]);
	}
	/* An empty or overlong value is ignored: the clock is used. */
	setenv("NUMECO_NOW", "", 1);
	clock_now_iso(iso);
	assert_int_equal(strlen(iso), 20);
	setenv("NUMECO_NOW", "2026-11-29T10:00:00.000000000000Z", 1);
	clock_now_iso(iso);
	assert_int_equal(strlen(iso), 20);
	assert_int_equal(iso[19], 'Z');
	unsetenv("NUMECO_NOW");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_action_json_keys_and_values),
		cmocka_unit_test(test_action_json_empty_fields),
		cmocka_unit_test(test_action_json_escaping),
		cmocka_unit_test(test_pairs_json),
		cmocka_unit_test(test_diff_creation),
		cmocka_unit_test(test_diff_update_only_changed_fields),
		cmocka_unit_test(test_diff_deletion),
		cmocka_unit_test(test_diff_long_values_and_newlines),
		cmocka_unit_test(test_diff_invalid_json),
		cmocka_unit_test(test_now),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
