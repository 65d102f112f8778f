/* csv.h: reading and writing the CSV files ministries exchange.
 *
 * Reading accepts what spreadsheets really produce: UTF-8 with or without a
 * BOM, or Windows-1252 (detected: any byte sequence that is not valid UTF-8
 * makes the whole input Windows-1252, converted to UTF-8; the five bytes
 * Windows-1252 leaves undefined become U+FFFD); ';' or ',' or tab as
 * delimiter (detected on the header line, outside quotes: the most frequent
 * of the three wins, ';' on a tie, then ','); RFC 4180 quoting with "" for a
 * quote and newlines inside quoted fields; CRLF, LF or CR line ends; a final
 * line with or without a line end.
 *
 * Details a caller may meet:
 *  - Blank lines are skipped, and so are lines made only of spaces, tabs and
 *    delimiters (";;;;" is how spreadsheets write an empty row); before the
 *    header, lines of white space, ';' and ',' only. Line numbers still count
 *    them.
 *  - A field is quoted only when its first byte is '"'; a quote elsewhere in
 *    an unquoted field is an ordinary character. Spaces or tabs between a
 *    closing quote and the delimiter are dropped.
 *  - A line end inside a quoted field is returned as one LF, whatever its form.
 *  - Fields are returned as they are (not trimmed), as valid UTF-8 without NUL.
 *  - UTF-16 input (Excel's "Unicode text") is refused with its own message.
 *
 * Limits (reported as located errors, never truncated silently):
 * CSV_MAX_FIELD bytes per field (counted in UTF-8), CSV_MAX_FIELDS fields per
 * record.
 */
#ifndef NUMECO_CSV_H
#define NUMECO_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/err.h"

#define CSV_MAX_FIELD  (64 * 1024)
#define CSV_MAX_FIELDS 256

enum csv_encoding { CSV_UTF8, CSV_UTF8_BOM, CSV_CP1252 };

/* A reader over a whole input held in memory (converted to UTF-8 once), or
 * over a file read chunk by chunk (csv_open_stream). Both give the same
 * records through the same calls. */
struct csv_reader;

/* Creates a reader over a copy of the n bytes at data (data may be NULL when
 * n is 0); name (copied; NULL means "") is used in diagnostics, usually the
 * file path. Fails (returns NULL, fills err) on input with NUL bytes (binary
 * files: the message is "ligne N : octet nul : fichier binaire ?") and on
 * UTF-16 input; the message does not repeat the name, which callers put in
 * front. An empty input is not an error: the first csv_next returns 0. Free
 * with csv_close. */
struct csv_reader *csv_open_mem(const char *name, const char *data, size_t n, struct err *err);
/* Reads a whole file then csv_open_mem (the path is the name); on failure the
 * message starts with the path ("impossible d'ouvrir x.csv : fichier
 * introuvable", "x.csv: ligne 3 : octet nul : fichier binaire ?"). */
struct csv_reader *csv_open_file(const char *path, struct err *err);
void csv_close(struct csv_reader *r); /* NULL is fine */

/* Streams: a file read CSV_STREAM_CHUNK bytes at a time, so memory is bounded
 * by the longest record, not by the file (a million-line inventory is read
 * with a few hundred KiB). Records, fields, lines and errors are those of
 * csv_open_mem over the same bytes, except:
 *  - Encoding is decided on the first chunk holding a byte above 0x7F (ASCII
 *    is the same in both): valid UTF-8 there makes the stream UTF-8, else
 *    Windows-1252. A later byte that is not valid UTF-8 in a UTF-8 stream,
 *    or a NUL byte after the first chunk, ends the reading: csv_next returns
 *    -1 once, with a message ("octet 0xE9 invalide en UTF-8 …", "octet nul :
 *    fichier binaire ?") and csv_line() the line of that byte, then 0. The
 *    records before it are returned normally. (A memory reader would have
 *    read the whole file as Windows-1252.)
 *  - A record of more than max_record bytes (CSV_MAX_RECORD by default) is
 *    not held: inside a quoted field it is an unterminated quote (as at the
 *    end of a memory input); otherwise csv_next returns -1 ("enregistrement
 *    trop long") and resumes after the next line end.
 * A UTF-16 BOM, a NUL byte in the first chunk, or one of the faults above on
 * the header line (read whole at open, to detect the delimiter) fails the
 * open as for csv_open_file (messages start with the path). */
#define CSV_STREAM_CHUNK (64 * 1024)
#define CSV_MAX_RECORD	 (32 * 1024 * 1024)

struct csv_reader *csv_open_stream(const char *path, struct err *err);

/* Tuning, mostly for tests: 0 in a field means its default. */
struct csv_stream_opts {
	size_t chunk;	   /* bytes read at a time (CSV_STREAM_CHUNK) */
	size_t max_record; /* CSV_MAX_RECORD */
};
/* Streams from f, which the reader then owns (csv_close closes it); name is
 * used in messages. o may be NULL. On failure f is closed too. */
struct csv_reader *csv_open_stream_file(const char *name, FILE *f, const struct csv_stream_opts *o,
					struct err *err);

/* Progress: bytes of the input read so far, and its size (0 when unknown, as
 * for a pipe). For a memory reader both are the input's size. */
size_t csv_bytes_read(const struct csv_reader *r);
size_t csv_bytes_total(const struct csv_reader *r);
/* Bytes the reader holds in its buffers now (for tests of bounded memory). */
size_t csv_buffer_bytes(const struct csv_reader *r);

enum csv_encoding csv_encoding(const struct csv_reader *r);
char csv_delimiter(const struct csv_reader *r);

/* Reads the next record. Returns 1 when a record was read, 0 at end of input
 * (and again on later calls), -1 on a malformed record (unterminated quote,
 * field too large, too many fields, characters after a closing quote): err
 * then holds the message, csv_line() the line where the record starts and
 * csv_nfields() is 0. The message names the column ("colonne 3 : guillemet
 * non fermé") but neither the file nor the line: callers add csv_name() and
 * csv_line(), as diags_add does. Only the first fault of a record is
 * reported. Reading may continue with the next record: after most faults the
 * reader skips to the end of the record as the quoting rules delimit it;
 * after an unterminated quote (which would otherwise swallow the rest of the
 * input) it resumes on the line after the one holding the opening quote.
 * Fields are owned by the reader and stay valid until the next csv_next or
 * csv_close. */
int csv_next(struct csv_reader *r, struct err *err);
size_t csv_nfields(const struct csv_reader *r);
const char *csv_field(const struct csv_reader *r, size_t i); /* "" past the end */
size_t csv_field_len(const struct csv_reader *r, size_t i);
/* Physical line number (1-based) where the current record starts. */
long csv_line(const struct csv_reader *r);
const char *csv_name(const struct csv_reader *r);

/* Writing: csv_write_field appends s to out, preceded by delim unless first
 * is non-zero. Fields are quoted only when they contain the delimiter, a
 * quote, CR or LF, or start/end with a space or tab. Records end with CRLF
 * (what spreadsheets write and expect). No BOM is written: a caller that
 * wants Excel to recognise UTF-8 starts the output with "\xEF\xBB\xBF".
 * Note: a record whose fields are all empty is written as a line the reader
 * skips as blank. */
void csv_write_field(struct buf *out, const char *s, char delim, int first);
void csv_write_end(struct buf *out);

/* The same for text meant for spreadsheets (numeco's exports), guarded against
 * CSV injection (csv_write.c): a field starting with = + - or @ gets a leading
 * apostrophe, so that a spreadsheet shows it as text instead of running it as
 * a formula ("=1+1" is written '=1+1); the apostrophe is part of the data for
 * a CSV reader. s may be NULL (written as ""). The field is quoted, apostrophe
 * inside the quotes, when it contains the delimiter, a quote, CR or LF, or
 * starts with a space or tab, or ends with a space (unlike csv_write_field, a
 * trailing tab alone does not quote: the exports' historical bytes). Numbers
 * formatted by numeco ("-12,5") go through csv_write_field or buf_adds
 * instead: they must stay numbers. */
void csv_write_guarded(struct buf *out, const char *s, char delim, int first);

#endif
