"""Meals a child ate, their items with nutrients, and when each major allergen was last eaten."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (JSON, Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, insert,
                        select)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, selectinload

from storage.db import Base, UTCDateTime


class Meal(Base):
    __tablename__ = "meal"
    # A child's meals by local day: the streak (days and first/last meal of each, read from the
    # index alone), today's nutrients, summaries and the week's foods for badges.
    __table_args__ = (Index("ix_meal_child_id_local_date", "child_id", "local_date", "eaten_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    logged_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound.id", ondelete="SET NULL"))
    eaten_at: Mapped[datetime] = mapped_column(UTCDateTime)
    local_date: Mapped[date] = mapped_column(Date, index=True)
    meal_type: Mapped[str] = mapped_column(String(12))
    text: Mapped[str] = mapped_column(Text)
    nutrients: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    photo_url: Mapped[str | None] = mapped_column(Text)

    items: Mapped[list[MealItem]] = relationship(back_populates="meal", cascade="all, delete-orphan",
                                                 passive_deletes=True, order_by="MealItem.id")


class MealItem(Base):
    __tablename__ = "meal_item"
    # "First time trying": a child's meals, then their items for these foods, without reading
    # every household's items of the same food through ix_meal_item_ndb_no.
    __table_args__ = (Index("ix_meal_item_meal_id_ndb_no", "meal_id", "ndb_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meal_id: Mapped[int] = mapped_column(ForeignKey("meal.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    ndb_no: Mapped[str | None] = mapped_column(String(5), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    food_group: Mapped[str] = mapped_column(String(4), default="")
    grams: Mapped[float] = mapped_column(Float)
    offered_grams: Mapped[float] = mapped_column(Float)
    estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    nutrients: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)

    meal: Mapped[Meal] = relationship(back_populates="items")


class AllergenExposure(Base):
    """When a child last ate each major allergen, for later nudges and plans."""

    __tablename__ = "allergen_exposure"
    __table_args__ = (UniqueConstraint("child_id", "allergen"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    allergen: Mapped[str] = mapped_column(String(20))
    last_eaten_on: Mapped[date] = mapped_column(Date)
    times: Mapped[int] = mapped_column(Integer, default=1)


def add_items(session: Session, meal_id: int, rows: list[dict[str, Any]]) -> None:
    """Insert a new meal's items in one statement, without building MealItem objects."""
    if rows:
        session.execute(insert(MealItem.__table__), [{"meal_id": meal_id, **row} for row in rows])


def meals_between(session: Session, child_ids: list[int], first: date, last: date,
                  with_items: bool = False) -> list[Meal]:
    """Meals on the local days `first`..`last`, oldest first; `with_items` loads their items in
    one more statement (not one per meal)."""
    query = select(Meal).where(Meal.child_id.in_(child_ids), Meal.local_date >= first,
                               Meal.local_date <= last).order_by(Meal.eaten_at)
    return list(session.scalars(query.options(selectinload(Meal.items)) if with_items else query))


def nutrients_between(session: Session, child_id: int, first: date, last: date) -> list[dict[str, float]]:
    """The nutrients of each meal on the local days `first`..`last` (the column only, no Meal objects)."""
    return list(session.scalars(select(Meal.nutrients).where(Meal.child_id == child_id, Meal.local_date >= first,
                                                             Meal.local_date <= last)))


def foods_eaten_before(session: Session, child_id: int, ndb_numbers: list[str], before_day: date) -> set[str]:
    """Which of these foods the child had in a meal before `before_day` (a summary's new foods;
    a logged meal's first tries come with the badges' read, `storage.badges.foods_eaten`)."""
    if not ndb_numbers:
        return set()
    query = select(MealItem.ndb_no).join(Meal).where(Meal.child_id == child_id, MealItem.ndb_no.in_(ndb_numbers),
                                                     MealItem.grams > 0, Meal.local_date < before_day)
    return set(session.scalars(query.distinct()))


def last_meal_logged_by(session: Session, person_id: int) -> Meal | None:
    return session.scalars(select(Meal).where(Meal.logged_by_id == person_id)
                           .order_by(Meal.eaten_at.desc(), Meal.id.desc()).limit(1)).first()


def record_exposures(session: Session, child_id: int, allergens: set[str], on: date) -> None:
    if not allergens:
        return
    existing = {e.allergen: e for e in session.scalars(
        select(AllergenExposure).where(AllergenExposure.child_id == child_id))}
    for allergen in sorted(allergens):
        row = existing.get(allergen)
        if row is None:
            session.add(AllergenExposure(child_id=child_id, allergen=allergen, last_eaten_on=on, times=1))
        else:
            row.last_eaten_on = max(row.last_eaten_on, on)
            row.times += 1


def nutrients_sum(rows: list[dict[str, Any]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for row in rows:
        for key, value in (row or {}).items():
            total[key] = total.get(key, 0.0) + float(value or 0)
    return total
