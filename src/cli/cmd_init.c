/* cmd_init.c: numeco init — create or upgrade the database. */
#include <stdio.h>

#include "cli/cli.h"
#include "indicators/ind_collect.h"
#include "plan/referential.h"
#include "rgesn/rg_assess.h"

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos;
	struct cli_opt opts[] = { { NULL, 0, NULL } };
	int rc = cli_parse(&cmd_init, argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;

	struct err e = ERR_INIT;
	int migrated = 0, version = 0;
	struct store *s = store_open(ctx->db_path, STORE_OPEN_CREATE, &migrated, &e);
	if (!s)
		goto fail;
	if (store_schema_version(s, &version, &e))
		goto fail;
	if (migrated == version)
		printf("Base créée : %s (schéma version %d)\n", ctx->db_path, version);
	else if (migrated)
		printf("Base mise à jour : %s (%d migration%s, schéma version %d)\n", ctx->db_path,
		       migrated, migrated > 1 ? "s" : "", version);
	else
		printf("Base déjà à jour : %s (schéma version %d)\n", ctx->db_path, version);

	struct buf by = BUF_INIT;
	int installed = 0, indicators = 0, rgesn = 0;
	buf_addf(&by, "cli:%s", ctx->user);
	/* The local operator: init runs before any person exists. */
	struct actor local = { by.ptr, 1, ROLE_ADMIN, 0, 0 };
	if (store_begin(s, &e) || referential_install_open(s, by.ptr, &installed, &e) ||
	    ind_catalogue_install_default(s, &local, &indicators, &e) ||
	    rg_install_default(s, &local, &rgesn, &e) || store_commit(s, &e)) {
		store_rollback(s);
		buf_free(&by);
		goto fail;
	}
	buf_free(&by);
	if (installed)
		printf("Référentiel d'empreinte ouvert chargé : %s %s (numeco referential list)\n",
		       REFERENTIAL_OPEN_NAME, REFERENTIAL_OPEN_VERSION);
	if (indicators)
		printf("Catalogue d'indicateurs chargé : %d indicateur%s (numeco indicator list)\n",
		       indicators, indicators > 1 ? "s" : "");
	if (rgesn)
		printf("Référentiel RGESN 2024 chargé : %d critère%s (numeco rgesn list)\n", rgesn,
		       rgesn > 1 ? "s" : "");
	store_close(s);
	err_free(&e);
	return CLI_OK;
fail:
	rc = cli_fail(&e);
	if (s)
		store_close(s);
	err_free(&e);
	return rc;
}

const struct cli_cmd cmd_init = {
	"init",
	run,
	"créer la base (ou la mettre à jour vers ce numeco)",
	"Usage : numeco [--db FICHIER] init\n\n"
	"Crée la base SQLite (défaut : $NUMECO_DB, sinon numeco.db) avec son schéma.\n"
	"Sur une base existante créée par une version antérieure de numeco, applique\n"
	"les migrations manquantes, en une seule transaction. Une base créée par une\n"
	"version plus récente est refusée.\n\n"
	"Charge aussi le référentiel d'empreinte ouvert livré avec numeco\n"
	"(« " REFERENTIAL_OPEN_NAME " » version " REFERENTIAL_OPEN_VERSION
	", voir docs/referentiel-ouvert.md)\n"
	"s'il n'est pas encore en base, et le catalogue des indicateurs communs livré\n"
	"avec numeco (data/indicators/catalogue.csv) si la base n'a pas encore de\n"
	"catalogue, et la structure du RGESN 2024 livrée avec numeco\n"
	"(data/rgesn/rgesn-2024.json) si aucun RGESN 2024 n'est encore en base.\n",
};
