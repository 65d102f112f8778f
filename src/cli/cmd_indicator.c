/* cmd_indicator.c: numeco indicator — the common indicators: the
 * dispatch, list and show, and the helpers its files share (set, states and
 * catalogue are in cmd_indicator_edit.c; import, export and consolidate in
 * cmd_indicator_io.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_indicator_int.h"
#include "core/text.h"
#include "indicators/ind_collect.h"
#include "indicators/ind_export.h"
#include "store/store_ind.h"

static int list_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int show_cmd(const struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_cmd list_sub = {
	"indicator list", list_cmd, "afficher le catalogue des indicateurs",
	"Usage : numeco indicator list [--theme THÈME]\n\n"
	"Affiche le catalogue des indicateurs communs : code, libellé, unité, thème,\n"
	"règle de consolidation nationale, et « calculé » pour les indicateurs que\n"
	"numeco calcule lui-même (ils ne se saisissent que là où numeco n'a pas les\n"
	"données : pas de feuille de route ni d'évaluation d'empreinte de l'année).\n\n"
	"  --theme   seulement les indicateurs d'un thème (code ou libellé : strategie,\n"
	"            sensibilisation, achats, conception, datacenter, usage, fin_de_vie)\n\n"
	"Exemple :\n"
	"  numeco indicator list --theme fin_de_vie\n"
};
static const struct cli_cmd show_sub = {
	"indicator show", show_cmd, "détail d'un indicateur, valeurs nationales et par ministère",
	"Usage : numeco indicator show CODE [--year ANNÉE]\n\n"
	"Affiche la définition de l'indicateur CODE (unité, nature, consolidation, plage\n"
	"valide, sens, cibles, source), puis sa valeur nationale pour chaque année\n"
	"ayant des valeurs, avec la complétude (« 7 ministères sur 11 ») et l'écart à\n"
	"la cible, puis la valeur de chaque ministère pour une année.\n\n"
	"  --year    année des valeurs par ministère (défaut : la dernière année où\n"
	"            l'indicateur a une valeur)\n\n"
	"Exemple :\n"
	"  numeco indicator show part_achats_reconditionnes --year 2024\n"
};
static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd subs[] = {
		list_sub,	 show_sub,	     indcli_set,       indcli_import,
		indcli_export,	 indcli_consolidate, indcli_submit,    indcli_withdraw,
		indcli_validate, indcli_reopen,	     indcli_catalogue, { NULL, NULL, NULL, NULL },
	};
	return cli_dispatch(ctx, "indicator", subs, argc, argv);
}

const struct cli_cmd cmd_indicator = {
	"indicator",
	run,
	"indicateurs communs : list, show, set, import, export, consolidate…",
	"Usage : numeco indicator SOUS-COMMANDE …\n",
};

/* ---- shared helpers ---- */

int indcli_year(const struct cli_cmd *cmd, const char *opt, const char *s, int *year)
{
	char *end;
	long y = strtol(s, &end, 10);
	if (!*s || *end || y < IND_YEAR_MIN || y > IND_YEAR_MAX) {
		fprintf(stderr, "numeco %s: %s invalide « %s » (une année, ex. 2024)\n", cmd->name,
			opt, s);
		return CLI_USAGE;
	}
	*year = (int)y;
	return 0;
}

int indcli_ministry(struct store *s, const char *code, int64_t *id)
{
	struct org org = { 0 };
	struct err e = ERR_INIT;
	int rc = ind_find_ministry(s, code, &org, &e) ? cli_fail(&e) : 0;
	*id = org.id;
	org_free(&org);
	err_free(&e);
	return rc;
}

/* Appends s then spaces up to width characters. */
static void pad(struct buf *out, const char *s, size_t width)
{
	buf_adds(out, s);
	for (size_t n = text_utf8_len(s); n < width; n++)
		buf_addc(out, ' ');
}

/* Prints a line built with pad, without its trailing spaces. */
static void put_line(struct buf *line)
{
	while (line->len && line->ptr[line->len - 1] == ' ')
		buf_truncate(line, line->len - 1);
	puts(line->ptr);
	buf_reset(line);
}

/* ---- list ---- */

static void rule_text(const struct ind_def *d, struct buf *out)
{
	buf_adds(out, ind_rule_label(d->rule));
	if (d->rule == IND_RULE_WMEAN && d->weight_code && d->weight_code[0])
		buf_addf(out, " par %s", d->weight_code);
}

static int list_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *theme_s = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--theme", 1, &theme_s }, { NULL, 0, NULL } };
	int rc = cli_parse(&list_sub, argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	enum theme theme = THEME_STRATEGIE;
	if (theme_s && theme_parse(theme_s, &theme)) {
		fprintf(stderr,
			"numeco indicator list: thème inconnu « %s » (strategie, sensibilisation, "
			"achats, conception, datacenter, usage ou fin_de_vie)\n",
			theme_s);
		return CLI_USAGE;
	}
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct ind_catalogue cat = { 0 };
	struct err e = ERR_INIT;
	if (store_ind_catalogue_load(s, &cat, &e)) {
		rc = cli_fail(&e);
		goto out;
	}
	static const char *const head[] = { "Code",  "Libellé",	      "Unité",
					    "Thème", "Consolidation", "Calcul" };
	enum { NCOLS = 6 };
	size_t w[NCOLS], shown = 0;
	struct buf rule = BUF_INIT, line = BUF_INIT;
	for (size_t c = 0; c < NCOLS; c++)
		w[c] = text_utf8_len(head[c]);
	/* Two passes: the widths of the columns, then the lines. */
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1 && shown) {
			for (size_t c = 0; c < NCOLS; c++)
				pad(&line, head[c], w[c] + 2);
			put_line(&line);
		}
		for (size_t i = 0; i < cat.n; i++) {
			const struct ind_def *d = &cat.items[i];
			if (theme_s && d->theme != theme)
				continue;
			buf_reset(&rule);
			rule_text(d, &rule);
			const char *cells[NCOLS] = {
				d->code,  d->label,
				d->unit,  theme_code(d->theme),
				rule.ptr, d->calc != IND_CALC_NONE ? "calculé" : ""
			};
			for (size_t c = 0; c < NCOLS; c++) {
				size_t n = text_utf8_len(cells[c]);
				if (pass == 0 && n > w[c])
					w[c] = n;
				if (pass == 1)
					pad(&line, cells[c], w[c] + 2);
			}
			if (pass == 0)
				shown++;
			else
				put_line(&line);
		}
	}
	buf_free(&rule);
	buf_free(&line);
	if (!shown)
		printf("Aucun indicateur%s au catalogue.\n", theme_s ? " de ce thème" : "");
	else
		printf("\n%zu indicateur%s.\n", shown, shown > 1 ? "s" : "");
	rc = CLI_OK;
out:
	ind_catalogue_free(&cat);
	err_free(&e);
	store_close(s);
	return rc;
}

/* ---- show ---- */

static void show_def(const struct ind_def *d)
{
	struct buf b = BUF_INIT;
	printf("%s — %s (%s)\n", d->code, d->label, d->unit);
	if (d->definition && d->definition[0])
		printf("  Définition    : %s\n", d->definition);
	printf("  Thème         : %s\n", theme_label(d->theme));
	printf("  Nature        : %s\n", ind_kind_label(d->kind));
	rule_text(d, &b);
	printf("  Consolidation : %s\n", b.ptr);
	buf_reset(&b);
	if (d->has_min && d->has_max) {
		ind_fmt_value(&b, d, 1, d->min);
		buf_adds(&b, " à ");
		ind_fmt_value(&b, d, 1, d->max);
	} else if (d->has_min) {
		buf_adds(&b, "au moins ");
		ind_fmt_value(&b, d, 1, d->min);
	} else if (d->has_max) {
		buf_adds(&b, "au plus ");
		ind_fmt_value(&b, d, 1, d->max);
	} else {
		buf_adds(&b, "non bornée");
	}
	printf("  Plage valide  : %s\n", b.ptr);
	printf("  Sens          : %s\n", ind_better_label(d->better));
	buf_reset(&b);
	for (size_t i = 0; i < d->ntargets; i++) {
		buf_addf(&b, "%s%d : ", i ? ", " : "", d->targets[i].year);
		ind_fmt_value(&b, d, 1, d->targets[i].value);
	}
	printf("  Cibles        : %s\n", b.len ? b.ptr : "aucune");
	printf("  Origine       : %s\n", ind_calc_label(d->calc));
	if (d->source && d->source[0])
		printf("  Source        : %s\n", d->source);
	buf_free(&b);
}

/* One national value: "27,5 % — 2 ministères sur 3, dont 1 validé — cible
 * 25 % : atteinte (écart +2,5 %)". */
static void national_line(const struct ind_table *t, size_t ind, int year, struct buf *out)
{
	const struct ind_def *d = &t->cat->items[ind];
	struct ind_result r;
	ind_table_consolidate(t, ind, year, &r);
	if (r.has_value)
		ind_fmt_value(out, d, 1, r.value);
	else
		buf_adds(out, "aucune valeur");
	buf_adds(out, " — ");
	ind_fmt_completeness(out, &r);
	double target, gap;
	int met;
	if (ind_target_for(d, year, &target)) {
		buf_adds(out, " — cible ");
		ind_fmt_value(out, d, 1, target);
		if (r.has_value && ind_gap(d, year, r.value, &gap, &met)) {
			buf_adds(out, met ? " : atteinte (écart " : " : non atteinte (écart ");
			ind_fmt_gap(out, d, gap);
			buf_addc(out, ')');
		}
	}
}

static void show_ministries(struct store *s, const struct ind_table *t, size_t ind, int year)
{
	const struct ind_def *d = &t->cat->items[ind];
	struct ind_value_list vals = { 0 };
	struct err e = ERR_INIT;
	if (store_ind_value_list(s, 0, year, &vals, &e))
		cli_fail(&e); /* the values are still shown, without comments */
	size_t wc = 0, wn = 0;
	for (size_t o = 0; o < t->norg; o++) {
		if (text_utf8_len(t->org_code[o]) > wc)
			wc = text_utf8_len(t->org_code[o]);
		if (text_utf8_len(t->org_name[o]) > wn)
			wn = text_utf8_len(t->org_name[o]);
	}
	printf("\nValeurs des ministères en %d :\n", year);
	struct buf b = BUF_INIT, line = BUF_INIT;
	for (size_t o = 0; o < t->norg; o++) {
		size_t at = ind_table_at(t, o, ind, year);
		unsigned char f = t->flags[at];
		buf_reset(&b);
		ind_fmt_value(&b, d, f & IND_CELL_SET, t->value[at]);
		buf_adds(&line, "  ");
		pad(&line, t->org_code[o], wc + 2);
		pad(&line, t->org_name[o], wn + 2);
		pad(&line, b.ptr, 16);
		enum ind_state st =
			t->state[o * ind_table_nyears(t) + (size_t)(year - t->year_from)];
		buf_adds(&line, f & IND_CELL_COMPUTED ? "calculé" : ind_state_label(st));
		if ((f & IND_CELL_SET) && !(f & IND_CELL_COUNTS))
			buf_adds(&line, " (ne compte pas)");
		for (size_t i = 0; !(f & IND_CELL_COMPUTED) && i < vals.n; i++) {
			const struct ind_value *v = &vals.items[i];
			if (v->org_id != t->org_id[o] || strcmp(v->code, d->code) != 0)
				continue;
			if (v->comment[0])
				buf_addf(&line, " — commentaire : %s", v->comment);
			if (v->source[0])
				buf_addf(&line, " — source : %s", v->source);
		}
		put_line(&line);
	}
	buf_free(&b);
	buf_free(&line);
	ind_value_list_free(&vals);
	err_free(&e);
}

static int show_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *year_s = NULL, *pos[1];
	int npos, year = 0;
	struct cli_opt opts[] = { { "--year", 1, &year_s }, { NULL, 0, NULL } };
	int rc = cli_parse(&show_sub, argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (year_s && (rc = indcli_year(&show_sub, "--year", year_s, &year)) != 0)
		return rc;
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct ind_catalogue cat = { 0 };
	struct ind_table t = { 0 };
	struct err e = ERR_INIT;
	int min = 0, max = 0;
	rc = CLI_FAIL;
	if (store_ind_years(s, &min, &max, &e)) {
		cli_fail(&e);
		goto out;
	}
	if (year && (!min || year < min))
		min = year;
	if (year && year > max)
		max = year;
	if (min ? ind_load(s, min, max, 0, &cat, &t, &e) : store_ind_catalogue_load(s, &cat, &e)) {
		cli_fail(&e);
		goto out;
	}
	long ind = ind_catalogue_find(&cat, pos[0]);
	if (ind < 0) {
		fprintf(stderr,
			"numeco: indicateur inconnu : « %s » (voir numeco indicator list)\n",
			pos[0]);
		goto out;
	}
	show_def(&cat.items[ind]);
	int last = 0, shown = 0;
	struct buf b = BUF_INIT;
	for (int y = min; min && y <= max; y++) {
		int any = 0;
		for (size_t o = 0; o < t.norg; o++)
			any |= t.flags[ind_table_at(&t, o, (size_t)ind, y)] & IND_CELL_SET;
		if (!any && y != year)
			continue;
		if (!shown++)
			printf("\nValeur nationale par année :\n");
		if (any)
			last = y;
		buf_reset(&b);
		national_line(&t, (size_t)ind, y, &b);
		printf("  %d : %s\n", y, b.ptr);
	}
	buf_free(&b);
	if (!shown)
		printf("\nAucune valeur enregistrée ni calculée pour cet indicateur.\n");
	else
		show_ministries(s, &t, (size_t)ind, year ? year : last);
	rc = CLI_OK;
out:
	if (t.cat)
		ind_table_free(&t);
	ind_catalogue_free(&cat);
	err_free(&e);
	store_close(s);
	return rc;
}

/* ---- set ---- */
