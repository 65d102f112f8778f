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

/* A reader over a whole input held in memory (converted to UTF-8 once). */
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

#endif
