/* ind_export.h: every value of a consolidated table for people who work in
 * spreadsheets: CSV (re-importable by ind_import) and XLSX (libxlsxwriter). */
#ifndef NUMECO_IND_EXPORT_H
#define NUMECO_IND_EXPORT_H

#include "core/buf.h"
#include "core/err.h"
#include "indicators/ind.h"

/* One line per set cell of t (ministry, year, indicator in catalogue
 * order): Ministère;Nom du ministère;Année;Indicateur;Libellé;Unité;Valeur;
 * Commentaire;Source;Origine;État — UTF-8 BOM, `;`, CRLF, French decimals.
 * comments (may be NULL) gives the comment and source of entered values. */
struct ind_value_list;
void ind_export_csv(const struct ind_table *t, const struct ind_value_list *comments,
		    struct buf *out);
/* The same values in an XLSX workbook (sheet "Valeurs", numbers as
 * numbers), plus a sheet "Consolidation" with the national value of every
 * indicator and year, its completeness and its target. Written to a
 * temporary file by libxlsxwriter, then read into out. */
int ind_export_xlsx(const struct ind_table *t, const struct ind_value_list *comments,
		    struct buf *out, struct err *err);

/* Texts shared by the CLI, the report and the workbook: the completeness of
 * a national value ("2 ministères sur 3, dont 1 validé", then ", 1 sans
 * pondération" when a weighted mean lacked weights), and a gap to the
 * target with its sign, in the indicator's unit ("+2,5 %", "-120 postes"). */
void ind_fmt_completeness(struct buf *out, const struct ind_result *r);
void ind_fmt_gap(struct buf *out, const struct ind_def *d, double gap);

#endif
