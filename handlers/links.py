"""`revoke_link`: "revoke link" turns off every private link we sent this person (calendars, exports,
reports, charts, the household page). "delete my data" removes them with the person."""
from __future__ import annotations

import re

from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route
from storage import links

REVOKE = re.compile(r"^\W*(?:please\s+)?(?:revoke|cancel|turn off|disable|kill|stop)\s+"
                    r"(?:the\s+|my\s+|all\s+(?:my\s+|the\s+)?)?"
                    r"(?:private\s+)?(?:links?|page|pages|urls?)\W*$", re.I)


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    count = links.revoke_all(ctx.session, ctx.person.id, ctx.now)
    if not count:
        return Reply("You have no open links. Nothing to turn off.", "revoke_link")
    return Reply(f"Done: {count} link{'s' if count != 1 else ''} turned off. Anyone who opens "
                 f"{'them' if count != 1 else 'it'} now gets nothing.", "revoke_link")


def claims(msg: InboundMessage, ctx: Context, found) -> bool:
    return bool(REVOKE.match(msg.text))


ROUTE = Route("revoke_link", handle, help="- \"revoke link\" turns off every link I sent you", claim=claims,
              priority=51, breakout=True, label=False, needs_household=False)
