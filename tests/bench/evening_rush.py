"""`make bench`: the evening rush against the Procfile's web process and a bare signed-TwiML responder.

Run: .venv/bin/python -m tests.bench.evening_rush [--seconds 20] [--connections 8] [--burst 500]
1. Creates a throwaway Postgres database (dropped at the end), migrates it, loads the food table,
   a private guideline store and `--households` families (one child, 9 months old).
2. Starts the Procfile's `web` command as written, and the same command on the bare responder
   (`tests/bench/bare_app.py`: signature check + TwiML), each on a free loopback port.
3. Drives each with wrk (`tests/bench/twilio_mix.lua`: Twilio-signed forms; meals, questions,
   summaries, commands and redeliveries of a MessageSid, weights in `evening_mix.tsv`) at
   `--connections` connections, then with a burst: `--burst` messages sent evenly within
   `--burst-window` seconds, each on its own connection, as Twilio delivers them.
4. Prints throughput, p50/p90/p99, the ratio to the bare responder, the burst figures, what the
   database recorded (every message answered once, none failed) and the load average.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import subprocess
import tempfile
import time
import uuid
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import urlencode

import requests
from sqlalchemy import create_engine, func, select, text
from twilio.request_validator import RequestValidator

from tests.servers import ProcfileProcess, free_port, procfile_command, wait_until
from tests.support import TEST_AUTH_TOKEN, migrate_once

POSTGRES = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")
HERE = Path(__file__).resolve().parent
MIX = HERE / "evening_mix.tsv"
LUA = HERE / "twilio_mix.lua"
PATH = "/twilio/inbound"


@contextmanager
def throwaway_database(admin_url: str) -> Iterator[str]:
    """A new database in the running Postgres for one run; yields its URL, drops it afterwards."""
    name = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def household_numbers(count: int) -> list[str]:
    return [f"+1212555{n:04d}" for n in range(count)]


def prepare(url: str, chroma: str, households: int) -> None:
    """Schema, food table, guideline store and families, the way an operator sets them up."""
    from bot import create_app
    from bot.config import load_config
    from knowledge.guideline_store import open_client, sync_passages
    from knowledge.guidelines_corpus import load_passages

    migrate_once(url)
    sync_passages(open_client(chroma), load_passages())
    app = create_app(load_config({"DATABASE_URL": url, "CHROMA_PATH": chroma, "TWILIO_AUTH_TOKEN": TEST_AUTH_TOKEN,
                                  "PUBLIC_BASE_URL": "http://127.0.0.1", "SPOOL_DIR": tempfile.mkdtemp()}))
    runner = app.test_cli_runner()
    for number in household_numbers(households):
        result = runner.invoke(args=["household", "create", "--phone", number, "--child", "Maya",
                                     "--birth-date", "2026-02-01", "--timezone", "America/New_York"])
        assert result.exit_code == 0, result.output
    app.extensions["tinytummy"].engine.dispose()


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as `uptime` shows them."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def cpu_seconds(process: ProcfileProcess) -> float:
    """User + system CPU the web process (its whole process group) has used so far."""
    total = 0
    for pid in process.survivors():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


@dataclass
class Server:
    name: str
    base: str
    process: ProcfileProcess


def start(name: str, command: str, env: dict[str, str], logs: Path) -> Server:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = ProcfileProcess("web", {**env, "HOST": "127.0.0.1", "PORT": str(port), "PUBLIC_BASE_URL": base},
                              logs / f"{name}.log", command=command)
    wait_until(lambda: _answers(base, process), 180, 0.5, f"the {name} web process")
    return Server(name, base, process)


def _answers(base: str, process: ProcfileProcess) -> bool:
    if not process.running():
        raise RuntimeError(f"{process!r} stopped:\n{process.output()[-2000:]}")
    try:
        requests.post(base + PATH, data={}, timeout=2)
        return True
    except requests.RequestException:
        return False


def run_wrk(server: Server, seconds: int, connections: int, threads: int, households: int, seed: int) -> dict:
    """Drive one server with the mix for `seconds`; wrk's own latency histogram gives the percentiles."""
    env = {**os.environ, "BENCH_URL": server.base + PATH, "BENCH_TOKEN": TEST_AUTH_TOKEN,
           "BENCH_NUMBERS": str(households), "BENCH_SEED": str(seed), "BENCH_MIX": str(MIX)}
    result = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
                             "-s", str(LUA), server.base + PATH], env=env, capture_output=True, text=True, check=True)
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no result:\n{result.stdout}\n{result.stderr}")
    return json.loads(line[len("BENCH "):])


def _py_spy(server: Server, out: str, seconds: int) -> subprocess.Popen:
    """py-spy (not a dependency: `pip download py-spy` and put it on PATH) sampling every thread,
    waiting ones included; PY_SPY_GIL=1 samples only the thread holding the GIL (Python's CPU)."""
    if shutil.which("py-spy") is None:
        raise SystemExit("--py-spy needs py-spy on PATH")
    which = ["--gil"] if os.environ.get("PY_SPY_GIL") else ["--idle"]
    return subprocess.Popen(["py-spy", "record", "--pid", str(server.process.pid), "--subprocesses", *which,
                             "--format", "raw", "--rate", "200", "--duration", str(seconds), "--output", out],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def read_mix() -> tuple[dict[str, int], dict[str, list[str]]]:
    weights: dict[str, int] = {}
    texts: dict[str, list[str]] = {}
    for line in MIX.read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        kind, rest = line.split("\t", 1)
        if kind == "weight":
            name, weight = rest.split("\t")
            weights[name] = int(weight)
        else:
            texts.setdefault(kind, []).append(rest)
    return weights, texts


def burst_forms(count: int, households: int, seed: int) -> list[dict[str, str]]:
    """`count` forms of the same mix, with redeliveries repeating an earlier form exactly."""
    weights, texts = read_mix()
    rng = random.Random(seed)
    numbers = household_numbers(households)
    forms: list[dict[str, str]] = []
    for i in range(count):
        kind = rng.choices(list(weights), list(weights.values()))[0]
        if kind == "redelivery" and forms:
            forms.append(rng.choice(forms[-64:]))
            continue
        sid = f"SM{seed:08x}{0xb0:08x}{i:016x}"
        forms.append({"MessageSid": sid, "SmsMessageSid": sid, "SmsSid": sid, "AccountSid": "AC" + "0" * 32,
                      "From": rng.choice(numbers), "To": "+15550006789",
                      "Body": rng.choice(texts["meal" if kind == "redelivery" else kind]), "NumMedia": "0"})
    return forms


async def _post(host: str, port: int, raw: bytes) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(raw)
        await writer.drain()
        data = await reader.read()
    finally:
        writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, body


async def _burst(server: Server, forms: list[dict[str, str]], window: float) -> tuple[list[float], int]:
    host, port = server.base.split("//")[1].split(":")
    validator = RequestValidator(TEST_AUTH_TOKEN)
    requests_ = []
    for form in forms:
        body = urlencode(form).encode()
        signature = validator.compute_signature(server.base + PATH, form)
        requests_.append(f"POST {PATH} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
                         f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
                         f"X-Twilio-Signature: {signature}\r\n\r\n".encode() + body)
    start = time.perf_counter()

    async def one(i: int, raw: bytes) -> tuple[float, bool]:
        due = start + window * i / len(forms)
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        try:
            status, body = await asyncio.wait_for(_post(host, int(port), raw), 15)
        except (OSError, asyncio.TimeoutError):
            return time.perf_counter() - due, False
        return time.perf_counter() - due, status == 200 and b"<Response" in body  # timed from when it was due

    results = await asyncio.gather(*(one(i, raw) for i, raw in enumerate(requests_)))
    return sorted(t for t, _ in results), sum(ok for _, ok in results)


def run_burst(server: Server, forms: list[dict[str, str]], window: float) -> dict:
    times, answered = asyncio.run(_burst(server, forms, window))
    return {"sent": len(forms), "answered": answered, "p50": percentile(times, 50) * 1000,
            "p99": percentile(times, 99) * 1000, "max": times[-1] * 1000}


def percentile(ordered: list[float], pct: float) -> float:
    return ordered[min(len(ordered) - 1, max(0, round(len(ordered) * pct / 100) - 1))]


def recorded(url: str) -> dict[str, int]:
    """What the product's database holds: inbound messages by status."""
    from storage.models import Inbound

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(Inbound.status, func.count()).group_by(Inbound.status)).all()
    finally:
        engine.dispose()
    return dict(Counter({status: count for status, count in rows}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (the client shares the 2 cores)")
    parser.add_argument("--households", type=int, default=50)
    parser.add_argument("--burst", type=int, default=500)
    parser.add_argument("--burst-window", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=int(time.time()) % 100000)
    parser.add_argument("--web", default=None, help="a web command instead of the Procfile's ($PORT is set)")
    parser.add_argument("--py-spy", default=None, metavar="OUT",
                        help="sample the product's web process with py-spy during the mixed run (collapsed stacks to OUT)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    product_command = args.web or procfile_command("web")
    bare_command = procfile_command("web").replace("--app wsgi", "--app tests.bench.bare_app")
    logs = Path(tempfile.mkdtemp(prefix="tt-bench-"))
    results: dict[str, dict] = {}
    with throwaway_database(POSTGRES) as url:
        chroma = tempfile.mkdtemp(prefix="tt-bench-chroma-")
        prepare(url, chroma, args.households)
        env = {"DATABASE_URL": url, "REDIS_URL": "", "CHROMA_PATH": chroma, "TWILIO_AUTH_TOKEN": TEST_AUTH_TOKEN,
               "SPOOL_DIR": tempfile.mkdtemp()}
        for name, command in (("bare", bare_command), ("tinytummy", product_command)):
            server = start(name, command, env, logs)
            try:
                run_wrk(server, 2, args.connections, args.threads, args.households, args.seed + 7)  # warm-up
                before, cpu = load_average(), cpu_seconds(server.process)
                sampler = _py_spy(server, args.py_spy, args.seconds) if args.py_spy and name == "tinytummy" else None
                mixed = run_wrk(server, args.seconds, args.connections, args.threads, args.households, args.seed)
                mixed["cpu_ms"] = (cpu_seconds(server.process) - cpu) * 1000 / max(1, mixed["requests"])
                if sampler is not None:
                    sampler.wait(60)
                burst = run_burst(server, burst_forms(args.burst, args.households, args.seed), args.burst_window)
                results[name] = {"mixed": mixed, "burst": burst, "load": f"{before} -> {load_average()}"}
            finally:
                server.process.stop()
        statuses = recorded(url)
    report(results, args, product_command, statuses, logs)


def report(results: dict[str, dict], args, command: str, statuses: dict[str, int], logs: Path) -> None:
    print(f"\nweb command: {command!r}; wrk {args.threads} thread(s), {args.connections} connections, "
          f"{args.seconds} s; {args.households} households; mix {MIX.name}; logs in {logs}")
    print(f"{'server':<10} {'msg/s':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8} {'bad':>5} "
          f"{'redeliv':>7} {'cpu ms/msg':>10} | burst {args.burst} in {args.burst_window:g} s: answered  p50 ms  p99 ms  max ms | load avg")
    for name, r in results.items():
        m, b = r["mixed"], r["burst"]
        print(f"{name:<10} {m['rps']:>8.1f} {m['p50']:>8.1f} {m['p90']:>8.1f} {m['p99']:>8.1f} {m['max']:>8.1f} "
              f"{m['bad'] + m['timeouts']:>5} {m['redelivered']:>7} {m['cpu_ms']:>10.1f} | {b['answered']:>27}/{b['sent']} {b['p50']:>7.0f} "
              f"{b['p99']:>7.0f} {b['max']:>7.0f} | {r['load']}")
    if "bare" in results and "tinytummy" in results:
        ratio = results["tinytummy"]["mixed"]["rps"] / results["bare"]["mixed"]["rps"]
        print(f"throughput ratio tinytummy/bare: {ratio:.1%}")
    print(f"inbound messages recorded by status: {statuses}")


if __name__ == "__main__":
    main()
