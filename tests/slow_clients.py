"""Slow clients against a running web process: connections that trickle their headers a byte at
a time and never finish, while real signed webhooks are timed alongside them."""
from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import requests

from tests.support import make_form, new_sid, sign


class Trickler(threading.Thread):
    """One client sending a request line, then a header byte every `every` seconds, forever."""

    def __init__(self, host: str, port: int, every: float, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.address, self.every, self.stop = (host, port), every, stop
        self.connected = False
        self.dropped = False  # the server closed the connection on it

    def run(self) -> None:
        try:
            sock = socket.create_connection(self.address, timeout=5)
        except OSError:
            return
        self.connected = True
        header = b"POST /twilio/inbound HTTP/1.1\r\nHost: localhost\r\nX-Trickle: " + b"a" * 10_000
        try:
            sock.sendall(header[:36])
            for byte in header[36:]:
                if self.stop.wait(self.every):
                    break
                sock.sendall(bytes([byte]))
        except OSError:
            self.dropped = True
        finally:
            sock.close()


@dataclass
class Served:
    """What happened to the real requests sent while the slow clients held their connections."""

    sent: int
    ok: int
    latencies: list[float]
    slow_held: int  # slow connections still open when the real traffic ended

    @property
    def worst(self) -> float:
        return max(self.latencies, default=float("inf"))

    @property
    def median(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[len(ordered) // 2] if ordered else float("inf")


def _webhook(base: str, token: str, n: int, timeout: float) -> float | None:
    """One signed inbound message; its latency in seconds, or None if it was not served."""
    form = make_form(f"+1646555{n:04d}", "hi", sid=new_sid())
    started = time.monotonic()
    try:
        response = requests.post(f"{base}/twilio/inbound", data=form, timeout=timeout,
                                 headers={"X-Twilio-Signature": sign(f"{base}/twilio/inbound", form, token)})
    except requests.RequestException:
        return None
    return time.monotonic() - started if response.status_code == 200 else None


def serve_under_slow_clients(host: str, port: int, token: str, slow: int, real: int, every: float = 0.5,
                             timeout: float = 10.0, parallel: int = 4) -> Served:
    """Open `slow` trickling connections, then send `real` signed webhooks `parallel` at a time."""
    stop = threading.Event()
    tricklers = [Trickler(host, port, every, stop) for _ in range(slow)]
    for t in tricklers:
        t.start()
    time.sleep(max(1.0, every * 2))  # every slow client is connected and trickling
    base = f"http://{host}:{port}"
    try:
        with ThreadPoolExecutor(parallel) as pool:
            results = list(pool.map(lambda n: _webhook(base, token, n, timeout), range(real)))
        held = sum(1 for t in tricklers if t.connected and not t.dropped and t.is_alive())
    finally:
        stop.set()
        for t in tricklers:
            t.join(5)
    latencies = [r for r in results if r is not None]
    return Served(sent=real, ok=len(latencies), latencies=latencies, slow_held=held)
