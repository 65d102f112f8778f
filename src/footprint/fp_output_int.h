/* fp_output_int.h: what the summary renderers (fp_output*.c) share; internal to src/footprint/. */
#ifndef NUMECO_FP_OUTPUT_INT_H
#define NUMECO_FP_OUTPUT_INT_H

#include "footprint/fp_run_int.h"

#define FP_TITLE "Empreinte environnementale du parc numérique"

/* The summary's rows seen as blocks: one block per (dimension, key), each
 * ncrit × FP_PHASE_COUNT consecutive rows. Within a dimension, blocks are
 * ranked by the main criterion's total (all phases), largest first, ties by
 * key, so every format lists the same keys in the same order. */
struct fp_view {
	const struct fp_summary *s;
	size_t ncrit;
	size_t main; /* CLIMATE_CHANGE when the referential has it, else 0 */
	size_t *blocks[FP_DIM_COUNT];
	size_t nblocks[FP_DIM_COUNT];
};

void fp_view_init(struct fp_view *v, const struct fp_summary *s);
void fp_view_free(struct fp_view *v);
/* The value of (block, criterion, phase); phase -1 sums the phases. */
double fp_view_val(const struct fp_view *v, size_t block, size_t crit, int phase);
const char *fp_view_key(const struct fp_view *v, size_t block);
/* Display label of a key: "(non renseigné)" for "" (data centres:
 * "(hors centre de données)"). */
const char *fp_key_label(enum fp_dim d, const char *key);
/* Section titles and key column headers, per dimension. */
const char *fp_dim_title(enum fp_dim d);
const char *fp_dim_head(enum fp_dim d);
/* Rows shown per dimension in md/html (all rows are in json/csv). */
size_t fp_dim_shown(const struct fp_view *v, enum fp_dim d);

/* Indicators in error, all files together. */
size_t fp_total_errors(const struct fp_counts *c);

void fp_render_md(const struct fp_view *v, struct buf *out);
void fp_render_html(const struct fp_view *v, struct buf *out);
void fp_render_json(const struct fp_view *v, struct buf *out);
void fp_render_csv(const struct fp_view *v, struct buf *out);

#endif
