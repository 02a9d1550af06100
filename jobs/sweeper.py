"""Re-drive outbox messages left pending (Redis was down, a process died) so none is lost."""
from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any, Callable

from sqlalchemy import select

from jobs.outbox import send_outbound
from jobs.runtime import current
from storage.models import Outbound

logger = logging.getLogger(__name__)


def resend_stuck(older_than: timedelta = timedelta(minutes=2),
                 run: Callable[..., Any] | None = None) -> int:
    """Enqueue every message pending for longer than `older_than`; the job itself sends once."""
    rt = current()
    cutoff = rt.clock() - older_than
    with rt.sessions() as session:
        ids = session.scalars(select(Outbound.id).where(Outbound.status == "pending",
                                                        Outbound.created_at < cutoff).limit(500)).all()
    for outbound_id in ids:
        (run or rt.enqueue)(send_outbound, outbound_id)
    if ids:
        logger.info("re-drove %d pending outbound messages", len(ids))
    return len(ids)
