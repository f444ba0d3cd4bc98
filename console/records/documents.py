"""The text of enforcement documents (责令限期整改指令书, 现场检查记录) as HTML, ready for
`widgets.pdf_document` to lay out and print. Qt-free.

These are legal instruments whose wording and headings are fixed by the enforcement forms,
so they are always in Chinese whatever the console's language. Every stored value is
escaped: an enterprise name is never markup.
"""
from __future__ import annotations

import html
import time

from domain.divisions import DivisionRegistry
from console.records import enforcement
from console.records.queries import RecordsReader

TITLES = {"rectification_order": "责令限期整改指令书", "inspection_record": "现场检查记录"}
HAZARD_LEVEL_ZH = {"general": "一般隐患", "major": "重大隐患"}
STYLE = ("body { font-family: 'WenQuanYi Micro Hei'; font-size: 11pt; } h1 { font-size: 18pt; text-align: center; }"
         " p.number { text-align: center; } table { border-collapse: collapse; } td, th { padding: 4px; }"
         " td.label { font-weight: bold; }")


def day(ts: float) -> str:
    t = time.localtime(ts)
    return f"{t.tm_year}年{t.tm_mon}月{t.tm_mday}日"


def authority(divisions: DivisionRegistry, node: str) -> str:
    division = divisions.by_code.get(node)
    return f"{division.name if division else node}应急管理局"


def issuing_node(number: str) -> str:
    """The node that issued a document: its number is 冀<node>… (`enforcement.issue_document`)."""
    return number[1:7]


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"<tr><td class='label' width='22%'>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"
                   for label, value in pairs)


def document_html(reader: RecordsReader, divisions: DivisionRegistry, document: dict) -> str:
    """The full document: heading and number, the parties, the findings (and, for an order,
    each hazard with its rectification deadline), the issuing authority and date."""
    inspection = reader.rows("inspection_record", "id", where="id = ?", params=(document["inspection_id"],))
    if not inspection:
        raise LookupError(f"document {document['number']}: its inspection is not on this node")
    inspection = inspection[0]
    enterprise = reader.enterprise(document["enterprise_id"]) or {}
    issuer = authority(divisions, issuing_node(document["number"]))
    parts = [f"<html><head><style>{STYLE}</style></head><body>",
             f"<p align='center'>{html.escape(issuer)}</p>",
             f"<h1>{TITLES[document['kind']]}</h1>",
             f"<p class='number'>{html.escape(document['number'])}</p>",
             "<table width='100%' border='1' cellspacing='0'>",
             _rows([("被检查单位", enterprise.get("name", "")),
                    ("统一社会信用代码", enterprise.get("credit_code", "")),
                    ("地址", enterprise.get("address") or ""),
                    ("法定代表人（负责人）", enterprise.get("contact") or ""),
                    ("联系电话", enterprise.get("phone") or ""),
                    ("检查时间", time.strftime("%Y-%m-%d %H:%M", time.localtime(inspection["inspected_at"]))),
                    ("检查人员", inspection["inspector"]),
                    ("执法机关", issuer)]),
             "</table>"]
    checklist = enforcement.checklist_of(inspection)
    if document["kind"] == "inspection_record" and checklist:
        parts.append("<h3>检查项目</h3><table width='100%' border='1' cellspacing='0'>"
                     "<tr><th>检查项目</th><th width='15%'>结果</th></tr>")
        parts += [f"<tr><td>{html.escape(item)}</td><td>{'符合' if passed else '不符合'}</td></tr>"
                  for item, passed in checklist]
        parts.append("</table>")
    parts.append("<h3>检查发现的问题</h3>")
    parts.append(f"<p>{html.escape(inspection.get('findings') or inspection['result']).replace(chr(10), '<br>')}</p>")
    hazards = enforcement.hazards_of(reader, inspection["id"])
    if document["kind"] == "rectification_order":
        parts.append("<p>经查，你单位存在下列事故隐患。依据《中华人民共和国安全生产法》第六十五条，"
                     "现责令你单位于下列期限内整改完毕，并将整改情况书面报告本机关。整改期间应采取"
                     "措施确保安全。</p>")
    if hazards:
        parts.append("<table width='100%' border='1' cellspacing='0'><tr><th width='6%'>序号</th><th>隐患</th>"
                     "<th width='14%'>等级</th><th width='22%'>整改期限</th></tr>")
        parts += [f"<tr><td>{n}</td><td>{html.escape(h['description'])}</td>"
                  f"<td>{HAZARD_LEVEL_ZH.get(h['level'], h['level'])}</td><td>{day(h['deadline'])}前</td></tr>"
                  for n, h in enumerate(hazards, 1)]
        parts.append("</table>")
    if document["kind"] == "rectification_order":
        parts.append("<p>如不服本指令，可以依法在六十日内申请行政复议，或者在六个月内依法提起行政诉讼。</p>")
    parts.append("<p>&nbsp;</p><p>被检查单位负责人（签名）：____________　　检查人员（签名）：____________</p>")
    parts.append(f"<p align='right'>{html.escape(issuer)}（印章）<br>{day(document['issued_at'])}</p>")
    parts.append("</body></html>")
    return "".join(parts)
