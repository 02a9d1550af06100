"""Poisonings told by the names parents use (brands, nicotine, oils, pest bait, other words for eating),
breathing told as air hunger, and the look-alikes around them: a child's usual dose, a grown-up's own."""
from __future__ import annotations

import pytest

from knowledge.emergency import triage

SWALLOWED_PRODUCTS = [
    # nicotine and cannabis
    ("my 14 month old had a velo pouch from my coat pocket in his mouth, hes sweaty and drooling", "poison"),
    ("she chewed up a snus pouch she found under the sofa", "poison"),
    ("he swallowed one of my zyns i think, the lid of the can was off", "poison"),
    ("toddler ate a piece of the pot brownie on the counter", "poison"),
    # oils, rubs and toiletries
    ("he sucked on the bottle of peppermint oil, mouth all red and hes coughing", "poison"),
    ("she licked a big glob of vicks vaporub off her hand", "poison"),
    ("my son chugged some of the listerine from the bathroom", "poison"),
    # cleaning products by brand, fuels and pest bait
    ("she bit a persil capsule and the liquid went in her mouth", "poison"),
    ("found one of the cascade pods chewed and he's gagging", "poison"),
    ("he drank lighter fluid from the bbq box", "poison"),
    ("she was eating the slug pellets in the garden", "poison"),
    ("chewing on a mouse bait block behind the fridge!!", "poison"),
    # medicines by brand, other words for eating, amounts
    ("he gobbled up the dramamine chewables in the car, the whole pack", "poison"),
    ("she downed a load of the nyquil, bottle on the floor", "poison"),
    ("my 3yo scoffed half the tub of flintstones vitamins", "poison"),
    ("the calpol was on the side and she drank loads", "poison"),
    ("grandads lisinopril tablets are gone from the table and baby was right there", "poison"),
    ("bottle of allergy pills open on the bed, two of them are missing", "poison"),
    ("a tablet of her dads ritalin is in her mouth", "poison"),
    ("he got hold of the teething gel and ate it", "poison"),
    # found with it, and signs it was bitten
    ("found her with the dishwasher tabs, the wrapper is torn and theres gel on her lips", "poison"),
    # told in Spanish
    ("mi hijo se tomó las gotas de vitaminas, todo el frasco", "poison"),
    ("se bebió el aceite de lavanda del difusor", "poison"),
    ("se tomó un jarabe de adulto que estaba en la mesa", "poison"),
    ("she drank the liquid from the reed diffuser on the shelf", "poison"),
    # other signs told in Spanish, and a voice changed after a food
    ("se le hincharon los labios con el huevo", "allergic_reaction"),
    ("le salió urticaria y tiene mucha tos después del pescado", "allergic_reaction"),
    ("se tragó una canica y no puede tragar su saliva", "choking"),
    ("mi nena respira con dificultad y hace un silbido", "breathing"),
    ("after the almond croissant he keeps rubbing his throat and sounds croaky", "allergic_reaction"),
    # air hunger
    ("she is fighting for air and her chest pulls in", "breathing"),
    ("he cant get any air in, please help", "breathing"),
    ("crowing noise every time he tries to get air", "breathing"),
]

CALM = [
    # the child's usual dose, or a dose for a reason, with nothing saying too much
    "she has her iron drops every morning with her oatmeal",
    "he took his allergy medicine and had a banana",
    "gave her calpol for her teeth, can she have yogurt after?",
    "he had some tylenol for the fever and ate a bit of toast",
    "she had her motrin a couple of hours ago and a bottle since, all good",
    # a grown-up's own, and a medicine used up by its doses
    "my partner takes zyrtec daily, can the baby eat strawberries?",
    "my wife's face went puffy after prawns last week, should baby avoid them?",
    "we ran out of the kids motrin, the bottle is empty, what's a good food for a fever?",
    # the parent speaking of themself, and figures of speech
    "I can't breathe from laughing, she wore her yogurt as a hat",
    "im choking back tears watching her feed herself",
    "she pulled a weed out of the lawn and tried to eat it lol",
    # prevention and brands in passing
    "where do people keep zyn pouches so toddlers can't get them?",
    "is lavender oil in the bath ok for a baby?",
]


@pytest.mark.parametrize(("text", "kind"), SWALLOWED_PRODUCTS)
def test_products_and_medicines_by_their_names_are_emergencies(text: str, kind: str) -> None:
    found = triage(text)
    assert found is not None and found.kind == kind, (text, found)


@pytest.mark.parametrize("text", CALM)
def test_usual_doses_grown_ups_and_figures_of_speech_are_calm(text: str) -> None:
    assert triage(text) is None, text


@pytest.mark.parametrize("text", [
    "she had her brothers adhd pills",
    "he took all his vitamins at once, the bottle is nearly empty",
    "gave him his motrin twice by accident",
])
def test_someone_elses_medicine_or_too_much_of_ones_own_is_still_urgent(text: str) -> None:
    found = triage(text)
    assert found is not None and found.kind == "poison", text
