"""Photo meals and voice notes end to end: signed webhook in, real jobs, fake Twilio and OpenAI."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from jobs.media import IMAGE_TYPES, MediaRefused, fetch
from storage.meals import Meal
from storage.models import Inbound
from tests.fakes.openai_server import FakeOpenAI
from tests.fakes.twilio_server import FakeTwilio
from tests.support import Phone, all_rows, build_app, make_form, truncate_all

JPEG = b"\xff\xd8\xff\xe0" + b"plate" * 200
PLATE = json.dumps({"items": [{"food": "pasta", "amount": 0.5, "unit": "cup"},
                              {"food": "peas", "amount": 0.25, "unit": "cup"}], "confidence": 0.92})


@pytest.fixture
def world(database_url, clock, tmp_path, chroma_path, request):
    """The app with Twilio credentials pointed at a fake Twilio, and (optionally) a fake OpenAI."""
    with FakeTwilio() as twilio, FakeOpenAI() as openai:
        env = {"CHROMA_PATH": chroma_path, "TWILIO_ACCOUNT_SID": twilio.account_sid,
               "TWILIO_AUTH_TOKEN": twilio.auth_token, "TWILIO_API_BASE_URL": twilio.base_url,
               "TWILIO_SMS_FROM": "+15550006789", "TWILIO_WHATSAPP_FROM": "whatsapp:+15550006789"}
        if getattr(request, "param", "llm") == "llm":
            env.update(OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=openai.base_url, OPENAI_TIMEOUT="2")
        app = build_app(database_url, clock, tmp_path, env=env)
        result = app.test_cli_runner().invoke(args=["household", "create", "--phone", "+12125550200", "--child",
                                                    "Maya", "--birth-date", "2025-08-01"])
        assert result.exit_code == 0, result.output
        yield app, twilio, openai
        truncate_all(app.extensions["tinytummy"].engine)


def photo_form(twilio: FakeTwilio, name: str = "plate.jpg", caption: str = "", content_type: str = "image/jpeg",
               data: bytes = JPEG, redirect: bool = True, **extra) -> dict[str, str]:
    url = twilio.add_media(name, data, content_type, redirect=redirect)
    return make_form("+12125550200", caption, NumMedia="1", MediaUrl0=url, MediaContentType0=content_type, **extra)


def meals_of(app) -> list[Meal]:
    return all_rows(app, Meal, load=("items",))


def test_photo_is_acknowledged_analysed_and_logged_once(world):
    app, twilio, openai = world
    openai.respond_with(PLATE)
    phone = Phone(app, "+12125550200")
    form = photo_form(twilio)
    first = phone.post(form)
    assert "looking at Maya's plate" in first.get_data(as_text=True)
    for _ in range(3):  # Twilio redelivers the webhook
        assert phone.post(form).get_data(as_text=True) == first.get_data(as_text=True)
    from jobs.photos import analyze_photo
    with app.extensions["tinytummy"].sessions() as s:
        inbound_id = s.scalars(select(Inbound.id).where(Inbound.sid == form["MessageSid"])).one()
    analyze_photo(inbound_id)  # the job runs a second time
    [meal] = meals_of(app)
    assert {i.name for i in meal.items} == {"pasta", "peas"} and meal.photo_url == form["MediaUrl0"]
    assert len(twilio.messages) == 1 and twilio.messages[0]["Body"].startswith("Logged Maya's")
    assert twilio.media_requests and twilio.media_requests[0]["authorized"]
    vision = openai.requests[-1]["messages"][1]["content"]
    assert any(part.get("type") == "image_url" for part in vision)


def test_unsure_vision_asks_the_parent_to_confirm(world):
    app, twilio, openai = world
    openai.respond_with(json.dumps({"items": [{"food": "pasta", "amount": 0.5, "unit": "cup"}], "confidence": 0.4}))
    phone = Phone(app, "+12125550200")
    phone.post(photo_form(twilio))
    assert twilio.messages[-1]["Body"].startswith("Looks like 0.5 cup pasta?")
    assert phone.say("YES").startswith("Logged Maya's")
    assert len(meals_of(app)) == 1


@pytest.mark.parametrize("world", ["local"], indirect=True)
def test_without_a_key_a_text_soon_after_describes_the_photo(world, clock):
    app, twilio, _ = world
    phone = Phone(app, "+12125550200")
    ack = phone.post(photo_form(twilio)).get_data(as_text=True)
    assert "Got the photo of Maya's plate" in ack
    clock.advance(seconds=20)
    assert phone.say("pasta and peas").startswith("Logged Maya's")
    [meal] = meals_of(app)
    assert meal.photo_url and len(meal.items) == 2
    assert twilio.media_requests == []  # nothing to fetch without a vision model


@pytest.mark.parametrize("world", ["local"], indirect=True)
def test_without_a_key_the_caption_describes_the_photo(world):
    app, twilio, _ = world
    reply = Phone(app, "+12125550200").post(photo_form(twilio, caption="1/2 cup pasta")).get_data(as_text=True)
    assert "Logged Maya" in reply
    [meal] = meals_of(app)
    assert meal.photo_url


@pytest.mark.parametrize("world", ["local"], indirect=True)
def test_caption_first_then_photo_is_one_meal(world, clock):
    app, twilio, _ = world
    phone = Phone(app, "+12125550200")
    phone.say("1/2 cup pasta and peas")
    clock.advance(seconds=15)
    assert "Added the photo" in phone.post(photo_form(twilio)).get_data(as_text=True)
    [meal] = meals_of(app)
    assert meal.photo_url


@pytest.mark.parametrize("world", ["local"], indirect=True)
def test_undescribed_photo_gets_exactly_one_question(world, clock):
    from jobs.photos import ask_about_stale_photos

    app, twilio, _ = world
    Phone(app, "+12125550200").post(photo_form(twilio))
    clock.advance(minutes=5)
    assert ask_about_stale_photos() == 0
    clock.advance(minutes=6)
    assert ask_about_stale_photos() == 1
    assert ask_about_stale_photos() == 0
    assert [m["Body"] for m in twilio.messages] == [
        "What was on Maya's plate in the photo you sent? Text me and I'll log it."]


def test_voice_note_is_transcribed_and_handled_as_text(world):
    app, twilio, openai = world
    openai.respond_with("Maya had a banana", endpoint="transcriptions")
    phone = Phone(app, "+12125550200")
    url = twilio.add_media("note.ogg", b"OggS" + b"\0" * 100, "audio/ogg")
    ack = phone.say("", NumMedia="1", MediaUrl0=url, MediaContentType0="audio/ogg")
    assert "Listening" in ack
    assert twilio.messages[-1]["Body"].startswith('I heard: "Maya had a banana"\nLogged Maya\'s')
    assert len(meals_of(app)) == 1


@pytest.mark.parametrize("world", ["local"], indirect=True)
def test_voice_note_without_a_key_asks_for_text(world):
    app, twilio, _ = world
    reply = Phone(app, "+12125550200").say("", NumMedia="1", MediaUrl0=twilio.add_media("n.ogg", b"x", "audio/ogg"),
                                           MediaContentType0="audio/ogg")
    assert "type it" in reply


def test_heic_is_refused_politely(world):
    app, twilio, _ = world
    reply = Phone(app, "+12125550200").post(photo_form(twilio, "p.heic", content_type="image/heic"))
    assert "JPEG, PNG and WEBP" in reply.get_data(as_text=True)


class TestMediaFetch:
    """The downloader refuses anything that is not Twilio media, before or during the fetch."""

    def fetch(self, twilio: FakeTwilio, url: str, **kw):
        return fetch(url, account_sid=twilio.account_sid, auth_token=twilio.auth_token,
                     api_base_url=twilio.base_url, allowed_types=IMAGE_TYPES, **kw)

    def test_twilio_media_with_redirect_is_fetched(self):
        with FakeTwilio() as twilio:
            got = self.fetch(twilio, twilio.add_media("a.jpg", JPEG, "image/jpeg", redirect=True))
            assert got.data == JPEG and got.content_type == "image/jpeg"

    @pytest.mark.parametrize("url", ["https://evil.example.com/a.jpg", "http://api.twilio.com/a.jpg",
                                     "ftp://api.twilio.com/a.jpg", "https://twiliocdn.com.evil.io/a.jpg",
                                     "http://169.254.169.254/latest/meta-data", "http://localhost:1/a.jpg"])
    def test_other_hosts_are_refused_without_a_request(self, url):
        with FakeTwilio() as twilio:
            with pytest.raises(MediaRefused):
                self.fetch(twilio, url)
            assert twilio.media_requests == []

    def test_loopback_that_is_not_the_configured_host_is_refused(self):
        with FakeTwilio() as configured, FakeTwilio() as other:
            url = other.add_media("a.jpg", JPEG, "image/jpeg")
            with pytest.raises(MediaRefused):
                self.fetch(configured, url)
            assert other.media_requests == []

    def test_wrong_content_type_is_refused(self):
        with FakeTwilio() as twilio:
            with pytest.raises(MediaRefused, match="content type"):
                self.fetch(twilio, twilio.add_media("a.html", b"<html>", "text/html"))

    def test_oversized_media_is_cut_short(self):
        with FakeTwilio() as twilio:
            url = twilio.add_media("big.jpg", b"\xff" * (10 * 1024 * 1024 + 10), "image/jpeg")
            with pytest.raises(MediaRefused, match="limit"):
                self.fetch(twilio, url)
