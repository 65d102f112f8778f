#!/usr/bin/env bash
# bad_inputs.sh: every broken roadmap file in tests/data/bad/ is refused with
# exit status 1, the exact located error lines of its .expected file, and an
# unchanged database. Also wrong options (unknown organisation, bad period).
source "$(dirname "$0")/lib.sh"
setup_db
# A stored roadmap, so "unchanged" means something.
nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2022 >/dev/null
cd "$DATA/bad"

count=0
for f in *.csv; do
	exp="${f%.csv}.expected"
	count=$((count + 1))
	check
	if [ ! -f "$exp" ]; then
		fail "$f: fichier $exp manquant"
		continue
	fi
	before=$(db_dump)
	run_status nc import roadmap "$f" --org MIN-A --period 2022
	expect_eq "$f: code de sortie" 1 "$RC"
	while IFS= read -r line; do
		check
		grep -qxF -- "$line" "$WORK/err" || fail "$f: ligne attendue absente: $line
--- obtenu:
$ERR"
	done <"$exp"
	expect_contains "$f: refus annoncé" "rien n'a été enregistré" "$ERR"
	expect_eq "$f: base identique" "$before" "$(db_dump)"
done
check
[ "$count" -ge 20 ] || fail "seulement $count fichiers cassés (au moins 20 attendus)"

before=$(db_dump)
run_status nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-Z --period 2022
expect_eq "organisation inconnue: code" 1 "$RC"
expect_contains "organisation inconnue: message" "organisation inconnue : « MIN-Z »" "$ERR"
run_status nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 22
expect_eq "période invalide: code" 1 "$RC"
expect_contains "période invalide: message" "période invalide « 22 »" "$ERR"
run_status nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2025-2023
expect_eq "période inversée: code" 1 "$RC"
run_status nc import roadmap absent.csv --org MIN-A --period 2022
expect_eq "fichier absent: code" 1 "$RC"
expect_contains "fichier absent: message" "impossible d'ouvrir absent.csv" "$ERR"
run_status nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --period 2022
expect_eq "option manquante: code" 2 "$RC"
expect_contains "option manquante: message" "l'option --org est obligatoire" "$ERR"
expect_eq "options: base identique" "$before" "$(db_dump)"

# Broken organisation and people files are refused whole, with their lines.
printf 'Code;Nom;Type;Parent\nX-1;Un;ministere;\nX-2;Deux;planete;\nX-3;Trois;direction;X-9\n' >"$WORK/orgs.csv"
run_status nc import orgs "$WORK/orgs.csv"
expect_eq "orgs cassées: code" 1 "$RC"
expect_contains "orgs: type inconnu" "orgs.csv:3: Type: type inconnu « planete »" "$ERR"
expect_contains "orgs: parent inconnu" "orgs.csv:4: Code: organisation parente inconnue" "$ERR"
printf 'E-mail;Nom;Rôle;Organisation\nsans-arobase;Nom;lecteur;MIN-A\nx@y.fr;Nom;chef;MIN-A\n' >"$WORK/people.csv"
run_status nc import persons "$WORK/people.csv"
expect_eq "personnes cassées: code" 1 "$RC"
expect_contains "personnes: adresse" "people.csv:2: E-mail: adresse invalide « sans-arobase »" "$ERR"
expect_contains "personnes: rôle" "people.csv:3: Rôle: rôle inconnu « chef »" "$ERR"
expect_eq "annuaire: base identique" "$before" "$(db_dump)"

finish
