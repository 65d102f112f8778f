/* store.h: the one interface to stored data. All SQL lives behind it.
 *
 * The default (and, for now, only) backend is SQLite: one file, WAL journal,
 * foreign keys on, numbered migrations embedded in the binary
 * (src/store/migrations/sqlite/NNNN_name.sql) and tracked with PRAGMA
 * user_version. Opening a file written by an older numeco upgrades it in
 * place (in one transaction); a file from a newer numeco is refused.
 *
 * Conventions:
 *  - functions return 0 on success, -1 on failure with err filled (French);
 *  - lookups (store_*_get*) return 1 when found, 0 when not found, -1 on error;
 *  - every struct filled by the store owns its strings; free it with the
 *    matching *_free function; lists are freed with their *_list_free;
 *    output structs and lists are overwritten (not freed first) and left
 *    zeroed when nothing is found or on error, so freeing them is harmless;
 *  - the store never checks permissions or writes audit entries by itself:
 *    callers (plan/, cli/, web/) do, inside the same transaction.
 *  - a struct store is used by one thread at a time (open one per thread).
 */
#ifndef NUMECO_STORE_H
#define NUMECO_STORE_H

#include <stdint.h>

#include "core/err.h"
#include "core/model.h"

struct store;

/* Schema version this numeco writes (number of the last migration). */
int store_schema_latest(void);

enum store_open_mode {
	STORE_OPEN_EXISTING, /* the file must exist */
	STORE_OPEN_CREATE,   /* create the file if absent */
};

/* Opens (and creates or upgrades) the database at path. *migrated is set to
 * the number of migrations applied (may be NULL). */
struct store *store_open(const char *path, enum store_open_mode mode, int *migrated,
			 struct err *err);
void store_close(struct store *s);
int store_schema_version(struct store *s, int *version, struct err *err);
/* A number that changes when another connection (another process or
 * thread) has changed the database since this one last looked; for caches. */
int store_change_counter(struct store *s, int *counter, struct err *err);

/* One transaction at a time; nested begin is an error. */
int store_begin(struct store *s, struct err *err);
int store_commit(struct store *s, struct err *err);
void store_rollback(struct store *s);

/* ---- organisations ---- */

struct org {
	int64_t id;
	char *code;
	char *name;
	enum org_kind kind;
	int64_t parent_id;   /* 0 for a root */
	char *parent_code;   /* "" for a root */
	int64_t ministry_id; /* the root of its tree (itself for a root) */
};

struct org_list {
	struct org *items;
	size_t n, cap;
};

void org_free(struct org *o);
void org_list_free(struct org_list *l);

/* Adds an organisation; parent_code "" for a root. Fails with a clear message
 * on a duplicate code or an unknown parent. Fills o->id on success. */
int store_org_add(struct store *s, const char *code, const char *name, enum org_kind kind,
		  const char *parent_code, int64_t *id, struct err *err);
int store_org_get(struct store *s, const char *code, struct org *out, struct err *err);
int store_org_get_id(struct store *s, int64_t id, struct org *out, struct err *err);
/* All organisations in tree order: each root (by code) followed by its
 * descendants depth first, children by code. */
int store_org_list(struct store *s, struct org_list *out, struct err *err);
/* Descendants of org id (not itself) in tree order. */
int store_org_children(struct store *s, int64_t id, struct org_list *out, struct err *err);

/* ---- people ---- */

struct person {
	int64_t id;
	char *email;
	char *name;
	enum role role;
	char *org_code;
	int64_t org_id;
};

struct person_list {
	struct person *items;
	size_t n, cap;
};

void person_free(struct person *p);
void person_list_free(struct person_list *l);

int store_person_add(struct store *s, const char *email, const char *name, enum role role,
		     const char *org_code, int64_t *id, struct err *err);
int store_person_get(struct store *s, const char *email, struct person *out, struct err *err);
/* org_code NULL: everyone; else the people of that organisation and its
 * descendants (an unknown org_code is an error). Ordered by email. */
int store_person_list(struct store *s, const char *org_code, struct person_list *out,
		      struct err *err);

/* ---- roadmaps ---- */

struct roadmap {
	int64_t id;
	int64_t org_id;
	char *org_code;
	char *org_name;
	char *period;
	enum rstate state;
};

struct roadmap_list {
	struct roadmap *items;
	size_t n, cap;
};

void roadmap_free(struct roadmap *r);
void roadmap_list_free(struct roadmap_list *l);

int store_roadmap_get(struct store *s, int64_t org_id, const char *period, struct roadmap *out,
		      struct err *err);
int store_roadmap_create(struct store *s, int64_t org_id, const char *period, int64_t *id,
			 struct err *err);
int store_roadmap_set_state(struct store *s, int64_t id, enum rstate state, struct err *err);
/* period NULL: all; ordered by period then organisation code. */
int store_roadmap_list(struct store *s, const char *period, struct roadmap_list *out,
		       struct err *err);

/* ---- actions ---- */

struct action_list {
	struct action *items;
	size_t n, cap;
};

void action_list_free(struct action_list *l);

/* Actions of a roadmap in their stored order (the order of the last import). */
int store_action_list(struct store *s, int64_t roadmap_id, struct action_list *out,
		      struct err *err);
int store_action_get(struct store *s, int64_t roadmap_id, const char *ref, struct action *out,
		     struct err *err);
/* a->direction is an organisation code ("" for none) that must exist. The
 * store sets a->id and a->version (1) on insert; update bumps version and
 * fails (returns -1, message says the action changed meanwhile) when the
 * stored version differs from a->version. position orders the export (-1
 * on update: keep the stored position). */
int store_action_insert(struct store *s, int64_t roadmap_id, int position, struct action *a,
			struct err *err);
int store_action_update(struct store *s, int position, struct action *a, struct err *err);
int store_action_delete(struct store *s, int64_t id, struct err *err);

/* ---- review entries ---- */

struct review {
	int64_t id;
	int64_t roadmap_id;
	char *action_ref; /* "" when about the whole roadmap */
	enum rkind kind;
	char *text;
	char *author;
	char *created_at; /* ISO 8601 UTC */
	int addressed;
};

struct review_list {
	struct review *items;
	size_t n, cap;
};

void review_free(struct review *r);
void review_list_free(struct review_list *l);

/* r->action_ref "" or the ref of an action of that roadmap. Fills r->id, and
 * r->created_at with the current time when it is NULL or "". An entry keeps
 * the ref it was written about when that action is later deleted. */
int store_review_add(struct store *s, struct review *r, struct err *err);
int store_review_list(struct store *s, int64_t roadmap_id, struct review_list *out,
		      struct err *err);
int store_review_set_addressed(struct store *s, int64_t id, int addressed, struct err *err);

/* ---- audit log ---- */

struct audit_entry {
	int64_t id;
	char *at;	  /* ISO 8601 UTC, e.g. 2026-11-29T10:00:00Z */
	char *actor;	  /* e-mail of a person, or "cli:<user>" */
	char *entity;	  /* org, person, roadmap, action, review */
	char *entity_key; /* human key, e.g. MIN-A/2022/ACT-01 */
	char *op;	  /* create, update, delete, state */
	char *before;	  /* JSON object, "" when none */
	char *after;	  /* JSON object, "" when none */
};

struct audit_list {
	struct audit_entry *items;
	size_t n, cap;
};

void audit_entry_free(struct audit_entry *e);
void audit_list_free(struct audit_list *l);

/* e->id is ignored; e->at NULL or "" means now. */
int store_audit_add(struct store *s, const struct audit_entry *e, struct err *err);
/* Newest first. key_prefix NULL or "" for all, else entries whose entity_key
 * starts with it (e.g. "MIN-A/2022/"). limit 0 for no limit. */
int store_audit_list(struct store *s, const char *key_prefix, int limit, struct audit_list *out,
		     struct err *err);

/* ---- consolidation input ---- */

struct cons_input; /* plan/consolidate.h */

/* Fills in (see plan/consolidate.h) with every ministry (root organisations of
 * kind ministere, by code) and every action of the roadmaps of period whose
 * organisation belongs to that ministry's tree. ministry_code NULL for all,
 * else only that ministry (an error when it is unknown or not a ministry).
 * has_roadmap/state come from the ministry's own roadmap of period, else from
 * the one of its descendant first by code. in->fp_evals holds the stored
 * footprint evaluations (numeco footprint import) of the years of period of
 * every organisation of those trees, with their CLIMATE_CHANGE totals; those
 * computed with a licensed referential are marked licensed (the consolidation
 * withholds their values). in->period and in->scope are set.
 * in is initialised by the call (do not cons_input_init it first); free it
 * with cons_input_free, also after an error. */
int store_load_consolidation(struct store *s, const char *period, const char *ministry_code,
			     struct cons_input *in, struct err *err);

#endif
