"""Bad URLs, unreachable servers, locked and corrupt files: one clear Dutch message, nothing half-written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from caseworker_app.errors import StorageError, ValidationError
from tests.factories import add_debtor, open_context

from caseworker_app.db import session as db_session

from caseworker_app.services import admin, debtors
from caseworker_app.services.context import Database


@pytest.mark.parametrize(
    ("url", "fragment"),
    [("", "leeg"), ("mysql://x@y/z", "mysql"), ("postgresql://:::", "onbekende vorm"), ("sqlite+foo:///x", "SQLite")],
)
def test_bad_urls_are_explained(url: str, fragment: str) -> None:
    with pytest.raises((ValidationError, StorageError)) as info:
        Database.open(url)
    assert fragment in info.value.message


def test_unreachable_server_is_a_storage_error() -> None:
    with pytest.raises(StorageError) as info:
        Database.open("postgresql://nobody@127.0.0.1:1/none")
    assert info.value.code == "database_unreachable"
    assert "niet bereikbaar" in info.value.message


def test_missing_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        Database.open(f"sqlite:///{tmp_path}/nope/db.sqlite")
    assert "bestaat niet" in info.value.message


def test_corrupt_file_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not a database, just some text " * 200)
    with pytest.raises(StorageError) as info:
        admin.upgrade(f"sqlite:///{path}")
    assert info.value.code == "database_corrupt"
    assert path.read_bytes().startswith(b"this is not a database")  # untouched


def test_locked_sqlite_file_gives_a_retry_message_and_loses_nothing(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_session, "SQLITE_BUSY_TIMEOUT_MS", 150)
    ctx = open_context(sqlite_url)
    debtor_id = add_debtor(ctx)
    base = debtors.get_debtor(ctx, debtor_id)
    ctx = Database.open(sqlite_url).login()  # new engine with the short timeout
    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        with pytest.raises(StorageError) as info:
            debtors.update_debtor(ctx, base, {"telefoon": "0612345678"})
        assert info.value.code == "database_locked"
        assert "Probeer het zo opnieuw" in info.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()
    # after the lock is gone the same save simply works
    assert debtors.update_debtor(ctx, base, {"telefoon": "0612345678"}).debtor.telefoon == "0612345678"


def test_invalid_edits_are_refused_before_anything_is_written(db_url: str) -> None:
    ctx = open_context(db_url)
    debtor_id = add_debtor(ctx)
    base = debtors.get_debtor(ctx, debtor_id)
    for changes, fragment in (
        ({"postcode": "12AB"}, "postcode"),
        ({"huisnummer": "x"}, "huisnummer"),
        ({"achternaam": "  "}, "achternaam"),
        ({"bsn": "123456782"}, "kan niet worden gewijzigd"),
        ({"land": "Nederland"}, "landcode"),
    ):
        with pytest.raises(ValidationError) as info:
            debtors.update_debtor(ctx, base, {"telefoon": "0600000000", **changes})
        assert fragment in info.value.message
    assert debtors.get_debtor(ctx, debtor_id) == base
