/* fp_output.c: summary formats (parse, dispatch), the shared view of the aggregated rows, and the
 * Markdown summary. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "footprint/fp_output_int.h"
#include "report/fmt.h"

int fp_format_parse(const char *s, enum fp_format *out)
{
	static const struct {
		const char *name;
		enum fp_format f;
	} t[] = { { "md", FP_FORMAT_MD },
		  { "markdown", FP_FORMAT_MD },
		  { "html", FP_FORMAT_HTML },
		  { "json", FP_FORMAT_JSON },
		  { "csv", FP_FORMAT_CSV } };
	for (size_t i = 0; s && i < sizeof(t) / sizeof(t[0]); i++) {
		if (!strcmp(s, t[i].name)) {
			*out = t[i].f;
			return 0;
		}
	}
	return -1;
}

/* ---- the view ---- */

/* The view being sorted (qsort has no context argument). */
struct rank_ctx {
	const struct fp_view *v;
	size_t block;
	double total;
};

static int cmp_rank(const void *pa, const void *pb)
{
	const struct rank_ctx *a = pa, *b = pb;
	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	return strcmp(fp_view_key(a->v, a->block), fp_view_key(b->v, b->block));
}

void fp_view_init(struct fp_view *v, const struct fp_summary *s)
{
	memset(v, 0, sizeof(*v));
	v->s = s;
	v->ncrit = fp_ref_ncrit(s->ref);
	int m = fp_ref_find_crit(s->ref, "CLIMATE_CHANGE");
	v->main = m >= 0 ? (size_t)m : 0;
	size_t per = v->ncrit * FP_PHASE_COUNT;
	if (!per)
		return;
	for (size_t b = 0; b < s->nrows; b += per) {
		for (int d = 0; d < FP_DIM_COUNT; d++) {
			if (strcmp(s->rows[b].dim, fp_dim_code((enum fp_dim)d)))
				continue;
			v->blocks[d] =
				xrealloc(v->blocks[d], (v->nblocks[d] + 1) * sizeof(*v->blocks[d]));
			v->blocks[d][v->nblocks[d]++] = b;
		}
	}
	for (int d = 0; d < FP_DIM_COUNT; d++) {
		size_t n = v->nblocks[d];
		if (n < 2)
			continue;
		struct rank_ctx *r = xcalloc(n, sizeof(*r));
		for (size_t i = 0; i < n; i++) {
			r[i].v = v;
			r[i].block = v->blocks[d][i];
			r[i].total = fp_view_val(v, r[i].block, v->main, -1);
		}
		qsort(r, n, sizeof(*r), cmp_rank);
		for (size_t i = 0; i < n; i++)
			v->blocks[d][i] = r[i].block;
		free(r);
	}
}

void fp_view_free(struct fp_view *v)
{
	for (int d = 0; d < FP_DIM_COUNT; d++)
		free(v->blocks[d]);
	memset(v, 0, sizeof(*v));
}

double fp_view_val(const struct fp_view *v, size_t block, size_t crit, int phase)
{
	const struct fp_agg_row *r = &v->s->rows[block + crit * FP_PHASE_COUNT];
	if (phase >= 0)
		return r[phase].value;
	double t = 0;
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		t += r[p].value;
	return t;
}

const char *fp_view_key(const struct fp_view *v, size_t block)
{
	return v->s->rows[block].key;
}

const char *fp_key_label(enum fp_dim d, const char *key)
{
	if (key && key[0])
		return key;
	return d == FP_DIM_DC ? "(hors centre de données)" : "(non renseigné)";
}

const char *fp_dim_title(enum fp_dim d)
{
	switch (d) {
	case FP_DIM_TOTAL: return "Totaux par critère et par étape";
	case FP_DIM_ENTITY: return "Par entité";
	case FP_DIM_TYPE: return "Par type d'équipement";
	case FP_DIM_DC: return "Par centre de données";
	case FP_DIM_APP: return "Par application";
	case FP_DIM_COUNT: break;
	}
	return "";
}

const char *fp_dim_head(enum fp_dim d)
{
	switch (d) {
	case FP_DIM_TOTAL: return "Critère";
	case FP_DIM_ENTITY: return "Entité";
	case FP_DIM_TYPE: return "Type d'équipement";
	case FP_DIM_DC: return "Centre de données";
	case FP_DIM_APP: return "Application";
	case FP_DIM_COUNT: break;
	}
	return "";
}

size_t fp_dim_shown(const struct fp_view *v, enum fp_dim d)
{
	size_t cap = d == FP_DIM_APP ? 20 : 50;
	return v->nblocks[d] < cap ? v->nblocks[d] : cap;
}

void fp_fmt_value(struct buf *out, double v)
{
	double a = fabs(v);
	if (!isfinite(v)) {
		buf_adds(out, "n/d");
	} else if (a == 0) {
		buf_addc(out, '0');
	} else if (a >= 1000) {
		fmt_dec(out, v, 0);
	} else if (a >= 0.01) {
		int dec = 3 - (int)floor(log10(a));
		fmt_dec(out, v, dec < 0 ? 0 : dec > 6 ? 6 : dec);
	} else {
		char s[32];
		snprintf(s, sizeof(s), "%.2e", v);
		/* "3.74e-07" → "3,74e-7" */
		char *e = strchr(s, 'e');
		for (char *p = s; p < e; p++)
			buf_addc(out, *p == '.' ? ',' : *p);
		buf_addc(out, 'e');
		const char *x = e + 1;
		if (*x == '+')
			x++;
		else if (*x == '-')
			buf_addc(out, *x++);
		while (*x == '0' && x[1])
			x++;
		buf_adds(out, x);
	}
}

size_t fp_total_errors(const struct fp_counts *c)
{
	return c->physical_errors + c->virtual_errors + c->application_errors;
}

void fp_summary_render(const struct fp_summary *s, enum fp_format fmt, struct buf *out)
{
	struct fp_view v;
	fp_view_init(&v, s);
	switch (fmt) {
	case FP_FORMAT_MD: fp_render_md(&v, out); break;
	case FP_FORMAT_HTML: fp_render_html(&v, out); break;
	case FP_FORMAT_JSON: fp_render_json(&v, out); break;
	case FP_FORMAT_CSV: fp_render_csv(&v, out); break;
	}
	fp_view_free(&v);
}

/* ---- Markdown ---- */

/* Text in a table cell or a line: Markdown punctuation and '|' escaped,
 * line breaks as spaces. */
static void md_text(struct buf *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n' || *s == '\r')
			buf_addc(out, ' ');
		else if (strchr("\\`*_[]<>|#", *s))
			buf_addf(out, "\\%c", *s);
		else
			buf_addc(out, *s);
	}
}

static void md_value(struct buf *out, double v)
{
	buf_adds(out, " | ");
	fp_fmt_value(out, v);
}

static void md_crit_head(const struct fp_view *v, struct buf *out, const char *first)
{
	buf_adds(out, "| ");
	md_text(out, first);
	for (size_t c = 0; c < v->ncrit; c++) {
		const struct fp_crit *cr = fp_ref_crit(v->s->ref, c);
		buf_adds(out, " | ");
		md_text(out, cr->label);
		buf_adds(out, " (");
		md_text(out, cr->unit);
		buf_addc(out, ')');
	}
	buf_adds(out, " |\n|---");
	for (size_t c = 0; c < v->ncrit; c++)
		buf_adds(out, "|---:");
	buf_adds(out, "|\n");
}

static void md_counts(const struct fp_view *v, struct buf *out)
{
	const struct fp_counts *c = &v->s->counts;
	buf_adds(out, "## Inventaire\n\n| Fichier | Lignes | Indicateurs en erreur |\n"
		      "|---|---:|---:|\n");
	buf_addf(out, "| Centres de données | %zu | — |\n", c->datacenters);
	buf_addf(out, "| Équipements physiques | %zu | %zu |\n", c->physical, c->physical_errors);
	buf_addf(out, "| Équipements virtuels | %zu | %zu |\n", c->virtual_, c->virtual_errors);
	buf_addf(out, "| Applications | %zu | %zu |\n\n", c->applications, c->application_errors);
	buf_addf(out,
		 "Élément de référence trouvé par le modèle : %zu ligne%s ; par le type : %zu "
		 "ligne%s.\n\n",
		 c->matched_by_model, c->matched_by_model > 1 ? "s" : "", c->matched_by_type,
		 c->matched_by_type > 1 ? "s" : "");
}

static void md_totals(const struct fp_view *v, struct buf *out)
{
	buf_addf(out, "## %s\n\n", fp_dim_title(FP_DIM_TOTAL));
	buf_adds(out, "| Critère | Unité");
	for (int p = 0; p < FP_PHASE_COUNT; p++)
		buf_addf(out, " | %s", fp_phase_label((enum fp_phase)p));
	buf_adds(out, " | Total |\n|---|---|---:|---:|---:|---:|---:|\n");
	size_t b = v->nblocks[FP_DIM_TOTAL] ? v->blocks[FP_DIM_TOTAL][0] : 0;
	for (size_t c = 0; c < v->ncrit; c++) {
		const struct fp_crit *cr = fp_ref_crit(v->s->ref, c);
		buf_adds(out, "| ");
		md_text(out, cr->label);
		buf_adds(out, " | ");
		md_text(out, cr->unit);
		int has = v->nblocks[FP_DIM_TOTAL] > 0;
		for (int p = 0; p < FP_PHASE_COUNT; p++)
			md_value(out, has ? fp_view_val(v, b, c, p) : 0);
		md_value(out, has ? fp_view_val(v, b, c, -1) : 0);
		buf_adds(out, " |\n");
	}
	buf_addc(out, '\n');
}

static void md_dim(const struct fp_view *v, enum fp_dim d, struct buf *out)
{
	buf_addf(out, "## %s\n\n", fp_dim_title(d));
	size_t n = v->nblocks[d], shown = fp_dim_shown(v, d);
	if (!n) {
		buf_adds(out, "Aucune donnée.\n\n");
		return;
	}
	buf_adds(out, "Valeurs annuelles, toutes étapes confondues.");
	if (shown < n)
		buf_addf(out, " Les %zu premières lignes sur %zu, selon « ", shown, n);
	if (shown < n) {
		md_text(out, fp_ref_crit(v->s->ref, v->main)->label);
		buf_adds(out, " » ; toutes figurent dans les sorties JSON et CSV.");
	}
	buf_adds(out, "\n\n");
	md_crit_head(v, out, fp_dim_head(d));
	for (size_t i = 0; i < shown; i++) {
		size_t b = v->blocks[d][i];
		buf_adds(out, "| ");
		md_text(out, fp_key_label(d, fp_view_key(v, b)));
		for (size_t c = 0; c < v->ncrit; c++)
			md_value(out, fp_view_val(v, b, c, -1));
		buf_adds(out, " |\n");
	}
	buf_addc(out, '\n');
}

static void md_errors(const struct fp_view *v, struct buf *out)
{
	const struct fp_summary *s = v->s;
	buf_adds(out, "## Premières erreurs\n\n");
	if (!s->nerrors) {
		buf_adds(out, "Aucune erreur.\n");
		return;
	}
	buf_addf(out, "%zu indicateur%s en erreur ; premières lignes concernées :\n\n",
		 fp_total_errors(&s->counts), fp_total_errors(&s->counts) > 1 ? "s" : "");
	for (size_t i = 0; i < s->nerrors; i++) {
		buf_adds(out, "- ");
		md_text(out, s->errors[i]);
		buf_addc(out, '\n');
	}
}

void fp_render_md(const struct fp_view *v, struct buf *out)
{
	const struct fp_summary *s = v->s;
	buf_adds(out, "# " FP_TITLE "\n\n");
	buf_adds(out, "Référentiel : ");
	md_text(out, fp_ref_name(s->ref));
	buf_adds(out, " ");
	md_text(out, fp_ref_version(s->ref));
	buf_addf(out, " — date d'évaluation : %s\n\n", s->date);
	md_counts(v, out);
	md_totals(v, out);
	for (int d = FP_DIM_ENTITY; d < FP_DIM_COUNT; d++)
		md_dim(v, (enum fp_dim)d, out);
	md_errors(v, out);
}
