/* audit.c: entity snapshots and their differences (see audit.h). */
#include "plan/audit.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "io/parse.h"

/* Snapshots are written by hand rather than through jansson objects: an
 * import of 100 000 actions writes 100 000 of them, and building a hash
 * table per snapshot cost more than all the SQL of the import. The output is
 * the compact JSON jansson itself writes, and audit_diff reads it back with
 * jansson. */
static void json_str(struct buf *out, const char *s)
{
	buf_addc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': buf_adds(out, "\\\""); break;
		case '\\': buf_adds(out, "\\\\"); break;
		case '\n': buf_adds(out, "\\n"); break;
		case '\r': buf_adds(out, "\\r"); break;
		case '\t': buf_adds(out, "\\t"); break;
		default:
			if (*p < 0x20)
				buf_addf(out, "\\u%04x", *p);
			else
				buf_addc(out, (char)*p);
		}
	}
	buf_addc(out, '"');
}

/* Appends "key":"value" with a comma before every pair but the first. */
static void pair(struct buf *out, int *first, const char *k, const char *v)
{
	buf_adds(out, *first ? "{" : ",");
	*first = 0;
	json_str(out, k);
	buf_addc(out, ':');
	json_str(out, v ? v : "");
}

void audit_action_json(const struct action *a, struct buf *out)
{
	struct buf tmp = BUF_INIT;
	int first = 1;
	pair(out, &first, "Référence", a->ref);
	pair(out, &first, "Titre", a->title);
	pair(out, &first, "Description", a->description);
	pair(out, &first, "Thème", theme_label(a->theme));
	pair(out, &first, "Niveau d'engagement visé", level_label(a->level));
	pair(out, &first, "Statut", status_label(a->status));
	pair(out, &first, "Action clé", a->key ? "oui" : "non");
	pair(out, &first, "Direction pilote", a->direction);
	pair(out, &first, "Date de début", a->start_date);
	pair(out, &first, "Échéance", a->due_date);
	if (a->has_budget)
		fmt_euros_fr(&tmp, a->budget_cents);
	pair(out, &first, "Budget (€)", tmp.ptr);
	pair(out, &first, "Indicateur", a->indicator);
	buf_reset(&tmp);
	if (a->has_impact)
		fmt_number_fr(&tmp, a->impact_value);
	pair(out, &first, "Impact évité estimé", tmp.ptr);
	pair(out, &first, "Unité de l'impact", a->has_impact ? iunit_code(a->impact_unit) : "");
	pair(out, &first, "Méthode d'estimation", a->impact_method);
	pair(out, &first, "Commentaire", a->comment);
	buf_addc(out, '}');
	buf_free(&tmp);
}

void audit_pairs_json(struct buf *out, const char *k1, ...)
{
	va_list ap;
	int first = 1;
	va_start(ap, k1);
	for (const char *k = k1; k; k = va_arg(ap, const char *))
		pair(out, &first, k, va_arg(ap, const char *));
	va_end(ap);
	buf_adds(out, first ? "{}" : "}");
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
	json_object_foreach(a, key, av)
	{
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
	json_object_foreach(b, key, bv)
	{
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

int audit_record(struct store *s, const struct actor *actor, const char *entity, const char *key,
		 const char *op, const char *before, const char *after, struct err *err)
{
	char now[32];
	clock_now_iso(now);
	struct audit_entry e = { 0,	      now,	  (char *)actor->id, (char *)entity,
				 (char *)key, (char *)op, (char *)before,    (char *)after };
	return store_audit_add(s, &e, err);
}
