/* actor.c: the acting person from the store (see actor.h). */
#include "plan/actor.h"

#include <string.h>

int actor_load(struct store *s, const char *email, struct person *who, struct actor *a,
	       struct err *err)
{
	memset(a, 0, sizeof(*a));
	memset(who, 0, sizeof(*who));
	int found = store_person_get(s, email, who, err);
	if (found <= 0)
		return found;
	struct org org = { 0 };
	found = store_org_get_id(s, who->org_id, &org, err);
	if (found <= 0) {
		if (found == 0)
			err_set(err, "organisation de %s introuvable", email);
		person_free(who);
		return -1;
	}
	a->id = who->email;
	a->role = who->role;
	a->org_id = who->org_id;
	a->ministry_id = org.ministry_id;
	org_free(&org);
	return 1;
}
