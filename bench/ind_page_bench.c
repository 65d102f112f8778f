/* ind_page_bench.c: the server time of the indicator pages without HTTP:
 * calls the route handler of `numeco serve` (web_routes_indicators,
 * web_routes_ind_def) on a struct web_req as the server builds it, signed
 * in as the admin, N times, and prints the best and median wall and CPU
 * times, the page's size and its size compressed (what the server sends to
 * a browser). The data set comes from gen_indicators (bench_indicators
 * --load DIR DB).
 *
 * Usage: ind_page_bench [--runs N] [--year Y] [--ministry CODE | --indicator CODE] DB
 * Without --ministry or --indicator: the national page (/indicateurs).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "core/buf.h"
#include "core/err.h"
#include "store/store.h"
#include "store/store_ind.h"
#include "web/web.h"
#include "web/web_route.h"

static double clock_ms(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Bytes of body compressed at zlib's default level (gzip adds 12). */
static size_t deflated(const struct buf *body)
{
	uLongf n = compressBound((uLong)body->len);
	unsigned char *z = malloc(n);
	if (!z || compress2(z, &n, (const Bytef *)body->ptr, (uLong)body->len, 6) != Z_OK)
		n = 0;
	free(z);
	return (size_t)n + 12;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *ministry = NULL, *indicator = NULL;
	int runs = 21, year = 0;
	for (int i = 1; i < argc; i++) {
		if (i + 1 < argc && !strcmp(argv[i], "--runs"))
			runs = atoi(argv[++i]);
		else if (i + 1 < argc && !strcmp(argv[i], "--year"))
			year = atoi(argv[++i]);
		else if (i + 1 < argc && !strcmp(argv[i], "--ministry"))
			ministry = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--indicator"))
			indicator = argv[++i];
		else if (argv[i][0] != '-' && !db)
			db = argv[i];
		else
			runs = 0;
	}
	if (!db || runs < 1) {
		fprintf(stderr,
			"usage : ind_page_bench [--runs N] [--year ANNÉE] [--ministry CODE | "
			"--indicator CODE] BASE\n");
		return 2;
	}
	struct err e = ERR_INIT;
	struct store *s = store_open(db, STORE_OPEN_EXISTING, NULL, &e);
	int ymin, ymax;
	if (!s || store_ind_years(s, &ymin, &ymax, &e)) {
		fprintf(stderr, "ind_page_bench : %s\n", e.msg.ptr);
		return 1;
	}
	if (!year)
		year = ymax;

	/* The request as the server builds it for a signed-in admin. */
	static const struct web_cfg cfg = { "", "127.0.0.1:0", 3600, 0, 1 << 20, 1 };
	struct web_req rq;
	memset(&rq, 0, sizeof(rq));
	char years[16], who[] = "bench@exemple.gouv.fr", name[] = "Banc d'essai";
	snprintf(years, sizeof(years), "%d", year);
	rq.cfg = &cfg;
	rq.method = "GET";
	web_kvs_add(&rq.query, "annee", years);
	rq.store = s;
	rq.signed_in = 1;
	rq.actor.id = who;
	rq.actor.role = ROLE_ADMIN;
	rq.who.email = who;
	rq.who.name = name;
	rq.who.role = ROLE_ADMIN;
	web_handler fn = web_routes_indicators[0].fn;
	rq.path = "/indicateurs";
	if (ministry) {
		fn = web_routes_indicators[1].fn;
		rq.path = "/indicateurs/ministere/{code}";
		rq.params[0] = ministry;
		rq.nparams = 1;
	} else if (indicator) {
		fn = web_routes_ind_def[0].fn;
		rq.path = "/indicateurs/indicateur/{code}";
		rq.params[0] = indicator;
		rq.nparams = 1;
	}

	double *wall = calloc((size_t)runs, sizeof(double)),
	       *cpu = calloc((size_t)runs, sizeof(double));
	size_t bytes = 0, zbytes = 0;
	int status = 0;
	for (int i = -1; i < runs; i++) { /* one warm-up run */
		struct web_resp rs;
		memset(&rs, 0, sizeof(rs));
		buf_init(&rs.body);
		double t0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
		if (fn(&rq, &rs, &e)) {
			fprintf(stderr, "ind_page_bench : %s\n", e.msg.ptr);
			return 1;
		}
		double t1 = clock_ms(CLOCK_MONOTONIC), c1 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
		if (i >= 0) {
			wall[i] = t1 - t0;
			cpu[i] = c1 - c0;
		}
		status = rs.status ? rs.status : 200;
		bytes = rs.body.len;
		if (i < 0)
			zbytes = deflated(&rs.body);
		buf_free(&rs.body);
		web_kvs_free(&rs.headers);
	}
	double wmin, cmin;
	qsort(wall, (size_t)runs, sizeof(double), cmp_double);
	qsort(cpu, (size_t)runs, sizeof(double), cmp_double);
	wmin = wall[0];
	cmin = cpu[0];
	printf("%s%s%s, année %d, statut %d : %zu octets (%zu compressés), %d essais\n", rq.path,
	       rq.nparams ? " = " : "", rq.nparams ? rq.params[0] : "", year, status, bytes, zbytes,
	       runs);
	printf("temps du gestionnaire : min %.1f ms, médiane %.1f ms ; CPU : min %.1f ms, médiane "
	       "%.1f ms\n",
	       wmin, median(wall, runs), cmin, median(cpu, runs));
	free(wall);
	free(cpu);
	web_kvs_free(&rq.query);
	store_close(s);
	err_free(&e);
	return 0;
}
