/* ind_catalogue_csv.c: the catalogue as a CSV file — parsing with located
 * diagnostics, and writing (see ind.h, docs/formats/indicators.md). */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "indicators/ind.h"
#include "indicators/ind_int.h"
#include "io/columns.h"
#include "io/csv.h"
#include "io/parse.h"

/* Longest texts accepted, in characters. */
enum { MAX_LABEL = 300, MAX_UNIT = 40, MAX_TEXT = 4000, MAX_SOURCE = 1000 };

static const struct col_spec columns[IND_COL_N] = {
	[IND_COL_CODE] = { "Code", 1, { "Code indicateur", "Identifiant", NULL } },
	[IND_COL_LABEL] = { "Libellé", 1, { "Intitulé", "Nom", "Indicateur", NULL } },
	[IND_COL_DEFINITION] = { "Définition", 0, { "Description", NULL } },
	[IND_COL_UNIT] = { "Unité", 1, { "Unités", NULL } },
	[IND_COL_THEME] = { "Thème", 1, { "Thématique", "Axe", NULL } },
	[IND_COL_KIND] = { "Nature", 1, { "Type", NULL } },
	[IND_COL_RULE] = { "Consolidation", 1, { "Règle de consolidation", "Agrégation", NULL } },
	[IND_COL_WEIGHT] = { "Pondération", 0, { "Pondéré par", "Poids", NULL } },
	[IND_COL_MIN] = { "Minimum", 0, { "Min", "Valeur minimale", NULL } },
	[IND_COL_MAX] = { "Maximum", 0, { "Max", "Valeur maximale", NULL } },
	[IND_COL_BETTER] = { "Sens", 1, { "Sens d'amélioration", "Sens souhaité", NULL } },
	[IND_COL_TARGETS] = { "Cibles", 0, { "Cible", "Objectifs", NULL } },
	[IND_COL_CALC] = { "Calcul", 0, { "Calculé", NULL } },
	[IND_COL_SOURCE] = { "Source", 0, { "Sources", "Base légale", "Référence", NULL } },
};

static void problem(void *ctx, enum ind_cat_col col, const char *msg)
{
	col_bad(ctx, col, "%s", msg);
}

/* Checks a text field's length and control characters; copies it to *dst. */
static void take_text(struct col_row *c, enum ind_cat_col col, const char *v, size_t max,
		      int multiline, char **dst)
{
	size_t n = text_utf8_len(v);
	if (n > max) {
		col_bad(c, col, "texte trop long (%zu caractères, au plus %zu)", n, max);
		return;
	}
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p < 0x20 && *p != '\t' && !(multiline && (*p == '\n' || *p == '\r'))) {
			col_bad(c, col, "%s",
				multiline ? "caractère de contrôle interdit"
					  : "caractère de contrôle ou saut de ligne interdit");
			return;
		}
	}
	free(*dst);
	*dst = xstrdup(v);
}

static void take_bound(struct col_row *c, enum ind_cat_col col, const char *v, int *has,
		       double *dst)
{
	struct err e = ERR_INIT;
	if (!*v)
		return;
	if (parse_number(v, dst, &e))
		col_bad(c, col, "%s", e.msg.ptr);
	else
		*has = 1;
	err_free(&e);
}

#define ENUM_TAKE(fn, type, parsefn, col, msg)                                 \
	static void fn(struct col_row *c, const char *v, type *dst)            \
	{                                                                      \
		if (!*v)                                                       \
			col_bad(c, col, "%s", "valeur obligatoire manquante"); \
		else if (parsefn(v, dst))                                      \
			col_bad(c, col, msg, v);                               \
	}

ENUM_TAKE(take_theme, enum theme, theme_parse, IND_COL_THEME,
	  "thème inconnu « %s » (attendu : strategie, sensibilisation, achats, conception, "
	  "datacenter, usage, fin_de_vie, ou leur libellé)")
ENUM_TAKE(take_kind, enum ind_kind, ind_kind_parse, IND_COL_KIND,
	  "nature inconnue « %s » (attendu : nombre, part, montant ou ratio)")
ENUM_TAKE(take_rule, enum ind_rule, ind_rule_parse, IND_COL_RULE,
	  "consolidation inconnue « %s » (attendu : somme, moyenne_ponderee, moyenne, min ou "
	  "max)")
ENUM_TAKE(take_better, enum ind_better, ind_better_parse, IND_COL_BETTER,
	  "sens inconnu « %s » (attendu : hausse ou baisse)")

/* Reads one data record into x (zeroed, strings ""). */
static void parse_record(struct col_row *c, struct csv_reader *r, const int *map, struct ind_def *x)
{
	struct buf f[IND_COL_N];
	const char *v[IND_COL_N];
	struct err e = ERR_INIT;
	for (int col = 0; col < IND_COL_N; col++) {
		buf_init(&f[col]);
		columns_get(r, map, col, &f[col]);
		v[col] = f[col].ptr;
	}

	if (!*v[IND_COL_CODE])
		col_bad(c, IND_COL_CODE, "%s", "valeur obligatoire manquante");
	else if (!ind_code_valid(v[IND_COL_CODE]))
		col_bad(c, IND_COL_CODE,
			"code « %s » invalide (lettres minuscules sans accent, chiffres et _, %d "
			"caractères au plus)",
			v[IND_COL_CODE], IND_CODE_MAX);
	else
		take_text(c, IND_COL_CODE, v[IND_COL_CODE], IND_CODE_MAX, 0, &x->code);
	if (!*v[IND_COL_LABEL])
		col_bad(c, IND_COL_LABEL, "%s", "valeur obligatoire manquante");
	else
		take_text(c, IND_COL_LABEL, v[IND_COL_LABEL], MAX_LABEL, 0, &x->label);
	take_text(c, IND_COL_DEFINITION, v[IND_COL_DEFINITION], MAX_TEXT, 1, &x->definition);
	if (!*v[IND_COL_UNIT])
		col_bad(c, IND_COL_UNIT, "%s", "valeur obligatoire manquante");
	else
		take_text(c, IND_COL_UNIT, v[IND_COL_UNIT], MAX_UNIT, 0, &x->unit);
	take_theme(c, v[IND_COL_THEME], &x->theme);
	take_kind(c, v[IND_COL_KIND], &x->kind);
	take_rule(c, v[IND_COL_RULE], &x->rule);
	take_text(c, IND_COL_WEIGHT, v[IND_COL_WEIGHT], IND_CODE_MAX * 4, 0, &x->weight_code);
	take_bound(c, IND_COL_MIN, v[IND_COL_MIN], &x->has_min, &x->min);
	take_bound(c, IND_COL_MAX, v[IND_COL_MAX], &x->has_max, &x->max);
	take_better(c, v[IND_COL_BETTER], &x->better);
	if (ind_targets_parse(v[IND_COL_TARGETS], &x->targets, &x->ntargets, &e))
		col_bad(c, IND_COL_TARGETS, "%s", e.msg.ptr);
	if (ind_calc_parse(v[IND_COL_CALC], &x->calc))
		col_bad(c, IND_COL_CALC,
			"calcul inconnu « %s » (attendu : vide, part_actions_realisees, "
			"actions_cles, "
			"empreinte_parc, postes_de_travail ou services_evalues)",
			v[IND_COL_CALC]);
	take_text(c, IND_COL_SOURCE, v[IND_COL_SOURCE], MAX_SOURCE, 1, &x->source);

	if (!c->errors_here) {
		/* A share is a percentage unless the range says otherwise. */
		if (x->kind == IND_KIND_SHARE && !x->has_min) {
			x->has_min = 1;
			x->min = 0;
		}
		if (x->kind == IND_KIND_SHARE && !x->has_max) {
			x->has_max = 1;
			x->max = 100;
		}
		ind_def_problems(x, problem, c);
	}
	err_free(&e);
	for (int col = 0; col < IND_COL_N; col++)
		buf_free(&f[col]);
}

static void def_init(struct ind_def *x)
{
	memset(x, 0, sizeof(*x));
	x->code = xstrdup("");
	x->label = xstrdup("");
	x->definition = xstrdup("");
	x->unit = xstrdup("");
	x->weight_code = xstrdup("");
	x->source = xstrdup("");
}

/* A code read on a line (kept also for refused lines, so that a weight
 * naming a faulty line is not reported as unknown, and duplicates are found
 * in one run). */
struct code_line {
	char *code;
	long line;
	long item; /* index in the catalogue, -1 when the line was refused */
};

static long find_code(const struct code_line *cl, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(cl[i].code, code) == 0)
			return (long)i;
	return -1;
}

int ind_catalogue_parse(const char *name, const char *data, size_t len, struct ind_catalogue *out,
			struct diags *d)
{
	const char *file = name ? name : "";
	struct col_row c = { file, d, columns, 0, 0 };
	struct col_reader cr;
	size_t before = d->errors;
	struct code_line *codes = NULL;
	long *item_line = NULL;
	size_t ncodes = 0, capcodes = 0, caplines = 0;
	int map[IND_COL_N];

	memset(out, 0, sizeof(*out));
	if (col_reader_open(&cr, file, data, len, columns, IND_COL_N, map, d))
		goto done;
	while (col_reader_next(&cr)) {
		c.line = cr.line;
		struct ind_def x;
		def_init(&x);
		c.errors_here = 0;
		parse_record(&c, cr.r, map, &x);
		long item = -1;
		if (*x.code) {
			long prev = find_code(codes, ncodes, x.code);
			if (prev >= 0) {
				col_bad(&c, IND_COL_CODE,
					"code « %s » en double (déjà utilisé ligne %ld)", x.code,
					codes[prev].line);
			}
		}
		if (!c.errors_here) {
			xgrow((void **)&out->items, sizeof(*out->items), out->n + 1, &out->cap);
			xgrow((void **)&item_line, sizeof(*item_line), out->n + 1, &caplines);
			item = (long)out->n;
			item_line[out->n] = c.line;
			out->items[out->n++] = x;
		}
		if (*x.code && find_code(codes, ncodes, x.code) < 0) {
			xgrow((void **)&codes, sizeof(*codes), ncodes + 1, &capcodes);
			codes[ncodes].code = xstrdup(x.code);
			codes[ncodes].line = c.line;
			codes[ncodes].item = item;
			ncodes++;
		}
		if (item < 0)
			ind_def_free(&x);
	}
	/* Weights: an indicator of the file, itself not weighted. */
	for (size_t i = 0; i < out->n; i++) {
		const struct ind_def *x = &out->items[i];
		if (x->rule != IND_RULE_WMEAN || !*x->weight_code)
			continue;
		c.line = item_line[i];
		long w = find_code(codes, ncodes, x->weight_code);
		if (w < 0)
			col_bad(&c, IND_COL_WEIGHT,
				"indicateur de pondération « %s » absent du catalogue",
				x->weight_code);
		else if (codes[w].item >= 0 && out->items[codes[w].item].rule == IND_RULE_WMEAN)
			col_bad(&c, IND_COL_WEIGHT,
				"indicateur de pondération « %s » lui-même pondéré (ligne %ld) : "
				"une "
				"pondération doit être une valeur simple",
				x->weight_code, codes[w].line);
	}
	if (d->errors == before)
		ind_catalogue_check(out, file, d);
done:
	for (size_t i = 0; i < ncodes; i++)
		free(codes[i].code);
	free(codes);
	free(item_line);
	col_reader_close(&cr);
	if (d->errors > before) {
		ind_catalogue_free(out);
		return -1;
	}
	return 0;
}

void ind_catalogue_write_csv(const struct ind_catalogue *c, struct buf *out)
{
	struct buf tmp = BUF_INIT;
	buf_adds(out, "\xEF\xBB\xBF");
	for (int col = 0; col < IND_COL_N; col++)
		csv_write_field(out, columns[col].header, ';', col == 0);
	csv_write_end(out);
	for (size_t i = 0; i < c->n; i++) {
		const struct ind_def *x = &c->items[i];
		csv_write_field(out, x->code ? x->code : "", ';', 1);
		csv_write_field(out, x->label ? x->label : "", ';', 0);
		csv_write_field(out, x->definition ? x->definition : "", ';', 0);
		csv_write_field(out, x->unit ? x->unit : "", ';', 0);
		csv_write_field(out, theme_code(x->theme), ';', 0);
		csv_write_field(out, ind_kind_code(x->kind), ';', 0);
		csv_write_field(out, ind_rule_code(x->rule), ';', 0);
		csv_write_field(out, x->weight_code ? x->weight_code : "", ';', 0);
		buf_reset(&tmp);
		if (x->has_min)
			fmt_number_fr(&tmp, x->min);
		csv_write_field(out, tmp.ptr, ';', 0);
		buf_reset(&tmp);
		if (x->has_max)
			fmt_number_fr(&tmp, x->max);
		csv_write_field(out, tmp.ptr, ';', 0);
		csv_write_field(out, ind_better_code(x->better), ';', 0);
		buf_reset(&tmp);
		ind_targets_write(x->targets, x->ntargets, &tmp);
		csv_write_field(out, tmp.ptr, ';', 0);
		csv_write_field(out, ind_calc_code(x->calc), ';', 0);
		csv_write_field(out, x->source ? x->source : "", ';', 0);
		csv_write_end(out);
	}
	buf_free(&tmp);
}
