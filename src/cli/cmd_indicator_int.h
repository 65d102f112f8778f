/* cmd_indicator_int.h: what the files of `numeco indicator` share
 * (cmd_indicator.c: dispatch, list, show; cmd_indicator_edit.c: values,
 * states, catalogue; cmd_indicator_io.c: import, export, consolidation).
 * Internal to src/cli/. */
#ifndef NUMECO_CMD_INDICATOR_INT_H
#define NUMECO_CMD_INDICATOR_INT_H

#include "cli/cli.h"
#include "indicators/ind.h"

/* Subcommands of cmd_indicator_edit.c and cmd_indicator_io.c. */
extern const struct cli_cmd indcli_set, indcli_submit, indcli_withdraw, indcli_validate,
	indcli_reopen, indcli_catalogue;
extern const struct cli_cmd indcli_import, indcli_export, indcli_consolidate;

/* Parses the value of option opt (a year in [IND_YEAR_MIN, IND_YEAR_MAX]);
 * prints the problem and returns CLI_USAGE, or 0. */
int indcli_year(const struct cli_cmd *cmd, const char *opt, const char *s, int *year);
/* Finds ministry code in the store (ind_find_ministry) and sets *id; prints
 * the problem and returns CLI_FAIL, or 0. */
int indcli_ministry(struct store *s, const char *code, int64_t *id);

#endif
