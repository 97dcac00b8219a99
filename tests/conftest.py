from __future__ import annotations

from pathlib import Path

import pytest

import analysis  # noqa: F401  (points NLTK at the project's data folder)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_documents():
    return analysis.load(SEEDS)


@pytest.fixture(scope="session")
def seed_layer(seed_documents):
    return analysis.text_layer(seed_documents)


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
