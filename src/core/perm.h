/* perm.h: who may do what (roles of docs/ARCHITECTURE.md, "Roles").
 *
 * Pure decisions over an actor and the ministry a target belongs to; callers
 * load both from the store and refuse with a message when these return 0.
 */
#ifndef NUMECO_PERM_H
#define NUMECO_PERM_H

#include <stdint.h>

#include "core/model.h"

struct actor {
	const char *id; /* e-mail of a person, or "cli:<user>" for the local operator */
	int local;	/* the local operator (CLI without --as): every right */
	enum role role;
	int64_t org_id;	     /* the person's organisation */
	int64_t ministry_id; /* root of that organisation's tree */
};

/* Import, edit, submit the roadmap of a ministry: admin, or its référent. */
int perm_edit_roadmap(const struct actor *a, int64_t ministry_id);
/* Edit one action (web form): admin, the référent of its ministry, or a
 * correspondant of that ministry whose organisation is the action's owning
 * direction (direction_org_id, 0 when the action has none). */
int perm_edit_action(const struct actor *a, int64_t ministry_id, int64_t direction_org_id);
/* Add recommendations and comments: admin. (Marking them addressed is
 * perm_edit_roadmap: the référent of the ministry may, see review_mark.) */
int perm_review(const struct actor *a);
/* Move a roadmap between review states: the référent of its ministry may
 * submit (brouillon→soumise) and withdraw (soumise→brouillon); every other
 * move (relue, validée, reopening) belongs to the admin. */
int perm_move(const struct actor *a, enum rstate from, enum rstate to, int64_t ministry_id);
/* Organisations, people, reference data: admin. */
int perm_admin(const struct actor *a);
/* Load or replace a footprint referential: a shared one (owner_ministry_id
 * 0) is reference data (admin); a ministry's own licensed one may also be
 * loaded by that ministry's référent. */
int perm_load_referential(const struct actor *a, int64_t owner_ministry_id);
/* Use a stored referential (evaluate, estimate, see its values): anyone for
 * an open one; for a restricted (licensed) one, the admin and the people of
 * its owner ministry only. */
int perm_use_referential(const struct actor *a, int restricted, int64_t owner_ministry_id);
/* Enter and import a ministry's indicator values: admin, or its référent. */
int perm_edit_indicators(const struct actor *a, int64_t ministry_id);
/* Move a ministry's indicator collection (enum ind_state of
 * indicators/ind.h, passed as int to keep core free of that module): the
 * référent submits (brouillon→soumis) and withdraws (soumis→brouillon);
 * validating and reopening belong to the admin, so a référent never
 * validates its own values. */
int perm_move_indicators(const struct actor *a, int from, int to, int64_t ministry_id);
/* Register a ministry's digital services, assess them: admin, the référent
 * of the ministry, or a correspondant of that ministry whose organisation is
 * the service's owning direction (direction_org_id, 0 for none). */
int perm_edit_service(const struct actor *a, int64_t ministry_id, int64_t direction_org_id);
/* Publish a service's ecodesign declaration: admin or the ministry's référent. */
int perm_publish_service(const struct actor *a, int64_t ministry_id);

#endif
