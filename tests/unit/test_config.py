"""Settings come from the environment; a bad one stops start-up with one line naming it."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.config import DEV_AUTH_TOKEN, ConfigError, load_config


def test_laptop_defaults_need_nothing():
    config = load_config({})
    assert config.database_url.startswith("sqlite:///") and config.database_url.endswith("var/tinytummy.db")
    assert config.redis_url is None and not config.twilio_configured and not config.llm_enabled
    assert config.twilio_auth_token == DEV_AUTH_TOKEN


def test_production_settings_are_read():
    config = load_config({
        "DATABASE_URL": "postgresql+psycopg2://u@db/tt", "REDIS_URL": "redis://r:6379/0",
        "TWILIO_ACCOUNT_SID": "AC" + "a" * 32, "TWILIO_AUTH_TOKEN": "secret",
        "TWILIO_SMS_FROM": "+15551230000", "TWILIO_WHATSAPP_FROM": "whatsapp:+15551230000",
        "PUBLIC_BASE_URL": "https://bot.example.com/", "OPENAI_API_KEY": "sk-x", "CHROMA_HOST": "chroma",
        "CHROMA_PORT": "8001", "WHATSAPP_TEMPLATE_NUDGE": "HX" + "b" * 32,
    })
    assert config.twilio_configured and config.llm_enabled
    assert config.public_base_url == "https://bot.example.com"
    assert config.chroma_port == 8001 and config.whatsapp_templates == {"nudge": "HX" + "b" * 32}


@pytest.mark.parametrize("env, name", [
    ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
    ({"REDIS_URL": "localhost:6379"}, "REDIS_URL"),
    ({"TWILIO_ACCOUNT_SID": "nope", "TWILIO_AUTH_TOKEN": "t"}, "TWILIO_ACCOUNT_SID"),
    ({"TWILIO_ACCOUNT_SID": "AC" + "a" * 32}, "TWILIO_AUTH_TOKEN"),
    ({"DATABASE_URL": "postgresql+psycopg://u@db/tt", "TWILIO_AUTH_TOKEN": "t",
      "PUBLIC_BASE_URL": "https://b.example"}, "DATABASE_URL"),
    ({"TWILIO_SMS_FROM": "555-1234"}, "TWILIO_SMS_FROM"),
    ({"TWILIO_WHATSAPP_FROM": "+15551230000"}, "TWILIO_WHATSAPP_FROM"),
    ({"TWILIO_API_BASE_URL": "fake-twilio"}, "TWILIO_API_BASE_URL"),
    ({"PUBLIC_BASE_URL": "bot.example.com"}, "PUBLIC_BASE_URL"),
    ({"OPENAI_BASE_URL": "ftp://x"}, "OPENAI_BASE_URL"),
    ({"CHROMA_PORT": "eighty"}, "CHROMA_PORT"),
    ({"OPENAI_TIMEOUT": "soon"}, "OPENAI_TIMEOUT"),
    ({"WHATSAPP_TEMPLATE_NUDGE": "template-1"}, "WHATSAPP_TEMPLATE_NUDGE"),
])
def test_malformed_setting_is_named(env, name):
    with pytest.raises(ConfigError, match=name):
        load_config(env)


PRODUCTION_SHAPED = [  # anything but the laptop setup: each must bring its own token
    {"DATABASE_URL": "postgresql://u@db/tt"},
    {"REDIS_URL": "redis://r:6379/0"},
    {"PUBLIC_BASE_URL": "https://bot.example.com"},
    {"DATABASE_URL": "postgresql://u@db/tt", "REDIS_URL": "redis://r:6379/0",
     "PUBLIC_BASE_URL": "https://bot.example.com"},
]


@pytest.mark.parametrize("env", PRODUCTION_SHAPED)
def test_no_token_outside_the_laptop_setup_refuses_to_start(env):
    with pytest.raises(ConfigError, match="TWILIO_AUTH_TOKEN is required outside the laptop setup"):
        load_config(env)


@pytest.mark.parametrize("env", PRODUCTION_SHAPED)
def test_the_repository_token_is_refused_outside_the_laptop_setup(env):
    with pytest.raises(ConfigError, match="TWILIO_AUTH_TOKEN is the local development token"):
        load_config({**env, "TWILIO_AUTH_TOKEN": DEV_AUTH_TOKEN, "PUBLIC_BASE_URL": "https://b.example"})


@pytest.mark.parametrize("env", [
    {"TWILIO_AUTH_TOKEN": "secret"},
    {"TWILIO_ACCOUNT_SID": "AC" + "a" * 32, "TWILIO_AUTH_TOKEN": "secret"},
    {"DATABASE_URL": "postgresql://u@db/tt", "TWILIO_AUTH_TOKEN": "secret"},
])
def test_public_base_url_is_required_when_twilio_is_configured(env):
    with pytest.raises(ConfigError, match="PUBLIC_BASE_URL is required"):
        load_config(env)


@pytest.mark.parametrize("given, used", [
    ("postgres://u:pw@db:5432/tt", "postgresql+psycopg2://u:pw@db:5432/tt"),
    ("postgresql://u:pw@db/tt", "postgresql+psycopg2://u:pw@db/tt"),
    ("postgresql+psycopg2://u@db/tt", "postgresql+psycopg2://u@db/tt"),
    ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
])
def test_hosted_database_urls_use_the_driver_we_ship(given, used):
    env = {"DATABASE_URL": given, "TWILIO_AUTH_TOKEN": "t", "PUBLIC_BASE_URL": "https://b.example"}
    assert load_config(env).database_url == used


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_a_hosted_database_url_boots_on_the_real_postgres(scheme):
    """What Heroku hands out must reach the database, not crash on a missing psycopg 3."""
    from sqlalchemy import text

    from storage.db import make_engine
    from tests.conftest import POSTGRES_URL

    url = POSTGRES_URL.replace("postgresql+psycopg2://", f"{scheme}://")
    env = {"DATABASE_URL": url, "TWILIO_AUTH_TOKEN": "t", "PUBLIC_BASE_URL": "https://b.example"}
    engine = make_engine(load_config(env).database_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar() == 1
    except Exception as exc:  # noqa: BLE001 - only an unreachable server may skip
        if "No module named" in str(exc) or isinstance(exc, ModuleNotFoundError):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    finally:
        engine.dispose()


@pytest.mark.parametrize("name, url", [
    ("REDIS_URL", "http://user:hunter2@r:6379"),
    ("REDIS_URL", "localhost://:hunter2@r:6379"),
    ("OPENAI_BASE_URL", "ftp://key:hunter2@llm.example.com/v1"),
    ("DATABASE_URL", "mysql://root:hunter2@db/tt"),
])
def test_start_up_errors_never_print_passwords(name, url):
    with pytest.raises(ConfigError, match=name) as error:
        load_config({name: url})
    assert "hunter2" not in str(error.value)


def test_wsgi_refuses_to_start_with_one_clear_line():
    env = {**os.environ, "DATABASE_URL": "mysql://nope"}
    result = subprocess.run([sys.executable, "-c", "import wsgi"], env=env, capture_output=True, text=True,
                            cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "TinyTummy cannot start: DATABASE_URL must start with sqlite://, postgres:// or postgresql:// "
        "(got 'mysql://nope')"]
