"""Render a report (PDF) or a chart (PNG) a parent asked for, keep it on its private link, and send it.

Jobs take the link's id and reload it. The link is issued (its token made) only once the file is
rendered, in the same transaction that queues the message, so a job run twice sends once: the
second run finds the link issued and returns. Access is checked again when the job runs.
"""
from __future__ import annotations

import logging
import time
from typing import Callable

from handlers.context import LOCAL_URL
from jobs.outbox import queue_pending, send_outbound
from jobs.runtime import current
from reports.facts import ChildReport, child_report, questions_shown_to
from storage import links
from storage.models import Child, Person

logger = logging.getLogger(__name__)


def render_report(link_id: int) -> None:
    """The pediatrician report for the link's child, as a PDF."""
    from reports.doctor_pdf import render_pdf

    _render(link_id, "report", lambda facts, today: render_pdf(facts, today), "application/pdf",
            lambda facts: (f"{facts.name}'s feeding report for the pediatrician ({facts.days} days).", "report.pdf"))


def render_chart(link_id: int) -> None:
    """The chart for the link's child over its days, as a PNG."""
    from reports.charts import render_chart_png

    _render(link_id, "chart", lambda facts, today: render_chart_png(facts), "image/png",
            lambda facts: (f"{facts.name}'s last {facts.days} days in pictures.", "chart.png"))


def _render(link_id: int, kind: str, render: Callable[[ChildReport, object], bytes], content_type: str,
            caption: Callable[[ChildReport], tuple[str, str]]) -> None:
    rt = current()
    with rt.sessions() as session, session.begin():
        link = session.get(links.PrivateLink, link_id)
        if link is None or link.kind != kind or link.token_hash is not None or link.revoked_at is not None:
            return  # gone, or rendered and sent already
        person = session.get(Person, link.person_id) if link.person_id else None
        child = session.get(Child, link.child_id) if link.child_id else None
        if person is None or child is None or not links.holder_may(session, link, "view"):
            return  # erased, or access removed since the request
        now = rt.clock()
        today = now.astimezone(_zone(person)).date()
        started = time.perf_counter()
        facts = child_report(session, child, today, link.days or 7, questions_shown_to(child, person.id))
        link.content, link.content_type = render(facts, today), content_type
        logger.info("%s %s rendered in %.0f ms (%d bytes)", kind, link_id, 1000 * (time.perf_counter() - started),
                    len(link.content))
        token = links.issue(session, link, now)
        if token is None:
            return
        text, filename = caption(facts)
        url = f"{rt.public_url or LOCAL_URL}/files/{token}/{filename}"
        outbound_id = queue_pending(session, person=person, body=text, kind=kind, key=f"{kind}:{link_id}", now=now,
                                    channel=link.channel, media_url=url)
    if outbound_id:
        rt.enqueue(send_outbound, outbound_id)


def _zone(person: Person):
    from zoneinfo import ZoneInfo

    return ZoneInfo(person.timezone or "UTC")
