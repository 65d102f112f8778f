/* cmd_service.c: numeco service — the register of the ministries' digital
 * services (add, edit, list with the latest score, show with the history of
 * assessments). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_rgesn_int.h"
#include "core/xalloc.h"
#include "indicators/ind_collect.h"
#include "rgesn/rg_assess.h"

static int add_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int edit_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int list_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int show_cmd(const struct cli_ctx *ctx, int argc, char **argv);

#define FIELDS_HELP                                                                         \
	"  --org        organisation du service : le ministère ou l'une de ses\n"          \
	"               directions (le ministère du service est la racine de son arbre)\n" \
	"  --direction  direction propriétaire (son correspondant peut évaluer le\n"      \
	"               service), dans le même ministère\n"                               \
	"  --url        adresse du service (http:// ou https://)\n"                         \
	"  --audience   public visé (ex. « particuliers », « agents »)\n"              \
	"  --status     en_projet, en_production (défaut) ou retire\n"                     \
	"  --contact    qui joindre au sujet du service\n"

static const struct cli_cmd add_sub = {
	"service add", add_cmd, "inscrire un service numérique au registre",
	"Usage : numeco service add --org ORG --code CODE --name NOM [--url URL]\n"
	"                           [--direction DIR] [--audience PUBLIC]\n"
	"                           [--status STATUT] [--contact CONTACT]\n\n"
	"Inscrit un service numérique d'un ministère au registre : c'est lui que l'on\n"
	"évalue ensuite selon le RGESN (numeco assessment new CODE). CODE l'identifie\n"
	"partout (unique). Permis à l'admin et au référent du ministère. "
	"Journalisé.\n\n" FIELDS_HELP "\nExemple :\n"
	"  numeco service add --org MIN-ECO --code MIN-ECO-IMPOTS --name \"Impôts en ligne\" \\\n"
	"      --url https://impots.exemple.gouv.fr --direction MIN-ECO-DNUM \\\n"
	"      --audience particuliers --contact dnum@finances.exemple.gouv.fr\n"
};
static const struct cli_cmd edit_sub = {
	"service edit", edit_cmd, "modifier un service du registre",
	"Usage : numeco service edit CODE [--name NOM] [--org ORG] [--url URL]\n"
	"                            [--direction DIR] [--audience PUBLIC]\n"
	"                            [--status STATUT] [--contact CONTACT]\n\n"
	"Modifie les champs donnés du service CODE ; les autres restent tels quels\n"
	"(--direction \"\" retire la direction). Permis à l'admin, au référent du\n"
	"ministère et au correspondant de la direction propriétaire. Journalisé.\n\n"
	"  --name       nom du service\n" FIELDS_HELP "\nExemple :\n"
	"  numeco service edit MIN-ECO-IMPOTS --status retire\n"
};
static const struct cli_cmd list_sub = {
	"service list", list_cmd, "lister les services et leur dernier score",
	"Usage : numeco service list [--org MINISTÈRE]\n\n"
	"Liste les services du registre, par ministère puis code : nom, direction,\n"
	"statut, score de la dernière évaluation complète et sa date.\n\n"
	"  --org  seulement les services de ce ministère\n\n"
	"Exemple :\n"
	"  numeco service list --org MIN-ECO\n"
};
static const struct cli_cmd show_sub = {
	"service show", show_cmd, "détail d'un service et historique de ses évaluations",
	"Usage : numeco service show CODE\n\n"
	"Affiche le service puis ses évaluations, de la plus récente à la plus\n"
	"ancienne : numéro, date, type (complète ou autodiagnostic), référentiel,\n"
	"score, écart avec la précédente du même type, publication.\n\n"
	"Exemple :\n"
	"  numeco service show MIN-ECO-IMPOTS\n"
};

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd subs[] = {
		add_sub, edit_sub, list_sub, show_sub, { NULL, NULL, NULL, NULL }
	};
	return cli_dispatch(ctx, "service", subs, argc, argv);
}

const struct cli_cmd cmd_service = {
	"service",
	run,
	"registre des services numériques : add, edit, list, show",
	"Usage : numeco service SOUS-COMMANDE …\n",
};

/* ---- add and edit ---- */

/* The options of add and edit: NULL when not given. */
struct fields {
	const char *org, *code, *name, *url, *direction, *audience, *status, *contact;
};

static void replace(char **slot, const char *v)
{
	if (!v)
		return;
	free(*slot);
	*slot = xstrdup(v);
}

/* Copies the given fields into v; prints a bad status and returns CLI_USAGE. */
static int apply(const struct cli_cmd *cmd, const struct fields *f, struct rg_service *v)
{
	if (f->status && rg_service_status_parse(f->status, &v->status)) {
		fprintf(stderr,
			"numeco %s: statut inconnu « %s » (en_projet, en_production ou retire)\n",
			cmd->name, f->status);
		return CLI_USAGE;
	}
	replace(&v->org_code, f->org);
	replace(&v->code, f->code);
	replace(&v->name, f->name);
	replace(&v->url, f->url);
	replace(&v->direction_code, f->direction);
	replace(&v->audience, f->audience);
	replace(&v->contact, f->contact);
	return 0;
}

struct save_arg {
	struct rg_service *v;
	int create;
};

static int do_save(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct save_arg *x = arg;
	struct buf why = BUF_INIT;
	int rc = rg_service_save(s, a, x->v, x->create, &why, e);
	if (rc && why.len)
		err_set(e, "%s", why.ptr);
	buf_free(&why);
	return rc;
}

/* Parses the options of add (npos_want 0) or edit (1: CODE, no --code). */
static int parse_fields(const struct cli_cmd *cmd, int argc, char **argv, struct fields *f,
			const char **pos, int npos_want)
{
	int npos;
	struct cli_opt opts[] = { { "--code", 1, &f->code },
				  { "--org", 1, &f->org },
				  { "--name", 1, &f->name },
				  { "--url", 1, &f->url },
				  { "--direction", 1, &f->direction },
				  { "--audience", 1, &f->audience },
				  { "--status", 1, &f->status },
				  { "--contact", 1, &f->contact },
				  { NULL, 0, NULL } };
	int rc = cli_parse(cmd, argc, argv, opts + npos_want, pos, npos_want, npos_want, &npos);
	return rc ? (rc > 0 ? 1 : -1) : 0;
}

static int add_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct fields f = { 0 };
	const char *pos[1];
	int rc = parse_fields(&add_sub, argc, argv, &f, pos, 0);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!f.org)
		return cli_missing(&add_sub, "--org");
	if (!f.code)
		return cli_missing(&add_sub, "--code");
	if (!f.name)
		return cli_missing(&add_sub, "--name");
	struct rg_service v = { 0 };
	const struct fields blank = { "", "", "", "", "", "", NULL, "" };
	v.status = RG_SVC_EN_PRODUCTION;
	apply(&add_sub, &blank, &v);
	if ((rc = apply(&add_sub, &f, &v)) == 0) {
		struct save_arg x = { &v, 1 };
		rc = cli_transaction(ctx, do_save, &x);
		if (rc == CLI_OK)
			printf("Service %s inscrit au registre (%s).\n", v.code,
			       v.ministry_code && v.ministry_code[0] ? v.ministry_code : f.org);
	}
	rg_service_free(&v);
	return rc;
}

static int edit_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct fields f = { 0 };
	const char *pos[1];
	int rc = parse_fields(&edit_sub, argc, argv, &f, pos, 1);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct rg_service v = { 0 };
	struct err e = ERR_INIT;
	int found = store_rg_service_get(s, pos[0], &v, &e);
	store_close(s);
	if (found <= 0) {
		if (found == 0)
			err_set(&e, "service inconnu : « %s » (voir numeco service list)", pos[0]);
		rc = cli_fail(&e);
	} else if ((rc = apply(&edit_sub, &f, &v)) == 0) {
		struct save_arg x = { &v, 0 };
		rc = cli_transaction(ctx, do_save, &x);
		if (rc == CLI_OK)
			printf("Service %s modifié.\n", v.code);
	}
	rg_service_free(&v);
	err_free(&e);
	return rc;
}

/* ---- list ---- */

static int list_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &org }, { NULL, 0, NULL } };
	int rc = cli_parse(&list_sub, argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct org m = { 0 };
	struct rg_service_list l = { 0 };
	struct err e = ERR_INIT;
	if ((org && ind_find_ministry(s, org, &m, &e)) || store_rg_service_list(s, m.id, &l, &e)) {
		rc = cli_fail(&e);
		goto out;
	}
	struct rgcli_table t;
	struct buf b = BUF_INIT;
	size_t assessed = 0;
	rgcli_table_init(&t, 7);
	const char *head[] = { "Code",	 "Nom",	  "Ministère", "Direction",
			       "Statut", "Score", "Évalué le" };
	rgcli_table_row(&t, head);
	for (size_t i = 0; i < l.n; i++) {
		const struct rg_service *v = &l.items[i];
		buf_reset(&b);
		if (v->has_score) {
			struct rg_tally tl = { 0 };
			tl.has_score = 1;
			tl.score = v->score;
			rgcli_pct(&b, &tl);
			assessed++;
		}
		const char *row[] = { v->code,
				      v->name,
				      v->ministry_code,
				      v->direction_code,
				      rg_service_status_label(v->status),
				      b.len ? b.ptr : "non évalué",
				      v->has_score && v->assessed_on ? v->assessed_on : "" };
		rgcli_table_row(&t, row);
	}
	if (l.n) {
		rgcli_table_print(&t, "");
		printf("\n%zu service%s, dont %zu avec une évaluation complète.\n", l.n,
		       l.n > 1 ? "s" : "", assessed);
	} else {
		printf("Aucun service au registre%s (numeco service add).\n",
		       org ? " pour ce ministère" : "");
	}
	rgcli_table_free(&t);
	buf_free(&b);
	rc = CLI_OK;
out:
	rg_service_list_free(&l);
	org_free(&m);
	err_free(&e);
	store_close(s);
	return rc;
}

/* ---- show ---- */

/* Scores of the assessments of l (by index), each over its scope. */
static int history_scores(struct store *s, const struct rg_assessment_list *l,
			  struct rg_tally *score, struct err *e)
{
	struct rg_ref_cache refs = { 0 };
	int rc = 0;
	for (size_t i = 0; i < l->n && !rc; i++) {
		struct rg_assessment as = { 0 };
		const struct rg_ref *r = NULL;
		int found = store_rg_assessment_get(s, l->items[i].id, &as, e);
		if (found > 0 && (r = rg_ref_cache_get(s, &refs, as.ref_id, e)) != NULL) {
			struct rg_score sc;
			rgcli_score(r, &as, &sc);
			score[i] = sc.all;
			rg_score_free(&sc);
		} else if (found == 0) {
			rc = err_set(e, "évaluation %lld introuvable", (long long)l->items[i].id);
		} else {
			rc = -1;
		}
		rg_assessment_free(&as);
	}
	rg_ref_cache_free(&refs);
	return rc;
}

/* The history of assessments of service id, newest first. */
static int show_history(struct store *s, int64_t service_id, struct err *e)
{
	struct rg_assessment_list l = { 0 };
	if (store_rg_assessment_list(s, service_id, &l, e))
		return -1;
	struct rg_tally *score = xcalloc(l.n ? l.n : 1, sizeof(*score));
	int rc = history_scores(s, &l, score, e);
	if (rc == 0 && !l.n)
		printf("\nAucune évaluation (numeco assessment new CODE).\n");
	if (rc == 0 && l.n) {
		struct rgcli_table t;
		struct buf pct = BUF_INIT, gap = BUF_INIT;
		rgcli_table_init(&t, 7);
		const char *head[] = { "N°",	"Date",	 "Type",   "Référentiel",
				       "Score", "Écart", "Publiée" };
		rgcli_table_row(&t, head);
		for (size_t i = 0; i < l.n; i++) {
			const struct rg_assessment *as = &l.items[i];
			char num[24];
			snprintf(num, sizeof(num), "%lld", (long long)as->id);
			buf_reset(&pct);
			buf_reset(&gap);
			rgcli_pct(&pct, &score[i]);
			/* The previous one of the same kind is the next older. */
			for (size_t k = i + 1; k < l.n; k++) {
				if (l.items[k].kind != as->kind)
					continue;
				if (score[i].has_score && score[k].has_score)
					rgcli_points(&gap, score[i].score - score[k].score);
				break;
			}
			const char *row[] = { num,
					      as->assessed_on,
					      as->kind == RG_KIND_DIAGNOSTIC ? "autodiagnostic"
									     : "complète",
					      as->ref_label,
					      pct.ptr,
					      gap.ptr,
					      as->published_at[0] ? as->published_at : "non" };
			rgcli_table_row(&t, row);
		}
		printf("\nÉvaluations (de la plus récente à la plus ancienne) :\n");
		rgcli_table_print(&t, "  ");
		rgcli_table_free(&t);
		buf_free(&pct);
		buf_free(&gap);
	}
	free(score);
	rg_assessment_list_free(&l);
	return rc;
}

static int show_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int rc;
	struct store *s = cli_open_plain(ctx, &show_sub, argc, argv, pos, 1, 1, &rc);
	if (!s)
		return rc;
	struct rg_service v = { 0 };
	struct err e = ERR_INIT;
	int found = store_rg_service_get(s, pos[0], &v, &e);
	if (found == 0)
		err_set(&e, "service inconnu : « %s » (voir numeco service list)", pos[0]);
	if (found <= 0) {
		rc = cli_fail(&e);
	} else {
		printf("%s — %s\n", v.code, v.name);
		printf("  Ministère    : %s\n", v.ministry_code);
		printf("  Direction    : %s\n", v.direction_code[0] ? v.direction_code : "aucune");
		printf("  Adresse      : %s\n", v.url[0] ? v.url : "—");
		printf("  Public       : %s\n", v.audience[0] ? v.audience : "—");
		printf("  Statut       : %s\n", rg_service_status_label(v.status));
		printf("  Contact      : %s\n", v.contact[0] ? v.contact : "—");
		rc = show_history(s, v.id, &e) ? cli_fail(&e) : CLI_OK;
	}
	rg_service_free(&v);
	err_free(&e);
	store_close(s);
	return rc;
}
