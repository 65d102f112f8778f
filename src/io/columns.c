/* columns.c: header-name column mapping (see columns.h). */
#include "io/columns.h"

#include <stdarg.h>
#include <string.h>

#include "core/text.h"

/* Column whose header or alias folds to the same text as folded h, or -1. */
static int find(const struct col_spec *cols, int ncols, const char *h)
{
	struct buf fh = BUF_INIT, fc = BUF_INIT;
	int found = -1;
	text_fold(h, &fh);
	for (int c = 0; c < ncols && found < 0; c++) {
		buf_reset(&fc);
		text_fold(cols[c].header, &fc);
		if (strcmp(fh.ptr, fc.ptr) == 0)
			found = c;
		for (int j = 0; found < 0 && cols[c].aliases[j]; j++) {
			buf_reset(&fc);
			text_fold(cols[c].aliases[j], &fc);
			if (strcmp(fh.ptr, fc.ptr) == 0)
				found = c;
		}
	}
	buf_free(&fh);
	buf_free(&fc);
	return found;
}

int columns_map(struct csv_reader *r, const struct col_spec *cols, int ncols, int *map,
		struct diags *d)
{
	const char *file = csv_name(r);
	long line = csv_line(r);
	int ok = 1;
	struct buf h = BUF_INIT;
	for (int c = 0; c < ncols; c++)
		map[c] = -1;
	for (size_t i = 0; i < csv_nfields(r); i++) {
		buf_reset(&h);
		buf_add(&h, csv_field(r, i), csv_field_len(r, i));
		buf_trim(&h);
		int c = h.len ? find(cols, ncols, h.ptr) : -1;
		if (c < 0) {
			if (h.len)
				diags_add(d, DIAG_WARNING, file, line, h.ptr,
					  "colonne inconnue, ignorée");
		} else if (map[c] >= 0) {
			diags_add(d, DIAG_ERROR, file, line, cols[c].header,
				  "colonne présente deux fois (colonnes %d et %zu)", map[c] + 1,
				  i + 1);
			ok = 0;
		} else {
			map[c] = (int)i;
		}
	}
	buf_free(&h);
	for (int c = 0; c < ncols; c++) {
		if (cols[c].required && map[c] < 0) {
			diags_add(d, DIAG_ERROR, file, line, cols[c].header,
				  "colonne obligatoire absente de l'en-tête");
			ok = 0;
		}
	}
	return ok ? 0 : -1;
}

void columns_get(struct csv_reader *r, const int *map, int c, struct buf *out)
{
	buf_reset(out);
	if (map[c] >= 0)
		buf_add(out, csv_field(r, (size_t)map[c]), csv_field_len(r, (size_t)map[c]));
	buf_trim(out);
}

int columns_overflow(struct csv_reader *r, size_t header_fields)
{
	/* Blank means empty once trimmed, like every value numeco reads. */
	for (size_t i = header_fields; i < csv_nfields(r); i++)
		for (const char *p = csv_field(r, i); *p; p++)
			if (*p != ' ' && *p != '\t')
				return 1;
	return 0;
}

int col_reader_open(struct col_reader *cr, const char *file, const char *data, size_t len,
		    const struct col_spec *cols, int n, int *map, struct diags *d)
{
	memset(cr, 0, sizeof(*cr));
	cr->file = file;
	cr->d = d;
	buf_init(&cr->e.msg);
	cr->r = csv_open_mem(file, data, len, &cr->e);
	if (!cr->r) {
		diags_add(d, DIAG_ERROR, file, 0, "", "%s", cr->e.msg.ptr);
		return -1;
	}
	int got = csv_next(cr->r, &cr->e);
	cr->line = csv_line(cr->r);
	if (got <= 0) {
		diags_add(d, DIAG_ERROR, file, got < 0 ? cr->line : 0, "", "%s",
			  got < 0 ? cr->e.msg.ptr
				  : "fichier vide : la ligne d'en-tête est absente");
		return -1;
	}
	if (columns_map(cr->r, cols, n, map, d))
		return -1;
	cr->ncols = csv_nfields(cr->r);
	return 0;
}

int col_reader_next(struct col_reader *cr)
{
	for (;;) {
		int got = csv_next(cr->r, &cr->e);
		if (got == 0)
			return 0;
		cr->line = csv_line(cr->r);
		if (got < 0) {
			diags_add(cr->d, DIAG_ERROR, cr->file, cr->line, "", "%s", cr->e.msg.ptr);
			continue;
		}
		if (columns_overflow(cr->r, cr->ncols)) {
			diags_add(cr->d, DIAG_ERROR, cr->file, cr->line, "",
				  "%zu champs au lieu de %zu (séparateur non protégé par des "
				  "guillemets ?)",
				  csv_nfields(cr->r), cr->ncols);
			continue;
		}
		return 1;
	}
}

void col_reader_close(struct col_reader *cr)
{
	csv_close(cr->r);
	cr->r = NULL;
	err_free(&cr->e);
}

void col_bad(struct col_row *c, int col, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diags_add(c->d, DIAG_ERROR, c->file, c->line, c->cols[col].header, "%s", msg.ptr);
	buf_free(&msg);
	c->errors_here++;
}
