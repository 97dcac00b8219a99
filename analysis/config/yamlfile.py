"""Reading YAML configuration and codebook files, and the checks their loaders share.

Every problem is a :class:`~analysis.errors.CodebookError` of one line naming the file,
the entry and what is wrong, so a researcher editing a copy knows exactly what to fix.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import CodebookError


class _UniqueKeys:
    """A mapping that names a key twice is an error: YAML would keep the last silently, and a
    researcher who pasted an entry twice, or meant two different keys, would never know."""

    def construct_mapping(self, node, deep=False):
        seen: dict[tuple, int] = {}
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                line = key_node.start_mark.line + 1
                if key in seen:
                    problem = f"key {key_node.value!r} given twice (first on line {seen[key]})"
                    raise yaml.MarkedYAMLError(problem=problem, problem_mark=key_node.start_mark)
                seen[key] = line
        return super().construct_mapping(node, deep=deep)


# ``yaml.safe_load``'s loader, on libyaml when PyYAML was built with it (the wheels are):
# parsing the codebooks is most of a warm run's own work, and libyaml does it ~5x faster.
class _SafeLoader(_UniqueKeys, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


# Metadata values stay the text the researcher typed: a ``published: 2022-03-02`` is the
# string, an ``id: 007`` keeps its zeros, ``country: NO`` (Norway) is not a boolean.
class _StringLoader(_UniqueKeys, getattr(yaml, "CBaseLoader", yaml.BaseLoader)):
    pass


#: Deepest nesting of lists and mappings accepted. libyaml builds nested nodes by recursion
#: in C, so a file of 100,000 "[" would crash the interpreter instead of raising an error.
MAX_DEPTH = 100

_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _structure_problem(text: str, loader) -> tuple[int, str] | None:
    """(line, problem) for the first alias or too-deep nesting, found by a pass over the
    parser's events (streamed, no recursion; a third of the cost of loading). Aliases let a
    few lines expand into millions of entries (the "billion laughs"); codebooks never need them."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1, "YAML aliases (*name) are not allowed; write the value out"
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1, f"lists and mappings nested more than {MAX_DEPTH} deep"
        elif isinstance(event, _CLOSE):
            depth -= 1
    return None


@dataclass(frozen=True)
class SourceFile:
    """A file a configuration was read from, with the SHA-256 of the bytes read."""

    path: Path
    sha256: str


def read_yaml(path: str | Path, *, strings: bool = False) -> tuple[Any, SourceFile]:
    """Parse a YAML file, turning syntax errors into one-line errors with the line number.
    Returns the data and the file's identity (its path and the hash of what was parsed).
    With ``strings``, every scalar is read as the string written (for metadata).

    A key given twice in one mapping, and anchors/aliases, are errors.
    """
    path = Path(path)
    if not path.is_file():
        raise CodebookError(f"{path}: file does not exist")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CodebookError(f"{path}: cannot read ({exc.strerror})") from None
    loader = _StringLoader if strings else _SafeLoader
    try:
        text = raw.decode("utf-8")
        problem = _structure_problem(text, loader)
        if problem is not None:
            raise CodebookError(f"{path}, line {problem[0]}: {problem[1]}")
        data = yaml.load(text, Loader=loader)
    except RecursionError:
        raise CodebookError(f"{path}: invalid YAML (nested too deeply)") from None
    except UnicodeDecodeError as exc:
        raise CodebookError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except ValueError as exc:  # PyYAML raises it for impossible dates such as 2022-13-40
        raise CodebookError(f"{path}: invalid value ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CodebookError(f"{path}{where}: invalid YAML ({problem})") from None
    return data, SourceFile(path, hashlib.sha256(raw).hexdigest())


def check(cond: bool, path: Path, entry: str, problem: str) -> None:
    """Raise ``path: entry 'entry': problem`` unless ``cond``."""
    if not cond:
        raise CodebookError(f"{path}: entry '{entry}': {problem}")


def known_fields(path: Path, where: str, entry: dict, allowed: set[str] | tuple[str, ...]) -> None:
    """A codebook entry may only use the fields its file defines (a typo is an error, not ignored)."""
    unknown = set(entry) - set(allowed)
    check(not unknown, path, where, f"unknown field(s) {', '.join(sorted(map(str, unknown)))}")


def listed(path: Path, data: object, key: str) -> list:
    """The list of entries under ``key:`` at the top of a codebook file."""
    check(isinstance(data, dict) and isinstance(data.get(key), list), path, key,
          f"the file must hold a list under '{key}:'")
    return data[key]


def str_list(value, path: Path, entry: str, *, required: bool = False) -> list[str]:
    """A list of non-empty strings (a single string is a list of one), stripped."""
    if value is None:
        value = []
    if isinstance(value, str):
        value = [value]
    check(isinstance(value, list), path, entry, "must be a list of strings")
    for i, v in enumerate(value):
        check(isinstance(v, str) and v.strip() != "", path, f"{entry}[{i}]",
              f"{v!r} is not a non-empty string (quote it: YAML reads bare no/yes/on/off as booleans)")
    check(not required or value, path, entry, "must not be empty")
    for i, v in enumerate(value):
        check_phrase(v, path, f"{entry}[{i}]")
    return [v.strip() for v in value]


def check_phrase(phrase: str, path: Path, entry: str) -> None:
    """A codebook phrase must be one the matcher runs in linear time and that is not everything."""
    check(all(w.count("*") <= 1 for w in phrase.split()), path, entry,
          f"{phrase!r}: at most one '*' in a word (several make matching slow on long words)")
    check(phrase.strip() not in ("*", "..."), path, entry, f"{phrase!r} alone would match any word")
