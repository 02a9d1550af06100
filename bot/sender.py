"""The outbound sender port: Twilio's REST API when configured, the local console otherwise.

A sender is called with one delivery (an `Outbound` row, or the outbox's `Delivery`: channel,
to_address, body, kind and, for a WhatsApp template, content_sid and content_variables) and
answers a `SendResult` that says whether to retry. It never touches the database: deciding
between free-form, template and SMS, and recording the outcome, is `jobs/outbox.py`'s job.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from bot.replies import split_message, to_gsm7
from knowledge.phones import mask

logger = logging.getLogger(__name__)

OPTED_OUT = 21610  # the number texted STOP to our sender
BAD_NUMBERS = frozenset({21211, 21614})  # not a valid phone number / not a mobile number
OUTSIDE_WINDOW = 63016  # WhatsApp free-form outside the 24-hour window: use a template
TOO_MANY_REQUESTS = 20429
HTTP_TIMEOUT = 10.0  # seconds; the library's default is to wait forever


@dataclass(frozen=True)
class SendResult:
    """What became of one send: Twilio's sid, or an error code and what to do about it."""

    status: str  # "sent" | "local" | "failed"
    sid: str | None = None
    error_code: int | None = None
    retry: bool = False  # a passing failure (429, 5xx, network): try again later
    permanent: bool = False  # trying again will not help (opted out, bad number, ...)

    @property
    def ok(self) -> bool:
        return self.status in ("sent", "local", "queued", "accepted")

    @property
    def opted_out(self) -> bool:
        return self.error_code == OPTED_OUT

    @property
    def outside_window(self) -> bool:
        return self.error_code == OUTSIDE_WINDOW


def classify_error(status: int, code: int | None) -> SendResult:
    """Turn Twilio's HTTP status and error code into a result that says whether to retry."""
    if status == 429 or code == TOO_MANY_REQUESTS or status >= 500:
        return SendResult("failed", error_code=code, retry=True)
    if code == OUTSIDE_WINDOW:
        return SendResult("failed", error_code=code)  # the caller falls back to a template or SMS
    return SendResult("failed", error_code=code, permanent=True)  # 21610, 21211, 21614, 21617, ...


def fit_body(body: str, channel: str) -> str:
    """Fold SMS text to GSM-7 and keep any message within Twilio's 1,600 characters."""
    text = to_gsm7(body) if channel == "sms" else body.strip()
    return split_message(text, max_parts=1)[0] if text else text


class ConsoleSender:
    """Laptop mode: mark the message sent locally; `flask console` shows it from the database."""

    def __call__(self, message: Any) -> SendResult:
        how = "template" if getattr(message, "content_sid", None) else "free-form"
        logger.info("local outbox: %s %s %s message to %s (%d chars)", message.kind, how, message.channel,
                    mask(message.to_address), len(message.body))
        return SendResult("local")


class TwilioSender:
    """Send through the twilio library's REST client, honouring TWILIO_API_BASE_URL."""

    def __init__(self, config, timeout: float = HTTP_TIMEOUT) -> None:
        self.config = config
        self.timeout = timeout
        # One client per sender, built with the app (never at import time). Not lazily either:
        # RQ forks a work horse per job, and importing twilio's REST API in each costs ~160 ms.
        self.client = self._build_client()

    def _build_client(self):
        from twilio.http.http_client import TwilioHttpClient
        from twilio.rest import Client

        # The library logs every request's headers at INFO: keep that to warnings and up.
        http_log = logging.getLogger(f"{__name__}.twilio_http")
        if http_log.level == logging.NOTSET:
            http_log.setLevel(logging.WARNING)
        client = Client(self.config.twilio_account_sid, self.config.twilio_auth_token,
                        http_client=TwilioHttpClient(timeout=self.timeout, logger=http_log))
        if self.config.twilio_api_base_url:
            # Every request URL is built from the Api domain's base_url (twilio/base/domain.py).
            client.api.base_url = self.config.twilio_api_base_url.rstrip("/")
        client.messages  # noqa: B018 - import the Messages API now, in the parent process
        return client

    def _params(self, message: Any) -> dict[str, Any] | None:
        """The messages.create arguments for this delivery, or None if we have no sender number."""
        whatsapp = message.channel == "whatsapp"
        sender = self.config.twilio_whatsapp_from if whatsapp else self.config.twilio_sms_from
        if not sender:
            return None
        params: dict[str, Any] = {"to": f"whatsapp:{message.to_address}" if whatsapp else message.to_address,
                                  "from_": sender}
        if self.config.public_base_url:
            params["status_callback"] = f"{self.config.public_base_url}/twilio/status"
        content_sid = getattr(message, "content_sid", None)
        if content_sid:  # a WhatsApp template: ContentSid and its variables, no Body
            params["content_sid"] = content_sid
            params["content_variables"] = getattr(message, "content_variables", None) or "{}"
        else:
            params["body"] = fit_body(message.body, message.channel)
        media = list(getattr(message, "media_urls", None) or ())
        if media and not content_sid:
            params["media_url"] = media
        return params

    def __call__(self, message: Any) -> SendResult:
        import requests
        from twilio.base.exceptions import TwilioRestException

        params = self._params(message)
        if params is None:
            logger.error("no TWILIO_%s_FROM configured: cannot send %s to %s", message.channel.upper(),
                         message.kind, mask(message.to_address))
            return SendResult("failed", permanent=True)
        try:
            sent = self.client.messages.create(**params)
        except TwilioRestException as exc:
            result = classify_error(exc.status, exc.code)
            log = logger.warning if result.retry or result.outside_window else logger.info
            log("Twilio refused %s to %s: HTTP %s, error %s", message.kind, mask(message.to_address),
                exc.status, exc.code)
            return result
        except requests.RequestException as exc:  # connection refused or reset, timeouts
            logger.warning("Twilio unreachable sending to %s: %s", mask(message.to_address), type(exc).__name__)
            return SendResult("failed", retry=True)
        return SendResult("sent", sid=sent.sid)


def make_sender(config):
    return TwilioSender(config) if config.twilio_configured else ConsoleSender()
