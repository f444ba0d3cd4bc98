"""All four records pages are registered, open from the navigation and follow a language switch."""
from __future__ import annotations

import importlib

import pytest
from PySide6.QtWidgets import QApplication

from console import i18n
from console.navigation import page_spec

HEADINGS = {"registry": ("Registry", "企业档案"), "enforcement": ("Enforcement", "执法检查"),
            "emergency": ("Emergency", "应急管理"), "duty": ("Duty", "值班")}


@pytest.mark.parametrize("key", list(HEADINGS))
def test_page_is_registered_and_retranslates(open_page, province, key):
    module, name = page_spec(key).factory.split(":")
    page = open_page(getattr(importlib.import_module(module), name), province)
    english, chinese = HEADINGS[key]
    try:
        i18n.set_language("zh_CN")
        QApplication.processEvents()
        assert page.heading.text() == chinese
        i18n.set_language("en")
        QApplication.processEvents()
        assert page.heading.text() == english
    finally:
        i18n.set_language("en")


def test_the_consultation_page_follows_a_language_switch(open_page, county):
    from console.operators.permissions import Actor, Role
    from console.pages.consultation import ConsultationPage

    county.sign_in(Actor("wangqiang", "王强", Role.SHIFT_LEADER, "130102"))
    page = open_page(ConsultationPage, county)
    assert page.open_session("尾矿库水位会商", []) is None
    page.sessions.setCurrentRow(0)
    try:
        i18n.set_language("zh_CN")
        QApplication.processEvents()
        assert (page.open_button.text(), page.participants_title.text()) == ("发起会商…", "参会人员")
        assert page.sessions.item(0).text().endswith("进行中") and page.sessions.currentRow() == 0
        i18n.set_language("en")
        QApplication.processEvents()
        assert (page.open_button.text(), page.participants_title.text()) == ("Open a consultation…", "Participants")
        assert page.sessions.item(0).text().endswith("running") and page.sessions.currentRow() == 0
    finally:
        i18n.set_language("en")
