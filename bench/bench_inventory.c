/* bench_inventory.c: times the physical equipment reader (footprint/fp_inventory_read.c, streaming
 * from a file) next to a baseline in the same run: counting the file's line ends with memchr over
 * 64 KiB freads (the least any reader must do). Prints both and the ratio.
 * Usage: bench_inventory [--lines N] [FILE.csv] [RUNS]
 * Without FILE, writes N lines (default 1 000 000) shaped like NumEcoEval's sample to a temporary
 * file, removed at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/err.h"
#include "footprint/fp_inventory.h"

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Writes n physical equipment lines; 0, or -1 when the file cannot be written. */
static int generate(const char *path, long n)
{
	static const char *const types[] = { "Server", "Laptop", "Desktop", "Monitor",
					     "Smartphone" };
	static const char *const models[] = { "Dell PowerEdge R740", "HP EliteBook 840 G8",
					      "Lenovo ThinkCentre M70q", "Dell P2422H",
					      "iPhone 13" };
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	fputs("nomEquipementPhysique;modele;quantite;nomCourtDatacenter;dateAchat;dateRetrait;type;"
	      "statut;paysDUtilisation;consoElecAnnuelle;utilisateur;nomSourceDonnee;nomEntite;"
	      "nbCoeur;dureeUsageInterne;modeUtilisation;tauxUtilisation\n",
	      f);
	unsigned long seed = 12345;
	for (long i = 0; i < n; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		unsigned k = (unsigned)(seed >> 33);
		int t = (int)(k % 5);
		fprintf(f,
			"eq-%ld;%s;%u;%s;20%02u-%02u-%02u;%s;%s;In use;France;%s;;inventaire;"
			"Entit\xC3\xA9 %u;%s;%u,5;%s;%s;\n",
			i, models[t], k % 3 + 1, t == 0 ? "DC1" : "", 15 + k % 9, 1 + k % 12,
			1 + k % 28, k % 10 == 0 ? "2024-06-30" : "", types[t],
			t == 0 ? "1234.5" : "", k % 40, t == 0 ? "32" : "", 3 + k % 5,
			t == 1 ? "COPE" : "", t == 0 ? "0,75" : "");
	}
	return fclose(f) == 0 ? 0 : -1;
}

/* Line ends of the file, read as the reader reads it. */
static long count_lines(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	static char chunk[65536];
	long n = 0;
	size_t got;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		for (const char *p = chunk; (p = memchr(p, '\n', (size_t)(chunk + got - p))); p++)
			n++;
	fclose(f);
	return n;
}

int main(int argc, char **argv)
{
	long n = 1000000;
	int a = 1;
	if (a + 1 < argc && strcmp(argv[a], "--lines") == 0) {
		n = atol(argv[a + 1]);
		a += 2;
	}
	const char *path = a < argc ? argv[a++] : NULL;
	int runs = a < argc ? atoi(argv[a]) : 3;
	char tmp[] = "/tmp/numeco-bench-inventory-XXXXXX";
	if (!path) {
		int fd = mkstemp(tmp);
		if (fd < 0) {
			fprintf(stderr, "bench_inventory : mkstemp a échoué\n");
			return 1;
		}
		close(fd);
		double t0 = seconds();
		if (generate(tmp, n) < 0) {
			fprintf(stderr, "bench_inventory : impossible d'écrire %s\n", tmp);
			unlink(tmp);
			return 1;
		}
		printf("génération : %ld lignes en %.2f s\n", n, seconds() - t0);
		path = tmp;
	}

	double best_read = 1e9, best_base = 1e9;
	long rows = 0, errors = 0, lines = 0;
	size_t bytes = 0;
	int status = 0;
	for (int r = 0; r < runs; r++) {
		double t0 = seconds();
		lines = count_lines(path);
		double t1 = seconds();
		struct diags d = DIAGS_INIT;
		struct fp_reader *rd = fp_reader_open(path, FP_FILE_PHYSICAL, &d);
		if (!rd) {
			diags_print(&d, stderr);
			diags_free(&d);
			status = 1;
			break;
		}
		struct fp_physical p;
		fp_physical_init(&p);
		rows = errors = 0;
		double qty = 0;
		int rc;
		while ((rc = fp_read_physical(rd, &p, &d)) != 0) {
			if (rc < 0)
				continue;
			rows++;
			errors += p.error[0] != '\0';
			qty += p.quantity;
		}
		double t2 = seconds();
		size_t total;
		fp_reader_progress(rd, &bytes, &total);
		fp_physical_free(&p);
		fp_reader_close(rd);
		if (d.errors)
			diags_print(&d, stderr);
		diags_free(&d);
		if (qty < 0) /* keeps the sum, so the loop is not optimised away */
			puts("");
		if (t1 - t0 < best_base)
			best_base = t1 - t0;
		if (t2 - t1 < best_read)
			best_read = t2 - t1;
	}
	if (status == 0)
		printf("lecture des équipements physiques : %ld lignes (%ld en erreur), %.1f Mo, "
		       "%.3f s "
		       "(%.0f lignes/s, %.0f Mo/s) ; référence memchr (%ld lignes) : %.4f s ; "
		       "rapport "
		       "%.1f\n",
		       rows, errors, (double)bytes / 1e6, best_read, (double)rows / best_read,
		       (double)bytes / 1e6 / best_read, lines, best_base, best_read / best_base);
	if (path == tmp)
		unlink(tmp);
	return status;
}
