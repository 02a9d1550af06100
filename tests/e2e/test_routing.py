"""The router through the signed webhook: a registered route is reached, and a pending step never
swallows a message that is not its answer."""
from __future__ import annotations

from sqlalchemy import select

from handlers.context import Reply
from handlers.routes import Route, build
from storage.meals import Meal
from storage.models import Child, Conversation, Person
from tests.support import Phone, all_rows, household


def _step(app, number: str) -> str | None:
    with app.extensions["tinytummy"].sessions() as s:
        person = s.scalars(select(Person).where(Person.phone == number)).one()
        return s.get(Conversation, person.id).step


def test_a_route_added_to_the_registry_is_reached(app, monkeypatch):
    import bot.router
    from handlers import REGISTRY

    ping = Route("ping", lambda msg, ctx: Reply("pong"), claim=lambda m, c, f: m.text.strip() == "ping",
                 priority=60)
    monkeypatch.setattr(bot.router, "REGISTRY", build([*REGISTRY.routes, ping]))
    parent = household(app, "+12125550301", "Maya", "2026-02-01")
    assert parent.say("ping") == "pong"


def test_a_question_during_onboarding_is_answered_then_the_step_asked_again(app, phone):
    for text in ("hello", "Leo", "skip", "none", "default"):
        phone.say(text)
    assert _step(app, phone.number) == "onboarding.timezone"
    reply = phone.say("how much benadryl can I give her")
    assert "pediatrician" in reply and "time zone" in reply.lower()
    assert "All set" in phone.say("Pacific")


def test_a_meal_during_onboarding_is_kept_and_the_step_asked_again(app, phone):
    phone.say("hi")
    phone.say("Maya")
    reply = phone.say("she just had 2 scrambled eggs and some toast")
    assert "born" in reply
    assert _step(app, phone.number) == "onboarding.birth_date"


def test_a_step_is_asked_again_at_most_twice_then_dropped(app, phone):
    phone.say("hi")
    phone.say("Maya")
    for _ in range(2):
        assert "born" in phone.say("what's the best first food for a baby?")
    assert "born" not in phone.say("what's the best first food for a baby?")
    assert _step(app, phone.number) is None


def test_a_garbled_short_answer_gets_the_steps_own_retry(app, phone):
    phone.say("hi")
    phone.say("Maya")
    assert "couldn't read that as a birth date" in phone.say("blorp")
    assert _step(app, phone.number) == "onboarding.birth_date"


def test_a_question_is_not_taken_as_the_unknown_food(app):
    parent = household(app, "+12125550302", "Maya", "2026-02-01")
    assert "didn't catch" in parent.say("2 zorbleflips")
    reply = parent.say("can he have sushi?")
    assert not reply.startswith("Logged") and "didn't catch 'zorbleflips'" in reply
    assert all_rows(app, Meal) == []


def test_a_meal_for_the_other_twin_goes_to_that_twin(app):
    parent = household(app, "+12125550303", "Mateo", "2025-02-01")
    parent.say("add a child")
    parent.say("Sofia")
    parent.say("2025-02-01")
    parent.say("none")
    assert "didn't catch" in parent.say("Mateo ate 2 zorbleflips and a banana")
    reply = parent.say("Sofia ate 1 banana")
    assert "Logged Sofia's" in reply
    sofia = next(c for c in all_rows(app, Child) if c.name == "Sofia")
    assert sum(m.child_id == sofia.id for m in all_rows(app, Meal)) == 1


def test_an_unrelated_message_does_not_cancel_a_delete_confirmation_silently(app):
    parent = household(app, "+12125550304", "Maya", "2026-02-01")
    assert "Reply DELETE" in parent.say("delete my data")
    reply = parent.say("she ate a banana")
    assert reply.startswith("Logged Maya's") and "Nothing is deleted" in reply
    assert "nothing was deleted" in parent.say("no")
    assert _step(app, parent.number) is None
    assert len(all_rows(app, Meal)) == 1


def test_media_route_answers_an_empty_message(app):
    parent = Phone(app, "+12125550305", channel="whatsapp")
    assert "Thanks for the pin" in parent.say("", MessageType="location", Latitude="40.7", Longitude="-74.0")


def test_a_route_that_reads_part_of_a_message_hands_the_rest_on(app, monkeypatch):
    """Any route may consume only the start of a message: the rest is routed as a message of its own, after."""
    import bot.router
    from handlers import REGISTRY

    tag = Route("tag", lambda msg, ctx: Reply("Tagged.", rest=msg.text.removeprefix("#park ")),
                claim=lambda m, c, f: m.text.startswith("#park "), priority=60)
    monkeypatch.setattr(bot.router, "REGISTRY", build([*REGISTRY.routes, tag]))
    parent = household(app, "+12125550306", "Maya", "2025-02-01")
    reply = parent.say("#park she had a banana and 2 crackers")
    assert reply.startswith("Tagged.\n\nLogged Maya's")
    assert len(all_rows(app, Meal)) == 1
    assert parent.say("#park thanks!") == "Tagged."  # a hello left over adds nothing
