"""Reading a reminder time and on/off answers from a parent's reply."""

from datetime import time

import pytest

from handlers.times import parse_on_off, parse_time_of_day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7pm", time(19)),
        ("7 pm", time(19)),
        ("7 PM", time(19)),
        ("7 p.m.", time(19)),
        ("7p", time(19)),
        ("7:30pm", time(19, 30)),
        ("7.30pm", time(19, 30)),
        ("7:30 pm", time(19, 30)),
        ("19:30", time(19, 30)),
        ("07:30", time(7, 30)),  # a leading zero means the 24-hour clock
        ("00:30", time(0, 30)),
        ("0730", time(7, 30)),
        ("1930h", time(19, 30)),
        ("1930 hrs", time(19, 30)),
        ("730pm", time(19, 30)),
        ("8am", time(8)),
        ("8 AM", time(8)),
        ("12am", time(0)),
        ("12pm", time(12)),
        ("noon", time(12)),
        ("midday", time(12)),
        ("midnight", time(0)),
        ("8 in the evening", time(20)),
        ("8 at night", time(20)),
        ("12 at night", time(0)),
        ("around 8 tonight", time(20)),
        ("9 in the morning", time(9)),
        ("3 in the afternoon", time(15)),
        ("8 o'clock", time(20)),
        ("half past 7", time(19, 30)),
        ("half past 7pm", time(19, 30)),
        ("half past seven in the morning", time(7, 30)),
        ("quarter past 6am", time(6, 15)),
        ("quarter to 8", time(19, 45)),
        ("10 past 6", time(18, 10)),
        ("half 7", time(19, 30)),
        ("seven pm", time(19)),
        ("seven thirty", time(19, 30)),
        ("at 7pm please", time(19)),
        ("remind me at 6:45pm", time(18, 45)),
        ("7ish", time(19)),
        ("about 7.", time(19)),
    ],
)
def test_reads_times(text: str, expected: time) -> None:
    assert parse_time_of_day(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare hour is for an evening reminder: 1-11 are pm, 12 is noon, 13-23 as written.
        ("1", time(13)),
        ("4", time(16)),
        ("5", time(17)),
        ("7", time(19)),
        ("11", time(23)),
        ("12", time(12)),
        ("7:30", time(19, 30)),
        ("18", time(18)),
        ("21:00", time(21)),
    ],
)
def test_bare_hours_mean_the_evening(text: str, expected: time) -> None:
    assert parse_time_of_day(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "banana", "1930", "2026", "930",  # four digits with no colon: maybe a year
        "25:00", "24:00", "7:75", "13pm", "13am", "tomorrow", "2 eggs", "7 eggs at 8",
        "half to 7", "yes", "sometime",
    ],
)
def test_rejects_what_is_not_clearly_a_time(text: str) -> None:
    assert parse_time_of_day(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on", True), ("ON", True), ("yes", True), ("Yes please", True), ("y", True),
        ("resume", True), ("start", True), ("unpause", True), ("turn reminders on", True),
        ("Turn them back on!", True), ("\U0001f44d", True), ("\U0001f44d\U0001f3fc", True),
        ("off", False), ("OFF", False), ("no", False), ("no thanks", False), ("n", False),
        ("stop", False), ("STOP", False), ("stop it", False), ("pause", False),
        ("pause reminders", False), ("reminders off please", False), ("not now", False),
        ("", None), ("maybe", None), ("don't stop", None), ("what time is it", None),
        ("on Tuesday", None), ("7pm", None),
    ],
)
def test_on_off(text: str, expected: bool | None) -> None:
    assert parse_on_off(text) is expected
