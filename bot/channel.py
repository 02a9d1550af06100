"""Turn Twilio's webhook form into an InboundMessage; nothing below bot/ sees the form."""
from __future__ import annotations

from typing import Mapping

from handlers.context import InboundMessage, Media
from knowledge.phones import normalize

MAX_TEXT = 4000  # Twilio caps at 1,600; anything longer is not from Twilio and is cut
EXTRA_FIELDS = ("Latitude", "Longitude", "Address", "Label", "ButtonText", "ButtonPayload",
                "OriginalRepliedMessageSid")


class BadSender(ValueError):
    """The From field is not a phone number we can answer."""


def _media(form: Mapping[str, str]) -> tuple[Media, ...]:
    try:
        count = max(0, min(int(form.get("NumMedia") or 0), 10))
    except ValueError:
        count = 0
    return tuple(Media(form[f"MediaUrl{i}"], (form.get(f"MediaContentType{i}") or "").lower())
                 for i in range(count) if form.get(f"MediaUrl{i}"))


def parse_inbound(form: Mapping[str, str]) -> InboundMessage:
    """Read the fields we use; unknown fields are ignored (Twilio adds them without notice)."""
    raw_from = (form.get("From") or "").strip()
    sender = normalize(raw_from)
    if not sender:
        raise BadSender(raw_from)
    channel = "whatsapp" if raw_from.lower().startswith("whatsapp:") else "sms"
    sid = form.get("MessageSid") or form.get("SmsMessageSid") or form.get("SmsSid") or ""
    media = _media(form)
    message_type = (form.get("MessageType") or ("media" if media else "text")).lower()
    extras = tuple((k, form[k]) for k in EXTRA_FIELDS if form.get(k))
    return InboundMessage(channel=channel, sender=sender, text=(form.get("Body") or "")[:MAX_TEXT].strip(),
                          sid=sid.strip(), media=media, message_type=message_type,
                          profile_name=form.get("ProfileName") or None, extras=extras)
