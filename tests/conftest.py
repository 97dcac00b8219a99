from __future__ import annotations

from pathlib import Path

import pytest

import analysis

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

# Tests call nltk.sent_tokenize and friends directly too: NLTK's data is the project's.
analysis.activate_nltk_data()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_documents():
    return analysis.load(SEEDS)


@pytest.fixture(scope="session")
def seed_layer(seed_documents):
    return analysis.text_layer(seed_documents)


@pytest.fixture(scope="session")
def codebooks():
    """The package's codebooks (a test that edits codebooks loads its own copy)."""
    return analysis.load_codebooks()


@pytest.fixture(scope="session")
def seed_mentions(seed_documents, seed_layer, codebooks):
    from analysis.stages.mentions import analyse_documents

    return analyse_documents(seed_documents, seed_layer["sentences"], codebooks)


def analyse_texts(*texts: str, published: str = "", codebooks=None) -> dict:
    """Every per-document table of documents ``d0``, ``d1``, ... holding ``texts`` (events not
    merged), with the package's codebooks unless given."""
    import pandas as pd

    from analysis.config import load_rules
    from analysis.run.partition import analyse_partition
    from analysis.text.corpus import documents_table

    rules = load_rules()
    if codebooks is not None:
        rules = type(rules)(rules.corpus_config, codebooks)
    records = [{"doc_id": f"d{i}", "text": t, "published": published, "_where": f"text {i}"}
               for i, t in enumerate(texts)]
    documents = documents_table(records, rules.corpus_config)
    assert isinstance(documents, pd.DataFrame)
    return analyse_partition(documents, rules)


#: The seed suite's parameters in the tests: the public benchmarks of 05 are scored by a test of
#: their own (test_report.py), not in every suite run.
SUITE_PARAMETERS = ("-P", 'kwic_terms=["cluster munitions", "neutral*"]', "-P", "top_n=8",
                    "-P", "stance_benchmarks=[]", "-P", "date_benchmarks=[]", "-P", "news_item_sets=[]")


@pytest.fixture(scope="session")
def seed_reports(tmp_path_factory, seeds_dir):
    """The report suite rendered once on the seeds (read by several test modules)."""
    from analysis.cli import main

    out = tmp_path_factory.mktemp("reports") / "reports"
    code = main(["report", "--corpus", str(seeds_dir), "--out", str(out), "--quiet", "--jobs", "2", *SUITE_PARAMETERS])
    assert code == 0
    return out


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a message saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"benchmark data not available: {path} (the shared/ folder sits beside the project)")
    return path


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


@pytest.fixture(autouse=True, scope="session")
def _no_downloads():
    """Any call to NLTK's downloader during the tests is a failure: no network at run time."""
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError(f"nltk.download called with {args} {kwargs}")

    original = nltk.download
    nltk.download = refuse
    yield
    nltk.download = original
