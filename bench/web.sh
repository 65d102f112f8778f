#!/usr/bin/env bash
# web.sh BUILD_DIR: load benchmark of `numeco serve` (docs/PERFORMANCE.md).
# On the demo data, measures with wrk (64 connections, 2 threads) the national
# dashboard and an action page served by numeco to a signed-in person, and,
# in the same run, nginx serving the very same bytes saved as static files
# (the baseline: what the machine gives for a page without any work).
#   goal: numeco ≥ half of nginx's requests/s, p99 < 20 ms.
# Needs wrk and nginx (scripts/install-deps.sh bench). Servers bind 127.0.0.1.
set -euo pipefail
build=${1:-build}
dur=${DURATION:-10s}
here=$(cd "$(dirname "$0")/.." && pwd)
numeco="$(cd "$build" && pwd)/numeco"
out="$here/bench/out/web"
rm -rf "$out"
mkdir -p "$out/static"
db="$out/demo.db"
port1=$((30000 + RANDOM % 10000))
port2=$((port1 + 1))
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

bash "$here/scripts/load-demo.sh" "$numeco" "$db" "$here/data/demo" >/dev/null
email=$(sed -n '2p' "$here/data/demo/personnes.csv" | cut -d';' -f1 | tr -d '\r\357\273\277')
printf 'mot-de-passe-du-banc-1\n' | "$numeco" --db "$db" person passwd "$email" >/dev/null
"$numeco" --db "$db" serve --listen "127.0.0.1:$port1" --threads 2 2>/dev/null &
pids+=($!)
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port1/connexion" && break; sleep 0.1; done
jar="$out/jar"
curl -s -o /dev/null -c "$jar" --data-urlencode "email=$email" \
	--data-urlencode "password=mot-de-passe-du-banc-1" "http://127.0.0.1:$port1/connexion"
cookie=$(awk '$6 == "numeco_session" { print $7 }' "$jar")
[ -n "$cookie" ] || { echo "connexion impossible" >&2; exit 1; }

# An action page: the first action of the first roadmap of the demo.
first=$(ls "$here"/data/demo/roadmaps/*.csv | head -1)
base=$(basename "$first" .csv)
period=${base##*-}
org=${base%-"$period"}
ref=$(sed -n '2p' "$first" | cut -d';' -f1)
pages=("/" "/ministeres/$org/$period/actions/$ref")
names=(tableau-de-bord action)

# nginx serves the same bytes (gzip on both sides).
for i in 0 1; do
	curl -s -b "numeco_session=$cookie" -H 'Accept-Encoding: gzip' -o "$out/static/${names[$i]}.html.gz" \
		"http://127.0.0.1:$port1${pages[$i]}"
	gzip -dc "$out/static/${names[$i]}.html.gz" >"$out/static/${names[$i]}.html"
done
cat >"$out/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $out/nginx.pid;
error_log $out/nginx-error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $out/tmp; proxy_temp_path $out/tmp; fastcgi_temp_path $out/tmp;
	uwsgi_temp_path $out/tmp; scgi_temp_path $out/tmp;
	gzip_static on;
	server { listen 127.0.0.1:$port2; root $out/static; default_type text/html; }
}
CONF
mkdir -p "$out/tmp"
nginx -c "$out/nginx.conf" &
pids+=($!)
sleep 0.5

# measure NAME URL [HEADER]: prints "requests/s p99(ms)".
measure() {
	wrk -t2 -c64 -d"$dur" --latency -H 'Accept-Encoding: gzip' ${3:+-H "$3"} "$2" >"$out/wrk-$1.txt"
	local rps p99
	rps=$(awk '/^Requests\/sec/ { print $2 }' "$out/wrk-$1.txt")
	p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 }
		else if (v ~ /ms$/) sub(/ms$/, "", v); else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }
		print v }' "$out/wrk-$1.txt")
	echo "$rps $p99"
}

printf '| page | numeco req/s | numeco p99 (ms) | nginx req/s | nginx p99 (ms) | ratio |\n|---|---:|---:|---:|---:|---:|\n'
for i in 0 1; do
	read -r r1 l1 < <(measure "numeco-${names[$i]}" "http://127.0.0.1:$port1${pages[$i]}" \
		"Cookie: numeco_session=$cookie")
	read -r r2 l2 < <(measure "nginx-${names[$i]}" "http://127.0.0.1:$port2/${names[$i]}.html")
	printf '| %s | %.0f | %.2f | %.0f | %.2f | %.2f |\n' "${names[$i]}" "$r1" "$l1" "$r2" "$l2" \
		"$(awk "BEGIN { print $r1 / $r2 }")"
done
