"""Split a parent's meal message into items and what happened to each (eaten, part eaten, refused).

"Maya had ½ cup oatmeal and a banana, then some blueberries for breakfast" ->
meal_type "breakfast", items "½ cup oatmeal", "a banana", "some blueberries". The parser knows words,
not foods: matching items to SR28 is `FoodTable.resolve`. Pure functions, no state.
The parts live beside it: meal_types (which meal), message_rewrites (brackets and rewrites of the whole
message), meal_segments (clauses and segments), eating_verbs, eaten_shares (how much went in), parsed_item.
"""
from __future__ import annotations

import re

from knowledge.foods.batches import batch_shares
from knowledge.foods.corrections import without_corrections
from knowledge.foods.eaten_shares import (
    _BITES, _BITES_WENT_IN, _BOTH, _COUNT_LEFT, _COUNT_ONLY, _CUT_NUMBERS, _HEDGE, _NUMBERS, _PACK_BACK, _PRONOUN,
    _THE_REST, _WASTED, _WASTED_FED, _WASTED_SHARE, _WENT_DOWN, _WORD_NUMBERS, _bite_unit, _of_the_cut, _share,
    _share_said_of_before, _went_in,
)
from knowledge.foods.eating_verbs import EAT, IMPLIED, REFUSE, VERBS, _PASSIVE, _SHORT_NO, _VERB
from knowledge.foods.filler import strip_filler
from knowledge.foods.meal_segments import (
    _CLAUSE, _CONTRAST, _DANGLING, _LABEL, _LEADING, _MIXED_IN, _SEGMENT, _food_before_verb, _named_then_verb,
    _passive_to_all, _second_amount, _second_food,
)
from knowledge.foods.meal_types import (
    _MEAL_ALONE, _MEAL_PHRASE, _MEAL_TYPO, _NEXT_MEAL, _TEA, detect_meal_type, meal_word_typo,
)
from knowledge.foods.message_rewrites import (
    _CUT_INTO, _DILUTED, _MADE_WITH, _PAREN, _PAREN_AMOUNT, _SHARE_OF_PARTS, _THE_WHOLE, _WHICH_ONE, _bracket,
    _halves, _parts_shared, _protect, _restore,
)
from knowledge.foods.outcomes import retold_outcomes
from knowledge.foods.parsed_item import ParsedItem, ParsedMeal
from knowledge.foods.quantities import number_value
from knowledge.foods.text import content_tokens, light_normalise, normalise


def parse_meal(text: str, protected_phrases: tuple[str, ...] = ()) -> ParsedMeal:
    """Split `text` into items; `protected_phrases` are food names containing "and"/"with"."""
    light = _CUT_INTO.sub(lambda m: f" \x04{_CUT_NUMBERS.get(m.group('n').lower(), m.group('n'))}\x04 ",
                          batch_shares(without_corrections(light_normalise(text))))  # before the filler, which drops "cut in half"
    light = strip_filler(light)
    meal_type = detect_meal_type(light)
    light = _MEAL_TYPO.sub(lambda m: m.group(0) if meal_word_typo(m.group(0)) is None else " ", light)
    light = re.sub(r"\bw/\s*|(?<=[a-z)] )w (?=[a-z\d½¼¾⅓])", " with ", light, flags=re.I)  # "pancakes w syrup", "w 1 tbsp"
    light = retold_outcomes(light)  # "ate MOST (... served)", "chewed and spit out", "so really just tortillas"
    light = _THE_WHOLE.sub("1 whole ", light)  # "the whole hot dog" is one hot dog
    light = re.sub(r"\bnothing\s+but\b|\bnothing\s+except\b", "only", light, flags=re.I)  # "ate nothing but ketchup"
    light = re.sub(r"(\d)\s*-?\s*ish\b", r"\1", light, flags=re.I)  # "(8ish)", "10-ish grapes": about that many
    light = _WHICH_ONE.sub(r"\g<what> \g<pack>", light)  # "a Happy Baby pouch, the apple sweet potato one"
    light = _DILUTED.sub(lambda m: f"half of the {m.group('drink')}" if m.group("half") else m.group("drink"), light)
    light = _SHARE_OF_PARTS.sub(_parts_shared, light)  # "half a turkey sandwich (1 slice bread, 1 slice ham)"
    light = _PAREN_AMOUNT.sub(lambda m: " \x02" + "_".join(m.group("q").split()) + "\x02", light)
    light = _PAREN.sub(_bracket, light)
    light = _MADE_WITH.sub(lambda m: " \x01" + "_".join(normalise(m.group("what")).split()) + "\x01", light)
    body, saved = _protect(_halves(light), protected_phrases)  # "fruit snacks" keeps "snacks"
    body = _NEXT_MEAL.sub("\n", body)  # "lunch pb&j, dinner spaghetti, 1/4 cup": each meal a sentence of its own
    body = _MEAL_PHRASE.sub(" ", _TEA.sub(" ", body))
    for wasted in (_WASTED, _WASTED_FED):
        body = wasted.sub(lambda m: f" \x05{' '.join(m.group('share').lower().split())}\x05 ", body)
    items: list[ParsedItem] = []
    clauses = [c for c in _CLAUSE.split(body) if c and c.strip(" ,")]
    for number, clause in enumerate(clauses):
        clause = _LABEL.sub("", clause.strip(" ,"))
        carry: tuple[str, float | None] | None = None
        for segment in _named_then_verb(_SEGMENT.split(clause)):
            segment = _restore(segment, saved).strip(" ,-:")
            if not segment or _MEAL_ALONE.match(segment):
                continue
            for part in (p for whole in _food_before_verb(segment) for p in _second_food(whole)):
                item, carry = _parse_segment(part, number, carry)
                if item is not None:
                    items.append(_of_the_cut(item, items))
        _passive_to_all(items, number, clause)
    return ParsedMeal(text, meal_type, tuple(items))


def _parse_segment(segment: str, clause: int, carry):
    """Read the verb, the share eaten and the food phrase of one segment."""
    share = bites = count = only = None
    bite_unit = "bite"
    kind: str | None = None
    made_with: tuple[str, ...] = ()
    measured = None
    if m := re.search(r"\x02([^\x02]*)\x02", segment):
        measured = m.group(1).replace("_", " ")
        segment = (segment[: m.start()] + segment[m.end():]).strip()
    aside, cut_into = (), None
    if m := re.search(r"\x03([^\x03]*)\x03", segment):
        aside = tuple(w for w in m.group(1).split("_") if w)
        segment = (segment[: m.start()] + segment[m.end():]).strip()
    bracketed = bool(re.fullmatch(r"\s*\x06[^\x06]*\x06\s*", segment))
    segment = segment.replace("\x06", " ").strip()
    if m := re.search(r"\x04(\d+)\x04", segment):
        cut_into = int(m.group(1)) or None
        segment = (segment[: m.start()] + segment[m.end():]).strip()
    if m := re.search(r"\x01([^\x01]*)\x01", segment):
        made_with = tuple(w for w in m.group(1).split("_") if w not in ("and", "a", "some", "little", "bit", "of"))
        segment = (segment[: m.start()] + segment[m.end():]).strip()
    segment = _LEADING.sub("", segment)
    if wasted := re.fullmatch(r"\x05(?P<share>[^\x05]*)\x05", segment.strip(" ,.!")):
        share_wasted = _WASTED_SHARE.get(wasted.group("share").lower())
        if share_wasted is None:  # "the rest went on the floor": what was eaten was said already
            return None, carry
        return ParsedItem(segment, (), 1.0 - share_wasted, None, "bite", clause, True, None, EAT), carry
    if _CONTRAST.match(segment):
        carry = None
    passive = _PASSIVE.search(segment)
    went = _went_in(segment)  # "maybe 1 tbsp actually eaten": no subject, and "eaten" no verb of it
    if went and went.re is _WENT_DOWN and not passive:
        return ParsedItem(segment, tuple(normalise(went.group("amount")).split()), None, None, "bite", clause,
                          True, None, EAT), carry
    verb = None if passive or went else _VERB.match(segment)
    status = carry
    if verb and len(verb.group("subj").split()) <= 3:
        said_verb = re.sub(r"\s+", " ", verb.group("verb").lower().replace("'", ""))
        kind, verb_share = VERBS[said_verb]
        only = kind == EAT and re.search(r"\bonly\b", verb.group(0)[: verb.start("verb") - verb.start()], re.I)
        status = (kind, verb_share) if kind == REFUSE and said_verb not in _SHORT_NO else None
        share = verb_share
        segment = segment[verb.end():]
    elif carry is not None:
        share = carry[1]
    if passive:
        share = 0.0 if (passive.group("refused") or passive.group("tail") or passive.group("floor")
                        or passive.group("spat")) else 1.0
        segment = segment[: passive.start()]
    segment = _HEDGE.sub("", _HEDGE.sub("", segment.strip()))
    if (said := _share_said_of_before(segment, bool(verb) and kind == EAT, clause, bracketed)) is not None:
        return said, status
    unshared = segment
    segment, found = _share(segment)
    share = (1.0 - found if kind == REFUSE else found) if found is not None else share  # "spat most of it out"
    if found is not None and kind is None and _BOTH.match(unshared):
        kind = EAT  # "most of both": of every food before, not the last
    segment = _HEDGE.sub("", segment)
    if verb and kind == EAT and (m := _COUNT_ONLY.match(_DANGLING.sub("", segment.strip(" ,.!")))):
        n = m.group("n").lower()
        count = _NUMBERS.get(n) or _WORD_NUMBERS.get(n) or float(n)
        return ParsedItem(segment, (), None, None, "bite", clause, True, count, kind), status
    if m := _BITES_WENT_IN.match(segment):  # "maybe 2 bites actually went in"
        n = m.group("n").lower()
        return ParsedItem(segment, (), None, _NUMBERS.get(n) or number_value(n) or 1.0, _bite_unit(m.group("unit")),
                          clause, True, None, EAT), status
    if m := _BITES.match(segment):
        bites, bite_unit = _NUMBERS.get(m.group("n").lower(), None), _bite_unit(m.group("unit"))
        bites = bites if bites is not None else float(m.group("n"))
        segment = segment[m.end():]
        again, found = _share(_HEDGE.sub("", segment.strip()))
        if found is not None and _PRONOUN.match(again.strip()):  # "4 bites maybe a quarter of it": the bites say it
            segment = ""
    if measured is not None:  # the bracketed amount replaces "a few sips of" / "some"
        bites = None
        segment = f"{measured} " + re.sub(r"^(?:some|a little|a bit|a few|a couple|(?:a\s+)?(?:small\s+|little\s+|big\s+)?"
                                          r"handful)\s+(?:of\s+)?", "", segment, flags=re.I)  # "a handful (~15)": 15
    if (m := _MIXED_IN.search(segment.strip(" ,.-:"))) and not re.search(r"\d", segment):  # "blueberries mixed
        segment = f"a bit of {segment.strip(' ,.-:')[: m.start()]}"  # in": a topping, half a serving
    segment = _DANGLING.sub("", _second_amount(segment).strip(" ,.-:")).strip(" ,.-:")
    words = tuple(normalise(segment).split())
    if verb and not content_tokens(list(words)) and (implied := IMPLIED.get(verb.group("verb").lower())):
        words, segment = tuple(implied.split()), verb.group(0).strip()  # "nursed for 10 min"
    if kind == REFUSE and (_THE_REST.match(segment) or _COUNT_LEFT.match(segment)):  # "ate 5 and threw the rest",
        return None, status  # "ate 3 and dropped 2": what was eaten stands
    refers_back = bool(_PRONOUN.match(segment)) and (share is not None or bites is not None)
    if (m := _PACK_BACK.match(segment)) and (share is not None or bites is not None):
        amount = tuple(normalise(m.group("amount") or "").split())  # "half the little 2.5 oz tub"
        return ParsedItem(segment, amount, share, bites, bite_unit, clause, True, None, kind), status
    if (m := _WENT_DOWN.match(segment)) and (normalise(m.group("amount")).split()[0] in _NUMBERS
                                             or number_value(normalise(m.group("amount")).split()[0]) is not None):
        return ParsedItem(segment, tuple(normalise(m.group("amount")).split()), None, None, bite_unit, clause,
                          True, None, EAT), status  # "maybe an ounce actually went down"
    if not words and not refers_back:
        return None, status
    return ParsedItem(segment, words if not refers_back else (), share, bites, bite_unit, clause,
                      refers_back, None, kind, made_with, aside, cut_into, bracketed, bool(only)), status
