"""Reading a parent's message as a question: the asking sentences and the kind of answer wanted."""
import pytest

from knowledge.asking import answer_kinds, is_asking, read_question, sentence_offers, split_message

ECZEMA_STORY = (
    "Hi! My daughter is 6 months old and has been dealing with severe eczema since she was 2 months "
    "old. We started purees last month and she loves sweet potato and pears. Her grandma keeps telling "
    "me to wait with allergens until she is one, and her doctor was not sure either. "
    "When should we introduce peanut? Thanks so much"
)


def test_a_long_story_is_read_for_its_question_and_keeps_the_rest_as_context():
    read = read_question(ECZEMA_STORY)

    assert read.focus == "When should we introduce peanut?"
    assert "severe eczema" in read.context and "Thanks" not in read.context
    assert read.kinds[0] == "when"
    assert read.whole.startswith("When should we introduce peanut?")


def test_two_questions_in_a_long_message_are_both_kept():
    text = ("We moved from purees to mashed food last week and he seems happy with it, though he "
            "pulls faces at anything green and we have had a few gags. How lumpy should the food be? "
            "When do you give a baby toast fingers?")
    read = read_question(text)

    assert read.focus == "How lumpy should the food be? When do you give a baby toast fingers?"
    assert "pulls faces" in read.context


def test_a_question_with_no_subject_takes_the_whole_long_story():
    text = ("Our son is 9 months and for the past two weeks he has been passing very hard stools and "
            "crying when he goes, and we changed nothing except adding more cheese and bananas to his "
            "lunches at daycare. Is that normal?")
    read = read_question(text)

    assert "hard stools" in read.focus and read.context == ""


def test_a_short_message_is_read_whole():
    text = "My little girl loves tuna. She has half a tin 3 times a week. Is this too much?"

    assert read_question(text).focus == text


@pytest.mark.parametrize("sentence, asking", [
    ("can she have honey", True),
    ("Not sure if she can have honey", True),
    ("any tips for a picky toddler", True),
    ("so how much water should he drink", True),
    ("She had oatmeal and a banana.", False),
    ("We tried eggs last week", False),
    ("is it ok to give him yogurt every day", True),
])
def test_asking_sentences_are_found_with_or_without_a_question_mark(sentence, asking):
    assert is_asking(sentence) is asking


@pytest.mark.parametrize("question, lead", [
    ("when can she have peanut butter", "when"),
    ("what age can babies have eggs?", "when"),
    ("how much milk should my 1 year old drink", "amount"),
    ("how often should I give peanut?", "amount"),
    ("how do I serve peanut butter to a baby", "how"),
    ("How can I stop the bottles?", "how"),
    ("how long do I keep giving the vitamin D drops?", "when"),
    ("what finger foods for 8 month old", "what"),
    ("can toddlers drink oat milk", "whether"),
    ("I think he is constipated because he cries when it's hard. What can I do to help?", "what"),
])
def test_the_question_word_decides_the_kind_of_answer(question, lead):
    assert answer_kinds(question)[0] == lead


def test_a_why_question_asks_for_no_particular_kind():
    assert answer_kinds("Why does my baby always choke when I give him table food?") == ()


@pytest.mark.parametrize("sentence, kind", [
    ("Aim for about 16 to 24 ounces a day, which is 2 to 3 cups.", "amount"),
    ("Wait until 12 months to give cow's milk as a drink.", "when"),
    ("Peanut can start at around 6 months, once your baby eats other solids.", "when"),
    ("Serve it as smooth peanut butter thinned with water.", "how"),
    ("Good choices: salmon, sardines, cod, tilapia and shrimp.", "what"),
    ("Rice milk is not recommended for children under 5.", "whether"),
])
def test_passage_sentences_offer_kinds_of_answer(sentence, kind):
    assert kind in sentence_offers(sentence)


def test_a_plain_statement_offers_no_age_or_amount():
    assert not {"amount", "when"} & sentence_offers("Babies love to explore food with their hands.")


def test_split_message_drops_fillers_and_keeps_run_ons_whole():
    assert split_message("hi! can she have eggs?? thanks") == ["can she have eggs??"]
    assert split_message("she is 9 months old she wont eat anything what should i do") == [
        "she is 9 months old she wont eat anything what should i do"]


def test_the_asking_sentences_of_a_short_story_read_whole():
    read = read_question("My 3 year old has decided she doesn't like meat anymore and pushes it off her plate. "
                         "Should I be worried about her iron?")

    assert read.focus.startswith("My 3 year old") and read.asked == "Should I be worried about her iron?"


@pytest.mark.parametrize("text", ["teething baby wont eat", "toddler only eats crackers and pasta help",
                                  "what should I do if she spits everything out?"])
def test_a_problem_told_or_what_to_do_asks_for_steps(text):
    assert read_question(text).kinds[0] == "how"


def test_parent_spellings_and_shorthand_read_as_the_guidelines_word_them():
    from knowledge.asking import plain_wording, read_question

    assert plain_wording("wen can my LO have veggies") == "when can my baby have vegetables"
    assert plain_wording("DS has a tummy flu") == "son has a stomach bug"
    assert plain_wording("lo and behold") == "lo and behold"  # shorthand only in capitals
    assert read_question("wen can i start solids").kinds[0] == "when"


def test_a_question_with_its_mark_left_off_is_still_the_question():
    text = ("Summer is brutal here and my little one is 9 months, nursing and eating solids three times a day. "
            "I keep his straw cup of water next to him all day long. A neighbour warned me that babies can "
            "get too much water?? how much water is right for him over a whole day")
    read = read_question(text)

    assert "how much water is right for him" in read.focus
    assert read.kinds[0] == "amount"


def test_an_amount_asked_beside_a_yes_or_no_leads():
    assert answer_kinds("Is she drinking too much milk? How many ounces should she have")[0] == "amount"
    assert answer_kinds("Is it too early? When do babies usually start finger foods")[0] == "when"


def test_a_few_days_answers_how_long():
    assert "amount" in sentence_offers("Most children eat very little for a few days with a cold.")


def test_parents_words_for_throwing_up_read_as_the_guidelines_word_it():
    from knowledge.asking import plain_wording

    assert plain_wording("he keeps puking after dinner") == "he keeps vomiting after dinner"
    assert plain_wording("can she have powerade") == "can she have sports drink"


@pytest.mark.parametrize("question", [
    "how long do I need to keep cutting her grapes in quarters?",
    "How long should we keep mashing his food?",
])
def test_how_long_to_keep_doing_something_asks_until_what_age(question):
    from knowledge.asking import lead_kind

    assert lead_kind(question) == "when"


def test_british_nappies_read_as_diapers():
    from knowledge.asking import plain_wording

    assert plain_wording("5 wet nappies today, is one nappy enough?") == "5 wet diapers today, is one diaper enough?"


def test_foods_for_a_child_asked_as_a_noun_phrase_want_a_list():
    assert answer_kinds("healthy lunchbox snacks for a 3 year old?")[0] == "what"


def test_a_sentence_saying_what_to_offer_answers_what_to_give():
    assert "what" in sentence_offers("Offer small sips of an oral rehydration solution often.")


def test_hating_a_food_reads_as_refusing_it():
    from knowledge.asking import plain_wording

    assert plain_wording("my 1yo hates chicken") == "my 1yo refuses chicken"


@pytest.mark.parametrize("sentence", [
    "From about 9 months, cut soft food into pea-sized pieces, about 1/2 inch.",
    "Keep pieces no bigger than half an inch for a new eater.",
])
def test_a_piece_size_in_inches_answers_how_big(sentence):
    assert "amount" in sentence_offers(sentence)


@pytest.mark.parametrize("text, short_order", [
    ("I end up cooking her a different dinner most nights", True),
    ("so I make them a separate meal, is that bad?", True),
    ("and then I end up making him toast again", True),
    ("how do I make her eat again after a cold", False),
    ("we make a big family meal on Sundays", False),
])
def test_cooking_a_second_meal_on_demand_reads_as_short_order_cooking(text, short_order):
    from knowledge.asking import plain_wording

    assert ("short-order cooking" in plain_wording(text)) is short_order


@pytest.mark.parametrize("parent, guideline", [
    ("he threw up twice after lunch", "he vomited twice after lunch"),
    ("she keeps throwing up her milk", "she keeps vomiting her milk"),
    ("can he have a sip of coke", "can he have a sip of soda"),
    ("grandpa gave her pepsi and fizzy drinks", "grandpa gave her soda and soda"),
    ("it's a heatwave here", "it's a heat wave here"),
])
def test_parents_words_for_being_sick_sodas_and_hot_weather_read_as_the_guidelines_say(parent, guideline):
    from knowledge.asking import plain_wording

    assert plain_wording(parent) == guideline
