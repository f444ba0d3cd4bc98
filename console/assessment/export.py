"""The assessment to xlsx (openpyxl, as the registry export), one row per node, headers in
Chinese (the file goes to the assessing office); temp file + fsync + rename, so a file with the
name is always complete. Qt-free."""
from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from console.assessment.links import LINKS
from console.assessment.stats import NodeFigures

HEADERS = ("节点", "登录次数", "在岗时长(小时)", "确认报警数", "平均响应(秒)", "最长响应(秒)", "录入记录数",
           "审核通过数", "按时报告数", "应报告数", "报告及时率", "数据完整率", "后端链路可用率", "现场链路可用率",
           "视频链路可用率")


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def row_cells(figures: NodeFigures, name: str) -> list:
    return [f"{name} ({figures.node})" if name else figures.node, figures.logins, figures.duty_hours,
            figures.acknowledged,
            None if figures.response_mean_s is None else round(figures.response_mean_s, 1),
            None if figures.response_max_s is None else round(figures.response_max_s, 1),
            figures.records_entered, figures.records_approved, figures.reports_on_time, figures.reports_counted,
            _share(figures.timeliness), _share(figures.completeness)] + [_share(figures.links.get(link))
                                                                           for link in LINKS]


def export_xlsx(figures: Sequence[NodeFigures], names: dict[str, str], start: float, end: float,
                path: Path | str) -> None:
    from openpyxl import Workbook

    path = Path(path)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("考核统计")
    span = " – ".join(datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M") for at in (start, end))
    sheet.append(["统计期间", span])
    sheet.append(list(HEADERS))
    for item in figures:
        sheet.append(row_cells(item, names.get(item.node, "")))
    temporary = path.with_name(path.name + ".part")
    book.save(temporary)
    with open(temporary, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, path)
