"""Which child a message is about, and small phrases about children."""
from __future__ import annotations

import re

from handlers.context import Context
from storage.models import Child

FOR_PREFIX = re.compile(r"^\s*(?:for|re|about)\s+([A-Za-z][\w'-]*)\s*[:,-]\s*", re.I)


def split_for_prefix(text: str) -> tuple[str | None, str]:
    """'for Leo: 2 eggs' -> ('Leo', '2 eggs')."""
    match = FOR_PREFIX.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():]


# Words that stand where a child's name would and are not names: pronouns, people, meals, times.
NOT_NAMES = frozenset(
    "i we you he she they it him her them his hers their my our your me us this that these those who "
    "which what someone somebody everyone everybody nobody both all each either baby babe bub bubs lo dd ds "
    "kid kids kiddo toddler son daughter boy girl twin twins little one mine ours theirs mom mum dad mommy daddy "
    "mama papa grandma grandpa nanny breakfast brunch lunch dinner supper snack snacks today tonight yesterday "
    "morning afternoon evening now then later first second babies toddlers children infants kiddos "
    "why how when where is are was do does did can could should would will add show remove delete set change "
    "please and but so also just still really actually ok okay yes no hi hey hello thanks "
    # places and the other people who feed a child: "daycare had a donut party", "grandma gave her..."
    "daycare nursery preschool school creche kindergarten camp church party sitter babysitter nan nana nanna "
    "gran granny grandad granddad grandmother grandfather grandparents auntie aunt uncle cousin mil fil inlaws "
    "teacher teachers friend friends neighbor neighbour hubby husband wife partner dh brother sister family "
    "everyone".split())
_NAME = r"([A-Za-z][A-Za-z-]{1,30})"
# A name in a child's place: the subject of eating or of a profile fact, "my son Leo", "can Leo have".
_SUBJECT = re.compile(
    rf"^\s*{_NAME}(?:'s)?\s+(?:had|has had|ate|eats|drank|drinks|tried|refused|finished|loved|hated|hates|"
    r"loves|likes|liked|turned|just turned|is turning|doesn'?t|didn'?t|won'?t|wouldn'?t|can'?t|isn'?t|"
    r"is allergic|was born|is born|is (?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|"
    r"birthday|bday|date of birth|dob|allerg)", re.I)
_RELATION = re.compile(r"\b(?:son|daughter|boy|girl|baby|kid|toddler|twin|brother|sister)\s+([A-Z][a-z-]{1,30})\b")
# "can Leo have", "is it ok for Leo to": a name asked about ("before I could get to him" names no one).
_ASKING = re.compile(rf"\b(?:(?:can|could|should|may|does|did|will)\s+{_NAME}\s+(?:have|eat|drink|try|start|get|be given)"
                     rf"|(?:is it ok|is it okay|is it safe|is it fine|okay|ok|safe)\s+for\s+{_NAME}\s+to)\b", re.I)


def names_child(name: str, text: str) -> bool:
    """Whether the text names this child ("Leo", "Leo's"), whatever the case."""
    return re.search(rf"\b{re.escape(name.lower())}(?:'s)?\b", text.lower()) is not None


def named_stranger(ctx: Context, text: str) -> str | None:
    """A name the text gives a child that is not one of this household's children, else None."""
    known = {c.name.lower() for c in ctx.children}
    if any(names_child(name, text) for name in known):
        return None
    candidates = [split_for_prefix(text)[0]]
    for pattern in (_SUBJECT, _RELATION, _ASKING):
        match = pattern.search(text)
        candidates.append(next((name for name in match.groups() if name), None) if match else None)
    for name in candidates:
        if name and name.lower() not in NOT_NAMES and name.lower() not in known and not _a_food(name):
            return name[:1].upper() + name[1:]
    return None


def _a_food(word: str) -> bool:
    """'egg allergy kid', 'peanut allergic toddler': a food or an allergen in a name's place is not a name."""
    from knowledge.food_safety import normalize_allergen
    from knowledge.food_safety_scan import find_mentions

    return normalize_allergen(word) is not None or bool(find_mentions(word))


def find_child(ctx: Context, text: str) -> tuple[Child | None, str]:
    """The child a text names ('for Leo: ...' or a name in it), else the only child; and the rest.
    A name that is none of the household's children gives None: ask, never guess the only child."""
    children = ctx.children
    named, rest = split_for_prefix(text)
    if named:
        for child in children:
            if child.name.lower() == named.lower():
                return child, rest
    for child in children:
        if names_child(child.name, text):
            return child, text
    if named_stranger(ctx, text):
        return None, rest
    if len(children) == 1:
        return children[0], text
    return None, text


def not_our_child(ctx: Context, name: str) -> str:
    """What to say when a message names a child who is not on the profile."""
    children = ctx.children
    if not children:
        return f"I don't have {name} on your profile yet. Text \"add a child\" to add {name}."
    return (f"I don't have a child called {name} on your profile ({names_of(children)}). Who was it about? "
            f"Start with \"for {children[0].name}:\", or text \"add a child\" to add {name}.")


GROUP = re.compile(r"\b(?:both(?: of (?:them|the kids|the boys|the girls))?|the twins|twins|the kids|both kids|"
                   r"the boys|the girls|all (?:three|3|of them)|everyone|the children|the babies|each of them)\b"
                   r"(?:\s+(?:each|both))?", re.I)


def find_children(ctx: Context, text: str) -> list[tuple[Child, str]]:
    """Each child a meal text is about, with that child's part of it.

    "both had Cheerios" / "the twins had..." -> every child, the same text; "Leo had toast and Maya had
    eggs" -> (Leo, "had toast"), (Maya, "had eggs"); "Leo and Maya had pasta" -> both, the same text.
    Anything else is `find_child`'s one child (or none)."""
    children = ctx.children
    if len(children) > 1 and GROUP.search(text):
        rest = GROUP.sub(" ", text, count=1).strip()
        return [(child, rest) for child in children]
    spots = sorted((m.start(), m.end(), child) for child in children
                   for m in re.finditer(rf"\b{re.escape(child.name)}(?:'s)?\b", text, re.I))
    if len({c.id for _, _, c in spots}) > 1:
        parts: list[tuple[Child, str]] = []
        waiting: list[Child] = []
        for i, (start, end, child) in enumerate(spots):
            stop = spots[i + 1][0] if i + 1 < len(spots) else len(text)
            between = re.sub(r"^[\s,:;-]*(?:and|&|\+)?[\s,:;-]*$", "", text[end:stop])
            if not between.strip():  # "Leo and Maya had pasta": the next part is theirs too
                waiting.append(child)
                continue
            part = re.sub(r"[\s,;]*(?:and|&|but|while|then)?[\s,;]*$", "", text[end:stop], flags=re.I)
            parts.extend((c, part.strip(" ,:-")) for c in [*waiting, child])
            waiting = []
        if parts:
            return parts
    child, rest = find_child(ctx, text)
    return [(child, rest)] if child is not None else []


def names_of(children: list[Child]) -> str:
    names = [c.name for c in children]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


def first_child_name(ctx: Context) -> str:
    children = ctx.children
    return children[0].name if len(children) == 1 else "your little one"
