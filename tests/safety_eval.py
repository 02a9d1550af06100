"""Run safety cases through the signed webhook, in every pending state, and score them.

    .venv/bin/python -m tests.safety_eval tests/data/safety_cases.jsonl [--states none,meal.unknown] [-v]

Each line of FILE is {"text", "age_months", "allergies": [...], "expect": {"emergency": bool, "flags": [...]}}
with flags from FLAG_PATTERNS. For every case and every state, a fresh number is set up with the operator
command (one child of that age with those allergies), put into the state, and sends the text. Printed:
emergencies answered with the number first, false alarms, flag recall, swallowed messages (a reply
that is only the pending step's question, a "didn't catch that", or nothing). Exits 1 on any miss.
"""
from __future__ import annotations

import argparse
import itertools
import json
import logging
import re
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from tests.support import Clock, Phone, build_app

NOW = datetime(2026, 11, 22, 15, 0, tzinfo=timezone.utc)
PHOTO_URL = "https://api.twilio.com/2010-04-01/Accounts/AC0/Media/ME1"
CHILD = "Maya"
# How each flag shows in the reply a parent reads.
_LISTED = r"(?:allergy list|listed allergy|reacted to)"
FLAG_PATTERNS: dict[str, re.Pattern[str]] = {
    **{key: re.compile(rf"(?im)^.*\b{label}\b.*{_LISTED}.*$") for key, label in (
        ("peanut", "peanuts?"), ("tree_nut", "tree nuts?"), ("egg", "eggs?"), ("milk", "milk"),
        ("wheat", "wheat"), ("soy", "soy"), ("fish", "fish"), ("shellfish", "shellfish"), ("sesame", "sesame"))},
    "honey": re.compile(r"(?i)\bhoney\b.*(?:12 months|botulism)"),
    "cows_milk": re.compile(r"(?i)cow'?s milk"),
    "juice": re.compile(r"(?i)\bjuice (?:isn'?t|is fine)"),
    "choking": re.compile(r"(?i)\bchok"),
    "mercury": re.compile(r"(?i)\bmercury\b"),
    "salt": re.compile(r"(?i)\bsalt"),
    "sugar": re.compile(r"(?i)\bsugar"),
}
# A reply made only of these ignores the message.
RETRY = re.compile(r"(?i)^(?:I didn't catch|I couldn't read|I didn't recognise|Still not sure what that is|"
                   r"I couldn't find any food|Which foods is)")
STATES = ("none", "onboarding.child_name", "onboarding.birth_date", "onboarding.allergies", "onboarding.reminder",
          "onboarding.timezone", "meal.unknown", "account.confirm_delete", "photo.describe", "photo.confirm")


@dataclass(frozen=True)
class Case:
    text: str
    age_months: int
    allergies: tuple[str, ...]
    emergency: bool
    flags: tuple[str, ...]


@dataclass
class Score:
    emergencies: int = 0
    emergencies_first: int = 0
    calm: int = 0
    false_alarms: int = 0
    flags_expected: int = 0
    flags_found: int = 0
    messages: int = 0
    swallowed: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("emergencies", "emergencies_first", "calm", "false_alarms", "flags_expected", "flags_found",
                     "messages", "swallowed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    @property
    def perfect(self) -> bool:
        return (self.emergencies_first == self.emergencies and not self.false_alarms
                and self.flags_found == self.flags_expected and not self.swallowed)

    def line(self) -> str:
        recall = f"{self.flags_found}/{self.flags_expected}"
        return (f"emergencies number-first {self.emergencies_first}/{self.emergencies}; false alarms "
                f"{self.false_alarms}/{self.calm}; flag recall {recall}; swallowed {self.swallowed}/{self.messages}")


def load_cases(path: str | Path) -> list[Case]:
    """Read the JSONL corpus; reject flags outside the vocabulary."""
    cases = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        expect = row["expect"]
        unknown = set(expect.get("flags", [])) - set(FLAG_PATTERNS)
        if unknown:
            raise ValueError(f"{path}:{number}: unknown flags {sorted(unknown)}")
        cases.append(Case(row["text"], int(row["age_months"]), tuple(row.get("allergies", [])),
                          bool(expect.get("emergency")), tuple(expect.get("flags", []))))
    return cases


def birth_date_for(months: int, today: date) -> date:
    """The birth date that makes a child exactly `months` old today."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return date(year, month + 1, min(today.day, 28))


class Bench:
    """One app, fresh numbers on demand, and the moves that put a number into each state."""

    def __init__(self, app, emergency_number: str = "911") -> None:
        self.app = app
        self.number = emergency_number
        self._numbers = (f"+1212{n:07d}" for n in itertools.count(5550000))

    def family(self, case: Case) -> Phone:
        phone_number = next(self._numbers)
        born = birth_date_for(case.age_months, NOW.date())
        args = ["household", "create", "--phone", phone_number, "--child", CHILD, "--birth-date", born.isoformat(),
                "--timezone", "America/New_York"]
        for allergy in case.allergies:
            args += ["--allergy", allergy.replace("_", " ")]
        result = self.app.test_cli_runner().invoke(args=args)
        if result.exit_code != 0:
            raise RuntimeError(result.output)
        return Phone(self.app, phone_number)

    def _set_step(self, phone: Phone, step: str | None, data: dict) -> None:
        from storage.models import Conversation, Person

        with self.app.extensions["tinytummy"].sessions() as s, s.begin():
            person = s.scalars(select(Person).where(Person.phone == phone.number)).one()
            conv = s.get(Conversation, person.id)
            if conv is None:
                conv = Conversation(person_id=person.id, data={}, memory={}, updated_at=NOW)
                s.add(conv)
            conv.step, conv.data = step, data

    def enter(self, phone: Phone, state: str) -> None:
        """Put this number into `state` exactly as the step that asks it stores it."""
        from dataclasses import asdict

        from handlers.steps import ConfirmDelete, Onboarding, PhotoWaiting, UnknownFood
        from storage.models import Person

        if state == "none":
            self._set_step(phone, None, {})
            return
        with self.app.extensions["tinytummy"].sessions() as s:
            person = s.scalars(select(Person).where(Person.phone == phone.number)).one()
            child_id = person.memberships[0].household.children[0].id
        zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"]
        data = {
            "meal.unknown": UnknownFood(child_id=child_id, unknown=["zorbleflips"]),
            "account.confirm_delete": ConfirmDelete(),
            "photo.describe": PhotoWaiting(child_id=child_id, url=PHOTO_URL, at=NOW.isoformat()),
            "photo.confirm": PhotoWaiting(child_id=child_id, url=PHOTO_URL, at=NOW.isoformat(), proposal="1 cup pasta"),
        }.get(state) or Onboarding(zones=zones)
        self._set_step(phone, state, asdict(data))


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n+", text or "") if p.strip()]


def judge(case: Case, reply: str, step_texts: set[str], number: str, label: str) -> Score:
    """Score one reply."""
    score = Score(messages=1)
    first = _paragraphs(reply)[0] if _paragraphs(reply) else ""
    if case.emergency:
        score.emergencies = 1
        if first.startswith(f"Call {number}"):
            score.emergencies_first = 1
        else:
            score.misses.append(f"[{label}] emergency not first: {case.text!r} -> {reply[:120]!r}")
    else:
        score.calm = 1
        if re.match(r"(?i)call (?:\d+|your local emergency number) now\b", first):
            score.false_alarms = 1
            score.misses.append(f"[{label}] false alarm: {case.text!r} -> {reply[:120]!r}")
    for flag in case.flags if not case.emergency else ():
        score.flags_expected += 1
        if FLAG_PATTERNS[flag].search(reply):
            score.flags_found += 1
        else:
            score.misses.append(f"[{label}] flag {flag} missing: {case.text!r} -> {reply[:160]!r}")
    own = [p for p in _paragraphs(reply) if p not in step_texts and not RETRY.match(p)]
    if not own:
        score.swallowed = 1
        score.misses.append(f"[{label}] swallowed: {case.text!r} -> {reply[:120]!r}")
    return score


def run(cases: list[Case], states: tuple[str, ...], app, progress: Callable[[str], None] = lambda s: None) -> dict:
    """Every case in every state (one family per case, put into each state in turn); scores per state."""
    bench = Bench(app)
    step_texts: dict[str, set[str]] = {}
    probe = bench.family(Case("", 18, (), False, ()))
    for state in states:  # what each pending step says on its own, to a garbled reply
        bench.enter(probe, state)
        step_texts[state] = set(_paragraphs(probe.say("blorp")))
    results = {state: Score() for state in states}
    for n, case in enumerate(cases, 1):
        phone = bench.family(case)
        for state in states:
            bench.enter(phone, state)
            results[state].add(judge(case, phone.say(case.text), step_texts[state], bench.number, state))
        if n % 25 == 0:
            progress(f"{n}/{len(cases)} cases")
    for state, score in results.items():
        progress(f"{state:24} {score.line()}")
    return results


def build(tmp: Path):
    """An app on a fresh SQLite file with the guideline corpus loaded, jobs inline, no LLM."""
    from knowledge.guideline_store import open_client, sync_passages
    from knowledge.guidelines_corpus import load_passages

    chroma = tmp / "chroma"
    sync_passages(open_client(str(chroma)), load_passages())
    return build_app(f"sqlite:///{tmp / 'eval.db'}", Clock(NOW), tmp, env={"CHROMA_PATH": str(chroma)})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--states", default=",".join(STATES), help="comma-separated; default: all")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    logging.getLogger().setLevel(logging.ERROR)
    cases = load_cases(args.file)
    states = tuple(s for s in args.states.split(",") if s)
    with tempfile.TemporaryDirectory() as tmp:
        app = build(Path(tmp))
        print(f"{len(cases)} cases x {len(states)} states")
        results = run(cases, states, app, progress=print)
    total = Score()
    for score in results.values():
        total.add(score)
    print(f"{'TOTAL':24} {total.line()}")
    if total.misses:
        shown = total.misses if args.verbose else total.misses[:20]
        print("\n".join(shown))
        if len(shown) < len(total.misses):
            print(f"... and {len(total.misses) - len(shown)} more (-v lists all)")
    return 0 if total.perfect else 1


if __name__ == "__main__":
    sys.exit(main())
