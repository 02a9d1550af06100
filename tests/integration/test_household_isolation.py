"""A caregiver of household A can neither read nor change anything of household B (SQLite and Postgres).

Everything goes through the signed webhook; household B is compared row by row before and after.
"""
from __future__ import annotations

import re

from storage.caregivers import Invite
from storage.meals import Meal
from storage.models import Child, Household, Membership, Person
from tests.support import Phone, all_rows, household

A_PARENT, A_CARER = "+12125550401", "+14155550401"
B_PARENT, B_CARER, B_INVITEE = "+12125550402", "+14155550402", "+14155550499"
# Names, numbers and facts of B; a reply may echo what the sender typed, never more.
B_SECRETS = ("Ezra", "0402", "0499", "Nanny", "Uncle", "sesame", "oatmeal")


def leaks(text: str, reply: str) -> list[str]:
    return [s for s in B_SECRETS if s.lower() in reply.lower() and s.lower() not in text.lower()]


def code_sent_to(app, number: str) -> str:
    from sqlalchemy import select

    from storage.models import Outbound

    with app.extensions["tinytummy"].sessions() as s:
        body = s.scalars(select(Outbound.body).where(Outbound.to_address == number, Outbound.kind == "invite")
                         .order_by(Outbound.id.desc())).first()
    return re.search(r"JOIN (\d{6})", body).group(1)


def invite_and_join(app, parent: Phone, text: str, number: str) -> Phone:
    parent.say(text)
    parent.say("yes")
    joiner = Phone(app, number)
    assert "Welcome" in joiner.say(f"JOIN {code_sent_to(app, number)}")
    return joiner


def household_b(app) -> dict:
    """Everything of household B, as plain values."""
    people = {p.id: p for p in all_rows(app, Person)}
    b = next(h.id for h in all_rows(app, Household) if people[h.owner_id].phone == B_PARENT)
    kids = [c for c in all_rows(app, Child, load=("allergies", "dislikes")) if c.household_id == b]
    kid_ids = {c.id for c in kids}
    return {
        "children": [(c.id, c.name, c.birth_date, [a.name for a in c.allergies], [d.name for d in c.dislikes])
                     for c in kids],
        "meals": [(m.id, m.child_id, m.text, m.logged_by_id, m.meal_type, len(m.items))
                  for m in all_rows(app, Meal, load=("items",)) if m.child_id in kid_ids],
        "members": [(m.person_id, m.role, m.name, m.child_ids, m.digest)
                    for m in all_rows(app, Membership) if m.household_id == b],
        "invites": [(i.id, i.phone, i.status, i.role) for i in all_rows(app, Invite) if i.household_id == b],
        "people": [(p.phone, p.opted_out_at, p.timezone, p.reminder_time, p.reminders_on)
                   for p in people.values() if p.phone in (B_PARENT, B_CARER)],
    }


def setup_two_households(app) -> tuple[Phone, Phone, Phone]:
    a_parent = household(app, A_PARENT, "Maya", "2025-06-01")
    b_parent = household(app, B_PARENT, "Ezra", "2024-02-01", "--allergy", "sesame")
    a_carer = invite_and_join(app, a_parent, f"invite grandma {A_CARER}", A_CARER)
    invite_and_join(app, b_parent, f"invite nanny {B_CARER}", B_CARER)
    b_parent.say(f"invite uncle {B_INVITEE}")
    b_parent.say("yes")
    assert "Logged Ezra's" in b_parent.say("Ezra had 1/2 cup oatmeal")
    return a_parent, b_parent, a_carer


ATTEMPTS = (
    "Ezra had 2 eggs", "for Ezra: a banana", "summary for Ezra", "Ezra this week", "streak", "profile",
    "can Ezra have honey?", "Ezra is allergic to peanuts", "for Ezra: allergic to milk", "rename Ezra to Max",
    "Ezra doesn't like peas", "Ezra was born 2024-01-01", "add a child", "who has access", "who can see Ezra's log",
    f"remove {B_PARENT}", f"remove {B_CARER}", "remove nanny", "remove the nanny from Ezra", "remove uncle",
    f"cancel invite {B_INVITEE}", "cancel invite uncle", "make nanny a viewer", "make nanny an owner",
    f"invite bob +1 415 555 0488 for Ezra", "digest on", "leave Ezra", "undo", "actually it was 3 eggs",
    "remind me at 6am", "time zone Pacific", "reminders off", "what data do you have?",
    "export my data", "pediatrician report for Ezra", "Ezra's chart", "chart", "my page",
)


def test_a_caregiver_of_a_can_neither_read_nor_change_household_b(app):
    a_parent, b_parent, a_carer = setup_two_households(app)
    before = household_b(app)
    for text in ATTEMPTS:
        reply = a_carer.say(text)
        assert not leaks(text, reply), (text, reply)
    stolen = code_sent_to(app, B_INVITEE)
    assert "doesn't match" in a_carer.say(f"JOIN {stolen}")  # bound to the invitee's number
    a_carer.say("delete my data")
    a_carer.say("DELETE")
    assert household_b(app) == before
    assert "Welcome" in Phone(app, B_INVITEE).say(f"JOIN {stolen}")  # the real invitee still can


def test_an_owner_of_a_cannot_reach_household_b_either(app):
    a_parent, b_parent, _ = setup_two_households(app)
    before = household_b(app)
    for text in ("summary for Ezra", "for Ezra: 2 eggs", "Ezra is allergic to peanuts", "remove nanny",
                 f"remove {B_CARER}", f"cancel invite {B_INVITEE}", "make nanny a viewer", "who has access"):
        reply = a_parent.say(text)
        assert not leaks(text, reply), (text, reply)
    a_parent.say("delete my data")
    a_parent.say("DELETE")
    assert household_b(app) == before


def test_b_sees_nothing_of_a_caregivers_other_household(app):
    a_parent, b_parent, a_carer = setup_two_households(app)
    assert "Logged Maya's" in a_carer.say("Maya had a banana")
    summary = b_parent.say("summary")
    assert "Maya" not in summary and "Grandma" not in summary
    listing = b_parent.say("who has access")
    assert "Grandma" not in listing and "0401" not in listing


def test_files_a_gets_hold_nothing_of_b(app):
    """The export, page, report and chart links A's owner and caregiver get show only A's family."""
    import io
    import zipfile

    from pypdf import PdfReader
    from sqlalchemy import select

    from storage.models import Outbound

    a_parent, _, a_carer = setup_two_households(app)
    assert "Logged Maya's" in a_parent.say("Maya had scrambled egg")
    client = app.test_client()
    contents = []
    for phone in (a_parent, a_carer):
        for text in ("export my data", "my page", "pediatrician report", "chart"):
            for path in re.findall(r"https?://[^/\s]+(/(?:files|page)/\S+)", phone.say(text)):
                contents.append(client.get(path))
    with app.extensions["tinytummy"].sessions() as s:
        media = s.scalars(select(Outbound.media_url).where(Outbound.media_url.is_not(None))).all()
    contents += [client.get(re.sub(r"^https?://[^/]+", "", url)) for url in media]
    assert len(contents) == 1 + 2 + 2 * 2  # the export (owners only), two pages, two reports and two charts
    for served in contents:
        assert served.status_code == 200
        body = served.data
        if served.mimetype == "application/zip":
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                body = b" ".join(archive.read(n) for n in archive.namelist())
        elif served.mimetype == "application/pdf":
            body = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages).encode()
        text = body.decode("utf-8", "replace")
        assert served.mimetype == "image/png" or "Maya" in text
        assert not leaks("", text), served.mimetype
