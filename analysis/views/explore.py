"""Corpus exploration: frequencies, n-grams, collocations, keyword-in-context, keyness.

Each function takes the tidy tables of :mod:`analysis.text.layer` and returns a DataFrame.
Rows that point into the text carry ``doc_id``, ``sentence_id`` and character offsets.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pandas as pd
from nltk.collocations import (
    BigramAssocMeasures,
    BigramCollocationFinder,
    TrigramAssocMeasures,
    TrigramCollocationFinder,
)

from ..errors import ParameterError
from .groups import group_labels

#: Keyness counts are smoothed by this much so a word absent from one group still
#: gets a finite log ratio (Hardie 2014 uses 0.5).
LOG_RATIO_SMOOTHING = 0.5
#: Rates are reported per this many tokens.
PER = 10_000

_MEASURES = ("likelihood_ratio", "pmi", "chi_sq", "student_t", "raw_freq")


def document_overview(documents: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """One row per document: identity, date and its basis, and size of the analysed body.

    Columns: ``doc_id, title, source, published, published_basis, sentences, words, quoted_share``
    (the share of sentences that sit inside a quotation).
    """
    n_sent = sentences.groupby("doc_id").size()
    quoted = sentences.groupby("doc_id")["in_quote"].mean()
    words = tokens[tokens["is_alpha"]].groupby("doc_id").size()
    out = documents[["doc_id", "title", "source", "published", "published_basis"]].copy()
    out["sentences"] = out["doc_id"].map(n_sent).fillna(0).astype(int)
    out["words"] = out["doc_id"].map(words).fillna(0).astype(int)
    out["quoted_share"] = out["doc_id"].map(quoted).fillna(0.0).round(2)
    return out.reset_index(drop=True)


def corpus_summary(documents: pd.DataFrame) -> str:
    """One sentence: how many documents, from how many sources, published when, dated how."""
    sources = documents["source"].replace("", pd.NA).dropna().nunique() if "source" in documents else 0
    dated = sorted(d for d in documents["published"].astype(str) if d and d[:4].isdigit())
    when = (f"published {dated[0]} to {dated[-1]} ({len(dated)} with a date)" if dated
            else "none with a publication date")
    bases = documents["published_basis"].value_counts()
    basis = ", ".join(f"{int(n)} {b}" for b, n in bases.items())
    return (f"{len(documents):,} document(s)" + (f" from {sources} source(s)" if sources else ", no source given")
            + f"; {when}; date basis: {basis}.")


def content_tokens(tokens: pd.DataFrame, *, drop_stopwords: bool = True, min_length: int = 2) -> pd.DataFrame:
    """Alphabetic tokens (optionally without stop words), lower-cased in ``lower``."""
    keep = tokens["is_alpha"] & (tokens["lower"].str.len() >= min_length)
    if drop_stopwords:
        keep &= ~tokens["is_stop"]
    return tokens[keep]


def term_frequencies(tokens: pd.DataFrame, *, drop_stopwords: bool = True, min_count: int = 1,
                     top: int | None = None) -> pd.DataFrame:
    """Term counts with the number of documents each occurs in.

    Columns: ``term, count, documents, per_10k`` (rate per 10,000 alphabetic tokens).
    """
    alpha = tokens[tokens["is_alpha"]]
    kept = content_tokens(tokens, drop_stopwords=drop_stopwords)
    counts = kept.groupby("lower").agg(count=("lower", "size"), documents=("doc_id", "nunique"))
    counts = counts[counts["count"] >= min_count].reset_index().rename(columns={"lower": "term"})
    counts["per_10k"] = (counts["count"] * PER / max(len(alpha), 1)).round(2)
    counts = counts.sort_values(["count", "term"], ascending=[False, True], kind="mergesort")
    return counts.head(top).reset_index(drop=True) if top else counts.reset_index(drop=True)


def _sentence_words(tokens: pd.DataFrame) -> list[list[str]]:
    """Lower-cased alphabetic tokens grouped per sentence (n-grams never cross sentences)."""
    alpha = tokens[tokens["is_alpha"]]
    return [list(g) for _, g in alpha.groupby(["doc_id", "sentence_id"], sort=True)["lower"]]


def ngram_frequencies(tokens: pd.DataFrame, *, n: int = 2, drop_stopwords: bool = True,
                      min_count: int = 1, top: int | None = None) -> pd.DataFrame:
    """Counts of word n-grams within sentences; with ``drop_stopwords`` an n-gram may not
    start or end with a stop word ("the war" is dropped, "use of force" is kept).

    Columns: ``ngram, n, count``.
    """
    if n < 1:
        raise ParameterError(f"n must be >= 1, got {n}")
    stops = set(tokens.loc[tokens["is_stop"], "lower"])
    counts: Counter = Counter()
    for words in _sentence_words(tokens):
        for i in range(len(words) - n + 1):
            gram = words[i:i + n]
            if drop_stopwords and (gram[0] in stops or gram[-1] in stops):
                continue
            counts[" ".join(gram)] += 1
    df = pd.DataFrame(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])), columns=["ngram", "count"])
    df.insert(1, "n", n)
    df = df[df["count"] >= min_count]
    return df.head(top).reset_index(drop=True) if top else df.reset_index(drop=True)


def collocations(tokens: pd.DataFrame, *, n: int = 2, measure: str = "likelihood_ratio",
                 min_count: int = 2, top: int = 20, drop_stopwords: bool = True) -> pd.DataFrame:
    """Collocations found by NLTK's collocation finders, within sentences.

    ``measure`` is one of NLTK's association measures: likelihood_ratio, pmi, chi_sq,
    student_t, raw_freq. Columns: ``collocation, count, score, measure``.
    """
    if n not in (2, 3):
        raise ParameterError(f"collocations: n must be 2 or 3, got {n}")
    if measure not in _MEASURES:
        raise ParameterError(f"collocations: unknown measure {measure!r} (valid: {', '.join(_MEASURES)})")
    finder_cls, measures = (BigramCollocationFinder, BigramAssocMeasures) if n == 2 else \
        (TrigramCollocationFinder, TrigramAssocMeasures)
    finder = finder_cls.from_documents(_sentence_words(tokens))
    if drop_stopwords:
        stops = set(tokens.loc[tokens["is_stop"], "lower"])
        finder.apply_word_filter(lambda w: w in stops or len(w) < 2)
    finder.apply_freq_filter(min_count)
    scored = finder.score_ngrams(getattr(measures, measure))
    freq = finder.ngram_fd
    rows = [(" ".join(g), freq[g], round(score, 4), measure) for g, score in scored]
    rows.sort(key=lambda r: (-r[2], -r[1], r[0]))  # ties broken by count then text: stable output
    return pd.DataFrame(rows[:top], columns=["collocation", "count", "score", "measure"])


def term_pattern(term: str) -> str:
    """Regex for a search term: words matched whole, ``*`` as a within-word wildcard.

    >>> bool(re.search(term_pattern("demin*"), "Ukrainian deminers", re.I))
    True
    >>> bool(re.search(term_pattern("use of force"), "the use  of force", re.I))
    True
    """
    words = [re.escape(w).replace(r"\*", r"\w*") for w in term.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def kwic(documents: pd.DataFrame, sentences: pd.DataFrame, terms: list[str] | str, *,
         window: int = 60) -> pd.DataFrame:
    """Keyword in context: every match of ``terms`` inside the analysed sentences.

    Columns: ``doc_id, sentence_id, char_start, char_end, term, left, match, right``;
    ``left``/``right`` are up to ``window`` characters of the document around the match,
    with line breaks shown as spaces.
    """
    if isinstance(terms, str):
        terms = [terms]
    terms = [str(t) for t in terms or [] if str(t).strip()]
    texts = dict(zip(documents["doc_id"], documents["text"]))
    rows = []
    for term in terms:
        if not str(term).strip():
            continue
        pattern = re.compile(term_pattern(str(term)), re.IGNORECASE)
        for s in sentences.itertuples(index=False):
            for m in pattern.finditer(s.text):
                start, end = s.char_start + m.start(), s.char_start + m.end()
                text = texts[s.doc_id]
                rows.append((s.doc_id, s.sentence_id, start, end, term,
                             _one_line(text[max(0, start - window):start]), text[start:end],
                             _one_line(text[end:end + window])))
    cols = ["doc_id", "sentence_id", "char_start", "char_end", "term", "left", "match", "right"]
    return pd.DataFrame(rows, columns=cols).sort_values(["term", "doc_id", "char_start"], kind="mergesort") \
        .reset_index(drop=True)


def _one_line(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def keyness(tokens: pd.DataFrame, documents: pd.DataFrame, *, group_by: str, target: str | None = None,
            drop_stopwords: bool = True, min_count: int = 2, top: int | None = 30) -> pd.DataFrame:
    """Keywords of one group of documents against the rest, by log-likelihood (G2).

    ``target`` is a value of ``group_by`` (the first in sorted order when omitted);
    the reference is every other document with a value. Columns:
    ``term, target_count, reference_count, target_per_10k, reference_per_10k, g2, p,
    log_ratio, key_for`` where ``log_ratio`` is Hardie's effect size (binary log of the
    ratio of relative frequencies, counts smoothed by 0.5) and ``p`` is the chi-square
    (1 df) tail of G2, uncorrected for the many terms tested.

    Raises ParameterError when there are not two groups to compare.
    """
    labels = group_labels(documents, group_by)
    groups = sorted(labels.unique())
    if len(groups) < 2:
        raise ParameterError(f"keyness: group_by {group_by!r} has {len(groups)} group(s) with values; need 2 or more")
    target = str(target) if target is not None else groups[0]
    if target not in groups:
        raise ParameterError(f"keyness: target {target!r} is not a value of {group_by!r} (values: {', '.join(groups)})")
    kept = content_tokens(tokens, drop_stopwords=drop_stopwords)
    kept = kept[kept["doc_id"].isin(labels.index)]
    in_target = kept["doc_id"].map(labels) == target
    alpha = tokens[tokens["is_alpha"] & tokens["doc_id"].isin(labels.index)]
    size_t = int((alpha["doc_id"].map(labels) == target).sum())
    size_r = len(alpha) - size_t
    a = kept[in_target]["lower"].value_counts()
    b = kept[~in_target]["lower"].value_counts()
    table = pd.concat([a.rename("target_count"), b.rename("reference_count")], axis=1).fillna(0).astype(int)
    table = table[(table["target_count"] + table["reference_count"]) >= min_count]
    rows = []
    for term, (o1, o2) in zip(table.index, table[["target_count", "reference_count"]].to_numpy()):
        g2 = log_likelihood(int(o1), int(o2), size_t, size_r)
        lr = math.log2(((o1 + LOG_RATIO_SMOOTHING) / size_t) / ((o2 + LOG_RATIO_SMOOTHING) / size_r)) \
            if size_t and size_r else float("nan")
        rows.append((term, int(o1), int(o2), round(o1 * PER / max(size_t, 1), 2), round(o2 * PER / max(size_r, 1), 2),
                     round(g2, 4), chi2_sf_1df(g2), round(lr, 4), target if lr > 0 else "reference"))
    cols = ["term", "target_count", "reference_count", "target_per_10k", "reference_per_10k", "g2", "p",
            "log_ratio", "key_for"]
    df = pd.DataFrame(rows, columns=cols).sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
    df.attrs.update(group_by=group_by, target=target, target_tokens=size_t, reference_tokens=size_r)
    return (df.head(top) if top else df).reset_index(drop=True)


def log_likelihood(o1: int, o2: int, n1: int, n2: int) -> float:
    """Dunning's G2 for a term seen ``o1`` times in ``n1`` tokens and ``o2`` times in ``n2``.

    >>> round(log_likelihood(10, 0, 1000, 1000), 3)
    13.863
    """
    total = n1 + n2
    if total == 0 or (o1 + o2) == 0:
        return 0.0
    e1 = n1 * (o1 + o2) / total
    e2 = n2 * (o1 + o2) / total
    g2 = 0.0
    for o, e in ((o1, e1), (o2, e2)):
        if o > 0:
            g2 += o * math.log(o / e)
    return 2 * g2


def chi2_sf_1df(x: float) -> float:
    """Upper tail of the chi-square distribution with one degree of freedom."""
    return math.erfc(math.sqrt(max(x, 0.0) / 2))


def keyness_or_reason(tokens: pd.DataFrame, documents: pd.DataFrame, *, group_by: str,
                      target: str | None = None, **kw) -> tuple[pd.DataFrame | None, str]:
    """:func:`keyness` for a notebook: (table, note) or (None, why it cannot be computed).

    The note states the group sizes, so a reader sees how little a handful of
    documents can show.
    """
    try:
        table = keyness(tokens, documents, group_by=group_by, target=target, **kw)
    except ParameterError as exc:
        return None, str(exc)
    labels = group_labels(documents, group_by)
    sizes = labels.value_counts().sort_index()
    groups = ", ".join(f"{k}: {v} document(s)" for k, v in sizes.items())
    note = (f"Keyness of {group_by} = {table.attrs['target']} against the other groups ({groups}; "
            f"{table.attrs['target_tokens']} vs {table.attrs['reference_tokens']} word tokens). "
            "p is uncorrected for the number of terms tested.")
    if sizes.min() < 5:
        note += " With fewer than 5 documents in a group, key terms describe those documents, not the group."
    return table, note
