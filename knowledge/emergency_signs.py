"""The signs table of the emergency triage: each row one way a parent reports an emergency.

A row is a *report* ("she's choking", "2 magnet balls swallowed") or a *mention* (a bare word such
as "wheezing"); `knowledge.emergency` decides whether a match holds (negation, a hypothetical,
history, a resolved story) and what to answer. This module holds the signs named; those told by
what the parent sees are in `knowledge.emergency_signs_seen` (read between the named ones and the
Spanish ones), and the stories in `knowledge.emergency_signs_told` (read last). The words they are
built from are in `knowledge.emergency_words`.
"""
from __future__ import annotations

from knowledge.emergency_products import CHEMICAL, CHEMICAL_HINTS, PILLS, PILL_HINTS
from knowledge.emergency_words import (
    _ANAPHYLAXIS, _BODY, _BREATHE, _CHOKE_HINTS, _CHOKE_NOT_BASE, _CHOKING, _GROWN_UPS_FACE, _GROWN_UP_DOSE,
    _HISTORY, _HIVES, _HOW_MANY, _NOT_A_RISK, _NOT_THE_CHILD, _PREVENTION, _SEIZURE, _SICK, _SLEEPY_LIMP,
    _SPANISH_NOT_NOW, _STAINED, _SWALLOWED, _SWELLING, _WHO, _reported, _sign, _then,
)
from knowledge.emergency_signs_seen import SEEN_SIGNS

_NAMED = (
    _sign("choking", True, _CHOKE_HINTS, _reported(_CHOKING) + _NOT_A_RISK, _NOT_THE_CHILD),
    _sign("choking", True, _CHOKE_HINTS,
          rf"\b{_CHOKING}\s+on\s+(?:a|an|the|her|his|their|some|something|food|piece|\w+)\b"
          rf"|\b(?:help|save|do for|do with)\s+(?:a|my|the|our)\s+{_CHOKING}\b", _NOT_THE_CHILD),
    _sign("allergic_reaction", True, "anaph anaf",
          rf"\b(?:going into|in|having|into)\s+{_ANAPHYLAXIS}|\banaphylactic shock\b"),
    _sign("allergic_reaction", True, "epi adrenal auvi",
          r"\b(?:used|gave|give|giving|use|using|injected)\s+(?:(?:her|his|their|the|an|my)\s+)?"
          r"(?:epi ?pen|epinephrine|auvi ?q|adrenaline)"),
    _sign("allergic_reaction", True, "swol swel puff blowing",
          rf"\b{_BODY}\s+(?:is|are|s|got|getting|started|starting|went|look|looks|seems?|feels?|"
          rf"keeps)\s+(?:\w+\s+){{0,3}}{_SWELLING}", _GROWN_UPS_FACE),
    _sign("allergic_reaction", True, "throat shut",
          r"\bthroat\s+(?:is\s+|feels\s+)?(?:closing|tight|tightening)"
          r"|\beyes?\s+(?:are\s+|is\s+)?swollen shut"),
    _sign("allergic_reaction", True, "hive welt welp spread",
          rf"\b{_HIVES}.{{0,100}}\b{_SICK}|\b{_SICK}.{{0,100}}\b{_HIVES}", _HISTORY),
    _sign("allergic_reaction", True, "hive",
          r"\bhives\s+(?:all over|everywhere|over (?:his|her|their) (?:whole |entire )?body|spreading)"
          r"|\b(?:covered in|full of|full body)\s+(?:hives|welts|welps)\b"
          r"|\b(?:welts|welps)\s+(?:all over|everywhere|spreading)", _HISTORY),
    _sign("allergic_reaction", True, "allergic",
          r"\bhaving\s+(?:an?\s+)?(?:bad\s+|severe\s+|serious\s+)?allergic reaction"),
    _sign("breathing", True, "breat breth air",
          r"\b(?:cant|cannot|can not|couldnt|unable to|struggling to|struggles to|fighting to|hard to|"
          rf"not able to)\s+(?:even\s+|really\s+)?{_BREATHE}\b"
          r"|\b(?:struggling|fighting|gasping|gulping|straining|heaving)\s+for\s+(?:air|breath)\b"
          r"|\b(?:cant|cannot|can not|couldnt)\s+get\s+(?:any\s+|enough\s+)?air\b"
          r"|\btrying to (?:get|suck in|pull in|gulp) (?:some\s+|any\s+)?air\b"
          rf"|\b(?:not|isnt|stopped|wasnt|no longer|quit)\s+{_BREATHE}\b"
          r"(?!\s+(?:well\s+)?(?:through|out of|from|with)\s+(?:his|her|their|the|a)\s+(?:nose|stuffy))"),
    _sign("breathing", True, "gasp whee whez", r"\bgasping\b|" + _reported(r"(?:whee?zing|wheezin)")),
    _sign("breathing", True, "blue purple grey gray",
          r"\b(?:turning|turned|going|gone|went|getting)\s+(?:(?:red|pink|pale|white)\s+(?:then|and then|and)\s+)?"
          r"(?:a\s+(?:bit|little)\s+|kind\s+of\s+|sort\s+of\s+|kinda\s+|slightly\s+|almost\s+)?"
          r"(?:blue|purple|gr[ae]y)\b", _STAINED + "|" + _HISTORY),
    _sign("breathing", True, "blue purple grey gray",
          rf"\b{_WHO}\s+(?:is\s+|looks\s+|is looking\s+|looking\s+)?"
          r"(?:so\s+|very\s+|really\s+|all\s+|kinda\s+)?(?:blue|purple|gr[ae]y)\b", _STAINED),
    _sign("breathing", True, "blu purpl",
          r"\b(?:blue|bluish|purple)\s+(?:lips?|face|tongue|fingertips|fingers|nails)\b"
          r"|\b(?:lips?|face|skin|fingertips|fingers|nails)\s+(?:(?:and|&)\s+(?:lips?|face|fingertips|fingers|nails)\s+)?"
          r"(?:is\s+|are\s+|look\s+|looks\s+|going\s+|turning\s+)?(?:\w+\s+){0,2}(?:blue|bluish|purple|purplish)\b",
          _STAINED),
    _sign("unresponsive", True, "respon conscious lifeless limp collapsed",
          r"\bunrespons\w*|\bnot\s+(?:responding|responsive)\b|\bunconscious\b|\blifeless\b"
          r"|\b(?:lost|losing)\s+consciousness\b|\b(?:went|gone|going|is|s)\s+limp\b|\bcollapsed\b",
          _SLEEPY_LIMP),
    _sign("unresponsive", True, "wake waking",
          r"\b(?:(?:wont|cant|cannot|can not|will not)\s+wake(?:\s+(?:her|him|them|baby|it))?|not waking|isnt waking|"
          r"still (?:isnt |not )?(?:waking|awake))\b"
          r"(?!(?:\s+up)?\s+(?:for|to)\s+(?:(?:a|her|his|the|their)\s+)?"
          r"(?:feeds?|feeding|bottle|eat|nurse|meals?|lunch|breakfast|dinner|snack|school))"),
    _sign("seizure", True, "seiz siez seez seis fit convuls",
          rf"\b(?:having|is having|in)\s+(?:an?\s+)?(?:{_SEIZURE}|fit|convulsion)\b"
          r"|\bseizing\b|\bconvulsing\b|\b(?:shes|hes|is)\s+fitting\b", _NOT_THE_CHILD),
    _sign("battery", True, "batter",
          _then(rf"{_SWALLOWED}|got into", r"batter(?:y|ies)", 25)
          + r"|\bbatter(?:y|ies)\s+(?:stuck\s+)?(?:in|into|up)\s+(?:his|her|their|the)\s+(?:mouth|nose|ear)", _PREVENTION),
    _sign("magnet", True, "magnet",
          _then(_SWALLOWED, r"magnet(?:s|ic)?", 25)
          + r"|\bmagnets?\s+(?:stuck\s+)?(?:in|into|up)\s+(?:his|her|their|the)\s+(?:mouth|nose|ear)", _PREVENTION),
    _sign("poison", True, CHEMICAL_HINTS, _then(rf"{_SWALLOWED}|got into", CHEMICAL, 25), _PREVENTION),
    _sign("poison", True, PILL_HINTS,
          rf"\b(?:{_SWALLOWED}|took)\s+{_HOW_MANY}\s+(?:\w+\s+){{0,2}}{PILLS}\b"
          rf"|\bgot into\s+(?:\w+\s+){{0,2}}(?:{PILLS}|medicine cabinet)\b"
          rf"|\b(?:had|ate|took|swallowed|chewed)\s+(?:some|a few|a couple|\d+|all|half|a handful)\s+of\s+"
          rf"(?:my|her|his|the|their|\w+s)\s+(?:\w+\s+)?(?:{PILLS}|pills|gummies)\b", _GROWN_UP_DOSE),
)
# A Spanish choke told as over: "tosió y lo escupió, ya está bien" (a swallowed battery is never over, so choking only).
_SPANISH_RESOLVED = (r"|\b(?:lo|la) (?:escupi[oó]|sac[oó]|vomit[oó])\b|\bya (?:est[aá]|se ve) (?:bien|normal|tranquil[oa])\b"
                     r"|\bya se le pas[oó]\b")
_SPANISH_AND_MENTIONED = (
    # Told in Spanish: "se está ahogando", "no puede respirar", "se tragó una pila".
    *(_sign(kind, True, hints, pattern, _SPANISH_NOT_NOW + (_SPANISH_RESOLVED if kind == "choking" else ""))
      for kind, hints, pattern in (
        ("choking", "ahog atragant asfixi moneda canica pieza piedra tapa juguete",
         r"\bse (?:esta |está )?(?:ahogando|atragantando|asfixiando|ahoga|atraganta|asfixia|atragant[oó])\b"
         r"|\bse trag[oó] (?:una |un )?(?:moneda|canica|pieza|piedra|tapa|juguete)\b.{0,60}\b(?:babea|no (?:puede )?traga|tose|arcadas)"),
        ("breathing", "respir morad azul",
         r"\bno (?:puede )?respira(?:r)?\b|\blabios (?:morados|azules)\b|\bse (?:esta |está )?poniendo (?:morad[oa]|azul)"
         r"|\ble cuesta (?:mucho )?respirar|\bdificultad (?:para|al) respirar|\brespira con dificultad"
         r"|\bse le hunden? (?:las costillas|el pecho)|\bsilb\w* al respirar"),
        ("unresponsive", "respond reacciona despierta inconsciente desmay",
         r"\bno (?:me |le |nos )?(?:responde|reacciona|despierta)\b|\binconsciente\b|\bdesmayad[oa]\b"),
        ("seizure", "convuls", r"\bconvulsi(?:o|ó)n(?:es)?\b|\bconvulsionando\b"),
        ("battery", "pila bater", r"\bse (?:trag[oó]|comi[oó]|meti[oó])\b.{0,30}\b(?:pila|bater[ií]a)"),
        ("magnet", "im", r"\bse (?:trag[oó]|comi[oó])\b.{0,30}\bim[aá]n(?:es)?\b"),
        ("poison", "pastill medic cloro lej deterg veneno jarabe gota gomita vitamina aceite alcohol nicotina marihuana "
                   "suavizante desinfect raticida insecticida gasolina queroseno tylenol motrin ibuprofeno paracetamol "
                   "acetaminof melatonina",
         r"\bse (?:trag[oó]|comi[oó]|tom[oó]|bebi[oó])\b.{0,30}\b(?:pastillas?|medicinas?|medicamentos?|jarabes?|gotas|gomitas?|"
         r"vitaminas?|cloro|lej[ií]a|detergente|veneno|aceite (?:esencial|de eucalipto|de lavanda|de (?:[aá]rbol de )?t[eé]|"
         r"de l[aá]mpara)|alcohol|nicotina|marihuana|suavizante|desinfectante|raticida|insecticida|gasolina|queroseno|"
         r"tylenol|motrin|ibuprofeno|paracetamol|acetaminof[eé]n|melatonina)"),
        ("allergic_reaction", "hinch roncha urticaria habon",
         r"\bse le (?:esta |está |están |estan )?(?:hinchando|hinch[oó]|hincharon|ha hinchado|han hinchado) "
         r"(?:la |los |el |las )?(?:cara|boca|labios?|lengua|garganta|ojos|p[aá]rpados)"
         r"|\b(?:cara|boca|labios|lengua|garganta|ojos) hinchad[oa]s?\b"
         r"|\b(?:ronchas|urticaria|habones)\b.{0,80}\b(?:v[oó]mit\w*|hinch\w*|tos\b|tose|respir\w*)"),
    )),
    # Mentioned: bare words, suppressed by a prevention / question / history sentence.
    _sign("choking", False, _CHOKE_HINTS, _CHOKE_NOT_BASE, _NOT_THE_CHILD),
    _sign("allergic_reaction", False, "anaph anaf allergic epi",
          rf"\b{_ANAPHYLAXIS}|\ballergic reaction\b|\bepi ?pen\b",
          r"\b(?:bring\w*|brought|carr(?:y|ies|ied)|pack\w*|first aid|just in case|in case|expir\w*|prescri\w*|"
          r"next (?:week|weekend|time)|how to use|training)\b"),
    _sign("allergic_reaction", False, "swol swel puff blowing",
          rf"\b{_BODY}\s+{_SWELLING}|\b{_SWELLING}\s+(?:\w+\s+)?{_BODY}\b"),
    _sign("breathing", False, "whee whez gasp breat breth",
          rf"\bwhee?z(?:e|es|ed|ing|in|y)\b|\bgasp(?:s|ed)?\b"
          rf"|\b(?:trouble|difficulty|difficult|problems?|struggling|labou?red|hard time)\s+{_BREATHE}\b"
          rf"|\b{_BREATHE}\s+(?:is\s+)?(?:weird|funny|strange|noisy|labou?red|shallow)"),
    # "passed out in the car seat" after a party is a nap; not waking is caught by its own sign.
    _sign("unresponsive", False, "passed faint floppy", r"\bpassed\s+out\b|\bfainted\b|\bfloppy\b",
          r"\bpassed\s+out\s+(?:(?:in|on)\s+(?:the\s+|her\s+|his\s+|my\s+)?(?:car ?seat|car|couch|sofa|stroller|pram|"
          r"buggy|crib|cot|bed|lap|floor|high ?chair)|asleep|cold|for (?:a|her|his|the) nap|after (?:the|her|his) (?:party|bath)|"
          r"early|by \d)"),
    _sign("seizure", False, "seiz siez seez seis convuls", rf"\b{_SEIZURE}\b|\bconvulsions?\b", _NOT_THE_CHILD),
    _sign("battery", False, "batter",
          r"\bbutton\s+batter(?:y|ies)|\bcoin\s+(?:cell|batter(?:y|ies))"
          r"|\bswallow\w*\b.{0,30}\bbatter(?:y|ies)\b"),
    _sign("magnet", False, "magnet", r"\bswallow\w*\b.{0,30}\bmagnet"),
)

# In priority order: the first sign that holds decides the kind.
SIGNS = _NAMED + SEEN_SIGNS + _SPANISH_AND_MENTIONED
