"""Streaks from logged local days: DST, travel across zones and midnight in the household's zone."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from handlers.progress import streak_of
from storage.badges import LoggedDay

UTC = timezone.utc


def logged(zone: str, *local_times: str, trip: list[tuple[str, str]] = ()) -> list[LoggedDay]:
    """Logged days as the app stores them: each meal dated in the zone it was logged in (a trip
    adds meals logged in other zones), grouped by that date."""
    by_day: dict[date, list[datetime]] = {}
    for where, text in [(zone, t) for t in local_times] + list(trip):
        local = datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(where))
        by_day.setdefault(local.date(), []).append(local.astimezone(UTC))
    return [LoggedDay(day, min(times), max(times)) for day, times in by_day.items()]


def test_consecutive_days_and_longest():
    days = logged("America/Chicago", "2026-11-01T08:00", "2026-11-02T08:00", "2026-11-03T08:00",
                  "2026-11-05T08:00", "2026-11-06T12:00", "2026-11-06T18:00")
    streak = streak_of(days, date(2026, 11, 6), datetime(2026, 11, 6, 20, tzinfo=UTC))
    assert (streak.current, streak.longest, streak.logged_today) == (2, 3, True)


def test_yesterday_keeps_the_streak_alive_until_today_ends():
    days = logged("America/Chicago", "2026-11-04T08:00", "2026-11-05T08:00")
    assert streak_of(days, date(2026, 11, 6), datetime(2026, 11, 6, 14, tzinfo=UTC)).current == 2
    assert streak_of(days, date(2026, 11, 7), datetime(2026, 11, 7, 14, tzinfo=UTC)).current == 0


def test_midnight_in_the_households_zone_not_utc():
    # Los Angeles: 20:00 Monday is already Tuesday 04:00 UTC; 08:00 Tuesday is Tuesday 16:00 UTC.
    days = logged("America/Los_Angeles", "2026-11-23T20:00", "2026-11-24T08:00")
    assert {d.first_at.date() for d in days} == {date(2026, 11, 24)}  # one UTC day...
    streak = streak_of(days, date(2026, 11, 24), datetime(2026, 11, 24, 17, tzinfo=UTC))
    assert streak.current == 2  # ...but two local days


def test_dst_days_neither_break_nor_double_count():
    # New York falls back on 2026-11-01 (a 25-hour day) and springs forward on 2026-03-08 (23 hours).
    fall = logged("America/New_York", "2026-10-31T23:30", "2026-11-01T00:30", "2026-11-01T23:30",
                  "2026-11-02T00:15")
    assert streak_of(fall, date(2026, 11, 2), datetime(2026, 11, 2, 12, tzinfo=UTC)).current == 3
    spring = logged("America/New_York", "2026-03-07T23:59", "2026-03-09T00:01")
    # The 23-hour 8 March was lived through with nothing logged: that breaks the streak.
    assert streak_of(spring, date(2026, 3, 9), datetime(2026, 3, 9, 12, tzinfo=UTC)).longest == 1


def test_flying_east_across_the_date_line_does_not_break_it():
    # Monday 20:00 in Los Angeles, then an 11-hour flight: Wednesday 08:00 in Tokyo, 19 hours later.
    days = logged("America/Los_Angeles", "2026-11-23T20:00", trip=[("Asia/Tokyo", "2026-11-25T08:00")])
    assert days[1].first_at - days[0].last_at == timedelta(hours=19)
    assert streak_of(days, date(2026, 11, 25), datetime(2026, 11, 25, 0, tzinfo=UTC)).current == 2


def test_flying_west_does_not_count_a_day_twice():
    # Tokyo Tuesday and Wednesday mornings, fly home, then Los Angeles Tuesday 18:00 (after the
    # Tokyo Wednesday in real time) and Wednesday 18:00: Tuesday was lived twice, counted once.
    days = logged("Asia/Tokyo", "2026-11-24T08:00", "2026-11-25T08:00",
                  trip=[("America/Los_Angeles", "2026-11-24T18:00"), ("America/Los_Angeles", "2026-11-25T18:00")])
    assert len(days) == 2
    streak = streak_of(days, date(2026, 11, 25), datetime(2026, 11, 26, 3, tzinfo=UTC))
    assert (streak.current, streak.longest) == (2, 2)


def test_a_real_gap_breaks_it():
    days = logged("Europe/London", "2026-11-20T07:00", "2026-11-22T21:00")
    assert streak_of(days, date(2026, 11, 22), datetime(2026, 11, 22, 22, tzinfo=UTC)).current == 1


def test_no_meals():
    assert streak_of([], date(2026, 11, 22), datetime(2026, 11, 22, tzinfo=UTC)).longest == 0
