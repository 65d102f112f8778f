/* svg.c: accessible horizontal bar and stacked bar charts (see svg.h). */
#include "report/svg.h"

#include <math.h>
#include <string.h>

#include "core/text.h"
#include "report/fmt.h"
#include "report/html.h"

#define SVG_W	      720.0
#define SVG_FONT      13
#define SVG_CHAR_W    7.0 /* rough advance of one character at SVG_FONT */
#define SVG_LABEL_MAX 260.0
#define SVG_VALUE_W   90.0 /* room kept right of the longest bar for its value */
#define SVG_BAR_H     20.0
#define SVG_PITCH     28.0

/* Colours all have at least 4.5:1 contrast on white; patterns are white
 * marks over the colour so each series stays distinct without colour. */
static const struct {
	const char *color;
	const char *marks; /* pattern content drawn over the colour, or NULL for solid */
} svg_palette[SVG_MAX_SERIES] = {
	{ "#666666", "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#fff\"/>" },
	{ "#0063cb", "<rect width=\"2\" height=\"6\" fill=\"#fff\"/>" }, /* rotated: diagonal */
	{ "#18753c", NULL },
	{ "#b34000", "<rect y=\"4\" width=\"6\" height=\"2\" fill=\"#fff\"/>" },
	{ "#ce0500", "<rect y=\"2.5\" width=\"6\" height=\"1\" fill=\"#fff\"/>"
		     "<rect x=\"2.5\" width=\"1\" height=\"6\" fill=\"#fff\"/>" },
	{ "#000091", "<rect x=\"4\" width=\"2\" height=\"6\" fill=\"#fff\"/>" },
};

static double svg_text_w(const char *s)
{
	return (double)text_utf8_len(s ? s : "") * SVG_CHAR_W;
}

/* A coordinate with one decimal at most: "12", "12.5". */
static void svg_num(struct buf *out, double v)
{
	size_t start = out->len;
	fmt_plain(out, v, 1, '.');
	if (out->len - start >= 2 && out->ptr[out->len - 1] == '0' && out->ptr[out->len - 2] == '.')
		buf_truncate(out, out->len - 2);
}

static double svg_clean(double v)
{
	return isfinite(v) && v > 0 ? v : 0;
}

/* Width of the label column, from the longest label, within bounds. */
static double svg_label_w(const char *const *labels, size_t n)
{
	double w = 40;
	for (size_t i = 0; i < n; i++) {
		double t = svg_text_w(labels[i]);
		if (t > w)
			w = t;
	}
	return w > SVG_LABEL_MAX ? SVG_LABEL_MAX : w;
}

/* Writes a row label right-aligned at x, shortened with "…" when too wide. */
static void svg_label(struct buf *out, const char *label, double x, double y, double maxw)
{
	buf_adds(out, "<text x=\"");
	svg_num(out, x);
	buf_adds(out, "\" y=\"");
	svg_num(out, y);
	buf_adds(out, "\" text-anchor=\"end\">");
	if (svg_text_w(label) <= maxw) {
		html_esc(out, label);
	} else {
		/* Cut on a code point boundary, leaving room for the ellipsis. */
		size_t keep = (size_t)(maxw / SVG_CHAR_W);
		keep = keep > 1 ? keep - 1 : 0;
		const char *p = label;
		size_t cps = 0;
		for (; *p; p++) {
			if (((unsigned char)*p & 0xC0) != 0x80) {
				if (cps == keep)
					break;
				cps++;
			}
		}
		while (p > label && p[-1] == ' ')
			p--;
		html_esc_n(out, label, (size_t)(p - label));
		buf_adds(out, "…");
	}
	buf_adds(out, "</text>");
}

static void svg_open(struct buf *out, const char *id, const char *title, const char *desc, double h)
{
	buf_adds(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"");
	html_attrf(out, "aria-labelledby", "%s-t %s-d", id, id);
	buf_adds(out, " viewBox=\"0 0 720 ");
	svg_num(out, h);
	buf_adds(out, "\" width=\"720\" height=\"");
	svg_num(out, h);
	buf_adds(out,
		 "\" font-family=\"system-ui, sans-serif\" font-size=\"13\" fill=\"#161616\">");
	buf_adds(out, "<title");
	html_attrf(out, "id", "%s-t", id);
	buf_addc(out, '>');
	html_esc(out, title);
	buf_adds(out, "</title><desc");
	html_attrf(out, "id", "%s-d", id);
	buf_addc(out, '>');
	html_esc(out, desc);
	buf_adds(out, "</desc>");
}

void svg_hbar_chart(struct buf *out, const struct svg_hbar *c)
{
	double lw = svg_label_w(c->labels, c->n);
	double x0 = lw + 12;
	double pw = SVG_W - x0 - SVG_VALUE_W;
	double top = 6;
	double h = top + (double)c->n * SVG_PITCH + 4;
	double max = 0;
	for (size_t i = 0; i < c->n; i++)
		if (svg_clean(c->values[i]) > max)
			max = svg_clean(c->values[i]);

	svg_open(out, c->id, c->title, c->desc, h);
	for (size_t i = 0; i < c->n; i++) {
		double y = top + (double)i * SVG_PITCH;
		double v = svg_clean(c->values[i]);
		double w = max > 0 ? v / max * pw : 0;
		if (v > 0 && w < 1)
			w = 1; /* a positive value stays visible */
		buf_adds(out, "<g><title>");
		html_esc(out, c->labels[i]);
		buf_adds(out, " : ");
		html_esc(out, c->value_texts[i]);
		buf_adds(out, "</title>");
		svg_label(out, c->labels[i], x0 - 8, y + 14.5, lw);
		if (w > 0) {
			buf_adds(out, "<rect x=\"");
			svg_num(out, x0);
			buf_adds(out, "\" y=\"");
			svg_num(out, y);
			buf_adds(out, "\" width=\"");
			svg_num(out, w);
			buf_adds(out, "\" height=\"20\" fill=\"#000091\"/>");
		}
		buf_adds(out, "<text x=\"");
		svg_num(out, x0 + w + 6);
		buf_adds(out, "\" y=\"");
		svg_num(out, y + 14.5);
		buf_adds(out, "\">");
		html_esc(out, c->value_texts[i]);
		buf_adds(out, "</text></g>");
	}
	buf_adds(out, "<path d=\"M");
	svg_num(out, x0);
	buf_adds(out, " 0V");
	svg_num(out, h);
	buf_adds(out, "\" stroke=\"#3a3a3a\"/></svg>");
}

static void svg_fill(struct buf *out, const char *id, size_t s)
{
	if (svg_palette[s].marks) {
		buf_adds(out, " fill=\"url(#");
		html_escf(out, "%s-p%zu", id, s);
		buf_adds(out, ")\"");
	} else {
		html_attr(out, "fill", svg_palette[s].color);
	}
}

/* Drawn width of segment s of row r. */
static double svg_seg_w(const struct svg_stack *c, double max, double pw, size_t r, size_t s)
{
	return max > 0 ? svg_clean(c->values[r * c->nseries + s]) / max * pw : 0;
}

void svg_stacked_chart(struct buf *out, const struct svg_stack *c)
{
	size_t ns = c->nseries > SVG_MAX_SERIES ? SVG_MAX_SERIES : c->nseries;
	double lw = svg_label_w(c->rows, c->nrows);
	double x0 = lw + 12;
	double pw = SVG_W - x0 - SVG_VALUE_W;

	/* Legend: swatch + label items flowing left to right, wrapping. */
	double lx = 0, ly = 4;
	double item_x[SVG_MAX_SERIES], item_y[SVG_MAX_SERIES];
	for (size_t s = 0; s < ns; s++) {
		double iw = 20 + svg_text_w(c->series[s]) + 18;
		if (lx > 0 && lx + iw > SVG_W) {
			lx = 0;
			ly += 22;
		}
		item_x[s] = lx;
		item_y[s] = ly;
		lx += iw;
	}
	double top = ly + 30;
	double h = top + (double)c->nrows * SVG_PITCH + 4;

	double max = 0;
	for (size_t r = 0; r < c->nrows; r++) {
		double t = 0;
		for (size_t s = 0; s < ns; s++)
			t += svg_clean(c->values[r * c->nseries + s]);
		if (t > max)
			max = t;
	}

	svg_open(out, c->id, c->title, c->desc, h);
	buf_adds(out, "<defs>");
	for (size_t s = 0; s < ns; s++) {
		if (!svg_palette[s].marks)
			continue;
		buf_adds(out, "<pattern");
		html_attrf(out, "id", "%s-p%zu", c->id, s);
		buf_adds(out, " width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"");
		if (s == 1)
			buf_adds(out, " patternTransform=\"rotate(45)\"");
		buf_adds(out, "><rect width=\"6\" height=\"6\"");
		html_attr(out, "fill", svg_palette[s].color);
		buf_adds(out, "/>");
		buf_adds(out, svg_palette[s].marks); /* constant markup from the table above */
		buf_adds(out, "</pattern>");
	}
	buf_adds(out, "</defs>");

	for (size_t s = 0; s < ns; s++) {
		buf_adds(out, "<rect x=\"");
		svg_num(out, item_x[s]);
		buf_adds(out, "\" y=\"");
		svg_num(out, item_y[s]);
		buf_adds(out,
			 "\" width=\"14\" height=\"14\" stroke=\"#161616\" stroke-width=\"0.5\"");
		svg_fill(out, c->id, s);
		buf_adds(out, "/><text x=\"");
		svg_num(out, item_x[s] + 20);
		buf_adds(out, "\" y=\"");
		svg_num(out, item_y[s] + 11.5);
		buf_adds(out, "\">");
		html_esc(out, c->series[s]);
		buf_adds(out, "</text>");
	}

	/* Bars first, row by row (with the row's full label as a tooltip);
	 * then every value on top, in one group with a white halo, so numbers
	 * stay readable over any pattern. */
	struct buf num = BUF_INIT;
	for (size_t r = 0; r < c->nrows; r++) {
		double y = top + (double)r * SVG_PITCH;
		double x = x0;
		buf_adds(out, "<g><title>");
		html_esc(out, c->rows[r]);
		buf_adds(out, "</title>");
		svg_label(out, c->rows[r], x0 - 8, y + 14.5, lw);
		for (size_t s = 0; s < ns; s++) {
			double w = svg_seg_w(c, max, pw, r, s);
			if (w > 0) {
				buf_adds(out, "<rect x=\"");
				svg_num(out, x);
				buf_adds(out, "\" y=\"");
				svg_num(out, y);
				buf_adds(out, "\" width=\"");
				svg_num(out, w);
				buf_adds(out, "\" height=\"20\"");
				svg_fill(out, c->id, s);
				buf_adds(out, "/>");
			}
			x += w;
		}
		buf_adds(out, "</g>");
	}
	buf_adds(out, "<g font-size=\"12\" text-anchor=\"middle\" stroke=\"#fff\" "
		      "stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">");
	for (size_t r = 0; r < c->nrows; r++) {
		double y = top + (double)r * SVG_PITCH;
		double x = x0;
		for (size_t s = 0; s < ns; s++) {
			double v = svg_clean(c->values[r * c->nseries + s]);
			double w = svg_seg_w(c, max, pw, r, s);
			x += w;
			if (v <= 0)
				continue;
			buf_reset(&num);
			fmt_dec(&num, v, c->decimals);
			if (svg_text_w(num.ptr) + 6 > w)
				continue; /* too narrow: the total and the table carry it */
			buf_adds(out, "<text x=\"");
			svg_num(out, x - w / 2);
			buf_adds(out, "\" y=\"");
			svg_num(out, y + 14.5);
			buf_adds(out, "\">");
			html_esc(out, num.ptr);
			buf_adds(out, "</text>");
		}
	}
	buf_adds(out, "</g><g font-weight=\"bold\">");
	for (size_t r = 0; r < c->nrows; r++) {
		double y = top + (double)r * SVG_PITCH;
		double x = x0, total = 0;
		for (size_t s = 0; s < ns; s++) {
			x += svg_seg_w(c, max, pw, r, s);
			total += svg_clean(c->values[r * c->nseries + s]);
		}
		buf_adds(out, "<text x=\"");
		svg_num(out, x + 6);
		buf_adds(out, "\" y=\"");
		svg_num(out, y + 14.5);
		buf_adds(out, "\">");
		buf_reset(&num);
		fmt_dec(&num, total, c->decimals);
		html_esc(out, num.ptr);
		buf_adds(out, "</text>");
	}
	buf_adds(out, "</g>");
	buf_free(&num);
	buf_adds(out, "<path d=\"M");
	svg_num(out, x0);
	buf_adds(out, " ");
	svg_num(out, top - 4);
	buf_adds(out, "V");
	svg_num(out, h);
	buf_adds(out, "\" stroke=\"#3a3a3a\"/></svg>");
}
