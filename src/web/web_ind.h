/* web_ind.h: what the indicator pages (page_indicators.c, page_ind_form.c,
 * page_ind_def.c) and the indicator API (api_indicators.c) share: the year
 * asked, the years a page loads, the ministry named by a path, addresses,
 * badges, completeness and gap texts, sparklines. Rendering only, apart
 * from web_ind_year and web_ind_ministry which read the store. */
#ifndef NUMECO_WEB_IND_H
#define NUMECO_WEB_IND_H

#include "indicators/ind.h"
#include "web/web.h"

/* Years of a trend (sparkline, chart), the year shown included. */
enum { WEB_IND_TREND_YEARS = 10 };

/* The year of a page: ?annee= (for a POST, the form's "annee" first) when
 * it is a year in [IND_YEAR_MIN, IND_YEAR_MAX]; else the latest year of the
 * store (store_ind_years), else the last calendar year. *bad is 1 when
 * annee was given but is not such a year. *ymin, *ymax: the store's years
 * (0 when it has none). */
int web_ind_year(struct web_req *rq, int *year, int *ymin, int *ymax, int *bad, struct err *err);
/* The first year of the trend ending at year: WEB_IND_TREND_YEARS back, not
 * before the store's first year (ymin); only the year itself when the
 * store has none (ymin 0). */
int web_ind_first_year(int year, int ymin);
/* A GET form choosing the year, submitted to action (a path). */
void web_ind_year_form(struct buf *o, const char *action, int year, int ymin, int ymax);

/* The ministry of code (a root organisation of kind ministere): 1 found,
 * 0 when no ministry has that code, -1 on error. */
int web_ind_ministry(struct store *s, const char *code, struct org *out, struct err *err);

/* Addresses: /indicateurs?annee=Y[&ok=OK];
 * /indicateurs/ministere/CODE[SUFFIX]?annee=Y[&ok=OK];
 * /indicateurs/indicateur/CODE[SUFFIX][?annee=Y] (year 0: none). */
void web_ind_national_url(struct buf *o, int year, const char *ok);
void web_ind_ministry_url(struct buf *o, const char *code, const char *suffix, int year,
			  const char *ok);
void web_ind_def_url(struct buf *o, const char *code, const char *suffix, int year);

/* A collection state as a small DSFR badge. */
void web_ind_state_badge(struct buf *o, enum ind_state s);
/* The value of a cell: 1 and *v when set (0 when year is outside t). */
int web_ind_cell(const struct ind_table *t, size_t org, size_t ind, int year, double *v);
/* The state of org's collection of year (brouillon outside the table). */
enum ind_state web_ind_state(const struct ind_table *t, size_t org, int year);

/* "7 ministères sur 11, dont 5 validés" as plain text, and a warning badge
 * "Incomplet" when some ministries are missing; for a weighted mean, the
 * values left out for lack of weight. HTML. */
void web_ind_completeness(struct buf *o, const struct ind_result *r);
/* The gap of value v (when has) to the target of year: a badge
 * "Atteinte" / "Non atteinte" and the signed gap in words ("+5 points",
 * "−1 200 postes"); "—" when there is no target or no value. HTML. */
void web_ind_gap(struct buf *o, const struct ind_def *d, int year, int has, double v);
/* The signed gap as text ("+5 points" for a percentage, else in the unit). */
void web_ind_gap_text(struct buf *o, const struct ind_def *d, double gap);
/* The target of year as text ("50 %"), "—" when none. */
void web_ind_target_text(struct buf *o, const struct ind_def *d, int year);
/* The sparkline of indicator ind over t's years: the national values
 * (org < 0) or those of one ministry of t, with the targets. */
void web_ind_sparkline(struct buf *o, const struct ind_table *t, size_t ind, long org);
/* The form importing a CSV file of values (POST /indicateurs/import), for
 * the admin and référents; headings: none. */
void web_ind_import_form(struct web_req *rq, struct buf *o);

/* ---- collection states (page_ind_form.c) ---- */

/* The form's "action" values and the moves they ask for: soumettre
 * (brouillon → soumis), retirer (soumis → brouillon), valider (soumis →
 * validé), rouvrir (validé → brouillon). 0 and the move when action is one
 * of them. */
int web_ind_move_parse(const char *action, enum ind_state *from, enum ind_state *to);
/* One POST button per move the actor may make from state on the collection
 * of ministry (code, id) for year (ind_state_can_move, perm_move_indicators),
 * as items of a DSFR button group (<li>…</li>); nothing when none. */
void web_ind_move_forms(struct web_req *rq, struct buf *o, const char *code, int64_t ministry_id,
			int year, enum ind_state state);

#endif
