/* cons_input.c: building and freeing the input of the consolidation. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "plan/consolidate.h"

void cons_input_init(struct cons_input *in)
{
	memset(in, 0, sizeof(*in));
	in->period = xstrdup("");
	in->scope = xstrdup("");
}

void cons_input_free(struct cons_input *in)
{
	for (size_t i = 0; i < in->nministries; i++) {
		free(in->ministries[i].code);
		free(in->ministries[i].name);
	}
	for (size_t i = 0; i < in->nactions; i++) {
		free(in->actions[i].ref);
		free(in->actions[i].title);
		free(in->actions[i].impact_method);
	}
	for (size_t i = 0; i < in->nfp_evals; i++) {
		free(in->fp_evals[i].org_code);
		free(in->fp_evals[i].referential);
		free(in->fp_evals[i].climate_unit);
	}
	free(in->ministries);
	free(in->actions);
	free(in->fp_evals);
	free(in->period);
	free(in->scope);
	memset(in, 0, sizeof(*in));
}

size_t cons_input_add_ministry(struct cons_input *in, const char *code, const char *name,
			       int has_roadmap, enum rstate state)
{
	xgrow((void **)&in->ministries, sizeof(*in->ministries), in->nministries + 1,
	      &in->cap_ministries);
	struct cons_ministry *m = &in->ministries[in->nministries];
	m->code = xstrdup(code);
	m->name = xstrdup(name);
	m->has_roadmap = has_roadmap;
	m->state = state;
	return in->nministries++;
}

void cons_input_add_action(struct cons_input *in, const struct cons_action *a)
{
	xgrow((void **)&in->actions, sizeof(*in->actions), in->nactions + 1, &in->cap_actions);
	struct cons_action *d = &in->actions[in->nactions++];
	*d = *a;
	d->ref = xstrdup(a->ref ? a->ref : "");
	d->title = xstrdup(a->title ? a->title : "");
	d->impact_method = xstrdup(a->impact_method ? a->impact_method : "");
}

size_t cons_input_add_fp_eval(struct cons_input *in, const struct cons_fp_eval *e)
{
	xgrow((void **)&in->fp_evals, sizeof(*in->fp_evals), in->nfp_evals + 1, &in->cap_fp_evals);
	struct cons_fp_eval *d = &in->fp_evals[in->nfp_evals];
	*d = *e;
	d->org_code = xstrdup(e->org_code ? e->org_code : "");
	d->referential = xstrdup(e->referential ? e->referential : "");
	d->climate_unit = xstrdup(e->climate_unit ? e->climate_unit : "");
	return in->nfp_evals++;
}
