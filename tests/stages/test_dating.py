"""Publication-date bounds from what an undated article says: which clues bound it and which
do not. Sentences written for these tests."""

from datetime import date

import pandas as pd
import pytest

from analysis.config import load_codebooks
from analysis.stages.dating import (
    Interval,
    anchor_matcher,
    anchor_mentions,
    apply_inference,
    complete_year,
    infer_publication,
)

from conftest import analyse_texts


def _bounds(text: str, exclude=None) -> tuple[date | None, date | None]:
    iv = infer_publication(text, [(0, 0, len(text))], [], exclude=exclude)
    return iv.earliest, iv.latest


@pytest.mark.parametrize("sentence, earliest, latest", [
    ("The ministry said talks began in 2019.", date(2019, 1, 1), None),
    ("The vote will be held on October 27, 2025.", None, date(2025, 10, 27)),
    # a year that names a period bounds nothing, whatever the tense
    ("The company said its 1986 results were strong.", None, None),
    ("It will pay a 2021 dividend of five cents.", None, None),
    ("Output rose in fiscal 2020, it said.", None, None),
    ("The bank said the 2022/23 crop was smaller.", None, None),
    # a forecast is no past event, but it still precedes its year
    ("The bank said it expected growth in 2026.", None, date(2026, 12, 31)),
    ("Officials said they hope to finish by 2030.", None, None),
    # a month called May, a passive "by", a year followed by a function word: ordinary past events
    ("The ministry said talks began in May 2019.", date(2019, 5, 1), None),
    ("The law was passed by parliament in 2019.", date(2019, 1, 1), None),
    ("The ministry said talks began in 2019 and ended quickly.", date(2019, 1, 1), None),
])
def test_which_clues_bound_the_publication_date(sentence, earliest, latest):
    assert _bounds(sentence) == (earliest, latest)


def test_the_datelines_own_date_is_not_evidence():
    text = "NAIROBI, March 3 - Kenya said on Monday that talks began in February 2021."
    own = (0, len("NAIROBI, March 3 -"))
    with_own = infer_publication(text, [(0, 0, len(text))], [], exclude=None).evidence
    without = infer_publication(text, [(0, 0, len(text))], [], exclude=own).evidence
    assert any("March 3" in e for e in with_own) and not any("March 3" in e for e in without)


def test_contradicting_bounds_give_the_widest_interval_with_a_flag():
    iv = Interval(date(2024, 5, 1), date(2023, 12, 31), ["x"]).honest()
    assert iv.earliest <= iv.latest and "conflicting evidence" in iv.evidence[-1]


@pytest.mark.parametrize("month_day, earliest, latest, days", [
    ("XXXX-11-02", date(2023, 10, 1), date(2024, 3, 1), [date(2023, 11, 2)]),
    ("XXXX-11-02", date(2023, 12, 1), date(2024, 3, 1), []),
    ("XXXX-02-29", date(2023, 1, 1), date(2024, 12, 31), [date(2024, 2, 29)]),
])
def test_years_a_yearless_dateline_allows(month_day, earliest, latest, days):
    assert complete_year(month_day, earliest, latest)[0] == days


def test_a_yearless_dateline_keeps_xxxx_and_says_which_years_fit():
    documents = pd.DataFrame({"doc_id": ["a"], "published": ["XXXX-11-02"], "published_basis": ["dateline"],
                              "year": [pd.NA], "text": ["..."]})
    publication = pd.DataFrame({"doc_id": ["a"], "published_earliest": ["2023-10-01"],
                                "published_latest": ["2024-03-01"], "published_evidence": ["on or after ..."]})
    row = apply_inference(documents, publication).iloc[0]
    assert row["published"] == "XXXX-11-02" and "only in 2023" in row["published_evidence"]


@pytest.mark.parametrize("sentence, earliest, latest", [
    ("Talks ended yesterday (October 12, 2023), the envoy said.", date(2023, 10, 13), date(2023, 10, 13)),
    ("The envoy arrived today, 4 March 2024, for talks.", date(2024, 3, 4), date(2024, 3, 4)),
    ("The ministers said on Monday (March 4, 2024) that talks would go on.", date(2024, 3, 4), date(2024, 3, 11)),
    ("The vote will take place next Friday (March 8, 2024).", date(2024, 3, 1), date(2024, 3, 8)),
    ("They met last Tuesday (5 March 2024).", date(2024, 3, 5), date(2024, 3, 12)),
    # history and quotations name days too, without dating the article
    ("On Tuesday, September 11, 2001, hijackers crashed four planes.", date(2001, 9, 11), None),
    ('Roosevelt said: "Yesterday, December 7, 1941 - a date which will live in infamy."', date(1941, 12, 7), None),
])
def test_a_day_named_twice_fixes_the_publication_day_or_week(sentence, earliest, latest):
    assert _bounds(sentence) == (earliest, latest)


@pytest.mark.parametrize("sentence, flag", [
    ("The ministers met on Friday (March 4, 2024).", "disagrees with the date (a Monday)"),
    ("The ministers met on Monday (March 4).", "without its year"),
])
def test_a_pair_that_does_not_fix_a_day_is_said_not_used(sentence, flag):
    iv = infer_publication(sentence, [(0, 0, len(sentence))], [])
    assert any(flag in e for e in iv.evidence)


def test_the_text_narrows_a_year_from_the_metadata_and_never_leaves_it():
    from analysis.stages.dating import within_given

    inside = within_given(Interval(date(2023, 9, 1), None, ["x"]), "2023", "metadata")
    assert (inside.earliest, inside.latest) == (date(2023, 9, 1), date(2023, 12, 31))
    outside = within_given(Interval(date(2030, 1, 1), None, ["'2030' reported"]), "2023", "metadata")
    assert (outside.earliest, outside.latest) == (date(2023, 1, 1), date(2023, 12, 31))
    assert "set aside" in outside.evidence[-1]
    assert within_given(Interval(None, None), "", "unknown").earliest is None


BOOKS = load_codebooks()


def _anchor_bounds(sentence: str, actors: set[str] = frozenset()) -> tuple[date | None, date | None]:
    sents = [(0, 0, len(sentence))]
    found = anchor_mentions(sentence, sents, {0: set(actors)}, anchor_matcher(BOOKS))
    iv = infer_publication(sentence, sents, found)
    return iv.earliest, iv.latest


@pytest.mark.parametrize("sentence, actors, earliest, latest", [
    # a public event reported: published on or after it
    ("Grain exports resumed under the Black Sea Grain Initiative.", (), date(2022, 7, 22), None),
    ("Since the Wagner mutiny, the Kremlin has tightened control.", (), date(2023, 6, 23), None),
    # a scheduled event looked ahead to, or in a future clause: on or before it; in a past
    # clause it may be either ("spoke ahead of the summit")
    ("The NATO minister is in Brussels ahead of the Vilnius summit.", {"NATO"}, None, date(2023, 7, 12)),
    ("Preparations for the Summit on Peace in Ukraine are under way.", (), None, date(2024, 6, 16)),
    ("NATO leaders will gather at the Vilnius summit.", {"NATO"}, None, date(2023, 7, 12)),
    ("The NATO minister spoke ahead of the Vilnius summit.", {"NATO"}, None, None),
    # an event nobody announced has happened, whatever the tense or the words around it
    ("Troops massed at the border ahead of the full-scale invasion.", (), date(2022, 2, 24), None),
    ("Putin's long-planned full-scale invasion has killed thousands.", (), date(2022, 2, 24), None),
    ("Ukraine will never forget the Bucha massacre.", (), date(2022, 4, 1), None),
    # a weekday beside a one-day event on that weekday dates the publication week
    ("Ukraine withdrew from Avdiivka on Saturday, the army said.", (), date(2024, 2, 17), date(2024, 2, 24)),
    # ... but not a weekday that is not the event's, nor one far from its name
    ("Ukraine withdrew from Avdiivka on Sunday, the army said.", (), date(2024, 2, 17), None),
    ("On Saturday, after weeks of talks with partners and long debates in parliament, officials recalled the fall "
     "of Avdiivka.", (), date(2024, 2, 17), None),
    # an event that needs an actor in its sentence
    ("The partial mobilisation drew protests.", (), None, None),
    ("Russia's partial mobilisation drew protests.", {"Russia"}, date(2022, 9, 21), None),
])
def test_anchor_events_bound_the_publication_date(sentence, actors, earliest, latest):
    assert _anchor_bounds(sentence, actors) == (earliest, latest)


def test_an_anchor_events_actor_must_be_known(tmp_path):
    import shutil

    from analysis.config.codebooks import CODEBOOK_DIR
    from analysis.errors import CodebookError

    folder = tmp_path / "books"
    folder.mkdir()
    text = (CODEBOOK_DIR / "anchor_events.yaml").read_text(encoding="utf-8").replace("requires: [Russia]",
                                                                                     "requires: [Rusia]", 1)
    (folder / "anchor_events.yaml").write_text(text, encoding="utf-8")
    shutil.copy(CODEBOOK_DIR / "actors.yaml", folder / "actors.yaml")
    with pytest.raises(CodebookError, match=r"anchor_events.yaml: entry 'unga_resolution_es_11_1': requires 'Rusia'"):
        load_codebooks(folder)


@pytest.mark.parametrize("text, flag", [
    ("NAIROBI, 2 May 2024 - Kenya said the talks ended on May 9, 2024.",
     "'May 9, 2024' is reported in the past tense, after the stated date 2024-05-02"),
    ("NAIROBI, 2 May 2024 - The summit will be held on April 20, 2024, officials said.",
     "'April 20, 2024' is announced for the future, before the stated date 2024-05-02"),
    ("NAIROBI, 2 May 2024 - Kenya said the talks ended on April 29, 2024. They will resume on May 20, 2024.", ""),
])
def test_a_dateline_the_text_contradicts_is_flagged(text, flag):
    doc = analyse_texts(text)["documents"].iloc[0]
    assert (doc.published, doc.published_basis) == ("2024-05-02", "dateline")  # flagged, still the dateline
    assert ("flagged: " + flag in doc.published_evidence) if flag else "flagged" not in doc.published_evidence


def test_the_packages_anchor_events_load_beside_a_researchers_own_actors(tmp_path):
    folder = tmp_path / "books"
    folder.mkdir()
    (folder / "actors.yaml").write_text("actors:\n  - name: Okonkwo\n    type: person\n", encoding="utf-8")
    books = load_codebooks(folder)
    assert [a.name for a in books.actors.actors] == ["Okonkwo"] and len(books.anchor_events) > 40
