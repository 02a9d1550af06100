"""A person's data as a zip of JSON and CSV files: profile, children, meals with items and nutrients,
questions and answers, settings. Built when the link is opened, so it is the data as it is now."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime, time
from typing import Any, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import messages
from storage.meals import Meal
from storage.models import Household, Inbound, Person

NUTRIENT_KEYS = ("kcal", "protein_g", "fat_g", "carbs_g", "fiber_g", "sugar_g", "calcium_mg", "iron_mg", "zinc_mg",
                 "vitamin_c_mg", "vitamin_a_ug", "vitamin_d_ug", "folate_ug", "sodium_mg")
README = """TinyTummy data export

profile.json    you: number, name, time zone, when you joined, your place on each household
settings.json   reminders, time zone, daily digest, opt-out
children.json   each child: name, birth date, allergies, reactions you reported, dislikes
children.csv    the same, one row per child
meals.json      every meal logged for your children, with its foods (grams eaten and offered) and nutrients
meals.csv       one row per meal with its nutrient totals
meal_items.csv  one row per food in a meal, with its nutrients
questions.json  the questions you asked and the answers you got
questions.csv   the same, one row per question

Nutrients are computed from the USDA SR28 food tables; grams are estimates where the message gave none.
"""


def build_export(session: Session, person: Person, households: list[Household]) -> bytes:
    """The zip for this person and the households they manage."""
    children = [c for h in households for c in h.children]
    meals = list(session.scalars(select(Meal).where(Meal.child_id.in_([c.id for c in children]))
                                 .order_by(Meal.eaten_at, Meal.id))) if children else []
    names = {c.id: c.name for c in children}
    child_rows = [_child(c) for c in children]
    meal_rows = [_meal(m, names) for m in meals]
    questions = _questions(session, person)
    files: dict[str, bytes] = {
        "README.txt": README.encode(),
        "profile.json": _json(_profile(person)),
        "settings.json": _json(_settings(person)),
        "children.json": _json(child_rows),
        "children.csv": _csv(child_rows, ("id", "name", "birth_date", "allergies", "reactions", "dislikes")),
        "meals.json": _json(meal_rows),
        "meals.csv": _csv(({**m, **m["nutrients"]} for m in meal_rows),
                          ("id", "child", "date", "eaten_at", "meal_type", "text", "logged_by") + NUTRIENT_KEYS),
        "meal_items.csv": _csv(({"meal_id": m["id"], "child": m["child"], "date": m["date"], **i, **i["nutrients"]}
                                for m in meal_rows for i in m["items"]),
                               ("meal_id", "child", "date", "name", "food", "ndb_no", "grams", "offered_grams",
                                "estimated") + NUTRIENT_KEYS),
        "questions.json": _json(questions),
        "questions.csv": _csv(questions, ("asked_at", "channel", "question", "answer")),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in files.items():
            archive.writestr(zipfile.ZipInfo(f"tinytummy-export/{name}", date_time=(2026, 1, 1, 0, 0, 0)), body,
                             zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _profile(person: Person) -> dict[str, Any]:
    return {"phone": person.phone, "name": person.name, "time_zone": person.timezone,
            "joined": person.created_at, "households": [
                {"household_id": m.household_id, "role": m.role, "name_on_log": m.name,
                 "children": [c.name for c in m.household.children if m.covers(c)]} for m in person.memberships]}


def _settings(person: Person) -> dict[str, Any]:
    return {"reminders_on": person.reminders_on, "reminder_time": person.reminder_time,
            "time_zone": person.timezone, "last_channel": person.last_channel, "opted_out_at": person.opted_out_at,
            "daily_digest": {str(m.household_id): m.digest for m in person.memberships if m.role == "owner"}}


def _child(child) -> dict[str, Any]:
    return {"id": child.id, "name": child.name, "birth_date": child.birth_date,
            "birth_date_estimated": child.birth_date_estimated,
            "allergies": [a.name for a in child.allergies], "dislikes": [d.name for d in child.dislikes],
            "reactions": [{"food": r.food, "symptoms": r.symptoms, "reported_at": r.reported_at,
                           "cleared_at": r.cleared_at} for r in child.reactions]}


def _meal(meal: Meal, names: dict[int, str]) -> dict[str, Any]:
    return {"id": meal.id, "child": names.get(meal.child_id), "date": meal.local_date, "eaten_at": meal.eaten_at,
            "meal_type": meal.meal_type, "text": meal.text, "logged_by": meal.logged_by_id,
            "nutrients": _rounded(meal.nutrients),
            "items": [{"name": i.name, "food": i.description, "ndb_no": i.ndb_no, "grams": round(i.grams, 1),
                       "offered_grams": round(i.offered_grams, 1), "estimated": i.estimated,
                       "nutrients": _rounded(i.nutrients)} for i in meal.items]}


def _questions(session: Session, person: Person) -> list[dict[str, Any]]:
    """The person's own questions, each with the answer sent now or later (by the answer job)."""
    rows = session.scalars(select(Inbound).where(Inbound.person_id == person.id, Inbound.intent == "question")
                           .order_by(Inbound.received_at, Inbound.id))
    out = []
    for row in rows:
        later = messages.outbound_by_key(session, f"answer:{row.sid}")
        answer = later.body if later is not None and later.body else "\n".join(row.reply_parts or [])
        out.append({"asked_at": row.received_at, "channel": row.channel, "question": row.body, "answer": answer})
    return out


def _rounded(nutrients: dict[str, float] | None) -> dict[str, float]:
    return {k: round(float(v), 3) for k, v in (nutrients or {}).items()}


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(str(_plain(v)) for v in value)
    return value


def _json(data: Any) -> bytes:
    return json.dumps(data, indent=2, ensure_ascii=False, default=_plain).encode("utf-8")


def _csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
    return out.getvalue().encode("utf-8")


def _cell(value: Any) -> Any:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        value = "; ".join(f"{r.get('food')}: {r.get('symptoms')}" for r in value)
    value = _plain(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "@", "\t", "\r"):
        return "'" + value  # a spreadsheet would run it as a formula
    return value
