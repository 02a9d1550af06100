"""What a handler module declares about itself: its route, and the steps it owns.

Every intent module ends with `ROUTE = Route(...)`; `handlers/__init__.py` lists the modules once and
builds the `Registry` the router loops over. Help lines and the classifier's labels come from here,
so a new intent is one module plus one line in that list.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from handlers.context import Context, InboundMessage, Reply, StepData

Handler = Callable[[InboundMessage, Context], Reply]
# Accept an answer to a pending step; None means "that is not an answer to my question".
Accept = Callable[[InboundMessage, Context, Any], "Reply | None"]
Claim = Callable[[InboundMessage, Context, Any], bool]


@dataclass(frozen=True)
class Step:
    """One question a handler asked and is waiting on."""

    name: str
    accept: Accept
    prompt: Callable[[Context], str]  # the question, asked again after an interruption
    data: type[StepData] = StepData
    retry: Callable[[Context], str] | None = None  # what to say to a short reply it could not read


@dataclass(frozen=True)
class Route:
    """How one intent is reached and handled.

    `claim(msg, ctx, found)` takes a message whatever the classifier said; claims are tried by
    `priority`, highest first. A `breakout` route wins over a pending step (when claimed, or when the
    classifier's confidence reaches `sure`); other routes let the step answer first. `label` offers the intent to the
    classifier; `live=False` marks an intent we recognise but cannot do yet (kept out of help).
    """

    intent: str
    handle: Handler
    help: str = ""
    steps: tuple[Step, ...] = ()
    claim: Claim | None = None
    priority: int = 0
    breakout: bool = False
    sure: float = 0.6  # the classifier confidence at which a breakout route wins over a step
    label: bool = True
    live: bool = True
    needs_household: bool = True  # a new number is onboarded first


@dataclass(frozen=True)
class Registry:
    """All routes, looked up by intent, claim order and step name."""

    routes: tuple[Route, ...]
    by_intent: dict[str, Route] = field(init=False)
    claims: tuple[Route, ...] = field(init=False)
    steps: dict[str, Step] = field(init=False)

    def __post_init__(self) -> None:
        by_intent: dict[str, Route] = {}
        steps: dict[str, Step] = {}
        for route in self.routes:
            if route.intent in by_intent:
                raise ValueError(f"two routes for intent {route.intent!r}")
            by_intent[route.intent] = route
            for step in route.steps:
                if step.name in steps:
                    raise ValueError(f"two handlers own step {step.name!r}")
                steps[step.name] = step
        object.__setattr__(self, "by_intent", by_intent)
        object.__setattr__(self, "steps", steps)
        claims = sorted((r for r in self.routes if r.claim), key=lambda r: -r.priority)
        object.__setattr__(self, "claims", tuple(claims))

    @property
    def labels(self) -> tuple[str, ...]:
        """The intents the classifier may choose among."""
        return tuple(r.intent for r in self.routes if r.label)

    @property
    def live(self) -> frozenset[str]:
        return frozenset(r.intent for r in self.routes if r.live)

    def help_lines(self) -> list[str]:
        return [r.help for r in self.routes if r.live and r.help]

    def claimed(self, msg: InboundMessage, ctx: Context, found: Any) -> Route | None:
        """The first route, by priority, that claims this message."""
        return next((r for r in self.claims if r.claim(msg, ctx, found)), None)


def build(routes: Iterable[Route]) -> Registry:
    """The registry of these routes; a live route replaces a placeholder (`live=False`) for its intent."""
    chosen: dict[str, Route] = {}
    for route in routes:
        held = chosen.get(route.intent)
        if held is not None and held.live != route.live:
            if route.live:
                chosen[route.intent] = route
            continue
        if held is not None:
            raise ValueError(f"two routes for intent {route.intent!r}")
        chosen[route.intent] = route
    return Registry(tuple(chosen.values()))
