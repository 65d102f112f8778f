/* cmd_review.c: numeco review add|list|state|done — the central team's review. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "plan/review.h"

static int review_add_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int review_list_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int review_state_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int review_done_cmd(const struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_cmd subs[] = {
	{ "review add", review_add_cmd, "ajouter une recommandation ou un commentaire",
	  "Usage : numeco review add --org CODE --period PÉRIODE [--action RÉF]\n"
	  "                          [--kind recommandation|commentaire] --text TEXTE\n\n"
	  "Ajoute une recommandation (par défaut) ou un commentaire de l'équipe centrale\n"
	  "sur une feuille de route, ou sur une de ses actions avec --action. Réservé au\n"
	  "rôle admin. Journalisé.\n" },
	{ "review list", review_list_cmd, "lister les recommandations d'une feuille de route",
	  "Usage : numeco review list --org CODE --period PÉRIODE\n\n"
	  "Affiche l'état de la feuille de route puis ses recommandations et commentaires\n"
	  "(n°, date, auteur, action visée, traitée ou non).\n" },
	{ "review state", review_state_cmd, "changer l'état (brouillon, soumise, relue, validée)",
	  "Usage : numeco review state --org CODE --period PÉRIODE ÉTAT\n\n"
	  "Fait passer la feuille de route à ÉTAT. Passages permis :\n"
	  "  brouillon → soumise            (référent du ministère ou admin)\n"
	  "  soumise   → brouillon          (retrait : référent ou admin)\n"
	  "  soumise   → relue              (admin)\n"
	  "  relue     → validée | brouillon (admin)\n"
	  "  validée   → brouillon          (réouverture : admin)\n" },
	{ "review done", review_done_cmd, "marquer une recommandation comme traitée",
	  "Usage : numeco review done --org CODE --period PÉRIODE N [--undo]\n\n"
	  "Marque la recommandation n° N comme traitée (ou non traitée avec --undo).\n"
	  "Permis au référent du ministère et à l'admin.\n" },
	{ NULL, NULL, NULL, NULL },
};

struct add_arg {
	const char *org, *period, *action, *text;
	enum rkind kind;
	int64_t id;
};

static int do_add(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct add_arg *x = arg;
	return review_add(s, a, x->org, x->period, x->action, x->kind, x->text, &x->id, e);
}

static int review_add_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *kind_s = "recommandation", *pos[1];
	struct add_arg x = { NULL, NULL, "", NULL, RKIND_RECOMMANDATION, 0 };
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &x.org },	{ "--period", 1, &x.period },
				  { "--action", 1, &x.action }, { "--kind", 1, &kind_s },
				  { "--text", 1, &x.text },	{ NULL, 0, NULL } };
	int rc = cli_parse(&subs[0], argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!x.org)
		return cli_missing(&subs[0], "--org");
	if (!x.period)
		return cli_missing(&subs[0], "--period");
	if (!x.text)
		return cli_missing(&subs[0], "--text");
	if (rkind_parse(kind_s, &x.kind)) {
		fprintf(stderr,
			"numeco review add: type inconnu « %s » (attendu : recommandation "
			"ou commentaire)\n",
			kind_s);
		return CLI_USAGE;
	}
	rc = cli_transaction(ctx, do_add, &x);
	if (rc == CLI_OK)
		printf("%s n° %" PRId64 " ajoutée à %s %s%s%s.\n", rkind_label(x.kind), x.id, x.org,
		       x.period, *x.action ? ", action " : "", x.action);
	return rc;
}

struct state_arg {
	const char *org, *period;
	enum rstate to, from;
};

static int do_state(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct state_arg *x = arg;
	return review_move(s, a, x->org, x->period, x->to, &x->from, e);
}

static int review_state_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct state_arg x = { NULL, NULL, RSTATE_BROUILLON, RSTATE_BROUILLON };
	const char *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &x.org },
				  { "--period", 1, &x.period },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&subs[2], argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!x.org)
		return cli_missing(&subs[2], "--org");
	if (!x.period)
		return cli_missing(&subs[2], "--period");
	if (rstate_parse(pos[0], &x.to)) {
		fprintf(stderr,
			"numeco review state: état inconnu « %s » (attendu : brouillon, "
			"soumise, relue ou validee)\n",
			pos[0]);
		return CLI_USAGE;
	}
	rc = cli_transaction(ctx, do_state, &x);
	if (rc == CLI_OK)
		printf("Feuille de route %s %s : %s → %s.\n", x.org, x.period, rstate_label(x.from),
		       rstate_label(x.to));
	return rc;
}

struct done_arg {
	const char *org, *period;
	int64_t id;
	int addressed;
};

static int do_done(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct done_arg *x = arg;
	return review_mark(s, a, x->org, x->period, x->id, x->addressed, e);
}

static int review_done_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct done_arg x = { NULL, NULL, 0, 1 };
	const char *undo = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &x.org },
				  { "--period", 1, &x.period },
				  { "--undo", 0, &undo },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&subs[3], argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!x.org)
		return cli_missing(&subs[3], "--org");
	if (!x.period)
		return cli_missing(&subs[3], "--period");
	char *end;
	x.id = strtoll(pos[0], &end, 10);
	if (*end || x.id <= 0) {
		fprintf(stderr, "numeco review done: numéro invalide « %s »\n", pos[0]);
		return CLI_USAGE;
	}
	x.addressed = undo == NULL;
	rc = cli_transaction(ctx, do_done, &x);
	if (rc == CLI_OK)
		printf("Recommandation n° %" PRId64 " : %s.\n", x.id,
		       x.addressed ? "traitée" : "non traitée");
	return rc;
}

static int review_list_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_code = NULL, *period = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &org_code },
				  { "--period", 1, &period },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&subs[1], argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!org_code)
		return cli_missing(&subs[1], "--org");
	if (!period)
		return cli_missing(&subs[1], "--period");
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct roadmap rm = { 0 };
	struct org org = { 0 };
	struct review_list l = { 0 };
	struct err e = ERR_INIT;
	if (review_find_roadmap(s, org_code, period, &rm, &org, &e) ||
	    store_review_list(s, rm.id, &l, &e)) {
		rc = cli_fail(&e);
		goto out;
	}
	printf("Feuille de route %s %s — %s — état : %s\n", org_code, period, org.name,
	       rstate_label(rm.state));
	if (l.n == 0)
		printf("Aucune recommandation ni commentaire.\n");
	for (size_t i = 0; i < l.n; i++) {
		const struct review *r = &l.items[i];
		printf("\nn° %" PRId64 " — %s — %s — %s%s%s\n", r->id, rkind_label(r->kind),
		       r->created_at, r->author, r->action_ref[0] ? " — action " : "",
		       r->action_ref);
		if (r->kind == RKIND_RECOMMANDATION)
			printf("  [%s]\n", r->addressed ? "traitée" : "à traiter");
		printf("  %s\n", r->text);
	}
	rc = CLI_OK;
out:
	roadmap_free(&rm);
	org_free(&org);
	review_list_free(&l);
	err_free(&e);
	store_close(s);
	return rc;
}

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_dispatch(ctx, "review", subs, argc, argv);
}

const struct cli_cmd cmd_review = { "review", run,
				    "revue : add, list, state (brouillon→validée), done", "" };
