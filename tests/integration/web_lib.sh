# web_lib.sh: helpers of the HTTP tests (sourced after lib.sh): a real
# `numeco serve` on 127.0.0.1 and a free port, accounts with passwords,
# signing in with curl, forms with their CSRF token. The server is stopped
# (SIGTERM) when the test exits.

# The clock must run for sessions: HTTP tests do not pin it.
unset NUMECO_NOW
PASSWORD='mot-de-passe-de-test-1'
SERVER_PID=""

stop_server() {
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -TERM "$SERVER_PID"
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	SERVER_PID=""
}
trap 'stop_server; rm -rf "$WORK"' EXIT

# start_server [OPTIONS...]: starts numeco serve and waits until it answers.
start_server() {
	PORT=$(( 20000 + RANDOM % 20000 ))
	BASE="http://127.0.0.1:$PORT"
	"$NUMECO" serve --listen "127.0.0.1:$PORT" "$@" 2>"$WORK/server.log" &
	SERVER_PID=$!
	for _ in $(seq 1 100); do
		if curl -s -o /dev/null "$BASE/connexion"; then
			return 0
		fi
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then
			# The port may have been taken: try another one.
			start_server "$@"
			return
		fi
		sleep 0.1
	done
	echo "le serveur ne répond pas" >&2
	cat "$WORK/server.log" >&2
	return 1
}

# set_passwords: every test person gets $PASSWORD.
set_passwords() {
	local e
	for e in admin@mission.exemple.gouv.fr referent@a.exemple.gouv.fr \
		correspondant@a.exemple.gouv.fr referent@b.exemple.gouv.fr lecteur@a.exemple.gouv.fr; do
		printf '%s\n' "$PASSWORD" | nc person passwd "$e" >/dev/null
	done
}

# login JAR EMAIL: signs in, the session cookie lands in JAR.
login() {
	curl -s -o /dev/null -c "$1" -b "$1" --data-urlencode "email=$2" \
		--data-urlencode "password=$PASSWORD" "$BASE/connexion"
}

# csrf JAR PATH: the CSRF token of the forms of the page at PATH.
csrf() {
	curl -s -b "$1" "$BASE$2" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1
}

# http JAR METHOD PATH [curl args...]: sets CODE and BODY.
http() {
	local jar=$1 method=$2 path=$3
	shift 3
	CODE=$(curl -s -o "$WORK/body" -w '%{http_code}' -b "$jar" -c "$jar" -X "$method" "$@" \
		"$BASE$path")
	BODY=$(cat "$WORK/body")
}
