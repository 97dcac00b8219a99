"""Report runs over time: a warm run redoes only what changed or is not as written, a failing
notebook stops no other, the log is a line per step."""

import json

import nbformat
import pytest

from analysis.cli import main
from analysis.report.render import kernel_name

from conftest import ROOT


@pytest.mark.notebook
def test_changing_one_article_reruns_only_what_depends_on_it(seeds_dir, tmp_path):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    out = tmp_path / "out"
    args = ["report", "--corpus", str(corpus), "--out", str(out), "--quiet", "--jobs", "1", "--only", "04_article",
            "00_corpus_overview"]
    assert main(args) == 0
    path = corpus / "004_8ccc33888f31d3ad.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA new closing paragraph.\n", encoding="utf-8")
    assert main(args) == 0
    rerun = {r["name"] for r in json.loads((out / "manifest.json").read_text())["reports"] if not r["cached"]}
    assert rerun == {"00_corpus_overview", "04_article__004_8ccc33888f31d3ad"}


@pytest.mark.notebook
def test_a_warm_run_remakes_outputs_that_are_not_as_written(seeds_dir, tmp_path, capfd):
    out = tmp_path / "out"
    args = ["report", "--corpus", str(seeds_dir), "--out", str(out), "--quiet", "--jobs", "1", "--only",
            "00_corpus_overview", "03_timeline"]
    assert main(args) == 0
    assert capfd.readouterr().err == ""  # --quiet: not a line, though tables and two notebooks were made
    pages = {p.name: p.read_bytes() for p in out.glob("*.html")}
    copy = (out / "spreadsheet" / "documents.csv").read_bytes()
    (out / "03_timeline.html").write_bytes(pages["03_timeline.html"][:100])
    (out / "spreadsheet" / "documents.csv").write_text("edited", encoding="utf-8")
    (out / "tables" / "sentences.csv").unlink()
    (out / "notebooks" / "03_timeline.log").write_text("from a run alone, before", encoding="utf-8")
    assert main(args) == 0
    assert not (out / "notebooks" / "03_timeline.log").exists()  # this run's log is kernels.log
    manifest = json.loads((out / "manifest.json").read_text())
    assert {r["name"] for r in manifest["reports"] if not r["cached"]} == {"03_timeline"}
    assert not manifest["tables"]["cached"] and (out / "tables" / "sentences.csv").exists()
    assert {p.name: p.read_bytes() for p in out.glob("*.html")} == pages
    assert (out / "spreadsheet" / "documents.csv").read_bytes() == copy


@pytest.mark.notebook
def test_a_failing_notebook_does_not_stop_the_others(tmp_path, seeds_dir, capsys):
    import shutil

    books = tmp_path / "books"
    books.mkdir()
    shutil.copy(ROOT / "notebooks" / "00_corpus_overview.ipynb", books)
    bad = nbformat.read(ROOT / "notebooks" / "00_corpus_overview.ipynb", as_version=4)
    bad.cells.insert(3, nbformat.v4.new_code_cell("raise RuntimeError('deliberate failure')"))
    nbformat.write(bad, books / "01_broken.ipynb")
    out = tmp_path / "out"
    code = main(["report", "--corpus", str(seeds_dir), "--out", str(out), "--quiet", "--notebooks", str(books)])
    assert code == 1
    err = capsys.readouterr().err
    assert "notebook 01_broken failed at cell" in err and "deliberate failure" in err
    index = (out / "index.html").read_text()
    assert 'class="failed"' in index and 'class="ok"' in index
    broken = (out / "01_broken.html").read_text()
    assert "deliberate failure" in broken  # rendered with papermill's error cells
    assert (out / "00_corpus_overview.html").is_file()
    assert not list(out.glob(".*.html")) and not list((out / "notebooks").glob(".*"))  # no half-written files


@pytest.mark.notebook
def test_notebook_runs_unchanged_as_in_jupyterlab(tmp_path):
    """No parameters injected: the notebook computes the tables from its default corpus."""
    import papermill as pm

    book = ROOT / "notebooks" / "00_corpus_overview.ipynb"
    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(book), str(out), kernel_name=kernel_name(), cwd=str(book.parent),
                        progress_bar=False)
    nb = nbformat.read(out, as_version=4)
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


@pytest.mark.notebook
def test_the_log_is_a_line_per_step(tmp_path, seeds_dir, capfd):
    """No kernel transport warning, no interrupt noise, no progress bar in a log (standard
    error is not a terminal here): one line for the tables, one per corpus notebook and one per
    tenth of the article pages (--quiet, nothing at all: see the warm-run test)."""
    out = tmp_path / "out"
    assert main(["report", "--corpus", str(seeds_dir), "--out", str(out), "--only", "00_corpus_overview",
                 "04_article", "--max-articles", "2", "--jobs", "2"]) == 0
    err = capfd.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines[0].startswith("tables: 5 documents in 1 partition(s)")
    assert sorted(line.split(":")[0].strip() for line in lines[2:]) == ["00_corpus_overview", "article pages",
                                                                         "article pages"]
    pages = [line.strip() for line in lines if "article pages" in line]
    assert pages == ["article pages: 1 of 2", "article pages: 2 of 2"]
    # The index lists every article, with its page or why it has none.
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "2 of 5 articles have a page; 3 have none (over --max-articles 2)" in index
    assert index.count("no page: over --max-articles 2") == 3 and index.count('href="04_article__') == 2
    for noise in ("without encryption", "KeyboardInterrupt", "partition [", "\r"):
        assert noise not in err
