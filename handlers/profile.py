"""`profile`: children, birth dates, allergies and dislikes. "for Leo: ..." picks a child."""
from __future__ import annotations

import re
from typing import Callable

from handlers import allergies as allergy_words
from handlers import onboarding
from handlers.context import Context, InboundMessage, Reply
from handlers.dates import describe_age, parse_birth_date
from handlers.family import find_child, named_stranger, names_of, not_our_child
from handlers.routes import Route
from knowledge.phones import country_of
from storage.models import Child, Dislike

ADD_CHILD = re.compile(r"\b(?:add|new|another|register|have)\b.*?\b(?:child|kid|baby|son|daughter|twin|sibling|"
                       r"little one)\b(?:\s*(?:named|called|is|:)?\s*([A-Z][a-z'-]+))?", re.I)
ALLERGY_OFF = re.compile(r"(?:no longer|not|isn'?t|outgrew|grew out of|remove)\b.*?\b(?:allergic to|allerg(?:y|ies))"
                         r"\s*(?:to|:)?\s*(.+)$", re.I)
ALLERGY_ON = re.compile(r"(?:allergic to|allerg(?:y|ies)\s*(?:to|:|-)?|add allerg(?:y|ies)\s*:?)\s*(.+)$", re.I)
DISLIKE = re.compile(r"(?:doesn'?t|does not|dont|don'?t|won'?t|will not|hates?|dislikes?|refuses to eat|not a fan of)"
                     r"\s*(?:like|eat|want|:)?\s+(.+)$", re.I)
BIRTH = re.compile(r"(?:born|birthday|birth ?date|dob|date of birth|bday)\b\s*(?:is|was|on|:|-)?\s*(.+)$", re.I)
AGE = re.compile(r"\b(?:is|turned|just turned|'s)\s+((?:\d+(?:\.\d+)?|a|one|two|three|four|five|six|seven|eight|nine|"
                 r"ten|eleven|twelve)\b.*\b(?:months?|mos?|years?|yrs?|weeks?)\b.*)$", re.I)
RENAME = re.compile(r"(?:rename|change)\s+([A-Za-z'-]+?)(?:'s name)?\s+to\s+([A-Za-z'-]+)", re.I)


def describe(child: Child, ctx: Context) -> str:
    """One line about a child: name, age, allergies, dislikes."""
    parts = [child.name]
    if child.birth_date:
        about = "about " if child.birth_date_estimated else ""
        parts[0] += f", {about}{describe_age(child.birth_date, ctx.today)}"
    allergies = ", ".join(allergy_words.label(a.name) for a in child.allergies) or "none"
    parts.append(f"allergies: {allergies}")
    if child.dislikes:
        parts.append("not keen on: " + ", ".join(d.name for d in child.dislikes))
    return "; ".join(parts) + "."


def show(ctx: Context) -> Reply:
    children = ctx.children
    if not children:
        return Reply("No children on your profile yet. Text \"add a child\" to add one.", "profile")
    lines = "\n".join(describe(c, ctx) for c in children)
    return Reply(f"{lines}\nTo change: \"Leo is allergic to eggs\", \"Maya was born 2025-03-02\", "
                 "\"add a child\".", "profile")


def _which_child(ctx: Context, text: str) -> tuple[Child | None, str, Reply | None]:
    child, rest = find_child(ctx, text)
    if child is None:
        if stranger := named_stranger(ctx, text):
            return None, rest, Reply(not_our_child(ctx, stranger), "profile")
        if not ctx.children:
            return None, rest, Reply("No children on your profile yet. Text \"add a child\" first.", "profile")
        return None, rest, Reply(f"Which child? Start with \"for {ctx.children[0].name}:\" "
                                 f"({names_of(ctx.children)}).", "profile")
    return child, rest, None


def _set_allergies(ctx: Context, child: Child, match: re.Match, on: bool) -> Reply:
    names = allergy_words.parse_list(match.group(1))
    if not names:
        return Reply("Which food? For example \"Maya is allergic to peanuts\".", "profile")
    if on:
        labels = allergy_words.add(ctx.session, child, names)
        return Reply(f"Noted: {child.name} is allergic to {', '.join(labels)}. I'll flag it in meals and plans.",
                     "profile")
    labels = allergy_words.remove(ctx.session, child, names)
    if not labels:
        return Reply(f"{child.name} had no such allergy on file.", "profile")
    return Reply(f"Removed {', '.join(labels)} from {child.name}'s allergies.", "profile")


def _add_dislikes(ctx: Context, child: Child, match: re.Match) -> Reply:
    foods = [f.strip(" .!").lower() for f in re.split(r",|\band\b|&", match.group(1)) if f.strip(" .!")]
    have = {d.name for d in child.dislikes}
    for food in foods:
        if food not in have and len(food) <= 60:
            child.dislikes.append(Dislike(name=food))
            have.add(food)
    return Reply(f"Noted: {child.name} isn't keen on {', '.join(foods)}. Keep offering small tastes - "
                 "it can take 10 or more tries.", "profile")


def _set_birth(ctx: Context, child: Child, match: re.Match) -> Reply:
    day_first = (country_of(ctx.person.phone) or "US") not in ("US", "CA", "PH")
    born = parse_birth_date(match.group(1), ctx.today, day_first=day_first)
    if born is None:
        return Reply("I couldn't read that date. Try \"Maya was born 2025-03-02\" or \"Maya is 9 months\".", "profile")
    child.birth_date, child.birth_date_estimated = born.date, born.estimated
    return Reply(f"Updated: {child.name} is {describe_age(born.date, ctx.today)}.", "profile")


def _add_child(text: str) -> re.Match | None:
    """The add-a-child request, preferring the mention that names the child ("new baby! add Rosa")."""
    found = list(ADD_CHILD.finditer(text))
    return next((m for m in found if m.group(1)), found[0] if found else None)


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    """Apply one profile change named in the text, or show the profile."""
    text = msg.text.strip()
    if (match := _add_child(text)) and not ALLERGY_ON.search(text):
        return onboarding.begin_add_child(ctx, match.group(1), text[match.end():])
    if match := RENAME.search(text):
        child = next((c for c in ctx.children if c.name.lower() == match.group(1).lower()), None)
        if child is None:
            return Reply(f"I don't have a child called {match.group(1)}.", "profile")
        child.name = match.group(2)[:1].upper() + match.group(2)[1:]
        return Reply(f"Done: {match.group(1)} is now {child.name}.", "profile")
    actions: list[tuple[re.Pattern, Callable[[Context, Child, re.Match], Reply]]] = [
        (ALLERGY_OFF, lambda c, ch, m: _set_allergies(c, ch, m, on=False)),
        (ALLERGY_ON, lambda c, ch, m: _set_allergies(c, ch, m, on=True)),
        (BIRTH, _set_birth),
        (AGE, _set_birth),
        (DISLIKE, _add_dislikes),
    ]
    for pattern, action in actions:
        if pattern.search(text):
            child, rest, problem = _which_child(ctx, text)
            if problem:
                return problem
            match = pattern.search(rest) or pattern.search(text)
            return action(ctx, child, match)
    return show(ctx)


ROUTE = Route("profile", handle, help="- \"add a child\", \"Maya is allergic to peanuts\", \"profile\"")
