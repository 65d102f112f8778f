/* store_web.h: what the web pages need beyond store.h: a filtered, sorted
 * page of a roadmap's actions, its key figures, and the audit entries of one
 * action (SQLite backend in sqlite_web.c). Same conventions as store.h. */
#ifndef NUMECO_STORE_WEB_H
#define NUMECO_STORE_WEB_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

enum action_sort { ASORT_REF, ASORT_TITLE, ASORT_STATUS, ASORT_DUE, ASORT_COUNT };

/* Which actions of a roadmap to list, and in which order. */
struct action_filter {
	int theme;	       /* -1 for any, else an enum theme */
	int level;	       /* -1 for any, else an enum level */
	int status;	       /* -1 for any, else an enum status */
	const char *direction; /* NULL or "" for any, else a direction code */
	int key_only;	       /* 1: key actions only */
	enum action_sort sort; /* status sorts by progress order, due puts "none" last */
	int desc;	       /* 1: descending */
};

/* Up to limit actions of the roadmap matching f, skipping the first offset,
 * in f's order (ties by reference); *matched gets the number of matching
 * actions. */
int store_action_page(struct store *s, int64_t roadmap_id, const struct action_filter *f,
		      size_t offset, size_t limit, struct action_list *out, size_t *matched,
		      struct err *err);

struct action_counts {
	size_t total, realised, key;
};

int store_action_counts(struct store *s, int64_t roadmap_id, struct action_counts *out,
			struct err *err);

/* Audit entries of one action, newest first, at most limit (0: all): those
 * whose key is exactly key (CODE/PERIOD/REF: the action, its estimate) and
 * the review entries written about it (key#N). */
int store_audit_of_action(struct store *s, const char *key, int limit, struct audit_list *out,
			  struct err *err);

#endif
