"""How long the take-away files take to make: a chart, the pediatrician PDF, the household page.

Run: .venv/bin/python -m tests.bench.report_render [--days 30] [--runs 10]
Builds a month of a toddler's log on SQLite through the signed webhook (three meals a day, egg,
wheat, milk and fish among them, a question a week), then times, warm, as a worker does after its
warm-up: facts + chart PNG (7 and 30 days), facts + PDF, and the page's HTML (GET /page/<token>).
The cold import of matplotlib and fpdf2 is timed apart, in a fresh interpreter.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.support import Clock, build_app, household

MEALS = ("Maya had 1/2 cup oatmeal and a banana for breakfast", "Maya had scrambled egg and toast for lunch",
         "Maya had 2 oz salmon, 1/2 cup rice and peas for dinner", "Maya had yogurt and blueberries for a snack",
         "Maya had pasta with cheese and broccoli for dinner", "Maya had chicken and sweet potato for lunch")


def build(days: int, folder: Path):
    start = datetime(2026, 11, 22, 13, 0, tzinfo=timezone.utc) - timedelta(days=days)
    clock = Clock(start)
    app = build_app(f"sqlite:///{folder / 'bench.db'}", clock, folder)
    parent = household(app, "+12125550900", "Maya", "2025-06-01", "--allergy", "peanut")
    for day in range(days):
        for n in range(3):
            parent.say(MEALS[(day + n * 2) % len(MEALS)])
            clock.advance(hours=4)
        if day % 7 == 0:
            parent.say("can she have honey?")
        clock.advance(hours=12)
    return app, parent


def timed(runs: int, work) -> tuple[float, float]:
    took = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        took.append(time.perf_counter() - started)
    return statistics.median(took) * 1000, max(took) * 1000


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--days", type=int, default=30)
    args.add_argument("--runs", type=int, default=10)
    opts = args.parse_args()
    cold = subprocess.run([sys.executable, "-c", "import time; t = time.perf_counter(); import reports.charts, "
                           "reports.doctor_pdf; print(time.perf_counter() - t)"], capture_output=True, text=True)
    print(f"cold import of matplotlib + fpdf2 (once per process, at warm-up): {float(cold.stdout) * 1000:.0f} ms")
    from reports.charts import render_chart_png
    from reports.doctor_pdf import render_pdf
    from reports.facts import child_report, owners_of
    from storage.models import Child

    with tempfile.TemporaryDirectory() as folder:
        app, parent = build(opts.days, Path(folder))
        today = app.extensions["tinytummy"].clock().date()
        with app.extensions["tinytummy"].sessions() as session:
            child = session.query(Child).one()
            meals = child_report(session, child, today, opts.days, owners_of(child)).meal_count
            print(f"log: {meals} meals over {opts.days} days; {opts.runs} runs each, warm")
            med, worst = timed(opts.runs, lambda: child_report(session, child, today, opts.days, owners_of(child)))
            print(f"facts alone ({opts.days} days): median {med:.0f} ms, max {worst:.0f} ms")
            for days in (7, 30):
                med, worst = timed(opts.runs, lambda: render_chart_png(child_report(session, child, today, days, [])))
                print(f"chart ({days} days): facts + PNG median {med:.0f} ms, max {worst:.0f} ms")
            med, worst = timed(opts.runs, lambda: render_pdf(child_report(session, child, today, 30, owners_of(child)),
                                                             today))
            print(f"pediatrician PDF (30 days): facts + PDF median {med:.0f} ms, max {worst:.0f} ms")
        path = parent.say("my page").rsplit("http://localhost", 1)[1].split()[0]
        client = app.test_client()
        med, worst = timed(opts.runs, lambda: client.get(path))
        print(f"household page HTML (GET, charts load apart): median {med:.0f} ms, max {worst:.0f} ms")
        app.extensions["tinytummy"].engine.dispose()


if __name__ == "__main__":
    main()
