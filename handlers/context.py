"""The contract every handler shares: an InboundMessage and a Context in, a Reply out."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Callable, Protocol, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from knowledge.phones import emergency_number
from storage import people

if TYPE_CHECKING:
    from storage.models import Child, Conversation, Household, Person


LOCAL_URL = "http://127.0.0.1:5000"  # our own address when PUBLIC_BASE_URL is not set (laptop)


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
    # The part of the message the handler did not read ("JOIN 482913 - she had a banana": the meal): the
    # router handles it next, as a message of its own, and answers it after this text.
    rest: str = ""
    # Nothing was done ("I don't see a food to log in that"): said only when nothing else is said beside it.
    idle: bool = False

    @classmethod
    def silence(cls) -> Reply:
        return cls("")


@dataclass
class StepData:
    """What a pending step remembers; each step extends it. Cleared when the step ends."""

    child_id: int | None = None  # the child the question is about
    reasked: int = 0  # how often the question was asked again after an interruption


@dataclass
class Memory:
    """What the conversation remembers across steps: the last question and the last turns."""

    last_question: str | None = None
    last_question_at: str | None = None  # ISO time
    last_child_id: int | None = None
    turns: list[list[str]] = field(default_factory=list)  # [role, text] pairs


S = TypeVar("S")


def load_state(kind: type[S], data: dict[str, Any] | None) -> S:
    """Build a dataclass from stored JSON, ignoring keys it does not know."""
    names = {f.name for f in fields(kind)}
    return kind(**{k: v for k, v in (data or {}).items() if k in names})


class Enqueue(Protocol):
    def __call__(self, job: str | Callable[..., Any], *args: Any, job_id: str | None = None) -> None: ...


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
    found: Any = None  # the classifier's verdict on this message, once routed
    intent: str | None = None  # the intent the router chose
    public_url: str = LOCAL_URL  # where our own links (calendar files) are served
    # What the handler running now does with the household ("view", "log", "ask", "manage"): the
    # router sets it from the route, and `children` then holds only children the person may do it for.
    action: str = "view"

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
        """Every household the person belongs to, in any role."""
        return [m.household for m in self.person.memberships]

    @property
    def children(self) -> list[Child]:
        """The children the person may act on now: their memberships' roles and children decide."""
        return [c for m in self.person.memberships if m.may(self.action) for c in m.household.children
                if m.covers(c)]

    @property
    def step(self) -> str | None:
        """The pending step's name, if a question is waiting on an answer."""
        return self.conversation.step

    def step_data(self, kind: type[S]) -> S:
        """The pending step's data, typed."""
        return load_state(kind, self.conversation.data)

    def set_step(self, step: str | None, data: StepData | None = None) -> None:
        """Record the next step and its data (state lives in the database); None ends the step."""
        self.conversation.step = step
        self.conversation.data = asdict(data) if step and data is not None else {}
        self.conversation.updated_at = self.now

    def end_step(self) -> None:
        self.set_step(None)

    @property
    def memory(self) -> Memory:
        return load_state(Memory, self.conversation.memory)

    def remember(self, memory: Memory) -> None:
        """Store the conversation memory (kept apart from any step)."""
        self.conversation.memory = asdict(memory)

def context_for(session: Session, person: Person, *, now: datetime, knowledge: Knowledge, enqueue: Enqueue,
                inbound_id: int | None = None, public_url: str | None = None) -> Context:
    """The context for one message: built by the webhook, or by a job acting on a stored message."""
    return Context(session=session, now=now, person=person, conversation=people.conversation_for(session, person, now),
                   knowledge=knowledge, enqueue=enqueue, emergency_number=emergency_number(person.phone),
                   settings={"inbound_id": inbound_id}, public_url=public_url or LOCAL_URL)
