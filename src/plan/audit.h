/* audit.h: snapshots of entities for the audit log, and readable differences.
 *
 * A snapshot is a JSON object with the entity's user-visible fields, keys in
 * a fixed order, values as exported (French labels, ISO dates). The log keeps
 * the snapshot before and after each change; audit_diff turns the pair into
 * "Statut : En cours → Réalisée" lines for `numeco log`.
 */
#ifndef NUMECO_AUDIT_H
#define NUMECO_AUDIT_H

#include "core/buf.h"
#include "core/model.h"
#include "core/perm.h"
#include "store/store.h"

/* Appends the JSON snapshot of a to out (compact, one line). */
void audit_action_json(const struct action *a, struct buf *out);
/* Appends {"k1": "v1", ...} built from pairs of strings (NULL-terminated list). */
void audit_pairs_json(struct buf *out, const char *k1, ...);
/* Appends one "key: before → after" line (indented by indent) per field that
 * differs between two snapshots; either may be "" (creation, deletion).
 * Lines end with '\n'. Invalid JSON is shown raw. */
void audit_diff(const char *before, const char *after, const char *indent, struct buf *out);

/* Writes one audit entry, now, in the name of actor: entity ("action" …),
 * its human key, op ("create" …) and the snapshots ("" when none). */
int audit_record(struct store *s, const struct actor *actor, const char *entity, const char *key,
		 const char *op, const char *before, const char *after, struct err *err);

#endif
