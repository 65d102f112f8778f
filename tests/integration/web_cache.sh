#!/usr/bin/env bash
# web_cache.sh: the page cache of numeco serve never serves a stale or
# another person's page: a change made by the CLI (another process) or by a
# form shows at once, and a signed-out session gets no cached page.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/web_lib.sh"
setup_db
nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2022 >/dev/null
set_passwords
start_server
A="$WORK/a.jar"
B="$WORK/b.jar"
login "$A" referent@a.exemple.gouv.fr
login "$B" lecteur@a.exemple.gouv.fr

http "$A" GET "/?periode=2022"
expect_eq "tableau: code" 200 "$CODE"
first=$BODY
http "$A" GET "/?periode=2022"
expect_eq "tableau en cache: mêmes octets" "$first" "$BODY"
expect_contains "tableau: 5 actions" '<p class="nc-figure__value">5</p>' "$BODY"

# Another process changes the data: the next page shows it.
printf 'Référence;Titre;Thème;Niveau;Statut\nB-1;Nouvelle action;strategie;reflexion;à lancer\n' >"$WORK/b.csv"
nc import roadmap "$WORK/b.csv" --org MIN-B --period 2022 >/dev/null
http "$A" GET "/?periode=2022"
expect_contains "après import CLI: 6 actions" '<p class="nc-figure__value">6</p>' "$BODY"

# Each person gets their own page (name in the header, own CSRF token).
http "$B" GET "/?periode=2022"
expect_contains "lectrice: son nom" "Léa Lectrice" "$BODY"
case "$BODY" in *"Rémi Référent"*) fail "lectrice: page du référent servie" ;; *) check ;; esac

# A form changes the data: the next page shows it.
token=$(csrf "$A" "/ministeres/MIN-A?periode=2022")
http "$A" POST "/ministeres/MIN-A/2022/etat" --data-urlencode "csrf=$token" --data-urlencode "etat=soumise"
expect_eq "soumission: redirection" 303 "$CODE"
http "$A" GET "/?periode=2022"
expect_contains "après soumission: état" "Soumise" "$BODY"

# Signed out: the cached page of that session is not served.
old=$(awk '$6 == "numeco_session" { print $7 }' "$A")
expect_eq "cookie de session lu" 64 "${#old}"
curl -s -o /dev/null -w '%{http_code}' -b "numeco_session=$old" "$BASE/?periode=2022" >"$WORK/code"
expect_eq "avant déconnexion: page" 200 "$(cat "$WORK/code")"
http "$A" POST /deconnexion --data-urlencode "csrf=$token"
curl -s -o /dev/null -w '%{http_code}' -b "numeco_session=$old" "$BASE/?periode=2022" >"$WORK/code" || true
expect_eq "après déconnexion: redirection" 303 "$(cat "$WORK/code")"
finish
