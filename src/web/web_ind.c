/* web_ind.c: pieces the indicator pages and API share (see web_ind.h). */
#include "web/web_ind.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "report/fmt.h"
#include "report/html.h"
#include "report/svg.h"
#include "store/store_ind.h"
#include "core/xalloc.h"
#include "web/web_action_form.h"
#include "web/web_layout.h"

/* A year written in full ("2025"), in range; 0 otherwise. */
static int year_of(const char *s)
{
	if (!s || strlen(s) != 4)
		return 0;
	char *end;
	long y = strtol(s, &end, 10);
	if (*end || y < IND_YEAR_MIN || y > IND_YEAR_MAX)
		return 0;
	return (int)y;
}

static int calendar_year(void)
{
	char now[32];
	clock_now_iso(now);
	return atoi(now);
}

int web_ind_year(struct web_req *rq, int *year, int *ymin, int *ymax, int *bad, struct err *err)
{
	const char *asked = NULL;
	if (strcmp(rq->method, "POST") == 0)
		asked = web_kvs_get(&rq->form, "annee");
	if (!asked)
		asked = web_kvs_get(&rq->query, "annee");
	*bad = asked && *asked && !year_of(asked);
	*ymin = *ymax = 0;
	if (store_ind_years(rq->store, ymin, ymax, err))
		return -1;
	*year = year_of(asked);
	if (!*year)
		*year = *ymax ? *ymax : calendar_year() - 1;
	if (*year < IND_YEAR_MIN)
		*year = IND_YEAR_MIN;
	if (*year > IND_YEAR_MAX)
		*year = IND_YEAR_MAX;
	return 0;
}

int web_ind_first_year(int year, int ymin)
{
	int from = year - (WEB_IND_TREND_YEARS - 1);
	if (from < ymin || !ymin)
		from = ymin && ymin < year ? ymin : year;
	return from < IND_YEAR_MIN ? IND_YEAR_MIN : from;
}

void web_ind_year_form(struct buf *o, const char *action, int year, int ymin, int ymax)
{
	int hi = calendar_year();
	if (ymax > hi)
		hi = ymax;
	if (year > hi)
		hi = year;
	/* A few years before the first one known, to enter past values. */
	int lo = (ymin && ymin < year ? ymin : year) - 5;
	if (lo < IND_YEAR_MIN)
		lo = IND_YEAR_MIN;
	if (hi > IND_YEAR_MAX)
		hi = IND_YEAR_MAX;
	if (lo < hi - 30)
		lo = hi - 30;
	if (lo > year)
		lo = year;
	buf_adds(o, "<form method=\"get\" class=\"fr-mb-3w\"");
	html_attr(o, "action", action);
	buf_adds(o, "><div class=\"fr-select-group\"><label class=\"fr-label\" for=\"annee\">Année "
		    "des valeurs</label><select class=\"fr-select\" id=\"annee\" name=\"annee\">");
	for (int y = hi; y >= lo; y--)
		buf_addf(o, "<option value=\"%d\"%s>%d</option>", y, y == year ? " selected" : "",
			 y);
	buf_adds(o, "</select></div><button class=\"fr-btn fr-btn--secondary fr-btn--sm\" "
		    "type=\"submit\">Afficher</button></form>\n");
}

int web_ind_ministry(struct store *s, const char *code, struct org *out, struct err *err)
{
	memset(out, 0, sizeof(*out));
	int found = store_org_get(s, code, out, err);
	if (found > 0 && (out->kind != ORG_MINISTERE || out->parent_id != 0)) {
		org_free(out);
		memset(out, 0, sizeof(*out));
		found = 0;
	}
	return found;
}

static void add_year(struct buf *o, char sep, int year)
{
	if (year)
		buf_addf(o, "%cannee=%d", sep, year);
}

void web_ind_national_url(struct buf *o, int year, const char *ok)
{
	buf_adds(o, "/indicateurs");
	add_year(o, '?', year);
	if (ok) {
		buf_adds(o, year ? "&ok=" : "?ok=");
		web_url_part(o, ok);
	}
}

void web_ind_ministry_url(struct buf *o, const char *code, const char *suffix, int year,
			  const char *ok)
{
	buf_adds(o, "/indicateurs/ministere/");
	web_url_part(o, code);
	buf_adds(o, suffix ? suffix : "");
	add_year(o, '?', year);
	if (ok) {
		buf_adds(o, year ? "&ok=" : "?ok=");
		web_url_part(o, ok);
	}
}

void web_ind_def_url(struct buf *o, const char *code, const char *suffix, int year)
{
	buf_adds(o, "/indicateurs/indicateur/");
	web_url_part(o, code);
	buf_adds(o, suffix ? suffix : "");
	add_year(o, '?', year);
}

void web_ind_state_badge(struct buf *o, enum ind_state s)
{
	static const char *const kind[IND_STATE_N] = {
		[IND_STATE_BROUILLON] = "",
		[IND_STATE_SOUMIS] = " fr-badge--info",
		[IND_STATE_VALIDE] = " fr-badge--success",
	};
	if ((unsigned)s >= IND_STATE_N)
		s = IND_STATE_BROUILLON;
	buf_adds(o, "<span class=\"fr-badge fr-badge--sm fr-badge--no-icon");
	buf_adds(o, kind[s]);
	buf_adds(o, "\">");
	html_esc(o, ind_state_label(s));
	buf_adds(o, "</span>");
}

int web_ind_cell(const struct ind_table *t, size_t org, size_t ind, int year, double *v)
{
	if (year < t->year_from || year > t->year_to || org >= t->norg)
		return 0;
	size_t at = ind_table_at(t, org, ind, year);
	if (!(t->flags[at] & IND_CELL_SET))
		return 0;
	*v = t->value[at];
	return 1;
}

enum ind_state web_ind_state(const struct ind_table *t, size_t org, int year)
{
	if (year < t->year_from || year > t->year_to || org >= t->norg)
		return IND_STATE_BROUILLON;
	return t->state[org * ind_table_nyears(t) + (size_t)(year - t->year_from)];
}

void web_ind_completeness(struct buf *o, const struct ind_result *r)
{
	html_escf(o, "%zu ministère%s sur %zu", r->counted, r->counted > 1 ? "s" : "", r->expected);
	if (r->counted && r->validated)
		html_escf(o, ", dont %zu validé%s", r->validated, r->validated > 1 ? "s" : "");
	else if (r->counted)
		html_esc(o, ", aucun validé");
	if (r->missing_weight)
		html_escf(o, " ; %zu valeur%s sans pondération, laissée%s de côté",
			  r->missing_weight, r->missing_weight > 1 ? "s" : "",
			  r->missing_weight > 1 ? "s" : "");
	if (r->counted < r->expected)
		buf_adds(o, " <span class=\"fr-badge fr-badge--sm fr-badge--warning\">"
			    "Incomplet</span>");
}

void web_ind_gap_text(struct buf *o, const struct ind_def *d, double gap)
{
	double a = fabs(gap);
	if (gap > 0)
		buf_adds(o, "+");
	else if (gap < 0)
		buf_adds(o, "\xe2\x88\x92"); /* U+2212 minus sign */
	if (strcmp(d->unit, "%") == 0) {
		fmt_dec(o, a, a == round(a) ? 0 : 1);
		buf_adds(o, a >= 2 ? " points" : " point");
	} else {
		ind_fmt_value(o, d, 1, a);
	}
}

void web_ind_target_text(struct buf *o, const struct ind_def *d, int year)
{
	double target;
	if (ind_target_for(d, year, &target))
		ind_fmt_value(o, d, 1, target);
	else
		buf_adds(o, "—");
}

void web_ind_gap(struct buf *o, const struct ind_def *d, int year, int has, double v)
{
	double gap;
	int met;
	if (!has || !ind_gap(d, year, v, &gap, &met)) {
		buf_adds(o, "—");
		return;
	}
	struct buf t = BUF_INIT;
	web_ind_gap_text(&t, d, gap);
	buf_adds(
		o,
		met ? "<span class=\"fr-badge fr-badge--sm fr-badge--success\">Atteinte</span> "
		    : "<span class=\"fr-badge fr-badge--sm fr-badge--error\">Non atteinte</span> ");
	buf_adds(o, "<span class=\"nc-num\">");
	html_esc(o, t.ptr);
	buf_adds(o, "</span>");
	buf_free(&t);
}

void web_ind_sparkline(struct buf *o, const struct ind_table *t, size_t ind, long org)
{
	const struct ind_def *d = &t->cat->items[ind];
	size_t n = ind_table_nyears(t);
	int *years = xcalloc(n, sizeof(*years));
	double *values = xcalloc(n, sizeof(*values));
	double *targets = xcalloc(n, sizeof(*targets));
	long first = -1, last = -1;
	for (size_t i = 0; i < n; i++) {
		int y = t->year_from + (int)i;
		struct ind_result r;
		years[i] = y;
		values[i] = NAN;
		if (org < 0) {
			ind_table_consolidate(t, ind, y, &r);
			if (r.has_value)
				values[i] = r.value;
		} else {
			web_ind_cell(t, (size_t)org, ind, y, &values[i]);
		}
		if (!ind_target_for(d, y, &targets[i]))
			targets[i] = NAN;
		if (isfinite(values[i])) {
			if (first < 0)
				first = (long)i;
			last = (long)i;
		}
	}
	/* The accessible name says what the drawing shows. */
	struct buf title = BUF_INIT;
	buf_adds(&title, org < 0 ? "Valeur nationale : " : "Valeurs : ");
	if (first < 0) {
		buf_addf(&title, "aucune de %d à %d", t->year_from, t->year_to);
	} else {
		ind_fmt_value(&title, d, 1, values[first]);
		buf_addf(&title, " en %d", years[first]);
		if (last != first) {
			buf_adds(&title, ", ");
			ind_fmt_value(&title, d, 1, values[last]);
			buf_addf(&title, " en %d", years[last]);
		}
	}
	if (n && isfinite(targets[n - 1])) {
		buf_addf(&title, " ; cible %d : ", years[n - 1]);
		ind_fmt_value(&title, d, 1, targets[n - 1]);
	}
	struct svg_trend c = { "", title.ptr, "", n, years, values, NULL, targets, NULL, NULL };
	svg_sparkline(o, &c);
	buf_free(&title);
	free(years);
	free(values);
	free(targets);
}

void web_ind_import_form(struct web_req *rq, struct buf *o)
{
	buf_adds(o, "<form method=\"post\" enctype=\"multipart/form-data\" "
		    "action=\"/indicateurs/import\">");
	web_csrf_field(rq, o);
	buf_adds(o,
		 "<div class=\"fr-upload-group fr-mb-3w\"><label class=\"fr-label\" "
		 "for=\"fichier\">Fichier de valeurs (.csv)<span class=\"fr-hint-text\">Colonnes "
		 "Ministère;Année;Indicateur;Valeur, facultatives Commentaire;Source (séparateur "
		 "; ou ,). L'export CSV sert de modèle. Tout le fichier est vérifié : une seule "
		 "ligne fautive et rien n'est enregistré.</span></label><input class=\"fr-upload\" "
		 "type=\"file\" id=\"fichier\" name=\"fichier\" accept=\".csv,text/csv\" "
		 "required></div>\n<button class=\"fr-btn\" type=\"submit\">Importer</button>"
		 "</form>\n");
}
