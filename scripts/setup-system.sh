#!/usr/bin/env bash
# Install the Debian packages Caseworker needs for one purpose, and nothing when they are already there.
#
#   scripts/setup-system.sh base    # python3-venv (only when `python3 -m venv` cannot bootstrap pip)
#   scripts/setup-system.sh test    # base + Qt offscreen libraries, fonts, poppler-utils, PostgreSQL binaries if needed
#   scripts/setup-system.sh run     # base + Qt offscreen libraries; + xcb libraries and Xvfb unless Qt runs offscreen
#   scripts/setup-system.sh build   # test + the xcb libraries (bundled by PyInstaller) + binutils, libpython3.x
#
# Checks with dpkg-query first, so a second run costs a few milliseconds. As root it runs apt-get itself, otherwise
# through sudo when available, otherwise it prints the apt-get line to run and fails. On a system without dpkg it
# prints what it would need and carries on (the later steps will tell whether something is missing).
#
# PostgreSQL: the test suite uses $CASEWORKER_TEST_DATABASE_URL, else a server on 127.0.0.1:5432, else it starts a
# throwaway cluster with initdb/pg_ctl (tests/conftest.py). Only that last case needs the `postgresql` package, so it is
# installed when no URL is set and nothing listens on 5432 (or CASEWORKER_TEST_PG=local forces the throwaway cluster).
set -euo pipefail

profile=${1:-base}
PYTHON=${PYTHON:-python3}

qt_offscreen=(libegl1 libgl1 libxkbcommon0 libfontconfig1 fonts-dejavu-core libglib2.0-0 libdbus-1-3)
qt_window=(xvfb xauth libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
  libxkbcommon-x11-0)

wanted=()

want_base() {
  # Debian's python3 ships venv without ensurepip; python3-venv brings it back.
  if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    wanted+=(python3-venv)
  fi
}

pg_port_open() {
  # A bare TCP probe (no client tools needed yet); the real login check happens in tests/conftest.py.
  (exec 3<>/dev/tcp/127.0.0.1/5432) >/dev/null 2>&1
}

have_initdb() {
  if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then return 0; fi
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

want_postgres() {
  [[ -n ${CASEWORKER_TEST_DATABASE_URL:-} ]] && return 0
  if [[ ${CASEWORKER_TEST_PG:-auto} != local ]] && pg_port_open; then return 0; fi
  have_initdb || wanted+=(postgresql)
}

want_build() {
  wanted+=(binutils)
  # PyInstaller bundles the shared libpython; pyenv/python.org builds carry their own, Debian's python3 does not.
  if [[ $("$PYTHON" -c 'import sys; print(sys.base_prefix)') == /usr ]]; then
    wanted+=("libpython$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')")
  fi
}

qt_offscreen_only() {
  case ${QT_QPA_PLATFORM:-} in offscreen* | minimal* | vnc*) return 0 ;; *) return 1 ;; esac
}

case $profile in
  base) want_base ;;
  test) want_base; wanted+=("${qt_offscreen[@]}" poppler-utils); want_postgres ;;
  run) want_base; wanted+=("${qt_offscreen[@]}"); qt_offscreen_only || wanted+=("${qt_window[@]}") ;;
  build) want_base; wanted+=("${qt_offscreen[@]}" "${qt_window[@]}" poppler-utils); want_postgres; want_build ;;
  *) echo "usage: $0 base|test|run|build" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup-system: not a Debian-like system; make sure these (or your distribution's equivalents) are installed:" >&2
  echo "  ${wanted[*]:-(nothing)}" >&2
  exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
  [[ $status == ii* ]] || missing+=("$pkg")
done
((${#missing[@]} == 0)) && exit 0

apt_install() {
  echo "setup-system ($profile): installing ${missing[*]}" >&2
  "$@" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "$@" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
apt_failed() {
  # No network or a broken mirror: say so loudly, then let the next step show what is really missing
  # (the tests fail with their own instructions rather than skipping).
  echo "setup-system: WARNING: could not install ${missing[*]}; continuing without them" >&2
}
if [[ $(id -u) == 0 ]]; then
  apt_install || apt_failed
elif command -v sudo >/dev/null 2>&1; then
  apt_install sudo || apt_failed
else
  echo "setup-system: these Debian packages are missing and there is no sudo; as root run:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
