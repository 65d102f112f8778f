/* cmd_rgesn_int.h: what the files of `numeco rgesn`, `numeco service` and
 * `numeco assessment` share (cmd_rgesn.c: referentials; cmd_rgesn_diag.c:
 * questionnaire, diagnostic, consolidation; cmd_rgesn_util.c: these helpers;
 * cmd_service.c: the services register; cmd_assessment.c: assessments and
 * answers; cmd_assessment_view.c: show, score; cmd_assessment_decl.c: the
 * declaration). Internal to src/cli/. */
#ifndef NUMECO_CMD_RGESN_INT_H
#define NUMECO_CMD_RGESN_INT_H

#include "cli/cli.h"
#include "rgesn/rg_assess.h"
#include "rgesn/rgesn.h"
#include "store/store_rgesn.h"

/* Subcommands defined outside the file of their group. */
extern const struct cli_cmd rgcli_show_cmd, rgcli_score_cmd, rgcli_declaration_cmd;
extern const struct cli_cmd rgcli_questionnaire_cmd, rgcli_diagnostic_cmd, rgcli_consolidate_cmd;

/* Parses an assessment number (positive integer) given to cmd; prints the
 * problem and returns CLI_USAGE, or 0. */
int rgcli_id(const struct cli_cmd *cmd, const char *s, int64_t *id);
/* The referential spec rg_assessment_new takes: NULL for none, "RGESN@V"
 * for a bare version V, V itself when it names the referential
 * ("NOM@VERSION"). Uses out as storage. */
const char *rgcli_ref_spec(const char *version, struct buf *out);

/* Loads the referential named by a --version option (NULL: the latest
 * RGESN; "2024"; "NOM@VERSION") into r; prints the problem and returns
 * CLI_FAIL, or 0. */
int rgcli_open_ref(struct store *s, const char *version, struct rg_ref *r);

/* The criteria an assessment covers: the whole referential for a complete
 * assessment; for a quick self-diagnosis, the criteria it has answers for
 * (its questionnaire). view shares r's strings: free it with
 * rgcli_scope_free, never rg_ref_free. */
void rgcli_scope(const struct rg_ref *r, const struct rg_assessment *as, struct rg_ref *view);
void rgcli_scope_free(struct rg_ref *view);
/* The score of an assessment over its scope. */
void rgcli_score(const struct rg_ref *r, const struct rg_assessment *as, struct rg_score *out);

/* An assessment with its referential and service, loaded for a command. */
struct rgcli_assessment {
	struct rg_assessment as;
	const struct rg_ref *ref; /* in refs */
	struct rg_service svc;
};
/* Loads assessment id; prints the problem (unknown number…) and returns
 * CLI_FAIL, or 0. */
int rgcli_load(struct store *s, struct rg_ref_cache *refs, int64_t id, struct rgcli_assessment *x);
void rgcli_assessment_free(struct rgcli_assessment *x);
/* The previous assessment of the same kind, its score and the difference
 * with the current one. */
struct rgcli_prev {
	int found; /* 1, 0 when there is none */
	struct rg_assessment as;
	const struct rg_ref *ref; /* in the refs given to rgcli_prev_load */
	struct rg_score score;
	struct rg_diff diff;
};
/* Fills p for x (rg_previous: published_only for a declaration); 0 or 1
 * (found), -1 with err filled. */
int rgcli_prev_load(struct store *s, struct rg_ref_cache *refs, const struct rgcli_assessment *x,
		    int published_only, struct rgcli_prev *p, struct err *e);
void rgcli_prev_free(struct rgcli_prev *p);

/* "75,0 %" (no-break space before %), or "—" when the tally has no score. */
void rgcli_pct(struct buf *out, const struct rg_tally *t);
/* "+12,5 points" / "-3,0 points". */
void rgcli_points(struct buf *out, double delta);

/* Reads answers in CSV (Critère;Réponse;Justification;Date prévue;Note)
 * and sets them on assessment id through rg_answers_set. Every faulty line
 * goes to d as path:LINE: Column: message (sorted by line); returns -1
 * when there is any (the caller's transaction then rolls back), 0 with
 * *n the answers set. */
int rgcli_import(struct store *s, const struct actor *a, int64_t id, const char *path,
		 const struct buf *data, size_t *n, struct diags *d, struct err *err);

/* A plain text table: cells added row by row, printed with columns padded
 * to their widest cell (trailing spaces removed). */
struct rgcli_table {
	size_t ncols;
	char **cells; /* nrows × ncols */
	size_t nrows, cap;
	unsigned char *section; /* per row: a heading line, not a row of cells */
	size_t section_cap;
};
void rgcli_table_init(struct rgcli_table *t, size_t ncols);
/* Adds one row of t->ncols cells (copied; NULL is ""). */
void rgcli_table_row(struct rgcli_table *t, const char *const *cells);
/* Adds a heading line (printed as it is, preceded by a blank line unless
 * first; it does not widen the columns). */
void rgcli_table_section(struct rgcli_table *t, const char *text);
void rgcli_table_print(const struct rgcli_table *t, const char *indent);
void rgcli_table_free(struct rgcli_table *t);

#endif
