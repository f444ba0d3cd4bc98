"""A consultation's summary as a printable document (in the console's language): topic, linked
incident or site, leader, conference link, start, end and duration, participants, decisions."""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from console.consultation.summary import Summary
from console.records.labels import clock
from widgets.pdf_document import FONT_FAMILY

translate = QCoreApplication.translate


def duration_text(seconds: float) -> str:
    whole = int(seconds) // 60
    return translate("consultation", "%1 h %2 min").replace("%1", str(whole // 60)).replace("%2", str(whole % 60))


def _heading(text: str) -> str:
    return f"<h2 style='font-size: 13pt'>{html.escape(text)}</h2>"


def summary_html(summary: Summary, division_name) -> str:
    session = summary.session
    subject = summary.incident_title or session.site_code or "—"
    ended = clock(session.ended_at) or translate("consultation", "still running")
    rows = ((translate("consultation", "Topic"), session.topic),
            (translate("consultation", "Incident or site"), subject),
            (translate("consultation", "Leader"), f"{session.leader} · {division_name(session.leader_node)}"),
            (translate("consultation", "Conference link"), session.conference_link or "—"),
            (translate("consultation", "Started"), clock(session.started_at)),
            (translate("consultation", "Ended"), ended),
            (translate("consultation", "Duration"), duration_text(summary.duration_s)))
    title = html.escape(translate("consultation", "Consultation summary"))
    joined = html.escape(translate("consultation", "joined"))
    parts = [f"<html><body style=\"font-family: '{FONT_FAMILY}'; font-size: 11pt\">",
             f"<h1 align='center' style='font-size: 17pt'>{title}</h1>",
             "<table width='100%' border='1' cellspacing='0' cellpadding='4'>"]
    parts += [f"<tr><td width='25%'>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>" for label, value in rows]
    parts.append("</table>")
    parts.append(_heading(translate("consultation", "Participants")) + "<ul>")
    for person in summary.participants:
        parts.append(f"<li>{html.escape(person.display_name)} ({html.escape(person.username)}) · "
                     f"{html.escape(division_name(person.node))} · {joined} {clock(person.joined_at)}</li>")
    parts.append("</ul>")
    parts.append(_heading(translate("consultation", "Decisions")))
    if summary.decisions:
        parts.append("<table width='100%' border='1' cellspacing='0' cellpadding='4'>")
        for decision in summary.decisions:
            parts.append(f"<tr><td width='22%'>{clock(decision.at)}</td><td width='28%'>"
                         f"{html.escape(decision.display_name)} · {html.escape(division_name(decision.node))}</td>"
                         f"<td>{html.escape(decision.text)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(f"<p>{html.escape(translate('consultation', 'No decisions were recorded.'))}</p>")
    if session.summary:
        parts.append(_heading(translate("consultation", "Conclusion")) + f"<p>{html.escape(session.summary)}</p>")
    parts.append("</body></html>")
    return "".join(parts)
