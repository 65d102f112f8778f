/* cmd_referential.c: numeco referential load|list — footprint referentials. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "plan/referential.h"

static int load_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int list_cmd(const struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_cmd subs[] = {
	{ "referential load", load_cmd, "charger un référentiel d'empreinte (dossier CSV)",
	  "Usage : numeco referential load DOSSIER --name NOM --version VERSION\n"
	  "                                [--licence TEXTE] [--restricted --org CODE]\n"
	  "                                [--replace]\n\n"
	  "Charge en base le référentiel d'empreinte du DOSSIER, écrit dans l'un des trois\n"
	  "formats de NumEcoEval / G4IT (voir docs/formats/referential.md) : fichiers\n"
	  "characterizationFactors.csv, itemTypes.csv… (NumEcoEval), ref_*.csv (G4IT)\n"
	  "ou itemImpact.csv, itemType.csv… (G4IT camelCase). Tout ou rien : à la\n"
	  "moindre erreur, chaque ligne fautive est signalée et rien n'est enregistré.\n\n"
	  "Plusieurs référentiels et plusieurs versions d'un même référentiel coexistent.\n"
	  "Les estimations d'actions faites avec un référentiel de ce nom sont\n"
	  "recalculées avec la version chargée.\n\n"
	  "  --name        nom du référentiel (ex. negaoctet)\n"
	  "  --version     sa version (ex. 2024.1)\n"
	  "  --licence     licence des données, affichée avec le référentiel\n"
	  "  --restricted  données sous licence : seuls le ministère propriétaire (--org)\n"
	  "                et l'équipe centrale peuvent l'utiliser ; ses valeurs ne sont\n"
	  "                jamais montrées aux autres\n"
	  "  --org         ministère propriétaire (un référent peut charger celui de son\n"
	  "                ministère ; un référentiel partagé est réservé à l'admin)\n"
	  "  --replace     remplacer cette version si elle est déjà en base\n" },
	{ "referential list", list_cmd, "lister les référentiels d'empreinte en base",
	  "Usage : numeco referential list\n\n"
	  "Liste les référentiels en base : nom, version, licence, accès (ouvert ou\n"
	  "réservé à un ministère), nombre de critères, d'équipements de référence, de\n"
	  "mix électriques et de types, date et auteur du chargement.\n" },
	{ NULL, NULL, NULL, NULL },
};

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_dispatch(ctx, "referential", subs, argc, argv);
}

const struct cli_cmd cmd_referential = {
	"referential",
	run,
	"référentiels d'empreinte (load, list)",
	"Usage : numeco referential load|list …\n\n"
	"  load   charger un référentiel d'empreinte depuis un dossier de fichiers CSV\n"
	"  list   lister les référentiels en base\n\n"
	"numeco referential SOUS-COMMANDE --help pour le détail.\n",
};

struct load_arg {
	const char *dir;
	struct referential_opts o;
	int64_t id;
	size_t recomputed;
	struct diags d;
};

static int do_load(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct load_arg *x = arg;
	int rc = referential_import_dir(s, a, x->dir, &x->o, &x->id, &x->recomputed, &x->d, e);
	diags_print(&x->d, stderr);
	if (rc && x->d.errors)
		err_set(e, "référentiel refusé : %zu erreur%s, rien n'a été enregistré",
			x->d.errors, x->d.errors > 1 ? "s" : "");
	return rc;
}

static int load_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *restricted = NULL, *replace = NULL, *pos[1];
	struct load_arg x = { NULL, { NULL, NULL, "", 0, NULL, 0 }, 0, 0, DIAGS_INIT };
	int npos;
	struct cli_opt opts[] = { { "--name", 1, &x.o.name },
				  { "--version", 1, &x.o.version },
				  { "--licence", 1, &x.o.licence },
				  { "--restricted", 0, &restricted },
				  { "--org", 1, &x.o.owner_org },
				  { "--replace", 0, &replace },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&subs[0], argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!x.o.name)
		return cli_missing(&subs[0], "--name");
	if (!x.o.version)
		return cli_missing(&subs[0], "--version");
	x.dir = pos[0];
	x.o.restricted = restricted != NULL;
	x.o.replace = replace != NULL;
	rc = cli_transaction(ctx, do_load, &x);
	diags_free(&x.d);
	if (rc != CLI_OK)
		return rc;
	printf("Référentiel %s %s enregistré (n° %" PRId64 ")%s", x.o.name, x.o.version, x.id,
	       x.o.restricted ? ", réservé au ministère " : "");
	if (x.o.restricted)
		printf("%s", x.o.owner_org);
	if (x.recomputed)
		printf(" ; %zu estimation%s d'action recalculée%s", x.recomputed,
		       x.recomputed > 1 ? "s" : "", x.recomputed > 1 ? "s" : "");
	printf(".\n");
	return CLI_OK;
}

static int list_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int rc;
	struct store *s = cli_open_plain(ctx, &subs[1], argc, argv, pos, 0, 0, &rc);
	if (!s)
		return rc;
	struct ref_meta_list l;
	struct err e = ERR_INIT;
	if (store_ref_list(s, &l, &e)) {
		rc = cli_fail(&e);
	} else {
		if (l.n == 0)
			printf("Aucun référentiel en base (numeco init charge le référentiel "
			       "ouvert).\n");
		for (size_t i = 0; i < l.n; i++) {
			const struct ref_meta *m = &l.items[i];
			printf("%s %s — %s\n", m->name, m->version,
			       m->restricted ? "réservé" : "ouvert");
			if (m->restricted || *m->owner_org_code)
				printf("  propriétaire : %s\n", m->owner_org_code);
			printf("  licence : %s\n", *m->licence ? m->licence : "non précisée");
			printf("  %" PRId64 " critère%s, %" PRId64 " équipement%s de référence, "
			       "%" PRId64 " mix électrique%s, %" PRId64 " type%s\n",
			       m->ncrit, m->ncrit > 1 ? "s" : "", m->nitems,
			       m->nitems > 1 ? "s" : "", m->nmixes, m->nmixes > 1 ? "s" : "",
			       m->ntypes, m->ntypes > 1 ? "s" : "");
			printf("  chargé le %s par %s\n", m->loaded_at, m->loaded_by);
		}
		ref_meta_list_free(&l);
	}
	err_free(&e);
	store_close(s);
	return rc;
}
