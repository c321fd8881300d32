"""Working days with each region's public holidays and the mainland's make-up working days."""

from datetime import date

from zonebridge.landing import sla


def test_it_skips_the_mainland_spring_festival_and_counts_its_make_up_saturday():
    # 2026-02-14 (Saturday) is a make-up working day; 16–20 and 23 February are holidays or days off.
    assert sla.is_working_day(date(2026, 2, 14), "mainland")
    assert not sla.is_working_day(date(2026, 2, 23), "mainland")
    assert sla.add_working_days(date(2026, 2, 13), 3, "mainland") == date(2026, 2, 25)


def test_it_skips_hong_kong_lunar_new_year_and_saturdays():
    assert not sla.is_working_day(date(2026, 2, 14), "hong_kong")
    assert sla.holiday_name(date(2026, 2, 17), "hong_kong")
    assert sla.add_working_days(date(2026, 2, 13), 3, "hong_kong") == date(2026, 2, 23)


def test_the_two_regions_differ_on_their_own_holidays():
    # 1 July is Hong Kong's SAR Establishment Day, an ordinary working day on the mainland.
    assert not sla.is_working_day(date(2026, 7, 1), "hong_kong")
    assert sla.is_working_day(date(2026, 7, 1), "mainland")
    assert sla.add_working_days(date(2026, 6, 30), 1, "hong_kong") == date(2026, 7, 2)
    assert sla.add_working_days(date(2026, 6, 30), 1, "mainland") == date(2026, 7, 1)


def test_it_counts_working_days_between_two_dates():
    assert sla.working_days_between(date(2026, 3, 2), date(2026, 3, 9), "mainland") == 5
    assert sla.working_days_between(date(2026, 3, 9), date(2026, 3, 2), "mainland") == 0
    # National Day week: 1–7 October are off.
    assert sla.working_days_between(date(2026, 9, 30), date(2026, 10, 8), "mainland") == 1
