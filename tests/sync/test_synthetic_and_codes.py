"""Credit codes (GB 32100), the synthetic data generator, and the pure conflict rules."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.divisions import hebei
from server_link import credit_code, synthetic
from server_link.sync_rules import Op, apply_op, replay_locally


@pytest.mark.parametrize("code", ["91350100M000100Y43", "91110000600037341L"])
def test_known_valid_codes(code):
    assert credit_code.is_valid(code)


def test_invalid_codes_say_why():
    assert "expected 'L'" in credit_code.problem("91110000600037341K")
    assert "18" in credit_code.problem("9111")
    assert "'I'" in credit_code.problem("91110000600037341I")


@settings(max_examples=200)
@given(st.text("0123456789", min_size=8, max_size=8), st.text(credit_code.ALPHABET, min_size=8, max_size=8),
       st.sampled_from(credit_code.ALPHABET))
def test_exactly_one_check_character_fits(head, org_body, last):
    first17 = head + org_body + credit_code.org_check_char(org_body)
    assert credit_code.is_valid(first17 + last) == (last == credit_code.check_char(first17))


def test_the_embedded_organisation_code_is_checked_too():
    good = credit_code.make("130102", "12345678")
    org_char = good[16]
    wrong = next(ch for ch in "0123456789X" if ch != org_char)
    first17 = good[:16] + wrong
    code = first17 + credit_code.check_char(first17)  # the GB 32100 character fits, GB 11714 does not
    assert f"expected {org_char!r} (GB 11714)" in credit_code.problem(code)
    assert "must be digits" in credit_code.problem("9A110000600037341L")


def test_generator_is_deterministic_and_valid():
    first, again, other = (synthetic.generate(seed=s, enterprises=600) for s in (7, 7, 8))
    assert first == again
    assert first["enterprise"] != other["enterprise"]
    codes = list(synthetic.iter_codes(first))
    assert len(set(codes)) == 600 and all(credit_code.is_valid(c) for c in codes)
    counties = {d.code for d in hebei().counties()}
    for table, rows in first.items():
        assert all(row["division"] in counties for row in rows), table
    for row in first["enterprise"]:
        assert row["credit_code"][2:8] == row["division"]
    for source in first["hazard_source"]:
        assert source["grade"] == synthetic.hazard_grade(source["r_value"])
    assert len(first["hazard"]) > 50 and len(first["inspection_record"]) > 100 and first["supply"]


@pytest.mark.parametrize("r_value, grade", [(150, 1), (100, 1), (99.9, 2), (50, 2), (10, 3), (9.99, 4)])
def test_hazard_grade_per_gb_18218(r_value, grade):
    assert synthetic.hazard_grade(r_value) == grade


def _row(**fields):
    return dict({"id": "r", "division": "130102", "version": 5, "deleted": False, "field_clock": json.dumps(
        {"name": [5, "130100"]}), "name": "市", "status": "assigned", "quantity": 10.0}, **fields)


def test_rules_owner_wins_and_inbox_otherwise():
    owner = apply_op(_row(), Op("o", "enterprise", "r", "upsert", 3, "130102", {"name": "县"}, "130102"), 6, 0.0)
    assert owner.row["name"] == "县" and not owner.conflicts
    stranger = apply_op(_row(), Op("o", "enterprise", "r", "upsert", 3, "130102", {"name": "省"}, "130000"), 6, 0.0)
    assert stranger.row is None and stranger.conflicts[0].incoming_value == "省"
    later = apply_op(_row(), Op("o", "enterprise", "r", "upsert", 5, "130102", {"name": "省"}, "130000"), 6, 0.0)
    assert later.row["name"] == "省"  # based on the current version: not concurrent


def test_rules_forward_only_delta_and_append_only():
    back = apply_op(_row(), Op("o", "hazard", "r", "upsert", 5, "130102", {"status": "reported"}, "130102"), 6, 0.0)
    assert back.row is None
    delta = apply_op(_row(), Op("o", "supply", "r", "delta", 1, "130102", {"quantity": -4}, "130100"), 6, 0.0)
    assert delta.row["quantity"] == 6.0
    assert apply_op(_row(), Op("o", "duty_log", "r", "upsert", 5, "130102", {"text": "x"}, "130102"),
                    6, 0.0).status.startswith("rejected")
    assert replay_locally(_row(), "upsert", {"status": "reported"}, "hazard")["status"] == "assigned"
