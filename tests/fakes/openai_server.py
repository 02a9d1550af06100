"""A loopback fake of the OpenAI HTTP API, for tests that drive the real `openai` client.

    with FakeOpenAI() as fake:
        fake.respond_with("Offer water in a cup.\\nSource: CDC")    # every chat call, until changed
        fake.script("first", Reply.error(500), Reply.slow(2.0))    # one-shot replies, used first
        client = OpenAI(api_key="test", base_url=fake.base_url, max_retries=0, timeout=1)
        ...
        fake.requests      # JSON bodies received, oldest first (audio: form fields)

Speaks the real wire format of `POST /v1/chat/completions` (plain and `response_format`
json_schema requests both get the scripted content string back) and
`POST /v1/audio/transcriptions` (returns {"text": ...}). Anything else is a 404 in OpenAI's
error shape. Binds 127.0.0.1 on a free port; each request runs in its own thread.
"""
from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CHAT = "/v1/chat/completions"
TRANSCRIPTIONS = "/v1/audio/transcriptions"
_ENDPOINTS = {"chat": CHAT, "transcriptions": TRANSCRIPTIONS}


@dataclass(frozen=True)
class Reply:
    """What the fake says to one request: content (or transcript text), an error status, a delay."""

    content: str = ""
    status: int = 200
    delay: float = 0.0
    body: dict[str, Any] | None = None  # send exactly this JSON instead of a built one

    @classmethod
    def error(cls, status: int = 500, message: str = "The server had an error") -> "Reply":
        """Answer with an HTTP error in OpenAI's error format."""
        kind = "server_error" if status >= 500 else "invalid_request_error"
        return cls(status=status, body={"error": {"message": message, "type": kind,
                                                  "param": None, "code": None}})

    @classmethod
    def slow(cls, seconds: float, content: str = "too late") -> "Reply":
        """Answer only after sleeping, e.g. past the client's timeout."""
        return cls(content=content, delay=seconds)


@dataclass(frozen=True)
class Call:
    """One request the fake received."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class _Script:
    default: Reply
    queued: deque = field(default_factory=deque)

    def next(self) -> Reply:
        return self.queued.popleft() if self.queued else self.default


class FakeOpenAI:
    """Context manager running the fake server; see the module docstring."""

    def __init__(self, content: str = "OK") -> None:
        self._lock = threading.Lock()
        self._scripts = {"chat": _Script(Reply(content)), "transcriptions": _Script(Reply("hello"))}
        self._ids = itertools.count(1)
        self._closing = threading.Event()
        self.calls: list[Call] = []
        self._server: ThreadingHTTPServer | None = None

    # -- controls ---------------------------------------------------------------------------
    def respond_with(self, reply: str | Reply, endpoint: str = "chat") -> None:
        """Set the reply for every later request to this endpoint ("chat" or "transcriptions")."""
        with self._lock:
            self._scripts[endpoint].default = _as_reply(reply)

    def script(self, *replies: str | Reply, endpoint: str = "chat") -> None:
        """Queue one-shot replies, used in order before the default one."""
        with self._lock:
            self._scripts[endpoint].queued.extend(_as_reply(r) for r in replies)

    @property
    def requests(self) -> list[dict[str, Any]]:
        """The JSON (or form) bodies received so far, oldest first."""
        with self._lock:
            return [call.body for call in self.calls]

    @property
    def base_url(self) -> str:
        """The URL to give `OpenAI(base_url=...)`, ending in /v1."""
        assert self._server is not None, "use FakeOpenAI as a context manager"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    # -- lifecycle --------------------------------------------------------------------------
    def __enter__(self) -> "FakeOpenAI":
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._closing.set()  # wake handlers sleeping in a slow reply
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    # -- used by the handler ----------------------------------------------------------------
    def _take(self, path: str, headers: dict[str, str], body: dict[str, Any]) -> Reply | None:
        endpoint = next((name for name, p in _ENDPOINTS.items() if p == path), None)
        with self._lock:
            self.calls.append(Call(path, headers, body))
            return self._scripts[endpoint].next() if endpoint else None

    def _sleep(self, seconds: float) -> None:
        self._closing.wait(seconds)

    def _completion(self, request: dict[str, Any], content: str) -> dict[str, Any]:
        prompt_words = sum(len(str(m.get("content", "")).split()) for m in request.get("messages", []))
        completion_words = len(content.split())
        return {
            "id": f"chatcmpl-fake{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.get("model", "gpt-fake"),
            "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                         "message": {"role": "assistant", "content": content, "refusal": None}}],
            "usage": {"prompt_tokens": prompt_words, "completion_tokens": completion_words,
                      "total_tokens": prompt_words + completion_words},
        }


def _as_reply(reply: str | Reply) -> Reply:
    return reply if isinstance(reply, Reply) else Reply(reply)


def _handler_for(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out as separate writes: no 40 ms stall

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            return

        def do_GET(self) -> None:
            fake._take(self.path, dict(self.headers), {})
            self._send(404, _not_found(self.path))

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            path = self.path.split("?", 1)[0]
            body = _parse_body(self.headers.get("Content-Type", ""), raw)
            reply = fake._take(path, dict(self.headers), body)
            if reply is None:
                self._send(404, _not_found(path))
                return
            if reply.delay:
                fake._sleep(reply.delay)
            if reply.body is not None:
                payload = reply.body
            elif path == TRANSCRIPTIONS:
                payload = {"text": reply.content}
            else:
                payload = fake._completion(body, reply.content)
            self._send(reply.status, payload)

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout): nothing to tell it

    return Handler


def _parse_body(content_type: str, raw: bytes) -> dict[str, Any]:
    """Decode a JSON body, or a multipart form (file parts summarised by name and size)."""
    if content_type.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw
        )
        form: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            data = part.get_payload(decode=True) or b""
            filename = part.get_filename()
            form[name] = ({"filename": filename, "content_type": part.get_content_type(),
                           "size": len(data)} if filename else data.decode("utf-8", "replace"))
        return form
    try:
        return json.loads(raw or b"{}")
    except json.JSONDecodeError:
        return {"_raw": raw.decode("utf-8", "replace")}


def _not_found(path: str) -> dict[str, Any]:
    return {"error": {"message": f"Unknown request URL: POST {path}", "type": "invalid_request_error",
                      "param": None, "code": "unknown_url"}}
