/* audit.c: entity snapshots and their differences (see audit.h). */
#include "plan/audit.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io/parse.h"

static void set_str(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, json_string(v));
}

static void dump(json_t *o, struct buf *out)
{
	char *s = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT);
	if (s) {
		buf_adds(out, s);
		free(s);
	}
	json_decref(o);
}

void audit_action_json(const struct action *a, struct buf *out)
{
	json_t *o = json_object();
	struct buf tmp = BUF_INIT;
	set_str(o, "Référence", a->ref);
	set_str(o, "Titre", a->title);
	set_str(o, "Description", a->description);
	set_str(o, "Thème", theme_label(a->theme));
	set_str(o, "Niveau d'engagement visé", level_label(a->level));
	set_str(o, "Statut", status_label(a->status));
	set_str(o, "Action clé", a->key ? "oui" : "non");
	set_str(o, "Direction pilote", a->direction);
	set_str(o, "Date de début", a->start_date);
	set_str(o, "Échéance", a->due_date);
	if (a->has_budget)
		fmt_euros_fr(&tmp, a->budget_cents);
	set_str(o, "Budget (€)", tmp.ptr);
	set_str(o, "Indicateur", a->indicator);
	buf_reset(&tmp);
	if (a->has_impact)
		fmt_number_fr(&tmp, a->impact_value);
	set_str(o, "Impact évité estimé", tmp.ptr);
	set_str(o, "Unité de l'impact", a->has_impact ? iunit_code(a->impact_unit) : "");
	set_str(o, "Méthode d'estimation", a->impact_method);
	set_str(o, "Commentaire", a->comment);
	buf_free(&tmp);
	dump(o, out);
}

void audit_pairs_json(struct buf *out, const char *k1, ...)
{
	json_t *o = json_object();
	va_list ap;
	va_start(ap, k1);
	for (const char *k = k1; k; k = va_arg(ap, const char *)) {
		const char *v = va_arg(ap, const char *);
		set_str(o, k, v ? v : "");
	}
	va_end(ap);
	dump(o, out);
}

static json_t *load(const char *s)
{
	if (!s || !*s)
		return json_object();
	return json_loads(s, 0, NULL);
}

/* Shows a value on one line: line breaks as ⏎, long texts cut with "…". */
static void add_short(struct buf *out, const char *v)
{
	size_t chars = 0;
	if (!*v) {
		buf_adds(out, "(vide)");
		return;
	}
	for (const char *p = v; *p; p++) {
		if ((*p & 0xC0) != 0x80 && ++chars > 80) {
			buf_adds(out, "…");
			return;
		}
		if (*p == '\n')
			buf_adds(out, "⏎");
		else if (*p != '\r')
			buf_addc(out, *p);
	}
}

void audit_diff(const char *before, const char *after, const char *indent, struct buf *out)
{
	json_t *b = load(before), *a = load(after);
	if (!json_is_object(b) || !json_is_object(a)) {
		buf_addf(out, "%savant : %s\n%saprès : %s\n", indent, before, indent, after);
		goto out;
	}
	const char *key;
	json_t *av;
	/* Keys of the newer snapshot in their order, then keys only in the older one. */
	json_object_foreach(a, key, av) {
		json_t *bv = json_object_get(b, key);
		const char *as = json_is_string(av) ? json_string_value(av) : "";
		const char *bs = json_is_string(bv) ? json_string_value(bv) : "";
		if (strcmp(as, bs) == 0)
			continue;
		if (!*bs && !*before && !*as)
			continue;
		buf_addf(out, "%s%s : ", indent, key);
		if (*before) {
			add_short(out, bs);
			buf_adds(out, " → ");
		}
		add_short(out, as);
		buf_addc(out, '\n');
	}
	json_t *bv;
	json_object_foreach(b, key, bv) {
		if (json_object_get(a, key) || !json_is_string(bv) || !*json_string_value(bv))
			continue;
		buf_addf(out, "%s%s : ", indent, key);
		add_short(out, json_string_value(bv));
		buf_adds(out, *after ? " → (vide)\n" : " (supprimé)\n");
	}
out:
	json_decref(a);
	json_decref(b);
}

void audit_now(char iso[32])
{
	const char *pinned = getenv("NUMECO_NOW");
	if (pinned && *pinned && strlen(pinned) < 32) {
		strcpy(iso, pinned);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(iso, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
