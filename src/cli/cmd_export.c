/* cmd_export.c: numeco export roadmap — a roadmap back to the template. */
#include <stdio.h>

#include "cli/cli.h"
#include "plan/roadmap_import.h"

static int export_roadmap(const struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_cmd subs[] = {
	{ "export roadmap", export_roadmap, "exporter une feuille de route (trame CSV)",
	  "Usage : numeco export roadmap --org CODE --period PÉRIODE [--output FICHIER]\n\n"
	  "Écrit la feuille de route dans la trame CSV (UTF-8 avec BOM, « ; », libellés\n"
	  "français, dates JJ/MM/AAAA), sur la sortie standard ou dans FICHIER.\n"
	  "Le fichier se réimporte tel quel : exporter, importer, réexporter donne les\n"
	  "mêmes octets.\n" },
	{ NULL, NULL, NULL, NULL },
};

static int export_roadmap(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *period = NULL, *output = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &org },
				  { "--period", 1, &period },
				  { "--output", 1, &output },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&subs[0], argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!org)
		return cli_missing(&subs[0], "--org");
	if (!period)
		return cli_missing(&subs[0], "--period");
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;
	if (rm_export(s, org, period, &out, &e))
		rc = cli_fail(&e);
	else
		rc = cli_write_output(output, &out);
	buf_free(&out);
	err_free(&e);
	store_close(s);
	return rc;
}

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_dispatch(ctx, "export", subs, argc, argv);
}

const struct cli_cmd cmd_export = { "export", run, "exporter : roadmap (trame CSV)", "" };
