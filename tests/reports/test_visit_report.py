"""The printable visit report (bezoekverslag): what the bailiff recorded, readable text, no special personal data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from caseworker_app import cli
from tests.factories import add_debtor, login_as, open_context
from tests.reports.pdftext import pdf_fonts, pdf_info, pdf_text

from caseworker_app.domain.types import Role

from caseworker_app.db.models import AuditEntry

from caseworker_app.services.contacts import visits


def test_the_visit_report_pdf_says_what_was_found_and_not_the_omstandigheid(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    builder = open_context(db_url)
    debtor_id = add_debtor(builder, achternaam="Öztürk", voornamen="Ayşe")
    bailiff = login_as(builder, db_url, "deurwaarder", Role.BAILIFF)
    try:
        long_findings = "\n".join(f"Regel {i}: de woonkamer is leeg en koud." for i in range(200))
        report = visits.report_visit(
            bailiff, debtor_id, aangetroffen=True, advies="maatwerk", bevindingen=long_findings,
            risico="Grote hond", kwetsbaarheid="Slaapt slecht van de schulden", goederen="Geen",
            omstandigheden=[("psychisch", "Depressie, in behandeling")])
        target = tmp_path / "bezoek.pdf"
        written = visits.write_visit_report(bailiff, report.id, str(target))
        text = pdf_text(written)
        for expected in ("Bezoekverslag huisbezoek", "Ayşe Öztürk", "maatwerk voorstellen", "Grote hond",
                         "Slaapt slecht van de schulden", "Regel 199", "pagina 1 van", "bijzondere omstandigheden"):
            assert expected in text, expected
        assert "psychisch" not in text.lower() and "Depressie" not in text  # art. 9 data stays out of the print
        assert "pagina 2 van" in text  # long findings flow over pages
        assert all(f["emb"] == "yes" for f in pdf_fonts(written))
        assert "Bezoekverslag" in pdf_info(written)["Title"]
        with builder.db.session_factory() as session:
            logged = session.execute(select(AuditEntry.entity_id).where(AuditEntry.action == "report.bezoekverslag"))
            assert list(logged.scalars()) == [str(report.id)]
        capsys.readouterr()
        assert cli.main(["visit", "pdf", str(report.id), "-o", str(target), "--database",
                         bailiff.db.url] + (["--user", bailiff.actor.login] if "sqlite" in db_url else [])) == 2
        assert "bestaat al" in capsys.readouterr().err  # an existing file is not replaced without --force
        assert report.bezocht_op == dt.datetime.now().astimezone().date()
    finally:
        bailiff.db.dispose()
        builder.db.dispose()
