"""The recent-debtors list: newest first, once per debtor, per database, bounded, robust against a bad file."""

from __future__ import annotations

import datetime as dt

from caseworker_app.services.dto import DebtorSummary

from caseworker_app.gui.workspace import recent


def summary(i: int, name: str = "Jan Jansen") -> DebtorSummary:
    return DebtorSummary(id=i, display_name=f"{name} {i}", bsn="111222333", rsin=None, doelgroep="particulier",
                         geboortedatum=dt.date(1980, 5, 17), address="Dorpsstraat 12a, 1234 AB Utrecht",
                         postcode="1234AB", huisnummer=12, matched_by="name")


def test_newest_first_once_each_and_per_database():
    text = ""
    for i in (1, 2, 3, 2):
        text = recent.add(text, "sqlite:///a", summary(i))
    text = recent.add(text, "sqlite:///b", summary(9))
    shown = recent.entries(text, "sqlite:///a")
    assert [s.id for s in shown] == [2, 3, 1]
    assert shown[0].geboortedatum == dt.date(1980, 5, 17) and shown[0].display_name == "Jan Jansen 2"
    assert [s.id for s in recent.entries(text, "sqlite:///b")] == [9]
    assert [s.id for s in recent.entries(recent.remove(text, "sqlite:///a", 3), "sqlite:///a")] == [2, 1]


def test_the_list_is_bounded_and_a_damaged_setting_is_an_empty_list():
    text = ""
    for i in range(25):
        text = recent.add(text, "db", summary(i))
    assert [s.id for s in recent.entries(text, "db")] == list(range(24, 24 - recent.LIMIT, -1))
    assert recent.entries("{not json", "db") == []
    assert recent.entries('[{"database": "db", "debtor": {"id": 1}}]', "db") == []  # fields missing: skipped
