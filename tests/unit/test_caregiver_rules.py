"""Invite texts, join codes, the lock-out rule and the role table, as pure functions."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from handlers.invite_text import read_invite
from handlers.joining import JOIN
from storage.caregivers import code_hash, lock_end, new_code
from storage.models import ROLE_ACTIONS, Membership

KIDS = [SimpleNamespace(id=1, name="Maya"), SimpleNamespace(id=2, name="Leo")]
T0 = datetime(2026, 11, 22, 15, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, phone, name, role, child_ids", [
    ("invite grandma +1 415 555 0134", "+14155550134", "Grandma", "caregiver", None),
    ("add my husband 4155550188", "+14155550188", "Husband", "caregiver", None),
    ("add grandma (415) 555-0134 for Maya", "+14155550134", "Grandma", "caregiver", [1]),
    ("invite grandpa 415.555.0123 as a viewer", "+14155550123", "Grandpa", "viewer", None),
    ("add my partner as a co-parent +1-415-555-0199", "+14155550199", "Partner", "owner", None),
    ("my wife's number is 415 444 1212, add her", "+14154441212", "Wife", "caregiver", None),
    ("invite +447700900123", "+447700900123", None, "caregiver", None),
    ("add auntie sarah as caregiver", None, "Auntie Sarah", "caregiver", None),
    ("invite my sister to log for Leo", None, "Sister", "caregiver", [2]),
    ("add dad 415 777 8888 to Maya and Leo", "+14157778888", "Dad", "caregiver", [1, 2]),
])
def test_reading_invites(text, phone, name, role, child_ids):
    request = read_invite(text, KIDS)
    assert (request.phone, request.name, request.role, request.child_ids) == (phone, name, role, child_ids)
    assert request.bad_number is None


@pytest.mark.parametrize("text", ["invite grandma 555 01", "add nanny 415-555-01234567890"])
def test_unreadable_numbers_are_reported_not_guessed(text):
    request = read_invite(text, KIDS)
    assert request.phone is None and request.bad_number


def test_a_uk_parent_types_a_national_number():
    assert read_invite("invite nan 07911 123456", KIDS, region="GB").phone == "+447911123456"


@pytest.mark.parametrize("text, code", [
    ("JOIN 482913", "482913"), ("join482913", "482913"), ("Join code: 482 913", "482913"),
    ("my code is 482913", "482913"), ("joining with code #482913", "482913"), ("join 4821", "4821"),
    ("Reply JOIN 482913 to accept", "482913"),
])
def test_join_codes(text, code):
    assert JOIN.search(text).group(1).replace(" ", "").replace("-", "") == code


@pytest.mark.parametrize("text", ["she joined daycare at 9", "2 eggs", "accept 2 bites", "code red"])
def test_not_join_codes(text):
    assert JOIN.search(text) is None


def test_codes_are_six_digits_and_bound_to_the_number():
    codes = {new_code() for _ in range(200)}
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert len(codes) > 190  # secure random, not a counter or a clock
    assert code_hash("+14155550134", "482913") != code_hash("+14155550135", "482913")


def test_lock_out_after_five_wrong_codes_within_an_hour():
    five = [T0 + timedelta(minutes=m) for m in (0, 10, 20, 30, 40)]
    assert lock_end(five[:4], T0 + timedelta(minutes=41)) is None
    assert lock_end(five, T0 + timedelta(minutes=41)) == T0 + timedelta(minutes=100)
    assert lock_end(five, T0 + timedelta(minutes=99)) is not None  # a full hour from the fifth
    assert lock_end(five, T0 + timedelta(minutes=100)) is None
    spread = [T0 + timedelta(minutes=20 * m) for m in range(5)]  # 80 minutes apart end to end
    assert lock_end(spread, T0 + timedelta(minutes=81)) is None


@pytest.mark.parametrize("role, allowed", [
    ("owner", {"view", "log", "ask", "manage"}), ("caregiver", {"view", "log", "ask"}), ("viewer", {"view"}),
    ("stranger", set()),
])
def test_roles(role, allowed):
    member = Membership(role=role, child_ids=None)
    assert {a for a in ("view", "log", "ask", "manage") if member.may(a)} == allowed
    assert set(ROLE_ACTIONS.get(role, ())) == allowed


def test_a_membership_for_some_children_covers_only_them():
    leo, maya = SimpleNamespace(id=2), SimpleNamespace(id=1)
    assert Membership(role="caregiver", child_ids=[2]).covers(leo)
    assert not Membership(role="caregiver", child_ids=[2]).covers(maya)
    assert Membership(role="owner", child_ids=[2]).covers(maya)


def _ctx(member: bool = True):
    from handlers.context import InboundMessage

    child = SimpleNamespace(id=1, name="Maya")
    household = SimpleNamespace(children=[child])
    membership = SimpleNamespace(household=household, may=lambda action: action != "manage")
    person = SimpleNamespace(phone="+14155550134", memberships=[membership] if member else [])
    return SimpleNamespace(person=person, households=[household] if member else [], session=None), InboundMessage


@pytest.mark.parametrize("text", [
    "JOIN 482913", "who has access", "who can see Maya's log", "list caregivers", "digest on",
    "turn off the daily digest", "leave", "leave Maya's log", "cancel invite grandma", "invite grandma",
    "add nanny +1 415 555 0199", "remove +1 415 555 0134", "make grandma a viewer",
])
def test_unmistakable_caregiver_commands_are_claimed(text):
    from handlers.caregiver import claims

    ctx, message = _ctx()
    assert claims(message("sms", "+14155550134", text, "SM1"), ctx)


@pytest.mark.parametrize("text", [
    "who can help with picky eating?", "is this hard to digest?", "leave it", "remove the broccoli",
    "delete my data", "add 2 eggs", "what about for her brother?", "Maya had 2 eggs",
])
def test_other_messages_are_not_claimed(text):
    from handlers.caregiver import claims

    ctx, message = _ctx()
    assert not claims(message("sms", "+14155550134", text, "SM1"), ctx)


def test_someone_on_no_log_can_only_be_joining():
    from handlers.caregiver import claims

    ctx, message = _ctx(member=False)
    assert claims(message("sms", "+14155550134", "join 482913", "SM1"), ctx)
    assert not claims(message("sms", "+14155550134", "who has access", "SM1"), ctx)
