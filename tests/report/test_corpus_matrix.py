"""Every notebook on every shape of corpus a researcher brings: each renders with status ok,
and no page shows double-escaped text, a truncated table or a generic title."""

import json

import pytest

from analysis.cli import main

from conftest import SHARED, write
from report_pages import check_pages, page_text

# News-like texts written for these tests (none from the seeds).
TEXTS = {
    "jakarta": ("Jakarta, 25 January 2023 – Indonesia urged both parties to return to negotiations, "
                "Foreign Minister Retno Marsudi said on Tuesday.\n\n"
                "“We will not send weapons to anyone,” she said. Indonesia has always respected the UN Charter."),
    "hanoi": ("Vietnam remains neutral in the conflict, a ministry spokeswoman said.\n\n"
              "Hanoi welcomed the ceasefire talks last week and called for dialogue."),
    "delhi": ("India abstained from the UN resolution on Thursday. Officials in New Delhi said the country "
              "supports a peaceful settlement.\n\nThe talks will resume next month."),
    "manila": ("The Philippines condemned the attack on civilians. President Ferdinand Marcos Jr. said the "
               "annexation violates international law.\n\nManila thanked Japan for its humanitarian assistance."),
}
UNDATED = {
    "one": "Kenya supports the peace talks. The minister said dialogue is the only way.",
    "two": "Brazil will not side with either party, the foreign ministry said in a statement.",
}
NO_STANCE = {"weather": "The weather was mild across the region. Rain is expected in the north."}
#: A title meant to break escaping: quotes, ampersand, markup, Markdown, backticks, emoji.
AWKWARD_TITLE = "Thailand's \"neutral\" stance & <b>ASEAN</b> *unity* _now_ #1 `code` 🌏 [link](x) https://example.org"


def _folder_awkward(root):
    # Also the undated shape: files carry no date, and only one text has a dateline.
    folder = root / "awkward"
    for name, text in zip(["speech 1, UN (2024)", "Déclaration d'Hanoï", "notes #3 & more", "Thailand’s view",
                           "undated one", "undated two"], [*TEXTS.values(), *UNDATED.values()]):
        write(folder / f"{name}.txt", text)
    return folder, []


def _csv_custom(root):
    path = root / "papers.csv"
    rows = ["id,headline,body,newspaper,date"] + [
        f'{k},"{k.title()} report","{t.replace(chr(34), chr(34) * 2)}",Daily {k},2023-0{i + 1}-1{i}'
        for i, (k, t) in enumerate(TEXTS.items())]
    write(path, "\n".join(rows) + "\n")
    return path, ["--text-column", "body", "--id-column", "id"]


def _jsonl(root):
    path = root / "c.jsonl"
    records = [{"doc_id": f"j{i}", "title": AWKWARD_TITLE if i == 0 else f"Report {i}", "source": "Wire & Co",
                "url": "https://news.example.org/a?b=1&c=2", "text": t, "published": "2024-02-0" + str(i + 1)}
               for i, t in enumerate(TEXTS.values())]
    write(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path, []


def _one_document_no_stance(root):
    # One shape for three edge cases: a corpus of one document, with no finding and no date at all.
    return write(root / "single" / "only.txt", NO_STANCE["weather"]), []


# The seeds' suite is rendered and checked by test_report.py (its seed_reports fixture): not again here.
CORPORA = {"awkward-file-names": _folder_awkward, "csv-custom-columns": _csv_custom, "jsonl": _jsonl,
           "one-document-no-stance": _one_document_no_stance}


_RENDERED: dict[str, tuple] = {}


def _render(name: str, tmp_path_factory, request) -> tuple:
    """The suite rendered on one corpus, once per test run."""
    if name not in _RENDERED:
        # One worker: every notebook on one kernel (the parallel path has tests of its own).
        root = tmp_path_factory.mktemp(name)
        corpus, extra = CORPORA[name](root)
        out = root / "reports"
        # The public benchmarks in 05 do not depend on the corpus: scored on one corpus only (the
        # stance data; the dates' corpora are slower and scored by the publication-date tests).
        benchmarks = [] if name == "jsonl" else ["-P", "stance_benchmarks=[]", "-P", "news_item_sets=[]"]
        code = main(["report", "--corpus", str(corpus), "--out", str(out), "--quiet", "--jobs", "1",
                     "--max-articles", "1", "-P", "date_benchmarks=[]", *benchmarks, *extra])
        _RENDERED[name] = (name, code, out)
    return _RENDERED[name]


@pytest.fixture(params=sorted(CORPORA))
def rendered(request, tmp_path_factory):
    return _render(request.param, tmp_path_factory, request)


@pytest.mark.notebook
def test_every_notebook_renders(rendered):
    name, code, out = rendered
    manifest = json.loads((out / "manifest.json").read_text())
    failed = [(r["name"], r["error"]) for r in manifest["reports"] if r["status"] != "ok"]
    assert code == 0 and not failed, (name, failed)
    assert {r["name"].split("__")[0] for r in manifest["reports"]} >= {
        "00_corpus_overview", "01_stance", "02_framing", "03_timeline", "04_article", "05_validation"}


@pytest.mark.notebook
def test_pages_are_escaped_once_complete_and_named(rendered):
    name, _, out = rendered
    check_pages(out, name)


@pytest.mark.notebook
def test_a_title_full_of_markup_reads_as_written(tmp_path_factory, request):
    _, _, out = _render("jsonl", tmp_path_factory, request)
    article = next(out.glob("04_article__j0.html"))
    parsed = page_text(article)
    assert parsed.h1.strip().rstrip("¶") == AWKWARD_TITLE  # nbconvert adds a ¶ anchor to headings
    assert parsed.title.strip().startswith(AWKWARD_TITLE)
    text = "".join(parsed.parts)
    assert AWKWARD_TITLE in text
    index = page_text(out / "index.html")
    assert AWKWARD_TITLE in "".join(index.parts)
    html = article.read_text(encoding="utf-8")
    assert "<b>ASEAN</b>" not in html and 'href="https://example.org"' not in html
    assert 'href="https://news.example.org/a?b=1&amp;c=2"' in html  # the document's own URL, the one link


@pytest.mark.notebook
def test_file_names_become_safe_ids_and_stay_known(tmp_path_factory, request):
    _, _, out = _render("awkward-file-names", tmp_path_factory, request)
    docs = (out / "tables" / "documents.csv").read_text(encoding="utf-8")
    assert "speech-1-UN-2024" in docs and "speech 1, UN (2024).txt" in docs
    assert "Declaration-d-Hanoi" in docs and "Déclaration d'Hanoï.txt" in docs


@pytest.mark.notebook
def test_the_validation_page_scores_the_public_stance_data(tmp_path_factory, request):
    """05 scores DSE and the PLOVER records when ../shared holds them, says so when not, and
    lists the hand-checks of docs/handcheck."""
    _, _, out = _render("jsonl", tmp_path_factory, request)
    page = (out / "05_validation.html").read_text(encoding="utf-8")
    bench = SHARED / "benchmarks"
    if (bench / "dse" / "valid.txt").exists() and (bench / "plover_gsr" / "gsr_dev.json").exists():
        assert "5-class macro-F1" in page and "source + target + category" in page and "AGREE" in page
    else:
        assert "not scored" in page
    assert "un2023_pass1" in page and "news_dev" in page
