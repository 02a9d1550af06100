"""Daily nudges: the clock's pass finds who is due and enqueues batches; workers build and send.

`send_due(at)` runs one pass: a few set-based queries find everyone due (storage/nudges.py), one
insert claims a nudge row per person per local day (the unique key: two clocks, a restarted clock
or a second pass at the same instant queue each person once), and the new ids are enqueued in
batches of BATCH. `deliver_nudges(ids)` claims its rows (queued -> built), checks again that the
nudge still makes sense (opted out, reminders off, a meal logged meanwhile, quiet hours, the day
over), picks the channel by WhatsApp's rules, writes the words into the outbox, then sends the
batch on a few threads. The outbox's claim keeps it to one send per row under any retry.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from handlers import progress
from handlers.allergies import label as allergen_label
from handlers.nudges import NudgeFacts, compose
from handlers.reminders import DEFAULT_REMINDER, in_quiet_hours
from jobs.outbox import RETRY, WHATSAPP_WINDOW, Message, Recipient, queue_messages, send_many, template_allowed
from jobs.queue import TryAgain, keyed
from jobs.runtime import current
from storage import badges as badge_store
from storage import nudges as nudge_store
from storage.meals import AllergenExposure, Meal, MealItem
from storage.models import Child, Household, Membership, Person
from storage.nudges import Nudge, ZoneNow

logger = logging.getLogger(__name__)
BATCH = 100  # nudges per job
SEND_THREADS = 8  # concurrent Twilio calls inside one job
WINDOW_LEAD = timedelta(minutes=30)  # nudge this long before a WhatsApp window closes, if that is earlier
ALLERGEN_GAP = 7  # days without an introduced allergen before a nudge mentions it
STALE_AFTER = timedelta(minutes=2)  # a queued nudge whose job has not run by then is re-driven


def zones_awake(zones: list[str], now: datetime) -> list[ZoneNow]:
    """Each zone's local date and time at `now`, leaving out zones in quiet hours."""
    found = []
    for zone in zones:
        try:
            local = now.astimezone(ZoneInfo(zone))
        except (ZoneInfoNotFoundError, ValueError):
            logger.warning("unknown time zone %r on someone with reminders; nobody there is nudged", zone)
            continue
        if not in_quiet_hours(local.time()):
            found.append(ZoneNow(zone, local.date(), local.time().replace(tzinfo=None)))
    return found


def send_due(at: datetime | None = None, enqueue: Callable[..., None] | None = None) -> dict[str, int]:
    """One pass as if it were `at` (default now): queue everyone due, enqueue the batches."""
    rt = current()
    now = at or rt.clock()
    with rt.sessions() as session, session.begin():
        zones = zones_awake(nudge_store.reminder_zones(session), now)
        due = nudge_store.due_people(session, zones, now, DEFAULT_REMINDER, WHATSAPP_WINDOW, WINDOW_LEAD)
        ids = nudge_store.claim(session, due, now)
    enqueue_batches(ids, enqueue or rt.enqueue)
    if due:
        logger.info("nudge pass at %s: %d due, %d queued", now.isoformat(), len(due), len(ids))
    return {"due": len(due), "queued": len(ids)}


def enqueue_batches(ids: list[int], enqueue: Callable[..., None]) -> None:
    for start in range(0, len(ids), BATCH):
        enqueue(deliver_nudges, ids[start:start + BATCH])


def redrive_nudges() -> int:
    """Enqueue nudges queued a while ago whose job was lost; building them twice is harmless."""
    rt = current()
    with rt.sessions() as session:
        ids = nudge_store.queued_ids(session, rt.clock() - STALE_AFTER)
    enqueue_batches(ids, rt.enqueue)
    return len(ids)


@keyed(lambda nudge_ids: f"nudges-{nudge_ids[0]}-{nudge_ids[-1]}-{len(nudge_ids)}")
def deliver_nudges(nudge_ids: list[int]) -> dict[str, int]:
    """Build and send these nudges; raise TryAgain if some sends failed for now (they stay pending)."""
    rt = current()
    now = rt.clock()
    with rt.sessions() as session, session.begin():
        taken = nudge_store.take_queued(session, nudge_ids)
        if taken:
            build(session, taken, now, dict(rt.templates))
        outbound_ids = nudge_store.pending_outbound_ids(session, nudge_ids)
    results = send_many(outbound_ids, threads=SEND_THREADS)
    retry = [i for i, r in zip(outbound_ids, results) if r == RETRY]
    if retry:
        raise TryAgain(f"{len(retry)} of {len(outbound_ids)} nudges will be sent again")
    return {"built": len(taken), "sent": sum(1 for r in results if r in ("sent", "local"))}


# -- Building -------------------------------------------------------------------------------------

@dataclass
class _Batch:
    """Everything building a batch needs, loaded with a handful of queries for the whole batch."""

    people: dict[int, Person]
    days: dict[int, list[badge_store.LoggedDay]]
    exposures: dict[int, list[AllergenExposure]]
    refused: dict[int, list[tuple[str, str | None]]]
    eaten: set[tuple[int, str]]


def _load(session, nudges: list[Nudge]) -> _Batch:
    people = {p.id: p for p in session.scalars(
        select(Person).where(Person.id.in_({n.person_id for n in nudges})).options(
            selectinload(Person.memberships).selectinload(Membership.household)
            .selectinload(Household.children).selectinload(Child.allergies)))}
    households = {h.id: h for p in people.values() for h in (m.household for m in p.memberships)}
    child_ids = [c.id for h in households.values() for c in h.children]
    since = min(n.local_date for n in nudges) - timedelta(days=30)
    exposures: dict[int, list[AllergenExposure]] = {}
    for row in session.scalars(select(AllergenExposure).where(AllergenExposure.child_id.in_(child_ids))):
        exposures.setdefault(row.child_id, []).append(row)
    refused: dict[int, list[tuple[str, str | None]]] = {}
    for child_id, name, ndb_no in session.execute(
            select(Meal.child_id, MealItem.name, MealItem.ndb_no).join(Meal)
            .where(Meal.child_id.in_(child_ids), Meal.local_date >= since, MealItem.grams <= 0)):
        refused.setdefault(child_id, []).append((name, ndb_no))
    numbers = {n for foods in refused.values() for _, n in foods if n}
    eaten = {(child_id, ndb_no) for child_id, ndb_no in session.execute(
        select(Meal.child_id, MealItem.ndb_no).join(Meal).where(
            Meal.child_id.in_(list(refused)), MealItem.ndb_no.in_(numbers), MealItem.grams > 0))} if numbers else set()
    return _Batch(people, badge_store.logged_days(session, list(households)), exposures, refused, eaten)


def build(session, nudges: list[Nudge], now: datetime, templates: dict[str, str]) -> None:
    """Write each nudge into the outbox, or mark it skipped with the reason."""
    batch = _load(session, nudges)
    to_queue: list[tuple[Nudge, Message]] = []
    for nudge in nudges:
        person = batch.people.get(nudge.person_id)
        when = max(now, nudge.due_at)  # a pass run ahead of the clock (`send-due --at`) speaks for its instant
        reason = _why_not(nudge, person, batch, when)
        channel = None
        if reason is None:
            channel, reason = channel_for(person, when, templates)
        if reason is not None:
            nudge.status, nudge.reason = "skipped", reason
            logger.info("nudge %s skipped: %s", nudge.id, reason)
            continue
        nudge.variant, text = compose(facts_for(person, nudge.local_date, when, batch), nudge.local_date, person.id)
        to_queue.append((nudge, Message(person, text, "nudge", f"nudge:{person.id}:{nudge.local_date}", channel)))
    created = max([now] + [n.due_at for n, _ in to_queue])
    ids = queue_messages(session, [m for _, m in to_queue], created) if to_queue else {}
    for nudge, message in to_queue:
        nudge.outbound_id = ids[message.key]


def _why_not(nudge: Nudge, person: Person | None, batch: _Batch, now: datetime) -> str | None:
    """Why this nudge should not go out any more, or None if it should."""
    if person is None or not person.memberships:
        return "no household"
    if person.opted_out or not person.reminders_on:
        return "opted out" if person.opted_out else "reminders off"
    local = now.astimezone(ZoneInfo(person.timezone or "UTC"))
    if local.date() != nudge.local_date:
        return "the day was over before it could be sent"
    if in_quiet_hours(local.time()):
        return "quiet hours had begun before it could be sent"
    household = person.memberships[0].household
    if any(d.day == nudge.local_date for d in batch.days.get(household.id, [])):
        return "a meal was logged meanwhile"
    return None


def channel_for(person: Person, now: datetime, templates: dict[str, str]) -> tuple[str | None, str | None]:
    """(channel, None) to send on, or (None, why not): WhatsApp inside its 24-hour window; outside
    it the nudge template where templates may go; else SMS if the parent texts us by SMS."""
    if person.last_channel != "whatsapp":
        return "sms", None
    if Recipient(person.id, person.last_sms_at, person.last_whatsapp_at).whatsapp_window_open(now):
        return "whatsapp", None
    if templates.get("nudge") and template_allowed("nudge", person.phone):
        return "whatsapp", None
    if person.last_sms_at is not None:
        return "sms", None
    if not template_allowed("nudge", person.phone):
        return None, "WhatsApp window closed; no marketing template to +1 numbers; no SMS opt-in"
    return None, "WhatsApp window closed; no nudge template configured; no SMS opt-in"


def facts_for(person: Person, day: date, now: datetime, batch: _Batch) -> NudgeFacts:
    household = person.memberships[0].household
    children = household.children
    streak = progress.streak_of(batch.days.get(household.id, []), day, now)
    names = " and ".join(c.name for c in children[:2]) or "your little one"
    return NudgeFacts(child=names, streak=streak.current, stale_allergen=_stale_allergen(children, day, batch),
                      refused=_refused_once(children, batch))


def _stale_allergen(children: list[Child], day: date, batch: _Batch) -> tuple[str, str, int] | None:
    """The allergen longest uneaten (7+ days) by a child who is not allergic to it."""
    best = None
    for child in children:
        allergic = {a.name for a in child.allergies}
        for row in batch.exposures.get(child.id, []):
            gap = (day - row.last_eaten_on).days
            if gap >= ALLERGEN_GAP and row.allergen not in allergic and (best is None or gap > best[2]):
                best = (child.name, allergen_label(row.allergen).replace("_", " "), gap)
    return best


def _refused_once(children: list[Child], batch: _Batch) -> tuple[str, str] | None:
    """A food a child turned down exactly once lately and has not eaten since (or ever)."""
    for child in children:
        seen: dict[str, int] = {}
        for name, ndb_no in batch.refused.get(child.id, []):
            if ndb_no and (child.id, ndb_no) in batch.eaten:
                continue
            seen[name] = seen.get(name, 0) + 1
        once = [name for name, times in seen.items() if times == 1]
        if once:
            return child.name, once[0]
    return None

