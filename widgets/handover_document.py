"""The shift handover as text for the page and as a printable document (in the console's language).

Each open item (`console.records.duty.OpenItem`) becomes one line; the document groups them
by kind under headings, after who handed over to whom and when.
"""
from __future__ import annotations

import html
import json
import time

from PySide6.QtCore import QCoreApplication

from domain.translatable import QT_TRANSLATE_NOOP
from console.records.duty import OpenItem
from console.records.labels import ACCIDENT_CLASS, ENTERPRISE_HOP, MINISTRY_HOP, clock
from console.records.reporting import ENTERPRISE, MINISTRY
from widgets.pdf_document import FONT_FAMILY
from widgets.records_page import tr_records

CONTEXT = "handover"
SECTIONS = (
    ("alarm_unacknowledged", QT_TRANSLATE_NOOP("handover", "Unacknowledged alarms")),
    ("alarm_shelved", QT_TRANSLATE_NOOP("handover", "Shelved alarms")),
    ("alarm_out_of_service", QT_TRANSLATE_NOOP("handover", "Alarms out of service")),
    ("incident", QT_TRANSLATE_NOOP("handover", "Open incidents and their reports")),
    ("hazard_overdue", QT_TRANSLATE_NOOP("handover", "Hazards past their rectification deadline")),
    ("link_down", QT_TRANSLATE_NOOP("handover", "Links down")),
)

LINK_NAMES = {"backend": QT_TRANSLATE_NOOP("handover", "Backend"), "field": QT_TRANSLATE_NOOP("handover", "Field"),
              "video": QT_TRANSLATE_NOOP("handover", "Video")}
LINK_STATES = {"down": QT_TRANSLATE_NOOP("handover", "down"), "degraded": QT_TRANSLATE_NOOP("handover", "degraded")}


def overdue_text(seconds: float) -> str:
    """"overdue N h M min" — never a negative clock."""
    whole = int(abs(seconds)) // 60
    return QCoreApplication.translate("handover", "overdue %1 h %2 min").replace("%1", str(whole // 60)).replace("%2", str(whole % 60))


def item_text(item: OpenItem, division_name) -> str:
    """One line for an open item, as the page lists it and the document prints it."""
    if item.kind == "incident":
        detail = json.loads(item.detail)

        def party(code: str) -> str:
            if code == ENTERPRISE:
                return tr_records(ENTERPRISE_HOP)
            return tr_records(MINISTRY_HOP) if code == MINISTRY else division_name(code)
        waiting = "、".join(party(code) for code in detail["waiting"])
        text = QCoreApplication.translate("handover", "%1 (%2): still to report: %3").replace("%1", item.title) \
            .replace("%2", tr_records(ACCIDENT_CLASS.get(detail["class"], str(detail["class"])))) \
            .replace("%3", waiting or QCoreApplication.translate("handover", "none"))
        return text + (f" · {overdue_text(detail['overdue_s'])}" if detail["overdue_s"] > 0 else "")
    if item.kind == "hazard_overdue" and not item.title:
        return QCoreApplication.translate("handover", "… and %1 more").replace("%1", item.detail)
    if item.kind == "hazard_overdue":
        return QCoreApplication.translate("handover", "%1 (deadline %2)").replace("%1", item.title).replace("%2", clock(float(item.detail)))
    if item.kind == "link_down":
        detail = json.loads(item.detail)
        name = QCoreApplication.translate("handover", LINK_NAMES[item.title]) if item.title in LINK_NAMES else item.title
        state = QCoreApplication.translate("handover", LINK_STATES.get(detail["state"], detail["state"]))
        return f"{name}: {state} {detail['detail']}".strip()
    return item.title


def handover_html(node_name: str, handover: dict, items: list[OpenItem], division_name) -> str:
    """The handover document: header, then the open items by kind, then the notes."""
    title = QCoreApplication.translate("handover", "Shift handover")
    outgoing = QCoreApplication.translate("handover", "Outgoing officer")
    incoming = QCoreApplication.translate("handover", "Incoming officer")
    none = QCoreApplication.translate("handover", "none")
    notes_heading = QCoreApplication.translate("handover", "Notes")
    parts = [f"<html><body style=\"font-family: '{FONT_FAMILY}'; font-size: 11pt\">",
             f"<h1 align='center' style='font-size: 17pt'>{html.escape(title)}</h1>",
             f"<p align='center'>{html.escape(node_name)}</p>",
             "<table width='100%' border='1' cellspacing='0' cellpadding='4'>"]
    for label, value in ((QCoreApplication.translate("handover", "Handed over at"), time.strftime("%Y-%m-%d %H:%M", time.localtime(handover["at"]))),
                         (outgoing, handover["from_officer"]), (incoming, handover["to_officer"])):
        parts.append(f"<tr><td width='25%'><b>{html.escape(label)}</b></td><td>{html.escape(value)}</td></tr>")
    parts.append("</table>")
    for kind, heading in SECTIONS:
        lines = [item_text(item, division_name) for item in items if item.kind == kind]
        parts.append(f"<h3>{html.escape(QCoreApplication.translate(CONTEXT, heading))} ({len(lines)})</h3>")
        if lines:
            parts.append("<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>")
        else:
            parts.append(f"<p>{html.escape(none)}</p>")
    notes = "\n".join(line for line in handover["notes"].split("\n") if not line.startswith("• ")).strip()
    parts.append(f"<h3>{html.escape(notes_heading)}</h3><p>{html.escape(notes).replace(chr(10), '<br>')}</p>")
    parts.append(f"<p>&nbsp;</p><p>{html.escape(outgoing)}: ____________　　"
                 f"{html.escape(incoming)}: ____________</p></body></html>")
    return "".join(parts)
