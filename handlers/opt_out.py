"""`opt_out`: stop all messages; the confirmation is the last thing this person gets."""
from __future__ import annotations

from handlers.context import Context, InboundMessage, Reply

CONFIRMATION = "You're unsubscribed from TinyTummy and won't get any more messages. Text START to come back."


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    ctx.person.opted_out_at = ctx.now
    ctx.set_step(None)
    return Reply(CONFIRMATION, "opt_out")
