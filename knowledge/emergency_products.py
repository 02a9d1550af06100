"""What a child can swallow that makes it a poisoning: household products and medicines, by the
names parents use (brands included), and the words that say it was eaten.

Text reaching these patterns is lowercased with apostrophes dropped (see
`knowledge.emergency._normalize`). Each list has its hints: substrings, one of which must be in the
text before the signs that use the list run (`knowledge.emergency_signs.Sign.hints`).
"""
from __future__ import annotations

import re

# Cleaning, laundry and dishwasher products, by kind and by brand ("finish powerball", "persil capsule").
_CLEANING = (r"bleach|detergent|laundry (?:pods?|gel|liquid|soap|capsules?|tabs?|tablets?|powder)|"
             r"dishwasher (?:gel|liquid|pac\w*|stuff|pods?|tabs?|tablets?|capsules?|detergent|soap|powder|salt)|"
             r"(?:windshield |windscreen )?washer fluid|(?:windshield|windscreen) washer|tide pods?|(?:washing|washer) (?:pods?|tabs?|tablets?|capsules?|gel|powder)|"
             r"(?:finish|cascade|fairy|persil|ariel|tide|gain|bold|method|ecover|smol|electrasol|dropps) "
             r"(?:pods?|tabs?|tablets?|capsules?|powerballs?|quantum|platinum|flings|gel|liquid)|powerballs?|liquitabs?|"
             r"(?:drain|oven|toilet|toilet bowl|bowl|window|floor|glass|bathroom|kitchen|multi ?surface) cleaner|"
             r"cleaning (?:spray|fluid|product|liquid)|washing up liquid|fabric (?:softener|conditioner)|dish soap|"
             r"ammonia|cleaning supplies|cleaning products|cleaners?|chemicals|disinfectant|drano|ajax|comet|dettol|"
             r"domestos|zoflora|cif|harpic|windex|lysol|clorox|febreze|air freshener|dryer sheets?|"
             r"fabuloso|pine ?sol|mr\.? clean|simple green|soft scrub|scrubbing bubbles|oxi ?clean|zep|awesome cleaner")
# Fuels, solvents and garden or pest products ("tiki torch fuel", "rat bait pellets").
_FUEL_AND_PEST = (r"antifreeze|lamp oil|lighter fluid|(?:tiki|torch|lamp|lantern|camping|bbq|grill) (?:fuel|oil|fluid)|"
                  r"gasoline|petrol|diesel|kerosene|paraffin|paint thinner|turpentine|white spirit|motor oil|"
                  r"engine oil|brake fluid|mothballs?|pesticide|insecticide|weed killer|roundup|rodenticide|"
                  r"(?:rat|mouse|mice|ant|roach|cockroach|slug|snail) (?:bait|poison|pellets?|traps?|killer|gel|blocks?)|"
                  r"bait (?:pellets|blocks|station)|poison")
# Nicotine and cannabis in every form a toddler finds ("zyn pouches", "dad's snus", "pot brownie").
_NICOTINE_AND_CANNABIS = (r"nicotine|zyns?|snus|(?:nic|velo|rogue) pouch(?:es)?|juul(?: pods?)?|vapes?|vape \w+|"
                          r"e ?cig\w*|e ?liquid|e ?juice|cigarettes?|cigarette butts?|cigars?|chewing tobacco|tobacco|"
                          r"edibles?|(?<!\ba )weed(?!s?\s+(?:from|in|out of|off|growing))|marijuana|cannabis|thc|delta ?8|cbd gumm(?:y|ies)|"
                          r"(?:pot|weed|special|hash) (?:brownies?|cookies?|gumm(?:y|ies)|chocolates?)|space cakes?")
# Oils and rubs that are not food ("lavender oil", "vicks"), and the rest of the bathroom shelf.
_OILS_AND_TOILETRIES = (r"essential oils?|(?:lavender|eucalyptus|tea tree|peppermint|clove|wintergreen|camphor|citronella|"
                        r"rosemary|cinnamon|oregano|lemongrass|diffuser|aromatherapy|massage) oils?|oil of wintergreen|"
                        r"(?:reed )?diffuser(?: oil| liquid| refill)?|"
                        r"camphor|vicks(?: vaporub)?|vapou?r ?rub|tiger balm|hand saniti[sz]er|saniti[sz]er|"
                        r"mouthwash|listerine|alcohol|vodka|whiskey|wine|beer|nail polish(?: remover)?|acetone|"
                        r"perfume|cologne|hair dye|bug spray|deet|superglue|button cells?|water beads|wild mushrooms?|"
                        r"mushrooms? (?:from|in|off|growing in) the (?:yard|lawn|grass|park|woods|backyard)")
CHEMICAL = f"(?:{_CLEANING}|{_FUEL_AND_PEST}|{_NICOTINE_AND_CANNABIS}|{_OILS_AND_TOILETRIES})"
# Hints: substrings one of which the text must hold before a product sign runs ("_" stands for a
# space); none is a word every feeding message has ("pouch", "cake", "sleep", "drops"), so triage stays fast.
CHEMICAL_HINTS = ("windshield windscreen polish acetone perfume cologne deet spray glue bead mushroom clean chemical disinfect dishwasher "
                  "laundry drano ajax comet dettol edible weed marijuana cannabis thc bleach deterg pod tablet tabs "
                  "capsule powerball cleaner cleaning antifreeze oil fluid fuel gasoline petrol diesel kerosene paraffin "
                  "thinner turpentine white_spirit nicotine zyn snus velo_p rogue juul vape cig liquid juice tobacco "
                  "mothball cide killer roundup poison bait pellet sanitizer sanitiser mouthwash listerine alcohol vodka "
                  "whiskey wine beer windex lysol clorox softener conditioner soap ammonia domestos zoflora harpic "
                  "febreze freshener dryer_sheet delta cbd pot_brown weed_brown special_brown space_cake camphor vicks "
                  "diffuser vaporub vapor_rub vapour_rub tiger_balm hair_dye")

# Medicines by kind and by brand, US and UK ("nyquil", "calpol", "grandma's heart pills").
_MEDICINES = (r"pills|tablets|capsules|meds|medicine|medication|medications|vitamins|tylenol|ibuprofen|advil|motrin|"
              r"nurofen|panadol|benadryl|cough syrup|cough medicine|cold medicine|melatonin|iron (?:pills|drops|supplements?)|"
              r"antidepressants?|painkillers?|sleeping pills|sleep aids?|birth control|prescription\w*|supplements|"
              r"(?:heart|blood pressure|bp|adhd|thyroid|diabetes|seizure|allergy|sleep) (?:pills|meds|medicine|tablets|gummies)|"
              r"paracetamol|acetaminophen|aspirin|calpol|zyrtec|claritin|allegra|xyzal|sudafed|nyquil|dayquil|"
              r"robitussin|delsym|mucinex|pepto(?: bismol)?|imodium|dramamine|unisom|zzzquil|antihistamines?|"
              r"oxy\w*|opioids?|hydrocodone|tramadol|percocet|vicodin|codeine|fentanyl|methadone|suboxone|"
              r"buprenorphine|adderall|ritalin|vyvanse|concerta|focalin|guanfacine|intuniv|clonidine|xanax|valium|"
              r"klonopin|ativan|ambien|seroquel|zoloft|prozac|lexapro|wellbutrin|lithium|gabapentin|amlodipine|"
              r"metformin|lisinopril|metoprolol|propranolol|insulin|prenatals?|prenatal vitamins|multivitamins?|"
              r"flintstones|gummy vitamins|vitamin gumm(?:y|ies)|eye drops|visine|nasal spray|afrin|"
              r"teething gel|orajel|jarabe|pastillas|medicinas?|gomitas|vitaminas")
PILLS = f"(?:{_MEDICINES})"
PILL_HINTS = ("pill tablet meds medic vitamin tylenol ibuprofen advil motrin nurofen panadol benadryl syrup melatonin "
              "iron capsul antidep painkill sleeping sleep_aid sleep_med sleep_pill sleep_tab sleep_gumm prescri supplement "
              "paracet acetamin aspirin calpol zyrtec claritin allegra xyzal sudafed quil robitussin delsym mucinex "
              "pepto imodium dramamine unisom antihist oxy opioid codone tramadol percocet vicodin codeine fentanyl "
              "methadone suboxone bupren adderall ritalin vyvanse concerta focalin guanfacine intuniv clonidine xanax "
              "valium klonopin ativan ambien seroquel zoloft prozac lexapro wellbutrin lithium gabapentin amlodipine "
              "metformin lisinopril metoprolol propranolol insulin prenatal flintstones gumm eye_drop visine "
              "nasal_spray afrin teething_gel orajel jarabe pastilla gotas dose")

# Ways of saying it went in: "polished off", "downed", "had a swig of".
EATING_VERBS = (r"swallowed|swallowing|swallows|swallow|ate|eaten|eating|chewed|chewing|chomped|bit|bitten|biting|"
                r"sucked|sucking|licked|licking|drank|drunk|drinking|sipped|gulped(?: down)?|downed|chugged|swigged|"
                r"scoffed|gobbled(?: up)?|munched|polished off|got into|got hold of|got ahold of|bit into|had one|"
                r"had (?:a )?(?:sip|swig|gulp|mouthful|lick|taste|bite|nibble|piece|chunk) of")

# The child's own dose, or a dose for a reason ("she had her vitamins", "benadryl for the hives"),
# when nothing says too much ("the whole bottle", "2 missing", "by accident") is not a poisoning.
_CONTAINER = r"(?:bottle|jar|box|tub|pack|packet|tin|tube)"
_TOO_MUCH = (rf"all (?:of )?(?:the|them|it|those|her|his|their|my)|whole|entire|{_CONTAINER} (?:of|was|is|open|empty)|"
             rf"(?:half (?:a |the )?|the rest of the ){_CONTAINER}|blister|rest of|too much|too many|extra|double|"
             r"twice(?! a day| daily)|doses|overdos\w*|missing|(?:half|all|most|\d+) gone|empty|open(?:ed)?|found|"
             r"got into|got hold|handful|bunch|several|some of|a few of|\d+ of|lots of|loads of|a lot of|"
             r"a couple of (?:them|those|the|her|his|their|my|pills|tablets|gummies)|"
             r"accident\w*|by mistake|wrong|instead|someone elses|adult|grown up")
_GROWN_UP = r"(?:husband|wife|partner|hubby|dh|dw|boyfriend|girlfriend|mom|mum|dad|grandma|grandpa|nana|nan|granny|mil|fil)"
_OWN_DOSE = re.compile(
    r"\b(?:took|takes|had|has|ate|gets|got|swallowed)\s+(?:his|her|their)\s+(?:(?!\w+s\b)\w+\s+)?"
    rf"(?:{_MEDICINES}|dose)\b"
    r"|\bgave\s+(?:him|her|them|baby)\s+(?:(?:his|her|their)\s+)?(?:(?!\w+s\b|\d)\w+\s+)?"
    rf"(?:{_MEDICINES}|dose)\b"
    r"|\bfor\s+(?:the|his|her|their|a|my|this)\s+(?:\w+\s+)?(?:hives|fever|temp\w*|cold|cough|teeth|teething|pain|"
    r"ears?|ear infection|allerg\w*|hay ?fever|rash|itch\w*|congestion|headache|sleep)\b"
    rf"|\b(?:my|our)\s+{_GROWN_UP}\s+(?:\w+\s+){{0,2}}(?:took|takes|had|has|swallowed|is taking|was taking)\b"
    rf"|\b(?:my|our)\s+{_GROWN_UP}s\s+(?:lips|face|tongue|throat|eyes|allergy|reaction|hay ?fever)")
_TOO_MUCH_SAID = re.compile(rf"\b(?:{_TOO_MUCH})\b")
_MEDICINE = re.compile(rf"\b{PILLS}\b")


def usual_dose(medicine: str, sentence: str, message: str) -> bool:
    """Say whether a medicine told in this sentence is the child's usual dose or a grown-up's own
    ("she had her vitamins", "benadryl for the hives"), with nothing in the message saying too much."""
    return (bool(_MEDICINE.search(medicine)) and bool(_OWN_DOSE.search(sentence))
            and not _TOO_MUCH_SAID.search(message))
