"""English source texts of roles and audit actions, in the "operators" translation context.

Qt-free (marked with `QT_TRANSLATE_NOOP`); widgets translate them when they show them.
"""
from __future__ import annotations

from console.operators.permissions import Role
from domain.translatable import QT_TRANSLATE_NOOP

ROLE = {
    Role.DUTY_OFFICER: QT_TRANSLATE_NOOP("operators", "Duty officer"),
    Role.SHIFT_LEADER: QT_TRANSLATE_NOOP("operators", "Shift leader"),
    Role.LEADER: QT_TRANSLATE_NOOP("operators", "Leader"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("operators", "Administrator"),
}
ACTION = {
    "login": QT_TRANSLATE_NOOP("operators", "Signed in"),
    "logout": QT_TRANSLATE_NOOP("operators", "Signed out"),
    "login_failed": QT_TRANSLATE_NOOP("operators", "Sign-in refused"),
    "lock": QT_TRANSLATE_NOOP("operators", "Account locked"),
    "seat_locked": QT_TRANSLATE_NOOP("operators", "Seat locked"),
    "user_add": QT_TRANSLATE_NOOP("operators", "Account added"),
    "password_reset": QT_TRANSLATE_NOOP("operators", "Password reset"),
    "ack": QT_TRANSLATE_NOOP("operators", "Acknowledged"),
    "shelve": QT_TRANSLATE_NOOP("operators", "Shelved"),
    "unshelve": QT_TRANSLATE_NOOP("operators", "Unshelved"),
    "comment": QT_TRANSLATE_NOOP("operators", "Commented"),
    "dispose": QT_TRANSLATE_NOOP("operators", "Disposition"),
    "reset": QT_TRANSLATE_NOOP("operators", "Latched alarm reset"),
    "out_of_service": QT_TRANSLATE_NOOP("operators", "Out of service"),
    "in_service": QT_TRANSLATE_NOOP("operators", "Back in service"),
    "suppress": QT_TRANSLATE_NOOP("operators", "Site maintenance on"),
    "unsuppress": QT_TRANSLATE_NOOP("operators", "Site maintenance off"),
    "record_create": QT_TRANSLATE_NOOP("operators", "Record created"),
    "record_edit": QT_TRANSLATE_NOOP("operators", "Record edited"),
    "record_delete": QT_TRANSLATE_NOOP("operators", "Record removed"),
    "record_approve": QT_TRANSLATE_NOOP("operators", "Record approved"),
    "record_return": QT_TRANSLATE_NOOP("operators", "Record returned for correction"),
    "incident_report": QT_TRANSLATE_NOOP("operators", "Incident report"),
    "incident_followup": QT_TRANSLATE_NOOP("operators", "Incident follow-up report"),
    "incident_close": QT_TRANSLATE_NOOP("operators", "Incident closed"),
    "dispatch": QT_TRANSLATE_NOOP("operators", "Resource dispatched"),
    "duty_log": QT_TRANSLATE_NOOP("operators", "Duty log entry"),
    "handover": QT_TRANSLATE_NOOP("operators", "Shift handover"),
    "settings": QT_TRANSLATE_NOOP("operators", "Settings changed"),
    "drill_start": QT_TRANSLATE_NOOP("operators", "Drill started"),
    "drill_stop": QT_TRANSLATE_NOOP("operators", "Drill ended"),
    "consultation_open": QT_TRANSLATE_NOOP("operators", "Consultation opened"),
    "consultation_join": QT_TRANSLATE_NOOP("operators", "Joined a consultation"),
    "consultation_leave": QT_TRANSLATE_NOOP("operators", "Left a consultation"),
    "consultation_pointer": QT_TRANSLATE_NOOP("operators", "Consultation pointer granted"),
    "consultation_decision": QT_TRANSLATE_NOOP("operators", "Consultation decision"),
    "consultation_end": QT_TRANSLATE_NOOP("operators", "Consultation ended"),
}
