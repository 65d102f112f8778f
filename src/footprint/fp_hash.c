/* fp_hash.c: open-addressing string hash table of the referential (see fp_hash.h). */
#include "footprint/fp_hash.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

uint64_t fp_hash_str(const char *s, int icase)
{
	uint64_t h = 14695981039346656037ULL;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		h ^= icase ? lower(*p) : *p;
		h *= 1099511628211ULL;
	}
	return h;
}

static int same(const char *a, const char *b, int icase)
{
	if (!icase)
		return strcmp(a, b) == 0;
	for (; *a && *b; a++, b++)
		if (lower((unsigned char)*a) != lower((unsigned char)*b))
			return 0;
	return *a == *b;
}

void fp_hash_init(struct fp_hash *h, int icase)
{
	h->slots = NULL;
	h->cap = 0;
	h->n = 0;
	h->icase = icase;
}

void fp_hash_free(struct fp_hash *h)
{
	for (size_t i = 0; i < h->cap; i++)
		free(h->slots[i].key);
	free(h->slots);
	fp_hash_init(h, h->icase);
}

/* Slot holding key, or the empty slot where it would go (cap > 0). */
static struct fp_hash_slot *probe(const struct fp_hash *h, const char *key, uint64_t hash)
{
	size_t mask = h->cap - 1;
	for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
		struct fp_hash_slot *s = &h->slots[i];
		if (!s->key || (s->hash == hash && same(s->key, key, h->icase)))
			return s;
	}
}

static void grow(struct fp_hash *h)
{
	size_t old_cap = h->cap;
	struct fp_hash_slot *old = h->slots;
	size_t cap = old_cap ? old_cap * 2 : 16;
	if (cap < old_cap)
		xalloc_die("fp_hash: size overflow");
	h->slots = xcalloc(cap, sizeof(*h->slots));
	h->cap = cap;
	for (size_t i = 0; i < old_cap; i++) {
		if (!old[i].key)
			continue;
		size_t mask = cap - 1, j = (size_t)old[i].hash & mask;
		while (h->slots[j].key)
			j = (j + 1) & mask;
		h->slots[j] = old[i];
	}
	free(old);
}

int fp_hash_get(const struct fp_hash *h, const char *key, size_t *val)
{
	if (h->n == 0)
		return 0;
	const struct fp_hash_slot *s = probe(h, key, fp_hash_str(key, h->icase));
	if (!s->key)
		return 0;
	if (val)
		*val = s->val;
	return 1;
}

int fp_hash_put(struct fp_hash *h, const char *key, size_t val)
{
	if ((h->n + 1) * 2 > h->cap)
		grow(h);
	uint64_t hash = fp_hash_str(key, h->icase);
	struct fp_hash_slot *s = probe(h, key, hash);
	if (s->key) {
		s->val = val;
		return 0;
	}
	s->key = xstrdup(key);
	s->hash = hash;
	s->val = val;
	h->n++;
	return 1;
}
