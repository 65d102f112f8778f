#!/usr/bin/env bash
# run.sh BUILD_DIR: the benchmarks of docs/PERFORMANCE.md.
# Generates 1 000 ministries × 100 000 actions with gen_roadmaps, then times
# (best of RUNS, default 3) each operation next to a baseline measured in the
# same run on the same data, so the ratio stays meaningful on a noisy,
# shared machine:
#   - import of one 100 000-action roadmap  vs  sqlite3's own .import of
#     the same CSV into a plain table (raw SQLite insert cost);
#   - the consolidated report over 100 000 actions  vs  one GROUP BY query
#     of the sqlite3 shell over the same stored actions;
#   - the footprint evaluation of 1 000 000 physical equipment lines (12
#     criteria × 4 phases)  vs  reading the same file with the inventory
#     reader alone; and with the detailed output (--detail) on 100 000 lines
#     vs  the same run without it and vs  fwrite of the same bytes into the
#     same folder (bench_footprint; about 1.2 GB written then removed, in
#     bench/out/detail); and fp_num checked against the printf form.
#   - the national indicators page's data (bench_indicators): the catalogue,
#     the table of 1 000 ministries × 25 indicators × 10 years and every
#     national value, vs  a count/sum query and a plain scan of the same
#     stored values (data of gen_indicators, loaded through the library).
# ONLY=footprint, ONLY=indicators run that part alone, ONLY=roadmaps the
# roadmap part.
set -euo pipefail
build=${1:-build}
runs=${RUNS:-3}
only=${ONLY:-all}
here=$(cd "$(dirname "$0")/.." && pwd)
numeco="$build/numeco"
gen="$build/gen_roadmaps"
out="$here/bench/out"
rm -rf "$out"
mkdir -p "$out"

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
# best TIMES CMD...: prints the best wall time in seconds over TIMES runs.
best() {
	local n=$1 b=
	shift
	for _ in $(seq "$n"); do
		local t0 t1 d
		t0=$(now)
		"$@" >/dev/null
		t1=$(now)
		d=$(calc "$t1 - $t0")
		if [ -z "$b" ] || [ "$(calc "$d < $b")" = 1 ]; then b=$d; fi
	done
	printf '%.3f' "$b"
}

footprint() {
	echo "Empreinte : 1 000 000 lignes d'équipements physiques, 12 critères × 4 étapes"
	mkdir -p "$out/detail"
	"$build/bench_footprint" -n 1000000 --detail "$out/detail" --detail-lines 100000 --runs "$runs"
	"$build/bench_footprint" --num-check 1000000
	rm -rf "$out/detail"
}
indicators() {
	echo "Indicateurs : 1 000 ministères × 25 indicateurs × 10 ans"
	"$build/gen_indicators" --orgs 1000 --years 10 "$out/ind"
	"$build/bench_indicators" --load "$out/ind" --runs "$(( runs > 11 ? runs : 11 ))" "$out/ind.db"
	echo "Taille de la base : $(du -h "$out/ind.db" | cut -f1)"
}
if [ "$only" = footprint ]; then
	footprint
	exit 0
fi
if [ "$only" = indicators ]; then
	indicators
	exit 0
fi

echo "Génération : 1 000 ministères, 100 000 actions"
t=$(best 1 "$gen" --orgs 1000 --actions 100000 --single "$out/data")
echo "  génération : ${t} s"

db="$out/bench.db"
fresh_db() {
	rm -f "$db" "$db-wal" "$db-shm"
	"$numeco" --db "$db" init
	"$numeco" --db "$db" import orgs "$out/data/organisations.csv"
}
import_big() {
	fresh_db >/dev/null
	"$numeco" --db "$db" import roadmap "$out/data/roadmaps/BIG-2022.csv" --org B0001 --period 2022
}
sqlite_import() {
	rm -f "$out/raw.db"
	# Same file, BOM stripped, into one plain table: what SQLite alone costs.
	tail -c +4 "$out/data/roadmaps/BIG-2022.csv" >"$out/raw.csv"
	sqlite3 "$out/raw.db" -cmd '.mode csv' -cmd '.separator ";"' ".import $out/raw.csv actions"
}

"$build/bench_parse" "$out/data/roadmaps/BIG-2022.csv" "$runs"
t_import=$(best "$runs" import_big)
t_base=$(best "$runs" sqlite_import)
echo "Import d'une feuille de route de 100 000 actions : ${t_import} s (sqlite3 .import seul : ${t_base} s, rapport $(calc "$t_import / $t_base" | xargs printf '%.1f'))"

# 1 000 roadmaps of 100 actions each: the national picture the report reads.
mv "$out/data/roadmaps/BIG-2022.csv" "$out/big.csv"
t0=$(now)
bash "$here/scripts/load-demo.sh" "$numeco" "$db" "$out/data" >/dev/null
t1=$(now)
printf 'Chargement de 1 000 feuilles de route (1 000 imports de 100 actions) : %.1f s\n' "$(calc "$t1 - $t0")"

for f in md html json csv; do
	t=$(best "$runs" "$numeco" --db "$db" report --period 2022 --format $f)
	echo "Bilan consolidé 2022, 100 000 actions, format $f : ${t} s"
done
t_q=$(best "$runs" sqlite3 "$db" "select theme, status, count(*) from action group by theme, status;")
echo "  (référence : sqlite3, un GROUP BY thème × statut sur les mêmes actions : ${t_q} s)"
echo "Taille de la base : $(du -h "$db" | cut -f1)"
if [ "$only" != roadmaps ]; then
	footprint
	indicators
fi
