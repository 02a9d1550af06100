"""The outbox against a loopback fake of Twilio's REST API, on SQLite and the real Postgres.

The real twilio client sends to FakeTwilio (TWILIO_API_BASE_URL); jobs run in this process.
"""
from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest

from bot.sender import SendResult, classify_error
from jobs.outbox import SendFailed, queue_message, queue_window_fallback, send_outbound, template_text
from jobs.queue import MAX_RUNS, ThreadJobs, TryAgain
from jobs.sweeper import resend_stuck
from storage.messages import record_delivery
from storage.models import Outbound, Person
from tests.fakes.twilio_server import FakeTwilio
from tests.support import build_app, sign, truncate_all

SMS_FROM, WA_FROM = "+15550006789", "whatsapp:+15550006789"
PUBLIC = "https://tinytummy.example.org"
NUDGE_TEMPLATE = "HX" + "a" * 32


@pytest.fixture
def twilio():
    with FakeTwilio() as fake:
        yield fake


def twilio_env(fake: FakeTwilio, **extra: str) -> dict[str, str]:
    return {"TWILIO_ACCOUNT_SID": fake.account_sid, "TWILIO_AUTH_TOKEN": fake.auth_token,
            "TWILIO_API_BASE_URL": fake.base_url, "TWILIO_SMS_FROM": SMS_FROM,
            "TWILIO_WHATSAPP_FROM": WA_FROM, "PUBLIC_BASE_URL": PUBLIC, **extra}


@pytest.fixture
def make_app(database_url, clock, tmp_path):
    """Build the app with extra settings; cleaned up after the test."""
    built = []

    def make(env: dict[str, str]):
        app = build_app(database_url, clock, tmp_path, env=env)
        built.append(app)
        return app

    yield make
    for app in built:
        services = app.extensions["tinytummy"]
        truncate_all(services.engine)
        services.engine.dispose()


@pytest.fixture
def outbox(make_app, twilio):
    return make_app(twilio_env(twilio))


def services_of(app):
    return app.extensions["tinytummy"]


def add_person(app, phone="+15551230001", channel="sms", sms_ago=None, whatsapp_ago=None,
               opted_out=False) -> int:
    services = services_of(app)
    now = services.clock()
    with services.sessions() as s, s.begin():
        person = Person(phone=phone, created_at=now, reminders_on=True, last_channel=channel,
                        last_sms_at=now - sms_ago if sms_ago is not None else None,
                        last_whatsapp_at=now - whatsapp_ago if whatsapp_ago is not None else None,
                        opted_out_at=now if opted_out else None)
        s.add(person)
        s.flush()
        return person.id


def queue(app, person_id: int, body="Time for lunch: how about lentils?", kind="nudge", key=None,
          channel=None) -> int:
    services = services_of(app)
    with services.sessions() as s, s.begin():
        person = s.get(Person, person_id)
        row = queue_message(s, person=person, body=body, kind=kind, key=key or f"{kind}:{person_id}:{body[:20]}",
                            now=services.clock(), channel=channel)
        return row.id


def row_of(app, outbound_id: int) -> Outbound:
    with services_of(app).sessions() as s:
        return s.get(Outbound, outbound_id)


def person_of(app, person_id: int) -> Person:
    with services_of(app).sessions() as s:
        return s.get(Person, person_id)


# -- sending once ---------------------------------------------------------------------------------
def test_queued_message_is_sent_once_with_status_callback(outbox, twilio):
    outbound_id = queue(outbox, add_person(outbox, sms_ago=timedelta(hours=1)))
    assert send_outbound(outbound_id) == "sent"
    assert send_outbound(outbound_id) == "sent"  # a second run finds it sent and does nothing
    assert twilio.messages == [{"To": "+15551230001", "From": SMS_FROM, "Body": "Time for lunch: how about lentils?",
                                "StatusCallback": f"{PUBLIC}/twilio/status"}]
    row = row_of(outbox, outbound_id)
    assert (row.status, row.attempts, row.error_code, row.channel) == ("sent", 1, None, "sms")
    assert row.sid in twilio.resources and row.sent_at == services_of(outbox).clock()


def test_queue_message_is_idempotent_by_key_and_defaults_to_last_channel(outbox, twilio, clock):
    person_id = add_person(outbox, channel="whatsapp", whatsapp_ago=timedelta(hours=2))
    first = queue(outbox, person_id, key="answer:1")
    assert queue(outbox, person_id, key="answer:1") == first
    services_of(outbox).dispatch([(send_outbound, (first,), None)])  # what the pipeline does after commit
    assert [m["To"] for m in twilio.messages] == ["whatsapp:+15551230001"]
    assert twilio.messages[0]["From"] == WA_FROM
    with services_of(outbox).sessions() as s, pytest.raises(ValueError):
        queue_message(s, person=s.get(Person, person_id), body="  ", kind="nudge", key="x", now=clock())


def test_sms_text_is_folded_to_gsm7(outbox, twilio):
    outbound_id = queue(outbox, add_person(outbox, sms_ago=timedelta(hours=1)), body="Zoë’s “lunch” ❤️ done")
    send_outbound(outbound_id)
    assert twilio.bodies() == ['Zoe\'s "lunch" done']


def test_two_threads_racing_send_each_message_once(outbox, twilio):
    person_id = add_person(outbox, sms_ago=timedelta(hours=1))
    ids = [queue(outbox, person_id, body=f"message {n}", key=f"race:{n}") for n in range(20)]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def racer() -> None:
        barrier.wait()
        for outbound_id in ids:
            outcomes.append(send_outbound(outbound_id))

    threads = [threading.Thread(target=racer) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(twilio.bodies()) == sorted(f"message {n}" for n in range(20))
    assert len(twilio.attempts) == 20
    assert {row_of(outbox, i).attempts for i in ids} == {1}
    assert set(outcomes) <= {"sent", "sending"} and len(outcomes) == 40


# -- retries --------------------------------------------------------------------------------------
@pytest.mark.parametrize("failure", [429, 500, 503, "disconnect"])
def test_passing_failure_is_retried_then_sent(outbox, twilio, failure):
    outbound_id = queue(outbox, add_person(outbox, sms_ago=timedelta(hours=1)))
    twilio.fail_next(failure)
    with pytest.raises(SendFailed) as raised:
        send_outbound(outbound_id)
    assert isinstance(raised.value, TryAgain)
    row = row_of(outbox, outbound_id)
    assert (row.status, row.attempts) == ("pending", 1)
    assert send_outbound(outbound_id) == "sent"
    assert len(twilio.attempts) == 2 and len(twilio.messages) == 1
    assert (row_of(outbox, outbound_id).attempts, row_of(outbox, outbound_id).error_code) == (2, None)


def test_twilio_unreachable_is_retried(make_app, twilio):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
    app = make_app({**twilio_env(twilio), "TWILIO_API_BASE_URL": closed})
    outbound_id = queue(app, add_person(app, sms_ago=timedelta(hours=1)))
    with pytest.raises(SendFailed):
        send_outbound(outbound_id)
    assert row_of(app, outbound_id).status == "pending"


def test_server_errors_stop_after_the_last_retry(outbox, twilio):
    outbound_id = queue(outbox, add_person(outbox, sms_ago=timedelta(hours=1)))
    twilio.fail_next(500, times=MAX_RUNS + 2)
    for _ in range(MAX_RUNS - 1):
        with pytest.raises(SendFailed):
            send_outbound(outbound_id)
    assert send_outbound(outbound_id) == "failed"
    assert send_outbound(outbound_id) == "failed"
    row = row_of(outbox, outbound_id)
    assert (row.status, row.error_code, row.attempts) == ("failed", 20500, MAX_RUNS)
    assert len(twilio.attempts) == MAX_RUNS and twilio.messages == []


def test_sweeper_redrives_a_failed_try_after_its_backoff(outbox, twilio, clock):
    outbound_id = queue(outbox, add_person(outbox, sms_ago=timedelta(hours=1)))
    twilio.fail_next(429)
    services_of(outbox).dispatch([(send_outbound, (outbound_id,), None)])  # in-process: logged, not raised
    assert row_of(outbox, outbound_id).status == "pending"
    clock.advance(seconds=30)
    assert resend_stuck() == 0  # younger than the sweeper's 2 minutes
    clock.advance(minutes=2)
    assert resend_stuck() == 1
    assert row_of(outbox, outbound_id).status == "sent" and len(twilio.messages) == 1
    clock.advance(minutes=10)
    assert resend_stuck() == 0


def test_sweeper_waits_out_the_backoff_and_survives_retries_run_inline(outbox, twilio, clock):
    """`flask worker` without Redis sweeps with run=job(*args): TryAgain must not escape it."""
    outbound_id = queue(outbox, add_person(outbox, sms_ago=timedelta(hours=1)))
    twilio.fail_next(503, times=2)
    inline = lambda job, *args: job(*args)  # noqa: E731
    services_of(outbox).dispatch([(send_outbound, (outbound_id,), None)])  # try 1 fails at once
    for seconds, due in [(5, 0), (6, 1), (49, 0), (11, 1)]:  # due again 10 s, then 70 s after creation
        clock.advance(seconds=seconds)
        assert resend_stuck(older_than=timedelta(0), run=inline) == due
    assert row_of(outbox, outbound_id).status == "sent" and len(twilio.attempts) == 3


def test_in_process_job_and_sweeper_together_send_once(outbox, twilio, clock):
    twilio.latency = 0.02  # keep both in flight at the same time
    person_id = add_person(outbox, sms_ago=timedelta(hours=1))
    ids = [queue(outbox, person_id, body=f"hello {n}", key=f"both:{n}") for n in range(30)]
    pool = ThreadJobs(workers=4)
    for outbound_id in ids:
        pool.enqueue(send_outbound, outbound_id)
    clock.advance(minutes=3)
    resend_stuck(run=lambda job, *args: job(*args))
    pool._pool.shutdown(wait=True)
    assert sorted(twilio.bodies()) == sorted(f"hello {n}" for n in range(30))
    assert len(twilio.attempts) == 30


def test_a_claim_left_behind_by_a_dead_process_is_marked_unknown_not_resent(outbox, twilio, clock):
    outbound_id = queue(outbox, add_person(outbox, sms_ago=timedelta(hours=1)))
    with services_of(outbox).sessions() as s, s.begin():
        s.get(Outbound, outbound_id).status = "sending"
    clock.advance(hours=2)
    assert resend_stuck() == 0
    assert row_of(outbox, outbound_id).status == "unknown" and twilio.attempts == []


# -- permanent failures ---------------------------------------------------------------------------
def test_unsubscribed_recipient_is_opted_out_and_never_retried(outbox, twilio, clock):
    person_id = add_person(outbox, sms_ago=timedelta(hours=1))
    outbound_id = queue(outbox, person_id)
    twilio.fail_next(21610)
    assert send_outbound(outbound_id) == "failed"
    row = row_of(outbox, outbound_id)
    assert (row.status, row.error_code, row.attempts) == ("failed", 21610, 1)
    assert person_of(outbox, person_id).opted_out_at == clock()
    clock.advance(hours=1)
    assert resend_stuck() == 0 and send_outbound(outbound_id) == "failed"
    later = queue(outbox, person_id, body="another nudge")
    assert send_outbound(later) == "skipped"
    assert len(twilio.attempts) == 1 and twilio.messages == []


@pytest.mark.parametrize("code", [21211, 21614])
def test_bad_number_fails_without_retry(outbox, twilio, code, clock):
    outbound_id = queue(outbox, add_person(outbox, sms_ago=timedelta(hours=1)))
    twilio.fail_next(code)
    assert send_outbound(outbound_id) == "failed"
    assert (row_of(outbox, outbound_id).status, row_of(outbox, outbound_id).error_code) == ("failed", code)
    clock.advance(hours=1)
    assert resend_stuck() == 0
    assert len(twilio.attempts) == 1


def test_opted_out_person_gets_nothing(outbox, twilio):
    outbound_id = queue(outbox, add_person(outbox, sms_ago=timedelta(hours=1), opted_out=True))
    assert send_outbound(outbound_id) == "skipped"
    assert row_of(outbox, outbound_id).status == "skipped" and twilio.attempts == []


def test_erased_message_is_not_sent(outbox, twilio):
    outbound_id = queue(outbox, add_person(outbox, sms_ago=timedelta(hours=1)))
    with services_of(outbox).sessions() as s, s.begin():  # what "delete my data" leaves behind
        row = s.get(Outbound, outbound_id)
        row.body, row.person_id = "", None
    assert send_outbound(outbound_id) == "skipped" and twilio.attempts == []


# -- the WhatsApp 24-hour window ------------------------------------------------------------------
UK = "+447700900001"  # a marketing template (a nudge) may go there; Meta delivers none to +1 numbers


def test_63016_falls_back_to_the_kinds_template(make_app, twilio):
    app = make_app(twilio_env(twilio, WHATSAPP_TEMPLATE_NUDGE=NUDGE_TEMPLATE))
    outbound_id = queue(app, add_person(app, UK, channel="whatsapp", whatsapp_ago=timedelta(hours=3)),
                        body="Lunch idea:\n*lentils* with carrots")
    twilio.fail_next(63016)
    assert send_outbound(outbound_id) == "sent"
    refused, template = twilio.attempts
    assert refused["Body"] == "Lunch idea:\n*lentils* with carrots" and "ContentSid" not in refused
    assert template["ContentSid"] == NUDGE_TEMPLATE and "Body" not in template
    assert json.loads(template["ContentVariables"]) == {"1": "Lunch idea: *lentils* with carrots"}
    assert template["To"] == f"whatsapp:{UK}" and template["StatusCallback"] == f"{PUBLIC}/twilio/status"
    assert row_of(app, outbound_id).channel == "whatsapp"


def test_63016_falls_back_to_sms_without_a_template(outbox, twilio):
    person_id = add_person(outbox, channel="whatsapp", whatsapp_ago=timedelta(hours=3), sms_ago=timedelta(days=9))
    outbound_id = queue(outbox, person_id, body="Zoë’s lunch ❤️")
    twilio.fail_next(63016)
    assert send_outbound(outbound_id) == "sent"
    refused, sms = twilio.attempts
    assert refused["To"] == "whatsapp:+15551230001"
    assert (sms["To"], sms["From"], sms["Body"]) == ("+15551230001", SMS_FROM, "Zoe's lunch")
    assert row_of(outbox, outbound_id).channel == "sms"


def test_63016_without_template_or_sms_fails(outbox, twilio):
    outbound_id = queue(outbox, add_person(outbox, channel="whatsapp", whatsapp_ago=timedelta(hours=3)))
    twilio.fail_next(63016)
    assert send_outbound(outbound_id) == "failed"
    assert (row_of(outbox, outbound_id).error_code, len(twilio.attempts)) == (63016, 1)


def test_closed_window_uses_the_template_without_trying_free_form(make_app, twilio):
    app = make_app(twilio_env(twilio, WHATSAPP_TEMPLATE_NUDGE=NUDGE_TEMPLATE))
    outbound_id = queue(app, add_person(app, UK, channel="whatsapp", whatsapp_ago=timedelta(hours=25)))
    assert send_outbound(outbound_id) == "sent"
    assert len(twilio.attempts) == 1
    assert twilio.messages[0]["ContentSid"] == NUDGE_TEMPLATE and "Body" not in twilio.messages[0]


def test_no_marketing_template_to_a_us_number(make_app, twilio):
    app = make_app(twilio_env(twilio, WHATSAPP_TEMPLATE_NUDGE=NUDGE_TEMPLATE,
                              WHATSAPP_TEMPLATE_RESULT="HX" + "c" * 32))
    texts_too = add_person(app, "+15551230001", channel="whatsapp", whatsapp_ago=timedelta(hours=25),
                           sms_ago=timedelta(days=3))
    whatsapp_only = add_person(app, "+15551230002", channel="whatsapp", whatsapp_ago=timedelta(hours=25))
    assert send_outbound(queue(app, texts_too)) == "sent"  # the nudge goes by SMS instead
    assert send_outbound(queue(app, whatsapp_only)) == "failed"  # no way at all
    assert send_outbound(queue(app, whatsapp_only, kind="result", key="photo")) == "sent"  # not marketing
    assert [(m["To"], m.get("ContentSid")) for m in twilio.attempts] == [
        ("+15551230001", None), ("whatsapp:+15551230002", "HX" + "c" * 32)]


def test_closed_window_without_template_goes_by_sms_or_not_at_all(outbox, twilio):
    texts_too = add_person(outbox, "+15551230001", channel="whatsapp", whatsapp_ago=timedelta(hours=25),
                           sms_ago=timedelta(days=3))
    whatsapp_only = add_person(outbox, "+15551230002", channel="whatsapp", whatsapp_ago=timedelta(hours=25))
    by_sms, nowhere = queue(outbox, texts_too), queue(outbox, whatsapp_only)
    assert send_outbound(by_sms) == "sent" and send_outbound(nowhere) == "failed"
    assert [m["To"] for m in twilio.attempts] == ["+15551230001"]
    assert (row_of(outbox, nowhere).status, row_of(outbox, nowhere).error_code) == ("failed", 63016)


def test_open_window_sends_free_form(make_app, twilio):
    app = make_app(twilio_env(twilio, WHATSAPP_TEMPLATE_NUDGE=NUDGE_TEMPLATE))
    outbound_id = queue(app, add_person(app, channel="whatsapp", whatsapp_ago=timedelta(hours=23, minutes=59)))
    send_outbound(outbound_id)
    assert "ContentSid" not in twilio.messages[0] and twilio.messages[0]["Body"]


def test_63016_reported_by_status_callback_queues_a_template_resend(make_app, twilio):
    """On the real Twilio 63016 usually arrives in the status callback, after a 201."""
    app = make_app(twilio_env(twilio, WHATSAPP_TEMPLATE_NUDGE=NUDGE_TEMPLATE))
    services = services_of(app)
    outbound_id = queue(app, add_person(app, UK, channel="whatsapp", whatsapp_ago=timedelta(hours=3)))
    send_outbound(outbound_id)
    sid = row_of(app, outbound_id).sid
    with services.sessions() as s, s.begin():
        record_delivery(s, sid, "failed", 63016, services.clock())
        again = queue_window_fallback(s, sid=sid, now=services.clock())
        assert queue_window_fallback(s, sid=sid, now=services.clock()).id == again.id
        resend_id = again.id
    assert send_outbound(resend_id) == "sent"
    assert twilio.messages[-1]["ContentSid"] == NUDGE_TEMPLATE
    with services.sessions() as s, s.begin():
        assert queue_window_fallback(s, sid=row_of(app, resend_id).sid, now=services.clock()) is None


# -- status callbacks and the sender port ---------------------------------------------------------
def test_callback_that_beats_our_write_is_kept(outbox, twilio):
    services = services_of(outbox)
    real_send = services.sender
    client = outbox.test_client()

    def send_and_deliver_at_once(delivery):
        result = real_send(delivery)
        form = {"MessageSid": result.sid, "MessageStatus": "delivered", "AccountSid": twilio.account_sid}
        response = client.post("/twilio/status", data=form,
                               headers={"X-Twilio-Signature": sign(f"{PUBLIC}/twilio/status", form, twilio.auth_token)})
        assert response.status_code == 204
        return result

    from jobs.runtime import current
    current().send = send_and_deliver_at_once
    outbound_id = queue(outbox, add_person(outbox, sms_ago=timedelta(hours=1)))
    assert send_outbound(outbound_id) == "delivered"
    assert row_of(outbox, outbound_id).status == "delivered"


def test_a_broken_sender_marks_the_outcome_unknown(outbox, twilio):
    from jobs.runtime import current

    def broken(delivery):
        raise RuntimeError("bug")

    current().send = broken
    outbound_id = queue(outbox, add_person(outbox, sms_ago=timedelta(hours=1)))
    assert send_outbound(outbound_id) == "unknown"
    assert row_of(outbox, outbound_id).status == "unknown"


@pytest.mark.parametrize("status, code, retry, permanent", [
    (429, 20429, True, False), (500, 20500, True, False), (503, 20503, True, False), (502, None, True, False),
    (400, 21610, False, True), (400, 21211, False, True), (400, 21614, False, True), (400, 63016, False, False),
    (401, 20003, False, True),
])
def test_classify_error(status, code, retry, permanent):
    result = classify_error(status, code)
    assert (result.status, result.error_code, result.retry, result.permanent) == ("failed", code, retry, permanent)


def test_template_text_is_one_short_line():
    assert template_text("Hi\n\nthere\tyou") == "Hi there you"
    long = template_text("word " * 100)
    assert len(long) <= 200 and long.endswith("…") and "\n" not in long


def test_sender_without_twilio_marks_local(make_app):
    app = make_app({})
    outbound_id = queue(app, add_person(app, sms_ago=timedelta(hours=1)))
    assert send_outbound(outbound_id) == "local"
    assert services_of(app).sender(row_of(app, outbound_id)) == SendResult("local")


def test_send_many_sends_each_once_even_when_two_run_at_once(outbox, twilio):
    from jobs.outbox import RETRY, send_many

    ids = [queue(outbox, add_person(outbox, f"+1555123{n:04d}", sms_ago=timedelta(hours=1))) for n in range(12)]
    twilio.fail_next(429)  # one passing failure: that row is pending again, the rest go
    results: list[list[str]] = []
    threads = [threading.Thread(target=lambda: results.append(send_many(ids, threads=4))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    outcomes = [r for run in results for r in run]
    assert outcomes.count(RETRY) == 1 and "failed" not in outcomes
    assert send_many(ids) == ["sent"] * 12  # the retried one goes now; the others went already
    assert sorted(m["To"] for m in twilio.messages) == sorted(f"+1555123{n:04d}" for n in range(12))
