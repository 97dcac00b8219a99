"""The analysis stages, in the order a partition of documents goes through them.

Each stage is declared next to its code (``STAGE = Stage(...)``: what it requires, provides
and reads; see :class:`analysis.schema.Stage`) and takes tables and the rules, returning
tables. :data:`STAGES` is the whole per-document pipeline::

    records -> documents -> paragraphs, quotes, sentences, tokens      (analysis.text)
            -> mentions, attribution (+ the mentions as objects)        (.mentions)
            -> stance                                                   (.stance)
            -> frames, frame_profile                                    (.frames)
            -> timeline (+ publication-date intervals)                  (.timeline, .dating)
            -> documents with their publication dates                   (.dating)

Events are merged across articles afterwards (:mod:`.events`): that needs every document.
Helpers the stages share: :mod:`.lexicon` (matching codebook phrases), :mod:`.negation`,
:mod:`.timexes` (temporal expressions).
"""

from ..schema import Stage
from ..text import corpus, layer
from . import dating, frames, mentions, stance, timeline

STAGES: tuple[Stage, ...] = (corpus.STAGE, layer.STAGE, mentions.STAGE, stance.STAGE, frames.STAGE, timeline.STAGE,
                             dating.PUBLISHED_STAGE)

__all__ = ["STAGES"]
