"""UI language: Chinese (zh_CN) first through Qt's translation system, English second.

Source strings are English; Chinese comes from `resources/i18n/duty_console_zh_CN.qm`
plus Qt's own `qtbase_zh_CN.qm` for standard dialogs. Switching installs or removes the
translators, and Qt sends every widget a LanguageChange event to retranslate itself.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import resource_path

LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {LANGUAGES}")
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    sources = [
        (str(resource_path("i18n")), "duty_console_zh_CN"),
        (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_zh_CN"),
    ]
    for directory, name in sources:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
        elif name.startswith("duty_console"):
            raise FileNotFoundError(f"translation {name}.qm missing in {directory}: run scripts/update-translations")


def current_language() -> str:
    return "zh_CN" if _installed else "en"
