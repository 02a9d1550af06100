"""The Procfile's `worker:` command, exactly as shipped, against a real (private) Redis and the real
Postgres: it sends each due nudge once, retries a rate-limited one through RQ, and stops cleanly."""
from __future__ import annotations

import os
import shlex
import subprocess
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from rq import Queue

from jobs.nudges import send_due
from jobs.queue import QUEUE_NAME, RedisJobs
from storage.models import Outbound
from storage.nudges import Nudge
from tests.integration import test_outbox
from tests.integration.test_nudges import family
from tests.integration.test_outbox import services_of, twilio_env
from tests.integration.test_redis_restart import redis_server  # noqa: F401 - a fixture
from tests.support import all_rows

make_app, twilio = test_outbox.make_app, test_outbox.twilio
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.redis


def next_evening(now: datetime, zone: str = "America/New_York") -> datetime:
    """The next 19:00 in the zone after `now`: the worker's own clock is the real one, so the pass
    is run for an instant still to come (a pass ahead of the clock speaks for its instant)."""
    local = now.astimezone(ZoneInfo(zone))
    evening = local.replace(hour=19, minute=0, second=0, microsecond=0)
    return (evening if evening > local else evening + timedelta(days=1)).astimezone(timezone.utc)


def procfile_worker() -> list[str]:
    [line] = [l for l in (ROOT / "Procfile").read_text().splitlines() if l.startswith("worker:")]
    return shlex.split(line.split(":", 1)[1])


def wait_for(check, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_procfile_worker_sends_each_nudge_once_and_retries_through_rq(make_app, twilio, clock, redis_server,
                                                                        tmp_path):
    env = {**twilio_env(twilio), "REDIS_URL": redis_server.url, "CHROMA_PATH": str(tmp_path / "chroma")}
    app = make_app(env)
    jobs = services_of(app).jobs
    assert isinstance(jobs, RedisJobs) and jobs.queue_name == QUEUE_NAME
    numbers = [f"+1212555{n:04d}" for n in range(500, 530)]
    for number in numbers:
        family(app, number, "America/New_York")
    clock.now = next_evening(datetime.now(timezone.utc))
    assert send_due() == {"due": 30, "queued": 30}
    assert send_due() == {"due": 0, "queued": 0}
    queue = Queue(QUEUE_NAME, connection=jobs.connection)
    assert queue.count == 1  # one batch job for all 30
    twilio.fail_next(429)  # the first send is rate-limited: RQ retries the batch after 10 s
    command = procfile_worker()
    assert command[:4] == ["flask", "--app", "wsgi", "worker"]
    path = f"{ROOT / '.venv' / 'bin'}:{os.environ['PATH']}"
    worker_env = {**os.environ, **env, "DATABASE_URL": services_of(app).config.database_url, "PATH": path}
    log = tmp_path / "worker.log"
    with log.open("w") as output:
        worker = subprocess.Popen(command, cwd=ROOT, env=worker_env, stdout=output, stderr=subprocess.STDOUT)
        try:
            arrived = wait_for(lambda: len(twilio.messages) == 30, timeout=90)
            time.sleep(1)  # and nothing more arrives
        finally:
            worker.terminate()
            worker.wait(30)
    errors = log.read_text()
    assert arrived, errors[-3000:]
    assert Counter(m["To"] for m in twilio.messages) == Counter(numbers)
    assert len(twilio.attempts) == 31  # 30 messages and the one refused try
    assert {o.status for o in all_rows(app, Outbound)} == {"sent"}
    assert {n.status for n in all_rows(app, Nudge)} == {"built"}
    assert "Traceback" not in errors or "TryAgain" in errors, errors[-2000:]
