"""`opt_in`: START / UNSTOP bring an opted-out person back."""
from __future__ import annotations

import re

from handlers.context import Context, InboundMessage, Reply

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
