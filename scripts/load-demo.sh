#!/usr/bin/env bash
# load-demo.sh NUMECO DB DIR: creates DB afresh and loads a data folder laid
# out like data/demo/ (organisations.csv, personnes.csv, roadmaps/CODE-PERIOD.csv,
# and when present review.sh, indicateurs/*.csv, indicateurs/collectes.sh and
# rgesn/evaluations.sh).
set -euo pipefail
numeco=$1 db=$2 dir=$3
rm -f "$db" "$db-wal" "$db-shm"
"$numeco" --db "$db" init >/dev/null
"$numeco" --db "$db" import orgs "$dir/organisations.csv" >/dev/null
"$numeco" --db "$db" import persons "$dir/personnes.csv" >/dev/null
n=0
for f in "$dir"/roadmaps/*.csv; do
	base=$(basename "$f" .csv)
	if [[ $base =~ -([0-9]{4}-[0-9]{4})$ ]]; then
		period=${BASH_REMATCH[1]}
	elif [[ $base =~ -([0-9]{4})$ ]]; then
		period=${BASH_REMATCH[1]}
	else
		echo "load-demo: nom de fichier sans période : $f" >&2
		exit 1
	fi
	org=${base%-"$period"}
	"$numeco" --db "$db" import roadmap "$f" --org "$org" --period "$period" >/dev/null
	n=$((n + 1))
done
if [ -f "$dir/review.sh" ]; then
	nc="$numeco --db $db"
	# shellcheck source=/dev/null
	source "$dir/review.sh" >/dev/null
fi
# Common indicators: the values (imported by the central team's admin, who
# collected the ministries' spreadsheets), then the collections' states.
if [ -d "$dir/indicateurs" ]; then
	for f in "$dir"/indicateurs/*.csv; do
		"$numeco" --db "$db" --as francois.lambert@mission.exemple.gouv.fr indicator import "$f" >/dev/null
	done
	if [ -f "$dir/indicateurs/collectes.sh" ]; then
		nc="$numeco --db $db"
		# shellcheck source=/dev/null
		source "$dir/indicateurs/collectes.sh" >/dev/null
	fi
fi
# RGESN: the digital services of five ministries, their assessments (dated
# 2025, after the indicator years, whose entered values they leave alone) and
# two published ecodesign declarations.
if [ -f "$dir/rgesn/evaluations.sh" ]; then
	# shellcheck disable=SC2034 # $nc is what evaluations.sh runs
	nc="$numeco --db $db"
	# shellcheck source=/dev/null
	source "$dir/rgesn/evaluations.sh" >/dev/null
fi
echo "$n feuilles de route chargées dans $db"
