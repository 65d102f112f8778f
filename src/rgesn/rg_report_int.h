/* rg_report_int.h: what the declaration and consolidation renderers share;
 * internal to src/rgesn/rg_declaration*.c and rg_cons*.c. */
#ifndef NUMECO_RG_REPORT_INT_H
#define NUMECO_RG_REPORT_INT_H

#include <jansson.h>
#include <stddef.h>

#include "core/buf.h"
#include "report/fmt.h"
#include "rgesn/rg_report.h"

/* A score as shown to people: "62 %" (whole percent, French style), "—"
 * without a score. */
void rg_fmt_score(struct buf *out, int has_score, double score);
/* A count followed by a French noun, singular below 2 (French rule):
 * "0 critère", "1 critère", "28 critères". */
void rg_fmt_count(struct buf *out, size_t n, const char *singular, const char *plural);

/* JSON values: a real rounded to `decimals` (null when not finite), a count,
 * a string (never NULL: "" for NULL). */
json_t *rg_json_real(double v, int decimals);
json_t *rg_json_count(size_t n);
json_t *rg_json_str(const char *s);
/* Dumps root (stable key order, 2-space indent) to out with a final line
 * feed, and releases root. */
void rg_json_dump(json_t *root, struct buf *out);

/* ---- the declaration (rg_declaration*.c) ---- */

/* What a declaration lists, worked out once for every format. Criteria are
 * indexes into d->ref->criteria, in the referential's order except the plan
 * (by planned date, then the referential's order). */
struct rg_dv {
	const struct rg_decl *d;
	const struct rg_score *score; /* d->score, or own when d has none */
	struct rg_score own;
	int has_own;
	const struct rg_item **item; /* per criterion, NULL when unanswered */
	size_t *nc, nnc;	     /* non conforme */
	size_t *ne, nne;	     /* non évalué (or unanswered) */
	size_t *na, nna;	     /* non applicable */
	size_t *plan, nplan;	     /* en cours */
};
void rg_dv_init(struct rg_dv *v, const struct rg_decl *d);
void rg_dv_free(struct rg_dv *v);
/* The item of criterion c, NULL when unanswered. */
const struct rg_item *rg_dv_item(const struct rg_dv *v, size_t c);

/* Texts shared by the formats (plain UTF-8, to be escaped by the caller). */
#define RG_DECL_H_SERVICE  "Service évalué"
#define RG_DECL_H_RESULT   "Résultat"
#define RG_DECL_H_FAMILY   "Score par famille"
#define RG_DECL_H_PRIORITY "Score par priorité"
#define RG_DECL_H_UNMET	   "Critères non satisfaits"
#define RG_DECL_H_NC	   "Critères non conformes"
#define RG_DECL_H_NE	   "Critères non évalués"
#define RG_DECL_H_NA	   "Critères non applicables"
#define RG_DECL_H_PLAN	   "Plan d'amélioration"
#define RG_DECL_H_CONTACT  "Contact"
#define RG_DECL_H_METHOD   "Méthode"

/* "Déclaration d'écoconception — NAME" */
void rg_decl_title(const struct rg_decl *d, struct buf *out);
/* "RGESN 2024" */
void rg_decl_ref_label(const struct rg_decl *d, struct buf *out);
/* "Établie selon le RGESN 2024 d'après l'évaluation du 2025-06-01." */
void rg_decl_subtitle(const struct rg_decl *d, struct buf *out);
/* The date part (AAAA-MM-JJ) of the publication time, "" when unpublished. */
void rg_decl_published(const struct rg_decl *d, struct buf *out);
/* 1 when url may be a link target (http or https). */
int rg_decl_linkable(const char *url);
/* "31 critères conformes sur 50 applicables ; 3 non évalués ; 28 non
 * applicables" */
void rg_decl_counts(const struct rg_tally *t, struct buf *out);
/* The previous assessment's referential: "RGESN 2022" (its version,
 * named like the current referential unless it already carries a name). */
void rg_decl_prev_label(const struct rg_decl *d, struct buf *out);
/* The progress since the previous assessment, as a sentence; nothing when
 * there is none. */
void rg_decl_progress(const struct rg_dv *v, struct buf *out);
/* The rounded difference in points with the previous assessment (0 without
 * one or without both scores), and whether there is one. */
int rg_decl_delta(const struct rg_dv *v, double *delta);
/* The sentences of the sections: none to list, en cours elsewhere, the
 * method. */
void rg_decl_unmet_note(const struct rg_dv *v, struct buf *out);
extern const char rg_decl_no_nc[];
extern const char rg_decl_no_ne[];
extern const char rg_decl_no_na[];
extern const char rg_decl_no_plan[];
extern const char rg_decl_no_contact[];
extern const char rg_decl_method[];
/* Label of a family row: "1. Stratégie". */
void rg_decl_family_label(const struct rg_ref *r, size_t f, struct buf *out);
/* The figure columns of the family and priority tables (after the row's
 * label). */
#define RG_DECL_TALLY_NCOLS 7
extern const char *const rg_decl_tally_cols[RG_DECL_TALLY_NCOLS];

void rg_decl_html(const struct rg_dv *v, struct buf *out);
void rg_decl_md(const struct rg_dv *v, struct buf *out);
void rg_decl_json(const struct rg_dv *v, struct buf *out);

#endif
