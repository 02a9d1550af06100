"""Telling someone other than the sender: a row in the outbox, sent after the commit."""
from __future__ import annotations

from handlers.context import Context
from storage import messages
from storage.models import Person


def tell(ctx: Context, *, phone: str, body: str, kind: str, key: str, person: Person | None = None) -> None:
    """Queue `body` for this number once per key; a number we never heard from gets SMS."""
    channel = person.last_channel if person is not None else "sms"
    row = messages.add_outbound(ctx.session, key=key, person_id=person.id if person is not None else None,
                                channel=channel, to_address=phone, body=body, kind=kind, now=ctx.now)
    ctx.session.flush()
    if row.status == "pending":
        ctx.enqueue("send_outbound", row.id)  # the job derives its own id from the row


def tell_person(ctx: Context, person: Person, body: str, kind: str, key: str) -> None:
    tell(ctx, phone=person.phone, person=person, body=body, kind=kind, key=key)
