"""With OPENAI_API_KEY, unsure messages go to the LLM (a loopback OpenAI-compatible server)."""
from __future__ import annotations

import json

import pytest

from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.support import Phone, build_app, truncate_all


@pytest.fixture
def llm_app(database_url, clock, tmp_path):
    with FakeOpenAI() as fake:
        app = build_app(database_url, clock, tmp_path, env={
            "OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": fake.base_url, "OPENAI_TIMEOUT": "1"})
        runner = app.test_cli_runner()
        runner.invoke(args=["household", "create", "--phone", "+12125550150", "--child", "Maya",
                            "--birth-date", "2025-06-01"])
        yield app, fake
        truncate_all(app.extensions["tinytummy"].engine)


def test_confident_messages_never_reach_the_llm(llm_app):
    app, fake = llm_app
    Phone(app, "+12125550150").say("help")
    Phone(app, "+12125550150").say("thank you!")
    assert fake.requests == []


def test_unsure_message_is_routed_by_the_llm(llm_app):
    app, fake = llm_app
    fake.respond_with(json.dumps({"intent": "settings"}))
    reply = Phone(app, "+12125550150").say("hmm 8ish maybe")
    assert len(fake.requests) == 1
    sent = fake.requests[0]
    assert sent["response_format"]["type"] == "json_schema"
    assert "Your settings" in reply or "remind" in reply.lower()


@pytest.mark.parametrize("failure", [Reply.error(500), Reply.slow(3.0), Reply("not json at all")])
def test_llm_failure_falls_back_to_the_local_classifier(llm_app, failure):
    app, fake = llm_app
    fake.script(failure)
    reply = Phone(app, "+12125550150").say("hmm 8ish maybe")
    assert reply  # answered locally, no error
