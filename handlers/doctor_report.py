"""`doctor_report`: "pediatrician report" (or "doctor report") sends a PDF of the last 30 days for a
child. Rendering stays off the webhook: the reply says it is coming, the `render_report` job renders
the PDF and sends it through the outbox (a document on WhatsApp, MMS on US/Canadian SMS, else a link).
"""
from __future__ import annotations

import re

from handlers.context import Context, InboundMessage, Reply
from handlers.rendered import request
from handlers.routes import Route

DOCTOR = (r"(?:pediatrician|paediatrician|pediatrician's|doctor|doctor's|dr|gp|ped|peds|pedi|clinic|check-?up"
          r"|well visit)")
REPORT = re.compile(rf"^\W*(?:(?:can|could) you\s+)?(?:(?:send|make|give|get)\s+(?:me\s+)?)?(?:(?:a|the|my)\s+)?"
                    rf"(?:\w+'s\s+)?(?:{DOCTOR}\s+"
                    rf"(?:report|summary|pdf)|(?:report|summary|pdf)\s+for\s+(?:the\s+|my\s+|our\s+)?{DOCTOR}"
                    rf"(?:\s+visit|\s+appointment)?)(?:\s+(?:for|on)\s+\w+)?(?:\s+please)?\W*$", re.I)
DAYS = 30


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    name, ask = request(ctx, msg, "report", DAYS, "render_report")
    return ask or Reply(f"Making {name}'s report for the pediatrician (last {DAYS} days): a PDF is on its way "
                        f"in a moment.", "doctor_report")


def claims(msg: InboundMessage, ctx: Context, found) -> bool:
    return bool(REPORT.match(msg.text))


ROUTE = Route("doctor_report", handle, help="- \"pediatrician report\" for a PDF to show the doctor", claim=claims,
              priority=51, breakout=True, label=False)
