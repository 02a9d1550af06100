"""`help`: what the bot can do, in one message, from each live route's help line."""
from __future__ import annotations

from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    """List what works now, then opt-out and the emergency line."""
    from handlers import REGISTRY

    return Reply(
        "I'm TinyTummy, your feeding helper. Text me:\n" + "\n".join(REGISTRY.help_lines())
        + f"\nSTOP to unsubscribe. In an emergency call {ctx.emergency_number}.",
        "help",
    )


ROUTE = Route("help", handle, breakout=True, priority=45, needs_household=False)
