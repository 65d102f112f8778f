/* report_ind.c: the "Indicateurs communs" section of the consolidated
 * review: figures and texts shared by the formats, and its Markdown and
 * HTML renderings (JSON and CSV are in their own files). */
#include <string.h>

#include "indicators/ind_export.h"
#include "report/html.h"
#include "report/report_int.h"

/* Index of the scope's ministry in the table, -1 when absent. */
static long scope_org(const struct cons_input *in, const struct ind_table *t)
{
	return report_is_scoped(in) ? ind_table_org_code(t, in->scope) : -1;
}

void report_ind_fig(const struct cons_input *in, const struct ind_table *t, size_t ind, int year,
		    struct report_ind_fig *f)
{
	memset(f, 0, sizeof(*f));
	f->d = &t->cat->items[ind];
	ind_table_consolidate(t, ind, year, &f->r);
	f->scoped = report_is_scoped(in);
	if (f->scoped) {
		long o = scope_org(in, t);
		if (o >= 0) {
			size_t at = ind_table_at(t, (size_t)o, ind, year);
			f->has_value = (t->flags[at] & IND_CELL_SET) != 0;
			f->value = t->value[at];
			f->computed = (t->flags[at] & IND_CELL_COMPUTED) != 0;
			f->state = t->state[(size_t)o * ind_table_nyears(t) +
					    (size_t)(year - t->year_from)];
		}
	} else {
		f->has_value = f->r.has_value;
		f->value = f->r.value;
	}
	f->has_target = ind_target_for(f->d, year, &f->target);
	f->has_gap = f->has_value && ind_gap(f->d, year, f->value, &f->gap, &f->met);
}

int report_ind_year_empty(const struct cons_input *in, const struct ind_table *t, int year)
{
	for (size_t i = 0; i < t->cat->n; i++) {
		struct report_ind_fig f;
		report_ind_fig(in, t, i, year, &f);
		if (f.has_value)
			return 0;
	}
	return 1;
}

void report_ind_label_text(const struct report_ind_fig *f, struct buf *out)
{
	buf_adds(out, f->d->label);
	if (f->d->calc != IND_CALC_NONE)
		buf_adds(out, " (calculé par numeco)");
}

void report_ind_value_text(const struct report_ind_fig *f, struct buf *out)
{
	ind_fmt_value(out, f->d, f->has_value, f->value);
}

void report_ind_status_text(const struct report_ind_fig *f, struct buf *out)
{
	if (!f->scoped)
		ind_fmt_completeness(out, &f->r);
	else if (f->computed)
		buf_adds(out, "Calculée");
	else if (f->has_value)
		buf_adds(out, ind_state_label(f->state));
	else
		buf_adds(out, "Non renseignée");
}

void report_ind_target_text(const struct report_ind_fig *f, struct buf *out)
{
	ind_fmt_value(out, f->d, f->has_target, f->target);
}

void report_ind_gap_text(const struct report_ind_fig *f, struct buf *out)
{
	if (!f->has_gap) {
		buf_adds(out, "—");
		return;
	}
	ind_fmt_gap(out, f->d, f->gap);
	buf_adds(out, f->met ? " (atteinte)" : " (non atteinte)");
}

static const char *const cols_national[REPORT_IND_NCOLS] = { "Indicateur", "Valeur nationale",
							     "Complétude", "Cible",
							     "Écart à la cible" };
static const char *const cols_scoped[REPORT_IND_NCOLS] = { "Indicateur", "Valeur du ministère",
							   "Collecte", "Cible",
							   "Écart à la cible" };

const char *const *report_ind_cols(const struct cons_input *in)
{
	return report_is_scoped(in) ? cols_scoped : cols_national;
}

const char *report_ind_intro(const struct cons_input *in)
{
	if (report_is_scoped(in))
		return "Valeur du ministère pour chaque indicateur commun et chaque année "
		       "de la "
		       "période : saisie par le ministère (l'état de sa collecte est "
		       "indiqué) ou "
		       "calculée par numeco, avec la cible de l'année et l'écart à la "
		       "cible.";
	return "Valeur nationale de chaque indicateur commun pour chaque année de la "
	       "période, "
	       "consolidée selon sa règle à partir des collectes soumises ou "
	       "validées et des "
	       "valeurs calculées par numeco, avec la complétude (combien de "
	       "ministères comptent "
	       "sur combien), la cible de l'année et l'écart à la cible. La liste "
	       "des ministères "
	       "manquants : numeco indicator consolidate.";
}

void report_ind_none(const struct cons_input *in, int year, struct buf *out)
{
	if (report_is_scoped(in))
		buf_addf(out, "Aucune valeur d'indicateur pour %d.", year);
	else
		buf_addf(out,
			 "Aucune valeur d'indicateur ne compte pour %d (aucune collecte soumise "
			 "ou validée, aucune valeur calculée).",
			 year);
}

const char report_ind_no_catalogue[] = "Aucun indicateur au catalogue.";

const char report_ind_method[] =
	"Les indicateurs communs sont ceux du catalogue de numeco (numeco "
	"indicator list). La "
	"valeur nationale d'un indicateur consolide, selon sa règle (somme, "
	"moyenne pondérée par "
	"un autre indicateur du même ministère et de la même année, moyenne, "
	"minimum ou maximum), "
	"les valeurs des collectes soumises ou validées et les valeurs calculées "
	"par numeco ; les "
	"collectes en brouillon ne comptent pas. La complétude dit sur combien de "
	"ministères elle "
	"porte : une valeur nationale calculée sur une partie des ministères ne "
	"vaut que pour "
	"eux. L'écart à la cible est la valeur moins la cible de l'année.";

/* The texts of the columns of one row. */
static void row_texts(const struct report_ind_fig *f, struct buf *cells)
{
	for (size_t c = 0; c < REPORT_IND_NCOLS; c++)
		buf_reset(&cells[c]);
	report_ind_label_text(f, &cells[0]);
	report_ind_value_text(f, &cells[1]);
	report_ind_status_text(f, &cells[2]);
	report_ind_target_text(f, &cells[3]);
	report_ind_gap_text(f, &cells[4]);
}

void report_ind_md(const struct cons_input *in, const struct ind_table *t, struct buf *out)
{
	const char *const *cols = report_ind_cols(in);
	struct buf cells[REPORT_IND_NCOLS], b = BUF_INIT;
	buf_adds(out, "\n## " REPORT_H_INDICATORS "\n\n");
	if (t->cat->n == 0) {
		fmt_md_esc(out, report_ind_no_catalogue);
		buf_addc(out, '\n');
		return;
	}
	fmt_md_esc(out, report_ind_intro(in));
	buf_addc(out, '\n');
	for (size_t c = 0; c < REPORT_IND_NCOLS; c++)
		buf_init(&cells[c]);
	for (int y = t->year_from; y <= t->year_to; y++) {
		buf_addf(out, "\n### %d\n\n", y);
		if (report_ind_year_empty(in, t, y)) {
			buf_reset(&b);
			report_ind_none(in, y, &b);
			fmt_md_esc(out, b.ptr);
			buf_addc(out, '\n');
			continue;
		}
		buf_adds(out, "|");
		for (size_t c = 0; c < REPORT_IND_NCOLS; c++) {
			buf_addc(out, ' ');
			fmt_md_esc(out, cols[c]);
			buf_adds(out, " |");
		}
		buf_adds(out, "\n|---|---:|---|---:|---:|\n");
		for (size_t i = 0; i < t->cat->n; i++) {
			struct report_ind_fig f;
			report_ind_fig(in, t, i, y, &f);
			row_texts(&f, cells);
			buf_adds(out, "|");
			for (size_t c = 0; c < REPORT_IND_NCOLS; c++) {
				buf_addc(out, ' ');
				fmt_md_esc(out, cells[c].ptr);
				buf_adds(out, " |");
			}
			buf_addc(out, '\n');
		}
	}
	for (size_t c = 0; c < REPORT_IND_NCOLS; c++)
		buf_free(&cells[c]);
	buf_free(&b);
}

/* One indicator as a sentence: "Label : 25 % — 2 ministères sur 3, dont 1
 * validé — cible 30 % : non atteinte (écart -5 %)". The HTML page lists
 * indicators this way rather than in a table, to stay under its budget of
 * elements (one per indicator instead of six). */
static void line_text(const struct report_ind_fig *f, struct buf *out)
{
	report_ind_label_text(f, out);
	buf_adds(out, " : ");
	report_ind_value_text(f, out);
	buf_adds(out, " — ");
	report_ind_status_text(f, out);
	if (f->has_target) {
		buf_adds(out, " — cible ");
		report_ind_target_text(f, out);
		if (f->has_gap) {
			buf_adds(out, f->met ? " : atteinte (écart " : " : non atteinte (écart ");
			ind_fmt_gap(out, f->d, f->gap);
			buf_addc(out, ')');
		}
	}
}

/* A year: a list of the indicators that have a value, then one sentence
 * naming those that have none. */
static void html_year(const struct cons_input *in, const struct ind_table *t, int y,
		      struct buf *out)
{
	struct buf line = BUF_INIT, none = BUF_INIT;
	size_t nnone = 0;
	buf_adds(out, "<ul>");
	for (size_t i = 0; i < t->cat->n; i++) {
		struct report_ind_fig f;
		report_ind_fig(in, t, i, y, &f);
		if (!f.has_value) {
			buf_adds(&none, nnone++ ? " ; " : "");
			report_ind_label_text(&f, &none);
			continue;
		}
		buf_reset(&line);
		line_text(&f, &line);
		buf_adds(out, "<li>");
		html_esc(out, line.ptr);
		buf_adds(out, "</li>");
	}
	buf_adds(out, "</ul>");
	if (nnone) {
		buf_reset(&line);
		buf_addf(&line, "%s en %d : %s.",
			 report_is_scoped(in) ? "Sans valeur" : "Sans valeur comptée", y, none.ptr);
		buf_adds(out, "<p>");
		html_esc(out, line.ptr);
		buf_adds(out, "</p>");
	}
	buf_free(&line);
	buf_free(&none);
}

void report_ind_html(const struct cons_input *in, const struct ind_table *t, struct buf *out)
{
	struct buf b = BUF_INIT;
	html_section(out, "indicateurs", REPORT_H_INDICATORS);
	buf_adds(out, "<p>");
	html_esc(out, t->cat->n ? report_ind_intro(in) : report_ind_no_catalogue);
	buf_adds(out, "</p>");
	for (int y = t->year_from; t->cat->n && y <= t->year_to; y++) {
		buf_adds(out, "<h3>");
		html_escf(out, "%d", y);
		buf_adds(out, "</h3>");
		if (report_ind_year_empty(in, t, y)) {
			buf_reset(&b);
			report_ind_none(in, y, &b);
			buf_adds(out, "<p>");
			html_esc(out, b.ptr);
			buf_adds(out, "</p>");
			continue;
		}
		html_year(in, t, y, out);
	}
	buf_adds(out, "</section>");
	buf_free(&b);
}
