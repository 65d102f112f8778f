/* directory_csv.h: importing organisations and people from CSV files
 * (formats in docs/formats/directory.md), in one transaction each. */
#ifndef NUMECO_DIRECTORY_CSV_H
#define NUMECO_DIRECTORY_CSV_H

#include <stddef.h>

#include "core/err.h"
#include "core/perm.h"
#include "store/store.h"

struct dir_import_stats {
	size_t read, created, unchanged;
};

/* organisations.csv: Code;Nom;Type;Parent (parents before children).
 * A code already stored with the same values is left alone; with other
 * values it is an error. Returns 0, or -1 with located errors in d or a
 * global one in err; nothing is stored on error. */
int dir_import_orgs(struct store *s, const char *file, const char *data, size_t len,
		    const struct actor *actor, struct dir_import_stats *st, struct diags *d,
		    struct err *err);
/* personnes.csv: E-mail;Nom;Rôle;Organisation. Same rules. */
int dir_import_people(struct store *s, const char *file, const char *data, size_t len,
		      const struct actor *actor, struct dir_import_stats *st, struct diags *d,
		      struct err *err);

/* Adds one organisation or person and its audit entry (used by the CLI's
 * "org add" / "person add" and by the importers). */
int dir_add_org(struct store *s, const struct actor *actor, const char *code, const char *name,
		enum org_kind kind, const char *parent, struct err *err);
int dir_add_person(struct store *s, const struct actor *actor, const char *email, const char *name,
		   enum role role, const char *org_code, struct err *err);

#endif
