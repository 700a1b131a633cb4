"""``caseworker selftest``: prove that this installation works, without touching any real data.

Runs in a temporary folder and checks, each in a few milliseconds to a second:

1. database: a new SQLite file is migrated to the head revision by the Alembic scripts shipped in the package;
2. parameters: the yearly figures (``domain/parameters/*.toml``) load and are valid;
3. pdf: a one-page PDF with € and accented names renders with the shipped TrueType font;
4. postgresql-driver: psycopg and its libpq load (no server is contacted);
5. qt: PySide6 starts an application (offscreen when there is no display) and loads the shipped translations;
6. services: ``services.admin.selftest`` when the services layer provides one.

It exists mostly for the frozen PyInstaller build (``make build-test``), where a file missing from ``build.spec``
only shows when the program runs. Exit 0 when everything passed, 1 otherwise; one line per check.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

Check = Callable[[Path], str]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "selftest",
        parents=[common],
        help="controleer deze installatie (database, rekenparameters, PDF, Qt) zonder echte gegevens te raken",
        description="Controleert in een tijdelijke map of database-migraties, rekenparameters, PDF-opmaak en Qt "
        "werken. Raakt geen echte gegevens. Exitcode 0 als alles werkt.",
    )
    parser.add_argument("--no-gui", action="store_true", help="sla de Qt-controle over")
    parser.set_defaults(func=run)


def check_database(tmp: Path) -> str:
    from caseworker_app.db.migrate import current_revision, head_revision, upgrade_to_head
    from caseworker_app.db.session import create_engine_for_url

    engine = create_engine_for_url(f"sqlite:///{tmp / 'selftest.sqlite'}")
    try:
        upgrade_to_head(engine)
        current, head = current_revision(engine), head_revision()
    finally:
        engine.dispose()
    if current != head:
        raise AssertionError(f"schema staat op {current}, verwacht {head}")
    return f"nieuwe SQLite-database gemigreerd tot revisie {head}"


def check_parameters(tmp: Path) -> str:
    from caseworker_app.domain.params import reload_parameters

    params = reload_parameters()  # read the files now, not whatever this process cached earlier
    if not params.tables:
        raise AssertionError("geen rekenparameters gevonden")
    return f"{len(params.tables)} parameters, {len(params.rows())} geldigheidsperioden"


def check_postgres_driver(tmp: Path) -> str:
    import psycopg

    impl = psycopg.pq.__impl__  # "binary" or "c" carry their own speed-ups; "python" needs the system's libpq
    return f"psycopg {psycopg.__version__} ({impl}), libpq {psycopg.pq.version()}"


def _font() -> str:
    """The shipped DejaVu font through reportlab's registry; reportlab's own Helvetica only as a last resort."""
    try:
        from caseworker_app.reports.fonts import register_fonts
    except ImportError:
        return "Helvetica"
    return register_fonts().regular


def check_pdf(tmp: Path) -> str:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    font = _font()
    target = tmp / "selftest.pdf"
    canvas = Canvas(str(target), pagesize=A4)
    canvas.setFont(font, 12)
    canvas.drawString(72, 760, "Caseworker selftest: Özdemir, Ngọc, Müller – € 1.234,56")
    canvas.showPage()
    canvas.save()
    data = target.read_bytes()
    if not data.startswith(b"%PDF") or len(data) < 500:
        raise AssertionError(f"{target.name} is geen geldige PDF ({len(data)} bytes)")
    return f"PDF van {len(data)} bytes met lettertype {font}"


def check_qt(tmp: Path) -> str:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication, QLabel

    from caseworker_app import paths

    app = QApplication.instance() or QApplication(["caseworker-selftest"])
    label = QLabel("Schuldpositie € 1.234,56")
    label.adjustSize()
    if label.sizeHint().width() <= 0:
        raise AssertionError("Qt kan geen tekst opmaken (ontbreken er lettertypen?)")
    translations = sorted(paths.resource("translations").glob("*.qm"))
    for qm in translations:
        if not QTranslator().load(str(qm)):
            raise AssertionError(f"vertaling {qm.name} laadt niet")
    platform = QApplication.platformName()
    label.deleteLater()
    del app
    return f"Qt-platform {platform}, {len(translations)} vertaling(en) geladen"


def check_services(tmp: Path) -> str:
    from caseworker_app.services import admin

    selftest = getattr(admin, "selftest", None)
    if selftest is None:
        return "geen extra controles"
    lines = selftest(tmp)
    return "; ".join(lines) if lines else "geen bijzonderheden"


def run(args: argparse.Namespace) -> int:
    checks: list[tuple[str, Check]] = [
        ("database", check_database),
        ("parameters", check_parameters),
        ("pdf", check_pdf),
        ("postgresql-driver", check_postgres_driver),
    ]
    if not args.no_gui:
        checks.append(("qt", check_qt))
    checks.append(("services", check_services))
    failures = 0
    with tempfile.TemporaryDirectory(prefix="caseworker-selftest-") as folder:
        for name, check in checks:
            start = time.perf_counter()
            try:
                detail = check(Path(folder))
            except Exception as exc:
                failures += 1
                logging.getLogger("caseworker.selftest").error("selftest %s failed", name, exc_info=True)
                print(f"FOUT  {name}: {type(exc).__name__}: {exc}")
            else:
                print(f"ok    {name}: {detail} ({time.perf_counter() - start:.2f} s)")
    print("selftest geslaagd" if failures == 0 else f"selftest: {failures} controle(s) mislukt")
    return 0 if failures == 0 else 1
