"""The words that make a message a request for one of the bot's commands.

A message that only mentions a caregiver, a birthday, a reminder or a plan ("grandma is visiting",
"his birthday party is on saturday") tells; a command needs asking for. `bot.intents` reads these
tables to keep a command the model found only when the parent asked for it.
"""
from __future__ import annotations

import re

# Commands that change things, and the words that make a question-shaped message a request for them
# ("who can log for Leo?" asks for caregivers; "can my husband give her honey?" does not).
REQUESTS: dict[str, re.Pattern[str]] = {intent: re.compile(pattern) for intent, pattern in {
    "profile": r"\b(add|remove|delete|update|change|set|edit|rename|record|note|save|mark|put|take|"
               r"clear|correct|fix|profiles?|show|list)\b|\bwhat (do|have) you (have|got|saved)\b"
               # and in the languages parents also write in ("anota que...", "bitte eintragen")
               r"|\b(anot\w*|apunt\w*|eintrag\w*|agreg\w*|añad\w*|ajout\w*|aggiung\w*|adicion\w*|actualiz\w*|perfil)\b",
    "settings": r"\b(remind\w*|nudg\w*|time ?zones?|settings?|notifications?|units?|pause|resume|snooze|"
                r"mute|turn|switch|weekly summary|weekly report|quiet|(message|text) me|whats ?app|sms|"
                r"languages?|idioma|langue|lingua|sprache|spanish|español|french|français|portuguese|vietnamese|tiếng|"
                r"tagalog|recu[ée]rd\w*|recordatorio\w*|rappel\w*|erinner\w*|ricord\w*|lembr\w*|imposta\w*)\b",
    "plan": r"\b(plans?|menus?|shopping|grocery|swap|replace|tomorrow|tmrw|tonight|this week|next week|"
            r"make me|for the week|what('?s| is) for (breakfast|lunch|dinner|tea)|weekend|"
            r"(mon|tues|wednes|thurs|fri|satur|sun)day|week of|days of|put together|\d+ ?days?)\b"
            r"|\b(change|move)\b.*\b(breakfast|lunch|dinner|meal)s?\b"
            # and in the languages parents also write in ("un menú semanal", "des idées de repas pour demain")
            r"|\b(men[úùu]|semanal|semaine|semana|woche|wochen\w*|settiman\w*|hebdo\w*|demain|mañana|amanhã|morgen|"
            r"domani|cardápio|"
            r"idées de repas|ideas de comidas?|thực đơn)\b",
    "caregiver": r"\b(add|invite|remove|kick|revoke|take( \w+){1,3} off|share|sharing|access|join|code|log|logs|logging|caregivers?|"
                 r"who can|who else|who'?s on|account|login|added|reminders|(her|his|their|own) phone|updates|"
                 r"herself|himself|themselves|put (it|them|meals|things) in|"
                 r"(get|see|receive) (the |these |those |her |his |your )?(texts|messages|meals)|"
                 r"acceso|accès|acesso|zugriff|accesso|invit\w*|einlad\w*|lade|eintrag\w*|aggiung\w*|agreg\w*|"
                 r"ajout\w*|adicion\w*|registr\w*)\b",
    "account": r"\b(data|account|delete|erase|privacy|private|stor\w*|keep|kept|sell|shar\w*|photos?|gdpr|"
               r"hipaa|secure|export|download\w*|spreadsheet|csv|copy|know about me|saved|info(rmation)?|"
               r"messages|who has|cost\w*|price\w*|pay|paid|paying|charg\w*|bill\w*|subscription|refund\w*|"
               r"free|fees?|payments?|receipts?|invoices?|"
               r"datos|données|dados|daten|dati|cuesta|cuestan|costo|precio|coûte|co[uû]t|prix|custa|preço|kostet|"
               r"kosten|preis|costa|prezzo)\b"
               r"|\bwhat (do|have) you (have|got|saved)\b",
}.items()}
# Below this probability a command with no request for it is the model's guess, not the parent's ask.
UNSURE_COMMAND = 0.35
PROFILE_FACT = re.compile(r"\b(allerg\w*|intoleran\w*|reacts? to|born|due|months? old|mos? old|years? old|yrs? old|"
                          r"(is|turns|turned|will be) \d+|"
                          # and in the languages parents also write in ("alérgica al huevo", "Erdnussallergie")
                          r"al[ée]rg\w*|\w+allergi\w*|nacimiento|naci[óo]|nacid[oa]|naissance|née?|nascimento|"
                          r"nasceu|geboren|nat[oa]|nascita)\b")
# A question mark (Arabic and Chinese ones too), or a clause that opens with a question word ("we're at my mom's for thanksgiving, what
# can she eat there" asks, with no "?").
QUESTION_SHAPE = re.compile(r"[?؟？]|(?:^|[,.;!]\s*)(so |ok |okay |hi |hey |um |but )*(can|could|is|are|should|does|do|will|"
                            r"would|when|why|how|which|what|whats|what's)\b")


# A birthday or birth told with a date the profile can read ("her birthday is March 3", "born 3/15/24");
# "his birthday is next week" or "it's her first birthday today!" only mentions it.
_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto"
BIRTH_DATE = re.compile(rf"\b(birthday|born|birth ?date|dob|b-?day)\b.*(\d{{1,4}}[/.-]\d{{1,2}}|\b({_MONTHS})\w*\.? ?\d|"
                        rf"\b\d{{1,2}}(st|nd|rd|th)?( of)? ({_MONTHS}))")


# A statement asks for a change when it wants one, corrects something or says what changed ("her name
# is spelled Mia not Maya", "quiero agregar a la abuela"); otherwise it needs the command's own words
# above or the facts below. Only the commands a passing remark is mistaken for are checked this way.
_WANTS = re.compile(r"\b(want|wanna|need|please|pls|plz|make|let|not|anymore|instead|stop|don'?t|show|creat\w*|quiero|quisiera|por favor|"
                    r"agr[eé]g\w*|mud\w*|añad\w*|borr\w*|quit\w*|elimin\w*|ajout\w*|supprim\w*|je veux|adicion\w*|"
                    r"remov\w*|apag\w*|cambi\w*|change\w*)\b")
STATED: dict[str, re.Pattern[str]] = {intent: re.compile(pattern) for intent, pattern in {
    "profile": r"\b(name|spell\w*|likes?|dislikes?|hates?|loves?|won'?t eat|doesn'?t (like|eat)|vegetarian|vegan|"
               r"kosher|halal|weighs|weight|tall|\d+ ?(mo|months?|weeks?|wks?|lbs?|kg))\b",
    "settings": r"\b((i'?m|we'?re|i am|we are|live|living|based) in|moved|relocat\w*|"
                r"time (is|zone)|times are|clock|central|eastern|pacific|mountain|replies|shorter|longer|texts?|messages?)\b",
    "caregiver": r"\b(number|\+?\d[\d -]{7,})\b",
    "plan": r"\b(ideas?|what to (cook|make|feed))\b",
}.items()}


def asked_for(intent: str, lowered: str) -> bool:
    """True when `lowered` asks for `intent`, or `intent` needs no asking (it is no command here)."""
    request = REQUESTS.get(intent)
    if request is None or request.search(lowered):
        return True
    if QUESTION_SHAPE.search(lowered):
        return False  # a question that merely mentions the command is a question
    stated = STATED.get(intent)
    # A statement: a profile fact told is its own request ("she's allergic to eggs", "born 3/15/24").
    return (stated is None or _WANTS.search(lowered) is not None or stated.search(lowered) is not None
            or (intent == "profile" and bool(PROFILE_FACT.search(lowered) or BIRTH_DATE.search(lowered))))
