/* page_ind_state.c: the state moves of a ministry's indicator collection
 * (POST /indicateurs/ministere/{code}/etat, and the buttons of web_ind.h)
 * and the import of a CSV file of values (POST /indicateurs/import). */
#include <string.h>

#include "indicators/ind_collect.h"
#include "report/html.h"
#include "store/store_ind.h"
#include "web/web_ind.h"
#include "web/web_layout.h"
#include "web/web_review.h"
#include "web/web_route.h"

/* ---- state moves (web_ind.h) ---- */

static const struct {
	const char *action;
	enum ind_state from, to;
	const char *label;
} moves[] = {
	{ "soumettre", IND_STATE_BROUILLON, IND_STATE_SOUMIS, "Soumettre à l'équipe centrale" },
	{ "retirer", IND_STATE_SOUMIS, IND_STATE_BROUILLON, "Retirer la soumission" },
	{ "valider", IND_STATE_SOUMIS, IND_STATE_VALIDE, "Valider la collecte" },
	{ "rouvrir", IND_STATE_VALIDE, IND_STATE_BROUILLON, "Rouvrir (repasser en brouillon)" },
};
#define NMOVES (sizeof(moves) / sizeof(moves[0]))

int web_ind_move_parse(const char *action, enum ind_state *from, enum ind_state *to)
{
	for (size_t i = 0; action && i < NMOVES; i++)
		if (strcmp(action, moves[i].action) == 0) {
			*from = moves[i].from;
			*to = moves[i].to;
			return 0;
		}
	return -1;
}

void web_ind_move_forms(struct web_req *rq, struct buf *o, const char *code, int64_t ministry_id,
			int year, enum ind_state state)
{
	struct buf url = BUF_INIT;
	web_ind_ministry_url(&url, code, "/etat", 0, NULL);
	for (size_t i = 0; i < NMOVES; i++) {
		if (moves[i].from != state || !ind_state_can_move(state, moves[i].to) ||
		    !perm_move_indicators(&rq->actor, (int)state, (int)moves[i].to, ministry_id))
			continue;
		buf_adds(o, "<li><form method=\"post\"");
		html_attr(o, "action", url.ptr);
		buf_adds(o, ">");
		web_csrf_field(rq, o);
		buf_addf(o, "<input type=\"hidden\" name=\"annee\" value=\"%d\">", year);
		buf_adds(o, "<input type=\"hidden\" name=\"action\"");
		html_attr(o, "value", moves[i].action);
		buf_adds(o, "><button class=\"fr-btn");
		if (moves[i].to == IND_STATE_BROUILLON)
			buf_adds(o, " fr-btn--secondary");
		buf_adds(o, "\" type=\"submit\">");
		/* The central team sends a submission back; the référent withdraws it. */
		html_esc(o, moves[i].to == IND_STATE_BROUILLON &&
					    moves[i].from == IND_STATE_SOUMIS &&
					    perm_admin(&rq->actor)
				    ? "Renvoyer en brouillon"
				    : moves[i].label);
		buf_adds(o, "</button></form></li>\n");
	}
	buf_free(&url);
}

/* ---- state moves ---- */

static int post_state(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct org org;
	struct buf back = BUF_INIT, msg = BUF_INIT;
	struct err e = ERR_INIT;
	enum ind_state from, to, now;
	int year, ymin, ymax, bad, rc = -1;
	int found = web_ind_ministry(rq->store, rq->params[0], &org, err);
	if (found <= 0) {
		if (found == 0)
			web_refusal_page(rq, rs, 404, "Aucun ministère n'a ce code.",
					 "/indicateurs", "Retour aux indicateurs");
		return found;
	}
	if (web_ind_year(rq, &year, &ymin, &ymax, &bad, err) ||
	    store_ind_state_get(rq->store, org.id, year, &now, NULL, NULL, err) < 0)
		goto out;
	web_ind_ministry_url(&back, org.code, NULL, year, NULL);
	rc = 0;
	if (bad || web_ind_move_parse(web_kvs_get(&rq->form, "action"), &from, &to)) {
		web_refusal_page(
			rq, rs, 400,
			"Action absente ou inconnue (attendu : soumettre, retirer, valider "
			"ou rouvrir), ou année invalide.",
			back.ptr, "Retour aux indicateurs du ministère");
		goto out;
	}
	if (now != from) {
		buf_addf(&msg,
			 "La collecte %d de %s est à l'état « %s » : elle ne peut pas "
			 "passer à « %s » "
			 "par cette action.",
			 year, org.name, ind_state_label(now), ind_state_label(to));
		web_refusal_page(rq, rs, 409, msg.ptr, back.ptr,
				 "Retour aux indicateurs du ministère");
		goto out;
	}
	if (!perm_move_indicators(&rq->actor, (int)from, (int)to, org.id)) {
		buf_addf(&msg,
			 "%s n'a pas le droit de faire passer la collecte %d de %s de « %s "
			 "» à « %s » "
			 "(valider et rouvrir reviennent à l'équipe centrale ; soumettre "
			 "et retirer, au "
			 "référent du ministère).",
			 rq->actor.id, year, org.code, ind_state_label(from), ind_state_label(to));
		web_refusal_page(rq, rs, 403, msg.ptr, back.ptr,
				 "Retour aux indicateurs du ministère");
		goto out;
	}
	int r = store_begin(rq->store, &e)
			? -1
			: ind_move(rq->store, &rq->actor, org.code, year, to, NULL, &e);
	if (r == 0 && store_commit(rq->store, &e) == 0) {
		buf_reset(&back);
		web_ind_ministry_url(&back, org.code, NULL, year, "collecte");
		web_redirect(rs, back.ptr);
		goto out;
	}
	store_rollback(rq->store);
	/* The checks above passed: what is left is the collection's content
	 * (an empty one is not submitted). */
	buf_adds(&msg, e.msg.ptr);
	if (msg.len && msg.ptr[msg.len - 1] != '.')
		buf_addc(&msg, '.');
	web_refusal_page(rq, rs, 409, msg.ptr, back.ptr, "Retour aux indicateurs du ministère");
out:
	org_free(&org);
	buf_free(&back);
	buf_free(&msg);
	err_free(&e);
	return rc;
}

/* ---- import of a CSV of values ---- */

static const struct web_file *find_file(const struct web_req *rq, const char *field)
{
	for (size_t i = 0; i < rq->nfiles; i++)
		if (strcmp(rq->files[i].field, field) == 0 &&
		    ((rq->files[i].filename && rq->files[i].filename[0]) || rq->files[i].data.len))
			return &rq->files[i];
	return NULL;
}

/* The uploaded file's name without any folder the browser may have sent. */
static const char *upload_name(const struct web_file *f)
{
	const char *n = f->filename ? f->filename : "";
	for (const char *p = n; *p; p++)
		if (*p == '/' || *p == '\\')
			n = p + 1;
	return *n ? n : "valeurs.csv";
}

static void import_head(struct web_req *rq, struct web_resp *rs, int status, const char *title)
{
	struct buf *o = &rs->body;
	buf_reset(o);
	rs->status = status;
	web_page_begin(rq, rs, title);
	const char *crumbs[] = { "Tableau de bord", "/", "Indicateurs", "/indicateurs", title };
	web_breadcrumb(o, crumbs, 5);
	buf_adds(o, "<h1>");
	html_esc(o, title);
	buf_adds(o, "</h1>\n");
}

static void import_done(struct web_req *rq, struct web_resp *rs, const char *file,
			const struct ind_import_stats *st)
{
	struct buf *o = &rs->body;
	import_head(rq, rs, 200, "Import terminé");
	buf_adds(o, "<div class=\"fr-alert fr-alert--success fr-mb-3w\" role=\"status\"><p>"
		    "Valeurs importées.</p></div>\n<ul><li>Fichier : ");
	html_esc(o, file);
	buf_adds(o, "</li><li>");
	html_escf(o, "%zu ligne%s lue%s", st->read, st->read > 1 ? "s" : "",
		  st->read > 1 ? "s" : "");
	buf_adds(o, "</li><li>");
	html_escf(o, "%zu valeur%s enregistrée%s, %zu inchangée%s, %zu effacée%s", st->set,
		  st->set > 1 ? "s" : "", st->set > 1 ? "s" : "", st->unchanged,
		  st->unchanged > 1 ? "s" : "", st->removed, st->removed > 1 ? "s" : "");
	buf_adds(o, "</li></ul>\n<p><a class=\"fr-link\" href=\"/indicateurs\">Voir les "
		    "indicateurs</a></p>\n");
	web_page_end(rq, rs);
}

static void import_refused(struct web_req *rq, struct web_resp *rs, const char *file,
			   const struct diags *d)
{
	struct buf *o = &rs->body, cap = BUF_INIT;
	import_head(rq, rs, 422, "Import refusé");
	buf_adds(o, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><h2 "
		    "class=\"fr-alert__title\">Le fichier contient des erreurs</h2><p>");
	html_escf(o,
		  "%zu erreur%s : rien n'a été enregistré. Corrigez le fichier et "
		  "renvoyez-le.",
		  d->errors, d->errors > 1 ? "s" : "");
	buf_adds(o, "</p></div>\n<h2>Problèmes relevés</h2>\n");
	buf_adds(&cap, "Problèmes relevés dans ");
	buf_adds(&cap, file);
	web_diags_table(o, d, cap.ptr, "");
	buf_adds(o, "<h2>Envoyer un fichier corrigé</h2>\n");
	web_ind_import_form(rq, o);
	web_page_end(rq, rs);
	buf_free(&cap);
}

static int post_import(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct ind_catalogue cat = { 0 };
	struct diags d = DIAGS_INIT;
	struct err e = ERR_INIT;
	struct ind_import_stats st;
	int rc = 0;
	if (!perm_edit_indicators(&rq->actor, rq->actor.ministry_id)) {
		web_refusal_page(rq, rs, 403,
				 "Importer des valeurs est réservé à l'équipe centrale et aux "
				 "référents des ministères.",
				 "/indicateurs", "Retour aux indicateurs");
		return 0;
	}
	const struct web_file *f = find_file(rq, "fichier");
	if (!f) {
		import_head(rq, rs, 400, "Importer des valeurs");
		buf_adds(&rs->body, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" "
				    "role=\"alert\"><p>Aucun fichier reçu : <a "
				    "href=\"#fichier\">choisissez le fichier CSV</a>.</p></div>\n");
		web_ind_import_form(rq, &rs->body);
		web_page_end(rq, rs);
		return 0;
	}
	memset(&st, 0, sizeof(st));
	if (store_ind_catalogue_load(rq->store, &cat, err))
		return -1;
	int r = store_begin(rq->store, &e) ? -1
					   : ind_import(rq->store, &rq->actor, &cat, upload_name(f),
							f->data.ptr, f->data.len, &st, &d, &e);
	if (r == 0 && store_commit(rq->store, &e) == 0) {
		import_done(rq, rs, upload_name(f), &st);
	} else {
		store_rollback(rq->store);
		if (d.errors) {
			import_refused(rq, rs, upload_name(f), &d);
		} else {
			err_set(err, "%s", e.msg.ptr);
			rc = -1;
		}
	}
	ind_catalogue_free(&cat);
	diags_free(&d);
	err_free(&e);
	return rc;
}

const struct web_route web_routes_ind_state[] = {
	{ "POST", "/indicateurs/ministere/{code}/etat", post_state, 0 },
	{ "POST", "/indicateurs/import", post_import, 0 },
	{ NULL, NULL, NULL, 0 },
};
