"""Re-drive outbox messages left pending (Redis was down, a try failed, a process died) so none
is lost. The clock runs it every minute; `flask worker` without Redis runs it in a loop.

A message is due once it is older than `older_than` and, after failed tries, than the retry
backoff (10 s, 70 s, 370 s after creation): the same rhythm RQ's retries keep. Re-driving is
safe at any time: RQ refuses a second job with the same id, and the job's atomic claim sends
each message once even if the sweeper and another copy of the job run together.
"""
from __future__ import annotations

import logging
from datetime import timedelta
from itertools import accumulate
from typing import Any, Callable

from jobs.outbox import send_outbound
from jobs.queue import RETRY_INTERVALS, TryAgain
from jobs.runtime import current
from storage import messages

logger = logging.getLogger(__name__)
STUCK_AFTER = timedelta(hours=1)  # claimed ("sending") this long after creation: the sender died
BATCH = 500


def due_cutoffs(now, older_than: timedelta) -> list:
    """For 0, 1, 2, 3+ failed tries: messages created before this are due again."""
    waits = [timedelta(0), *(timedelta(seconds=s) for s in accumulate(RETRY_INTERVALS))]
    return [now - max(older_than, wait) for wait in waits]


def resend_stuck(older_than: timedelta = timedelta(minutes=2),
                 run: Callable[..., Any] | None = None) -> int:
    """Enqueue every message pending past its due time; the job itself sends once."""
    rt = current()
    now = rt.clock()
    with rt.sessions() as session, session.begin():
        ids = messages.pending_outbound_ids(session, due_cutoffs(now, older_than), limit=BATCH)
        stuck = messages.mark_stuck_sending(session, now - STUCK_AFTER)
    if stuck:
        logger.warning("outbound %s claimed over %s ago and never finished: marked unknown (not re-sent, "
                       "Twilio may have them)", stuck, STUCK_AFTER)
    enqueue = run or rt.enqueue
    for outbound_id in ids:
        try:
            enqueue(send_outbound, outbound_id)
        except TryAgain as exc:  # run inline (no Redis): it is pending again for a later sweep
            logger.warning("%s", exc)
        except Exception:  # one bad message must not stop the rest
            logger.exception("re-driving outbound %s failed; next sweep tries again", outbound_id)
    if ids:
        logger.info("re-drove %d pending outbound messages", len(ids))
    return len(ids)
