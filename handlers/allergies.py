"""Reading allergy lists from texts and recording them on a child."""
from __future__ import annotations

import re

from sqlalchemy.orm import Session

from knowledge.food_safety import normalize_allergen
from storage.models import Allergy, Child

NONE = re.compile(r"^\W*(?:(?:none|no|nope|nothing|nah|no allergies|none known|not that (?:i|we)(?:'re| are)? "
                  r"(?:know|aware)(?: of)?|none that (?:i|we) know of|n/?a|nkda|no known(?: food)? allergies|"
                  r"not any|no food allergies|no allergies known|none found|all good|nothing known)"
                  r"(?:[\s,.!]+(?:so far|yet|as of now|for now|thankfully|luckily|that we know of|that i know of|"
                  r"we know of|i know of|known|none|nope|no|thank god|phew))*|not yet|nothing yet|none yet|"
                  r"not so far|none so far)\W*$", re.I)
LEAD = re.compile(r"^\s*(?:(?:she|he|they|it)(?:'s| is| are)?\s+)?(?:is\s+|are\s+)?(?:allergic\s+to|allergies?:?|"
                  r"allergy\s+to)\s+", re.I)
SPLIT = re.compile(r"\s*(?:,|;|/|&|\band\b|\bplus\b|\+)\s*", re.I)
LABELS = {"tree_nut": "tree nuts", "peanut": "peanuts", "egg": "eggs"}


def is_none(text: str) -> bool:
    return bool(NONE.match(text))


def parse_list(text: str) -> list[str]:
    """'peanuts, eggs and dairy' -> ['peanut', 'egg', 'milk']; other foods are kept as written."""
    body = LEAD.sub("", text.strip().rstrip(".!"))
    names: list[str] = []
    for part in SPLIT.split(body):
        part = re.sub(r"^(to|a|an|some|maybe)\s+", "", part.strip().lower())
        if not part or len(part) > 40 or not re.search(r"[a-z]", part):
            continue
        name = normalize_allergen(part) or part
        if name not in names:
            names.append(name)
    return names


def label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " "))


def add(session: Session, child: Child, names: list[str]) -> list[str]:
    """Record allergies not yet on the child; return their readable labels."""
    have = {a.name for a in child.allergies}
    for name in names:
        if name not in have:
            child.allergies.append(Allergy(name=name))
            have.add(name)
    session.flush()
    return [label(n) for n in names]


def remove(session: Session, child: Child, names: list[str]) -> list[str]:
    removed = [a for a in child.allergies if a.name in names]
    for allergy in removed:
        child.allergies.remove(allergy)
    session.flush()
    return [label(a.name) for a in removed]
