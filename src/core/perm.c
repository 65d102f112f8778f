/* perm.c: role decisions (see perm.h). */
#include "core/perm.h"

int perm_admin(const struct actor *a)
{
	return a->local || a->role == ROLE_ADMIN;
}

int perm_edit_roadmap(const struct actor *a, int64_t ministry_id)
{
	return perm_admin(a) || (a->role == ROLE_REFERENT && a->ministry_id == ministry_id);
}

int perm_review(const struct actor *a)
{
	return perm_admin(a);
}

int perm_move(const struct actor *a, enum rstate from, enum rstate to, int64_t ministry_id)
{
	if (perm_admin(a))
		return 1;
	int submit = (from == RSTATE_BROUILLON && to == RSTATE_SOUMISE) ||
		     (from == RSTATE_SOUMISE && to == RSTATE_BROUILLON);
	return submit && perm_edit_roadmap(a, ministry_id);
}

int perm_load_referential(const struct actor *a, int64_t owner_ministry_id)
{
	if (perm_admin(a))
		return 1;
	return owner_ministry_id && a->role == ROLE_REFERENT && a->ministry_id == owner_ministry_id;
}

int perm_use_referential(const struct actor *a, int restricted, int64_t owner_ministry_id)
{
	if (!restricted || perm_admin(a))
		return 1;
	return owner_ministry_id && a->ministry_id == owner_ministry_id;
}

int perm_edit_action(const struct actor *a, int64_t ministry_id, int64_t direction_org_id)
{
	if (perm_edit_roadmap(a, ministry_id))
		return 1;
	return a->role == ROLE_CORRESPONDANT && a->ministry_id == ministry_id &&
	       direction_org_id != 0 && a->org_id == direction_org_id;
}

int perm_edit_indicators(const struct actor *a, int64_t ministry_id)
{
	return perm_edit_roadmap(a, ministry_id);
}

int perm_move_indicators(const struct actor *a, int from, int to, int64_t ministry_id)
{
	if (perm_admin(a))
		return 1;
	/* ind.h: IND_STATE_BROUILLON 0, IND_STATE_SOUMIS 1 */
	int submit = (from == 0 && to == 1) || (from == 1 && to == 0);
	return submit && perm_edit_indicators(a, ministry_id);
}

int perm_edit_service(const struct actor *a, int64_t ministry_id, int64_t direction_org_id)
{
	return perm_edit_action(a, ministry_id, direction_org_id);
}

int perm_publish_service(const struct actor *a, int64_t ministry_id)
{
	return perm_edit_roadmap(a, ministry_id);
}
