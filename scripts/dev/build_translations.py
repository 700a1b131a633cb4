#!/usr/bin/env python3
"""Qt Linguist round trip: sources -> ``resources/translations/caseworker_<lang>.ts`` -> ``.qm``.

    python scripts/dev/build_translations.py           # lupdate (keeps existing translations), then lrelease
    python scripts/dev/build_translations.py --check   # fail when a committed .qm is not what its .ts compiles to;
                                                       # warn when a .ts misses strings that are in the sources

pyside6-lupdate reads ``self.tr()``, ``QCoreApplication.translate()`` and ``QT_TRANSLATE_NOOP`` in
``caseworker_app/`` (the generated forms are skipped: their strings come from ``ui/*.ui`` directly) and the
Designer forms in ``ui/``. Source locations are not stored (``-locations none``) so the .ts only changes when the
strings do.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
#: Languages we keep a .ts for; caseworker_<lang>.ts is created on the first run.
LANGUAGES = ("nl",)


def tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"build_translations: {name} not found; run `make setup` (it comes with PySide6)")
    return found


def sources() -> list[Path]:
    forms = ROOT / "caseworker_app" / "gui" / "forms"
    py = [p for p in sorted((ROOT / "caseworker_app").rglob("*.py")) if forms not in p.parents]
    return py + sorted((ROOT / "ui").glob("*.ui"))


def run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"build_translations: {Path(cmd[0]).name} failed:\n{result.stdout}{result.stderr}")


def lupdate(ts_file: Path, lang: str) -> None:
    files = [str(p.relative_to(ROOT)) for p in sources()]
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(files) + "\n")
    try:
        run([tool("pyside6-lupdate"), "-silent", "-locations", "none", "-target-language", lang, f"@{lst.name}",
             "-ts", str(ts_file)])
    finally:
        Path(lst.name).unlink()


def lrelease(ts_file: Path, qm_file: Path) -> None:
    run([tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)])


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("caseworker_*.ts"))


def build() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"caseworker_{lang}.ts"
        lupdate(ts, lang)
        print(f"build_translations: updated {ts.relative_to(ROOT)}")
    for ts in ts_files():
        qm = ts.with_suffix(".qm")
        lrelease(ts, qm)
        print(f"build_translations: wrote {qm.relative_to(ROOT)}")
    return 0


def check() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="caseworker-i18n-") as tmp:
        for ts in ts_files():
            committed = ts.with_suffix(".qm")
            fresh = Path(tmp) / committed.name
            lrelease(ts, fresh)
            rel = committed.relative_to(ROOT)
            if not committed.exists():
                problems.append(f"{rel} is missing")
            elif committed.read_bytes() != fresh.read_bytes():
                problems.append(f"{rel} is not what {ts.name} compiles to")
            # Not fatal: a new tr() string is fine until someone translates it, but say so.
            copy = Path(tmp) / ts.name
            shutil.copyfile(ts, copy)
            lupdate(copy, ts.stem.split("_", 1)[1])
            if copy.read_bytes() != ts.read_bytes():
                print(f"build_translations: note: {ts.relative_to(ROOT)} misses or has stale strings from the "
                      "sources; run `make translations` and translate them", file=sys.stderr)
    for problem in problems:
        print(f"build_translations: {problem}", file=sys.stderr)
    if problems:
        print("build_translations: run `make translations` and commit the .ts and .qm files", file=sys.stderr)
        return 1
    print(f"build_translations: {len(ts_files())} translation file(s) compiled and up to date")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail when a committed .qm does not match its .ts")
    args = parser.parse_args()
    return check() if args.check else build()


if __name__ == "__main__":
    sys.exit(main())
