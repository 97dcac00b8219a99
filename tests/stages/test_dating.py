"""Publication-date bounds from what an undated article says: which clues bound it and which
do not. Sentences written for these tests."""

from datetime import date

import pandas as pd
import pytest

from analysis.stages.dating import Interval, apply_inference, complete_year, infer_publication


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
