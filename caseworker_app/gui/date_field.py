"""A date field that behaves like the other fields: Tab leaves it.

``QDateEdit`` moves Tab from day to month to year and only then on to the next field, a trap when working
by keyboard.  Here Tab and Shift+Tab move to the next and previous control; the parts of the date are typed
straight through ("01112026" or "1-11-2026") or changed with the arrow keys, and the calendar opens with
Alt+Down or F4.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QWidget


class DateField(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd-MM-yyyy")

    def focusNextPrevChild(self, next: bool) -> bool:
        return QAbstractSpinBox.focusNextPrevChild(self, next)
