"""Data export and private links through the signed webhook: the zip's contents, owners only, and the
token rules (hashed, 7-day expiry, "revoke link", "delete my data")."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile

import pytest

from storage.links import PrivateLink
from tests.e2e.test_caregivers import invite
from tests.support import Phone, all_rows, household

LINK = re.compile(r"https?://\S+(/files/([A-Za-z0-9_-]+)/tinytummy-export\.zip)")


def export_link(phone: Phone) -> tuple[str, str]:
    """Ask for the export; the path to fetch and the token."""
    reply = phone.say("export my data")
    found = LINK.search(reply)
    assert found, reply
    return found.group(1), found.group(2)


def unzip(body: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("channel", ["sms", "whatsapp"])
def test_export_zip_holds_profile_children_meals_questions_and_settings(app, channel):
    parent = household(app, "+12125550401", "Maya", "2025-06-01", "--allergy", "peanut")
    parent.channel = channel
    assert "Logged Maya's" in parent.say("Maya had 1/2 cup oatmeal and a banana")
    parent.say("can she have honey?")
    path, _ = export_link(parent)
    served = app.test_client().get(path)
    assert served.status_code == 200 and served.mimetype == "application/zip"
    assert served.headers["Cache-Control"] == "private, no-store"
    files = unzip(served.data)
    assert {"profile.json", "settings.json", "children.json", "children.csv", "meals.json", "meals.csv",
            "meal_items.csv", "questions.json", "questions.csv", "README.txt"} <= set(files)
    assert json.loads(files["profile.json"])["phone"] == "+12125550401"
    (child,) = json.loads(files["children.json"])
    assert child["name"] == "Maya" and child["birth_date"] == "2025-06-01" and child["allergies"] == ["peanut"]
    (meal,) = json.loads(files["meals.json"])
    names = {i["name"] for i in meal["items"]}
    assert {"oatmeal", "banana"} <= names, names
    assert meal["nutrients"]["iron_mg"] > 0 and all(i["nutrients"].get("kcal", 0) > 0 for i in meal["items"])
    items = list(csv.DictReader(io.StringIO(files["meal_items.csv"].decode())))
    assert {r["name"] for r in items} == names and all(float(r["grams"]) > 0 for r in items)
    (question,) = json.loads(files["questions.json"])
    assert question["question"] == "can she have honey?" and "honey" in question["answer"].lower()
    assert json.loads(files["settings.json"])["time_zone"] == "America/New_York"
    assert list(csv.DictReader(io.StringIO(files["children.csv"].decode())))[0]["name"] == "Maya"


def test_caregivers_and_viewers_are_refused_and_get_no_link(app):
    parent = household(app, "+12125550402", "Maya", "2025-06-01")
    carer, viewer = Phone(app, "+14155550181"), Phone(app, "+14155550182")
    carer.say(f"JOIN {invite(app, parent, 'invite nanny +1 415 555 0181', carer.number)}")
    viewer.say(f"JOIN {invite(app, parent, 'invite grandpa +1 415 555 0182 as a viewer', viewer.number)}")
    for phone in (carer, viewer):
        reply = phone.say("export my data")
        assert "is for the parents" in reply and "/files/" not in reply, reply
    assert [link.person_id for link in all_rows(app, PrivateLink)] == []


def test_token_is_long_stored_hashed_and_expires_after_seven_days(app, clock):
    parent = household(app, "+12125550403", "Maya", "2025-06-01")
    path, token = export_link(parent)
    assert len(token) >= 32  # 24 random bytes: 192 bits
    (row,) = all_rows(app, PrivateLink)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in repr([getattr(row, c) for c in PrivateLink.__table__.columns.keys()])
    client = app.test_client()
    assert client.get(path).status_code == 200
    assert client.get(path.replace(token, token[:-4] + "AAAA")).status_code == 404
    assert client.get("/files/short/tinytummy-export.zip").status_code == 404
    clock.advance(days=6, hours=23)
    assert client.get(path).status_code == 200
    clock.advance(hours=2)
    assert client.get(path).status_code == 404


def test_revoke_link_closes_every_link_at_once(app):
    parent = household(app, "+12125550404", "Maya", "2025-06-01")
    first, _ = export_link(parent)
    second, _ = export_link(parent)
    client = app.test_client()
    assert client.get(first).status_code == client.get(second).status_code == 200
    assert "2 links turned off" in parent.say("revoke link")
    assert client.get(first).status_code == client.get(second).status_code == 404
    assert "no open links" in parent.say("revoke links")


def test_delete_my_data_removes_every_link(app):
    parent = household(app, "+12125550405", "Maya", "2025-06-01")
    path, _ = export_link(parent)
    parent.say("delete my data")
    parent.say("DELETE")
    assert app.test_client().get(path).status_code == 404
    assert all_rows(app, PrivateLink) == []
