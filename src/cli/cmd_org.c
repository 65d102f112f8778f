/* cmd_org.c: numeco org add|list|show — the organisation tree. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "plan/directory_csv.h"

static int org_add(const struct cli_ctx *ctx, int argc, char **argv);
static int org_list(const struct cli_ctx *ctx, int argc, char **argv);
static int org_show(const struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_cmd subs[] = {
	{ "org add", org_add, "ajouter une organisation (ministère, direction…)",
	  "Usage : numeco org add CODE --name NOM --kind TYPE [--parent CODE]\n\n"
	  "Ajoute une organisation. TYPE : ministere, direction, service ou mission.\n"
	  "Un ministère est une racine ; ses directions le nomment en --parent.\n"
	  "Exemple : numeco org add MIN-ECO-DNUM --name \"Direction du numérique\" \\\n"
	  "            --kind direction --parent MIN-ECO\n" },
	{ "org list", org_list, "lister les organisations (arbre)",
	  "Usage : numeco org list\n\nListe les organisations en arbre : code, type, nom.\n" },
	{ "org show", org_show, "détailler une organisation",
	  "Usage : numeco org show CODE\n\n"
	  "Affiche une organisation, ses sous-organisations, ses personnes et ses feuilles\n"
	  "de route.\n" },
	{ NULL, NULL, NULL, NULL },
};

struct org_arg {
	const char *code, *name;
	enum org_kind kind;
	const char *parent;
};

static int do_org_add(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct org_arg *x = arg;
	return dir_add_org(s, a, x->code, x->name, x->kind, x->parent, e);
}

static int org_add(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *name = NULL, *kind_s = NULL, *parent = "", *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--name", 1, &name },
				  { "--kind", 1, &kind_s },
				  { "--parent", 1, &parent },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&subs[0], argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!name || !*name)
		return cli_missing(&subs[0], "--name");
	if (!kind_s)
		return cli_missing(&subs[0], "--kind");
	enum org_kind kind;
	if (org_kind_parse(kind_s, &kind)) {
		fprintf(stderr,
			"numeco org add: type inconnu « %s » (attendu : ministere, "
			"direction, service ou mission)\n",
			kind_s);
		return CLI_USAGE;
	}
	struct org_arg x = { pos[0], name, kind, parent };
	rc = cli_transaction(ctx, do_org_add, &x);
	if (rc == CLI_OK)
		printf("Organisation ajoutée : %s — %s (%s)\n", pos[0], name, org_kind_label(kind));
	return rc;
}

/* Depth of o in the tree, by walking parent ids in the ordered list. */
static int depth_of(const struct org_list *l, size_t i)
{
	int depth = 0;
	int64_t parent = l->items[i].parent_id;
	while (parent && depth < 64) {
		size_t j = 0;
		while (j < l->n && l->items[j].id != parent)
			j++;
		if (j == l->n)
			break;
		parent = l->items[j].parent_id;
		depth++;
	}
	return depth;
}

static int org_list(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int rc;
	struct store *s = cli_open_plain(ctx, &subs[1], argc, argv, pos, 0, 0, &rc);
	if (!s)
		return rc;
	struct org_list l = { 0 };
	struct err e = ERR_INIT;
	if (store_org_list(s, &l, &e)) {
		rc = cli_fail(&e);
	} else {
		for (size_t i = 0; i < l.n; i++) {
			int depth = depth_of(&l, i);
			printf("%*s%-*s  %-10s  %s\n", depth * 2, "", 24 - depth * 2,
			       l.items[i].code, org_kind_code(l.items[i].kind), l.items[i].name);
		}
		if (l.n == 0)
			printf("Aucune organisation (voir numeco org add --help).\n");
		rc = CLI_OK;
	}
	org_list_free(&l);
	err_free(&e);
	store_close(s);
	return rc;
}

static int org_show(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int rc;
	struct store *s = cli_open_plain(ctx, &subs[2], argc, argv, pos, 1, 1, &rc);
	if (!s)
		return rc;
	struct org o = { 0 };
	struct org_list kids = { 0 };
	struct person_list people = { 0 };
	struct roadmap_list rms = { 0 };
	struct err e = ERR_INIT;
	rc = CLI_FAIL;
	int found = store_org_get(s, pos[0], &o, &e);
	if (found == 0) {
		fprintf(stderr, "numeco: organisation inconnue : « %s » (voir numeco org list)\n",
			pos[0]);
		goto out;
	}
	if (found < 0 || store_org_children(s, o.id, &kids, &e) ||
	    store_person_list(s, o.code, &people, &e) || store_roadmap_list(s, NULL, &rms, &e)) {
		rc = cli_fail(&e);
		goto out;
	}
	printf("%s — %s\nType : %s\n", o.code, o.name, org_kind_label(o.kind));
	if (o.parent_code[0])
		printf("Rattachée à : %s\n", o.parent_code);
	printf("\nSous-organisations (%zu) :\n", kids.n);
	for (size_t i = 0; i < kids.n; i++)
		printf("  %-24s %s\n", kids.items[i].code, kids.items[i].name);
	printf("\nPersonnes (%zu) :\n", people.n);
	for (size_t i = 0; i < people.n; i++)
		printf("  %-40s %-14s %s (%s)\n", people.items[i].email,
		       role_label(people.items[i].role), people.items[i].name,
		       people.items[i].org_code);
	printf("\nFeuilles de route :\n");
	size_t shown = 0;
	for (size_t i = 0; i < rms.n; i++) {
		if (rms.items[i].org_id != o.id)
			continue;
		printf("  %-10s %s\n", rms.items[i].period, rstate_label(rms.items[i].state));
		shown++;
	}
	if (!shown)
		printf("  (aucune)\n");
	rc = CLI_OK;
out:
	org_free(&o);
	org_list_free(&kids);
	person_list_free(&people);
	roadmap_list_free(&rms);
	err_free(&e);
	store_close(s);
	return rc;
}

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_dispatch(ctx, "org", subs, argc, argv);
}

const struct cli_cmd cmd_org = { "org", run, "organisations : add, list, show", "" };
