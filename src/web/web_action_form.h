/* web_action_form.h: the action edit form of the web UI: its fields, reading
 * and validating the submitted values into a struct action with one French
 * message per faulty field, by the rules of the roadmap template
 * (plan/roadmap_csv.c), and the URL-encoding of path segments and query
 * values the action pages link with. */
#ifndef NUMECO_WEB_ACTION_FORM_H
#define NUMECO_WEB_ACTION_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/model.h"
#include "plan/roadmap_csv.h"
#include "web/web.h"

/* The editable fields, in the template's order (the reference is not
 * editable: it names the action). */
enum af_field {
	AF_TITLE,
	AF_DESCRIPTION,
	AF_THEME,
	AF_LEVEL,
	AF_STATUS,
	AF_KEY,
	AF_DIRECTION,
	AF_START,
	AF_DUE,
	AF_BUDGET,
	AF_INDICATOR,
	AF_IMPACT,
	AF_UNIT,
	AF_METHOD,
	AF_COMMENT,
	AF_COUNT
};

/* The form's values as text (what the inputs show) and, after
 * action_form_read, the message of each faulty field. */
struct action_form {
	char *value[AF_COUNT]; /* never NULL once filled */
	char *msg[AF_COUNT];   /* NULL when the field is fine */
	size_t nerrors;
	int64_t version; /* the hidden field: version the form was loaded with */
	int version_ok;	 /* 0 when it is absent or not a number */
};

/* The HTML name (and id) of a field, e.g. "titre". */
const char *action_form_name(enum af_field f);
/* Its label: the template's column header, e.g. "Échéance". */
const char *action_form_label(enum af_field f);
/* 1 for the texts that may hold line breaks (shown in a textarea). */
int action_form_multiline(enum af_field f);
/* Maximum length in characters of a text field, 0 for the others. */
size_t action_form_max(enum af_field f);

/* Fills f with the values of a, as the form shows them (codes for the
 * enumerations, ISO dates, "1234,50" for euros, "oui"/"" for the key). */
void action_form_from_action(struct action_form *f, const struct action *a);
/* Fills f from the submitted fields (absent ones are ""), then validates
 * them into a, which holds the stored action: its editable fields are
 * replaced; ref, id and version are kept. dirs are the directions the action
 * may be owned by (rm_directions). Returns the number of faulty fields (0:
 * a is valid); a must not be stored otherwise. */
size_t action_form_read(struct action_form *f, const struct web_kvs *form,
			const struct rm_direction *dirs, size_t ndirs, struct action *a);
void action_form_free(struct action_form *f);

/* ---- showing actions (shared by the ministry and action pages) ---- */

/* A status as a DSFR badge (colour by progress), an inline element. */
void action_html_status(struct buf *o, enum status s);
/* A review state as a DSFR badge, an inline element. */
void action_html_rstate(struct buf *o, enum rstate s);
/* An ISO date AAAA-MM-JJ as JJ/MM/AAAA ("—" when empty). */
void action_html_date(struct buf *o, const char *iso);
/* An ISO UTC time (2026-01-15T10:00:00Z) as "15/01/2026 10:00 UTC". */
void action_html_time(struct buf *o, const char *iso);
/* A text escaped, its line breaks as <br> ("—" when empty). */
void action_html_lines(struct buf *o, const char *text);

/* Appends s percent-encoded for a path segment or a query value (everything
 * but A-Z a-z 0-9 - _ . ~ is encoded). The result still goes through
 * html_attr when written into a page. */
void web_url_part(struct buf *out, const char *s);

#endif
