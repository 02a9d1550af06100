"""`doctor_report`: "pediatrician report" (or "doctor report") sends a PDF of the last 30 days for a
child. Rendering stays off the webhook: the reply says it is coming, the `render_report` job renders
the PDF and sends it through the outbox (a document on WhatsApp, MMS on US/Canadian SMS, else a link).
"""
from __future__ import annotations

import re

from handlers.context import Context, InboundMessage, Reply
from handlers.family import find_child, names_of
from handlers.routes import Route
from storage import links

DOCTOR = r"(?:pediatrician|paediatrician|pediatrician's|doctor|doctor's|dr|gp|ped|peds|pedi|clinic|check-?up|well visit)"
REPORT = re.compile(rf"^\W*(?:(?:can|could) you\s+)?(?:(?:send|make|give|get)\s+(?:me\s+)?)?(?:(?:a|the|my)\s+)?(?:\w+'s\s+)?(?:{DOCTOR}\s+"
                    rf"(?:report|summary|pdf)|(?:report|summary|pdf)\s+for\s+(?:the\s+|my\s+|our\s+)?{DOCTOR}"
                    rf"(?:\s+visit|\s+appointment)?)(?:\s+(?:for|on)\s+\w+)?(?:\s+please)?\W*$", re.I)
DAYS = 30


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    child, _ = find_child(ctx, msg.text)
    if child is None:
        return Reply(f"Which child is the report for: {names_of(ctx.children)}?", "doctor_report")
    request(ctx, msg, "report", child, DAYS, "render_report")
    return Reply(f"Making {child.name}'s report for the pediatrician (last {DAYS} days): a PDF is on its way "
                 f"in a moment.", "doctor_report")


def request(ctx: Context, msg: InboundMessage, kind: str, child, days: int, job: str) -> None:
    """Record the file to render for this child and ask the job for it (it runs after the commit)."""
    link = links.create(ctx.session, kind=kind, now=ctx.now, person_id=ctx.person.id,
                        household_id=child.household_id, child_id=child.id, days=days, channel=msg.channel)
    ctx.enqueue(job, link.id, job_id=f"{kind}-{link.id}")


def claims(msg: InboundMessage, ctx: Context, found) -> bool:
    return bool(REPORT.match(msg.text))


ROUTE = Route("doctor_report", handle, help="- \"pediatrician report\" for a PDF to show the doctor", claim=claims,
              priority=51, breakout=True, label=False)
