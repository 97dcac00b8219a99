"""From an executed notebook to a report page, and the project's Jupyter kernel.

The page is made reproducible and navigable before it is rendered: cell ids and volatile
metadata fixed, a table of contents after the title, the tables behind the report linked
at the end. The ``offline`` template (``analysis/templates/offline``) loads nothing from the
network and carries a Content-Security-Policy that allows no script.

nbformat, nbconvert and Jupyter's kernel specs are imported where they are used: together
they take three seconds to import, and a warm report run (every report reused) needs none.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

from ..present.safe import md
from .css import light_page

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "templates"
KERNEL_NAME = "diplomatic-news"


def install_kernel() -> Path:
    """Install the project's kernel into this environment (``sys.prefix``).

    The kernel gets a fixed PYTHONHASHSEED so set and dict orderings, and hence the
    rendered reports, are the same on every run.
    """
    from ipykernel.kernelspec import install  # only `python -m analysis setup` installs a kernel

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


def prepare_for_reading(nb, *, tables: list[str], title: str = "", heading: str = "") -> None:
    """Make an executed notebook reproducible and navigable before rendering: cell ids
    and volatile metadata fixed, the page's title (``<title>``) and, for a page about one
    document, its heading (the first ``# `` line) set, a table of contents after the heading,
    the CSV tables behind the report linked at the end."""
    import nbformat

    executed = 0
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.get("execution_count"):
            # The kernel's count runs on over a kernel shared by several runs: counted per run.
            executed += 1
            cell["execution_count"] = executed
        for output in cell.get("outputs", []):
            if "execution_count" in output:
                output["execution_count"] = cell.get("execution_count")
            # A NUL from an article is a parse error in HTML: show it as U+FFFD, as browsers would.
            for mime, value in output.get("data", {}).items():
                if isinstance(value, str) and "\x00" in value:
                    output["data"][mime] = value.replace("\x00", "\ufffd")
            if isinstance(output.get("text"), str) and "\x00" in output["text"]:
                output["text"] = output["text"].replace("\x00", "\ufffd")
    nb.metadata.pop("papermill", None)
    if title:
        nb.metadata["title"] = title
    if heading:
        first = next((c for c in nb.cells if c.cell_type == "markdown"), None)
        if first is not None:
            lines = first.source.splitlines()
            at = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
            if at is not None:
                lines[at] = f"# {md(heading)}"
                first.source = "\n".join(lines)
    headings = [line[3:].strip() for c in nb.cells if c.cell_type == "markdown"
                for line in c.source.splitlines() if line.startswith("## ")]
    if headings:
        toc = "**Contents:** " + " · ".join(f"[{h}](#{_slug(h)})" for h in headings)
        first_md = next((i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"), 0)
        nb.cells.insert(first_md + 1, nbformat.v4.new_markdown_cell(toc, id="cell-toc"))
    if tables:
        links = ", ".join(f"[{t}](tables/{t}) ([spreadsheet copy](spreadsheet/{t}))" for t in tables)
        nb.cells.append(nbformat.v4.new_markdown_cell(
            f"---\nTables behind this report (CSV, with document ids, sentence ids and character offsets): {links}. "
            "Open the spreadsheet copies in Excel or LibreOffice: a cell of article text that starts with "
            "= + - or @ is shown there as text, never run as a formula. [All reports](index.html).",
            id="cell-tables"))


def render_html(nb_path: Path, *, with_code: bool, tables: list[str] = (), title: str = "", heading: str = "",
                light: bool = True) -> str:
    """An executed notebook as one self-contained HTML page (the offline template), with the
    style sheet cut to the rules the page uses (:func:`analysis.report.css.light_page`)
    unless ``light`` is false."""
    import nbformat

    nb = nbformat.read(nb_path, as_version=4)
    prepare_for_reading(nb, tables=list(tables), title=title, heading=heading)
    body, _ = _exporter(with_code).from_notebook_node(nb)
    return light_page(body) if light else body


def warm_up(*, with_code: bool) -> None:
    """Make what the first page of a process needs before it is needed (a report worker
    does this while the tables are made): the exporter with its compiled templates."""
    _exporter(with_code)


@functools.lru_cache(maxsize=2)
def _exporter(with_code: bool):
    """The HTML exporter, made once per process: its templates are compiled when it is made,
    which is three quarters of the time a page takes (0.1 s of 0.13 s for an article page)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATE_DIR)], template_name="offline")
    exporter.exclude_input = not with_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter
