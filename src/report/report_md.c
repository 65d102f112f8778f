/* report_md.c: the consolidated review as GitHub-flavoured Markdown. */
#include <string.h>

#include "report/fmt.h"
#include "report/report_int.h"

/* Header and delimiter rows; align has one letter per column: 'l' for
 * text, 'r' for numbers. */
static void md_header(struct buf *out, const char *const *cols, size_t n, const char *align)
{
	buf_adds(out, "|");
	for (size_t i = 0; i < n; i++) {
		buf_addc(out, ' ');
		fmt_md_esc(out, cols[i]);
		buf_adds(out, " |");
	}
	buf_adds(out, "\n|");
	for (size_t i = 0; i < n; i++)
		buf_adds(out, align[i] == 'r' ? "---:|" : "---|");
	buf_addc(out, '\n');
}

static void md_text(struct buf *out, const char *text, int bold)
{
	buf_adds(out, bold ? " **" : " ");
	fmt_md_esc(out, text);
	buf_adds(out, bold ? "** |" : " |");
}

static void md_count(struct buf *out, size_t n)
{
	buf_addc(out, ' ');
	fmt_count(out, n);
	buf_adds(out, " |");
}

static void md_pct(struct buf *out, double share)
{
	buf_addc(out, ' ');
	fmt_pct(out, share, 1);
	buf_adds(out, " |");
}

/* Share of realised actions, or a dash when there is no action at all. */
static void md_share_cell(struct buf *out, const size_t *by_status, size_t total)
{
	if (total == 0)
		md_text(out, "—", 0);
	else
		md_pct(out, (double)by_status[STATUS_REALISEE] / (double)total);
}

static void md_impact(struct buf *out, double v)
{
	struct buf t = BUF_INIT;
	report_fmt_impact(&t, v);
	md_text(out, t.ptr, 0);
	buf_free(&t);
}

/* Status columns, total and share of one row (after its leading cells). */
static void md_status_cells(struct buf *out, const size_t *by_status, size_t total)
{
	for (int s = 0; s < STATUS_COUNT; s++)
		md_count(out, by_status[s]);
	md_count(out, total);
	md_share_cell(out, by_status, total);
}

/* Fills cols with lead, the status labels, "Total", "Part réalisée", then
 * tail; returns the number of columns. */
static size_t md_status_cols(const char **cols, const char *const *lead, size_t nlead,
			     const char *const *tail, size_t ntail)
{
	size_t n = 0;
	for (size_t i = 0; i < nlead; i++)
		cols[n++] = lead[i];
	for (int s = 0; s < STATUS_COUNT; s++)
		cols[n++] = status_label((enum status)s);
	cols[n++] = "Total";
	cols[n++] = "Part réalisée";
	for (size_t i = 0; i < ntail; i++)
		cols[n++] = tail[i];
	return n;
}

static void md_key_figures(const struct cons_input *in, const struct cons_result *res,
			   struct buf *out)
{
	struct report_kv kv[REPORT_MAX_KV];
	size_t n = report_key_figures(in, res, kv);
	static const char *const cols[] = { "Indicateur", "Valeur" };
	buf_adds(out, "\n## " REPORT_H_KEY "\n\n");
	md_header(out, cols, 2, "ll");
	for (size_t i = 0; i < n; i++) {
		buf_adds(out, "|");
		md_text(out, kv[i].label, 0);
		md_text(out, kv[i].value.ptr, 0);
		buf_addc(out, '\n');
	}
	report_kv_free(kv, n);
}

static void md_themes(const struct cons_result *res, struct buf *out)
{
	static const char *const lead[] = { "Thème" };
	const char *cols[STATUS_COUNT + 4];
	size_t n = md_status_cols(cols, lead, 1, NULL, 0);
	buf_adds(out, "\n## " REPORT_H_THEME "\n\n");
	md_header(out, cols, n, "lrrrrrrr");
	for (int t = 0; t < THEME_COUNT; t++) {
		buf_adds(out, "|");
		md_text(out, theme_label((enum theme)t), 0);
		md_status_cells(out, res->theme_status[t], res->theme_total[t]);
		buf_addc(out, '\n');
	}
	buf_adds(out, "|");
	md_text(out, "Ensemble", 1);
	md_status_cells(out, res->status_total, res->actions);
	buf_addc(out, '\n');
}

static void md_ministries(const struct cons_input *in, const struct cons_result *res,
			  struct buf *out)
{
	static const char *const lead[] = { "Ministère", "Feuille de route" };
	static const char *const tail[] = { "Actions clés",
					    "Impact évité des actions clés (" REPORT_UNIT_GHG ")" };
	const char *cols[STATUS_COUNT + 6];
	size_t n = md_status_cols(cols, lead, 2, tail, 2);
	buf_adds(out, "\n## " REPORT_H_MINISTRY "\n\n");
	md_header(out, cols, n, "llrrrrrrrrr");
	for (size_t m = 0; m < in->nministries; m++) {
		const struct cons_ministry_row *row = &res->by_ministry[m];
		buf_adds(out, "|");
		md_text(out, report_ministry_name(in, m), 0);
		md_text(out, report_state_label(&in->ministries[m]), 0);
		md_status_cells(out, row->by_status, row->actions);
		md_count(out, row->key);
		md_impact(out, row->ghg_avoided_t);
		buf_addc(out, '\n');
	}
	buf_adds(out, "|");
	md_text(out, "Ensemble", 1);
	md_text(out, "", 0);
	md_status_cells(out, res->status_total, res->actions);
	md_count(out, res->key_actions);
	md_impact(out, res->key_ghg_t);
	buf_addc(out, '\n');
}

static void md_levels(const struct cons_result *res, struct buf *out)
{
	static const char *const lead[] = { "Niveau d'engagement visé" };
	const char *cols[STATUS_COUNT + 4];
	size_t n = md_status_cols(cols, lead, 1, NULL, 0);
	buf_adds(out, "\n## " REPORT_H_LEVEL "\n\n");
	md_header(out, cols, n, "lrrrrrrr");
	for (int l = 0; l < LEVEL_COUNT; l++) {
		buf_adds(out, "|");
		md_text(out, level_label((enum level)l), 0);
		md_status_cells(out, res->level_status[l], res->level_total[l]);
		buf_addc(out, '\n');
	}
	buf_adds(out, "|");
	md_text(out, "Ensemble", 1);
	md_status_cells(out, res->status_total, res->actions);
	buf_addc(out, '\n');
}

static void md_key_themes(const struct cons_result *res, struct buf *out)
{
	static const char *const cols[] = { "Thème", "Impact évité estimé (" REPORT_UNIT_GHG ")",
					    "Part du total" };
	buf_adds(out, "\n## " REPORT_H_KEY_THEME "\n\n");
	md_header(out, cols, 3, "lrr");
	for (int t = 0; t < THEME_COUNT; t++) {
		buf_adds(out, "|");
		md_text(out, theme_label((enum theme)t), 0);
		md_impact(out, res->key_ghg_by_theme_t[t]);
		if (res->key_ghg_t > 0)
			md_pct(out, res->key_ghg_by_theme_t[t] / res->key_ghg_t);
		else
			md_text(out, "—", 0);
		buf_addc(out, '\n');
	}
	buf_adds(out, "|");
	md_text(out, "Ensemble", 1);
	md_impact(out, res->key_ghg_t);
	if (res->key_ghg_t > 0)
		md_pct(out, 1);
	else
		md_text(out, "—", 0);
	buf_addc(out, '\n');
}

static void md_top(const struct cons_input *in, const struct cons_result *res, struct buf *out)
{
	static const char *const cols[] = { "Rang",
					    "Ministère",
					    "Référence",
					    "Action",
					    "Impact évité estimé (" REPORT_UNIT_GHG ")",
					    "Méthode d'estimation" };
	buf_adds(out, "\n## " REPORT_H_TOP "\n\n");
	if (res->ntop_ghg == 0) {
		buf_adds(out, "Aucune action n'a d'estimation d'impact évité en équivalent CO2.\n");
		return;
	}
	md_header(out, cols, 6, "rlllrl");
	for (size_t i = 0; i < res->ntop_ghg; i++) {
		const struct cons_action *a = &in->actions[res->top_ghg[i].action];
		buf_adds(out, "|");
		md_count(out, i + 1);
		md_text(out, report_ministry_name(in, a->ministry), 0);
		md_text(out, a->ref, 0);
		md_text(out, a->title, 0);
		md_impact(out, res->top_ghg[i].value_report);
		md_text(out, a->impact_method && a->impact_method[0] ? a->impact_method : "—", 0);
		buf_addc(out, '\n');
	}
}

static void md_cost(const struct cons_input *in, const struct cons_result *res, struct buf *out)
{
	static const char *const cols[] = { "Rang",
					    "Ministère",
					    "Référence",
					    "Action",
					    "Budget",
					    "Impact évité estimé (" REPORT_UNIT_GHG ")",
					    "Coût de la tonne évitée (" REPORT_UNIT_COST ")" };
	buf_adds(out, "\n## " REPORT_H_COST "\n\n");
	if (res->ntop_cost == 0) {
		fmt_md_esc(out, report_cost_none);
		buf_addc(out, '\n');
		return;
	}
	fmt_md_esc(out, report_cost_note);
	buf_adds(out, "\n\n");
	md_header(out, cols, 7, "rlllrrr");
	struct buf t = BUF_INIT;
	for (size_t i = 0; i < res->ntop_cost; i++) {
		const struct cons_cost *c = &res->top_cost[i];
		const struct cons_action *a = &in->actions[c->action];
		buf_adds(out, "|");
		md_count(out, i + 1);
		md_text(out, report_ministry_name(in, a->ministry), 0);
		md_text(out, a->ref, 0);
		md_text(out, a->title, 0);
		buf_reset(&t);
		fmt_euros(&t, c->budget_cents);
		md_text(out, t.ptr, 0);
		md_impact(out, c->value_t);
		buf_reset(&t);
		report_fmt_cost(&t, c->eur_per_t);
		md_text(out, t.ptr, 0);
		buf_addc(out, '\n');
	}
	buf_free(&t);
}

static void md_fp(struct buf *out, double t)
{
	struct buf b = BUF_INIT;
	report_fmt_fp(&b, t);
	md_text(out, b.ptr, 0);
	buf_free(&b);
}

/* Counts, then the phases and total of a footprint row or year. */
static void md_fp_cells(struct buf *out, int64_t physical, int64_t errors, const double *by_phase,
			double total)
{
	md_count(out, physical > 0 ? (size_t)physical : 0);
	md_count(out, errors > 0 ? (size_t)errors : 0);
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		md_fp(out, by_phase[p]);
	md_fp(out, total);
}

static void md_fp_year(const struct cons_input *in, const struct cons_result *res,
		       const struct cons_fp_year *y, struct buf *out)
{
	struct buf t = BUF_INIT;
	buf_addf(out, "\n### %d\n\n", y->year);
	if (y->nrows) {
		md_header(out, report_fp_cols, REPORT_FP_NCOLS, "llrrrrrrr");
		for (size_t r = y->first_row; r < y->first_row + y->nrows; r++) {
			const struct cons_fp_row *row = &res->fp_rows[r];
			buf_adds(out, "|");
			buf_reset(&t);
			report_fp_ministry(in, res, row, &t);
			md_text(out, t.ptr, 0);
			buf_reset(&t);
			report_fp_referentials(in, res, row, &t);
			md_text(out, t.ptr, 0);
			if (row->state == CONS_FP_OK) {
				md_fp_cells(out, row->physical, row->errors, row->by_phase_t,
					    row->total_t);
			} else {
				md_count(out, row->physical > 0 ? (size_t)row->physical : 0);
				md_count(out, row->errors > 0 ? (size_t)row->errors : 0);
				for (int p = 0; p < FP_PHASE_COUNT; p++)
					md_text(out, "—", 0);
				buf_reset(&t);
				report_fp_no_figure(in, row, &t);
				md_text(out, t.ptr, 0);
			}
			buf_addc(out, '\n');
		}
		if (y->nrows > 1) {
			buf_adds(out, "|");
			buf_reset(&t);
			report_fp_total_label(in, y, &t);
			md_text(out, t.ptr, 1);
			md_text(out, "", 0);
			md_fp_cells(out, y->physical, y->errors, y->by_phase_t, y->total_t);
			buf_addc(out, '\n');
		}
	}
	buf_reset(&t);
	size_t missing = report_fp_missing(in, res, y, &t);
	if (t.len) {
		if (y->nrows)
			buf_addc(out, '\n'); /* ends the table */
		fmt_md_esc(out, t.ptr);
		buf_addc(out, '\n');
	}
	if (missing) {
		buf_addc(out, '\n');
		for (size_t m = 0; m < in->nministries; m++) {
			if (report_fp_has(res, y, m))
				continue;
			buf_adds(out, "- ");
			fmt_md_esc(out, report_ministry_name(in, m));
			buf_addc(out, '\n');
		}
	}
	buf_free(&t);
}

static void md_footprint(const struct cons_input *in, const struct cons_result *res,
			 struct buf *out)
{
	buf_adds(out, "\n## " REPORT_H_FOOTPRINT "\n\n");
	if (res->nfp_years == 0) {
		fmt_md_esc(out, report_fp_none);
		buf_addc(out, '\n');
		return;
	}
	fmt_md_esc(out, report_fp_intro);
	buf_addc(out, '\n');
	for (size_t i = 0; i < res->nfp_years; i++)
		md_fp_year(in, res, &res->fp_years[i], out);
}

static void md_no_roadmap(const struct cons_input *in, struct buf *out)
{
	size_t n = 0;
	buf_adds(out, "\n## " REPORT_H_NOROADMAP "\n\n");
	for (size_t m = 0; m < in->nministries; m++) {
		if (in->ministries[m].has_roadmap)
			continue;
		buf_adds(out, "- ");
		fmt_md_esc(out, report_ministry_name(in, m));
		buf_addc(out, '\n');
		n++;
	}
	if (n == 0)
		buf_adds(out, "Tous les ministères ont une feuille de route pour la période.\n");
}

void report_md(const struct cons_input *in, const struct cons_result *res,
	       const struct ind_table *ind, const struct rg_cons *rg, struct buf *out)
{
	struct buf t = BUF_INIT;
	report_title(in, &t);
	buf_adds(out, "# ");
	fmt_md_esc(out, t.ptr);
	buf_adds(out, "\n\n");
	buf_reset(&t);
	report_subtitle(in, &t);
	fmt_md_esc(out, t.ptr);
	buf_addc(out, '\n');
	buf_free(&t);

	md_key_figures(in, res, out);
	md_themes(res, out);
	if (!report_is_scoped(in))
		md_ministries(in, res, out);
	md_levels(res, out);
	md_key_themes(res, out);
	md_top(in, res, out);
	md_cost(in, res, out);
	md_footprint(in, res, out);
	if (ind)
		report_ind_md(in, ind, out);
	if (rg)
		report_rg_render(in, rg, RG_FMT_MD, out);
	if (!report_is_scoped(in))
		md_no_roadmap(in, out);

	buf_adds(out, "\n## " REPORT_H_METHOD "\n\n");
	for (size_t i = 0; i < report_nmethod_notes; i++) {
		buf_adds(out, "- ");
		fmt_md_esc(out, report_method_notes[i]);
		buf_addc(out, '\n');
	}
	if (ind) {
		buf_adds(out, "- ");
		fmt_md_esc(out, report_ind_method);
		buf_addc(out, '\n');
	}
	if (rg) {
		buf_adds(out, "- ");
		fmt_md_esc(out, report_rg_method);
		buf_addc(out, '\n');
	}
}
