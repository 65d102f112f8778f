/* report_int.h: what the report renderers share; internal to src/report/. */
#ifndef NUMECO_REPORT_INT_H
#define NUMECO_REPORT_INT_H

#include <stddef.h>

#include "core/buf.h"
#include "indicators/ind.h"
#include "plan/consolidate.h"
#include "report/fmt.h"
#include "rgesn/rg_report.h"

/* Section headings, the same in every format. */
#define REPORT_H_KEY	    "Chiffres clés"
#define REPORT_H_THEME	    "Actions par thème et par statut"
#define REPORT_H_MINISTRY   "Actions par ministère et par statut"
#define REPORT_H_LEVEL	    "Actions par niveau d'engagement visé et par statut"
#define REPORT_H_KEY_THEME  "Impact évité estimé des actions clés, par thème"
#define REPORT_H_TOP	    "Actions au plus fort impact évité estimé"
#define REPORT_H_COST	    "Actions classées par coût de la tonne évitée"
#define REPORT_H_NOROADMAP  "Ministères sans feuille de route"
#define REPORT_H_FOOTPRINT  "Empreinte du parc informatique (évaluations enregistrées)"
#define REPORT_H_INDICATORS "Indicateurs communs"
#define REPORT_H_METHOD	    "Méthode"

#define REPORT_UNIT_GHG	   "tCO2e"
#define REPORT_UNIT_ENERGY "MWh"
#define REPORT_UNIT_COST   "€/tCO2e"

/* The most key figures report_key_figures gives. */
#define REPORT_MAX_KV 8

/* One key figure, with its value already formatted for display. */
struct report_kv {
	const char *label;
	struct buf value;
};

/* Plain-text title: national or scoped to one ministry. */
void report_title(const struct cons_input *in, struct buf *out);
/* Plain-text line under the title (period and scope). */
void report_subtitle(const struct cons_input *in, struct buf *out);
/* The ministry of the input the report is scoped to; NULL for a national
 * report, or when the scope code names no ministry of the input (the report
 * is then still scoped, and titled with the code). */
const struct cons_ministry *report_scope(const struct cons_input *in);
int report_is_scoped(const struct cons_input *in);
/* Fills kv (REPORT_MAX_KV entries) and returns how many are used; free
 * with report_kv_free. */
size_t report_key_figures(const struct cons_input *in, const struct cons_result *res,
			  struct report_kv *kv);
void report_kv_free(struct report_kv *kv, size_t n);
/* Display of an avoided impact in tCO2e or MWh: one decimal, "< 0,1" for a
 * positive value that would show as zero. */
void report_fmt_impact(struct buf *out, double v);
/* Display of a cost per tonne avoided (€/tCO2e, unit not included): whole
 * euros, "< 1" for a positive value that would show as zero. */
void report_fmt_cost(struct buf *out, double eur_per_t);
/* Display name of ministry m, or its code when the name is empty. */
const char *report_ministry_name(const struct cons_input *in, size_t m);
/* Review state label for the ministry table: "Aucune" without roadmap. */
const char *report_state_label(const struct cons_ministry *m);

/* What the cost per tonne avoided is, and is not: the paragraph before the
 * ranking by cost, and the sentence when no action can be ranked. */
extern const char report_cost_note[];
extern const char report_cost_none[];

/* The footprint section: the sentence before the tables, and the one
 * sentence when no evaluation is stored for the period. */
extern const char report_fp_intro[];
extern const char report_fp_none[];
/* Column headers of the footprint tables (the ministry first), the same in
 * md and html. */
#define REPORT_FP_NCOLS 9
extern const char *const report_fp_cols[REPORT_FP_NCOLS];
/* Display of a footprint figure in tCO2e (unit not included): one decimal,
 * "< 0,1" for a positive value that would show as zero. */
void report_fmt_fp(struct buf *out, double t);
/* The ministry of a footprint row, and, when its figure does not come from
 * the ministry's own evaluation, the organisations evaluated. */
void report_fp_ministry(const struct cons_input *in, const struct cons_result *res,
			const struct cons_fp_row *row, struct buf *out);
/* The referentials of a row's evaluations ("NAME VERSION", distinct ones
 * joined by ", "). */
void report_fp_referentials(const struct cons_input *in, const struct cons_result *res,
			    const struct cons_fp_row *row, struct buf *out);
/* Why a row has no figure (empty for CONS_FP_OK). */
void report_fp_no_figure(const struct cons_input *in, const struct cons_fp_row *row,
			 struct buf *out);
/* Label of the national total line: "Total national (2 ministères sur 4)". */
void report_fp_total_label(const struct cons_input *in, const struct cons_fp_year *y,
			   struct buf *out);
/* 1 when ministry m has a footprint row in year y. */
int report_fp_has(const struct cons_result *res, const struct cons_fp_year *y, size_t m);
/* The sentence after a year's table, and how many ministries it introduces
 * (to be listed with report_fp_has): "Ministères sans évaluation enregistrée
 * pour 2022 :" (returns their number), that every ministry has one, or, for a
 * year without any evaluation, that there is none (returns 0). Nothing for a
 * scoped report whose ministry has an evaluation that year. */
size_t report_fp_missing(const struct cons_input *in, const struct cons_result *res,
			 const struct cons_fp_year *y, struct buf *out);

/* The "Méthode" note, as plain-text paragraphs. */
extern const char *const report_method_notes[];
extern const size_t report_nmethod_notes;

/* ---- the common indicators (report_ind.c) ---- */

/* The figures of one indicator and year: its national consolidation over
 * the table, or, in a report scoped to one ministry, that ministry's own
 * value whatever the state of its collection (which is given). */
struct report_ind_fig {
	const struct ind_def *d;
	struct ind_result r; /* consolidation over the table's ministries */
	int has_value;
	double value; /* the national value, or the ministry's */
	int scoped;
	int computed;	      /* scoped: computed by numeco */
	enum ind_state state; /* scoped: the state of its collection */
	int has_target, has_gap, met;
	double target, gap; /* gap = value - target */
};
void report_ind_fig(const struct cons_input *in, const struct ind_table *t, size_t ind, int year,
		    struct report_ind_fig *f);
/* 1 when no indicator has a value to show for year (national: none
 * counts; scoped: the ministry has none). */
int report_ind_year_empty(const struct cons_input *in, const struct ind_table *t, int year);
/* Display texts (md, html) of a figure: the label ("(calculé par numeco)"
 * after a computed one), the value in its unit ("—" without), the
 * completeness or, scoped, the collection's state, the target ("—" without),
 * the gap and whether the target is met ("—" without). */
void report_ind_label_text(const struct report_ind_fig *f, struct buf *out);
void report_ind_value_text(const struct report_ind_fig *f, struct buf *out);
void report_ind_status_text(const struct report_ind_fig *f, struct buf *out);
void report_ind_target_text(const struct report_ind_fig *f, struct buf *out);
void report_ind_gap_text(const struct report_ind_fig *f, struct buf *out);
/* Column headers of a year's Markdown table, national or scoped (the HTML
 * page lists the indicators as sentences instead, to stay light). */
#define REPORT_IND_NCOLS 5
const char *const *report_ind_cols(const struct cons_input *in);
/* The sentence before the tables, the one for a year without any value
 * (appended to out), the one for an empty catalogue, and the method note. */
const char *report_ind_intro(const struct cons_input *in);
void report_ind_none(const struct cons_input *in, int year, struct buf *out);
extern const char report_ind_no_catalogue[];
extern const char report_ind_method[];
void report_ind_md(const struct cons_input *in, const struct ind_table *t, struct buf *out);
void report_ind_html(const struct cons_input *in, const struct ind_table *t, struct buf *out);

/* ---- the ecodesign of services (report_rg.c) ---- */

/* The section "Écoconception des services (RGESN)" from the consolidation
 * rg, in md or html, naming in a national review the ministries without a
 * registered service; the same as a JSON object (new reference); and its
 * method note. */
void report_rg_render(const struct cons_input *in, const struct rg_cons *rg, enum rg_format fmt,
		      struct buf *out);
struct json_t *report_rg_json(const struct cons_input *in, const struct rg_cons *rg);
extern const char report_rg_method[];

/* The renderers; ind may be NULL (no indicators section), rg too (no
 * ecodesign section). */
void report_md(const struct cons_input *in, const struct cons_result *res,
	       const struct ind_table *ind, const struct rg_cons *rg, struct buf *out);
void report_html(const struct cons_input *in, const struct cons_result *res,
		 const struct ind_table *ind, const struct rg_cons *rg, struct buf *out);
void report_json(const struct cons_input *in, const struct cons_result *res,
		 const struct ind_table *ind, const struct rg_cons *rg, struct buf *out);
void report_csv(const struct cons_input *in, const struct cons_result *res,
		const struct ind_table *ind, const struct rg_cons *rg, struct buf *out);

#endif
