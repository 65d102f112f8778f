/* rg_ref_write.c: writing an RGESN referential in numeco's JSON format
 * (docs/formats/rgesn.md), the form rg_ref_parse reads back unchanged. */
#include <jansson.h>
#include <stdlib.h>

#include "core/xalloc.h"
#include "rgesn/rgesn.h"

/* A JSON string of s, "" for NULL; bytes that are not UTF-8 (a referential
 * built by hand) are written as they are rather than dropped. */
static json_t *jstr(const char *s)
{
	if (!s)
		s = "";
	json_t *j = json_string(s);
	return j ? j : json_string_nocheck(s);
}

void rg_ref_write_json(const struct rg_ref *r, struct buf *out)
{
	json_t *root = json_object();
	json_object_set_new(root, "format",
			    json_string("numeco-rgesn/1") /* RG_FORMAT of rg_ref_json.c */);
	json_object_set_new(root, "name", jstr(r->name));
	json_object_set_new(root, "version", jstr(r->version));
	json_object_set_new(root, "title", jstr(r->title));
	json_object_set_new(root, "source", jstr(r->source));
	json_object_set_new(root, "licence", jstr(r->licence));
	json_object_set_new(root, "url", jstr(r->url));
	json_t *fams = json_array();
	for (size_t i = 0; i < r->nfamilies; i++) {
		json_t *f = json_object();
		json_object_set_new(f, "id", json_integer(r->families[i].num));
		json_object_set_new(f, "label", jstr(r->families[i].label));
		json_array_append_new(fams, f);
	}
	json_object_set_new(root, "families", fams);
	json_t *crits = json_array();
	for (size_t i = 0; i < r->ncriteria; i++) {
		const struct rg_criterion *c = &r->criteria[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", jstr(c->id));
		json_object_set_new(o, "family", json_integer(c->family));
		json_object_set_new(o, "title", jstr(c->title));
		json_object_set_new(o, "priority", json_string(rg_priority_code(c->priority)));
		json_object_set_new(o, "difficulty",
				    json_string(rg_difficulty_code(c->difficulty)));
		json_object_set_new(o, "quick", json_boolean(c->quick));
		json_object_set_new(o, "applies", jstr(c->applies));
		json_object_set_new(o, "objective", jstr(c->objective));
		json_object_set_new(o, "implementation", jstr(c->implementation));
		json_object_set_new(o, "test", jstr(c->test));
		json_object_set_new(o, "url", jstr(c->url));
		json_array_append_new(crits, o);
	}
	json_object_set_new(root, "criteria", crits);
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (!text)
		xalloc_die("json_dumps");
	buf_adds(out, text);
	buf_addc(out, '\n');
	free(text);
	json_decref(root);
}
