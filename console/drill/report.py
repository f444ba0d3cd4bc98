"""A drill's report: its stored alarm events, incidents and reports, scored per node
(`scoring.py`), and the same as HTML for the PDF (`widgets/pdf_document.write_pdf`). Qt-free;
the document is Chinese, as a filed exercise record is."""
from __future__ import annotations

from datetime import datetime
from html import escape

from domain.alarm_events import AlarmEvent
from domain.divisions import DivisionRegistry
from console.drill.runs import Drill
from console.drill.scoring import NodeScore, score_drill
from console.records.queries import RecordsReader
from server_link.alarm_journal import COLUMNS

PART_NAMES = {"look": "首次查看", "ack": "确认报警", "report": "首次报告", "chain": "逐级报告"}


def drill_scores(reader: RecordsReader, divisions: DivisionRegistry, drill: Drill, now: float) -> list[NodeScore]:
    events = [AlarmEvent.from_row(tuple(row.values())) for row in reader.query(
        f"SELECT {COLUMNS} FROM alarm_event WHERE drill_id = ? ORDER BY at", (drill.id,))]
    incidents = reader.query("SELECT * FROM incident WHERE deleted = 0 AND drill_id = ?", (drill.id,))
    reports = reader.query("SELECT * FROM accident_report WHERE deleted = 0 AND drill_id = ?", (drill.id,))
    until = now if drill.ended_at is None else min(now, drill.ended_at)
    return score_drill(drill.nodes, divisions, drill.started_at, events, incidents, reports, until)


def _time(at: float | None) -> str:
    return "—" if at is None else datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M:%S")


def _seconds(value: float | None) -> str:
    if value is None:
        return "未完成"
    minutes, seconds = divmod(int(round(value)), 60)
    return f"{minutes} 分 {seconds:02d} 秒" if minutes else f"{seconds} 秒"


def _points(value: float | None) -> str:
    return "不适用" if value is None else f"{value:.1f}"


def report_html(drill: Drill, scores: list[NodeScore], names: dict[str, str]) -> str:
    rows = "".join(
        f"<tr><td>{escape(names.get(s.node, s.node))}</td><td>{_seconds(s.look_s)}</td><td>{_seconds(s.ack_s)}</td>"
        f"<td>{_seconds(s.report_s)}</td><td>{s.hops_on_time}/{s.hops_counted}</td>"
        + "".join(f"<td>{_points(s.points[key])}</td>" for key in PART_NAMES)
        + f"<td><b>{s.total:.1f}</b></td></tr>" for s in scores)
    parts = "".join(f"<th>{name}得分</th>" for name in PART_NAMES.values())
    return (
        "<html><body style='font-family: sans-serif'>"
        f"<h2 align='center'>应急演练评估报告</h2><h3 align='center'>{escape(drill.title)}</h3>"
        f"<p>演练开始：{_time(drill.started_at)}　结束：{_time(drill.ended_at)}　发起人：{escape(drill.started_by)}</p>"
        f"<p>演练站点：{escape('、'.join(drill.sites))}　参演节点：{escape('、'.join(names.get(n, n) for n in drill.nodes))}</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<tr><th>节点</th><th>首次查看</th><th>确认报警</th><th>首次报告</th><th>按时报告</th>{parts}<th>总分</th></tr>"
        f"{rows}</table>"
        "<p style='font-size: small'>评分：各项 25 分。首次查看 60 秒内满分、600 秒起零分；确认 120 秒内满分、900 秒起零分；"
        "首次报告 15 分钟内满分、60 分钟起零分（自节点辖区内首条演练报警起算）；逐级报告按《生产安全事故报告和调查处理条例》"
        "（国务院令第 493 号）时限按时比例计分。不适用的项目不计，总分按适用项折算为百分制。</p>"
        "<p>本报告所列报警与记录均为演练数据，不计入实际报警统计、考核统计与交接班事项。</p>"
        "</body></html>")
