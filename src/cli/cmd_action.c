/* cmd_action.c: numeco action estimate|methods — avoided-impact estimates of
 * roadmap actions. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "io/parse.h"
#include "plan/estimate.h"
#include "plan/referential.h"

static int estimate_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int methods_cmd(const struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_cmd subs[] = {
	{ "action estimate", estimate_cmd, "estimer l'impact évité d'une action",
	  "Usage : numeco action estimate RÉF --org CODE --period PÉRIODE --method MÉTHODE\n"
	  "                               --param NOM=VALEUR … [--referential NOM[@VERSION]]\n\n"
	  "Estime l'impact évité par l'action RÉF de la feuille de route CODE PÉRIODE\n"
	  "avec une méthode de calcul (numeco action methods) et le référentiel\n"
	  "d'empreinte en base (défaut : " REFERENTIAL_OPEN_NAME "). L'estimation, ses\n"
	  "paramètres et la trace du calcul sont enregistrés avec l'action, dont\n"
	  "l'impact évité (tCO2e) est mis à jour ; elle est recalculée quand une\n"
	  "nouvelle version du référentiel est chargée. Formules :\n"
	  "docs/formulas-actions.md.\n\n"
	  "  --method   allongement, reconditionne, reemploi, achat_responsable, pue,\n"
	  "             consolidation\n"
	  "  --param    un paramètre de la méthode, répétable (ex. --param n=1200\n"
	  "             --param type=Laptop --param l0=4 --param l1=6)\n\n"
	  "Permis à l'admin et au référent du ministère ; refusé sur une feuille de\n"
	  "route validée. Journalisé.\n" },
	{ "action methods", methods_cmd, "lister les méthodes d'estimation et leurs paramètres",
	  "Usage : numeco action methods\n\n"
	  "Liste les méthodes d'estimation d'impact évité, avec leurs paramètres\n"
	  "(obligatoires ou non, unité, valeur par défaut).\n" },
	{ NULL, NULL, NULL, NULL },
};

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_dispatch(ctx, "action", subs, argc, argv);
}

const struct cli_cmd cmd_action = {
	"action",
	run,
	"impact évité des actions (estimate, methods)",
	"Usage : numeco action estimate|methods …\n\n"
	"  estimate  estimer l'impact évité d'une action avec une méthode de calcul\n"
	"  methods   lister les méthodes et leurs paramètres\n\n"
	"numeco action SOUS-COMMANDE --help pour le détail.\n",
};

struct estimate_arg {
	struct estimate_req q;
	struct fp_av_result res;
	struct ref_meta meta;
};

static int do_estimate(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct estimate_arg *x = arg;
	return estimate_action(s, a, &x->q, &x->res, &x->meta, e);
}

static int estimate_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *params[CLI_MANY_MAX + 1] = { NULL }, *pos[1];
	struct estimate_arg x;
	memset(&x, 0, sizeof(x));
	struct cli_opt opts[] = { { "--org", 1, &x.q.org },
				  { "--period", 1, &x.q.period },
				  { "--method", 1, &x.q.method },
				  { "--param", CLI_MANY, params },
				  { "--referential", 1, &x.q.referential },
				  { NULL, 0, NULL } };
	int npos, rc = cli_parse(&subs[0], argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!x.q.org)
		return cli_missing(&subs[0], "--org");
	if (!x.q.period)
		return cli_missing(&subs[0], "--period");
	if (!x.q.method)
		return cli_missing(&subs[0], "--method");
	x.q.action_ref = pos[0];
	struct fp_av_params p = FP_AV_PARAMS_INIT;
	struct err e = ERR_INIT;
	for (int i = 0; params[i]; i++)
		if (fp_av_params_add(&p, params[i], &e)) {
			fprintf(stderr, "numeco action estimate: --param « %s » : %s\n", params[i],
				e.msg.ptr);
			fp_av_params_free(&p);
			err_free(&e);
			return CLI_USAGE;
		}
	err_free(&e);
	x.q.params = &p;
	fp_av_result_init(&x.res);
	rc = cli_transaction(ctx, do_estimate, &x);
	if (rc == CLI_OK) {
		struct buf num = BUF_INIT;
		fmt_number_fr(&num, round(x.res.ghg_kg) / 1000.0);
		printf("%s/%s/%s : %s — %s tCO2e évitées%s (référentiel %s %s)\n", x.q.org,
		       x.q.period, x.q.action_ref, x.res.method->label, num.ptr,
		       x.res.kind == FP_AV_ONCE ? " une fois" : " par an", x.meta.name,
		       x.meta.version);
		fputs(x.res.trace.ptr ? x.res.trace.ptr : "", stdout);
		buf_free(&num);
	}
	fp_av_result_free(&x.res);
	ref_meta_free(&x.meta);
	fp_av_params_free(&p);
	return rc;
}

static int methods_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	const char *pos[1];
	struct cli_opt opts[] = { { NULL, 0, NULL } };
	int npos, rc = cli_parse(&subs[1], argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	for (size_t i = 0; i < fp_av_nmethods(); i++) {
		const struct fp_av_method *m = fp_av_method_at(i);
		printf("%s — %s (%s)\n  %s\n", m->code, m->label,
		       m->kind == FP_AV_ONCE ? "évité une fois" : "évité chaque année", m->desc);
		for (size_t k = 0; k < m->nparams; k++) {
			const struct fp_av_param_def *d = &m->params[k];
			printf("    %-10s %s%s%s%s", d->name, d->desc, *d->unit ? " (" : "",
			       d->unit, *d->unit ? ")" : "");
			if (d->required)
				printf(", obligatoire");
			else if (d->def)
				printf(", défaut : %s", d->def);
			else
				printf(", facultatif");
			putchar('\n');
		}
	}
	return CLI_OK;
}
