"""Configuration and codebooks: YAML files read, validated and turned into objects, in one place.

* :mod:`.corpus`: ``config/corpus.yaml`` (page debris, headlines, stop words);
* :mod:`.codebooks`: the codebooks in ``analysis/codebooks/`` as one :class:`Codebooks`;
* :mod:`.inputs`: a run's inputs (:class:`RunInputs`) and the loaded :class:`Rules`;
* :mod:`.yamlfile`: reading YAML with one-line errors, and the checks the loaders share.
"""

from .codebooks import CODEBOOK_DIR, Codebooks, load_codebooks
from .corpus import CONFIG_DIR, CorpusConfig, load_corpus_config
from .inputs import CorpusSource, EngineOptions, Rules, RunInputs, load_rules

__all__ = ["CODEBOOK_DIR", "CONFIG_DIR", "Codebooks", "CorpusConfig", "CorpusSource", "EngineOptions", "Rules",
           "RunInputs", "load_codebooks", "load_corpus_config", "load_rules"]
