#!/usr/bin/env bash
# web_server.sh: the server itself: security headers, request log, session
# expiry, the dashboard's charts and licensed totals, and a SIGTERM arriving
# during a write (the write completes, the answer is sent, then it stops).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/web_lib.sh"
FP="$DATA/footprint"
setup_db
nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2022 >/dev/null
nc referential load "$FP/g4it_referential" --name lic-b --version 1 --restricted --org MIN-B \
	--licence "Licence d'essai" >/dev/null 2>&1
nc footprint import --org MIN-B --year 2022 --physical "$FP/samples/2-physicalEquipments.csv" \
	--referential lic-b --date 2022-06-01 >/dev/null 2>&1
nc footprint import --org MIN-A --year 2022 --physical "$FP/samples/2-physicalEquipments.csv" \
	--date 2022-06-01 >/dev/null 2>&1
set_passwords
start_server --session-timeout 3
A="$WORK/a.jar"
ADM="$WORK/adm.jar"
login "$A" referent@a.exemple.gouv.fr
login "$ADM" admin@mission.exemple.gouv.fr

# Security headers and the request log.
headers=$(curl -s -D - -o /dev/null -b "$A" "$BASE/?periode=2022")
expect_contains "CSP" "Content-Security-Policy: default-src 'none'" "$headers"
expect_contains "CSP: frame-ancestors" "frame-ancestors 'none'" "$headers"
expect_contains "nosniff" "X-Content-Type-Options: nosniff" "$headers"
expect_contains "Referrer-Policy" "Referrer-Policy: same-origin" "$headers"
expect_contains "journal des requêtes" "GET / 200" "$(cat "$WORK/server.log")"

# Dashboard: both SVG charts; licensed totals only for their ministry and the admin.
http "$A" GET "/?periode=2022"
expect_contains "graphique par thème" 'Actions par thème et par statut' "$BODY"
expect_contains "graphique par ministère" 'Actions par ministère et par statut' "$BODY"
expect_contains "svg accessible" 'role="img"' "$BODY"
expect_contains "empreinte de MIN-A (référentiel ouvert)" "numeco-ouvert" "$BODY"
case "$BODY" in *"lic-b"*) fail "référent A: total sous licence de MIN-B affiché" ;; *) check ;; esac
http "$ADM" GET "/?periode=2022"
expect_contains "admin: total sous licence visible" "lic-b 1" "$BODY"

# Session expiry: after 3 s of inactivity the session is gone.
http "$A" GET "/"
expect_eq "session active" 200 "$CODE"
sleep 4
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$A" "$BASE/")
expect_eq "session expirée: vers la connexion" 303 "$code"

# SIGTERM during a write: a large roadmap upload completes and is answered.
login "$ADM" admin@mission.exemple.gouv.fr
{
	printf 'Référence;Titre;Thème;Niveau;Statut\n'
	for i in $(seq 1 3000); do printf 'G-%04d;Action %d;strategie;reflexion;à lancer\n' "$i" "$i"; done
} >"$WORK/big.csv"
token=$(csrf "$ADM" "/ministeres/MIN-B/2023/import")
curl -s -o /dev/null -w '%{http_code}' -b "$ADM" -F "csrf=$token" -F "fichier=@$WORK/big.csv" \
	"$BASE/ministeres/MIN-B/2023/import" >"$WORK/upload-code" &
upload=$!
sleep 0.3
kill -TERM "$SERVER_PID"
wait "$upload" || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
expect_eq "import pendant l'arrêt: réponse" 200 "$(cat "$WORK/upload-code")"
expect_eq "import pendant l'arrêt: écrit en entier" 3000 \
	"$(sqlite3 "$NUMECO_DB" "SELECT count(*) FROM action a JOIN roadmap r ON r.id = a.roadmap_id JOIN org o ON o.id = r.org_id WHERE o.code = 'MIN-B' AND r.period = '2023'")"
expect_contains "arrêt propre" "arrêté" "$(cat "$WORK/server.log")"
finish
