"""When a texted meal was eaten, from the words alone."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.meal_time import when_eaten

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=ZoneInfo("America/New_York"))


@pytest.mark.parametrize("text, expected", [
    ("mac and cheese at noon", "2026-11-22 12:00"),
    ("oatmeal around 7:30 am", "2026-11-22 07:30"),
    ("crackers @ 3pm", "2026-11-22 15:00"),
    ("2 crackers ~4 p.m.", "2026-11-22 16:00"),
    ("a banana at 6", "2026-11-22 10:00"),  # no am/pm: left to the clock
    ("last night pasta", "2026-11-21 18:00"),
    ("yesterday at daycare: rice and peas at 11:45am", "2026-11-21 11:45"),
    ("a rash yesterday after eggs, today she had oatmeal", "2026-11-22 10:00"),
    ("she had 6 oz at 7", "2026-11-22 10:00"),
])
def test_when_eaten(text: str, expected: str) -> None:
    assert when_eaten(text, NOW).strftime("%Y-%m-%d %H:%M") == expected
