"""Ordinary words that are never a food: ages and times, people, places, the body, what a child does.

Parents wrap meals in their day ("she's 9 months", "in the garden", "he has a rash"). The SR28
search must not read these as foods, exactly or as typos: "months" is not a misspelt "moth"
(Mothbeans), "rash" not "radish", "weather" not "water", "garden" not "Cress, garden". Words here
make an SR28 description search find nothing and are never typo-corrected; the curated names still
match them inside a name ("garden salad", "birthday cake", "laughing cow"). Words that open real SR28
foods ("granny smith", "uncle ben's", "home fries", "leg", "over easy") are left out; "old fashioned oats"
is a curated name.
"""
from __future__ import annotations

from knowledge.foods.english import is_english
from knowledge.foods.sr28 import singular

# Units of age and time: never food, never worth asking the parent about (also stopwords).
TIME_WORDS = frozenset(
    "month months mo mos week weeks wk wks day days year years yr yrs age aged turned turning twice "
    "monday tuesday wednesday thursday friday saturday sunday weekend holiday vacation christmas thanksgiving "
    "easter appointment".split()
)
# The people around a child (also stopwords).
PEOPLE = frozenset(
    "twins twin husband wife partner brother sister mother father law babysitter sitter teacher friend "
    "friends cousin aunt auntie grandparents family everyone hubby bro sis grandad granddad grandmother grandfather "
    "neighbor neighbour".split()
)
# Places, the body, the weather and what children do: not stopwords (some open a curated name),
# but never an SR28 search word or a typo of one.
_OTHER = frozenset(
    "garden kitchen house couch sofa chair table room yard backyard outside inside bed crib cot "
    "rash fever tooth teeth tummy ache cough poop pooped diaper blowout weather rain rainy sunny "
    "crying screaming driving sleeping walking crawling running laughing shopping sitting walked "
    "signed waved fell doctor story tv ipad toy toys stroller carseat old "
    "bye hello mama dada last every up asleep change sleep screamed cried sucked licked smeared came come visit "
    "visiting babysitting cheek cheeks face hands gone vanished disappeared demolished "
    "bumped bump bumps banged bonked knocked scraped grazed bruise bruised playground "
    "head forehead knee knees elbow elbows chin teething "
    "dog dogs puppy pup doggy doggie doggo cat cats kitty".split()  # pets: "the dog got her peas" is no corn dog
)
# Function words SR28 descriptions use ("Frozen yogurts, flavors other than chocolate"): a parent's
# "more than that" is not a frozen yogurt.
_FUNCTION = frozenset(
    "than other others without includes including usually except such between per each both either neither "
    "rather quite already always never often sometimes ever enough less least much many most usual own all".split()
)
# Words of a conversation with the bot and everyday verbs: "did I break my streak" is no steak,
# "delete that" no dates, "I want out" no walnuts, "turn off the reminders" no turnips.
_CHAT = frozenset(
    "streak streaks badge badges reminder reminders remind log logged logging delete deleted remove undo "
    "start started stop end help account data settings message messages text texted reply tip tips robot "
    "note record info app bot name birthday want wanted need needed dont doesnt didnt wont cant isnt wasnt "
    "what which who whom us turn turned checking check know think thought been being cheers thanks "
    "health meals allergy allergies allergic allergist dislike dislikes likes mistake wrong "
    "make current iron calcium nutrients vitamins k th gone solids recap update shocker blw diary journal".split()
)
NOT_FOOD = TIME_WORDS | PEOPLE | _OTHER | _FUNCTION | _CHAT
_INFLECTED = ("ing", "ed", "ly")


def not_food(word: str) -> bool:
    """True for a word that names no food on its own ("months", "garden", "rash")."""
    return word in NOT_FOOD or singular(word) in NOT_FOOD


def may_be_typo(word: str) -> bool:
    """Whether a word the food names do not know may be a misspelt food: not an ordinary word, not an
    inflected verb or adverb ("applied" is not "apple", "checking" not "chicken"), not a word spelt
    right ("people" is not a misspelt food, "chaos" not chapos, "mouth" not mothbeans)."""
    return not not_food(word) and not word.endswith(_INFLECTED) and not is_english(word)
