"""JOIN 482913: accept an invite texted to this very number, with lock-out after wrong codes."""
from __future__ import annotations

import logging
import re
from dataclasses import replace

from handlers import access, safety
from handlers.context import Context, InboundMessage, Reply
from handlers.notify import tell_person
from knowledge.phones import mask
from knowledge.words import HELLO_WORDS
from storage import caregivers as store
from storage.caregivers import Invite
from storage.models import Household, Membership

logger = logging.getLogger(__name__)
JOIN = re.compile(r"\b(?:join(?:ing)?|accept|code)(?![a-z])\D{0,20}?#?\s*(\d[\d -]{2,10}\d)\b", re.I)
BARE_CODE = re.compile(r"^\W*(\d{3}[\s-]?\d{3})\W*$")
# Where the clause giving the code starts (after the last sentence end, comma or dash before the code), and
# the punctuation or "and" that joined it to what follows ("JOIN 482913 - she had...", "code 482913 and she...").
_CLAUSE_BEFORE = re.compile(r".*(?:[.!?;,\n]|\s[-–—]\s)", re.S)
# Who is writing or that they accept, told before the code ("hi it's grandma", "Hi! Im Rosa, Maya's nanny",
# "Rosa here", "Accepting!"): a hello, then at most a few words saying who, or the acceptance.
_HELLO = rf"(?:(?:{HELLO_WORDS})\b[\s,!.]*)*"
_INTRODUCTION = re.compile(rf"^\W*{_HELLO}(?:(?:this is|it'?s|it is|i'?m|i am|me)\b(?:[\s,]+[\w'’]+){{1,5}}|"
                           rf"(?:[\w'’]+\s+){{1,3}}here|(?:yes\W+)?(?:accept\w*|joining)(?: (?:the |your )?invit\w*)?)?"
                           rf"\W*$", re.I)
_LEAD = re.compile(r"^[\s,;:.!)\-–—]*(?:(?:and|also|plus|then|btw)\b[\s,]*)?", re.I)
NOT_DONE = "I haven't done anything with the rest of your message: send it again once you've joined."
WELCOME = {
    "owner": "You can log meals, send plate photos, ask feeding questions, text \"summary\", and manage the log "
             "(\"who has access\", \"invite ...\").",
    "caregiver": "Text what {kids} ate (\"{first} had 1/2 cup oatmeal\"), send a plate photo, ask a feeding "
                 "question, or text \"summary\".",
    "viewer": "Text \"summary\" or \"this week\" to see how {kids} {are} eating.",
}


def join_code(msg: InboundMessage, ctx: Context) -> str | None:
    """The code in a JOIN message; a bare 6-digit number counts if an invite awaits this number."""
    match = JOIN.search(msg.text or "")
    if match:
        return re.sub(r"\D", "", match.group(1))
    bare = BARE_CODE.match(msg.text or "")
    if bare and store.has_pending_invite(ctx.session, ctx.person.phone):
        return re.sub(r"\D", "", bare.group(1))
    return None


def rest_of(text: str) -> str:
    """What the message says beside joining: the clause that gives the code, and a hello or who is writing
    before it, are cut out ("hi it's grandma, code 482913, can she have honey yet?" -> "can she have honey yet?")."""
    match = JOIN.search(text) or BARE_CODE.match(text)
    if match is None:
        return ""
    told = _CLAUSE_BEFORE.match(text[:match.start()])  # "my code is 482913 and ...": "my code is" goes too
    before = told.group(0).rstrip(" ,;-–—\n") if told else ""
    if _INTRODUCTION.match(before):
        before = ""  # "hi it's grandma": the welcome names her; a meal parser would not know 'grandma'
    after = _LEAD.sub("", text[match.end():])
    if before and not before.endswith((".", "!", "?")):
        before += "."
    return " ".join(part for part in (before, after) if re.search(r"[^\W\d_]", part))


def join(msg: InboundMessage, ctx: Context) -> Reply:
    """Join the log the code opens; what the message says beside the code is handed on, the new member's."""
    code = join_code(msg, ctx) or ""
    phone, session, now = ctx.person.phone, ctx.session, ctx.now
    if store.locked_until(session, phone, now) is not None:
        return _refused(msg, ctx, "Too many wrong codes from this number, so joining is paused for an hour. "
                                  "Please try again later.")
    invite = store.invite_for_code(session, phone, code) if len(code) == 6 else None
    if invite is None:
        store.record_wrong_code(session, phone, now)
        logger.info("wrong join code from %s", mask(phone))
        if store.locked_until(session, phone, now) is not None:
            return _refused(msg, ctx, "That code didn't work either. After 5 wrong codes joining is paused for an "
                                      "hour; please check the invite text and try again then.")
        return _refused(msg, ctx, "That code doesn't match an invite sent to this number. Check the invite text "
                                  "and reply JOIN with its 6 digits.")
    household = invite.household
    if not invite.live(now):
        return _refused(msg, ctx, "That invite has expired (invites last 72 hours). "
                                  f"Ask {access.parent_name(household)} to send a new one.")
    if not store.accept(session, invite, now):
        return _refused(msg, ctx, "That invite was already used or cancelled.")
    return _welcome(ctx, invite, household, rest=rest_of(msg.text))


def _refused(msg: InboundMessage, ctx: Context, why: str) -> Reply:
    """No log was joined, so no household is reachable: the rest of the message is not done, and we say so."""
    rest = replace(msg, text=rest_of(msg.text))
    return Reply(f"{why} {NOT_DONE}" if rest.text and safety.has_substance(rest, ctx) else why, "caregiver")


def _welcome(ctx: Context, invite: Invite, household: Household, rest: str) -> Reply:
    """Add the membership, tell the parents, and greet the newcomer; `rest` is routed after the greeting."""
    person = ctx.person
    _drop_empty_households(ctx, keep=household.id)
    membership = store.join(ctx.session, household, person, role=invite.role, name=invite.name,
                            child_ids=invite.child_ids, now=ctx.now)
    if person.timezone is None:  # "today" for their meals is the family's day
        owner = next((m.person for m in household.members if m.person_id == household.owner_id), None)
        person.timezone = owner.timezone if owner is not None else None
    children = access.covered_children(household, membership.child_ids)
    kids = access.child_names(children) if children else "the children"
    for owner in _owners(household, but=person.id):
        tell_person(ctx, owner.person, f"{invite.name} joined {kids}'s log.", "caregiver",
                    f"joined:{invite.id}:{owner.person_id}")
    logger.info("%s joined household %s as %s", mask(person.phone), household.id, membership.role)
    first = children[0].name if children else "She"
    how = WELCOME[membership.role].format(kids=kids, first=first, are="are" if len(children) > 1 else "is")
    return Reply(f"Welcome, {invite.name}! You're on {kids}'s log with {access.parent_name(household)}. {how} "
                 "Text \"leave\" to stop, HELP for more.", "caregiver", rest=rest)


def _owners(household: Household, but: int) -> list[Membership]:
    return [m for m in household.members if m.role == "owner" and m.person_id != but]


def _drop_empty_households(ctx: Context, keep: int) -> None:
    """A newcomer who texted before joining got a set-up with no child yet: drop it, keep the join."""
    for membership in list(ctx.person.memberships):
        household = membership.household
        if household.id != keep and household.owner_id == ctx.person.id and not household.children \
                and len(household.members) == 1:
            ctx.session.delete(household)
            if (ctx.step or "").startswith(("onboarding.", "add_child.")):
                ctx.end_step()
    ctx.session.flush()
    ctx.session.expire(ctx.person, ["memberships"])
