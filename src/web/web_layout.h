/* web_layout.h: the frame of every page (DSFR header, navigation, footer)
 * and small pieces pages share. Pages write their content between
 * web_page_begin and web_page_end into rs->body. */
#ifndef NUMECO_WEB_LAYOUT_H
#define NUMECO_WEB_LAYOUT_H

#include "web/web.h"

/* Starts an HTML page titled title (escaped) with the header and opens <main>. */
void web_page_begin(struct web_req *rq, struct web_resp *rs, const char *title);
/* Closes <main>, writes the footer and ends the document. */
void web_page_end(struct web_req *rq, struct web_resp *rs);
/* The hidden CSRF field every POST form carries. */
void web_csrf_field(const struct web_req *rq, struct buf *out);
/* A breadcrumb: pairs of (label, href) ended by the current page's label. */
void web_breadcrumb(struct buf *out, const char *const *items, size_t n);
/* A notice after a redirect: ?ok=MESSAGE-CODE shown as a success alert. */
void web_flash(const struct web_req *rq, struct buf *out);

#endif
