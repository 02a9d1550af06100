"""Twilio routes: signed inbound messages, delivery status callbacks and a health check."""
from __future__ import annotations

import logging

from flask import Blueprint, Response, abort, current_app, jsonify, request
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from bot.channel import BadSender, parse_inbound
from knowledge.phones import mask

logger = logging.getLogger(__name__)
bp = Blueprint("twilio", __name__)


def _services():
    return current_app.extensions["tinytummy"]


def signed_url() -> str:
    """The URL Twilio signed: the configured public URL behind a proxy, else the request's."""
    public = _services().config.public_base_url
    if not public:
        return request.url
    query = request.query_string.decode()
    return public + request.path + (f"?{query}" if query else "")


@bp.before_request
def check_signature() -> None:
    """Refuse anything not signed with our auth token; there is no switch to turn this off."""
    if request.endpoint == "twilio.healthz":
        return
    validator = RequestValidator(_services().config.twilio_auth_token)
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature or not validator.validate(signed_url(), request.form, signature):
        logger.warning("refused unsigned request to %s", request.path)
        abort(403)


def twiml(parts: list[str]) -> Response:
    response = MessagingResponse()
    for part in parts:
        response.message(part)
    return Response(str(response), mimetype="application/xml")


@bp.post("/twilio/inbound")
def inbound() -> Response:
    try:
        message = parse_inbound(request.form)
    except BadSender:
        logger.warning("inbound with unreadable sender %s", mask(request.form.get("From", "")))
        return twiml(["Sorry, I couldn't read the number this came from, so I can't answer it."])
    if not message.sid:
        logger.warning("inbound from %s without MessageSid", mask(message.sender))
        return twiml([])
    return twiml(_services().pipeline.receive(message))


@bp.post("/twilio/status")
def status() -> tuple[str, int]:
    sid = request.form.get("MessageSid") or request.form.get("SmsSid") or ""
    state = (request.form.get("MessageStatus") or request.form.get("SmsStatus") or "").lower()
    code = request.form.get("ErrorCode") or ""
    if sid and state:
        _services().record_status(sid, state, int(code) if code.isdigit() else None)
    return "", 204


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    report = _services().health()
    healthy = report["database"] == "ok"
    return jsonify(status="ok" if healthy else "degraded", **report), 200 if healthy else 503
