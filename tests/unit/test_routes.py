"""The handler registry: one list of routes gives the router, the classifier labels and help."""
from __future__ import annotations

import pytest

from bot.intents import INTENTS
from handlers import REGISTRY
from handlers.context import Reply
from handlers.routes import Route, Step, build


def _say(text: str):
    return lambda msg, ctx: Reply(text)


def test_classifier_labels_are_the_registry_labels():
    assert INTENTS == REGISTRY.labels
    assert len(INTENTS) == len(set(INTENTS)) == 14
    assert not {"photo", "voice", "media", "onboarding", "opted_out"} & set(INTENTS)


def test_every_step_has_one_owner_and_a_question():
    assert {"onboarding.birth_date", "meal.unknown", "account.confirm_delete", "photo.describe"} <= set(REGISTRY.steps)
    for name, step in REGISTRY.steps.items():
        assert step.name == name and callable(step.prompt)


def test_claims_run_highest_priority_first():
    order = [r.intent for r in REGISTRY.claims]
    assert order[0] == "opted_out"
    assert order.index("photo") < order.index("media") < order.index("question") < order.index("log_meal")
    priorities = [r.priority for r in REGISTRY.claims]
    assert priorities == sorted(priorities, reverse=True)


def test_help_lists_only_live_routes():
    lines = "\n".join(REGISTRY.help_lines())
    assert "oatmeal" in lines and "delete my data" in lines
    assert "meal ideas" not in lines  # the plan placeholder's line gave way to the live route's
    assert "invite grandma" in lines  # and so did caregiver's
    for command in ("export my data", "pediatrician report", '"chart"', "my page", "revoke link"):
        assert command in lines, command


def test_a_live_route_replaces_a_placeholder_whatever_the_order():
    placeholder = Route("plan", _say("not yet"), help="- plan", live=False)
    real = Route("plan", _say("here is a plan"), help="- plan")
    for routes in ([placeholder, real], [real, placeholder]):
        registry = build(routes)
        assert registry.by_intent["plan"] is real and registry.help_lines() == ["- plan"]


def test_two_live_routes_for_one_intent_are_refused():
    with pytest.raises(ValueError, match="two routes"):
        build([Route("plan", _say("a")), Route("plan", _say("b"))])


def test_two_owners_of_one_step_are_refused():
    step = Step("x.ask", lambda m, c, f: None, lambda c: "?")
    with pytest.raises(ValueError, match="two handlers own step"):
        build([Route("a", _say("a"), steps=(step,)), Route("b", _say("b"), steps=(step,))])


def test_a_new_intent_is_one_route():
    new = Route("recipes", _say("a recipe"), help="- \"recipes\" for ideas", claim=lambda m, c, f: True, priority=5)
    registry = build([*REGISTRY.routes, new])
    assert "recipes" in registry.labels and "- \"recipes\" for ideas" in registry.help_lines()
    assert registry.claims.index(new) > registry.claims.index(registry.by_intent["log_meal"])
