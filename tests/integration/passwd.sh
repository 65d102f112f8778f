#!/usr/bin/env bash
# passwd.sh: numeco person passwd: from standard input, generated, refusals
# (rules, rights, unknown person) leaving the database unchanged, audit entry.
source "$(dirname "$0")/lib.sh"

setup_db
REF=referent@a.exemple.gouv.fr
LECT=lecteur@a.exemple.gouv.fr
ADMIN=admin@mission.exemple.gouv.fr
stored_hash() { sqlite3 "$NUMECO_DB" "SELECT password_hash FROM person WHERE email = '$1';"; }

run_status nc person passwd --help
expect_eq "aide: code" 0 "$RC"
expect_contains "aide: usage" "Usage : numeco person passwd E-MAIL [--generate]" "$OUT"
run_status nc person --help
run_status nc person passwd
expect_eq "sans e-mail: usage" 2 "$RC"

# From standard input, by the local operator; the trailing newline is not part of it.
expect_eq "pas de mot de passe au départ" "" "$(stored_hash $REF)"
run_status nc person passwd $REF <<<"une phrase de passe solide"
expect_eq "stdin: code" 0 "$RC"
expect_contains "stdin: message" "Mot de passe modifié : $REF" "$OUT"
hash=$(stored_hash $REF)
expect_contains "stdin: argon2id" '$argon2id$v=19$m=65536,t=2,p=1$' "$hash"
check
case "$hash" in '$argon2id$'*) ;; *) fail "empreinte: ne commence pas par \$argon2id\$: $hash" ;; esac
check
if sqlite3 "$NUMECO_DB" .dump | grep -q "une phrase de passe solide"; then
	fail "le mot de passe en clair est dans la base"
fi
run_status nc log --limit 1
expect_contains "journal: modification" "modification person $REF" "$OUT"
expect_contains "journal: champ" "Mot de passe : modifié" "$OUT"
check
if nc log --limit 0 | grep -q "argon2"; then fail "l'empreinte est dans le journal"; fi

# Windows line ends are accepted; only the first line is read.
run_status nc person passwd $REF < <(printf 'une autre phrase longue\r\nsecond\n')
expect_eq "CRLF: code" 0 "$RC"
check
[ "$(stored_hash $REF)" != "$hash" ] || fail "CRLF: empreinte inchangée"

# --generate: 20 characters printed once on stdout.
run_status nc person passwd $LECT --generate </dev/null
expect_eq "generate: code" 0 "$RC"
expect_eq "generate: longueur" 20 "${#OUT}"
check
[[ "$OUT" =~ ^[0-9a-f]{20}$ ]] || fail "generate: forme inattendue: $OUT"
expect_contains "generate: avertissement" "il ne sera plus affiché" "$ERR"
expect_contains "generate: argon2id" '$argon2id$' "$(stored_hash $LECT)"
first=$OUT
run_status nc person passwd $LECT --generate
check
[ "$OUT" != "$first" ] || fail "generate: deux fois le même mot de passe"

# Refusals leave the database as it was (exit 1).
before=$(db_dump)
run_status nc person passwd $REF <<<"court"
expect_eq "trop court: code" 1 "$RC"
expect_contains "trop court: message" "au moins 12 caractères" "$ERR"
run_status nc person passwd $REF <<<"aaaaaaaaaaaaaaaa"
expect_eq "répété: code" 1 "$RC"
expect_contains "répété: message" "un seul caractère répété" "$ERR"
run_status nc person passwd $REF <<<"$REF"
expect_eq "e-mail: code" 1 "$RC"
expect_contains "e-mail: message" "l'adresse électronique" "$ERR"
# 11 characters and the newline: too short, so the newline is not counted.
run_status nc person passwd $REF <<<"abcdefghijk"
expect_eq "11 caractères: code" 1 "$RC"
run_status nc person passwd $REF </dev/null
expect_eq "entrée vide: code" 1 "$RC"
expect_contains "entrée vide: message" "aucun mot de passe" "$ERR"
run_status nc --as $LECT person passwd $REF <<<"une phrase de passe solide"
expect_eq "autre personne: code" 1 "$RC"
expect_contains "autre personne: message" \
	"$LECT n'a pas le droit de changer le mot de passe de $REF" "$ERR"
run_status nc --as $REF person passwd $LECT --generate
expect_eq "autre personne (référent): code" 1 "$RC"
expect_eq "autre personne: rien affiché" "" "$OUT"
run_status nc person passwd inconnu@exemple.gouv.fr <<<"une phrase de passe solide"
expect_eq "inconnu: code" 1 "$RC"
expect_contains "inconnu: message" "personne inconnue : « inconnu@exemple.gouv.fr »" "$ERR"
run_status nc --as inconnu@exemple.gouv.fr person passwd $REF <<<"une phrase de passe solide"
expect_eq "--as inconnu: code" 1 "$RC"
expect_eq "refus: base inchangée" "$before" "$(db_dump)"

# The person themselves, and an admin for someone else.
run_status nc --as $LECT person passwd $LECT <<<"ma propre phrase secrète"
expect_eq "soi-même: code" 0 "$RC"
run_status nc log --limit 1
expect_contains "soi-même: journal" "$LECT" "$OUT"
run_status nc --as $ADMIN person passwd $REF <<<"phrase choisie par l'admin"
expect_eq "admin: code" 0 "$RC"

finish
