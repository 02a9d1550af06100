"""`chart`: "chart", "week" or "report" answers with a picture of a child's last 7 days ("chart month"
for 30), rendered by the `render_chart` job and sent as an image on WhatsApp, MMS on US/Canadian
SMS, else a link.

What goes where, so the words do not fight:
- "chart", "graph", "report", a bare "week" or "month", "weekly report", "Maya's chart 30 days" -> this chart;
- "this week", "summary", "yesterday", "how did she eat this week" -> the text summary (`summary`);
- "pediatrician report", "doctor report", "report for the doctor" -> the PDF (`doctor_report`).
"""
from __future__ import annotations

import re

from handlers.context import Context, InboundMessage, Reply
from handlers.rendered import request
from handlers.routes import Route

CHART_WORDS = frozenset({"chart", "charts", "graph", "graphs", "picture", "pictures", "report", "reports"})
PERIOD_WORDS = {"week": 7, "weekly": 7, "weeks": 7, "month": 30, "monthly": 30}
FILLER = frozenset({"show", "me", "send", "the", "a", "my", "her", "his", "their", "our", "for", "of", "please",
                    "pls", "last", "past", "days", "day", "7", "30", "s", "as", "in", "get"})


def days_asked(text: str) -> int:
    return 30 if re.search(r"\b(month|monthly|30\s*days?)\b", text, re.I) else 7


def words_of(msg: InboundMessage, ctx: Context) -> list[str]:
    """The message's words, without the names of the children the person may see."""
    names = {c.name.lower() for c in ctx.children}
    return [w for w in re.findall(r"[a-z0-9]+", msg.text.lower()) if w not in names]


def claims(msg: InboundMessage, ctx: Context, found) -> bool:
    """A short message made only of chart words: "chart", "week", "Maya's report", "chart for 30 days"."""
    words = words_of(msg, ctx)
    if not words or len(msg.text) > 40 or any(w not in CHART_WORDS | set(PERIOD_WORDS) | FILLER for w in words):
        return False
    return bool(CHART_WORDS & set(words)) or words in (["week"], ["month"])  # "last week" stays a summary


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    days = days_asked(msg.text)
    name, ask = request(ctx, msg, "chart", days, "render_chart")
    return ask or Reply(f"Drawing {name}'s last {days} days (meals, food groups, iron, calcium and vitamin D, "
                        f"allergens): the picture is on its way.", "chart")


ROUTE = Route("chart", handle, help="- \"chart\" (or \"week\") for a picture of the last 7 days; \"chart month\" "
                                   "for 30", claim=claims, priority=51, breakout=True, label=False)
