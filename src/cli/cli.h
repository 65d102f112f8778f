/* cli.h: what every numeco subcommand shares: options, opening the store,
 * the acting person, reading files, exit statuses. */
#ifndef NUMECO_CLI_H
#define NUMECO_CLI_H

#include "core/buf.h"
#include "core/err.h"
#include "core/perm.h"
#include "store/store.h"

/* Exit statuses: 0 success, 1 refused or faulty input, 2 wrong usage. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

/* Process configuration, read once in main from flags and environment. */
struct cli_ctx {
	const char *db_path; /* --db, else $NUMECO_DB, else numeco.db */
	const char *as;	     /* --as, else $NUMECO_AS, else NULL (local operator) */
	const char *user;    /* $USER, for the local operator's audit name */
};

/* One accepted option of a subcommand. Flags (has_arg 0) get "1". An
 * option with has_arg CLI_MANY may be repeated: value then points to an array
 * of CLI_MANY_MAX + 1 pointers, filled in order and ended by NULL. */
enum { CLI_MANY = 2, CLI_MANY_MAX = 32 };
struct cli_opt {
	const char *name; /* "--org" */
	int has_arg;
	const char **value;
};

/* A subcommand: run gets the arguments after its name. */
struct cli_cmd {
	const char *name;
	int (*run)(const struct cli_ctx *ctx, int argc, char **argv);
	const char *summary; /* one line for numeco --help */
	const char *help;    /* full text for numeco NAME --help */
};

/* Parses argv against opts; fills positionals (at most max_pos) and *npos.
 * Prints "--help" text and returns 1 when asked; prints a usage error and
 * returns -1 on unknown options or a wrong count; 0 otherwise. */
int cli_parse(const struct cli_cmd *cmd, int argc, char **argv, const struct cli_opt *opts,
	      const char **pos, int min_pos, int max_pos, int *npos);
/* Reports a missing required option and returns CLI_USAGE. */
int cli_missing(const struct cli_cmd *cmd, const char *opt);
/* Dispatches to one of subs by argv[0] (for "org add" and the like). */
int cli_dispatch(const struct cli_ctx *ctx, const char *group, const struct cli_cmd *subs, int argc,
		 char **argv);

/* For a subcommand without options: parses argv (min_pos..max_pos
 * positionals into pos, see cli_parse) then opens the existing database.
 * Returns the store with *rc CLI_OK, or NULL with *rc the status to return
 * (CLI_OK after --help, CLI_USAGE, CLI_FAIL). */
struct store *cli_open_plain(const struct cli_ctx *ctx, const struct cli_cmd *cmd, int argc,
			     char **argv, const char **pos, int min_pos, int max_pos, int *rc);
/* Opens the database named by ctx; prints the error and returns NULL. */
struct store *cli_open(const struct cli_ctx *ctx, enum store_open_mode mode);
/* Resolves the acting person: --as must name a stored person; without it the
 * local operator "cli:<user>" acts with every right. who holds the strings
 * (free with person_free). Prints the error and returns -1. */
int cli_actor(const struct cli_ctx *ctx, struct store *s, struct actor *a, struct person *who,
	      struct buf *idbuf);
/* Opens the store, resolves the actor, and runs fn inside one transaction
 * (rolled back when fn fails); prints the error. Returns CLI_OK or CLI_FAIL. */
typedef int (*cli_tx_fn)(struct store *s, const struct actor *a, void *arg, struct err *e);
int cli_transaction(const struct cli_ctx *ctx, cli_tx_fn fn, void *arg);
/* Reads a whole file ("-" for standard input). */
int cli_read_file(const char *path, struct buf *out, struct err *err);
/* Writes out to path, or standard output when path is NULL or "-". */
int cli_write_output(const char *path, const struct buf *out);
/* Prints "numeco: msg" to stderr and returns CLI_FAIL. */
int cli_fail(const struct err *e);

/* Subcommands (one file each). */
extern const struct cli_cmd cmd_init, cmd_org, cmd_person, cmd_import, cmd_export, cmd_review,
	cmd_log, cmd_report, cmd_referential, cmd_footprint, cmd_action, cmd_indicator, cmd_rgesn,
	cmd_service, cmd_assessment, cmd_serve;

#endif
