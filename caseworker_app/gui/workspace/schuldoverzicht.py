"""The citizen's schuldoverzicht from the workspace: preview, save as PDF, print -- never on the GUI thread.

The letter is made from the position on screen (``services.position.schuldoverzicht_data``: the same totals
object the screen shows), so what the officer previews is what the citizen reads.  Work is split over the two
pools of :mod:`caseworker_app.gui.ops`:

* the **render pool** (one thread, CPU only): reportlab writes the PDF, PDFium (``pypdfium2``) turns its pages
  into images for the preview and the printer.  PDFium is not thread-safe;
  one thread keeps every call to it in order;
* the **database worker**: saving the file together with the audit row that says it was made (one step, as on
  the command line: the file exists if and only if its row was committed), and the audit row of a print.

Pages are rasterised when they scroll into view, a few at a time, and only the pages near the view are kept:
a 5,000-claim letter of 190 pages previews as quickly as one of two.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseworker_app.errors import UserFacingError

from caseworker_app.gui import format as fmt
from caseworker_app.gui import ops
from caseworker_app.gui.ops import ServiceOp

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from caseworker_app.reports.schuldoverzicht import SchuldoverzichtData

    from caseworker_app.services.context import Context
    from caseworker_app.services.position import DebtPosition

log = logging.getLogger("caseworker.ui.letter")

#: A4 in PDF points
PAGE_POINTS = QSize(595, 842)
#: preview resolution (dots per inch) at a device pixel ratio of 1
PREVIEW_DPI = 96
#: how many rasterised preview pages are kept (those nearest the view)
KEEP_PAGES = 12
#: printing resolution cap: the printer's own when lower
PRINT_DPI = 300


# ------------------------------------------------------------------------------------ work for the render pool


def render_pdf(data: SchuldoverzichtData, issued_on: dt.date) -> bytes:
    """The letter as PDF bytes (reportlab)."""
    from caseworker_app.reports.schuldoverzicht import render_to_bytes

    return render_to_bytes(data, issued_on=issued_on)


def page_count(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def rasterise(pdf: bytes, pages: list[int], dpi: float) -> dict[int, QImage]:
    """Pages (0-based) of ``pdf`` as images at ``dpi``; a QImage may be made off the GUI thread."""
    import pypdfium2

    out: dict[int, QImage] = {}
    document = pypdfium2.PdfDocument(pdf)
    try:
        for number in pages:
            page = document[number]
            try:
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
                try:
                    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                                   QImage.Format.Format_RGB888)
                    out[number] = image.copy()  # own the pixels: the buffer goes with the bitmap
                finally:
                    bitmap.close()
            finally:
                page.close()
    finally:
        document.close()
    return out


def save_pdf(ctx: Context, position: DebtPosition, pdf: bytes, path: str, issued_on: dt.date) -> str:
    """Write the previewed ``pdf`` to ``path`` with its audit row, in one step (database worker: it is a
    transaction, and the bytes are already rendered).  The file dialog has already asked before replacing."""
    from caseworker_app.services.position import save_schuldoverzicht

    return str(save_schuldoverzicht(ctx, position, pdf, path, issued_on=issued_on, force=True))


# ------------------------------------------------------------------------------------------------ the preview


class _Page(QLabel):
    """One page of the preview: a white A4 until its image arrives."""

    def __init__(self, number: int, size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setObjectName(f"page{number + 1}")
        self.setFixedSize(size)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: #ffffff; border: 1px solid #b8c4d0;")
        self.setAccessibleName(self.tr("Page {number}").format(number=number + 1))
        self.has_image = False

    def show_image(self, image: QImage | None) -> None:
        if image is None:
            self.clear()
            self.has_image = False
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.setPixmap(pixmap)
        self.has_image = True


class SchuldoverzichtDialog(QDialog):
    """Preview of the citizen's letter with "Save as PDF…" and "Print…"; non-modal."""

    #: the PDF is made and its pages counted (the preview can be scrolled)
    ready = Signal(int)
    #: a file was written (its path) / the letter was sent to the printer
    saved = Signal(str)
    printed = Signal()

    def __init__(self, ctx: Context | None, position: DebtPosition, parent: QWidget | None = None, *,
                 issued_on: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schuldoverzichtDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx, self.position = ctx, position
        self.issued_on = issued_on or dt.datetime.now().astimezone().date()
        self.pdf: bytes | None = None
        self.pages: list[_Page] = []
        self._images: OrderedDict[int, QImage] = OrderedDict()
        self._asked: set[int] = set()
        debtor = position.debtor
        self.setWindowTitle(self.tr("Debt overview – {name}").format(name=debtor.display_name))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("letterSummary")
        self.summary.setWordWrap(True)
        self.summary.setText(self.tr("Making the letter for {name} (position on {date})…").format(
            name=debtor.display_name, date=fmt.date(position.as_of)))
        layout.addWidget(self.summary)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        layout.addWidget(self.progress)
        self.page_area = QScrollArea(self)
        self.page_area.setObjectName("letterPages")
        self.page_area.setWidgetResizable(True)
        self.page_area.setAccessibleName(self.tr("Pages of the letter"))
        self.page_area.setFrameShape(QFrame.Shape.NoFrame)
        self.page_area.setStyleSheet("QScrollArea#letterPages { background: #e6ebf2; }")
        self.sheet = QWidget()
        self.sheet.setObjectName("letterSheet")
        self.sheet.setStyleSheet("QWidget#letterSheet { background: #e6ebf2; }")
        self.sheet_layout = QVBoxLayout(self.sheet)
        self.sheet_layout.setSpacing(12)
        self.sheet_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_area.setWidget(self.sheet)
        self.page_area.verticalScrollBar().valueChanged.connect(self._schedule)
        layout.addWidget(self.page_area, 1)
        self.error = QLabel(self)
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setObjectName("saveLetterButton")
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("printLetterButton")
        for button in (self.save_button, self.print_button):
            button.setEnabled(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.choose_file)
        self.print_button.clicked.connect(self.choose_printer)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=30)
        self._timer.timeout.connect(self._rasterise_visible)
        self.resize(880, 900)

    # ---- making the letter --------------------------------------------------------------------------------
    def start(self) -> None:
        """Build the letter's data and the PDF on the render pool (the position is already in memory)."""
        position, issued_on = self.position, self.issued_on

        def work() -> tuple[bytes, int]:
            from caseworker_app.services.position import schuldoverzicht_data

            pdf = render_pdf(schuldoverzicht_data(position), issued_on)
            return pdf, page_count(pdf)

        ServiceOp(self, work, pool=ops.cpu_pool()).success(self._made).failure(self._failed).run()

    def _made(self, result: tuple[bytes, int]) -> None:
        self.pdf, count = result
        self.progress.hide()
        pos = self.position
        self.summary.setText(self.tr("{name}: %n page(s), position on {date}, total outstanding {open}.", "", count)
                             .format(name=pos.debtor.display_name, date=fmt.date(pos.as_of),
                                     open=fmt.eur(pos.totals.open)))
        size = self._page_size()
        for number in range(count):
            page = _Page(number, size, self.sheet)
            self.sheet_layout.addWidget(page)
            self.pages.append(page)
        for button in (self.save_button, self.print_button):
            button.setEnabled(self.ctx is not None)
        self.ready.emit(count)
        self._schedule()

    def _page_size(self) -> QSize:
        scale = PREVIEW_DPI / 72
        return QSize(round(PAGE_POINTS.width() * scale), round(PAGE_POINTS.height() * scale))

    @Slot()
    def _schedule(self) -> None:
        self._timer.start()

    def visible_pages(self) -> list[int]:
        viewport = self.page_area.viewport()
        top = self.page_area.verticalScrollBar().value()
        view = QRect(0, top, viewport.width(), viewport.height())
        near = view.adjusted(0, -view.height(), 0, view.height())  # one screenful either way
        return [p.number for p in self.pages if near.intersects(p.geometry())]

    @Slot()
    def _rasterise_visible(self) -> None:
        pdf = self.pdf
        if pdf is None:
            return
        wanted = [n for n in self.visible_pages() if n not in self._images and n not in self._asked]
        if not wanted:
            return
        self._asked.update(wanted)
        dpi = PREVIEW_DPI * self.devicePixelRatioF()
        ServiceOp(self, lambda: rasterise(pdf, wanted, dpi), pool=ops.cpu_pool()).success(
            self._rasterised).failure(self._failed).run()

    def _rasterised(self, images: dict[int, QImage]) -> None:
        for number, image in images.items():
            self._asked.discard(number)
            self._images[number] = image
            self._images.move_to_end(number)
            self.pages[number].show_image(image)
        keep = set(self.visible_pages())
        while len(self._images) > KEEP_PAGES:  # forget the pages furthest from view first
            far = next((n for n in self._images if n not in keep), None)
            if far is None:
                break
            del self._images[far]
            self.pages[far].show_image(None)
        self._schedule()  # the view may have moved on meanwhile

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule()

    # ---- saving ---------------------------------------------------------------------------------------------
    def suggested_name(self) -> str:
        debtor = self.position.debtor
        number = debtor.bsn or debtor.rsin or str(debtor.id)
        return f"schuldoverzicht-{number}-{self.position.as_of.isoformat()}.pdf"

    @Slot()
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the debt overview"), self.suggested_name(), self.tr("PDF documents (*.pdf)"))
        if path:
            self.save_to(path if path.lower().endswith(".pdf") else path + ".pdf")

    def save_to(self, path: str) -> None:
        """Write the previewed PDF to ``path`` with its audit row (database worker)."""
        pdf, ctx, position, issued_on = self.pdf, self.ctx, self.position, self.issued_on
        if pdf is None or ctx is None:
            return
        self._busy(True)
        ServiceOp(self, lambda: save_pdf(ctx, position, pdf, path, issued_on)).success(self._saved).failure(
            self._failed).run()

    def _saved(self, path: str) -> None:
        self._busy(False)
        self.summary.setText(self.tr("Saved as {path}.").format(path=path))
        self.saved.emit(path)

    def _record_print(self) -> None:
        ctx, position, issued_on = self.ctx, self.position, self.issued_on
        assert ctx is not None

        def work() -> None:
            from caseworker_app.services.position import record_schuldoverzicht

            record_schuldoverzicht(ctx, position, issued_on=issued_on, via="afdruk")

        def done(_result: object) -> None:
            self._busy(False)
            self.summary.setText(self.tr("Sent to the printer: %n page(s).", "", len(self.pages)))
            self.printed.emit()

        ServiceOp(self, work).success(done).failure(self._failed).run()

    # ---- printing -------------------------------------------------------------------------------------------
    @Slot()
    def choose_printer(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                          QMarginsF(0, 0, 0, 0)))
        printer.setDocName(self.suggested_name())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the debt overview"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Rasterise every page at the printer's resolution (render pool) and paint them (GUI thread, page by page)."""
        pdf = self.pdf
        if pdf is None or self.ctx is None:
            return
        self._busy(True)
        dpi = float(min(PRINT_DPI, printer.resolution() or PRINT_DPI))
        self._printer = printer
        self._painter: QPainter | None = None
        self._print_next(pdf, 0, dpi)

    def _print_next(self, pdf: bytes, number: int, dpi: float) -> None:
        if number >= len(self.pages):
            if self._painter is not None:
                self._painter.end()
                self._painter = None
            self._record_print()
            return
        self.summary.setText(self.tr("Printing page {number} of {count}…").format(
            number=number + 1, count=len(self.pages)))
        ServiceOp(self, lambda: rasterise(pdf, [number], dpi), pool=ops.cpu_pool()).success(
            lambda images: self._print_page(pdf, number, dpi, images[number])).failure(self._print_failed).run()

    def _print_page(self, pdf: bytes, number: int, dpi: float, image: QImage) -> None:
        printer = self._printer
        if self._painter is None:
            self._painter = QPainter()
            if not self._painter.begin(printer):
                self._painter = None
                self._print_failed(UserFacingError("print_failed"))
                return
        elif not printer.newPage():
            self._print_failed(UserFacingError("print_failed"))
            return
        target = printer.pageLayout().fullRectPixels(printer.resolution())
        self._painter.drawImage(target, image)
        self._print_next(pdf, number + 1, dpi)

    def _print_failed(self, exc: BaseException) -> None:
        if getattr(self, "_painter", None) is not None:
            self._painter.end()  # type: ignore[union-attr]
            self._painter = None
        self._failed(exc)

    # ---- state ----------------------------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for button in (self.save_button, self.print_button):
            button.setEnabled(not busy and self.pdf is not None and self.ctx is not None)
        if busy:
            self.error.hide()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, UserFacingError):
            self.error.setText(exc.message)
            self.error.show()
            return
        log.error("the debt overview failed", exc_info=exc)
        from caseworker_app.gui.errors import show_error

        show_error(self, exc)
