"""The outbox: everything the bot sends outside a TwiML reply, sent exactly once.

A handler calls `queue_message(...)` inside its transaction and enqueues `send_outbound(row.id)`
through `ctx.enqueue`, which runs after the commit. The job claims the row atomically
(pending -> sending), so however many copies run (RQ retries, the sweeper, the in-process
fallback) Twilio is asked once per claim. Passing failures put the row back to pending and raise
`TryAgain` (RQ retries after 10 s, 60 s, 300 s; without Redis the sweeper re-drives it).

WhatsApp allows free-form text only within 24 h of the person's last WhatsApp message. Outside
it we send the approved template for the message's kind (WHATSAPP_TEMPLATE_<KIND>), else SMS if
the person has ever texted us by SMS (they use that channel with us, so they can be reached and
have not opted out of it), else the message fails with 63016. The same happens when Twilio
answers 63016 to a free-form message anyway.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from jobs.queue import MAX_RUNS, TryAgain, keyed
from jobs.runtime import current
from knowledge.phones import mask
from storage import messages, people
from storage.models import Outbound, Person

logger = logging.getLogger(__name__)
WHATSAPP_WINDOW = timedelta(hours=24)
OUTSIDE_WINDOW = 63016
OPTED_OUT = 21610
TEMPLATE_TEXT_LIMIT = 200  # a template variable is one short line, not a whole message
WINDOW_FALLBACK = ":window"  # key suffix of the message re-sent after an asynchronous 63016
CHANNELS = ("sms", "whatsapp")
SENT = ("sent", "queued", "accepted", "local")  # what a sender answers when the message is on its way


@dataclass(frozen=True)
class Delivery:
    """One try at delivering an outbox message on one channel: what the sender port gets."""

    outbound_id: int
    kind: str
    channel: str
    to_address: str
    body: str
    content_sid: str | None = None
    content_variables: str | None = None


@dataclass(frozen=True)
class Recipient:
    """What the window and fallback rules need to know about the person, read at claim time."""

    person_id: int | None
    last_sms_at: datetime | None
    last_whatsapp_at: datetime | None

    def whatsapp_window_open(self, now: datetime) -> bool:
        return self.last_whatsapp_at is not None and now - self.last_whatsapp_at < WHATSAPP_WINDOW

    @property
    def reachable_by_sms(self) -> bool:
        return self.last_sms_at is not None


class SendFailed(TryAgain):
    """Twilio or the network failed for now; the row is pending again."""


def queue_message(session, *, person: Person, body: str, kind: str, key: str, now: datetime,
                  channel: str | None = None) -> Outbound:
    """Add a message to the outbox once per key; enqueue send_outbound(row.id) after the commit.

    The channel defaults to the one the person last wrote on. Opted-out people get a row too
    (the job marks it skipped), so callers need not check.
    """
    channel = channel or person.last_channel
    if channel not in CHANNELS or not body.strip():
        raise ValueError(f"an outbox message needs a text and a channel in {CHANNELS} (got {channel!r})")
    return messages.add_outbound(session, key=key, person_id=person.id, channel=channel, to_address=person.phone,
                                 body=body, kind=kind, now=now)


def queue_pending(session, *, person: Person, body: str, kind: str, key: str, now: datetime,
                  channel: str | None = None) -> int | None:
    """queue_message, then the id to enqueue send_outbound with; None if this key went out already."""
    row = queue_message(session, person=person, body=body, kind=kind, key=key, now=now, channel=channel)
    session.flush()
    return row.id if row.status == "pending" else None


def template_text(body: str, limit: int = TEMPLATE_TEXT_LIMIT) -> str:
    """The message as one short line for a template variable (no newlines or tabs allowed)."""
    text = re.sub(r"\s+", " ", body).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"


def plan(delivery: Delivery, recipient: Recipient, now: datetime, templates: dict[str, str],
         free_form_refused: bool = False) -> Delivery | None:
    """How to deliver: as written, as the kind's WhatsApp template, or by SMS; None if no way."""
    if delivery.channel != "whatsapp" or delivery.content_sid:
        return delivery
    if not free_form_refused and recipient.whatsapp_window_open(now):
        return delivery
    template = templates.get(delivery.kind)
    if template:
        return replace(delivery, content_sid=template,
                       content_variables=json.dumps({"1": template_text(delivery.body)}, ensure_ascii=False))
    if recipient.reachable_by_sms:
        return replace(delivery, channel="sms")
    return None


@dataclass(frozen=True)
class _Claimed:
    delivery: Delivery
    recipient: Recipient
    runs: int  # how many times this row has been claimed, this time included
    free_form_refused: bool  # a re-send after an asynchronous 63016


@keyed(lambda outbound_id: f"send-{outbound_id}")
def send_outbound(outbound_id: int) -> str:
    """Send the message with this id if it is still pending; return its status afterwards."""
    rt = current()
    claimed = _claim(rt, outbound_id)
    if isinstance(claimed, str):
        return claimed
    templates = dict(rt.templates)
    delivery = plan(claimed.delivery, claimed.recipient, rt.clock(), templates, claimed.free_form_refused)
    try:
        result = rt.send(delivery) if delivery else None
        if result is not None and _code(result) == OUTSIDE_WINDOW and _free_form_whatsapp(delivery):
            logger.info("outbound %s: WhatsApp refused free-form (63016); falling back", outbound_id)
            delivery = plan(delivery, claimed.recipient, rt.clock(), templates, free_form_refused=True)
            result = rt.send(delivery) if delivery else None
    except Exception:  # a broken sender: Twilio may have the message, so never retry blindly
        logger.exception("sender failed on outbound %s; outcome unknown", outbound_id)
        with rt.sessions() as session, session.begin():
            messages.finish_outbound(session, outbound_id, status="unknown")
        return "unknown"
    return _record(rt, outbound_id, delivery, result, claimed.runs)


def _claim(rt, outbound_id: int) -> _Claimed | str:
    """Claim the row and read what sending needs; a status string if there is nothing to send."""
    with rt.sessions() as session, session.begin():
        if not messages.claim_for_sending(session, outbound_id):
            row = session.get(Outbound, outbound_id)
            return row.status if row else "missing"
        row = session.get(Outbound, outbound_id)
        person = session.get(Person, row.person_id) if row.person_id is not None else None
        if person is None:  # an invite to someone new, or a person who erased their data
            person = people.person_by_phone(session, row.to_address)
        if not row.body.strip() or (person is not None and person.opted_out):
            messages.finish_outbound(session, outbound_id, status="skipped")
            logger.info("outbound %s to %s skipped: %s", outbound_id, mask(row.to_address),
                        "opted out" if row.body.strip() else "erased")
            return "skipped"
        recipient = Recipient(person.id, person.last_sms_at, person.last_whatsapp_at) if person else \
            Recipient(None, None, None)
        delivery = Delivery(row.id, row.kind, row.channel, row.to_address, row.body)
        return _Claimed(delivery, recipient, row.attempts, row.key.endswith(WINDOW_FALLBACK))


def _code(result) -> int | None:
    return getattr(result, "error_code", None)


def _free_form_whatsapp(delivery: Delivery | None) -> bool:
    return delivery is not None and delivery.channel == "whatsapp" and not delivery.content_sid


def _record(rt, outbound_id: int, delivery: Delivery | None, result, runs: int) -> str:
    """Store the outcome; put passing failures back to pending and ask to be run again."""
    now = rt.clock()
    with rt.sessions() as session, session.begin():
        if delivery is None or result is None:
            messages.finish_outbound(session, outbound_id, status="failed", error_code=OUTSIDE_WINDOW)
            logger.warning("outbound %s: WhatsApp window closed, no template for its kind and no SMS "
                           "to fall back on", outbound_id)
            return "failed"
        if result.status in SENT:
            status = messages.record_sent(session, outbound_id, status="local" if result.status == "local" else "sent",
                                          sid=result.sid, channel=delivery.channel, now=now)
            logger.info("outbound %s sent by %s to %s%s", outbound_id, delivery.channel, mask(delivery.to_address),
                        " (template)" if delivery.content_sid else "")
            return status
        if getattr(result, "retry", False) and runs < MAX_RUNS:
            messages.release_for_retry(session, outbound_id, error_code=_code(result))
        else:
            messages.finish_outbound(session, outbound_id, status="failed", error_code=_code(result))
            if _code(result) == OPTED_OUT:
                messages.note_opted_out(session, outbound_id, now)
            logger.warning("outbound %s to %s failed: error %s after %d tries", outbound_id,
                           mask(delivery.to_address), _code(result), runs)
            return "failed"
    raise SendFailed(f"outbound {outbound_id}: error {_code(result)}, try {runs} of {MAX_RUNS}")


def queue_window_fallback(session, *, sid: str, now: datetime) -> Outbound | None:
    """After a status callback failed a free-form WhatsApp message with 63016, queue it again
    (as a template or SMS); enqueue send_outbound(row.id) after the commit. None if not needed."""
    row = messages.outbound_by_sid(session, sid)
    if row is None or row.channel != "whatsapp" or row.kind == "reply" or row.key.endswith(WINDOW_FALLBACK):
        return None
    return messages.add_outbound(session, key=row.key[: 120 - len(WINDOW_FALLBACK)] + WINDOW_FALLBACK,
                                 person_id=row.person_id, channel=row.channel, to_address=row.to_address,
                                 body=row.body, kind=row.kind, now=now)
