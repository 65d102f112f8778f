/* fp_inventory_read.c: streaming inventory readers, one row at a time (fp_inventory.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "footprint/fp_inventory_impl.h"
#include "io/columns.h"
#include "io/csv.h"
#include "io/parse.h"

struct fp_reader {
	enum fp_file kind;
	const struct fp_kind *k;
	struct csv_reader *csv;
	int map[FP_MAX_COLS];	  /* field index of each column of k, or -1 */
	size_t header_fields;	  /* up to the last named column of the header */
	size_t offs[FP_MAX_COLS]; /* per column: offset of its string in strings_ */
	struct err err;		  /* csv_next's and the parsers' messages */
	struct buf errs;	  /* the row's problems, joined */
	struct buf tmp;		  /* a value copied to be NUL-terminated */
};

static const char *const kind_files[] = { "centres de données", "équipements physiques",
					  "équipements virtuels", "applications" };

/* Maps the header (the first record) to the kind's columns; 0 or -1 with
 * diagnostics. */
static int read_header(struct fp_reader *r, struct diags *d)
{
	const char *name = csv_name(r->csv);
	int rc = csv_next(r->csv, &r->err);
	if (rc == 0) {
		diags_add(d, DIAG_ERROR, name, 0, "",
			  "fichier vide : l'en-tête des %s est attendu en première ligne",
			  kind_files[r->kind]);
		return -1;
	}
	if (rc < 0) {
		diags_add(d, DIAG_ERROR, name, csv_line(r->csv), "", "en-tête illisible : %s",
			  r->err.msg.ptr);
		return -1;
	}
	struct col_spec specs[FP_MAX_COLS];
	for (int i = 0; i < r->k->n; i++) {
		memset(&specs[i], 0, sizeof(specs[i]));
		specs[i].header = r->k->flds[i].header;
		specs[i].required = r->k->flds[i].required;
	}
	if (columns_map(r->csv, specs, r->k->n, r->map, d) < 0)
		return -1;
	/* Values under unnamed trailing columns are checked like those past
	 * the header's end: the samples end every line with ';'. */
	r->header_fields = csv_nfields(r->csv);
	while (r->header_fields > 0) {
		const char *h = csv_field(r->csv, r->header_fields - 1);
		h += strspn(h, " \t\r\n");
		if (*h)
			break;
		r->header_fields--;
	}
	return 0;
}

static struct fp_reader *reader_start(struct csv_reader *csv, enum fp_file kind, struct diags *d)
{
	struct fp_reader *r = xcalloc(1, sizeof(*r));
	r->kind = kind;
	r->k = fp_kind_of_(kind);
	r->csv = csv;
	buf_init(&r->err.msg);
	buf_init(&r->errs);
	buf_init(&r->tmp);
	if (read_header(r, d) < 0) {
		fp_reader_close(r);
		return NULL;
	}
	return r;
}

struct fp_reader *fp_reader_open(const char *path, enum fp_file kind, struct diags *d)
{
	struct err e = ERR_INIT;
	struct csv_reader *csv = csv_open_stream(path, &e);
	if (!csv) {
		/* The message starts with the path already. */
		diags_add(d, DIAG_ERROR, "", 0, "", "%s", e.msg.ptr);
		err_free(&e);
		return NULL;
	}
	err_free(&e);
	return reader_start(csv, kind, d);
}

struct fp_reader *fp_reader_open_mem(const char *name, const char *data, size_t len,
				     enum fp_file kind, struct diags *d)
{
	struct err e = ERR_INIT;
	struct csv_reader *csv = csv_open_mem(name, data, len, &e);
	if (!csv) {
		diags_add(d, DIAG_ERROR, name ? name : "", 0, "", "%s", e.msg.ptr);
		err_free(&e);
		return NULL;
	}
	err_free(&e);
	return reader_start(csv, kind, d);
}

void fp_reader_close(struct fp_reader *r)
{
	if (!r)
		return;
	csv_close(r->csv);
	err_free(&r->err);
	buf_free(&r->errs);
	buf_free(&r->tmp);
	free(r);
}

void fp_reader_progress(const struct fp_reader *r, size_t *done, size_t *total)
{
	*done = csv_bytes_read(r->csv);
	*total = csv_bytes_total(r->csv);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Appends the n bytes at s and a NUL: buf_add and buf_addc in one, inline
 * for the common case (this runs for every text value of every row). */
static void put_string(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 2 > b->cap)
		buf_grow(b, n + 1);
	memcpy(b->ptr + b->len, s, n);
	b->ptr[b->len + n] = '\0';
	b->len += n + 1;
	b->ptr[b->len] = '\0';
}

/* Adds one problem of the row to r->errs ("; " between problems). */
static void row_problem(struct fp_reader *r, const char *col, const char *what, const char *v,
			size_t n)
{
	if (r->errs.len)
		buf_adds(&r->errs, " ; ");
	buf_addf(&r->errs, "%s : %s", col, what);
	if (!v)
		return;
	/* The value as typed, cut at a character boundary when long. */
	size_t cut = n;
	if (cut > 60) {
		cut = 60;
		while (cut > 0 && ((unsigned char)v[cut] & 0xC0) == 0x80)
			cut--;
	}
	buf_addf(&r->errs, " « %.*s%s »", (int)cut, v, cut < n ? "…" : "");
}

/* Numbers as most files write them ("12", "0.25", "-3,5"), read exactly as
 * strtod would (an integer below 2^53 divided by an exact power of ten is
 * correctly rounded), without parse_number's allocations. -1: let
 * parse_number decide. */
static int quick_number(const char *s, size_t n, double *out)
{
	static const double p10[] = { 1e0, 1e1, 1e2,  1e3,  1e4,  1e5,	1e6,  1e7,
				      1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	size_t i = 0;
	int neg = 0, sep = 0, frac = 0, digits = 0;
	uint64_t m = 0;
	if (n > 0 && s[0] == '-') {
		neg = 1;
		i++;
	}
	for (; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			if (++digits > 15)
				return -1;
			m = m * 10 + (uint64_t)(c - '0');
			frac += sep;
		} else if ((c == '.' || c == ',') && !sep && digits > 0 && i + 1 < n) {
			sep = 1;
		} else {
			return -1;
		}
	}
	if (digits == 0)
		return -1;
	double v = (double)m / p10[frac];
	*out = neg ? -v : v;
	return 0;
}

/* Converts the trimmed value v (n bytes) of number column f into the row. */
static void set_number(struct fp_reader *r, const struct fp_fld *f, char *base, const char *v,
		       size_t n)
{
	double x;
	if (quick_number(v, n, &x) < 0) {
		buf_reset(&r->tmp);
		buf_add(&r->tmp, v, n);
		if (parse_number(r->tmp.ptr, &x, &r->err) < 0) {
			row_problem(r, f->header, "nombre invalide", v, n);
			return;
		}
	}
	const char *bad = NULL;
	switch (f->rule) {
	case FP_FR_ANY: break;
	case FP_FR_NONNEG: bad = x < 0 ? "valeur négative refusée" : NULL; break;
	case FP_FR_POSITIVE: bad = x <= 0 ? "doit être supérieur à 0" : NULL; break;
	case FP_FR_RATE: bad = x < 0 || x > 1 ? "doit être compris entre 0 et 1" : NULL; break;
	case FP_FR_PUE: bad = x < 1 ? "doit valoir au moins 1" : NULL; break;
	}
	if (bad) {
		row_problem(r, f->header, bad, v, n);
		return;
	}
	*(double *)fp_at_(base, f->off) = x;
	if (f->has_off != FP_NO_HAS)
		*(int *)fp_at_(base, f->has_off) = 1;
}

static void set_date(struct fp_reader *r, const struct fp_fld *f, char *base, const char *v,
		     size_t n)
{
	buf_reset(&r->tmp);
	buf_add(&r->tmp, v, n);
	if (parse_date(r->tmp.ptr, base + f->off, &r->err) < 0)
		row_problem(r, f->header, "date invalide", v, n);
}

/* Reads the next record into row (of the reader's kind). */
static int read_row(struct fp_reader *r, enum fp_file kind, void *row, struct diags *d)
{
	if (kind != r->kind) {
		diags_add(d, DIAG_ERROR, csv_name(r->csv), 0, "",
			  "lecture de %s dans un fichier de %s", kind_files[kind],
			  kind_files[r->kind]);
		return -1;
	}
	int rc = csv_next(r->csv, &r->err);
	if (rc == 0)
		return 0;
	if (rc < 0) {
		diags_add(d, DIAG_ERROR, csv_name(r->csv), csv_line(r->csv), "", "%s",
			  r->err.msg.ptr);
		return -1;
	}

	const struct fp_kind *k = r->k;
	char *base = row;
	struct buf *mem = (struct buf *)fp_at_(base, k->strings_off);
	buf_reset(mem);
	buf_addc(mem, '\0'); /* offset 0: the empty string */
	buf_reset(&r->errs);
	*(long *)fp_at_(base, k->line_off) = csv_line(r->csv);

	for (int i = 0; i < k->n; i++) {
		const struct fp_fld *f = &k->flds[i];
		r->offs[i] = 0;
		const char *v = "";
		size_t n = 0;
		if (r->map[i] >= 0) {
			v = csv_field(r->csv, (size_t)r->map[i]);
			n = csv_field_len(r->csv, (size_t)r->map[i]);
			while (n > 0 && is_blank(*v)) {
				v++;
				n--;
			}
			while (n > 0 && is_blank(v[n - 1]))
				n--;
		}
		switch (f->type) {
		case FP_FT_TEXT:
			if (n > 0) {
				r->offs[i] = mem->len;
				put_string(mem, v, n);
			} else if (f->nonempty) {
				if (r->errs.len)
					buf_adds(&r->errs, " ; ");
				buf_addf(&r->errs, "%s vide", f->header);
			}
			break;
		case FP_FT_NUM:
			if (f->has_off != FP_NO_HAS)
				*(int *)fp_at_(base, f->has_off) = 0;
			*(double *)fp_at_(base, f->off) = f->one_if_empty ? 1 : 0;
			if (n > 0)
				set_number(r, f, base, v, n);
			break;
		case FP_FT_DATE:
			base[f->off] = '\0';
			if (n > 0)
				set_date(r, f, base, v, n);
			break;
		case FP_FT_IGNORE: break;
		}
	}
	if (r->kind == FP_FILE_PHYSICAL) {
		const struct fp_physical *p = row;
		if (p->purchase[0] && p->retire[0] && strcmp(p->retire, p->purchase) < 0)
			row_problem(r, "dateRetrait", "antérieure à dateAchat", NULL, 0);
	}
	if (csv_nfields(r->csv) > r->header_fields) {
		for (size_t i = r->header_fields; i < csv_nfields(r->csv); i++) {
			const char *p = csv_field(r->csv, i);
			while (is_blank(*p))
				p++;
			if (*p) {
				if (r->errs.len)
					buf_adds(&r->errs, " ; ");
				buf_addf(&r->errs,
					 "valeur hors des colonnes de l'en-tête (colonne "
					 "%zu) : ligne décalée ?",
					 i + 1);
				break;
			}
		}
	}

	/* Pointers last: strings_ may have moved while it grew. */
	size_t err_off = 0;
	if (r->errs.len) {
		err_off = mem->len;
		buf_add(mem, r->errs.ptr, r->errs.len);
		buf_addc(mem, '\0');
	}
	*(char **)fp_at_(base, k->error_off) = mem->ptr + err_off;
	for (int i = 0; i < k->n; i++)
		if (k->flds[i].type == FP_FT_TEXT)
			*(char **)fp_at_(base, k->flds[i].off) = mem->ptr + r->offs[i];
	return 1;
}

int fp_read_datacenter(struct fp_reader *r, struct fp_datacenter *row, struct diags *d)
{
	return read_row(r, FP_FILE_DATACENTER, row, d);
}

int fp_read_physical(struct fp_reader *r, struct fp_physical *row, struct diags *d)
{
	return read_row(r, FP_FILE_PHYSICAL, row, d);
}

int fp_read_virtual(struct fp_reader *r, struct fp_virtual *row, struct diags *d)
{
	return read_row(r, FP_FILE_VIRTUAL, row, d);
}

int fp_read_application(struct fp_reader *r, struct fp_application *row, struct diags *d)
{
	return read_row(r, FP_FILE_APPLICATION, row, d);
}
