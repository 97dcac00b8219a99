"""Publication-date estimates against known creation dates: readers and a scorer.

The readers turn dated benchmark documents (TempEval-3 TimeML, SemEval-2015 Task 4 Wikinews
TimeML, MEANTIME CAT) into plain articles *without* their creation date (DCT): the DCT is
kept apart as the truth, and only what a page would carry (title, any date line in the
text) goes to the tool. The scorer compares the ``documents`` table's ``published`` estimate
and its interval with that truth; it is pure (no files, no pipeline), so it is tested on
hand-made tables. ``benchmarks/publication_dates.py`` runs the whole comparison.
"""

from __future__ import annotations

import json
import re
import statistics
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from ..lang.en import MONTH_NAMES, month_number
from ..run.build import build_tables
from .timeml import read_timeml

#: A full-day estimate this close to the truth counts as "within 2 days".
NEAR_DAYS = 2
#: ``published`` values: a year (or XXXX), then optional month and day (each may be XX).
ESTIMATE = re.compile(r"(?P<year>\d{4}|XXXX)(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?)?")
#: The DCT is scored only when it is a full, unambiguous day (SemEval has one "03-02-2009").
FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")
#: A Wikinews date line as it stands under the headline: "December 10, 2013", "October 7, 2008".
#: (Its own pattern, not the tool's: it counts the data's date lines independently of what is measured.)
DATE_LINE = re.compile(r"(?P<month>" + "|".join(m.capitalize() for m in MONTH_NAMES) + r")"
                       r" (?P<day>\d{1,2}), (?P<year>\d{4})")

# Detokenising Penn-style tokens: (pattern, replacement), applied in order to space-joined tokens.
_DETOKENIZE = [
    (re.compile(r"``\s*"), '"'),                                 # opening double quote sticks to the next word
    (re.compile(r"\s*''"), '"'),                                 # closing double quote to the previous one
    (re.compile(r"\s+([,.;:%?!)\]}])"), r"\1"),                  # no space before closing punctuation
    (re.compile(r"([(\[{$])\s+"), r"\1"),                        # nor after opening brackets and currency signs
    (re.compile(r"\s+(n't|'s|'re|'ve|'m|'ll|'d)\b", re.I), r"\1"),  # clitics: "it 's" -> "it's"
    (re.compile(r"`\s+"), "'"),                                  # opening single quote
]


def detokenize(text: str) -> str:
    """Space-separated tokens back to ordinary text (good enough for date finding and reading).

    >>> detokenize("March 01 , 2008")
    'March 01, 2008'
    >>> detokenize("Sugar said `` we hit a home run . '' ( EADS ) 's US$ 40 billion")
    'Sugar said "we hit a home run." (EADS)\\'s US$40 billion'
    """
    text = " ".join(text.split())
    for pattern, repl in _DETOKENIZE:
        text = pattern.sub(repl, text)
    return text


def truth_day(value: str | None) -> str:
    """The DCT as an ISO day when it is a full valid ``YYYY-MM-DD`` (a longer timestamp is cut
    to its day), else "" (not scored).

    >>> truth_day("2013-03-22"), truth_day("03-02-2009"), truth_day("2009-02-30"), truth_day(None)
    ('2013-03-22', '', '', '')
    """
    value = (value or "")[:10]
    if not FULL_DAY.fullmatch(value):
        return ""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return ""


def leading_date_line(body: str) -> str:
    """The ISO day of a Wikinews-style date line opening ``body`` ("December 10, 2013"), or "".

    >>> leading_date_line("March 01, 2008\\nNorthrop Grumman and EADS have won")
    '2008-03-01'
    >>> leading_date_line("Northrop Grumman won on March 1, 2008.")
    ''
    """
    first = body.lstrip().split("\n", 1)[0].strip()
    m = DATE_LINE.fullmatch(first)
    if not m:
        return ""
    try:
        return date(int(m["year"]), month_number(m["month"]), int(m["day"])).isoformat()
    except ValueError:
        return ""


def article(doc_id: str, title: str, body: str, dct: str) -> dict:
    """One article for the tool and its truth: the text is the title line, a blank line and the
    body, as a scraped page reads; the DCT is never written into it."""
    return {"doc_id": doc_id, "title": title, "text": f"{title}\n\n{body}" if title else body,
            "truth": truth_day(dct), "dct": dct or "", "date_line": leading_date_line(body)}


# --------------------------------------------------------------------------- readers

def read_tempeval3(path: Path) -> dict:
    """A TempEval-3 TimeML file as an article. ``read_timeml`` returns the tag-stripped
    ``<TEXT>`` only; the DCT element and ``<TITLE>`` lie outside it, so no DCT string is in
    the body (the title is added from ``<TITLE>``)."""
    body, dct, _ = read_timeml(path)
    title = " ".join((ET.parse(path).getroot().findtext("TITLE") or "").split())
    return article(path.stem, title, body.strip(), dct)


def _sentences_to_body(sentences: list[str], title: str) -> str:
    """Detokenised sentences, one a line; the first is dropped when it repeats the title (both
    Wikinews corpora open the text with the headline as sentence 0)."""
    lines = [detokenize(s) for s in sentences if s.strip()]
    if lines and lines[0] == title:
        lines = lines[1:]
    return "\n".join(lines)


def read_wikinews_tml(path: Path) -> dict:
    """A SemEval-2015 Task 4 Track A file as an article: title from ``<EXTRAINFO>``, the
    ``<s>`` sentences detokenised (the date line under the headline stays: a page carries it)."""
    root = ET.parse(path).getroot()
    dct = next((t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), "")
    title = detokenize(root.findtext("EXTRAINFO") or "")
    sentences = ["".join(s.itertext()) for s in root.find("TEXT").iter("s")]
    return article(f"semeval-{(root.findtext('DOCID') or path.stem).strip()}", title,
                   _sentences_to_body(sentences, title), dct)


def read_meantime_article(path: Path) -> dict:
    """A MEANTIME CAT file as a whole article (every sentence, unlike
    :func:`~analysis.evaluation.timeml.read_meantime`, which keeps the annotated ones):
    sentence 0 is the headline, the DCT is anchored on the date line's tokens, which stay."""
    root = ET.parse(path).getroot()
    by_sentence: dict[int, list[str]] = defaultdict(list)
    for tok in sorted(root.iter("token"), key=lambda t: int(t.get("t_id"))):
        by_sentence[int(tok.get("sentence"))].append(tok.text or "")
    sentences = [" ".join(by_sentence[k]) for k in sorted(by_sentence)]
    dct = next((t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), "")
    title = detokenize(sentences[0]) if sentences else ""
    return article(f"meantime-{root.get('doc_id') or path.stem}", title, _sentences_to_body(sentences, title), dct)


# --------------------------------------------------------------------------- scoring

def _day(value) -> date | None:
    """An ISO day, or None for anything else (empty, NA, partial, invalid)."""
    if not isinstance(value, str) or not FULL_DAY.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def granularity_bounds(published: str) -> tuple[date, date] | None:
    """The days a ``published`` value spans: a day, its month or its year; None without a
    known year (``XXXX-11-02``) or for an empty or unreadable value.

    >>> granularity_bounds("2013-02")
    (datetime.date(2013, 2, 1), datetime.date(2013, 2, 28))
    >>> granularity_bounds("XXXX-11-02") is None
    True
    """
    m = ESTIMATE.fullmatch(published or "")
    if not m or m["year"] == "XXXX":
        return None
    y = int(m["year"])
    month = m["month"] if m["month"] and m["month"] != "XX" else None
    day = m["day"] if month and m["day"] and m["day"] != "XX" else None
    try:
        if day:
            d = date(y, int(month), int(day))
            return d, d
        if month:
            mo = int(month)
            return date(y, mo, 1), date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1)
    except ValueError:
        return None
    return date(y, 1, 1), date(y, 12, 31)


def score_row(published, earliest, latest, evidence, truth: str) -> dict:
    """Every per-document figure of one estimate against the true ISO day.

    The interval is ``earliest``..``latest`` when both are given (inverted ones cover
    nothing); otherwise the span of ``published`` at its granularity. A half-open interval
    (one bound only) is no interval: it bounds nothing on one side.
    """
    published = published if isinstance(published, str) else ""
    m = ESTIMATE.fullmatch(published)
    year = m["year"] if m and m["year"] != "XXXX" else None
    month = m["month"] if m and m["month"] not in (None, "XX") else None
    day_part = m["day"] if m and month and m["day"] not in (None, "XX") else None
    t = date.fromisoformat(truth)
    full = _day(published)
    lo, hi = _day(earliest), _day(latest)
    inverted = lo is not None and hi is not None and lo > hi
    bounds = (lo, hi) if lo is not None and hi is not None else granularity_bounds(published)
    covered = bounds is not None and bounds[0] <= t <= bounds[1]
    width = (bounds[1] - bounds[0]).days + 1 if bounds is not None and not inverted else None
    has_evidence = isinstance(evidence, str) and bool(evidence.strip())
    return {
        "has_estimate": bool(published),
        "full_day": full is not None,
        "day_exact": full == t,
        "within_2_days": full is not None and abs((full - t).days) <= NEAR_DAYS,
        "month_right": bool(year and month) and published[:7] == truth[:7],
        "year_right": bool(year) and published[:4] == truth[:4],
        # A dateline without a year ("Feb 26 -") gets the month and day right or wrong on its own.
        "month_day_right": bool(month and day_part) and published[5:10] == truth[5:10],
        "has_interval": bounds is not None and not inverted,
        "covered": covered,
        "width_days": width,
        "inverted": inverted,
        "half_open": (lo is None) != (hi is None),
        "has_clue": bool(published) or lo is not None or hi is not None or has_evidence,
    }


def score_documents(docs: pd.DataFrame, truth: dict[str, str]) -> pd.DataFrame:
    """One row of figures per document of ``docs`` (a ``documents`` table) whose ``doc_id``
    has a truth; with ``doc_id``, ``published``, ``published_basis`` and ``truth``."""
    docs = docs[docs["doc_id"].isin(truth.keys())]
    rows = []
    for rec in docs.to_dict("records"):
        figures = score_row(rec.get("published"), rec.get("published_earliest"), rec.get("published_latest"),
                            rec.get("published_evidence"), truth[rec["doc_id"]])
        rows.append({"doc_id": rec["doc_id"], "published": rec.get("published") or "",
                     "published_basis": rec.get("published_basis") or "unknown",
                     "truth": truth[rec["doc_id"]], **figures})
    return pd.DataFrame(rows)


def _share(flags: pd.Series) -> float | None:
    return round(float(flags.mean()), 4) if len(flags) else None


def summarise(scored: pd.DataFrame) -> dict:
    """The corpus figures. Shares are over all scored documents unless the name says which
    documents (``..._where_clue``: the tool found any clue; ``..._dateline``: basis dateline)."""
    if scored.empty:
        return {"documents": 0}
    widths = [w for w in scored["width_days"] if w is not None and not pd.isna(w)]
    clue = scored[scored["has_clue"]]
    dateline = scored[scored["published_basis"] == "dateline"]
    clue_widths = [w for w in clue["width_days"] if w is not None and not pd.isna(w)]
    return {
        "documents": len(scored),
        "any_estimate": _share(scored["has_estimate"]),
        "day_exact": _share(scored["day_exact"]),
        "within_2_days": _share(scored["within_2_days"]),
        "month_right": _share(scored["month_right"]),
        "year_right": _share(scored["year_right"]),
        "month_day_right": _share(scored["month_day_right"]),
        "interval_coverage": _share(scored["covered"]),
        "with_interval": int(scored["has_interval"].sum()),
        "median_width_days": statistics.median(widths) if widths else None,
        "inverted_intervals": int(scored["inverted"].sum()),
        "half_open_intervals": int(scored["half_open"].sum()),
        "with_clue": len(clue),
        "interval_coverage_where_clue": _share(clue["covered"]),
        "median_width_days_where_clue": statistics.median(clue_widths) if clue_widths else None,
        "dateline_documents": len(dateline),
        "day_exact_dateline": _share(dateline["day_exact"]),
    }


def by_basis(scored: pd.DataFrame) -> dict[str, dict]:
    """Per ``published_basis``: how many documents, and the share day-exact and covered among them."""
    out = {}
    for basis, group in scored.groupby("published_basis", sort=True):
        out[str(basis)] = {"documents": len(group), "day_exact": _share(group["day_exact"]),
                           "interval_coverage": _share(group["covered"])}
    return out


# --------------------------------------------------------------------------- running a corpus

#: The public dated corpora under the benchmarks folder: (name, folder, glob, reader). Reuters,
#: which needs a sample size, is read by ``benchmarks/publication_dates.py`` only.
CORPORA = (
    ("TempEval-3 platinum", "tempeval3/te3-platinum", "*.tml", read_tempeval3),
    ("SemEval-2015 Wikinews", "semeval2015_timeline", "corpus_*/corpus_trackA_TimeML/*.tml", read_wikinews_tml),
    ("MEANTIME English", "meantime/intra-doc_annotation", "corpus_*/*.xml", read_meantime_article),
)


def corpus_articles(bench: Path, name: str) -> list[dict] | None:
    """The articles of one of ``CORPORA`` under ``bench``, or None when its folder is missing."""
    _, folder, pattern, read = next(c for c in CORPORA if c[0] == name)
    if not (bench / folder).exists():
        return None
    return [read(p) for p in sorted((bench / folder).glob(pattern))]


def score_articles(articles: list[dict], work: Path) -> tuple[dict, dict, dict]:
    """(figures, per-basis figures, data notes) of one corpus: only articles with a full-day
    truth go to the pipeline (in memory, from a JSON Lines file in ``work`` that holds no date
    of any kind)."""
    scored_articles = [a for a in articles if a["truth"]]
    docs = _documents(scored_articles, set(), work)
    scored = score_documents(docs, {a["doc_id"]: a["truth"] for a in scored_articles})
    figures = summarise(scored)
    figures["date_lines"] = sum(bool(a["date_line"]) for a in scored_articles)
    figures["date_line_disagrees"] = sum(bool(a["date_line"]) and a["date_line"] != a["truth"]
                                         for a in scored_articles)
    notes = {"read": len(articles), "not_scored_dct": sorted(a["dct"] or "(none)" for a in articles if not a["truth"])}
    return figures, by_basis(scored), notes


#: A wire dateline opening a body ("SALVADOR, Feb 26 - "), as Reuters-21578 prints it.
_WIRE_DATELINE = re.compile(r"[A-Z][A-Z .'-]{0,40}(?:, [A-Za-z .]{1,40})?, [A-Z][a-z]{2,8}\.? \d{1,2} - ")


def without_date(a: dict) -> dict:
    """The article with the date it states removed: the date line under its headline
    (Wikinews) or the wire dateline opening its body (Reuters), the title line kept.

    >>> without_date({"title": "T", "text": "T\\n\\nSALVADOR, Feb 26 - Showers continued."})["text"]
    'T\\n\\nShowers continued.'
    """
    title, sep, body = a["text"].partition("\n\n") if a["title"] and "\n\n" in a["text"] else ("", "", a["text"])
    first, _, rest = body.lstrip().partition("\n")
    if DATE_LINE.fullmatch(first.strip()):
        body = rest
    else:  # the wire's dateline opens the body, or there is none
        body = body.lstrip()
        wire = _WIRE_DATELINE.match(body)
        body = body[wire.end():] if wire else body
    return {**a, "text": f"{title}{sep}{body}", "date_line": ""}


def _documents(articles: list[dict], dated_ids: set[str], work: Path) -> pd.DataFrame:
    """The documents table of ``articles`` run through the pipeline in memory, from a JSON Lines
    file in ``work`` that holds no date except the true day of ``dated_ids``, as metadata."""
    path = Path(work) / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            rec = {"doc_id": a["doc_id"], "text": a["text"], **({"title": a["title"]} if a["title"] else {}),
                   **({"published": a["truth"]} if a["doc_id"] in dated_ids else {})}
            fh.write(json.dumps(rec) + "\n")
    return build_tables(path)["documents"]


def _build_and_score(articles: list[dict], dated_ids: set[str], work: Path) -> pd.DataFrame:
    """The undated articles' figures; ``dated_ids`` go in with their true day as metadata."""
    docs = _documents(articles, dated_ids, work)
    scored = score_documents(docs, {a["doc_id"]: a["truth"] for a in articles if a["doc_id"] not in dated_ids})
    evidence = dict(zip(docs["doc_id"], docs["published_evidence"]))
    scored["by_corpus"] = [("corpus: " in (evidence.get(d) or "")) for d in scored["doc_id"]]
    return scored


def score_cross_dating(articles: list[dict], work: Path) -> dict[str, dict]:
    """The rest of the corpus as evidence (:mod:`analysis.stages.corpus_dating`), measured on a
    dated corpus: every second article (in ``doc_id`` order) keeps its true day, as metadata;
    the others lose the date they state (:func:`without_date`) and are dated alone, then beside
    the dated half. Returns the undated half's figures in both runs (``alone``,
    ``with_corpus``), with ``narrowed``: how many intervals the corpus narrowed."""
    usable = sorted((a for a in articles if a["truth"]), key=lambda a: a["doc_id"])
    dated, undated = usable[0::2], [without_date(a) for a in usable[1::2]]
    ids = {a["doc_id"] for a in dated}
    out = {}
    for name, run in (("alone", undated), ("with_corpus", dated + undated)):
        scored = _build_and_score(run, ids, work)
        out[name] = {**summarise(scored), "narrowed": int(scored["by_corpus"].sum())}
    return out


def publication_date_table(bench: Path, names: list[str] | None = None) -> pd.DataFrame:
    """The headline figures of the publication-date benchmark, one row per corpus found under
    ``bench`` (for the validation notebook; ``benchmarks/publication_dates.py`` prints all)."""
    rows = []
    for name, *_ in CORPORA:
        if names is not None and name not in names:
            continue
        articles = corpus_articles(bench, name)
        if articles is None:
            continue
        with tempfile.TemporaryDirectory(prefix="published-") as work:
            f, _, _ = score_articles(articles, Path(work))
        rows.append({"corpus": name, "documents": f["documents"], "day_exact": f["day_exact"],
                     "day_exact_dateline": f["day_exact_dateline"], "interval_coverage": f["interval_coverage"],
                     "median_width_days": f["median_width_days"], "inverted_intervals": f["inverted_intervals"]})
    return pd.DataFrame(rows)
