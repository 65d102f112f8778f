/* rg_ref_json.c: reading RGESN referentials from JSON — numeco's format and
 * the bare array of third-party tools (docs/formats/rgesn.md). */
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "rgesn/rgesn.h"

#define RG_FORMAT     "numeco-rgesn/1"
#define RG_FAMILY_MAX 99
#define RG_NUM_MAX    999
#define RG_NAME_MAX   40

/* The keys of a criterion that differ between the two dialects. */
struct keys {
	const char *array; /* path of the criteria array in messages */
	const char *family, *test, *applies;
};
static const struct keys numeco_keys = { "criteria", "family", "test", "applies" };
static const struct keys bare_keys = { "", "thematic_id", "control", "target" };

struct ctx {
	const char *file;
	struct diags *d;
};

/* Reports one problem at field (a path such as "criteria[3] (4.3): priority").
 */
static void bad(struct ctx *x, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void bad(struct ctx *x, const char *field, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diags_add(x->d, DIAG_ERROR, x->file, 0, field, "%s", msg.ptr);
	buf_free(&msg);
}

/* "prefix: key", or key alone when prefix is empty. */
static const char *path(struct buf *b, const char *prefix, const char *key)
{
	buf_reset(b);
	if (prefix[0] && key[0])
		buf_addf(b, "%s: %s", prefix, key);
	else
		buf_adds(b, prefix[0] ? prefix : key);
	return b->ptr;
}

static int blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

/* A string member: 0 with *out a copy (or "" when optional and absent or
 * null), -1 after reporting the problem (*out then "" too). */
static int get_str(struct ctx *x, json_t *obj, const char *prefix, const char *key, int required,
		   char **out)
{
	struct buf p = BUF_INIT;
	json_t *v = json_object_get(obj, key);
	int rc = 0;
	*out = NULL;
	if (!v || json_is_null(v)) {
		if (required) {
			bad(x, path(&p, prefix, key), "absent");
			rc = -1;
		}
	} else if (!json_is_string(v)) {
		bad(x, path(&p, prefix, key), "chaîne de caractères attendue");
		rc = -1;
	} else if (required && blank(json_string_value(v))) {
		bad(x, path(&p, prefix, key), "vide");
		rc = -1;
	} else {
		*out = xstrdup(json_string_value(v));
	}
	if (!*out)
		*out = xstrdup("");
	buf_free(&p);
	return rc;
}

/* An integer member in 1..max: 0 with *out set, -1 after reporting. */
static int get_int(struct ctx *x, json_t *obj, const char *prefix, const char *key, long max,
		   int *out)
{
	struct buf p = BUF_INIT;
	json_t *v = json_object_get(obj, key);
	int rc = -1;
	if (!v || json_is_null(v)) {
		bad(x, path(&p, prefix, key), "absent");
	} else if (!json_is_integer(v)) {
		bad(x, path(&p, prefix, key), "nombre entier attendu");
	} else if (json_integer_value(v) < 1 || json_integer_value(v) > max) {
		bad(x, path(&p, prefix, key),
		    "valeur hors limites %" JSON_INTEGER_FORMAT " (attendu : un entier de 1 à %ld)",
		    json_integer_value(v), max);
	} else {
		*out = (int)json_integer_value(v);
		rc = 0;
	}
	buf_free(&p);
	return rc;
}

/* Reads a positive decimal number without leading zero at *s, up to max. */
static int read_num(const char **s, long max, int *out)
{
	const char *p = *s;
	long v = 0;
	if (*p < '1' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (*p - '0');
		if (v > max)
			return -1;
	}
	*s = p;
	*out = (int)v;
	return 0;
}

/* "F.N" with F in 1..99 and N in 1..999, written without leading zeros. */
static int id_parse(const char *id, int *fam, int *num)
{
	if (read_num(&id, RG_FAMILY_MAX, fam) || *id++ != '.' || read_num(&id, RG_NUM_MAX, num))
		return -1;
	return *id ? -1 : 0;
}

/* The criterion's prefix in messages: "criteria[3] (4.3)", "[3] (4.3)"
 * for a bare array; the id only when it is a short printable string. */
static void crit_prefix(struct buf *b, const struct keys *k, size_t i, json_t *o)
{
	buf_reset(b);
	buf_addf(b, "%s[%zu]", k->array, i);
	json_t *id = json_is_object(o) ? json_object_get(o, "id") : NULL;
	const char *s = json_is_string(id) ? json_string_value(id) : "";
	size_t n = strlen(s);
	if (!n || n > 20)
		return;
	for (size_t j = 0; j < n; j++)
		if ((unsigned char)s[j] < 0x20 || s[j] == 0x7f)
			return;
	buf_addf(b, " (%s)", s);
}

/* Reads criteria[i] into c; fams/nfams (numeco format) lists the declared
 * families, NULL for a bare array. Returns the number of problems. */
static int crit_read(struct ctx *x, const struct keys *k, json_t *o, size_t i,
		     const struct rg_family *fams, size_t nfams, struct rg_criterion *c)
{
	struct buf pre = BUF_INIT, p = BUF_INIT;
	int errs = 0, famok, idok;
	crit_prefix(&pre, k, i, o);
	if (!json_is_object(o)) {
		bad(x, pre.ptr, "objet attendu");
		buf_free(&pre);
		return 1;
	}
	idok = get_str(x, o, pre.ptr, "id", 1, &c->id) == 0;
	errs += !idok;
	famok = get_int(x, o, pre.ptr, k->family, RG_FAMILY_MAX, &c->family) == 0;
	errs += !famok;
	if (famok && fams) {
		size_t f = 0;
		while (f < nfams && fams[f].num != c->family)
			f++;
		if (f == nfams) {
			bad(x, path(&p, pre.ptr, k->family),
			    "famille inconnue %d (absente de « families »)", c->family);
			errs++;
			famok = 0;
		}
	}
	if (idok) {
		int fam = 0;
		if (id_parse(c->id, &fam, &c->num) != 0) {
			bad(x, path(&p, pre.ptr, "id"),
			    "identifiant invalide « %s » (attendu : famille.numéro, par exemple "
			    "4.3)",
			    c->id);
			errs++;
		} else if (famok && fam != c->family) {
			bad(x, path(&p, pre.ptr, "id"),
			    "l'identifiant « %s » n'est pas dans la famille %d", c->id, c->family);
			errs++;
		}
	}
	errs += get_str(x, o, pre.ptr, "title", 1, &c->title) != 0;
	char *s = NULL;
	if (get_str(x, o, pre.ptr, "priority", 1, &s) != 0) {
		errs++;
	} else if (rg_priority_parse(s, &c->priority) != 0) {
		bad(x, path(&p, pre.ptr, "priority"),
		    "valeur inconnue « %s » (attendu : prioritaire, recommande ou modere)", s);
		errs++;
	}
	free(s);
	if (get_str(x, o, pre.ptr, "difficulty", 1, &s) != 0) {
		errs++;
	} else if (rg_difficulty_parse(s, &c->difficulty) != 0) {
		bad(x, path(&p, pre.ptr, "difficulty"),
		    "valeur inconnue « %s » (attendu : faible, moyen ou fort)", s);
		errs++;
	}
	free(s);

	json_t *q = json_object_get(o, "quick");
	if (q && !json_is_null(q) && !json_is_boolean(q)) {
		bad(x, path(&p, pre.ptr, "quick"), "booléen attendu (true ou false)");
		errs++;
	}
	c->quick = json_is_true(q);
	errs += get_str(x, o, pre.ptr, k->applies, 0, &c->applies) != 0;
	errs += get_str(x, o, pre.ptr, "objective", 0, &c->objective) != 0;
	errs += get_str(x, o, pre.ptr, "implementation", 0, &c->implementation) != 0;
	errs += get_str(x, o, pre.ptr, k->test, 0, &c->test) != 0;
	errs += get_str(x, o, pre.ptr, "url", 0, &c->url) != 0;
	buf_free(&pre);
	buf_free(&p);
	return errs;
}

/* Reads the criteria array into out, reporting every faulty entry and
 * duplicated ids. Returns the number of problems. */
static int criteria_read(struct ctx *x, const struct keys *k, json_t *arr, struct rg_ref *out)
{
	int errs = 0;
	size_t n = json_array_size(arr);
	struct buf p = BUF_INIT, pre = BUF_INIT;
	out->criteria = xcalloc(n ? n : 1, sizeof *out->criteria);
	out->ncriteria = n;
	/* The (family, number) of each well-formed id, 0 0 otherwise: an
	 * entry faulty elsewhere still takes its id. */
	int(*seen)[2] = xcalloc(n ? n : 1, sizeof *seen);
	for (size_t i = 0; i < n; i++) {
		struct rg_criterion *c = &out->criteria[i];
		json_t *o = json_array_get(arr, i);
		errs += crit_read(x, k, o, i, out->families, out->nfamilies, c);
		if (!c->id || id_parse(c->id, &seen[i][0], &seen[i][1]) != 0)
			continue;
		for (size_t j = 0; j < i; j++) {
			if (seen[j][0] == seen[i][0] && seen[j][1] == seen[i][1]) {
				crit_prefix(&pre, k, i, o);
				bad(x, path(&p, pre.ptr, "id"),
				    "identifiant en double « %s » (déjà en %s[%zu])", c->id,
				    k->array, j);
				errs++;
				break;
			}
		}
	}
	free(seen);
	buf_free(&p);
	buf_free(&pre);
	/* Entries that failed early hold NULL strings: make them freeable
	 * and printable alike. */
	for (size_t i = 0; i < n; i++) {
		struct rg_criterion *c = &out->criteria[i];
		char **f[] = { &c->id,	 &c->title,   &c->objective, &c->implementation,
			       &c->test, &c->applies, &c->url };
		for (size_t j = 0; j < sizeof f / sizeof f[0]; j++)
			if (!*f[j])
				*f[j] = xstrdup("");
	}
	return errs;
}

/* The families of a numeco file; returns the number of problems. */
static int families_read(struct ctx *x, json_t *arr, struct rg_ref *out)
{
	int errs = 0;
	size_t n = json_array_size(arr);
	struct buf pre = BUF_INIT, p = BUF_INIT;
	out->families = xcalloc(n ? n : 1, sizeof *out->families);
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_array_get(arr, i);
		struct rg_family f = { 0, NULL };
		buf_reset(&pre);
		buf_addf(&pre, "families[%zu]", i);
		if (!json_is_object(o)) {
			bad(x, pre.ptr, "objet attendu");
			errs++;
			continue;
		}
		int e = get_int(x, o, pre.ptr, "id", RG_FAMILY_MAX, &f.num) != 0;
		e += get_str(x, o, pre.ptr, "label", 1, &f.label) != 0;
		for (size_t j = 0; !e && j < out->nfamilies; j++) {
			if (out->families[j].num == f.num) {
				bad(x, path(&p, pre.ptr, "id"), "famille en double %d", f.num);
				e++;
			}
		}
		errs += e;
		if (e)
			free(f.label);
		else
			out->families[out->nfamilies++] = f;
	}
	if (!n) {
		bad(x, "families", "aucune famille");
		errs++;
	}
	buf_free(&pre);
	buf_free(&p);
	return errs;
}

/* A referential name or version: short, printable, without '@' (which
 * separates them in "RGESN@2024"). */
static int name_check(struct ctx *x, const char *field, const char *s)
{
	size_t n = strlen(s);
	int ok = n > 0 && n <= RG_NAME_MAX && s[0] != ' ' && s[n - 1] != ' ';
	for (size_t i = 0; ok && i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f || s[i] == '@')
			ok = 0;
	if (!ok)
		bad(x, field,
		    "valeur invalide « %s » (attendu : 1 à %d caractères, sans « @ » ni "
		    "espace "
		    "au début ou à la fin)",
		    s, RG_NAME_MAX);
	return !ok;
}

/* Name and version: the arguments when given (a file may be loaded under
 * another name or version), else the file's (root; NULL for a bare
 * array). Returns the number of problems. */
static int names_set(struct ctx *x, json_t *root, const char *name, const char *version,
		     struct rg_ref *out)
{
	int errs = 0;
	if (name)
		out->name = xstrdup(name);
	else if (root)
		errs += get_str(x, root, "", "name", 1, &out->name) != 0;
	if (version)
		out->version = xstrdup(version);
	else if (root)
		errs += get_str(x, root, "", "version", 1, &out->version) != 0;
	if (out->name && out->name[0])
		errs += name_check(x, "name", out->name);
	if (out->version && out->version[0])
		errs += name_check(x, "version", out->version);
	return errs;
}

static int cmp_family(const void *a, const void *b)
{
	const struct rg_family *x = a, *y = b;
	return (x->num > y->num) - (x->num < y->num);
}

static int cmp_criterion(const void *a, const void *b)
{
	const struct rg_criterion *x = a, *y = b;
	if (x->family != y->family)
		return (x->family > y->family) - (x->family < y->family);
	return (x->num > y->num) - (x->num < y->num);
}

/* The families of a bare array: those its criteria use, labelled from
 * labels (another referential) when it has them, else "Famille N". */
static void families_from_criteria(struct rg_ref *out, const struct rg_ref *labels)
{
	out->families = xcalloc(out->ncriteria ? out->ncriteria : 1, sizeof *out->families);
	for (size_t i = 0; i < out->ncriteria; i++) {
		int num = out->criteria[i].family;
		if (out->nfamilies && out->families[out->nfamilies - 1].num == num)
			continue; /* criteria are sorted by family already */
		struct rg_family *f = &out->families[out->nfamilies++];
		const char *l = labels ? rg_family_label(labels, num) : "";
		f->num = num;
		if (l[0]) {
			f->label = xstrdup(l);
		} else {
			struct buf b = BUF_INIT;
			buf_addf(&b, "Famille %d", num);
			f->label = buf_detach(&b);
		}
	}
}

int rg_ref_parse(const char *file, const char *data, size_t len, const char *name,
		 const char *version, const struct rg_ref *families, struct rg_ref *out,
		 struct diags *d)
{
	struct ctx x = { file ? file : "", d };
	json_error_t je;
	int errs = 0;
	memset(out, 0, sizeof *out);
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		diags_add(d, DIAG_ERROR, x.file, je.line > 0 ? je.line : 0, "",
			  "JSON invalide : %s (colonne %d)", je.text,
			  je.column > 0 ? je.column : 0);
		return -1;
	}
	const struct keys *k = json_is_array(root) ? &bare_keys : &numeco_keys;
	json_t *crit = root;
	if (json_is_array(root)) {
		if (!name || !version) {
			bad(&x, "",
			    "un tableau de critères ne porte ni nom ni version : indiquez-les "
			    "(par exemple RGESN et 2024)");
			errs++;
		}
		errs += names_set(&x, NULL, name, version, out);
		out->title = xstrdup("");
		out->source = xstrdup("");
		out->licence = xstrdup("");
		out->url = xstrdup("");
	} else if (!json_is_object(root)) {
		bad(&x, "", "objet ou tableau JSON attendu");
		json_decref(root);
		return -1;
	} else {
		json_t *fmt = json_object_get(root, "format");
		if (!json_is_string(fmt) || strcmp(json_string_value(fmt), RG_FORMAT) != 0) {
			if (json_is_string(fmt))
				bad(&x, "format", "format inconnu « %s » (attendu : « %s »)",
				    json_string_value(fmt), RG_FORMAT);
			else
				bad(&x, "format", "%s (attendu : « %s »)",
				    fmt ? "chaîne de caractères attendue" : "absent", RG_FORMAT);
			json_decref(root);
			return -1;
		}
		errs += names_set(&x, root, name, version, out);
		errs += get_str(&x, root, "", "title", 0, &out->title) != 0;
		errs += get_str(&x, root, "", "source", 0, &out->source) != 0;
		errs += get_str(&x, root, "", "licence", 0, &out->licence) != 0;
		errs += get_str(&x, root, "", "url", 0, &out->url) != 0;
		json_t *fams = json_object_get(root, "families");
		if (!json_is_array(fams)) {
			bad(&x, "families", fams ? "tableau attendu" : "absent");
			errs++;
		} else {
			errs += families_read(&x, fams, out);
		}
		crit = json_object_get(root, "criteria");
		if (!json_is_array(crit)) {
			bad(&x, "criteria", crit ? "tableau attendu" : "absent");
			errs++;
			crit = NULL;
		}
	}
	if (crit) {
		if (json_array_size(crit) == 0) {
			bad(&x, k->array[0] ? k->array : "", "aucun critère");
			errs++;
		}
		errs += criteria_read(&x, k, crit, out);
	}
	json_decref(root);
	if (errs) {
		rg_ref_free(out);
		return -1;
	}
	qsort(out->criteria, out->ncriteria, sizeof *out->criteria, cmp_criterion);
	if (k == &bare_keys)
		families_from_criteria(out, families);
	else
		qsort(out->families, out->nfamilies, sizeof *out->families, cmp_family);
	for (size_t i = 0; i < out->ncriteria; i++) {
		const struct rg_criterion *c = &out->criteria[i];
		if (c->objective[0] || c->implementation[0] || c->test[0])
			out->full_text = 1;
	}
	return 0;
}
