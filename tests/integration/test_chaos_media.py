"""SSRF, attacked: crafted media URLs, hostile redirects and a DNS answer that changes under us.

A trap (a raw TCP listener on a loopback address of its own) records every connection and every
byte it is sent; each case passes only if the fetch is refused AND the trap saw nothing, so the
Twilio credentials never left. Part of `make chaos` (marker `chaos`).
"""
from __future__ import annotations

import random
import socket
import threading

import pytest
from urllib3.exceptions import NewConnectionError

from jobs import media
from jobs.media import IMAGE_TYPES, MediaRefused, fetch
from tests.fakes.twilio_server import FakeTwilio

pytestmark = pytest.mark.chaos
# A public address no test ever connects to: where a request would go there, `_request` is replaced.
PUBLIC = "93.184.216.34"
JPEG = b"\xff\xd8\xff\xe0" + b"plate" * 50


class Trap:
    """A loopback listener that must never be reached; it records connections and bytes."""

    def __init__(self, port: int = 0) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        for _ in range(20):  # a loopback address of its own, so parallel runs don't collide
            self.host = f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(1, 254)}"
            try:
                self.sock.bind((self.host, port))
                break
            except OSError:
                continue
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.received = b""
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            conn.settimeout(0.5)
            try:
                self.received += conn.recv(65536)
            except OSError:
                pass
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def twilio():
    with FakeTwilio() as fake:
        yield fake


@pytest.fixture
def trap():
    trap = Trap()
    yield trap
    trap.close()


def get(twilio: FakeTwilio, url: str, **kw):
    return fetch(url, account_sid=twilio.account_sid, auth_token=twilio.auth_token, api_base_url=twilio.base_url,
                 allowed_types=IMAGE_TYPES, timeout=2, **kw)


def crafted(twilio: FakeTwilio, trap: Trap) -> list[str]:
    """URLs that name a Twilio (or the configured) host to one parser and the trap to another."""
    api = twilio.base_url.split("//", 1)[1]
    at = f"{trap.host}:{trap.port}"
    return [
        f"http://{at}\\@{api}/media/a.jpg",
        f"http://{at}\\\\@{api}/media/a.jpg",
        f"http://{at}/\\@{api}/media/a.jpg",
        f"https://{at}\\@api.twilio.com/a.jpg",
        f"https://{at}\\@media.twiliocdn.com/a.jpg",
        f"http://{api}@{at}/media/a.jpg",
        f"http://{api}:x@{at}/media/a.jpg",
        f"https://api.twilio.com@{at}/a.jpg",
        f"https://user:pw@api.twilio.com/a.jpg",
        f"http://{at}%5C@{api}/media/a.jpg",
        f"http://{at}#@{api}/media/a.jpg",
        f"http://{at}?@{api}/media/a.jpg",
        f"http://{at}/media/a.jpg",
        f"http://localhost:{trap.port}/media/a.jpg",
        f"http://{trap.host}:{trap.port}/media/a.jpg",
        f"http://[::ffff:{trap.host}]:{trap.port}/a.jpg",
        f"https://api.twilio.com:{trap.port}/a.jpg",
        f"http://api.twilio.com/a.jpg",
        f"https://{trap.host}.nip.io/a.jpg",
        f"https://twiliocdn.com.{trap.host}/a.jpg",
        f"https://.twiliocdn.com/a.jpg",
        f"https://api.twilio.com\t@{at}/a.jpg",
        f"https://api.twilio.com /@{at}/a.jpg",
        f"ftp://api.twilio.com/a.jpg",
        f"file:///etc/passwd",
        f"gopher://{at}/_GET",
    ]


CRAFTED = 26


@pytest.mark.parametrize("case", range(CRAFTED))
def test_crafted_urls_are_refused_before_any_connection(twilio, trap, case):
    url = crafted(twilio, trap)[case]
    with pytest.raises(MediaRefused):
        get(twilio, url)
    assert trap.connections == 0 and trap.received == b""


@pytest.mark.parametrize("case", range(CRAFTED))
def test_redirects_to_crafted_urls_are_refused(twilio, trap, case):
    """The same URLs behind a 307 from the real (configured) Twilio host: checked again, refused."""
    url = twilio.add_media("a.jpg", JPEG, "image/jpeg", location=crafted(twilio, trap)[case])
    with pytest.raises(MediaRefused):
        get(twilio, url)
    assert twilio.media_requests and twilio.media_requests[0]["authorized"]
    assert trap.connections == 0 and trap.received == b""


def test_crafted_cases_are_all_listed(twilio, trap):
    assert len(crafted(twilio, trap)) == CRAFTED


@pytest.fixture
def rebinding(monkeypatch):
    """A resolver that answers with a public address first and the trap on every later lookup,
    patched into the system resolver itself, so any second lookup (ours or a library's) sees it."""
    trap = Trap(port=443)
    real = socket.getaddrinfo
    asked: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        if isinstance(host, bytes):
            host = host.decode()
        if host.endswith("rebind.twiliocdn.com"):
            asked.append(host)
            address = PUBLIC if len(asked) == 1 else trap.host
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 443))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield trap, asked
    trap.close()


def test_a_dns_answer_that_changes_between_check_and_connect_is_never_used(rebinding, monkeypatch):
    trap, asked = rebinding
    connected: list[str] = []

    def no_traffic_off_this_machine(target, headers, timeout):  # record where we would connect
        connected.append(target.address)
        raise NewConnectionError(None, "not connecting off this machine in tests")

    monkeypatch.setattr(media, "_request", no_traffic_off_this_machine, raising=False)
    with pytest.raises(MediaRefused):
        fetch("https://cdn.rebind.twiliocdn.com/a.jpg", account_sid="AC" + "1" * 32, auth_token="secret",
              api_base_url=None, allowed_types=IMAGE_TYPES, timeout=1)
    assert trap.connections == 0
    assert len(asked) == 1, "the host is resolved once"
    assert connected == [PUBLIC], "the checked address is the one connected to"


def test_a_private_dns_answer_is_refused(monkeypatch):
    from jobs.media import plan

    monkeypatch.setattr(media, "resolve", lambda host, port: ["10.0.0.7"])
    with pytest.raises(MediaRefused, match="private"):
        plan("https://media.twiliocdn.com/a.jpg", None, media.resolve)
    assert plan("https://media.twiliocdn.com/a.jpg", None, lambda h, p: [PUBLIC]).address == PUBLIC


@pytest.mark.parametrize("url, credentials", [
    ("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", True),
    ("https://mms.twiliocdn.com/AC1/abc", False),
    ("https://media.us1.twiliocdn.com/abc", False),
])
def test_credentials_go_only_to_twilios_api(url, credentials):
    from jobs.media import plan

    assert plan(url, None, lambda h, p: [PUBLIC]).with_credentials is credentials


class _Redirect:
    status = 307
    headers = {"Location": "https://mms.twiliocdn.com/b.jpg"}

    def release_conn(self) -> None: ...
    def close(self) -> None: ...


def test_a_redirect_from_the_api_to_the_cdn_drops_the_credentials(monkeypatch):
    seen: list[tuple[str, bool]] = []

    def request(target, headers, timeout):
        seen.append((target.host, "Authorization" in headers))
        if len(seen) == 1:
            return _Redirect()
        raise NewConnectionError(None, "no network in tests")

    monkeypatch.setattr(media, "_request", request)
    with pytest.raises(MediaRefused):
        fetch("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", account_sid="AC1",
              auth_token="t", api_base_url=None, allowed_types=IMAGE_TYPES, resolver=lambda h, p: [PUBLIC])
    assert seen == [("api.twilio.com", True), ("mms.twiliocdn.com", False)]


def test_twilio_media_through_its_redirect_is_still_fetched(twilio):
    got = get(twilio, twilio.add_media("ok.jpg", JPEG, "image/jpeg", redirect=True))
    assert got.data == JPEG and [r["authorized"] for r in twilio.media_requests] == [True, True]


def test_through_the_real_photo_path_the_credentials_never_leave(database_url, clock, tmp_path, chroma_path, trap):
    """A signed photo webhook whose media URL points the request at the trap: refused, and told."""
    from tests.fakes.openai_server import FakeOpenAI
    from tests.support import Phone, build_app, make_form, truncate_all

    with FakeTwilio() as twilio, FakeOpenAI() as openai:
        env = {"CHROMA_PATH": chroma_path, "TWILIO_ACCOUNT_SID": twilio.account_sid,
               "TWILIO_AUTH_TOKEN": twilio.auth_token, "TWILIO_API_BASE_URL": twilio.base_url,
               "TWILIO_SMS_FROM": "+15550006789", "OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": openai.base_url}
        app = build_app(database_url, clock, tmp_path, env=env)
        try:
            app.test_cli_runner().invoke(args=["household", "create", "--phone", "+12125550200", "--child",
                                               "Maya", "--birth-date", "2025-08-01"])
            url = crafted(twilio, trap)[0]
            reply = Phone(app, "+12125550200").say("", NumMedia="1", MediaUrl0=url, MediaContentType0="image/jpeg")
            assert "Maya" in reply
            assert trap.connections == 0 and b"Basic" not in trap.received
            assert twilio.messages and "couldn't open that photo" in twilio.messages[-1]["Body"]
        finally:
            truncate_all(app.extensions["tinytummy"].engine)
            app.extensions["tinytummy"].engine.dispose()
