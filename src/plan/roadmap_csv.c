/* roadmap_csv.c: parsing and writing the roadmap template (see roadmap_csv.h). */
#include "plan/roadmap_csv.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "io/columns.h"
#include "io/csv.h"
#include "io/parse.h"

enum rm_col {
	COL_REF,
	COL_TITLE,
	COL_DESCRIPTION,
	COL_THEME,
	COL_LEVEL,
	COL_STATUS,
	COL_KEY,
	COL_DIRECTION,
	COL_START,
	COL_DUE,
	COL_BUDGET,
	COL_INDICATOR,
	COL_IMPACT,
	COL_UNIT,
	COL_METHOD,
	COL_COMMENT,
	COL_COUNT
};

static const struct col_spec columns[COL_COUNT] = {
	[COL_REF] = { "Référence", 1, { "Ref", "Réf", "Identifiant", "Code", NULL } },
	[COL_TITLE] = { "Titre", 1, { "Intitulé", "Action", NULL } },
	[COL_DESCRIPTION] = { "Description", 0, { NULL } },
	[COL_THEME] = { "Thème", 1, { "Thématique", "Axe", NULL } },
	[COL_LEVEL] = { "Niveau d'engagement visé",
			1,
			/* Folding keeps the "d" of "d'engagement": list the spelling
			 * without it (docs/formats/roadmap.md promises it). */
			{ "Niveau d'engagement", "Niveau", "Engagement", "Niveau engagement visé",
			  "Niveau engagement", NULL } },
	[COL_STATUS] = { "Statut", 1, { "État", "Avancement", NULL } },
	[COL_KEY] = { "Action clé", 0, { "Action clef", "Clé", NULL } },
	[COL_DIRECTION] = { "Direction pilote",
			    0,
			    { "Direction", "Direction porteuse", "Pilote", NULL } },
	[COL_START] = { "Date de début", 0, { "Début", NULL } },
	[COL_DUE] = { "Échéance", 0, { "Date de fin", "Fin", "Date d'échéance", NULL } },
	[COL_BUDGET] = { "Budget (€)", 0, { "Budget", "Budget en euros", "Budget €", NULL } },
	[COL_INDICATOR] = { "Indicateur", 0, { "Indicateur de suivi", NULL } },
	[COL_IMPACT] = { "Impact évité estimé", 0, { "Impact évité", "Gain estimé", NULL } },
	[COL_UNIT] = { "Unité de l'impact", 0, { "Unité", NULL } },
	[COL_METHOD] = { "Méthode d'estimation", 0, { "Méthode", NULL } },
	[COL_COMMENT] = { "Commentaire", 0, { "Commentaires", "Observations", NULL } },
};

void rm_parsed_free(struct rm_parsed *p)
{
	for (size_t i = 0; i < p->n; i++)
		action_free(&p->items[i]);
	free(p->items);
	free(p->lines);
	memset(p, 0, sizeof(*p));
}

/* State of one parse, so helpers take a single argument. */
struct rm_ctx {
	struct col_row row; /* first: where the parser is */
	const struct rm_direction *dirs;
	size_t ndirs;
};

/* Checks length and control characters of a text field, copies it to *dst. */
static void take_text(struct rm_ctx *c, enum rm_col col, const char *v, size_t max, int multiline,
		      char **dst)
{
	size_t n = text_utf8_len(v);
	if (n > max) {
		col_bad(&c->row, col, "texte trop long (%zu caractères, au plus %zu)", n, max);
		return;
	}
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p < 0x20 && *p != '\t' && !(multiline && (*p == '\n' || *p == '\r'))) {
			col_bad(&c->row, col, "%s",
				multiline ? "caractère de contrôle interdit"
					  : "caractère de contrôle ou saut de ligne interdit");
			return;
		}
	}
	free(*dst);
	*dst = xstrdup(v);
}

static void take_date(struct rm_ctx *c, enum rm_col col, const char *v, char **dst)
{
	char iso[11];
	struct err e = ERR_INIT;
	if (!*v)
		goto out;
	if (parse_date(v, iso, &e)) {
		col_bad(&c->row, col, "%s", e.msg.ptr);
		goto out;
	}
	free(*dst);
	*dst = xstrdup(iso);
out:
	err_free(&e);
}

static void take_direction(struct rm_ctx *c, const char *v, char **dst)
{
	if (!*v)
		return;
	for (size_t i = 0; i < c->ndirs; i++) {
		if (strcmp(v, c->dirs[i].code) == 0 || text_fold_eq(v, c->dirs[i].code) ||
		    text_fold_eq(v, c->dirs[i].name)) {
			free(*dst);
			*dst = xstrdup(c->dirs[i].code);
			return;
		}
	}
	struct buf m = BUF_INIT;
	buf_addf(&m, "direction inconnue « %s »", v);
	if (c->ndirs) {
		buf_adds(&m, " (directions connues : ");
		for (size_t i = 0; i < c->ndirs; i++)
			buf_addf(&m, "%s%s", i ? ", " : "", c->dirs[i].code);
		buf_adds(&m, ")");
	} else {
		buf_adds(&m,
			 " (cette organisation n'a aucune direction : voir « numeco org add »)");
	}
	col_bad(&c->row, COL_DIRECTION, "%s", m.ptr);
	buf_free(&m);
}

/* Defines take_NAME(ctx, value, dst): a required enumeration field. */
#define ENUM_TAKE(fn, type, parsefn, col, msg)                                       \
	static void fn(struct rm_ctx *c, const char *v, type *dst)                   \
	{                                                                            \
		if (!*v)                                                             \
			col_bad(&c->row, col, "%s", "valeur obligatoire manquante"); \
		else if (parsefn(v, dst))                                            \
			col_bad(&c->row, col, msg, v);                               \
	}

ENUM_TAKE(take_theme, enum theme, theme_parse, COL_THEME,
	  "thème inconnu « %s » (attendu : strategie, sensibilisation, achats, conception, "
	  "datacenter, usage, fin_de_vie, ou leur libellé)")
ENUM_TAKE(take_level, enum level, level_parse, COL_LEVEL,
	  "niveau d'engagement inconnu « %s » (attendu : Réflexion, Expérimentation ou "
	  "Réalisation)")
ENUM_TAKE(take_status, enum status, status_parse, COL_STATUS,
	  "statut inconnu « %s » (attendu : À lancer, En cours, Réalisée, Reportée ou "
	  "Abandonnée)")

/* Reads one data record into a (already initialised). */
static void parse_record(struct rm_ctx *c, struct csv_reader *r, const int *map, struct action *a)
{
	const char *v[COL_COUNT];
	struct buf trimmed[COL_COUNT];
	for (int col = 0; col < COL_COUNT; col++) {
		buf_init(&trimmed[col]);
		columns_get(r, map, col, &trimmed[col]);
		v[col] = trimmed[col].ptr;
	}
	struct err e = ERR_INIT;

	if (!*v[COL_REF])
		col_bad(&c->row, COL_REF, "%s", "valeur obligatoire manquante");
	else
		take_text(c, COL_REF, v[COL_REF], RM_MAX_REF, 0, &a->ref);
	if (!*v[COL_TITLE])
		col_bad(&c->row, COL_TITLE, "%s", "valeur obligatoire manquante");
	else
		take_text(c, COL_TITLE, v[COL_TITLE], RM_MAX_TITLE, 0, &a->title);
	take_text(c, COL_DESCRIPTION, v[COL_DESCRIPTION], RM_MAX_TEXT, 1, &a->description);
	take_theme(c, v[COL_THEME], &a->theme);
	take_level(c, v[COL_LEVEL], &a->level);
	take_status(c, v[COL_STATUS], &a->status);
	if (*v[COL_KEY] && parse_bool(v[COL_KEY], &a->key, &e))
		col_bad(&c->row, COL_KEY, "%s", e.msg.ptr);
	take_direction(c, v[COL_DIRECTION], &a->direction);
	take_date(c, COL_START, v[COL_START], &a->start_date);
	take_date(c, COL_DUE, v[COL_DUE], &a->due_date);
	if (a->start_date[0] && a->due_date[0] && strcmp(a->due_date, a->start_date) < 0)
		col_bad(&c->row, COL_DUE, "échéance « %s » antérieure à la date de début",
			v[COL_DUE]);
	if (*v[COL_BUDGET]) {
		if (parse_euros(v[COL_BUDGET], &a->budget_cents, &e))
			col_bad(&c->row, COL_BUDGET, "%s", e.msg.ptr);
		else if (a->budget_cents < 0)
			col_bad(&c->row, COL_BUDGET, "budget négatif « %s »", v[COL_BUDGET]);
		else
			a->has_budget = 1;
	}
	take_text(c, COL_INDICATOR, v[COL_INDICATOR], RM_MAX_SHORT, 0, &a->indicator);
	if (*v[COL_IMPACT]) {
		if (parse_number(v[COL_IMPACT], &a->impact_value, &e))
			col_bad(&c->row, COL_IMPACT, "%s", e.msg.ptr);
		else if (a->impact_value < 0)
			col_bad(&c->row, COL_IMPACT,
				"impact négatif « %s » (un impact évité est positif)",
				v[COL_IMPACT]);
		else
			a->has_impact = 1;
		if (!*v[COL_UNIT])
			col_bad(&c->row, COL_UNIT, "%s",
				"unité manquante pour l'impact évité (kgCO2e, tCO2e, kWh ou MWh)");
		else if (iunit_parse(v[COL_UNIT], &a->impact_unit))
			col_bad(&c->row, COL_UNIT,
				"unité inconnue « %s » (attendu : kgCO2e, tCO2e, kWh ou MWh)",
				v[COL_UNIT]);
	} else if (*v[COL_UNIT] && iunit_parse(v[COL_UNIT], &a->impact_unit)) {
		col_bad(&c->row, COL_UNIT,
			"unité inconnue « %s » (attendu : kgCO2e, tCO2e, kWh ou MWh)", v[COL_UNIT]);
	}
	take_text(c, COL_METHOD, v[COL_METHOD], RM_MAX_SHORT, 1, &a->impact_method);
	take_text(c, COL_COMMENT, v[COL_COMMENT], RM_MAX_TEXT, 1, &a->comment);

	err_free(&e);
	for (int col = 0; col < COL_COUNT; col++)
		buf_free(&trimmed[col]);
}

/* A reference read on a line, kept for the duplicate check: also for lines
 * with other errors, so that every faulty line is reported in one run. */
struct ref_line {
	const char *ref; /* points into an action of out, or to owned */
	long line;
	char *owned; /* the ref of a refused line (its action was freed) */
};

struct ref_lines {
	struct ref_line *items;
	size_t n, cap;
};

/* Reports references used twice, on each of their lines after the first. */
static void check_duplicates(struct rm_ctx *c, const struct ref_lines *rl)
{
	/* Sort indices by ref; n log n keeps 100 000-line files fast. */
	size_t n = rl->n;
	const struct ref_line *it = rl->items;
	if (n < 2)
		return;
	size_t *idx = xmalloc(n * sizeof(*idx));
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	/* Simple merge sort on indices (stable: keeps file order among equals). */
	size_t *tmp = xmalloc(n * sizeof(*tmp));
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = strcmp(it[idx[j]].ref, it[idx[i]].ref) < 0 ? idx[j++]
										      : idx[i++];
			while (i < mid)
				tmp[k++] = idx[i++];
			while (j < hi)
				tmp[k++] = idx[j++];
		}
		memcpy(idx, tmp, n * sizeof(*idx));
	}
	for (size_t k = 1; k < n; k++) {
		size_t first = k - 1;
		while (k < n && strcmp(it[idx[k]].ref, it[idx[first]].ref) == 0) {
			diags_add(c->row.d, DIAG_ERROR, c->row.file, it[idx[k]].line,
				  columns[COL_REF].header,
				  "référence « %s » en double (déjà utilisée ligne %ld)",
				  it[idx[k]].ref, it[idx[first]].line);
			k++;
		}
	}
	free(tmp);
	free(idx);
}

int rm_parse(const char *file, const char *data, size_t len, const struct rm_direction *dirs,
	     size_t ndirs, struct rm_parsed *out, struct diags *d)
{
	struct rm_ctx c = { { file, d, columns, 0, 0 }, dirs, ndirs };
	struct ref_lines refs = { 0 };
	struct col_reader cr;
	size_t errors_before = d->errors;
	int map[COL_COUNT];

	if (col_reader_open(&cr, file, data, len, columns, COL_COUNT, map, d))
		goto done;
	while (col_reader_next(&cr)) {
		c.row.line = cr.line;
		struct action a;
		action_init(&a);
		c.row.errors_here = 0;
		parse_record(&c, cr.r, map, &a);
		if (*a.ref) {
			xgrow((void **)&refs.items, sizeof(*refs.items), refs.n + 1, &refs.cap);
			struct ref_line *rl = &refs.items[refs.n++];
			rl->line = c.row.line;
			rl->owned = NULL;
			rl->ref = a.ref; /* stays valid: the string moves with the action */
			if (c.row.errors_here) {
				rl->owned = a.ref;
				a.ref = NULL;
			}
		}
		if (c.row.errors_here) {
			action_free(&a);
			continue;
		}
		xgrow((void **)&out->items, sizeof(*out->items), out->n + 1, &out->cap);
		out->lines = xrealloc(out->lines, out->cap * sizeof(*out->lines));
		out->items[out->n] = a;
		out->lines[out->n] = c.row.line;
		out->n++;
	}
	check_duplicates(&c, &refs);
done:
	for (size_t i = 0; i < refs.n; i++)
		free(refs.items[i].owned);
	free(refs.items);
	col_reader_close(&cr);
	return d->errors > errors_before ? -1 : 0;
}

void rm_write_bom_header(struct buf *out)
{
	buf_adds(out, "\xEF\xBB\xBF");
	for (int col = 0; col < COL_COUNT; col++)
		csv_write_field(out, columns[col].header, ';', col == 0);
	csv_write_end(out);
}

static void write_date(struct buf *out, const char *iso, struct buf *tmp)
{
	buf_reset(tmp);
	if (strlen(iso) == 10)
		buf_addf(tmp, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	csv_write_field(out, tmp->ptr, ';', 0);
}

void rm_write_action(struct buf *out, const struct action *a)
{
	struct buf tmp = BUF_INIT;
	csv_write_field(out, a->ref, ';', 1);
	csv_write_field(out, a->title, ';', 0);
	csv_write_field(out, a->description, ';', 0);
	csv_write_field(out, theme_label(a->theme), ';', 0);
	csv_write_field(out, level_label(a->level), ';', 0);
	csv_write_field(out, status_label(a->status), ';', 0);
	csv_write_field(out, a->key ? "oui" : "non", ';', 0);
	csv_write_field(out, a->direction, ';', 0);
	write_date(out, a->start_date, &tmp);
	write_date(out, a->due_date, &tmp);
	buf_reset(&tmp);
	if (a->has_budget)
		fmt_euros_fr(&tmp, a->budget_cents);
	csv_write_field(out, tmp.ptr, ';', 0);
	csv_write_field(out, a->indicator, ';', 0);
	buf_reset(&tmp);
	if (a->has_impact)
		fmt_number_fr(&tmp, a->impact_value);
	csv_write_field(out, tmp.ptr, ';', 0);
	csv_write_field(out, a->has_impact ? iunit_code(a->impact_unit) : "", ';', 0);
	csv_write_field(out, a->impact_method, ';', 0);
	csv_write_field(out, a->comment, ';', 0);
	csv_write_end(out);
	buf_free(&tmp);
}
