"""Caregivers through the signed webhook: invite, join, codes, lock-out, roles, remove, leave, limits."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from storage.caregivers import Invite
from storage.meals import Meal
from storage.models import Child, Membership, Outbound, Person
from tests.support import Phone, all_rows, household

GRANDMA = "+14155550134"


def sent_to(app, number: str, kind: str | None = None) -> list[str]:
    """Bodies the outbox sent to a number (not TwiML replies), oldest first."""
    with app.extensions["tinytummy"].sessions() as s:
        query = select(Outbound).where(Outbound.to_address == number, Outbound.kind != "reply")
        rows = s.scalars(query.order_by(Outbound.id)).all()
        assert all(r.status in ("local", "sent", "skipped") for r in rows), [r.status for r in rows]
        return [r.body for r in rows if kind is None or r.kind == kind]


def code_for(app, number: str) -> str:
    [*_, body] = sent_to(app, number, "invite")
    return re.search(r"JOIN (\d{6})", body).group(1)


def invite(app, parent: Phone, text: str, number: str) -> str:
    """Invite by text, confirm, and return the code texted to `number`."""
    assert "Reply YES" in parent.say(text)
    assert "Invite sent" in parent.say("yes")
    return code_for(app, number)


def members_of(app) -> list[tuple[str, str, str | None]]:
    people = {p.id: p.phone for p in all_rows(app, Person)}
    return sorted((people[m.person_id], m.role, m.name) for m in all_rows(app, Membership))


def meals_of(app, child: str) -> list[Meal]:
    ids = {c.id for c in all_rows(app, Child) if c.name == child}
    return [m for m in all_rows(app, Meal) if m.child_id in ids]


@pytest.mark.parametrize("text, number, name", [
    ("invite grandma +1 415 555 0134", "+14155550134", "Grandma"),
    ("add my husband 4155550188", "+14155550188", "Husband"),
    ("invite the nanny (415) 555-0199 for Maya", "+14155550199", "Nanny"),
    ("add grandpa 415.555.0123 please", "+14155550123", "Grandpa"),
    ("Invite Nana +44 7911 123456", "+447911123456", "Nana"),
])
def test_invite_by_number_in_several_formats(app, text, number, name):
    parent = household(app, "+12125550301", "Maya", "2025-06-01")
    confirm = parent.say(text)
    assert f"Invite {name} (" in confirm and "for Maya" in confirm and "Reply YES" in confirm
    assert sent_to(app, number) == []  # nothing goes out before the parent confirms
    assert "Invite sent" in parent.say("yes")
    [body] = sent_to(app, number, "invite")
    assert "Maya" in body and "+1 212-555-0301" in body and "TinyTummy" in body
    assert re.search(r"Reply JOIN \d{6} to accept, or STOP to never hear from us\.$", body)
    [row] = all_rows(app, Invite)
    assert (row.phone, row.name, row.role, row.status) == (number, name, "caregiver", "pending")


def test_invite_asks_for_a_missing_number_and_name(app):
    parent = household(app, "+12125550302", "Maya", "2025-06-01")
    assert "number" in parent.say("invite grandma")
    assert "Invite Grandma (+1 415-555-0134)" in parent.say("415 555 0134")
    assert "Okay, no invite sent" in parent.say("no")
    assert "What should I call" in parent.say("invite +1 415 555 0177")
    assert "Invite Sam (" in parent.say("Sam")
    assert "as a viewer" in parent.say("viewer")
    parent.say("yes")
    assert [i.role for i in all_rows(app, Invite)] == ["viewer"]
    assert "I couldn't read" in parent.say("invite grandma 555 01")


def test_join_welcomes_the_caregiver_and_tells_the_parent(app):
    parent = household(app, "+12125550303", "Maya", "2025-06-01")
    code = invite(app, parent, "invite grandma +1 415 555 0134", GRANDMA)
    grandma = Phone(app, GRANDMA)
    welcome = grandma.say(f"JOIN {code}")
    assert "Welcome, Grandma" in welcome and "Maya" in welcome and "summary" in welcome
    assert sent_to(app, parent.number) == ["Grandma joined Maya's log."]
    assert (GRANDMA, "caregiver", "Grandma") in members_of(app)
    assert all_rows(app, Invite)[0].status == "accepted"
    assert "doesn't match" in grandma.say(f"JOIN {code}")  # single use
    assert len(members_of(app)) == 2
    assert "Grandma" in parent.say("who has access")


def test_wrong_expired_and_someone_elses_codes_do_not_join(app, clock):
    parent = household(app, "+12125550304", "Maya", "2025-06-01")
    code = invite(app, parent, "invite grandma +1 415 555 0134", GRANDMA)
    grandma, stranger = Phone(app, GRANDMA), Phone(app, "+14155550999")
    wrong = f"{(int(code) + 1) % 1000000:06d}"
    assert "doesn't match" in grandma.say(f"join {wrong}")
    assert "doesn't match" in stranger.say(f"JOIN {code}")  # bound to grandma's number
    assert len(members_of(app)) == 1
    clock.advance(hours=72, minutes=1)
    assert "expired" in grandma.say(f"JOIN {code}")
    assert len(members_of(app)) == 1
    assert sent_to(app, stranger.number) == []


def test_five_wrong_codes_lock_the_number_out_for_an_hour(app, clock):
    parent = household(app, "+12125550305", "Maya", "2025-06-01")
    code = invite(app, parent, "invite grandma +1 415 555 0134", GRANDMA)
    grandma = Phone(app, GRANDMA)
    wrong = [f"{(int(code) + n) % 1000000:06d}" for n in range(1, 6)]
    for attempt in wrong[:4]:
        clock.advance(minutes=5)
        assert "doesn't match" in grandma.say(f"JOIN {attempt}")
    assert "paused for an hour" in grandma.say(f"JOIN {wrong[4]}")
    clock.advance(minutes=30)
    assert "paused" in grandma.say(f"JOIN {code}")  # even the right code, while locked
    assert len(members_of(app)) == 1
    clock.advance(minutes=31)
    assert "Welcome, Grandma" in grandma.say(f"JOIN {code}")


def test_caregiver_logs_a_meal_the_parent_sees_in_the_summary(app):
    parent = household(app, "+12125550306", "Maya", "2025-06-01")
    grandma = Phone(app, GRANDMA)
    grandma.say(f"JOIN {invite(app, parent, 'invite grandma +1 415 555 0134', GRANDMA)}")
    assert "Logged Maya's" in grandma.say("Maya had 1/2 cup oatmeal and a banana")
    [meal] = meals_of(app, "Maya")
    assert meal.logged_by_id == next(p.id for p in all_rows(app, Person) if p.phone == GRANDMA)
    summary = parent.say("summary")
    assert "Maya today: 1 meal" in summary and "Logged by Grandma" in summary
    assert "Logged by" not in grandma.say("summary")  # she logged it herself


def test_remove_ends_access_at_once_and_tells_them_once(app):
    parent = household(app, "+12125550307", "Maya", "2025-06-01")
    grandma = Phone(app, GRANDMA)
    grandma.say(f"JOIN {invite(app, parent, 'invite grandma +1 415 555 0134', GRANDMA)}")
    assert "Removed Grandma" in parent.say("remove grandma")
    assert len(sent_to(app, GRANDMA, "caregiver")) == 1 and "removed you" in sent_to(app, GRANDMA, "caregiver")[0]
    assert "Maya" not in grandma.say("Maya had 2 eggs")
    assert meals_of(app, "Maya") == []
    assert "Maya" not in grandma.say("summary")
    assert "couldn't find" in parent.say("remove grandma")
    assert len(sent_to(app, GRANDMA, "caregiver")) == 1


def test_remove_by_number(app):
    parent = household(app, "+12125550308", "Maya", "2025-06-01")
    Phone(app, GRANDMA).say(f"JOIN {invite(app, parent, 'invite grandma +1 415 555 0134', GRANDMA)}")
    assert "Removed Grandma" in parent.say("remove (415) 555-0134")
    assert members_of(app) == [(parent.number, "owner", None)]


def test_a_caregiver_can_leave(app):
    parent = household(app, "+12125550309", "Maya", "2025-06-01")
    grandma = Phone(app, GRANDMA)
    grandma.say(f"JOIN {invite(app, parent, 'invite grandma +1 415 555 0134', GRANDMA)}")
    assert "no longer on Maya's log" in grandma.say("leave")
    assert sent_to(app, parent.number)[-1] == "Grandma left Maya's log."
    assert members_of(app) == [(parent.number, "owner", None)]
    assert "can't leave" in parent.say("leave")


def test_nanny_in_two_households_picks_the_child_by_name(app):
    maya_mom = household(app, "+12125550310", "Maya", "2025-06-01")
    leo_dad = household(app, "+12125550311", "Leo", "2024-02-01")
    nanny = Phone(app, "+14155550150")
    nanny.say(f"JOIN {invite(app, maya_mom, 'invite nanny +1 415 555 0150', nanny.number)}")
    nanny.say(f"JOIN {invite(app, leo_dad, 'add the nanny 4155550150', nanny.number)}")
    assert "Who was that for?" in nanny.say("2 scrambled eggs")
    assert "Logged Maya's" in nanny.say("Maya had a banana")
    assert "Logged Leo's" in nanny.say("for Leo: toast with butter")
    assert len(meals_of(app, "Maya")) == len(meals_of(app, "Leo")) == 1
    assert "Leo" not in maya_mom.say("summary") and "Logged by Nanny" in maya_mom.say("summary")
    assert "Maya" not in leo_dad.say("summary")
    assert "Maya" in nanny.say("leave") and "Leo" in nanny.say("leave")  # asks which log
    assert "no longer on Maya's log" in nanny.say("leave Maya")
    assert "Leo" in nanny.say("summary") and "Maya" not in nanny.say("summary")


def test_an_invited_parent_keeps_their_own_household(app):
    maya_mom = household(app, "+12125550312", "Maya", "2025-06-01")
    leo_dad = household(app, "+12125550313", "Leo", "2024-02-01")
    leo_dad.say(f"JOIN {invite(app, maya_mom, 'invite leos dad +1 212 555 0313', leo_dad.number)}")
    summary = leo_dad.say("summary")
    assert "Leo" in summary and "Maya" in summary
    assert "can't leave" not in leo_dad.say("leave")
    assert "Leo" in leo_dad.say("summary") and (leo_dad.number, "owner", None) in members_of(app)


def test_roles(app):
    parent = household(app, "+12125550314", "Maya", "2025-06-01")
    viewer, carer, co = Phone(app, "+14155550161"), Phone(app, "+14155550162"), Phone(app, "+14155550163")
    viewer.say(f"JOIN {invite(app, parent, 'invite grandpa +1 415 555 0161 as a viewer', viewer.number)}")
    carer.say(f"JOIN {invite(app, parent, 'invite nanny +1 415 555 0162', carer.number)}")
    co.say(f"JOIN {invite(app, parent, 'add my husband +1 415 555 0163 as a co-parent', co.number)}")
    assert "Logging meals is for caregivers" in viewer.say("Maya had a banana")
    assert "Maya today" in viewer.say("summary")
    assert "Feeding questions" in viewer.say("can she have honey?")
    assert "Logged Maya's" in carer.say("Maya had a banana")
    for text in ("Maya is allergic to peanuts", "remind me at 8pm", "rename Maya to Mia"):
        assert "is for the parents" in carer.say(text), text
    assert "Only a parent" in carer.say("invite bob +1 415 555 0170")
    assert "Only a parent" in carer.say("remove grandpa")
    assert "Noted" in co.say("Maya is allergic to peanuts")
    assert "Reply YES" in co.say("invite bob +1 415 555 0171")
    assert "viewer" in parent.say("make nanny a viewer")
    assert "Logging meals is for caregivers" in carer.say("Maya had toast")
    assert "peanuts" in carer.say("profile")  # everyone may read the profile (allergies matter)
    carer.say("delete my data")
    carer.say("DELETE")
    assert [c.name for c in all_rows(app, Child)] == ["Maya"]  # a caregiver erases only themself


def test_bulk_invite_limits(app, clock):
    parent = household(app, "+12125550315", "Maya", "2025-06-01")
    for n in range(10):
        invite(app, parent, f"invite helper +1 415 555 02{n:02d}", f"+141555502{n:02d}")
    assert "10 invites waiting" in parent.say("invite helper +1 415 555 0299")
    for n in range(10):
        assert "Cancelled" in parent.say(f"cancel invite +1 415 555 02{n:02d}")
    for n in range(10, 20):
        invite(app, parent, f"invite helper +1 415 555 02{n:02d}", f"+141555502{n:02d}")
    assert "daily limit" in parent.say("invite helper +1 415 555 0299")
    assert len(all_rows(app, Invite)) == 20
    assert sent_to(app, "+14155550299") == []
    clock.advance(days=1, minutes=1)
    assert "10 invites waiting" in parent.say("invite helper +1 415 555 0299")
    parent.say("cancel invite +1 415 555 0219")
    assert "Reply YES" in parent.say("invite helper +1 415 555 0299")


def test_stop_from_an_invitee(app):
    parent = household(app, "+12125550316", "Maya", "2025-06-01")
    code = invite(app, parent, "invite grandma +1 415 555 0134", GRANDMA)
    grandma = Phone(app, GRANDMA)
    assert "unsubscribed" in grandma.say("STOP")
    assert all_rows(app, Invite)[0].status == "declined"
    assert grandma.say(f"JOIN {code}") == ""  # nothing at all to an opted-out number
    assert "asked not to get messages" in parent.say("invite grandma +1 415 555 0134")
    assert len(sent_to(app, GRANDMA)) == 1  # the invite, and nothing since
    grandma.say("START")
    assert "doesn't match" in grandma.say(f"JOIN {code}")
    assert len(members_of(app)) == 1


def test_cancel_invite_and_who_has_access(app):
    parent = household(app, "+12125550317", "Maya", "2025-06-01")
    code = invite(app, parent, "invite grandma +1 415 555 0134", GRANDMA)
    listing = parent.say("who has access")
    assert "You (owner)" in listing and "invited: Grandma, +1 415-555-0134" in listing
    assert "Cancelled the invite to Grandma" in parent.say("cancel invite grandma")
    assert "doesn't match" in Phone(app, GRANDMA).say(f"JOIN {code}")
    assert "invited" not in parent.say("who has access")


def test_join_after_texting_first_drops_the_empty_setup(app):
    parent = household(app, "+12125550318", "Maya", "2025-06-01")
    code = invite(app, parent, "invite grandma +1 415 555 0134", GRANDMA)
    grandma = Phone(app, GRANDMA)
    assert "first name" in grandma.say("hi")  # a stranger is onboarded as usual
    assert "Welcome, Grandma" in grandma.say(f"join {code}")
    assert "Logged Maya's" in grandma.say("Maya had a banana")
    assert members_of(app) == sorted([(parent.number, "owner", None), (GRANDMA, "caregiver", "Grandma")])


def test_an_invite_before_any_child_is_set_up_waits(app):
    newcomer = Phone(app, "+12125550319")
    newcomer.say("add the nanny, her number is 555-201-3344")  # a first message: set-up starts
    assert "setting up your child first" in newcomer.say("add dad 415 777 8888")
    assert all_rows(app, Invite) == []
