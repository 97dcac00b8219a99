"""The shared actor/issue layer: codebook actors, unknown actors, resolution, attribution."""

import pandas as pd
import pytest

import analysis
from analysis.stages.mentions import analyse_documents, mention_tables

#: Loaded once: each load compiles the matchers again.
BOOKS = analysis.load_codebooks()


def _tables(*texts):
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})
    layer = analysis.text_layer(docs)
    return mention_tables(docs, analyse_documents(docs, layer["sentences"], BOOKS))


def _actors(text):
    m = _tables(text)["mentions"]
    return m[m["kind"] == "actor"][["text", "canonical", "actor_type", "affiliation", "source"]] \
        .values.tolist()


@pytest.mark.parametrize("text, expected", [
    # Countries not in the codebook come from pycountry; official names map to short ones.
    ("Kazakhstan and the Russian Federation signed.", [("Kazakhstan", "Kazakhstan"), ("Russian Federation", "Russia")]),
    # Demonyms alone describe; with a head noun they stand for the state.
    ("The Ukrainian delegation arrived.", [("Ukrainian delegation", "Ukraine")]),
    ("The Chilean coast guard and the Peruvian air force arrived.",     # heads of two words
     [("Chilean coast guard", "Chile"), ("Peruvian air force", "Peru")]),
    # A capital is the government, except after a location preposition.
    ("Moscow rejected the claim made in Kyiv.", [("Moscow", "Russia")]),
    # Codebook aliases, including the forms news uses.
    ("Samdech Techo agreed.", [("Samdech Techo", "Hun Sen")]),
    # "the Kingdom" is the latest kingdom named (ISO 3166 official names), not one country always.
    ("Cambodia agreed. The Kingdom thanked Laos.", [("Cambodia", "Cambodia"), ("The Kingdom", "Cambodia"),
                                                   ("Laos", "Laos")]),
    ("Morocco spoke. The Kingdom thanked Laos.", [("Morocco", "Morocco"), ("The Kingdom", "Morocco"),
                                                 ("Laos", "Laos")]),
    ("NATO and the UN met.", [("NATO", "NATO"), ("the UN", "United Nations")]),
    # Capitals places.yaml does not list come from the GeoNames gazetteer; not a common word, not Brussels.
    ("Lima and Windhoek rejected the plan.", [("Lima", "Peru"), ("Windhoek", "Namibia")]),
    ("Male voters and Brussels rejected the plan.", [("Brussels", "Brussels")]),   # a name, not Belgium
    ("The Treasury and the Bundesrat rejected the plan.", [("Treasury", "Treasury"), ("Bundesrat", "Bundesrat")]),
    # A country's name inside a river's, a basin's or a strait's is a place, and leaves no name behind.
    ("Peru protects the Congo Basin and the Niger Delta.", [("Peru", "Peru")]),
    ("Manila condemned the China Coast Guard.", [("Manila", "Philippines"), ("China Coast Guard", "China")]),
    ("The U.S. district court and the Congo River Basin were named.", [("The U.S.", "United States")]),
    # A title inside a word is no title: "linking Phnom Penh" is a road, not King Phnom Penh.
    ("The road linking Phnom Penh to Kampot opened.", []),
])
def test_actor_recognition(text, expected):
    got = [(t, c) for t, c, *_ in _actors(text)]
    assert got == expected


@pytest.mark.parametrize("text, name, typ, affiliation, role_part", [
    ("Deputy Minister of the Interior Bogdan Drapiaty arrived.", "Bogdan Drapiaty", "official", "", "Deputy Minister"),
    ("Malaysian Prime Minister Ismail Sabri Yaakob spoke.", "Ismail Sabri Yaakob", "leader", "Malaysia",
     "Prime Minister"),
    ("Maria Lopez, a research fellow at a Manila think tank, said so.", "Maria Lopez", "expert", "", "research fellow"),
    # An analyst at an institute is coded expert, whatever the title ("director").
    ("Kin Phea, director of the Royal Academy of Cambodia's institute, said so.", "Kin Phea", "expert", "Cambodia",
     "director"),
    ("“No,” said Don Pramudwinai, the Thai foreign minister.", "Don Pramudwinai", "official", "Thailand",
     "foreign minister"),
])
def test_unknown_persons_are_recognised_with_their_role(text, name, typ, affiliation, role_part):
    m = _tables(text)["mentions"]
    row = m[m["canonical"] == name].iloc[0]
    assert (row.actor_type, row.affiliation) == (typ, affiliation)
    assert role_part in row.role


def test_name_parts_pronouns_and_roles_resolve_to_the_right_actor():
    text = ("Maria Lopez, a lecturer in law, said the vote mattered. Lopez added that talks were needed. "
            "During a call with Joe Biden, Zelenskyy thanked him. He said the premier was absent. "
            "Prime Minister Hun Sen spoke later. The premier urged calm.")
    m = _tables(text)["mentions"]
    pairs = m[m["kind"] == "actor"][["sentence_id", "text", "canonical", "resolved"]].values.tolist()
    assert [1, "Lopez", "Maria Lopez", False] in pairs
    assert [3, "He", "Volodymyr Zelenskyy", True] in pairs  # the subject of the previous sentence, not the object
    assert [5, "The premier", "Hun Sen", True] in pairs


@pytest.mark.parametrize("text, attribution, speaker", [
    ("“We will not take sides,” the Thai foreign minister Don Pramudwinai said.", "direct_quote", "Don Pramudwinai"),
    ("“We will not take sides,” said Don Pramudwinai, the Thai foreign minister.", "direct_quote", "Don Pramudwinai"),
    ("President Joe Biden said that aid would continue.", "reported", "Joe Biden"),
    ("Aid will continue, according to NATO.", "reported", "NATO"),
    ("Aid will continue.", "author", ""),
])
def test_attribution(text, attribution, speaker):
    a = _tables(text)["attribution"].iloc[0]
    assert (a.attribution, a.speaker) == (attribution, speaker)


def test_quotation_across_sentences_keeps_its_speaker():
    text = "“We reject force. We want talks. We stay neutral,” Foreign Minister Prak Sokhonn said."
    a = _tables(text)["attribution"]
    assert a["attribution"].tolist() == ["direct_quote"] * 3
    assert set(a["speaker"]) == {"Prak Sokhonn"}


def test_a_quoted_phrase_in_reported_speech_is_the_sentences_speaker():
    text = ("Joe Biden said aid would continue.\n\nPeru's Foreign Ministry said Lima “firmly rejects any "
            "unilateral attempt to change the border by force or by coercion”.")
    a = _tables(text)["attribution"]
    assert a[["attribution", "speaker"]].values.tolist()[1] == ["direct_quote", "Peru"]
    m = _tables(text)["mentions"]
    assert "Foreign Ministry" not in m["text"].tolist()  # inside "Peru's Foreign Ministry", not a mention of its own
    m = _tables("Analysts counted Peru's military supporters in the region.")["mentions"]
    assert m[m["kind"] == "issue"]["canonical"].tolist() == ["military_aid"]  # an issue inside the head stays


def test_untagged_quote_continues_the_previous_speaker():
    text = "Joe Biden said aid would continue.\n\n“We stand with Ukraine.”"
    a = _tables(text)["attribution"]
    assert a.iloc[1][["attribution", "speaker", "speaker_resolved"]].tolist() == ["direct_quote", "Joe Biden", True]


def test_demonstratives_resolve_to_the_specific_issue():
    text = "The US will send cluster bombs. Critics say these weapons kill civilians."
    m = _tables(text)["mentions"]
    row = m[(m["sentence_id"] == 1) & (m["kind"] == "issue")].iloc[0]
    assert (row.canonical, row.resolved) == ("cluster_munitions", True)


def test_seed_mentions_carry_offsets(seed_documents, seed_mentions):
    m = mention_tables(seed_documents, seed_mentions)["mentions"]
    texts = dict(zip(seed_documents["doc_id"], seed_documents["text"]))
    for r in m.itertuples():
        assert texts[r.doc_id][r.char_start:r.char_end] == r.text
    assert {"Hun Sen", "Volodymyr Zelenskyy", "Kin Phea", "Ly Thuch"} <= set(m["canonical"])


@pytest.mark.parametrize("text, not_a_name", [
    ("LIMA, May 9 - Congressional investigators questioned Ana Ortega.", "Congressional"),  # opens the sentence
    ("Besides Ortega, the minister praised Chile.", "Besides Ortega"),                       # a preposition
])
def test_no_name_from_a_capitalised_opening(text, not_a_name):
    assert not_a_name not in [t for t, *_ in _actors(text)]


def test_the_dateline_names_no_actor():
    """ "LIMA, May 9 (Reuters) -" says where and by whom the story was filed."""
    text = "LIMA, May 9 (Reuters) - Peru said it backed Chile."
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text], "dateline": ["LIMA, May 9 (Reuters) -"]})
    layer = analysis.text_layer(docs)
    m = mention_tables(docs, analyse_documents(docs, layer["sentences"], BOOKS))["mentions"]
    assert m[m["kind"] == "actor"]["canonical"].tolist() == ["Peru", "Chile"]


@pytest.mark.parametrize("text, expected", [
    ("The Social Democratic Party of Germany rejected the plan.", "Social Democratic Party"),  # not the US party
    ("Japan's ruling Liberal Democratic Party backed the plan.", "Liberal Democratic Party"),
    ("House Democrats rejected the plan.", "Democratic Party"),                               # the US party
    # a codebook organisation that opens a longer name leaves it to be found
    ("On Monday the African Union Commission rejected the plan.", "African Union Commission"),
])
def test_a_party_inside_a_longer_name_is_that_name(text, expected):
    assert expected in [c for _, c, *_ in _actors(text)]


def test_a_sentence_opening_with_a_capital_gives_the_government_its_state():
    m = _tables("Peru rejected the plan. In Santiago, the government said it backed the plan.")["mentions"]
    assert m[m["text"] == "the government"]["canonical"].tolist() == ["Chile"]   # not Peru, named last


def test_an_opening_capital_gives_way_to_a_state_named_in_the_sentence():
    m = _tables("In Lima, Chile's envoy said the government backed the plan.")["mentions"]
    assert m[m["text"] == "the government"]["canonical"].tolist() == ["Chile"]


def test_they_opening_a_sentence_is_the_group_just_named():
    m = _tables("The EU met in Paris. They welcomed the ceasefire.")["mentions"]
    assert m[m["text"] == "They"]["canonical"].tolist() == ["European Union"]
    m = _tables("The EU met in Paris. Officials said the talks went well. They welcomed it.")["mentions"]
    assert m[m["text"] == "They"].empty  # not two sentences back
