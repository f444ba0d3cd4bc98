"""Operator accounts and signing in, on the node's local store. Qt-free.

Accounts are `app_user` rows, replicated like the registry (an account reaches its own
division's node and the nodes above it), so signing in reads only the local store and
works with the backend down. Passwords are kept as argon2id hashes (argon2-cffi, the
reference implementation's binding; its defaults follow RFC 9106). A wrong password is
counted (`failed_attempts`, a delta field: counts from two nodes add up); at the node's
limit the account locks until an administrator resets it. Every sign-in, refusal, lock,
sign-out and reset is an audit row written with the change it records.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from console.operators import audit
from console.operators.permissions import Action, Actor, Role, require
from server_link.local_store import LocalStore, StoreError

USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{1,31}$")
MIN_PASSWORD = 8
_hasher = PasswordHasher()


class SignInRefused(Exception):
    """A sign-in that did not succeed; the message is for the person at the console."""


@dataclass(frozen=True)
class Account:
    id: str
    username: str
    display_name: str
    role: Role
    division: str
    failed_attempts: int
    locked: bool
    active: bool

    @classmethod
    def from_row(cls, row: dict) -> "Account":
        return cls(row["id"], row["username"], row["display_name"], Role(row["role"]), row["division"],
                   int(row["failed_attempts"] or 0), bool(row["locked"]), bool(row["active"]))


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise StoreError(f"password: at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


class Accounts:
    """Accounts held by one node's store, and signing in against them."""

    def __init__(self, store: LocalStore, max_failed_attempts: int = 5):
        self.store = store
        self.max_failed_attempts = max_failed_attempts

    # ---- reading ---------------------------------------------------------------------
    def find(self, username: str) -> Account | None:
        row = self._row(username)
        return Account.from_row(row) if row else None

    def list(self) -> list[Account]:
        return sorted((Account.from_row(row) for row in self.store.rows("app_user")), key=lambda a: a.username)

    def display_names(self) -> dict[str, str]:
        return {account.username: account.display_name for account in self.list()}

    def _row(self, username: str) -> dict | None:
        return next((row for row in self.store.rows("app_user") if row["username"] == username), None)

    # ---- administration --------------------------------------------------------------
    def add(self, admin: Actor, username: str, display_name: str, role: Role, password: str,
            division: str | None = None) -> str:
        """A new account (administrators only); its division defaults to this node's."""
        require(admin, Action.MANAGE_USERS)
        username = username.strip().lower()
        if not USERNAME.match(username):
            raise StoreError(f"username {username!r}: 2–32 characters, a lowercase letter first, then "
                             "lowercase letters, digits, '_', '.' or '-'")
        if not display_name.strip():
            raise StoreError("display name: must not be empty")
        if self._row(username) is not None:
            raise StoreError(f"username {username!r}: already taken")
        division = division or self.store.node
        fields = {"username": username, "display_name": display_name.strip(), "role": Role(role).value,
                  "password_hash": hash_password(password), "failed_attempts": 0, "locked": False, "active": True}
        return self.store.insert("app_user", division, audit=[audit.entry(
            admin, self.store.node, "user_add", division, target_kind="user",
            after={"username": username, "display_name": display_name.strip(), "role": Role(role).value})], **fields)

    def reset(self, admin: Actor, username: str, password: str) -> None:
        """Set a new password, clear the failure count and unlock (administrators only)."""
        require(admin, Action.MANAGE_USERS)
        row = self._row(username)
        if row is None:
            raise StoreError(f"user {username!r}: no such account on node {self.store.node}")
        entry = audit.entry(admin, self.store.node, "password_reset", row["division"], target_kind="user",
                            target_id=row["id"], before={"locked": bool(row["locked"])}, after={"locked": False})
        self.store.update("app_user", row["id"], password_hash=hash_password(password), locked=False, audit=[entry])
        if row["failed_attempts"]:
            self.store.adjust("app_user", row["id"], "failed_attempts", -int(row["failed_attempts"]))

    # ---- signing in ------------------------------------------------------------------
    def sign_in(self, username: str, password: str) -> Actor:
        """The actor for a correct password; else `SignInRefused` (counted, and locking at the limit)."""
        username = username.strip().lower()
        row = self._row(username)
        node = self.store.node
        if row is None:
            self.store.record_audit([audit.entry(username[:64] or "?", node, "login_failed", node,
                                                 target_kind="user", after={"reason": "unknown user"})])
            raise SignInRefused(f"unknown user {username!r} on node {node}")
        account = Account.from_row(row)
        if not account.active:
            raise SignInRefused(f"account {username!r} is disabled")
        if account.locked:
            self.store.record_audit([audit.entry(account.username, node, "login_failed", node, target_kind="user",
                                                 target_id=account.id, after={"reason": "locked"})])
            raise SignInRefused(f"account {username!r} is locked after {account.failed_attempts} wrong passwords; "
                                "an administrator must reset it")
        try:
            _hasher.verify(row["password_hash"] or "", password)
        except (VerificationError, InvalidHashError):
            self._count_failure(account)
        login = audit.entry(account.username, node, "login", node, target_kind="user", target_id=account.id,
                            after={"role": account.role.value})
        if account.failed_attempts:
            self.store.adjust("app_user", account.id, "failed_attempts", -account.failed_attempts, audit=[login])
        else:
            self.store.record_audit([login])
        return Actor(account.username, account.display_name, account.role, node)

    def _count_failure(self, account: Account) -> None:
        failures = account.failed_attempts + 1
        entry = audit.entry(account.username, self.store.node, "login_failed", self.store.node, target_kind="user",
                            target_id=account.id, before={"failed_attempts": account.failed_attempts},
                            after={"failed_attempts": failures})
        self.store.adjust("app_user", account.id, "failed_attempts", 1, audit=[entry])
        if failures >= self.max_failed_attempts:
            self.store.update("app_user", account.id, locked=True, audit=[audit.entry(
                account.username, self.store.node, "lock", self.store.node, target_kind="user", target_id=account.id)])
            raise SignInRefused(f"wrong password for {account.username!r}; the account is now locked after "
                                f"{failures} attempts")
        raise SignInRefused(f"wrong password for {account.username!r} "
                            f"({failures} of {self.max_failed_attempts} attempts before it locks)")

    def sign_out(self, actor: Actor) -> None:
        self.store.record_audit([audit.entry(actor, self.store.node, "logout", self.store.node, target_kind="user")])
