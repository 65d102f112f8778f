/* cmd_footprint.c: numeco footprint evaluate|import|list — footprint of IT
 * inventories (NumEcoEval files) against a referential. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "footprint/fp_avoided.h"
#include "footprint/fp_eval.h"
#include "io/parse.h"
#include "plan/referential.h"
#include "store/store_fp.h"

static int evaluate_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int import_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int list_cmd(const struct cli_ctx *ctx, int argc, char **argv);

#define INPUT_USAGE                                                                     \
	"--physical FICHIER [--datacenters FICHIER]\n"                                  \
	"          [--virtual FICHIER] [--applications FICHIER] [--referential RÉF]\n" \
	"          [--lifespan real|fixed] [--date AAAA-MM-JJ]"

#define INPUT_HELP                                                                           \
	"Fichiers d'inventaire au format NumEcoEval (séparateur ;, voir\n"                  \
	"docs/formats/inventory.md) :\n"                                                     \
	"  --physical      équipements physiques (obligatoire)\n"                           \
	"  --datacenters   centres de données (PUE, pays)\n"                                \
	"  --virtual       équipements virtuels (machines virtuelles, stockage)\n"          \
	"  --applications  applications\n\n"                                                 \
	"  --referential   référentiel : NOM ou NOM@VERSION en base (numeco referential\n" \
	"                  list), ou un DOSSIER de fichiers CSV ; défaut : le\n"            \
	"                  référentiel ouvert " REFERENTIAL_OPEN_NAME "\n"                   \
	"  --lifespan      real (défaut) : durée de vie = date de retrait (ou date\n"      \
	"                  d'évaluation) − date d'achat ; fixed : dureeUsageInterne\n"    \
	"                  (+ amont + aval)\n"                                               \
	"  --date          date d'évaluation (défaut : aujourd'hui)\n"

static const struct cli_cmd subs[] = {
	{ "footprint evaluate", evaluate_cmd, "évaluer l'empreinte d'un inventaire",
	  "Usage : numeco footprint evaluate " INPUT_USAGE "\n"
	  "          [--format md|html|json|csv] [--output FICHIER] [--detail DOSSIER]\n\n"
	  "Évalue l'empreinte environnementale annuelle du parc décrit par les fichiers\n"
	  "d'inventaire, avec les formules de NumEcoEval (docs/formulas.md), et écrit la\n"
	  "synthèse : totaux par critère et par étape du cycle de vie, par entité, par\n"
	  "type d'équipement, par centre de données, nombre d'indicateurs en erreur.\n"
	  "Une ligne incalculable (modèle inconnu, pays inconnu…) donne des indicateurs\n"
	  "au statut ERREUR avec leur cause, sans arrêter les autres lignes.\n\n" INPUT_HELP
	  "  --format        md (défaut), html (page autonome, graphiques SVG), json, csv\n"
	  "  --output        écrire la synthèse dans FICHIER plutôt que sur la sortie\n"
	  "                  standard\n"
	  "  --detail        écrire aussi dans DOSSIER les indicateurs de chaque élément\n"
	  "                  (ind_physical_equipment.csv, ind_virtual_equipment.csv,\n"
	  "                  ind_application.csv), avec statut et trace du calcul\n\n"
	  "Sans base de données, le référentiel ouvert intégré à numeco est utilisé.\n" },
	{ "footprint import", import_cmd, "évaluer et enregistrer l'empreinte d'un ministère",
	  "Usage : numeco footprint import --org CODE --year ANNÉE " INPUT_USAGE "\n\n"
	  "Évalue l'inventaire comme numeco footprint evaluate et enregistre les\n"
	  "résultats agrégés en base pour l'organisation CODE et l'année ANNÉE (une\n"
	  "évaluation antérieure de la même année est remplacée), pour les bilans et\n"
	  "les indicateurs. Permis à l'admin et au référent du ministère. Le\n"
	  "référentiel doit être en base. Une barre de progression s'affiche sur un\n"
	  "terminal.\n\n" INPUT_HELP },
	{ "footprint list", list_cmd, "lister les évaluations enregistrées",
	  "Usage : numeco footprint list [--year ANNÉE]\n\n"
	  "Affiche, par organisation et par année, le total annuel de chaque critère\n"
	  "des évaluations enregistrées (numeco footprint import).\n" },
	{ NULL, NULL, NULL, NULL },
};

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_dispatch(ctx, "footprint", subs, argc, argv);
}

const struct cli_cmd cmd_footprint = {
	"footprint",
	run,
	"empreinte du parc informatique (evaluate, import, list)",
	"Usage : numeco footprint evaluate|import|list …\n\n"
	"  evaluate  évaluer l'empreinte d'un inventaire (fichiers NumEcoEval)\n"
	"  import    évaluer et enregistrer l'empreinte d'un ministère pour une année\n"
	"  list      lister les évaluations enregistrées\n\n"
	"numeco footprint SOUS-COMMANDE --help pour le détail.\n",
};

/* The options evaluate and import share. */
struct inputs {
	struct fp_run_opts o;
	const char *referential, *lifespan, *date;
};

enum { NINPUT_OPTS = 7 };

static void input_opts(struct inputs *in, struct cli_opt *opts)
{
	memset(in, 0, sizeof(*in));
	struct cli_opt tab[NINPUT_OPTS] = {
		{ "--physical", 1, &in->o.physical },
		{ "--datacenters", 1, &in->o.datacenters },
		{ "--virtual", 1, &in->o.virtual_ },
		{ "--applications", 1, &in->o.applications },
		{ "--referential", 1, &in->referential },
		{ "--lifespan", 1, &in->lifespan },
		{ "--date", 1, &in->date },
	};
	memcpy(opts, tab, sizeof(tab));
}

/* Checks the shared options; prints the problem and returns CLI_USAGE. */
static int input_check(const struct cli_cmd *cmd, struct inputs *in)
{
	if (!in->o.physical)
		return cli_missing(cmd, "--physical");
	in->o.lifespan = FP_LIFESPAN_REAL;
	if (in->lifespan) {
		if (strcmp(in->lifespan, "fixed") == 0 || strcmp(in->lifespan, "fixe") == 0)
			in->o.lifespan = FP_LIFESPAN_FIXED;
		else if (strcmp(in->lifespan, "real") != 0 && strcmp(in->lifespan, "reelle") != 0 &&
			 strcmp(in->lifespan, "réelle") != 0) {
			fprintf(stderr,
				"numeco %s: --lifespan invalide « %s » (attendu : real ou fixed)\n",
				cmd->name, in->lifespan);
			return CLI_USAGE;
		}
	}
	if (in->date) {
		struct err e = ERR_INIT;
		int bad = parse_date(in->date, in->o.date, &e);
		if (bad)
			fprintf(stderr, "numeco %s: --date invalide : %s\n", cmd->name, e.msg.ptr);
		err_free(&e);
		if (bad)
			return CLI_USAGE;
	}
	return CLI_OK;
}

/* A progress bar on standard error, when it is a terminal. */
struct progress {
	int last; /* last percentage shown, -1 before the first */
};

static void progress_show(void *arg, size_t done, size_t total)
{
	struct progress *p = arg;
	int pct = total ? (int)(done * 100 / total) : 100;
	if (pct == p->last)
		return;
	p->last = pct;
	char bar[31];
	int full = pct * 30 / 100;
	memset(bar, '#', (size_t)full);
	memset(bar + full, '.', (size_t)(30 - full));
	bar[30] = '\0';
	int mb = total >= (10u << 20);
	fprintf(stderr, "\rÉvaluation [%s] %3d %% (%zu %s / %zu %s)", bar, pct,
		mb ? done >> 20 : done >> 10, mb ? "Mo" : "Ko", mb ? total >> 20 : total >> 10,
		mb ? "Mo" : "Ko");
	fflush(stderr);
}

static void progress_end(const struct progress *p)
{
	if (p->last >= 0)
		fputc('\n', stderr);
}

/* Evaluates; prints file problems and a line on indicators in error. */
static struct fp_summary *evaluate(const struct cli_cmd *cmd, const struct fp_ref *ref,
				   struct inputs *in)
{
	struct progress pg = { -1 };
	if (isatty(STDERR_FILENO)) {
		in->o.progress = progress_show;
		in->o.progress_arg = &pg;
	}
	struct diags d = DIAGS_INIT;
	struct err e = ERR_INIT;
	struct fp_summary *sum = fp_run(ref, &in->o, &d, &e);
	progress_end(&pg);
	diags_print(&d, stderr);
	if (!sum) {
		if (d.errors)
			fprintf(stderr, "numeco %s: évaluation impossible : %zu erreur%s\n",
				cmd->name, d.errors, d.errors > 1 ? "s" : "");
		else
			cli_fail(&e);
	} else {
		const struct fp_counts *c = fp_summary_counts(sum);
		size_t nerr = c->physical_errors + c->virtual_errors + c->application_errors;
		if (nerr) {
			fprintf(stderr,
				"numeco %s: %zu indicateur%s au statut ERREUR (causes dans la "
				"synthèse et, avec --detail, dans les fichiers d'indicateurs) :\n",
				cmd->name, nerr, nerr > 1 ? "s" : "");
			for (size_t i = 0; i < fp_summary_nerrors(sum) && i < 5; i++)
				fprintf(stderr, "  %s\n", fp_summary_error(sum, i));
		}
	}
	diags_free(&d);
	err_free(&e);
	return sum;
}

/* The referential of evaluate: a folder, a stored one, or without a
 * database and without --referential, the embedded open one. */
static struct fp_ref *evaluate_ref(const struct cli_ctx *ctx, const char *spec)
{
	struct diags d = DIAGS_INIT;
	struct err e = ERR_INIT;
	struct fp_ref *ref = NULL;
	if (spec && referential_spec_is_dir(spec)) {
		ref = referential_resolve(NULL, NULL, spec, NULL, &d, &e);
	} else if (!spec && access(ctx->db_path, F_OK) != 0) {
		ref = referential_embedded(&d);
	} else {
		struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
		struct actor a;
		struct person who = { 0 };
		struct buf id = BUF_INIT;
		if (s && cli_actor(ctx, s, &a, &who, &id) == 0)
			ref = referential_resolve(s, &a, spec ? spec : REFERENTIAL_OPEN_NAME, NULL,
						  &d, &e);
		else
			err_set(&e, "référentiel indisponible");
		person_free(&who);
		buf_free(&id);
		if (s)
			store_close(s);
	}
	diags_print(&d, stderr);
	if (!ref) {
		if (d.errors)
			fprintf(stderr, "numeco: référentiel refusé : %zu erreur%s\n", d.errors,
				d.errors > 1 ? "s" : "");
		else
			cli_fail(&e);
	}
	diags_free(&d);
	err_free(&e);
	return ref;
}

static int evaluate_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct inputs in;
	const char *format_s = "md", *output = NULL, *pos[1];
	struct cli_opt opts[NINPUT_OPTS + 4];
	input_opts(&in, opts);
	opts[NINPUT_OPTS] = (struct cli_opt){ "--format", 1, &format_s };
	opts[NINPUT_OPTS + 1] = (struct cli_opt){ "--output", 1, &output };
	opts[NINPUT_OPTS + 2] = (struct cli_opt){ "--detail", 1, &in.o.detail_dir };
	opts[NINPUT_OPTS + 3] = (struct cli_opt){ NULL, 0, NULL };
	int npos, rc = cli_parse(&subs[0], argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if ((rc = input_check(&subs[0], &in)) != CLI_OK)
		return rc;
	enum fp_format fmt;
	if (fp_format_parse(format_s, &fmt)) {
		fprintf(stderr,
			"numeco footprint evaluate: format inconnu « %s » (attendu : md, html, "
			"json ou csv)\n",
			format_s);
		return CLI_USAGE;
	}
	if (in.o.detail_dir && mkdir(in.o.detail_dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr,
			"numeco footprint evaluate: impossible de créer le dossier %s : %s\n",
			in.o.detail_dir, strerror(errno));
		return CLI_FAIL;
	}
	struct fp_ref *ref = evaluate_ref(ctx, in.referential);
	if (!ref)
		return CLI_FAIL;
	struct fp_summary *sum = evaluate(&subs[0], ref, &in);
	rc = CLI_FAIL;
	if (sum) {
		struct buf out = BUF_INIT;
		fp_summary_render(sum, fmt, &out);
		rc = cli_write_output(output, &out);
		buf_free(&out);
		fp_summary_free(sum);
	}
	fp_ref_free(ref);
	return rc;
}

struct import_arg {
	const char *org;
	int year;
	struct inputs in;
	struct fp_summary *sum;
	struct ref_meta meta;
};

static int do_import(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct import_arg *x = arg;
	struct org org = { 0 };
	int found = store_org_get(s, x->org, &org, e);
	int64_t ministry = org.ministry_id;
	org_free(&org);
	if (found == 0)
		return err_set(e, "organisation inconnue : « %s » (voir numeco org list)", x->org);
	if (found < 0)
		return -1;
	if (!perm_edit_roadmap(a, ministry))
		return err_set(e, "%s n'a pas le droit d'enregistrer l'empreinte de %s", a->id,
			       x->org);
	const char *spec = x->in.referential ? x->in.referential : REFERENTIAL_OPEN_NAME;
	if (referential_spec_is_dir(spec))
		return err_set(e,
			       "« %s » : une évaluation enregistrée utilise un référentiel en base "
			       "(numeco referential load, puis --referential NOM)",
			       spec);
	struct diags d = DIAGS_INIT;
	struct fp_ref *ref = referential_resolve(s, a, spec, &x->meta, &d, e);
	diags_free(&d);
	if (!ref)
		return -1;
	/* The summary points into the referential: free it after saving. */
	x->sum = evaluate(&subs[1], ref, &x->in);
	int64_t id;
	int rc = x->sum ? store_fp_save(s, x->org, x->year, x->meta.id, x->in.o.lifespan, x->sum,
					a->id, &id, e)
			: err_set(e, "rien n'a été enregistré");
	fp_ref_free(ref);
	return rc;
}

static int import_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct import_arg x;
	const char *year_s = NULL, *pos[1];
	struct cli_opt opts[NINPUT_OPTS + 3];
	memset(&x, 0, sizeof(x));
	input_opts(&x.in, opts);
	opts[NINPUT_OPTS] = (struct cli_opt){ "--org", 1, &x.org };
	opts[NINPUT_OPTS + 1] = (struct cli_opt){ "--year", 1, &year_s };
	opts[NINPUT_OPTS + 2] = (struct cli_opt){ NULL, 0, NULL };
	int npos, rc = cli_parse(&subs[1], argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!x.org)
		return cli_missing(&subs[1], "--org");
	if (!year_s)
		return cli_missing(&subs[1], "--year");
	int last;
	if (period_parse(year_s, &x.year, &last) || last != x.year) {
		fprintf(stderr, "numeco footprint import: --year invalide « %s » (ex. 2025)\n",
			year_s);
		return CLI_USAGE;
	}
	if ((rc = input_check(&subs[1], &x.in)) != CLI_OK)
		return rc;
	rc = cli_transaction(ctx, do_import, &x);
	if (rc == CLI_OK) {
		const struct fp_counts *c = fp_summary_counts(x.sum);
		printf("Évaluation enregistrée : %s %d, référentiel %s %s — %zu équipement%s "
		       "physique%s, %zu virtuel%s, %zu application%s, %zu indicateur%s en "
		       "erreur.\n",
		       x.org, x.year, x.meta.name, x.meta.version, c->physical,
		       c->physical > 1 ? "s" : "", c->physical > 1 ? "s" : "", c->virtual_,
		       c->virtual_ > 1 ? "s" : "", c->applications, c->applications > 1 ? "s" : "",
		       c->physical_errors + c->virtual_errors + c->application_errors,
		       c->physical_errors + c->virtual_errors + c->application_errors > 1 ? "s"
											  : "");
	}
	if (x.sum)
		fp_summary_free(x.sum);
	ref_meta_free(&x.meta);
	return rc;
}

static int list_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *year_s = NULL, *pos[1];
	struct cli_opt opts[] = { { "--year", 1, &year_s }, { NULL, 0, NULL } };
	int npos, rc = cli_parse(&subs[2], argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	int year = 0, last;
	if (year_s && (period_parse(year_s, &year, &last) || last != year)) {
		fprintf(stderr, "numeco footprint list: --year invalide « %s » (ex. 2025)\n",
			year_s);
		return CLI_USAGE;
	}
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct fp_stored_total_list l;
	struct err e = ERR_INIT;
	if (store_fp_totals(s, year, &l, &e)) {
		rc = cli_fail(&e);
	} else {
		if (l.n == 0)
			printf("Aucune évaluation enregistrée%s (numeco footprint import).\n",
			       year ? " pour cette année" : "");
		struct buf num = BUF_INIT;
		for (size_t i = 0; i < l.n; i++) {
			const struct fp_stored_total *t = &l.items[i];
			if (i == 0 || strcmp(t->org_code, l.items[i - 1].org_code) ||
			    t->year != l.items[i - 1].year)
				printf("%s %d — %s (référentiel %s)\n", t->org_code, t->year,
				       t->org_name, t->referential);
			buf_reset(&num);
			fp_av_fmt(&num, t->total);
			printf("  %s : %s %s par an\n", t->criterion_label, num.ptr, t->unit);
		}
		buf_free(&num);
		fp_stored_total_list_free(&l);
	}
	err_free(&e);
	store_close(s);
	return rc;
}
