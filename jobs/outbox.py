"""The outbox: everything the bot sends outside a TwiML reply, sent exactly once.

A handler calls `queue_message(...)` inside its transaction and enqueues `send_outbound(row.id)`
through `ctx.enqueue`, which runs after the commit. The job claims the row atomically
(pending -> sending), so however many copies run (RQ retries, the sweeper, the in-process
fallback) Twilio is asked once per claim. Passing failures put the row back to pending and raise
`TryAgain` (RQ retries after 10 s, 60 s, 300 s; without Redis the sweeper re-drives it).

WhatsApp allows free-form text only within 24 h of the person's last WhatsApp message. Outside
it we send the approved template for the message's kind (WHATSAPP_TEMPLATE_<KIND>; a marketing kind such
as "nudge" never to +1 numbers, where Meta does not deliver marketing templates), else SMS if
the person has ever texted us by SMS (they use that channel with us, so they can be reached and
have not opted out of it), else the message fails with 63016. The same happens when Twilio
answers 63016 to a free-form message anyway.
"""
from __future__ import annotations

import json
import logging
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from jobs.queue import MAX_RUNS, TryAgain, keyed
from jobs.runtime import current
from knowledge.phones import mask, mms_reaches
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
# Kinds whose template Meta counts as marketing: never delivered to US (+1) WhatsApp numbers.
MARKETING_KINDS = frozenset({"nudge"})


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
    media_url: str | None = None  # a file of ours Twilio fetches (a chart, a report)

    @property
    def media_urls(self) -> tuple[str, ...]:
        return (self.media_url,) if self.media_url else ()


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


@dataclass(frozen=True)
class Message:
    """One message for the outbox: to whom, what, its kind, its idempotency key and channel."""

    person: Person
    body: str
    kind: str
    key: str
    channel: str | None = None  # default: the one the person last wrote on
    media_url: str | None = None

    def row(self) -> dict[str, Any]:
        channel = self.channel or self.person.last_channel
        if channel not in CHANNELS or not self.body.strip():
            raise ValueError(f"an outbox message needs a text and a channel in {CHANNELS} (got {channel!r})")
        row = dict(key=self.key, person_id=self.person.id, channel=channel, to_address=self.person.phone,
                   body=self.body, kind=self.kind)
        return {**row, "media_url": self.media_url} if self.media_url else row


def queue_message(session, *, person: Person, body: str, kind: str, key: str, now: datetime,
                  channel: str | None = None, media_url: str | None = None) -> Outbound:
    """Add a message to the outbox once per key; enqueue send_outbound(row.id) after the commit.

    Opted-out people get a row too (the job marks it skipped), so callers need not check.
    `media_url` is a file of ours: it goes as media where it can, else as a link in the text.
    """
    return messages.add_outbound(session, now=now, **Message(person, body, kind, key, channel, media_url).row())


def queue_messages(session, batch: list[Message], now: datetime) -> dict[str, int]:
    """queue_message for many at once (one insert); the row id by key. Send with send_many(ids)."""
    return messages.add_outbound_many(session, [m.row() for m in batch], now)


def queue_pending(session, *, person: Person, body: str, kind: str, key: str, now: datetime,
                  channel: str | None = None, media_url: str | None = None) -> int | None:
    """queue_message, then the id to enqueue send_outbound with; None if this key went out already."""
    row = queue_message(session, person=person, body=body, kind=kind, key=key, now=now, channel=channel,
                        media_url=media_url)
    session.flush()
    return row.id if row.status == "pending" else None


def template_text(body: str, limit: int = TEMPLATE_TEXT_LIMIT) -> str:
    """The message as one short line for a template variable (no newlines or tabs allowed)."""
    text = re.sub(r"\s+", " ", body).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"


def template_allowed(kind: str, to_address: str) -> bool:
    """May this kind go to this number as a WhatsApp template? Not marketing to +1 numbers."""
    return kind not in MARKETING_KINDS or not to_address.startswith("+1")


def plan(delivery: Delivery, recipient: Recipient, now: datetime, templates: dict[str, str],
         free_form_refused: bool = False) -> Delivery | None:
    """How to deliver: as written, as the kind's WhatsApp template, or by SMS; None if no way.
    Media goes where it can (WhatsApp free-form; MMS to US and Canadian numbers), else as a link."""
    chosen = _route(delivery, recipient, now, templates, free_form_refused)
    return _media_or_link(chosen) if chosen is not None else None


def _media_or_link(delivery: Delivery) -> Delivery:
    """Keep the media where Twilio can send it; elsewhere put its link at the end of the text."""
    if not delivery.media_url:
        return delivery
    if delivery.channel == "whatsapp" and not delivery.content_sid:
        return delivery
    if delivery.channel == "sms" and mms_reaches(delivery.to_address):
        return delivery
    url = delivery.media_url
    linked = replace(delivery, body=f"{delivery.body}\n{url}", media_url=None)
    if linked.content_sid:  # the template's one short line: the text cut to fit, the link whole
        line = template_text(delivery.body, max(40, TEMPLATE_TEXT_LIMIT - len(url) - 1)) + " " + url
        linked = replace(linked, content_variables=json.dumps({"1": line}, ensure_ascii=False))
    return linked


def _route(delivery: Delivery, recipient: Recipient, now: datetime, templates: dict[str, str],
           free_form_refused: bool) -> Delivery | None:
    if delivery.channel != "whatsapp" or delivery.content_sid:
        return delivery
    if not free_form_refused and recipient.whatsapp_window_open(now):
        return delivery
    template = templates.get(delivery.kind)
    if template and template_allowed(delivery.kind, delivery.to_address):
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


RETRY = "retry"  # what send_many reports for a passing failure: the row is pending again


@keyed(lambda outbound_id: f"send-{outbound_id}")
def send_outbound(outbound_id: int) -> str:
    """Send the message with this id if it is still pending; return its status afterwards."""
    [status] = send_many([outbound_id])
    if status == RETRY:
        raise SendFailed(f"outbound {outbound_id}: a passing failure; it is pending for another try")
    return status


def send_many(outbound_ids: list[int], threads: int = 1) -> list[str]:
    """Send these messages, each only if still pending, with one claim and one record transaction
    for all and up to `threads` Twilio calls at a time; each one's status afterwards, or RETRY."""
    rt = current()
    claimed, statuses = _claim(rt, outbound_ids)
    templates = dict(rt.templates)
    work = [c for c in claimed.values()]
    if threads > 1 and len(work) > 1:
        with ThreadPoolExecutor(max_workers=min(threads, len(work)), thread_name_prefix="send") as pool:
            results = list(pool.map(lambda c: _deliver(rt, c, templates), work))
    else:
        results = [_deliver(rt, c, templates) for c in work]
    now = rt.clock()
    with rt.sessions() as session, session.begin():
        sent = []
        for c, (delivery, result) in zip(work, results):
            if delivery is not None and result is not None and result is not BROKEN and result.status in SENT:
                sent.append(messages.Sent(c.delivery.outbound_id, "local" if result.status == "local" else "sent",
                                          result.sid, delivery.channel))
                logger.info("outbound %s sent by %s to %s%s", c.delivery.outbound_id, delivery.channel,
                            mask(delivery.to_address), " (template)" if delivery.content_sid else "")
            else:
                statuses[c.delivery.outbound_id] = _record(session, c.delivery.outbound_id, delivery, result,
                                                           c.runs, now)
        statuses.update(messages.record_sent_many(session, sent, now))
    return [statuses.get(i, "missing") for i in outbound_ids]


def _deliver(rt, claimed: _Claimed, templates: dict[str, str]) -> tuple[Delivery | None, Any]:
    """Ask the sender (falling back after a synchronous 63016); the result, or None if no way."""
    outbound_id = claimed.delivery.outbound_id
    delivery = plan(claimed.delivery, claimed.recipient, rt.clock(), templates, claimed.free_form_refused)
    try:
        result = rt.send(delivery) if delivery else None
        if result is not None and _code(result) == OUTSIDE_WINDOW and _free_form_whatsapp(delivery):
            logger.info("outbound %s: WhatsApp refused free-form (63016); falling back", outbound_id)
            delivery = plan(delivery, claimed.recipient, rt.clock(), templates, free_form_refused=True)
            result = rt.send(delivery) if delivery else None
    except Exception:  # a broken sender: Twilio may have the message, so never retry blindly
        logger.exception("sender failed on outbound %s; outcome unknown", outbound_id)
        return delivery, BROKEN
    return delivery, result


def _claim(rt, outbound_ids: list[int]) -> tuple[dict[int, _Claimed], dict[int, str]]:
    """Claim the pending rows and read what sending needs; the others' statuses as they are."""
    with rt.sessions() as session, session.begin():
        got = messages.claim_many_for_sending(session, outbound_ids)
        statuses = messages.outbound_statuses(session, [i for i in outbound_ids if i not in got])
        rows = messages.outbound_rows(session, got)
        persons = people.people_by_id(session, [r.person_id for r in rows if r.person_id is not None])
        claimed: dict[int, _Claimed] = {}
        for row in rows:
            person = persons.get(row.person_id) if row.person_id is not None else None
            if person is None:  # an invite to someone new, or a person who erased their data
                person = people.person_by_phone(session, row.to_address)
            if not row.body.strip() or (person is not None and person.opted_out):
                messages.finish_outbound(session, row.id, status="skipped")
                logger.info("outbound %s to %s skipped: %s", row.id, mask(row.to_address),
                            "opted out" if row.body.strip() else "erased")
                statuses[row.id] = "skipped"
                continue
            recipient = Recipient(person.id, person.last_sms_at, person.last_whatsapp_at) if person else \
                Recipient(None, None, None)
            delivery = Delivery(row.id, row.kind, row.channel, row.to_address, row.body, media_url=row.media_url)
            claimed[row.id] = _Claimed(delivery, recipient, row.attempts, row.key.endswith(WINDOW_FALLBACK))
        return claimed, statuses


def _code(result) -> int | None:
    return getattr(result, "error_code", None)


def _free_form_whatsapp(delivery: Delivery | None) -> bool:
    return delivery is not None and delivery.channel == "whatsapp" and not delivery.content_sid


BROKEN = object()  # the sender raised: whether Twilio has the message is unknown


def _record(session, outbound_id: int, delivery: Delivery | None, result, runs: int, now: datetime) -> str:
    """Store one outcome that is not a plain send; a passing failure puts the row back to pending
    and returns RETRY."""
    if result is BROKEN:
        messages.finish_outbound(session, outbound_id, status="unknown")
        return "unknown"
    if delivery is None or result is None:
        messages.finish_outbound(session, outbound_id, status="failed", error_code=OUTSIDE_WINDOW)
        logger.warning("outbound %s: WhatsApp window closed, no template for its kind and no SMS "
                       "to fall back on", outbound_id)
        return "failed"
    if getattr(result, "retry", False) and runs < MAX_RUNS:
        messages.release_for_retry(session, outbound_id, error_code=_code(result))
        logger.info("outbound %s: error %s, try %d of %d; it will be tried again", outbound_id, _code(result),
                    runs, MAX_RUNS)
        return RETRY
    messages.finish_outbound(session, outbound_id, status="failed", error_code=_code(result))
    if _code(result) == OPTED_OUT:
        messages.note_opted_out(session, outbound_id, now)
    logger.warning("outbound %s to %s failed: error %s after %d tries", outbound_id,
                   mask(delivery.to_address), _code(result), runs)
    return "failed"


def queue_window_fallback(session, *, sid: str, now: datetime) -> Outbound | None:
    """After a status callback failed a free-form WhatsApp message with 63016, queue it again
    (as a template or SMS); enqueue send_outbound(row.id) after the commit. None if not needed."""
    row = messages.outbound_by_sid(session, sid)
    if row is None or row.channel != "whatsapp" or row.kind == "reply" or row.key.endswith(WINDOW_FALLBACK):
        return None
    return messages.add_outbound(session, key=row.key[: 120 - len(WINDOW_FALLBACK)] + WINDOW_FALLBACK,
                                 person_id=row.person_id, channel=row.channel, to_address=row.to_address,
                                 body=row.body, kind=row.kind, now=now, media_url=row.media_url)
