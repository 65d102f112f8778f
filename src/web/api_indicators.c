/* api_indicators.c: the common indicators in the JSON API (docs/api.md):
 * GET /api/v1/indicateurs (the catalogue), /api/v1/indicateurs/national
 * (national values of a year with completeness and targets) and
 * /api/v1/organisations/{code}/indicateurs (a ministry's values). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "indicators/ind_collect.h"
#include "store/store_ind.h"
#include "web/api.h"
#include "web/web_ind.h"
#include "web/web_route.h"

static json_t *real_or_null(int has, double v)
{
	json_t *j = has && isfinite(v) ? json_real(v) : NULL;
	return j ? j : json_null();
}

static json_t *def_json(const struct ind_def *d)
{
	json_t *j = json_object(), *targets = json_array();
	json_object_set_new(j, "code", api_str(d->code));
	json_object_set_new(j, "libelle", api_str(d->label));
	json_object_set_new(j, "definition", api_str(d->definition));
	json_object_set_new(j, "unite", api_str(d->unit));
	json_object_set_new(j, "theme", api_str(theme_code(d->theme)));
	json_object_set_new(j, "theme_libelle", api_str(theme_label(d->theme)));
	json_object_set_new(j, "nature", api_str(ind_kind_code(d->kind)));
	json_object_set_new(j, "consolidation", api_str(ind_rule_code(d->rule)));
	json_object_set_new(j, "ponderation", api_str_or_null(d->weight_code));
	json_object_set_new(j, "minimum", real_or_null(d->has_min, d->min));
	json_object_set_new(j, "maximum", real_or_null(d->has_max, d->max));
	json_object_set_new(j, "sens", api_str(ind_better_code(d->better)));
	json_object_set_new(j, "calcul", api_str_or_null(ind_calc_code(d->calc)));
	json_object_set_new(j, "calcul_libelle",
			    d->calc != IND_CALC_NONE ? api_str(ind_calc_label(d->calc))
						     : json_null());
	json_object_set_new(j, "source", api_str(d->source));
	for (size_t i = 0; i < d->ntargets; i++) {
		json_t *t = json_object();
		json_object_set_new(t, "annee", json_integer(d->targets[i].year));
		json_object_set_new(t, "valeur", real_or_null(1, d->targets[i].value));
		json_array_append_new(targets, t);
	}
	json_object_set_new(j, "cibles", targets);
	return j;
}

/* "cible", "ecart" and "cible_atteinte" of value v (when has) for year. */
static void target_json(json_t *j, const struct ind_def *d, int year, int has, double v)
{
	double target, gap = 0;
	int met = 0;
	int has_target = ind_target_for(d, year, &target);
	int has_gap = has && ind_gap(d, year, v, &gap, &met);
	json_object_set_new(j, "cible", real_or_null(has_target, target));
	json_object_set_new(j, "ecart", real_or_null(has_gap, gap));
	json_object_set_new(j, "cible_atteinte", has_gap ? json_boolean(met) : json_null());
}

/* The year of ?annee=, or the default one; 0 after a 400. */
static int api_year(struct web_req *rq, struct web_resp *rs, int *year, struct err *err)
{
	int ymin, ymax, bad;
	if (web_ind_year(rq, year, &ymin, &ymax, &bad, err))
		return -1;
	if (bad) {
		api_error(rs, 400, "paramètre annee invalide « %s » (une année de %d à %d)",
			  web_kvs_get(&rq->query, "annee"), IND_YEAR_MIN, IND_YEAR_MAX);
		return 0;
	}
	return 1;
}

static int get_catalogue(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct ind_catalogue cat = { 0 };
	if (store_ind_catalogue_load(rq->store, &cat, err)) {
		ind_catalogue_free(&cat);
		return -1;
	}
	json_t *j = json_object(), *arr = json_array();
	for (size_t i = 0; i < cat.n; i++)
		json_array_append_new(arr, def_json(&cat.items[i]));
	json_object_set_new(j, "indicateurs", arr);
	api_send(rs, 200, j);
	ind_catalogue_free(&cat);
	return 0;
}

static int get_national(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct ind_catalogue cat = { 0 };
	struct ind_table t;
	int year, rc;
	memset(&t, 0, sizeof(t));
	if ((rc = api_year(rq, rs, &year, err)) <= 0)
		return rc;
	rc = -1;
	if (ind_load(rq->store, year, year, 0, &cat, &t, err))
		goto out;
	json_t *j = json_object(), *arr = json_array(), *states = json_object();
	size_t by_state[IND_STATE_N] = { 0 };
	for (size_t m = 0; m < t.norg; m++)
		by_state[web_ind_state(&t, m, year)]++;
	for (int s = 0; s < IND_STATE_N; s++)
		json_object_set_new(states, ind_state_code((enum ind_state)s),
				    json_integer((json_int_t)by_state[s]));
	for (size_t i = 0; i < cat.n; i++) {
		const struct ind_def *d = &cat.items[i];
		struct ind_result r;
		struct buf text = BUF_INIT;
		ind_table_consolidate(&t, i, year, &r);
		json_t *o = json_object();
		json_object_set_new(o, "code", api_str(d->code));
		json_object_set_new(o, "libelle", api_str(d->label));
		json_object_set_new(o, "unite", api_str(d->unit));
		json_object_set_new(o, "consolidation", api_str(ind_rule_code(d->rule)));
		json_object_set_new(o, "valeur", real_or_null(r.has_value, r.value));
		ind_fmt_value(&text, d, r.has_value, r.value);
		json_object_set_new(o, "valeur_texte", api_str(text.ptr));
		json_object_set_new(o, "ministeres_comptes", json_integer((json_int_t)r.counted));
		json_object_set_new(o, "ministeres_attendus", json_integer((json_int_t)r.expected));
		json_object_set_new(o, "ministeres_valides", json_integer((json_int_t)r.validated));
		json_object_set_new(o, "valeurs_sans_ponderation",
				    json_integer((json_int_t)r.missing_weight));
		target_json(o, d, year, r.has_value, r.value);
		json_array_append_new(arr, o);
		buf_free(&text);
	}
	json_object_set_new(j, "annee", json_integer(year));
	json_object_set_new(j, "ministeres", json_integer((json_int_t)t.norg));
	json_object_set_new(j, "collectes", states);
	json_object_set_new(j, "indicateurs", arr);
	api_send(rs, 200, j);
	rc = 0;
out:
	ind_table_free(&t);
	ind_catalogue_free(&cat);
	return rc;
}

static json_t *ministry_value(const struct ind_table *t, const struct ind_value_list *vals,
			      size_t i, int year)
{
	const struct ind_def *d = &t->cat->items[i];
	const struct ind_value *entered = NULL;
	size_t at = ind_table_at(t, 0, i, year);
	double v = 0;
	int has = web_ind_cell(t, 0, i, year, &v);
	int computed = (t->flags[at] & IND_CELL_COMPUTED) != 0;
	for (size_t k = 0; has && !computed && k < vals->n; k++)
		if (strcmp(vals->items[k].code, d->code) == 0)
			entered = &vals->items[k];
	json_t *o = json_object();
	json_object_set_new(o, "code", api_str(d->code));
	json_object_set_new(o, "libelle", api_str(d->label));
	json_object_set_new(o, "unite", api_str(d->unit));
	json_object_set_new(o, "valeur", real_or_null(has, v));
	json_object_set_new(o, "origine",
			    !has ? json_null() : api_str(computed ? "calculee" : "saisie"));
	json_object_set_new(o, "calcul_libelle",
			    d->calc != IND_CALC_NONE ? api_str(ind_calc_label(d->calc))
						     : json_null());
	json_object_set_new(o, "compte_au_national",
			    json_boolean(has && (t->flags[at] & IND_CELL_COUNTS)));
	json_object_set_new(o, "commentaire", api_str_or_null(entered ? entered->comment : NULL));
	json_object_set_new(o, "source", api_str_or_null(entered ? entered->source : NULL));
	json_object_set_new(o, "modifie_le", api_str_or_null(entered ? entered->updated_at : NULL));
	json_object_set_new(o, "modifie_par",
			    api_str_or_null(entered ? entered->updated_by : NULL));
	target_json(o, d, year, has, v);
	return o;
}

static int get_ministry(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct org org;
	struct ind_catalogue cat = { 0 };
	struct ind_table t;
	struct ind_value_list vals = { 0 };
	enum ind_state st;
	char *at = NULL, *by = NULL;
	int year, rc;
	memset(&t, 0, sizeof(t));
	int found = web_ind_ministry(rq->store, rq->params[0], &org, err);
	if (found == 0)
		api_error(rs, 404, "aucun ministère n'a le code « %s »", rq->params[0]);
	if (found <= 0)
		return found;
	if ((rc = api_year(rq, rs, &year, err)) <= 0)
		goto out;
	rc = -1;
	if (ind_load(rq->store, year, year, org.id, &cat, &t, err) ||
	    store_ind_state_get(rq->store, org.id, year, &st, &at, &by, err) < 0 ||
	    store_ind_value_list(rq->store, org.id, year, &vals, err))
		goto out;
	json_t *j = json_object(), *arr = json_array();
	for (size_t i = 0; t.norg && i < cat.n; i++)
		json_array_append_new(arr, ministry_value(&t, &vals, i, year));
	json_object_set_new(j, "ministere", api_str(org.code));
	json_object_set_new(j, "nom", api_str(org.name));
	json_object_set_new(j, "annee", json_integer(year));
	json_object_set_new(j, "etat", api_str(ind_state_code(st)));
	json_object_set_new(j, "etat_libelle", api_str(ind_state_label(st)));
	json_object_set_new(j, "etat_modifie_le", api_str_or_null(at));
	json_object_set_new(j, "etat_modifie_par", api_str_or_null(by));
	json_object_set_new(j, "valeurs", arr);
	api_send(rs, 200, j);
	rc = 0;
out:
	free(at);
	free(by);
	ind_value_list_free(&vals);
	ind_table_free(&t);
	ind_catalogue_free(&cat);
	org_free(&org);
	return rc;
}

const struct web_route web_routes_api_indicators[] = {
	{ "GET", "/api/v1/indicateurs", get_catalogue, WEB_API },
	{ "GET", "/api/v1/indicateurs/national", get_national, WEB_API },
	{ "GET", "/api/v1/organisations/{code}/indicateurs", get_ministry, WEB_API },
	{ NULL, NULL, NULL, 0 },
};
