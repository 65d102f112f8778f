/* api_reports.c: GET /api/v1/bilan (the consolidated report of a period, the
 * JSON of `numeco report --format json`) and GET /api/v1/empreinte (the
 * stored footprint totals). */
#include <stdlib.h>
#include <string.h>

#include "footprint/fp.h"
#include "plan/consolidate.h"
#include "report/report.h"
#include "store/store_fp.h"
#include "web/api.h"
#include "web/web_page.h"

/* A finite number, else null. */
static json_t *real(double v)
{
	json_t *j = json_real(v);
	return j ? j : json_null();
}

int api_get_report(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	const char *period = web_kvs_get(&rq->query, "periode");
	const char *code = web_kvs_get(&rq->query, "org");
	const char *top_s = web_kvs_get(&rq->query, "top");
	int first, last;
	if (!period || period_parse(period, &first, &last)) {
		api_error(rs, 400, "paramètre periode %s (attendu : 2022 ou 2023-2025)",
			  period ? "invalide" : "manquant");
		return 0;
	}
	long top = 10;
	if (top_s) {
		char *end;
		top = strtol(top_s, &end, 10);
		if (!*top_s || *end || top < 0 || top > 1000) {
			api_error(rs, 400, "paramètre top invalide « %s » (0 à 1000)", top_s);
			return 0;
		}
	}
	if (code && *code) {
		struct org o;
		int found = store_org_get(rq->store, code, &o, err);
		if (found < 0)
			return -1;
		int ministry = found && o.kind == ORG_MINISTERE && o.parent_id == 0;
		org_free(&o);
		if (!found) {
			api_error(rs, 404, "organisation inconnue : « %s »", code);
			return 0;
		}
		if (!ministry) {
			api_error(rs, 400,
				  "« %s » n'est pas un ministère : le bilan se fait par "
				  "ministère",
				  code);
			return 0;
		}
	}
	struct cons_input in = { 0 };
	struct cons_result res;
	struct buf out = BUF_INIT;
	int rc = store_load_consolidation(rq->store, period, code && *code ? code : NULL, &in, err);
	if (rc == 0) {
		consolidate(&in, (size_t)top, &res);
		report_render(&in, &res, REPORT_JSON, &out);
		cons_result_free(&res);
		web_json_text(rs, 200, out.ptr);
	}
	cons_input_free(&in);
	buf_free(&out);
	return rc;
}

int api_get_footprint(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	const char *year_s = web_kvs_get(&rq->query, "annee");
	long year = 0;
	if (year_s) {
		char *end;
		year = strtol(year_s, &end, 10);
		if (!*year_s || *end || year < 1900 || year > 2199) {
			api_error(rs, 400, "paramètre annee invalide « %s » (une année, ex. 2024)",
				  year_s);
			return 0;
		}
	}
	struct fp_stored_total_list l;
	struct ref_meta_list refs;
	if (store_fp_totals(rq->store, (int)year, &l, err))
		return -1;
	if (store_ref_list(rq->store, &refs, err)) {
		fp_stored_total_list_free(&l);
		return -1;
	}
	json_t *j = json_object(), *arr = json_array();
	size_t hidden = 0;
	for (size_t i = 0; i < l.n; i++) {
		const struct fp_stored_total *t = &l.items[i];
		if (!web_ref_visible(rq, &refs, t->referential)) {
			hidden++;
			continue;
		}
		json_t *o = json_object(), *phases = json_object();
		json_object_set_new(o, "organisation", api_str(t->org_code));
		json_object_set_new(o, "organisation_nom", api_str(t->org_name));
		json_object_set_new(o, "annee", json_integer(t->year));
		json_object_set_new(o, "referentiel", api_str(t->referential));
		json_object_set_new(o, "critere", api_str(t->criterion));
		json_object_set_new(o, "critere_libelle", api_str(t->criterion_label));
		json_object_set_new(o, "unite", api_str(t->unit));
		for (int p = 0; p < FP_PHASE_COUNT; p++)
			json_object_set_new(phases, fp_phase_code((enum fp_phase)p),
					    real(t->by_phase[p]));
		json_object_set_new(o, "par_phase", phases);
		json_object_set_new(o, "total", real(t->total));
		json_array_append_new(arr, o);
	}
	json_object_set_new(j, "annee", year ? json_integer(year) : json_null());
	json_object_set_new(j, "totaux", arr);
	json_object_set_new(j, "totaux_masques", json_integer((json_int_t)hidden));
	api_send(rs, 200, j);
	fp_stored_total_list_free(&l);
	ref_meta_list_free(&refs);
	return 0;
}
