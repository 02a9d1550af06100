"""Two different first messages from a new number at once, on the real Postgres: both answered.

Both requests are held at a barrier right after each has looked the number up and found nobody,
so the race is the same every run. Part of `make chaos` (marker `chaos`).
"""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from bot.pipeline import APOLOGY
from storage import people
from storage.models import Inbound, Person
from tests.support import Phone, build_app, make_form, replies_of, truncate_all

pytestmark = [pytest.mark.chaos, pytest.mark.postgres]


@pytest.fixture
def pg_app(postgres_url, clock, tmp_path, chroma_path):
    app = build_app(postgres_url, clock, tmp_path, env={"CHROMA_PATH": chroma_path})
    yield app
    truncate_all(app.extensions["tinytummy"].engine)
    app.extensions["tinytummy"].engine.dispose()


@pytest.mark.parametrize("round_", range(3))
def test_two_first_messages_at_once_are_both_answered(pg_app, monkeypatch, round_):
    number = f"+1212555{round_:04d}"
    barrier = threading.Barrier(2, timeout=10)
    lookup = people.person_by_phone

    def racing_lookup(session, phone):
        found = lookup(session, phone)
        if found is None and phone == number:
            try:
                barrier.wait()  # both requests have seen "nobody": now both create
            except threading.BrokenBarrierError:
                pass
        return found

    monkeypatch.setattr(people, "person_by_phone", racing_lookup)

    def send(body: str):
        return Phone(pg_app, number).post(make_form(number, body))

    with ThreadPoolExecutor(2) as pool:
        responses = list(pool.map(send, ["hi", "Maya had 2 eggs"]))
    assert not barrier.broken, "the two requests did not race"
    answers = [replies_of(r.get_data(as_text=True)) for r in responses]
    assert all(r.status_code == 200 for r in responses)
    assert all(parts and APOLOGY not in parts for parts in answers), answers
    with pg_app.extensions["tinytummy"].sessions() as s:
        assert s.scalar(select(func.count()).select_from(Person).where(Person.phone == number)) == 1
        statuses = s.scalars(select(Inbound.status).where(Inbound.sender == number)).all()
    assert sorted(statuses) == ["answered", "answered"]
