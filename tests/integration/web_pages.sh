#!/usr/bin/env bash
# web_pages.sh: the ministry page (filters, sorting, pagination), the action
# page and its edit form through a real `numeco serve`: sign-in, rights
# (référent, correspondant of a direction, lecteur), validation messages,
# CSRF, escaping of stored text, version conflicts and the audit log.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/web_lib.sh"
setup_db
nc import roadmap "$DATA/roadmaps/min-a-2022.csv" --org MIN-A --period 2022 >/dev/null

# A roadmap of 120 actions for the pagination: refs P-001…P-120, titles in
# the reverse order, every other one owned by MIN-B-DAF, one in ten a key action.
{
	printf '%s\n' "Référence;Titre;Thème;Niveau d'engagement visé;Statut;Action clé;Direction pilote;Échéance"
	themes=(strategie sensibilisation achats conception datacenter usage fin_de_vie)
	statuses=(a_lancer en_cours realisee reportee abandonnee)
	for i in $(seq 1 120); do
		dir=""
		[ $((i % 2)) -eq 0 ] && dir=MIN-B-DAF
		key=non
		[ $((i % 10)) -eq 0 ] && key=oui
		printf 'P-%03d;Titre %03d;%s;reflexion;%s;%s;%s;%02d/01/2024\n' "$i" $((121 - i)) \
			"${themes[$((i % 7))]}" "${statuses[$((i % 5))]}" "$key" "$dir" $((i % 28 + 1))
	done
} >"$WORK/big.csv"
nc import roadmap "$WORK/big.csv" --org MIN-B --period 2023 >/dev/null
nc review add --org MIN-A --period 2022 --action A-04 --kind commentaire --text "Belle action, à généraliser." >/dev/null
nc review add --org MIN-A --period 2022 --text "Chiffrer les gains des actions clés." >/dev/null
nc action estimate A-02 --org MIN-A --period 2022 --method allongement \
	--param n=1200 --param type=Laptop --param l0=4 --param l1=5 >/dev/null
set_passwords
start_server

ADMIN=admin@mission.exemple.gouv.fr
REF_A=referent@a.exemple.gouv.fr
REF_B=referent@b.exemple.gouv.fr
CORR=correspondant@a.exemple.gouv.fr
READER=lecteur@a.exemple.gouv.fr
MIN_A=/ministeres/MIN-A
ACT=/ministeres/MIN-A/2022/actions

for who in ADMIN REF_A REF_B CORR READER; do
	login "$WORK/jar.$who" "${!who}"
done

# The stored data without sessions and tokens (every request may touch those)
# nor the sign-in bookkeeping of people.
data_dump() { sqlite3 "$NUMECO_DB" ".dump org roadmap action review audit action_estimate"; }

expect_absent() {
	check
	case "$3" in
	*"$2"*) fail "$1: «$2» présent" ;;
	esac
}

# get WHO PATH: GET as WHO (a jar name; "anon" for nobody), sets CODE, BODY, LOCATION.
get() {
	local jar="$WORK/jar.$1"
	[ "$1" = anon ] && jar="$WORK/jar.anon" && : >"$jar"
	http "$jar" GET "$2" -D "$WORK/headers"
	LOCATION=$(sed -n 's/^Location: *//Ip' "$WORK/headers" | tr -d '\r')
}

# rows: the action refs of the table in $BODY, in order, on one line.
rows() { printf '%s' "$BODY" | grep -o '/actions/[A-Z0-9-]*">[A-Z0-9-]*</a></th>' | sed 's/.*">\([^<]*\)<.*/\1/' | tr '\n' ' ' | sed 's/ $//'; }

# The edit form's fields, with the values of the assoc array F.
FIELDS=(titre description theme niveau statut cle direction debut echeance budget indicateur impact unite methode commentaire)
declare -A F
reset_fields() {
	F=([titre]="Former les acheteurs" [description]="" [theme]=sensibilisation
		[niveau]=experimentation [statut]=a_lancer [cle]="" [direction]=""
		[debut]="" [echeance]="" [budget]="12 000" [indicateur]="" [impact]="" [unite]=""
		[methode]="" [commentaire]="")
}

# version_of WHO REF: the version carried by the edit form of REF (MIN-A 2022).
version_of() {
	curl -s -b "$WORK/jar.$1" "$BASE$ACT/$2/modifier" |
		sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p' | head -1
}

# post_edit WHO REF VERSION [TOKEN]: posts F as WHO's edit of REF, with WHO's
# CSRF token (TOKEN "none": no token; another value: that one).
post_edit() {
	local who=$1 ref=$2 version=$3 token=${4-} args=() k
	[ -z "$token" ] && token=$(csrf "$WORK/jar.$who" /)
	for k in "${FIELDS[@]}"; do
		[ "$k" = cle ] && [ -z "${F[cle]-}" ] && continue
		args+=(--data-urlencode "$k=${F[$k]-}")
	done
	[ -n "$version" ] && args+=(--data-urlencode "version=$version")
	[ "$token" != none ] && args+=(--data-urlencode "csrf=$token")
	http "$WORK/jar.$who" POST "$ACT/$ref/modifier" -D "$WORK/headers" "${args[@]}"
	LOCATION=$(sed -n 's/^Location: *//Ip' "$WORK/headers" | tr -d '\r')
}

stored() { sqlite3 "$NUMECO_DB" "SELECT $2 FROM action a JOIN roadmap r ON r.id = a.roadmap_id JOIN org o ON o.id = r.org_id WHERE o.code = 'MIN-A' AND r.period = '2022' AND a.ref = '$1'"; }

# Counts the elements of $BODY (opening tags): pages stay light.
elements() { printf '%s' "$BODY" | grep -o '<[a-zA-Z][a-zA-Z0-9]*' | wc -l; }

# ---- sign-in required

for path in "$MIN_A?periode=2022" "$ACT/A-02" "$ACT/A-02/modifier"; do
	get anon "$path"
	expect_eq "anonyme $path: redirection" 303 "$CODE"
	expect_contains "anonyme $path: vers la connexion" "/connexion?retour=" "$LOCATION"
done
http "$WORK/jar.anon" POST "$ACT/A-02/modifier" --data-urlencode "titre=x" -D "$WORK/headers"
expect_eq "anonyme POST: redirection" 303 "$CODE"

# ---- the ministry page

get READER "$MIN_A?periode=2022"
expect_eq "ministère: statut" 200 "$CODE"
expect_contains "ministère: nom" "<h1>Ministère de l&#39;Exemple</h1>" "$BODY"
expect_contains "ministère: état" "Brouillon" "$BODY"
expect_contains "ministère: actions" "A-01 A-02 A-03 A-04 A-05" "$(rows)"
expect_contains "ministère: part réalisée" "<progress max=\"5\" value=\"2\"" "$BODY"
expect_contains "ministère: actions clés" "actions clés" "$BODY"
expect_contains "ministère: recommandation" "Chiffrer les gains des actions clés." "$BODY"
expect_contains "ministère: commentaire d'action" "Belle action, à généraliser." "$BODY"
expect_contains "ministère: à traiter" "À traiter" "$BODY"
expect_contains "ministère: lien vers l'action" "href=\"/ministeres/MIN-A/2022/actions/A-02\"" "$BODY"
expect_absent "lecteur: pas d'import" "Importer un fichier CSV" "$BODY"
get READER "$MIN_A"
expect_eq "ministère sans période: statut" 200 "$CODE"
expect_contains "ministère sans période: sa dernière feuille de route" "A-01 A-02 A-03 A-04 A-05" "$(rows)"
get READER "/ministeres/MIN-C?periode=2022"
expect_eq "ministère sans feuille de route: statut" 200 "$CODE"
expect_contains "ministère sans feuille de route: message" "n&#39;a pas de feuille de route pour la période 2022" "$BODY"
get READER "/ministeres/NULLE-PART"
expect_eq "organisation inconnue" 404 "$CODE"

# Filters.
get READER "$MIN_A?periode=2022&statut=realisee"
expect_eq "filtre statut" "A-01 A-04" "$(rows)"
expect_contains "filtre statut: choisi" '<option value="realisee" selected>' "$BODY"
get READER "$MIN_A?periode=2022&theme=achats"
expect_eq "filtre thème" "A-02" "$(rows)"
get READER "$MIN_A?periode=2022&niveau=reflexion"
expect_eq "filtre niveau" "A-04" "$(rows)"
get READER "$MIN_A?periode=2022&direction=MIN-A-DNUM"
expect_eq "filtre direction" "A-02 A-04" "$(rows)"
get READER "$MIN_A?periode=2022&cle=1"
expect_eq "filtre actions clés" "A-02 A-04" "$(rows)"
get READER "$MIN_A?periode=2022&cle=1&statut=en_cours"
expect_eq "filtres combinés" "A-02" "$(rows)"
get READER "$MIN_A?periode=2022&theme=usage&statut=realisee"
expect_eq "filtres sans résultat" "" "$(rows)"
expect_contains "filtres sans résultat: message" "Aucune action ne correspond" "$BODY"
get READER "$MIN_A?periode=2022&theme=n-importe-quoi"
expect_eq "filtre inconnu ignoré" "A-01 A-02 A-03 A-04 A-05" "$(rows)"

# Sorting.
get READER "$MIN_A?periode=2022&tri=ref&sens=desc"
expect_eq "tri référence décroissant" "A-05 A-04 A-03 A-02 A-01" "$(rows)"
get READER "$MIN_A?periode=2022&tri=titre"
expect_eq "tri titre" "A-02 A-04 A-01 A-03 A-05" "$(rows)"
expect_contains "tri titre: aria-sort" 'aria-sort="ascending"><a href="/ministeres/MIN-A?periode=2022&amp;tri=titre&amp;sens=desc">Titre' "$BODY"
get READER "$MIN_A?periode=2022&tri=statut"
expect_eq "tri statut" "A-03 A-02 A-01 A-04 A-05" "$(rows)"
get READER "$MIN_A?periode=2022&tri=echeance"
expect_eq "tri échéance (sans échéance à la fin)" "A-01 A-02 A-03 A-04 A-05" "$(rows)"
get READER "$MIN_A?periode=2022&tri=echeance&sens=desc"
expect_eq "tri échéance décroissant" "A-02 A-01 A-03 A-04 A-05" "$(rows)"
get READER "$MIN_A?periode=2022&tri=titre&statut=realisee"
expect_eq "tri et filtre" "A-04 A-01" "$(rows)"

# Pagination: 120 actions, 50 a page.
B=/ministeres/MIN-B?periode=2023
get READER "$B"
p1=$(rows)
expect_eq "page 1: 50 lignes" 50 "$(wc -w <<<"$p1")"
expect_contains "page 1: première" "P-001 P-002" "$p1"
expect_contains "page 1: dernière" "P-050" "$p1"
expect_absent "page 1: pas la 51e" "P-051" "$p1"
expect_contains "page 1: légende" "page 1 sur 3 (120 actions)" "$BODY"
expect_contains "page 1: page courante" 'aria-current="page" title="Page 1"' "$BODY"
expect_contains "page 1: lien suivant" 'href="/ministeres/MIN-B?periode=2023&amp;page=2">Page suivante' "$BODY"
n=$(elements)
check
[ "$n" -lt 1000 ] || fail "page de 50 actions: $n éléments (au plus 1000)"
get READER "$B&page=2"
expect_contains "page 2: lignes" "P-051 P-052" "$(rows)"
expect_contains "page 2: dernière" "P-100" "$(rows)"
expect_absent "page 2: pas la 101e" "P-101" "$(rows)"
get READER "$B&page=3"
expect_eq "page 3: 20 lignes" 20 "$(wc -w <<<"$(rows)")"
expect_contains "page 3: fin" "P-120" "$(rows)"
expect_contains "page 3: page courante" 'aria-current="page" title="Page 3"' "$BODY"
get READER "$B&page=99"
expect_contains "page au-delà: la dernière" "page 3 sur 3" "$BODY"
get READER "$B&page=2&tri=titre"
expect_contains "page 2 triée par titre" "P-070 P-069" "$(rows)"
get READER "$B&direction=MIN-B-DAF"
expect_contains "pagination filtrée: légende" "page 1 sur 2 (60 actions)" "$BODY"
expect_contains "pagination filtrée: lien" 'href="/ministeres/MIN-B?periode=2023&amp;direction=MIN-B-DAF&amp;page=2"' "$BODY"
get READER "$B&direction=MIN-B-DAF&page=2"
expect_contains "pagination filtrée: page 2" "P-102 P-104" "$(rows)"
expect_absent "pagination filtrée: pas d'impaire" "P-101" "$(rows)"

# ---- the action page

get READER "$ACT/A-02"
expect_eq "action: statut" 200 "$CODE"
expect_contains "action: titre" "Allonger la durée d&#39;usage des postes de travail de 4 à 5 ans" "$BODY"
expect_contains "action: libellés du modèle" "Niveau d&#39;engagement visé" "$BODY"
expect_contains "action: direction" "Direction du numérique (MIN-A-DNUM)" "$BODY"
expect_contains "action: budget" "1"$'\xe2\x80\xaf'"234,50" "$BODY"
expect_contains "action: description multiligne" "Révision de la politique de renouvellement.<br>Deux lignes de description." "$BODY"
expect_contains "action: estimation" "Estimation de l&#39;impact évité" "$BODY"
expect_contains "action: méthode" "Allongement de la durée de vie (allongement)" "$BODY"
expect_contains "action: référentiel" "numeco-ouvert, version 2025.1" "$BODY"
expect_contains "action: trace" "<pre class=\"nc-trace\">" "$BODY"
expect_contains "action: historique" "Création de l&#39;action" "$BODY"
expect_absent "lecteur: pas de bouton Modifier" ">Modifier</a>" "$BODY"
n=$(elements)
check
[ "$n" -lt 1000 ] || fail "page d'action: $n éléments (au plus 1000)"
get READER "$ACT/A-04"
expect_contains "action: commentaire de revue" "Belle action, à généraliser." "$BODY"
get READER "$ACT/A-99"
expect_eq "action inconnue" 404 "$CODE"
get READER "/ministeres/MIN-A/1999/actions/A-01"
expect_eq "période inconnue" 404 "$CODE"
get REF_A "$ACT/A-02"
expect_contains "référent: bouton Modifier" "href=\"/ministeres/MIN-A/2022/actions/A-02/modifier\">Modifier</a>" "$BODY"
get CORR "$ACT/A-04"
expect_contains "correspondant, sa direction: bouton Modifier" ">Modifier</a>" "$BODY"
get CORR "$ACT/A-01"
expect_absent "correspondant, autre direction: pas de bouton" ">Modifier</a>" "$BODY"

# ---- the edit form

get REF_A "$ACT/A-03/modifier"
expect_eq "formulaire: statut" 200 "$CODE"
for k in "${FIELDS[@]}"; do
	expect_contains "formulaire: champ $k" "id=\"$k\"" "$BODY"
	expect_contains "formulaire: étiquette $k" "for=\"$k\"" "$BODY"
done
expect_contains "formulaire: version" 'name="version" value="1"' "$BODY"
expect_contains "formulaire: jeton" 'name="csrf"' "$BODY"
expect_contains "formulaire: directions" '<option value="MIN-A-SG">Secrétariat général (MIN-A-SG)</option>' "$BODY"
expect_contains "formulaire: budget au format du modèle" 'value="12000,00"' "$BODY"
for who in READER REF_B; do
	get "$who" "$ACT/A-03/modifier"
	expect_eq "formulaire refusé à $who" 403 "$CODE"
done
get CORR "$ACT/A-01/modifier"
expect_eq "formulaire refusé au correspondant (autre direction)" 403 "$CODE"

# A référent of the ministry edits every field; the change is audited.
reset_fields
F=([titre]="Former tous les acheteurs" [description]=$'Première ligne\r\nSeconde ligne'
	[theme]=achats [niveau]=realisation [statut]=en_cours [cle]=oui [direction]=MIN-A-SG
	[debut]=2022-09-01 [echeance]=15/12/2022 [budget]="15 000,50 €" [indicateur]="Acheteurs formés"
	[impact]="2,5" [unite]=tCO2e [methode]="Estimation interne" [commentaire]="Revu en comité")
v=$(version_of REF_A A-03)
post_edit REF_A A-03 "$v"
expect_eq "édition référent: 303" 303 "$CODE"
expect_eq "édition référent: retour à l'action" "/ministeres/MIN-A/2022/actions/A-03?ok=enregistre" "$LOCATION"
expect_eq "édition référent: enregistrée" \
	"Former tous les acheteurs|Première ligne"$'\n'"Seconde ligne|achats|realisation|en_cours|1|2022-09-01|2022-12-15|1500050|Acheteurs formés|2.5|tCO2e|Estimation interne|Revu en comité|2" \
	"$(stored A-03 "title, description, theme, level, status, key_action, start_date, due_date, budget_cents, indicator, impact_value, impact_unit, impact_method, comment, version")"
expect_eq "édition référent: direction" "MIN-A-SG" \
	"$(sqlite3 "$NUMECO_DB" "SELECT o.code FROM action a JOIN org o ON o.id = a.direction_id WHERE a.ref = 'A-03' AND a.roadmap_id = (SELECT id FROM roadmap WHERE period = '2022')")"
get REF_A "$ACT/A-03?ok=enregistre"
expect_contains "édition référent: message" "Modifications enregistrées." "$BODY"
expect_contains "édition référent: historique" "Modification de l&#39;action — $REF_A" "$BODY"
expect_contains "édition référent: différence" "Titre : Former les acheteurs au numérique responsable → Former tous les acheteurs" "$BODY"
run_status nc log --org MIN-A --period 2022 --action A-03
expect_contains "édition référent: journal" "$REF_A  modification action MIN-A/2022/A-03" "$OUT"
expect_contains "édition référent: journal, champ" "Statut : À lancer → En cours" "$OUT"

# The same values again: nothing is written.
before=$(data_dump)
v=$(version_of REF_A A-03)
post_edit REF_A A-03 "$v"
expect_eq "sans changement: 303" 303 "$CODE"
expect_contains "sans changement: message" "ok=inchange" "$LOCATION"
expect_eq "sans changement: base identique" "$before" "$(data_dump)"

# Another ministry's référent, a lecteur: 403 and nothing changes.
F[titre]="Titre interdit"
for who in REF_B READER; do
	before=$(data_dump)
	post_edit "$who" A-03 "$v"
	expect_eq "édition par $who: 403" 403 "$CODE"
	expect_eq "édition par $who: base identique" "$before" "$(data_dump)"
done

# The correspondant of MIN-A-DNUM edits A-04 (owned by MIN-A-DNUM), not A-01
# (MIN-A-SG), and may not hand A-04 over to another direction.
reset_fields
F=([titre]="Donner les ordinateurs réformés" [theme]=fin_de_vie [niveau]=reflexion
	[statut]=realisee [cle]=oui [direction]=MIN-A-DNUM [impact]="4500" [unite]=kgCO2e
	[methode]="Réemploi, 300 postes")
post_edit CORR A-04 "$(version_of CORR A-04)"
expect_eq "correspondant, sa direction: 303" 303 "$CODE"
expect_eq "correspondant, sa direction: enregistrée" "Donner les ordinateurs réformés" "$(stored A-04 title)"
before=$(data_dump)
F[direction]=MIN-A-SG
post_edit CORR A-04 "$(version_of CORR A-04)"
expect_eq "correspondant, vers une autre direction: 403" 403 "$CODE"
expect_eq "correspondant, vers une autre direction: base identique" "$before" "$(data_dump)"
F[direction]=MIN-A-SG
F[titre]="Désigner un référent"
post_edit CORR A-01 1
expect_eq "correspondant, autre direction: 403" 403 "$CODE"
expect_eq "correspondant, autre direction: base identique" "$before" "$(data_dump)"

# Invalid values: 400, the message next to its field, nothing stored.
v=$(version_of REF_A A-03)
check_invalid() { # WHAT FIELD MESSAGE
	before=$(data_dump)
	post_edit REF_A A-03 "$v"
	expect_eq "$1: 400" 400 "$CODE"
	expect_contains "$1: message" "<p class=\"fr-error-text\" id=\"$2-erreur\">$3" "$BODY"
	expect_contains "$1: champ signalé" "aria-describedby=\"$2-erreur\"" "$BODY"
	expect_contains "$1: résumé" "Le formulaire contient" "$BODY"
	expect_eq "$1: base identique" "$before" "$(data_dump)"
}
reset_fields
F[titre]="   "
check_invalid "titre vide" titre "valeur obligatoire manquante"
reset_fields
F[titre]=$(printf 'x%.0s' $(seq 1 301))
check_invalid "titre trop long" titre "texte trop long (301 caractères, au plus 300)"
reset_fields
F[theme]=cuisine
check_invalid "thème inconnu" theme "thème inconnu « cuisine »"
reset_fields
F[statut]=""
check_invalid "statut manquant" statut "valeur obligatoire manquante"
reset_fields
F[budget]="douze euros"
check_invalid "budget invalide" budget ""
expect_contains "budget invalide: valeur saisie conservée" 'value="douze euros"' "$BODY"
reset_fields
F[budget]="-5"
check_invalid "budget négatif" budget "budget négatif"
reset_fields
F[debut]=2023-05-01
F[echeance]=2023-04-01
check_invalid "échéance avant le début" echeance "échéance « 2023-04-01 » antérieure à la date de début"
reset_fields
F[debut]=31/02/2023
check_invalid "date impossible" debut ""
reset_fields
F[impact]=12
check_invalid "impact sans unité" unite "unité manquante pour l&#39;impact évité"
reset_fields
F[impact]=-3
F[unite]=kWh
check_invalid "impact négatif" impact "impact négatif"
reset_fields
F[direction]=MIN-B-DAF
check_invalid "direction d'un autre ministère" direction "direction inconnue « MIN-B-DAF »"
reset_fields
F[indicateur]=$'deux\nlignes'
check_invalid "saut de ligne dans l'indicateur" indicateur "caractère de contrôle ou saut de ligne interdit"
reset_fields
F[cle]=peut-être
check_invalid "action clé invalide" cle ""
reset_fields
before=$(data_dump)
post_edit REF_A A-03 ""
expect_eq "sans version: 400" 400 "$CODE"
expect_eq "sans version: base identique" "$before" "$(data_dump)"

# CSRF: absent or wrong token → 403, nothing changes.
reset_fields
F[titre]="Sans jeton"
before=$(data_dump)
post_edit REF_A A-03 "$v" none
expect_eq "sans jeton: 403" 403 "$CODE"
post_edit REF_A A-03 "$v" 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
expect_eq "mauvais jeton: 403" 403 "$CODE"
post_edit REF_A A-03 "$v" "$(csrf "$WORK/jar.REF_B" /)"
expect_eq "jeton d'une autre session: 403" 403 "$CODE"
expect_eq "jeton: base identique" "$before" "$(data_dump)"

# Escaping: markup typed into every text field is shown as text everywhere.
XSS1='<script>alert(1)</script>'
XSS2='"><img src=x onerror=alert(1)>'
reset_fields
F=([titre]="$XSS1 $XSS2" [description]="$XSS2"$'\n'"$XSS1" [theme]=usage [niveau]=reflexion
	[statut]=en_cours [direction]="" [indicateur]="$XSS1" [impact]=1 [unite]=MWh
	[methode]="$XSS2" [commentaire]="$XSS1$XSS2")
post_edit REF_A A-05 "$(version_of REF_A A-05)"
expect_eq "XSS: enregistrée" 303 "$CODE"
expect_eq "XSS: stockée telle quelle" "$XSS1 $XSS2" "$(stored A-05 title)"
for path in "$ACT/A-05" "$ACT/A-05/modifier" "$MIN_A?periode=2022" "$MIN_A?periode=2022&tri=titre"; do
	get REF_A "$path"
	expect_eq "XSS $path: statut" 200 "$CODE"
	expect_absent "XSS $path: pas de script" "<script" "$BODY"
	expect_absent "XSS $path: pas d'img" "<img" "$BODY"
	expect_absent "XSS $path: pas d'attribut injecté" '"><img' "$BODY"
	expect_contains "XSS $path: texte échappé" "&lt;script&gt;alert(1)&lt;/script&gt;" "$BODY"
done
get REF_A "$ACT/A-05"
expect_contains "XSS: attribut échappé" "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" "$BODY"
# In the values of a refused form and in error messages too.
reset_fields
F[titre]="$XSS1"
F[budget]="$XSS2"
F[direction]="$XSS1"
F[echeance]="$XSS2"
post_edit REF_A A-03 "$(version_of REF_A A-03)"
expect_eq "XSS refusé: 400" 400 "$CODE"
expect_absent "XSS refusé: pas de script" "<script" "$BODY"
expect_absent "XSS refusé: pas d'img" "<img" "$BODY"

# Two people open the same version; the second to save gets a 409 showing
# both versions, and the first edit stays.
v=$(version_of REF_A A-02)
reset_fields
F=([titre]="Première modification" [theme]=achats [niveau]=realisation [statut]=en_cours
	[cle]=oui [direction]=MIN-A-DNUM)
post_edit REF_A A-02 "$v"
expect_eq "concurrence: la première passe" 303 "$CODE"
before=$(data_dump)
F[titre]="Seconde modification"
F[statut]=realisee
post_edit ADMIN A-02 "$v"
expect_eq "concurrence: la seconde est refusée" 409 "$CODE"
expect_contains "concurrence: message" "Cette action a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte" "$BODY"
expect_contains "concurrence: version enregistrée" "Première modification" "$BODY"
expect_contains "concurrence: valeurs saisies" "Seconde modification" "$BODY"
expect_contains "concurrence: écart" "différent" "$BODY"
expect_contains "concurrence: formulaire sur la version actuelle" "name=\"version\" value=\"$((v + 1))\"" "$BODY"
expect_eq "concurrence: la première est gardée" "Première modification|en_cours" "$(stored A-02 "title, status")"
expect_eq "concurrence: base identique" "$before" "$(data_dump)"
# Sending the form of the conflict page again is a deliberate overwrite.
post_edit ADMIN A-02 "$((v + 1))"
expect_eq "concurrence: renvoi délibéré" 303 "$CODE"
expect_eq "concurrence: renvoi enregistré" "Seconde modification|realisee" "$(stored A-02 "title, status")"

# A validated roadmap cannot be edited.
nc review state --org MIN-B --period 2023 soumise >/dev/null
nc review state --org MIN-B --period 2023 relue >/dev/null
nc review state --org MIN-B --period 2023 validee >/dev/null
get REF_B /ministeres/MIN-B/2023/actions/P-001
expect_absent "validée: pas de bouton Modifier" ">Modifier</a>" "$BODY"
expect_contains "validée: message" "La feuille de route est validée" "$BODY"
get REF_B /ministeres/MIN-B/2023/actions/P-001/modifier
expect_eq "validée: formulaire refusé" 409 "$CODE"
before=$(data_dump)
token=$(csrf "$WORK/jar.REF_B" /)
http "$WORK/jar.REF_B" POST /ministeres/MIN-B/2023/actions/P-001/modifier \
	--data-urlencode "csrf=$token" --data-urlencode version=1 --data-urlencode "titre=Changé" \
	--data-urlencode theme=usage --data-urlencode niveau=reflexion --data-urlencode statut=a_lancer
expect_eq "validée: 409" 409 "$CODE"
expect_contains "validée: explication" "est validée : repassez-la en brouillon" "$BODY"
expect_eq "validée: base identique" "$before" "$(data_dump)"

finish
