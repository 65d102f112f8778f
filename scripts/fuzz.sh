#!/usr/bin/env bash
# fuzz.sh BUILD_DIR SECONDS: runs every libFuzzer target of BUILD_DIR for
# SECONDS each, on a scratch copy of its seed corpus (fuzz/corpus/NAME), and
# keeps any crash input in fuzz/crashes/. Exit status 1 if a target crashed.
set -euo pipefail
build=$1 seconds=$2
here=$(cd "$(dirname "$0")/.." && pwd)
status=0
for bin in "$build"/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	seeds="$here/fuzz/corpus/${name#fuzz_}"
	work="$here/fuzz/corpus-run/${name#fuzz_}"
	mkdir -p "$work" "$here/fuzz/crashes"
	[ -d "$seeds" ] && cp -n "$seeds"/* "$work"/ 2>/dev/null || true
	echo "== $name : $seconds s"
	if ! "$bin" -max_total_time="$seconds" -max_len=262144 -timeout=10 \
		-artifact_prefix="$here/fuzz/crashes/$name-" -print_final_stats=1 "$work" \
		2>"$work.log"; then
		status=1
		echo "$name : plantage, voir $work.log et fuzz/crashes/" >&2
	fi
	grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$work.log" || tail -3 "$work.log"
done
exit $status
