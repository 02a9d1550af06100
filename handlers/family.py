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


def find_child(ctx: Context, text: str) -> tuple[Child | None, str]:
    """The child a text names ('for Leo: ...' or a name in it), else the only child; and the rest."""
    children = ctx.children
    named, rest = split_for_prefix(text)
    if named:
        for child in children:
            if child.name.lower() == named.lower():
                return child, rest
    lowered = text.lower()
    for child in children:
        if re.search(rf"\b{re.escape(child.name.lower())}(?:'s)?\b", lowered):
            return child, text
    if len(children) == 1:
        return children[0], text
    return None, text


def names_of(children: list[Child]) -> str:
    names = [c.name for c in children]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


def first_child_name(ctx: Context) -> str:
    children = ctx.children
    return children[0].name if len(children) == 1 else "your little one"
