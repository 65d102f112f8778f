/* fp_eval.h: evaluating inventories against a referential.
 *
 * Two levels:
 *  - pure per-item computation (fp_eval_physical and friends, declared in
 *    fp_calc.h): plain structs in, indicators with status and trace out;
 *  - the run (fp_run): streams the inventory files through the readers,
 *    evaluates every line, aggregates, and optionally streams the detailed
 *    indicators (ind_physical_equipment.csv, ind_virtual_equipment.csv,
 *    ind_application.csv) to a folder.
 * Memory is bounded by the referential, the aggregation keys, the virtual
 * machines and applications, and the physical equipment hosting VMs; not by
 * the number of physical equipment lines.
 */
#ifndef NUMECO_FP_EVAL_H
#define NUMECO_FP_EVAL_H

#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"
#include "footprint/fp.h"
#include "footprint/fp_ref.h"

struct fp_run_opts {
	enum fp_lifespan_mode lifespan;
	char date[11];		 /* evaluation date AAAA-MM-JJ (today when "") */
	const char *datacenters; /* file paths; NULL when not given */
	const char *physical;
	const char *virtual_;
	const char *applications;
	const char *detail_dir; /* NULL: no detailed output */
	/* Called now and then with bytes done / total of the physical file
	 * (for a progress bar); may be NULL. */
	void (*progress)(void *arg, size_t done, size_t total);
	void *progress_arg;
};

/* Aggregated results of a run. Dimensions: "total" (key ""), "entite",
 * "type", "datacenter", "application". Values are in the criterion's unit,
 * per year. */
struct fp_summary;

struct fp_agg_row {
	const char *dim;
	const char *key;
	size_t crit; /* index into the referential's criteria */
	enum fp_phase phase;
	double value;
};

/* Runs an evaluation. Returns NULL with diagnostics (file problems) or err. */
struct fp_summary *fp_run(const struct fp_ref *ref, const struct fp_run_opts *o, struct diags *d,
			  struct err *err);
void fp_summary_free(struct fp_summary *s);

/* Counts: lines read per file kind, indicators in error, items by how their
 * reference item was found (model, type). */
struct fp_counts {
	size_t datacenters, physical, virtual_, applications;
	size_t physical_errors, virtual_errors, application_errors;
	size_t matched_by_model, matched_by_type;
};
const struct fp_counts *fp_summary_counts(const struct fp_summary *s);
const struct fp_ref *fp_summary_ref(const struct fp_summary *s);
const char *fp_summary_date(const struct fp_summary *s);
/* Aggregated rows in a stable order (dimension, key, criterion, phase). */
size_t fp_summary_nrows(const struct fp_summary *s);
void fp_summary_row(const struct fp_summary *s, size_t i, struct fp_agg_row *row);
/* Quantities of equipment per type (quantite summed over the usable physical
 * lines, whatever their indicators' status), by type: the types there are,
 * and the type and quantity of the i-th. */
size_t fp_summary_ntypes(const struct fp_summary *s);
void fp_summary_type_quantity(const struct fp_summary *s, size_t i, const char **type, double *qty);
/* The first errors met (at most 100), "FILE:LINE: reason", for the summary. */
size_t fp_summary_nerrors(const struct fp_summary *s);
const char *fp_summary_error(const struct fp_summary *s, size_t i);

/* A value for people, 4 significant digits, French decimals, as the summaries
 * write them ("509,1", "1 791", "0,0961", "3,74e-7"; "n/d" when not finite). */
void fp_fmt_value(struct buf *out, double v);

enum fp_format { FP_FORMAT_MD, FP_FORMAT_HTML, FP_FORMAT_JSON, FP_FORMAT_CSV };
int fp_format_parse(const char *s, enum fp_format *out);
/* Renders the summary (French): totals per criterion and phase, by entity,
 * by equipment type, by data centre, error count; HTML standalone with SVG
 * charts, deterministic. */
void fp_summary_render(const struct fp_summary *s, enum fp_format fmt, struct buf *out);

#endif
