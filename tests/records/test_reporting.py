"""Order No. 493 deadlines as a pure function of the reports and a fake clock."""
from domain.divisions import hebei
from console.records.reporting import (ENTERPRISE, MINISTRY, HopState, chain_for, format_remaining, hops,
                                       next_reporter, still_to_report)

T0 = 1_800_000_000.0  # the accident
COUNTY, CITY, PROVINCE = "130102", "130100", "130000"  # Shijiazhuang Chang'an district


def test_general_accident_goes_up_to_the_city_larger_to_the_province_major_to_the_ministry():
    registry = hebei()
    assert chain_for(registry, COUNTY, 4) == [COUNTY, CITY]
    assert chain_for(registry, COUNTY, 3) == [COUNTY, CITY, PROVINCE]
    assert chain_for(registry, COUNTY, 1) == [COUNTY, CITY, PROVINCE, MINISTRY]
    # Dingzhou reports straight to the province and is itself a city-level node.
    assert chain_for(registry, "130682", 4) == ["130682"]
    assert chain_for(registry, "130682", 3) == ["130682", PROVINCE]


def test_enterprise_has_one_hour_then_each_level_two_hours_from_receipt():
    chain = hops(hebei(), COUNTY, 3, T0, {}, now=T0 + 1800)
    assert [h.reporter for h in chain] == [ENTERPRISE, COUNTY, CITY]
    assert chain[0].state is HopState.DUE and chain[0].remaining_s == 1800
    assert chain[0].due_at == T0 + 3600
    assert [h.state for h in chain[1:]] == [HopState.WAITING, HopState.WAITING]
    assert next_reporter(chain) == ENTERPRISE

    reported = {COUNTY: T0 + 40 * 60}
    chain = hops(hebei(), COUNTY, 3, T0, reported, now=T0 + 50 * 60)
    assert chain[0].state is HopState.REPORTED and not chain[0].late
    assert chain[1].due_at == T0 + 40 * 60 + 7200  # counted from the county's receipt
    assert chain[1].remaining_s == 7200 - 600
    assert still_to_report(chain) == [COUNTY, CITY]


def test_past_the_deadline_is_overdue_with_negative_time_and_late_reports_stay_marked():
    chain = hops(hebei(), COUNTY, 4, T0, {COUNTY: T0 + 600}, now=T0 + 600 + 7200 + 65)
    assert chain[1].state is HopState.OVERDUE and chain[1].late
    assert format_remaining(chain[1].remaining_s) == "-00:01:05"
    done = hops(hebei(), COUNTY, 4, T0, {COUNTY: T0 + 600, CITY: T0 + 600 + 7300}, now=T0 + 9000)
    assert done[1].state is HopState.REPORTED and done[1].late
    assert still_to_report(done) == [] and next_reporter(done) is None


def test_a_higher_report_before_the_lower_one_is_not_taken_as_done():
    chain = hops(hebei(), COUNTY, 3, T0, {CITY: T0 + 60, PROVINCE: T0 + 90}, now=T0 + 120)
    assert [h.state for h in chain] == [HopState.DUE, HopState.WAITING, HopState.WAITING]


def test_rows_laid_out_by_the_synthetic_generator_match_the_chain_deadlines():
    """server_link.synthetic writes one unreported row per level, due 1 h + 2 h per step."""
    chain = hops(hebei(), COUNTY, 2, T0, {COUNTY: None, CITY: None, PROVINCE: None}, now=T0)
    assert [(h.receiver, h.due_at - T0) for h in chain[:3]] == [(COUNTY, 3600), (CITY, 3 * 3600),
                                                               (PROVINCE, 5 * 3600)]


def test_format_remaining():
    assert format_remaining(3599.9) == "00:59:59"
    assert format_remaining(7200) == "02:00:00"
