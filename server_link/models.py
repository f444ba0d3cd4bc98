"""The shared schema: one SQLAlchemy model for the PostgreSQL backend and the node's SQLite store.

Every synced table carries the same bookkeeping columns (`Synced`): a client-generated UUID,
the division code that decides who may see the row, the server version, the node that last
wrote it, a tombstone flag and a per-field clock used by the field-level merge. Times are
POSIX seconds (REAL) so both dialects store them the same way.

Live values/history (server_link/history.py, issue 3) are defined by their owner. The alarm
journal (`AlarmJournalEntry`, written by server_link/alarm_journal.py) is an append-only
event log replicated like the duty log.

Relations are id columns, not FOREIGN KEYs: a county node holds only its slice, and rows
arrive in commit order, not dependency order.
"""
from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Float, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _uuid() -> Mapped[str]:
    return mapped_column(String(36), primary_key=True)


class Synced:
    """Bookkeeping every replicated row carries."""

    id: Mapped[str] = _uuid()
    division: Mapped[str] = mapped_column(String(6), index=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    origin_node: Mapped[str | None] = mapped_column(String(6))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[float | None] = mapped_column(Float)
    field_clock: Mapped[str | None] = mapped_column(Text)  # JSON {field: [version, origin_node]}


BOOKKEEPING = ("id", "division", "version", "origin_node", "deleted", "updated_at", "field_clock")


# --- reference data (loaded by the migration from resources/hebei/divisions.json) ---------

class Division(Base):
    __tablename__ = "division"
    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16))
    supervision_parent: Mapped[str | None] = mapped_column(String(6))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)


class DivisionClosure(Base):
    """(ancestor, descendant) pairs of the supervision tree, each division its own ancestor."""

    __tablename__ = "division_closure"
    ancestor: Mapped[str] = mapped_column(String(6), primary_key=True)
    descendant: Mapped[str] = mapped_column(String(6), primary_key=True, index=True)


class AppUser(Synced, Base):
    """A person who signs in at a node (`console.operators.accounts`).

    `division` is the user's home division: RLS replicates the row to that node and the
    nodes above it, so a node can check a password with its backend down. Only the argon2
    hash is stored. `failed_attempts` moves by signed deltas (two nodes counting failures
    concurrently add up); `locked` is set when it reaches the node's limit and cleared by an
    administrator's reset.
    """

    __tablename__ = "app_user"
    username: Mapped[str] = mapped_column(String(64), index=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # console.operators.permissions.Role
    password_hash: Mapped[str | None] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AuditEvent(Synced, Base):
    """One append-only audit row: who did what, where, when, and what changed.

    Written in the same SQLite transaction as the action it records (`LocalStore`'s
    `audit=` argument). `division` is the target's division (an alarm's county, a
    record's division, the node for logins), so the trail replicates up the supervision
    tree with the rows it describes. `before`/`after` are JSON of the changed fields.
    """

    __tablename__ = "audit_event"
    at: Mapped[float] = mapped_column(Float, index=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    node: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(32))
    target_kind: Mapped[str | None] = mapped_column(String(32))
    target_id: Mapped[str | None] = mapped_column(String(64))
    site: Mapped[str | None] = mapped_column(String(32))
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)  # JSON


# --- registry -----------------------------------------------------------------------------

INDUSTRIES = ("coal_mine", "non_coal_mine", "hazardous_chemicals", "fireworks", "metallurgy", "other")


class Enterprise(Synced, Base):
    __tablename__ = "enterprise"
    credit_code: Mapped[str] = mapped_column(String(18), index=True)
    name: Mapped[str] = mapped_column(String(128))
    industry: Mapped[str] = mapped_column(String(24))
    supervision_level: Mapped[str] = mapped_column(String(16))  # province | city | county
    address: Mapped[str | None] = mapped_column(String(200))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    contact: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="operating")
    audit_state: Mapped[str] = mapped_column(String(16), default="approved", index=True)  # pending | approved | returned
    legal_representative: Mapped[str | None] = mapped_column(String(64))
    pending_fields: Mapped[str | None] = mapped_column(Text)  # JSON list of the fields awaiting review
    audit_note: Mapped[str | None] = mapped_column(Text)  # why the reviewing level returned it


class EnterpriseHistory(Synced, Base):
    """Append-only: who changed an enterprise, what (JSON {field: [old, new]}) and when;
    the audit decisions too. `division` is the enterprise's, so it replicates with it."""

    __tablename__ = "enterprise_history"
    enterprise_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[float] = mapped_column(Float)
    actor: Mapped[str] = mapped_column(String(64))
    node: Mapped[str] = mapped_column(String(6))
    action: Mapped[str] = mapped_column(String(16))  # created | edited | approved | returned
    changes: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class EnterpriseContact(Synced, Base):
    """A person to call at an enterprise (legal representative, safety manager, duty phone);
    the alarm console's linked handling lists them for the enterprise of an alarm's site."""

    __tablename__ = "enterprise_contact"
    enterprise_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32))  # principal | safety_manager | duty_room | …
    phone: Mapped[str] = mapped_column(String(32))


class HazardSource(Synced, Base):
    """Major hazard source; grade 1–4 from R per GB 18218 (see `server_link.synthetic.hazard_grade`)."""

    __tablename__ = "hazard_source"
    enterprise_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(128))
    r_value: Mapped[float] = mapped_column(Float)
    grade: Mapped[int] = mapped_column(Integer)


class TailingsPond(Synced, Base):
    __tablename__ = "tailings_pond"
    enterprise_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(128))
    grade: Mapped[int] = mapped_column(Integer)
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)


class MonitoringSite(Synced, Base):
    """A monitored site; `code` is the catalogue's site code, `enterprise_id` the registry
    enterprise that runs it (how an alarm at a site finds its contacts and plans)."""

    __tablename__ = "monitoring_site"
    code: Mapped[str] = mapped_column(String(32), index=True)
    kind: Mapped[str] = mapped_column(String(24))  # tailings_pond | hazchem
    name: Mapped[str] = mapped_column(String(128))
    enterprise_id: Mapped[str | None] = mapped_column(String(36))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)


class Device(Synced, Base):
    __tablename__ = "device"
    site_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(128))
    protocol: Mapped[str] = mapped_column(String(16))  # opcua | modbus
    endpoint: Mapped[str] = mapped_column(String(200))


class Tag(Synced, Base):
    __tablename__ = "tag"
    site_id: Mapped[str] = mapped_column(String(36), index=True)
    device_id: Mapped[str | None] = mapped_column(String(36))
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(128))
    unit: Mapped[str | None] = mapped_column(String(16))


class Camera(Synced, Base):
    """A camera at a monitoring site. `url` is the main stream, `sub_url` the lighter one for
    the wall's grid. No URL carries credentials and no row carries a password: `credential_ref`
    names the secret each node resolves from its own user-only file or environment
    (`console.video.camera_secrets`)."""

    __tablename__ = "camera"
    site_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(128))
    url: Mapped[str] = mapped_column(String(300))
    sub_url: Mapped[str | None] = mapped_column(String(300))
    username: Mapped[str | None] = mapped_column(String(64))
    credential_ref: Mapped[str | None] = mapped_column(String(64))


# --- enforcement --------------------------------------------------------------------------

class InspectionPlan(Synced, Base):
    """An inspection plan: routine or special, over a period, with its target enterprises
    (`targets`: JSON list of enterprise ids); progress is counted from its records."""

    __tablename__ = "inspection_plan"
    name: Mapped[str] = mapped_column(String(128))
    year: Mapped[int] = mapped_column(Integer)
    planned_count: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(16))  # routine | special
    period_start: Mapped[float | None] = mapped_column(Float)
    period_end: Mapped[float | None] = mapped_column(Float)
    targets: Mapped[str | None] = mapped_column(Text)


RECORD_SOURCES = ("console", "mobile")


class InspectionRecord(Synced, Base):
    """One inspection; `checklist` is JSON [[item, passed], …]; `source` says whether a console
    or a mobile terminal wrote it (the writing node is `origin_node`)."""

    __tablename__ = "inspection_record"
    plan_id: Mapped[str | None] = mapped_column(String(36), index=True)
    enterprise_id: Mapped[str] = mapped_column(String(36), index=True)
    inspector: Mapped[str] = mapped_column(String(64))
    inspected_at: Mapped[float] = mapped_column(Float)
    result: Mapped[str] = mapped_column(String(200))
    checklist: Mapped[str | None] = mapped_column(Text)
    findings: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(16))


HAZARD_STATUSES = ("reported", "assigned", "rectifying", "rectified", "verified")


class Hazard(Synced, Base):
    """A found hazard; `status` only moves forward along HAZARD_STATUSES."""

    __tablename__ = "hazard"
    enterprise_id: Mapped[str] = mapped_column(String(36), index=True)
    description: Mapped[str] = mapped_column(String(300))
    level: Mapped[str] = mapped_column(String(16))  # general | major
    deadline: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="reported")
    inspection_id: Mapped[str | None] = mapped_column(String(36), index=True)
    rectified_at: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str | None] = mapped_column(String(16))


class EnforcementDocument(Synced, Base):
    __tablename__ = "enforcement_document"
    enterprise_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[float] = mapped_column(Float)
    inspection_id: Mapped[str | None] = mapped_column(String(36), index=True)
    officer: Mapped[str | None] = mapped_column(String(64))


# --- emergency ----------------------------------------------------------------------------

class EmergencyPlan(Synced, Base):
    __tablename__ = "emergency_plan"
    name: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(32))
    enterprise_id: Mapped[str | None] = mapped_column(String(36), index=True)
    approved_at: Mapped[float | None] = mapped_column(Float)


class Supply(Synced, Base):
    """Emergency supplies; `quantity` moves only by signed deltas."""

    __tablename__ = "supply"
    name: Mapped[str] = mapped_column(String(64))
    unit: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[float] = mapped_column(Float, default=0.0)
    location: Mapped[str | None] = mapped_column(String(128))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)


class Equipment(Synced, Base):
    __tablename__ = "equipment"
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    count: Mapped[int] = mapped_column(Integer)
    location: Mapped[str | None] = mapped_column(String(128))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)


class RescueTeam(Synced, Base):
    __tablename__ = "rescue_team"
    name: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(32))
    members: Mapped[int] = mapped_column(Integer)
    phone: Mapped[str | None] = mapped_column(String(32))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)


class Incident(Synced, Base):
    """An accident; `level` is its class (1 especially major … 4 general), computed from the
    casualties and the direct loss (`console.records.accident_class`), never picked.
    `leader_learned_at` is when the enterprise's leader learned of it (the enterprise's
    one-hour clock starts there); a closed incident keeps `closed_at` and `close_reason`."""

    __tablename__ = "incident"
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    level: Mapped[int] = mapped_column(Integer)
    occurred_at: Mapped[float] = mapped_column(Float)
    enterprise_id: Mapped[str | None] = mapped_column(String(36))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="open")
    deaths: Mapped[int | None] = mapped_column(Integer)
    serious_injuries: Mapped[int | None] = mapped_column(Integer)
    direct_loss: Mapped[float | None] = mapped_column(Float)  # CNY
    leader_learned_at: Mapped[float | None] = mapped_column(Float)
    location: Mapped[str | None] = mapped_column(String(200))
    closed_at: Mapped[float | None] = mapped_column(Float)
    close_reason: Mapped[str | None] = mapped_column(Text)
    registered_by: Mapped[str | None] = mapped_column(String(64))  # username of who registered it
    drill_id: Mapped[str | None] = mapped_column(String(36), index=True)  # the drill_run it belongs to, if any


class IncidentFollowup(Synced, Base):
    """Append-only follow-up report (补报): the casualties and loss as now known, and the class
    they give."""

    __tablename__ = "incident_followup"
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[float] = mapped_column(Float)
    deaths: Mapped[int] = mapped_column(Integer)
    serious_injuries: Mapped[int] = mapped_column(Integer)
    direct_loss: Mapped[float] = mapped_column(Float)
    accident_class: Mapped[int] = mapped_column(Integer)
    officer: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)


class Expert(Synced, Base):
    """The emergency experts pool (seed system 15)."""

    __tablename__ = "expert"
    name: Mapped[str] = mapped_column(String(64))
    specialty: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(32))
    employer: Mapped[str | None] = mapped_column(String(128))


class ResourceDispatch(Synced, Base):
    """Append-only dispatch log: a rescue team, supply, piece of equipment or expert sent to
    an incident."""

    __tablename__ = "resource_dispatch"
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[float] = mapped_column(Float)
    resource_table: Mapped[str] = mapped_column(String(32))
    resource_id: Mapped[str] = mapped_column(String(36))
    resource_name: Mapped[str] = mapped_column(String(128))
    amount: Mapped[float | None] = mapped_column(Float)
    officer: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)


class AccidentReport(Synced, Base):
    """One supervision level's report on an incident, due by `due_at` (Order No. 493)."""

    __tablename__ = "accident_report"
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    reporting_division: Mapped[str] = mapped_column(String(6))
    due_at: Mapped[float] = mapped_column(Float)
    reported_at: Mapped[float | None] = mapped_column(Float)
    reported_by: Mapped[str | None] = mapped_column(String(64))  # username of who recorded the report
    drill_id: Mapped[str | None] = mapped_column(String(36), index=True)  # the drill_run it belongs to, if any


class Consultation(Synced, Base):
    """A consultation session (会商, issue 16). `division` is the incident's or site's county
    (else the leader's node), so every node above it sees the session, as RLS allows; invited
    nodes are that division's supervision chain. The pointer holder's view is followed live
    through `consultation_view` (PostgreSQL only), not through this row."""

    __tablename__ = "consultation"
    incident_id: Mapped[str | None] = mapped_column(String(36))
    started_at: Mapped[float] = mapped_column(Float)
    invited: Mapped[str] = mapped_column(Text)  # JSON list of node codes
    summary: Mapped[str | None] = mapped_column(Text)
    topic: Mapped[str | None] = mapped_column(String(200))
    site_code: Mapped[str | None] = mapped_column(String(32))
    leader: Mapped[str | None] = mapped_column(String(64))  # username
    leader_node: Mapped[str | None] = mapped_column(String(6))
    conference_link: Mapped[str | None] = mapped_column(String(500))
    pointer_holder: Mapped[str | None] = mapped_column(String(64))
    pointer_node: Mapped[str | None] = mapped_column(String(6))
    ended_at: Mapped[float | None] = mapped_column(Float)


class ConsultationEntry:
    """A row of a session's logs: which session, when, who, from which node."""

    consultation_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[float] = mapped_column(Float)
    username: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(64))
    node: Mapped[str] = mapped_column(String(6))


class ConsultationParticipant(ConsultationEntry, Synced, Base):
    """Append-only: someone joined (`event = join`) or left a session."""

    __tablename__ = "consultation_participant"
    event: Mapped[str] = mapped_column(String(8))


class ConsultationDecision(ConsultationEntry, Synced, Base):
    """Append-only decisions log of a session: who decided what, from which node, when."""

    __tablename__ = "consultation_decision"
    text: Mapped[str] = mapped_column(Text)


# --- duty ---------------------------------------------------------------------------------

class DutyRoster(Synced, Base):
    """One shift on the roster; `starts_at`/`ends_at` give shifts of any hours (rows from
    before them are the day 08–20 / night 20–08 shifts)."""

    __tablename__ = "duty_roster"
    day: Mapped[str] = mapped_column(String(10))  # ISO date
    shift: Mapped[str] = mapped_column(String(16))
    officer: Mapped[str] = mapped_column(String(64))
    leader: Mapped[str | None] = mapped_column(String(64))
    starts_at: Mapped[float | None] = mapped_column(Float)
    ends_at: Mapped[float | None] = mapped_column(Float)


class DutyLog(Synced, Base):
    """Append-only duty-log entries. A follow-up of an entry (a complaint's handling) is a new
    entry with `ref_id` = the first entry's id and its `status`."""

    __tablename__ = "duty_log"
    at: Mapped[float] = mapped_column(Float)
    officer: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    ref_id: Mapped[str | None] = mapped_column(String(36), index=True)
    status: Mapped[str | None] = mapped_column(String(16))
    drill_id: Mapped[str | None] = mapped_column(String(36), index=True)  # the drill_run it belongs to, if any


class AlarmJournalEntry(Synced, Base):
    """One append-only alarm-journal event (`domain.alarm_events.AlarmEvent`).

    `division` is the site's county, so a county node holds its own events, a city node
    those of its counties and the province everything: an escalated alarm reaches every
    node it escalates to without copying. Engine-derived events (raise, clear, escalation)
    have name-based ids, so two nodes journaling the same one end as one row.
    """

    __tablename__ = "alarm_event"
    occurrence_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    level: Mapped[int] = mapped_column(Integer)
    site: Mapped[str] = mapped_column(String(32))
    tag: Mapped[str] = mapped_column(String(128))
    condition: Mapped[str] = mapped_column(String(32))
    at: Mapped[float] = mapped_column(Float, index=True)
    operator: Mapped[str | None] = mapped_column(String(64))
    node: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[str | None] = mapped_column(Text)  # JSON
    drill_id: Mapped[str | None] = mapped_column(String(36), index=True)  # the drill_run it belongs to, if any


class DrillRun(Synced, Base):
    """One drill (演练): a scenario run at chosen sites for chosen nodes, from start to stop.

    Every alarm event and record made for it carries its id in `drill_id`, so real figures
    leave it out (`console.drill`). `division` is the starting node's; `nodes` and `sites`
    are JSON lists."""

    __tablename__ = "drill_run"
    scenario: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(128))
    sites: Mapped[str] = mapped_column(Text)
    nodes: Mapped[str] = mapped_column(Text)
    started_at: Mapped[float] = mapped_column(Float, index=True)
    started_by: Mapped[str] = mapped_column(String(64))
    ended_at: Mapped[float | None] = mapped_column(Float)
    ended_by: Mapped[str | None] = mapped_column(String(64))


class ShiftHandover(Synced, Base):
    __tablename__ = "shift_handover"
    at: Mapped[float] = mapped_column(Float)
    from_officer: Mapped[str] = mapped_column(String(64))
    to_officer: Mapped[str] = mapped_column(String(64))
    notes: Mapped[str] = mapped_column(Text)
    items: Mapped[str | None] = mapped_column(Text)  # JSON: the open items handed over


# --- sync bookkeeping replicated to nodes ---------------------------------------------------

class SyncConflict(Synced, Base):
    """The conflict inbox: one field changed on two nodes where neither owns the row."""

    __tablename__ = "sync_conflict"
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    server_value: Mapped[str | None] = mapped_column(Text)  # JSON
    incoming_value: Mapped[str | None] = mapped_column(Text)  # JSON
    server_origin: Mapped[str | None] = mapped_column(String(6))
    incoming_origin: Mapped[str] = mapped_column(String(6))
    created_at: Mapped[float] = mapped_column(Float)
    resolution: Mapped[str | None] = mapped_column(String(16))  # server | incoming
    resolved_by: Mapped[str | None] = mapped_column(String(6))


def synced_tables() -> dict[str, list[str]]:
    """Every replicated table with its column names (bookkeeping first)."""
    out = {}
    for table in Base.metadata.sorted_tables:
        names = [c.name for c in table.columns]
        if set(BOOKKEEPING) <= set(names):
            out[table.name] = names
    return out


# --- node-local (SQLite) and server-only bookkeeping ---------------------------------------

class LocalBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class OutboxOp(LocalBase):
    """An operation written locally and not yet acknowledged by the server."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # upsert | delete | append | delta | resolve
    base_version: Mapped[int] = mapped_column(BigInteger)
    division: Mapped[str] = mapped_column(String(6))
    fields: Mapped[str] = mapped_column(Text)  # JSON of the changed fields (or deltas)
    created_at: Mapped[float] = mapped_column(Float)


class SyncState(LocalBase):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AssessmentLinkTransition(LocalBase):
    """A change of one of this node's links (backend, field, video) as the `LinkBoard` saw it,
    kept so the assessment can compute link availability over a period. Node-local."""

    __tablename__ = "assessment_link_transition"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    link: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str | None] = mapped_column(Text)
    at: Mapped[float] = mapped_column(Float, index=True)


class RejectedOp(LocalBase):
    """Ops the server refused (e.g. outside this node's jurisdiction): kept, shown, never retried."""

    __tablename__ = "rejected_op"
    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    fields: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[float] = mapped_column(Float)
