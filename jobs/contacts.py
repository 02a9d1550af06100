"""A contact card shared with the bot (WhatsApp or MMS vCard): read it and propose the invite.

The handler only acknowledges the card; this job fetches it from Twilio, reads the name and
number, and texts the parent the same confirmation a typed invite gets (YES sends it). Running
twice sends one question: the outbox key is the inbound message's SID.
"""
from __future__ import annotations

import logging

from handlers import invites
from handlers.context import context_for
from handlers.invite_text import InviteRequest, read_vcard
from jobs.media import MediaRefused, fetch
from jobs.outbox import queue_pending, send_outbound
from jobs.runtime import current
from knowledge.phones import country_of, normalize
from storage.models import Inbound, Person

logger = logging.getLogger(__name__)
VCARD_TYPES = ("text/vcard", "text/x-vcard", "text/directory")
MAX_CARD_BYTES = 64 * 1024


def read_contact_card(inbound_id: int) -> None:
    """Turn a shared contact card into an invite proposal for the parent who sent it."""
    rt = current()
    with rt.sessions() as session:
        inbound = session.get(Inbound, inbound_id)
        if inbound is None or inbound.person_id is None or not inbound.media:
            return
        url, sid = inbound.media[0]["url"], inbound.sid
    try:
        card = fetch(url, account_sid=rt.media.account_sid, auth_token=rt.media.auth_token,
                     api_base_url=rt.media.api_base_url, allowed_types=VCARD_TYPES,
                     max_bytes=MAX_CARD_BYTES)
        name, raw = read_vcard(card.data.decode("utf-8", "replace"))
    except MediaRefused as exc:
        logger.warning("contact card of inbound %s not read: %s", inbound_id, exc)
        name, raw = None, None
    with rt.sessions() as session, session.begin():
        inbound = session.get(Inbound, inbound_id)
        person = session.get(Person, inbound.person_id) if inbound is not None and inbound.person_id else None
        if person is None:
            return
        ctx = context_for(session, person, now=rt.clock(), knowledge=rt.knowledge, enqueue=rt.enqueue,
                          inbound_id=inbound_id, public_url=rt.public_url)
        phone = normalize(raw, country_of(person.phone) or "US") if raw else None
        if phone is None:
            body = ("I couldn't find a phone number on that contact card. Text it instead, like "
                    "\"invite grandma +1 415 555 0134\".")
        else:
            ctx.action = "manage"
            request = InviteRequest(phone=phone, bad_number=None, name=name, role="caregiver", child_ids=None)
            body = invites.propose(ctx, request).text
        outbound_id = queue_pending(session, person=person, body=body, kind="result", key=f"contact:{sid}",
                                    now=rt.clock())
    if outbound_id:
        rt.enqueue(send_outbound, outbound_id)
