/* cmd_import.c: numeco import roadmap|orgs|persons — CSV files in. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "plan/directory_csv.h"
#include "plan/roadmap_import.h"

static int import_roadmap(const struct cli_ctx *ctx, int argc, char **argv);
static int import_orgs(const struct cli_ctx *ctx, int argc, char **argv);
static int import_persons(const struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_cmd subs[] = {
	{ "import roadmap", import_roadmap, "importer une feuille de route (trame CSV)",
	  "Usage : numeco import roadmap FICHIER.csv --org CODE --period PÉRIODE\n"
	  "                              [--remove-missing] [--dry-run]\n\n"
	  "Importe la feuille de route de l'organisation CODE pour PÉRIODE (une année,\n"
	  "2022, ou un intervalle, 2023-2025) depuis la trame CSV décrite dans\n"
	  "docs/formats/roadmap.md (séparateur ; ou , ; UTF-8 ou Windows-1252).\n\n"
	  "L'import est tout ou rien : à la moindre erreur, rien n'est enregistré et\n"
	  "chaque ligne fautive est signalée (FICHIER:LIGNE: Colonne: message).\n"
	  "Les actions sont rapprochées par leur Référence : réimporter le même fichier\n"
	  "ne change rien ; un fichier corrigé met à jour les actions modifiées et\n"
	  "chaque changement est journalisé (numeco log).\n\n"
	  "  --remove-missing  supprimer les actions enregistrées absentes du fichier\n"
	  "                    (par défaut elles sont conservées, avec un avertissement)\n"
	  "  --dry-run         tout vérifier et compter, sans rien enregistrer\n"
	  "  FICHIER « - »     lire l'entrée standard\n" },
	{ "import orgs", import_orgs, "importer des organisations (CSV)",
	  "Usage : numeco import orgs FICHIER.csv\n\n"
	  "Colonnes : Code;Nom;Type;Parent (les parents avant leurs enfants), voir\n"
	  "docs/formats/directory.md. Tout ou rien ; une organisation déjà présente\n"
	  "avec les mêmes valeurs est laissée telle quelle.\n" },
	{ "import persons", import_persons, "importer des personnes (CSV)",
	  "Usage : numeco import persons FICHIER.csv\n\n"
	  "Colonnes : E-mail;Nom;Rôle;Organisation, voir docs/formats/directory.md.\n"
	  "Tout ou rien ; une personne déjà présente avec les mêmes valeurs est\n"
	  "laissée telle quelle.\n" },
	{ NULL, NULL, NULL, NULL },
};

/* Prints diagnostics, then the refusal line when there are errors. */
static int report_diags(const struct diags *d)
{
	diags_print(d, stderr);
	if (!d->errors)
		return CLI_OK;
	fprintf(stderr, "numeco: import refusé : %zu erreur%s, rien n'a été enregistré\n",
		d->errors, d->errors > 1 ? "s" : "");
	return CLI_FAIL;
}

/* Reads path, opens the store, resolves the actor and runs fn; prints the
 * diagnostics (warnings too) and the refusal line. The summary is the
 * caller's, printed when this returns CLI_OK. */
typedef int (*import_fn)(struct store *s, const struct actor *a, const char *file,
			 const struct buf *data, void *arg, struct diags *d, struct err *e);

static int run_import(const struct cli_ctx *ctx, const char *path, import_fn fn, void *arg)
{
	struct buf data = BUF_INIT, id = BUF_INIT;
	struct err e = ERR_INIT;
	struct diags d = DIAGS_INIT;
	struct person who = { 0 };
	struct actor actor;
	struct store *s = NULL;
	int rc = CLI_FAIL;
	if (cli_read_file(path, &data, &e)) {
		rc = cli_fail(&e);
		goto out;
	}
	s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s || cli_actor(ctx, s, &actor, &who, &id))
		goto out;
	if (fn(s, &actor, path, &data, arg, &d, &e)) {
		rc = d.errors ? report_diags(&d) : cli_fail(&e);
		goto out;
	}
	rc = report_diags(&d);
out:
	diags_free(&d);
	buf_free(&data);
	buf_free(&id);
	err_free(&e);
	person_free(&who);
	if (s)
		store_close(s);
	return rc;
}

struct roadmap_arg {
	struct rm_import_opts o;
	struct rm_import_stats st;
};

static int do_roadmap(struct store *s, const struct actor *a, const char *file,
		      const struct buf *data, void *arg, struct diags *d, struct err *e)
{
	struct roadmap_arg *x = arg;
	x->o.file = file;
	x->o.actor = a;
	return rm_import(s, data->ptr, data->len, &x->o, &x->st, d, e);
}

static int import_roadmap(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *period = NULL, *remove = NULL, *dry = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &org },
				  { "--period", 1, &period },
				  { "--remove-missing", 0, &remove },
				  { "--dry-run", 0, &dry },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&subs[0], argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!org)
		return cli_missing(&subs[0], "--org");
	if (!period)
		return cli_missing(&subs[0], "--period");

	struct roadmap_arg x = { { NULL, org, period, NULL, remove != NULL, dry != NULL }, { 0 } };
	const struct rm_import_stats *st = &x.st;
	rc = run_import(ctx, pos[0], do_roadmap, &x);
	if (rc != CLI_OK)
		return rc;
	printf("%s%s %s : %zu action%s lue%s — %zu créée%s, %zu modifiée%s, %zu inchangée%s",
	       dry ? "[essai, rien n'est enregistré] " : "", org, period, st->read,
	       st->read > 1 ? "s" : "", st->read > 1 ? "s" : "", st->created,
	       st->created > 1 ? "s" : "", st->updated, st->updated > 1 ? "s" : "", st->unchanged,
	       st->unchanged > 1 ? "s" : "");
	if (st->removed)
		printf(", %zu supprimée%s", st->removed, st->removed > 1 ? "s" : "");
	else if (st->missing)
		printf(", %zu absente%s du fichier conservée%s", st->missing,
		       st->missing > 1 ? "s" : "", st->missing > 1 ? "s" : "");
	printf(".%s\n", st->roadmap_created ? " Feuille de route créée (brouillon)." : "");
	return CLI_OK;
}

typedef int (*dir_import_fn)(struct store *s, const char *file, const char *data, size_t len,
			     const struct actor *actor, struct dir_import_stats *st,
			     struct diags *d, struct err *err);

struct dir_arg {
	dir_import_fn fn;
	struct dir_import_stats st;
};

static int do_directory(struct store *s, const struct actor *a, const char *file,
			const struct buf *data, void *arg, struct diags *d, struct err *e)
{
	struct dir_arg *x = arg;
	return x->fn(s, file, data->ptr, data->len, a, &x->st, d, e);
}

static int import_directory(const struct cli_ctx *ctx, const struct cli_cmd *cmd, int argc,
			    char **argv, dir_import_fn fn, const char *what)
{
	const char *pos[1];
	int npos;
	struct cli_opt opts[] = { { NULL, 0, NULL } };
	int rc = cli_parse(cmd, argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct dir_arg x = { fn, { 0 } };
	rc = run_import(ctx, pos[0], do_directory, &x);
	if (rc != CLI_OK)
		return rc;
	printf("%s : %zu %s%s lue%s — %zu ajoutée%s, %zu déjà présente%s.\n", pos[0], x.st.read,
	       what, x.st.read > 1 ? "s" : "", x.st.read > 1 ? "s" : "", x.st.created,
	       x.st.created > 1 ? "s" : "", x.st.unchanged, x.st.unchanged > 1 ? "s" : "");
	return CLI_OK;
}

static int import_orgs(const struct cli_ctx *ctx, int argc, char **argv)
{
	return import_directory(ctx, &subs[1], argc, argv, dir_import_orgs, "organisation");
}

static int import_persons(const struct cli_ctx *ctx, int argc, char **argv)
{
	return import_directory(ctx, &subs[2], argc, argv, dir_import_people, "personne");
}

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_dispatch(ctx, "import", subs, argc, argv);
}

const struct cli_cmd cmd_import = { "import", run, "importer : roadmap (trame CSV), orgs, persons",
				    "" };
