"""A contact card shared by a parent becomes an invite proposal (fake Twilio serves the vCard)."""
from __future__ import annotations

import pytest

from storage.caregivers import Invite
from tests.integration.test_photos import world  # noqa: F401 - the fixture: app, fake Twilio, fake OpenAI
from tests.support import Phone, all_rows, make_form

PARENT = "+12125550200"
CARD = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Jones;Grandma;;;\r\nFN:Grandma Jones\r\n"
        "TEL;type=HOME:+1 415 555 0100\r\nitem1.TEL;type=CELL;waid=14155550134:+1 415-555-0134\r\nEND:VCARD\r\n")


def card_form(twilio, data: str, channel: str = "whatsapp", sender: str = PARENT) -> dict[str, str]:
    url = twilio.add_media("contact.vcf", data.encode(), "text/vcard", redirect=True)
    extra = {"MessageType": "contacts"} if channel == "whatsapp" else {}
    return make_form(sender, "", channel, NumMedia="1", MediaUrl0=url, MediaContentType0="text/vcard", **extra)


@pytest.mark.parametrize("world", ["local"], indirect=True)
@pytest.mark.parametrize("channel", ["whatsapp", "sms"])
def test_a_shared_contact_card_is_confirmed_then_invited(world, channel):
    app, twilio, _ = world
    parent = Phone(app, PARENT, channel=channel)
    reply = parent.post(card_form(twilio, CARD, channel)).get_data(as_text=True)
    assert "Got the contact card" in reply
    question = twilio.bodies()[-1]
    assert "Invite Grandma Jones (+1 415-555-0134)" in question and "for Maya" in question
    assert all_rows(app, Invite) == []  # nothing is sent to the contact before the parent says yes
    assert "Invite sent" in parent.say("yes")
    [invite] = all_rows(app, Invite)
    assert (invite.phone, invite.name) == ("+14155550134", "Grandma Jones")
    assert "Reply JOIN" in twilio.bodies()[-1]


@pytest.mark.parametrize("world", ["local"], indirect=True)
def test_a_card_without_a_number_is_explained(world):
    app, twilio, _ = world
    parent = Phone(app, PARENT, channel="whatsapp")
    parent.post(card_form(twilio, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Somebody\r\nEND:VCARD\r\n"))
    assert "couldn't find a phone number" in twilio.bodies()[-1]
    assert all_rows(app, Invite) == []


@pytest.mark.parametrize("world", ["local"], indirect=True)
def test_a_caregiver_cannot_invite_by_card(world):
    import re

    app, twilio, _ = world
    parent = Phone(app, PARENT)
    parent.say("invite nanny +1 415 555 0150")
    parent.say("yes")
    nanny = Phone(app, "+14155550150", channel="whatsapp")
    assert "Welcome" in nanny.say("JOIN " + re.search(r"JOIN (\d{6})", twilio.bodies()[-1]).group(1))
    reply = nanny.post(card_form(twilio, CARD, sender=nanny.number)).get_data(as_text=True)
    assert "Got the contact card" not in reply
    assert [i.phone for i in all_rows(app, Invite)] == ["+14155550150"]
