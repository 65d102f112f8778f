/* report_rg.c: the "Écoconception des services (RGESN)" section of the
 * consolidated review: the consolidation of the services' assessments
 * (rendered by rgesn/rg_report.h), with the ministries of the review that
 * have no registered service, and its method note. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "report/report_int.h"
#include "rgesn/rg_report.h"

/* The ministries of a national review without any registered service
 * (none for a scoped review: its ministry is the whole section). */
struct without {
	const char **codes, **names;
	struct rg_cons_opts o;
};

static void without_init(struct without *w, const struct cons_input *in, const struct rg_cons *rg)
{
	size_t n = in->nministries;
	memset(w, 0, sizeof(*w));
	w->codes = xcalloc(n ? n : 1, sizeof(*w->codes));
	w->names = xcalloc(n ? n : 1, sizeof(*w->names));
	w->o.without_codes = w->codes;
	w->o.without_names = w->names;
	w->o.compact = 1; /* the HTML review stays under its budget of elements */
	if (report_is_scoped(in))
		return;
	for (size_t m = 0; m < n; m++) {
		const char *code = in->ministries[m].code ? in->ministries[m].code : "";
		size_t g = 0;
		while (g < rg->ngroups && strcmp(rg->groups[g].code, code) != 0)
			g++;
		if (g < rg->ngroups)
			continue;
		w->codes[w->o.nwithout] = code;
		w->names[w->o.nwithout++] = report_ministry_name(in, m);
	}
}

static void without_free(struct without *w)
{
	free(w->codes);
	free(w->names);
}

void report_rg_render(const struct cons_input *in, const struct rg_cons *rg, enum rg_format fmt,
		      struct buf *out)
{
	struct without w;
	without_init(&w, in, rg);
	rg_cons_render_opts(rg, fmt, &w.o, out);
	without_free(&w);
}

struct json_t *report_rg_json(const struct cons_input *in, const struct rg_cons *rg)
{
	struct without w;
	without_init(&w, in, rg);
	struct json_t *j = rg_cons_json(rg, &w.o);
	without_free(&w);
	return j;
}

const char report_rg_method[] =
	"L'écoconception des services compte les services numériques enregistrés dans "
	"numeco avec, pour chacun, sa dernière évaluation complète "
	"selon le RGESN, publiée ou non (les autodiagnostics ne comptent pas). Le score d'un "
	"service est la part des critères conformes parmi les critères applicables de la "
	"version du référentiel évaluée : les critères non applicables sont exclus, les "
	"critères non évalués ou en cours comptent comme non conformes. Le score moyen est "
	"la moyenne simple des scores des services évalués. Les critères le plus souvent non "
	"conformes sont comptés par identifiant de critère, toutes versions du référentiel "
	"confondues, une fois par service.";
