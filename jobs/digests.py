"""The daily caregiver digest: the clock enqueues `send_digests`; each owner gets one a day.

Idempotent by the outbox key `digest:<membership id>:<local date>`: however often the job runs
(two clocks during a deploy, a retry), each owner is sent at most one digest per day.
"""
from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from sqlalchemy import select

from handlers.digest import DIGEST_AT, digest_text
from jobs.outbox import queue_pending, send_outbound
from jobs.runtime import current
from storage import messages
from storage.meals import meals_between
from storage.models import Membership

logger = logging.getLogger(__name__)


def send_digests() -> int:
    """Queue today's digest for every owner who turned it on and whose evening has come."""
    rt = current()
    now, queued = rt.clock(), []
    with rt.sessions() as session, session.begin():
        owners = session.scalars(select(Membership).where(Membership.digest.is_(True), Membership.role == "owner"))
        for owner in owners:
            person = owner.person
            zone = ZoneInfo(person.timezone or "UTC")
            local = now.astimezone(zone)
            key = f"digest:{owner.id}:{local.date().isoformat()}"
            if person.opted_out or local.time() < DIGEST_AT or messages.outbound_by_key(session, key):
                continue
            meals = meals_between(session, [c.id for c in owner.household.children], local.date(), local.date())
            body = digest_text(owner, meals, zone)
            if body is None:
                continue
            outbound_id = queue_pending(session, person=person, body=body, kind="digest", key=key, now=now)
            if outbound_id:
                queued.append(outbound_id)
    for outbound_id in queued:
        rt.enqueue(send_outbound, outbound_id)
    if queued:
        logger.info("queued %d caregiver digests", len(queued))
    return len(queued)
