/* api.c: the JSON API under /api/v1/ (docs/api.md): its route table and its
 * index, which names the signed-in person and lists the resources. */
#include "web/api.h"
#include "web/web_route.h"

/* One entry of the index: method, path template, what it does. */
static const char *const resources[][3] = {
	{ "GET", "/api/v1/", "cet index" },
	{ "GET", "/api/v1/organisations", "les organisations (ministères, directions …)" },
	{ "GET", "/api/v1/organisations/{code}",
	  "une organisation, ses sous-organisations et "
	  "ses feuilles de route" },
	{ "GET", "/api/v1/feuilles-de-route?periode=P", "les feuilles de route (d'une période)" },
	{ "GET", "/api/v1/feuilles-de-route/{code}/{periode}",
	  "une feuille de route, son état et ses actions" },
	{ "GET", "/api/v1/feuilles-de-route/{code}/{periode}/actions/{ref}", "une action" },
	{ "PUT", "/api/v1/feuilles-de-route/{code}/{periode}/actions/{ref}",
	  "modifier une action (avec sa \"version\")" },
	{ "POST", "/api/v1/feuilles-de-route/{code}/{periode}/etat",
	  "changer l'état de revue ({\"etat\": \"soumise\"})" },
	{ "GET", "/api/v1/feuilles-de-route/{code}/{periode}/recommandations",
	  "les recommandations et commentaires" },
	{ "POST", "/api/v1/feuilles-de-route/{code}/{periode}/recommandations",
	  "ajouter une recommandation (admin)" },
	{ "POST", "/api/v1/feuilles-de-route/{code}/{periode}/recommandations/{id}/traitee",
	  "marquer une recommandation traitée" },
	{ "GET", "/api/v1/bilan?periode=P[&org=CODE]", "le bilan consolidé d'une période" },
	{ "GET", "/api/v1/empreinte?annee=A", "les totaux d'empreinte enregistrés" },
	{ "GET", "/api/v1/indicateurs", "le catalogue des indicateurs communs" },
	{ "GET", "/api/v1/indicateurs/national?annee=A",
	  "les valeurs nationales d'une année, avec complétude, cible et écart" },
	{ "GET", "/api/v1/organisations/{code}/indicateurs?annee=A",
	  "les valeurs d'un ministère pour une année, leur origine et l'état de sa collecte" },
	{ "GET", "/api/v1/services?ministere=CODE",
	  "les services numériques et le score RGESN de leur dernière évaluation complète" },
	{ "GET", "/api/v1/services/{code}/declaration",
	  "la dernière déclaration d'écoconception publiée d'un service" },
};

int api_get_index(struct web_req *rq, struct web_resp *rs, struct err *err)
{
	(void)err;
	json_t *j = json_object(), *who = json_object(), *list = json_array();
	json_object_set_new(who, "email", api_str(rq->who.email));
	json_object_set_new(who, "nom", api_str(rq->who.name));
	json_object_set_new(who, "role", api_str(role_code(rq->who.role)));
	json_object_set_new(who, "role_libelle", api_str(role_label(rq->who.role)));
	json_object_set_new(who, "organisation", api_str(rq->who.org_code));
	json_object_set_new(who, "authentification", api_str(rq->by_token ? "jeton" : "session"));
	for (size_t i = 0; i < sizeof(resources) / sizeof(resources[0]); i++) {
		json_t *r = json_object();
		json_object_set_new(r, "methode", api_str(resources[i][0]));
		json_object_set_new(r, "adresse", api_str(resources[i][1]));
		json_object_set_new(r, "description", api_str(resources[i][2]));
		json_array_append_new(list, r);
	}
	json_object_set_new(j, "api", api_str("numeco"));
	json_object_set_new(j, "version", api_str("v1"));
	json_object_set_new(j, "utilisateur", who);
	json_object_set_new(j, "ressources", list);
	api_send(rs, 200, j);
	return 0;
}

#define FDR "/api/v1/feuilles-de-route/{code}/{periode}"

const struct web_route web_routes_api[] = {
	{ "GET", "/api/v1/", api_get_index, WEB_API },
	{ "GET", "/api/v1", api_get_index, WEB_API },
	{ "GET", "/api/v1/organisations", api_get_orgs, WEB_API },
	{ "GET", "/api/v1/organisations/{code}", api_get_org, WEB_API },
	{ "GET", "/api/v1/feuilles-de-route", api_get_roadmaps, WEB_API },
	{ "GET", FDR, api_get_roadmap, WEB_API },
	{ "GET", FDR "/actions/{ref}", api_get_action, WEB_API },
	{ "PUT", FDR "/actions/{ref}", api_put_action, WEB_API },
	{ "POST", FDR "/etat", api_post_state, WEB_API },
	{ "GET", FDR "/recommandations", api_get_reviews, WEB_API },
	{ "POST", FDR "/recommandations", api_post_review, WEB_API },
	{ "POST", FDR "/recommandations/{id}/traitee", api_post_review_done, WEB_API },
	{ "GET", "/api/v1/bilan", api_get_report, WEB_API },
	{ "GET", "/api/v1/empreinte", api_get_footprint, WEB_API },
	{ NULL, NULL, NULL, 0 },
};
