/* ind_export.c: indicator values for spreadsheets: a re-importable CSV and
 * an XLSX workbook (values and national consolidation), plus the texts of
 * completeness and gap that the CLI and the report share. */
#include "indicators/ind_export.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/xalloc.h"
#include "io/csv.h"
#include "io/parse.h"
#include "store/store_ind.h"

void ind_fmt_completeness(struct buf *out, const struct ind_result *r)
{
	buf_addf(out, "%zu ministère%s sur %zu", r->counted, r->counted > 1 ? "s" : "",
		 r->expected);
	if (r->counted) {
		if (r->validated == 0)
			buf_adds(out, ", dont aucun validé");
		else
			buf_addf(out, ", dont %zu validé%s", r->validated,
				 r->validated > 1 ? "s" : "");
	}
	if (r->missing_weight)
		buf_addf(out, ", %zu sans pondération", r->missing_weight);
}

void ind_fmt_gap(struct buf *out, const struct ind_def *d, double gap)
{
	if (gap > 0)
		buf_addc(out, '+');
	else if (gap < 0)
		buf_addc(out, '-');
	ind_fmt_value(out, d, 1, fabs(gap));
}

static enum ind_state table_state(const struct ind_table *t, size_t org, int year)
{
	return t->state[org * ind_table_nyears(t) + (size_t)(year - t->year_from)];
}

/* The entered value (comment, source) of every cell, by ind_table_at;
 * NULL where there is none. Free the array with free(). */
static const struct ind_value **comment_index(const struct ind_table *t,
					      const struct ind_value_list *l)
{
	size_t ncells = t->norg * t->cat->n * ind_table_nyears(t);
	const struct ind_value **ix = xcalloc(ncells ? ncells : 1, sizeof(*ix));
	for (size_t i = 0; l && i < l->n; i++) {
		const struct ind_value *v = &l->items[i];
		long org = ind_table_org(t, v->org_id);
		long ind = ind_catalogue_find(t->cat, v->code);
		if (org < 0 || ind < 0 || v->year < t->year_from || v->year > t->year_to)
			continue;
		ix[ind_table_at(t, (size_t)org, (size_t)ind, v->year)] = v;
	}
	return ix;
}

static const char *const value_cols[] = {
	"Ministère", "Nom du ministère", "Année",  "Indicateur", "Libellé", "Unité",
	"Valeur",    "Commentaire",	 "Source", "Origine",	 "État"
};
enum { NVALUE_COLS = sizeof(value_cols) / sizeof(value_cols[0]) };

/* Calls fn for every set cell, in the order of the exports. */
typedef void (*cell_fn)(void *arg, const struct ind_table *t, size_t org, size_t ind, int year,
			size_t at);

static void each_cell(const struct ind_table *t, cell_fn fn, void *arg)
{
	for (size_t o = 0; o < t->norg; o++)
		for (int y = t->year_from; y <= t->year_to; y++)
			for (size_t i = 0; i < t->cat->n; i++) {
				size_t at = ind_table_at(t, o, i, y);
				if (t->flags[at] & IND_CELL_SET)
					fn(arg, t, o, i, y, at);
			}
}

struct csv_arg {
	struct buf *out;
	const struct ind_value **ix;
	struct buf num;
};

static void csv_cell(void *arg, const struct ind_table *t, size_t org, size_t ind, int year,
		     size_t at)
{
	struct csv_arg *c = arg;
	const struct ind_def *d = &t->cat->items[ind];
	const struct ind_value *v = c->ix[at];
	int computed = (t->flags[at] & IND_CELL_COMPUTED) != 0;
	char ybuf[16];
	snprintf(ybuf, sizeof(ybuf), "%d", year);
	csv_write_guarded(c->out, t->org_code[org], ';', 1);
	csv_write_guarded(c->out, t->org_name[org], ';', 0);
	csv_write_field(c->out, ybuf, ';', 0);
	csv_write_guarded(c->out, d->code, ';', 0);
	csv_write_guarded(c->out, d->label, ';', 0);
	csv_write_guarded(c->out, d->unit, ';', 0);
	buf_reset(&c->num);
	fmt_number_fr(&c->num, t->value[at]);
	csv_write_field(c->out, c->num.ptr, ';', 0);
	csv_write_guarded(c->out, v && !computed ? v->comment : "", ';', 0);
	csv_write_guarded(c->out, v && !computed ? v->source : "", ';', 0);
	csv_write_field(c->out, computed ? "calculée" : "saisie", ';', 0);
	csv_write_field(c->out, ind_state_label(table_state(t, org, year)), ';', 0);
	csv_write_end(c->out);
}

void ind_export_csv(const struct ind_table *t, const struct ind_value_list *comments,
		    struct buf *out)
{
	buf_adds(out, "\xef\xbb\xbf");
	for (size_t i = 0; i < NVALUE_COLS; i++)
		csv_write_field(out, value_cols[i], ';', i == 0);
	csv_write_end(out);
	struct csv_arg c = { out, comment_index(t, comments), BUF_INIT };
	each_cell(t, csv_cell, &c);
	buf_free(&c.num);
	free(c.ix);
}

/* ---- XLSX ---- */

static const char *const cons_cols[] = { "Année",
					 "Indicateur",
					 "Libellé",
					 "Unité",
					 "Consolidation",
					 "Valeur nationale",
					 "Ministères comptés",
					 "Ministères attendus",
					 "Dont validés",
					 "Sans pondération",
					 "Complétude",
					 "Cible",
					 "Écart à la cible",
					 "Cible atteinte",
					 "Ministères sans valeur comptée" };
enum { NCONS_COLS = sizeof(cons_cols) / sizeof(cons_cols[0]) };

struct xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head;
	lxw_row_t row;
	lxw_error rc; /* the first error met */
	const struct ind_value **ix;
};

static void x_str(struct xlsx *x, lxw_col_t col, const char *s, lxw_format *f)
{
	lxw_error rc = worksheet_write_string(x->ws, x->row, col, s ? s : "", f);
	if (rc != LXW_NO_ERROR && x->rc == LXW_NO_ERROR)
		x->rc = rc;
}

static void x_num(struct xlsx *x, lxw_col_t col, double v)
{
	lxw_error rc = worksheet_write_number(x->ws, x->row, col, v, NULL);
	if (rc != LXW_NO_ERROR && x->rc == LXW_NO_ERROR)
		x->rc = rc;
}

/* Header row, widths, frozen first row and filters over nrows data rows. */
static void x_sheet(struct xlsx *x, const char *name, const char *const *cols, const double *widths,
		    size_t ncols, size_t nrows)
{
	x->ws = workbook_add_worksheet(x->wb, name);
	for (size_t c = 0; c < ncols; c++)
		worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
	worksheet_freeze_panes(x->ws, 1, 0);
	worksheet_autofilter(x->ws, 0, 0, (lxw_row_t)nrows, (lxw_col_t)(ncols - 1));
	x->row = 0;
	for (size_t c = 0; c < ncols; c++)
		x_str(x, (lxw_col_t)c, cols[c], x->head);
}

static void count_cell(void *arg, const struct ind_table *t, size_t org, size_t ind, int year,
		       size_t at)
{
	(void)t, (void)org, (void)ind, (void)year, (void)at;
	(*(size_t *)arg)++;
}

static void xlsx_cell(void *arg, const struct ind_table *t, size_t org, size_t ind, int year,
		      size_t at)
{
	struct xlsx *x = arg;
	const struct ind_def *d = &t->cat->items[ind];
	const struct ind_value *v = x->ix[at];
	int computed = (t->flags[at] & IND_CELL_COMPUTED) != 0;
	x->row++;
	x_str(x, 0, t->org_code[org], NULL);
	x_str(x, 1, t->org_name[org], NULL);
	x_num(x, 2, year);
	x_str(x, 3, d->code, NULL);
	x_str(x, 4, d->label, NULL);
	x_str(x, 5, d->unit, NULL);
	x_num(x, 6, t->value[at]);
	if (v && !computed && v->comment[0])
		x_str(x, 7, v->comment, NULL);
	if (v && !computed && v->source[0])
		x_str(x, 8, v->source, NULL);
	x_str(x, 9, computed ? "calculée" : "saisie", NULL);
	x_str(x, 10, ind_state_label(table_state(t, org, year)), NULL);
}

static void xlsx_consolidation(struct xlsx *x, const struct ind_table *t)
{
	static const double widths[NCONS_COLS] = { 8,  28, 50, 10, 18, 16, 12, 12,
						   10, 10, 36, 10, 12, 10, 40 };
	size_t nrows = ind_table_nyears(t) * t->cat->n;
	x_sheet(x, "Consolidation", cons_cols, widths, NCONS_COLS, nrows);
	struct buf text = BUF_INIT;
	for (int y = t->year_from; y <= t->year_to; y++) {
		for (size_t i = 0; i < t->cat->n; i++) {
			const struct ind_def *d = &t->cat->items[i];
			struct ind_result r;
			ind_table_consolidate(t, i, y, &r);
			x->row++;
			x_num(x, 0, y);
			x_str(x, 1, d->code, NULL);
			x_str(x, 2, d->label, NULL);
			x_str(x, 3, d->unit, NULL);
			x_str(x, 4, ind_rule_label(d->rule), NULL);
			if (r.has_value)
				x_num(x, 5, r.value);
			x_num(x, 6, (double)r.counted);
			x_num(x, 7, (double)r.expected);
			x_num(x, 8, (double)r.validated);
			x_num(x, 9, (double)r.missing_weight);
			buf_reset(&text);
			ind_fmt_completeness(&text, &r);
			x_str(x, 10, text.ptr, NULL);
			double target, gap;
			int met;
			if (ind_target_for(d, y, &target))
				x_num(x, 11, target);
			if (r.has_value && ind_gap(d, y, r.value, &gap, &met)) {
				x_num(x, 12, gap);
				x_str(x, 13, met ? "oui" : "non", NULL);
			}
			buf_reset(&text);
			for (size_t o = 0; o < t->norg; o++) {
				if (t->flags[ind_table_at(t, o, i, y)] & IND_CELL_COUNTS)
					continue;
				if (text.len)
					buf_adds(&text, ", ");
				buf_adds(&text, t->org_code[o]);
			}
			if (text.len)
				x_str(x, 14, text.ptr, NULL);
		}
	}
	buf_free(&text);
}

/* Reads the whole file at path into out. */
static int slurp(const char *path, struct buf *out, struct err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(err, "impossible de relire le classeur %s : %s", path,
			       strerror(errno));
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	int bad = ferror(f);
	fclose(f);
	return bad ? err_set(err, "erreur de lecture du classeur %s", path) : 0;
}

int ind_export_xlsx(const struct ind_table *t, const struct ind_value_list *comments,
		    struct buf *out, struct err *err)
{
	static const double widths[NVALUE_COLS] = { 14, 40, 8, 28, 50, 10, 14, 40, 30, 10, 10 };
	size_t nvalues = 0;
	each_cell(t, count_cell, &nvalues);
	size_t nrows = ind_table_nyears(t) * t->cat->n;
	if (nvalues >= LXW_ROW_MAX || nrows >= LXW_ROW_MAX)
		return err_set(err, "trop de valeurs pour une feuille de calcul (%zu lignes)",
			       nvalues > nrows ? nvalues : nrows);
	const char *tmp = getenv("TMPDIR");
	struct buf path = BUF_INIT;
	buf_addf(&path, "%s/numeco-indicateurs-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path.ptr);
	if (fd < 0) {
		err_set(err, "impossible de créer un fichier temporaire dans %s : %s",
			tmp && *tmp ? tmp : "/tmp", strerror(errno));
		buf_free(&path);
		return -1;
	}
	close(fd);
	/* The directory of the temporary file also holds libxlsxwriter's own. */
	struct buf dir = BUF_INIT;
	buf_add(&dir, path.ptr, (size_t)(strrchr(path.ptr, '/') - path.ptr));
	lxw_workbook_options o = { .constant_memory = LXW_TRUE, .tmpdir = dir.ptr };
	struct xlsx x = { 0 };
	x.wb = workbook_new_opt(path.ptr, &o);
	int rc = -1;
	if (!x.wb) {
		err_set(err, "impossible de créer le classeur %s", path.ptr);
		goto out;
	}
	x.head = workbook_add_format(x.wb);
	format_set_bold(x.head);
	format_set_bg_color(x.head, 0xDDDDDD);
	format_set_bottom(x.head, LXW_BORDER_THIN);
	x.ix = comment_index(t, comments);
	x_sheet(&x, "Valeurs", value_cols, widths, NVALUE_COLS, nvalues);
	each_cell(t, xlsx_cell, &x);
	xlsx_consolidation(&x, t);
	free(x.ix);
	lxw_error close_rc = workbook_close(x.wb);
	if (x.rc != LXW_NO_ERROR || close_rc != LXW_NO_ERROR) {
		err_set(err, "écriture du classeur impossible : %s",
			lxw_strerror(x.rc != LXW_NO_ERROR ? x.rc : close_rc));
		goto out;
	}
	rc = slurp(path.ptr, out, err);
out:
	unlink(path.ptr);
	buf_free(&path);
	buf_free(&dir);
	return rc;
}
