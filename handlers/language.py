"""`language`: a message in another language gets a short, kind reply in that language.

TinyTummy answers in English for now. The reply says so, gives the emergency number (the emergency
pass has already run on the message) and says how to stop messages. Which language a message is in
comes from `knowledge.languages`; a short answer to a pending step ("Sofía María") is an answer,
not a language choice.
"""
from __future__ import annotations

from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route
from knowledge.languages import ENGLISH, detect

# What the bot says, by ISO 639-1 code; {number} is the emergency number or its local wording.
REPLIES: dict[str, str] = {
    "es": "¡Hola! Gracias por escribirnos. Por ahora TinyTummy solo responde en inglés; puedes "
          "escribirnos en inglés cuando quieras. Si es una emergencia, llama al {number}. Para no recibir más mensajes, responde STOP.",
    "fr": "Bonjour ! Merci pour votre message. Pour l'instant, TinyTummy répond seulement en anglais ; "
          "écrivez-nous en anglais quand vous voulez. En cas d'urgence, appelez le {number}. Pour ne plus recevoir de messages, répondez STOP.",
    "pt": "Olá! Obrigado pela mensagem. Por enquanto, o TinyTummy só responde em inglês; escreva em "
          "inglês quando quiser. Em caso de emergência, ligue para o {number}. Para não receber mais mensagens, responda STOP.",
    "de": "Hallo! Danke für deine Nachricht. TinyTummy antwortet vorerst nur auf Englisch; schreib uns "
          "gern auf Englisch. Im Notfall ruf die {number} an. Keine Nachrichten mehr? Antworte STOP.",
    "it": "Ciao! Grazie per il messaggio. Per ora TinyTummy risponde solo in inglese; scrivici pure in "
          "inglese. In caso di emergenza chiama il {number}. Per non ricevere più messaggi, rispondi STOP.",
}
# A sure opt-out in another language is honoured at once, and confirmed in that language.
UNSUBSCRIBED: dict[str, str] = {
    "es": "Listo: ya no recibirás mensajes de TinyTummy. Escribe START si quieres volver.",
    "fr": "C'est fait : vous ne recevrez plus de messages de TinyTummy. Écrivez START pour revenir.",
    "pt": "Pronto: você não vai receber mais mensagens do TinyTummy. Envie START para voltar.",
    "de": "Erledigt: Du bekommst keine Nachrichten mehr von TinyTummy. Schreib START, um zurückzukommen.",
    "it": "Fatto: non riceverai più messaggi da TinyTummy. Scrivi START per tornare.",
}
LOCAL_NUMBER: dict[str, str] = {
    "es": "número de emergencias local", "fr": "numéro d'urgence local", "pt": "número de emergência local",
    "de": "örtliche Notrufnummer", "it": "numero di emergenza locale",
}
ANSWER_WORDS = 5  # fewer words than this, sent during a conversation step, answer the step
# Before the English answer to a question asked in Spanish: the same promise, shorter.
ANSWERED_IN_ENGLISH = "Por ahora TinyTummy responde en inglés. Si es una emergencia, llama al {number}.\n"


def claims(msg: InboundMessage, ctx: Context, found: object) -> bool:
    """Take a message clearly written in another language."""
    if not msg.text or (ctx.step and len(msg.text.split()) < ANSWER_WORDS):
        return False
    return detect(msg.text) != ENGLISH


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    from handlers import opt_out

    code = detect(msg.text)
    if ctx.found is not None and ctx.found.intent == "opt_out":
        stopped = opt_out.handle(msg, ctx)
        if stopped.intent == "opt_out":  # sure: unsubscribed; unsure: the reply below says how (STOP)
            return Reply(UNSUBSCRIBED[code], "opt_out")
    answer = _answer_in_english(msg, ctx) if code == "es" else None
    return Reply(answer or reply_for(code, ctx.emergency_number), "language")


def _answer_in_english(msg: InboundMessage, ctx: Context) -> str | None:
    """A feeding question asked in Spanish: the guidelines' English answer after a line in Spanish
    saying so, or None when the guidelines do not cover it (the kind reply alone goes then)."""
    from dataclasses import replace

    from handlers import access, question
    from knowledge.answering import answer_locally
    from knowledge.spanish import in_english

    if not ctx.households or access.refusal(ctx, "ask") or question.is_out_of_scope(in_english(msg.text)):
        return None  # no child yet, a viewer, or medicines: the kind reply, with the number, says enough
    ctx.action = "ask"  # the children a question may be about
    asked = question.understand(replace(msg, text=in_english(msg.text)), ctx)
    number = emergency_words("es", ctx.emergency_number)
    note = ANSWERED_IN_ENGLISH.format(number=number)
    answer = answer_locally(ctx.knowledge.guidelines(), asked.read, asked.age_months,
                            child_name=asked.child.name if asked.child else None, age_text=asked.age_text,
                            allergies=asked.allergies, channel=asked.channel, reserve=len(note))
    return note + answer if answer else None


def reply_for(code: str, emergency_number: str) -> str:
    """The reply in language `code`, with the emergency number or its local wording."""
    return REPLIES[code].format(number=emergency_words(code, emergency_number))


def emergency_words(code: str, emergency_number: str) -> str:
    """The emergency number, or its local wording in language `code` where we do not know it."""
    return emergency_number if any(c.isdigit() for c in emergency_number) else LOCAL_NUMBER[code]


# Below photos, voice notes and the opted-out silence; above every intent the classifier picks.
ROUTE = Route("language", handle, claim=claims, priority=70, breakout=True, label=False, needs_household=False)
