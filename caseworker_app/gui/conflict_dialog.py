"""Field-by-field choice when somebody else saved the same debtor in the meantime."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from caseworker_app.errors import FieldConflict

from caseworker_app.gui import settings as gui_settings
from caseworker_app.gui.fields import field_label, field_value
from caseworker_app.gui.forms.ui_conflict_dialog import Ui_ConflictDialog

MINE, THEIRS = 1, 2


class ConflictDialog(QDialog):
    """One group per conflicting field: "Was", "You typed" and "Saved by someone else", and a choice."""

    def __init__(self, conflicts: Sequence[FieldConflict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ConflictDialog()
        self.ui.setupUi(self)
        self.conflicts = list(conflicts)
        self.groups: dict[str, QButtonGroup] = {}
        for conflict in self.conflicts:
            self.ui.conflictsLayout.addWidget(self._conflict_box(conflict))
        self.ui.conflictsLayout.addStretch(1)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._save_button().setText(self.tr("Save my choices"))
        self._update_save()
        self.restoreGeometry(gui_settings.settings().get(gui_settings.CONFLICT_DIALOG_GEOMETRY))

    def _conflict_box(self, conflict: FieldConflict) -> QGroupBox:
        box = QGroupBox(field_label(conflict.field), self)
        box.setObjectName(f"conflict_{conflict.field}")
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("Was:"), box), 0, 0)
        grid.addWidget(self._value_label(conflict.field, conflict.base, box), 0, 1)
        group = QButtonGroup(box)
        for row, (ident, text, value) in enumerate(
            ((MINE, self.tr("My value"), conflict.mine), (THEIRS, self.tr("Their value"), conflict.theirs)), start=1
        ):
            radio = QRadioButton(text, box)
            radio.setObjectName(f"{conflict.field}_{'mine' if ident == MINE else 'theirs'}")
            group.addButton(radio, ident)
            grid.addWidget(radio, row, 0)
            caption = self.tr("You typed:") if ident == MINE else self.tr("Saved by someone else:")
            grid.addWidget(self._value_label(conflict.field, value, box, caption), row, 1)
        grid.setColumnStretch(1, 1)
        group.idToggled.connect(self._update_save)
        self.groups[conflict.field] = group
        return box

    @staticmethod
    def _value_label(field: str, value: object, parent: QWidget, caption: str = "") -> QLabel:
        label = QLabel(f"{caption} {field_value(field, value)}".strip(), parent)
        label.setWordWrap(True)
        return label

    def _save_button(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    @Slot()
    def _update_save(self) -> None:
        self._save_button().setEnabled(all(g.checkedId() in (MINE, THEIRS) for g in self.groups.values()))

    def choose(self, field: str, which: int) -> None:
        self.groups[field].button(which).setChecked(True)

    def done(self, result: int) -> None:
        gui_settings.settings().set(gui_settings.CONFLICT_DIALOG_GEOMETRY, self.saveGeometry())
        super().done(result)

    def keep_mine(self) -> set[str]:
        """The fields where the user chose their own value."""
        return {f for f, g in self.groups.items() if g.checkedId() == MINE}
