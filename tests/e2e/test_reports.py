"""Pediatrician reports and charts through the signed webhook: the reply says it is coming, a job
renders the file and sends it through the outbox to the (fake) Twilio REST API as media fetched from
our own token route, or as a link where MMS does not reach. Files are read back and timed."""
from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from storage.links import PrivateLink
from tests.fakes.twilio_server import FakeTwilio
from tests.support import Phone, all_rows, build_app, household, truncate_all

PUBLIC = "https://tinytummy.example.org"
ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts"  # kept for a person to look at
FILE = re.compile(re.escape(PUBLIC) + r"(/files/[A-Za-z0-9_-]{32,}/(?:report\.pdf|chart\.png))")


@pytest.fixture
def twilio():
    with FakeTwilio() as fake:
        yield fake


@pytest.fixture
def app(database_url, clock, tmp_path, chroma_path, twilio):
    env = {"TWILIO_ACCOUNT_SID": twilio.account_sid, "TWILIO_AUTH_TOKEN": twilio.auth_token,
           "TWILIO_API_BASE_URL": twilio.base_url, "TWILIO_SMS_FROM": "+15550006789",
           "TWILIO_WHATSAPP_FROM": "whatsapp:+15550006789", "PUBLIC_BASE_URL": PUBLIC, "CHROMA_PATH": chroma_path}
    app = build_app(database_url, clock, tmp_path, env=env)
    yield app
    services = app.extensions["tinytummy"]
    truncate_all(services.engine)
    services.engine.dispose()


def family(app, number: str, channel: str = "sms") -> Phone:
    """Maya, 17 months, allergic to peanut, with a few meals (egg among them) and a question."""
    parent = household(app, number, "Maya", "2025-06-01", "--allergy", "peanut")
    parent.channel = channel
    for meal in ("Maya had 1/2 cup oatmeal and a banana", "Maya had scrambled egg and toast for lunch",
                 "Maya had 2 oz chicken and 1/2 cup peas for dinner"):
        assert "Logged Maya's" in parent.say(meal), meal
    parent.say("can she have honey?")
    return parent


def sent_media(twilio: FakeTwilio, number: str) -> list[dict]:
    return [m for m in twilio.messages if m["To"].endswith(number) and ("MediaUrl" in m or "/files/" in m["Body"])]


def fetch(app, message: dict) -> tuple[str, bytes]:
    """The file a sent message points at (its media, or the link in its text), fetched from our route."""
    url = (message.get("MediaUrl") or [None])[0] or FILE.search(message["Body"]).group(0)
    served = app.test_client().get(url.removeprefix(PUBLIC))
    assert served.status_code == 200, url
    assert served.headers["Cache-Control"] == "private, no-store"
    return url, served.data


def keep(name: str, body: bytes) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    path.write_bytes(body)
    return path


def test_pediatrician_report_pdf_on_us_sms_goes_as_mms_and_reads_back(app, twilio):
    parent = family(app, "+12125550501")
    reply = parent.say("pediatrician report")
    assert "report for the pediatrician" in reply and "on its way" in reply and "/files/" not in reply
    (message,) = sent_media(twilio, "+12125550501")
    assert message["MediaUrl"][0].startswith(PUBLIC + "/files/") and message["MediaUrl"][0].endswith("/report.pdf")
    url, body = fetch(app, message)
    assert body.startswith(b"%PDF")
    keep("pediatrician-report.pdf", body)
    pages = PdfReader(io.BytesIO(body)).pages
    assert 1 <= len(pages) <= 2
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert "Feeding report: Maya" in text and "peanut" in text
    assert "oatmeal" in text and "banana" in text
    assert re.search(r"\begg \w{3} \d+, 2026 \w{3} \d+, 2026 1 none reported", text), text  # the allergen log line
    assert "can she have honey?" in text
    assert "Dietary Reference Intakes" in text


def test_report_on_whatsapp_is_a_document_anywhere_and_on_foreign_sms_a_link(app, twilio):
    uk_whatsapp = family(app, "+447700900501", channel="whatsapp")
    uk_whatsapp.say("doctor report")
    (document,) = sent_media(twilio, "+447700900501")
    assert document["To"] == "whatsapp:+447700900501" and document["MediaUrl"][0].endswith("/report.pdf")
    uk_sms = family(app, "+447700900502")
    uk_sms.say("report for the doctor")
    (texted,) = sent_media(twilio, "+447700900502")
    assert "MediaUrl" not in texted and FILE.search(texted["Body"]), texted
    assert fetch(app, texted)[1].startswith(b"%PDF")


def test_a_rendered_file_closes_with_revoke_and_expiry(app, twilio, clock):
    parent = family(app, "+12125550503")
    parent.say("pediatrician report")
    (message,) = sent_media(twilio, "+12125550503")
    path = message["MediaUrl"][0].removeprefix(PUBLIC)
    client = app.test_client()
    assert client.get(path).status_code == 200
    assert client.get(path.replace("/report.pdf", "/chart.png")).status_code == 404  # a token opens one kind
    assert "1 link turned off" in parent.say("revoke link")
    assert client.get(path).status_code == 404
    parent.say("pediatrician report")
    path = sent_media(twilio, "+12125550503")[-1]["MediaUrl"][0].removeprefix(PUBLIC)
    clock.advance(days=7, seconds=1)
    assert client.get(path).status_code == 404


def test_the_job_sends_once_however_often_it_runs(app, twilio):
    from jobs.reports import render_report

    from storage.models import Task

    parent = family(app, "+12125550504")
    parent.say("pediatrician report")
    (link,) = [row for row in all_rows(app, PrivateLink) if row.kind == "report"]
    (task,) = [t for t in all_rows(app, Task) if t.job == "render_report"]  # recorded with the message: re-driven
    assert task.args == [link.id] and task.status == "done"  # if a queue loses it
    render_report(link.id)
    render_report(link.id)
    assert len(sent_media(twilio, "+12125550504")) == 1


def test_revoke_before_the_job_runs_means_nothing_is_sent(app, twilio):
    from jobs.reports import render_chart
    from storage import links
    from storage.models import Child, Person

    parent = family(app, "+12125550506")
    services = app.extensions["tinytummy"]
    with services.sessions() as session, session.begin():  # a chart asked for, its job not run yet
        person = session.query(Person).one()
        child = session.query(Child).one()
        link_id = links.create(session, kind="chart", now=services.clock(), person_id=person.id,
                               household_id=child.household_id, child_id=child.id, days=7, channel="sms").id
    assert "1 link turned off" in parent.say("revoke link")
    render_chart(link_id)
    assert sent_media(twilio, "+12125550506") == []


def test_report_pdf_renders_in_under_two_seconds(app):
    from datetime import date

    from reports.doctor_pdf import render_pdf
    from reports.facts import child_report, owners_of
    from storage.models import Child

    family(app, "+12125550505")
    with app.extensions["tinytummy"].sessions() as session:
        child = session.query(Child).one()
        timings = []
        for _ in range(3):  # the best of three: the 2-core machine is shared, the figure is the renderer's
            started = time.perf_counter()
            facts = child_report(session, child, date(2026, 11, 22), 30, owners_of(child))
            body = render_pdf(facts, date(2026, 11, 22))
            timings.append(time.perf_counter() - started)
    print(f"\npediatrician report: facts + PDF in {', '.join(f'{t * 1000:.0f}' for t in timings)} ms, "
          f"{len(body)} bytes")
    assert min(timings) < 2.0


def png_facts(body: bytes) -> tuple[tuple[int, int], float, set]:
    """Size, the share of pixels that are not white, and the colours of a PNG."""
    from PIL import Image

    image = Image.open(io.BytesIO(body)).convert("RGB")
    pixels = list(image.get_flattened_data())
    inked = sum(1 for p in pixels if p != (255, 255, 255)) / len(pixels)
    return image.size, inked, set(pixels)


@pytest.mark.parametrize("text", ["week", "chart"])
def test_chart_on_whatsapp_is_an_image_with_bars(app, twilio, text):
    parent = family(app, "+12125550511", channel="whatsapp")
    reply = parent.say(text)
    assert "Maya's last 7 days" in reply and "on its way" in reply
    (image,) = sent_media(twilio, "+12125550511")
    assert image["To"] == "whatsapp:+12125550511" and image["MediaUrl"][0].endswith("/chart.png")
    _, body = fetch(app, image)
    assert body.startswith(b"\x89PNG") and 10_000 < len(body) < 5_000_000  # WhatsApp and MMS: 5 MB at most
    keep("chart-week.png", body)
    size, inked, colours = png_facts(body)
    assert size == (720, 1100)
    assert 0.03 < inked < 0.6  # drawn on, not blank, not a solid block
    assert (0x2a, 0x7f, 0x8f) in colours  # the bars (meals, groups) are there


def test_chart_month_on_foreign_sms_is_a_link_and_on_us_sms_mms(app, twilio):
    uk = family(app, "+447700900512")
    assert "last 30 days" in uk.say("chart month")
    (texted,) = sent_media(twilio, "+447700900512")
    assert "MediaUrl" not in texted and texted["Body"].rstrip().endswith("/chart.png")
    assert fetch(app, texted)[1].startswith(b"\x89PNG")
    us = family(app, "+12125550513")
    us.say("Maya's report")
    (mms,) = sent_media(twilio, "+12125550513")
    assert mms["To"] == "+12125550513" and mms["MediaUrl"][0].endswith("/chart.png")


def test_this_week_stays_the_text_summary_and_sends_no_picture(app, twilio):
    parent = family(app, "+12125550514", channel="whatsapp")
    reply = parent.say("this week")
    assert reply.startswith("Maya this week: 3 meals") and "Below reference" in reply
    assert sent_media(twilio, "+12125550514") == []


def test_chart_renders_in_under_a_second(app):
    from datetime import date

    from reports.charts import render_chart_png
    from reports.facts import child_report, owners_of
    from storage.models import Child

    family(app, "+12125550515")
    timings = {7: [], 30: []}
    with app.extensions["tinytummy"].sessions() as session:
        child = session.query(Child).one()
        for days in (7, 30, 7, 30, 7, 30):  # the best of three each: the 2-core machine is shared
            started = time.perf_counter()
            body = render_chart_png(child_report(session, child, date(2026, 11, 22), days, owners_of(child)))
            timings[days].append(time.perf_counter() - started)
            keep(f"chart-{days}.png", body)
    shown = ", ".join(f"{d} days {[round(t * 1000) for t in ts]}" for d, ts in timings.items())
    print(f"\nchart: facts + PNG in ms: {shown}")
    assert max(min(ts) for ts in timings.values()) < 1.0


def test_a_caregivers_report_leaves_out_the_parents_questions(app, twilio):
    from tests.e2e.test_caregivers import invite

    parent = family(app, "+12125550516")
    nanny = Phone(app, "+14155550516")
    nanny.say(f"JOIN {invite(app, parent, 'invite nanny +1 415 555 0516', nanny.number)}")
    assert "on its way" in nanny.say("doctor report")
    (message,) = sent_media(twilio, "+14155550516")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(fetch(app, message)[1])).pages)
    assert "Feeding report: Maya" in text and "oatmeal" in text
    assert "honey" not in text and "None in this period" in text
