"""The report runner: parameters checked before anything runs, notebooks through papermill."""

import io
import json
import re
from pathlib import Path

import nbformat
import pytest

from analysis.cli import main
from analysis.errors import ParameterError, UserError
from analysis.report import notebooks as report
from analysis.report.execute import Task, execute_task
from analysis.report.render import kernel_name, render_html
from analysis.run.tables import read_table

from conftest import ROOT, SUITE_PARAMETERS
from report_pages import check_pages

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: run `make strip`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_thin(path):
    """Exactly one parameters cell of literals; no function or class definitions."""
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    params = report.declared_parameters(path)
    assert {"corpus", "tables_dir"} <= set(params)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not re.search(r"^\s*(def|class) ", cell.source, re.M), f"{path.name}: logic belongs in analysis/"


@pytest.mark.parametrize("raw, default, expected", [
    ("15", 20, 15), ("0123", "abc", "0123"), ("true", False, True), ("no", True, False),
    ('["a", "b c"]', ["x"], ["a", "b c"]), ("a, b", ["x"], ["a", "b"]), ("2.5", 1.0, 2.5),
])
def test_parameters_keep_their_declared_type(raw, default, expected):
    assert report.coerce_parameter("p", raw, default, notebook="n.ipynb", valid=["p"]) == expected


@pytest.mark.parametrize("override, message", [
    ({"nonsense": "1"}, "-P nonsense: unknown parameter (valid: "),
    ({"top_n": "many"}, "parameter top_n='many' is not an integer (valid parameters: "),
    ({"corpus": "x"}, "set by the runner"),
])
def test_bad_parameters_are_rejected_before_running(override, message):
    books = report.discover(only=["00_corpus_overview"])
    with pytest.raises(ParameterError) as err:
        report.resolve_parameters(books, override)
    assert message in str(err.value)


@pytest.mark.parametrize("source, message", [
    ("top_n = 10\nlimit = 2 ** 10", "parameters cell, line 2: limit must be a literal"),
    ("terms = sorted(['b', 'a'])", "parameters cell, line 1: terms must be a literal"),
    ("x = (", "parameters cell, line 1: not valid Python"),
])
def test_a_parameters_cell_must_hold_literals(tmp_path, source, message):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source, metadata={"tags": ["parameters"]})]
    path = tmp_path / "00_x.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(UserError) as err:
        report.declared_parameters(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_unknown_notebook_name():
    with pytest.raises(ParameterError, match="unknown notebook"):
        report.discover(only=["99_nothing"])


def test_bad_parameter_on_the_command_line_writes_nothing(tmp_path, capsys, seeds_dir):
    out = tmp_path / "r"
    assert main(["report", "--corpus", str(seeds_dir), "--out", str(out), "-P", "kwic_term=x", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "unknown parameter" in err and "kwic_terms" in err
    assert not out.exists()


@pytest.mark.notebook
def test_report_runs_the_suite_on_the_seeds(seed_reports):
    out = seed_reports
    assert (out / "index.html").is_file() and (out / "00_corpus_overview.html").is_file()
    assert {"documents.csv", "sentences.csv", "stance.csv"} <= {p.name for p in (out / "tables").iterdir()}
    for book in NOTEBOOKS:
        names = [book.stem] if book.stem != "04_article" else [f"04_article__{d.stem}" for d in
                                                                 sorted((ROOT / "seeds").glob("*.txt"))]
        for name in names:
            executed = nbformat.read(out / "notebooks" / f"{name}.ipynb", as_version=4)
            errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
            assert not errors, (name, errors[:1])
            assert (out / f"{name}.html").is_file()
    # The executed notebook used the parameters it was given.
    nb = nbformat.read(out / "notebooks" / "00_corpus_overview.ipynb", as_version=4)
    assert nb.metadata.papermill.parameters["top_n"] == 8
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    text = json.dumps([o.get("data", {}).get("text/plain", "") for o in outputs])
    assert "cluster munitions" in text and "doc_id" in text
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 3
    html = (out / "00_corpus_overview.html").read_text()
    index = (out / "index.html").read_text()
    # Self-contained: nothing fetched from the network, no scripts at all; navigable.
    for page in (html, index):
        assert "<script" not in page.lower()
        assert not re.search(r"""(src|href)=["']https?://""", page)
        assert "Content-Security-Policy" in page
    assert 'href="index.html"' in html and "Contents:" in html and 'href="tables/tokens.csv"' in html
    # Each report links the tables behind it, not all of them.
    assert 'href="tables/stance.csv"' not in html
    assert 'href="tables/stance.csv"' in (out / "01_stance.html").read_text()
    assert "<title>Corpus overview: seeds</title>" in html
    assert 'href="00_corpus_overview.html"' in index and "5 documents" in index
    assert 'href="04_article__000_2a8fb597ad36a283.html"' in index
    manifest = json.loads((out / "manifest.json").read_text())
    assert set(manifest) >= {"inputs", "codebooks", "parameters", "versions", "git_commit", "reports"}
    assert all(r["status"] == "ok" for r in manifest["reports"]) and len(manifest["reports"]) == 10
    check_pages(out, "seeds")


@pytest.mark.notebook
def test_article_pages_of_the_suite_are_those_of_a_single_papermill_run(seed_reports, tmp_path):
    """The suite runs the article notebook one document after another on a kernel per
    worker, after corpus reports; each page is byte for byte the page of a papermill run of
    that one document on a kernel of its own."""
    manifest = json.loads((seed_reports / "manifest.json").read_text())
    documents = read_table(seed_reports / "tables" / "documents.csv")
    titles = dict(zip(documents["doc_id"], documents["title"]))
    book = ROOT / "notebooks" / "04_article.ipynb"
    pages = [r for r in manifest["reports"] if r["name"].startswith("04_article__")]
    for r in (pages[1], pages[-1]):  # neither the first run of its kernel, most likely
        doc_id = r["parameters"]["doc_id"]
        heading = titles[doc_id] or doc_id
        task = Task(str(book), r["name"], r["parameters"], "", doc_id, title=f"{heading} (Article)", heading=heading,
                    tables=tuple(f"{t}.csv" for t in report.tables_used(book)))
        assert execute_task(task, str(tmp_path), kernel_name(), False).status == "ok"
        assert (tmp_path / f"{r['name']}.html").read_bytes() == (seed_reports / f"{r['name']}.html").read_bytes()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium not installed (.ci/run installs Debian's chromium)")
def test_light_pages_look_as_pages_with_the_whole_lab_style_sheet(seed_reports, tmp_path):
    """The CSS a page carries is cut to the rules that can apply (about 8 KB of 260 KB): in
    Chromium, the page looks pixel for pixel as it does with the whole sheet."""
    pytest.importorskip("playwright", reason="playwright not installed (part of the test extras)")
    from PIL import Image, ImageChops
    from playwright.sync_api import sync_playwright

    names = ["01_stance", "04_article__002_13309baebbae5d13"]
    for name in names:
        executed = seed_reports / "notebooks" / f"{name}.ipynb"
        for light in (True, False):
            page = render_html(executed, with_code=name == "01_stance", tables=["stance.csv"], light=light)
            (tmp_path / f"{name}.{light}.html").write_text(page, encoding="utf-8")
        assert (tmp_path / f"{name}.True.html").stat().st_size < (tmp_path / f"{name}.False.html").stat().st_size \
            - 200_000
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=args)
        view = browser.new_page(viewport={"width": 1100, "height": 800})
        for name in names:
            shots = []
            for light in (True, False):
                view.goto((tmp_path / f"{name}.{light}.html").as_uri())
                view.wait_for_load_state("load")
                shots.append(Image.open(io.BytesIO(view.screenshot(full_page=True))).convert("RGB"))
            assert shots[0].size == shots[1].size, name
            assert ImageChops.difference(*shots).getbbox() is None, name
        browser.close()


@pytest.mark.notebook
def test_second_run_is_byte_identical_and_reuses_everything(seed_reports, seeds_dir, tmp_path):
    import hashlib

    def digest(folder):
        return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.rglob("*")) if p.suffix in (".html", ".csv")}

    first = digest(seed_reports)
    # Warm re-run in place: nothing is executed again.
    assert main(["report", "--corpus", str(seeds_dir), "--out", str(seed_reports), "--quiet", *SUITE_PARAMETERS]) == 0
    manifest = json.loads((seed_reports / "manifest.json").read_text())
    assert manifest["tables"]["cached"] and all(r["cached"] for r in manifest["reports"])
    assert digest(seed_reports) == first
    # A cold run elsewhere gives the same bytes, on one worker: every report on one kernel, each
    # after other notebooks (on two workers, which ran after which is up to the scheduler).
    other = tmp_path / "elsewhere"
    assert main(["report", "--corpus", str(seeds_dir), "--out", str(other), "--quiet", "--no-cache", "--jobs", "1",
                 *SUITE_PARAMETERS]) == 0
    assert digest(other) == first
