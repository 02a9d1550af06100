"""Onboarding a new number: child's name, birth date, allergies, reminder time and time zone.

Every step can be skipped with "skip". A step accepts only an answer that fits it; anything else
(a meal, a question) goes to the router, which handles it and asks the step again. The step lives
in the database (Conversation), never in memory.
"""
from __future__ import annotations

import re
from typing import Any

from handlers import allergies as allergy_words
from handlers import log_meal
from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route, Step
from handlers.steps import Onboarding
from handlers.dates import parse_birth_date
from handlers.reminders import DEFAULT_REMINDER, QUIET_REFUSAL, in_quiet_hours
from handlers.times import parse_on_off, parse_time_of_day
from handlers.zones import choices_prompt, describe_reminder, distinct_clocks, parse_time_zone
from knowledge.phones import country_of, guess_time_zones
from storage import people

SKIP = re.compile(r"^\W*(skip|pass|later|not now|next|idk|dunno|i don't know)\W*$", re.I)
DEFAULT = re.compile(r"^\W*(default|ok(ay)?|sure|fine|sounds good|yes|yep|yeah|y|7 ?pm is fine)\W*$", re.I)
NAME_NOISE = re.compile(r"^(?:(?:her|his|their|my (?:son|daughter|baby|kid|child|boy|girl)'?s?)\s+name\s+is|"
                        r"(?:she|he|they)(?:'s| is| are)(?: called)?|it'?s|i'?m|name:?|called|"
                        r"my (?:son|daughter|baby|kid|child|boy|girl|little one)(?: is)?)\s+", re.I)
NAME = re.compile(r"^[^\W\d_][^\W\d_'\-]*(?:[ '\-][^\W\d_]+){0,2}$")

EATEN = re.compile(r"\b(had|has|ate|eaten|eats|drank|finished|tried|for (breakfast|lunch|dinner|tea|snack))\b|\d"
                   r"|\?", re.I)
STRONG = ("log_meal", "question", "plan", "summary", "settings", "profile", "caregiver")

WELCOME = ("Hi, I'm TinyTummy! I keep track of what your little one eats and answer feeding questions. "
           "Four quick questions to set up (say \"skip\" to skip any).")
PROMPTS = {
    "onboarding.child_name": "What's your child's first name?",
    "onboarding.birth_date": "When was {child} born? A date like 2025-03-02 or an age like \"9 months\" works.",
    "onboarding.allergies": "Does {child} have any food allergies? List them, or say \"none\".",
    "onboarding.reminder": ("Last one: if nothing's logged by then, what time should I remind you each day? "
                            "Reply a time like 8pm, \"default\" for 7pm, or \"no reminders\"."),
}


def start(msg: InboundMessage, ctx: Context) -> Reply:
    """Create the household and ask the first question; keep a meal sent before set-up."""
    found = ctx.found
    people.create_household(ctx.session, ctx.person, ctx.now)
    zones = distinct_clocks(guess_time_zones(ctx.person.phone), ctx.now)
    if zones and not ctx.person.timezone:  # provisional, so "today" is the parent's; confirmed later
        ctx.person.timezone = next((z for z in zones if z == "America/New_York"), zones[0])
    if msg.profile_name and not ctx.person.name:
        ctx.person.name = msg.profile_name[:80]
    pending = [msg.text] if found is not None and found.intent == "log_meal" and found.confidence >= 0.6 else []
    ctx.set_step("onboarding.child_name", Onboarding(pending_meals=pending))
    kept = " I've kept that meal and will log it once I know who it's for." if pending else ""
    return Reply(f"{WELCOME}{kept}\n\n{PROMPTS['onboarding.child_name']}", "onboarding")


def prompt_for(ctx: Context) -> str:
    """The question for the current step, to ask again after an interruption."""
    step = "onboarding." + (ctx.conversation.step or "").partition(".")[2]
    if step == "onboarding.timezone":
        return choices_prompt(ctx.step_data(Onboarding).zones)
    return PROMPTS.get(step, "").format(child=_child_name(ctx))


def _child_name(ctx: Context) -> str:
    children = ctx.children
    return children[-1].name if children else "your child"


def _is_other_intent(found: Any) -> bool:
    """The text reads as something else (a meal, a question...), not as an answer to the step."""
    return found is not None and found.intent in STRONG and found.confidence >= 0.6


# A story or a meal, not a list of allergies or a name: eating words, times of day, questions.
TOLD = re.compile(r"\?|\b(ate|eat|eating|had|has|gave|give|tried|drank|drink|loved?|likes?|tonight|today|"
                  r"yesterday|morning|this (?:am|pm)|for (?:breakfast|lunch|dinner|snack|bfast)|at (?:breakfast|lunch|"
                  r"dinner)|takeout|take out|party|daycare|snack|lunch|dinner|breakfast|she|he|they|her|his|my)\b", re.I)


# A list told as it was served is a meal, not allergies: "raw carrot sticks", "a slice of ham", "cone 🍦".
SERVED = re.compile(r"\b(?:raw|whole|sticks?|slices?|pieces?|bites?|cones?|cups?|bowls?|plates?|sandwich\w*|toast|"
                    r"cooked|fried|scrambled|boiled|mashed|baked|roasted|grilled|steamed|pureed?|at the|with)\b"
                    r"|[\U0001F300-\U0001FAFF\u2600-\u27BF]", re.I)
# SR28 groups no one names as an allergy: meats, cured meats, soups, fast food and ready meals ("bacon and eggs").
MEAL_GROUPS = frozenset({"0500", "0600", "0700", "1000", "1300", "1700", "2100", "2200", "3600"})


def _told_as_meal(text: str, ctx: Context) -> bool:
    """The answer reads as food that was eaten rather than a list of allergies."""
    from handlers.safety import describer
    from knowledge.food_safety_scan import find_mentions

    if SERVED.search(text):
        return True
    return any(m.food_group in MEAL_GROUPS for m in find_mentions(text, describer(ctx)))


def _names_food(text: str) -> bool:
    """The text names foods ('shrimp tacos tonight'): a one-word food can still be a name (Olive)."""
    from knowledge.food_safety_scan import find_mentions

    return len(text.split()) > 1 and bool(find_mentions(text))


def _only_foods(text: str, found: Any) -> bool:
    """"peanuts and eggs" answers the allergy question; "she had eggs" or a question does not."""
    return found.intent == "log_meal" and not EATEN.search(text)


def _advance(ctx: Context, said: str = "") -> Reply:
    """Move to the next step of the current flow, or finish it."""
    flow, _, step = (ctx.conversation.step or "").partition(".")
    order = FLOWS.get(flow, ())
    later = order[order.index(step) + 1:] if step in order else ()
    if not later:
        return FINISH[flow](ctx, said)
    data = ctx.step_data(Onboarding)
    data.reasked = 0
    ctx.set_step(f"{flow}.{later[0]}", data)
    return Reply(f"{said}\n\n{prompt_for(ctx)}".strip(), flow)


def begin_add_child(ctx: Context, name: str | None, rest: str = "") -> Reply:
    """Start the short add-a-child flow from the profile handler; a birth date or age said in the same
    message ("add Leo, born 2024-08-10") answers its question at once."""
    ctx.set_step("add_child.child_name", Onboarding())
    named = child_name(InboundMessage("sms", ctx.person.phone, name, ""), ctx, None) if name else None
    if named is None:
        return Reply(PROMPTS["onboarding.child_name"], "profile")  # no name, or not one: ask
    told = BORN_LEAD.sub("", rest).strip(" ,.;:-")
    dated = birth_date(InboundMessage("sms", ctx.person.phone, told, ""), ctx, None) if told else None
    if dated is None:
        return named
    return Reply(f"Lovely to meet {ctx.children[-1].name}! {dated.text}", dated.intent)


BORN_LEAD = re.compile(r"^\W*(?:(?:who|she|he)\s+(?:was|is)\s+)?(?:born(?:\s+on)?|dob|birthday|date of birth|age|aged)?\b",
                       re.I)


def child_name(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    text = msg.text.strip().strip(".!")
    household = people.owned_household(ctx.person)
    if SKIP.match(text):
        name = "Baby"
    else:
        name = re.sub(r"[^\w\s'-]|[\d_]", "", NAME_NOISE.sub("", text)).strip(" .!,'-")
        name = " ".join(name.split())
        if not NAME.match(name) or len(name) > 30 or _is_other_intent(found) or _names_food(text) \
                or TOLD.search(text):
            return None
        name = " ".join(part[:1].upper() + part[1:] for part in name.split(" "))
    people.add_child(ctx.session, household, name, ctx.now)
    return _advance(ctx, f"Lovely to meet {name}!" if name != "Baby" else "")


def birth_date(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    child = ctx.children[-1]
    if SKIP.match(msg.text):
        return _advance(ctx)
    day_first = (country_of(ctx.person.phone) or "US") not in ("US", "CA", "PH")
    born = parse_birth_date(msg.text, ctx.today, day_first=day_first)
    if born is None:
        return None
    child.birth_date, child.birth_date_estimated = born.date, born.estimated
    return _advance(ctx, "Got it.")


def allergies(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    child = ctx.children[-1]
    if SKIP.match(msg.text) or allergy_words.is_none(msg.text):
        return _advance(ctx, "No allergies noted.")
    names = allergy_words.parse_list(msg.text)
    if (not names or (_is_other_intent(found) and not _only_foods(msg.text, found)) or TOLD.search(msg.text)
            or any(len(n.split()) > 3 for n in names) or _told_as_meal(msg.text, ctx)):
        return None
    added = allergy_words.add(ctx.session, child, names)
    return _advance(ctx, f"Noted: {', '.join(added)}. I'll flag these in meals.")


def reminder(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    text = msg.text
    if SKIP.match(text) or DEFAULT.match(text):
        ctx.person.reminder_time = DEFAULT_REMINDER
    elif parse_on_off(text) is False or re.search(r"\bno (reminders?|nudges?)\b", text, re.I):
        ctx.person.reminders_on = False
        ctx.person.reminder_time = DEFAULT_REMINDER
    else:
        when = parse_time_of_day(text)
        if when is None:
            return None
        if in_quiet_hours(when):
            return Reply(QUIET_REFUSAL, "onboarding")
        ctx.person.reminder_time = when
    zones = distinct_clocks(guess_time_zones(ctx.person.phone), ctx.now)
    if len(zones) == 1:
        ctx.person.timezone = zones[0]
        return _finish(ctx, "")
    data = ctx.step_data(Onboarding)
    data.zones, data.reasked = (zones[:6] if len(zones) <= 6 else []), 0
    ctx.set_step("onboarding.timezone", data)
    return Reply(prompt_for(ctx), "onboarding")


def timezone(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    candidates = ctx.step_data(Onboarding).zones
    if SKIP.match(msg.text):
        zone = candidates[0] if candidates else "America/New_York"
    else:
        zone = parse_time_zone(msg.text, candidates)
    if zone is None:
        return None
    ctx.person.timezone = zone
    return _finish(ctx, "")


def _finish(ctx: Context, said: str) -> Reply:
    pending = list(ctx.step_data(Onboarding).pending_meals)
    ctx.set_step(None)
    if ctx.person.reminders_on:
        nudge = f"I'll nudge you at {describe_reminder(ctx.person.reminder_time, ctx.person.timezone)} if nothing's logged."
    else:
        nudge = "No reminders - text \"reminders on\" anytime."
    child = _child_name(ctx)
    logged = "\n\n" + log_meal.log_pending(ctx, pending) if pending and ctx.children else ""
    return Reply(f"All set! {nudge} Now text me what {child} eats, like \"1/2 cup oatmeal and a banana\". "
                 f"HELP shows everything.{logged}", "onboarding")


def _child_added(ctx: Context, said: str) -> Reply:
    ctx.set_step(None)
    child = ctx.children[-1]
    return Reply(f"{said} {child.name} is added. Start a message with \"for {child.name}:\" to log for them.".strip(),
                 "profile")


FLOWS = {
    "onboarding": ("child_name", "birth_date", "allergies", "reminder", "timezone"),
    "add_child": ("child_name", "birth_date", "allergies"),
}
FINISH = {"onboarding": _finish, "add_child": _child_added}
_STEP_FUNCTIONS = {"child_name": child_name, "birth_date": birth_date, "allergies": allergies,
                   "reminder": reminder, "timezone": timezone}
# What to say when a short reply to a step could not be read (anything longer is handled on its own).
RETRY = {
    "child_name": "I didn't catch a name there. What's your child's first name? (or \"skip\")",
    "birth_date": "I couldn't read that as a birth date. Try 2025-03-02, 3/2/25 or \"9 months\" (or \"skip\").",
    "allergies": "Which foods is {child} allergic to? Or say \"none\".",
    "reminder": "I couldn't read that time. Try 7pm or 19:30, or say \"default\".",
    "timezone": "I didn't recognise that time zone.",
}


def retry_for(ctx: Context) -> str:
    """The 'I couldn't read that' line for the current step, followed by its question where useful."""
    step = (ctx.step or "").partition(".")[2]
    said = RETRY.get(step, "").format(child=_child_name(ctx))
    return f"{said} {prompt_for(ctx)}" if step == "timezone" else said


STEPS = tuple(Step(f"{flow}.{step}", _STEP_FUNCTIONS[step], prompt_for, Onboarding, retry_for)
              for flow, order in FLOWS.items() for step in order)

# Not an intent a parent asks for: the router starts it for a number with no household yet.
ROUTE = Route("onboarding", start, steps=STEPS, label=False, live=False, needs_household=False)
