/* csv.c: CSV reader (encodings, delimiter, RFC 4180, located errors) and writer (see csv.h). */
#include "io/csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "io/csv_impl.h"
#include "io/encoding.h"

/* What the parser returns, besides 1 (record), 0 (end) and -1 (malformed),
 * when it reaches the end of a stream's window: read more and parse the
 * record again, or give up on a record longer than the stream's limit. */
enum { NEED_MORE = 2, TOO_LONG = 3 };

/* State of the record being read: fields are stored until the first error,
 * then only scanned so that the reader finds where the record ends. */
struct rec_state {
	struct csv_reader *r;
	struct err *err;
	int bad;       /* an error was recorded: store nothing more */
	size_t col;    /* index of the current field */
	size_t fstart; /* offset of the current field in r->rec */
};

static int is_line_end(char c)
{
	return c == '\r' || c == '\n';
}

/* Physical line number of byte offset upto: CRLF, LF and CR each end one line. */
static long count_line(const char *s, size_t upto)
{
	long line = 1;
	for (size_t i = 0; i < upto; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= upto || s[i + 1] != '\n')))
			line++;
	}
	return line;
}

/* Offset just past the line end at or after i (or n when there is none). */
static size_t skip_past_line_end(const char *s, size_t n, size_t i)
{
	while (i < n && !is_line_end(s[i]))
		i++;
	if (i < n) {
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			i++;
		i++;
	}
	return i;
}

/* What reaching the end of the window means: 0 when it is the end of the
 * input, else NEED_MORE, or TOO_LONG once the stream's record limit is hit. */
static int window_end(const struct csv_reader *r)
{
	if (r->eof)
		return 0;
	return r->limit_hit ? TOO_LONG : NEED_MORE;
}

/* Length of the line end at i (s[i] is CR or LF): 1 or 2, or 0 when a CR
 * ends the window and the next chunk may hold its LF. */
static size_t eol_len(const struct csv_reader *r, size_t i)
{
	const char *s = r->text.ptr;
	if (s[i] == '\n')
		return 1;
	if (i + 1 < r->text.len)
		return s[i + 1] == '\n' ? 2 : 1;
	return window_end(r) == NEED_MORE ? 0 : 1;
}

/* The header line decides the delimiter: the most frequent of ';' ',' and
 * tab outside quotes, ';' (French spreadsheets' choice) on a tie or when the
 * file has a single column. Leading lines made only of white space, ';' and
 * ',' are empty rows, not the header: the reader skips them (pos and line
 * are set to where the header begins). NEED_MORE when the header line is not
 * whole in the window yet. */
static int detect_delim(struct csv_reader *r)
{
	const char *s = r->text.ptr;
	size_t n = r->text.len;
	size_t i = r->pos;
	for (;;) {
		size_t j = i;
		while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == ';' || s[j] == ','))
			j++;
		if (j >= n) {
			if (window_end(r) == NEED_MORE)
				return NEED_MORE;
			i = n; /* nothing but empty rows */
			break;
		}
		if (!is_line_end(s[j]))
			break;
		size_t k = eol_len(r, j);
		if (k == 0)
			return NEED_MORE;
		i = j + k;
		r->pos = i; /* empty rows are consumed: a refill may drop them */
		r->line++;
	}
	r->pos = i;
	size_t semi = 0, comma = 0, tab = 0;
	int inq = 0;
	for (; i < n; i++) {
		char c = s[i];
		if (c == '"')
			inq = !inq;
		else if (inq)
			continue;
		else if (is_line_end(c))
			break;
		else if (c == ';')
			semi++;
		else if (c == ',')
			comma++;
		else if (c == '\t')
			tab++;
	}
	if (i >= n && window_end(r) == NEED_MORE)
		return NEED_MORE;
	if (semi >= comma && semi >= tab)
		r->delim = ';';
	else
		r->delim = comma >= tab ? ',' : '\t';
	return 0;
}

const char *csv_errno_fr_(int e)
{
	switch (e) {
	case ENOENT: return "fichier introuvable";
	case EACCES:
	case EPERM: return "permission refusée";
	case EISDIR: return "c'est un répertoire, pas un fichier";
	case ENOTDIR: return "chemin invalide";
	case EIO: return "erreur de lecture";
	default: return strerror(e);
	}
}

struct csv_reader *csv_open_mem(const char *name, const char *data, size_t n, struct err *err)
{
	if (!name)
		name = "";
	if (n == 0)
		data = "";
	/* The messages leave the file name out: callers put it in front, as
	 * diags_add does with its file argument. */
	if (enc_has_utf16_bom(data, n)) {
		err_set(err, "encodage UTF-16 non pris en charge : enregistrer le fichier au "
			     "format « CSV UTF-8 » ou « CSV (séparateur : point-virgule) »");
		return NULL;
	}
	const char *nul = memchr(data, '\0', n);
	if (nul) {
		err_set(err, "ligne %ld : octet nul : fichier binaire ?",
			count_line(data, (size_t)(nul - data)));
		return NULL;
	}

	struct csv_reader *r = csv_new_(name);
	r->eof = 1;
	r->bytes_read = r->bytes_total = n;
	size_t skip = enc_has_utf8_bom(data, n) ? 3 : 0;
	if (text_utf8_valid(data + skip, n - skip)) {
		r->enc = skip ? CSV_UTF8_BOM : CSV_UTF8;
		buf_add(&r->text, data + skip, n - skip);
	} else {
		/* Not UTF-8: the other encoding spreadsheets write on Windows. A
		 * BOM followed by invalid UTF-8 is a mixed file; the BOM is dropped. */
		r->enc = CSV_CP1252;
		enc_cp1252_to_utf8(data + skip, n - skip, &r->text);
	}
	csv_begin_(r, err); /* cannot fail: the whole input is there */
	return r;
}

struct csv_reader *csv_new_(const char *name)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));
	r->name = xstrdup(name ? name : "");
	buf_init(&r->text);
	buf_init(&r->rec);
	r->line = 1;
	r->delim = ';';
	return r;
}

int csv_begin_(struct csv_reader *r, struct err *err)
{
	int rc;
	while ((rc = detect_delim(r)) == NEED_MORE)
		if (csv_refill_(r, err) < 0)
			return -1;
	r->limit_hit = 0;
	r->rec_line = r->line;
	return 0;
}

struct csv_reader *csv_open_file(const char *path, struct err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err_set(err, "impossible d'ouvrir %s : %s", path, csv_errno_fr_(errno));
		return NULL;
	}
	struct buf b = BUF_INIT;
	for (;;) {
		buf_grow(&b, 64 * 1024);
		size_t got = fread(b.ptr + b.len, 1, b.cap - b.len - 1, f);
		b.len += got;
		b.ptr[b.len] = '\0';
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		buf_free(&b);
		err_set(err, "impossible de lire %s : %s", path, csv_errno_fr_(e));
		return NULL;
	}
	fclose(f);
	struct csv_reader *r = csv_open_mem(path, b.ptr, b.len, err);
	if (!r)
		err_prefix(err, "%s: ", path);
	buf_free(&b);
	return r;
}

void csv_close(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->name);
	csv_stream_free_(r->stream);
	buf_free(&r->text);
	buf_free(&r->rec);
	free(r->fields);
	free(r);
}

enum csv_encoding csv_encoding(const struct csv_reader *r)
{
	return r->enc;
}

char csv_delimiter(const struct csv_reader *r)
{
	return r->delim;
}

/* Records the first error of a record, on the current field; later ones
 * are consequences of it. Returns 1 when this call recorded the error. */
static int rec_fail(struct rec_state *st, const char *msg)
{
	if (st->bad)
		return 0;
	st->bad = 1;
	err_set(st->err, "colonne %zu : %s", st->col + 1, msg);
	return 1;
}

static void field_begin(struct rec_state *st)
{
	if (!st->bad && st->col >= CSV_MAX_FIELDS) {
		st->bad = 1;
		err_set(st->err, "trop de champs (plus de %d)", CSV_MAX_FIELDS);
	}
	st->fstart = st->r->rec.len;
}

static void field_add(struct rec_state *st, const char *s, size_t n)
{
	if (st->bad || n == 0)
		return;
	struct buf *rec = &st->r->rec;
	if (rec->len - st->fstart + n > CSV_MAX_FIELD) {
		if (rec_fail(st, "champ trop long"))
			buf_addf(&st->err->msg, " (plus de %d octets)", CSV_MAX_FIELD);
		return;
	}
	buf_add(rec, s, n);
}

static void field_end(struct rec_state *st)
{
	struct csv_reader *r = st->r;
	if (!st->bad) {
		if (r->nf >= r->cap) /* the common case stays inline */
			xgrow((void **)&r->fields, sizeof(*r->fields), r->nf + 1, &r->cap);
		r->fields[r->nf].off = st->fstart;
		r->fields[r->nf].len = r->rec.len - st->fstart;
		r->nf++;
		buf_addc(&r->rec, '\0');
	}
	st->col++;
}

/* Skips lines holding only spaces, tabs and delimiters: what spreadsheets
 * write for empty rows (";;;;"). 0, or NEED_MORE / TOO_LONG. */
static int skip_blank_lines(struct csv_reader *r)
{
	const char *s = r->text.ptr;
	size_t n = r->text.len;
	for (;;) {
		size_t j = r->pos;
		while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == r->delim))
			j++;
		if (j >= n) {
			int rc = window_end(r);
			if (rc)
				return rc;
			r->pos = n;
			return 0;
		}
		if (!is_line_end(s[j]))
			return 0;
		size_t k = eol_len(r, j);
		if (k == 0)
			return NEED_MORE;
		r->pos = j + k;
		r->line++;
	}
}

/* Reads one record from the window: 1, 0 (end of input), -1 (malformed), or
 * NEED_MORE / TOO_LONG when the window ends inside it (a stream's record is
 * then parsed again once the window holds more). Only a whole record moves
 * pos and line. */
static int parse_record(struct csv_reader *r, struct err *err)
{
	r->nf = 0;
	buf_reset(&r->rec);
	int rc = skip_blank_lines(r);
	if (rc)
		return rc;
	r->rec_line = r->line;
	if (r->pos >= r->text.len)
		return 0;

	const char *s = r->text.ptr;
	const size_t n = r->text.len;
	const char d = r->delim;
	size_t pos = r->pos;
	long line = r->line;
	struct rec_state st = { r, err, 0, 0, 0 };

	for (;;) {
		field_begin(&st);
		if (pos < n && s[pos] == '"') {
			size_t qpos = pos;
			long qline = line;
			int closed = 0;
			pos++;
			while (pos < n) {
				size_t j = pos;
				while (j < n && s[j] != '"' && !is_line_end(s[j]))
					j++;
				field_add(&st, s + pos, j - pos);
				pos = j;
				if (pos >= n)
					break;
				if (s[pos] == '"') {
					if (pos + 1 >= n && window_end(r) == NEED_MORE)
						return NEED_MORE; /* "" split by the window */
					if (pos + 1 < n && s[pos + 1] == '"') {
						field_add(&st, "\"", 1);
						pos += 2;
						continue;
					}
					pos++;
					closed = 1;
					break;
				}
				/* A line end inside a field is kept as one LF whatever
				 * its form, so stored text does not depend on the OS. */
				size_t k = eol_len(r, pos);
				if (k == 0)
					return NEED_MORE;
				pos += k;
				line++;
				field_add(&st, "\n", 1);
			}
			if (!closed) {
				if (window_end(r) == NEED_MORE)
					return NEED_MORE;
				/* Everything up to the end of input (or of a stream's
				 * record limit) would be one field: more likely a stray
				 * quote. Report it and resume on the line after the
				 * quote, where records are probably whole again. */
				if (rec_fail(&st, "guillemet non fermé") && qline != r->rec_line)
					buf_addf(&err->msg, " (ouvert ligne %ld)", qline);
				r->pos = skip_past_line_end(s, n, qpos);
				r->line = qline + 1;
				r->nf = 0;
				buf_reset(&r->rec);
				return -1;
			}
			/* Spaces after a closing quote are tolerated and dropped. */
			while (pos < n && (s[pos] == ' ' || s[pos] == '\t') && s[pos] != d)
				pos++;
			if (pos >= n && (rc = window_end(r)) != 0)
				return rc;
			if (pos < n && s[pos] != d && !is_line_end(s[pos]))
				rec_fail(&st, "caractères après le guillemet fermant");
		}
		/* Unquoted field (or the junk after a bad closing quote): up to the
		 * delimiter or the line end. A quote in there is an ordinary
		 * character, as most spreadsheets read it. */
		size_t j = pos;
		while (j < n && s[j] != d && !is_line_end(s[j]))
			j++;
		if (j >= n && (rc = window_end(r)) != 0)
			return rc;
		field_add(&st, s + pos, j - pos);
		pos = j;
		field_end(&st);
		if (pos < n && s[pos] == d) {
			pos++;
			continue;
		}
		if (pos < n) {
			size_t k = eol_len(r, pos);
			if (k == 0)
				return NEED_MORE;
			pos += k;
			line++;
		}
		break;
	}
	r->pos = pos;
	r->line = line;
	if (st.bad) {
		r->nf = 0;
		buf_reset(&r->rec);
		return -1;
	}
	return 1;
}

/* After a record over the limit: drops input up to the next line end.
 * 0 when done, NEED_MORE when the window ended first. */
static int skip_rest_of_line(struct csv_reader *r)
{
	const char *s = r->text.ptr;
	size_t n = r->text.len;
	size_t j = r->pos;
	while (j < n && !is_line_end(s[j]))
		j++;
	r->pos = j;
	if (j >= n)
		return r->eof ? 0 : NEED_MORE;
	size_t k = eol_len(r, j);
	if (k == 0)
		return NEED_MORE;
	r->pos = j + k;
	r->line++;
	return 0;
}

int csv_next(struct csv_reader *r, struct err *err)
{
	for (;;) {
		if (r->dead) {
			r->nf = 0;
			buf_reset(&r->rec);
			return 0;
		}
		int rc = r->skip_line ? skip_rest_of_line(r) : parse_record(r, err);
		if (r->skip_line && rc == 0) {
			r->skip_line = 0;
			continue;
		}
		if (rc == NEED_MORE) {
			if (csv_refill_(r, err) < 0) {
				r->dead = 1;
				r->nf = 0;
				buf_reset(&r->rec);
				return -1;
			}
			continue;
		}
		r->limit_hit = 0;
		if (rc == TOO_LONG) {
			/* Memory stays bounded: the record is dropped, not read. */
			r->rec_line = r->line;
			r->skip_line = 1;
			r->nf = 0;
			buf_reset(&r->rec);
			err_set(err,
				"enregistrement trop long (plus de %zu octets) : ignoré jusqu'à la "
				"fin de sa ligne",
				r->max_record);
			return -1;
		}
		return rc;
	}
}

size_t csv_nfields(const struct csv_reader *r)
{
	return r->nf;
}

const char *csv_field(const struct csv_reader *r, size_t i)
{
	return i < r->nf ? r->rec.ptr + r->fields[i].off : "";
}

size_t csv_field_len(const struct csv_reader *r, size_t i)
{
	return i < r->nf ? r->fields[i].len : 0;
}

long csv_line(const struct csv_reader *r)
{
	return r->rec_line;
}

const char *csv_name(const struct csv_reader *r)
{
	return r->name;
}

size_t csv_bytes_read(const struct csv_reader *r)
{
	return r->bytes_read;
}

size_t csv_bytes_total(const struct csv_reader *r)
{
	return r->bytes_total;
}

size_t csv_buffer_bytes(const struct csv_reader *r)
{
	return r->text.cap + r->rec.cap + r->cap * sizeof(*r->fields) +
	       csv_stream_bytes_(r->stream);
}

void csv_write_field(struct buf *out, const char *s, char delim, int first)
{
	if (!first)
		buf_addc(out, delim);
	size_t n = strlen(s);
	int quote = n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t');
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == delim || s[i] == '"' || is_line_end(s[i]);
	if (!quote) {
		buf_add(out, s, n);
		return;
	}
	buf_addc(out, '"');
	const char *p = s;
	const char *q;
	while ((q = strchr(p, '"')) != NULL) {
		buf_add(out, p, (size_t)(q - p) + 1);
		buf_addc(out, '"');
		p = q + 1;
	}
	buf_adds(out, p);
	buf_addc(out, '"');
}

void csv_write_end(struct buf *out)
{
	buf_add(out, "\r\n", 2);
}
