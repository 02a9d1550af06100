"""Messages with no text: photos, voice notes, pins, stickers, contact cards and the unknown."""
from __future__ import annotations

from handlers.context import Context, InboundMessage, Reply
from handlers.family import first_child_name
from handlers.routes import Route


def kind_of(msg: InboundMessage) -> str:
    """What sort of thing arrived, from WhatsApp's MessageType or the media content types."""
    content = [m.content_type for m in msg.media]
    if msg.message_type == "location" or "Latitude" in dict(msg.extras):
        return "location"
    if msg.message_type == "sticker":
        return "sticker"
    if msg.message_type == "contacts" or any("vcard" in c for c in content):
        return "contact"
    for kind in ("image", "audio", "video"):  # only what actually came: MessageType alone is a claim
        if any(c.startswith(kind + "/") for c in content):
            return kind
    return "other" if msg.media or msg.message_type != "text" else "empty"


SAYINGS = {
    "location": "Thanks for the pin! I don't need locations - just text me what {child} ate or ask a feeding question.",
    "contact": "Thanks for the contact card! I can't read those. Text HELP to see what I can do.",
    "sticker": "Love it! Text me what {child} ate, or ask me a feeding question.",
    "image": "Got your photo! Text me what's on the plate (like \"1/2 cup pasta and peas\") and I'll log it.",
    "audio": "I can't listen to voice notes. Could you type it instead?",
    "video": "I can't watch videos. Text me what {child} ate, or ask me a feeding question.",
    "other": "I can only read text and photos. Text HELP to see what I can do.",
    "empty": "That message looked empty. Text HELP to see what I can do.",
}


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    """Answer a message that carries no text with what we can do with it."""
    kind = kind_of(msg)
    return Reply(SAYINGS[kind].format(child=first_child_name(ctx)), f"media:{kind}"[:20])


# Anything without text that no richer route (photo, voice) took.
ROUTE = Route("media", handle, claim=lambda msg, ctx, found: not msg.text, priority=80, breakout=True,
              label=False, needs_household=False)
