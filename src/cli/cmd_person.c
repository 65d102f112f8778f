/* cmd_person.c: numeco person add|list — people and their roles. */
#include <stdio.h>

#include "cli/cli.h"
#include "plan/directory_csv.h"

static int person_add(const struct cli_ctx *ctx, int argc, char **argv);
static int person_list(const struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_cmd subs[] = {
	{ "person add", person_add, "ajouter une personne avec un rôle",
	  "Usage : numeco person add E-MAIL --name NOM --role RÔLE --org CODE\n\n"
	  "Ajoute une personne rattachée à une organisation. RÔLE : admin (équipe\n"
	  "centrale), referent (un par ministère), correspondant (dans une direction)\n"
	  "ou lecteur. Les mots de passe viendront avec l'application web.\n" },
	{ "person list", person_list, "lister les personnes",
	  "Usage : numeco person list [--org CODE]\n\n"
	  "Liste les personnes (de l'organisation CODE et de ses sous-organisations).\n" },
	{ NULL, NULL, NULL, NULL },
};

struct person_arg {
	const char *email, *name;
	enum role role;
	const char *org;
};

static int do_person_add(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct person_arg *x = arg;
	return dir_add_person(s, a, x->email, x->name, x->role, x->org, e);
}

static int person_add(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *name = NULL, *role_s = NULL, *org = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--name", 1, &name },
				  { "--role", 1, &role_s },
				  { "--org", 1, &org },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&subs[0], argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!name || !*name)
		return cli_missing(&subs[0], "--name");
	if (!role_s)
		return cli_missing(&subs[0], "--role");
	if (!org)
		return cli_missing(&subs[0], "--org");
	enum role role;
	if (role_parse(role_s, &role)) {
		fprintf(stderr,
			"numeco person add: rôle inconnu « %s » (attendu : admin, referent, "
			"correspondant ou lecteur)\n",
			role_s);
		return CLI_USAGE;
	}
	struct person_arg x = { pos[0], name, role, org };
	rc = cli_transaction(ctx, do_person_add, &x);
	if (rc == CLI_OK)
		printf("Personne ajoutée : %s — %s, %s (%s)\n", pos[0], name, role_label(role),
		       org);
	return rc;
}

static int person_list(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &org }, { NULL, 0, NULL } };
	int rc = cli_parse(&subs[1], argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct person_list l = { 0 };
	struct err e = ERR_INIT;
	if (store_person_list(s, org, &l, &e)) {
		rc = cli_fail(&e);
	} else {
		for (size_t i = 0; i < l.n; i++)
			printf("%-42s %-14s %-20s %s\n", l.items[i].email,
			       role_code(l.items[i].role), l.items[i].org_code, l.items[i].name);
		if (l.n == 0)
			printf("Aucune personne.\n");
		rc = CLI_OK;
	}
	person_list_free(&l);
	err_free(&e);
	store_close(s);
	return rc;
}

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_dispatch(ctx, "person", subs, argc, argv);
}

const struct cli_cmd cmd_person = { "person", run, "personnes et rôles : add, list", "" };
