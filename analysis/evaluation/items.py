"""Recall of the clear stance items of a news corpus, as an annotator lists them.

A gold file (CSV) has one row per item: ``doc`` (a document id, or the start of one),
``sentence`` (an exact piece of the sentence that carries it), ``holder`` (an actor, or
``Full Name|Actor`` for a person speaking for an actor), ``target`` (an actor, an issue label,
or ``other: ...`` for what no codebook names), ``stance`` (support, oppose, neutral) and
``kind`` (quote, reported, author). An item is found when a finding in a sentence that the
piece overlaps has the stance, the target (actor name or issue label, compared in lower
case) and a holder that is the person or the actor they speak for (the finding's holder or
its affiliation). An abstention coded neutral toward UN resolutions also counts when found
toward the parties to the conflict, the codebook's target of a declared neutrality.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import UserError

ITEM_COLUMNS = ("doc", "sentence", "holder", "target", "stance", "kind")
STANCES = ("support", "oppose", "neutral")
#: Targets that count for one another: (gold stance, gold target) -> also accepted.
EQUIVALENT_TARGETS = {("neutral", "un resolutions"): "parties to the conflict"}


KINDS = ("quote", "reported", "author")


def read_items(path: str | Path) -> pd.DataFrame:
    """The gold items of ``path``, checked: an unreadable file, a missing column, an empty
    field or an unknown stance or kind is an error naming the file (and the row)."""
    path = Path(path)
    try:
        items = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot be read as CSV ({exc.__class__.__name__})") from None
    missing = [c for c in ITEM_COLUMNS if c not in items.columns]
    if missing:
        raise UserError(f"{path}: missing column(s) {', '.join(missing)}")
    for row, item in enumerate(items.itertuples(), start=2):
        empty = [c for c in ("doc", "sentence", "holder", "target") if not str(getattr(item, c)).strip()]
        if empty:
            raise UserError(f"{path}: row {row}: empty {', '.join(empty)}")
        if item.stance not in STANCES:
            raise UserError(f"{path}: row {row}: stance {item.stance!r} is not one of {', '.join(STANCES)}")
        if item.kind not in KINDS:
            raise UserError(f"{path}: row {row}: kind {item.kind!r} is not one of {', '.join(KINDS)}")
    return items


def _document(doc: str, doc_ids: list[str]) -> str | None:
    """The document ``doc`` names: itself, or the one id that starts with it and ``_`` or ``.``."""
    if doc in doc_ids:
        return doc
    found = [d for d in doc_ids if d.startswith(doc) and d[len(doc):len(doc) + 1] in ("_", ".", "-")]
    return found[0] if len(found) == 1 else None


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().lower()


def _holder_matches(gold_holder: str, holder: str, affiliation: str) -> bool:
    """The finding's holder or affiliation is the gold holder (``Full Name|Actor``: the person
    or the actor), or holds the person's surname ("Rao" for "Meenakshi Rao"; never an actor's
    last word: "North Korea" is not "South Korea")."""
    parts = [_norm(p) for p in str(gold_holder).split("|")]
    holder, affiliation = _norm(holder), _norm(affiliation)
    if holder in parts or affiliation in parts:
        return True
    person = parts[0] if len(parts) > 1 else ""
    return " " in person and person.split()[-1] in holder.split()


def item_recall(items: pd.DataFrame, documents: pd.DataFrame, sentences: pd.DataFrame,
                stance: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """(scores, items with ``status``: found | missed | not located).

    >>> docs = pd.DataFrame({"doc_id": ["a1"], "text": ["Peru backs the talks."]})
    >>> sents = pd.DataFrame({"doc_id": ["a1"], "sentence_id": [0], "char_start": [0], "char_end": [21]})
    >>> st = pd.DataFrame({"doc_id": ["a1"], "sentence_id": [0], "holder": ["Peru"], "holder_affiliation": [""],
    ...                    "target": ["negotiations and dialogue"], "stance": ["support"]})
    >>> gold = pd.DataFrame({"doc": ["a1"], "sentence": ["Peru backs"], "holder": ["Ana Ruiz|Peru"],
    ...                      "target": ["negotiations and dialogue"], "stance": ["support"], "kind": ["author"]})
    >>> item_recall(gold, docs, sents, st)[0]["found"]
    1
    """
    texts = dict(zip(documents["doc_id"].astype(str), documents["text"]))
    by_doc = {d: g for d, g in sentences.groupby("doc_id")}
    findings = {d: g for d, g in stance.fillna("").groupby("doc_id")} if len(stance) else {}
    status = []
    for item in items.itertuples():
        doc_id = _document(str(item.doc), list(texts))
        if doc_id is None:
            raise UserError(f"gold item {item.Index + 2}: document {item.doc!r} is not in the corpus (or not one)")
        at = texts[doc_id].find(item.sentence)
        if at < 0:
            status.append("not located")
            continue
        end = at + len(item.sentence)
        sents = by_doc.get(doc_id)
        ids = set(sents[(sents["char_start"] < end) & (sents["char_end"] > at)]["sentence_id"]) \
            if sents is not None else set()
        here = findings.get(doc_id)
        here = here[here["sentence_id"].isin(ids)] if here is not None else pd.DataFrame()
        targets = {_norm(item.target)}
        if (item.stance, _norm(item.target)) in EQUIVALENT_TARGETS:
            targets.add(EQUIVALENT_TARGETS[(item.stance, _norm(item.target))])
        found = any(f.stance == item.stance and _norm(f.target) in targets
                    and _holder_matches(item.holder, f.holder, f.holder_affiliation) for f in here.itertuples())
        status.append("found" if found else "missed")
    out = items.assign(status=status)
    inside = ~out["target"].str.startswith("other")
    scores = {"items": len(out), "found": int((out["status"] == "found").sum()),
              "not_located": int((out["status"] == "not located").sum()),
              "recall": round(float((out["status"] == "found").mean()), 3) if len(out) else 0.0,
              # ("other: ..." targets no codebook names: no finding can have them, so these items
              # bound what the codebook-target layer can find)
              "codebook_targets": int(inside.sum()),
              "recall_codebook_targets": round(float((out.loc[inside, "status"] == "found").mean()), 3)
              if inside.any() else 0.0}
    for column in ("kind", "stance"):
        for value, group in out.groupby(column):
            scores[f"{column} {value}"] = f"{int((group['status'] == 'found').sum())}/{len(group)}"
    return scores, out


#: The news item sets kept in ``docs/handcheck`` and whether rules were written while reading them.
NEWS_ITEM_SETS = {"news_dev": "development (read while rules were written)",
                  "news_heldout": "held out (scored only)",
                  "news_heldout2": "held out (scored only; written 2026-12-04)"}


def news_item_table(folder: str | Path, names=tuple(NEWS_ITEM_SETS)) -> tuple[pd.DataFrame, list[str]]:
    """Recall of each item set ``folder/<name>`` (``corpus/`` and ``gold.csv``), analysed in
    memory with the package's codebooks: one row per set, and a line for each set not found."""
    from ..run.build import build_tables

    rows, missing = [], []
    for name in names:
        base = Path(folder) / name
        if not (base / "gold.csv").is_file():
            missing.append(f"{base}: no item set here; not scored.")
            continue
        tables = build_tables(base / "corpus")
        s, _ = item_recall(read_items(base / "gold.csv"), tables["documents"], tables["sentences"], tables["stance"])
        rows.append({"set": name, "use": NEWS_ITEM_SETS.get(name, ""), "items": s["items"], "found": s["found"],
                     "recall": s["recall"], "items whose target a codebook names": s["codebook_targets"],
                     "recall, targets a codebook names": s["recall_codebook_targets"],
                     **{k: v for k, v in s.items() if " " in k}})
    return pd.DataFrame(rows), missing
