"""Qt translations: Caseworker's own ``caseworker_<lang>.qm`` and Qt's ``qtbase_<lang>.qm`` (style 8).

English source strings live in the code and ``ui/*.ui``; Dutch is the default interface language.
``CASEWORKER_LANG=en`` shows the source strings (handy to spot an untranslated one).
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from caseworker_app import paths

log = logging.getLogger("caseworker.ui.i18n")
DEFAULT_LANGUAGE = "nl"
_installed: list[QTranslator] = []


def language() -> str:
    """``CASEWORKER_LANG`` when set, else the ``prefs/language`` setting (Dutch by default)."""
    from caseworker_app.gui import settings as gui_settings

    return os.environ.get("CASEWORKER_LANG") or gui_settings.settings().get(gui_settings.LANGUAGE) or DEFAULT_LANGUAGE


def install(app: QCoreApplication, lang: str | None = None) -> list[str]:
    """Load the translators for ``lang``; returns the files loaded.  Call before any widget exists."""
    lang = lang or language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    loaded: list[str] = []
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Netherlands))
        return loaded
    QLocale.setDefault(QLocale(lang))
    candidates = [
        (f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"caseworker_{lang}", str(paths.resource("translations"))),
    ]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(f"{folder}/{name}.qm")
        else:
            log.info("no translation %s in %s", name, folder)
    return loaded
