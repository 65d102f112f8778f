#!/usr/bin/env bash
# web_workflow.sh: the review workflow (states, recommendations, rights,
# CSRF), roadmap import and export, and footprint evaluation through the
# HTML forms of a real `numeco serve`.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/web_lib.sh"
setup_db
nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2022 >/dev/null
set_passwords
# The server's temporary files land here, to check they are removed.
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"
start_server

ADMIN=admin@mission.exemple.gouv.fr
REF_A=referent@a.exemple.gouv.fr
REF_B=referent@b.exemple.gouv.fr
READER=lecteur@a.exemple.gouv.fr
P=/ministeres/MIN-A/2022
S="$DATA/footprint/samples"

# The stored data without sessions and tokens (every request may touch those).
data_dump() { db_dump | grep -v '^INSERT INTO "\{0,1\}\(session\|api_token\)"\{0,1\} '; }
state() {
	sqlite3 "$NUMECO_DB" "SELECT r.state FROM roadmap r JOIN org o ON o.id = r.org_id
		WHERE o.code = '$1' AND r.period = '$2'"
}
# The Location header of the last answer (http ... -D "$WORK/headers").
location() { tr -d '\r' <"$WORK/headers" | sed -n 's/^[Ll]ocation: //p'; }
# $BODY with the entities html_esc writes turned back into characters.
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

for who in a:$REF_A b:$REF_B admin:$ADMIN reader:$READER; do
	login "$WORK/${who%%:*}.jar" "${who#*:}"
done
CA=$(csrf "$WORK/a.jar" /)
CB=$(csrf "$WORK/b.jar" /)
CADM=$(csrf "$WORK/admin.jar" /)
CR=$(csrf "$WORK/reader.jar" /)
expect_eq "jeton CSRF de A" 64 "${#CA}"

# ---- review states ----
# Another ministry's référent may not submit MIN-A's roadmap; nothing changes.
before=$(data_dump)
http "$WORK/b.jar" POST "$P/etat" --data-urlencode "csrf=$CB" -d etat=soumise
expect_eq "référent B: soumission refusée" 403 "$CODE"
expect_contains "référent B: message" "n&#39;a pas le droit de faire passer la feuille de route MIN-A 2022" "$BODY"
expect_eq "référent B: base identique" "$before" "$(data_dump)"
# A form without its CSRF token is refused.
http "$WORK/a.jar" POST "$P/etat" -d etat=soumise
expect_eq "sans jeton CSRF: refus" 403 "$CODE"
expect_contains "sans jeton CSRF: message" "Jeton de sécurité" "$BODY"
http "$WORK/a.jar" POST "$P/etat" -d etat=soumise -d csrf=0000
expect_eq "jeton CSRF faux: refus" 403 "$CODE"
expect_eq "sans jeton CSRF: base identique" "$before" "$(data_dump)"
# An unknown state, an unknown roadmap.
http "$WORK/a.jar" POST "$P/etat" --data-urlencode "csrf=$CA" -d etat=publiee
expect_eq "état inconnu" 400 "$CODE"
http "$WORK/a.jar" POST /ministeres/MIN-A/2030/etat --data-urlencode "csrf=$CA" -d etat=soumise
expect_eq "feuille de route absente" 404 "$CODE"

# Its own référent submits.
http "$WORK/a.jar" POST "$P/etat" --data-urlencode "csrf=$CA" -d etat=soumise -D "$WORK/headers"
expect_eq "soumission par A: 303" 303 "$CODE"
expect_eq "soumission: redirection" "/ministeres/MIN-A?periode=2022&ok=etat" "$(location)"
expect_eq "soumission: état en base" soumise "$(state MIN-A 2022)"

# Skipping a state is refused (409), with the plan's message.
before=$(data_dump)
http "$WORK/admin.jar" POST "$P/etat" --data-urlencode "csrf=$CADM" -d etat=validee
expect_eq "saut d'état: 409" 409 "$CODE"
expect_contains "saut d'état: message" "est « Soumise » : elle ne peut pas passer à « Validée »" "$BODY"
expect_eq "saut d'état: base identique" "$before" "$(data_dump)"
# The référent may not mark it read.
http "$WORK/a.jar" POST "$P/etat" --data-urlencode "csrf=$CA" -d etat=relue
expect_eq "référent: relue refusée" 403 "$CODE"
expect_eq "référent: relue refusée, base identique" "$before" "$(data_dump)"

# ---- recommendations ----
http "$WORK/reader.jar" POST "$P/recommandations" --data-urlencode "csrf=$CR" \
	--data-urlencode "texte=Lecture seule" -d type=recommandation
expect_eq "lecteur: recommandation refusée" 403 "$CODE"
expect_contains "lecteur: message" "rôle admin requis" "$BODY"
http "$WORK/a.jar" POST "$P/recommandations" --data-urlencode "csrf=$CA" \
	--data-urlencode "texte=Auto-recommandation" -d type=recommandation
expect_eq "référent: recommandation refusée" 403 "$CODE"
expect_eq "recommandation refusée: base identique" "$before" "$(data_dump)"
# Problems are shown next to their field, the text typed is kept.
http "$WORK/admin.jar" POST "$P/recommandations" --data-urlencode "csrf=$CADM" \
	--data-urlencode "texte=   " -d type=recommandation
expect_eq "texte vide: 400" 400 "$CODE"
expect_contains "texte vide: erreur au champ" 'aria-describedby="reco-texte-erreur"' "$BODY"
http "$WORK/admin.jar" POST "$P/recommandations" --data-urlencode "csrf=$CADM" \
	--data-urlencode "texte=Sur une action <inconnue>" -d action=ZZZ -d type=commentaire
expect_eq "action inconnue: 400" 400 "$CODE"
expect_contains "action inconnue: erreur au champ" 'id="reco-action-erreur"' "$BODY"
expect_contains "action inconnue: texte gardé, échappé" "Sur une action &lt;inconnue&gt;</textarea>" "$BODY"
expect_eq "recommandations invalides: base identique" "$before" "$(data_dump)"

http "$WORK/admin.jar" POST "$P/recommandations" --data-urlencode "csrf=$CADM" \
	--data-urlencode "texte=Chiffrer les gains de l'action A-02." -d type=recommandation \
	-D "$WORK/headers"
expect_eq "recommandation de l'admin: 303" 303 "$CODE"
expect_eq "recommandation: redirection" "/ministeres/MIN-A?periode=2022&ok=recommandation" "$(location)"
http "$WORK/admin.jar" POST "$P/recommandations" --data-urlencode "csrf=$CADM" \
	--data-urlencode "texte=Belle action." -d type=commentaire -d action=A-04
expect_eq "commentaire sur action: 303" 303 "$CODE"
expect_eq "deux entrées en base" 2 "$(sqlite3 "$NUMECO_DB" 'SELECT count(*) FROM review')"
RID=$(sqlite3 "$NUMECO_DB" "SELECT id FROM review WHERE kind = 'recommandation'")

# Marking addressed: the ministry's référent (not another one).
before=$(data_dump)
http "$WORK/b.jar" POST "$P/recommandations/$RID/traitee" --data-urlencode "csrf=$CB" -d traitee=1
expect_eq "référent B: traitée refusée" 403 "$CODE"
http "$WORK/reader.jar" POST "$P/recommandations/$RID/traitee" --data-urlencode "csrf=$CR" -d traitee=1
expect_eq "lecteur: traitée refusée" 403 "$CODE"
http "$WORK/a.jar" POST "$P/recommandations/999/traitee" --data-urlencode "csrf=$CA" -d traitee=1
expect_eq "recommandation inconnue: 404" 404 "$CODE"
expect_eq "traitée refusée: base identique" "$before" "$(data_dump)"
http "$WORK/a.jar" POST "$P/recommandations/$RID/traitee" --data-urlencode "csrf=$CA" -d traitee=1 \
	-D "$WORK/headers"
expect_eq "traitée par A: 303" 303 "$CODE"
expect_eq "traitée: redirection" "/ministeres/MIN-A?periode=2022&ok=traitee" "$(location)"
expect_eq "traitée en base" 1 "$(sqlite3 "$NUMECO_DB" "SELECT addressed FROM review WHERE id = $RID")"

# The admin reads, then validates.
http "$WORK/admin.jar" POST "$P/etat" --data-urlencode "csrf=$CADM" -d etat=relue
expect_eq "relue: 303" 303 "$CODE"
expect_eq "relue en base" relue "$(state MIN-A 2022)"
http "$WORK/admin.jar" POST "$P/etat" --data-urlencode "csrf=$CADM" -d etat=validee
expect_eq "validée: 303" 303 "$CODE"
expect_eq "validée en base" validee "$(state MIN-A 2022)"

# The audit log names the people who acted through the web.
run_status nc log --org MIN-A --period 2022 --limit 0
expect_contains "journal: soumission par A" "$REF_A  changement d'état roadmap MIN-A/2022" "$OUT"
expect_contains "journal: validation" "$ADMIN  changement d'état roadmap MIN-A/2022"$'\n'"    État : Relue → Validée" "$OUT"
expect_contains "journal: traitée" "Traitée : non → oui" "$OUT"

# ---- import ----
http "$WORK/a.jar" GET /ministeres/MIN-A/2023/import
expect_eq "formulaire d'import: 200" 200 "$CODE"
expect_contains "formulaire d'import: DSFR" 'class="fr-upload-group' "$BODY"
expect_contains "formulaire d'import: multipart" 'enctype="multipart/form-data"' "$BODY"
expect_contains "formulaire d'import: essai" 'name="essai"' "$BODY"
http "$WORK/reader.jar" GET /ministeres/MIN-A/2023/import
expect_eq "formulaire d'import: lecteur refusé" 403 "$CODE"
http "$WORK/a.jar" GET /ministeres/NOPE/2023/import
expect_eq "formulaire d'import: organisation inconnue" 404 "$CODE"

before=$(data_dump)
http "$WORK/b.jar" POST /ministeres/MIN-A/2023/import -F "csrf=$CB" \
	-F "fichier=@$DATA/roadmaps/min-a-2022.csv"
expect_eq "import par B: refusé" 403 "$CODE"
http "$WORK/reader.jar" POST /ministeres/MIN-A/2023/import -F "csrf=$CR" \
	-F "fichier=@$DATA/roadmaps/min-a-2022.csv"
expect_eq "import par le lecteur: refusé" 403 "$CODE"
http "$WORK/a.jar" POST /ministeres/MIN-A/2023/import -F "fichier=@$DATA/roadmaps/min-a-2022.csv"
expect_eq "import sans jeton CSRF: refusé" 403 "$CODE"
http "$WORK/a.jar" POST /ministeres/MIN-A/2023/import -F "csrf=$CA"
expect_eq "import sans fichier: 400" 400 "$CODE"
expect_contains "import sans fichier: erreur au champ" 'aria-describedby="fichier-erreur"' "$BODY"
# The validated roadmap is frozen.
http "$WORK/a.jar" POST "$P/import" -F "csrf=$CA" -F "fichier=@$DATA/roadmaps/min-a-2022.csv"
expect_eq "import sur validée: 409" 409 "$CODE"
expect_contains "import sur validée: message" "est validée" "$BODY"
# A dry run checks and counts, stores nothing.
http "$WORK/a.jar" POST /ministeres/MIN-A/2024/import -F "csrf=$CA" -F essai=1 \
	-F "fichier=@$DATA/roadmaps/min-a-2022.csv"
expect_eq "essai: 200" 200 "$CODE"
expect_contains "essai: annoncé" "rien n'a été enregistré" "$(unescaped)"
expect_eq "imports refusés et essai: base identique" "$before" "$(data_dump)"

# Faulty files: 422, every diagnostic as the command line prints it, nothing stored.
for f in 02-missing-column 24-many-errors; do
	http "$WORK/a.jar" POST /ministeres/MIN-A/2023/import -F "csrf=$CA" \
		-F "fichier=@$DATA/bad/$f.csv"
	expect_eq "$f: 422" 422 "$CODE"
	page=$(unescaped)
	expect_contains "$f: rien n'est enregistré" "rien n'a été enregistré" "$page"
	while IFS= read -r line; do
		expect_contains "$f: diagnostic" "$line" "$page"
	done <"$DATA/bad/$f.expected"
	expect_contains "$f: tableau" '<caption>Problèmes relevés dans '"$f"'.csv</caption>' "$BODY"
	expect_eq "$f: base identique" "$before" "$(data_dump)"
done

http "$WORK/a.jar" POST /ministeres/MIN-A/2023/import -F "csrf=$CA" \
	-F "fichier=@$DATA/roadmaps/min-a-2022.csv"
expect_eq "import par A: 200" 200 "$CODE"
n=$(sqlite3 "$NUMECO_DB" "SELECT count(*) FROM action a JOIN roadmap r ON r.id = a.roadmap_id
	JOIN org o ON o.id = r.org_id WHERE o.code = 'MIN-A' AND r.period = '2022'")
expect_contains "import: compte" "$n actions lues" "$BODY"
expect_contains "import: créées" "$n créées" "$BODY"
expect_contains "import: lien" 'href="/ministeres/MIN-A?periode=2023&amp;ok=importe"' "$BODY"
expect_eq "import: feuille de route créée" brouillon "$(state MIN-A 2023)"
nc export roadmap --org MIN-A --period 2022 >"$WORK/a-2022.csv"
nc export roadmap --org MIN-A --period 2023 >"$WORK/a-2023.csv"
cmp -s "$WORK/a-2022.csv" "$WORK/a-2023.csv" && check || fail "import: contenu différent de 2022"
run_status nc log --org MIN-A --period 2023 --limit 0
expect_contains "import: journal" "$REF_A  création action MIN-A/2023/A-01" "$OUT"

# ---- export ----
CODE=$(curl -s -o "$WORK/web.csv" -D "$WORK/headers" -w '%{http_code}' -b "$WORK/reader.jar" \
	"$BASE$P/export.csv")
expect_eq "export: 200" 200 "$CODE"
cmp -s "$WORK/web.csv" "$WORK/a-2022.csv" && check || fail "export: différent de numeco export roadmap"
expect_contains "export: type" "Content-Type: text/csv; charset=utf-8" "$(tr -d '\r' <"$WORK/headers")"
expect_contains "export: nom" 'filename="MIN-A-2022.csv"' "$(cat "$WORK/headers")"
http "$WORK/a.jar" GET /ministeres/MIN-B/2022/export.csv
expect_eq "export absent: 404" 404 "$CODE"

# ---- footprint ----
INPUTS=(-F "datacenters=@$S/1-datacenter.csv" -F "physical=@$S/2-physicalEquipments.csv"
	-F "virtual=@$S/3-virtualEquipments.csv" -F "applications=@$S/4-applications.csv")
http "$WORK/a.jar" GET /empreinte
expect_eq "empreinte: 200" 200 "$CODE"
expect_contains "empreinte: référentiel ouvert proposé" 'value="numeco-ouvert@2025.1"' "$BODY"
expect_contains "empreinte: enregistrer pour MIN-A" '<option value="MIN-A">' "$BODY"
expect_absent "empreinte: pas MIN-B pour A" '<option value="MIN-B">' "$BODY"
expect_contains "empreinte: aucune évaluation" "Aucune évaluation enregistrée" "$BODY"

cli_total=$(nc footprint evaluate --datacenters "$S/1-datacenter.csv" \
	--physical "$S/2-physicalEquipments.csv" --virtual "$S/3-virtualEquipments.csv" \
	--applications "$S/4-applications.csv" --date 2025-06-01 |
	awk -F'|' '/^\| Climate change \|/ { v = $8; gsub(/^ +| +$/, "", v); print v }')
[ -n "$cli_total" ] && check || fail "numeco footprint evaluate: total introuvable"

before=$(data_dump)
http "$WORK/a.jar" POST /empreinte -F "csrf=$CA" "${INPUTS[@]}" \
	-F referentiel=numeco-ouvert@2025.1 -F duree_vie=reelle -F date=2025-06-01
expect_eq "évaluation: 200" 200 "$CODE"
expect_contains "évaluation: total = numeco footprint evaluate" ">$cli_total</td></tr>" "$BODY"
expect_contains "évaluation: par entité" "Entity 3" "$BODY"
expect_contains "évaluation: fichier nommé" "2-physicalEquipments.csv" "$BODY"
expect_contains "évaluation: rien d'enregistré" "rien n'a été enregistré" "$(unescaped)"
expect_eq "évaluation seule: base identique" "$before" "$(data_dump)"
expect_eq "évaluation: dossier temporaire supprimé" "" "$(ls -A "$TMPDIR")"

# Problems: a missing file next to its field, a faulty file listed (422).
http "$WORK/a.jar" POST /empreinte -F "csrf=$CA" -F referentiel=numeco-ouvert@2025.1
expect_eq "sans fichier physique: 400" 400 "$CODE"
expect_contains "sans fichier physique: erreur au champ" 'id="fp-physical-erreur"' "$BODY"
printf 'nom;quantite\nx;1\n' >"$WORK/physique-faux.csv"
http "$WORK/a.jar" POST /empreinte -F "csrf=$CA" -F "physical=@$WORK/physique-faux.csv" \
	-F referentiel=numeco-ouvert@2025.1
expect_eq "fichier faux: 422" 422 "$CODE"
expect_contains "fichier faux: diagnostic nommé" "physique-faux.csv:1" "$BODY"
expect_absent "fichier faux: chemin temporaire caché" "numeco-web-" "$BODY"
http "$WORK/a.jar" POST /empreinte -F "csrf=$CA" "${INPUTS[@]}" -F referentiel=inconnu@1
expect_eq "référentiel inconnu: 400" 400 "$CODE"
expect_eq "erreurs d'évaluation: base identique" "$before" "$(data_dump)"
expect_eq "erreurs: dossiers temporaires supprimés" "" "$(ls -A "$TMPDIR")"

# Saving: not for another ministry; yes for one's own.
http "$WORK/b.jar" POST /empreinte -F "csrf=$CB" "${INPUTS[@]}" \
	-F referentiel=numeco-ouvert@2025.1 -F date=2025-06-01 -F org=MIN-A -F annee=2025
expect_eq "B enregistre pour MIN-A: 403" 403 "$CODE"
http "$WORK/a.jar" POST /empreinte -F "csrf=$CA" "${INPUTS[@]}" \
	-F referentiel=numeco-ouvert@2025.1 -F date=2025-06-01 -F org=MIN-A -F annee=
expect_eq "année absente: 400" 400 "$CODE"
expect_contains "année absente: erreur au champ" 'id="fp-annee-erreur"' "$BODY"
expect_eq "enregistrements refusés: base identique" "$before" "$(data_dump)"

http "$WORK/a.jar" POST /empreinte -F "csrf=$CA" "${INPUTS[@]}" \
	-F referentiel=numeco-ouvert@2025.1 -F date=2025-06-01 -F org=MIN-A -F annee=2025
expect_eq "A enregistre pour MIN-A: 200" 200 "$CODE"
expect_contains "enregistrée: annonce" "Évaluation enregistrée pour MIN-A" "$BODY"
run_status nc footprint list
expect_contains "footprint list: MIN-A 2025" "MIN-A" "$OUT"
expect_contains "footprint list: année" "2025" "$OUT"
run_status nc log --limit 1
expect_contains "journal: empreinte" "$REF_A  création footprint MIN-A/2025" "$OUT"
http "$WORK/reader.jar" GET /empreinte/MIN-A/2025
expect_eq "évaluation enregistrée: 200" 200 "$CODE"
expect_contains "évaluation enregistrée: total" ">$cli_total</td></tr>" "$BODY"
http "$WORK/reader.jar" GET /empreinte/MIN-B/2025
expect_eq "évaluation absente: 404" 404 "$CODE"
http "$WORK/reader.jar" GET /empreinte
expect_contains "liste: lien" 'href="/empreinte/MIN-A/2025"' "$BODY"
expect_absent "lecteur: rien à enregistrer" '<option value="MIN-A">' "$BODY"
expect_eq "enregistrement: dossier temporaire supprimé" "" "$(ls -A "$TMPDIR")"

finish
