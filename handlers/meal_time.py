"""When a meal the parent describes was eaten: "at noon", "around 6pm", "last night", "yesterday".

The meal's day and kind follow what the parent said; with nothing said, it is now. Only clear
marks count: an hour needs am/pm or "noon" ("at 6" alone could be either and is left to the clock),
and "yesterday" or "last night" moves the meal one day back (a daycare report texted the next
morning belongs to the day it was eaten).
"""
from __future__ import annotations

import re
from datetime import datetime, time, timedelta

_CLOCK = re.compile(r"(?:\b(?:at|around|about|by)|@|~)\s*(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*"
                    r"(?P<period>[ap])\.?\s?m\b\.?", re.I)
_NAMED = re.compile(r"\b(?:at|around|about|by)\s+(?:12\s+)?(?P<name>noon|midday|lunchtime)\b", re.I)
_LAST_NIGHT = re.compile(r"\blast\s+night\b", re.I)
_YESTERDAY = re.compile(r"\byesterday\b|\byday\b|\bystd\b", re.I)
# "a rash yesterday after eggs, today she had oatmeal": a day of its own said too keeps the meal today.
_TODAY = re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight|just now|earlier)\b", re.I)
_EVENING = time(18, 0)
# A part of the day said without an hour: "pancakes this morning" is breakfast even when texted at noon.
# The afternoon is left to the clock: it may be lunch or a snack.
_PART_OF_DAY = ((re.compile(r"\b(?:this|in\s+the)\s+morning\b", re.I), time(8, 0)),
                (re.compile(r"\b(?:this|in\s+the)\s+evening\b|\btonight\b", re.I), _EVENING))


def when_eaten(text: str, local_now: datetime) -> datetime:
    """The local time the meal was eaten, as far as the text says."""
    day = local_now
    if (_LAST_NIGHT.search(text) or _YESTERDAY.search(text)) and not _TODAY.search(text):
        day = local_now - timedelta(days=1)
    told = _told_time(text)
    if told is None and _LAST_NIGHT.search(text):
        told = _EVENING
    if told is None:
        told = next((at for said, at in _PART_OF_DAY if said.search(text)), None)
    if told is None:
        return day
    return day.replace(hour=told.hour, minute=told.minute, second=0, microsecond=0)


def _told_time(text: str) -> time | None:
    if (named := _NAMED.search(text)) is not None:
        return time(12, 0)
    if (clock := _CLOCK.search(text)) is None:
        return None
    hour = int(clock["hour"]) % 12 + (12 if clock["period"].lower() == "p" else 0)
    return time(hour, int(clock["minute"] or 0))
