"""English source texts for stored codes (industries, levels, statuses, log categories).

Marked for the "records" translation context; widgets translate them when they paint.
Qt-free, so the domain core and tests can list the valid codes from one place.
"""
from __future__ import annotations

import time

from domain.translatable import QT_TRANSLATE_NOOP

INDUSTRY = {
    "coal_mine": QT_TRANSLATE_NOOP("records", "Coal mine"),
    "non_coal_mine": QT_TRANSLATE_NOOP("records", "Non-coal mine"),
    "hazardous_chemicals": QT_TRANSLATE_NOOP("records", "Hazardous chemicals"),
    "fireworks": QT_TRANSLATE_NOOP("records", "Fireworks"),
    "metallurgy": QT_TRANSLATE_NOOP("records", "Metallurgy"),
    "other": QT_TRANSLATE_NOOP("records", "Other industry"),
}
SUPERVISION_LEVEL = {
    "province": QT_TRANSLATE_NOOP("records", "Province"),
    "city": QT_TRANSLATE_NOOP("records", "City"),
    "county": QT_TRANSLATE_NOOP("records", "County"),
}
ACCIDENT_CLASS = {
    1: QT_TRANSLATE_NOOP("records", "Especially major"),
    2: QT_TRANSLATE_NOOP("records", "Major"),
    3: QT_TRANSLATE_NOOP("records", "Larger"),
    4: QT_TRANSLATE_NOOP("records", "General"),
}
HAZARD_STATUS = {
    "reported": QT_TRANSLATE_NOOP("records", "Reported"),
    "assigned": QT_TRANSLATE_NOOP("records", "Assigned"),
    "rectifying": QT_TRANSLATE_NOOP("records", "Rectifying"),
    "rectified": QT_TRANSLATE_NOOP("records", "Rectified"),
    "verified": QT_TRANSLATE_NOOP("records", "Verified"),
}
HAZARD_LEVEL = {
    "general": QT_TRANSLATE_NOOP("records", "General hazard"),
    "major": QT_TRANSLATE_NOOP("records", "Major hazard"),
}
LOG_KIND = {
    "call": QT_TRANSLATE_NOOP("records", "Call received"),
    "instruction": QT_TRANSLATE_NOOP("records", "Instruction"),
    "report": QT_TRANSLATE_NOOP("records", "Report"),
    "complaint": QT_TRANSLATE_NOOP("records", "Complaint / tip-off"),
    "followup": QT_TRANSLATE_NOOP("records", "Follow-up"),
    "other": QT_TRANSLATE_NOOP("records", "Other"),
}
COMPLAINT_STATUS = {
    "open": QT_TRANSLATE_NOOP("records", "Open"),
    "handling": QT_TRANSLATE_NOOP("records", "Being handled"),
    "resolved": QT_TRANSLATE_NOOP("records", "Resolved"),
}
INCIDENT_KIND = {
    "fire": QT_TRANSLATE_NOOP("records", "Fire"),
    "explosion": QT_TRANSLATE_NOOP("records", "Explosion"),
    "leak": QT_TRANSLATE_NOOP("records", "Leak"),
    "poisoning": QT_TRANSLATE_NOOP("records", "Poisoning / asphyxiation"),
    "collapse": QT_TRANSLATE_NOOP("records", "Collapse"),
    "dam_failure": QT_TRANSLATE_NOOP("records", "Tailings dam failure"),
    "road_traffic": QT_TRANSLATE_NOOP("records", "Road traffic"),
    "other": QT_TRANSLATE_NOOP("records", "Other accident"),
}
PLAN_KIND_LABEL = {
    "routine": QT_TRANSLATE_NOOP("records", "Routine"),
    "special": QT_TRANSLATE_NOOP("records", "Special"),
}
DOCUMENT_KIND = {
    "rectification_order": QT_TRANSLATE_NOOP("records", "Rectification order (责令限期整改指令书)"),
    "inspection_record": QT_TRANSLATE_NOOP("records", "On-site inspection record (现场检查记录)"),
}
RECORD_SOURCE = {
    "console": QT_TRANSLATE_NOOP("records", "Console"),
    "mobile": QT_TRANSLATE_NOOP("records", "Mobile terminal"),
}
CONTACT_ROLE = {
    "principal": QT_TRANSLATE_NOOP("records", "Principal"),
    "safety_manager": QT_TRANSLATE_NOOP("records", "Safety manager"),
    "duty_room": QT_TRANSLATE_NOOP("records", "24-hour duty room"),
    "registered": QT_TRANSLATE_NOOP("records", "Registered contact"),
}
PLAN_KIND = {
    "comprehensive": QT_TRANSLATE_NOOP("records", "Comprehensive plan"),
    "special": QT_TRANSLATE_NOOP("records", "Special plan"),
    "onsite": QT_TRANSLATE_NOOP("records", "On-site response plan"),
    "enterprise": QT_TRANSLATE_NOOP("records", "Enterprise plan"),
}
ENTERPRISE_HOP = QT_TRANSLATE_NOOP("records", "Enterprise")
MINISTRY_HOP = QT_TRANSLATE_NOOP("records", "Ministry of Emergency Management")


def clock(ts: float | None) -> str:
    """Local date and time to the minute, as a duty log shows it."""
    return "" if ts is None else time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))
AUDIT_STATE = {
    "pending": QT_TRANSLATE_NOOP("records", "Pending review"),
    "approved": QT_TRANSLATE_NOOP("records", "Passed review"),
    "returned": QT_TRANSLATE_NOOP("records", "Returned"),
}
HISTORY_ACTION = {
    "created": QT_TRANSLATE_NOOP("records", "Entered"),
    "edited": QT_TRANSLATE_NOOP("records", "Edited"),
    "approved": QT_TRANSLATE_NOOP("records", "Passed review"),
    "returned": QT_TRANSLATE_NOOP("records", "Returned for correction"),
}
ENTERPRISE_FIELD = {
    "name": QT_TRANSLATE_NOOP("records", "Name"),
    "credit_code": QT_TRANSLATE_NOOP("records", "Credit code"),
    "division": QT_TRANSLATE_NOOP("records", "Division"),
    "industry": QT_TRANSLATE_NOOP("records", "Industry"),
    "supervision_level": QT_TRANSLATE_NOOP("records", "Supervised by"),
    "address": QT_TRANSLATE_NOOP("records", "Address"),
    "legal_representative": QT_TRANSLATE_NOOP("records", "Legal representative"),
    "contact": QT_TRANSLATE_NOOP("records", "Contact"),
    "phone": QT_TRANSLATE_NOOP("records", "Phone"),
    "lon": QT_TRANSLATE_NOOP("records", "Longitude"),
    "lat": QT_TRANSLATE_NOOP("records", "Latitude"),
    "coordinates": QT_TRANSLATE_NOOP("records", "Coordinates"),
}
