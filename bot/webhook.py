"""Twilio routes: signed inbound messages, delivery status callbacks and a health check."""
from __future__ import annotations

import logging
import re

from flask import Blueprint, Response, abort, current_app, jsonify, request
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from bot.channel import BadForm, BadSender, clean_text, message_sid, parse_inbound, refuse_repeated_keys
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


def twiml(parts: list[str], status: int = 200) -> Response:
    """A TwiML reply; parts are cleared of characters XML cannot carry, whatever produced them."""
    response = MessagingResponse()
    for part in parts:
        response.message(clean_text(part, len(part)))
    return Response(str(response), status=status, mimetype="application/xml")


def _refused(error: BadForm) -> Response:
    logger.warning("refused malformed %s: %s", request.path, error)
    return twiml([], status=400)


@bp.post("/twilio/inbound")
def inbound() -> Response:
    try:
        refuse_repeated_keys({key: len(request.form.getlist(key)) for key in request.form})
        message = parse_inbound(request.form)
    except BadForm as error:
        return _refused(error)
    except BadSender:
        logger.warning("inbound with unreadable sender %s", mask(request.form.get("From", "")[:40]))
        return twiml(["Sorry, I couldn't read the number this came from, so I can't answer it."])
    return twiml(_services().pipeline.receive(message))


STATUS = re.compile(r"[a-z_-]{1,40}")  # Twilio adds statuses ("partially_delivered"): a word is fine
RECORDED_STATUS = 16  # the longest status the delivery table keeps; longer ones are acknowledged only
ERROR_CODE = re.compile(r"[0-9]{1,6}")


@bp.post("/twilio/status")
def status() -> Response | tuple[str, int]:
    """Record a delivery callback; anything Twilio would not send gets a 400, never a 500."""
    form = request.form
    try:
        refuse_repeated_keys({key: len(form.getlist(key)) for key in form})
        sid = message_sid(form, required=False)
    except BadForm as error:
        return _refused(error)
    state = (form.get("MessageStatus") or form.get("SmsStatus") or "").lower()
    code = form.get("ErrorCode") or ""
    if (state and not STATUS.fullmatch(state)) or (code and not ERROR_CODE.fullmatch(code)):
        return _refused(BadForm("MessageStatus or ErrorCode is not Twilio's shape"))
    if sid and state and len(state) <= RECORDED_STATUS:
        _services().record_status(sid, state, int(code) if code else None)
    return "", 204


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    report = _services().health()
    healthy = report["database"] == "ok"
    return jsonify(status="ok" if healthy else "degraded", **report), 200 if healthy else 503
