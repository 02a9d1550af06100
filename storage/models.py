"""People, households, children, conversation state and every message in and out."""
from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.db import Base, UTCDateTime


class Person(Base):
    """Someone who texts the bot: one E.164 number, the same on SMS and WhatsApp."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str | None] = mapped_column(String(80))
    timezone: Mapped[str | None] = mapped_column(String(64))
    reminder_time: Mapped[time | None] = mapped_column(Time)
    reminders_on: Mapped[bool] = mapped_column(Boolean, default=True)
    opted_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_channel: Mapped[str] = mapped_column(String(10), default="sms")
    last_sms_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_whatsapp_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    memberships: Mapped[list[Membership]] = relationship(back_populates="person", cascade="all, delete-orphan",
                                                         passive_deletes=True, order_by="Membership.id")
    # Read-only: loaded with the person for each message so the session keeps it (conversation_for
    # then needs no query); the conversation is created and deleted on its own.
    conversation: Mapped[Conversation | None] = relationship(viewonly=True, lazy="select")

    @property
    def opted_out(self) -> bool:
        return self.opted_out_at is not None


class Household(Base):
    """A family: one owner (the parent who signed up), children and members."""

    __tablename__ = "household"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    members: Mapped[list[Membership]] = relationship(back_populates="household", cascade="all, delete-orphan",
                                                     passive_deletes=True)
    children: Mapped[list[Child]] = relationship(back_populates="household", order_by="Child.id",
                                                 cascade="all, delete-orphan", passive_deletes=True)


# What each role may do in its household. "view": summaries, streaks, the profile; "log": meals,
# photos, undo; "ask": feeding questions; "manage": invite, remove, settings, profile changes,
# export, delete.
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "owner": frozenset({"view", "log", "ask", "manage"}),
    "caregiver": frozenset({"view", "log", "ask"}),
    "viewer": frozenset({"view"}),
}


class Membership(Base):
    """A person's place in a household: owner, caregiver or viewer, for all or some children."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("household_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # a key of ROLE_ACTIONS
    name: Mapped[str | None] = mapped_column(String(40))  # what the family calls them: "Grandma"
    child_ids: Mapped[list[int] | None] = mapped_column(JSON)  # None: every child, present and future
    digest: Mapped[bool] = mapped_column(Boolean, default=False)  # an owner's daily caregiver digest
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    household: Mapped[Household] = relationship(back_populates="members")
    person: Mapped[Person] = relationship(back_populates="memberships")

    def may(self, action: str) -> bool:
        """Whether this role allows `action` in this household."""
        return action in ROLE_ACTIONS.get(self.role, frozenset())

    def covers(self, child: Child) -> bool:
        """Whether this membership reaches `child` (owners always reach every child)."""
        return self.role == "owner" or self.child_ids is None or child.id in self.child_ids


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    birth_date: Mapped[date | None] = mapped_column(Date)
    birth_date_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    household: Mapped[Household] = relationship(back_populates="children")
    allergies: Mapped[list[Allergy]] = relationship(cascade="all, delete-orphan", order_by="Allergy.id",
                                                    passive_deletes=True)
    dislikes: Mapped[list[Dislike]] = relationship(cascade="all, delete-orphan", order_by="Dislike.id",
                                                   passive_deletes=True)
    reactions: Mapped[list[Reaction]] = relationship(cascade="all, delete-orphan", order_by="Reaction.id",
                                                     passive_deletes=True)


class Allergy(Base):
    __tablename__ = "allergy"
    __table_args__ = (UniqueConstraint("child_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))


class Reaction(Base):
    """A reaction a parent reported after a food; flagged like an allergy until they say it was cleared."""

    __tablename__ = "reaction"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    food: Mapped[str] = mapped_column(String(80))
    symptoms: Mapped[str] = mapped_column(String(120))
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cleared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Dislike(Base):
    __tablename__ = "dislike"
    __table_args__ = (UniqueConstraint("child_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))


class Conversation(Base):
    """Where a person is in a multi-step exchange: the next step and what was said so far."""

    __tablename__ = "conversation"
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)
    step: Mapped[str | None] = mapped_column(String(60))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the pending step's data only
    memory: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # last question, last turns
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Inbound(Base):
    """One message Twilio delivered; the unique SID is the atomic claim against redelivery."""

    __tablename__ = "inbound"
    id: Mapped[int] = mapped_column(primary_key=True)
    sid: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(10))
    sender: Mapped[str] = mapped_column(String(40))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    body: Mapped[str] = mapped_column(Text, default="")
    message_type: Mapped[str | None] = mapped_column(String(20))
    media: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    intent: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), default="received")  # received|answered|failed
    reply_parts: Mapped[list[str]] = mapped_column(JSON, default=list)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Outbound(Base):
    """One message the bot sends: a TwiML reply, or an outbox message keyed for idempotency."""

    __tablename__ = "outbound"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    channel: Mapped[str] = mapped_column(String(10))
    to_address: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)
    media_url: Mapped[str | None] = mapped_column(Text)  # a file of ours (PNG, PDF) sent with the text
    kind: Mapped[str] = mapped_column(String(20))  # reply|answer|result|nudge|invite|confirmation
    status: Mapped[str] = mapped_column(String(16))  # replied|pending|sending|sent|delivered|failed|...
    sid: Mapped[str | None] = mapped_column(String(64), unique=True)
    error_code: Mapped[int | None] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    in_reply_to_id: Mapped[int | None] = mapped_column(ForeignKey("inbound.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DeliveryEvent(Base):
    """A status callback; (sid, status) is unique because callbacks reuse the message SID."""

    __tablename__ = "delivery_event"
    __table_args__ = (UniqueConstraint("sid", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    sid: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16))
    error_code: Mapped[int | None] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Task(Base):
    """Work a message asked for (an LLM answer, a photo, a voice note), recorded in the same
    transaction as the message, so a job lost with Redis is re-driven instead of forgotten."""

    __tablename__ = "task"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    job: Mapped[str] = mapped_column(String(120))  # dotted path of a function in jobs/
    args: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(10), default="queued", index=True)  # queued|done|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
