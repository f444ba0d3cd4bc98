"""Signing in, taking over and locking the seat, the audit page (offscreen, real SQLite store)."""
from __future__ import annotations

import time

import pytest
import shiboken6
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from console.config import BackendSection, NodeConfig, NodeSection
from console.context import AppContext
from console.main_window import MainWindow
from console.operators import audit
from console.operators.permissions import Actor, Role
from console.records.store_access import accounts
from widgets.login_dialog import LoginDialog
from widgets.seat import SeatGuard

ADMIN = Actor("admin", "管理员", Role.ADMINISTRATOR, "130102")


@pytest.fixture()
def context(tmp_path):
    config = NodeConfig(node=NodeSection(division="130102"), backend=BackendSection(store_path=tmp_path / "s.sqlite"))
    context = AppContext(config)
    accounts(context).add(ADMIN, "zhangwei", "张伟", Role.DUTY_OFFICER, "zhangwei-pass")
    accounts(context).add(ADMIN, "lina", "李娜", Role.SHIFT_LEADER, "lina-pass-1")
    yield context
    context.services["store"].close()


@pytest.fixture()
def window(qtbot, tmp_path, context):
    window = MainWindow(context, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), persist=False)
    yield window
    window.close()
    shiboken6.delete(window)  # before the store closes: no page of it may read a closed store


def answer_next_dialog(username: str, password: str) -> None:
    """Fill in the login dialog `exec()` is about to show, as a person would."""
    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(20, fill)
            return
        dialog.username.setText(username)
        dialog.password.setText(password)
        dialog.sign_in()
        if dialog.isVisible():  # refused: give up so the test sees the refusal
            dialog.reject()
    QTimer.singleShot(0, fill)


def test_login_dialog_refuses_a_wrong_password_with_one_line_then_signs_in(qtbot, context):
    dialog = LoginDialog(accounts(context), "长安区 · 县级节点")
    qtbot.addWidget(dialog)
    dialog.username.setText("zhangwei")
    dialog.password.setText("wrong-pass")
    dialog.sign_in()
    assert "wrong password" in dialog.error.text() and "\n" not in dialog.error.text()
    assert dialog.password.text() == "" and dialog.actor is None and accounts(context).find("zhangwei").failed_attempts == 1
    dialog.password.setText("zhangwei-pass")
    dialog.sign_in()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.actor.display_name == "张伟"


def test_taking_over_the_seat_switches_the_actor_and_the_status_bar(qtbot, window, context):
    answer_next_dialog("zhangwei", "zhangwei-pass")
    window.take_over_seat()
    assert context.operator == "zhangwei" and "张伟" in window.seat_label.text()
    answer_next_dialog("lina", "lina-pass-1")
    window.take_over_seat()
    assert context.actor.role is Role.SHIFT_LEADER and context.operator == "lina"
    assert "李娜" in window.seat_label.text()
    trail = [(r["username"], r["action"]) for r in sorted(context.services["store"].rows("audit_event"),
                                                          key=lambda r: r["at"]) if r["action"] in ("login", "logout")]
    assert trail == [("zhangwei", "login"), ("lina", "login"), ("zhangwei", "logout")]


def test_the_seat_locks_after_inactivity_and_is_recorded(qtbot, window, context):
    answer_next_dialog("zhangwei", "zhangwei-pass")
    window.take_over_seat()
    guard = SeatGuard(context, window, lock_after_min=0.001)  # 60 ms
    qtbot.waitUntil(lambda: guard.last_input + guard.lock_after_s < time.monotonic())
    answer_next_dialog("zhangwei", "zhangwei-pass")
    guard.check()
    assert not guard.locked and context.operator == "zhangwei"
    actions = [r["action"] for r in context.services["store"].rows("audit_event") if r["username"] == "zhangwei"]
    assert "seat_locked" in actions and actions.count("login") == 2


def test_the_embedded_default_signs_in_a_demo_officer_and_says_so(qtbot, tmp_path):
    context = AppContext(NodeConfig())
    context.sign_in_demo()
    window = MainWindow(context, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), persist=False)
    qtbot.addWidget(window)
    assert context.actor.role is Role.DUTY_OFFICER and context.operator == "demo"
    assert "signed in automatically" in window.seat_label.text() or "自动登录" in window.seat_label.text()


def test_audit_page_filters_by_person_and_exports(qtbot, window, context, tmp_path):
    answer_next_dialog("zhangwei", "zhangwei-pass")
    window.take_over_seat()
    context.services["store"].record_audit([audit.entry("lina", "130102", "comment", "130102", site="TP13010201")])
    page = window.show_page("audit")
    page.refresh()
    assert page.table.model.rowCount() == 4  # two accounts added, zhangwei's sign-in, lina's comment
    page.person.setCurrentIndex(page.person.findData("lina"))
    assert [row["action"] for row in page.table.model.rows] == ["comment"]
    assert page.table.model.rows[0]["who"] == "李娜 (lina)"
    out = tmp_path / "audit.csv"
    assert page.export(str(out)) == 1 and "lina" in out.read_text(encoding="utf-8-sig")


def test_a_configured_node_starts_with_the_sign_in_and_quitting_there_starts_nothing(qtbot, context):
    from widgets.seat import sign_in_at_start

    answer_next_dialog("lina", "wrong-password")  # refused, then the person quits
    assert not sign_in_at_start(context, "长安区 · 县级节点") and not context.signed_in
    answer_next_dialog("lina", "lina-pass-1")
    assert sign_in_at_start(context, "长安区 · 县级节点")
    assert context.signed_in and context.operator == "lina" and context.actor.role is Role.SHIFT_LEADER
