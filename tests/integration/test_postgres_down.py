"""A private PostgreSQL stopped under the running app: every message a parent sends meanwhile is
kept on disk, answered "saved, will answer", and handled in order once the database is back,
each exactly once, with its real answer sent through the outbox. The shared Postgres is never
touched: the cluster is initdb'd under a temporary directory on a port of its own.
`make test` runs the traffic test small; `make chaos` (CHAOS_FULL=1) at full size."""
from __future__ import annotations

import os
import time
from collections import Counter

import pytest
from sqlalchemy import select

from bot.pipeline import SPOOLED
from storage.meals import Meal
from storage.models import Inbound
from tests.fakes.twilio_server import FakeTwilio
from tests.servers import PrivatePostgres, wait_until
from tests.support import TEST_PUBLIC_URL, build_app, household, make_form, truncate_all

pytestmark = pytest.mark.chaos
FULL = os.environ.get("CHAOS_FULL") == "1"  # `make chaos`: the full-size runs


@pytest.fixture(scope="module")
def cluster():
    if not PrivatePostgres.available():
        pytest.skip("initdb/pg_ctl are not installed")
    server = PrivatePostgres()
    server.init()
    yield server
    server.destroy()


@pytest.fixture
def world(cluster, clock, tmp_path, chroma_path):
    if not cluster.running():
        cluster.start()
    with FakeTwilio() as twilio:
        env = {"TWILIO_ACCOUNT_SID": twilio.account_sid, "TWILIO_AUTH_TOKEN": twilio.auth_token,
               "TWILIO_API_BASE_URL": twilio.base_url, "TWILIO_SMS_FROM": "+15550006789",
               "PUBLIC_BASE_URL": TEST_PUBLIC_URL, "CHROMA_PATH": chroma_path}
        app = build_app(cluster.url, clock, tmp_path, env=env)
        yield app, twilio
        services = app.extensions["tinytummy"]
        services.pipeline.drainer.stop()
        if not cluster.running():
            cluster.start()
        truncate_all(services.engine)
        services.engine.dispose()


def test_messages_sent_while_postgres_is_down_are_kept_and_handled_in_order_once(world, cluster, clock):
    app, twilio = world
    parent = household(app, "+12125550300", "Maya", "2025-06-01")
    assert "Logged" in parent.say("2 eggs for breakfast")
    cluster.stop()  # the database goes away mid-conversation

    kept = [make_form(parent.number, text) for text in ("a banana for lunch", "half a cup of peas for dinner")]
    for form in kept:
        clock.advance(minutes=5)
        assert SPOOLED in parent.post(form).get_data(as_text=True)
    assert SPOOLED in parent.post(kept[0]).get_data(as_text=True)  # Twilio redelivers one: kept again
    assert len(twilio.messages) == 0

    cluster.start()
    sessions = app.extensions["tinytummy"].sessions
    spool = app.extensions["tinytummy"].pipeline.spool
    wait_until(lambda: not spool.pending(), 30, what="the drainer to empty the spool")
    assert len(twilio.messages) == 2  # the two late answers, and nothing for the redelivery
    assert [m["Body"] for m in twilio.messages][0].startswith("Logged")
    with sessions() as session:
        received = session.scalars(select(Inbound).order_by(Inbound.id)).all()
        assert [i.body for i in received] == ["2 eggs for breakfast", "a banana for lunch",
                                              "half a cup of peas for dinner"]
        assert received[1].received_at < received[2].received_at  # as of when each arrived
        assert len(session.scalars(select(Meal)).all()) == 3  # the redelivered one logged nothing twice
    assert "Logged" in parent.say("1 apple")  # and new messages are answered at once again


FOODS = ("a banana", "2 eggs", "half a cup of peas", "some yogurt", "a slice of toast")


def test_postgres_stopped_mid_traffic_loses_nothing(world, cluster):
    app, twilio = world
    families, rounds, outage = (20, 2, 10.0) if FULL else (3, 1, 2.0)
    parents = [household(app, f"+1312555{n:04d}", "Maya", "2025-06-01") for n in range(families)]
    sent: list[str] = []
    replies: Counter[str] = Counter()

    def everyone_eats() -> None:
        for parent in parents:
            form = make_form(parent.number, FOODS[len(sent) % len(FOODS)] + " for Maya")
            text = parent.post(form).get_data(as_text=True)
            replies["kept" if SPOOLED in text else "logged" if "Logged" in text else "other"] += 1
            sent.append(form["MessageSid"])

    for _ in range(rounds):
        everyone_eats()
    cluster.stop()  # mid-traffic
    down_since = time.monotonic()
    while time.monotonic() - down_since < outage:
        everyone_eats()
    cluster.start()
    for _ in range(rounds):
        everyone_eats()
    spool = app.extensions["tinytummy"].pipeline.spool
    wait_until(lambda: not spool.pending(), 120, what="the spool to drain")
    with app.extensions["tinytummy"].sessions() as session:
        stored = Counter(session.scalars(select(Inbound.sid)).all())
        statuses = Counter(session.scalars(select(Inbound.status)).all())
        meals = len(session.scalars(select(Meal.id)).all())
    assert stored == Counter(sent)  # every message stored, none twice
    assert statuses == {"answered": len(sent)} and meals == len(sent)
    assert replies["other"] == 0 and replies["kept"] > 0
    assert len(twilio.messages) == replies["kept"]  # each kept message answered once, later
    print(f"\nPostgres stopped {outage:.0f} s mid-traffic: {len(sent)} meals sent, {replies['logged']} answered at "
          f"once, {replies['kept']} kept on disk and answered after, {meals} meals logged, 0 lost, 0 twice")
