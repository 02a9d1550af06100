"""A private PostgreSQL stopped under the running app: every message a parent sends meanwhile is
kept on disk, answered "saved, will answer", and handled in order once the database is back,
each exactly once, with its real answer sent through the outbox. The shared Postgres is never
touched: the cluster is initdb'd under a temporary directory on a port of its own."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.pipeline import SPOOLED
from storage.meals import Meal
from storage.models import Inbound
from tests.fakes.twilio_server import FakeTwilio
from tests.servers import PrivatePostgres, wait_until
from tests.support import TEST_PUBLIC_URL, build_app, household, make_form

pytestmark = pytest.mark.chaos


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
        app.extensions["tinytummy"].pipeline.drainer.stop()
        app.extensions["tinytummy"].engine.dispose()


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
