/* rg_assess_cons.c: what the CLI, the web pages and the report read the
 * same way: the previous assessment, referentials cached by id, and the
 * consolidation of services (rg_assess.h). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "rgesn/rg_assess.h"

const struct rg_ref *rg_ref_cache_get(struct store *s, struct rg_ref_cache *c, int64_t id,
				      struct err *err)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->items[i]->id == id)
			return c->items[i];
	struct rg_ref *r = xcalloc(1, sizeof(*r));
	int found = store_rg_ref_load_id(s, id, r, err);
	if (found <= 0) {
		rg_ref_free(r);
		free(r);
		if (found == 0)
			err_set(err, "référentiel n° %lld introuvable", (long long)id);
		return NULL;
	}
	r->id = id;
	xgrow((void **)&c->items, sizeof(*c->items), c->n + 1, &c->cap);
	c->items[c->n++] = r;
	return r;
}

void rg_ref_cache_free(struct rg_ref_cache *c)
{
	for (size_t i = 0; i < c->n; i++) {
		rg_ref_free(c->items[i]);
		free(c->items[i]);
	}
	free(c->items);
	memset(c, 0, sizeof(*c));
}

int rg_cons_load(struct store *s, int64_t ministry_id, size_t top, struct rg_cons *out,
		 struct err *err)
{
	struct rg_latest_list lat = { 0 };
	struct org_list orgs = { 0 };
	struct rg_ref_cache refs = { 0 };
	struct rg_cons_in *in = NULL;
	int rc = -1;
	memset(out, 0, sizeof(*out));
	if (store_rg_latest(s, ministry_id, &lat, err) || store_org_list(s, &orgs, err))
		goto out;
	in = xcalloc(lat.n ? lat.n : 1, sizeof(*in));
	for (size_t i = 0; i < lat.n; i++) {
		const struct rg_latest *l = &lat.items[i];
		const struct rg_service *v = &l->service;
		in[i].ministry_id = v->ministry_id;
		in[i].ministry_code = v->ministry_code;
		in[i].ministry_name = v->ministry_code;
		for (size_t k = 0; k < orgs.n; k++)
			if (orgs.items[k].id == v->ministry_id && orgs.items[k].name[0])
				in[i].ministry_name = orgs.items[k].name;
		if (!l->assessment.id || l->assessment.kind != RG_KIND_COMPLETE)
			continue;
		if (!(in[i].ref = rg_ref_cache_get(s, &refs, l->assessment.ref_id, err)))
			goto out;
		in[i].items = l->assessment.items;
		in[i].nitems = l->assessment.nitems;
		in[i].assessed = 1;
	}
	rg_consolidate(in, lat.n, top, out);
	rc = 0;
out:
	free(in);
	rg_ref_cache_free(&refs);
	org_list_free(&orgs);
	rg_latest_list_free(&lat);
	return rc;
}

/* 1 when b was made before a (older date, or same date and created first). */
static int made_before(const struct rg_assessment *b, const struct rg_assessment *a)
{
	int c = strcmp(b->assessed_on ? b->assessed_on : "", a->assessed_on ? a->assessed_on : "");
	return c < 0 || (c == 0 && b->id < a->id);
}

int rg_previous(struct store *s, const struct rg_assessment *a, int published_only,
		struct rg_assessment *prev, struct err *err)
{
	struct rg_assessment_list l = { 0 };
	memset(prev, 0, sizeof(*prev));
	if (store_rg_assessment_list(s, a->service_id, &l, err))
		return -1;
	int64_t id = 0;
	for (size_t i = 0; i < l.n && !id; i++) {
		const struct rg_assessment *b = &l.items[i];
		if (b->kind == a->kind && b->id != a->id && made_before(b, a) &&
		    (!published_only || (b->published_at && *b->published_at)))
			id = b->id;
	}
	rg_assessment_list_free(&l);
	if (!id)
		return 0;
	int found = store_rg_assessment_get(s, id, prev, err);
	if (found <= 0) {
		rg_assessment_free(prev);
		memset(prev, 0, sizeof(*prev));
	}
	return found;
}
