"""Fetching a photo or voice note that Twilio hosts, and nothing else.

One parser decides everything: the URL is parsed once with urllib3's parser (the one that makes
the request), refused if it carries a backslash, an `@` or user info, and allowed only for
Twilio's media hosts (api.twilio.com, *.twiliocdn.com, https on port 443) or the host and port of
TWILIO_API_BASE_URL. The host is resolved once, every address is checked (private, loopback and
link-local addresses are refused unless the host is that configured one), and the connection is
made to the address that was checked, so a DNS answer that changes in between is never used.
Twilio credentials go only to api.twilio.com and the configured host; every redirect hop is
checked from scratch, and a download over the limit is cut short.
"""
from __future__ import annotations

import base64
import ipaddress
import logging
import socket
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urljoin

import certifi
import urllib3
from urllib3.exceptions import HTTPError, LocationParseError
from urllib3.util import Url, parse_url

logger = logging.getLogger(__name__)
MAX_BYTES = 10 * 1024 * 1024
TWILIO_HOSTS = ("api.twilio.com",)
TWILIO_HOST_SUFFIXES = (".twiliocdn.com",)
IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp", "image/heic", "image/heif")
MAX_REDIRECTS = 3
MAX_URL = 2000
Resolver = Callable[[str, int], list[str]]


class MediaRefused(Exception):
    """The media was not fetched (or the download was cut short) and why."""


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str


@dataclass(frozen=True)
class Target:
    """Where one request goes: the checked address, and what to say in Host and the path."""

    scheme: str
    host: str
    port: int
    address: str
    path: str
    with_credentials: bool


def resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for this host."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise MediaRefused(f"host {host!r} does not resolve") from exc
    return [info[4][0] for info in infos]


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved)


def _parse(url: str) -> Url:
    if len(url) > MAX_URL or any(c in url for c in "\\@") or any(c <= " " or c == "\x7f" for c in url):
        raise MediaRefused("media URL has a backslash, an @, a space or a control character")
    try:
        parsed = parse_url(url)
    except LocationParseError as exc:
        raise MediaRefused("media URL does not parse") from exc
    if parsed.auth:
        raise MediaRefused("media URL carries user info")
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise MediaRefused(f"scheme {parsed.scheme!r} not allowed")
    return parsed


def _origin(parsed: Url) -> tuple[str, str, int]:
    scheme = parsed.scheme or ""
    return scheme, (parsed.host or "").lower().strip("[]"), parsed.port or (443 if scheme == "https" else 80)


def plan(url: str, api_base_url: str | None, resolver: Resolver = resolve) -> Target:
    """Check a media URL and pick the address to connect to; raise MediaRefused if not allowed."""
    parsed = _parse(url)
    scheme, host, port = _origin(parsed)
    configured = api_base_url is not None and (scheme, host, port) == _origin(parse_url(api_base_url))
    twilio = host in TWILIO_HOSTS or (host.endswith(TWILIO_HOST_SUFFIXES) and not host.startswith("."))
    if not configured:
        if not twilio:
            raise MediaRefused(f"host {host!r} is not a Twilio media host")
        if scheme != "https" or port != 443:
            raise MediaRefused("Twilio media is fetched over https on port 443 only")
    addresses = resolver(host, port)
    if not addresses:
        raise MediaRefused(f"host {host!r} does not resolve")
    if not configured and not all(_is_public(a) for a in addresses):
        raise MediaRefused(f"host {host!r} resolves to a private address")
    path = (parsed.path or "/") + (f"?{parsed.query}" if parsed.query else "")
    # Credentials go to the API only (and its configured stand-in); CDN links are pre-signed.
    return Target(scheme, host, port, addresses[0], path, with_credentials=configured or host in TWILIO_HOSTS)


def _request(target: Target, headers: dict[str, str], timeout: float) -> urllib3.BaseHTTPResponse:
    """GET the path from the checked address, naming the checked host for Host, SNI and the certificate."""
    default_port = 443 if target.scheme == "https" else 80
    host_header = target.host if target.port == default_port else f"{target.host}:{target.port}"
    options = dict(port=target.port, timeout=urllib3.Timeout(connect=timeout, read=timeout), retries=False,
                   maxsize=1)
    if target.scheme == "https":
        pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
            target.address, server_hostname=target.host, assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED", ca_certs=certifi.where(), **options)
    else:
        pool = urllib3.HTTPConnectionPool(target.address, **options)
    return pool.urlopen("GET", target.path, headers={**headers, "Host": host_header}, redirect=False,
                        preload_content=False, assert_same_host=False)


def fetch(url: str, *, account_sid: str | None, auth_token: str | None, api_base_url: str | None,
          allowed_types: tuple[str, ...], max_bytes: int = MAX_BYTES, timeout: float = 10.0,
          resolver: Resolver = resolve) -> Fetched:
    """Download Twilio media, with basic auth only where it belongs, following only allowed redirects."""
    for _ in range(MAX_REDIRECTS + 1):
        target = plan(url, api_base_url, resolver)
        headers = {"User-Agent": "TinyTummy media fetcher"}
        if target.with_credentials and account_sid and auth_token:
            token = base64.b64encode(f"{account_sid}:{auth_token}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        try:
            response = _request(target, headers, timeout)
        except HTTPError as exc:
            raise MediaRefused(f"media fetch failed: {type(exc).__name__}") from exc
        try:
            if response.status in (301, 302, 303, 307, 308):
                url = urljoin(url, response.headers.get("Location", ""))
                continue
            return _read(response, allowed_types, max_bytes)
        except HTTPError as exc:
            raise MediaRefused(f"media download failed: {type(exc).__name__}") from exc
        finally:
            response.release_conn()
            response.close()
    raise MediaRefused("too many redirects")


def _read(response: urllib3.BaseHTTPResponse, allowed_types: tuple[str, ...], max_bytes: int) -> Fetched:
    if response.status != 200:
        raise MediaRefused(f"media answered HTTP {response.status}")
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if not any(content_type == t or (t.endswith("/") and content_type.startswith(t)) for t in allowed_types):
        raise MediaRefused(f"content type {content_type!r} not accepted")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise MediaRefused(f"media is {int(declared)} bytes, over the {max_bytes} limit")
    data = bytearray()
    for chunk in response.stream(64 * 1024):
        data.extend(chunk)
        if len(data) > max_bytes:
            raise MediaRefused(f"media is over the {max_bytes}-byte limit; download cut short")
    return Fetched(bytes(data), content_type)
