#!/usr/bin/env bash
# Installs the Debian packages numeco needs, only those missing; safe to run again.
#   install-deps.sh        build and test (called by make run, make test, make bench)
#   install-deps.sh fuzz   the same plus clang and libFuzzer (called by make fuzz)
set -euo pipefail

packages=(
  gcc make cmake pkg-config          # build
  libsqlite3-dev sqlite3             # store (sqlite3 CLI: tests compare dumps)
  libjansson-dev                     # JSON output
  libcmocka-dev                      # unit tests
)
if [ "${1:-}" = fuzz ]; then
  packages+=(clang libclang-rt-14-dev)  # libFuzzer, ASan and UBSan runtimes for clang
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "numeco: installation des paquets manquants : ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "numeco: il faut être root (ou avoir sudo) pour installer : ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
