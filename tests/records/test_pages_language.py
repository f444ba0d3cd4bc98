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
