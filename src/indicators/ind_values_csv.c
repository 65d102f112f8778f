/* ind_values_csv.c: parsing a CSV file of indicator values (syntax only;
 * see ind.h and docs/formats/indicators.md). */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "indicators/ind.h"
#include "io/columns.h"
#include "io/csv.h"
#include "io/parse.h"

/* Longest comment or source, in characters. */
enum { MAX_NOTE = 2000, MAX_CODE = 100 };

enum val_col {
	VC_MINISTRY,
	VC_YEAR,
	VC_CODE,
	VC_VALUE,
	VC_COMMENT,
	VC_SOURCE,
	VC_ORIGIN,
	/* the export's other columns, accepted and ignored */
	VC_MINISTRY_NAME,
	VC_LABEL,
	VC_UNIT,
	VC_STATE,
	VC_N
};

static const struct col_spec columns[VC_N] = {
	[VC_MINISTRY] = { "Ministère", 1, { "Code ministère", "Organisation", NULL } },
	[VC_YEAR] = { "Année", 1, { "Exercice", NULL } },
	[VC_CODE] = { "Indicateur", 1, { "Code indicateur", "Code", NULL } },
	[VC_VALUE] = { "Valeur", 1, { "Valeurs", NULL } },
	[VC_COMMENT] = { "Commentaire", 0, { "Commentaires", "Observations", NULL } },
	[VC_SOURCE] = { "Source", 0, { "Sources", NULL } },
	[VC_ORIGIN] = { "Origine", 0, { NULL } },
	[VC_MINISTRY_NAME] = { "Nom du ministère", 0, { NULL } },
	[VC_LABEL] = { "Libellé", 0, { NULL } },
	[VC_UNIT] = { "Unité", 0, { NULL } },
	[VC_STATE] = { "État", 0, { "Etat de la collecte", NULL } },
};

void ind_rows_free(struct ind_rows *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->items[i].ministry);
		free(r->items[i].code);
		free(r->items[i].comment);
		free(r->items[i].source);
	}
	free(r->items);
	memset(r, 0, sizeof(*r));
}

static void check_text(struct col_row *c, enum val_col col, const char *v, size_t max,
		       int multiline)
{
	size_t n = text_utf8_len(v);
	if (n > max) {
		col_bad(c, col, "texte trop long (%zu caractères, au plus %zu)", n, max);
		return;
	}
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p < 0x20 && *p != '\t' && !(multiline && (*p == '\n' || *p == '\r'))) {
			col_bad(c, col, "%s",
				multiline ? "caractère de contrôle interdit"
					  : "caractère de contrôle ou saut de ligne interdit");
			return;
		}
	}
}

static void take_year(struct col_row *c, const char *v, int *year)
{
	long y = 0;
	size_t n = strlen(v);
	if (!n) {
		col_bad(c, VC_YEAR, "%s", "valeur obligatoire manquante");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9' || i >= 9) {
			col_bad(c, VC_YEAR,
				"année « %s » invalide (attendu : une année comme 2025)", v);
			return;
		}
		y = y * 10 + (v[i] - '0');
	}
	if (y < IND_YEAR_MIN || y > IND_YEAR_MAX) {
		col_bad(c, VC_YEAR, "année %ld hors de %d–%d", y, IND_YEAR_MIN, IND_YEAR_MAX);
		return;
	}
	*year = (int)y;
}

/* 1 for "calculée" (any case or accent), 0 for "saisie" or blank, -1 else. */
static int origin_computed(const char *v)
{
	static const char *const computed[] = { "calculée", "calculé", "calcul", "calculee" };
	static const char *const entered[] = { "saisie", "saisi", "déclarée", "déclaré" };
	if (!*v)
		return 0;
	for (size_t i = 0; i < sizeof(computed) / sizeof(*computed); i++)
		if (text_fold_eq(v, computed[i]))
			return 1;
	for (size_t i = 0; i < sizeof(entered) / sizeof(*entered); i++)
		if (text_fold_eq(v, entered[i]))
			return 0;
	return -1;
}

static void parse_record(struct col_row *c, struct csv_reader *r, const int *map,
			 struct ind_row *row)
{
	struct buf f[VC_N];
	const char *v[VC_N];
	struct err e = ERR_INIT;
	for (int col = 0; col < VC_N; col++) {
		buf_init(&f[col]);
		columns_get(r, map, col, &f[col]);
		v[col] = f[col].ptr;
	}
	if (!*v[VC_MINISTRY])
		col_bad(c, VC_MINISTRY, "%s", "valeur obligatoire manquante");
	else
		check_text(c, VC_MINISTRY, v[VC_MINISTRY], MAX_CODE, 0);
	take_year(c, v[VC_YEAR], &row->year);
	if (!*v[VC_CODE])
		col_bad(c, VC_CODE, "%s", "valeur obligatoire manquante");
	else
		check_text(c, VC_CODE, v[VC_CODE], MAX_CODE, 0);
	if (*v[VC_VALUE]) {
		if (parse_number(v[VC_VALUE], &row->value, &e))
			col_bad(c, VC_VALUE, "%s", e.msg.ptr);
		else
			row->has_value = 1;
	}
	check_text(c, VC_COMMENT, v[VC_COMMENT], MAX_NOTE, 1);
	check_text(c, VC_SOURCE, v[VC_SOURCE], MAX_NOTE, 1);
	int origin = origin_computed(v[VC_ORIGIN]);
	if (origin < 0)
		col_bad(c, VC_ORIGIN, "origine inconnue « %s » (attendu : saisie ou calculée)",
			v[VC_ORIGIN]);
	else
		row->computed = origin;
	if (!c->errors_here) {
		row->ministry = xstrdup(v[VC_MINISTRY]);
		row->code = xstrdup(v[VC_CODE]);
		row->comment = xstrdup(v[VC_COMMENT]);
		row->source = xstrdup(v[VC_SOURCE]);
	}
	err_free(&e);
	for (int col = 0; col < VC_N; col++)
		buf_free(&f[col]);
}

int ind_values_parse(const char *name, const char *data, size_t len, struct ind_rows *out,
		     struct diags *d)
{
	const char *file = name ? name : "";
	struct col_row c = { file, d, columns, 0, 0 };
	struct col_reader cr;
	size_t before = d->errors;
	int map[VC_N];

	memset(out, 0, sizeof(*out));
	if (col_reader_open(&cr, file, data, len, columns, VC_N, map, d))
		goto done;
	while (col_reader_next(&cr)) {
		c.line = cr.line;
		struct ind_row row;
		memset(&row, 0, sizeof(row));
		row.line = c.line;
		c.errors_here = 0;
		parse_record(&c, cr.r, map, &row);
		if (c.errors_here)
			continue;
		xgrow((void **)&out->items, sizeof(*out->items), out->n + 1, &out->cap);
		out->items[out->n++] = row;
	}
done:
	col_reader_close(&cr);
	return d->errors > before ? -1 : 0;
}
