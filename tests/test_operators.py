"""Operators on one node's real SQLite store (Qt-free): accounts, lockout, the audit trail
written with its action, and the `duty-console users` command."""
from __future__ import annotations

import csv
import os
import subprocess
import sys

import pytest

from console.config import NodeConfig, load_config
from domain.config_files import ConfigError
from console.operators import audit
from console.operators.accounts import Accounts, SignInRefused
from console.operators.permissions import Action, Actor, PermissionDenied, Role, require
from server_link.local_store import LocalStore, StoreError
from domain.divisions import hebei

ADMIN = Actor("admin", "管理员", Role.ADMINISTRATOR, "130102")


@pytest.fixture()
def store(tmp_path):
    store = LocalStore(tmp_path / "county.sqlite", "130102", hebei())
    yield store
    store.close()


def test_roles_allow_what_their_duty_needs_and_refuse_with_the_reason():
    officer = Actor("zhangwei", "张伟", Role.DUTY_OFFICER, "130102")
    for action in (Action.ACKNOWLEDGE, Action.SHELVE, Action.COMMENT, Action.EDIT_RECORDS, Action.HANDOVER):
        require(officer, action)
    with pytest.raises(PermissionDenied, match=r"张伟 \(duty officer\) may not approve registry entries: "
                                               r"only a shift leader, administrator may"):
        require(officer, Action.APPROVE_REGISTRY)
    require(Actor("lina", "李娜", Role.SHIFT_LEADER, "130102"), Action.APPROVE_REGISTRY)
    with pytest.raises(PermissionDenied, match="acknowledge"):
        require(Actor("boss", "王局", Role.LEADER, "130102"), Action.ACKNOWLEDGE)


def test_only_the_hash_is_stored_and_a_wrong_password_is_refused_and_counted(store):
    accounts = Accounts(store, max_failed_attempts=3)
    accounts.add(ADMIN, "ZhangWei ", "张伟", Role.DUTY_OFFICER, "zhangwei-pass")
    (row,) = store.rows("app_user")
    assert row["username"] == "zhangwei" and row["password_hash"].startswith("$argon2id$")
    assert "zhangwei-pass" not in row["password_hash"]
    with pytest.raises(SignInRefused, match=r"wrong password .*1 of 3"):
        accounts.sign_in("zhangwei", "zhangwei-PASS")
    assert accounts.find("zhangwei").failed_attempts == 1
    assert accounts.sign_in("zhangwei", "zhangwei-pass").role is Role.DUTY_OFFICER
    assert accounts.find("zhangwei").failed_attempts == 0  # a success clears the count
    with pytest.raises(SignInRefused, match="unknown user"):
        accounts.sign_in("nobody", "whatever-pass")
    actions = [(r["username"], r["action"]) for r in sorted(store.rows("audit_event"), key=lambda r: r["at"])]
    assert actions == [("admin", "user_add"), ("zhangwei", "login_failed"), ("zhangwei", "login"),
                       ("nobody", "login_failed")]


def test_lockout_after_n_failures_until_an_administrator_resets(store):
    accounts = Accounts(store, max_failed_attempts=2)
    accounts.add(ADMIN, "zhangwei", "张伟", Role.DUTY_OFFICER, "zhangwei-pass")
    with pytest.raises(SignInRefused):
        accounts.sign_in("zhangwei", "guess-1")
    with pytest.raises(SignInRefused, match="now locked after 2"):
        accounts.sign_in("zhangwei", "guess-2")
    with pytest.raises(SignInRefused, match="locked"):
        accounts.sign_in("zhangwei", "zhangwei-pass")
    assert accounts.find("zhangwei").failed_attempts == 2  # refusals of a locked account are not counted
    with pytest.raises(PermissionDenied, match="manage user accounts"):
        accounts.reset(Actor("lina", "李娜", Role.SHIFT_LEADER, "130102"), "zhangwei", "fresh-pass-1")
    with pytest.raises(StoreError, match="at least 8"):
        accounts.reset(ADMIN, "zhangwei", "short")
    accounts.reset(ADMIN, "zhangwei", "fresh-pass-1")
    assert accounts.sign_in("zhangwei", "fresh-pass-1").username == "zhangwei"
    assert "lock" in {r["action"] for r in store.rows("audit_event")}


def test_audit_rows_commit_with_their_write_or_not_at_all(store):
    entry = audit.entry(ADMIN, "130102", "record_edit", "130102", target_kind="hazard")
    with pytest.raises(StoreError, match="no such row"):
        store.update("hazard", "missing", status="assigned", audit=[entry])
    assert store.count("audit_event") == 0 and store.pending_count() == 0
    with pytest.raises(StoreError, match="jurisdiction"):  # the audit row fails: the incident is not stored either
        store.insert("incident", "130102", title="x", kind="fire", level=4, occurred_at=0.0, status="open",
                      audit=[audit.entry(ADMIN, "130102", "record_create", "130104")])
    assert store.count("audit_event") == 0 and store.count("incident") == 0


def test_the_audit_trail_is_append_only(store):
    store.record_audit([audit.entry(ADMIN, "130102", "login", "130102")])
    (row,) = store.rows("audit_event")
    with pytest.raises(StoreError, match="append-only"):
        store.update("audit_event", row["id"], action="logout")


def test_audit_reader_filters_and_exports_csv(store, tmp_path):
    rows = [audit.entry("zhangwei", "130102", "ack", "130102", site="TP13010201", at=1000.0, after={"alarms": 2}),
            audit.entry("lina", "130102", "comment", "130102", site="TP13010201", at=2000.0),
            audit.entry("zhangwei", "130102", "ack", "130102", site="HC13010201", at=3000.0)]
    store.record_audit(rows)
    reader = audit.AuditReader(store.path)
    try:
        assert [r["at"] for r in reader.rows(audit.AuditFilter(username="zhangwei"))] == [3000.0, 1000.0]
        assert [r["username"] for r in reader.rows(audit.AuditFilter(site="TP13010201", action="comment"))] == ["lina"]
        assert [r["at"] for r in reader.rows(audit.AuditFilter(start=1500.0, end=3000.0))] == [2000.0]
        assert reader.distinct("username") == ["lina", "zhangwei"]
        out = tmp_path / "audit.csv"
        assert audit.export_csv(reader.rows(), out) == 3
    finally:
        reader.close()
    with open(out, encoding="utf-8-sig", newline="") as handle:
        exported = list(csv.DictReader(handle))
    assert [(r["username"], r["action"], r["site"]) for r in exported] == [
        ("zhangwei", "ack", "HC13010201"), ("lina", "comment", "TP13010201"), ("zhangwei", "ack", "TP13010201")]
    assert exported[2]["after"] == '{"alarms": 2}'


def test_operators_config_keys_are_validated(tmp_path):
    assert NodeConfig().operators.lock_after_min == 15.0 and NodeConfig().operators.max_failed_attempts == 5
    path = tmp_path / "node.toml"
    path.write_text("[operators]\nlock_after_min = 5\nmax_failed_attempts = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"node.toml:3: operators.max_failed_attempts"):
        load_config(path)


def _users(home, *args, env=None):
    environment = {**os.environ, "DUTY_CONSOLE_HOME": str(home), **(env or {})}
    return subprocess.run([sys.executable, "-m", "console", "users", *args], capture_output=True, text=True,
                          env=environment, timeout=90)


def test_users_command_bootstraps_an_administrator_then_needs_one(tmp_path):
    home = tmp_path / "home"
    first = _users(home, "add", "root", "--name", "系统管理员", "--role", "administrator", "--password-env", "PW",
                   env={"PW": "root-password"})
    assert first.returncode == 0, first.stderr
    refused = _users(home, "add", "zhangwei", "--name", "张伟", "--role", "duty_officer", "--password-env", "PW",
                     env={"PW": "zhangwei-pass"})
    assert refused.returncode == 1 and "give --admin" in refused.stderr and "Traceback" not in refused.stderr
    wrong = _users(home, "--admin", "root", "--admin-password-env", "APW", "add", "zhangwei", "--name", "张伟",
                   "--role", "duty_officer", "--password-env", "PW", env={"PW": "zhangwei-pass", "APW": "nope-nope"})
    assert wrong.returncode == 1 and "wrong password" in wrong.stderr
    added = _users(home, "--admin", "root", "--admin-password-env", "APW", "add", "zhangwei", "--name", "张伟",
                   "--role", "duty_officer", "--password-env", "PW", env={"PW": "zhangwei-pass", "APW": "root-password"})
    assert added.returncode == 0, added.stderr
    listed = _users(home, "list")
    assert listed.returncode == 0
    assert [line.split("\t")[:3] for line in listed.stdout.splitlines()] == [
        ["root", "系统管理员", "administrator"], ["zhangwei", "张伟", "duty_officer"]]
    missing_env = _users(home, "--admin", "root", "--admin-password-env", "APW", "reset", "zhangwei",
                         "--password-env", "NOT_SET_ANYWHERE", env={"APW": "root-password"})
    assert missing_env.returncode == 1 and "NOT_SET_ANYWHERE is not set" in missing_env.stderr


def test_self_test_says_when_nobody_can_sign_in(tmp_path):
    from console.config import BackendSection, NodeSection
    from console.self_test import check_operators

    config = NodeConfig(node=NodeSection(division="130102"), backend=BackendSection(store_path=tmp_path / "s.sqlite"),
                        source=tmp_path / "node.toml")
    result = check_operators(config)
    assert not result.ok and "duty-console users add" in result.detail
    store = LocalStore(tmp_path / "s.sqlite", "130102", hebei())
    Accounts(store, max_failed_attempts=1).add(ADMIN, "zhangwei", "张伟", Role.DUTY_OFFICER, "zhangwei-pass")
    with pytest.raises(SignInRefused):
        Accounts(store, max_failed_attempts=1).sign_in("zhangwei", "wrong-pass")
    store.close()
    assert check_operators(config).ok and "locked: zhangwei" in check_operators(config).detail
    assert check_operators(NodeConfig()).ok
