/* cmd_serve.c: numeco serve — the web application and its JSON API. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "web/web_server.h"

static int run(const struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd cmd_serve = {
	"serve",
	run,
	"application web et API JSON (HTTP)",
	"Usage : numeco serve [--listen ADRESSE:PORT] [--threads N]\n"
	"                     [--session-timeout SECONDES] [--secure-cookies]\n\n"
	"Sert l'application web de numeco (pages HTML et API JSON sous /api/v1/) sur\n"
	"la base --db. Chaque requête est consignée sur la sortie d'erreur (méthode,\n"
	"chemin, statut, durée). SIGTERM ou Ctrl-C arrête le serveur après la fin des\n"
	"requêtes en cours.\n\n"
	"  --listen           adresse et port (défaut : $NUMECO_LISTEN, sinon\n"
	"                     127.0.0.1:8080)\n"
	"  --threads          fils de traitement (défaut : 2)\n"
	"  --session-timeout  inactivité avant la fin d'une session (défaut : 28800 s,\n"
	"                     soit 8 h)\n"
	"  --secure-cookies   cookies réservés à HTTPS (derrière un mandataire TLS)\n\n"
	"Les comptes se connectent avec leur adresse électronique et le mot de passe\n"
	"défini par numeco person passwd.\n",
};

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *env_listen = getenv("NUMECO_LISTEN");
	const char *listen = env_listen && *env_listen ? env_listen : "127.0.0.1:8080";
	const char *threads_s = "2", *timeout_s = "28800", *secure = NULL, *pos[1];
	struct cli_opt opts[] = { { "--listen", 1, &listen },
				  { "--threads", 1, &threads_s },
				  { "--session-timeout", 1, &timeout_s },
				  { "--secure-cookies", 0, &secure },
				  { NULL, 0, NULL } };
	int npos, rc = cli_parse(&cmd_serve, argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	char *end;
	long threads = strtol(threads_s, &end, 10);
	if (*end || threads < 1 || threads > 64) {
		fprintf(stderr, "numeco serve: --threads invalide « %s » (1 à 64)\n", threads_s);
		return CLI_USAGE;
	}
	long timeout = strtol(timeout_s, &end, 10);
	if (*end || timeout < 1 || timeout > 7 * 86400) {
		fprintf(stderr,
			"numeco serve: --session-timeout invalide « %s » (1 à 604800 secondes)\n",
			timeout_s);
		return CLI_USAGE;
	}
	struct web_cfg cfg = { ctx->db_path,   listen,	  timeout,
			       secure != NULL, 64u << 20, (unsigned)threads };
	struct err e = ERR_INIT;
	web_block_signals();
	if (web_serve(&cfg, &e))
		rc = cli_fail(&e);
	err_free(&e);
	return rc;
}
