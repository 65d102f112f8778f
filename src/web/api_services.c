/* api_services.c: digital services in the JSON API (docs/api.md): GET
 * /api/v1/services (the register, ?ministere=CODE, with the score of each
 * service's latest complete assessment) and
 * /api/v1/services/{code}/declaration (its latest published ecodesign
 * declaration, the JSON of rg_report.h). */
#include <math.h>
#include <string.h>

#include "store/store_rgesn.h"
#include "web/api.h"
#include "web/web_ind.h"
#include "web/web_rg.h"
#include "web/web_route.h"

static json_t *service_json(const struct rg_service *v)
{
	json_t *j = json_object();
	json_object_set_new(j, "code", api_str(v->code));
	json_object_set_new(j, "nom", api_str(v->name));
	json_object_set_new(j, "url", api_str_or_null(v->url));
	json_object_set_new(j, "ministere", api_str(v->ministry_code));
	json_object_set_new(j, "direction", api_str_or_null(v->direction_code));
	json_object_set_new(j, "public", api_str_or_null(v->audience));
	json_object_set_new(j, "statut", api_str(rg_service_status_code(v->status)));
	json_object_set_new(j, "contact", api_str_or_null(v->contact));
	json_t *score = v->has_score && isfinite(v->score) ? json_real(v->score) : NULL;
	json_object_set_new(j, "score", score ? score : json_null());
	json_object_set_new(j, "evalue_le", api_str_or_null(v->assessed_on));
	return j;
}

static int get_services(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	const char *code = web_kvs_get(&rq->query, "ministere");
	int64_t ministry = 0;
	if (code && *code) {
		struct org m;
		int found = web_ind_ministry(rq->store, code, &m, err);
		if (found < 0)
			return -1;
		if (!found) {
			api_error(rs, 404, "aucun ministère n'a le code « %s »", code);
			return 0;
		}
		ministry = m.id;
		org_free(&m);
	}
	struct rg_service_list l = { 0 };
	if (store_rg_service_list(rq->store, ministry, &l, err)) {
		rg_service_list_free(&l);
		return -1;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(arr, service_json(&l.items[i]));
	json_t *j = json_object();
	json_object_set_new(j, "services", arr);
	api_send(rs, 200, j);
	rg_service_list_free(&l);
	return 0;
}

static int get_declaration(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct web_rg_assess x;
	memset(&x, 0, sizeof(x));
	int found = store_rg_service_get(rq->store, rq->params[0], &x.svc, err);
	if (found > 0)
		found = store_rg_assessment_latest_published(rq->store, x.svc.id, &x.a, err);
	if (found > 0)
		found = store_rg_ref_load_id(rq->store, x.a.ref_id, &x.ref, err);
	int rc = 0;
	if (found < 0)
		rc = -1;
	else if (found == 0)
		api_error(rs, 404, "aucune déclaration publiée pour le service « %s »",
			  rq->params[0]);
	else
		rc = web_rg_decl_send(rq, rs, &x, RG_FMT_JSON, err);
	web_rg_assess_free(&x);
	return rc;
}

const struct web_route web_routes_api_services[] = {
	{ "GET", "/api/v1/services", get_services, WEB_API },
	{ "GET", "/api/v1/services/{code}/declaration", get_declaration, WEB_API },
	{ NULL, NULL, NULL, 0 },
};
