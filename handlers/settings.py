"""`settings`: reminder time, time zone and reminders on or off."""
from __future__ import annotations

import re

from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route
from handlers.reminders import DEFAULT_REMINDER, QUIET_REFUSAL, in_quiet_hours
from handlers.times import parse_time_of_day
from handlers.zones import describe_reminder, parse_time_zone
from knowledge.phones import guess_time_zones

OFF = re.compile(r"\b(turn off|switch off|stop|pause|disable|no more|cancel|mute|don'?t send|quit)\b.*"
                 r"\b(reminders?|nudges?|notifications?)\b|\b(reminders?|nudges?)\s+(off|paused|stop)\b", re.I)
ON = re.compile(r"\b(turn on|switch on|resume|enable|start|restart|unpause|unmute)\b.*\b(reminders?|nudges?)\b|"
                r"\b(reminders?|nudges?)\s+(on|back)\b", re.I)
ZONE = re.compile(r"\b(?:time ?zone|tz)\b\s*(?:is|to|:|=)?\s*(.+)$|\b(?:i'?m in|we'?re in|moved to|live in)\s+(.+)$",
                  re.I)
AT = re.compile(r"\b(?:at|to|for|@)\s+(.+)$", re.I)


def show(ctx: Context) -> Reply:
    person = ctx.person
    zone = person.timezone or "not set"
    if person.reminders_on and person.reminder_time:
        reminders = f"daily reminder at {describe_reminder(person.reminder_time, person.timezone)}"
    else:
        reminders = "reminders off"
    return Reply(f"Your settings: {reminders}; time zone {zone}. Change with \"remind me at 8pm\", "
                 "\"reminders off\" or \"time zone Pacific\".", "settings")


def _set_zone(ctx: Context, text: str) -> Reply:
    zone = parse_time_zone(text, guess_time_zones(ctx.person.phone))
    if zone is None:
        return Reply("I didn't recognise that time zone. Try Eastern, Central, Mountain, Pacific, "
                     "or a city like London.", "settings")
    ctx.person.timezone = zone
    return Reply(f"Time zone set to {zone}.", "settings")


# Where one request ends and the next begins ("remind me at 8:30pm. and what's my streak?"); "8.30pm" stays whole.
_CLAUSE_END = re.compile(r"[.!?;]+(?=\s|$)|\n+|\s+(?:and|also|then)\s+", re.I)


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    """Apply the one setting the text names, or show the settings. In a message with another request
    beside it, the setting is read from its own clause, not from the text after it."""
    clauses = [c.strip() for c in _CLAUSE_END.split(msg.text) if c and c.strip()]
    for clause in [msg.text.strip(), *clauses]:  # the whole text first: "turn reminders on and set them to 8pm"
        if (reply := _apply(clause, ctx)) is not None:
            return reply
    return show(ctx)


def _apply(text: str, ctx: Context) -> Reply | None:
    person = ctx.person
    if OFF.search(text):
        person.reminders_on = False
        return Reply("Reminders are off. Text \"reminders on\" to bring them back.", "settings")
    if match := ZONE.search(text):
        return _set_zone(ctx, match.group(1) or match.group(2))
    at = AT.search(text)
    when = parse_time_of_day(at.group(1)) if at else parse_time_of_day(text)
    if when is not None:
        if in_quiet_hours(when):
            return Reply(QUIET_REFUSAL, "settings")
        person.reminder_time, person.reminders_on = when, True
        return Reply(f"Done: I'll remind you at {describe_reminder(when, person.timezone)} "
                     "on days nothing's logged.", "settings")
    if ON.search(text):
        person.reminders_on = True
        person.reminder_time = person.reminder_time or DEFAULT_REMINDER
        return Reply(f"Reminders are on, at {describe_reminder(person.reminder_time, person.timezone)}.",
                     "settings")
    return None


ROUTE = Route("settings", handle, help="- \"remind me at 8pm\", \"reminders off\", \"time zone Pacific\"")
