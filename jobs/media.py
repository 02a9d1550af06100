"""Fetching a photo or voice note that Twilio hosts, and nothing else.

Only Twilio's media hosts (api.twilio.com, *.twiliocdn.com) and the host of TWILIO_API_BASE_URL
are fetched; every redirect hop is checked again, private and loopback addresses are refused
unless they are that configured host, and a download over the limit is cut short.
"""
from __future__ import annotations

import ipaddress
import logging
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

import requests

logger = logging.getLogger(__name__)
MAX_BYTES = 10 * 1024 * 1024
TWILIO_HOSTS = ("api.twilio.com",)
TWILIO_HOST_SUFFIXES = (".twiliocdn.com",)
IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp", "image/heic", "image/heif")
MAX_REDIRECTS = 3


class MediaRefused(Exception):
    """The media was not fetched (or the download was cut short) and why."""


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str


def _host_port(url: str) -> tuple[str, int | None]:
    parsed = urlparse(url)
    return (parsed.hostname or "").lower(), parsed.port


def _is_private(host: str) -> bool:
    """True if the host is, or resolves to, a loopback, private or link-local address."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        return True  # unresolvable: don't fetch
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            return True
    return False


def check_url(url: str, api_base_url: str | None) -> bool:
    """Is this a Twilio media URL we may fetch? Returns whether to send Twilio credentials."""
    parsed = urlparse(url)
    if parsed.scheme not in ("https", "http"):
        raise MediaRefused(f"scheme {parsed.scheme!r} not allowed")
    host, port = _host_port(url)
    if api_base_url and (host, port) == _host_port(api_base_url):
        return True  # the configured Twilio stand-in, even on loopback
    if parsed.scheme != "https":
        raise MediaRefused("only https media URLs are fetched")
    if host not in TWILIO_HOSTS and not host.endswith(TWILIO_HOST_SUFFIXES):
        raise MediaRefused(f"host {host!r} is not a Twilio media host")
    if _is_private(host):
        raise MediaRefused(f"host {host!r} resolves to a private address")
    return host in TWILIO_HOSTS  # credentials go to the API only; CDN links are pre-signed


def fetch(url: str, *, account_sid: str | None, auth_token: str | None, api_base_url: str | None,
          allowed_types: tuple[str, ...], max_bytes: int = MAX_BYTES, timeout: float = 10.0) -> Fetched:
    """Download Twilio media with basic auth, following only allowed redirects."""
    session = requests.Session()
    session.trust_env = False  # never route through a proxy from the environment
    for _ in range(MAX_REDIRECTS + 1):
        with_auth = check_url(url, api_base_url)
        auth = (account_sid, auth_token) if with_auth and account_sid and auth_token else None
        response = session.get(url, auth=auth, allow_redirects=False, stream=True, timeout=timeout)
        if response.is_redirect:
            url = urljoin(url, response.headers.get("Location", ""))
            response.close()
            continue
        with response:
            return _read(response, allowed_types, max_bytes)
    raise MediaRefused("too many redirects")


def _read(response: requests.Response, allowed_types: tuple[str, ...], max_bytes: int) -> Fetched:
    if response.status_code != 200:
        raise MediaRefused(f"media answered HTTP {response.status_code}")
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if not any(content_type == t or (t.endswith("/") and content_type.startswith(t)) for t in allowed_types):
        raise MediaRefused(f"content type {content_type!r} not accepted")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise MediaRefused(f"media is {int(declared)} bytes, over the {max_bytes} limit")
    data = bytearray()
    for chunk in response.iter_content(64 * 1024):
        data.extend(chunk)
        if len(data) > max_bytes:
            raise MediaRefused(f"media is over the {max_bytes}-byte limit; download cut short")
    return Fetched(bytes(data), content_type)
