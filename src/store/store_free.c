/* store_free.c: releasing the structs and lists the store fills. */
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

void org_free(struct org *o)
{
	free(o->code);
	free(o->name);
	free(o->parent_code);
	memset(o, 0, sizeof(*o));
}

void org_list_free(struct org_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		org_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

void person_free(struct person *p)
{
	free(p->email);
	free(p->name);
	free(p->org_code);
	memset(p, 0, sizeof(*p));
}

void person_list_free(struct person_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		person_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

void roadmap_free(struct roadmap *r)
{
	free(r->org_code);
	free(r->org_name);
	free(r->period);
	memset(r, 0, sizeof(*r));
}

void roadmap_list_free(struct roadmap_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		roadmap_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

void action_list_free(struct action_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		action_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

void review_free(struct review *r)
{
	free(r->action_ref);
	free(r->text);
	free(r->author);
	free(r->created_at);
	memset(r, 0, sizeof(*r));
}

void review_list_free(struct review_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		review_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

void audit_entry_free(struct audit_entry *e)
{
	free(e->at);
	free(e->actor);
	free(e->entity);
	free(e->entity_key);
	free(e->op);
	free(e->before);
	free(e->after);
	memset(e, 0, sizeof(*e));
}

void audit_list_free(struct audit_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		audit_entry_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}
