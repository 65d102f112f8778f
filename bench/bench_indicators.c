/* bench_indicators.c: times what the national indicators page reads — the
 * catalogue, the table of every ministry × indicator × year, the facts of
 * computed indicators, and the consolidation of every indicator and year —
 * on a data set of gen_indicators, next to baselines of the same run: a
 * count/sum query over the stored values and a plain scan of their rows
 * with the sqlite3 API (the least any loader must do).
 *
 * Usage: bench_indicators [--load DIR] [--runs N] DB
 *   --load DIR  creates DB (removed first) from DIR (organisations.csv,
 *               catalogue.csv, valeurs.csv, etats.csv) through the library:
 *               the same imports, checks and audit as the CLI, timed.
 * Prints, for each operation, the best and the median of N runs (ms).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/perm.h"
#include "indicators/ind_collect.h"
#include "plan/directory_csv.h"
#include "store/store.h"
#include "store/store_ind.h"

static double clock_ms(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

/* CPU time of the process: on a shared machine, wall time also counts the
 * other jobs' turns. */
static double cpu_ms(void)
{
	return clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

static int read_all(const char *dir, const char *name, struct buf *out)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "bench_indicators : impossible de lire %s\n", path);
		return -1;
	}
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	fclose(f);
	return 0;
}

static int fail(const char *what, const struct err *e, const struct diags *d)
{
	if (d)
		diags_print(d, stderr);
	fprintf(stderr, "bench_indicators : %s : %s\n", what, e->msg.ptr ? e->msg.ptr : "");
	return -1;
}

/* Applies etats.csv: soumis = one move, valide = two. */
static int apply_states(struct store *s, const struct actor *a, const char *data, size_t *moves,
			struct err *err)
{
	const char *p = strchr(data, '\n');
	char code[64], state[32];
	int year;
	*moves = 0;
	while (p && *++p) {
		if (sscanf(p, "%63[^;];%d;%31[a-z]", code, &year, state) == 3) {
			int n = !strcmp(state, "soumis") ? 1 : !strcmp(state, "valide") ? 2 : 0;
			if (n >= 1 && ind_move(s, a, code, year, IND_STATE_SOUMIS, NULL, err))
				return -1;
			if (n >= 2 && ind_move(s, a, code, year, IND_STATE_VALIDE, NULL, err))
				return -1;
			*moves += (size_t)n;
		}
		p = strchr(p, '\n');
	}
	return 0;
}

static int load(const char *dir, const char *db)
{
	struct buf orgs = BUF_INIT, cat = BUF_INIT, vals = BUF_INIT, states = BUF_INIT;
	struct err e = ERR_INIT;
	struct diags d = DIAGS_INIT;
	struct actor a = { "cli:bench", 1, ROLE_ADMIN, 0, 0 };
	struct dir_import_stats ds;
	struct ind_import_stats is;
	struct ind_catalogue c = { 0 };
	int added = 0, updated = 0, rc = -1;
	size_t moves = 0;
	char path[4096];
	if (read_all(dir, "organisations.csv", &orgs) || read_all(dir, "catalogue.csv", &cat) ||
	    read_all(dir, "valeurs.csv", &vals) || read_all(dir, "etats.csv", &states))
		return -1;
	unlink(db);
	snprintf(path, sizeof(path), "%s-wal", db);
	unlink(path);
	snprintf(path, sizeof(path), "%s-shm", db);
	unlink(path);
	struct store *s = store_open(db, STORE_OPEN_CREATE, NULL, &e);
	if (!s) {
		fail("ouverture", &e, NULL);
		goto out;
	}
	double t0 = now_ms();
	/* dir_import_orgs runs its own transaction. */
	if (dir_import_orgs(s, "organisations.csv", orgs.ptr, orgs.len, &a, &ds, &d, &e) ||
	    store_begin(s, &e) ||
	    ind_catalogue_import(s, &a, "catalogue.csv", cat.ptr, cat.len, &added, &updated, &d,
				 &e) ||
	    store_ind_catalogue_load(s, &c, &e) || store_commit(s, &e)) {
		fail("organisations, catalogue", &e, &d);
		goto out;
	}
	double t1 = now_ms();
	if (store_begin(s, &e) ||
	    ind_import(s, &a, &c, "valeurs.csv", vals.ptr, vals.len, &is, &d, &e) ||
	    store_commit(s, &e)) {
		fail("valeurs", &e, &d);
		goto out;
	}
	double t2 = now_ms();
	if (store_begin(s, &e) || apply_states(s, &a, states.ptr, &moves, &e) ||
	    store_commit(s, &e)) {
		fail("états", &e, NULL);
		goto out;
	}
	double t3 = now_ms();
	printf("Chargement : %zu organisations, %d indicateurs en %.0f ms ; %zu valeurs "
	       "(ind_import : contrôles, écriture, audit) en %.0f ms ; %zu changements d'état "
	       "en %.0f ms\n",
	       ds.read, added, t1 - t0, is.set, t2 - t1, moves, t3 - t2);
	rc = 0;
out:
	ind_catalogue_free(&c);
	store_close(s);
	buf_free(&orgs);
	buf_free(&cat);
	buf_free(&vals);
	buf_free(&states);
	diags_free(&d);
	err_free(&e);
	return rc;
}

/* ---- timed operations ---- */

struct ctx {
	struct store *s;
	sqlite3 *raw;
	int from, to;
	int64_t one_ministry;
	double check; /* results summed, so nothing is optimised away */
	size_t cells;
	struct ind_catalogue cat; /* loaded once, for op_consolidate */
	struct ind_table t;
};

typedef int op_fn(struct ctx *c, struct err *e);

/* What the national page computes: ind_load then every national value. */
static int op_national(struct ctx *c, struct err *e)
{
	struct ind_catalogue cat;
	struct ind_table t;
	if (ind_load(c->s, c->from, c->to, 0, &cat, &t, e)) {
		ind_table_free(&t);
		ind_catalogue_free(&cat);
		return -1;
	}
	c->cells = t.norg * cat.n * ind_table_nyears(&t);
	for (size_t i = 0; i < cat.n; i++)
		for (int y = c->from; y <= c->to; y++) {
			struct ind_result r;
			ind_table_consolidate(&t, i, y, &r);
			c->check += r.has_value ? r.value : 0;
		}
	ind_table_free(&t);
	ind_catalogue_free(&cat);
	return 0;
}

static int op_table_load(struct ctx *c, struct err *e)
{
	struct ind_catalogue cat;
	struct ind_table t;
	int rc = store_ind_catalogue_load(c->s, &cat, e);
	if (!rc)
		rc = store_ind_table_load(c->s, &cat, c->from, c->to, 0, &t, e);
	c->check += rc ? 0 : (double)t.norg;
	ind_table_free(&t);
	ind_catalogue_free(&cat);
	return rc;
}

/* The consolidation alone, over a table loaded once. */
static int op_consolidate(struct ctx *c, struct err *e)
{
	(void)e;
	for (size_t i = 0; i < c->cat.n; i++)
		for (int y = c->from; y <= c->to; y++) {
			struct ind_result r;
			ind_table_consolidate(&c->t, i, y, &r);
			c->check += r.has_value ? r.value : 0;
		}
	return 0;
}

static int op_ministry(struct ctx *c, struct err *e)
{
	struct ind_catalogue cat;
	struct ind_table t;
	int rc = ind_load(c->s, c->from, c->to, c->one_ministry, &cat, &t, e);
	c->check += rc ? 0 : (double)t.norg;
	ind_table_free(&t);
	ind_catalogue_free(&cat);
	return rc;
}

static int op_facts(struct ctx *c, struct err *e)
{
	struct ind_fact_list l;
	int rc = store_ind_facts(c->s, c->from, c->to, 0, &l, e);
	c->check += (double)l.n;
	ind_fact_list_free(&l);
	return rc;
}

static int raw_query(struct ctx *c, const char *sql, int ncols, struct err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(c->raw, sql, -1, &st, NULL) != SQLITE_OK)
		return err_set(e, "%s", sqlite3_errmsg(c->raw));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (int i = 0; i < ncols; i++)
			c->check += sqlite3_column_double(st, i);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : err_set(e, "%s", sqlite3_errmsg(c->raw));
}

static int op_raw_sum(struct ctx *c, struct err *e)
{
	return raw_query(c, "SELECT count(*), sum(value) FROM indicator_value", 2, e);
}

static int op_raw_scan(struct ctx *c, struct err *e)
{
	return raw_query(c, "SELECT indicator_id, year, org_id, value FROM indicator_value", 4, e);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *t, int n)
{
	qsort(t, (size_t)n, sizeof(*t), cmp_double);
	return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

struct row {
	const char *what;
	op_fn *op;
	double min, med, cpu_min, cpu_med; /* ms: wall, then CPU */
};

/* Runs op runs times: min and median of the wall and of the CPU time. */
static int timed(struct ctx *c, struct row *r, int runs)
{
	double *t = calloc((size_t)runs, sizeof(*t)), *u = calloc((size_t)runs, sizeof(*u));
	struct err e = ERR_INIT;
	int rc = 0;
	for (int i = 0; i < runs && !rc; i++) {
		double t0 = now_ms(), u0 = cpu_ms();
		if (r->op(c, &e))
			rc = fail("mesure", &e, NULL);
		u[i] = cpu_ms() - u0;
		t[i] = now_ms() - t0;
	}
	if (!rc) {
		r->med = median(t, runs);
		r->min = t[0];
		r->cpu_med = median(u, runs);
		r->cpu_min = u[0];
	}
	free(t);
	free(u);
	err_free(&e);
	return rc;
}

int main(int argc, char **argv)
{
	const char *dir = NULL, *db = NULL;
	int runs = 11;
	for (int i = 1; i < argc; i++) {
		if (i + 1 < argc && !strcmp(argv[i], "--load"))
			dir = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--runs"))
			runs = atoi(argv[++i]);
		else if (argv[i][0] != '-' && !db)
			db = argv[i];
		else
			db = NULL, i = argc;
	}
	if (!db || runs < 1) {
		fprintf(stderr, "usage : bench_indicators [--load DOSSIER] [--runs N] BASE\n");
		return 2;
	}
	if (dir && load(dir, db))
		return 1;

	struct ctx c = { 0 };
	struct err e = ERR_INIT;
	int rc = 1;
	if (!(c.s = store_open(db, STORE_OPEN_EXISTING, NULL, &e)) ||
	    store_ind_years(c.s, &c.from, &c.to, &e)) {
		fail("ouverture", &e, NULL);
		goto out;
	}
	if (sqlite3_open_v2(db, &c.raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_indicators : %s\n", sqlite3_errmsg(c.raw));
		goto out;
	}
	struct org o;
	if (store_org_get(c.s, "M0001", &o, &e) == 1)
		c.one_ministry = o.id;
	org_free(&o);

	struct row rows[] = {
		{ .what = "page nationale : ind_load + consolidation de tous les indicateurs × "
			  "années",
		  .op = op_national },
		{ .what = "  dont catalogue + store_ind_table_load (toutes les valeurs)",
		  .op = op_table_load },
		{ .what = "  dont store_ind_facts (feuilles de route, empreintes)",
		  .op = op_facts },
		{ .what = "  dont ind_table_consolidate de tous les indicateurs × années",
		  .op = op_consolidate },
		{ .what = "page d'un ministère : ind_load d'un ministère, toutes années",
		  .op = op_ministry },
		{ .what = "référence : SELECT count(*), sum(value) FROM indicator_value",
		  .op = op_raw_sum },
		{ .what = "référence : lecture des 4 colonnes de toutes les valeurs (API sqlite3)",
		  .op = op_raw_scan },
	};
	if (ind_load(c.s, c.from, c.to, 0, &c.cat, &c.t, &e)) {
		fail("chargement", &e, NULL);
		goto out;
	}
	size_t nrows = sizeof(rows) / sizeof(rows[0]);
	/* One warm-up of everything: the page cache, the statement cache. */
	for (size_t i = 0; i < nrows; i++)
		if (rows[i].op(&c, &e)) {
			fail("mesure", &e, NULL);
			goto out;
		}
	for (size_t i = 0; i < nrows; i++)
		if (timed(&c, &rows[i], runs))
			goto out;
	printf("Indicateurs : années %d-%d, %zu cellules (ministères × indicateurs × années), "
	       "%d essais\n",
	       c.from, c.to, c.cells, runs);
	printf("| opération | min (ms) | médiane (ms) | CPU min (ms) | CPU médiane (ms) |\n"
	       "|---|---|---|---|---|\n");
	for (size_t i = 0; i < nrows; i++)
		printf("| %s | %.1f | %.1f | %.1f | %.1f |\n", rows[i].what, rows[i].min,
		       rows[i].med, rows[i].cpu_min, rows[i].cpu_med);
	printf("rapport page nationale / lecture brute (médianes) : %.1f\n",
	       rows[0].med / rows[5].med);
	rc = 0;
out:
	ind_table_free(&c.t);
	ind_catalogue_free(&c.cat);
	if (c.raw)
		sqlite3_close(c.raw);
	store_close(c.s);
	err_free(&e);
	return rc;
}
