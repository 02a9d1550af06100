"""`streak`: how many days in a row meals have been logged for the household."""
from __future__ import annotations

from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route
from storage import meals as meal_store


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    days = meal_store.streak_days(ctx.session, [c.id for c in ctx.children], ctx.today)
    if days == 0:
        return Reply("No streak yet - log a meal today to start one!", "streak")
    logged_today = bool(meal_store.meals_between(ctx.session, [c.id for c in ctx.children], ctx.today, ctx.today))
    nudge = "" if logged_today else " Log something today to keep it going."
    return Reply(f"You're on a {days}-day logging streak!{nudge}", "streak")


ROUTE = Route("streak", handle, help="- \"streak\" for your logging streak")
