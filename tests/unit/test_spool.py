"""The inbound spool: durable, in order, each line handled once, shared safely between processes."""
from __future__ import annotations

import fcntl
from datetime import datetime, timezone

import pytest

from bot.spool import Spool
from handlers.context import InboundMessage, Media

AT = datetime(2026, 11, 22, 15, 0, tzinfo=timezone.utc)


def message(n: int, **extra) -> InboundMessage:
    return InboundMessage("sms", "+15551230001", f"message {n}", f"SM{n:032d}", **extra)


def test_messages_come_back_in_order_with_everything_they_carried(tmp_path):
    spool = Spool(tmp_path)
    photo = message(1, media=(Media("https://api.twilio.com/m/1", "image/jpeg"),), message_type="image",
                    extras=(("Latitude", "1.5"),))
    spool.append(photo, AT)
    spool.append(message(2), AT)
    seen = []
    assert spool.drain(lambda msg, at: seen.append((msg, at))) == 2
    assert seen == [(photo, AT), (message(2), AT)]
    assert not spool.pending() and spool.path.stat().st_size == 0  # emptied once all were handled


def test_a_failure_keeps_that_message_and_the_rest_for_later(tmp_path):
    spool = Spool(tmp_path)
    for n in range(4):
        spool.append(message(n), AT)
    seen = []

    def handle(msg, at):
        if msg.text == "message 2" and "down" not in [s for s in seen]:
            seen.append("down")
            raise ConnectionError("database down")
        seen.append(msg.text)

    with pytest.raises(ConnectionError):
        Spool(tmp_path).drain(handle)
    assert Spool(tmp_path).pending()  # what a new process sees: the offset was kept on disk
    assert Spool(tmp_path).drain(handle) == 2
    assert seen == ["message 0", "message 1", "down", "message 2", "message 3"]


def test_a_budget_handles_the_oldest_first(tmp_path):
    spool = Spool(tmp_path)
    for n in range(5):
        spool.append(message(n), AT)
    seen = []
    assert spool.drain(lambda msg, at: seen.append(msg.text), budget=2) == 2
    assert spool.pending() and seen == ["message 0", "message 1"]
    assert spool.drain(lambda msg, at: seen.append(msg.text)) == 3
    assert seen == [f"message {n}" for n in range(5)]


def test_a_half_written_line_waits(tmp_path):
    spool = Spool(tmp_path)
    spool.append(message(1), AT)
    with open(spool.path, "ab") as f:
        f.write(b'{"received_at": "2026-11')  # another process is still writing this line
    seen = []
    assert spool.drain(lambda msg, at: seen.append(msg.text)) == 1
    assert seen == ["message 1"] and spool.pending()


def test_one_drainer_at_a_time(tmp_path):
    spool = Spool(tmp_path)
    spool.append(message(1), AT)
    with open(tmp_path / "inbound.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process is draining
        assert spool.drain(lambda msg, at: pytest.fail("drained twice")) == 0
    assert spool.drain(lambda msg, at: None) == 1


def test_nothing_spooled_is_nothing_pending(tmp_path):
    spool = Spool(tmp_path / "never-created")
    assert not spool.pending()
    assert spool.drain(lambda msg, at: pytest.fail("nothing to drain")) == 0
