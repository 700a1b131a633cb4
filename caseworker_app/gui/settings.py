"""Every setting the interface keeps, declared once (style 15), on top of a QSettings INI file.

``prefs/*`` are the user's choices; ``state/*`` is what the windows remember (geometry, splitters,
header layouts, the last database).  Code reads and writes through the :class:`Option` objects below,
so an undeclared key cannot be used; ``Settings.changed`` emits the key that changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QObject, QSettings, Signal

from caseworker_app import paths

T = TypeVar("T")

FILE_NAME = "caseworker.ini"


@dataclass(frozen=True)
class Option(Generic[T]):
    section: str  # "prefs" or "state"
    name: str
    type: type[T]
    default: T
    title: object = ""  # QT_TRANSLATE_NOOP("Settings", …): translate with context "Settings" when shown

    @property
    def key(self) -> str:
        return f"{self.section}/{self.name}"


REGISTRY: dict[str, Option[Any]] = {}


def _declare(option: Option[T]) -> Option[T]:
    assert option.section in ("prefs", "state"), option
    assert option.key not in REGISTRY, f"setting {option.key} declared twice"
    REGISTRY[option.key] = option
    return option


# ---- preferences ----
LANGUAGE = _declare(Option("prefs", "language", str, "nl", QT_TRANSLATE_NOOP("Settings", "Interface language")))
SEARCH_LIMIT = _declare(
    Option("prefs", "search_limit", int, 50, QT_TRANSLATE_NOOP("Settings", "Maximum search results"))
)

# ---- window state ----
LAST_DATABASE = _declare(Option("state", "last_database", str, ""))
MAIN_GEOMETRY = _declare(Option("state", "main_window/geometry", QByteArray, QByteArray()))
MAIN_STATE = _declare(Option("state", "main_window/state", QByteArray, QByteArray()))
MAIN_SPLITTER = _declare(Option("state", "main_window/splitter", QByteArray, QByteArray()))
RESULTS_HEADER = _declare(Option("state", "main_window/results_header", QByteArray, QByteArray()))
# the workspace's claims tree (creditor > middel > claim); a new key: the flat table's layout does not fit it
CLAIMS_HEADER = _declare(Option("state", "workspace/claims_header", QByteArray, QByteArray()))
RECENT_DEBTORS = _declare(Option("state", "main_window/recent_debtors", str, ""))
EDIT_DIALOG_GEOMETRY = _declare(Option("state", "debtor_edit/geometry", QByteArray, QByteArray()))
CONFLICT_DIALOG_GEOMETRY = _declare(Option("state", "conflict_dialog/geometry", QByteArray, QByteArray()))


class Settings(QObject):
    changed = Signal(str)

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path or paths.config_dir() / FILE_NAME
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, option: Option[T]) -> T:
        self._check(option)
        value = self._qs.value(option.key, option.default)
        if value is None:
            return option.default
        if option.type is QByteArray:
            return value if isinstance(value, QByteArray) else option.default  # type: ignore[return-value]
        try:
            if option.type is bool and isinstance(value, str):
                return value.lower() in ("true", "1", "yes")  # type: ignore[return-value]
            return option.type(value)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        self._check(option)
        if self._qs.value(option.key) == value:
            return
        self._qs.setValue(option.key, value)
        self.changed.emit(option.key)

    def sync(self) -> None:
        self._qs.sync()

    @staticmethod
    def _check(option: Option[Any]) -> None:
        if REGISTRY.get(option.key) is not option:
            raise KeyError(f"setting {option.key} is not declared in caseworker_app.gui.settings")


_settings: Settings | None = None


def settings() -> Settings:
    """The application's settings (created on first use, in ``paths.config_dir()``)."""
    global _settings
    if _settings is None:
        _settings = Settings()
    return _settings


def reset_for_tests(instance: Settings | None = None) -> None:
    global _settings
    _settings = instance
