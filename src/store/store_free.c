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

void person_free(struct person *p)
{
	free(p->email);
	free(p->name);
	free(p->org_code);
	memset(p, 0, sizeof(*p));
}

void roadmap_free(struct roadmap *r)
{
	free(r->org_code);
	free(r->org_name);
	free(r->period);
	memset(r, 0, sizeof(*r));
}

void review_free(struct review *r)
{
	free(r->action_ref);
	free(r->text);
	free(r->author);
	free(r->created_at);
	memset(r, 0, sizeof(*r));
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

/* Every list is the same {items, n, cap} over its own item type, freed
 * item by item with that type's free function. */
#define LIST_FREE(list, item_free)                \
	void list##_free(struct list *l)          \
	{                                         \
		for (size_t i = 0; i < l->n; i++) \
			item_free(&l->items[i]);  \
		free(l->items);                   \
		memset(l, 0, sizeof(*l));         \
	}

LIST_FREE(org_list, org_free)
LIST_FREE(person_list, person_free)
LIST_FREE(roadmap_list, roadmap_free)
LIST_FREE(action_list, action_free)
LIST_FREE(review_list, review_free)
LIST_FREE(audit_list, audit_entry_free)
