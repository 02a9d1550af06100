"""Reactions to a food, and symptom questions.

A parent who reports a reaction ("hives after the eggs", "threw up after shrimp") gets it recorded
on the child: every later message touching that food says not to offer it again until the
pediatrician or an allergist says so, until the parent says it was cleared ("the allergist cleared
eggs"). A question about a symptom (rash, fever, poop, cough) is a question, never a meal or a
correction. Emergencies never get here: the safety pass answered them already.
"""
from __future__ import annotations

import re
from typing import Any

from handlers.context import Context, InboundMessage, Reply
from handlers.family import find_child
from handlers.routes import Route
from storage.models import Child, Reaction

REACTION = re.compile(
    r"\b(hives?|welts?|rash(?:es)?|swell\w*|swollen|puff(?:y|ed up)|blotch\w*|itch\w*|red (?:spots|bumps|patches)|"
    r"vomit\w*|threw up|throw(?:s|ing)? up|puk\w*|sick after|broke out|breaks out|reaction|reacted)\b", re.I)
LINK = re.compile(r"\b(after|afterwards|since|from|to|when (?:she|he|they) (?:ate|had|tried)|then|and now|"
                  r"now (?:she|he|they|there)(?:s| is| has| have| are)?|for the first time|and (?:got|had|"
                  r"broke|started|was|went)|ate .{0,40}\b(?:got|had|broke|started)|within|minutes later|right after)\b",
                  re.I)
SYMPTOM = re.compile(
    r"\b(rash(?:es)?|hives?|fever\w*|temp(?:erature)?|vomit\w*|threw up|throw(?:s|ing)? up|puk\w*|poop\w*|poo|"
    r"stools?|diarrh\w*|constipat\w*|cough\w*|wheez\w*|eczema|reflux|spit(?:ting)? up|gassy|gas pains?|"
    r"tummy ache|stomach ache|belly ache|runny nose|congest\w*|teething|sick|ill|throwing up)\b", re.I)
# Asking what a reaction looks like is not reporting one.
NOT_A_REPORT = re.compile(r"\b(signs? of|symptoms? of|look like|looks like|how (?:do|can|would|will) (?:i|you|we) "
                          r"(?:know|tell)|what if|in case|if (?:she|he|they) (?:has|gets|have|get|had)|could (?:she|he) "
                          r"(?:get|have))\b", re.I)
NEGATED = re.compile(r"\b(?:no|not|without|never|isn'?t|wasn'?t)\s+(?:any\s+)?$", re.I)  # "no swelling"
CLEARED = re.compile(
    r"\b(allergist|pediatrician|paediatrician|doctor|dr|ped|gp|nurse)\b.{0,60}\b(cleared|clear|ok(?:ay)?|fine|safe|"
    r"can (?:have|eat)|allowed|passed|not allergic|isn'?t allergic|no allergy)\b"
    r"|\bpassed (?:her|his|their|the)? ?\w* ?(?:food )?challenge\b|\bnot allergic to\b|\bcleared (?:her|him|them) for\b",
    re.I)
GUARD = ("Please don't offer {food} again until {child}'s pediatrician or an allergist says it's OK - tell them "
         "what happened. I'll flag {food} until you tell me it's been cleared.")
# Vomiting that starts hours after a food (not minutes) is how FPIES shows; AAP: stop the food, call.
FPIES = ("Repeated vomiting 1 to 4 hours after a food can be FPIES (food protein-induced enterocolitis): "
         "tell the pediatrician before {food} is tried again.")
HOURS_LATER = re.compile(r"\b(?:\d|a few|few|couple(?: of)?|two|three|four)\s*(?:-\s*\d\s*)?(?:hours?|hrs?)\b", re.I)
VOMIT = re.compile(r"\b(vomit\w*|threw up|throw(?:s|ing)? up|puk\w*)\b", re.I)
WATCH = "If {child} has trouble breathing, lip or tongue swelling, or goes floppy, call {number} now."


def open_foods(child: Child) -> list[str]:
    """Foods the child reacted to that no doctor has cleared yet."""
    return [r.food for r in child.reactions if r.cleared_at is None]


def _mentions(text: str) -> list[Any]:
    from knowledge.food_safety_scan import find_mentions

    return list({m.name: m for m in find_mentions(text)}.values())


def _foods(ctx: Context, text: str) -> list[str]:
    return [m.name for m in _mentions(text)]


def _suspects(ctx: Context, child: Child, mentions: list[Any]) -> list[str]:
    """The foods most likely behind a reaction: those bringing a major allergen the child has not
    eaten before ('cashew butter on toast' when toast is a staple -> the cashew butter), else those
    carrying any allergen, else every food named."""
    from sqlalchemy import select

    from knowledge.food_safety import allergens_in
    from storage.meals import AllergenExposure

    eaten = set(ctx.session.scalars(select(AllergenExposure.allergen)
                                    .where(AllergenExposure.child_id == child.id)))
    carrying = {m.name: allergens_in(m) for m in mentions}
    foods = list(carrying)
    new = [food for food in foods if carrying[food] - eaten]
    return new or [food for food in foods if carrying[food]] or foods


def is_reaction(msg: InboundMessage, ctx: Context, found: Any = None) -> bool:
    """A reaction told about a food ('rash around her mouth after egg'), or a doctor clearing one."""
    text = msg.text or ""
    if not ctx.children:
        return False
    if CLEARED.search(text):
        return bool(_cleared_foods(ctx, text))  # a cleared food is history, not a new reaction
    if NOT_A_REPORT.search(text):
        return False
    return bool(REACTION.search(text) and LINK.search(text) and _foods(ctx, text))


def is_symptom_question(msg: InboundMessage, ctx: Context, found: Any = None) -> bool:
    """A message about how the child is (a rash, a fever, poop), which no step or meal may take."""
    return bool(msg.text and SYMPTOM.search(msg.text))


def _cleared_foods(ctx: Context, text: str) -> list[tuple[Child, Reaction]]:
    from knowledge.food_safety import mentions_custom

    child, _ = find_child(ctx, text)
    kids = [child] if child is not None else ctx.children
    return [(kid, r) for kid in kids for r in kid.reactions
            if r.cleared_at is None and mentions_custom(r.food, text)]


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    """Record a reaction (or its clearing) and say what to do next."""
    text = msg.text
    if CLEARED.search(text):
        cleared = _cleared_foods(ctx, text)
        for _, reaction in cleared:
            reaction.cleared_at = ctx.now
        if cleared:
            foods = sorted({r.food for _, r in cleared})
            return Reply(f"Great news! I've taken {', '.join(foods)} off the watch list. Offer it the way "
                         "the doctor suggested, and stay close the first few times.", "reaction")
    child, _ = find_child(ctx, text)
    child = child or ctx.children[0]
    foods = _suspects(ctx, child, _mentions(text))[:3]
    symptoms = ", ".join(dict.fromkeys(m.group(0).lower() for m in REACTION.finditer(text)
                                       if not NEGATED.search(text[:m.start()])))[:120]
    have = {r.food for r in child.reactions if r.cleared_at is None}
    for food in foods:
        if food not in have:
            child.reactions.append(Reaction(food=food[:80], symptoms=symptoms or "reaction", reported_at=ctx.now))
    ctx.session.flush()
    food = " and ".join(foods)
    lines = [f"I'm sorry - that sounds worrying. I've noted that {child.name} reacted to {food}.",
             GUARD.format(food=food, child=child.name)]
    if VOMIT.search(text) and HOURS_LATER.search(text):
        lines.append(FPIES.format(food=food))
    lines.append(WATCH.format(child=child.name, number=ctx.emergency_number))
    return Reply("\n".join(lines), "reaction")


def answer_symptom(msg: InboundMessage, ctx: Context) -> Reply:
    """A symptom question goes to the question handler (guidelines or 'ask the pediatrician')."""
    from handlers import question

    return question.handle(msg, ctx)


ROUTE = Route("reaction", handle, claim=is_reaction, priority=55, breakout=True, label=False)
SYMPTOM_ROUTE = Route("symptom", answer_symptom, claim=is_symptom_question, priority=52, breakout=True, label=False)
