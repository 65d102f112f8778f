/* cmd_report.c: numeco report — the consolidated review of a period. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/xalloc.h"
#include "indicators/ind_collect.h"
#include "plan/consolidate.h"
#include "report/report.h"
#include "rgesn/rg_assess.h"
#include "rgesn/rg_report.h"
#include "store/store_rgesn.h"

static int run(const struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cmd_report = {
	"report",
	run,
	"bilan consolidé d'une période (md, html, json, csv)",
	"Usage : numeco report --period PÉRIODE [--format md|html|json|csv] [--org CODE]\n"
	"                      [--top N] [--output FICHIER]\n\n"
	"Écrit le bilan consolidé des feuilles de route de PÉRIODE : ministères ayant\n"
	"une feuille de route, nombre d'actions, part réalisée, répartition par thème,\n"
	"par ministère et par niveau d'engagement, actions clés et total de leurs\n"
	"impacts évités estimés, actions aux plus forts impacts évités, empreinte\n"
	"du parc enregistrée, valeurs des indicateurs communs pour chaque année\n"
	"de la période (valeur nationale, complétude, cible et écart), et\n"
	"écoconception des services numériques (services évalués selon le RGESN,\n"
	"score moyen, répartition, critères le plus souvent non conformes).\n\n"
	"  --format   md (défaut), html (page autonome imprimable, graphiques SVG),\n"
	"             json ou csv\n"
	"  --org      limiter le bilan à un ministère\n"
	"  --top      nombre de lignes des classements d'actions et de critères\n"
	"             (défaut : 10)\n"
	"  --output   écrire dans FICHIER plutôt que sur la sortie standard\n\n"
	"Même données, mêmes octets : le bilan ne contient pas la date de production.\n",
};

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *period = NULL, *format_s = "md", *org = NULL, *top_s = "10", *output = NULL;
	const char *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--period", 1, &period }, { "--format", 1, &format_s },
				  { "--org", 1, &org },	      { "--top", 1, &top_s },
				  { "--output", 1, &output }, { NULL, 0, NULL } };
	int rc = cli_parse(&cmd_report, argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!period)
		return cli_missing(&cmd_report, "--period");
	enum report_format fmt;
	if (report_format_parse(format_s, &fmt)) {
		fprintf(stderr,
			"numeco report: format inconnu « %s » (attendu : md, html, json ou "
			"csv)\n",
			format_s);
		return CLI_USAGE;
	}
	int first, last;
	if (period_parse(period, &first, &last)) {
		fprintf(stderr,
			"numeco report: période invalide « %s » (attendu : 2022 ou "
			"2023-2025)\n",
			period);
		return CLI_USAGE;
	}
	char *end;
	long top = strtol(top_s, &end, 10);
	if (*end || top < 0 || top > 10000) {
		fprintf(stderr, "numeco report: --top invalide « %s » (0 à 10000)\n", top_s);
		return CLI_USAGE;
	}
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct cons_input in = { 0 }; /* filled (and initialised) by the store */
	struct cons_result res;
	struct ind_catalogue cat = { 0 };
	struct ind_table ind = { 0 };
	struct rg_cons rg = { 0 }; /* rg_cons_free is fine on it when not filled */
	struct org min = { 0 };
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;
	/* Everything is loaded here: rendering runs no SQL. */
	if (store_load_consolidation(s, period, org, &in, &e) ||
	    (org && ind_find_ministry(s, org, &min, &e)) ||
	    ind_load(s, first, last, org ? min.id : 0, &cat, &ind, &e) ||
	    rg_cons_load(s, org ? min.id : 0, (size_t)top, &rg, &e)) {
		rc = cli_fail(&e);
	} else {
		consolidate(&in, (size_t)top, &res);
		report_render_full(&in, &res, &ind, &rg, fmt, &out);
		cons_result_free(&res);
		rc = cli_write_output(output, &out);
	}
	if (ind.cat)
		ind_table_free(&ind);
	ind_catalogue_free(&cat);
	rg_cons_free(&rg);
	org_free(&min);
	cons_input_free(&in);
	buf_free(&out);
	err_free(&e);
	store_close(s);
	return rc;
}
