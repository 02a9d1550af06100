"""`undo`: remove the last meal this person logged, or correct it ("actually it was 2 eggs")."""
from __future__ import annotations

import re

from handlers import meals
from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route
from storage import meals as meal_store
from storage.meals import Meal
from storage.models import Child

CORRECTION = re.compile(r"^\s*(?:actually|correction|sorry|oops|wait|no|make that|i meant|meant)\b[\s,:;.!-]*"
                        r"(?:(?:it|that|she|he|they)\s+(?:was|were|had|ate)|make (?:it|that)|it's|its)?\s*(?P<rest>.*)$",
                        re.I)
CORRECTION_LEAD = re.compile(r"^\s*(?:actually|correction|make that|i meant|oops|sorry|wait)\b", re.I)
NOT_TAIL = re.compile(r"[,;]?\s*\b(?:not|instead of|rather than)\b.*$", re.I)


def is_correction(ctx: Context, text: str) -> bool:
    """'actually it was 2 eggs' right after logging fixes that meal, whatever the classifier says."""
    return bool(CORRECTION_LEAD.match(text)) and meal_store.last_meal_logged_by(ctx.session, ctx.person.id) is not None


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
    match = CORRECTION.match(msg.text)
    rest = NOT_TAIL.sub("", match.group("rest")).strip() if match else ""
    if rest:
        analysis = meals.analyze(ctx, rest, child)
        if analysis.items:
            for item in list(meal.items):
                meal.items.remove(item)
            ctx.session.flush()
            meals.store(ctx, child, analysis, rest, meal=meal)
            reply = [f"Fixed {child.name}'s {meal.meal_type}: {meals.describe_items(analysis.items)} (was: {was})."]
            reply.extend(meals.flags(ctx, child, analysis.items))
            return Reply("\n".join(reply), "undo")
    when = meal.eaten_at.astimezone(ctx.zone).strftime("%I:%M %p").lstrip("0")
    ctx.session.delete(meal)
    return Reply(f"Removed {child.name}'s {meal.meal_type} from {when}: {was}.", "undo")


ROUTE = Route("undo", handle, help="- \"undo\" removes the last meal; \"actually it was 2 eggs\" fixes it",
              claim=lambda msg, ctx, found: is_correction(ctx, msg.text), priority=40)
