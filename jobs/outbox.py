"""The outbox job: send one queued message exactly once, whatever runs it and however often."""
from __future__ import annotations

import logging

from jobs.runtime import current
from knowledge.phones import mask
from storage.messages import claim_for_sending
from storage.models import Outbound

logger = logging.getLogger(__name__)


def send_outbound(outbound_id: int) -> str:
    """Send the message with this id if it is still pending; return its final status."""
    rt = current()
    with rt.sessions() as session, session.begin():
        if not claim_for_sending(session, outbound_id):
            row = session.get(Outbound, outbound_id)
            return row.status if row else "missing"
        message = session.get(Outbound, outbound_id)
        session.expunge(message)
    result = rt.send(message)
    with rt.sessions() as session, session.begin():
        row = session.get(Outbound, outbound_id)
        row.status, row.sid, row.error_code = result.status, result.sid, result.error_code
        if result.status in ("sent", "queued", "local"):
            row.sent_at = rt.clock()
    logger.info("outbound %s to %s: %s", outbound_id, mask(message.to_address), result.status)
    return result.status
