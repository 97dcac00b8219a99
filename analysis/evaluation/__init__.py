"""How far the coding can be trusted: gold data and public benchmarks, scored.

* :mod:`.metrics`: precision, recall, F1; Krippendorff's alpha;
* :mod:`.gold`: the seeds' stance and frame gold standards;
* :mod:`.timeml`: TempEval-3 and MEANTIME temporal expressions;
* :mod:`.tone`: VADER on human-rated NYT sentences;
* :mod:`.data`: where the gold files and the shared benchmarks are.
"""
