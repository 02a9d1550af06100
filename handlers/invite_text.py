"""Reading an invite request: the number, what to call the person, the role and the children.

Pure functions over the text (and the inviter's children), so they are tested with tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.family import names_child
from knowledge.phones import normalize

PHONE = re.compile(r"\+?\(?\d[\d\s().\-]{3,20}\d")
# A birth date ("born 2024-08-10", "DOB 3/14/2024") has digits and dashes too, but is no phone number.
_DATE = re.compile(r"^\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2}))\s*$")


def phone_in(text: str) -> str | None:
    """The first run of digits that can be a phone number (seven digits or more, not a date)."""
    for match in PHONE.finditer(text):
        if sum(ch.isdigit() for ch in match.group()) >= 7 and not _DATE.match(match.group()):
            return match.group()
    return None
ROLE_WORDS = (
    (re.compile(r"\b(?:view(?:er)?|view[- ]only|read[- ]only|just (?:to )?(?:see|watch)|summar(?:y|ies) only)\b",
                re.I), "viewer"),
    (re.compile(r"\b(?:as (?:an? )?(?:owner|co-?owner|co-?parent|second parent|parent|admin))\b|"
                r"^\W*(?:owner|co-?owner|co-?parent|parent)\W*$", re.I), "owner"),
    (re.compile(r"\bas (?:an? )?caregiver\b|^\W*caregiver\W*$", re.I), "caregiver"),
)
LEAD = re.compile(r"^\W*(?:please\s+|pls\s+|can you\s+|could you\s+)?(?:invite|add|send (?:an |the )?invite to|"
                  r"share (?:the account |access |the log )?with|give|let)\b", re.I)
ROLE_PHRASE = re.compile(r"\b(?:as (?:an? |my )?)?(?:owner|co-?owner|co-?parent|second parent|admin|caregiver|"
                         r"viewer|view[- ]only|read[- ]only)\b", re.I)
FILLER = {"my", "our", "the", "a", "an", "as", "to", "her", "him", "his", "them", "their", "number", "is", "access",
          "please", "pls", "log", "logs", "logging", "meals", "meal", "too", "also", "here", "here's", "phone",
          "and", "with", "can", "could", "for", "of", "on", "at", "it", "she", "he", "they", "this", "that", "s",
          "invite", "add", "share", "give", "let", "send", "new", "see", "so", "be", "able", "account", "cell",
          "mobile", "tel", "no"}
TITLE_WORDS = {"mom", "mum", "mother", "dad", "father", "grandma", "grandpa", "granny", "nana", "nanna", "papa",
               "nanny", "babysitter", "sitter", "husband", "wife", "partner", "aunt", "auntie", "uncle", "sister",
               "brother", "daycare", "teacher"}


@dataclass(frozen=True)
class InviteRequest:
    """What an invite message said; anything missing is asked for before sending."""

    phone: str | None  # E.164
    bad_number: str | None  # something number-like we could not read
    name: str | None
    role: str
    child_ids: list[int] | None  # None: every child


def find_phone(text: str, region: str) -> tuple[str | None, str | None, str]:
    """The first phone number in the text (E.164), or the unreadable digits; and the text without it."""
    for match in PHONE.finditer(text):
        raw = match.group(0).strip()
        if sum(ch.isdigit() for ch in raw) < 5:
            continue
        rest = (text[:match.start()] + " " + text[match.end():]).strip()
        number = normalize(raw, region)
        return number, None if number else raw, rest
    return None, None, text


def find_role(text: str, default: str = "caregiver") -> str:
    for pattern, role in ROLE_WORDS:
        if pattern.search(text):
            return role
    return default


def find_children(text: str, children: list) -> list[int] | None:
    """Ids of the children the text names; None if it names none (meaning all of them)."""
    named = [c.id for c in children if names_child(c.name, text)]
    return named or None


def find_name(text: str, children: list) -> str | None:
    """What to call the person: 'invite grandma +1 ...' -> 'Grandma', 'add my husband' -> 'Husband'."""
    rest = LEAD.sub(" ", text)
    rest = ROLE_PHRASE.sub(" ", rest)
    for child in children:
        rest = re.sub(rf"\b(?:for|to|with|from)?\s*{re.escape(child.name)}(?:'s)?\b", " ", rest, flags=re.I)
    rest = re.sub(r"'s\b", " ", rest)
    words = [w for w in re.findall(r"[^\W\d_][^\W\d_'-]*", rest) if w.lower() not in FILLER]
    if not words or len(words) > 3:
        return None
    return " ".join(w[:1].upper() + w[1:].lower() for w in words)[:40]


def read_invite(text: str, children: list, region: str = "US") -> InviteRequest:
    """Parse an invite: number, name, role and children, each possibly missing."""
    phone, bad, rest = find_phone(text, region)
    return InviteRequest(phone=phone, bad_number=bad, name=find_name(rest, children), role=find_role(text),
                         child_ids=find_children(text, children))


def is_relation(name: str) -> bool:
    """'Grandma', 'Nanny': a word for a role in the family rather than someone's own name."""
    return name.lower() in TITLE_WORDS


def read_vcard(text: str) -> tuple[str | None, str | None]:
    """The display name and the (mobile, else first) phone number of a shared contact card."""
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]  # folded continuation line (RFC 6350 3.2)
        elif line.strip():
            lines.append(line.strip())
    name, phones = None, []
    for line in lines:
        key, _, value = line.partition(":")
        field, *params = key.split(";")
        field = field.rpartition(".")[2].upper()  # "item1.TEL" -> "TEL"
        if field == "FN" and value.strip() and name is None:
            name = value.replace("\\,", ",").replace("\\;", ";").strip()[:40]
        elif field == "TEL" and value.strip():
            mobile = any("cell" in p.lower() or "mobile" in p.lower() for p in params)
            phones.append((not mobile, value.removeprefix("tel:").strip()))
    phones.sort(key=lambda p: p[0])
    return name, phones[0][1] if phones else None
