"""`log_meal`: log what a child ate and answer in a line or two: items, the nutrient that matters, new
foods, the streak and any safety flag. Unknown words are asked about, never silently dropped."""
from __future__ import annotations

import re
from typing import Any

from handlers import meals, progress
from handlers.context import Context, InboundMessage, Reply
from handlers.family import find_child, find_children, named_stranger, names_of, not_our_child
from handlers.routes import Route, Step
from handlers.steps import Onboarding, UnknownFood
from knowledge.words import FOOD_HANDLED
from storage.meals import Meal
from storage.models import Child

ASK_UNKNOWN = "I didn't catch {words}: what is it?"
QUESTIONISH = re.compile(r"\?|^\s*(what|how|when|why|which|who|can|could|should|is|are|do|does|will|would|may)\b|"
                         r"\b(ideas?|plan|plans|suggest\w*|recipes?|menu)\b", re.I)
# Words that make a food list about the child's profile or settings rather than a meal eaten.
NOT_EATEN = re.compile(r"\b(likes?|liked|loves?|hates?|dislikes?|allerg\w*|born|birthday|remind\w*|won'?t|"
                       r"doesn'?t|don'?t|never|no longer|favou?rite|avoid\w*|intoleran\w*)\b", re.I)
UNSURE = 0.75
# News about food that says nobody ate it yet ("grandma is visiting, she brought cookies"): a bare food list
# has no such verb, so with no eating word beside it the foods are not a meal.
HANDLED_NOT_EATEN = re.compile(rf"\b(?:{FOOD_HANDLED}|visiting|coming|shopping)\b", re.I)
# A meal of its own, not what an unknown word meant: it reports eating, names a meal or a clock time
# ("she had oatmeal at 7:30am" after "I didn't catch 'report'" is breakfast, not the meaning of 'report').
NEW_MEAL = re.compile(r"\b(had|has had|ate|eaten|drank|finished|devoured|gave|fed|offered|for (breakfast|lunch|dinner|"
                      r"tea|snack))\b|^\s*(breakfast|brekkie|lunch|dinner|snack|supper)\b|\b\d{1,2}(:\d\d)?\s*[ap]\.?m\b",
                      re.I)
NOTHING_TO_LOG = ("Thanks for telling me! I don't see a food to log in that. Text me what {child} eats, like "
                  "\"1/2 cup oatmeal and a banana\", or ask me a feeding question.")
# A sentence about the child ("she choked up laughing at the dog"), not a list of foods.
STORY = re.compile(r"\b(she|he|they|shes|hes|her|his|him|was|were|is|are|got|goes|went|laughing|crying|playing|"
                   r"screaming|haha|lol|lmao|omg)\b", re.I)


def mentions_food(ctx: Context, child: Child, text: str) -> bool:
    """The text names at least one food we know (a meal, or the description a step waits for)."""
    return not QUESTIONISH.search(text) and bool(meals.analyze(ctx, text, child).items)


def is_plain_meal(ctx: Context, text: str, found: Any) -> bool:
    """A bare list of foods ('scrambled eggs and toast') the classifier was unsure about is a meal."""
    if found.intent == "log_meal" or found.confidence >= UNSURE or not ctx.children:
        return False
    if QUESTIONISH.search(text) or NOT_EATEN.search(text):
        return False
    if HANDLED_NOT_EATEN.search(text) and not NEW_MEAL.search(text):
        return False
    from knowledge.foods import analyze_meal

    analysis = analyze_meal(text, ctx.knowledge.food_table(), None)
    return bool(analysis.items) and not analysis.unknown


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    children = ctx.children
    if not children:
        if (ctx.step or "").startswith("onboarding."):
            data = ctx.step_data(Onboarding)
            data.pending_meals = (data.pending_meals + [msg.text])[-5:]
            ctx.set_step(ctx.step, data)
        return Reply("I've kept that meal and will log it as soon as I know your child's name.", "log_meal")
    found = find_children(ctx, msg.text)
    if not found and (stranger := named_stranger(ctx, msg.text)):
        return Reply(not_our_child(ctx, stranger), "log_meal")
    if not found:
        return Reply(f"Who was that for? Start with \"for {children[0].name}:\" ({names_of(children)}).", "log_meal")
    said = [(child, log_text(ctx, child, text)) for child, text in found]
    idle = all(text == NOTHING_TO_LOG.format(child=child.name) for child, text in said)
    return Reply("\n".join(text for _, text in said), "log_meal", idle=idle)


# "then ate her whole lunch": a meal said to be eaten without its foods - ask what was in it.
MEAL_NOT_NAMED = re.compile(r"\b(ate|eaten|finished|had|devoured|cleared|polished off)\b(?:\s+\w+){0,3}?\s+"
                            r"(?P<meal>breakfast|lunch|dinner|supper|tea|snack|meal|plate|bowl|everything)\b", re.I)
MEAL_NOT_NAMED_REPLY = ("Glad to hear {child} ate {what}! What was on the menu? Text me the foods, like \"1/2 cup pasta and "
                        "peas\", and I'll log them.")


def log_text(ctx: Context, child: Child, text: str) -> str:
    """Analyse, store and describe one meal; returns what the bot says."""
    analysis = meals.analyze(ctx, text, child)
    if not analysis.items and not analysis.unknown and (said := MEAL_NOT_NAMED.search(text)):
        return MEAL_NOT_NAMED_REPLY.format(child=child.name, what=said["meal"].lower())
    if not analysis.items and _a_story(ctx, text):
        return NOTHING_TO_LOG.format(child=child.name)
    if not analysis.items:
        if analysis.unknown:
            ctx.set_step("meal.unknown", UnknownFood(child_id=child.id, unknown=analysis.unknown[:3]))
            return ASK_UNKNOWN.format(words=_quoted(analysis.unknown))
        return "I couldn't find any food in that. Try something like \"1/2 cup oatmeal and a banana\"."
    meal = meals.store(ctx, child, analysis, text)
    reply = describe_logged(ctx, child, meal, analysis.items, analysis.doubts)
    if analysis.unknown:
        ctx.set_step("meal.unknown", UnknownFood(child_id=child.id, meal_id=meal.id, unknown=analysis.unknown[:3]))
        reply += "\n" + ASK_UNKNOWN.format(words=_quoted(analysis.unknown))
    return reply


def describe_logged(ctx: Context, child: Child, meal: Meal, items: list, doubts: list | None = None) -> str:
    """The reply for a logged meal: what, the key nutrient, new foods, the streak, then safety flags."""
    day = "" if meal.local_date == ctx.today else " from yesterday"
    lines = [f"Logged {child.name}'s {meal.meal_type}{day}: {meals.describe_items(items)}."]
    nutrient = meals.key_nutrient_line(ctx, child) if not day else ""  # "today so far" is not about yesterday
    household = child.household
    today = progress.household_today(ctx.session, household, ctx.now)
    eaten = progress.foods_eaten(ctx.session, child, today, meal.id)  # first tries and food badges, one read
    tried = [i.ndb_no for i in items if i.ndb_no and i.grams > 0]
    new = sorted({i.name for i in items if i.ndb_no in tried and i.ndb_no not in eaten.elsewhere})
    extras = [nutrient] if nutrient else []
    if new:
        extras.append(f"First time trying {_and(new)}!")
    streak = progress.household_streak(ctx.session, household, today, ctx.now)
    if streak.current >= 2:
        extras.append(f"{streak.current}-day streak!")
    if extras:
        lines.append(" ".join(extras))
    lines.extend(meals.flags(ctx, child, items))
    new = progress.award(ctx.session, household, streak, today, ctx.now, known={child.id: eaten})
    if new:
        names = {c.id: c.name for c in household.children}
        lines.append("New badge: " + "; ".join(progress.badge_label(b, names) for b in new) + "!")
    if doubts:
        lines.append(doubts[0].question(child.name))
    return "\n".join(lines)


def resume_unknown(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    """The parent explains a word we didn't know ('zoodles' -> 'zucchini noodles').

    Only a plain description for the same child fits: a question, a command, or a meal for another
    child is handled on its own (the router asks again afterwards)."""
    data = ctx.step_data(UnknownFood)
    if found is not None and found.intent not in ("log_meal", "greeting") and found.confidence >= 0.6:
        return None
    if QUESTIONISH.search(msg.text) or NOT_EATEN.search(msg.text) or NEW_MEAL.search(msg.text):
        return None
    child = next((c for c in ctx.children if c.id == data.child_id), None)
    named, _ = find_child(ctx, msg.text) if len(ctx.children) > 1 else (None, "")
    if child is None or (named is not None and named.id != child.id) or named_stranger(ctx, msg.text):
        return None
    analysis = meals.analyze(ctx, msg.text, child)
    if not analysis.items and len(msg.text.split()) > 3:
        return None  # not a food: a story or a question of its own
    ctx.end_step()
    if not analysis.items:
        return Reply("Still not sure what that is, so I left it out. You can log it again with a plainer name.",
                     "log_meal")
    meal = ctx.session.get(Meal, data.meal_id) if data.meal_id else None
    meal = meals.store(ctx, child, analysis, msg.text, meal=meal)
    return Reply(describe_logged(ctx, child, meal, analysis.items), "log_meal")


def log_pending(ctx: Context, texts: list[str]) -> str:
    """Log meals sent before onboarding finished, for the first child."""
    child = ctx.children[0]
    return "\n".join(log_text(ctx, child, text) for text in texts)


def _quoted(words: list[str]) -> str:
    return _and([f"'{w}'" for w in words[:3]])


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _ask_again(ctx: Context) -> str:
    return ASK_UNKNOWN.format(words=_quoted(ctx.step_data(UnknownFood).unknown or ["that"]))


ROUTE = Route("log_meal", handle, help="- What your child ate: \"1/2 cup oatmeal and a banana\" (or a photo)",
              claim=lambda msg, ctx, found: is_plain_meal(ctx, msg.text, found), priority=30,
              steps=(Step("meal.unknown", resume_unknown, _ask_again, UnknownFood),))


def _a_story(ctx: Context, text: str) -> bool:
    """No food found, and the classifier was not sure it was a meal, and it reads as a sentence."""
    found = ctx.found
    sure_meal = found is not None and found.intent == "log_meal" and found.confidence >= 0.75
    return not sure_meal and bool(STORY.search(text)) and len(text.split()) >= 4
