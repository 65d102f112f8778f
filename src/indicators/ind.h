/* ind.h: common indicators — the catalogue, value checks, the collection
 * state machine, and the national consolidation (pure: no I/O, no store).
 *
 * Vocabulary (docs/indicators.md):
 *  - an indicator (struct ind_def) is defined once in the catalogue, with its
 *    unit, kind, consolidation rule, valid range, better direction and
 *    targets by year;
 *  - each ministry (root organisation of kind ministere) reports one value
 *    per indicator and year; its values of a year form a collection with a
 *    state: brouillon → soumis → validé;
 *  - some indicators are computed by numeco from what it already stores
 *    (calc != IND_CALC_NONE) where it has the data (a roadmap for the year,
 *    a stored footprint evaluation): such a value cannot be entered by hand
 *    and replaces any entered one; where numeco lacks the data, the
 *    ministry enters the value like any other;
 *  - the national value of an indicator for a year consolidates the values
 *    that count (collections soumis or validé, and computed values) by the
 *    indicator's rule, with the completeness (how many ministries counted
 *    out of how many) beside it.
 *
 * Codes are stable (stored, exported); labels are French (shown). The
 * *_parse functions accept the code or the label, folded (core/text.h).
 */
#ifndef NUMECO_IND_H
#define NUMECO_IND_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/model.h"

/* Kind of quantity. A share is a percentage, 0–100 unless the range says
 * otherwise. */
enum ind_kind { IND_KIND_NUMBER, IND_KIND_SHARE, IND_KIND_AMOUNT, IND_KIND_RATIO, IND_KIND_N };

/* How ministries' values make the national one. IND_RULE_WMEAN weights each
 * value by the same ministry's value of another indicator of the same year
 * (ind_def.weight_code); IND_RULE_MEAN is the plain mean. A share or a ratio
 * cannot be summed. */
enum ind_rule {
	IND_RULE_SUM,
	IND_RULE_WMEAN,
	IND_RULE_MEAN,
	IND_RULE_MIN,
	IND_RULE_MAX,
	IND_RULE_N
};

/* Which way is better (for the gap to the target and the trend's colour). */
enum ind_better { IND_BETTER_UP, IND_BETTER_DOWN, IND_BETTER_N };

/* What numeco computes itself, from stored data, per ministry and year:
 *  - ACTIONS_REALISED_SHARE: % of the actions of the roadmap of the year
 *    (period "YYYY", else the period "A-B" with A <= year <= B) with status
 *    réalisée, over the ministry's tree;
 *  - KEY_ACTIONS: number of key actions of that roadmap;
 *  - FP_GHG_T: climate change total of the stored footprint evaluations of
 *    the year (numeco footprint import) over the ministry's tree, in tCO2e;
 *    evaluations computed with a licensed referential are left out;
 *  - FP_WORKSTATIONS: quantity of workstations (types Laptop, Desktop,
 *    Ordinateur portable, Ordinateur fixe, Thin client, Client léger) in
 *    those evaluations' physical equipment inventories;
 *  - RGESN_SERVICES: number of the ministry's registered digital services
 *    (src/rgesn/) having a complete RGESN assessment dated in the year or
 *    before; known once the ministry has registered a service. */
enum ind_calc {
	IND_CALC_NONE,
	IND_CALC_ACTIONS_REALISED_SHARE,
	IND_CALC_KEY_ACTIONS,
	IND_CALC_FP_GHG_T,
	IND_CALC_FP_WORKSTATIONS,
	IND_CALC_RGESN_SERVICES,
	IND_CALC_N
};

/* State of a ministry's collection of a year. */
enum ind_state { IND_STATE_BROUILLON, IND_STATE_SOUMIS, IND_STATE_VALIDE, IND_STATE_N };

const char *ind_kind_code(enum ind_kind k);  /* "nombre", "part", "montant", "ratio" */
const char *ind_kind_label(enum ind_kind k); /* "Nombre", "Part (%)", "Montant", "Ratio" */
int ind_kind_parse(const char *s, enum ind_kind *out);
const char *
ind_rule_code(enum ind_rule r); /* "somme", "moyenne_ponderee", "moyenne", "min", "max" */
const char *ind_rule_label(enum ind_rule r); /* "Somme", "Moyenne pondérée", … */
int ind_rule_parse(const char *s, enum ind_rule *out);
const char *ind_better_code(enum ind_better b);	 /* "hausse", "baisse" */
const char *ind_better_label(enum ind_better b); /* "À la hausse", "À la baisse" */
int ind_better_parse(const char *s, enum ind_better *out);
/* "" for NONE, "part_actions_realisees", "actions_cles", "empreinte_parc",
 * "postes_de_travail", "services_evalues". */
const char *ind_calc_code(enum ind_calc c);
/* French sentence saying where the value comes from, e.g. "calculé par
 * numeco depuis la feuille de route de l'année". */
const char *ind_calc_label(enum ind_calc c);
int ind_calc_parse(const char *s, enum ind_calc *out); /* "" parses as NONE */
const char *ind_state_code(enum ind_state s);	       /* "brouillon", "soumis", "valide" */
const char *ind_state_label(enum ind_state s);	       /* "Brouillon", "Soumis", "Validé" */
int ind_state_parse(const char *s, enum ind_state *out);
/* 1 when a collection may go from one state to the other: brouillon→soumis,
 * soumis→brouillon|valide, valide→brouillon (who may: core/perm.h). */
int ind_state_can_move(enum ind_state from, enum ind_state to);

/* Years accepted for values and targets. */
enum { IND_YEAR_MIN = 2000, IND_YEAR_MAX = 2100 };

struct ind_target {
	int year;
	double value;
};

/* One indicator of the catalogue. Strings are owned (ind_def_free). */
struct ind_def {
	int64_t id; /* stored id, 0 before storing */
	char *code; /* [a-z0-9_]+, at most 40 bytes */
	char *label;
	char *definition;
	char *unit; /* as shown: "%", "postes", "tCO2e", "MWh", "ans" … */
	enum theme theme;
	enum ind_kind kind;
	enum ind_rule rule;
	char *weight_code; /* IND_RULE_WMEAN: code of the weighting indicator; "" otherwise */
	int has_min, has_max;
	double min, max; /* the valid range (inclusive) */
	enum ind_better better;
	enum ind_calc calc;
	char *source; /* law, decree, programme the indicator comes from */
	/* Targets sorted by year. A target holds from its year on, until the
	 * next one: "2023=25|2024=35|2025=50" means 50 for 2026 too. */
	struct ind_target *targets;
	size_t ntargets;
};

struct ind_catalogue {
	struct ind_def *items; /* in the catalogue's order */
	size_t n, cap;
};

void ind_def_free(struct ind_def *d);
/* Deep copy of src into dst (dst is overwritten, not freed first). */
void ind_def_copy(struct ind_def *dst, const struct ind_def *src);
void ind_catalogue_free(struct ind_catalogue *c);
/* Index of code in c, or -1. */
long ind_catalogue_find(const struct ind_catalogue *c, const char *code);

/* Parses a catalogue CSV (docs/formats/indicators.md: `;` or `,`, UTF-8 with
 * or without BOM, French headers Code;Libellé;Définition;Unité;Thème;Nature;
 * Consolidation;Pondération;Minimum;Maximum;Sens;Cibles;Calcul;Source).
 * Every faulty line is reported in d ("FILE:LINE: Field: message"), then
 * the whole catalogue is checked with ind_catalogue_check. Returns 0 and
 * fills out (initialised by the call) when there is no error, else -1 with
 * out empty. name is the file name used in messages. */
int ind_catalogue_parse(const char *name, const char *data, size_t len, struct ind_catalogue *out,
			struct diags *d);
/* Checks one definition on its own (code syntax, label and unit present,
 * min <= max, a share within 0–100, a sum rule only for counts and
 * amounts, a weight code only with moyenne_ponderee, targets inside the
 * range and years in [IND_YEAR_MIN, IND_YEAR_MAX], no year twice). Appends
 * one French message per problem to why ("; " between them); 0 when fine,
 * -1 otherwise. */
int ind_def_check(const struct ind_def *d, struct buf *why);
/* Checks the catalogue as a whole: unique codes, weights naming an
 * indicator of the catalogue that is not itself weighted. Reports into d
 * against name (line 0). Returns 0 when fine. */
int ind_catalogue_check(const struct ind_catalogue *c, const char *name, struct diags *d);
/* Writes the catalogue as CSV in the same format (UTF-8 BOM, `;`, CRLF). */
void ind_catalogue_write_csv(const struct ind_catalogue *c, struct buf *out);
/* Parses "2023=25|2024=35" (French decimals accepted, "" for none) into a
 * sorted array (malloc'd, *out NULL when none). -1 with err on bad text. */
int ind_targets_parse(const char *s, struct ind_target **out, size_t *n, struct err *err);
/* Writes targets as "2023=25|2024=35". */
void ind_targets_write(const struct ind_target *t, size_t n, struct buf *out);
/* The target that holds for year: 1 and *value when there is one. */
int ind_target_for(const struct ind_def *d, int year, double *value);

/* ---- checking an entered value ---- */

enum ind_check {
	IND_CHECK_OK,
	IND_CHECK_RANGE,	/* outside [min, max]: refused */
	IND_CHECK_NEEDS_COMMENT /* more than ×3 or less than ÷3 the previous year's
				   value, and no comment: refused until one is given */
};
/* Checks value v of d; prev (when has_prev) is the same ministry's value of
 * the year before. A jump is v > 3·prev or 3·v < prev, prev > 0 (from 0 any
 * value is accepted). A non-blank comment confirms a jump. Writes the French
 * reason to why (emptied first) unless OK. */
enum ind_check ind_check_value(const struct ind_def *d, double v, int has_prev, double prev,
			       const char *comment, struct buf *why);

/* ---- a CSV file of values ---- */

/* One line of a values file (docs/formats/indicators.md). */
struct ind_row {
	long line;
	char *ministry; /* organisation code as written */
	int year;
	char *code;    /* indicator code as written */
	int has_value; /* 0: the cell is blank (the value is to be removed) */
	double value;
	char *comment; /* "" when none */
	char *source;
	int computed; /* column Origine says "calculée": a line of an export,
			 skipped on import */
};
struct ind_rows {
	struct ind_row *items;
	size_t n, cap;
};
void ind_rows_free(struct ind_rows *r);
/* Parses a values CSV: required columns Ministère;Année;Indicateur;Valeur,
 * optional Commentaire;Source;Origine, and the export's other columns (Nom
 * du ministère, Libellé, Unité, État) accepted and ignored. Syntax only
 * (the store is not read): a year outside [IND_YEAR_MIN, IND_YEAR_MAX], a
 * value that is not a number, an empty code are reported in d per line.
 * out (initialised by the call) holds the lines that parsed, also when
 * others did not, so that callers can check those too and report every
 * faulty line at once. Returns 0 when there is no error, -1 otherwise. */
int ind_values_parse(const char *name, const char *data, size_t len, struct ind_rows *out,
		     struct diags *d);

/* ---- values of ministries over years, and their consolidation ---- */

/* Flags of one cell of a table. */
enum {
	IND_CELL_SET = 1,      /* a value is there */
	IND_CELL_COMPUTED = 2, /* computed by numeco (enum ind_calc) */
	IND_CELL_COUNTS = 4    /* counts in the national value (collection soumis
				  or validé, or computed) */
};

/* Values of norg ministries × the catalogue's indicators × the years
 * [year_from, year_to], in one block. Filled by the store
 * (store_ind_table_load) then ind_table_compute; read with ind_table_cell. */
struct ind_table {
	const struct ind_catalogue *cat; /* not owned */
	size_t norg;
	int64_t *org_id; /* ministries, by code */
	char **org_code;
	char **org_name;
	int year_from, year_to;
	enum ind_state *state; /* [org][year]: collection state (brouillon when none) */
	double *value;	       /* [org][indicator][year] */
	unsigned char *flags;  /* same index, IND_CELL_* */
};

/* Allocates an empty table (every cell unset, every state brouillon); the
 * org arrays are allocated for norg entries and set by the caller. */
void ind_table_init(struct ind_table *t, const struct ind_catalogue *cat, size_t norg,
		    int year_from, int year_to);
void ind_table_free(struct ind_table *t);
size_t ind_table_nyears(const struct ind_table *t);
/* Index of a cell; org and ind must be in range, year inside the table. */
size_t ind_table_at(const struct ind_table *t, size_t org, size_t ind, int year);
/* Index of a ministry by id or code in the table, -1 when absent. */
long ind_table_org(const struct ind_table *t, int64_t org_id);
long ind_table_org_code(const struct ind_table *t, const char *code);
/* Sets a cell (flags IND_CELL_SET | extra); marks it IND_CELL_COUNTS when
 * computed or when the org's collection of that year is soumis or validé. Call
 * after the states are set. */
void ind_table_set(struct ind_table *t, size_t org, size_t ind, int year, double v, int computed);

/* What numeco knows of one ministry and year, for the computed indicators
 * (store_ind_facts). */
struct ind_fact {
	int64_t org_id; /* the ministry */
	int year;
	int has_roadmap;
	long actions, realised, key_actions;
	int has_fp;	  /* a stored evaluation of that year (open referential) */
	double fp_ghg_kg; /* climate change total, kg CO2e */
	double workstations;
	int has_services;	/* the ministry has registered digital services */
	long services_assessed; /* of which assessed (complete, dated <= the year) */
};
struct ind_fact_list {
	struct ind_fact *items;
	size_t n, cap;
};
void ind_fact_list_free(struct ind_fact_list *l);
/* The value numeco computes for calc from fact f: 1 and *v when the fact
 * holds what calc needs (a roadmap with actions, a stored evaluation), 0
 * when numeco does not know (the ministry may then enter the value). */
int ind_fact_value(enum ind_calc calc, const struct ind_fact *f, double *v);
/* Fills the cells of computed indicators from facts (facts of ministries or
 * years outside the table are ignored). A share of actions needs at least
 * one action; footprint values need a stored evaluation. */
void ind_table_compute(struct ind_table *t, const struct ind_fact_list *facts);

/* The national value of one indicator and year. */
struct ind_result {
	int has_value;	       /* 0: nothing counted, or no weight at all */
	double value;	       /* in the indicator's unit */
	size_t expected;       /* ministries in the table */
	size_t counted;	       /* ministries whose value counts */
	size_t validated;      /* of which in a validated collection (or computed) */
	size_t missing_weight; /* moyenne_ponderee: counted values left out for lack of weight */
	double weight_total;   /* moyenne_ponderee: sum of the weights used */
};
/* Consolidates a plain list: values v[0..n) (and their weights w, NULL
 * unless WMEAN; a NAN weight or a weight <= 0 leaves the value out, counted
 * in missing_weight). expected and validated are left to the caller. */
void ind_consolidate(enum ind_rule rule, const double *v, const double *w, size_t n,
		     struct ind_result *out);
/* Consolidates indicator ind for year over the table's counted cells. */
void ind_table_consolidate(const struct ind_table *t, size_t ind, int year, struct ind_result *out);

/* The gap to the target that holds for year: 1 and *gap = value − target
 * (in the unit) and *met when the target is reached given the better
 * direction; 0 when there is no target. */
int ind_gap(const struct ind_def *d, int year, double value, double *gap, int *met);

/* Formats a value for people in the indicator's unit with French decimals:
 * counts without decimals, shares and others with at most 2 ("27,5 %",
 * "12 345 postes", "1,45"); "—" when !has. */
void ind_fmt_value(struct buf *out, const struct ind_def *d, int has, double v);

#endif
