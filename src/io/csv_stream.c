/* csv_stream.c: CSV reading chunk by chunk, encoding decided on the fly (see csv.h). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "io/csv_impl.h"
#include "io/encoding.h"

/* How the bytes read so far turn into text. */
enum stream_enc { ENC_UNDECIDED, ENC_UTF8, ENC_CP1252 };

struct csv_stream {
	FILE *f;
	size_t chunk, max_record;
	enum stream_enc enc;
	int bom;
	char *raw;	/* bytes read but not yet in the window (a cut UTF-8 sequence) */
	size_t raw_len; /* used bytes of raw */
	size_t raw_cap;
	int failed; /* the input cannot go on: fail_msg is the reason */
	struct buf fail_msg;
	long fail_line;
};

void csv_stream_free_(struct csv_stream *s)
{
	if (!s)
		return;
	if (s->f)
		fclose(s->f);
	free(s->raw);
	buf_free(&s->fail_msg);
	free(s);
}

size_t csv_stream_bytes_(const struct csv_stream *s)
{
	return s ? s->raw_cap : 0;
}

/* Line ends (CRLF, LF or CR) in the n bytes at s. */
static long count_line_ends(const char *s, size_t n)
{
	long k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n')))
			k++;
	return k;
}

/* 1 when the n bytes at u are the start of a UTF-8 sequence cut short by the
 * end of the data (so the next chunk may complete it). */
static int utf8_cut(const unsigned char *u, size_t n)
{
	size_t need = 0;
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		need = 2;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF)
		need = 3;
	else if (u[0] >= 0xF0 && u[0] <= 0xF4)
		need = 4;
	if (need == 0 || n >= need)
		return 0;
	for (size_t j = 1; j < n; j++)
		if ((u[j] & 0xC0) != 0x80)
			return 0;
	return 1;
}

/* Length of the valid UTF-8 prefix of the n bytes at s; *cut is 1 when what
 * stops it is a sequence cut by the end of s rather than an invalid one. */
static size_t utf8_prefix(const char *s, size_t n, int *cut)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	*cut = 0;
	while (i < n) {
		if (u[i] < 0x80) {
			/* ASCII is nearly all of an inventory: eight bytes at a time. */
			uint64_t w;
			while (i + 8 <= n && (memcpy(&w, u + i, 8), (w & 0x8080808080808080u) == 0))
				i += 8;
			if (i < n && u[i] < 0x80)
				i++;
			continue;
		}
		unsigned cp;
		size_t k = text_utf8_decode(u + i, n - i, &cp);
		if (k == 0) {
			*cut = utf8_cut(u + i, n - i);
			break;
		}
		i += k;
	}
	return i;
}

/* Marks the input as stopping at the current end of the window and returns
 * the buffer for the reason; the line is counted now, while the window still
 * reaches back to r->pos. */
static struct buf *stream_fail(struct csv_reader *r)
{
	struct csv_stream *st = r->stream;
	st->failed = 1;
	st->fail_line = r->line + count_line_ends(r->text.ptr + r->pos, r->text.len - r->pos);
	buf_reset(&st->fail_msg);
	return &st->fail_msg;
}

/* Moves the m bytes of raw into the window, decoded; a UTF-8 sequence cut by
 * the end of the data stays in raw unless at_eof. */
static void take(struct csv_reader *r, size_t m, int at_eof)
{
	struct csv_stream *st = r->stream;
	const char *raw = st->raw;
	const char *nul = memchr(raw, '\0', m);
	size_t lim = nul ? (size_t)(nul - raw) : m;
	size_t use = lim;
	int bad_utf8 = 0, cut;
	int may_wait = !nul && !at_eof; /* a cut sequence may be completed later */

	if (st->enc == ENC_UNDECIDED) {
		size_t a = 0;
		while (a < lim && (unsigned char)raw[a] < 0x80)
			a++;
		if (a < lim) {
			size_t v = utf8_prefix(raw + a, lim - a, &cut);
			if (a + v == lim || (cut && may_wait && v > 0))
				st->enc = ENC_UTF8;
			else if (cut && may_wait)
				use = a; /* only a cut sequence so far: decide later */
			else
				st->enc = ENC_CP1252;
			if (st->enc == ENC_UTF8)
				r->enc = st->bom ? CSV_UTF8_BOM : CSV_UTF8;
			else if (st->enc == ENC_CP1252)
				r->enc = CSV_CP1252;
		}
	}
	if (st->enc == ENC_UTF8) {
		size_t v = utf8_prefix(raw, lim, &cut);
		if (v < lim) {
			use = v;
			bad_utf8 = !(cut && may_wait);
		}
	}
	if (st->enc == ENC_CP1252)
		enc_cp1252_to_utf8(raw, use, &r->text);
	else
		buf_add(&r->text, raw, use);

	if (bad_utf8)
		buf_addf(stream_fail(r),
			 "octet 0x%02X invalide en UTF-8 alors que le début du fichier est en "
			 "UTF-8 : enregistrer tout le fichier dans un seul encodage",
			 (unsigned)(unsigned char)raw[use]);
	else if (nul && use == lim)
		buf_adds(stream_fail(r), "octet nul : fichier binaire ?");
	size_t keep = st->failed ? 0 : m - use;
	memmove(st->raw, raw + use, keep);
	st->raw_len = keep;
}

/* Reads up to want more bytes after the pending ones. Returns the count, 0
 * at end of input, -1 on a read error (err set). */
static long read_more(struct csv_reader *r, size_t want, struct err *err)
{
	struct csv_stream *st = r->stream;
	if (st->raw_len + want > st->raw_cap) {
		st->raw_cap = st->raw_len + want;
		st->raw = xrealloc(st->raw, st->raw_cap);
	}
	size_t got = fread(st->raw + st->raw_len, 1, want, st->f);
	if (got == 0 && ferror(st->f)) {
		err_set(err, "erreur de lecture : %s", csv_errno_fr_(errno));
		return -1;
	}
	r->bytes_read += got;
	return (long)got;
}

int csv_refill_(struct csv_reader *r, struct err *err)
{
	struct csv_stream *st = r->stream;
	if (st->failed) {
		err_set(err, "%s", st->fail_msg.ptr);
		r->rec_line = st->fail_line;
		return -1;
	}
	/* Drop what the parser is done with: the window starts at the record. */
	if (r->pos > 0) {
		memmove(r->text.ptr, r->text.ptr + r->pos, r->text.len - r->pos);
		buf_truncate(&r->text, r->text.len - r->pos);
		r->pos = 0;
	}
	if (r->text.len >= st->max_record) {
		r->limit_hit = 1;
		return 0;
	}
	/* A record much longer than a chunk is parsed again after each refill:
	 * reading as much as it holds keeps that linear. */
	size_t want = r->text.len > 8 * st->chunk ? r->text.len : st->chunk;
	size_t before = r->text.len;
	do {
		long got = read_more(r, want, err);
		if (got < 0) {
			r->rec_line = r->line;
			return -1;
		}
		if (got == 0) {
			r->eof = 1;
			if (st->raw_len)
				take(r, st->raw_len, 1);
			break;
		}
		take(r, st->raw_len + (size_t)got, 0);
		/* Loops only while a cut UTF-8 sequence is all that was read. */
	} while (r->text.len == before && !st->failed);
	if (st->failed && r->text.len == before) {
		/* The fault is right where the parser stands: report it now. */
		err_set(err, "%s", st->fail_msg.ptr);
		r->rec_line = st->fail_line;
		return -1;
	}
	return 0;
}

struct csv_reader *csv_open_stream_file(const char *name, FILE *f, const struct csv_stream_opts *o,
					struct err *err)
{
	struct csv_reader *r = csv_new_(name);
	struct csv_stream *st = xcalloc(1, sizeof(*st));
	r->stream = st;
	st->f = f;
	st->chunk = o && o->chunk ? o->chunk : CSV_STREAM_CHUNK;
	st->max_record = o && o->max_record ? o->max_record : CSV_MAX_RECORD;
	r->max_record = st->max_record;
	buf_init(&st->fail_msg);
	struct stat sb;
	int fd = fileno(f);
	if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode))
		r->bytes_total = (size_t)sb.st_size;

	/* The first bytes decide BOMs: read at least four, whatever the chunk. */
	size_t want = st->chunk < 4 ? 4 : st->chunk;
	long got = 0, more;
	do {
		more = read_more(r, want - (size_t)got, err);
		if (more < 0)
			goto fail;
		got += more;
		st->raw_len = (size_t)got;
	} while (more > 0 && (size_t)got < 4);
	if (enc_has_utf16_bom(st->raw, st->raw_len)) {
		err_set(err, "encodage UTF-16 non pris en charge : enregistrer le fichier au "
			     "format « CSV UTF-8 » ou « CSV (séparateur : point-virgule) »");
		goto fail;
	}
	const char *nul = memchr(st->raw, '\0', st->raw_len);
	if (nul) {
		err_set(err, "ligne %ld : octet nul : fichier binaire ?",
			1 + count_line_ends(st->raw, (size_t)(nul - st->raw)));
		goto fail;
	}
	size_t m = st->raw_len;
	if (enc_has_utf8_bom(st->raw, m)) {
		st->bom = 1;
		r->enc = CSV_UTF8_BOM;
		memmove(st->raw, st->raw + 3, m - 3);
		m -= 3;
	}
	if (more == 0)
		r->eof = 1;
	take(r, m, r->eof);
	if (csv_begin_(r, err) < 0) {
		if (st->failed)
			err_prefix(err, "ligne %ld : ", st->fail_line);
		goto fail;
	}
	return r;
fail:
	err_prefix(err, "%s: ", r->name);
	csv_close(r);
	return NULL;
}

struct csv_reader *csv_open_stream(const char *path, struct err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err_set(err, "impossible d'ouvrir %s : %s", path, csv_errno_fr_(errno));
		return NULL;
	}
	return csv_open_stream_file(path, f, NULL, err);
}
