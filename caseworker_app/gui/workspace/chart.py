"""The open balance per creditor per month, drawn with QPainter (QtCharts is not part of PySide6-Essentials).

Two lines, Belastingdienst and Dienst Toeslagen, on euro axes with a legend.  The balances are ledger balances
(``MonthlyBalance``): rente accrued but not yet charged is not in the history, which the caption says.  Hovering
shows the month's figures in a tooltip.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from caseworker_app.domain.position_totals import MonthlyBalance

from caseworker_app.gui import format as fmt

BD_COLOUR = QColor("#154273")  # Rijks dark blue
TS_COLOUR = QColor("#d45d00")  # orange, distinct also in grey scale and for red-green colour blindness
GRID = QColor("#dde2ea")
AXIS = QColor("#5a6270")
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick distance (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` intervals."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def euro_axis(value: float) -> str:
    """"€ 12.500" (whole euros, Dutch grouping) for axis labels."""
    return fmt.eur(Decimal(round(value))).rsplit(",", 1)[0]


class BalanceChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("balanceChart")
        self.setAccessibleName(self.tr("Outstanding balance per month"))
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)
        self._data: list[MonthlyBalance] = []
        self._plot = QRectF()
        self._hover: int | None = None

    def sizeHint(self) -> QSize:
        return QSize(640, 280)

    def set_data(self, months: Sequence[MonthlyBalance]) -> None:
        self._data = list(months)
        self._hover = None
        if self._data:
            last = self._data[-1]
            self.setAccessibleDescription(
                self.tr("{count} months; at the end Belastingdienst {bd}, Dienst Toeslagen {ts}").format(
                    count=len(self._data), bd=fmt.eur(last.belastingdienst), ts=fmt.eur(last.toeslagen))
            )
        self.update()

    def series(self) -> dict[str, list[Decimal]]:
        return {
            "belastingdienst": [m.belastingdienst for m in self._data],
            "toeslagen": [m.toeslagen for m in self._data],
        }

    # ---- geometry ----------------------------------------------------------------------------------------
    def _range(self) -> tuple[float, float, float]:
        values = [float(v) for m in self._data for v in (m.belastingdienst, m.toeslagen)] or [0.0]
        low, high = min(0.0, min(values)), max(0.0, max(values))
        if high == low:
            high = low + 100
        step = nice_step(high - low)
        return math.floor(low / step) * step, math.ceil(high / step) * step, step

    def _x(self, i: int) -> float:
        n = max(1, len(self._data) - 1)
        return self._plot.left() + self._plot.width() * i / n

    def _y(self, value: float, low: float, high: float) -> float:
        return self._plot.bottom() - self._plot.height() * (value - low) / (high - low)

    # ---- painting ----------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        font = QFont(self.font())
        p.setFont(font)
        fm = QFontMetrics(font)
        if not self._data:
            p.setPen(AXIS)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No bookings yet: nothing to draw."))
            p.end()
            return
        low, high, step = self._range()
        label_width = max(fm.horizontalAdvance(euro_axis(v)) for v in (low, high)) + 10
        legend_height = fm.height() + 8
        self._plot = QRectF(label_width + 8, legend_height + 8, self.width() - label_width - 24,
                            self.height() - legend_height - fm.height() * 2 - 16)
        if self._plot.width() < 40 or self._plot.height() < 40:
            p.end()
            return
        # horizontal grid lines with euro labels
        value = low
        while value <= high + step / 2:
            y = self._y(value, low, high)
            p.setPen(QPen(AXIS if value == 0 else GRID, 1))
            p.drawLine(QPointF(self._plot.left(), y), QPointF(self._plot.right(), y))
            p.setPen(AXIS)
            p.drawText(QRectF(0, y - fm.height() / 2, label_width, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, euro_axis(value))
            value += step
        # month labels: about one per 70 pixels, always on a January when there is room for years
        n = len(self._data)
        needed = max(1, math.ceil(n / max(1.0, self._plot.width() / 80)))
        every = next((k for k in (1, 2, 3, 4, 6, 12, 24, 36, 60) if k >= needed), needed)
        p.setPen(QPen(AXIS, 1))
        p.drawLine(self._plot.bottomLeft(), self._plot.bottomRight())
        for i, month in enumerate(self._data):
            if (month.month.year * 12 + month.month.month - 1) % every:
                continue
            x = self._x(i)
            p.drawLine(QPointF(x, self._plot.bottom()), QPointF(x, self._plot.bottom() + 4))
            text = f"{MONTHS[month.month.month - 1]} {month.month.year}"
            width = fm.horizontalAdvance(text)
            left = min(max(0.0, x - width / 2), self.width() - width)
            p.drawText(QPointF(left, self._plot.bottom() + fm.height() + 4), text)
        # the two series
        for values, colour in ((self.series()["belastingdienst"], BD_COLOUR), (self.series()["toeslagen"], TS_COLOUR)):
            path = QPainterPath()
            for i, v in enumerate(values):
                point = QPointF(self._x(i), self._y(float(v), low, high))
                if i == 0:
                    path.moveTo(point)
                else:  # a step line: the balance holds until the next month
                    path.lineTo(QPointF(point.x(), path.currentPosition().y()))
                    path.lineTo(point)
            p.setPen(QPen(colour, 2.2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        if self._hover is not None:
            x = self._x(self._hover)
            p.setPen(QPen(AXIS, 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, self._plot.top()), QPointF(x, self._plot.bottom()))
        # legend
        x = self._plot.left()
        for text, colour in ((self.tr("Belastingdienst"), BD_COLOUR), (self.tr("Dienst Toeslagen"), TS_COLOUR)):
            p.setPen(QPen(colour, 3))
            p.drawLine(QPointF(x, 4 + fm.height() / 2), QPointF(x + 22, 4 + fm.height() / 2))
            p.setPen(QColor("#1a1a1a"))
            p.drawText(QPointF(x + 28, 4 + fm.ascent()), text)
            x += 28 + fm.horizontalAdvance(text) + 24
        note = self.tr("ledger balance at month end; accrued interest not yet charged is not included")
        p.setPen(AXIS)
        p.drawText(QPointF(max(x, self._plot.right() - fm.horizontalAdvance(note)), 4 + fm.ascent()), note)
        p.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._data or self._plot.isEmpty():
            return
        pos = event.position()
        n = len(self._data)
        i = round((pos.x() - self._plot.left()) / max(1.0, self._plot.width()) * max(1, n - 1))
        i = min(max(i, 0), n - 1)
        if i != self._hover:
            self._hover = i
            self.update()
        m = self._data[i]
        QToolTip.showText(
            event.globalPosition().toPoint(),
            self.tr("{month}: Belastingdienst {bd}, Dienst Toeslagen {ts}").format(
                month=f"{MONTHS[m.month.month - 1]} {m.month.year}", bd=fmt.eur(m.belastingdienst),
                ts=fmt.eur(m.toeslagen)),
            self,
        )

    def leaveEvent(self, event: object) -> None:
        self._hover = None
        self.update()
