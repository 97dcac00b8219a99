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

#: ``yaml.safe_load``'s loader, on libyaml when PyYAML was built with it (the wheels are):
#: parsing the codebooks is most of a warm run's own work, and libyaml does it ~5x faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SourceFile:
    """A file a configuration was read from, with the SHA-256 of the bytes read."""

    path: Path
    sha256: str


def read_yaml(path: str | Path) -> tuple[Any, SourceFile]:
    """Parse a YAML file, turning syntax errors into one-line errors with the line number.
    Returns the data and the file's identity (its path and the hash of what was parsed)."""
    path = Path(path)
    if not path.is_file():
        raise CodebookError(f"{path}: file does not exist")
    raw = path.read_bytes()
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_SAFE_LOADER)
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
    return [v.strip() for v in value]
