/* page_ind_edit.c: the admin's form changing one indicator's definition
 * (GET and POST /indicateurs/indicateur/{code}/modifier): label, definition,
 * unit, range, direction, targets, source and weight, checked field by
 * field, then by ind_def_edit in one transaction. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "indicators/ind_collect.h"
#include "io/parse.h"
#include "report/html.h"
#include "store/store_ind.h"
#include "web/web_ind.h"
#include "web/web_layout.h"
#include "web/web_review.h"
#include "web/web_route.h"

enum ef_field {
	EF_LABEL,
	EF_DEF,
	EF_UNIT,
	EF_MIN,
	EF_MAX,
	EF_BETTER,
	EF_TARGETS,
	EF_SOURCE,
	EF_WEIGHT,
	EF_N
};

static const struct {
	const char *name, *label, *hint;
	size_t max; /* characters; 0: a select */
	int multiline;
} ef[EF_N] = {
	[EF_LABEL] = { "libelle", "Libellé", NULL, 200, 0 },
	[EF_DEF] = { "definition", "Définition", NULL, 2000, 1 },
	[EF_UNIT] = { "unite", "Unité", "Comme elle s'affiche : %, postes, tCO2e, MWh…", 40, 0 },
	[EF_MIN] = { "minimum", "Minimum", "Vide : pas de minimum. Virgule décimale.", 40, 0 },
	[EF_MAX] = { "maximum", "Maximum", "Vide : pas de maximum. Virgule décimale.", 40, 0 },
	[EF_BETTER] = { "sens", "Sens souhaité", NULL, 0, 0 },
	[EF_TARGETS] = { "cibles", "Cibles",
			 "Année=valeur séparées par |, par exemple "
			 "2023=25|2024=35|2025=50 ; une "
			 "cible vaut jusqu'à la suivante. Vide : aucune cible.",
			 400, 0 },
	[EF_SOURCE] = { "source", "Source", "Texte de loi, décret, programme…", 500, 1 },
	[EF_WEIGHT] = { "ponderation", "Pondération",
			"Indicateur qui pondère la moyenne (consolidation « moyenne "
			"pondérée » "
			"seulement).",
			0, 0 },
};

struct edit_form {
	char *value[EF_N];
	char *msg[EF_N];
	struct buf global; /* problems not tied to a field */
	size_t nerrors;
};

static void edit_form_free(struct edit_form *f)
{
	for (int i = 0; i < EF_N; i++) {
		free(f->value[i]);
		free(f->msg[i]);
	}
	buf_free(&f->global);
}

static void set_msg(struct edit_form *f, enum ef_field i, const char *msg)
{
	if (f->msg[i]) {
		/* Several problems on one field: one message. */
		struct buf b = BUF_INIT;
		buf_adds(&b, f->msg[i]);
		buf_adds(&b, " ; ");
		buf_adds(&b, msg);
		free(f->msg[i]);
		f->msg[i] = buf_detach(&b);
		return;
	}
	f->msg[i] = xstrdup(msg);
	f->nerrors++;
}

static void from_def(struct edit_form *f, const struct ind_def *d)
{
	struct buf b = BUF_INIT;
	f->value[EF_LABEL] = xstrdup(d->label);
	f->value[EF_DEF] = xstrdup(d->definition);
	f->value[EF_UNIT] = xstrdup(d->unit);
	if (d->has_min)
		fmt_number_fr(&b, d->min);
	f->value[EF_MIN] = buf_detach(&b);
	if (d->has_max)
		fmt_number_fr(&b, d->max);
	f->value[EF_MAX] = buf_detach(&b);
	f->value[EF_BETTER] = xstrdup(ind_better_code(d->better));
	ind_targets_write(d->targets, d->ntargets, &b);
	f->value[EF_TARGETS] = buf_detach(&b);
	f->value[EF_SOURCE] = xstrdup(d->source);
	f->value[EF_WEIGHT] = xstrdup(d->weight_code);
	buf_free(&b);
}

static void parse_bound(struct edit_form *f, enum ef_field i, int *has, double *v)
{
	struct err e = ERR_INIT;
	struct buf t = BUF_INIT;
	buf_adds(&t, f->value[i]);
	buf_trim(&t);
	*has = t.len > 0;
	if (*has && parse_number(t.ptr, v, &e))
		set_msg(f, i, e.msg.ptr);
	buf_free(&t);
	err_free(&e);
}

/* Reads the submitted fields into f and d (a copy of the stored one). */
static void read_form(const struct web_req *rq, const struct ind_catalogue *cat,
		      struct edit_form *f, struct ind_def *d)
{
	for (int i = 0; i < EF_N; i++) {
		const char *v = web_kvs_get(&rq->form, ef[i].name);
		f->value[i] = xstrdup(v ? v : "");
	}
	free(d->label);
	d->label = xstrdup(f->value[EF_LABEL]);
	free(d->definition);
	d->definition = xstrdup(f->value[EF_DEF]);
	free(d->unit);
	d->unit = xstrdup(f->value[EF_UNIT]);
	free(d->source);
	d->source = xstrdup(f->value[EF_SOURCE]);
	parse_bound(f, EF_MIN, &d->has_min, &d->min);
	parse_bound(f, EF_MAX, &d->has_max, &d->max);
	if (ind_better_parse(f->value[EF_BETTER], &d->better))
		set_msg(f, EF_BETTER, "Choisissez « À la hausse » ou « À la baisse ».");
	struct ind_target *t = NULL;
	size_t n = 0;
	struct err e = ERR_INIT;
	if (ind_targets_parse(f->value[EF_TARGETS], &t, &n, &e)) {
		set_msg(f, EF_TARGETS, e.msg.ptr);
	} else {
		free(d->targets);
		d->targets = t;
		d->ntargets = n;
	}
	err_free(&e);
	const char *w = f->value[EF_WEIGHT];
	if (*w && ind_catalogue_find(cat, w) < 0)
		set_msg(f, EF_WEIGHT, "Aucun indicateur du catalogue n'a ce code.");
	free(d->weight_code);
	d->weight_code = xstrdup(w);
}

/* Puts each problem of ind_def_check / ind_def_edit ("; " between them) by
 * the field it names. */
static void spread(struct edit_form *f, const char *why)
{
	struct buf one = BUF_INIT;
	for (const char *p = why; *p;) {
		const char *end = strstr(p, "; ");
		size_t n = end ? (size_t)(end - p) : strlen(p);
		buf_reset(&one);
		buf_add(&one, p, n);
		const char *m = one.ptr;
		int i = strncmp(m, "cible", 5) == 0 ? EF_TARGETS
			: strstr(m, "pondér")	    ? EF_WEIGHT
			: strstr(m, "libellé")	    ? EF_LABEL
			: strstr(m, "unité")	    ? EF_UNIT
			: strstr(m, "maximum")	    ? EF_MAX
			: strstr(m, "minimum")	    ? EF_MIN
			: strstr(m, "sens")	    ? EF_BETTER
						    : -1;
		if (i >= 0) {
			set_msg(f, (enum ef_field)i, m);
		} else {
			if (f->global.len)
				buf_adds(&f->global, " ; ");
			buf_adds(&f->global, m);
			f->nerrors++;
		}
		p += n;
		if (end)
			p += 2;
	}
	buf_free(&one);
}

static void field(struct buf *o, const struct edit_form *f, enum ef_field i,
		  const struct ind_catalogue *cat, const struct ind_def *d)
{
	const char *name = ef[i].name;
	const char *group = ef[i].max ? "fr-input-group" : "fr-select-group";
	buf_adds(o, "<div class=\"fr-fieldset__element\"><div class=\"");
	buf_adds(o, group);
	if (f->msg[i])
		buf_addf(o, " %s--error", group);
	buf_adds(o, "\"><label class=\"fr-label\"");
	html_attrf(o, "for", "f-%s", name);
	buf_adds(o, ">");
	html_esc(o, ef[i].label);
	if (ef[i].hint) {
		buf_adds(o, "<span class=\"fr-hint-text\">");
		html_esc(o, ef[i].hint);
		buf_adds(o, "</span>");
	}
	buf_adds(o, "</label>");
	if (ef[i].max) {
		buf_adds(o, ef[i].multiline ? "<textarea rows=\"3\"" : "<input type=\"text\"");
		buf_adds(o,
			 f->msg[i] ? " class=\"fr-input fr-input--error\"" : " class=\"fr-input\"");
		if (i == EF_MIN || i == EF_MAX)
			buf_adds(o, " inputmode=\"decimal\"");
		if (i == EF_LABEL || i == EF_UNIT)
			buf_adds(o, " required");
	} else {
		buf_adds(o, f->msg[i] ? "<select class=\"fr-select fr-select--error\""
				      : "<select class=\"fr-select\"");
	}
	html_attrf(o, "id", "f-%s", name);
	html_attr(o, "name", name);
	if (f->msg[i])
		html_attrf(o, "aria-describedby", "f-%s-erreur", name);
	if (ef[i].max)
		buf_addf(o, " maxlength=\"%zu\"", ef[i].max);
	if (ef[i].max && !ef[i].multiline) {
		html_attr(o, "value", f->value[i]);
		buf_adds(o, ">");
	} else if (ef[i].max) {
		buf_adds(o, ">");
		html_esc(o, f->value[i]);
		buf_adds(o, "</textarea>");
	} else {
		buf_adds(o, ">");
		if (i == EF_BETTER) {
			for (int b = 0; b < IND_BETTER_N; b++) {
				const char *code = ind_better_code((enum ind_better)b);
				buf_adds(o, "<option");
				html_attr(o, "value", code);
				if (strcmp(code, f->value[i]) == 0)
					buf_adds(o, " selected");
				buf_adds(o, ">");
				html_esc(o, ind_better_label((enum ind_better)b));
				buf_adds(o, "</option>");
			}
		} else {
			buf_adds(o, "<option value=\"\">Aucune</option>");
			for (size_t k = 0; k < cat->n; k++) {
				const struct ind_def *x = &cat->items[k];
				if (strcmp(x->code, d->code) == 0)
					continue;
				buf_adds(o, "<option");
				html_attr(o, "value", x->code);
				if (strcmp(x->code, f->value[i]) == 0)
					buf_adds(o, " selected");
				buf_adds(o, ">");
				html_esc(o, x->label);
				buf_adds(o, "</option>");
			}
		}
		buf_adds(o, "</select>");
	}
	if (f->msg[i]) {
		buf_adds(o, "<p class=\"fr-error-text\"");
		html_attrf(o, "id", "f-%s-erreur", name);
		buf_adds(o, ">");
		html_esc(o, f->msg[i]);
		buf_adds(o, "</p>");
	}
	buf_adds(o, "</div></div>\n");
}

static void edit_page(struct web_req *rq, struct web_resp *rs, const struct ind_catalogue *cat,
		      const struct ind_def *d, const struct edit_form *f)
{
	struct buf *o = &rs->body, back = BUF_INIT, url = BUF_INIT;
	buf_reset(o);
	web_ind_def_url(&back, d->code, NULL, 0);
	web_ind_def_url(&url, d->code, "/modifier", 0);
	web_page_begin(rq, rs, "Modifier un indicateur");
	const char *crumbs[] = { "Tableau de bord", "/",      "Indicateurs", "/indicateurs",
				 d->label,	    back.ptr, "Modifier" };
	web_breadcrumb(o, crumbs, 7);
	buf_adds(o, "<h1>Modifier l'indicateur ");
	html_esc(o, d->code);
	buf_adds(o, "</h1>\n");
	if (f->nerrors) {
		buf_adds(o, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><h2 "
			    "class=\"fr-alert__title\">La définition n'a pas été "
			    "enregistrée</h2><ul>");
		for (int i = 0; i < EF_N; i++) {
			if (!f->msg[i])
				continue;
			buf_adds(o, "<li><a");
			html_attrf(o, "href", "#f-%s", ef[i].name);
			buf_adds(o, ">");
			html_escf(o, "%s : %s", ef[i].label, f->msg[i]);
			buf_adds(o, "</a></li>");
		}
		if (f->global.len) {
			buf_adds(o, "<li>");
			html_esc(o, f->global.ptr);
			buf_adds(o, "</li>");
		}
		buf_adds(o, "</ul></div>\n");
	}
	buf_adds(o, "<p>");
	html_escf(o, "Thème : %s. Nature : %s. Consolidation : %s.", theme_label(d->theme),
		  ind_kind_label(d->kind), ind_rule_label(d->rule));
	buf_adds(o, " Le code, le thème, la nature, la consolidation et le calcul se "
		    "changent "
		    "par l'import du catalogue (numeco indicator import).</p>\n<form "
		    "method=\"post\"");
	html_attr(o, "action", url.ptr);
	buf_adds(o, ">");
	web_csrf_field(rq, o);
	buf_adds(o, "<fieldset class=\"fr-fieldset\"><legend class=\"fr-fieldset__legend\">"
		    "Définition</legend>\n");
	for (int i = 0; i < EF_N; i++)
		field(o, f, (enum ef_field)i, cat, d);
	buf_adds(o, "</fieldset>\n<ul class=\"fr-btns-group "
		    "fr-btns-group--inline-md\"><li><button "
		    "class=\"fr-btn\" type=\"submit\">Enregistrer</button></li><li><a "
		    "class=\"fr-btn fr-btn--secondary\"");
	html_attr(o, "href", back.ptr);
	buf_adds(o, ">Annuler</a></li></ul>\n</form>\n");
	web_page_end(rq, rs);
	buf_free(&back);
	buf_free(&url);
}

/* The catalogue and the definition of the path's code; 1, or 0 after a
 * 403/404 page, -1 on error. */
static int edit_load(struct web_req *rq, struct web_resp *rs, struct ind_catalogue *cat, long *i,
		     struct err *err)
{
	memset(cat, 0, sizeof(*cat));
	if (!perm_admin(&rq->actor)) {
		struct buf back = BUF_INIT;
		web_ind_def_url(&back, rq->params[0], NULL, 0);
		web_refusal_page(rq, rs, 403,
				 "Modifier le catalogue des indicateurs est réservé à l'équipe "
				 "centrale (rôle admin).",
				 back.ptr, "Retour à l'indicateur");
		buf_free(&back);
		return 0;
	}
	if (store_ind_catalogue_load(rq->store, cat, err))
		return -1;
	*i = ind_catalogue_find(cat, rq->params[0]);
	if (*i < 0) {
		web_refusal_page(rq, rs, 404, "Aucun indicateur du catalogue n'a ce code.",
				 "/indicateurs", "Retour aux indicateurs");
		return 0;
	}
	return 1;
}

static int get_edit(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct ind_catalogue cat;
	struct edit_form f = { 0 };
	long i;
	buf_init(&f.global);
	int rc = edit_load(rq, rs, &cat, &i, err);
	if (rc > 0) {
		from_def(&f, &cat.items[i]);
		edit_page(rq, rs, &cat, &cat.items[i], &f);
	}
	edit_form_free(&f);
	ind_catalogue_free(&cat);
	return rc < 0 ? -1 : 0;
}

static int post_edit(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct ind_catalogue cat;
	struct edit_form f = { 0 };
	struct ind_def d;
	struct buf why = BUF_INIT;
	long i;
	memset(&d, 0, sizeof(d));
	buf_init(&f.global);
	int rc = edit_load(rq, rs, &cat, &i, err);
	if (rc <= 0)
		goto out;
	ind_def_copy(&d, &cat.items[i]);
	read_form(rq, &cat, &f, &d);
	/* Every problem at once: the checks of the whole definition too (a
	 * field that did not parse keeps its stored value there). */
	if (ind_def_check(&d, &why))
		spread(&f, why.ptr);
	if (!f.nerrors) {
		buf_reset(&why);
		int r = store_begin(rq->store, err)
				? -1
				: ind_def_edit(rq->store, &rq->actor, &d, &why, err);
		if (r == 0 && store_commit(rq->store, err) == 0) {
			struct buf loc = BUF_INIT;
			web_ind_def_url(&loc, d.code, NULL, 0);
			buf_adds(&loc, "?ok=indicateur");
			web_redirect(rs, loc.ptr);
			buf_free(&loc);
			goto out;
		}
		store_rollback(rq->store);
		if (!why.len) {
			rc = -1;
			goto out;
		}
		spread(&f, why.ptr);
	}
	rs->status = 400;
	edit_page(rq, rs, &cat, &cat.items[i], &f);
out:
	buf_free(&why);
	if (d.code)
		ind_def_free(&d);
	edit_form_free(&f);
	ind_catalogue_free(&cat);
	return rc < 0 ? -1 : 0;
}

const struct web_route web_routes_ind_edit[] = {
	{ "GET", "/indicateurs/indicateur/{code}/modifier", get_edit, 0 },
	{ "POST", "/indicateurs/indicateur/{code}/modifier", post_edit, 0 },
	{ NULL, NULL, NULL, 0 },
};
