#!/usr/bin/env bash
# `make run`: open Caseworker on the embedded demo database, creating it on the first start.
#
# The database is the SQLite file in the user data folder (platformdirs; $CASEWORKER_HOME moves it). When it does not
# exist yet it is built next to it under a temporary name (migrations + 2000 generated debtors, seed 1) and renamed
# only when complete, so an interrupted first start never leaves a half-filled demo database behind.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin

db_file=$("$bin/python" -c 'from caseworker_app import paths; print(paths.default_database_file())')
if [[ ! -e $db_file ]]; then
  tmp="$db_file.building"
  rm -f "$tmp" "$tmp-wal" "$tmp-shm" "$tmp-journal"
  echo "run: first start, building the demo database in $db_file (takes a moment)…" >&2
  "$bin/caseworker" --database "sqlite:///$tmp" db upgrade
  "$bin/caseworker" --database "sqlite:///$tmp" demo --debtors "${CASEWORKER_DEMO_DEBTORS:-2000}" --seed 1
  mv "$tmp" "$db_file"
fi
exec "$bin/caseworker" gui "$@"
