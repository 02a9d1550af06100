"""The web process's supervisor: N forked children share one socket; a child that dies after it
was serving is replaced, one that dies while starting stops them all, SIGTERM reaches every child."""
from __future__ import annotations

import os
import signal
import socket
import time
from pathlib import Path

import pytest

from bot import web_process
from bot.web_process import Supervisor, bind


def _run_in_fork(target) -> int:
    """Run `target` (a supervisor) in a forked process so the test process keeps its own signals."""
    pid = os.fork()
    if pid == 0:
        try:
            os._exit(target())
        except BaseException:
            os._exit(3)
    return pid


def _wait(pid: int, timeout: float = 20) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    raise AssertionError("the supervisor did not stop")


def _lines(path: Path) -> list[str]:
    return path.read_text().split() if path.exists() else []


def test_every_child_serves_the_shared_socket_until_sigterm(tmp_path):
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    started = tmp_path / "started"

    def serve_one() -> None:
        with started.open("a") as f:
            f.write(f"{os.getpid()}\n")
        sock.listen(8)
        while True:
            conn, _ = sock.accept()
            conn.sendall(str(os.getpid()).encode())
            conn.close()

    pid = _run_in_fork(lambda: Supervisor(2, serve_one).run())
    deadline = time.monotonic() + 10
    while len(_lines(started)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    answered = set()
    for _ in range(20):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            answered.add(conn.recv(16).decode())
    assert answered <= set(_lines(started)) and len(_lines(started)) == 2
    os.kill(pid, signal.SIGTERM)
    assert _wait(pid) == 0
    for child in _lines(started):
        with pytest.raises(ProcessLookupError):
            os.kill(int(child), 0)


def test_a_child_that_dies_after_serving_is_replaced(tmp_path, monkeypatch):
    monkeypatch.setattr(web_process, "STARTING", 0.2)
    started = tmp_path / "started"

    def serve_one() -> None:
        with started.open("a") as f:
            f.write(f"{os.getpid()}\n")
        time.sleep(0.5)
        if len(_lines(started)) <= 2:
            raise RuntimeError("a crash after it had been serving")
        time.sleep(60)

    pid = _run_in_fork(lambda: Supervisor(2, serve_one).run())
    deadline = time.monotonic() + 10
    while len(_lines(started)) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(_lines(started)) >= 3  # the crashed ones came back
    os.kill(pid, signal.SIGTERM)
    assert _wait(pid) == 0


def test_a_child_that_dies_while_starting_stops_the_web_process(tmp_path):
    def serve_one() -> None:
        raise RuntimeError("cannot start")

    pid = _run_in_fork(lambda: Supervisor(2, serve_one).run())
    assert _wait(pid) == 1


def test_no_child_serves_until_every_first_child_is_warm(tmp_path):
    """A quick child must not listen alone while a slow one warms up: it would take every
    keep-alive connection opened meanwhile and serve them all at one process's speed."""
    events = tmp_path / "events"

    def log(what: str) -> None:
        with events.open("a") as f:
            f.write(f"{time.monotonic():.6f} {what}\n")

    def warm() -> None:
        try:  # the first child to get here is quick, the other takes a second
            os.close(os.open(tmp_path / "quick", os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            time.sleep(1.0)
        log("warm")

    def serve_one() -> None:
        log("serve")
        signal.pause()

    pid = _run_in_fork(lambda: Supervisor(2, serve_one, warm=warm).run())
    deadline = time.monotonic() + 10
    while sum(1 for line in _lines_of(events) if line.endswith("serve")) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(pid, signal.SIGTERM)
    assert _wait(pid) == 0
    lines = _lines_of(events)
    last_warm = max(float(line.split()[0]) for line in lines if line.endswith("warm"))
    serves = [float(line.split()[0]) for line in lines if line.endswith("serve")]
    assert len(serves) == 2 and min(serves) >= last_warm


def _lines_of(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []
