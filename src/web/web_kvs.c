/* web_kvs.c: key → value lists and the response helpers of web.h. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "report/html.h"
#include "web/web.h"
#include "web/web_layout.h"

void web_kvs_add(struct web_kvs *l, const char *key, const char *value)
{
	xgrow((void **)&l->items, sizeof(*l->items), l->n + 1, &l->cap);
	l->items[l->n].key = xstrdup(key);
	l->items[l->n].value = xstrdup(value ? value : "");
	l->n++;
}

const char *web_kvs_get(const struct web_kvs *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			return l->items[i].value;
	return NULL;
}

void web_kvs_free(struct web_kvs *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].key);
		free(l->items[i].value);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

void web_redirect(struct web_resp *rs, const char *location)
{
	rs->status = 303;
	web_kvs_add(&rs->headers, "Location", location);
	buf_reset(&rs->body);
}

void web_error_page(struct web_req *rq, struct web_resp *rs, int status, const char *message)
{
	static const struct {
		int status;
		const char *title;
	} titles[] = { { 400, "Requête invalide" },	 { 401, "Connexion requise" },
		       { 403, "Accès refusé" },		 { 404, "Page introuvable" },
		       { 405, "Méthode non permise" },	 { 409, "Conflit de modification" },
		       { 413, "Envoi trop volumineux" }, { 500, "Erreur du serveur" } };
	const char *title = "Erreur";
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (titles[i].status == status)
			title = titles[i].title;
	buf_reset(&rs->body);
	rs->status = status;
	rs->content_type = NULL;
	web_page_begin(rq, rs, title);
	buf_adds(&rs->body, "<h1>");
	html_esc(&rs->body, title);
	buf_adds(&rs->body, "</h1>\n<div class=\"fr-alert fr-alert--error fr-mb-3w\"><p>");
	html_esc(&rs->body, message);
	buf_adds(&rs->body, "</p></div>\n<p><a class=\"fr-link\" href=\"/\">Retour au tableau de "
			    "bord</a></p>\n");
	web_page_end(rq, rs);
}

void web_json_text(struct web_resp *rs, int status, const char *json)
{
	rs->status = status;
	rs->content_type = "application/json; charset=utf-8";
	buf_reset(&rs->body);
	/* '<', '>' and '&' only occur inside JSON strings, where a \u escape
	 * means the same character: no answer can be read as HTML. */
	for (const char *p = json; *p; p++) {
		if (*p == '<')
			buf_adds(&rs->body, "\\u003c");
		else if (*p == '>')
			buf_adds(&rs->body, "\\u003e");
		else if (*p == '&')
			buf_adds(&rs->body, "\\u0026");
		else
			buf_addc(&rs->body, *p);
	}
	buf_addc(&rs->body, '\n');
}

void web_json_error(struct web_resp *rs, int status, const char *message)
{
	json_t *j = json_object();
	json_object_set_new(j, "erreur", json_string_nocheck(message));
	char *text = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(j);
	if (!text)
		xalloc_die("json_dumps");
	web_json_text(rs, status, text);
	free(text);
}

void web_download(struct web_resp *rs, const char *type, const char *filename)
{
	struct buf h = BUF_INIT;
	rs->content_type = type;
	buf_adds(&h, "attachment; filename=\"");
	for (const char *p = filename; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.')
			buf_addc(&h, *p);
	buf_addc(&h, '"');
	web_kvs_add(&rs->headers, "Content-Disposition", h.ptr);
	buf_free(&h);
}

int web_may_read(const struct web_req *rq, int64_t ministry_id)
{
	(void)ministry_id;
	return rq->signed_in;
}
