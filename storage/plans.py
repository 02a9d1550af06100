"""Meal plans made for a child, and the private calendar links to them."""
from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, select
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


class PlanLink(Base):
    """An unguessable link to a plan's calendar file; only the token's hash is kept."""

    __tablename__ = "plan_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("meal_plan.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def current_plan(session: Session, child_id: int) -> MealPlan | None:
    """The newest plan made for this child."""
    return session.scalars(select(MealPlan).where(MealPlan.child_id == child_id)
                           .order_by(MealPlan.created_at.desc(), MealPlan.id.desc()).limit(1)).first()


def plan_for_link(session: Session, token: str, now: datetime) -> MealPlan | None:
    """The plan a link token opens, if the link exists and has not expired."""
    link = session.scalars(select(PlanLink).where(PlanLink.token_hash == hash_token(token))).first()
    if link is None or link.expires_at <= now:
        return None
    return session.get(MealPlan, link.plan_id)
