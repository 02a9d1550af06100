"""The web process: waitress in a few forked processes that share one listening socket.

One Python process runs one thread at a time (the GIL), so a single waitress process cannot use
more than one core however many threads it has. `serve --workers N` builds the app once (imports,
config, routes: the forks share them), binds the address, then forks N children. Each child warms
up its own models (an ONNX session or a Chroma client opened before a fork is not safe to use
after it); the first children wait for each other and only then listen on the shared socket, so
no request reaches a cold process and no child takes every long-lived connection while the others
still warm up (8 keep-alive connections all on one process serve at one process's speed); the
kernel hands each new connection to whichever child accepts it first. Inside a
child nothing changes: waitress reads each request in full in its event loop before a thread
handles it, and every message is claimed, answered and stored in one transaction.

The parent only watches: it passes SIGTERM and SIGINT on to the children, replaces a child that
died after it had been serving, and stops them all if one dies while starting (a bad setting).
"""
from __future__ import annotations

import ctypes
import logging
import os
import signal
import socket
import sys
import time
from typing import Callable

logger = logging.getLogger(__name__)
STARTING = 60.0  # seconds after its fork in which a child's death means the process cannot start


def bind(host: str, port: int) -> socket.socket:
    """The address bound, not yet listening: connections are refused until a child is warm."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                         flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(address)
    return sock


class Supervisor:
    """Fork `workers` children that each run `serve_one`, and keep them running until told to stop."""

    def __init__(self, workers: int, serve_one: Callable[[], None],
                 warm: Callable[[], None] | None = None) -> None:
        self.workers = workers
        self.serve_one = serve_one
        self.warm = warm
        self.children: dict[int, float] = {}  # pid -> when it was forked (monotonic)
        self.stopping = False
        self.failed = False
        self._gate: tuple[int, int, int, int] | None = None  # ready and go pipes of the first children

    def run(self) -> int:
        """Serve until SIGTERM/SIGINT or a child fails to start; the exit status for the parent."""
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        if self.warm is not None:
            ready_r, ready_w = os.pipe()
            go_r, go_w = os.pipe()
            self._gate = (ready_r, ready_w, go_r, go_w)
        for _ in range(self.workers):
            self._fork()
        if self._gate is not None:
            self._open_gate()
        while self.children:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                break
            forked = self.children.pop(pid, None)
            if forked is None or self.stopping:
                continue
            code = os.waitstatus_to_exitcode(status)
            if time.monotonic() - forked < STARTING:
                logger.error("web worker %d stopped while starting (exit %s): stopping the web process", pid, code)
                self.failed = True
                self._stop(signal.SIGTERM)
            else:
                logger.warning("web worker %d stopped (exit %s): starting another", pid, code)
                self._fork()
        return 1 if self.failed else 0

    def _open_gate(self) -> None:
        """Let the first children serve once all of them are warm (or one has died: the loop sees it)."""
        ready_r, ready_w, go_r, go_w = self._gate
        self._gate = None  # children forked from now on (replacements) serve as soon as they are warm
        os.close(ready_w)
        os.close(go_r)
        warm, deadline = 0, time.monotonic() + STARTING
        while warm < self.workers and not self.stopping and time.monotonic() < deadline:
            try:
                chunk = os.read(ready_r, self.workers)
            except InterruptedError:
                continue
            if not chunk:  # every child closed its end: one died while starting
                break
            warm += len(chunk)
        os.write(go_w, b"." * self.workers)
        os.close(ready_r)
        os.close(go_w)

    def _stop(self, signum: int, _frame=None) -> None:
        self.stopping = True
        for pid in list(self.children):
            try:
                os.kill(pid, signum)
            except ProcessLookupError:
                pass

    def _fork(self) -> None:
        parent = os.getpid()
        pid = os.fork()
        if pid:
            self.children[pid] = time.monotonic()
            return
        code = 1
        try:  # the child: it never returns into the parent's code
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            _stop_with(parent)
            if self.warm is not None:
                self.warm()
            if self._gate is not None:
                ready_r, ready_w, go_r, go_w = self._gate
                os.close(ready_r)
                os.close(go_w)
                os.write(ready_w, b".")
                os.close(ready_w)
                os.read(go_r, 1)  # the others are warm too (or the parent has gone: EOF)
                os.close(go_r)
            self.serve_one()
            code = 0
        except KeyboardInterrupt:
            code = 0
        except BaseException:
            logger.exception("web worker %d failed", os.getpid())
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)


def _stop_with(parent: int) -> None:
    """Have Linux send this child SIGTERM if the parent dies without passing a signal on (SIGKILL)."""
    if sys.platform.startswith("linux"):
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)
