/* page_footprint.c: footprint of IT inventories in the browser: the stored
 * evaluations (/empreinte, /empreinte/{org}/{annee}), evaluating uploaded
 * NumEcoEval files against a stored referential and, when asked and
 * allowed, saving the aggregated results for an organisation and a year. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "footprint/fp_eval.h"
#include "io/parse.h"
#include "plan/audit.h"
#include "plan/referential.h"
#include "report/fmt.h"
#include "report/html.h"
#include "store/store_fp.h"
#include "web/web_action_form.h"
#include "web/web_layout.h"
#include "web/web_review.h"
#include "web/web_route.h"

enum { EVALS_PER_PAGE = 50, DIM_ROWS_SHOWN = 20 };

static void td_value(struct buf *o, double v)
{
	struct buf t = BUF_INIT;
	fp_fmt_value(&t, v);
	buf_adds(o, "<td class=\"nc-num\">");
	html_esc(o, t.ptr);
	buf_adds(o, "</td>");
	buf_free(&t);
}

/* ---- the form ---- */

/* Field values and problems of the evaluation form (NULL: none). */
struct fp_form {
	const char *ref, *lifespan, *date, *org, *year;
	const char *physical_err, *ref_err, *date_err, *org_err, *year_err;
};

/* What the form offers: referentials the actor may use, organisations the
 * actor may save for. */
struct fp_choices {
	struct ref_meta_list refs;
	struct org_list orgs;
};

static void choices_free(struct fp_choices *c)
{
	ref_meta_list_free(&c->refs);
	org_list_free(&c->orgs);
}

static int choices_load(struct web_req *rq, struct fp_choices *c, struct err *err)
{
	struct ref_meta_list all;
	struct org_list orgs;
	memset(c, 0, sizeof(*c));
	if (store_ref_list(rq->store, &all, err))
		return -1;
	if (store_org_list(rq->store, &orgs, err)) {
		ref_meta_list_free(&all);
		return -1;
	}
	/* Keep the allowed ones: move them, free the rest. */
	for (size_t i = 0; i < all.n; i++) {
		if (perm_use_referential(&rq->actor, all.items[i].restricted,
					 all.items[i].owner_org_id)) {
			c->refs.items =
				xrealloc(c->refs.items, (c->refs.n + 1) * sizeof(all.items[i]));
			c->refs.items[c->refs.n++] = all.items[i];
		} else {
			ref_meta_free(&all.items[i]);
		}
	}
	c->refs.cap = c->refs.n;
	free(all.items);
	for (size_t i = 0; i < orgs.n; i++) {
		if (perm_edit_roadmap(&rq->actor, orgs.items[i].ministry_id)) {
			c->orgs.items =
				xrealloc(c->orgs.items, (c->orgs.n + 1) * sizeof(orgs.items[i]));
			c->orgs.items[c->orgs.n++] = orgs.items[i];
		} else {
			org_free(&orgs.items[i]);
		}
	}
	c->orgs.cap = c->orgs.n;
	free(orgs.items);
	return 0;
}

/* "NAME@VERSION" of a stored referential. */
static void ref_spec(struct buf *out, const struct ref_meta *m)
{
	buf_adds(out, m->name);
	buf_addc(out, '@');
	buf_adds(out, m->version);
}

/* The default choice: the most recently loaded open referential, else the first. */
static const struct ref_meta *default_ref(const struct fp_choices *c)
{
	const struct ref_meta *best = NULL;
	for (size_t i = 0; i < c->refs.n; i++)
		if (strcmp(c->refs.items[i].name, REFERENTIAL_OPEN_NAME) == 0)
			best = &c->refs.items[i];
	return best ? best : c->refs.n ? &c->refs.items[0] : NULL;
}

static void error_attrs(struct buf *o, const char *id, const char *error)
{
	if (error)
		html_attrf(o, "aria-describedby", "%s-erreur", id);
}

static void error_text(struct buf *o, const char *id, const char *error)
{
	if (!error)
		return;
	buf_adds(o, "<p class=\"fr-error-text\"");
	html_attrf(o, "id", "%s-erreur", id);
	buf_adds(o, ">");
	html_esc(o, error);
	buf_adds(o, "</p>");
}

static void upload(struct buf *o, const char *name, const char *label, const char *hint,
		   int required, const char *error)
{
	struct buf id = BUF_INIT;
	buf_addf(&id, "fp-%s", name);
	buf_adds(o, "<div class=\"fr-fieldset__element\"><div class=\"fr-upload-group");
	if (error)
		buf_adds(o, " fr-upload-group--error");
	buf_adds(o, "\"><label class=\"fr-label\"");
	html_attr(o, "for", id.ptr);
	buf_adds(o, ">");
	html_esc(o, label);
	buf_adds(o, "<span class=\"fr-hint-text\">");
	html_esc(o, hint);
	buf_adds(o, "</span></label><input class=\"fr-upload\" type=\"file\"");
	html_attr(o, "id", id.ptr);
	html_attr(o, "name", name);
	buf_adds(o, " accept=\".csv,text/csv\"");
	if (required)
		buf_adds(o, " required");
	error_attrs(o, id.ptr, error);
	buf_adds(o, ">");
	error_text(o, id.ptr, error);
	buf_adds(o, "</div></div>\n");
	buf_free(&id);
}

static void input_group_open(struct buf *o, const char *id, const char *label, const char *hint,
			     const char *error, const char *kind)
{
	buf_adds(o, "<div class=\"fr-");
	buf_adds(o, kind);
	buf_adds(o, "-group");
	if (error)
		buf_addf(o, " fr-%s-group--error", kind);
	buf_adds(o, "\"><label class=\"fr-label\"");
	html_attr(o, "for", id);
	buf_adds(o, ">");
	html_esc(o, label);
	if (hint) {
		buf_adds(o, "<span class=\"fr-hint-text\">");
		html_esc(o, hint);
		buf_adds(o, "</span>");
	}
	buf_adds(o, "</label>");
}

static void radio(struct buf *o, const char *value, const char *label, int checked)
{
	buf_adds(o, "<div class=\"fr-fieldset__element\"><div class=\"fr-radio-group\"><input "
		    "type=\"radio\" name=\"duree_vie\"");
	html_attrf(o, "id", "fp-dv-%s", value);
	html_attr(o, "value", value);
	if (checked)
		buf_adds(o, " checked");
	buf_adds(o, "><label class=\"fr-label\"");
	html_attrf(o, "for", "fp-dv-%s", value);
	buf_adds(o, ">");
	html_esc(o, label);
	buf_adds(o, "</label></div></div>\n");
}

static void eval_form(struct web_req *rq, struct buf *o, const struct fp_choices *c,
		      const struct fp_form *v)
{
	struct buf spec = BUF_INIT;
	buf_adds(o, "<form method=\"post\" action=\"/empreinte\" "
		    "enctype=\"multipart/form-data\">");
	web_csrf_field(rq, o);
	buf_adds(o, "\n<fieldset class=\"fr-fieldset\"><legend "
		    "class=\"fr-fieldset__legend\">Fichiers d'inventaire<span "
		    "class=\"fr-hint-text\">Format NumEcoEval, CSV séparé par des points-virgules "
		    "(voir docs/formats/inventory.md). Les fichiers ne sont pas conservés.</span>"
		    "</legend>\n");
	upload(o, "physical", "Équipements physiques (obligatoire)",
	       "nomEquipementPhysique, modele, quantite, type, dateAchat, paysDUtilisation…", 1,
	       v->physical_err);
	upload(o, "datacenters", "Centres de données (facultatif)",
	       "nomCourtDatacenter, pue, localisation…", 0, NULL);
	upload(o, "virtual", "Équipements virtuels (facultatif)",
	       "nomEquipementVirtuel, nomEquipementPhysique, vCPU, cleRepartition…", 0, NULL);
	upload(o, "applications", "Applications (facultatif)",
	       "nomApplication, typeEnvironnement, nomEquipementVirtuel…", 0, NULL);
	buf_adds(o, "</fieldset>\n");

	input_group_open(o, "fp-ref", "Référentiel", "Ceux que vous pouvez utiliser", v->ref_err,
			 "select");
	buf_adds(o, "<select class=\"fr-select\" id=\"fp-ref\" name=\"referentiel\"");
	error_attrs(o, "fp-ref", v->ref_err);
	buf_adds(o, ">");
	const struct ref_meta *def = default_ref(c);
	for (size_t i = 0; i < c->refs.n; i++) {
		const struct ref_meta *m = &c->refs.items[i];
		buf_reset(&spec);
		ref_spec(&spec, m);
		buf_adds(o, "<option");
		html_attr(o, "value", spec.ptr);
		if (v->ref ? strcmp(v->ref, spec.ptr) == 0 : m == def)
			buf_adds(o, " selected");
		buf_adds(o, ">");
		html_escf(o, "%s %s%s", m->name, m->version,
			  m->restricted ? " (sous licence)" : "");
		buf_adds(o, "</option>");
	}
	buf_adds(o, "</select>");
	error_text(o, "fp-ref", v->ref_err);
	buf_adds(o, "</div>\n");

	int fixed = v->lifespan && strcmp(v->lifespan, "fixe") == 0;
	buf_adds(o, "<fieldset class=\"fr-fieldset\"><legend class=\"fr-fieldset__legend\">Durée "
		    "de vie des équipements</legend>\n");
	radio(o, "reelle", "Réelle : date de retrait (ou date d'évaluation) moins date d'achat",
	      !fixed);
	radio(o, "fixe", "Fixe : durée d'usage interne (plus amont et aval)", fixed);
	buf_adds(o, "</fieldset>\n");

	input_group_open(o, "fp-date", "Date d'évaluation", "Par défaut : aujourd'hui", v->date_err,
			 "input");
	buf_adds(o, "<input class=\"fr-input\" type=\"date\" id=\"fp-date\" name=\"date\"");
	html_attr(o, "value", v->date ? v->date : "");
	error_attrs(o, "fp-date", v->date_err);
	buf_adds(o, ">");
	error_text(o, "fp-date", v->date_err);
	buf_adds(o, "</div>\n");

	buf_adds(o, "<fieldset class=\"fr-fieldset\"><legend class=\"fr-fieldset__legend\">"
		    "Enregistrer le résultat (facultatif)<span class=\"fr-hint-text\">Remplace "
		    "l'évaluation enregistrée de la même organisation pour la même année"
		    "</span></legend>\n");
	if (!c->orgs.n) {
		buf_adds(o, "<p class=\"fr-fieldset__element\">Votre rôle ne permet pas "
			    "d'enregistrer une évaluation : le résultat sera seulement "
			    "affiché.</p>\n");
	} else {
		buf_adds(o, "<div class=\"fr-fieldset__element\">");
		input_group_open(o, "fp-org", "Enregistrer pour l'organisation", NULL, v->org_err,
				 "select");
		buf_adds(o, "<select class=\"fr-select\" id=\"fp-org\" name=\"org\"");
		error_attrs(o, "fp-org", v->org_err);
		buf_adds(o, "><option value=\"\">Ne pas enregistrer</option>");
		for (size_t i = 0; i < c->orgs.n; i++) {
			const struct org *g = &c->orgs.items[i];
			buf_adds(o, "<option");
			html_attr(o, "value", g->code);
			if (v->org && strcmp(v->org, g->code) == 0)
				buf_adds(o, " selected");
			buf_adds(o, ">");
			html_escf(o, "%s — %s", g->code, g->name);
			buf_adds(o, "</option>");
		}
		buf_adds(o, "</select>");
		error_text(o, "fp-org", v->org_err);
		buf_adds(o, "</div></div>\n<div class=\"fr-fieldset__element\">");
		input_group_open(o, "fp-annee", "Année", "Par exemple 2025", v->year_err, "input");
		buf_adds(o, "<input class=\"fr-input\" type=\"text\" inputmode=\"numeric\" "
			    "pattern=\"[0-9]{4}\" maxlength=\"4\" id=\"fp-annee\" name=\"annee\"");
		html_attr(o, "value", v->year ? v->year : "");
		error_attrs(o, "fp-annee", v->year_err);
		buf_adds(o, ">");
		error_text(o, "fp-annee", v->year_err);
		buf_adds(o, "</div></div>\n");
	}
	buf_adds(o, "</fieldset>\n<button class=\"fr-btn\" type=\"submit\">Évaluer</button>\n"
		    "</form>\n");
	buf_free(&spec);
}

/* ---- stored evaluations ---- */

/* One stored evaluation: the rows [first, end) of the totals list. */
struct eval_span {
	size_t first, end;
};

static size_t eval_spans(const struct fp_stored_total_list *l, struct eval_span **out)
{
	size_t n = 0;
	*out = NULL;
	for (size_t i = 0; i < l->n;) {
		size_t j = i + 1;
		while (j < l->n && strcmp(l->items[j].org_code, l->items[i].org_code) == 0 &&
		       l->items[j].year == l->items[i].year)
			j++;
		*out = xrealloc(*out, (n + 1) * sizeof(**out));
		(*out)[n++] = (struct eval_span){ i, j };
		i = j;
	}
	return n;
}

static void eval_url(struct buf *out, const char *org, int year)
{
	buf_adds(out, "/empreinte/");
	web_url_part(out, org);
	buf_addf(out, "/%d", year);
}

static void pagination(struct buf *o, size_t page, size_t pages)
{
	if (pages < 2)
		return;
	buf_adds(o, "<nav role=\"navigation\" class=\"fr-pagination\" "
		    "aria-label=\"Pagination des évaluations\"><ul class=\"fr-pagination__list\">");
	for (size_t p = 1; p <= pages; p++) {
		buf_adds(o, "<li><a class=\"fr-pagination__link\"");
		html_attrf(o, "href", "/empreinte?page=%zu", p);
		if (p == page)
			buf_adds(o, " aria-current=\"page\"");
		html_attrf(o, "title", "Page %zu", p);
		buf_addf(o, ">%zu</a></li>", p);
	}
	buf_adds(o, "</ul></nav>\n");
}

static int stored_section(struct web_req *rq, struct buf *o, struct err *err)
{
	struct fp_stored_total_list l;
	struct eval_span *sp;
	if (store_fp_totals(rq->store, 0, &l, err))
		return -1;
	size_t n = eval_spans(&l, &sp);
	buf_adds(o, "<h2>Évaluations enregistrées</h2>\n");
	if (!n) {
		buf_adds(o, "<p>Aucune évaluation enregistrée.</p>\n");
	} else {
		size_t pages = (n + EVALS_PER_PAGE - 1) / EVALS_PER_PAGE, page = 1;
		const char *ps = web_kvs_get(&rq->query, "page");
		if (ps) {
			long v = strtol(ps, NULL, 10);
			if (v >= 1 && (size_t)v <= pages)
				page = (size_t)v;
		}
		size_t from = (page - 1) * EVALS_PER_PAGE;
		size_t to = from + EVALS_PER_PAGE < n ? from + EVALS_PER_PAGE : n;
		struct buf url = BUF_INIT;
		buf_adds(o, "<div class=\"fr-table\"><table>\n<caption>Évaluations enregistrées, "
			    "par organisation et par année (changement climatique, total "
			    "annuel)</caption>\n<thead><tr><th scope=\"col\">Organisation</th><th "
			    "scope=\"col\">Année</th><th scope=\"col\">Référentiel</th><th "
			    "scope=\"col\" class=\"nc-num\">Changement climatique</th><th "
			    "scope=\"col\">Unité</th></tr></thead><tbody>\n");
		for (size_t k = from; k < to; k++) {
			const struct fp_stored_total *t = &l.items[sp[k].first], *cc = NULL;
			for (size_t i = sp[k].first; i < sp[k].end; i++)
				if (strcmp(l.items[i].criterion, "CLIMATE_CHANGE") == 0)
					cc = &l.items[i];
			buf_reset(&url);
			eval_url(&url, t->org_code, t->year);
			buf_adds(o, "<tr><th scope=\"row\"><a");
			html_attr(o, "href", url.ptr);
			buf_adds(o, ">");
			html_escf(o, "%s — %s", t->org_code, t->org_name);
			buf_addf(o, "</a></th><td>%d</td><td>", t->year);
			html_esc(o, t->referential);
			buf_adds(o, "</td>");
			if (cc) {
				td_value(o, cc->total);
				buf_adds(o, "<td>");
				html_esc(o, cc->unit);
				buf_adds(o, "</td>");
			} else {
				buf_adds(o, "<td class=\"nc-num\">—</td><td>—</td>");
			}
			buf_adds(o, "</tr>\n");
		}
		buf_adds(o, "</tbody></table></div>\n");
		pagination(o, page, pages);
		buf_free(&url);
	}
	free(sp);
	fp_stored_total_list_free(&l);
	return 0;
}

/* /empreinte, or the form again (status, problems above it, diagnostics). */
static int main_page(struct web_req *rq, struct web_resp *rs, int status, const struct fp_form *v,
		     const char *problem, const struct diags *d, const char *strip, struct err *err)
{
	struct fp_choices c;
	struct buf *o = &rs->body;
	if (choices_load(rq, &c, err))
		return -1;
	buf_reset(o);
	rs->status = status;
	web_page_begin(rq, rs, problem ? "Évaluation refusée" : "Empreinte du parc informatique");
	const char *crumbs[] = { "Tableau de bord", "/", "Empreinte" };
	web_breadcrumb(o, crumbs, 3);
	buf_adds(o, "<h1>Empreinte du parc informatique</h1>\n");
	web_flash(rq, o);
	int rc = 0;
	if (problem) {
		buf_adds(o, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><h2 "
			    "class=\"fr-alert__title\">L'évaluation n'a pas été faite</h2><p>");
		html_esc(o, problem);
		buf_adds(o, " Rien n'a été enregistré.</p>");
		static const struct {
			const char *id, *label;
		} fields[] = {
			{ "fp-physical", "Équipements physiques" }, { "fp-ref", "Référentiel" },
			{ "fp-date", "Date d'évaluation" },	     { "fp-org", "Organisation" },
			{ "fp-annee", "Année" },
		};
		const char *msgs[] = { v->physical_err, v->ref_err, v->date_err, v->org_err,
				       v->year_err };
		int any = 0;
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
			const char *msg = msgs[i];
			if (!msg)
				continue;
			buf_adds(o, any++ ? "<li>" : "<ul><li>");
			buf_adds(o, "<a");
			html_attrf(o, "href", "#%s", fields[i].id);
			buf_adds(o, ">");
			html_escf(o, "%s : %s", fields[i].label, msg);
			buf_adds(o, "</a></li>");
		}
		if (any)
			buf_adds(o, "</ul>");
		buf_adds(o, "</div>\n");
		if (d && d->n) {
			buf_adds(o, "<h2>Problèmes relevés dans les fichiers</h2>\n");
			web_diags_table(o, d, "Problèmes relevés dans les fichiers d'inventaire",
					strip);
		}
	} else {
		rc = stored_section(rq, o, err);
	}
	buf_adds(o, "<h2>Évaluer un inventaire</h2>\n");
	if (!c.refs.n)
		buf_adds(o,
			 "<p>Aucun référentiel utilisable n'est enregistré (numeco init installe "
			 "le référentiel ouvert).</p>\n");
	else
		eval_form(rq, o, &c, v);
	web_page_end(rq, rs);
	choices_free(&c);
	return rc;
}

static int get_footprint(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct fp_form v = { 0 };
	return main_page(rq, rs, 200, &v, NULL, NULL, NULL, err);
}

static int get_stored(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	const char *code = rq->params[0];
	int year, last;
	if (period_parse(rq->params[1], &year, &last) || last != year) {
		web_refusal_page(rq, rs, 404,
				 "Année invalide (attendu : quatre chiffres, ex. 2025).",
				 "/empreinte", "Retour à l'empreinte");
		return 0;
	}
	struct fp_stored_total_list l;
	if (store_fp_totals(rq->store, year, &l, err))
		return -1;
	size_t first = l.n, end = l.n;
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.items[i].org_code, code) == 0) {
			if (first == l.n)
				first = i;
			end = i + 1;
		}
	if (first == l.n) {
		struct buf msg = BUF_INIT;
		buf_addf(&msg, "Aucune évaluation enregistrée pour « %s » en %d.", code, year);
		web_refusal_page(rq, rs, 404, msg.ptr, "/empreinte", "Retour à l'empreinte");
		buf_free(&msg);
		fp_stored_total_list_free(&l);
		return 0;
	}
	struct buf *o = &rs->body, title = BUF_INIT;
	const struct fp_stored_total *t0 = &l.items[first];
	buf_addf(&title, "Empreinte de %s en %d", t0->org_code, year);
	web_page_begin(rq, rs, title.ptr);
	const char *crumbs[] = { "Tableau de bord", "/", "Empreinte", "/empreinte", title.ptr };
	web_breadcrumb(o, crumbs, 5);
	buf_adds(o, "<h1>");
	html_esc(o, title.ptr);
	buf_adds(o, "</h1>\n<p>");
	html_esc(o, t0->org_name);
	buf_adds(o, " — référentiel ");
	html_esc(o, t0->referential);
	buf_adds(o, ". Valeurs annuelles de l'évaluation enregistrée.</p>\n<div "
		    "class=\"fr-table\"><table>\n<caption>Totaux par critère et par étape du cycle "
		    "de vie</caption>\n<thead><tr><th scope=\"col\">Critère</th><th "
		    "scope=\"col\">Unité</th>");
	for (int p = 0; p < FP_PHASE_COUNT; p++) {
		buf_adds(o, "<th scope=\"col\" class=\"nc-num\">");
		html_esc(o, fp_phase_label((enum fp_phase)p));
		buf_adds(o, "</th>");
	}
	buf_adds(o, "<th scope=\"col\" class=\"nc-num\">Total</th></tr></thead><tbody>\n");
	for (size_t i = first; i < end; i++) {
		const struct fp_stored_total *t = &l.items[i];
		if (strcmp(t->org_code, code))
			continue;
		buf_adds(o, "<tr><th scope=\"row\">");
		html_esc(o, t->criterion_label);
		buf_adds(o, "</th><td>");
		html_esc(o, t->unit);
		buf_adds(o, "</td>");
		for (int p = 0; p < FP_PHASE_COUNT; p++)
			td_value(o, t->by_phase[p]);
		td_value(o, t->total);
		buf_adds(o, "</tr>\n");
	}
	buf_adds(o, "</tbody></table></div>\n<p><a class=\"fr-link\" href=\"/empreinte\">Toutes "
		    "les évaluations</a></p>\n");
	web_page_end(rq, rs);
	buf_free(&title);
	fp_stored_total_list_free(&l);
	return 0;
}

/* ---- evaluating uploaded files ---- */

/* A private folder holding the uploaded files while they are evaluated. */
struct upload_dir {
	char path[4096];
	char *files[4];
	size_t nfiles;
};

static void upload_dir_remove(struct upload_dir *u)
{
	for (size_t i = 0; i < u->nfiles; i++) {
		unlink(u->files[i]);
		free(u->files[i]);
	}
	u->nfiles = 0;
	if (u->path[0])
		rmdir(u->path);
	u->path[0] = '\0';
}

static int upload_dir_make(struct upload_dir *u, struct err *err)
{
	const char *tmp = getenv("TMPDIR");
	memset(u, 0, sizeof(*u));
	int n = snprintf(u->path, sizeof(u->path), "%s/numeco-web-XXXXXX",
			 tmp && *tmp ? tmp : "/tmp");
	if (n < 0 || (size_t)n >= sizeof(u->path) || !mkdtemp(u->path)) {
		u->path[0] = '\0';
		return err_set(err, "dossier temporaire impossible à créer : %s", strerror(errno));
	}
	return 0;
}

/* Writes f into the folder under its (cleaned) name; *path is kept by u. */
static int upload_dir_put(struct upload_dir *u, const struct web_file *f, const char **path,
			  struct err *err)
{
	const char *name = f->filename ? f->filename : "";
	for (const char *p = name; *p; p++)
		if (*p == '/' || *p == '\\')
			name = p + 1;
	struct buf full = BUF_INIT;
	buf_addf(&full, "%s/", u->path);
	if (!*name || *name == '.')
		buf_addf(&full, "%zu-", u->nfiles + 1);
	for (size_t i = 0; name[i] && i < 100; i++) {
		unsigned char ch = (unsigned char)name[i];
		int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			 (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
		buf_addc(&full, ok ? (char)ch : '_');
	}
	if (!*name)
		buf_adds(&full, "fichier.csv");
	for (size_t i = 0; i < u->nfiles; i++)
		if (strcmp(u->files[i], full.ptr) == 0) {
			/* Two files of the same name: number the later one. */
			struct buf b = BUF_INIT;
			buf_addf(&b, "%s/%zu-%s", u->path, u->nfiles + 1,
				 full.ptr + strlen(u->path) + 1);
			buf_free(&full);
			full = b;
			break;
		}
	int fd = open(full.ptr, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		err_set(err, "écriture de %s impossible : %s", full.ptr, strerror(errno));
		buf_free(&full);
		return -1;
	}
	u->files[u->nfiles++] = buf_detach(&full);
	size_t done = 0;
	while (done < f->data.len) {
		ssize_t w = write(fd, f->data.ptr + done, f->data.len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return err_set(err, "écriture d'un fichier temporaire impossible : %s",
				       strerror(errno));
		}
		done += (size_t)w;
	}
	if (close(fd))
		return err_set(err, "écriture d'un fichier temporaire impossible : %s",
			       strerror(errno));
	*path = u->files[u->nfiles - 1];
	return 0;
}

static const struct web_file *find_upload(const struct web_req *rq, const char *field)
{
	for (size_t i = 0; i < rq->nfiles; i++)
		if (strcmp(rq->files[i].field, field) == 0 &&
		    ((rq->files[i].filename && rq->files[i].filename[0]) || rq->files[i].data.len))
			return &rq->files[i];
	return NULL;
}

/* A key of a dimension for people. */
static const char *key_label(const char *dim, const char *key)
{
	if (key && key[0])
		return key;
	return strcmp(dim, "datacenter") == 0 ? "(hors centre de données)" : "(non renseigné)";
}

struct ranked {
	const char *key;
	double v;
};

static int cmp_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	if (a->v != b->v)
		return a->v > b->v ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* One dimension ranked by the main criterion's total (all phases). */
static void dim_table(struct buf *o, const struct fp_summary *s, const char *dim, const char *title,
		      const char *head, size_t main)
{
	const struct fp_ref *ref = fp_summary_ref(s);
	const struct fp_crit *mc = fp_ref_crit(ref, main);
	struct ranked *r = NULL;
	size_t n = 0;
	double all = 0;
	for (size_t i = 0; i < fp_summary_nrows(s); i++) {
		struct fp_agg_row row;
		fp_summary_row(s, i, &row);
		if (strcmp(row.dim, dim) || row.crit != main)
			continue;
		if (!n || strcmp(r[n - 1].key, row.key)) {
			r = xrealloc(r, (n + 1) * sizeof(*r));
			r[n++] = (struct ranked){ row.key, 0 };
		}
		r[n - 1].v += row.value;
		all += row.value;
	}
	buf_adds(o, "<h2>");
	html_esc(o, title);
	buf_adds(o, "</h2>\n");
	if (!n) {
		buf_adds(o, "<p>Aucune donnée.</p>\n");
		free(r);
		return;
	}
	qsort(r, n, sizeof(*r), cmp_ranked);
	size_t shown = n < DIM_ROWS_SHOWN ? n : DIM_ROWS_SHOWN;
	buf_adds(o, "<div class=\"fr-table\"><table>\n<caption>");
	html_escf(o, "%s : %s, toutes étapes confondues, valeurs annuelles", title, mc->label);
	if (shown < n)
		html_escf(o, " (les %zu premières lignes sur %zu)", shown, n);
	buf_adds(o, "</caption>\n<thead><tr><th scope=\"col\">");
	html_esc(o, head);
	buf_adds(o, "</th><th scope=\"col\" class=\"nc-num\">");
	html_escf(o, "%s (%s)", mc->label, mc->unit);
	buf_adds(o, "</th><th scope=\"col\" class=\"nc-num\">Part</th></tr></thead><tbody>\n");
	struct buf t = BUF_INIT;
	for (size_t i = 0; i < shown; i++) {
		buf_adds(o, "<tr><th scope=\"row\">");
		html_esc(o, key_label(dim, r[i].key));
		buf_adds(o, "</th>");
		td_value(o, r[i].v);
		buf_reset(&t);
		if (all > 0)
			fmt_pct(&t, r[i].v / all, 1);
		else
			buf_adds(&t, "—");
		buf_adds(o, "<td class=\"nc-num\">");
		html_esc(o, t.ptr);
		buf_adds(o, "</td></tr>\n");
	}
	buf_adds(o, "</tbody></table></div>\n");
	buf_free(&t);
	free(r);
}

static void totals_table(struct buf *o, const struct fp_summary *s)
{
	const struct fp_ref *ref = fp_summary_ref(s);
	size_t ncrit = fp_ref_ncrit(ref);
	double v[FP_MAX_CRIT][FP_PHASE_COUNT];
	memset(v, 0, sizeof(v));
	for (size_t i = 0; i < fp_summary_nrows(s); i++) {
		struct fp_agg_row row;
		fp_summary_row(s, i, &row);
		if (strcmp(row.dim, "total") == 0 && row.crit < FP_MAX_CRIT)
			v[row.crit][row.phase] = row.value;
	}
	buf_adds(o, "<h2>Totaux par critère et par étape</h2>\n<div class=\"fr-table\"><table>\n"
		    "<caption>Impacts annuels du parc, par critère et par étape du cycle de "
		    "vie</caption>\n<thead><tr><th scope=\"col\">Critère</th><th "
		    "scope=\"col\">Unité</th>");
	for (int p = 0; p < FP_PHASE_COUNT; p++) {
		buf_adds(o, "<th scope=\"col\" class=\"nc-num\">");
		html_esc(o, fp_phase_label((enum fp_phase)p));
		buf_adds(o, "</th>");
	}
	buf_adds(o, "<th scope=\"col\" class=\"nc-num\">Total</th></tr></thead><tbody>\n");
	for (size_t c = 0; c < ncrit && c < FP_MAX_CRIT; c++) {
		const struct fp_crit *cr = fp_ref_crit(ref, c);
		double total = 0;
		buf_adds(o, "<tr><th scope=\"row\">");
		html_esc(o, cr->label);
		buf_adds(o, "</th><td>");
		html_esc(o, cr->unit);
		buf_adds(o, "</td>");
		for (int p = 0; p < FP_PHASE_COUNT; p++) {
			td_value(o, v[c][p]);
			total += v[c][p];
		}
		td_value(o, total);
		buf_adds(o, "</tr>\n");
	}
	buf_adds(o, "</tbody></table></div>\n");
}

static void counts_table(struct buf *o, const struct fp_summary *s, const char *const names[4])
{
	const struct fp_counts *c = fp_summary_counts(s);
	static const char *const labels[4] = { "Centres de données", "Équipements physiques",
					       "Équipements virtuels", "Applications" };
	size_t lines[4] = { c->datacenters, c->physical, c->virtual_, c->applications };
	size_t errs[4] = { 0, c->physical_errors, c->virtual_errors, c->application_errors };
	buf_adds(o, "<h2>Inventaire</h2>\n<div class=\"fr-table\"><table>\n<caption>Lignes lues "
		    "et indicateurs en erreur, par fichier</caption>\n<thead><tr><th "
		    "scope=\"col\">Fichier</th><th scope=\"col\">Nom</th><th scope=\"col\" "
		    "class=\"nc-num\">Lignes</th><th scope=\"col\" class=\"nc-num\">Indicateurs "
		    "en erreur</th></tr></thead><tbody>\n");
	for (int i = 0; i < 4; i++) {
		buf_adds(o, "<tr><th scope=\"row\">");
		html_esc(o, labels[i]);
		buf_adds(o, "</th><td>");
		html_esc(o, names[i] ? names[i] : "—");
		buf_addf(o, "</td><td class=\"nc-num\">%zu</td>", lines[i]);
		if (i == 0)
			buf_adds(o, "<td class=\"nc-num\">—</td></tr>\n");
		else
			buf_addf(o, "<td class=\"nc-num\">%zu</td></tr>\n", errs[i]);
	}
	buf_adds(o, "</tbody></table></div>\n");
	buf_addf(o,
		 "<p>Élément de référence trouvé par le modèle : %zu ligne%s ; par le type : %zu "
		 "ligne%s.</p>\n",
		 c->matched_by_model, c->matched_by_model > 1 ? "s" : "", c->matched_by_type,
		 c->matched_by_type > 1 ? "s" : "");
}

/* Everything a POST /empreinte holds. */
struct eval_job {
	struct fp_form v;
	struct upload_dir dir;
	char strip[4200];
	const char *names[4]; /* uploaded names, per kind (NULL when not sent) */
	char date[11];
	enum fp_lifespan_mode mode;
	struct org org; /* the organisation to save for (code NULL: no save) */
	int year;
	struct fp_ref *ref;
	struct ref_meta meta;
	struct fp_summary *sum;
	int saved;
};

static void job_free(struct eval_job *j)
{
	if (j->sum)
		fp_summary_free(j->sum);
	if (j->ref)
		fp_ref_free(j->ref);
	ref_meta_free(&j->meta);
	org_free(&j->org);
	upload_dir_remove(&j->dir);
}

/* The main criterion: climate change when the referential has it. */
static size_t main_crit(const struct fp_ref *ref)
{
	int m = fp_ref_find_crit(ref, "CLIMATE_CHANGE");
	return m >= 0 ? (size_t)m : 0;
}

static void result_page(struct web_req *rq, struct web_resp *rs, struct eval_job *j)
{
	struct buf *o = &rs->body, url = BUF_INIT;
	const struct fp_summary *s = j->sum;
	const struct fp_ref *ref = fp_summary_ref(s);
	buf_reset(o);
	rs->status = 200;
	web_page_begin(rq, rs, "Résultat de l'évaluation");
	const char *crumbs[] = { "Tableau de bord", "/", "Empreinte", "/empreinte",
				 "Résultat de l'évaluation" };
	web_breadcrumb(o, crumbs, 5);
	buf_adds(o, "<h1>Résultat de l'évaluation</h1>\n");
	if (j->saved) {
		eval_url(&url, j->org.code, j->year);
		buf_adds(o,
			 "<div class=\"fr-alert fr-alert--success fr-mb-3w\" role=\"status\"><p>");
		html_escf(o, "Évaluation enregistrée pour %s (%s), année %d. ", j->org.code,
			  j->org.name, j->year);
		buf_adds(o, "<a");
		html_attr(o, "href", url.ptr);
		buf_adds(o, ">Voir l'évaluation enregistrée</a></p></div>\n");
	} else {
		buf_adds(o, "<div class=\"fr-alert fr-alert--info fr-mb-3w\" role=\"status\"><p>"
			    "Résultat affiché seulement : rien n'a été enregistré.</p></div>\n");
	}
	buf_adds(o, "<p>Référentiel ");
	html_escf(o, "%s %s", fp_ref_name(ref), fp_ref_version(ref));
	buf_adds(o, " — date d'évaluation ");
	html_esc(o, fp_summary_date(s));
	buf_adds(o, " — durée de vie ");
	html_esc(o, j->mode == FP_LIFESPAN_FIXED ? "fixe" : "réelle");
	buf_adds(o, ".</p>\n");
	counts_table(o, s, j->names);
	totals_table(o, s);
	size_t main = main_crit(ref);
	dim_table(o, s, "entite", "Par entité", "Entité", main);
	dim_table(o, s, "type", "Par type d'équipement", "Type d'équipement", main);
	dim_table(o, s, "datacenter", "Par centre de données", "Centre de données", main);
	dim_table(o, s, "application", "Par application", "Application", main);
	buf_adds(o, "<h2>Premières erreurs</h2>\n");
	const struct fp_counts *c = fp_summary_counts(s);
	size_t nerr = c->physical_errors + c->virtual_errors + c->application_errors;
	if (!fp_summary_nerrors(s)) {
		buf_adds(o, "<p>Aucune erreur.</p>\n");
	} else {
		buf_addf(o,
			 "<p>%zu indicateur%s en erreur ; premières lignes concernées :</p>\n<ul>",
			 nerr, nerr > 1 ? "s" : "");
		for (size_t i = 0; i < fp_summary_nerrors(s); i++) {
			buf_adds(o, "<li>");
			const char *e = fp_summary_error(s, i);
			size_t n = strlen(j->strip);
			html_esc(o, strncmp(e, j->strip, n) == 0 ? e + n : e);
			buf_adds(o, "</li>");
		}
		buf_adds(o, "</ul>\n");
	}
	buf_adds(o, "<p class=\"fr-mt-3w\"><a class=\"fr-link\" href=\"/empreinte\">Nouvelle "
		    "évaluation</a></p>\n");
	web_page_end(rq, rs);
	buf_free(&url);
}

/* Saves the summary for (org, year) and writes the audit entry; the caller
 * holds the transaction. */
static int save(struct web_req *rq, struct eval_job *j, struct err *err)
{
	struct fp_stored_total_list l;
	struct buf key = BUF_INIT, before = BUF_INIT, after = BUF_INIT, total = BUF_INIT,
		   refname = BUF_INIT, phys = BUF_INIT;
	if (store_fp_totals(rq->store, j->year, &l, err))
		return -1;
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.items[i].org_code, j->org.code) == 0 &&
		    (!before.len || strcmp(l.items[i].criterion, "CLIMATE_CHANGE") == 0)) {
			buf_reset(&before);
			buf_reset(&total);
			fp_fmt_value(&total, l.items[i].total);
			buf_addc(&total, ' ');
			buf_adds(&total, l.items[i].unit);
			audit_pairs_json(&before, "Référentiel", l.items[i].referential,
					 l.items[i].criterion_label, total.ptr, (const char *)NULL);
		}
	fp_stored_total_list_free(&l);
	const struct fp_ref *ref = fp_summary_ref(j->sum);
	size_t main = main_crit(ref);
	const struct fp_crit *mc = fp_ref_crit(ref, main);
	double t = 0;
	for (size_t i = 0; i < fp_summary_nrows(j->sum); i++) {
		struct fp_agg_row row;
		fp_summary_row(j->sum, i, &row);
		if (strcmp(row.dim, "total") == 0 && row.crit == main)
			t += row.value;
	}
	buf_reset(&total);
	fp_fmt_value(&total, t);
	buf_addc(&total, ' ');
	buf_adds(&total, mc->unit);
	buf_addf(&refname, "%s %s", j->meta.name, j->meta.version);
	buf_addf(&phys, "%zu", fp_summary_counts(j->sum)->physical);
	audit_pairs_json(&after, "Référentiel", refname.ptr, "Date d'évaluation",
			 fp_summary_date(j->sum), "Durée de vie",
			 j->mode == FP_LIFESPAN_FIXED ? "fixe" : "réelle", "Équipements physiques",
			 phys.ptr, mc->label, total.ptr, (const char *)NULL);
	buf_addf(&key, "%s/%d", j->org.code, j->year);
	int64_t id;
	int rc = store_fp_save(rq->store, j->org.code, j->year, j->meta.id, j->mode, j->sum,
			       rq->actor.id, &id, err) ||
		 audit_record(rq->store, &rq->actor, "footprint", key.ptr,
			      before.len ? "update" : "create", before.ptr, after.ptr, err);
	buf_free(&key);
	buf_free(&before);
	buf_free(&after);
	buf_free(&total);
	buf_free(&refname);
	buf_free(&phys);
	return rc ? -1 : 0;
}

/* Reads and checks the fields; 1 to go on, 0 when a page was written
 * (400/403), -1 on error. */
static int read_fields(struct web_req *rq, struct web_resp *rs, struct eval_job *j, struct err *err)
{
	struct fp_form *v = &j->v;
	v->ref = web_kvs_get(&rq->form, "referentiel");
	v->lifespan = web_kvs_get(&rq->form, "duree_vie");
	v->date = web_kvs_get(&rq->form, "date");
	v->org = web_kvs_get(&rq->form, "org");
	v->year = web_kvs_get(&rq->form, "annee");
	if (!find_upload(rq, "physical"))
		v->physical_err = "Choisissez le fichier des équipements physiques.";
	j->mode = FP_LIFESPAN_REAL;
	if (v->lifespan && (strcmp(v->lifespan, "fixe") == 0 || strcmp(v->lifespan, "fixed") == 0))
		j->mode = FP_LIFESPAN_FIXED;
	if (v->date && *v->date) {
		struct err e = ERR_INIT;
		if (parse_date(v->date, j->date, &e))
			v->date_err = "Date invalide (attendu : AAAA-MM-JJ ou JJ/MM/AAAA).";
		err_free(&e);
	}
	/* The referential must be one of those offered to this person. */
	struct fp_choices c;
	if (choices_load(rq, &c, err))
		return -1;
	struct ref_meta_list all;
	if (store_ref_list(rq->store, &all, err)) {
		choices_free(&c);
		return -1;
	}
	int offered = 0, exists = 0;
	struct buf spec = BUF_INIT;
	for (size_t i = 0; v->ref && i < all.n; i++) {
		buf_reset(&spec);
		ref_spec(&spec, &all.items[i]);
		if (strcmp(spec.ptr, v->ref) == 0)
			exists = 1;
	}
	for (size_t i = 0; v->ref && i < c.refs.n; i++) {
		buf_reset(&spec);
		ref_spec(&spec, &c.refs.items[i]);
		if (strcmp(spec.ptr, v->ref) == 0)
			offered = 1;
	}
	buf_free(&spec);
	ref_meta_list_free(&all);
	choices_free(&c);
	if (exists && !offered) {
		web_refusal_page(rq, rs, 403,
				 "Ce référentiel est sous licence : il est réservé à son ministère "
				 "et à l'équipe centrale.",
				 "/empreinte", "Retour à l'empreinte");
		return 0;
	}
	if (!offered || referential_spec_is_dir(v->ref))
		v->ref_err = "Choisissez un référentiel de la liste.";
	if (v->org && *v->org) {
		int found = store_org_get(rq->store, v->org, &j->org, err);
		if (found < 0)
			return -1;
		if (!found) {
			v->org_err = "Organisation inconnue.";
		} else if (!perm_edit_roadmap(&rq->actor, j->org.ministry_id)) {
			struct buf msg = BUF_INIT;
			buf_addf(&msg,
				 "%s n'a pas le droit d'enregistrer l'empreinte de %s (rôle admin "
				 "ou référent du ministère requis).",
				 rq->actor.id, v->org);
			web_refusal_page(rq, rs, 403, msg.ptr, "/empreinte",
					 "Retour à l'empreinte");
			buf_free(&msg);
			return 0;
		}
		int last;
		if (!v->year || period_parse(v->year, &j->year, &last) || last != j->year)
			v->year_err =
				"Indiquez l'année de l'inventaire (quatre chiffres, ex. 2025).";
	}
	if (v->physical_err || v->date_err || v->ref_err || v->org_err || v->year_err) {
		if (main_page(rq, rs, 400, v, "Le formulaire est incomplet ou invalide.", NULL,
			      NULL, err))
			return -1;
		return 0;
	}
	return 1;
}

static int post_footprint(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct eval_job j;
	struct diags d = DIAGS_INIT;
	struct err e = ERR_INIT;
	memset(&j, 0, sizeof(j));
	int rc = read_fields(rq, rs, &j, err);
	if (rc <= 0)
		goto out;
	rc = -1;
	if (upload_dir_make(&j.dir, err))
		goto out;
	snprintf(j.strip, sizeof(j.strip), "%s/", j.dir.path);
	struct fp_run_opts o;
	memset(&o, 0, sizeof(o));
	o.lifespan = j.mode;
	memcpy(o.date, j.date, sizeof(o.date));
	static const char *const fields[4] = { "datacenters", "physical", "virtual",
					       "applications" };
	const char **paths[4] = { &o.datacenters, &o.physical, &o.virtual_, &o.applications };
	for (int k = 0; k < 4; k++) {
		const struct web_file *f = find_upload(rq, fields[k]);
		if (!f)
			continue;
		if (upload_dir_put(&j.dir, f, paths[k], err))
			goto out;
		j.names[k] = *paths[k] + strlen(j.strip);
	}
	j.ref = referential_resolve(rq->store, &rq->actor, j.v.ref, &j.meta, &d, &e);
	if (!j.ref) {
		if (d.errors)
			rc = main_page(rq, rs, 422, &j.v,
				       "Le référentiel enregistré est illisible.", &d, "", err);
		else
			err_set(err, "%s", e.msg.ptr);
		goto out;
	}
	j.sum = fp_run(j.ref, &o, &d, &e);
	if (!j.sum) {
		if (!d.errors) {
			err_set(err, "%s", e.msg.ptr);
			goto out;
		}
		struct buf msg = BUF_INIT;
		buf_addf(&msg, "%zu erreur%s dans les fichiers d'inventaire.", d.errors,
			 d.errors > 1 ? "s" : "");
		rc = main_page(rq, rs, 422, &j.v, msg.ptr, &d, j.strip, err);
		buf_free(&msg);
		goto out;
	}
	if (j.org.code) {
		if (store_begin(rq->store, err))
			goto out;
		if (save(rq, &j, err) || store_commit(rq->store, err)) {
			store_rollback(rq->store);
			goto out;
		}
		j.saved = 1;
	}
	result_page(rq, rs, &j);
	rc = 0;
out:
	job_free(&j);
	diags_free(&d);
	err_free(&e);
	return rc < 0 ? -1 : 0;
}

const struct web_route web_routes_footprint[] = {
	{ "GET", "/empreinte", get_footprint, 0 },
	{ "POST", "/empreinte", post_footprint, 0 },
	{ "GET", "/empreinte/{org}/{annee}", get_stored, 0 },
	{ NULL, NULL, NULL, 0 },
};
