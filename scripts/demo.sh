#!/usr/bin/env bash
# demo.sh NUMECO DB: what `make run` does after building: load the synthetic
# demo data (data/demo/) into a fresh database, write the 2022 report, and
# show where to look.
set -euo pipefail
numeco=$1 db=$2
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/scripts/load-demo.sh" "$numeco" "$db" "$here/data/demo"
out=$(dirname "$numeco")/bilan-2022.html
"$numeco" --db "$db" report --period 2022 --format html --output "$out"
# The key figures first, then where to look (so the tour stays on screen).
"$numeco" --db "$db" report --period 2022 | sed -n '/^## Chiffres clés/,/^## Actions par thème/p' | sed '$d'
cat <<MSG

Données de démonstration (synthétiques) chargées dans $db.

  Bilan 2022 (page HTML autonome) : $out
  Bilan en Markdown :    $numeco --db $db report --period 2022
  Organisations :        $numeco --db $db org list
  Un ministère :         $numeco --db $db org show MIN-ECO
  Exporter une feuille : $numeco --db $db export roadmap --org MIN-ECO --period 2022
  Revue d'un ministère : $numeco --db $db review list --org MIN-ECO --period 2022
  Journal :              $numeco --db $db log --limit 20
  Aide :                 $numeco --help

Astuce : export NUMECO_DB=$db pour ne plus répéter --db.
MSG
