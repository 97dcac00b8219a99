"""Running the stages over a corpus and keeping the results.

* :mod:`.build`: the tables in memory (:func:`build_tables`), at scale (:func:`run_tables`),
  or for a notebook (:func:`load_or_build`);
* :mod:`.engines`: partitions on this process, a local process pool or Dask;
* :mod:`.partition`: one partition through every stage; its results in the cache;
* :mod:`.assemble`: the run's tables from its partitions, events merged across articles;
* :mod:`.tables`: the CSV tables, written and read with their types;
* :mod:`.hashing`: what a cached result depends on, as one hash.
"""

from .build import RunTables, build_tables, load_or_build, run_tables
from .tables import read_table, read_tables, write_tables

__all__ = ["RunTables", "build_tables", "load_or_build", "run_tables", "read_table", "read_tables", "write_tables"]
