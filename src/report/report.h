/* report.h: renders the consolidated review of a period (plan/consolidate.h)
 * as Markdown, standalone HTML (with inline SVG bar charts), JSON or CSV,
 * with, when given, the common indicators of the period's years
 * (indicators/ind.h) and the ecodesign of the services (rgesn/rg_report.h).
 *
 * Output is deterministic: the same input gives the same bytes (no clock, no
 * locale; numbers are formatted by numeco itself, French style in md/html,
 * plain in json). Texts are French.
 */
#ifndef NUMECO_REPORT_H
#define NUMECO_REPORT_H

#include "core/buf.h"
#include "plan/consolidate.h"

enum report_format { REPORT_MD, REPORT_HTML, REPORT_JSON, REPORT_CSV };

int report_format_parse(const char *s, enum report_format *out); /* 0 ok, -1 unknown */

struct ind_table;
struct rg_cons;

/* Appends the whole report to out, without the indicators section. */
void report_render(const struct cons_input *in, const struct cons_result *res,
		   enum report_format fmt, struct buf *out);
/* The same with the section "Indicateurs communs" built from ind, loaded by
 * the caller (indicators/ind_collect.h, ind_load) for the period's years:
 * every ministry for a national report, the scope's ministry only for a
 * scoped one. ind NULL leaves the section out. */
void report_render_ind(const struct cons_input *in, const struct cons_result *res,
		       const struct ind_table *ind, enum report_format fmt, struct buf *out);
/* The same with, after the indicators, the section "Écoconception des
 * services (RGESN)" from rg, the consolidation (rgesn/rg_report.h,
 * rg_consolidate) of the services' latest complete assessments loaded by
 * the caller: every service for a national report, the scope's ministry's
 * for a scoped one (whose ministry names should be those of in). ind or rg
 * NULL leaves its section out. */
void report_render_full(const struct cons_input *in, const struct cons_result *res,
			const struct ind_table *ind, const struct rg_cons *rg,
			enum report_format fmt, struct buf *out);

#endif
