/* svg_trend.c: accessible line charts over years, full size and as a
 * sparkline for table cells (see svg.h). */
#include "report/svg.h"

#include <math.h>
#include <string.h>

#include "core/text.h"
#include "report/fmt.h"
#include "report/html.h"

#define TR_W	  720.0
#define TR_H	  250.0
#define TR_LEFT	  40.0
#define TR_RIGHT  40.0
#define TR_TOP	  56.0 /* below the legend, room for the values over the points */
#define TR_BOTTOM 200.0
#define TR_SERIES "#000091"
#define TR_TARGET "#b34000"
#define SP_W	  120.0
#define SP_H	  32.0
#define SP_PAD	  4.0

/* A coordinate with one decimal at most: "12", "12.5". */
static void tr_num(struct buf *out, double v)
{
	size_t start = out->len;
	fmt_plain(out, v, 1, '.');
	if (out->len - start >= 2 && out->ptr[out->len - 1] == '0' && out->ptr[out->len - 2] == '.')
		buf_truncate(out, out->len - 2);
	if (out->len - start == 2 && strncmp(out->ptr + start, "-0", 2) == 0) {
		buf_truncate(out, start);
		buf_addc(out, '0');
	}
}

static int tr_has_target(const struct svg_trend *c, size_t i)
{
	return c->targets && isfinite(c->targets[i]);
}

/* The range of every value and target; 0 when there is none. */
static int tr_range(const struct svg_trend *c, double *lo, double *hi)
{
	int any = 0;
	for (size_t i = 0; i < c->n; i++) {
		double v[2] = { c->values[i], tr_has_target(c, i) ? c->targets[i] : NAN };
		for (int k = 0; k < 2; k++) {
			if (!isfinite(v[k]))
				continue;
			if (!any || v[k] < *lo)
				*lo = v[k];
			if (!any || v[k] > *hi)
				*hi = v[k];
			any = 1;
		}
	}
	return any;
}

/* The geometry of one drawing: x of year i, y of value v. */
struct tr_geo {
	double x0, x1, y0, y1; /* plot area: y0 the top, y1 the bottom */
	double lo, hi;
	size_t n;
};

static double tr_x(const struct tr_geo *g, size_t i)
{
	if (g->n < 2)
		return (g->x0 + g->x1) / 2;
	return g->x0 + (g->x1 - g->x0) * (double)i / (double)(g->n - 1);
}

static double tr_y(const struct tr_geo *g, double v)
{
	return g->y1 - (v - g->lo) / (g->hi - g->lo) * (g->y1 - g->y0);
}

/* Half the room of one year on the x axis (the target's step width). */
static double tr_half(const struct tr_geo *g)
{
	return g->n < 2 ? 20 : (g->x1 - g->x0) / (double)(g->n - 1) / 2;
}

/* The series as one path, a new sub-path after each gap. */
static void tr_series_path(struct buf *out, const struct svg_trend *c, const struct tr_geo *g,
			   const char *width)
{
	int open = 0, any = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (!isfinite(c->values[i])) {
			open = 0;
			continue;
		}
		if (!any++)
			buf_adds(out, "<path d=\"");
		buf_addc(out, open ? 'L' : 'M');
		tr_num(out, tr_x(g, i));
		buf_addc(out, ' ');
		tr_num(out, tr_y(g, c->values[i]));
		open = 1;
	}
	if (any) {
		buf_adds(out, "\" fill=\"none\" stroke=\"" TR_SERIES "\" stroke-width=\"");
		buf_adds(out, width);
		buf_adds(out, "\" stroke-linejoin=\"round\"/>");
	}
}

/* The target as steps: each year's target spans its year, joined to the
 * next year's by a vertical segment; equal targets make one segment. */
static void tr_target_path(struct buf *out, const struct svg_trend *c, const struct tr_geo *g,
			   const char *width, const char *dash)
{
	int open = 0, any = 0;
	double half = tr_half(g), cur_y = 0, cur_right = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (!tr_has_target(c, i)) {
			if (open) {
				buf_addc(out, 'H');
				tr_num(out, cur_right);
			}
			open = 0;
			continue;
		}
		double left = tr_x(g, i) - (i > 0 || c->n < 2 ? half : 0);
		double right = tr_x(g, i) + (i + 1 < c->n || c->n < 2 ? half : 0);
		double y = tr_y(g, c->targets[i]);
		if (!any++)
			buf_adds(out, "<path d=\"");
		if (!open) {
			buf_addc(out, 'M');
			tr_num(out, left);
			buf_addc(out, ' ');
			tr_num(out, y);
		} else if (y != cur_y) {
			buf_addc(out, 'H');
			tr_num(out, cur_right);
			buf_addc(out, 'V');
			tr_num(out, y);
		}
		cur_y = y;
		cur_right = right;
		open = 1;
	}
	if (open) {
		buf_addc(out, 'H');
		tr_num(out, cur_right);
	}
	if (any) {
		buf_adds(out, "\" fill=\"none\" stroke=\"" TR_TARGET "\" stroke-width=\"");
		buf_adds(out, width);
		buf_adds(out, "\" stroke-dasharray=\"");
		buf_adds(out, dash);
		buf_adds(out, "\"/>");
	}
}

static void tr_text(struct buf *out, double x, double y, const char *anchor, const char *text)
{
	buf_adds(out, "<text x=\"");
	tr_num(out, x);
	buf_adds(out, "\" y=\"");
	tr_num(out, y);
	buf_adds(out, "\"");
	if (anchor)
		html_attr(out, "text-anchor", anchor);
	buf_adds(out, ">");
	html_esc(out, text);
	buf_adds(out, "</text>");
}

static void tr_legend(struct buf *out, const struct svg_trend *c, int has_target)
{
	const char *label = c->series_label && *c->series_label ? c->series_label : "Valeur";
	buf_adds(out, "<path d=\"M0 12H28\" stroke=\"" TR_SERIES "\" stroke-width=\"2.5\"/>"
		      "<circle cx=\"14\" cy=\"12\" r=\"3.5\" fill=\"" TR_SERIES "\"/>");
	tr_text(out, 36, 16.5, NULL, label);
	if (has_target) {
		double x = 36 + (double)text_utf8_len(label) * 7.0 + 30;
		buf_adds(out, "<path d=\"M");
		tr_num(out, x);
		buf_adds(out, " 12h28\" stroke=\"" TR_TARGET "\" stroke-width=\"2\" "
			      "stroke-dasharray=\"6 4\"/>");
		tr_text(out, x + 36, 16.5, NULL, "Cible (tirets)");
	}
}

void svg_trend_chart(struct buf *out, const struct svg_trend *c)
{
	struct tr_geo g = { TR_LEFT, TR_W - TR_RIGHT, TR_TOP, TR_BOTTOM, 0, 0, c->n };
	int has_target = 0;
	for (size_t i = 0; i < c->n; i++)
		has_target |= tr_has_target(c, i);
	if (!tr_range(c, &g.lo, &g.hi)) {
		g.lo = 0;
		g.hi = 1;
	}
	if (g.lo > 0)
		g.lo = 0;
	if (g.hi <= g.lo)
		g.hi = g.lo + 1;

	buf_adds(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"");
	html_attrf(out, "aria-labelledby", "%s-t %s-d", c->id, c->id);
	buf_adds(out, " viewBox=\"0 0 720 250\" width=\"720\" height=\"250\" "
		      "font-family=\"system-ui, sans-serif\" font-size=\"13\" fill=\"#161616\">"
		      "<title");
	html_attrf(out, "id", "%s-t", c->id);
	buf_addc(out, '>');
	html_esc(out, c->title);
	buf_adds(out, "</title><desc");
	html_attrf(out, "id", "%s-d", c->id);
	buf_addc(out, '>');
	html_esc(out, c->desc);
	buf_adds(out, "</desc>");
	tr_legend(out, c, has_target);

	/* The axis: the baseline (0, or the lowest value) and the years. */
	buf_adds(out, "<path d=\"M");
	tr_num(out, g.x0 - 20);
	buf_addc(out, ' ');
	tr_num(out, tr_y(&g, 0));
	buf_addc(out, 'H');
	tr_num(out, g.x1 + 20);
	buf_adds(out, "\" stroke=\"#3a3a3a\"/>");
	struct buf t = BUF_INIT;
	for (size_t i = 0; i < c->n; i++) {
		buf_reset(&t);
		buf_addf(&t, "%d", c->years[i]);
		tr_text(out, tr_x(&g, i), TR_BOTTOM + 22, "middle", t.ptr);
	}
	buf_free(&t);

	tr_target_path(out, c, &g, "2", "6 4");
	tr_series_path(out, c, &g, "2.5");

	/* Target values where the target changes, under its line; the series'
	 * values above their points, with a white halo over the lines. */
	buf_adds(out, "<g font-size=\"12\" stroke=\"#fff\" stroke-width=\"3\" "
		      "stroke-linejoin=\"round\" paint-order=\"stroke\">");
	for (size_t i = 0; i < c->n; i++) {
		if (!tr_has_target(c, i) ||
		    (i > 0 && tr_has_target(c, i - 1) && c->targets[i - 1] == c->targets[i]))
			continue;
		struct buf lab = BUF_INIT;
		buf_adds(&lab, "cible ");
		buf_adds(&lab, c->target_texts && c->target_texts[i] ? c->target_texts[i] : "");
		tr_text(out, tr_x(&g, i), tr_y(&g, c->targets[i]) + 16, "middle", lab.ptr);
		buf_free(&lab);
	}
	buf_adds(out, "</g><g font-weight=\"bold\" stroke=\"#fff\" stroke-width=\"3\" "
		      "stroke-linejoin=\"round\" paint-order=\"stroke\">");
	for (size_t i = 0; i < c->n; i++) {
		if (!isfinite(c->values[i]))
			continue;
		tr_text(out, tr_x(&g, i), tr_y(&g, c->values[i]) - 9, "middle",
			c->value_texts && c->value_texts[i] ? c->value_texts[i] : "");
	}
	buf_adds(out, "</g>");
	for (size_t i = 0; i < c->n; i++) {
		if (!isfinite(c->values[i]))
			continue;
		buf_adds(out, "<circle cx=\"");
		tr_num(out, tr_x(&g, i));
		buf_adds(out, "\" cy=\"");
		tr_num(out, tr_y(&g, c->values[i]));
		buf_adds(out, "\" r=\"3.5\" fill=\"" TR_SERIES "\"/>");
	}
	buf_adds(out, "</svg>");
}

void svg_sparkline(struct buf *out, const struct svg_trend *c)
{
	struct tr_geo g = { SP_PAD, SP_W - SP_PAD, SP_PAD, SP_H - SP_PAD, 0, 0, c->n };
	if (!tr_range(c, &g.lo, &g.hi)) {
		g.lo = 0;
		g.hi = 1;
	}
	if (g.hi <= g.lo) {
		/* A flat line sits in the middle. */
		g.lo -= 1;
		g.hi += 1;
	}
	buf_adds(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"");
	html_attr(out, "aria-label", c->title);
	buf_adds(out, " viewBox=\"0 0 120 32\" width=\"120\" height=\"32\"><title>");
	html_esc(out, c->title);
	buf_adds(out, "</title>");
	tr_target_path(out, c, &g, "1.5", "4 3");
	tr_series_path(out, c, &g, "2");
	for (size_t i = c->n; i-- > 0;)
		if (isfinite(c->values[i])) {
			buf_adds(out, "<circle cx=\"");
			tr_num(out, tr_x(&g, i));
			buf_adds(out, "\" cy=\"");
			tr_num(out, tr_y(&g, c->values[i]));
			buf_adds(out, "\" r=\"2.5\" fill=\"" TR_SERIES "\"/>");
			break;
		}
	buf_adds(out, "</svg>");
}
