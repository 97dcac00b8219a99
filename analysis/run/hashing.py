"""What a cached result depends on, as one hash: the one hashing scheme of the project.

* :func:`stage_digest`: a list of stages, from their declarations (:class:`analysis.schema.Stage`):
  each stage's name, tables and rules, the contents of the rules it reads, and its code:
  the module of its ``run`` function with every module of the package that module
  imports, directly or not (:func:`code_closure`). A change to a stage invalidates it and
  the stages after it that read what it makes, and nothing before it.
* :func:`records_digest`: the documents of a partition.
* :func:`package_digest`: the whole package (code, codebooks, templates), for reports.
* :func:`digest`: any parts, joined unambiguously.
* :func:`output_hashes`: the files a run wrote, so a warm run keeps only what is intact.

Imports are read from the source with a pattern, not by importing: finding the code of a
warm run's stages costs a few milliseconds. ``tests/test_architecture.py`` checks the
pattern against Python's own parser on every module.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..schema import Stage

PACKAGE = "analysis"
PACKAGE_DIR = Path(__file__).resolve().parents[1]
#: Files besides code that shape the results or the reports.
DATA_SUFFIXES = (".py", ".yaml", ".j2", ".json")

_FROM = re.compile(r"^[ \t]*from[ \t]+(\.+[\w.]*|analysis(?:\.[\w.]+)?)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)",
                   re.M)
_IMPORT = re.compile(r"^[ \t]*import[ \t]+(analysis(?:\.\w+)*)", re.M)


def digest(*parts: bytes | str) -> str:
    """SHA-256 of the parts, each followed by a NUL (so ("ab", "c") and ("a", "bc") differ).

    >>> digest("ab", "c") != digest("a", "bc")
    True
    """
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else p.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def output_hashes(folder: Path, patterns: Iterable[str]) -> dict[str, str]:
    """SHA-256 of each file under ``folder`` matching the glob ``patterns``, by path relative
    to it. A warm run compares these with what it recorded: an output truncated, edited or
    deleted since is rebuilt, not kept (about 1 GB/s, so a few hundred ms at most).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.csv").write_text("x")
    >>> output_hashes(folder, ["*.csv"]) == {"a.csv": hashlib.sha256(b"x").hexdigest()}
    True
    """
    files = sorted({p for pattern in patterns for p in folder.glob(pattern) if p.is_file()})
    hashes = {}
    for p in files:
        with open(p, "rb") as fh:
            hashes[p.relative_to(folder).as_posix()] = hashlib.file_digest(fh, "sha256").hexdigest()
    return hashes


# --------------------------------------------------------------------------- the package's imports

def module_path(name: str) -> Path | None:
    """The source file of a module of the package (``analysis.text.layer``), or None."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    base = PACKAGE_DIR.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def package_modules() -> list[str]:
    """Every module of the package, by name, sorted."""
    names = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        rel = path.relative_to(PACKAGE_DIR).with_suffix("")
        parts = [PACKAGE, *rel.parts]
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def _absolute(module: str, target: str) -> str:
    """``from <target> import`` inside ``module``, as an absolute module name."""
    if not target.startswith("."):
        return target
    level = len(target) - len(target.lstrip("."))
    path = module_path(module)
    package = module.split(".") if path is not None and path.name == "__init__.py" else module.split(".")[:-1]
    base = package[:len(package) - level + 1]
    rest = target.lstrip(".")
    return ".".join(base + ([rest] if rest else []))


def internal_imports(module: str, source: str | None = None) -> set[str]:
    """The package's modules that ``module`` imports, anywhere in its code (inside functions
    too). ``from P import n`` counts as importing ``P.n`` when that is a module, else ``P``."""
    if source is None:
        path = module_path(module)
        source = path.read_text(encoding="utf-8") if path else ""
    found = set()
    for m in _IMPORT.finditer(source):
        found.add(m.group(1))
    for m in _FROM.finditer(source):
        target = _absolute(module, m.group(1))
        names = [n.strip().split(" as ")[0].strip() for n in m.group(2).strip("()").replace("\\\n", " ").split(",")]
        for n in filter(None, names):
            sub = f"{target}.{n}"
            found.add(sub if module_path(sub) is not None else target)
    return {name for name in found if module_path(name) is not None and name != module}


def code_closure(modules: Iterable[str]) -> list[str]:
    """The modules, with every module of the package they import, directly or not, sorted."""
    todo, seen = list(modules), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(internal_imports(name) - seen)
    return sorted(seen)


def code_digest(modules: Iterable[str]) -> str:
    """Hash of the source of the modules and of everything they import in the package."""
    parts = []
    for name in code_closure(modules):
        parts += [name, module_path(name).read_bytes()]
    return digest(*parts)


def package_digest() -> str:
    """Hash of every code, codebook and template file of the package: a change to any of them
    invalidates the reports made with it (a notebook may call anything)."""
    files = sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix in DATA_SUFFIXES
                   and "__pycache__" not in p.parts)
    return digest(*[p.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + p.read_bytes() for p in files])


# --------------------------------------------------------------------------- what results depend on

def stage_digest(stages: Iterable[Stage], rules) -> str:
    """Hash of what the results of ``stages`` depend on besides the documents: each stage's
    declaration, its code, and the contents of the rules it reads."""
    parts = []
    for stage in stages:
        parts += [stage.name, ",".join(stage.requires), ",".join(stage.provides), ",".join(stage.updates),
                  code_digest([stage.module]), rules.digest(stage.reads)]
    return digest(*parts)


def records_digest(partition: pd.DataFrame | list[dict], version: str) -> str:
    """Hash of a partition's documents (a documents table, or raw records as read from the
    corpus; where a record was read from is not part of it) and ``version``."""
    h = hashlib.sha256(version.encode())
    if isinstance(partition, pd.DataFrame):
        cols = sorted(partition.columns)
        for row in partition[cols].astype(str).itertuples(index=False):
            h.update(json.dumps(list(row), ensure_ascii=False).encode("utf-8"))
    else:
        for rec in partition:
            content = {k: v for k, v in rec.items() if k not in ("_where", "_file")}
            h.update(json.dumps(content, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
    return h.hexdigest()[:32]
