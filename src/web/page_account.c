/* page_account.c: the signed-in person's account (/compte): who they are, and
 * their personal API tokens: list, creation (shown once), revocation. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/text.h"
#include "plan/audit.h"
#include "report/html.h"
#include "store/store_auth.h"
#include "web/web_layout.h"
#include "web/web_route.h"

#define TOKEN_NAME_MAX 100 /* characters */
#define TOKENS_MAX     50  /* per person: keeps the page (and the risk) small */

/* "2026-01-15T10:00:00Z" as "15/01/2026 à 10:00 UTC" ("jamais" for ""). */
static void when(struct buf *o, const char *iso)
{
	if (!iso || strlen(iso) < 16) {
		html_esc(o, iso && *iso ? iso : "jamais");
		return;
	}
	html_escf(o, "%.2s/%.2s/%.4s à %.5s UTC", iso + 8, iso + 5, iso, iso + 11);
}

static void identity(struct web_req *rq, struct buf *o, const struct org *org)
{
	buf_adds(o, "<h2>Identité</h2>\n<dl>\n<dt>Nom</dt><dd>");
	html_esc(o, rq->who.name);
	buf_adds(o, "</dd>\n<dt>Adresse électronique</dt><dd>");
	html_esc(o, rq->who.email);
	buf_adds(o, "</dd>\n<dt>Rôle</dt><dd>");
	html_esc(o, role_label(rq->who.role));
	buf_adds(o, "</dd>\n<dt>Organisation</dt><dd>");
	html_esc(o, org->name ? org->name : "");
	buf_adds(o, " (");
	html_esc(o, rq->who.org_code);
	buf_adds(o, ")</dd>\n</dl>\n");
}

static void token_table(struct web_req *rq, struct buf *o, const struct api_token_list *l)
{
	buf_adds(o, "<h2>Jetons d'API</h2>\n<p>Un jeton d'API permet à un programme d'utiliser "
		    "l'<a href=\"/api/v1/\">API de numeco</a> en votre nom, avec vos droits, en "
		    "envoyant l'en-tête <code>Authorization: Bearer JETON</code>. Révoquez un "
		    "jeton dès qu'il ne sert plus ou s'il a pu être divulgué.</p>\n");
	if (!l->n) {
		buf_adds(o, "<p>Vous n'avez aucun jeton.</p>\n");
		return;
	}
	buf_adds(o, "<div class=\"fr-table\"><table>\n<caption>Vos jetons d'API</caption>\n"
		    "<thead><tr><th scope=\"col\">Nom</th><th scope=\"col\">Créé le</th><th "
		    "scope=\"col\">Dernière utilisation</th><th scope=\"col\">Action</th></tr>"
		    "</thead>\n<tbody>\n");
	for (size_t i = 0; i < l->n; i++) {
		const struct api_token *t = &l->items[i];
		buf_adds(o, "<tr><th scope=\"row\">");
		html_esc(o, t->name);
		buf_adds(o, "</th><td>");
		when(o, t->created_at);
		buf_adds(o, "</td><td>");
		when(o, t->last_used_at);
		buf_adds(o, "</td><td><form method=\"post\"");
		html_attrf(o, "action", "/compte/jetons/%" PRId64 "/revoquer", t->id);
		buf_adds(o, ">");
		web_csrf_field(rq, o);
		buf_adds(o,
			 "<button class=\"fr-btn fr-btn--secondary fr-btn--sm\" type=\"submit\"");
		html_attrf(o, "title", "Révoquer le jeton « %s »", t->name);
		buf_adds(o, ">Révoquer</button></form></td></tr>\n");
	}
	buf_adds(o, "</tbody></table></div>\n");
}

static void create_form(struct web_req *rq, struct buf *o, const char *name, const char *error)
{
	buf_adds(o, "<h2>Créer un jeton</h2>\n<form method=\"post\" action=\"/compte/jetons\">");
	web_csrf_field(rq, o);
	buf_adds(o, "\n<div class=\"fr-input-group");
	if (error)
		buf_adds(o, " fr-input-group--error");
	buf_adds(o, "\"><label class=\"fr-label\" for=\"nom\">Nom du jeton<span "
		    "class=\"fr-hint-text\">Ce qui l'utilisera, par exemple : script de suivi "
		    "mensuel (100 caractères au plus)</span></label><input class=\"fr-input");
	if (error)
		buf_adds(o, " fr-input--error\" aria-invalid=\"true\" "
			    "aria-describedby=\"nom-erreur");
	buf_adds(o, "\" type=\"text\" id=\"nom\" name=\"nom\" maxlength=\"100\" required");
	html_attr(o, "value", name ? name : "");
	buf_adds(o, ">");
	if (error) {
		buf_adds(o, "<p class=\"fr-error-text\" id=\"nom-erreur\">");
		html_esc(o, error);
		buf_adds(o, "</p>");
	}
	buf_adds(o, "</div>\n<button class=\"fr-btn\" type=\"submit\">Créer le jeton</button>\n"
		    "</form>\n");
}

/* The account page; error (with the name typed) when a creation was refused. */
static int account_page(struct web_req *rq, struct web_resp *rs, const char *name,
			const char *error, struct err *err)
{
	struct api_token_list l;
	struct org org = { 0 };
	struct buf *o = &rs->body;
	if (store_token_list(rq->store, rq->who.id, &l, err))
		return -1;
	if (store_org_get_id(rq->store, rq->who.org_id, &org, err) < 0) {
		api_token_list_free(&l);
		return -1;
	}
	static const char *const crumbs[] = { "Tableau de bord", "/", "Mon compte" };
	web_page_begin(rq, rs, error ? "Erreur — Mon compte" : "Mon compte");
	web_breadcrumb(o, crumbs, 3);
	buf_adds(o, "<h1>Mon compte</h1>\n");
	web_flash(rq, o);
	if (error) {
		buf_adds(o, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><h2 "
			    "class=\"fr-alert__title\">Le jeton n'a pas été créé</h2><p><a "
			    "href=\"#nom\">Nom du jeton : ");
		html_esc(o, error);
		buf_adds(o, "</a></p></div>\n");
	}
	identity(rq, o, &org);
	token_table(rq, o, &l);
	create_form(rq, o, name, error);
	web_page_end(rq, rs);
	api_token_list_free(&l);
	org_free(&org);
	return 0;
}

static int get_account(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	return account_page(rq, rs, NULL, NULL, err);
}

/* Tokens are managed from a browser session only: a leaked token must not be
 * able to mint others that outlive its revocation. 1 when refused. */
static int refuse_token_auth(struct web_req *rq, struct web_resp *rs)
{
	if (!rq->by_token)
		return 0;
	web_error_page(rq, rs, 403,
		       "Les jetons d'API se gèrent depuis une session ouverte dans le "
		       "navigateur, pas avec un jeton.");
	return 1;
}

/* The French reason a token name is refused, or NULL when it is fine. */
static const char *bad_name(const char *name, size_t ntokens)
{
	if (!text_utf8_valid(name, strlen(name)))
		return "texte illisible (encodage UTF-8 attendu)";
	int blank = 1;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return "caractère de contrôle ou saut de ligne interdit";
		if (*p != ' ')
			blank = 0;
	}
	if (blank)
		return "valeur obligatoire manquante";
	if (text_utf8_len(name) > TOKEN_NAME_MAX)
		return "texte trop long (100 caractères au plus)";
	if (ntokens >= TOKENS_MAX)
		return "vous avez déjà 50 jetons : révoquez ceux qui ne servent plus";
	return NULL;
}

/* The page that shows a new token, once. */
static void token_page(struct web_req *rq, struct web_resp *rs, const char *name, const char *token)
{
	struct buf *o = &rs->body;
	static const char *const crumbs[] = { "Tableau de bord", "/", "Mon compte", "/compte",
					      "Jeton créé" };
	rs->no_store = 1;
	web_page_begin(rq, rs, "Jeton créé");
	web_breadcrumb(o, crumbs, 5);
	buf_adds(o, "<h1>Jeton créé</h1>\n<div class=\"fr-alert fr-alert--warning fr-mb-3w\">"
		    "<h2 class=\"fr-alert__title\">Copiez ce jeton maintenant</h2><p>Il ne sera "
		    "plus jamais affiché : numeco n'en garde qu'une empreinte. Si vous le perdez, "
		    "révoquez-le et créez-en un autre. Gardez-le secret : il donne vos droits.</p>"
		    "</div>\n<div class=\"fr-input-group\"><label class=\"fr-label\" "
		    "for=\"jeton\">");
	html_escf(o, "Jeton « %s »", name);
	buf_adds(o, "</label><input class=\"fr-input\" type=\"text\" id=\"jeton\" readonly");
	html_attr(o, "value", token);
	buf_adds(o, "></div>\n<p>Exemple d'utilisation :</p>\n<pre><code>curl -H "
		    "\"Authorization: Bearer ");
	html_esc(o, token);
	buf_adds(o, "\" https://…/api/v1/</code></pre>\n<p><a class=\"fr-link\" "
		    "href=\"/compte\">Retour à mon compte</a></p>\n");
	web_page_end(rq, rs);
}

static int post_token(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	if (refuse_token_auth(rq, rs))
		return 0;
	const char *name_in = web_kvs_get(&rq->form, "nom");
	struct buf name = BUF_INIT, key = BUF_INIT, after = BUF_INIT;
	struct api_token_list l;
	buf_adds(&name, name_in ? name_in : "");
	buf_trim(&name);
	if (store_token_list(rq->store, rq->who.id, &l, err)) {
		buf_free(&name);
		return -1;
	}
	const char *why = bad_name(name.ptr, l.n);
	api_token_list_free(&l);
	int rc = 0;
	if (why) {
		rs->status = 400;
		rc = account_page(rq, rs, name.ptr, why, err);
		buf_free(&name);
		return rc;
	}
	char token[AUTH_TOKEN_LEN], digest[AUTH_DIGEST_LEN];
	int64_t id;
	auth_token_new(token);
	auth_token_digest(token, digest);
	rc = -1;
	if (store_begin(rq->store, err))
		goto out;
	if (store_token_create(rq->store, rq->who.id, name.ptr, digest, &id, err))
		goto fail;
	buf_addf(&key, "%s#%" PRId64, rq->who.email, id);
	audit_pairs_json(&after, "Nom", name.ptr, (const char *)NULL);
	if (audit_record(rq->store, &rq->actor, "token", key.ptr, "create", "", after.ptr, err) ||
	    store_commit(rq->store, err))
		goto fail;
	token_page(rq, rs, name.ptr, token);
	rc = 0;
	goto out;
fail:
	store_rollback(rq->store);
out:
	buf_free(&name);
	buf_free(&key);
	buf_free(&after);
	return rc;
}

static int post_revoke(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	if (refuse_token_auth(rq, rs))
		return 0;
	const char *id_s = rq->params[0];
	char *end;
	int64_t id = strtoll(id_s, &end, 10);
	struct api_token_list l;
	struct buf key = BUF_INIT, before = BUF_INIT;
	if (store_token_list(rq->store, rq->who.id, &l, err))
		return -1;
	const struct api_token *t = NULL;
	for (size_t i = 0; i < l.n && !*end && *id_s >= '0' && *id_s <= '9'; i++)
		if (l.items[i].id == id)
			t = &l.items[i];
	int rc = 0;
	if (!t) {
		web_error_page(rq, rs, 404, "Ce jeton n'existe pas ou a déjà été révoqué.");
		goto out;
	}
	rc = -1;
	buf_addf(&key, "%s#%" PRId64, rq->who.email, id);
	audit_pairs_json(&before, "Nom", t->name, (const char *)NULL);
	if (store_begin(rq->store, err))
		goto out;
	if (store_token_revoke(rq->store, rq->who.id, id, err) ||
	    audit_record(rq->store, &rq->actor, "token", key.ptr, "delete", before.ptr, "", err) ||
	    store_commit(rq->store, err)) {
		store_rollback(rq->store);
		goto out;
	}
	web_redirect(rs, "/compte?ok=jeton-revoque");
	rc = 0;
out:
	api_token_list_free(&l);
	buf_free(&key);
	buf_free(&before);
	return rc;
}

const struct web_route web_routes_account[] = {
	{ "GET", "/compte", get_account, 0 },
	{ "POST", "/compte/jetons", post_token, 0 },
	{ "POST", "/compte/jetons/{id}/revoquer", post_revoke, 0 },
	{ NULL, NULL, NULL, 0 },
};
