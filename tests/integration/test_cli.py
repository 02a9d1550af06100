"""Operator commands, run the way an operator runs them, on SQLite and Postgres."""
from __future__ import annotations

import json
import threading
from datetime import date, time

import pytest
from sqlalchemy import select
from werkzeug.serving import make_server

from storage.models import Child, Household, Person


def test_household_create(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["household", "create", "--phone", "+1 (212) 555-0142", "--child", "Leo",
                                 "--birth-date", "2025-01-15", "--allergy", "peanuts", "--allergy", "sesame",
                                 "--timezone", "America/Chicago", "--reminder", "18:30"])
    assert result.exit_code == 0, result.output
    household_id = int(result.output.strip())
    with app.extensions["tinytummy"].sessions() as s:
        household = s.get(Household, household_id)
        child = s.scalars(select(Child).where(Child.household_id == household_id)).one()
        owner = s.get(Person, household.owner_id)
        assert owner.phone == "+12125550142" and owner.timezone == "America/Chicago"
        assert owner.reminder_time == time(18, 30)
        assert child.name == "Leo" and child.birth_date == date(2025, 1, 15)
        assert sorted(a.name for a in child.allergies) == ["peanut", "sesame"]
    again = runner.invoke(args=["household", "create", "--phone", "+12125550142", "--child", "Leo",
                                "--birth-date", "2025-01-15"])
    assert again.exit_code != 0 and "already has a household" in again.output


@pytest.mark.parametrize("args, problem", [
    (["--phone", "banana"], "not a phone number"),
    (["--phone", "+12125550143", "--timezone", "Mars/Olympus"], "Mars/Olympus"),
    (["--phone", "+12125550143", "--reminder", "25:99"], "hour"),
])
def test_household_create_refuses_bad_values(app, args, problem):
    result = app.test_cli_runner().invoke(args=["household", "create", "--child", "Leo",
                                                "--birth-date", "2025-01-15", *args])
    assert result.exit_code != 0 and problem in result.output


def test_intent_classify_reads_lines_and_prints_json(app):
    result = app.test_cli_runner().invoke(args=["intent", "classify"], input="STOP\nhelp\ncan she have eggs yet?\n")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["intent"] for r in rows] == ["opt_out", "help", "question"]
    assert rows[0] == {"text": "STOP", "intent": "opt_out", "intents": ["opt_out"], "confidence": 1.0}


def test_console_texts_the_running_app(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        result = app.test_cli_runner().invoke(args=["console", "--url", url, "--number", "+12125550188"],
                                              input="hi\nMaya\n")
    finally:
        server.shutdown()
    assert result.exit_code == 0, result.output
    assert "you> hi" in result.output and "first name" in result.output
    assert "When was Maya born?" in result.output


def test_db_upgrade_is_idempotent(app):
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0 and "newest schema" in result.output


def test_meal_analyze_prints_items_totals_and_warnings(app):
    result = app.test_cli_runner().invoke(args=["meal", "analyze", "--age-months", "9"],
                                          input="1/2 cup oatmeal and a banana\na spoon of honey\nzorbleflips\n")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["text"] for r in rows] == ["1/2 cup oatmeal and a banana", "a spoon of honey", "zorbleflips"]
    oatmeal = rows[0]
    assert [i["name"] for i in oatmeal["items"]] == ["oatmeal", "banana"]
    assert set(oatmeal["totals"]) == {"kcal", "protein_g", "fat_g", "carbs_g", "fiber_g", "sugar_g", "iron_mg",
                                      "calcium_mg", "zinc_mg", "vitamin_a_ug", "vitamin_c_mg", "vitamin_d_ug",
                                      "folate_ug", "sodium_mg"}
    assert oatmeal["items"][0]["ndb_no"] and oatmeal["items"][1]["estimated"] is False
    assert any("Honey" in w for w in rows[1]["warnings"])
    assert rows[2]["items"] == [] and rows[2]["warnings"]


def test_knowledge_search_shows_ids_sources_and_scores(app):
    result = app.test_cli_runner().invoke(args=["knowledge", "search", "is honey ok for my baby", "--age-months",
                                                "8", "--json"])
    hits = json.loads(result.output)
    assert hits and hits[0]["id"].startswith("honey") and hits[0]["source"] and 0 < hits[0]["score"] <= 1
