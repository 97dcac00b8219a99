"""Notebook parameters checked against what the tables hold, with the closest valid values
suggested: a typo or the wrong case gets a one-line answer, not a pandas error.

>>> pick(["hun sen"], ["Hun Sen", "Prak Sokhonn"], what="holders")
['Hun Sen']
>>> pick("Prak Sokhonn", ["Hun Sen", "Prak Sokhonn"], what="holders")
['Prak Sokhonn']
>>> pick(["Hun Senn"], ["Hun Sen", "Prak Sokhonn"], what="holders")  # doctest: +ELLIPSIS
Traceback (most recent call last):
analysis.errors.ParameterError: holders: 'Hun Senn' is not in these tables; did you mean 'Hun Sen'? (valid: ...)
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from ..errors import ParameterError

#: At most this many valid values are listed in an error message.
LISTED = 25


def as_list(value: object) -> list:
    """A parameter meant as a list: a string is a list of one, nothing is an empty list."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def _key(text: str) -> str:
    """What two spellings of one name share: case, spaces and hyphens aside."""
    return re.sub(r"[\s\-‐‑–]+", "", str(text)).casefold()


def one_spelling(names: Iterable[str]) -> dict[str, str]:
    """Names that differ only in case, spaces or hyphens ("Thong Meng David", "Thong Mengdavid"),
    mapped to the spelling seen most often (the first seen among equals).

    >>> one_spelling(["Thong Mengdavid", "Thong Meng David", "Thong Meng David", "Hun Sen"])["Thong Mengdavid"]
    'Thong Meng David'
    """
    names = [str(n) for n in names]
    counts: dict[str, dict[str, int]] = {}
    for n in names:
        counts.setdefault(_key(n), {}).setdefault(n, 0)
        counts[_key(n)][n] += 1
    best = {k: max(v.items(), key=lambda kv: kv[1])[0] for k, v in counts.items()}
    return {n: best[_key(n)] for n in dict.fromkeys(names)}


def pick(given: object, valid: Iterable[str], *, what: str, among: str = "these tables") -> list[str]:
    """The values asked for, as they are spelled in the tables: an exact value, or one that
    differs only in case, spaces or hyphens. Anything else is a ParameterError naming the
    closest valid values and listing the valid ones."""
    valid = sorted({str(v) for v in valid})
    by_key: dict[str, str] = {}
    for v in valid:
        by_key.setdefault(_key(v), v)
    chosen = []
    for value in as_list(given):
        value = str(value)
        if value in valid:
            chosen.append(value)
        elif _key(value) in by_key:
            chosen.append(by_key[_key(value)])
        else:
            raise ParameterError(_unknown(value, valid, what, among))
    return chosen


def pick_one(given: str, valid: Iterable[str], *, what: str, among: str = "these tables") -> str:
    """One value (see :func:`pick`)."""
    chosen = pick(given, valid, what=what, among=among)
    if len(chosen) != 1:
        raise ParameterError(f"{what}: give one value, not {len(chosen)}")
    return chosen[0]


def _unknown(value: str, valid: list[str], what: str, among: str) -> str:
    if not valid:
        return f"{what}: {value!r} is not in {among}, which hold none"
    close = difflib.get_close_matches(value, valid, n=3, cutoff=0.6) or \
        difflib.get_close_matches(value.casefold(), [v.casefold() for v in valid], n=3, cutoff=0.6)
    close = [next(v for v in valid if v.casefold() == c) if c not in valid else c for c in close]
    listed = ", ".join(valid[:LISTED]) + (f", ... ({len(valid)} in all)" if len(valid) > LISTED else "")
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return f"{what}: {value!r} is not in {among}{hint} (valid: {listed})"
