"""Throwaway servers and the Procfile's own processes, for tests that stop things.

A private redis-server and a private PostgreSQL cluster (initdb under a temporary directory),
each on a free port of their own, so the shared Redis on 6379 and Postgres on 5432 are never
stopped; and the Procfile's commands run as they are written, the way `make run` starts them.
"""
from __future__ import annotations

import contextlib
import os
import pwd
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"


@contextlib.contextmanager
def private_schema(admin_url: str, prefix: str = "bench") -> Iterator[str]:
    """A new schema in an existing Postgres for one run; yields its URL, drops it afterwards."""
    from sqlalchemy import create_engine, text

    schema = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{admin_url}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, timeout: float, every: float = 0.1, what: str = "condition"):
    """Poll `check` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


class PrivateRedis:
    """A redis-server of the test's own, with nothing kept on disk, that can be stopped."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        from redis import Redis

        self.process = subprocess.Popen(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                                         "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
        wait_until(lambda: _pings(Redis.from_url(self.url)), 10, 0.05, "the private redis-server")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)

    @staticmethod
    def available() -> bool:
        return shutil.which("redis-server") is not None


def _pings(redis) -> bool:
    try:
        return bool(redis.ping())
    except Exception:
        return False


class PrivatePostgres:
    """A PostgreSQL cluster of the test's own (initdb in a temporary directory), stoppable.

    As root, the cluster belongs to the `postgres` system user (initdb refuses to run as root)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="tt-pg-"))
        self.data = self.dir / "data"
        self.url = f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/postgres"
        self._user = "postgres" if os.geteuid() == 0 else None

    @staticmethod
    def available() -> bool:
        return shutil.which("initdb") is not None and shutil.which("pg_ctl") is not None

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = list(args)
        if self._user:
            command = ["runuser", "-u", self._user, "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def init(self) -> None:
        if self._user:
            entry = pwd.getpwnam(self._user)
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--no-sync")
        self.start()

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60", "start", "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off")

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    def stop(self, mode: str = "immediate") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def procfile_command(name: str) -> str:
    """The command line of one Procfile process, exactly as the Procfile writes it."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        key, _, command = line.partition(":")
        if key.strip() == name:
            return command.strip()
    raise KeyError(f"no {name!r} process in the Procfile")


class ProcfileProcess:
    """One Procfile process started the way honcho starts it: through a shell, venv first on PATH."""

    def __init__(self, name: str, env: dict[str, str], log: Path, extra: str = "", command: str | None = None) -> None:
        self.name = name
        self.command = (command or procfile_command(name)) + (f" {extra}" if extra else "")
        env = {**os.environ, **env, "PATH": f"{VENV_BIN}:{os.environ.get('PATH', '')}", "PYTHONUNBUFFERED": "1"}
        self.log = log
        self.process = subprocess.Popen(["/bin/sh", "-c", self.command], cwd=ROOT, env=env, stdout=log.open("w"),
                                        stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def pid(self) -> int:
        return self.process.pid

    def running(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self, timeout: float = 20) -> bool:
        """SIGTERM the process group, as honcho does; True if every process in it exited on its
        own within `timeout`, else SIGKILL what is left and return False."""
        if self.running() or self.survivors():
            try:
                os.killpg(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + timeout
        while self.running() or self.survivors():
            if time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.pid, signal.SIGKILL)
                self.process.wait(5)
                return False
            time.sleep(0.1)
        return True

    def survivors(self) -> list[int]:
        """Processes of this one's group still alive (children that outlived it)."""
        alive = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if os.getpgid(int(entry.name)) == self.pid and (entry / "stat").read_text().split()[2] != "Z":
                        alive.append(int(entry.name))
                except (ProcessLookupError, FileNotFoundError, PermissionError):
                    continue
        return alive

    def __repr__(self) -> str:
        return f"<{self.name}: {shlex.quote(self.command)}>"
