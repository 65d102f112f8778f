/* rg_report.h: what is written from assessments — the ecodesign
 * declaration of a service (standalone accessible HTML, Markdown, JSON) and
 * the consolidation of services per ministry and nationally (pure: plain
 * structs in, text or structs out). */
#ifndef NUMECO_RG_REPORT_H
#define NUMECO_RG_REPORT_H

#include <stdint.h>

#include "core/buf.h"
#include "rgesn/rgesn.h"

enum rg_format { RG_FMT_HTML, RG_FMT_MD, RG_FMT_JSON };
/* "html", "md", "json"; -1 when unknown. */
int rg_format_parse(const char *s, enum rg_format *out);

/* Everything a declaration shows. Strings may be "" (not NULL). */
struct rg_decl {
	const char *service_name;
	const char *service_url;
	const char *ministry_name;
	const char *direction_name;
	const char *contact;	 /* required to publish */
	const char *assessed_on; /* AAAA-MM-JJ */
	const char *published_at;
	const struct rg_ref *ref;
	const struct rg_item *items; /* the assessment's answers */
	size_t nitems;
	const struct rg_score *score;
	int has_previous; /* an earlier complete assessment */
	double previous_score;
	const char *previous_date;
	const char *previous_version; /* its referential version */
};
/* Renders the declaration (French): service, date, referential version,
 * score overall and per family (and per priority), the criteria not met
 * (non conforme, non évalué) with their notes, the non applicable ones with
 * their justification, the improvement plan (en cours criteria with their
 * planned dates, by date), the contact. HTML is a standalone page (lang fr,
 * one h1, tables with captions and th scope, no script, inline CSS only),
 * deterministic (golden files). */
void rg_declaration_render(const struct rg_decl *d, enum rg_format fmt, struct buf *out);

/* ---- consolidation ---- */

/* One service's latest complete assessment (input). */
struct rg_cons_in {
	int64_t ministry_id;
	const char *ministry_code;
	const char *ministry_name;
	const struct rg_ref *ref; /* of that assessment */
	const struct rg_item *items;
	size_t nitems;
	int assessed; /* 0: a registered service without a complete assessment */
};

enum { RG_DIST_N = 4 }; /* score buckets [0,25) [25,50) [50,75) [75,100] */

struct rg_cons_group {
	char *code; /* ministry code, "" for the national total */
	char *name;
	size_t services, assessed;
	int has_average;
	double average; /* mean of the assessed services' scores */
	size_t dist[RG_DIST_N];
};
struct rg_failed {
	char *criterion; /* id */
	char *title;
	size_t count; /* services answering non conforme */
};
struct rg_cons {
	struct rg_cons_group *groups; /* ministries by code */
	size_t ngroups;
	struct rg_cons_group national;
	struct rg_failed *failed; /* most often failed criteria, count desc then id */
	size_t nfailed;
};
/* Consolidates n services (sorted or not); keeps the `top` most failed
 * criteria (by criterion id across versions). */
void rg_consolidate(const struct rg_cons_in *in, size_t n, size_t top, struct rg_cons *out);
void rg_cons_free(struct rg_cons *c);
/* Renders the consolidation as a report section (French) in md, html
 * (a fragment: h2 + tables) or json. */
void rg_cons_render(const struct rg_cons *c, enum rg_format fmt, struct buf *out);

/* The section's heading, the same in every format. */
#define RG_CONS_HEADING "Écoconception des services (RGESN)"
/* What the consolidation cannot know from services alone: the ministries
 * that have none registered (codes and display names, nwithout of each),
 * listed after the table. */
struct rg_cons_opts {
	const char *const *without_codes;
	const char *const *without_names;
	size_t nwithout;
	/* HTML: lists of sentences instead of tables (one element per
	 * ministry and per criterion, for pages with a budget of elements). */
	int compact;
};
/* rg_cons_render with options (o may be NULL). The HTML fragment is one
 * <section> labelled by its <h2 id="h-rgesn">; Markdown starts with a
 * blank line and "## ". */
void rg_cons_render_opts(const struct rg_cons *c, enum rg_format fmt, const struct rg_cons_opts *o,
			 struct buf *out);
/* The consolidation as a JSON object (jansson; the caller owns the new
 * reference), as rg_cons_render writes it:
 *   services, assessed, average (0..100, 2 decimals, null when no service
 *   has a score), distribution [{from, to, services}] (4 buckets: [0,25),
 *   [25,50), [50,75), [75,100]), ministries [{code, name, services,
 *   assessed, average, distribution}], ministries_without_services [code],
 *   most_failed [{rank, criterion, title, services}]. */
struct json_t;
struct json_t *rg_cons_json(const struct rg_cons *c, const struct rg_cons_opts *o);

#endif
