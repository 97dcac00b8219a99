"""The contracts between the stages: which tables there are, what their columns hold, and
what each stage needs and makes.

The tables are the public interface of the project (researchers load them in R, Stata or
pandas): their file names and leading columns are documented in the README and guarded
by ``tests/test_schema.py``. Every row that points into a text carries ``doc_id`` and
character offsets into ``documents.text``.

A :class:`Stage` is one per-document step of the analysis, declared the way spaCy declares
its pipeline components: the tables it ``requires``, the ones it ``provides``, the rules it
``reads`` (the corpus configuration, codebook parts) and, through its ``run`` function, its
code. The partition pipeline (:mod:`analysis.run.partition`) is a loop over the stages, and
the cache keys are made from these declarations (:mod:`analysis.run.hashing`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# --------------------------------------------------------------------------- tables

#: The documents table as read, in this order; extra metadata columns come before ``text``.
DOCUMENT_COLUMNS = [
    "doc_id", "title", "title_basis", "source", "url", "published", "published_basis",
    "year", "dateline", "body_start", "body_end", "n_chars", "text",
]
#: Added by publication-date inference, before ``text``.
PUBLICATION_COLUMNS = ["published_earliest", "published_latest", "published_evidence"]
PARAGRAPH_COLUMNS = ["doc_id", "paragraph_id", "char_start", "char_end", "kind", "text"]
QUOTE_COLUMNS = ["doc_id", "quote_id", "char_start", "char_end", "text"]
SENTENCE_COLUMNS = ["doc_id", "sentence_id", "paragraph_id", "char_start", "char_end",
                    "n_tokens", "quote_id", "in_quote", "text"]
TOKEN_COLUMNS = ["doc_id", "sentence_id", "token_id", "char_start", "char_end",
                 "token", "lower", "is_alpha", "is_stop"]
MENTION_COLUMNS = ["doc_id", "sentence_id", "mention_id", "char_start", "char_end", "text", "kind", "canonical",
                   "actor_type", "affiliation", "role", "source", "resolved", "resolved_from"]
ATTRIBUTION_COLUMNS = ["doc_id", "sentence_id", "attribution", "speaker", "speaker_type", "speaker_affiliation",
                       "speech_verb", "speaker_resolved", "quote_id"]
STANCE_COLUMNS = ["doc_id", "sentence_id", "char_start", "char_end", "holder", "holder_affiliation", "holder_type",
                  "target", "target_type", "stance", "act", "cue", "cue_start", "cue_end", "negated", "hedged",
                  "boosted", "modality", "attribution", "speaker", "resolved_holder", "addressee", "evidence",
                  "plover", "quad"]
FRAME_COLUMNS = ["doc_id", "sentence_id", "char_start", "char_end", "frame", "score", "indicators", "negated",
                 "rejected", "speaker", "speaker_type", "evidence"]
PROFILE_COLUMNS = ["doc_id", "frame", "sentences", "share", "dominant"]
TIMELINE_COLUMNS = ["doc_id", "sentence_id", "char_start", "char_end", "expression", "type", "value", "granularity",
                    "anchor", "mod", "event", "event_start", "event_end", "actors", "issues", "statement", "event_id"]
EVENT_COLUMNS = ["event_id", "date", "granularity", "summary", "actors", "issues", "doc_ids", "mentions",
                 "conflict"]
MERGE_COLUMNS = ["event_id", "doc_id", "sentence_id", "value", "reason"]


@dataclass(frozen=True)
class TableSchema:
    """The leading columns of a table, in order, and the columns that are not text."""

    columns: tuple[str, ...]
    ints: tuple[str, ...] = ()
    bools: tuple[str, ...] = ()
    floats: tuple[str, ...] = ()


SCHEMAS: dict[str, TableSchema] = {
    "documents": TableSchema((*DOCUMENT_COLUMNS[:-1], *PUBLICATION_COLUMNS),
                             ints=("year", "body_start", "body_end", "n_chars")),
    "paragraphs": TableSchema(tuple(PARAGRAPH_COLUMNS), ints=("paragraph_id", "char_start", "char_end")),
    "quotes": TableSchema(tuple(QUOTE_COLUMNS), ints=("quote_id", "char_start", "char_end")),
    "sentences": TableSchema((*SENTENCE_COLUMNS, "tone"),
                             ints=("sentence_id", "paragraph_id", "char_start", "char_end", "n_tokens", "quote_id"),
                             bools=("in_quote",), floats=("tone",)),
    "tokens": TableSchema(tuple(TOKEN_COLUMNS), ints=("sentence_id", "token_id", "char_start", "char_end"),
                          bools=("is_alpha", "is_stop")),
    "mentions": TableSchema(tuple(MENTION_COLUMNS), ints=("sentence_id", "mention_id", "char_start", "char_end"),
                            bools=("resolved",)),
    "attribution": TableSchema(tuple(ATTRIBUTION_COLUMNS), ints=("sentence_id", "quote_id"),
                               bools=("speaker_resolved",)),
    "stance": TableSchema(tuple(STANCE_COLUMNS), ints=("sentence_id", "char_start", "char_end", "cue_start", "cue_end"),
                          bools=("negated", "hedged", "boosted", "resolved_holder")),
    "frames": TableSchema(tuple(FRAME_COLUMNS), ints=("sentence_id", "char_start", "char_end"), bools=("rejected",),
                          floats=("score",)),
    "frame_profile": TableSchema(tuple(PROFILE_COLUMNS), ints=("sentences",), bools=("dominant",), floats=("share",)),
    "timeline": TableSchema(tuple(TIMELINE_COLUMNS),
                            ints=("sentence_id", "char_start", "char_end", "event_start", "event_end"),
                            bools=("statement",)),
    "events": TableSchema(tuple(EVENT_COLUMNS), ints=("mentions",)),
    "event_merges": TableSchema(tuple(MERGE_COLUMNS), ints=("sentence_id",)),
}
TABLE_NAMES = tuple(SCHEMAS)
#: The tables made one partition of documents at a time ...
PARTITION_TABLES = ("documents", "paragraphs", "quotes", "sentences", "tokens", "mentions", "attribution", "stance",
                    "frames", "frame_profile", "timeline")
#: ... and the ones made from every document together (events merged across articles).
CORPUS_TABLES = ("events", "event_merges")


# --------------------------------------------------------------------------- stages

#: What a partition starts from: the raw records read from the corpus.
PARTITION_INPUT = "records"
#: What a stage may read besides tables: the corpus configuration and the codebook parts.
RULES = ("corpus_config", "actors", "places", "issues", "stance", "frames", "anchor_events")


@dataclass(frozen=True)
class Stage:
    """One per-document step: ``run(tables, rules) -> {name: table}``.

    ``requires``: the tables it reads (made by earlier stages); ``provides``: the tables it
    makes; ``updates``: earlier tables it returns rewritten (the documents table gains the
    inferred publication dates); ``reads``: the parts of the rules (:data:`RULES`) it uses.
    A name that is not in :data:`SCHEMAS` is an intermediate result that later stages
    read and that is never written (the mentions of each document, as objects).
    """

    name: str
    run: Callable[[dict[str, Any], Any], dict[str, Any]]
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    updates: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()

    @property
    def module(self) -> str:
        """The module holding the stage's code (its imports inside the package count too)."""
        return self.run.__module__


def check_stages(stages: tuple[Stage, ...], *, start: tuple[str, ...] = (PARTITION_INPUT,),
                 produce: tuple[str, ...] = PARTITION_TABLES) -> None:
    """Raise ValueError unless every stage's inputs are made by an earlier stage, no table is
    made twice, every rule read is known, and the stages together make ``produce``.

    >>> def noop(tables, rules):
    ...     return {}
    >>> check_stages((Stage("a", noop, requires=("records",), provides=("x",)),
    ...               Stage("b", noop, requires=("y",), provides=("z",))), produce=("z",))
    Traceback (most recent call last):
    ValueError: stage 'b' requires 'y', which no earlier stage provides
    """
    available = set(start)
    for stage in stages:
        for name in (*stage.requires, *stage.updates):
            if name not in available:
                raise ValueError(f"stage {stage.name!r} requires {name!r}, which no earlier stage provides")
        for name in stage.provides:
            if name in available:
                raise ValueError(f"stage {stage.name!r} provides {name!r}, which an earlier stage provides")
        unknown = set(stage.reads) - set(RULES)
        if unknown:
            raise ValueError(f"stage {stage.name!r} reads unknown rules {sorted(unknown)} (known: {RULES})")
        available |= set(stage.provides)
    missing = [name for name in produce if name not in available]
    if missing:
        raise ValueError(f"no stage provides {missing}")


def stages_for(stages: tuple[Stage, ...], tables: tuple[str, ...]) -> tuple[Stage, ...]:
    """The stages, in order, that the given tables depend on (the tables' makers and, in turn,
    the makers of what those read).

    >>> def noop(tables, rules):
    ...     return {}
    >>> s = (Stage("a", noop, provides=("x",)), Stage("b", noop, requires=("x",), provides=("y",)),
    ...      Stage("c", noop, provides=("z",)))
    >>> [st.name for st in stages_for(s, ("y",))]
    ['a', 'b']
    """
    wanted, chosen = set(tables), []
    for stage in reversed(stages):
        if wanted & set(stage.provides) or wanted & set(stage.updates):
            chosen.append(stage)
            wanted |= set(stage.requires) | set(stage.updates)
    return tuple(reversed(chosen))
