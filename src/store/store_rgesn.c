/* store_rgesn.c: service status codes and releasing the RGESN structs the
 * store fills (store_rgesn.h), independent of the backend. */
#include <stdlib.h>
#include <string.h>

#include "store/store_rgesn.h"

static const char *const STATUS_CODES[RG_SVC_N] = { "en_projet", "en_production", "retire" };
static const char *const STATUS_LABELS[RG_SVC_N] = { "En projet", "En production", "Retiré" };

const char *rg_service_status_code(enum rg_service_status s)
{
	return (unsigned)s < RG_SVC_N ? STATUS_CODES[s] : "";
}

const char *rg_service_status_label(enum rg_service_status s)
{
	return (unsigned)s < RG_SVC_N ? STATUS_LABELS[s] : "";
}

/* Accepts the code or the label ("en production", "Retiré"). */
int rg_service_status_parse(const char *s, enum rg_service_status *out)
{
	if (!s)
		return -1;
	for (int i = 0; i < RG_SVC_N; i++) {
		if (!strcmp(s, STATUS_CODES[i]) || !strcmp(s, STATUS_LABELS[i])) {
			*out = (enum rg_service_status)i;
			return 0;
		}
	}
	/* "en production", "retire" typed by hand: codes with spaces. */
	char tmp[32];
	size_t n = strlen(s);
	if (n >= sizeof(tmp))
		return -1;
	for (size_t i = 0; i <= n; i++) {
		char c = s[i];
		tmp[i] = c == ' ' ? '_' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	for (int i = 0; i < RG_SVC_N; i++) {
		if (!strcmp(tmp, STATUS_CODES[i])) {
			*out = (enum rg_service_status)i;
			return 0;
		}
	}
	return -1;
}

void rg_ref_meta_list_free(struct rg_ref_meta_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct rg_ref_meta *m = &l->items[i];
		free(m->name);
		free(m->version);
		free(m->title);
		free(m->loaded_at);
		free(m->loaded_by);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

void rg_service_free(struct rg_service *v)
{
	free(v->code);
	free(v->name);
	free(v->url);
	free(v->org_code);
	free(v->ministry_code);
	free(v->direction_code);
	free(v->audience);
	free(v->contact);
	free(v->assessed_on);
	memset(v, 0, sizeof(*v));
}

void rg_service_list_free(struct rg_service_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		rg_service_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

static void items_free(struct rg_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(items[i].criterion);
		free(items[i].justification);
		free(items[i].planned);
		free(items[i].note);
	}
	free(items);
}

void rg_assessment_free(struct rg_assessment *a)
{
	free(a->ref_label);
	free(a->assessed_on);
	free(a->published_at);
	free(a->contact);
	free(a->created_at);
	free(a->created_by);
	items_free(a->items, a->nitems);
	memset(a, 0, sizeof(*a));
}

void rg_assessment_list_free(struct rg_assessment_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		rg_assessment_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

void rg_latest_list_free(struct rg_latest_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		rg_service_free(&l->items[i].service);
		rg_assessment_free(&l->items[i].assessment);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}
