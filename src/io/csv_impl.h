/* csv_impl.h: the CSV reader's state, shared by csv.c (parsing) and
 * csv_stream.c (reading a file chunk by chunk); private to src/io/csv*.c.
 *
 * The parser works on a window of UTF-8 text (text.ptr[pos..len)). A memory
 * reader's window is its whole input (eof is set from the start); a stream's
 * window holds the record being read plus what was read after it. When the
 * parser reaches the end of a window that is not the end of the input, it
 * asks csv_refill_ for more and parses the record again from its start, so
 * one parser serves both kinds of readers.
 */
#ifndef NUMECO_CSV_IMPL_H
#define NUMECO_CSV_IMPL_H

#include "io/csv.h"

struct csv_span {
	size_t off; /* start of the field in rec.ptr */
	size_t len;
};

struct csv_stream;

struct csv_reader {
	char *name;
	enum csv_encoding enc;
	char delim;
	struct buf text; /* UTF-8, BOM removed: the whole input or a stream's window */
	size_t pos;	 /* next byte of text to read */
	long line;	 /* physical line (1-based) of text.ptr[pos] */
	long rec_line;	 /* line where the current record starts */
	struct buf rec;	 /* fields of the current record, each NUL-terminated */
	struct csv_span *fields;
	size_t nf, cap;
	int eof;       /* text ends where the input ends */
	int limit_hit; /* the window reached the stream's record limit: parse it as if it ended */
	int skip_line; /* after a record over the limit: drop input up to the next line end */
	int dead;      /* a stream error was reported: csv_next returns 0 from now on */
	size_t bytes_read, bytes_total;
	size_t max_record;	   /* a stream's limit on a record's bytes; 0 for memory readers */
	struct csv_stream *stream; /* NULL for memory readers */
};

/* An empty reader named name (NULL means ""). */
struct csv_reader *csv_new_(const char *name);
/* Skips leading empty rows and detects the delimiter on the header line,
 * reading more of a stream when needed. 0, or -1 with err set. */
int csv_begin_(struct csv_reader *r, struct err *err);
/* Appends more of the stream to the window (after dropping what precedes
 * pos): on return either text grew, or eof or limit_hit is set. -1 on a read
 * error or input that cannot be decoded (err set, rec_line set to the line
 * of the fault). */
int csv_refill_(struct csv_reader *r, struct err *err);
void csv_stream_free_(struct csv_stream *s);	      /* NULL is fine */
size_t csv_stream_bytes_(const struct csv_stream *s); /* 0 for NULL */
/* French wording of an errno value met when opening or reading a file. */
const char *csv_errno_fr_(int e);

#endif
