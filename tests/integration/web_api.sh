#!/usr/bin/env bash
# web_api.sh: the JSON API (/api/v1/, docs/api.md) and the personal API
# tokens of /compte, through a real `numeco serve`: authentication (token,
# session + X-CSRF-Token), rights, version conflicts, validation, audit, and
# escaping of stored text in JSON and HTML.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/web_lib.sh"
setup_db
nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2022 >/dev/null
set_passwords
start_server

ADMIN=admin@mission.exemple.gouv.fr
REF_A=referent@a.exemple.gouv.fr
REF_B=referent@b.exemple.gouv.fr
READER=lecteur@a.exemple.gouv.fr
FDR=/api/v1/feuilles-de-route/MIN-A/2022

# The stored data without sessions and tokens (every request may touch those).
data_dump() { db_dump | grep -v '^INSERT INTO "\{0,1\}\(session\|api_token\)"\{0,1\} '; }

# json EXPR: evaluates EXPR on the JSON of $BODY (as j) with node; prints it.
# For values the test goes on with; checks are batched (jexpect), since
# starting node costs more than the request.
json() { printf '%s' "$BODY" | node -e '
	const j = JSON.parse(require("fs").readFileSync(0, "utf8"));
	const v = eval(process.argv[1]);
	console.log(typeof v === "string" ? v : JSON.stringify(v));' "$1"; }

# Deferred JSON checks on the current $BODY, all run by one node in
# json_checks: jexpect WHAT EXPECTED EXPR (EXPR over the parsed body j, as
# text, equals EXPECTED), jcontains WHAT NEEDLE EXPR, expect_json WHAT ($BODY
# parses).
JCHECKS="$WORK/jchecks"
mkdir -p "$JCHECKS"
NJ=0
jdefer() {
	check
	NJ=$((NJ + 1))
	printf '%s' "$BODY" >"$JCHECKS/$NJ.body"
	printf '%s\0%s\0%s\0%s' "$1" "$2" "$3" "$4" >"$JCHECKS/$NJ.check"
}
jexpect() { jdefer eq "$1" "$2" "$3"; }
jcontains() { jdefer contains "$1" "$2" "$3"; }
expect_json() { jdefer parse "$1" "" ""; }
json_checks() {
	local out
	out=$(JCHECKS=$JCHECKS NJ=$NJ node -e '
		const fs = require("fs"), dir = process.env.JCHECKS;
		for (let i = 1; i <= +process.env.NJ; i++) {
			const [mode, what, expected, expr] =
				fs.readFileSync(`${dir}/${i}.check`, "utf8").split("\0");
			const body = fs.readFileSync(`${dir}/${i}.body`, "utf8");
			let j, v;
			try { j = JSON.parse(body); } catch (e) {
				console.log(`${what}: JSON invalide: ${body}`); continue; }
			if (mode === "parse") continue;
			try { v = eval(expr); } catch (e) { v = `(erreur : ${e.message})`; }
			v = typeof v === "string" ? v : JSON.stringify(v);
			if (mode === "eq" ? v !== expected : !String(v).includes(expected))
				console.log(`${what}: attendu ${mode === "eq" ? "" : "(contient) "}«${expected}», obtenu «${v}»`);
		}')
	if [ -n "$out" ]; then
		while IFS= read -r line; do fail "$line"; done <<<"$out"
	fi
}

expect_absent() {
	check
	case "$3" in
	*"$2"*) fail "$1: «$2» présent dans: $3" ;;
	esac
}

# api TOKEN METHOD PATH [curl args...]: sets CODE and BODY ("" TOKEN: no auth).
api() {
	local tok=$1 method=$2 path=$3
	shift 3
	local auth=()
	[ -n "$tok" ] && auth=(-H "Authorization: Bearer $tok")
	CODE=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X "$method" \
		"${auth[@]}" "$@" "$BASE$path")
	BODY=$(cat "$WORK/body")
}

# put TOKEN PATH JSON: a JSON PUT.
put() { api "$1" PUT "$2" -H 'Content-Type: application/json' --data-binary "$3"; }
post() { api "$1" POST "$2" -H 'Content-Type: application/json' --data-binary "$3"; }

# new_token JAR EMAIL NAME: signs in, creates a token through the /compte
# form, sets TOKEN (and PAGE, the page that shows it).
new_token() {
	login "$1" "$2"
	local c
	c=$(csrf "$1" /compte)
	http "$1" POST /compte/jetons --data-urlencode "csrf=$c" --data-urlencode "nom=$3"
	PAGE=$BODY
	TOKEN=$(printf '%s' "$PAGE" | sed -n 's/.*id="jeton" readonly value="\([0-9a-f]\{64\}\)".*/\1/p')
}

# ---- tokens through /compte ----
new_token "$WORK/a.jar" "$REF_A" "Script <b>de suivi</b>"
expect_eq "création de jeton: statut" 200 "$CODE"
expect_eq "création de jeton: jeton de 64 caractères" 64 "${#TOKEN}"
expect_contains "création de jeton: avertissement" "ne sera plus jamais affiché" "$PAGE"
expect_contains "création de jeton: nom échappé" "Script &lt;b&gt;de suivi&lt;/b&gt;" "$PAGE"
TOK_A=$TOKEN
http "$WORK/a.jar" GET /compte
expect_eq "page compte" 200 "$CODE"
expect_contains "compte: nom" "Rémi Référent" "$BODY"
expect_contains "compte: rôle" "Référent" "$BODY"
expect_contains "compte: organisation" "Ministère de l&#39;Exemple" "$BODY"
expect_contains "compte: jeton listé" "Script &lt;b&gt;de suivi&lt;/b&gt;" "$BODY"
expect_contains "compte: jamais utilisé" "jamais" "$BODY"
expect_contains "compte: bouton révoquer" "Révoquer</button>" "$BODY"
expect_absent "compte: le jeton n'est plus affiché" "$TOK_A" "$BODY"
expect_absent "base: le jeton n'est pas stocké en clair" "$TOK_A" "$(db_dump)"
# A nameless token is refused next to its field.
c=$(csrf "$WORK/a.jar" /compte)
http "$WORK/a.jar" POST /compte/jetons --data-urlencode "csrf=$c" --data-urlencode "nom=   "
expect_eq "jeton sans nom: 400" 400 "$CODE"
expect_contains "jeton sans nom: erreur au champ" 'id="nom-erreur"' "$BODY"
# Without the form's CSRF token, nothing is created.
http "$WORK/a.jar" POST /compte/jetons --data-urlencode "nom=sans csrf"
expect_eq "jeton sans csrf: 403" 403 "$CODE"

new_token "$WORK/b.jar" "$REF_B" "jeton B"
TOK_B=$TOKEN
new_token "$WORK/l.jar" "$READER" "jeton lecteur"
TOK_L=$TOKEN
new_token "$WORK/adm.jar" "$ADMIN" "jeton admin"
TOK_ADM=$TOKEN
expect_eq "jetons créés" "64 64 64" "${#TOK_B} ${#TOK_L} ${#TOK_ADM}"

# ---- every GET route with the token: 200 and JSON; 401 without auth ----
GETS=(/api/v1/ /api/v1/organisations /api/v1/organisations/MIN-A
	"/api/v1/feuilles-de-route?periode=2022" /api/v1/feuilles-de-route "$FDR"
	"$FDR/actions/A-02" "$FDR/recommandations" "/api/v1/bilan?periode=2022"
	"/api/v1/bilan?periode=2022&org=MIN-A" "/api/v1/empreinte?annee=2022" /api/v1/empreinte)
for p in "${GETS[@]}"; do
	api "$TOK_A" GET "$p"
	expect_eq "GET $p: 200" 200 "$CODE"
	expect_json "GET $p"
	api "" GET "$p"
	expect_eq "GET $p sans authentification: 401" 401 "$CODE"
	expect_json "GET $p sans authentification"
	api "0000000000000000000000000000000000000000000000000000000000000000" GET "$p"
	expect_eq "GET $p avec un jeton inconnu: 401" 401 "$CODE"
done
api "" GET /api/v1/
jcontains "401: message" "authentification requise" j.erreur
expect_contains "401: WWW-Authenticate" "WWW-Authenticate: Bearer" "$(cat "$WORK/headers")"
api "$TOK_A" GET /api/v1/
expect_contains "index: type JSON" "Content-Type: application/json" "$(cat "$WORK/headers")"
jexpect "index: utilisateur" "$REF_A jeton" 'j.utilisateur.email + " " + j.utilisateur.authentification'
api "$TOK_A" GET /api/v1/organisations
jexpect "organisations: MIN-A-DNUM dans MIN-A" "MIN-A" \
	'j.organisations.find(o => o.code === "MIN-A-DNUM").ministere'
api "$TOK_A" GET "$FDR"
jexpect "feuille de route: état" "brouillon" j.etat
jexpect "feuille de route: actions" true 'j.actions.length === j.nombre_actions && j.nombre_actions === 5'
api "$TOK_A" GET "$FDR/actions/A-02"
jexpect "action: champs" "achats en_cours true MIN-A-DNUM 1234.5 120.5 tCO2e" \
	'[j.theme, j.statut, j.action_cle, j.direction, j.budget_euros, j.impact_evite, j.unite_impact].join(" ")'
V=$(json j.version)
api "$TOK_A" GET "/api/v1/bilan?periode=2022"
jexpect "bilan: période" 2022 j.period
api "$TOK_A" GET "/api/v1/bilan?periode=2022&org=MIN-A"
jexpect "bilan: ministère" MIN-A j.scope

# Errors: JSON, in French, with their status.
api "$TOK_A" GET /api/v1/organisations/NOPE
expect_eq "organisation inconnue: 404" 404 "$CODE"
jcontains "organisation inconnue: message" "organisation inconnue" j.erreur
api "$TOK_A" GET /api/v1/feuilles-de-route/MIN-B/2022
expect_eq "feuille de route absente: 404" 404 "$CODE"
api "$TOK_A" GET "$FDR/actions/ZZZ"
expect_eq "action inconnue: 404" 404 "$CODE"
expect_json "action inconnue"
api "$TOK_A" GET /api/v1/bilan
expect_eq "bilan sans période: 400" 400 "$CODE"
api "$TOK_A" GET "/api/v1/bilan?periode=2022&org=NOPE"
expect_eq "bilan d'un ministère inconnu: 404" 404 "$CODE"
api "$TOK_A" GET "/api/v1/empreinte?annee=deux"
expect_eq "empreinte: année invalide: 400" 400 "$CODE"
api "$TOK_A" GET /api/v1/rien
expect_eq "adresse inconnue: 404" 404 "$CODE"
expect_json "adresse inconnue"
api "$TOK_A" DELETE "$FDR/actions/A-02"
expect_eq "méthode non permise: 405" 405 "$CODE"
expect_json "méthode non permise"

# ---- footprint totals: a licensed referential's values only for its ministry ----
FP="$DATA/footprint"
INPUTS=(--datacenters "$FP/samples/1-datacenter.csv" --physical "$FP/samples/2-physicalEquipments.csv"
	--virtual "$FP/samples/3-virtualEquipments.csv" --applications "$FP/samples/4-applications.csv")
nc footprint import --org MIN-A --year 2022 "${INPUTS[@]}" --date 2022-06-01 >/dev/null
nc referential load "$FP/g4it_referential" --name lic-a --version 1 --licence "Licence (exemple)" \
	--restricted --org MIN-A >/dev/null 2>&1
nc footprint import --org MIN-A --year 2023 "${INPUTS[@]}" --referential lic-a --date 2023-06-01 >/dev/null
api "$TOK_A" GET "/api/v1/empreinte?annee=2022"
jexpect "empreinte 2022" "1 MIN-A CLIMATE_CHANGE numeco-ouvert 2025.1 0" \
	'[j.totaux.length, j.totaux[0].organisation, j.totaux[0].critere, j.totaux[0].referentiel, j.totaux_masques].join(" ")'
jexpect "empreinte 2022: total = somme des phases" true \
	'Math.abs(Object.values(j.totaux[0].par_phase).reduce((a, b) => a + b) - j.totaux[0].total) < 1e-6'
api "$TOK_A" GET "/api/v1/empreinte?annee=2023"
N_LIC=$(json j.totaux.length)
jexpect "empreinte sous licence: visible par son ministère" "true 0" '[j.totaux.length > 0, j.totaux_masques].join(" ")'
api "$TOK_B" GET "/api/v1/empreinte?annee=2023"
jexpect "empreinte sous licence: masquée aux autres" "0 $N_LIC" '[j.totaux.length, j.totaux_masques].join(" ")'
api "$TOK_ADM" GET "/api/v1/empreinte?annee=2023"
jexpect "empreinte sous licence: visible par l'admin" "$N_LIC 0" '[j.totaux.length, j.totaux_masques].join(" ")'

# ---- PUT an action with the token ----
put "$TOK_A" "$FDR/actions/A-02" "{\"version\": $V, \"statut\": \"Réalisée\", \"commentaire\": \"Fait en mars.\", \"budget_euros\": 1500}"
expect_eq "PUT: 200" 200 "$CODE"
jexpect "PUT: nouvelle version" $((V + 1)) j.version
jexpect "PUT: valeurs" "realisee Fait en mars. 1500 Allonger la durée d'usage des postes de travail de 4 à 5 ans" \
	'[j.statut, j.commentaire, j.budget_euros, j.titre].join(" ")'
expect_eq "PUT: en base" "realisee|150000" \
	"$(sqlite3 "$NUMECO_DB" "SELECT status || '|' || budget_cents FROM action WHERE ref = 'A-02'")"
run_status nc log --org MIN-A --period 2022 --action A-02
expect_contains "PUT: journalisé (auteur)" "$REF_A  modification action MIN-A/2022/A-02" "$OUT"
expect_contains "PUT: journalisé (statut)" "Statut : En cours → Réalisée" "$OUT"
expect_contains "PUT: journalisé (budget)" "Budget (€) : 1234,50 → 1500,00" "$OUT"
V=$((V + 1))

# An old version: 409 with both versions, nothing changes.
before=$(data_dump)
put "$TOK_A" "$FDR/actions/A-02" "{\"version\": $((V - 1)), \"statut\": \"reportee\"}"
expect_eq "version périmée: 409" 409 "$CODE"
jcontains "version périmée: message" "modifiée par quelqu'un d'autre" j.erreur
jexpect "version périmée: les deux versions" "realisee $V reportee $((V - 1))" \
	'[j.version_enregistree.statut, j.version_enregistree.version, j.version_envoyee.statut, j.version_envoyee.version].join(" ")'
expect_eq "version périmée: base identique" "$before" "$(data_dump)"

# Invalid values: 422 with a message per field, nothing changes.
put "$TOK_A" "$FDR/actions/A-02" "{\"version\": $V, \"statut\": \"fini\", \"date_debut\": \"2022-03-01\", \"echeance\": \"31/02/2022\", \"budget_euros\": -3, \"couleur\": \"bleu\", \"titre\": \"\"}"
expect_eq "valeurs invalides: 422" 422 "$CODE"
jcontains "422: statut" "statut inconnu « fini »" j.champs.statut
jcontains "422: échéance" "31/02/2022" j.champs.echeance
jcontains "422: budget" "budget négatif" j.champs.budget_euros
jexpect "422: champ inconnu" "champ inconnu" j.champs.couleur
jexpect "422: titre" "valeur obligatoire manquante" j.champs.titre
put "$TOK_A" "$FDR/actions/A-02" '{"statut": "realisee"}'
expect_eq "sans version: 422" 422 "$CODE"
jcontains "sans version: message" "version" 'Object.keys(j.champs).join(" ")'
put "$TOK_A" "$FDR/actions/A-02" "{\"version\": $V, \"reference\": \"A-99\"}"
expect_eq "changer la référence: 422" 422 "$CODE"
put "$TOK_A" "$FDR/actions/A-02" "{\"version\": $V, \"direction\": \"MIN-B-DAF\"}"
expect_eq "direction d'un autre ministère: 422" 422 "$CODE"
put "$TOK_A" "$FDR/actions/A-02" '{"version": '
expect_eq "JSON mal formé: 400" 400 "$CODE"
expect_json "JSON mal formé"
put "$TOK_A" "$FDR/actions/A-02" '[1, 2]'
expect_eq "JSON non objet: 400" 400 "$CODE"
expect_eq "valeurs invalides: base identique" "$before" "$(data_dump)"

# Another ministry's référent: 403, nothing changes.
put "$TOK_B" "$FDR/actions/A-02" "{\"version\": $V, \"statut\": \"abandonnee\"}"
expect_eq "référent B: 403" 403 "$CODE"
jcontains "référent B: message" "n'a pas le droit de modifier l'action A-02" j.erreur
expect_eq "référent B: base identique" "$before" "$(data_dump)"

# A correspondant edits the actions of its direction only, and keeps them there.
new_token "$WORK/c.jar" correspondant@a.exemple.gouv.fr "jeton correspondant"
TOK_C=$TOKEN
before=$(data_dump)
put "$TOK_C" "$FDR/actions/A-01" '{"version": 1, "commentaire": "pas ma direction"}'
expect_eq "correspondant: action d'une autre direction 403" 403 "$CODE"
put "$TOK_C" "$FDR/actions/A-02" "{\"version\": $V, \"direction\": \"MIN-A-SG\"}"
expect_eq "correspondant: confier à une autre direction 403" 403 "$CODE"
expect_eq "correspondant: base identique" "$before" "$(data_dump)"
put "$TOK_C" "$FDR/actions/A-02" "{\"version\": $V, \"indicateur\": \"Âge moyen du parc (ans)\"}"
expect_eq "correspondant: action de sa direction 200" 200 "$CODE"
jexpect "correspondant: indicateur" "Âge moyen du parc (ans)" j.indicateur
V=$((V + 1))

# The admin adds a recommendation (to have one to mark below).
post "$TOK_ADM" "$FDR/recommandations" '{"texte": "Chiffrer le gain de A-02.", "action": "A-02"}'
expect_eq "recommandation (admin): 201" 201 "$CODE"
RID=$(json j.id)
jexpect "recommandation: contenu" "recommandation A-02 $ADMIN false" \
	'[j.type, j.action, j.auteur, j.traitee].join(" ")'

# The lecteur: every write is refused, nothing changes.
before=$(data_dump)
put "$TOK_L" "$FDR/actions/A-02" "{\"version\": $V, \"statut\": \"abandonnee\"}"
expect_eq "lecteur: PUT action 403" 403 "$CODE"
post "$TOK_L" "$FDR/etat" '{"etat": "soumise"}'
expect_eq "lecteur: état 403" 403 "$CODE"
post "$TOK_L" "$FDR/recommandations" '{"texte": "Une idée."}'
expect_eq "lecteur: recommandation 403" 403 "$CODE"
post "$TOK_L" "$FDR/recommandations/$RID/traitee" '{}'
expect_eq "lecteur: traitée 403" 403 "$CODE"
expect_json "lecteur: erreur JSON"
expect_eq "lecteur: base identique" "$before" "$(data_dump)"
api "$TOK_L" GET "$FDR"
expect_eq "lecteur: lecture permise" 200 "$CODE"
# Référent A may not add recommendations either.
post "$TOK_A" "$FDR/recommandations" '{"texte": "Auto-recommandation"}'
expect_eq "référent: recommandation 403" 403 "$CODE"
expect_eq "refus: base identique" "$before" "$(data_dump)"

# A session without X-CSRF-Token is refused; with it, accepted.
api "" PUT "$FDR/actions/A-03" -b "$WORK/a.jar" -H 'Content-Type: application/json' \
	--data-binary '{"version": 1, "statut": "en_cours"}'
expect_eq "session sans X-CSRF-Token: 403" 403 "$CODE"
expect_json "session sans X-CSRF-Token"
expect_eq "session sans X-CSRF-Token: base identique" "$before" "$(data_dump)"
api "" PUT "$FDR/actions/A-03" -b "$WORK/a.jar" -H 'Content-Type: application/json' \
	-H "X-CSRF-Token: 0000" --data-binary '{"version": 1, "statut": "en_cours"}'
expect_eq "session avec un faux X-CSRF-Token: 403" 403 "$CODE"
CSRF_A=$(csrf "$WORK/a.jar" /compte)
api "" PUT "$FDR/actions/A-03" -b "$WORK/a.jar" -H 'Content-Type: application/json' \
	-H "X-CSRF-Token: $CSRF_A" --data-binary '{"version": 1, "statut": "en_cours"}'
expect_eq "session avec X-CSRF-Token: 200" 200 "$CODE"
jexpect "session avec X-CSRF-Token: statut" en_cours j.statut
api "" GET /api/v1/ -b "$WORK/a.jar"
expect_eq "session: lecture sans X-CSRF-Token" 200 "$CODE"
jexpect "session: authentification" session j.utilisateur.authentification

# Review: the référent submits, marks the recommendation addressed.
post "$TOK_A" "$FDR/etat" '{"etat": "validee"}'
expect_eq "état: saut refusé 409" 409 "$CODE"
post "$TOK_A" "$FDR/etat" '{"etat": "violet"}'
expect_eq "état inconnu: 422" 422 "$CODE"
post "$TOK_B" "$FDR/etat" '{"etat": "soumise"}'
expect_eq "état: référent B 403" 403 "$CODE"
post "$TOK_A" "$FDR/etat" '{"etat": "soumise"}'
expect_eq "état: soumission 200" 200 "$CODE"
jexpect "état: soumise" "soumise brouillon" 'j.etat + " " + j.etat_precedent'
post "$TOK_A" "$FDR/etat" '{"etat": "relue"}'
expect_eq "état: relue par le référent 403" 403 "$CODE"
post "$TOK_A" "$FDR/recommandations/$RID/traitee" ''
expect_eq "traitée: 200" 200 "$CODE"
jexpect "traitée: valeur" true j.traitee
post "$TOK_A" "$FDR/recommandations/999/traitee" ''
expect_eq "traitée: inconnue 404" 404 "$CODE"
api "$TOK_A" GET "$FDR/recommandations"
jexpect "recommandations: liste" "1 true" '[j.recommandations.length, j.recommandations[0].traitee].join(" ")'
run_status nc log --org MIN-A --period 2022
expect_contains "journal: état" "$REF_A  changement d'état roadmap MIN-A/2022" "$OUT"
expect_contains "journal: recommandation" "$ADMIN  création review MIN-A/2022/A-02#$RID" "$OUT"
expect_contains "journal: traitée" "Traitée : non → oui" "$OUT"

# ---- stored text comes back escaped in JSON and in HTML ----
XSS_T='<script>alert("t")</script> & co'
XSS_C="\"><img src=x onerror=alert(1)> l'été"
V=$(sqlite3 "$NUMECO_DB" "SELECT version FROM action WHERE ref = 'A-02'")
BODY_JSON=$(XSS_T=$XSS_T XSS_C=$XSS_C V=$V node -e 'console.log(JSON.stringify({version: +process.env.V, titre: process.env.XSS_T, commentaire: process.env.XSS_C}))')
put "$TOK_A" "$FDR/actions/A-02" "$BODY_JSON"
expect_eq "XSS: PUT 200" 200 "$CODE"
api "$TOK_A" GET "$FDR/actions/A-02"
expect_json "XSS: GET"
jexpect "XSS: titre rendu tel quel" "$XSS_T" j.titre
jexpect "XSS: commentaire rendu tel quel" "$XSS_C" j.commentaire
expect_absent "XSS: pas de < brut dans le JSON" "<" "$BODY"
expect_contains "XSS: < échappé en JSON" '\u003cscript\u003e' "$BODY"
http "$WORK/a.jar" GET /ministeres/MIN-A/2022/actions/A-02
if [ "$CODE" = 200 ]; then
	expect_absent "XSS: page de l'action sans balise injectée" "<script>alert" "$BODY"
	expect_absent "XSS: page de l'action sans attribut injecté" "<img src=x" "$BODY"
	expect_contains "XSS: titre échappé en HTML" "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; co" "$BODY"
else
	echo "note: /ministeres/MIN-A/2022/actions/A-02 répond $CODE : vérification HTML sautée" >&2
fi
http "$WORK/a.jar" GET /ministeres/MIN-A?periode=2022
if [ "$CODE" = 200 ]; then
	expect_absent "XSS: page du ministère sans balise injectée" "<script>alert" "$BODY"
fi

# ---- a validated roadmap is frozen ----
post "$TOK_ADM" "$FDR/etat" '{"etat": "relue"}'
expect_eq "admin: relue" 200 "$CODE"
post "$TOK_ADM" "$FDR/etat" '{"etat": "validee"}'
expect_eq "admin: validée" 200 "$CODE"
V=$(sqlite3 "$NUMECO_DB" "SELECT version FROM action WHERE ref = 'A-02'")
before=$(data_dump)
put "$TOK_A" "$FDR/actions/A-02" "{\"version\": $V, \"statut\": \"en_cours\"}"
expect_eq "feuille validée: 409" 409 "$CODE"
jcontains "feuille validée: message" "validée" j.erreur
expect_eq "feuille validée: base identique" "$before" "$(data_dump)"

# ---- a token cannot manage tokens; revoking one ends its access ----
api "$TOK_A" POST /compte/jetons --data-urlencode "nom=par jeton"
expect_eq "créer un jeton avec un jeton: 403" 403 "$CODE"
http "$WORK/a.jar" GET /compte
ID=$(printf '%s' "$BODY" | sed -n 's|.*action="/compte/jetons/\([0-9]*\)/revoquer".*|\1|p' | head -1)
c=$(csrf "$WORK/a.jar" /compte)
http "$WORK/b.jar" POST "/compte/jetons/$ID/revoquer" --data-urlencode "csrf=$(csrf "$WORK/b.jar" /compte)"
expect_eq "révoquer le jeton d'un autre: 404" 404 "$CODE"
api "$TOK_A" GET /api/v1/
expect_eq "jeton encore valide" 200 "$CODE"
CODE=$(curl -s -o /dev/null -D "$WORK/headers" -w '%{http_code}' -b "$WORK/a.jar" \
	--data-urlencode "csrf=$c" "$BASE/compte/jetons/$ID/revoquer")
expect_eq "révocation: 303" 303 "$CODE"
expect_contains "révocation: redirection" "/compte?ok=jeton-revoque" "$(grep -i '^Location:' "$WORK/headers")"
http "$WORK/a.jar" GET "/compte?ok=jeton-revoque"
expect_contains "révocation: message" "Jeton révoqué." "$BODY"
expect_contains "révocation: liste vide" "Vous n'avez aucun jeton." "$BODY"
for p in /api/v1/ "$FDR"; do
	api "$TOK_A" GET "$p"
	expect_eq "jeton révoqué: GET $p 401" 401 "$CODE"
done
put "$TOK_A" "$FDR/actions/A-02" '{"version": 1}'
expect_eq "jeton révoqué: PUT 401" 401 "$CODE"
run_status nc log --limit 0
expect_contains "journal: jeton créé" "$REF_A  création token $REF_A#" "$OUT"
expect_contains "journal: jeton révoqué" "$REF_A  suppression token $REF_A#$ID" "$OUT"

json_checks
finish
