"""The classifier's rules: whole messages the bot knows for sure, and the marks around a message.

A carrier keyword, HELP, UNDO, an invite code or a hello alone is its intent without the model
(`whole_message`). Around the model's answer: a hello or thanks said as a sentence of its own goes
beside the main intent (`greeted`), an invite code told inside a longer message is the caregiver's
join (`join_code`), and opting out needs the messages or the sender named (`OPT_OUT_OBJECT`).
Pure functions over the text, read by `bot.intents`.
"""
from __future__ import annotations

import re

from handlers.joining import JOIN
from knowledge.words import GREETING_WORDS, HELLO_WORDS


def _repeated(keywords: str) -> str:
    """Match one or more of `keywords` and nothing else: "STOP", "stop stop stop", "Stop. STOP"."""
    return rf"(?:{keywords})(?:[\s,.!]+(?:{keywords}))*"


_PLEASE = r"please|pls|plz|por favor|porfa|bitte|svp|s'il (?:te|vous) pla[iî]t|per favore|proszę|prosze|aub"


def _polite(keywords: str) -> str:
    """Match one of `keywords`, optionally with a "please" before or after."""
    return rf"(?:(?:{_PLEASE}) )?(?:{keywords})(?: (?:{_PLEASE}))?"


# The same commands said alone in the languages parents also write in. Only words that mean nothing
# else alone: "annuler" or "anuluj" (cancel) stays with the model, as "cancel" would be a carrier STOP,
# and "resume" without its accent is START.
_STOP_ABROAD = r"stopp|arr[êe]te[zr]?|parar|pare|basta|halt|koniec|przesta[ńn]|fermati|smettila"
_SUMMARY_ABROAD = r"resumen|resumo|r[ée]sumé|zusammenfassung|riepilogo|riassunto|podsumowanie|samenvatting"
_OF_THE_WEEK = r"(?:de la semana|da semana|de la semaine|der woche|della settimana|tygodnia|van de week)"
_HOW_IT_WORKS = (r"c[óo]mo funciona(?: esto| isso)?|comment [çc]a marche|wie funktioniert (?:das|es)|come funziona|"
                 r"jak to dzia[łl]a|hoe werkt (?:dit|het)")

# Whole-message rules, matched against the lowercased text with edge punctuation and emoji
# stripped. Carrier keywords must be the entire message ("we must stop this" is not an opt-out);
# the bot's own one-word commands may carry a "please".
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"^(?:{pattern})$"), intent)
    for pattern, intent in (
        (_repeated(rf"stop|stop ?all|unsub(?:scribe)?|cancel|end|quit|revoke|opt[ -]?out|{_STOP_ABROAD}"), "opt_out"),
        (_repeated(r"start|unstop"), "opt_in"),
        # HELP, and the word for it in the languages parents write in ("ayuda", "aide", "hilfe", "pomoc")
        (_polite(r"help|info|commands|menu|ayuda|aide|ajuda|hilfe|aiuto|pomoc|hulp"), "help"),
        (_polite(rf"{_HOW_IT_WORKS}"), "help"),
        (_polite(r"undo|deshacer|desfazer|défaire|rückgängig|cofnij|annulla l'ultimo|ongedaan maken"), "undo"),
        (_polite(rf"(?:summary|report|{_SUMMARY_ABROAD})(?: {_OF_THE_WEEK})?"), "summary"),
        (_polite(r"(?:my |our )?(?:streak|badges?)"), "streak"),
        (_polite(r"settings"), "settings"),
        (_polite(r"profile"), "profile"),
        (_polite(r"plan"), "plan"),
        # a hello or thanks alone, asked or not ("hello?" checks someone is there; it is not HELP)
        (_repeated(GREETING_WORDS) + r"(?: there| again| po| everyone)?", "greeting"),
        (r"join(?: code)? ?#?\d{4,8}", "caregiver"),  # invite codes are the join syntax
    )
)
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")

# Opting out silences the parent entirely, so the model alone may not choose it: the text must
# also name the messages or the sender ("stop texting me"), not just sound like "stop this".
_MESSAGES = (r"messages?|msgs?|texts?|txts?|texting|messaging|contact\w*|subscri\w*|unsubscri\w*|opt\w*|whatsapps?|"
             r"mensajes?|mensagens?|nachrichten|messaggi|textos?|sms|baja|désabonn\w*|désinscri\w*|abmeld\w*|"
             r"descadastr\w*|disiscri\w*")  # and in the languages we answer in
OPT_OUT_OBJECT = re.compile(rf"\b({_MESSAGES}|list|number|me|out|everything|all)\b")
# "stop" the parent says they sent by mistake ("I texted stop by accident, start again") is not a no.
NEGATED = re.compile(r"\b(don'?t|dont|do not|never|no more|not|(?<!texted )(?<!sent )(?<!typed )(?<!hit )"
                     r"(?<!pressed )(?<!said )(?<!replied )(?<!wrote )stop)\b")

# A hello or thanks said as a sentence of its own ("good morning! she had oatmeal", "hey 👋 lunch =
# rice", "START. hi again, we're back!"): kept beside the main intent. Run into the message ("hi, is
# honey ok", "hey so I was wondering") it only opens the question; a full hello before a statement
# is set apart by a comma too ("hi there, breakfast was eggs"). A thanks that closes a request is
# politeness, not a hello ("... cheap stuff please. Thank you!!"). The greeting route says nothing
# beside a reply.
_START_FIRST = re.compile(r"^\W*(?:start|unstop)\s*[.!]+\s", re.I)
_EMOJI = "[\U0001F300-\U0001FAFF\u2600-\u27BF]"
_TAIL = r"(?: there| again| so much| all| everyone)?"
_OPENING = re.compile(rf"^\W*(?:{GREETING_WORDS}){_TAIL}(?:\s*{_EMOJI}+\s*[!.]*|\s*[!.]+|\s*\n)\s*\w", re.I)
_OPENING_COMMA = re.compile(rf"^\W*(?:{GREETING_WORDS}) (?:there|again|all|everyone)\s*,\s*\w", re.I)
_LATER = re.compile(rf"(?:[.!?]|\n)\s*(?:{HELLO_WORDS}){_TAIL}\s*(?:[!.,]|{_EMOJI}|$)", re.I)


def whole_message(text: str) -> str | None:
    """The intent a whole-message rule gives `text`; None when none fits."""
    stripped = text.strip()
    if stripped and set(stripped) <= {"?"}:
        return "help"
    core = _EDGES.sub("", _SPACES.sub(" ", stripped.lower()))
    if not core:  # empty, emoji-only or punctuation-only: a wave, a thumbs-up
        return "greeting"
    return next((intent for pattern, intent in _RULES if pattern.match(core)), None)


def greeted(main: str, text: str) -> bool:
    """True when `text` says hello or thanks as a sentence of its own beside its `main` intent."""
    if _OPENING.match(text) or _LATER.search(text):
        return True
    return main != "question" and bool(_OPENING_COMMA.match(text))


def opens_with_start(text: str) -> bool:
    """True when START (or UNSTOP) is the message's first sentence ("START. hi again, we're back!").
    Coming back is safe to act on; a STOP inside a longer message never is."""
    return bool(_START_FIRST.match(text))


def join_code(text: str) -> bool:
    """True when `text` carries an invite's 6-digit code ("hi this is Rosa the nanny, code 330918")."""
    found = JOIN.search(text)
    return found is not None and len(re.sub(r"\D", "", found.group(1))) == 6
