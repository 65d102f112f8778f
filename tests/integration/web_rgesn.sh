#!/usr/bin/env bash
# web_rgesn.sh: the RGESN pages through a real `numeco serve`: the register
# of services (form, refusals, rights), the quick self-diagnosis (radio
# buttons, refusals under their question, first score, criteria to look at
# first), its conversion into a complete assessment, the answers form
# (filters, one transaction, refusals under their criterion, nothing stored),
# the difference with the previous assessment, publishing the declaration
# (contact, rights), the stable declaration address (public, HTML with its
# own CSP, Markdown, JSON), the criteria and consolidation pages, CSRF, and
# the JSON API (/api/v1/services…).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/web_lib.sh"
setup_db
set_passwords
start_server

ADMIN=admin@mission.exemple.gouv.fr
REF_A=referent@a.exemple.gouv.fr
CORR_A=correspondant@a.exemple.gouv.fr
REF_B=referent@b.exemple.gouv.fr
READER=lecteur@a.exemple.gouv.fr
SVC=MIN-A-DEMARCHES
S=/services/$SVC

# The stored data without sessions and tokens (every request may touch those).
data_dump() { db_dump | grep -v '^INSERT INTO "\{0,1\}\(session\|api_token\)"\{0,1\} '; }
q() { sqlite3 "$NUMECO_DB" "$1"; }
location() { tr -d '\r' <"$WORK/headers" | sed -n 's/^[Ll]ocation: //p'; }
header() { tr -d '\r' <"$WORK/headers" | sed -n "s/^$1: //Ip"; }
unescaped() {
	printf '%s' "$BODY" | sed -e "s/&#39;/'/g" -e 's/&quot;/"/g' -e 's/&lt;/</g' \
		-e 's/&gt;/>/g' -e 's/&amp;/\&/g'
}
expect_absent() {
	check
	case "$3" in
	*"$2"*) fail "$1: «$2» présent" ;;
	esac
}
# jexpect WHAT EXPECTED EXPR: EXPR (JavaScript over the parsed $BODY, as j)
# prints EXPECTED.
jexpect() {
	check
	local v
	v=$(printf '%s' "$BODY" | node -e '
		const j = JSON.parse(require("fs").readFileSync(0, "utf8"));
		const v = eval(process.argv[1]);
		console.log(typeof v === "string" ? v : JSON.stringify(v));' "$3" 2>&1)
	[ "$v" = "$2" ] || fail "$1: attendu «$2», obtenu «$v»"
}
# answer ASSESSMENT CRITERION: the stored answer|justification|planned|note.
answer() {
	q "SELECT answer || '|' || justification || '|' || planned || '|' || note
		FROM assessment_answer WHERE assessment_id = $1 AND crit_id = '$2'"
}
# field ID: the form field name of a criterion ("4.3" → "4-3").
field() { printf '%s' "${1//./-}"; }

for who in a:$REF_A corr:$CORR_A b:$REF_B admin:$ADMIN reader:$READER; do
	login "$WORK/${who%%:*}.jar" "${who#*:}"
done
CA=$(csrf "$WORK/a.jar" /)
CC=$(csrf "$WORK/corr.jar" /)
CB=$(csrf "$WORK/b.jar" /)
CR=$(csrf "$WORK/reader.jar" /)

# ---- the register ----
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/services")
expect_eq "sans session: redirection" 303 "$CODE"
http "$WORK/reader.jar" GET /services
expect_eq "registre: 200" 200 "$CODE"
expect_contains "navigation: Services numériques" 'href="/services">Services numériques</a>' "$BODY"
expect_contains "registre vide" "Aucun service enregistré." "$BODY"
expect_absent "registre: pas de bouton pour le lecteur" 'href="/services/nouveau"' "$BODY"
http "$WORK/a.jar" GET /services
expect_contains "registre: bouton pour le référent" 'href="/services/nouveau"' "$BODY"
http "$WORK/reader.jar" GET /services/nouveau
expect_eq "formulaire de service: lecteur refusé" 403 "$CODE"
http "$WORK/a.jar" GET /services/nouveau
expect_eq "formulaire de service: 200" 200 "$CODE"
expect_contains "formulaire: direction proposée" '<option value="MIN-A-DNUM"' "$BODY"
expect_absent "formulaire: pas les organisations de B" 'value="MIN-B"' "$BODY"

before=$(data_dump)
# The form without name and address (the first value of a field counts).
svc_base=(--data-urlencode "code=$SVC" -d org=MIN-A-DNUM --data-urlencode "public=usagers"
	-d statut=en_production --data-urlencode "contact=dnum@a.exemple.gouv.fr")
svc_form=("${svc_base[@]}" --data-urlencode "nom=Démarches en ligne"
	--data-urlencode "url=https://demarches.exemple.gouv.fr")
http "$WORK/a.jar" POST /services/nouveau "${svc_form[@]}"
expect_eq "service sans jeton CSRF: 403" 403 "$CODE"
expect_contains "service sans jeton CSRF: message" "Jeton de sécurité" "$BODY"
http "$WORK/reader.jar" POST /services/nouveau --data-urlencode "csrf=$CR" "${svc_form[@]}"
expect_eq "service par le lecteur: 403" 403 "$CODE"
http "$WORK/b.jar" POST /services/nouveau --data-urlencode "csrf=$CB" "${svc_form[@]}"
expect_eq "service de MIN-A par le référent B: 403" 403 "$CODE"
http "$WORK/a.jar" POST /services/nouveau --data-urlencode "csrf=$CA" "${svc_base[@]}" \
	--data-urlencode "nom=Démarches en ligne" --data-urlencode "url=ftp://demarches"
expect_eq "adresse invalide: 400" 400 "$CODE"
expect_contains "adresse invalide: message" "n'a pas été enregistré" "$(unescaped)"
expect_contains "adresse invalide: saisie gardée" 'value="Démarches en ligne"' "$BODY"
expect_eq "services refusés: base identique" "$before" "$(data_dump)"
http "$WORK/a.jar" POST /services/nouveau --data-urlencode "csrf=$CA" "${svc_form[@]}" \
	-D "$WORK/headers"
expect_eq "service: 303" 303 "$CODE"
expect_eq "service: redirection" "$S?ok=enregistre" "$(location)"
expect_eq "service: en base" "Démarches en ligne|MIN-A-DNUM|en_production" \
	"$(q "SELECT s.name || '|' || o.code || '|' || s.status FROM service s JOIN org o ON o.id = s.org_id WHERE s.code = '$SVC'")"
http "$WORK/a.jar" POST /services/nouveau --data-urlencode "csrf=$CA" "${svc_form[@]}"
expect_eq "code en double: 400" 400 "$CODE"
# A second service of MIN-A, registered by the correspondant of its direction.
http "$WORK/corr.jar" POST /services/nouveau --data-urlencode "csrf=$CC" \
	-d code=MIN-A-INTRANET --data-urlencode "nom=Intranet <i>agents</i>" -d org=MIN-A-DNUM \
	-d statut=en_projet
expect_eq "service par le correspondant: 303" 303 "$CODE"

http "$WORK/reader.jar" GET "/services?ministere=MIN-A"
expect_contains "registre du ministère: titre" "Services numériques — Ministère de l&#39;Exemple" "$BODY"
expect_contains "registre: lien du service" "href=\"$S\">Démarches en ligne</a>" "$BODY"
expect_contains "registre: deux services" "2 services numériques" "$BODY"
expect_contains "registre: nom échappé" ">Intranet &lt;i&gt;agents&lt;/i&gt;</a>" "$BODY"
expect_absent "registre: pas de balise injectée" "<i>agents</i>" "$BODY"
http "$WORK/reader.jar" GET "/services?ministere=MIN-B"
expect_contains "registre de MIN-B: vide" "Aucun service enregistré." "$BODY"
http "$WORK/reader.jar" GET "/services?ministere=NOPE"
expect_eq "registre: ministère inconnu" 404 "$CODE"
http "$WORK/reader.jar" GET "$S?ok=enregistre"
expect_eq "page du service: 200" 200 "$CODE"
expect_contains "page du service: titre" "<h1>Démarches en ligne</h1>" "$BODY"
expect_contains "page du service: direction" "Direction du numérique" "$BODY"
expect_contains "page du service: message" "Modifications enregistrées." "$BODY"
expect_absent "page du service: pas de diagnostic pour le lecteur" "$S/diagnostic" "$BODY"
expect_absent "page du service: pas de nouvelle évaluation pour le lecteur" "$S/evaluations" "$BODY"
http "$WORK/a.jar" GET "$S"
expect_contains "page du service: diagnostic pour A" "href=\"$S/diagnostic\"" "$BODY"
expect_contains "page du service: nouvelle évaluation pour A" "action=\"$S/evaluations\"" "$BODY"
http "$WORK/reader.jar" GET /services/INCONNU
expect_eq "service inconnu: 404" 404 "$CODE"

# Editing.
http "$WORK/b.jar" GET "$S/modifier"
expect_eq "modification par B: 403" 403 "$CODE"
http "$WORK/a.jar" GET "$S/modifier"
expect_eq "formulaire de modification: 200" 200 "$CODE"
expect_contains "modification: valeur" 'value="https://demarches.exemple.gouv.fr"' "$BODY"
http "$WORK/a.jar" POST "$S/modifier" --data-urlencode "csrf=$CA" "${svc_base[@]}" \
	--data-urlencode "nom=Démarches en ligne (v2)" \
	--data-urlencode "url=https://demarches.exemple.gouv.fr" -D "$WORK/headers"
expect_eq "modification: 303" 303 "$CODE"
expect_eq "modification: en base" "Démarches en ligne (v2)" \
	"$(q "SELECT name FROM service WHERE code = '$SVC'")"

# ---- the quick self-diagnosis ----
http "$WORK/reader.jar" GET "$S/diagnostic"
expect_eq "diagnostic: lecteur refusé" 403 "$CODE"
http "$WORK/b.jar" GET "$S/diagnostic"
expect_eq "diagnostic: référent B refusé" 403 "$CODE"
http "$WORK/a.jar" GET "$S/diagnostic"
expect_eq "diagnostic: 200" 200 "$CODE"
mapfile -t QUICK < <(printf '%s' "$BODY" | grep -o 'name="r-[0-9-]*" value="conforme"' |
	sed 's/name="r-\([0-9-]*\)".*/\1/')
expect_eq "diagnostic: 20 questions" 20 "${#QUICK[@]}"
expect_eq "diagnostic: questions marquées en base" 20 \
	"$(q "SELECT count(*) FROM rgesn_criterion WHERE quick = 1")"
expect_contains "diagnostic: « je ne sais pas » coché" \
	"value=\"non_evalue\" checked><label class=\"fr-label\" for=\"r-${QUICK[0]}-non_evalue\">Je ne sais pas (non évalué)" "$BODY"
expect_contains "diagnostic: boutons radio" 'type="radio"' "$BODY"

# 10 conforme, 5 non conforme, 2 non applicable, 1 en cours, 2 not answered.
diag=(--data-urlencode "csrf=$CA" --data-urlencode referentiel=RGESN@2024)
for i in "${!QUICK[@]}"; do
	id=${QUICK[$i]}
	if [ "$i" -lt 10 ]; then diag+=(-d "r-$id=conforme")
	elif [ "$i" -lt 15 ]; then diag+=(-d "r-$id=non_conforme")
	elif [ "$i" -lt 17 ]; then diag+=(-d "r-$id=non_applicable")
	elif [ "$i" -lt 18 ]; then diag+=(-d "r-$id=en_cours")
	fi
done
NA1=${QUICK[15]}
NA2=${QUICK[16]}
EC=${QUICK[17]}
before=$(data_dump)
http "$WORK/a.jar" POST "$S/diagnostic" "${diag[@]}" --data-urlencode "j-$NA1=Pas de vidéo" \
	-d "d-$EC=2027-06-30"
expect_eq "diagnostic sans justification: 400" 400 "$CODE"
expect_contains "diagnostic sans justification: message sous la question" \
	"id=\"r-$NA2-erreur\">une justification est obligatoire" "$BODY"
expect_contains "diagnostic sans justification: résumé" "<a href=\"#r-$NA2\">Question 17" "$BODY"
expect_contains "diagnostic sans justification: rien d'enregistré" "rien n'a été enregistré" "$(unescaped)"
expect_contains "diagnostic: réponse gardée" \
	"value=\"non_applicable\" checked><label class=\"fr-label\" for=\"r-$NA1-non_applicable\"" "$BODY"
expect_contains "diagnostic: justification gardée" "name=\"j-$NA1\" value=\"Pas de vidéo\"" "$BODY"
expect_eq "diagnostic refusé: base identique" "$before" "$(data_dump)"
http "$WORK/a.jar" POST "$S/diagnostic" "${diag[@]}" -d "r-${QUICK[0]}=peut-etre"
expect_eq "diagnostic: réponse inconnue 400" 400 "$CODE"
http "$WORK/a.jar" POST "$S/diagnostic" "${diag[@]}" --data-urlencode "j-$NA1=Pas de vidéo" \
	--data-urlencode "j-$NA2=Aucune notification" -d "d-$EC=30/06/2027" -D "$WORK/headers"
expect_eq "diagnostic: 303" 303 "$CODE"
DIAG=$(q "SELECT id FROM assessment WHERE kind = 'diagnostic'")
expect_eq "diagnostic: redirection" "/evaluations/$DIAG?ok=diagnostic" "$(location)"
expect_eq "diagnostic: date en cours normalisée" "en_cours|||" "$(answer "$DIAG" "${EC//-/.}" | sed 's/2027-06-30//')"
expect_eq "diagnostic: justification en base" "non_applicable|Pas de vidéo||" "$(answer "$DIAG" "${NA1//-/.}")"
http "$WORK/a.jar" GET "/evaluations/$DIAG?ok=diagnostic"
expect_eq "résultat: 200" 200 "$CODE"
expect_contains "résultat: message" "Autodiagnostic enregistré." "$BODY"
# 10 conforming among 18 applicable (20 − 2 non applicable).
expect_contains "résultat: premier score" "Premier score : <strong>55,6${NBSP}%</strong>" "$BODY"
expect_contains "résultat: décompte" "10 critères conformes sur 18 applicables parmi les 20 questions" "$(unescaped)"
expect_contains "résultat: par où commencer" '<h2 id="commencer">Par où commencer</h2>' "$BODY"
expect_contains "résultat: bouton de conversion" "action=\"/evaluations/$DIAG/convertir\"" "$BODY"
expect_contains "résultat: libellé du bouton" "Transformer en évaluation complète" "$(unescaped)"
n=$(printf '%s' "$BODY" | sed -n '/id="commencer"/,/<\/ol>/p' | grep -c '^<li>' || true)
expect_eq "résultat: 5 critères à regarder d'abord" 5 "$n"
http "$WORK/reader.jar" GET "/evaluations/$DIAG"
expect_absent "résultat: pas de conversion pour le lecteur" "/convertir" "$BODY"
http "$WORK/a.jar" GET "/evaluations/$DIAG/declaration"
expect_eq "déclaration d'un diagnostic: 409" 409 "$CODE"

# ---- conversion ----
before=$(data_dump)
http "$WORK/reader.jar" POST "/evaluations/$DIAG/convertir" --data-urlencode "csrf=$CR"
expect_eq "conversion par le lecteur: 403" 403 "$CODE"
http "$WORK/b.jar" POST "/evaluations/$DIAG/convertir" --data-urlencode "csrf=$CB"
expect_eq "conversion par B: 403" 403 "$CODE"
http "$WORK/a.jar" POST "/evaluations/$DIAG/convertir"
expect_eq "conversion sans jeton CSRF: 403" 403 "$CODE"
expect_eq "conversions refusées: base identique" "$before" "$(data_dump)"
http "$WORK/a.jar" POST "/evaluations/$DIAG/convertir" --data-urlencode "csrf=$CA" -D "$WORK/headers"
expect_eq "conversion: 303" 303 "$CODE"
EV=$(q "SELECT id FROM assessment WHERE kind = 'complete' AND from_id = $DIAG")
expect_eq "conversion: redirection" "/evaluations/$EV?ok=convertie" "$(location)"
expect_eq "conversion: 78 réponses" 78 "$(q "SELECT count(*) FROM assessment_answer WHERE assessment_id = $EV")"
http "$WORK/a.jar" POST "/evaluations/$DIAG/convertir" --data-urlencode "csrf=$CA"
expect_eq "conversion en double: 409" 409 "$CODE"
http "$WORK/a.jar" GET "/evaluations/$DIAG"
expect_contains "diagnostic converti: lien" "href=\"/evaluations/$EV\"" "$BODY"

# ---- the assessment page ----
http "$WORK/a.jar" GET "/evaluations/$EV?ok=convertie"
expect_eq "évaluation: 200" 200 "$CODE"
expect_contains "évaluation: message" "Autodiagnostic transformé en évaluation complète." "$BODY"
# 10 conforming among 76 applicable (78 − 2).
expect_contains "évaluation: score" "Score : <strong>13,2${NBSP}%</strong>" "$BODY"
expect_contains "évaluation: décompte" "10 critères conformes sur 76 applicables ; 60 non évalués" "$(unescaped)"
expect_contains "évaluation: par famille" '<h2 id="familles">Score par famille</h2>' "$BODY"
expect_contains "évaluation: par priorité" '<th scope="row">Prioritaire</th>' "$BODY"
expect_contains "évaluation: première évaluation" "Première évaluation complète du service" "$(unescaped)"
expect_contains "évaluation: formulaire" "action=\"/evaluations/$EV/reponses\"" "$BODY"
expect_contains "évaluation: 15 critères par page" "78 critères sur 78 ; page 1 sur 6." "$(unescaped)"
n=$(printf '%s' "$BODY" | grep -o '<select class="fr-select" id="r-' | wc -l)
expect_eq "évaluation: 15 listes de réponses" 15 "$n"
expect_contains "évaluation: filtre famille" '<select class="fr-select" id="famille" name="famille">' "$BODY"
expect_contains "évaluation: publier" "action=\"/evaluations/$EV/publier\"" "$BODY"
http "$WORK/a.jar" GET "/evaluations/$EV?famille=4"
expect_contains "filtre famille: 15 critères" "15 critères sur 78." "$(unescaped)"
expect_contains "filtre famille: critère 4.1" 'id="r-4-1"' "$BODY"
expect_absent "filtre famille: pas de 1.1" 'id="r-1-1"' "$BODY"
http "$WORK/a.jar" GET "/evaluations/$EV?reponse=conforme"
expect_contains "filtre réponse: 10 conformes" "10 critères sur 78." "$(unescaped)"
http "$WORK/a.jar" GET "/evaluations/$EV?priorite=modere&reponse=non_evalue&page=2"
expect_contains "filtres combinés: page 2" "page 2 sur 2" "$BODY"
expect_contains "pagination: lien page 1" "href=\"/evaluations/$EV?priorite=modere&amp;reponse=non_evalue\"" "$BODY"
http "$WORK/reader.jar" GET "/evaluations/$EV"
expect_eq "évaluation lue par le lecteur: 200" 200 "$CODE"
expect_absent "lecteur: pas de formulaire" "/reponses" "$BODY"
expect_absent "lecteur: pas de publication" "/publier" "$BODY"
expect_contains "lecteur: tableau des réponses" "<caption class=\"fr-sr-only\">Réponses aux critères</caption>" "$BODY"
http "$WORK/corr.jar" GET "/evaluations/$EV"
expect_contains "correspondant: formulaire" "/reponses" "$BODY"
expect_absent "correspondant: pas de publication" "/publier" "$BODY"
http "$WORK/reader.jar" GET /evaluations/999
expect_eq "évaluation inconnue: 404" 404 "$CODE"
http "$WORK/reader.jar" GET /evaluations/abc
expect_eq "évaluation: numéro invalide 404" 404 "$CODE"

# ---- the answers form ----
before=$(data_dump)
http "$WORK/a.jar" POST "/evaluations/$EV/reponses?famille=1" --data-urlencode "csrf=$CA" \
	-d r-1-1=non_applicable -d r-1-3=en_cours -d r-1-5=conforme
expect_eq "réponses refusées: 400" 400 "$CODE"
expect_contains "réponses refusées: message sous 1.1" \
	'<p class="fr-error-text" id="r-1-1-erreur">une justification est obligatoire' "$BODY"
expect_contains "réponses refusées: message sous 1.3" 'id="r-1-3-erreur">une date prévue' "$BODY"
expect_contains "réponses refusées: champ décrit par son erreur" 'aria-describedby="r-1-1-erreur"' "$BODY"
expect_contains "réponses refusées: groupe en erreur" "fr-select-group--error" "$BODY"
expect_contains "réponses refusées: résumé" '2 réponses refusées : rien n&#39;a été enregistré' "$BODY"
expect_contains "réponses refusées: lien du résumé" '<li><a href="#r-1-1">1.1 : ' "$BODY"
expect_contains "réponses refusées: réponse gardée" '<option value="conforme" selected>' "$BODY"
expect_eq "réponses refusées: base identique" "$before" "$(data_dump)"
http "$WORK/b.jar" POST "/evaluations/$EV/reponses" --data-urlencode "csrf=$CB" -d r-1-5=conforme
expect_eq "réponses par B: 403" 403 "$CODE"
http "$WORK/reader.jar" POST "/evaluations/$EV/reponses" --data-urlencode "csrf=$CR" -d r-1-5=conforme
expect_eq "réponses par le lecteur: 403" 403 "$CODE"
http "$WORK/a.jar" POST "/evaluations/$EV/reponses" -d r-1-5=conforme
expect_eq "réponses sans jeton CSRF: 403" 403 "$CODE"
http "$WORK/a.jar" POST "/evaluations/$EV/reponses" --data-urlencode "csrf=$CA" -d r-1-5=peut-etre
expect_eq "réponse inconnue: 400" 400 "$CODE"
http "$WORK/a.jar" POST "/evaluations/$EV/reponses" --data-urlencode "csrf=$CA"
expect_eq "aucune réponse: 400" 400 "$CODE"
expect_eq "réponses refusées (suite): base identique" "$before" "$(data_dump)"
http "$WORK/a.jar" POST "/evaluations/$EV/reponses?famille=1" --data-urlencode "csrf=$CA" \
	-d r-1-1=non_applicable --data-urlencode "j-1-1=Service imposé par la loi" \
	-d r-1-3=en_cours -d d-1-3=15/03/2027 -d r-1-5=conforme \
	--data-urlencode "n-1-5=Vu en revue <b>" -D "$WORK/headers"
expect_eq "réponses: 303" 303 "$CODE"
expect_eq "réponses: redirection avec le filtre" "/evaluations/$EV?famille=1&ok=reponses" "$(location)"
expect_eq "réponses: non applicable" "non_applicable|Service imposé par la loi||" "$(answer "$EV" 1.1)"
expect_eq "réponses: en cours (date normalisée)" "en_cours||2027-03-15|" "$(answer "$EV" 1.3)"
expect_eq "réponses: note" "conforme|||Vu en revue <b>" "$(answer "$EV" 1.5)"
http "$WORK/corr.jar" POST "/evaluations/$EV/reponses" --data-urlencode "csrf=$CC" -d r-1-6=conforme \
	-D "$WORK/headers"
expect_eq "réponses par le correspondant: 303" 303 "$CODE"
http "$WORK/reader.jar" GET "/evaluations/$EV?famille=1"
expect_contains "note échappée" "Vu en revue &lt;b&gt;" "$BODY"
expect_contains "date prévue affichée" "Prévu le 15/03/2027" "$BODY"

# ---- publishing ----
http "$WORK/corr.jar" POST "/evaluations/$EV/publier" --data-urlencode "csrf=$CC" \
	-d contact=dnum@a.exemple.gouv.fr
expect_eq "publication par le correspondant: 403" 403 "$CODE"
http "$WORK/b.jar" POST "/evaluations/$EV/publier" --data-urlencode "csrf=$CB" -d contact=x@y.fr
expect_eq "publication par B: 403" 403 "$CODE"
http "$WORK/a.jar" POST "/evaluations/$EV/publier" -d contact=x@y.fr
expect_eq "publication sans jeton CSRF: 403" 403 "$CODE"
http "$WORK/a.jar" POST "/evaluations/$EV/publier" --data-urlencode "csrf=$CA" -d "contact=  "
expect_eq "publication sans contact: 400" 400 "$CODE"
expect_contains "publication sans contact: message" 'id="contact-erreur">Le contact est obligatoire' "$BODY"
expect_eq "publication sans contact: rien de publié" "" "$(q "SELECT published_at FROM assessment WHERE id = $EV")"
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$S/declaration")
expect_eq "pas encore de déclaration: 404" 404 "$CODE"
http "$WORK/a.jar" POST "/evaluations/$EV/publier" --data-urlencode "csrf=$CA" \
	--data-urlencode "contact=ecoconception@a.exemple.gouv.fr" -D "$WORK/headers"
expect_eq "publication: 303" 303 "$CODE"
expect_eq "publication: redirection" "/evaluations/$EV?ok=publiee" "$(location)"
check
[ -n "$(q "SELECT published_at FROM assessment WHERE id = $EV")" ] || fail "publication: date absente"
expect_eq "publication: contact" "ecoconception@a.exemple.gouv.fr" "$(q "SELECT contact FROM assessment WHERE id = $EV")"
http "$WORK/a.jar" POST "/evaluations/$EV/publier" --data-urlencode "csrf=$CA" -d contact=x@y.fr
expect_eq "publication en double: 409" 409 "$CODE"
before=$(data_dump)
http "$WORK/a.jar" POST "/evaluations/$EV/reponses" --data-urlencode "csrf=$CA" -d r-1-7=conforme
expect_eq "réponses sur évaluation publiée: 409" 409 "$CODE"
expect_eq "évaluation publiée: base identique" "$before" "$(data_dump)"
http "$WORK/a.jar" GET "/evaluations/$EV?ok=publiee"
expect_contains "évaluation publiée: message" "Déclaration d&#39;écoconception publiée." "$BODY"
expect_absent "évaluation publiée: plus de formulaire" "/reponses" "$BODY"

# ---- the declaration ----
curl -s -D "$WORK/headers" -o "$WORK/body" "$BASE$S/declaration"
BODY=$(cat "$WORK/body")
DECL_HTML=$BODY
CODE=$(tr -d '\r' <"$WORK/headers" | sed -n '1s/^HTTP[^ ]* \([0-9]*\).*/\1/p')
expect_eq "déclaration publique: 200" 200 "$CODE"
expect_contains "déclaration: page autonome" '<html lang="fr">' "$BODY"
expect_contains "déclaration: service" "Démarches en ligne (v2)" "$BODY"
expect_contains "déclaration: contact" "ecoconception@a.exemple.gouv.fr" "$BODY"
expect_absent "déclaration: pas de script" "<script" "$BODY"
check
csp=$(header Content-Security-Policy)
case "$csp" in
*"style-src 'sha256-"*) ;;
*) fail "déclaration: CSP sans empreinte de la feuille de style: $csp" ;;
esac
# The digest in the CSP is the one of the page's style sheet.
check
want=$(printf '%s' "$BODY" | node -e '
	const h = require("fs").readFileSync(0, "utf8");
	const m = h.match(/<style>([\s\S]*?)<\/style>/);
	console.log(require("crypto").createHash("sha256").update(m[1]).digest("base64"));')
case "$csp" in
*"'sha256-$want'"*) ;;
*) fail "déclaration: empreinte $want absente de la CSP $csp" ;;
esac
http "$WORK/reader.jar" GET "$S/declaration?format=json"
expect_eq "déclaration JSON: 200" 200 "$CODE"
# The counts of the stored answers (1.5 and 1.6 may be quick criteria too).
conf=$(q "SELECT count(*) FROM assessment_answer WHERE assessment_id = $EV AND answer = 'conforme'")
na=$(q "SELECT count(*) FROM assessment_answer WHERE assessment_id = $EV AND answer = 'non_applicable'")
jexpect "déclaration JSON: conformes" "$conf" 'j.score.conformes'
jexpect "déclaration JSON: applicables" "$((78 - na))" 'j.score.applicables'
jexpect "déclaration JSON: score" "$(node -e "console.log(Math.round(1000 * $conf / (78 - $na)) / 10)")" \
	'Math.round(j.score.global * 10) / 10'
SCORE=$(node -e "const s = Math.round(1000 * $conf / (78 - $na)) / 10; console.log(String(s).replace('.', ','))")
# The declaration rounds the score to a whole percentage.
expect_contains "déclaration HTML: score" \
	"<dd>$(node -e "console.log(Math.round(100 * $conf / (78 - $na)))")${NBSP}%</dd>" "$DECL_HTML"
http "$WORK/reader.jar" GET "$S/declaration.md"
expect_eq "déclaration Markdown: 200" 200 "$CODE"
expect_contains "déclaration Markdown: titre" "# Déclaration d'écoconception — Démarches en ligne (v2)" "$BODY"
http "$WORK/reader.jar" GET "$S/declaration.json"
expect_eq "déclaration .json: 200" 200 "$CODE"
http "$WORK/reader.jar" GET "$S/declaration?format=xml"
expect_eq "déclaration: format inconnu 400" 400 "$CODE"
http "$WORK/a.jar" GET "/evaluations/$EV/declaration"
expect_eq "déclaration d'une évaluation: 200" 200 "$CODE"
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/evaluations/$EV/declaration")
expect_eq "déclaration d'une évaluation: session requise" 303 "$CODE"
http "$WORK/reader.jar" GET "$S"
expect_contains "page du service: lien de la déclaration" "href=\"$S/declaration\"" "$BODY"

# ---- a new assessment and the difference ----
http "$WORK/b.jar" POST "$S/evaluations" --data-urlencode "csrf=$CB" -d referentiel=RGESN@2024
expect_eq "nouvelle évaluation par B: 403" 403 "$CODE"
http "$WORK/a.jar" POST "$S/evaluations" --data-urlencode "csrf=$CA" -d referentiel=RGESN@1999
expect_eq "nouvelle évaluation: référentiel inconnu 400" 400 "$CODE"
http "$WORK/a.jar" POST "$S/evaluations" --data-urlencode "csrf=$CA" -d referentiel=RGESN@2024 \
	-D "$WORK/headers"
expect_eq "nouvelle évaluation: 303" 303 "$CODE"
EV2=$(q "SELECT max(id) FROM assessment")
expect_eq "nouvelle évaluation: redirection" "/evaluations/$EV2?ok=evaluation" "$(location)"
http "$WORK/a.jar" GET "/evaluations/$EV2"
expect_contains "différence: lien vers la précédente" "href=\"/evaluations/$EV\">l'évaluation du" "$BODY"
expect_contains "différence: écart" "<strong>−$SCORE points</strong>" "$BODY"
expect_contains "différence: réponses changées" "$((78 - $(q "SELECT count(*) FROM assessment_answer WHERE assessment_id = $EV AND answer = 'non_evalue'"))) réponses changées" "$(unescaped)"

# ---- criteria and consolidation ----
http "$WORK/reader.jar" GET /rgesn
expect_eq "critères: 200" 200 "$CODE"
expect_contains "critères: titre" "<h1>Critères du RGESN 2024</h1>" "$BODY"
expect_contains "critères: tous" "78 critères sur 78" "$BODY"
http "$WORK/reader.jar" GET "/rgesn?referentiel=RGESN%402024&famille=4"
expect_contains "critères: famille 4" "15 critères sur 78" "$BODY"
http "$WORK/reader.jar" GET "/rgesn?priorite=prioritaire"
expect_contains "critères: prioritaires" "30 critères sur 78" "$BODY"
http "$WORK/reader.jar" GET "/rgesn?referentiel=RGESN%401999"
expect_eq "critères: version inconnue 404" 404 "$CODE"
http "$WORK/reader.jar" GET /rgesn/consolidation
expect_eq "consolidation: 200" 200 "$CODE"
# Two services of MIN-A; the latest complete assessment of DEMARCHES is the
# new one (score 0), INTRANET has none.
expect_contains "consolidation: nationale" "2 services enregistrés, dont 1 évalué" "$(unescaped)"
expect_contains "consolidation: graphique" 'role="img" aria-labelledby="repartition-t repartition-d"' "$BODY"
expect_contains "consolidation: tranche" "<title>De 0 à 25 % : 1 service</title>" "$(unescaped)"
expect_contains "consolidation: ministère" 'href="/services?ministere=MIN-A">Ministère de l&#39;Exemple</a>' "$BODY"
expect_contains "consolidation: ligne du ministère" '</a></th><td class="nc-num">2</td><td class="nc-num">1</td><td class="nc-num">0' "$BODY"
expect_contains "consolidation: total" '<th scope="row">Total national</th><td class="nc-num">2</td><td class="nc-num">1</td>' "$BODY"
http "$WORK/reader.jar" GET "/rgesn/consolidation?format=json"
expect_eq "consolidation JSON: 200" 200 "$CODE"
http "$WORK/reader.jar" GET "/rgesn/consolidation?format=md"
expect_eq "consolidation Markdown: 200" 200 "$CODE"

# ---- JSON API ----
http "$WORK/reader.jar" GET /api/v1/services
expect_eq "API services: 200" 200 "$CODE"
jexpect "API services: codes" '["MIN-A-DEMARCHES","MIN-A-INTRANET"]' 'j.services.map((s) => s.code)'
jexpect "API services: direction" "MIN-A-DNUM" 'j.services[0].direction'
http "$WORK/reader.jar" GET "/api/v1/services?ministere=MIN-B"
jexpect "API services de MIN-B: vide" "[]" 'j.services'
http "$WORK/reader.jar" GET "/api/v1/services/$SVC/declaration"
expect_eq "API déclaration: 200" 200 "$CODE"
jexpect "API déclaration: contact" "ecoconception@a.exemple.gouv.fr" 'j.contact'
http "$WORK/reader.jar" GET "/api/v1/services/MIN-A-INTRANET/declaration"
expect_eq "API déclaration absente: 404" 404 "$CODE"
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/services")
expect_eq "API sans session: 401" 401 "$CODE"

# No internal error in the server's log.
check
if grep -Eq '^numeco serve: [A-Z]+ /' "$WORK/server.log"; then
	fail "erreurs du serveur: $(grep -E '^numeco serve: [A-Z]+ /' "$WORK/server.log" | head -3)"
fi
finish
