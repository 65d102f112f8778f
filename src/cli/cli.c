/* cli.c: option parsing, store opening and other helpers shared by the
 * subcommands (see cli.h). */
#include "cli/cli.h"
#include "plan/actor.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_parse(const struct cli_cmd *cmd, int argc, char **argv, const struct cli_opt *opts,
	      const char **pos, int min_pos, int max_pos, int *npos)
{
	*npos = 0;
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			fputs(cmd->help, stdout);
			return 1;
		}
		if (arg[0] == '-' && arg[1] == '-' && arg[2]) {
			const char *eq = strchr(arg, '=');
			size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
			const struct cli_opt *o = opts;
			while (o && o->name &&
			       !(strlen(o->name) == n && strncmp(o->name, arg, n) == 0))
				o++;
			if (!o || !o->name) {
				fprintf(stderr,
					"numeco %s: option inconnue « %.*s » (voir numeco %s "
					"--help)\n",
					cmd->name, (int)n, arg, cmd->name);
				return -1;
			}
			const char **slot = o->value;
			if (o->has_arg == CLI_MANY) {
				int k = 0;
				while (k < CLI_MANY_MAX && slot[k])
					k++;
				if (k == CLI_MANY_MAX) {
					fprintf(stderr,
						"numeco %s: option %s répétée plus de %d fois\n",
						cmd->name, o->name, CLI_MANY_MAX);
					return -1;
				}
				slot += k;
			}
			if (!o->has_arg) {
				if (eq) {
					fprintf(stderr,
						"numeco %s: l'option %s ne prend pas de valeur\n",
						cmd->name, o->name);
					return -1;
				}
				*o->value = "1";
			} else if (eq) {
				*slot = eq + 1;
			} else if (i + 1 < argc) {
				*slot = argv[++i];
			} else {
				fprintf(stderr, "numeco %s: l'option %s attend une valeur\n",
					cmd->name, o->name);
				return -1;
			}
			continue;
		}
		if (*npos >= max_pos) {
			fprintf(stderr,
				"numeco %s: argument en trop « %s » (voir numeco %s --help)\n",
				cmd->name, arg, cmd->name);
			return -1;
		}
		pos[(*npos)++] = arg;
	}
	if (*npos < min_pos) {
		fprintf(stderr, "numeco %s: argument manquant (voir numeco %s --help)\n", cmd->name,
			cmd->name);
		return -1;
	}
	return 0;
}

int cli_missing(const struct cli_cmd *cmd, const char *opt)
{
	fprintf(stderr, "numeco %s: l'option %s est obligatoire (voir numeco %s --help)\n",
		cmd->name, opt, cmd->name);
	return CLI_USAGE;
}

int cli_dispatch(const struct cli_ctx *ctx, const char *group, const struct cli_cmd *subs, int argc,
		 char **argv)
{
	if (argc < 1 || strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
		printf("Usage : numeco %s SOUS-COMMANDE [OPTIONS]\n\nSous-commandes :\n", group);
		for (const struct cli_cmd *c = subs; c->name; c++)
			printf("  %-28s %s\n", c->name, c->summary);
		printf("\nAide d'une sous-commande : numeco %s SOUS-COMMANDE --help\n", group);
		return argc < 1 ? CLI_USAGE : CLI_OK;
	}
	for (const struct cli_cmd *c = subs; c->name; c++) {
		/* c->name is "group sub"; match the part after the space. */
		const char *sub = strchr(c->name, ' ');
		sub = sub ? sub + 1 : c->name;
		if (strcmp(sub, argv[0]) == 0)
			return c->run(ctx, argc - 1, argv + 1);
	}
	fprintf(stderr, "numeco %s: sous-commande inconnue « %s » (voir numeco %s --help)\n", group,
		argv[0], group);
	return CLI_USAGE;
}

struct store *cli_open(const struct cli_ctx *ctx, enum store_open_mode mode)
{
	struct err e = ERR_INIT;
	int migrated = 0;
	struct store *s = store_open(ctx->db_path, mode, &migrated, &e);
	if (!s) {
		fprintf(stderr, "numeco: %s\n", e.msg.ptr);
	} else if (migrated && mode == STORE_OPEN_EXISTING) {
		fprintf(stderr, "numeco: base %s mise à jour (%d migration%s appliquée%s)\n",
			ctx->db_path, migrated, migrated > 1 ? "s" : "", migrated > 1 ? "s" : "");
	}
	if (s && ctx->as) {
		/* Every command refuses an unknown --as, even those that only read. */
		struct person p = { 0 };
		int found = store_person_get(s, ctx->as, &p, &e);
		if (found <= 0) {
			if (found == 0)
				fprintf(stderr,
					"numeco: personne inconnue (--as) : « %s » (voir "
					"numeco person list)\n",
					ctx->as);
			else
				fprintf(stderr, "numeco: %s\n", e.msg.ptr);
			store_close(s);
			s = NULL;
		}
		person_free(&p);
	}
	err_free(&e);
	return s;
}

int cli_actor(const struct cli_ctx *ctx, struct store *s, struct actor *a, struct person *who,
	      struct buf *idbuf)
{
	struct err e = ERR_INIT;
	memset(a, 0, sizeof(*a));
	memset(who, 0, sizeof(*who));
	if (!ctx->as) {
		buf_addf(idbuf, "cli:%s", ctx->user);
		a->id = idbuf->ptr;
		a->local = 1;
		a->role = ROLE_ADMIN;
		return 0;
	}
	int found = actor_load(s, ctx->as, who, a, &e);
	if (found <= 0) {
		if (found == 0)
			fprintf(stderr,
				"numeco: personne inconnue (--as) : « %s » (voir numeco person "
				"list)\n",
				ctx->as);
		else
			fprintf(stderr, "numeco: %s\n", e.msg.ptr);
		err_free(&e);
		return -1;
	}
	err_free(&e);
	return 0;
}

int cli_transaction(const struct cli_ctx *ctx, cli_tx_fn fn, void *arg)
{
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct actor actor;
	struct person who = { 0 };
	struct buf id = BUF_INIT;
	struct err e = ERR_INIT;
	int rc = CLI_FAIL;
	if (cli_actor(ctx, s, &actor, &who, &id))
		goto out;
	if (store_begin(s, &e) || fn(s, &actor, arg, &e) || store_commit(s, &e)) {
		store_rollback(s);
		rc = cli_fail(&e);
		goto out;
	}
	rc = CLI_OK;
out:
	person_free(&who);
	buf_free(&id);
	err_free(&e);
	store_close(s);
	return rc;
}

int cli_read_file(const char *path, struct buf *out, struct err *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return err_set(err, "impossible d'ouvrir %s : %s", path, strerror(errno));
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	int bad = ferror(f);
	if (f != stdin)
		fclose(f);
	if (bad)
		return err_set(err, "erreur de lecture de %s", path);
	return 0;
}

int cli_write_output(const char *path, const struct buf *out)
{
	int to_stdout = !path || strcmp(path, "-") == 0;
	FILE *f = to_stdout ? stdout : fopen(path, "wb");
	if (!f) {
		fprintf(stderr, "numeco: impossible d'écrire %s : %s\n", path, strerror(errno));
		return CLI_FAIL;
	}
	size_t w = fwrite(out->ptr, 1, out->len, f);
	int bad = w != out->len || fflush(f) != 0;
	if (!to_stdout && fclose(f) != 0)
		bad = 1;
	if (bad) {
		fprintf(stderr, "numeco: écriture incomplète de %s\n",
			to_stdout ? "la sortie" : path);
		return CLI_FAIL;
	}
	return CLI_OK;
}

int cli_fail(const struct err *e)
{
	fprintf(stderr, "numeco: %s\n", e->msg.ptr);
	return CLI_FAIL;
}

struct store *cli_open_plain(const struct cli_ctx *ctx, const struct cli_cmd *cmd, int argc,
			     char **argv, const char **pos, int min_pos, int max_pos, int *rc)
{
	int npos;
	struct cli_opt opts[] = { { NULL, 0, NULL } };
	int r = cli_parse(cmd, argc, argv, opts, pos, min_pos, max_pos, &npos);
	if (r) {
		*rc = r > 0 ? CLI_OK : CLI_USAGE;
		return NULL;
	}
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	*rc = s ? CLI_OK : CLI_FAIL;
	return s;
}
