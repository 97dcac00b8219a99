"""Analysis of news coverage of diplomatic positions: stance, framing, timelines.

Data flows one way, and so do the imports (each package uses only those listed before it)::

    errors, schema, atomic   the table and stage contracts, errors, writing safely
    lang                     language data: calendar words, NLTK's models, stop words
    config                   YAML configuration and codebooks, validated -> Codebooks, Rules
    text                     corpus files -> documents -> paragraphs, sentences, tokens
    stages                   mentions, stance, frames, timeline: the per-document stages
    views, present           summaries of the tables; figures and HTML for the notebooks
    run                      stages over partitions: engines, cache, the CSV/Parquet tables
    evaluation               gold data and benchmarks, scored
    report                   notebooks through papermill, rendered to HTML

The public verbs::

    documents = analysis.load("seeds")                     # the documents table
    layer = analysis.text_layer(documents)                 # paragraphs, quotes, sentences, tokens
    books = analysis.load_codebooks()                      # every codebook, validated
    tables = analysis.build_tables("seeds")                # every table, in memory

Importing the package changes nothing outside it: NLTK's data folder is activated when a
model is first loaded (:func:`activate_nltk_data` does it by hand, for ``nltk.*`` calls).
"""

from .config import load_codebooks
from .errors import CodebookError, CorpusError, ParameterError, UserError
from .lang.resources import activate as activate_nltk_data
from .run.build import build_tables
from .text.corpus import load
from .text.layer import text_layer

__version__ = "0.1.0"
__all__ = ["load", "text_layer", "load_codebooks", "build_tables", "activate_nltk_data", "CodebookError",
           "CorpusError", "ParameterError", "UserError", "__version__"]
