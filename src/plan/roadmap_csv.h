/* roadmap_csv.h: the roadmap template (docs/formats/roadmap.md) as CSV:
 * parsing a file into validated actions, and writing actions back.
 *
 * Parsing is pure: it never touches the store. What it needs to know of the
 * stored world (the directions an action may be owned by) is passed in.
 */
#ifndef NUMECO_ROADMAP_CSV_H
#define NUMECO_ROADMAP_CSV_H

#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/model.h"

/* Field size limits, in characters (code points). */
#define RM_MAX_REF   64
#define RM_MAX_TITLE 300
#define RM_MAX_TEXT  10000
#define RM_MAX_SHORT 1000

/* A direction an action may be owned by: matched by code or folded name. */
struct rm_direction {
	const char *code;
	const char *name;
};

struct rm_parsed {
	struct action *items; /* in file order; direction holds the code */
	long *lines;	      /* line of each item in the file */
	size_t n, cap;
};

void rm_parsed_free(struct rm_parsed *p);

/* Parses len bytes of a roadmap CSV named file (for diagnostics). Every
 * problem goes to d as "file:line: column: message"; warnings (unknown
 * columns) too. Returns 0 when there is no error (out holds the actions),
 * -1 otherwise (out may hold the valid ones; callers must not store them). */
int rm_parse(const char *file, const char *data, size_t len, const struct rm_direction *dirs,
	     size_t ndirs, struct rm_parsed *out, struct diags *d);

/* Writing the template: UTF-8 BOM, ';', CRLF, the 16 columns. */
void rm_write_bom_header(struct buf *out);
void rm_write_action(struct buf *out, const struct action *a);

#endif
