"""`account`: what we keep about a person, and erasing all of it on request."""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import update

from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route, Step
from handlers.steps import ConfirmDelete
from storage.models import Conversation, Inbound, Outbound

DELETE = re.compile(r"\b(delete|erase|remove|wipe|close|forget)\b.*\b(account|data|everything|info|information|"
                    r"profile|me|number)\b", re.I)
CONFIRM = re.compile(r"^\W*delete\W*$", re.I)
# A short "no" of up to three words keeps everything: "no", "no wait", "nope keep it".
KEEP = re.compile(r"^\W*(no|nope|nah|cancel|keep|don'?t|never ?mind|nvm|wait|ok|okay)\b\W*(\w+\W*){0,2}$", re.I)
ASK_CONFIRM = ("This erases your profile, your children's profiles and meals, and our messages. "
               "Reply DELETE to confirm, or anything else to keep everything.")
STILL_ASKING = "Nothing is deleted. Reply DELETE if you do want everything erased."
WHAT_WE_KEEP = ("I keep your number and settings, your children's names, birth dates, allergies and dislikes, "
                "the meals you log and the messages you send me (to answer them). Only you and caregivers you "
                "invite can see them. Text \"export my data\" for a copy, \"delete my data\" to erase everything.")


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    if DELETE.search(msg.text):
        ctx.set_step("account.confirm_delete", ConfirmDelete())
        return Reply(ASK_CONFIRM, "account")
    return Reply(WHAT_WE_KEEP, "account")


def confirm_delete(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    """DELETE erases; a short no keeps everything; anything else is handled as its own message."""
    if not CONFIRM.match(msg.text):
        if KEEP.match(msg.text):
            ctx.end_step()
            return Reply("Okay, nothing was deleted.", "account")
        return None  # handled as its own message; STILL_ASKING follows it
    erase(ctx)
    return Reply("Done: everything about you and your household is erased. If you text again, we'll start fresh.",
                 "account")


def erase(ctx: Context) -> None:
    """Delete the person, households they own (children, meals) and blank their message texts."""
    session, person = ctx.session, ctx.person
    for membership in list(person.memberships):
        if membership.household.owner_id == person.id:  # a second owner or a caregiver only leaves
            session.delete(membership.household)
        else:
            session.delete(membership)
    session.flush()
    session.expire(person, ["memberships"])  # the database cascade removed them already
    # Message rows stay for redelivery checks, but without a text or a link to the person.
    session.execute(update(Inbound).where(Inbound.person_id == person.id)
                    .values(body="", sender="", media=[], person_id=None, reply_parts=[]))
    session.execute(update(Outbound).where(Outbound.person_id == person.id)
                    .values(body="", to_address="", person_id=None))
    conv = session.get(Conversation, person.id)
    if conv is not None:
        session.delete(conv)
    session.delete(person)
    session.flush()
    ctx.settings["erased"] = True


STEPS = {"account.confirm_delete": confirm_delete}


ROUTE = Route("account", handle, help="- \"delete my data\" to erase everything", breakout=True, priority=45,
              needs_household=False,
              steps=(Step("account.confirm_delete", confirm_delete, lambda ctx: STILL_ASKING, ConfirmDelete),))
