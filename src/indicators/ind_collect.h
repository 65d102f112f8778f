/* ind_collect.h: collecting indicators — entering values, importing a CSV
 * of values, moving a collection between states, loading a catalogue, and
 * loading the consolidated table. Shared by the CLI and the web pages.
 *
 * Each writing operation checks the actor's rights (core/perm.h), checks the
 * input (ind.h), writes its audit entries (entity "indicateur", key
 * "MIN-CODE/YEAR/IND-CODE" for values, "MIN-CODE/YEAR" for states,
 * "catalogue/IND-CODE" for definitions) and runs inside the caller's
 * transaction: the caller begins and commits (or rolls back on error).
 */
#ifndef NUMECO_IND_COLLECT_H
#define NUMECO_IND_COLLECT_H

#include "core/err.h"
#include "core/perm.h"
#include "indicators/ind.h"
#include "store/store.h"

/* Finds the ministry of code (a root organisation of kind ministere); a
 * French error naming code otherwise. */
int ind_find_ministry(struct store *s, const char *code, struct org *out, struct err *err);

/* Outcome of entering one value. */
enum ind_set_status {
	IND_SET_OK,
	IND_SET_REFUSED /* the value or its context is wrong: why says so */
};

/* Sets indicator code of ministry_code for year to the text value (French
 * or dot decimals; "" removes the value), with comment and source (may be
 * NULL). Refusals (with the reason in why, French, and returns
 * IND_SET_REFUSED): unknown indicator, computed indicator, not a number,
 * out of range, a jump without comment (ind_check_value), collection not
 * in brouillon. A missing right is an error (-1, err). Returns IND_SET_OK
 * when stored (or unchanged); -1 on error. *changed (may be NULL) is 1
 * when something was written. */
int ind_set(struct store *s, const struct actor *a, const struct ind_catalogue *cat,
	    const char *ministry_code, int year, const char *code, const char *value,
	    const char *comment, const char *source, int *changed, struct buf *why,
	    struct err *err);

/* Moves the collection of ministry_code for year to `to` (ind_state_can_move
 * and perm_move_indicators); *from (may be NULL) gets the previous state.
 * Submitting an empty collection (no entered value) is refused. */
int ind_move(struct store *s, const struct actor *a, const char *ministry_code, int year,
	     enum ind_state to, enum ind_state *from, struct err *err);

struct ind_import_stats {
	size_t read, set, unchanged, removed;
};
/* Imports a CSV of values (docs/formats/indicators.md: Ministère;Année;
 * Indicateur;Valeur;Commentaire;Source). Every faulty line goes to d
 * ("FILE:LINE: Field: message": unknown ministry or indicator, computed
 * indicator, bad number, out of range, jump without comment, a line twice,
 * collection not in brouillon, no right on that ministry); returns -1 when
 * there is any (nothing must be kept: the caller rolls back), 0 otherwise. */
int ind_import(struct store *s, const struct actor *a, const struct ind_catalogue *cat,
	       const char *name, const char *data, size_t len, struct ind_import_stats *st,
	       struct diags *d, struct err *err);

/* Loads a catalogue CSV into the store (admin: perm_admin), audited per
 * added or changed definition. Errors of the file go to d (-1). */
int ind_catalogue_import(struct store *s, const struct actor *a, const char *name, const char *data,
			 size_t len, int *added, int *updated, struct diags *d, struct err *err);
/* Loads the default catalogue embedded in the binary (numeco init). */
int ind_catalogue_install_default(struct store *s, const struct actor *a, int *added,
				  struct err *err);
/* Replaces one definition (admin), after ind_def_check and a check that its
 * weight exists in the stored catalogue. Refusals go to why (-1 with why
 * not empty); other failures to err. */
int ind_def_edit(struct store *s, const struct actor *a, const struct ind_def *d, struct buf *why,
		 struct err *err);

/* Loads the catalogue, the table of ministry_id (0: every ministry) for
 * [year_from, year_to] and fills the computed cells: what the pages, the
 * report and the exports read. cat must outlive t. */
int ind_load(struct store *s, int year_from, int year_to, int64_t ministry_id,
	     struct ind_catalogue *cat, struct ind_table *t, struct err *err);

#endif
