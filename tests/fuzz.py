"""A seeded fuzzer of signed Twilio webhooks: what an attacker with a valid signature, or a
buggy client, could post to /twilio/inbound and /twilio/status.

    run_fuzz(app, n=10_000, seed=14) -> FuzzResult

Requests are signed exactly as Twilio signs them, so every one reaches the handlers; the result
counts 5xx answers, logged exceptions (handler crashes the apology would hide), replies that are
not valid TwiML, and the slowest request. Bodies mix real parent messages with hostile ones
(NUL and other control characters, 5,000-digit numbers, XML, RTL and combining marks, format
strings); forms mix real and broken SIDs, media, message types and status fields.
"""
from __future__ import annotations

import logging
import random
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from tests.support import sign

DATA = Path(__file__).resolve().parent / "data" / "intent_eval.tsv"
NUMBERS = [f"+1212555{n:04d}" for n in range(40)] + ["+447700900123", "+61412345678", "+5511987654321"]
STATUSES = ["queued", "sending", "sent", "failed", "delivered", "undelivered", "read", "accepted", "canceled"]
TYPES = ["text", "image", "audio", "location", "button", "sticker", "contacts", "video", "document",
         "interactive", "reaction", "unknown", "IMAGE", "", "x" * 300, "image\x00", "téxt", "<b>"]
HOSTILE = [
    "\x00", "\x00\x00STOP", "a\x01b\x02c\x1b[31m", "\x7f\x85\x9f", "\ufffe\uffff", "\u202eevil\u202c",
    "1" * 5000, "9" * 1600, "1." * 2000, "½" * 500, "🍌" * 700, "a" * 20000, " " * 3000, "\n" * 2000,
    "<Response><Message>x</Message></Response>", "]]>&amp;<!--", "%s%s%n{0}{}", "'; DROP TABLE person;--",
    "e\u0301" * 300, "Maya\u200bhad eggs", "STOP\x00", "for : ", "for Leo: \x00", "Leo is 999999999999 years old",
    "born 99999-99-99", "remind me at 99:99", "time zone \x00", "delete my data", "DELETE", "undo" * 400,
    "Maya had 99999999999999999999 cups of rice", "Maya had 1e308 eggs", "Maya had -1 eggs",
    "Maya had 0/0 cup oatmeal", "Maya had 1/0 banana", "add a child named " + "X" * 200,
    "Maya is allergic to " + "peanuts, " * 300, "she doesn't like " + "a, " * 500,
]
GARBAGE_SIDS = ["", "SM1", "SM" + "z" * 32, "SM" + "1" * 5000, "MM" + "a" * 31 + "\x00", "XX" + "0" * 32, "²"]


@dataclass
class FuzzResult:
    requests: int = 0
    inbound: int = 0
    status: int = 0
    by_code: dict[int, int] = field(default_factory=dict)
    server_errors: int = 0
    crashes: int = 0
    bad_twiml: int = 0
    slowest_s: float = 0.0
    slowest: str = ""
    examples: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.requests} requests ({self.inbound} inbound, {self.status} status): "
                f"{self.server_errors} 5xx, {self.crashes} logged exceptions, {self.bad_twiml} invalid TwiML; "
                f"codes {dict(sorted(self.by_code.items()))}; slowest {self.slowest_s:.2f} s ({self.slowest})")


class _Errors(logging.Handler):
    """Counts every record logged at ERROR or above, anywhere (logger.exception included)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _real_messages() -> list[str]:
    lines = [ln.split("\t", 1)[1] for ln in DATA.read_text().splitlines() if "\t" in ln and not ln.startswith("#")]
    return lines + ["hi", "Maya", "2025-03-02", "none", "7pm", "yes", "no", "skip", "help", "summary", "STOP", "START"]


class Fuzzer:
    """Builds one random, signed request at a time from a seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.real = _real_messages()
        self.sids: list[str] = []

    def sid(self) -> str:
        r = self.rng.random()
        if r < 0.05 and self.sids:
            return self.rng.choice(self.sids)  # a redelivery
        if r < 0.10:
            return self.rng.choice(GARBAGE_SIDS)
        sid = self.rng.choice(["SM", "MM"]) + "%032x" % self.rng.getrandbits(128)
        self.sids.append(sid)
        return sid

    def body(self) -> str:
        r = self.rng.random()
        if r < 0.55:
            return self.rng.choice(self.real)
        if r < 0.80:
            text = self.rng.choice(self.real)
            cut = self.rng.randrange(len(text) + 1)
            return text[:cut] + self.rng.choice(HOSTILE)[:self.rng.choice([1, 5, 50, 5000])] + text[cut:]
        if r < 0.90:
            return self.rng.choice(HOSTILE)
        return "".join(chr(self.rng.choice([self.rng.randrange(0, 0x80), self.rng.randrange(0x80, 0x3000),
                                            self.rng.randrange(0x1F300, 0x1FAFF)]))
                       for _ in range(self.rng.randrange(1, 300)))

    def inbound(self) -> dict[str, str]:
        rng = self.rng
        number = rng.choice(NUMBERS)
        whatsapp = rng.random() < 0.4
        sender = f"whatsapp:{number}" if whatsapp else number
        if rng.random() < 0.03:
            sender = rng.choice(["", "not-a-number", "+" + "9" * 40, "whatsapp:", "+1\x00212", "٠١٢٣"])
        sid = self.sid()
        form = {"MessageSid": sid, "AccountSid": "AC" + "0" * 32, "From": sender, "To": "+15550006789",
                "Body": self.body(), "NumMedia": "0"}
        if rng.random() < 0.5:
            form.update(SmsMessageSid=sid, SmsSid=sid)
        if whatsapp:
            form.update(ProfileName=rng.choice(["Sam", "", "\x00" * 3, "Z" * 500, "👶"]), WaId=number.lstrip("+"))
        if rng.random() < 0.3:
            form["MessageType"] = rng.choice(TYPES)
        if rng.random() < 0.15:
            count = rng.choice(["1", "2", "0", "-1", "banana", "²", "9" * 50, "10", "11"])
            form["NumMedia"] = count
            for i in range(rng.randrange(0, 3)):
                form[f"MediaUrl{i}"] = rng.choice(["https://api.twilio.com/m/1", "http://127.0.0.1:1/x", "",
                                                   "https://x\\@api.twilio.com/", "javascript:alert(1)", "a" * 3000])
                form[f"MediaContentType{i}"] = rng.choice(["image/jpeg", "audio/ogg", "text/vcard", "", "image/" + "x" * 300,
                                                           "application/pdf", "video/mp4"])
        if rng.random() < 0.1:
            form.update({k: rng.choice(["40.7", "nan", "1e999", "", "\x00", "x" * 5000])
                         for k in ("Latitude", "Longitude", "Address", "ButtonText", "ButtonPayload")})
        return form

    def status(self) -> dict[str, str]:
        rng = self.rng
        form = {"MessageSid": self.sid(), "AccountSid": "AC" + "0" * 32,
                "MessageStatus": rng.choice(STATUSES + ["", "DELIVERED", "x" * 100, "délivré", "\x00", "sent;drop"])}
        if rng.random() < 0.4:
            form["ErrorCode"] = rng.choice(["63016", "21610", "30003", "", "²", "9" * 5000, "-1", "1.5", "０", "007"])
        if rng.random() < 0.2:
            form["SmsSid"] = rng.choice([form["MessageSid"], "SM" + "e" * 32])
        if rng.random() < 0.1:
            form["SmsStatus"] = rng.choice(STATUSES)
        return form


def _valid_twiml(body: str) -> bool:
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return False
    return root.tag == "Response" and all(child.tag == "Message" and len(child) == 0 for child in root)


def run_fuzz(app, n: int, seed: int = 14, base_url: str = "http://localhost") -> FuzzResult:
    """Post n signed fuzzed requests (about 3 in 4 inbound, 1 in 4 status) and tally what happened."""
    fuzzer, client, result = Fuzzer(seed), app.test_client(), FuzzResult()
    errors = _Errors()
    logging.getLogger().addHandler(errors)
    try:
        for _ in range(n):
            route = "/twilio/inbound" if fuzzer.rng.random() < 0.75 else "/twilio/status"
            form = fuzzer.inbound() if route == "/twilio/inbound" else fuzzer.status()
            headers = {"X-Twilio-Signature": sign(base_url + route, form)}
            before = len(errors.records)
            started = time.perf_counter()
            response = client.post(route, data=form, headers=headers)
            elapsed = time.perf_counter() - started
            _tally(result, route, response, elapsed, len(errors.records) > before, form)
    finally:
        logging.getLogger().removeHandler(errors)
    result.crashes = len(errors.records)
    return result


def _tally(result: FuzzResult, route: str, response, elapsed: float, crashed: bool, form: dict) -> None:
    result.requests += 1
    if elapsed > result.slowest_s:
        result.slowest_s, result.slowest = elapsed, f"{route} {form.get('Body', '')[:40]!r}"
    code = response.status_code
    result.by_code[code] = result.by_code.get(code, 0) + 1
    body = response.get_data(as_text=True)
    if route == "/twilio/inbound":
        result.inbound += 1
        valid = _valid_twiml(body)
    else:
        result.status += 1
        valid = code == 204 or _valid_twiml(body)
    result.server_errors += code >= 500
    result.bad_twiml += not valid
    if (code >= 500 or not valid or crashed) and len(result.examples) < 5:
        result.examples.append(f"{route} {code} {'crash ' if crashed else ''}{ {k: v[:60] for k, v in form.items()} }")
