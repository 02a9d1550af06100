"""Inbound and outbound message records: the atomic claim, stored replies, delivery events."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, bindparam, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import DeliveryEvent, Inbound, Outbound, Person


def claim_inbound(session: Session, *, sid: str, channel: str, sender: str, body: str,
                  message_type: str | None, media: list[dict[str, str]], now: datetime,
                  person_id: int | None = None) -> Inbound:
    """Insert the message row; a duplicate SID raises IntegrityError from the unique index."""
    inbound = Inbound(sid=sid, channel=channel, sender=sender, body=body, message_type=message_type,
                      media=media, status="received", reply_parts=[], received_at=now, person_id=person_id)
    session.add(inbound)
    session.flush()
    return inbound


def outbound_by_key(session: Session, key: str) -> Outbound | None:
    return session.scalars(select(Outbound).where(Outbound.key == key)).one_or_none()


def inbound_by_sid(session: Session, sid: str) -> Inbound | None:
    return session.scalars(select(Inbound).where(Inbound.sid == sid)).one_or_none()


def record_reply(session: Session, inbound: Inbound, parts: list[str], person_id: int | None,
                 now: datetime) -> None:
    """Store the TwiML reply so a redelivery gets the same answer, and log it as outbound: the
    outbound rows in one Core INSERT (nothing reads them back in this transaction as objects)."""
    inbound.reply_parts = parts
    if parts:
        session.execute(insert(Outbound.__table__), [
            {"key": f"reply:{inbound.sid}:{n}", "person_id": person_id, "channel": inbound.channel,
             "to_address": inbound.sender, "body": part, "media_url": None, "kind": "reply", "status": "replied",
             "sid": None, "error_code": None, "attempts": 0, "in_reply_to_id": inbound.id, "created_at": now,
             "sent_at": now} for n, part in enumerate(parts)])


def record_delivery(session: Session, sid: str, status: str, error_code: int | None, now: datetime) -> bool:
    """Record a status callback once per (sid, status); update the outbound row. False if seen."""
    try:
        with session.begin_nested():
            session.add(DeliveryEvent(sid=sid, status=status, error_code=error_code, received_at=now))
    except IntegrityError:
        return False
    values: dict[str, object] = {"status": status}
    if error_code is not None:
        values["error_code"] = error_code
    # Callbacks can arrive out of order: never move a delivered message back to "sent".
    stmt = update(Outbound).where(Outbound.sid == sid)
    if status != "read":
        stmt = stmt.where(Outbound.status.not_in(("delivered", "read")))
    session.execute(stmt.values(**values))
    return True


def add_outbound(session: Session, *, key: str, person_id: int | None, channel: str, to_address: str,
                 body: str, kind: str, now: datetime, media_url: str | None = None) -> Outbound:
    """Queue a message once per idempotency key; a second call returns the first row."""
    existing = session.scalars(select(Outbound).where(Outbound.key == key)).one_or_none()
    if existing is not None:
        return existing
    row = Outbound(key=key, person_id=person_id, channel=channel, to_address=to_address, body=body,
                   media_url=media_url, kind=kind, status="pending", attempts=0, created_at=now)
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:  # another process queued the same key a moment ago
        return session.scalars(select(Outbound).where(Outbound.key == key)).one()
    return row


def claim_many_for_sending(session: Session, outbound_ids: list[int]) -> list[int]:
    """Atomically move the pending ones of these messages to 'sending'; the ids this call moved
    (a message someone else claimed first is not among them)."""
    if not outbound_ids:
        return []
    return list(session.scalars(update(Outbound).where(Outbound.id.in_(outbound_ids), Outbound.status == "pending")
                                .values(status="sending", attempts=Outbound.attempts + 1).returning(Outbound.id)))


def outbound_rows(session: Session, outbound_ids: list[int]) -> list[Outbound]:
    if not outbound_ids:
        return []
    return list(session.scalars(select(Outbound).where(Outbound.id.in_(outbound_ids)).order_by(Outbound.id)))


def outbound_statuses(session: Session, outbound_ids: list[int]) -> dict[int, str]:
    if not outbound_ids:
        return {}
    return dict(session.execute(select(Outbound.id, Outbound.status).where(Outbound.id.in_(outbound_ids))).all())


def add_outbound_many(session: Session, rows: list[dict], now: datetime) -> dict[str, int]:
    """Queue many messages at once, once per key; the row id for every key (a key queued before
    keeps its first row). One insert for the new ones, or one by one if another process raced us."""
    keys = [r["key"] for r in rows]
    ids = dict(session.execute(select(Outbound.key, Outbound.id).where(Outbound.key.in_(keys))).all()) if keys else {}
    new = [Outbound(**r, status="pending", attempts=0, created_at=now) for r in rows if r["key"] not in ids]
    try:
        with session.begin_nested():
            session.add_all(new)
            session.flush()
    except IntegrityError:
        return {r["key"]: add_outbound(session, now=now, **r).id for r in rows}
    return {**ids, **{row.key: row.id for row in new}}


# -- The outbox (jobs/outbox.py, jobs/sweeper.py) ----------------------------------------------

# How far each status has got, so a callback that beat our own write is not lost or undone.
_PROGRESS = {"queued": 0, "accepted": 0, "scheduled": 0, "sending": 1, "sent": 2, "failed": 3,
             "undelivered": 3, "delivered": 4, "read": 5}
_CLAIMED = ("sending", "unknown")  # "unknown": the sweeper gave up waiting for this claim


def finish_outbound(session: Session, outbound_id: int, *, status: str, error_code: int | None = None) -> None:
    """End a claimed message without a Twilio sid: failed, skipped or unknown."""
    session.execute(update(Outbound).where(Outbound.id == outbound_id, Outbound.status.in_(_CLAIMED))
                    .values(status=status, error_code=error_code))


@dataclass(frozen=True)
class Sent:
    """A claimed message the sender accepted: its id, our status for it, Twilio's sid, the channel."""

    outbound_id: int
    status: str  # "sent" | "local"
    sid: str | None
    channel: str


def record_sent_many(session: Session, sent: list[Sent], now: datetime) -> dict[int, str]:
    """record_sent for many messages in two statements; the status each ended with."""
    if not sent:
        return {}
    sids = [s.sid for s in sent if s.sid]
    latest: dict[str, tuple[str, int | None]] = {}
    if sids:
        for sid, status, error_code in session.execute(select(DeliveryEvent.sid, DeliveryEvent.status,
                                                              DeliveryEvent.error_code).where(DeliveryEvent.sid.in_(sids))):
            if _PROGRESS.get(status, -1) > _PROGRESS.get(latest.get(sid, ("", None))[0], -1):
                latest[sid] = (status, error_code)
    rows, ended = [], {}
    for s in sent:
        status, error_code = s.status, None
        event = latest.get(s.sid) if s.sid else None
        if event is not None and _PROGRESS.get(event[0], -1) > _PROGRESS["sent"]:
            status, error_code = event  # a callback beat us to it
        rows.append({"b_id": s.outbound_id, "b_status": status, "b_sid": s.sid, "b_channel": s.channel,
                     "b_sent_at": now, "b_error": error_code})
        ended[s.outbound_id] = status
    table = Outbound.__table__
    session.connection().execute(
        update(table).where(table.c.id == bindparam("b_id"), or_(*(table.c.status == c for c in _CLAIMED)))
        .values(status=bindparam("b_status"), sid=bindparam("b_sid"), channel=bindparam("b_channel"),
                sent_at=bindparam("b_sent_at"), error_code=bindparam("b_error")), rows)
    return ended


def release_for_retry(session: Session, outbound_id: int, *, error_code: int | None) -> None:
    """Put a claimed message back to pending after a passing failure (its attempts stay counted)."""
    session.execute(update(Outbound).where(Outbound.id == outbound_id, Outbound.status.in_(_CLAIMED))
                    .values(status="pending", error_code=error_code))


def note_opted_out(session: Session, outbound_id: int, now: datetime) -> None:
    """Twilio says this message's recipient unsubscribed (21610): record their opt-out too."""
    row = session.get(Outbound, outbound_id)
    if row is None:
        return
    who = Person.id == row.person_id if row.person_id is not None else Person.phone == row.to_address
    session.execute(update(Person).where(who, Person.opted_out_at.is_(None)).values(opted_out_at=now))


def outbound_by_sid(session: Session, sid: str) -> Outbound | None:
    return session.scalars(select(Outbound).where(Outbound.sid == sid)).one_or_none()


def pending_outbound_ids(session: Session, cutoffs: list[datetime], limit: int = 500) -> list[int]:
    """Ids of pending messages created before cutoffs[attempts] (the last cutoff for more tries)."""
    last = len(cutoffs) - 1
    due = [and_(Outbound.attempts == n, Outbound.created_at < cutoff) for n, cutoff in enumerate(cutoffs[:-1])]
    due.append(and_(Outbound.attempts >= last, Outbound.created_at < cutoffs[-1]))
    return list(session.scalars(select(Outbound.id).where(Outbound.status == "pending", or_(*due))
                                .order_by(Outbound.id).limit(limit)))


def mark_stuck_sending(session: Session, cutoff: datetime) -> list[int]:
    """Mark messages claimed but never finished (their process died mid-send) as 'unknown'."""
    ids = list(session.scalars(select(Outbound.id).where(Outbound.status == "sending", Outbound.created_at < cutoff)))
    if ids:
        session.execute(update(Outbound).where(Outbound.id.in_(ids), Outbound.status == "sending")
                        .values(status="unknown"))
    return ids


def release_replies(session: Session, inbound: Inbound) -> list[int]:
    """Turn a message's stored TwiML reply into pending outbox messages (it was answered late,
    after its webhook had returned); their ids, to send."""
    session.flush()
    rows = session.scalars(select(Outbound).where(Outbound.in_reply_to_id == inbound.id, Outbound.kind == "reply",
                                                  Outbound.status == "replied")).all()
    for row in rows:
        row.status, row.sent_at = "pending", None
    session.flush()
    return [row.id for row in rows]
