/* fp_output_data.c: the summary for programs: JSON (fixed key order) and long-format CSV.
 *
 * CSV: UTF-8 with BOM, ';', CRLF (like numeco's other exports), one row per
 * aggregated value, in the summary's stable order:
 *
 *   dimension;cle;critere;etape;valeur;unite
 *
 *   dimension  total, entite, type, datacenter, application
 *   cle        the key ("" for total and for a missing entity, type, data centre)
 *   critere    the criterion's label ("Climate change")
 *   etape      FABRICATION, DISTRIBUTION, UTILISATION, FIN_DE_VIE
 *   valeur     the yearly value, decimal comma, no grouping, shortest exact form
 *   unite      the criterion's unit
 *
 * Text starting with = + - @ gets a leading apostrophe so spreadsheets never
 * run it as a formula (csv_write_guarded). */
#include <jansson.h>
#include <stdlib.h>

#include "footprint/fp_output_int.h"
#include "io/csv.h"
#include "io/parse.h"

static void set_str(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, json_string(v ? v : ""));
}

static void set_count(json_t *o, const char *k, size_t n)
{
	json_object_set_new(o, k, json_integer((json_int_t)n));
}

static json_t *counts_json(const struct fp_counts *c)
{
	json_t *o = json_object();
	set_count(o, "centres_de_donnees", c->datacenters);
	set_count(o, "equipements_physiques", c->physical);
	set_count(o, "equipements_virtuels", c->virtual_);
	set_count(o, "applications", c->applications);
	set_count(o, "erreurs_equipements_physiques", c->physical_errors);
	set_count(o, "erreurs_equipements_virtuels", c->virtual_errors);
	set_count(o, "erreurs_applications", c->application_errors);
	set_count(o, "correspondance_modele", c->matched_by_model);
	set_count(o, "correspondance_type", c->matched_by_type);
	return o;
}

void fp_render_json(const struct fp_view *v, struct buf *out)
{
	const struct fp_summary *s = v->s;
	json_t *root = json_object();
	set_str(root, "titre", FP_TITLE);
	json_t *ref = json_object();
	set_str(ref, "nom", fp_ref_name(s->ref));
	set_str(ref, "version", fp_ref_version(s->ref));
	json_object_set_new(root, "referentiel", ref);
	set_str(root, "date_evaluation", s->date);
	json_object_set_new(root, "comptes", counts_json(&s->counts));
	json_t *crits = json_array();
	for (size_t c = 0; c < v->ncrit; c++) {
		const struct fp_crit *cr = fp_ref_crit(s->ref, c);
		json_t *o = json_object();
		set_str(o, "code", cr->code);
		set_str(o, "libelle", cr->label);
		set_str(o, "unite", cr->unit);
		json_array_append_new(crits, o);
	}
	json_object_set_new(root, "criteres", crits);
	json_t *phases = json_array();
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		json_array_append_new(phases, json_string(fp_phase_code((enum fp_phase)p)));
	json_object_set_new(root, "etapes", phases);
	json_t *rows = json_array();
	for (size_t i = 0; i < s->nrows; i++) {
		const struct fp_agg_row *r = &s->rows[i];
		json_t *o = json_object();
		set_str(o, "dimension", r->dim);
		set_str(o, "cle", r->key);
		set_str(o, "critere", fp_ref_crit(s->ref, r->crit)->code);
		set_str(o, "etape", fp_phase_code(r->phase));
		json_object_set_new(o, "valeur", json_real(r->value));
		json_array_append_new(rows, o);
	}
	json_object_set_new(root, "resultats", rows);
	json_t *errs = json_array();
	for (size_t i = 0; i < s->nerrors; i++)
		json_array_append_new(errs, json_string(s->errors[i]));
	json_object_set_new(root, "erreurs", errs);
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (text) {
		buf_adds(out, text);
		buf_addc(out, '\n');
		free(text);
	}
}

void fp_render_csv(const struct fp_view *v, struct buf *out)
{
	const struct fp_summary *s = v->s;
	struct buf num = BUF_INIT;
	buf_adds(out, "\xEF\xBB\xBF"
		      "dimension;cle;critere;etape;valeur;unite\r\n");
	for (size_t i = 0; i < s->nrows; i++) {
		const struct fp_agg_row *r = &s->rows[i];
		const struct fp_crit *cr = fp_ref_crit(s->ref, r->crit);
		csv_write_guarded(out, r->dim, ';', 1);
		csv_write_guarded(out, r->key, ';', 0);
		csv_write_guarded(out, cr->label, ';', 0);
		csv_write_guarded(out, fp_phase_code(r->phase), ';', 0);
		buf_reset(&num);
		fmt_number_fr(&num, r->value);
		buf_addc(out, ';');
		buf_adds(out, num.ptr); /* a number: no formula guard */
		csv_write_guarded(out, cr->unit, ';', 0);
		buf_adds(out, "\r\n");
	}
	buf_free(&num);
}
