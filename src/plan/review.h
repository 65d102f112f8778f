/* review.h: the central team's review of roadmaps: recommendations and
 * comments, and the review states (brouillon → soumise → relue → validée).
 * Each operation checks the actor's rights and writes its audit entry in the
 * same transaction. */
#ifndef NUMECO_REVIEW_H
#define NUMECO_REVIEW_H

#include "core/err.h"
#include "core/perm.h"
#include "store/store.h"

/* Finds the roadmap of org_code for period; a clear error when absent. */
int review_find_roadmap(struct store *s, const char *org_code, const char *period,
			struct roadmap *rm, struct org *org, struct err *err);

/* Adds a recommendation or comment on a roadmap, or on one of its actions
 * when action_ref is not "". Fills *id. */
int review_add(struct store *s, const struct actor *actor, const char *org_code, const char *period,
	       const char *action_ref, enum rkind kind, const char *text, int64_t *id,
	       struct err *err);

/* Moves a roadmap to state `to`, if the move is allowed (model.h) and the
 * actor may make it (perm.h). */
int review_move(struct store *s, const struct actor *actor, const char *org_code,
		const char *period, enum rstate to, enum rstate *from, struct err *err);

/* Marks a review entry of that roadmap as addressed (or not). */
int review_mark(struct store *s, const struct actor *actor, const char *org_code,
		const char *period, int64_t id, int addressed, struct err *err);

#endif
