#!/usr/bin/env bash
# cli_basics.sh: help for every command, database creation and versions,
# organisations and people, the --db / $NUMECO_DB / default resolution.
source "$(dirname "$0")/lib.sh"

run_status nc --help
expect_eq "aide: code" 0 "$RC"
for c in init org person import export review log report; do
	expect_contains "aide générale: $c" "  $c " "$OUT"
done
for c in init "org add" "org list" "org show" "person add" "person list" "import roadmap" \
	"import orgs" "import persons" "export roadmap" "review add" "review list" \
	"review state" "review done" log report; do
	run_status nc $c --help
	expect_eq "aide $c: code" 0 "$RC"
	expect_contains "aide $c: usage" "Usage : numeco" "$OUT"
done
run_status nc frobnicate
expect_eq "commande inconnue" 2 "$RC"
run_status nc org list --bogus
expect_eq "option inconnue" 2 "$RC"
expect_contains "option inconnue: message" "option inconnue « --bogus »" "$ERR"

# A missing database is reported with the way to create it.
run_status nc org list
expect_eq "base absente: code" 1 "$RC"
expect_contains "base absente: message" "numeco init" "$ERR"

run_status nc init
expect_eq "init" 0 "$RC"
expect_contains "init: message" "Base créée : $NUMECO_DB (schéma version" "$OUT"
run_status nc init
expect_contains "init: déjà à jour" "Base déjà à jour" "$OUT"

# --db wins over $NUMECO_DB, and may stand after the command.
run_status nc org list --db "$WORK/autre.db"
expect_eq "--db après la commande: base absente" 1 "$RC"
expect_contains "--db: chemin" "$WORK/autre.db" "$ERR"
(cd "$WORK" && env -u NUMECO_DB "$NUMECO" init >/dev/null)
check
[ -f "$WORK/numeco.db" ] || fail "défaut: numeco.db non créé dans le dossier courant"

# A database from a newer numeco is refused, and left alone.
cp "$NUMECO_DB" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 999;"
run_status nc --db "$WORK/newer.db" org list
expect_eq "base plus récente: code" 1 "$RC"
expect_contains "base plus récente: message" "999" "$ERR"
expect_eq "base plus récente: intacte" 999 "$(sqlite3 "$WORK/newer.db" 'PRAGMA user_version;')"
# A file that is not a database.
echo "pas une base" >"$WORK/texte.db"
run_status nc --db "$WORK/texte.db" org list
expect_eq "pas une base: code" 1 "$RC"

# Organisations and people.
run_status nc org add MIN-X --name "Ministère X" --kind ministere
expect_eq "org add" 0 "$RC"
run_status nc org add MIN-X-DNUM --name "Direction du numérique" --kind direction --parent MIN-X
expect_eq "org add direction" 0 "$RC"
run_status nc org add MIN-X --name "Doublon" --kind ministere
expect_eq "org add doublon" 1 "$RC"
expect_contains "org add doublon: message" "MIN-X" "$ERR"
run_status nc org add MIN-Y --name "Y" --kind planete
expect_eq "org add type inconnu" 2 "$RC"
run_status nc org add MIN-Y-D --name "Y" --kind direction --parent MIN-INCONNU
expect_eq "org add parent inconnu" 1 "$RC"
run_status nc person add ref@x.exemple.gouv.fr --name "Rita Référente" --role référente --org MIN-X
expect_eq "person add (libellé accentué)" 0 "$RC"
run_status nc org list
expect_contains "org list: arbre" "MIN-X                     ministere   Ministère X" "$OUT"
expect_contains "org list: indentation" "  MIN-X-DNUM" "$OUT"
run_status nc org show MIN-X
expect_contains "org show: direction" "MIN-X-DNUM" "$OUT"
expect_contains "org show: personne" "ref@x.exemple.gouv.fr" "$OUT"
run_status nc person list --org MIN-X
expect_contains "person list: rôle" "referent" "$OUT"
run_status nc log --limit 0
expect_contains "journal: création d'organisation" "création org MIN-X-DNUM" "$OUT"
expect_contains "journal: création de personne" "création person ref@x.exemple.gouv.fr" "$OUT"

finish
