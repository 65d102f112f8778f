/* page_ind_form.c: a ministry's collection form (GET and POST
 * /indicateurs/ministere/{code}/saisie): every indicator of the catalogue in
 * one page, grouped by theme, stored in one transaction or not at all, each
 * refusal shown next to its field. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "indicators/ind_collect.h"
#include "io/parse.h"
#include "report/html.h"
#include "store/store_ind.h"
#include "web/web_action_form.h"
#include "web/web_ind.h"
#include "web/web_layout.h"
#include "web/web_review.h"
#include "web/web_route.h"

/* ---- the collection form ---- */

/* What the form pages need: the ministry, the year, its collection, the
 * catalogue and the table of the year and the one before. */
struct form_ctx {
	struct org org;
	int year, ymin, ymax, bad_year;
	enum ind_state state;
	struct ind_catalogue cat;
	struct ind_table t;
	struct ind_value_list vals; /* entered values of the year (comments, sources) */
	struct buf back;	    /* the ministry's page */
};

static void form_ctx_free(struct form_ctx *c)
{
	org_free(&c->org);
	ind_table_free(&c->t);
	ind_catalogue_free(&c->cat);
	ind_value_list_free(&c->vals);
	buf_free(&c->back);
}

/* Loads the ministry (404), checks the right to enter values (403) and the
 * collection's state (409). 1 to go on, 0 when a page was written, -1 on
 * error. */
static int form_load(struct web_req *rq, struct web_resp *rs, struct form_ctx *c, struct err *err)
{
	struct buf msg = BUF_INIT;
	memset(c, 0, sizeof(*c));
	buf_init(&c->back);
	int found = web_ind_ministry(rq->store, rq->params[0], &c->org, err);
	if (found <= 0) {
		if (found == 0)
			web_refusal_page(rq, rs, 404, "Aucun ministère n'a ce code.",
					 "/indicateurs", "Retour aux indicateurs");
		return found;
	}
	if (web_ind_year(rq, &c->year, &c->ymin, &c->ymax, &c->bad_year, err))
		return -1;
	web_ind_ministry_url(&c->back, c->org.code, NULL, c->year, NULL);
	if (c->bad_year) {
		web_refusal_page(rq, rs, 400, "Année invalide.", c->back.ptr,
				 "Retour aux indicateurs du ministère");
		return 0;
	}
	if (!perm_edit_indicators(&rq->actor, c->org.id)) {
		buf_addf(&msg,
			 "%s n'a pas le droit de saisir les indicateurs de %s (rôle admin ou "
			 "référent du ministère requis).",
			 rq->actor.id, c->org.code);
		web_refusal_page(rq, rs, 403, msg.ptr, c->back.ptr,
				 "Retour aux indicateurs du ministère");
		buf_free(&msg);
		return 0;
	}
	if (store_ind_state_get(rq->store, c->org.id, c->year, &c->state, NULL, NULL, err) < 0)
		return -1;
	if (c->state != IND_STATE_BROUILLON) {
		buf_addf(&msg,
			 "La collecte %d de %s est à l'état « %s » : les valeurs ne se "
			 "modifient "
			 "qu'en brouillon (retirez la soumission, ou demandez à l'équipe "
			 "centrale de "
			 "rouvrir la collecte).",
			 c->year, c->org.name, ind_state_label(c->state));
		web_refusal_page(rq, rs, 409, msg.ptr, c->back.ptr,
				 "Retour aux indicateurs du ministère");
		buf_free(&msg);
		return 0;
	}
	return 1;
}

/* The values shown: the table and comments of the year (loaded after any
 * write was rolled back). */
static int form_values(struct web_req *rq, struct form_ctx *c, struct err *err)
{
	int from = c->year > IND_YEAR_MIN ? c->year - 1 : c->year;
	if (ind_load(rq->store, from, c->year, c->org.id, &c->cat, &c->t, err))
		return -1;
	return store_ind_value_list(rq->store, c->org.id, c->year, &c->vals, err);
}

/* What one field shows: the text typed (or stored) and its problem. */
struct field {
	char *value, *comment, *source;
	char *error; /* NULL when fine */
};

static void fields_free(struct field *f, size_t n)
{
	for (size_t i = 0; f && i < n; i++) {
		free(f[i].value);
		free(f[i].comment);
		free(f[i].source);
		free(f[i].error);
	}
	free(f);
}

/* The fields as stored. */
static struct field *fields_stored(const struct form_ctx *c)
{
	struct field *f = xcalloc(c->cat.n ? c->cat.n : 1, sizeof(*f));
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < c->cat.n; i++) {
		double v;
		buf_reset(&b);
		if (c->t.norg && web_ind_cell(&c->t, 0, i, c->year, &v))
			fmt_number_fr(&b, v);
		f[i].value = xstrdup(b.ptr);
		f[i].comment = xstrdup("");
		f[i].source = xstrdup("");
		for (size_t k = 0; k < c->vals.n; k++)
			if (strcmp(c->vals.items[k].code, c->cat.items[i].code) == 0) {
				free(f[i].comment);
				free(f[i].source);
				f[i].comment = xstrdup(c->vals.items[k].comment);
				f[i].source = xstrdup(c->vals.items[k].source);
			}
	}
	buf_free(&b);
	return f;
}

/* The name of a field of indicator code: "v-CODE", "c-CODE", "s-CODE". */
static void field_name(struct buf *b, char kind, const char *code)
{
	buf_reset(b);
	buf_addf(b, "%c-%s", kind, code);
}

static void text_input(struct buf *o, char kind, const struct ind_def *d, const char *label,
		       const char *value, size_t max)
{
	struct buf id = BUF_INIT;
	field_name(&id, kind, d->code);
	buf_adds(o, "<div class=\"fr-input-group\"><label class=\"fr-label\"");
	html_attr(o, "for", id.ptr);
	buf_adds(o, ">");
	html_esc(o, label);
	buf_adds(o, "<span class=\"fr-sr-only\"> — ");
	html_esc(o, d->label);
	buf_adds(o, "</span></label><input class=\"fr-input\" type=\"text\"");
	html_attr(o, "id", id.ptr);
	html_attr(o, "name", id.ptr);
	buf_addf(o, " maxlength=\"%zu\"", max);
	html_attr(o, "value", value);
	buf_adds(o, "></div>");
	buf_free(&id);
}

/* "Valeurs admises : de 0 à 100 %." and the like. */
static void range_text(struct buf *o, const struct ind_def *d)
{
	if (!d->has_min && !d->has_max)
		return;
	buf_adds(o, " Valeurs admises : ");
	if (d->has_min && d->has_max) {
		buf_adds(o, "de ");
		ind_fmt_value(o, d, 1, d->min);
		buf_adds(o, " à ");
		ind_fmt_value(o, d, 1, d->max);
	} else if (d->has_min) {
		buf_adds(o, "au moins ");
		ind_fmt_value(o, d, 1, d->min);
	} else {
		buf_adds(o, "au plus ");
		ind_fmt_value(o, d, 1, d->max);
	}
	buf_adds(o, ".");
}

static void value_field(struct buf *o, const struct form_ctx *c, size_t i, const struct field *f)
{
	const struct ind_def *d = &c->cat.items[i];
	struct buf id = BUF_INIT, hint = BUF_INIT;
	double prev = 0;
	int has_prev = c->t.norg && web_ind_cell(&c->t, 0, i, c->year - 1, &prev);
	field_name(&id, 'v', d->code);
	buf_adds(o, "<div class=\"fr-fieldset__element fr-mb-4w\"><div "
		    "class=\"fr-input-group");
	if (f->error)
		buf_adds(o, " fr-input-group--error");
	buf_adds(o, "\"><label class=\"fr-label\"");
	html_attr(o, "for", id.ptr);
	buf_adds(o, ">");
	html_escf(o, "%s (%s)", d->label, d->unit);
	buf_adds(&hint, d->definition);
	if (d->calc != IND_CALC_NONE)
		buf_addf(&hint,
			 " numeco le calcule quand il en a les données (%s) ; à saisir sinon.",
			 ind_calc_label(d->calc));
	range_text(&hint, d);
	buf_addf(&hint, " Valeur %d : ", c->year - 1);
	ind_fmt_value(&hint, d, has_prev, prev);
	buf_adds(&hint, ".");
	buf_adds(o, "<span class=\"fr-hint-text\">");
	html_esc(o, hint.ptr);
	buf_adds(o, "</span></label><input class=\"fr-input");
	if (f->error)
		buf_adds(o, " fr-input--error");
	buf_adds(o, "\" type=\"text\" inputmode=\"decimal\"");
	html_attr(o, "id", id.ptr);
	html_attr(o, "name", id.ptr);
	html_attr(o, "value", f->value);
	if (f->error)
		html_attrf(o, "aria-describedby", "%s-erreur", id.ptr);
	buf_adds(o, ">");
	if (f->error) {
		buf_adds(o, "<p class=\"fr-error-text\"");
		html_attrf(o, "id", "%s-erreur", id.ptr);
		buf_adds(o, ">");
		html_esc(o, f->error);
		buf_adds(o, "</p>");
	}
	buf_adds(o, "</div>");
	text_input(o, 'c', d, "Commentaire (obligatoire pour confirmer un écart de plus de ×3)",
		   f->comment, 2000);
	text_input(o, 's', d, "Source de la valeur", f->source, 500);
	buf_adds(o, "</div>\n");
	buf_free(&id);
	buf_free(&hint);
}

/* 1 when numeco computes indicator i for this ministry and year (it has the
 * data): shown, not entered. A computed indicator without data is entered. */
static int computed_here(const struct form_ctx *c, size_t i)
{
	if (!c->t.norg || c->year < c->t.year_from || c->year > c->t.year_to)
		return 0;
	return (c->t.flags[ind_table_at(&c->t, 0, i, c->year)] & IND_CELL_COMPUTED) != 0;
}

static void computed_field(struct buf *o, const struct form_ctx *c, size_t i)
{
	const struct ind_def *d = &c->cat.items[i];
	double v = 0;
	int has = c->t.norg && web_ind_cell(&c->t, 0, i, c->year, &v);
	struct buf t = BUF_INIT;
	buf_adds(o, "<div class=\"fr-fieldset__element fr-mb-4w\"><p "
		    "class=\"fr-mb-1v\"><strong>");
	html_escf(o, "%s (%s)", d->label, d->unit);
	buf_adds(o, "</strong></p><p class=\"fr-hint-text\">Calculé par numeco : ");
	ind_fmt_value(&t, d, has, v);
	buf_adds(&t, " (");
	buf_adds(&t, ind_calc_label(d->calc));
	buf_adds(&t, ") ; non modifiable ici.");
	html_esc(o, t.ptr);
	buf_adds(o, "</p></div>\n");
	buf_free(&t);
}

static void form_page(struct web_req *rq, struct web_resp *rs, const struct form_ctx *c,
		      const struct field *f, size_t nerrors)
{
	struct buf *o = &rs->body, url = BUF_INIT, title = BUF_INIT;
	buf_reset(o);
	buf_addf(&title, "Saisie des indicateurs %d", c->year);
	web_page_begin(rq, rs, title.ptr);
	const char *crumbs[] = { "Tableau de bord", "/",	 "Indicateurs", "/indicateurs",
				 c->org.name,	    c->back.ptr, title.ptr };
	web_breadcrumb(o, crumbs, 7);
	buf_adds(o, "<h1>");
	html_escf(o, "%s — %s", title.ptr, c->org.name);
	buf_adds(o, "</h1>\n");
	if (nerrors) {
		buf_adds(o, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><h2 "
			    "class=\"fr-alert__title\">");
		html_escf(o, "%zu valeur%s refusée%s : rien n'a été enregistré", nerrors,
			  nerrors > 1 ? "s" : "", nerrors > 1 ? "s" : "");
		buf_adds(o, "</h2><ul>");
		for (size_t i = 0; i < c->cat.n; i++) {
			if (!f[i].error)
				continue;
			buf_adds(o, "<li><a");
			html_attrf(o, "href", "#v-%s", c->cat.items[i].code);
			buf_adds(o, ">");
			html_escf(o, "%s : %s", c->cat.items[i].label, f[i].error);
			buf_adds(o, "</a></li>");
		}
		buf_adds(o, "</ul></div>\n");
	}
	buf_adds(o, "<p>Saisissez les valeurs de l'année (nombres, virgule décimale). Une "
		    "case "
		    "vide efface la valeur. Une valeur plus de trois fois plus grande ou "
		    "plus "
		    "petite que celle de l'année précédente demande un commentaire qui la "
		    "confirme. Tout est enregistré d'un coup, ou rien s'il y a une "
		    "erreur.</p>\n");
	web_ind_ministry_url(&url, c->org.code, "/saisie", c->year, NULL);
	buf_adds(o, "<form method=\"post\"");
	html_attr(o, "action", url.ptr);
	buf_adds(o, ">");
	web_csrf_field(rq, o);
	buf_addf(o, "<input type=\"hidden\" name=\"annee\" value=\"%d\">\n", c->year);
	for (int th = 0; th < THEME_COUNT; th++) {
		int shown = 0;
		for (size_t i = 0; i < c->cat.n; i++) {
			if (c->cat.items[i].theme != (enum theme)th)
				continue;
			if (!shown++) {
				buf_adds(o, "<fieldset class=\"fr-fieldset\"><legend "
					    "class=\"fr-fieldset__legend\">");
				html_esc(o, theme_label((enum theme)th));
				buf_adds(o, "</legend>\n");
			}
			if (computed_here(c, i))
				computed_field(o, c, i);
			else
				value_field(o, c, i, &f[i]);
		}
		if (shown)
			buf_adds(o, "</fieldset>\n");
	}
	buf_adds(o, "<ul class=\"fr-btns-group fr-btns-group--inline-md\"><li><button "
		    "class=\"fr-btn\" type=\"submit\">Enregistrer les "
		    "valeurs</button></li><li><a "
		    "class=\"fr-btn fr-btn--secondary\"");
	html_attr(o, "href", c->back.ptr);
	buf_adds(o, ">Annuler</a></li></ul>\n</form>\n");
	web_page_end(rq, rs);
	buf_free(&url);
	buf_free(&title);
}

static int get_form(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct form_ctx c;
	int rc = form_load(rq, rs, &c, err);
	if (rc > 0) {
		rc = form_values(rq, &c, err);
		if (rc == 0) {
			struct field *f = fields_stored(&c);
			form_page(rq, rs, &c, f, 0);
			fields_free(f, c.cat.n);
		}
	}
	form_ctx_free(&c);
	return rc < 0 ? -1 : 0;
}

static const char *form_text(const struct web_req *rq, char kind, const char *code)
{
	struct buf name = BUF_INIT;
	field_name(&name, kind, code);
	const char *v = web_kvs_get(&rq->form, name.ptr);
	buf_free(&name);
	return v;
}

/* Sets every submitted value; the refusals go to f. -1 on error. */
static int set_all(struct web_req *rq, const struct form_ctx *c, const struct ind_catalogue *cat,
		   struct field *f, size_t *nerrors, int *changed_any, struct err *err)
{
	struct buf why = BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < cat->n && rc == 0; i++) {
		const struct ind_def *d = &cat->items[i];
		const char *v = form_text(rq, 'v', d->code);
		const char *com = form_text(rq, 'c', d->code);
		const char *src = form_text(rq, 's', d->code);
		if (computed_here(c, i) || !v)
			continue;
		int changed = 0;
		buf_reset(&why);
		int r = ind_set(rq->store, &rq->actor, cat, c->org.code, c->year, d->code, v,
				com ? com : "", src ? src : "", &changed, &why, err);
		if (r < 0)
			rc = -1;
		else if (r == IND_SET_REFUSED) {
			f[i].error = xstrdup(why.len ? why.ptr : "Valeur refusée.");
			(*nerrors)++;
		}
		*changed_any |= changed;
	}
	buf_free(&why);
	return rc;
}

static int post_form(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct form_ctx c;
	struct ind_catalogue cat = { 0 };
	struct field *f = NULL;
	size_t nerrors = 0;
	int changed = 0;
	int rc = form_load(rq, rs, &c, err);
	if (rc <= 0)
		goto out;
	rc = -1;
	if (store_ind_catalogue_load(rq->store, &cat, err))
		goto out;
	f = xcalloc(cat.n ? cat.n : 1, sizeof(*f));
	if (store_begin(rq->store, err))
		goto out;
	if (set_all(rq, &c, &cat, f, &nerrors, &changed, err)) {
		store_rollback(rq->store);
		goto out;
	}
	if (nerrors) {
		store_rollback(rq->store);
	} else if (store_commit(rq->store, err)) {
		store_rollback(rq->store);
		goto out;
	}
	if (!nerrors) {
		struct buf loc = BUF_INIT;
		web_ind_ministry_url(&loc, c.org.code, NULL, c.year,
				     changed ? "valeurs" : "inchange");
		web_redirect(rs, loc.ptr);
		buf_free(&loc);
		rc = 0;
		goto out;
	}
	/* Nothing was kept: the form again with what was typed. */
	if (form_values(rq, &c, err))
		goto out;
	struct field *shown = fields_stored(&c);
	for (size_t i = 0; i < c.cat.n; i++) {
		long k = ind_catalogue_find(&cat, c.cat.items[i].code);
		const char *v = form_text(rq, 'v', c.cat.items[i].code);
		const char *com = form_text(rq, 'c', c.cat.items[i].code);
		const char *src = form_text(rq, 's', c.cat.items[i].code);
		if (v) {
			free(shown[i].value);
			free(shown[i].comment);
			free(shown[i].source);
			shown[i].value = xstrdup(v);
			shown[i].comment = xstrdup(com ? com : "");
			shown[i].source = xstrdup(src ? src : "");
		}
		if (k >= 0) {
			shown[i].error = f[k].error;
			f[k].error = NULL;
		}
	}
	rs->status = 400;
	form_page(rq, rs, &c, shown, nerrors);
	fields_free(shown, c.cat.n);
	rc = 0;
out:
	fields_free(f, cat.n);
	ind_catalogue_free(&cat);
	form_ctx_free(&c);
	return rc < 0 ? -1 : 0;
}

const struct web_route web_routes_ind_form[] = {
	{ "GET", "/indicateurs/ministere/{code}/saisie", get_form, 0 },
	{ "POST", "/indicateurs/ministere/{code}/saisie", post_form, 0 },
	{ NULL, NULL, NULL, 0 },
};
