"""SQL statements and time per message type, in-process, on a throwaway Postgres database.

Run: .venv/bin/python -m tests.bench.statements [--profile meal] [--repeat 30]
Sets up a household with a few days of meals, then sends each kind of message of the evening
mix through the signed webhook (Flask's test client: no HTTP server) and prints how many
statements each sent and how long it took. `--profile KIND` runs cProfile over `--repeat`
messages of that kind and prints the top functions by cumulative time.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import tempfile
import time
from pathlib import Path

from tests.bench.evening_rush import POSTGRES, read_mix, throwaway_database
from tests.statements import counting
from tests.support import Clock, build_app, household

KINDS = {"meal": "Maya had 1/2 cup oatmeal and a banana", "meal2": "dinner: salmon, sweet potato and broccoli",
         "question": "can she have honey?", "summary": "summary", "streak": "streak", "command": "settings",
         "greeting": "thanks!"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", choices=sorted(KINDS), default=None)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--sql", action="store_true", help="print each kind's statements too")
    args = parser.parse_args()
    from datetime import datetime, timezone

    clock = Clock(datetime(2026, 11, 22, 23, 0, tzinfo=timezone.utc))
    _, texts = read_mix()
    with throwaway_database(POSTGRES) as url:
        tmp = Path(tempfile.mkdtemp(prefix="tt-statements-"))
        from knowledge.guideline_store import open_client, sync_passages
        from knowledge.guidelines_corpus import load_passages

        sync_passages(open_client(str(tmp / "chroma")), load_passages())
        app = build_app(url, clock, tmp, env={"CHROMA_PATH": str(tmp / "chroma")})
        services = app.extensions["tinytummy"]
        services.warm_up()
        parent = household(app, "+12125550100", "Maya", "2026-02-01")
        for day in range(3):  # a few days of history: streaks, first tries and summaries have rows to read
            for meal in texts["meal"][day * 3:day * 3 + 3]:
                parent.say(meal)
            clock.advance(days=1)
        print(f"{'message':<10} {'statements':>10} {'ms (median of 5)':>17}  text")
        for kind, body in KINDS.items():
            counts, times = [], []
            for _ in range(5):
                clock.advance(minutes=3)  # a later message: the sender's last-seen time is written, as in life
                with counting(services.engine) as seen:
                    start = time.perf_counter()
                    parent.say(body)
                    times.append((time.perf_counter() - start) * 1000)
                counts.append(seen.count)
            print(f"{kind:<10} {counts[-1]:>10} {statistics.median(times):>17.1f}  {body!r} (counts {counts})")
            if args.sql:
                print(seen.summary())
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.repeat):
                parent.say(KINDS[args.profile])
            profiler.disable()
            profiler.dump_stats(str(tmp / "profile.out"))
            print(f"profile written to {tmp / 'profile.out'}")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        services.engine.dispose()


if __name__ == "__main__":
    main()
