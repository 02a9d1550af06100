"""`caregiver`: invite someone, JOIN with a code, who has access, remove, leave, roles, the digest.

Unmistakable commands ("JOIN 482913", "who has access", "remove grandma" naming someone on the
log) are claimed before the classifier and before any pending step; the rest arrive as the
`caregiver` intent. Every command works only on the sender's own memberships.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from handlers import access, digest, invites, joining, members
from handlers.context import Context, InboundMessage, Reply
from handlers.invite_text import PHONE, phone_in
from handlers.media import kind_of
from handlers.routes import Route

WHO = re.compile(r"^\W*(?:who(?: else)? (?:has|have|had) access|who(?: else)? (?:can|could|is able to) (?:see|log|add|view|"
                 r"access)|who are (?:the |our |my |\w+'s )?(?:caregivers|members)|list (?:the |all )?(?:caregivers|"
                 r"members|people|everyone)|(?:show )?(?:caregivers|members|access)\W*$)", re.I)
DIGEST = re.compile(r"^\W*(?:(?:please\s+)?(?:turn|switch|set|send me|stop|start|no more)\s+)?(?:on\s+|off\s+)?"
                    r"(?:the\s+|a\s+|my\s+)?(?:daily\s+|caregiver\s+|evening\s+)?digests?(?:\s+(?:on|off|please))?\W*$",
                    re.I)
LEAVE = re.compile(r"^\W*(?:please\s+)?leave(?:\s+(?:the\s+)?(?:log|([A-Za-z'-]+?)(?:'s)?(?:\s+log)?))?\W*$", re.I)
INVITE = re.compile(r"^\W*(?:please\s+)?invite\b", re.I)
ADD_NUMBER = re.compile(r"^\W*(?:please\s+)?(?:add|share|give)\b", re.I)
HELP = ("To add someone: \"invite grandma +1 415 555 0134\" (add \"as a viewer\" for summaries only, or a "
        "child's name). Also: \"who has access\", \"remove grandma\", \"cancel invite grandma\", \"leave\", "
        "\"make grandma a viewer\", \"digest on\".")

Command = Callable[[InboundMessage, Context], Reply]


def _is_removal(msg: InboundMessage, ctx: Context) -> bool:
    """'remove ...' naming a member or pending invite of a log the sender owns (or any number)."""
    if not members.REMOVE_LEAD.match(msg.text):
        return False
    target = members.REMOVE_TAIL.sub("", members.REMOVE_LEAD.sub("", msg.text)).strip()
    if not target:
        return False
    if PHONE.search(target):
        return True
    return bool(members.members_named(ctx, target)) or members.invite_named(ctx, target)


def _is_leaving(msg: InboundMessage, ctx: Context) -> bool:
    """'leave', 'leave the log', 'leave Maya's log' ('leave it' is not about a log)."""
    match = LEAVE.match(msg.text)
    if match is None or not ctx.person.memberships:
        return False
    named = match.group(1)
    return named is None or any(c.name.lower() == named.lower() for m in ctx.person.memberships
                                for c in m.household.children)


# (test, command): the first test that holds picks the command; the claim uses the same table.
COMMANDS: tuple[tuple[Callable[[InboundMessage, Context], bool], Command], ...] = (
    (lambda m, c: joining.join_code(m, c) is not None, joining.join),
    (lambda m, c: bool(invites.CANCEL_LEAD.match(m.text)), invites.cancel),
    (lambda m, c: bool(WHO.match(m.text)), members.who_has_access),
    (lambda m, c: bool(DIGEST.search(m.text)), digest.handle),
    (lambda m, c: bool(members.ROLE_CHANGE.match(m.text)), members.change_role),
    (lambda m, c: _is_leaving(m, c), members.leave),
    (_is_removal, members.remove),
    (lambda m, c: bool(INVITE.match(m.text)) or (bool(ADD_NUMBER.match(m.text)) and phone_in(m.text) is not None),
     invites.start),
)


def claims(msg: InboundMessage, ctx: Context, found: Any = None) -> bool:
    """Whether this message is unmistakably a caregiver command, whatever the classifier thinks
    (someone on no log yet can only be joining one)."""
    if not msg.text:
        return False
    if not ctx.households:
        return joining.join_code(msg, ctx) is not None
    return any(test(msg, ctx) for test, _ in COMMANDS)


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    if not ctx.households and joining.join_code(msg, ctx) is None:
        from handlers import REGISTRY

        return REGISTRY.by_intent["onboarding"].handle(msg, ctx)  # a new parent asking about caregivers
    for test, command in COMMANDS:
        if test(msg, ctx):
            return command(msg, ctx)
    if members.REMOVE_LEAD.match(msg.text):
        return members.remove(msg, ctx)
    if access.owner_memberships(ctx) and re.search(r"\b(?:add|invite|share|give|let|send)\b", msg.text, re.I):
        return invites.start(msg, ctx)
    return Reply(HELP, "caregiver")


def _contact_card_from_owner(msg: InboundMessage, ctx: Context, found: Any = None) -> bool:
    return kind_of(msg) == "contact" and bool(access.owner_memberships(ctx))


def contact_card(msg: InboundMessage, ctx: Context) -> Reply:
    """A shared contact card: a job reads it and texts back the invite to confirm."""
    inbound_id = ctx.settings["inbound_id"]
    ctx.enqueue("read_contact_card", inbound_id, job_id=f"contact-{inbound_id}")
    return Reply("Got the contact card - reading it now; I'll text you who to invite.", "caregiver")


# Claims are tried after questions' (50) and alongside opt-out's (45): "what about her brother?" is a
# question even when the classifier hears a relative.
ROUTE = Route("caregiver", handle, help="- \"invite grandma +1 415 555 0134\" to add a grandparent, nanny or "
              "partner; \"who has access\"", steps=invites.STEPS, claim=claims, priority=45, breakout=True,
              needs_household=False)
# A contact card from an owner beats the generic media answer (80).
CONTACT_CARD = Route("contact_card", contact_card, claim=_contact_card_from_owner, priority=85, breakout=True,
                     label=False)
