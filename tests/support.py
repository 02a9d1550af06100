"""Test helpers: a settable clock, a phone that sends signed webhooks, app building."""
from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path


from twilio.request_validator import RequestValidator

from bot import create_app
from bot.config import load_config
from storage.db import Base, make_engine
from storage.schema import import_all_models, upgrade

_sids = itertools.count(1)
_migrated: set[str] = set()
KEEP = {"food", "food_portion", "alembic_version"}  # reference data survives between tests
# What a test app is signed with: outside the laptop setup the repository's token is refused.
TEST_AUTH_TOKEN = "test-twilio-auth-token"
TEST_PUBLIC_URL = "http://localhost"  # the test client's own host, so Twilio signs what it sees


class Clock:
    """'Now' for the app under test; tests move it forward explicitly."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def new_sid() -> str:
    return f"SM{next(_sids):032d}"


def migrate_once(url: str) -> None:
    """Migrate a test database and load the food table into it, once per test run."""
    if url not in _migrated:
        from knowledge.foods.sr28 import load_foods
        from storage.db import make_sessionmaker

        engine = make_engine(url)
        upgrade(engine)
        with make_sessionmaker(engine)() as session, session.begin():
            load_foods(session)
        engine.dispose()
        _migrated.add(url)


def truncate_all(engine) -> None:
    from sqlalchemy import inspect

    import_all_models()
    present = set(inspect(engine).get_table_names())
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name in present and table.name not in KEEP:
                conn.execute(table.delete())


def build_app(database_url: str, clock: Clock, tmp_path: Path, env: dict[str, str] | None = None, **options):
    migrate_once(database_url)
    settings = {"DATABASE_URL": database_url, "CHROMA_PATH": str(tmp_path / "chroma"), "SPOOL_DIR": str(tmp_path / "spool"),
                "TWILIO_AUTH_TOKEN": TEST_AUTH_TOKEN, "PUBLIC_BASE_URL": TEST_PUBLIC_URL, **(env or {})}
    config = load_config(settings, jobs_inline=True)
    return create_app(config, clock=clock, **options)


def make_form(sender: str, body: str = "", channel: str = "sms", sid: str | None = None,
              **extra: str) -> dict[str, str]:
    """The form Twilio posts for one inbound message."""
    address = f"whatsapp:{sender}" if channel == "whatsapp" else sender
    form = {"MessageSid": sid or new_sid(), "AccountSid": "AC" + "0" * 32, "From": address,
            "To": "whatsapp:+15550006789" if channel == "whatsapp" else "+15550006789",
            "Body": body, "NumMedia": "0", "NumSegments": "1", "ApiVersion": "2010-04-01"}
    if channel == "whatsapp":
        form.update(WaId=sender.lstrip("+"), ProfileName="Sam", MessageType="text")
    form.update(extra)
    return form


def sign(url: str, form: dict[str, str], token: str = TEST_AUTH_TOKEN) -> str:
    return RequestValidator(token).compute_signature(url, form)


def replies_of(xml: str) -> list[str]:
    return [(m.text or "").strip() for m in ET.fromstring(xml).iter("Message")]


class Phone:
    """A person texting the app through the signed webhook, as Twilio would deliver it."""

    def __init__(self, app, number: str, channel: str = "sms") -> None:
        self.client = app.test_client()
        self.number = number
        self.channel = channel
        config = app.extensions["tinytummy"].config
        self.token = config.twilio_auth_token  # what Twilio signs with
        self.url = (config.public_base_url or "http://localhost") + "/twilio/inbound"

    def post(self, form: dict[str, str], url: str | None = None):
        return self.client.post("/twilio/inbound", data=form,
                                headers={"X-Twilio-Signature": sign(url or self.url, form, self.token)})

    def send(self, body: str = "", **extra: str) -> list[str]:
        response = self.post(make_form(self.number, body, self.channel, **extra))
        assert response.status_code == 200, response.data
        return replies_of(response.get_data(as_text=True))

    def say(self, body: str = "", **extra: str) -> str:
        return "\n".join(self.send(body, **extra))


def household(app, number: str, child: str, born: str, *extra: str) -> Phone:
    """Set up a family with the operator command, and return the parent's phone."""
    result = app.test_cli_runner().invoke(args=["household", "create", "--phone", number, "--child", child,
                                                "--birth-date", born, "--timezone", "America/New_York", *extra])
    assert result.exit_code == 0, result.output
    return Phone(app, number)


def all_rows(app, model, order_by=None, load: tuple[str, ...] = ()) -> list:
    """Every row of a model, detached, with the named relationships loaded."""
    from sqlalchemy import select

    with app.extensions["tinytummy"].sessions() as session:
        rows = session.scalars(select(model).order_by(order_by if order_by is not None else model.id)).all()
        for row in rows:
            for name in load:
                list(getattr(row, name))
        session.expunge_all()
        return rows
