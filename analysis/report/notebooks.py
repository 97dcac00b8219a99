"""The notebooks the runner knows: which there are, their parameters, their summary.

Notebooks are ``NN_name.ipynb`` files with one cell tagged ``parameters`` holding literals.
``-P name=value`` overrides are checked against those cells before anything runs, and
converted to the type of the notebook's default.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from ..errors import ParameterError, UserError
from ..paths import NOTEBOOK_DIR

#: Parameters the runner itself supplies to every notebook.
RUNNER_PARAMETERS = ("corpus", "tables_dir")


def discover(notebook_dir: Path = NOTEBOOK_DIR, only: list[str] | None = None) -> list[Path]:
    """Numbered notebooks (``NN_name.ipynb``) in order; ``only`` filters by name or stem."""
    books = sorted(p for p in Path(notebook_dir).glob("[0-9][0-9]_*.ipynb"))
    if only:
        wanted = {o.removesuffix(".ipynb") for o in only}
        known = {p.stem for p in books} | {p.stem[3:] for p in books}
        unknown = sorted(wanted - known)
        if unknown:
            raise ParameterError(f"--only: unknown notebook(s) {', '.join(unknown)} "
                                 f"(valid: {', '.join(p.stem for p in books)})")
        books = [p for p in books if p.stem in wanted or p.stem[3:] in wanted]
    return books


def _cells(path: Path) -> list[dict]:
    """The notebook's cells as plain JSON (nbformat's validator costs a second to import;
    reading the parameters does not need it)."""
    try:
        cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError) as exc:
        raise UserError(f"{path}: not a readable notebook ({exc})") from None
    for c in cells:
        if isinstance(c.get("source"), list):
            c["source"] = "".join(c["source"])
    return cells


def declared_parameters(path: Path) -> dict[str, object]:
    """Names and default values of the notebook's ``parameters`` cell."""
    for cell in _cells(path):
        if cell["cell_type"] == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            try:
                body = ast.parse(cell["source"]).body
            except SyntaxError as exc:
                raise UserError(f"{path}: parameters cell, line {exc.lineno}: not valid Python ({exc.msg})") from None
            values = {}
            for node in body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    name, value = node.targets[0].id, node.value
                elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
                    name, value = node.target.id, node.value
                else:
                    continue
                try:  # literals only: the cell is read without running it, and checked against overrides
                    values[name] = ast.literal_eval(value)
                except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                    raise UserError(f"{path}: parameters cell, line {node.lineno}: {name} must be a literal "
                                    "(a string, number, list or None), not an expression") from None
            return values
    raise UserError(f"{path}: no cell tagged 'parameters'")


def coerce_parameter(name: str, raw: str, default: object, *, notebook: str, valid: list[str]) -> object:
    """Turn a ``-P name=value`` string into the type of the notebook's default.

    Strings stay strings (``0123`` is not turned into ``123``); lists accept JSON
    (``["a","b"]``) or comma-separated values.

    >>> coerce_parameter("top_n", "15", 20, notebook="n", valid=[])
    15
    >>> coerce_parameter("doc_id", "0123", "x", notebook="n", valid=[])
    '0123'
    """
    def bad(expected: str) -> ParameterError:
        return ParameterError(f"{notebook}: parameter {name}={raw!r} is not {expected} "
                              f"(valid parameters: {', '.join(valid)})")
    if isinstance(default, bool):
        low = raw.strip().lower()
        if low in ("true", "1", "yes"):
            return True
        if low in ("false", "0", "no"):
            return False
        raise bad("a boolean (true/false)")
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            raise bad("an integer") from None
    if isinstance(default, float):
        try:
            return float(raw)
        except ValueError:
            raise bad("a number") from None
    if isinstance(default, list):
        text = raw.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except json.JSONDecodeError:
                raise bad("a JSON list") from None
            if not isinstance(value, list):
                raise bad("a list")
            return value
        return [v.strip() for v in text.split(",") if v.strip()]
    return raw


def resolve_parameters(books: list[Path], overrides: dict[str, str]) -> dict[Path, dict]:
    """Validate ``-P`` overrides against every selected notebook before anything runs.

    A name must be declared by at least one notebook; it is passed to those that declare it.
    """
    declared = {book: declared_parameters(book) for book in books}
    all_names = sorted({n for d in declared.values() for n in d} - set(RUNNER_PARAMETERS))
    for name in overrides:
        if name in RUNNER_PARAMETERS:
            raise ParameterError(f"-P {name}: set by the runner; use --corpus / --out instead")
        if not any(name in d for d in declared.values()):
            raise ParameterError(f"-P {name}: unknown parameter (valid: {', '.join(all_names) or 'none'})")
    resolved = {}
    for book, params in declared.items():
        valid = sorted(params)
        resolved[book] = {name: coerce_parameter(name, raw, params[name], notebook=book.name, valid=valid)
                          for name, raw in overrides.items() if name in params}
    return resolved


_TABLE_USE = re.compile(r"""tables\[\s*["'](\w+)["']\s*\]""")


def tables_used(path: Path) -> list[str]:
    """The tables a notebook reads (``tables["stance"]`` in its code), in first-use order."""
    names = [m.group(1) for c in _cells(path) if c["cell_type"] == "code" for m in _TABLE_USE.finditer(c["source"])]
    return list(dict.fromkeys(names))


def notebook_summary(path: Path) -> tuple[str, str]:
    """(title, first paragraph) of the notebook's first markdown cell."""
    for cell in _cells(path):
        if cell["cell_type"] == "markdown":
            lines = cell["source"].strip().splitlines()
            title = lines[0].lstrip("# ").strip() if lines else path.stem
            body = " ".join(line.strip() for line in lines[1:]).strip()
            return title, body.split("  ")[0]
    return path.stem, ""
