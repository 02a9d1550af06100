"""Intents whose handlers have not landed yet: say so plainly rather than pretend."""
from __future__ import annotations

from handlers.context import Context, InboundMessage, Reply

NOT_YET = {
    "log_meal": "I can't log meals yet.",
    "summary": "I can't show meal summaries yet.",
    "undo": "There's nothing I can undo yet: meal logging isn't available.",
    "streak": "I don't track logging streaks yet.",
    "question": "I can't answer feeding questions yet. Your pediatrician is the best person to ask.",
    "plan": "I can't make meal plans yet.",
    "caregiver": "I can't add caregivers yet.",
}


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    intent = ctx.settings.get("intent", "")
    return Reply(NOT_YET.get(intent, "I can't do that yet.") + " Text HELP to see what works today.", intent or None)
