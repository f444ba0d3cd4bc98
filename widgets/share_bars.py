"""A grouped bar chart of shares in percent (pyqtgraph `BarGraphItem`): one group of bars per
row (a division, a node), one bar per series, a legend above the 100 % line. Shared by the
registry's completeness and the assessment page."""
from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg

BAR_GROUP = 0.8  # share of a row's slot the bars of its group take


class ShareBars(pg.PlotWidget):
    def __init__(self, series_count: int, parent=None):
        super().__init__(parent, background="w")
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setYRange(0, 112, padding=0)  # the legend sits above the 100 % line
        self.getAxis("left").setTicks([[(value, str(value)) for value in range(0, 101, 20)]])
        self.showGrid(y=True, alpha=0.3)
        self.legend = self.addLegend(offset=(-10, 4), colCount=series_count, labelTextColor="#212121",
                                     brush=pg.mkBrush(255, 255, 255, 235))

    def draw(self, groups: Sequence[str], series: Sequence[tuple[str, str, Sequence[float]]]) -> None:
        """`groups`: the x labels; `series`: (legend label, colour, one percentage per group)."""
        self.clear()
        self.legend.clear()
        width = BAR_GROUP / max(len(series), 1)
        for index, (label, colour, heights) in enumerate(series):
            xs = [slot - BAR_GROUP / 2 + width * (index + 0.5) for slot in range(len(groups))]
            self.addItem(pg.BarGraphItem(x=xs, height=list(heights), width=width * 0.9, brush=colour, pen=None,
                                         name=label))
        self.getAxis("bottom").setTicks([list(enumerate(groups))])
        self.setXRange(-0.6, max(len(groups), 1) - 0.4, padding=0)
