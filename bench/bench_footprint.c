/* bench_footprint.c: times a footprint evaluation (fp_run to aggregated results) of a generated
 * physical equipment inventory against a 12-criterion referential, next to two baselines in the
 * same run: counting the file's lines with memchr, and reading it with the inventory reader only.
 *
 * Usage: bench_footprint [-n LINES] [--ref DIR] [--detail DIR] [--keep FILE]
 *   -n       physical equipment lines to generate (default 1 000 000)
 *   --ref    load the referential from a folder (e.g. tests/data/footprint/numecoeval_fr)
 *            instead of building a 12-criterion one in memory
 *   --detail also stream the detailed indicators to DIR (one more timed run)
 *   --keep   write the generated inventory to FILE and keep it
 * Prints times, lines/s and the peak resident memory (getrusage). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "footprint/fp_eval.h"
#include "footprint/fp_inventory.h"
#include "footprint/fp_ref.h"

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	return u.ru_maxrss;
}

static uint64_t next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static const char *const types[] = { "Server",	   "Laptop", "Desktop", "Monitor",
				     "Smartphone", "Tablet", "Switch",	"Printer" };
static const char *const items[] = { "server-1",     "laptop-1", "desktop-1", "monitor-1",
				     "smartphone-1", "tablet-1", "switch-1",  "printer-1" };
static const char *const countries[] = { "France",  "Germany",	   "Spain",  "Italy",
					 "Belgium", "Netherlands", "Poland", "Sweden" };
#define NTYPES	   (sizeof(types) / sizeof(types[0]))
#define NCOUNTRIES (sizeof(countries) / sizeof(countries[0]))

/* 12 criteria, every item with every factor: no indicator in error. */
static struct fp_ref *build_ref(void)
{
	static const char *const crits[12] = { "CLIMATE_CHANGE",
					       "PARTICULATE_MATTER",
					       "IONISING_RADIATION",
					       "ACIDIFICATION",
					       "RESOURCE_USE",
					       "RESOURCE_USE_FOSSILS",
					       "EUTROPHICATION_MARINE",
					       "EUTROPHICATION_FRESHWATER",
					       "EUTROPHICATION_TERRESTRIAL",
					       "PHOTOCHEMICAL_OZONE",
					       "OZONE_DEPLETION",
					       "LAND_USE" };
	struct fp_ref *r = fp_ref_new("bench", "1");
	for (int c = 0; c < 12; c++)
		fp_ref_add_crit(r, crits[c], crits[c], "u");
	uint64_t s = 7;
	for (size_t i = 0; i < NTYPES; i++) {
		struct fp_item *it = fp_ref_item_get(r, items[i]);
		it->has_avg_kwh = 1;
		it->avg_kwh = 10 + (double)(next(&s) % 1000);
		for (int c = 0; c < 12; c++)
			for (int p = 0; p < FP_PHASE_COUNT; p++) {
				it->has[c][p] = 1;
				it->f[c][p] = (double)(next(&s) % 10000) / 100.0;
			}
		struct fp_item_type *t = fp_ref_type_get(r, types[i]);
		t->has_lifespan = 1;
		t->lifespan = 3 + (double)i / 2;
		t->is_server = i == 0;
		free(t->default_item);
		t->default_item = xstrdup(items[i]);
	}
	for (size_t i = 0; i < NCOUNTRIES; i++) {
		struct fp_mix *m = fp_ref_mix_get(r, countries[i]);
		for (int c = 0; c < 12; c++) {
			m->has[c] = 1;
			m->f[c] = (double)(next(&s) % 1000) / 10000.0;
		}
	}
	for (int i = 0; i < 20; i++) {
		char model[32];
		snprintf(model, sizeof(model), "Model %d", i);
		fp_ref_set_match(r, model, items[(size_t)i % NTYPES]);
	}
	fp_ref_set_hyp(r, "PUEParDefaut", 1.75, "bench");
	fp_ref_set_hyp(r, "dureeVieParDefaut", 5, "bench");
	fp_ref_set_hyp(r, "taux_utilisation_COPE", 0.8, "bench");
	fp_ref_set_hyp(r, "taux_utilisation_BYOD", 0.57, "bench");
	return r;
}

static int generate(const char *path, long n, const char *dc_path)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	struct buf b = BUF_INIT;
	buf_adds(&b, "nomEquipementPhysique;modele;quantite;nomCourtDatacenter;dateAchat;"
		     "dateRetrait;type;statut;paysDUtilisation;consoElecAnnuelle;utilisateur;"
		     "nomSourceDonnee;nomEntite;nbCoeur;modeUtilisation;tauxUtilisation\n");
	uint64_t s = 42;
	for (long i = 0; i < n; i++) {
		uint64_t r = next(&s);
		size_t t = r % NTYPES;
		size_t c = (r >> 8) % NCOUNTRIES;
		int y = 2015 + (int)((r >> 16) % 9), m = 1 + (int)((r >> 20) % 12);
		int d = 1 + (int)((r >> 24) % 28);
		buf_addf(&b, "eq-%ld;", i);
		if ((r >> 30) % 3 == 0)
			buf_addf(&b, "Model %d", (int)((r >> 32) % 25));
		buf_addf(&b, ";%d;", 1 + (int)((r >> 36) % 4));
		if (t == 0)
			buf_addf(&b, "DC%d", (int)((r >> 40) % 10));
		buf_addf(&b, ";%04d-%02d-%02d;", y, m, d);
		if ((r >> 44) % 2)
			buf_addf(&b, "%04d-%02d-%02d", y + 3, m, d);
		buf_addf(&b, ";%s;In use;%s;", types[t], countries[c]);
		if ((r >> 46) % 4 == 0)
			buf_addf(&b, "%d.5", (int)((r >> 48) % 500));
		buf_addf(&b, ";;;Entite %d;;%s;", (int)((r >> 50) % 50),
			 (r >> 56) % 5 == 0 ? "COPE" : "");
		if ((r >> 58) % 8 == 0)
			buf_adds(&b, "0.5");
		buf_addc(&b, '\n');
		if (b.len > (1 << 20)) {
			fwrite(b.ptr, 1, b.len, f);
			buf_reset(&b);
		}
	}
	fwrite(b.ptr, 1, b.len, f);
	buf_free(&b);
	if (fclose(f) != 0)
		return -1;
	f = fopen(dc_path, "wb");
	if (!f)
		return -1;
	fputs("nomCourtDatacenter;nomLongDatacenter;pue;localisation;nomEntite\n", f);
	for (int i = 0; i < 10; i++)
		fprintf(f, "DC%d;Centre %d;%s;%s;\n", i, i, i % 3 ? "1.4" : "",
			countries[(size_t)i % NCOUNTRIES]);
	return fclose(f);
}

static int read_all(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	long n = 1000000;
	const char *ref_dir = NULL, *detail = NULL, *keep = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			n = atol(argv[++i]);
		else if (!strcmp(argv[i], "--ref") && i + 1 < argc)
			ref_dir = argv[++i];
		else if (!strcmp(argv[i], "--detail") && i + 1 < argc)
			detail = argv[++i];
		else if (!strcmp(argv[i], "--keep") && i + 1 < argc)
			keep = argv[++i];
		else {
			fprintf(stderr, "usage : bench_footprint [-n LIGNES] [--ref DOSSIER] "
					"[--detail DOSSIER] [--keep FICHIER]\n");
			return 2;
		}
	}
	char path[256], dc_path[300];
	snprintf(path, sizeof(path), "%s", keep ? keep : "/tmp/numeco-bench-fp-XXXXXX");
	if (!keep) {
		int fd = mkstemp(path);
		if (fd < 0)
			return 1;
		close(fd);
	}
	snprintf(dc_path, sizeof(dc_path), "%s.dc.csv", path);
	double t0 = seconds();
	if (generate(path, n, dc_path) < 0) {
		fprintf(stderr, "bench_footprint : impossible d'écrire %s\n", path);
		return 1;
	}
	double t_gen = seconds() - t0;

	struct diags d = DIAGS_INIT;
	struct fp_ref *ref = ref_dir ? fp_ref_load_dir(ref_dir, "bench", "1", &d) : build_ref();
	if (!ref) {
		diags_print(&d, stderr);
		return 1;
	}

	/* The evaluation to aggregated results. */
	struct fp_run_opts o;
	memset(&o, 0, sizeof(o));
	o.lifespan = FP_LIFESPAN_REAL;
	strcpy(o.date, "2025-01-01");
	o.physical = path;
	o.datacenters = dc_path;
	struct err err = ERR_INIT;
	t0 = seconds();
	struct fp_summary *s = fp_run(ref, &o, &d, &err);
	double t_run = seconds() - t0;
	if (!s) {
		diags_print(&d, stderr);
		fprintf(stderr, "bench_footprint : %s\n", err.msg.ptr);
		return 1;
	}
	const struct fp_counts *c = fp_summary_counts(s);
	/* Before the baselines, which hold the whole file in memory. */
	long rss = peak_rss_kb();
	size_t nphys = c->physical;
	/* Baseline 1: memchr line count over the file in memory. */
	struct buf data = BUF_INIT;
	read_all(path, &data);
	t0 = seconds();
	size_t lines = 0;
	for (const char *p = data.ptr; (p = memchr(p, '\n', (size_t)(data.ptr + data.len - p)));
	     p++)
		lines++;
	double t_memchr = seconds() - t0;
	size_t bytes = data.len;
	buf_free(&data);

	/* Baseline 2: the inventory reader alone. */
	t0 = seconds();
	struct fp_reader *r = fp_reader_open(path, FP_FILE_PHYSICAL, &d);
	struct fp_physical row;
	fp_physical_init(&row);
	size_t rows = 0;
	while (r && fp_read_physical(r, &row, &d) > 0)
		rows++;
	fp_physical_free(&row);
	fp_reader_close(r);
	double t_read = seconds() - t0;

	printf("fichier : %zu lignes, %.1f Mo (généré en %.2f s)\n", lines, (double)bytes / 1e6,
	       t_gen);
	printf("critères × étapes : %zu × %d ; indicateurs en erreur : %zu ; par modèle %zu, par "
	       "type %zu\n",
	       fp_ref_ncrit(ref), FP_PHASE_COUNT, c->physical_errors, c->matched_by_model,
	       c->matched_by_type);
	printf("référence memchr : %.3f s\n", t_memchr);
	printf("lecture seule    : %.3f s (%.0f lignes/s)\n", t_read, (double)rows / t_read);
	printf("évaluation       : %.3f s (%.0f lignes/s, %.0f indicateurs/s), %.1f× la lecture\n",
	       t_run, (double)c->physical / t_run,
	       (double)c->physical * (double)fp_ref_ncrit(ref) * FP_PHASE_COUNT / t_run,
	       t_run / t_read);
	printf("mémoire max      : %.1f Mo\n", (double)rss / 1024);
	fp_summary_free(s);
	if (detail) {
		o.detail_dir = detail;
		t0 = seconds();
		s = fp_run(ref, &o, &d, &err);
		double t_det = seconds() - t0;
		if (!s) {
			fprintf(stderr, "bench_footprint : %s\n", err.msg.ptr);
			return 1;
		}
		printf("avec détail      : %.3f s (%.0f lignes/s) vers %s\n", t_det,
		       (double)nphys / t_det, detail);
		fp_summary_free(s);
	}
	fp_ref_free(ref);
	diags_free(&d);
	err_free(&err);
	if (!keep)
		unlink(path);
	unlink(dc_path);
	return 0;
}
