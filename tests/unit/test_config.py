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


def test_wsgi_refuses_to_start_with_one_clear_line():
    env = {**os.environ, "DATABASE_URL": "mysql://nope"}
    result = subprocess.run([sys.executable, "-c", "import wsgi"], env=env, capture_output=True, text=True,
                            cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "TinyTummy cannot start: DATABASE_URL must start with sqlite:// or postgresql:// (got 'mysql://nope')"]
