"""Emergency triage: tables of message text -> kind (or no emergency), and the reply's shape."""
from __future__ import annotations

import time

import pytest

from knowledge.emergency import ADVICE, NOT_A_DOCTOR, Emergency, emergency_reply, triage

REPORTS = [
    # named first and eaten after, 'seems fine' after a battery, a tongue grown big, a pack of batteries
    ('we gave her a spoon of hummus and now her face is blotchy and swollen and she keeps rubbing her neck', 'allergic_reaction'),
    ("the remote's little battery is gone and he had it in his mouth a minute ago, he seems ok but i'm not sure", 'battery'),
    ("his lips look really big and he's drooling a lot since the peanut cookie", 'allergic_reaction'),
    ('i found her with the laundry gel packet, she licked it, her mouth is all soapy', 'poison'),
    ('my dad dropped his heart pills on the rug and i think he ate one of them', 'poison'),
    ('she got into the bathroom cabinet and had some of my melatonin gummies, maybe 4', 'poison'),
    ('her tongue looks fat and weird after the walnut brownie', 'allergic_reaction'),
    # told without the usual words: silent airway, reactions by their signs, overdoses, bleeding, head injury
    ('he grabbed a grape and now hes silent and pawing at his throat', 'choking'),
    ('baby gagging no noise coming out face going red help', 'choking'),
    ('piece of apple, she cant make a sound and is grabbing her neck', 'choking'),
    ("how do i do back blows, she's choking right now on a cracker", 'choking'),
    ('what do I do my son is choking on a piece of meat right now', 'choking'),
    ('tried cashew butter for the first time, now his eyelids are puffing up and he keeps coughing', 'allergic_reaction'),
    ('her voice is all croaky and she keeps clearing her throat, had shrimp 10 min ago', 'allergic_reaction'),
    ('big red welts all over his tummy and back and he vomited after the scrambled egg', 'allergic_reaction'),
    ("rash spreading fast up her neck after the kiwi and she's throwing up", 'allergic_reaction'),
    ('his eyes are getting puffy and swollen after peanut puffs and hes scratching like crazy', 'allergic_reaction'),
    ('she ate a bite of my sesame bagel and her breathing sounds squeaky and she looks pale', 'breathing'),
    ("hives popping up everywhere and now she's super drowsy after eating walnuts", 'allergic_reaction'),
    ("he has croup and now he's struggling so hard for every breath, his lips look a little blue", 'breathing'),
    ('her breathing is so fast, her belly is heaving and she cant get air between coughs', 'breathing'),
    ("coughing fits and she can't catch her breath, going purple", 'breathing'),
    ("found him with the bottle of infant motrin open and it's mostly gone", 'poison'),
    ('she drank some of the purple cough syrup, like half the bottle', 'poison'),
    ('my 2yo ate a few of grandmas blood pressure pills that fell on the floor', 'poison'),
    ("toddler got into the weed brownies at my brothers house, he's stumbling and can't stay awake", 'poison'),
    ("he licked a dishwasher pod and now he's drooling and coughing", 'poison'),
    ('he drank from a bottle of windshield washer fluid in the garage', 'poison'),
    ("she fell and her chin is gushing blood, it won't stop even with pressure", 'bleeding'),
    ("he hit his head on the coffee table, threw up twice and now he's really drowsy", 'head_injury'),
    ('deep cut on his finger from a knife and the blood is spurting', 'bleeding'),
    ('her arms and legs are jerking and she isnt looking at me', 'seizure'),
    ('he went floppy in the high chair and his eyes are glassy, not reacting to me', 'unresponsive'),
    ('what should i do, she just swallowed a penny and keeps drooling and gagging', 'choking'),
    # choking
    ("she's choking", "choking"),
    ("he is choking and can't breathe", "choking"),
    ("baby choking!!", "choking"),
    ("Baby is CHOKING on a grape!!!", "choking"),
    ("my baby is choking", "choking"),
    ("Maya is choking", "choking"),
    ("shes chocking", "choking"),
    ("he's choaking!!", "choking"),
    ("she’s choking", "choking"),
    ("help choking", "choking"),
    ("choking on a grape what do i do", "choking"),
    ("what do I do, she's choking on a grape", "choking"),
    ("what do i do shes choking", "choking"),
    ("I don't know if she's choking", "choking"),
    ("I'm scared she's choking", "choking"),
    ("she choked on a grape and now she's not breathing", "choking"),
    # breathing
    ("not breathing", "breathing"),
    ("can't breathe", "breathing"),
    ("cant breath", "breathing"),
    ("HE CANT BREATHE", "breathing"),
    ("struggling to breathe", "breathing"),
    ("dd is not breathing well", "breathing"),
    ("shes having trouble breathing", "breathing"),
    ("gasping", "breathing"),
    ("he's wheezing", "breathing"),
    ("blue lips", "breathing"),
    ("lips turning blue", "breathing"),
    ("turning blue", "breathing"),
    ("baby's lips are blue", "breathing"),
    ("he looks blue", "breathing"),
    ("he stopped breathing", "breathing"),
    # allergic reaction
    ("lips are swollen", "allergic_reaction"),
    ("her tongue is swelling", "allergic_reaction"),
    ("face swelling after eggs", "allergic_reaction"),
    ("swollen face", "allergic_reaction"),
    ("gave her a spoon of peanut butter, now her lips are swollen", "allergic_reaction"),
    ("hives and vomiting after peanut butter", "allergic_reaction"),
    ("hives all over and throwing up", "allergic_reaction"),
    ("hives all over and throwing up, I'm scared", "allergic_reaction"),
    ("covered in hives and coughing", "allergic_reaction"),
    ("he has hives and his lips are swelling", "allergic_reaction"),
    ("anaphylaxis", "allergic_reaction"),
    ("allergic reaction can't breathe", "allergic_reaction"),
    ("wheezing after eating", "allergic_reaction"),
    ("having an allergic reaction", "allergic_reaction"),
    ("her throat is closing", "allergic_reaction"),
    ("used the epipen", "allergic_reaction"),
    ("her eyes are swollen shut", "allergic_reaction"),
    ("face is puffy after peanut", "allergic_reaction"),
    # seizure
    ("having a seizure", "seizure"),
    ("he's seizing", "seizure"),
    ("he is convulsing", "seizure"),
    ("she's having a siezure", "seizure"),
    ("baby had a seizure", "seizure"),
    # unresponsive
    ("unresponsive", "unresponsive"),
    ("won't wake up", "unresponsive"),
    ("she wont wake up from her nap and is floppy", "unresponsive"),
    ("passed out", "unresponsive"),
    ("she went limp", "unresponsive"),
    ("she's really pale and floppy", "unresponsive"),
    ("he's not responding to me", "unresponsive"),
    # swallowed things
    ("swallowed a battery", "battery"),
    ("ate a button battery", "battery"),
    ("i think he swallowed a battery from the remote", "battery"),
    ("swallowed a magnet", "magnet"),
    ("swallowed magnets", "magnet"),
    ("she might have swallowed a button battery", "battery"),
    ("he drank bleach", "poison"),
    ("ate a laundry pod", "poison"),
    ("she got into grandma's pills", "poison"),
]


@pytest.mark.parametrize(("text", "kind"), REPORTS)
def test_emergency_is_spotted_with_its_kind(text: str, kind: str) -> None:
    assert triage(text) == Emergency(kind, ADVICE[kind])


ORDINARY = [
    'we keep the dishwasher gel locked up high, can she have dishwasher-safe plates lol',
    'grandma takes her blood pressure pills with breakfast, can the baby eat oatmeal with us',
    'his lips look big in photos, is that normal for a 10 month old',
    'swallowed a coin battery last year and was fine after surgery, what foods help healing',
    # look-alikes of the signs above: history, a grown-up's own throat, a tantrum, a bump that was fine
    'she went a bit blue around the lips during a tantrum last month, the doctor said it was breath holding. any tips?',
    'he had a nosebleed yesterday after picking, stopped after 5 min. does iron help?',
    'he bumped his head last week and was fine, can he still have his normal foods',
    'how do you know if a baby is choking vs gagging',
    'my baby makes a squeaky sound when drinking his bottle fast, is that normal',
    'she had a few hives on her cheek from the strawberries last week, gone now. ok to try again?',
    'we keep the tylenol on the top shelf, how much can she have for teething',
    "he's super sleepy after his shots today, should i wake him for dinner",
    'the cut on her knee from the playground is healing, what foods help skin heal',
    'he coughed and gagged on a puff but brought it up and is giggling now',
    "she's teething and her voice is a bit hoarse from screaming, can she have cold yogurt",
    'my throat is scratchy after eating that spicy curry lol, can the baby have a little',
    "she had grapes",
    "how do I cut grapes so she won't choke",
    "how to cut grapes so she doesn't choke",
    "is gagging normal?",
    "what are choking hazards for toddlers",
    "what foods are choking hazards",
    "how do I prevent choking?",
    "is it choking or gagging?",
    "what is choking vs gagging",
    "how common is choking in babies",
    "is choking common with puffs?",
    "how do I know if she's choking",
    "what should I do if he's choking?",
    "what if she chokes on a carrot?",
    "can babies choke on puffs?",
    "i'm worried she'll choke on grapes",
    "worried about choking with baby led weaning",
    "nervous about baby led weaning and choking",
    "puffs melt so there's no choking risk",
    "he's not choking, just gagging on puffs",
    "he chokes on his water sometimes, any tips?",
    "Is it normal that he gags and chokes a little with new textures?",
    "we're doing a first aid course for choking next week",
    "she had a choking scare yesterday",
    "he choked on a grape yesterday but he's fine now",
    "baby choked on water, coughed and is fine now",
    "she gagged on a piece of toast but spit it out",
    "she swallowed her food too fast",
    "she choked a bit on her puffs but she's fine",
    "he chokes when he eats too fast",
    "how do I stop him from choking on everything",
    "is it safe to give popcorn to a 3 year old? scared of choking",
    "what to do if baby is choking",
    "he's not breathing through his nose, stuffy",
    "her breathing is noisy when she sleeps",
    "she's breathing fast with a cold",
    "can dairy cause wheezing",
    "keto diet for seizures",
    "my baby is gagging and turning red",
    "lunch: quartered grapes, cheese and crackers",
    "he ate a blueberry muffin",
    "she loves blueberries",
    "her mouth is blue from blueberries",
    "her lips are blue from the blueberries lol",
    "purple face when she poops lol",
    "what are the signs of an allergic reaction?",
    "how do I know if it's an allergic reaction",
    "what are signs of anaphylaxis?",
    "she had anaphylaxis to cashews as a baby, is almond ok?",
    "she got hives and threw up last time she had egg, when can we retry?",
    "she had a little hive near her mouth after tomato",
    "can eggs cause hives?",
    "is swelling normal after vaccines?",
    "her gums are swollen from teething",
    "she's teething and has puffy eyes",
    "is it normal for her lips to be red after strawberries?",
    "she's breathing fine, just a little cough",
    "he was wheezing with his cold last week, is dairy ok?",
    "he had a seizure last year, is fish oil ok?",
    "she won't wake up for her feeds, should I wake her?",
    "he passed out in his high chair lol",
    "i fainted when I saw the price of formula lol",
    "she passed on the broccoli",
    "I'm scared he'll swallow a battery from the remote",
    "the remote battery died",
    "we have fridge magnets, are they safe?",
    "she ate her vitamin gummy",
    "my son has a peanut allergy, what snacks are safe?",
    "when can she have peanut butter?",
    "is honey ok for a 10 month old?",
    "he had 2 eggs and milk for breakfast",
    "gave him whole milk in a sippy cup",
    "she drank her milk",
    "breakfast: scrambled eggs, toast and strawberries",
    "Grape Nuts for breakfast",
    "apple slices and peanut butter",
    "he won't eat anything but crackers",
    "He ate a whole banana",
    "her face lit up when she tried mango",
    "",
    "   ",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_message_is_not_an_emergency(text: str) -> None:
    assert triage(text) is None


@pytest.mark.parametrize("kind", sorted(ADVICE))
@pytest.mark.parametrize("number", ["911", "999", "112", "000"])
def test_reply_says_call_now_first_then_advice_then_not_a_doctor(kind: str, number: str) -> None:
    reply = emergency_reply(Emergency(kind, ADVICE[kind]), number)
    assert reply.splitlines() == [f"Call {number} now.", ADVICE[kind], NOT_A_DOCTOR]
    assert len(reply) < 300
    assert reply.isascii()


def test_reply_reads_well_with_the_unknown_country_wording() -> None:
    reply = emergency_reply(Emergency("choking", ADVICE["choking"]), "your local emergency number")
    assert reply.splitlines()[0] == "Call your local emergency number now."


@pytest.mark.parametrize("number", ["", "  ", None])
def test_reply_without_a_number_says_local_emergency_number(number: str | None) -> None:
    reply = emergency_reply(Emergency("choking", ADVICE["choking"]), number)  # type: ignore[arg-type]
    assert reply.splitlines()[0] == "Call your local emergency number now."
    assert len(reply) < 300


@pytest.mark.parametrize(("kind", "words"), [
    ("choking", "back blows"),
    ("battery", "2 hours"),
    ("battery", "ER"),
    ("magnet", "ER"),
    ("allergic_reaction", "epinephrine"),
    ("unresponsive", "CPR"),
    ("seizure", "on their side"),
])
def test_advice_is_specific_to_the_kind(kind: str, words: str) -> None:
    assert words in ADVICE[kind]


def test_triage_is_fast_enough_for_every_message() -> None:
    texts = [text for text, _ in REPORTS] + ORDINARY
    texts.append("she had " + "grapes and cheese and crackers and some choking hazards, " * 25)
    start = time.perf_counter()
    for _ in range(20):
        for text in texts:
            triage(text)
    per_message_ms = (time.perf_counter() - start) / (20 * len(texts)) * 1000
    assert per_message_ms < 1.0
