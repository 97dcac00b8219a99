"""Directed stance and event coding on public gold data: DSE and the PLOVER gold standard records.

* **DSE** (Park, Pan & Joo 2021, "Who blames or endorses whom?"): news sentences with two
  bracketed entities ``p`` and ``q`` and a label: 0 neutral, 1 p positive toward q, 2 q
  positive toward p, 3 p negative toward q, 4 q negative toward p. A stance finding
  ``holder -> target`` gives the label of the pair it covers (support 1/2, oppose 3/4);
  no finding between the pair is 0.
* **PLOVER gold standard records** (Open Event Data Alliance): one sentence per record
  with its source and target actors and the PLOVER category. A record is right when one
  finding has the category, a holder that is one of the sources and a target that is one
  of the targets (any target when the record names none).

An entity "is" a holder or target when a mention of that actor in the sentence overlaps the
entity's characters, so a pronoun or a title resolved to the actor counts, and a name
matched inside the entity ("Trump" in "Donald Trump") counts too; or when the actor's
name, normalised, equals the entity's text or its ISO code. Both sets are scored one
sentence per document: no article context, as in the benchmarks themselves.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import UserError
from .metrics import prf

DSE_LABELS = ("neutral", "pos p->q", "pos q->p", "neg p->q", "neg q->p")
#: PLOVER's verbal categories (the ones a stance layer can be scored on).
VERBAL = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION")
_BRACKET = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def _unbracket(marked: str) -> tuple[str, list[Span]]:
    """The sentence without its entity brackets, and the bracketed spans in it.

    >>> _unbracket("[Trump] blamed [China]s trade.")
    ('Trump blamed Chinas trade.', [Span(start=0, end=5, text='Trump'), Span(start=13, end=18, text='China')])
    """
    out, spans, pos = [], [], 0
    length = 0
    for m in _BRACKET.finditer(marked):
        out.append(marked[pos:m.start()])
        length += m.start() - pos
        spans.append(Span(length, length + len(m.group(1)), m.group(1)))
        out.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def read_dse(path: str | Path) -> pd.DataFrame:
    """A DSE split: ``doc_id, text, p, q, p_spans, q_spans, label`` (spans as lists of Span).
    A line that is not four tab-separated fields with a 0-4 label is an error naming it: a
    benchmark scored on part of its data would say nothing of it."""
    rows = []
    for i, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[3].strip() not in ("0", "1", "2", "3", "4"):
            raise UserError(f"{path}, line {i + 1}: expected sentence, entity, entity and a label 0-4, "
                            f"tab-separated")
        marked, p, q, label = parts
        text, spans = _unbracket(marked)
        rows.append((f"dse{i:05d}", text, p.strip(), q.strip(), [s for s in spans if s.text.strip() == p.strip()],
                     [s for s in spans if s.text.strip() == q.strip()], int(label)))
    return pd.DataFrame(rows, columns=["doc_id", "text", "p", "q", "p_spans", "q_spans", "label"])


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def _names_of(mentions: pd.DataFrame) -> dict[str, list[tuple[int, int, str]]]:
    """doc_id -> (start, end, canonical) of every actor mention."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    actors = mentions[mentions["kind"] == "actor"]
    for d, s, e, c in zip(actors["doc_id"], actors["char_start"], actors["char_end"], actors["canonical"]):
        out.setdefault(d, []).append((s, e, c))
    return out


def is_entity(name: str, spans: list[Span], entity: str, mentions: list[tuple[int, int, str]],
              codes: frozenset[str] = frozenset()) -> bool:
    """Whether the actor ``name`` is the gold entity (see the module docstring).

    >>> is_entity("Donald Trump", [Span(0, 5, "Trump")], "Trump", [(0, 5, "Donald Trump")])
    True
    >>> is_entity("China", [Span(0, 5, "Trump")], "Trump", [(0, 5, "Donald Trump"), (13, 18, "China")])
    False
    """
    if name in codes:
        return True
    n, e = _norm(name), _norm(entity)
    if n and (n == e or (len(n.split()) == 1 and n in e.split()) or (len(e.split()) == 1 and e in n.split())):
        return True
    return any(c == name and s < sp.end and sp.start < e_ for s, e_, c in mentions for sp in spans)


def holds(holder: str, affiliation: str, spans: list[Span], entity: str,
          mentions: list[tuple[int, int, str]]) -> bool:
    """Whether the gold entity is the holder or the state the holder speaks for.

    >>> ms = [(0, 7, "Turkey"), (18, 32, "Tayyip Erdogan")]
    >>> holds("Tayyip Erdogan", "Turkey", [Span(0, 7, "Turkish")], "Turkish", ms)
    True
    >>> holds("Tayyip Erdogan", "", [Span(0, 7, "Turkish")], "Turkish", ms)
    False
    """
    return is_entity(holder, spans, entity, mentions) or (
        bool(affiliation) and affiliation != holder and is_entity(affiliation, spans, entity, mentions))


def dse_predictions(items: pd.DataFrame, stance: pd.DataFrame, mentions: pd.DataFrame) -> pd.Series:
    """The predicted DSE label of every item from the stance table of its sentence."""
    names = _names_of(mentions)
    by_doc = {d: g for d, g in stance.groupby("doc_id")}
    labels = []
    for row in items.itertuples(index=False):
        found = by_doc.get(row.doc_id)
        label = 0
        if found is not None:
            ms = names.get(row.doc_id, [])
            for h, aff, t, st in zip(found["holder"], found["holder_affiliation"], found["target"], found["stance"]):
                if st not in ("support", "oppose"):
                    continue
                # A holder stands for the state it speaks for, as in PLOVER's scoring: "Turkish
                # President Tayyip Erdogan blames Gulen" is the Turkish side's blame.
                if holds(h, aff, row.p_spans, row.p, ms) and is_entity(t, row.q_spans, row.q, ms):
                    label = 1 if st == "support" else 3
                elif holds(h, aff, row.q_spans, row.q, ms) and is_entity(t, row.p_spans, row.p, ms):
                    label = 2 if st == "support" else 4
                if label:
                    break
        labels.append(label)
    return pd.Series(labels, index=items.index, name="predicted")


def dse_scores(gold: pd.Series, predicted: pd.Series) -> dict:
    """5-class macro-F1, per-class F1, and directed polarity precision/recall (labels 1-4)."""
    per_class = {}
    for k, name in enumerate(DSE_LABELS):
        tp = int(((gold == k) & (predicted == k)).sum())
        fp = int(((gold != k) & (predicted == k)).sum())
        fn = int(((gold == k) & (predicted != k)).sum())
        per_class[name] = prf(tp, fp, fn)[2]
    nonzero_pred, nonzero_gold = predicted != 0, gold != 0
    right = int(((predicted == gold) & nonzero_pred).sum())
    p, r, f = prf(right, int(nonzero_pred.sum()) - right, int(nonzero_gold.sum()) - right)
    return {"items": len(gold), "macro_f1": round(sum(per_class.values()) / len(per_class), 4),
            "directed_precision": p, "directed_recall": r, "directed_f1": f,
            "predicted_directed": int(nonzero_pred.sum()), "gold_directed": int(nonzero_gold.sum()),
            "per_class_f1": per_class}


# --------------------------------------------------------------------------- PLOVER

def read_plover(path: str | Path, categories: tuple[str, ...] = VERBAL) -> pd.DataFrame:
    """PLOVER gold records of ``categories``: ``doc_id, text, event, sources, targets``;
    sources and targets are lists of (actor text, code)."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))

    def actors(field) -> list[tuple[str, str]]:
        return [(a.get("actorText", ""), a.get("code", "")) for a in field] if isinstance(field, list) else []

    rows = [(r["id"], r["text"], r["event"], actors(r.get("source")), actors(r.get("target")))
            for r in records if r.get("event") in categories]
    return pd.DataFrame(rows, columns=["doc_id", "text", "event", "sources", "targets"])


def _spans(text: str, actor_text: str) -> list[Span]:
    if not actor_text:
        return []
    return [Span(m.start(), m.end(), actor_text) for m in re.finditer(re.escape(actor_text), text)]


def plover_scores(records: pd.DataFrame, stance: pd.DataFrame, mentions: pd.DataFrame,
                  iso3: dict[str, str]) -> tuple[dict, pd.DataFrame]:
    """Source + target + category accuracy, and the precision of the findings' categories.

    ``iso3``: canonical state name -> ISO 3166 alpha-3 code, so that "Great Britain" coded
    GBR is the holder "United Kingdom". Returns the figures and one row per record."""
    names = _names_of(mentions)
    by_doc = {d: g for d, g in stance.groupby("doc_id")}
    rows = []
    for r in records.itertuples(index=False):
        found = by_doc.get(r.doc_id)
        ms = names.get(r.doc_id, [])
        right_actors = right_all = right_event = False
        if found is not None:
            for h, aff, t, to, cat in zip(found["holder"], found["holder_affiliation"], found["target"],
                                          found["addressee"], found["plover"]):
                src = any(is_entity(h, _spans(r.text, a), a, ms, frozenset({c}) if c and iso3.get(h) == c else
                                    frozenset()) or (c and iso3.get(aff) == c) for a, c in r.sources)
                # The target of a demand is its addressee ("demanded that the US cancel ...").
                tar = not r.targets or any(is_entity(x, _spans(r.text, a), a, ms, frozenset({c}) if c and
                                                     iso3.get(x) == c else frozenset())
                                           for a, c in r.targets for x in (t, to) if x)
                right_event |= cat == r.event
                right_actors |= src and tar
                right_all |= src and tar and cat == r.event
        rows.append((r.doc_id, r.event, found is not None, right_event, right_actors, right_all,
                     "; ".join(sorted(set(found["plover"]))) if found is not None else ""))
    per = pd.DataFrame(rows, columns=["doc_id", "event", "coded", "category_right", "actors_right", "all_right",
                                      "predicted"])
    coded_events = stance[stance["doc_id"].isin(records["doc_id"])]
    gold_event = dict(zip(records["doc_id"], records["event"]))
    category_precision = float((coded_events["plover"] == coded_events["doc_id"].map(gold_event)).mean()) \
        if len(coded_events) else 0.0
    return {"records": len(per), "accuracy": round(float(per["all_right"].mean()), 4),
            "coded": round(float(per["coded"].mean()), 4),
            "category_recall": round(float(per["category_right"].mean()), 4),
            "finding_category_precision": round(category_precision, 4),
            "findings": len(coded_events)}, per


# --------------------------------------------------------------------------- running the coder on them

def code_sentences(docs: pd.DataFrame, books) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stance and mention tables of ``docs`` (``doc_id``, ``text``), one sentence each."""
    from ..stages.mentions import analyse_documents, mention_tables
    from ..stages.stance import stance_table
    from ..text.layer import text_layer

    docs = docs[["doc_id", "text"]]
    layer = text_layer(docs)
    analysed = analyse_documents(docs, layer["sentences"], books)
    return stance_table(docs, layer["sentences"], books, analysed=analysed), \
        mention_tables(docs, analysed)["mentions"]


def state_codes(books) -> dict[str, str]:
    """Canonical state name -> ISO 3166 alpha-3, from the actor index's own code table."""
    from ..stages.mentions import actor_index

    return {state.name: iso for iso, state in actor_index(books).by_iso3.items()}


def dse_benchmark(path: str | Path, books, *, limit: int = 0) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    """Scores on a DSE split, the items with their predicted label, and the stance table."""
    items = read_dse(path)
    if limit:
        items = items.head(limit)
    stance, mentions = code_sentences(items, books)
    items = items.assign(predicted=dse_predictions(items, stance, mentions))
    return dse_scores(items["label"], items["predicted"]), items, stance


def plover_benchmark(path: str | Path, books) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    """Scores on PLOVER gold records (verbal categories), one row per record, and the stance table."""
    records = read_plover(path)
    stance, mentions = code_sentences(records, books)
    scores, per = plover_scores(records, stance, mentions, state_codes(books))
    per = per.merge(records[["doc_id", "text"]], on="doc_id")
    per["accuracy_by_category"] = per.groupby("event")["all_right"].transform("mean")
    return scores, per, stance


# --------------------------------------------------------------------------- hand-checks

def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a share k/n.

    >>> [round(x, 3) for x in wilson(41, 100)]
    [0.319, 0.508]
    """
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return centre - half, centre + half


def handcheck_summary(folder: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The hand-checks in ``folder`` (``*_pass*.csv``, see ``docs/handcheck/README.md``): per file,
    the share of findings right on holder, target, stance and all three, with the Wilson interval
    of the last; and the error types of every file."""
    rows, errors = [], []
    # in the order of their numbers: pass 9 before pass 10
    for path in sorted(Path(folder).glob("*_pass*.csv"),
                       key=lambda p: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", p.stem)]):
        df = pd.read_csv(path)
        yes = {c: df[c].astype(str).str.lower().isin(["yes", "true"]) for c in ("holder_ok", "target_ok", "stance_ok",
                                                                              "all_ok")}
        k, n = int(yes["all_ok"].sum()), len(df)
        low, high = wilson(k, n)
        rows.append((path.stem, n, *(round(float(yes[c].mean()), 3) for c in ("holder_ok", "target_ok", "stance_ok")),
                     round(k / n, 3) if n else 0.0, f"{low:.2f}-{high:.2f}"))
        for err, count in df.loc[~yes["all_ok"], "error_type"].value_counts().items():
            errors.append((path.stem, err, int(count)))
    return (pd.DataFrame(rows, columns=["check", "findings", "holder", "target", "stance", "all_right", "interval_95"]),
            pd.DataFrame(errors, columns=["check", "error_type", "findings"]))


STANCE_BENCHMARKS = ("DSE valid", "PLOVER development")


def public_stance_tables(bench: str | Path, which, books) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """The validation report's figures on the public stance data under ``bench`` (``which`` of
    :data:`STANCE_BENCHMARKS`): one row per measure, the PLOVER accuracy per category, and a
    line for each data set asked for but not found."""
    bench = Path(bench)
    rows, missing, per_category = [], [], pd.DataFrame(columns=["event", "records", "right"])
    dse_file, gsr = bench / "dse" / "valid.txt", bench / "plover_gsr" / "gsr_dev.json"
    if "DSE valid" in which:
        if dse_file.exists():
            s, _, _ = dse_benchmark(dse_file, books)
            rows += [("DSE valid", f"{s['items']} sentences", "5-class macro-F1", s["macro_f1"]),
                     ("DSE valid", "", "directed precision", s["directed_precision"]),
                     ("DSE valid", "", "directed recall", s["directed_recall"])]
        else:
            missing.append(f"DSE data not found at {dse_file}: not scored.")
    if "PLOVER development" in which:
        if gsr.exists():
            p, per, _ = plover_benchmark(gsr, books)
            rows += [("PLOVER development half", f"{p['records']} records", "source + target + category",
                      p["accuracy"]),
                     ("PLOVER development half", "", "category precision of findings", p["finding_category_precision"]),
                     ("PLOVER development half", "", "records with any finding", p["coded"])]
            per_category = per.groupby("event")["all_right"].agg(records="size", right="mean").round(3).reset_index()
        else:
            missing.append(f"PLOVER records not found at {gsr}: not scored.")
    return pd.DataFrame(rows, columns=["data", "size", "measure", "value"]), per_category, missing
