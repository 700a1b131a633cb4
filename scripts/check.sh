#!/usr/bin/env bash
# The quality gates and the test suite, as `make lint` / `make test` run them.
#
#   scripts/check.sh lint    # ruff, misc checks, forms and translations up to date, import layers, mypy
#   scripts/check.sh test    # all of the above, then pytest (PostgreSQL included)
#   scripts/check.sh pytest  # only pytest, with the same options and exit-code rules
#
# Every step runs even when an earlier one fails, so one CI run shows everything that is red; the script exits
# non-zero when any step failed. pytest's exit code 5 ("no tests collected") counts as a failure like any other.
# Extra pytest arguments: PYTEST_ARGS='-k money -x' make test; PYTEST_WORKERS=0 for a single process.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
mode=${1:-test}

failed=()
summary=()
step() {
  local name=$1
  shift
  echo "=== $name: $*"
  local start=$SECONDS
  "$@"
  local rc=$?
  local took=$((SECONDS - start))
  if ((rc == 0)); then
    summary+=("ok    ${took}s  $name")
  else
    [[ $name == pytest && $rc == 5 ]] && echo "pytest collected no tests: that is a failure, not a pass" >&2
    summary+=("FAIL  ${took}s  $name (exit $rc)")
    failed+=("$name")
  fi
}

case $mode in lint | test | pytest) ;; *) echo "usage: $0 lint|test|pytest" >&2; exit 2 ;; esac
if [[ $mode != pytest ]]; then
  step ruff "$bin/ruff" check --no-cache --output-format=concise .
  step misc-checks "$bin/python" scripts/dev/misc_checks.py
  step forms "$bin/python" scripts/dev/build_ui.py --check
  step translations "$bin/python" scripts/dev/build_translations.py --check
  step import-layers "$bin/lint-imports" --no-cache --no-logo
  step mypy "$bin/mypy"
fi
# Parameter figures past their "review by" date: a warning in the summary, never a failure (docs/rules.md).
review_out=$("$bin/python" scripts/dev/param_review.py 2>&1)
echo "=== parameter-review: $bin/python scripts/dev/param_review.py"
echo "$review_out"
if grep -q WAARSCHUWING <<<"$review_out"; then
  summary+=("WARN  0s  parameter-review ($(grep -c WAARSCHUWING <<<"$review_out") parameter file(s) due for review; see above)")
else
  summary+=("ok    0s  parameter-review")
fi
if [[ $mode == test || $mode == pytest ]]; then
  # Two workers by default (-n auto = one per core): the suite waits on PostgreSQL as much as on the CPU, and on a
  # 2-core machine two workers took it from 185 s to 141 s. PYTEST_WORKERS=0 runs it in one process.
  # shellcheck disable=SC2086  # PYTEST_ARGS is a list of words on purpose
  step pytest "$bin/pytest" -n "${PYTEST_WORKERS:-auto}" --durations=10 ${PYTEST_ARGS:-}
fi

echo "=== summary"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
  echo "RED: ${failed[*]}" >&2
  exit 1
fi
echo "GREEN"
