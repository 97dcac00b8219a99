"""The private NLTK data folder: built offline, owner-only, activated before a model loads."""

import re
import stat
from pathlib import Path

import nltk
import pytest

from analysis.errors import UserError
from analysis.lang import resources
from analysis.text.tone import tone_analyzer

from conftest import SEEDS, shared_path

ROOT = Path(__file__).resolve().parents[2]


def test_folder_is_built_and_private():
    assert resources.is_built()
    for path in [resources.DATA_DIR, *resources.DATA_DIR.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is accessible to others: {oct(mode)}"
    assert (resources.DATA_DIR / resources.PUNKT_DIR / "abbrev_types.txt").is_file()
    assert (resources.DATA_DIR / resources.VADER_ZIP).is_file()


def test_nltk_uses_the_project_data():
    assert nltk.data.path[0] == str(resources.DATA_DIR.resolve())
    assert nltk.sent_tokenize("Dr. Smith went to the U.S. on Jan. 5. He left.") == [
        "Dr. Smith went to the U.S. on Jan. 5.", "He left."]
    assert nltk.word_tokenize("We don't agree.") == ["We", "do", "n't", "agree", "."]


def test_vader_loads_from_the_project_lexicon():
    from nltk.sentiment import SentimentIntensityAnalyzer

    scores = SentimentIntensityAnalyzer().polarity_scores("a great and wonderful day")
    assert scores["compound"] > 0.5
    assert tone_analyzer().polarity_scores("a terrible war")["compound"] < 0


def test_build_is_deterministic(tmp_path):
    a = resources.build(tmp_path / "a")
    b = resources.build(tmp_path / "b")
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    resources.activate()  # back to the project's folder


def test_missing_resource_names_resource_and_command(monkeypatch, tmp_path):
    monkeypatch.setattr(resources, "DATA_DIR", tmp_path / "empty")
    with pytest.raises(UserError) as err:
        resources.require(resources.PUNKT_DIR)
    assert "tokenizers/punkt_tab/english" in str(err.value)
    assert "python -m analysis setup" in str(err.value)


def test_stopwords_come_from_a_package():
    words = resources.stopwords()
    assert {"the", "and", "of"} <= words
    assert "ukraine" not in words


def test_no_code_path_downloads():
    pattern = re.compile(r"nltk\.download\s*\(|from nltk import download")
    for path in [*ROOT.glob("analysis/**/*.py"), *ROOT.glob("benchmarks/*.py"), *ROOT.glob("notebooks/*.ipynb")]:
        assert not pattern.search(path.read_text(encoding="utf-8")), path


SENTENCE_CASES = [
    "Dr. Smith went to the U.S. on Jan. 5. He left.", "Wait... what?! Really!! “Yes.” (No.) [Maybe.]",
    "Prices rose 3.5 per cent. Mr. Ng said so. 'Fine,' she said.", "A.B.C. Corp. said -- again -- no. Then left",
    "Ends with an initial J. Then: 1. two; 2. three.", "", "...", "«Non.» Il a dit. ‘Ok.’",
]


def _plain_punkt():
    from nltk.tokenize.punkt import PunktTokenizer

    resources.require(resources.PUNKT_DIR)
    return PunktTokenizer("english")


@pytest.mark.parametrize("text", SENTENCE_CASES)
def test_punkt_without_the_timer_gives_nltks_sentences(text):
    assert list(resources.sentence_tokenizer().span_tokenize(text)) == list(_plain_punkt().span_tokenize(text))


def _same_spans(texts):
    plain, ours = _plain_punkt(), resources.sentence_tokenizer()
    assert [list(ours.span_tokenize(t)) for t in texts] == [list(plain.span_tokenize(t)) for t in texts]


def test_punkt_without_the_timer_on_the_seeds():
    _same_spans([p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))])


def test_punkt_without_the_timer_on_un_speeches():
    files = sorted(shared_path("benchmarks", "un_general_debate").rglob("*.txt"))[::25]
    _same_spans([p.read_text(encoding="utf-8", errors="replace") for p in files])
