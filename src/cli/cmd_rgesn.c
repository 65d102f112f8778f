/* cmd_rgesn.c: numeco rgesn — the dispatch, and RGESN referentials (load,
 * list, show, versions); questionnaire, diagnostic and consolidate are in
 * cmd_rgesn_diag.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_rgesn_int.h"
#include "rgesn/rg_assess.h"

static int load_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int list_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int show_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int versions_cmd(const struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_cmd load_sub = {
	"rgesn load", load_cmd, "charger une version du référentiel (JSON)",
	"Usage : numeco rgesn load FICHIER.json [--name NOM] [--version VERSION]\n\n"
	"Charge un référentiel RGESN au format de docs/formats/rgesn.md : le format\n"
	"de numeco ({\"format\": \"numeco-rgesn/1\", …}, qui porte son nom et sa\n"
	"version), ou un tableau de critères tel que le publient d'autres outils\n"
	"(thematic_id, id, title, priority, difficulty, objective, implementation,\n"
	"control), qui demande --version. Plusieurs versions vivent côte à côte\n"
	"(2022, 2024) ; recharger une version déjà en base remplace ses critères et\n"
	"leurs textes en gardant les évaluations faites avec elle. numeco init\n"
	"installe la structure de la version 2024 (titres courts, lien vers le texte\n"
	"officiel) ; charger le fichier officiel complet ajoute les objectifs, mises\n"
	"en œuvre et moyens de test.\n\n"
	"Tout ou rien : chaque entrée fautive est signalée (FICHIER: criteria[N] (ID):\n"
	"champ: message) et rien n'est enregistré. Réservé à l'admin ; journalisé.\n\n"
	"  --name     nom du référentiel (défaut : celui du fichier, sinon RGESN)\n"
	"  --version  version (obligatoire pour un tableau de critères)\n\n"
	"Exemple :\n"
	"  numeco rgesn load rgesn-2024-criteres.json --version 2024\n"
};
static const struct cli_cmd list_sub = {
	"rgesn list", list_cmd, "lister les critères d'une version",
	"Usage : numeco rgesn list [--version VERSION] [--family N] [--priority PRIORITÉ]\n\n"
	"Liste les critères : identifiant (famille.numéro, ex. 4.3), priorité,\n"
	"difficulté, « rapide » pour ceux du questionnaire d'autodiagnostic, titre.\n\n"
	"  --version   version du référentiel (défaut : la dernière chargée)\n"
	"  --family    seulement la famille N (1 Stratégie … 9 Algorithmie en 2024)\n"
	"  --priority  prioritaire, recommande ou modere\n\n"
	"Exemple :\n"
	"  numeco rgesn list --family 4 --priority prioritaire\n"
};
static const struct cli_cmd show_sub = {
	"rgesn show", show_cmd, "détail d'un critère",
	"Usage : numeco rgesn show CRITÈRE [--version VERSION]\n\n"
	"Affiche un critère : famille, titre, priorité, difficulté, à quoi il\n"
	"s'applique, lien vers le texte officiel, et l'objectif, la mise en œuvre et\n"
	"le moyen de test quand le texte complet est chargé (numeco rgesn load).\n\n"
	"Exemple :\n"
	"  numeco rgesn show 4.3\n"
};
static const struct cli_cmd versions_sub = {
	"rgesn versions", versions_cmd, "versions du référentiel en base",
	"Usage : numeco rgesn versions\n\n"
	"Liste les référentiels en base : nom, version, nombre de critères, texte\n"
	"complet ou structure seule, date et auteur du chargement.\n"
};
static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd subs[] = {
		load_sub,
		versions_sub,
		list_sub,
		show_sub,
		rgcli_questionnaire_cmd,
		rgcli_diagnostic_cmd,
		rgcli_consolidate_cmd,
		{ NULL, NULL, NULL, NULL },
	};
	return cli_dispatch(ctx, "rgesn", subs, argc, argv);
}

const struct cli_cmd cmd_rgesn = {
	"rgesn",
	run,
	"référentiel d'écoconception RGESN : load, list, diagnostic, consolidate…",
	"Usage : numeco rgesn SOUS-COMMANDE …\n",
};
/* ---- load ---- */

struct load_arg {
	const char *path, *name, *version;
	const struct buf *data;
	struct diags d;
	int64_t id;
	int replaced;
	struct rg_ref_meta_list after;
};

static int do_load(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct load_arg *x = arg;
	struct rg_ref_meta_list before = { 0 };
	if (store_rg_ref_list(s, &before, e))
		return -1;
	int rc = rg_load(s, a, x->path, x->data->ptr, x->data->len, x->name, x->version, &x->id,
			 &x->d, e);
	if (x->d.errors) {
		diags_print(&x->d, stderr);
		rc = err_set(e, "référentiel refusé : %zu erreur%s, rien n'a été enregistré",
			     x->d.errors, x->d.errors > 1 ? "s" : "");
	}
	for (size_t i = 0; rc == 0 && i < before.n; i++)
		x->replaced |= before.items[i].id == x->id;
	rg_ref_meta_list_free(&before);
	return rc ? rc : store_rg_ref_list(s, &x->after, e);
}

static int load_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *name = NULL, *version = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--name", 1, &name },
				  { "--version", 1, &version },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&load_sub, argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct buf data = BUF_INIT;
	struct err e = ERR_INIT;
	if (cli_read_file(pos[0], &data, &e)) {
		rc = cli_fail(&e);
		err_free(&e);
		return rc;
	}
	size_t k = strspn(data.ptr, " \t\r\n");
	if (k + 3 <= data.len && memcmp(data.ptr + k, "\xEF\xBB\xBF", 3) == 0)
		k += 3 + strspn(data.ptr + k + 3, " \t\r\n");
	int bare = data.ptr[k] == '[';
	if (bare && !version) {
		fprintf(stderr,
			"numeco rgesn load: %s est un tableau de critères sans nom ni version : "
			"donner --version (ex. --version 2024)\n",
			pos[0]);
		buf_free(&data);
		return CLI_USAGE;
	}
	struct load_arg x = {
		pos[0], bare && !name ? "RGESN" : name, version, &data, DIAGS_INIT, 0, 0, { 0 }
	};
	rc = cli_transaction(ctx, do_load, &x);
	if (rc == CLI_OK) {
		diags_print(&x.d, stderr); /* warnings */
		for (size_t i = 0; i < x.after.n; i++) {
			const struct rg_ref_meta *m = &x.after.items[i];
			if (m->id != x.id)
				continue;
			printf("Référentiel %s %s %s : %zu critère%s, %s.\n", m->name, m->version,
			       x.replaced ? "remplacé (évaluations conservées)" : "chargé",
			       m->ncriteria, m->ncriteria > 1 ? "s" : "",
			       m->full_text ? "texte complet" : "structure et titres courts");
		}
	}
	rg_ref_meta_list_free(&x.after);
	diags_free(&x.d);
	buf_free(&data);
	err_free(&e);
	return rc;
}

/* ---- list, show, versions ---- */

static int list_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *version = NULL, *family_s = NULL, *prio_s = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--version", 1, &version },
				  { "--family", 1, &family_s },
				  { "--priority", 1, &prio_s },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&list_sub, argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	enum rg_priority prio = RG_PRIO_PRIORITAIRE;
	long family = 0;
	char *end = NULL;
	if (family_s && ((family = strtol(family_s, &end, 10)) < 1 || *end)) {
		fprintf(stderr, "numeco rgesn list: --family attend un numéro (1, 2…)\n");
		return CLI_USAGE;
	}
	if (prio_s && rg_priority_parse(prio_s, &prio)) {
		fprintf(stderr,
			"numeco rgesn list: priorité inconnue « %s » (prioritaire, recommande ou "
			"modere)\n",
			prio_s);
		return CLI_USAGE;
	}
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct rg_ref r;
	if (rgcli_open_ref(s, version, &r)) {
		store_close(s);
		return CLI_FAIL;
	}
	size_t *quick = NULL, nquick = rg_quick_criteria(&r, &quick), shown = 0, shown_quick = 0;
	printf("%s %s — %zu critères en %zu familles%s\n\n", r.name, r.version, r.ncriteria,
	       r.nfamilies, r.full_text ? " (texte complet)" : "");
	struct rgcli_table t;
	rgcli_table_init(&t, 5);
	const char *head[] = { "Critère", "Priorité", "Difficulté", "Rapide", "Titre" };
	rgcli_table_row(&t, head);
	int last_family = 0;
	for (size_t i = 0; i < r.ncriteria; i++) {
		const struct rg_criterion *c = &r.criteria[i];
		if ((family && c->family != family) || (prio_s && c->priority != prio))
			continue;
		int is_quick = 0;
		for (size_t q = 0; q < nquick && !is_quick; q++)
			is_quick = quick[q] == i;
		if (c->family != last_family) {
			char label[200];
			snprintf(label, sizeof(label), "%d. %s", c->family,
				 rg_family_label(&r, c->family));
			rgcli_table_section(&t, label);
			last_family = c->family;
		}
		const char *row[] = { c->id, rg_priority_label(c->priority),
				      rg_difficulty_label(c->difficulty), is_quick ? "rapide" : "",
				      c->title };
		rgcli_table_row(&t, row);
		shown++;
		shown_quick += is_quick;
	}
	if (shown) {
		rgcli_table_print(&t, "");
		printf("\n%zu critère%s, dont %zu du questionnaire rapide.\n", shown,
		       shown > 1 ? "s" : "", shown_quick);
	} else {
		printf("Aucun critère ne répond à ces filtres.\n");
	}
	rgcli_table_free(&t);
	free(quick);
	rg_ref_free(&r);
	store_close(s);
	return CLI_OK;
}

static void field(const char *label, const char *text)
{
	if (text && text[0])
		printf("\n%s :\n%s\n", label, text);
}

static int show_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *version = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--version", 1, &version }, { NULL, 0, NULL } };
	int rc = cli_parse(&show_sub, argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct rg_ref r;
	if (rgcli_open_ref(s, version, &r)) {
		store_close(s);
		return CLI_FAIL;
	}
	long i = rg_ref_find(&r, pos[0]);
	if (i < 0) {
		fprintf(stderr,
			"numeco: critère inconnu dans %s %s : « %s » (voir numeco rgesn list)\n",
			r.name, r.version, pos[0]);
		rc = CLI_FAIL;
	} else {
		const struct rg_criterion *c = &r.criteria[i];
		size_t *quick = NULL, nquick = rg_quick_criteria(&r, &quick);
		int is_quick = 0;
		for (size_t q = 0; q < nquick; q++)
			is_quick |= quick[q] == (size_t)i;
		free(quick);
		printf("%s %s, critère %s — %s\n", r.name, r.version, c->id, c->title);
		printf("  Famille     : %d. %s\n", c->family, rg_family_label(&r, c->family));
		printf("  Priorité    : %s\n", rg_priority_label(c->priority));
		printf("  Difficulté  : %s\n", rg_difficulty_label(c->difficulty));
		printf("  Rapide      : %s\n",
		       is_quick ? "oui (questionnaire d'autodiagnostic)" : "non");
		if (c->applies[0])
			printf("  S'applique  : %s\n", c->applies);
		if (c->url[0])
			printf("  Texte       : %s\n", c->url);
		field("Objectif", c->objective);
		field("Mise en œuvre", c->implementation);
		field("Moyen de test", c->test);
		if (!c->objective[0] && !c->test[0])
			printf("\nTexte complet non chargé (numeco rgesn load FICHIER --version "
			       "%s).\n",
			       r.version);
		rc = CLI_OK;
	}
	rg_ref_free(&r);
	store_close(s);
	return rc;
}

static int versions_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int rc;
	struct store *s = cli_open_plain(ctx, &versions_sub, argc, argv, pos, 0, 0, &rc);
	if (!s)
		return rc;
	struct rg_ref_meta_list l = { 0 };
	struct err e = ERR_INIT;
	if (store_rg_ref_list(s, &l, &e)) {
		rc = cli_fail(&e);
	} else if (!l.n) {
		printf("Aucun référentiel RGESN en base (numeco init, numeco rgesn load).\n");
		rc = CLI_OK;
	} else {
		struct rgcli_table t;
		rgcli_table_init(&t, 7);
		const char *head[] = { "Nom",	    "Version", "Critères", "Texte",
				       "Chargé le", "Par",     "Titre" };
		rgcli_table_row(&t, head);
		for (size_t i = 0; i < l.n; i++) {
			const struct rg_ref_meta *m = &l.items[i];
			char n[24];
			snprintf(n, sizeof(n), "%zu", m->ncriteria);
			const char *row[] = { m->name,
					      m->version,
					      n,
					      m->full_text ? "complet" : "structure",
					      m->loaded_at,
					      m->loaded_by,
					      m->title };
			rgcli_table_row(&t, row);
		}
		rgcli_table_print(&t, "");
		rgcli_table_free(&t);
		rc = CLI_OK;
	}
	rg_ref_meta_list_free(&l);
	err_free(&e);
	store_close(s);
	return rc;
}
