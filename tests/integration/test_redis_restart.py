"""A real Redis server stopped and restarted under the running app: the webhook keeps answering,
nothing is lost and nothing is sent twice. Uses a private redis-server on a free port, so the
shared Redis on 6379 is never touched."""
from __future__ import annotations

import time

import pytest
from rq import SimpleWorker

from jobs.queue import RedisJobs
from jobs.sweeper import resend_stuck
from jobs.tasks import redrive_tasks
from tests.fakes.openai_server import FakeOpenAI
from tests.integration.test_outbox import services_of, twilio_env
from tests.fakes.twilio_server import FakeTwilio
from tests.servers import PrivateRedis
from tests.support import build_app, household, truncate_all

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_server():
    if not PrivateRedis.available():
        pytest.skip("redis-server is not installed")
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def world(database_url, clock, tmp_path, chroma_path, redis_server):
    with FakeTwilio() as twilio, FakeOpenAI("Eggs are fine from 6 months.\nSource: AAP") as openai:
        env = {**twilio_env(twilio), "REDIS_URL": redis_server.url, "CHROMA_PATH": chroma_path,
               "OPENAI_API_KEY": "sk-t", "OPENAI_BASE_URL": openai.base_url}
        env.pop("PUBLIC_BASE_URL")  # the test phone signs the local URL
        app = build_app(database_url, clock, tmp_path, env=env)
        assert isinstance(services_of(app).jobs, RedisJobs)
        yield app, twilio
        truncate_all(services_of(app).engine)


def work(app) -> None:
    jobs = services_of(app).jobs
    SimpleWorker([jobs.queue()], connection=jobs.connection).work(burst=True, logging_level="WARNING")


def test_redis_stopped_and_restarted_loses_nothing(world, redis_server, clock):
    app, twilio = world
    parent = household(app, "+12125550220", "Maya", "2026-03-01")
    # 1. Redis up: the question's answer is a job on RQ, sent by a real worker.
    assert "checking" in parent.say("can she have eggs yet?")
    assert twilio.messages == []  # queued, not run in the web process
    work(app)
    assert len(twilio.messages) == 1
    # 2. A queued job is lost when Redis restarts with nothing on disk.
    assert "checking" in parent.say("is honey ok?")
    redis_server.stop()
    # 3. Redis down: the webhook still answers; the work runs in-process instead of being lost.
    assert "checking" in parent.say("and juice?")
    deadline = time.time() + 10
    while len(twilio.messages) < 2 and time.time() < deadline:
        time.sleep(0.05)
    assert len(twilio.messages) == 2
    # 4. Redis back, empty: the lost answer job is re-driven from its task row, sent exactly once.
    redis_server.start()
    clock.advance(minutes=5)
    work(app)
    assert len(twilio.messages) == 2  # the restart lost the queued job
    time.sleep(5.5)  # RedisJobs leaves a Redis that failed alone for 5 s
    assert redrive_tasks() == 1
    assert redrive_tasks() == 1  # the clock again before a worker ran it: the same job, not a second
    queued = services_of(app).jobs.queue().job_ids
    assert len(queued) == 1 and queued[0].startswith("task-"), queued
    resend_stuck()
    work(app)
    assert len(twilio.messages) == 3
    assert redrive_tasks() == 0 and resend_stuck() == 0  # nothing left, nothing sent twice
    work(app)
    assert len(twilio.messages) == 3
