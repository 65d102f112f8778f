/* report.c: report format names, dispatch, and the pieces every format shares.
 */
#include "report/report.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "report/fmt.h"
#include "report/report_int.h"

int report_format_parse(const char *s, enum report_format *out)
{
	static const struct {
		const char *name;
		enum report_format fmt;
	} names[] = {
		{ "md", REPORT_MD },	 { "markdown", REPORT_MD }, { "html", REPORT_HTML },
		{ "json", REPORT_JSON }, { "csv", REPORT_CSV },
	};
	if (!s)
		return -1;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcasecmp(s, names[i].name) == 0) {
			*out = names[i].fmt;
			return 0;
		}
	}
	return -1;
}

void report_render(const struct cons_input *in, const struct cons_result *res,
		   enum report_format fmt, struct buf *out)
{
	report_render_ind(in, res, NULL, fmt, out);
}

void report_render_ind(const struct cons_input *in, const struct cons_result *res,
		       const struct ind_table *ind, enum report_format fmt, struct buf *out)
{
	report_render_full(in, res, ind, NULL, fmt, out);
}

void report_render_full(const struct cons_input *in, const struct cons_result *res,
			const struct ind_table *ind, const struct rg_cons *rg,
			enum report_format fmt, struct buf *out)
{
	switch (fmt) {
	case REPORT_MD: report_md(in, res, ind, rg, out); break;
	case REPORT_HTML: report_html(in, res, ind, rg, out); break;
	case REPORT_JSON: report_json(in, res, ind, rg, out); break;
	case REPORT_CSV: report_csv(in, res, ind, rg, out); break;
	}
}

int report_is_scoped(const struct cons_input *in)
{
	return in->scope && in->scope[0];
}

const struct cons_ministry *report_scope(const struct cons_input *in)
{
	if (!report_is_scoped(in))
		return NULL;
	for (size_t i = 0; i < in->nministries; i++)
		if (in->ministries[i].code && strcmp(in->ministries[i].code, in->scope) == 0)
			return &in->ministries[i];
	return NULL;
}

const char *report_ministry_name(const struct cons_input *in, size_t m)
{
	if (m >= in->nministries)
		return "?";
	const struct cons_ministry *min = &in->ministries[m];
	if (min->name && min->name[0])
		return min->name;
	return min->code ? min->code : "";
}

const char *report_state_label(const struct cons_ministry *m)
{
	return m->has_roadmap ? rstate_label(m->state) : "Aucune";
}

void report_title(const struct cons_input *in, struct buf *out)
{
	if (report_is_scoped(in)) {
		const struct cons_ministry *m = report_scope(in);
		buf_adds(out, "Bilan de la feuille de route — ");
		buf_adds(out, m && m->name && m->name[0] ? m->name : in->scope);
	} else {
		buf_adds(out, "Bilan consolidé des feuilles de route");
	}
	if (in->period && in->period[0]) {
		buf_adds(out, " — période ");
		buf_adds(out, in->period);
	}
}

void report_subtitle(const struct cons_input *in, struct buf *out)
{
	if (report_is_scoped(in)) {
		buf_adds(out, "Périmètre : ");
		const struct cons_ministry *m = report_scope(in);
		buf_adds(out, m && m->name && m->name[0] ? m->name : in->scope);
		buf_addf(out, " (%s)", in->scope);
	} else {
		buf_adds(out, "Périmètre : ensemble des ministères (");
		fmt_count(out, in->nministries);
		buf_adds(out, in->nministries > 1 ? " ministères)" : " ministère)");
	}
	buf_adds(out, ". Sources : feuilles de route déclarées par les ministères.");
}

void report_fmt_impact(struct buf *out, double v)
{
	if (isfinite(v) && v > 0 && v < 0.05)
		buf_adds(out, "<" FMT_NBSP "0,1");
	else
		fmt_dec(out, v, 1);
}

void report_fmt_cost(struct buf *out, double eur_per_t)
{
	if (isfinite(eur_per_t) && eur_per_t > 0 && eur_per_t < 0.5)
		buf_adds(out, "<" FMT_NBSP "1");
	else
		fmt_dec(out, eur_per_t, 0);
}

static struct report_kv *report_kv_next(struct report_kv *kv, size_t *n, const char *label)
{
	struct report_kv *k = &kv[(*n)++];
	k->label = label;
	buf_init(&k->value);
	return k;
}

size_t report_key_figures(const struct cons_input *in, const struct cons_result *res,
			  struct report_kv *kv)
{
	size_t n = 0;
	struct report_kv *k;
	if (report_is_scoped(in)) {
		const struct cons_ministry *m = report_scope(in);
		k = report_kv_next(kv, &n, "Feuille de route de la période");
		if (m && m->has_roadmap) {
			buf_adds(&k->value, "oui, état : ");
			buf_adds(&k->value, rstate_label(m->state));
		} else {
			buf_adds(&k->value, "non");
		}
	} else {
		k = report_kv_next(kv, &n, "Ministères ayant une feuille de route");
		fmt_count(&k->value, res->ministries_with_roadmap);
		buf_adds(&k->value, " sur ");
		fmt_count(&k->value, res->ministries_total);
	}
	k = report_kv_next(kv, &n, "Actions");
	fmt_count(&k->value, res->actions);
	k = report_kv_next(kv, &n, "Actions réalisées");
	fmt_count(&k->value, res->realised);
	if (res->actions) {
		buf_adds(&k->value, ", soit ");
		fmt_pct(&k->value, res->share_realised, 1);
	}
	k = report_kv_next(kv, &n, "Actions clés");
	fmt_count(&k->value, res->key_actions);
	buf_adds(&k->value, ", dont ");
	fmt_count(&k->value, res->key_with_estimate);
	buf_adds(&k->value, " avec une estimation d'impact évité");
	k = report_kv_next(kv, &n, "Impact évité estimé des actions clés");
	report_fmt_impact(&k->value, res->key_ghg_t);
	buf_adds(&k->value, FMT_NBSP REPORT_UNIT_GHG);
	if (res->key_energy_mwh > 0) {
		k = report_kv_next(kv, &n, "Énergie économisée estimée des actions clés");
		report_fmt_impact(&k->value, res->key_energy_mwh);
		buf_adds(&k->value, FMT_NBSP REPORT_UNIT_ENERGY);
	}
	k = report_kv_next(kv, &n, "Budget connu des actions");
	fmt_euros(&k->value, res->budget_cents);
	return n;
}

void report_kv_free(struct report_kv *kv, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_free(&kv[i].value);
}

const char report_cost_note[] =
	"Le coût de la tonne évitée est le budget de l'action divisé par son "
	"impact évité estimé "
	"(budget ÷ impact évité estimé, en euros par tonne équivalent CO2). Seules "
	"les actions, "
	"clés ou non, ayant à la fois un budget et une estimation en équivalent "
	"CO2 sont classées, "
	"de la moins chère à la plus chère. Ce ratio rapproche des estimations le "
	"plus souvent "
	"annuelles de budgets le plus souvent totaux : c'est un indicateur pour "
	"comparer les "
	"actions entre elles, pas une évaluation économique.";
const char report_cost_none[] = "Aucune action n'a à la fois un budget et une "
				"estimation d'impact évité en équivalent CO2.";

const char report_fp_intro[] =
	"Changement climatique : total annuel en tonnes équivalent CO2 "
	"(" REPORT_UNIT_GHG ") et sa répartition par étape du cycle de vie, "
	"d'après les évaluations du parc "
	"enregistrées avec numeco footprint import ; le référentiel utilisé est "
	"indiqué sur "
	"chaque ligne.";
const char report_fp_none[] = "Aucune évaluation de l'empreinte du parc informatique n'est "
			      "enregistrée pour la période (numeco footprint import).";

const char *const report_fp_cols[REPORT_FP_NCOLS] = {
	"Ministère",
	"Référentiel",
	"Équipements physiques",
	"Indicateurs en erreur",
	"Fabrication (" REPORT_UNIT_GHG ")",
	"Distribution (" REPORT_UNIT_GHG ")",
	"Utilisation (" REPORT_UNIT_GHG ")",
	"Fin de vie (" REPORT_UNIT_GHG ")",
	"Total (" REPORT_UNIT_GHG ")",
};

void report_fmt_fp(struct buf *out, double t)
{
	report_fmt_impact(out, t);
}

static const struct cons_fp_eval *report_fp_eval(const struct cons_input *in,
						 const struct cons_result *res, size_t k)
{
	return &in->fp_evals[res->fp_evals[k]];
}

void report_fp_ministry(const struct cons_input *in, const struct cons_result *res,
			const struct cons_fp_row *row, struct buf *out)
{
	buf_adds(out, report_ministry_name(in, row->ministry));
	const char *code = in->ministries[row->ministry].code;
	if (row->n == 1 && strcmp(report_fp_eval(in, res, row->first)->org_code, code) == 0)
		return;
	buf_adds(out, row->n > 1 ? " — évaluations de " : " — évaluation de ");
	for (size_t k = row->first; k < row->first + row->n; k++) {
		if (k > row->first)
			buf_adds(out, ", ");
		buf_adds(out, report_fp_eval(in, res, k)->org_code);
	}
}

void report_fp_referentials(const struct cons_input *in, const struct cons_result *res,
			    const struct cons_fp_row *row, struct buf *out)
{
	for (size_t k = row->first; k < row->first + row->n; k++) {
		const char *name = report_fp_eval(in, res, k)->referential;
		size_t j = row->first;
		while (j < k && strcmp(report_fp_eval(in, res, j)->referential, name) != 0)
			j++;
		if (j < k)
			continue; /* already named */
		if (k > row->first)
			buf_adds(out, ", ");
		buf_adds(out, name);
	}
}

void report_fp_no_figure(const struct cons_input *in, const struct cons_fp_row *row,
			 struct buf *out)
{
	switch (row->state) {
	case CONS_FP_OK: break;
	case CONS_FP_NO_CLIMATE: buf_adds(out, "pas de critère changement climatique"); break;
	case CONS_FP_BAD_UNIT:
		buf_adds(out, "unité « ");
		buf_adds(out, row->has_unit ? in->fp_evals[row->unit_eval].climate_unit : "");
		buf_adds(out, " » non convertible en " REPORT_UNIT_GHG);
		break;
	case CONS_FP_LICENSED: buf_adds(out, "non diffusé (référentiel sous licence)"); break;
	}
}

void report_fp_total_label(const struct cons_input *in, const struct cons_fp_year *y,
			   struct buf *out)
{
	buf_adds(out, "Total national (");
	fmt_count(out, y->ministries_in_total);
	buf_adds(out, y->ministries_in_total > 1 ? " ministères sur " : " ministère sur ");
	fmt_count(out, in->nministries);
	buf_addc(out, ')');
}

int report_fp_has(const struct cons_result *res, const struct cons_fp_year *y, size_t m)
{
	for (size_t r = y->first_row; r < y->first_row + y->nrows; r++)
		if (res->fp_rows[r].ministry == m)
			return 1;
	return 0;
}

size_t report_fp_missing(const struct cons_input *in, const struct cons_result *res,
			 const struct cons_fp_year *y, struct buf *out)
{
	if (y->nrows == 0) {
		buf_addf(out, "Aucune évaluation enregistrée pour %d.", y->year);
		return 0;
	}
	if (report_is_scoped(in))
		return 0;
	size_t missing = 0;
	for (size_t m = 0; m < in->nministries; m++)
		missing += !report_fp_has(res, y, m);
	if (missing == 0)
		buf_addf(out, "Tous les ministères ont une évaluation enregistrée pour %d.",
			 y->year);
	else
		buf_addf(out, "%s sans évaluation enregistrée pour %d :",
			 missing > 1 ? "Ministères" : "Ministère", y->year);
	return missing;
}

const char *const report_method_notes[] = {
	"Sont comptées toutes les actions inscrites dans les feuilles de route de "
	"la période, "
	"quel que soit l'état de relecture de la feuille (brouillon, soumise, "
	"relue ou validée), "
	"état que ce bilan indique pour chaque feuille.",
	"La part réalisée rapporte le nombre d'actions au statut « Réalisée » au "
	"nombre total "
	"d'actions. Les pourcentages sont arrondis au dixième.",
	"Les impacts évités sont des estimations déclarées par les ministères, "
	"avec leur propre "
	"méthode ; ils ne sont ni mesurés ni vérifiés et donnent un ordre de "
	"grandeur. Le total ne "
	"porte que sur les actions clés ayant une estimation. Les estimations en "
	"kgCO2e sont "
	"converties en tCO2e et celles en kWh en MWh ; les gaz à effet de serre et "
	"l'énergie ne "
	"sont jamais additionnés.",
	"Le classement des actions au plus fort impact évité porte sur toutes les "
	"actions, clés ou "
	"non, ayant une estimation en équivalent CO2 ; à valeur égale, l'ordre "
	"suit le code du "
	"ministère puis la référence de l'action.",
	"Le classement par coût de la tonne évitée porte sur les actions, clés ou "
	"non, ayant à la "
	"fois un budget non nul et une estimation en équivalent CO2 ; le coût est "
	"le budget divisé "
	"par l'impact évité estimé converti en tCO2e. Il mêle des estimations le "
	"plus souvent "
	"annuelles et des budgets le plus souvent totaux : c'est un indicateur "
	"pour comparer les "
	"actions, pas une évaluation économique. À coût égal, l'ordre suit le code "
	"du ministère "
	"puis la référence de l'action.",
	"Le budget est la somme des budgets renseignés ; les actions sans budget "
	"n'y contribuent "
	"pas.",
	"L'empreinte du parc informatique reprend les évaluations enregistrées "
	"avec numeco "
	"footprint import (inventaire du parc évalué avec le référentiel nommé sur "
	"chaque ligne, "
	"formules dans docs/formulas.md) : total annuel du critère changement "
	"climatique, "
	"converti de kgCO2e en tCO2e. Un ministère sans évaluation propre est "
	"compté par la "
	"somme des évaluations de ses directions ; les valeurs calculées avec un "
	"référentiel "
	"sous licence ne sont pas diffusées dans ce bilan.",
};
const size_t report_nmethod_notes = sizeof(report_method_notes) / sizeof(report_method_notes[0]);
