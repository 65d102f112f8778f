/* web_layout.c: the page frame (see web_layout.h), DSFR markup without
 * JavaScript: the header's links stay visible on narrow screens instead of
 * a menu that needs a script to open. */
#include "web/web_layout.h"

#include <string.h>

#include "core/model.h"
#include "report/html.h"
#include "web/web_assets.h"

void web_page_begin(struct web_req *rq, struct web_resp *rs, const char *title)
{
	struct buf *o = &rs->body;
	const char *css = web_asset_url("numeco.css");
	rs->content_type = NULL;
	buf_adds(o, "<!DOCTYPE html>\n<html lang=\"fr\" data-fr-scheme=\"light\">\n<head>\n"
		    "<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<title>");
	html_esc(o, title);
	buf_adds(o, " — numeco</title>\n");
	if (css) {
		buf_adds(o, "<link rel=\"stylesheet\"");
		html_attr(o, "href", css);
		buf_adds(o, ">\n");
	}
	buf_adds(o, "<link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n"
		    "<div class=\"fr-skiplinks\"><nav class=\"fr-container\" "
		    "aria-label=\"Accès rapide\"><ul class=\"fr-skiplinks__list\">"
		    "<li><a class=\"fr-link\" href=\"#contenu\">Aller au contenu</a></li>"
		    "</ul></nav></div>\n"
		    "<header class=\"fr-header\">\n<div class=\"fr-header__body\"><div "
		    "class=\"fr-container\"><div class=\"fr-header__body-row\">\n"
		    "<div class=\"fr-header__brand fr-enlarge-link\"><div "
		    "class=\"fr-header__brand-top\"><div class=\"fr-header__logo\">"
		    "<p class=\"fr-logo\">République<br>Française</p></div></div>\n"
		    "<div class=\"fr-header__service\"><a href=\"/\" title=\"Accueil — numeco\">"
		    "<p class=\"fr-header__service-title\">numeco</p></a>"
		    "<p class=\"fr-header__service-tagline\">Pilotage du numérique "
		    "écoresponsable de l'État</p></div></div>\n");
	if (rq->signed_in) {
		buf_adds(o,
			 "<div class=\"fr-header__tools\"><div "
			 "class=\"fr-header__tools-links\">"
			 "<nav aria-label=\"Menu principal\"><ul class=\"fr-btns-group\">"
			 "<li><a class=\"fr-btn\" href=\"/\">Tableau de bord</a></li>"
			 "<li><a class=\"fr-btn\" href=\"/empreinte\">Empreinte</a></li>"
			 "<li><a class=\"fr-btn\" href=\"/indicateurs\">Indicateurs</a></li>"
			 "<li><a class=\"fr-btn\" href=\"/services\">Services numériques</a></li>"
			 "<li><a class=\"fr-btn\" href=\"/compte\">");
		html_esc(o, rq->who.name);
		buf_adds(o, " (");
		html_esc(o, role_label(rq->who.role));
		buf_adds(o, ")</a></li><li><form method=\"post\" action=\"/deconnexion\">");
		web_csrf_field(rq, o);
		buf_adds(o, "<button class=\"fr-btn\" type=\"submit\">Se déconnecter</button>"
			    "</form></li></ul></nav></div></div>\n");
	}
	buf_adds(o, "</div></div></div>\n</header>\n"
		    "<main id=\"contenu\" class=\"fr-container fr-py-4w\" tabindex=\"-1\">\n");
}

void web_page_end(struct web_req *rq, struct web_resp *rs)
{
	(void)rq;
	buf_adds(&rs->body,
		 "</main>\n<footer class=\"fr-footer\">\n<div class=\"fr-container\">"
		 "<div class=\"fr-footer__body\"><div class=\"fr-footer__brand fr-enlarge-link\">"
		 "<a href=\"/\" title=\"Retour à l'accueil — numeco\"><p class=\"fr-logo\">"
		 "République<br>Française</p></a></div>"
		 "<div class=\"fr-footer__content\"><p class=\"fr-footer__content-desc\">numeco "
		 "tient les feuilles de route numérique écoresponsable des ministères, leur "
		 "revue par l'équipe centrale et l'empreinte de leur parc informatique.</p>"
		 "</div></div>\n<div class=\"fr-footer__bottom\"><ul "
		 "class=\"fr-footer__bottom-list\"><li class=\"fr-footer__bottom-item\"><a "
		 "class=\"fr-footer__bottom-link\" href=\"/api/v1/\">API</a></li></ul>"
		 "<div class=\"fr-footer__bottom-copy\"><p>Page écoconçue : sans script, "
		 "sans traceur.</p></div></div>\n</div>\n</footer>\n</body>\n</html>\n");
}

void web_csrf_field(const struct web_req *rq, struct buf *out)
{
	buf_adds(out, "<input type=\"hidden\" name=\"csrf\"");
	html_attr(out, "value", rq->csrf);
	buf_adds(out, ">");
}

void web_breadcrumb(struct buf *out, const char *const *items, size_t n)
{
	buf_adds(out, "<nav class=\"fr-breadcrumb\" aria-label=\"vous êtes ici :\">"
		      "<ol class=\"fr-breadcrumb__list\">");
	for (size_t i = 0; i + 1 < n; i += 2) {
		buf_adds(out, "<li><a class=\"fr-breadcrumb__link\"");
		html_attr(out, "href", items[i + 1]);
		buf_adds(out, ">");
		html_esc(out, items[i]);
		buf_adds(out, "</a></li>");
	}
	if (n % 2) {
		buf_adds(out, "<li><a class=\"fr-breadcrumb__link\" aria-current=\"page\">");
		html_esc(out, items[n - 1]);
		buf_adds(out, "</a></li>");
	}
	buf_adds(out, "</ol></nav>\n");
}

void web_flash(const struct web_req *rq, struct buf *out)
{
	static const char *const msgs[][2] = {
		{ "enregistre", "Modifications enregistrées." },
		{ "inchange", "Aucune modification : rien n'a été enregistré." },
		{ "importe", "Feuille de route importée." },
		{ "etat", "État de la feuille de route modifié." },
		{ "recommandation", "Recommandation ajoutée." },
		{ "traitee", "Recommandation mise à jour." },
		{ "jeton-revoque", "Jeton révoqué." },
		{ "estimation", "Estimation enregistrée." },
		{ "valeurs", "Valeurs enregistrées." },
		{ "collecte", "État de la collecte modifié." },
		{ "indicateur", "Définition de l'indicateur enregistrée." },
		{ "diagnostic", "Autodiagnostic enregistré." },
		{ "evaluation",
		  "Évaluation complète commencée : tous les critères sont non évalués." },
		{ "reponses", "Réponses enregistrées." },
		{ "convertie", "Autodiagnostic transformé en évaluation complète." },
		{ "publiee", "Déclaration d'écoconception publiée." },
	};
	const char *ok = web_kvs_get(&rq->query, "ok");
	if (!ok)
		return;
	for (size_t i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++)
		if (strcmp(ok, msgs[i][0]) == 0) {
			buf_adds(out, "<div class=\"fr-alert fr-alert--success fr-alert--sm "
				      "fr-mb-3w\" role=\"status\"><p>");
			html_esc(out, msgs[i][1]);
			buf_adds(out, "</p></div>\n");
		}
}
