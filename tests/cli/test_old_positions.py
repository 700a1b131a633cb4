"""Positions dated 1990-2019 (``debtor show --date 2005-01-01``): computed with the figures that are known, and
what cannot be computed is said in a Dutch sentence -- never a parameter key, never "add it to the table"."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re

import pytest

from caseworker_app import cli
from tests.factories import add_claim, add_debtor, open_context

from caseworker_app.domain.params import load_parameters

KEY = re.compile(r"\b[a-z]+(_[a-z0-9]+)+\b")


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def url(migrated_db_url: str) -> str:
    ctx = open_context(migrated_db_url)
    debtor_id = add_debtor(ctx, bsn="111222333")
    add_claim(ctx, debtor_id, amount="800.00", dagtekening=dt.date(2003, 3, 1),
              payments=((dt.date(2004, 1, 5), "100.00"),))
    add_claim(ctx, debtor_id, amount="1500.00", dagtekening=dt.date(2018, 3, 1))
    return migrated_db_url


@pytest.mark.parametrize("day", ["1990-01-01", "2005-01-01", "2012-06-30", "2019-12-31"])
def test_an_old_date_shows_what_is_known_and_says_what_is_not(url: str, day: str) -> None:
    code, out, err = _run("debtor", "show", "111222333", "--date", day, "--database", url)
    assert code == 0, err
    assert "Totaal open" in out
    assert not KEY.search(out + err), KEY.search(out + err)
    assert "parametertabel" not in out + err
    code, out, err = _run("debtor", "show", "111222333", "--date", day, "--json", "--database", url)
    assert code == 0, err
    doc = json.loads(out)
    messages = [c["calculation_error"] for c in doc["claims"] if c.get("calculation_error")]
    messages += [f["detail"] for f in doc["flags"]]
    for message in messages:
        assert not KEY.search(message) and "parametertabel" not in message, message


def test_the_2003_claim_keeps_its_ledger_and_is_marked_as_not_computed(url: str) -> None:
    code, out, err = _run("debtor", "show", "111222333", "--date", "2005-01-01", "--json", "--database", url)
    assert code == 0, err
    doc = json.loads(out)
    old = next(c for c in doc["claims"] if c["dagtekening"] == "2003-03-01")
    assert old["open"] == "700.00"  # the ledger: 800 - 100
    error = old["calculation_error"]
    assert error and error.startswith("Voor ") and "niet" in error  # a sentence saying what is not known
    assert "invorderingsrente" in error.lower()
    assert any(f["code"] == "berekening_onvolledig" for f in doc["flags"])


def test_every_missing_figure_message_is_a_sentence_without_keys() -> None:
    params = load_parameters()
    for name, table in params.tables.items():
        if not table.rows:
            continue
        first = table.rows[0].valid_from
        with pytest.raises(Exception) as info:
            params.get(name, first - dt.timedelta(days=1))
        message = str(info.value)
        assert not KEY.search(message) and "parametertabel" not in message, message
        assert message.startswith("Voor ") and message.endswith("."), message
