/* gen_indicators.c: deterministic generator of a common-indicators data set
 * for the benchmark: N ministries, a catalogue of 25 indicators (every
 * consolidation rule, weighted means among them), their values over Y years
 * and the states of their collections. Same seed, same bytes.
 *
 * Files (UTF-8 with BOM, ';', CRLF, as numeco exports them):
 *   organisations.csv  Code;Nom;Type;Parent — MISSION, the ministries, one
 *                      direction each (directions report nothing)
 *   catalogue.csv      the catalogue (docs/formats/indicators.md)
 *   valeurs.csv        Ministère;Année;Indicateur;Valeur;Commentaire;Source
 *   etats.csv          Ministère;Année;État — brouillon, soumis or valide
 * Values stay inside each indicator's range and move by at most a few per
 * cent a year (never the ×3 jump that asks for a comment); about 2 % of
 * them are missing, so that completeness and missing weights are exercised.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/xalloc.h"

#define UTF8_BOM "\xEF\xBB\xBF"

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

/* Uniform in [0, 1). */
static double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

static double rng_between(struct rng *r, double lo, double hi)
{
	return lo + (hi - lo) * rng_unit(r);
}

/* ---- the catalogue ---- */

/* One indicator: its catalogue line and how its values are drawn. A value
 * starts in [lo, hi] and moves each year by at most step (relative for
 * counts and amounts, in points for shares and ratios), clamped to
 * [min, max]; dec decimals. */
struct gen_ind {
	const char *code, *label, *unit, *theme, *kind, *rule, *weight;
	const char *min, *max, *better, *targets;
	double lo, hi, step, vmin, vmax;
	int relative, dec;
};

/* clang-format off */
static const struct gen_ind INDS[] = {
	{ "agents", "Agents du ministère", "agents", "sensibilisation", "nombre", "somme", "", "0", "", "hausse", "", 2000, 200000, 0.03, 1, 1e9, 1, 0 },
	{ "agents_formes", "Agents formés au numérique responsable", "agents", "sensibilisation", "nombre", "somme", "", "0", "", "hausse", "", 50, 5000, 0.10, 1, 1e9, 1, 0 },
	{ "part_agents_formes", "Part des agents formés", "%", "sensibilisation", "part", "moyenne_ponderee", "agents", "0", "100", "hausse", "2025=30", 5, 60, 3, 2, 98, 0, 1 },
	{ "postes", "Postes de travail en service", "postes", "usage", "nombre", "somme", "", "0", "", "baisse", "", 1500, 150000, 0.04, 1, 1e9, 1, 0 },
	{ "postes_achetes", "Postes achetés dans l'année", "postes", "achats", "nombre", "somme", "", "0", "", "baisse", "", 200, 30000, 0.08, 1, 1e9, 1, 0 },
	{ "part_reconditionnes", "Part des postes achetés reconditionnés", "%", "achats", "part", "moyenne_ponderee", "postes_achetes", "0", "100", "hausse", "2021=20", 5, 40, 3, 2, 98, 0, 1 },
	{ "duree_vie_postes", "Durée de vie moyenne des postes", "ans", "usage", "ratio", "moyenne_ponderee", "postes", "0", "20", "hausse", "2025=6", 3, 7, 0.3, 1, 15, 0, 1 },
	{ "smartphones", "Téléphones mobiles en service", "appareils", "usage", "nombre", "somme", "", "0", "", "baisse", "", 300, 60000, 0.05, 1, 1e9, 1, 0 },
	{ "equipements_reformes", "Équipements réformés", "équipements", "fin_de_vie", "nombre", "somme", "", "0", "", "baisse", "", 100, 20000, 0.08, 1, 1e9, 1, 0 },
	{ "part_reemploi", "Part des équipements réformés réemployés", "%", "fin_de_vie", "part", "moyenne_ponderee", "equipements_reformes", "0", "100", "hausse", "2023=25|2024=35|2025=50", 10, 50, 3, 2, 98, 0, 1 },
	{ "taux_collecte_deee", "Taux de collecte des DEEE", "%", "fin_de_vie", "part", "moyenne", "", "0", "100", "hausse", "", 40, 95, 3, 2, 98, 0, 1 },
	{ "conso_si_mwh", "Consommation électrique du SI", "MWh", "usage", "nombre", "somme", "", "0", "", "baisse", "", 500, 80000, 0.05, 1, 1e9, 1, 0 },
	{ "conso_dc_mwh", "Consommation électrique des centres de données", "MWh", "datacenter", "nombre", "somme", "", "0", "", "baisse", "", 100, 40000, 0.05, 1, 1e9, 1, 0 },
	{ "pue", "PUE moyen des centres de données", "PUE", "datacenter", "ratio", "moyenne_ponderee", "conso_dc_mwh", "1", "3", "baisse", "2025=1,5", 1.3, 2.4, 0.05, 1.05, 2.9, 0, 2 },
	{ "pue_max", "PUE du centre de données le moins efficace", "PUE", "datacenter", "ratio", "max", "", "1", "3", "baisse", "", 1.5, 2.8, 0.05, 1.05, 2.95, 0, 2 },
	{ "pue_min", "PUE du centre de données le plus efficace", "PUE", "datacenter", "ratio", "min", "", "1", "3", "baisse", "", 1.1, 1.6, 0.03, 1.02, 2.9, 0, 2 },
	{ "salles_serveurs", "Salles serveurs", "salles", "datacenter", "nombre", "somme", "", "0", "", "baisse", "", 2, 300, 0.05, 1, 1e9, 1, 0 },
	{ "services_rgesn", "Services évalués selon le RGESN", "services", "conception", "nombre", "somme", "", "0", "", "hausse", "", 1, 120, 0.10, 1, 1e9, 1, 0 },
	{ "part_declarations", "Part des services avec déclaration d'écoconception", "%", "conception", "part", "moyenne", "", "0", "100", "hausse", "2026=100", 5, 50, 3, 2, 98, 0, 1 },
	{ "poids_pages_ko", "Poids moyen des pages d'accueil", "Ko", "conception", "ratio", "moyenne", "", "0", "20000", "baisse", "", 800, 4000, 0.05, 100, 19000, 1, 0 },
	{ "budget_nr", "Budget consacré au numérique responsable", "€", "strategie", "montant", "somme", "", "0", "", "hausse", "", 10000, 2000000, 0.08, 1, 1e12, 1, 2 },
	{ "part_marches_clauses", "Part des marchés numériques avec clauses environnementales", "%", "achats", "part", "moyenne", "", "0", "100", "hausse", "", 10, 80, 3, 2, 98, 0, 1 },
	{ "pages_imprimees_agent", "Pages imprimées par agent", "pages", "usage", "ratio", "moyenne_ponderee", "agents", "0", "", "baisse", "", 400, 2500, 0.05, 10, 1e6, 1, 0 },
	{ "empreinte_parc_t", "Empreinte carbone du parc", "tCO2e", "strategie", "nombre", "somme", "", "0", "", "baisse", "", 300, 60000, 0.05, 1, 1e12, 1, 0 },
	{ "age_max_postes", "Âge du plus ancien poste en service", "ans", "usage", "ratio", "max", "", "0", "30", "baisse", "", 6, 14, 0.3, 1, 29, 0, 1 },
};
/* clang-format on */
#define NINDS (sizeof(INDS) / sizeof(INDS[0]))

/* ---- CSV ---- */

static void csv_put(struct buf *b, const char *s, int first)
{
	if (!first)
		buf_addc(b, ';');
	if (!strpbrk(s, ";\"\r\n")) {
		buf_adds(b, s);
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

/* A number with dec decimals and a decimal comma, trailing zeros dropped. */
static void put_number(struct buf *b, double v, int dec)
{
	char tmp[64];
	snprintf(tmp, sizeof(tmp), "%.*f", dec, v);
	char *dot = strchr(tmp, '.');
	if (dot) {
		char *end = tmp + strlen(tmp);
		while (end > dot + 1 && end[-1] == '0')
			*--end = '\0';
		if (end == dot + 1)
			*dot = '\0';
		else
			*dot = ',';
	}
	buf_addc(b, ';');
	buf_adds(b, tmp);
}

static int write_file(const char *dir, const char *name, const struct buf *b)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(b->ptr, 1, b->len, f) != b->len || fclose(f)) {
		fprintf(stderr, "gen_indicators: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* ---- the data set ---- */

static void gen_catalogue(struct buf *b)
{
	buf_adds(b, UTF8_BOM "Code;Libellé;Définition;Unité;Thème;Nature;Consolidation;"
			     "Pondération;Minimum;Maximum;Sens;Cibles;Calcul;Source");
	csv_eol(b);
	for (size_t i = 0; i < NINDS; i++) {
		const struct gen_ind *g = &INDS[i];
		csv_put(b, g->code, 1);
		csv_put(b, g->label, 0);
		csv_put(b, "Indicateur synthétique du banc d'essai.", 0);
		csv_put(b, g->unit, 0);
		csv_put(b, g->theme, 0);
		csv_put(b, g->kind, 0);
		csv_put(b, g->rule, 0);
		csv_put(b, g->weight, 0);
		csv_put(b, g->min, 0);
		csv_put(b, g->max, 0);
		csv_put(b, g->better, 0);
		csv_put(b, g->targets, 0);
		csv_put(b, "", 0);
		csv_put(b, "Banc d'essai numeco", 0);
		csv_eol(b);
	}
}

static void gen_orgs(struct buf *b, size_t norgs)
{
	char code[32], name[96];
	buf_adds(b, UTF8_BOM "Code;Nom;Type;Parent");
	csv_eol(b);
	buf_adds(b, "MISSION;Mission interministérielle numérique responsable;mission;");
	csv_eol(b);
	for (size_t m = 0; m < norgs; m++) {
		snprintf(code, sizeof(code), "M%04zu", m + 1);
		snprintf(name, sizeof(name), "Ministère %zu", m + 1);
		buf_addf(b, "%s;%s;ministere;", code, name);
		csv_eol(b);
		buf_addf(b, "%s-DNUM;Direction du numérique %zu;direction;%s", code, m + 1, code);
		csv_eol(b);
	}
}

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Values by ministry, indicator, year; returns how many were written. */
static size_t gen_values(struct buf *b, struct rng *r, size_t norgs, int from, int years)
{
	size_t n = 0;
	char code[32];
	buf_adds(b, UTF8_BOM "Ministère;Année;Indicateur;Valeur;Commentaire;Source");
	csv_eol(b);
	for (size_t m = 0; m < norgs; m++) {
		snprintf(code, sizeof(code), "M%04zu", m + 1);
		for (size_t i = 0; i < NINDS; i++) {
			const struct gen_ind *g = &INDS[i];
			double v = rng_between(r, g->lo, g->hi);
			double scale = pow(10, g->dec);
			for (int y = 0; y < years; y++) {
				double d = rng_between(r, -g->step, g->step);
				v = clamp(g->relative ? v * (1 + d) : v + d, g->vmin, g->vmax);
				v = round(v * scale) / scale;
				if (rng_unit(r) < 0.02)
					continue; /* not reported */
				buf_addf(b, "%s;%d;%s", code, from + y, g->code);
				put_number(b, v, g->dec);
				buf_adds(b, ";;");
				if (i == 0)
					buf_adds(b, "SIRH");
				csv_eol(b);
				n++;
			}
		}
	}
	return n;
}

/* Older years mostly validated; the last one mostly still open. */
static void gen_states(struct buf *b, struct rng *r, size_t norgs, int from, int years)
{
	static const char *const st[] = { "brouillon", "soumis", "valide" };
	char code[32];
	buf_adds(b, UTF8_BOM "Ministère;Année;État");
	csv_eol(b);
	for (size_t m = 0; m < norgs; m++) {
		snprintf(code, sizeof(code), "M%04zu", m + 1);
		for (int y = 0; y < years; y++) {
			double u = rng_unit(r);
			int last = y == years - 1;
			int k = last ? (u < 0.4	  ? 0
					: u < 0.8 ? 1
						  : 2)
				     : (u < 0.05   ? 0
					: u < 0.15 ? 1
						   : 2);
			buf_addf(b, "%s;%d;%s", code, from + y, st[k]);
			csv_eol(b);
		}
	}
}

static void usage(void)
{
	fprintf(stderr, "usage : gen_indicators [--orgs N] [--years Y] [--from ANNÉE] [--seed S] "
			"DOSSIER\n"
			"défaut : 1000 ministères, 10 années à partir de 2016, graine 5\n");
}

int main(int argc, char **argv)
{
	size_t norgs = 1000;
	int years = 10, from = 2016;
	uint64_t seed = 5;
	const char *dir = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (i + 1 < argc && !strcmp(a, "--orgs"))
			norgs = strtoul(argv[++i], NULL, 10);
		else if (i + 1 < argc && !strcmp(a, "--years"))
			years = atoi(argv[++i]);
		else if (i + 1 < argc && !strcmp(a, "--from"))
			from = atoi(argv[++i]);
		else if (i + 1 < argc && !strcmp(a, "--seed"))
			seed = strtoull(argv[++i], NULL, 10);
		else if (a[0] != '-' && !dir)
			dir = a;
		else {
			usage();
			return 2;
		}
	}
	if (!dir || !norgs || norgs > 9999 || years < 1 || years > 50 || from < 2000 ||
	    from + years - 1 > 2100) {
		usage();
		return 2;
	}
	if (mkdir(dir, 0777) && errno != EEXIST) {
		fprintf(stderr, "gen_indicators: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	struct rng r = { seed };
	struct buf cat = BUF_INIT, orgs = BUF_INIT, vals = BUF_INIT, states = BUF_INIT;
	gen_catalogue(&cat);
	gen_orgs(&orgs, norgs);
	size_t n = gen_values(&vals, &r, norgs, from, years);
	gen_states(&states, &r, norgs, from, years);
	int rc = write_file(dir, "catalogue.csv", &cat) ||
		 write_file(dir, "organisations.csv", &orgs) ||
		 write_file(dir, "valeurs.csv", &vals) || write_file(dir, "etats.csv", &states);
	if (!rc)
		printf("%zu ministères, %zu indicateurs, %d années (%d-%d) : %zu valeurs (%.1f "
		       "Mo)\n",
		       norgs, NINDS, years, from, from + years - 1, n, (double)vals.len / 1e6);
	buf_free(&cat);
	buf_free(&orgs);
	buf_free(&vals);
	buf_free(&states);
	return rc ? 1 : 0;
}
