"""Streaks and badges: consecutive local days with a meal logged, and milestones stored once.

A meal's day is its `local_date`, fixed when it was logged in the household's time zone of that
moment, so a DST change (a 23- or 25-hour day) or a trip can neither split one day in two nor
count it twice. Flying east can skip a calendar date altogether (Los Angeles to Tokyo): a missing
date is bridged only when the meals either side of it are closer in real time than the shortest
possible day (23 hours), which cannot happen to someone who lived through the whole date at home.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Mapping
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from knowledge.food_safety import MAJOR_ALLERGENS
from knowledge.foods.colours import colour_of
from storage import badges as badge_store
from storage.badges import Badge, LoggedDay
from storage.models import Child, Household, Person

SHORTEST_DAY = timedelta(hours=23)  # a spring-forward day
STREAK_BADGES = (3, 7, 14, 30, 100)
FOOD_BADGES = (10, 25, 50, 100)
RAINBOW_COLOURS = 5
RAINBOW_DAYS = 7


@dataclass(frozen=True)
class Streak:
    current: int  # logged days in the run that ends today or yesterday (0 if broken)
    longest: int
    logged_today: bool


def _joined(before: LoggedDay, after: LoggedDay) -> bool:
    """Are these two logged days consecutive (allowing for a date travel skipped)?"""
    missing = (after.day - before.day).days - 1
    return missing <= 0 or after.first_at - before.last_at < SHORTEST_DAY * missing


def streak_of(days: list[LoggedDay], today: date, now: datetime) -> Streak:
    """Current and longest streak from the logged days (any order), as of `today` in the household's zone."""
    days = sorted(days, key=lambda d: d.day)
    longest = run = 0
    previous: LoggedDay | None = None
    for day in days:
        run = run + 1 if previous is not None and _joined(previous, day) else 1
        longest = max(longest, run)
        previous = day
    if previous is None:
        return Streak(0, 0, False)
    alive = previous.day >= today - timedelta(days=1) or _joined(previous, LoggedDay(today, now, now))
    return Streak(run if alive else 0, longest, previous.day >= today)


def household_streak(session: Session, household: Household, today: date, now: datetime) -> Streak:
    return streak_of(badge_store.logged_days(session, [household.id]).get(household.id, []), today, now)


# -- Badges ---------------------------------------------------------------------------------------

def badge_label(badge: Badge, children: dict[int, str]) -> str:
    """'7-day streak', 'Maya tried 10 foods', 'Maya's rainbow week'."""
    code, name = badge.code, children.get(badge.child_id or 0, "")
    if code == "first_meal":
        return "first meal logged"
    if code.startswith("streak_"):
        return f"{code.split('_')[1]}-day streak"
    if code.startswith("foods_"):
        return f"{name} tried {code.split('_')[1]} different foods".strip()
    if code == "rainbow_week":
        return f"{name}'s rainbow week: 5 colours of fruit and veg in 7 days"
    return f"all 9 major allergens introduced to {name}"


def household_today(session: Session, household: Household, now: datetime) -> date:
    """Today in the household's time zone (its owner's)."""
    owner = session.get(Person, household.owner_id)
    return now.astimezone(ZoneInfo(owner.timezone if owner and owner.timezone else "UTC")).date()


def foods_eaten(session: Session, child: Child, today: date, meal_id: int | None = None) -> badge_store.FoodsEaten:
    """The child's foods with this rainbow week's, and those eaten in meals other than `meal_id`."""
    return badge_store.foods_eaten(session, child.id, today - timedelta(days=RAINBOW_DAYS - 1), today, meal_id)


def earned(session: Session, household: Household, streak: Streak, today: date,
           have: frozenset[tuple[str, int | None]] = frozenset(),
           known: Mapping[int, badge_store.FoodsEaten] | None = None) -> list[tuple[str, int | None]]:
    """Every badge the household qualifies for now, as (code, child id or None); a child's badges
    already in `have` are not looked up again (a badge, once earned, stays), nor the foods of a
    child in `known` (read already for this message)."""
    found: list[tuple[str, int | None]] = []
    if streak.longest >= 1:
        found.append(("first_meal", None))
    found += [(f"streak_{n}", None) for n in STREAK_BADGES if streak.longest >= n]
    for child in household.children:
        found += _child_badges(session, child, today, have, (known or {}).get(child.id))
    return found


def _child_badges(session: Session, child: Child, today: date, have: frozenset[tuple[str, int | None]],
                  eaten: badge_store.FoodsEaten | None) -> list[tuple[str, int | None]]:
    found: list[tuple[str, int | None]] = []
    foods = [(f"foods_{n}", child.id) for n in FOOD_BADGES]
    rainbow = ("rainbow_week", child.id)
    if not set(foods) <= have or rainbow not in have:
        eaten = eaten or foods_eaten(session, child, today)
        found += [badge for n, badge in zip(FOOD_BADGES, foods) if eaten.tried >= n]
        if len({colour_of(name, group) for name, group in eaten.days} - {None}) >= RAINBOW_COLOURS:
            found.append(rainbow)
    allergens = ("allergens_all", child.id)
    if allergens not in have and set(MAJOR_ALLERGENS) <= badge_store.allergens_introduced(session, child.id):
        found.append(allergens)
    return found


def award(session: Session, household: Household, streak: Streak, today: date, now: datetime,
          known: Mapping[int, badge_store.FoodsEaten] | None = None) -> list[Badge]:
    """Store badges newly earned (with today's date); return only those, to announce them once."""
    have = badge_store.badges_held(session, household.id)
    new = []
    for code, child_id in earned(session, household, streak, today, have, known):
        if (code, child_id) not in have:
            badge = badge_store.add_badge(session, household_id=household.id, child_id=child_id, code=code,
                                          earned_on=today, now=now)
            if badge is not None:
                new.append(badge)
    return new
