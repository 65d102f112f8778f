/* cmd_rgesn_diag.c: numeco rgesn questionnaire|diagnostic|consolidate —
 * the quick self-diagnosis in one command (its CSV questionnaire, then the
 * answers, score and first steps) and the consolidation of services per
 * ministry (the rest of numeco rgesn is in cmd_rgesn.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_rgesn_int.h"
#include "core/xalloc.h"
#include "indicators/ind_collect.h"
#include "io/csv.h"
#include "io/parse.h"
#include "rgesn/rg_assess.h"
#include "rgesn/rg_report.h"

static int questionnaire_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int diagnostic_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int consolidate_cmd(const struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd rgcli_questionnaire_cmd = {
	"rgesn questionnaire", questionnaire_cmd, "modèle CSV de réponses à remplir",
	"Usage : numeco rgesn questionnaire [--version VERSION] [--all] [--output FICHIER]\n\n"
	"Écrit le questionnaire d'autodiagnostic rapide en CSV (UTF-8 avec BOM, « ; ») :\n"
	"Critère;Titre;Réponse;Justification;Date prévue;Note, une ligne par question.\n"
	"Remplir la colonne Réponse dans un tableur, puis numeco rgesn diagnostic (ou\n"
	"numeco assessment import).\n\n"
	"  --version  version du référentiel (défaut : la dernière chargée)\n"
	"  --all      tous les critères (pour une évaluation complète)\n"
	"  --output   écrire dans FICHIER plutôt que sur la sortie standard\n\n"
	"Exemple :\n"
	"  numeco rgesn questionnaire --output diagnostic.csv\n"
};
const struct cli_cmd rgcli_diagnostic_cmd = {
	"rgesn diagnostic", diagnostic_cmd, "autodiagnostic rapide d'un service en une commande",
	"Usage : numeco rgesn diagnostic SERVICE --answers FICHIER.csv\n"
	"                                [--version VERSION] [--date AAAA-MM-JJ]\n\n"
	"Enregistre l'autodiagnostic rapide du service SERVICE avec les réponses du\n"
	"fichier (le questionnaire de numeco rgesn questionnaire, rempli), puis\n"
	"affiche son score et les critères à regarder en premier. Revient à numeco\n"
	"assessment new SERVICE --diagnostic suivi de numeco assessment import, en\n"
	"une seule transaction : tout ou rien. Mêmes droits que numeco assessment new.\n\n"
	"Exemple :\n"
	"  numeco rgesn questionnaire --output diag.csv   (puis le remplir)\n"
	"  numeco rgesn diagnostic MIN-ECO-IMPOTS --answers diag.csv\n"
	"  numeco assessment convert 7                     (vers l'évaluation complète)\n"
};
const struct cli_cmd rgcli_consolidate_cmd = {
	"rgesn consolidate", consolidate_cmd, "services évalués et scores par ministère",
	"Usage : numeco rgesn consolidate [--org MINISTÈRE] [--format md|json|html]\n"
	"                                 [--top N] [--output FICHIER]\n\n"
	"Consolide la dernière évaluation complète de chaque service, par ministère et\n"
	"pour l'État : services inscrits, services évalués, score moyen, répartition\n"
	"des scores (0-25, 25-50, 50-75, 75-100 %), et les critères le plus souvent\n"
	"non conformes.\n\n"
	"  --org     un seul ministère\n"
	"  --format  md (défaut), json, ou html (fragment pour un rapport)\n"
	"  --top     nombre de critères le plus souvent non conformes (défaut : 10)\n"
	"  --output  écrire dans FICHIER plutôt que sur la sortie standard\n\n"
	"Exemple :\n"
	"  numeco rgesn consolidate --format json --output rgesn.json\n"
};

/* ---- questionnaire ---- */

static int questionnaire_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *version = NULL, *all = NULL, *output = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--version", 1, &version },
				  { "--all", 0, &all },
				  { "--output", 1, &output },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&rgcli_questionnaire_cmd, argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct rg_ref r;
	if (rgcli_open_ref(s, version, &r)) {
		store_close(s);
		return CLI_FAIL;
	}
	size_t *quick = NULL, nquick = rg_quick_criteria(&r, &quick);
	struct buf out = BUF_INIT;
	static const char *const head[] = { "Critère",	     "Titre",	    "Réponse",
					    "Justification", "Date prévue", "Note" };
	buf_adds(&out, "\xEF\xBB\xBF");
	for (size_t c = 0; c < 6; c++)
		csv_write_field(&out, head[c], ';', c == 0);
	csv_write_end(&out);
	size_t n = all ? r.ncriteria : nquick;
	for (size_t i = 0; i < n; i++) {
		const struct rg_criterion *c = &r.criteria[all ? i : quick[i]];
		csv_write_field(&out, c->id, ';', 1);
		csv_write_guarded(&out, c->title, ';', 0);
		for (int k = 0; k < 4; k++)
			csv_write_field(&out, "", ';', 0);
		csv_write_end(&out);
	}
	rc = cli_write_output(output, &out);
	buf_free(&out);
	free(quick);
	rg_ref_free(&r);
	store_close(s);
	return rc;
}

/* ---- diagnostic ---- */

struct diag_arg {
	const char *service, *ref, *date, *path;
	const struct buf *data;
	struct diags d;
	int64_t id;
	size_t n;
};

static int do_diagnostic(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct diag_arg *x = arg;
	if (rg_assessment_new(s, a, x->service, x->ref, RG_KIND_DIAGNOSTIC, x->date, &x->id, e))
		return -1;
	int rc = rgcli_import(s, a, x->id, x->path, x->data, &x->n, &x->d, e);
	diags_print(&x->d, stderr);
	if (rc && x->d.errors && !e->msg.len)
		err_set(e, "autodiagnostic refusé : %zu erreur%s, rien n'a été enregistré",
			x->d.errors, x->d.errors > 1 ? "s" : "");
	return rc;
}

/* Prints the score of diagnosis id and the criteria to look at first. */
static int print_diagnosis(const struct cli_ctx *ctx, int64_t id)
{
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct rg_ref_cache refs = { 0 };
	struct rgcli_assessment x;
	if (rgcli_load(s, &refs, id, &x)) {
		rg_ref_cache_free(&refs);
		store_close(s);
		return CLI_FAIL;
	}
	struct rg_ref view;
	struct rg_score sc;
	struct buf b = BUF_INIT;
	size_t *first = NULL;
	rgcli_scope(x.ref, &x.as, &view);
	rg_score_compute(&view, x.as.items, x.as.nitems, &sc);
	size_t nfirst = rg_first_steps(&view, x.as.items, x.as.nitems, 5, &first);
	rgcli_pct(&b, &sc.all);
	printf("Autodiagnostic %lld du service %s (%s %s, %zu questions).\n", (long long)id,
	       x.svc.code, x.ref->name, x.ref->version, view.ncriteria);
	printf("Score : %s — %zu conforme%s sur %zu applicable%s.\n", b.ptr, sc.all.conforme,
	       sc.all.conforme > 1 ? "s" : "", sc.all.applicable, sc.all.applicable > 1 ? "s" : "");
	if (nfirst) {
		struct rgcli_table t;
		rgcli_table_init(&t, 4);
		printf("\nCritères à regarder en premier :\n");
		for (size_t i = 0; i < nfirst; i++) {
			const struct rg_criterion *c = &view.criteria[first[i]];
			const char *row[] = { c->id, rg_priority_label(c->priority),
					      rg_difficulty_label(c->difficulty), c->title };
			rgcli_table_row(&t, row);
		}
		rgcli_table_print(&t, "  ");
		rgcli_table_free(&t);
	}
	printf("\nÉvaluation complète à partir de ces réponses : numeco assessment convert %lld\n",
	       (long long)id);
	free(first);
	buf_free(&b);
	rg_score_free(&sc);
	rgcli_scope_free(&view);
	rgcli_assessment_free(&x);
	rg_ref_cache_free(&refs);
	store_close(s);
	return CLI_OK;
}

static int diagnostic_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *answers = NULL, *version = NULL, *date_s = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--answers", 1, &answers },
				  { "--version", 1, &version },
				  { "--date", 1, &date_s },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&rgcli_diagnostic_cmd, argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!answers)
		return cli_missing(&rgcli_diagnostic_cmd, "--answers");
	char iso[11] = "";
	struct err e = ERR_INIT;
	if (date_s && parse_date(date_s, iso, &e)) {
		fprintf(stderr, "numeco rgesn diagnostic: --date : %s\n", e.msg.ptr);
		err_free(&e);
		return CLI_USAGE;
	}
	struct buf data = BUF_INIT, spec = BUF_INIT;
	if (cli_read_file(answers, &data, &e)) {
		rc = cli_fail(&e);
		err_free(&e);
		return rc;
	}
	struct diag_arg x = { pos[0],
			      rgcli_ref_spec(version, &spec),
			      date_s ? iso : NULL,
			      answers,
			      &data,
			      DIAGS_INIT,
			      0,
			      0 };
	rc = cli_transaction(ctx, do_diagnostic, &x);
	if (rc == CLI_OK)
		rc = print_diagnosis(ctx, x.id);
	diags_free(&x.d);
	buf_free(&data);
	buf_free(&spec);
	err_free(&e);
	return rc;
}

/* ---- consolidate ---- */

static int consolidate_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *format = "md", *top_s = "10", *output = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &org },
				  { "--format", 1, &format },
				  { "--top", 1, &top_s },
				  { "--output", 1, &output },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&rgcli_consolidate_cmd, argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	enum rg_format fmt;
	if (rg_format_parse(format, &fmt)) {
		fprintf(stderr,
			"numeco rgesn consolidate: format inconnu « %s » (md, json ou "
			"html)\n",
			format);
		return CLI_USAGE;
	}
	char *end;
	long top = strtol(top_s, &end, 10);
	if (!*top_s || *end || top < 0 || top > 1000) {
		fprintf(stderr, "numeco rgesn consolidate: --top invalide « %s »\n", top_s);
		return CLI_USAGE;
	}
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct org m = { 0 };
	struct rg_cons out = { 0 };
	struct buf text = BUF_INIT;
	struct err e = ERR_INIT;
	if ((org && ind_find_ministry(s, org, &m, &e)) ||
	    rg_cons_load(s, m.id, (size_t)top, &out, &e)) {
		rc = cli_fail(&e);
	} else {
		rg_cons_render(&out, fmt, &text);
		rc = cli_write_output(output, &text);
	}
	rg_cons_free(&out);
	buf_free(&text);
	org_free(&m);
	err_free(&e);
	store_close(s);
	return rc;
}
