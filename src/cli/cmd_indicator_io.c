/* cmd_indicator_io.c: numeco indicator import|export|consolidate — values
 * in and out of CSV (and XLSX), and the national consolidation of a year. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd_indicator_int.h"
#include "core/xalloc.h"
#include "indicators/ind_collect.h"
#include "indicators/ind_export.h"
#include "io/csv.h"
#include "io/parse.h"
#include "store/store_ind.h"

static int import_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int export_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int consolidate_cmd(const struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd indcli_import = {
	"indicator import", import_cmd, "importer des valeurs (CSV)",
	"Usage : numeco indicator import FICHIER.csv\n\n"
	"Importe des valeurs d'indicateurs, une par ligne, au format de\n"
	"docs/formats/indicators.md : colonnes Ministère;Année;Indicateur;Valeur,\n"
	"et facultatives Commentaire;Source (séparateur ; ou , ; UTF-8 ou\n"
	"Windows-1252). Un fichier écrit par numeco indicator export se réimporte tel\n"
	"quel (ses lignes calculées sont ignorées). Une valeur vide efface la valeur.\n\n"
	"Tout ou rien : à la moindre erreur (ministère ou indicateur inconnu,\n"
	"indicateur calculé par numeco, nombre invalide, valeur hors plage, saut de plus de ×3\n"
	"sans commentaire, ligne en double, collecte déjà soumise, ministère sur\n"
	"lequel on n'a pas de droit), chaque ligne fautive est signalée\n"
	"(FICHIER:LIGNE: Colonne: message) et rien n'est enregistré.\n"
	"Permis à l'admin, et au référent pour les valeurs de son ministère.\n"
	"FICHIER « - » lit l'entrée standard.\n\n"
	"Exemple :\n"
	"  numeco --as referent@exemple.gouv.fr indicator import valeurs-2024.csv\n"
};
const struct cli_cmd indcli_export = {
	"indicator export", export_cmd, "exporter les valeurs (CSV ou XLSX)",
	"Usage : numeco indicator export [--year ANNÉE] [--org MINISTÈRE]\n"
	"                                [--format csv|xlsx] [--output FICHIER]\n\n"
	"Écrit toutes les valeurs (saisies et calculées), une ligne par ministère,\n"
	"année et indicateur : Ministère;Nom du ministère;Année;Indicateur;Libellé;\n"
	"Unité;Valeur;Commentaire;Source;Origine;État. Le CSV (UTF-8 avec BOM, « ; »,\n"
	"décimales avec virgule) se réimporte avec numeco indicator import. Le\n"
	"classeur XLSX a deux feuilles : « Valeurs » (les mêmes colonnes, nombres en\n"
	"nombres) et « Consolidation » (valeur nationale de chaque indicateur et\n"
	"année, complétude, cible, écart).\n\n"
	"  --year    une seule année (défaut : toutes)\n"
	"  --org     un seul ministère\n"
	"  --format  csv (défaut) ou xlsx\n"
	"  --output  écrire dans FICHIER plutôt que sur la sortie standard ; le\n"
	"            classeur xlsx, binaire, ne s'écrit pas sur un terminal : donner\n"
	"            --output ou rediriger la sortie\n\n"
	"Exemples :\n"
	"  numeco indicator export --year 2024 --output valeurs-2024.csv\n"
	"  numeco indicator export --format xlsx --output indicateurs.xlsx\n"
};
const struct cli_cmd indcli_consolidate = {
	"indicator consolidate", consolidate_cmd, "valeurs nationales d'une année, complétude",
	"Usage : numeco indicator consolidate --year ANNÉE [--format md|csv|json]\n"
	"                                     [--output FICHIER]\n\n"
	"Calcule la valeur nationale de chaque indicateur pour ANNÉE selon sa règle\n"
	"(somme, moyenne pondérée, moyenne, min, max), sur les collectes soumises ou\n"
	"validées et les valeurs calculées par numeco, avec la complétude\n"
	"(« 7 ministères sur 11 », dont combien validés), les valeurs laissées de côté\n"
	"faute de pondération, la cible de l'année et l'écart à la cible. En md, la\n"
	"liste des ministères dont la valeur manque suit, indicateur par indicateur.\n\n"
	"  --format  md (défaut), csv (UTF-8 avec BOM, « ; ») ou json\n"
	"  --output  écrire dans FICHIER plutôt que sur la sortie standard\n\n"
	"Exemple :\n"
	"  numeco indicator consolidate --year 2024 --format csv --output national-2024.csv\n"
};

/* ---- import ---- */

struct import_arg {
	const char *path;
	const struct buf *data;
	struct diags d;
	struct ind_import_stats st;
};

static int do_import(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct import_arg *x = arg;
	struct ind_catalogue cat = { 0 };
	int rc = store_ind_catalogue_load(s, &cat, e);
	if (rc == 0)
		rc = ind_import(s, a, &cat, x->path, x->data->ptr, x->data->len, &x->st, &x->d, e);
	ind_catalogue_free(&cat);
	if (x->d.errors) {
		diags_print(&x->d, stderr);
		return err_set(e, "import refusé : %zu erreur%s, rien n'a été enregistré",
			       x->d.errors, x->d.errors > 1 ? "s" : "");
	}
	return rc;
}

static int import_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos;
	struct cli_opt opts[] = { { NULL, 0, NULL } };
	int rc = cli_parse(&indcli_import, argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct buf data = BUF_INIT;
	struct err e = ERR_INIT;
	if (cli_read_file(pos[0], &data, &e)) {
		rc = cli_fail(&e);
		err_free(&e);
		return rc;
	}
	struct import_arg x = { pos[0], &data, DIAGS_INIT, { 0 } };
	rc = cli_transaction(ctx, do_import, &x);
	if (rc == CLI_OK) {
		diags_print(&x.d, stderr); /* warnings */
		const struct ind_import_stats *st = &x.st;
		printf("%s : %zu ligne%s lue%s — %zu valeur%s enregistrée%s, %zu inchangée%s, %zu "
		       "effacée%s.\n",
		       pos[0], st->read, st->read > 1 ? "s" : "", st->read > 1 ? "s" : "", st->set,
		       st->set > 1 ? "s" : "", st->set > 1 ? "s" : "", st->unchanged,
		       st->unchanged > 1 ? "s" : "", st->removed, st->removed > 1 ? "s" : "");
	}
	diags_free(&x.d);
	buf_free(&data);
	return rc;
}

/* ---- export ---- */

static int export_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *year_s = NULL, *org = NULL, *format = "csv", *output = NULL, *pos[1];
	int npos, year = 0;
	struct cli_opt opts[] = { { "--year", 1, &year_s },
				  { "--org", 1, &org },
				  { "--format", 1, &format },
				  { "--output", 1, &output },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&indcli_export, argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (year_s && (rc = indcli_year(&indcli_export, "--year", year_s, &year)) != 0)
		return rc;
	int xlsx = strcmp(format, "xlsx") == 0;
	if (!xlsx && strcmp(format, "csv") != 0) {
		fprintf(stderr,
			"numeco indicator export: format inconnu « %s » (attendu : csv ou xlsx)\n",
			format);
		return CLI_USAGE;
	}
	if (xlsx && (!output || strcmp(output, "-") == 0) && isatty(STDOUT_FILENO)) {
		fprintf(stderr,
			"numeco indicator export: le classeur xlsx est un fichier binaire : "
			"donner --output FICHIER.xlsx (ou rediriger la sortie)\n");
		return CLI_USAGE;
	}
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct ind_catalogue cat = { 0 };
	struct ind_table t = { 0 };
	struct ind_value_list vals = { 0 };
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;
	int64_t ministry = 0;
	int from = year, to = year;
	rc = CLI_FAIL;
	if (org && indcli_ministry(s, org, &ministry))
		goto out;
	if (!year && store_ind_years(s, &from, &to, &e)) {
		cli_fail(&e);
		goto out;
	}
	if (!from) {
		fprintf(stderr, "numeco: aucune valeur d'indicateur en base : rien à exporter\n");
		goto out;
	}
	if (ind_load(s, from, to, ministry, &cat, &t, &e) ||
	    store_ind_value_list(s, ministry, year, &vals, &e) ||
	    (xlsx ? ind_export_xlsx(&t, &vals, &out, &e) : (ind_export_csv(&t, &vals, &out), 0))) {
		cli_fail(&e);
		goto out;
	}
	rc = cli_write_output(output, &out);
out:
	if (t.cat)
		ind_table_free(&t);
	ind_catalogue_free(&cat);
	ind_value_list_free(&vals);
	buf_free(&out);
	err_free(&e);
	store_close(s);
	return rc;
}

/* ---- consolidate ---- */

/* Text that reads as plain text in Markdown (a paragraph or a table cell). */
static void md_text(struct buf *out, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		if (strchr("\\`*_[]<>|~&#!{}", *p))
			buf_addc(out, '\\');
		buf_addc(out, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
	}
}

static void md_cell(struct buf *out, const char *s)
{
	buf_addc(out, ' ');
	md_text(out, s);
	buf_adds(out, " |");
}

/* Ministries whose value does not count for indicator ind in year: codes
 * joined by ", ", or "" */
static void missing_codes(const struct ind_table *t, size_t ind, int year, struct buf *out)
{
	for (size_t o = 0; o < t->norg; o++) {
		if (t->flags[ind_table_at(t, o, ind, year)] & IND_CELL_COUNTS)
			continue;
		if (out->len)
			buf_adds(out, ", ");
		buf_adds(out, t->org_code[o]);
	}
}

static void cons_md(const struct ind_table *t, int year, struct buf *out)
{
	struct buf b = BUF_INIT;
	buf_addf(out, "# Indicateurs communs — consolidation nationale %d\n\n", year);
	buf_addf(out,
		 "Valeurs comptées : collectes soumises ou validées, et valeurs calculées par "
		 "numeco ; %zu ministère%s attendu%s.\n\n",
		 t->norg, t->norg > 1 ? "s" : "", t->norg > 1 ? "s" : "");
	buf_adds(out, "| Indicateur | Consolidation | Valeur nationale | Complétude | Cible | "
		      "Écart à la cible |\n|---|---|---:|---|---:|---:|\n");
	for (size_t i = 0; i < t->cat->n; i++) {
		const struct ind_def *d = &t->cat->items[i];
		struct ind_result r;
		ind_table_consolidate(t, i, year, &r);
		buf_adds(out, "|");
		/* Codes are [a-z0-9_]: safe in a code span. */
		buf_addc(out, ' ');
		md_text(out, d->label);
		buf_addf(out, " (`%s`%s) |", d->code, d->calc != IND_CALC_NONE ? ", calculé" : "");
		buf_addc(out, ' ');
		md_text(out, ind_rule_label(d->rule));
		if (d->rule == IND_RULE_WMEAN)
			buf_addf(out, " par `%s`", d->weight_code);
		buf_adds(out, " |");
		buf_reset(&b);
		ind_fmt_value(&b, d, r.has_value, r.value);
		md_cell(out, b.ptr);
		buf_reset(&b);
		ind_fmt_completeness(&b, &r);
		md_cell(out, b.ptr);
		double target, gap;
		int met, has_target = ind_target_for(d, year, &target);
		buf_reset(&b);
		ind_fmt_value(&b, d, has_target, target);
		md_cell(out, b.ptr);
		buf_reset(&b);
		if (r.has_value && ind_gap(d, year, r.value, &gap, &met)) {
			ind_fmt_gap(&b, d, gap);
			buf_adds(&b, met ? " (atteinte)" : " (non atteinte)");
		} else {
			buf_adds(&b, "—");
		}
		md_cell(out, b.ptr);
		buf_addc(out, '\n');
	}
	buf_adds(out, "\n## Ministères dont la valeur manque\n\n");
	size_t n = 0;
	for (size_t i = 0; i < t->cat->n; i++) {
		buf_reset(&b);
		missing_codes(t, i, year, &b);
		if (!b.len)
			continue;
		const struct ind_def *d = &t->cat->items[i];
		buf_adds(out, "- ");
		md_text(out, d->label);
		buf_addf(out, " (`%s`) : ", d->code);
		md_text(out, b.ptr);
		buf_addc(out, '\n');
		n++;
	}
	if (!n)
		buf_adds(out, "Aucune : chaque ministère compte dans chaque indicateur.\n");
	else
		buf_adds(out, "\nUne valeur manque quand elle n'est pas saisie ou que la collecte "
			      "du ministère est encore en brouillon.\n");
	buf_free(&b);
}

/* A number rounded to 6 decimals, written for French spreadsheets. */
static void csv_num(struct buf *out, double v)
{
	struct buf b = BUF_INIT;
	fmt_number_fr(&b, round(v * 1e6) / 1e6);
	csv_write_field(out, b.ptr, ';', 0);
	buf_free(&b);
}

static void csv_count(struct buf *out, size_t n)
{
	char b[32];
	snprintf(b, sizeof(b), "%zu", n);
	csv_write_field(out, b, ';', 0);
}

static void cons_csv(const struct ind_table *t, int year, struct buf *out)
{
	static const char *const cols[] = {
		"Année",	"Indicateur",	      "Libellé",
		"Unité",	"Consolidation",      "Calcul",
		"Valeur",	"Ministères comptés", "Ministères attendus",
		"Dont validés", "Sans pondération",   "Cible",
		"Écart",	"Cible atteinte",     "Ministères sans valeur comptée"
	};
	buf_adds(out, "\xef\xbb\xbf");
	for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++)
		csv_write_field(out, cols[c], ';', c == 0);
	csv_write_end(out);
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < t->cat->n; i++) {
		const struct ind_def *d = &t->cat->items[i];
		struct ind_result r;
		ind_table_consolidate(t, i, year, &r);
		char y[16];
		snprintf(y, sizeof(y), "%d", year);
		csv_write_field(out, y, ';', 1);
		csv_write_guarded(out, d->code, ';', 0);
		csv_write_guarded(out, d->label, ';', 0);
		csv_write_guarded(out, d->unit, ';', 0);
		csv_write_field(out, ind_rule_code(d->rule), ';', 0);
		csv_write_field(out, ind_calc_code(d->calc), ';', 0);
		if (r.has_value)
			csv_num(out, r.value);
		else
			csv_write_field(out, "", ';', 0);
		csv_count(out, r.counted);
		csv_count(out, r.expected);
		csv_count(out, r.validated);
		csv_count(out, r.missing_weight);
		double target, gap;
		int met;
		if (ind_target_for(d, year, &target))
			csv_num(out, target);
		else
			csv_write_field(out, "", ';', 0);
		if (r.has_value && ind_gap(d, year, r.value, &gap, &met)) {
			csv_num(out, gap);
			csv_write_field(out, met ? "oui" : "non", ';', 0);
		} else {
			csv_write_field(out, "", ';', 0);
			csv_write_field(out, "", ';', 0);
		}
		buf_reset(&b);
		missing_codes(t, i, year, &b);
		csv_write_guarded(out, b.ptr, ';', 0);
		csv_write_end(out);
	}
	buf_free(&b);
}

static json_t *j_num(double v)
{
	double r = round(v * 1e6) / 1e6;
	return json_real(r == 0 ? 0 : r);
}

static void cons_json(const struct ind_table *t, int year, struct buf *out)
{
	json_t *root = json_object(), *list = json_array();
	json_object_set_new(root, "year", json_integer(year));
	json_object_set_new(root, "ministries", json_integer((json_int_t)t->norg));
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < t->cat->n; i++) {
		const struct ind_def *d = &t->cat->items[i];
		struct ind_result r;
		ind_table_consolidate(t, i, year, &r);
		json_t *o = json_object(), *missing = json_array();
		json_object_set_new(o, "code", json_string(d->code));
		json_object_set_new(o, "label", json_string(d->label));
		json_object_set_new(o, "unit", json_string(d->unit));
		json_object_set_new(o, "theme", json_string(theme_code(d->theme)));
		json_object_set_new(o, "rule", json_string(ind_rule_code(d->rule)));
		json_object_set_new(o, "weight",
				    d->rule == IND_RULE_WMEAN ? json_string(d->weight_code)
							      : json_null());
		json_object_set_new(o, "computed", json_boolean(d->calc != IND_CALC_NONE));
		json_object_set_new(o, "value", r.has_value ? j_num(r.value) : json_null());
		json_object_set_new(o, "counted", json_integer((json_int_t)r.counted));
		json_object_set_new(o, "expected", json_integer((json_int_t)r.expected));
		json_object_set_new(o, "validated", json_integer((json_int_t)r.validated));
		json_object_set_new(o, "missing_weight",
				    json_integer((json_int_t)r.missing_weight));
		buf_reset(&b);
		ind_fmt_completeness(&b, &r);
		json_object_set_new(o, "completeness", json_string(b.ptr));
		double target, gap;
		int met, has_gap = r.has_value && ind_gap(d, year, r.value, &gap, &met);
		json_object_set_new(o, "target",
				    ind_target_for(d, year, &target) ? j_num(target) : json_null());
		json_object_set_new(o, "gap", has_gap ? j_num(gap) : json_null());
		json_object_set_new(o, "met", has_gap ? json_boolean(met) : json_null());
		for (size_t m = 0; m < t->norg; m++)
			if (!(t->flags[ind_table_at(t, m, i, year)] & IND_CELL_COUNTS))
				json_array_append_new(missing, json_string(t->org_code[m]));
		json_object_set_new(o, "missing", missing);
		json_array_append_new(list, o);
	}
	buf_free(&b);
	json_object_set_new(root, "indicators", list);
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	if (!s)
		xalloc_die("json_dumps");
	buf_adds(out, s);
	buf_addc(out, '\n');
	free(s);
	json_decref(root);
}

static int consolidate_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *year_s = NULL, *format = "md", *output = NULL, *pos[1];
	int npos, year = 0;
	struct cli_opt opts[] = { { "--year", 1, &year_s },
				  { "--format", 1, &format },
				  { "--output", 1, &output },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&indcli_consolidate, argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!year_s)
		return cli_missing(&indcli_consolidate, "--year");
	if ((rc = indcli_year(&indcli_consolidate, "--year", year_s, &year)) != 0)
		return rc;
	void (*render)(const struct ind_table *, int, struct buf *) =
		strcmp(format, "md") == 0     ? cons_md
		: strcmp(format, "csv") == 0  ? cons_csv
		: strcmp(format, "json") == 0 ? cons_json
					      : NULL;
	if (!render) {
		fprintf(stderr,
			"numeco indicator consolidate: format inconnu « %s » (attendu : md, csv "
			"ou json)\n",
			format);
		return CLI_USAGE;
	}
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct ind_catalogue cat = { 0 };
	struct ind_table t = { 0 };
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;
	if (ind_load(s, year, year, 0, &cat, &t, &e)) {
		rc = cli_fail(&e);
	} else {
		render(&t, year, &out);
		rc = cli_write_output(output, &out);
	}
	if (t.cat)
		ind_table_free(&t);
	ind_catalogue_free(&cat);
	buf_free(&out);
	err_free(&e);
	store_close(s);
	return rc;
}
