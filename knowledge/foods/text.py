"""Text helpers shared by the food index and the meal parser: normalising, tokens, plurals."""
from __future__ import annotations

import re
import unicodedata

from knowledge.foods.not_food import PEOPLE, TIME_WORDS
from knowledge.foods.sr28 import singular

_FRACTIONS = {
    "½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅖": "2/5",
    "⅗": "3/5", "⅘": "4/5", "⅙": "1/6", "⅚": "5/6", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8", "⅞": "7/8",
}
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                         "\u2014": " - ", "\u00a0": " "})

# Words that never name a food on their own: articles, possessives, fillers.
STOPWORDS = frozenset(
    "a an the some of her his their my our your its this that these those more extra another "
    "any also just only too very really bit bits piece pieces little tiny lots lot plenty few "
    "couple he she they we i it them baby lo dd ds kid kiddo toddler son daughter girl boy "
    "today tonight yesterday morning afternoon evening night earlier later now then again "
    "about around approx approximately roughly maybe like ish yum yummy please thanks thank "
    "and or with plus for at on in to from was were is are be been being had has have did "
    "breakfast brunch lunch dinner supper snack snacks meal time".split()
) | frozenset(  # chatter around a meal: moods, people, places, things that are not food
    "feeling felt seemed seems so super cranky fussy tired sleepy sick grumpy happy hungry full "
    "messy picky great good bad okay ok fine well amazing awesome yay lol haha omg nap napped slept "
    "sleep asleep woke daycare nursery school grandma grandpa nanny dad mom mum mommy daddy mama "
    "papa park bath played playing teeth poop diaper nappy floor highchair fork mess everywhere "
    "first new food foods loves love likes liked hates enjoyed trying try tries whole lot bites "
    "bite even though since because after before during while until then but not no yes "
    # eating verbs, in case one is left over: "picked at", "snacked on"
    "ate eaten eats eat picked snacked munched nibbled drank drinks gave offered served refused "
    "rejected tried tasted finished devoured gobbled loved wanted took got fed swallowed gulped guzzled chugged "
    "kept keeps sneaking sneaked snuck stealing stole grabbing grabbed realistically rest remainder shes hes theyre thats its im ive id whats okay probably honestly literally actually basically "
    "back out down went thawed opened thing things stuff ish inch inches cm "
    "strike proud judge worry says said though tho idk "
    "am pm min mins minute minutes hour hours hr hrs oclock sec secs seconds together one ones kind kinds flavor flavour type".split()
) | TIME_WORDS | PEOPLE | frozenset(  # ages, people and everyday words a typo-fixer would turn into foods ("months" -> mothbeans,
    # "lives" -> liver, "barely" -> barley, "dont" -> donut, "twins"): never a food's name on their own
    "month months mo mos mths yr yrs year years yo old week weeks wk wks twins twin triplets siblings "
    "barely hardly lives living dont doesnt didnt wont cant couldnt wouldnt isnt wasnt arent werent "
    "herself himself myself themselves independent guilty enough usually normal than "
    "what which who where why how day days logging log logged anyway think guess total".split()
)
# Preparation words: kept for matching ("mashed potatoes") but ignored when left over.
DESCRIPTORS = frozenset(
    "quartered halved sliced diced chopped cut cubed shredded grated steamed roasted baked boiled "
    "mashed pureed blended warm warmed cold chilled frozen thawed fresh ripe organic homemade "
    "leftover leftovers plain soft cooked raw whole finely thinly into strips chunks spears wedges "
    "rounds coins cubes peeled seedless small bite sized size sizes finger fingers stick sticks "
    "slices slice pieces piece bits crumbled smashed squished squeezed torn dipped spread topped "
    "sauteed sautéed grilled fried toasted buttered seasoned unsalted salted lightly mini bowl mixed "
    "stirred prepared heated segments segment sections section lengthwise halves "
    "squeezed squeezy full pumped expressed store bought storebought brand big large medium tiny regular cup cups serving helping dry flaked flakes scrambled poached".split()
)


def light_normalise(text: str) -> str:
    """Normalise quotes, dashes and spaces but keep the parent's spelling and case."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = re.sub(r"[ \t\f\v]+", " ", text.replace("\r", "\n"))
    return re.sub(r"\s*\n\s*", "\n", text).strip()


def normalise(text: str) -> str:
    """Lower-case text for matching: fractions spelled out, apostrophes dropped, units split."""
    text = light_normalise(text)
    # Anchored at the start of a number, so a long run of digits is scanned once, not once per digit.
    text = re.sub(r"(?<![\d.])(\d+(?:\.\d+)?)\s*T(?:bsp|bs|BSP)?\b", r"\1 tbsp ", text)
    text = re.sub(r"(?<![\d.])(\d+(?:\.\d+)?)\s*t(?:sp)?\b", r"\1 tsp ", text)
    for char, frac in _FRACTIONS.items():
        text = text.replace(char, f" {frac} ")
    text = text.lower()
    text = re.sub(r"[~≈]|\b(?:abt|approx|approximately|est)\b\.?", " ", text)  # "~1/4 cup", "abt 2 oz"
    text = re.sub(r"(\d)-(\d+/\d+)", r"\1 \2", text)  # 1-1/2 -> 1 1/2
    text = re.sub(r"(?<=[a-z])'s\b", "s", text)
    text = text.replace("'", "")
    text = re.sub(r"\byog(?:h|)o?urt", "yogurt", text)  # "yoghurt", "yogourt": one spelling for the names
    text = text.replace("&", " and ").replace("w/", " with ").replace("+", " and ")
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)
    text = re.sub(r"(\d)(?=[a-z])", r"\1 ", text)  # 100g -> 100 g
    text = re.sub(r"(?<=[a-z])(?=\d)", " ", text)  # x2 -> x 2
    text = re.sub(r"[()\[\]{}\"!?*:;,]", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str) -> list[str]:
    """Split normalised text into tokens."""
    return normalise(text).split()


def plural_forms(phrase: str) -> set[str]:
    """Return the phrase with its last word made singular and plural ("berry" <-> "berries")."""
    words = phrase.split()
    if not words:
        return set()
    last = words[-1]
    forms = {last, singular(last)}
    base = singular(last)
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        forms.add(base[:-1] + "ies")
    elif base.endswith(("ch", "sh", "x", "o", "s")):
        forms.add(base + "es")
        forms.add(base + "s")
    else:
        forms.add(base + "s")
    return {" ".join(words[:-1] + [form]) for form in forms}


def content_tokens(words: list[str]) -> list[str]:
    """Drop stopwords, descriptors and numbers: what is left should name a food."""
    return [w for w in words if w not in STOPWORDS and w not in DESCRIPTORS and not _is_number(w)]


def _is_number(word: str) -> bool:
    return bool(re.fullmatch(r"[\d./%-]+", word))
