# review.sh: the central team's review of the demo 2022 roadmaps (synthetic),
# replayed by scripts/load-demo.sh after the imports, through the real CLI
# and as the real people of personnes.csv, so the audit log shows who did what.
# Expects $nc to run numeco on the demo database.
admin=francois.lambert@mission.exemple.gouv.fr
submit() { $nc --as "$2" review state --org "$1" --period 2022 soumise; }
read_by_admin() { $nc --as "$admin" review state --org "$1" --period 2022 relue; }
validate() { $nc --as "$admin" review state --org "$1" --period 2022 validee; }
recommend() { $nc --as "$admin" review add --org "$1" --period 2022 "${@:2}"; }

submit MIN-ARMEES jerome.benali@armees.exemple.gouv.fr
submit MIN-ECO emilie.benali@finances.exemple.gouv.fr
submit MIN-INT sandrine.bonnet@interieur.exemple.gouv.fr
submit MIN-JUST antoine.martin@justice.exemple.gouv.fr
submit MIN-EDUC emilie.garnier@education.exemple.gouv.fr
submit MIN-TE laure.bernard@ecologie.exemple.gouv.fr
submit MIN-SANTE laure.moreau@sante.exemple.gouv.fr
submit MIN-AGRI caroline.mercier@agriculture.exemple.gouv.fr
submit MIN-CULT sophie.fontaine@culture.exemple.gouv.fr

recommend MIN-ECO --text "Chiffrer l'impact évité des actions clés d'achat avec les facteurs ADEME de la trame."
recommend MIN-ECO --kind commentaire --text "Feuille de route complète et bien renseignée."
recommend MIN-INT --text "Préciser la direction pilote des actions de sensibilisation."
recommend MIN-TE --text "Ajouter un indicateur de suivi aux actions sur les centres de données."
recommend MIN-SANTE --text "Prévoir une action sur la fin de vie des équipements (réemploi, dons)."
recommend MIN-CULT --text "Les échéances de plusieurs actions sont dépassées : mettre à jour leur statut."

for m in MIN-ARMEES MIN-ECO MIN-INT MIN-JUST MIN-EDUC MIN-TE MIN-SANTE; do read_by_admin $m; done
$nc --as emilie.benali@finances.exemple.gouv.fr review done --org MIN-ECO --period 2022 1
for m in MIN-ARMEES MIN-ECO MIN-INT MIN-JUST MIN-EDUC; do validate $m; done
