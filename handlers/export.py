"""`export`: "export my data" answers with a private link to a zip of everything we keep for an owner.

Owners only: the intent is not in `handlers.access.INTENT_ACTIONS`, so it needs "manage" and
caregivers and viewers get the plain refusal. The zip is built when the link is opened.
"""
from __future__ import annotations

import re

from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route
from storage import links

EXPORT = re.compile(r"^\W*(?:(?:can|could) (?:you|i) )?(?:please\s+)?(?:export|download|send me|give me)\s+"
                    r"(?:(?:a\s+)?copy of\s+)?"
                    r"(?:all\s+)?(?:of\s+)?(?:my|our|the)\s+(?:data|info|information|log|records?|everything)"
                    r"(?:\s+(?:please|pls))?\W*$|^\W*(?:data\s+)?export\W*$", re.I)


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    owned = [m for m in ctx.person.memberships if m.may("manage")]
    if not owned:
        return Reply("Only a parent on the log can export its data.", "export")
    link = links.create(ctx.session, kind="export", now=ctx.now, person_id=ctx.person.id)
    token = links.issue(ctx.session, link, ctx.now)
    return Reply(f"Your data (profile, children, meals with foods and nutrients, questions and answers, settings) "
                 f"as a zip of JSON and CSV files, private to you and valid {links.LINK_DAYS} days: "
                 f"{ctx.public_url}/files/{token}/tinytummy-export.zip\n"
                 f"Text \"revoke link\" to turn off every link I sent you.", "export")


def claims(msg: InboundMessage, ctx: Context, found) -> bool:
    return bool(EXPORT.match(msg.text))


ROUTE = Route("export", handle, help="- \"export my data\" for a zip of everything (parents)", claim=claims,
              priority=51, breakout=True, label=False)
