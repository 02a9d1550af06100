"""Understanding a time zone from what a parent texts: 'Pacific', 'Chicago', '2', 'Europe/London'."""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

US_NAMES = {
    "eastern": "America/New_York", "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
    "central": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago",
    "mountain": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver", "mt": "America/Denver",
    "arizona": "America/Phoenix",
    "pacific": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "alaska": "America/Anchorage", "hawaii": "Pacific/Honolulu", "atlantic": "America/Halifax",
    "newfoundland": "America/St_Johns", "uk": "Europe/London", "gmt": "Europe/London", "bst": "Europe/London",
    "utc": "UTC",
}
FILLER = re.compile(r"\b(time ?zone|tz|is|in|it's|its|i'm|im|we're|were|my|the|time|standard|daylight|zone)\b", re.I)


@lru_cache(maxsize=1)
def _by_city() -> dict[str, str]:
    """'new york' -> 'America/New_York' for every IANA zone with a city name."""
    cities: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "posix/", "right/")):
            cities.setdefault(name.rsplit("/", 1)[1].replace("_", " ").lower(), name)
    return cities


@lru_cache(maxsize=1)
def _by_lowercase_name() -> dict[str, str]:
    """'europe/london' -> 'Europe/London' (available_timezones() walks the zone files each call)."""
    return {name.lower(): name for name in available_timezones()}


def parse_time_zone(text: str, candidates: list[str] | None = None) -> str | None:
    """Return an IANA zone name for the text, or None."""
    raw = text.strip()
    candidates = candidates or []
    if raw.isdigit() and 1 <= int(raw) <= len(candidates):
        return candidates[int(raw) - 1]
    if (name := _by_lowercase_name().get(raw.lower())) is not None:
        return name
    words = FILLER.sub(" ", raw.lower())
    words = re.sub(r"[^a-z ]", " ", words)
    words = " ".join(words.split())
    if not words:
        return None
    if words in US_NAMES:
        return US_NAMES[words]
    for word in words.split():
        if word in US_NAMES:
            return US_NAMES[word]
    return _by_city().get(words)


# When several zones keep the same clock, use the one people would name.
PREFERRED = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Europe/London",
             "Europe/Paris", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "America/Toronto")


def distinct_clocks(zones: list[str], now: datetime) -> list[str]:
    """Collapse zones that show the same time all year (Guernsey and London) to one name each."""
    groups: dict[tuple, list[str]] = {}
    for zone in zones:
        tz = ZoneInfo(zone)
        key = tuple(now.replace(month=m, day=1).astimezone(tz).utcoffset() for m in (1, 7))
        groups.setdefault(key, []).append(zone)
    rank = {z: i for i, z in enumerate(PREFERRED)}
    return [min(group, key=lambda z: (rank.get(z, len(rank)), z)) for group in groups.values()]


def zone_label(zone: str) -> str:
    """A short readable name: 'Chicago' for America/Chicago."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def choices_prompt(candidates: list[str]) -> str:
    """Ask which zone, naming US zones plainly and numbering other candidates."""
    us = {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"}
    if not candidates or len(candidates) > 6 or us & set(candidates):
        return "Which time zone are you in? Reply Eastern, Central, Mountain, Pacific, or a city like London."
    options = ", ".join(f"{n} for {zone_label(z)}" for n, z in enumerate(candidates, 1))
    return f"Which time zone are you in? Reply {options}."


def describe_reminder(reminder, zone: str | None) -> str:
    """'7:00 PM (Chicago time)'."""
    label = reminder.strftime("%I:%M %p").lstrip("0")
    return f"{label} ({zone_label(zone)} time)" if zone else label


def now_in(zone: str, now: datetime) -> datetime:
    return now.astimezone(ZoneInfo(zone))
