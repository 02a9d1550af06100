"""What a daily nudge says: short, varied, and answerable with a meal.

The worker gathers the facts (jobs/nudges.py); this module only picks the words. Which variant
goes out rotates by day among those that apply, so a parent does not read the same line daily.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

REPLY_HINT = 'Just reply with it, like "pasta and peas".'


@dataclass(frozen=True)
class NudgeFacts:
    """What today's nudge may mention, for one person."""

    child: str  # "Maya", or "Maya and Leo"
    streak: int  # logged days in a row, up to yesterday
    stale_allergen: tuple[str, str, int] | None = None  # (child, allergen, days since last eaten)
    refused: tuple[str, str] | None = None  # (child, a food turned down once and not eaten since)


def compose(facts: NudgeFacts, day: date, salt: int = 0) -> tuple[str, str]:
    """(variant, text) for today: the streak at stake, an allergen to keep up, a food to retry, or plain."""
    child = facts.child
    options: list[tuple[str, str]] = []
    if facts.streak >= 2:
        options.append(("streak", f"Day {facts.streak + 1} for {child}! What did {child} have today?"))
    if facts.stale_allergen:
        name, allergen, days = facts.stale_allergen
        options.append(("allergen", f"{name} last had {allergen} {days} days ago; a little now and then keeps it "
                                    f"in the diet. What did {name} eat today?"))
    if facts.refused:
        name, food = facts.refused
        options.append(("retry", f"{name} turned down {food} once. Little ones often need many tries, so maybe "
                                 f"offer a bit again? What did {name} eat today?"))
    if not options:
        options.append(("plain", f"Nothing logged for {child} today yet. What did {child} have?"))
    variant, text = options[(day.toordinal() + salt) % len(options)]
    return variant, f"{text} {REPLY_HINT}"
