/* api_orgs.c: GET /api/v1/organisations and /api/v1/organisations/{code}. */
#include <string.h>

#include "web/api.h"

/* The code of organisation id in l ("" when absent). */
static const char *code_of(const struct org_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id == id)
			return l->items[i].code;
	return "";
}

int api_get_orgs(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct org_list l;
	if (store_org_list(rq->store, &l, err))
		return -1;
	json_t *arr = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(
			arr, api_org_json(&l.items[i], code_of(&l, l.items[i].ministry_id)));
	org_list_free(&l);
	json_t *j = json_object();
	json_object_set_new(j, "organisations", arr);
	api_send(rs, 200, j);
	return 0;
}

int api_get_org(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	const char *code = rq->params[0];
	struct org o, m = { 0 };
	struct org_list kids = { 0 };
	struct roadmap_list rms = { 0 };
	int found = store_org_get(rq->store, code, &o, err);
	if (found == 0)
		api_error(rs, 404, "organisation inconnue : « %s »", code);
	if (found <= 0)
		return found;
	int rc = -1;
	if (o.ministry_id != o.id && store_org_get_id(rq->store, o.ministry_id, &m, err) < 0)
		goto out;
	if (store_org_children(rq->store, o.id, &kids, err) ||
	    store_roadmap_list(rq->store, NULL, &rms, err))
		goto out;
	const char *mcode = o.ministry_id == o.id ? o.code : m.code ? m.code : "";
	json_t *j = api_org_json(&o, mcode), *sub = json_array(), *rma = json_array();
	for (size_t i = 0; i < kids.n; i++)
		json_array_append_new(sub, api_org_json(&kids.items[i], mcode));
	for (size_t i = 0; i < rms.n; i++)
		if (rms.items[i].org_id == o.id)
			json_array_append_new(rma, api_roadmap_json(&rms.items[i]));
	json_object_set_new(j, "sous_organisations", sub);
	json_object_set_new(j, "feuilles_de_route", rma);
	api_send(rs, 200, j);
	rc = 0;
out:
	org_free(&o);
	org_free(&m);
	org_list_free(&kids);
	roadmap_list_free(&rms);
	return rc;
}
