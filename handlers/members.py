"""Who has access, removing someone, leaving, changing a role and the owner's daily digest."""
from __future__ import annotations

import re

from handlers import access
from handlers.context import Context, InboundMessage, Reply
from handlers.invite_text import find_role
from handlers.invites import matches_person, names
from handlers.notify import tell_person
from storage import caregivers as store
from storage.models import Household, Membership

REMOVE_LEAD = re.compile(r"^\W*(?:please\s+)?(?:remove|delete|kick|unlink|take|revoke(?: access)?(?: for| from)?|"
                         r"stop sharing with|stop letting|block)\b\s*", re.I)
REMOVE_TAIL = re.compile(r"\s*\b(?:off|out|from (?:the )?(?:log|account|caregivers|list|access|\w+'s log)|"
                         r"from \w+|access|log(?:ging)?(?: meals)?)\b.*$|[,.!?].*$", re.I)
ROLE_CHANGE = re.compile(r"^\W*(?:make|set|change)\s+(.+?)\s+(?:to |into |as |an? )*(owner|co-?owner|co-?parent|"
                         r"caregiver|viewer|view[- ]only)\W*$", re.I)


def _owned(ctx: Context) -> list[Membership]:
    return access.owner_memberships(ctx)


def who_has_access(msg: InboundMessage, ctx: Context) -> Reply:
    """Members and pending invites of each of the sender's households; numbers only for owners."""
    blocks = []
    for mine in ctx.person.memberships:
        household = mine.household
        owner = mine.may("manage")
        lines = [f"{access.child_names(household.children) if household.children else 'Your'}'s log:"]
        for member in sorted(household.members, key=lambda m: (m.role != "owner", m.id)):
            who = "You" if member.person_id == ctx.person.id else access.display_name(member)
            number = f", {access.pretty_phone(member.person.phone)}" if owner and member.person_id != ctx.person.id else ""
            lines.append(f"- {who}{number} ({member.role}{_for_whom(household, member.child_ids)})")
        if owner:
            for invite in store.pending_invites(ctx.session, household.id, ctx.now):
                lines.append(f"- invited: {invite.name}, {access.pretty_phone(invite.phone)} ({invite.role}, until "
                             f"{invite.expires_at.astimezone(ctx.zone).strftime('%b %-d')})")
        blocks.append("\n".join(lines))
    if not blocks:
        return Reply("You're not on anyone's log yet.", "caregiver")
    tip = ("\nTo change it, text \"remove\" or \"cancel invite\" and a name."
           if _owned(ctx) else "\nText \"leave\" to take yourself off.")
    return Reply("\n\n".join(blocks) + tip, "caregiver")


def _for_whom(household: Household, child_ids: list[int] | None) -> str:
    if child_ids is None or len(household.children) < 2:
        return ""
    return ", " + access.child_names(access.covered_children(household, child_ids))


def members_named(ctx: Context, target: str) -> list[Membership]:
    """Members of households the sender owns whom the text names, never the sender."""
    return [m for mine in _owned(ctx) for m in mine.household.members
            if m.person_id != ctx.person.id and matches_person(target, m.name, m.person, ctx)]


def invite_named(ctx: Context, target: str) -> bool:
    """Whether the text names a pending invite of a household the sender owns."""
    return any(names(target, i.name, i.phone, ctx) for m in _owned(ctx)
               for i in store.pending_invites(ctx.session, m.household_id, ctx.now))


def remove(msg: InboundMessage, ctx: Context) -> Reply:
    """'remove grandma' / 'remove +1 415 555 0134': access ends now; they are told once."""
    if not _owned(ctx):
        return Reply("Only a parent who owns the log can remove people. Text \"leave\" to take yourself off.",
                     "caregiver")
    target = REMOVE_TAIL.sub("", REMOVE_LEAD.sub("", msg.text)).strip()
    found = members_named(ctx, target)
    if not found:
        from handlers.invites import cancel

        if invite_named(ctx, target):
            return cancel(InboundMessage(msg.channel, msg.sender, f"cancel invite {target}", msg.sid), ctx)
        return Reply(f"I couldn't find \"{target}\" on your log. Text \"who has access\" to see everyone.",
                     "caregiver")
    if len(found) > 1:
        names = "; ".join(f"{access.display_name(m)} ({access.pretty_phone(m.person.phone)})" for m in found)
        return Reply(f"Which one? {names}. Text \"remove\" and their number.", "caregiver")
    member = found[0]
    household = member.household
    if member.person_id == household.owner_id:
        return Reply("The parent who started the log can't be removed.", "caregiver")
    name, person, kids = access.display_name(member), member.person, _kids(household)
    store.leave(ctx.session, member)
    tell_person(ctx, person, f"{access.parent_name(household)} removed you from {kids}'s log on TinyTummy, so "
                f"you can no longer see or log {kids}'s meals.", "caregiver", f"removed:{member.id}")
    return Reply(f"Removed {name}: they can no longer see or log {kids}'s meals. I've let them know.", "caregiver")


def _kids(household: Household) -> str:
    return access.child_names(household.children) if household.children else "the family"


def leave(msg: InboundMessage, ctx: Context) -> Reply:
    """A caregiver, viewer or second owner takes themself off a log; its parents are told."""
    mine = [m for m in ctx.person.memberships if m.person_id != m.household.owner_id]
    if len(mine) > 1:
        named = [m for m in mine if any(re.search(rf"\b{re.escape(c.name)}\b", msg.text, re.I)
                                        for c in m.household.children)]
        if len(named) != 1:
            choices = " or ".join(f"\"leave {m.household.children[0].name}\"" for m in mine if m.household.children)
            return Reply(f"You're on more than one log. Which one? Text {choices}.", "caregiver")
        mine = named
    if not mine:
        if ctx.person.memberships:
            return Reply("You started this log, so you can't leave it. Text \"delete my data\" to erase it, or "
                         "STOP to stop all messages.", "caregiver")
        return Reply("You're not on anyone's log.", "caregiver")
    member = mine[0]
    household, name = member.household, access.display_name(member)
    kids = _kids(household)
    for owner in (m for m in household.members if m.role == "owner" and m.person_id != ctx.person.id):
        tell_person(ctx, owner.person, f"{name} left {kids}'s log.", "caregiver", f"left:{member.id}:{owner.person_id}")
    store.leave(ctx.session, member)
    return Reply(f"Done: you're no longer on {kids}'s log.", "caregiver")


def change_role(msg: InboundMessage, ctx: Context) -> Reply:
    """'make grandma a viewer': owners change what a member may do."""
    match = ROLE_CHANGE.match(msg.text)
    if not _owned(ctx) or match is None:
        return Reply("Only a parent who owns the log can change what people may do.", "caregiver")
    found = members_named(ctx, match.group(1))
    if len(found) != 1 or found[0].person_id == found[0].household.owner_id:
        return Reply(f"I couldn't find \"{match.group(1)}\" among the people you can change. "
                     "Text \"who has access\".", "caregiver")
    member = found[0]
    member.role = find_role(f"as {match.group(2)}")
    return Reply(f"Done: {access.display_name(member)} is now a {member.role} on {_kids(member.household)}'s log.",
                 "caregiver")
