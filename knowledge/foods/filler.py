"""Chatter around a meal that names no food: places, moods, interjections, how the food was cut.

"we had pasta at a friend's house lol, he seems fine" is a meal of pasta. `strip_filler(text)`
removes what a parent says around the food before the message is split into items, so none of it
is ever sent back as an unknown food. Only whole phrases are removed, never a lone word that
could be part of a food's name ("house salad", "station" is left alone unless it follows "gas").
"""
from __future__ import annotations

import re

from knowledge.foods.idioms import without_idioms
from knowledge.words import FOOD_HANDLED, GREETING_WORDS

# "at his cousins bday party": texted possessives often lose the apostrophe.
_POSSESSIVE = r"(?:(?:a|the|my|his|her|our|their|your)\s+)?(?:[A-Za-z]+(?:'s|s'|s)\s+)?"
PLACES = (
    "house", "place", "home", "party", "birthday party", "bday party", "b-day party", "bday", "class party",
    "sleepover", "bbq", "barbecue", "cookout", "daycare",
    "day care", "nursery", "preschool", "school", "park", "playground", "restaurant", "gas station",
    "petrol station", "store", "shop", "supermarket", "grocery store", "zoo", "church", "playdate",
    "play date", "picnic", "cafe", "café", "diner", "mall", "airport", "car", "beach", "pool", "library",
    "farm", "fair", "market", "farmers market", "museum", "hotel", "airplane", "plane", "train",
    "office", "work", "gym", "soft play", "family dinner", "reunion", "wedding", "potluck",
    "drive through", "drive thru", "food court", "hospital", "doctor's", "doctors", "pediatrician",
    "bakery", "deli", "takeout", "take out", "takeaway", "food truck", "cafeteria", "canteen", "freezer",
    "fridge", "oven", "microwave", "air fryer", "airfryer", "slow cooker", "instant pot", "toaster", "sushi place", "pizza place", "taco place", "taqueria", "farmers market", "costco", "target",
)
_PLACE = "|".join(sorted((re.escape(p) for p in PLACES), key=len, reverse=True))
_PLACE_PHRASE = re.compile(rf"\b(?:at|from|in|on|during|after|before)\s+{_POSSESSIVE}(?:{_PLACE})\b"
                           r"(?:\s+(?:down the (?:street|road)|around the corner|across the (?:street|road)|next door|nearby))?", re.I)
_PEOPLE_PLACE = re.compile(
    r"\bat\s+(?:grandma|grandpa|granny|nana|nanna|nonna|abuela|abuelo|oma|opa|gran|grandmas|grandpas|"
    r"grandparents|the grandparents|my (?:mom|mum|mother|parents|in-laws|sister|brother)|(?:her|his|my) "
    r"(?:aunt|auntie|uncle|cousin|friend)|[A-Z][a-z]+)(?:'s|s')(?:\s+(?:house|place|home))?"
    r"|\bat\s+(?:(?:my|our|her|his|the)\s+)?(?:grandma|grandpa|granny|nana|nanna|nonna|abuela|abuelo|oma|opa|lola|"
    r"lolo|gran|mimi|meemaw|papaw|pop|poppy|gigi|bubbe|zayde|halmeoni|nai nai|ye ye|tita|tito|auntie|aunties|aunt|"
    r"uncle)s\b(?:\s+(?:house|place|home))?", re.I)  # "breakfast at nanas": her house, no bananas
# "taco tuesday - 1 hard shell taco", "pizza night! a slice": the day goes, the food stays.
_EVENT_LABEL = re.compile(r"(?:^|(?<=[.!?\n]))(?P<food>\s*[A-Za-z]+)\s+(?:night|nite|monday|tuesday|wednesday|thursday|"
                          r"friday|saturday|sunday)\b(?=\s*(?:[-:\u2013,]|!+))", re.I)
# Where the food was kept or made: "(ice cube tray, about 1oz each)".
_KEPT_IN = re.compile(r"\b(?:(?:from|in)\s+)?(?:an?\s+|the\s+|my\s+)?(?:ice[- ]?cube|freezer|silicone)\s+(?:trays?|molds?|moulds?)\b",
                      re.I)
# Why the food was given: "prunes for the constipation", "frozen peas for teething".
_PURPOSE = re.compile(r"\b(?:for|as)\s+(?:a\s+)?(?:dessert|pudding|afters|a treat|treat)\b|"  # "mango for dessert"
                      r"\b(?:for|because of|to help with|to help)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:constipation|"
                      r"teething|teeth|cold|cough|reflux|poop|pooping|poops|gas|hydration|tummy|upset tummy|sore throat)\b",
                      re.I)
# Being ill, the weather or a missed nap, said beside the food: "sick w a cold", "shes got a cough", "it was hot out".
_ILLNESS = re.compile(r"\b(?:(?:(?:he|she|they)(?:'?s| is| has| was)?\s+)?(?:sick|poorly|unwell)\s+(?:with|w)\s+|(?:got|has|have|had|"
                      r"with|w)\s+)(?:a\s+|the\s+)?(?:cold|cough|fever|runny nose|stuffy nose|tummy bug|stomach bug|"
                      r"ear infection|virus|bug)\b|\b(?:it|the weather)\s+(?:was|is)\s+(?:so\s+|really\s+|super\s+)?"
                      r"(?:hot|cold|warm|chilly)(?:\s+(?:out|outside|today))?\b"
                      r"|\b(?:(?:the|her|his|their)\s+)?(?:nap|naps|bath|bedtime)\s+(?:was\s+|got\s+)?(?:skipped|missed|late|early)\b"
                      r"|\b(?:skipped|missed)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:nap|naps|bath)\b"  # "3pm nap skipped"
                      r"|\b(?:he|she|they)\s+used\s+to\s+[^,.;!?\n]*"  # "he used to love bread": not today
                      r"|\b(?:in|within|for)\s+(?:like\s+|about\s+)?\d+\s*(?:sec|secs|seconds|min|mins|minutes)\b"
                      r"|\b(?:and\s+)?dipped\s+[^,.;!?\n]*?\s+in(?:to)?\s+(?:the\s+|her\s+|his\s+)?(?:egg\s+)?yolks?\b", re.I)
# (the last: "dipped the rest in the yolk" - the yolk is the egg's, already listed)
# Where a baby is in starting food, not a food: "we've been doing solids", "just started purees".
_STARTED_SOLIDS = re.compile(r"\b(?:(?:we|we'?ve|weve|she|he|they|she'?s|he'?s|shes|hes)\s+)?(?:(?:has|have|had|just)\s+)*"
                             r"(?:been\s+)?(?:doing|started|starting|start|on|into|introducing|introduced|began)\s+"
                             r"(?:solids|solid food|solid foods|purees|blw|baby[- ]led weaning)\b", re.I)
# How long, not how much: "2 bites of banana all afternoon", "been on solids about a month".
_SPAN = re.compile(r"\ball\s+(?:day|morning|afternoon|evening|night|week|weekend)(?:\s+long)?\b"
                   r"|\b(?:for|about|almost|nearly|over|under|like)\s+(?:a|an|one|two|three|a few|a couple of)\s+"
                   r"(?:days?|weeks?|months?|years?)(?:\s+(?:now|ago))?\b", re.I)
# The kind of kitchen, said of a meal: "japanese breakfast today", "latin food last night", "indian dinner".
_CUISINE = re.compile(r"\b(?:[a-z]+(?:ese|ian|ean|can)|thai|greek|french|latin|cajun|soul|turkish|polish|spanish|irish|"
                      r"jewish|swedish)\s+(?=(?:breakfast|brunch|lunch|dinner|supper|food|night|meal|feast|style|cooking)\b)",
                      re.I)
# Clock times in a day log: "7am:", "12:", "3pm nap", "at 5:30" are when, never how many.
_CLOCK = re.compile(r"(?m)^\s*\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*[:\-\u2013]\s+"
                    r"|\b(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?=\W|$)|\bat\s+\d{1,2}:\d{2}\b"
                    r"|\b(?:at|around)\s+\d{1,2}(?::\d{2})?(?=\s*[:\-\u2013]\s)"  # "snack at 3: 6 crackers"
                    r"|\b(?:at|around)\s+(?:like\s+|about\s+|around\s+)?\d{1,2}(?::\d{2})?(?=\s+(?:an?|she|he|they|we|i|"
                    r"then|had|ate|lunch|dinner|breakfast|snack)\b)", re.I)  # "then at 10 a handful of puffs"
_EMOJI_BREAK = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF][\uFE0F\U0001F3FB-\U0001F3FF]*\\s+"
                          "(?=(?:he|she|they|we|i|then|but|ate|had|drank|only|just|[A-Z])\\b)")
# "indian takeout:", "chinese delivery -": where the food came from, said as a label.
_TAKEOUT = re.compile(r"\b(?:[a-z]+\s+)?(?:takeout|take-out|take out|takeaway|take-away|delivery)\b\s*[:\-]?", re.I)
# Where and when, not what: "on the go", "in the stroller", "for our date night in" (not dates).
_ON_THE_GO = re.compile(r"\b(?:on the (?:go|way (?:home|there|back)|road)|in the (?:stroller|pram|car seat)|"
                        r"(?:date|game|movie|girls?|boys|family|bath|bed) night(?: in)?)\b", re.I)
INTERJECTIONS = re.compile(
    r"(?<!\w)(?:lol+|lmao|rofl|haha+|hehe+|omg|ugh+|yay+|yey|woo+hoo|phew|sigh|smh|fyi|btw|tbh|idk|"
    r"imo|xo+|x+o+|:-?[)(DP]|;-?\)|<3)(?!\w)",
    re.I,
)
_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200d]")
# A question to us names foods that were not eaten: "Is half a hot dog ok if it's cut?", "can she have honey?"
_QUESTION = re.compile(r"(?:^|(?<=[.!?\n]))\s*(?:is|are|was|can|could|should|would|does|do|did|will|how|what|why|when|"
                       r"any\s+(?:tips|ideas)|anyone)\b[^.!?\n]*\?+", re.I)
# Whole clauses about the child rather than the food: "he seems fine", "no reaction so far".
# "a can of sprite - ok fine, half a can": the parent owning up before the true amount, no food.
_OWNING_UP = re.compile(r"\b(?:ok(?:ay)?|alright|well)[\s,]+fine\b(?=\s*,)", re.I)
_CHATTER = re.compile(
    r"(?:^|(?<=[,.;!?\n])|(?<=\bbut)|(?<=\band)|(?<=\bbecause))\s*(?:and\s+|but\s+|so\s+)?(?:(?:he|she|they|baby|bub|lo|the baby|the kids?)\s+"
    r"(?:seems?|seemed|is|was|were|are|looks?|looked|felt|feels?|got|gets?)\s+(?:so\s+|really\s+|very\s+|"
    r"totally\s+)?(?:fine|ok|okay|good|great|happy|fussy|cranky|tired|sleepy|full|hungry|sick|grumpy|"
    r"better|well|content|messy|a mess)(?:\s+(?:so far|for now|now|yet))?|no (?:reaction|reactions|rash|issues|problems)(?: so far| yet)?|"
    r"so far so good|all good|fingers crossed|wish me luck|what a mess|such a mess|"
    r"(?:she|he|they) (?:loved|liked|hated) (?:it|them)|(?:it|they) (?:was|were) a (?:hit|win|success)|"
    r"(?:and\s*)?(?:\.\.\.\s*)?that'?s (?:it|all)|(?:she|he|they)(?:'?s|'?re| is| are| was| were| has been| have been) (?:on (?:a )?(?:hunger )?strike|"
    r"(?:just )?(?:learning|getting)\b[^,.;!?\n]*)|so proud|(?:don'?t|dont|no) judge|"
    r"(?:it was|it'?s|its|it is) (?:so |really |super |very )?(?:hot|cold|warm|sunny|rainy|raining|freezing|boiling)"
    r"(?: (?:out|outside|today|again))?|(?:don'?t|dont) worry|(?:so|very|super) proud|not bad|could be worse|i think|i guess|honestly|idk|ugh|"
    r"(?:it was |it's |its )?mostly (?:just )?(?:the )?(?:broth|stock|liquid|soup|water))"  # how the soup was
    r"\s*(?=$|[,.;!?\n])",
    re.I,
)
# "teething and refusing almost everything today", "only things that went in:": the day, not a food.
_BAD_DAY = re.compile(r"(?:^|(?<=[,.;!?\n])|(?<=\band))\s*teething\b(?!\s+(?:biscuits?|crackers?|wafers?|sticks?|rusks?|rings?|"
                      r"toys?|feeders?|bars?|cookies?))"
                      r"|\b(?:refusing|rejecting|not eating|wont eat|won'?t eat|refuses|rejects)\s+(?:almost\s+|nearly\s+|"
                      r"pretty much\s+|basically\s+)?(?:everything|anything|all food|food|solids)(?:\s+(?:today|lately|"
                      r"this week))?\b(?!\s*(?:except|but|besides|apart|other))"
                      r"|\b(?:the\s+)?only\s+(?:things?|stuff|foods?)\s+(?:that\s+)?(?:went in|went down|(?:she|he|they)\s+"
                      r"(?:ate|had|would eat|will eat|took))\s*(?:were|was)?\s*[:\-]?"
                      r"|\b(?:i'?m\s+|im\s+)?not\s+sure\s+(?:of|about|on)\s+(?:the\s+)?(?:weight|amount|size|grams|how much)\b",
                      re.I)
# "she likes congee WAY more than the egg", "my mom swears by prunes": what a child or grown-up likes, said in a
# sentence of its own with no amount and no eating, is talk about food, not a food eaten.
_TASTE = re.compile(r"(?:^|(?<=[.!?\n]))\s*(?:and\s+|but\s+|so\s+|honestly\s+)?(?:she|he|they|lo|baby|(?:my|her|his|our)\s+"
                    r"(?:mom|mum|mil|dad|grandma|nana|husband|wife|partner|mother in law|mother-in-law))\s+"
                    r"(?:really\s+|totally\s+|just\s+|always\s+|def\s+|definitely\s+|still\s+)?(?:likes|loves|prefers|swears by|"
                    r"hates|adores|is obsessed with|is into|is a fan of|cant get enough of|can'?t get enough of)\b"
                    r"(?![^,.;!?\n]*(?:\b(?:ate|had|drank|finished|eaten)\b|\d))"
                    r"(?![^,.;!?\n]*,\s*(?:and\s+|so\s+)?(?:(?:she|he|they)\s+)?(?:ate|had|drank|finished)\b)[^,.;!?\n]*", re.I)
# "she's 2 so honey is fine", "peanuts are ok now": whether a food is allowed, not a food eaten.
_ALLOWED = re.compile(r"(?:\bso\s+|\band\s+)?\b[a-z]+\s+(?:is|are|'s)\s+(?:totally\s+|perfectly\s+)?(?:fine|ok|okay|safe|allowed)"
                      r"(?:\s+(?:now|for her|for him|at (?:her|his|this) age))?\b", re.I)
# "1/2 cup of the yogurt not a whole cup", "the big 6oz one not the little tube": what it was not.
_NOT_THAT = re.compile(r",?\s+not\s+(?:a|an|the)\s+(?:whole|full|big|little|small|tiny|large)\s+[a-z]+\b", re.I)
# "1/4 cup of congee my mom made", "dal that my MIL makes": who made it, said after the food.
_MADE_BY = re.compile(r"\s+(?:that\s+|which\s+)?(?:my|our|her|his|their)\s+(?:[a-z]+\s+){0,2}?(?:mil|fil|mom|mum|mother|dad|"
                      r"husband|wife|partner|grandma|nana|nonna|abuela|lola|mother in law|in laws|sister|aunt|auntie|neighbou?r|"
                      r"friend|daycare|sitter|nanny)\s+(?:made|makes|cooked|cooks|baked|bakes|brought|sent|bought|packed|froze)\b"
                      r"(?=\s*(?:$|[,.;!?)\n]|and\b|with\b|for\b|but\b))", re.I)
# "she was teething and had a banana": the state goes, the food after it stays (not teething biscuits).
_TEETHING = re.compile(r"\b(?:she|he|they|baby|lo|[A-Z][a-z]+)(?:'?s|'?re| is| are| was| were| has been| have been)\s+"
                       r"(?:(?:still|so|really|just|badly)\s+)?teething\b(?:\s+(?:again|so bad|like crazy|badly))?", re.I)
# "10 months old", "(27 mo)", "my 13 month old", "she's 2 yrs": an age, not an amount of a food.
_AGE_WORDS = r"\d+(?:\.\d+)?\s*-?\s*(?:months?|mos?|mths?|weeks?|wks?|years?|yrs?|y/?o)\b(?:\s*-?\s*old\b)?"
_AGE = re.compile(rf"\(\s*{_AGE_WORDS}\s*\)|\b{_AGE_WORDS}", re.I)
# A colour left on the child tells what was eaten: "her lips were purple from the blueberries" is the
# blueberries; the lips and the colour are no food. "I panicked for a sec" is how the parent felt.
_STAINED_BY = re.compile(r"\b(?:(?:her|his|their|the|my)\s+)?(?:lips?|face|hands?|mouth|cheeks?|chin|fingers?|tongue|teeth|"
                         r"poops?|poo|diapers?|nappy|nappies|bib|clothes|shirt|onesie)\s+(?:(?:is|are|was|were|got|gets|look\w*|"
                         r"turned|went|going|all|so|totally|bright)\s+){0,3}(?:purple|blue|red|orange|green|yellow|pink|black|"
                         r"stained|covered)\s+(?:from|after|with|by)\s+(?:the\s+|all\s+the\s+|eating\s+|her\s+|his\s+)?", re.I)
# "red everything", "purple everywhere", "mess all over the kitchen": what the food did to the room.
_MESS = re.compile(r"\b(?:(?:purple|red|orange|green|yellow|pink|blue|black|brown|sticky)\s+(?:everything|everywhere|all over)|"
                   r"(?:mess|food|it|crumbs)\s+(?:was\s+|got\s+|went\s+)?everywhere|(?:covered|painted)\s+(?:in|with)\s+it)\b", re.I)
_PARENT_FELT = re.compile(r"\b(?:and\s+)?i\s+(?:totally\s+|kinda\s+|literally\s+)?(?:panicked|freaked(?: out)?|"
                          r"lost it|screamed|laughed|cried)(?:\s+for\s+a\s+(?:sec|second|minute|moment))?\b", re.I)
# "my polish MIL made them", "grandma cooked it": who made the food, not a food.
_WHO_MADE = re.compile(r"\b(?:my|our|her|his|their)\s+(?:[a-z]+\s+){0,2}?(?:mil|fil|mom|mum|mother|dad|husband|wife|partner|"
                       r"grandma|nana|nonna|abuela|mother in law|in laws|in-laws|sister|brother|aunt|auntie|neighbou?r|friend)"
                       rf"\s+(?:{FOOD_HANDLED}|fried)\s+(?:it|them|this|these|those)\b", re.I)
# "had pasta. how much pasta should a 1 year old eat?": a question after the meal names what was asked
# about, not what was eaten. A question that opens the message stays: "is honey ok? she had some" says
# what "some" was. "we had pancakes with syrup, is syrup ok at 2?": after a comma too.
_QUESTION = re.compile("(?<=[.,!?\n\U0001F300-\U0001FAFF\u2600-\u27BF])"
                       r"\s*(?:(?:quick|random|also|and|but|so|btw)\s+)?(?:question:?\s*)?(?:how|what|why|when|"
                       r"where|which|who|is|are|can|could|should|would|will|does|do|did|any|anyone|has|have|was|were)\b"
                       r"[^.!?\n]*\?+", re.I)
# "at my moms", "at our parents": a house named by its people, without the apostrophe.
_AT_FAMILY = re.compile(r"\bat\s+(?:my|our|her|his|their)\s+(?:moms|mums|mothers|dads|parents|grandmas|grandpas|grandparents|"
                        r"in-?laws|in laws|sisters|brothers|aunts|uncles|cousins|friends)\b(?:\s+(?:house|place))?", re.I)
# "a piece about the size of my palm": how big, said by a hand; not a food.
_HAND_SIZE = re.compile(r"\b(?:(?:are|is|was|were)\s+)?(?:about |like |maybe |roughly )?(?:the )?size of (?:my|a|an|his|her|your|their) "
                        r"(?:(?:small|little|big|large|mini|regular)\s+)?(?:palm|hand|thumb|thumbnail|fist|finger|pinky|pinkie|"
                        r"muffin|cupcake|golf ball|ping pong ball|egg|walnut|grape|coin|quarter|matchbox|deck of cards)\b", re.I)
# "sippy cup with 6oz oat milk", "a bottle with 4 oz formula": the vessel, then what was in it.
_VESSEL_WITH = re.compile(r"(?<![\d½¼¾]\s)(?<![\d½¼¾])\b(?:an?\s+|the\s+|her\s+|his\s+)?(?:sippy cup|sippy|bottle|straw cup|"
                          r"open cup|lunchbox|bento box|thermos)\s+(?:with|w|of)\s+(?=(?:\d|½|¼|¾))", re.I)  # not "1 cup with 1/2 cup milk"
# "2 cubes of tofu, about an inch each": how big each piece was, not how much.
_PIECE_SIZE = re.compile(r"\b(?:about\s+|like\s+|maybe\s+|roughly\s+)?(?:an?|one|half an?|\d+(?:[./]\d+)?)\s*-?\s*"
                         r"(?:inch|inches|in|cm)\s+(?:each|wide|long|thick|across|big|square)\b", re.I)
# "hi! she had an egg": a greeting that opens the message.
_GREETING = re.compile(rf"^\s*(?:{GREETING_WORDS})(?:\s+(?:there|all|again))?"
                       r"\s*[!,.]+", re.I)
# "mango for dessert", "dessert was yogurt": when it was eaten, not a dessert food ("Babyfood, fruit dessert").
_DESSERT = re.compile(r"\b(?:(?:for|as)\s+(?:a\s+|her\s+|his\s+|their\s+)?(?:dessert|desert|afters|pudding)|"
                      r"(?:dessert|desert|afters)(?:\s+(?:was|were|is))?\s*[:\-]?(?=\s))", re.I)
# How the food was cut or served: kept out of the food's name.
_PREP_TAIL = re.compile(
    r"\b(?:(?:cut|chopped|sliced|torn|broken|diced|mashed|smashed|squished|ripped|pulled)\s+"
    r"(?:up\s+)?(?:(?:in|into|in to)\s+(?:half|halves|quarters|thirds|strips|pieces|bits|chunks|cubes|"
    r"slices|rounds|coins|sticks|fingers|spears|wedges|small pieces|little pieces|tiny pieces|"
    r"bite[- ]?sized? pieces|bite[- ]?sized? bits)|lengthwise|lengthways|crosswise|in half|up|small|thin|thinly|finely)"
    r"(?:\s+(?:and\s+)?(?:lengthwise|lengthways|crosswise|into strips|into pieces|in half))*"
    r"|(?:quartered|halved)\s+(?:lengthwise|lengthways)"
    r"|(?:folded|rolled)\s+(?:over|up|in half)"
    r"|(?:saved|saving|kept|keeping|put away|putting away)\s+(?:the\s+)?(?:other half|rest|remainder|leftovers)"
    r"(?:\s+for\s+(?:later|tomorrow|lunch|dinner|a snack))?"
    r"|(?:i|we)\s+(?:ate|drank|had|finished)\s+(?:the\s+)?(?:other half|rest|remainder)"  # the parent's share
    r"|(?:on|in|from|off|out of)\s+(?:a|the|his|her|their|my|our)\s+(?:highchair|high chair|tray|plate|bowl|spoon|fork|"
    r"preloaded spoon|sippy cup|straw cup|open cup|cup|bottle)"
    r"|(?:from|off|out of)\s+(?:my|our|his dad'?s|her dad'?s|daddy'?s|mommy'?s|mummy'?s)\s+(?:wrap|sandwich|burrito|taco|pizza|"
    r"food|meal|dish|burger|salad)"  # "chicken pieces out of my wrap": the child's share of a grown-up's food
    r"|(?:with|using)\s+(?:a|the|his|her)\s+(?:spoon|fork|fingers|hands|preloaded spoon)"
    r"|(?:by|with)\s+(?:himself|herself|themselves|his hands|her hands|hand))\b",
    re.I,
)


# Text-speak that hides a word the parser knows: "banana n oatmeal b4 daycare", "prob 1/4 cup".
_TEXT_SPEAK = (
    (re.compile(r"(?<=[a-z)] )n(?= [a-z(\d])", re.I), "and"), (re.compile(r"\bb4\b", re.I), "before"),
    (re.compile(r"\b(?:prob|probs|prolly|probly)\b\.?", re.I), "probably"), (re.compile(r"\btho\b", re.I), "though"),
    (re.compile(r"\btonite\b", re.I), "tonight"), (re.compile(r"\b(?:bc|cuz|coz)\b", re.I), "because"),
    (re.compile(r"\b(?:spoonfull|spoonfulls|spoonsfull)\b", re.I), "spoonfuls"),
    (re.compile(r"\bhandfull\b", re.I), "handful"),
)
# A report's label: "daycare sheet says:", "the nursery app said" names no food.
_REPORT = re.compile(r"\b(?:(?:the|her|his|their)\s+)?(?:daycare|day care|nursery|preschool|school|teacher|nanny|sitter)?"
                     r"\s*(?:sheet|report|app|log|note|notes|chart)\s+(?:says|said|shows|showed)\b\s*:?", re.I)


# A clause about when or why, after the food: "half the jar before the head shaking started". Not one where
# the child asks for a food ("when he asked for broccoli"): that food is still the one eaten next. An emoji
# ends the clause like a comma does.
_ASKED_FOR = r"(?:asked|begged|wanted|demanded|requested|pleaded|cried|screamed|yelled|whined|reached|pointed|grabbed)\b"
_WHEN_TAIL = re.compile(r"\s+(?:before|until|till|when|once)\s+(?:(?:eating|trying|tasting|touching)\b|the\s+\w+\s+\w+ing|(?:he|she|they|i|we|it)\s+"
                        rf"(?:got|started|fell|was|were|lost|decided|began|refused|turned)|(?:he|she|they)\s+(?!{_ASKED_FOR})\w+ed)\b"
                        r"[^,.;!?\n\u2600-\u27bf\U0001f300-\U0001faff]*", re.I)


# The child's age said in passing: "she's 11 months", "so my son is 7 months", "(27 mo)", "my 4 yr old",
# "baby is 6 months today", "he's 2 and a half". An age is never a food ("months" is not mothbeans).
_AGE_UNIT = r"(?:months?|mos?|mths?|m/?o|yrs?|years?|y/?o|weeks?|wks?)\b(?!\s*bab(?:y|ies)\b)"  # not "2 Yo Baby"
_WHO = r"(?:she|he|they|baby|bub|lo|dd|ds|kid|kiddo|toddler|son|daughter|boy|girl|twins|(?:[A-Z][a-z]+))"
_AGE = re.compile(
    rf"(?:\b(?:so\s+)?(?:my|our|the|her|his)?\s*{_WHO}(?:'s|s|\s+is|\s+was|\s+turned|\s+just turned)?\s+)?"
    rf"\b(?:almost|nearly|just|only|about|turned|turning|now)?\s*\d+(?:\.\d+)?(?:\s+and\s+a\s+half)?\s*[-\s]?{_AGE_UNIT}"
    r"(?:\s*old)?(?:\s+(?:today|now|tomorrow|this week|last week))?(?:\s+and\s+a\s+half)?",
    re.I)
# "she's 2", "hes 4 and wont touch the bun", "she's 2 and a half": a bare number after "she's" is an age.
_BARE_AGE = re.compile(r"\b(?:she|he|(?:my|our)\s+(?:son|daughter|boy|girl|baby|toddler|kid|lo|dd|ds))(?:'s|s|\s+is)\s+"
                       r"(?:almost|nearly|just|only|about|now)?\s*\d+(?:\.\d+)?"
                       r"(?:\s+and\s+a\s+half)?(?=\s*(?:$|[,.;!?)\n]|and\b|so\b|but\b|now\b|too\b))", re.I)
# "my son (4) ate", "She (3.5) had", "Eli (19mo)": an age in brackets after who it is.
_WHO_BRACKETED = _WHO.replace("(?:[A-Z][a-z]+)", "(?-i:[A-Z][a-z]+)")  # "Eli (19mo)"; not "blueberries (10)"
_BRACKET_AGE = re.compile(rf"(?P<who>\b{_WHO_BRACKETED})\s*\(\s*(?:almost\s+|nearly\s+)?\d+(?:\.\d+)?\s*(?:{_AGE_UNIT})?\s*"
                          r"(?:old\s*)?\)", re.I)


# "DD 3.5 at mcdonalds", "DS 2, had...": a bare number right after who the child is, then no food.
_WHO_AGE = re.compile(r"\b(?P<who>dd|ds|lo)\s+\d(?:\.\d)?(?=\s*(?:$|[,.:;!?)\n-]|(?:at|in|on|and|had|ate|was|is)\b))",
                      re.I)


_EATS_NEXT = re.compile(r"\s*(?:had|has|ate|eats|drank|is|was|loved|tried|refused|finished|just|only|wouldn'?t|won'?t|"
                        r"didn'?t)\b", re.I)


def _who_without_age(m: re.Match) -> str:
    """"Maya (3) had": the name stays, the age goes; "Goldfish (20) and milk" is a count, not an age."""
    who, said = m.group("who"), m.group(0)
    if who[0].isupper() and not re.search(r"[a-z]\s*\)$", said, re.I) and not _EATS_NEXT.match(m.string, m.end()) \
            and who.lower() not in ("she", "he", "they", "baby", "bub", "lo", "dd", "ds", "son", "daughter", "kid", "toddler"):
        return said
    return who


def strip_ages(text: str) -> str:
    """Remove the child's age said in passing; the people words before it go too when they lead it."""
    text = _WHO_AGE.sub(lambda m: m.group("who"), _BRACKET_AGE.sub(_who_without_age, text))
    return _BARE_AGE.sub(" ", _AGE.sub(" ", text))


def expand_text_speak(text: str) -> str:
    """"n" -> "and", "b4" -> "before", "prob" -> "probably", "spoonfulls" -> "spoonfuls"."""
    for pattern, word in _TEXT_SPEAK:
        text = pattern.sub(word, text)
    return text


def strip_filler(text: str) -> str:
    """Remove places, moods, interjections and cutting instructions; keep everything else."""
    text = _EMOJI_BREAK.sub(". ", _CLOCK.sub("\n", _GREETING.sub(" ", without_idioms(text))))  # "on a roll!"  # "all of it on the floor 🙄 ate his mac n cheese": a new sentence
    text = _REPORT.sub(" ", expand_text_speak(strip_ages(_QUESTION.sub(" ", _EMOJI.sub(" ", text)))))
    text = _TAKEOUT.sub(" ", text)
    text = _WHEN_TAIL.sub(" ", text)
    text = INTERJECTIONS.sub(" ", text)
    text = _OWNING_UP.sub(" ", _CHATTER.sub(" ", _BAD_DAY.sub(" ", _TEETHING.sub(" ", _DESSERT.sub(" ", _AGE.sub(" ", _WHO_MADE.sub(" ", text)))))))
    text = _PARENT_FELT.sub(" ", _STAINED_BY.sub(" ", _MADE_BY.sub(" ", _TASTE.sub(" ", _MESS.sub(" ", text)))))
    text = _VESSEL_WITH.sub(" ", _NOT_THAT.sub(" ", _ALLOWED.sub(" ", text)))
    text = _PLACE_PHRASE.sub(" ", text)  # before the people: "at his cousins bday party" goes whole
    text = _PEOPLE_PLACE.sub(" ", _AT_FAMILY.sub(" ", _HAND_SIZE.sub(" ", _PIECE_SIZE.sub(" ", text))))
    text = _ON_THE_GO.sub(" ", _PURPOSE.sub(" ", _KEPT_IN.sub(" ", _ILLNESS.sub(" ", text))))
    text = _CUISINE.sub(" ", _SPAN.sub(" ", _STARTED_SOLIDS.sub(" ", text)))
    text = _EVENT_LABEL.sub(lambda m: m.group("food"), text)
    text = _PREP_TAIL.sub(" ", text)
    return re.sub(r"[ \t]+", " ", text).strip()
