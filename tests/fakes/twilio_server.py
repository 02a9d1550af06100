"""A loopback fake of Twilio's REST API, for tests that drive the real `twilio` client.

    with FakeTwilio() as fake:
        client = Client(fake.account_sid, fake.auth_token)
        client.api.base_url = fake.base_url                 # what TWILIO_API_BASE_URL does
        fake.fail_next(429)                                # the next create gets 429 (code 20429)
        fake.fail_next(21610, times=2)                     # then two "unsubscribed recipient" 400s
        fake.fail_next("disconnect")                       # then a dropped connection, no answer
        client.messages.create(to="+15551230001", from_="+15550006789", body="hi")
        fake.messages      # form dicts of every accepted message, oldest first
        fake.attempts      # form dicts of every create request, refused ones included
        fake.add_media("plate.jpg", b"...", "image/jpeg", redirect=True)
        fake.media_url("plate.jpg")                        # GET needs basic auth, then 307 -> /cdn/

Speaks the wire format of twilio-python 9.x: `POST /2010-04-01/Accounts/{Sid}/Messages.json`
with a form body (To, From, Body, StatusCallback, ContentSid, ContentVariables, MediaUrl...)
and HTTP basic auth (AccountSid:AuthToken), answered by 201 and a JSON message resource, or by
Twilio's error JSON ({"code", "message", "more_info", "status"}). `GET .../Messages/{Sid}.json`
fetches a message. Binds 127.0.0.1 on a free port; each request runs in its own thread.
"""
from __future__ import annotations

import base64
import json
import re
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

API_VERSION = "2010-04-01"
_MESSAGES = re.compile(rf"^/{API_VERSION}/Accounts/(?P<account>[^/]+)/Messages\.json$")
_MESSAGE = re.compile(rf"^/{API_VERSION}/Accounts/(?P<account>[^/]+)/Messages/(?P<sid>[^/]+)\.json$")
_MEDIA = re.compile(r"^/(?P<where>media|cdn)/(?P<name>[^/]+)$")

# Twilio error code -> (HTTP status, message), as the REST API words them.
ERRORS: dict[int, tuple[int, str]] = {
    20003: (401, "Authenticate"),
    20404: (404, "The requested resource was not found"),
    20429: (429, "Too Many Requests"),
    20500: (500, "An internal server error has occurred"),
    20503: (503, "Service Unavailable"),
    21211: (400, "The 'To' number is not a valid phone number."),
    21602: (400, "Message body is required."),
    21603: (400, "A 'From' phone number is required."),
    21604: (400, "A 'To' phone number is required."),
    21610: (400, "Attempt to send to unsubscribed recipient"),
    21614: (400, "'To' number is not a valid mobile number"),
    21617: (400, "The concatenated message body exceeds the 1600 character limit."),
    63016: (400, "Failed to send freeform message because you are outside the allowed window. "
                 "If you want to send messages outside the window, please use a Template."),
}
_STATUS_CODES = {429: 20429, 500: 20500, 503: 20503}  # fail_next(503) means Twilio's 20503
DISCONNECT = "disconnect"
GSM7 = frozenset("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                 "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà\f^{}\\[~]|€")


@dataclass(frozen=True)
class Media:
    data: bytes
    content_type: str
    redirect: bool
    location: str | None = None  # where the redirect points, if not this fake's own /cdn/


class FakeTwilio:
    """Context manager running the fake server; see the module docstring."""

    def __init__(self, account_sid: str = "AC" + "1" * 32, auth_token: str = "fake-twilio-auth-token",
                 latency: float = 0.0) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.latency = latency  # seconds each message create takes, e.g. for throughput runs
        self.messages: list[dict[str, Any]] = []
        self.attempts: list[dict[str, Any]] = []
        self.media_requests: list[dict[str, Any]] = []
        self.resources: dict[str, dict[str, Any]] = {}
        self._failures: deque[int | str] = deque()
        self._media: dict[str, Media] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # -- controls ---------------------------------------------------------------------------
    def fail_next(self, code_or_status: int | str, times: int = 1) -> None:
        """Refuse the next `times` message creates: an HTTP status (429, 500, 503), a Twilio
        error code (21610, 21211, 21614, 63016, ...) or "disconnect" (close without answering)."""
        if code_or_status != DISCONNECT and _error_code(code_or_status) not in ERRORS:
            raise ValueError(f"no scripted failure for {code_or_status!r}")
        with self._lock:
            self._failures.extend([code_or_status] * times)

    def add_media(self, name: str, data: bytes, content_type: str, redirect: bool = False,
                  location: str | None = None) -> str:
        """Serve bytes at /media/<name> behind basic auth (optionally 307 to /cdn/<name>, or to
        `location`, as a hostile or broken CDN would)."""
        with self._lock:
            self._media[name] = Media(data, content_type, redirect or location is not None, location)
        return self.media_url(name)

    def media_url(self, name: str) -> str:
        return f"{self.base_url}/media/{name}"

    def bodies(self) -> list[str]:
        """The Body of each accepted message, oldest first ("" for templates)."""
        with self._lock:
            return [m.get("Body", "") for m in self.messages]

    @property
    def base_url(self) -> str:
        """What to set as `client.api.base_url` (or TWILIO_API_BASE_URL)."""
        assert self._server is not None, "use FakeTwilio as a context manager"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # -- lifecycle --------------------------------------------------------------------------
    def __enter__(self) -> "FakeTwilio":
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._server.request_queue_size = 128
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    # -- used by the handler ----------------------------------------------------------------
    def _authorized(self, header: str | None) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return header is not None and secrets.compare_digest(header, f"Basic {expected}")

    def _create(self, form: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
        """Record one create request; return (status, JSON) or None to drop the connection."""
        with self._lock:
            self.attempts.append(form)
            failure = self._failures.popleft() if self._failures else None
        if self.latency:
            time.sleep(self.latency)
        if failure == DISCONNECT:
            return None
        if failure is not None:
            return error(_error_code(failure))
        refusal = _validate(form)
        if refusal is not None:
            return error(refusal)
        resource = self._resource(form)
        with self._lock:
            self.messages.append(form)
            self.resources[resource["sid"]] = resource
        return 201, resource

    def _resource(self, form: dict[str, Any]) -> dict[str, Any]:
        sid = "SM" + secrets.token_hex(16)
        body = form.get("Body", "")
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}/Messages/{sid}"
        now = formatdate(usegmt=False).replace("-0000", "+0000")
        return {
            "account_sid": self.account_sid, "api_version": API_VERSION, "body": body,
            "date_created": now, "date_sent": None, "date_updated": now, "direction": "outbound-api",
            "error_code": None, "error_message": None, "from": form.get("From"),
            "messaging_service_sid": form.get("MessagingServiceSid"),
            "num_media": str(len(form.get("MediaUrl", []))), "num_segments": str(_segments(form)),
            "price": None, "price_unit": "USD", "sid": sid, "status": "queued", "to": form.get("To"),
            "uri": uri + ".json", "subresource_uris": {"media": uri + "/Media.json"},
        }


def error(code: int) -> tuple[int, dict[str, Any]]:
    """Twilio's error JSON for a code, with its HTTP status."""
    status, message = ERRORS[code]
    return status, {"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
                     "status": status}


def _error_code(code_or_status: int | str) -> int:
    code = int(code_or_status)
    return _STATUS_CODES.get(code, code)


def _validate(form: dict[str, Any]) -> int | None:
    """The checks Twilio makes before accepting a message; an error code, or None."""
    if not form.get("To"):
        return 21604
    if not form.get("From") and not form.get("MessagingServiceSid"):
        return 21603
    if not (form.get("Body") or form.get("MediaUrl") or form.get("ContentSid")):
        return 21602
    if len(form.get("Body", "")) > 1600:
        return 21617
    if not re.fullmatch(r"(whatsapp:)?\+[1-9]\d{6,14}", form["To"]):
        return 21211
    return None


def _segments(form: dict[str, Any]) -> int:
    body = form.get("Body", "")
    if form.get("To", "").startswith("whatsapp:") or not body:
        return 1
    gsm = all(char in GSM7 for char in body)
    single, multi = (160, 153) if gsm else (70, 67)
    return 1 if len(body) <= single else -(-len(body) // multi)


def _parse_form(raw: bytes) -> dict[str, Any]:
    """A form body as a dict; MediaUrl (repeatable) stays a list, other fields are strings."""
    fields = parse_qs(raw.decode("utf-8"), keep_blank_values=True)
    form: dict[str, Any] = {key: values[-1] for key, values in fields.items() if key != "MediaUrl"}
    if "MediaUrl" in fields:
        form["MediaUrl"] = fields["MediaUrl"]
    return form


def _handler_for(fake: FakeTwilio) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out as separate writes: no 40 ms stall

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            return

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            match = _MESSAGES.match(urlsplit(self.path).path)
            if match is None:
                self._json(*error(20404))
                return
            if not fake._authorized(self.headers.get("Authorization")):
                self._json(*error(20003), extra={"WWW-Authenticate": 'Basic realm="Twilio API"'})
                return
            if match["account"] != fake.account_sid:
                self._json(*error(20404))
                return
            answer = fake._create(_parse_form(raw))
            if answer is None:
                self.close_connection = True
                self.connection.close()
                return
            self._json(*answer)

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path)
            media = _MEDIA.match(path)
            if media is not None:
                self._media(media["where"], media["name"])
                return
            message = _MESSAGE.match(path)
            if message is None or message["account"] != fake.account_sid:
                self._json(*error(20404))
            elif not fake._authorized(self.headers.get("Authorization")):
                self._json(*error(20003))
            elif message["sid"] not in fake.resources:
                self._json(*error(20404))
            else:
                self._json(200, fake.resources[message["sid"]])

        def _media(self, where: str, name: str) -> None:
            authorized = fake._authorized(self.headers.get("Authorization"))
            with fake._lock:
                fake.media_requests.append({"path": self.path, "authorized": authorized})
                item = fake._media.get(name)
            if where == "media" and not authorized:
                self._json(*error(20003))
            elif item is None or (where == "cdn" and not item.redirect):
                self._json(*error(20404))
            elif where == "media" and item.redirect:
                self._send(307, b"", "text/plain", {"Location": item.location or f"{fake.base_url}/cdn/{name}"})
            else:
                self._send(200, item.data, item.content_type)

        def _json(self, status: int, payload: dict[str, Any], extra: dict[str, str] | None = None) -> None:
            self._send(status, json.dumps(payload).encode("utf-8"), "application/json", extra)

        def _send(self, status: int, data: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                for name, value in (extra or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up: nothing to tell it

    return Handler
