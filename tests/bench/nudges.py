"""Daily nudges at scale: the clock's pass over 100,000 households, and a burst of sends.

Run: make bench-nudges   (or .venv/bin/python -m tests.bench.nudges [--households 100000] [--latency 0])
Fills a private Postgres schema with --households households across 20 time zones (reminders
mostly at the default 19:00, the rest spread from 17:00 to 20:00; about one in seven already
logged a meal today; everyone whose reminder came earlier today was nudged by earlier passes),
then times:
  1. one pass at 2026-12-02 00:00 UTC, when 19:00 comes in New York and Toronto (about 5,000 due);
  2. the same instant again and a minute later (nobody due);
  3. the burst: the Procfile's `worker:` command, exactly as shipped, started against a private
     redis-server holding the pass's jobs, sending to a loopback fake Twilio (answering after
     --latency seconds). Counted from the first message the fake receives to the last, with the
     worker's start-up reported apart; every due parent must get exactly one message.
"""
from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import create_engine, text

from bot import create_app
from bot.config import load_config
from jobs.nudges import send_due
from tests.fakes.twilio_server import FakeTwilio
from tests.integration.test_redis_restart import PrivateRedis
from tests.support import migrate_once

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")
ZONES = ("Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Chicago",
         "America/New_York", "America/Toronto", "America/Halifax", "America/Sao_Paulo", "Atlantic/Azores",
         "Europe/London", "Europe/Paris", "Europe/Athens", "Europe/Moscow", "Asia/Dubai", "Asia/Karachi",
         "Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai")
DUE_AT = datetime(2026, 12, 2, 0, 0, tzinfo=timezone.utc)
# Reminder time by household number mod 10: half keep the default.
REMINDERS = ("19:00", "19:00", "19:00", "19:00", "19:00", "17:00", "18:00", "20:00", "18:30", "19:30")

FILL = """
INSERT INTO person (id, phone, name, timezone, reminder_time, reminders_on, last_channel, last_sms_at, created_at)
SELECT i, '+1201' || lpad(i::text, 7, '0'), NULL, (:zones)[1 + i % 20], ((:reminders)[1 + (i / 20) % 10])::time,
       true, 'sms', :now - interval '1 day', :now - interval '30 days'
FROM generate_series(1, :n) AS i;
INSERT INTO household (id, owner_id, created_at) SELECT i, i, :now FROM generate_series(1, :n) AS i;
INSERT INTO membership (household_id, person_id, role, created_at)
SELECT i, i, 'owner', :now FROM generate_series(1, :n) AS i;
INSERT INTO child (id, household_id, name, birth_date_estimated, created_at)
SELECT i, i, 'Kid' || i, false, :now FROM generate_series(1, :n) AS i;
-- About one in seven logged a meal today (their local date), and everyone logged yesterday.
INSERT INTO meal (child_id, eaten_at, local_date, meal_type, text, nutrients)
SELECT i, :now - interval '2 hours', (:now AT TIME ZONE p.timezone)::date, 'lunch', 'oatmeal', '{}'
FROM generate_series(1, :n) AS i JOIN person p ON p.id = i WHERE i % 7 = 0;
INSERT INTO meal (child_id, eaten_at, local_date, meal_type, text, nutrients)
SELECT i, :now - interval '1 day', (:now AT TIME ZONE p.timezone)::date - 1, 'lunch', 'oatmeal', '{}'
FROM generate_series(1, :n) AS i JOIN person p ON p.id = i;
-- Earlier passes today nudged everyone whose reminder had come (and who had not logged).
INSERT INTO nudge (person_id, local_date, due_at, status, created_at)
SELECT p.id, (:now AT TIME ZONE p.timezone)::date, :now - interval '1 hour', 'built', :now - interval '1 hour'
FROM person p
WHERE p.reminder_time < ((:now AT TIME ZONE p.timezone)::time)
  AND ((:now AT TIME ZONE p.timezone)::time) < time '21:00' AND ((:now AT TIME ZONE p.timezone)::time) >= time '08:00'
  AND p.id % 7 <> 0;
SELECT setval(pg_get_serial_sequence('person', 'id'), :n); SELECT setval(pg_get_serial_sequence('household', 'id'), :n);
SELECT setval(pg_get_serial_sequence('child', 'id'), :n);
ANALYZE;
"""


def fill(engine, households: int) -> float:
    start = time.perf_counter()
    with engine.begin() as conn:
        for statement in filter(str.strip, FILL.split(";\n")):
            conn.execute(text(statement), {"zones": list(ZONES), "reminders": list(REMINDERS), "n": households,
                                           "now": DUE_AT})
    return time.perf_counter() - start


def timed_pass(at: datetime, enqueue=None) -> tuple[dict[str, int], float]:
    start = time.perf_counter()
    report = send_due(at, enqueue=enqueue)
    return report, time.perf_counter() - start


def procfile_worker() -> str:
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith("worker:"):
            return line.split(":", 1)[1].strip()
    raise SystemExit("Procfile has no worker: line")


def burst(env: dict[str, str], fake: FakeTwilio, expected: int, timeout: float = 600.0) -> dict[str, float]:
    """Start the Procfile's worker as shipped; time the messages arriving at the fake Twilio."""
    command = procfile_worker()
    path = f"{ROOT / '.venv' / 'bin'}:{os.environ.get('PATH', '')}"
    log = tempfile.NamedTemporaryFile("w+", prefix="bench-worker-", suffix=".log")
    started = time.perf_counter()
    worker = subprocess.Popen(shlex.split(command), cwd=ROOT, env={**os.environ, **env, "PATH": path},
                              stdout=log, stderr=subprocess.STDOUT)
    first = last = None
    seen = 0
    try:
        while time.perf_counter() - started < timeout:
            count = len(fake.messages)
            now = time.perf_counter()
            if count and first is None:
                first = now
            if count > seen:
                seen, last = count, now
            if count >= expected or worker.poll() is not None:
                break
            if last is not None and now - last > 30:
                break  # stalled
            time.sleep(0.02)
    finally:
        worker.terminate()
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    if seen < expected:
        log.seek(0)
        sys.stderr.write(log.read()[-3000:])
        raise SystemExit(f"only {seen} of {expected} messages reached the fake Twilio")
    span = max(last - first, 1e-6)
    return {"command": command, "messages": seen, "startup_s": first - started, "span_s": span,
            "rate": (seen - 1) / span, "overall_rate": seen / (last - started)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds the fake Twilio takes per message")
    args = parser.parse_args()
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    database_url = f"{POSTGRES}?options=-csearch_path%3D{schema}"
    redis = PrivateRedis()
    redis.start()
    try:
        with FakeTwilio(latency=args.latency) as fake:
            env = {"DATABASE_URL": database_url, "REDIS_URL": redis.url, "CHROMA_PATH": f"/tmp/{schema}-chroma",
                   "TWILIO_ACCOUNT_SID": fake.account_sid, "TWILIO_AUTH_TOKEN": fake.auth_token,
                   "TWILIO_API_BASE_URL": fake.base_url, "TWILIO_SMS_FROM": "+15550006789",
                   "PUBLIC_BASE_URL": "https://tinytummy.example.org"}
            migrate_once(database_url)
            services = create_app(load_config(env), clock=lambda: DUE_AT).extensions["tinytummy"]
            filled = fill(services.engine, args.households)
            due, due_s = timed_pass(DUE_AT)
            again, again_s = timed_pass(DUE_AT)
            later, later_s = timed_pass(DUE_AT + timedelta(minutes=1))
            queued = services.jobs.queue().count
            sent = burst(env, fake, due["queued"])
            per_number = Counter(m["To"] for m in fake.messages)
            assert max(per_number.values()) == 1, "someone got two nudges"
            services.engine.dispose()
    finally:
        redis.stop()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    print(f"\nDaily nudges, Postgres, {args.households:,} households in {len(ZONES)} zones (filled in {filled:.1f} s):")
    print(f"  pass with people due  at {DUE_AT:%Y-%m-%d %H:%M} UTC: {due} in {due_s:.3f} s "
          f"({queued} batch jobs enqueued)")
    print(f"  pass with nobody due, same instant:        {again} in {again_s:.3f} s")
    print(f"  pass with nobody due, a minute later:      {later} in {later_s:.3f} s")
    print(f"  burst through `{sent['command']}` (Procfile worker:, fake Twilio latency {args.latency * 1000:.0f} ms):")
    print(f"    {sent['messages']} messages, first after {sent['startup_s']:.1f} s of start-up, then "
          f"{sent['span_s']:.1f} s = {sent['rate']:.0f} msg/s ({sent['overall_rate']:.0f} msg/s including start-up)")


if __name__ == "__main__":
    main()
