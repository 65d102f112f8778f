/* report.h: renders the consolidated review of a period (plan/consolidate.h)
 * as Markdown, standalone HTML (with inline SVG bar charts), JSON or CSV.
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

/* Appends the whole report to out. */
void report_render(const struct cons_input *in, const struct cons_result *res,
		   enum report_format fmt, struct buf *out);

#endif
