"""Inbound and outbound message records: the atomic claim, stored replies, delivery events."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import DeliveryEvent, Inbound, Outbound


def claim_inbound(session: Session, *, sid: str, channel: str, sender: str, body: str,
                  message_type: str | None, media: list[dict[str, str]], now: datetime) -> Inbound:
    """Insert the message row; a duplicate SID raises IntegrityError from the unique index."""
    inbound = Inbound(sid=sid, channel=channel, sender=sender, body=body, message_type=message_type,
                      media=media, status="received", reply_parts=[], received_at=now)
    session.add(inbound)
    session.flush()
    return inbound


def inbound_by_sid(session: Session, sid: str) -> Inbound | None:
    return session.scalars(select(Inbound).where(Inbound.sid == sid)).one_or_none()


def record_reply(session: Session, inbound: Inbound, parts: list[str], person_id: int | None,
                 now: datetime) -> None:
    """Store the TwiML reply so a redelivery gets the same answer, and log it as outbound."""
    inbound.reply_parts = parts
    for n, part in enumerate(parts):
        session.add(Outbound(key=f"reply:{inbound.sid}:{n}", person_id=person_id, channel=inbound.channel,
                             to_address=inbound.sender, body=part, kind="reply", status="replied",
                             attempts=0, in_reply_to_id=inbound.id, created_at=now, sent_at=now))


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
                 body: str, kind: str, now: datetime) -> Outbound:
    """Queue a message once per idempotency key; a second call returns the first row."""
    existing = session.scalars(select(Outbound).where(Outbound.key == key)).one_or_none()
    if existing is not None:
        return existing
    row = Outbound(key=key, person_id=person_id, channel=channel, to_address=to_address, body=body,
                   kind=kind, status="pending", attempts=0, created_at=now)
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:  # another process queued the same key a moment ago
        return session.scalars(select(Outbound).where(Outbound.key == key)).one()
    return row


def claim_for_sending(session: Session, outbound_id: int) -> bool:
    """Atomically move a pending message to 'sending'; False if someone else already did."""
    result = session.execute(update(Outbound).where(Outbound.id == outbound_id, Outbound.status == "pending")
                             .values(status="sending", attempts=Outbound.attempts + 1))
    return result.rowcount == 1
