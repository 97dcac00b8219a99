"""Reading Reuters-21578 (Distribution 1.0) from ../shared/benchmarks with the standard library.

The collection is cited, not copied: see ../shared/benchmarks/reuters21578/PROVENANCE.md.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "reuters21578"
_STORY = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "DATELINE", "BODY")}
# Control characters written as entities (&#2;, &#3;, ...) mark story start/end; they are not text.
_CONTROL = re.compile(r"&#(?:[0-8]|1[0-9]|2[0-9]|3[01]|127);")


def _field(name: str, story: str) -> str:
    m = _FIELD[name].search(story)
    return html.unescape(_CONTROL.sub("", m.group(1))).strip() if m else ""


def read_stories(folder: Path = SHARED, limit: int | None = None) -> list[dict]:
    """Stories with a BODY, as dicts: doc_id, date, title, text (dateline + body)."""
    stories = []
    for path in sorted(folder.glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for m in _STORY.finditer(raw):
            body = _field("BODY", m.group(2))
            if not body:
                continue
            dateline = _field("DATELINE", m.group(2))
            stories.append({
                "doc_id": f"reuters-{int(m.group(1)):05d}",
                "date": _field("DATE", m.group(2)),
                "title": _field("TITLE", m.group(2)),
                "text": f"{dateline} {body}".strip() if dateline else body,
            })
            if limit and len(stories) >= limit:
                return stories
    return stories
