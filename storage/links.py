"""Private links: an unguessable token that opens one thing (a plan calendar, a data export, a report,
a chart, the household page) for one person, for a while.

Only the token's SHA-256 is stored. A link opens while it is unexpired and unrevoked and its
person still exists (the row goes with the person, the household, the child or the plan). A file
rendered by a job (PDF, PNG) is kept on the link row, so it is served from our own route.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, or_, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.db import Base, UTCDateTime

LINK_DAYS = 7
TOKEN_BYTES = 24  # 192 bits
KINDS = ("plan", "export", "report", "chart", "page")


class PrivateLink(Base):
    """One private link; `token_hash` is empty until a job has rendered the file and issued it."""

    __tablename__ = "private_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # one of KINDS
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=True)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("meal_plan.id", ondelete="CASCADE"))
    days: Mapped[int | None] = mapped_column(Integer)  # the period a report or chart covers
    channel: Mapped[str | None] = mapped_column(String(10))  # where a rendered file is sent
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    content_type: Mapped[str | None] = mapped_column(String(40))
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def create(session: Session, *, kind: str, now: datetime, person_id: int | None, household_id: int | None = None,
           child_id: int | None = None, plan_id: int | None = None, days: int | None = None,
           channel: str | None = None) -> PrivateLink:
    """A link row not yet issued (a job renders its file, then issues it); flushed, so it has an id."""
    if kind not in KINDS:
        raise ValueError(f"unknown link kind {kind!r}")
    row = PrivateLink(kind=kind, person_id=person_id, household_id=household_id, child_id=child_id, plan_id=plan_id,
                      days=days, channel=channel, created_at=now)
    session.add(row)
    session.flush()
    return row


def issue(session: Session, link: PrivateLink, now: datetime, days: int = LINK_DAYS) -> str | None:
    """Give a link its token (valid `days`); the token, or None if someone issued it already."""
    token = new_token()
    done = session.execute(update(PrivateLink).where(PrivateLink.id == link.id, PrivateLink.token_hash.is_(None))
                           .values(token_hash=hash_token(token), expires_at=now + timedelta(days=days)))
    if done.rowcount != 1:
        return None
    session.refresh(link)
    return token


def open_link(session: Session, token: str, kind: str, now: datetime) -> PrivateLink | None:
    """The link a token opens, if it is of this kind, unexpired and unrevoked."""
    link = session.scalars(select(PrivateLink).where(PrivateLink.token_hash == hash_token(token))).first()
    if link is None or link.kind != kind or link.revoked_at is not None or link.expires_at is None \
            or link.expires_at <= now:
        return None
    return link


def revoke_all(session: Session, person_id: int, now: datetime) -> int:
    """Revoke every live link this person was given, and those still being rendered (their job then
    sends nothing); how many there were."""
    result = session.execute(update(PrivateLink).where(
        PrivateLink.person_id == person_id, PrivateLink.revoked_at.is_(None),
        or_(PrivateLink.expires_at > now, PrivateLink.token_hash.is_(None))).values(revoked_at=now))
    return result.rowcount


def holder_may(session: Session, link: PrivateLink, action: str) -> bool:
    """Whether the person the link was given to may still do `action` on what it shows (a caregiver
    removed since, or a child no longer covered, closes it)."""
    from storage.models import Child, Membership

    if link.kind == "plan":
        return True  # a calendar holds only a plan made for them; it goes with the plan
    query = select(Membership).where(Membership.person_id == link.person_id)
    if link.household_id is not None:
        query = query.where(Membership.household_id == link.household_id)
    child = session.get(Child, link.child_id) if link.child_id is not None else None
    return any(m.may(action) and (child is None or m.covers(child)) for m in session.scalars(query))
