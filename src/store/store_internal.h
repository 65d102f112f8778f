/* store_internal.h: hooks into the store's schema handling, for tests only.
 *
 * They let a test build a database at an old schema version (as an older
 * numeco would have written it), fill it, then reopen it normally and check
 * that the upgrade kept the data.
 */
#ifndef NUMECO_STORE_INTERNAL_H
#define NUMECO_STORE_INTERNAL_H

#include "store/store.h"

/* Like store_open, but applies migrations only up to schema version target
 * (0 <= target <= store_schema_latest()). A file already past target is left
 * as it is (never downgraded). */
struct store *store_open_version(const char *path, enum store_open_mode mode, int target,
				 int *migrated, struct err *err);

/* Applies the missing migrations up to target in one transaction (all or
 * nothing). Returns the number applied (0 when already there), or -1 with
 * err filled. Must not be called inside a transaction. */
int store_migrate_to(struct store *s, int target, struct err *err);

#endif
