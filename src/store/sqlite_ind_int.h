/* sqlite_ind_int.h: what the files of the indicators' SQLite backend share
 * (sqlite_ind*.c). */
#ifndef NUMECO_SQLITE_IND_INT_H
#define NUMECO_SQLITE_IND_INT_H

#include <stddef.h>
#include <stdint.h>

#include "store/sqlite_db.h"

/* Bytes of one value in indicator_pack.data: indicator id (4), value (8). */
enum { IND_PACK_ENTRY = 12 };

/* Keeps the pack of (org, year) in step with indicator_value after the
 * value of indicator_id was set (has 1, value v) or removed (has 0). */
int ind_pack_update(struct store *s, int64_t org_id, int year, int64_t indicator_id, int has,
		    double v, struct err *err);
/* Decodes the entry at p (IND_PACK_ENTRY bytes). */
void ind_pack_entry(const unsigned char *p, int64_t *indicator_id, double *v);

/* Looks the stored id of indicator code up: 1 found, 0 unknown, -1. */
int ind_db_id(struct store *s, const char *code, int64_t *id, struct err *err);

/* int64 id → index, open addressing; sized for n keys at init. */
struct ind_idmap {
	int64_t *key;
	size_t *val;
	unsigned char *used;
	size_t mask;
};
void ind_idmap_init(struct ind_idmap *m, size_t n);
void ind_idmap_free(struct ind_idmap *m);
/* Keys are unique ids: a second put of a key is ignored. */
void ind_idmap_put(struct ind_idmap *m, int64_t id, size_t val);
int ind_idmap_get(const struct ind_idmap *m, int64_t id, size_t *val);

/* The ministries (root organisations of kind ministere; only ministry_id
 * when not 0), by code. */
struct ind_mins {
	int64_t *id;
	char **code, **name;
	size_t n, cap, cap2, cap3;
};
int ind_mins_load(struct store *s, int64_t ministry_id, struct ind_mins *l, struct err *err);
void ind_mins_free(struct ind_mins *l);

#endif
