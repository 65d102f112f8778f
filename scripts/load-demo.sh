#!/usr/bin/env bash
# load-demo.sh NUMECO DB DIR: creates DB afresh and loads a data folder laid
# out like data/demo/ (organisations.csv, personnes.csv, roadmaps/CODE-PERIOD.csv).
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
echo "$n feuilles de route chargées dans $db"
