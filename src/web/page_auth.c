/* page_auth.c: signing in and out (/connexion, /deconnexion). */
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "core/clock.h"
#include "report/html.h"
#include "store/store_auth.h"
#include "web/web_layout.h"
#include "web/web_route.h"

/* Where to go after signing in: a local path only (no "//host", no scheme). */
static const char *safe_return(const char *r)
{
	if (!r || r[0] != '/' || r[1] == '/' || r[1] == '\\' || strchr(r, '\r') || strchr(r, '\n'))
		return "/";
	return r;
}

static void login_form(struct web_req *rq, struct web_resp *rs, const char *email,
		       const char *error)
{
	struct buf *o = &rs->body;
	web_page_begin(rq, rs, "Connexion");
	buf_adds(o, "<div class=\"fr-grid-row fr-grid-row--center\"><div class=\"fr-col-12 "
		    "fr-col-md-8 fr-col-lg-6\">\n<h1>Connexion à numeco</h1>\n");
	if (error) {
		buf_adds(o, "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><p>");
		html_esc(o, error);
		buf_adds(o, "</p></div>\n");
	}
	buf_adds(o, "<form method=\"post\" action=\"/connexion\">\n"
		    "<input type=\"hidden\" name=\"retour\"");
	html_attr(o, "value",
		  safe_return(web_kvs_get(&rq->query, "retour")
				      ? web_kvs_get(&rq->query, "retour")
				      : web_kvs_get(&rq->form, "retour")));
	buf_adds(o, ">\n<div class=\"fr-input-group\"><label class=\"fr-label\" "
		    "for=\"email\">Adresse électronique<span class=\"fr-hint-text\">Format "
		    "attendu : nom@domaine.gouv.fr</span></label>"
		    "<input class=\"fr-input\" type=\"email\" id=\"email\" name=\"email\" "
		    "autocomplete=\"username\" required");
	html_attr(o, "value", email ? email : "");
	buf_adds(o, "></div>\n<div class=\"fr-input-group\"><label class=\"fr-label\" "
		    "for=\"password\">Mot de passe</label>"
		    "<input class=\"fr-input\" type=\"password\" id=\"password\" name=\"password\" "
		    "autocomplete=\"current-password\" required></div>\n"
		    "<button class=\"fr-btn\" type=\"submit\">Se connecter</button>\n</form>\n"
		    "<p class=\"fr-mt-3w fr-text--sm\">Pas de compte ou mot de passe oublié ? "
		    "Demandez à l'équipe centrale (numeco person passwd).</p>\n</div></div>\n");
	web_page_end(rq, rs);
}

static int get_login(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	(void)err;
	if (rq->signed_in) {
		web_redirect(rs, safe_return(web_kvs_get(&rq->query, "retour")));
		return 0;
	}
	login_form(rq, rs, NULL, NULL);
	return 0;
}

/* The same answer for an unknown e-mail and a wrong password, after the same
 * work (a hash is verified either way), so neither tells which it was. */
static const char BAD_LOGIN[] = "Adresse électronique ou mot de passe incorrect.";
static const char DUMMY_HASH[] = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
				 "iuq1hpNFYIb4S7ZqDhxwSsPmsVQ8vqk0y7kXHrJqE0k";

static int post_login(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	const char *email = web_kvs_get(&rq->form, "email");
	const char *password = web_kvs_get(&rq->form, "password");
	if (!email || !password || !*email || !*password) {
		rs->status = 400;
		login_form(rq, rs, email,
			   "Saisissez votre adresse électronique et votre mot de passe.");
		return 0;
	}
	char now[32];
	clock_now_iso(now);
	struct person_auth pa = { 0 };
	int found = store_person_auth(rq->store, email, &pa, err);
	if (found < 0)
		return -1;
	if (found && *pa.locked_until && strcmp(pa.locked_until, now) > 0) {
		char msg[200];
		snprintf(msg, sizeof(msg),
			 "Trop d'essais infructueux : ce compte est verrouillé jusqu'à %.5s (UTC). "
			 "Réessayez plus tard.",
			 pa.locked_until + 11);
		person_auth_free(&pa);
		rs->status = 429;
		login_form(rq, rs, email, msg);
		return 0;
	}
	int ok = auth_password_verify(password,
				      found && *pa.password_hash ? pa.password_hash : DUMMY_HASH);
	if (!found || !*pa.password_hash || !ok) {
		if (found) {
			char until[32] = "";
			if (pa.failures + 1 >= AUTH_MAX_FAILURES)
				clock_iso_add(now, AUTH_LOCK_SECONDS, until);
			if (store_login_failed(rq->store, pa.person_id, until, err)) {
				person_auth_free(&pa);
				return -1;
			}
		}
		person_auth_free(&pa);
		rs->status = 401;
		login_form(rq, rs, email, BAD_LOGIN);
		return 0;
	}
	char token[AUTH_TOKEN_LEN], digest[AUTH_DIGEST_LEN], csrf[AUTH_TOKEN_LEN], until[32];
	auth_token_new(token);
	auth_token_new(csrf);
	auth_token_digest(token, digest);
	clock_iso_add(now, rq->cfg->session_seconds, until);
	int rc = store_login_ok(rq->store, pa.person_id, err) ||
		 store_session_create(rq->store, digest, pa.person_id, csrf, until, err);
	person_auth_free(&pa);
	if (rc)
		return -1;
	struct buf cookie = BUF_INIT;
	buf_addf(&cookie, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s", WEB_SESSION_COOKIE, token,
		 rq->cfg->secure_cookies ? "; Secure" : "");
	web_kvs_add(&rs->headers, "Set-Cookie", cookie.ptr);
	buf_free(&cookie);
	web_redirect(rs, safe_return(web_kvs_get(&rq->form, "retour")));
	return 0;
}

static int post_logout(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	if (rq->session_digest[0] && store_session_delete(rq->store, rq->session_digest, err))
		return -1;
	struct buf cookie = BUF_INIT;
	buf_addf(&cookie, "%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s", WEB_SESSION_COOKIE,
		 rq->cfg->secure_cookies ? "; Secure" : "");
	web_kvs_add(&rs->headers, "Set-Cookie", cookie.ptr);
	buf_free(&cookie);
	web_redirect(rs, "/connexion");
	return 0;
}

const struct web_route web_routes_auth[] = {
	{ "GET", "/connexion", get_login, WEB_PUBLIC },
	{ "POST", "/connexion", post_login, WEB_PUBLIC | WEB_NO_CSRF },
	{ "POST", "/deconnexion", post_logout, 0 },
	{ NULL, NULL, NULL, 0 },
};
