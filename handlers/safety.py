"""The safety passes every inbound message goes through before routing, whatever step is pending.

1. Emergency triage (rules first): "Call 911 now" and nothing else.
2. Notes: food mentions anywhere in the text checked against the child's allergies, reported
   reactions and the age rules; the notes are added to whatever reply the message gets, except
   those about a food the reply has just recorded as an allergy ("peanuts" answering the allergy
   question is not a peanut to warn about).
"""
from __future__ import annotations

import logging
import re

from handlers import reactions
from handlers.context import Context, InboundMessage, Reply
from handlers.dates import age_in_months
from handlers.family import find_child, named_stranger
from knowledge.emergency import emergency_reply, triage
from knowledge.food_safety import SafetyFlag

logger = logging.getLogger(__name__)
_WORDS = re.compile(r"[^\W_]+")


def emergency(msg: InboundMessage, ctx: Context) -> Reply | None:
    """The emergency answer, number first, when the message reports one."""
    found = triage(msg.text)
    if found is None:
        return None
    logger.warning("emergency (%s) reported; answering with emergency services first", found.kind)
    return Reply(emergency_reply(found, ctx.emergency_number), "emergency")


def notes(msg: InboundMessage, ctx: Context) -> list[SafetyFlag]:
    """The safety notes this message needs, whatever it turns out to be: for the child it names, or
    for each child when it names none (none for a child who is not on the profile)."""
    if not msg.text or not ctx.children or ctx.person.opted_out:
        return []
    from knowledge.food_safety_scan import check_text

    if named_stranger(ctx, msg.text):
        return []  # about a child not on the profile: the reply asks who it was
    child, _ = find_child(ctx, msg.text)
    text = _foods_in_english(msg.text)
    found: list[SafetyFlag] = []
    for kid in [child] if child is not None else ctx.children:
        months = age_in_months(kid.birth_date, ctx.today) if kid.birth_date else None
        flags = check_text(text, months, [a.name for a in kid.allergies], reactions.open_foods(kid),
                           kid.name, ctx.emergency_number, describe=describer(ctx))
        found += [f for f in flags if f.message not in {n.message for n in found}]
    return found


def _foods_in_english(text: str) -> str:
    """A message in another language has its safety-relevant foods read in English (honey is honey)."""
    from knowledge.foreign_foods import in_english
    from knowledge.languages import ENGLISH, detect

    language = detect(text)
    return text if language == ENGLISH else in_english(text, language)


def allergies_of(ctx: Context) -> dict[int, set[str]]:
    """Each child's recorded allergies, to tell afterwards which ones a reply has just added."""
    return {kid.id: {a.name for a in kid.allergies} for kid in ctx.children}


def without_new_allergies(found: list[SafetyFlag], before: dict[int, set[str]], msg: InboundMessage,
                          ctx: Context) -> list[SafetyFlag]:
    """Drop the notes about foods this message has just been recorded as allergies to; a note about
    another food it names ("hummus" beside a new "cucumber" allergy) stays."""
    from knowledge.food_safety_scan import check_text

    new = sorted({name for kid in ctx.children for a in kid.allergies
                  if (name := a.name) not in before.get(kid.id, set())})
    if not new or not found:
        return found
    recorded = {f.food.lower() for f in check_text(msg.text, None, new) if f.kind == "allergen"}
    return [f for f in found if f.food.lower() not in recorded]


def describer(ctx: Context):
    """Look up a food's SR28 description and group in the loaded table (None if it isn't loaded)."""
    table = ctx.knowledge.food_table()

    def describe(ndb_no: str) -> tuple[str, str] | None:
        record = table.get(ndb_no) if table is not None else None
        return (record.description, record.food_group) if record is not None else None
    return describe


def with_notes(reply: Reply, found: list[SafetyFlag]) -> Reply:
    """Add each note the reply does not already carry (a meal reply flags its own foods)."""
    if not reply.text:
        return reply  # silence stays silence (an opted-out person)
    lines = [_words(line) for line in reply.text.splitlines() if line.strip()]
    missing = [f.message for f in found if not any(_same(_words(f.message), line) for line in lines)]
    return Reply("\n".join([reply.text, *missing]), reply.intent) if missing else reply


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORDS.findall(text)}


def _same(note: set[str], line: set[str]) -> bool:
    """Two wordings of one flag: they share nearly all their words (food names may differ)."""
    return len(note & line) >= 0.75 * max(len(note), 1)


def has_substance(msg: InboundMessage, ctx: Context) -> bool:
    """More than a short garbled reply: a question, a sentence of its own, or a food."""
    from knowledge.food_safety_scan import find_mentions

    return "?" in msg.text or len(_WORDS.findall(msg.text)) > 4 or bool(find_mentions(msg.text))
