"""What the meal parser gives back: one food phrase and what happened to it, and the whole meal."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParsedItem:
    """One food phrase and what happened to it; `words` are normalised (quantity included)."""

    raw: str
    words: tuple[str, ...]
    eaten_share: float | None = None  # 0 refused, 0.5 ate half; None: all of it
    eaten_bites: float | None = None  # "took 2 bites": bites eaten of an unknown serving
    bite_unit: str = "bite"
    clause: int = 0
    refers_back: bool = False  # "but she refused it": applies to earlier items, names no food
    eaten_count: float | None = None  # "he ate 3" after "gave him 5 strawberries": pieces eaten
    kind: str | None = None  # EAT, OFFER or REFUSE when a verb said so
    made_with: tuple[str, ...] = ()  # "mashed potatoes made with milk and butter": milk butter
    aside: tuple[str, ...] = ()  # "(the dino ones)": bracketed words that may or may not name the food
    cut_into: int | None = None  # "(cut into 8)": a wedge or slice is that share of the whole food
    bracketed: bool = False  # the whole segment was a bracket: "teething biscuit (1 arrowroot cookie)"
    only: bool = False  # "she only ate the sweet potato": the rest of what was served was not eaten


@dataclass(frozen=True)
class ParsedMeal:
    text: str
    meal_type: str | None
    items: tuple[ParsedItem, ...]
