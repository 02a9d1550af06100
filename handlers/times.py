"""Understand a reminder time ("7pm", "half past 7", "19:30") and on/off answers from a parent.

Reminders are for the evening, so a bare hour with no am/pm and no leading zero is read as the
afternoon or evening: "7" and "7:30" are 19:00 and 19:30, "12" is noon. Nobody wants a nudge at
3 am, so this holds for 1-11 alike; the bot echoes the time back so a parent can correct it.
A leading zero or an hour of 13-23 means the 24-hour clock ("07:30", "19:30"). Four digits with
no colon ("1930") are refused unless marked as a time ("1930h", "730pm"): they read like a year.
"""

from __future__ import annotations

import re
from datetime import time

_HOURS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_MINUTES = {
    "oh five": 5, "o five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "forty five": 45, "forty-five": 45, "fifty": 50,
}
_PERIODS = {  # how parents say the part of the day -> "am" or "pm"
    "am": "am", "a": "am", "in the morning": "am", "this morning": "am", "morning": "am",
    "pm": "pm", "p": "pm", "in the afternoon": "pm", "this afternoon": "pm", "afternoon": "pm",
    "in the evening": "pm", "this evening": "pm", "evening": "pm", "at night": "pm",
    "tonight": "pm", "night": "pm",
}
_NAMED = {"noon": time(12), "midday": time(12), "12 noon": time(12), "midnight": time(0)}



def _either(words: dict[str, object]) -> str:
    """Make a regex alternation of the words, longest first so 'am' wins over 'a'."""
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


_HOUR = rf"(?P<hour>\d{{1,2}}|{_either(_HOURS)})"
_MINUTE = rf"(?P<minute>\d{{2}}|{_either(_MINUTES)})"
_PERIOD = rf"(?P<period>{_either(_PERIODS)})"
_CLOCK = re.compile(
    rf"{_HOUR}(?:\s*[:.h]\s*(?P<digits>\d{{2}})|\s+{_MINUTE})?\s*(?:o'?clock)?\s*{_PERIOD}?"
)
_COMPACT = re.compile(
    rf"(?P<hour>\d{{1,2}})(?P<digits>\d{{2}})\s*(?:(?P<h>h|hrs|hours)|{_PERIOD})"
)
_ZERO_COMPACT = re.compile(r"(?P<hour>0\d)(?P<digits>\d{2})")
_PAST = re.compile(
    rf"(?P<words>half|quarter|\d{{1,2}}|{_MINUTE}) (?P<dir>past|after|to|before) (?P<rest>.+)"
)
_UK_HALF = re.compile(r"half (?P<rest>.+)")

_FILLER_START = re.compile(
    r"^(?:(?:please|pls|ok|okay|yes|remind me|send (?:it|them)|every ?day|daily|each day|at|around|"
    r"about|by|say|maybe|like|~|@)\s*)+"
)
_FILLER_END = re.compile(
    r"(?:\s*(?:please|pls|thanks|thank you|ish|every ?day|daily|each day|!|\.|\?))+$"
)

_ON = {
    "on", "yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "resume", "start", "restart",
    "unpause", "continue", "enable", "turn on", "switch on", "back on", "turn back on",
    "switch back on", "keep going", "\U0001f44d",
}
_OFF = {
    "off", "no", "n", "nope", "nah", "stop", "pause", "disable", "turn off", "switch off",
    "mute", "not now", "no more", "\U0001f44e",
}
_ON_OFF_NOISE = re.compile(
    r"\b(?:the|my|please|pls|thanks|thank you|reminders?|nudges?|messages?|notifications?"
    r"|them|it)\b"
)


def parse_time_of_day(text: str) -> time | None:
    """Read a reminder time from a short reply; None if it is not clearly a time."""
    t = _normalize(text)
    if not t:
        return None
    if m := _PAST.fullmatch(t):
        return _past_or_to(m)
    if (m := _UK_HALF.fullmatch(t)) and (base := _clock(m["rest"])):
        return base.replace(minute=30) if base.minute == 0 else None
    return _clock(t)


def parse_on_off(text: str) -> bool | None:
    """Read a yes/on/resume (True) or no/off/stop/pause (False) reply; None otherwise."""
    t = (text or "").lower().replace("\u2019", "'").strip()
    t = re.sub("[\ufe0f\U0001f3fb-\U0001f3ff]", "", t)
    t = _ON_OFF_NOISE.sub(" ", t)
    t = re.sub(r"[\s.!,?]+", " ", t).strip()
    if t in _ON:
        return True
    if t in _OFF:
        return False
    return None


def _normalize(text: str) -> str:
    """Lower-case, tidy 'p.m.' and spaces, and drop words around the time like 'at' or 'please'."""
    t = (text or "").lower().replace("\u2019", "'").strip()
    t = re.sub(r"\b([ap])\.\s*m\b\.?", r"\1m", t)
    t = re.sub(r"\s+", " ", t)
    t = _FILLER_START.sub("", t)
    return _FILLER_END.sub("", t).strip()


def _clock(t: str) -> time | None:
    """Read '7', '7pm', '7:30 pm', '19:30', '7.30pm', '730pm', '1930h', '0730' or 'seven thirty'."""
    if t in _NAMED:
        return _NAMED[t]
    m = _COMPACT.fullmatch(t) or _ZERO_COMPACT.fullmatch(t) or _CLOCK.fullmatch(t)
    if m is None:
        return None
    parts = m.groupdict()
    hour_text, said = parts["hour"], parts.get("period") or ""
    hour = int(hour_text) if hour_text.isdigit() else _HOURS[hour_text]
    minute_text = parts["digits"] or parts.get("minute") or "00"
    minute = int(minute_text) if minute_text.isdigit() else _MINUTES[minute_text]
    twenty_four = bool(parts.get("h")) or hour_text.startswith("0")
    hour = _resolve_hour(hour, _PERIODS.get(said), twenty_four, night=said.endswith("night"))
    return None if hour is None or minute > 59 else time(hour, minute)


def _resolve_hour(
    hour: int, period: str | None, twenty_four: bool, night: bool = False
) -> int | None:
    """Turn an hour and its am/pm (if any) into 0-23; bare 1-11 is the evening (see module doc)."""
    if period == "am":
        return None if hour > 12 else hour % 12
    if period == "pm":
        if hour > 12:
            return None
        return 0 if hour == 12 and night else hour % 12 + 12
    if hour > 23:
        return None
    if twenty_four or hour == 0 or hour >= 12:
        return hour
    return hour + 12


def _past_or_to(m: re.Match[str]) -> time | None:
    """Read 'half past 7', 'quarter to 8' or '10 past 6'."""
    base = _clock(m["rest"])
    if base is None or base.minute:
        return None
    words = m["words"]
    minutes = {"half": 30, "quarter": 15}.get(words) or _MINUTES.get(words) or int(words)
    if minutes >= 60 or (words == "half" and m["dir"] in ("to", "before")):
        return None
    if m["dir"] in ("past", "after"):
        return base.replace(minute=minutes)
    total = (base.hour * 60 - minutes) % (24 * 60)
    return time(total // 60, total % 60)
