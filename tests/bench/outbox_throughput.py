"""Outbox throughput: messages per second from the outbox to a loopback fake Twilio.

Run: .venv/bin/python -m tests.bench.outbox_throughput [--messages 500] [--latency 0] [--procs 4] [--sqlite]
Creates a private Postgres schema (or a temporary SQLite file), starts FakeTwilio (answering after
--latency seconds, e.g. 0.15 for a realistic API round trip) and sends --messages SMS through:
  1. send_outbound called in a loop in this process (the no-Redis path, one thread);
  2. the in-process thread pool (ThreadJobs, 4 threads);
  3. RQ on the real Redis (db 15) and one SimpleWorker in burst mode (no fork);
  4. RQ and --procs real `rq worker --burst` processes (fork per job, as `flask worker` deploys it;
     each builds the app from the environment, as a bare `rq worker` does through wsgi.py).
Each run checks every message reached the fake exactly once. Rows are queued before the clock
starts, so the figures are the sending side only (claim, Twilio call, record). RQ runs use a
queue name and job-id prefix of their own in Redis db 15 and delete only their own keys.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone

from redis import Redis
from rq import SimpleWorker
from sqlalchemy import create_engine, func, select, text

from bot import create_app
from bot.config import load_config
from jobs.outbox import queue_message, send_outbound
from jobs.queue import RedisJobs, ThreadJobs
from storage.models import Outbound, Person
from tests.fakes.twilio_server import FakeTwilio
from tests.support import migrate_once

POSTGRES = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
PEOPLE = 50


def queue_rows(services, run: str, count: int) -> list[int]:
    now = datetime.now(timezone.utc)
    with services.sessions() as session, session.begin():
        people = session.scalars(select(Person).order_by(Person.id)).all()
        rows = [queue_message(session, person=people[n % len(people)], body=f"{run}: lunch idea {n}", kind="nudge",
                              key=f"{run}:{n}", now=now) for n in range(count)]
        session.flush()
        return [row.id for row in rows]


def check(services, fake: FakeTwilio, ids: list[int]) -> None:
    with services.sessions() as session:
        sent = session.scalar(select(func.count()).where(Outbound.id.in_(ids), Outbound.status == "sent"))
    assert sent == len(ids), f"{sent} of {len(ids)} rows sent"
    bodies = [m["Body"] for m in fake.messages]
    assert len(bodies) == len(set(bodies)) == len(ids), f"{len(bodies)} messages, {len(set(bodies))} different"


def wait_for_pool(jobs: ThreadJobs) -> None:
    jobs._pool.shutdown(wait=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds the fake Twilio takes per message")
    parser.add_argument("--procs", type=int, default=4, help="forking RQ worker processes (0 to skip)")
    parser.add_argument("--sqlite", action="store_true", help="use a temporary SQLite file instead of Postgres")
    args = parser.parse_args()
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = None
    if args.sqlite:
        database_url = f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    else:
        admin = create_engine(POSTGRES)
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        database_url = f"{POSTGRES}?options=-csearch_path%3D{schema}"
    redis = Redis.from_url(REDIS)
    results: list[tuple[str, int, float]] = []
    try:
        with FakeTwilio(latency=args.latency) as fake:
            env = {"DATABASE_URL": database_url, "CHROMA_PATH": f"/tmp/{schema}-chroma", "REDIS_URL": REDIS,
                   "TWILIO_ACCOUNT_SID": fake.account_sid, "TWILIO_AUTH_TOKEN": fake.auth_token,
                   "TWILIO_API_BASE_URL": fake.base_url, "TWILIO_SMS_FROM": "+15550006789",
                   "PUBLIC_BASE_URL": "https://tinytummy.example.org"}
            migrate_once(database_url)
            services = create_app(load_config(env)).extensions["tinytummy"]
            now = datetime.now(timezone.utc)
            with services.sessions() as session, session.begin():
                session.add_all(Person(phone=f"+1212555{n:04d}", created_at=now, reminders_on=True, last_channel="sms",
                                       last_sms_at=now) for n in range(PEOPLE))

            def timed(name: str, send) -> None:
                fake.messages.clear()
                ids = queue_rows(services, f"run{len(results)}", args.messages)
                start = time.perf_counter()
                send(ids)
                elapsed = time.perf_counter() - start
                check(services, fake, ids)
                results.append((name, len(ids), elapsed))

            def inline(ids: list[int]) -> None:
                for outbound_id in ids:
                    send_outbound(outbound_id)

            def threads(ids: list[int]) -> None:
                pool = ThreadJobs(workers=4)
                for outbound_id in ids:
                    pool.enqueue(send_outbound, outbound_id)
                wait_for_pool(pool)

            def rq_jobs() -> RedisJobs:
                return RedisJobs(REDIS, queue_name=schema, id_prefix=f"{schema}-{len(results)}-")

            def rq_simple(ids: list[int]) -> None:
                jobs = rq_jobs()
                for outbound_id in ids:
                    jobs.enqueue(send_outbound, outbound_id)
                SimpleWorker([jobs.queue()], connection=jobs.connection).work(burst=True, logging_level="WARNING")

            def rq_processes(ids: list[int]) -> None:
                jobs = rq_jobs()
                for outbound_id in ids:
                    jobs.enqueue(send_outbound, outbound_id)
                command = [sys.executable, "-m", "rq.cli", "worker", "-c", "wsgi", "--burst", "--url", REDIS, schema]
                workers = [subprocess.Popen(command, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL) for _ in range(args.procs)]
                for worker in workers:
                    worker.wait(600)

            timed("in-process, 1 thread", inline)
            timed("in-process, ThreadJobs(4)", threads)
            timed("RQ, 1 SimpleWorker (burst)", rq_simple)
            if args.procs:
                timed(f"RQ, {args.procs} forking worker processes (burst, incl. start-up)", rq_processes)
            services.engine.dispose()
    finally:
        keys = list(redis.scan_iter(match=f"*{schema}*", count=1000))
        if keys:
            redis.delete(*keys)
        redis.srem("rq:queues", f"rq:queue:{schema}")
        if admin is not None:
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()
    where = "SQLite" if args.sqlite else "Postgres"
    print(f"\nOutbox throughput to the fake Twilio ({where}, fake latency {args.latency * 1000:.0f} ms):")
    for name, count, elapsed in results:
        print(f"  {name:<62} {count:>5} msgs in {elapsed:6.2f} s = {count / elapsed:7.1f} msg/s")


if __name__ == "__main__":
    main()
