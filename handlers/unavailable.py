"""Intents we recognise but whose handlers have not landed yet: say so plainly rather than pretend.

Each is a placeholder route (`live=False`, kept out of help); a module that declares a live route
for the same intent replaces it in the registry.
"""
from __future__ import annotations

from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route

NOT_YET = {
    "plan": "I can't make meal plans yet.",
}


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    intent = ctx.intent or ""
    return Reply(NOT_YET.get(intent, "I can't do that yet.") + " Text HELP to see what works today.", intent or None)


ROUTES = (
    Route("plan", handle, help="- \"plan\" for a day of meal ideas", live=False),
)
