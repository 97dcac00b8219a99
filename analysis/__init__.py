"""Analysis of news coverage of diplomatic positions: corpus, text layer, exploration.

Importing the package points NLTK at the project's private data folder (built by
``python -m analysis setup``), so ``nltk.sent_tokenize``, ``nltk.word_tokenize`` and
``SentimentIntensityAnalyzer()`` work offline in notebooks and tests.

Stages, one module each, data flowing one way::

    corpus.load  ->  text.text_layer  ->  explore.*  (later: stance, frames, timeline)
"""

from . import resources as _resources

_resources.activate()

from .corpus import load  # noqa: E402
from .errors import CorpusError, UserError  # noqa: E402


def __getattr__(name: str):
    # The text layer imports NLTK's tokenizers: only when it is first used.
    if name == "text_layer":
        from .text import text_layer

        return text_layer
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")

__version__ = "0.1.0"
__all__ = ["load", "text_layer", "CorpusError", "UserError", "__version__"]
