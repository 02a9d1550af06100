"""The outbound sender port: Twilio's REST API when configured, the local console otherwise."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from knowledge.phones import mask
from storage.models import Outbound

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendResult:
    status: str  # "sent" | "local" | "failed" | ...
    sid: str | None = None
    error_code: int | None = None


class ConsoleSender:
    """Laptop mode: mark the message sent locally; `flask console` shows it from the database."""

    def __call__(self, message: Outbound) -> SendResult:
        logger.info("local outbox: %s message to %s (%d chars)", message.kind, mask(message.to_address),
                    len(message.body))
        return SendResult("local")


class TwilioSender:
    """Send through the twilio library's REST client, honouring TWILIO_API_BASE_URL."""

    def __init__(self, config) -> None:
        from twilio.rest import Client

        self.client = Client(config.twilio_account_sid, config.twilio_auth_token)
        if config.twilio_api_base_url:
            self.client.api.base_url = config.twilio_api_base_url.rstrip("/")
        self.config = config

    def __call__(self, message: Outbound) -> SendResult:
        from twilio.base.exceptions import TwilioRestException

        sender = self.config.twilio_whatsapp_from if message.channel == "whatsapp" else self.config.twilio_sms_from
        to = f"whatsapp:{message.to_address}" if message.channel == "whatsapp" else message.to_address
        callback = f"{self.config.public_base_url}/twilio/status" if self.config.public_base_url else None
        try:
            sent = self.client.messages.create(to=to, from_=sender, body=message.body, status_callback=callback)
        except TwilioRestException as exc:
            logger.warning("Twilio refused message to %s: %s %s", mask(to), exc.status, exc.code)
            return SendResult("failed", error_code=exc.code)
        return SendResult("sent", sid=sent.sid)


def make_sender(config):
    return TwilioSender(config) if config.twilio_configured else ConsoleSender()
