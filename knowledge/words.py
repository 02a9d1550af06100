"""Everyday words parents wrap around a message, one list each for every layer that reads them.

The classifier (`bot`), the greeting handler and the meal handler (`handlers`) and the food parser's
filler (`knowledge.foods`) all need to know a hello or a thanks, and the verbs that handle a food
without anyone eating it ("grandma brought cookies", "my MIL made them"). They live here, in the
lowest layer all of them may import: handlers never import bot.
Each is a regex alternation (no groups that capture), to be wrapped by the reader.
"""
from __future__ import annotations

# Hello, in English and in the languages parents also write in.
HELLO_WORDS = (r"hi+|hello+|hey+|heya|hiya|howdy|yo|good (?:morning|afternoon|evening)|morning|afternoon|evening|"
               r"hola|buenos d[ií]as|buenas|bonjour|ol[áa]|bom dia|hallo|guten morgen|ciao|buongiorno|kumusta|"
               r"xin chào|chào")
# Thanks, the same way.
THANKS_WORDS = (r"thanks?|thank (?:you|u)|thx|ty|cheers|appreciate(?:d| it)?|gracias|merci|obrigad[ao]|danke|grazie|"
                r"maraming salamat|salamat|cảm ơn")
GREETING_WORDS = f"{HELLO_WORDS}|{THANKS_WORDS}"
# Getting a food ready or to the child, not eating it: who made the food, or news that nobody ate it yet.
# Not "fried": it opens too many dishes ("fried rice") to tell that nobody ate.
FOOD_HANDLED = (r"made|making|cook(?:s|ed|ing)|bak(?:e|es|ed|ing)|brought|bringing|bought|buys?|buying|"
                r"packed|packing|sent|sending|ordered|ordering|picked up")
