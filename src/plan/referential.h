/* referential.h: footprint referentials as users handle them: loading a
 * folder into the store (with rights and licence), installing the open
 * referential shipped in the binary, and choosing the referential of an
 * evaluation or estimate (a folder, or NAME[@VERSION] in the store) with the
 * licence rule: a restricted referential is used only by its owner ministry
 * and the admin. */
#ifndef NUMECO_REFERENTIAL_H
#define NUMECO_REFERENTIAL_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/perm.h"
#include "footprint/fp_ref.h"
#include "store/store.h"
#include "store/store_fp.h"

/* The open referential shipped in the binary (data/referentials/numeco-ouvert). */
#define REFERENTIAL_OPEN_NAME	 "numeco-ouvert"
#define REFERENTIAL_OPEN_VERSION "2025.1"
#define REFERENTIAL_OPEN_LICENCE                                         \
	"ouvert : ADEME (MIT), Boavizta (ODbL 1.0), Ember (CC BY 4.0), " \
	"G4IT (Apache-2.0) ; voir docs/referentiel-ouvert.md"

struct referential_opts {
	const char *name;
	const char *version;
	const char *licence;   /* "" when not given */
	int restricted;	       /* licensed values: owner ministry and admin only */
	const char *owner_org; /* ministry code, NULL for a shared referential */
	int replace;	       /* replace a stored (name, version) */
};

/* Loads the referential folder dir (fp_ref_load_dir) and stores it under
 * o->name, o->version, after checking the actor's rights; then recomputes
 * the action estimates made from a referential of that name (their count in
 * *recomputed; estimates that no longer compute are warnings in d). The
 * caller holds the transaction. File problems go to d (returns -1 with
 * d->errors > 0); other failures to err. */
int referential_import_dir(struct store *s, const struct actor *a, const char *dir,
			   const struct referential_opts *o, int64_t *id, size_t *recomputed,
			   struct diags *d, struct err *err);

/* Builds the open referential from the files embedded in the binary. */
struct fp_ref *referential_embedded(struct diags *d);

/* Stores the embedded open referential when that (name, version) is not
 * stored yet; *installed tells whether it was. For numeco init. */
int referential_install_open(struct store *s, const char *by, int *installed, struct err *err);

/* The referential named by spec: a folder (when spec is a directory: loaded
 * from files, meta left empty) or NAME[@VERSION] in the store (s may be NULL
 * only for folders). Refuses a restricted referential to an actor without
 * rights on it. NULL with d (file problems) or err. meta may be NULL. */
struct fp_ref *referential_resolve(struct store *s, const struct actor *a, const char *spec,
				   struct ref_meta *meta, struct diags *d, struct err *err);

/* 1 when spec names a folder rather than a stored referential. */
int referential_spec_is_dir(const char *spec);

#endif
