/* api_roadmaps.c: GET /api/v1/feuilles-de-route[?periode=P] and
 * GET /api/v1/feuilles-de-route/{code}/{periode} (state and actions). */
#include "web/api.h"

int api_get_roadmaps(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	const char *period = web_kvs_get(&rq->query, "periode");
	int first, last;
	if (period && period_parse(period, &first, &last)) {
		api_error(rs, 400, "période invalide « %s » (attendu : 2022 ou 2023-2025)", period);
		return 0;
	}
	struct roadmap_list l;
	if (store_roadmap_list(rq->store, period, &l, err))
		return -1;
	json_t *arr = json_array(), *j = json_object();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(arr, api_roadmap_json(&l.items[i]));
	roadmap_list_free(&l);
	json_object_set_new(j, "periode", api_str_or_null(period));
	json_object_set_new(j, "feuilles_de_route", arr);
	api_send(rs, 200, j);
	return 0;
}

int api_get_roadmap(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct roadmap rm;
	struct org org;
	struct action_list l = { 0 };
	struct review_list rv = { 0 };
	int found = api_roadmap_find(rq, rs, &rm, &org, err);
	if (found <= 0)
		return found;
	int rc = -1;
	if (store_action_list(rq->store, rm.id, &l, err) ||
	    store_review_list(rq->store, rm.id, &rv, err))
		goto out;
	size_t open = 0;
	for (size_t i = 0; i < rv.n; i++)
		open += rv.items[i].kind == RKIND_RECOMMANDATION && !rv.items[i].addressed;
	json_t *j = api_roadmap_json(&rm), *arr = json_array();
	struct buf path = BUF_INIT;
	for (size_t i = 0; i < l.n; i++) {
		json_t *a = api_action_json(&l.items[i]);
		buf_reset(&path);
		api_roadmap_path(&path, rm.org_code, rm.period, l.items[i].ref);
		json_object_set_new(a, "adresse", api_str(path.ptr));
		json_array_append_new(arr, a);
	}
	buf_free(&path);
	json_object_set_new(j, "nombre_actions", json_integer((json_int_t)l.n));
	json_object_set_new(j, "recommandations_ouvertes", json_integer((json_int_t)open));
	json_object_set_new(j, "actions", arr);
	api_send(rs, 200, j);
	rc = 0;
out:
	roadmap_free(&rm);
	org_free(&org);
	action_list_free(&l);
	review_list_free(&rv);
	return rc;
}
