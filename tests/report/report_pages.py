"""What every rendered page must be, whatever the corpus: escaped once, no table cut short,
a real title and a heading (read by test_corpus_matrix.py and test_report.py)."""

import re
from html.parser import HTMLParser
from pathlib import Path


class _Text(HTMLParser):
    """Visible text of a page, its <title> and its first <h1>."""

    def __init__(self):
        super().__init__()
        self.parts, self.title, self.h1 = [], "", ""
        self._where = ""  # "title", "h1" while inside them; "skip" inside style and script
        self._h1_done = False

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._where = "skip"
        elif tag == "title":
            self._where = "title"
        elif tag == "h1" and not self._h1_done:
            self._where = "h1"

    def handle_endtag(self, tag):
        if tag == "h1" and self._where == "h1":
            self._h1_done = True
        if tag in ("style", "script", "title", "h1"):
            self._where = ""

    def handle_data(self, data):
        if self._where == "skip":
            return
        if self._where == "title":
            self.title += data
        elif self._where == "h1":
            self.h1 += data
        self.parts.append(data)


def page_text(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def check_pages(out: Path, name: str) -> None:
    for page in sorted(out.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        for double in ("&amp;#x27;", "&amp;amp;", "&amp;lt;", "&amp;gt;", "&amp;quot;", "&amp;#39;"):
            assert double not in html, (name, page.name, double)
        assert not re.search(r"\d+ rows × \d+ columns", html), (name, page.name, "a pandas-truncated table")
        assert "<td>...</td>" not in html, (name, page.name, "a pandas-truncated table")
        parsed = page_text(page)
        assert parsed.title.strip() and parsed.title.strip() not in ("Notebook", "Untitled"), (name, page.name)
        if page.name != "index.html":
            assert parsed.h1, (name, page.name, "no heading")
