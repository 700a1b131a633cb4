#!/usr/bin/env python3
"""Project rules that ruff, mypy and import-linter cannot express (style 18), checked on the syntax tree.

- tests/unit stays Qt-free: no PySide6/pytestqt import, no qtbot/qapp fixture (Qt tests belong in tests/gui).
- no test is skipped unconditionally: no bare ``@pytest.mark.skip`` and no ``pytest.skip()`` straight in a test body
  or at module level (``skipif`` / a skip inside an ``if`` with a reason is fine).
- repositories and the domain never commit: ``.commit()`` is for services, which own the transaction (style 4).

(``loadUiType``/``QUiLoader`` are banned through ruff's TID251; generated forms are checked by build_ui.py --check.)
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_MODULES = ("PySide6", "shiboken6", "pytestqt")
QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester", "qtlog"}


def python_files(folder: str) -> Iterator[Path]:
    base = ROOT / folder
    if base.exists():
        yield from sorted(base.rglob("*.py"))


def parse(path: Path) -> ast.Module | None:
    try:
        return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError:
        return None  # ruff reports syntax errors with a better message


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"


def dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return dotted(node.func)
    return ""


def check_unit_tests_without_qt() -> Iterator[str]:
    for path in python_files("tests/unit"):
        tree = parse(path)
        if tree is None:
            continue
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in QT_MODULES:
                    yield f"{where(path, node)}: tests/unit must not import {name}; put Qt tests in tests/gui"
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for arg in node.args.args:
                    if arg.arg in QT_FIXTURES:
                        yield f"{where(path, node)}: tests/unit must not use the {arg.arg} fixture; use tests/gui"


def _is_skip_call(stmt: ast.stmt) -> bool:
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and dotted(stmt.value) == "pytest.skip"


def check_no_unconditional_skip() -> Iterator[str]:
    for path in python_files("tests"):
        tree = parse(path)
        if tree is None:
            continue
        for stmt in tree.body:
            if _is_skip_call(stmt):
                yield f"{where(path, stmt)}: module-level pytest.skip() skips the whole file unconditionally"
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for deco in node.decorator_list:
                if dotted(deco) == "pytest.mark.skip":
                    yield f"{where(path, deco)}: @pytest.mark.skip is unconditional; use skipif with a real condition"
            if node.name.startswith("test"):
                for stmt in node.body:
                    if _is_skip_call(stmt):
                        yield f"{where(path, stmt)}: pytest.skip() at the top of {node.name} skips it always"


def check_no_commit_below_services() -> Iterator[str]:
    for folder in ("caseworker_app/db/repositories", "caseworker_app/domain"):
        for path in python_files(folder):
            tree = parse(path)
            if tree is None:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "commit":
                    yield f"{where(path, node)}: repositories flush, services commit (style 4)"


CHECKS = (check_unit_tests_without_qt, check_no_unconditional_skip, check_no_commit_below_services)


def main() -> int:
    problems = [problem for check in CHECKS for problem in check()]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"misc_checks: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"misc_checks: {len(CHECKS)} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
