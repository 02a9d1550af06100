"""Finding and creating people, households and children; repositories never commit."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from storage.models import Child, Conversation, Household, Membership, Person

# What every message reads about its sender: memberships, households, children with their
# allergies and reactions (the safety notes check each), and the conversation. One statement
# with joins instead of one lazy load per relationship; a family has a handful of rows of each.
# Built once: every message runs it, and a statement object keeps its cache key, so only the phone
# number is new each time (building the select and keying its six loaders cost more than its rows).
_SENDER = select(Person).where(Person.phone == bindparam("phone")).options(
    joinedload(Person.conversation),
    joinedload(Person.memberships).joinedload(Membership.household).joinedload(Household.children)
    .options(joinedload(Child.allergies), joinedload(Child.reactions)))


def person_by_phone(session: Session, phone: str) -> Person | None:
    """The person with this number with everything a message reads about them, in one statement
    (their conversation stays in the session with them, so `conversation_for` needs no query)."""
    return session.scalars(_SENDER, {"phone": phone}).unique().one_or_none()


def people_by_id(session: Session, person_ids: list[int]) -> dict[int, Person]:
    if not person_ids:
        return {}
    return {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(set(person_ids))))}


def find_or_create_person(session: Session, phone: str, now: datetime) -> tuple[Person, bool]:
    """Return the person with this E.164 number, creating them on first contact.

    Two first messages from a new number can race: the insert runs in a savepoint, and if the
    other one committed the same number first, its row is the one returned."""
    person = person_by_phone(session, phone)
    if person is not None:
        return person, False
    person = Person(phone=phone, created_at=now, reminders_on=True, last_channel="sms")
    try:
        with session.begin_nested():
            session.add(person)
    except IntegrityError:
        return session.scalars(select(Person).where(Person.phone == phone)).one(), False
    return person, True


def note_inbound(person: Person, channel: str, now: datetime) -> None:
    """Remember when this person last wrote on each channel (WhatsApp's 24-hour window)."""
    person.last_channel = channel
    if channel == "whatsapp":
        person.last_whatsapp_at = now
    else:
        person.last_sms_at = now


def conversation_for(session: Session, person: Person, now: datetime) -> Conversation:
    conv = session.get(Conversation, person.id)
    if conv is None:
        conv = Conversation(person_id=person.id, step=None, data={}, memory={}, updated_at=now)
        session.add(conv)
    return conv


def create_household(session: Session, owner: Person, now: datetime) -> Household:
    household = Household(owner_id=owner.id, created_at=now)
    session.add(household)
    session.flush()
    session.add(Membership(household_id=household.id, person_id=owner.id, role="owner", created_at=now))
    session.flush()
    session.refresh(owner, ["memberships"])
    return household


def add_child(session: Session, household: Household, name: str, now: datetime) -> Child:
    child = Child(household_id=household.id, name=name, created_at=now, birth_date_estimated=False)
    session.add(child)
    session.flush()
    session.refresh(household, ["children"])
    return child


def owned_household(person: Person) -> Household | None:
    """The household this person owns, if any (a caregiver may own none)."""
    for membership in person.memberships:
        if membership.role == "owner":
            return membership.household
    return None
