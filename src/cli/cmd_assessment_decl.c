/* cmd_assessment_decl.c: numeco assessment declaration — the ecodesign
 * declaration of an assessment, or the latest published one of a service
 * (rendered by rgesn/rg_report.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_rgesn_int.h"
#include "rgesn/rg_report.h"

static int declaration_cmd(const struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd rgcli_declaration_cmd = {
	"assessment declaration", declaration_cmd, "déclaration d'écoconception (HTML, md, JSON)",
	"Usage : numeco assessment declaration ÉVALUATION [--format html|md|json]\n"
	"                                      [--output FICHIER]\n"
	"        numeco assessment declaration --service CODE [--format …] [--output …]\n\n"
	"Écrit la déclaration d'écoconception d'une évaluation complète : service,\n"
	"date, version du référentiel, score en tout et par famille, critères non\n"
	"satisfaits avec leurs notes, critères non applicables avec leur\n"
	"justification, plan d'amélioration (critères en cours et leurs dates),\n"
	"contact, et l'écart à l'évaluation complète précédente. En html, une page\n"
	"autonome et accessible, à mettre en ligne telle quelle. Avec --service, la\n"
	"dernière déclaration publiée du service (numeco assessment publish).\n\n"
	"  --service  code du service (au lieu d'un numéro d'évaluation)\n"
	"  --format   md (défaut), html ou json\n"
	"  --output   écrire dans FICHIER plutôt que sur la sortie standard\n\n"
	"Exemples :\n"
	"  numeco assessment declaration 12 --format html --output declaration.html\n"
	"  numeco assessment declaration --service MIN-ECO-IMPOTS --format json\n"
};

/* The assessment a declaration is asked for: id, or the latest published
 * one of service. */
static int find_declared(struct store *s, const char *service, int64_t *id)
{
	struct rg_service v = { 0 };
	struct rg_assessment as = { 0 };
	struct err e = ERR_INIT;
	int found = store_rg_service_get(s, service, &v, &e);
	if (found == 0)
		err_set(&e, "service inconnu : « %s » (voir numeco service list)", service);
	if (found > 0) {
		found = store_rg_assessment_latest_published(s, v.id, &as, &e);
		if (found == 0)
			err_set(&e,
				"le service %s n'a pas de déclaration publiée (numeco assessment "
				"publish)",
				service);
		*id = as.id;
	}
	int rc = found > 0 ? 0 : cli_fail(&e);
	rg_assessment_free(&as);
	rg_service_free(&v);
	err_free(&e);
	return rc;
}

/* Fills d from x and its previous complete assessment p; ministry and
 * direction receive the organisations whose names d points to. */
static int fill_decl(struct store *s, const struct rgcli_assessment *x, const struct rgcli_prev *p,
		     const struct rg_score *sc, struct org *ministry, struct org *direction,
		     struct rg_decl *d, struct err *e)
{
	if (store_org_get_id(s, x->svc.ministry_id, ministry, e) < 0)
		return -1;
	if (x->svc.direction_code[0] && store_org_get(s, x->svc.direction_code, direction, e) < 0)
		return -1;
	memset(d, 0, sizeof(*d));
	d->service_name = x->svc.name;
	d->service_url = x->svc.url;
	d->ministry_name = ministry->name ? ministry->name : "";
	d->direction_name = direction->name ? direction->name : "";
	d->contact = x->as.contact[0] ? x->as.contact : x->svc.contact;
	d->assessed_on = x->as.assessed_on;
	d->published_at = x->as.published_at;
	d->ref = x->ref;
	d->items = x->as.items;
	d->nitems = x->as.nitems;
	d->score = sc;
	if (p->found > 0 && p->score.all.has_score) {
		d->has_previous = 1;
		d->previous_score = p->score.all.score;
		d->previous_date = p->as.assessed_on;
		d->previous_version = p->ref->version;
	}
	return 0;
}

static int declaration_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *format = "md", *output = NULL, *service = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--format", 1, &format },
				  { "--output", 1, &output },
				  { "--service", 1, &service },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&rgcli_declaration_cmd, argc, argv, opts, pos, 0, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	int64_t id = 0;
	enum rg_format fmt;
	if (rg_format_parse(format, &fmt)) {
		fprintf(stderr,
			"numeco assessment declaration: format inconnu « %s » (html, md ou json)\n",
			format);
		return CLI_USAGE;
	}
	if ((npos == 1) == (service != NULL)) {
		fprintf(stderr, "numeco assessment declaration: donner un numéro d'évaluation ou "
				"--service CODE (l'un des deux)\n");
		return CLI_USAGE;
	}
	if (npos && (rc = rgcli_id(&rgcli_declaration_cmd, pos[0], &id)) != 0)
		return rc;
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct rg_ref_cache refs = { 0 };
	struct rgcli_assessment x;
	if ((service && find_declared(s, service, &id)) || rgcli_load(s, &refs, id, &x)) {
		rg_ref_cache_free(&refs);
		store_close(s);
		return CLI_FAIL;
	}
	struct err e = ERR_INIT;
	struct rgcli_prev p = { 0 };
	struct rg_score sc;
	struct org ministry = { 0 }, direction = { 0 };
	struct rg_decl d;
	struct buf out = BUF_INIT;
	rgcli_score(x.ref, &x.as, &sc);
	if (x.as.kind == RG_KIND_DIAGNOSTIC) {
		err_set(&e,
			"l'évaluation %lld est un autodiagnostic : elle n'a pas de déclaration "
			"(la convertir : numeco assessment convert %lld)",
			(long long)id, (long long)id);
		rc = cli_fail(&e);
	} else if (rgcli_prev_load(s, &refs, &x, 1, &p, &e) < 0 ||
		   fill_decl(s, &x, &p, &sc, &ministry, &direction, &d, &e)) {
		rc = cli_fail(&e);
	} else {
		rg_declaration_render(&d, fmt, &out);
		rc = cli_write_output(output, &out);
	}
	buf_free(&out);
	org_free(&ministry);
	org_free(&direction);
	rgcli_prev_free(&p);
	rg_score_free(&sc);
	rgcli_assessment_free(&x);
	rg_ref_cache_free(&refs);
	err_free(&e);
	store_close(s);
	return rc;
}
