"""The owner's daily caregiver digest: off by default, after 8pm their time, once a day."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Outbound
from tests.e2e.test_caregivers import GRANDMA, invite
from tests.support import Phone, household


def digests(app) -> list[Outbound]:
    with app.extensions["tinytummy"].sessions() as s:
        return list(s.scalars(select(Outbound).where(Outbound.kind == "digest").order_by(Outbound.id)))


def test_digest_sends_what_caregivers_logged_once_a_day(app, clock):
    from jobs.digests import send_digests

    parent = household(app, "+12125550501", "Maya", "2025-06-01")  # America/New_York; 10:00 there now
    grandma = Phone(app, GRANDMA)
    grandma.say(f"JOIN {invite(app, parent, 'invite grandma +1 415 555 0134', GRANDMA)}")
    assert "Logged Maya's" in grandma.say("Maya had a banana")
    assert "Logged Maya's" in parent.say("Maya had 2 scrambled eggs")
    clock.advance(hours=10, minutes=5)
    assert send_digests() == 0  # off by default
    assert "parents who own" in grandma.say("digest on")
    assert send_digests() == 0
    assert "Daily digest on" in parent.say("digest on")
    clock.advance(hours=-1)  # 19:05 in New York: not yet
    assert send_digests() == 0
    clock.advance(hours=1)
    assert send_digests() == 1
    assert send_digests() == 0  # idempotent by its outbox key
    [row] = digests(app)
    assert row.to_address == parent.number and row.status in ("local", "sent")
    assert "Grandma: Maya's" in row.body and "banana" in row.body
    assert "egg" not in row.body  # the parent's own meal is not news to them
    clock.advance(days=1)
    assert send_digests() == 0  # nothing logged by caregivers that day: no message
    grandma.say("Maya had 1/2 cup oatmeal")
    assert send_digests() == 1
    assert "oatmeal" in digests(app)[-1].body and "banana" not in digests(app)[-1].body
    assert "Daily digest off" in parent.say("digest off")
    clock.advance(days=1)
    grandma.say("Maya had a pear")
    assert send_digests() == 0


def test_the_clock_schedules_the_digest():
    from jobs.clock import build_scheduler

    assert build_scheduler().get_job("caregiver-digests") is not None
