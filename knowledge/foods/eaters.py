"""Whose food a sentence tells: keep the logged child's intake when one text tells of several people.

"Maya had 1 cup mac and cheese. Jonah (6) ate double that. Baby (9mo) had some peas" logs Maya's
dinner; "Noah ate rice, Eli just ate the plantains", "her brother had the nuggets", "I finished the
crusts" are someone else's. `for_child(text, name)` drops those parts, up to the end of the sentence;
"they both had 4 oz milk", "the twins split a quesadilla" are the child's too. The child is `name` when
the text names it, else the first child the text names as eating.
"""
from __future__ import annotations

import re

# Capitalised words that stand where a child's name would and are not another child.
_NOT_CHILDREN = frozenset(
    "i we you he she they it both everyone everybody nobody twins twin kids baby babe bub lo dd ds toddler "
    "grandma grandpa granny gran nana nanna nonna abuela abuelo oma opa lola lolo halmeoni mil fil mom mum "
    "mommy mummy mama dad daddy papa nanny sitter babysitter teacher daycare nursery preschool school "
    "breakfast brunch lunch dinner supper snack dessert today tonight yesterday then also just only so and "
    "but honestly maybe later after before this that".split())
_WAYS = r"(?:(?:just|only|also|then|barely|finally|mostly|still|never|really|actually|happily|literally|even|both)\s+)*"
_ATE = (r"(?:had|has|ate|eats|eaten|drank|drinks|tried|finished|refused|split|shared|loved|liked|hated|devoured|"
        r"gobbled|inhaled|wolfed|polished|took|got|nibbled|picked|licked|spat|spit|lives|touched|wouldn'?t|won'?t|didn'?t|"
        r"did not|would not)\b")
_AGE = r"(?:\s*\([^()]{0,30}\))?"  # "Jonah (6)", "Baby (9mo)"
_NAME = r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-HJ-Z](?![\w'&.]))"  # "Maya", "Jo-Ann"; twins written "A" and "B"
_EATER = re.compile(rf"\b(?P<name>{_NAME})(?P<age>{_AGE})\s+{_WAYS}{_ATE}")
_BABY = frozenset({"baby", "bub", "toddler"})  # "Baby (9mo) had some peas": a third child, by the age
_CHAIN = re.compile(rf"\b(?P<chain>{_NAME}(?:{_AGE}\s*(?:,|and|&|\+|n)\s*{_NAME})+){_AGE}\s+{_WAYS}{_ATE}")
_NAMED_FOR = re.compile(rf"\b(?:for|track|tracking|log|logging)\s+(?P<name>{_NAME})\b(?!')")
# Where a new subject may begin inside a sentence.
_BOUNDARY = r"(?:^|(?<=[,:;])|\s[-\u2013]\s|\b(?:and|but|while|whereas|then|so|though|when|anyway)\b|[&+])\s*"
_SIBLING = re.compile(r"(?:(?:her|his|my|their|the|our)\s+)?(?:(?:big|little|older|younger|baby|twin|other)\s+)?"
                      r"(?:(?:brother|sister|sibling|cousin|friend|bro|sis)s?|twin)\b(?!')"  # "his twin had the toast"
                      r"|(?:the|our|my|his|her|their)\s+(?:dog|puppy|pup|doggy|doggie|doggo|cat|kitty)\b"  # "the dog got her peas"
                      r"(?=\s+(?:\w+\s+)?(?:got|gets|ate|eats|had|has|stole|snagged|grabbed|finished|took|hoovered|licked)\b)", re.I)
_GROWN_UP = re.compile(rf"(?:i|(?:(?:my|his|her|their|our)\s+)?(?:husband|wife|partner|dad|daddy|mom|mommy|mum|mummy)|hubby|dh)\s+{_WAYS}"
                       r"(?:had|ate|finished|drank|took|polished)\b", re.I)  # "I ate the crusts"
# The child again after a grown-up's clause: "I had coffee when he asked for broccoli, he ate 3 florets".
_CHILD_AGAIN = re.compile(rf"(?:he|she)\s+{_WAYS}(?:{_ATE}|asked for|begged for|wanted|grabbed|demanded)", re.I)
_TOGETHER = re.compile(r"(?:they|we|both|the twins|twins|the kids|the boys|the girls|everyone|all of them|each)\b", re.I)
_SENTENCE = re.compile(r"(?<!\d)[.!?\n;]+(?!\d)")
OTHER, OURS = "other", "ours"


def eaters(text: str) -> list[str]:
    """The names the text gives as eating, in order: "Noah ate ...", "Amara + Kofi had ..."."""
    spots = [(m.start(), m.group("name")) for m in _EATER.finditer(text)
             if m.group("name").lower() not in _NOT_CHILDREN or m.group("age") and m.group("name").lower() in _BABY]
    for m in _CHAIN.finditer(text):
        spots += [(m.start() + n.start(), n.group(0)) for n in re.finditer(_NAME, m.group("chain"))
                  if n.group(0).lower() not in _NOT_CHILDREN]
    spots += [(m.start(), m.group("name")) for m in _NAMED_FOR.finditer(text) if m.group("name").lower() not in _NOT_CHILDREN]
    names: list[str] = []
    for _, name in sorted(spots):
        if name not in names:
            names.append(name)
    return names


def for_child(text: str, name: str | None = None) -> str:
    """The text without what other people ate; unchanged when it names no one else eating."""
    names = eaters(text)
    ours = name if name and re.search(rf"\b{re.escape(name)}\b", text, re.I) else (names[0] if names else None)
    others = [n for n in names if ours is None or n.lower() != ours.lower()]
    if not others and not _SIBLING.search(text) and not _GROWN_UP.search(text):
        return text
    kept, at = [], 0
    for m in _SENTENCE.finditer(text):
        kept.append(_ours_only(text[at : m.start()], others, ours) + text[m.start() : m.end()])
        at = m.end()
    if at < len(text):  # the last sentence, also when it ends on a number ("sister ate the other 2")
        kept.append(_ours_only(text[at:], others, ours))
    return "".join(kept)


def _ours_only(sentence: str, others: list[str], ours: str | None) -> str:
    """One sentence without the parts whose subject is someone else."""
    other_names = "|".join(re.escape(n) for n in others) or r"(?!x)x"
    subject = re.compile(
        rf"{_BOUNDARY}(?:(?P<chain>{_NAME}{_AGE}(?:\s*(?:,|and|&|\+)\s*{_NAME}{_AGE})+)\s"
        rf"|(?P<other>(?:{other_names})\b(?!')){_AGE}\s+(?=[a-z\d])"
        rf"|(?P<ours>{re.escape(ours) if ours else r'(?!x)x'}\b(?!'))"
        rf"|(?P<sibling>(?i:{_SIBLING.pattern}))\s+(?=[a-z])|(?P<grown>(?i:{_GROWN_UP.pattern}))"
        rf"|(?P<together>(?i:{_TOGETHER.pattern}))|(?P<again>(?i:{_CHILD_AGAIN.pattern})))")
    owner, out, at = OURS, [], 0
    for m in subject.finditer(sentence):
        start = m.start() if m.group(0).strip() else None
        if start is None:
            continue
        whose = _owner(m, ours)
        if whose is None:
            continue
        if whose == OURS and m.group("chain"):  # "Amara + Kofi had porridge": they had it, no food named Amara
            out += [sentence[at : m.start("chain")] if owner == OURS else "", "they"]
            owner, at = OURS, m.end("chain")
            continue
        if owner == OURS:
            out.append(sentence[at:start])
        owner, at = whose, start
    if owner == OURS:
        out.append(sentence[at:])
    return "".join(out)


def _owner(m: re.Match, ours: str | None) -> str | None:
    """Whose part a subject opens: ours, someone else's, or None (not a subject after all)."""
    if m.group("chain"):
        chained = [n.lower() for n in re.findall(_NAME, m.group("chain"))]
        if any(n in _NOT_CHILDREN for n in chained):
            return None
        return OURS if ours is not None and ours.lower() in chained else OTHER
    if m.group("other") or m.group("sibling") or m.group("grown"):
        return OTHER
    return OURS
