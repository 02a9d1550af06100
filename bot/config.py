"""Settings from the environment only; a bad value stops start-up with one line naming it."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
# Laptop mode signs and checks webhooks with this token; `flask console` uses it too.
DEV_AUTH_TOKEN = "tinytummy-local-dev-token"
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Config:
    database_url: str
    redis_url: str | None = None
    twilio_account_sid: str | None = None
    twilio_auth_token: str = DEV_AUTH_TOKEN
    twilio_sms_from: str | None = None
    twilio_whatsapp_from: str | None = None
    twilio_api_base_url: str | None = None
    public_base_url: str | None = None
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    openai_model: str = DEFAULT_OPENAI_MODEL
    openai_timeout: float = 8.0
    chroma_path: str = str(ROOT / "var" / "chroma")
    chroma_host: str | None = None
    chroma_port: int = 8000
    # Where inbound messages wait, fsynced, while the database is unreachable (local disk).
    spool_dir: str = str(ROOT / "var" / "spool")
    whatsapp_templates: Mapping[str, str] = field(default_factory=dict)
    # Tests run jobs inline instead of on a thread; production never sets this.
    jobs_inline: bool = False

    @property
    def twilio_configured(self) -> bool:
        """Real Twilio credentials are present (otherwise the outbox only logs)."""
        return bool(self.twilio_account_sid) and self.twilio_auth_token != DEV_AUTH_TOKEN

    @property
    def llm_enabled(self) -> bool:
        return bool(self.openai_api_key)


def _optional(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _check(ok: bool, name: str, why: str) -> None:
    if not ok:
        raise ConfigError(f"{name} {why}")


def redact_url(url: str) -> str:
    """The URL with any user name and password replaced by ***, for messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "***"
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]))


def _check_url(value: str | None, name: str, schemes: tuple[str, ...]) -> None:
    if value is None:
        return
    try:
        parsed = urlsplit(value)
    except ValueError:
        parsed = urlsplit("")
    _check(parsed.scheme in schemes and bool(parsed.netloc or parsed.path),
           name, f"must be a URL starting with {' or '.join(s + '://' for s in schemes)} "
                 f"(got {redact_url(value)!r})")


# Hosts hand out postgres:// or postgresql://; we ship psycopg2, so that is the driver we name.
_DATABASE_URL = re.compile(r"^(?P<scheme>sqlite|postgres|postgresql)(?:\+(?P<driver>\w+))?://", re.I)
_DRIVERS = {"sqlite": ("pysqlite",), "postgresql": ("psycopg2",)}


def database_url_from(value: str) -> str:
    """Accept sqlite://, postgres:// and postgresql:// (psycopg2); refuse drivers we don't ship."""
    match = _DATABASE_URL.match(value)
    _check(match is not None, "DATABASE_URL",
           f"must start with sqlite://, postgres:// or postgresql:// (got {redact_url(value)!r})")
    assert match is not None
    scheme = "postgresql" if match["scheme"].lower().startswith("postgres") else "sqlite"
    driver = (match["driver"] or "").lower()
    _check(not driver or driver in _DRIVERS[scheme], "DATABASE_URL",
           f"names the driver {driver!r}, which is not installed; use {scheme}:// "
           f"or {scheme}+{_DRIVERS[scheme][0]}://")
    if scheme == "postgresql":
        driver = "psycopg2"
    return f"{scheme}{'+' + driver if driver else ''}://" + value[match.end():]


def _is_laptop(database_url: str, env: Mapping[str, str]) -> bool:
    """SQLite and nothing else configured: the only setup that may use the local signing token."""
    others = ("REDIS_URL", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "PUBLIC_BASE_URL")
    return database_url.startswith("sqlite") and not any(_optional(env, name) for name in others)


def _check_twilio(env: Mapping[str, str], database_url: str) -> tuple[str | None, str]:
    """The Twilio account and the token webhooks are checked with; refuse a missing or public token."""
    sid = _optional(env, "TWILIO_ACCOUNT_SID")
    token = _optional(env, "TWILIO_AUTH_TOKEN")
    if sid:
        _check(bool(re.fullmatch(r"AC[0-9a-fA-F]{32}", sid)), "TWILIO_ACCOUNT_SID",
               "must look like AC followed by 32 hex digits")
        _check(token is not None, "TWILIO_AUTH_TOKEN", "is required when TWILIO_ACCOUNT_SID is set")
    if _is_laptop(database_url, env):
        return sid, DEV_AUTH_TOKEN
    _check(token is not None, "TWILIO_AUTH_TOKEN",
           "is required outside the laptop setup (SQLite with nothing else configured): webhooks "
           "are only accepted when signed with your Twilio auth token")
    _check(token != DEV_AUTH_TOKEN, "TWILIO_AUTH_TOKEN",
           "is the local development token from the repository; set your Twilio auth token")
    _check(_optional(env, "PUBLIC_BASE_URL") is not None, "PUBLIC_BASE_URL",
           "is required when Twilio is configured: signatures are checked against this URL, "
           "never against the Host header of the request")
    assert token is not None
    return sid, token


def load_config(env: Mapping[str, str] | None = None, **overrides: object) -> Config:
    """Read and validate every setting; raise ConfigError naming the first bad variable."""
    env = os.environ if env is None else env
    database_url = database_url_from(_optional(env, "DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'tinytummy.db'}")
    redis_url = _optional(env, "REDIS_URL")
    _check_url(redis_url, "REDIS_URL", ("redis", "rediss", "unix"))
    sms_from = _optional(env, "TWILIO_SMS_FROM")
    _check(sms_from is None or bool(re.fullmatch(r"\+[1-9]\d{6,14}", sms_from)), "TWILIO_SMS_FROM",
           "must be an E.164 number like +15551230000")
    wa_from = _optional(env, "TWILIO_WHATSAPP_FROM")
    _check(wa_from is None or bool(re.fullmatch(r"whatsapp:\+[1-9]\d{6,14}", wa_from)),
           "TWILIO_WHATSAPP_FROM", "must look like whatsapp:+15551230000")
    api_base = _optional(env, "TWILIO_API_BASE_URL")
    _check_url(api_base, "TWILIO_API_BASE_URL", ("http", "https"))
    public = _optional(env, "PUBLIC_BASE_URL")
    _check_url(public, "PUBLIC_BASE_URL", ("http", "https"))
    sid, token = _check_twilio(env, database_url)
    openai_base = _optional(env, "OPENAI_BASE_URL")
    _check_url(openai_base, "OPENAI_BASE_URL", ("http", "https"))
    port = _optional(env, "CHROMA_PORT") or "8000"
    _check(port.isdigit() and 0 < int(port) < 65536, "CHROMA_PORT", "must be a port number")
    timeout = _optional(env, "OPENAI_TIMEOUT") or "8"
    _check(bool(re.fullmatch(r"\d+(\.\d+)?", timeout)), "OPENAI_TIMEOUT", "must be seconds, e.g. 8")
    templates = {k[len("WHATSAPP_TEMPLATE_"):].lower(): v.strip()
                 for k, v in env.items() if k.startswith("WHATSAPP_TEMPLATE_") and v.strip()}
    for kind, content_sid in templates.items():
        _check(bool(re.fullmatch(r"HX[0-9a-fA-F]{32}", content_sid)), f"WHATSAPP_TEMPLATE_{kind.upper()}",
               "must be a ContentSid like HX followed by 32 hex digits")
    values: dict[str, object] = dict(
        database_url=database_url, redis_url=redis_url, twilio_account_sid=sid,
        twilio_auth_token=token, twilio_sms_from=sms_from,
        twilio_whatsapp_from=wa_from, twilio_api_base_url=api_base,
        public_base_url=public.rstrip("/") if public else None,
        openai_api_key=_optional(env, "OPENAI_API_KEY"), openai_base_url=openai_base,
        openai_model=_optional(env, "OPENAI_MODEL") or DEFAULT_OPENAI_MODEL,
        openai_timeout=float(timeout),
        chroma_path=_optional(env, "CHROMA_PATH") or str(ROOT / "var" / "chroma"),
        chroma_host=_optional(env, "CHROMA_HOST"), chroma_port=int(port),
        spool_dir=_optional(env, "SPOOL_DIR") or str(ROOT / "var" / "spool"),
        whatsapp_templates=templates,
    )
    values.update(overrides)
    return Config(**values)  # type: ignore[arg-type]
