"""Operator commands: `flask --app wsgi <command>`. Each entry point owns its transaction."""
from __future__ import annotations

import functools
import json
import sys
from datetime import datetime, time
from typing import Callable

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import func, inspect, select

from handlers.reminders import DEFAULT_REMINDER, in_quiet_hours
from storage import people
from storage.schema import upgrade


def _services():
    return current_app.extensions["tinytummy"]


# What a command needs loaded first, how to tell, and the command that loads it.
def _has_schema(services) -> bool:
    return inspect(services.engine).has_table("person")


def _has_foods(services) -> bool:
    from storage.foods import Food

    with services.sessions() as session:
        return bool(session.scalar(select(func.count()).select_from(Food)))


def _has_guidelines(services) -> bool:
    return services.knowledge.guidelines().count() > 0


READY: dict[str, tuple[Callable[..., bool], str, str]] = {
    "schema": (_has_schema, "the database has no tables yet", "flask --app wsgi db upgrade"),
    "foods": (_has_foods, "the food table is not loaded", "flask --app wsgi foods load"),
    "guidelines": (_has_guidelines, "the guideline store is empty", "flask --app wsgi knowledge load"),
}


def needs(*parts: str) -> Callable:
    """Refuse to run, in one line naming the command to run first, until these parts are loaded."""
    def wrap(command: Callable) -> Callable:
        @functools.wraps(command)
        def checked(*args, **kwargs):
            services = _services()
            for part in parts:
                ready, problem, fix = READY[part]
                if not ready(services):
                    raise click.ClickException(f"{problem}: run `{fix}` first")
            return command(*args, **kwargs)
        return checked
    return wrap


@click.group("db", cls=AppGroup, help="Database schema.")
def db_group() -> None:
    pass


@db_group.command("upgrade", help="Apply Alembic migrations up to the newest schema.")
def db_upgrade() -> None:
    upgrade(_services().engine)
    click.echo("database is at the newest schema")


@click.group("household", cls=AppGroup, help="Support and demo set-up.")
def household_group() -> None:
    pass


@household_group.command("create", help="Set up a household without the conversation.")
@click.option("--phone", required=True, help="The parent's number, E.164.")
@click.option("--child", "child_name", required=True)
@click.option("--birth-date", required=True, type=click.DateTime(formats=["%Y-%m-%d"]))
@click.option("--allergy", "allergies", multiple=True)
@click.option("--timezone", "zone", default=None, help="IANA name, e.g. America/Chicago.")
@click.option("--reminder", default="19:00", help="HH:MM local time (08:00-20:59), or off.")
@needs("schema")
def household_create(phone: str, child_name: str, birth_date: datetime, allergies: tuple[str, ...],
                     zone: str | None, reminder: str) -> None:
    from zoneinfo import ZoneInfo

    from handlers import allergies as allergy_words
    from knowledge.phones import guess_time_zones, normalize

    services = _services()
    number = normalize(phone)
    if not number:
        raise click.BadParameter(f"{phone!r} is not a phone number", param_hint="--phone")
    try:
        ZoneInfo(zone) if zone else None
    except Exception as exc:
        raise click.BadParameter(str(exc), param_hint="--timezone") from exc
    reminder_time = _reminder(reminder)
    now = services.clock()
    with services.sessions() as session, session.begin():
        person, _ = people.find_or_create_person(session, number, now)
        if people.owned_household(person) is not None:
            raise click.ClickException("that number already has a household")
        guesses = guess_time_zones(number)
        person.timezone = zone or (guesses[0] if guesses else "America/New_York")
        person.reminder_time = reminder_time or DEFAULT_REMINDER
        person.reminders_on = reminder_time is not None
        household = people.create_household(session, person, now)
        child = people.add_child(session, household, child_name, now)
        child.birth_date = birth_date.date() if isinstance(birth_date, datetime) else birth_date
        names = [n for a in allergies for n in allergy_words.parse_list(a)]
        allergy_words.add(session, child, names)
        people.conversation_for(session, person, now)
        household_id = household.id
    click.echo(household_id)


def _reminder(value: str) -> time | None:
    """'19:30' -> 19:30, 'off' -> None; a malformed time or one in quiet hours is refused."""
    if value.strip().lower() == "off":
        return None
    try:
        hh, mm = (int(x) for x in value.split(":"))
        when = time(hh, mm)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not HH:MM or off ({exc})", param_hint="--reminder") from exc
    if in_quiet_hours(when):
        raise click.BadParameter(f"{value} is in quiet hours (21:00-08:00)", param_hint="--reminder")
    return when


@click.group("nudges", cls=AppGroup, help="Daily reminders.")
def nudges_group() -> None:
    pass


@nudges_group.command("send-due", help="Run one pass of the daily nudges; print {\"due\": N, \"queued\": N}.")
@click.option("--at", "at", default=None, help="Act as if it were this instant (ISO 8601; default now).")
@needs("schema")
def nudges_send_due(at: str | None) -> None:
    from datetime import timezone

    from jobs.nudges import send_due
    from jobs.queue import InlineJobs, RedisJobs

    try:
        instant = datetime.fromisoformat(at) if at else None
    except ValueError as exc:
        raise click.BadParameter(f"{at!r} is not an ISO 8601 instant", param_hint="--at") from exc
    if instant is not None and instant.tzinfo is None:
        instant = instant.replace(tzinfo=timezone.utc)
    jobs = _services().jobs
    # Without Redis the jobs run here, before the command exits (a thread pool would be cut short).
    enqueue = jobs.enqueue if isinstance(jobs, RedisJobs) else InlineJobs().enqueue
    click.echo(json.dumps(send_due(instant, enqueue=enqueue)))


@click.group("intent", cls=AppGroup, help="The intent classifier.")
def intent_group() -> None:
    pass


@intent_group.command("classify", help="Classify one message per stdin line; print JSON lines.")
def intent_classify() -> None:
    services = _services()
    for line in sys.stdin:
        text = line.rstrip("\n")
        found = services.classify(text)
        click.echo(json.dumps({"text": text, "intent": found.intent, "intents": list(found.intents),
                               "confidence": round(found.confidence, 3)}))


@click.group("knowledge", cls=AppGroup, help="The feeding-guideline store (Chroma).")
def knowledge_group() -> None:
    pass


@knowledge_group.command("load", help="Load knowledge/guidelines into Chroma; only changed passages are written.")
def knowledge_load() -> None:
    from knowledge.guideline_store import open_client, sync_passages
    from knowledge.guidelines_corpus import load_passages

    config = _services().config
    report = sync_passages(open_client(config.chroma_path, config.chroma_host, config.chroma_port), load_passages())
    click.echo(f"guidelines: {report}")


@knowledge_group.command("search", help="Show the passages that best answer a question.")
@click.argument("question")
@click.option("--age-months", type=click.IntRange(0, 72), default=None)
@click.option("--json", "as_json", is_flag=True)
@click.option("-k", "k", type=click.IntRange(1, 20), default=3)
@needs("guidelines")
def knowledge_search(question: str, age_months: int | None, as_json: bool, k: int) -> None:
    from knowledge.guideline_store import format_hits, hits_as_json

    hits = _services().knowledge.guidelines().search(question, age_months, k=k)
    click.echo(json.dumps(hits_as_json(hits), indent=2) if as_json else format_hits(hits))


@click.group("foods", cls=AppGroup, help="The USDA SR28 food table.")
def foods_group() -> None:
    pass


@foods_group.command("load", help="Load all SR28 foods and portions into the database (idempotent).")
@needs("schema")
def foods_load() -> None:
    from knowledge.foods.sr28 import load_foods

    services = _services()
    with services.sessions() as session, session.begin():
        report = load_foods(session)
    click.echo(f"foods: {report}")


@click.group("meal", cls=AppGroup, help="Meal analysis.")
def meal_group() -> None:
    pass


@meal_group.command("analyze", help="Analyse one meal description per stdin line; print JSON lines.")
@click.option("--age-months", type=click.IntRange(0, 72), default=None)
@needs("schema", "foods")
def meal_analyze(age_months: int | None) -> None:
    from knowledge.food_safety import check_foods
    from knowledge.foods import analyze_meal

    table = _services().knowledge.food_table()
    for line in sys.stdin:
        text = line.rstrip("\n")
        analysis = analyze_meal(text, table, age_months)
        warnings = [f.message for f in check_foods(analysis.items, age_months, [])]
        click.echo(json.dumps({
            "text": text,
            "items": [{"name": i.name, "ndb_no": i.ndb_no, "grams": round(i.grams, 1),
                       "offered_grams": round(i.offered_grams, 1), "estimated": i.estimated}
                      for i in analysis.items],
            "totals": {k: round(v, 2) for k, v in analysis.totals.items()},
            "warnings": warnings + [f"didn't recognise '{w}'" for w in analysis.unknown],
            "doubts": [d.question("the child") for d in analysis.doubts[:1]],
            "meal_type": analysis.meal_type,
        }))


def init_app(app: Flask) -> None:
    from bot import console, plan_cli, processes

    for group in (db_group, household_group, nudges_group, intent_group, knowledge_group, foods_group, meal_group):
        app.cli.add_command(group)
    app.cli.add_command(console.console)
    app.cli.add_command(plan_cli.plan_group)
    app.cli.add_command(processes.serve)
    app.cli.add_command(processes.worker)
    app.cli.add_command(processes.clock)
