/* cmd_log.c: numeco log — the audit log (who, when, what before, after). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "plan/audit.h"

static int run(const struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cmd_log = {
	"log",
	run,
	"journal des modifications (qui, quand, avant, après)",
	"Usage : numeco log [--org CODE [--period PÉRIODE [--action RÉF]]] [--limit N]\n\n"
	"Affiche le journal, le plus récent en premier : date (UTC), auteur, opération,\n"
	"objet, puis les champs modifiés (avant → après). Filtrer par organisation,\n"
	"période ou action ; --limit borne le nombre d'entrées (défaut : 50 ; 0 = tout).\n",
};

static const char *op_label(const char *op)
{
	static const char *const ops[][2] = { { "create", "création" },
					      { "update", "modification" },
					      { "delete", "suppression" },
					      { "state", "changement d'état" },
					      { "publish", "publication" } };
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(ops[i][0], op) == 0)
			return ops[i][1];
	return op;
}

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *period = NULL, *action = NULL, *limit_s = "50", *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &org },
				  { "--period", 1, &period },
				  { "--action", 1, &action },
				  { "--limit", 1, &limit_s },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&cmd_log, argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	char *end;
	long limit = strtol(limit_s, &end, 10);
	if (*end || limit < 0 || limit > 1000000) {
		fprintf(stderr, "numeco log: --limit invalide « %s »\n", limit_s);
		return CLI_USAGE;
	}
	if ((period && !org) || (action && !period)) {
		fprintf(stderr,
			"numeco log: --period demande --org, et --action demande --period\n");
		return CLI_USAGE;
	}
	struct buf prefix = BUF_INIT, diff = BUF_INIT;
	if (org)
		buf_addf(&prefix, "%s", org);
	if (period)
		buf_addf(&prefix, "/%s", period);
	if (action)
		buf_addf(&prefix, "/%s", action);
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s) {
		buf_free(&prefix);
		return CLI_FAIL;
	}
	struct audit_list l = { 0 };
	struct err e = ERR_INIT;
	if (store_audit_list(s, prefix.ptr, (int)limit, &l, &e)) {
		rc = cli_fail(&e);
	} else {
		for (size_t i = 0; i < l.n; i++) {
			const struct audit_entry *a = &l.items[i];
			buf_reset(&diff);
			audit_diff(a->before, a->after, "    ", &diff);
			printf("%s  %s  %s %s %s\n%s", a->at, a->actor, op_label(a->op), a->entity,
			       a->entity_key, diff.ptr);
		}
		if (l.n == 0)
			printf("Journal vide pour ce filtre.\n");
		rc = CLI_OK;
	}
	audit_list_free(&l);
	buf_free(&prefix);
	buf_free(&diff);
	err_free(&e);
	store_close(s);
	return rc;
}
