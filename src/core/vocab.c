/* vocab.c: lenient lookup of enumeration codes and labels (see vocab.h). */
#include "core/vocab.h"

#include <string.h>

#include "core/buf.h"
#include "core/text.h"

int vocab_find(const struct vocab *v, int count, const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < count; i++)
		if (*s && (strcmp(s, v[i].code) == 0 || strcmp(s, v[i].label) == 0))
			return i;
	struct buf fs = BUF_INIT, fv = BUF_INIT;
	int found = -1;
	text_fold(s, &fs);
	for (int i = 0; fs.len && i < count && found < 0; i++) {
		const char *cands[3] = { v[i].code, v[i].label, v[i].alias };
		for (int j = 0; j < 3 && found < 0; j++) {
			if (!cands[j] || !*cands[j])
				continue;
			buf_reset(&fv);
			text_fold(cands[j], &fv);
			if (strcmp(fs.ptr, fv.ptr) == 0)
				found = i;
		}
	}
	buf_free(&fs);
	buf_free(&fv);
	return found;
}
