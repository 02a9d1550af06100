"""Meal plans made for a child; their calendar links are private links (storage.links)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.db import Base, UTCDateTime


class MealPlan(Base):
    """One plan as sent: its days (the planner's JSON) starting on a local date."""

    __tablename__ = "meal_plan"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    made_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    start_date: Mapped[date] = mapped_column(Date)
    day_count: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(Integer, default=0)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


def current_plan(session: Session, child_id: int) -> MealPlan | None:
    """The newest plan made for this child."""
    return session.scalars(select(MealPlan).where(MealPlan.child_id == child_id)
                           .order_by(MealPlan.created_at.desc(), MealPlan.id.desc()).limit(1)).first()
