"""Which of two intents a message carries really holds, and which one the parent wrote first.

The model scores the whole message; these checks read its clauses (`bot.message_parts`) to decide
what a second intent needs: a meal needs a clause that reports eating, a question needs a clause
that asks, a command beside a meal needs its own request words. Whatever the parent wrote first
leads the reply. Pure functions over the text; the only model use is `first_clause_leader`.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.message_parts import asks, asks_by_tag, clauses

# What a meal report has that a question about a food need not: an eating verb, an amount, a meal or
# a time of day ("she had", "4 oz", "for lunch", "this morning"), in English or in the languages we
# answer in ("comió", "le di", "a mangé", "comeu", "gegessen", "ha mangiato").
EATING = re.compile(r"\b(ate|eaten|eats|had|has had|drank|finished|tried|devoured|gobbled|scarfed|"
                    r"nibbled|munched|gave|given|fed|offered|nursed|refused|spat|loved|licked|chugged|"
                    r"demolished|polished)\b|\b\d+\s*(oz|ml)\b"
                    r"|\b(comió|comio|desayunó|almorzó|cenó|merendó|tomó|le di|"
                    r"mangé|mangée|comeu|almoçou|jantou|gegessen|getrunken|mangiato|bevuto|"
                    r"ăn|uống|bú|kumain|kinain|uminom|nag-?almusal|nanghalian|naghapunan)\b")
REPORTS = re.compile(EATING.pattern + r"|\b(breakfast|brekkie|bfast|lunch|dinner|snack|tea|today|this morning|"
                     r"tonight|last night|yesterday|hoy|sáng nay|trưa nay|tối qua|hôm nay|kanina\w*|ngayon)\b")
# Eating told as a habit, a lack or a plan ("every day this week", "won't eat anything", "we're
# doing the peanut thing"): the background to a question, not a meal to log.
NOT_EATEN = re.compile(r"\b(every ?(day|night|morning|meal)|each day|all week|(a|per) (day|week)|"
                       r"(won'?t|wont|doesn'?t|does not|will not|refuses to) (eat|touch|drink)\w*|"
                       r"has been (eating|having|refusing)|only (eats|drinks|wants)|once (she|he|they)'?s had|"
                       r"(we'?re|we are|i'?m|i am) (doing|starting|planning|about to|going to|thinking)|"
                       r"(going|wants?|want) to (try|give|start|offer|do|put)|gonna (try|give|start|offer)|"
                       r"no quiere (comer|tomar)|ya no come|ne (veut|mange) (pas|plus)|não quer (comer|mais)|"
                       r"will nicht|isst nicht|non vuole|non mangia)\b")
# A meal a question asks about rather than reports ("whats a good breakfast", "ideas for lunch").
MEAL_ASKED_ABOUT = re.compile(r"\b(good|a|for|what|what'?s|whats|which|healthy|easy|quick|ideas?|best) "
                              r"(breakfast|brekkie|bfast|lunch|dinner|snack|tea)s?\b")
_PIECES = re.compile(r",|;|\s-\s|\bbut\b")
# Signs in the child told as happening ("hives after yogurt", "lips swelling", "coughing hard"). A
# sign written before any eating ("rash on his chest after dinner, he had shrimp") makes the question
# lead; a sign only asked about ("is gagging normal?") does not; gagging is ordinary eating.
SIGNS = re.compile(r"(?<!\bno )(?<!\bnot )(?<!\bany )\b(hives|rash\w*|swell\w*|swollen|puffy|blotch\w*|welts?|"
                   r"vomit\w*|threw up|throwing up|puk\w*|wheez\w*|breath\w*|chok\w*|cough\w*|"
                   r"turning (blue|red|pale)|itch\w*|scratching|spots|bumps)\b")
# Asking begun inside a clause: voice notes and run-ons rarely cut before the question.
ASKING = re.compile(r"\b(wonder\w*|is (that|it|this) (ok|okay|too|normal|safe|fine|bad|good|enough|from|a|an)|"
                    r"should (i|we)|(can|could) (i|we|she|he|they)|how (much|many|long|often|soon) (should|can|do|does)|"
                    r"do i need|any (tips|advice|ideas)|not sure (if|whether)|"
                    r"(i'?m|i am|we'?re|we are) (so |a bit |a little |really |kind of |kinda )?worried)\b")
# A clause addressed to the bot as a request ("can you send me a summary", "could u do a 3 day plan"):
# it asks the bot to do something, so it is the command, not a question about it.
BOT_REQUEST = re.compile(r"^(?:\W*|so |ok |okay |hi |hey |hello |and |also |then |but |if so,? |if yes,? |"
                         r"if (?:it'?s|that'?s|so) (?:ok|okay|fine),? )*(?:can|could|would|will) (?:you|u|ya) "
                         r"(?:please |pls |plz |just |maybe )?(?:do|make|put|whip|send|plan|set|"
                         r"change|switch|move|add|remove|take|show|pull|email|text|create|build|write|"
                         r"draw|turn|give (?:me|us))\b"
                         # "me puedes hacer un menú", "tu peux me proposer des idées", "você pode montar"
                         r"|^(?:\W*)(?:me |nos )?(?:puedes|podrías|podrias)(?: me| nos)? (?:hacer|armar|preparar|"
                         r"proponer|mandar|enviar|cambiar|planear|planificar)"
                         r"|^(?:\W*)(?:tu peux|peux-tu|pourrais-tu|pouvez-vous|pourriez-vous)(?: me| nous)? "
                         r"(?:faire|proposer|préparer|envoyer|changer)"
                         r"|^(?:\W*)(?:você )?(?:pode|poderia)(?: me)? (?:fazer|montar|preparar|sugerir|mandar|enviar)",
                         re.I)  # not "give" alone or "start": "can you give babies water?"


# A clause that tells the bot to change something ("note she's dairy free now", "please add sesame to
# her allergies"): a command beside whatever else the message asks.
COMMAND_CLAUSE = re.compile(r"^(?:\W*|please |pls |plz |and |also |then |oh and )*"
                            r"(?:note|add|mark|update|record|save|remove|invite)\b", re.I)


def reports(clause: str) -> bool:
    """True when a clause tells of eating that happened, not of a habit or a lack."""
    lowered = clause.lower()
    return bool(REPORTS.search(lowered)) and not NOT_EATEN.search(lowered)


def reports_and_asks(text: str) -> bool:
    """True when one clause reports eating and another asks something, or a clause reports and then
    asks by a short tag ("had 3 cups of milk today, too much?")."""
    parts = clauses(text)
    return (any(asks(c) for c in parts) and any(reports(c) for c in parts if not asks(c))
            or any(asks_by_tag(c) and reports(c) for c in parts))


def anything_asked(text: str) -> bool:
    """True when some clause asks, or the asking starts mid-clause ("... lol is that too much dairy")."""
    return any(asks(c) for c in clauses(text)) or bool(ASKING.search(text.lower()))


def meal_and_question_order(text: str, names_food: Callable[[str], bool]) -> tuple[str, ...]:
    """A meal and a question: the one the parent wrote first leads; a sign told first asks."""
    parts = clauses(text)
    if _lead(parts, names_food) == "question":
        # a question that reports no eating ("are nut butters on toast a choking risk") has no meal to log
        return ("question", "log_meal") if _meal_in(parts) else ("question",)
    if not anything_asked(text):
        return ("log_meal",)  # a meal story that asks nothing ("so much mess but she loved it")
    # a statement first that reports no eating ("the pods are up on the top shelf now. whats a good
    # breakfast for her"): the only meal words are in the question, so there is no meal to log
    told = [c for c in parts if not asks(c)]
    meal_told = any(reports(c) or (names_food(c) and not NOT_EATEN.search(c.lower())) for c in told)
    meal_told = meal_told or any(reports(c) for c in parts if asks_by_tag(c))
    return ("log_meal", "question") if meal_told else ("question",)


def _meal_in(parts: Sequence[str]) -> bool:
    """True when a clause reports eating, told apart from any sign it caused.

    "her lips are swelling after she ate peanut puffs" asks about the reaction: eating told after the
    sign, as its cause, is not a meal to log ("hives after yogurt!! she had 2 spoons" is). Inside a
    question the meals asked about and any habit are dropped first ("whats a good breakfast" does not
    report; "ok to give her cheese every day because she had some at lunch" does).
    """
    for clause in parts:
        asked = asks(clause)
        for piece in _PIECES.split(clause.lower()):
            sign = SIGNS.search(piece)
            eaten = (REPORTS.search(MEAL_ASKED_ABOUT.sub(" ", NOT_EATEN.sub(" ", piece))) if asked
                     else reports(piece) and REPORTS.search(piece))
            if eaten and not (sign and sign.start() < eaten.start()):
                return True
    return False


def _lead(parts: Sequence[str], names_food: Callable[[str], bool]) -> str:
    """"question" or "log_meal": what the first clause that asks, tells of a sign or reports is.

    Background ("we're at grandma's", "she only eats fruit") is passed over; inside a clause the
    earliest word decides ("hives after the yogurt" asks, "she ate 5 strawberries and now a rash"
    reports), as does a food named with no verb ("few bites of steak strips").
    """
    for clause in parts:
        lowered = clause.lower()
        if asks(clause) and not (asks_by_tag(clause) and REPORTS.search(lowered)):
            return "question"  # "he ate a whole cup of blueberries, normal??" reports first
        if NOT_EATEN.search(lowered):
            continue
        marks = [(m.start(), lead) for m, lead in ((SIGNS.search(lowered), "question"),
                                                  (ASKING.search(lowered), "question"),
                                                  (REPORTS.search(lowered), "log_meal")) if m]
        if marks:
            return min(marks)[1]
        if names_food(clause):
            return "log_meal"
    return "question"


def asks_only_the_bot(text: str) -> bool:
    """True when every clause that asks is a request to the bot ("can you plan next week?")."""
    asking = [c for c in clauses(text) if asks(c)]
    return bool(asking) and all(BOT_REQUEST.search(c) for c in asking)


def first_clause_leader(text: str, pair: tuple[str, str],
                        score: Callable[[str], dict[str, float]]) -> tuple[str, str]:
    """Order two intents by the message's first clause: the one it scores higher leads."""
    parts = clauses(text)
    if len(parts) < 2:
        return pair
    if asks_only_the_bot(parts[0]) and "question" in pair:
        return pair if pair[0] != "question" else (pair[1], pair[0])
    first = score(parts[0])
    return pair if first[pair[0]] >= first[pair[1]] else (pair[1], pair[0])
