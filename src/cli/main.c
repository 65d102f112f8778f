/* main.c: numeco's entry point: global options, then one subcommand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "cli/cli.h"

static const struct cli_cmd *const commands[] = {
	&cmd_init,  &cmd_org,	  &cmd_person,	    &cmd_import,    &cmd_export, &cmd_review,
	&cmd_log,   &cmd_report,  &cmd_referential, &cmd_footprint, &cmd_action, &cmd_indicator,
	&cmd_rgesn, &cmd_service, &cmd_assessment,  &cmd_serve,	    NULL,
};

static void usage(FILE *out)
{
	fputs("numeco — pilotage du numérique écoresponsable de l'État\n\n"
	      "Usage : numeco [--db FICHIER] [--as E-MAIL] COMMANDE [OPTIONS]\n\n"
	      "Commandes :\n",
	      out);
	for (int i = 0; commands[i]; i++)
		fprintf(out, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\nOptions globales (avant ou après la commande) :\n"
	      "  --db FICHIER   base SQLite (défaut : $NUMECO_DB, sinon numeco.db)\n"
	      "  --as E-MAIL    agir en tant que cette personne (ses droits s'appliquent et\n"
	      "                 le journal la nomme) ; sans --as, l'opérateur local a tous\n"
	      "                 les droits et le journal le nomme cli:$USER\n"
	      "  --help         cette aide ; numeco COMMANDE --help pour une commande\n"
	      "  --version      version de numeco\n",
	      out);
}

/* Removes the global options from argv (they may stand anywhere) into ctx.
 * Returns the new argc, or -1 on a global option missing its value. */
static int take_globals(int argc, char **argv, struct cli_ctx *ctx)
{
	int out = 1;
	for (int i = 1; i < argc; i++) {
		const char *names[2] = { "--db", "--as" };
		const char **slots[2] = { &ctx->db_path, &ctx->as };
		int taken = 0;
		for (int k = 0; k < 2 && !taken; k++) {
			size_t n = strlen(names[k]);
			if (strcmp(argv[i], names[k]) == 0) {
				if (i + 1 >= argc) {
					fprintf(stderr, "numeco: l'option %s attend une valeur\n",
						names[k]);
					return -1;
				}
				*slots[k] = argv[++i];
				taken = 1;
			} else if (strncmp(argv[i], names[k], n) == 0 && argv[i][n] == '=') {
				*slots[k] = argv[i] + n + 1;
				taken = 1;
			}
		}
		if (!taken)
			argv[out++] = argv[i];
	}
	argv[out] = NULL;
	return out;
}

int main(int argc, char **argv)
{
	struct cli_ctx ctx = { 0 };
	const char *env_db = getenv("NUMECO_DB");
	const char *env_as = getenv("NUMECO_AS");
	const char *env_user = getenv("USER");
	ctx.db_path = env_db && *env_db ? env_db : "numeco.db";
	ctx.as = env_as && *env_as ? env_as : NULL;
	ctx.user = env_user && *env_user ? env_user : "inconnu";

	argc = take_globals(argc, argv, &ctx);
	if (argc < 0)
		return CLI_USAGE;
	if (argc < 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("numeco %s (schéma de base %d)\n", NUMECO_VERSION, store_schema_latest());
		return CLI_OK;
	}
	if (auth_init()) {
		fprintf(stderr, "numeco: impossible d'initialiser libsodium (hachage, jetons)\n");
		return CLI_FAIL;
	}
	for (int i = 0; commands[i]; i++)
		if (strcmp(argv[1], commands[i]->name) == 0)
			return commands[i]->run(&ctx, argc - 2, argv + 2);
	fprintf(stderr, "numeco: commande inconnue « %s » (voir numeco --help)\n", argv[1]);
	return CLI_USAGE;
}
