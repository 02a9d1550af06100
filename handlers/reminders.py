"""When daily reminders may go out: the default time and quiet hours (21:00 to 08:00 local)."""
from __future__ import annotations

from datetime import time

DEFAULT_REMINDER = time(19, 0)
QUIET_START = time(21, 0)
QUIET_END = time(8, 0)
QUIET_REFUSAL = ("That's inside quiet hours (9 PM to 8 AM), when I never send reminders. "
                 "Pick a time between 8 AM and 9 PM, like 7pm.")


def in_quiet_hours(at: time) -> bool:
    """Is this local time of day inside quiet hours?"""
    return at >= QUIET_START or at < QUIET_END
