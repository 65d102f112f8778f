/* svg.h: small accessible bar charts as inline SVG, written into a buf.
 *
 * Each chart is one <svg role="img" aria-labelledby="ID-t ID-d"> with a
 * <title> and a <desc>, so assistive technologies read a text alternative
 * (the page also shows the same figures in a table). Every bar carries its
 * value as text, and series of a stacked chart differ by fill pattern as
 * well as by colour, so a chart reads in greyscale, in print, and for people
 * who do not distinguish colours. All text goes through html_esc.
 *
 * Sizes are in a 720-unit wide viewBox; the page's CSS scales the chart
 * down on narrow screens. Long row labels are shortened with "…" in the
 * drawing only; the full label is in a <title> of the row.
 */
#ifndef NUMECO_SVG_H
#define NUMECO_SVG_H

#include <stddef.h>

#include "core/buf.h"

#define SVG_MAX_SERIES 6

/* A horizontal bar chart: one bar per row. */
struct svg_hbar {
	const char *id;	   /* unique in the page: ASCII letters, digits, '-' */
	const char *title; /* short name of the chart */
	const char *desc;  /* what it shows, in a sentence or two */
	size_t n;
	const char *const *labels;	/* n row labels */
	const double *values;		/* n values >= 0 (others are drawn as 0) */
	const char *const *value_texts; /* n formatted values shown after the bars */
};

/* A horizontal stacked bar chart: one bar per row, one segment per series,
 * with a legend on top. Segments wide enough show their value; the row total
 * is shown after each bar. */
struct svg_stack {
	const char *id;
	const char *title;
	const char *desc;
	size_t nrows;
	const char *const *rows;   /* nrows labels */
	size_t nseries;		   /* 1..SVG_MAX_SERIES */
	const char *const *series; /* nseries legend labels */
	const double *values;	   /* nrows * nseries, row-major, >= 0 */
	int decimals;		   /* digits shown for segment values and totals */
};

void svg_hbar_chart(struct buf *out, const struct svg_hbar *c);
void svg_stacked_chart(struct buf *out, const struct svg_stack *c);

/* A line chart of one quantity over years: one series of values (a gap
 * where a year has none), each value written above its point, the years
 * under the axis, and an optional dashed target line stepping from year to
 * year (a target holds for its year). The scale starts at 0 unless a value
 * is negative. A legend names the series and the target. */
struct svg_trend {
	const char *id;	   /* unique in the page: ASCII letters, digits, '-' */
	const char *title; /* short name of the chart (the sparkline's accessible name) */
	const char *desc;  /* what it shows, in a sentence or two */
	size_t n;	   /* years, oldest first */
	const int *years;
	const double *values;		 /* n values, NAN where a year has none */
	const char *const *value_texts;	 /* n formatted values (ignored where NAN) */
	const double *targets;		 /* n targets, NAN where none; NULL: no target */
	const char *const *target_texts; /* n formatted targets (ignored where NAN) */
	const char *series_label;	 /* legend of the series, e.g. "Valeur nationale" */
};

/* The full chart, 720 units wide. */
void svg_trend_chart(struct buf *out, const struct svg_trend *c);
/* The compact form for a table cell (120 × 32): the line, the target steps
 * and the last point, no text; its accessible name is c->title (say the
 * figures there: "2016 : 12 % ; 2025 : 35 % ; cible 2025 : 50 %"). */
void svg_sparkline(struct buf *out, const struct svg_trend *c);

#endif
