/* cmd_person.c: numeco person add|list|passwd — people, their roles and passwords. */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "auth/auth.h"
#include "cli/cli.h"
#include "plan/audit.h"
#include "plan/directory_csv.h"
#include "store/store_auth.h"

static int person_add(const struct cli_ctx *ctx, int argc, char **argv);
static int person_list(const struct cli_ctx *ctx, int argc, char **argv);
static int person_passwd(const struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_cmd subs[] = {
	{ "person add", person_add, "ajouter une personne avec un rôle",
	  "Usage : numeco person add E-MAIL --name NOM --role RÔLE --org CODE\n\n"
	  "Ajoute une personne rattachée à une organisation. RÔLE : admin (équipe\n"
	  "centrale), referent (un par ministère), correspondant (dans une direction)\n"
	  "ou lecteur. Son mot de passe pour l'application web : numeco person passwd.\n" },
	{ "person list", person_list, "lister les personnes",
	  "Usage : numeco person list [--org CODE]\n\n"
	  "Liste les personnes (de l'organisation CODE et de ses sous-organisations).\n" },
	{ "person passwd", person_passwd, "définir le mot de passe d'une personne",
	  "Usage : numeco person passwd E-MAIL [--generate]\n\n"
	  "Définit le mot de passe de connexion à l'application web de la personne\n"
	  "E-MAIL. Il est lu sur l'entrée standard (une ligne) ; dans un terminal, il\n"
	  "est demandé deux fois sans être affiché. Il doit compter au moins 12\n"
	  "caractères et n'être ni un seul caractère répété ni l'adresse électronique.\n"
	  "Seule son empreinte (argon2id) est conservée ; les sessions ouvertes de la\n"
	  "personne sont fermées.\n\n"
	  "  --generate   tirer au hasard un mot de passe de 20 caractères,\n"
	  "               l'enregistrer et l'afficher une seule fois sur la sortie\n"
	  "               standard\n\n"
	  "Droits : l'administrateur (ou l'opérateur local, sans --as), ou la personne\n"
	  "elle-même (--as E-MAIL).\n" },
	{ NULL, NULL, NULL, NULL },
};

struct person_arg {
	const char *email, *name;
	enum role role;
	const char *org;
};

static int do_person_add(struct store *s, const struct actor *a, void *arg, struct err *e)
{
	struct person_arg *x = arg;
	return dir_add_person(s, a, x->email, x->name, x->role, x->org, e);
}

static int person_add(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *name = NULL, *role_s = NULL, *org = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--name", 1, &name },
				  { "--role", 1, &role_s },
				  { "--org", 1, &org },
				  { NULL, 0, NULL } };
	int rc = cli_parse(&subs[0], argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	if (!name || !*name)
		return cli_missing(&subs[0], "--name");
	if (!role_s)
		return cli_missing(&subs[0], "--role");
	if (!org)
		return cli_missing(&subs[0], "--org");
	enum role role;
	if (role_parse(role_s, &role)) {
		fprintf(stderr,
			"numeco person add: rôle inconnu « %s » (attendu : admin, referent, "
			"correspondant ou lecteur)\n",
			role_s);
		return CLI_USAGE;
	}
	struct person_arg x = { pos[0], name, role, org };
	rc = cli_transaction(ctx, do_person_add, &x);
	if (rc == CLI_OK)
		printf("Personne ajoutée : %s — %s, %s (%s)\n", pos[0], name, role_label(role),
		       org);
	return rc;
}

static int person_list(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--org", 1, &org }, { NULL, 0, NULL } };
	int rc = cli_parse(&subs[1], argc, argv, opts, pos, 0, 0, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct person_list l = { 0 };
	struct err e = ERR_INIT;
	if (store_person_list(s, org, &l, &e)) {
		rc = cli_fail(&e);
	} else {
		for (size_t i = 0; i < l.n; i++)
			printf("%-42s %-14s %-20s %s\n", l.items[i].email,
			       role_code(l.items[i].role), l.items[i].org_code, l.items[i].name);
		if (l.n == 0)
			printf("Aucune personne.\n");
		rc = CLI_OK;
	}
	person_list_free(&l);
	err_free(&e);
	store_close(s);
	return rc;
}

/* Length of a generated password (hex characters of a random token). */
enum { PASSWD_GENERATED_LEN = 20 };

/* Reads one line of f into out, without its end ("\n" or "\r\n"). 1 read,
 * 0 nothing before end of file, -1 read error. */
static int read_line(FILE *f, struct buf *out)
{
	int c, any = 0;
	while ((c = getc(f)) != EOF) {
		any = 1;
		if (c == '\n')
			break;
		buf_addc(out, (char)c);
	}
	if (ferror(f))
		return -1;
	if (out->len && out->ptr[out->len - 1] == '\r')
		buf_truncate(out, out->len - 1);
	return any;
}

/* Asks for a password on the terminal (standard input), echo off. */
static int read_secret(const char *prompt, struct buf *out)
{
	struct termios old, quiet;
	int tty = tcgetattr(STDIN_FILENO, &old) == 0;
	fputs(prompt, stderr);
	fflush(stderr);
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	int got = read_line(stdin, out);
	if (tty)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	return got;
}

/* The new password: asked twice on a terminal, else one line of standard input. */
static int read_new_password(struct buf *pw, struct err *e)
{
	if (!isatty(STDIN_FILENO)) {
		int got = read_line(stdin, pw);
		if (got < 0)
			return err_set(e, "erreur de lecture de l'entrée standard");
		if (got == 0)
			return err_set(e, "aucun mot de passe sur l'entrée standard");
		return 0;
	}
	struct buf again = BUF_INIT;
	int rc = 0;
	if (read_secret("Nouveau mot de passe : ", pw) <= 0 ||
	    read_secret("Confirmez le mot de passe : ", &again) <= 0)
		rc = err_set(e, "saisie du mot de passe interrompue");
	else if (strcmp(pw->ptr, again.ptr) != 0)
		rc = err_set(e, "les deux saisies du mot de passe diffèrent");
	auth_wipe(again.ptr, again.len);
	buf_free(&again);
	return rc;
}

/* Stores hash as the password of target, ends its sessions and logs the
 * change, in one transaction. */
static int passwd_store(struct store *s, const struct actor *a, const struct person *target,
			const char *hash, struct err *e)
{
	struct buf after = BUF_INIT;
	audit_pairs_json(&after, "Mot de passe", "modifié", (const char *)NULL);
	int rc = -1;
	if (store_begin(s, e))
		goto out;
	if (store_password_set(s, target->email, hash, e) ||
	    store_session_delete_person(s, target->id, e) ||
	    audit_record(s, a, "person", target->email, "update", "", after.ptr, e) ||
	    store_commit(s, e)) {
		store_rollback(s);
		goto out;
	}
	rc = 0;
out:
	buf_free(&after);
	return rc;
}

static int person_passwd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *generate = NULL, *pos[1];
	int npos;
	struct cli_opt opts[] = { { "--generate", 0, &generate }, { NULL, 0, NULL } };
	int rc = cli_parse(&subs[2], argc, argv, opts, pos, 1, 1, &npos);
	if (rc)
		return rc > 0 ? CLI_OK : CLI_USAGE;
	struct store *s = cli_open(ctx, STORE_OPEN_EXISTING);
	if (!s)
		return CLI_FAIL;
	struct actor actor;
	struct person who = { 0 }, target = { 0 };
	struct buf id = BUF_INIT, pw = BUF_INIT;
	struct err e = ERR_INIT;
	char hash[AUTH_HASH_MAX] = "";
	rc = CLI_FAIL;
	if (cli_actor(ctx, s, &actor, &who, &id))
		goto out;
	/* Rights first, so nobody is asked for a password that would be refused. */
	int found = store_person_get(s, pos[0], &target, &e);
	if (found < 0) {
		rc = cli_fail(&e);
		goto out;
	}
	if (found == 0) {
		err_set(&e, "personne inconnue : « %s » (voir numeco person list)", pos[0]);
		rc = cli_fail(&e);
		goto out;
	}
	if (!perm_admin(&actor) && strcmp(actor.id, target.email) != 0) {
		err_set(&e, "%s n'a pas le droit de changer le mot de passe de %s", actor.id,
			target.email);
		rc = cli_fail(&e);
		goto out;
	}
	if (generate) {
		char token[AUTH_TOKEN_LEN];
		auth_token_new(token);
		buf_add(&pw, token, PASSWD_GENERATED_LEN);
		auth_wipe(token, sizeof(token));
	} else if (read_new_password(&pw, &e)) {
		rc = cli_fail(&e);
		goto out;
	}
	if (auth_password_check(pw.ptr, target.email, &e) || auth_password_hash(pw.ptr, hash, &e) ||
	    passwd_store(s, &actor, &target, hash, &e)) {
		rc = cli_fail(&e);
		goto out;
	}
	if (generate) {
		printf("%s\n", pw.ptr);
		fprintf(stderr,
			"Mot de passe de %s enregistré ; notez-le, il ne sera plus affiché.\n",
			target.email);
	} else {
		printf("Mot de passe modifié : %s\n", target.email);
	}
	rc = CLI_OK;
out:
	auth_wipe(pw.ptr, pw.len);
	buf_free(&pw);
	person_free(&target);
	person_free(&who);
	buf_free(&id);
	err_free(&e);
	store_close(s);
	return rc;
}

static int run(const struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_dispatch(ctx, "person", subs, argc, argv);
}

const struct cli_cmd cmd_person = { "person", run, "personnes et rôles : add, list, passwd", "" };
