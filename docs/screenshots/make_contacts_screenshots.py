"""Regenerate the contacts screenshots (issue 11) in docs/img/ from a demo database (offscreen, no display needed).

    .venv/bin/python docs/screenshots/make_contacts_screenshots.py

Builds a temporary demo database (services.demo, seed 1, 400 debtors, today's date so tasks fall overdue/today/later),
opens the real main window at 1920x1000 and at 1366x768, and grabs: the Contacten tab of a debtor with a contact log,
the contact dialog filled in, the guided call after an aanmaning, "Mijn werk", the bailiff's route list and the visit
report form.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="caseworker-shots-"))
os.environ["CASEWORKER_HOME"] = str(TMP / "home")

from sqlalchemy import func, select  # noqa: E402

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from caseworker_app.db.models import ContactEntry, Debtor  # noqa: E402

from caseworker_app.services import admin, demo  # noqa: E402
from caseworker_app.services.contacts import guided  # noqa: E402
from caseworker_app.services.context import Database  # noqa: E402

from caseworker_app.gui import app as gui_app  # noqa: E402
from caseworker_app.gui import ops  # noqa: E402

OUT = ROOT / "docs" / "img"


def spin(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, name: str) -> None:
    spin()
    widget.grab().save(str(OUT / name))
    print(f"wrote docs/img/{name}")  # noqa: T201


def main() -> int:
    url = f"sqlite:///{TMP / 'demo.sqlite'}"
    admin.upgrade(url)
    ctx = Database.open(url).login()
    demo.generate(ctx, debtors=400, seed=1)
    ops.set_default_pool(ops.SyncPool())
    gui_app.create_application()
    from caseworker_app.gui.contacts.my_work import open_debtor_in
    from caseworker_app.gui.contacts.visits import VisitReportDialog
    from caseworker_app.gui.main_window import MainWindow

    with ctx.db.session_factory() as session:  # the debtor with the longest contact log
        debtor_id, name, bsn = session.execute(
            select(Debtor.id, Debtor.achternaam, Debtor.bsn).join(ContactEntry, ContactEntry.debtor_id == Debtor.id)
            .group_by(Debtor.id, Debtor.achternaam, Debtor.bsn).order_by(func.count().desc(), Debtor.id).limit(1)
        ).one()
    for size, suffix in (((1920, 1000), ""), ((1366, 768), "-1366")):
        window = MainWindow()
        window.resize(*size)
        window.show()
        window.set_context(ctx)
        tab = open_debtor_in(window, debtor_id, name, bsn)
        ws = tab.workspace
        ws.tabs.setCurrentWidget(ws.contacts_tab)
        save(window, f"contacts-tab{suffix}.png")
        ws.contacts_tab.open_contact_dialog()
        dialog = ws.contacts_tab.dialog
        dialog.summary.setPlainText("Gebeld na de aanmaning. Mevrouw schrok van het bedrag; ze werkt sinds kort minder "
                                    "uren. Uitgelegd dat een betalingsregeling kan; ze stuurt haar loonstroken.")
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("gegevens_opgevraagd"))
        dialog.circumstance_checks["werkloosheid"].setChecked(True)
        save(dialog, f"contact-dialog{suffix}.png")
        dialog.reject()
        window.action_my_work.trigger()
        save(window.my_work_dialog, f"my-work{suffix}.png")
        window.my_work_dialog.work.team.setChecked(True)
        save(window.my_work_dialog, f"my-work-team{suffix}.png")
        window.my_work_dialog.close()
        candidates = guided.call_list(ctx)
        if candidates:
            window.action_calllist.trigger()
            save(window.call_list, f"call-list{suffix}.png")
            window.call_list.view.setCurrentIndex(window.call_list.model.index(0, 0))
            window.call_list._open(0)
            save(window.guided_call_dialog, f"guided-call{suffix}.png")
            window.guided_call_dialog.reject()
            window.call_list.close()
        window.action_visitlist.trigger()
        window.visit_list.everyone.setChecked(True)
        save(window.visit_list, f"visit-list{suffix}.png")
        rows = window.visit_list.model.rows
        risky = next((n for n, r in enumerate(rows) if r["visit"].risico), 0)
        window.visit_list.open_report(risky)
        form: VisitReportDialog = window.visit_list.form
        form.fields["woonsituatie"].setPlainText("Huurwoning, tweede verdieping, eenvoudig ingericht")
        form.fields["huishouden"].setPlainText("Alleenstaande moeder met twee kinderen (4 en 7)")
        form.fields["kwetsbaarheid"].setPlainText("Maakt zich veel zorgen; slaapt slecht van de schulden")
        form.fields["goederen"].setPlainText("Geen goederen van waarde gezien; oude fiets in de gang")
        form.fields["bevindingen"].setPlainText("Beslag op de inboedel levert niets op en raakt de kinderen. "
                                               "Ze wil betalen als het in termijnen kan.")
        form.advice.setCurrentIndex(form.advice.findData("maatwerk"))
        save(form, f"visit-report{suffix}.png")
        form.reject()
        window.visit_list.close()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
