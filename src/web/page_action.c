/* page_action.c: one action of a roadmap: its page (fields, avoided-impact
 * estimate, history, review comments) and its edit form, saved with the
 * version it was loaded with (a stale version gets a 409 page showing both). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "footprint/fp_avoided.h"
#include "core/xalloc.h"
#include "io/parse.h"
#include "plan/audit.h"
#include "plan/roadmap_import.h"
#include "report/fmt.h"
#include "report/html.h"
#include "store/store_fp.h"
#include "store/store_web.h"
#include "web/web_action_form.h"
#include "web/web_layout.h"
#include "web/web_route.h"

#define MAX_HISTORY 25 /* newest entries shown; `numeco log` has them all */

/* The action of the request and what surrounds it. */
struct target {
	const char *code, *period, *ref; /* from the path */
	struct org org;			 /* the roadmap's organisation */
	struct roadmap rm;
	struct action act;	  /* as stored */
	int64_t dir_id;		  /* its direction's organisation id, 0 for none */
	struct org_list children; /* directions it may be given to */
	struct rm_direction *dirs;
};

static void target_free(struct target *t)
{
	org_free(&t->org);
	roadmap_free(&t->rm);
	if (t->act.ref)
		action_free(&t->act);
	org_list_free(&t->children);
	free(t->dirs);
	memset(t, 0, sizeof(*t));
}

/* The organisation id of a direction code among the children, 0 when none. */
static int64_t dir_org_id(const struct target *t, const char *code)
{
	for (size_t i = 0; code && *code && i < t->children.n; i++)
		if (strcmp(t->children.items[i].code, code) == 0)
			return t->children.items[i].id;
	return 0;
}

static const char *dir_name(const struct target *t, const char *code)
{
	for (size_t i = 0; i < t->children.n; i++)
		if (strcmp(t->children.items[i].code, code) == 0)
			return t->children.items[i].name;
	return NULL;
}

/* Loads the target of the path; 1 found, 0 when a 404 (403) page was written,
 * -1 on error. */
static int target_load(struct web_req *rq, struct web_resp *rs, struct target *t, struct err *err)
{
	memset(t, 0, sizeof(*t));
	t->code = rq->params[0];
	t->period = rq->params[1];
	t->ref = rq->params[2];
	int found = store_org_get(rq->store, t->code, &t->org, err);
	if (found > 0)
		found = store_roadmap_get(rq->store, t->org.id, t->period, &t->rm, err);
	if (found > 0)
		found = store_action_get(rq->store, t->rm.id, t->ref, &t->act, err);
	if (found < 0)
		return -1;
	if (found == 0) {
		web_error_page(rq, rs, 404,
			       "Action introuvable : vérifiez l'organisation, la "
			       "période et la référence.");
		return 0;
	}
	if (!web_may_read(rq, t->org.ministry_id)) {
		web_error_page(rq, rs, 403, "Vous ne pouvez pas consulter cette action.");
		return 0;
	}
	if (rm_directions(rq->store, t->org.id, &t->children, &t->dirs, err))
		return -1;
	t->dir_id = dir_org_id(t, t->act.direction);
	if (*t->act.direction && !t->dir_id) {
		/* A direction outside the tree (moved since): look it up. */
		struct org d;
		found = store_org_get(rq->store, t->act.direction, &d, err);
		if (found < 0)
			return -1;
		t->dir_id = found ? d.id : 0;
		if (found)
			org_free(&d);
	}
	return 1;
}

/* /ministeres/CODE/PERIOD/actions/REF + suffix. */
static void action_url(struct buf *u, const struct target *t, const char *suffix)
{
	buf_adds(u, "/ministeres/");
	web_url_part(u, t->code);
	buf_adds(u, "/");
	web_url_part(u, t->period);
	buf_adds(u, "/actions/");
	web_url_part(u, t->ref);
	buf_adds(u, suffix);
}

static void breadcrumb(struct buf *o, const struct target *t, const char *last_label,
		       int with_action)
{
	struct buf m = BUF_INIT, a = BUF_INIT, l = BUF_INIT;
	buf_adds(&m, "/ministeres/");
	web_url_part(&m, t->code);
	buf_adds(&m, "?periode=");
	web_url_part(&m, t->period);
	action_url(&a, t, "");
	buf_addf(&l, "Action %s", t->ref);
	/* On the action page, the action is the current page (the list ends
	 * with its label); below it, it links to the action page. */
	const char *items[] = {
		"Tableau de bord", "/", t->org.name, m.ptr, l.ptr, a.ptr, last_label
	};
	web_breadcrumb(o, items, with_action ? 7 : 5);
	buf_free(&m);
	buf_free(&a);
	buf_free(&l);
}

/* ---- the action page ---- */

/* Starts a row of a two-column table, closing the previous one unless it
 * is the first (*open tells). */
static void field_row(struct buf *o, int *open, const char *label)
{
	if (*open)
		buf_adds(o, "</td></tr>\n");
	*open = 1;
	buf_adds(o, "<tr><th scope=\"row\">");
	html_esc(o, label);
	buf_adds(o, "</th><td>");
}

static void fields_table(struct buf *o, const struct target *t)
{
	const struct action *a = &t->act;
	struct buf v = BUF_INIT;
	int open = 0;
	buf_adds(o, "<div class=\"fr-table\"><table>\n<caption>");
	html_escf(o, "Champs de l'action (version %lld)", (long long)a->version);
	buf_adds(o, "</caption>\n<tbody>\n");
	field_row(o, &open, "Référence");
	html_esc(o, a->ref);
	field_row(o, &open, "Titre");
	html_esc(o, a->title);
	field_row(o, &open, "Description");
	action_html_lines(o, a->description);
	field_row(o, &open, "Thème");
	html_esc(o, theme_label(a->theme));
	field_row(o, &open, "Niveau d'engagement visé");
	html_esc(o, level_label(a->level));
	field_row(o, &open, "Statut");
	action_html_status(o, a->status);
	field_row(o, &open, "Action clé");
	html_esc(o, a->key ? "oui" : "non");
	field_row(o, &open, "Direction pilote");
	if (*a->direction) {
		const char *name = dir_name(t, a->direction);
		if (name)
			html_escf(o, "%s (%s)", name, a->direction);
		else
			html_esc(o, a->direction);
	} else {
		buf_adds(o, "—");
	}
	field_row(o, &open, "Date de début");
	action_html_date(o, a->start_date);
	field_row(o, &open, "Échéance");
	action_html_date(o, a->due_date);
	field_row(o, &open, "Budget (€)");
	if (a->has_budget)
		fmt_euros(&v, a->budget_cents);
	html_esc(o, a->has_budget ? v.ptr : "—");
	field_row(o, &open, "Indicateur");
	html_esc(o, *a->indicator ? a->indicator : "—");
	field_row(o, &open, "Impact évité estimé");
	buf_reset(&v);
	if (a->has_impact)
		fmt_number_fr(&v, a->impact_value);
	html_esc(o, a->has_impact ? v.ptr : "—");
	field_row(o, &open, "Unité de l'impact");
	html_esc(o, a->has_impact ? iunit_code(a->impact_unit) : "—");
	field_row(o, &open, "Méthode d'estimation");
	action_html_lines(o, a->impact_method);
	field_row(o, &open, "Commentaire");
	action_html_lines(o, a->comment);
	buf_adds(o, "</td></tr>\n</tbody></table></div>\n");
	buf_free(&v);
}

/* May the reader see the values of the referential an estimate used? */
static int may_see_referential(struct web_req *rq, const struct action_estimate *e, struct err *err)
{
	struct ref_meta_list l;
	int ok = 1;
	if (store_ref_list(rq->store, &l, err))
		return -1;
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.items[i].name, e->referential_name) == 0 &&
		    strcmp(l.items[i].version, e->referential_version) == 0)
			ok = perm_use_referential(&rq->actor, l.items[i].restricted,
						  l.items[i].owner_org_id);
	ref_meta_list_free(&l);
	return ok;
}

/* The estimate; *hidden is set when its referential's values are not for
 * the reader (the history then hides the estimate's entries too). */
static int estimate_section(struct web_req *rq, struct buf *o, const struct target *t, int *hidden,
			    struct err *err)
{
	struct action_estimate e;
	*hidden = 0;
	int found = store_estimate_get(rq->store, t->act.id, &e, err);
	if (found <= 0)
		return found;
	int see = may_see_referential(rq, &e, err);
	if (see < 0) {
		action_estimate_free(&e);
		return -1;
	}
	*hidden = !see;
	const struct fp_av_method *m = fp_av_method_find(e.method);
	struct buf v = BUF_INIT;
	int open = 0;
	buf_adds(o, "<h2 id=\"estimation\">Estimation de l'impact évité</h2>\n<div "
		    "class=\"fr-table\"><table>\n<caption>Calcul de numeco</caption>\n<tbody>\n");
	field_row(o, &open, "Méthode");
	if (m)
		html_escf(o, "%s (%s)", m->label, e.method);
	else
		html_esc(o, e.method);
	field_row(o, &open, "Référentiel");
	html_escf(o, "%s, version %s", e.referential_name, e.referential_version);
	if (see) {
		field_row(o, &open, "Paramètres");
		html_esc(o, *e.params ? e.params : "—");
		field_row(o, &open, "Résultat");
		fmt_dec(&v, e.ghg_kg / 1000.0, 3);
		buf_adds(&v, FMT_NBSP "tCO2e");
		buf_adds(&v, e.one_time ? " (une fois)" : " par an");
		html_esc(o, v.ptr);
	}
	field_row(o, &open, "Calculée le");
	action_html_time(o, e.computed_at);
	buf_adds(o, "</td></tr>\n</tbody></table></div>\n");
	if (see && *e.trace) {
		buf_adds(o, "<h3>Trace du calcul</h3>\n<pre class=\"nc-trace\">");
		html_esc(o, e.trace);
		buf_adds(o, "</pre>\n");
	} else if (!see) {
		buf_adds(o, "<p>Ce calcul utilise un référentiel sous licence : ses paramètres, "
			    "son résultat et sa trace sont réservés au ministère qui le détient "
			    "et à l'équipe centrale.</p>\n");
	}
	buf_free(&v);
	action_estimate_free(&e);
	return 0;
}

static int reviews_section(struct web_req *rq, struct buf *o, const struct target *t,
			   struct err *err)
{
	struct review_list l;
	size_t shown = 0;
	if (store_review_list(rq->store, t->rm.id, &l, err))
		return -1;
	buf_adds(o, "<h2 id=\"revue\">Commentaires de l'équipe centrale</h2>\n");
	for (size_t i = 0; i < l.n; i++) {
		const struct review *r = &l.items[i];
		if (strcmp(r->action_ref, t->act.ref) != 0)
			continue;
		if (!shown++)
			buf_adds(o, "<ul class=\"nc-reviews\">\n");
		buf_adds(o, "<li><p><strong>");
		html_escf(o, "%s n° %lld", rkind_label(r->kind), (long long)r->id);
		buf_adds(o, "</strong> — ");
		html_esc(o, r->author);
		buf_adds(o, ", ");
		char day[11];
		snprintf(day, sizeof(day), "%.10s", r->created_at);
		action_html_date(o, day);
		if (r->kind == RKIND_RECOMMANDATION)
			buf_adds(o, r->addressed ? " — <span class=\"fr-badge fr-badge--sm "
						   "fr-badge--success\">Traitée</span>"
						 : " — <span class=\"fr-badge fr-badge--sm "
						   "fr-badge--warning\">À traiter</span>");
		buf_adds(o, "</p><p>");
		action_html_lines(o, r->text);
		buf_adds(o, "</p></li>\n");
	}
	if (shown)
		buf_adds(o, "</ul>\n");
	else
		buf_adds(o, "<p>Aucun commentaire sur cette action.</p>\n");
	review_list_free(&l);
	return 0;
}

static const char *op_label(const struct audit_entry *e)
{
	static const char *const labels[][3] = {
		{ "action", "create", "Création de l'action" },
		{ "action", "update", "Modification de l'action" },
		{ "action", "delete", "Suppression de l'action" },
		{ "estimate", "create", "Estimation de l'impact évité" },
		{ "estimate", "update", "Nouvelle estimation de l'impact évité" },
		{ "review", "create", "Entrée de revue ajoutée" },
		{ "review", "update", "Entrée de revue mise à jour" },
	};
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i][0], e->entity) == 0 && strcmp(labels[i][1], e->op) == 0)
			return labels[i][2];
	return NULL;
}

static int history_section(struct web_req *rq, struct buf *o, const struct target *t,
			   int hide_estimates, struct err *err)
{
	struct audit_list l;
	struct buf key = BUF_INIT, diff = BUF_INIT;
	buf_addf(&key, "%s/%s/%s", t->code, t->period, t->act.ref);
	int rc = store_audit_of_action(rq->store, key.ptr, MAX_HISTORY, &l, err);
	buf_free(&key);
	if (rc)
		return -1;
	buf_adds(o, "<h2 id=\"historique\">Historique</h2>\n");
	if (!l.n)
		buf_adds(o, "<p>Aucune modification enregistrée.</p>\n");
	else
		buf_adds(o, "<ol class=\"nc-history\">\n");
	for (size_t i = 0; i < l.n; i++) {
		const struct audit_entry *e = &l.items[i];
		const char *label = op_label(e);
		buf_adds(o, "<li><p><strong>");
		action_html_time(o, e->at);
		buf_adds(o, "</strong> — ");
		if (label)
			html_esc(o, label);
		else
			html_escf(o, "%s %s", e->entity, e->op);
		buf_adds(o, " — ");
		html_esc(o, e->actor);
		buf_adds(o, "</p>");
		buf_reset(&diff);
		if (!hide_estimates || strcmp(e->entity, "estimate") != 0)
			audit_diff(e->before, e->after, "", &diff);
		if (diff.len) {
			buf_adds(o, "<ul>");
			for (char *p = diff.ptr; *p;) {
				char *nl = strchr(p, '\n');
				size_t n = nl ? (size_t)(nl - p) : strlen(p);
				buf_adds(o, "<li>");
				html_esc_n(o, p, n);
				buf_adds(o, "</li>");
				p = nl ? nl + 1 : p + n;
			}
			buf_adds(o, "</ul>");
		}
		buf_adds(o, "</li>\n");
	}
	if (l.n)
		buf_adds(o, "</ol>\n");
	if (l.n == MAX_HISTORY) {
		buf_adds(o, "<p>");
		html_escf(o,
			  "Les %d dernières entrées sont affichées ; numeco log les montre "
			  "toutes.",
			  MAX_HISTORY);
		buf_adds(o, "</p>\n");
	}
	buf_free(&diff);
	audit_list_free(&l);
	return 0;
}

static int may_edit(const struct web_req *rq, const struct target *t)
{
	return perm_edit_action(&rq->actor, t->org.ministry_id, t->dir_id);
}

static int get_action(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct target t;
	struct buf *o = &rs->body, title = BUF_INIT, u = BUF_INIT;
	int found = target_load(rq, rs, &t, err);
	if (found <= 0) {
		target_free(&t);
		return found;
	}
	buf_addf(&title, "Action %s", t.act.ref);
	web_page_begin(rq, rs, title.ptr);
	breadcrumb(o, &t, NULL, 0);
	buf_adds(o, "<h1>");
	html_escf(o, "Action %s : %s", t.act.ref, t.act.title);
	buf_adds(o, "</h1>\n");
	web_flash(rq, o);
	buf_adds(o, "<p>");
	html_escf(o, "%s, feuille de route %s — état de la revue : ", t.org.name, t.period);
	action_html_rstate(o, t.rm.state);
	buf_adds(o, "</p>\n");
	if (may_edit(rq, &t)) {
		if (t.rm.state == RSTATE_VALIDEE) {
			buf_adds(o,
				 "<div class=\"fr-callout fr-mb-3w\"><p class=\"fr-callout__text\">"
				 "La feuille de route est validée : ses actions ne peuvent plus "
				 "être modifiées tant qu'elle n'est pas repassée en "
				 "brouillon.</p></div>\n");
		} else {
			action_url(&u, &t, "/modifier");
			buf_adds(o, "<p><a class=\"fr-btn fr-mb-3w\"");
			html_attr(o, "href", u.ptr);
			buf_adds(o, ">Modifier</a></p>\n");
		}
	}
	fields_table(o, &t);
	int rc = 0, hidden = 0;
	if (estimate_section(rq, o, &t, &hidden, err) || reviews_section(rq, o, &t, err) ||
	    history_section(rq, o, &t, hidden, err))
		rc = -1;
	web_page_end(rq, rs);
	buf_free(&title);
	buf_free(&u);
	target_free(&t);
	return rc;
}

/* ---- the edit form ---- */

static void error_text(struct buf *o, const struct action_form *f, enum af_field i)
{
	if (!f->msg[i])
		return;
	buf_adds(o, "<p class=\"fr-error-text\"");
	html_attrf(o, "id", "%s-erreur", action_form_name(i));
	buf_adds(o, ">");
	html_esc(o, f->msg[i]);
	buf_adds(o, "</p>");
}

/* id, name, aria attributes of a field (and its error class, given the
 * DSFR element prefix: "fr-input", "fr-select"). */
static void field_attrs(struct buf *o, const struct action_form *f, enum af_field i,
			const char *cls)
{
	buf_adds(o, " class=\"");
	buf_adds(o, cls);
	if (f->msg[i]) {
		buf_adds(o, " ");
		buf_adds(o, cls);
		buf_adds(o, "--error");
	}
	buf_adds(o, "\"");
	html_attr(o, "id", action_form_name(i));
	html_attr(o, "name", action_form_name(i));
	if (f->msg[i]) {
		buf_adds(o, " aria-invalid=\"true\"");
		html_attrf(o, "aria-describedby", "%s-erreur", action_form_name(i));
	}
}

static void group_open(struct buf *o, const struct action_form *f, enum af_field i,
		       const char *group, const char *hint)
{
	buf_adds(o, "<div class=\"");
	buf_adds(o, group);
	if (f->msg[i]) {
		buf_adds(o, " ");
		buf_adds(o, group);
		buf_adds(o, "--error");
	}
	buf_adds(o, "\"><label class=\"fr-label\"");
	html_attr(o, "for", action_form_name(i));
	buf_adds(o, ">");
	html_esc(o, action_form_label(i));
	if (hint) {
		buf_adds(o, "<span class=\"fr-hint-text\">");
		html_esc(o, hint);
		buf_adds(o, "</span>");
	}
	buf_adds(o, "</label>");
}

static void text_field(struct buf *o, const struct action_form *f, enum af_field i,
		       const char *type, const char *hint)
{
	group_open(o, f, i, "fr-input-group", hint);
	if (action_form_multiline(i)) {
		buf_adds(o, "<textarea rows=\"4\"");
		field_attrs(o, f, i, "fr-input");
		buf_adds(o, ">");
		html_esc(o, f->value[i]);
		buf_adds(o, "</textarea>");
	} else {
		buf_adds(o, "<input");
		html_attr(o, "type", type);
		field_attrs(o, f, i, "fr-input");
		html_attr(o, "value", f->value[i]);
		if (strcmp(type, "text") == 0 && !action_form_max(i))
			buf_adds(o, " inputmode=\"decimal\"");
		if (i == AF_TITLE)
			buf_adds(o, " required");
		buf_adds(o, ">");
	}
	error_text(o, f, i);
	buf_adds(o, "</div>\n");
}

/* A select of codes; the current value is chosen by its code (the form
 * holds codes, a stored label would not match). */
static void select_field(struct buf *o, const struct action_form *f, enum af_field i,
			 const char *const *codes, const char *const *labels, size_t n,
			 const char *none)
{
	group_open(o, f, i, "fr-select-group", NULL);
	buf_adds(o, "<select");
	field_attrs(o, f, i, "fr-select");
	buf_adds(o, ">");
	if (none) {
		buf_adds(o, "<option value=\"\"");
		if (!*f->value[i])
			buf_adds(o, " selected");
		buf_adds(o, ">");
		html_esc(o, none);
		buf_adds(o, "</option>");
	}
	for (size_t k = 0; k < n; k++) {
		buf_adds(o, "<option");
		html_attr(o, "value", codes[k]);
		if (strcmp(codes[k], f->value[i]) == 0)
			buf_adds(o, " selected");
		buf_adds(o, ">");
		html_esc(o, labels[k]);
		buf_adds(o, "</option>");
	}
	buf_adds(o, "</select>");
	error_text(o, f, i);
	buf_adds(o, "</div>\n");
}

static void enum_selects(struct buf *o, const struct action_form *f)
{
	const char *codes[8], *labels[8];
	for (int k = 0; k < THEME_COUNT; k++) {
		codes[k] = theme_code((enum theme)k);
		labels[k] = theme_label((enum theme)k);
	}
	select_field(o, f, AF_THEME, codes, labels, THEME_COUNT, NULL);
	for (int k = 0; k < LEVEL_COUNT; k++) {
		codes[k] = level_code((enum level)k);
		labels[k] = level_label((enum level)k);
	}
	select_field(o, f, AF_LEVEL, codes, labels, LEVEL_COUNT, NULL);
	for (int k = 0; k < STATUS_COUNT; k++) {
		codes[k] = status_code((enum status)k);
		labels[k] = status_label((enum status)k);
	}
	select_field(o, f, AF_STATUS, codes, labels, STATUS_COUNT, NULL);
}

static void key_field(struct buf *o, const struct action_form *f)
{
	int on = 0;
	struct err e = ERR_INIT;
	if (*f->value[AF_KEY] && parse_bool(f->value[AF_KEY], &on, &e))
		on = 0;
	err_free(&e);
	buf_adds(o, "<div class=\"fr-checkbox-group fr-mb-3w");
	if (f->msg[AF_KEY])
		buf_adds(o, " fr-checkbox-group--error");
	buf_adds(o, "\"><input type=\"checkbox\" value=\"oui\"");
	html_attr(o, "id", action_form_name(AF_KEY));
	html_attr(o, "name", action_form_name(AF_KEY));
	if (f->msg[AF_KEY])
		html_attrf(o, "aria-describedby", "%s-erreur", action_form_name(AF_KEY));
	if (on)
		buf_adds(o, " checked");
	buf_adds(o, "><label class=\"fr-label\"");
	html_attr(o, "for", action_form_name(AF_KEY));
	buf_adds(o, ">");
	html_esc(o, action_form_label(AF_KEY));
	buf_adds(o, "</label>");
	error_text(o, f, AF_KEY);
	buf_adds(o, "</div>\n");
}

static void direction_field(struct buf *o, const struct action_form *f, const struct target *t)
{
	size_t n = t->children.n;
	const char **codes = xcalloc(n + 1, sizeof(*codes));
	char **labels = xcalloc(n + 1, sizeof(*labels));
	for (size_t k = 0; k < n; k++) {
		struct buf l = BUF_INIT;
		buf_addf(&l, "%s (%s)", t->children.items[k].name, t->children.items[k].code);
		codes[k] = t->children.items[k].code;
		labels[k] = buf_detach(&l);
	}
	select_field(o, f, AF_DIRECTION, codes, (const char *const *)labels, n, "(aucune)");
	for (size_t k = 0; k < n; k++)
		free(labels[k]);
	free(codes);
	free(labels);
}

static void unit_field(struct buf *o, const struct action_form *f)
{
	const char *codes[IUNIT_COUNT];
	for (int k = 0; k < IUNIT_COUNT; k++)
		codes[k] = iunit_code((enum iunit)k);
	select_field(o, f, AF_UNIT, codes, codes, IUNIT_COUNT, "(aucune)");
}

/* The list of faulty fields at the top, each linking to its field. */
static void error_summary(struct buf *o, const struct action_form *f)
{
	if (!f->nerrors)
		return;
	buf_adds(o, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><h2 "
		    "class=\"fr-alert__title\">");
	html_escf(o, "Le formulaire contient %zu erreur%s : rien n'a été enregistré.", f->nerrors,
		  f->nerrors > 1 ? "s" : "");
	buf_adds(o, "</h2><ul>");
	for (int i = 0; i < AF_COUNT; i++) {
		if (!f->msg[i])
			continue;
		buf_adds(o, "<li><a");
		html_attrf(o, "href", "#%s", action_form_name((enum af_field)i));
		buf_adds(o, ">");
		html_escf(o, "%s : %s", action_form_label((enum af_field)i), f->msg[i]);
		buf_adds(o, "</a></li>");
	}
	buf_adds(o, "</ul></div>\n");
}

/* The form, filled with f, carrying version (the one to save over). */
static void edit_form(struct web_req *rq, struct buf *o, const struct target *t,
		      const struct action_form *f, int64_t version)
{
	struct buf u = BUF_INIT;
	action_url(&u, t, "/modifier");
	buf_adds(o, "<form method=\"post\" novalidate");
	html_attr(o, "action", u.ptr);
	buf_adds(o, ">\n");
	web_csrf_field(rq, o);
	buf_addf(o, "<input type=\"hidden\" name=\"version\" value=\"%lld\">\n",
		 (long long)version);
	text_field(o, f, AF_TITLE, "text", "Obligatoire, au plus 300 caractères.");
	text_field(o, f, AF_DESCRIPTION, "text", NULL);
	enum_selects(o, f);
	key_field(o, f);
	direction_field(o, f, t);
	text_field(o, f, AF_START, "date", "Par exemple 31/12/2024.");
	text_field(o, f, AF_DUE, "date", "Par exemple 31/12/2024.");
	text_field(o, f, AF_BUDGET, "text", "En euros, par exemple 12 000 ou 1 234,50.");
	text_field(o, f, AF_INDICATOR, "text", NULL);
	text_field(o, f, AF_IMPACT, "text",
		   "Nombre positif, par exemple 120,5 ; l'unité est alors obligatoire.");
	unit_field(o, f);
	text_field(o, f, AF_METHOD, "text", NULL);
	text_field(o, f, AF_COMMENT, "text", NULL);
	buf_reset(&u);
	action_url(&u, t, "");
	buf_adds(o,
		 "<ul class=\"fr-btns-group fr-btns-group--inline-md\"><li><button "
		 "class=\"fr-btn\" type=\"submit\">Enregistrer</button></li><li><a class=\"fr-btn "
		 "fr-btn--secondary\"");
	html_attr(o, "href", u.ptr);
	buf_adds(o, ">Annuler</a></li></ul>\n</form>\n");
	buf_free(&u);
}

static void form_page(struct web_req *rq, struct web_resp *rs, const struct target *t,
		      const struct action_form *f, int status)
{
	struct buf *o = &rs->body, title = BUF_INIT;
	buf_reset(o);
	rs->status = status;
	buf_addf(&title, "Modifier l'action %s", t->act.ref);
	web_page_begin(rq, rs, title.ptr);
	breadcrumb(o, t, "Modifier", 1);
	buf_adds(o, "<h1>");
	html_escf(o, "Modifier l'action %s", t->act.ref);
	buf_adds(o, "</h1>\n");
	error_summary(o, f);
	edit_form(rq, o, t, f, f->version_ok ? f->version : t->act.version);
	web_page_end(rq, rs);
	buf_free(&title);
}

/* 1 when the actor may edit; else writes the 403 or 409 page and returns 0. */
static int edit_allowed(struct web_req *rq, struct web_resp *rs, const struct target *t)
{
	if (!may_edit(rq, t)) {
		web_error_page(rq, rs, 403, "Vous n'avez pas le droit de modifier cette action.");
		return 0;
	}
	if (t->rm.state == RSTATE_VALIDEE) {
		struct buf m = BUF_INIT;
		buf_addf(&m,
			 "La feuille de route %s %s est validée : repassez-la en brouillon "
			 "avant de modifier ses actions.",
			 t->code, t->period);
		web_error_page(rq, rs, 409, m.ptr);
		buf_free(&m);
		return 0;
	}
	return 1;
}

static int get_edit(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct target t;
	struct action_form f;
	int found = target_load(rq, rs, &t, err);
	if (found > 0 && edit_allowed(rq, rs, &t)) {
		action_form_from_action(&f, &t.act);
		form_page(rq, rs, &t, &f, 200);
		action_form_free(&f);
	}
	target_free(&t);
	return found < 0 ? -1 : 0;
}

/* A form value as the pages show it: labels for codes, French dates. */
static void show_value(struct buf *o, enum af_field i, const char *v)
{
	enum theme th;
	enum level le;
	enum status st;
	int yes;
	struct err e = ERR_INIT;
	if (i == AF_THEME && !theme_parse(v, &th))
		html_esc(o, theme_label(th));
	else if (i == AF_LEVEL && !level_parse(v, &le))
		html_esc(o, level_label(le));
	else if (i == AF_STATUS && !status_parse(v, &st))
		html_esc(o, status_label(st));
	else if (i == AF_KEY)
		html_esc(o, *v && !parse_bool(v, &yes, &e) && yes ? "oui" : "non");
	else if ((i == AF_START || i == AF_DUE) && strlen(v) == 10 && v[4] == '-')
		action_html_date(o, v);
	else
		action_html_lines(o, v);
	err_free(&e);
}

/* 409: both versions side by side, then the form with the submitted
 * values over the stored version (sending it again is a deliberate choice). */
static void conflict_page(struct web_req *rq, struct web_resp *rs, const struct target *t,
			  const struct action *stored, const struct action_form *mine)
{
	struct action_form theirs;
	struct buf *o = &rs->body, u = BUF_INIT;
	action_form_from_action(&theirs, stored);
	buf_reset(o);
	rs->status = 409;
	web_page_begin(rq, rs, "Conflit de modification");
	breadcrumb(o, t, "Conflit de modification", 1);
	buf_adds(o, "<h1>Conflit de modification</h1>\n<div class=\"fr-alert fr-alert--error "
		    "fr-mb-3w\" role=\"alert\"><p>Cette action a été modifiée par quelqu'un "
		    "d'autre depuis que vous l'avez ouverte : vos modifications n'ont pas été "
		    "enregistrées. Comparez les deux versions ci-dessous. Pour garder vos "
		    "valeurs, vérifiez-les dans le formulaire et enregistrez à nouveau ; sinon, "
		    "abandonnez vos modifications.</p></div>\n<div class=\"fr-table\"><table>\n"
		    "<caption>Version enregistrée et vos valeurs</caption>\n<thead><tr><th "
		    "scope=\"col\">Champ</th><th scope=\"col\">");
	html_escf(o, "Version enregistrée (n° %lld)", (long long)stored->version);
	buf_adds(o, "</th><th scope=\"col\">");
	html_escf(o, "Vos valeurs (saisies sur la version n° %lld)", (long long)mine->version);
	buf_adds(o, "</th><th scope=\"col\">Écart</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < AF_COUNT; i++) {
		enum af_field fi = (enum af_field)i;
		buf_adds(o, "<tr><th scope=\"row\">");
		html_esc(o, action_form_label(fi));
		buf_adds(o, "</th><td>");
		show_value(o, fi, theirs.value[i]);
		buf_adds(o, "</td><td>");
		show_value(o, fi, mine->value[i]);
		buf_adds(o, "</td><td>");
		if (strcmp(theirs.value[i], mine->value[i]) != 0)
			buf_adds(o, "<p class=\"fr-badge fr-badge--sm fr-badge--warning\">"
				    "différent</p>");
		buf_adds(o, "</td></tr>\n");
	}
	buf_adds(o, "</tbody></table></div>\n<h2>Vos valeurs</h2>\n");
	edit_form(rq, o, t, mine, stored->version);
	action_url(&u, t, "");
	buf_adds(o, "<p><a class=\"fr-link\"");
	html_attr(o, "href", u.ptr);
	buf_adds(o, ">Abandonner mes modifications et revoir l'action</a></p>\n");
	web_page_end(rq, rs);
	buf_free(&u);
	action_form_free(&theirs);
}

/* Inside a transaction: reloads the action and its roadmap, refuses a
 * stale version or a validated roadmap, updates and audits. Returns 1
 * saved, 2 unchanged, 0 when a refusal page was written, -1 on error. */
static int save(struct web_req *rq, struct web_resp *rs, const struct target *t, struct action *a,
		const struct action_form *f, struct err *err)
{
	struct action cur;
	struct roadmap rm;
	struct buf key = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
	int rc = -1;
	if (store_begin(rq->store, err))
		return -1;
	int found = store_roadmap_get(rq->store, t->org.id, t->period, &rm, err);
	if (found < 0)
		goto out;
	int validated = found && rm.state == RSTATE_VALIDEE;
	roadmap_free(&rm);
	found = found ? store_action_get(rq->store, t->rm.id, t->ref, &cur, err) : 0;
	if (found < 0)
		goto out;
	if (!found || validated) {
		web_error_page(rq, rs, found ? 409 : 404,
			       found ? "La feuille de route vient d'être validée : vos "
				       "modifications n'ont pas été enregistrées."
				     : "Cette action a été supprimée entre-temps : vos "
				       "modifications n'ont pas été enregistrées.");
		rc = 0;
	} else if (cur.version != f->version) {
		conflict_page(rq, rs, t, &cur, f);
		rc = 0;
	} else if (action_equal(&cur, a)) {
		rc = 2;
	} else {
		a->id = cur.id;
		a->version = cur.version;
		buf_addf(&key, "%s/%s/%s", t->code, t->period, cur.ref);
		audit_action_json(&cur, &before);
		audit_action_json(a, &after);
		if (store_action_update(rq->store, -1, a, err) == 0 &&
		    audit_record(rq->store, &rq->actor, "action", key.ptr, "update", before.ptr,
				 after.ptr, err) == 0 &&
		    store_commit(rq->store, err) == 0)
			rc = 1;
	}
	if (found)
		action_free(&cur);
out:
	if (rc != 1)
		store_rollback(rq->store);
	buf_free(&key);
	buf_free(&before);
	buf_free(&after);
	return rc;
}

static int post_edit(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	struct target t;
	struct action_form f;
	struct action a;
	memset(&f, 0, sizeof(f));
	memset(&a, 0, sizeof(a));
	int rc = target_load(rq, rs, &t, err);
	if (rc <= 0 || !edit_allowed(rq, rs, &t))
		goto out;
	action_copy(&a, &t.act);
	if (action_form_read(&f, &rq->form, t.dirs, t.children.n, &a) || !f.version_ok) {
		if (!f.version_ok && !f.nerrors) {
			web_error_page(rq, rs, 400,
				       "Formulaire incomplet (version de l'action "
				       "absente) : rechargez la page et recommencez.");
		} else {
			form_page(rq, rs, &t, &f, 400);
		}
		goto out;
	}
	/* A correspondant may not hand its action over to another direction. */
	if (strcmp(a.direction, t.act.direction) != 0 &&
	    !perm_edit_action(&rq->actor, t.org.ministry_id, dir_org_id(&t, a.direction))) {
		web_error_page(rq, rs, 403,
			       "Vous ne pouvez pas confier cette action à une "
			       "direction dont vous n'avez pas la charge.");
		goto out;
	}
	rc = save(rq, rs, &t, &a, &f, err);
	if (rc > 0) {
		struct buf u = BUF_INIT;
		action_url(&u, &t, rc == 1 ? "?ok=enregistre" : "?ok=inchange");
		web_redirect(rs, u.ptr);
		buf_free(&u);
	}
out:
	action_form_free(&f);
	if (a.ref)
		action_free(&a);
	target_free(&t);
	return rc < 0 ? -1 : 0;
}

const struct web_route web_routes_action[] = {
	{ "GET", "/ministeres/{code}/{periode}/actions/{ref}", get_action, 0 },
	{ "GET", "/ministeres/{code}/{periode}/actions/{ref}/modifier", get_edit, 0 },
	{ "POST", "/ministeres/{code}/{periode}/actions/{ref}/modifier", post_edit, 0 },
	{ NULL, NULL, NULL, 0 },
};
