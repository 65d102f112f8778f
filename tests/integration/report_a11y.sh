#!/usr/bin/env bash
# report_a11y.sh: the HTML report passes axe-core (no serious or critical
# violation) in headless Chromium, nationally and for one ministry, on the
# demo data; and the checker itself does catch a broken page.
source "$(dirname "$0")/lib.sh"
AXE="$NUMECO_SRC/tests/e2e/axe_check.js"
bash "$NUMECO_SRC/scripts/load-demo.sh" "$NUMECO" "$NUMECO_DB" "$NUMECO_SRC/data/demo" >/dev/null

nc report --period 2022 --format html --output "$WORK/national.html"
nc report --period 2022 --format html --org MIN-ECO --output "$WORK/min-eco.html"
run_status node "$AXE" "$WORK/national.html" "$WORK/min-eco.html"
expect_eq "axe: code de sortie" 0 "$RC"
expect_contains "axe: page nationale" "national.html: 0 violation(s)" "$OUT"
expect_contains "axe: page ministère" "min-eco.html: 0 violation(s)" "$OUT"
# Light enough to print and mail: under 1 000 elements and 60 KB.
check
[ "$(wc -c <"$WORK/national.html")" -lt 61440 ] || fail "page nationale de plus de 60 Ko"
dom=$(printf '%s\n' "$OUT" | sed -n 's/.*national.html: .* \([0-9]*\) éléments DOM/\1/p')
check
[ -n "$dom" ] && [ "$dom" -lt 1000 ] || fail "page nationale: $dom éléments DOM (1 000 au plus)"

# The checker must be able to fail: an image without text, no language.
printf '<!doctype html><html><head><title>x</title></head><body><main><img src="data:,"></main></body></html>' >"$WORK/broken.html"
run_status node "$AXE" "$WORK/broken.html"
expect_eq "axe: page cassée refusée" 1 "$RC"
expect_contains "axe: image sans texte" "image-alt" "$OUT"

finish
