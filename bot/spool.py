"""Inbound messages kept on local disk while the database is down, handled in order once it is back.

A message that cannot reach Postgres is appended to `inbound.jsonl` (one JSON line, flushed and
fsynced before the webhook answers) and the parent is told it will be handled. A drainer (a
thread in each web process, and every webhook before its own message) replays the lines in
order through the normal pipeline; `inbound.offset` records, fsynced, how far it got. A line
replayed twice (a crash between its commit and the offset write) is a redelivery of its
MessageSid, so it has no second effect. Several web processes share the files through flock.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

from handlers.context import InboundMessage, Media

logger = logging.getLogger(__name__)


class Spool:
    """An append-only, fsynced file of inbound messages and how many of its bytes are handled."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.path = self.directory / "inbound.jsonl"
        self.offset_path = self.directory / "inbound.offset"
        self._lock_path = self.directory / "inbound.lock"

    def append(self, msg: InboundMessage, received_at: datetime) -> None:
        """Keep one message durably: it is on disk when this returns."""
        self.directory.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"received_at": received_at.isoformat(), "message": asdict(msg)}, ensure_ascii=False)
        new_file = not self.path.exists()
        with open(self.path, "ab") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            f.write(line.encode() + b"\n")
            f.flush()
            os.fsync(f.fileno())
        if new_file:
            _fsync_dir(self.directory)

    def pending(self) -> bool:
        try:
            return self.path.stat().st_size > self._offset()
        except FileNotFoundError:
            return False

    def drain(self, handle: Callable[[InboundMessage, datetime], None], budget: int | None = None) -> int:
        """Handle spooled messages in order until done, `budget` handled, or `handle` raises (the
        database is down again: the rest waits). Returns how many were handled; 0 at once if
        another thread or process is draining."""
        done = 0
        with self._draining() as mine:
            if not mine:
                return 0
            offset = self._offset()
            with open(self.path, "rb") as f:
                f.seek(offset)
                for raw in f:
                    if not raw.endswith(b"\n") or (budget is not None and done >= budget):
                        break  # a line still being written, or enough for now
                    entry = json.loads(raw)
                    handle(_message(entry["message"]), datetime.fromisoformat(entry["received_at"]))
                    offset += len(raw)
                    self._save_offset(offset)
                    done += 1
            self._reset_if_done()
        return done

    @contextmanager
    def _draining(self) -> Iterator[bool]:
        if not self.path.exists():
            yield False
            return
        with open(self._lock_path, "a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True

    def _offset(self) -> int:
        try:
            return int(self.offset_path.read_text() or 0)
        except (FileNotFoundError, ValueError):
            return 0

    def _save_offset(self, offset: int) -> None:
        partial = self.offset_path.with_suffix(".tmp")
        with open(partial, "w") as f:
            f.write(str(offset))
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, self.offset_path)
        _fsync_dir(self.directory)

    def _reset_if_done(self) -> None:
        """Empty the file once every line is handled, holding the append lock so none is lost."""
        with open(self.path, "ab") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            if f.tell() == self._offset():
                self._save_offset(0)
                f.truncate(0)
                os.fsync(f.fileno())


def _message(data: dict) -> InboundMessage:
    media = tuple(Media(**m) for m in data.pop("media", ()))
    extras = tuple(tuple(pair) for pair in data.pop("extras", ()))
    return InboundMessage(**data, media=media, extras=extras)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Drainer:
    """A daemon thread that drains the spool every few seconds while it holds anything."""

    def __init__(self, spool: Spool, handle: Callable[[InboundMessage, datetime], None], every: float = 2.0) -> None:
        self.spool, self.handle, self.every = spool, handle, every
        self._started = False
        self._guard = threading.Lock()
        self._stop = threading.Event()

    def ensure_running(self) -> None:
        with self._guard:
            if not self._started:
                self._started = True
                threading.Thread(target=self._run, name="spool-drainer", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            if not self.spool.pending():
                continue
            try:
                handled = self.spool.drain(self.handle)
            except Exception as exc:  # the database is still down: try again later
                logger.warning("spooled messages wait: %s", type(exc).__name__)
                continue
            if handled:
                logger.info("handled %d spooled messages", handled)
