/* err.h: errors as values.
 *
 * Two shapes:
 *  - struct err: one error message for an operation that failed as a whole
 *    ("cannot open database …"). Functions return 0 on success and -1 on
 *    failure, after filling the caller's struct err.
 *  - struct diags: a list of located diagnostics for input files, one per
 *    faulty place, printed as "FILE:LINE: FIELD: message" (the format the
 *    integration tests assert). Importers collect every problem instead of
 *    stopping at the first one.
 *
 * Messages are in French: they are shown to users as they are.
 */
#ifndef NUMECO_ERR_H
#define NUMECO_ERR_H

#include <stdio.h>

#include "core/buf.h"

struct err {
	struct buf msg; /* empty when no error */
};

#define ERR_INIT         \
	{                \
		BUF_INIT \
	}

/* Replaces the message. Always returns -1 so callers can `return err_set(...)`. */
int err_set(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prefixes the existing message with context ("fichier x.csv : " + old). */
int err_prefix(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void err_clear(struct err *e);
void err_free(struct err *e);

enum diag_level { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_level level;
	char *file;  /* may be "" */
	long line;   /* 0 when not tied to a line */
	char *field; /* column name, may be "" */
	char *msg;
};

struct diags {
	struct diag *items;
	size_t n, cap;
	size_t errors; /* number of DIAG_ERROR items */
};

#define DIAGS_INIT         \
	{                  \
		0, 0, 0, 0 \
	}

void diags_add(struct diags *d, enum diag_level level, const char *file, long line,
	       const char *field, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Prints every diagnostic, one per line:
 *   FILE:LINE: FIELD: message          (errors)
 *   FILE:LINE: FIELD: attention : msg  (warnings)
 * Parts that are empty or zero are left out with their separator. */
void diags_print(const struct diags *d, FILE *out);
void diags_format(const struct diag *item, struct buf *out);
void diags_free(struct diags *d);

#endif
