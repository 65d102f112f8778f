# lib.sh: shared helpers of the integration tests (sourced, not run).
# Each test drives the real numeco binary ($NUMECO) on real files, in a
# private temporary folder removed at exit.
set -euo pipefail

: "${NUMECO:?NUMECO must name the numeco binary}"
: "${NUMECO_SRC:?NUMECO_SRC must name the source tree}"
DATA="$NUMECO_SRC/tests/data"
mkdir -p "${NUMECO_TMP:-/tmp}"
WORK=$(mktemp -d "${NUMECO_TMP:-/tmp}/it.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export NUMECO_DB="$WORK/numeco.db"
export NUMECO_NOW="2026-01-15T10:00:00Z"
unset NUMECO_AS
export USER=testeur
FAILS=0
NBSP=$'\xc2\xa0' # French typography: no-break space before % and units
CHECKS=0

nc() { "$NUMECO" "$@"; }

fail() {
	echo "ÉCHEC: $*" >&2
	FAILS=$((FAILS + 1))
}

check() { CHECKS=$((CHECKS + 1)); }

# expect_eq WHAT EXPECTED ACTUAL
expect_eq() {
	check
	if [ "$2" != "$3" ]; then
		fail "$1: attendu «$2», obtenu «$3»"
	fi
}

# expect_contains WHAT NEEDLE HAYSTACK
expect_contains() {
	check
	case "$3" in
	*"$2"*) ;;
	*) fail "$1: «$2» absent de: $3" ;;
	esac
}

# run_status CMD...: runs, stores stdout/stderr/status in OUT ERR RC
run_status() {
	set +e
	"$@" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	set -e
	OUT=$(cat "$WORK/out")
	ERR=$(cat "$WORK/err")
}

# A stable dump of the whole database, to prove a failed command changed nothing.
db_dump() { sqlite3 "$NUMECO_DB" .dump; }

# Creates the database with the test organisations and people.
setup_db() {
	nc init >/dev/null
	nc import orgs "$DATA/organisations.csv" >/dev/null
	nc import persons "$DATA/personnes.csv" >/dev/null
}

finish() {
	echo "$(basename "$0"): $CHECKS vérifications, $FAILS échec(s)"
	[ "$FAILS" -eq 0 ]
}
