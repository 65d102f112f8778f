/* fp_ref.c: the in-memory footprint referential and its O(1) lookups (see fp_ref.h). */
#include "footprint/fp_ref.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "footprint/fp_hash.h"
#include "footprint/fp_ref_int.h"

struct fp_match {
	char *model;
	char *item;
};

struct fp_hyp {
	char *key;
	double value;
	char *source;
};

struct fp_ref {
	char *name;
	char *version;

	struct fp_crit crit[FP_MAX_CRIT];
	char *crit_key[FP_MAX_CRIT][2]; /* lenient keys of code and label */
	size_t ncrit;

	/* Arrays of pointers, so that what *_get returns stays put. */
	struct fp_item **items;
	size_t nitems, items_cap;
	struct fp_hash item_ix; /* exact name */

	struct fp_mix **mixes;
	size_t nmixes, mixes_cap;
	struct fp_hash mix_exact; /* country as first written: the usual hit, no folding */
	struct fp_hash mix_fold;  /* fp_ref_key of the country, without spaces */

	struct fp_item_type **types;
	size_t ntypes, types_cap;
	struct fp_hash type_ix; /* ASCII case ignored */

	struct fp_match *matches;
	size_t nmatches, matches_cap;
	struct fp_hash match_ix;

	struct fp_hyp *hyps;
	size_t nhyps, hyps_cap;
	struct fp_hash hyp_ix;
};

static char *dup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

struct fp_ref *fp_ref_new(const char *name, const char *version)
{
	struct fp_ref *r = xcalloc(1, sizeof(*r));
	r->name = dup_or_empty(name);
	r->version = dup_or_empty(version);
	fp_hash_init(&r->item_ix, 0);
	fp_hash_init(&r->mix_exact, 0);
	fp_hash_init(&r->mix_fold, 0);
	fp_hash_init(&r->type_ix, 1);
	fp_hash_init(&r->match_ix, 0);
	fp_hash_init(&r->hyp_ix, 0);
	return r;
}

void fp_ref_free(struct fp_ref *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->ncrit; i++) {
		free(r->crit[i].code);
		free(r->crit[i].label);
		free(r->crit[i].unit);
		free(r->crit_key[i][0]);
		free(r->crit_key[i][1]);
	}
	for (size_t i = 0; i < r->nitems; i++) {
		free(r->items[i]->name);
		free(r->items[i]->category);
		free(r->items[i]->source);
		free(r->items[i]);
	}
	for (size_t i = 0; i < r->nmixes; i++) {
		free(r->mixes[i]->country);
		free(r->mixes[i]->source);
		free(r->mixes[i]);
	}
	for (size_t i = 0; i < r->ntypes; i++) {
		free(r->types[i]->type);
		free(r->types[i]->default_item);
		free(r->types[i]->source);
		free(r->types[i]);
	}
	for (size_t i = 0; i < r->nmatches; i++) {
		free(r->matches[i].model);
		free(r->matches[i].item);
	}
	for (size_t i = 0; i < r->nhyps; i++) {
		free(r->hyps[i].key);
		free(r->hyps[i].source);
	}
	free(r->items);
	free(r->mixes);
	free(r->types);
	free(r->matches);
	free(r->hyps);
	fp_hash_free(&r->item_ix);
	fp_hash_free(&r->mix_exact);
	fp_hash_free(&r->mix_fold);
	fp_hash_free(&r->type_ix);
	fp_hash_free(&r->match_ix);
	fp_hash_free(&r->hyp_ix);
	free(r->name);
	free(r->version);
	free(r);
}

const char *fp_ref_name(const struct fp_ref *r)
{
	return r->name;
}

const char *fp_ref_version(const struct fp_ref *r)
{
	return r->version;
}

/* ---- criteria (at most FP_MAX_CRIT: a linear scan is O(1)) ---- */

/* The lenient key of a criterion name: folded, without spaces. */
static char *crit_key(const char *s)
{
	struct buf b = BUF_INIT;
	fp_ref_key(s, 0, &b);
	return buf_detach(&b);
}

static int find_key(const struct fp_ref *r, const char *key)
{
	if (!*key)
		return -1;
	for (size_t i = 0; i < r->ncrit; i++)
		if (!strcmp(r->crit_key[i][0], key) || !strcmp(r->crit_key[i][1], key))
			return (int)i;
	return -1;
}

int fp_ref_find_crit(const struct fp_ref *r, const char *code_or_label)
{
	if (!code_or_label)
		return -1;
	char *k = crit_key(code_or_label);
	int i = find_key(r, k);
	free(k);
	return i;
}

static int blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t')
			return 0;
	return 1;
}

int fp_ref_add_crit(struct fp_ref *r, const char *code, const char *label, const char *unit)
{
	if (blank(code) && blank(label))
		return -1;
	struct buf c = BUF_INIT, l = BUF_INIT, u = BUF_INIT;
	if (blank(code))
		fp_ref_crit_code(label, &c);
	else
		buf_adds(&c, code);
	buf_trim(&c);
	const struct fp_ref_known_crit *known = fp_ref_known_crit(c.ptr);
	buf_adds(&l, !blank(label) ? label : known ? known->label : c.ptr);
	buf_trim(&l);
	buf_adds(&u, unit ? unit : known ? known->unit : "");
	buf_trim(&u);
	char *kc = crit_key(c.ptr), *kl = crit_key(l.ptr);
	int i = find_key(r, kc);
	if (i < 0)
		i = find_key(r, kl);
	if (i < 0 && r->ncrit < FP_MAX_CRIT && *kc) {
		i = (int)r->ncrit++;
		r->crit[i].code = buf_detach(&c);
		r->crit[i].label = buf_detach(&l);
		r->crit[i].unit = buf_detach(&u);
		r->crit_key[i][0] = kc;
		r->crit_key[i][1] = kl;
		kc = kl = NULL;
	}
	free(kc);
	free(kl);
	buf_free(&c);
	buf_free(&l);
	buf_free(&u);
	return i;
}

size_t fp_ref_ncrit(const struct fp_ref *r)
{
	return r->ncrit;
}

const struct fp_crit *fp_ref_crit(const struct fp_ref *r, size_t i)
{
	return i < r->ncrit ? &r->crit[i] : NULL;
}

/* ---- items ---- */

struct fp_item *fp_ref_item_get(struct fp_ref *r, const char *name)
{
	size_t i;
	name = name ? name : "";
	if (fp_hash_get(&r->item_ix, name, &i))
		return r->items[i];
	struct fp_item *it = xcalloc(1, sizeof(*it));
	it->name = xstrdup(name);
	it->category = xstrdup("");
	it->source = xstrdup("");
	xgrow((void **)&r->items, sizeof(*r->items), r->nitems + 1, &r->items_cap);
	r->items[r->nitems] = it;
	fp_hash_put(&r->item_ix, name, r->nitems++);
	return it;
}

const struct fp_item *fp_ref_item(const struct fp_ref *r, const char *name)
{
	size_t i;
	return name && fp_hash_get(&r->item_ix, name, &i) ? r->items[i] : NULL;
}

size_t fp_ref_nitems(const struct fp_ref *r)
{
	return r->nitems;
}

const struct fp_item *fp_ref_item_at(const struct fp_ref *r, size_t i)
{
	return i < r->nitems ? r->items[i] : NULL;
}

/* ---- electricity mixes ---- */

static int mix_find(const struct fp_ref *r, const char *country, size_t *i)
{
	if (fp_hash_get(&r->mix_exact, country, i))
		return 1;
	struct buf k = BUF_INIT;
	fp_ref_key(country, 0, &k);
	int found = fp_hash_get(&r->mix_fold, k.ptr, i);
	buf_free(&k);
	return found;
}

struct fp_mix *fp_ref_mix_get(struct fp_ref *r, const char *country)
{
	size_t i;
	country = country ? country : "";
	if (mix_find(r, country, &i))
		return r->mixes[i];
	struct fp_mix *m = xcalloc(1, sizeof(*m));
	m->country = xstrdup(country);
	m->source = xstrdup("");
	xgrow((void **)&r->mixes, sizeof(*r->mixes), r->nmixes + 1, &r->mixes_cap);
	r->mixes[r->nmixes] = m;
	struct buf k = BUF_INIT;
	fp_ref_key(country, 0, &k);
	fp_hash_put(&r->mix_exact, country, r->nmixes);
	fp_hash_put(&r->mix_fold, k.ptr, r->nmixes++);
	buf_free(&k);
	return m;
}

const struct fp_mix *fp_ref_mix(const struct fp_ref *r, const char *country)
{
	size_t i;
	return country && mix_find(r, country, &i) ? r->mixes[i] : NULL;
}

size_t fp_ref_nmixes(const struct fp_ref *r)
{
	return r->nmixes;
}

const struct fp_mix *fp_ref_mix_at(const struct fp_ref *r, size_t i)
{
	return i < r->nmixes ? r->mixes[i] : NULL;
}

/* ---- item types ---- */

struct fp_item_type *fp_ref_type_get(struct fp_ref *r, const char *type)
{
	size_t i;
	type = type ? type : "";
	if (fp_hash_get(&r->type_ix, type, &i))
		return r->types[i];
	struct fp_item_type *t = xcalloc(1, sizeof(*t));
	t->type = xstrdup(type);
	t->default_item = xstrdup("");
	t->source = xstrdup("");
	xgrow((void **)&r->types, sizeof(*r->types), r->ntypes + 1, &r->types_cap);
	r->types[r->ntypes] = t;
	fp_hash_put(&r->type_ix, type, r->ntypes++);
	return t;
}

const struct fp_item_type *fp_ref_type(const struct fp_ref *r, const char *type)
{
	size_t i;
	return type && fp_hash_get(&r->type_ix, type, &i) ? r->types[i] : NULL;
}

size_t fp_ref_ntypes(const struct fp_ref *r)
{
	return r->ntypes;
}

const struct fp_item_type *fp_ref_type_at(const struct fp_ref *r, size_t i)
{
	return i < r->ntypes ? r->types[i] : NULL;
}

/* ---- model → item matching ---- */

void fp_ref_set_match(struct fp_ref *r, const char *model, const char *item)
{
	size_t i;
	model = model ? model : "";
	item = item ? item : "";
	if (fp_hash_get(&r->match_ix, model, &i)) {
		free(r->matches[i].item);
		r->matches[i].item = xstrdup(item);
		return;
	}
	xgrow((void **)&r->matches, sizeof(*r->matches), r->nmatches + 1, &r->matches_cap);
	r->matches[r->nmatches].model = xstrdup(model);
	r->matches[r->nmatches].item = xstrdup(item);
	fp_hash_put(&r->match_ix, model, r->nmatches++);
}

const char *fp_ref_match(const struct fp_ref *r, const char *model)
{
	size_t i;
	return model && fp_hash_get(&r->match_ix, model, &i) ? r->matches[i].item : NULL;
}

size_t fp_ref_nmatches(const struct fp_ref *r)
{
	return r->nmatches;
}

void fp_ref_match_at(const struct fp_ref *r, size_t i, const char **model, const char **item)
{
	*model = i < r->nmatches ? r->matches[i].model : NULL;
	*item = i < r->nmatches ? r->matches[i].item : NULL;
}

/* ---- hypotheses ---- */

void fp_ref_set_hyp(struct fp_ref *r, const char *key, double value, const char *source)
{
	size_t i;
	key = key ? key : "";
	if (!fp_hash_get(&r->hyp_ix, key, &i)) {
		xgrow((void **)&r->hyps, sizeof(*r->hyps), r->nhyps + 1, &r->hyps_cap);
		i = r->nhyps++;
		r->hyps[i].key = xstrdup(key);
		r->hyps[i].source = NULL;
		fp_hash_put(&r->hyp_ix, key, i);
	}
	free(r->hyps[i].source);
	r->hyps[i].source = dup_or_empty(source);
	r->hyps[i].value = value;
}

int fp_ref_hyp(const struct fp_ref *r, const char *key, double *value)
{
	size_t i;
	if (!key || !fp_hash_get(&r->hyp_ix, key, &i))
		return 0;
	if (value)
		*value = r->hyps[i].value;
	return 1;
}

size_t fp_ref_nhyps(const struct fp_ref *r)
{
	return r->nhyps;
}

void fp_ref_hyp_at(const struct fp_ref *r, size_t i, const char **key, double *value,
		   const char **source)
{
	int ok = i < r->nhyps;
	*key = ok ? r->hyps[i].key : NULL;
	*value = ok ? r->hyps[i].value : 0;
	*source = ok ? r->hyps[i].source : NULL;
}
