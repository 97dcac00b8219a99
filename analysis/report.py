"""Running the notebook suite with papermill and rendering HTML reports with nbconvert.

The runner computes the analysis tables once (``<out>/tables/*.csv``) and passes their
location to every notebook as the ``tables_dir`` parameter, so no kernel recomputes
them. Each notebook is executed into ``<out>/notebooks/`` and rendered to
``<out>/<name>.html``; ``<out>/index.html`` links every report with its status.

One failing notebook does not stop the others: its report is still rendered (with
papermill's error cells), the index marks it failed and the run exits with status 1.
"""

from __future__ import annotations

import ast
import html
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .errors import ParameterError, UserError
from .tables import build_tables, write_tables

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
KERNEL_NAME = "diplomatic-news"
#: Parameters the runner itself supplies to every notebook.
RUNNER_PARAMETERS = ("corpus", "tables_dir")


@dataclass
class NotebookResult:
    name: str
    title: str
    summary: str
    status: str = "ok"
    error: str = ""
    seconds: float = 0.0
    parameters: dict = field(default_factory=dict)


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


def declared_parameters(path: Path) -> dict[str, object]:
    """Names and default values of the notebook's ``parameters`` cell."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            values = {}
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    values[node.targets[0].id] = ast.literal_eval(node.value)
                elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
                    values[node.target.id] = ast.literal_eval(node.value)
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


def notebook_summary(path: Path) -> tuple[str, str]:
    """(title, first paragraph) of the notebook's first markdown cell."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            lines = cell.source.strip().splitlines()
            title = lines[0].lstrip("# ").strip() if lines else path.stem
            body = " ".join(line.strip() for line in lines[1:]).strip()
            return title, body.split("  ")[0]
    return path.stem, ""


_UMASK = os.umask(0o022)
os.umask(_UMASK)


def _atomic_write(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp creates 0600; reports are for readers
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def install_kernel() -> Path:
    """Install the project's kernel into this environment (``sys.prefix``).

    The kernel gets a fixed PYTHONHASHSEED so set and dict orderings, and hence the
    rendered reports, are the same on every run.
    """
    from ipykernel.kernelspec import install

    path = Path(install(kernel_name=KERNEL_NAME, display_name="Python (diplomatic-news)", prefix=sys.prefix))
    spec_file = path / "kernel.json"
    spec = json.loads(spec_file.read_text())
    spec["env"] = {**spec.get("env", {}), "PYTHONHASHSEED": "0"}
    spec_file.write_text(json.dumps(spec, indent=1, sort_keys=True) + "\n")
    return path


def kernel_name() -> str:
    """The project's kernel when installed (``make setup`` installs it), else ``python3``."""
    from jupyter_client.kernelspec import KernelSpecManager

    specs = KernelSpecManager().find_kernel_specs()
    if KERNEL_NAME in specs:
        return KERNEL_NAME
    print(f"note: kernel '{KERNEL_NAME}' is not installed (make setup installs it); using python3",
          file=sys.stderr)
    return "python3"


def render_html(nb_path: Path, *, with_code: bool) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATE_DIR)], template_name="offline")
    exporter.exclude_input = not with_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nbformat.read(nb_path, as_version=4))
    return body


def run_notebook(book: Path, out_dir: Path, parameters: dict, *, kernel: str, with_code: bool) -> NotebookResult:
    import papermill as pm

    title, summary = notebook_summary(book)
    result = NotebookResult(name=book.stem, title=title, summary=summary, parameters=parameters)
    executed = out_dir / "notebooks" / book.name
    executed.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    fd, tmp = tempfile.mkstemp(prefix=f".{book.stem}.", suffix=".ipynb", dir=executed.parent)
    os.close(fd)
    try:
        try:
            pm.execute_notebook(str(book), tmp, parameters=parameters, kernel_name=kernel,
                                cwd=str(book.parent), progress_bar=False, log_output=False)
        except pm.PapermillExecutionError as exc:
            result.status, result.error = "failed", f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}"
        os.replace(tmp, executed)
    finally:
        Path(tmp).unlink(missing_ok=True)
    _atomic_write(out_dir / f"{book.stem}.html", render_html(executed, with_code=with_code))
    result.seconds = time.perf_counter() - start
    return result


def index_html(results: list[NotebookResult], documents, *, corpus: str, overrides: dict) -> str:
    """The report index: every report, its summary and status, the corpus and parameters."""
    e = html.escape
    dates = sorted(d for d in documents["published"] if d and not d.startswith("X"))
    span = f"{dates[0]} to {dates[-1]}" if dates else "unknown"
    rows = "\n".join(
        f'<tr><td><a href="{e(r.name)}.html">{e(r.title)}</a></td><td>{e(r.summary)}</td>'
        f'<td class="{e(r.status)}">{e(r.status)}{(": " + e(r.error)) if r.error else ""}</td></tr>'
        for r in results
    )
    params = "".join(f"<li><code>{e(k)}</code> = <code>{e(repr(v))}</code></li>" for k, v in sorted(overrides.items()))
    dated = sum(1 for d in documents["published"] if d and not d.startswith("X"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Reports: {e(Path(corpus).name)}</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.4rem;vertical-align:top}}
.failed{{color:#a00;font-weight:bold}}.ok{{color:#060}}</style></head>
<body><h1>Reports</h1>
<p>Corpus <code>{e(Path(corpus).name)}</code>: {len(documents)} documents, {dated} with a known publication
date; dates from {e(span)}. Tables behind the reports: <a href="tables/">tables/</a>.</p>
<table><thead><tr><th>Report</th><th>What it shows</th><th>Status</th></tr></thead>
<tbody>
{rows}
</tbody></table>
<h2>Parameters</h2><ul>{params or "<li>notebook defaults</li>"}</ul>
</body></html>
"""


def run_suite(*, corpus: str | Path, out_dir: str | Path, only: list[str] | None = None,
              overrides: dict[str, str] | None = None, with_code: bool = False,
              notebook_dir: Path = NOTEBOOK_DIR, progress: bool = True) -> list[NotebookResult]:
    """Compute the tables, run every selected notebook, render HTML and the index."""
    overrides = overrides or {}
    books = discover(notebook_dir, only)
    if not books:
        raise UserError(f"{notebook_dir}: no notebooks (NN_name.ipynb) found")
    per_book = resolve_parameters(books, overrides)
    tables = build_tables(corpus, progress=progress)  # validates the corpus before any output
    out_dir = Path(out_dir)
    write_tables(tables, out_dir / "tables")
    kernel = kernel_name()
    results = []
    for book in books:
        if progress:
            print(f"running {book.name} ...", file=sys.stderr)
        params = {"corpus": str(Path(corpus).resolve()), "tables_dir": str((out_dir / "tables").resolve()),
                  **per_book[book]}
        declared = declared_parameters(book)
        params = {k: v for k, v in params.items() if k in declared}
        results.append(run_notebook(book, out_dir, params, kernel=kernel, with_code=with_code))
    _atomic_write(out_dir / "index.html", index_html(results, tables["documents"], corpus=str(corpus),
                                                     overrides={k: v for b in per_book.values() for k, v in b.items()}))
    return results
