"""Who may do what: the action each intent needs, the reply when no role allows it, and names.

The router sets `ctx.action` from here before a handler runs, so `ctx.children` holds only the
children the sender's memberships allow that action on; nothing is looked up from the message
without going through it.
"""
from __future__ import annotations

import re

from handlers.context import Context, Reply
from storage.models import Child, Household, Membership, Person

# The action each intent needs. An intent not listed here is for owners only ("manage"): a new
# route (an export, say) is closed to caregivers until it is listed with a lesser action.
INTENT_ACTIONS = {
    "log_meal": "log", "undo": "log", "photo": "log", "voice": "log", "contact_card": "manage",
    "question": "ask", "plan": "ask",
    "summary": "view", "streak": "view", "doctor_report": "view", "chart": "view", "my_page": "view",
    "profile": "manage", "settings": "manage",
    # These touch only the sender's own record (or check roles themselves, as caregiver does).
    "help": "view", "greeting": "view", "opt_out": "view", "opt_in": "view", "opted_out": "view",
    "account": "view", "media": "view", "onboarding": "view", "caregiver": "view", "revoke_link": "view",
}
# A pending step continues with the action of the flow that asked it ("meal.unknown" -> log).
STEP_ACTIONS = {"meal": "log", "photo": "log", "onboarding": "manage", "add_child": "manage",
                "account": "view", "caregiver": "view"}
SHOW_PROFILE = re.compile(r"^\W*(?:show (?:me )?)?(?:the |my )?(?:profile|allerg(?:y|ies))\W*$", re.I)
CAN = {"view": "see summaries (\"summary\")", "log": "log meals and photos", "ask": "ask feeding questions"}
WHAT = {"log": "Logging meals", "ask": "Feeding questions", "manage": "That"}


def needed(intent: str, text: str = "") -> str:
    """The action this intent needs; looking at the profile needs less than changing it."""
    if intent == "profile" and SHOW_PROFILE.match(text or ""):
        return "view"
    return INTENT_ACTIONS.get(intent, "manage")


def step_action(step: str | None) -> str:
    return STEP_ACTIONS.get((step or "").partition(".")[0], "manage")


def refusal(ctx: Context, action: str) -> Reply | None:
    """Say so when the person belongs to households but no membership allows `action`."""
    memberships = ctx.person.memberships
    if not memberships or any(m.may(action) for m in memberships):
        return None
    allowed = [a for a in ("view", "log", "ask") if any(m.may(a) for m in memberships)]
    owners = [parent_name(m.household) for m in memberships]
    who = "the parents" if action == "manage" else "caregivers"
    can = " and ".join(CAN[a] for a in allowed)
    return Reply(f"{WHAT[action]} is for {who} on this log. You can {can}; ask {owners[0]} if you need more.",
                 "denied")


def owner_memberships(ctx: Context) -> list[Membership]:
    return [m for m in ctx.person.memberships if m.may("manage")]


def display_name(membership: Membership) -> str:
    """What a household calls a member: the name given at invite, else their own, else the role."""
    if membership.name:
        return membership.name
    if membership.person.name:
        return membership.person.name
    return "a parent" if membership.role == "owner" else "a caregiver"


def parent_name(household: Household) -> str:
    """The household's first owner, as the family knows them."""
    owner = next((m for m in household.members if m.person_id == household.owner_id), None)
    if owner is not None and (owner.name or owner.person.name):
        return display_name(owner)
    return f"{child_names(household.children)}'s parent" if household.children else "the parent"


def names_by_person(household: Household) -> dict[int, str]:
    return {m.person_id: display_name(m) for m in household.members}


def child_names(children: list[Child]) -> str:
    """'Maya', 'Maya and Leo', 'Maya, Leo and Ava'."""
    names = [c.name for c in children]
    if not names:
        return "your family"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def covered_children(household: Household, child_ids: list[int] | None) -> list[Child]:
    return [c for c in household.children if child_ids is None or c.id in child_ids]


def pretty_phone(e164: str) -> str:
    """'+14155550134' -> '+1 415-555-0134' for people to read (never for logs)."""
    import phonenumbers

    try:
        return phonenumbers.format_number(phonenumbers.parse(e164), phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        return e164


def logged_by(reader: Person, household: Household, meals: list, one_day: bool) -> str:
    """'Logged by Grandma: lunch, snack.' when anyone but the reader logged some of these meals."""
    names = names_by_person(household)
    groups: dict[str, list[str]] = {}
    for meal in meals:
        if meal.logged_by_id is not None and meal.logged_by_id != reader.id:
            groups.setdefault(names.get(meal.logged_by_id, "someone no longer on the log"), []).append(meal.meal_type)
    if not groups:
        return ""
    if one_day:
        parts = [f"{who}: {', '.join(dict.fromkeys(kinds))}" for who, kinds in groups.items()]
    else:
        parts = [f"{who}: {len(kinds)} meal{'s' if len(kinds) != 1 else ''}" for who, kinds in groups.items()]
    return "Logged by " + "; ".join(parts) + "."
