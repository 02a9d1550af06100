"""What a meal plan is: days of meals of items, each item a real SR28 food with grams and how to serve it."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class PlanItem:
    name: str
    ndb_no: str
    grams: float
    prep: str
    new: bool = False  # not yet in the child's log
    taste: bool = False  # a small amount of a refused or disliked food, for repeated exposure

    def label(self) -> str:
        """How a parent reads it: "grapes, quartered lengthwise"."""
        amount = "a taste of " if self.taste else ""
        return f"{amount}{self.name}, {self.prep}" if self.prep else f"{amount}{self.name}"


@dataclass(frozen=True)
class PlanMeal:
    meal: str  # breakfast | lunch | dinner | snack | snack 2
    items: tuple[PlanItem, ...]


@dataclass(frozen=True)
class PlanDay:
    day: int
    meals: tuple[PlanMeal, ...]

    def meal(self, name: str) -> PlanMeal | None:
        return next((m for m in self.meals if m.meal == name), None)


@dataclass(frozen=True)
class Plan:
    days: tuple[PlanDay, ...]
    notes: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The documented shape: {"days": [{"day": 1, "meals": [{"meal": ..., "items": [...]}]}]}."""
        return {"days": [{"day": d.day, "meals": [
            {"meal": m.meal, "items": [{"name": i.name, "ndb_no": i.ndb_no, "grams": round(i.grams, 1),
                                        "prep": i.prep, **({"new": True} if i.new else {}),
                                        **({"taste": True} if i.taste else {})} for i in m.items]}
            for m in d.meals]} for d in self.days], **({"notes": list(self.notes)} if self.notes else {})}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Plan:
        return cls(tuple(PlanDay(d["day"], tuple(
            PlanMeal(m["meal"], tuple(PlanItem(i["name"], i["ndb_no"], float(i["grams"]), i.get("prep", ""),
                                               bool(i.get("new")), bool(i.get("taste"))) for i in m["items"]))
            for m in d["meals"])) for d in data["days"]), tuple(data.get("notes", ())))

    def replace_meal(self, day: int, meal: PlanMeal) -> Plan:
        days = tuple(PlanDay(d.day, tuple(meal if m.meal == meal.meal else m for m in d.meals))
                     if d.day == day else d for d in self.days)
        return Plan(days, self.notes)


@dataclass(frozen=True)
class ChildFacts:
    """What the planner needs to know about one child; built by the handler or the CLI."""

    age_months: int
    allergies: tuple[str, ...] = ()  # as the parent recorded them ("peanut", "eggs", "kiwi")
    reactions: tuple[str, ...] = ()  # foods the child reacted to and not yet cleared
    dislikes: tuple[str, ...] = ()  # recent dislikes: left out
    old_dislikes: tuple[str, ...] = ()  # disliked a while ago: back now and then as a taste
    refused: tuple[str, ...] = ()  # refused lately: back in small amounts
    tolerated_allergens: tuple[str, ...] = ()  # major allergens eaten without a reaction
    logged_ndb: frozenset[str] = frozenset()  # foods the family already gives

    def avoid(self) -> tuple[str, ...]:
        """Everything that must never be planned: allergies and foods reacted to."""
        return self.allergies + self.reactions


def item_dict(item: PlanItem) -> dict[str, Any]:
    return asdict(item)
