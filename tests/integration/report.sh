#!/usr/bin/env bash
# report.sh: the consolidated review of a period through the real binary:
# figures, the four formats, scoping to one ministry, determinism, and the
# IT fleet footprint section from stored evaluations.
source "$(dirname "$0")/lib.sh"
setup_db
nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2022 >/dev/null
printf 'Référence;Titre;Thème;Niveau;Statut;Action clé;Budget;Impact évité estimé;Unité\nB-1;Mutualiser deux salles serveurs;datacenter;realisation;Réalisée;oui;75 000;300;tCO2e\nB-2;Charte des usages;usage;reflexion;en cours;non;;;\n' >"$WORK/b.csv"
nc import roadmap "$WORK/b.csv" --org MIN-B --period 2022 >/dev/null

run_status nc report --period 2022
expect_eq "md: code" 0 "$RC"
expect_contains "md: titre" "# Bilan consolidé des feuilles de route — période 2022" "$OUT"
expect_contains "md: ministères" "| Ministères ayant une feuille de route | 2 sur 3 |" "$OUT"
expect_contains "md: actions" "| Actions | 7 |" "$OUT"
expect_contains "md: réalisées" "| Actions réalisées | 3, soit 42,9${NBSP}% |" "$OUT"
expect_contains "md: impact des actions clés" "425,0${NBSP}tCO2e" "$OUT"
expect_contains "md: sans feuille de route" "Ministère sans feuille de route" "$OUT"
expect_contains "md: datacenter" "| Salles serveurs et centres de données | 0 | 0 | 1 | 0 | 0 | 1 | 100,0${NBSP}% |" "$OUT"
# Ranking by cost per tonne avoided (budget / tCO2e, cheapest first), by hand
# from the fixtures: MIN-A A-02 1 234,50 € / 120,5 t = 10,24 €/t and MIN-B B-1
# 75 000 € / 300 t = 250 €/t. Left out: A-03 (budget, no estimate), A-04
# (estimate, no budget), A-05 (budget, but an energy estimate), B-2.
NNBSP=$'\xe2\x80\xaf'
expect_contains "md: coût, section" "## Actions classées par coût de la tonne évitée" "$OUT"
expect_contains "md: coût, rang 1" "| 1 | Ministère de l'Exemple | A-02 | Allonger la durée d'usage des postes de travail de 4 à 5 ans | 1${NNBSP}234,50${NBSP}€ | 120,5 | 10 |" "$OUT"
expect_contains "md: coût, rang 2" "| 2 | Ministère des Essais | B-1 | Mutualiser deux salles serveurs | 75${NNBSP}000${NBSP}€ | 300,0 | 250 |" "$OUT"
cost_rows=$(printf '%s\n' "$OUT" | sed -n '/^## Actions classées par coût/,/^## /p' | grep -c '^| [0-9]')
expect_eq "md: coût, lignes" 2 "$cost_rows"

# Same data, same bytes, in every format.
for f in md html json csv; do
	nc report --period 2022 --format $f >"$WORK/r1.$f"
	nc report --period 2022 --format $f >"$WORK/r2.$f"
	check
	cmp -s "$WORK/r1.$f" "$WORK/r2.$f" || fail "$f: deux sorties différentes"
	check
	[ -s "$WORK/r1.$f" ] || fail "$f: sortie vide"
done
html=$(cat "$WORK/r1.html")
expect_contains "html: langue" '<html lang="fr">' "$html"
expect_contains "html: graphique" "<svg" "$html"
check
case "$html" in *"<script"* | *"src=\"http"* | *"href=\"http"*) fail "html: script ou ressource externe" ;; esac
expect_eq "json: valide" 1 "$(sqlite3 :memory: "select json_valid(readfile('$WORK/r1.json'));")"
expect_eq "json: actions" 7 "$(sqlite3 :memory: "select json_extract(readfile('$WORK/r1.json'), '\$.key_figures.actions');")"
expect_contains "csv: en-tête" "section;" "$(head -1 "$WORK/r1.csv")"
expect_eq "json: coût" "10.24" "$(sqlite3 :memory: "select json_extract(readfile('$WORK/r1.json'), '\$.top_cost[0].eur_per_t');")"
expect_contains "csv: coût" $'2022;;classement_cout;MIN-B;Ministère des Essais;B-1;Mutualiser deux salles serveurs;250,00;EUR/tCO2e\r' "$(cat "$WORK/r1.csv")"

# --output writes the file; --org narrows to one ministry.
run_status nc report --period 2022 --format html --output "$WORK/out.html"
expect_eq "output: code" 0 "$RC"
check
cmp -s "$WORK/out.html" "$WORK/r1.html" || fail "--output: contenu différent de la sortie standard"
run_status nc report --period 2022 --org MIN-B
expect_contains "org: actions" "| Actions | 2 |" "$OUT"
expect_contains "org: titre" "Ministère des Essais" "$OUT"
run_status nc report --period 2022 --org MIN-INCONNU
expect_eq "org inconnue: code" 1 "$RC"
run_status nc report --period 2022 --format pdf
expect_eq "format inconnu: code" 2 "$RC"
# A period without any roadmap still gives a report, saying so.
run_status nc report --period 2030
expect_eq "période vide: code" 0 "$RC"
expect_contains "période vide: zéro" "| Ministères ayant une feuille de route | 0 sur 3 |" "$OUT"

# ---- IT fleet footprint (stored evaluations)
run_status nc report --period 2022
expect_contains "empreinte: aucune évaluation" "Aucune évaluation de l'empreinte du parc informatique n'est enregistrée pour la période (numeco footprint import)." "$OUT"
FPS="$DATA/footprint/samples"
FPIN=(--physical "$FPS/2-physicalEquipments.csv" --datacenters "$FPS/1-datacenter.csv" --date 2022-06-01)
run_status nc footprint import --org MIN-A --year 2022 "${FPIN[@]}"
expect_eq "empreinte: import" 0 "$RC"
# The expected figures, by hand from the summary `numeco footprint evaluate`
# prints for the same inputs (the open referential): 12 913 | 335,9 | 1 948
# | 189,6 kg CO2 eq by phase, 15 386 kg in all; divided by 1 000: 12,9 | 0,3
# | 1,9 | 0,2 and 15,4 tCO2e.
run_status nc footprint evaluate "${FPIN[@]}"
expect_contains "empreinte: résumé de référence" "| Climate change | kg CO2 eq | 12${NNBSP}913 | 335,9 | 1${NNBSP}948 | 189,6 | 15${NNBSP}386 |" "$OUT"
nc footprint evaluate "${FPIN[@]}" --format json >"$WORK/fp.json"
run_status nc report --period 2022
expect_contains "empreinte: section" "## Empreinte du parc informatique (évaluations enregistrées)" "$OUT"
expect_contains "empreinte: MIN-A" "| Ministère de l'Exemple | numeco-ouvert 2025.1 | 6 | 0 | 12,9 | 0,3 | 1,9 | 0,2 | 15,4 |" "$OUT"
expect_contains "empreinte: sans évaluation" $'Ministères sans évaluation enregistrée pour 2022 :\n\n- Ministère des Essais\n- Ministère sans feuille de route\n' "$OUT"
expect_contains "empreinte: méthode" "reprend les évaluations enregistrées avec numeco footprint import" "$OUT"
check
case "$OUT" in *"Total national"*) fail "empreinte: total national pour un seul ministère" ;; esac
# JSON: the same total as the evaluation's own, to the gram.
nc report --period 2022 --format json >"$WORK/fp-report.json"
want=$(sqlite3 :memory: "select round(sum(json_extract(value, '\$.valeur')) / 1000, 3) from json_each(readfile('$WORK/fp.json'), '\$.resultats') where json_extract(value, '\$.dimension') = 'total' and json_extract(value, '\$.critere') = 'CLIMATE_CHANGE';")
expect_eq "empreinte: total calculé" "15.386" "$want"
expect_eq "empreinte: json" "$want" "$(sqlite3 :memory: "select json_extract(readfile('$WORK/fp-report.json'), '\$.footprint.years[0].ministries[0].total_t');")"
expect_contains "empreinte: csv" $'2022;;empreinte_ges;MIN-A;Ministère de l\'Exemple;2022;numeco-ouvert 2025.1;15,386;tCO2e\r' "$(nc report --period 2022 --format csv)"
html=$(nc report --period 2022 --format html)
expect_contains "empreinte: html" '<th scope="row">Ministère de l&#39;Exemple</th><td>numeco-ouvert 2025.1</td><td class="n">6</td>' "$html"

# A second ministry, evaluated through one of its directions: national total.
run_status nc footprint import --org MIN-B-DAF --year 2022 "${FPIN[@]}"
expect_eq "empreinte: import direction" 0 "$RC"
run_status nc report --period 2022
expect_contains "empreinte: direction" "| Ministère des Essais — évaluation de MIN-B-DAF | numeco-ouvert 2025.1 | 6 | 0 | 12,9 | 0,3 | 1,9 | 0,2 | 15,4 |" "$OUT"
expect_contains "empreinte: total national" "| **Total national (2 ministères sur 3)** |  | 12 | 0 | 25,8 | 0,7 | 3,9 | 0,4 | 30,8 |" "$OUT"
expect_contains "empreinte: un manquant" $'Ministère sans évaluation enregistrée pour 2022 :\n\n- Ministère sans feuille de route\n' "$OUT"
for f in md html json csv; do
	nc report --period 2022 --format $f >"$WORK/f1.$f"
	nc report --period 2022 --format $f >"$WORK/f2.$f"
	check
	cmp -s "$WORK/f1.$f" "$WORK/f2.$f" || fail "empreinte, $f: deux sorties différentes"
done
expect_eq "empreinte: json valide" 1 "$(sqlite3 :memory: "select json_valid(readfile('$WORK/f1.json'));")"
# --org: that ministry only, no national total.
run_status nc report --period 2022 --org MIN-B
expect_contains "empreinte --org: ligne" "| Ministère des Essais — évaluation de MIN-B-DAF |" "$OUT"
check
case "$OUT" in *"Ministère de l'Exemple"* | *"Total national"*) fail "empreinte --org: hors périmètre" ;; esac
# A range: each year, saying when one has no evaluation.
run_status nc report --period 2021-2022
expect_contains "empreinte: année sans évaluation" $'### 2021\n\nAucune évaluation enregistrée pour 2021.' "$OUT"

finish
