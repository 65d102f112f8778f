/* bench_parse.c: times the roadmap template parser (plan/roadmap_csv.c) on a
 * file, next to a baseline in the same run: counting the file's line ends
 * with memchr (the least any parser must do). Prints both and the ratio.
 * Usage: bench_parse FILE.csv [RUNS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/err.h"
#include "plan/roadmap_csv.h"

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
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
	if (argc < 2) {
		fprintf(stderr, "usage : bench_parse FICHIER.csv [ESSAIS]\n");
		return 2;
	}
	int runs = argc > 2 ? atoi(argv[2]) : 3;
	struct buf data = BUF_INIT;
	if (read_all(argv[1], &data)) {
		fprintf(stderr, "bench_parse : impossible de lire %s\n", argv[1]);
		return 1;
	}
	/* The directions gen_roadmaps gives ministry B0001 (owner of BIG-2022.csv). */
	static const struct rm_direction dirs[] = { { "B0001-SG", "" }, { "B0001-DNUM", "" } };
	double best_parse = 1e9, best_base = 1e9;
	size_t actions = 0, lines = 0;
	for (int r = 0; r < runs; r++) {
		double t0 = seconds();
		size_t n = 0;
		for (const char *p = data.ptr;
		     (p = memchr(p, '\n', (size_t)(data.ptr + data.len - p))); p++)
			n++;
		double t1 = seconds();
		struct rm_parsed parsed = { 0 };
		struct diags d = DIAGS_INIT;
		rm_parse(argv[1], data.ptr, data.len, dirs, 2, &parsed, &d);
		double t2 = seconds();
		actions = parsed.n;
		lines = n;
		if (d.errors) {
			fprintf(stderr, "bench_parse : %zu erreurs, la première : %s\n", d.errors,
				d.items[0].msg);
			r = runs;
		}
		rm_parsed_free(&parsed);
		diags_free(&d);
		if (t1 - t0 < best_base)
			best_base = t1 - t0;
		if (t2 - t1 < best_parse)
			best_parse = t2 - t1;
	}
	printf("analyse de la trame : %zu actions, %.1f Mo, %.3f s (%.0f Mo/s) ; référence memchr "
	       "(%zu lignes) : %.4f s ; rapport %.0f\n",
	       actions, (double)data.len / 1e6, best_parse, (double)data.len / 1e6 / best_parse,
	       lines, best_base, best_parse / best_base);
	buf_free(&data);
	return 0;
}
