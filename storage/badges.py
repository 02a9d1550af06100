"""Badges a household earned (with the day), and the meal facts streaks and badges are read from."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint, and_, func, select, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.db import Base, UTCDateTime
from storage.meals import AllergenExposure, Meal, MealItem
from storage.models import Child


class Badge(Base):
    """One badge, earned once per household (or per child: `key` then names the child)."""

    __tablename__ = "badge"
    __table_args__ = (UniqueConstraint("household_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=True)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(60))  # "streak_7", "foods_10:42"
    code: Mapped[str] = mapped_column(String(30))  # "streak_7", "foods_10"
    earned_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


@dataclass(frozen=True)
class LoggedDay:
    """A local day with at least one meal: the day, and the first and last meal's instant."""

    day: date
    first_at: datetime
    last_at: datetime


def logged_days(session: Session, household_ids: list[int]) -> dict[int, list[LoggedDay]]:
    """Per household, every local day something was logged for any of its children, oldest first."""
    if not household_ids:
        return {}
    rows = session.execute(
        select(Child.household_id, Meal.local_date, func.min(Meal.eaten_at), func.max(Meal.eaten_at))
        .join(Child, Child.id == Meal.child_id).where(Child.household_id.in_(household_ids))
        .group_by(Child.household_id, Meal.local_date).order_by(Child.household_id, Meal.local_date))
    found: dict[int, list[LoggedDay]] = {h: [] for h in household_ids}
    for household_id, day, first_at, last_at in rows:
        found[household_id].append(LoggedDay(day, _aware(first_at), _aware(last_at)))
    return found


def _aware(value: datetime) -> datetime:
    from datetime import timezone

    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)  # SQLite drops the zone in min()


@dataclass(frozen=True)
class FoodsEaten:
    """What a child has eaten some of (SR28 foods), read in one statement for badges and first tries."""

    tried: int  # how many different foods, ever
    days: list[tuple[str, str]]  # (name, food group) of what they ate on the local days asked for
    elsewhere: frozenset[str]  # the foods they ate in a meal other than the one asked about


def foods_eaten(session: Session, child_id: int, first: date, last: date, meal_id: int | None = None) -> FoodsEaten:
    """The child's foods, those of the local days `first`..`last`, and those eaten in meals other
    than `meal_id`: one statement, distinct rows only."""
    in_range = and_(Meal.local_date >= first, Meal.local_date <= last)
    other_meal = Meal.id != meal_id if meal_id is not None else true()
    rows = session.execute(select(MealItem.ndb_no, MealItem.name, MealItem.food_group, in_range, other_meal)
                           .join(Meal).where(Meal.child_id == child_id, MealItem.grams > 0).distinct()).all()
    return FoodsEaten(tried=len({ndb_no for ndb_no, *_ in rows if ndb_no is not None}),
                      days=[(name, group) for _, name, group, in_days, _ in rows if in_days],
                      elsewhere=frozenset(ndb_no for ndb_no, _, _, _, other in rows if other and ndb_no is not None))


def allergens_introduced(session: Session, child_id: int) -> set[str]:
    return set(session.scalars(select(AllergenExposure.allergen).where(AllergenExposure.child_id == child_id)))


def badges_held(session: Session, household_id: int) -> frozenset[tuple[str, int | None]]:
    """The (code, child id) of every badge the household has, without loading Badge objects."""
    rows = session.execute(select(Badge.code, Badge.child_id).where(Badge.household_id == household_id))
    return frozenset((code, child_id) for code, child_id in rows)


def badges_of(session: Session, household_ids: list[int]) -> list[Badge]:
    return list(session.scalars(select(Badge).where(Badge.household_id.in_(household_ids))
                                .order_by(Badge.earned_on, Badge.id)))


def add_badge(session: Session, *, household_id: int, child_id: int | None, code: str, earned_on: date,
              now: datetime) -> Badge | None:
    """Store a badge once; None if the household already has it (a concurrent message won the race)."""
    key = f"{code}:{child_id}" if child_id is not None else code
    badge = Badge(household_id=household_id, child_id=child_id, key=key, code=code, earned_on=earned_on,
                  created_at=now)
    try:
        with session.begin_nested():
            session.add(badge)
    except IntegrityError:
        return None
    return badge
