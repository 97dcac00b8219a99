"""Names no codebook lists: which capitalised words become actors, of which type, and how
their variants merge; every sentence written for these tests."""

import pandas as pd
import pytest

import analysis
from analysis.stages.mentions import actor_index, analyse_documents, mention_tables
from analysis.stages.names import discover_names, variant_key

BOOKS = analysis.load_codebooks()
INDEX = actor_index(BOOKS)


def names(text: str) -> list[tuple[str, str, str]]:
    return [(a.name, a.type, a.gender) for a in discover_names(text, [(0, len(text))], [[]], INDEX)]


def actors(text: str) -> list[tuple[str, str]]:
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    layer = analysis.text_layer(docs)
    m = mention_tables(docs, analyse_documents(docs, layer["sentences"], BOOKS))["mentions"]
    return [tuple(r) for r in m[m["kind"] == "actor"][["text", "canonical"]].itertuples(index=False)]


@pytest.mark.parametrize("text, expected", [
    # persons, with gender from a prefix or the first name
    ("Yesterday Ms. Ilse Varga blamed the mayor.", ("Ilse Varga", "person", "f")),
    ("The report quoted Mr Okafor at length.", ("Okafor", "person", "m")),
    ("Critics said Peter Lindqvist had resigned.", ("Peter Lindqvist", "person", "m")),
    # organisations and groups by their words
    ("Members of the Heritage Foundation objected.", ("Heritage Foundation", "organisation", "")),
    ("The vote split Tories and Liberals.", ("Tories", "group", "")),
    ("A statement by NAACP followed.", ("NAACP", "organisation", "")),
    # a single word opening a sentence is a name only before a verb
    ("Okonjo blamed the banks.", ("Okonjo", "person", "")),
    ("Okonjo has repeatedly blamed the banks.", ("Okonjo", "person", "")),
    ("Okafor has taken on Lindqvist before.", ("Okafor", "person", "")),       # any verb after an auxiliary
    ("Nwosu had been warned twice.", ("Nwosu", "person", "")),                 # a passive after "had been"
    ("Beverly chairs the panel this year.", ("Beverly", "person", "")),         # a first name ending in -ly
    ("Okonjo nevertheless signed the bill.", ("Okonjo", "person", "")),        # an adverb before the verb
    ("Volkin has endorsed the plan.", ("Volkin", "person", "")),               # a surname ending like a demonym
    ("Reporters said Petrovic had left.", ("Petrovic", "person", "")),
    # a title inside the run is cut off; a title word that ends it is a surname
    ("Senate Majority Leader Ruth Kagwe spoke.", ("Ruth Kagwe", "person", "f")),
    ("Defence Secretary Tom King promised aid.", ("Tom King", "person", "m")),
    # first names that are also common words, particles, initials (a review's cases)
    ("Yesterday Bill Clinton condemned the vote.", ("Bill Clinton", "person", "m")),
    ("Reporters said Will Smith had left.", ("Will Smith", "person", "m")),
    ("Bashar al-Assad rejected the plan.", ("Bashar al-Assad", "person", "m")),
    ("The National Liberation Front condemned the vote.", ("National Liberation Front", "organisation", "")),
    ("J. R. R. Tolkien supported the plan.", ("J. R. R. Tolkien", "person", "")),
    # a leader's side: "the X administration"
    ("Kenya blamed the Okonkwo administration.", ("Okonkwo", "person", "")),
    ("The Okonkwo foundation has funded the school.", ("Okonkwo", "person", "")),
])
def test_names_found(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text", [
    "Asked about the vote, officials declined to comment.",  # an opening word before no verb
    "Cambodia And Laos Sign A Border Deal",                 # headline case
    "Leaders Meet To Discuss Mekong Water Rights",
    "The delegation arrived in Aleppo on Monday.",         # a place after "in"
    "He cited Article 5 of the Constitution.",             # "the Constitution": a common noun
    "The Russia-Ukraine war entered its third year.",      # a compound of countries
    "Talks resume in March, after Easter.",                # calendar words, holidays
    "The goal of the 1.5°C limit stands.",                 # a letter alone: a unit, not a name
    "Many attempts have been made to spread the claims.",  # a quantifier opening the sentence
    "The leaders back the 2050 Strategy for the Blue Pacific Continent.",  # the title of a plan
    "It protects All Persons from Enforced Disappearance.",  # words for people in a title
    "A Montenegrin court ruled on Friday.",                # a demonym no codebook lists
    "Officials have said little.",                         # a common word before an auxiliary
    "We know how States should cooperate with certain Powers.",  # capitalised common nouns of diplomacy
    "Peru is proud to be a Member of the United Nations.",  # a common word before "of"
    "We ratified the Convention on the Rights of Persons with Disabilities.",  # a title goes on across "with"
    "We welcome the Declaration on Migration and Protection.",                # ... and across "and"
    "Countless voices called for action.",                 # an adjective opening the sentence
    "We back the World Cup bid.",                          # an event
    "We commend the Special Representative of the Secretary-General on Sexual Violence in Conflict.",  # an office
])
def test_no_names(text):
    assert names(text) == []


def test_variants_of_one_name_are_one_actor():
    text = ("Kim So-yeon, an analyst at the institute, spoke first. Later Kim Soyeon blamed Japan. "
            "Ms Kim So Yeon then left.")
    assert {c for _, c in actors(text)} == {"Kim So-yeon", "Japan"}
    assert variant_key("Kim So-yeon") == variant_key("Kim Soyeon") == variant_key("Kim So Yeon")


def test_a_surname_alone_is_the_person_named_in_full_before():
    found = actors("Peter Lindqvist arrived. Lindqvist then praised Norway.")
    assert ("Lindqvist", "Peter Lindqvist") in found


def test_codebook_and_country_names_are_not_rediscovered():
    found = actors("Vladimir Putin met the Saudi government in Riyadh.")
    assert {c for _, c in found} == {"Vladimir Putin", "Saudi Arabia"}


@pytest.mark.parametrize("text, expected", [
    ("Anna Berg met the envoy. She praised Norway.", ("She", "Anna Berg")),     # gender from the first name
    ("John Smith met Mary Jones. She criticised Norway.", ("She", "Mary Jones")),
    ("Mary Jones met John Smith. He criticised Norway.", ("He", "John Smith")),
])
def test_pronouns_take_an_antecedent_of_their_gender(text, expected):
    assert expected in actors(text)


@pytest.mark.parametrize("text, expected", [
    # a name ends in no function word: "the Government of the [United States of America]" is no name
    ("Saab was detained by the Government of the United States of America.",
     [("Saab", "Saab"), ("United States of America", "United States")]),
    ("Cote d’Ivoire thanked Ghana.", [("Cote d’Ivoire", "Côte d'Ivoire"), ("Ghana", "Ghana")]),
])
def test_names_beside_countries(text, expected):
    assert actors(text) == expected


def test_an_acronym_in_brackets_is_the_name_before_it():
    found = actors("Okafor criticized the Bureau of Land Management (BLM). Later BLM responded.")
    assert found.count(("BLM", "Bureau of Land Management")) == 2


def test_a_title_before_a_titled_person_is_no_name():
    assert "House Speaker" not in [text for text, _ in actors("Lopez is expected to endorse House Speaker Paul Ryan.")]


def test_a_region_opens_the_name_of_an_organisation():
    assert ("Pacific Islands Forum", "Pacific Islands Forum") in actors("Fiji thanked the Pacific Islands Forum.")


def test_a_titled_name_loses_its_possessive():
    assert ("Zelenskyy", "Zelenskyy") in actors("Peru strongly endorses President Zelenskyy’s peace formula.")


def test_a_titled_surname_and_the_full_name_are_one_person():
    text = "We congratulate President Ortega on his election. We thank Ms. Ana Ortega for her work. Ortega spoke."
    assert {canonical for _, canonical in actors(text)} == {"Ana Ortega"}


def test_the_rest_of_a_name_an_issue_opens_is_no_name():
    assert [t for t, _ in actors("We back the SDG Stimulus of the Secretary-General.") if "Stimulus" in t] == []


def test_a_thing_named_with_a_common_first_word_keeps_it():
    found = actors("Peru welcomes the Climate Ambition Summit.")
    assert ("Climate Ambition Summit", "Climate Ambition Summit") in found


@pytest.mark.parametrize("text, expected", [
    ("The Fisheries and Forestry Commission fined Okafor.", ("Fisheries and Forestry Commission", "organisation", "")),
    ("Okonjo, too, blamed the banks.", ("Okonjo", "person", "")),                 # a verb after an aside
    ("Okonjo was quick to blame the banks.", ("Okonjo", "person", "")),           # an adjective taking a verb
    ("The Lima-based Okafor Institute said so.", ("Okafor Institute", "organisation", "")),
])
def test_names_joined_by_and_after_asides_and_after_a_modifier(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text, fragment", [
    ("Peru backs the Okafor-led mission.", "Okafor-led"),                        # a name made an adjective
    ("Peru attended the Council meeting (see S/PV.9000) on Haiti.", "PV"),       # a document symbol
    ("Peru welcomed the pledges made during this high-level Week.", "Week"),
    ("Peru thanks the Special Envoy on Energy for her work.", "Energy"),          # an office's subject
    ("Peru ratified the Treaty on Fisheries of Areas beyond Coastal Jurisdiction.", "Coastal Jurisdiction"),
])
def test_no_name_from_modifiers_symbols_or_titles(text, fragment):
    assert [n for n, _, _ in names(text) if fragment in n] == []


@pytest.mark.parametrize("text, expected", [
    ("Okafor accused Supreme Court judges of bias.", ("Supreme Court", "organisation", "")),     # no title
    ("Okafor criticized the Lima Public Schools Association.", ("Lima Public Schools Association", "organisation", "")),
    ("Okafor criticized their Democratic colleagues.", ("Democratic", "group", "")),             # a party's word
])
def test_organisations_with_title_or_common_words_and_parties_after_a_possessive(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text, fragment", [
    ("North Carolina Republican leaders met.", "Carolina"),        # a region of several words, before a party
    ("Okafor moved to Huntsville, Alabama, last year.", "Alabama"),   # the region of the place before
    ("In a memo dated Nov. 7, Okafor said so.", "Nov"),
])
def test_regions_and_abbreviated_months_are_no_names(text, fragment):
    assert [n for n, _, _ in names(text) if fragment in n] == []


def test_a_paper_named_with_the_is_a_name_before_a_past_verb():
    assert "Enquirer" in [n for n, _, _ in names("The Enquirer has endorsed Okafor for governor.")]
    assert [n for n, _, _ in names("We honour the Charter and the Reagan years.") if n in ("Charter", "Reagan")] == []


@pytest.mark.parametrize("text", [
    "Herders in the Kalahari region lost their cattle.",
    "Convoys queued for days along the Vardan corridor.",
])
def test_a_capitalised_word_before_a_noun_of_geography_is_a_place(text):
    assert not [n for n, _, _ in names(text) if n in ("Kalahari", "Vardan")]


def test_a_capitalised_noun_after_this_very_is_no_name():
    assert not [n for n, _, _ in names("We met again in this very Chamber to vote.") if n == "Chamber"]


@pytest.mark.parametrize("text, capital", [
    ("The world changed after the fall of the Berlin Wall.", "Germany"),
    ("Uganda backs the Nairobi process on the Great Lakes.", "Kenya"),
    ("Tickets for the Tokyo Olympics sold out.", "Japan"),
])
def test_a_capital_that_opens_the_name_of_a_place_or_event_is_no_government(text, capital):
    assert capital not in [c for _, c in actors(text)]


# The capitals of a title listed with common words, and a lone word the text also writes in lower case.
@pytest.mark.parametrize("text, fragment", [
    ("Peru backs the Global Compact for Safe, Orderly and Regular Migration.", "Orderly"),
    ("Peru backs the Global Compact for Safe, Orderly and Regular Migration.", "Regular Migration"),
    ("We refuse a facade of fake Kindness and Generosity.", "Generosity"),
    ("Greed leads to the end of Peace, and peace is what we want.", "Peace"),
])
def test_no_name_from_common_words_capitalised(text, fragment):
    assert fragment not in [n for n, _, _ in names(text)]


@pytest.mark.parametrize("text, expected", [
    ("On Monday, Gates criticized the group.", ("Gates", "person", "")),  # no "gates" in lower case
    ("Gov. Hunter praised the plan.", ("Hunter", "person", "")),                    # a title before it
    ("Officials said Hunt and Vance would attend.", ("Hunt", "person", "")),         # a list after a verb
    ("Hunt met reporters. Later Mr. Hunt said he would hunt for a deal.", ("Hunt", "person", "m")),
    ("The Food and Drug Administration approved the drug.", ("Food and Drug Administration", "organisation", "")),
])
def test_capitalised_words_that_stay_names(text, expected):
    assert expected in names(text)
