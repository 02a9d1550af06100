"""Daily nudges end to end in this process, on SQLite and the real Postgres, to the fake Twilio:
who is due at which instant (zones, DST, quiet hours, opt-outs, meals), once per person per day,
what the nudge says, and WhatsApp's window rules."""
from __future__ import annotations

import json
import threading
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from jobs.nudges import deliver_nudges, redrive_nudges, send_due
from jobs.outbox import send_outbound
from storage.meals import AllergenExposure
from storage.models import Child, Outbound, Person
from storage.nudges import Nudge
from tests.integration import test_outbox
from tests.integration.test_outbox import NUDGE_TEMPLATE, services_of, twilio_env
from tests.support import Phone, all_rows

make_app, twilio = test_outbox.make_app, test_outbox.twilio


@pytest.fixture
def app(make_app, twilio):
    return make_app(twilio_env(twilio))


class Parent(Phone):
    """A phone whose webhooks are signed for the app's public URL, as Twilio signs them."""

    def post(self, form: dict[str, str], url: str = f"{test_outbox.PUBLIC}/twilio/inbound"):
        return super().post(form, url)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def family(app, phone: str, zone: str, reminder: str = "19:00", child: str = "Maya", channel: str = "sms",
           last_whatsapp: str | None = None, sms: bool = True, allergy: str | None = None) -> int:
    """A household made with the operator command; the parent last wrote on `channel`."""
    args = ["household", "create", "--phone", phone, "--child", child, "--birth-date", "2025-03-01",
            "--timezone", zone, "--reminder", reminder] + (["--allergy", allergy] if allergy else [])
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 0, result.output
    services = services_of(app)
    with services.sessions() as s, s.begin():
        person = s.scalars(select(Person).where(Person.phone == phone)).one()
        person.last_channel = channel
        person.last_sms_at = services.clock() - timedelta(days=3) if sms else None
        person.last_whatsapp_at = utc(last_whatsapp) if last_whatsapp else None
        return person.id


def pass_at(app, clock, instant: str) -> dict[str, int]:
    clock.now = utc(instant)
    return send_due()


def nudges(app) -> list[Nudge]:
    return all_rows(app, Nudge)


def sent_to(twilio) -> list[str]:
    return [m["To"] for m in twilio.messages]


def test_due_at_the_reminder_time_in_each_zone(app, clock, twilio):
    family(app, "+12125550101", "America/New_York")  # 19:00 EST = 00:00 UTC next day
    family(app, "+13105550102", "America/Los_Angeles", "18:30")  # 18:30 PST = 02:30 UTC next day
    family(app, "+447700900103", "Europe/London")  # 19:00 GMT = 19:00 UTC
    family(app, "+919812345604", "Asia/Kolkata", "20:00")  # 20:00 IST = 14:30 UTC
    expected = [("2026-11-23T14:29:00", 0), ("2026-11-23T14:30:00", 1), ("2026-11-23T18:59:59", 0),
                ("2026-11-23T19:00:00", 1), ("2026-11-23T23:59:00", 0), ("2026-11-24T00:00:00", 1),
                ("2026-11-24T02:29:00", 0), ("2026-11-24T02:30:00", 1), ("2026-11-24T03:00:00", 0)]
    for instant, due in expected:
        assert pass_at(app, clock, instant) == {"due": due, "queued": due}, instant
    assert sent_to(twilio) == ["+919812345604", "+447700900103", "+12125550101", "+13105550102"]
    assert {n.local_date for n in nudges(app)} == {date(2026, 11, 23)}  # each one's own local day
    assert all(m["Body"].startswith("Nothing logged for Maya today yet") for m in twilio.messages)


def test_dst_change_days(app, clock, twilio):
    family(app, "+12125550111", "America/New_York")
    # 1 November 2026: clocks fell back at 02:00, so 19:00 is 00:00 UTC, not 23:00 UTC.
    assert pass_at(app, clock, "2026-11-01T23:00:00")["due"] == 0
    assert pass_at(app, clock, "2026-11-02T00:00:00")["due"] == 1
    # 8 March 2026: clocks sprang forward, so 19:00 is 23:00 UTC.
    assert pass_at(app, clock, "2026-03-08T22:59:00")["due"] == 0
    assert pass_at(app, clock, "2026-03-08T23:00:00")["due"] == 1
    assert sorted(n.local_date for n in nudges(app)) == [date(2026, 3, 8), date(2026, 11, 1)]


def test_quiet_hours_and_catching_up_within_the_day(app, clock, twilio):
    family(app, "+12125550121", "America/New_York", "19:00")
    family(app, "+12125550122", "America/New_York", "08:00")
    assert pass_at(app, clock, "2026-11-24T12:59:00")["due"] == 0  # 07:59: quiet hours
    assert pass_at(app, clock, "2026-11-24T13:00:00")["due"] == 1  # 08:00 reminder
    # The clock was down from 18:00 to 20:59 local: the 19:00 reminder is caught up at 20:59...
    assert pass_at(app, clock, "2026-11-25T01:59:00") == {"due": 1, "queued": 1}
    # ...but not once quiet hours have begun, nor the next morning for the day before.
    family(app, "+12125550123", "America/New_York", "20:30")
    assert pass_at(app, clock, "2026-11-25T02:00:00")["due"] == 0  # 21:00
    assert pass_at(app, clock, "2026-11-25T04:59:00")["due"] == 0  # 23:59
    assert pass_at(app, clock, "2026-11-25T12:00:00")["due"] == 0  # 07:00 the next day
    assert not [n for n in nudges(app) if n.person_id and n.local_date == date(2026, 11, 24)
                and n.due_at >= utc("2026-11-25T02:00:00")]
    assert len(twilio.messages) == 2


def test_opted_out_and_reminders_off_are_never_due(app, clock, twilio):
    family(app, "+12125550131", "America/New_York")
    family(app, "+12125550132", "America/New_York", "off")
    family(app, "+12125550133", "America/New_York")
    Parent(app, "+12125550133").say("STOP")
    assert pass_at(app, clock, "2026-11-24T00:30:00") == {"due": 1, "queued": 1}
    assert sent_to(twilio) == ["+12125550131"]


def test_a_meal_logged_just_before_the_reminder(app, clock, twilio):
    family(app, "+12125550141", "America/New_York")
    family(app, "+12125550142", "America/New_York", child="Leo")
    clock.now = utc("2026-11-23T23:59:00")  # 18:59 in New York
    assert "Logged Maya's" in Parent(app, "+12125550141").say("Maya had a banana")
    assert pass_at(app, clock, "2026-11-24T00:00:00") == {"due": 1, "queued": 1}
    assert sent_to(twilio) == ["+12125550142"]


def test_a_meal_logged_after_the_pass_but_before_the_send(app, clock, twilio):
    family(app, "+12125550145", "America/New_York")
    jobs: list = []
    clock.now = utc("2026-11-24T00:00:00")
    assert send_due(enqueue=lambda job, *args, **_: jobs.append((job, args)))["queued"] == 1
    Parent(app, "+12125550145").say("Maya had some oatmeal")
    for job, args in jobs:
        job(*args)
    [nudge] = nudges(app)
    assert (nudge.status, nudge.reason) == ("skipped", "a meal was logged meanwhile")
    assert twilio.messages == []


def test_two_passes_at_the_same_instant_send_one_nudge(app, clock, twilio):
    family(app, "+12125550151", "America/New_York")
    assert pass_at(app, clock, "2026-11-24T00:10:00") == {"due": 1, "queued": 1}
    assert pass_at(app, clock, "2026-11-24T00:10:00") == {"due": 0, "queued": 0}
    assert pass_at(app, clock, "2026-11-24T00:11:00") == {"due": 0, "queued": 0}
    assert len(twilio.messages) == 1 and len(nudges(app)) == 1


def test_a_retried_or_lost_job_still_sends_once(app, clock, twilio):
    family(app, "+12125550161", "America/New_York")
    family(app, "+12125550162", "America/New_York")
    lost: list = []
    clock.now = utc("2026-11-24T00:00:00")
    assert send_due(enqueue=lambda job, *args, **_: lost.append(args))["queued"] == 2  # Redis lost the job
    clock.advance(minutes=1)
    assert redrive_nudges() == 0  # not yet: it may still be on its way
    clock.advance(minutes=2)
    assert redrive_nudges() == 2
    [(ids,)] = lost
    deliver_nudges(ids)  # the lost job turns up after all, or RQ retries it
    for row in all_rows(app, Outbound):
        send_outbound(row.id)
    assert sorted(sent_to(twilio)) == ["+12125550161", "+12125550162"]


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_two_clocks_at_once(app, clock, twilio):
    people = [family(app, f"+1212555{n:04d}", "America/New_York") for n in range(170, 190)]
    clock.now = utc("2026-11-24T00:01:00")
    barrier = threading.Barrier(2)
    reports: list[dict[str, int]] = []
    jobs: list = []

    def clock_process() -> None:
        barrier.wait()
        reports.append(send_due(enqueue=lambda job, *args, **_: jobs.append((job, args))))

    threads = [threading.Thread(target=clock_process) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sum(r["queued"] for r in reports) == len(people)
    for job, args in jobs + jobs:  # every batch either clock enqueued, each run twice
        job(*args)
    assert sorted(sent_to(twilio)) == sorted(f"+1212555{n:04d}" for n in range(170, 190))
    assert len({n.person_id for n in nudges(app)}) == len(nudges(app)) == len(people)


def add_exposure(app, child_name: str, allergen: str, on: date) -> None:
    services = services_of(app)
    with services.sessions() as s, s.begin():
        child = s.scalars(select(Child).where(Child.name == child_name)).one()
        s.add(AllergenExposure(child_id=child.id, allergen=allergen, last_eaten_on=on, times=1))


def test_allergen_nudge_names_the_one_not_eaten_for_a_week(app, clock, twilio):
    family(app, "+12125550191", "America/New_York", child="Maya", allergy="milk")
    add_exposure(app, "Maya", "peanut", date(2026, 11, 15))  # 8 days before the 23rd
    add_exposure(app, "Maya", "sesame", date(2026, 11, 20))  # 3 days: fine
    add_exposure(app, "Maya", "milk", date(2026, 11, 1))  # older, but she is allergic to milk
    pass_at(app, clock, "2026-11-24T00:00:00")
    [message] = twilio.messages
    assert message["Body"].startswith("Maya last had peanuts 8 days ago")
    assert "milk" not in message["Body"] and "sesame" not in message["Body"]
    assert nudges(app)[0].variant == "allergen"


def test_no_allergen_nudge_within_the_week(app, clock, twilio):
    family(app, "+12125550192", "America/New_York")
    add_exposure(app, "Maya", "egg", date(2026, 11, 17))  # 6 days
    pass_at(app, clock, "2026-11-24T00:00:00")
    assert twilio.messages[0]["Body"].startswith("Nothing logged for Maya")


def test_streak_at_stake_or_a_refused_food(app, clock, twilio):
    family(app, "+12125550193", "America/New_York")
    parent = Parent(app, "+12125550193")
    for day in (20, 21, 22):
        clock.now = utc(f"2026-11-{day}T17:00:00")
        parent.say("Maya had oatmeal" if day != 22 else "Maya had oatmeal and refused the broccoli")
    words = {"streak": "Day 4 for Maya! What did Maya have today?",
             "retry": "Maya turned down broccoli once. Little ones often need many tries"}
    pass_at(app, clock, "2026-11-24T00:00:00")  # the 23rd: a 3-day streak at stake, and the broccoli
    pass_at(app, clock, "2026-11-25T00:00:00")  # the 24th: the streak is gone, the broccoli is not
    first, second = nudges(app)
    assert first.variant in ("streak", "retry") and second.variant == "retry"
    assert twilio.messages[0]["Body"].startswith(words[first.variant])
    assert twilio.messages[1]["Body"].startswith(words["retry"])
    assert all(m["Body"].endswith('Just reply with it, like "pasta and peas".') for m in twilio.messages)


def test_whatsapp_inside_the_window_goes_free_form(app, clock, twilio):
    family(app, "+12125550201", "America/New_York", channel="whatsapp", last_whatsapp="2026-11-23T12:00:00",
           sms=False)
    pass_at(app, clock, "2026-11-24T00:00:00")  # 19:00, the window is open until noon UTC tomorrow
    [message] = twilio.messages
    assert message["To"] == "whatsapp:+12125550201" and "ContentSid" not in message


def test_whatsapp_nudge_goes_early_while_the_window_is_open(app, clock, twilio):
    # She last wrote at 14:00 New York time yesterday: the window closes at 14:00 today, before 19:00.
    family(app, "+12125550202", "America/New_York", channel="whatsapp", last_whatsapp="2026-11-22T19:00:00",
           sms=False)
    assert pass_at(app, clock, "2026-11-23T18:29:00")["due"] == 0  # 13:29
    assert pass_at(app, clock, "2026-11-23T18:30:00")["due"] == 1  # 13:30, half an hour before it closes
    [message] = twilio.messages
    assert message["To"] == "whatsapp:+12125550202" and "ContentSid" not in message


def test_whatsapp_window_closed_to_a_us_number_without_sms_is_skipped_with_the_reason(make_app, twilio, clock):
    app = make_app(twilio_env(twilio, WHATSAPP_TEMPLATE_NUDGE=NUDGE_TEMPLATE))
    family(app, "+12125550203", "America/New_York", channel="whatsapp", last_whatsapp="2026-11-20T12:00:00",
           sms=False)
    assert pass_at(app, clock, "2026-11-24T00:00:00")["queued"] == 1
    [nudge] = nudges(app)
    assert nudge.status == "skipped" and "+1 numbers" in nudge.reason and "no SMS opt-in" in nudge.reason
    assert twilio.attempts == [] and all_rows(app, Outbound) == []


def test_whatsapp_window_closed_falls_back_to_sms_where_opted_in(app, clock, twilio):
    family(app, "+12125550204", "America/New_York", channel="whatsapp", last_whatsapp="2026-11-20T12:00:00",
           sms=True)
    pass_at(app, clock, "2026-11-24T00:00:00")
    [message] = twilio.messages
    assert message["To"] == "+12125550204" and message["From"] == test_outbox.SMS_FROM


def test_whatsapp_window_closed_outside_the_us_sends_the_template(make_app, twilio, clock):
    app = make_app(twilio_env(twilio, WHATSAPP_TEMPLATE_NUDGE=NUDGE_TEMPLATE))
    family(app, "+447700900205", "Europe/London", channel="whatsapp", last_whatsapp="2026-11-20T12:00:00",
           sms=False)
    pass_at(app, clock, "2026-11-23T19:00:00")
    [message] = twilio.messages
    assert message["ContentSid"] == NUDGE_TEMPLATE and "Body" not in message
    assert json.loads(message["ContentVariables"])["1"].startswith("Nothing logged for Maya")


def test_whatsapp_window_closed_without_a_template_or_sms_is_skipped(app, clock, twilio):
    family(app, "+447700900206", "Europe/London", channel="whatsapp", last_whatsapp="2026-11-20T12:00:00",
           sms=False)
    pass_at(app, clock, "2026-11-23T19:00:00")
    [nudge] = nudges(app)
    assert nudge.status == "skipped" and nudge.reason.startswith("WhatsApp window closed; no nudge template")
    assert twilio.attempts == []


def test_send_due_command_prints_one_json_line(app, clock, twilio):
    family(app, "+12125550211", "America/New_York")
    runner = app.test_cli_runner()
    first = runner.invoke(args=["nudges", "send-due", "--at", "2026-11-24T00:05:00+00:00"])
    again = runner.invoke(args=["nudges", "send-due", "--at", "2026-11-23T19:05:00-05:00"])
    assert json.loads(first.output.strip().splitlines()[-1]) == {"due": 1, "queued": 1}
    assert json.loads(again.output.strip().splitlines()[-1]) == {"due": 0, "queued": 0}
    assert runner.invoke(args=["nudges", "send-due", "--at", "tomorrow"]).exit_code != 0
    assert len(twilio.messages) == 1


@pytest.mark.parametrize("reminder, problem", [("22:00", "quiet hours"), ("07:59", "quiet hours"),
                                               ("7pm", "not HH:MM")])
def test_household_create_refuses_reminders_in_quiet_hours(app, reminder, problem):
    result = app.test_cli_runner().invoke(args=["household", "create", "--phone", "+12125550221", "--child", "Leo",
                                                "--birth-date", "2025-01-15", "--reminder", reminder])
    assert result.exit_code != 0 and problem in result.output


def test_household_create_reminder_off(app):
    family(app, "+12125550222", "America/New_York", "off")
    [person] = all_rows(app, Person)
    assert person.reminders_on is False
