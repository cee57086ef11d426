"""The month-by-month chart of the summaries: received and closed as bars, the closure rate
as a line on its own axis (0–100 %). Drawn with reportlab.graphics shapes so the Chinese
labels use our registered font and nothing depends on a chart library's defaults."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors

RECEIVED = colors.HexColor("#9db9e8")
CLOSED = colors.HexColor("#2f6fdf")
RATE = colors.HexColor("#d9822b")
AXIS = colors.HexColor("#666666")
GRIDLINE = colors.HexColor("#dddddd")


def _nice_max(value: int) -> int:
    """A round axis maximum at or above ``value`` with 5 gridlines."""
    if value <= 5:
        return 5
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000,
                 20000, 25000, 50000, 100000):
        if value <= step * 5:
            return step * 5
    return value


def monthly_chart(labels: Sequence[str], received: Sequence[int], closed: Sequence[int],
                  rates: Sequence[float | None], font: str, title: str,
                  width: float = 480, height: float = 190) -> Drawing:
    d = Drawing(width, height)
    d.initialFontName = font  # else the renderer starts in Helvetica, never embedded
    left, right, bottom, top = 38, 40, 34, 26
    plot_w, plot_h = width - left - right, height - bottom - top
    d.add(String(left, height - 14, title, fontName=font, fontSize=10, fillColor=colors.black))
    top_value = _nice_max(max(list(received) + list(closed) + [1]))
    # Gridlines and the left axis (counts).
    for i in range(6):
        y = bottom + plot_h * i / 5
        d.add(Line(left, y, left + plot_w, y, strokeColor=GRIDLINE if i else AXIS, strokeWidth=0.5))
        d.add(String(left - 4, y - 3, f"{top_value * i // 5:,}", fontName=font, fontSize=7,
                     textAnchor="end", fillColor=AXIS))
        d.add(String(left + plot_w + 4, y - 3, f"{20 * i}%", fontName=font, fontSize=7,
                     fillColor=RATE))
    n = max(len(labels), 1)
    slot = plot_w / n
    bar = slot * 0.32
    points: list[tuple[float, float]] = []
    for i, label in enumerate(labels):
        x0 = left + slot * i + slot * 0.16
        for j, (value, colour) in enumerate(((received[i], RECEIVED), (closed[i], CLOSED))):
            h = plot_h * value / top_value
            d.add(Rect(x0 + j * bar, bottom, bar, h, fillColor=colour, strokeColor=None))
        d.add(String(left + slot * (i + 0.5), bottom - 11, label, fontName=font, fontSize=7,
                     textAnchor="middle", fillColor=AXIS))
        fraction = rates[i]
        if fraction is not None:
            points.append((left + slot * (i + 0.5), bottom + plot_h * fraction))
    if len(points) > 1:
        d.add(PolyLine([c for p in points for c in p], strokeColor=RATE, strokeWidth=1.4))
    for x, y in points:
        d.add(Circle(x, y, 1.8, fillColor=RATE, strokeColor=RATE))
    # Legend.
    lx = left + plot_w - 190
    for i, (name, colour) in enumerate((("登记", RECEIVED), ("办结", CLOSED))):
        d.add(Rect(lx + i * 55, height - 16, 9, 7, fillColor=colour, strokeColor=None))
        d.add(String(lx + i * 55 + 12, height - 15.5, name, fontName=font, fontSize=8))
    d.add(Line(lx + 112, height - 12.5, lx + 124, height - 12.5, strokeColor=RATE, strokeWidth=1.4))
    d.add(String(lx + 127, height - 15.5, "办结率（右轴）", fontName=font, fontSize=8))
    d.add(String(left - 4, bottom + plot_h + 6, "件", fontName=font, fontSize=7, textAnchor="end",
                 fillColor=AXIS))
    return d
