/* bench_footprint.c: times a footprint evaluation (fp_run to aggregated results) of a generated
 * physical equipment inventory against a 12-criterion referential, next to two baselines in the
 * same run: counting the file's lines with memchr, and reading it with the inventory reader only.
 * With --detail, also times the run that streams the detailed indicators (ind_*.csv), on the
 * first --detail-lines lines, next to its own baselines of the same run: the run without the
 * detail on the same lines, and writing the same number of bytes with fwrite into the same
 * folder (what the disk alone costs); and the same run with the detailed files sent to
 * /dev/null (the formatting alone).
 *
 * Usage: bench_footprint [-n LINES] [--ref DIR] [--detail DIR] [--detail-lines N] [--detail-null]
 *                        [--runs R] [--keep FILE]
 *        bench_footprint --num-check N
 *   -n             physical equipment lines to generate (default 1 000 000)
 *   --ref          load the referential from a folder (e.g. tests/data/footprint/numecoeval_fr)
 *                  instead of building a 12-criterion one in memory
 *   --detail       also time the run with the detailed output, written into DIR (an existing
 *                  folder on the disk to measure; its ind_*.csv are replaced, then removed)
 *   --detail-lines lines of that run (default 100 000: about 1.2 GB of detail)
 *   --detail-null  only the /dev/null case (no disk, no fwrite baseline)
 *   --runs         best of R runs for the detail cases (default 3)
 *   --keep         write the generated inventory to FILE and keep it
 *   --num-check    only compare fp_num (the numbers of traces and detailed files) with the
 *                  printf form it replaces (%.15g, %.16g or %.17g, the first that strtod reads
 *                  back) on N doubles of every range, and time both; exit status 1 on a difference
 * Prints times, lines/s, bytes and MB/s of the detail, CPU time and the peak resident memory
 * (getrusage). */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "footprint/fp_calc.h"
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

/* User + system CPU seconds of the process so far. */
static double cpu_seconds(void)
{
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	return (double)u.ru_utime.tv_sec + (double)u.ru_utime.tv_usec / 1e6 +
	       (double)u.ru_stime.tv_sec + (double)u.ru_stime.tv_usec / 1e6;
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

/* The form fp_num had with printf: reference for --num-check. */
static void num_printf(struct buf *out, double v)
{
	char s[40];
	if (v == 0) {
		buf_addc(out, '0');
		return;
	}
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v) {
		buf_addf(out, "%lld", (long long)v);
		return;
	}
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(s, sizeof(s), "%.*g", prec, v);
		if (prec == 17 || strtod(s, NULL) == v)
			break;
	}
	buf_adds(out, s);
}

/* The i-th test double: any bit pattern, every magnitude, computed products
 * like the indicators, decimals of 15–17 digits, powers of two and ten and
 * their neighbours, halves (ties), integers. */
static double num_sample(uint64_t *st, long i)
{
	uint64_t b = next(st);
	double u = (double)(next(st) >> 11) / 9007199254740992.0, v;
	char s[40];
	switch (i % 9) {
	case 0: memcpy(&v, &b, sizeof(v)); return v;
	case 1: return u * pow(10, (double)(b % 44) - 22);
	case 2:
		return (double)(b % 100000) / 100.0 * ((double)(b >> 20 & 1023) / 7.0) /
		       (1 + u * 5);
	case 3:
		snprintf(s, sizeof(s), "%.*g", 15 + (int)(b % 3),
			 u * pow(10, (double)(b >> 8 & 31) - 16));
		return strtod(s, NULL);
	case 4:
	case 5:
		v = i % 9 == 4 ? ldexp(1, (int)(b % 240) - 120) : pow(10, (double)(b % 44) - 22);
		for (int d = (int)(b >> 20 & 7) - 3; d > 0; d--)
			v = nextafter(v, INFINITY);
		for (int d = (int)(b >> 20 & 7) - 3; d < 0; d++)
			v = nextafter(v, 0);
		return v;
	case 6: return ((double)(b % 10000000000000000ULL) + 0.5) / pow(10, (double)(b >> 56 & 15));
	case 7: return (double)(int64_t)(b >> 8) / (double)(1 + (b & 1023));
	default: return -u * 1000;
	}
}

static int num_check(long n)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	uint64_t st = 12345;
	long bad = 0;
	for (long i = 0; i < n; i++) {
		double v = num_sample(&st, i);
		buf_reset(&a);
		buf_reset(&b);
		num_printf(&a, v);
		fp_num(&b, v);
		if (strcmp(a.ptr, b.ptr) && bad++ < 10)
			printf("différence : %a printf %s, fp_num %s\n", v, a.ptr, b.ptr);
	}
	/* Speed on values like the indicators (16–17 significant digits). */
	double sum = 0, t0 = seconds();
	for (long i = 0; i < 1000000; i++) {
		buf_reset(&b);
		fp_num(&b, 3.9264142335766423 * (1 + (double)i * 1e-7));
		sum += (double)b.len;
	}
	double t_fast = seconds() - t0;
	t0 = seconds();
	for (long i = 0; i < 1000000; i++) {
		buf_reset(&a);
		num_printf(&a, 3.9264142335766423 * (1 + (double)i * 1e-7));
		sum -= (double)a.len;
	}
	double t_printf = seconds() - t0;
	printf("fp_num : %ld nombres comparés à la forme printf, %ld différence(s) ; %.0f ns par "
	       "nombre, printf + strtod %.0f ns%s\n",
	       n, bad, t_fast * 1e3, t_printf * 1e3, sum == 0 ? "" : " (longueurs différentes)");
	buf_free(&a);
	buf_free(&b);
	return bad || sum != 0;
}

static const char *const detail_files[3] = { "ind_physical_equipment.csv",
					     "ind_virtual_equipment.csv", "ind_application.csv" };

/* Removes DIR's detailed files (and with tmp, their "<file>.tmp"); returns
 * the total size of the regular files removed. */
static long long detail_clean(const char *dir, int tmp)
{
	long long total = 0;
	struct buf p = BUF_INIT;
	for (int i = 0; i < 3; i++) {
		struct stat st;
		buf_reset(&p);
		buf_addf(&p, "%s/%s", dir, detail_files[i]);
		for (int t = 0; t <= tmp; t++) {
			if (t)
				buf_adds(&p, ".tmp");
			if (lstat(p.ptr, &st) == 0 && S_ISREG(st.st_mode))
				total += (long long)st.st_size;
			unlink(p.ptr);
		}
	}
	buf_free(&p);
	return total;
}

/* A folder whose "<file>.tmp" are symbolic links to /dev/null: fp_run opens
 * them, writes into /dev/null and renames the links. */
static int null_sink(const char *dir)
{
	struct buf p = BUF_INIT;
	int rc = 0;
	detail_clean(dir, 1);
	for (int i = 0; i < 3 && rc == 0; i++) {
		buf_reset(&p);
		buf_addf(&p, "%s/%s.tmp", dir, detail_files[i]);
		rc = symlink("/dev/null", p.ptr);
	}
	buf_free(&p);
	return rc;
}

/* Writes bytes into path with fwrite in 256 KiB chunks: the disk's own cost. */
static int fwrite_bytes(const char *path, long long bytes)
{
	static char chunk[256 * 1024];
	memset(chunk, 'x', sizeof(chunk));
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	setvbuf(f, NULL, _IONBF, 0);
	for (long long left = bytes; left > 0;) {
		size_t n = left < (long long)sizeof(chunk) ? (size_t)left : sizeof(chunk);
		if (fwrite(chunk, 1, n, f) != n) {
			fclose(f);
			return -1;
		}
		left -= (long long)n;
	}
	return fclose(f);
}

struct timing {
	double wall, cpu; /* best of the runs */
};

static void keep_best(struct timing *t, double wall, double cpu)
{
	if (t->wall == 0 || wall < t->wall)
		t->wall = wall;
	if (t->cpu == 0 || cpu < t->cpu)
		t->cpu = cpu;
}

/* One fp_run into dir (NULL: no detail); 0, or -1 with the error printed. */
static int timed_run(const struct fp_ref *ref, struct fp_run_opts o, const char *dir,
		     struct timing *t)
{
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	o.detail_dir = dir;
	double t0 = seconds(), c0 = cpu_seconds();
	struct fp_summary *s = fp_run(ref, &o, &d, &err);
	double wall = seconds() - t0, cpu = cpu_seconds() - c0;
	int rc = 0;
	if (!s) {
		diags_print(&d, stderr);
		fprintf(stderr, "bench_footprint : %s\n", err.msg.ptr);
		rc = -1;
	} else {
		keep_best(t, wall, cpu);
		fp_summary_free(s);
	}
	diags_free(&d);
	err_free(&err);
	return rc;
}

struct detail_result {
	long lines;
	int runs, null_only;
	struct timing agg, disk, null, wr;
	long long bytes;
	long rss_kb;
};

/* The detail case on the lines of base->physical (see the head comment). */
static int detail_case(const struct fp_ref *ref, const struct fp_run_opts *base, const char *dir,
		       int null_only, struct detail_result *res)
{
	int runs = res->runs;
	struct buf sinkb = BUF_INIT, fwb = BUF_INIT;
	buf_addf(&sinkb, "%s/numeco-bench-null", dir);
	buf_addf(&fwb, "%s/numeco-bench-fwrite.bin", dir);
	const char *sink = sinkb.ptr, *fw = fwb.ptr;
	if (mkdir(sink, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "bench_footprint : impossible de créer %s : %s\n", sink,
			strerror(errno));
		buf_free(&sinkb);
		buf_free(&fwb);
		return -1;
	}
	struct timing agg = { 0, 0 }, disk = { 0, 0 }, null = { 0, 0 }, wr = { 0, 0 };
	long long bytes = 0;
	int rc = 0;
	res->null_only = null_only;
	for (int r = 0; r < runs && rc == 0; r++) {
		rc |= timed_run(ref, *base, NULL, &agg);
		if (!null_only) {
			detail_clean(dir, 1);
			rc |= timed_run(ref, *base, dir, &disk);
			bytes = detail_clean(dir, 0);
			unlink(fw);
			double t0 = seconds(), c0 = cpu_seconds();
			if (fwrite_bytes(fw, bytes) != 0) {
				fprintf(stderr, "bench_footprint : impossible d'écrire %s\n", fw);
				rc = -1;
			}
			keep_best(&wr, seconds() - t0, cpu_seconds() - c0);
			unlink(fw);
		}
		if (null_sink(sink) != 0) {
			fprintf(stderr, "bench_footprint : impossible de créer les liens de %s\n",
				sink);
			rc = -1;
			break;
		}
		rc |= timed_run(ref, *base, sink, &null);
	}
	detail_clean(sink, 1);
	rmdir(sink);
	buf_free(&sinkb);
	buf_free(&fwb);
	if (rc)
		return -1;
	res->agg = agg;
	res->disk = disk;
	res->null = null;
	res->wr = wr;
	res->bytes = bytes;
	res->rss_kb = peak_rss_kb();
	return 0;
}

static void detail_print(const struct detail_result *r, size_t ncrit)
{
	double n = (double)r->lines, mb = (double)r->bytes / 1e6;
	double ind = n * (double)ncrit * FP_PHASE_COUNT;
	printf("détail, %ld lignes, meilleur de %d :\n", r->lines, r->runs);
	printf("  sans détail       : %.3f s (processeur %.3f s)\n", r->agg.wall, r->agg.cpu);
	if (!r->null_only) {
		printf("  détail sur disque : %.3f s (processeur %.3f s), %.1f× sans détail ; "
		       "%.0f lignes/s, %.0f Mo/s\n",
		       r->disk.wall, r->disk.cpu, r->disk.wall / r->agg.wall, n / r->disk.wall,
		       mb / r->disk.wall);
		printf("  taille            : %.1f Mo, %.0f octets par ligne, %.0f par "
		       "indicateur\n",
		       mb, (double)r->bytes / n, (double)r->bytes / ind);
		printf("  fwrite seul       : %.3f s (processeur %.3f s, %.0f Mo/s) ; détail / "
		       "fwrite : %.1f\n",
		       r->wr.wall, r->wr.cpu, mb / r->wr.wall, r->disk.wall / r->wr.wall);
	}
	printf("  détail /dev/null  : %.3f s (processeur %.3f s), %.1f× sans détail ; %.0f "
	       "lignes/s",
	       r->null.wall, r->null.cpu, r->null.wall / r->agg.wall, n / r->null.wall);
	if (r->bytes)
		printf(", %.0f Mo/s", mb / r->null.wall);
	printf("\n  mémoire max       : %.1f Mo (processus, avant les références qui lisent "
	       "le fichier entier)\n",
	       (double)r->rss_kb / 1024);
}

int main(int argc, char **argv)
{
	long n = 1000000, det_lines = 100000;
	int runs = 3, det_null = 0;
	const char *ref_dir = NULL, *detail = NULL, *keep = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			n = atol(argv[++i]);
		else if (!strcmp(argv[i], "--ref") && i + 1 < argc)
			ref_dir = argv[++i];
		else if (!strcmp(argv[i], "--detail") && i + 1 < argc)
			detail = argv[++i];
		else if (!strcmp(argv[i], "--detail-lines") && i + 1 < argc)
			det_lines = atol(argv[++i]);
		else if (!strcmp(argv[i], "--detail-null"))
			det_null = 1;
		else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--keep") && i + 1 < argc)
			keep = argv[++i];
		else if (!strcmp(argv[i], "--num-check") && i + 1 < argc)
			return num_check(atol(argv[++i]));
		else {
			fprintf(stderr, "usage : bench_footprint [-n LIGNES] [--ref DOSSIER] "
					"[--detail DOSSIER] [--detail-lines N] [--detail-null] "
					"[--runs R] [--keep FICHIER]\n"
					"        bench_footprint --num-check N\n");
			return 2;
		}
	}
	if (n < 1 || det_lines < 1 || runs < 1) {
		fprintf(stderr, "bench_footprint : -n, --detail-lines et --runs doivent être "
				"positifs\n");
		return 2;
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
	struct fp_counts counts = *fp_summary_counts(s);
	const struct fp_counts *c = &counts;
	/* Before the baselines, which hold the whole file in memory. */
	long rss = peak_rss_kb();
	fp_summary_free(s);
	struct detail_result dr;
	memset(&dr, 0, sizeof(dr));
	if (detail) {
		/* The first det_lines lines (same generator, same seed). */
		char det_path[300], det_dc[320];
		snprintf(det_path, sizeof(det_path), "%s", path);
		snprintf(det_dc, sizeof(det_dc), "%s", dc_path);
		if (det_lines < n) {
			snprintf(det_path, sizeof(det_path), "%s.detail.csv", path);
			snprintf(det_dc, sizeof(det_dc), "%s.detail.dc.csv", path);
			if (generate(det_path, det_lines, det_dc) < 0) {
				fprintf(stderr, "bench_footprint : impossible d'écrire %s\n",
					det_path);
				return 1;
			}
		} else {
			det_lines = n;
		}
		struct fp_run_opts od = o;
		od.physical = det_path;
		od.datacenters = det_dc;
		dr.lines = det_lines;
		dr.runs = runs;
		int drc = detail_case(ref, &od, detail, det_null, &dr);
		if (det_lines < n) {
			unlink(det_path);
			unlink(det_dc);
		}
		if (drc < 0)
			return 1;
	}
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
	if (detail)
		detail_print(&dr, fp_ref_ncrit(ref));
	fp_ref_free(ref);
	diags_free(&d);
	err_free(&err);
	if (!keep)
		unlink(path);
	unlink(dc_path);
	return 0;
}
