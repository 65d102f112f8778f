#!/usr/bin/env bash
# web_e2e.sh: the web application end to end in headless Chromium with
# JavaScript off (tests/e2e/web_e2e.js): sign-in, browsing, editing an action,
# the review workflow, a roadmap import and a footprint evaluation through the
# forms; axe-core on every page; weight, requests, DOM and EcoIndex of the main
# pages against the issue's bars. Screenshots (PNG, full page), the measures
# and the server's log stay in $NUMECO_E2E_ARTIFACTS (default: e2e-artifacts
# next to the numeco binary). NUMECO_E2E_UPDATE_DOCS=1 also rewrites docs/web-measures.md.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/web_lib.sh"
setup_db
nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2022 >/dev/null
# A long roadmap (120 actions, MIN-B 2023) for the weight of a full page of
# the ministry's table (50 actions a page).
{
	printf '%s\n' "Référence;Titre;Thème;Niveau d'engagement visé;Statut;Action clé;Direction pilote;Échéance"
	themes=(strategie sensibilisation achats conception datacenter usage fin_de_vie)
	statuses=(a_lancer en_cours realisee reportee abandonnee)
	for i in $(seq 1 120); do
		dir=""
		[ $((i % 2)) -eq 0 ] && dir=MIN-B-DAF
		key=non
		[ $((i % 10)) -eq 0 ] && key=oui
		printf 'P-%03d;Action de la feuille de route longue numéro %03d;%s;reflexion;%s;%s;%s;%02d/01/2024\n' \
			"$i" "$i" "${themes[$((i % 7))]}" "${statuses[$((i % 5))]}" "$key" "$dir" $((i % 28 + 1))
	done
} >"$WORK/long.csv"
nc import roadmap "$WORK/long.csv" --org MIN-B --period 2023 >/dev/null
set_passwords
start_server

ARTIFACTS=${NUMECO_E2E_ARTIFACTS:-$(cd "$(dirname "$NUMECO")" && pwd)/e2e-artifacts}
mkdir -p "$ARTIFACTS"
DOC=""
if [ "${NUMECO_E2E_UPDATE_DOCS:-0}" = 1 ]; then
	DOC="$NUMECO_SRC/docs/web-measures.md"
fi

set +e
BASE="$BASE" E2E_PASSWORD="$PASSWORD" E2E_REFERENT=referent@a.exemple.gouv.fr \
	E2E_ADMIN=admin@mission.exemple.gouv.fr E2E_DATA="$DATA" E2E_ARTIFACTS="$ARTIFACTS" \
	E2E_WORK="$WORK" E2E_MEASURES_DOC="$DOC" \
	E2E_COMMAND="NUMECO_E2E_UPDATE_DOCS=1 ctest --test-dir build -R integration/web_e2e --output-on-failure" \
	node "$NUMECO_SRC/tests/e2e/web_e2e.js" | tee "$WORK/e2e.out"
RC=${PIPESTATUS[0]}
set -e
OUT=$(cat "$WORK/e2e.out")
cp "$WORK/server.log" "$ARTIFACTS/server.log"
echo "captures (PNG), mesures (web-measures.md) et journal du serveur : $ARTIFACTS"

expect_eq "parcours web: code de sortie" 0 "$RC"
expect_contains "parcours web: auto-contrôle axe" "auto-contrôle axe : page cassée refusée" "$OUT"
expect_contains "parcours web: auto-contrôle des seuils" "auto-contrôle seuils : page trop lourde refusée" "$OUT"
expect_contains "parcours web: conforme" "web_e2e : tout est conforme" "$OUT"
check
n=$(find "$ARTIFACTS" -maxdepth 1 -name '[0-9][0-9]-*.png' | wc -l)
[ "$n" -ge 15 ] || fail "parcours web: $n captures seulement dans $ARTIFACTS"
# The server logged no internal error during the whole run.
check
ERRORS='^numeco serve: [A-Z]+ /|^[A-Z]+ [^ ]+ 5[0-9][0-9] '
if grep -Eq "$ERRORS" "$WORK/server.log"; then
	fail "parcours web: erreurs du serveur: $(grep -E "$ERRORS" "$WORK/server.log" | head -5)"
fi

finish
