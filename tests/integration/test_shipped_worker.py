"""The Procfile's `worker:` line, run as written against a real Redis, finishes every job type:
question answers, photo and voice jobs, and the outbox sends they queue; it stops cleanly and
leaves no process behind. The web side is this test's app, enqueueing on the same Redis.

Part of `make chaos` too: Redis stopped and restarted empty mid-traffic under the shipped worker
and clock (every question answered exactly once), and two clocks running at once (every lost
message sent exactly once). `make test` runs them small; CHAOS_FULL=1 at full size."""
from __future__ import annotations

import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.services import utc_now
from jobs.outbox import SENT, queue_message
from jobs.queue import RedisJobs
from storage.models import Outbound, Person, Task
from tests.fakes.openai_server import FakeOpenAI
from tests.fakes.twilio_server import FakeTwilio
from tests.servers import PrivateRedis, ProcfileProcess, wait_until
from tests.support import TEST_PUBLIC_URL, build_app, household, truncate_all

pytestmark = [pytest.mark.postgres, pytest.mark.redis]
FULL = os.environ.get("CHAOS_FULL") == "1"
ANSWER = "Eggs are fine from about 6 months.\nSource: AAP"
PLATE = json.dumps({"items": [{"food": "pasta", "amount": 0.5, "unit": "cup"}], "confidence": 0.92})
JPEG = b"\xff\xd8\xff\xe0" + b"plate" * 200


def worker_env(database_url: str, redis_url: str, chroma_path: str, twilio: FakeTwilio, openai: FakeOpenAI,
               spool: str) -> dict:
    """What the web app and the worker are both configured with, as in production."""
    return {"DATABASE_URL": database_url, "SPOOL_DIR": spool, "REDIS_URL": redis_url, "CHROMA_PATH": chroma_path,
            "TWILIO_ACCOUNT_SID": twilio.account_sid, "TWILIO_AUTH_TOKEN": twilio.auth_token,
            "TWILIO_API_BASE_URL": twilio.base_url, "TWILIO_SMS_FROM": "+15550006789",
            "TWILIO_WHATSAPP_FROM": "whatsapp:+15550006789", "PUBLIC_BASE_URL": TEST_PUBLIC_URL,
            "OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": openai.base_url, "OPENAI_TIMEOUT": "10"}


@dataclass
class Stack:
    app: object
    twilio: FakeTwilio
    openai: FakeOpenAI
    worker: ProcfileProcess
    redis: PrivateRedis
    env: dict
    clocks: list = field(default_factory=list)

    def clock(self, log, n: int = 1) -> ProcfileProcess:
        """The Procfile's clock, sweeping every second and re-driving work lost for 5 s."""
        process = ProcfileProcess("clock", self.env, log / f"clock{n}.log", extra="--every 1 --redrive-after 5")
        self.clocks.append(process)
        return process


@pytest.fixture
def stack(postgres_url, tmp_path, chroma_path):
    """A private Redis, fake Twilio and OpenAI, the web app, and the Procfile worker on them,
    all on the real clock (the worker and clock processes have no other)."""
    if not PrivateRedis.available():
        pytest.skip("redis-server is not installed")
    redis = PrivateRedis()
    redis.start()
    with FakeTwilio() as twilio, FakeOpenAI(ANSWER) as openai:
        env = worker_env(postgres_url, redis.url, chroma_path, twilio, openai, str(tmp_path / "spool"))
        app = build_app(postgres_url, utc_now, tmp_path, env=env)
        assert isinstance(app.extensions["tinytummy"].jobs, RedisJobs)
        worker = ProcfileProcess("worker", env, tmp_path / "worker.log")
        stack = Stack(app, twilio, openai, worker, redis, env)
        try:
            yield stack
        finally:
            for process in [*stack.clocks, worker]:
                process.stop()
            redis.stop()
            truncate_all(app.extensions["tinytummy"].engine)



def sent_to(twilio: FakeTwilio, number: str) -> list[str]:
    return [m.get("Body", "") for m in list(twilio.messages) if m.get("To") == number]


def without_daily_nudge(app, parents: list) -> None:
    """These tests count exact sends on the real clock, and the clock process would also nudge a parent with
    nothing logged once 7 pm has passed in New York: that nudge is tested on its own, not counted here."""
    with app.extensions["tinytummy"].sessions() as session, session.begin():
        for parent in parents:
            session.scalars(select(Person).where(Person.phone == parent.number)).one().reminders_on = False


def test_the_procfile_worker_finishes_every_job_type(stack):
    app, twilio, openai, worker = stack.app, stack.twilio, stack.openai, stack.worker
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


@pytest.mark.chaos
def test_redis_stopped_mid_traffic_every_question_is_answered_exactly_once(stack, tmp_path):
    app, twilio, worker, redis = stack.app, stack.twilio, stack.worker, stack.redis
    families, rounds, outage = (20, 2, 10.0) if FULL else (4, 1, 3.0)
    parents = [household(app, f"+1718555{n:04d}", "Maya", "2025-06-01") for n in range(families)]
    without_daily_nudge(app, parents)
    clock = stack.clock(tmp_path)
    asked: Counter[str] = Counter()
    by_phase: Counter[str] = Counter()

    def ask_everyone(phase: str) -> None:
        for parent in parents:
            assert "checking" in parent.say("can she have eggs yet?")
            asked[parent.number] += 1
            by_phase[phase] += 1

    for _ in range(rounds):
        ask_everyone("before")
    redis.stop()  # mid-traffic, with answers queued and running
    down_since = time.monotonic()
    while time.monotonic() - down_since < outage:
        ask_everyone("during")
    redis.start()  # back, and empty: whatever was queued is gone
    for _ in range(rounds):
        ask_everyone("after")
    total = sum(asked.values())

    def answered() -> Counter:
        return Counter(m.get("To") for m in list(twilio.messages))

    wait_until(lambda: answered() == asked, 180,
               what=f"{total} answers\nworker:\n{worker.output()[-3000:]}\nclock:\n{clock.output()[-2000:]}")
    time.sleep(8)  # several more sweeps: nothing is sent twice
    assert answered() == asked and len(twilio.messages) == total
    print(f"\nRedis stopped {outage:.0f} s mid-traffic: {total} questions from {families} parents "
          f"({dict(by_phase)}), {len(twilio.messages)} answers, 0 duplicates, 0 unanswered")
    assert worker.running() and clock.running(), worker.output()
    assert clock.stop() and worker.stop()


@pytest.mark.chaos
def test_two_clocks_at_once_send_each_lost_message_once(stack, tmp_path):
    app, twilio = stack.app, stack.twilio
    lost = 200 if FULL else 20
    parents = [household(app, f"+1917555{n:04d}", "Maya", "2025-06-01") for n in range(lost)]
    without_daily_nudge(app, parents)
    with app.extensions["tinytummy"].sessions() as session, session.begin():
        for parent in parents:  # queued while Redis was away: in the outbox, on no queue
            person = session.scalars(select(Person).where(Person.phone == parent.number)).one()
            queue_message(session, person=person, body="Time for Maya's dinner?", kind="nudge",
                          key=f"lost:{parent.number}", now=utc_now() - timedelta(minutes=10), channel="sms")
    clocks = [stack.clock(tmp_path, n) for n in (1, 2)]
    wait_until(lambda: len(twilio.messages) >= lost, 120, what=f"{lost} sends\n{clocks[0].output()[-2000:]}")
    time.sleep(6)  # both clocks sweep several more times
    assert len(twilio.messages) == lost
    assert sorted(m.get("To") for m in twilio.messages) == sorted(p.number for p in parents)
    print(f"\ntwo clocks at once: {lost} lost messages, {len(twilio.messages)} sent, 0 twice")
    assert all(c.running() for c in clocks), clocks[0].output()
    assert all(c.stop() for c in clocks)
