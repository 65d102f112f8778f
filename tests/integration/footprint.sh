#!/usr/bin/env bash
# footprint.sh: footprint commands through the real binary: evaluate on the
# NumEcoEval samples and the golden case, outputs, bad input, referentials
# (load, versions, licences), stored evaluations, action estimates and their
# recomputation when the referential changes.
source "$(dirname "$0")/lib.sh"
FP="$DATA/footprint"
S="$FP/samples"
G4IT="$FP/g4it_referential"
INPUTS=(--datacenters "$S/1-datacenter.csv" --physical "$S/2-physicalEquipments.csv"
	--virtual "$S/3-virtualEquipments.csv" --applications "$S/4-applications.csv")
ADMIN=admin@mission.exemple.gouv.fr
NNBSP=$'\xe2\x80\xaf' # narrow no-break space: groups of digits in traces
REF_A=referent@a.exemple.gouv.fr
REF_B=referent@b.exemple.gouv.fr
LECT_A=lecteur@a.exemple.gouv.fr

# ---- evaluate, without a database: the open referential built into numeco
run_status nc --db "$WORK/absent.db" footprint evaluate "${INPUTS[@]}" --date 2025-06-01
expect_eq "sans base: code" 0 "$RC"
expect_contains "sans base: référentiel intégré" "Référentiel : numeco-ouvert 2025.1" "$OUT"
expect_contains "sans base: lignes" "| Équipements physiques | 6 | 0 |" "$OUT"
expect_eq "sans base: pas de base créée" "" "$(ls "$WORK" | grep absent || true)"

# ---- evaluate with a referential folder: the same summary as the unit test's golden file
run_status nc footprint evaluate "${INPUTS[@]}" --referential "$G4IT" --date 2024-01-01
expect_eq "samples: code" 0 "$RC"
# The same summary as the unit test's golden file, but for the referential's
# name (here the folder's).
expect_eq "samples: synthèse = tests/data/footprint/expected/summary-samples.md" \
	"$(grep -v '^Référentiel : ' "$FP/expected/summary-samples.md")" "$(printf '%s\n' "$OUT" | grep -v '^Référentiel : ')"

for fmt in html json csv; do
	run_status nc footprint evaluate "${INPUTS[@]}" --referential "$G4IT" --date 2024-01-01 \
		--format $fmt --output "$WORK/s.$fmt"
	expect_eq "format $fmt: code" 0 "$RC"
done
expect_contains "html: graphique SVG" "<svg" "$(cat "$WORK/s.html")"
expect_contains "html: lang" '<html lang="fr">' "$(cat "$WORK/s.html")"
node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$WORK/s.json" &&
	check || fail "json: invalide"
expect_contains "csv: en-tête" "dimension" "$(head -1 "$WORK/s.csv")"

# ---- the progress bar: on a terminal only (script(1) gives the command one)
expect_eq "pas de terminal: pas de barre" "" "$(printf '%s' "$ERR" | grep 'Évaluation \[' || true)"
prog=$(script -qec "$(printf '%q ' "$NUMECO" --db "$WORK/absent.db" footprint evaluate \
	--physical "$S/2-physicalEquipments.csv" --output /dev/null)" /dev/null | tr '\r' '\n')
expect_contains "terminal: barre de progression" "Évaluation [##############################] 100 %" "$prog"

# ---- golden case (G4IT eval_nominal): NumEcoEval's values to 1e-9 through --detail
run_status nc footprint evaluate --physical "$FP/golden/physical_equipment.csv" \
	--referential "$G4IT" --detail "$WORK/detail"
expect_eq "golden: code" 0 "$RC"
for f in ind_physical_equipment.csv ind_virtual_equipment.csv ind_application.csv; do
	[ -f "$WORK/detail/$f" ] && check || fail "detail: $f absent"
done
awk -F';' 'NR == FNR { if (FNR > 1) want[$1 ";" $2 ";" $3] = $5; next }
	($1 ";" $2 ";" $3) in want { k = $1 ";" $2 ";" $3; d = $5 - want[k]; if (d < 0) d = -d
		if (d > 1e-9) { print "écart " k ": " $5 " au lieu de " want[k]; bad = 1 }
		seen++ }
	END { if (seen != 2) { print "lignes comparées: " seen; bad = 1 } exit bad }' \
	"$FP/golden/expected_ind_physical_equipment.csv" "$WORK/detail/ind_physical_equipment.csv" &&
	check || fail "golden: valeurs de NumEcoEval non retrouvées"

# ---- a line that cannot be computed: ERREUR with its reason, the others go on
{
	head -1 "$S/2-physicalEquipments.csv"
	echo "pc-1;;3;;2021-01-01;;Laptop;In use;France;;;;Entity 1;"
	echo "pc-2;;2;;2021-01-01;;Grille-pain;In use;France;;;;Entity 1;"
	echo "pc-3;;2;;2021-01-01;;Laptop;In use;Atlantide;;;;Entity 1;"
} >"$WORK/errors.csv"
run_status nc --db "$WORK/absent.db" footprint evaluate --physical "$WORK/errors.csv" --date 2025-06-01
expect_eq "erreurs de ligne: code" 0 "$RC"
expect_contains "erreurs de ligne: compte" "au statut ERREUR" "$ERR"
expect_contains "erreurs de ligne: type inconnu" "Grille-pain" "$ERR"
expect_contains "erreurs de ligne: pays inconnu" "Atlantide" "$ERR"
expect_contains "erreurs de ligne: synthèse" "| Équipements physiques | 3 |" "$OUT"

# ---- bad usage and bad files
run_status nc footprint evaluate --datacenters "$S/1-datacenter.csv"
expect_eq "sans --physical: code" 2 "$RC"
expect_contains "sans --physical: message" "--physical" "$ERR"
run_status nc footprint evaluate --physical "$S/2-physicalEquipments.csv" --lifespan longue
expect_eq "--lifespan invalide: code" 2 "$RC"
run_status nc footprint evaluate --physical "$S/2-physicalEquipments.csv" --date 2025-13-45
expect_eq "--date invalide: code" 2 "$RC"
run_status nc footprint evaluate --physical "$S/2-physicalEquipments.csv" --format pdf
expect_eq "--format invalide: code" 2 "$RC"
run_status nc --db "$WORK/absent.db" footprint evaluate --physical "$WORK/nope.csv"
expect_eq "fichier absent: code" 1 "$RC"
expect_contains "fichier absent: nommé" "nope.csv" "$ERR"
printf 'nom;quantite\nx;1\n' >"$WORK/nocol.csv"
run_status nc --db "$WORK/absent.db" footprint evaluate --physical "$WORK/nocol.csv"
expect_eq "colonne absente: code" 1 "$RC"
expect_contains "colonne absente: fichier nommé" "nocol.csv" "$ERR"

# ---- database: init installs the open referential once
setup_db
run_status nc init
expect_eq "init bis: code" 0 "$RC"
expect_eq "init: référentiel ouvert, une fois" 1 \
	"$(sqlite3 "$NUMECO_DB" "SELECT count(*) FROM referential WHERE name = 'numeco-ouvert'")"
run_status nc referential list
expect_contains "list: ouvert" "numeco-ouvert 2025.1 — ouvert" "$OUT"

# ---- referential load: versions, replace, all or nothing, rights
run_status nc referential load "$G4IT" --name g4it --version 2023 --licence Apache-2.0
expect_eq "load: code" 0 "$RC"
expect_contains "load: message" "Référentiel g4it 2023 enregistré" "$OUT"
before=$(db_dump)
run_status nc referential load "$G4IT" --name g4it --version 2023
expect_eq "load doublon: code" 1 "$RC"
expect_eq "load doublon: base inchangée" "$before" "$(db_dump)"
run_status nc referential load "$G4IT" --name g4it --version 2023 --replace
expect_eq "load --replace: code" 0 "$RC"
mkdir "$WORK/badref"
cp "$G4IT"/*.csv "$WORK/badref/"
awk -F';' -v OFS=';' 'NR == 5 { $12 = "beaucoup" } { print }' "$G4IT/ref_item_impact.csv" \
	>"$WORK/badref/ref_item_impact.csv"
before=$(db_dump)
run_status nc referential load "$WORK/badref" --name g4it --version 2024
expect_eq "load fautif: code" 1 "$RC"
expect_contains "load fautif: fichier et ligne" "ref_item_impact.csv:5:" "$ERR"
expect_contains "load fautif: refus" "rien n'a été enregistré" "$ERR"
expect_eq "load fautif: base inchangée" "$before" "$(db_dump)"
run_status nc referential load "$WORK/vide" --name x --version 1
expect_eq "load dossier absent: code" 1 "$RC"
run_status nc --as "$REF_A" referential load "$G4IT" --name partage --version 1
expect_eq "load partagé par un référent: refusé" 1 "$RC"
run_status nc --as "$REF_B" referential load "$G4IT" --name lic-a --version 1 --restricted --org MIN-A
expect_eq "load sous licence pour un autre ministère: refusé" 1 "$RC"
run_status nc --as "$REF_A" referential load "$G4IT" --name lic-a --version 1 \
	--licence "Licence NegaOctet (exemple)" --restricted --org MIN-A
expect_eq "load sous licence par son référent: code" 0 "$RC"
run_status nc referential list
expect_contains "list: réservé" "lic-a 1 — réservé" "$OUT"
expect_contains "list: propriétaire" "propriétaire : MIN-A" "$OUT"

# A licensed referential: its owner ministry and the admin only.
run_status nc --as "$REF_B" footprint evaluate "${INPUTS[@]}" --referential lic-a
expect_eq "sous licence, autre ministère: code" 1 "$RC"
expect_contains "sous licence, autre ministère: message" "sous licence" "$ERR"
expect_eq "sous licence, autre ministère: rien affiché" "" "$OUT"
run_status nc --as "$LECT_A" footprint evaluate "${INPUTS[@]}" --referential lic-a --date 2024-01-01
expect_eq "sous licence, même ministère: code" 0 "$RC"
run_status nc --as "$ADMIN" footprint evaluate "${INPUTS[@]}" --referential lic-a@1 --date 2024-01-01
expect_eq "sous licence, admin: code" 0 "$RC"
run_status nc footprint evaluate "${INPUTS[@]}" --referential inconnu
expect_eq "référentiel inconnu: code" 1 "$RC"
expect_contains "référentiel inconnu: liste" "g4it" "$ERR"

# ---- footprint import: stored per organisation and year
run_status nc footprint import --org MIN-A --year 2025 "${INPUTS[@]}" --referential g4it --date 2025-06-01
expect_eq "import: code" 0 "$RC"
expect_contains "import: message" "Évaluation enregistrée : MIN-A 2025, référentiel g4it 2023 — 6 équipements physiques" "$OUT"
run_status nc footprint import --org MIN-A --year 2025 "${INPUTS[@]}" --referential g4it --date 2025-06-01
expect_eq "import bis: remplace" 1 "$(sqlite3 "$NUMECO_DB" 'SELECT count(*) FROM fp_evaluation')"
run_status nc footprint list --year 2025
expect_contains "list: organisation" "MIN-A 2025 — Ministère de l'Exemple (référentiel g4it 2023)" "$OUT"
expect_contains "list: critère" "Climate change :" "$OUT"
before=$(db_dump)
run_status nc --as "$REF_B" footprint import --org MIN-A --year 2024 "${INPUTS[@]}" --referential g4it
expect_eq "import autre ministère: refusé" 1 "$RC"
expect_eq "import autre ministère: base inchangée" "$before" "$(db_dump)"
run_status nc footprint import --org MIN-A --year 2024 "${INPUTS[@]}" --referential "$G4IT"
expect_eq "import avec un dossier: refusé" 1 "$RC"
run_status nc footprint import --org MIN-Z --year 2024 "${INPUTS[@]}"
expect_eq "import organisation inconnue: code" 1 "$RC"
run_status nc footprint import --org MIN-A --year 20x5 "${INPUTS[@]}"
expect_eq "import année invalide: code" 2 "$RC"

# ---- action estimate
nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2022 >/dev/null
EST=(action estimate A-02 --org MIN-A --period 2022 --method allongement)
run_status nc "${EST[@]}" --param n=1200 --param type=Laptop --param l0=4 --param l1=5
expect_eq "estimate: code" 0 "$RC"
# By hand from data/referentials/numeco-ouvert: laptop 170 + 12,3 + 2,79 =
# 185,09 kg; 1 200 × (185,09/4 − 185,09/5) = 11 105,4 kg = 11,105 t per year.
expect_contains "estimate: résultat" "11,105 tCO2e évitées par an (référentiel numeco-ouvert 2025.1)" "$OUT"
expect_contains "estimate: trace" "1${NNBSP}200 × (185,09 / 4 − 185,09 / 5)" "$OUT"
expect_eq "estimate: stockée" "allongement|l0=4;l1=5;n=1200;type=Laptop|11105" \
	"$(sqlite3 "$NUMECO_DB" "SELECT method, params, round(ghg_kg) FROM action_estimate" | sed 's/\.0$//')"
expect_eq "estimate: action mise à jour" "11.105|tCO2e|numeco : Allongement de la durée de vie, par an (référentiel numeco-ouvert 2025.1)" \
	"$(sqlite3 "$NUMECO_DB" "SELECT impact_value, impact_unit, impact_method FROM action WHERE ref = 'A-02'")"
expect_contains "estimate: export" "11,105;tCO2e;numeco : Allongement" "$(nc export roadmap --org MIN-A --period 2022)"
run_status nc log --org MIN-A --period 2022 --action A-02
expect_contains "estimate: journal" "estimate MIN-A/2022/A-02" "$OUT"

before=$(db_dump)
run_status nc --as "$REF_B" "${EST[@]}" --param n=1 --param type=Laptop --param l1=6
expect_eq "estimate autre ministère: refusé" 1 "$RC"
run_status nc "${EST[@]}" --param n=1200 --param type=Laptop --param l0=5 --param l1=4
expect_eq "estimate l1 < l0: code" 1 "$RC"
expect_contains "estimate l1 < l0: paramètre nommé" "l1" "$ERR"
run_status nc action estimate A-02 --org MIN-A --period 2022 --method magie --param n=1
expect_eq "méthode inconnue: code" 1 "$RC"
expect_contains "méthode inconnue: liste" "allongement" "$ERR"
run_status nc "${EST[@]}" --param n
expect_eq "--param sans =: code" 2 "$RC"
run_status nc "${EST[@]}" --param n=1 --param type=Laptop --param l1=6 --referential lic-a
expect_eq "estimate, référentiel sans le type: code" 1 "$RC"
run_status nc action estimate A-99 --org MIN-A --period 2022 --method allongement --param n=1 --param l1=6
expect_eq "estimate action inconnue: code" 1 "$RC"
expect_eq "estimates refusées: base inchangée" "$before" "$(db_dump)"

# A new version of the referential: the estimate is recomputed with it.
mkdir "$WORK/ouvert2"
cp "$NUMECO_SRC"/data/referentials/numeco-ouvert/*.csv "$WORK/ouvert2/"
awk -F';' -v OFS=';' '$1 == "ademe-ordinateur-portable" && $2 == "FABRICATION" { $10 = 355 } { print }' \
	"$NUMECO_SRC/data/referentials/numeco-ouvert/characterizationFactors.csv" >"$WORK/ouvert2/characterizationFactors.csv"
run_status nc referential load "$WORK/ouvert2" --name numeco-ouvert --version 2026.1
expect_eq "nouvelle version: code" 0 "$RC"
expect_contains "nouvelle version: recalcul" "1 estimation d'action recalculée" "$OUT"
# 355 + 12,3 + 2,79 = 370,09 kg; 1 200 × 370,09 / 20 = 22 205,4 kg.
expect_eq "recalcul: valeur et version" "22205|2026.1" \
	"$(sqlite3 "$NUMECO_DB" "SELECT round(ghg_kg), referential_version FROM action_estimate" | sed 's/\.0|/|/')"

# A validated roadmap is frozen.
for st in soumise relue validée; do nc review state --org MIN-A --period 2022 "$st" >/dev/null; done
run_status nc "${EST[@]}" --param n=10 --param type=Laptop --param l1=6
expect_eq "feuille validée: refusé" 1 "$RC"
expect_contains "feuille validée: message" "validée" "$ERR"

finish
