"""A bare time-zone answer ("London", "Pacific") after onboarding sets the time zone.

Its own claim, so it never depends on the meal parser reading the word as an unknown food; a food's
exact name ("turkey") stays a meal.
"""
from __future__ import annotations

import re
from typing import Any

from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route
from handlers.zones import parse_time_zone


def bare_zone(ctx: Context, text: str) -> str | None:
    """The zone a short, number-free message names, unless it is a food's exact name."""
    words = re.findall(r"[A-Za-z/_]+", text)
    if not ctx.children or not words or len(words) > 4 or re.search(r"\d", text):
        return None
    zone = parse_time_zone(text)
    if zone is None or ctx.knowledge.food_table().names.exact(" ".join(w.lower() for w in words)) is not None:
        return None
    return zone


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    zone = bare_zone(ctx, msg.text)
    if zone is None:  # claimed, so not expected; say what we can do rather than guess
        return Reply("Which time zone are you in? Reply Eastern, Central, Mountain, Pacific, or a city like London.",
                     "settings")
    ctx.person.timezone = zone
    return Reply(f"Time zone set to {zone}. Text \"settings\" to see or change it.", "settings")


def _claims(msg: InboundMessage, ctx: Context, found: Any) -> bool:
    return bare_zone(ctx, msg.text) is not None


ROUTE = Route("time_zone", handle, claim=_claims, priority=31, label=False)
