/* rgesn.h: the RGESN (référentiel général d'écoconception de services
 * numériques) — referentials, assessment answers, scores, the quick
 * self-diagnosis selection, and the ecodesign declaration (pure: no I/O, no
 * store).
 *
 * A referential (struct rg_ref) is one version of the RGESN: families
 * (numbered 1..n, e.g. 4 "UX/UI"), criteria ("4.3": family 4, criterion 3)
 * with a title, objective, implementation, test method, priority and
 * difficulty. Several versions live side by side (name "RGESN", version
 * "2022" / "2024"). An assessment answers each criterion of one version for
 * one service; its score is the share of conforming criteria among the
 * applicable ones (docs/rgesn.md).
 */
#ifndef NUMECO_RGESN_H
#define NUMECO_RGESN_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

enum rg_priority { RG_PRIO_PRIORITAIRE, RG_PRIO_RECOMMANDE, RG_PRIO_MODERE, RG_PRIO_N };
enum rg_difficulty { RG_DIFF_FAIBLE, RG_DIFF_MOYEN, RG_DIFF_FORT, RG_DIFF_N };
/* An answer to a criterion. NON_EVALUE is the answer of a criterion nobody
 * answered yet. */
enum rg_answer {
	RG_ANS_CONFORME,
	RG_ANS_NON_CONFORME,
	RG_ANS_NON_APPLICABLE, /* needs a justification */
	RG_ANS_EN_COURS,       /* needs a planned date */
	RG_ANS_NON_EVALUE,
	RG_ANS_N
};

/* code: "prioritaire", "recommande", "modere"; label: "Prioritaire", "Recommandé", "Modéré" */
const char *rg_priority_code(enum rg_priority p);
const char *rg_priority_label(enum rg_priority p);
int rg_priority_parse(const char *s, enum rg_priority *out);
/* "faible", "moyen", "fort" / "Faible", "Moyenne", "Forte" */
const char *rg_difficulty_code(enum rg_difficulty d);
const char *rg_difficulty_label(enum rg_difficulty d);
int rg_difficulty_parse(const char *s, enum rg_difficulty *out);
/* "conforme", "non_conforme", "non_applicable", "en_cours", "non_evalue" /
 * "Conforme", "Non conforme", "Non applicable", "En cours", "Non évalué" */
const char *rg_answer_code(enum rg_answer a);
const char *rg_answer_label(enum rg_answer a);
int rg_answer_parse(const char *s, enum rg_answer *out);

struct rg_family {
	int num; /* 1..n */
	char *label;
};

struct rg_criterion {
	char *id; /* "4.3" */
	int family; /* its family's num */
	int num;    /* 3 */
	char *title;
	char *objective;      /* "" when the file has only the structure */
	char *implementation; /* "" idem */
	char *test;	      /* "" idem */
	char *applies;	      /* "Applicable à tous les services" / "N/A si …"; may be "" */
	char *url;	      /* the official text of the criterion; may be "" */
	enum rg_priority priority;
	enum rg_difficulty difficulty;
	int quick; /* part of the quick self-diagnosis */
};

struct rg_ref {
	int64_t id; /* stored id, 0 before storing */
	char *name;    /* "RGESN" */
	char *version; /* "2024" */
	char *title;
	char *source;  /* where the file comes from */
	char *licence;
	char *url;     /* the official publication */
	int full_text; /* 1 when criteria carry objective/implementation/test */
	struct rg_family *families;
	size_t nfamilies;
	struct rg_criterion *criteria; /* sorted by family then num */
	size_t ncriteria;
};

void rg_ref_free(struct rg_ref *r);
/* Index of criterion id, -1 when absent. */
long rg_ref_find(const struct rg_ref *r, const char *id);
const char *rg_family_label(const struct rg_ref *r, int family);

/* Parses a referential JSON (docs/formats/rgesn.md): numeco's format
 * {"format": "numeco-rgesn/1", "name", "version", "families": [...],
 * "criteria": [...]}, or a bare array of criteria as published by
 * third-party tools (thematic_id, id, title, priority, difficulty, target,
 * objective, implementation, control), for which name/version come from
 * the arguments (NULL otherwise) and family labels from `families` (may be
 * NULL: "Famille N"). Every faulty entry is reported in d ("FILE: criteria[12]
 * (4.3): priority: message"); 0 and out filled when none, -1 otherwise. */
int rg_ref_parse(const char *file, const char *data, size_t len, const char *name,
		 const char *version, const struct rg_ref *families, struct rg_ref *out,
		 struct diags *d);
/* Writes r in numeco's JSON format (stable order, 2-space indent). */
void rg_ref_write_json(const struct rg_ref *r, struct buf *out);

/* One answer of an assessment. */
struct rg_item {
	char *criterion; /* id */
	enum rg_answer answer;
	char *justification; /* required for NON_APPLICABLE */
	char *planned;	     /* AAAA-MM-JJ, required for EN_COURS */
	char *note;
};

/* Checks one answer: a justification for non applicable, a date for en
 * cours. Writes the French reason to why; 0 when fine. */
int rg_item_check(const struct rg_item *it, struct buf *why);

/* Score of a set of answers against a referential (criteria with no item
 * are non évalué). */
struct rg_tally {
	size_t total, conforme, non_conforme, non_applicable, en_cours, non_evalue;
	size_t applicable; /* total − non_applicable */
	int has_score;	   /* applicable > 0 */
	double score;	   /* 100 · conforme / applicable */
};
struct rg_score {
	struct rg_tally all;
	struct rg_tally *by_family; /* nfamilies, in the referential's order */
	size_t nfamilies;
	struct rg_tally by_priority[RG_PRIO_N];
};
void rg_score_compute(const struct rg_ref *r, const struct rg_item *items, size_t n,
		      struct rg_score *out);
void rg_score_free(struct rg_score *s);

/* Difference with a previous assessment, possibly of another version:
 * score points, and per criterion id present in both, the answers that
 * changed. */
struct rg_change {
	const char *criterion;
	enum rg_answer before, after;
};
struct rg_diff {
	int has_delta;
	double delta; /* points of score */
	struct rg_change *changes;
	size_t nchanges;
	size_t only_before, only_after; /* criteria in one version only */
};
void rg_diff_compute(const struct rg_ref *rb, const struct rg_item *before, size_t nb,
		     const struct rg_ref *ra, const struct rg_item *after, size_t na,
		     struct rg_diff *out);
void rg_diff_free(struct rg_diff *d);

/* The quick self-diagnosis: the criteria marked quick, else (a referential
 * without marks) up to 20 prioritaire criteria spread over the families.
 * Fills idx (malloc'd indexes into r->criteria). */
size_t rg_quick_criteria(const struct rg_ref *r, size_t **idx);
/* The criteria to look at first after a diagnosis: non conforme and non
 * évalué ones, by priority then difficulty (faible first) then id; at most
 * max. Fills idx (malloc'd). */
size_t rg_first_steps(const struct rg_ref *r, const struct rg_item *items, size_t n, size_t max,
		      size_t **idx);

#endif
