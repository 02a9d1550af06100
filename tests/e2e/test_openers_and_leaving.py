"""A hello before the real message, and asking to stop and erase at once, through the signed webhook."""
from __future__ import annotations

from storage.meals import Meal
from storage.models import Person
from tests.support import all_rows, household


def test_a_hello_before_a_meal_adds_nothing_to_the_reply(app):
    parent = household(app, "+12125550341", "Maya", "2025-06-01")
    reply = parent.say("morning!! she had porridge and a pear")
    assert reply.startswith("Logged Maya's")
    assert "Hi!" not in reply and "HELP" not in reply
    assert len(all_rows(app, Meal)) == 1


def test_thanks_before_a_request_gets_only_the_request_answered(app):
    parent = household(app, "+12125550342", "Leo", "2025-01-15")
    assert "welcome" not in parent.say("thank you! what's my streak?").lower()
    assert "welcome" in parent.say("thank you!").lower()  # on its own, thanks is answered


def test_stop_and_erase_together_stops_now_and_says_how_to_erase(app):
    parent = household(app, "+12125550343", "Ava", "2025-03-01")
    reply = parent.say("please stop texting me and erase our data")
    [person] = all_rows(app, Person)
    if person.opted_out_at is None:  # an unsure opt-out is asked first
        assert "Reply STOP" in reply
        reply = parent.say("STOP")
        [person] = all_rows(app, Person)
    else:
        assert '"delete my data"' in reply
    assert person.opted_out_at is not None
    assert "unsubscribed" in reply


def test_news_about_family_or_a_birthday_changes_nothing_and_gets_a_calm_reply(app):
    from storage.models import Child

    parent = household(app, "+12125550344", "Nia", "2025-02-10")
    for news in ("my aunt is coming to stay for the weekend", "it's her birthday party on sunday!",
                 "her birthday is coming up soon", "grandma is visiting, she brought cookies"):
        reply = parent.say(news)
        assert reply.startswith("Thanks for telling me!") and "invite" not in reply and "couldn't read" not in reply, (news, reply)
    [child] = all_rows(app, Child)
    assert str(child.birth_date) == "2025-02-10"  # a party mentioned is not a new birth date
    assert all_rows(app, Meal) == []


def test_a_meal_said_eaten_without_its_foods_is_asked_about_not_refused(app):
    parent = household(app, "+12125550345", "Nia", "2024-10-10")
    reply = parent.say("she bumped her head at soft play, cried for a minute, then ate her whole lunch and is playing fine")
    assert reply.startswith("Glad to hear Nia ate lunch! What was on the menu?"), reply
    assert all_rows(app, Meal) == []
    assert parent.say("1/2 cup pasta and peas").startswith("Logged Nia's")
