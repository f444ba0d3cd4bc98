"""The navigation entries of the main window, in order. Qt-free.

Each entry names the module and class of its page; the class is imported only when the
page is first shown, so start-up stays fast and a page's heavy dependencies (libvlc,
pyqtgraph) load on demand. A page class takes `(context, parent)`. An entry with no
`factory` is shown as "not available yet" — plainly, with no fake content. While the
console starts, a page is built once the services it `needs` are up: the overview shows
live values as soon as the field is read, before the store and the alarm engine are.
"""
from __future__ import annotations

from dataclasses import dataclass

from domain.translatable import QT_TRANSLATE_NOOP  # Qt-free: config validation uses PAGES


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source text; translated in the "pages" context
    factory: str | None = None  # "package.module:ClassName"
    # services the page can be built with while the others still start (it takes those when
    # they arrive, `AppContext.services.when`); None: built once the console has started
    needs: tuple[str, ...] | None = None


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", QT_TRANSLATE_NOOP("pages", "Overview"), "console.pages.overview:OverviewPage",
             needs=("catalogue",)),
    PageSpec("monitoring", QT_TRANSLATE_NOOP("pages", "Monitoring"), "console.pages.monitoring:MonitoringPage"),
    PageSpec("alarms", QT_TRANSLATE_NOOP("pages", "Alarms"), "console.pages.alarms:AlarmsPage"),
    PageSpec("video", QT_TRANSLATE_NOOP("pages", "Video"), "console.pages.video:VideoPage"),
    PageSpec("registry", QT_TRANSLATE_NOOP("pages", "Registry"), "console.pages.registry:RegistryPage"),
    PageSpec("enforcement", QT_TRANSLATE_NOOP("pages", "Enforcement"), "console.pages.enforcement:EnforcementPage"),
    PageSpec("emergency", QT_TRANSLATE_NOOP("pages", "Emergency"), "console.pages.emergency:EmergencyPage"),
    PageSpec("duty", QT_TRANSLATE_NOOP("pages", "Duty"), "console.pages.duty:DutyPage"),
    PageSpec("consultation", QT_TRANSLATE_NOOP("pages", "Consultation"),
             "console.pages.consultation:ConsultationPage"),
    PageSpec("sync", QT_TRANSLATE_NOOP("pages", "Sync"), "console.pages.sync:SyncPage"),
    PageSpec("audit", QT_TRANSLATE_NOOP("pages", "Audit"), "console.pages.audit:AuditPage"),
    PageSpec("drill", QT_TRANSLATE_NOOP("pages", "Drills"), "console.pages.drill:DrillPage"),
    PageSpec("assessment", QT_TRANSLATE_NOOP("pages", "Assessment"), "console.pages.assessment:AssessmentPage"),
)

PAGE_KEYS = tuple(page.key for page in PAGES)


def page_spec(key: str) -> PageSpec:
    for page in PAGES:
        if page.key == key:
            return page
    raise KeyError(f"unknown page {key!r}; pages are: {', '.join(PAGE_KEYS)}")
