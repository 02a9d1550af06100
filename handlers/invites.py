"""Inviting someone into a household: read the request, confirm who and for which children, send
the invite through the outbox, and let the parent cancel it. Only owners invite."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from handlers import access
from handlers.context import Context, InboundMessage, Reply, StepData
from handlers.invite_text import InviteRequest, find_children, find_name, find_phone, find_role, read_invite
from handlers.notify import tell
from handlers.routes import Step
from knowledge.phones import country_of
from storage import caregivers as store
from storage.models import Household, Person
from storage.people import person_by_phone

YES = re.compile(r"^\W*(?:yes|y|yep|yeah|yup|ok(?:ay)?|sure|send(?: it)?|go ahead|do it|confirm)\W*(?:please)?\W*$",
                 re.I)
NO = re.compile(r"^\W*(?:no|n|nope|don'?t|do not|never ?mind|nvm|cancel that|not now)\W*$", re.I)
ROLE_CAN = {"owner": "log meals, see summaries and manage the log like you",
            "caregiver": "log meals, send photos, ask questions and see summaries",
            "viewer": "see summaries only"}
ONLY_OWNERS = "Only a parent who owns the log can invite people."


@dataclass
class PendingInvite(StepData):
    """An invite the parent has asked for and not yet confirmed (kept in the conversation)."""

    household_id: int | None = None
    phone: str | None = None
    name: str | None = None
    role: str = "caregiver"
    child_ids: list[int] | None = None


def _save(ctx: Context, step: str, pending: PendingInvite) -> None:
    ctx.set_step(step, pending)


def _load(ctx: Context) -> PendingInvite | None:
    pending = ctx.step_data(PendingInvite)
    return pending if pending.household_id else None


def _household(ctx: Context, household_id: int) -> Household | None:
    """The household, only if the sender owns it now (checked again at every step)."""
    return next((m.household for m in access.owner_memberships(ctx) if m.household_id == household_id), None)


def _region(ctx: Context) -> str:
    return country_of(ctx.person.phone) or "US"


def start(msg: InboundMessage, ctx: Context) -> Reply:
    """'invite grandma +1 415 555 0134': check, then ask the parent to confirm."""
    owned = access.owner_memberships(ctx)
    if not owned:
        return Reply(ONLY_OWNERS, "caregiver")
    children = [c for m in owned for c in m.household.children]
    request = read_invite(msg.text, children, _region(ctx))
    if request.bad_number:
        return Reply(f"I couldn't read \"{request.bad_number}\" as a phone number. Send it with the area code, "
                     "like +1 415 555 0134.", "caregiver")
    return propose(ctx, request)


def propose(ctx: Context, request: InviteRequest) -> Reply:
    """Ask for what the request lacks, then for confirmation; nothing is sent yet."""
    owned = access.owner_memberships(ctx)
    if not owned:
        return Reply(ONLY_OWNERS, "caregiver")
    children = [c for m in owned for c in m.household.children]
    named = [c for c in children if request.child_ids and c.id in request.child_ids]
    household = named[0].household if named else owned[0].household
    if not household.children:
        return Reply("Let's finish setting up your child first; then you can invite people to the log.", "caregiver")
    if not named and len(owned) > 1:
        return Reply(f"Which child is this invite for? Add a name, like \"invite grandma +1 415 555 0134 for "
                     f"{children[0].name}\".", "caregiver")
    ids = [i for i in request.child_ids or [] if i in {c.id for c in household.children}] or None
    pending = PendingInvite(household_id=household.id, phone=request.phone, name=request.name, role=request.role,
                            child_ids=ids)
    return _next_question(ctx, pending)


def _next_question(ctx: Context, pending: PendingInvite) -> Reply:
    """Ask for whatever is missing (number, then name), then for confirmation."""
    household = _household(ctx, pending.household_id)
    if household is None:
        ctx.end_step()
        return Reply(ONLY_OWNERS, "caregiver")
    if pending.phone is None:
        _save(ctx, "caregiver.number", pending)
        who = pending.name or "them"
        return Reply(f"What's {who}'s mobile number? (like +1 415 555 0134)", "caregiver")
    problem = _refuse(ctx, household, pending.phone)
    if problem:
        ctx.end_step()
        return Reply(problem, "caregiver")
    if pending.name is None:
        _save(ctx, "caregiver.name", pending)
        return Reply(f"What should I call {access.pretty_phone(pending.phone)}? A name like Grandma or Sam.",
                     "caregiver")
    _save(ctx, "caregiver.confirm", pending)
    kids = access.child_names(access.covered_children(household, pending.child_ids))
    return Reply(f"Invite {pending.name} ({access.pretty_phone(pending.phone)}) as a {pending.role} for {kids}? "
                 f"They could {ROLE_CAN[pending.role]}. Reply YES to send the invite or NO to cancel "
                 "(or VIEWER, CAREGIVER, OWNER, or a child's name, to change it).", "caregiver")


def _refuse(ctx: Context, household: Household, phone: str) -> str | None:
    """Why this number cannot be invited now, if it cannot."""
    if phone == ctx.person.phone:
        return "That's your own number. Send the number of the person you'd like to invite."
    invitee = person_by_phone(ctx.session, phone)
    if invitee is not None and any(m.household_id == household.id for m in invitee.memberships):
        return f"{access.pretty_phone(phone)} is already on this log. Text \"who has access\" to see everyone."
    if invitee is not None and invitee.opted_out:
        return "That number has asked not to get messages from TinyTummy, so I can't invite it."
    if store.invites_sent_since(ctx.session, household.id, ctx.now - timedelta(days=1)) >= store.MAX_PER_DAY:
        return f"That's {store.MAX_PER_DAY} invites today, the daily limit. Please try again tomorrow."
    replacing = store.pending_invites(ctx.session, household.id, ctx.now, phone=phone)
    if len(store.pending_invites(ctx.session, household.id, ctx.now)) - len(replacing) >= store.MAX_PENDING:
        return (f"You already have {store.MAX_PENDING} invites waiting for an answer. Cancel one first "
                "(\"cancel invite Grandma\") or wait for them to join.")
    return None


def _other_intent(ctx: Context) -> bool:
    """The message is clearly something else (a meal, a question): handle it, then ask again."""
    found = ctx.found
    return found is not None and found.intent not in ("caregiver", "greeting", "help") and found.confidence >= 0.6


def answer_number(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    pending = _load(ctx)
    phone, bad, _ = find_phone(msg.text, _region(ctx))
    if pending is None:
        ctx.end_step()
        return None
    if phone is None and bad is None:
        return None
    if phone is None:
        return Reply(f"I couldn't read \"{bad}\" as a phone number. Send it with the area code, like +1 415 555 0134.",
                     "caregiver")
    pending.phone = phone
    return _next_question(ctx, pending)


def answer_name(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    pending = _load(ctx)
    if pending is None:
        ctx.end_step()
        return None
    name = find_name(msg.text, [])
    if name is None or _other_intent(ctx):
        return None
    pending.name = name
    return _next_question(ctx, pending)


def answer_confirm(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    """YES sends; NO drops it; a role or a child's name changes it; anything else is handled first."""
    pending = _load(ctx)
    household = _household(ctx, pending.household_id) if pending else None
    if pending is None or household is None:
        ctx.end_step()
        return None
    text = msg.text
    if YES.match(text):
        ctx.end_step()
        return send(ctx, household, pending)
    if NO.match(text):
        ctx.end_step()
        return Reply("Okay, no invite sent.", "caregiver")
    role = find_role(text, default="")
    ids = find_children(text, household.children)
    if (role or ids) and len(text.split()) <= 6:
        pending.role = role or pending.role
        if ids:
            pending.child_ids = ids if len(ids) < len(household.children) else None
        return _next_question(ctx, pending)
    return None


def send(ctx: Context, household: Household, pending: PendingInvite) -> Reply:
    """Create the invite and text it to the number; the code goes only there."""
    problem = _refuse(ctx, household, pending.phone)
    if problem:
        return Reply(problem, "caregiver")
    invite, code = store.create_invite(ctx.session, household=household, invited_by=ctx.person, phone=pending.phone,
                                       name=pending.name, role=pending.role, child_ids=pending.child_ids, now=ctx.now)
    kids = access.child_names(access.covered_children(household, pending.child_ids))
    body = (f"{_inviter(ctx, household, kids)} invited you to {kids}'s feeding log on TinyTummy, a text helper families use to log "
            f"what little ones eat and ask feeding questions. Reply JOIN {code} to accept, or STOP to never "
            "hear from us.")
    tell(ctx, phone=pending.phone, person=person_by_phone(ctx.session, pending.phone), body=body, kind="invite",
         key=f"invite:{invite.id}")
    return Reply(f"Invite sent to {pending.name} at {access.pretty_phone(pending.phone)}; it works for 72 hours. "
                 f"I'll tell you when they join. Text \"cancel invite {pending.name}\" to withdraw it.", "caregiver")


def _inviter(ctx: Context, household: Household, kids: str) -> str:
    """Who the invite is from, so the invitee knows it is real: a name if we have one, and the number."""
    me = next(m for m in ctx.person.memberships if m.household_id == household.id)
    who = access.display_name(me) if (me.name or ctx.person.name) else f"{kids}'s parent"
    return f"{who} ({access.pretty_phone(ctx.person.phone)})"


CANCEL_LEAD = re.compile(r"^\W*(?:cancel|withdraw|revoke|delete|undo)\b\s*(?:the |my )?(?:invite|invitation)s?\b"
                         r"\s*(?:to|for)?\s*", re.I)


def cancel(msg: InboundMessage, ctx: Context) -> Reply:
    """'cancel invite grandma' (by name or number): the code stops working at once."""
    owned = access.owner_memberships(ctx)
    if not owned:
        return Reply(ONLY_OWNERS, "caregiver")
    target = CANCEL_LEAD.sub("", msg.text).strip(" .!?")
    invites = [i for m in owned for i in store.pending_invites(ctx.session, m.household_id, ctx.now)]
    matches = [i for i in invites if names(target, i.name, i.phone, ctx)] if target else invites
    if not matches:
        return Reply("I don't see a pending invite like that. Text \"who has access\" to see them.", "caregiver")
    if len(matches) > 1:
        listed = ", ".join(f"{i.name} ({access.pretty_phone(i.phone)})" for i in matches)
        return Reply(f"Which invite? {listed}. Text \"cancel invite\" and the name or number.", "caregiver")
    matches[0].status = "cancelled"
    return Reply(f"Cancelled the invite to {matches[0].name}; that code no longer works.", "caregiver")


def names(target: str, name: str | None, phone: str, ctx: Context) -> bool:
    """Whether the text names this person: by name (any word order, 'the nanny') or by number."""
    number, _, _ = find_phone(target, _region(ctx))
    if number is not None:
        return number == phone
    wanted = (find_name(target, []) or "").lower()
    return bool(wanted) and (name or "").lower() == wanted


def matches_person(target: str, name: str | None, person: Person, ctx: Context) -> bool:
    """Like `_is`, for a member: their household name or their own name, or their number."""
    return names(target, name, person.phone, ctx) or (bool(person.name) and names(target, person.name, person.phone, ctx))


def _ask_again(ctx: Context) -> str:
    """The pending question, asked again after an interruption."""
    pending = _load(ctx)
    return _next_question(ctx, pending).text if pending else ""


STEPS = (Step("caregiver.number", answer_number, _ask_again, PendingInvite),
         Step("caregiver.name", answer_name, _ask_again, PendingInvite),
         Step("caregiver.confirm", answer_confirm, _ask_again, PendingInvite))
