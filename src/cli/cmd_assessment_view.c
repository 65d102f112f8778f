/* cmd_assessment_view.c: numeco assessment show|score — an assessment's
 * answers, its score (overall, per family, per priority, and the difference
 * with the previous one). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_rgesn_int.h"
#include "rgesn/rg_report.h"

static int show_cmd(const struct cli_ctx *ctx, int argc, char **argv);
static int score_cmd(const struct cli_ctx *ctx, int argc, char **argv);

const struct cli_cmd rgcli_show_cmd = {
	"assessment show", show_cmd, "réponses d'une évaluation (filtres)",
	"Usage : numeco assessment show ÉVALUATION [--family N] [--priority PRIORITÉ]\n"
	"                               [--answer RÉPONSE]\n\n"
	"Affiche l'évaluation (service, référentiel, date, publication, score) puis\n"
	"ses critères : réponse, priorité, difficulté, justification, date prévue,\n"
	"note et titre.\n\n"
	"  --family    seulement la famille N (1 Stratégie … 9 Algorithmie en 2024)\n"
	"  --priority  prioritaire, recommande ou modere\n"
	"  --answer    conforme, non_conforme, non_applicable, en_cours, non_evalue\n\n"
	"Exemples :\n"
	"  numeco assessment show 12 --answer non_conforme --priority prioritaire\n"
	"  numeco assessment show 12 --family 4\n"
};
const struct cli_cmd rgcli_score_cmd = {
	"assessment score", score_cmd, "score d'une évaluation, par famille, par priorité, écart",
	"Usage : numeco assessment score ÉVALUATION [--format md|json] [--output FICHIER]\n\n"
	"Calcule le score de l'évaluation : critères conformes / critères applicables\n"
	"× 100. Les critères non applicables sont exclus ; les non évalués (et en\n"
	"cours) comptent comme non conformes et sont comptés à part. Le score est\n"
	"donné en tout, par famille et par priorité, avec l'écart (en points) à\n"
	"l'évaluation précédente du service du même type, même d'une autre version\n"
	"du référentiel, et les critères dont la réponse a changé. Le score d'un\n"
	"autodiagnostic porte sur ses seules questions.\n\n"
	"  --format  md (défaut) ou json\n"
	"  --output  écrire dans FICHIER plutôt que sur la sortie standard\n\n"
	"Exemple :\n"
	"  numeco assessment score 12 --format json --output score.json\n"
};
static const struct rg_item *item_of(const struct rg_assessment *as, const char *crit)
{
	for (size_t i = 0; i < as->nitems; i++)
		if (strcmp(as->items[i].criterion, crit) == 0)
			return &as->items[i];
	return NULL;
}

static const char *kind_label(enum rg_kind k)
{
	return k == RG_KIND_DIAGNOSTIC ? "autodiagnostic rapide" : "évaluation complète";
}

/* "3 conformes sur 77 applicables (1 non conforme, 0 en cours, 73 non
 * évalués) ; 1 non applicable" */
static void tally_text(struct buf *out, const struct rg_tally *t)
{
	buf_addf(out,
		 "%zu conforme%s sur %zu critère%s applicable%s (%zu non conforme%s, %zu en "
		 "cours, %zu non évalué%s) ; %zu non applicable%s",
		 t->conforme, t->conforme > 1 ? "s" : "", t->applicable,
		 t->applicable > 1 ? "s" : "", t->applicable > 1 ? "s" : "", t->non_conforme,
		 t->non_conforme > 1 ? "s" : "", t->en_cours, t->non_evalue,
		 t->non_evalue > 1 ? "s" : "", t->non_applicable, t->non_applicable > 1 ? "s" : "");
}

/* ---- show ---- */

static int show_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *family_s = NULL, *prio_s = NULL, *answer_s = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--family", 1, &family_s },
				  { "--priority", 1, &prio_s },
				  { "--answer", 1, &answer_s },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&rgcli_show_cmd, argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	int64_t id;
	if ((rc = rgcli_id(&rgcli_show_cmd, pos[0], &id)) != 0)
		return rc;
	enum rg_priority prio = RG_PRIO_PRIORITAIRE;
	enum rg_answer answer = RG_ANS_CONFORME;
	int family = 0;
	if (family_s) {
		char *end;
		long f = strtol(family_s, &end, 10);
		if (!*family_s || *end || f < 1 || f > 99) {
			fprintf(stderr,
				"numeco assessment show: --family attend un numéro (1, 2…)\n");
			return CLI_USAGE;
		}
		family = (int)f;
	}
	if (prio_s && rg_priority_parse(prio_s, &prio)) {
		fprintf(stderr,
			"numeco assessment show: priorité inconnue « %s » (prioritaire, recommande "
			"ou modere)\n",
			prio_s);
		return CLI_USAGE;
	}
	if (answer_s && rg_answer_parse(answer_s, &answer)) {
		fprintf(stderr,
			"numeco assessment show: réponse inconnue « %s » (conforme, non_conforme, "
			"non_applicable, en_cours ou non_evalue)\n",
			answer_s);
		return CLI_USAGE;
	}
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct rg_ref_cache refs = { 0 };
	struct rgcli_assessment x;
	if (rgcli_load(s, &refs, id, &x)) {
		rg_ref_cache_free(&refs);
		store_close(s);
		return CLI_FAIL;
	}
	struct rg_ref view;
	struct rg_score sc;
	struct buf b = BUF_INIT;
	rgcli_scope(x.ref, &x.as, &view);
	rg_score_compute(&view, x.as.items, x.as.nitems, &sc);
	printf("Évaluation %lld — %s (%s)\n", (long long)id, x.svc.name, x.svc.code);
	printf("  Type        : %s", kind_label(x.as.kind));
	if (x.as.from_id)
		printf(", issue de l'autodiagnostic %lld", (long long)x.as.from_id);
	printf("\n  Référentiel : %s %s\n", x.ref->name, x.ref->version);
	printf("  Date        : %s\n", x.as.assessed_on);
	if (x.as.published_at[0])
		printf("  Publiée     : %s (contact : %s)\n", x.as.published_at, x.as.contact);
	else
		printf("  Publiée     : non\n");
	rgcli_pct(&b, &sc.all);
	buf_adds(&b, " — ");
	tally_text(&b, &sc.all);
	printf("  Score       : %s\n", b.ptr);
	printf("  Créée par   : %s le %s\n\n", x.as.created_by, x.as.created_at);

	struct rgcli_table t;
	rgcli_table_init(&t, 6);
	const char *head[] = { "Critère", "Réponse", "Priorité", "Difficulté", "Détail", "Titre" };
	rgcli_table_row(&t, head);
	for (size_t i = 0; i < view.ncriteria; i++) {
		const struct rg_criterion *c = &view.criteria[i];
		const struct rg_item *it = item_of(&x.as, c->id);
		enum rg_answer ans = it ? it->answer : RG_ANS_NON_EVALUE;
		if ((family && c->family != family) || (prio_s && c->priority != prio) ||
		    (answer_s && ans != answer))
			continue;
		buf_reset(&b);
		if (it && it->justification[0])
			buf_addf(&b, "justification : %s", it->justification);
		if (it && it->planned[0])
			buf_addf(&b, "%sprévu le %s", b.len ? " ; " : "", it->planned);
		if (it && it->note[0])
			buf_addf(&b, "%snote : %s", b.len ? " ; " : "", it->note);
		const char *row[] = { c->id,
				      rg_answer_label(ans),
				      rg_priority_label(c->priority),
				      rg_difficulty_label(c->difficulty),
				      b.ptr,
				      c->title };
		rgcli_table_row(&t, row);
	}
	if (t.nrows > 1) {
		rgcli_table_print(&t, "");
		printf("\n%zu critère%s.\n", t.nrows - 1, t.nrows > 2 ? "s" : "");
	} else {
		printf("Aucun critère ne répond à ces filtres.\n");
	}
	rgcli_table_free(&t);
	buf_free(&b);
	rg_score_free(&sc);
	rgcli_scope_free(&view);
	rgcli_assessment_free(&x);
	rg_ref_cache_free(&refs);
	store_close(s);
	return CLI_OK;
}

/* ---- score ---- */

/* Appends s with the characters Markdown tables break on escaped. */
static void md_cell(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|' || *s == '\\')
			buf_addc(out, '\\');
		buf_addc(out, *s == '\n' ? ' ' : *s);
	}
}

static void md_row(struct buf *out, const char *label, const struct rg_tally *t)
{
	buf_adds(out, "| ");
	md_cell(out, label);
	buf_adds(out, " | ");
	rgcli_pct(out, t);
	buf_addf(out, " | %zu | %zu | %zu | %zu | %zu | %zu |\n", t->conforme, t->applicable,
		 t->non_conforme, t->en_cours, t->non_evalue, t->non_applicable);
}

static const char md_head[] = "| Score | Conformes | Applicables | Non conformes | En cours | "
			      "Non évalués | Non applicables |\n|---|---:|---:|---:|---:|---:|"
			      "---:|---:|\n";

static void score_md(const struct rgcli_assessment *x, const struct rg_score *sc,
		     const struct rgcli_prev *p, struct buf *out)
{
	struct buf b = BUF_INIT;
	buf_adds(out, "# Score RGESN — ");
	md_cell(out, x->svc.name);
	buf_addf(out, " (%s)\n\nÉvaluation %lld du %s — %s %s, %s.\n\n**Score : ", x->svc.code,
		 (long long)x->as.id, x->as.assessed_on, x->ref->name, x->ref->version,
		 kind_label(x->as.kind));
	rgcli_pct(out, &sc->all);
	buf_adds(out, "** — ");
	tally_text(out, &sc->all);
	buf_adds(out, ".\n\n## Par famille\n\n| Famille ");
	buf_adds(out, md_head);
	for (size_t f = 0; f < sc->nfamilies && f < x->ref->nfamilies; f++) {
		if (!sc->by_family[f].total)
			continue;
		buf_reset(&b);
		buf_addf(&b, "%d. %s", x->ref->families[f].num, x->ref->families[f].label);
		md_row(out, b.ptr, &sc->by_family[f]);
	}
	buf_adds(out, "\n## Par priorité\n\n| Priorité ");
	buf_adds(out, md_head);
	for (int k = 0; k < RG_PRIO_N; k++)
		if (sc->by_priority[k].total)
			md_row(out, rg_priority_label((enum rg_priority)k), &sc->by_priority[k]);
	buf_adds(out, "\n## Évolution\n\n");
	if (!p->found) {
		buf_adds(out, "Première évaluation de ce type pour le service : pas d'écart à "
			      "montrer.\n");
		buf_free(&b);
		return;
	}
	buf_addf(out, "Évaluation précédente : %lld du %s (%s %s), score ", (long long)p->as.id,
		 p->as.assessed_on, p->ref->name, p->ref->version);
	rgcli_pct(out, &p->score.all);
	buf_adds(out, " → ");
	rgcli_pct(out, &sc->all);
	if (p->diff.has_delta) {
		buf_adds(out, " (");
		rgcli_points(out, p->diff.delta);
		buf_addc(out, ')');
	}
	buf_adds(out, ".\n");
	if (p->diff.only_before || p->diff.only_after)
		buf_addf(out,
			 "\nCritères propres à une version : %zu dans la précédente seulement, %zu "
			 "dans celle-ci seulement.\n",
			 p->diff.only_before, p->diff.only_after);
	if (!p->diff.nchanges) {
		buf_adds(out, "\nAucune réponse n'a changé.\n");
	} else {
		buf_adds(out, "\n| Critère | Avant | Après |\n|---|---|---|\n");
		for (size_t i = 0; i < p->diff.nchanges; i++) {
			const struct rg_change *c = &p->diff.changes[i];
			buf_addf(out, "| %s | %s | %s |\n", c->criterion,
				 rg_answer_label(c->before), rg_answer_label(c->after));
		}
	}
	buf_free(&b);
}

static json_t *tally_json(const struct rg_tally *t)
{
	return json_pack("{s:o, s:{s:I, s:I, s:I, s:I, s:I, s:I, s:I}}", "score",
			 t->has_score ? json_real(t->score) : json_null(), "counts", "total",
			 (json_int_t)t->total, "applicable", (json_int_t)t->applicable, "conforme",
			 (json_int_t)t->conforme, "non_conforme", (json_int_t)t->non_conforme,
			 "en_cours", (json_int_t)t->en_cours, "non_evalue",
			 (json_int_t)t->non_evalue, "non_applicable",
			 (json_int_t)t->non_applicable);
}

static void score_json(const struct rgcli_assessment *x, const struct rg_score *sc,
		       const struct rgcli_prev *p, struct buf *out)
{
	json_t *root = json_object(), *all = tally_json(&sc->all);
	json_object_set_new(root, "assessment", json_integer(x->as.id));
	json_object_set_new(root, "service",
			    json_pack("{s:s, s:s}", "code", x->svc.code, "name", x->svc.name));
	json_object_set_new(
		root, "referential",
		json_pack("{s:s, s:s}", "name", x->ref->name, "version", x->ref->version));
	json_object_set_new(
		root, "kind",
		json_string(x->as.kind == RG_KIND_DIAGNOSTIC ? "diagnostic" : "complete"));
	json_object_set_new(root, "assessed_on", json_string(x->as.assessed_on));
	json_object_set_new(root, "published_at",
			    x->as.published_at[0] ? json_string(x->as.published_at) : json_null());
	json_object_update(root, all);
	json_decref(all);
	json_t *fams = json_array(), *prios = json_array();
	for (size_t f = 0; f < sc->nfamilies && f < x->ref->nfamilies; f++) {
		if (!sc->by_family[f].total)
			continue;
		json_t *o = json_pack("{s:i, s:s}", "num", x->ref->families[f].num, "label",
				      x->ref->families[f].label);
		json_t *t = tally_json(&sc->by_family[f]);
		json_object_update(o, t);
		json_decref(t);
		json_array_append_new(fams, o);
	}
	for (int k = 0; k < RG_PRIO_N; k++) {
		json_t *o = json_pack("{s:s, s:s}", "code", rg_priority_code((enum rg_priority)k),
				      "label", rg_priority_label((enum rg_priority)k));
		json_t *t = tally_json(&sc->by_priority[k]);
		json_object_update(o, t);
		json_decref(t);
		json_array_append_new(prios, o);
	}
	json_object_set_new(root, "families", fams);
	json_object_set_new(root, "priorities", prios);
	json_t *prev = json_null();
	if (p->found > 0) {
		json_t *changes = json_array();
		for (size_t i = 0; i < p->diff.nchanges; i++) {
			const struct rg_change *c = &p->diff.changes[i];
			json_array_append_new(changes, json_pack("{s:s, s:s, s:s}", "criterion",
								 c->criterion, "before",
								 rg_answer_code(c->before), "after",
								 rg_answer_code(c->after)));
		}
		prev = json_pack(
			"{s:I, s:s, s:{s:s, s:s}, s:o, s:o, s:I, s:I, s:o}", "assessment",
			(json_int_t)p->as.id, "assessed_on", p->as.assessed_on, "referential",
			"name", p->ref->name, "version", p->ref->version, "score",
			p->score.all.has_score ? json_real(p->score.all.score) : json_null(),
			"delta", p->diff.has_delta ? json_real(p->diff.delta) : json_null(),
			"only_before", (json_int_t)p->diff.only_before, "only_after",
			(json_int_t)p->diff.only_after, "changes", changes);
	}
	json_object_set_new(root, "previous", prev);
	char *text =
		json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	buf_adds(out, text);
	buf_addc(out, '\n');
	free(text);
	json_decref(root);
}

static int score_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *format = "md", *output = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--format", 1, &format },
				  { "--output", 1, &output },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&rgcli_score_cmd, argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	int64_t id;
	if ((rc = rgcli_id(&rgcli_score_cmd, pos[0], &id)) != 0)
		return rc;
	int json = strcmp(format, "json") == 0;
	if (!json && strcmp(format, "md") != 0) {
		fprintf(stderr, "numeco assessment score: format inconnu « %s » (md ou json)\n",
			format);
		return CLI_USAGE;
	}
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct rg_ref_cache refs = { 0 };
	struct rgcli_assessment x;
	struct err e = ERR_INIT;
	if (rgcli_load(s, &refs, id, &x)) {
		rg_ref_cache_free(&refs);
		store_close(s);
		return CLI_FAIL;
	}
	struct rgcli_prev p;
	struct rg_score sc;
	struct buf out = BUF_INIT;
	rgcli_score(x.ref, &x.as, &sc);
	if (rgcli_prev_load(s, &refs, &x, 0, &p, &e) < 0) {
		rc = cli_fail(&e);
	} else {
		(json ? score_json : score_md)(&x, &sc, &p, &out);
		rc = cli_write_output(output, &out);
	}
	buf_free(&out);
	rgcli_prev_free(&p);
	rg_score_free(&sc);
	rgcli_assessment_free(&x);
	rg_ref_cache_free(&refs);
	err_free(&e);
	store_close(s);
	return rc;
}
