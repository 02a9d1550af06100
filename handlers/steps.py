"""The data each pending step keeps, one small dataclass per step (stored as JSON, cleared when it ends)."""
from __future__ import annotations

from dataclasses import dataclass, field

from handlers.context import StepData


@dataclass
class Onboarding(StepData):
    """Setting up a number or adding a child: meals sent early, time zones to choose from."""

    pending_meals: list[str] = field(default_factory=list)
    zones: list[str] = field(default_factory=list)


@dataclass
class UnknownFood(StepData):
    """We asked what a word in a meal was; the meal (if any) waits for the answer."""

    meal_id: int | None = None
    unknown: list[str] = field(default_factory=list)


@dataclass
class PhotoWaiting(StepData):
    """A plate photo waits for its description (or for a YES to our guess)."""

    inbound_id: int | None = None
    url: str | None = None
    at: str | None = None  # ISO time the photo arrived
    asked: bool = False  # the clock already asked about it once
    proposal: str = ""  # our guess from the vision model, confirmed by YES


@dataclass
class ConfirmDelete(StepData):
    """We asked the parent to reply DELETE before erasing everything."""
