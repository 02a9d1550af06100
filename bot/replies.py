"""Fit a reply to its channel: plain GSM-7 text for SMS, and no part over Twilio's 1,600 chars.

One emoji or curly quote switches a whole SMS to UCS-2 (70 chars a segment instead of 160), so
SMS replies are folded to the GSM 03.38 alphabet. WhatsApp keeps its emoji and *bold*.
"""

from __future__ import annotations

import re
import unicodedata

# GSM 03.38 basic character set (one septet each), in table order 0x00-0x7F; ESC (0x1B) left out.
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# GSM 03.38 extension table: each costs two septets (ESC + char).
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")
GSM7_ALL = GSM7_BASIC | GSM7_EXTENSION

# Characters GSM-7 lacks, and what to write instead. Accents not here are folded by stripping
# the accent (á -> a); anything still outside GSM-7 (emoji, CJK, symbols) is dropped.
GSM7_REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "´": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "«": '"', "»": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2022": "-", "\u2023": "-", "\u25aa": "-", "\u25cf": "-", "\u00b7": "-",
    "\u2026": "...", "½": "1/2", "¼": "1/4", "¾": "3/4", "⅓": "1/3", "⅔": "2/3", "⅛": "1/8",
    "°": " deg", "×": "x", "÷": "/", "≤": "<=", "≥": ">=", "≈": "~", "→": "->", "←": "<-",
    "ç": "c", "\t": " ", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2028": "\n",
    "\u2122": "(TM)", "©": "(c)", "®": "(R)", "¢": "c", "µ": "u",
}

_DEGREES = re.compile(r"\s*°\s*([CF])\b")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s)")
_LINE_BREAK = re.compile(r"\n+")
_SPACE = re.compile(r"\s+")
_ELLIPSIS = "..."
_DROPPED = "\x00"  # marks a removed character until the spacing around it is tidied
_DROPPED_BEFORE_PUNCTUATION = re.compile(r"[ \t]*\x00[\x00 \t]*(?=[.,!?;:\n]|$)")

GSM7_SINGLE, GSM7_MULTI = 160, 153
UCS2_SINGLE, UCS2_MULTI = 70, 67
TWILIO_MAX_BODY = 1600
CHANNELS = ("sms", "whatsapp")


def to_gsm7(text: str) -> str:
    """Rewrite text in the GSM-7 alphabet: straight quotes, no emoji, no WhatsApp markup."""
    text = _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text))
    text = _DEGREES.sub(r"\1", text)
    out = text if GSM7_ALL.issuperset(text) else "".join(_fold(char) for char in text)  # most replies: as written
    out = _DROPPED_BEFORE_PUNCTUATION.sub("", out).replace(_DROPPED, "")
    out = re.sub(r"[ \t]{2,}", " ", out)
    out = re.sub(r" *\n *", "\n", out)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def is_gsm7(text: str) -> bool:
    """Tell whether every character is in the GSM-7 basic or extension table."""
    return GSM7_ALL.issuperset(text)


def sms_segments(text: str) -> int:
    """Count the SMS segments a text is billed as (160/153 GSM-7, 70/67 UCS-2)."""
    if not text:
        return 0
    if is_gsm7(text):
        sizes = [2 if char in GSM7_EXTENSION else 1 for char in text]
        single, multi = GSM7_SINGLE, GSM7_MULTI
    else:
        sizes = [2 if ord(char) > 0xFFFF else 1 for char in text]  # UTF-16 code units
        single, multi = UCS2_SINGLE, UCS2_MULTI
    if sum(sizes) <= single:
        return 1
    segments, used = 1, 0
    for size in sizes:  # an escape pair or surrogate pair is never split across segments
        if used + size > multi:
            segments, used = segments + 1, 0
        used += size
    return segments


def split_message(text: str, limit: int = TWILIO_MAX_BODY, max_parts: int = 3) -> list[str]:
    """Split text into at most max_parts parts of at most limit chars, at sentence ends."""
    if limit <= len(_ELLIPSIS) or max_parts < 1:
        raise ValueError("limit must be over 3 and max_parts at least 1")
    rest, parts = text.strip(), []
    while rest:
        if len(rest) <= limit:
            parts.append(rest)
            break
        if len(parts) == max_parts - 1:
            parts.append(_truncate(rest, limit))
            break
        cut = _cut_point(rest, limit)
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].strip()
    return parts


def format_for_channel(text: str, channel: str) -> list[str]:
    """Make a reply ready to send on 'sms' (GSM-7, split) or 'whatsapp' (as written, split)."""
    channel = channel.lower()
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    return split_message(to_gsm7(text) if channel == "sms" else text)


def _fold(char: str) -> str:
    """Turn one character into GSM-7 text, or the dropped marker if it has no GSM-7 form."""
    if char in GSM7_BASIC or char in GSM7_EXTENSION:
        return char
    if char in GSM7_REPLACEMENTS:
        return GSM7_REPLACEMENTS[char]
    plain = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return plain if plain and is_gsm7(plain) else _DROPPED


def _cut_point(text: str, limit: int) -> int:
    """Find where to end a part: the last sentence end, else line break, else space."""
    window = text[: limit + 1]
    cuts = [
        [m.end() for m in _SENTENCE_END.finditer(window) if m.end() <= limit],
        [m.start() for m in _LINE_BREAK.finditer(window) if 0 < m.start() <= limit],
        [m.start() for m in _SPACE.finditer(window) if 0 < m.start() <= limit],
    ]
    for wanted in (limit // 2, 1):  # prefer a part at least half full
        for found in cuts:
            good = [cut for cut in found if cut >= wanted]
            if good:
                return good[-1]
    return limit


def _truncate(text: str, limit: int) -> str:
    """Shorten text to fit limit with a clean '...' at a word boundary."""
    room = limit - len(_ELLIPSIS)
    cut = text[: room + 1]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    kept = cut[:space] if space > room // 2 else text[:room]
    return (kept.rstrip(" \n.,;:!?-") or text[:room]) + _ELLIPSIS
