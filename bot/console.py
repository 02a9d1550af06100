"""`flask --app wsgi console`: a terminal phone that texts the running bot as Twilio would."""
from __future__ import annotations

import os
import sys
import threading
import time
import uuid
import xml.etree.ElementTree as ET

import click
import requests
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select
from twilio.request_validator import RequestValidator

from storage.models import Outbound

DEFAULT_URL = "http://127.0.0.1:5000"


def sign_and_post(base_url: str, signing_base: str, token: str, params: dict[str, str]) -> list[str]:
    """POST a webhook signed exactly as Twilio signs it; return the reply messages."""
    signature = RequestValidator(token).compute_signature(signing_base + "/twilio/inbound", params)
    response = requests.post(base_url + "/twilio/inbound", data=params, timeout=20,
                             headers={"X-Twilio-Signature": signature})
    response.raise_for_status()
    root = ET.fromstring(response.text)
    return [(m.findtext("Body") or m.text or "").strip() for m in root.iter("Message")]


def _watch_outbox(sessions, number: str, after_id: int, stop: threading.Event) -> None:
    """Print messages the bot sends later (photo results, answers, nudges) to this number."""
    seen = after_id
    while not stop.wait(1.0):
        with sessions() as session:
            rows = session.scalars(select(Outbound).where(Outbound.id > seen, Outbound.to_address == number,
                                                          Outbound.kind != "reply").order_by(Outbound.id)).all()
        for row in rows:
            seen = row.id
            media = f"\n     [file: {row.media_url}]" if row.media_url else ""  # open it in a browser
            click.echo(f"\nbot ({row.kind}, later)> {row.body}{media}\nyou> ", nl=False)


@click.command("console", help="Text the running bot from this terminal, signed like Twilio.")
@with_appcontext
@click.option("--number", default="+15551230001", show_default=True, help="Your pretend phone number.")
@click.option("--whatsapp", is_flag=True, help="Send as WhatsApp instead of SMS.")
@click.option("--url", default=None, help=f"Where the app listens (default {DEFAULT_URL}).")
def console(number: str, whatsapp: bool, url: str | None) -> None:
    services = current_app.extensions["tinytummy"]
    config = services.config
    base = (url or os.environ.get("TINYTUMMY_URL") or DEFAULT_URL).rstrip("/")
    address = f"whatsapp:{number}" if whatsapp else number
    to = (config.twilio_whatsapp_from or "whatsapp:+15550006789") if whatsapp else (config.twilio_sms_from or "+15550006789")
    with services.sessions() as session:
        last_id = session.scalar(select(func.max(Outbound.id))) or 0
    stop = threading.Event()
    threading.Thread(target=_watch_outbox, args=(services.sessions, number, last_id, stop), daemon=True).start()
    interactive = sys.stdin.isatty()
    click.echo(f"Texting TinyTummy at {base} as {address}. Ctrl-D to quit.")
    try:
        while True:
            if interactive:
                click.echo("you> ", nl=False)
            line = sys.stdin.readline()
            if not line:
                break
            params = {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": config.twilio_account_sid or "AC" + "0" * 32,
                      "From": address, "To": to, "Body": line.rstrip("\n"), "NumMedia": "0", "NumSegments": "1"}
            if whatsapp:
                params.update(WaId=number.lstrip("+"), ProfileName="Console", MessageType="text")
            try:
                replies = sign_and_post(base, config.public_base_url or base, config.twilio_auth_token, params)
            except requests.RequestException as exc:
                click.echo(f"Can't reach the bot at {base} ({type(exc).__name__}). Start it with `make run`.")
                continue
            if not interactive:
                click.echo(f"you> {line.rstrip()}")
            for reply in replies or ["(no reply)"]:
                click.echo(f"bot> {reply}")
        if not interactive:
            time.sleep(1.5)  # let messages the bot sends later show up
    finally:
        stop.set()
