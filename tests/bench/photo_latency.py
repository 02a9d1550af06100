"""Photo webhook -> result message: median of 50 through RQ on the real Redis and Postgres.

Run: .venv/bin/python -m tests.bench.photo_latency [--photos 50]
A fake Twilio serves the photo and records sends; a fake OpenAI-compatible server answers the
vision call; an `rq worker` subprocess (flask --app wsgi worker) runs the jobs. Times each photo
from the signed webhook POST to the result message arriving at the fake Twilio.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from datetime import datetime, timezone

from redis import Redis
from sqlalchemy import create_engine, text

from tests.fakes.openai_server import FakeOpenAI
from tests.fakes.twilio_server import FakeTwilio
from tests.support import Clock, Phone, build_app, make_form

POSTGRES = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")
REDIS = "redis://127.0.0.1:6379/14"
PLATE = json.dumps({"items": [{"food": "pasta", "amount": 0.5, "unit": "cup"},
                              {"food": "peas", "amount": 0.25, "unit": "cup"}], "confidence": 0.9})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=50)
    args = parser.parse_args()
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    Redis.from_url(REDIS).flushdb()
    worker = None
    try:
        with FakeTwilio() as twilio, FakeOpenAI(PLATE) as openai:
            env = {"DATABASE_URL": f"{POSTGRES}?options=-csearch_path%3D{schema}", "REDIS_URL": REDIS,
                   "TWILIO_ACCOUNT_SID": twilio.account_sid, "TWILIO_AUTH_TOKEN": twilio.auth_token,
                   "TWILIO_API_BASE_URL": twilio.base_url, "TWILIO_SMS_FROM": "+15550006789",
                   "OPENAI_API_KEY": "sk-bench", "OPENAI_BASE_URL": openai.base_url,
                   "CHROMA_PATH": f"/tmp/{schema}-chroma"}
            clock = Clock(datetime.now(timezone.utc))
            app = build_app(env["DATABASE_URL"], clock, __import__("pathlib").Path("/tmp"), env=env)
            worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker"],
                                      env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
            numbers = [f"+1212555{n:04d}" for n in range(args.photos)]
            for number in numbers:
                app.test_cli_runner().invoke(args=["household", "create", "--phone", number, "--child", "Maya",
                                                   "--birth-date", "2025-08-01"])
            url = twilio.add_media("plate.jpg", b"\xff\xd8\xff" + b"x" * 50_000, "image/jpeg", redirect=True)
            times = []
            for number in ["+12125559999"] + numbers:  # the first one warms the worker up
                if number == "+12125559999":
                    app.test_cli_runner().invoke(args=["household", "create", "--phone", number, "--child",
                                                       "Leo", "--birth-date", "2025-08-01"])
                sent = len(twilio.messages)
                form = make_form(number, "", NumMedia="1", MediaUrl0=url, MediaContentType0="image/jpeg")
                start = time.perf_counter()
                assert Phone(app, number).post(form).status_code == 200
                while len(twilio.messages) == sent:
                    if time.perf_counter() - start > 30:
                        raise SystemExit("no result message within 30 s")
                    time.sleep(0.002)
                if number != "+12125559999":
                    times.append((time.perf_counter() - start) * 1000)
            times.sort()
            print(f"photo webhook -> result message at the fake Twilio, {len(times)} photos via RQ + Postgres: "
                  f"median {statistics.median(times):.0f} ms, p90 {times[int(len(times) * 0.9) - 1]:.0f} ms, "
                  f"max {times[-1]:.0f} ms")
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(10)
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
        Redis.from_url(REDIS).flushdb()


if __name__ == "__main__":
    main()
