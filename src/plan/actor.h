/* actor.h: the acting person of a command or request, from the store. */
#ifndef NUMECO_ACTOR_H
#define NUMECO_ACTOR_H

#include "core/err.h"
#include "core/perm.h"
#include "store/store.h"

/* Loads the person of email into who and the actor a (a->id points into
 * who: free who with person_free after a is no longer used). Returns 1,
 * 0 when no person has that e-mail, -1 on error. */
int actor_load(struct store *s, const char *email, struct person *who, struct actor *a,
	       struct err *err);

#endif
