/* fp_run_map.h: a string → index hash map (open addressing) for the run's
 * lookups: data centres, hosts, virtual machines, aggregation keys.
 * The map owns copies of its keys; free with fp_map_free. */
#ifndef NUMECO_FP_RUN_MAP_H
#define NUMECO_FP_RUN_MAP_H

#include <stddef.h>

struct fp_map_slot {
	char *key; /* NULL: empty slot */
	size_t len;
	size_t hash;
	size_t val;
};

struct fp_map {
	struct fp_map_slot *slots;
	size_t cap, n; /* cap: 0 or a power of two */
};

#define FP_MAP_INIT     \
	{               \
		0, 0, 0 \
	}

void fp_map_free(struct fp_map *m);
/* The value of key (len bytes), or when absent inserts key → val; returns
 * the value now in the map (so a caller sees it is new when it gets val). */
size_t fp_map_intern(struct fp_map *m, const char *key, size_t len, size_t val);
/* 1 with *val when key is in the map, else 0. */
int fp_map_get(const struct fp_map *m, const char *key, size_t len, size_t *val);
/* Replaces the value of a key already in the map (no-op when absent). */
void fp_map_set(struct fp_map *m, const char *key, size_t len, size_t val);

#endif
