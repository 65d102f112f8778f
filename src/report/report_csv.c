/* report_csv.c: the consolidated review as a long-format CSV for spreadsheets.
 *
 * UTF-8 with BOM, ';' delimiter, CRLF line ends (like numeco's other exports,
 * what French spreadsheets expect). One row per figure, so a pivot table or a
 * filter gives any view, and files of several periods can be concatenated:
 *
 *   periode;perimetre;section;code1;libelle1;code2;libelle2;valeur;unite
 *
 *   periode    the period ("2022")
 *   perimetre  "" national, else the ministry code the report is scoped to
 *   section    which figure (below)
 *   code1/libelle1, code2/libelle2  the two keys of the figure, as a stable
 *              code and a French label (empty when the figure has one key)
 *   valeur     the number, decimal comma, no grouping; empty for a share
 *              of realised actions when there is no action
 *   unite      nombre, %, tCO2e, MWh, EUR, EUR/tCO2e or booleen
 *
 * Sections, in this order:
 *   chiffres_cles     code1 = ministeres_total, ministeres_avec_feuille,
 *                     actions, actions_realisees, part_realisees,
 *                     actions_cles, actions_cles_estimees,
 *                     impact_evite_ges (tCO2e), energie_economisee (MWh),
 *                     budget (EUR)
 *   statut            code1 = status: number of actions
 *   theme_statut      code1 = theme, code2 = status: number of actions
 *   niveau_statut     code1 = target level, code2 = status
 *   ministere_statut  code1 = ministry, code2 = status
 *   ministere         code1 = ministry, code2 = feuille_de_route (1/0, its
 *                     review state in libelle2), actions, part_realisees,
 *                     actions_cles, impact_evite_ges (tCO2e, key actions)
 *   impact_cles_theme code1 = theme: avoided tCO2e of key actions
 *   classement_ges    code1 = ministry, code2 = action reference (title in
 *                     libelle2): avoided tCO2e, rows in rank order
 *   classement_cout   code1 = ministry, code2 = action reference (title in
 *                     libelle2): cost per tonne avoided (budget / avoided
 *                     tCO2e, EUR/tCO2e), actions with a budget and a GHG
 *                     estimate, cheapest first
 *   empreinte_*       IT fleet footprint from the stored evaluations, code1 =
 *                     ministry, code2 = year, libelle2 = the referential(s) of
 *                     the evaluation, then the organisations evaluated when
 *                     not the ministry itself, then why there is no figure
 *                     when there is none ("aucune évaluation" without one);
 *                     year by year, ministries in order:
 *     empreinte_evaluation    1/0 (booleen), every ministry and year
 *     empreinte_equipements   physical equipment lines (nombre)
 *     empreinte_erreurs       indicators in error (nombre)
 *     empreinte_ges_fabrication, _distribution, _utilisation, _fin_de_vie
 *                             climate change by phase (tCO2e), when there is
 *                             a figure
 *     empreinte_ges           climate change, yearly total (tCO2e), empty
 *                             when there is no figure
 *                     No empreinte_* row when no evaluation is stored for the
 *                     period.
 *   indicateur_*      the common indicators (only when the report has the
 *                     indicators section), year by year, in catalogue order:
 *                     code1 = indicator code, libelle1 = its label, code2 =
 *                     year, libelle2 = the completeness ("2 ministères sur 3,
 *                     dont 1 validé") or, in a scoped report, the state of the
 *                     ministry's collection; unite = the indicator's unit:
 *     indicateur_valeur       the national value (scoped: the ministry's),
 *                             empty when there is none
 *     indicateur_ministeres   ministries counted in the national value
 *                             (nombre), national reports only
 *     indicateur_cible        the target of the year, when there is one
 *     indicateur_ecart        value minus target, when both exist
 *                     Indicator values have at most 6 decimals.
 *   rgesn             the ecodesign of services (only when the report has
 *                     that section): code1 = ministry ("" and libelle1
 *                     "Ensemble" for the whole report), code2 = services,
 *                     services_evalues (nombre), score_moyen (%, empty
 *                     without an assessed service), tranche_0_25,
 *                     tranche_25_50, tranche_50_75, tranche_75_100
 *                     (assessed services whose score is in [0, 25) … [75,
 *                     100], nombre)
 *   rgesn_critere     code1 = criterion id, libelle1 = its title: number
 *                     of assessed services answering non conforme, most
 *                     failed first
 * Totals are not repeated (sum the rows). Numbers: % with 1 decimal, tCO2e
 * and MWh with 3, EUR and EUR/tCO2e with 2. Text fields starting with = + - @
 * get a leading apostrophe so spreadsheets never run them as formulas
 * (csv_write_guarded). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "io/csv.h"
#include "io/parse.h"
#include "report/fmt.h"
#include "report/report_int.h"

struct csv_ctx {
	const struct cons_input *in;
	struct buf *out;
};

/* One row: the fixed leading columns, the keys, the value already
 * formatted, the unit. */
static void csv_row(const struct csv_ctx *c, const char *section, const char *code1,
		    const char *label1, const char *code2, const char *label2, const char *value,
		    const char *unit)
{
	const char *fields[] = { c->in->period, c->in->scope, section, code1, label1,
				 code2,		label2,	      value,   unit };
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		/* The value is a number formatted by numeco: never guarded, so
		 * that a negative one stays a number. */
		if (i == 7)
			csv_write_field(c->out, fields[i], ';', 0);
		else
			csv_write_guarded(c->out, fields[i], ';', i == 0);
	}
	buf_adds(c->out, "\r\n");
}

static void csv_count(const struct csv_ctx *c, const char *section, const char *code1,
		      const char *label1, const char *code2, const char *label2, size_t n)
{
	char v[32];
	snprintf(v, sizeof(v), "%zu", n);
	csv_row(c, section, code1, label1, code2, label2, v, "nombre");
}

static void csv_real(const struct csv_ctx *c, const char *section, const char *code1,
		     const char *label1, const char *code2, const char *label2, double v,
		     int decimals, const char *unit)
{
	struct buf b = BUF_INIT;
	fmt_plain(&b, v, decimals, ',');
	csv_row(c, section, code1, label1, code2, label2, b.ptr, unit);
	buf_free(&b);
}

static double csv_share(const size_t *by_status, size_t total)
{
	return total ? (double)by_status[STATUS_REALISEE] / (double)total : 0;
}

static void csv_key_figures(const struct csv_ctx *c, const struct cons_result *r)
{
	const char *s = "chiffres_cles";
	csv_count(c, s, "ministeres_total", "Ministères", "", "", r->ministries_total);
	csv_count(c, s, "ministeres_avec_feuille", "Ministères ayant une feuille de route", "", "",
		  r->ministries_with_roadmap);
	csv_count(c, s, "actions", "Actions", "", "", r->actions);
	csv_count(c, s, "actions_realisees", "Actions réalisées", "", "", r->realised);
	if (r->actions)
		csv_real(c, s, "part_realisees", "Part des actions réalisées", "", "",
			 r->share_realised * 100, 1, "%");
	else
		csv_row(c, s, "part_realisees", "Part des actions réalisées", "", "", "", "%");
	csv_count(c, s, "actions_cles", "Actions clés", "", "", r->key_actions);
	csv_count(c, s, "actions_cles_estimees", "Actions clés avec une estimation d'impact évité",
		  "", "", r->key_with_estimate);
	csv_real(c, s, "impact_evite_ges", "Impact évité estimé des actions clés", "", "",
		 r->key_ghg_t, 3, REPORT_UNIT_GHG);
	csv_real(c, s, "energie_economisee", "Énergie économisée estimée des actions clés", "", "",
		 r->key_energy_mwh, 3, REPORT_UNIT_ENERGY);
	struct buf b = BUF_INIT;
	/* Exact cents, without going through a double. */
	int64_t cents = r->budget_cents;
	uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	buf_addf(&b, "%s%llu,%02u", cents < 0 ? "-" : "", (unsigned long long)(mag / 100),
		 (unsigned)(mag % 100));
	csv_row(c, s, "budget", "Budget connu des actions", "", "", b.ptr, "EUR");
	buf_free(&b);
}

static void csv_status_rows(const struct csv_ctx *c, const char *section, const char *code1,
			    const char *label1, const size_t *by_status)
{
	for (int st = 0; st < STATUS_COUNT; st++)
		csv_count(c, section, code1, label1, status_code((enum status)st),
			  status_label((enum status)st), by_status[st]);
}

/* libelle2 of a ministry's footprint rows (see the top of this file). */
static void csv_fp_label(const struct cons_input *in, const struct cons_result *r,
			 const struct cons_fp_row *row, struct buf *out)
{
	report_fp_referentials(in, r, row, out);
	const struct cons_fp_eval *e = &in->fp_evals[r->fp_evals[row->first]];
	if (row->n > 1 || strcmp(e->org_code, in->ministries[row->ministry].code) != 0) {
		buf_adds(out, row->n > 1 ? " — évaluations de " : " — évaluation de ");
		for (size_t k = row->first; k < row->first + row->n; k++) {
			if (k > row->first)
				buf_adds(out, ", ");
			buf_adds(out, in->fp_evals[r->fp_evals[k]].org_code);
		}
	}
	if (row->state != CONS_FP_OK) {
		buf_adds(out, " (");
		report_fp_no_figure(in, row, out);
		buf_addc(out, ')');
	}
}

static void csv_fp_row(const struct csv_ctx *c, const struct cons_result *r,
		       const struct cons_fp_row *row, const char *year)
{
	const struct cons_input *in = c->in;
	const char *code = in->ministries[row->ministry].code;
	const char *name = report_ministry_name(in, row->ministry);
	struct buf label = BUF_INIT, sec = BUF_INIT;
	csv_fp_label(in, r, row, &label);
	csv_row(c, "empreinte_evaluation", code, name, year, label.ptr, "1", "booleen");
	csv_count(c, "empreinte_equipements", code, name, year, label.ptr,
		  row->physical > 0 ? (size_t)row->physical : 0);
	csv_count(c, "empreinte_erreurs", code, name, year, label.ptr,
		  row->errors > 0 ? (size_t)row->errors : 0);
	if (row->state == CONS_FP_OK) {
		for (int p = 0; p < FP_PHASE_COUNT; p++) {
			buf_reset(&sec);
			buf_adds(&sec, "empreinte_ges_");
			for (const char *q = fp_phase_code((enum fp_phase)p); *q; q++)
				buf_addc(&sec,
					 *q >= 'A' && *q <= 'Z' ? (char)(*q - 'A' + 'a') : *q);
			csv_real(c, sec.ptr, code, name, year, label.ptr, row->by_phase_t[p], 3,
				 REPORT_UNIT_GHG);
		}
		csv_real(c, "empreinte_ges", code, name, year, label.ptr, row->total_t, 3,
			 REPORT_UNIT_GHG);
	} else {
		csv_row(c, "empreinte_ges", code, name, year, label.ptr, "", REPORT_UNIT_GHG);
	}
	buf_free(&label);
	buf_free(&sec);
}

static void csv_footprint(const struct csv_ctx *c, const struct cons_result *r)
{
	const struct cons_input *in = c->in;
	for (size_t i = 0; i < r->nfp_years; i++) {
		const struct cons_fp_year *y = &r->fp_years[i];
		char year[16];
		snprintf(year, sizeof(year), "%d", y->year);
		size_t row = y->first_row, end = y->first_row + y->nrows;
		for (size_t m = 0; m < in->nministries; m++) {
			if (row < end && r->fp_rows[row].ministry == m) {
				csv_fp_row(c, r, &r->fp_rows[row++], year);
				continue;
			}
			csv_row(c, "empreinte_evaluation", in->ministries[m].code,
				report_ministry_name(in, m), year, "aucune évaluation", "0",
				"booleen");
		}
	}
}

/* A value of an indicator: at most 6 decimals, no trailing zeros. */
static void csv_ind(const struct csv_ctx *c, const char *section, const struct report_ind_fig *f,
		    const char *year, const char *label2, int has, double v)
{
	struct buf b = BUF_INIT;
	if (has)
		fmt_number_fr(&b, round(v * 1e6) / 1e6);
	csv_row(c, section, f->d->code, f->d->label, year, label2, b.ptr, f->d->unit);
	buf_free(&b);
}

static void csv_indicators(const struct csv_ctx *c, const struct ind_table *t)
{
	struct buf status = BUF_INIT;
	for (int y = t->year_from; y <= t->year_to; y++) {
		char year[16];
		snprintf(year, sizeof(year), "%d", y);
		for (size_t i = 0; i < t->cat->n; i++) {
			struct report_ind_fig f;
			report_ind_fig(c->in, t, i, y, &f);
			buf_reset(&status);
			report_ind_status_text(&f, &status);
			csv_ind(c, "indicateur_valeur", &f, year, status.ptr, f.has_value, f.value);
			if (!f.scoped)
				csv_count(c, "indicateur_ministeres", f.d->code, f.d->label, year,
					  status.ptr, f.r.counted);
			if (f.has_target)
				csv_ind(c, "indicateur_cible", &f, year, status.ptr, 1, f.target);
			if (f.has_gap)
				csv_ind(c, "indicateur_ecart", &f, year, status.ptr, 1, f.gap);
		}
	}
	buf_free(&status);
}

/* The figures of one ministry (or of the whole report) of the ecodesign
 * section. */
static void csv_rg_group(const struct csv_ctx *c, const struct rg_cons_group *g, const char *code,
			 const char *name)
{
	static const char *const codes[RG_DIST_N] = { "tranche_0_25", "tranche_25_50",
						      "tranche_50_75", "tranche_75_100" };
	static const char *const labels[RG_DIST_N] = {
		"Services évalués au score de moins de 25 %",
		"Services évalués au score de 25 à moins de 50 %",
		"Services évalués au score de 50 à moins de 75 %",
		"Services évalués au score de 75 % et plus",
	};
	csv_count(c, "rgesn", code, name, "services", "Services enregistrés", g->services);
	csv_count(c, "rgesn", code, name, "services_evalues", "Services évalués", g->assessed);
	if (g->has_average)
		csv_real(c, "rgesn", code, name, "score_moyen", "Score moyen des services évalués",
			 g->average, 1, "%");
	else
		csv_row(c, "rgesn", code, name, "score_moyen", "Score moyen des services évalués",
			"", "%");
	for (size_t b = 0; b < RG_DIST_N; b++)
		csv_count(c, "rgesn", code, name, codes[b], labels[b], g->dist[b]);
}

static void csv_rgesn(const struct csv_ctx *c, const struct rg_cons *rg)
{
	for (size_t g = 0; g < rg->ngroups; g++)
		csv_rg_group(c, &rg->groups[g], rg->groups[g].code, rg->groups[g].name);
	csv_rg_group(c, &rg->national, "", "Ensemble");
	for (size_t i = 0; i < rg->nfailed; i++)
		csv_count(c, "rgesn_critere", rg->failed[i].criterion, rg->failed[i].title, "", "",
			  rg->failed[i].count);
}

void report_csv(const struct cons_input *in, const struct cons_result *r,
		const struct ind_table *ind, const struct rg_cons *rg, struct buf *out)
{
	struct csv_ctx c = { in, out };
	buf_adds(out, "\xef\xbb\xbf"
		      "periode;perimetre;section;code1;libelle1;code2;libelle2;"
		      "valeur;unite\r\n");
	csv_key_figures(&c, r);
	for (int st = 0; st < STATUS_COUNT; st++)
		csv_count(&c, "statut", status_code((enum status)st), status_label((enum status)st),
			  "", "", r->status_total[st]);
	for (int t = 0; t < THEME_COUNT; t++)
		csv_status_rows(&c, "theme_statut", theme_code((enum theme)t),
				theme_label((enum theme)t), r->theme_status[t]);
	for (int l = 0; l < LEVEL_COUNT; l++)
		csv_status_rows(&c, "niveau_statut", level_code((enum level)l),
				level_label((enum level)l), r->level_status[l]);
	for (size_t m = 0; m < in->nministries; m++)
		csv_status_rows(&c, "ministere_statut", in->ministries[m].code,
				report_ministry_name(in, m), r->by_ministry[m].by_status);
	for (size_t m = 0; m < in->nministries; m++) {
		const struct cons_ministry *cm = &in->ministries[m];
		const struct cons_ministry_row *row = &r->by_ministry[m];
		const char *name = report_ministry_name(in, m);
		csv_row(&c, "ministere", cm->code, name, "feuille_de_route", report_state_label(cm),
			cm->has_roadmap ? "1" : "0", "booleen");
		csv_count(&c, "ministere", cm->code, name, "actions", "Actions", row->actions);
		if (row->actions)
			csv_real(&c, "ministere", cm->code, name, "part_realisees",
				 "Part des actions réalisées",
				 csv_share(row->by_status, row->actions) * 100, 1, "%");
		else
			csv_row(&c, "ministere", cm->code, name, "part_realisees",
				"Part des actions réalisées", "", "%");
		csv_count(&c, "ministere", cm->code, name, "actions_cles", "Actions clés",
			  row->key);
		csv_real(&c, "ministere", cm->code, name, "impact_evite_ges",
			 "Impact évité estimé des actions clés", row->ghg_avoided_t, 3,
			 REPORT_UNIT_GHG);
	}
	for (int t = 0; t < THEME_COUNT; t++)
		csv_real(&c, "impact_cles_theme", theme_code((enum theme)t),
			 theme_label((enum theme)t), "", "", r->key_ghg_by_theme_t[t], 3,
			 REPORT_UNIT_GHG);
	for (size_t i = 0; i < r->ntop_ghg; i++) {
		const struct cons_action *a = &in->actions[r->top_ghg[i].action];
		const char *code =
			a->ministry < in->nministries ? in->ministries[a->ministry].code : "";
		csv_real(&c, "classement_ges", code, report_ministry_name(in, a->ministry), a->ref,
			 a->title, r->top_ghg[i].value_report, 3, REPORT_UNIT_GHG);
	}
	for (size_t i = 0; i < r->ntop_cost; i++) {
		const struct cons_action *a = &in->actions[r->top_cost[i].action];
		const char *code =
			a->ministry < in->nministries ? in->ministries[a->ministry].code : "";
		csv_real(&c, "classement_cout", code, report_ministry_name(in, a->ministry), a->ref,
			 a->title, r->top_cost[i].eur_per_t, 2, "EUR/tCO2e");
	}
	csv_footprint(&c, r);
	if (ind)
		csv_indicators(&c, ind);
	if (rg)
		csv_rgesn(&c, rg);
}
