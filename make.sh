#!/usr/bin/env bash
# make.sh: `make` for a machine that does not have it yet (a minimal Debian has no make).
#
#   ./make.sh run     set everything up and open Caseworker on a demo database
#   ./make.sh test    set everything up and run every quality gate and the whole test suite
#
# Installs make through apt-get when it is missing (as root, or through sudo), then runs `make "$@"`.
# Everything else (Debian packages, the virtual environment, PostgreSQL for the tests) the Makefile sets up.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v make >/dev/null 2>&1; then
  sudo=""
  if [[ $(id -u) != 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "make.sh: 'make' is not installed and this user cannot install it; run: apt-get install make" >&2
      exit 2
    fi
  fi
  echo "make.sh: installing make (apt-get)…" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends make >/dev/null
fi
exec make "$@"
