"""Daily nudges: one row per person per local day (the unique key that makes a nudge happen once),
and the set-based query that finds everyone due at one instant."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import (Boolean, Date, ForeignKey, String, Time, UniqueConstraint, and_, exists, func, literal, or_,
                        select, union_all, update)
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.db import Base, UTCDateTime
from storage.meals import Meal
from storage.models import Child, Membership, Outbound, Person


class Nudge(Base):
    """A daily reminder for one person on one local day: queued by the clock, built by a worker."""

    __tablename__ = "nudge"
    __table_args__ = (UniqueConstraint("person_id", "local_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    local_date: Mapped[date] = mapped_column(Date)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)  # the instant of the pass that found it due
    status: Mapped[str] = mapped_column(String(10), index=True)  # queued|built|skipped
    variant: Mapped[str | None] = mapped_column(String(12))  # streak|allergen|retry|plain
    reason: Mapped[str | None] = mapped_column(String(160))  # why it was skipped
    outbound_id: Mapped[int | None] = mapped_column(ForeignKey("outbound.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


@dataclass(frozen=True)
class ZoneNow:
    """What the clock says in one time zone at the pass's instant."""

    zone: str
    local_date: date
    local_time: time


@dataclass(frozen=True)
class Due:
    person_id: int
    local_date: date


def reminder_zones(session: Session) -> list[str]:
    """Every time zone someone with reminders on lives in (a handful, not one per parent)."""
    return [z or "UTC" for z in session.scalars(
        select(Person.timezone).where(Person.reminders_on.is_(True), Person.opted_out_at.is_(None)).distinct())]


def due_people(session: Session, zones: list[ZoneNow], now: datetime, default_time: time,
               window: timedelta, lead: timedelta) -> list[Due]:
    """Everyone due at `now`, in one query: reminders on, not opted out, in a household, their
    reminder time reached today (or their WhatsApp window closing within `lead`), not nudged
    today and nothing logged today. `zones` holds only zones outside quiet hours right now."""
    if not zones:
        return []
    clock = union_all(*(select(literal(z.zone, String).label("zone"), literal(z.local_date, Date).label("local_date"),
                               literal(z.local_time, Time).label("local_time"),
                               literal(z.local_time >= default_time, Boolean).label("default_due"))
                        for z in zones)).cte("zone_now")
    reached = or_(Person.reminder_time <= clock.c.local_time,
                  and_(Person.reminder_time.is_(None), clock.c.default_due.is_(True)))
    window_closing = and_(Person.last_channel == "whatsapp", Person.last_whatsapp_at > now - window,
                          Person.last_whatsapp_at <= now - window + lead)
    nudged = exists().where(Nudge.person_id == Person.id, Nudge.local_date == clock.c.local_date)
    member = Membership.__table__.alias("logger")
    logged = exists().where(member.c.person_id == Person.id, Child.household_id == member.c.household_id,
                            Meal.child_id == Child.id, Meal.local_date == clock.c.local_date)
    in_household = exists().where(Membership.person_id == Person.id)
    query = (select(Person.id, clock.c.local_date)
             .join(clock, func.coalesce(Person.timezone, "UTC") == clock.c.zone)
             .where(Person.reminders_on.is_(True), Person.opted_out_at.is_(None), or_(reached, window_closing),
                    in_household, ~nudged, ~logged))
    return [Due(person_id, local_date) for person_id, local_date in session.execute(query)]


def claim(session: Session, due: list[Due], now: datetime, chunk: int = 1000) -> list[int]:
    """Insert one queued nudge per (person, local day); ids of the rows this call inserted.
    A row that exists already (another clock, an earlier pass) is left alone: that is the once."""
    insert = _insert_for(session)
    ids: list[int] = []
    for start in range(0, len(due), chunk):
        rows = [{"person_id": d.person_id, "local_date": d.local_date, "due_at": now, "status": "queued",
                 "created_at": now} for d in due[start:start + chunk]]
        stmt = insert(Nudge).values(rows).on_conflict_do_nothing(index_elements=["person_id", "local_date"])
        ids.extend(session.scalars(stmt.returning(Nudge.id)))
    return ids


def _insert_for(session: Session):
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def take_queued(session: Session, nudge_ids: list[int]) -> list[Nudge]:
    """Claim these nudges for building (queued -> built) atomically; the ones this call got."""
    if not nudge_ids:
        return []
    got = list(session.scalars(update(Nudge).where(Nudge.id.in_(nudge_ids), Nudge.status == "queued")
                               .values(status="built").returning(Nudge.id)))
    return list(session.scalars(select(Nudge).where(Nudge.id.in_(got)).order_by(Nudge.id))) if got else []


def queued_ids(session: Session, created_before: datetime, limit: int = 5000) -> list[int]:
    """Nudges the clock queued whose job never ran (Redis lost it, a worker died)."""
    return list(session.scalars(select(Nudge.id).where(Nudge.status == "queued", Nudge.created_at < created_before)
                                .order_by(Nudge.id).limit(limit)))


def pending_outbound_ids(session: Session, nudge_ids: list[int]) -> list[int]:
    """The outbox rows of these nudges still waiting to be sent."""
    return list(session.scalars(select(Outbound.id).join(Nudge, Nudge.outbound_id == Outbound.id)
                                .where(Nudge.id.in_(nudge_ids), Outbound.status == "pending").order_by(Outbound.id)))


def count_by_status(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Nudge.status, func.count()).group_by(Nudge.status)).all())

