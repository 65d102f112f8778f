/* page_ind_export.c: downloading the indicator values (GET
 * /indicateurs/export.csv and /indicateurs/export.xlsx, ?annee= for one
 * year, ?ministere= for one ministry) through indicators/ind_export.h. */
#include <stdlib.h>
#include <string.h>

#include "indicators/ind_collect.h"
#include "indicators/ind_export.h"
#include "store/store_ind.h"
#include "web/web_ind.h"
#include "web/web_review.h"
#include "web/web_route.h"

static int export(struct web_req *rq, struct web_resp *rs, int xlsx, struct err *err)
{
	struct org org = { 0 };
	struct ind_catalogue cat = { 0 };
	struct ind_table t;
	struct ind_value_list vals = { 0 };
	struct buf name = BUF_INIT;
	int year, ymin, ymax, bad, rc = -1;
	const char *code = web_kvs_get(&rq->query, "ministere");
	const char *asked = web_kvs_get(&rq->query, "annee");
	memset(&t, 0, sizeof(t));
	if (web_ind_year(rq, &year, &ymin, &ymax, &bad, err))
		goto out;
	rc = 0;
	if (bad) {
		web_refusal_page(rq, rs, 400, "Année invalide.", "/indicateurs",
				 "Retour aux indicateurs");
		goto out;
	}
	if (code && *code) {
		int found = web_ind_ministry(rq->store, code, &org, err);
		if (found <= 0) {
			if (found == 0)
				web_refusal_page(rq, rs, 404, "Aucun ministère n'a ce code.",
						 "/indicateurs", "Retour aux indicateurs");
			rc = found;
			goto out;
		}
	}
	/* Without a year, every year the store knows. */
	int all = !asked || !*asked;
	int from = all && ymin ? ymin : year, to = all && ymax ? ymax : year;
	rc = -1;
	if (ind_load(rq->store, from, to, org.id, &cat, &t, err) ||
	    store_ind_value_list(rq->store, org.id, all ? 0 : year, &vals, err))
		goto out;
	buf_reset(&rs->body);
	buf_adds(&name, "indicateurs");
	if (org.code)
		buf_addf(&name, "-%s", org.code);
	if (!all)
		buf_addf(&name, "-%d", year);
	buf_adds(&name, xlsx ? ".xlsx" : ".csv");
	if (xlsx) {
		if (ind_export_xlsx(&t, &vals, &rs->body, err))
			goto out;
		web_download(rs,
			     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			     name.ptr);
	} else {
		ind_export_csv(&t, &vals, &rs->body);
		web_download(rs, "text/csv; charset=utf-8", name.ptr);
	}
	rs->status = 200;
	rc = 0;
out:
	buf_free(&name);
	ind_value_list_free(&vals);
	ind_table_free(&t);
	ind_catalogue_free(&cat);
	org_free(&org);
	return rc;
}

static int get_csv(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return export(rq, rs, 0, err);
}

static int get_xlsx(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return export(rq, rs, 1, err);
}

const struct web_route web_routes_ind_export[] = {
	{ "GET", "/indicateurs/export.csv", get_csv, 0 },
	{ "GET", "/indicateurs/export.xlsx", get_xlsx, 0 },
	{ NULL, NULL, NULL, 0 },
};
