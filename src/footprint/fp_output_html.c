/* fp_output_html.c: the evaluation summary as one standalone, printable, accessible HTML page with
 * SVG charts. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "footprint/fp_output_int.h"
#include "report/fmt.h"
#include "report/html.h"
#include "report/svg.h"

/* The style of the consolidated review (report/report_html.c): inline,
 * small, no web fonts, WCAG AA contrast on white. */

/* Rows drawn in a chart (the table below it has more). */
#define CHART_ROWS 10

static void h_text(struct buf *out, const char *text)
{
	html_esc(out, text);
}

static void h_td_value(struct buf *out, double v)
{
	struct buf t = BUF_INIT;
	fp_fmt_value(&t, v);
	buf_adds(out, "<td class=\"n\">");
	html_esc(out, t.ptr);
	buf_adds(out, "</td>");
	buf_free(&t);
}

static void h_crit_name(const struct fp_view *v, size_t c, struct buf *out)
{
	const struct fp_crit *cr = fp_ref_crit(v->s->ref, c);
	buf_addf(out, "%s (%s)", cr->label, cr->unit);
}

static void h_kpi(struct buf *out, const char *label, const char *value)
{
	buf_adds(out, "<div><dt>");
	h_text(out, label);
	buf_adds(out, "</dt><dd>");
	h_text(out, value);
	buf_adds(out, "</dd></div>");
}

static void h_kpi_count(struct buf *out, const char *label, size_t n)
{
	struct buf t = BUF_INIT;
	fmt_count(&t, n);
	h_kpi(out, label, t.ptr);
	buf_free(&t);
}

static void h_key_figures(const struct fp_view *v, struct buf *out)
{
	const struct fp_counts *c = &v->s->counts;
	html_section(out, "cles", "Chiffres clés");
	buf_adds(out, "<dl class=\"kpi\">");
	if (v->ncrit && v->nblocks[FP_DIM_TOTAL]) {
		struct buf t = BUF_INIT, l = BUF_INIT;
		fp_fmt_value(&t, fp_view_val(v, v->blocks[FP_DIM_TOTAL][0], v->main, -1));
		buf_addf(&t, FMT_NBSP "%s", fp_ref_crit(v->s->ref, v->main)->unit);
		buf_addf(&l, "%s, total annuel", fp_ref_crit(v->s->ref, v->main)->label);
		h_kpi(out, l.ptr, t.ptr);
		buf_free(&t);
		buf_free(&l);
	}
	h_kpi_count(out, "Équipements physiques (lignes)", c->physical);
	h_kpi_count(out, "Équipements virtuels (lignes)", c->virtual_);
	h_kpi_count(out, "Applications (lignes)", c->applications);
	h_kpi_count(out, "Centres de données", c->datacenters);
	h_kpi_count(out, "Indicateurs en erreur", fp_total_errors(c));
	h_kpi_count(out, "Élément trouvé par le modèle", c->matched_by_model);
	h_kpi_count(out, "Élément trouvé par le type", c->matched_by_type);
	buf_adds(out, "</dl></section>");
}

static void h_totals(const struct fp_view *v, struct buf *out)
{
	html_section(out, "total", fp_dim_title(FP_DIM_TOTAL));
	int has = v->ncrit && v->nblocks[FP_DIM_TOTAL];
	size_t b = has ? v->blocks[FP_DIM_TOTAL][0] : 0;
	if (has && fp_view_val(v, b, v->main, -1) > 0) {
		const char *labels[FP_PHASE_COUNT];
		double values[FP_PHASE_COUNT];
		struct buf texts[FP_PHASE_COUNT];
		const char *vt[FP_PHASE_COUNT];
		for (int p = 0; p < FP_PHASE_COUNT; p++) {
			labels[p] = fp_phase_label((enum fp_phase)p);
			values[p] = fp_view_val(v, b, v->main, p);
			buf_init(&texts[p]);
			fp_fmt_value(&texts[p], values[p]);
			vt[p] = texts[p].ptr;
		}
		struct buf title = BUF_INIT;
		h_crit_name(v, v->main, &title);
		buf_adds(&title, " par étape du cycle de vie");
		struct svg_hbar c = {
			.id = "g-total",
			.title = title.ptr,
			.desc = "Barres horizontales : valeur annuelle du critère principal pour "
				"chaque étape du cycle de vie. Les valeurs de tous les critères "
				"figurent dans le tableau qui suit.",
			.n = FP_PHASE_COUNT,
			.labels = labels,
			.values = values,
			.value_texts = vt,
		};
		buf_adds(out, "<figure>");
		svg_hbar_chart(out, &c);
		buf_adds(out, "</figure>");
		for (int p = 0; p < FP_PHASE_COUNT; p++)
			buf_free(&texts[p]);
		buf_free(&title);
	}
	html_table_open(out, "total", "Valeurs annuelles par critère et par étape du cycle de vie");
	buf_adds(out, "<thead><tr>");
	html_th_col(out, "Critère", 0);
	html_th_col(out, "Unité", 0);
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		html_th_col(out, fp_phase_label((enum fp_phase)p), 1);
	html_th_col(out, "Total", 1);
	buf_adds(out, "</tr></thead><tbody>");
	for (size_t c = 0; c < v->ncrit; c++) {
		const struct fp_crit *cr = fp_ref_crit(v->s->ref, c);
		buf_adds(out, "<tr>");
		html_th_row(out, cr->label);
		buf_adds(out, "<td>");
		h_text(out, cr->unit);
		buf_adds(out, "</td>");
		for (int p = 0; p < FP_PHASE_COUNT; p++)
			h_td_value(out, has ? fp_view_val(v, b, c, p) : 0);
		h_td_value(out, has ? fp_view_val(v, b, c, -1) : 0);
		buf_adds(out, "</tr>");
	}
	buf_adds(out, "</tbody></table></div></section>");
}

/* Stacked bars: the first keys of a dimension, the main criterion split by phase. */
static void h_dim_chart(const struct fp_view *v, enum fp_dim d, const char *id, struct buf *out)
{
	size_t n = v->nblocks[d] < CHART_ROWS ? v->nblocks[d] : CHART_ROWS;
	if (!n || fp_view_val(v, v->blocks[d][0], v->main, -1) <= 0)
		return;
	const char **rows = xcalloc(n, sizeof(*rows));
	double *values = xcalloc(n * FP_PHASE_COUNT, sizeof(*values));
	const char *series[FP_PHASE_COUNT];
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		series[p] = fp_phase_label((enum fp_phase)p);
	for (size_t i = 0; i < n; i++) {
		size_t b = v->blocks[d][i];
		rows[i] = fp_key_label(d, fp_view_key(v, b));
		for (int p = 0; p < FP_PHASE_COUNT; p++)
			values[i * FP_PHASE_COUNT + (size_t)p] = fp_view_val(v, b, v->main, p);
	}
	struct buf title = BUF_INIT, desc = BUF_INIT;
	h_crit_name(v, v->main, &title);
	buf_addf(&title, " : %s", fp_dim_title(d));
	buf_addf(&desc,
		 "Barres empilées : pour les %zu premières lignes, valeur annuelle du critère "
		 "principal par étape du cycle de vie. Les valeurs de tous les critères figurent "
		 "dans le tableau qui suit.",
		 n);
	/* Lowercase the title's "Par" after the colon. */
	char *par = strstr(title.ptr, " : Par ");
	if (par)
		par[3] = 'p';
	struct svg_stack c = {
		.id = id,
		.title = title.ptr,
		.desc = desc.ptr,
		.nrows = n,
		.rows = rows,
		.nseries = FP_PHASE_COUNT,
		.series = series,
		.values = values,
		.decimals = 1,
	};
	buf_adds(out, "<figure>");
	svg_stacked_chart(out, &c);
	buf_adds(out, "</figure>");
	buf_free(&title);
	buf_free(&desc);
	free(rows);
	free(values);
}

static void h_dim(const struct fp_view *v, enum fp_dim d, struct buf *out)
{
	const char *code = fp_dim_code(d);
	struct buf id = BUF_INIT;
	buf_addf(&id, "g-%s", code);
	html_section(out, code, fp_dim_title(d));
	size_t n = v->nblocks[d], shown = fp_dim_shown(v, d);
	if (!n) {
		buf_adds(out, "<p>Aucune donnée.</p></section>");
		buf_free(&id);
		return;
	}
	h_dim_chart(v, d, id.ptr, out);
	if (shown < n) {
		buf_adds(out, "<p>");
		struct buf t = BUF_INIT;
		buf_addf(&t,
			 "Les %zu premières lignes sur %zu, selon « %s » ; toutes figurent dans "
			 "les sorties JSON et CSV.",
			 shown, n, fp_ref_crit(v->s->ref, v->main)->label);
		h_text(out, t.ptr);
		buf_free(&t);
		buf_adds(out, "</p>");
	}
	struct buf cap = BUF_INIT;
	buf_addf(&cap, "Valeurs annuelles, toutes étapes confondues : %s", fp_dim_title(d));
	char *par = strstr(cap.ptr, " : Par ");
	if (par)
		par[3] = 'p';
	html_table_open(out, code, cap.ptr);
	buf_free(&cap);
	buf_adds(out, "<thead><tr>");
	html_th_col(out, fp_dim_head(d), 0);
	struct buf name = BUF_INIT;
	for (size_t c = 0; c < v->ncrit; c++) {
		buf_reset(&name);
		h_crit_name(v, c, &name);
		html_th_col(out, name.ptr, 1);
	}
	buf_free(&name);
	buf_adds(out, "</tr></thead><tbody>");
	for (size_t i = 0; i < shown; i++) {
		size_t b = v->blocks[d][i];
		buf_adds(out, "<tr>");
		html_th_row(out, fp_key_label(d, fp_view_key(v, b)));
		for (size_t c = 0; c < v->ncrit; c++)
			h_td_value(out, fp_view_val(v, b, c, -1));
		buf_adds(out, "</tr>");
	}
	buf_adds(out, "</tbody></table></div></section>");
	buf_free(&id);
}

static void h_errors(const struct fp_view *v, struct buf *out)
{
	const struct fp_summary *s = v->s;
	html_section(out, "erreurs", "Premières erreurs");
	if (!s->nerrors) {
		buf_adds(out, "<p>Aucune erreur.</p></section>");
		return;
	}
	struct buf t = BUF_INIT;
	size_t n = fp_total_errors(&s->counts);
	buf_addf(&t, "%zu indicateur%s en erreur ; premières lignes concernées :", n,
		 n > 1 ? "s" : "");
	buf_adds(out, "<p>");
	h_text(out, t.ptr);
	buf_adds(out, "</p><ul>");
	buf_free(&t);
	for (size_t i = 0; i < s->nerrors; i++) {
		buf_adds(out, "<li>");
		h_text(out, s->errors[i]);
		buf_adds(out, "</li>");
	}
	buf_adds(out, "</ul></section>");
}

static const char *const method_notes[] = {
	"Valeurs annuelles, dans l'unité de chaque critère.",
	"Fabrication, distribution et fin de vie : I = Q × F × U / L (quantité, facteur "
	"d'impact de l'élément de référence, taux d'utilisation, durée de vie en années, "
	"au moins un an).",
	"Utilisation : I = Q × E × M × U (consommation électrique annuelle, facteur du mix "
	"électrique du pays, multiplié par le PUE pour un serveur en centre de données).",
	"Équipement virtuel : part de l'impact de son hôte ; application : somme, sur ses "
	"équipements virtuels, de leur impact divisé par le nombre d'applications qu'ils "
	"portent. Détail et exemples : docs/formulas.md.",
	"Un indicateur qui ne peut pas être calculé est en erreur et n'entre pas dans les "
	"totaux.",
};

void fp_render_html(const struct fp_view *v, struct buf *out)
{
	const struct fp_summary *s = v->s;
	buf_adds(out, "<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		      "<title>");
	h_text(out, FP_TITLE);
	buf_adds(out, "</title>\n<style>");
	buf_adds(out, html_page_css);
	buf_adds(out, "</style>\n</head>\n<body>\n<main>\n<h1>");
	h_text(out, FP_TITLE);
	buf_adds(out, "</h1>\n<p class=\"sub\">");
	struct buf sub = BUF_INIT;
	buf_addf(&sub, "Référentiel %s %s — date d'évaluation : %s", fp_ref_name(s->ref),
		 fp_ref_version(s->ref), s->date);
	h_text(out, sub.ptr);
	buf_free(&sub);
	buf_adds(out, "</p>\n");
	h_key_figures(v, out);
	buf_addc(out, '\n');
	h_totals(v, out);
	buf_addc(out, '\n');
	for (int d = FP_DIM_ENTITY; d < FP_DIM_COUNT; d++) {
		h_dim(v, (enum fp_dim)d, out);
		buf_addc(out, '\n');
	}
	h_errors(v, out);
	buf_addc(out, '\n');
	html_section(out, "methode", "Méthode");
	buf_adds(out, "<ul>");
	for (size_t i = 0; i < sizeof(method_notes) / sizeof(method_notes[0]); i++) {
		buf_adds(out, "<li>");
		h_text(out, method_notes[i]);
		buf_adds(out, "</li>");
	}
	buf_adds(out, "</ul></section>\n</main>\n</body>\n</html>\n");
}
