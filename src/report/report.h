/* report.h: renders the consolidated review of a period (plan/consolidate.h)
 * as Markdown, standalone HTML (with inline SVG bar charts), JSON or CSV,
 * with, when given, the common indicators of the period's years
 * (indicators/ind.h).
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

/* Appends the whole report to out, without the indicators section. */
void report_render(const struct cons_input *in, const struct cons_result *res,
		   enum report_format fmt, struct buf *out);
/* The same with the section "Indicateurs communs" built from ind, loaded by
 * the caller (indicators/ind_collect.h, ind_load) for the period's years:
 * every ministry for a national report, the scope's ministry only for a
 * scoped one. ind NULL leaves the section out. */
void report_render_ind(const struct cons_input *in, const struct cons_result *res,
		       const struct ind_table *ind, enum report_format fmt, struct buf *out);

#endif
