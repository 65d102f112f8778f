/* rg_declaration_json.c: the ecodesign declaration as JSON (jansson), keys
 * in a fixed order.
 *
 * Layout (every key always present, in this order):
 *   service, url, ministere, direction, date (of the assessment),
 *   publication (AAAA-MM-JJ or null), referentiel {nom, version},
 *   score {global (0..100, 1 decimal, null without an applicable criterion),
 *          conformes, applicables, non_evalues, non_applicables,
 *          non_conformes, en_cours},
 *   familles [{numero, libelle, score, conformes, applicables, non_evalues,
 *              non_applicables, non_conformes, en_cours}],
 *   priorites [{code, libelle, score, conformes, …}],
 *   progression (null without a previous assessment) {date, referentiel,
 *               score, ecart (points, null when a score is missing)},
 *   non_conformes [{critere, titre, priorite, note}],
 *   non_evalues [{critere, titre, priorite, note}],
 *   non_applicables [{critere, titre, justification}],
 *   plan [{echeance, critere, titre, note}] (by date),
 *   contact */
#include <math.h>
#include <string.h>

#include "rgesn/rg_report_int.h"

static json_t *j_score(int has, double v)
{
	return has ? rg_json_real(v, 1) : json_null();
}

static void j_tally(json_t *o, const struct rg_tally *t)
{
	json_object_set_new(o, "score", j_score(t->has_score, t->score));
	json_object_set_new(o, "conformes", rg_json_count(t->conforme));
	json_object_set_new(o, "applicables", rg_json_count(t->applicable));
	json_object_set_new(o, "non_evalues", rg_json_count(t->non_evalue));
	json_object_set_new(o, "non_applicables", rg_json_count(t->non_applicable));
	json_object_set_new(o, "non_conformes", rg_json_count(t->non_conforme));
	json_object_set_new(o, "en_cours", rg_json_count(t->en_cours));
}

static json_t *j_global(const struct rg_tally *t)
{
	json_t *o = json_object();
	json_object_set_new(o, "global", j_score(t->has_score, t->score));
	json_object_set_new(o, "conformes", rg_json_count(t->conforme));
	json_object_set_new(o, "applicables", rg_json_count(t->applicable));
	json_object_set_new(o, "non_evalues", rg_json_count(t->non_evalue));
	json_object_set_new(o, "non_applicables", rg_json_count(t->non_applicable));
	json_object_set_new(o, "non_conformes", rg_json_count(t->non_conforme));
	json_object_set_new(o, "en_cours", rg_json_count(t->en_cours));
	return o;
}

static json_t *j_progress(const struct rg_dv *v)
{
	const struct rg_decl *d = v->d;
	if (!d->has_previous)
		return json_null();
	json_t *o = json_object();
	struct buf t = BUF_INIT;
	rg_decl_prev_label(d, &t);
	double delta;
	int has = rg_decl_delta(v, &delta);
	json_object_set_new(o, "date", rg_json_str(d->previous_date));
	json_object_set_new(o, "referentiel", rg_json_str(t.ptr));
	json_object_set_new(o, "score", j_score(isfinite(d->previous_score), d->previous_score));
	json_object_set_new(o, "ecart", has ? rg_json_real(delta, 1) : json_null());
	buf_free(&t);
	return o;
}

/* One criterion of a list: its id and title, then the fields of kind. */
enum j_kind { J_UNMET, J_NA, J_PLAN };

static json_t *j_criteria(const struct rg_dv *v, const size_t *list, size_t n, enum j_kind kind)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct rg_criterion *c = &v->d->ref->criteria[list[i]];
		const struct rg_item *it = rg_dv_item(v, list[i]);
		json_t *o = json_object();
		if (kind == J_PLAN)
			json_object_set_new(o, "echeance", rg_json_str(it ? it->planned : ""));
		json_object_set_new(o, "critere", rg_json_str(c->id));
		json_object_set_new(o, "titre", rg_json_str(c->title));
		switch (kind) {
		case J_UNMET:
			json_object_set_new(o, "priorite",
					    json_string(rg_priority_code(c->priority)));
			json_object_set_new(o, "note", rg_json_str(it ? it->note : ""));
			break;
		case J_NA:
			json_object_set_new(o, "justification",
					    rg_json_str(it ? it->justification : ""));
			break;
		case J_PLAN: json_object_set_new(o, "note", rg_json_str(it ? it->note : "")); break;
		}
		json_array_append_new(a, o);
	}
	return a;
}

void rg_decl_json(const struct rg_dv *v, struct buf *out)
{
	const struct rg_decl *d = v->d;
	const struct rg_ref *r = d->ref;
	const struct rg_score *sc = v->score;
	json_t *root = json_object();
	struct buf t = BUF_INIT;
	json_object_set_new(root, "service", rg_json_str(d->service_name));
	json_object_set_new(root, "url", rg_json_str(d->service_url));
	json_object_set_new(root, "ministere", rg_json_str(d->ministry_name));
	json_object_set_new(root, "direction", rg_json_str(d->direction_name));
	json_object_set_new(root, "date", rg_json_str(d->assessed_on));
	rg_decl_published(d, &t);
	json_object_set_new(root, "publication", t.len ? rg_json_str(t.ptr) : json_null());
	buf_free(&t);

	json_t *ref = json_object();
	json_object_set_new(ref, "nom", rg_json_str(r ? r->name : ""));
	json_object_set_new(ref, "version", rg_json_str(r ? r->version : ""));
	json_object_set_new(root, "referentiel", ref);
	json_object_set_new(root, "score", j_global(&sc->all));

	json_t *fams = json_array();
	for (size_t f = 0; r && f < r->nfamilies && f < sc->nfamilies; f++) {
		json_t *o = json_object();
		json_object_set_new(o, "numero", json_integer(r->families[f].num));
		json_object_set_new(o, "libelle", rg_json_str(r->families[f].label));
		j_tally(o, &sc->by_family[f]);
		json_array_append_new(fams, o);
	}
	json_object_set_new(root, "familles", fams);
	json_t *prios = json_array();
	for (int p = 0; p < RG_PRIO_N; p++) {
		json_t *o = json_object();
		json_object_set_new(o, "code", json_string(rg_priority_code((enum rg_priority)p)));
		json_object_set_new(o, "libelle",
				    json_string(rg_priority_label((enum rg_priority)p)));
		j_tally(o, &sc->by_priority[p]);
		json_array_append_new(prios, o);
	}
	json_object_set_new(root, "priorites", prios);
	json_object_set_new(root, "progression", j_progress(v));
	json_object_set_new(root, "non_conformes", j_criteria(v, v->nc, v->nnc, J_UNMET));
	json_object_set_new(root, "non_evalues", j_criteria(v, v->ne, v->nne, J_UNMET));
	json_object_set_new(root, "non_applicables", j_criteria(v, v->na, v->nna, J_NA));
	json_object_set_new(root, "plan", j_criteria(v, v->plan, v->nplan, J_PLAN));
	json_object_set_new(root, "contact", rg_json_str(d->contact));
	rg_json_dump(root, out);
}
