/* web_page.h: pieces shared by several pages: the periods known to the
 * store, the period chosen by ?periode=, the period selector. */
#ifndef NUMECO_WEB_PAGE_H
#define NUMECO_WEB_PAGE_H

#include "store/store_fp.h"
#include "web/web.h"

/* The periods that have a roadmap, oldest first, as the keys of periods. */
int web_periods(struct store *s, struct web_kvs *periods, struct err *err);
/* ?periode= when it is one of periods, else the latest; NULL when none. */
const char *web_period_choice(const struct web_req *rq, const struct web_kvs *periods);
/* A GET form choosing the period, submitted to action. */
void web_period_form(struct buf *o, const char *action, const struct web_kvs *periods,
		     const char *current);
/* 1 when the actor may see values computed with the referential named by
 * label ("NAME VERSION", as stored evaluations name it): restricted
 * (licensed) ones only for their ministry and the admin. */
int web_ref_visible(const struct web_req *rq, const struct ref_meta_list *refs, const char *label);

#endif
