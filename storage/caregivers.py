"""Invites into a household, wrong join codes, and the memberships they create.

A code is stored only as a hash bound to the invited number, so a code texted from any other
number matches nothing. Accepting is an atomic pending -> accepted update: a code works once.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import JSON, ForeignKey, String, func, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from storage.db import Base, UTCDateTime
from storage.models import Household, Membership, Person

INVITE_LIFETIME = timedelta(hours=72)
MAX_PENDING = 10  # pending invites per household
MAX_PER_DAY = 20  # invites a household may send in any 24 hours
WRONG_CODES = 5  # this many wrong codes from one number within LOCK_WINDOW ...
LOCK_WINDOW = timedelta(hours=1)
LOCK_FOR = timedelta(hours=1)  # ... lock that number out of joining for this long


class Invite(Base):
    """An invitation texted to one number; joins one household with one role."""

    __tablename__ = "invite"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    phone: Mapped[str] = mapped_column(String(20), index=True)  # E.164 of the invitee
    name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    child_ids: Mapped[list[int] | None] = mapped_column(JSON)
    code_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending|accepted|cancelled|declined
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    household: Mapped[Household] = relationship()

    def live(self, now: datetime) -> bool:
        return self.status == "pending" and now < self.expires_at


class JoinFailure(Base):
    """One wrong join code from one number: five in an hour lock the number out for an hour."""

    __tablename__ = "join_failure"
    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


def code_hash(phone: str, code: str) -> str:
    """The stored form of a code: bound to the number it was sent to."""
    return hashlib.sha256(f"{phone}:{code}".encode()).hexdigest()


def new_code() -> str:
    """Six digits from the operating system's secure random source."""
    return f"{secrets.randbelow(10 ** 6):06d}"


def create_invite(session: Session, *, household: Household, invited_by: Person, phone: str, name: str,
                  role: str, child_ids: list[int] | None, now: datetime) -> tuple[Invite, str]:
    """Replace any pending invite to this number from this household; return the invite and its code."""
    for old in pending_invites(session, household.id, now, phone=phone):
        old.status = "cancelled"
    taken = {i.code_hash for i in session.scalars(select(Invite).where(Invite.phone == phone,
                                                                        Invite.status == "pending"))}
    code = new_code()
    while code_hash(phone, code) in taken:  # two families invited the same number: keep codes apart
        code = new_code()
    invite = Invite(household_id=household.id, invited_by_id=invited_by.id, phone=phone, name=name, role=role,
                    child_ids=child_ids, code_hash=code_hash(phone, code), status="pending", created_at=now,
                    expires_at=now + INVITE_LIFETIME)
    session.add(invite)
    session.flush()
    return invite, code


def pending_invites(session: Session, household_id: int, now: datetime, phone: str | None = None) -> list[Invite]:
    """Invites of this household still waiting for an answer (not expired)."""
    query = select(Invite).where(Invite.household_id == household_id, Invite.status == "pending",
                                 Invite.expires_at > now)
    if phone is not None:
        query = query.where(Invite.phone == phone)
    return list(session.scalars(query.order_by(Invite.id)))


def invites_sent_since(session: Session, household_id: int, since: datetime) -> int:
    return session.scalar(select(func.count(Invite.id)).where(Invite.household_id == household_id,
                                                              Invite.created_at >= since)) or 0


def invite_for_code(session: Session, phone: str, code: str) -> Invite | None:
    """The pending (maybe expired) invite this number was sent with this code, if any."""
    return session.scalars(select(Invite).where(Invite.phone == phone, Invite.code_hash == code_hash(phone, code),
                                                Invite.status == "pending").order_by(Invite.id.desc())).first()


def has_pending_invite(session: Session, phone: str) -> bool:
    return session.scalars(select(Invite.id).where(Invite.phone == phone, Invite.status == "pending")).first() \
        is not None


def accept(session: Session, invite: Invite, now: datetime) -> bool:
    """Use the invite up; False if another message used (or someone cancelled) it first."""
    result = session.execute(update(Invite).where(Invite.id == invite.id, Invite.status == "pending")
                             .values(status="accepted", accepted_at=now))
    session.refresh(invite)
    return result.rowcount == 1


def decline_all(session: Session, phone: str) -> int:
    """The number said STOP: no invite to it stays usable."""
    result = session.execute(update(Invite).where(Invite.phone == phone, Invite.status == "pending")
                             .values(status="declined"))
    return result.rowcount or 0


def record_wrong_code(session: Session, phone: str, now: datetime) -> None:
    session.add(JoinFailure(phone=phone, at=now))
    session.flush()


def locked_until(session: Session, phone: str, now: datetime) -> datetime | None:
    """When this number may try codes again, if it is locked out now."""
    since = now - LOCK_WINDOW - LOCK_FOR
    times = list(session.scalars(select(JoinFailure.at).where(JoinFailure.phone == phone, JoinFailure.at > since)))
    return lock_end(times, now)


def lock_end(failures: list[datetime], now: datetime) -> datetime | None:
    """The end of a lock-out: LOCK_FOR after any WRONG_CODES failures that fell within LOCK_WINDOW."""
    times = sorted(failures)
    ends = [times[i] + LOCK_FOR for i in range(WRONG_CODES - 1, len(times))
            if times[i] - times[i - WRONG_CODES + 1] <= LOCK_WINDOW]
    end = max(ends, default=None)
    return end if end is not None and end > now else None


def join(session: Session, household: Household, person: Person, *, role: str, name: str,
         child_ids: list[int] | None, now: datetime) -> Membership:
    """Add the person to the household (or update their place in it)."""
    membership = membership_in(person, household.id)
    if membership is None:
        membership = Membership(household_id=household.id, person_id=person.id, role=role, name=name,
                                child_ids=child_ids, digest=False, created_at=now)
        session.add(membership)
    elif membership.role != "owner":
        membership.role, membership.name, membership.child_ids = role, name, child_ids
    session.flush()
    session.refresh(person, ["memberships"])
    return membership_in(person, household.id)  # type: ignore[return-value]


def membership_in(person: Person, household_id: int) -> Membership | None:
    return next((m for m in person.memberships if m.household_id == household_id), None)


def leave(session: Session, membership: Membership) -> None:
    """End a membership at once: the person's next message no longer reaches the household."""
    person = membership.person
    session.delete(membership)
    session.flush()
    session.expire(person, ["memberships"])
