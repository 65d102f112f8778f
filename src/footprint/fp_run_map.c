/* fp_run_map.c: the run's string → index hash map (FNV-1a, linear probing). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "footprint/fp_run_map.h"

static size_t hash_of(const char *s, size_t len)
{
	size_t h = (size_t)14695981039346656037ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= (size_t)1099511628211ULL;
	}
	return h;
}

void fp_map_free(struct fp_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	m->slots = NULL;
	m->cap = m->n = 0;
}

static struct fp_map_slot *find(const struct fp_map *m, const char *key, size_t len, size_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct fp_map_slot *s = &m->slots[i];
		if (!s->key || (s->hash == h && s->len == len && !memcmp(s->key, key, len)))
			return s;
	}
}

static void grow(struct fp_map *m)
{
	struct fp_map old = *m;
	m->cap = old.cap ? old.cap * 2 : 16;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	for (size_t i = 0; i < old.cap; i++) {
		struct fp_map_slot *s = &old.slots[i];
		if (s->key)
			*find(m, s->key, s->len, s->hash) = *s;
	}
	free(old.slots);
}

size_t fp_map_intern(struct fp_map *m, const char *key, size_t len, size_t val)
{
	if ((m->n + 1) * 4 > m->cap * 3)
		grow(m);
	size_t h = hash_of(key, len);
	struct fp_map_slot *s = find(m, key, len, h);
	if (s->key)
		return s->val;
	s->key = xstrndup(key, len);
	s->len = len;
	s->hash = h;
	s->val = val;
	m->n++;
	return val;
}

int fp_map_get(const struct fp_map *m, const char *key, size_t len, size_t *val)
{
	if (!m->cap)
		return 0;
	struct fp_map_slot *s = find(m, key, len, hash_of(key, len));
	if (!s->key)
		return 0;
	*val = s->val;
	return 1;
}

void fp_map_set(struct fp_map *m, const char *key, size_t len, size_t val)
{
	if (!m->cap)
		return;
	struct fp_map_slot *s = find(m, key, len, hash_of(key, len));
	if (s->key)
		s->val = val;
}
