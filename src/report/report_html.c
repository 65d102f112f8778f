/* report_html.c: the consolidated review as one standalone, printable,
 * accessible HTML page. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

#include "report/fmt.h"
#include "report/html.h"
#include "report/report_int.h"
#include "report/svg.h"

/* Every helper below writes data through html_esc. */
static void h_text(struct buf *out, const char *text)
{
	html_esc(out, text);
}

static void h_count(struct buf *out, size_t n)
{
	struct buf t = BUF_INIT;
	fmt_count(&t, n);
	html_esc(out, t.ptr);
	buf_free(&t);
}

static void h_pct(struct buf *out, double share)
{
	struct buf t = BUF_INIT;
	fmt_pct(&t, share, 1);
	html_esc(out, t.ptr);
	buf_free(&t);
}

static void h_impact(struct buf *out, double v)
{
	struct buf t = BUF_INIT;
	report_fmt_impact(&t, v);
	html_esc(out, t.ptr);
	buf_free(&t);
}

static void h_td_count(struct buf *out, size_t n)
{
	buf_adds(out, "<td class=\"n\">");
	h_count(out, n);
	buf_adds(out, "</td>");
}

static void h_td_pct(struct buf *out, double share)
{
	buf_adds(out, "<td class=\"n\">");
	h_pct(out, share);
	buf_adds(out, "</td>");
}

static void h_td_impact(struct buf *out, double v)
{
	buf_adds(out, "<td class=\"n\">");
	h_impact(out, v);
	buf_adds(out, "</td>");
}

static void h_table_close(struct buf *out)
{
	buf_adds(out, "</table></div>");
}

static double h_share(const size_t *by_status, size_t total)
{
	return total ? (double)by_status[STATUS_REALISEE] / (double)total : 0;
}

static void h_status_head(struct buf *out, const char *const *lead, size_t nlead,
			  const char *const *tail, size_t ntail)
{
	buf_adds(out, "<thead><tr>");
	for (size_t i = 0; i < nlead; i++)
		html_th_col(out, lead[i], 0);
	for (int s = 0; s < STATUS_COUNT; s++)
		html_th_col(out, status_label((enum status)s), 1);
	html_th_col(out, "Total", 1);
	html_th_col(out, "Part réalisée", 1);
	for (size_t i = 0; i < ntail; i++)
		html_th_col(out, tail[i], 1);
	buf_adds(out, "</tr></thead>");
}

static void h_status_cells(struct buf *out, const size_t *by_status, size_t total)
{
	for (int s = 0; s < STATUS_COUNT; s++)
		h_td_count(out, by_status[s]);
	h_td_count(out, total);
	if (total)
		h_td_pct(out, h_share(by_status, total));
	else
		buf_adds(out, "<td class=\"n\">—</td>");
}

/* A stacked chart of rows × statuses, from a count matrix. */
static void h_status_chart(struct buf *out, const char *id, const char *title, const char *desc,
			   const char *const *rows, size_t nrows, const size_t *counts)
{
	const char *series[STATUS_COUNT];
	for (int s = 0; s < STATUS_COUNT; s++)
		series[s] = status_label((enum status)s);
	double *values = xcalloc(nrows ? nrows * STATUS_COUNT : 1, sizeof(*values));
	for (size_t i = 0; i < nrows * STATUS_COUNT; i++)
		values[i] = (double)counts[i];
	struct svg_stack c = {
		.id = id,
		.title = title,
		.desc = desc,
		.nrows = nrows,
		.rows = rows,
		.nseries = STATUS_COUNT,
		.series = series,
		.values = values,
		.decimals = 0,
	};
	buf_adds(out, "<figure>");
	svg_stacked_chart(out, &c);
	buf_adds(out, "</figure>");
	free(values);
}

static void h_key_figures(const struct cons_input *in, const struct cons_result *res,
			  struct buf *out)
{
	struct report_kv kv[REPORT_MAX_KV];
	size_t n = report_key_figures(in, res, kv);
	html_section(out, "cles", REPORT_H_KEY);
	buf_adds(out, "<dl class=\"kpi\">");
	for (size_t i = 0; i < n; i++) {
		buf_adds(out, "<div><dt>");
		h_text(out, kv[i].label);
		buf_adds(out, "</dt><dd>");
		h_text(out, kv[i].value.ptr);
		buf_adds(out, "</dd></div>");
	}
	buf_adds(out, "</dl></section>");
	report_kv_free(kv, n);
}

static void h_themes(const struct cons_result *res, struct buf *out)
{
	static const char *const lead[] = { "Thème" };
	const char *rows[THEME_COUNT];
	size_t counts[THEME_COUNT * STATUS_COUNT];
	for (int t = 0; t < THEME_COUNT; t++) {
		rows[t] = theme_label((enum theme)t);
		memcpy(&counts[t * STATUS_COUNT], res->theme_status[t],
		       sizeof(res->theme_status[t]));
	}
	html_section(out, "themes", REPORT_H_THEME);
	if (res->actions > 0)
		h_status_chart(
			out, "g-themes", "Actions par thème et par statut",
			"Barres empilées : pour chacun des sept thèmes, nombre d'actions "
			"à lancer, en cours, réalisées, reportées et abandonnées. Les valeurs "
			"figurent dans le tableau qui suit.",
			rows, THEME_COUNT, counts);
	html_table_open(out, "themes", "Nombre d'actions par thème et par statut");
	h_status_head(out, lead, 1, NULL, 0);
	buf_adds(out, "<tbody>");
	for (int t = 0; t < THEME_COUNT; t++) {
		buf_adds(out, "<tr>");
		html_th_row(out, rows[t]);
		h_status_cells(out, res->theme_status[t], res->theme_total[t]);
		buf_adds(out, "</tr>");
	}
	buf_adds(out, "</tbody><tfoot><tr>");
	html_th_row(out, "Ensemble");
	h_status_cells(out, res->status_total, res->actions);
	buf_adds(out, "</tr></tfoot>");
	h_table_close(out);
	buf_adds(out, "</section>");
}

static void h_ministries(const struct cons_input *in, const struct cons_result *res,
			 struct buf *out)
{
	static const char *const lead[] = { "Ministère", "Feuille de route" };
	static const char *const tail[] = { "Actions clés",
					    "Impact évité des actions clés (" REPORT_UNIT_GHG ")" };
	size_t n = in->nministries;
	const char **rows = xcalloc(n ? n : 1, sizeof(*rows));
	size_t *counts = xcalloc(n ? n * STATUS_COUNT : 1, sizeof(*counts));
	for (size_t m = 0; m < n; m++) {
		rows[m] = report_ministry_name(in, m);
		memcpy(&counts[m * STATUS_COUNT], res->by_ministry[m].by_status,
		       sizeof(res->by_ministry[m].by_status));
	}
	html_section(out, "ministeres", REPORT_H_MINISTRY);
	if (res->actions > 0)
		h_status_chart(
			out, "g-ministeres", "Actions par ministère et par statut",
			"Barres empilées : pour chaque ministère, nombre d'actions à lancer, "
			"en cours, réalisées, reportées et abandonnées. Les valeurs et la part "
			"réalisée figurent dans le tableau qui suit.",
			rows, n, counts);
	html_table_open(out, "ministeres",
			"Nombre d'actions par ministère et par statut, part réalisée "
			"et actions clés");
	h_status_head(out, lead, 2, tail, 2);
	buf_adds(out, "<tbody>");
	for (size_t m = 0; m < n; m++) {
		const struct cons_ministry_row *row = &res->by_ministry[m];
		buf_adds(out, "<tr>");
		html_th_row(out, rows[m]);
		buf_adds(out, "<td>");
		h_text(out, report_state_label(&in->ministries[m]));
		buf_adds(out, "</td>");
		h_status_cells(out, row->by_status, row->actions);
		h_td_count(out, row->key);
		h_td_impact(out, row->ghg_avoided_t);
		buf_adds(out, "</tr>");
	}
	buf_adds(out, "</tbody><tfoot><tr>");
	html_th_row(out, "Ensemble");
	buf_adds(out, "<td></td>");
	h_status_cells(out, res->status_total, res->actions);
	h_td_count(out, res->key_actions);
	h_td_impact(out, res->key_ghg_t);
	buf_adds(out, "</tr></tfoot>");
	h_table_close(out);
	buf_adds(out, "</section>");
	free(rows);
	free(counts);
}

static void h_levels(const struct cons_result *res, struct buf *out)
{
	static const char *const lead[] = { "Niveau d'engagement visé" };
	html_section(out, "niveaux", REPORT_H_LEVEL);
	html_table_open(out, "niveaux",
			"Nombre d'actions par niveau d'engagement visé et par statut");
	h_status_head(out, lead, 1, NULL, 0);
	buf_adds(out, "<tbody>");
	for (int l = 0; l < LEVEL_COUNT; l++) {
		buf_adds(out, "<tr>");
		html_th_row(out, level_label((enum level)l));
		h_status_cells(out, res->level_status[l], res->level_total[l]);
		buf_adds(out, "</tr>");
	}
	buf_adds(out, "</tbody><tfoot><tr>");
	html_th_row(out, "Ensemble");
	h_status_cells(out, res->status_total, res->actions);
	buf_adds(out, "</tr></tfoot>");
	h_table_close(out);
	buf_adds(out, "</section>");
}

static void h_key_themes(const struct cons_result *res, struct buf *out)
{
	const char *rows[THEME_COUNT];
	struct buf texts[THEME_COUNT];
	const char *value_texts[THEME_COUNT];
	for (int t = 0; t < THEME_COUNT; t++) {
		rows[t] = theme_label((enum theme)t);
		buf_init(&texts[t]);
		report_fmt_impact(&texts[t], res->key_ghg_by_theme_t[t]);
		buf_adds(&texts[t], FMT_NBSP REPORT_UNIT_GHG);
		value_texts[t] = texts[t].ptr;
	}
	html_section(out, "impact-themes", REPORT_H_KEY_THEME);
	if (res->key_ghg_t > 0) {
		struct svg_hbar c = {
			.id = "g-impact",
			.title = "Impact évité estimé des actions clés, par thème",
			.desc = "Barres horizontales : pour chacun des sept thèmes, somme des "
				"impacts évités estimés des actions clés, en tonnes équivalent "
				"CO2. "
				"Les valeurs figurent dans le tableau qui suit.",
			.n = THEME_COUNT,
			.labels = rows,
			.values = res->key_ghg_by_theme_t,
			.value_texts = value_texts,
		};
		buf_adds(out, "<figure>");
		svg_hbar_chart(out, &c);
		buf_adds(out, "</figure>");
	}
	html_table_open(out, "impact-themes",
			"Impact évité estimé des actions clés par thème, en tonnes "
			"équivalent CO2");
	buf_adds(out, "<thead><tr>");
	html_th_col(out, "Thème", 0);
	html_th_col(out, "Impact évité estimé (" REPORT_UNIT_GHG ")", 1);
	html_th_col(out, "Part du total", 1);
	buf_adds(out, "</tr></thead><tbody>");
	for (int t = 0; t < THEME_COUNT; t++) {
		buf_adds(out, "<tr>");
		html_th_row(out, rows[t]);
		h_td_impact(out, res->key_ghg_by_theme_t[t]);
		if (res->key_ghg_t > 0)
			h_td_pct(out, res->key_ghg_by_theme_t[t] / res->key_ghg_t);
		else
			buf_adds(out, "<td class=\"n\">—</td>");
		buf_adds(out, "</tr>");
		buf_free(&texts[t]);
	}
	buf_adds(out, "</tbody><tfoot><tr>");
	html_th_row(out, "Ensemble");
	h_td_impact(out, res->key_ghg_t);
	if (res->key_ghg_t > 0)
		h_td_pct(out, 1);
	else
		buf_adds(out, "<td class=\"n\">—</td>");
	buf_adds(out, "</tr></tfoot>");
	h_table_close(out);
	buf_adds(out, "</section>");
}

static void h_top(const struct cons_input *in, const struct cons_result *res, struct buf *out)
{
	html_section(out, "top", REPORT_H_TOP);
	if (res->ntop_ghg == 0) {
		buf_adds(out, "<p>Aucune action n'a d'estimation d'impact évité en équivalent "
			      "CO2.</p></section>");
		return;
	}
	html_table_open(out, "top", "Actions classées par impact évité estimé, clés ou non");
	buf_adds(out, "<thead><tr>");
	html_th_col(out, "Rang", 1);
	html_th_col(out, "Ministère", 0);
	html_th_col(out, "Référence", 0);
	html_th_col(out, "Action", 0);
	html_th_col(out, "Impact évité estimé (" REPORT_UNIT_GHG ")", 1);
	html_th_col(out, "Méthode d'estimation", 0);
	buf_adds(out, "</tr></thead><tbody>");
	for (size_t i = 0; i < res->ntop_ghg; i++) {
		const struct cons_action *a = &in->actions[res->top_ghg[i].action];
		buf_adds(out, "<tr>");
		h_td_count(out, i + 1);
		buf_adds(out, "<td>");
		h_text(out, report_ministry_name(in, a->ministry));
		buf_adds(out, "</td><td>");
		h_text(out, a->ref);
		buf_adds(out, "</td><th scope=\"row\">");
		h_text(out, a->title);
		buf_adds(out, "</th>");
		h_td_impact(out, res->top_ghg[i].value_report);
		buf_adds(out, "<td>");
		h_text(out, a->impact_method && a->impact_method[0] ? a->impact_method : "—");
		buf_adds(out, "</td></tr>");
	}
	buf_adds(out, "</tbody>");
	h_table_close(out);
	buf_adds(out, "</section>");
}

static void h_cost(const struct cons_input *in, const struct cons_result *res, struct buf *out)
{
	html_section(out, "cout", REPORT_H_COST);
	buf_adds(out, "<p>");
	h_text(out, res->ntop_cost ? report_cost_note : report_cost_none);
	buf_adds(out, "</p>");
	if (res->ntop_cost == 0) {
		buf_adds(out, "</section>");
		return;
	}
	html_table_open(out, "cout",
			"Actions classées par coût de la tonne évitée, de la moins "
			"chère à la plus "
			"chère, en euros par tonne équivalent CO2");
	buf_adds(out, "<thead><tr>");
	html_th_col(out, "Rang", 1);
	html_th_col(out, "Ministère", 0);
	html_th_col(out, "Référence", 0);
	html_th_col(out, "Action", 0);
	html_th_col(out, "Budget", 1);
	html_th_col(out, "Impact évité estimé (" REPORT_UNIT_GHG ")", 1);
	html_th_col(out, "Coût de la tonne évitée (" REPORT_UNIT_COST ")", 1);
	buf_adds(out, "</tr></thead><tbody>");
	struct buf t = BUF_INIT;
	for (size_t i = 0; i < res->ntop_cost; i++) {
		const struct cons_cost *c = &res->top_cost[i];
		const struct cons_action *a = &in->actions[c->action];
		buf_adds(out, "<tr>");
		h_td_count(out, i + 1);
		buf_adds(out, "<td>");
		h_text(out, report_ministry_name(in, a->ministry));
		buf_adds(out, "</td><td>");
		h_text(out, a->ref);
		buf_adds(out, "</td><th scope=\"row\">");
		h_text(out, a->title);
		buf_adds(out, "</th><td class=\"n\">");
		buf_reset(&t);
		fmt_euros(&t, c->budget_cents);
		h_text(out, t.ptr);
		buf_adds(out, "</td>");
		h_td_impact(out, c->value_t);
		buf_adds(out, "<td class=\"n\">");
		buf_reset(&t);
		report_fmt_cost(&t, c->eur_per_t);
		h_text(out, t.ptr);
		buf_adds(out, "</td></tr>");
	}
	buf_free(&t);
	buf_adds(out, "</tbody>");
	h_table_close(out);
	buf_adds(out, "</section>");
}

static void h_td_fp(struct buf *out, double t)
{
	struct buf b = BUF_INIT;
	report_fmt_fp(&b, t);
	buf_adds(out, "<td class=\"n\">");
	h_text(out, b.ptr);
	buf_adds(out, "</td>");
	buf_free(&b);
}

static void h_td_count64(struct buf *out, int64_t n)
{
	h_td_count(out, n > 0 ? (size_t)n : 0);
}

static void h_fp_cells(struct buf *out, int64_t physical, int64_t errors, const double *by_phase,
		       double total)
{
	h_td_count64(out, physical);
	h_td_count64(out, errors);
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		h_td_fp(out, by_phase[p]);
	h_td_fp(out, total);
}

static void h_fp_table(const struct cons_input *in, const struct cons_result *res,
		       const struct cons_fp_year *y, struct buf *out)
{
	struct buf id = BUF_INIT, t = BUF_INIT;
	buf_addf(&id, "empreinte-%d", y->year);
	buf_addf(&t,
		 "Empreinte du parc informatique en %d : changement climatique, "
		 "total annuel et "
		 "répartition par étape du cycle de vie, en tonnes équivalent CO2",
		 y->year);
	html_table_open(out, id.ptr, t.ptr);
	buf_adds(out, "<thead><tr>");
	for (size_t c = 0; c < REPORT_FP_NCOLS; c++)
		html_th_col(out, report_fp_cols[c], c >= 2);
	buf_adds(out, "</tr></thead><tbody>");
	for (size_t r = y->first_row; r < y->first_row + y->nrows; r++) {
		const struct cons_fp_row *row = &res->fp_rows[r];
		buf_adds(out, "<tr>");
		buf_reset(&t);
		report_fp_ministry(in, res, row, &t);
		html_th_row(out, t.ptr);
		buf_adds(out, "<td>");
		buf_reset(&t);
		report_fp_referentials(in, res, row, &t);
		h_text(out, t.ptr);
		buf_adds(out, "</td>");
		if (row->state == CONS_FP_OK) {
			h_fp_cells(out, row->physical, row->errors, row->by_phase_t, row->total_t);
		} else {
			h_td_count64(out, row->physical);
			h_td_count64(out, row->errors);
			for (int p = 0; p < FP_PHASE_COUNT; p++)
				buf_adds(out, "<td class=\"n\">—</td>");
			buf_adds(out, "<td>");
			buf_reset(&t);
			report_fp_no_figure(in, row, &t);
			h_text(out, t.ptr);
			buf_adds(out, "</td>");
		}
		buf_adds(out, "</tr>");
	}
	buf_adds(out, "</tbody>");
	if (y->nrows > 1) {
		buf_adds(out, "<tfoot><tr>");
		buf_reset(&t);
		report_fp_total_label(in, y, &t);
		html_th_row(out, t.ptr);
		buf_adds(out, "<td></td>");
		h_fp_cells(out, y->physical, y->errors, y->by_phase_t, y->total_t);
		buf_adds(out, "</tr></tfoot>");
	}
	h_table_close(out);
	buf_free(&id);
	buf_free(&t);
}

static void h_footprint(const struct cons_input *in, const struct cons_result *res, struct buf *out)
{
	html_section(out, "empreinte", REPORT_H_FOOTPRINT);
	buf_adds(out, "<p>");
	h_text(out, res->nfp_years ? report_fp_intro : report_fp_none);
	buf_adds(out, "</p>");
	struct buf t = BUF_INIT;
	for (size_t i = 0; i < res->nfp_years; i++) {
		const struct cons_fp_year *y = &res->fp_years[i];
		buf_adds(out, "<h3>");
		html_escf(out, "%d", y->year);
		buf_adds(out, "</h3>");
		if (y->nrows)
			h_fp_table(in, res, y, out);
		buf_reset(&t);
		size_t missing = report_fp_missing(in, res, y, &t);
		if (t.len) {
			buf_adds(out, "<p>");
			h_text(out, t.ptr);
			buf_adds(out, "</p>");
		}
		if (!missing)
			continue;
		buf_adds(out, "<ul>");
		for (size_t m = 0; m < in->nministries; m++) {
			if (report_fp_has(res, y, m))
				continue;
			buf_adds(out, "<li>");
			h_text(out, report_ministry_name(in, m));
			buf_adds(out, "</li>");
		}
		buf_adds(out, "</ul>");
	}
	buf_free(&t);
	buf_adds(out, "</section>");
}

static void h_no_roadmap(const struct cons_input *in, struct buf *out)
{
	size_t n = 0;
	html_section(out, "sans-feuille", REPORT_H_NOROADMAP);
	for (size_t m = 0; m < in->nministries; m++) {
		if (in->ministries[m].has_roadmap)
			continue;
		buf_adds(out, n++ ? "<li>" : "<ul><li>");
		h_text(out, report_ministry_name(in, m));
		buf_adds(out, "</li>");
	}
	buf_adds(out, n ? "</ul>"
			: "<p>Tous les ministères ont une feuille de route pour la "
			  "période.</p>");
	buf_adds(out, "</section>");
}

void report_html(const struct cons_input *in, const struct cons_result *res,
		 const struct ind_table *ind, const struct rg_cons *rg, struct buf *out)
{
	struct buf title = BUF_INIT;
	report_title(in, &title);
	buf_adds(out, "<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, "
		      "initial-scale=1\">\n"
		      "<title>");
	h_text(out, title.ptr);
	buf_adds(out, "</title>\n<style>");
	buf_adds(out, html_page_css);
	buf_adds(out, "</style>\n</head>\n<body>\n<main>\n<h1>");
	h_text(out, title.ptr);
	buf_adds(out, "</h1>\n<p class=\"sub\">");
	buf_reset(&title);
	report_subtitle(in, &title);
	h_text(out, title.ptr);
	buf_adds(out, "</p>\n");
	buf_free(&title);

	h_key_figures(in, res, out);
	buf_addc(out, '\n');
	h_themes(res, out);
	buf_addc(out, '\n');
	if (!report_is_scoped(in)) {
		h_ministries(in, res, out);
		buf_addc(out, '\n');
	}
	h_levels(res, out);
	buf_addc(out, '\n');
	h_key_themes(res, out);
	buf_addc(out, '\n');
	h_top(in, res, out);
	buf_addc(out, '\n');
	h_cost(in, res, out);
	buf_addc(out, '\n');
	h_footprint(in, res, out);
	buf_addc(out, '\n');
	if (ind) {
		report_ind_html(in, ind, out);
		buf_addc(out, '\n');
	}
	if (rg) {
		report_rg_render(in, rg, RG_FMT_HTML, out);
		buf_addc(out, '\n');
	}
	if (!report_is_scoped(in)) {
		h_no_roadmap(in, out);
		buf_addc(out, '\n');
	}
	html_section(out, "methode", REPORT_H_METHOD);
	buf_adds(out, "<ul>");
	for (size_t i = 0; i < report_nmethod_notes; i++) {
		buf_adds(out, "<li>");
		h_text(out, report_method_notes[i]);
		buf_adds(out, "</li>");
	}
	if (ind) {
		buf_adds(out, "<li>");
		h_text(out, report_ind_method);
		buf_adds(out, "</li>");
	}
	if (rg) {
		buf_adds(out, "<li>");
		h_text(out, report_rg_method);
		buf_adds(out, "</li>");
	}
	buf_adds(out, "</ul></section>\n</main>\n</body>\n</html>\n");
}
