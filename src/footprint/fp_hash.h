/* fp_hash.h: a small string → index hash table (open addressing) for the
 * footprint referential's O(1) lookups.
 *
 * Keys are NUL-terminated strings, copied by the table; values are indexes
 * into the caller's arrays. Linear probing over a power-of-two table kept at
 * most half full; 64-bit FNV-1a. No deletion (a referential only grows).
 * With icase set, keys compare ignoring ASCII case ("Server" = "server").
 */
#ifndef NUMECO_FP_HASH_H
#define NUMECO_FP_HASH_H

#include <stddef.h>
#include <stdint.h>

struct fp_hash_slot {
	char *key; /* NULL: empty slot */
	uint64_t hash;
	size_t val;
};

struct fp_hash {
	struct fp_hash_slot *slots;
	size_t cap; /* 0 or a power of two */
	size_t n;
	int icase;
};

void fp_hash_init(struct fp_hash *h, int icase);
void fp_hash_free(struct fp_hash *h);
/* 1 and *val set when key is present, 0 otherwise (val may be NULL). */
int fp_hash_get(const struct fp_hash *h, const char *key, size_t *val);
/* Maps key to val, replacing an existing mapping; 1 when key was new, 0 when replaced. */
int fp_hash_put(struct fp_hash *h, const char *key, size_t val);
/* FNV-1a of s (ASCII letters lowered first when icase). */
uint64_t fp_hash_str(const char *s, int icase);

#endif
