"""Grouping documents: by a metadata column, or by publication period."""

from __future__ import annotations

import pandas as pd

from ..errors import ParameterError


def group_labels(documents: pd.DataFrame, group_by: str) -> pd.Series:
    """The group of each document as text (missing values dropped), indexed by doc_id."""
    if group_by not in documents.columns or group_by == "text":
        valid = ", ".join(c for c in documents.columns if c != "text")
        raise ParameterError(f"group_by: unknown column {group_by!r} (valid: {valid})")
    labels = documents.set_index("doc_id")[group_by]
    labels = labels[labels.notna() & (labels.astype(str).str.strip() != "")]
    return labels.astype(str)


def period_of(documents: pd.DataFrame, *, granularity: str = "year") -> pd.Series:
    """Each document's publication period (year or month) from its date or inferred interval;
    ``undated`` when even the inferred interval does not fix it at that granularity."""
    n = 4 if granularity == "year" else 7
    out = {}
    for r in documents.itertuples(index=False):
        a = str(getattr(r, "published_earliest", "") or r.published or "")
        b = str(getattr(r, "published_latest", "") or r.published or "")
        out[r.doc_id] = a[:n] if a[:n] and a[:n] == b[:n] and a[:4].isdigit() else "undated"
    return pd.Series(out, name="period")
