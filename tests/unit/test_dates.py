"""Reading a child's birth date or age from what a parent types."""

import time
from datetime import date

import pytest

from handlers.allergies import is_none
from handlers.dates import BirthDate, age_in_months, describe_age, parse_birth_date, warm_up

TODAY = date(2026, 11, 22)  # a Sunday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-02", date(2025, 3, 2)),
        ("3/2/25", date(2025, 3, 2)),
        ("03/02/2025", date(2025, 3, 2)),
        ("3-2-2025", date(2025, 3, 2)),
        ("25/3/2025", date(2025, 3, 25)),  # only day/month makes sense, so read it that way
        ("3/2", date(2026, 3, 2)),
        ("March 2nd", date(2026, 3, 2)),
        ("march 2", date(2026, 3, 2)),
        ("2 March 2025", date(2025, 3, 2)),
        ("2nd of March", date(2026, 3, 2)),
        ("Mar 2, 2025", date(2025, 3, 2)),
        ("Sept 5th 2024", date(2024, 9, 5)),
        ("Nov 22", date(2026, 11, 22)),  # today
        ("Nov 23", date(2025, 11, 23)),  # not yet this year, so last year
        ("she was born on March 2nd", date(2026, 3, 2)),
        ("DOB: 2025-03-02", date(2025, 3, 2)),
        ("born yesterday", date(2026, 11, 21)),
        ("born 2 days ago", date(2026, 11, 20)),
        ("last Tuesday", date(2026, 11, 17)),
        ("today", date(2026, 11, 22)),
    ],
)
def test_explicit_dates_are_exact(text: str, expected: date) -> None:
    assert parse_birth_date(text, TODAY) == BirthDate(expected, estimated=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she's 9 months", date(2026, 2, 22)),
        ("She\u2019s 9 months!", date(2026, 2, 22)),
        ("he is 9 months old", date(2026, 2, 22)),
        ("9 mo", date(2026, 2, 22)),
        ("9mos", date(2026, 2, 22)),
        ("nine months", date(2026, 2, 22)),
        ("I think she is about 9 months", date(2026, 2, 22)),
        ("18 months", date(2025, 5, 22)),
        ("twenty-four months", date(2024, 11, 22)),
        ("2 years old", date(2024, 11, 22)),
        ("2.5 years", date(2024, 5, 22)),
        ("two and a half", date(2024, 5, 22)),
        ("a year and a half", date(2025, 5, 22)),
        ("1 1/2 years", date(2025, 5, 22)),
        ("1½ yrs", date(2025, 5, 22)),
        ("1 year and 3 months", date(2025, 8, 22)),
        ("1y 3m", date(2025, 8, 22)),
        ("3 weeks old", date(2026, 11, 1)),
        ("born 3 weeks ago", date(2026, 11, 1)),
        ("born last week", date(2026, 11, 15)),
        ("last month", date(2026, 10, 22)),
        ("March 2025", date(2025, 3, 15)),  # month and year only: the middle of the month
        ("2", date(2024, 11, 22)),  # a lone number up to 5 is years
        ("my son is 2", date(2024, 11, 22)),
        ("mia just turned 2", date(2024, 11, 22)),
        ("9", date(2026, 2, 22)),  # a lone number from 6 is months
        ("6 years", date(2020, 11, 22)),
        ("5 years 11 months", date(2020, 12, 22)),
    ],
)
def test_ages_give_an_estimated_date(text: str, expected: date) -> None:
    assert parse_birth_date(text, TODAY) == BirthDate(expected, estimated=True)


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("3/2/25", False, date(2025, 3, 2)),
        ("3/2/25", True, date(2025, 2, 3)),
        ("03/02/2025", True, date(2025, 2, 3)),
        ("3/25/2025", True, date(2025, 3, 25)),  # 25 cannot be a month
        ("2025-03-02", True, date(2025, 3, 2)),  # ISO is always year-month-day
    ],
)
def test_day_first_for_non_us_numbers(text: str, day_first: bool, expected: date) -> None:
    found = parse_birth_date(text, TODAY, day_first=day_first)
    assert found is not None and found.date == expected


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "banana", "skip", "a", "march", "no idea", "2025", "0",
        "tomorrow", "2026-12-01", "12/25/2026", "in 3 weeks",  # the future
        "due in 2 weeks", "3 weeks from now",
        "7 years", "6 years 1 month", "2019-01-01", "100 months", "99",  # older than six
        "2/30/2025", "13/13/2025",  # no such day
        "99999999 years",
    ],
)
def test_rejects_garbage_future_and_too_old(text: str) -> None:
    assert parse_birth_date(text, TODAY) is None


@pytest.mark.parametrize(
    ("birth", "months"),
    [
        (date(2026, 11, 22), 0),
        (date(2026, 10, 23), 0),
        (date(2026, 10, 22), 1),
        (date(2026, 2, 22), 9),
        (date(2024, 8, 22), 27),
        (date(2024, 2, 29), 32),
    ],
)
def test_age_in_months(birth: date, months: int) -> None:
    assert age_in_months(birth, TODAY) == months


def test_age_in_months_refuses_a_future_birth() -> None:
    with pytest.raises(ValueError):
        age_in_months(date(2026, 11, 23), TODAY)


@pytest.mark.parametrize(
    ("birth", "words"),
    [
        (date(2026, 11, 22), "newborn"),
        (date(2026, 11, 21), "1 day"),
        (date(2026, 11, 17), "5 days"),
        (date(2026, 11, 15), "1 week"),
        (date(2026, 11, 1), "3 weeks"),
        (date(2026, 10, 22), "1 month"),
        (date(2026, 2, 22), "9 months"),
        (date(2025, 5, 22), "18 months"),
        (date(2024, 11, 22), "2 years"),
        (date(2024, 10, 22), "2 years 1 month"),
        (date(2024, 8, 22), "2 years 3 months"),
        (date(2021, 11, 22), "5 years"),
    ],
)
def test_describe_age(birth: date, words: str) -> None:
    assert describe_age(birth, TODAY) == words


def test_parsed_age_describes_back() -> None:
    found = parse_birth_date("1 year and 3 months", TODAY)
    assert found is not None and describe_age(found.date, TODAY) == "15 months"


def test_fast_after_warm_up() -> None:
    warm_up()
    texts = ["last Tuesday", "born yesterday", "9 months", "March 2nd", "banana"]
    started = time.perf_counter()
    for text in texts:
        parse_birth_date(text, TODAY)
    assert (time.perf_counter() - started) / len(texts) < 0.05


@pytest.mark.parametrize("text, expected", [
    ("she turned 5 last month", date(2021, 10, 23)),  # not "5 months"
    ("will be 2 in March", date(2025, 3, 15)),
    ("he turns 3 in september", date(2024, 9, 15)),
    ("turned 1 in january", date(2025, 1, 15)),
    ("she will be 4 next month", date(2022, 12, 22)),
    ("18 mos", date(2025, 5, 22)),
    ("1.5 years", date(2025, 5, 22)),
])
def test_birthdays_near_today_give_an_estimated_date(text: str, expected: date) -> None:
    found = parse_birth_date(text, TODAY)
    assert found is not None and found.estimated and abs((found.date - expected).days) <= 1


@pytest.mark.parametrize("text, none", [
    ("none so far", True), ("not that we know", True), ("none yet", True), ("no, none so far", True),
    ("not that we're aware of", True), ("nope none", True), ("peanuts", False), ("no eggs", False),
])
def test_no_allergies_answers(text: str, none: bool) -> None:
    assert is_none(text) is none
