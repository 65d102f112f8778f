/* fp_ref_load.c: loading a referential folder in any of the three dialects
 * (NumEcoEval French, G4IT snake_case, G4IT camelCase): which files, header
 * mapping and the row loop; what each row means is in fp_ref_load_rows.c. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/xalloc.h"
#include "footprint/fp_ref.h"
#include "footprint/fp_ref_int.h"

static const char *const file_names[FP_REF_NDIALECTS][FP_REF_NFILES] = {
	{ "criteria.csv", "lifecycleSteps.csv", "characterizationFactors.csv", "itemTypes.csv",
	  "equipmentRefMatching.csv", "hypotheses.csv" },
	{ "ref_criterion.csv", "ref_lifecycle_step.csv", "ref_item_impact.csv", "ref_item_type.csv",
	  "ref_matching_item.csv", "ref_hypothesis.csv" },
	{ "criterion.csv", "lifecycleStep.csv", "itemImpact.csv", "itemType.csv",
	  "matchingItem.csv", "hypothesis.csv" },
};

static const char *const dialect_names[FP_REF_NDIALECTS] = { "NumEcoEval", "G4IT",
							     "G4IT camelCase" };

const char *fp_ref_file_name(enum fp_ref_dialect dl, enum fp_ref_file f)
{
	return file_names[dl][f];
}

const char *fp_ref_dialect_name(enum fp_ref_dialect dl)
{
	return dialect_names[dl];
}

/* Columns files carry that numeco does not use: no warning for them. The
 * provenance columns (source, licence) are accepted in every file: kept where
 * the model has a field for them (the kind declares them as columns, found
 * before this list is consulted), silently skipped elsewhere. */
static const char *const ignored[] = {
	"description",	   "niveau",	   "level",	  "tiers",   "tier",
	"subscriber",	   "version",	   "commentaire", "comment", "refhypothese",
	"nomorganisation", "organisation", "unite",	  "unit",    "categorie",
	"category",	   "source",	   "licence",	  "license", NULL
};

const char *fp_ref_col_name(const struct fp_ref_rows *x, int c)
{
	if (c < 0)
		return "";
	return x->header[c] ? x->header[c] : x->cols[c].names[x->dl];
}

void fp_ref_row_diag(struct fp_ref_rows *x, enum diag_level level, int c, const char *fmt, ...)
{
	struct buf m = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&m, fmt, ap);
	va_end(ap);
	diags_add(x->d, level, csv_name(x->csv), csv_line(x->csv), fp_ref_col_name(x, c), "%s",
		  m.ptr);
	buf_free(&m);
}

static int key_eq(const char *key, const char *name, struct buf *tmp)
{
	buf_reset(tmp);
	fp_ref_key(name, 0, tmp);
	return !strcmp(key, tmp->ptr);
}

/* Column c of the kind whose name or alias has the lenient key k, or -1. */
static int find_col(const struct fp_ref_rows *x, const char *k, struct buf *tmp)
{
	for (int c = 0; c < x->ncols; c++) {
		for (int dl = 0; dl < FP_REF_NDIALECTS; dl++)
			if (key_eq(k, x->cols[c].names[dl], tmp))
				return c;
		for (int a = 0; x->cols[c].aliases[a]; a++)
			if (key_eq(k, x->cols[c].aliases[a], tmp))
				return c;
	}
	return -1;
}

/* Maps the header record; 0, or -1 after errors. */
static int map_header(struct fp_ref_rows *x)
{
	int ok = 1;
	struct buf h = BUF_INIT, k = BUF_INIT, tmp = BUF_INIT;
	for (size_t i = 0; i < csv_nfields(x->csv); i++) {
		buf_reset(&h);
		buf_adds(&h, csv_field(x->csv, i));
		buf_trim(&h);
		buf_reset(&k);
		fp_ref_key(h.ptr, 0, &k);
		if (!k.len)
			continue;
		int c = find_col(x, k.ptr, &tmp);
		if (c >= 0 && x->map[c] >= 0) {
			diags_add(x->d, DIAG_ERROR, csv_name(x->csv), csv_line(x->csv), h.ptr,
				  "colonne présente deux fois (colonnes %d et %zu)", x->map[c] + 1,
				  i + 1);
			ok = 0;
		} else if (c >= 0) {
			x->map[c] = (int)i;
			x->header[c] = xstrdup(h.ptr);
		} else {
			int known = 0;
			for (int j = 0; ignored[j] && !known; j++)
				known = !strcmp(k.ptr, ignored[j]);
			if (!known)
				diags_add(x->d, DIAG_WARNING, csv_name(x->csv), csv_line(x->csv),
					  h.ptr, "colonne inconnue, ignorée");
		}
	}
	for (int c = 0; c < x->ncols; c++) {
		if (x->cols[c].required && x->map[c] < 0) {
			diags_add(x->d, DIAG_ERROR, csv_name(x->csv), csv_line(x->csv),
				  x->cols[c].names[x->dl],
				  "colonne obligatoire absente de l'en-tête");
			ok = 0;
		}
	}
	buf_free(&h);
	buf_free(&k);
	buf_free(&tmp);
	return ok ? 0 : -1;
}

/* Copies the current record's values: trimmed, "NULL" (any case) read as empty. */
static void read_values(struct fp_ref_rows *x)
{
	for (int c = 0; c < x->ncols; c++) {
		struct buf *v = &x->v[c];
		buf_reset(v);
		if (x->map[c] < 0)
			continue;
		buf_add(v, csv_field(x->csv, (size_t)x->map[c]),
			csv_field_len(x->csv, (size_t)x->map[c]));
		buf_trim(v);
		if (v->len == 4 && (v->ptr[0] | 0x20) == 'n' && (v->ptr[1] | 0x20) == 'u' &&
		    (v->ptr[2] | 0x20) == 'l' && (v->ptr[3] | 0x20) == 'l')
			buf_reset(v);
	}
}

static void read_rows(struct fp_ref_rows *x, const struct fp_ref_kind *k)
{
	int rc = csv_next(x->csv, &x->err);
	if (rc == 0) {
		diags_add(x->d, DIAG_ERROR, csv_name(x->csv), 0, "",
			  "fichier vide : l'en-tête est attendu en première ligne");
		return;
	}
	if (rc < 0) {
		diags_add(x->d, DIAG_ERROR, csv_name(x->csv), csv_line(x->csv), "",
			  "en-tête illisible : %s", x->err.msg.ptr);
		return;
	}
	if (map_header(x) < 0 || (k->header && k->header(x) < 0))
		return;
	while ((rc = csv_next(x->csv, &x->err)) != 0) {
		if (rc < 0) {
			diags_add(x->d, DIAG_ERROR, csv_name(x->csv), csv_line(x->csv), "", "%s",
				  x->err.msg.ptr);
			continue;
		}
		read_values(x);
		k->row(x);
	}
	if (k->end)
		k->end(x);
}

/* Reads every row of csv (which it closes); 0, or -1 when an error went to d. */
static int load_reader(struct fp_ref *r, enum fp_ref_file f, enum fp_ref_dialect dl,
		       struct csv_reader *csv, unsigned flags, struct diags *d)
{
	size_t errors = d->errors;
	const struct fp_ref_kind *k = fp_ref_kind(f);
	struct fp_ref_rows x;
	memset(&x, 0, sizeof(x));
	x.r = r;
	x.csv = csv;
	x.d = d;
	x.dl = dl;
	x.flags = flags;
	x.cols = k->cols;
	x.ncols = k->ncols;
	for (int c = 0; c < FP_REF_MAX_COLS; c++) {
		x.map[c] = -1;
		buf_init(&x.v[c]);
	}
	buf_init(&x.tmp);
	buf_init(&x.err.msg);
	read_rows(&x, k);
	for (int c = 0; c < FP_REF_MAX_COLS; c++) {
		free(x.header[c]);
		buf_free(&x.v[c]);
	}
	for (size_t i = 0; i < x.nundeclared; i++)
		free(x.undeclared[i].name);
	free(x.undeclared);
	buf_free(&x.tmp);
	err_free(&x.err);
	csv_close(csv);
	return d->errors > errors ? -1 : 0;
}

int fp_ref_load_mem(struct fp_ref *r, enum fp_ref_file f, enum fp_ref_dialect dl, const char *name,
		    const char *data, size_t len, unsigned flags, struct diags *d)
{
	struct err e = ERR_INIT;
	struct csv_reader *csv = csv_open_mem(name, data, len, &e);
	if (!csv) {
		diags_add(d, DIAG_ERROR, name ? name : "", 0, "", "%s", e.msg.ptr);
		err_free(&e);
		return -1;
	}
	err_free(&e);
	return load_reader(r, f, dl, csv, flags, d);
}

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void path_of(struct buf *p, const char *dir, enum fp_ref_dialect dl, enum fp_ref_file f)
{
	buf_reset(p);
	buf_adds(p, dir);
	if (p->len && p->ptr[p->len - 1] != '/')
		buf_addc(p, '/');
	buf_adds(p, file_names[dl][f]);
}

int fp_ref_pick_dialect(int (*has)(const void *src, enum fp_ref_dialect dl, enum fp_ref_file f),
			const void *src)
{
	int best = -1, best_n = 0;
	for (int dl = 0; dl < FP_REF_NDIALECTS; dl++) {
		int n = 0;
		for (int f = 0; f < FP_REF_NFILES; f++)
			n += has(src, (enum fp_ref_dialect)dl, (enum fp_ref_file)f) != 0;
		if (n > best_n) {
			best = dl;
			best_n = n;
		}
	}
	return best;
}

/* A folder and a scratch path, for dir_has. */
struct dir_probe {
	const char *dir;
	struct buf *p;
};

static int dir_has(const void *src, enum fp_ref_dialect dl, enum fp_ref_file f)
{
	const struct dir_probe *x = src;
	path_of(x->p, x->dir, dl, f);
	return is_file(x->p->ptr);
}

struct fp_ref *fp_ref_load_dir(const char *dir, const char *name, const char *version,
			       struct diags *d)
{
	size_t errors = d->errors;
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		diags_add(d, DIAG_ERROR, dir, 0, "", "dossier du référentiel introuvable");
		return NULL;
	}
	struct buf p = BUF_INIT;
	struct dir_probe probe = { dir, &p };
	int dl = fp_ref_pick_dialect(dir_has, &probe);
	if (dl < 0) {
		diags_add(d, DIAG_ERROR, dir, 0, "",
			  "aucun fichier de référentiel reconnu : %s (NumEcoEval), %s (G4IT) ou "
			  "%s (G4IT camelCase) attendu",
			  file_names[0][FP_REF_FACTORS], file_names[1][FP_REF_FACTORS],
			  file_names[2][FP_REF_FACTORS]);
		buf_free(&p);
		return NULL;
	}
	path_of(&p, dir, (enum fp_ref_dialect)dl, FP_REF_FACTORS);
	if (!is_file(p.ptr)) {
		diags_add(d, DIAG_ERROR, p.ptr, 0, "",
			  "fichier obligatoire absent : les facteurs d'impact du référentiel %s",
			  dialect_names[dl]);
		buf_free(&p);
		return NULL;
	}
	struct fp_ref *r = fp_ref_new(name, version);
	unsigned flags = 0;
	for (int f = 0; f < FP_REF_NFILES; f++) {
		path_of(&p, dir, (enum fp_ref_dialect)dl, (enum fp_ref_file)f);
		if (!is_file(p.ptr))
			continue;
		struct err e = ERR_INIT;
		struct csv_reader *csv = csv_open_file(p.ptr, &e);
		if (!csv)
			diags_add(d, DIAG_ERROR, "", 0, "", "%s", e.msg.ptr);
		else
			load_reader(r, (enum fp_ref_file)f, (enum fp_ref_dialect)dl, csv, flags, d);
		err_free(&e);
		if (f == FP_REF_CRITERIA)
			flags |= FP_REF_CRIT_DECLARED;
	}
	buf_free(&p);
	if (d->errors > errors) {
		fp_ref_free(r);
		return NULL;
	}
	return r;
}
