"""What a parent says happened to the food, retold in words the meal parser reads as items and shares.

"daycare: ate MOST (1 tender, 1/4 cup corn served)" -> "(1 tender, 1/4 cup corn), ate most of it";
"cucumber she chewed and spit out" -> "cucumber she spat out" (that food only); "picked out the beef so
really just tortillas + cheese" -> ". only ate tortillas, only ate cheese"; "refused everything except 4
bites of rice" -> "only ate 4 bites of rice". Pure text in, text out.
"""
from __future__ import annotations

import re

# A daycare sheet's outcome, then the food it is for: "'ate all' for chicken noodle soup", "ate most for lunch".
_REPORTED = re.compile(r"['\"]?\b(?P<verb>ate|drank|had)\s+(?P<share>all|most|some|half|none|nothing|a little|a bit)['\"]?"
                       r"\s+for\s+(?:the\s+|her\s+|his\s+|their\s+)?(?=[a-z])", re.I)
_REPORTED_SHARE = {"nothing": "none"}
# A daycare sheet's share, then what was served in brackets: the share is of each amount served.
_SHARE_OF_SERVED = re.compile(r"\b(?P<verb>ate|drank|had)\s+(?P<share>all|most|some|half|none|nothing|a little|a bit|part)\s*"
                              r"\((?P<served>[^()]*\d[^()]*)\)", re.I)


def _served_then_share(m: re.Match) -> str:
    """"ate MOST (1 tender, 1/4 cup corn served)" -> "(1 tender, 1/4 cup corn), ate MOST of it"."""
    served = re.sub(r"\s*\b(?:was\s+|were\s+)?(?:served|offered|given)\b", "", m.group("served"))
    share = _REPORTED_SHARE.get(m.group("share").lower(), m.group("share"))
    return f"({served}), {m.group('verb')} {share} of it"


_SPAT_ONE = re.compile(r"\b(?:spit|spat|threw|dropped)\s+(?:out\s+)?the\s+(?:second|other|last|third)\s+(?:one|half)(?:\s+out)?"
                       r"(?=\s+so\s+(?:really|actually|only))", re.I)
_REALLY_JUST = re.compile(r",?\s*\bso\s+(?:really|actually)\s+(?:just|only)\s+(?P<n>\d+|one|two|three|half)\b", re.I)
_SO_ONLY = re.compile(r",?\s*\bso\s+(?:really|actually|basically|in the end)\s+(?:just|only)\s+"
                      r"(?P<foods>[a-z][^.;!?\n\d]*)", re.I)


def _so_only(m: re.Match) -> str:
    """"so really just tortillas + cheese": each food named is what was eaten of what was served."""
    foods = [f.strip() for f in re.split(r"\s*(?:,|\+|&|\band\b)\s*", m.group("foods")) if f.strip()]
    return ". " + ", ".join(f"only ate {f}" for f in foods)


_ALL_BUT = re.compile(r"\b(?:refused|rejected|wouldn'?t eat|didn'?t eat|would not eat|did not eat)\s+(?:everything|it all|all of it)"
                      r"\s+(?:except|but|besides|apart from|other than)\s+", re.I)
_CHEWED_THEN_SPAT = re.compile(r"\b(?P<who>he|she|they)\s+(?:chewed|gummed|mouthed|licked|tasted|sucked|bit|munched|gnawed)"
                               r"(?:\s+on)?(?:\s+(?:it|them|a bit|a little|for a while))?\s*,?\s+(?:and|then|but)\s+(?:then\s+)?"
                               r"(?:spit|spat)\s+(?:(?:it|them)\s+)?(?:all\s+|right\s+|back\s+)?out\b", re.I)
_SPAT_OUT = re.compile(r"\b(?:spit|spat|spits)\s+(it|them|that|those)\s+(?:right\s+|straight\s+|back\s+|all\s+)?out\b", re.I)


# Food handed on to a pet is none of the child's: "fed them all to the dog", "flicked the peas at the dog".
_TO_PET = re.compile(r"\b(?:fed|feeds|gave|gives|threw|throws|flicked|flung|tossed|dropped|drops|slipped|passed|snuck|chucked)\s+"
                     r"(?:(?:all|most|half|some)\s+(?:of\s+)?)?(?P<what>it|them|that|those|the\s+[a-z]+|her\s+[a-z]+|his\s+[a-z]+)?"
                     r"\s*(?:all\s+)?(?:to|at)\s+(?:the|our|my)\s+(?:dog|puppy|pup|doggy|doggie|doggo|cat|kitty)\b", re.I)


def _to_pet(m: re.Match) -> str:
    """"fed them all to the dog" -> "refused them"; "peas he fed to the dog" -> "peas he refused"."""
    what = m.group("what")
    if what and what.lower().split()[-1] in ("rest", "leftovers", "remains"):  # "fed the rest to the dog": what she ate stays
        return m.group(0)
    return f"refused {what}" if what else "refused"  # "peas which he fed to the dog": those peas


def retold_outcomes(text: str) -> str:
    """Rewrite sheet outcomes, spitting out, "so really just" and "everything except" as plain items."""
    text = _TO_PET.sub(_to_pet, text)  # "fed them all to the dog": none for the child
    text = _SHARE_OF_SERVED.sub(_served_then_share, text)  # "ate MOST (1 tender, 1/4 cup corn served)"
    text = _REPORTED.sub(lambda m: f"{m.group('verb')} {_REPORTED_SHARE.get(m.group('share').lower(), m.group('share'))}"
                                   f" of the ", text)  # "sheet says 'ate all' for soup": all of the soup
    text = _CHEWED_THEN_SPAT.sub(r"\g<who> spat out", text)  # "cucumber she chewed and spit out": that food only
    text = _SPAT_OUT.sub(r"refused \1", text)  # "tried the kimchi and spit it right out": none of it
    text = _SPAT_ONE.sub(" ", text)  # "2 lumpia but spat the second one out so really just 1": the count says
    text = _REALLY_JUST.sub(r", ate \g<n>", text)
    text = _SO_ONLY.sub(_so_only, text)  # "picked out the beef so really just tortillas + cheese"
    return _ALL_BUT.sub("only ate ", text)  # "refused everything except 4 bites of rice"
