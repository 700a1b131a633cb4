"""The interface speaks Dutch: every source string has a finished translation, and Qt's own texts are Dutch too."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from caseworker_app import paths

TS = paths.resource("translations/caseworker_nl.ts")


def test_every_string_has_a_finished_dutch_translation():
    root = ET.parse(TS).getroot()
    problems = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                problems.append(f"{name}: {source!r} is {translation.get('type')}")
            forms = [f.text for f in translation.iter("numerusform")]
            if message.get("numerus") == "yes":
                if len(forms) != 2 or not all(forms):
                    problems.append(f"{name}: {source!r} needs a singular and a plural form")
            elif not translation.text:
                problems.append(f"{name}: {source!r} has no translation")
    assert problems == []


def test_placeholders_survive_translation():
    """A translator dropping {count} or %n would crash .format() or show a wrong number."""
    root = ET.parse(TS).getroot()

    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        texts = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in texts:
            assert sorted(re.findall(r"\{\w+\}", source)) == sorted(re.findall(r"\{\w+\}", text)), source
            assert ("%n" in source) == ("%n" in text), source


def test_qt_standard_buttons_are_dutch(qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Opslaan", "Annuleren"}
    assert QCoreApplication.translate("MainWindow", "Search") == "Zoeken"
