"""Private files behind an unguessable, expiring token (storage.links): plan calendars, data exports,
reports and charts, and the household page. A wrong, expired or revoked token is a 404, and so is a
token whose holder has lost access since; tokens never reach the logs (bot.log_privacy)."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, current_app
from icalendar import Calendar, Event
from sqlalchemy import select

from handlers.access import child_names
from knowledge.planner import Plan
from storage import links
from storage import plans as plan_store

bp = Blueprint("private_files", __name__)
MEAL_TIMES = {"breakfast": time(8, 0), "snack": time(10, 0), "lunch": time(12, 0), "snack 2": time(15, 30),
              "dinner": time(17, 30)}
TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
PRIVATE = {"Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex",
           "X-Content-Type-Options": "nosniff"}
ACTIONS = {"export": "manage", "report": "view", "chart": "view", "page": "view", "plan": "view"}


def _services():
    return current_app.extensions["tinytummy"]


def opened(session, token: str, kind: str) -> links.PrivateLink:
    """The live link this token opens for this kind, or a 404."""
    if not 20 <= len(token) <= 64 or not set(token) <= TOKEN_CHARS:
        abort(404)
    link = links.open_link(session, token, kind, _services().clock())
    if link is None or not links.holder_may(session, link, ACTIONS[kind]):
        abort(404)
    return link


def private(body: bytes | str, mimetype: str, filename: str | None = None) -> Response:
    headers = dict(PRIVATE)
    if filename:
        headers["Content-Disposition"] = f"attachment; filename={filename}"
    return Response(body, mimetype=mimetype, headers=headers)


@bp.get("/plans/<token>.ics")
def calendar(token: str) -> Response:
    """Serve one plan as a calendar, one event per meal, if the token is valid and unexpired."""
    with _services().sessions() as session:
        link = opened(session, token, "plan")
        row = session.get(plan_store.MealPlan, link.plan_id) if link.plan_id is not None else None
        if row is None:
            abort(404)
        zone = _zone(session, row)
        body = ics_for(Plan.from_json(row.body), row.start_date, zone, row.id)
    return private(body, "text/calendar", "meal-plan.ics")


@bp.get("/files/<token>/tinytummy-export.zip")
def export(token: str) -> Response:
    """The data export, built now from the data as it is."""
    from reports.export import build_export
    from storage.models import Person

    with _services().sessions() as session:
        link = opened(session, token, "export")
        person = session.get(Person, link.person_id)
        owned = [m.household for m in person.memberships if m.may("manage")]
        body = build_export(session, person, owned)
    return private(body, "application/zip", "tinytummy-export.zip")


RENDERED = {"report.pdf": "report", "chart.png": "chart"}  # file name -> link kind


@bp.get("/files/<token>/<any('report.pdf', 'chart.png'):name>")
def rendered(token: str, name: str) -> Response:
    """A report or chart as the job rendered it for this link (Twilio fetches it from here too)."""
    with _services().sessions() as session:
        link = opened(session, token, RENDERED[name])
        if link.content is None:
            abort(404)
        body, mimetype = link.content, link.content_type or "application/octet-stream"
    return private(body, mimetype, name if name.endswith(".pdf") else None)


PAGE_DAYS, PAGE_CHART_DAYS = 30, 7


@bp.get("/page/<token>")
def page(token: str) -> Response:
    """The household page: read-only HTML, no scripts, charts from the route below."""
    from reports.page import CSP, render_page

    with _services().sessions() as session:
        link = opened(session, token, "page")
        person, children, today = _page_facts(session, link, PAGE_DAYS)
        urls = {c.child_id: f"/page/{token}/chart-{c.child_id}.png" for c in children}
        expires = link.expires_at.astimezone(ZoneInfo(person.timezone or "UTC"))
        html = render_page(f"{child_names(children)}: feeding log", children, urls, today,
                           f"{expires:%b %-d, %Y}")
    response = private(html, "text/html")
    response.headers["Content-Security-Policy"] = CSP
    return response


@bp.get("/page/<token>/chart-<int:child_id>.png")
def page_chart(token: str, child_id: int) -> Response:
    """One child's chart on the household page, drawn now."""
    from reports.charts import render_chart_png

    with _services().sessions() as session:
        link = opened(session, token, "page")
        _, children, _ = _page_facts(session, link, PAGE_CHART_DAYS, only=child_id)
        if not children:
            abort(404)
        body = render_chart_png(children[0])
    return private(body, "image/png")


def _page_facts(session, link, days: int, only: int | None = None):
    """The holder, the facts of each child their membership covers in the link's household, and today."""
    from reports.facts import child_report, questions_shown_to
    from storage.models import Membership, Person

    person = session.get(Person, link.person_id)
    membership = session.scalars(select(Membership).where(Membership.person_id == person.id,
                                                          Membership.household_id == link.household_id)).one()
    today = _services().clock().astimezone(ZoneInfo(person.timezone or "UTC")).date()
    children = [c for c in membership.household.children if membership.covers(c) and only in (None, c.id)]
    return person, [child_report(session, c, today, days, questions_shown_to(c, person.id)) for c in children], today


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
