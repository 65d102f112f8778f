#!/usr/bin/env bash
# roundtrip.sh: import → export → import → export is lossless and byte-stable;
# re-importing changes nothing; a corrected file updates and logs the change;
# Windows-1252 and comma-separated files give the same stored roadmap.
source "$(dirname "$0")/lib.sh"
setup_db
F="$DATA/roadmaps/min-a-2022.csv"

run_status nc import roadmap "$F" --org MIN-A --period 2022
expect_eq "premier import: statut" 0 "$RC"
expect_contains "premier import: bilan" "5 actions lues — 5 créées, 0 modifiée, 0 inchangée" "$OUT"
expect_contains "premier import: création" "Feuille de route créée" "$OUT"

nc export roadmap --org MIN-A --period 2022 >"$WORK/e1.csv"
# The export is the documented template: BOM, ';', CRLF, labels, FR dates.
expect_eq "export: BOM" "efbbbf" "$(head -c 3 "$WORK/e1.csv" | od -An -tx1 | tr -d ' \n')"
expect_eq "export: enregistrements (en-tête + 5, CRLF)" 6 "$(grep -c $'\r$' "$WORK/e1.csv")"
expect_contains "export: action 2" \
	"A-02;Allonger la durée d'usage des postes de travail de 4 à 5 ans;" "$(cat "$WORK/e1.csv")"
expect_contains "export: valeurs canoniques" \
	"Achats;Réalisation;En cours;oui;MIN-A-DNUM;01/03/2022;31/12/2023;1234,50;Âge moyen du parc;120,5;tCO2e" \
	"$(cat "$WORK/e1.csv")"
expect_contains "export: guillemets doublés" '"Commentaire avec ""guillemets"""' "$(cat "$WORK/e1.csv")"

# Same file again: nothing changes, not even the audit log.
before=$(db_dump)
run_status nc import roadmap "$F" --org MIN-A --period 2022
expect_eq "réimport: statut" 0 "$RC"
expect_contains "réimport: rien ne change" "0 créée, 0 modifiée, 5 inchangées" "$OUT"
expect_eq "réimport: base identique" "$before" "$(db_dump)"

# The export, imported into another period, exports to the same bytes.
nc import roadmap "$WORK/e1.csv" --org MIN-A --period 2023-2025 >/dev/null
nc export roadmap --org MIN-A --period 2023-2025 >"$WORK/e2.csv"
check
cmp -s "$WORK/e1.csv" "$WORK/e2.csv" || fail "aller-retour: les deux exports diffèrent"
nc import roadmap "$WORK/e2.csv" --org MIN-A --period 2023-2025 >/dev/null
nc export roadmap --org MIN-A --period 2023-2025 >"$WORK/e3.csv"
check
cmp -s "$WORK/e2.csv" "$WORK/e3.csv" || fail "deuxième aller-retour: les exports diffèrent"

# A corrected file: A-03 is now realised, A-05 removed from the file.
sed -e 's/^A-03;\(.*\);a lancer;/A-03;\1;Réalisée;/' -e '/^A-05;/d' "$F" >"$WORK/fixed.csv"
run_status nc import roadmap "$WORK/fixed.csv" --org MIN-A --period 2022
expect_eq "correction: statut" 0 "$RC"
expect_contains "correction: bilan" "4 actions lues — 0 créée, 1 modifiée, 3 inchangées, 1 absente du fichier conservée" "$OUT"
expect_contains "correction: avertissement" "attention : l'action « A-05 » est enregistrée mais absente du fichier" "$ERR"
run_status nc log --org MIN-A --period 2022 --action A-03
expect_contains "journal: entrée" "2026-01-15T10:00:00Z  cli:testeur  modification action MIN-A/2022/A-03" "$OUT"
expect_contains "journal: avant/après" "Statut : À lancer → Réalisée" "$OUT"

# --remove-missing deletes it, and logs the deletion.
run_status nc import roadmap "$WORK/fixed.csv" --org MIN-A --period 2022 --remove-missing
expect_contains "suppression: bilan" "1 supprimée" "$OUT"
run_status nc log --org MIN-A --period 2022 --action A-05 --limit 1
expect_contains "journal: suppression" "suppression action MIN-A/2022/A-05" "$OUT"

# --dry-run validates without writing.
before=$(db_dump)
run_status nc import roadmap "$F" --org MIN-A --period 2022 --dry-run
expect_eq "essai: statut" 0 "$RC"
expect_contains "essai: annoncé" "[essai, rien n'est enregistré]" "$OUT"
expect_eq "essai: base identique" "$before" "$(db_dump)"

# Windows-1252, comma separator, CRLF, codes instead of labels: same roadmap.
{
	printf 'Ref,Intitulé,Thème,Niveau,Statut,Action clé,Budget,Échéance\r\n'
	printf 'W-1,Réduire les impressions,usage,réflexion,en_cours,non,"1 000,5",15/09/2022\r\n'
	printf 'W-2,"Réemploi, dons et recyclage",FIN D USAGE,realisation,Réalisée,oui,,\r\n'
} | iconv -f UTF-8 -t WINDOWS-1252 >"$WORK/cp1252.csv"
run_status nc import roadmap "$WORK/cp1252.csv" --org MIN-B --period 2022
expect_eq "cp1252: statut" 0 "$RC"
nc export roadmap --org MIN-B --period 2022 >"$WORK/b.csv"
expect_contains "cp1252: accents convertis" "W-1;Réduire les impressions;;Phase d'usage;Réflexion;En cours;non;;;15/09/2022;1000,50;" "$(cat "$WORK/b.csv")"
expect_contains "cp1252: virgule protégée" "W-2;Réemploi, dons et recyclage;;Fin d'usage;Réalisation;Réalisée;oui;" "$(cat "$WORK/b.csv")"

finish
