"""What the notebooks show: summaries of the tables, as tables.

* :mod:`.explore`: frequencies, n-grams, collocations, keyword in context, keyness;
* :mod:`.stance`: the holder x target matrix, stance over time, evidence tables;
* :mod:`.frames`: co-occurrence, shares by group and period, the permutation test;
* :mod:`.timeline`: dated rows on a calendar, unresolved expressions;
* :mod:`.groups`: documents grouped by a column or a publication period.
"""
