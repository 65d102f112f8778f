/* fp_ref.h: a footprint referential in memory: impact criteria, impact
 * factors per reference item × criterion × phase, electricity mixes per
 * country, item types (default lifespan, server or not, default item),
 * model → item matching, hypotheses (PUEParDefaut, dureeVieParDefaut,
 * taux_utilisation_COPE/BYOD …).
 *
 * Built by the folder loader (fp_ref_load), by the store, or by tests through
 * the fp_ref_add_* functions; read by the evaluation through the lookups,
 * which are O(1) (hash tables): an evaluation makes several lookups per
 * inventory line and must handle a million lines in seconds.
 *
 * Ownership: the referential owns every string; free with fp_ref_free. The
 * string fields of what the *_get functions create are malloc'ed "" (never
 * NULL): callers replace them with free() + xstrdup(). What *_get returns
 * stays at the same address for the referential's life.
 */
#ifndef NUMECO_FP_REF_H
#define NUMECO_FP_REF_H

#include <stddef.h>

#include "core/err.h"
#include "footprint/fp.h"

struct fp_crit {
	char *code;  /* canonical code, e.g. CLIMATE_CHANGE */
	char *label; /* e.g. Climate change */
	char *unit;  /* e.g. kg CO2 eq */
};

/* Impact factors of one reference item (name), per criterion and phase. */
struct fp_item {
	char *name;
	char *category;
	int has_avg_kwh;
	double avg_kwh; /* average yearly consumption (consoElecMoyenne), kWh/yr */
	unsigned char has[FP_MAX_CRIT][FP_PHASE_COUNT];
	double f[FP_MAX_CRIT][FP_PHASE_COUNT];
	char *source;
};

/* Electricity emission factors of one country, per criterion, per kWh. */
struct fp_mix {
	char *country;
	unsigned char has[FP_MAX_CRIT];
	double f[FP_MAX_CRIT];
	char *source;
};

struct fp_item_type {
	char *type;
	int has_lifespan;
	double lifespan; /* default lifespan in years */
	int is_server;
	char *default_item; /* reference item name, "" when none */
	char *source;
};

struct fp_ref;

struct fp_ref *fp_ref_new(const char *name, const char *version);
void fp_ref_free(struct fp_ref *r);

const char *fp_ref_name(const struct fp_ref *r);
const char *fp_ref_version(const struct fp_ref *r);

/* Criteria, in the order they were added (index = criterion id). Adding an
 * existing code or label returns its index. -1 past FP_MAX_CRIT. A NULL or
 * empty code is derived from the label (G4IT's code for its five criteria,
 * else the label's words upper-cased and joined by '_'); a NULL or empty
 * label becomes G4IT's label for the code, else the code. */
int fp_ref_add_crit(struct fp_ref *r, const char *code, const char *label, const char *unit);
size_t fp_ref_ncrit(const struct fp_ref *r);
const struct fp_crit *fp_ref_crit(const struct fp_ref *r, size_t i);
/* Finds a criterion by code or label, case and punctuation ignored
 * ("CLIMATE_CHANGE" = "Climate change"); -1 if unknown. */
int fp_ref_find_crit(const struct fp_ref *r, const char *code_or_label);

/* Items: fp_ref_item_get creates the item when absent (for loaders). */
struct fp_item *fp_ref_item_get(struct fp_ref *r, const char *name);
const struct fp_item *fp_ref_item(const struct fp_ref *r, const char *name); /* NULL if unknown */
size_t fp_ref_nitems(const struct fp_ref *r);
const struct fp_item *fp_ref_item_at(const struct fp_ref *r, size_t i);

struct fp_mix *fp_ref_mix_get(struct fp_ref *r, const char *country);
/* Country names are matched ignoring case, accents, punctuation and spaces
 * ("france" = "France", "Cote Divoire" = "Côte d'Ivoire"). */
const struct fp_mix *fp_ref_mix(const struct fp_ref *r, const char *country);
size_t fp_ref_nmixes(const struct fp_ref *r);
const struct fp_mix *fp_ref_mix_at(const struct fp_ref *r, size_t i);

/* Type names are matched ignoring ASCII case ("server" = "Server"). */
struct fp_item_type *fp_ref_type_get(struct fp_ref *r, const char *type);
const struct fp_item_type *fp_ref_type(const struct fp_ref *r, const char *type);
size_t fp_ref_ntypes(const struct fp_ref *r);
const struct fp_item_type *fp_ref_type_at(const struct fp_ref *r, size_t i);

/* Model → reference item matching. */
void fp_ref_set_match(struct fp_ref *r, const char *model, const char *item);
const char *fp_ref_match(const struct fp_ref *r, const char *model); /* NULL if none */
size_t fp_ref_nmatches(const struct fp_ref *r);
void fp_ref_match_at(const struct fp_ref *r, size_t i, const char **model, const char **item);

/* Hypotheses (key → number). */
void fp_ref_set_hyp(struct fp_ref *r, const char *key, double value, const char *source);
int fp_ref_hyp(const struct fp_ref *r, const char *key, double *value); /* 1 found, 0 not */
size_t fp_ref_nhyps(const struct fp_ref *r);
void fp_ref_hyp_at(const struct fp_ref *r, size_t i, const char **key, double *value,
		   const char **source);

/* Loads a referential folder in any of the three dialects of NumEcoEval /
 * G4IT (see docs/formats/referential.md): NumEcoEval French
 * (characterizationFactors.csv, itemTypes.csv, hypotheses.csv,
 * equipmentRefMatching.csv, criteria.csv, lifecycleSteps.csv), G4IT
 * snake_case (ref_*.csv) or G4IT camelCase (itemImpact.csv, itemType.csv,
 * hypothesis.csv, criterion.csv, lifecycleStep.csv, matchingItem.csv).
 * Headers are matched ignoring case and underscores. Every faulty line goes
 * to d (FILE:LINE: column: message); returns NULL when there is any error. */
struct fp_ref *fp_ref_load_dir(const char *dir, const char *name, const char *version,
			       struct diags *d);

struct embedded_file; /* core/embedded.h */
/* The same from files held in memory (a table ended by a NULL name, e.g. the
 * files embedded in the binary), named as in a folder; the dialect is the one
 * most of the names belong to. */
struct fp_ref *fp_ref_load_files(const struct embedded_file *files, const char *name,
				 const char *version, struct diags *d);

#endif
