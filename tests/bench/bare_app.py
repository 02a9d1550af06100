"""The bare responder `make bench` compares the product with: a signed-TwiML Flask app.

It does what the webhook's channel does before any of our work (checks the Twilio signature
against the public URL, answers TwiML) and nothing else, and it is served by the same `serve`
command as the product, so `flask --app tests.bench.bare_app serve ...` runs the Procfile's web
settings with no product behind them.
"""
from __future__ import annotations

import os

from flask import Flask, Response, abort, request
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from bot import processes


class _NothingToWarm:
    def warm_up(self) -> None:
        """The bare responder loads nothing."""


def create_bare_app(public_base_url: str, auth_token: str) -> Flask:
    """A Flask app answering signed POSTs to /twilio/inbound with one TwiML message."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    app.extensions["tinytummy"] = _NothingToWarm()
    validator = RequestValidator(auth_token)

    @app.post("/twilio/inbound")
    def inbound() -> Response:
        signature = request.headers.get("X-Twilio-Signature", "")
        if not signature or not validator.validate(public_base_url + request.path, request.form, signature):
            abort(403)
        reply = MessagingResponse()
        reply.message(f"Got it: {request.form.get('Body', '')[:40]}")
        return Response(str(reply), mimetype="application/xml")

    app.cli.add_command(processes.serve)
    return app


def create_app() -> Flask:
    """`flask --app tests.bench.bare_app` entry point, configured like the product's environment."""
    return create_bare_app(os.environ["PUBLIC_BASE_URL"].rstrip("/"), os.environ["TWILIO_AUTH_TOKEN"])
