"""The outbox through the real Redis (db 15) and a real RQ worker, to the fake Twilio.

"Redis down" is a RedisJobs pointed at a closed port: the shared Redis server keeps running.
Other test runs may use db 15 at the same time, so each test has its own queue name and job-id
prefix, and deletes only its own keys afterwards (no FLUSHDB).
"""
from __future__ import annotations

import socket
import uuid
from datetime import timedelta

import pytest
from redis import Redis
from rq import SimpleWorker
from rq.job import Job

from jobs.outbox import send_outbound
from jobs.queue import InlineJobs, RedisJobs, ThreadJobs
from jobs.runtime import current
from jobs.sweeper import resend_stuck
from tests.integration import test_outbox
from tests.integration.test_outbox import add_person, queue, row_of, services_of, twilio_env

make_app, twilio = test_outbox.make_app, test_outbox.twilio  # the same fixtures as the in-process tests

pytestmark = pytest.mark.redis


@pytest.fixture
def space(redis_url):
    """A queue name and job-id prefix of this test's own; its keys are deleted afterwards."""
    tag = f"t{uuid.uuid4().hex[:12]}"
    yield tag
    conn = Redis.from_url(redis_url)
    keys = list(conn.scan_iter(match=f"*{tag}*", count=1000))
    if keys:
        conn.delete(*keys)
    conn.srem("rq:queues", f"rq:queue:{tag}")
    conn.close()


@pytest.fixture
def make_jobs(redis_url, space):
    def make(url: str = redis_url, **options) -> RedisJobs:
        return RedisJobs(url, queue_name=space, id_prefix=f"{space}-", **options)
    return make


@pytest.fixture
def rq_app(make_app, twilio, redis_url, make_jobs):
    """The app with REDIS_URL; its jobs (dispatch, and the sweeper's enqueue) use this test's queue."""
    app = make_app({**twilio_env(twilio), "REDIS_URL": redis_url})
    services = services_of(app)
    assert isinstance(services.jobs, RedisJobs)
    services.jobs = make_jobs()
    current().enqueue = services.jobs.enqueue
    return app


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"redis://127.0.0.1:{s.getsockname()[1]}/15"


def job_id(jobs: RedisJobs, outbound_id: int) -> str:
    return f"{jobs.id_prefix}send-{outbound_id}"


def work(jobs: RedisJobs) -> None:
    """Run a real RQ worker until the queue is empty (no fork: jobs use this process's runtime)."""
    SimpleWorker([jobs.queue()], connection=jobs.connection).work(burst=True, logging_level="WARNING")


def promote_scheduled(jobs: RedisJobs) -> list[str]:
    """Move RQ's scheduled retries to the queue now, as its scheduler would once they are due."""
    queue = jobs.queue()
    registry = queue.scheduled_job_registry
    ids = registry.get_jobs_to_schedule(timestamp=2**40)
    for scheduled in ids:
        registry.remove(scheduled)
        queue.enqueue_job(Job.fetch(scheduled, connection=jobs.connection))
    return ids


def test_enqueued_twice_sent_once_by_a_real_worker(rq_app, twilio, make_jobs):
    jobs = make_jobs()
    outbound_id = queue(rq_app, add_person(rq_app, sms_ago=timedelta(hours=1)))
    jobs.enqueue(send_outbound, outbound_id)
    jobs.enqueue(send_outbound, outbound_id)  # e.g. the sweeper while the first is still queued
    queue_ = jobs.queue()
    assert queue_.job_ids == [job_id(jobs, outbound_id)]
    job = Job.fetch(job_id(jobs, outbound_id), connection=jobs.connection)
    assert (job.retries_left, job.retry_intervals) == (3, [10, 60, 300])
    work(jobs)
    assert len(twilio.messages) == 1 and row_of(rq_app, outbound_id).status == "sent"
    jobs.enqueue(send_outbound, outbound_id)  # after it finished: a new job, which finds nothing to do
    work(jobs)
    assert len(twilio.attempts) == 1
    assert Job.fetch(job_id(jobs, outbound_id), connection=jobs.connection).return_value() == "sent"


def test_rate_limited_send_is_retried_by_rq(rq_app, twilio, make_jobs, clock):
    jobs = make_jobs()
    outbound_id = queue(rq_app, add_person(rq_app, sms_ago=timedelta(hours=1)))
    twilio.fail_next(429)
    jobs.enqueue(send_outbound, outbound_id)
    work(jobs)
    assert row_of(rq_app, outbound_id).status == "pending"
    assert jobs.queue().scheduled_job_registry.get_job_ids() == [job_id(jobs, outbound_id)]
    clock.advance(minutes=3)
    assert resend_stuck() == 1  # the sweeper sees it pending, but RQ keeps the one scheduled job
    assert jobs.queue().job_ids == []
    assert promote_scheduled(jobs) == [job_id(jobs, outbound_id)]
    work(jobs)
    assert row_of(rq_app, outbound_id).status == "sent"
    assert len(twilio.attempts) == 2 and len(twilio.messages) == 1


def test_rq_gives_up_with_the_outbox_after_the_last_retry(rq_app, twilio, make_jobs):
    jobs = make_jobs()
    outbound_id = queue(rq_app, add_person(rq_app, sms_ago=timedelta(hours=1)))
    twilio.fail_next(500, times=10)
    jobs.enqueue(send_outbound, outbound_id)
    work(jobs)
    while promote_scheduled(jobs):
        work(jobs)
    row = row_of(rq_app, outbound_id)
    assert (row.status, row.error_code, row.attempts) == ("failed", 20500, 4)
    assert len(twilio.attempts) == 4


def test_redis_down_then_back_loses_nothing_and_sends_once(rq_app, twilio, make_jobs, clock):
    """Redis unreachable at enqueue: the in-process try meets a Twilio outage too, so the row
    stays pending; once Redis is back the sweeper and a worker deliver it exactly once."""
    person_id = add_person(rq_app, sms_ago=timedelta(hours=1))
    ids = [queue(rq_app, person_id, body=f"result {n}", key=f"down:{n}") for n in range(5)]
    down = make_jobs(closed_port_url(), fallback=InlineJobs())
    assert down.health().startswith("unreachable")
    twilio.fail_next(503, times=5)
    for outbound_id in ids:
        down.enqueue(send_outbound, outbound_id)
    assert {row_of(rq_app, i).status for i in ids} == {"pending"} and twilio.messages == []
    clock.advance(minutes=3)
    assert resend_stuck() == 5  # the app's RedisJobs, on the real Redis again
    resend_stuck()  # a second sweep (another clock during a deploy) adds nothing
    back = make_jobs()
    assert len(back.queue().job_ids) == 5
    work(back)
    assert sorted(twilio.bodies()) == [f"result {n}" for n in range(5)]
    assert {row_of(rq_app, i).status for i in ids} == {"sent"}


def test_queue_lost_by_a_redis_restart_is_rebuilt_by_the_sweeper(rq_app, twilio, make_jobs, space, clock):
    jobs = make_jobs()
    outbound_id = queue(rq_app, add_person(rq_app, sms_ago=timedelta(hours=1)))
    jobs.enqueue(send_outbound, outbound_id)
    for key in jobs.connection.scan_iter(match=f"*{space}*"):  # a restart without persistence
        jobs.connection.delete(key)
    work(jobs)
    assert twilio.attempts == [] and row_of(rq_app, outbound_id).status == "pending"
    clock.advance(minutes=3)
    assert resend_stuck() == 1
    work(jobs)
    assert len(twilio.messages) == 1 and row_of(rq_app, outbound_id).status == "sent"


def test_fallback_thread_and_sweeper_racing_send_each_message_once(rq_app, twilio, make_jobs, clock):
    twilio.latency = 0.02  # in-process sends are still in flight while the sweeper and worker run
    person_id = add_person(rq_app, sms_ago=timedelta(hours=1))
    ids = [queue(rq_app, person_id, body=f"photo {n}", key=f"race:{n}") for n in range(40)]
    fallback = ThreadJobs(workers=4)
    down = make_jobs(closed_port_url(), fallback=fallback)
    for outbound_id in ids:
        down.enqueue(send_outbound, outbound_id)
    clock.advance(minutes=3)
    resend_stuck()
    work(make_jobs())
    fallback._pool.shutdown(wait=True)
    assert sorted(twilio.bodies()) == sorted(f"photo {n}" for n in range(40))
    assert len(twilio.attempts) == 40
    assert {row_of(rq_app, i).status for i in ids} == {"sent"}


def test_app_dispatch_uses_rq_with_the_send_job_id(rq_app, twilio):
    outbound_id = queue(rq_app, add_person(rq_app, sms_ago=timedelta(hours=1)))
    services = services_of(rq_app)
    services.dispatch([(send_outbound, (outbound_id,), None)])  # what the pipeline does after commit
    assert services.jobs.queue().job_ids == [job_id(services.jobs, outbound_id)]
    assert twilio.attempts == []  # nothing sent in the web process
    work(services.jobs)
    assert len(twilio.messages) == 1
