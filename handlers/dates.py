"""Understand a child's birth date, or age, from what a parent types during onboarding.

Explicit dates ("2025-03-02", "3/2/25", "March 2nd", "born yesterday") give an exact date;
ages ("9 months", "2.5 years", "born 3 weeks ago") give today minus that age, marked estimated.
Anything in the future, older than six years, or not a date at all gives None, so the caller
can ask again. Numeric and age forms use our own patterns; dateparser (imported lazily: it
costs ~0.1 s to import and ~0.15 s on its first call) only handles relative words such as
"yesterday" or "last Tuesday".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

MAX_AGE_YEARS = 6

_ONES = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_UNITS = {  # how parents write a unit -> the unit
    **dict.fromkeys(("y", "yr", "yrs", "year", "years", "yo", "y/o"), "years"),
    **dict.fromkeys(("m", "mo", "mos", "mth", "mths", "mon", "mons", "month", "months"), "months"),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), "weeks"),
    **dict.fromkeys(("d", "day", "days"), "days"),
}
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

_WORD = "|".join(sorted([*_ONES, *_TENS, "half"], key=len, reverse=True))
_WORD_NUM = rf"(?:{_WORD})(?:[- ](?:{'|'.join(k for k in _ONES if len(k) > 2)}))?"
_NUM = rf"(?:\d+(?:[.,]\d+)?½?|½|{_WORD_NUM})"
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_HALF = r"(?:\s+and\s+(?:a\s+)?half|\s*½)?"
_AGE_TERM = re.compile(
    rf"(?<![\w.])(?P<num>{_NUM})(?P<h1>{_HALF})"
    rf"(?:(?<=\d)|(?<=½)|\s)\s*(?P<unit>{_UNIT})(?![\w/])(?P<h2>{_HALF})"
)
_FUTURE_BEFORE = re.compile(r"\b(?:in|due)\s+$")
_FUTURE_AFTER = re.compile(r"\b(?:from now|time|later|to go)\b")
_AGE_JOIN = re.compile(r"\s*(?:,|\band\b|&|\+)?\s*")
_BARE_AGE = re.compile(
    rf"(?:about|around|almost|nearly|just|roughly|over)?\s*(?P<num>{_NUM})(?P<h1>{_HALF})"
)

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s*(?P<year>\d{4}))?"
_NAMED_DATES = (
    re.compile(rf"\b{_MONTH}\s+(?:the\s+)?{_DAY}\b{_YEAR}(?!\d)"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z]){_YEAR}(?!\d)"),
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?![a-z]),?\s+(?:of\s+)?(?P<year>\d{{4}})\b")
_ISO = re.compile(r"(?<![\d.])(?P<y>\d{4})[-/.](?P<a>\d{1,2})[-/.](?P<b>\d{1,2})(?![\d.])")
_NUMERIC = re.compile(r"(?<![\d.])(?P<a>\d{1,2})([-/.])(?P<b>\d{1,2})\2(?P<y>\d{4}|\d{2})(?![\d.])")
_NUMERIC_NO_YEAR = re.compile(r"(?<![\d./])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/])")

_PREFIX = re.compile(
    r"^(?:.*?\bborn\b(?:\s+(?:on|in))?"
    r"|(?:dob|date of birth|birthday|bday|b-day)\b\s*(?:is|was|:|-)?"
    r"|(?:[a-z]+\s+){0,2}[a-z]+(?:'s|\s+is|\s+was|\s+just\s+turned|\s+turned)\b)\s*"
)
_RELATIVE = re.compile(
    r"\b(?:today|yesterday|tomorrow|ago|last|this|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b"
)
_COARSE = re.compile(r"\b(?:week|weeks|month|months|year|years|fortnight)\b")


@dataclass(frozen=True)
class BirthDate:
    """A child's birth date, and whether it was worked out from an age."""

    date: date
    estimated: bool


def parse_birth_date(text: str, today: date, day_first: bool = False) -> BirthDate | None:
    """Read a birth date or an age from a parent's message; None if there is none."""
    t = _normalize(text)
    if not t:
        return None
    said = _normalize(text, keep_lead=True)
    if (found := _birthday(said, today, day_first)) is not None:
        return found if _plausible(found.date, today) else None
    for parse in (_explicit_date, _age, _bare_age, _relative_date):
        found = parse(t, today, day_first)
        if found is not None:
            return found if _plausible(found.date, today) else None
    return None


def age_in_months(birth: date, today: date) -> int:
    """Count the whole months a child has lived."""
    if birth > today:
        raise ValueError(f"birth date {birth} is after {today}")
    delta = relativedelta(today, birth)
    return delta.years * 12 + delta.months


def describe_age(birth: date, today: date) -> str:
    """Say a child's age the way parents do: days, weeks, months, then years."""
    months = age_in_months(birth, today)
    days = (today - birth).days
    if months >= 24:
        years, rest = divmod(months, 12)
        return _plural(years, "year") + (f" {_plural(rest, 'month')}" if rest else "")
    if months >= 1:
        return _plural(months, "month")
    if days >= 7:
        return _plural(days // 7, "week")
    return _plural(days, "day") if days else "newborn"


def warm_up() -> None:
    """Import dateparser and run it once, so the first parent does not wait for it."""
    _dateparser_parse("yesterday", date.today())


def _plural(n: int, word: str) -> str:
    """Write '1 month' or '3 months'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _normalize(text: str, keep_lead: bool = False) -> str:
    """Lower-case, straighten quotes, drop punctuation at the ends and lead-ins like 'she's'."""
    t = (text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub(r"\s+", " ", t).strip(" .!?;:")
    t = re.sub(r"(?<![\d/])(\d+\s+)?1/2(?=\s+[a-z])", lambda m: (m[1] or "").strip() + "½", t)
    return t if keep_lead else _PREFIX.sub("", t, count=1).strip(" .!?;:,")


def _plausible(born: date, today: date) -> bool:
    """Check a birth date is not in the future and the child is at most six years old."""
    return today - relativedelta(years=MAX_AGE_YEARS) <= born <= today


def _make_date(year: int, month: int, day: int) -> date | None:
    """Build a date, or None if there is no such day."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _latest(month: int, day: int, today: date) -> date | None:
    """Find the most recent month/day that is not after today (handles 29 February)."""
    for year in range(today.year, today.year - 8, -1):
        found = _make_date(year, month, day)
        if found is not None and found <= today:
            return found
    return None


def _month_day(a: int, b: int, day_first: bool) -> tuple[int, int] | None:
    """Order two numbers as (month, day), swapping if only the other order makes sense."""
    month, day = (b, a) if day_first else (a, b)
    if month > 12 and day <= 12:
        month, day = day, month
    return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def _explicit_date(t: str, today: date, day_first: bool) -> BirthDate | None:
    """Find a written date: ISO, numeric, or with a month name."""
    if m := _ISO.search(t):
        found = _make_date(int(m["y"]), int(m["a"]), int(m["b"]))
        return BirthDate(found, False) if found else None
    if m := _NUMERIC.search(t):
        order = _month_day(int(m["a"]), int(m["b"]), day_first)
        year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
        found = _make_date(year, *order) if order else None
        return BirthDate(found, False) if found else None
    if m := _NUMERIC_NO_YEAR.search(t):
        order = _month_day(int(m["a"]), int(m["b"]), day_first)
        found = _latest(*order, today) if order else None
        return BirthDate(found, False) if found else None
    return _named_date(t, today)


_BIRTHDAY = re.compile(
    rf"\b(?P<verb>just turned|turned|turns|turning|will turn|will be|is going to be|gonna be|be)\s+"
    rf"(?P<num>{_NUM})(?P<h1>{_HALF})(?:\s*(?P<unit>{_UNIT})(?![\w/]))?(?:\s+(?:years?\s+)?old)?\s*"
    rf"(?:(?P<rel>last month|this month|next month|last week|this week|next week|yesterday|today|tomorrow)"
    rf"|(?:in|on|last|this|next)\s+{_MONTH}(?![a-z]))?"
)


def _birthday(t: str, today: date, _day_first: bool) -> BirthDate | None:
    """"turned 5 last month", "will be 2 in March", "turns 3 next week": a birthday near today."""
    m = _BIRTHDAY.search(t)
    if m is None or (m["rel"] is None and m["month"] is None):
        return None
    value = _number(m["num"], m["h1"])
    if value is None or value <= 0:
        return None
    unit = _UNITS[m["unit"]] if m["unit"] else "years"
    future = m["verb"] in ("turns", "turning", "will turn", "will be", "is going to be", "gonna be", "be")
    if m["rel"] is not None:
        shift = {"last month": -30, "this month": 0, "next month": 30, "last week": -7, "this week": 0,
                 "next week": 7, "yesterday": -1, "today": 0, "tomorrow": 1}[m["rel"]]
        birthday = today + timedelta(days=shift)
    else:
        month = _MONTHS[m["month"][:3]]
        year = today.year + (1 if future and month < today.month else 0) - (
            1 if not future and month > today.month else 0)
        birthday = date(year, month, 15)
    born = birthday - relativedelta(months=int(value * 12) if unit == "years" else int(value))
    return BirthDate(born, True) if born <= today else None


def _named_date(t: str, today: date) -> BirthDate | None:
    """Find a date written with a month name, with or without day and year."""
    for pattern in _NAMED_DATES:
        if m := pattern.search(t):
            month, day = _MONTHS[m["month"][:3]], int(m["day"])
            if m["year"]:
                found = _make_date(int(m["year"]), month, day)
            else:
                found = _latest(month, day, today)
            return BirthDate(found, False) if found else None
    if m := _MONTH_YEAR.search(t):
        found = _make_date(int(m["year"]), _MONTHS[m["month"][:3]], 15)
        if found and found.year == today.year and found.month == today.month:
            found = min(found, today)
        return BirthDate(found, True) if found else None
    return None


def _number(word: str, half: str = "") -> float | None:
    """Read '9', '2.5', '1½', 'nine', 'twenty-four', 'half', plus an optional 'and a half'."""
    word = word.strip().replace(",", ".")
    extra = 0.5 if half.strip() else 0.0
    if word.endswith("½"):
        word, extra = word[:-1], extra + 0.5
    if word == "":
        return extra
    if word == "half":
        return 0.5 + extra
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word) + extra
    parts = re.split(r"[- ]", word)
    total = sum(_TENS.get(p, _ONES.get(p, 0)) for p in parts)
    return float(total) + extra if total else None


def _back(today: date, amounts: dict[str, float]) -> date | None:
    """Step back from today by an age in years, months, weeks and days."""
    months = amounts.get("years", 0) * 12 + amounts.get("months", 0)
    days = amounts.get("weeks", 0) * 7 + amounts.get("days", 0) + (months % 1) * 30.4
    if months > 12 * 100 or days > 366 * 100:
        return None
    return today - relativedelta(months=int(months)) - timedelta(days=round(days))


def _age(t: str, today: date, _day_first: bool) -> BirthDate | None:
    """Find an age such as '9 months', '1 year and 3 months' or '3 weeks ago'."""
    m = _AGE_TERM.search(t)
    if m is None or _FUTURE_BEFORE.search(t, 0, m.start()):
        return None
    amounts: dict[str, float] = {}
    while m is not None:
        unit, value = _UNITS[m["unit"]], _number(m["num"], m["h1"] + m["h2"])
        if value is None or unit in amounts:
            break
        amounts[unit] = value
        m = _AGE_TERM.match(t, _AGE_JOIN.match(t, m.end()).end())  # "1 year and 3 months"
    if _FUTURE_AFTER.search(t):
        return None
    born = _back(today, amounts)
    estimated = any(unit != "days" for unit in amounts)
    return BirthDate(born, estimated) if born else None


def _bare_age(t: str, today: date, _day_first: bool) -> BirthDate | None:
    """Read a lone number as an age: up to 5 (or with a half) is years, 6 to 72 is months."""
    m = _BARE_AGE.fullmatch(t.removesuffix(" old").strip())
    value = _number(m["num"], m["h1"]) if m and m["num"] not in ("a", "an", "half") else None
    if value is None or value <= 0:
        return None
    unit = "years" if value <= 5 or value % 1 else "months"
    if unit == "months" and value > 12 * MAX_AGE_YEARS:
        return None
    born = _back(today, {unit: value})
    return BirthDate(born, True) if born else None


def _relative_date(t: str, today: date, _day_first: bool) -> BirthDate | None:
    """Ask dateparser about relative words like 'yesterday' or 'last Tuesday'."""
    if not _RELATIVE.search(t):
        return None
    found = _dateparser_parse(t, today)
    return BirthDate(found, bool(_COARSE.search(t))) if found else None


def _dateparser_parse(t: str, today: date) -> date | None:
    """Run dateparser in English, preferring the past, relative to today."""
    import dateparser  # noqa: PLC0415 - slow to import; only relative words need it

    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime.combine(today, time(12)),
        "PARSERS": ["relative-time", "absolute-time"],
    }
    found = dateparser.parse(t, languages=["en"], settings=settings)
    return found.date() if found else None
