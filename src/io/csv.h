/* csv.h: reading and writing the CSV files ministries exchange.
 *
 * Reading accepts what spreadsheets really produce: UTF-8 with or without a
 * BOM, or Windows-1252 (detected: any byte sequence that is not valid UTF-8
 * makes the whole input Windows-1252, converted to UTF-8); ';' or ',' or tab
 * as delimiter (detected on the header line, outside quotes: the most frequent
 * of the three wins, ';' on a tie); RFC 4180 quoting with "" for a quote and
 * newlines inside quoted fields; CRLF, LF or CR line ends; a final line with
 * or without a line end. Blank lines are skipped.
 *
 * Limits (reported as located errors, never truncated silently):
 * CSV_MAX_FIELD bytes per field, CSV_MAX_FIELDS fields per record.
 */
#ifndef NUMECO_CSV_H
#define NUMECO_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/err.h"

#define CSV_MAX_FIELD (64 * 1024)
#define CSV_MAX_FIELDS 256

enum csv_encoding { CSV_UTF8, CSV_UTF8_BOM, CSV_CP1252 };

/* A reader over a whole input held in memory (converted to UTF-8 once). */
struct csv_reader;

/* Creates a reader over a copy of the n bytes at data. name is used in
 * diagnostics (usually the file path). Fails (returns NULL, fills err) on
 * input with NUL bytes (binary files) — the message names the line. An empty
 * input is not an error: the first csv_next returns 0. */
struct csv_reader *csv_open_mem(const char *name, const char *data, size_t n, struct err *err);
/* Reads a whole file then csv_open_mem; err names the file on failure. */
struct csv_reader *csv_open_file(const char *path, struct err *err);
void csv_close(struct csv_reader *r);

enum csv_encoding csv_encoding(const struct csv_reader *r);
char csv_delimiter(const struct csv_reader *r);

/* Reads the next record. Returns 1 when a record was read, 0 at end of input,
 * -1 on a malformed record (unterminated quote, field or record too large,
 * characters after a closing quote): err then holds the message and
 * csv_line() the line where the record starts; reading may continue with
 * the next record (the reader resynchronises at the next line end that is
 * outside quotes, or stops at end of input).
 * Fields stay valid until the next call. */
int csv_next(struct csv_reader *r, struct err *err);
size_t csv_nfields(const struct csv_reader *r);
const char *csv_field(const struct csv_reader *r, size_t i); /* "" past the end */
size_t csv_field_len(const struct csv_reader *r, size_t i);
/* Physical line number (1-based) where the current record starts. */
long csv_line(const struct csv_reader *r);
const char *csv_name(const struct csv_reader *r);

/* Writing: fields are quoted only when they contain the delimiter, a quote,
 * CR or LF, or start/end with a space. Records end with CRLF (what
 * spreadsheets write and expect). */
void csv_write_field(struct buf *out, const char *s, char delim, int first);
void csv_write_end(struct buf *out);

#endif
