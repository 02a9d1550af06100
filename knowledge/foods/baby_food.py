"""Baby food: "a jar of pears", "Gerber 2nd foods apple carrot squash", "a pouch", "1st foods".

A jar or pouch of a food, or a baby brand's food, is SR28's baby food of it (strained, junior at
stage 3), a blend the row naming every food said; a stage's jar weighs what that stage's jar does.
"""
from __future__ import annotations

from knowledge.foods.brands import STAGE_JAR_G, STAGE_TUB_G, BrandSplit
from knowledge.foods.portions import Grams
from knowledge.foods.quantities import PACKAGES, UNIT_ALIASES, Quantity
from knowledge.foods.search import desc_words
from knowledge.foods.sr28 import singular
from knowledge.foods.table import FoodTable, Resolution, ResolvedFood
from knowledge.foods.text import content_tokens


def stage_jar(q: Quantity, split: BrandSplit) -> Grams | None:
    """"a jar of 1st foods": the jar size the stage says (SR28's Gerber First/Second/Third Foods jars)."""
    if split.stage is None or q.unit not in ("jar", "container", None):
        return None
    if q.unit == "container" and split.stage in STAGE_TUB_G:  # "a 1st foods tub": today's plastic tub
        return Grams((q.amount or 1.0) * STAGE_TUB_G[split.stage], False, f"stage {split.stage} tub")
    return Grams((q.amount or 1.0) * STAGE_JAR_G[split.stage], False, f"stage {split.stage} jar")


# Pouch weights printed on the brands' labels where they differ from the usual 3.5 oz (99 g) pouch
# (servings.json "pouch"): Happy Baby's pouches hold 4 oz (113 g), GoGo squeeZ's 3.2 oz (90 g).
POUCH_LABEL_G = {"happy baby": 113.0, "gogo squeez": 90.0}


def brand_pouch(q: Quantity, split: BrandSplit, unit_hint: str = "") -> Grams | None:
    """"half a Happy Baby pouch", "1 gogo squeez": the pouch weighs what the brand's label says."""
    pouch = q.unit == "pouch" or (q.unit is None and q.given and unit_hint == "pouch")
    if not pouch or split.brand is None or split.brand.name not in POUCH_LABEL_G:
        return None
    return Grams((q.amount or 1.0) * POUCH_LABEL_G[split.brand.name], False, f"{split.brand.name} pouch label")


def pack_unit(split: BrandSplit, table: FoodTable) -> str | None:
    """The package a brand's default comes in ("gogo squeeze applesauce" is one pouch), else None."""
    if split.brand is None or not split.brand.default:
        return None
    default = table.resolve_named(split.brand.default)
    hint = default.foods[-1].unit_hint if default.foods else ""
    return UNIT_ALIASES.get(hint) if UNIT_ALIASES.get(hint) in PACKAGES | {"tube"} else None


def baby_food_named(rest: list[str], split: BrandSplit, table: FoodTable) -> Resolution | None:
    """"Gerber 2nd foods apple carrot squash": the SR28 baby food naming every food said (its brand's row
    first), so a blend is not read as its first fruit."""
    content = [w for w in content_tokens(rest) if UNIT_ALIASES.get(w) not in PACKAGES and w != "puree"]
    if len(table.names.cover(content)) < 2:  # one food ("sweet potatoes"): baby_food's strained row
        return None
    for tail in ("puree", "pouch"):  # the curated blend ("apple banana puree") before any SR28 search
        entry = table.names.exact(" ".join([*content, tail]))
        if entry is not None and not entry.components and (record := table.get(entry.ndb_no)) is not None:
            return Resolution((ResolvedFood(record, entry.category, "", 0, len(rest)),))  # the pack weighs it
    drink = any(w in ("juice", "drink") for w in content)
    for words in (["babyfood", *split.brand_words, *content], ["babyfood", *content]):
        hit = table.search_index.search(words)
        record = table.search_index.foods[hit.index] if hit is not None else None
        if record is not None and record.food_group == "0300" and (drink or "juice" not in record.description.lower()) \
                and all(
                any(d.startswith(singular(w)[:5]) for d in desc_words(record.description)) for w in content):
            return Resolution((ResolvedFood(record, table.category(record), "", 0, len(rest)),))
    return None


def baby_food(resolution, rest: list[str], table: FoodTable, stage: int | None = None):
    """A jar of pears is strained baby pears (junior at stage 3): prefer the SR28 baby food of that food."""
    foods = resolution.foods  # "a jar of chicken and rice" is the baby food, not a recipe of rice and chicken
    if not foods or (len(foods) == 1 and foods[0].record.food_group == "0300") or not content_tokens(rest):
        return resolution
    content = content_tokens(rest)
    tries = [["babyfood", *content, "junior"]] if stage == 3 else []
    tries += [[*(singular(w) for w in content), "puree"], ["baby", *content],
              ["babyfood", *content, "strained"], ["babyfood", *content]]
    for words in tries:
        baby = table.resolve(words)
        said = {singular(w) for w in content}
        if baby.foods and not baby.unknown and baby.foods[-1].record.food_group == "0300" and any(
                d.startswith(w) for d in desc_words(baby.foods[-1].record.description) for w in said):
            return baby  # "apple" -> applesauce, never a vegetable mix
    return resolution
