"""Interface names of the editable fields (debtor, income and household) and how their values read in a dialog."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from caseworker_app.domain.types import Leefsituatie

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
    # income, fixed costs and household (the capacity correction)
    "peildatum": QT_TRANSLATE_NOOP("DebtorFields", "Date of the information"),
    "inkomen_maand": QT_TRANSLATE_NOOP("DebtorFields", "Net income per month"),
    "partner_inkomen_maand": QT_TRANSLATE_NOOP("DebtorFields", "Partner's net income per month"),
    "woonlasten_maand": QT_TRANSLATE_NOOP("DebtorFields", "Housing costs per month"),
    "zorgpremie_maand": QT_TRANSLATE_NOOP("DebtorFields", "Health insurance premium per month"),
    "vaste_lasten_maand": QT_TRANSLATE_NOOP("DebtorFields", "Other fixed costs per month"),
    "vermogen": QT_TRANSLATE_NOOP("DebtorFields", "Assets"),
    "belastbaar_inkomen_jaar": QT_TRANSLATE_NOOP("DebtorFields", "Taxable income per year"),
    "inkomen_bron": QT_TRANSLATE_NOOP("DebtorFields", "Source of the income"),
    "bijstand": QT_TRANSLATE_NOOP("DebtorFields", "Receives social assistance (bijstand)"),
    "leefsituatie": QT_TRANSLATE_NOOP("DebtorFields", "Living situation"),
    "aantal_kinderen": QT_TRANSLATE_NOOP("DebtorFields", "Children"),
    "kostendelers": QT_TRANSLATE_NOOP("DebtorFields", "Cost sharers"),
    "beschermd_bestaansminimum": QT_TRANSLATE_NOOP("DebtorFields", "Protect the subsistence minimum"),
}


def field_label(name: str) -> str:
    return QCoreApplication.translate(CONTEXT, str(LABELS[name])) if name in LABELS else name


def field_message(exc: BaseException) -> str:
    """A refused field in the words of the form ("Bron van het inkomen: hoogstens 60 tekens (nu 81).") rather
    than the service's message, which names the field by its key ("Het veld 'inkomen_bron' ...")."""
    params = getattr(exc, "params", {}) or {}
    code, name, reason = getattr(exc, "code", ""), str(params.get("field") or ""), params.get("reason")
    if name in LABELS and code == "invalid_field" and reason:
        return QCoreApplication.translate("DebtorFields", "{field}: {reason}.").format(field=field_label(name),
                                                                               reason=reason)
    if name in LABELS and code == "missing_field":
        return QCoreApplication.translate("DebtorFields", "Fill in: {field}.").format(field=field_label(name))
    return str(getattr(exc, "message", exc))


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
    if isinstance(value, Decimal):
        return fmt.eur(value)
    if isinstance(value, dt.date):
        return fmt.date(value)
    if name == "leefsituatie":
        return fmt.enum_label(Leefsituatie, str(value))
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
