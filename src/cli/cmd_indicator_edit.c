/* cmd_indicator_edit.c: numeco indicator set|submit|withdraw|validate|
 * reopen|catalogue — entering values, moving collections, and the
 * catalogue (the rest of `numeco indicator` is in cmd_indicator.c and
 * cmd_indicator_io.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_indicator_int.h"
#include "indicators/ind_collect.h"
#include "store/store_ind.h"

static int set_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int submit_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int withdraw_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int validate_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int reopen_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int catalogue_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int cat_load_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int cat_export_cmd(const struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd indcli_set = {
	"indicator set", set_cmd, "saisir la valeur d'un indicateur pour un ministère",
	"Usage : numeco indicator set --org MINISTÈRE --year ANNÉE CODE VALEUR\n"
	"                             [--comment TEXTE] [--source TEXTE]\n\n"
	"Enregistre la valeur de l'indicateur CODE pour le ministère et l'année\n"
	"(décimales avec virgule ou point ; VALEUR vide, \"\", efface la valeur).\n"
	"Permis à l'admin et au référent du ministère, tant que la collecte de\n"
	"l'année est en brouillon. Journalisé.\n\n"
	"Refusés, avec la raison : indicateur inconnu ou calculé par numeco pour ce\n"
	"ministère et cette année (il a les données), valeur\n"
	"hors de la plage valide, collecte soumise ou validée ; une valeur plus de\n"
	"trois fois supérieure (ou inférieure) à celle de l'année précédente demande\n"
	"un commentaire qui la confirme (--comment).\n\n"
	"  --comment  commentaire (explique un écart, une estimation…)\n"
	"  --source   source de la valeur (outil, service, document)\n\n"
	"Exemples :\n"
	"  numeco indicator set --org MIN-ECO --year 2024 agents_formes 1250\n"
	"  numeco indicator set --org MIN-ECO --year 2024 pue_moyen 1,45 \\\n"
	"      --comment \"nouveau centre de données\" --source \"relevés 2024\"\n"
};

#define MOVE_USAGE(verb) "Usage : numeco indicator " verb " --org MINISTÈRE --year ANNÉE\n\n"
const struct cli_cmd indcli_submit = {
	"indicator submit", submit_cmd, "soumettre la collecte d'un ministère (brouillon → soumis)",
	MOVE_USAGE(
		"submit") "Soumet la collecte de l'année du ministère à l'équipe centrale :\n"
			  "ses valeurs comptent alors dans la consolidation nationale et ne se\n"
			  "modifient plus. Permis au référent du ministère et à l'admin ; une\n"
			  "collecte sans aucune valeur saisie ne se soumet pas.\n\n"
			  "Exemple :\n"
			  "  numeco --as referent@exemple.gouv.fr indicator submit --org MIN-ECO "
			  "--year 2024\n"
};
const struct cli_cmd indcli_withdraw = {
	"indicator withdraw", withdraw_cmd, "retirer une collecte soumise (soumis → brouillon)",
	MOVE_USAGE(
		"withdraw") "Remet en brouillon une collecte soumise, pour la corriger. Permis au\n"
			    "référent du ministère et à l'admin.\n"
};
const struct cli_cmd indcli_validate = {
	"indicator validate", validate_cmd,
	"valider une collecte soumise (soumis → validé ; admin)",
	MOVE_USAGE("validate") "Valide la collecte soumise d'un ministère. Réservé à l'admin (un\n"
			       "référent ne valide pas sa propre collecte).\n"
};
const struct cli_cmd indcli_reopen = {
	"indicator reopen", reopen_cmd,
	"rouvrir une collecte validée ou renvoyer une soumise (→ brouillon ; admin)",
	MOVE_USAGE("reopen") "Remet en brouillon une collecte validée (réouverture) ou soumise\n"
			     "(renvoi au ministère). Réservé à l'admin.\n"
};
const struct cli_cmd indcli_catalogue = {
	"indicator catalogue", catalogue_cmd, "charger ou exporter le catalogue (CSV)",
	"Usage : numeco indicator catalogue load FICHIER.csv\n"
	"        numeco indicator catalogue export [--output FICHIER]\n"
};

static const struct cli_cmd cat_subs[] = {
	{ "catalogue load", cat_load_cmd, "charger un catalogue d'indicateurs (admin)",
	  "Usage : numeco indicator catalogue load FICHIER.csv\n\n"
	  "Ajoute ou remplace (par leur code) les indicateurs du fichier, au format de\n"
	  "docs/formats/indicators.md (Code;Libellé;Définition;Unité;Thème;Nature;\n"
	  "Consolidation;Pondération;Minimum;Maximum;Sens;Cibles;Calcul;Source). Les\n"
	  "indicateurs absents du fichier sont conservés. Tout ou rien : chaque ligne\n"
	  "fautive est signalée et rien n'est enregistré. Réservé à l'admin ;\n"
	  "journalisé.\n\n"
	  "Exemple :\n"
	  "  numeco indicator catalogue export --output catalogue.csv\n"
	  "  (modifier catalogue.csv dans un tableur)\n"
	  "  numeco indicator catalogue load catalogue.csv\n" },
	{ "catalogue export", cat_export_cmd, "écrire le catalogue en CSV",
	  "Usage : numeco indicator catalogue export [--output FICHIER]\n\n"
	  "Écrit le catalogue en base au format de chargement (UTF-8 avec BOM, « ; »).\n" },
	{ NULL, NULL, NULL, NULL },
};

/* ---- set ---- */

struct set_arg {
	const char *org, *code, *value, *comment, *source;
	int year, changed;
};

static int do_set(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct set_arg *x = arg;
	struct ind_catalogue cat = { 0 };
	struct buf why = BUF_INIT;
	int rc = store_ind_catalogue_load(s, &cat, e);
	if (rc == 0) {
		rc = ind_set(s, a, &cat, x->org, x->year, x->code, x->value, x->comment, x->source,
			     &x->changed, &why, e);
		if (rc == IND_SET_REFUSED)
			rc = err_set(e, "%s", why.ptr);
	}
	buf_free(&why);
	ind_catalogue_free(&cat);
	return rc;
}

static int set_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct set_arg x = { 0 };
	const char *year_s = NULL, *pos[2];
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &x.org },
				  { "--year", 1, &year_s },
				  { "--comment", 1, &x.comment },
				  { "--source", 1, &x.source },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&indcli_set, argc, argv, opts, pos, 2, 2, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!x.org)
		return cli_missing(&indcli_set, "--org");
	if (!year_s)
		return cli_missing(&indcli_set, "--year");
	if ((rc = indcli_year(&indcli_set, "--year", year_s, &x.year)) != 0)
		return rc;
	x.code = pos[0];
	x.value = pos[1];
	rc = cli_transaction(ctx, do_set, &x);
	if (rc != CLI_OK)
		return rc;
	struct buf v = BUF_INIT;
	buf_adds(&v, x.value);
	buf_trim(&v);
	if (!x.changed)
		printf("%s %d, %s : inchangé.\n", x.org, x.year, x.code);
	else if (!v.len)
		printf("%s %d, %s : valeur effacée.\n", x.org, x.year, x.code);
	else
		printf("%s %d, %s = %s : enregistré.\n", x.org, x.year, x.code, v.ptr);
	buf_free(&v);
	return CLI_OK;
}

/* ---- collection states ---- */

struct move_arg {
	const char *org;
	int year;
	enum ind_state to, from;
	unsigned from_ok; /* bit per enum ind_state the command starts from */
	const char *verb;
};

static int do_move(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct move_arg *x = arg;
	struct org org = { 0 };
	enum ind_state cur = IND_STATE_BROUILLON;
	int rc = ind_find_ministry(s, x->org, &org, e);
	if (rc == 0 && store_ind_state_get(s, org.id, x->year, &cur, NULL, NULL, e) < 0)
		rc = -1;
	if (rc == 0 && !(x->from_ok & (1u << cur)))
		rc = err_set(e, "la collecte %s %d est à l'état %s : impossible de la %s", x->org,
			     x->year, ind_state_label(cur), x->verb);
	if (rc == 0)
		rc = ind_move(s, a, x->org, x->year, x->to, &x->from, e);
	org_free(&org);
	return rc;
}

static int move_cmd(const struct cli_ctx *ctx, const struct cli_cmd *cmd, int argc, char **argv,
		    struct move_arg *x)
{
	const char *year_s = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &x->org },
				  { "--year", 1, &year_s },
				  { NULL, 0, NULL } };
	int rc = cli_parse(cmd, argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!x->org)
		return cli_missing(cmd, "--org");
	if (!year_s)
		return cli_missing(cmd, "--year");
	if ((rc = indcli_year(cmd, "--year", year_s, &x->year)) != 0)
		return rc;
	rc = cli_transaction(ctx, do_move, x);
	if (rc == CLI_OK)
		printf("Collecte %s %d : %s → %s.\n", x->org, x->year, ind_state_label(x->from),
		       ind_state_label(x->to));
	return rc;
}

#define FROM(st) (1u << (st))

static int submit_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct move_arg x = {
		NULL,	    0, IND_STATE_SOUMIS, IND_STATE_BROUILLON, FROM(IND_STATE_BROUILLON),
		"soumettre"
	};
	return move_cmd(ctx, &indcli_submit, argc, argv, &x);
}

static int withdraw_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct move_arg x = { NULL,
			      0,
			      IND_STATE_BROUILLON,
			      IND_STATE_BROUILLON,
			      FROM(IND_STATE_SOUMIS),
			      "retirer (seule une collecte soumise se retire)" };
	return move_cmd(ctx, &indcli_withdraw, argc, argv, &x);
}

static int validate_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct move_arg x = { NULL,
			      0,
			      IND_STATE_VALIDE,
			      IND_STATE_BROUILLON,
			      FROM(IND_STATE_SOUMIS),
			      "valider (seule une collecte soumise se valide)" };
	return move_cmd(ctx, &indcli_validate, argc, argv, &x);
}

static int reopen_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct move_arg x = { NULL,
			      0,
			      IND_STATE_BROUILLON,
			      IND_STATE_BROUILLON,
			      FROM(IND_STATE_SOUMIS) | FROM(IND_STATE_VALIDE),
			      "rouvrir (elle est déjà en brouillon)" };
	return move_cmd(ctx, &indcli_reopen, argc, argv, &x);
}

/* ---- catalogue ---- */

static int catalogue_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_dispatch(ctx, "indicator catalogue", cat_subs, argc, argv);
}

struct cat_arg {
	const char *path;
	const struct buf *data;
	struct diags d;
	int added, updated;
};

static int do_cat_load(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct cat_arg *x = arg;
	int rc = ind_catalogue_import(s, a, x->path, x->data->ptr, x->data->len, &x->added,
				      &x->updated, &x->d, e);
	if (x->d.errors) {
		diags_print(&x->d, stderr);
		return err_set(e, "catalogue refusé : %zu erreur%s, rien n'a été enregistré",
			       x->d.errors, x->d.errors > 1 ? "s" : "");
	}
	return rc;
}

static int cat_load_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos;
	struct cli_opt opts[] = { { NULL, 0, NULL } };
	int rc = cli_parse(&cat_subs[0], argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct buf data = BUF_INIT;
	struct err e = ERR_INIT;
	if (cli_read_file(pos[0], &data, &e)) {
		rc = cli_fail(&e);
		err_free(&e);
		return rc;
	}
	struct cat_arg x = { pos[0], &data, DIAGS_INIT, 0, 0 };
	rc = cli_transaction(ctx, do_cat_load, &x);
	if (rc == CLI_OK) {
		diags_print(&x.d, stderr); /* warnings */
		printf("Catalogue %s chargé : %d indicateur%s ajouté%s, %d modifié%s.\n", pos[0],
		       x.added, x.added > 1 ? "s" : "", x.added > 1 ? "s" : "", x.updated,
		       x.updated > 1 ? "s" : "");
	}
	diags_free(&x.d);
	buf_free(&data);
	err_free(&e);
	return rc;
}

static int cat_export_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *output = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--output", 1, &output }, { NULL, 0, NULL } };
	int rc = cli_parse(&cat_subs[1], argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct ind_catalogue cat = { 0 };
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	if (store_ind_catalogue_load(s, &cat, &e)) {
		rc = cli_fail(&e);
	} else {
		ind_catalogue_write_csv(&cat, &out);
		rc = cli_write_output(output, &out);
	}
	buf_free(&out);
	ind_catalogue_free(&cat);
	err_free(&e);
	store_close(s);
	return rc;
}
