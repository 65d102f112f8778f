#!/usr/bin/env bash
# rgesn.sh: RGESN ecodesign assessment through the real binary: the shipped
# referential installed by init, lists and filters, loading the official
# full-text file over it (assessments kept) and a faulty file (every entry
# reported, nothing stored), the services register and its rights, answers
# and their checks, CSV import (all or nothing), scores against figures
# computed by hand (overall, family, priority, difference, across versions),
# the quick self-diagnosis turned into an assessment, publishing and the
# declaration in three formats, consolidation, the computed indicator, and
# the audit log.
source "$(dirname "$0")/lib.sh"
ADMIN=admin@mission.exemple.gouv.fr
REF_A=referent@a.exemple.gouv.fr
REF_B=referent@b.exemple.gouv.fr
CORR_A=correspondant@a.exemple.gouv.fr
LECT_A=lecteur@a.exemple.gouv.fr
RG="$DATA/rgesn"
setup_db

# jq_ FILE PATH: a value of a JSON file (sqlite's JSON functions).
jq_() { sqlite3 :memory: "SELECT json_extract(readfile('$1'), '\$$2')"; }
# line_of TEXT PATTERN: the first line of TEXT matching the extended regex.
line_of() { printf '%s\n' "$1" | grep -E -m1 -- "$2" || true; }

# ---- the shipped structure of RGESN 2024, installed by init
run_status nc rgesn versions
expect_eq "versions: code" 0 "$RC"
expect_contains "versions: 2024 installée" "RGESN  2024     78        structure" "$OUT"
quick=$(sqlite3 :memory: "SELECT count(*) FROM json_each(readfile('$NUMECO_SRC/data/rgesn/rgesn-2024.json'),
	'\$.criteria') WHERE json_extract(value, '\$.quick')")
run_status nc rgesn list
expect_eq "list: code" 0 "$RC"
expect_contains "list: 78 critères" "78 critères, dont $quick du questionnaire rapide." "$OUT"
expect_contains "list: familles" "9. Algorithmie" "$OUT"
run_status nc rgesn list --family 4 --priority prioritaire
expect_eq "list filtrée: critères" "4.1 4.2 4.13" "$(printf '%s\n' "$OUT" | awk '/^4\.[0-9]+ / { printf "%s%s", s, $1; s = " " }')"
expect_contains "list filtrée: compte" "3 critères" "$OUT"
run_status nc rgesn list --priority urgente
expect_eq "list: priorité inconnue" 2 "$RC"
run_status nc rgesn show 4.1
expect_contains "show: titre court" "critère 4.1" "$OUT"
expect_contains "show: structure seule" "Texte complet non chargé" "$OUT"
run_status nc rgesn show 4.99
expect_eq "show: critère inconnu" 1 "$RC"

# ---- faulty referentials: every entry reported, nothing stored
before=$(db_dump)
run_status bash -c "cd '$RG' && '$NUMECO' rgesn load bad-criteria.json"
expect_eq "fichier fautif: code" 1 "$RC"
while IFS= read -r want; do
	expect_contains "fichier fautif: ${want%%:*}" "$want" "$ERR"
done <"$RG/bad-criteria.expected"
expect_eq "fichier fautif: une ligne par faute (+ le refus)" \
	$(($(grep -c . "$RG/bad-criteria.expected") + 1)) "$(printf '%s\n' "$ERR" | grep -c .)"
expect_contains "fichier fautif: refus" "rien n'a été enregistré" "$ERR"
run_status bash -c "cd '$RG' && '$NUMECO' rgesn load bad-bare-criteria.json --version 2024"
expect_eq "tableau fautif: code" 1 "$RC"
while IFS= read -r want; do
	expect_contains "tableau fautif: ${want%%:*}" "$want" "$ERR"
done <"$RG/bad-bare-criteria.expected"
run_status nc rgesn load "$RG/rgesn-2024-criteria.json"
expect_eq "tableau sans --version: usage" 2 "$RC"
expect_contains "tableau sans --version: message" "--version" "$ERR"
run_status nc --as "$REF_A" rgesn load "$RG/rgesn-2022-mini.json"
expect_eq "load par un référent: refusé" 1 "$RC"
expect_eq "chargements refusés: base inchangée" "$before" "$(db_dump)"

# ---- services register and rights
run_status nc service add --org MIN-A --code A-DEMARCHES --name "Démarches en ligne" \
	--url https://demarches.a.exemple.gouv.fr --direction MIN-A-DNUM --audience particuliers \
	--contact dnum@a.exemple.gouv.fr
expect_eq "service add: code" 0 "$RC"
expect_contains "service add: message" "Service A-DEMARCHES inscrit au registre (MIN-A)." "$OUT"
run_status nc --as "$REF_A" service add --org MIN-A-SG --code A-AGENTS --name "Portail des agents" \
	--status en_projet
expect_eq "service add par le référent: code" 0 "$RC"
before=$(db_dump)
run_status nc --as "$REF_A" service add --org MIN-B --code B-X --name "Pas chez moi"
expect_eq "référent A sur MIN-B: refusé" 1 "$RC"
run_status nc --as "$LECT_A" service add --org MIN-A --code A-Y --name "Lecteur"
expect_eq "lecteur: refusé" 1 "$RC"
run_status nc --as "$REF_B" service add --org MIN-B --code B-PORTAIL --name Portail --url ftp://portail
expect_eq "URL invalide: refusée" 1 "$RC"
expect_contains "URL invalide: raison" "URL" "$ERR"
run_status nc service add --org MIN-B --code A-DEMARCHES --name "Doublon"
expect_eq "code en double: refusé" 1 "$RC"
run_status nc service add --org MIN-B --code B-Z --name Z --status ferme
expect_eq "statut inconnu: usage" 2 "$RC"
expect_eq "refus: base inchangée" "$before" "$(db_dump)"
nc --as "$REF_B" service add --org MIN-B --code B-PORTAIL --name Portail \
	--url https://portail.b.exemple.gouv.fr >/dev/null
run_status nc service list
expect_eq "service list: code" 0 "$RC"
expect_contains "service list: non évalué" "non évalué" "$(line_of "$OUT" '^A-DEMARCHES ')"
expect_contains "service list: compte" "3 services, dont 0 avec une évaluation complète." "$OUT"
run_status nc service list --org MIN-B
expect_eq "service list --org: seulement MIN-B" "B-PORTAIL" "$(printf '%s\n' "$OUT" | awk '/^[A-Z]-/ { print $1 }')"
run_status nc --as "$CORR_A" service edit A-DEMARCHES --audience "particuliers et entreprises"
expect_eq "service edit par le correspondant de la direction: code" 0 "$RC"
run_status nc service show A-DEMARCHES
expect_contains "service show: direction" "Direction    : MIN-A-DNUM" "$OUT"
expect_contains "service show: public" "particuliers et entreprises" "$OUT"

# ---- a first assessment, by the correspondant of the owning direction
run_status nc --as "$CORR_A" assessment new A-DEMARCHES --date 01/06/2025
expect_eq "assessment new par le correspondant: code" 0 "$RC"
a1=$OUT
expect_eq "assessment new: un numéro seul" 1 "$(printf '%s' "$a1" | grep -cE '^[0-9]+$')"
before=$(db_dump)
run_status nc --as "$CORR_A" assessment new A-AGENTS
expect_eq "correspondant hors de sa direction: refusé" 1 "$RC"
run_status nc --as "$REF_B" assessment new A-DEMARCHES
expect_eq "référent B sur un service de MIN-A: refusé" 1 "$RC"
run_status nc assessment new A-INCONNU
expect_eq "service inconnu: refusé" 1 "$RC"
expect_eq "refus: base inchangée" "$before" "$(db_dump)"

# 3 conforme, 1 non conforme, 1 non applicable, 73 non évalué:
#   overall 3 / (78 − 1) = 3,896… %; family 1 (10 criteria): 3/10 = 30 %;
#   family 2 (10, one NA): 0/9; prioritaire (30, with 1.1 1.2 1.4 2.2):
#   2/29 = 6,9 %; recommandé (29, with 1.3): 1/29 = 3,4 %; modéré 0/19.
for c in 1.1 1.2 1.3; do nc --as "$CORR_A" assessment set "$a1" $c conforme >/dev/null; done
run_status nc --as "$CORR_A" assessment set "$a1" 1.4 non_conforme --note "pas de revue"
expect_contains "set: message" "critère 1.4 : Non conforme." "$OUT"
before=$(db_dump)
run_status nc --as "$CORR_A" assessment set "$a1" 2.2 non_applicable
expect_eq "NA sans justification: refusé" 1 "$RC"
expect_contains "NA sans justification: raison" "2.2: une justification est obligatoire" "$ERR"
run_status nc --as "$CORR_A" assessment set "$a1" 4.3 en_cours
expect_eq "en cours sans date: refusé" 1 "$RC"
expect_contains "en cours sans date: raison" "date prévue" "$ERR"
run_status nc --as "$CORR_A" assessment set "$a1" 9.9 conforme
expect_eq "critère inconnu: refusé" 1 "$RC"
run_status nc --as "$CORR_A" assessment set "$a1" 1.5 peut-etre
expect_eq "réponse inconnue: usage" 2 "$RC"
run_status nc --as "$LECT_A" assessment set "$a1" 1.5 conforme
expect_eq "lecteur: refusé" 1 "$RC"
expect_eq "réponses refusées: base inchangée" "$before" "$(db_dump)"
nc --as "$CORR_A" assessment set "$a1" 2.2 "non applicable" --justification "Pas de terminal ancien visé" >/dev/null

run_status nc assessment score "$a1"
expect_eq "score: code" 0 "$RC"
expect_contains "score: global" "**Score : 3,9${NBSP}%** — 3 conformes sur 77 critères applicables (1 non conforme, 0 en cours, 73 non évalués) ; 1 non applicable" "$OUT"
expect_contains "score: famille 1" "| 1. Stratégie | 30,0${NBSP}% | 3 | 10 | 1 | 0 | 6 | 0 |" "$OUT"
expect_contains "score: famille 2" "| 2. Spécifications | 0,0${NBSP}% | 0 | 9 | 0 | 0 | 9 | 1 |" "$OUT"
expect_contains "score: prioritaire" "| Prioritaire | 6,9${NBSP}% | 2 | 29 | 1 | 0 | 26 | 1 |" "$OUT"
expect_contains "score: recommandé" "| Recommandé | 3,4${NBSP}% | 1 | 29 | 0 | 0 | 28 | 0 |" "$OUT"
expect_contains "score: pas de précédente" "Première évaluation" "$OUT"
nc assessment score "$a1" --format json --output "$WORK/s1.json"
expect_eq "score json: global" 3.8961 "$(sqlite3 :memory: "SELECT printf('%.4f', json_extract(readfile('$WORK/s1.json'), '\$.score'))")"
expect_eq "score json: applicables" 77 "$(jq_ "$WORK/s1.json" .counts.applicable)"
expect_eq "score json: non évalués" 73 "$(jq_ "$WORK/s1.json" .counts.non_evalue)"
expect_eq "score json: famille 1" 30.0 "$(jq_ "$WORK/s1.json" '.families[0].score')"
expect_eq "score json: modéré" 0.0 "$(jq_ "$WORK/s1.json" '.priorities[2].score')"
expect_eq "score json: pas de précédente" "" "$(jq_ "$WORK/s1.json" .previous)"

run_status nc assessment show "$a1" --answer non_applicable
expect_contains "show --answer: justification" "justification : Pas de terminal ancien visé" "$(line_of "$OUT" '^2\.2 ')"
expect_contains "show --answer: un critère" "1 critère." "$OUT"
run_status nc assessment show "$a1" --family 1 --priority recommande
expect_eq "show --family --priority" "1.3 1.6 1.8 1.10" "$(printf '%s\n' "$OUT" | awk '/^1\.[0-9]+ / { printf "%s%s", s, $1; s = " " }')"

# ---- import: every bad line reported, nothing stored
cat >"$WORK/bad.csv" <<'EOF'
Critère;Réponse;Justification;Date prévue;Note
3.1;Conforme;;;
3.2;Peut-être;;;
9.9;Conforme;;;
2.5;Non applicable;;;
4.3;En cours;;;
4.4;En cours;;31/02/2026;
3.1;Non conforme;;;
EOF
a2=$(nc --as "$REF_A" assessment new A-DEMARCHES --date 2026-01-10)
before=$(db_dump)
run_status nc --as "$REF_A" assessment import "$a2" "$WORK/bad.csv"
expect_eq "import fautif: code" 1 "$RC"
expect_contains "import fautif: réponse" "bad.csv:3: Réponse: réponse inconnue « Peut-être »" "$ERR"
expect_contains "import fautif: critère" "bad.csv:4: Critère: critère inconnu" "$ERR"
expect_contains "import fautif: NA" "bad.csv:5: Justification:" "$ERR"
expect_contains "import fautif: en cours" "bad.csv:6: Date prévue:" "$ERR"
expect_contains "import fautif: date" "bad.csv:7: Date prévue: date invalide" "$ERR"
expect_contains "import fautif: doublon" "bad.csv:8: Critère: critère 3.1 déjà répondu ligne 2" "$ERR"
expect_eq "import fautif: ligne juste non signalée" "" "$(printf '%s\n' "$ERR" | grep 'bad.csv:2:' || true)"
expect_contains "import fautif: refus" "6 erreurs, rien n'a été enregistré" "$ERR"
expect_eq "import fautif: base inchangée" "$before" "$(db_dump)"

# The second assessment: 4 conforme, 1 NA, 1 en cours, 1 non conforme:
# 4/77 = 5,19… %, +1,298… points since the first (3,896 %).
cat >"$WORK/a2.csv" <<'EOF'
Critère;Réponse;Justification;Date prévue;Note
1.1;Conforme;;;
1.2;conforme;;;
1.3;Conforme;;;
1.4;Conforme;;;Revue trimestrielle
2.2;Non applicable;Pas de terminal ancien visé;;
4.3;En cours;;30/06/2026;Pagination des résultats
4.1;Non conforme;;;Vidéo d'accueil en lecture automatique
EOF
run_status nc --as "$REF_A" assessment import "$a2" "$WORK/a2.csv"
expect_eq "import: code" 0 "$RC"
expect_contains "import: compte" "7 réponses enregistrées" "$OUT"
run_status nc assessment score "$a2"
expect_contains "score 2: global" "**Score : 5,2${NBSP}%**" "$OUT"
expect_contains "score 2: écart" "Évaluation précédente : $a1 du 2025-06-01 (RGESN 2024), score 3,9${NBSP}% → 5,2${NBSP}% (+1,3 point)." "$OUT"
expect_contains "score 2: changement" "| 1.4 | Non conforme | Conforme |" "$OUT"
expect_contains "score 2: en cours" "| 4.3 | Non évalué | En cours |" "$OUT"
nc assessment score "$a2" --format json --output "$WORK/s2.json"
expect_eq "score 2 json: écart" 1.2987 "$(sqlite3 :memory: "SELECT printf('%.4f', json_extract(readfile('$WORK/s2.json'), '\$.previous.delta'))")"
expect_eq "score 2 json: changements" 3 "$(sqlite3 :memory: "SELECT json_array_length(readfile('$WORK/s2.json'), '\$.previous.changes')")"
run_status nc service show A-DEMARCHES
expect_contains "service show: historique" "5,2${NBSP}%  +1,3 point" "$(line_of "$OUT" "^  $a2 ")"
run_status nc service list
expect_contains "service list: dernier score" "5,2${NBSP}%" "$(line_of "$OUT" '^A-DEMARCHES ')"
expect_contains "service list: sa date" "2026-01-10" "$(line_of "$OUT" '^A-DEMARCHES ')"

# ---- the official full text loaded as version 2024: texts replaced,
# assessments kept
run_status nc rgesn load "$RG/rgesn-2024-criteria.json" --version 2024
expect_eq "load texte complet: code" 0 "$RC"
expect_contains "load texte complet: remplacé" "Référentiel RGESN 2024 remplacé (évaluations conservées) : 78 critères, texte complet." "$OUT"
run_status nc rgesn versions
expect_contains "versions: texte complet" "complet" "$(line_of "$OUT" '^RGESN +2024 ')"
expect_eq "versions: une seule 2024" 1 "$(printf '%s\n' "$OUT" | grep -c '^RGESN  *2024 ')"
run_status nc rgesn show 4.1
expect_contains "show: objectif" "Objectif :" "$OUT"
expect_contains "show: moyen de test" "Moyen de test :" "$OUT"
run_status nc assessment score "$a2"
expect_contains "évaluation conservée" "**Score : 5,2${NBSP}%**" "$OUT"

# ---- versions side by side: a 2022-like referential, then 2024, on B-PORTAIL
#   2022: 1.1 1.2 1.11 conforme, 4.1 non conforme, 6.8 NA, 8.1 non évalué:
#   3/5 = 60 %; 2024: 1.1 conforme, 1.2 non conforme, 4.1 conforme: 2/78 =
#   2,564… %; −57,4 points; common ids 1.1 1.2 4.1 8.1, two answers changed.
run_status nc --as "$ADMIN" rgesn load "$RG/rgesn-2022-mini.json"
expect_eq "load 2022: code" 0 "$RC"
b1=$(nc --as "$REF_B" assessment new B-PORTAIL --version 2022 --date 2023-03-01)
printf 'Critère;Réponse;Justification\n1.1;Conforme;\n1.2;Conforme;\n1.11;Conforme;\n4.1;Non conforme;\n6.8;Non applicable;Pas de contenu vidéo\n' >"$WORK/b1.csv"
nc --as "$REF_B" assessment import "$b1" "$WORK/b1.csv" >/dev/null
b2=$(nc --as "$REF_B" assessment new B-PORTAIL --version 2024 --date 2024-09-01)
printf 'Critère;Réponse\n1.1;Conforme\n1.2;Non conforme\n4.1;Conforme\n' >"$WORK/b2.csv"
nc --as "$REF_B" assessment import "$b2" "$WORK/b2.csv" >/dev/null
run_status nc assessment score "$b1"
expect_contains "2022: score" "**Score : 60,0${NBSP}%**" "$OUT"
run_status nc assessment score "$b2"
expect_contains "2024 après 2022: écart" "(RGESN 2022), score 60,0${NBSP}% → 2,6${NBSP}% (-57,4 points)." "$OUT"
expect_contains "2024 après 2022: critères propres" "2 dans la précédente seulement, 74 dans celle-ci seulement." "$OUT"
expect_contains "2024 après 2022: changement" "| 1.2 | Conforme | Non conforme |" "$OUT"
expect_contains "2024 après 2022: changement 4.1" "| 4.1 | Non conforme | Conforme |" "$OUT"
run_status nc rgesn list --version 2022
expect_contains "list --version 2022" "6 critères" "$OUT"

# ---- the quick self-diagnosis, turned into a complete assessment
nc rgesn questionnaire --output "$WORK/q.csv"
expect_eq "questionnaire: une ligne par question" $((quick + 1)) "$(grep -c . "$WORK/q.csv")"
# 5 conforme (1.4 1.9 2.1 2.2 2.4), 3 non conforme (1.2 2.5 2.7), 3.4 NA,
# 4.1 en cours; the others left blank: 5/(quick − 1) over the questionnaire.
awk -F';' -v OFS=';' '
	$1 ~ /^(1\.4|1\.9|2\.1|2\.2|2\.4)$/ { $3 = "Conforme" }
	$1 ~ /^(1\.2|2\.5|2\.7)$/ { $3 = "Non conforme" }
	$1 == "3.4" { $3 = "Non applicable"; $4 = "Aucune donnée stockée" }
	$1 == "4.1" { $3 = "En cours"; $5 = "30/09/2026"; $6 = "Désactiver la lecture automatique" }
	{ print }' "$WORK/q.csv" >"$WORK/qa.csv"
run_status nc --as "$CORR_A" rgesn diagnostic A-DEMARCHES --answers "$WORK/qa.csv"
expect_eq "diagnostic: code" 0 "$RC"
diag=$(printf '%s\n' "$OUT" | sed -n 's/^Autodiagnostic \([0-9]*\) .*/\1/p')
want=$(sqlite3 :memory: "SELECT replace(printf('%.1f', 500.0 / ($quick - 1)), '.', ',')")
expect_contains "diagnostic: score" "Score : $want${NBSP}% — 5 conformes sur $((quick - 1)) applicables." "$OUT"
expect_contains "diagnostic: premiers critères" "Critères à regarder en premier" "$OUT"
expect_contains "diagnostic: suite" "numeco assessment convert $diag" "$OUT"
cp "$WORK/qa.csv" "$WORK/qbad.csv"
printf '4.4;;Conforme;;;\n' >>"$WORK/qbad.csv"
before=$(db_dump)
run_status nc rgesn diagnostic A-DEMARCHES --answers "$WORK/qbad.csv"
expect_eq "diagnostic hors questionnaire: refusé" 1 "$RC"
expect_contains "diagnostic hors questionnaire: ligne" "qbad.csv:$((quick + 2)): Critère: ce critère ne fait pas partie de l'autodiagnostic rapide" "$ERR"
expect_eq "diagnostic refusé: base inchangée" "$before" "$(db_dump)"
# The long path gives the same thing.
d2=$(nc --as "$CORR_A" assessment new A-DEMARCHES --diagnostic)
nc --as "$CORR_A" assessment import "$d2" "$WORK/qa.csv" >/dev/null
expect_eq "assessment new --diagnostic + import: même score" \
	"$(nc assessment score "$diag" --format json | sed -n 's/^  "score": //p')" \
	"$(nc assessment score "$d2" --format json | sed -n 's/^  "score": //p')"

run_status nc --as "$CORR_A" assessment convert "$diag"
expect_eq "convert: code" 0 "$RC"
full=$OUT
run_status nc assessment convert "$a2"
expect_eq "convert d'une évaluation complète: refusé" 1 "$RC"
run_status nc assessment show "$full"
expect_contains "convert: issue du diagnostic" "issue de l'autodiagnostic $diag" "$OUT"
# 5 conforme, 1 NA: 5/77 = 6,49 %
expect_contains "convert: score" "Score       : 6,5${NBSP}% — 5 conformes sur 77 critères applicables" "$OUT"

# ---- publishing: référent only; then the declaration is frozen
before=$(db_dump)
run_status nc --as "$CORR_A" assessment publish "$full" --contact eco@a.exemple.gouv.fr
expect_eq "publish par le correspondant: refusé" 1 "$RC"
run_status nc --as "$REF_B" assessment publish "$full" --contact eco@a.exemple.gouv.fr
expect_eq "publish par le référent B: refusé" 1 "$RC"
run_status nc --as "$REF_A" assessment publish "$diag" --contact eco@a.exemple.gouv.fr
expect_eq "publish d'un autodiagnostic: refusé" 1 "$RC"
run_status nc --as "$REF_A" assessment publish "$full"
expect_eq "publish sans contact: usage" 2 "$RC"
expect_eq "publications refusées: base inchangée" "$before" "$(db_dump)"
run_status nc assessment declaration --service A-DEMARCHES
expect_eq "déclaration avant publication: aucune" 1 "$RC"
expect_contains "déclaration avant publication: message" "pas de déclaration publiée" "$ERR"
nc --as "$REF_A" assessment publish "$a2" --contact dnum@a.exemple.gouv.fr >/dev/null
nc assessment declaration --service A-DEMARCHES --format json --output "$WORK/d2.json"
expect_eq "déclaration du service: la publiée" 2026-01-10 "$(jq_ "$WORK/d2.json" .date)"
run_status nc --as "$REF_A" assessment publish "$full" --contact eco@a.exemple.gouv.fr
expect_eq "publish: code" 0 "$RC"
run_status nc --as "$REF_A" assessment set "$full" 5.1 conforme
expect_eq "publiée: ne change plus" 1 "$RC"
expect_contains "publiée: raison" "publiée" "$ERR"

run_status nc assessment declaration "$full"
expect_eq "déclaration md: code" 0 "$RC"
md=$OUT
expect_contains "md: titre" "# Déclaration d'écoconception — Démarches en ligne" "$md"
expect_contains "md: référentiel" "RGESN 2024" "$md"
expect_contains "md: contact" "eco@a.exemple.gouv.fr" "$md"
expect_contains "md: ministère" "Ministère de l'Exemple" "$md"
expect_contains "md: non conforme" "| 2.5 |" "$md"
expect_contains "md: non applicable justifié" "Aucune donnée stockée" "$(line_of "$md" '^\| 3\.4 ')"
expect_contains "md: plan d'amélioration" "| 2026-09-30 | 4.1 |" "$md"
nc assessment declaration "$full" --format json --output "$WORK/d.json"
expect_eq "json: conformes" 5 "$(jq_ "$WORK/d.json" .score.conformes)"
expect_eq "json: applicables" 77 "$(jq_ "$WORK/d.json" .score.applicables)"
expect_eq "json: score" 6.5 "$(jq_ "$WORK/d.json" .score.global)"
expect_eq "json: version" 2024 "$(jq_ "$WORK/d.json" .referentiel.version)"
nc assessment declaration --service A-DEMARCHES --format json --output "$WORK/dl.json"
expect_eq "déclaration du service: la dernière publiée" "$(cat "$WORK/d.json")" "$(cat "$WORK/dl.json")"
run_status nc assessment declaration "$full" --format html --output "$WORK/d.html"
expect_eq "html: code" 0 "$RC"
html=$(cat "$WORK/d.html")
expect_contains "html: langue" '<html lang="fr"' "$html"
expect_eq "html: un seul h1" 1 "$(grep -o '<h1' "$WORK/d.html" | wc -l)"
expect_eq "html: pas de script" 0 "$(grep -c '<script' "$WORK/d.html" || true)"
expect_contains "html: service" "Démarches en ligne" "$html"
run_status nc assessment declaration "$diag"
expect_eq "déclaration d'un autodiagnostic: refusée" 1 "$RC"
run_status nc assessment declaration "$full" --format pdf
expect_eq "format inconnu: usage" 2 "$RC"

# ---- consolidation: A-DEMARCHES (latest complete: 6,49 %), B-PORTAIL
# (2,56 %), A-AGENTS not assessed: 3 services, 2 assessed, mean 4,53 %;
# 1.2 failed by both assessed services.
run_status nc rgesn consolidate
expect_eq "consolidate: code" 0 "$RC"
expect_contains "consolidate: national" "| **Ensemble** | **3** | **2** | **4,5${NBSP}%** | **2** | **0** | **0** | **0** |" "$OUT"
expect_contains "consolidate: MIN-A" "| 2 | 1 | 6,5${NBSP}% |" "$(line_of "$OUT" "^\| Ministère de l'Exemple ")"
expect_contains "consolidate: critère le plus souvent non conforme" "| 1 | 1.2 |" "$OUT"
nc rgesn consolidate --format json --output "$WORK/cons.json"
expect_eq "consolidate json: services" 3 "$(jq_ "$WORK/cons.json" .services)"
expect_eq "consolidate json: évalués" 2 "$(jq_ "$WORK/cons.json" .assessed)"
expect_eq "consolidate json: moyenne" 4.53 "$(sqlite3 :memory: "SELECT printf('%.2f', json_extract(readfile('$WORK/cons.json'), '\$.average'))")"
run_status nc rgesn consolidate --org MIN-B --format json --output "$WORK/consb.json"
expect_eq "consolidate --org: services" 1 "$(jq_ "$WORK/consb.json" .services)"

# ---- the computed indicator: services with a complete assessment dated in
# the year or before
nc indicator consolidate --year 2026 --format json --output "$WORK/i26.json"
nc indicator consolidate --year 2024 --format json --output "$WORK/i24.json"
ind() { sqlite3 :memory: "SELECT json_extract(value, '\$.value') FROM json_each(readfile('$1'), '\$.indicators')
	WHERE json_extract(value, '\$.code') = 'services_evalues_rgesn'"; }
expect_eq "indicateur 2026: 2 services évalués" 2.0 "$(ind "$WORK/i26.json")"
expect_eq "indicateur 2024: 1 service évalué (MIN-B)" 1.0 "$(ind "$WORK/i24.json")"

# ---- the audit log names who did what
run_status nc log --limit 0
expect_contains "log: service" "service A-AGENTS" "$(line_of "$OUT" "$REF_A .*A-AGENTS")"
expect_contains "log: évaluation du correspondant" "$CORR_A" "$(line_of "$OUT" "création evaluation A-DEMARCHES/$a1\$")"
expect_contains "log: publication" "evaluation A-DEMARCHES/$full" "$(line_of "$OUT" "^[^ ]+  $REF_A  .*A-DEMARCHES/$full\$")"
expect_contains "log: réponse et justification" "2.2 : Non évalué → Non applicable" "$OUT"
expect_contains "log: référentiel" "RGESN 2022" "$OUT"

finish
