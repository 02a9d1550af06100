"""The Procfile's `worker:` line, run as written against a real Redis, finishes every job type:
question answers, photo and voice jobs, and the outbox sends they queue; it stops cleanly and
leaves no process behind. The web side is this test's app, enqueueing on the same Redis."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from jobs.outbox import SENT
from jobs.queue import RedisJobs
from storage.models import Outbound, Task
from tests.fakes.openai_server import FakeOpenAI
from tests.fakes.twilio_server import FakeTwilio
from tests.servers import PrivateRedis, ProcfileProcess, wait_until
from tests.support import TEST_PUBLIC_URL, build_app, household, truncate_all

pytestmark = [pytest.mark.postgres, pytest.mark.redis]
ANSWER = "Eggs are fine from about 6 months.\nSource: AAP"
PLATE = json.dumps({"items": [{"food": "pasta", "amount": 0.5, "unit": "cup"}], "confidence": 0.92})
JPEG = b"\xff\xd8\xff\xe0" + b"plate" * 200


def worker_env(database_url: str, redis_url: str, chroma_path: str, twilio: FakeTwilio, openai: FakeOpenAI) -> dict:
    """What the web app and the worker are both configured with, as in production."""
    return {"DATABASE_URL": database_url, "REDIS_URL": redis_url, "CHROMA_PATH": chroma_path,
            "TWILIO_ACCOUNT_SID": twilio.account_sid, "TWILIO_AUTH_TOKEN": twilio.auth_token,
            "TWILIO_API_BASE_URL": twilio.base_url, "TWILIO_SMS_FROM": "+15550006789",
            "TWILIO_WHATSAPP_FROM": "whatsapp:+15550006789", "PUBLIC_BASE_URL": TEST_PUBLIC_URL,
            "OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": openai.base_url, "OPENAI_TIMEOUT": "10"}


@pytest.fixture
def stack(postgres_url, clock, tmp_path, chroma_path):
    """A private Redis, fake Twilio and OpenAI, the web app, and the Procfile worker on them."""
    if not PrivateRedis.available():
        pytest.skip("redis-server is not installed")
    redis = PrivateRedis()
    redis.start()
    with FakeTwilio() as twilio, FakeOpenAI(ANSWER) as openai:
        env = worker_env(postgres_url, redis.url, chroma_path, twilio, openai)
        app = build_app(postgres_url, clock, tmp_path, env=env)
        assert isinstance(app.extensions["tinytummy"].jobs, RedisJobs)
        worker = ProcfileProcess("worker", env, tmp_path / "worker.log")
        try:
            yield app, twilio, openai, worker
        finally:
            worker.stop()
            redis.stop()
            truncate_all(app.extensions["tinytummy"].engine)


def sent_to(twilio: FakeTwilio, number: str) -> list[str]:
    return [m.get("Body", "") for m in list(twilio.messages) if m.get("To") == number]


def test_the_procfile_worker_finishes_every_job_type(stack):
    app, twilio, openai, worker = stack
    parents = [household(app, f"+1212555{n:04d}", "Maya", "2025-06-01") for n in range(3)]
    for parent in parents:  # 1. questions: an LLM answer job, then its outbox send
        assert "checking" in parent.say("can she have eggs yet?")
    wait_until(lambda: all(sent_to(twilio, p.number) for p in parents), 90, what="three answers\n" + worker.output())
    assert all(sent_to(twilio, p.number) == [ANSWER] for p in parents)

    openai.respond_with(PLATE)  # 2. a captionless plate photo: the vision job logs the meal
    url = twilio.add_media("plate.jpg", JPEG, "image/jpeg", redirect=True)
    photo = parents[0]
    assert "looking at Maya's plate" in photo.say("", NumMedia="1", MediaUrl0=url, MediaContentType0="image/jpeg")
    wait_until(lambda: len(sent_to(twilio, photo.number)) == 2, 60, what="the photo result\n" + worker.output())
    assert "pasta" in sent_to(twilio, photo.number)[1].lower()

    openai.respond_with("Maya had a banana", endpoint="transcriptions")  # 3. a voice note
    voice = parents[1]
    note = twilio.add_media("note.ogg", b"OggS" + b"\0" * 100, "audio/ogg")
    assert "Listening" in voice.say("", NumMedia="1", MediaUrl0=note, MediaContentType0="audio/ogg")
    wait_until(lambda: len(sent_to(twilio, voice.number)) == 2, 60, what="the voice answer\n" + worker.output())
    assert 'I heard: "Maya had a banana"' in sent_to(twilio, voice.number)[1]

    def settled() -> bool:  # every task done, every message sent once (the worker records it after Twilio)
        with app.extensions["tinytummy"].sessions() as session:
            sent = session.scalars(select(Outbound.status).where(Outbound.kind != "reply")).all()
            return session.scalars(select(Task.status)).all() == ["done"] * 5 and len(sent) == 5 \
                and set(sent) <= set(SENT)

    wait_until(settled, 30, what="tasks done and sends recorded")
    assert len(twilio.messages) == 5
    assert worker.running(), worker.output()
    assert worker.stop(), "a process of the worker outlived SIGTERM\n" + worker.output()
