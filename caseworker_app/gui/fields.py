"""Interface names of the debtor's editable fields and how their values read in a dialog."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from caseworker_app.gui import format as fmt

CONTEXT = "DebtorFields"

LABELS = {
    "voornamen": QT_TRANSLATE_NOOP("DebtorFields", "First names"),
    "tussenvoegsel": QT_TRANSLATE_NOOP("DebtorFields", "Prefix"),
    "achternaam": QT_TRANSLATE_NOOP("DebtorFields", "Surname"),
    "straat": QT_TRANSLATE_NOOP("DebtorFields", "Street"),
    "huisnummer": QT_TRANSLATE_NOOP("DebtorFields", "House number"),
    "huisnummer_toevoeging": QT_TRANSLATE_NOOP("DebtorFields", "House number addition"),
    "postcode": QT_TRANSLATE_NOOP("DebtorFields", "Postcode"),
    "woonplaats": QT_TRANSLATE_NOOP("DebtorFields", "Town"),
    "land": QT_TRANSLATE_NOOP("DebtorFields", "Country code"),
    "telefoon": QT_TRANSLATE_NOOP("DebtorFields", "Telephone"),
    "email": QT_TRANSLATE_NOOP("DebtorFields", "E-mail"),
    "fraude_markering": QT_TRANSLATE_NOOP("DebtorFields", "Fraud flag"),
}


def field_label(name: str) -> str:
    return QCoreApplication.translate(CONTEXT, str(LABELS[name])) if name in LABELS else name


def field_value(name: str, value: object) -> str:
    """A stored or typed value as the user reads it ("(empty)", "yes"/"no", "1234 AB")."""
    if value is None or value == "":
        return QCoreApplication.translate("DebtorFields", "(empty)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("DebtorFields", "yes")
            if value
            else QCoreApplication.translate("DebtorFields", "no")
        )
    if name == "postcode":
        return fmt.postcode(str(value).replace(" ", "").upper())
    return str(value)


def normalized(name: str, value: object) -> object:
    """What counts as "the same value" when deciding whether the user changed a field."""
    if isinstance(value, bool) or name == "fraude_markering":
        return bool(value)
    text = "" if value is None else str(value).strip()
    if name == "postcode":
        return text.replace(" ", "").upper()
    if name == "land":
        return text.upper() or "NL"
    return text
