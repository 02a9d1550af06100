"""`opt_in`: START / UNSTOP bring an opted-out person back."""
from __future__ import annotations

import re

from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route

# Twilio's opt-in keywords, plus plain ways of saying the same, as the whole message.
OPT_IN = re.compile(r"^\W*(start|unstop|yes|resubscribe|subscribe|start again|opt ?in)\W*$", re.I)


def is_opt_in(text: str) -> bool:
    return bool(OPT_IN.match(text or ""))


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    if ctx.person.opted_out_at is None:
        return Reply("You're already subscribed. Text HELP to see what I can do.", "opt_in")
    ctx.person.opted_out_at = None
    return Reply("Welcome back to TinyTummy! Your family's profile is as you left it. Text HELP to see what I can do.",
                 "opt_in")


def while_opted_out(msg: InboundMessage, ctx: Context) -> Reply:
    """An opted-out person gets nothing, unless they are opting back in."""
    return handle(msg, ctx) if is_opt_in(msg.text) else Reply("", "opted_out")


ROUTE = Route("opt_in", handle, needs_household=False)
# Claims every message from an opted-out person, before anything but the emergency pass.
OPTED_OUT = Route("opted_out", while_opted_out, claim=lambda msg, ctx, found: ctx.person.opted_out,
                  priority=100, breakout=True, label=False, needs_household=False)
