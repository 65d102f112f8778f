/* web_rg.c: pieces the RGESN pages share (see web_rg.h). */
#include "web/web_rg.h"

#include "rgesn/rg_assess.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "io/parse.h"
#include "report/fmt.h"
#include "report/html.h"
#include "web/web_action_form.h"
#include "web/web_review.h"

/* ---- loading ---- */

int web_rg_service(struct web_req *rq, struct web_resp *rs, const char *code,
		   struct rg_service *out, struct err *err)
{
	int found = store_rg_service_get(rq->store, code, out, err);
	if (found == 0)
		web_refusal_page(rq, rs, 404, "Aucun service numérique n'a ce code.", "/services",
				 "Retour aux services numériques");
	return found;
}

static int64_t id_of(const char *s)
{
	if (!s || !*s || strlen(s) > 18)
		return 0;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return strtoll(s, NULL, 10);
}

int web_rg_assess_load(struct web_req *rq, struct web_resp *rs, const char *id,
		       struct web_rg_assess *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	int64_t n = id_of(id);
	int found = n > 0 ? store_rg_assessment_get(rq->store, n, &out->a, err) : 0;
	if (found > 0)
		found = store_rg_service_get_id(rq->store, out->a.service_id, &out->svc, err);
	if (found > 0)
		found = store_rg_ref_load_id(rq->store, out->a.ref_id, &out->ref, err);
	if (found == 0)
		web_refusal_page(rq, rs, 404, "Aucune évaluation n'a ce numéro.", "/services",
				 "Retour aux services numériques");
	return found;
}

void web_rg_assess_free(struct web_rg_assess *x)
{
	rg_assessment_free(&x->a);
	rg_service_free(&x->svc);
	rg_ref_free(&x->ref);
	memset(x, 0, sizeof(*x));
}

int web_rg_previous(struct store *s, const struct rg_assessment *a, int published_only,
		    struct rg_assessment *prev, struct rg_ref *prev_ref, struct err *err)
{
	memset(prev_ref, 0, sizeof(*prev_ref));
	int found = rg_previous(s, a, published_only, prev, err);
	if (found > 0)
		found = store_rg_ref_load_id(s, prev->ref_id, prev_ref, err);
	if (found <= 0) {
		rg_assessment_free(prev);
		rg_ref_free(prev_ref);
		memset(prev, 0, sizeof(*prev));
		memset(prev_ref, 0, sizeof(*prev_ref));
	}
	return found;
}

/* ---- rights ---- */

int64_t web_rg_direction(const struct rg_service *v)
{
	return v->org_id != v->ministry_id ? v->org_id : 0;
}

int web_rg_may_edit(const struct web_req *rq, const struct rg_service *v)
{
	return rq->signed_in && perm_edit_service(&rq->actor, v->ministry_id, web_rg_direction(v));
}

int web_rg_may_register(const struct web_req *rq)
{
	const struct actor *a = &rq->actor;
	int64_t dir = a->org_id != a->ministry_id ? a->org_id : 0;
	return rq->signed_in && (perm_admin(a) || perm_edit_service(a, a->ministry_id, dir));
}

int web_rg_may_publish(const struct web_req *rq, const struct rg_service *v)
{
	return rq->signed_in && perm_publish_service(&rq->actor, v->ministry_id);
}

void web_rg_refuse(struct web_req *rq, struct web_resp *rs, const struct rg_service *v,
		   const char *what)
{
	struct buf msg = BUF_INIT, back = BUF_INIT;
	buf_addf(&msg, "%s n'a pas le droit de %s du service %s (%s).", rq->actor.id, what, v->code,
		 strstr(what, "publier") ? "rôle admin ou référent du ministère requis"
					 : "rôle admin, référent du ministère ou correspondant de "
					   "la direction propriétaire requis");
	web_rg_service_url(&back, v->code, NULL, NULL);
	web_refusal_page(rq, rs, 403, msg.ptr, back.ptr, "Retour au service");
	buf_free(&msg);
	buf_free(&back);
}

/* ---- addresses ---- */

void web_rg_service_url(struct buf *o, const char *code, const char *suffix, const char *ok)
{
	buf_adds(o, "/services/");
	web_url_part(o, code);
	buf_adds(o, suffix ? suffix : "");
	if (ok) {
		buf_adds(o, "?ok=");
		web_url_part(o, ok);
	}
}

void web_rg_assess_url(struct buf *o, int64_t id, const char *suffix, const char *ok)
{
	buf_addf(o, "/evaluations/%lld", (long long)id);
	buf_adds(o, suffix ? suffix : "");
	if (ok) {
		buf_adds(o, "?ok=");
		web_url_part(o, ok);
	}
}

/* ---- texts ---- */

void web_rg_score_text(struct buf *o, const struct rg_tally *t)
{
	if (!t->has_score) {
		buf_adds(o, "—");
		return;
	}
	double tenths = t->score * 10;
	int whole = (long long)(tenths + 0.5) % 10 == 0;
	fmt_pct(o, t->score / 100, whole ? 0 : 1);
}

void web_rg_subref(const struct rg_ref *r, const struct rg_item *items, size_t n,
		   struct rg_ref *sub)
{
	*sub = *r;
	sub->criteria = xcalloc(r->ncriteria ? r->ncriteria : 1, sizeof(*sub->criteria));
	sub->ncriteria = 0;
	for (size_t i = 0; i < r->ncriteria; i++)
		if (web_rg_item(items, n, r->criteria[i].id))
			sub->criteria[sub->ncriteria++] = r->criteria[i];
}

void web_rg_score(const struct rg_ref *r, const struct rg_assessment *a, struct rg_score *out)
{
	if (a->kind != RG_KIND_DIAGNOSTIC) {
		rg_score_compute(r, a->items, a->nitems, out);
		return;
	}
	struct rg_ref sub;
	web_rg_subref(r, a->items, a->nitems, &sub);
	rg_score_compute(&sub, a->items, a->nitems, out);
	free(sub.criteria);
}

void web_rg_points(struct buf *o, double delta)
{
	double a = delta < 0 ? -delta : delta;
	long long tenths = (long long)(a * 10 + 0.5);
	if (!tenths) {
		buf_adds(o, "0 point");
		return;
	}
	buf_adds(o, delta > 0 ? "+" : "\xe2\x88\x92"); /* U+2212 minus sign */
	fmt_dec(o, (double)tenths / 10, tenths % 10 ? 1 : 0);
	buf_adds(o, tenths >= 20 ? " points" : " point");
}

void web_rg_answer_badge(struct buf *o, enum rg_answer a)
{
	static const char *const kind[RG_ANS_N] = {
		[RG_ANS_CONFORME] = " fr-badge--success",
		[RG_ANS_NON_CONFORME] = " fr-badge--error",
		[RG_ANS_NON_APPLICABLE] = " fr-badge--info",
		[RG_ANS_EN_COURS] = " fr-badge--warning",
		[RG_ANS_NON_EVALUE] = "",
	};
	if ((unsigned)a >= RG_ANS_N)
		a = RG_ANS_NON_EVALUE;
	buf_adds(o, "<span class=\"fr-badge fr-badge--sm fr-badge--no-icon");
	buf_adds(o, kind[a]);
	buf_adds(o, "\">");
	html_esc(o, rg_answer_label(a));
	buf_adds(o, "</span>");
}

const char *web_rg_kind_label(enum rg_kind k)
{
	return k == RG_KIND_DIAGNOSTIC ? "Autodiagnostic rapide" : "Évaluation complète";
}

static void tally_row(struct buf *o, const char *label, const struct rg_tally *t)
{
	struct buf s = BUF_INIT;
	web_rg_score_text(&s, t);
	buf_adds(o, "<tr><th scope=\"row\">");
	html_esc(o, label);
	buf_adds(o, "</th><td class=\"nc-num\">");
	html_esc(o, s.ptr);
	buf_addf(o,
		 "</td><td class=\"nc-num\">%zu</td><td class=\"nc-num\">%zu</td>"
		 "<td class=\"nc-num\">%zu</td><td class=\"nc-num\">%zu</td>"
		 "<td class=\"nc-num\">%zu</td></tr>\n",
		 t->conforme, t->non_conforme, t->en_cours, t->non_evalue, t->non_applicable);
	buf_free(&s);
}

static void tally_head(struct buf *o, const char *caption, const char *first)
{
	static const char *const cols[] = { "Score",	"Conformes",   "Non conformes",
					    "En cours", "Non évalués", "Non applicables" };
	buf_adds(o, "<div class=\"fr-table\"><table>\n<caption class=\"fr-sr-only\">");
	html_esc(o, caption);
	buf_adds(o, "</caption>\n<thead><tr><th scope=\"col\">");
	html_esc(o, first);
	buf_adds(o, "</th>");
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		buf_adds(o, "<th scope=\"col\" class=\"nc-num\">");
		html_esc(o, cols[i]);
		buf_adds(o, "</th>");
	}
	buf_adds(o, "</tr></thead>\n<tbody>\n");
}

void web_rg_score_tables(struct buf *o, const struct rg_ref *r, const struct rg_score *s)
{
	buf_adds(o, "<h2 id=\"familles\">Score par famille</h2>\n");
	tally_head(o, "Score par famille de critères", "Famille");
	for (size_t i = 0; i < s->nfamilies && i < r->nfamilies; i++) {
		struct buf label = BUF_INIT;
		buf_addf(&label, "%d. %s", r->families[i].num, r->families[i].label);
		tally_row(o, label.ptr, &s->by_family[i]);
		buf_free(&label);
	}
	tally_row(o, "Toutes les familles", &s->all);
	buf_adds(o, "</tbody></table></div>\n<h2 id=\"priorites\">Score par priorité</h2>\n");
	tally_head(o, "Score par priorité des critères", "Priorité");
	for (int p = 0; p < RG_PRIO_N; p++)
		tally_row(o, rg_priority_label((enum rg_priority)p), &s->by_priority[p]);
	buf_adds(o, "</tbody></table></div>\n");
}

/* ---- answers ---- */

const struct rg_item *web_rg_item(const struct rg_item *items, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (items[i].criterion && strcmp(items[i].criterion, id) == 0)
			return &items[i];
	return NULL;
}

void web_rg_field_id(struct buf *o, char kind, const char *id)
{
	buf_addc(o, kind);
	buf_addc(o, '-');
	for (const char *p = id; *p; p++) {
		char c = *p;
		int plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c == '_';
		buf_addc(o, plain ? c : '-');
	}
}

static char *field(const struct web_kvs *form, char kind, const char *id)
{
	struct buf name = BUF_INIT;
	web_rg_field_id(&name, kind, id);
	const char *v = web_kvs_get(form, name.ptr);
	buf_free(&name);
	/* Trimmed: a field of spaces is an empty one. */
	if (!v)
		v = "";
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	size_t n = strlen(v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n'))
		n--;
	char *s = xmalloc(n + 1);
	memcpy(s, v, n);
	s[n] = '\0';
	return s;
}

int web_rg_item_read(const struct web_kvs *form, const char *id, struct rg_item *it, int *bad)
{
	struct buf name = BUF_INIT;
	memset(it, 0, sizeof(*it));
	*bad = 0;
	web_rg_field_id(&name, 'r', id);
	const char *ans = web_kvs_get(form, name.ptr);
	buf_free(&name);
	if (!ans)
		return 0;
	if (rg_answer_parse(ans, &it->answer)) {
		it->answer = RG_ANS_NON_EVALUE;
		*bad = 1;
	}
	it->criterion = xstrdup(id);
	it->justification = field(form, 'j', id);
	it->planned = field(form, 'd', id);
	it->note = field(form, 'n', id);
	char iso[11];
	struct err e = ERR_INIT;
	if (*it->planned && parse_date(it->planned, iso, &e) == 0) {
		free(it->planned);
		it->planned = xstrdup(iso);
	}
	err_free(&e);
	return 1;
}

void web_rg_item_free(struct rg_item *it)
{
	free(it->criterion);
	free(it->justification);
	free(it->planned);
	free(it->note);
	memset(it, 0, sizeof(*it));
}

/* ---- declaration ---- */

int web_rg_decl_build(struct store *s, const struct web_rg_assess *x, struct web_rg_decl *out,
		      struct err *err)
{
	memset(out, 0, sizeof(*out));
	const struct rg_service *v = &x->svc;
	if (store_org_get_id(s, v->ministry_id, &out->ministry, err) < 0)
		return -1;
	if (web_rg_direction(v) && store_org_get_id(s, v->org_id, &out->direction, err) < 0)
		return -1;
	int prev = web_rg_previous(s, &x->a, 1, &out->prev, &out->prev_ref, err);
	if (prev < 0)
		return -1;
	rg_score_compute(&x->ref, x->a.items, x->a.nitems, &out->score);
	struct rg_decl *d = &out->d;
	d->service_name = v->name ? v->name : "";
	d->service_url = v->url ? v->url : "";
	d->ministry_name = out->ministry.name ? out->ministry.name : "";
	d->direction_name = out->direction.name ? out->direction.name : "";
	d->contact = x->a.contact && *x->a.contact ? x->a.contact : (v->contact ? v->contact : "");
	d->assessed_on = x->a.assessed_on ? x->a.assessed_on : "";
	d->published_at = x->a.published_at ? x->a.published_at : "";
	d->ref = &x->ref;
	d->items = x->a.items;
	d->nitems = x->a.nitems;
	d->score = &out->score;
	d->previous_date = "";
	d->previous_version = "";
	if (prev > 0) {
		rg_score_compute(&out->prev_ref, out->prev.items, out->prev.nitems,
				 &out->prev_score);
		if (out->prev_score.all.has_score) {
			d->has_previous = 1;
			d->previous_score = out->prev_score.all.score;
			d->previous_date = out->prev.assessed_on ? out->prev.assessed_on : "";
			d->previous_version = out->prev_ref.version ? out->prev_ref.version : "";
		}
	}
	return 0;
}

void web_rg_decl_free(struct web_rg_decl *d)
{
	rg_score_free(&d->score);
	rg_score_free(&d->prev_score);
	org_free(&d->ministry);
	org_free(&d->direction);
	rg_assessment_free(&d->prev);
	rg_ref_free(&d->prev_ref);
	memset(d, 0, sizeof(*d));
}

/* The Content-Security-Policy of a standalone page: numeco's usual one,
 * with its inline style sheets allowed by their SHA-256 digests. */
static void standalone_csp(const char *html, struct buf *csp)
{
	buf_adds(csp, "default-src 'none'; style-src");
	int any = 0;
	for (const char *p = strstr(html, "<style"); p; p = strstr(p, "<style")) {
		const char *open = strchr(p, '>');
		const char *close = open ? strstr(open, "</style>") : NULL;
		if (!close)
			break;
		unsigned char digest[crypto_hash_sha256_BYTES];
		char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES,
						   sodium_base64_VARIANT_ORIGINAL)];
		crypto_hash_sha256(digest, (const unsigned char *)open + 1,
				   (unsigned long long)(close - open - 1));
		sodium_bin2base64(b64, sizeof(b64), digest, sizeof(digest),
				  sodium_base64_VARIANT_ORIGINAL);
		buf_addf(csp, " 'sha256-%s'", b64);
		any = 1;
		p = close;
	}
	if (!any)
		buf_adds(csp, " 'none'");
	buf_adds(csp, "; img-src data:; form-action 'none'; frame-ancestors 'none'; "
		      "base-uri 'none'");
}

int web_rg_decl_send(struct web_req *rq, struct web_resp *rs, const struct web_rg_assess *x,
		     enum rg_format fmt, struct err *err)
{
	struct web_rg_decl d;
	if (web_rg_decl_build(rq->store, x, &d, err)) {
		web_rg_decl_free(&d);
		return -1;
	}
	struct buf out = BUF_INIT;
	rg_declaration_render(&d.d, fmt, &out);
	buf_reset(&rs->body);
	rs->status = 200;
	if (fmt == RG_FMT_JSON) {
		web_json_text(rs, 200, out.ptr ? out.ptr : "");
	} else if (fmt == RG_FMT_MD) {
		rs->content_type = "text/markdown; charset=utf-8";
		buf_add(&rs->body, out.ptr, out.len);
	} else {
		struct buf csp = BUF_INIT;
		rs->content_type = NULL;
		buf_add(&rs->body, out.ptr, out.len);
		standalone_csp(out.ptr ? out.ptr : "", &csp);
		web_kvs_add(&rs->headers, "Content-Security-Policy", csp.ptr);
		buf_free(&csp);
	}
	buf_free(&out);
	web_rg_decl_free(&d);
	return 0;
}
