/* gen_catalogue.h: the catalogue of plausible roadmap actions (French titles,
 * descriptions, follow-up indicators and, for some, an avoided-impact method)
 * that gen_roadmaps.c combines into synthetic roadmaps. Included by that one
 * file only. Wording is invented for the demo: it is not any ministry's text.
 */
#ifndef NUMECO_GEN_CATALOGUE_H
#define NUMECO_GEN_CATALOGUE_H

#include "core/model.h"

/* One catalogue action. When method is set, the action can carry an
 * avoided-impact estimate: a quantity q is drawn in [qlo, qhi] by steps of
 * qstep, "{q}" in method is replaced by it, and the estimate is
 * q * milli / 1000 in unit (rounded to one decimal). */
struct gen_entry {
	enum theme theme;
	const char *title;
	const char *desc;
	const char *indicator;
	const char *method;
	enum iunit unit;
	int qlo, qhi, qstep;
	int milli;
	int budget_max; /* euros; 0: the theme's usual range */
};

/* clang-format off */
#define GEN_E(th, t, d, i) { th, t, d, i, NULL, IUNIT_TCO2E, 0, 0, 0, 0, 0 }
#define GEN_I(th, t, d, i, m, u, lo, hi, st, mi) { th, t, d, i, m, u, lo, hi, st, mi, 0 }
/* Same, with a budget ceiling of their own (euros). */
#define GEN_EB(th, t, d, i, b) { th, t, d, i, NULL, IUNIT_TCO2E, 0, 0, 0, 0, b }
#define GEN_IB(th, t, d, i, m, u, lo, hi, st, mi, b) { th, t, d, i, m, u, lo, hi, st, mi, b }
/* clang-format on */

static const struct gen_entry gen_catalogue[] = {
	/* Stratégie et gouvernance */
	GEN_E(THEME_STRATEGIE, "Désigner un référent numérique responsable dans chaque direction",
	      "Chaque direction désigne un référent chargé de relayer la feuille de route, de "
	      "recenser les actions de son périmètre et d'en suivre l'avancement.",
	      "Part des directions dotées d'un référent"),
	GEN_E(THEME_STRATEGIE,
	      "Inscrire le numérique responsable dans le schéma directeur du numérique ministériel",
	      "Le prochain schéma directeur comporte un axe dédié au numérique responsable, avec "
	      "des "
	      "objectifs chiffrés de réduction de l'empreinte environnementale.",
	      "Axe dédié publié dans le schéma directeur"),
	GEN_E(THEME_STRATEGIE,
	      "Mettre en place un comité de pilotage numérique responsable semestriel",
	      "Un comité réunissant le secrétariat général, la direction du numérique et les "
	      "directions métier suit l'avancement de la feuille de route deux fois par an.",
	      "Nombre de comités tenus dans l'année"),
	GEN_EB(THEME_STRATEGIE,
	       "Réaliser le bilan de l'empreinte environnementale du parc informatique ministériel",
	       "Inventaire des équipements, des serveurs et des services numériques, puis "
	       "évaluation "
	       "multicritère de l'empreinte par phase du cycle de vie.",
	       "Bilan publié et présenté au comité de pilotage", 120000),
	GEN_E(THEME_STRATEGIE,
	      "Intégrer un volet numérique responsable au plan ministériel de transformation "
	      "écologique",
	      "Les actions de la feuille de route sont reprises dans le plan ministériel de "
	      "transformation écologique et suivies avec les autres engagements.",
	      "Volet intégré au plan ministériel"),
	GEN_E(THEME_STRATEGIE, "Définir des indicateurs de suivi communs à toutes les directions",
	      "Une liste courte d'indicateurs (durée de vie des postes, taux de réemploi, part "
	      "d'achats reconditionnés) est renseignée chaque année par chaque direction.",
	      "Nombre d'indicateurs renseignés par les directions"),
	GEN_E(THEME_STRATEGIE,
	      "Publier une charte du numérique responsable à destination des agents",
	      "La charte rappelle les engagements du ministère et les gestes attendus de chacun ; "
	      "elle est annexée au règlement intérieur.",
	      "Charte publiée sur l'intranet"),
	GEN_E(THEME_STRATEGIE,
	      "Associer les représentants du personnel à la démarche numérique responsable",
	      "Présentation de la feuille de route en comité social d'administration et recueil "
	      "des "
	      "propositions des organisations syndicales.",
	      "Présentation en comité social d'administration"),
	GEN_E(THEME_STRATEGIE,
	      "Prendre en compte le numérique responsable dans l'instruction des projets "
	      "informatiques",
	      "Les projets présentés au comité d'investissement renseignent une grille d'analyse "
	      "environnementale (équipements, hébergement, durée de vie, usages).",
	      "Part des projets instruits avec la grille"),
	GEN_E(THEME_STRATEGIE, "Élaborer une feuille de route pluriannuelle 2023-2025",
	      "Bilan de la feuille de route 2022 et construction avec les directions d'un plan "
	      "d'actions sur trois ans, aligné sur les objectifs interministériels.",
	      "Feuille de route 2023-2025 validée"),
	GEN_E(THEME_STRATEGIE,
	      "Créer un réseau de correspondants numérique responsable dans les services "
	      "déconcentrés",
	      "Un correspondant par région relaie les actions nationales et fait remonter les "
	      "initiatives locales ; réunion trimestrielle du réseau.",
	      "Nombre de correspondants désignés"),
	GEN_E(THEME_STRATEGIE, "Identifier un budget dédié aux actions de numérique responsable",
	      "Une ligne budgétaire identifiée finance les actions de la feuille de route, en "
	      "complément des appels à projets interministériels.",
	      "Montant engagé dans l'année"),
	GEN_E(THEME_STRATEGIE,
	      "Intégrer des objectifs de numérique responsable aux lettres de mission des "
	      "directeurs",
	      "Les lettres de mission des directeurs d'administration centrale comportent un "
	      "objectif "
	      "de réduction de l'empreinte du numérique de leur périmètre.",
	      "Part des lettres de mission concernées"),
	GEN_I(THEME_STRATEGIE,
	      "Supprimer les postes fixes en doublon des agents équipés d'un ordinateur portable",
	      "Politique d'équipement : un seul poste par agent ; les unités centrales et écrans "
	      "en "
	      "doublon sont réaffectés ou réformés.",
	      "Nombre de postes en doublon supprimés",
	      "Suppression de {q} postes fixes en doublon, 250 kgCO2e de fabrication par unité "
	      "centrale et écran (facteurs ADEME)",
	      IUNIT_TCO2E, 200, 1500, 50, 250),
	GEN_I(THEME_STRATEGIE,
	      "Mutualiser les équipements d'impression et de visioconférence entre directions",
	      "Inventaire des équipements partagés par étage et suppression des équipements peu "
	      "utilisés lors des renouvellements.",
	      "Nombre d'équipements mutualisés",
	      "{q} équipements non renouvelés après mutualisation, 80 kgCO2e de fabrication par "
	      "équipement (facteurs ADEME)",
	      IUNIT_TCO2E, 50, 400, 10, 80),

	/* Sensibilisation et formation */
	GEN_E(THEME_SENSIBILISATION, "Former les acheteurs au numérique responsable",
	      "Session d'une journée pour les acheteurs informatiques : critères environnementaux, "
	      "coût global, réemploi et reconditionnement.",
	      "Nombre d'acheteurs formés"),
	GEN_E(THEME_SENSIBILISATION,
	      "Intégrer un module numérique responsable au parcours d'accueil des nouveaux agents",
	      "Un module de trente minutes présente les écogestes numériques et les engagements du "
	      "ministère lors de la journée d'accueil.",
	      "Part des nouveaux agents ayant suivi le module"),
	GEN_E(THEME_SENSIBILISATION,
	      "Organiser des ateliers « Fresque du numérique » pour les équipes informatiques",
	      "Ateliers collaboratifs de trois heures animés par des agents formés en interne.",
	      "Nombre de participants aux ateliers"),
	GEN_EB(THEME_SENSIBILISATION,
	       "Déployer un module en ligne de sensibilisation sur la plateforme de formation "
	       "ministérielle",
	       "Module d'autoformation d'une heure, accessible à tous les agents, avec "
	       "attestation.",
	       "Nombre d'agents ayant suivi le module", 60000),
	GEN_E(THEME_SENSIBILISATION,
	      "Relayer la campagne interministérielle \"Les bons gestes numériques\" sur "
	      "l'intranet",
	      "Publication d'une affiche et d'un article par mois pendant six mois ; relais par "
	      "les "
	      "correspondants dans les directions.",
	      "Nombre de consultations des articles"),
	GEN_E(THEME_SENSIBILISATION,
	      "Former les chefs de projet informatique à l'écoconception de services numériques",
	      "Formation de deux jours fondée sur le référentiel général d'écoconception (RGESN), "
	      "avec "
	      "cas pratiques tirés des projets du ministère.",
	      "Nombre de chefs de projet formés"),
	GEN_E(THEME_SENSIBILISATION,
	      "Proposer un défi numérique responsable pendant la semaine européenne du "
	      "développement "
	      "durable",
	      "Défi entre équipes sur une semaine : extinction des équipements, tri des fichiers, "
	      "réduction des impressions.",
	      "Nombre d'équipes participantes"),
	GEN_E(THEME_SENSIBILISATION,
	      "Publier une série d'articles sur les écogestes numériques dans l'intranet",
	      "Série mensuelle sur la durée de vie des équipements, la messagerie, la "
	      "visioconférence et le stockage.",
	      "Nombre d'articles publiés"),
	GEN_I(THEME_SENSIBILISATION,
	      "Organiser un défi de nettoyage des boîtes aux lettres et des espaces partagés",
	      "Journée de nettoyage accompagnée d'un guide pratique ; mesure des volumes supprimés "
	      "avant et après.",
	      "Volume de données supprimées (Go)",
	      "{q} Go supprimés lors du défi, facteur de stockage de 0,3 kgCO2e par Go et par an "
	      "(hypothèse prudente)",
	      IUNIT_KGCO2E, 500, 5000, 100, 300),
	GEN_E(THEME_SENSIBILISATION,
	      "Former les membres des comités de direction aux enjeux environnementaux du "
	      "numérique",
	      "Séminaire d'une demi-journée pour les équipes de direction, avec présentation du "
	      "bilan "
	      "de l'empreinte du ministère.",
	      "Nombre de directeurs formés"),
	GEN_E(THEME_SENSIBILISATION,
	      "Sensibiliser les agents à l'impact des visioconférences et des pièces jointes",
	      "Guide des bonnes pratiques : caméra désactivée quand elle n'est pas utile, liens "
	      "vers "
	      "les espaces partagés plutôt que pièces jointes.",
	      "Guide diffusé à tous les agents"),
	GEN_E(THEME_SENSIBILISATION,
	      "Créer une communauté interne des ambassadeurs du numérique responsable",
	      "Une communauté de volontaires anime des actions locales et partage ses retours "
	      "d'expérience sur un espace collaboratif.",
	      "Nombre d'ambassadeurs"),
	GEN_E(THEME_SENSIBILISATION,
	      "Intégrer le numérique responsable au plan de formation ministériel",
	      "Les formations au numérique responsable figurent au catalogue annuel et sont "
	      "proposées aux agents de toutes les filières.",
	      "Nombre de sessions inscrites au catalogue"),
	GEN_E(THEME_SENSIBILISATION,
	      "Former les techniciens de proximité au diagnostic et à la réparation des postes",
	      "Formation pratique pour réparer plutôt que remplacer (batteries, écrans, claviers, "
	      "mémoire) et orienter vers le réemploi.",
	      "Nombre de techniciens formés"),
	GEN_E(THEME_SENSIBILISATION,
	      "Organiser des ateliers de sensibilisation dans les services déconcentrés",
	      "Tournée d'ateliers d'une heure dans les sites régionaux, animés par les "
	      "correspondants.",
	      "Nombre de sites couverts"),
	GEN_E(THEME_SENSIBILISATION,
	      "Mesurer la maturité numérique responsable des agents par un questionnaire annuel",
	      "Questionnaire de quinze questions diffusé chaque année ; les résultats orientent "
	      "les "
	      "actions de sensibilisation.",
	      "Taux de réponse au questionnaire"),
	GEN_I(THEME_SENSIBILISATION,
	      "Sensibiliser les agents à l'extinction des équipements en fin de journée",
	      "Campagne d'affichage et message de rappel à 19 h sur les postes restés allumés.",
	      "Part des postes éteints la nuit",
	      "Extinction le soir de {q} postes supplémentaires, 0,4 kWh évité par poste et par "
	      "nuit, "
	      "220 nuits par an",
	      IUNIT_MWH, 500, 4000, 100, 88),

	/* Achats */
	GEN_EB(THEME_ACHATS,
	       "Intégrer des critères d'indice de réparabilité dans les marchés de postes de "
	       "travail",
	       "L'indice de réparabilité et la disponibilité des pièces détachées comptent pour 15 "
	       "% "
	       "de la note technique des offres.",
	       "Part des marchés intégrant le critère", 15000),
	GEN_IB(THEME_ACHATS,
	       "Acheter des ordinateurs reconditionnés pour une part des renouvellements",
	       "Une part des renouvellements de postes est réalisée avec des ordinateurs "
	       "reconditionnés garantis deux ans.",
	       "Part d'ordinateurs reconditionnés dans les achats",
	       "Achat de {q} ordinateurs reconditionnés au lieu de neufs, 170 kgCO2e de "
	       "fabrication "
	       "évités par appareil (facteurs ADEME)",
	       IUNIT_TCO2E, 100, 1500, 50, 170, 600000),
	GEN_EB(THEME_ACHATS,
	       "Exiger une garantie de cinq ans et la fourniture de pièces détachées dans les "
	       "marchés "
	       "d'équipements",
	       "Clauses types ajoutées aux cahiers des charges : garantie de cinq ans, pièces "
	       "détachées disponibles sept ans, mises à jour assurées.",
	       "Part des marchés comportant la clause", 15000),
	GEN_E(THEME_ACHATS,
	      "Recourir aux supports d'achat mutualisés comportant des clauses environnementales",
	      "Les achats de matériel informatique passent par les marchés interministériels, qui "
	      "comportent des exigences environnementales communes.",
	      "Part des achats passés sur supports mutualisés"),
	GEN_IB(THEME_ACHATS, "Acheter des smartphones reconditionnés pour la flotte mobile",
	       "Les renouvellements de téléphones portables sont réalisés en priorité avec des "
	       "appareils reconditionnés.",
	       "Part de smartphones reconditionnés",
	       "{q} smartphones reconditionnés, 30 kgCO2e de fabrication évités par appareil "
	       "(facteurs ADEME)",
	       IUNIT_TCO2E, 200, 3000, 100, 30, 250000),
	GEN_EB(THEME_ACHATS,
	       "Introduire une clause d'écoconception dans les marchés de développement applicatif",
	       "Les titulaires s'engagent à respecter le RGESN et à fournir une déclaration "
	       "d'écoconception à chaque livraison majeure.",
	       "Nombre de marchés comportant la clause", 15000),
	GEN_EB(THEME_ACHATS,
	       "Calculer le coût global du cycle de vie dans l'analyse des offres informatiques",
	       "L'analyse des offres intègre la consommation électrique, la durée de vie et la fin "
	       "de vie des équipements, et non le seul prix d'achat.",
	       "Nombre de consultations concernées", 20000),
	GEN_E(THEME_ACHATS,
	      "Limiter le catalogue de matériel à des équipements porteurs d'un écolabel",
	      "Le catalogue proposé aux directions ne comporte plus que des équipements titulaires "
	      "d'un écolabel reconnu (TCO Certified, EPEAT, Ange bleu).",
	      "Part des références écolabellisées"),
	GEN_I(THEME_ACHATS,
	      "Remplacer les imprimantes individuelles par des multifonctions partagées",
	      "Le marché d'impression prévoit un parc de multifonctions partagées par étage ; les "
	      "imprimantes individuelles ne sont plus renouvelées.",
	      "Nombre d'imprimantes individuelles retirées",
	      "Remplacement de {q} imprimantes individuelles par des multifonctions partagées, "
	      "60 kgCO2e par imprimante (fabrication et consommation, facteurs ADEME)",
	      IUNIT_TCO2E, 50, 600, 10, 60),
	GEN_IB(THEME_ACHATS, "Acheter des écrans issus du réemploi pour les postes de travail",
	       "Les écrans sont achetés auprès d'une filière de réemploi avec une garantie d'un "
	       "an.",
	       "Part d'écrans issus du réemploi",
	       "{q} écrans issus du réemploi au lieu de neufs, 120 kgCO2e de fabrication évités "
	       "par "
	       "écran (facteurs ADEME)",
	       IUNIT_TCO2E, 100, 1200, 50, 120, 150000),
	GEN_E(THEME_ACHATS,
	      "Évaluer les fournisseurs de services en nuage sur leurs engagements "
	      "environnementaux",
	      "Questionnaire environnemental (PUE, origine de l'électricité, durée de vie des "
	      "serveurs) intégré aux consultations d'hébergement.",
	      "Nombre de fournisseurs évalués"),
	GEN_E(THEME_ACHATS,
	      "Passer un marché de reprise et de reconditionnement des équipements réformés",
	      "Le titulaire reprend les équipements réformés, les reconditionne et rend compte de "
	      "leur destination.",
	      "Nombre d'équipements repris"),
	GEN_EB(THEME_ACHATS, "Exiger des fournisseurs l'empreinte carbone des équipements livrés",
	       "Les fiches d'empreinte environnementale des produits sont demandées pour chaque "
	       "référence du catalogue.",
	       "Part des références documentées", 10000),
	GEN_E(THEME_ACHATS,
	      "Privilégier les contrats de réparation plutôt que le remplacement des équipements",
	      "Le marché de maintenance couvre la réparation sur site et le remplacement des "
	      "batteries et des écrans.",
	      "Nombre de réparations réalisées"),
	GEN_E(THEME_ACHATS, "Acheter des accessoires (claviers, souris, casques) issus du réemploi",
	      "Les accessoires sont commandés auprès d'une entreprise adaptée qui collecte et "
	      "reconditionne les accessoires réformés.",
	      "Part d'accessoires issus du réemploi"),

	/* Conception de services numériques */
	GEN_E(THEME_CONCEPTION,
	      "Auditer les 10 démarches en ligne les plus utilisées au regard du RGESN",
	      "Audit de conformité au référentiel général d'écoconception des services numériques, "
	      "avec un plan d'amélioration par démarche.",
	      "Nombre de démarches auditées"),
	GEN_EB(THEME_CONCEPTION,
	       "Publier la déclaration d'écoconception des nouveaux services numériques",
	       "Chaque nouveau service publie sa déclaration d'écoconception selon le RGESN, au "
	       "même "
	       "titre que sa déclaration d'accessibilité.",
	       "Nombre de déclarations publiées", 30000),
	GEN_I(THEME_CONCEPTION, "Alléger les pages du site internet ministériel",
	      "Compression des images, suppression des polices et scripts inutiles, vidéos en "
	      "lecture non automatique.",
	      "Poids moyen des pages (Ko)",
	      "Poids moyen des pages réduit de {q} % pour 12 millions de pages vues par an, modèle "
	      "énergétique 1byte",
	      IUNIT_KWH, 20, 60, 5, 150000),
	GEN_E(THEME_CONCEPTION,
	      "Supprimer les fonctionnalités inutilisées de l'application de gestion des "
	      "ressources "
	      "humaines",
	      "Analyse des statistiques d'usage ; les écrans et traitements non utilisés depuis "
	      "deux "
	      "ans sont retirés à la prochaine version.",
	      "Nombre de fonctionnalités retirées"),
	GEN_EB(THEME_CONCEPTION,
	       "Intégrer l'écoconception dans la méthode projet de la direction du numérique",
	       "Les jalons de la méthode projet comportent une revue d'écoconception (besoin, "
	       "architecture, hébergement, fin de vie).",
	       "Part des projets ayant passé la revue", 40000),
	GEN_E(THEME_CONCEPTION,
	      "Mesurer l'empreinte de trois applications métier avec un outil d'évaluation",
	      "Mesure de l'empreinte des applications les plus utilisées, de l'hébergement aux "
	      "terminaux des utilisateurs.",
	      "Nombre d'applications mesurées"),
	GEN_I(THEME_CONCEPTION,
	      "Mettre en place une politique d'archivage et de purge des données applicatives",
	      "Durées de conservation définies avec les métiers ; purge automatique des données "
	      "échues et archivage des données froides.",
	      "Volume de données purgées (To)",
	      "Purge de {q} To de données obsolètes stockés trois fois (production, réplique, "
	      "sauvegarde), 30 kWh par To et par copie chaque année",
	      IUNIT_KWH, 10, 120, 5, 90000),
	GEN_E(THEME_CONCEPTION,
	      "Rendre les services numériques compatibles avec les terminaux anciens",
	      "Les nouveaux services fonctionnent sur des navigateurs et des systèmes de plus de "
	      "sept ans, pour ne pas pousser au renouvellement des équipements des usagers.",
	      "Part des services testés sur terminaux anciens"),
	GEN_I(THEME_CONCEPTION,
	      "Réduire la fréquence des traitements nocturnes des applications de gestion",
	      "Les traitements quotidiens sans besoin métier avéré passent à un rythme "
	      "hebdomadaire.",
	      "Nombre de traitements revus",
	      "Traitements de {q} serveurs ramenés de quotidiens à hebdomadaires, 350 kWh évités "
	      "par "
	      "serveur et par an (mesures internes)",
	      IUNIT_MWH, 10, 80, 2, 350),
	GEN_EB(THEME_CONCEPTION,
	       "Créer une bibliothèque de composants d'interface sobres et accessibles",
	       "Composants fondés sur le système de design de l'État, sans dépendance lourde, "
	       "réutilisés par tous les projets.",
	       "Nombre de projets utilisant la bibliothèque", 250000),
	GEN_EB(THEME_CONCEPTION, "Évaluer l'écoconception des services lors des revues de projet",
	       "Une grille d'évaluation courte est remplie à chaque revue ; les écarts donnent "
	       "lieu "
	       "à des actions correctives.",
	       "Nombre de revues réalisées", 20000),
	GEN_EB(THEME_CONCEPTION,
	       "Limiter la durée de conservation des vidéos et des enregistrements de réunions",
	       "Les enregistrements de réunions sont supprimés automatiquement au bout de 90 "
	       "jours, "
	       "sauf demande motivée.",
	       "Volume de vidéos stockées (To)", 20000),

	/* Salles serveurs et centres de données */
	GEN_IB(THEME_DATACENTER,
	       "Fermer deux salles serveurs et migrer vers un centre de données mutualisé",
	       "Les serveurs des deux salles les moins efficaces sont migrés vers le centre de "
	       "données "
	       "ministériel mutualisé.",
	       "Nombre de salles fermées",
	       "Fermeture de salles d'une puissance informatique de {q} kW, PUE passant de 2,0 à "
	       "1,4, "
	       "8 760 heures par an",
	       IUNIT_MWH, 20, 120, 5, 5256, 1500000),
	GEN_I(THEME_DATACENTER, "Relever la température de consigne des salles serveurs à 26 °C",
	      "Relèvement progressif de la consigne de 22 à 26 °C, conformément aux "
	      "recommandations des constructeurs.",
	      "Température de consigne (°C)",
	      "Consigne relevée de 22 à 26 °C sur {q} kW informatiques, 0,44 MWh de climatisation "
	      "évités par kW et par an (hypothèse exploitant)",
	      IUNIT_MWH, 50, 400, 10, 440),
	GEN_IB(THEME_DATACENTER, "Virtualiser les serveurs physiques restants",
	       "Les applications hébergées sur des serveurs physiques dédiés sont migrées vers la "
	       "plateforme de virtualisation.",
	       "Taux de virtualisation",
	       "Virtualisation de {q} serveurs physiques, 1 200 kWh par serveur et par an (mesures "
	       "internes)",
	       IUNIT_MWH, 20, 200, 5, 1200, 600000),
	GEN_I(THEME_DATACENTER, "Confiner les allées froides du centre de données principal",
	      "Pose de portes et de toits d'allées pour séparer les flux d'air chaud et froid.",
	      "PUE annuel",
	      "Confinement sur {q} kW informatiques, PUE abaissé de 1,8 à 1,6, 8 760 heures par an",
	      IUNIT_MWH, 50, 300, 10, 1752),
	GEN_EB(THEME_DATACENTER, "Mesurer chaque mois le PUE des salles serveurs",
	       "Pose de compteurs sur les départs informatiques et la climatisation ; publication "
	       "mensuelle du PUE de chaque salle.",
	       "Nombre de salles instrumentées", 60000),
	GEN_I(THEME_DATACENTER,
	      "Décommissionner les serveurs inutilisés identifiés par l'inventaire",
	      "Rapprochement de l'inventaire et des mesures d'activité ; arrêt des serveurs sans "
	      "utilisateur ni service.",
	      "Nombre de serveurs arrêtés",
	      "Arrêt de {q} serveurs inutilisés, 1 100 kWh par serveur et par an (mesures "
	      "internes)",
	      IUNIT_MWH, 10, 150, 5, 1100),
	GEN_EB(THEME_DATACENTER,
	       "Récupérer la chaleur du centre de données pour chauffer les bureaux voisins",
	       "Étude de faisabilité d'un échangeur raccordé au réseau de chauffage du bâtiment "
	       "administratif voisin.",
	       "Étude de faisabilité remise", 80000),
	GEN_EB(THEME_DATACENTER,
	       "Souscrire une électricité d'origine renouvelable pour les salles serveurs",
	       "Avenant au marché d'électricité avec garanties d'origine pour les sites hébergeant "
	       "des salles serveurs.",
	       "Part d'électricité renouvelable", 50000),
	GEN_EB(THEME_DATACENTER,
	       "Migrer les applications éligibles vers l'offre d'hébergement interministérielle",
	       "Recensement des applications éligibles et migration par vagues vers l'offre "
	       "d'hébergement mutualisée de l'État.",
	       "Nombre d'applications migrées", 900000),
	GEN_I(THEME_DATACENTER, "Allonger la durée de vie des serveurs de 5 à 7 ans",
	      "Extension des contrats de support et renouvellement des serveurs sur critère "
	      "technique plutôt que sur leur âge.",
	      "Âge moyen des serveurs au renouvellement",
	      "Prolongation de {q} serveurs de 5 à 7 ans, 1,3 tCO2e de fabrication par serveur "
	      "(facteurs ADEME)",
	      IUNIT_TCO2E, 50, 500, 10, 370),
	GEN_E(THEME_DATACENTER, "Réduire les copies de sauvegarde redondantes",
	      "Revue de la politique de sauvegarde : nombre de copies et durée de rétention "
	      "adaptés "
	      "à la criticité de chaque application.",
	      "Volume sauvegardé (To)"),
	GEN_EB(THEME_DATACENTER,
	       "Remplacer les onduleurs des salles techniques par des modèles à haut rendement",
	       "Renouvellement des onduleurs en fin de vie par des modèles modulaires dimensionnés "
	       "au besoin réel.",
	       "Rendement moyen des onduleurs", 500000),

	/* Phase d'usage */
	GEN_IB(THEME_USAGE, "Paramétrer l'extinction automatique des postes la nuit",
	       "Une stratégie de groupe éteint les postes à 20 h et les réveille pour les mises à "
	       "jour le week-end.",
	       "Part des postes éteints la nuit",
	       "Extinction automatique de {q} postes de 20 h à 7 h, 0,4 kWh évité par poste et par "
	       "nuit, 220 jours ouvrés",
	       IUNIT_MWH, 1000, 12000, 500, 88, 30000),
	GEN_I(THEME_USAGE, "Allonger la durée d'utilisation des postes de travail de 4 à 5 ans",
	      "Le cycle de renouvellement passe de quatre à cinq ans ; les postes sont renouvelés "
	      "sur critère d'état et non d'âge.",
	      "Âge moyen des postes au renouvellement",
	      "Allongement de la durée de vie de 4 à 5 ans de {q} postes, facteurs ADEME",
	      IUNIT_TCO2E, 800, 6000, 100, 39),
	GEN_IB(THEME_USAGE, "Paramétrer l'impression recto verso et en noir et blanc par défaut",
	       "Paramétrage centralisé des files d'impression ; la couleur reste disponible à la "
	       "demande.",
	       "Nombre de pages imprimées par agent",
	       "Une ramette de moins par agent et par an pour {q} agents, 2 kgCO2e par ramette "
	       "(facteurs ADEME)",
	       IUNIT_TCO2E, 1000, 10000, 500, 2, 15000),
	GEN_EB(THEME_USAGE, "Limiter la définition par défaut des visioconférences",
	       "La définition vidéo par défaut passe en 480p, et la caméra est désactivée à "
	       "l'entrée des réunions de plus de dix participants.",
	       "Paramétrage déployé", 5000),
	GEN_IB(THEME_USAGE, "Mettre en veille les écrans après 10 minutes d'inactivité",
	       "Paramétrage centralisé de la mise en veille des écrans et des postes.",
	       "Part des postes paramétrés",
	       "Veille des écrans après 10 minutes sur {q} postes, 25 kWh évités par écran et par "
	       "an",
	       IUNIT_KWH, 500, 5000, 100, 25000, 10000),
	GEN_EB(THEME_USAGE, "Supprimer les boîtes aux lettres fonctionnelles inactives",
	       "Les boîtes sans connexion depuis un an sont archivées puis supprimées après accord "
	       "du service propriétaire.",
	       "Nombre de boîtes supprimées", 10000),
	GEN_EB(THEME_USAGE, "Résilier les abonnements de téléphonie mobile non utilisés",
	       "Revue semestrielle des lignes sans trafic ; résiliation et récupération des "
	       "terminaux.",
	       "Nombre de lignes résiliées", 5000),
	GEN_E(THEME_USAGE,
	      "Rationaliser les espaces de stockage partagés et supprimer les doublons",
	      "Outil de détection des doublons et des fichiers volumineux non consultés ; quotas "
	      "par "
	      "service.",
	      "Volume des espaces partagés (To)"),
	GEN_E(THEME_USAGE, "Suivre la consommation électrique des postes de travail",
	      "Un agent de mesure remonte la consommation et les heures d'allumage des postes ; "
	      "tableau de bord par site.",
	      "Consommation moyenne par poste (kWh/an)"),
	GEN_E(THEME_USAGE,
	      "Proposer un pool d'ordinateurs portables en prêt plutôt que des postes "
	      "supplémentaires",
	      "Un stock de portables partagés couvre les besoins ponctuels (déplacements, "
	      "télétravail occasionnel, stagiaires).",
	      "Nombre de prêts dans l'année"),
	GEN_EB(THEME_USAGE, "Activer les modes d'économie d'énergie des systèmes d'exploitation",
	       "Profil d'alimentation économe appliqué à tous les postes et portables gérés.",
	       "Part des postes paramétrés", 10000),
	GEN_I(THEME_USAGE,
	      "Porter de 2 à 4 ans la durée de renouvellement des téléphones portables",
	      "Renouvellement uniquement en cas de panne ou d'incompatibilité ; remplacement des "
	      "batteries proposé.",
	      "Âge moyen des téléphones renouvelés",
	      "Renouvellement porté de 2 à 4 ans pour {q} smartphones, 7,5 kgCO2e de fabrication "
	      "évités par appareil et par an",
	      IUNIT_TCO2E, 500, 5000, 100, 8),
	GEN_IB(THEME_USAGE,
	       "Mettre à niveau les postes anciens (mémoire, disque SSD) plutôt que les remplacer",
	       "Ajout de mémoire et remplacement du disque par un SSD pour les postes de plus de "
	       "quatre ans encore en bon état.",
	       "Nombre de postes mis à niveau",
	       "{q} postes prolongés par ajout de mémoire et de disque SSD, 120 kgCO2e de "
	       "fabrication "
	       "évités par poste (facteurs ADEME)",
	       IUNIT_TCO2E, 100, 2000, 50, 120, 150000),
	GEN_E(THEME_USAGE,
	      "Réduire l'envoi de pièces jointes au profit des liens vers les espaces partagés",
	      "Limitation de la taille des pièces jointes à 10 Mo et promotion de l'outil de "
	      "partage "
	      "de fichiers ministériel.",
	      "Volume moyen des messages envoyés"),

	/* Fin d'usage */
	GEN_I(THEME_FIN_DE_VIE, "Donner les ordinateurs réformés à des associations agréées",
	      "Convention avec des associations agréées : effacement certifié des données, "
	      "reconditionnement et don à des publics éloignés du numérique.",
	      "Nombre d'ordinateurs donnés",
	      "{q} ordinateurs donnés et réemployés, 150 kgCO2e de fabrication évités par appareil "
	      "(facteurs ADEME)",
	      IUNIT_TCO2E, 100, 2500, 50, 150),
	GEN_E(THEME_FIN_DE_VIE,
	      "Confier les équipements non réemployables à une filière agréée de recyclage des "
	      "DEEE",
	      "Contrat avec un éco-organisme agréé et bordereaux de suivi pour chaque enlèvement.",
	      "Tonnage collecté"),
	GEN_EB(THEME_FIN_DE_VIE,
	       "Passer une convention avec une entreprise adaptée pour le reconditionnement des "
	       "équipements",
	       "Le reconditionnement est confié à une entreprise adaptée, qui emploie des "
	       "travailleurs en situation de handicap.",
	       "Nombre d'équipements reconditionnés", 80000),
	GEN_E(THEME_FIN_DE_VIE, "Organiser la reprise des téléphones portables en fin d'usage",
	      "Collecte systématique des téléphones lors du renouvellement et envoi vers une "
	      "filière de reconditionnement.",
	      "Taux de retour des téléphones"),
	GEN_E(THEME_FIN_DE_VIE,
	      "Collecter les petits équipements (câbles, chargeurs, souris) dans chaque site",
	      "Bacs de collecte dans chaque site, tri et réemploi des accessoires en état de "
	      "fonctionnement.",
	      "Nombre de sites équipés de bacs"),
	GEN_E(THEME_FIN_DE_VIE, "Tenir un registre de la destination des équipements réformés",
	      "Le registre indique, pour chaque lot réformé : réemploi interne, don, vente ou "
	      "recyclage.",
	      "Part des équipements tracés"),
	GEN_I(THEME_FIN_DE_VIE, "Proposer aux agents le rachat de leur ordinateur réformé",
	      "Cession à prix symbolique des portables réformés aux agents, après effacement "
	      "certifié des données.",
	      "Nombre d'ordinateurs cédés",
	      "{q} ordinateurs cédés aux agents et réemployés, 100 kgCO2e évités par appareil "
	      "(hypothèse prudente)",
	      IUNIT_TCO2E, 50, 400, 10, 100),
	GEN_I(THEME_FIN_DE_VIE,
	      "Effacer les disques de façon certifiée pour permettre leur réemploi",
	      "L'effacement certifié remplace la destruction physique des disques, qui empêchait "
	      "tout réemploi des équipements.",
	      "Part des disques effacés plutôt que détruits",
	      "{q} disques réemployés au lieu d'être détruits, 20 kgCO2e de fabrication évités par "
	      "disque",
	      IUNIT_KGCO2E, 200, 3000, 100, 20000),
	GEN_I(THEME_FIN_DE_VIE, "Réemployer les équipements en bon état entre directions",
	      "Une bourse interne aux équipements permet aux directions de céder leurs matériels "
	      "en bon état avant toute réforme.",
	      "Nombre d'équipements réaffectés",
	      "{q} postes réaffectés entre directions au lieu d'achats neufs, 156 kgCO2e par poste "
	      "(facteurs ADEME)",
	      IUNIT_TCO2E, 50, 800, 10, 156),
	GEN_E(THEME_FIN_DE_VIE,
	      "Céder les équipements réformés par la vente aux enchères en ligne de l'État",
	      "Les lots d'équipements réformés non donnés sont vendus en ligne, ce qui prolonge "
	      "leur usage.",
	      "Nombre de lots vendus"),
	GEN_E(THEME_FIN_DE_VIE,
	      "Réduire le délai de stockage des équipements en attente de réforme",
	      "Enlèvement trimestriel des équipements en attente, pour qu'ils soient réemployés "
	      "tant qu'ils ont de la valeur.",
	      "Délai moyen de stockage (jours)"),
	GEN_E(THEME_FIN_DE_VIE,
	      "Prévoir une clause de reprise des anciens matériels dans les marchés de "
	      "renouvellement",
	      "Le titulaire reprend un ancien équipement pour chaque équipement livré et justifie "
	      "sa destination.",
	      "Nombre d'équipements repris"),
	GEN_I(THEME_FIN_DE_VIE,
	      "Donner les téléphones portables réformés à des associations de réinsertion",
	      "Don des téléphones reconditionnés à des associations d'aide aux personnes en "
	      "recherche d'emploi.",
	      "Nombre de téléphones donnés",
	      "{q} téléphones donnés et réemployés, 30 kgCO2e de fabrication évités par appareil "
	      "(facteurs ADEME)",
	      IUNIT_TCO2E, 100, 1500, 50, 30),
	GEN_E(THEME_FIN_DE_VIE, "Suivre le taux de réemploi des équipements réformés",
	      "Indicateur annuel consolidé à partir du registre des réformes et des bordereaux des "
	      "prestataires.",
	      "Taux de réemploi"),
};

#define GEN_CATALOGUE_N (sizeof(gen_catalogue) / sizeof(gen_catalogue[0]))

/* Sentences appended to some descriptions, so that two ministries' actions
 * with the same title still read differently. Some hold a ';', a line break
 * or quotes, as cells typed in a spreadsheet do. */
static const char *const gen_context[] = {
	"Périmètre : administration centrale, puis services déconcentrés en 2023.",
	"Action inscrite au schéma directeur du numérique.",
	"Déploiement progressif, site par site.",
	"Action menée avec l'appui de la mission interministérielle.",
	"Retour d'expérience à partager avec les autres ministères.",
	"Un bilan sera présenté au comité de pilotage.",
	"Mise en œuvre avec les correspondants des directions ; premier point d'étape au second "
	"semestre.",
	"Deux lots :\n- lot 1 : administration centrale ;\n- lot 2 : services déconcentrés.",
	"Coordination assurée par le bureau des systèmes d'information.",
	"Financement demandé au titre de l'appel à projets \"numérique responsable\".",
	"Action reprise de la feuille de route précédente, périmètre élargi.",
	"Pilote dans deux sites avant généralisation.",
};

#define GEN_CONTEXT_N (sizeof(gen_context) / sizeof(gen_context[0]))

/* Comments by status (STATUS_* order); "" entries mean no comment. */
static const char *const gen_comments[STATUS_COUNT][4] = {
	[STATUS_A_LANCER] = { "Lancement prévu après la notification du marché.",
			      "Cadrage en cours avec les directions métier.",
			      "En attente de la désignation du chef de projet.", "" },
	[STATUS_EN_COURS] = { "Premier lot livré ; second lot prévu au premier semestre 2023.",
			      "Avancement estimé à 50 %.",
			      "En attente de l'arbitrage budgétaire pour la seconde phase.",
			      "Pilote en cours dans deux sites." },
	[STATUS_REALISEE] = { "Réalisée dans les délais.",
			      "Bilan présenté au comité de pilotage de décembre 2022.",
			      "Réalisée ; généralisation à étudier en 2023.",
			      "Réalisée avec un périmètre réduit à l'administration centrale." },
	[STATUS_REPORTEE] = { "Reportée à 2023 faute de crédits.",
			      "Reportée dans l'attente du renouvellement du marché.",
			      "Reportée : équipes mobilisées sur d'autres priorités.",
			      "Reportée à la suite du déménagement du service." },
	[STATUS_ABANDONNEE] = { "Abandonnée : action reprise par un marché interministériel.",
				"Abandonnée après étude : gain jugé trop faible.",
				"Abandonnée : périmètre transféré à un autre ministère.",
				"Abandonnée : solution technique non disponible." },
};

#endif
