"""Working-day arithmetic for service-level agreements, with each region's public holidays.

Hong Kong and mainland holidays come from the maintained `holidays` package (pinned in pyproject.toml). The
mainland calendar includes its make-up working days: a Saturday that the State Council declares a working day
(调休) counts, a weekday given off does not. Plain functions of dates, no database.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays

# The holiday calendar of each zone region.
COUNTRY_OF_REGION = {"hong_kong": "HK", "mainland": "CN", "taiwan": "TW"}
OFFICE_WEEKEND = {5, 6}  # Saturday, Sunday (date.weekday())


@lru_cache(maxsize=8)
def _calendar(region: str):
    # Years are filled in lazily by the holidays package as dates are asked about.
    calendar = holidays.country_holidays(COUNTRY_OF_REGION.get(region, "CN"))
    # The package's Hong Kong weekend is the statutory one (Sunday); offices and service teams there work
    # Monday to Friday, so Saturday is not a working day either.
    calendar.weekend = OFFICE_WEEKEND
    return calendar


def is_working_day(day: date, region: str) -> bool:
    """True when `day` is a working day in `region` (weekends and public holidays are not; make-up days are)."""
    return _calendar(region).is_working_day(day)


def add_working_days(start: date, days: int, region: str) -> date:
    """The date `days` working days after `start` (`start` itself does not count)."""
    day, remaining = start, days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day, region):
            remaining -= 1
    return day


def working_days_between(start: date, end: date, region: str) -> int:
    """How many working days lie after `start` up to and including `end` (0 when `end` is not later)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, region):
            count += 1
    return count


def holiday_name(day: date, region: str) -> str:
    """The name of the public holiday on `day` in `region`, or the empty string."""
    return _calendar(region).get(day) or ""
