"""The contract every handler shares: an InboundMessage and a Context in, a Reply out."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Callable, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from storage.models import Child, Conversation, Household, Person


@dataclass(frozen=True)
class Media:
    url: str
    content_type: str


@dataclass(frozen=True)
class InboundMessage:
    """What a person sent, free of any channel detail but the channel's name."""

    channel: str  # "sms" | "whatsapp"
    sender: str  # E.164
    text: str
    sid: str
    media: tuple[Media, ...] = ()
    message_type: str = "text"  # WhatsApp MessageType; "text" for SMS
    profile_name: str | None = None
    extras: tuple[tuple[str, str], ...] = ()  # location, button payload, ...


@dataclass(frozen=True)
class Reply:
    """What the bot answers now; empty text means say nothing."""

    text: str
    intent: str | None = None

    @classmethod
    def silence(cls) -> Reply:
        return cls("")


class Enqueue(Protocol):
    def __call__(self, job: Callable[..., Any], *args: Any, job_id: str | None = None) -> None: ...


class Knowledge(Protocol):
    """What handlers may ask the knowledge layer for; built lazily by the app."""

    def food_table(self) -> Any: ...
    def guidelines(self) -> Any: ...
    def llm(self) -> Any: ...


@dataclass
class Context:
    """Everything a handler may touch for one message, passed explicitly."""

    session: Session
    now: datetime  # aware UTC; "now" as the clock says
    person: Person
    conversation: Conversation
    knowledge: Knowledge
    enqueue: Enqueue
    emergency_number: str = "911"
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.person.timezone or "UTC")

    @property
    def local_now(self) -> datetime:
        return self.now.astimezone(self.zone)

    @property
    def today(self) -> date:
        return self.local_now.date()

    @property
    def households(self) -> list[Household]:
        return [m.household for m in self.person.memberships]

    @property
    def children(self) -> list[Child]:
        return [c for h in self.households for c in h.children]

    def set_step(self, step: str | None, **data: Any) -> None:
        """Record the next step of a multi-step exchange (state lives in the database)."""
        self.conversation.step = step
        self.conversation.data = {**(self.conversation.data or {}), **data} if step else dict(data)
        self.conversation.updated_at = self.now
