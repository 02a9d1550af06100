"""Plan calendars: an .ics file behind an unguessable, expiring token; anything else is a 404."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, current_app
from icalendar import Calendar, Event

from knowledge.planner import Plan
from storage import plans as plan_store

bp = Blueprint("plan_files", __name__)
MEAL_TIMES = {"breakfast": time(8, 0), "snack": time(10, 0), "lunch": time(12, 0), "snack 2": time(15, 30),
              "dinner": time(17, 30)}
TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")


@bp.get("/plans/<token>.ics")
def calendar(token: str) -> Response:
    """Serve one plan as a calendar, one event per meal, if the token is valid and unexpired."""
    if not 20 <= len(token) <= 64 or not set(token) <= TOKEN_CHARS:
        abort(404)
    services = current_app.extensions["tinytummy"]
    with services.sessions() as session:
        row = plan_store.plan_for_link(session, token, services.clock())
        if row is None:
            abort(404)
        zone = _zone(session, row)
        body = ics_for(Plan.from_json(row.body), row.start_date, zone, row.id)
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": "attachment; filename=meal-plan.ics", "Cache-Control": "private, no-store",
        "Referrer-Policy": "no-referrer"})


def ics_for(plan: Plan, start, zone: ZoneInfo, plan_id: int) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//TinyTummy//meal plan//EN")
    cal.add("version", "2.0")
    for day in plan.days:
        on = start + timedelta(days=day.day - 1)
        for meal in day.meals:
            begins = datetime.combine(on, MEAL_TIMES.get(meal.meal, time(12, 0)), zone)
            event = Event()
            event.add("uid", f"plan-{plan_id}-day-{day.day}-{meal.meal.replace(' ', '-')}@tinytummy")
            event.add("summary", meal.meal.title() + ": " + ", ".join(i.name for i in meal.items))
            event.add("description", "\n".join(i.label() for i in meal.items))
            event.add("dtstart", begins)
            event.add("dtend", begins + timedelta(minutes=30))
            event.add("dtstamp", begins)
            cal.add_component(event)
    return cal.to_ical()


def _zone(session, row) -> ZoneInfo:
    from storage.models import Child, Person

    child = session.get(Child, row.child_id)
    person = session.get(Person, row.made_by_id) if row.made_by_id else None
    name = (person.timezone if person else None) or "UTC"
    return ZoneInfo(name) if child is not None else ZoneInfo("UTC")
