"""Intents whose handlers have not landed yet: say so plainly rather than pretend."""
from __future__ import annotations

from handlers.context import Context, InboundMessage, Reply

NOT_YET = {
    "plan": "I can't make meal plans yet.",
    "caregiver": "I can't add caregivers yet.",
}


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    intent = ctx.settings.get("intent", "")
    return Reply(NOT_YET.get(intent, "I can't do that yet.") + " Text HELP to see what works today.", intent or None)
