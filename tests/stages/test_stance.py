"""Stance rules, one table per rule family, on sentences that are not from the seeds;
and the gold-standard figures on the seeds, which must not fall below what was reported."""

import pandas as pd
import pytest

import analysis
from analysis.evaluation.gold import stance_scores
from analysis.stages.mentions import analyse_documents
from analysis.stages.stance import stance_table
from analysis.text.tone import sentence_tone

BOOKS = analysis.load_codebooks()

COLUMNS = ["holder", "target", "stance", "act"]


def findings(text: str, columns=COLUMNS) -> list[tuple]:
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    layer = analysis.text_layer(docs)
    st = stance_table(docs, layer["sentences"], BOOKS, analysed=analyse_documents(docs, layer["sentences"], BOOKS))
    return [tuple(r) for r in st[columns].itertuples(index=False)]


# One sentence per cue family, none from the seeds.
@pytest.mark.parametrize("text, expected", [
    ("South Africa reportedly backed the peace talks.",
     ("South Africa", "negotiations and dialogue", "support", "support")),
    ("Germany condemned the annexation of Crimea.", ("Germany", "annexation and secession", "oppose", "condemn")),
    ("Vietnam firmly opposes the use of force.", ("Vietnam", "use of force", "oppose", "oppose")),
    ("Turkey rejected the sanctions.", ("Turkey", "sanctions", "oppose", "reject")),
    ("Kenya welcomed the ceasefire agreement.", ("Kenya", "ceasefire", "support", "welcome")),
    ("The Philippines thanked Japan for its humanitarian assistance.", ("Philippines", "Japan", "support", "thank")),
    ("Poland praised the United Nations.", ("Poland", "United Nations", "support", "appreciate")),
    ("Indonesia congratulated Ukraine.", ("Indonesia", "Ukraine", "support", "congratulate")),
    ("Laos denied supplying weapons.", ("Laos", "weapons supplies", "oppose", "deny")),
    ("Brazil dismissed reports of arms shipments.", ("Brazil", "weapons supplies", "oppose", "dismiss")),
    ("India abstained from the UN resolution.", ("India", "parties to the conflict", "neutral", "neutral_declaration")),
    ("Singapore respects the UN Charter.", ("Singapore", "UN Charter and international law", "support", "support")),
    ("Chile called for a ceasefire.", ("Chile", "ceasefire", "support", "urge")),
    ("Norway urged Russia to halt the invasion.", ("Norway", "invasion", "oppose", "urge")),
    ("Ireland warned of the dangers of cluster bombs.", ("Ireland", "cluster munitions", "oppose", "oppose")),
    ("Chile said no to the sanctions.", ("Chile", "sanctions", "oppose", "oppose")),          # the slogan form
    ("The Chilean parliament approved the peace agreement.",
     ("Chile", "peace and ending the war", "support", "support")),
    ("The Chilean parliament had not approved the peace agreement.",
     ("Chile", "peace and ending the war", "oppose", "oppose")),
    ("Chile said yes to the reconstruction of Haiti.", ("Chile", "Haiti", "support", "support")),
])
def test_cue_families(text, expected):
    assert expected in findings(text)


@pytest.mark.parametrize("text, expected", [
    # "not support" an issue is opposition to it ...
    ("Indonesia does not support the sanctions.", ("Indonesia", "sanctions", "oppose", "oppose")),
    ("Mexico has never supported military aid.", ("Mexico", "military aid", "oppose", "oppose")),
    # ... but not supporting, or not siding with, the parties is neutrality, not opposition.
    ("Brazil will not side with either party.",
     ("Brazil", "parties to the conflict", "neutral", "neutral_declaration")),
    ("Peru refrained from expressing support for either side.",
     ("Peru", "parties to the conflict", "neutral", "neutral_declaration")),
    ("Thailand has never condemned Russia.", ("Thailand", "Russia", "neutral", "neutral_declaration")),
    ("Egypt will not accept the annexation.", ("Egypt", "annexation and secession", "oppose", "reject")),
    ("“We did not provide weapons to anyone,” Laos said.", ("Laos", "weapons supplies", "oppose", "deny")),
    # an idiom made with a negator denies nothing
    ("It is no wonder Okafor is supporting Lindqvist.", ("Okafor", "Lindqvist", "support", "support")),
    ("There is no doubt that Peru supports Chile.", ("Peru", "Chile", "support", "support")),
])
def test_negation_scope(text, expected):
    assert expected in findings(text)


@pytest.mark.parametrize("text", [
    "Laos did not urge anyone to act.",          # a negated appeal says nothing
    "If we show support to any side, we lose.",  # a conditional states no position
    "The US delivered weapons to Ukraine.",       # giving is an action (PLOVER AID), not a position
    "Support from partners has grown.",           # support *from* X: holder follows, no target
    "Her support has plunged since May.",         # a quantity, not a position
    "Lawmakers condemned the deadly attack on the ship.",  # "attack" is a noun here: nobody's act
    "Police in Peru charged into the crowd.",     # "charged" without "with" is no accusation
    "Chile charged the battery with solar power.",  # ... nor a thing charged with something
    "Kenya charged its ministry with drafting a peace plan for Sudan.",  # tasked, not accused
    "Ukraine will sue for peace with Russia.",  # an idiom
    "The invading army and the supporting units of Peru left.",  # -ing adjectives, no act
    "The 2019 accords provided for a special status of Gagauzia.",  # "provided for": stipulated
    "The forum provides a good opportunity for Fiji.",  # an opportunity is no aid
])
def test_no_position(text):
    assert [f for f in findings(text) if f[2] != "none"] == []


def test_negation_does_not_cross_a_comma():
    assert ("Chile", "negotiations and dialogue", "support", "support") in \
        findings("Chile, not Peru, supports the peace talks.")


@pytest.mark.parametrize("text, holder, attribution, resolved", [
    ("“We reject the use of force,” Thai Foreign Minister Don Pramudwinai said.", "Thailand", "direct_quote", True),
    ("“I support a ceasefire,” President Joe Biden said.", "Joe Biden", "direct_quote", True),
    ("President Joe Biden said Japan supports the talks.", "Japan", "reported", False),
    ("Kenya supports a ceasefire.", "Kenya", "author", False),
])
def test_attribution_and_holders(text, holder, attribution, resolved):
    assert (holder, attribution, resolved) in findings(text, ["holder", "attribution", "resolved_holder"])


def test_unresolvable_holder_gives_no_finding():
    # No prime minister named earlier: "the premier" and "he" cannot be resolved, and
    # the tool does not guess.
    assert findings("The premier said he supports a ceasefire.") == []


def test_we_is_the_speakers_state_and_i_the_speaker():
    text = ("Thai Foreign Minister Don Pramudwinai spoke on Monday. “We reject the sanctions. "
            "I support dialogue,” he said.")
    rows = findings(text, ["holder", "target", "attribution", "speaker"])
    assert ("Thailand", "sanctions", "direct_quote", "Don Pramudwinai") in rows
    assert ("Don Pramudwinai", "negotiations and dialogue", "direct_quote", "Don Pramudwinai") in rows


def test_pronoun_holder_is_resolved_and_flagged():
    rows = findings("Foreign Minister Penny Wong met her counterpart. She welcomed the ceasefire.",
                    ["holder", "target", "resolved_holder"])
    assert ("Penny Wong", "ceasefire", True) in rows


def test_hedges_boosters_modality():
    row = findings("Analysts said Vietnam may strongly oppose the sanctions.",
                   ["holder", "hedged", "boosted", "modality"])
    assert ("Vietnam", True, True, "may") in row


def test_evidence_and_offsets(seed_documents, seed_layer, seed_mentions, codebooks):
    st = stance_table(seed_documents, seed_layer["sentences"], codebooks, analysed=seed_mentions)
    texts = dict(zip(seed_documents["doc_id"], seed_documents["text"]))
    for r in st.itertuples():
        assert texts[r.doc_id][r.char_start:r.char_end] == r.evidence
        assert r.char_start <= r.cue_start < r.cue_end <= r.char_end
        assert texts[r.doc_id][r.cue_start:r.cue_end].lower() == r.cue.split("; ")[0].lower()
    assert set(st["stance"]) <= {"support", "oppose", "neutral", "none"}
    assert set(st["plover"]) - {""} <= set(codebooks.stance.plover_quads)
    assert (st["quad"] == st["plover"].map(codebooks.stance.plover_quads).fillna("")).all()
    assert set(st["attribution"]) <= {"direct_quote", "reported", "author"}


# The seed gold figures at the end of the session of 2026-12-04 (F1 0.865 overall), rounded down. They
# may rise; a change that lowers them must be looked at, not waved through.
REPORTED = {"all": 0.86, "neutral": 0.90, "oppose": 0.89, "support": 0.83}


def test_gold_metrics_do_not_fall(seed_documents, seed_layer, seed_mentions, codebooks):
    scores = stance_scores(stance_table(seed_documents, seed_layer["sentences"], codebooks,
                                        analysed=seed_mentions)).set_index("subset")
    for subset, floor in REPORTED.items():
        assert scores.loc[subset, "f1"] >= floor, (subset, scores.loc[subset].to_dict())


def test_tone_is_vader_and_separate_from_stance(seed_layer):
    tone = sentence_tone(seed_layer["sentences"])
    assert tone.between(-1, 1).all() and tone.nunique() > 10


def test_vader_benchmark_reproduces_the_published_correlation():
    from analysis.evaluation.tone import vader_nyt_scores

    from conftest import shared_path

    s = vader_nyt_scores(shared_path("benchmarks", "vader", "nytEditorialSnippets_GroundTruth.txt"))
    assert s["sentences"] == 5190
    assert abs(s["pearson_r"] - 0.492) < 0.03  # Hutto & Gilbert (2014), Table 4
    assert s["weighted"]["f1"] > 0.5


# ---------------------------------------------------------------- beyond the codebook (issue 16)

ACT = ["holder", "target", "stance", "act", "plover", "quad"]


@pytest.mark.parametrize("text, expected", [
    # news stance verbs, with their PLOVER category and quad class
    ("Senator Ruth Kagwe blamed Ecuador for the delay.",
     ("Ruth Kagwe", "Ecuador", "oppose", "accuse", "DISAPPROVE", "verbal_conflict")),
    ("The UAE slammed Israel.",
     ("United Arab Emirates", "Israel", "oppose", "condemn", "DISAPPROVE", "verbal_conflict")),
    ("Okafor accused Nigeria of stalling.", ("Okafor", "Nigeria", "oppose", "accuse", "DISAPPROVE", "verbal_conflict")),
    ("Chile commended Peru.", ("Chile", "Peru", "support", "appreciate", "SUPPORT", "verbal_cooperation")),
    ("Greece defended Cyprus.", ("Greece", "Cyprus", "support", "appreciate", "SUPPORT", "verbal_cooperation")),
    ("Serbia is sceptical of NATO.", ("Serbia", "NATO", "oppose", "condemn", "DISAPPROVE", "verbal_conflict")),
    ("Bhutan recognised Kosovo.", ("Bhutan", "Kosovo", "support", "recognise", "SUPPORT", "verbal_cooperation")),
    ("Georgia refused to recognise Abkhazia.",
     ("Georgia", "Abkhazia", "oppose", "reject", "REJECT", "verbal_conflict")),
    ("Latvia expelled Russian diplomats.", ("Latvia", "Russia", "oppose", "sanction", "SANCTION", "verbal_conflict")),
    ("Iran threatened Israel.", ("Iran", "Israel", "oppose", "threaten", "THREATEN", "verbal_conflict")),
    ("Qatar hosted Pakistan.", ("Qatar", "Pakistan", "none", "consult", "CONSULT", "verbal_cooperation")),
    ("Rwanda demanded that Uganda withdraw.", ("Rwanda", "Uganda", "none", "demand", "DEMAND", "verbal_conflict")),
    # a promise or a threat: the act announced for the future
    ("Chile will visit Peru.", ("Chile", "Peru", "none", "consult", "AGREE", "verbal_cooperation")),
    ("Egypt would sever ties with Qatar.", ("Egypt", "Qatar", "oppose", "sanction", "THREATEN", "verbal_conflict")),
    # an attack: in words between persons, in arms between states
    ("Senator Tom Harkin attacked Paul Ryan.",
     ("Tom Harkin", "Paul Ryan", "oppose", "condemn", "DISAPPROVE", "verbal_conflict")),
    ("Russia attacked Ukraine.", ("Russia", "Ukraine", "none", "fight", "FIGHT", "material_conflict")),
    # official protest, legal action, rebuffs, praise in other words
    ("Chile summoned the Peruvian ambassador.",
     ("Chile", "Peru", "oppose", "condemn", "DISAPPROVE", "verbal_conflict")),
    ("Ghana lodged a formal protest with Togo.",
     ("Ghana", "Togo", "oppose", "condemn", "DISAPPROVE", "verbal_conflict")),
    ("Uruguay indicted Ana Kowalczyk.",
     ("Uruguay", "Ana Kowalczyk", "oppose", "accuse", "DISAPPROVE", "verbal_conflict")),
    ("Norway sued Denmark.", ("Norway", "Denmark", "oppose", "accuse", "DISAPPROVE", "verbal_conflict")),
    # material acts: inquiries, boycotts
    ("The ICC opened an investigation into Belarus.",
     ("International Criminal Court", "Belarus", "none", "investigate", "INVESTIGATE", "material_cooperation")),
    ("Serbia boycotted Kosovo.", ("Serbia", "Kosovo", "oppose", "protest", "PROTEST", "material_conflict")),
    ("Norway rebuffed Denmark.", ("Norway", "Denmark", "oppose", "reject", "REJECT", "verbal_conflict")),
    ("Senator Lia Moreno complimented Brazil.",
     ("Lia Moreno", "Brazil", "support", "appreciate", "SUPPORT", "verbal_cooperation")),
    ("Senator Ivo Brandt is a vocal critic of Austria.",
     ("Ivo Brandt", "Austria", "oppose", "condemn", "DISAPPROVE", "verbal_conflict")),
    # more news verbs: blocking, alliances, rebukes, salutes, allegations
    ("Hungary vetoed the Swedish bid.", ("Hungary", "Sweden", "oppose", "reject", "REJECT", "verbal_conflict")),
    ("Peru snubbed Bolivia.", ("Peru", "Bolivia", "oppose", "reject", "REJECT", "verbal_conflict")),
    ("Kenya teamed up with Ethiopia.", ("Kenya", "Ethiopia", "support", "support", "SUPPORT", "verbal_cooperation")),
    ("Senator Ola Nwosu chided Ghana.", ("Ola Nwosu", "Ghana", "oppose", "condemn", "DISAPPROVE", "verbal_conflict")),
    ("Mexico saluted Cuba.", ("Mexico", "Cuba", "support", "appreciate", "SUPPORT", "verbal_cooperation")),
    ("Ramon Vidal alleged that Paraguay had lied.",
     ("Ramon Vidal", "Paraguay", "oppose", "accuse", "DISAPPROVE", "verbal_conflict")),
])
def test_plover_families(text, expected):
    assert expected in findings(text, ACT)


@pytest.mark.parametrize("text, expected", [
    # demonym + role, country short forms, collective references
    ("The Saudi government criticised Iran.", ("Saudi Arabia", "Iran", "oppose")),
    ("Indonesian officials praised the ceasefire.", ("Indonesia", "ceasefire", "support")),
    ("The Cambodian premier thanked Japan.", ("Cambodia", "Japan", "support")),
    ("The U.S. official praised Haiti.", ("United States", "Haiti", "support")),
    ("The DPRK condemned the ROK.", ("North Korea", "South Korea", "oppose")),
    ("ASEAN met in Jakarta. The bloc criticised Myanmar.", ("ASEAN", "Myanmar", "oppose")),
    # a leader's side: "the Okonkwo administration" is Okonkwo's; parties by their members
    ("Kenya blamed the Okonkwo administration for the delay.", ("Kenya", "Okonkwo", "oppose")),
    ("House Republicans criticised Mexico.", ("Republican Party", "Mexico", "oppose")),
    # "the Secretary-General" of a UN speech, and whose initiative is commended
    ("Secretary-General António Guterres spoke. Chile commended the Secretary-General’s initiative to help States.",
     ("Chile", "António Guterres", "support")),
    # a passive: the subject is the target, the "by" agent the holder
    ("Jordan was praised by the United States.", ("United States", "Jordan", "support")),
    ("Ms Ilse Varga has been widely criticised by Hungary.", ("Hungary", "Ilse Varga", "oppose")),
    # coordinated holders each hold the position; mutual acts go both ways
    ("Mali, Niger and Chad condemned France.", ("Niger", "France", "oppose")),
    ("Canada and Mexico agreed to hold talks.", ("Mexico", "Canada", "support")),
    # "X's Charter" is the issue, not the organisation
    ("Malaysia respects the United Nations' Charter.", ("Malaysia", "UN Charter and international law", "support")),
    # an appeal for something not to happen opposes it
    ("Pope Francis appealed to Moscow not to use cluster bombs.", ("Francis", "cluster munitions", "oppose")),  # titled
    ("Peru urged the EU not to send weapons to Ukraine.", ("Peru", "weapons supplies", "oppose")),
])
def test_actors_and_structure_beyond_the_codebook(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text, unwanted", [
    ("Jordan was praised by the United States.", ("Jordan", "United States")),  # not the other way round
    ("Greece was accused of hiding debts.", ("Greece", "")),                    # no agent: no holder
    ("This does not mean China does not support peace.", ("China", "peace and ending the war")),  # unmarked
    ("Kenya did not fail to condemn Russia.", ("Kenya", "Russia")),
])
def test_no_wrong_holder_or_flip(text, unwanted):
    assert not [f for f in findings(text, ["holder", "target"]) if f[0] == unwanted[0]
                and (not unwanted[1] or f[1] == unwanted[1])]


def voiced(text: str, voice: str, columns=("holder", "target", "stance", "act", "addressee")) -> list[tuple]:
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text], "voice": [voice]})
    layer = analysis.text_layer(docs)
    st = stance_table(docs, layer["sentences"], BOOKS, analysed=analyse_documents(docs, layer["sentences"], BOOKS))
    return [tuple(r) for r in st[list(columns)].itertuples(index=False)]


@pytest.mark.parametrize("text, voice, expected", [
    # a speech: the author's "we", "my Government" and plain statements are the speaking state's
    ("We condemn the invasion of Ukraine.", "MEX", ("Mexico", "invasion", "oppose", "condemn", "")),
    ("My Government supports the ceasefire.", "Kenya", ("Kenya", "ceasefire", "support", "support", "")),
    # an obligation put on another actor is the speaker's demand of it
    ("Russia must end the invasion.", "FRA", ("France", "invasion", "oppose", "urge", "Russia")),
    # the office congratulated, not the Assembly
    ("We congratulate the President of the General Assembly on his election.", "NPL",
     ("Nepal", "President of the General Assembly", "support", "congratulate", "")),
])
def test_a_text_spoken_by_one_actor(text, voice, expected):
    assert expected in voiced(text, voice)


@pytest.mark.parametrize("text, voice, holders", [
    # an object of "with", and what is coordinated with it, is no subject: the speaker promotes
    ("Peru will work with the European Union and relevant States to promote dialogue.", "PER", ["Peru"]),
    # the owner of a harm is not the subject of what the harm does (and the speaker states
    # nothing here in the cue's own words: no finding rather than Azerbaijan's)
    ("Azerbaijan's brutal invasion runs counter to the principle of refraining from the use of force.", "ARM", []),
])
def test_objects_and_owners_of_harms_hold_nothing(text, voice, holders):
    assert [f[0] for f in voiced(text, voice)] == holders


@pytest.mark.parametrize("voice", ["2023", "-", "  "])
def test_a_voice_without_a_letter_names_no_one(voice):
    # The author's "we" then has no holder (no finding), rather than a person called "2023".
    assert voiced("We condemn the invasion of Ukraine.", voice) == []


@pytest.mark.parametrize("text, unwanted_holder", [
    ("Russia must end the invasion.", "Russia"),   # news without a speaker: nobody demands, no finding
    ("“Peru must end the blockade,” Chile said.", "Peru"),
])
def test_an_obligation_is_not_the_subjects_position(text, unwanted_holder):
    assert all(f[0] != unwanted_holder for f in findings(text))


@pytest.mark.parametrize("text, unwanted", [
    ("With respect to Ukraine, Brazil supports talks.", ("Ukraine", "negotiations and dialogue")),  # an idiom
    ("Social Democrats criticised Austria.", ("Democratic Party", "")),  # not the US party
    ("The Secretary-General of NATO condemned Russia.", ("António Guterres", "")),  # another organisation's
    ("Egypt welcomed the blockade of Qatar.", ("Egypt", "Qatar")),  # a harm welcomed supports no victim
    ("Chile respects the internationally recognized border.", ("Chile", "")),
    ("Brazil welcomed the Paris Agreement.", ("Brazil", "France")),  # a capital inside a name
])
def test_idioms_and_names_are_not_cues_or_actors(text, unwanted):
    assert not [f for f in findings(text, ["holder", "target"]) if f[0] == unwanted[0]
                and (not unwanted[1] or f[1] == unwanted[1])]


@pytest.mark.parametrize("text, expected", [
    # the reform of X, the solution for X and Y: the issue, not the actor inside it
    ("Serbia supports the reform of the Security Council.", ("Serbia", "UN and Security Council reform", "support")),
    ("Nepal supports a two-State solution with Israel and Palestine.",
     ("Nepal", "two-State solution and Palestinian statehood", "support")),
    # a noun that stands for its possessor keeps the possessor the target
    ("Oman commends the efforts of Qatar.", ("Oman", "Qatar", "support")),
    ("Chile condemns the violation of the UN Charter.", ("Chile", "UN Charter and international law", "support")),
    # a harm condemned, reached through its noun: the harmed is supported
    ("Ghana condemned the attacks on Togo.", ("Ghana", "Togo", "support")),
    ("Peru condemns the kidnapping of Ana Kowalczyk.", ("Peru", "Ana Kowalczyk", "support")),
    # the harm reaches what is coordinated with its first target, and a harm may be a verb
    ("Ghana condemned the attacks on Togo and Benin.", ("Ghana", "Benin", "support")),
    ("Chile rejects any attempt to violate the UN Charter.", ("Chile", "UN Charter and international law", "support")),
    # more harms: weaponization, calling into question
    ("Malawi opposed the weaponization of human rights.", ("Malawi", "human rights", "support")),
    ("Peru cannot accept calling into question the standards on gender equality.", ("Peru", "human rights", "support")),
    # opposing a problem an issue works against supports the issue
    ("Samoa urged all States to refrain from the testing of nuclear weapons.",
     ("Samoa", "disarmament and non-proliferation", "support")),
    ("Tuvalu is preventing climate threats.", ("Tuvalu", "climate change action", "support")),
    ("Chile supports the elimination of nuclear weapons.", ("Chile", "disarmament and non-proliferation", "support")),
    # a second verb takes its own object: "end poverty and sustain peace" sustains peace (pass 16)
    ("Ghana's plan is to end poverty and to sustain peace.", ("Ghana", "peace and ending the war", "support")),
    ("Fiji will strengthen the United Nations.", ("Fiji", "United Nations", "support")),
])
def test_targets_inside_noun_phrases(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text, unwanted", [
    ("Guatemala condemns the military manoeuvres around Taiwan.", ("Guatemala", "Taiwan")),  # the manoeuvres
    ("Guyana received a very threatening message from Venezuela.", ("Guyana", "Venezuela")),  # an adjective
    ("Tourists visited the Massacre River in Haiti.", ("", "")),                  # a plural noun; a cue in a name
    ("Bolivia praised Latin America and the Caribbean.", ("Bolivia", "United States")),      # a region
    ("Chile welcomed the Conference of the Parties.", ("Chile", "parties to the conflict")),  # a longer name
    ("Kenya supports the New Agenda for Peace.", ("Kenya", "peace and ending the war")),
    ("Peru supports the United Nations Environment Assembly.", ("Peru", "United Nations")),
    # a setting or a channel is no target (pass 16)
    ("Mali backs the peace talks held in Algiers under AU auspices.", ("Mali", "African Union")),
    ("Fiji sent tents and water to Tonga via the Pacific Islands Forum.", ("Fiji", "Pacific Islands Forum")),
])
def test_no_target_through_a_noun_adjective_name_or_region(text, unwanted):
    found = findings(text, ["holder", "target"])
    assert (not found) if not unwanted[0] else not [f for f in found if f == unwanted]


@pytest.mark.parametrize("text, category", [
    ("Chile will thank Japan.", "AGREE"),     # a promise
    ("Chile would like to thank Japan.", "SUPPORT"),  # courtesy, not a promise
])
def test_courtesy_is_not_a_promise(text, category):
    assert [f[1] for f in findings(text, ["target", "plover"])] == [category]


def test_a_role_of_a_named_country_is_not_the_last_person_with_that_role():
    text = "President Macky Sall spoke. The EU sent its support to the President of the Niger."
    assert ("European Union", "Macky Sall") not in findings(text, ["holder", "target"])


def test_a_harm_condemned_is_nobodys_attack():
    """"condemned attacks on Ukraine" supports Ukraine; the noun "attacks" is no FIGHT of the condemner."""
    found = findings("France condemned attacks on Ukraine.", ["holder", "target", "stance", "plover"])
    assert found == [("France", "Ukraine", "support", "DISAPPROVE")]


def test_a_long_run_of_separators_is_read_in_linear_time():
    # ", , , ..." between two actors once took 2^n steps (56 s for 18 commas).
    assert ("Russia", "Ukraine", "oppose", "condemn") in findings("France" + " ," * 40 + " x Russia condemned Ukraine.")


# Holders and targets of news about persons and parties (from DSE train's misses; sentences written here).
@pytest.mark.parametrize("text, expected", [
    # "them"/"they": the nearest group before, in the same sentence
    ("Liberals questioned the Greens' motives and accused them of wasting funds.", ("Liberals", "Greens", "oppose")),
    ("Three Conservatives have said they support Ms. Okafor.", ("Three Conservatives", "Okafor", "support")),
    # a people as the target ("the Germans"), never an adjective
    ("When Ms. Ortega was in Asia, she attacked the Iranians in a speech.", ("Ortega", "Iran", "oppose")),
    # a demonym before a role stands for the state
    ("Kenyan regulators have criticized Equitel for the outage.", ("Kenya", "Equitel", "oppose")),
    # a cue right after a group is a verb, not a noun after a modifier
    ("The Socialists support Mr. Duarte.", ("Socialists", "Duarte", "support")),
    # a title's abbreviation ends no sentence; a title word is no name
    ("Gov. Hunter praised Ms. Flowers for her work.", ("Hunter", "Flowers", "support")),
    ("Vice President Ana Ortega endorsed Mr. Lindqvist.", ("Ana Ortega", "Lindqvist", "support")),
    # a sentence-opening name before an adverb and a verb, or owning what follows
    ("Sykes already had endorsed Mr. Varga.", ("Sykes", "Varga", "support")),
    ("Okafor's remarks were criticized by Norway.", ("Norway", "Okafor", "oppose")),
    ("Lindqvist, the bank's chairman since 2019, criticized Ms. Okafor.", ("Lindqvist", "Okafor", "oppose")),
    ("Marisol Vega's plan was praised by Mr. Lindqvist.", ("Lindqvist", "Marisol Vega", "support")),
    ("Varga was publicly shamed by Mr. Lindqvist.", ("Lindqvist", "Varga", "oppose")),
    # a refusal negates the cue it governs
    ("Mr. Duarte pointedly refused to endorse Ms. Okafor.", ("Duarte", "Okafor", "oppose")),
    ("Ms. Okafor testified against Mr. Varga.", ("Okafor", "Varga", "oppose")),
    ("Mr. Duarte said privately he is supportive of Ms. Okafor.", ("Duarte", "Okafor", "support")),
    # "not just" adds, a reflexive stands between subject and verb
    ("Mr. Duarte did not just blame Ms. Okafor but sued her.", ("Duarte", "Okafor", "oppose")),
    ("Kowalczyk himself criticized Mr. Varga for the delay.", ("Kowalczyk", "Varga", "oppose")),
    # passives: the agent after a possessive and a role, after "opposed by", a listed agent after
    # an apposition, an issue as the subject, a weekday's possessive no target, a former state
    ("Ortiz, who was accused by his nephew Ramon Vidal of fraud, denied it.", ("Ramon Vidal", "Ortiz", "oppose")),
    ("The Chile model is strongly opposed by British advocates of leaving.", ("United Kingdom", "Chile", "oppose")),
    ("Ms. Varga was thanked by Pavel Novak, a retired judge, and Ida Holm at the ceremony.",
     ("Ida Holm", "Varga", "support")),
    ("The embargo is opposed by Mexico.", ("Mexico", "sanctions", "oppose")),
    ("Talbot had been praised by Okonjo following Saturday's match.", ("Okonjo", "Talbot", "support")),
    ("Varga was denounced by the Soviet authorities in 1963.", ("Soviet Union", "Varga", "oppose")),
])
def test_holders_and_targets_of_persons_and_parties(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text, unwanted", [
    ("Nauru refused to condemn Russia.", ("Nauru", "Russia", "oppose")),       # not condemning: no opposition
    ("Ms. Okafor's favorite bridge is in the Kenyan capital.", ("Okafor", "Kenya", "support")),  # an adjective
    ("It is an ‘Europeanised’ war, he said.", ("Europeanised", "", "")),       # a quoted word is no owner
    ("They said the tariffs were unfair.", ("", "", "")),                      # "they" with no group before
    ("Critics, the paper said, blamed Mr. Ruto.", ("Critics", "", "")),        # a common word, not a name
    ("Officials blamed Mr. Ruto for the delay.", ("Officials", "", "")),
    ("Mr. Ruto was praised by his wife.", ("Ruto", "", "")),                  # the wife, not he himself
    ("Mr. Ruto's critics blamed Kenya.", ("Ruto", "", "")),                   # his critics are not he
    ("Okafor declined to comment on the Nigeria deal.", ("Okafor", "", "")),  # declining to speak rejects nothing
    ("Ruiz refrained from replying to Novak's insults.", ("Ruiz", "Novak", "oppose")),
])
def test_no_finding_from_refusals_adjectives_or_unresolved_groups(text, unwanted):
    found = findings(text, ["holder", "target", "stance"])
    assert (not found) if not unwanted[0] else not [f for f in found if f[0] == unwanted[0] and
                                                    (not unwanted[1] or f[1:] == unwanted[1:])]


# Diplomatic acts whose target is the state behind a proposal, an obligation or a plural of its people.
@pytest.mark.parametrize("text, expected", [
    # what a state puts forward, after its demonym or name, is toward that state
    ("Laos has rejected a Thai proposal for a joint border patrol.", ("Laos", "Thailand", "oppose", "REJECT")),
    ("Fiji rejected a US offer to host a summit.", ("Fiji", "United States", "oppose", "REJECT")),
    # a state's body after a possessive is the state
    ("Chile's parliament has demanded a ceasefire.", ("Chile", "ceasefire", "support", "DEMAND")),
    # "they" after a plural of a state's people
    ("Nepali officials said they would boycott all contact with Bhutan.", ("Nepal", "Bhutan", "oppose", "THREATEN")),
    # an obligation put on an actor in what a speaker says is the speaker's demand of it, whatever the verb
    ("Norway said on Monday that Peru must return the seized vessel.", ("Norway", "Peru", "none", "DEMAND")),
    # support received: the giver after "from" supports the receiver
    ("Moldova has received strong support from Japan.", ("Japan", "Moldova", "support", "SUPPORT")),
    ("Ms. Okafor has won support from Maria Lindqvist for her bid.",
     ("Maria Lindqvist", "Okafor", "support", "SUPPORT")),
])
def test_diplomatic_acts_toward_states(text, expected):
    assert expected in findings(text, ["holder", "target", "stance", "plover"])


@pytest.mark.parametrize("text, unwanted", [
    ("Norway said the Security Council must be reformed.", ("Norway", "UN Security Council")),  # a passive
    ("Norway said it must act now.", ("Norway", "Norway")),                                        # the speaker itself
    # a place after "in" does not speak, and an actor with a verb of its own after "said" is no speaker
    ("The Red Cross operating in Iraq said US and British forces must ensure security.", ("Iraq", "United States")),
    ("The Red Cross operating in Iraq said US and British forces must ensure security.",
     ("United States", "United Kingdom")),
])
def test_no_demand_of_a_passive_the_speaker_or_from_a_wrong_speaker(text, unwanted):
    assert unwanted not in findings(text, ["holder", "target"])


# From hand-check pass 9's errors (sentences written here): appeals to end a thing, idioms that are
# no acts, the one thanked as the doer, adjectives that open the name of a thing.
@pytest.mark.parametrize("text, voice, expected", [
    ("We urge our partners to lift the embargo placed on Cuba.", "TON", ("Tonga", "sanctions", "oppose", "urge", "")),
    ("We thank the Government of Ghana for pledging to lead the mission in Haiti.", "TON",
     ("Ghana", "Haiti", "support", "agree", "")),
    ("We honour those who are openly fighting for human rights.", "TON",
     ("Tonga", "human rights", "support", "support", "")),
    ("Norway said on Monday that Peru must return the seized vessel.", "TON",
     ("Norway", "Peru", "none", "urge", "Peru")),
    # pass 17: a demand to stop what the subject does is against it; dealing with a problem is against it
    ("Ana Ortega must halt the arrests of reporters.", "TON", ("Tonga", "Ana Ortega", "oppose", "urge", "Ana Ortega")),
    ("Peru must withdraw its troops from the border.", "TON", ("Tonga", "Peru", "oppose", "urge", "Peru")),
    ("We call on Peru to stop dumping waste at sea.", "TON", ("Tonga", "Peru", "oppose", "urge", "Peru")),  # pass 20
    ("We call on Peru to return the seized boats.", "TON", ("Tonga", "Peru", "none", "urge", "Peru")),
    # pass 21: responsibility to be borne is accountability; stopping a harm to an issue supports it
    ("Peru must bear full political responsibility for the massacre.", "TON",
     ("Tonga", "Peru", "oppose", "urge", "Peru")),
    ("We urge Fiji to stop challenging disarmament agreements.", "TON",
     ("Tonga", "disarmament and non-proliferation", "support", "urge", "Fiji")),
    # words given to someone named before them (pass 18)
    ("Let me convey to Ms. Ana Ortega our sincere thanks for her service as chair of the Council.", "TON",
     ("Tonga", "Ana Ortega", "support", "thank", "")),
    ("We are committed to the goals of the Paris Agreement.", "TON",
     ("Tonga", "climate change action", "support", "support", "")),               # a commitment, no passive
    ("We are committed to practical solutions to the climate crisis.", "TON",
     ("Tonga", "climate change action", "support", "support", "")),               # solving a problem
    ("We are committed to tackling organised terrorism at its roots.", "TON",
     ("Tonga", "terrorism", "oppose", "support", "")),
])
def test_appeals_and_doers_in_speeches(text, voice, expected):
    assert expected in voiced(text, voice)


@pytest.mark.parametrize("text, voice", [
    ("I am honoured to deliver a statement before the General Assembly.", "TON"),           # no aid
    ("Partners are welcome, provided that the partnership serves our people.", "TON"),       # a condition
    ("The Western Powers promised that the measures would return.", "TON"),                 # "Powers" no name
    ("Those uprisings were dubbed the Arab Spring by the press.", "TON"),                   # "Spring" no name
    ("It is our belief that Taiwan should be able to make its contribution.", "TON"),       # no demand of Taiwan
    ("Many issues impacting Member States should be solved soon.", "TON"),                  # their object
    ("Let me first deliver warm greetings from our Parliament.", "TON"),                    # greetings, no aid
    ("Reforms must deliver real dividends to farmers.", "TON"),
    ("Diplomacy should never be the preserve of the powerful.", "TON"),                     # a noun, no cue
])
def test_no_finding_from_idioms_conditions_or_things_named(text, voice):
    assert voiced(text, voice) == []


# From a review of the rules above (sentences written by the reviewer): each once went wrong.
@pytest.mark.parametrize("text, expected", [
    ("Poland said it cannot simply accept the annexation of Crimea.",
     ("Poland", "annexation and secession", "oppose")),                   # "simply" does not undo the negation
    ("Russia was criticized by Ukraine for supporting Hamas.", ("Russia", "Hamas", "support")),  # not the agent's
    ("“We condemn Russia,” said Ukrainian President Volodymyr Zelenskiy in a video address that was posted online.",
     ("Ukraine", "Russia", "oppose")),                                    # a verb far after the speaker
    ("Norway warned Peru must return the vessel.", ("Norway", "Peru", "none")),
    ("Russia defended its nuclear weapons.", ("Russia", "disarmament and non-proliferation", "oppose")),
    ("Chile supports the elimination of nuclear weapons.", ("Chile", "disarmament and non-proliferation", "support")),
])
def test_reviewed_readings(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text", [
    "Norway said Ukraine should not have to cede territory.",              # a negated obligation
    "The Democratic attack on Trump was fierce.",                          # an adjective, then a noun
    "Domestically, a court has rejected Russia's appeal.",                 # an adverb is no name
    "RSF fighters are fighting for control of Khartoum.",                  # an idiom
])
def test_reviewed_non_findings(text):
    assert findings(text, ["holder", "target", "stance"]) == []


def test_support_from_nobody_received_is_no_finding():
    assert findings("Support from international partners was low, Kenya said.", ["holder", "target"]) == []


# From DSE train's and PLOVER dev's misses (sentences written here): holders behind an aside, a
# capitalised head, coordinated holders and agents, dotted abbreviations, the author of a proposal.
@pytest.mark.parametrize("text, expected", [
    ("The Brazilians, of course, blame the Argentines for the delay.", ("Brazil", "Argentina", "oppose", "DISAPPROVE")),
    ("The Chilean Government has praised Peru for its role in the talks.", ("Chile", "Peru", "support", "SUPPORT")),
    ("Sen. Ruth Kagwe and Gen. Peter Lindqvist praised Kenya.", ("Ruth Kagwe", "Kenya", "support", "SUPPORT")),
    ("Sen. Ruth Kagwe and Gen. Peter Lindqvist praised Kenya.", ("Peter Lindqvist", "Kenya", "support", "SUPPORT")),
    ("Mr. Okafor was criticized by Ruth Kagwe and Peter Lindqvist.",
     ("Peter Lindqvist", "Okafor", "oppose", "DISAPPROVE")),
    ("Kenya and Ghana were criticized by Nigeria.", ("Nigeria", "Ghana", "oppose", "DISAPPROVE")),
    ("U.S. officials praised Haiti.", ("United States", "Haiti", "support", "SUPPORT")),
    ("Germany rejected recent calls by Belarus for economic aid.", ("Germany", "Belarus", "oppose", "REJECT")),
    ("The Red Cross operating in Iraq said Sudan must ensure security.", ("Red Cross", "Sudan", "none", "DEMAND")),
    ("Gov. Ruth Kagwe of Nakuru, who ran for the seat, accused Kenya of delays.",
     ("Ruth Kagwe", "Kenya", "oppose", "DISAPPROVE")),                      # not the place after "of"
    ("Kenya lashed out at U.S. Commerce Secretary Maria Lopez on Tuesday.",
     ("Kenya", "Maria Lopez", "oppose", "DISAPPROVE")),                     # the person a country's title qualifies
    ("Okafor dislikes Lindqvist.", ("Okafor", "Lindqvist", "oppose", "DISAPPROVE")),
    # predicate nouns, a name before a verb in -s
    ("Peru is a key supporter of Ecuador's government.", ("Peru", "Ecuador", "support", "SUPPORT")),
    ("Okafor is a longtime opponent of Lindqvist.", ("Okafor", "Lindqvist", "oppose", "DISAPPROVE")),
    ("Pastor Ana Ortega of the Open Family supports Lindqvist.", ("Ana Ortega", "Lindqvist", "support", "SUPPORT")),
    # criticism and endorsement received: the giver after "from" holds it
    ("Okafor came under fire from Ruth Lindqvist for his remarks.",
     ("Ruth Lindqvist", "Okafor", "oppose", "DISAPPROVE")),
    ("Ghana has also come under criticism from Ruth Kagwe.", ("Ruth Kagwe", "Ghana", "oppose", "DISAPPROVE")),
    ("Sen. Ana Ortega picked up her first endorsement Thursday from Sen. Peter Lindqvist.",
     ("Peter Lindqvist", "Ana Ortega", "support", "SUPPORT")),
    ("Mr. Okafor’s speech drew criticism from Republicans.", ("Republicans", "Okafor", "oppose", "DISAPPROVE")),
    # a group of a country's people is an actor of its own, not the state
    ("A Peruvian businessman is suing Chile for damages.", ("Peruvian businessman", "Chile", "oppose", "DISAPPROVE")),
    ("Nepal has threatened to ban Ugandan opposition candidates from the vote.",
     ("Nepal", "Ugandan opposition candidates", "oppose", "THREATEN")),
    # demands: of the one asked to act, after "by"; after "its demand"; of a state named with others
    ("Chile's parliament has demanded an immediate admission by Peru that it erred.",
     ("Chile", "Peru", "none", "DEMAND")),
    ("The Andean Labour Office reiterated its demand today that Peru ease restrictions.",
     ("Andean Labour Office", "Peru", "none", "DEMAND")),
    ("The Andean Water Forum concluded that Peru and other upstream states must allocate more water.",
     ("Andean Water Forum", "Peru", "none", "DEMAND")),
    # refusals and reversals, grants promised, bans lifted
    ("President Ana Ortega has reneged on her pledge to support Peru.", ("Ana Ortega", "Peru", "oppose", "REJECT")),
    ("Chile was still refusing admittance to Peruvians.", ("Chile", "Peru", "oppose", "REJECT")),
    ("Norway will give Ghana a grant of 5 million kroner.", ("Norway", "Ghana", "none", "AGREE")),
    ("Minister Ana Ortega declined to resign despite pressure by the Chilean Audit Office.",
     ("Ana Ortega", "Chile", "oppose", "REJECT")),                         # a state's office is the state
    ("Peru said it is prepared to lift its ban on the Andean Workers Front.",
     ("Peru", "Andean Workers Front", "none", "AGREE")),
    ("Sri Lanka rebels on Friday rejected Chile.", ("Sri Lanka rebels", "Chile", "oppose", "REJECT")),
    # the person a role links to an organisation is the agent
    ("Okafor was praised by Acme owner Ruth Lindqvist.", ("Ruth Lindqvist", "Okafor", "support", "SUPPORT")),
    # the author of a proposal named before it; the doer of an act named after "by"; a state's allies
    ("Quito on Friday again rejected a Chilean peace plan.", ("Ecuador", "Chile", "oppose", "REJECT")),
    ("Quito dismissed the latest Peruvian ceasefire proposals.", ("Ecuador", "Peru", "oppose", "REJECT")),
    ("Bolivia rejected a US offer to host the talks.", ("Bolivia", "United States", "oppose", "REJECT")),
    ("Ghana condemned the missile test by Nigeria on Sunday.", ("Ghana", "Nigeria", "oppose", "DISAPPROVE")),
    ("Peru condemned the coup by the Bolivian military.", ("Peru", "Bolivia", "oppose", "DISAPPROVE")),
    ("Norway stands with its Ghanaian allies.", ("Norway", "Ghana", "support", "SUPPORT")),
    ("Peru condemned the air strikes on Ecuador.", ("Peru", "Ecuador", "support", "DISAPPROVE")),  # harmed
    ("Peru condemned the incursions into Ecuador.", ("Peru", "Ecuador", "support", "DISAPPROVE")),
])
def test_holders_and_targets_from_public_data_misses(text, expected):
    assert expected in findings(text, ["holder", "target", "stance", "plover"])


@pytest.mark.parametrize("text, unwanted", [
    ("Ghana condemned the missile launch over Nigeria.", "Nigeria"),   # where, not who ("by" only)
    ("Peru condemned the coup in Bolivia last week.", "Bolivia"),
])
def test_an_act_is_its_doers_only_after_by(text, unwanted):
    assert unwanted not in [t for _, t in findings(text, ["holder", "target"])]


# A definite noun refers back to an act a sentence before reports, and a view of it is a view of its doer.
@pytest.mark.parametrize("text, expected", [
    ("Nigeria on Sunday test-fired a cruise missile. Ghana condemned the test.",
     ("Ghana", "Nigeria", "oppose", "DISAPPROVE")),
    ("The Bolivian army seized power in La Paz. Reporters were told to stay home. Peru condemned the coup.",
     ("Peru", "Bolivia", "oppose", "DISAPPROVE")),
    ("Chile has again fired rockets at Peru. Ecuador strongly condemned Sunday's attack.",
     ("Ecuador", "Chile", "oppose", "DISAPPROVE")),
    ("Ghana launched its third satellite. Kenya welcomed the launch.", ("Kenya", "Ghana", "support", "SUPPORT")),
    ("Nigeria's naval drills ended on Friday. Ghana criticised the drills.",
     ("Ghana", "Nigeria", "oppose", "DISAPPROVE")),
    # the owner named by "its": the actor named last before it
    ("Donors cut aid to Eritrea over its border raids. Kenya condemned the raids.",
     ("Kenya", "Eritrea", "oppose", "DISAPPROVE")),
])
def test_a_definite_noun_refers_to_the_doer_of_an_act(text, expected):
    assert expected in findings(text, ["holder", "target", "stance", "plover"])


@pytest.mark.parametrize("text, unwanted", [
    ("Ghana condemned the launch.", "Ghana"),                                 # nobody launched anything
    ("Nigeria launched a missile. Ghana condemned a launch by Togo.", "Nigeria"),   # a target of its own
    ("Nigeria launched a missile. " + "It rained in the capital. " * 6 + "Ghana condemned the launch.",
     "Nigeria"),                                                                     # too far back
    ("Nigeria launched a missile. Ghana condemned an attack on its border.", "Nigeria"),  # not definite, other act
    ("Chile held talks with Peru. Bolivia supports the exercise of the right to self-determination.", "Chile"),
    # a subject found for the act is surer than an "its" after it
    ("Chile fired missiles near Peru, its third test. Bolivia condemned the test.", "Peru"),
])
def test_an_act_reference_needs_a_doer_close_before(text, unwanted):
    assert unwanted not in [t for _, t in findings(text, ["holder", "target"])]


# "it" after a reported organisation no codebook lists is that organisation; a body named after a
# codebook organisation speaks for it.
@pytest.mark.parametrize("text, expected", [
    ("The Andean Trade Commission said it backed Peru.", ("Andean Trade Commission", "", "Peru", "support")),
    ("On Friday the African Union Commission said that it had rejected the plan by Mali.",
     ("African Union Commission", "African Union", "Mali", "oppose")),
])
def test_it_and_bodies_of_an_organisation(text, expected):
    assert expected in findings(text, ["holder", "holder_affiliation", "target", "stance"])


@pytest.mark.parametrize("text, expected, unwanted", [
    # a refusal to act against someone is against the act, no support of them
    ("Kenya has declined to join the sanctions against Eritrea.", ("Kenya", "sanctions", "oppose"),
     ("Kenya", "Eritrea", "support")),
    # a possessive's noun ends at a conjunction: the owner is supported, not the issue after
    ("Chile backed the African Union's leadership and its efforts to restore constitutional order.",
     ("Chile", "African Union", "support"), ("Chile", "democracy and elections", "support")),
])
def test_refusals_and_possessed_nouns(text, expected, unwanted):
    got = findings(text, ["holder", "target", "stance"])
    assert expected in got and unwanted not in got


@pytest.mark.parametrize("text, target", [
    ("The bloc said Kenya had no position on cluster munitions.", "cluster munitions"),   # an issue after "on"
    ("Peru remains neutral in the war in Chad.", "parties to the conflict"),             # where, not who
    ("Peru is neutral in the conflict between Chile and Bolivia.", "Chile"),
    ("India remained neutral in Russia's war against Ukraine.", "Russia"),              # a party, not a place
])
def test_what_a_declared_neutrality_is_about(text, target):
    assert target in [t for st, t in findings(text, ["stance", "target"]) if st == "neutral"]


def test_a_coordinated_target_may_say_its_preposition_again():
    got = findings("Chile remains committed to dialogue and to the principles of the UN Charter.", ["target"])
    assert got == [("negotiations and dialogue",), ("UN Charter and international law",)]


@pytest.mark.parametrize("text, expected", [
    # a judging adjective before an issue, in a speaker's words
    ("Peru said the vote would only legitimise the illegal annexation.",
     [("Peru", "annexation and secession", "oppose")]),
    ("The coast guard stopped illegal fishing, Peru said.", []),                   # no issue judged
    ("The vote would only legitimise the illegal annexation.", []),               # nobody named says so
    # an organisation's envoy speaks for it; a former envoy for nobody
    ("The EU's top diplomat said the bloc opposed the sanctions.", [("European Union", "sanctions", "oppose")]),
    ("The former Chilean envoy criticised Peru.", []),
])
def test_attributive_judgements_and_who_an_envoy_speaks_for(text, expected):
    assert findings(text, ["holder", "target", "stance"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chile drew sharp criticism from Peru.", [("Peru", "Chile", "oppose")]),
    ("Chile has received support from Brazil for its bid.", [("Brazil", "Chile", "support")]),
    ("Chile has faced criticism.", []),                                        # nobody named gives it
    # the giver ends its sentence: no title's abbreviation ("Sen.") swallows "Japan."
    ("Ukraine has received strong support from Japan. Peru spoke.", [("Japan", "Ukraine", "support")]),
])
def test_a_stance_received_from_someone_is_theirs(text, expected):
    assert findings(text, ["holder", "target", "stance"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chile supports the normalization of relations between Peru and Bolivia.", []),   # parties, not targets
    ("Chile is neutral in the conflict between Peru and Bolivia.",
     [("Chile", "Peru", "neutral"), ("Chile", "Bolivia", "neutral")]),                  # a neutrality is about them
])
def test_the_parties_between_whom_something_is_are_no_targets(text, expected):
    assert findings(text, ["holder", "target", "stance"]) == expected


def test_a_cue_in_an_opening_phrase_has_its_target_inside_it():
    text = "Without the United States support, neither Peru nor Bolivia would have resisted the pressure."
    assert findings(text, ["holder", "target"]) == []   # (pass 25, POL 96)


def test_a_time_between_subject_and_verb_keeps_the_subject():
    text = ("President Obama on Saturday praised the efforts of Chile but said he intends to fulfil his "
            "“constitutional responsibility” to appoint a replacement.")
    assert ("Obama", "Chile", "support") in findings(text, ["holder", "target", "stance"])


def test_a_cue_inside_a_name_is_no_cue():
    assert findings("Amnesty International said Iran had released the prisoners.", ["holder", "plover"]) == []


@pytest.mark.parametrize("text", [
    "Okafor came under fire for his remarks.",          # criticism from nobody named
    "The Ghanaian president has come under sustained criticism at home over Peru.",  # the receiver holds nothing
    "Moldova has not received support from Japan.",     # none received
    "Peru was classified as a “military supporter of Chile” in a chart.",  # a label quoted
])
def test_nothing_received_is_no_finding(text):
    assert findings(text, ["holder", "target"]) == []


def test_an_unresolved_pronoun_holds_nothing():
    assert findings("Mr. Okafor criticized the plan, but she will not be backing Kenya.", ["holder", "target"]) == []


# From the errors of hand-check passes 8 and 9 still open (sentences written here).
@pytest.mark.parametrize("text, voice, expected", [
    ("I commend the steps taken by the International Criminal Court to investigate the crimes in Sudan.", "TON",
     ("International Criminal Court", "Sudan", "none", "investigate", "")),      # the agent does it
    ("Tonga was heartened by the General Assembly’s adoption of the resolution.", "TON",
     ("Tonga", "UN General Assembly", "support", "appreciate", "")),
    ("We urge major economies to deliver on their commitments under the Paris Agreement on Climate Change.", "TON",
     ("Tonga", "climate change action", "support", "urge", "")),                 # an act asked for is supported
])
def test_doers_and_acts_asked_for_in_speeches(text, voice, expected):
    assert expected in voiced(text, voice)


@pytest.mark.parametrize("text", [
    "Because of our progress we are often denied access to cooperation.",  # the speaker undergoes it
    "Tonga was encouraged by Fiji to join the talks.",                    # a passive appeal, by Fiji
])
def test_no_finding_from_passives_or_passive_appeals(text):
    assert voiced(text, "TON") == []


def test_a_form_of_address_holds_nothing():
    assert [f for f in voiced("Mr. President, and thank Fiji for its patience.", "TON") if f[0] == "President"] == []


# From hand-check pass 10's errors (sentences written here): a call for an actor, harms against
# the actors named, what works against an issue, the owner of a harm.
@pytest.mark.parametrize("text, voice, expected", [
    ("We reiterate our call for an independent State of Palestine.", "TON",
     ("Tonga", "Palestine", "support", "urge", "")),
    ("We call for Russia to withdraw.", "TON", ("Tonga", "Russia", "none", "urge", "Russia")),   # asked to act
    ("We condemn the cruel blockade against Cuba and Nicaragua.", "TON",
     ("Tonga", "Nicaragua", "support", "condemn", "")),
    ("Tonga ratified the Inter-American Convention against Terrorism.", "TON",
     ("Tonga", "terrorism", "oppose", "agree", "")),
    ("We support the fight against terrorism.", "TON", ("Tonga", "terrorism", "oppose", "support", "")),
    ("We have strengthened our capacity to deal with cross-border terrorism.", "TON",
     ("Tonga", "terrorism", "oppose", "support", "")),
    ("We support mechanisms documenting Russia’s violations.", "TON", ("Tonga", "Russia", "oppose", "support", "")),
])
def test_calls_harms_and_what_works_against_an_issue(text, voice, expected):
    assert expected in voiced(text, voice)


# The subject of a relative clause, and the purpose that shares a holder (pass 10, PRY 2).
@pytest.mark.parametrize("text, voice, expected", [
    ("We value the work of the African Union, which since 2002 has promoted peace.", "TON",
     ("African Union", "peace and ending the war", "support", "support", "")),
    ("We praise the African Union, which has provided a framework of dialogue among nations to promote human rights.",
     "TON", ("African Union", "human rights", "support", "support", "")),
])
def test_relative_clauses_and_purposes(text, voice, expected):
    assert expected in voiced(text, voice)


@pytest.mark.parametrize("text, voice, unwanted", [
    ("We support measures against human rights violations.", "TON", ("Tonga", "human rights", "oppose")),
    ("They forgot that the reasons advanced to defend Ortega should be used to defend Palestine.", "TON",
     ("Ortega", "Palestine", "support")),                      # the object of an infinitive is no subject
])
def test_no_flip_before_a_harm_and_no_object_as_subject(text, voice, unwanted):
    assert unwanted not in [f[:3] for f in voiced(text, voice)]


# From hand-check pass 11's errors (sentences written here).
@pytest.mark.parametrize("text, voice, expected", [
    ("The African Union should remain the backbone of peace efforts on the continent.", "TON",
     ("Tonga", "African Union", "support", "support", "")),               # a role given, not a demand
    ("We call on all states to tackle the scourge of violent extremism.", "TON",
     ("Tonga", "terrorism", "oppose", "urge", "")),                       # an issue named as a harm
    ("We call for the unconditional lifting of the arms embargo on our country.", "TON",
     ("Tonga", "sanctions", "oppose", "urge", "")),
])
def test_roles_harms_and_embargoes_in_speeches(text, voice, expected):
    assert expected in voiced(text, voice)


@pytest.mark.parametrize("text, voice", [
    ("Can Fiji sincerely call itself the defender of human rights?", "TON"),             # a rhetorical question
    ("We are the only country to take a stance against developments that threaten Fiji’s unity.", "TON"),
])
def test_no_finding_from_questions_or_other_subjects(text, voice):
    assert [f for f in voiced(text, voice) if f[0] == "Tonga" or f[0] == "Fiji"] == []


# From hand-check pass 12's errors (sentences written here).
@pytest.mark.parametrize("text, voice, expected", [
    ("We applaud the Secretary-General’s leadership on climate change.", "TON",
     ("Tonga", "climate change action", "support", "appreciate", "")),     # a problem as the topic
    ("Yesterday we acceded to the Treaty on the Prohibition of Nuclear Weapons.", "TON",
     ("Tonga", "disarmament and non-proliferation", "support", "agree", "")),
    ("The Ukrainian people should have their own State.", "TON",
     ("Tonga", "Ukraine", "support", "support", "")),                      # an entitlement, not a demand
    ("We do not accept that anyone should violate the purposes and principles of the United Nations Charter.", "TON",
     ("Tonga", "UN Charter and international law", "support", "reject", "")),
    ("I call on responsible countries to clear the landmines.", "TON",
     ("Tonga", "landmines and unexploded ordnance", "oppose", "urge", "")),
])
def test_topics_treaties_entitlements_and_removals(text, voice, expected):
    assert expected in voiced(text, voice)


# Role nouns after an actor (stance.yaml ``role_nouns``): the one the noun phrase describes holds it.
@pytest.mark.parametrize("text, expected", [
    ("Okafor, a frequent Lindqvist critic, said the plan was bad.", ("Okafor", "Lindqvist", "oppose", "DISAPPROVE")),
    ("Ruth Kagwe is an ardent Ana Ortega supporter.", ("Ruth Kagwe", "Ana Ortega", "support", "SUPPORT")),
    ("Ruth Kagwe, a 64-year-old Ana Ortega supporter, spoke.", ("Ruth Kagwe", "Ana Ortega", "support", "SUPPORT")),
])
def test_role_nouns(text, expected):
    assert expected in findings(text, ["holder", "target", "stance", "plover"])


def test_a_role_noun_with_nobody_described_is_no_finding():
    assert findings("Lindqvist critics say the plan is bad.", ["holder", "target"]) == []


# Negations spelled with a contraction, a double negation through "rule out", a list closed by its
# conjunction (DSE valid's errors; sentences written here).
@pytest.mark.parametrize("text, expected", [
    ("Okafor said he wouldn’t support Ana Ortega for president.", ("Okafor", "Ana Ortega", "oppose")),
    ("Peru hasn't backed the sanctions.", ("Peru", "sanctions", "oppose")),
    ("Peru ruled out supporting the sanctions.", ("Peru", "sanctions", "oppose")),
])
def test_contracted_negations(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text, unwanted", [
    ("Even Ruth Kagwe did not rule out supporting Okafor.", ("Ruth Kagwe", "Okafor", "oppose")),  # left unmarked
    ("Okafor refused to endorse Lindqvist, the Daily Planet reported.", ("Okafor", "Daily Planet", "oppose")),
])
def test_double_negations_and_asides(text, unwanted):
    assert unwanted not in findings(text, ["holder", "target", "stance"])


# From hand-check pass 13's errors (sentences written here).
@pytest.mark.parametrize("text, voice, expected", [
    ("Tonga reiterates its call for the complete disarmament of all chemical weapons.", "TON",
     ("Tonga", "disarmament and non-proliferation", "support", "urge", "")),  # the cue works against the problem
    ("We strongly support global warming mitigation in the islands.", "TON",
     ("Tonga", "climate change action", "support", "support", "")),        # the problem modifies the work
    ("We will never accept calling into question the universal nature of international standards on human rights.",
     "TON", ("Tonga", "human rights", "support", "reject", "")),
    ("We know no acceptable order other than one built on human rights.", "TON",
     ("Tonga", "human rights", "support", "support", "")),                 # "no ... other than" affirms
    ("Tonga rejects the unilateral coercive measures imposed on small nations.", "TON",
     ("Tonga", "sanctions", "oppose", "reject", "")),
    ("We deplore the siege against Gaza by Israel.", "TON", ("Tonga", "Israel", "oppose", "condemn", "")),
])
def test_what_works_against_problems_exceptions_and_impositions(text, voice, expected):
    assert expected in voiced(text, voice)


@pytest.mark.parametrize("text, voice, unwanted", [
    ("We salute the funds pledged by Fiji and the Maldives.", "TON", ("Fiji", "Maldives")),   # both are givers
    ("We salute the funds pledged by Fiji, the Maldives and others.", "TON", ("Fiji", "Maldives")),
    ("Tonga trusts the new mission will receive full endorsement by the African Union.", "TON",
     ("Tonga", "African Union")),                                          # who endorses, not what is endorsed
    ("We favour programmes for young people, also within the framework of the African Union.", "TON",
     ("Tonga", "African Union")),                                          # a setting, not a target
    ("We deplore the siege against Gaza by Israel.", "TON", ("Tonga", "Israel", "support")),
])
def test_givers_endorsers_and_settings_are_no_targets(text, voice, unwanted):
    assert unwanted not in [f[:len(unwanted)] for f in voiced(text, voice)]


@pytest.mark.parametrize("text, voice", [
    ("I much appreciated the statement delivered here yesterday by the Minister of Fiji.", "TON"),
    ("Its accession would provide a fine example to Fiji.", "TON"),
    ("We need the means provided to small states under international law.", "TON"),
])
def test_giving_words_that_give_nothing(text, voice):
    assert [f for f in voiced(text, voice) if f[3] == "aid"] == []


# DSE train's misses (sentences written here).
@pytest.mark.parametrize("text, expected", [
    ("Ruth Kagwe has emerged as one of Senator Lindqvist's staunchest supporters.",
     ("Ruth Kagwe", "Lindqvist", "support")),                              # a role noun after a possessive
    ("Senator Okafor is one of Ana Ortega's fiercest critics.", ("Okafor", "Ana Ortega", "oppose")),
    ("Okafor, too, called for a hearing and criticized Ana Ortega for her remarks.",
     ("Okafor", "Ana Ortega", "oppose")),
    ("Sen. Ruth Kagwe also disagreed with Okafor's response.", ("Ruth Kagwe", "Okafor", "oppose")),
    ("Okafor has long been highly critical of Ana Ortega.", ("Okafor", "Ana Ortega", "oppose")),
    ("Okafor has now spoken out against the Chilean offensive.", ("Okafor", "Chile", "oppose")),  # a harm's owner
    ("A Peruvian journalist has accused the Daily Planet of bias.", ("Peruvian journalist", "Daily Planet", "oppose")),
    ("The International Criminal Court issued an arrest warrant for Chile's President Ana Ortega.",
     ("International Criminal Court", "Ana Ortega", "oppose")),                # the person a country's title qualifies
    ("Okafor described Peru as a rival, accusing it of dumping steel.", ("Okafor", "Peru", "oppose")),
    ("The Securities and Exchange Commission sued Okafor Holdings.",
     ("Securities and Exchange Commission", "Okafor Holdings", "oppose")),
])
def test_possessive_roles_asides_harm_owners_and_objects(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


def test_a_second_finite_verb_is_no_part_of_an_appeal():
    assert ("Okafor", "Ana Ortega", "oppose", "DISAPPROVE") in findings(
        "Okafor called for a hearing and criticized Ana Ortega.", ["holder", "target", "stance", "plover"])


# DSE train's misses, second round (sentences written here).
@pytest.mark.parametrize("text, expected", [
    ("In a memo dated Nov. 7, two advisers, Ana Ortega and Ruth Kagwe, criticized Okafor.",
     ("Ana Ortega", "Okafor", "oppose")),                                   # "Nov." is no name
    ("Kagwe, a teacher from Tulsa, Oklahoma, came to show her support for Okafor.",
     ("Kagwe", "Okafor", "support")),                                      # "her" is hers; Oklahoma a place
    ("Okafor's lawyer, Ana Ortega, accused Lindqvist of lying.", ("Ana Ortega", "Lindqvist", "oppose")),
    ("Kagwe sued Daily Planet chief executive officer Ana Ortega.", ("Kagwe", "Ana Ortega", "oppose")),
    ("Peru and Chile have both provided support for the Okafor Foundation.",
     ("Chile", "Okafor Foundation", "support")),                           # both holders, shared by the noun
    ("Haley has been critical of Okafor.", ("Haley", "Okafor", "oppose")),
    ("Nehlen, in a short statement Friday, praised Okafor.", ("Nehlen", "Okafor", "support")),
])
def test_appositions_places_possessive_pronouns_and_shared_holders(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text, expected", [
    ("Amazon has been the target of attacks by Okafor.", ("Okafor", "Amazon", "oppose")),    # criticism received
    ("Peru has received criticism from President Ana Ortega.", ("Ana Ortega", "Peru", "oppose")),
    ("The Lima Herald criticized Okafor.", ("Lima Herald", "Okafor", "oppose")),            # a paper, not a capital
    ("Peru and Chile have both condemned Okafor.", ("Chile", "Okafor", "oppose")),
])
def test_views_received_by_a_named_giver_and_papers_named_after_cities(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text, expected, unwanted", [
    ("Okafor wrote letters decrying waste and supporting Ana Ortega.", ("Okafor", "Ana Ortega", "support"),
     ("Okafor", "Ana Ortega", "oppose")),                  # the second predicate's object is not the first's
    ("Okafor is very supportive of Ana Ortega.", ("Okafor", "Ana Ortega", "support"), None),
    ("Kagwe, a longtime Okafor defender, spoke.", ("Kagwe", "Okafor", "support"), None),
])
def test_second_predicates_intensified_adjectives_and_defenders(text, expected, unwanted):
    got = findings(text, ["holder", "target", "stance"])
    assert expected in got and unwanted not in got


# From hand-check pass 14's errors (sentences written here).
@pytest.mark.parametrize("text, voice, expected", [
    ("Tonga renews its support for regional programmes in the field of global warming.", "TON",
     ("Tonga", "climate change action", "support", "support", "")),        # a problem as the field
    ("We have called for the swift withdrawal of all Chilean troops from Peru.", "TON",
     ("Tonga", "Chile", "none", "urge", "Chile")),                         # asked of Chile, no support of it
    ("Chile must, and will, be held to account.", "TON", ("Tonga", "Chile", "oppose", "urge", "Chile")),
    ("We thank the Republic of China for its help.", "TON", ("Tonga", "Taiwan", "support", "thank", "")),
    ("Peruvians and Chileans condemned Fiji.", "TON", ("Chile", "Fiji", "oppose", "condemn", "")),
])
def test_fields_yielding_asked_accountability_and_plural_demonyms(text, voice, expected):
    assert expected in voiced(text, voice)


@pytest.mark.parametrize("text, voice, unwanted", [
    ("We defend our shared values in a world dominated by extremism.", "TON", ("Tonga", "terrorism")),  # a setting
    ("We delivered food aid to Fiji through the efforts of the Okafor Foundation.", "TON",
     ("Tonga", "Okafor Foundation")),
])
def test_harms_suffered_and_means_are_no_targets(text, voice, unwanted):
    assert unwanted not in [f[:2] for f in voiced(text, voice)]


@pytest.mark.parametrize("text, expected", [
    ("Okafor condemned the arrest of Ana Ortega.", ("Okafor", "Ana Ortega", "support")),   # a harm done to her
    ("Kagwe is continuing to hammer Okafor over his remarks.", ("Kagwe", "Okafor", "oppose")),
    ("Okafor also spoke critically of the Chilean government.", ("Okafor", "Chile", "oppose")),
    ("Okafor doesn’t trust Ana Ortega.", ("Okafor", "Ana Ortega", "oppose")),                # trust denied
])
def test_harms_to_persons_hammering_and_trust_denied(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


def test_trust_as_a_noun_is_no_cue():
    assert findings("Peru and Chile build mutual trust.", ["holder", "target"]) == []


@pytest.mark.parametrize("text, expected", [
    ("Peter Lindqvist's standing did not falter, and Okafor has since endorsed him for president.",
     ("Okafor", "Peter Lindqvist", "support")),              # "him" is not his own clause's subject
    ("Ana Ortega's supporters have threatened to defend Okafor.", ("Ana Ortega", "Okafor", "support")),
    ("Peru threatened to attack Chile.", ("Peru", "Chile", "oppose")),           # a threat of force stays one
    ("Ms. Kagwe has also withheld her endorsement of Okafor.", ("Kagwe", "Okafor", "oppose")),
    ("Peru hinted it might halt its support to Ana Ortega.", ("Peru", "Ana Ortega", "oppose")),
])
def test_object_pronouns_threats_of_support_and_withholding(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text, unwanted", [
    ("Peru is supporting militias in the north that are battling Chile.", ("Peru", "Chile", "support")),
    ("Okafor led a crackdown targeting those suspected of supporting Ana Ortega.", ("Okafor", "Ana Ortega", "support")),
    ("Ms. Kagwe has been a target of Republican critics.", ("Kagwe", "Republican", "oppose")),
    ("Peru and Chile met to hammer out a framework agreement.", ("Peru", "Chile", "oppose")),
])
def test_relative_clauses_alleged_acts_and_idioms(text, unwanted):
    assert unwanted not in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text, expected", [
    ("Lindqvist told the Daily Planet that his staunch support for Okafor was firm.",
     ("Lindqvist", "Okafor", "support")),
    ("Sen. Ruth Kagwe endorsed GOP candidate Okafor for president.", ("Ruth Kagwe", "Okafor", "support")),
    ("Okafor won the endorsements of President Ana Ortega and Senator Ruth Kagwe.",
     ("Ruth Kagwe", "Okafor", "support")),
    ("On the mall, filmmaker Ana Ortega, singer Ruth Kagwe and other speakers attacked Okafor.",
     ("Ruth Kagwe", "Okafor", "oppose")),                   # roles before names in a list closed by "others"
])
def test_owned_cues_roles_before_persons_and_endorsements_received(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


# From hand-check pass 15's errors (sentences written here).
@pytest.mark.parametrize("text, voice, expected", [
    ("Nor can we accept the use of drones to destabilize governments and destroy peace.", "TON",
     ("Tonga", "peace and ending the war", "support", "reject", "")),     # a harm done to what is named
    ("Tonga rejects any bypassing of the role of the Chilean Parliament.", "TON",
     ("Tonga", "Chile", "support", "reject", "")),
    ("Tonga backs regional conflict resolution mechanisms.", "TON",
     ("Tonga", "negotiations and dialogue", "support", "support", "")),   # no UN resolution
    ("We support efforts combating poverty, terrorism and piracy at sea.", "TON",
     ("Tonga", "terrorism", "oppose", "support", "")),                    # each problem listed is opposed
])
def test_harm_verbs_bypassing_conflict_resolution_and_listed_problems(text, voice, expected):
    assert expected in voiced(text, voice)


def test_a_double_negation_with_exclude_is_left_unmarked():
    got = voiced("This priority does not exclude our commitment to cooperation with Fiji.", "TON")
    assert not any(f[2] == "oppose" for f in got)


def test_a_common_word_of_a_name_without_a_first_name_is_no_name_part():
    text = "Tonga recalls the Second World War. Tonga will join the World Trade Organization pact."
    assert "Second World War" not in [f[1] for f in voiced(text, "TON")]


@pytest.mark.parametrize("text, expected", [
    ("Republicans who run the Senate refused to vote, prompting Democrats to accuse them of obstruction.",
     ("Democrats", "Republicans", "oppose")),          # the one prompted acts; "them" is not its own subject
    ("Okafor was a surprise pick, and some Republicans have questioned whether he is qualified.",
     ("Republicans", "Okafor", "oppose")),
    ("The Labour decision has been applauded as the right one by figures such as Ana Ortega.",
     ("Ana Ortega", "Labour", "support")),              # an agent introduced by "such as"
])
def test_prompted_doers_questions_of_fitness_and_agents_such_as(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text, unwanted", [
    ("Peru invaded Chile, and the United States condemned it.", ("Peru", "United States")),   # a new clause
    ("The Kremlin denied the charge, and the judge rejected Okafor's claim.", ("Kremlin", "Okafor")),
    ("Peru refused to sign the pact, prompting Chile to protest.", ("Peru", "Chile")),      # a participle's clause
])
def test_new_clauses_keep_their_own_subjects_and_objects(text, unwanted):
    assert unwanted not in [f[:2] for f in findings(text, ["holder", "target", "stance"])]


# From the review of this session's rules (sentences written here).
@pytest.mark.parametrize("text, expected, unwanted", [
    ("Peru endorsed nuclear weapons.", ("Peru", "disarmament and non-proliferation", "oppose"),
     ("Peru", "disarmament and non-proliferation", "support")),   # "endorse" does not work against them
    ("Peru defended its nuclear weapons policy.", ("Peru", "disarmament and non-proliferation", "oppose"),
     ("Peru", "disarmament and non-proliferation", "support")),   # a policy is no work against a problem
    ("Chile accused Peru of supporting terrorism.", ("Chile", "Peru", "oppose"), ("Peru", "terrorism", "support")),
    ("The Greens and Labour Party criticized Okafor.", ("Labour Party", "Okafor", "oppose"),
     ("Greens and Labour Party", "Okafor", "oppose")),            # two names, not one
])
def test_review_cue_words_policies_allegations_and_party_lists(text, expected, unwanted):
    got = findings(text, ["holder", "target", "stance"])
    assert expected in got and unwanted not in got


def test_a_common_word_after_a_comma_opens_no_clause():
    assert ("Peru", "Chile", "support") in findings("Peru welcomed the aid, morning and evening, sent to Chile.",
                                                    ["holder", "target", "stance"])


@pytest.mark.parametrize("text, expected", [
    # the actor a person is introduced with: before the role, or in an apposition after the name
    ("Green Shield spokeswoman, Naomi Hale, accused Origin Mining of lying.", ("Naomi Hale", "Green Shield")),
    ("Kenya’s chief trade envoy Amos Kiprop blamed Uganda.",
     ("Amos Kiprop", "Kenya")),
    ("Rita Okoye, president of the Center for Fair Trade, criticized Ghana.",
     ("Rita Okoye", "Center for Fair Trade")),
    ("Ana Ortiz, Chilean ambassador to the UN, accused Russia of lying.", ("Ana Ortiz", "Chile")),
    # a state's body named right after the state (places.yaml state_bodies)
    ("The Peruvian Defence Ministry condemned the strikes on Ecuador.", ("Defence Ministry", "Peru")),
    ("Chile's Foreign Office accused Bolivia of lying.", ("Foreign Office", "Chile")),
])
def test_a_person_speaks_for_the_actor_they_are_introduced_with(text, expected):
    assert expected in findings(text, ["holder", "holder_affiliation"])


def test_a_role_before_a_comma_is_nobody_elses_affiliation():
    found = findings("The donor was a Green Shield lawyer, Okafor says, and Okafor criticized Ghana.",
                     ["holder", "holder_affiliation"])
    assert ("Okafor", "Green Shield") not in found


@pytest.mark.parametrize("text, unwanted", [
    # review of 2026-12-02: a verb before a role affiliates nobody; allies "in" a place are no agent
    ("Russia sanctioned the lawyer Ana Ruiz, who criticized Peru.", ("Ana Ruiz", "Russia")),
    ("Peru welcomed the new envoy, Ana Ruiz, who praised Chile.", ("Ana Ruiz", "Peru")),
    # an organisation after a demonym that is not a body of the state
    ("The Peruvian Farmers Union accused Bolivia of lying.", ("Farmers Union", "Peru")),
])
def test_no_affiliation_from_a_verb_before_a_role(text, unwanted):
    assert unwanted not in findings(text, ["holder", "holder_affiliation"])


@pytest.mark.parametrize("text, expected", [
    ("The annexation was condemned by Russia, the United States, and China.", ("United States", "oppose")),
    ("There is no question of accepting the annexation, Peru said.", ("Peru", "oppose")),
])
def test_lists_with_the_and_no_question_of(text, expected):
    assert expected in findings(text, ["holder", "stance"])


def test_allies_in_a_place_are_no_agent():
    assert not [f for f in findings("Okafor was criticised by his allies in Ghana.", ["holder"]) if f[0] == "Ghana"]


# From a hand-check of findings on 1987 Reuters political stories (sentences written here).
@pytest.mark.parametrize("text, expected", [
    ("Kenya welcomed on Monday the decision by Uganda to reopen the border.", ("Kenya", "Uganda", "support")),
    ("Peru has strongly criticised the decision by Chile.", ("Peru", "Chile", "oppose")),   # the noun's "by"
    ("Ruth Kagwe, a 64-year-old Ana Ortega supporter, spoke first.", ("Ruth Kagwe", "Ana Ortega", "support")),
])
def test_holders_of_active_verbs_in_news(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text, cue", [
    ("Peru opposed the levy as contrary to internationally accepted principles set by the OECD.", "accepted"),
    ("Chile promises to be hard hit by the tariffs, Lopez said.", "promises"),      # a forecast
    ("It is highly unlikely that Peru and Chile will agree on the deal.", "agree on"),  # a prediction
    ("Peru is unlikely to support Bolivia.", "support"),
    ("A statement released by Peru said growth was achievable.", "released"),       # a document made public
])
def test_no_act_from_adjectives_forecasts_or_documents(text, cue):
    assert cue not in [c for (c,) in findings(text, ["cue"])]


# Judgements as predicates (stance.yaml ``targets: judged``): who judges what, never an adjective
# before its noun; a harm judged wrong supports the one harmed; what is judged is no act itself.
@pytest.mark.parametrize("text, expected", [
    ("Brazil said the IMF proposal was unacceptable.", ("Brazil", "IMF", "oppose", "DISAPPROVE")),
    ("Brazil called the IMF plan unfair.", ("Brazil", "IMF", "oppose", "DISAPPROVE")),
    ("Brazil described the sanctions as unfair and unacceptable.", ("Brazil", "sanctions", "oppose", "DISAPPROVE")),
    ("The sanctions are illegal, Peru said.", ("Peru", "sanctions", "oppose", "DISAPPROVE")),
    ("Peru said the sanctions were not justified.", ("Peru", "sanctions", "oppose", "DISAPPROVE")),
    ("Kenya said the ceasefire was a step in the right direction.", ("Kenya", "ceasefire", "support", "SUPPORT")),
    ("Peru considers the plan of Chile reasonable.", ("Peru", "Chile", "support", "SUPPORT")),
    ("The blockade against Cuba is unacceptable, Argentina said.", ("Argentina", "Cuba", "support", "DISAPPROVE")),
])
def test_judgements(text, expected):
    assert expected in findings(text, ["holder", "target", "stance", "plover"])


def test_a_judgement_in_a_speech_is_the_speakers_and_no_actor_judged_judges():
    assert voiced("The US actions against the medical cooperation provided by Cuba are shameful.", "CUB") == [
        ("Cuba", "cooperation", "support", "condemn", "")]
    assert findings("The US actions against the medical cooperation provided by Cuba are shameful.") == []


@pytest.mark.parametrize("text", [
    "Illegal fishing by Chinese vessels angered Peru.",        # an adjective before its noun
    "They were expelled from Chile as illegal aliens, Peru said.",
])
def test_no_judgement_or_act_from_adjectives_and_judged_subjects(text):
    got = findings(text, ["cue", "stance"])
    assert ("illegal", "oppose") not in got and not [c for c, _ in got if c.startswith("sanctions")]


def test_a_harm_judged_wrong_is_opposed_and_its_victim_supported_but_nothing_is_imposed():
    got = findings("Peru said the sanctions against Chile were illegal.", ["target", "stance", "cue"])
    assert ("Chile", "support", "illegal") in got and ("sanctions", "oppose", "illegal") in got
    assert not [c for _, _, c in got if c.startswith("sanctions")]  # judged, not imposed by Peru
    assert ("Chile", "oppose", "illegal") not in got


# Concern voiced (stance.yaml ``concern``, ``adjacent``): about what follows closely, never about
# what is named after "the situation in"; a harm named after its issue is still a harm.
@pytest.mark.parametrize("text, expected", [
    ("Japan voiced concern about North Korea's missile launches.", ("Japan", "North Korea", "oppose")),
    ("Peru is deeply concerned about the sanctions.", ("Peru", "sanctions", "oppose")),
    ("Peru voiced concerns about human rights abuses.", ("Peru", "human rights", "support")),
    ("Peru condemned the ceasefire breaches.", ("Peru", "ceasefire", "support")),
])
def test_concern_and_harms_after_their_issue(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text", [
    "Malta is concerned about the situation in Niger.",
    "Kenya is concerned about the safety of Ukrainians.",
    "Peru is not concerned about Chile.",
])
def test_no_opposition_from_concern_for_a_place_or_a_people(text):
    assert not [f for f in findings(text, ["stance"]) if f == ("oppose",)]


def test_a_speaker_after_a_contrast_holds_only_the_second_clause():
    """ "Lawmakers urged Biden to act, but the White House said ...": the White House does not urge."""
    text = ("Lawmakers are asking Biden to join the talks, but White House spokeswoman Ana Ortega said no "
            "decision was made.")
    assert findings(text, ["holder"]) == []


# A view a move causes or draws, from a government named by its capital ("from Beijing");
# an issue may receive it too.
@pytest.mark.parametrize("text, expected", [
    ("Finland's decision sparked criticism from Hungary.", ("Hungary", "Finland", "oppose")),
    ("The ban provoked a sharp rebuke from Beijing.", None),  # nothing named receives it
    ("The embargo drew condemnation from Havana.", ("Cuba", "sanctions", "oppose")),
    ("Chile's offer prompted praise from Tokyo.", ("Japan", "Chile", "support")),
])
def test_views_a_move_draws_and_capitals_that_give_them(text, expected):
    got = findings(text, ["holder", "target", "stance"])
    if expected is None:
        assert got == []
    else:  # and never the receiver's view of the giver
        assert expected in got and not [f for f in got if f[0] == expected[1]]


def test_a_capital_after_coming_from_is_a_place():
    got = findings("Chile praised Peru after its envoy flew in from Beijing.", ["holder", "target"])
    assert ("Chile", "Peru") in got and not [f for f in got if "China" in f]


# "condemned X as illegal": one condemnation, not a judgement that hides it; a verb that hands
# its subject to the infinitive after it ("failed to", "declined to") keeps the holder.
@pytest.mark.parametrize("text, expected", [
    ("The embargo was condemned by Venezuela as unlawful.", ("Venezuela", "sanctions", "oppose")),
    ("Peru rejected the sanctions as unjust.", ("Peru", "sanctions", "oppose")),
    ("Chile declined to join the sanctions, the ministry in Lima said.", ("Chile", "sanctions", "oppose")),
    ("Brazil sought to mediate between Chile and Peru, diplomats said.", ("Brazil", "Chile", "none")),
])
def test_judgements_after_as_and_subjects_of_infinitives(text, expected):
    got = findings(text, ["holder", "target", "stance"])
    assert expected in got and len([f for f in got if f[1] == expected[1]]) == 1  # said once, not judged again


def test_pressure_undergone_presses_nobody():
    """ "X has been under pressure from Y to ..." is Y's demand, never X's."""
    assert not [f for f in findings("Chile has been under pressure from Washington to cut tariffs.", ["holder"])
                if f == ("Chile",)]


# Refusing to send or sell opposes what is withheld, never the one it would go to; a vote on
# "the text" after a resolution is named is on the resolution; "were among the countries that".
@pytest.mark.parametrize("text, expected", [
    ("Chile said it would not send weapons to Peru.", ("Chile", "weapons supplies", "oppose")),
    ("Peru has no interest in passing on munitions to Chile.", ("Peru", "weapons supplies", "oppose")),
    ("Bolivia will not sell arms to Chile, its minister said.", ("Bolivia", "weapons supplies", "oppose")),
    ("The Assembly debated a General Assembly resolution on Haiti. Chile voted against the text.",
     ("Chile", "UN resolutions", "oppose")),
    ("Peru and Chile were among the 12 countries that voted against the resolution.",
     ("Chile", "UN resolutions", "oppose")),
    ("Argentina has declined an invitation to join the BRICS group.", ("Argentina", "BRICS", "oppose")),
    ("Peru condemned the violation of Security Council resolutions.", ("Peru", "UN resolutions", "support")),
])
def test_withholding_votes_on_the_text_and_invitations_declined(text, expected):
    got = findings(text, ["holder", "target", "stance"])
    assert expected in got
    if expected[1] == "weapons supplies":  # withheld from Chile or Peru: no opposition to either
        assert not [f for f in got if f[1] in ("Peru", "Chile")]


@pytest.mark.parametrize("text, unwanted", [
    ("Chile sent a delegation to Lima.", ("Chile", "Peru")),                      # sending is no position
    ("Peru voted against the text.", ("Peru", "UN resolutions")),                # no resolution named before
    ("The Assembly passed a resolution on Haiti. Peru spoke. Chile spoke. Bolivia spoke. Peru voted against the text.",
     ("Peru", "UN resolutions")),                                                  # named too long before
    ("Peru would not hesitate to send more tanks to Chile, its minister said.", ("Peru", "weapons supplies")),
    ("Peru said Chile had been misled by Bolivia.", ("Bolivia", "Chile")),       # a passive accuses no one here
    ("Peru said neither side had won the war.", ("Peru", "parties to the conflict")),
    ("Chile praised Brazil and Argentina united behind the plan.", ("Brazil", "Argentina")),
    ("Peru believes the war will only end at the negotiating table.", ("Peru", "negotiations and dialogue")),
    ("Chile ignored attacks by armed opposition groups, Peru said.", ("Peru", "Chile")),
    ("Peru backed Chile and the United States criticised Bolivia.", ("Chile", "Bolivia")),  # Chile is an object
    ("Chile threatened to impose sanctions on Peru.", ("Chile", "Peru", "support")),   # a threat is no support
    ("Peru welcomed the plan, and Chile rejected it.", ("Peru", "Chile")),          # the next clause's subject
])
def test_no_finding_from_sending_unnamed_texts_intransitive_ends_and_objects(text, unwanted):
    got = findings(text, ["holder", "target", "stance"])
    assert not [f for f in got if f[:len(unwanted)] == unwanted]


def test_a_permanent_representative_is_a_title_and_the_court_keeps_its_name():
    got = findings('Its Permanent Representative, Ana Quispe, spoke. "We support dialogue," she said.', ["holder"])
    assert ("Ana Quispe",) in got and ("Permanent Representative",) not in got
    assert ("China", "Permanent Court of Arbitration") in findings(
        "China rejected the Permanent Court of Arbitration.", ["holder", "target"])


# Putting a text forward supports it; a declared non-alignment or "no position" is neutrality;
@pytest.mark.parametrize("text, expected", [
    ("Peru co-sponsored the resolution.", ("Peru", "UN resolutions", "support")),
    ("The resolution, drafted by Chile on behalf of the group, was adopted.", ("Chile", "UN resolutions", "support")),
    ("The resolution, co-sponsored by Peru and Chile, passed.", ("Chile", "UN resolutions", "support")),
    ("The minister said Kenya remains non-aligned in the war.", ("Kenya", "parties to the conflict", "neutral")),
    ("An official said NATO itself had no position on the dispute.", ("NATO", "parties to the conflict", "neutral")),
])
def test_sponsors_non_alignment_and_claims_insisted_on(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


def test_drafting_a_letter_supports_nothing():
    assert findings("Peru drafted a letter to Chile.", ["holder"]) == []


# A sentence-opening "It" that acts ("It also condemned") is the organisation or state that was
# the subject just before; "It is", "It seemed" are no one. Priorities are supported; warnings
# against an intervention oppose the use of force; not being drawn in is neutrality.
@pytest.mark.parametrize("text, expected", [
    ("The African Union met in Addis Ababa. It also condemned Chile.", ("African Union", "Chile", "oppose")),
    ("Peru has cautioned against foreign military intervention.", ("Peru", "use of force", "oppose")),
    ("Chile opposes attempts to change the status quo by force.", ("Chile", "use of force", "oppose")),
    ('"Our first priority remains dialogue," Foreign Minister Ana Ruiz said.',
     ("Ana Ruiz", "negotiations and dialogue", "support")),
    ('"Kenya will not be drawn into a contest between powers," the president said.',
     ("Kenya", "parties to the conflict", "neutral")),
])
def test_acting_it_priorities_warnings_and_staying_out(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text", [
    "The African Union met in Addis Ababa. It is important to support Chile.",
    "Peru sent ships. It seemed to ignore Chile.",
    "Peru sent ships. It emerged that Bolivia backed Chile.",
])
def test_an_it_that_is_no_one_holds_nothing(text):
    assert not [f for f in findings(text, ["holder"]) if f[0] in ("African Union", "Peru")]


def test_a_priority_to_end_something_opposes_it_only():
    got = findings('"Our priority is to end the sanctions," Foreign Minister Ana Diaz said.', ["target", "stance"])
    assert ("sanctions", "oppose") in got and ("sanctions", "support") not in got


# Saying someone did wrong is the speaker's accusation of them; "lies in" is no lie.
@pytest.mark.parametrize("text, expected", [
    ("Moscow lied about its troop movements, the Chilean foreign minister said.", ("Chile", "Russia", "oppose")),
    ("Peru said Chile had betrayed the agreement.", ("Peru", "Chile", "oppose")),
])
def test_wrongdoing_said_is_an_accusation(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text", [
    "Peru believes the answer lies in cooperation with Chile.",
    "Chile lied about the deal.",                       # the author's voice states it: nobody accuses
])
def test_no_accusation_from_lying_in_or_the_authors_voice(text):
    assert not [f for f in findings(text, ["act"]) if f == ("accuse",)]


# A designation as a state sponsor of terrorism is a coercive measure: rejecting it is no
# stance on terrorism; "this Hall" of a speech is no actor.
@pytest.mark.parametrize("text, voice, expected, unwanted", [
    ("We reject the designation of Peru as a State sponsor of terrorism.", "Chile",
     ("Chile", "sanctions", "oppose"), ("Chile", "terrorism")),
    ("We are here in this great Hall to promote dialogue among nations.", "Chile",
     ("Chile", "negotiations and dialogue", "support"), ("Hall",)),
])
def test_designations_and_the_hall_in_speeches(text, voice, expected, unwanted):
    got = voiced(text, voice, ("holder", "target", "stance"))
    assert expected in got and not [f for f in got if f[:len(unwanted)] == unwanted]


# Reduced relatives, nested opposition, unnamed doers, "resolution" as a settlement (2026-12-06).
@pytest.mark.parametrize("text, expected", [
    ("Russia, backed by China, vetoed the resolution.", ("China", "Russia", "support")),
    ("Lena Ortiz, criticized by Senator Paul Vance, spoke again.", ("Paul Vance", "Lena Ortiz", "oppose")),
    ("Ukraine, supported by the European Union, fought on.", ("European Union", "Ukraine", "support")),
    ("Chile rejects all forms of support for terrorism.", ("Chile", "terrorism", "oppose")),
    ("Mali reaffirmed its commitment to end terrorism.", ("Mali", "terrorism", "oppose")),
    ("Ghana supports strengthening capacities to address the challenges of terrorism.",
     ("Ghana", "terrorism", "oppose")),
    ("Peru supports the end of sanctions.", ("Peru", "sanctions", "oppose")),
    ("Peru condemned the attack and supported Ukraine.", ("Peru", "Ukraine", "support")),
    ("Belgium warned against the lack of respect for international law.",
     ("Belgium", "UN Charter and international law", "support")),
    ("Japan lent its support to the Philippines.", ("Japan", "Philippines", "support")),
    ("Ana Ruiz is throwing her support behind Germany.", ("Ana Ruiz", "Germany", "support")),
    ("Erik Lund, a strong advocate of NATO, spoke.", ("Erik Lund", "NATO", "support")),
    ("The Laotian premier slammed the sanctions against Russia.", ("Laos", "sanctions", "oppose")),
    ("The Laotian premier slammed the sanctions against Russia.", ("Laos", "Russia", "support")),
    ("Fiji is committed to countering terrorism and extremism.", ("Fiji", "terrorism", "oppose")),
    ("Oman backs putting an end to the occupation.", ("Oman", "invasion", "oppose")),
    ("Peru congratulated Chile on its election to the Security Council.", ("Peru", "Chile", "support")),
    ("Germany has more troops than most countries and supports NATO.", ("Germany", "NATO", "support")),
    ("EU countries supporting Ukraine met.", ("European Union", "Ukraine", "support")),
    ("Ghana is committed to meeting the challenge of building peace.",
     ("Ghana", "peace and ending the war", "support")),
    ("Peru supports the resolution to address the crisis in Haiti.", ("Peru", "UN resolutions", "support")),
    ("Peru supports the fight for democracy.", ("Peru", "democracy and elections", "support")),
    ("Mexico and 83 other States have promoted the reform of the Security Council.",
     ("Mexico", "UN and Security Council reform", "support")),
])
def test_phrases_that_govern_a_position(text, expected):
    assert expected in findings(text, ["holder", "target", "stance"])


@pytest.mark.parametrize("text, unwanted", [
    ("Russia, backed by China, vetoed the resolution.", ("China", "UN resolutions", "support")),
    ("Chile rejects all forms of support for terrorism.", ("Chile", "terrorism", "support")),
    ("Mali reaffirmed its commitment to end terrorism.", ("Mali", "terrorism", "support")),
    ("The countries supporting Israel unconditionally share the blame, Turkey said.", ("Turkey", "Israel", "support")),
    ("Those opposing the plan were silenced, Peru said.", ("Peru", "", "")),
    ("Albania supports a just and comprehensive resolution of the conflict.", ("Albania", "UN resolutions", "support")),
    ("Kenya backs a peaceful resolution to the dispute.", ("Kenya", "UN resolutions", "support")),
    ("Siskind and other advocates of diversity say Trump's reforms are a disaster.", ("Siskind", "Trump", "support")),
    ("We support the call for conflict prevention and sustaining peace, Croatia said.",
     ("Croatia", "peace and ending the war", "oppose")),
    ("We are committed to speak out against violations of human rights, Fiji said.",
     ("Fiji", "human rights", "oppose")),
    ("The Kingdom held talks with Iran, hosted by Baghdad and Oman, Saudi Arabia said.", ("Oman", "Iran", "none")),
    ("Fiji is committed to countering terrorism and extremism.", ("Fiji", "terrorism", "support")),
    ("Peru supports combating poverty and promoting peace.", ("Peru", "peace and ending the war", "oppose")),
    ("Some countries represented here have remained neutral, Chile said.", ("Chile", "", "neutral")),
    ("Several Member States have pledged support to the police of Haiti, Chile said.", ("Chile", "Haiti", "support")),
    ("I congratulate you, Mr. President, on your election to preside over the General Assembly, Chile said.",
     ("Chile", "UN General Assembly", "support")),
    ("The resolution on Syria, backed by France, passed.", ("France", "Syria", "support")),
    ("Nepal congratulates the President and the Bureau on their respective elections.",
     ("Nepal", "democracy and elections", "support")),
])
def test_phrases_that_govern_no_such_position(text, unwanted):
    got = findings(text, ["holder", "target", "stance"])
    assert not any(all(u == "" or u == g for u, g in zip(unwanted, row)) for row in got), got
