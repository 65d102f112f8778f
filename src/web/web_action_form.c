/* web_action_form.c: reading and validating the action edit form (see
 * web_action_form.h). The rules are those of the roadmap template
 * (plan/roadmap_csv.c, parse_record), field by field, with its messages. */
#include "web/web_action_form.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "io/parse.h"
#include "report/html.h"

static const struct {
	const char *name, *label;
	int multiline;
	size_t max;
} fields[AF_COUNT] = {
	[AF_TITLE] = { "titre", "Titre", 0, RM_MAX_TITLE },
	[AF_DESCRIPTION] = { "description", "Description", 1, RM_MAX_TEXT },
	[AF_THEME] = { "theme", "Thème", 0, 0 },
	[AF_LEVEL] = { "niveau", "Niveau d'engagement visé", 0, 0 },
	[AF_STATUS] = { "statut", "Statut", 0, 0 },
	[AF_KEY] = { "cle", "Action clé", 0, 0 },
	[AF_DIRECTION] = { "direction", "Direction pilote", 0, 0 },
	[AF_START] = { "debut", "Date de début", 0, 0 },
	[AF_DUE] = { "echeance", "Échéance", 0, 0 },
	[AF_BUDGET] = { "budget", "Budget (€)", 0, 0 },
	[AF_INDICATOR] = { "indicateur", "Indicateur", 0, RM_MAX_SHORT },
	[AF_IMPACT] = { "impact", "Impact évité estimé", 0, 0 },
	[AF_UNIT] = { "unite", "Unité de l'impact", 0, 0 },
	[AF_METHOD] = { "methode", "Méthode d'estimation", 1, RM_MAX_SHORT },
	[AF_COMMENT] = { "commentaire", "Commentaire", 1, RM_MAX_TEXT },
};

const char *action_form_name(enum af_field f)
{
	return fields[f].name;
}

const char *action_form_label(enum af_field f)
{
	return fields[f].label;
}

int action_form_multiline(enum af_field f)
{
	return fields[f].multiline;
}

size_t action_form_max(enum af_field f)
{
	return fields[f].max;
}

void action_form_free(struct action_form *f)
{
	for (int i = 0; i < AF_COUNT; i++) {
		free(f->value[i]);
		free(f->msg[i]);
	}
	memset(f, 0, sizeof(*f));
}

static void set_value(struct action_form *f, enum af_field i, const char *v)
{
	free(f->value[i]);
	f->value[i] = xstrdup(v ? v : "");
}

void action_form_from_action(struct action_form *f, const struct action *a)
{
	struct buf tmp = BUF_INIT;
	memset(f, 0, sizeof(*f));
	set_value(f, AF_TITLE, a->title);
	set_value(f, AF_DESCRIPTION, a->description);
	set_value(f, AF_THEME, theme_code(a->theme));
	set_value(f, AF_LEVEL, level_code(a->level));
	set_value(f, AF_STATUS, status_code(a->status));
	set_value(f, AF_KEY, a->key ? "oui" : "");
	set_value(f, AF_DIRECTION, a->direction);
	set_value(f, AF_START, a->start_date);
	set_value(f, AF_DUE, a->due_date);
	if (a->has_budget)
		fmt_euros_fr(&tmp, a->budget_cents);
	set_value(f, AF_BUDGET, tmp.ptr);
	set_value(f, AF_INDICATOR, a->indicator);
	buf_reset(&tmp);
	if (a->has_impact)
		fmt_number_fr(&tmp, a->impact_value);
	set_value(f, AF_IMPACT, tmp.ptr);
	set_value(f, AF_UNIT, a->has_impact ? iunit_code(a->impact_unit) : "");
	set_value(f, AF_METHOD, a->impact_method);
	set_value(f, AF_COMMENT, a->comment);
	f->version = a->version;
	f->version_ok = 1;
	buf_free(&tmp);
}

static void bad(struct action_form *f, enum af_field i, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void bad(struct action_form *f, enum af_field i, const char *fmt, ...)
{
	if (f->msg[i])
		return; /* the first problem of a field is the one shown */
	struct buf m = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&m, fmt, ap);
	va_end(ap);
	f->msg[i] = buf_detach(&m);
	f->nerrors++;
}

/* The submitted value, trimmed like a template cell; in texts that may hold
 * line breaks, the browser's CRLF becomes LF (as in a file). */
static void take_raw(struct action_form *f, const struct web_kvs *form, enum af_field i)
{
	const char *v = web_kvs_get(form, fields[i].name);
	struct buf b = BUF_INIT;
	for (const char *p = v ? v : ""; *p; p++) {
		if (fields[i].multiline && *p == '\r') {
			buf_addc(&b, '\n');
			if (p[1] == '\n')
				p++;
		} else {
			buf_addc(&b, *p);
		}
	}
	buf_trim(&b);
	free(f->value[i]);
	f->value[i] = buf_detach(&b);
}

/* Length and control characters of a text field (take_text of the template). */
static void take_text(struct action_form *f, enum af_field i, char **dst)
{
	const char *v = f->value[i];
	size_t n = text_utf8_len(v);
	if (n > fields[i].max) {
		bad(f, i, "texte trop long (%zu caractères, au plus %zu)", n, fields[i].max);
		return;
	}
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p < 0x20 && *p != '\t' &&
		    !(fields[i].multiline && (*p == '\n' || *p == '\r'))) {
			bad(f, i, "%s",
			    fields[i].multiline
				    ? "caractère de contrôle interdit"
				    : "caractère de contrôle ou saut de ligne interdit");
			return;
		}
	}
	free(*dst);
	*dst = xstrdup(v);
}

static void take_date(struct action_form *f, enum af_field i, char **dst)
{
	char iso[11];
	struct err e = ERR_INIT;
	free(*dst);
	*dst = xstrdup("");
	if (*f->value[i] && parse_date(f->value[i], iso, &e) == 0) {
		free(*dst);
		*dst = xstrdup(iso);
	} else if (*f->value[i]) {
		bad(f, i, "%s", e.msg.ptr);
	}
	err_free(&e);
}

static void take_direction(struct action_form *f, const struct rm_direction *dirs, size_t ndirs,
			   char **dst)
{
	const char *v = f->value[AF_DIRECTION];
	free(*dst);
	*dst = xstrdup("");
	if (!*v)
		return;
	for (size_t i = 0; i < ndirs; i++) {
		if (strcmp(v, dirs[i].code) == 0 || text_fold_eq(v, dirs[i].code) ||
		    text_fold_eq(v, dirs[i].name)) {
			free(*dst);
			*dst = xstrdup(dirs[i].code);
			return;
		}
	}
	struct buf m = BUF_INIT;
	buf_addf(&m, "direction inconnue « %s »", v);
	if (ndirs) {
		buf_adds(&m, " (directions connues : ");
		for (size_t i = 0; i < ndirs; i++)
			buf_addf(&m, "%s%s", i ? ", " : "", dirs[i].code);
		buf_adds(&m, ")");
	} else {
		buf_adds(&m, " (ce ministère n'a aucune direction)");
	}
	bad(f, AF_DIRECTION, "%s", m.ptr);
	buf_free(&m);
}

static void take_enums(struct action_form *f, struct action *n)
{
	const char *missing = "valeur obligatoire manquante";
	enum theme t;
	enum level l;
	enum status s;
	if (!*f->value[AF_THEME])
		bad(f, AF_THEME, "%s", missing);
	else if (theme_parse(f->value[AF_THEME], &t))
		bad(f, AF_THEME,
		    "thème inconnu « %s » (attendu : strategie, sensibilisation, achats, "
		    "conception, datacenter, usage, fin_de_vie, ou leur libellé)",
		    f->value[AF_THEME]);
	else
		n->theme = t;
	if (!*f->value[AF_LEVEL])
		bad(f, AF_LEVEL, "%s", missing);
	else if (level_parse(f->value[AF_LEVEL], &l))
		bad(f, AF_LEVEL,
		    "niveau d'engagement inconnu « %s » (attendu : Réflexion, Expérimentation ou "
		    "Réalisation)",
		    f->value[AF_LEVEL]);
	else
		n->level = l;
	if (!*f->value[AF_STATUS])
		bad(f, AF_STATUS, "%s", missing);
	else if (status_parse(f->value[AF_STATUS], &s))
		bad(f, AF_STATUS,
		    "statut inconnu « %s » (attendu : À lancer, En cours, Réalisée, Reportée ou "
		    "Abandonnée)",
		    f->value[AF_STATUS]);
	else
		n->status = s;
}

static void take_numbers(struct action_form *f, struct action *n)
{
	struct err e = ERR_INIT;
	const char *budget = f->value[AF_BUDGET], *impact = f->value[AF_IMPACT],
		   *unit = f->value[AF_UNIT];
	if (*budget) {
		if (parse_euros(budget, &n->budget_cents, &e))
			bad(f, AF_BUDGET, "%s", e.msg.ptr);
		else if (n->budget_cents < 0)
			bad(f, AF_BUDGET, "budget négatif « %s »", budget);
		else
			n->has_budget = 1;
	}
	if (*impact) {
		err_clear(&e);
		if (parse_number(impact, &n->impact_value, &e))
			bad(f, AF_IMPACT, "%s", e.msg.ptr);
		else if (n->impact_value < 0)
			bad(f, AF_IMPACT, "impact négatif « %s » (un impact évité est positif)",
			    impact);
		else
			n->has_impact = 1;
		if (!*unit)
			bad(f, AF_UNIT, "%s",
			    "unité manquante pour l'impact évité (kgCO2e, tCO2e, kWh ou MWh)");
		else if (iunit_parse(unit, &n->impact_unit))
			bad(f, AF_UNIT,
			    "unité inconnue « %s » (attendu : kgCO2e, tCO2e, kWh ou MWh)", unit);
	} else if (*unit && iunit_parse(unit, &n->impact_unit)) {
		bad(f, AF_UNIT, "unité inconnue « %s » (attendu : kgCO2e, tCO2e, kWh ou MWh)",
		    unit);
	}
	err_free(&e);
}

static void take_version(struct action_form *f, const struct web_kvs *form)
{
	const char *v = web_kvs_get(form, "version");
	char *end;
	f->version_ok = 0;
	if (!v || *v < '0' || *v > '9')
		return;
	long long n = strtoll(v, &end, 10);
	if (*end == '\0' && n > 0) {
		f->version = n;
		f->version_ok = 1;
	}
}

size_t action_form_read(struct action_form *f, const struct web_kvs *form,
			const struct rm_direction *dirs, size_t ndirs, struct action *a)
{
	struct action n;
	struct err e = ERR_INIT;
	memset(f, 0, sizeof(*f));
	for (int i = 0; i < AF_COUNT; i++)
		take_raw(f, form, (enum af_field)i);
	take_version(f, form);
	/* Invalid UTF-8 is refused on its field before any other rule (which
	 * all expect text). */
	for (int i = 0; i < AF_COUNT; i++)
		if (!text_utf8_valid(f->value[i], strlen(f->value[i])))
			bad(f, (enum af_field)i, "%s", "texte illisible (encodage UTF-8 attendu)");
	if (f->nerrors)
		return f->nerrors;

	action_init(&n);
	if (!*f->value[AF_TITLE])
		bad(f, AF_TITLE, "%s", "valeur obligatoire manquante");
	else
		take_text(f, AF_TITLE, &n.title);
	take_text(f, AF_DESCRIPTION, &n.description);
	take_enums(f, &n);
	if (*f->value[AF_KEY] && parse_bool(f->value[AF_KEY], &n.key, &e))
		bad(f, AF_KEY, "%s", e.msg.ptr);
	take_direction(f, dirs, ndirs, &n.direction);
	take_date(f, AF_START, &n.start_date);
	take_date(f, AF_DUE, &n.due_date);
	if (n.start_date[0] && n.due_date[0] && strcmp(n.due_date, n.start_date) < 0)
		bad(f, AF_DUE, "échéance « %s » antérieure à la date de début", f->value[AF_DUE]);
	take_numbers(f, &n);
	take_text(f, AF_INDICATOR, &n.indicator);
	take_text(f, AF_METHOD, &n.impact_method);
	take_text(f, AF_COMMENT, &n.comment);
	err_free(&e);

	if (f->nerrors) {
		action_free(&n);
		return f->nerrors;
	}
	free(n.ref);
	n.ref = xstrdup(a->ref);
	n.id = a->id;
	n.version = a->version;
	action_free(a);
	*a = n;
	return 0;
}

void web_url_part(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.' || *p == '~') {
			buf_addc(out, (char)*p);
		} else {
			buf_addc(out, '%');
			buf_addc(out, hex[*p >> 4]);
			buf_addc(out, hex[*p & 15]);
		}
	}
}

void action_html_status(struct buf *o, enum status s)
{
	static const char *const kind[STATUS_COUNT] = {
		[STATUS_A_LANCER] = "fr-badge--new",	 [STATUS_EN_COURS] = "fr-badge--info",
		[STATUS_REALISEE] = "fr-badge--success", [STATUS_REPORTEE] = "fr-badge--warning",
		[STATUS_ABANDONNEE] = "fr-badge--error",
	};
	buf_adds(o, "<span class=\"fr-badge fr-badge--sm fr-badge--no-icon ");
	buf_adds(o, kind[(unsigned)s < STATUS_COUNT ? s : STATUS_A_LANCER]);
	buf_adds(o, "\">");
	html_esc(o, status_label(s));
	buf_adds(o, "</span>");
}

void action_html_rstate(struct buf *o, enum rstate s)
{
	static const char *const kind[RSTATE_COUNT] = {
		[RSTATE_BROUILLON] = "",
		[RSTATE_SOUMISE] = " fr-badge--info",
		[RSTATE_RELUE] = " fr-badge--new",
		[RSTATE_VALIDEE] = " fr-badge--success",
	};
	buf_adds(o, "<span class=\"fr-badge fr-badge--no-icon");
	buf_adds(o, kind[(unsigned)s < RSTATE_COUNT ? s : RSTATE_BROUILLON]);
	buf_adds(o, "\">");
	html_esc(o, rstate_label(s));
	buf_adds(o, "</span>");
}

void action_html_date(struct buf *o, const char *iso)
{
	if (!iso || strlen(iso) != 10)
		html_esc(o, iso && *iso ? iso : "—");
	else
		html_escf(o, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

void action_html_time(struct buf *o, const char *iso)
{
	if (iso && strlen(iso) >= 16 && iso[4] == '-' && iso[10] == 'T')
		html_escf(o, "%.2s/%.2s/%.4s %.5s UTC", iso + 8, iso + 5, iso, iso + 11);
	else
		html_esc(o, iso && *iso ? iso : "—");
}

void action_html_lines(struct buf *o, const char *text)
{
	if (!text || !*text) {
		buf_adds(o, "—");
		return;
	}
	for (const char *p = text;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n && p[n - 1] == '\r')
			n--;
		html_esc_n(o, p, n);
		if (!nl)
			break;
		buf_adds(o, "<br>");
		p = nl + 1;
	}
}
