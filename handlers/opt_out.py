"""`opt_out`: stop all messages; the confirmation is the last thing this person gets."""
from __future__ import annotations

from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route
from storage.caregivers import decline_all

CONFIRMATION = "You're unsubscribed from TinyTummy and won't get any more messages. Text START to come back."
# "stop texting me and delete everything": the stop is done now; erasing is asked for by itself, and only
# a subscriber can confirm it, so say how.
ERASE_TOO = "Your family's log is still kept: to erase it, text START and then \"delete my data\"."
ASK = ("Do you want to stop all messages from TinyTummy? Reply STOP to unsubscribe. "
       "Text HELP to see everything else I can do.")
# Unsubscribing someone by mistake is worse than asking: a guessed opt-out must be a sure one.
SURE_OPT_OUT = 0.7


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    found = ctx.found
    if found is not None and found.source != "rule" and found.confidence < SURE_OPT_OUT:
        return Reply(ASK, "opt_out?")
    ctx.person.opted_out_at = ctx.now
    decline_all(ctx.session, ctx.person.phone)  # an invitee's STOP: no invite to this number stays usable
    ctx.end_step()
    if found is not None and "account" in found.intents:
        return Reply(f"{CONFIRMATION} {ERASE_TOO}", "opt_out")
    return Reply(CONFIRMATION, "opt_out")


# Even an unsure opt-out beats a pending step: the handler asks before unsubscribing.
ROUTE = Route("opt_out", handle, breakout=True, sure=0.0, priority=45, needs_household=False)
