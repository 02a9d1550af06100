"""`undo`: remove the last meal this person logged, or correct it and keep it.

"2 not 3" changes that number in the meal; "it was a whole banana" / "actually 2 eggs" replaces the
items it names (the whole meal when it names none of them); "no butter" removes that item; "undo"
removes the meal.
"""
from __future__ import annotations

import re

from handlers import family, meals
from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route
from storage import meals as meal_store
from storage.meals import Meal
from storage.models import Child

CORRECTION = re.compile(r"^\s*(?:actually|correction|sorry|oops|wait|no|make that|i meant|meant)\b[\s,:;.!-]*"
                        r"(?:(?:it|that|she|he|they)\s+(?:was|were|had|ate)|make (?:it|that)|it's|its)?\s*(?P<rest>.*)$",
                        re.I)
CORRECTION_LEAD = re.compile(r"^\s*(?:actually|correction|make that|i meant|oops|sorry|wait|(?:please |pls )?"
                             r"(?:fix|correct|update|edit|change) (?:that|it|the last|my last|last))\b", re.I)
NOT_TAIL = re.compile(r"[,;]?\s*\b(?:not|instead of|rather than)\b.*$", re.I)
_NUM = r"\d+(?:\.\d+)?|\d+/\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half"
# "2 not 3", "it was 2 not 3", "2 instead of 3", "not 3, 2", "make it 2 (not 3)".
SWAP = re.compile(rf"^\s*(?:actually|oops|sorry|wait|no)?[\s,]*(?:(?:it|that|she|he|they)\s+(?:was|were|had|ate)|"
                  rf"make (?:it|that)|it'?s|i meant|meant)?\s*(?P<new>{_NUM})\s*(?:,|\()?\s*(?:not|instead of|"
                  rf"rather than)\s+(?P<old>{_NUM})\)?[\s.!]*$"
                  rf"|^\s*(?:actually|oops|sorry|wait|no)?[\s,]*not\s+(?P<old2>{_NUM})\s*[,;-]?\s*(?:it was\s+)?"
                  rf"(?P<new2>{_NUM})[\s.!]*$", re.I)
# "no butter", "without the butter", "there was no butter", "take off the cheese", "minus the jam".
REMOVE = re.compile(r"^\s*(?:actually|oops|sorry|wait)?[\s,]*(?:there was\s+|it had\s+|she had\s+|he had\s+)?"
                    r"(?:no|without|minus|remove|take off|take out|skip|leave out|hold)\s+(?:the\s+|any\s+)?"
                    r"(?P<food>[a-z][a-z '&-]*?)[\s.!]*$", re.I)
WHOLE = re.compile(r"^\s*(?:it|that)\s+was\s+(?:a|an|the)?\s*(?:whole|full|entire|half|\d)", re.I)
# "it was chicken not turkey", "she had milk not formula", "wrong! it was oatmeal", "lol no, 2 oz not 20",
# "not pasta, rice": a short message that sets the last meal straight without a correction word first.
_OPENER = r"^\s*(?:(?:lol|omg|ugh|hmm|no|nope|wrong|autocorrect(?: fail)?)\W+)"
CONTRAST = re.compile(rf"{_OPENER}+(?:it|that)\s+(?:was|wasn'?t|should say)\b"
                      rf"|{_OPENER}*(?:it|that|she|he|they)\s+(?:was|wasn'?t|were|had|ate|drank)\b[^.?!,]*\bnot\b"
                      rf"|{_OPENER}*not\s+[a-z ]+,\s*\w|{_OPENER}*(?:{_NUM})\s*[a-z]*\s+not\s+(?:{_NUM})\b", re.I)
CONTRAST_WORDS = 12  # longer messages are news, not a fix
NOT_FIRST = re.compile(rf"{_OPENER}*not\s+[^,]+,\s*(?:it was\s+)?(?P<rest>.+)$", re.I)


# Asking for the meal to go: only these delete it. A correction we cannot apply keeps the meal and asks.
REMOVAL = re.compile(r"\b(undo|delete|del|remove|erase|cancel|unlog|un-log|scratch (?:that|it)|take (?:it|that|this) "
                     r"(?:off|out|back|away)|by (?:mistake|accident)|accident(?:al(?:ly)?)?|didn'?t mean|ignore (?:that|it|"
                     r"this|last|my last)|n(?:e|ou)ver ?mind|nvm|wrong (?:one|meal|message|msg|text|chat|person|number)|"
                     r"don'?t log|not (?:a|her|his|their) meal|sent (?:that|it|this) (?:to|by))\b", re.I)
# "that was for Ruby not Hazel", "wrong kid, it was Ruby", "oops meant Ruby": the meal goes to that child.
FOR_CHILD = re.compile(r"\b(?:for|meant|wrong (?:kid|child|baby|twin|one)|not|was)\b", re.I)


def is_correction(ctx: Context, text: str) -> bool:
    """'actually it was 2 eggs', '2 not 3', 'no butter' right after logging fix that meal."""
    fix = CORRECTION_LEAD.match(text) or SWAP.match(text) or WHOLE.match(text) \
        or (len(text.split()) <= CONTRAST_WORDS and CONTRAST.match(text))
    removal = None if fix else REMOVE.match(text)
    if not (fix or removal):
        return False  # most messages: no query for the last meal
    meal = meal_store.last_meal_logged_by(ctx.session, ctx.person.id)
    if meal is None:
        return False
    return bool(fix) or bool(_matching_items(ctx, meal, removal.group("food")))


def _last_meal(ctx: Context) -> tuple[Meal | None, Child | None]:
    """The person's last meal, only while they may still log for that child."""
    meal = meal_store.last_meal_logged_by(ctx.session, ctx.person.id)
    child = next((c for c in ctx.children if meal is not None and c.id == meal.child_id), None)
    return (meal, child) if child is not None else (None, None)


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    meal, child = _last_meal(ctx)
    if meal is None:
        return Reply("There's nothing to undo - you haven't logged a meal yet.", "undo")
    was = meals.describe_items(meal.items)
    fixed = _swap_number(ctx, child, meal, msg.text) or _remove_item(ctx, child, meal, msg.text) \
        or _replace_items(ctx, child, meal, msg.text)
    if fixed is not None:
        reply = [f"Fixed {child.name}'s {meal.meal_type}: {meals.describe_items(meal.items)} (was: {was})."]
        reply.extend(meals.flags(ctx, child, fixed))
        return Reply("\n".join(reply), "undo")
    other = _other_child(ctx, child, msg.text)
    if other is not None:
        meal.child_id = other.id
        ctx.session.flush()
        reply = [f"Moved that {meal.meal_type} from {child.name} to {other.name}: {was}."]
        reply.extend(meals.flags(ctx, other, list(meal.items)))  # the other child's allergies and age
        return Reply("\n".join(reply), "undo")
    if not REMOVAL.search(msg.text):
        return Reply(f"I kept {child.name}'s {meal.meal_type} ({was}) - I couldn't tell what to change. Send it "
                     "like \"actually 2 eggs\", \"2 not 3\" or \"no butter\", or \"undo\" to remove it.", "undo")
    when = meal.eaten_at.astimezone(ctx.zone).strftime("%I:%M %p").lstrip("0")
    ctx.session.delete(meal)
    return Reply(f"Removed {child.name}'s {meal.meal_type} from {when}: {was}.", "undo")


def _other_child(ctx: Context, child: Child, text: str) -> Child | None:
    """The one other child of the household a 'that was for Ruby' message names, if any."""
    if not FOR_CHILD.search(text):
        return None
    named = [c for c in ctx.children if c.id != child.id
             and family.names_child(c.name, text)]
    return named[0] if len(named) == 1 else None


def _swap_number(ctx: Context, child: Child, meal: Meal, text: str) -> list | None:
    """"2 not 3": rewrite the first "3" of the meal's text as "2" and analyse the meal again."""
    m = SWAP.match(text)
    if not m:
        return None
    new, old = (m.group("new"), m.group("old")) if m.group("new") else (m.group("new2"), m.group("old2"))
    pattern = re.compile(rf"(?<![\w./]){re.escape(old)}(?![\w/]|\.\d)", re.I)
    if not pattern.search(meal.text):
        return None
    return _reanalyse(ctx, child, meal, pattern.sub(new, meal.text, count=1))


def _remove_item(ctx: Context, child: Child, meal: Meal, text: str) -> list | None:
    """"no butter": drop the items that food matched, keep the rest of the meal."""
    m = REMOVE.match(text)
    if not m:
        return None
    gone = _matching_items(ctx, meal, m.group("food"))
    if not gone or len(gone) == len(meal.items):
        return None
    for item in gone:
        meal.items.remove(item)
    _retotal(ctx, meal)
    return list(meal.items)


def _replace_items(ctx: Context, child: Child, meal: Meal, text: str) -> list | None:
    """"it was a whole banana": replace the items named; none named -> the whole meal is replaced."""
    match = CORRECTION.match(text) if not WHOLE.match(text) else None
    rest = NOT_TAIL.sub("", match.group("rest") if match else re.sub(r"^\s*(?:it|that)\s+was\s+", "", text)).strip()
    first = NOT_FIRST.match(text)  # "not pasta, rice": what was eaten comes after the comma
    rest = first.group("rest").strip() if first else rest
    if not rest:
        return None
    analysis = meals.analyze(ctx, rest, child)
    if not analysis.items:
        return None
    named = {i.ndb_no for i in analysis.items}
    replaced = [item for item in meal.items if item.ndb_no in named]
    for item in replaced or list(meal.items):
        meal.items.remove(item)
    ctx.session.flush()
    meals.store(ctx, child, analysis, rest, meal=meal)
    return analysis.items


def _reanalyse(ctx: Context, child: Child, meal: Meal, text: str) -> list | None:
    analysis = meals.analyze(ctx, text, child)
    if not analysis.items:
        return None
    for item in list(meal.items):
        meal.items.remove(item)
    ctx.session.flush()
    meal.text = text[:2000]
    meals.store(ctx, child, analysis, text, meal=meal)
    return analysis.items


def _matching_items(ctx: Context, meal: Meal, food: str) -> list:
    """Items of `meal` that `food` names: same SR28 food, or the same words in the item's name."""
    from knowledge.foods import analyze_meal

    words = food.lower().strip()
    found = analyze_meal(food, ctx.knowledge.food_table(), None)
    ndbs = {i.ndb_no for i in found.items if i.ndb_no}
    return [item for item in meal.items if item.ndb_no in ndbs or words == item.name.lower()
            or re.search(rf"\b{re.escape(words)}\b", item.name.lower())]


def _retotal(ctx: Context, meal: Meal) -> None:
    meal.nutrients = {k: round(v, 3) for k, v in meal_store.nutrients_sum([i.nutrients for i in meal.items]).items()}
    ctx.session.flush()


ROUTE = Route("undo", handle, help="- \"undo\" removes the last meal; \"actually it was 2 eggs\" fixes it",
              claim=lambda msg, ctx, found: is_correction(ctx, msg.text), priority=40)
