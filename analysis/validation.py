"""Accuracy of the coding against gold data: precision, recall, F1, agreement.

Used by the tests (which guard the figures) and by ``notebooks/05_validation.ipynb``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "gold"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where undefined).

    >>> prf(8, 2, 2)
    (0.8, 0.8, 0.8)
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def match_sets(predicted: pd.DataFrame, gold: pd.DataFrame, keys: list[str]) -> dict[str, set]:
    """True positives, false positives and false negatives as sets of key tuples."""
    pred = set(map(tuple, predicted[keys].astype(str).drop_duplicates().to_numpy()))
    true = set(map(tuple, gold[keys].astype(str).drop_duplicates().to_numpy()))
    return {"tp": pred & true, "fp": pred - true, "fn": true - pred}


def score(predicted: pd.DataFrame, gold: pd.DataFrame, keys: list[str], *, by: str | None = None) -> pd.DataFrame:
    """Precision/recall/F1 of ``predicted`` against ``gold`` on exact ``keys`` tuples,
    overall and (with ``by``, a column in ``keys``) per value of ``by``."""
    rows = []
    groups = [("all", predicted, gold)]
    if by:
        values = sorted(set(gold[by].astype(str)) | set(predicted[by].astype(str)))
        groups += [(v, predicted[predicted[by].astype(str) == v], gold[gold[by].astype(str) == v]) for v in values]
    for name, p, g in groups:
        m = match_sets(p, g, keys)
        tp, fp, fn = len(m["tp"]), len(m["fp"]), len(m["fn"])
        rows.append((name, tp, fp, fn, *prf(tp, fp, fn)))
    return pd.DataFrame(rows, columns=["subset", "tp", "fp", "fn", "precision", "recall", "f1"])


STANCE_KEYS = ["doc_id", "sentence_id", "holder", "target", "stance"]


def stance_gold(path: Path | None = None) -> pd.DataFrame:
    return pd.read_csv(path or GOLD_DIR / "stance_seeds.csv", dtype={"sentence_id": int})


def stance_scores(stance: pd.DataFrame, gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """Triples (sentence, holder, target, stance) scored overall and per stance label."""
    gold = stance_gold() if gold is None else gold
    return score(stance, gold, STANCE_KEYS, by="stance")


def stance_errors(stance: pd.DataFrame, gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every false positive and false negative, for error analysis."""
    gold = stance_gold() if gold is None else gold
    m = match_sets(stance, gold, STANCE_KEYS)
    rows = [("false_positive", *k) for k in sorted(m["fp"])] + [("false_negative", *k) for k in sorted(m["fn"])]
    return pd.DataFrame(rows, columns=["error", *STANCE_KEYS])


# --------------------------------------------------------------------------- tone (VADER)

SHARED_BENCHMARKS = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
#: Hutto & Gilbert (2014), Table 4, NYT editorials: VADER's published Pearson r and 3-class F1.
VADER_PUBLISHED_NYT = {"pearson_r": 0.492, "f1": 0.55}
#: The paper's class thresholds on normalised scores in [-1, 1].
TONE_THRESHOLD = 0.05


def _classes(values: pd.Series) -> pd.Series:
    """VADER's convention: >= 0.05 positive, <= -0.05 negative, neutral between."""
    out = pd.Series("neutral", index=values.index)
    out[values >= TONE_THRESHOLD - 1e-12] = "positive"
    out[values <= -TONE_THRESHOLD + 1e-12] = "negative"
    return out


def vader_nyt_scores(path: Path | None = None) -> dict:
    """Score the project's VADER (:mod:`analysis.tone`, NLTK's scores) on the human-rated NYT editorial sentences.

    Returns Pearson r against the mean rating, and precision/recall/F1 over the three
    classes (ratings divided by 4 and compound scores both cut at +-0.05), macro and
    weighted by class size. Raises FileNotFoundError when the benchmark data are absent.
    """
    from .tone import tone_analyzer

    path = path or SHARED_BENCHMARKS / "vader" / "nytEditorialSnippets_GroundTruth.txt"
    rows = [line.split("\t", 2) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = pd.DataFrame(rows, columns=["id", "rating", "text"])
    gold["rating"] = gold["rating"].astype(float)
    sia = tone_analyzer()
    gold["compound"] = gold["text"].map(lambda t: sia.polarity_scores(t)["compound"])
    r = float(gold["rating"].corr(gold["compound"]))
    true, pred = _classes(gold["rating"] / 4), _classes(gold["compound"])
    per_class = {}
    for label in ("negative", "neutral", "positive"):
        tp = int(((pred == label) & (true == label)).sum())
        fp = int(((pred == label) & (true != label)).sum())
        fn = int(((pred != label) & (true == label)).sum())
        per_class[label] = (*prf(tp, fp, fn), int((true == label).sum()))
    n = len(gold)
    macro = [round(sum(v[i] for v in per_class.values()) / 3, 4) for i in range(3)]
    weighted = [round(sum(v[i] * v[3] for v in per_class.values()) / n, 4) for i in range(3)]
    return {"sentences": n, "pearson_r": round(r, 4), "macro": dict(zip(("precision", "recall", "f1"), macro)),
            "weighted": dict(zip(("precision", "recall", "f1"), weighted)), "per_class": per_class,
            "accuracy": round(float((true == pred).mean()), 4), "published": VADER_PUBLISHED_NYT}


# --------------------------------------------------------------------------- temporal expressions

def read_timeml(path: Path) -> tuple[str, str, list[tuple[int, int, str, str]]]:
    """(text, DCT value, gold [(start, end, type, value)]) of one TimeML file; offsets into the
    tag-stripped <TEXT> content."""
    import re as _re
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    dct = next((t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), "")
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold = []

    def walk(el):
        # An element's tail belongs to its parent's text, so the parent appends it.
        if el.tag == "TIMEX3":
            start = sum(map(len, parts))
            inner = "".join(el.itertext())
            parts.append(inner)
            gold.append((start, start + len(inner), el.get("type"), el.get("value")))
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(text_el)
    return "".join(parts), dct, gold


def tag_text(text: str, dct_value: str) -> list:
    """Run the temporal tagger over a text, sentence by sentence, against a DCT value."""
    from .resources import sentence_tokenizer
    from .timexes import find_timexes, parse_dct

    dct = parse_dct(dct_value[:10] if dct_value else "")
    out = []
    for s, e in sentence_tokenizer().span_tokenize(text):
        out += find_timexes(text[s:e], dct=dct, offset=s)
    return out


def timex_scores(pairs: list[tuple[list, list]]) -> dict:
    """TempEval-3 scoring over documents: ``pairs`` of (gold [(s, e, type, value)], system [Timex]).

    Relaxed match: extents overlap; strict: identical extents. Value F1 counts a gold timex
    when it is matched (relaxed) and the values are identical (as the official scorer does).
    """
    n_gold = n_sys = relaxed = strict = value_ok = type_ok = 0
    for gold, system in pairs:
        n_gold += len(gold)
        n_sys += len(system)
        used = set()
        for gs, ge, gtype, gvalue in gold:
            match = next((i for i, t in enumerate(system) if i not in used and t.start < ge and gs < t.end), None)
            if match is None:
                continue
            used.add(match)
            t = system[match]
            relaxed += 1
            strict += int(t.start == gs and t.end == ge)
            value_ok += int(t.value == gvalue)
            type_ok += int(t.type == gtype)

    def f(k):
        return prf(k, n_sys - k, n_gold - k)
    return {"gold": n_gold, "system": n_sys, "relaxed": dict(zip(("precision", "recall", "f1"), f(relaxed))),
            "strict": dict(zip(("precision", "recall", "f1"), f(strict))),
            "value": dict(zip(("precision", "recall", "f1"), f(value_ok))),
            "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0}


def tempeval3_scores(folder: Path | None = None) -> dict:
    folder = folder or SHARED_BENCHMARKS / "tempeval3" / "te3-platinum"
    pairs = []
    for path in sorted(folder.glob("*.tml")):
        text, dct, gold = read_timeml(path)
        pairs.append((gold, tag_text(text, dct)))
    return {"documents": len(pairs), **timex_scores(pairs)}


#: MEANTIME annotates the title and the first sentences only (token attribute sentence <= 5).
MEANTIME_ANNOTATED_SENTENCES = 5


def read_meantime(path: Path) -> tuple[str, str, list[tuple[int, int, str, str]], tuple[int, int]]:
    """(text, DCT value, gold timexes, DCT span) of one MEANTIME CAT file, restricted to the
    annotated sentences. Tokens are joined with single spaces (none before closing
    punctuation), sentences with newlines."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    pos, last_sentence = 0, None
    for tok in root.iter("token"):
        if int(tok.get("sentence")) > MEANTIME_ANNOTATED_SENTENCES:
            continue
        word = tok.text or ""
        sep = ""
        if parts:
            sep = "\n" if tok.get("sentence") != last_sentence else ("" if word in {",", ".", ";", ":", "'s", ")", "%",
                                                                                     "?", "!"} else " ")
        parts.append(sep + word)
        pos += len(sep)
        spans[tok.get("t_id")] = (pos, pos + len(word))
        pos += len(word)
        last_sentence = tok.get("sentence")
    dct, gold, dct_span = "", [], (-1, -1)
    for t in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in t.findall("token_anchor") if a.get("t_id") in spans]
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = t.get("value") or ""
            if ids:
                dct_span = (spans[ids[0]][0], spans[ids[-1]][1])
            continue
        if not ids:
            continue
        gold.append((spans[ids[0]][0], spans[ids[-1]][1], t.get("type"), t.get("value")))
    return "".join(parts), dct, gold, dct_span


def meantime_scores(folder: Path | None = None) -> dict:
    """Extent and value scores on MEANTIME (English), with value accuracy over matched timexes."""
    folder = folder or SHARED_BENCHMARKS / "meantime" / "intra-doc_annotation"
    pairs = []
    for path in sorted(folder.glob("corpus_*/*.xml")):
        text, dct, gold, (ds, de) = read_meantime(path)
        system = [t for t in tag_text(text, dct) if not (t.start < de and ds < t.end)]  # the DCT itself
        pairs.append((gold, system))
    scores = timex_scores(pairs)
    matched = round(scores["relaxed"]["recall"] * scores["gold"])
    correct = round(scores["value"]["recall"] * scores["gold"])
    scores["value_accuracy"] = round(correct / matched, 4) if matched else 0.0
    return {"documents": len(pairs), **scores}


def seed_tables(corpus: str | Path = "", tables_dir: str | Path = "") -> dict:
    """The tables of the seed articles, which the gold data describe: read from ``tables_dir``
    when the report is being made for the seeds, computed otherwise."""
    from .tables import build_tables, read_tables

    seeds = GOLD_DIR.parent.parent / "seeds"
    if tables_dir and corpus and Path(corpus).resolve() == seeds.resolve():
        return read_tables(tables_dir, lazy=True)
    return build_tables(seeds)
