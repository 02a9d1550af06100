"""`help`: what the bot can do, in one message."""
from __future__ import annotations

from handlers.context import Context, InboundMessage, Reply

# One line per capability, shown only when that intent's handler is live.
LINES: tuple[tuple[str, str], ...] = (
    ("log_meal", "- What your child ate: \"1/2 cup oatmeal and a banana\" (or a photo)"),
    ("question", "- A feeding question: \"can she have eggs yet?\""),
    ("summary", "- \"summary\" for today, \"yesterday\" or \"this week\""),
    ("undo", "- \"undo\" removes the last meal; \"actually it was 2 eggs\" fixes it"),
    ("streak", "- \"streak\" for your logging streak"),
    ("plan", "- \"plan\" for a day of meal ideas"),
    ("caregiver", "- \"invite +15551234567\" to add a grandparent, nanny or partner"),
    ("profile", "- \"add a child\", \"Maya is allergic to peanuts\", \"profile\""),
    ("settings", "- \"remind me at 8pm\", \"reminders off\", \"time zone Pacific\""),
    ("account", "- \"delete my data\" to erase everything"),
)


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    """List what works now, then opt-out and the emergency line."""
    live = ctx.settings.get("available") or {intent for intent, _ in LINES}
    lines = [line for intent, line in LINES if intent in live]
    return Reply(
        "I'm TinyTummy, your feeding helper. Text me:\n" + "\n".join(lines)
        + f"\nSTOP to unsubscribe. In an emergency call {ctx.emergency_number}.",
        "help",
    )
