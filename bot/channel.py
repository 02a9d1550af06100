"""Turn Twilio's webhook form into an InboundMessage; nothing below bot/ sees the form.

Everything here is untrusted until checked: the form is refused whole if it repeats a key or
carries a SID that is not Twilio's shape, and every text field is cut to a bound and cleared of
characters XML cannot carry (a NUL, which Postgres also refuses, and the other C0/C1 controls)
before any regex or database sees it.
"""
from __future__ import annotations

import re
from typing import Mapping

from handlers.context import InboundMessage, Media
from knowledge.phones import normalize

MAX_TEXT = 1600  # Twilio's own limit for a message body (error 21617)
MAX_FIELD = 200  # profile names, button payloads, addresses
MAX_URL = 1000
MAX_MEDIA = 10
EXTRA_FIELDS = ("Latitude", "Longitude", "Address", "Label", "ButtonText", "ButtonPayload",
                "OriginalRepliedMessageSid")
SID_FIELDS = ("MessageSid", "SmsMessageSid", "SmsSid")
MESSAGE_SID = re.compile(r"(?:SM|MM)[0-9a-fA-F]{32}")
MESSAGE_TYPE = re.compile(r"[a-z][a-z0-9_-]{0,19}")
# Not allowed in XML 1.0 (so not in TwiML), plus DEL and the C1 controls; \t and \n stay.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class BadSender(ValueError):
    """The From field is not a phone number we can answer."""


class BadForm(ValueError):
    """The form is not one Twilio would send (a repeated key, a malformed or mismatched SID)."""


def clean_text(value: str | None, limit: int) -> str:
    """Cut to `limit` characters first, then drop what XML and Postgres cannot store."""
    return _UNSAFE.sub("", (value or "")[:limit].replace("\r\n", "\n").replace("\r", "\n"))


def refuse_repeated_keys(keys_and_counts: Mapping[str, int]) -> None:
    """Twilio sends each field once; a repeated key is a re-split of a signed string."""
    repeated = sorted(k for k, n in keys_and_counts.items() if n > 1)
    if repeated:
        raise BadForm(f"repeated field {repeated[0][:40]!r}")


def message_sid(form: Mapping[str, str], required: bool = True) -> str:
    """MessageSid, checked: SM/MM + 32 hex, and equal to the deprecated copies where present."""
    sid = form.get("MessageSid") or ""
    if not sid and not required:
        return ""
    if not MESSAGE_SID.fullmatch(sid):
        raise BadForm("MessageSid is not SM/MM followed by 32 hex digits")
    for name in SID_FIELDS[1:]:
        copy = form.get(name)
        if copy is not None and copy != sid:
            raise BadForm(f"{name} differs from MessageSid")
    return sid


def _media(form: Mapping[str, str]) -> tuple[Media, ...]:
    raw = (form.get("NumMedia") or "0").strip()
    count = min(int(raw), MAX_MEDIA) if raw.isascii() and raw.isdigit() and len(raw) <= 3 else 0
    found = []
    for i in range(count):
        url = clean_text(form.get(f"MediaUrl{i}"), MAX_URL + 1).strip()
        if url and len(url) <= MAX_URL:
            content_type = clean_text(form.get(f"MediaContentType{i}"), 100).strip().lower()
            found.append(Media(url, content_type))
    return tuple(found)


def _message_type(form: Mapping[str, str], media: tuple[Media, ...]) -> str:
    given = clean_text(form.get("MessageType"), 40).strip().lower()
    if MESSAGE_TYPE.fullmatch(given):
        return given
    return "media" if media else "text"  # absent or not a word: judge by what came with it


def parse_inbound(form: Mapping[str, str]) -> InboundMessage:
    """Read the fields we use; unknown fields are ignored (Twilio adds them without notice)."""
    sid = message_sid(form)
    raw_from = clean_text(form.get("From"), 60).strip()
    sender = normalize(raw_from)
    if not sender:
        raise BadSender(raw_from)
    channel = "whatsapp" if raw_from.lower().startswith("whatsapp:") else "sms"
    media = _media(form)
    extras = tuple((k, clean_text(form[k], MAX_FIELD)) for k in EXTRA_FIELDS if form.get(k))
    profile_name = clean_text(form.get("ProfileName"), 80).strip()
    return InboundMessage(channel=channel, sender=sender, text=clean_text(form.get("Body"), MAX_TEXT).strip(),
                          sid=sid, media=media, message_type=_message_type(form, media),
                          profile_name=profile_name or None, extras=extras)
