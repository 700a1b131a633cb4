"""Help > About: what this is, and the versions someone supporting it needs to know."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from caseworker_app import log as cw_log

from caseworker_app.gui.backend import AboutInfo
from caseworker_app.gui.forms.ui_about_dialog import Ui_AboutDialog


class AboutDialog(QDialog):
    def __init__(self, info: AboutInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        self.ui.iconLabel.setPixmap(QIcon("icons:caseworker.svg").pixmap(48, 48))
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.accepted.connect(self.accept)
        not_connected = self.tr("not connected")
        schema = info.schema_revision or not_connected
        if info.schema_revision and info.head_revision and info.schema_revision != info.head_revision:
            schema = self.tr("{current} (this version expects {head})").format(current=schema, head=info.head_revision)
        self.rows = [
            (self.tr("Version:"), info.caseworker),
            (self.tr("Qt / PySide6:"), f"{info.qt} / {info.pyside}"),
            (self.tr("SQLAlchemy:"), info.sqlalchemy),
            (self.tr("Python:"), info.python),
            (self.tr("Database:"), f"{info.backend} – {info.database}" if info.backend else not_connected),
            (self.tr("Schema revision:"), schema),
            (self.tr("Working as:"), info.user or not_connected),
            (self.tr("Log file:"), str(cw_log.log_file())),
        ]
        for caption, value in self.rows:
            label = QLabel(value, self)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.ui.versionsLayout.addRow(caption, label)

    def text(self) -> str:
        """Everything shown, one "caption value" line per row (copy for a support request, tests)."""
        return "\n".join(f"{c} {v}" for c, v in self.rows)
