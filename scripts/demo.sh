#!/usr/bin/env bash
# demo.sh NUMECO DB: what `make run` does after building: load the synthetic
# demo data (data/demo/) into a fresh database, import the IT inventories of
# three ministries (data/demo/inventaires/) and estimate the avoided impact of
# some key actions, replay the review, write the 2022 report and one footprint
# page, and show where to look.
set -euo pipefail
numeco=$1 db=$2
here=$(cd "$(dirname "$0")/.." && pwd)
demo=$here/data/demo
year=2022 date=2022-12-31 # the demo's period; a fixed evaluation date keeps runs identical
run=("$numeco" --db "$db")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# quiet CMD…: runs CMD with its stderr kept aside, shown only if it fails (the
# footprint commands list the deliberate ERREUR lines of MIN-EUROPE there).
quiet() {
	if ! "$@" 2>"$tmp/stderr"; then
		cat "$tmp/stderr" >&2
		return 1
	fi
}

# 1. Organisations, people and roadmaps. load-demo.sh also replays
#    data/demo/review.sh when the folder holds it, but a validated roadmap
#    refuses estimates: load from a folder of links without review.sh, and
#    replay the review after the estimates (step 4).
ln -s "$demo/organisations.csv" "$demo/personnes.csv" "$demo/roadmaps" "$demo/indicateurs" \
	"$demo/rgesn" "$tmp/"
bash "$here/scripts/load-demo.sh" "$numeco" "$db" "$tmp"

# 2. Footprint of the IT fleet of three ministries (synthetic inventories,
#    NumEcoEval format, open referential numeco-ouvert installed by init).
inventory() { # inventory CODE: the four file options of CODE's inventory
	local d=$demo/inventaires/$1
	inv=(--datacenters "$d/1-datacenter.csv" --physical "$d/2-physicalEquipments.csv"
		--virtual "$d/3-virtualEquipments.csv" --applications "$d/4-applications.csv")
}
fp_errors=""
for org in MIN-INT MIN-TE MIN-EUROPE; do
	inventory "$org"
	quiet "${run[@]}" footprint import --org "$org" --year "$year" --date "$date" "${inv[@]}" \
		>/dev/null
	# Lines in ERREUR (only MIN-EUROPE's, on purpose) are listed on stderr.
	n=$(sed -n 's/^numeco footprint import: \(.*\) (causes .*/\1/p' "$tmp/stderr")
	if [ -n "$n" ]; then
		fp_errors+="$org : $n, sur des lignes fausses exprès (type inconnu, pays en français) :"$'\n'
		fp_errors+=$(sed -n 's|^  .*/inventaires/|  data/demo/inventaires/|p' "$tmp/stderr")$'\n'
	fi
done

# 3. Avoided impact of key actions, computed with the referential (the
#    parameters are those the action's own estimation text gives).
estimates=""
estimate() { # estimate REF ORG METHOD NAME=VALUE…
	local ref=$1 org=$2 method=$3 out p params=()
	shift 3
	for p in "$@"; do params+=(--param "$p"); done
	out=$("${run[@]}" action estimate "$ref" --org "$org" --period "$year" --method "$method" \
		"${params[@]}")
	estimates+="  ${out%%$'\n'*}"$'\n'
}
# "Allonger la durée d'utilisation des postes de travail de 4 à 5 ans" (2 100 postes)
estimate INT-2022-033 MIN-INT allongement n=2100 type=Desktop l0=4 l1=5
# "Réemployer les équipements en bon état entre directions" (430 postes)
estimate INT-2022-029 MIN-INT reemploi n=430 type=Desktop
# "Acheter des ordinateurs reconditionnés pour une part des renouvellements" (500)
estimate TE-2022-036 MIN-TE reconditionne n=500 type=Laptop
# "Acheter des écrans issus du réemploi pour les postes de travail" (150 écrans)
estimate TE-2022-014 MIN-TE reconditionne n=150 type=Monitor
# "Fermer deux salles serveurs et migrer vers un centre de données mutualisé"
# (65 kW informatiques toute l'année, PUE de 2,0 à 1,4)
estimate EUROPE-2022-015 MIN-EUROPE pue kwh=569400 pue0=2.0 pue1=1.4 pays=France

# 4. The central team's review (submits, reads, validates: after the estimates).
# shellcheck disable=SC2034 # $nc is what review.sh runs
nc="$numeco --db $db"
# shellcheck source=/dev/null
source "$demo/review.sh" >/dev/null

# 5. The 2022 report and the footprint page of one ministry.
outdir=$(dirname "$numeco")
out=$outdir/bilan-$year.html
"${run[@]}" report --period "$year" --format html --output "$out"
fp_org=MIN-EUROPE
fp_out=$outdir/empreinte-$fp_org.html
inventory "$fp_org"
quiet "${run[@]}" footprint evaluate "${inv[@]}" --date "$date" --format html --output "$fp_out"

# The key figures first, then where to look (so the tour stays on screen).
"${run[@]}" report --period "$year" | sed -n '/^## Chiffres clés/,/^## Actions par thème/p' | sed '$d'
cat <<MSG
## Empreinte du parc $year (inventaires synthétiques, référentiel ouvert)

$("${run[@]}" footprint list --year "$year")

$fp_errors
## Impact évité chiffré avec le référentiel (numeco action estimate)

$estimates
Données de démonstration (synthétiques) chargées dans $db.

  Bilan $year (page HTML autonome) : $out
  Empreinte $fp_org (HTML) :     $fp_out
  Bilan en Markdown :    $numeco --db $db report --period $year
  Organisations :        $numeco --db $db org list
  Un ministère :         $numeco --db $db org show MIN-ECO
  Exporter une feuille : $numeco --db $db export roadmap --org MIN-ECO --period $year
  Revue d'un ministère : $numeco --db $db review list --org MIN-ECO --period $year
  Empreintes :           $numeco --db $db footprint list
  Référentiels :         $numeco --db $db referential list
  Méthodes d'impact :    $numeco --db $db action methods
  Services (RGESN) :     $numeco --db $db service list
  Une déclaration :      $numeco --db $db assessment declaration --service ECO-IMPOTS
  Journal :              $numeco --db $db log --limit 20
  Aide :                 $numeco --help

Astuce : export NUMECO_DB=$db pour ne plus répéter --db.
MSG

# 6. Demo accounts, one per role, then the web application.
demo_password=${NUMECO_DEMO_PASSWORD:-demo-numeco-2026}
echo
echo "Comptes de démonstration (mot de passe : $demo_password) :"
for role in admin referent correspondant lecteur; do
	email=$(tr -d '\r' <"$demo/personnes.csv" | sed '1s/^\xEF\xBB\xBF//' |
		awk -F';' -v r="$role" '$3 == r { print $1; exit }')
	[ -n "$email" ] || continue
	printf '%s\n' "$demo_password" | "${run[@]}" person passwd "$email" >/dev/null
	printf '  %-14s %s\n' "$role" "$email"
done
if [ "${NUMECO_DEMO_SERVE:-1}" = 1 ]; then
	listen=${NUMECO_LISTEN:-127.0.0.1:8080}
	echo
	echo "Application web : http://$listen/ (Ctrl-C pour arrêter)"
	exec "${run[@]}" serve --listen "$listen"
fi
