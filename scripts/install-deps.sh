#!/usr/bin/env bash
# Installs the Debian packages numeco needs, only those missing; safe to run again.
#   install-deps.sh        build and test (called by make run, make test, make bench)
#   install-deps.sh fuzz   the same plus clang and libFuzzer (called by make fuzz)
#   install-deps.sh bench  the same plus wrk and nginx (called by make bench)
set -euo pipefail

packages=(
  gcc make cmake pkg-config          # build
  libsqlite3-dev sqlite3             # store (sqlite3 CLI: tests compare dumps)
  libjansson-dev                     # JSON output
  libcmocka-dev                      # unit tests
  libsodium-dev                      # password hashing, tokens
  libmicrohttpd-dev                  # HTTP server
  zlib1g-dev                         # gzip
  libxlsxwriter-dev                  # spreadsheet export of indicators
  curl                               # HTTP tests
  nodejs chromium                    # accessibility checks: axe-core in headless Chromium
  fonttools                          # web assets: Marianne fonts subset at build time (pyftsubset)
)
if [ "${1:-}" = fuzz ]; then
  packages+=(clang libclang-rt-14-dev)  # libFuzzer, ASan and UBSan runtimes for clang
fi
if [ "${1:-}" = bench ]; then
  packages+=(wrk nginx-light)           # web load benchmark and its static baseline
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# npm ships inside some nodejs builds (NodeSource) and apart in Debian's.
if ! command -v npm >/dev/null 2>&1 && ! printf '%s\n' "${missing[@]}" | grep -qx nodejs; then
  missing+=(npm)
fi

sudo=""
if [ ${#missing[@]} -gt 0 ]; then
  echo "numeco: installation des paquets manquants : ${missing[*]}" >&2
fi
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "numeco: il faut être root (ou avoir sudo) pour installer : ${missing[*]}" >&2
    exit 1
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  command -v npm >/dev/null 2>&1 || $sudo apt-get install -y -qq --no-install-recommends npm
fi

# The npm test tools (package-lock.json), again only when they changed.
here=$(cd "$(dirname "$0")/.." && pwd)
if ! cmp -s "$here/package-lock.json" "$here/node_modules/.numeco-lock" 2>/dev/null; then
  echo "numeco: installation des outils npm de test (npm ci)" >&2
  (cd "$here" && npm ci --silent --no-audit --no-fund)
  cp "$here/package-lock.json" "$here/node_modules/.numeco-lock"
fi
