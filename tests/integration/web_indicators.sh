#!/usr/bin/env bash
# web_indicators.sh: the common indicators through a real `numeco serve`:
# the national, ministry and indicator pages, the collection form (values,
# range refusals, jumps that need a comment, one transaction), the state
# moves and their rights, CSRF, the CSV import, the exports, the admin's
# edit form and the JSON API (/api/v1/indicateurs…).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/web_lib.sh"
setup_db
# A roadmap of 2024 for MIN-A: numeco computes its realised share and key
# actions for that year (no footprint evaluation: the workstation count is
# entered like any other value).
nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2024 >/dev/null
set_passwords
start_server

ADMIN=admin@mission.exemple.gouv.fr
REF_A=referent@a.exemple.gouv.fr
REF_B=referent@b.exemple.gouv.fr
READER=lecteur@a.exemple.gouv.fr
MA=/indicateurs/ministere/MIN-A
MB=/indicateurs/ministere/MIN-B
PART=part_agents_formes
NNBSP=$'\xe2\x80\xaf' # U+202F, between groups of digits

# The stored data without sessions and tokens (every request may touch those).
data_dump() { db_dump | grep -v '^INSERT INTO "\{0,1\}\(session\|api_token\)"\{0,1\} '; }
# stored ORG YEAR CODE: the stored value (and comment) of a ministry.
stored() {
	sqlite3 "$NUMECO_DB" "SELECT v.value || '|' || v.comment FROM indicator_value v
		JOIN indicator i ON i.id = v.indicator_id JOIN org o ON o.id = v.org_id
		WHERE o.code = '$1' AND v.year = $2 AND i.code = '$3'"
}
state() {
	sqlite3 "$NUMECO_DB" "SELECT c.state FROM indicator_collection c JOIN org o ON o.id = c.org_id
		WHERE o.code = '$1' AND c.year = $2"
}
location() { tr -d '\r' <"$WORK/headers" | sed -n 's/^[Ll]ocation: //p'; }
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

for who in a:$REF_A b:$REF_B admin:$ADMIN reader:$READER; do
	login "$WORK/${who%%:*}.jar" "${who#*:}"
done
CA=$(csrf "$WORK/a.jar" /)
CB=$(csrf "$WORK/b.jar" /)
CADM=$(csrf "$WORK/admin.jar" /)
CR=$(csrf "$WORK/reader.jar" /)

# ---- pages before any value ----
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/indicateurs")
expect_eq "sans session: redirection" 303 "$CODE"
http "$WORK/reader.jar" GET "/indicateurs?annee=2025"
expect_eq "page nationale: 200" 200 "$CODE"
expect_contains "page nationale: titre" "<h1>Indicateurs communs — 2025</h1>" "$BODY"
expect_contains "navigation: Indicateurs" 'href="/indicateurs">Indicateurs</a>' "$BODY"
expect_contains "page nationale: thème" "<h2>Sensibilisation et formation</h2>" "$BODY"
expect_contains "page nationale: lien indicateur" "href=\"/indicateurs/indicateur/$PART?annee=2025\"" "$BODY"
expect_contains "page nationale: complétude vide" "0 ministère sur 3" "$BODY"
expect_contains "page nationale: incomplet signalé" ">Incomplet</span>" "$BODY"
expect_contains "page nationale: collectes" '<h2 id="collectes">Collectes 2025</h2>' "$BODY"
expect_contains "page nationale: lien ministère" 'href="/indicateurs/ministere/MIN-C?annee=2025"' "$BODY"
expect_contains "page nationale: tendance" 'role="img" aria-label="Valeur nationale' "$BODY"
expect_contains "page nationale: export" 'href="/indicateurs/export.xlsx?annee=2025"' "$BODY"
expect_absent "page nationale: pas d'import pour le lecteur" 'action="/indicateurs/import"' "$BODY"
http "$WORK/a.jar" GET "/indicateurs?annee=2025"
expect_contains "page nationale: import pour le référent" 'action="/indicateurs/import"' "$BODY"
http "$WORK/reader.jar" GET "/indicateurs?annee=deux-mille"
expect_eq "année invalide: 200" 200 "$CODE"
expect_contains "année invalide: signalée" "Année demandée invalide" "$(unescaped)"

# ---- the collection form ----
http "$WORK/a.jar" GET "$MA/saisie?annee=2024"
expect_eq "formulaire: 200" 200 "$CODE"
expect_contains "formulaire: champ décimal" 'inputmode="decimal" id="v-agents" name="v-agents"' "$BODY"
expect_contains "formulaire: libellé avec unité" 'for="v-part_agents_formes">Part des agents formés ou sensibilisés (%)' "$BODY"
expect_contains "formulaire: fieldset par thème" '<legend class="fr-fieldset__legend">Achats</legend>' "$BODY"
expect_contains "formulaire: valeur précédente" "Valeur 2023 : —" "$BODY"
expect_contains "formulaire: calculé en lecture seule" "Calculé par numeco : 40${NBSP}% (" "$BODY"
expect_absent "formulaire: pas de champ calculé" 'name="v-part_actions_realisees"' "$BODY"
expect_contains "formulaire: calculable sans données: champ" 'name="v-postes_de_travail"' "$BODY"
expect_contains "formulaire: calculable sans données: aide" "numeco le calcule quand il en a les données" "$(unescaped)"
expect_contains "formulaire: commentaire" 'name="c-part_agents_formes"' "$BODY"
http "$WORK/reader.jar" GET "$MA/saisie?annee=2024"
expect_eq "formulaire: lecteur refusé" 403 "$CODE"
http "$WORK/b.jar" GET "$MA/saisie?annee=2024"
expect_eq "formulaire: référent B refusé" 403 "$CODE"
http "$WORK/a.jar" GET "/indicateurs/ministere/MIN-A-DNUM/saisie?annee=2024"
expect_eq "formulaire: direction (pas un ministère)" 404 "$CODE"

before=$(data_dump)
http "$WORK/b.jar" POST "$MA/saisie" --data-urlencode "csrf=$CB" -d annee=2024 -d v-agents=5
expect_eq "saisie par B pour MIN-A: 403" 403 "$CODE"
http "$WORK/a.jar" POST "$MA/saisie" -d annee=2024 -d v-agents=5
expect_eq "saisie sans jeton CSRF: 403" 403 "$CODE"
expect_contains "saisie sans jeton CSRF: message" "Jeton de sécurité" "$BODY"
expect_eq "saisies refusées: base identique" "$before" "$(data_dump)"

http "$WORK/a.jar" POST "$MA/saisie" --data-urlencode "csrf=$CA" -d annee=2024 \
	-d v-agents=1000 -d v-agents_formes=100 --data-urlencode "v-$PART=10,5" \
	--data-urlencode "s-$PART=Bilan RH 2024" -D "$WORK/headers"
expect_eq "saisie 2024: 303" 303 "$CODE"
expect_eq "saisie 2024: redirection" "$MA?annee=2024&ok=valeurs" "$(location)"
expect_eq "saisie 2024: en base" "10.5|" "$(stored MIN-A 2024 $PART)"
expect_eq "saisie 2024: agents" "1000.0|" "$(stored MIN-A 2024 agents)"
http "$WORK/reader.jar" GET "$MA?annee=2024&ok=valeurs"
expect_contains "page ministère: message" "Valeurs enregistrées." "$BODY"
expect_contains "page ministère: valeur" ">10,5${NBSP}%</td>" "$BODY"
expect_contains "page ministère: source" "Source : Bilan RH 2024" "$BODY"
expect_contains "page ministère: origine" "<td>Saisie</td>" "$BODY"
expect_contains "page ministère: calculée" "<td>Calculée<br>" "$BODY"
expect_contains "page ministère: calculable sans données" "numeco n'a pas les données pour la calculer" "$(unescaped)"
expect_absent "page ministère: lecteur sans saisie" "/saisie" "$BODY"
expect_absent "page ministère: lecteur sans soumission" 'value="soumettre"' "$BODY"
http "$WORK/a.jar" GET "$MA?annee=2024"
expect_contains "page ministère: saisie pour A" "href=\"$MA/saisie?annee=2024\"" "$BODY"
expect_contains "page ministère: soumettre pour A" 'value="soumettre"' "$BODY"
expect_absent "page ministère: A ne valide pas" 'value="valider"' "$BODY"

# A value out of range: 400, the message at the field, what was typed kept,
# nothing stored (not even the valid field of the same form).
before=$(data_dump)
http "$WORK/a.jar" POST "$MA/saisie" --data-urlencode "csrf=$CA" -d annee=2025 \
	-d v-agents=1100 -d "v-$PART=150"
expect_eq "hors plage: 400" 400 "$CODE"
expect_contains "hors plage: erreur au champ" "aria-describedby=\"v-$PART-erreur\"" "$BODY"
expect_contains "hors plage: message" "supérieure au maximum" "$BODY"
expect_contains "hors plage: groupe en erreur" "fr-input-group--error" "$BODY"
expect_contains "hors plage: résumé avec lien" "<li><a href=\"#v-$PART\">" "$BODY"
expect_contains "hors plage: valeur gardée" "name=\"v-$PART\" value=\"150\"" "$BODY"
expect_contains "hors plage: autre valeur gardée" 'name="v-agents" value="1100"' "$BODY"
expect_contains "hors plage: rien d'enregistré" "rien n'a été enregistré" "$(unescaped)"
expect_eq "hors plage: base identique" "$before" "$(data_dump)"
http "$WORK/a.jar" POST "$MA/saisie" --data-urlencode "csrf=$CA" -d annee=2025 -d v-agents=abc
expect_eq "pas un nombre: 400" 400 "$CODE"

# A jump (more than ×3) asks for a confirmation comment.
http "$WORK/a.jar" POST "$MA/saisie" --data-urlencode "csrf=$CA" -d annee=2025 \
	-d v-agents=1000 -d "v-$PART=50"
expect_eq "saut sans commentaire: 400" 400 "$CODE"
expect_contains "saut sans commentaire: message" "ajoutez un commentaire qui confirme la valeur" "$BODY"
expect_eq "saut sans commentaire: base identique" "$before" "$(data_dump)"
http "$WORK/a.jar" POST "$MA/saisie" --data-urlencode "csrf=$CA" -d annee=2025 \
	-d v-agents=1000 -d v-agents_formes=120 -d "v-$PART=50" \
	--data-urlencode "c-$PART=Plan de formation <massif>" -D "$WORK/headers"
expect_eq "saut commenté: 303" 303 "$CODE"
expect_eq "saut commenté: en base" "50.0|Plan de formation <massif>" "$(stored MIN-A 2025 $PART)"
http "$WORK/a.jar" GET "$MA?annee=2025"
expect_contains "page ministère: année précédente" ">10,5${NBSP}%</td>" "$BODY"
expect_contains "page ministère: commentaire échappé" "Plan de formation &lt;massif&gt;" "$BODY"
# Nothing changed: the flash says so.
http "$WORK/a.jar" POST "$MA/saisie" --data-urlencode "csrf=$CA" -d annee=2025 -d v-agents=1000 \
	-D "$WORK/headers"
expect_eq "rien de changé: redirection" "$MA?annee=2025&ok=inchange" "$(location)"

# ---- states ----
http "$WORK/reader.jar" POST "$MA/etat" --data-urlencode "csrf=$CR" -d annee=2025 -d action=soumettre
expect_eq "lecteur: soumission refusée" 403 "$CODE"
http "$WORK/a.jar" POST "$MA/etat" --data-urlencode "csrf=$CA" -d annee=2025 -d action=publier
expect_eq "action inconnue: 400" 400 "$CODE"
http "$WORK/a.jar" POST "$MA/etat" -d annee=2025 -d action=soumettre
expect_eq "état sans jeton CSRF: 403" 403 "$CODE"
http "$WORK/a.jar" POST "$MA/etat" --data-urlencode "csrf=$CA" -d annee=2025 -d action=soumettre \
	-D "$WORK/headers"
expect_eq "soumission: 303" 303 "$CODE"
expect_eq "soumission: redirection" "$MA?annee=2025&ok=collecte" "$(location)"
expect_eq "soumission: en base" soumis "$(state MIN-A 2025)"
http "$WORK/a.jar" GET "$MA/saisie?annee=2025"
expect_eq "formulaire d'une collecte soumise: 409" 409 "$CODE"
before=$(data_dump)
http "$WORK/a.jar" POST "$MA/saisie" --data-urlencode "csrf=$CA" -d annee=2025 -d v-agents=7
expect_eq "saisie sur collecte soumise: 409" 409 "$CODE"
http "$WORK/a.jar" POST "$MA/etat" --data-urlencode "csrf=$CA" -d annee=2025 -d action=valider
expect_eq "référent qui valide sa collecte: 403" 403 "$CODE"
expect_contains "référent qui valide: message" "n&#39;a pas le droit de faire passer la collecte 2025" "$BODY"
http "$WORK/admin.jar" POST "$MA/etat" --data-urlencode "csrf=$CADM" -d annee=2025 -d action=rouvrir
expect_eq "rouvrir une collecte soumise: 409" 409 "$CODE"
expect_eq "refus d'état: base identique" "$before" "$(data_dump)"
# An empty collection is not submitted.
http "$WORK/b.jar" POST "$MB/etat" --data-urlencode "csrf=$CB" -d annee=2025 -d action=soumettre
expect_eq "collecte vide: 409" 409 "$CODE"

# MIN-B enters and submits: the national weighted mean counts both.
http "$WORK/b.jar" POST "$MB/saisie" --data-urlencode "csrf=$CB" -d annee=2025 \
	-d v-agents=3000 -d "v-$PART=20"
expect_eq "saisie MIN-B: 303" 303 "$CODE"
http "$WORK/reader.jar" GET "/indicateurs?annee=2025"
expect_contains "national: seule la collecte soumise compte" "1 ministère sur 3, aucun validé" "$BODY"
expect_contains "national: valeur de MIN-A seule" ">50${NBSP}%</td>" "$BODY"
http "$WORK/b.jar" POST "$MB/etat" --data-urlencode "csrf=$CB" -d annee=2025 -d action=soumettre
expect_eq "soumission MIN-B: 303" 303 "$CODE"
http "$WORK/admin.jar" GET "$MA?annee=2025"
expect_contains "admin: bouton valider" 'value="valider"' "$BODY"
expect_contains "admin: renvoyer en brouillon" "Renvoyer en brouillon" "$BODY"
http "$WORK/admin.jar" POST "$MA/etat" --data-urlencode "csrf=$CADM" -d annee=2025 -d action=valider
expect_eq "validation par l'admin: 303" 303 "$CODE"
expect_eq "validation: en base" valide "$(state MIN-A 2025)"
http "$WORK/reader.jar" GET "/indicateurs?annee=2025"
# (50 × 1000 + 20 × 3000) / 4000 = 27,5.
expect_contains "national: moyenne pondérée" ">27,5${NBSP}%</td>" "$BODY"
expect_contains "national: complétude" "2 ministères sur 3, dont 1 validé" "$BODY"
expect_contains "national: somme" ">4${NNBSP}000${NBSP}agents</td>" "$BODY"
expect_contains "national: collectes" "3 ministères : 1 en brouillon, 1 soumis, 1 validé." "$BODY"
http "$WORK/a.jar" POST "$MA/etat" --data-urlencode "csrf=$CA" -d annee=2025 -d action=retirer
expect_eq "retirer une collecte validée: 409" 409 "$CODE"
http "$WORK/admin.jar" POST "$MA/etat" --data-urlencode "csrf=$CADM" -d annee=2025 -d action=rouvrir
expect_eq "rouvrir par l'admin: 303" 303 "$CODE"
expect_eq "rouvrir: en base" brouillon "$(state MIN-A 2025)"
http "$WORK/a.jar" POST "$MA/etat" --data-urlencode "csrf=$CA" -d annee=2025 -d action=soumettre
http "$WORK/admin.jar" POST "$MA/etat" --data-urlencode "csrf=$CADM" -d annee=2025 -d action=valider
expect_eq "validée de nouveau" valide "$(state MIN-A 2025)"
run_status nc log --limit 0
expect_contains "journal: valeur saisie sur le web" "$REF_A  création indicateur MIN-A/2025/$PART" "$OUT"

# ---- one indicator ----
http "$WORK/reader.jar" GET "/indicateurs/indicateur/$PART?annee=2025"
expect_eq "page indicateur: 200" 200 "$CODE"
expect_contains "page indicateur: pondération" "Moyenne pondérée, pondérée par : Agents du ministère" "$BODY"
expect_contains "page indicateur: courbe" 'aria-labelledby="tendance-t tendance-d"' "$BODY"
expect_contains "page indicateur: comparaison" 'aria-labelledby="comparaison-t comparaison-d"' "$BODY"
expect_contains "page indicateur: non transmis" "non transmis" "$BODY"
expect_contains "page indicateur: colonne de pondération" "Pondération : Agents du ministère" "$BODY"
expect_absent "page indicateur: pas de modification pour le lecteur" "/modifier" "$BODY"
http "$WORK/reader.jar" GET "/indicateurs/indicateur/inconnu"
expect_eq "indicateur inconnu: 404" 404 "$CODE"

# ---- the admin's edit form ----
http "$WORK/a.jar" GET "/indicateurs/indicateur/$PART/modifier"
expect_eq "modification par un référent: 403" 403 "$CODE"
http "$WORK/admin.jar" GET "/indicateurs/indicateur/$PART/modifier"
expect_eq "formulaire de modification: 200" 200 "$CODE"
expect_contains "formulaire de modification: pondération choisie" '<option value="agents" selected>' "$BODY"
before=$(data_dump)
http "$WORK/admin.jar" POST "/indicateurs/indicateur/$PART/modifier" --data-urlencode "csrf=$CADM" \
	--data-urlencode "libelle=" --data-urlencode "unite=%" -d minimum=abc -d maximum=100 \
	-d sens=hausse --data-urlencode "cibles=2025=200" -d ponderation=agents
expect_eq "modification invalide: 400" 400 "$CODE"
expect_contains "modification invalide: libellé" 'id="f-libelle-erreur"' "$BODY"
expect_contains "modification invalide: minimum" 'id="f-minimum-erreur"' "$BODY"
expect_contains "modification invalide: cible" "cible 2025=200 supérieure au maximum" "$BODY"
expect_eq "modification invalide: base identique" "$before" "$(data_dump)"
http "$WORK/admin.jar" POST "/indicateurs/indicateur/$PART/modifier" --data-urlencode "csrf=$CADM" \
	--data-urlencode "libelle=Part des agents formés" --data-urlencode "unite=%" -d minimum=0 \
	-d maximum=100 -d sens=hausse --data-urlencode "cibles=2024=20|2025=40" -d ponderation=agents \
	-D "$WORK/headers"
expect_eq "modification: 303" 303 "$CODE"
expect_eq "modification: redirection" "/indicateurs/indicateur/$PART?ok=indicateur" "$(location)"
expect_eq "modification: cibles en base" "2024=20.0 2025=40.0" "$(sqlite3 "$NUMECO_DB" "SELECT group_concat(t.year || '=' || t.value, ' ')
	FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id WHERE i.code = '$PART'")"
http "$WORK/reader.jar" GET "/indicateurs?annee=2025"
expect_contains "national: cible" ">40${NBSP}%</td>" "$BODY"
expect_contains "national: écart (non atteinte)" ">Non atteinte</span> <span class=\"nc-num\">−12,5 points</span>" "$BODY"
http "$WORK/reader.jar" GET "/indicateurs/indicateur/$PART?annee=2025"
expect_contains "page indicateur: ligne de cible" 'stroke-dasharray="6 4"' "$BODY"
expect_contains "page indicateur: cible 2025 non atteinte" ">Non atteinte</span>" "$BODY"

# ---- import ----
printf 'Ministère;Année;Indicateur;Valeur;Commentaire\nMIN-A;2023;agents;900;\nMIN-A;2023;%s;150;\nMIN-B;2023;agents;10;\nMIN-A;2023;inconnu;1;\n' \
	"$PART" >"$WORK/mauvais.csv"
before=$(data_dump)
http "$WORK/reader.jar" POST /indicateurs/import -F "csrf=$CR" -F "fichier=@$WORK/mauvais.csv"
expect_eq "import par le lecteur: 403" 403 "$CODE"
http "$WORK/a.jar" POST /indicateurs/import -F "csrf=$CA" -F "fichier=@$WORK/mauvais.csv"
expect_eq "import fautif: 422" 422 "$CODE"
page=$(unescaped)
expect_contains "import fautif: ligne 3" "mauvais.csv:3: Valeur: valeur 150" "$page"
expect_contains "import fautif: ligne 4 (autre ministère)" "mauvais.csv:4: Ministère: $REF_A n'a pas le droit" "$page"
expect_contains "import fautif: ligne 5" "mauvais.csv:5: Indicateur: indicateur inconnu" "$page"
expect_contains "import fautif: rien d'enregistré" "rien n'a été enregistré" "$page"
expect_eq "import fautif: base identique" "$before" "$(data_dump)"
http "$WORK/a.jar" POST /indicateurs/import -F "csrf=$CA"
expect_eq "import sans fichier: 400" 400 "$CODE"
printf 'Ministère;Année;Indicateur;Valeur;Commentaire\nMIN-A;2023;agents;900;\nMIN-A;2023;%s;15;importé\n' \
	"$PART" >"$WORK/bon.csv"
http "$WORK/a.jar" POST /indicateurs/import -F "csrf=$CA" -F "fichier=@$WORK/bon.csv"
expect_eq "import: 200" 200 "$CODE"
expect_contains "import: compte" "2 valeurs enregistrées" "$BODY"
expect_eq "import: en base" "15.0|importé" "$(stored MIN-A 2023 $PART)"

# ---- exports ----
CODE=$(curl -s -o "$WORK/export.csv" -D "$WORK/headers" -w '%{http_code}' -b "$WORK/reader.jar" \
	"$BASE/indicateurs/export.csv?annee=2025&ministere=MIN-A")
expect_eq "export CSV: 200" 200 "$CODE"
expect_contains "export CSV: nom" 'filename="indicateurs-MIN-A-2025.csv"' "$(cat "$WORK/headers")"
expect_contains "export CSV: en-tête" "Ministère;Nom du ministère;Année;Indicateur" "$(cat "$WORK/export.csv")"
expect_contains "export CSV: valeur" "MIN-A;Ministère de l'Exemple;2025;$PART;Part des agents formés;%;50;Plan de formation <massif>;;saisie;Validé" "$(cat "$WORK/export.csv")"
expect_absent "export CSV: un seul ministère" "MIN-B" "$(cat "$WORK/export.csv")"
CODE=$(curl -s -o "$WORK/export.xlsx" -w '%{http_code}' -b "$WORK/reader.jar" "$BASE/indicateurs/export.xlsx")
expect_eq "export XLSX: 200" 200 "$CODE"
expect_eq "export XLSX: zip" "PK" "$(head -c 2 "$WORK/export.xlsx")"
http "$WORK/reader.jar" GET "/indicateurs/export.csv?ministere=ZZZ"
expect_eq "export d'un ministère inconnu: 404" 404 "$CODE"

# ---- JSON API ----
http "$WORK/personne.jar" GET /api/v1/indicateurs
expect_eq "API sans authentification: 401" 401 "$CODE"
http "$WORK/reader.jar" GET /api/v1/indicateurs
expect_eq "API catalogue: 200" 200 "$CODE"
jexpect "API catalogue: 24 indicateurs" 24 'j.indicateurs.length'
jexpect "API catalogue: pondération" agents "j.indicateurs.find(i => i.code === '$PART').ponderation"
jexpect "API catalogue: cibles" '[{"annee":2024,"valeur":20},{"annee":2025,"valeur":40}]' \
	"j.indicateurs.find(i => i.code === '$PART').cibles"
http "$WORK/reader.jar" GET "/api/v1/indicateurs/national?annee=2025"
expect_eq "API nationale: 200" 200 "$CODE"
jexpect "API nationale: valeur" 27.5 "j.indicateurs.find(i => i.code === '$PART').valeur"
jexpect "API nationale: complétude" "2 3 1" "(x => [x.ministeres_comptes, x.ministeres_attendus, x.ministeres_valides].join(' '))(j.indicateurs.find(i => i.code === '$PART'))"
jexpect "API nationale: écart" "-12.5 false" "(x => x.ecart + ' ' + x.cible_atteinte)(j.indicateurs.find(i => i.code === '$PART'))"
jexpect "API nationale: collectes" '{"brouillon":1,"soumis":1,"valide":1}' 'j.collectes'
http "$WORK/reader.jar" GET "/api/v1/indicateurs/national?annee=20x5"
expect_eq "API nationale: année invalide" 400 "$CODE"
http "$WORK/reader.jar" GET "/api/v1/organisations/MIN-A/indicateurs?annee=2025"
expect_eq "API ministère: 200" 200 "$CODE"
jexpect "API ministère: état" valide 'j.etat'
jexpect "API ministère: valeur saisie" '50 saisie Plan de formation <massif>' "(x => x.valeur + ' ' + x.origine + ' ' + x.commentaire)(j.valeurs.find(i => i.code === '$PART'))"
jexpect "API ministère: calculée sans donnée" null "j.valeurs.find(i => i.code === 'postes_de_travail').valeur"
http "$WORK/reader.jar" GET "/api/v1/organisations/MIN-A-DNUM/indicateurs"
expect_eq "API ministère: direction 404" 404 "$CODE"

finish
