"""Notebook parameters checked against the tables, with the closest values suggested."""

import pytest

from analysis.errors import ParameterError
from analysis.views.choices import as_list, one_spelling, pick

HOLDERS = ["Hun Sen", "Prak Sokhonn", "Cambodia", "Thong Meng David"]


@pytest.mark.parametrize("given, expected", [
    ([], []), ("", []), (None, []),
    ("Hun Sen", ["Hun Sen"]),                 # a string where a list of one is meant
    (["hun sen"], ["Hun Sen"]),               # case
    (["Thong Mengdavid"], ["Thong Meng David"]),  # spacing
    (("cambodia", "PRAK SOKHONN"), ["Cambodia", "Prak Sokhonn"]),
])
def test_values_as_the_tables_spell_them(given, expected):
    assert pick(given, HOLDERS, what="holders") == expected


@pytest.mark.parametrize("given, suggestion", [
    (["Hun Senn"], "did you mean 'Hun Sen'?"),
    (["Cambodja"], "did you mean 'Cambodia'?"),
    (["Nobody At All"], "(valid: Cambodia, Hun Sen, Prak Sokhonn, Thong Meng David)"),
])
def test_unknown_values_get_suggestions_and_the_valid_list(given, suggestion):
    with pytest.raises(ParameterError) as err:
        pick(given, HOLDERS, what="holders")
    assert str(err.value).startswith(f"holders: {given[0]!r} is not in these tables") and suggestion in str(err.value)


def test_spelling_variants_become_the_most_common_one():
    names = ["Thong Mengdavid", "Thong Meng David", "Thong Meng David", "Hun-Sen", "Hun Sen", "Hun Sen"]
    spelled = one_spelling(names)
    assert spelled["Thong Mengdavid"] == "Thong Meng David" and spelled["Hun-Sen"] == "Hun Sen"


def test_as_list():
    assert as_list("a") == ["a"] and as_list(("a", "b")) == ["a", "b"] and as_list(None) == []
