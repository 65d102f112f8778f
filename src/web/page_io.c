/* page_io.c: importing a roadmap file through the browser (upload form,
 * diagnostics, result) and downloading a roadmap as the CSV template. */
#include <string.h>

#include "plan/roadmap_import.h"
#include "report/html.h"
#include "web/web_action_form.h"
#include "web/web_layout.h"
#include "web/web_review.h"
#include "web/web_route.h"

enum { DIAGS_SHOWN = 100 };

/* Appends s escaped, without the occurrences of strip. */
static void esc_stripped(struct buf *out, const char *s, const char *strip)
{
	size_t n = strip ? strlen(strip) : 0;
	if (!n) {
		html_esc(out, s);
		return;
	}
	struct buf t = BUF_INIT;
	for (const char *p = s; *p;) {
		if (strncmp(p, strip, n) == 0) {
			p += n;
			continue;
		}
		buf_addc(&t, *p++);
	}
	html_esc(out, t.ptr);
	buf_free(&t);
}

void web_diags_table(struct buf *out, const struct diags *d, const char *caption, const char *strip)
{
	size_t shown = d->n < DIAGS_SHOWN ? d->n : DIAGS_SHOWN;
	struct buf line = BUF_INIT;
	buf_adds(out, "<div class=\"fr-table\"><table>\n<caption>");
	html_esc(out, caption);
	buf_adds(out, "</caption>\n<thead><tr><th scope=\"col\">Emplacement</th><th "
		      "scope=\"col\">Colonne</th><th scope=\"col\">Gravité</th><th "
		      "scope=\"col\">Message</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < shown; i++) {
		const struct diag *it = &d->items[i];
		buf_reset(&line);
		buf_adds(&line, it->file);
		if (it->line > 0 && it->file[0])
			buf_addf(&line, ":%ld", it->line);
		else if (it->line > 0)
			buf_addf(&line, "ligne %ld", it->line);
		buf_adds(out, "<tr><th scope=\"row\">");
		esc_stripped(out, line.len ? line.ptr : "—", strip);
		buf_adds(out, "</th><td>");
		html_esc(out, it->field[0] ? it->field : "—");
		buf_adds(out, it->level == DIAG_ERROR ? "</td><td>Erreur</td><td>"
						      : "</td><td>Avertissement</td><td>");
		esc_stripped(out, it->msg, strip);
		buf_adds(out, "</td></tr>\n");
	}
	buf_adds(out, "</tbody></table></div>\n");
	if (shown < d->n)
		buf_addf(out, "<p>%zu autres lignes figurent dans le texte ci-dessous.</p>\n",
			 d->n - shown);
	buf_adds(out, "<p>Les mêmes lignes, comme la ligne de commande les écrit :</p>\n"
		      "<pre class=\"nc-diags\">");
	for (size_t i = 0; i < d->n; i++) {
		buf_reset(&line);
		diags_format(&d->items[i], &line);
		buf_addc(&line, '\n');
		esc_stripped(out, line.ptr, strip);
	}
	buf_adds(out, "</pre>\n");
	buf_free(&line);
}

static void io_url(struct buf *out, const char *org, const char *period, const char *suffix)
{
	buf_adds(out, "/ministeres/");
	web_url_part(out, org);
	buf_addc(out, '/');
	web_url_part(out, period);
	buf_adds(out, suffix);
}

void web_io_links(struct web_req *rq, struct buf *out, const char *org, const char *period,
		  int has_roadmap, int64_t ministry_id)
{
	int may_import = perm_edit_roadmap(&rq->actor, ministry_id);
	if (!may_import && !has_roadmap)
		return;
	struct buf url = BUF_INIT;
	buf_adds(out, "<ul class=\"fr-btns-group fr-btns-group--inline-md\">\n");
	if (may_import) {
		io_url(&url, org, period, "/import");
		buf_adds(out, "<li><a class=\"fr-btn\"");
		html_attr(out, "href", url.ptr);
		buf_adds(out, ">Importer un fichier CSV</a></li>\n");
	}
	if (has_roadmap) {
		buf_reset(&url);
		io_url(&url, org, period, "/export.csv");
		buf_adds(out, "<li><a class=\"fr-btn fr-btn--secondary\"");
		html_attr(out, "href", url.ptr);
		buf_adds(out, " download>Télécharger la feuille de route (CSV)</a></li>\n");
	}
	buf_adds(out, "</ul>\n");
	buf_free(&url);
}

/* What the import pages need about the organisation and roadmap. */
struct io_ctx {
	struct org org;
	struct roadmap rm;
	int has_roadmap;
	struct buf back; /* the ministry page */
};

static void io_ctx_free(struct io_ctx *c)
{
	org_free(&c->org);
	roadmap_free(&c->rm);
	buf_free(&c->back);
}

/* Loads the organisation (404 page when unknown) and, if any, its roadmap of
 * the period; checks the period (400) and the right to import (403).
 * 1 to go on, 0 when a page was written, -1 on error. */
static int io_load(struct web_req *rq, struct web_resp *rs, struct io_ctx *c, struct err *err)
{
	const char *code = rq->params[0], *period = rq->params[1];
	struct buf msg = BUF_INIT;
	int first, last;
	memset(c, 0, sizeof(*c));
	buf_init(&c->back);
	web_ministry_url(&c->back, code, period, NULL);
	int found = store_org_get(rq->store, code, &c->org, err);
	if (found < 0)
		return -1;
	if (!found) {
		buf_addf(&msg, "Organisation inconnue : « %s ».", code);
		web_refusal_page(rq, rs, 404, msg.ptr, "/", "Retour au tableau de bord");
	} else if (period_parse(period, &first, &last)) {
		buf_addf(&msg,
			 "Période invalide « %s » (attendu : une année comme 2022 ou un intervalle "
			 "comme 2023-2025).",
			 period);
		web_refusal_page(rq, rs, 400, msg.ptr, "/", "Retour au tableau de bord");
		found = 0;
	} else if (!perm_edit_roadmap(&rq->actor, c->org.ministry_id)) {
		buf_addf(&msg,
			 "%s n'a pas le droit d'importer la feuille de route de %s (rôle admin ou "
			 "référent du ministère requis).",
			 rq->actor.id, code);
		web_refusal_page(rq, rs, 403, msg.ptr, c->back.ptr, "Retour à la feuille de route");
		found = 0;
	} else {
		int has = store_roadmap_get(rq->store, c->org.id, period, &c->rm, err);
		if (has < 0)
			found = -1;
		c->has_roadmap = has > 0;
	}
	buf_free(&msg);
	return found;
}

static void page_head(struct web_req *rq, struct web_resp *rs, struct io_ctx *c, const char *title)
{
	struct buf *o = &rs->body;
	buf_reset(o);
	web_page_begin(rq, rs, title);
	const char *crumbs[] = { "Tableau de bord", "/", c->org.name, c->back.ptr, title };
	web_breadcrumb(o, crumbs, 5);
	buf_adds(o, "<h1>");
	html_esc(o, title);
	buf_adds(o, "</h1>\n<p>");
	html_esc(o, c->org.name);
	buf_adds(o, " (");
	html_esc(o, c->org.code);
	buf_adds(o, "), période ");
	html_esc(o, rq->params[1]);
	if (c->has_roadmap) {
		buf_adds(o, " — feuille de route à l'état « ");
		html_esc(o, rstate_label(c->rm.state));
		buf_adds(o, " »");
	} else {
		buf_adds(o, " — pas encore de feuille de route : le premier import la crée "
			    "(brouillon)");
	}
	buf_adds(o, ".</p>\n");
}

static const char TEMPLATE_HELP[] =
	"Trame CSV de numeco (séparateur ; ou ,, UTF-8 ou Windows-1252), une action par "
	"ligne. Colonnes obligatoires : Référence, Titre, Thème, Niveau d'engagement visé, "
	"Statut. Facultatives : Description, Action clé, Direction pilote, Date de début, "
	"Échéance, Budget (€), Indicateur, Impact évité estimé, Unité de l'impact, Méthode "
	"d'estimation, Commentaire. Le fichier téléchargé depuis la page de la feuille de "
	"route sert de modèle.";

static void upload_form(struct web_req *rq, struct buf *o, struct io_ctx *c, const char *error)
{
	struct buf url = BUF_INIT;
	io_url(&url, rq->params[0], rq->params[1], "/import");
	if (c->has_roadmap && c->rm.state == RSTATE_VALIDEE)
		buf_adds(o, "<div class=\"fr-alert fr-alert--warning fr-mb-3w\"><p>Cette feuille "
			    "de route est validée : un import sera refusé tant qu'elle n'est pas "
			    "rouverte (repassée en brouillon).</p></div>\n");
	buf_adds(o, "<form method=\"post\" enctype=\"multipart/form-data\"");
	html_attr(o, "action", url.ptr);
	buf_adds(o, ">");
	web_csrf_field(rq, o);
	buf_adds(o, "\n<div class=\"fr-upload-group");
	if (error)
		buf_adds(o, " fr-upload-group--error");
	buf_adds(o, " fr-mb-3w\"><label class=\"fr-label\" for=\"fichier\">Fichier de la feuille "
		    "de route (.csv)<span class=\"fr-hint-text\">");
	html_esc(o, TEMPLATE_HELP);
	buf_adds(o, "</span></label><input class=\"fr-upload\" type=\"file\" id=\"fichier\" "
		    "name=\"fichier\" accept=\".csv,text/csv\" required");
	if (error)
		buf_adds(o, " aria-describedby=\"fichier-erreur\"");
	buf_adds(o, ">");
	if (error) {
		buf_adds(o, "<p class=\"fr-error-text\" id=\"fichier-erreur\">");
		html_esc(o, error);
		buf_adds(o, "</p>");
	}
	buf_adds(o, "</div>\n<fieldset class=\"fr-fieldset\"><legend "
		    "class=\"fr-fieldset__legend\">Options</legend>\n"
		    "<div class=\"fr-fieldset__element\"><div class=\"fr-checkbox-group\"><input "
		    "type=\"checkbox\" id=\"essai\" name=\"essai\" value=\"1\"><label "
		    "class=\"fr-label\" for=\"essai\">Essai à blanc<span "
		    "class=\"fr-hint-text\">Tout vérifier et compter, sans rien "
		    "enregistrer</span></label></div></div>\n"
		    "<div class=\"fr-fieldset__element\"><div class=\"fr-checkbox-group\"><input "
		    "type=\"checkbox\" id=\"supprimer\" name=\"supprimer\" value=\"1\"><label "
		    "class=\"fr-label\" for=\"supprimer\">Supprimer les actions absentes du "
		    "fichier<span class=\"fr-hint-text\">Par défaut, elles sont conservées (avec "
		    "un avertissement)</span></label></div></div>\n</fieldset>\n"
		    "<button class=\"fr-btn\" type=\"submit\">Importer</button>\n</form>\n");
	buf_free(&url);
}

static void back_link(struct buf *o, const char *href, const char *label)
{
	buf_adds(o, "<p class=\"fr-mt-3w\"><a class=\"fr-link\"");
	html_attr(o, "href", href);
	buf_adds(o, ">");
	html_esc(o, label);
	buf_adds(o, "</a></p>\n");
}

static int get_import(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct io_ctx c;
	int rc = io_load(rq, rs, &c, err);
	if (rc > 0) {
		page_head(rq, rs, &c, "Importer une feuille de route");
		upload_form(rq, &rs->body, &c, NULL);
		back_link(&rs->body, c.back.ptr, "Retour à la feuille de route");
		web_page_end(rq, rs);
	}
	io_ctx_free(&c);
	return rc < 0 ? -1 : 0;
}

/* The uploaded file's name without any folder the browser may have sent. */
static const char *upload_name(const struct web_file *f)
{
	const char *n = f->filename ? f->filename : "";
	for (const char *p = n; *p; p++)
		if (*p == '/' || *p == '\\')
			n = p + 1;
	return *n ? n : "fichier.csv";
}

static const struct web_file *find_file(const struct web_req *rq, const char *field)
{
	for (size_t i = 0; i < rq->nfiles; i++)
		if (strcmp(rq->files[i].field, field) == 0 &&
		    ((rq->files[i].filename && rq->files[i].filename[0]) || rq->files[i].data.len))
			return &rq->files[i];
	return NULL;
}

static void plural(struct buf *o, size_t n, const char *one, const char *many)
{
	buf_addf(o, "%zu ", n);
	buf_adds(o, n > 1 ? many : one);
}

static void result_page(struct web_req *rq, struct web_resp *rs, struct io_ctx *c,
			const struct rm_import_opts *opt, const struct rm_import_stats *st,
			const struct diags *d)
{
	struct buf *o = &rs->body, line = BUF_INIT, link = BUF_INIT;
	rs->status = 200;
	page_head(rq, rs, c, opt->dry_run ? "Essai d'import terminé" : "Import terminé");
	buf_adds(o, opt->dry_run
			    ? "<div class=\"fr-alert fr-alert--info fr-mb-3w\" "
			      "role=\"status\"><p>Essai à blanc : le fichier est valide ; rien "
			      "n'a été enregistré.</p></div>\n"
			    : "<div class=\"fr-alert fr-alert--success fr-mb-3w\" "
			      "role=\"status\"><p>Feuille de route importée.</p></div>\n");
	buf_adds(o, "<h2>Résultat</h2>\n<ul>\n<li>Fichier : ");
	html_esc(o, opt->file);
	buf_adds(o, "</li>\n<li>");
	plural(&line, st->read, "action lue", "actions lues");
	html_esc(o, line.ptr);
	buf_adds(o, "</li>\n<li>");
	buf_reset(&line);
	plural(&line, st->created, "créée", "créées");
	buf_adds(&line, ", ");
	plural(&line, st->updated, "modifiée", "modifiées");
	buf_adds(&line, ", ");
	plural(&line, st->unchanged, "inchangée", "inchangées");
	html_esc(o, line.ptr);
	buf_adds(o, "</li>\n");
	buf_reset(&line);
	if (st->removed)
		plural(&line, st->removed, "action absente du fichier supprimée",
		       "actions absentes du fichier supprimées");
	else if (st->missing)
		plural(&line, st->missing, "action absente du fichier conservée",
		       "actions absentes du fichier conservées");
	if (line.len) {
		buf_adds(o, "<li>");
		html_esc(o, line.ptr);
		buf_adds(o, "</li>\n");
	}
	if (st->roadmap_created)
		buf_adds(o, opt->dry_run
				    ? "<li>La feuille de route serait créée (brouillon).</li>\n"
				    : "<li>Feuille de route créée (brouillon).</li>\n");
	buf_adds(o, "</ul>\n");
	if (d->n) {
		buf_adds(o, "<h2>Avertissements</h2>\n");
		web_diags_table(o, d, "Avertissements de l'import", "");
	}
	web_ministry_url(&link, rq->params[0], rq->params[1], opt->dry_run ? NULL : "importe");
	back_link(o, link.ptr, "Voir la feuille de route");
	web_page_end(rq, rs);
	buf_free(&line);
	buf_free(&link);
}

static void refused_page(struct web_req *rq, struct web_resp *rs, struct io_ctx *c,
			 const char *file, const struct diags *d)
{
	struct buf *o = &rs->body, cap = BUF_INIT;
	rs->status = 422;
	page_head(rq, rs, c, "Import refusé");
	buf_adds(o, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><h2 "
		    "class=\"fr-alert__title\">Le fichier contient des erreurs</h2><p>");
	buf_addf(o,
		 "%zu erreur%s : rien n'a été enregistré. Corrigez le fichier et "
		 "renvoyez-le.",
		 d->errors, d->errors > 1 ? "s" : "");
	buf_adds(o, "</p></div>\n<h2>Problèmes relevés</h2>\n");
	buf_adds(&cap, "Problèmes relevés dans ");
	buf_adds(&cap, file);
	web_diags_table(o, d, cap.ptr, "");
	buf_adds(o, "<h2>Envoyer un fichier corrigé</h2>\n");
	upload_form(rq, o, c, NULL);
	back_link(o, c->back.ptr, "Retour à la feuille de route");
	web_page_end(rq, rs);
	buf_free(&cap);
}

static int post_import(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct io_ctx c;
	struct diags d = DIAGS_INIT;
	struct err e = ERR_INIT;
	int rc = io_load(rq, rs, &c, err);
	if (rc <= 0)
		goto out;
	rc = 0;
	const struct web_file *f = find_file(rq, "fichier");
	if (!f) {
		rs->status = 400;
		page_head(rq, rs, &c, "Importer une feuille de route");
		buf_adds(&rs->body, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" "
				    "role=\"alert\"><p>Aucun fichier reçu : <a "
				    "href=\"#fichier\">choisissez le fichier CSV</a>.</p></div>\n");
		upload_form(rq, &rs->body, &c, "Choisissez un fichier CSV.");
		web_page_end(rq, rs);
		goto out;
	}
	struct rm_import_opts opt = { upload_name(f),
				      rq->params[0],
				      rq->params[1],
				      &rq->actor,
				      web_kvs_get(&rq->form, "supprimer") != NULL,
				      web_kvs_get(&rq->form, "essai") != NULL };
	struct rm_import_stats st;
	if (rm_import(rq->store, f->data.ptr, f->data.len, &opt, &st, &d, &e) == 0) {
		/* The page shows the roadmap as the import left it. */
		roadmap_free(&c.rm);
		int has = store_roadmap_get(rq->store, c.org.id, rq->params[1], &c.rm, err);
		if (has < 0) {
			rc = -1;
			goto out;
		}
		c.has_roadmap = has > 0;
		result_page(rq, rs, &c, &opt, &st, &d);
	} else if (d.errors) {
		refused_page(rq, rs, &c, opt.file, &d);
	} else if (c.has_roadmap && c.rm.state == RSTATE_VALIDEE) {
		buf_addc(&e.msg, '.');
		web_refusal_page(rq, rs, 409, e.msg.ptr, c.back.ptr,
				 "Retour à la feuille de route");
	} else {
		err_set(err, "%s", e.msg.ptr);
		rc = -1;
	}
out:
	io_ctx_free(&c);
	diags_free(&d);
	err_free(&e);
	return rc < 0 ? -1 : 0;
}

static int get_export(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	const char *code = rq->params[0], *period = rq->params[1];
	struct org org = { 0 };
	struct roadmap rm = { 0 };
	int found = store_org_get(rq->store, code, &org, err);
	if (found > 0)
		found = store_roadmap_get(rq->store, org.id, period, &rm, err);
	int64_t ministry = org.ministry_id;
	org_free(&org);
	roadmap_free(&rm);
	if (found < 0)
		return -1;
	if (!found || !web_may_read(rq, ministry)) {
		struct buf msg = BUF_INIT;
		buf_addf(&msg, "Pas de feuille de route pour « %s » sur la période « %s ».", code,
			 period);
		web_refusal_page(rq, rs, 404, msg.ptr, "/", "Retour au tableau de bord");
		buf_free(&msg);
		return 0;
	}
	buf_reset(&rs->body);
	if (rm_export(rq->store, code, period, &rs->body, err))
		return -1;
	struct buf name = BUF_INIT;
	buf_addf(&name, "%s-%s.csv", code, period);
	rs->status = 200;
	web_download(rs, "text/csv; charset=utf-8", name.ptr);
	buf_free(&name);
	return 0;
}

const struct web_route web_routes_io[] = {
	{ "GET", "/ministeres/{code}/{periode}/import", get_import, 0 },
	{ "POST", "/ministeres/{code}/{periode}/import", post_import, 0 },
	{ "GET", "/ministeres/{code}/{periode}/export.csv", get_export, 0 },
	{ NULL, NULL, NULL, 0 },
};
