"""`streak`: the household's logging streak, its longest, and the badges earned so far, in one message."""
from __future__ import annotations

from handlers import progress
from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route
from storage import badges as badge_store


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    households = ctx.households
    if not households:
        return Reply("No streak yet - log a meal today to start one!", "streak")
    household = households[0]
    today = progress.household_today(ctx.session, household, ctx.now)
    streak = progress.household_streak(ctx.session, household, today, ctx.now)
    names = {c.id: c.name for c in household.children}
    earned = [progress.badge_label(b, names) for b in badge_store.badges_of(ctx.session, [household.id])]
    if streak.current:
        text = f"You're on a {streak.current}-day logging streak (longest {streak.longest} days)."
        if not streak.logged_today:
            text += " Log something today to keep it going."
    elif streak.longest:
        text = f"No streak right now (longest {streak.longest} days) - log a meal today to start a new one!"
    else:
        text = "No streak yet - log a meal today to start one!"
    if earned:
        text += " Badges: " + "; ".join(earned) + "."
    return Reply(text, "streak")


ROUTE = Route("streak", handle, help="- \"streak\" for your logging streak and badges")
