/* test_fp_inventory.c: unit tests of the inventory readers (src/footprint/fp_inventory_*.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "footprint/fp_inventory.h"
#include "support.h"

/* Path of a sample inventory under $NUMECO_TEST_DATA/footprint/samples. */
static void sample_path(const char *name, struct buf *out)
{
	const char *dir = getenv("NUMECO_TEST_DATA");
	if (!dir)
		fail_msg("NUMECO_TEST_DATA is not set");
	buf_reset(out);
	buf_addf(out, "%s/footprint/samples/%s", dir, name);
}

/* A reader over a string literal, failing the test when it cannot open. */
static struct fp_reader *open_ok(const char *text, enum fp_file kind, struct diags *d)
{
	struct fp_reader *r = fp_reader_open_mem("t.csv", text, strlen(text), kind, d);
	if (!r)
		ts_dump_diags(d);
	assert_non_null(r);
	return r;
}

static void test_sample_datacenters(void **state)
{
	(void)state;
	struct buf path = BUF_INIT;
	struct diags d = DIAGS_INIT;
	sample_path("1-datacenter.csv", &path);
	struct fp_reader *r = fp_reader_open(path.ptr, FP_FILE_DATACENTER, &d);
	assert_non_null(r);
	assert_int_equal(d.n, 0);
	struct fp_datacenter dc;
	fp_datacenter_init(&dc);
	int n = 0;
	while (fp_read_datacenter(r, &dc, &d) == 1) {
		assert_string_equal(dc.error, "");
		if (n == 3) {
			assert_int_equal(dc.line, 5);
			assert_string_equal(dc.name, "Y1");
			assert_string_equal(dc.long_name, "Y1");
			assert_true(dc.has_pue);
			assert_true(dc.pue == 1.41);
			assert_string_equal(dc.country, "Germany");
			assert_string_equal(dc.entity, "");
		}
		n++;
	}
	assert_int_equal(n, 4);
	assert_int_equal(d.n, 0);
	size_t done, total;
	fp_reader_progress(r, &done, &total);
	assert_true(total > 0);
	assert_int_equal(done, total);
	fp_datacenter_free(&dc);
	fp_reader_close(r);
	buf_free(&path);
	diags_free(&d);
}

static void test_sample_physical(void **state)
{
	(void)state;
	struct buf path = BUF_INIT;
	struct diags d = DIAGS_INIT;
	sample_path("2-physicalEquipments.csv", &path);
	struct fp_reader *r = fp_reader_open(path.ptr, FP_FILE_PHYSICAL, &d);
	assert_non_null(r);
	assert_int_equal(d.n, 0);
	struct fp_physical p;
	fp_physical_init(&p);
	int n = 0;
	double qty = 0;
	while (fp_read_physical(r, &p, &d) == 1) {
		assert_string_equal(p.error, "");
		qty += p.quantity;
		if (n == 4) {
			assert_int_equal(p.line, 6);
			assert_string_equal(p.name, "physical-eq-5");
			assert_string_equal(p.model, "Physical Server unknown");
			assert_true(p.quantity == 2);
			assert_string_equal(p.datacenter, "");
			assert_string_equal(p.purchase, "2020-07-08");
			assert_string_equal(p.retire, "2023-06-16");
			assert_string_equal(p.type, "Server");
			assert_string_equal(p.status, "Not used");
			assert_string_equal(p.country, "France");
			assert_false(p.has_kwh);
			assert_false(p.has_cores);
			assert_false(p.has_rate);
			assert_string_equal(p.entity, "Entity 3");
			assert_string_equal(p.mode, "");
		}
		n++;
	}
	assert_int_equal(n, 6);
	assert_true(qty == 24);
	assert_int_equal(d.n, 0);
	fp_physical_free(&p);
	fp_reader_close(r);
	buf_free(&path);
	diags_free(&d);
}

static void test_sample_virtual_and_apps(void **state)
{
	(void)state;
	struct buf path = BUF_INIT;
	struct diags d = DIAGS_INIT;
	sample_path("3-virtualEquipments.csv", &path);
	struct fp_reader *r = fp_reader_open(path.ptr, FP_FILE_VIRTUAL, &d);
	assert_non_null(r);
	assert_int_equal(d.n, 0); /* NumEcoEval's nomSourceDonnee… columns: no warning */
	struct fp_virtual v;
	fp_virtual_init(&v);
	int n = 0;
	double vcpu = 0;
	while (fp_read_virtual(r, &v, &d) == 1) {
		assert_string_equal(v.error, "");
		assert_true(v.has_vcpu);
		assert_false(v.has_key);
		assert_false(v.has_storage);
		assert_string_equal(v.kind, "calcul");
		vcpu += v.vcpu;
		if (n == 10) {
			assert_string_equal(v.name, "virtual-eq-3-3");
			assert_string_equal(v.host, "physical-eq-3");
			assert_string_equal(v.cluster, "Cluster 3");
			assert_true(v.vcpu == 12);
		}
		n++;
	}
	assert_int_equal(n, 12);
	assert_true(vcpu == 49);
	fp_virtual_free(&v);
	fp_reader_close(r);

	sample_path("4-applications.csv", &path);
	r = fp_reader_open(path.ptr, FP_FILE_APPLICATION, &d);
	assert_non_null(r);
	struct fp_application a;
	fp_application_init(&a);
	n = 0;
	while (fp_read_application(r, &a, &d) == 1) {
		assert_string_equal(a.error, "");
		if (n == 5) {
			assert_int_equal(a.line, 7);
			assert_string_equal(a.name, "application-2");
			assert_string_equal(a.environment, "Developpement");
			assert_string_equal(a.vm, "virtual-eq-2-2");
			assert_string_equal(a.domain, "Domain 1");
			assert_string_equal(a.subdomain, "Sub Domain 2");
			assert_string_equal(a.entity, "Entity 1");
			assert_string_equal(a.host, "physical-eq-2");
		}
		n++;
	}
	assert_int_equal(n, 12);
	assert_int_equal(d.n, 0);
	fp_application_free(&a);
	fp_reader_close(r);
	buf_free(&path);
	diags_free(&d);
}

static void test_column_order_and_unknown(void **state)
{
	(void)state;
	struct diags d = DIAGS_INIT;
	struct fp_reader *r = open_ok("\xEF\xBB\xBFQUANTITE;Inconnue;nomequipementphysique;"
				      "Inconnue2;tauxUtilisation\r\n"
				      "3,5;x;  pc-1 ;y;0,25\r\n"
				      ";z;pc-2;;\r\n",
				      FP_FILE_PHYSICAL, &d);
	/* One warning per unknown header, none per row. */
	assert_int_equal(d.n, 2);
	assert_int_equal(d.errors, 0);
	assert_string_equal(d.items[0].field, "Inconnue");
	assert_int_equal(d.items[0].line, 1);
	struct fp_physical p;
	fp_physical_init(&p);
	assert_int_equal(fp_read_physical(r, &p, &d), 1);
	assert_string_equal(p.error, "");
	assert_string_equal(p.name, "pc-1");
	assert_true(p.quantity == 3.5);
	assert_true(p.has_rate);
	assert_true(p.rate == 0.25);
	assert_int_equal(fp_read_physical(r, &p, &d), 1);
	assert_int_equal(p.line, 3);
	assert_string_equal(p.name, "pc-2");
	assert_true(p.quantity == 1); /* empty: one */
	assert_false(p.has_rate);
	assert_int_equal(fp_read_physical(r, &p, &d), 0);
	assert_int_equal(d.n, 2);
	fp_reader_close(r);

	/* The column absent: one too. */
	r = open_ok("nomEquipementPhysique;type\nsrv;Server\n", FP_FILE_PHYSICAL, &d);
	assert_int_equal(fp_read_physical(r, &p, &d), 1);
	assert_true(p.quantity == 1);
	assert_string_equal(p.type, "Server");
	assert_string_equal(p.model, "");
	fp_physical_free(&p);
	fp_reader_close(r);
	diags_free(&d);
}

static void test_missing_required(void **state)
{
	(void)state;
	struct diags d = DIAGS_INIT;
	static const char text[] = "modele;quantite\nx;1\n";
	assert_null(fp_reader_open_mem("p.csv", text, sizeof(text) - 1, FP_FILE_PHYSICAL, &d));
	assert_int_equal(d.errors, 1);
	struct buf line = BUF_INIT;
	diags_format(&d.items[0], &line);
	assert_string_equal(
		line.ptr,
		"p.csv:1: nomEquipementPhysique: colonne obligatoire absente de l'en-tête");
	diags_free(&d);

	static const char vm[] = "nomEquipementVirtuel;vCPU\nvm;2\n";
	assert_null(fp_reader_open_mem("v.csv", vm, sizeof(vm) - 1, FP_FILE_VIRTUAL, &d));
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.items[0].field, "nomEquipementPhysique");
	diags_free(&d);

	static const char app[] = "nomEquipementVirtuel\nvm\n";
	assert_null(fp_reader_open_mem("a.csv", app, sizeof(app) - 1, FP_FILE_APPLICATION, &d));
	assert_string_equal(d.items[0].field, "nomApplication");
	diags_free(&d);

	assert_null(fp_reader_open_mem("vide.csv", "", 0, FP_FILE_DATACENTER, &d));
	ts_assert_msg_has(d.items[0].msg, "fichier vide");
	diags_free(&d);

	assert_null(fp_reader_open("/nonexistent/dc.csv", FP_FILE_DATACENTER, &d));
	ts_assert_msg_has(d.items[0].msg, "impossible d'ouvrir /nonexistent/dc.csv");
	diags_free(&d);

	static const char twice[] = "pue;nomCourtDatacenter;PUE\n";
	assert_null(fp_reader_open_mem("d.csv", twice, sizeof(twice) - 1, FP_FILE_DATACENTER, &d));
	ts_assert_msg_has(d.items[0].msg, "présente deux fois");
	diags_free(&d);
	buf_free(&line);
}

/* Reads one physical row of "nomEquipementPhysique;<cols>" and returns its error. */
static void expect_phys_error(const char *cols, const char *values, const char *want)
{
	struct buf text = BUF_INIT;
	struct diags d = DIAGS_INIT;
	buf_addf(&text, "nomEquipementPhysique;%s\n%s\n", cols, values);
	struct fp_reader *r = open_ok(text.ptr, FP_FILE_PHYSICAL, &d);
	struct fp_physical p;
	fp_physical_init(&p);
	assert_int_equal(fp_read_physical(r, &p, &d), 1);
	if (strcmp(p.error, want) != 0)
		fail_msg("%s: got \"%s\", want \"%s\"", values, p.error, want);
	assert_int_equal(d.n, 0);
	fp_physical_free(&p);
	fp_reader_close(r);
	buf_free(&text);
	diags_free(&d);
}

static void test_bad_values(void **state)
{
	(void)state;
	expect_phys_error("quantite", "a;abc", "quantite : nombre invalide « abc »");
	expect_phys_error("quantite", "a;0", "quantite : doit être supérieur à 0 « 0 »");
	expect_phys_error("quantite", "a;-2", "quantite : doit être supérieur à 0 « -2 »");
	expect_phys_error("quantite", ";2", "nomEquipementPhysique vide");
	expect_phys_error("tauxUtilisation", "a;1,5",
			  "tauxUtilisation : doit être compris entre 0 et 1 « 1,5 »");
	expect_phys_error("dureeUsageInterne;consoElecAnnuelle", "a;-1;-0,5",
			  "dureeUsageInterne : valeur négative refusée « -1 » ; "
			  "consoElecAnnuelle : valeur négative refusée « -0,5 »");
	expect_phys_error("dateAchat", "a;2020-13-01", "dateAchat : date invalide « 2020-13-01 »");
	expect_phys_error("dateAchat;dateRetrait", "a;2021-01-01;2020-01-01",
			  "dateRetrait : antérieure à dateAchat");
	expect_phys_error("nbCoeur", "a;1.234,5", "nbCoeur : nombre invalide « 1.234,5 »");
	expect_phys_error("type", "a;Server;en trop",
			  "valeur hors des colonnes de l'en-tête "
			  "(colonne 3) : ligne décalée ?");
	expect_phys_error("type", "a;Server;;  ;", "");
	/* Numbers the quick path leaves to parse_number. */
	expect_phys_error("quantite;nbCoeur;consoElecAnnuelle", "a;1 000;,5;1e3", "");

	struct diags d = DIAGS_INIT;
	struct fp_reader *r =
		open_ok("nomCourtDatacenter;pue\nA;0,9\nB;1\n;2\n", FP_FILE_DATACENTER, &d);
	struct fp_datacenter dc;
	fp_datacenter_init(&dc);
	assert_int_equal(fp_read_datacenter(r, &dc, &d), 1);
	assert_string_equal(dc.error, "pue : doit valoir au moins 1 « 0,9 »");
	assert_false(dc.has_pue);
	assert_int_equal(fp_read_datacenter(r, &dc, &d), 1);
	assert_string_equal(dc.error, "");
	assert_true(dc.has_pue && dc.pue == 1);
	assert_int_equal(fp_read_datacenter(r, &dc, &d), 1);
	assert_string_equal(dc.error, "nomCourtDatacenter vide");
	assert_int_equal(fp_read_datacenter(r, &dc, &d), 0);
	fp_datacenter_free(&dc);
	fp_reader_close(r);

	r = open_ok("nomEquipementVirtuel;nomEquipementPhysique;vCPU;cleRepartition\n"
		    "vm;;x;0,5\n",
		    FP_FILE_VIRTUAL, &d);
	struct fp_virtual v;
	fp_virtual_init(&v);
	assert_int_equal(fp_read_virtual(r, &v, &d), 1);
	assert_string_equal(v.error, "nomEquipementPhysique vide ; vCPU : nombre invalide « x »");
	assert_true(v.has_key && v.key == 0.5);
	fp_virtual_free(&v);
	fp_reader_close(r);
	diags_free(&d);
}

static void test_numbers_exact(void **state)
{
	(void)state;
	static const char *const vals[] = { "0.1",   "0,3",	 "1234567.891",	    "-0",
					    "17.75", "0.000001", "123456789012345", "99.99" };
	static const double want[] = { 0.1,   0.3,	1234567.891,	   -0.0,
				       17.75, 0.000001, 123456789012345.0, 99.99 };
	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		struct buf text = BUF_INIT;
		struct diags d = DIAGS_INIT;
		buf_addf(&text, "nomEquipementPhysique;nbCoeur\na;%s\n", vals[i]);
		struct fp_reader *r = open_ok(text.ptr, FP_FILE_PHYSICAL, &d);
		struct fp_physical p;
		fp_physical_init(&p);
		assert_int_equal(fp_read_physical(r, &p, &d), 1);
		assert_string_equal(p.error, "");
		if (p.cores != want[i])
			fail_msg("%s read as %.17g", vals[i], p.cores);
		fp_physical_free(&p);
		fp_reader_close(r);
		buf_free(&text);
		diags_free(&d);
	}
}

static void test_dates(void **state)
{
	(void)state;
	struct diags d = DIAGS_INIT;
	struct fp_reader *r = open_ok("nomEquipementPhysique;dateAchat;dateRetrait\n"
				      "a;2020-07-08;20230616\n"
				      "b;08/07/2020;\n"
				      "c;;31/12/2024\n",
				      FP_FILE_PHYSICAL, &d);
	struct fp_physical p;
	fp_physical_init(&p);
	assert_int_equal(fp_read_physical(r, &p, &d), 1);
	assert_string_equal(p.purchase, "2020-07-08");
	assert_string_equal(p.retire, "2023-06-16");
	assert_int_equal(fp_read_physical(r, &p, &d), 1);
	assert_string_equal(p.purchase, "2020-07-08");
	assert_string_equal(p.retire, ""); /* not left from the row before */
	assert_int_equal(fp_read_physical(r, &p, &d), 1);
	assert_string_equal(p.purchase, "");
	assert_string_equal(p.retire, "2024-12-31");
	assert_string_equal(p.error, "");
	fp_physical_free(&p);
	fp_reader_close(r);
	diags_free(&d);
}

static void test_format_variants(void **state)
{
	(void)state;
	struct diags d = DIAGS_INIT;
	/* CRLF, trailing ';' on every line, quoted fields, Windows-1252. */
	struct fp_reader *r = open_ok("nomApplication;nomEquipementVirtuel;domaine;\r\n"
				      "\"app;1\";vm-1;Sant\xE9;\r\n"
				      ";;;\r\n"
				      "app-2;vm-2;;;\r\n",
				      FP_FILE_APPLICATION, &d);
	assert_int_equal(d.n, 0);
	struct fp_application a;
	fp_application_init(&a);
	assert_int_equal(fp_read_application(r, &a, &d), 1);
	assert_string_equal(a.name, "app;1");
	assert_string_equal(a.domain, "Sant\xC3\xA9");
	assert_string_equal(a.error, "");
	assert_int_equal(fp_read_application(r, &a, &d), 1);
	assert_int_equal(a.line, 4);
	assert_string_equal(a.name, "app-2");
	assert_string_equal(a.domain, "");
	assert_int_equal(fp_read_application(r, &a, &d), 0);
	fp_reader_close(r);

	/* A malformed record: a diagnostic, and the reading goes on. */
	r = open_ok("nomApplication;nomEquipementVirtuel\n\"a\"b;vm\nc;vm\n", FP_FILE_APPLICATION,
		    &d);
	assert_int_equal(fp_read_application(r, &a, &d), -1);
	assert_int_equal(d.errors, 1);
	struct buf line = BUF_INIT;
	diags_format(&d.items[0], &line);
	assert_string_equal(line.ptr, "t.csv:2: colonne 1 : caractères après le guillemet fermant");
	assert_int_equal(fp_read_application(r, &a, &d), 1);
	assert_string_equal(a.name, "c");
	/* The wrong kind of row is refused, not misread. */
	struct fp_physical p;
	fp_physical_init(&p);
	assert_int_equal(fp_read_physical(r, &p, &d), -1);
	fp_physical_free(&p);
	fp_application_free(&a);
	fp_application_free(&a); /* twice is fine */
	fp_reader_close(r);
	fp_reader_close(NULL);
	buf_free(&line);
	diags_free(&d);
}

/* A file whose second half is in another encoding: the rows before the
 * fault, then one located diagnostic, then the end. */
static void test_stream_encoding_fault(void **state)
{
	(void)state;
	char path[] = "/tmp/numeco_test_inventory_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	fputs("nomEquipementPhysique;nomEntite\n", f);
	for (int i = 0; i < 5000; i++)
		fprintf(f, "pc-%d;Minist\xC3\xA8re %d\n", i, i % 7);
	fputs("pc-x;Minist\xE8re\npc-y;z\n", f);
	fclose(f);

	struct diags d = DIAGS_INIT;
	struct fp_reader *r = fp_reader_open(path, FP_FILE_PHYSICAL, &d);
	assert_non_null(r);
	struct fp_physical p;
	fp_physical_init(&p);
	int n = 0, rc;
	while ((rc = fp_read_physical(r, &p, &d)) == 1)
		n++;
	assert_int_equal(n, 5000);
	assert_string_equal(p.entity, "Minist\xC3\xA8re 1"); /* row 5000: 4999 % 7 */
	assert_int_equal(rc, -1);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.items[0].line, 5002);
	assert_string_equal(d.items[0].file, path);
	ts_assert_msg_has(d.items[0].msg, "octet 0xE8 invalide en UTF-8");
	assert_int_equal(fp_read_physical(r, &p, &d), 0);
	fp_physical_free(&p);
	fp_reader_close(r);
	unlink(path);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_datacenters),
		cmocka_unit_test(test_sample_physical),
		cmocka_unit_test(test_sample_virtual_and_apps),
		cmocka_unit_test(test_column_order_and_unknown),
		cmocka_unit_test(test_missing_required),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_numbers_exact),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_format_variants),
		cmocka_unit_test(test_stream_encoding_fault),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
