/* cmd_assessment.c: numeco assessment — RGESN assessments of digital
 * services: the dispatch, new, set, import, convert and publish (show,
 * score and declaration are in cmd_assessment_view.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_rgesn_int.h"
#include "io/parse.h"
#include "rgesn/rg_assess.h"

static int new_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int set_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int import_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int convert_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int publish_cmd(const struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_cmd new_sub = {
	"assessment new", new_cmd, "commencer une évaluation (ou un autodiagnostic) d'un service",
	"Usage : numeco assessment new SERVICE [--version VERSION] [--date AAAA-MM-JJ]\n"
	"                              [--diagnostic]\n\n"
	"Commence l'évaluation RGESN du service SERVICE (son code, voir numeco service\n"
	"list) : chaque critère du référentiel part « non évalué ». Affiche le numéro\n"
	"de la nouvelle évaluation, seul sur sa ligne (pour les scripts). Un service\n"
	"a autant d'évaluations que l'on veut dans le temps : son score suit leur\n"
	"progression. Permis à l'admin, au référent du ministère du service et au\n"
	"correspondant de sa direction. Journalisé.\n\n"
	"  --version     version du référentiel (ex. 2024, ou RGESN@2024 ; défaut :\n"
	"                la dernière version chargée, voir numeco rgesn versions)\n"
	"  --date        date de l'évaluation (défaut : aujourd'hui)\n"
	"  --diagnostic  autodiagnostic rapide : seulement la vingtaine de critères\n"
	"                prioritaires du questionnaire court (numeco rgesn list\n"
	"                montre lesquels), à remplir en dix minutes ; numeco\n"
	"                assessment convert le change en évaluation complète\n\n"
	"Exemples :\n"
	"  id=$(numeco assessment new MIN-ECO-IMPOTS --version 2024)\n"
	"  numeco assessment new MIN-ECO-IMPOTS --diagnostic\n"
};
static const struct cli_cmd set_sub = {
	"assessment set", set_cmd, "répondre à un critère",
	"Usage : numeco assessment set ÉVALUATION CRITÈRE RÉPONSE [--justification TEXTE]\n"
	"                              [--date AAAA-MM-JJ] [--note TEXTE]\n\n"
	"Enregistre la réponse au critère CRITÈRE (ex. 4.3) de l'évaluation\n"
	"ÉVALUATION (son numéro). RÉPONSE : conforme, non_conforme (ou « non\n"
	"conforme »), non_applicable, en_cours, non_evalue.\n"
	"« Non applicable » demande une justification (--justification), « en cours »\n"
	"une date prévue (--date) : la réponse est refusée sans elles. Une évaluation\n"
	"publiée ne change plus. Mêmes droits que numeco assessment new. Journalisé.\n\n"
	"  --justification  pourquoi le critère ne s'applique pas au service\n"
	"  --date           date prévue de mise en conformité (en cours)\n"
	"  --note           remarque libre (constat, piste d'amélioration)\n\n"
	"Exemples :\n"
	"  numeco assessment set 12 4.3 conforme\n"
	"  numeco assessment set 12 2.2 non_applicable --justification \"pas de vidéo\"\n"
	"  numeco assessment set 12 6.1 en_cours --date 2026-06-30 --note \"refonte\"\n"
};
static const struct cli_cmd import_sub = {
	"assessment import", import_cmd, "importer des réponses (CSV)",
	"Usage : numeco assessment import ÉVALUATION FICHIER.csv\n\n"
	"Enregistre les réponses du fichier, une par ligne, colonnes\n"
	"Critère;Réponse;Justification;Date prévue;Note (les deux premières\n"
	"obligatoires ; séparateur ; ou , ; UTF-8 ou Windows-1252 ; les réponses en\n"
	"toutes lettres, « Non conforme », ou en codes, non_conforme). Les critères\n"
	"absents du fichier gardent leur réponse.\n\n"
	"Tout ou rien : à la moindre erreur (critère inconnu ou en double, réponse\n"
	"inconnue, non applicable sans justification, en cours sans date, date\n"
	"invalide), chaque ligne fautive est signalée (FICHIER:LIGNE: Colonne: message)\n"
	"et rien n'est enregistré. FICHIER « - » lit l'entrée standard.\n\n"
	"Exemple de fichier :\n"
	"  Critère;Réponse;Justification;Date prévue;Note\n"
	"  1.1;Conforme;;;\n"
	"  2.2;Non applicable;Le service ne diffuse pas de vidéo;;\n"
	"  4.3;En cours;;30/06/2026;Pagination des résultats\n\n"
	"Exemple :\n"
	"  numeco assessment import 12 reponses.csv\n"
};
static const struct cli_cmd convert_sub = {
	"assessment convert", convert_cmd, "changer un autodiagnostic en évaluation complète",
	"Usage : numeco assessment convert ÉVALUATION\n\n"
	"Crée l'évaluation complète qui prolonge l'autodiagnostic ÉVALUATION, sur le\n"
	"même référentiel : ses réponses sont reprises, tous les autres critères\n"
	"partent « non évalué ». Affiche le numéro de la nouvelle évaluation, seul\n"
	"sur sa ligne. L'autodiagnostic est conservé tel quel.\n\n"
	"Exemple :\n"
	"  full=$(numeco assessment convert 7)\n"
};
static const struct cli_cmd publish_sub = {
	"assessment publish", publish_cmd, "publier la déclaration d'écoconception",
	"Usage : numeco assessment publish ÉVALUATION --contact CONTACT\n\n"
	"Publie la déclaration d'écoconception de l'évaluation complète ÉVALUATION :\n"
	"elle devient la déclaration du service (numeco assessment declaration\n"
	"--service CODE, page web de la déclaration) et ne se modifie plus. Un\n"
	"autodiagnostic ne se publie pas (le convertir d'abord). Permis à l'admin et\n"
	"au référent du ministère du service (pas au correspondant). Journalisé.\n\n"
	"  --contact  qui joindre au sujet de la déclaration (adresse ou service)\n\n"
	"Exemple :\n"
	"  numeco assessment publish 12 --contact ecoconception@finances.gouv.fr\n"
};

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd subs[] = {
		new_sub,
		set_sub,
		import_sub,
		rgcli_show_cmd,
		rgcli_score_cmd,
		convert_sub,
		publish_sub,
		rgcli_declaration_cmd,
		{ NULL, NULL, NULL, NULL },
	};
	return cli_dispatch(ctx, "assessment", subs, argc, argv);
}

const struct cli_cmd cmd_assessment = {
	"assessment",
	run,
	"évaluations RGESN des services : new, set, import, score, declaration…",
	"Usage : numeco assessment SOUS-COMMANDE …\n",
};

/* ---- new ---- */

struct new_arg {
	const char *service, *ref, *date;
	enum rg_kind kind;
	int64_t id;
};

static int do_new(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct new_arg *x = arg;
	return rg_assessment_new(s, a, x->service, x->ref, x->kind, x->date, &x->id, e);
}

/* Parses an optional date option into iso; prints the problem. */
static int date_opt(const struct cli_cmd *cmd, const char *opt, const char *s, char iso[11])
{
	struct err e = ERR_INIT;
	iso[0] = '\0';
	if (s && parse_date(s, iso, &e)) {
		fprintf(stderr, "numeco %s: %s : %s\n", cmd->name, opt, e.msg.ptr);
		err_free(&e);
		return CLI_USAGE;
	}
	err_free(&e);
	return 0;
}

static int new_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *version = NULL, *date_s = NULL, *diag = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--version", 1, &version },
				  { "--date", 1, &date_s },
				  { "--diagnostic", 0, &diag },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&new_sub, argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	char iso[11];
	if ((rc = date_opt(&new_sub, "--date", date_s, iso)) != 0)
		return rc;
	struct buf spec = BUF_INIT;
	struct new_arg x = { pos[0], rgcli_ref_spec(version, &spec), date_s ? iso : NULL,
			     diag ? RG_KIND_DIAGNOSTIC : RG_KIND_COMPLETE, 0 };
	rc = cli_transaction(ctx, do_new, &x);
	if (rc == CLI_OK)
		printf("%lld\n", (long long)x.id);
	buf_free(&spec);
	return rc;
}

/* ---- set ---- */

struct set_arg {
	int64_t id;
	struct rg_item it;
	struct diags d;
};

static int do_set(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct set_arg *x = arg;
	int rc = rg_answers_set(s, a, x->id, &x->it, 1, &x->d, e);
	if (rc && x->d.errors) {
		diags_print(&x->d, stderr);
		if (!e->msg.len)
			err_set(e, "réponse refusée, rien n'a été enregistré");
	}
	return rc;
}

static int set_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *justif = "", *date_s = NULL, *note = "", *pos[3];
	int npos;
	struct cli_opt opts[] = { { "--justification", 1, &justif },
				  { "--date", 1, &date_s },
				  { "--note", 1, &note },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&set_sub, argc, argv, opts, pos, 3, 3, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct set_arg x = { 0 };
	char iso[11];
	if ((rc = rgcli_id(&set_sub, pos[0], &x.id)) != 0 ||
	    (rc = date_opt(&set_sub, "--date", date_s, iso)) != 0)
		return rc;
	if (rg_answer_parse(pos[2], &x.it.answer)) {
		fprintf(stderr,
			"numeco assessment set: réponse inconnue « %s » (conforme, non_conforme, "
			"non_applicable, en_cours ou non_evalue)\n",
			pos[2]);
		return CLI_USAGE;
	}
	x.it.criterion = (char *)pos[1];
	x.it.justification = (char *)justif;
	x.it.planned = iso;
	x.it.note = (char *)note;
	x.d = (struct diags)DIAGS_INIT;
	rc = cli_transaction(ctx, do_set, &x);
	if (rc == CLI_OK) {
		printf("Évaluation %lld, critère %s : %s", (long long)x.id, pos[1],
		       rg_answer_label(x.it.answer));
		if (x.it.answer == RG_ANS_EN_COURS)
			printf(" (prévu le %s)", iso);
		printf(".\n");
	}
	diags_free(&x.d);
	return rc;
}

/* ---- import ---- */

struct import_arg {
	int64_t id;
	const char *path;
	const struct buf *data;
	struct diags d;
	size_t n;
};

static int do_import(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct import_arg *x = arg;
	int rc = rgcli_import(s, a, x->id, x->path, x->data, &x->n, &x->d, e);
	diags_print(&x->d, stderr);
	if (rc && x->d.errors && !e->msg.len)
		err_set(e, "import refusé : %zu erreur%s, rien n'a été enregistré", x->d.errors,
			x->d.errors > 1 ? "s" : "");
	return rc;
}

static int import_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos;
	struct cli_opt opts[] = { { NULL, 0, NULL } };
	int rc = cli_parse(&import_sub, argc, argv, opts, pos, 2, 2, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct import_arg x = { 0, pos[1], NULL, DIAGS_INIT, 0 };
	if ((rc = rgcli_id(&import_sub, pos[0], &x.id)) != 0)
		return rc;
	struct buf data = BUF_INIT;
	struct err e = ERR_INIT;
	if (cli_read_file(pos[1], &data, &e)) {
		rc = cli_fail(&e);
		err_free(&e);
		return rc;
	}
	x.data = &data;
	rc = cli_transaction(ctx, do_import, &x);
	if (rc == CLI_OK)
		printf("%s : %zu réponse%s enregistrée%s dans l'évaluation %lld.\n", pos[1], x.n,
		       x.n > 1 ? "s" : "", x.n > 1 ? "s" : "", (long long)x.id);
	diags_free(&x.d);
	buf_free(&data);
	return rc;
}

/* ---- convert ---- */

struct convert_arg {
	int64_t from, id;
};

static int do_convert(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct convert_arg *x = arg;
	return rg_convert(s, a, x->from, &x->id, e);
}

static int convert_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos;
	struct cli_opt opts[] = { { NULL, 0, NULL } };
	int rc = cli_parse(&convert_sub, argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct convert_arg x = { 0, 0 };
	if ((rc = rgcli_id(&convert_sub, pos[0], &x.from)) != 0)
		return rc;
	rc = cli_transaction(ctx, do_convert, &x);
	if (rc == CLI_OK)
		printf("%lld\n", (long long)x.id);
	return rc;
}

/* ---- publish ---- */

struct publish_arg {
	int64_t id;
	const char *contact;
};

static int do_publish(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct publish_arg *x = arg;
	return rg_publish(s, a, x->id, x->contact, e);
}

static int publish_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *contact = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--contact", 1, &contact }, { NULL, 0, NULL } };
	int rc = cli_parse(&publish_sub, argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct publish_arg x = { 0, contact };
	if ((rc = rgcli_id(&publish_sub, pos[0], &x.id)) != 0)
		return rc;
	if (!contact)
		return cli_missing(&publish_sub, "--contact");
	rc = cli_transaction(ctx, do_publish, &x);
	if (rc == CLI_OK)
		printf("Déclaration d'écoconception publiée (évaluation %lld) ; voir numeco "
		       "assessment declaration %lld.\n",
		       (long long)x.id, (long long)x.id);
	return rc;
}
