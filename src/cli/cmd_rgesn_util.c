/* cmd_rgesn_util.c: helpers shared by numeco rgesn, service and assessment
 * (cmd_rgesn_int.h): ids, referentials by id, scopes and scores, the
 * previous assessment, answers read from CSV, plain text tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_rgesn_int.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "io/columns.h"
#include "io/csv.h"
#include "io/parse.h"
#include "report/fmt.h"
#include "rgesn/rg_assess.h"

int rgcli_id(const struct cli_cmd *cmd, const char *s, int64_t *id)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (!*s || *end || v <= 0) {
		fprintf(stderr,
			"numeco %s: numéro d'évaluation invalide « %s » (un entier, voir numeco "
			"service show)\n",
			cmd->name, s);
		return CLI_USAGE;
	}
	*id = (int64_t)v;
	return 0;
}

const char *rgcli_ref_spec(const char *version, struct buf *out)
{
	if (!version || !*version)
		return NULL;
	buf_reset(out);
	if (strchr(version, '@'))
		buf_adds(out, version);
	else
		buf_addf(out, "RGESN@%s", version);
	return out->ptr;
}

int rgcli_open_ref(struct store *s, const char *version, struct rg_ref *r)
{
	struct err e = ERR_INIT;
	const char *name = "RGESN", *at = version ? strchr(version, '@') : NULL;
	struct buf nb = BUF_INIT;
	if (at) {
		buf_add(&nb, version, (size_t)(at - version));
		name = nb.ptr;
		version = at + 1;
	}
	memset(r, 0, sizeof(*r));
	int found = store_rg_ref_load(s, name, version, r, &e);
	if (found == 0)
		err_set(&e, "référentiel %s%s%s absent de la base (voir numeco rgesn versions)",
			name, version ? " " : "", version ? version : "");
	int rc = found > 0 ? 0 : cli_fail(&e);
	buf_free(&nb);
	err_free(&e);
	return rc;
}

/* ---- scope and score ---- */

void rgcli_scope(const struct rg_ref *r, const struct rg_assessment *as, struct rg_ref *view)
{
	*view = *r;
	view->criteria = xcalloc(r->ncriteria ? r->ncriteria : 1, sizeof(*view->criteria));
	view->ncriteria = 0;
	for (size_t i = 0; i < r->ncriteria; i++) {
		int keep = as->kind == RG_KIND_COMPLETE;
		for (size_t k = 0; !keep && k < as->nitems; k++)
			keep = strcmp(as->items[k].criterion, r->criteria[i].id) == 0;
		if (keep)
			view->criteria[view->ncriteria++] = r->criteria[i];
	}
}

void rgcli_scope_free(struct rg_ref *view)
{
	free(view->criteria);
	memset(view, 0, sizeof(*view));
}

void rgcli_score(const struct rg_ref *r, const struct rg_assessment *as, struct rg_score *out)
{
	struct rg_ref view;
	rgcli_scope(r, as, &view);
	rg_score_compute(&view, as->items, as->nitems, out);
	rgcli_scope_free(&view);
}

/* ---- one assessment ---- */

int rgcli_load(struct store *s, struct rg_ref_cache *refs, int64_t id, struct rgcli_assessment *x)
{
	struct err e = ERR_INIT;
	memset(x, 0, sizeof(*x));
	int found = store_rg_assessment_get(s, id, &x->as, &e);
	if (found == 0)
		err_set(&e, "évaluation inconnue : n° %lld (voir numeco service show)",
			(long long)id);
	if (found > 0) {
		x->ref = rg_ref_cache_get(s, refs, x->as.ref_id, &e);
		found = x->ref ? store_rg_service_get_id(s, x->as.service_id, &x->svc, &e) : -1;
		if (found == 0)
			err_set(&e, "service n° %lld introuvable", (long long)x->as.service_id);
	}
	int rc = 0;
	if (found <= 0) {
		rc = cli_fail(&e);
		rgcli_assessment_free(x);
	}
	err_free(&e);
	return rc;
}

void rgcli_assessment_free(struct rgcli_assessment *x)
{
	rg_assessment_free(&x->as);
	rg_service_free(&x->svc);
	memset(x, 0, sizeof(*x));
}

int rgcli_prev_load(struct store *s, struct rg_ref_cache *refs, const struct rgcli_assessment *x,
		    int published_only, struct rgcli_prev *p, struct err *e)
{
	memset(p, 0, sizeof(*p));
	p->found = rg_previous(s, &x->as, published_only, &p->as, e);
	if (p->found <= 0)
		return p->found;
	if (!(p->ref = rg_ref_cache_get(s, refs, p->as.ref_id, e)))
		return -1;
	rgcli_score(p->ref, &p->as, &p->score);
	rg_diff_compute(p->ref, p->as.items, p->as.nitems, x->ref, x->as.items, x->as.nitems,
			&p->diff);
	return 1;
}

void rgcli_prev_free(struct rgcli_prev *p)
{
	if (p->found > 0) {
		rg_score_free(&p->score);
		rg_diff_free(&p->diff);
	}
	rg_assessment_free(&p->as);
}

/* ---- numbers ---- */

void rgcli_pct(struct buf *out, const struct rg_tally *t)
{
	if (t->has_score)
		fmt_pct(out, t->score / 100.0, 1);
	else
		buf_adds(out, "—");
}

void rgcli_points(struct buf *out, double delta)
{
	if (delta > 0.0)
		buf_addc(out, '+');
	fmt_dec(out, delta, 1);
	buf_adds(out, delta >= 2.0 || delta <= -2.0 ? " points" : " point");
}

/* ---- answers from CSV ---- */

/* Titre (written by numeco rgesn questionnaire) is read and ignored. */
enum { COL_CRIT, COL_ANSWER, COL_JUSTIF, COL_DATE, COL_NOTE, COL_TITLE, NCOL };
static const struct col_spec answer_cols[NCOL] = {
	{ "Critère", 1, { "Id", "Identifiant", "Criterion", NULL } },
	{ "Réponse", 1, { "Statut", "Answer", "État", NULL } },
	{ "Justification", 0, { "Justificatif", NULL } },
	{ "Date prévue", 0, { "Date", "Échéance", "Planned", NULL } },
	{ "Note", 0, { "Notes", "Commentaire", NULL } },
	{ "Titre", 0, { "Intitulé", "Question", NULL } },
};

/* Sorts d by line, keeping the order of entries on the same line. */
static void sort_by_line(struct diags *d)
{
	for (size_t i = 1; i < d->n; i++) {
		struct diag cur = d->items[i];
		size_t j = i;
		while (j > 0 && d->items[j - 1].line > cur.line) {
			d->items[j] = d->items[j - 1];
			j--;
		}
		d->items[j] = cur;
	}
}

static void item_free(struct rg_item *it)
{
	free(it->criterion);
	free(it->justification);
	free(it->planned);
	free(it->note);
}

/* The answers read so far, and the line of each. */
struct answers {
	struct rg_item *items;
	long *lines;
	size_t n, cap;
};

static void answers_free(struct answers *v)
{
	for (size_t i = 0; i < v->n; i++)
		item_free(&v->items[i]);
	free(v->items);
	free(v->lines);
}

/* 1 when the record leaves its question blank (Réponse, Justification, Date
 * prévue and Note empty): a questionnaire line not filled in, skipped. */
static int unanswered(struct csv_reader *r, const int *map)
{
	static const int cols[] = { COL_ANSWER, COL_JUSTIF, COL_DATE, COL_NOTE };
	struct buf f = BUF_INIT;
	int blank = 1;
	for (size_t i = 0; blank && i < sizeof(cols) / sizeof(cols[0]); i++) {
		columns_get(r, map, cols[i], &f);
		blank = f.len == 0;
	}
	buf_free(&f);
	return blank;
}

/* Reads one record into it; each fault goes to d. 0 when it is usable. */
static int read_answer(struct csv_reader *r, const int *map, const struct answers *seen,
		       struct rg_item *it, struct diags *d)
{
	const char *path = csv_name(r);
	long line = csv_line(r);
	struct buf f = BUF_INIT;
	struct err e = ERR_INIT;
	int bad = 0;
	memset(it, 0, sizeof(*it));
	columns_get(r, map, COL_CRIT, &f);
	it->criterion = xstrdup(f.ptr);
	if (!it->criterion[0]) {
		diags_add(d, DIAG_ERROR, path, line, "Critère", "critère manquant");
		bad = 1;
	}
	for (size_t i = 0; !bad && i < seen->n; i++)
		if (strcmp(seen->items[i].criterion, it->criterion) == 0) {
			diags_add(d, DIAG_ERROR, path, line, "Critère",
				  "critère %s déjà répondu ligne %ld", it->criterion,
				  seen->lines[i]);
			bad = 1;
		}
	buf_reset(&f);
	columns_get(r, map, COL_ANSWER, &f);
	if (rg_answer_parse(f.ptr, &it->answer)) {
		diags_add(d, DIAG_ERROR, path, line, "Réponse",
			  "réponse inconnue « %s » (conforme, non conforme, non applicable, en "
			  "cours ou non évalué)",
			  f.ptr);
		bad = 1;
	}
	buf_reset(&f);
	columns_get(r, map, COL_JUSTIF, &f);
	it->justification = xstrdup(f.ptr);
	buf_reset(&f);
	columns_get(r, map, COL_NOTE, &f);
	it->note = xstrdup(f.ptr);
	buf_reset(&f);
	columns_get(r, map, COL_DATE, &f);
	char iso[11] = "";
	if (f.len && parse_date(f.ptr, iso, &e)) {
		diags_add(d, DIAG_ERROR, path, line, "Date prévue", "%s", e.msg.ptr);
		bad = 1;
	}
	it->planned = xstrdup(iso);
	if (!bad) {
		buf_reset(&f);
		if (rg_item_check(it, &f)) {
			const char *field = it->answer == RG_ANS_NON_APPLICABLE ? "Justification"
					    : it->answer == RG_ANS_EN_COURS	? "Date prévue"
										: "Réponse";
			diags_add(d, DIAG_ERROR, path, line, field, "%s",
				  f.len ? f.ptr : "réponse incomplète");
			bad = 1;
		}
	}
	buf_free(&f);
	err_free(&e);
	return bad ? -1 : 0;
}

/* Moves the refusals of rg_answers_set (field: the criterion) to their line. */
static void relocate(const struct diags *from, const struct answers *v, const char *path,
		     struct diags *d)
{
	for (size_t i = 0; i < from->n; i++) {
		const struct diag *g = &from->items[i];
		long line = 0;
		for (size_t k = 0; k < v->n && !line; k++)
			if (strcmp(v->items[k].criterion, g->field) == 0)
				line = v->lines[k];
		diags_add(d, g->level, path, line, "Critère", "%s", g->msg);
	}
}

int rgcli_import(struct store *s, const struct actor *a, int64_t id, const char *path,
		 const struct buf *data, size_t *n, struct diags *d, struct err *err)
{
	struct answers v = { 0 };
	struct diags fd = DIAGS_INIT;
	int map[NCOL];
	*n = 0;
	struct csv_reader *r = csv_open_mem(path, data->ptr, data->len, err);
	if (!r)
		return err_prefix(err, "%s : ", path);
	int got = csv_next(r, err);
	if (got <= 0) {
		diags_add(d, DIAG_ERROR, path, got < 0 ? csv_line(r) : 1, "", "%s",
			  got < 0 ? err->msg.ptr
				  : "fichier vide : l'en-tête est attendu "
				    "(Critère;Réponse;Justification;Date prévue;Note)");
		err_clear(err);
		goto done;
	}
	size_t header = csv_nfields(r);
	if (columns_map(r, answer_cols, NCOL, map, d))
		goto done;
	while ((got = csv_next(r, err)) != 0) {
		if (got < 0) {
			diags_add(d, DIAG_ERROR, path, csv_line(r), "", "%s", err->msg.ptr);
			err_clear(err);
			continue;
		}
		if (columns_overflow(r, header)) {
			diags_add(d, DIAG_ERROR, path, csv_line(r), "",
				  "plus de colonnes que l'en-tête (ligne décalée ?)");
			continue;
		}
		struct rg_item it;
		if (unanswered(r, map))
			continue;
		if (read_answer(r, map, &v, &it, d)) {
			item_free(&it);
			continue;
		}
		xgrow((void **)&v.items, sizeof(*v.items), v.n + 1, &v.cap);
		v.lines = xrealloc(v.lines, v.cap * sizeof(*v.lines));
		v.items[v.n] = it;
		v.lines[v.n++] = csv_line(r);
	}
	if (!v.n && !d->errors)
		diags_add(d, DIAG_ERROR, path, csv_line(r), "", "aucune réponse dans le fichier");
	if (v.n && rg_answers_set(s, a, id, v.items, v.n, &fd, err)) {
		relocate(&fd, &v, path, d);
		if (!fd.errors && err->msg.len) { /* refused as a whole (rights…) */
			csv_close(r);
			answers_free(&v);
			diags_free(&fd);
			return -1;
		}
		err_clear(err);
	}
	*n = v.n;
done:
	sort_by_line(d);
	csv_close(r);
	answers_free(&v);
	diags_free(&fd);
	return d->errors ? -1 : 0;
}

/* ---- tables ---- */

void rgcli_table_init(struct rgcli_table *t, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
}

static void table_add(struct rgcli_table *t, const char *const *cells, int section)
{
	xgrow((void **)&t->cells, sizeof(*t->cells), (t->nrows + 1) * t->ncols, &t->cap);
	xgrow((void **)&t->section, 1, t->nrows + 1, &t->section_cap);
	for (size_t c = 0; c < t->ncols; c++)
		t->cells[t->nrows * t->ncols + c] =
			xstrdup(c == 0 || !section ? (cells[c] ? cells[c] : "") : "");
	t->section[t->nrows++] = (unsigned char)section;
}

void rgcli_table_row(struct rgcli_table *t, const char *const *cells)
{
	table_add(t, cells, 0);
}

void rgcli_table_section(struct rgcli_table *t, const char *text)
{
	table_add(t, &text, 1);
}

void rgcli_table_print(const struct rgcli_table *t, const char *indent)
{
	size_t *w = xcalloc(t->ncols, sizeof(*w));
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		size_t n = text_utf8_len(t->cells[i]);
		if (!t->section[i / t->ncols] && n > w[i % t->ncols])
			w[i % t->ncols] = n;
	}
	struct buf line = BUF_INIT;
	for (size_t r = 0; r < t->nrows; r++) {
		if (t->section[r]) {
			printf("%s%s%s\n", r ? "\n" : "", indent, t->cells[r * t->ncols]);
			continue;
		}
		buf_reset(&line);
		buf_adds(&line, indent);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *cell = t->cells[r * t->ncols + c];
			buf_adds(&line, cell);
			for (size_t k = text_utf8_len(cell); c + 1 < t->ncols && k < w[c] + 2; k++)
				buf_addc(&line, ' ');
		}
		while (line.len && line.ptr[line.len - 1] == ' ')
			buf_truncate(&line, line.len - 1);
		puts(line.ptr);
	}
	buf_free(&line);
	free(w);
}

void rgcli_table_free(struct rgcli_table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->section);
	memset(t, 0, sizeof(*t));
}
