#!/usr/bin/env bash
# indicators.sh: the common indicators through the real binary: the default
# catalogue, entering values and their checks, CSV import (all or nothing),
# collection states and rights, national consolidation in three formats
# against figures computed by hand, CSV and XLSX export, computed
# indicators, and the section of the consolidated report.
source "$(dirname "$0")/lib.sh"
ADMIN=admin@mission.exemple.gouv.fr
REF_A=referent@a.exemple.gouv.fr
REF_B=referent@b.exemple.gouv.fr
CORR_A=correspondant@a.exemple.gouv.fr
LECT_A=lecteur@a.exemple.gouv.fr
setup_db

# json_of FILE CODE FIELD: FIELD of indicator CODE in a consolidate JSON file.
json_of() {
	sqlite3 :memory: "SELECT json_extract(value, '\$.$3') FROM json_each(readfile('$1'), '\$.indicators')
		WHERE json_extract(value, '\$.code') = '$2'"
}

# ---- the default catalogue, installed by init
run_status nc indicator list
expect_eq "list: code" 0 "$RC"
want=$(($(grep -c . "$NUMECO_SRC/data/indicators/catalogue.csv") - 1))
expect_contains "list: tout le catalogue" "$want indicateurs." "$OUT"
expect_contains "list: pondération" "part_achats_reconditionnes" "$OUT"
expect_contains "list: calculé" "calculé" "$(printf '%s\n' "$OUT" | grep '^empreinte_parc ')"
run_status nc indicator list --theme achats
expect_eq "list --theme: rien hors thème" "" "$(printf '%s\n' "$OUT" | grep '^empreinte_parc ' || true)"
run_status nc indicator list --theme cuisine
expect_eq "list --theme inconnu: code" 2 "$RC"

# Targets of this test, whatever the shipped catalogue says: the catalogue
# is exported, edited, and loaded back (admin only).
nc indicator catalogue export --output "$WORK/cat.csv"
awk -F';' -v OFS=';' '$1 == "part_achats_reconditionnes" { $12 = "2024=30" } { print }' \
	"$WORK/cat.csv" >"$WORK/cat2.csv"
run_status nc --as "$REF_A" indicator catalogue load "$WORK/cat2.csv"
expect_eq "catalogue load par un référent: refusé" 1 "$RC"
run_status nc --as "$ADMIN" indicator catalogue load "$WORK/cat2.csv"
expect_eq "catalogue load: code" 0 "$RC"
expect_contains "catalogue load: modifié" "0 indicateur ajouté, 1 modifié." "$OUT"
awk -F';' -v OFS=';' 'NR == 3 { $6 = "couleur" } { print }' "$WORK/cat.csv" >"$WORK/badcat.csv"
before=$(db_dump)
run_status nc indicator catalogue load "$WORK/badcat.csv"
expect_eq "catalogue fautif: code" 1 "$RC"
expect_contains "catalogue fautif: ligne et colonne" "badcat.csv:3: Nature:" "$ERR"
expect_eq "catalogue fautif: base inchangée" "$before" "$(db_dump)"

# ---- set and show
run_status nc indicator set --org MIN-A --year 2023 postes_achetes 100
expect_eq "set: code" 0 "$RC"
expect_contains "set: message" "MIN-A 2023, postes_achetes = 100 : enregistré." "$OUT"
run_status nc indicator set --org MIN-A --year 2023 postes_achetes 100
expect_contains "set bis: inchangé" "inchangé" "$OUT"
run_status nc indicator show postes_achetes
expect_eq "show: code" 0 "$RC"
expect_contains "show: définition" "Consolidation : Somme" "$OUT"
expect_contains "show: valeur du ministère" "100${NBSP}postes" "$(printf '%s\n' "$OUT" | grep '^  MIN-A ')"
expect_contains "show: brouillon ne compte pas" "Brouillon (ne compte pas)" "$OUT"
expect_contains "show: nationale" "2023 : aucune valeur — 0 ministère sur 3" "$OUT"
run_status nc indicator show inconnu
expect_eq "show inconnu: code" 1 "$RC"

# Refusals: each says why, and the database does not change.
before=$(db_dump)
run_status nc indicator set --org MIN-A --year 2024 part_achats_reconditionnes 120
expect_eq "hors plage: code" 1 "$RC"
expect_contains "hors plage: raison" "supérieure au maximum" "$ERR"
run_status nc indicator set --org MIN-A --year 2024 postes_achetes 400
expect_eq "saut ×4 sans commentaire: code" 1 "$RC"
expect_contains "saut: raison" "commentaire" "$ERR"
run_status nc indicator set --org MIN-A --year 2024 postes_achetes douze
expect_eq "pas un nombre: code" 1 "$RC"
run_status nc indicator set --org MIN-A --year 2024 inconnu 1
expect_eq "indicateur inconnu: code" 1 "$RC"
run_status nc indicator set --org MIN-A-DNUM --year 2024 postes_achetes 1
expect_eq "pas un ministère: code" 1 "$RC"
run_status nc indicator set --org MIN-A --year 20x4 postes_achetes 1
expect_eq "année invalide: code" 2 "$RC"
expect_eq "refus: base inchangée" "$before" "$(db_dump)"
run_status nc indicator set --org MIN-A --year 2024 postes_achetes 400 --comment "renouvellement du parc"
expect_eq "saut avec commentaire: code" 0 "$RC"

# ---- rights
before=$(db_dump)
run_status nc --as "$REF_A" indicator set --org MIN-B --year 2024 postes_achetes 10
expect_eq "référent A sur MIN-B: refusé" 1 "$RC"
expect_contains "référent A sur MIN-B: message" "MIN-B" "$ERR"
run_status nc --as "$CORR_A" indicator set --org MIN-A --year 2024 postes_achetes 10
expect_eq "correspondant: refusé" 1 "$RC"
run_status nc --as "$LECT_A" indicator set --org MIN-A --year 2024 postes_achetes 10
expect_eq "lecteur: refusé" 1 "$RC"
expect_eq "droits: base inchangée" "$before" "$(db_dump)"
run_status nc --as "$REF_A" indicator set --org MIN-A --year 2024 part_achats_reconditionnes 22,5 \
	--source "SI achats"
expect_eq "référent A sur MIN-A: code" 0 "$RC"

# ---- import: every bad line reported, nothing stored. Lines that cannot
# be read (a number that is not one, a bad year) are reported first; lines
# that can be are then checked against the store and the catalogue.
cat >"$WORK/bad.csv" <<'EOF'
Ministère;Année;Indicateur;Valeur;Commentaire
MIN-B;2024;postes_achetes;200;
MIN-Z;2024;postes_achetes;5;
MIN-B;2024;part_achats_ecolabel;85;
MIN-B;2024;equipements_reformes;-5;
MIN-B;2024;part_achats_reconditionnes;130;
MIN-B;2024;inconnu;50;
EOF
before=$(db_dump)
run_status nc indicator import "$WORK/bad.csv"
expect_eq "import fautif: code" 1 "$RC"
for l in 3 5 6 7; do
	expect_contains "import fautif: ligne $l" "bad.csv:$l:" "$ERR"
done
expect_eq "import fautif: lignes justes non signalées" "" "$(printf '%s\n' "$ERR" | grep -E 'bad.csv:(2|4):' || true)"
expect_contains "import fautif: ministère inconnu" "bad.csv:3: Ministère: ministère inconnu" "$ERR"
expect_contains "import fautif: négatif" "bad.csv:5: Valeur:" "$ERR"
expect_contains "import fautif: hors plage" "supérieure au maximum" "$(printf '%s\n' "$ERR" | grep 'bad.csv:6:')"
expect_contains "import fautif: indicateur inconnu" "bad.csv:7: Indicateur:" "$ERR"
expect_contains "import fautif: refus" "4 erreurs, rien n'a été enregistré" "$ERR"
expect_eq "import fautif: base inchangée" "$before" "$(db_dump)"
printf 'Ministère;Année;Indicateur;Valeur\nMIN-B;2024;postes_achetes;cent\nMIN-B;2024;postes_achetes;1\nMIN-B;1850;postes_achetes;1\n' >"$WORK/bad2.csv"
run_status nc indicator import "$WORK/bad2.csv"
expect_eq "import illisible: code" 1 "$RC"
expect_contains "import illisible: nombre" "bad2.csv:2: Valeur:" "$ERR"
expect_contains "import illisible: année" "bad2.csv:4: Année:" "$ERR"
expect_eq "import illisible: base inchangée" "$before" "$(db_dump)"
run_status nc --as "$REF_A" indicator import "$WORK/bad.csv"
expect_eq "import d'un autre ministère: code" 1 "$RC"
expect_contains "import d'un autre ministère: ligne" "bad.csv:2:" "$ERR"

# MIN-B (submitted, not validated) and MIN-C (left in draft): by import.
cat >"$WORK/b.csv" <<'EOF'
Ministère;Année;Indicateur;Valeur;Commentaire;Source
MIN-B;2024;postes_achetes;200;;
MIN-B;2024;part_achats_reconditionnes;30;;inventaire
MIN-B;2024;part_reemploi_reformes;10;sans le nombre d'équipements;
MIN-C;2024;postes_achetes;50;;
MIN-C;2024;part_achats_reconditionnes;90;;
EOF
run_status nc indicator import "$WORK/b.csv"
expect_eq "import: code" 0 "$RC"
expect_contains "import: compte" "5 lignes lues — 5 valeurs enregistrées" "$OUT"
nc indicator set --org MIN-A --year 2024 equipements_reformes 100 >/dev/null
nc indicator set --org MIN-A --year 2024 part_reemploi_reformes 40 >/dev/null

# ---- collection states
run_status nc indicator submit --org MIN-C --year 2023
expect_eq "soumettre une collecte vide: refusé" 1 "$RC"
expect_contains "soumettre une collecte vide: message" "rien à soumettre" "$ERR"
run_status nc --as "$REF_A" indicator submit --org MIN-A --year 2024
expect_eq "submit par le référent: code" 0 "$RC"
expect_contains "submit: message" "Collecte MIN-A 2024 : Brouillon → Soumis." "$OUT"
run_status nc --as "$REF_A" indicator set --org MIN-A --year 2024 postes_achetes 401 --comment x
expect_eq "set dans une collecte soumise: refusé" 1 "$RC"
run_status nc --as "$REF_A" indicator validate --org MIN-A --year 2024
expect_eq "le référent ne valide pas sa collecte" 1 "$RC"
run_status nc --as "$REF_B" indicator submit --org MIN-A --year 2024
expect_eq "référent B sur MIN-A: refusé" 1 "$RC"
run_status nc --as "$ADMIN" indicator validate --org MIN-A --year 2024
expect_eq "validate par l'admin: code" 0 "$RC"
expect_contains "validate: message" "Soumis → Validé" "$OUT"
run_status nc --as "$REF_A" indicator withdraw --org MIN-A --year 2024
expect_eq "retirer une collecte validée: refusé" 1 "$RC"
run_status nc --as "$REF_A" indicator reopen --org MIN-A --year 2024
expect_eq "rouvrir: réservé à l'admin" 1 "$RC"
nc --as "$REF_B" indicator submit --org MIN-B --year 2024 >/dev/null
run_status nc --as "$REF_B" indicator withdraw --org MIN-B --year 2024
expect_eq "withdraw par le référent: code" 0 "$RC"
nc --as "$REF_B" indicator submit --org MIN-B --year 2024 >/dev/null

# ---- consolidation of 2024, by hand:
#  postes_achetes: 400 + 200 (MIN-C's 50 is in draft) = 600, 2 of 3, 1 validated;
#  part_achats_reconditionnes, weighted by postes_achetes:
#    (22,5 × 400 + 30 × 200) / 600 = 25 %; target 30 (set above): gap -5, missed;
#  part_reemploi_reformes, weighted by equipements_reformes: MIN-B has no
#    weight, so 40 % from MIN-A alone, MIN-B counted "sans pondération".
run_status nc indicator consolidate --year 2024
expect_eq "consolidate md: code" 0 "$RC"
expect_contains "md: somme" "| Somme | 600${NBSP}postes | 2 ministères sur 3, dont 1 validé | — | — |" \
	"$(printf '%s\n' "$OUT" | grep '(`postes_achetes`)')"
expect_contains "md: moyenne pondérée" "| 25${NBSP}% | 2 ministères sur 3, dont 1 validé | 30${NBSP}% | -5${NBSP}% (non atteinte) |" \
	"$(printf '%s\n' "$OUT" | grep '(`part_achats_reconditionnes`)')"
expect_contains "md: poids manquant" "| 40${NBSP}% | 2 ministères sur 3, dont 1 validé, 1 sans pondération |" \
	"$(printf '%s\n' "$OUT" | grep '(`part_reemploi_reformes`)')"
expect_contains "md: ministère manquant" '(`postes_achetes`) : MIN-C' "$OUT"
run_status nc indicator consolidate --year 2024 --format csv --output "$WORK/c.csv"
expect_eq "consolidate csv: code" 0 "$RC"
expect_contains "csv: moyenne pondérée" \
	";moyenne_ponderee;;25;2;3;1;0;30;-5;non;MIN-C"$'\r' \
	"$(grep '^2024;part_achats_reconditionnes;' "$WORK/c.csv")"
expect_contains "csv: somme" ";somme;;600;2;3;1;0;;;;MIN-C"$'\r' "$(grep '^2024;postes_achetes;' "$WORK/c.csv")"
nc indicator consolidate --year 2024 --format json --output "$WORK/c.json"
expect_eq "json: somme" 600.0 "$(json_of "$WORK/c.json" postes_achetes value)"
expect_eq "json: moyenne pondérée" 25.0 "$(json_of "$WORK/c.json" part_achats_reconditionnes value)"
expect_eq "json: écart" -5.0 "$(json_of "$WORK/c.json" part_achats_reconditionnes gap)"
expect_eq "json: complétude" "2 ministères sur 3, dont 1 validé" \
	"$(json_of "$WORK/c.json" part_achats_reconditionnes completeness)"
expect_eq "json: poids manquant" 1 "$(json_of "$WORK/c.json" part_reemploi_reformes missing_weight)"
expect_eq "json: valeur sans poids" 40.0 "$(json_of "$WORK/c.json" part_reemploi_reformes value)"
run_status nc indicator consolidate --year 2024 --format pdf
expect_eq "consolidate format inconnu: code" 2 "$RC"
run_status nc indicator consolidate
expect_eq "consolidate sans --year: code" 2 "$RC"

# ---- export: CSV round trip into a fresh database, XLSX workbook
run_status nc indicator export --output "$WORK/all.csv"
expect_eq "export: code" 0 "$RC"
expect_eq "export: en-tête" $'\xef\xbb\xbfMinistère;Nom du ministère;Année;Indicateur;Libellé;Unité;Valeur;Commentaire;Source;Origine;État\r' \
	"$(head -1 "$WORK/all.csv")"
expect_contains "export: décimale française et commentaire" \
	"MIN-A;Ministère de l'Exemple;2024;part_achats_reconditionnes;" "$(cat "$WORK/all.csv")"
expect_contains "export: source" ";22,5;;SI achats;saisie;Validé"$'\r' "$(cat "$WORK/all.csv")"
saved=$NUMECO_DB
export NUMECO_DB="$WORK/copie.db"
setup_db
run_status nc indicator import "$WORK/all.csv"
expect_eq "réimport: code" 0 "$RC"
nc indicator export --output "$WORK/again.csv"
entered() { awk -F';' '$10 == "saisie"' "$1" | cut -d';' -f1-9; }
expect_eq "réimport: mêmes valeurs" "$(entered "$WORK/all.csv")" "$(entered "$WORK/again.csv")"
check
[ "$(entered "$WORK/all.csv" | wc -l)" -eq 10 ] || fail "export: 10 valeurs saisies attendues"
export NUMECO_DB=$saved

run_status nc indicator export --year 2024 --org MIN-B --format xlsx --output "$WORK/i.xlsx"
expect_eq "xlsx: code" 0 "$RC"
expect_eq "xlsx: archive zip" "PK" "$(head -c 2 "$WORK/i.xlsx")"
sheets=$(sqlite3 :memory: "SELECT CAST(data AS TEXT) FROM zipfile('$WORK/i.xlsx') WHERE name = 'xl/workbook.xml'")
expect_contains "xlsx: feuille Valeurs" '<sheet name="Valeurs"' "$sheets"
expect_contains "xlsx: feuille Consolidation" '<sheet name="Consolidation"' "$sheets"
values=$(sqlite3 :memory: "SELECT CAST(data AS TEXT) FROM zipfile('$WORK/i.xlsx') WHERE name = 'xl/worksheets/sheet1.xml'")
expect_contains "xlsx: nombre en nombre" "<v>30</v>" "$values"
expect_eq "xlsx: seulement MIN-B" "" "$(printf '%s' "$values" | grep -o 'MIN-A' || true)"
term=$(script -qec "$(printf '%q ' "$NUMECO" indicator export --format xlsx)" /dev/null | tr -d '\r' || true)
expect_contains "xlsx: pas sur un terminal" "--output" "$term"
run_status nc indicator export --format ods
expect_eq "export format inconnu: code" 2 "$RC"

# ---- computed indicators: roadmap (MIN-A 2022) and footprint (MIN-B 2022)
nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2022 >/dev/null
{
	head -1 "$DATA/footprint/samples/2-physicalEquipments.csv"
	echo "pc-1;;3;;2021-01-01;;Laptop;In use;France;;;;Entity 1;"
	echo "pc-2;;2;;2021-01-01;;Desktop;In use;France;;;;Entity 1;"
	echo "srv-1;Physical Server unknown;1;;2020-07-08;;Server;In use;France;;;;Entity 1;"
} >"$WORK/inv.csv"
nc footprint import --org MIN-B --year 2022 --physical "$WORK/inv.csv" --date 2022-06-01 >/dev/null
nc footprint evaluate --physical "$WORK/inv.csv" --date 2022-06-01 --format json >"$WORK/fp.json"
fp_t=$(sqlite3 :memory: "SELECT round(sum(json_extract(value, '\$.valeur')) / 1000, 3)
	FROM json_each(readfile('$WORK/fp.json'), '\$.resultats')
	WHERE json_extract(value, '\$.dimension') = 'total' AND json_extract(value, '\$.critere') = 'CLIMATE_CHANGE'")
nc indicator consolidate --year 2022 --format json --output "$WORK/c22.json"
# The roadmap of MIN-A 2022 (tests/data): 5 actions, 2 realised, 2 key actions.
expect_eq "calcul: part des actions réalisées" 40.0 "$(json_of "$WORK/c22.json" part_actions_realisees value)"
expect_eq "calcul: actions clés" 2.0 "$(json_of "$WORK/c22.json" actions_cles value)"
expect_eq "calcul: postes (3 portables + 2 fixes)" 5.0 "$(json_of "$WORK/c22.json" postes_de_travail value)"
expect_eq "calcul: empreinte = évaluation" "$fp_t" \
	"$(sqlite3 :memory: "SELECT round($(json_of "$WORK/c22.json" empreinte_parc value), 3)")"
expect_eq "calcul: complétude" "1 ministère sur 3, dont 1 validé" \
	"$(json_of "$WORK/c22.json" postes_de_travail completeness)"
run_status nc indicator consolidate --year 2022
expect_contains "calcul: md" '(`postes_de_travail`, calculé)' "$OUT"
# Where numeco knows the answer, the value cannot be entered; where it does
# not (MIN-C has no evaluation), the ministry enters it like any other.
before=$(db_dump)
run_status nc indicator set --org MIN-B --year 2022 postes_de_travail 12
expect_eq "calculé: saisie refusée" 1 "$RC"
expect_contains "calculé: raison" "est calculé par numeco pour 2022" "$ERR"
run_status nc indicator set --org MIN-A --year 2022 part_actions_realisees 50
expect_eq "calculé (feuille de route): saisie refusée" 1 "$RC"
printf 'Ministère;Année;Indicateur;Valeur\nMIN-A;2022;actions_cles;3\n' >"$WORK/calc.csv"
run_status nc indicator import "$WORK/calc.csv"
expect_contains "calculé: import refusé" "calc.csv:2: Indicateur: l'indicateur « actions_cles » est calculé" "$ERR"
expect_eq "calculé: refus sans écriture" "$before" "$(db_dump)"
run_status nc indicator set --org MIN-C --year 2022 postes_de_travail 7
expect_eq "sans donnée, saisie acceptée: code" 0 "$RC"
run_status nc indicator show postes_de_travail --year 2022
expect_contains "sans donnée: valeur saisie montrée" "MIN-C" "$OUT"

# ---- the consolidated report gains the section
run_status nc report --period 2024
expect_contains "report: section" "## Indicateurs communs" "$OUT"
expect_contains "report: valeur nationale" "| 25${NBSP}% | 2 ministères sur 3, dont 1 validé | 30${NBSP}% | -5${NBSP}% (non atteinte) |" "$OUT"
run_status nc report --period 2024 --org MIN-C
expect_contains "report ministère: brouillon montré" "| 90${NBSP}% | Brouillon | 30${NBSP}% |" "$OUT"
nc report --period 2022-2024 --format json --output "$WORK/r.json"
expect_eq "report json: trois années" 3 \
	"$(sqlite3 :memory: "SELECT json_array_length(readfile('$WORK/r.json'), '\$.indicators.years')")"

# ---- the audit log names who did what
run_status nc log
expect_contains "journal: valeur" "MIN-A/2024/postes_achetes" "$OUT"
expect_contains "journal: état" "MIN-A/2024" "$OUT"

finish
