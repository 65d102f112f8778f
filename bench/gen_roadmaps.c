/* gen_roadmaps.c: deterministic generator of organisations, people and
 * roadmap CSV files: the synthetic demo data set (--demo) and benchmark data
 * of any size (--orgs/--actions). Same seed, same bytes, on every machine.
 *
 * Roadmaps are written in the template of docs/formats/roadmap.md exactly as
 * `numeco export roadmap` writes it (UTF-8 with BOM, ';', CRLF, French
 * labels). The writer here is deliberately independent of the library's
 * exporter, so that data it generates is a real test of the importer.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/buf.h"
#include "core/model.h"
#include "core/text.h"
#include "core/xalloc.h"

#include "gen_catalogue.h"

#define DEMO_SEED     UINT64_C(20221231)
#define BENCH_SEED    UINT64_C(42)
#define MAX_PER_THEME 32

/* ---- deterministic pseudo-random numbers (splitmix64) ---- */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Uniform in [0, n), n > 0. */
static uint32_t rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]. */
static int rng_range(struct rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

static int rng_pct(struct rng *r, uint32_t pct)
{
	return rng_below(r, 100) < pct;
}

static unsigned rng_weighted(struct rng *r, const unsigned *w, unsigned n)
{
	unsigned total = 0;
	for (unsigned i = 0; i < n; i++)
		total += w[i];
	unsigned x = rng_below(r, total);
	for (unsigned i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

static void shuffle_sizes(struct rng *r, size_t *a, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = rng_below(r, (uint32_t)i);
		size_t t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

static void shuffle_ints(struct rng *r, int *a, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = rng_below(r, (uint32_t)i);
		int t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

/* ---- CSV output ---- */

/* Quotes like the library's writer: when the field holds the delimiter, a
 * quote, CR or LF, or starts or ends with a space. */
static void csv_put(struct buf *b, const char *s, int first)
{
	if (!first)
		buf_addc(b, ';');
	size_t n = strlen(s);
	int quote = n && (s[0] == ' ' || s[n - 1] == ' ');
	if (!quote)
		quote = strpbrk(s, ";\"\r\n") != NULL;
	if (!quote) {
		buf_add(b, s, n);
		return;
	}
	buf_addc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_addc(b, '"');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
}

static void csv_eol(struct buf *b)
{
	buf_add(b, "\r\n", 2);
}

#define UTF8_BOM "\xEF\xBB\xBF"

static const char *const roadmap_headers[16] = {
	"Référence",
	"Titre",
	"Description",
	"Thème",
	"Niveau d'engagement visé",
	"Statut",
	"Action clé",
	"Direction pilote",
	"Date de début",
	"Échéance",
	"Budget (€)",
	"Indicateur",
	"Impact évité estimé",
	"Unité de l'impact",
	"Méthode d'estimation",
	"Commentaire",
};

/* A file written through a buffer flushed every megabyte. */
struct out {
	FILE *f;
	struct buf b;
	const char *path;
	int err; /* errno of the first failure, 0 if none */
	uint64_t bytes;
};

static int out_open(struct out *o, const char *path)
{
	buf_init(&o->b);
	o->path = path;
	o->err = 0;
	o->bytes = 0;
	o->f = fopen(path, "wb");
	if (!o->f) {
		o->err = errno;
		return -1;
	}
	return 0;
}

static void out_flush(struct out *o)
{
	if (o->b.len && !o->err && fwrite(o->b.ptr, 1, o->b.len, o->f) != o->b.len)
		o->err = errno ? errno : EIO;
	o->bytes += o->b.len;
	buf_reset(&o->b);
}

static void out_maybe_flush(struct out *o)
{
	if (o->b.len >= (1u << 20))
		out_flush(o);
}

/* Flushes and closes; 0 ok, -1 with a French message on stderr. */
static int out_close(struct out *o, uint64_t *total)
{
	if (o->f) {
		out_flush(o);
		if (fclose(o->f) != 0 && !o->err)
			o->err = errno ? errno : EIO;
		o->f = NULL;
	}
	buf_free(&o->b);
	if (total)
		*total += o->bytes;
	if (o->err) {
		fprintf(stderr, "gen_roadmaps : impossible d'écrire « %s » : %s\n", o->path,
			strerror(o->err));
		return -1;
	}
	return 0;
}

/* Creates a directory unless it already exists. */
static int make_dir(const char *path)
{
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return 0;
	fprintf(stderr, "gen_roadmaps : impossible de créer le dossier « %s » : %s\n", path,
		strerror(errno));
	return -1;
}

/* ---- dates and numbers ---- */

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days from 2022-01-01 to January 1st of year y (y >= 2022). */
static int year_start(int y)
{
	int d = 0;
	for (int k = 2022; k < y; k++)
		d += is_leap(k) ? 366 : 365;
	return d;
}

/* Appends day (counted from 2022-01-01) as JJ/MM/AAAA. */
static void put_date(struct buf *b, int day)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y = 2022;
	while (day >= (is_leap(y) ? 366 : 365)) {
		day -= is_leap(y) ? 366 : 365;
		y++;
	}
	int m = 0;
	for (;;) {
		int len = mdays[m] + (m == 1 && is_leap(y));
		if (day < len)
			break;
		day -= len;
		m++;
	}
	buf_addf(b, "%02d/%02d/%04d", day + 1, m + 1, y);
}

/* Appends n with groups of three digits separated by a space: "12 000". */
static void put_grouped(struct buf *b, long n)
{
	if (n >= 1000) {
		put_grouped(b, n / 1000);
		buf_addf(b, " %03ld", n % 1000);
	} else {
		buf_addf(b, "%ld", n);
	}
}

/* Appends a value given in tenths with a decimal comma, no useless ",0". */
static void put_tenths(struct buf *b, int64_t tenths)
{
	buf_addf(b, "%" PRId64, tenths / 10);
	if (tenths % 10)
		buf_addf(b, ",%d", (int)(tenths % 10));
}

/* ---- organisations ---- */

struct dir_def {
	const char *suffix;
	const char *name;
};

static const struct dir_def dir_pool[] = {
	{ "DNUM", "Direction du numérique" },
	{ "SNUM", "Service du numérique" },
	{ "DSI", "Direction des systèmes d'information" },
	{ "SG", "Secrétariat général" },
	{ "DA", "Direction des achats" },
	{ "DRH", "Direction des ressources humaines" },
	{ "DAF", "Direction des affaires financières" },
	{ "DIMMO", "Direction de l'immobilier et de la logistique" },
	{ "DCOM", "Délégation à l'information et à la communication" },
};

static const char *dir_name(const char *suffix)
{
	for (size_t i = 0; i < sizeof(dir_pool) / sizeof(dir_pool[0]); i++)
		if (strcmp(dir_pool[i].suffix, suffix) == 0)
			return dir_pool[i].name;
	return suffix;
}

/* Directions that usually own actions of a theme, by preference. */
static const char *const theme_dirs[THEME_COUNT][4] = {
	[THEME_STRATEGIE] = { "SG", "DNUM", "SNUM", "DSI" },
	[THEME_SENSIBILISATION] = { "DRH", "DCOM", "SG", "DNUM" },
	[THEME_ACHATS] = { "DA", "DAF", "DNUM", "SNUM" },
	[THEME_CONCEPTION] = { "DNUM", "SNUM", "DSI", "DCOM" },
	[THEME_DATACENTER] = { "DNUM", "SNUM", "DSI", "DIMMO" },
	[THEME_USAGE] = { "DNUM", "SNUM", "DSI", "DIMMO" },
	[THEME_FIN_DE_VIE] = { "DIMMO", "DA", "DNUM", "SNUM" },
};

struct demo_min {
	const char *code;
	const char *name;
	const char *slug;      /* e-mail subdomain of exemple.gouv.fr */
	const char *short_ref; /* reference prefix of its actions */
	int n2022;	       /* actions of the 2022 roadmap */
	int real_pct;	       /* share of them realised, percent */
	const char *dirs[6];   /* direction suffixes, NULL-terminated */
	int ncorr, nlect;      /* correspondants, lecteurs */
	int nplan;	       /* actions of a 2023-2025 roadmap, 0 if none */
};

/* clang-format off */
static const struct demo_min demo_mins[] = {
	{ "MIN-ARMEES", "Ministère des Armées", "armees", "ARMEES", 38, 34,
	  { "DNUM", "SG", "DA", "DRH", "DIMMO", NULL }, 3, 0, 0 },
	{ "MIN-ECO", "Ministères économiques et financiers", "finances", "ECO", 45, 36,
	  { "DNUM", "SG", "DA", "DAF", "DIMMO", NULL }, 3, 1, 8 },
	{ "MIN-INT", "Ministère de l'Intérieur et des Outre-mer", "interieur", "INT", 34, 28,
	  { "DNUM", "SG", "DA", "DIMMO", NULL }, 2, 1, 0 },
	{ "MIN-JUST", "Ministère de la Justice", "justice", "JUST", 26, 22,
	  { "SNUM", "SG", "DA", NULL }, 2, 0, 0 },
	{ "MIN-EDUC", "Ministère de l'Éducation nationale et de la Jeunesse", "education", "EDUC",
	  32, 27, { "DNUM", "SG", "DAF", "DRH", NULL }, 2, 1, 0 },
	{ "MIN-TE", "Ministère de la Transition écologique et de la Cohésion des territoires",
	  "ecologie", "TE", 42, 38, { "DNUM", "SG", "DA", "DCOM", NULL }, 3, 1, 6 },
	{ "MIN-SANTE", "Ministère de la Santé et de la Prévention", "sante", "SANTE", 24, 21,
	  { "DSI", "SG", "DAF", NULL }, 1, 0, 0 },
	{ "MIN-AGRI", "Ministère de l'Agriculture et de la Souveraineté alimentaire", "agriculture",
	  "AGRI", 28, 31, { "SNUM", "SG", "DA", NULL }, 2, 0, 0 },
	{ "MIN-CULT", "Ministère de la Culture", "culture", "CULT", 21, 24,
	  { "SNUM", "SG", NULL }, 1, 0, 0 },
	{ "MIN-EUROPE", "Ministère de l'Europe et des Affaires étrangères", "diplomatie", "EUROPE",
	  22, 26, { "DNUM", "SG", "DIMMO", NULL }, 1, 0, 0 },
	{ "MIN-TRAV", "Ministère du Travail, du Plein emploi et de l'Insertion", "travail", "TRAV",
	  20, 20, { "DSI", "SG", NULL }, 1, 0, 0 },
};
/* clang-format on */

#define DEMO_NMIN (sizeof(demo_mins) / sizeof(demo_mins[0]))

/* Services (below a direction), to show a deeper tree. */
static const struct {
	const char *code, *name, *parent;
} demo_services[] = {
	{ "MIN-ECO-DNUM-BHI", "Bureau de l'hébergement et des infrastructures", "MIN-ECO-DNUM" },
	{ "MIN-INT-DNUM-SDI", "Sous-direction des infrastructures et des réseaux", "MIN-INT-DNUM" },
};

static const char *const first_names[] = {
	"Claire",    "Julien",	 "Sophie",  "Nicolas",	"Hélène",    "Thomas",	 "Isabelle",
	"Mathieu",   "Camille",	 "Antoine", "Nathalie", "Sébastien", "Émilie",	 "Laurent",
	"Aurélie",   "François", "Céline",  "Olivier",	"Anaïs",     "Jérôme",	 "Marion",
	"Guillaume", "Sandrine", "Benoît",  "Élodie",	"Romain",    "Caroline", "Vincent",
	"Agnès",     "Stéphane", "Laure",   "Damien",	"Valérie",   "Pierre",	 "Chloé",
	"Fabrice",   "Mélanie",	 "Yann",    "Inès",	"Karim",
};

static const char *const last_names[] = {
	"Martin",   "Bernard",	"Dubois",   "Robert",	"Richard",  "Petit",	 "Durand",
	"Leroy",    "Moreau",	"Simon",    "Lefebvre", "Michel",   "Garcia",	 "David",
	"Bertrand", "Roux",	"Fournier", "Morel",	"Girard",   "André",	 "Mercier",
	"Dupont",   "Lambert",	"Bonnet",   "Legrand",	"Garnier",  "Faure",	 "Rousseau",
	"Blanc",    "Guérin",	"Muller",   "Henry",	"Roussel",  "Perrin",	 "Morin",
	"Clément",  "Gauthier", "Dumont",   "Lopez",	"Fontaine", "Chevalier", "Robin",
	"Benali",   "Nguyen",	"Le Gall",  "Kerboul",	"Da Silva", "Haddad",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- statistics, for the summary and the demo README ---- */

struct stats {
	size_t actions;
	size_t by_theme[THEME_COUNT];
	size_t real_by_theme[THEME_COUNT];
	size_t key_by_theme[THEME_COUNT];
	size_t by_status[STATUS_COUNT];
	size_t by_level[LEVEL_COUNT];
	size_t key, key_impact, impact, budget, with_dir, with_dates;
	int64_t budget_cents;
	int64_t ghg_tenths_kg;	   /* sum of GHG estimates, tenths of kgCO2e */
	int64_t energy_tenths_kwh; /* sum of energy estimates, tenths of kWh */
};

static void stats_add(struct stats *to, const struct stats *s)
{
	to->actions += s->actions;
	for (int t = 0; t < THEME_COUNT; t++) {
		to->by_theme[t] += s->by_theme[t];
		to->real_by_theme[t] += s->real_by_theme[t];
		to->key_by_theme[t] += s->key_by_theme[t];
	}
	for (int t = 0; t < STATUS_COUNT; t++)
		to->by_status[t] += s->by_status[t];
	for (int t = 0; t < LEVEL_COUNT; t++)
		to->by_level[t] += s->by_level[t];
	to->key += s->key;
	to->key_impact += s->key_impact;
	to->impact += s->impact;
	to->budget += s->budget;
	to->with_dir += s->with_dir;
	to->with_dates += s->with_dates;
	to->budget_cents += s->budget_cents;
	to->ghg_tenths_kg += s->ghg_tenths_kg;
	to->energy_tenths_kwh += s->energy_tenths_kwh;
}

/* ---- roadmaps ---- */

struct gen_dir {
	char *code;
	const char *suffix;
};

/* What one roadmap file holds. */
struct rm_spec {
	const char *ref_prefix; /* references are PREFIX-000123 */
	int ref_width;		/* digits of the number */
	int first_year, last_year;
	size_t n;
	const struct gen_dir *dirs;
	size_t ndirs;
	int real_pct; /* share of realised actions, percent */
	int planning; /* a future period: only "à lancer" and "en cours" */
	int numbered; /* benchmark: titles get " (n° k)", and may repeat */
};

/* Titles not yet used in the current roadmap, shuffled, by theme. */
struct pools {
	size_t idx[THEME_COUNT][MAX_PER_THEME];
	size_t n[THEME_COUNT];
	size_t pos[THEME_COUNT];
};

static void pools_reset(struct pools *p, struct rng *r)
{
	memset(p->n, 0, sizeof(p->n));
	memset(p->pos, 0, sizeof(p->pos));
	for (size_t i = 0; i < GEN_CATALOGUE_N; i++) {
		enum theme t = gen_catalogue[i].theme;
		p->idx[t][p->n[t]++] = i;
	}
	for (int t = 0; t < THEME_COUNT; t++)
		shuffle_sizes(r, p->idx[t], p->n[t]);
}

/* Theme weights, percent (sum 100): many sensibilisation, achats, usage, fin d'usage; few data
 * centres. */
static const unsigned theme_weights[THEME_COUNT] = { 12, 20, 18, 11, 6, 18, 15 };

/* Engagement level weights by status (réflexion, expérimentation, réalisation). */
static const unsigned level_weights[STATUS_COUNT][LEVEL_COUNT] = {
	[STATUS_A_LANCER] = { 35, 30, 35 },   [STATUS_EN_COURS] = { 20, 35, 45 },
	[STATUS_REALISEE] = { 10, 30, 60 },   [STATUS_REPORTEE] = { 35, 35, 30 },
	[STATUS_ABANDONNEE] = { 35, 40, 25 },
};

/* Budget by theme: share of actions with one, range and step in euros. */
static const struct {
	int pct, lo, hi, step;
} budgets[THEME_COUNT] = {
	[THEME_STRATEGIE] = { 15, 5000, 40000, 1000 },
	[THEME_SENSIBILISATION] = { 40, 1500, 35000, 500 },
	[THEME_ACHATS] = { 15, 5000, 120000, 5000 },
	[THEME_CONCEPTION] = { 40, 5000, 180000, 5000 },
	[THEME_DATACENTER] = { 50, 20000, 400000, 10000 },
	[THEME_USAGE] = { 25, 3000, 80000, 1000 },
	[THEME_FIN_DE_VIE] = { 25, 2000, 45000, 500 },
};

struct gen {
	struct rng rng;
	struct pools pools;
	struct buf tmp;
};

/* An unused catalogue action of theme t (of another theme when t has none
 * left and titles must stay unique). */
static const struct gen_entry *pick_entry(struct gen *g, const struct rm_spec *sp, enum theme t,
					  int key)
{
	struct pools *p = &g->pools;
	while (p->pos[t] >= p->n[t]) {
		if (sp->numbered) { /* titles may repeat: start the theme's pool again */
			shuffle_sizes(&g->rng, p->idx[t], p->n[t]);
			p->pos[t] = 0;
			break;
		}
		t = (enum theme)rng_weighted(&g->rng, theme_weights, THEME_COUNT);
	}
	/* Key actions are mostly ones whose avoided impact can be estimated. */
	if (key && rng_pct(&g->rng, 85)) {
		for (size_t k = p->pos[t]; k < p->n[t]; k++) {
			if (gen_catalogue[p->idx[t][k]].method) {
				size_t s = p->idx[t][k];
				p->idx[t][k] = p->idx[t][p->pos[t]];
				p->idx[t][p->pos[t]] = s;
				break;
			}
		}
	}
	return &gen_catalogue[p->idx[t][p->pos[t]++]];
}

static const struct gen_dir *pick_dir(struct gen *g, const struct rm_spec *sp, enum theme t)
{
	if (!sp->ndirs || !rng_pct(&g->rng, 88))
		return NULL;
	if (rng_pct(&g->rng, 75)) {
		for (int k = 0; k < 4; k++)
			for (size_t d = 0; d < sp->ndirs; d++)
				if (strcmp(sp->dirs[d].suffix, theme_dirs[t][k]) == 0)
					return &sp->dirs[d];
	}
	return &sp->dirs[rng_below(&g->rng, (uint32_t)sp->ndirs)];
}

/* Start and due days (from 2022-01-01) fitting the status and the period;
 * -1 for no date. */
static void pick_dates(struct gen *g, const struct rm_spec *sp, enum status st, int *start,
		       int *due)
{
	struct rng *r = &g->rng;
	int y0 = year_start(sp->first_year);
	int cap = year_start(sp->planning ? sp->last_year + 1 : sp->first_year + 2) - 1;
	*start = *due = -1;
	unsigned u = rng_below(r, 100);
	if (u < 8)
		return;
	if (sp->planning) {
		*start = y0 + rng_range(r, 10, 365 + 180);
		*due = *start + rng_range(r, 180, 900);
	} else {
		switch (st) {
		case STATUS_REALISEE:
			*start = y0 + rng_range(r, 2, 303);
			*due = *start + rng_range(r, 30, 240);
			if (*due > y0 + 364)
				*due = y0 + 364;
			break;
		case STATUS_EN_COURS:
			*start = y0 + rng_range(r, 2, 333);
			*due = *start + rng_range(r, 120, 540);
			break;
		case STATUS_A_LANCER:
			*start = y0 + rng_range(r, 243, 454);
			*due = *start + rng_range(r, 90, 300);
			break;
		case STATUS_REPORTEE:
			*start = y0 + rng_range(r, 59, 272);
			*due = *start + rng_range(r, 300, 600);
			break;
		default:
			*start = y0 + rng_range(r, 2, 180);
			*due = *start + rng_range(r, 90, 365);
			break;
		}
	}
	if (*due > cap)
		*due = cap;
	if (u < 12) /* a start date, no due date yet */
		*due = -1;
}

/* Writes one action row into out and counts it in s. */
static void gen_action(struct gen *g, const struct rm_spec *sp, size_t num, enum theme th,
		       enum status st, int key, struct buf *out, struct stats *s)
{
	struct rng *r = &g->rng;
	struct buf *t = &g->tmp;
	const struct gen_entry *e = pick_entry(g, sp, th, key);
	enum level lv = (enum level)rng_weighted(r, level_weights[st], LEVEL_COUNT);
	const struct gen_dir *dir = pick_dir(g, sp, e->theme);

	buf_reset(t);
	buf_addf(t, "%s-%0*zu", sp->ref_prefix, sp->ref_width, num);
	csv_put(out, t->ptr, 1);

	buf_reset(t);
	buf_adds(t, e->title);
	if (sp->numbered)
		buf_addf(t, " (n° %zu)", num);
	csv_put(out, t->ptr, 0);

	buf_reset(t);
	buf_adds(t, e->desc);
	if (rng_pct(r, 45)) {
		const char *c = gen_context[rng_below(r, GEN_CONTEXT_N)];
		buf_addc(t, strchr(c, '\n') ? '\n' : ' ');
		buf_adds(t, c);
	}
	csv_put(out, t->ptr, 0);

	csv_put(out, theme_label(e->theme), 0);
	csv_put(out, level_label(lv), 0);
	csv_put(out, status_label(st), 0);
	csv_put(out, key ? "oui" : "non", 0);
	csv_put(out, dir ? dir->code : "", 0);

	int start, due;
	pick_dates(g, sp, st, &start, &due);
	buf_reset(t);
	if (start >= 0)
		put_date(t, start);
	csv_put(out, t->ptr, 0);
	buf_reset(t);
	if (due >= 0)
		put_date(t, due);
	csv_put(out, t->ptr, 0);

	buf_reset(t);
	if (rng_pct(r, (uint32_t)budgets[e->theme].pct)) {
		/* The theme's range, or up to the action's own ceiling; round steps;
		 * skewed towards small amounts: most actions cost little, a few a lot. */
		static const int steps[] = { 10000, 5000, 1000, 500, 100 };
		int lo = budgets[e->theme].lo;
		int hi = e->budget_max ? e->budget_max : budgets[e->theme].hi;
		int step = 100;
		for (size_t k = 0; k < NELEM(steps); k++) {
			if (steps[k] <= budgets[e->theme].step && hi / steps[k] >= 20) {
				step = steps[k];
				break;
			}
		}
		if (lo > hi / 4)
			lo = hi / 10 / step * step;
		if (lo < step)
			lo = step;
		int64_t nsteps = (hi - lo) / step + 1;
		int64_t k = rng_below(r, (uint32_t)nsteps);
		int64_t euros = lo + (int64_t)step * (k * k / nsteps);
		int64_t cents = euros * 100;
		if (rng_pct(r, 12)) /* a quote's exact amount rather than a round figure */
			cents -= (int64_t)rng_below(r, (uint32_t)step) * 100 + rng_below(r, 100);
		buf_addf(t, "%" PRId64 ",%02d", cents / 100, (int)(cents % 100));
		s->budget++;
		s->budget_cents += cents;
	}
	csv_put(out, t->ptr, 0);

	csv_put(out, rng_pct(r, 75) ? e->indicator : "", 0);

	int impact = e->method && (key || rng_pct(r, 6));
	if (impact) {
		int q = e->qlo +
			e->qstep * (int)rng_below(r, (uint32_t)((e->qhi - e->qlo) / e->qstep + 1));
		int64_t tenths = ((int64_t)q * e->milli + 50) / 100;
		if (tenths < 1)
			tenths = 1;
		buf_reset(t);
		put_tenths(t, tenths);
		csv_put(out, t->ptr, 0);
		csv_put(out, iunit_code(e->unit), 0);
		buf_reset(t);
		const char *mark = strstr(e->method, "{q}");
		if (mark) {
			buf_add(t, e->method, (size_t)(mark - e->method));
			put_grouped(t, q);
			buf_adds(t, mark + 3);
		} else {
			buf_adds(t, e->method);
		}
		csv_put(out, t->ptr, 0);
		s->impact++;
		s->key_impact += key != 0;
		switch (e->unit) {
		case IUNIT_KGCO2E: s->ghg_tenths_kg += tenths; break;
		case IUNIT_TCO2E: s->ghg_tenths_kg += tenths * 1000; break;
		case IUNIT_KWH: s->energy_tenths_kwh += tenths; break;
		default: s->energy_tenths_kwh += tenths * 1000; break;
		}
	} else {
		csv_put(out, "", 0);
		csv_put(out, "", 0);
		csv_put(out, "", 0);
	}

	const char *comment = "";
	if (st == STATUS_REPORTEE || st == STATUS_ABANDONNEE || rng_pct(r, 30))
		comment = gen_comments[st][rng_below(r, 4)];
	csv_put(out, comment, 0);
	csv_eol(out);

	s->actions++;
	s->by_theme[e->theme]++;
	s->real_by_theme[e->theme] += st == STATUS_REALISEE;
	s->key_by_theme[e->theme] += key != 0;
	s->by_status[st]++;
	s->by_level[lv]++;
	s->key += key != 0;
	s->with_dir += dir != NULL;
	s->with_dates += start >= 0;
}

static size_t pct_of(size_t n, int pct)
{
	return (n * (size_t)pct + 50) / 100;
}

/* Writes the roadmap file path; themes, statuses and key actions are dealt
 * by quota (then shuffled) so each roadmap's shares are close to the targets. */
static int write_roadmap(struct gen *g, const struct rm_spec *sp, const char *path, struct stats *s,
			 uint64_t *bytes)
{
	struct out o;
	size_t n = sp->n;
	int *st = xmalloc((n ? n : 1) * sizeof(*st));
	int *key = xmalloc((n ? n : 1) * sizeof(*key));
	int *th = xmalloc((n ? n : 1) * sizeof(*th));
	size_t k = 0;
	for (int t = 0; t < THEME_COUNT; t++)
		for (size_t c = n * theme_weights[t] / 100; c > 0; c--)
			th[k++] = t;
	while (k < n)
		th[k++] = (int)rng_weighted(&g->rng, theme_weights, THEME_COUNT);
	shuffle_ints(&g->rng, th, n);
	k = 0;
	if (sp->planning) {
		size_t ncur = pct_of(n, 35);
		for (; k < ncur; k++)
			st[k] = STATUS_EN_COURS;
	} else {
		size_t nreal = pct_of(n, sp->real_pct);
		size_t nrep = pct_of(n, rng_range(&g->rng, 3, 7));
		size_t nab = pct_of(n, rng_range(&g->rng, 1, 4));
		size_t i;
		for (i = 0; i < nreal && k < n; i++)
			st[k++] = STATUS_REALISEE;
		for (i = 0; i < nrep && k < n; i++)
			st[k++] = STATUS_REPORTEE;
		for (i = 0; i < nab && k < n; i++)
			st[k++] = STATUS_ABANDONNEE;
		size_t rest = n - k, ncur = pct_of(rest, 60);
		for (i = 0; i < ncur; i++)
			st[k++] = STATUS_EN_COURS;
	}
	while (k < n)
		st[k++] = STATUS_A_LANCER;
	size_t nkey = pct_of(n, rng_range(&g->rng, 13, 17));
	for (k = 0; k < n; k++)
		key[k] = k < nkey;
	shuffle_ints(&g->rng, st, n);
	shuffle_ints(&g->rng, key, n);

	pools_reset(&g->pools, &g->rng);
	int rc = out_open(&o, path);
	if (rc == 0) {
		buf_adds(&o.b, UTF8_BOM);
		for (int c = 0; c < 16; c++)
			csv_put(&o.b, roadmap_headers[c], c == 0);
		csv_eol(&o.b);
		for (k = 0; k < n; k++) {
			gen_action(g, sp, k + 1, (enum theme)th[k], (enum status)st[k], key[k],
				   &o.b, s);
			out_maybe_flush(&o);
		}
	}
	rc = out_close(&o, bytes);
	free(st);
	free(key);
	free(th);
	return rc;
}

/* ---- organisations.csv and personnes.csv ---- */

static void org_row(struct buf *b, const char *code, const char *name, enum org_kind kind,
		    const char *parent)
{
	csv_put(b, code, 1);
	csv_put(b, name, 0);
	csv_put(b, org_kind_code(kind), 0);
	csv_put(b, parent, 0);
	csv_eol(b);
}

static void person_row(struct buf *b, const char *email, const char *name, enum role role,
		       const char *org)
{
	csv_put(b, email, 1);
	csv_put(b, name, 0);
	csv_put(b, role_code(role), 0);
	csv_put(b, org, 0);
	csv_eol(b);
}

#define MISSION_CODE "MISSION"
#define MISSION_NAME "Mission interministérielle numérique responsable"

/* Appends the e-mail local part of a name: folded, words joined by '-'. */
static void put_email_part(struct buf *b, const char *name)
{
	struct buf f = BUF_INIT;
	text_fold(name, &f);
	for (char *p = f.ptr; *p; p++)
		if (*p == ' ')
			*p = '-';
	buf_adds(b, f.ptr);
	buf_free(&f);
}

/* People with unique names; keeps the e-mails issued so far. */
struct people {
	struct buf rows;
	char **emails;
	size_t n, cap;
	size_t by_role[ROLE_COUNT];
};

static void add_person(struct gen *g, struct people *pp, const char *slug, enum role role,
		       const char *org)
{
	struct buf email = BUF_INIT, name = BUF_INIT;
	for (;;) {
		const char *fn = first_names[rng_below(&g->rng, NELEM(first_names))];
		const char *ln = last_names[rng_below(&g->rng, NELEM(last_names))];
		buf_reset(&email);
		put_email_part(&email, fn);
		buf_addc(&email, '.');
		put_email_part(&email, ln);
		buf_addf(&email, "@%s.exemple.gouv.fr", slug);
		int used = 0;
		for (size_t i = 0; i < pp->n && !used; i++)
			used = strcmp(pp->emails[i], email.ptr) == 0;
		if (used)
			continue;
		buf_reset(&name);
		buf_addf(&name, "%s %s", fn, ln);
		break;
	}
	person_row(&pp->rows, email.ptr, name.ptr, role, org);
	xgrow((void **)&pp->emails, sizeof(*pp->emails), pp->n + 1, &pp->cap);
	pp->emails[pp->n++] = buf_detach(&email);
	pp->by_role[role]++;
	buf_free(&name);
}

static void people_free(struct people *pp)
{
	for (size_t i = 0; i < pp->n; i++)
		free(pp->emails[i]);
	free(pp->emails);
	buf_free(&pp->rows);
}

/* Writes data (already holding its header) to dir/name. */
static int write_file(const char *dir, const char *name, const struct buf *data, uint64_t *bytes)
{
	struct buf path = BUF_INIT;
	struct out o;
	buf_addf(&path, "%s/%s", dir, name);
	if (out_open(&o, path.ptr) == 0)
		buf_add(&o.b, data->ptr, data->len);
	int rc = out_close(&o, bytes);
	buf_free(&path);
	return rc;
}

/* ---- demo mode ---- */

struct demo_rm {
	const char *code;
	const char *period;
	struct stats st;
};

static void md_pct(struct buf *b, size_t part, size_t whole)
{
	/* one decimal, half up, decimal point: the README is English */
	size_t tenths = whole ? (part * 1000 + whole / 2) / whole : 0;
	buf_addf(b, "%zu.%zu %%", tenths / 10, tenths % 10);
}

/* English grouping for the README: 1,234,567. */
static void md_grouped(struct buf *b, int64_t n)
{
	if (n >= 1000) {
		md_grouped(b, n / 1000);
		buf_addf(b, ",%03d", (int)(n % 1000));
	} else {
		buf_addf(b, "%d", (int)n);
	}
}

static void md_tenths(struct buf *b, int64_t tenths)
{
	buf_addf(b, "%" PRId64 ".%d", tenths / 10, (int)(tenths % 10));
}

static void demo_readme(struct buf *b, const struct demo_rm *rms, size_t nrm, size_t ndirs,
			size_t nserv, const struct people *pp)
{
	struct stats y22 = { 0 }, plan = { 0 };
	for (size_t i = 0; i < nrm; i++)
		stats_add(strcmp(rms[i].period, "2022") == 0 ? &y22 : &plan, &rms[i].st);

	buf_adds(b, "# Demo data set (synthetic)\n\n");
	buf_adds(b, "**This data set is synthetic.** It was generated by a program; it is not real "
		    "data from any ministry. Ministry names are those of French ministries so that "
		    "the demo reads naturally, but every direction code, person, e-mail address "
		    "(under the fictitious `exemple.gouv.fr` domain), action, date, budget and "
		    "estimate is invented. Its shape follows the published 2022 review of the "
		    "French interministerial programme for eco-responsible digital (more than 300 "
		    "actions, about 30 % realised, 11 ministries, 7 themes).\n\n");
	buf_adds(b, "## How it was generated\n\n");
	buf_adds(b, "```\ncmake -S . -B build && cmake --build build --target gen_roadmaps\n"
		    "build/gen_roadmaps --demo data/demo\n```\n\n");
	buf_addf(b,
		 "The generator (`bench/gen_roadmaps.c`, catalogue of actions in "
		 "`bench/gen_catalogue.h`) is deterministic: a fixed-seed PRNG (splitmix64, seed "
		 "%" PRIu64 ") combines a catalogue of %zu plausible French action titles "
		 "(at least 12 per theme) with descriptions, follow-up indicators, avoided-impact "
		 "methods, dates, budgets and comments. Running it again gives the same bytes. "
		 "This README is written by the same run, so its figures match the files.\n\n",
		 DEMO_SEED, (size_t)GEN_CATALOGUE_N);
	buf_adds(b, "## Files\n\n");
	buf_adds(b, "| file | content |\n|---|---|\n");
	buf_addf(b,
		 "| `organisations.csv` | `Code;Nom;Type;Parent`: the mission, %zu ministries, "
		 "%zu directions, %zu services (parents before children) |\n",
		 DEMO_NMIN, ndirs, nserv);
	buf_addf(b, "| `personnes.csv` | `E-mail;Nom;Rôle;Organisation`: %zu people |\n", pp->n);
	buf_addf(b,
		 "| `roadmaps/<CODE>-<PERIOD>.csv` | %zu roadmaps in the template of "
		 "`docs/formats/roadmap.md` (UTF-8 with BOM, `;`, CRLF, French labels) |\n\n",
		 nrm);
	buf_adds(b, "All CSV files are UTF-8 with a BOM (so that spreadsheets open them "
		    "correctly), `;`-separated, with CRLF line ends.\n\n"
		    "`review.sh` (written by hand, not by the generator) replays the central "
		    "team's review of 2022 through the CLI, as the people of `personnes.csv`: "
		    "nine roadmaps submitted, seven read, five validated, six review entries, one "
		    "marked addressed.\n\n"
		    "`make run` loads everything (`scripts/load-demo.sh`); by hand:\n\n"
		    "```sh\n"
		    "bash scripts/load-demo.sh build/numeco demo.db data/demo\n"
		    "numeco --db demo.db report --period 2022\n"
		    "```\n\n");

	buf_adds(b, "## Counts\n\n");
	buf_addf(b, "* Organisations: 1 mission, %zu ministries, %zu directions, %zu services.\n",
		 DEMO_NMIN, ndirs, nserv);
	buf_addf(b, "* People: %zu (%zu admin, %zu referent, %zu correspondant, %zu lecteur).\n",
		 pp->n, pp->by_role[ROLE_ADMIN], pp->by_role[ROLE_REFERENT],
		 pp->by_role[ROLE_CORRESPONDANT], pp->by_role[ROLE_LECTEUR]);
	buf_addf(b,
		 "* Period 2022: %zu roadmaps (one per ministry), **%zu actions**, %zu "
		 "realised (",
		 DEMO_NMIN, y22.actions, y22.by_status[STATUS_REALISEE]);
	md_pct(b, y22.by_status[STATUS_REALISEE], y22.actions);
	buf_addf(b, "), %zu key actions (", y22.key);
	md_pct(b, y22.key, y22.actions);
	buf_addf(b,
		 "), of which %zu carry an avoided-impact estimate; %zu actions with an "
		 "estimate in all.\n",
		 y22.key_impact, y22.impact);
	buf_addf(b, "* The %zu estimates of 2022 sum to ", y22.impact);
	md_tenths(b, (y22.ghg_tenths_kg + 500) / 1000);
	buf_adds(b, " tCO2e and ");
	md_tenths(b, (y22.energy_tenths_kwh + 500) / 1000);
	buf_addf(b, " MWh avoided; %zu actions have a budget (€", y22.budget);
	md_grouped(b, y22.budget_cents / 100);
	buf_addf(b, " in all); %zu have an owning direction; %zu have dates.\n", y22.with_dir,
		 y22.with_dates);
	buf_addf(b,
		 "* Period 2023-2025: %zu roadmaps, %zu actions (planned: to launch or in "
		 "progress).\n\n",
		 nrm - DEMO_NMIN, plan.actions);

	buf_adds(b, "### 2022 actions by theme\n\n");
	buf_adds(b, "| theme | actions | realised | key actions |\n|---|---:|---:|---:|\n");
	for (int t = 0; t < THEME_COUNT; t++)
		buf_addf(b, "| %s (`%s`) | %zu | %zu | %zu |\n", theme_label((enum theme)t),
			 theme_code((enum theme)t), y22.by_theme[t], y22.real_by_theme[t],
			 y22.key_by_theme[t]);
	buf_addf(b, "| total | %zu | %zu | %zu |\n\n", y22.actions, y22.by_status[STATUS_REALISEE],
		 y22.key);

	buf_adds(b, "### 2022 actions by status and level\n\n");
	buf_adds(b, "| status | actions |\n|---|---:|\n");
	for (int t = 0; t < STATUS_COUNT; t++)
		buf_addf(b, "| %s | %zu |\n", status_label((enum status)t), y22.by_status[t]);
	buf_adds(b, "\n| target level | actions |\n|---|---:|\n");
	for (int t = 0; t < LEVEL_COUNT; t++)
		buf_addf(b, "| %s | %zu |\n", level_label((enum level)t), y22.by_level[t]);

	buf_adds(b, "\n### Roadmaps\n\n");
	buf_adds(b, "| file | actions | realised | key actions |\n|---|---:|---:|---:|\n");
	for (size_t i = 0; i < nrm; i++)
		buf_addf(b, "| `roadmaps/%s-%s.csv` | %zu | %zu | %zu |\n", rms[i].code,
			 rms[i].period, rms[i].st.actions, rms[i].st.by_status[STATUS_REALISEE],
			 rms[i].st.key);
	buf_adds(b,
		 "\nThe synthetic IT inventories and the avoided-impact estimates of the demo are\n"
		 "described in [`inventaires/README.md`](inventaires/README.md); the yearly\n"
		 "values of the common indicators (2021-2024) in\n"
		 "[`indicateurs/README.md`](indicateurs/README.md).\n");
}

static int run_demo(const char *outdir, uint64_t *bytes, struct buf *summary)
{
	struct gen g;
	memset(&g, 0, sizeof(g));
	g.rng.s = DEMO_SEED;
	buf_init(&g.tmp);
	struct buf orgs = BUF_INIT, path = BUF_INIT, readme = BUF_INIT;
	struct people pp = { BUF_INIT, NULL, 0, 0, { 0 } };
	struct demo_rm rms[DEMO_NMIN * 2];
	size_t nrm = 0, ndirs = 0, nserv = 0;
	int rc = 0;

	buf_adds(&orgs, UTF8_BOM "Code;Nom;Type;Parent\r\n");
	org_row(&orgs, MISSION_CODE, MISSION_NAME, ORG_MISSION, "");
	buf_adds(&pp.rows, UTF8_BOM "E-mail;Nom;Rôle;Organisation\r\n");
	add_person(&g, &pp, "mission", ROLE_ADMIN, MISSION_CODE);
	add_person(&g, &pp, "mission", ROLE_ADMIN, MISSION_CODE);
	add_person(&g, &pp, "mission", ROLE_LECTEUR, MISSION_CODE);

	for (size_t m = 0; m < DEMO_NMIN && rc == 0; m++) {
		const struct demo_min *dm = &demo_mins[m];
		struct gen_dir dirs[6];
		size_t nd = 0;
		org_row(&orgs, dm->code, dm->name, ORG_MINISTERE, "");
		for (; dm->dirs[nd]; nd++) {
			buf_reset(&path);
			buf_addf(&path, "%s-%s", dm->code, dm->dirs[nd]);
			dirs[nd].code = xstrdup(path.ptr);
			dirs[nd].suffix = dm->dirs[nd];
			org_row(&orgs, dirs[nd].code, dir_name(dm->dirs[nd]), ORG_DIRECTION,
				dm->code);
			for (size_t s = 0; s < NELEM(demo_services); s++) {
				if (strcmp(demo_services[s].parent, dirs[nd].code) == 0) {
					org_row(&orgs, demo_services[s].code, demo_services[s].name,
						ORG_SERVICE, dirs[nd].code);
					nserv++;
				}
			}
		}
		ndirs += nd;

		add_person(&g, &pp, dm->slug, ROLE_REFERENT, dm->code);
		/* Correspondants sit in the directions other than the secrétariat général. */
		const char *cdirs[6];
		size_t ncd = 0;
		for (size_t d = 0; d < nd; d++)
			if (strcmp(dirs[d].suffix, "SG") != 0)
				cdirs[ncd++] = dirs[d].code;
		for (int c = 0; c < dm->ncorr && ncd; c++)
			add_person(&g, &pp, dm->slug, ROLE_CORRESPONDANT, cdirs[(size_t)c % ncd]);
		for (int l = 0; l < dm->nlect; l++)
			add_person(&g, &pp, dm->slug, ROLE_LECTEUR, dm->code);

		for (int plan = 0; plan < 2 && rc == 0; plan++) {
			if (plan && !dm->nplan)
				break;
			struct buf prefix = BUF_INIT;
			buf_addf(&prefix, "%s-%d", dm->short_ref, plan ? 2023 : 2022);
			struct rm_spec sp = { prefix.ptr,
					      3,
					      plan ? 2023 : 2022,
					      plan ? 2025 : 2022,
					      (size_t)(plan ? dm->nplan : dm->n2022),
					      dirs,
					      nd,
					      dm->real_pct,
					      plan,
					      0 };
			struct demo_rm *rm = &rms[nrm++];
			memset(rm, 0, sizeof(*rm));
			rm->code = dm->code;
			rm->period = plan ? "2023-2025" : "2022";
			buf_reset(&path);
			buf_addf(&path, "%s/roadmaps/%s-%s.csv", outdir, dm->code, rm->period);
			rc = write_roadmap(&g, &sp, path.ptr, &rm->st, bytes);
			buf_free(&prefix);
		}
		for (size_t d = 0; d < nd; d++)
			free(dirs[d].code);
	}

	if (rc == 0)
		rc = write_file(outdir, "organisations.csv", &orgs, bytes);
	if (rc == 0)
		rc = write_file(outdir, "personnes.csv", &pp.rows, bytes);
	if (rc == 0) {
		demo_readme(&readme, rms, nrm, ndirs, nserv, &pp);
		rc = write_file(outdir, "README.md", &readme, bytes);
	}
	if (rc == 0) {
		struct stats all = { 0 };
		for (size_t i = 0; i < nrm; i++)
			stats_add(&all, &rms[i].st);
		buf_addf(
			summary,
			"données de démonstration : %zu ministères, %zu directions, %zu personnes, "
			"%zu feuilles de route, %zu actions (%zu réalisées, %zu clés)",
			DEMO_NMIN, ndirs, pp.n, nrm, all.actions, all.by_status[STATUS_REALISEE],
			all.key);
	}
	people_free(&pp);
	buf_free(&orgs);
	buf_free(&path);
	buf_free(&readme);
	buf_free(&g.tmp);
	return rc;
}

/* ---- benchmark mode ---- */

static int run_bench(const char *outdir, unsigned long norgs, unsigned long nactions, int single,
		     uint64_t seed, uint64_t *bytes, struct buf *summary)
{
	struct gen g;
	memset(&g, 0, sizeof(g));
	g.rng.s = seed;
	buf_init(&g.tmp);
	struct buf orgs = BUF_INIT, people = BUF_INIT, path = BUF_INIT, code = BUF_INIT;
	struct stats all = { 0 };
	struct gen_dir dirs[2] = { { NULL, "DNUM" }, { NULL, "SG" } };
	int rc = 0;

	buf_adds(&orgs, UTF8_BOM "Code;Nom;Type;Parent\r\n");
	org_row(&orgs, MISSION_CODE, MISSION_NAME, ORG_MISSION, "");
	buf_adds(&people, UTF8_BOM "E-mail;Nom;Rôle;Organisation\r\n");
	person_row(&people, "admin1@mission.exemple.gouv.fr", "Administratrice Un", ROLE_ADMIN,
		   MISSION_CODE);
	person_row(&people, "admin2@mission.exemple.gouv.fr", "Administrateur Deux", ROLE_ADMIN,
		   MISSION_CODE);

	for (unsigned long m = 0; m < norgs && rc == 0; m++) {
		buf_reset(&code);
		buf_addf(&code, "B%04lu", m + 1);
		buf_reset(&path);
		buf_addf(&path, "Ministère d'essai %s", code.ptr);
		org_row(&orgs, code.ptr, path.ptr, ORG_MINISTERE, "");
		for (int d = 0; d < 2; d++) {
			buf_reset(&path);
			buf_addf(&path, "%s-%s", code.ptr, dirs[d].suffix);
			dirs[d].code = buf_detach(&path);
			org_row(&orgs, dirs[d].code, dir_name(dirs[d].suffix), ORG_DIRECTION,
				code.ptr);
		}
		buf_reset(&path);
		buf_adds(&path, "referent.");
		put_email_part(&path, code.ptr);
		buf_adds(&path, "@bench.exemple.gouv.fr");
		struct buf name = BUF_INIT;
		buf_addf(&name, "Référent %s", code.ptr);
		person_row(&people, path.ptr, name.ptr, ROLE_REFERENT, code.ptr);
		buf_free(&name);

		size_t n = nactions / norgs + (m < nactions % norgs);
		struct rm_spec sp = { code.ptr, 5, 2022, 2022, n, dirs, 2, 30, 0, 1 };
		buf_reset(&path);
		buf_addf(&path, "%s/roadmaps/%s-2022.csv", outdir, code.ptr);
		rc = write_roadmap(&g, &sp, path.ptr, &all, bytes);
		if (single && m == 0 && rc == 0) {
			/* Every action in one file for the ministry B0001, with references of
			 * their own (BIG-000001…) so it can be imported next to B0001-2022. */
			struct rm_spec big = { "BIG", 6, 2022, 2022, nactions, dirs, 2, 30, 0, 1 };
			struct stats bst = { 0 };
			buf_reset(&path);
			buf_addf(&path, "%s/roadmaps/BIG-2022.csv", outdir);
			rc = write_roadmap(&g, &big, path.ptr, &bst, bytes);
		}
		for (int d = 0; d < 2; d++) {
			free(dirs[d].code);
			dirs[d].code = NULL;
		}
	}
	if (rc == 0)
		rc = write_file(outdir, "organisations.csv", &orgs, bytes);
	if (rc == 0)
		rc = write_file(outdir, "personnes.csv", &people, bytes);
	if (rc == 0)
		buf_addf(
			summary,
			"données de banc d'essai : %lu ministères, %lu directions, %lu feuilles de "
			"route, %zu actions",
			norgs, norgs * 2, norgs, all.actions);
	if (rc == 0 && single)
		buf_addf(summary,
			 ", plus roadmaps/BIG-2022.csv (%lu actions en un seul fichier, pour "
			 "B0001)",
			 nactions);
	buf_free(&orgs);
	buf_free(&people);
	buf_free(&path);
	buf_free(&code);
	buf_free(&g.tmp);
	return rc;
}

/* ---- command line ---- */

static void usage(FILE *f)
{
	fputs("Usage :\n"
	      "  gen_roadmaps --demo DOSSIER\n"
	      "  gen_roadmaps --orgs N --actions M [--single] [--seed S] DOSSIER\n"
	      "\n"
	      "Génère des données synthétiques (déterministes) dans DOSSIER :\n"
	      "organisations.csv, personnes.csv et roadmaps/<CODE>-<PÉRIODE>.csv au format\n"
	      "de la trame de feuille de route (docs/formats/roadmap.md).\n"
	      "\n"
	      "  --demo        jeu de démonstration : 11 ministères, plus de 300 actions en 2022,\n"
	      "                une période 2023-2025 pour deux ministères, et un README.md\n"
	      "  --orgs N      banc d'essai : N ministères B0001… (1 à 99999), 2 directions "
	      "chacun\n"
	      "  --actions M   nombre total d'actions (0 à 10000000), réparties entre les "
	      "ministères\n"
	      "  --single      écrit aussi roadmaps/BIG-2022.csv : les M actions dans un seul\n"
	      "                fichier, pour le ministère B0001\n"
	      "  --seed S      graine du générateur (entier positif ; 42 par défaut)\n"
	      "  -h, --help    affiche cette aide\n",
	      f);
}

/* Parses a decimal integer in [lo, hi]; -1 with a message when it is not one. */
static int parse_count(const char *opt, const char *s, uint64_t lo, uint64_t hi, uint64_t *out)
{
	char *end;
	if (!s) {
		fprintf(stderr, "gen_roadmaps : l'option %s attend une valeur\n", opt);
		return -1;
	}
	errno = 0;
	unsigned long long v = (*s >= '0' && *s <= '9') ? strtoull(s, &end, 10) : 0;
	if (!(*s >= '0' && *s <= '9') || *end || errno || v < lo || v > hi) {
		fprintf(stderr,
			"gen_roadmaps : valeur invalide pour %s : « %s » (entier de %" PRIu64
			" à %" PRIu64 " attendu)\n",
			opt, s, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int demo = 0, single = 0, have_orgs = 0, have_actions = 0, have_seed = 0;
	uint64_t norgs = 0, nactions = 0, seed = BENCH_SEED;
	const char *outdir = NULL;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--demo") == 0) {
			demo = 1;
		} else if (strcmp(a, "--single") == 0) {
			single = 1;
		} else if (strcmp(a, "--orgs") == 0) {
			if (parse_count(a, argv[i + 1], 1, 99999, &norgs))
				return 2;
			have_orgs = 1;
			i++;
		} else if (strcmp(a, "--actions") == 0) {
			if (parse_count(a, argv[i + 1], 0, 10000000, &nactions))
				return 2;
			have_actions = 1;
			i++;
		} else if (strcmp(a, "--seed") == 0) {
			if (parse_count(a, argv[i + 1], 0, UINT64_MAX, &seed))
				return 2;
			have_seed = 1;
			i++;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "gen_roadmaps : option inconnue « %s »\n\n", a);
			usage(stderr);
			return 2;
		} else if (outdir) {
			fprintf(stderr,
				"gen_roadmaps : un seul dossier de sortie attendu (« %s » puis « "
				"%s »)\n",
				outdir, a);
			return 2;
		} else {
			outdir = a;
		}
	}
	if (!outdir) {
		fputs("gen_roadmaps : dossier de sortie manquant\n\n", stderr);
		usage(stderr);
		return 2;
	}
	if (demo && (have_orgs || have_actions || single || have_seed)) {
		fputs("gen_roadmaps : --demo ne se combine pas avec --orgs, --actions, --single ni "
		      "--seed (le jeu de démonstration est fixe)\n",
		      stderr);
		return 2;
	}
	if (!demo && !(have_orgs && have_actions)) {
		fputs("gen_roadmaps : indiquez --demo, ou bien --orgs N et --actions M\n\n",
		      stderr);
		usage(stderr);
		return 2;
	}
	size_t per_theme[THEME_COUNT] = { 0 };
	for (size_t i = 0; i < GEN_CATALOGUE_N; i++)
		if (++per_theme[gen_catalogue[i].theme] > MAX_PER_THEME)
			xalloc_die("gen_catalogue.h: too many actions in one theme");

	double t0 = now_seconds();
	struct buf rdir = BUF_INIT, summary = BUF_INIT;
	uint64_t bytes = 0;
	buf_addf(&rdir, "%s/roadmaps", outdir);
	int rc = make_dir(outdir) || make_dir(rdir.ptr);
	if (!rc)
		rc = demo ? run_demo(outdir, &bytes, &summary)
			  : run_bench(outdir, (unsigned long)norgs, (unsigned long)nactions, single,
				      seed, &bytes, &summary);
	if (!rc) {
		long ms = (long)((now_seconds() - t0) * 1000.0 + 0.5);
		fprintf(stderr,
			"gen_roadmaps : %s, %" PRIu64 " octets écrits dans %s en %ld,%03ld s\n",
			summary.ptr, bytes, outdir, ms / 1000, ms % 1000);
	}
	buf_free(&rdir);
	buf_free(&summary);
	return rc ? 1 : 0;
}
