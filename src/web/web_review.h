/* web_review.h: the review and import/export forms the ministry page
 * (GET /ministeres/{code}) embeds, the refusal page of the review, import
 * and footprint pages, their diagnostics table, the ministry page's URL.
 * (Path segments are encoded with web_url_part, web_action_form.h.)
 *
 * The forms post to the routes of page_review.c and page_io.c:
 *   POST /ministeres/{code}/{periode}/etat                          (etat)
 *   POST /ministeres/{code}/{periode}/recommandations       (texte, type, action)
 *   POST /ministeres/{code}/{periode}/recommandations/{id}/traitee  (traitee)
 *   GET|POST /ministeres/{code}/{periode}/import, GET …/export.csv
 * Each successful write redirects (303) to /ministeres/{code}?periode=…&ok=
 * etat|recommandation|traitee. The functions below only render (no SQL);
 * they write nothing when the signed-in person may not use a form.
 */
#ifndef NUMECO_WEB_REVIEW_H
#define NUMECO_WEB_REVIEW_H

#include <stdint.h>

#include "core/buf.h"
#include "core/model.h"
#include "store/store.h"
#include "web/web.h"

/* The review forms the actor may use on the roadmap of org for period, in
 * state `state` (ministry_id: the root of org's tree): one button per state
 * move allowed by rstate_can_move and perm_move, and the form adding a
 * recommendation or comment (admin). Headings are h3: call it under an h2
 * of the page (e.g. "Revue de la feuille de route"). */
void web_review_forms(struct web_req *rq, struct buf *out, const char *org, const char *period,
		      enum rstate state, int64_t ministry_id);

/* The "Marquer traitée" / "Marquer non traitée" button of one
 * recommendation (perm_edit_roadmap: admin or the ministry's référent);
 * nothing for a comment or without the right. */
void web_review_mark_form(struct web_req *rq, struct buf *out, const char *org, const char *period,
			  const struct review *r, int64_t ministry_id);

/* The review entries of a roadmap (store_review_list) as a DSFR table with
 * type, text, action, author, date, addressed badge and the button above;
 * "Aucune recommandation." when l is empty. Headings: none. */
void web_review_list(struct web_req *rq, struct buf *out, const char *org, const char *period,
		     const struct review_list *l, int64_t ministry_id);

/* Links to import (when perm_edit_roadmap) and to download the roadmap of
 * org for period as the CSV template (when has_roadmap), as a button group. */
void web_io_links(struct web_req *rq, struct buf *out, const char *org, const char *period,
		  int has_roadmap, int64_t ministry_id);

/* A refusal page (400, 403, 404, 409, 422 …) with message and a link back
 * to back_href (labelled back_label); like web_error_page, with the way back
 * to where the person came from. */
void web_refusal_page(struct web_req *rq, struct web_resp *rs, int status, const char *message,
		      const char *back_href, const char *back_label);

/* Diagnostics (file problems) as a DSFR table captioned caption (at most
 * 100 rows; the rest counted), followed by every line as the command line
 * prints it (FILE:LINE: Column: message) in a <pre>. Every occurrence of
 * strip (a temporary folder, "" for none) is left out of what is shown. */
void web_diags_table(struct buf *out, const struct diags *d, const char *caption,
		     const char *strip);

/* "/ministeres/CODE?periode=PERIOD" (encoded), then "&ok=OK" when ok. */
void web_ministry_url(struct buf *out, const char *org, const char *period, const char *ok);

#endif
