"""One module per intent: what the bot says and does. Handlers never see Flask or Twilio.

Each module declares its `ROUTE` (see `handlers.routes`); this list is the whole registry, in the
order help lines are shown. A new intent is a new module plus one line here.
"""
from __future__ import annotations

from handlers.routes import Registry, build


def _routes() -> list:
    from handlers import account, caregiver, chart, doctor_report, export, greeting, help, language, links, log_meal
    from handlers import media, my_page, onboarding, opt_in, opt_out, photo, plan, profile, question, reactions, settings
    from handlers import streak, summary, time_zone, undo, voice

    return [
        log_meal.ROUTE, question.ROUTE, plan.ROUTE, summary.ROUTE, chart.ROUTE, doctor_report.ROUTE, my_page.ROUTE, undo.ROUTE, streak.ROUTE,
        caregiver.ROUTE, caregiver.CONTACT_CARD,
        profile.ROUTE, settings.ROUTE, time_zone.ROUTE, export.ROUTE, links.ROUTE, account.ROUTE, help.ROUTE, greeting.ROUTE, opt_out.ROUTE,
        opt_in.ROUTE, opt_in.OPTED_OUT, photo.ROUTE, voice.ROUTE, media.ROUTE, language.ROUTE, onboarding.ROUTE,
        reactions.ROUTE, reactions.SYMPTOM_ROUTE,
    ]


def __getattr__(name: str) -> Registry:
    """Build the registry on first use (the handler modules import each other, so not at import time)."""
    if name != "REGISTRY":
        raise AttributeError(name)
    registry = build(_routes())
    globals()["REGISTRY"] = registry
    return registry
