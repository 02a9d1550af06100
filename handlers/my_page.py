"""`my_page`: "my page" answers with a private link to a read-only web page for the household: the
same facts as the pediatrician report, with each child's chart. One link per household the person
may view; it shows only the children their role covers, and closes when they lose access."""
from __future__ import annotations

import re

from handlers.access import child_names
from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route
from storage import links

PAGE = re.compile(r"^\W*(?:(?:send|show|give)\s+(?:me\s+)?)?(?:my|our|the|a)\s+(?:family\s+|household\s+|private\s+)?"
                  r"(?:page|dashboard|web\s*page|website)(?:\s+link)?(?:\s+please)?\W*$", re.I)


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    households = {c.household_id: c.household for c in ctx.children}
    if not households:
        return Reply("No children on your log yet. Text \"add a child\" to start.", "my_page")
    lines = []
    for household in households.values():
        link = links.create(ctx.session, kind="page", now=ctx.now, person_id=ctx.person.id, household_id=household.id)
        token = links.issue(ctx.session, link, ctx.now)
        shown = [c for c in ctx.children if c.household_id == household.id]
        lines.append(f"{child_names(shown)}: {ctx.public_url}/page/{token}")
    return Reply(f"Your family's page (charts, foods, allergens, nutrients), read-only, private to you and valid "
                 f"{links.LINK_DAYS} days:\n" + "\n".join(lines) + "\nText \"revoke link\" to turn it off.", "my_page")


def claims(msg: InboundMessage, ctx: Context, found) -> bool:
    return bool(PAGE.match(msg.text))


ROUTE = Route("my_page", handle, help="- \"my page\" for a private web page with charts", claim=claims, priority=51,
              breakout=True, label=False)
