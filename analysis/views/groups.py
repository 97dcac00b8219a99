"""Grouping documents: by a metadata column, or by publication period."""

from __future__ import annotations

import pandas as pd

from .choices import pick_one

#: Documents columns that are not a grouping of documents.
NOT_GROUPS = ("text", "body_start", "body_end", "n_chars", "published_evidence", "dateline")
PERIODS = ("year", "month")


def grouping_columns(documents: pd.DataFrame) -> list[str]:
    """The documents columns a notebook may group by (``doc_id`` gives one document a group)."""
    return [c for c in documents.columns if c not in NOT_GROUPS]


def group_labels(documents: pd.DataFrame, group_by: str) -> pd.Series:
    """The group of each document as text (missing values dropped), indexed by doc_id."""
    group_by = pick_one(group_by, grouping_columns(documents), what="group_by", among="the documents' columns")
    labels = documents.set_index("doc_id", drop=False)[group_by]
    labels = labels[labels.notna() & (labels.astype(str).str.strip() != "")]
    return labels.astype(str)


def period_of(documents: pd.DataFrame, *, granularity: str = "year") -> pd.Series:
    """Each document's publication period (year or month) from its date or inferred interval;
    ``undated`` when even the inferred interval does not fix it at that granularity."""
    granularity = pick_one(granularity, PERIODS, what="granularity", among="the periods")
    n = 4 if granularity == "year" else 7
    out = {}
    for r in documents.itertuples(index=False):
        a = str(getattr(r, "published_earliest", "") or r.published or "")
        b = str(getattr(r, "published_latest", "") or r.published or "")
        out[r.doc_id] = a[:n] if a[:n] and a[:n] == b[:n] and a[:4].isdigit() else "undated"
    return pd.Series(out, name="period")
