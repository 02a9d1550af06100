"""The colour group of a fruit or vegetable, for the "rainbow week" badge: red, orange and yellow,
green, blue and purple, white and brown (the five groups of "eat the rainbow" advice)."""
from __future__ import annotations

import re
from functools import lru_cache

COLOURS: dict[str, tuple[str, ...]] = {
    "red": ("tomato", "strawberry", "raspberry", "cherry", "watermelon", "red pepper", "red bell pepper", "beet",
            "pomegranate", "cranberry", "apple", "red apple", "radish", "guava"),
    "orange and yellow": ("carrot", "sweet potato", "squash", "butternut squash", "acorn squash", "pumpkin", "mango",
                          "peach", "apricot", "cantaloupe", "orange", "mandarin", "clementine", "pineapple",
                          "papaya", "nectarine", "corn", "banana", "lemon", "persimmon", "yellow pepper",
                          "grapefruit", "passion fruit", "starfruit", "jackfruit", "yellow squash"),
    "green": ("broccoli", "pea", "spinach", "kale", "zucchini", "green bean", "avocado", "kiwi", "cucumber",
              "asparagus", "brussels sprout", "edamame", "cabbage", "bok choy", "collard", "lettuce", "celery",
              "green pepper", "honeydew", "lime", "green apple", "snap pea", "okra", "artichoke", "leek"),
    "blue and purple": ("blueberry", "blackberry", "plum", "prune", "grape", "raisin", "eggplant",
                        "purple cabbage", "red cabbage", "fig", "purple sweet potato"),
    "white and brown": ("cauliflower", "potato", "mushroom", "onion", "garlic", "parsnip", "pear", "turnip",
                        "coconut", "date", "ginger", "jicama", "lychee", "white peach"),
}
# SR28 food groups that hold fruit and vegetables (baby foods are mostly purees of them).
PRODUCE_GROUPS = ("0900", "1100", "0300")


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Longest phrase first, so 'sweet potato' wins over 'potato' and 'green apple' over 'apple'."""
    phrases = sorted(((p, c) for c, ps in COLOURS.items() for p in ps), key=lambda pc: -len(pc[0]))
    return [(re.compile(rf"\b{re.escape(p)}(?:e?s)?\b"), c) for p, c in phrases]


def colour_of(name: str, food_group: str = "") -> str | None:
    """The colour group of a fruit or vegetable by its name; None for other foods."""
    if food_group and food_group not in PRODUCE_GROUPS:
        return None
    text = name.lower().replace("berries", "berry").replace("cherries", "cherry")
    for pattern, colour in _patterns():
        if pattern.search(text):
            return colour
    return None
