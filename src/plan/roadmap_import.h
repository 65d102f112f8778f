/* roadmap_import.h: storing a parsed roadmap file, and reading one back.
 *
 * The whole import is one store transaction: on any error nothing is kept.
 * Actions are matched by reference; unchanged ones are not touched (so a
 * re-import writes nothing at all), changed ones are updated and each change
 * is written to the audit log with the snapshots before and after.
 */
#ifndef NUMECO_ROADMAP_IMPORT_H
#define NUMECO_ROADMAP_IMPORT_H

#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/perm.h"
#include "store/store.h"

struct rm_import_opts {
	const char *file; /* name used in messages */
	const char *org_code;
	const char *period;
	const struct actor *actor;
	int remove_missing; /* delete stored actions absent from the file */
	int dry_run;	    /* validate and count, then roll back */
};

struct rm_import_stats {
	size_t read, created, updated, unchanged, missing, removed;
	int roadmap_created;
};

/* Imports len bytes of CSV. Returns 0 on success; -1 when the file has
 * errors (in d, located) or the operation failed (err: unknown organisation,
 * bad period, permission, validated roadmap, store failure). Warnings go to d
 * even on success. */
int rm_import(struct store *s, const char *data, size_t len, const struct rm_import_opts *o,
	      struct rm_import_stats *st, struct diags *d, struct err *err);

/* Writes the roadmap of org_code for period in the template to out.
 * A roadmap that does not exist is an error. */
int rm_export(struct store *s, const char *org_code, const char *period, struct buf *out,
	      struct err *err);

/* Collects the directions (descendants) of an organisation for rm_parse;
 * strings point into *children, which the caller frees. */
struct rm_direction;
int rm_directions(struct store *s, int64_t org_id, struct org_list *children,
		  struct rm_direction **dirs, struct err *err);

#endif
