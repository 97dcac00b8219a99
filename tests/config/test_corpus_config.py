"""The corpus configuration is validated on load, with errors naming file and entry."""

import pytest

from analysis.config import load_corpus_config
from analysis.errors import CodebookError

from conftest import write


def test_default_config_loads():
    cfg = load_corpus_config()
    assert "related news" in cfg.footer_markers
    assert "against" not in cfg.stopwords and "the" in cfg.stopwords


@pytest.mark.parametrize("text, message", [
    ("navigation: [1, 2]\n", "entry 'navigation': must be a mapping"),
    ("footer_markers: related\n", "entry 'footer_markers': must be a list"),
    ("headline: {max_words: 0}\n", "entry 'headline.max_words': must be an integer >= 1"),
    ("colour: red\n", "entry 'colour': unknown key"),
    ("stopwords: {keep: [no]}\n", "entry 'stopwords.keep[0]': False is not a word"),
    ("stopwords: {language: klingon}\n", "no stop-word list for 'klingon'"),
    ("navigation: {separators: ['|'\n", "line 2: invalid YAML"),
])
def test_bad_config_entries(tmp_path, text, message):
    path = write(tmp_path / "corpus.yaml", text)
    with pytest.raises(CodebookError) as err:
        load_corpus_config(path)
    assert str(path) in str(err.value) and message in str(err.value)
