"""The owner's optional daily digest of what caregivers logged: the setting and the text.

Off by default; "digest on" turns it on for each log the sender owns. The clock's job
(`jobs.digests.send_digests`) sends it once per owner per day, after DIGEST_AT their time.
"""
from __future__ import annotations

import re
from datetime import time
from zoneinfo import ZoneInfo

from handlers import access
from handlers.context import Context, InboundMessage, Reply
from handlers.meals import describe_items
from storage.meals import Meal
from storage.models import Membership

DIGEST_AT = time(20, 0)
OFF = re.compile(r"\b(?:off|stop|no|disable|cancel|don'?t)\b", re.I)


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    """'daily digest on/off' (owners only)."""
    owned = access.owner_memberships(ctx)
    if not owned:
        return Reply("The daily digest goes to the parents who own the log.", "caregiver")
    on = not OFF.search(msg.text)
    for membership in owned:
        membership.digest = on
    if on:
        return Reply("Daily digest on: each evening around 8pm I'll text you what caregivers logged that day "
                     "(nothing on days they logged nothing). \"digest off\" stops it.", "caregiver")
    return Reply("Daily digest off.", "caregiver")


def digest_text(owner: Membership, meals: list[Meal], zone: ZoneInfo) -> str | None:
    """What caregivers (anyone but the owners) logged in these meals; None if nothing."""
    household = owner.household
    owners = {m.person_id for m in household.members if m.role == "owner"}
    theirs = [m for m in meals if m.logged_by_id is not None and m.logged_by_id not in owners]
    if not theirs:
        return None
    names = access.names_by_person(household)
    kids = {c.id: c.name for c in household.children}
    lines = ["Today from your caregivers:"]
    for meal in sorted(theirs, key=lambda m: m.eaten_at):
        who = names.get(meal.logged_by_id, "someone no longer on the log")
        at = meal.eaten_at.astimezone(zone).strftime("%I:%M %p").lstrip("0")
        lines.append(f"- {who}: {kids.get(meal.child_id, 'a child')}'s {meal.meal_type} at {at}, "
                     f"{describe_items(meal.items)}")
    return "\n".join(lines)
