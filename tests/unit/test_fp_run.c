/* test_fp_run.c: end-to-end evaluation runs (src/footprint/fp_run*.c, fp_output*.c) on the
 * NumEcoEval samples with the G4IT referential: counts, totals checked by hand, detailed files
 * parsed back, errors, determinism of every format, and a reviewed golden Markdown summary.
 *
 * NUMECO_UPDATE_GOLDEN=1 rewrites tests/data/footprint/expected/ from the current output (then
 * review the diff: those files are what users see). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "footprint/fp_calc.h"
#include "footprint/fp_eval.h"
#include "io/csv.h"
#include "support.h"

#define DATE "2024-01-01"

struct fx {
	struct fp_ref *ref;
	char data[512];
	char dc[600], phys[600], virt[600], apps[600];
	struct fp_run_opts o;
	struct ts_tmpdir tmp;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof(*f));
	const char *dir = getenv("NUMECO_TEST_DATA");
	snprintf(f->data, sizeof(f->data), "%s/footprint", dir ? dir : "tests/data");
	char path[600];
	snprintf(path, sizeof(path), "%s/g4it_referential", f->data);
	struct diags d = DIAGS_INIT;
	f->ref = fp_ref_load_dir(path, "g4it", "test", &d);
	if (!f->ref) {
		ts_dump_diags(&d);
		diags_free(&d);
		free(f);
		return -1;
	}
	diags_free(&d);
	snprintf(f->dc, sizeof(f->dc), "%s/samples/1-datacenter.csv", f->data);
	snprintf(f->phys, sizeof(f->phys), "%s/samples/2-physicalEquipments.csv", f->data);
	snprintf(f->virt, sizeof(f->virt), "%s/samples/3-virtualEquipments.csv", f->data);
	snprintf(f->apps, sizeof(f->apps), "%s/samples/4-applications.csv", f->data);
	f->o.lifespan = FP_LIFESPAN_REAL;
	strcpy(f->o.date, DATE);
	f->o.datacenters = f->dc;
	f->o.physical = f->phys;
	f->o.virtual_ = f->virt;
	f->o.applications = f->apps;
	if (ts_tmpdir_make(&f->tmp, "fprun") < 0)
		return -1;
	*state = f;
	return 0;
}

static void rm_in(const char *dir, const char *name)
{
	char p[256];
	snprintf(p, sizeof(p), "%s/%s", dir, name);
	unlink(p);
}

static int teardown(void **state)
{
	struct fx *f = *state;
	static const char *const files[] = { "ind_physical_equipment.csv",
					     "ind_virtual_equipment.csv",
					     "ind_application.csv",
					     "dc.csv",
					     "phys.csv",
					     "virt.csv",
					     "apps.csv" };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		rm_in(f->tmp.dir, files[i]);
	ts_tmpdir_remove(&f->tmp);
	fp_ref_free(f->ref);
	free(f);
	return 0;
}

static struct fp_summary *run(struct fx *f)
{
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	struct fp_summary *s = fp_run(f->ref, &f->o, &d, &err);
	if (!s) {
		ts_dump_diags(&d);
		fail_msg("fp_run failed: %s", err.msg.ptr);
	}
	diags_free(&d);
	err_free(&err);
	return s;
}

/* The value of (dim, key, criterion code, phase), failing when absent. */
static double value(const struct fp_summary *s, const char *dim, const char *key, const char *crit,
		    enum fp_phase p)
{
	int c = fp_ref_find_crit(fp_summary_ref(s), crit);
	for (size_t i = 0; i < fp_summary_nrows(s); i++) {
		struct fp_agg_row r;
		fp_summary_row(s, i, &r);
		if (!strcmp(r.dim, dim) && !strcmp(r.key, key) && (int)r.crit == c && r.phase == p)
			return r.value;
	}
	fail_msg("no row %s/%s/%s/%d", dim, key, crit, (int)p);
	return 0;
}

static double days(const char *a, const char *b)
{
	long x, y;
	assert_int_equal(fp_date_days(a, &x), 0);
	assert_int_equal(fp_date_days(b, &y), 0);
	return (double)(y - x);
}

#define NEAR(got, want)                                                       \
	do {                                                                  \
		double g_ = (got), w_ = (want);                               \
		if (fabs(g_ - w_) > 1e-9 * fmax(1.0, fabs(w_)))               \
			fail_msg("%s = %.17g, expected %.17g", #got, g_, w_); \
	} while (0)

/* Blade server (type Server's default item) in the G4IT test referential. */
#define F_FAB  2226.09317222576
#define KWH    3721.0
#define MIX_FR 0.0813225

static void test_counts_and_totals(void **state)
{
	struct fx *f = *state;
	struct fp_summary *s = run(f);
	const struct fp_counts *c = fp_summary_counts(s);
	assert_int_equal(c->datacenters, 4);
	assert_int_equal(c->physical, 6);
	assert_int_equal(c->virtual_, 12);
	assert_int_equal(c->applications, 12);
	assert_int_equal(c->matched_by_model, 0);
	assert_int_equal(c->matched_by_type, 6);
	assert_int_equal(c->physical_errors + c->virtual_errors + c->application_errors, 0);
	assert_int_equal(fp_summary_nerrors(s), 0);
	assert_string_equal(fp_summary_date(s), DATE);

	/* Manufacturing, by hand: Σ Q × F / L with L = days / 365 (no retire date:
	 * the evaluation date). */
	double l1 = days("2020-07-08", DATE) / 365, l2 = days("2020-07-28", DATE) / 365;
	double l5 = days("2020-07-08", "2023-06-16") / 365;
	double l6 = days("2020-07-28", "2023-06-16") / 365;
	double e1 = 1 * F_FAB / l1, e2 = 2 * F_FAB / l2, e3 = 4 * F_FAB / l1, e4 = 5 * F_FAB / l2;
	double e5 = 2 * F_FAB / l5, e6 = 10 * F_FAB / l6;
	NEAR(value(s, "total", "", "CLIMATE_CHANGE", FP_FABRICATION), e1 + e2 + e3 + e4 + e5 + e6);
	NEAR(value(s, "entite", "Entity 1", "CLIMATE_CHANGE", FP_FABRICATION), e1 + e2);
	NEAR(value(s, "entite", "Entity 3", "CLIMATE_CHANGE", FP_FABRICATION), e5 + e6);
	NEAR(value(s, "type", "Server", "CLIMATE_CHANGE", FP_FABRICATION),
	     e1 + e2 + e3 + e4 + e5 + e6);
	/* Use: servers outside any data centre, in France: 24 units × 3721 kWh × mix. */
	NEAR(value(s, "total", "", "CLIMATE_CHANGE", FP_UTILISATION), 24 * KWH * MIX_FR);
	NEAR(value(s, "datacenter", "", "CLIMATE_CHANGE", FP_UTILISATION), 24 * KWH * MIX_FR);
	/* application-1 holds every VM of physical-eq-1, one application per VM:
	 * it carries all of physical-eq-1. */
	NEAR(value(s, "application", "application-1", "CLIMATE_CHANGE", FP_FABRICATION), e1);
	NEAR(value(s, "application", "application-3", "CLIMATE_CHANGE", FP_UTILISATION),
	     4 * KWH * MIX_FR);
	fp_summary_free(s);
}

/* Reads a detailed file back: number of data rows, and the value of the
 * row (name, phase code, criterion label). */
static size_t read_detail(const char *dir, const char *file, const char *name, const char *step,
			  const char *crit, double *v, char *trace, size_t tlen)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	struct err err = ERR_INIT;
	struct csv_reader *r = csv_open_file(path, &err);
	if (!r)
		fail_msg("%s", err.msg.ptr);
	assert_int_equal(csv_next(r, &err), 1);
	size_t ntrace = 0, nreason = 0;
	for (size_t i = 0; i < csv_nfields(r); i++) {
		if (!strcmp(csv_field(r, i), "trace"))
			ntrace = i;
		if (!strcmp(csv_field(r, i), "errorReason"))
			nreason = i;
	}
	assert_int_equal(nreason, csv_nfields(r) - 1);
	assert_int_equal(ntrace, nreason - 1);
	size_t n = 0;
	while (csv_next(r, &err) == 1) {
		n++;
		assert_string_equal(csv_field(r, 3), "OK");
		if (!strcmp(csv_field(r, 0), name) && !strcmp(csv_field(r, 1), step) &&
		    !strcmp(csv_field(r, 2), crit)) {
			*v = strtod(csv_field(r, 4), NULL);
			snprintf(trace, tlen, "%s", csv_field(r, ntrace));
		}
	}
	csv_close(r);
	err_free(&err);
	return n;
}

static void test_detail_files(void **state)
{
	struct fx *f = *state;
	f->o.detail_dir = f->tmp.dir;
	struct fp_summary *s = run(f);
	double v = -1;
	char trace[1024] = "";
	/* 6 items × 5 criteria × 4 phases */
	assert_int_equal(read_detail(f->tmp.dir, "ind_physical_equipment.csv", "physical-eq-5",
				     "FABRICATION", "Climate change", &v, trace, sizeof(trace)),
			 120);
	double l5 = days("2020-07-08", "2023-06-16") / 365;
	NEAR(v, 2 * F_FAB / l5);
	assert_string_equal(trace, "I = Q(2) × F(2226.09317222576, Fake data for tests) × U(1) / "
				   "L(2.9397260273972603 ; réelle : 2020-07-08 → 2023-06-16)");
	assert_int_equal(read_detail(f->tmp.dir, "ind_virtual_equipment.csv", "virtual-eq-1-4",
				     "FABRICATION", "Climate change", &v, trace, sizeof(trace)),
			 240);
	double l1 = days("2020-07-08", DATE) / 365;
	NEAR(v, F_FAB / l1 * 8 / 16);
	ts_assert_msg_has(trace, "× A(8/16 ; vCPU)");
	assert_int_equal(read_detail(f->tmp.dir, "ind_application.csv", "application-2",
				     "UTILISATION", "Climate change", &v, trace, sizeof(trace)),
			 60);
	NEAR(v, 2 * KWH * MIX_FR);
	ts_assert_msg_has(trace, "I = Σ I_VM / n_applications : virtual-eq-2-1(");
	fp_summary_free(s);
}

static void write_file(const char *dir, const char *name, const char *text, char *path, size_t plen)
{
	snprintf(path, plen, "%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

struct progress {
	size_t calls, done, total;
};

static void on_progress(void *arg, size_t done, size_t total)
{
	struct progress *p = arg;
	p->calls++;
	p->done = done;
	p->total = total;
}

/* Faulty lines give indicators in error, listed "FILE:LINE: reason", and
 * the other lines are still computed. */
static void test_errors_do_not_stop(void **state)
{
	struct fx *f = *state;
	char dc[256], phys[256], virt[256], apps[256];
	write_file(f->tmp.dir, "dc.csv",
		   "nomCourtDatacenter;pue;localisation\nDC1;1.5;France\nDC2;;Atlantis\n", dc,
		   sizeof(dc));
	write_file(f->tmp.dir, "phys.csv",
		   "nomEquipementPhysique;type;quantite;paysDUtilisation;dateAchat;"
		   "nomCourtDatacenter\n"
		   "s1;Server;1;France;2020-01-01;DC1\n"
		   "s2;Server;deux;France;2020-01-01;DC1\n"
		   "s3;<Toaster>;1;France;2020-01-01;\n"
		   "s4;Server;1;France;2020-01-01;DC2\n",
		   phys, sizeof(phys));
	write_file(f->tmp.dir, "virt.csv",
		   "nomEquipementVirtuel;nomEquipementPhysique;vCPU;typeEqv\n"
		   "v1;s1;2;calcul\nv2;s1;6;calcul\nv3;nohost;1;calcul\n",
		   virt, sizeof(virt));
	write_file(f->tmp.dir, "apps.csv",
		   "nomApplication;nomEquipementVirtuel;nomEquipementPhysique\n"
		   "a1;v1;s1\na1;v2;s1\na2;v9;s1\n",
		   apps, sizeof(apps));
	f->o.datacenters = dc;
	f->o.physical = phys;
	f->o.virtual_ = virt;
	f->o.applications = apps;
	struct progress pr = { 0, 0, 0 };
	f->o.progress = on_progress;
	f->o.progress_arg = &pr;
	struct fp_summary *s = run(f);
	const struct fp_counts *c = fp_summary_counts(s);
	assert_int_equal(c->physical, 4);
	/* s2: bad quantity, 20 indicators; s3: unknown type, 15 (use needs an item
	 * for its consumption too: 20); s4: data centre in an unknown country, 5. */
	assert_int_equal(c->physical_errors, 20 + 20 + 5);
	assert_int_equal(c->virtual_errors, 20);     /* v3 */
	assert_int_equal(c->application_errors, 20); /* a2 */
	assert_true(pr.calls >= 1);
	assert_int_equal(pr.done, pr.total);
	assert_int_equal(fp_summary_nerrors(s), 5);
	char want[512];
	snprintf(want, sizeof(want), "%s:3: ligne invalide : ", phys);
	ts_assert_msg_has(fp_summary_error(s, 0), want);
	snprintf(want, sizeof(want), "%s:4: élément de référence inconnu", phys);
	ts_assert_msg_has(fp_summary_error(s, 1), want);
	snprintf(want, sizeof(want), "%s:5: pays « Atlantis » inconnu", phys);
	ts_assert_msg_has(fp_summary_error(s, 2), want);
	snprintf(want, sizeof(want), "%s:4: équipement physique hôte « nohost »", virt);
	ts_assert_msg_has(fp_summary_error(s, 3), want);
	snprintf(want, sizeof(want), "%s:4: équipement virtuel « v9 » absent", apps);
	ts_assert_msg_has(fp_summary_error(s, 4), want);
	/* s1 still counts: manufacturing of s1 + s4 (both 4 years since 2020-01-01). */
	double l = days("2020-01-01", DATE) / 365;
	NEAR(value(s, "total", "", "CLIMATE_CHANGE", FP_FABRICATION), 2 * F_FAB / l);
	/* s1 in DC1: 3721 × mix FR × 1.5; v1 gets 2/8 of it, a1 all of it. */
	NEAR(value(s, "total", "", "CLIMATE_CHANGE", FP_UTILISATION), KWH * MIX_FR * 1.5);
	NEAR(value(s, "application", "a1", "CLIMATE_CHANGE", FP_UTILISATION), KWH * MIX_FR * 1.5);
	/* Hostile text (a type name) is escaped in every format. */
	struct buf b = BUF_INIT;
	fp_summary_render(s, FP_FORMAT_HTML, &b);
	ts_assert_msg_has(b.ptr, "type « &lt;Toaster&gt; » inconnu");
	assert_null(strstr(b.ptr, "<Toaster>"));
	ts_assert_msg_has(b.ptr, "<li>");
	buf_reset(&b);
	fp_summary_render(s, FP_FORMAT_MD, &b);
	ts_assert_msg_has(b.ptr, "type « \\<Toaster\\> » inconnu");
	ts_assert_msg_has(b.ptr, "85 indicateurs en erreur");
	buf_reset(&b);
	fp_summary_render(s, FP_FORMAT_CSV, &b);
	ts_assert_msg_has(b.ptr, "\r\ntype;<Toaster>;Climate change;FABRICATION;0;kg CO2 eq\r\n");
	buf_free(&b);
	fp_summary_free(s);
}

static void test_file_problems(void **state)
{
	struct fx *f = *state;
	char phys[256];
	write_file(f->tmp.dir, "phys.csv", "modele;type\nx;Server\n", phys, sizeof(phys));
	f->o.physical = phys;
	f->o.detail_dir = f->tmp.dir;
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	struct fp_summary *s = fp_run(f->ref, &f->o, &d, &err);
	assert_null(s);
	assert_true(d.errors > 0);
	/* No half-written detail files. */
	char p[256];
	snprintf(p, sizeof(p), "%s/ind_physical_equipment.csv", f->tmp.dir);
	assert_int_equal(access(p, F_OK), -1);
	diags_free(&d);
	err_free(&err);
	/* A bad evaluation date. */
	f->o.physical = f->phys;
	f->o.detail_dir = NULL;
	strcpy(f->o.date, "2024-13-01");
	assert_null(fp_run(f->ref, &f->o, &d, &err));
	ts_assert_msg_has(err.msg.ptr, "date d'évaluation invalide");
	diags_free(&d);
	err_free(&err);
}

static void test_date_defaults_to_today(void **state)
{
	struct fx *f = *state;
	f->o.date[0] = '\0';
	setenv("NUMECO_NOW", "2025-03-01T10:00:00Z", 1);
	struct fp_summary *s = run(f);
	unsetenv("NUMECO_NOW");
	assert_string_equal(fp_summary_date(s), "2025-03-01");
	fp_summary_free(s);
}

static void test_formats_deterministic(void **state)
{
	struct fx *f = *state;
	struct fp_summary *s1 = run(f), *s2 = run(f);
	static const char *const names[] = { "md", "html", "json", "csv" };
	for (size_t i = 0; i < 4; i++) {
		enum fp_format fmt;
		assert_int_equal(fp_format_parse(names[i], &fmt), 0);
		struct buf a = BUF_INIT, b = BUF_INIT, c = BUF_INIT;
		fp_summary_render(s1, fmt, &a);
		fp_summary_render(s1, fmt, &b);
		fp_summary_render(s2, fmt, &c);
		assert_true(a.len > 100);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.ptr, b.ptr, a.len);
		assert_int_equal(a.len, c.len);
		assert_memory_equal(a.ptr, c.ptr, a.len);
		buf_free(&a);
		buf_free(&b);
		buf_free(&c);
	}
	enum fp_format fmt;
	assert_int_equal(fp_format_parse("pdf", &fmt), -1);
	fp_summary_free(s1);
	fp_summary_free(s2);
}

static void test_json_and_csv_content(void **state)
{
	struct fx *f = *state;
	struct fp_summary *s = run(f);
	struct buf b = BUF_INIT;
	fp_summary_render(s, FP_FORMAT_JSON, &b);
	json_error_t je;
	json_t *root = json_loads(b.ptr, 0, &je);
	assert_non_null(root);
	assert_string_equal(json_string_value(json_object_get(root, "date_evaluation")), DATE);
	json_t *counts = json_object_get(root, "comptes");
	assert_int_equal(json_integer_value(json_object_get(counts, "equipements_physiques")), 6);
	json_t *rows = json_object_get(root, "resultats");
	assert_int_equal(json_array_size(rows), fp_summary_nrows(s));
	json_t *first = json_array_get(rows, 0);
	assert_string_equal(json_string_value(json_object_get(first, "dimension")), "total");
	struct fp_agg_row r;
	fp_summary_row(s, 0, &r);
	NEAR(json_real_value(json_object_get(first, "valeur")), r.value);
	json_decref(root);
	buf_reset(&b);
	fp_summary_render(s, FP_FORMAT_CSV, &b);
	assert_memory_equal(b.ptr,
			    "\xEF\xBB\xBF"
			    "dimension;cle;critere;etape;valeur;unite\r\n",
			    44);
	ts_assert_msg_has(b.ptr, "\r\ntotal;;Climate change;FABRICATION;");
	buf_reset(&b);
	fp_summary_render(s, FP_FORMAT_HTML, &b);
	ts_assert_msg_has(b.ptr, "<title>Empreinte environnementale du parc numérique</title>");
	ts_assert_msg_has(b.ptr, "<svg");
	buf_free(&b);
	fp_summary_free(s);
}

static void test_golden_md(void **state)
{
	struct fx *f = *state;
	struct fp_summary *s = run(f);
	struct buf out = BUF_INIT;
	fp_summary_render(s, FP_FORMAT_MD, &out);
	char path[700];
	snprintf(path, sizeof(path), "%s/expected/summary-samples.md", f->data);
	const char *update = getenv("NUMECO_UPDATE_GOLDEN");
	if (update && !strcmp(update, "1")) {
		FILE *fp = fopen(path, "wb");
		assert_non_null(fp);
		fwrite(out.ptr, 1, out.len, fp);
		fclose(fp);
	}
	size_t len;
	char *want = ts_read_file(path, &len);
	if (!want)
		fail_msg("golden file %s missing (run with NUMECO_UPDATE_GOLDEN=1)", path);
	if (len != out.len || memcmp(want, out.ptr, len)) {
		char got[256];
		snprintf(got, sizeof(got), "%s/summary-samples.md", f->tmp.dir);
		FILE *fp = fopen(got, "wb");
		if (fp) {
			fwrite(out.ptr, 1, out.len, fp);
			fclose(fp);
		}
		fail_msg("summary differs from %s; output written to %s", path, got);
	}
	free(want);
	buf_free(&out);
	fp_summary_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counts_and_totals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_detail_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors_do_not_stop, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_problems, setup, teardown),
		cmocka_unit_test_setup_teardown(test_date_defaults_to_today, setup, teardown),
		cmocka_unit_test_setup_teardown(test_formats_deterministic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_and_csv_content, setup, teardown),
		cmocka_unit_test_setup_teardown(test_golden_md, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
